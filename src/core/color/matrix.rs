//! Y'CbCr matrices: the luma coefficients behind each
//! `kCVImageBufferYCbCrMatrix_*` value and the 3×3 matrices between
//! normalised R'G'B' and Y'CbCr.
//!
//! Normalised means: R', G', B', Y' nominally in [0, 1] and Cb, Cr in
//! [-0.5, 0.5] (what [`super::range`] maps codes to and from). All are
//! non-constant-luminance forms: the matrix acts on gamma-encoded R'G'B'.
//!
//! The P3 matrices (`DCI_P3`, `P3_D65`) were added in macOS 10.11 and have
//! been deprecated as unsupported since macOS 11; no standard defines luma
//! coefficients for them. We still decode them (old files carry them),
//! deriving Kr/Kb from the P3 primaries with the chromaticity-derived
//! non-constant-luminance equations of ITU-T H.273 (MatrixCoefficients 12);
//! they have no H.273 code point of their own.

use super::linalg::Mat3;
use super::primaries::{Chromaticities, ColorPrimaries};

/// The luma weights of a non-constant-luminance Y'CbCr system
/// (`Y' = Kr·R' + Kg·G' + Kb·B'`, `Kg = 1 − Kr − Kb`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LumaCoefficients {
    pub kr: f64,
    pub kb: f64,
}

impl LumaCoefficients {
    /// ITU-R BT.709-6 Part 1, item 3.2.
    pub const BT709: LumaCoefficients = LumaCoefficients::new(0.2126, 0.0722);
    /// ITU-R BT.601-7 §2.5.1 (same coefficients in BT.470 / SMPTE 170M).
    pub const BT601: LumaCoefficients = LumaCoefficients::new(0.299, 0.114);

    pub const fn new(kr: f64, kb: f64) -> LumaCoefficients {
        LumaCoefficients { kr, kb }
    }

    pub const fn kg(&self) -> f64 {
        1.0 - self.kr - self.kb
    }

    /// Kr and Kb from primaries: the Y row of the normalised primary matrix
    /// (ITU-T H.273 equations for MatrixCoefficients 12). `None` for
    /// degenerate chromaticities.
    pub fn from_primaries(c: &Chromaticities) -> Option<LumaCoefficients> {
        let m = c.rgb_to_xyz()?;
        Some(LumaCoefficients::new(m[1][0], m[1][2]))
    }

    /// Normalised R'G'B' → Y'CbCr:
    /// `Y' = Kr R' + Kg G' + Kb B'`, `Cb = (B' − Y') / (2(1 − Kb))`,
    /// `Cr = (R' − Y') / (2(1 − Kr))` (BT.601-7 §2.5.2, BT.709-6 item 3.3,
    /// BT.2020-2 Table 4, all the same form).
    pub const fn rgb_to_ycbcr(&self) -> Mat3 {
        let (kr, kg, kb) = (self.kr, self.kg(), self.kb);
        let cb = 2.0 * (1.0 - kb);
        let cr = 2.0 * (1.0 - kr);
        [
            [kr, kg, kb],
            [-kr / cb, -kg / cb, (1.0 - kb) / cb],
            [(1.0 - kr) / cr, -kg / cr, -kb / cr],
        ]
    }

    /// Normalised Y'CbCr → R'G'B', the closed-form inverse of
    /// [`Self::rgb_to_ycbcr`]: `R' = Y' + 2(1−Kr)·Cr`,
    /// `G' = Y' − 2Kb(1−Kb)/Kg·Cb − 2Kr(1−Kr)/Kg·Cr`, `B' = Y' + 2(1−Kb)·Cb`.
    pub const fn ycbcr_to_rgb(&self) -> Mat3 {
        let (kr, kg, kb) = (self.kr, self.kg(), self.kb);
        [
            [1.0, 0.0, 2.0 * (1.0 - kr)],
            [
                1.0,
                -2.0 * kb * (1.0 - kb) / kg,
                -2.0 * kr * (1.0 - kr) / kg,
            ],
            [1.0, 2.0 * (1.0 - kb), 0.0],
        ]
    }
}

/// The `kCVImageBufferYCbCrMatrix_*` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum YCbCrMatrix {
    /// `"ITU_R_709_2"`.
    Bt709,
    /// `"ITU_R_601_4"`.
    Bt601,
    /// `"SMPTE_240M_1995"`.
    Smpte240M,
    /// `"ITU_R_2020"` (non-constant luminance).
    Bt2020,
    /// `"DCI_P3"` — deprecated by Apple; see the module notes.
    DciP3,
    /// `"P3_D65"` — deprecated by Apple; see the module notes.
    P3D65,
}

impl YCbCrMatrix {
    pub const ALL: [YCbCrMatrix; 6] = [
        YCbCrMatrix::Bt709,
        YCbCrMatrix::Bt601,
        YCbCrMatrix::Smpte240M,
        YCbCrMatrix::Bt2020,
        YCbCrMatrix::DciP3,
        YCbCrMatrix::P3D65,
    ];

    /// The attachment value string, byte for byte.
    pub fn cv_string(self) -> &'static str {
        match self {
            YCbCrMatrix::Bt709 => "ITU_R_709_2",
            YCbCrMatrix::Bt601 => "ITU_R_601_4",
            YCbCrMatrix::Smpte240M => "SMPTE_240M_1995",
            YCbCrMatrix::Bt2020 => "ITU_R_2020",
            YCbCrMatrix::DciP3 => "DCI_P3",
            YCbCrMatrix::P3D65 => "P3_D65",
        }
    }

    /// Exact, case-sensitive match of an attachment value.
    pub fn from_cv_string(s: &str) -> Option<YCbCrMatrix> {
        YCbCrMatrix::ALL.into_iter().find(|m| m.cv_string() == s)
    }

    /// True for the values CoreVideo has deprecated as unsupported.
    pub fn is_deprecated(self) -> bool {
        matches!(self, YCbCrMatrix::DciP3 | YCbCrMatrix::P3D65)
    }

    pub fn luma_coefficients(self) -> LumaCoefficients {
        match self {
            YCbCrMatrix::Bt709 => LumaCoefficients::BT709,
            YCbCrMatrix::Bt601 => LumaCoefficients::BT601,
            // SMPTE 240M-1999 §7.1 (Kg = 0.701).
            YCbCrMatrix::Smpte240M => LumaCoefficients::new(0.212, 0.087),
            // ITU-R BT.2020-2 Table 4, non-constant luminance (Kg = 0.6780).
            YCbCrMatrix::Bt2020 => LumaCoefficients::new(0.2627, 0.0593),
            // Derived from SMPTE RP 431-2 / EG 432-1 primaries (module notes).
            YCbCrMatrix::DciP3 => derived(ColorPrimaries::DciP3),
            YCbCrMatrix::P3D65 => derived(ColorPrimaries::P3D65),
        }
    }

    /// Normalised R'G'B' → Y'CbCr.
    pub fn rgb_to_ycbcr(self) -> Mat3 {
        self.luma_coefficients().rgb_to_ycbcr()
    }

    /// Normalised Y'CbCr → R'G'B'.
    pub fn ycbcr_to_rgb(self) -> Mat3 {
        self.luma_coefficients().ycbcr_to_rgb()
    }
}

fn derived(p: ColorPrimaries) -> LumaCoefficients {
    // The built-in primaries are never degenerate; the fallback is unreachable
    // but keeps this total.
    LumaCoefficients::from_primaries(&p.chromaticities())
        .unwrap_or(LumaCoefficients::new(0.2126, 0.0722))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::color::linalg::{IDENTITY, apply, max_abs_diff, mul};

    #[test]
    fn published_luma_coefficients() {
        let k = |m: YCbCrMatrix| {
            let c = m.luma_coefficients();
            (c.kr, c.kb)
        };
        assert_eq!(k(YCbCrMatrix::Bt709), (0.2126, 0.0722));
        assert_eq!(k(YCbCrMatrix::Bt601), (0.299, 0.114));
        assert_eq!(k(YCbCrMatrix::Bt2020), (0.2627, 0.0593));
        assert_eq!(k(YCbCrMatrix::Smpte240M), (0.212, 0.087));
        assert!((YCbCrMatrix::Bt2020.luma_coefficients().kg() - 0.678).abs() < 1e-15);
        assert!((YCbCrMatrix::Smpte240M.luma_coefficients().kg() - 0.701).abs() < 1e-15);
    }

    #[test]
    fn matrices_invert_each_other() {
        for m in YCbCrMatrix::ALL {
            let a = mul(&m.ycbcr_to_rgb(), &m.rgb_to_ycbcr());
            let b = mul(&m.rgb_to_ycbcr(), &m.ycbcr_to_rgb());
            assert!(max_abs_diff(&a, &IDENTITY) < 1e-12, "{m:?}");
            assert!(max_abs_diff(&b, &IDENTITY) < 1e-12, "{m:?}");
        }
    }

    #[test]
    fn decode_matrices_match_vimage_fact_sheet() {
        // Independent decimal expansions (vimage-ops.md §1.3 table):
        // Cr_R, Cr_G, Cb_G, Cb_B.
        let cases = [
            (
                YCbCrMatrix::Bt601,
                [1.402, -0.714136286, -0.344136286, 1.772],
            ),
            (
                YCbCrMatrix::Bt709,
                [1.5748, -0.468124273, -0.187324273, 1.8556],
            ),
            (
                YCbCrMatrix::Bt2020,
                [1.4746, -0.571353127, -0.164553127, 1.8814],
            ),
        ];
        for (m, [cr_r, cr_g, cb_g, cb_b]) in cases {
            let d = m.ycbcr_to_rgb();
            assert!((d[0][2] - cr_r).abs() < 1e-9);
            assert!((d[1][2] - cr_g).abs() < 1e-9);
            assert!((d[1][1] - cb_g).abs() < 1e-9);
            assert!((d[2][1] - cb_b).abs() < 1e-9);
            assert_eq!(
                [d[0][0], d[1][0], d[2][0], d[0][1], d[2][2]],
                [1.0, 1.0, 1.0, 0.0, 0.0]
            );
        }
    }

    #[test]
    fn white_is_luma_one_and_neutral_chroma() {
        for m in YCbCrMatrix::ALL {
            let w = apply(&m.rgb_to_ycbcr(), [1.0, 1.0, 1.0]);
            assert!((w[0] - 1.0).abs() < 1e-15);
            assert!(w[1].abs() < 1e-15 && w[2].abs() < 1e-15);
            // Pure blue / red reach exactly +0.5 on their own axis.
            assert!((apply(&m.rgb_to_ycbcr(), [0.0, 0.0, 1.0])[1] - 0.5).abs() < 1e-15);
            assert!((apply(&m.rgb_to_ycbcr(), [1.0, 0.0, 0.0])[2] - 0.5).abs() < 1e-15);
        }
    }

    #[test]
    fn derived_coefficients_agree_with_published_ones() {
        // The H.273 derivation reproduces BT.709's and BT.2020's rounded
        // coefficients, which validates it for the P3 sets.
        let d709 = LumaCoefficients::from_primaries(&ColorPrimaries::Bt709.chromaticities());
        let d709 = d709.unwrap();
        assert!((d709.kr - 0.2126).abs() < 1e-4 && (d709.kb - 0.0722).abs() < 1e-4);
        let d2020 = LumaCoefficients::from_primaries(&ColorPrimaries::Bt2020.chromaticities());
        let d2020 = d2020.unwrap();
        assert!((d2020.kr - 0.2627).abs() < 1e-4 && (d2020.kb - 0.0593).abs() < 1e-4);
        // Display P3's well-known luminance weights (0.2290, 0.6917, 0.0793).
        let p3 = YCbCrMatrix::P3D65.luma_coefficients();
        assert!((p3.kr - 0.2290).abs() < 1e-4 && (p3.kb - 0.0793).abs() < 1e-4);
        assert!((p3.kg() - 0.6917).abs() < 1e-4);
        let dci = YCbCrMatrix::DciP3.luma_coefficients();
        // DCI white shifts them (pinned: 0.2095, 0.0689).
        assert!((dci.kr - 0.2095).abs() < 1e-4 && (dci.kb - 0.0689).abs() < 1e-4);
    }

    #[test]
    fn cv_strings_round_trip_exactly() {
        for m in YCbCrMatrix::ALL {
            assert_eq!(YCbCrMatrix::from_cv_string(m.cv_string()), Some(m));
        }
        assert_eq!(YCbCrMatrix::from_cv_string("ITU_R_709_2 "), None);
        assert_eq!(YCbCrMatrix::from_cv_string("EBU_3213"), None);
        assert!(YCbCrMatrix::DciP3.is_deprecated() && !YCbCrMatrix::Bt709.is_deprecated());
    }
}
