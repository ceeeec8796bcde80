//! ITU-T H.273 (ISO/IEC 23091-2) code points for the colour enums, and the
//! string ⇄ integer semantics of CoreVideo's
//! `CV{YCbCrMatrix,ColorPrimaries,TransferFunction}Get{IntegerCodePointForString,StringForIntegerCodePoint}`:
//! a NULL or unknown string gives 2 ("unspecified"); code point 2 and any
//! code point without a CoreVideo string give NULL (`None`).
//!
//! Apple does not publish its table; this one follows H.273's definitions.
//! Where several code points denote the same thing, string → code point
//! picks one and code point → string accepts all of them:
//!
//! | family | CoreVideo string → code point | also accepted → string |
//! |---|---|---|
//! | matrix | ITU_R_709_2 1, ITU_R_601_4 6, SMPTE_240M_1995 7, ITU_R_2020 9 | 5 (BT.470 B/G, same Kr/Kb as 6) → ITU_R_601_4 |
//! | primaries | ITU_R_709_2 1, EBU_3213 5, SMPTE_C 6, ITU_R_2020 9, DCI_P3 11, P3_D65 12, P22 22 | 7 (SMPTE 240M, same primaries as 6) → SMPTE_C |
//! | transfer | ITU_R_709_2 1, SMPTE_240M_1995 7, Linear 8, IEC_sRGB 13, ITU_R_2020 14, SMPTE_ST_2084_PQ 16, SMPTE_ST_428_1 17, ITU_R_2100_HLG 18 | 6 (BT.601, same curve) → ITU_R_709_2; 15 (BT.2020 12-bit, same curve) → ITU_R_2020 |
//!
//! CoreVideo strings with no code point (string → 2): the deprecated matrices
//! `DCI_P3` and `P3_D65` (H.273 has no P3 matrix), and `UseGamma` (its value
//! lives in a separate gamma-level attachment).
//!
//! H.273 code points with no CoreVideo string (code point → NULL):
//! matrix 0 (identity/GBR), 4 (FCC), 8 (YCgCo), 10 (BT.2020 constant
//! luminance), 11 (SMPTE ST 2085), 12/13 (chromaticity-derived), 14 (ICtCp),
//! 15 (IPT-C2), 16/17 (YCgCo-Re/Ro); primaries 4 (BT.470 System M), 8
//! (generic film), 10 (SMPTE ST 428-1 XYZ); transfer 4 and 5 (pure gamma 2.2
//! and 2.8 — the enum has them as `Gamma(2.2)`/`Gamma(2.8)`, but the string
//! `UseGamma` alone cannot say which), 9/10 (logarithmic), 11 (IEC 61966-2-4
//! xvYCC), 12 (BT.1361 extended gamut). 0, 3 and every value above the
//! table are reserved.

use super::matrix::YCbCrMatrix;
use super::primaries::ColorPrimaries;
use super::transfer::TransferFunction;

/// H.273's "unspecified".
pub const UNSPECIFIED: i32 = 2;

impl YCbCrMatrix {
    /// H.273 MatrixCoefficients; `None` for the deprecated P3 matrices.
    pub fn code_point(self) -> Option<i32> {
        match self {
            YCbCrMatrix::Bt709 => Some(1),
            YCbCrMatrix::Bt601 => Some(6),
            YCbCrMatrix::Smpte240M => Some(7),
            YCbCrMatrix::Bt2020 => Some(9),
            YCbCrMatrix::DciP3 | YCbCrMatrix::P3D65 => None,
        }
    }

    pub fn from_code_point(cp: i32) -> Option<YCbCrMatrix> {
        match cp {
            1 => Some(YCbCrMatrix::Bt709),
            5 | 6 => Some(YCbCrMatrix::Bt601),
            7 => Some(YCbCrMatrix::Smpte240M),
            9 => Some(YCbCrMatrix::Bt2020),
            _ => None,
        }
    }
}

impl ColorPrimaries {
    /// H.273 ColourPrimaries.
    pub fn code_point(self) -> i32 {
        match self {
            ColorPrimaries::Bt709 => 1,
            ColorPrimaries::Ebu3213 => 5,
            ColorPrimaries::SmpteC => 6,
            ColorPrimaries::Bt2020 => 9,
            ColorPrimaries::DciP3 => 11,
            ColorPrimaries::P3D65 => 12,
            ColorPrimaries::P22 => 22,
        }
    }

    pub fn from_code_point(cp: i32) -> Option<ColorPrimaries> {
        match cp {
            1 => Some(ColorPrimaries::Bt709),
            5 => Some(ColorPrimaries::Ebu3213),
            6 | 7 => Some(ColorPrimaries::SmpteC),
            9 => Some(ColorPrimaries::Bt2020),
            11 => Some(ColorPrimaries::DciP3),
            12 => Some(ColorPrimaries::P3D65),
            22 => Some(ColorPrimaries::P22),
            _ => None,
        }
    }
}

impl TransferFunction {
    /// H.273 TransferCharacteristics; gammas other than 2.2 and 2.8 have none.
    pub fn code_point(self) -> Option<i32> {
        Some(match self {
            TransferFunction::Bt709 => 1,
            TransferFunction::Gamma(2.2) => 4,
            TransferFunction::Gamma(2.8) => 5,
            TransferFunction::Gamma(_) => return None,
            TransferFunction::Smpte240M => 7,
            TransferFunction::Linear => 8,
            TransferFunction::Srgb => 13,
            TransferFunction::Bt2020 => 14,
            TransferFunction::Pq => 16,
            TransferFunction::Smpte428 => 17,
            TransferFunction::Hlg => 18,
        })
    }

    pub fn from_code_point(cp: i32) -> Option<TransferFunction> {
        Some(match cp {
            1 | 6 => TransferFunction::Bt709,
            4 => TransferFunction::Gamma(2.2),
            5 => TransferFunction::Gamma(2.8),
            7 => TransferFunction::Smpte240M,
            8 => TransferFunction::Linear,
            13 => TransferFunction::Srgb,
            14 | 15 => TransferFunction::Bt2020,
            16 => TransferFunction::Pq,
            17 => TransferFunction::Smpte428,
            18 => TransferFunction::Hlg,
            _ => return None,
        })
    }
}

/// `CVYCbCrMatrixGetIntegerCodePointForString` semantics.
pub fn ycbcr_matrix_code_point(s: Option<&str>) -> i32 {
    s.and_then(YCbCrMatrix::from_cv_string)
        .and_then(YCbCrMatrix::code_point)
        .unwrap_or(UNSPECIFIED)
}

/// `CVYCbCrMatrixGetStringForIntegerCodePoint` semantics.
pub fn ycbcr_matrix_string(cp: i32) -> Option<&'static str> {
    YCbCrMatrix::from_code_point(cp).map(YCbCrMatrix::cv_string)
}

/// `CVColorPrimariesGetIntegerCodePointForString` semantics.
pub fn color_primaries_code_point(s: Option<&str>) -> i32 {
    s.and_then(ColorPrimaries::from_cv_string)
        .map_or(UNSPECIFIED, ColorPrimaries::code_point)
}

/// `CVColorPrimariesGetStringForIntegerCodePoint` semantics.
pub fn color_primaries_string(cp: i32) -> Option<&'static str> {
    ColorPrimaries::from_code_point(cp).map(ColorPrimaries::cv_string)
}

/// `CVTransferFunctionGetIntegerCodePointForString` semantics
/// (`"UseGamma"` → 2: the string alone names no curve).
pub fn transfer_function_code_point(s: Option<&str>) -> i32 {
    s.and_then(|s| TransferFunction::from_cv_string(s, None))
        .and_then(TransferFunction::code_point)
        .unwrap_or(UNSPECIFIED)
}

/// `CVTransferFunctionGetStringForIntegerCodePoint` semantics (4 and 5 →
/// `None`: `"UseGamma"` without its gamma level would lose the curve).
pub fn transfer_function_string(cp: i32) -> Option<&'static str> {
    match TransferFunction::from_code_point(cp)? {
        TransferFunction::Gamma(_) => None,
        tf => Some(tf.cv_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MATRIX_STRINGS: [&str; 6] = [
        "ITU_R_709_2",
        "ITU_R_601_4",
        "SMPTE_240M_1995",
        "ITU_R_2020",
        "DCI_P3",
        "P3_D65",
    ];
    const PRIMARIES_STRINGS: [&str; 7] = [
        "ITU_R_709_2",
        "EBU_3213",
        "SMPTE_C",
        "P22",
        "DCI_P3",
        "P3_D65",
        "ITU_R_2020",
    ];

    #[test]
    fn strings_to_code_points() {
        let m: Vec<i32> = MATRIX_STRINGS
            .iter()
            .map(|s| ycbcr_matrix_code_point(Some(s)))
            .collect();
        assert_eq!(m, [1, 6, 7, 9, 2, 2]);
        let p: Vec<i32> = PRIMARIES_STRINGS
            .iter()
            .map(|s| color_primaries_code_point(Some(s)))
            .collect();
        assert_eq!(p, [1, 5, 6, 22, 11, 12, 9]);
        let t: Vec<i32> = TransferFunction::CV_STRINGS
            .iter()
            .map(|s| transfer_function_code_point(Some(s)))
            .collect();
        // ITU_R_709_2, SMPTE_240M_1995, UseGamma, IEC_sRGB, ITU_R_2020,
        // SMPTE_ST_428_1, SMPTE_ST_2084_PQ, ITU_R_2100_HLG, Linear.
        assert_eq!(t, [1, 7, 2, 13, 14, 17, 16, 18, 8]);
        for f in [
            ycbcr_matrix_code_point,
            color_primaries_code_point,
            transfer_function_code_point,
        ] {
            assert_eq!(f(None), 2);
            assert_eq!(f(Some("")), 2);
            assert_eq!(f(Some("itu_r_709_2")), 2);
        }
    }

    #[test]
    fn every_string_with_a_code_point_round_trips() {
        for s in MATRIX_STRINGS {
            let cp = ycbcr_matrix_code_point(Some(s));
            if cp != 2 {
                assert_eq!(ycbcr_matrix_string(cp), Some(s));
            }
        }
        for s in PRIMARIES_STRINGS {
            assert_eq!(
                color_primaries_string(color_primaries_code_point(Some(s))),
                Some(s)
            );
        }
        for s in TransferFunction::CV_STRINGS {
            let cp = transfer_function_code_point(Some(s));
            if cp != 2 {
                assert_eq!(transfer_function_string(cp), Some(s));
            }
        }
    }

    #[test]
    fn code_points_to_strings() {
        let all = |f: fn(i32) -> Option<&'static str>| -> Vec<(i32, &'static str)> {
            (-5..=300).filter_map(|cp| f(cp).map(|s| (cp, s))).collect()
        };
        assert_eq!(
            all(ycbcr_matrix_string),
            [
                (1, "ITU_R_709_2"),
                (5, "ITU_R_601_4"),
                (6, "ITU_R_601_4"),
                (7, "SMPTE_240M_1995"),
                (9, "ITU_R_2020")
            ]
        );
        assert_eq!(
            all(color_primaries_string),
            [
                (1, "ITU_R_709_2"),
                (5, "EBU_3213"),
                (6, "SMPTE_C"),
                (7, "SMPTE_C"),
                (9, "ITU_R_2020"),
                (11, "DCI_P3"),
                (12, "P3_D65"),
                (22, "P22")
            ]
        );
        assert_eq!(
            all(transfer_function_string),
            [
                (1, "ITU_R_709_2"),
                (6, "ITU_R_709_2"),
                (7, "SMPTE_240M_1995"),
                (8, "Linear"),
                (13, "IEC_sRGB"),
                (14, "ITU_R_2020"),
                (15, "ITU_R_2020"),
                (16, "SMPTE_ST_2084_PQ"),
                (17, "SMPTE_ST_428_1"),
                (18, "ITU_R_2100_HLG")
            ]
        );
        for f in [
            ycbcr_matrix_string,
            color_primaries_string,
            transfer_function_string,
        ] {
            assert_eq!(f(UNSPECIFIED), None);
            assert_eq!(f(i32::MIN), None);
            assert_eq!(f(i32::MAX), None);
        }
    }

    #[test]
    fn enum_code_points_round_trip() {
        for m in YCbCrMatrix::ALL {
            if let Some(cp) = m.code_point() {
                assert_eq!(YCbCrMatrix::from_code_point(cp), Some(m));
            }
        }
        for p in ColorPrimaries::ALL {
            assert_eq!(ColorPrimaries::from_code_point(p.code_point()), Some(p));
        }
        for cp in 0..=30 {
            if let Some(tf) = TransferFunction::from_code_point(cp) {
                let back = tf.code_point().unwrap();
                assert_eq!(TransferFunction::from_code_point(back), Some(tf));
            }
        }
        assert_eq!(TransferFunction::Gamma(2.2).code_point(), Some(4));
        assert_eq!(TransferFunction::Gamma(2.8).code_point(), Some(5));
        assert_eq!(TransferFunction::Gamma(1.8).code_point(), None);
        assert_eq!(
            TransferFunction::from_code_point(5),
            Some(TransferFunction::Gamma(2.8))
        );
    }
}
