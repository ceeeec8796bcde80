//! The colour-space names `CGColorSpaceCreateWithName` accepts and the
//! colorimetry each stands for (vimage-core.md §10 and Apple's per-constant
//! documentation).
//!
//! A name's text is its constant's identifier (`kCGColorSpaceSRGB` is the
//! string "kCGColorSpaceSRGB"). The three device names are not public
//! constants, but `CGColorSpaceGetName` returns them for the device spaces
//! and `CGColorSpaceCreateWithName` accepts them, so a name round-trips.
//!
//! Colorimetry decisions (Apple publishes ICC profiles, not numbers, for
//! most of these):
//! - Device RGB is sRGB and device gray is gamma 2.2, as vImage treats them.
//! - Generic RGB is Apple's legacy monitor space: the P22 phosphor set,
//!   D65, gamma 1.8; Generic gray is gamma 1.8 (the legacy profile;
//!   `GenericGrayGamma2_2` is the 2.2 one).
//! - DCI-P3 is DCI primaries and white with gamma 2.6 (SMPTE RP 431-2).
//! - ITU-R 709 and 2020 use the BT.709 curve (CVImageBuffer.h: the 2020
//!   curve is the same); their PQ/HLG variants use `core::color::transfer`'s
//!   PQ (linear 1.0 = 100 cd/m²) and HLG (0..12) scales. The deprecated
//!   `…_PQ_EOTF` and `ITUR_2020_PQ`/`_HLG` names describe the same
//!   colorimetry as the `ITUR_2100_…` / `DisplayP3_PQ` names.
//! - PQ and HLG spaces are not "extended range": their encoded values stay
//!   in [0, 1].

use super::primaries::ColorPrimaries;
use super::space::{ADOBE_RGB_GAMMA, Gamut, Kind, ROMM_CURVE, Transfer};
use super::transfer::TransferFunction;

/// Every colour-space name pixelport knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpaceName {
    DeviceRgb,
    DeviceGray,
    DeviceCmyk,
    Srgb,
    LinearSrgb,
    ExtendedSrgb,
    ExtendedLinearSrgb,
    DisplayP3,
    LinearDisplayP3,
    ExtendedDisplayP3,
    ExtendedLinearDisplayP3,
    DisplayP3PqEotf,
    DisplayP3Pq,
    DisplayP3Hlg,
    DciP3,
    ItuR709,
    ItuR2020,
    LinearItuR2020,
    ExtendedItuR2020,
    ExtendedLinearItuR2020,
    ItuR2020PqEotf,
    ItuR2020Pq,
    ItuR2100Pq,
    ItuR2020Hlg,
    ItuR2100Hlg,
    AdobeRgb1998,
    RommRgb,
    AcescgLinear,
    GenericRgb,
    GenericRgbLinear,
    GenericGray,
    GenericGrayGamma2_2,
    LinearGray,
    ExtendedGray,
    ExtendedLinearGray,
    GenericCmyk,
    GenericXyz,
    GenericLab,
}

impl SpaceName {
    pub const ALL: [SpaceName; 38] = [
        SpaceName::DeviceRgb,
        SpaceName::DeviceGray,
        SpaceName::DeviceCmyk,
        SpaceName::Srgb,
        SpaceName::LinearSrgb,
        SpaceName::ExtendedSrgb,
        SpaceName::ExtendedLinearSrgb,
        SpaceName::DisplayP3,
        SpaceName::LinearDisplayP3,
        SpaceName::ExtendedDisplayP3,
        SpaceName::ExtendedLinearDisplayP3,
        SpaceName::DisplayP3PqEotf,
        SpaceName::DisplayP3Pq,
        SpaceName::DisplayP3Hlg,
        SpaceName::DciP3,
        SpaceName::ItuR709,
        SpaceName::ItuR2020,
        SpaceName::LinearItuR2020,
        SpaceName::ExtendedItuR2020,
        SpaceName::ExtendedLinearItuR2020,
        SpaceName::ItuR2020PqEotf,
        SpaceName::ItuR2020Pq,
        SpaceName::ItuR2100Pq,
        SpaceName::ItuR2020Hlg,
        SpaceName::ItuR2100Hlg,
        SpaceName::AdobeRgb1998,
        SpaceName::RommRgb,
        SpaceName::AcescgLinear,
        SpaceName::GenericRgb,
        SpaceName::GenericRgbLinear,
        SpaceName::GenericGray,
        SpaceName::GenericGrayGamma2_2,
        SpaceName::LinearGray,
        SpaceName::ExtendedGray,
        SpaceName::ExtendedLinearGray,
        SpaceName::GenericCmyk,
        SpaceName::GenericXyz,
        SpaceName::GenericLab,
    ];

    /// The name's text, byte for byte.
    pub fn as_str(self) -> &'static str {
        match self {
            SpaceName::DeviceRgb => "kCGColorSpaceDeviceRGB",
            SpaceName::DeviceGray => "kCGColorSpaceDeviceGray",
            SpaceName::DeviceCmyk => "kCGColorSpaceDeviceCMYK",
            SpaceName::Srgb => "kCGColorSpaceSRGB",
            SpaceName::LinearSrgb => "kCGColorSpaceLinearSRGB",
            SpaceName::ExtendedSrgb => "kCGColorSpaceExtendedSRGB",
            SpaceName::ExtendedLinearSrgb => "kCGColorSpaceExtendedLinearSRGB",
            SpaceName::DisplayP3 => "kCGColorSpaceDisplayP3",
            SpaceName::LinearDisplayP3 => "kCGColorSpaceLinearDisplayP3",
            SpaceName::ExtendedDisplayP3 => "kCGColorSpaceExtendedDisplayP3",
            SpaceName::ExtendedLinearDisplayP3 => "kCGColorSpaceExtendedLinearDisplayP3",
            SpaceName::DisplayP3PqEotf => "kCGColorSpaceDisplayP3_PQ_EOTF",
            SpaceName::DisplayP3Pq => "kCGColorSpaceDisplayP3_PQ",
            SpaceName::DisplayP3Hlg => "kCGColorSpaceDisplayP3_HLG",
            SpaceName::DciP3 => "kCGColorSpaceDCIP3",
            SpaceName::ItuR709 => "kCGColorSpaceITUR_709",
            SpaceName::ItuR2020 => "kCGColorSpaceITUR_2020",
            SpaceName::LinearItuR2020 => "kCGColorSpaceLinearITUR_2020",
            SpaceName::ExtendedItuR2020 => "kCGColorSpaceExtendedITUR_2020",
            SpaceName::ExtendedLinearItuR2020 => "kCGColorSpaceExtendedLinearITUR_2020",
            SpaceName::ItuR2020PqEotf => "kCGColorSpaceITUR_2020_PQ_EOTF",
            SpaceName::ItuR2020Pq => "kCGColorSpaceITUR_2020_PQ",
            SpaceName::ItuR2100Pq => "kCGColorSpaceITUR_2100_PQ",
            SpaceName::ItuR2020Hlg => "kCGColorSpaceITUR_2020_HLG",
            SpaceName::ItuR2100Hlg => "kCGColorSpaceITUR_2100_HLG",
            SpaceName::AdobeRgb1998 => "kCGColorSpaceAdobeRGB1998",
            SpaceName::RommRgb => "kCGColorSpaceROMMRGB",
            SpaceName::AcescgLinear => "kCGColorSpaceACESCGLinear",
            SpaceName::GenericRgb => "kCGColorSpaceGenericRGB",
            SpaceName::GenericRgbLinear => "kCGColorSpaceGenericRGBLinear",
            SpaceName::GenericGray => "kCGColorSpaceGenericGray",
            SpaceName::GenericGrayGamma2_2 => "kCGColorSpaceGenericGrayGamma2_2",
            SpaceName::LinearGray => "kCGColorSpaceLinearGray",
            SpaceName::ExtendedGray => "kCGColorSpaceExtendedGray",
            SpaceName::ExtendedLinearGray => "kCGColorSpaceExtendedLinearGray",
            SpaceName::GenericCmyk => "kCGColorSpaceGenericCMYK",
            SpaceName::GenericXyz => "kCGColorSpaceGenericXYZ",
            SpaceName::GenericLab => "kCGColorSpaceGenericLab",
        }
    }

    /// Exact, case-sensitive match of a name's text.
    pub fn parse(text: &str) -> Option<SpaceName> {
        SpaceName::ALL.into_iter().find(|n| n.as_str() == text)
    }

    /// Not a public constant: one of the three device-space names.
    pub fn is_device(self) -> bool {
        matches!(
            self,
            SpaceName::DeviceRgb | SpaceName::DeviceGray | SpaceName::DeviceCmyk
        )
    }

    /// Deprecated by Apple in favour of a name with the same colorimetry.
    pub fn is_deprecated(self) -> bool {
        matches!(
            self,
            SpaceName::DisplayP3PqEotf
                | SpaceName::ItuR2020PqEotf
                | SpaceName::ItuR2020Pq
                | SpaceName::ItuR2020Hlg
        )
    }

    /// The name a synthesised space with this colorimetry gets: neither a
    /// device name nor a deprecated one.
    pub fn is_preferred(self) -> bool {
        !self.is_device() && !self.is_deprecated()
    }

    /// The model and colorimetry the name stands for (module notes).
    pub fn kind(self) -> Kind {
        use ColorPrimaries::{Bt709, Bt2020, DciP3, P3D65, P22};
        use TransferFunction::{Bt709 as Tf709, Gamma, Hlg, Linear, Pq, Srgb};
        let rgb = |gamut: Gamut, transfer: Transfer, extended: bool| Kind::Rgb {
            gamut,
            transfer,
            extended,
        };
        let cv = |p: ColorPrimaries, tf: TransferFunction, extended: bool| {
            rgb(Gamut::Cv(p), Transfer::Cv(tf), extended)
        };
        let gray = |tf: TransferFunction, extended: bool| Kind::Gray {
            transfer: Transfer::Cv(tf),
            extended,
        };
        match self {
            SpaceName::DeviceRgb | SpaceName::Srgb => cv(Bt709, Srgb, false),
            SpaceName::LinearSrgb => cv(Bt709, Linear, false),
            SpaceName::ExtendedSrgb => cv(Bt709, Srgb, true),
            SpaceName::ExtendedLinearSrgb => cv(Bt709, Linear, true),
            SpaceName::DisplayP3 => cv(P3D65, Srgb, false),
            SpaceName::LinearDisplayP3 => cv(P3D65, Linear, false),
            SpaceName::ExtendedDisplayP3 => cv(P3D65, Srgb, true),
            SpaceName::ExtendedLinearDisplayP3 => cv(P3D65, Linear, true),
            SpaceName::DisplayP3PqEotf | SpaceName::DisplayP3Pq => cv(P3D65, Pq, false),
            SpaceName::DisplayP3Hlg => cv(P3D65, Hlg, false),
            SpaceName::DciP3 => cv(DciP3, Gamma(2.6), false),
            SpaceName::ItuR709 => cv(Bt709, Tf709, false),
            SpaceName::ItuR2020 => cv(Bt2020, Tf709, false),
            SpaceName::LinearItuR2020 => cv(Bt2020, Linear, false),
            SpaceName::ExtendedItuR2020 => cv(Bt2020, Tf709, true),
            SpaceName::ExtendedLinearItuR2020 => cv(Bt2020, Linear, true),
            SpaceName::ItuR2020PqEotf | SpaceName::ItuR2020Pq | SpaceName::ItuR2100Pq => {
                cv(Bt2020, Pq, false)
            }
            SpaceName::ItuR2020Hlg | SpaceName::ItuR2100Hlg => cv(Bt2020, Hlg, false),
            SpaceName::AdobeRgb1998 => rgb(
                Gamut::AdobeRgb1998,
                Transfer::Cv(Gamma(ADOBE_RGB_GAMMA)),
                false,
            ),
            SpaceName::RommRgb => rgb(Gamut::RommRgb, Transfer::Parametric(ROMM_CURVE), false),
            SpaceName::AcescgLinear => rgb(Gamut::AcesAp1, Transfer::Cv(Linear), false),
            SpaceName::GenericRgb => cv(P22, Gamma(1.8), false),
            SpaceName::GenericRgbLinear => cv(P22, Linear, false),
            SpaceName::DeviceGray | SpaceName::GenericGrayGamma2_2 => gray(Gamma(2.2), false),
            SpaceName::GenericGray => gray(Gamma(1.8), false),
            SpaceName::LinearGray => gray(Linear, false),
            SpaceName::ExtendedGray => gray(Gamma(2.2), true),
            SpaceName::ExtendedLinearGray => gray(Linear, true),
            SpaceName::DeviceCmyk | SpaceName::GenericCmyk => Kind::Cmyk,
            SpaceName::GenericXyz => Kind::Xyz,
            SpaceName::GenericLab => Kind::Lab,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::color::space::{ColorSpace, Transfer};

    #[test]
    fn names_are_their_identifiers_and_round_trip() {
        for (i, n) in SpaceName::ALL.into_iter().enumerate() {
            assert!(n.as_str().starts_with("kCGColorSpace"));
            assert_eq!(SpaceName::parse(n.as_str()), Some(n));
            assert!(!SpaceName::ALL[..i].contains(&n), "{n:?} twice");
        }
        assert_eq!(SpaceName::parse("kcgcolorspacesrgb"), None);
        assert_eq!(SpaceName::parse("kCGColorSpaceSRGB "), None);
        assert_eq!(SpaceName::parse(""), None);
    }

    #[test]
    fn preferred_names_have_distinct_colorimetry() {
        let preferred: Vec<_> = SpaceName::ALL
            .into_iter()
            .filter(|n| n.is_preferred())
            .collect();
        for (i, a) in preferred.iter().enumerate() {
            for b in &preferred[i + 1..] {
                assert_ne!(a.kind(), b.kind(), "{a:?} and {b:?}");
            }
        }
        // Every alias describes what its preferred name does.
        for n in SpaceName::ALL.into_iter().filter(|n| !n.is_preferred()) {
            let matched = ColorSpace::unnamed(n.kind()).with_matching_name();
            let want = match n {
                SpaceName::DeviceRgb => Some(SpaceName::Srgb),
                SpaceName::DeviceGray => Some(SpaceName::GenericGrayGamma2_2),
                SpaceName::DeviceCmyk => Some(SpaceName::GenericCmyk),
                SpaceName::DisplayP3PqEotf => Some(SpaceName::DisplayP3Pq),
                SpaceName::ItuR2020PqEotf | SpaceName::ItuR2020Pq => Some(SpaceName::ItuR2100Pq),
                SpaceName::ItuR2020Hlg => Some(SpaceName::ItuR2100Hlg),
                _ => None,
            };
            assert_eq!(matched.name(), want, "{n:?}");
        }
    }

    #[test]
    fn transfer_functions_are_canonical() {
        for n in SpaceName::ALL {
            if let Kind::Rgb {
                transfer: Transfer::Cv(tf),
                ..
            }
            | Kind::Gray {
                transfer: Transfer::Cv(tf),
                ..
            } = n.kind()
            {
                assert_eq!(Transfer::cv(tf), Transfer::Cv(tf), "{n:?}");
            }
        }
    }
}
