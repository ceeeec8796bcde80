//! Tests of the conversion pipeline against an independent
//! double-precision model ([`model`]), plus round trips, colour matching
//! on published values and the error cases.
//!
//! Test frames are built as code values and packed with `convert::io`
//! (tested on its own); the model starts from the same codes read back, so
//! half-float rounding of the pattern cannot hide anywhere.

// The model indexes pixels and channels the way the formulas are written.
#![allow(clippy::needless_range_loop)]

mod decisions;
mod errors;
mod fast;
mod matching;
mod model;
mod roundtrip;
mod scaling;
mod sweep;

use super::io::{
    ColorModel, DestPlane, FormatInfo, IntermediateRow, RowCodec, SourcePlane, read_frame,
    write_frame,
};
use super::{ConversionPlan, ConversionRequest, DestFrame, SourceFrame};
use crate::core::pixel_format::{PixelFormat, fourcc};

pub(super) fn format(code: &[u8; 4]) -> &'static PixelFormat {
    PixelFormat::find(fourcc(code)).expect("known format")
}

/// Every format the converter handles, in table order.
pub(super) fn supported() -> Vec<&'static PixelFormat> {
    PixelFormat::all()
        .iter()
        .filter(|f| FormatInfo::new(f).is_ok())
        .collect()
}

/// Stride padding bytes are this value; a conversion must not touch them.
pub(super) const SENTINEL: u8 = 0xA5;

/// A frame's memory: one buffer per plane with a padded stride.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Frame {
    pub format: &'static PixelFormat,
    pub width: usize,
    pub height: usize,
    pub planes: Vec<Vec<u8>>,
    pub strides: Vec<usize>,
}

impl Frame {
    /// A sentinel-filled frame; each plane's stride is its row length plus
    /// `3 + plane` bytes.
    pub fn new(format: &'static PixelFormat, width: usize, height: usize) -> Frame {
        let codec = RowCodec::new(format).unwrap();
        let mut planes = Vec::new();
        let mut strides = Vec::new();
        for (p, plane) in format.planes().iter().enumerate() {
            let length = codec.row_length(p, width).unwrap();
            let stride = length + 3 + p;
            planes.push(vec![
                SENTINEL;
                stride * (plane.height_for(height) - 1) + length
            ]);
            strides.push(stride);
        }
        Frame {
            format,
            width,
            height,
            planes,
            strides,
        }
    }

    /// A frame holding `rows` (code values), packed by `convert::io`.
    pub fn from_rows(format: &'static PixelFormat, rows: &[IntermediateRow]) -> Frame {
        let (width, height) = (rows[0].width(), rows.len());
        let mut frame = Frame::new(format, width, height);
        write_frame(format, width, height, &mut frame.dests(), |y, row| {
            *row = rows[y].clone();
        })
        .unwrap();
        frame
    }

    pub fn sources(&self) -> Vec<SourcePlane<'_>> {
        SourcePlane::over(&self.planes, &self.strides)
    }

    pub fn dests(&mut self) -> Vec<DestPlane<'_>> {
        DestPlane::over(&mut self.planes, &self.strides)
    }

    /// The code values of every row.
    pub fn rows(&self) -> Vec<IntermediateRow> {
        let mut rows = Vec::new();
        read_frame(
            self.format,
            self.width,
            self.height,
            &self.sources(),
            |_, row| rows.push(row.clone()),
        )
        .unwrap();
        rows
    }

    /// Whether every stride padding byte still holds [`SENTINEL`].
    pub fn padding_intact(&self) -> bool {
        let codec = RowCodec::new(self.format).unwrap();
        self.planes.iter().enumerate().all(|(p, data)| {
            let length = codec.row_length(p, self.width).unwrap();
            data.chunks(self.strides[p])
                .all(|row| row[length.min(row.len())..].iter().all(|&b| b == SENTINEL))
        })
    }
}

/// Runs the pipeline on `source` into a fresh destination frame.
pub(super) fn run(
    plan: &ConversionPlan,
    destination: &'static PixelFormat,
    source: &Frame,
) -> Frame {
    let mut out = Frame::new(destination, source.width, source.height);
    let sources = source.sources();
    let mut dests = out.dests();
    plan.convert(
        &SourceFrame {
            width: source.width,
            height: source.height,
            planes: &sources,
        },
        &mut DestFrame {
            width: source.width,
            height: source.height,
            planes: &mut dests,
        },
    )
    .unwrap();
    out
}

/// Plans and runs `request` on `source`.
pub(super) fn convert(request: &ConversionRequest, source: &Frame) -> Frame {
    let plan = ConversionPlan::new(request).unwrap();
    run(&plan, request.destination, source)
}

pub(super) use crate::core::test_rng::Rng;

/// Code rows of a `width` × `height` `format` frame, from a closure giving
/// normalised values per pixel (colour channels in the format's model)
/// and alpha. Chroma of subsampled formats comes from the block's first
/// pixel. Codes are rounded and clamped to each channel's range.
pub(super) fn rows_from(
    format: &'static PixelFormat,
    width: usize,
    height: usize,
    mut pixel: impl FnMut(usize, usize) -> ([f64; 3], f64),
) -> Vec<IntermediateRow> {
    let info = FormatInfo::new(format).unwrap();
    let codec = RowCodec::new(format).unwrap();
    let (sh, _) = info.chroma_subsampling;
    let sh = usize::from(sh);
    (0..height)
        .map(|y| {
            let mut row = codec.new_row(width);
            for x in 0..width {
                let (colour, alpha) = pixel(x, y);
                for c in 0..4 {
                    let len = row.channel(c).len();
                    let chroma = info.model == ColorModel::YCbCr && (c == 1 || c == 2);
                    let index = if chroma { x / sh } else { x };
                    if index >= len || (chroma && x % sh != 0) {
                        continue;
                    }
                    let v = if c == 3 { alpha } else { colour[c] };
                    let s = model::scale(&info, c);
                    let mut code = s.zero + s.span * v;
                    if let Some((lo, hi)) = info.code_range(c) {
                        code = code.round().clamp(f64::from(lo), f64::from(hi));
                    }
                    row.channel_mut(c)[index] = code as f32;
                }
            }
            row
        })
        .collect()
}

/// A frame of `format` from code values per pixel (channels in the
/// format's model, alpha last); chroma of subsampled formats is taken from
/// the first pixel of each block.
pub(super) fn codes_frame(
    format: &'static PixelFormat,
    width: usize,
    height: usize,
    mut pixel: impl FnMut(usize, usize) -> [f32; 4],
) -> Frame {
    let info = FormatInfo::new(format).unwrap();
    let codec = RowCodec::new(format).unwrap();
    let sh = usize::from(info.chroma_subsampling.0);
    let rows: Vec<IntermediateRow> = (0..height)
        .map(|y| {
            let mut row = codec.new_row(width);
            for x in 0..width {
                let p = pixel(x, y);
                for (c, &v) in p.iter().enumerate() {
                    let chroma = info.model == ColorModel::YCbCr && (c == 1 || c == 2);
                    let index = if chroma { x / sh } else { x };
                    if (!chroma || x % sh == 0) && index < row.channel(c).len() {
                        row.channel_mut(c)[index] = v;
                    }
                }
            }
            row
        })
        .collect();
    Frame::from_rows(format, &rows)
}

/// The code values of pixel (x, y) of a converted frame: channels 0–3,
/// chroma from the pixel's chroma sample, `NAN` where the format has none.
pub(super) fn pixel_codes(frame: &Frame, x: usize, y: usize) -> [f32; 4] {
    let info = FormatInfo::new(frame.format).unwrap();
    let (sh, sv) = info.chroma_subsampling;
    let rows = frame.rows();
    std::array::from_fn(|c| {
        let chroma = info.model == ColorModel::YCbCr && (c == 1 || c == 2);
        let (row, index) = if chroma {
            (&rows[y - y % usize::from(sv)], x / usize::from(sh))
        } else {
            (&rows[y], x)
        };
        row.channel(c).get(index).copied().unwrap_or(f32::NAN)
    })
}
