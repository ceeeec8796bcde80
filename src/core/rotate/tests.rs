//! Frame-level rotation tests: all eight orientations (sixteen property
//! settings), every format the conversion core supports, odd sizes, against
//! a reference index mapping written here from the fact sheet's formulas
//! (not from `Mapping`).

// The reference indexes pixels the way the formulas are written.
#![allow(clippy::needless_range_loop)]

use super::frame::{RotateError, is_direct, rotate_and_convert, rotate_frame};
use super::orientation::{Orientation, Rotation};
use crate::core::convert::io::{ColorModel, ConvertError, FormatInfo};
use crate::core::convert::plan::DownsamplingMode;
use crate::core::convert::tests::{Frame, Rng, SENTINEL, format, supported};
use crate::core::convert::{
    ConversionPlan, ConversionRequest, DestFrame, DestinationColor, SourceColor, SourceFrame,
};
use crate::core::pixel_format::PixelFormat;

const SIZES: [(usize, usize); 5] = [(1, 1), (3, 5), (7, 4), (17, 9), (2, 2)];

/// The fact sheet's formulas for a `w` × `h` grid: flips on destination
/// coordinates, then the rotation's lookup.
fn reference(o: Orientation, x: usize, y: usize, w: usize, h: usize) -> (usize, usize) {
    let (dw, dh) = if o.rotation.swaps_axes() {
        (h, w)
    } else {
        (w, h)
    };
    let x = if o.flip_horizontal { dw - 1 - x } else { x };
    let y = if o.flip_vertical { dh - 1 - y } else { y };
    match o.rotation {
        Rotation::None => (x, y),
        Rotation::Clockwise90 => (y, h - 1 - x),
        Rotation::Half => (w - 1 - x, h - 1 - y),
        Rotation::CounterClockwise90 => (w - 1 - y, x),
    }
}

/// A frame of random bytes in every row's pixels, sentinel padding.
fn random_frame(format: &'static PixelFormat, w: usize, h: usize, rng: &mut Rng) -> Frame {
    let mut frame = Frame::new(format, w, h);
    let codec = crate::core::convert::io::RowCodec::new(format).unwrap();
    let lengths: Vec<usize> = (0..frame.planes.len())
        .map(|p| codec.row_length(p, w).unwrap())
        .collect();
    for (p, plane) in frame.planes.iter_mut().enumerate() {
        let stride = frame.strides[p];
        for row in plane.chunks_mut(stride) {
            let n = lengths[p].min(row.len());
            row[..n].copy_from_slice(&rng.bytes(n));
        }
    }
    frame
}

fn rotate(source: &Frame, o: Orientation) -> Frame {
    let (dw, dh) = o.destination_size(source.width, source.height);
    let mut out = Frame::new(source.format, dw, dh);
    let sources = source.sources();
    let mut dests = out.dests();
    rotate_frame(
        source.format,
        o,
        &SourceFrame {
            width: source.width,
            height: source.height,
            planes: &sources,
        },
        &mut DestFrame {
            width: dw,
            height: dh,
            planes: &mut dests,
        },
    )
    .unwrap();
    out
}

/// Byte check of the direct path: each plane sample is the mapped one.
fn check_bytes(src: &Frame, dst: &Frame, o: Orientation) {
    for (p, plane) in src.format.planes().iter().enumerate() {
        let n = usize::from(plane.bytes_per_block);
        let (sw, sh) = (plane.width_for(src.width), plane.height_for(src.height));
        let (dw, dh) = (plane.width_for(dst.width), plane.height_for(dst.height));
        for y in 0..dh {
            for x in 0..dw {
                let (sx, sy) = reference(o, x, y, sw, sh);
                let d = y * dst.strides[p] + x * n;
                let s = sy * src.strides[p] + sx * n;
                assert_eq!(
                    dst.planes[p][d..d + n],
                    src.planes[p][s..s + n],
                    "{} {o:?} {}x{} plane {p} ({x},{y})",
                    src.format.short_name(),
                    src.width,
                    src.height
                );
            }
        }
    }
}

/// Code check: luma/RGB/alpha map per pixel, chroma per sample at its own
/// resolution, or (transposed 4:2:2) the rounded mean of the source
/// chroma under the destination sample's pixels.
fn check_codes(src: &Frame, dst: &Frame, o: Orientation) {
    let info = FormatInfo::new(src.format).unwrap();
    let (h, v) = info.chroma_subsampling;
    let (h, v) = (usize::from(h), usize::from(v));
    let (src_rows, dst_rows) = (src.rows(), dst.rows());
    let (sw, sh, dw, dh) = (src.width, src.height, dst.width, dst.height);
    let name = src.format.short_name();
    for c in 0..4 {
        let chroma = info.model == ColorModel::YCbCr && (c == 1 || c == 2);
        if !chroma {
            for y in 0..dh {
                for x in 0..dst_rows[y].channel(c).len() {
                    let (sx, sy) = reference(o, x, y, sw, sh);
                    assert_eq!(
                        dst_rows[y].channel(c)[x].to_bits(),
                        src_rows[sy].channel(c)[sx].to_bits(),
                        "{name} {o:?} {sw}x{sh} channel {c} ({x},{y})"
                    );
                }
            }
            continue;
        }
        let src_chroma = |a: usize, b: usize| src_rows[b * v].channel(c)[a];
        let (cw, ch) = (dw.div_ceil(h), dh.div_ceil(v));
        for r in 0..ch {
            for j in 0..cw {
                let got = dst_rows[r * v].channel(c)[j];
                let want = if !o.rotation.swaps_axes() || h == v {
                    let (a, b) = reference(o, j, r, sw.div_ceil(h), sh.div_ceil(v));
                    src_chroma(a, b)
                } else {
                    let mut values = Vec::new();
                    for y in r * v..((r + 1) * v).min(dh) {
                        for x in j * h..((j + 1) * h).min(dw) {
                            let (sx, sy) = reference(o, x, y, sw, sh);
                            values.push(f64::from(src_chroma(sx / h, sy / v)));
                        }
                    }
                    let mean = values.iter().sum::<f64>() / values.len() as f64;
                    mean.round() as f32
                };
                assert_eq!(
                    got.to_bits(),
                    want.to_bits(),
                    "{name} {o:?} {sw}x{sh} chroma {c} ({j},{r})"
                );
            }
        }
    }
}

#[test]
fn every_format_every_orientation_matches_the_reference_mapping() {
    let mut rng = Rng::new(0x5eed_0005);
    let mut code_path = Vec::new();
    for format in supported() {
        for (w, h) in SIZES {
            let src = random_frame(format, w, h, &mut rng);
            for o in Orientation::all() {
                let dst = rotate(&src, o);
                assert!(dst.padding_intact(), "{} {o:?}", format.short_name());
                if is_direct(format, o.mapping()) {
                    check_bytes(&src, &dst, o);
                } else {
                    code_path.push(format.short_name());
                }
                check_codes(&src, &dst, o);
            }
        }
    }
    // The packed 4:2:2 formats and v210 really took the code-value path.
    for name in [
        "422YpCbCr8",
        "422YpCbCr10",
        "422YpCbCr8_yuvs",
        "422YpCbCr16",
    ] {
        assert!(code_path.contains(&name), "{name}");
    }
}

#[test]
fn bi_planar_pairs_move_as_units() {
    // 420v 3×5: the CbCr plane is 2×3 pairs; CW90 gives a 5×3 image whose
    // CbCr plane is 3×2 pairs, each pair the source pair at the mapped spot.
    let format = format(b"420v");
    let mut src = Frame::new(format, 3, 5);
    for (i, b) in src.planes[1].iter_mut().enumerate() {
        *b = i as u8;
    }
    let o = Orientation {
        rotation: Rotation::Clockwise90,
        ..Default::default()
    };
    let dst = rotate(&src, o);
    let stride = dst.strides[1];
    // dst pair (0,0) = src pair (0, 2) (dst(x,y) = src(y, H−1−x)).
    let s = 2 * src.strides[1];
    assert_eq!(dst.planes[1][0..2], src.planes[1][s..s + 2]);
    // dst pair (0,1) = src pair (1, 2).
    assert_eq!(
        dst.planes[1][stride..stride + 2],
        src.planes[1][s + 2..s + 4]
    );
}

#[test]
fn mismatched_dimensions_are_errors_and_write_nothing() {
    let format = format(b"BGRA");
    let src = Frame::new(format, 3, 5);
    for (o, (w, h)) in [
        (Rotation::Clockwise90, (3, 5)),
        (Rotation::CounterClockwise90, (5, 4)),
        (Rotation::Half, (5, 3)),
        (Rotation::None, (3, 4)),
    ] {
        let mut out = Frame::new(format, w, h);
        let before = out.clone();
        let sources = src.sources();
        let mut dests = out.dests();
        let result = rotate_frame(
            format,
            Orientation {
                rotation: o,
                ..Default::default()
            },
            &SourceFrame {
                width: 3,
                height: 5,
                planes: &sources,
            },
            &mut DestFrame {
                width: w,
                height: h,
                planes: &mut dests,
            },
        );
        assert!(
            matches!(result, Err(RotateError::Dimensions { .. })),
            "{o:?}"
        );
        assert_eq!(out, before);
    }
}

#[test]
fn unsupported_formats_are_reported() {
    let format = format(b"rgg4");
    let src = vec![0u8; 16];
    let mut dst = vec![0u8; 16];
    let planes = [crate::core::convert::io::SourcePlane {
        data: &src,
        bytes_per_row: 8,
    }];
    let mut dests = [crate::core::convert::io::DestPlane {
        data: &mut dst,
        bytes_per_row: 8,
    }];
    let result = rotate_frame(
        format,
        Orientation::default(),
        &SourceFrame {
            width: 4,
            height: 2,
            planes: &planes,
        },
        &mut DestFrame {
            width: 4,
            height: 2,
            planes: &mut dests,
        },
    );
    assert!(matches!(
        result,
        Err(RotateError::Convert(ConvertError::Unsupported(_)))
    ));
}

/// Another destination format: rotate, then convert — the same as
/// converting the rotated source with the plan.
#[test]
fn a_different_destination_format_is_rotated_then_converted() {
    let mut rng = Rng::new(25);
    for (from, to) in [
        (b"BGRA", b"420f"),
        (b"2vuy", b"BGRA"),
        (b"420v", b"y416"),
        (b"BGRA", b"L008"),
        (b"BGRA", b"v308"),
    ] {
        let (from, to) = (format(from), format(to));
        let request = ConversionRequest {
            source: from,
            destination: to,
            source_color: SourceColor::default(),
            destination_color: DestinationColor::default(),
            downsampling: DownsamplingMode::default(),
        };
        let plan = ConversionPlan::new(&request).unwrap();
        let src = random_frame(from, 7, 4, &mut rng);
        for o in Orientation::all() {
            let rotated = rotate(&src, o);
            let want = crate::core::convert::tests::run(&plan, to, &rotated);
            let mut got = Frame::new(to, rotated.width, rotated.height);
            let sources = src.sources();
            let mut dests = got.dests();
            rotate_and_convert(
                &plan,
                o,
                &SourceFrame {
                    width: 7,
                    height: 4,
                    planes: &sources,
                },
                &mut DestFrame {
                    width: rotated.width,
                    height: rotated.height,
                    planes: &mut dests,
                },
            )
            .unwrap();
            assert_eq!(got, want, "{o:?}");
        }
    }
}

#[test]
fn padding_sentinel_is_the_test_frames_one() {
    // The frames above rely on padding holding SENTINEL; keep them honest.
    let f = Frame::new(format(b"BGRA"), 2, 2);
    assert_eq!(f.planes[0][8], SENTINEL);
}
