//! Transfer functions: the `kCVImageBufferTransferFunction_*` curves between
//! encoded (non-linear) values and linear light, in f64.
//!
//! # Direction and normalisation
//!
//! `to_linear` undoes the encoding; `from_linear` applies it. SDR curves work
//! on [0, 1] ↔ [0, 1] and, like the ICC profiles ColorSync builds for them,
//! use the *inverse OETF* (scene light) — not a display EOTF such as
//! BT.1886's gamma 2.4. The HDR curves use Apple's documented linear scales,
//! which put SDR white (1.0) at a sensible HDR level when matching HDR to SDR
//! (values above 1.0 then need tone mapping or clip — a later stage's job):
//!
//! * **PQ** (SMPTE ST 2084): linear 1.0 = 100 cd/m², so PQ's 10 000 cd/m²
//!   peak is 100.0 — the "1.0 = 100 nits" extended-range convention of
//!   Apple's EDR documentation (*Using system tone mapping on video content*).
//!   [`pq_eotf`] / [`pq_inverse_eotf`] give absolute cd/m².
//! * **HLG** (ARIB STD-B67 / BT.2100-2): scene-linear on a 0..12 scale, i.e.
//!   12 × BT.2100's normalised E, so signal 0.5 ↔ 1.0 and 1.0 ↔ 12.0 —
//!   the 0–12 value range Apple documents for its HLG CGColorSpaces, and
//!   STD-B67's original form. No OOTF (display gamma) is applied;
//!   [`hlg_inverse_oetf`] gives BT.2100's 0..1 form (0.5 ↔ 1/12).
//! * **SMPTE ST 428-1**: 1.0 = the 48 cd/m² reference white (H.273
//!   TransferCharacteristics 17), so code 1.0 decodes to 52.37/48.
//!
//! Negative and out-of-range values (extended-range float buffers) are
//! handled by odd symmetry, `f(−x) = −f(x)`, as CoreGraphics' extended
//! colour spaces do; NaN stays NaN.
//!
//! # The CoreVideo 709 quirk
//!
//! vImage's documentation (*vImageBuffer_CopyToCVPixelBuffer*) states that,
//! to stay compatible with Core Video, it treats `ITU_R_709_2` as a pure
//! gamma of 1/1.961 and `SMPTE_240M_1995` as the BT.709-5 curve.
//! [`TransferFunction::core_video_compatible`] returns that substitute so the
//! vImage CV paths can reproduce it; VideoToolbox colour matching uses the
//! real curves (Apple does not document a quirk there, and the real curve is
//! what the tag promises). `ITU_R_2020`, declared equivalent to 709, gets the
//! same substitute.
//!
//! # Piecewise curves
//!
//! BT.709, SMPTE 240M and sRGB use their published constants (1.099/0.018,
//! 1.1115/0.0228, 1.055/0.0031308), which leave a tiny discontinuity at the
//! knee (encoded values 0.08100–0.08125, 0.09120–0.09126, and a 3e-8
//! overlap for sRGB). `from_linear` follows each standard exactly;
//! `to_linear` is its left inverse and switches branch at the top of the
//! linear segment (`c4·cutoff`), so linear → encoded → linear round-trips
//! everywhere and encoded → linear → encoded round-trips outside the gap.
//! For sRGB that switch is at 0.040449936 rather than IEC 61966-2-1's stated
//! 0.04045; decoded values differ only inside that 5e-8 sliver, by < 3e-9.
//!
//! PQ signals are clamped to [0, 1] (luminance to [0, 10 000] cd/m²) before
//! the curve: beyond that ST 2084's rational form has a pole and no meaning.
//! Per the standard, linear 0 encodes to c1^m2 ≈ 7.3e-7, not 0.

/// A curve in vImage's 8-parameter form (`vImageTransferFunction`): for
/// linear `x`, `c0·(c1·x + c2)^gamma + c3` when `x ≥ cutoff`, else
/// `c4·x + c5`. A cutoff of −∞ means "no linear segment". Negative power
/// bases use a sign-preserving power so the formula stays defined.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParametricCurve {
    pub c0: f64,
    pub c1: f64,
    pub c2: f64,
    pub c3: f64,
    pub gamma: f64,
    pub cutoff: f64,
    pub c4: f64,
    pub c5: f64,
}

impl ParametricCurve {
    /// A pure power: encoded = linear^(1/`display_gamma`).
    pub fn pure_gamma(display_gamma: f64) -> ParametricCurve {
        ParametricCurve {
            c0: 1.0,
            c1: 1.0,
            c2: 0.0,
            c3: 0.0,
            gamma: 1.0 / display_gamma,
            cutoff: f64::NEG_INFINITY,
            c4: 1.0,
            c5: 0.0,
        }
    }

    /// ITU-R BT.709-6 Part 1 item 1.2 (identical in BT.601-7 and, with its
    /// 10-bit constants, BT.2020-2): `1.099·L^0.45 − 0.099` for L ≥ 0.018,
    /// else `4.5·L`. Also vImage's documented "ITU-R BT.709-5" example.
    pub const BT709: ParametricCurve = ParametricCurve {
        c0: 1.099,
        c1: 1.0,
        c2: 0.0,
        c3: -0.099,
        gamma: 0.45,
        cutoff: 0.018,
        c4: 4.5,
        c5: 0.0,
    };

    /// SMPTE 240M-1999 §7.2: `1.1115·L^0.45 − 0.1115` for L ≥ 0.0228, else `4·L`.
    pub const SMPTE_240M: ParametricCurve = ParametricCurve {
        c0: 1.1115,
        c1: 1.0,
        c2: 0.0,
        c3: -0.1115,
        gamma: 0.45,
        cutoff: 0.0228,
        c4: 4.0,
        c5: 0.0,
    };

    /// IEC 61966-2-1:1999 §5.2 (sRGB): `1.055·L^(1/2.4) − 0.055` for
    /// L > 0.0031308, else `12.92·L`.
    pub const SRGB: ParametricCurve = ParametricCurve {
        c0: 1.055,
        c1: 1.0,
        c2: 0.0,
        c3: -0.055,
        gamma: 1.0 / 2.4,
        cutoff: 0.0031308,
        c4: 12.92,
        c5: 0.0,
    };

    /// SMPTE ST 428-1:2006 §4.3 as H.273 TransferCharacteristics 17 states
    /// it: `(48·L / 52.37)^(1/2.6)`.
    pub const SMPTE_428: ParametricCurve = ParametricCurve {
        c0: 1.0,
        c1: 48.0 / 52.37,
        c2: 0.0,
        c3: 0.0,
        gamma: 1.0 / 2.6,
        cutoff: f64::NEG_INFINITY,
        c4: 1.0,
        c5: 0.0,
    };

    /// Linear → encoded, the formula literally.
    pub fn encode(&self, x: f64) -> f64 {
        if x >= self.cutoff {
            self.c0 * signed_pow(self.c1 * x + self.c2, self.gamma) + self.c3
        } else {
            self.c4 * x + self.c5
        }
    }

    /// Encoded → linear: the left inverse of [`Self::encode`], switching
    /// branch at the top of the linear segment (`c4·cutoff + c5`).
    pub fn decode(&self, v: f64) -> f64 {
        if v < self.c4 * self.cutoff + self.c5 {
            (v - self.c5) / self.c4
        } else {
            (signed_pow((v - self.c3) / self.c0, 1.0 / self.gamma) - self.c2) / self.c1
        }
    }
}

/// `sign(b)·|b|^e`.
fn signed_pow(b: f64, e: f64) -> f64 {
    if b < 0.0 { -(-b).powf(e) } else { b.powf(e) }
}

/// `f(|x|)` with the sign of `x` restored (odd extension).
fn odd(x: f64, f: impl Fn(f64) -> f64) -> f64 {
    if x < 0.0 { -f(-x) } else { f(x) }
}

// SMPTE ST 2084:2014 §5.2 constants (exact dyadic fractions as published).
const PQ_M1: f64 = 2610.0 / 16384.0;
const PQ_M2: f64 = 2523.0 / 4096.0 * 128.0;
const PQ_C1: f64 = 3424.0 / 4096.0;
const PQ_C2: f64 = 2413.0 / 4096.0 * 32.0;
const PQ_C3: f64 = 2392.0 / 4096.0 * 32.0;

/// PQ's peak luminance, cd/m² (SMPTE ST 2084).
pub const PQ_PEAK_NITS: f64 = 10000.0;

/// Luminance that linear 1.0 stands for in [`TransferFunction::Pq`].
pub const PQ_LINEAR_ONE_NITS: f64 = 100.0;

/// SMPTE ST 2084 EOTF: PQ signal (0..1) → absolute luminance in cd/m².
pub fn pq_eotf(v: f64) -> f64 {
    let p = v.clamp(0.0, 1.0).powf(1.0 / PQ_M2);
    let y = ((p - PQ_C1).max(0.0) / (PQ_C2 - PQ_C3 * p)).powf(1.0 / PQ_M1);
    y * PQ_PEAK_NITS
}

/// Inverse of [`pq_eotf`]: cd/m² → PQ signal.
pub fn pq_inverse_eotf(nits: f64) -> f64 {
    let y = (nits / PQ_PEAK_NITS).clamp(0.0, 1.0).powf(PQ_M1);
    ((PQ_C1 + PQ_C2 * y) / (1.0 + PQ_C3 * y)).powf(PQ_M2)
}

// ARIB STD-B67 / ITU-R BT.2100-2 Table 5: a is published; b and c are
// defined as 1 − 4a and 0.5 − a·ln(4a) (≈ 0.28466892, 0.55991073).
const HLG_A: f64 = 0.17883277;
const HLG_B: f64 = 1.0 - 4.0 * HLG_A;

fn hlg_c() -> f64 {
    0.5 - HLG_A * (4.0 * HLG_A).ln()
}

/// BT.2100-2 HLG OETF: normalised scene light E (0..1) → signal E'.
pub fn hlg_oetf(e: f64) -> f64 {
    if e <= 1.0 / 12.0 {
        (3.0 * e.max(0.0)).sqrt()
    } else {
        HLG_A * (12.0 * e - HLG_B).ln() + hlg_c()
    }
}

/// BT.2100-2 HLG inverse OETF: signal E' → normalised scene light E (0..1).
pub fn hlg_inverse_oetf(v: f64) -> f64 {
    if v <= 0.5 {
        v.max(0.0).powi(2) / 3.0
    } else {
        (((v - hlg_c()) / HLG_A).exp() + HLG_B) / 12.0
    }
}

/// The `kCVImageBufferTransferFunction_*` curves, plus the pure gammas of
/// H.273 code points 4 and 5 (carried in CoreVideo as `UseGamma` with a
/// gamma level).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TransferFunction {
    /// `"ITU_R_709_2"`.
    Bt709,
    /// `"ITU_R_2020"`: the same curve as BT.709 (CVImageBuffer.h: equivalent,
    /// 709 preferred); kept apart so the attachment string round-trips.
    Bt2020,
    /// `"SMPTE_240M_1995"`.
    Smpte240M,
    /// `"UseGamma"` with `kCVImageBufferGammaLevelKey` = the display gamma:
    /// linear = encoded^gamma.
    Gamma(f64),
    /// `"IEC_sRGB"`.
    Srgb,
    /// `"Linear"`.
    Linear,
    /// `"SMPTE_ST_2084_PQ"`.
    Pq,
    /// `"ITU_R_2100_HLG"`.
    Hlg,
    /// `"SMPTE_ST_428_1"`.
    Smpte428,
}

impl TransferFunction {
    /// Every attachment string, in CVImageBuffer.h order.
    pub const CV_STRINGS: [&'static str; 9] = [
        "ITU_R_709_2",
        "SMPTE_240M_1995",
        "UseGamma",
        "IEC_sRGB",
        "ITU_R_2020",
        "SMPTE_ST_428_1",
        "SMPTE_ST_2084_PQ",
        "ITU_R_2100_HLG",
        "Linear",
    ];

    /// The attachment value string, byte for byte (`"UseGamma"` for every
    /// gamma; the level travels in its own attachment).
    pub fn cv_string(self) -> &'static str {
        match self {
            TransferFunction::Bt709 => "ITU_R_709_2",
            TransferFunction::Bt2020 => "ITU_R_2020",
            TransferFunction::Smpte240M => "SMPTE_240M_1995",
            TransferFunction::Gamma(_) => "UseGamma",
            TransferFunction::Srgb => "IEC_sRGB",
            TransferFunction::Linear => "Linear",
            TransferFunction::Pq => "SMPTE_ST_2084_PQ",
            TransferFunction::Hlg => "ITU_R_2100_HLG",
            TransferFunction::Smpte428 => "SMPTE_ST_428_1",
        }
    }

    /// Exact match of an attachment value. `"UseGamma"` needs the
    /// `kCVImageBufferGammaLevelKey` value; without a finite positive one the
    /// curve is unknown (`None`).
    pub fn from_cv_string(s: &str, gamma_level: Option<f64>) -> Option<TransferFunction> {
        Some(match s {
            "ITU_R_709_2" => TransferFunction::Bt709,
            "ITU_R_2020" => TransferFunction::Bt2020,
            "SMPTE_240M_1995" => TransferFunction::Smpte240M,
            "UseGamma" => {
                let g = gamma_level?;
                if !(g.is_finite() && g > 0.0) {
                    return None;
                }
                TransferFunction::Gamma(g)
            }
            "IEC_sRGB" => TransferFunction::Srgb,
            "Linear" => TransferFunction::Linear,
            "SMPTE_ST_2084_PQ" => TransferFunction::Pq,
            "ITU_R_2100_HLG" => TransferFunction::Hlg,
            "SMPTE_ST_428_1" => TransferFunction::Smpte428,
            _ => return None,
        })
    }

    /// True for PQ and HLG, whose linear values exceed 1.0.
    pub fn is_hdr(self) -> bool {
        matches!(self, TransferFunction::Pq | TransferFunction::Hlg)
    }

    /// The curve vImage's Core Video paths substitute (module notes):
    /// 709 and 2020 become gamma 1.961, 240M becomes the BT.709 curve.
    pub fn core_video_compatible(self) -> TransferFunction {
        match self {
            TransferFunction::Bt709 | TransferFunction::Bt2020 => TransferFunction::Gamma(1.961),
            TransferFunction::Smpte240M => TransferFunction::Bt709,
            other => other,
        }
    }

    /// The curve in vImage's parametric form, where it has one (not PQ/HLG).
    pub fn parametric(self) -> Option<ParametricCurve> {
        Some(match self {
            TransferFunction::Bt709 | TransferFunction::Bt2020 => ParametricCurve::BT709,
            TransferFunction::Smpte240M => ParametricCurve::SMPTE_240M,
            TransferFunction::Gamma(g) => ParametricCurve::pure_gamma(g),
            TransferFunction::Srgb => ParametricCurve::SRGB,
            TransferFunction::Linear => ParametricCurve::pure_gamma(1.0),
            TransferFunction::Smpte428 => ParametricCurve::SMPTE_428,
            TransferFunction::Pq | TransferFunction::Hlg => return None,
        })
    }

    /// Encoded value → linear light (normalisation in the module notes).
    pub fn to_linear(self, v: f64) -> f64 {
        match self {
            TransferFunction::Linear => v,
            TransferFunction::Pq => odd(v, |v| pq_eotf(v) / PQ_LINEAR_ONE_NITS),
            TransferFunction::Hlg => odd(v, |v| 12.0 * hlg_inverse_oetf(v)),
            TransferFunction::Gamma(g) => odd(v, |v| v.powf(g)),
            other => match other.parametric() {
                Some(p) => odd(v, |v| p.decode(v)),
                None => v,
            },
        }
    }

    /// Linear light → encoded value.
    pub fn from_linear(self, l: f64) -> f64 {
        match self {
            TransferFunction::Linear => l,
            TransferFunction::Pq => odd(l, |l| pq_inverse_eotf(l * PQ_LINEAR_ONE_NITS)),
            TransferFunction::Hlg => odd(l, |l| hlg_oetf(l / 12.0)),
            TransferFunction::Gamma(g) => odd(l, |l| l.powf(1.0 / g)),
            other => match other.parametric() {
                Some(p) => odd(l, |l| p.encode(l)),
                None => l,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [TransferFunction; 11] = [
        TransferFunction::Bt709,
        TransferFunction::Bt2020,
        TransferFunction::Smpte240M,
        TransferFunction::Gamma(2.2),
        TransferFunction::Gamma(2.8),
        TransferFunction::Gamma(1.961),
        TransferFunction::Srgb,
        TransferFunction::Linear,
        TransferFunction::Pq,
        TransferFunction::Hlg,
        TransferFunction::Smpte428,
    ];

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * b.abs().max(1.0)
    }

    #[test]
    fn linear_to_encoded_to_linear_round_trips() {
        for tf in ALL {
            let top = tf.to_linear(1.0);
            for i in 0..=2000 {
                let l = top * f64::from(i) / 2000.0;
                for x in [l, -l] {
                    let back = tf.to_linear(tf.from_linear(x));
                    assert!(close(back, x, 1e-9), "{tf:?} {x}: {back}");
                }
            }
        }
    }

    #[test]
    fn encoded_to_linear_to_encoded_round_trips() {
        for tf in ALL {
            for i in 0..=2000 {
                let v = f64::from(i) / 2000.0;
                // The published 709/240M constants leave a ~3e-4 gap above
                // the linear segment that no linear value encodes to.
                let gap = match tf.parametric() {
                    Some(p) if p.cutoff.is_finite() => {
                        let lo = p.c4 * p.cutoff + p.c5;
                        (lo..p.encode(p.cutoff)).contains(&v)
                    }
                    _ => false,
                };
                // PQ maps linear 0 to c1^m2 ≈ 7.3e-7; codes below it all
                // decode to 0.
                let pq_floor = tf == TransferFunction::Pq && v < pq_inverse_eotf(0.0);
                if gap || pq_floor {
                    continue;
                }
                let back = tf.from_linear(tf.to_linear(v));
                assert!(close(back, v, 1e-9), "{tf:?} {v}: {back}");
            }
        }
    }

    #[test]
    fn reference_points() {
        // sRGB: the 0.04045 knee decodes to 0.0031308 (IEC 61966-2-1; within
        // 3e-9, see the module notes), the linear segment is exact below it
        // and the power segment above.
        assert!((TransferFunction::Srgb.to_linear(0.04045) - 0.04045 / 12.92).abs() < 3e-9);
        assert!((TransferFunction::Srgb.from_linear(0.0031308) - 0.04045).abs() < 1e-6);
        assert_eq!(TransferFunction::Srgb.to_linear(0.04), 0.04 / 12.92);
        let above = ((0.0405f64 + 0.055) / 1.055).powf(2.4);
        assert!((TransferFunction::Srgb.to_linear(0.0405) - above).abs() < 1e-15);
        assert!((pq_inverse_eotf(0.0) - PQ_C1.powf(PQ_M2)).abs() < 1e-20);
        assert_eq!(pq_eotf(2.0), 10000.0);
        assert_eq!(pq_eotf(-1.0), 0.0);
        assert!((TransferFunction::Srgb.to_linear(0.5) - 0.214_041_140_5).abs() < 1e-9);
        // BT.709: 0.018 → 0.081 (linear segment), 1 → 1.
        assert!(
            (TransferFunction::Bt709.from_linear(0.018) - (1.099 * 0.018f64.powf(0.45) - 0.099))
                .abs()
                < 1e-15
        );
        assert!((TransferFunction::Bt709.from_linear(0.01) - 0.045).abs() < 1e-15);
        assert!((TransferFunction::Bt709.from_linear(1.0) - 1.0).abs() < 1e-15);
        assert!((TransferFunction::Smpte240M.from_linear(0.01) - 0.04).abs() < 1e-15);
        // PQ: code 1.0 is 10 000 cd/m² (= 100.0 here), 0 is 0; 100 cd/m²
        // encodes to ≈ 0.508 (ST 2084 tables).
        assert_eq!(pq_eotf(1.0), 10000.0);
        assert_eq!(pq_eotf(0.0), 0.0);
        assert!((TransferFunction::Pq.to_linear(1.0) - 100.0).abs() < 1e-9);
        assert!((TransferFunction::Pq.from_linear(1.0) - 0.508_078).abs() < 1e-6);
        assert!((pq_inverse_eotf(10000.0) - 1.0).abs() < 1e-12);
        // HLG: E' = 0.5 at E = 1/12 (BT.2100), i.e. 1.0 on the 0..12 scale;
        // E' = 1 at E = 1; constants b, c as published to 8 decimals.
        assert!((hlg_inverse_oetf(0.5) - 1.0 / 12.0).abs() < 1e-15);
        assert!((hlg_oetf(1.0 / 12.0) - 0.5).abs() < 1e-15);
        assert!((hlg_oetf(1.0) - 1.0).abs() < 1e-8);
        assert!((TransferFunction::Hlg.to_linear(0.5) - 1.0).abs() < 1e-15);
        assert!((TransferFunction::Hlg.to_linear(1.0) - 12.0).abs() < 1e-6);
        assert!((HLG_B - 0.28466892).abs() < 1e-15);
        assert!((hlg_c() - 0.55991073).abs() < 1e-8);
        // HLG continuity at the knee.
        let below = hlg_oetf(1.0 / 12.0 - 1e-12);
        let above = hlg_oetf(1.0 / 12.0 + 1e-12);
        assert!((below - above).abs() < 1e-9);
        // ST 428-1: 48 cd/m² reference white (linear 1.0) encodes to
        // (48/52.37)^(1/2.6); code 1.0 is 52.37/48.
        assert!((TransferFunction::Smpte428.to_linear(1.0) - 52.37 / 48.0).abs() < 1e-15);
        assert!(
            (TransferFunction::Smpte428.from_linear(1.0) - (48.0f64 / 52.37).powf(1.0 / 2.6)).abs()
                < 1e-15
        );
        // Gammas.
        assert!((TransferFunction::Gamma(2.2).to_linear(0.5) - 0.5f64.powf(2.2)).abs() < 1e-15);
        assert!(
            (TransferFunction::Gamma(2.8).from_linear(0.25) - 0.25f64.powf(1.0 / 2.8)).abs()
                < 1e-15
        );
    }

    #[test]
    fn bt2020_is_bt709() {
        for i in 0..=100 {
            let v = f64::from(i) / 100.0;
            assert_eq!(
                TransferFunction::Bt2020.to_linear(v),
                TransferFunction::Bt709.to_linear(v)
            );
        }
    }

    #[test]
    fn core_video_quirk_matches_vimage_parameters() {
        // vimage-corevideo.md §2.4: "Apple 709" = {1, 1, 0, 0, 1/1.961, −∞, 1, 0}.
        let apple = TransferFunction::Bt709.core_video_compatible();
        let p = apple.parametric().unwrap();
        assert_eq!(
            (p.c0, p.c1, p.c2, p.c3, p.c4, p.c5),
            (1.0, 1.0, 0.0, 0.0, 1.0, 0.0)
        );
        assert_eq!(p.gamma, 1.0 / 1.961);
        assert_eq!(p.cutoff, f64::NEG_INFINITY);
        assert!((apple.from_linear(0.5) - 0.5f64.powf(1.0 / 1.961)).abs() < 1e-15);
        assert_eq!(TransferFunction::Bt2020.core_video_compatible(), apple);
        assert_eq!(
            TransferFunction::Smpte240M.core_video_compatible(),
            TransferFunction::Bt709
        );
        assert_eq!(
            TransferFunction::Pq.core_video_compatible(),
            TransferFunction::Pq
        );
        // vImage's documented BT.709-5 parameters are ours.
        assert_eq!(
            TransferFunction::Bt709.parametric(),
            Some(ParametricCurve::BT709)
        );
    }

    #[test]
    fn extended_range_is_odd_and_nan_stays_nan() {
        for tf in ALL {
            for x in [0.3, 1.7, 250.0] {
                assert_eq!(tf.to_linear(-x), -tf.to_linear(x), "{tf:?}");
                assert_eq!(tf.from_linear(-x), -tf.from_linear(x), "{tf:?}");
            }
            assert!(tf.to_linear(f64::NAN).is_nan() && tf.from_linear(f64::NAN).is_nan());
            assert_eq!(tf.to_linear(0.0), 0.0);
        }
    }

    #[test]
    fn cv_strings() {
        for s in TransferFunction::CV_STRINGS {
            let tf = TransferFunction::from_cv_string(s, Some(2.2)).unwrap();
            assert_eq!(tf.cv_string(), s);
        }
        assert_eq!(TransferFunction::from_cv_string("UseGamma", None), None);
        assert_eq!(
            TransferFunction::from_cv_string("UseGamma", Some(0.0)),
            None
        );
        assert_eq!(
            TransferFunction::from_cv_string("UseGamma", Some(f64::NAN)),
            None
        );
        assert_eq!(
            TransferFunction::from_cv_string("UseGamma", Some(1.8)),
            Some(TransferFunction::Gamma(1.8))
        );
        assert_eq!(TransferFunction::from_cv_string("sRGB", None), None);
        assert!(TransferFunction::Pq.is_hdr() && !TransferFunction::Srgb.is_hdr());
    }
}
