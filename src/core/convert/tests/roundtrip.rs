//! Round trips: a format to itself is lossless, and Y'CbCr → RGB →
//! Y'CbCr comes back within ±1 on smooth in-gamut content.

use super::super::io::{FormatInfo, IntermediateRow};
use super::super::plan::ConversionRequest;
use super::model;
use super::sweep::pattern;
use super::{Frame, convert, format, rows_from, supported};
use crate::core::color::YCbCrMatrix;

/// Every format converted to itself gives back the same bytes (odd sizes,
/// padded strides): same-kind conversions do no arithmetic that rounds.
#[test]
fn every_format_to_itself_is_lossless() {
    for f in supported() {
        for (w, h) in [(1, 1), (5, 3), (9, 7)] {
            let source = pattern(f, w, h, 7);
            let out = convert(&ConversionRequest::new(f, f), &source);
            assert_eq!(out.planes, source.planes, "{} {w}x{h}", f.name);
        }
    }
}

/// A smooth, in-gamut picture: gentle R'G'B' ramps in both directions
/// (about one 8-bit code per pixel), encoded with BT.709 into `f`'s
/// Y'CbCr codes.
///
/// Smooth matters for 4:2:0: upsampling replicates the edge chroma, so the
/// first and last chroma rows come back off by an eighth (a quarter for an
/// odd height) of the chroma change between neighbouring chroma rows.
fn smooth(f: &'static crate::core::pixel_format::PixelFormat, w: usize, h: usize) -> Frame {
    let rows = rows_from(f, w, h, |x, y| {
        let (u, v) = (x as f64 / 255.0, y as f64 / 255.0);
        let rgb = [0.3 + u, 0.25 + 0.8 * v, 0.6 - 0.5 * (u + v) / 2.0];
        (model::rgb_to_ycbcr(YCbCrMatrix::Bt709, rgb), 1.0)
    });
    Frame::from_rows(f, &rows)
}

fn worst_difference(a: &[IntermediateRow], b: &[IntermediateRow]) -> f32 {
    a.iter()
        .zip(b)
        .flat_map(|(ra, rb)| {
            (0..4).flat_map(move |c| {
                ra.channel(c)
                    .iter()
                    .zip(rb.channel(c))
                    .map(|(x, y)| (x - y).abs())
            })
        })
        .fold(0.0, f32::max)
}

#[test]
fn ycbcr_rgb_ycbcr_round_trips_within_one_code() {
    // (Y'CbCr format, RGB intermediate): 8-bit 4:4:4 and 4:2:0, through
    // 8-bit and float RGB.
    let cases: [(&[u8; 4], &[u8; 4]); 6] = [
        (b"444v", b"BGRA"),
        (b"444v", b"RGfA"),
        (b"444f", b"24BG"),
        (b"420v", b"BGRA"),
        (b"420v", b"RGfA"),
        (b"420f", b"RGBA"),
    ];
    for (ycc, rgb) in cases {
        let (ycc, rgb) = (format(ycc), format(rgb));
        for (w, h) in [(64, 48), (65, 49), (1, 1), (2, 3)] {
            let source = smooth(ycc, w, h);
            let there = convert(&ConversionRequest::new(ycc, rgb), &source);
            let back = convert(&ConversionRequest::new(rgb, ycc), &there);
            let worst = worst_difference(&source.rows(), &back.rows());
            println!("{} -> {} -> back {w}x{h}: {worst}", ycc.name, rgb.name);
            assert!(worst <= 1.0, "{} via {}: {worst}", ycc.name, rgb.name);
        }
    }
}

#[test]
fn range_and_depth_round_trips() {
    // Video → full → video and 8 → 10 → 8 bits keep every code.
    let cases: [(&[u8; 4], &[u8; 4]); 4] = [
        (b"420v", b"x420"),
        (b"420v", b"xf20"),
        (b"2vuy", b"v210"),
        (b"420f", b"xf20"),
    ];
    for (a, b) in cases {
        let (a, b) = (format(a), format(b));
        let source = smooth(a, 31, 9);
        let there = convert(&ConversionRequest::new(a, b), &source);
        let back = convert(&ConversionRequest::new(b, a), &there);
        assert_eq!(back.planes, source.planes, "{} via {}", a.name, b.name);
    }
    // 4:2:0 → 4:4:4 → 4:2:0 in one matrix keeps luma exactly and chroma
    // within one code (co-sited columns come back exactly).
    let (a, b) = (format(b"420v"), format(b"444v"));
    let source = smooth(a, 31, 9);
    let there = convert(&ConversionRequest::new(a, b), &source);
    let back = convert(&ConversionRequest::new(b, a), &there);
    let (src, out) = (source.rows(), back.rows());
    assert!(worst_difference(&src, &out) <= 1.0);
    for (s, o) in src.iter().zip(&out) {
        assert_eq!(s.channel(0), o.channel(0));
    }
    assert!(FormatInfo::new(a).is_ok());
}
