//! Fixed-point coefficient sets derived from the f64 affine maps, for the
//! integer Y'CbCr⇄RGB kernels. Scalar and SIMD kernels use the same set and
//! the same arithmetic, so they agree bit for bit; this module fixes how
//! close that shared result is to the f64 model of [`super::ycbcr`].
//!
//! # Arithmetic
//!
//! For an f64 map `f_i(x) = Σ_j m_ij·x_j + d_i` and integer input zeros `b_j`
//! (Y' black, chroma centre — exact integers for every integer coding):
//!
//! ```text
//! c_ij = round(m_ij · 2^Q)
//! o_i  = round((d_i + Σ_j m_ij·b_j) · 2^Q) + 2^(Q−1)     rounding bias folded in
//! out_i = (Σ_j c_ij·(x_j − b_j) + o_i) >> Q                arithmetic shift = floor
//! ```
//!
//! then the kernel clamps to the destination's 0..=2^n−1. Kernels that prefer
//! raw codes may use [`FixedAffine::folded_offset`] instead of subtracting
//! `b_j`; in integers the two are identical.
//!
//! # Precision argument
//!
//! Let `e_ij = c_ij/2^Q − m_ij` (|e_ij| ≤ 2^−(Q+1)) and `e_i` the offset's
//! rounding error (zero for all standard codings, whose centred offsets are
//! integers). Then `(Σ c·(x−b) + o)/2^Q = f_i(x) + ½ + E` with
//! `|E| ≤ Σ_j |e_ij|·|x_j − b_j| + |e_i|` ([`FixedAffine::error_bound`]).
//! Because `round(f) = ⌊f + ½⌋` and `|⌊a⌋ − ⌊b⌋| ≤ 1` whenever `|a − b| < 1`,
//! the fixed result is within ±1 of the model whenever the bound is below 1,
//! and equal to it unless `f` lies within `|E|` of a half-integer; clamping
//! preserves both facts. Integer-valued model results (black, white, greys,
//! 100 % primaries) are therefore reproduced exactly whenever `|E| < ½`.
//!
//! For 8-bit data at Q = 13 ([`FRAC_BITS_8BIT`]): |x − b| ≤ 255 per channel,
//! so |E| ≤ (3·255 + 1)/2^14 < 0.047 — far inside ±1; the exhaustive test
//! finds 99.6 % of all 8-bit outputs equal to the model. Every coefficient
//! magnitude is below 2.15 (the largest, BT.2020's video-range Cb→B, is
//! 1.8814·255/224 ≈ 2.142), so Q13 coefficients fit in i16 (`pmaddwd`,
//! `vmlal_s16`) with room to spare; Q14 would not. 10-bit data at Q13 stays
//! below 0.19; 12- and 16-bit data need more fraction bits (and 32-bit
//! coefficients or float kernels) — callers check with `error_bound`.

use super::linalg::Affine3;
use super::matrix::LumaCoefficients;
use super::range::Coding;
use super::ycbcr;

/// Fraction bits for 8-bit Y'CbCr⇄RGB kernels (see the module notes).
pub const FRAC_BITS_8BIT: u32 = 13;

/// A fixed-point version of an [`Affine3`] code-to-code map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FixedAffine {
    frac_bits: u32,
    coeffs: [[i32; 3]; 3],
    input_bias: [i32; 3],
    offset: [i32; 3],
    /// The map this was derived from, kept for the error bound.
    model: Affine3,
}

impl FixedAffine {
    /// Derives the coefficient set. `None` if `frac_bits` is outside 1..=30
    /// or a coefficient or offset does not fit in i32.
    pub fn new(map: &Affine3, input_bias: [i32; 3], frac_bits: u32) -> Option<FixedAffine> {
        if !(1..=30).contains(&frac_bits) {
            return None;
        }
        let one = f64::from(1u32 << frac_bits);
        let to_i32 = |v: f64| {
            let r = (v * one).round();
            (r.is_finite() && r >= f64::from(i32::MIN) && r <= f64::from(i32::MAX))
                .then_some(r as i32)
        };
        let mut coeffs = [[0i32; 3]; 3];
        let mut offset = [0i32; 3];
        for i in 0..3 {
            for (c, &m) in coeffs[i].iter_mut().zip(&map.linear[i]) {
                *c = to_i32(m)?;
            }
            let centred = map.offset[i]
                + (0..3)
                    .map(|j| map.linear[i][j] * f64::from(input_bias[j]))
                    .sum::<f64>();
            let biased = i64::from(to_i32(centred)?) + (1i64 << (frac_bits - 1));
            offset[i] = i32::try_from(biased).ok()?;
        }
        Some(FixedAffine {
            frac_bits,
            coeffs,
            input_bias,
            offset,
            model: *map,
        })
    }

    /// Y'CbCr codes → R'G'B' codes; inputs centred on `src`'s zeros.
    /// `None` for float codings (nothing to fix) or unrepresentable sets.
    pub fn ycbcr_to_rgb(
        k: &LumaCoefficients,
        src: Coding,
        dst: Coding,
        frac_bits: u32,
    ) -> Option<FixedAffine> {
        dst.max_code()?;
        let map = ycbcr::ycbcr_to_rgb(k, src, dst);
        FixedAffine::new(&map, src.ycbcr_zeros()?, frac_bits)
    }

    /// R'G'B' codes → Y'CbCr codes; inputs centred on `src`'s black.
    pub fn rgb_to_ycbcr(
        k: &LumaCoefficients,
        src: Coding,
        dst: Coding,
        frac_bits: u32,
    ) -> Option<FixedAffine> {
        dst.max_code()?;
        let map = ycbcr::rgb_to_ycbcr(k, src, dst);
        FixedAffine::new(&map, src.rgb_zeros()?, frac_bits)
    }

    pub fn frac_bits(&self) -> u32 {
        self.frac_bits
    }

    /// `c_ij`, row = output channel.
    pub fn coefficients(&self) -> [[i32; 3]; 3] {
        self.coeffs
    }

    /// `b_j`, subtracted from each input before multiplying.
    pub fn input_bias(&self) -> [i32; 3] {
        self.input_bias
    }

    /// `o_i`, added before the shift (rounding bias included).
    pub fn offset(&self) -> [i32; 3] {
        self.offset
    }

    /// `o_i − Σ_j c_ij·b_j`: the offset for kernels that multiply raw codes.
    /// `None` if it does not fit in i32.
    pub fn folded_offset(&self) -> Option<[i32; 3]> {
        let mut out = [0i32; 3];
        for (i, o) in out.iter_mut().enumerate() {
            let shift: i64 = (0..3)
                .map(|j| i64::from(self.coeffs[i][j]) * i64::from(self.input_bias[j]))
                .sum();
            *o = i32::try_from(i64::from(self.offset[i]) - shift).ok()?;
        }
        Some(out)
    }

    /// True when every coefficient fits in i16 (16-bit multiply lanes).
    pub fn fits_i16(&self) -> bool {
        self.coeffs
            .iter()
            .flatten()
            .all(|&c| i16::try_from(c).is_ok())
    }

    /// The reference integer evaluation (unclamped): what every kernel must
    /// produce before clamping to the destination's code range.
    pub fn apply(&self, input: [i32; 3]) -> [i64; 3] {
        let mut out = [0i64; 3];
        for (i, o) in out.iter_mut().enumerate() {
            let acc: i64 = (0..3)
                .map(|j| {
                    i64::from(self.coeffs[i][j])
                        * (i64::from(input[j]) - i64::from(self.input_bias[j]))
                })
                .sum();
            *o = (acc + i64::from(self.offset[i])) >> self.frac_bits;
        }
        out
    }

    /// [`Self::apply`] clamped to 0..=`max_code`.
    pub fn apply_clamped(&self, input: [i32; 3], max_code: u32) -> [u32; 3] {
        self.apply(input)
            .map(|v| v.clamp(0, i64::from(max_code)) as u32)
    }

    /// Largest |E| (see the module notes) over inputs in `low..=high` per
    /// channel: the fixed result before flooring differs from the f64 model
    /// plus ½ by at most this much.
    pub fn error_bound(&self, low: [i32; 3], high: [i32; 3]) -> f64 {
        let one = f64::from(1u32 << self.frac_bits);
        (0..3)
            .map(|i| {
                let coeff: f64 = (0..3)
                    .map(|j| {
                        let e =
                            (f64::from(self.coeffs[i][j]) / one - self.model.linear[i][j]).abs();
                        let b = self.input_bias[j];
                        let reach = (i64::from(low[j]) - i64::from(b))
                            .abs()
                            .max((i64::from(high[j]) - i64::from(b)).abs());
                        e * reach as f64
                    })
                    .sum();
                let centred = self.model.offset[i]
                    + (0..3)
                        .map(|j| self.model.linear[i][j] * f64::from(self.input_bias[j]))
                        .sum::<f64>();
                let half = f64::from(1u32 << (self.frac_bits - 1));
                let off = ((f64::from(self.offset[i]) - half) / one - centred).abs();
                coeff + off
            })
            .fold(0.0, f64::max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::color::matrix::YCbCrMatrix;
    use crate::core::color::range::{BitDepth, Range};

    /// Independent f64 reference for 8/10-bit Y'CbCr → full-range RGB,
    /// written from the formulas with literal range constants.
    fn reference_decode(kr: f64, kb: f64, bits: u32, video: bool, ycc: [i32; 3]) -> [u32; 3] {
        let s = f64::from(1u32 << (bits - 8));
        let max = f64::from((1u32 << bits) - 1);
        let (yz, ys, cs) = if video {
            (16.0 * s, 219.0 * s, 224.0 * s)
        } else {
            (0.0, max, max - 1.0)
        };
        let cz = 128.0 * s;
        let y = (f64::from(ycc[0]) - yz) / ys;
        let cb = (f64::from(ycc[1]) - cz) / cs;
        let cr = (f64::from(ycc[2]) - cz) / cs;
        let kg = 1.0 - kr - kb;
        let r = y + 2.0 * (1.0 - kr) * cr;
        let g = y - 2.0 * kb * (1.0 - kb) / kg * cb - 2.0 * kr * (1.0 - kr) / kg * cr;
        let b = y + 2.0 * (1.0 - kb) * cb;
        [r, g, b].map(|v| (v * max).round().clamp(0.0, max) as u32)
    }

    /// Independent f64 reference for full-range RGB → 8-bit Y'CbCr.
    fn reference_encode(kr: f64, kb: f64, video: bool, rgb: [i32; 3]) -> [u32; 3] {
        let [r, g, b] = rgb.map(|v| f64::from(v) / 255.0);
        let kg = 1.0 - kr - kb;
        let y = kr * r + kg * g + kb * b;
        let cb = (b - y) / (2.0 * (1.0 - kb));
        let cr = (r - y) / (2.0 * (1.0 - kr));
        let (yz, ys, cs) = if video {
            (16.0, 219.0, 224.0)
        } else {
            (0.0, 255.0, 254.0)
        };
        [yz + ys * y, 128.0 + cs * cb, 128.0 + cs * cr].map(|v| v.round().clamp(0.0, 255.0) as u32)
    }

    fn coding(video: bool, bits: u32) -> Coding {
        let range = if video { Range::Video } else { Range::Full };
        Coding::integer(BitDepth::new(bits).unwrap(), range)
    }

    /// Checks every triple of `values`³ in both directions for every matrix
    /// and range; returns (checked, exact) counts.
    fn check_8bit(values: &[i32]) -> (u64, u64) {
        let (mut checked, mut exact) = (0u64, 0u64);
        for m in YCbCrMatrix::ALL {
            let k = m.luma_coefficients();
            for video in [true, false] {
                let dec =
                    FixedAffine::ycbcr_to_rgb(&k, coding(video, 8), Coding::FULL_8, FRAC_BITS_8BIT)
                        .unwrap();
                let enc =
                    FixedAffine::rgb_to_ycbcr(&k, Coding::FULL_8, coding(video, 8), FRAC_BITS_8BIT)
                        .unwrap();
                assert!(dec.fits_i16() && enc.fits_i16(), "{m:?}");
                for &a in values {
                    for &b in values {
                        for &c in values {
                            let x = [a, b, c];
                            for (got, want) in [
                                (
                                    dec.apply_clamped(x, 255),
                                    reference_decode(k.kr, k.kb, 8, video, x),
                                ),
                                (
                                    enc.apply_clamped(x, 255),
                                    reference_encode(k.kr, k.kb, video, x),
                                ),
                            ] {
                                for i in 0..3 {
                                    let d = got[i].abs_diff(want[i]);
                                    assert!(
                                        d <= 1,
                                        "{m:?} video={video} {x:?}: {got:?} vs {want:?}"
                                    );
                                    exact += u64::from(d == 0);
                                    checked += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
        (checked, exact)
    }

    #[test]
    fn eight_bit_dense_grid_within_one_code() {
        let mut values: Vec<i32> = (0..=255).step_by(11).collect();
        values.extend([
            1, 15, 16, 17, 127, 128, 129, 234, 235, 236, 239, 240, 241, 254, 255,
        ]);
        values.sort_unstable();
        values.dedup();
        let (checked, exact) = check_8bit(&values);
        // The bound says "within ±1"; in practice nearly everything is exact.
        assert!(exact as f64 / checked as f64 > 0.95, "{exact}/{checked}");
    }

    #[test]
    #[ignore = "exhaustive 2^24 × 24 sweep; run with --release -- --ignored"]
    fn eight_bit_exhaustive_within_one_code() {
        let values: Vec<i32> = (0..=255).collect();
        let (checked, exact) = check_8bit(&values);
        println!("{exact} of {checked} outputs equal the f64 model");
    }

    #[test]
    fn integer_valued_results_are_exact() {
        // Black, white, greys and (video-range) 100 % primaries have
        // integer model results, which the bound (< ½) reproduces exactly.
        for m in YCbCrMatrix::ALL {
            let k = m.luma_coefficients();
            let dec =
                FixedAffine::ycbcr_to_rgb(&k, Coding::VIDEO_8, Coding::FULL_8, FRAC_BITS_8BIT)
                    .unwrap();
            assert_eq!(dec.apply([16, 128, 128]), [0, 0, 0]);
            assert_eq!(dec.apply([235, 128, 128]), [255, 255, 255]);
            let enc =
                FixedAffine::rgb_to_ycbcr(&k, Coding::FULL_8, Coding::VIDEO_8, FRAC_BITS_8BIT)
                    .unwrap();
            for v in 0..=255 {
                let out = enc.apply([v, v, v]);
                assert_eq!(&out[1..], &[128, 128], "{m:?} grey {v}");
            }
            assert_eq!(enc.apply([255, 255, 255]), [235, 128, 128]);
            assert_eq!(enc.apply([255, 0, 0])[2], 240);
            assert_eq!(enc.apply([0, 0, 255])[1], 240);
        }
    }

    #[test]
    fn error_bounds_and_folded_offsets() {
        let k = YCbCrMatrix::Bt2020.luma_coefficients();
        let dec = FixedAffine::ycbcr_to_rgb(&k, Coding::VIDEO_8, Coding::FULL_8, 13).unwrap();
        let bound = dec.error_bound([0; 3], [255; 3]);
        assert!(bound < (3.0 * 255.0 + 1.0) / 16384.0, "{bound}");
        assert_eq!(dec.input_bias(), [16, 128, 128]);
        assert_eq!(dec.frac_bits(), 13);
        // Raw-code evaluation with the folded offset gives identical results.
        let folded = dec.folded_offset().unwrap();
        let c = dec.coefficients();
        for x in [[0, 0, 0], [16, 128, 128], [200, 17, 250], [255, 255, 255]] {
            let raw: [i64; 3] = std::array::from_fn(|i| {
                let acc: i64 = (0..3).map(|j| i64::from(c[i][j]) * i64::from(x[j])).sum();
                (acc + i64::from(folded[i])) >> 13
            });
            assert_eq!(raw, dec.apply(x));
        }
        // 10-bit at Q13 is still well inside ±1; 16-bit is not.
        let c10 = coding(true, 10);
        let c10f = coding(false, 10);
        let d10 = FixedAffine::ycbcr_to_rgb(&k, c10, c10f, 13).unwrap();
        assert!(d10.error_bound([0; 3], [1023; 3]) < 0.19);
        let c16 = coding(true, 16);
        let d16 = FixedAffine::ycbcr_to_rgb(&k, c16, coding(false, 16), 13).unwrap();
        assert!(d16.error_bound([0; 3], [65535; 3]) > 1.0);
    }

    #[test]
    fn ten_bit_grid_within_one_code() {
        let values: Vec<i32> = (0..=1023)
            .step_by(31)
            .chain([64, 512, 940, 960, 1023])
            .collect();
        for m in [YCbCrMatrix::Bt709, YCbCrMatrix::Bt2020] {
            let k = m.luma_coefficients();
            for video in [true, false] {
                let dec = FixedAffine::ycbcr_to_rgb(&k, coding(video, 10), coding(false, 10), 13)
                    .unwrap();
                for &a in &values {
                    for &b in &values {
                        for &c in &values {
                            let got = dec.apply_clamped([a, b, c], 1023);
                            let want = reference_decode(k.kr, k.kb, 10, video, [a, b, c]);
                            for i in 0..3 {
                                assert!(got[i].abs_diff(want[i]) <= 1);
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn rejects_unrepresentable_sets() {
        let k = YCbCrMatrix::Bt709.luma_coefficients();
        let map = ycbcr::ycbcr_to_rgb(&k, Coding::VIDEO_8, Coding::FULL_8);
        assert!(FixedAffine::new(&map, [16, 128, 128], 0).is_none());
        assert!(FixedAffine::new(&map, [16, 128, 128], 31).is_none());
        assert!(FixedAffine::new(&map, [16, 128, 128], 30).is_none()); // 2.1·2^30 > i32
        assert!(FixedAffine::ycbcr_to_rgb(&k, Coding::Float, Coding::FULL_8, 13).is_none());
        assert!(FixedAffine::ycbcr_to_rgb(&k, Coding::VIDEO_8, Coding::Float, 13).is_none());
        let nan = Affine3 {
            linear: [[f64::NAN; 3]; 3],
            offset: [0.0; 3],
        };
        assert!(FixedAffine::new(&nan, [0; 3], 13).is_none());
    }
}
