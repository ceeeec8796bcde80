//! Code-to-code affine maps between Y'CbCr and R'G'B' samples: a matrix from
//! [`super::matrix`] composed with the codings of [`super::range`].
//!
//! Together with [`quantize`] these are the double-precision model that every
//! Y'CbCr⇄RGB kernel is measured against: `out = quantize(map(in))`, with the
//! input codes used as they are (no clamping to the nominal range, so
//! super-white and out-of-gamut codes extrapolate and then clip).

use super::linalg::Affine3;
use super::matrix::LumaCoefficients;
use super::range::Coding;

/// Y'CbCr codes in `src` → R'G'B' codes in `dst` (unrounded).
pub fn ycbcr_to_rgb(k: &LumaCoefficients, src: Coding, dst: Coding) -> Affine3 {
    src.ycbcr_to_normalized()
        .then(&Affine3::linear(k.ycbcr_to_rgb()))
        .then(&dst.normalized_to_rgb())
}

/// R'G'B' codes in `src` → Y'CbCr codes in `dst` (unrounded).
pub fn rgb_to_ycbcr(k: &LumaCoefficients, src: Coding, dst: Coding) -> Affine3 {
    src.rgb_to_normalized()
        .then(&Affine3::linear(k.rgb_to_ycbcr()))
        .then(&dst.normalized_to_ycbcr())
}

/// Y'CbCr → Y'CbCr: a range or depth change, and a matrix change when the
/// two coefficient sets differ (through R'G'B', same primaries and curve).
pub fn ycbcr_to_ycbcr(
    src_k: &LumaCoefficients,
    src: Coding,
    dst_k: &LumaCoefficients,
    dst: Coding,
) -> Affine3 {
    let via_rgb = if src_k == dst_k {
        Affine3::IDENTITY
    } else {
        Affine3::linear(src_k.ycbcr_to_rgb()).then(&Affine3::linear(dst_k.rgb_to_ycbcr()))
    };
    src.ycbcr_to_normalized()
        .then(&via_rgb)
        .then(&dst.normalized_to_ycbcr())
}

/// R'G'B' → R'G'B' range or depth change.
pub fn rgb_to_rgb(src: Coding, dst: Coding) -> Affine3 {
    src.rgb_to_normalized().then(&dst.normalized_to_rgb())
}

/// The model's quantiser: round to nearest (ties away from zero), clamp to
/// 0..=`max_code`; NaN becomes 0.
pub fn quantize(value: f64, max_code: u32) -> u32 {
    if value.is_nan() {
        return 0;
    }
    value.round().clamp(0.0, f64::from(max_code)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::color::matrix::YCbCrMatrix;
    use crate::core::color::range::{BitDepth, Range};

    fn encode8(m: YCbCrMatrix, coding: Coding, rgb: [f64; 3]) -> [u32; 3] {
        let map = rgb_to_ycbcr(&m.luma_coefficients(), Coding::Float, coding);
        map.apply(rgb)
            .map(|v| quantize(v, coding.max_code().unwrap()))
    }

    // Colour-bar order: white, yellow, cyan, green, magenta, red, blue, black.
    const BARS: [[f64; 3]; 8] = [
        [1.0, 1.0, 1.0],
        [1.0, 1.0, 0.0],
        [0.0, 1.0, 1.0],
        [0.0, 1.0, 0.0],
        [1.0, 0.0, 1.0],
        [1.0, 0.0, 0.0],
        [0.0, 0.0, 1.0],
        [0.0, 0.0, 0.0],
    ];

    #[test]
    fn bt709_colour_bars_8bit_video() {
        // Textbook 8-bit BT.709 100 % and 75 % bar codes (Y', Cb, Cr), as
        // tabulated for SMPTE RP 219 / EBU test signals.
        let full = [
            [235, 128, 128],
            [219, 16, 138],
            [188, 154, 16],
            [173, 42, 26],
            [78, 214, 230],
            [63, 102, 240],
            [32, 240, 118],
            [16, 128, 128],
        ];
        let three_quarter = [
            [180, 128, 128],
            [168, 44, 136],
            [145, 147, 44],
            [133, 63, 52],
            [63, 193, 204],
            [51, 109, 212],
            [28, 212, 120],
            [16, 128, 128],
        ];
        for (i, bar) in BARS.iter().enumerate() {
            assert_eq!(encode8(YCbCrMatrix::Bt709, Coding::VIDEO_8, *bar), full[i]);
            let dim = bar.map(|c| c * 0.75);
            assert_eq!(
                encode8(YCbCrMatrix::Bt709, Coding::VIDEO_8, dim),
                three_quarter[i]
            );
        }
    }

    #[test]
    fn bt601_colour_bars_8bit_video() {
        // Textbook BT.601 100 % bars (Rec. 601 / SMPTE 170M test signal).
        let want = [
            [235, 128, 128],
            [210, 16, 146],
            [170, 166, 16],
            [145, 54, 34],
            [106, 202, 222],
            [81, 90, 240],
            [41, 240, 110],
            [16, 128, 128],
        ];
        for (i, bar) in BARS.iter().enumerate() {
            assert_eq!(encode8(YCbCrMatrix::Bt601, Coding::VIDEO_8, *bar), want[i]);
        }
    }

    #[test]
    fn bars_match_an_independent_formula() {
        // Independent model with literal constants: Y' = Kr R + Kg G + Kb B,
        // Cb = (B − Y')/(2(1−Kb)), Cr = (R − Y')/(2(1−Kr)), then the range map.
        let sets = [
            (YCbCrMatrix::Bt709, 0.2126, 0.0722),
            (YCbCrMatrix::Bt601, 0.299, 0.114),
            (YCbCrMatrix::Bt2020, 0.2627, 0.0593),
            (YCbCrMatrix::Smpte240M, 0.212, 0.087),
        ];
        // (bits, video?, y zero, y span, c zero, c span)
        let codings = [
            (8, Range::Video, 16.0, 219.0, 128.0, 224.0),
            (8, Range::Full, 0.0, 255.0, 128.0, 254.0),
            (10, Range::Video, 64.0, 876.0, 512.0, 896.0),
            (10, Range::Full, 0.0, 1023.0, 512.0, 1022.0),
            (12, Range::Video, 256.0, 3504.0, 2048.0, 3584.0),
            (16, Range::Full, 0.0, 65535.0, 32768.0, 65534.0),
        ];
        for (m, kr, kb) in sets {
            let kg = 1.0 - kr - kb;
            for (bits, range, yz, ys, cz, cs) in codings {
                let coding = Coding::integer(BitDepth::new(bits).unwrap(), range);
                let max = (1u32 << bits) - 1;
                let map = rgb_to_ycbcr(&m.luma_coefficients(), Coding::Float, coding);
                for scale in [1.0, 0.75] {
                    for bar in BARS {
                        let [r, g, b] = bar.map(|c| c * scale);
                        let y = kr * r + kg * g + kb * b;
                        let cb = (b - y) / (2.0 * (1.0 - kb));
                        let cr = (r - y) / (2.0 * (1.0 - kr));
                        let want = [yz + ys * y, cz + cs * cb, cz + cs * cr];
                        let got = map.apply([r, g, b]);
                        for i in 0..3 {
                            assert!((got[i] - want[i]).abs() < 1e-9);
                            assert_eq!(quantize(got[i], max), quantize(want[i], max));
                        }
                    }
                }
            }
        }
        // Spot value: 10-bit BT.709 video-range 100 % red is 250, 409, 960.
        let c10 = Coding::integer(BitDepth::TEN, Range::Video);
        let red = rgb_to_ycbcr(&YCbCrMatrix::Bt709.luma_coefficients(), Coding::Float, c10)
            .apply([1.0, 0.0, 0.0])
            .map(|v| quantize(v, 1023));
        assert_eq!(red, [250, 409, 960]);
    }

    #[test]
    fn decode_inverts_encode() {
        let c10 = Coding::integer(BitDepth::TEN, Range::Full);
        for m in YCbCrMatrix::ALL {
            let k = m.luma_coefficients();
            for (a, b) in [
                (Coding::VIDEO_8, Coding::FULL_8),
                (Coding::FULL_8, c10),
                (c10, Coding::Float),
            ] {
                let round = rgb_to_ycbcr(&k, a, b).then(&ycbcr_to_rgb(&k, b, a));
                for (x, y) in round
                    .linear
                    .iter()
                    .flatten()
                    .zip(crate::core::color::linalg::IDENTITY.iter().flatten())
                {
                    assert!((x - y).abs() < 1e-12);
                }
                assert!(round.offset.iter().all(|o| o.abs() < 1e-9));
            }
        }
    }

    #[test]
    fn range_and_matrix_changes() {
        let k709 = YCbCrMatrix::Bt709.luma_coefficients();
        let k601 = YCbCrMatrix::Bt601.luma_coefficients();
        // Video → full, same matrix: 16 → 0, 235 → 255, 128 stays, 240 → 255.
        let m = ycbcr_to_ycbcr(&k709, Coding::VIDEO_8, &k709, Coding::FULL_8);
        let out = m.apply([235.0, 240.0, 16.0]);
        assert!((out[0] - 255.0).abs() < 1e-12);
        assert!((out[1] - 255.0).abs() < 1e-12);
        assert!((out[2] - 1.0).abs() < 1e-12);
        let grey = m.apply([16.0, 128.0, 128.0]);
        assert!(grey[0].abs() < 1e-12 && (grey[1] - 128.0).abs() < 1e-12);
        // 601 → 709 keeps greys grey and white white.
        let m = ycbcr_to_ycbcr(&k601, Coding::VIDEO_8, &k709, Coding::VIDEO_8);
        for y in [16.0, 100.0, 235.0] {
            let g = m.apply([y, 128.0, 128.0]);
            assert!((g[0] - y).abs() < 1e-12);
            assert!((g[1] - 128.0).abs() < 1e-12 && (g[2] - 128.0).abs() < 1e-12);
        }
        let rgb = rgb_to_rgb(Coding::FULL_8, Coding::VIDEO_8).apply([255.0, 0.0, 128.0]);
        assert!((rgb[0] - 235.0).abs() < 1e-12 && (rgb[1] - 16.0).abs() < 1e-12);
    }

    #[test]
    fn quantize_rounds_clamps_and_zeroes_nan() {
        assert_eq!(quantize(-3.0, 255), 0);
        assert_eq!(quantize(300.0, 255), 255);
        assert_eq!(quantize(2.5, 255), 3);
        assert_eq!(quantize(2.49, 255), 2);
        assert_eq!(quantize(f64::NAN, 255), 0);
        assert_eq!(quantize(f64::INFINITY, 1023), 1023);
    }
}
