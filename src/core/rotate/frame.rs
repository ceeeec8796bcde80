//! The frame driver of rotation: checks the size rule, validates both
//! frames with the conversion core's geometry rules, then moves each plane
//! on one of two paths, chosen once per frame.
//!
//! - **Direct** (every plane stores one sample per block, and a transpose
//!   does not change a plane's subsampling grid: 4:4:4, RGB, gray, 4:2:0
//!   chroma): each plane is rotated by [`rotate_plane`] as whole samples of
//!   `bytes_per_block` bytes at its own resolution — a bit-exact byte
//!   permutation, padding bits and all. A Cb/Cr pair is one sample.
//! - **Through code values** (packed 4:2:2 such as `'2vuy'`, `'yuvs'`,
//!   `'v216'`, `'v210'`, whose blocks hold two or six pixels, and 4:2:2
//!   planar chroma under a transpose): the conversion core's row I/O
//!   unpacks every row into code planes (Y', Cb, Cr and alpha at their own
//!   resolution), those are rotated with the same plane driver, and the
//!   row I/O packs them again. Without a transpose the chroma grid is
//!   unchanged and this is exact too. Under a transpose a 4:2:2 chroma
//!   plane becomes vertically subsampled, so it is **re-paired**: each
//!   destination chroma sample is the mean of the source chroma samples
//!   under the pixels it covers (for 4:2:2, the two horizontally adjacent
//!   destination pixels, which came from two vertically adjacent source
//!   rows), rounded to the nearest code with ties away from zero by the
//!   packer. Luma and alpha stay exact.
//!
//! A destination of another format ([`rotate_and_convert`]) is rotated
//! into a temporary frame of the source's format and then converted by
//! the [`ConversionPlan`], so colour follows the transfer session's rules.

use super::orientation::{Mapping, Orientation};
use super::plane::{PlaneShape, rotate_plane};
use crate::core::convert::io::{
    ColorModel, ConvertError, DestPlane, FormatInfo, FrameReader, FrameWriter, IntermediateRow,
    RowCodec, SourcePlane,
};
use crate::core::convert::{ConversionPlan, DestFrame, SourceFrame};
use crate::core::pixel_format::{PixelFormat, Storage};

/// Why a frame could not be rotated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RotateError {
    /// 90°/270° need the destination's width and height to be the
    /// source's height and width, 0°/180° equal ones (VTPixelRotationSession.h).
    #[error("a {from:?} source rotated needs a {expected:?} destination, not {destination:?}")]
    Dimensions {
        from: (usize, usize),
        expected: (usize, usize),
        destination: (usize, usize),
    },
    /// A format or geometry error from the conversion core (unsupported
    /// formats are [`ConvertError::Unsupported`] / `UnsupportedPair`).
    #[error(transparent)]
    Convert(#[from] ConvertError),
}

/// Checks the size rule of the session.
pub fn check_dimensions(
    orientation: Orientation,
    source: (usize, usize),
    destination: (usize, usize),
) -> Result<(), RotateError> {
    let expected = orientation.destination_size(source.0, source.1);
    if expected == destination {
        Ok(())
    } else {
        Err(RotateError::Dimensions {
            from: source,
            expected,
            destination,
        })
    }
}

/// Whether every plane of `format` can be moved as whole samples under
/// `mapping` (see the module docs).
pub fn is_direct(format: &PixelFormat, mapping: Mapping) -> bool {
    format.planes().iter().all(|plane| {
        plane.block_width == 1
            && matches!(
                plane.storage,
                Storage::Container { .. } | Storage::Float { .. } | Storage::PackedWord { .. }
            )
            && (!mapping.transpose || plane.h_subsampling == plane.v_subsampling)
    })
}

/// Rotates `source` into `destination`, both of `format`. Nothing is
/// written unless the sizes follow the rule and both frames are valid.
pub fn rotate_frame(
    format: &'static PixelFormat,
    orientation: Orientation,
    source: &SourceFrame<'_, '_>,
    destination: &mut DestFrame<'_, '_>,
) -> Result<(), RotateError> {
    check_dimensions(
        orientation,
        (source.width, source.height),
        (destination.width, destination.height),
    )?;
    let reader = FrameReader::new(format, source.width, source.height, source.planes)?;
    let mut writer = FrameWriter::new(
        format,
        destination.width,
        destination.height,
        destination.planes,
    )?;
    let mapping = orientation.mapping();
    if is_direct(format, mapping) {
        rotate_planes(format, mapping, &reader, &mut writer)
    } else {
        rotate_codes(mapping, &reader, &mut writer)
    }
}

/// Rotates `source` (the plan's source format) into `destination` (its
/// destination format): directly when both formats are the same, else
/// into a temporary frame of the source format that the plan converts.
pub fn rotate_and_convert(
    plan: &ConversionPlan,
    orientation: Orientation,
    source: &SourceFrame<'_, '_>,
    destination: &mut DestFrame<'_, '_>,
) -> Result<(), RotateError> {
    let request = plan.request();
    check_dimensions(
        orientation,
        (source.width, source.height),
        (destination.width, destination.height),
    )?;
    if request.source == request.destination {
        return rotate_frame(request.source, orientation, source, destination);
    }
    // Validate the destination before any work.
    FrameWriter::new(
        request.destination,
        destination.width,
        destination.height,
        destination.planes,
    )?;
    let (width, height) = (destination.width, destination.height);
    let codec = RowCodec::new(request.source)?;
    let mut strides = Vec::new();
    let mut memory = Vec::new();
    for (index, plane) in request.source.planes().iter().enumerate() {
        let stride = codec.row_length(index, width)?;
        let size = stride
            .checked_mul(plane.height_for(height))
            .ok_or(ConvertError::OutOfMemory)?;
        let mut bytes = Vec::new();
        bytes
            .try_reserve_exact(size)
            .map_err(|_| ConvertError::OutOfMemory)?;
        bytes.resize(size, 0);
        memory.push(bytes);
        strides.push(stride);
    }
    let mut temp_planes: Vec<DestPlane<'_>> = memory
        .iter_mut()
        .zip(&strides)
        .map(|(data, &bytes_per_row)| DestPlane {
            data,
            bytes_per_row,
        })
        .collect();
    rotate_frame(
        request.source,
        orientation,
        source,
        &mut DestFrame {
            width,
            height,
            planes: &mut temp_planes,
        },
    )?;
    let rotated: Vec<SourcePlane<'_>> = memory
        .iter()
        .zip(&strides)
        .map(|(data, &bytes_per_row)| SourcePlane {
            data,
            bytes_per_row,
        })
        .collect();
    plan.convert(
        &SourceFrame {
            width,
            height,
            planes: &rotated,
        },
        destination,
    )?;
    Ok(())
}

/// The direct path: every plane as whole samples of its block size.
fn rotate_planes(
    format: &PixelFormat,
    mapping: Mapping,
    reader: &FrameReader<'_, '_>,
    writer: &mut FrameWriter<'_, '_>,
) -> Result<(), RotateError> {
    let (sw, sh) = (reader.width(), reader.height());
    let (dw, dh) = mapping.destination_size(sw, sh);
    let sources = reader.planes();
    for ((plane, src), dst) in format
        .planes()
        .iter()
        .zip(sources)
        .zip(writer.planes_mut().iter_mut())
    {
        let n = usize::from(plane.bytes_per_block);
        let from = PlaneShape {
            width: plane.width_for(sw),
            height: plane.height_for(sh),
            stride: src.bytes_per_row,
            n,
        };
        let to = PlaneShape {
            width: plane.width_for(dw),
            height: plane.height_for(dh),
            stride: dst.bytes_per_row,
            n,
        };
        // Geometry was validated by the reader and writer.
        rotate_plane(src.data, from, dst.data, to, mapping).map_err(|_| ConvertError::RowShape)?;
    }
    Ok(())
}

/// One channel of a whole frame as code values at its own resolution.
struct CodePlane {
    width: usize,
    height: usize,
    values: Vec<f32>,
}

/// The path through code values (see the module docs).
fn rotate_codes(
    mapping: Mapping,
    reader: &FrameReader<'_, '_>,
    writer: &mut FrameWriter<'_, '_>,
) -> Result<(), RotateError> {
    let info = *reader.codec().info();
    let (sw, sh) = (reader.width(), reader.height());
    let (dw, dh) = mapping.destination_size(sw, sh);
    let (h, v) = subsampling(&info);
    let is_chroma = |c: usize| info.model == ColorModel::YCbCr && (c == 1 || c == 2);

    // Unpack: chroma rows come from the first image row of each group,
    // as the row I/O's plane mapping gives them.
    let mut row = reader.codec().new_row(sw);
    let mut planes: Vec<Option<CodePlane>> = (0..4)
        .map(|c| {
            let width = row.channel(c).len();
            (width > 0).then(|| {
                let height = if is_chroma(c) { sh.div_ceil(v) } else { sh };
                CodePlane {
                    width,
                    height,
                    values: Vec::new(),
                }
            })
        })
        .collect();
    for plane in planes.iter_mut().flatten() {
        plane.values = zeroed(plane.width * plane.height)?;
        plane.values.clear();
    }
    for y in 0..sh {
        reader.read_row(y, &mut row)?;
        for (c, plane) in planes.iter_mut().enumerate() {
            if let Some(plane) = plane
                && (!is_chroma(c) || y % v == 0)
            {
                plane.values.extend_from_slice(row.channel(c));
            }
        }
    }

    // Rotate each channel at its own resolution (or re-pair the chroma).
    let mut rotated: Vec<Option<CodePlane>> = Vec::with_capacity(4);
    for (c, plane) in planes.iter().enumerate() {
        let Some(plane) = plane else {
            rotated.push(None);
            continue;
        };
        let (width, height) = if is_chroma(c) {
            (dw.div_ceil(h), dh.div_ceil(v))
        } else {
            (dw, dh)
        };
        let mut values = zeroed(width * height)?;
        if mapping.destination_size(plane.width, plane.height) == (width, height) {
            rotate_plane(
                &plane.values,
                shape(plane.width, plane.height),
                &mut values,
                shape(width, height),
                mapping,
            )
            .map_err(|_| ConvertError::RowShape)?;
        } else {
            repair(
                plane,
                &mut values,
                width,
                (h, v),
                mapping,
                (sw, sh),
                (dw, dh),
            );
        }
        rotated.push(Some(CodePlane {
            width,
            height,
            values,
        }));
    }

    // Pack: a subsampled chroma row is written by its group's first row.
    let mut out: IntermediateRow = writer.codec().new_row(dw);
    for y in 0..dh {
        for (c, plane) in rotated.iter().enumerate() {
            if let Some(plane) = plane {
                let r = if is_chroma(c) { y / v } else { y };
                let start = r.min(plane.height - 1) * plane.width;
                out.channel_mut(c)
                    .copy_from_slice(&plane.values[start..start + plane.width]);
            }
        }
        writer.write_row(y, &out)?;
    }
    Ok(())
}

/// `len` zeros, or [`ConvertError::OutOfMemory`] instead of aborting: a
/// frame's code planes take four bytes per 8-bit sample.
fn zeroed(len: usize) -> Result<Vec<f32>, ConvertError> {
    let mut values = Vec::new();
    values
        .try_reserve_exact(len)
        .map_err(|_| ConvertError::OutOfMemory)?;
    values.resize(len, 0.0);
    Ok(values)
}

/// A tightly packed `f32` code plane.
fn shape(width: usize, height: usize) -> PlaneShape {
    PlaneShape {
        width,
        height,
        stride: width,
        n: 1,
    }
}

/// The chroma subsampling as `usize`s, never 0.
fn subsampling(info: &FormatInfo) -> (usize, usize) {
    let (h, v) = info.chroma_subsampling;
    (usize::from(h.max(1)), usize::from(v.max(1)))
}

/// Re-pairs a chroma plane whose grid a transpose changed: each
/// destination sample is the mean of the source chroma samples of the
/// destination pixels it covers.
fn repair(
    plane: &CodePlane,
    out: &mut [f32],
    out_width: usize,
    (h, v): (usize, usize),
    mapping: Mapping,
    (sw, sh): (usize, usize),
    (dw, dh): (usize, usize),
) {
    for (r, out_row) in out.chunks_exact_mut(out_width).enumerate() {
        for (j, sample) in out_row.iter_mut().enumerate() {
            let (mut sum, mut count) = (0.0f32, 0.0f32);
            for y in r * v..((r + 1) * v).min(dh) {
                for x in j * h..((j + 1) * h).min(dw) {
                    let (sx, sy) = mapping.source_of(x, y, sw, sh);
                    sum += plane.values[(sy / v) * plane.width + sx / h];
                    count += 1.0;
                }
            }
            *sample = sum / count;
        }
    }
}
