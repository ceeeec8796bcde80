//! The plane driver: whole frames with padded strides, odd sizes, 4:2:0
//! row pairing and geometry errors.

use super::super::spec::SPECS;
use super::super::{
    ConvertError, DestPlane, IntermediateRow, RowCodec, SourcePlane, plane_row, read_frame,
    row::channel::*, write_frame,
};
use super::{Rng, canonical, format};
use crate::core::pixel_format::{GeometryError, PixelFormat};

const SENTINEL: u8 = 0xC3;

/// A frame of `format` with `extra` bytes of stride padding per row and
/// random canonical image bytes; padding bytes hold `SENTINEL`.
struct Frame {
    planes: Vec<Vec<u8>>,
    strides: Vec<usize>,
    lengths: Vec<usize>,
}

impl Frame {
    fn new(f: &'static PixelFormat, width: usize, height: usize, extra: usize) -> Frame {
        let codec = RowCodec::new(f).unwrap();
        let mut planes = Vec::new();
        let mut strides = Vec::new();
        let mut lengths = Vec::new();
        for (p, plane) in f.planes().iter().enumerate() {
            let length = codec.row_length(p, width).unwrap();
            // Different padding per plane: strides are independent.
            let stride = length + if extra > 0 { extra + p } else { 0 };
            let rows = plane.height_for(height);
            // The last row ends at its row length: no trailing slack.
            planes.push(vec![SENTINEL; stride * (rows - 1) + length]);
            strides.push(stride);
            lengths.push(length);
        }
        Frame {
            planes,
            strides,
            lengths,
        }
    }

    fn fill_random(&mut self, f: &PixelFormat, width: usize, rng: &mut Rng) {
        for (p, plane) in self.planes.iter_mut().enumerate() {
            for row in plane.chunks_mut(self.strides[p]) {
                let pixels = &mut row[..self.lengths[p]];
                pixels.copy_from_slice(&rng.bytes(pixels.len()));
                canonical(f.code, p, width, pixels);
            }
        }
    }

    fn sources(&self) -> Vec<SourcePlane<'_>> {
        SourcePlane::over(&self.planes, &self.strides)
    }

    fn dests(&mut self) -> Vec<DestPlane<'_>> {
        DestPlane::over(&mut self.planes, &self.strides)
    }
}

fn read_all(
    f: &'static PixelFormat,
    width: usize,
    height: usize,
    frame: &Frame,
) -> Vec<IntermediateRow> {
    let mut rows = Vec::new();
    read_frame(f, width, height, &frame.sources(), |y, row| {
        assert_eq!(y, rows.len());
        rows.push(row.clone());
    })
    .unwrap();
    rows
}

#[test]
fn frames_round_trip_with_padded_strides() {
    let mut rng = Rng::new(0xF4A3E);
    for spec in &SPECS {
        let f = PixelFormat::find(spec.code).unwrap();
        for (width, height) in [(1, 1), (7, 3), (49, 4)] {
            let mut src = Frame::new(f, width, height, 5);
            src.fill_random(f, width, &mut rng);
            let rows = read_all(f, width, height, &src);
            assert_eq!(rows.len(), height);
            let mut dst = Frame::new(f, width, height, 5);
            write_frame(f, width, height, &mut dst.dests(), |y, row| {
                *row = rows[y].clone();
            })
            .unwrap();
            // Image bytes equal, stride padding untouched (SENTINEL in both).
            assert!(src.planes == dst.planes, "{} {width}x{height}", f.name);
        }
    }
}

#[test]
fn chroma_of_a_420_pair_comes_from_its_even_row() {
    let f = format(b"420v");
    let (width, height) = (2, 3);
    let mut frame = Frame::new(f, width, height, 0);
    write_frame(f, width, height, &mut frame.dests(), |y, row| {
        let v = y as f32;
        row.channel_mut(Y).fill(10.0 + v);
        row.channel_mut(CB).fill(100.0 + v);
        row.channel_mut(CR).fill(200.0 + v);
    })
    .unwrap();
    assert_eq!(frame.planes[0], [10, 10, 11, 11, 12, 12]);
    // Chroma rows from image rows 0 and 2; row 1's chroma is ignored.
    assert_eq!(frame.planes[1], [100, 200, 102, 202]);
    // Reading gives both rows of a pair the same chroma row.
    let rows = read_all(f, width, height, &frame);
    let cb: Vec<f32> = rows.iter().map(|r| r.channel(CB)[0]).collect();
    assert_eq!(cb, [100.0, 100.0, 102.0]);
}

#[test]
fn plane_rows_follow_vertical_subsampling() {
    let f = format(b"y420");
    let (luma, chroma) = (&f.planes()[0], &f.planes()[1]);
    for y in 0..6 {
        assert_eq!(plane_row(luma, y).row, y);
        assert!(plane_row(luma, y).writes);
        assert_eq!(plane_row(chroma, y).row, y / 2);
        assert_eq!(plane_row(chroma, y).writes, y % 2 == 0);
    }
}

#[test]
fn rows_without_alpha_in_write_frame_are_opaque() {
    let f = format(b"BGRA");
    let mut frame = Frame::new(f, 2, 1, 0);
    write_frame(f, 2, 1, &mut frame.dests(), |_, row| {
        row.set_alpha(false);
        for c in [R, G, B] {
            row.channel_mut(c).fill(9.0);
        }
    })
    .unwrap();
    assert_eq!(frame.planes[0], [9, 9, 9, 255, 9, 9, 9, 255]);
}

#[test]
fn geometry_is_validated() {
    let f = format(b"420v");
    let frame = Frame::new(f, 4, 4, 0);
    let sources = frame.sources();
    let ignore = |_: usize, _: &IntermediateRow| {};
    // Plane memory one byte short.
    let short = [
        sources[0],
        SourcePlane {
            data: &sources[1].data[1..],
            bytes_per_row: 4,
        },
    ];
    assert_eq!(
        read_frame(f, 4, 4, &short, ignore),
        Err(ConvertError::PlaneTooSmall {
            plane: 1,
            needed: 8,
            given: 7
        })
    );
    // A stride below the row length.
    let narrow = [
        SourcePlane {
            data: sources[0].data,
            bytes_per_row: 3,
        },
        sources[1],
    ];
    assert_eq!(
        read_frame(f, 4, 4, &narrow, ignore),
        Err(ConvertError::Geometry(GeometryError::RowTooShort {
            plane: 0,
            minimum: 4,
            given: 3
        }))
    );
    assert_eq!(
        read_frame(f, 4, 4, &sources[..1], ignore),
        Err(ConvertError::Geometry(GeometryError::PlaneCount {
            expected: 2,
            given: 1
        }))
    );
    assert_eq!(
        read_frame(f, 0, 4, &sources, ignore),
        Err(ConvertError::Geometry(GeometryError::ZeroSize))
    );
    let bayer = format(b"rgg4");
    assert_eq!(
        read_frame(bayer, 1, 1, &sources[..1], ignore),
        Err(ConvertError::Unsupported(bayer.code))
    );
    // A closure that reshapes the row to another model fails cleanly.
    let mut frame = Frame::new(f, 4, 2, 0);
    assert_eq!(
        write_frame(f, 4, 2, &mut frame.dests(), |_, row| {
            row.reshape(super::super::ColorModel::Rgb, 4, 4, false)
        }),
        Err(ConvertError::RowShape)
    );
}
