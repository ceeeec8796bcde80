//! Colour primaries: the CIE 1931 xy chromaticities behind each
//! `kCVImageBufferColorPrimaries_*` value, the RGB→XYZ matrices they imply
//! and linear RGB(src)→RGB(dst) conversion with Bradford chromatic adaptation.
//!
//! All matrices act on *linear* light (apply the transfer function first).
//! XYZ is normalised so that the white point has Y = 1.
//!
//! Chromatic adaptation: when the source and destination white points differ
//! (only DCI-P3's "DCI white" differs from D65 among the CoreVideo values), the
//! conversion adapts with the Bradford transform — relative colorimetric, as
//! ColorSync and ICC profile connection do, so source white lands exactly on
//! destination white. Absolute colorimetry (keeping DCI white's green tint)
//! is not offered; nothing in CoreVideo asks for it.

use super::linalg::{self, Mat3, Vec3};

/// A CIE 1931 chromaticity coordinate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Xy {
    pub x: f64,
    pub y: f64,
}

impl Xy {
    pub const fn new(x: f64, y: f64) -> Xy {
        Xy { x, y }
    }

    /// XYZ with luminance Y = 1, or `None` when y is 0 or non-finite.
    pub fn to_xyz(self) -> Option<Vec3> {
        if self.y == 0.0 || !self.x.is_finite() || !self.y.is_finite() {
            return None;
        }
        Some([self.x / self.y, 1.0, (1.0 - self.x - self.y) / self.y])
    }
}

/// CIE standard illuminant D65 to the four decimals that BT.709-6 (Part 1,
/// item 1.4), BT.2020-2 (Table 3) and ITU-T H.273 state. Using the stated
/// rounding (not the 5-digit CIE value) reproduces the published matrices
/// such as BT.2087-0's.
pub const D65: Xy = Xy::new(0.3127, 0.3290);

/// The DCI projector white of SMPTE RP 431-2 (x 0.314, y 0.351).
pub const DCI_WHITE: Xy = Xy::new(0.314, 0.351);

/// Three primaries and a white point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Chromaticities {
    pub red: Xy,
    pub green: Xy,
    pub blue: Xy,
    pub white: Xy,
}

impl Chromaticities {
    /// The normalised primary matrix (SMPTE RP 177-1993 §3.3): linear RGB to
    /// XYZ with RGB (1,1,1) mapping to the white point at Y = 1. `None` for
    /// degenerate chromaticities (collinear primaries, y = 0).
    pub fn rgb_to_xyz(&self) -> Option<Mat3> {
        let r = self.red.to_xyz()?;
        let g = self.green.to_xyz()?;
        let b = self.blue.to_xyz()?;
        let w = self.white.to_xyz()?;
        let p = [[r[0], g[0], b[0]], [r[1], g[1], b[1]], [r[2], g[2], b[2]]];
        let s = linalg::apply(&linalg::inverse(&p)?, w);
        let m = linalg::mul(&p, &linalg::diagonal(s));
        m.iter().flatten().all(|v| v.is_finite()).then_some(m)
    }

    /// XYZ to linear RGB (inverse of [`Self::rgb_to_xyz`]).
    pub fn xyz_to_rgb(&self) -> Option<Mat3> {
        linalg::inverse(&self.rgb_to_xyz()?)
    }
}

/// The `kCVImageBufferColorPrimaries_*` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ColorPrimaries {
    /// `"ITU_R_709_2"`: BT.709 / sRGB.
    Bt709,
    /// `"EBU_3213"`: EBU Tech 3213 / BT.601 625-line (PAL, SECAM).
    Ebu3213,
    /// `"SMPTE_C"`: SMPTE RP 145 / SMPTE 170M / BT.601 525-line.
    SmpteC,
    /// `"P22"`: the "P22" phosphor set as ITU-T H.273 code point 22 gives it.
    /// Apple does not publish its values; see [`ColorPrimaries::chromaticities`].
    P22,
    /// `"DCI_P3"`: SMPTE RP 431-2, DCI white.
    DciP3,
    /// `"P3_D65"`: SMPTE EG 432-1 (Display P3 colorimetry), D65 white.
    P3D65,
    /// `"ITU_R_2020"`: BT.2020 / BT.2100.
    Bt2020,
}

impl ColorPrimaries {
    pub const ALL: [ColorPrimaries; 7] = [
        ColorPrimaries::Bt709,
        ColorPrimaries::Ebu3213,
        ColorPrimaries::SmpteC,
        ColorPrimaries::P22,
        ColorPrimaries::DciP3,
        ColorPrimaries::P3D65,
        ColorPrimaries::Bt2020,
    ];

    /// The attachment value string, byte for byte.
    pub fn cv_string(self) -> &'static str {
        match self {
            ColorPrimaries::Bt709 => "ITU_R_709_2",
            ColorPrimaries::Ebu3213 => "EBU_3213",
            ColorPrimaries::SmpteC => "SMPTE_C",
            ColorPrimaries::P22 => "P22",
            ColorPrimaries::DciP3 => "DCI_P3",
            ColorPrimaries::P3D65 => "P3_D65",
            ColorPrimaries::Bt2020 => "ITU_R_2020",
        }
    }

    /// Exact, case-sensitive match of an attachment value.
    pub fn from_cv_string(s: &str) -> Option<ColorPrimaries> {
        ColorPrimaries::ALL.into_iter().find(|p| p.cv_string() == s)
    }

    pub fn chromaticities(self) -> Chromaticities {
        let c = |r: (f64, f64), g: (f64, f64), b: (f64, f64), w: Xy| Chromaticities {
            red: Xy::new(r.0, r.1),
            green: Xy::new(g.0, g.1),
            blue: Xy::new(b.0, b.1),
            white: w,
        };
        match self {
            // ITU-R BT.709-6 Part 1, item 1.3.
            ColorPrimaries::Bt709 => c((0.640, 0.330), (0.300, 0.600), (0.150, 0.060), D65),
            // EBU Tech 3213-E (1975); same values in ITU-R BT.601-7 (625-line)
            // and BT.470-6 System B/G; H.273 ColourPrimaries 5.
            ColorPrimaries::Ebu3213 => c((0.640, 0.330), (0.290, 0.600), (0.150, 0.060), D65),
            // SMPTE RP 145 ("SMPTE-C"), SMPTE 170M-2004 and ITU-R BT.601-7
            // (525-line); H.273 ColourPrimaries 6 (and 7, SMPTE 240M).
            ColorPrimaries::SmpteC => c((0.630, 0.340), (0.310, 0.595), (0.155, 0.070), D65),
            // ITU-T H.273 ColourPrimaries 22 (labelled there "EBU Tech. 3213-E";
            // these are the JEDEC P22 phosphor values). Apple's own values for
            // "P22" are undocumented; this is the only published table that
            // CoreVideo's code-point functions can be pointing at.
            ColorPrimaries::P22 => c((0.630, 0.340), (0.295, 0.605), (0.155, 0.077), D65),
            // SMPTE RP 431-2:2011 (DCI-P3 reference projector).
            ColorPrimaries::DciP3 => c((0.680, 0.320), (0.265, 0.690), (0.150, 0.060), DCI_WHITE),
            // SMPTE EG 432-1:2010 (P3 primaries, D65 white).
            ColorPrimaries::P3D65 => c((0.680, 0.320), (0.265, 0.690), (0.150, 0.060), D65),
            // ITU-R BT.2020-2 Table 3 (also BT.2100-2 Table 2).
            ColorPrimaries::Bt2020 => c((0.708, 0.292), (0.170, 0.797), (0.131, 0.046), D65),
        }
    }

    /// Linear RGB → XYZ (white at Y = 1). The built-in tables are never
    /// degenerate, so this cannot fail.
    pub fn rgb_to_xyz(self) -> Mat3 {
        self.chromaticities()
            .rgb_to_xyz()
            .unwrap_or(linalg::IDENTITY)
    }
}

/// Cone-response matrix of the (linearised) Bradford transform, as given in
/// ICC.1:2022 Annex E (Lam, 1985).
const BRADFORD: Mat3 = [
    [0.8951, 0.2664, -0.1614],
    [-0.7502, 1.7135, 0.0367],
    [0.0389, -0.0685, 1.0296],
];

/// XYZ(under `src` white) → XYZ(under `dst` white) by the Bradford transform:
/// `M⁻¹ · diag(ρd/ρs, γd/γs, βd/βs) · M`. Identity when the whites are equal.
pub fn bradford_adaptation(src: Xy, dst: Xy) -> Option<Mat3> {
    if src == dst {
        return Some(linalg::IDENTITY);
    }
    let s = linalg::apply(&BRADFORD, src.to_xyz()?);
    let d = linalg::apply(&BRADFORD, dst.to_xyz()?);
    let scale = linalg::diagonal([d[0] / s[0], d[1] / s[1], d[2] / s[2]]);
    let m = linalg::mul(
        &linalg::inverse(&BRADFORD)?,
        &linalg::mul(&scale, &BRADFORD),
    );
    m.iter().flatten().all(|v| v.is_finite()).then_some(m)
}

/// Linear RGB in `src` primaries → linear RGB in `dst` primaries, adapting
/// the white point with Bradford when the two differ. `None` for degenerate
/// chromaticities.
pub fn rgb_to_rgb(src: &Chromaticities, dst: &Chromaticities) -> Option<Mat3> {
    let to_xyz = src.rgb_to_xyz()?;
    let adapt = bradford_adaptation(src.white, dst.white)?;
    let from_xyz = dst.xyz_to_rgb()?;
    Some(linalg::mul(&from_xyz, &linalg::mul(&adapt, &to_xyz)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::color::linalg::max_abs_diff;

    fn convert(src: ColorPrimaries, dst: ColorPrimaries) -> Mat3 {
        rgb_to_rgb(&src.chromaticities(), &dst.chromaticities()).unwrap()
    }

    #[test]
    fn bt709_to_bt2020_matches_bt2087() {
        // ITU-R BT.2087-0 (10/2015), equation (2): the published 4-decimal
        // matrix for linear BT.709 RGB → linear BT.2020 RGB.
        let published = [
            [0.6274, 0.3293, 0.0433],
            [0.0691, 0.9195, 0.0114],
            [0.0164, 0.0880, 0.8956],
        ];
        let m = convert(ColorPrimaries::Bt709, ColorPrimaries::Bt2020);
        assert!(max_abs_diff(&m, &published) <= 1e-4, "{m:?}");
    }

    #[test]
    fn bt2020_to_bt709_matches_bt2407() {
        // ITU-R BT.2407-0 (10/2017) §2: linear BT.2020 → BT.709.
        let published = [
            [1.6605, -0.5876, -0.0728],
            [-0.1246, 1.1329, -0.0083],
            [-0.0182, -0.1006, 1.1187],
        ];
        let m = convert(ColorPrimaries::Bt2020, ColorPrimaries::Bt709);
        assert!(max_abs_diff(&m, &published) <= 1e-4, "{m:?}");
    }

    #[test]
    fn bt709_rgb_to_xyz_matches_srgb_standard() {
        // IEC 61966-2-1 / BT.709 normalised primary matrix, 4 decimals.
        let published = [
            [0.4124, 0.3576, 0.1805],
            [0.2126, 0.7152, 0.0722],
            [0.0193, 0.1192, 0.9505],
        ];
        let m = ColorPrimaries::Bt709.rgb_to_xyz();
        assert!(max_abs_diff(&m, &published) <= 1e-4, "{m:?}");
    }

    #[test]
    fn white_maps_to_white_across_white_points() {
        for src in ColorPrimaries::ALL {
            for dst in ColorPrimaries::ALL {
                let w = linalg::apply(&convert(src, dst), [1.0, 1.0, 1.0]);
                for c in w {
                    assert!((c - 1.0).abs() < 1e-12, "{src:?}→{dst:?}: {w:?}");
                }
            }
        }
    }

    #[test]
    fn same_primaries_give_identity_and_round_trips_invert() {
        for p in ColorPrimaries::ALL {
            assert!(max_abs_diff(&convert(p, p), &linalg::IDENTITY) < 1e-12);
            for q in ColorPrimaries::ALL {
                let there_and_back = linalg::mul(&convert(q, p), &convert(p, q));
                assert!(max_abs_diff(&there_and_back, &linalg::IDENTITY) < 1e-12);
            }
        }
    }

    #[test]
    fn dci_to_p3_d65_is_bradford_adapted() {
        // Same primaries, different white: the only change is the adaptation,
        // so the matrix is not the identity but keeps white neutral.
        let m = convert(ColorPrimaries::DciP3, ColorPrimaries::P3D65);
        assert!(max_abs_diff(&m, &linalg::IDENTITY) > 1e-3);
        // Bradford D65 → D65 is exact identity; DCI → D65 → DCI round trips.
        let back = bradford_adaptation(D65, DCI_WHITE).unwrap();
        let fwd = bradford_adaptation(DCI_WHITE, D65).unwrap();
        assert!(max_abs_diff(&linalg::mul(&back, &fwd), &linalg::IDENTITY) < 1e-12);
        let d65 = linalg::apply(&fwd, DCI_WHITE.to_xyz().unwrap());
        let want = D65.to_xyz().unwrap();
        for i in 0..3 {
            assert!((d65[i] - want[i]).abs() < 1e-12);
        }
    }

    #[test]
    fn cv_strings_round_trip_exactly() {
        for p in ColorPrimaries::ALL {
            assert_eq!(ColorPrimaries::from_cv_string(p.cv_string()), Some(p));
        }
        assert_eq!(ColorPrimaries::from_cv_string("itu_r_709_2"), None);
        assert_eq!(ColorPrimaries::from_cv_string("ITU_R_601_4"), None);
    }

    #[test]
    fn degenerate_chromaticities_fail_cleanly() {
        let p = Xy::new(0.3, 0.3);
        let flat = Chromaticities {
            red: p,
            green: p,
            blue: Xy::new(0.1, 0.1),
            white: D65,
        };
        assert!(flat.rgb_to_xyz().is_none());
        let zero_y = Chromaticities {
            white: Xy::new(0.3, 0.0),
            ..ColorPrimaries::Bt709.chromaticities()
        };
        assert!(zero_y.rgb_to_xyz().is_none());
        assert!(bradford_adaptation(D65, Xy::new(f64::NAN, 0.3)).is_none());
    }
}
