//! The behaviours `plan`'s docs decide, pinned on literal values: default
//! matrix, gray, alpha codings, premultiplication, chroma siting and the
//! two downsampling modes.

use super::super::plan::{
    ConversionPlan, ConversionRequest, DEFAULT_MATRIX, DestinationColor, DownsamplingMode,
    MatrixOrigin, SourceColor,
};
use super::{codes_frame, convert, format, pixel_codes};
use crate::core::color::{ChromaSiting, YCbCrMatrix};
use crate::core::pixel_format::PixelFormat;

fn request(s: &[u8; 4], d: &[u8; 4]) -> ConversionRequest {
    ConversionRequest::new(format(s), format(d))
}

/// Converts a uniform 2×2 frame of one code tuple (channels in the
/// format's model order — R, G, B, A for every RGB layout; Y', Cb, Cr, A)
/// and returns pixel (0, 0) the same way.
fn one(request: &ConversionRequest, codes: [f32; 4]) -> [f32; 4] {
    let source = codes_frame(request.source, 2, 2, |_, _| codes);
    pixel_codes(&convert(request, &source), 0, 0)
}

#[test]
fn untagged_ycbcr_is_bt709() {
    assert_eq!(DEFAULT_MATRIX, YCbCrMatrix::Bt709);
    // BT.709 100 % red in 8-bit video range is 63, 102, 240.
    let red = [63.0, 102.0, 240.0, 0.0];
    let plain = request(b"420v", b"BGRA");
    let plan = ConversionPlan::new(&plain).unwrap();
    assert_eq!(
        plan.source_matrix(),
        Some((YCbCrMatrix::Bt709, MatrixOrigin::Default))
    );
    let got = one(&plain, red);
    assert!(
        (got[0] - 255.0).abs() <= 1.0 && got[1] <= 1.0 && got[2] <= 1.0,
        "{got:?}"
    );
    assert_eq!(got[3], 255.0);
    let tagged_601 = ConversionRequest {
        source_color: SourceColor {
            matrix: Some(YCbCrMatrix::Bt601),
            ..SourceColor::default()
        },
        ..plain
    };
    assert_ne!(one(&tagged_601, red), got);
    // And back: untagged RGB into Y'CbCr uses BT.709 too.
    let back = request(b"BGRA", b"420v");
    assert_eq!(
        one(&back, [255.0, 0.0, 0.0, 255.0])[..3],
        [63.0, 102.0, 240.0]
    );
    let plan = ConversionPlan::new(&back).unwrap();
    assert_eq!(plan.source_matrix(), None);
    assert_eq!(
        plan.destination_matrix(),
        Some((YCbCrMatrix::Bt709, MatrixOrigin::Default))
    );
}

#[test]
fn destination_matrix_property_wins() {
    let r = ConversionRequest {
        source_color: SourceColor {
            matrix: Some(YCbCrMatrix::Bt2020),
            ..SourceColor::default()
        },
        destination_color: DestinationColor {
            matrix: Some(YCbCrMatrix::Bt601),
            ..DestinationColor::default()
        },
        ..request(b"BGRA", b"420v")
    };
    let plan = ConversionPlan::new(&r).unwrap();
    assert_eq!(
        plan.destination_matrix(),
        Some((YCbCrMatrix::Bt601, MatrixOrigin::Property))
    );
    // BT.601 100 % red: 81, 90, 240.
    assert_eq!(one(&r, [255.0, 0.0, 0.0, 255.0])[..3], [81.0, 90.0, 240.0]);
    // Without the property the source's tag carries over.
    let r = ConversionRequest {
        destination_color: DestinationColor::default(),
        ..r
    };
    let plan = ConversionPlan::new(&r).unwrap();
    assert_eq!(
        plan.destination_matrix(),
        Some((YCbCrMatrix::Bt2020, MatrixOrigin::SourceTag))
    );
}

#[test]
fn gray_is_luma_with_neutral_chroma() {
    // Gray → RGB replicates; gray → Y'CbCr video range keeps Y'.
    assert_eq!(
        one(&request(b"L008", b"BGRA"), [128.0, 0.0, 0.0, 0.0]),
        [128.0, 128.0, 128.0, 255.0]
    );
    let ycc = one(&request(b"L008", b"420v"), [255.0, 0.0, 0.0, 0.0]);
    assert_eq!(ycc[..3], [235.0, 128.0, 128.0]);
    // RGB → gray is BT.709 luma: 0.2126 × 255 = 54.2.
    assert_eq!(
        one(&request(b"BGRA", b"L008"), [255.0, 0.0, 0.0, 255.0])[0],
        54.0
    );
    // Y'CbCr → gray is Y' rescaled to full range: (100 − 16) / 219 × 255.
    assert_eq!(
        one(&request(b"420v", b"L008"), [100.0, 20.0, 230.0, 0.0])[0],
        98.0
    );
    // 16-bit gray keeps its alpha.
    assert_eq!(
        one(&request(b"b32a", b"BGRA"), [65535.0, 0.0, 0.0, 32768.0]),
        [255.0, 255.0, 255.0, 128.0]
    );
}

#[test]
fn alpha_is_rescaled_between_codings() {
    // Video-coded 'v408' alpha: 16 transparent, 235 opaque.
    assert_eq!(
        one(&request(b"BGRA", b"v408"), [0.0, 0.0, 0.0, 255.0])[3],
        235.0
    );
    assert_eq!(
        one(&request(b"BGRA", b"v408"), [0.0, 0.0, 0.0, 0.0])[3],
        16.0
    );
    assert_eq!(one(&request(b"24BG", b"v408"), [0.0; 4])[3], 235.0);
    assert_eq!(
        one(&request(b"v408", b"BGRA"), [16.0, 128.0, 128.0, 235.0])[3],
        255.0
    );
    // XR alpha: opaque is 894; 2-bit and 1-bit alpha scale to their range.
    assert_eq!(one(&request(b"24BG", b"w40a"), [255.0; 4]), [894.0; 4]);
    assert_eq!(
        one(&request(b"BGRA", b"l10r"), [0.0, 0.0, 0.0, 170.0])[3],
        2.0
    );
    assert_eq!(
        one(&request(b"BGRA", b"5551"), [0.0, 0.0, 0.0, 127.0])[3],
        0.0
    );
    // 16-bit alpha from 8-bit.
    assert_eq!(
        one(&request(b"BGRA", b"y416"), [0.0, 0.0, 0.0, 51.0])[3],
        13107.0
    );
}

#[test]
fn premultiplied_xr_is_unpremultiplied_and_back() {
    // Colour 0.2 (384 + 102) at alpha 0.6 (384 + 306) is straight 1/3,
    // 85 in 8 bits.
    let straight = one(&request(b"w40m", b"BGRA"), [486.0, 486.0, 486.0, 690.0]);
    assert_eq!(straight, [85.0, 85.0, 85.0, 153.0]);
    // Alpha 0: no colour.
    let clear = one(&request(b"w40m", b"BGRA"), [894.0, 894.0, 894.0, 384.0]);
    assert_eq!(clear, [0.0; 4]);
    // BGRA → 'w40m' multiplies: 1/3 × 0.6 = 0.2.
    let pre = one(&request(b"BGRA", b"w40m"), [85.0, 85.0, 85.0, 153.0]);
    assert_eq!(pre, [486.0, 486.0, 486.0, 690.0]);
    // 'w40m' → 'w40m' copies, even where straight colour would not fit.
    let same = one(&request(b"w40m", b"w40m"), [1000.0, 10.0, 700.0, 500.0]);
    assert_eq!(same, [1000.0, 10.0, 700.0, 500.0]);
}

/// A 4×4 '420v' frame whose chroma varies per chroma sample:
/// Cb = 100 + 20·column + 40·row, Cr = 128.
fn chroma_ramp() -> super::Frame {
    codes_frame(format(b"420v"), 4, 4, |x, y| {
        [
            128.0,
            100.0 + 20.0 * (x / 2) as f32 + 40.0 * (y / 2) as f32,
            128.0,
            0.0,
        ]
    })
}

fn cb_column(frame: &super::Frame, x: usize) -> Vec<f32> {
    (0..frame.height)
        .map(|y| pixel_codes(frame, x, y)[1])
        .collect()
}

#[test]
fn upsampling_follows_the_source_siting() {
    let to_444 = request(b"420v", b"444v");
    // Default "Left": co-sited columns copy, odd columns average; rows are
    // midway between chroma rows (1/4–3/4), edges replicate.
    let out = convert(&to_444, &chroma_ramp());
    let row0: Vec<f32> = (0..4).map(|x| pixel_codes(&out, x, 0)[1]).collect();
    assert_eq!(row0, [100.0, 110.0, 120.0, 120.0]);
    assert_eq!(cb_column(&out, 0), [100.0, 110.0, 130.0, 140.0]);
    // "TopLeft": chroma rows sit on even rows.
    let top_left = ConversionRequest {
        source_color: SourceColor {
            chroma_siting: Some(ChromaSiting::TopLeft),
            ..SourceColor::default()
        },
        ..to_444
    };
    let out = convert(&top_left, &chroma_ramp());
    assert_eq!(cb_column(&out, 0), [100.0, 120.0, 140.0, 140.0]);
    // "Center": horizontally midway too.
    let center = ConversionRequest {
        source_color: SourceColor {
            chroma_siting: Some(ChromaSiting::Center),
            ..SourceColor::default()
        },
        ..to_444
    };
    let out = convert(&center, &chroma_ramp());
    let row0: Vec<f32> = (0..4).map(|x| pixel_codes(&out, x, 0)[1]).collect();
    assert_eq!(row0, [100.0, 105.0, 115.0, 120.0]);
}

#[test]
fn decimate_and_average() {
    // A 4:4:4 picture whose Cb differs in every pixel of a 2×2 block.
    let source = codes_frame(format(b"444v"), 2, 2, |x, y| {
        [128.0, [[40.0, 80.0], [120.0, 200.0]][y][x], 128.0, 0.0]
    });
    let decimate = request(b"444v", b"420v");
    let plan = ConversionPlan::new(&decimate).unwrap();
    assert_eq!(plan.destination_chroma_siting(), Some(ChromaSiting::Left));
    // "Left": the left column, midway between the two rows.
    assert_eq!(pixel_codes(&convert(&decimate, &source), 0, 0)[1], 80.0);
    let average = ConversionRequest {
        downsampling: DownsamplingMode::Average,
        ..decimate
    };
    let plan = ConversionPlan::new(&average).unwrap();
    assert_eq!(plan.destination_chroma_siting(), Some(ChromaSiting::Center));
    assert_eq!(pixel_codes(&convert(&average, &source), 0, 0)[1], 110.0);
    // 4:2:2 "Left" → 4:2:0 Average averages vertically only, staying "Left".
    let from_422 = ConversionRequest {
        downsampling: DownsamplingMode::Average,
        ..request(b"422v", b"420v")
    };
    let plan = ConversionPlan::new(&from_422).unwrap();
    assert_eq!(plan.source_chroma_siting(), Some(ChromaSiting::Left));
    assert_eq!(plan.destination_chroma_siting(), Some(ChromaSiting::Left));
    // No downsampling (4:2:0 → 4:2:0): the mode is ignored and the
    // siting carried over.
    let same = ConversionRequest {
        source_color: SourceColor {
            chroma_siting: Some(ChromaSiting::Bottom),
            ..SourceColor::default()
        },
        downsampling: DownsamplingMode::Average,
        ..request(b"420v", b"x420")
    };
    let plan = ConversionPlan::new(&same).unwrap();
    assert_eq!(plan.destination_chroma_siting(), Some(ChromaSiting::Bottom));
    assert_eq!(plan.source_chroma_siting(), Some(ChromaSiting::Bottom));
    // Unsubsampled sides carry no siting.
    let plan = ConversionPlan::new(&request(b"BGRA", b"444v")).unwrap();
    assert_eq!(plan.destination_chroma_siting(), None);
    assert_eq!(plan.source_chroma_siting(), None);
}

#[test]
fn xr_and_video_range_rgb_levels() {
    // XR: 384 is black, 894 white.
    assert_eq!(
        one(&request(b"w30r", b"BGRA"), [894.0, 384.0, 894.0, 0.0])[..3],
        [255.0, 0.0, 255.0]
    );
    // 'r210' is video-range RGB: 64 black, 940 white.
    assert_eq!(
        one(&request(b"BGRA", b"r210"), [255.0, 0.0, 255.0, 255.0])[..3],
        [940.0, 64.0, 940.0]
    );
    // 'r408' is zero-biased: Y' 0..219, chroma two's complement ±112.
    assert_eq!(
        one(&request(b"420v", b"r408"), [235.0, 240.0, 16.0, 0.0])[..3],
        [219.0, 112.0, -112.0]
    );
    let f = PixelFormat::find(0x10).unwrap();
    assert_eq!(
        one(
            &ConversionRequest::new(format(b"BGRA"), f),
            [255.0, 128.0, 0.0, 255.0]
        )[..3],
        [31.0, 16.0, 0.0]
    );
}
