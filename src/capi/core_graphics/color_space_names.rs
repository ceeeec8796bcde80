//! The `kCGColorSpace…` name constants (vimage-core.md §10, plus
//! `kCGColorSpaceLinearDisplayP3` and `kCGColorSpaceLinearITUR_2020`), each
//! an immortal CFString whose text is its own identifier, and the three
//! device-space names, which Apple does not export but returns from
//! `CGColorSpaceGetName`.
//!
//! `CGColorSpaceCreateWithName` compares names by text, so `CFSTR` literals
//! and created strings work as well as the symbols; `CGColorSpaceGetName`
//! returns these objects themselves.
#![allow(non_upper_case_globals)]

use crate::capi::core_foundation::types::CFStringRef;
use crate::cf_constant_string;
use crate::core::color::SpaceName;

/// `"kCGColorSpaceSRGB"`: IEC 61966-2-1 sRGB.
#[unsafe(no_mangle)]
pub static kCGColorSpaceSRGB: CFStringRef = cf_constant_string!("kCGColorSpaceSRGB");

/// `"kCGColorSpaceLinearSRGB"`: sRGB primaries with a linear transfer function.
#[unsafe(no_mangle)]
pub static kCGColorSpaceLinearSRGB: CFStringRef = cf_constant_string!("kCGColorSpaceLinearSRGB");

/// `"kCGColorSpaceExtendedSRGB"`: sRGB with values outside [0, 1] allowed (sign-mirrored curve).
#[unsafe(no_mangle)]
pub static kCGColorSpaceExtendedSRGB: CFStringRef =
    cf_constant_string!("kCGColorSpaceExtendedSRGB");

/// `"kCGColorSpaceExtendedLinearSRGB"`: Linear sRGB with extended range.
#[unsafe(no_mangle)]
pub static kCGColorSpaceExtendedLinearSRGB: CFStringRef =
    cf_constant_string!("kCGColorSpaceExtendedLinearSRGB");

/// `"kCGColorSpaceDisplayP3"`: P3 primaries, D65 white, sRGB curve.
#[unsafe(no_mangle)]
pub static kCGColorSpaceDisplayP3: CFStringRef = cf_constant_string!("kCGColorSpaceDisplayP3");

/// `"kCGColorSpaceLinearDisplayP3"`: Display P3 with a linear transfer function (macOS 12; not in the fact sheet's list, needed so linear P3 attachments get a name).
#[unsafe(no_mangle)]
pub static kCGColorSpaceLinearDisplayP3: CFStringRef =
    cf_constant_string!("kCGColorSpaceLinearDisplayP3");

/// `"kCGColorSpaceExtendedDisplayP3"`: Display P3 with extended range.
#[unsafe(no_mangle)]
pub static kCGColorSpaceExtendedDisplayP3: CFStringRef =
    cf_constant_string!("kCGColorSpaceExtendedDisplayP3");

/// `"kCGColorSpaceExtendedLinearDisplayP3"`: Linear Display P3 with extended range.
#[unsafe(no_mangle)]
pub static kCGColorSpaceExtendedLinearDisplayP3: CFStringRef =
    cf_constant_string!("kCGColorSpaceExtendedLinearDisplayP3");

/// `"kCGColorSpaceDisplayP3_PQ_EOTF"`: Display P3 primaries with the PQ curve (deprecated name).
#[unsafe(no_mangle)]
pub static kCGColorSpaceDisplayP3_PQ_EOTF: CFStringRef =
    cf_constant_string!("kCGColorSpaceDisplayP3_PQ_EOTF");

/// `"kCGColorSpaceDisplayP3_PQ"`: Display P3 primaries with the PQ curve.
#[unsafe(no_mangle)]
pub static kCGColorSpaceDisplayP3_PQ: CFStringRef =
    cf_constant_string!("kCGColorSpaceDisplayP3_PQ");

/// `"kCGColorSpaceDisplayP3_HLG"`: Display P3 primaries with the HLG curve.
#[unsafe(no_mangle)]
pub static kCGColorSpaceDisplayP3_HLG: CFStringRef =
    cf_constant_string!("kCGColorSpaceDisplayP3_HLG");

/// `"kCGColorSpaceDCIP3"`: DCI-P3 primaries and white, gamma 2.6.
#[unsafe(no_mangle)]
pub static kCGColorSpaceDCIP3: CFStringRef = cf_constant_string!("kCGColorSpaceDCIP3");

/// `"kCGColorSpaceITUR_709"`: BT.709 primaries and curve.
#[unsafe(no_mangle)]
pub static kCGColorSpaceITUR_709: CFStringRef = cf_constant_string!("kCGColorSpaceITUR_709");

/// `"kCGColorSpaceITUR_2020"`: BT.2020 primaries, BT.709 curve.
#[unsafe(no_mangle)]
pub static kCGColorSpaceITUR_2020: CFStringRef = cf_constant_string!("kCGColorSpaceITUR_2020");

/// `"kCGColorSpaceLinearITUR_2020"`: BT.2020 with a linear transfer function (macOS 12; not in the fact sheet's list, needed so linear BT.2020 attachments get a name).
#[unsafe(no_mangle)]
pub static kCGColorSpaceLinearITUR_2020: CFStringRef =
    cf_constant_string!("kCGColorSpaceLinearITUR_2020");

/// `"kCGColorSpaceExtendedITUR_2020"`: BT.2020 with extended range.
#[unsafe(no_mangle)]
pub static kCGColorSpaceExtendedITUR_2020: CFStringRef =
    cf_constant_string!("kCGColorSpaceExtendedITUR_2020");

/// `"kCGColorSpaceExtendedLinearITUR_2020"`: Linear BT.2020 with extended range.
#[unsafe(no_mangle)]
pub static kCGColorSpaceExtendedLinearITUR_2020: CFStringRef =
    cf_constant_string!("kCGColorSpaceExtendedLinearITUR_2020");

/// `"kCGColorSpaceITUR_2020_PQ_EOTF"`: BT.2020 primaries with the PQ curve (deprecated name).
#[unsafe(no_mangle)]
pub static kCGColorSpaceITUR_2020_PQ_EOTF: CFStringRef =
    cf_constant_string!("kCGColorSpaceITUR_2020_PQ_EOTF");

/// `"kCGColorSpaceITUR_2020_PQ"`: BT.2020 primaries with the PQ curve (deprecated name).
#[unsafe(no_mangle)]
pub static kCGColorSpaceITUR_2020_PQ: CFStringRef =
    cf_constant_string!("kCGColorSpaceITUR_2020_PQ");

/// `"kCGColorSpaceITUR_2100_PQ"`: BT.2100 PQ: BT.2020 primaries with the PQ curve.
#[unsafe(no_mangle)]
pub static kCGColorSpaceITUR_2100_PQ: CFStringRef =
    cf_constant_string!("kCGColorSpaceITUR_2100_PQ");

/// `"kCGColorSpaceITUR_2020_HLG"`: BT.2020 primaries with the HLG curve (deprecated name).
#[unsafe(no_mangle)]
pub static kCGColorSpaceITUR_2020_HLG: CFStringRef =
    cf_constant_string!("kCGColorSpaceITUR_2020_HLG");

/// `"kCGColorSpaceITUR_2100_HLG"`: BT.2100 HLG: BT.2020 primaries with the HLG curve.
#[unsafe(no_mangle)]
pub static kCGColorSpaceITUR_2100_HLG: CFStringRef =
    cf_constant_string!("kCGColorSpaceITUR_2100_HLG");

/// `"kCGColorSpaceAdobeRGB1998"`: Adobe RGB (1998).
#[unsafe(no_mangle)]
pub static kCGColorSpaceAdobeRGB1998: CFStringRef =
    cf_constant_string!("kCGColorSpaceAdobeRGB1998");

/// `"kCGColorSpaceROMMRGB"`: ROMM RGB (ProPhoto).
#[unsafe(no_mangle)]
pub static kCGColorSpaceROMMRGB: CFStringRef = cf_constant_string!("kCGColorSpaceROMMRGB");

/// `"kCGColorSpaceACESCGLinear"`: ACEScg: AP1 primaries, linear.
#[unsafe(no_mangle)]
pub static kCGColorSpaceACESCGLinear: CFStringRef =
    cf_constant_string!("kCGColorSpaceACESCGLinear");

/// `"kCGColorSpaceGenericRGB"`: Apple's legacy generic RGB (P22 phosphors, gamma 1.8).
#[unsafe(no_mangle)]
pub static kCGColorSpaceGenericRGB: CFStringRef = cf_constant_string!("kCGColorSpaceGenericRGB");

/// `"kCGColorSpaceGenericRGBLinear"`: Generic RGB primaries, linear.
#[unsafe(no_mangle)]
pub static kCGColorSpaceGenericRGBLinear: CFStringRef =
    cf_constant_string!("kCGColorSpaceGenericRGBLinear");

/// `"kCGColorSpaceGenericGray"`: Legacy generic gray (gamma 1.8).
#[unsafe(no_mangle)]
pub static kCGColorSpaceGenericGray: CFStringRef = cf_constant_string!("kCGColorSpaceGenericGray");

/// `"kCGColorSpaceGenericGrayGamma2_2"`: Generic gray, gamma 2.2.
#[unsafe(no_mangle)]
pub static kCGColorSpaceGenericGrayGamma2_2: CFStringRef =
    cf_constant_string!("kCGColorSpaceGenericGrayGamma2_2");

/// `"kCGColorSpaceLinearGray"`: Gray with a linear transfer function.
#[unsafe(no_mangle)]
pub static kCGColorSpaceLinearGray: CFStringRef = cf_constant_string!("kCGColorSpaceLinearGray");

/// `"kCGColorSpaceExtendedGray"`: Gray gamma 2.2 with extended range.
#[unsafe(no_mangle)]
pub static kCGColorSpaceExtendedGray: CFStringRef =
    cf_constant_string!("kCGColorSpaceExtendedGray");

/// `"kCGColorSpaceExtendedLinearGray"`: Linear gray with extended range.
#[unsafe(no_mangle)]
pub static kCGColorSpaceExtendedLinearGray: CFStringRef =
    cf_constant_string!("kCGColorSpaceExtendedLinearGray");

/// `"kCGColorSpaceGenericCMYK"`: Generic CMYK (model only: pixelport does not convert CMYK).
#[unsafe(no_mangle)]
pub static kCGColorSpaceGenericCMYK: CFStringRef = cf_constant_string!("kCGColorSpaceGenericCMYK");

/// `"kCGColorSpaceGenericXYZ"`: CIE XYZ (model only).
#[unsafe(no_mangle)]
pub static kCGColorSpaceGenericXYZ: CFStringRef = cf_constant_string!("kCGColorSpaceGenericXYZ");

/// `"kCGColorSpaceGenericLab"`: CIE L*a*b* (model only).
#[unsafe(no_mangle)]
pub static kCGColorSpaceGenericLab: CFStringRef = cf_constant_string!("kCGColorSpaceGenericLab");

static kCGColorSpaceDeviceRGB: CFStringRef = cf_constant_string!("kCGColorSpaceDeviceRGB");
static kCGColorSpaceDeviceGray: CFStringRef = cf_constant_string!("kCGColorSpaceDeviceGray");
static kCGColorSpaceDeviceCMYK: CFStringRef = cf_constant_string!("kCGColorSpaceDeviceCMYK");

/// The immortal string object for `name` (+0, valid for ever).
pub fn name_string(name: SpaceName) -> CFStringRef {
    match name {
        SpaceName::DeviceRgb => kCGColorSpaceDeviceRGB,
        SpaceName::DeviceGray => kCGColorSpaceDeviceGray,
        SpaceName::DeviceCmyk => kCGColorSpaceDeviceCMYK,
        SpaceName::Srgb => kCGColorSpaceSRGB,
        SpaceName::LinearSrgb => kCGColorSpaceLinearSRGB,
        SpaceName::ExtendedSrgb => kCGColorSpaceExtendedSRGB,
        SpaceName::ExtendedLinearSrgb => kCGColorSpaceExtendedLinearSRGB,
        SpaceName::DisplayP3 => kCGColorSpaceDisplayP3,
        SpaceName::LinearDisplayP3 => kCGColorSpaceLinearDisplayP3,
        SpaceName::ExtendedDisplayP3 => kCGColorSpaceExtendedDisplayP3,
        SpaceName::ExtendedLinearDisplayP3 => kCGColorSpaceExtendedLinearDisplayP3,
        SpaceName::DisplayP3PqEotf => kCGColorSpaceDisplayP3_PQ_EOTF,
        SpaceName::DisplayP3Pq => kCGColorSpaceDisplayP3_PQ,
        SpaceName::DisplayP3Hlg => kCGColorSpaceDisplayP3_HLG,
        SpaceName::DciP3 => kCGColorSpaceDCIP3,
        SpaceName::ItuR709 => kCGColorSpaceITUR_709,
        SpaceName::ItuR2020 => kCGColorSpaceITUR_2020,
        SpaceName::LinearItuR2020 => kCGColorSpaceLinearITUR_2020,
        SpaceName::ExtendedItuR2020 => kCGColorSpaceExtendedITUR_2020,
        SpaceName::ExtendedLinearItuR2020 => kCGColorSpaceExtendedLinearITUR_2020,
        SpaceName::ItuR2020PqEotf => kCGColorSpaceITUR_2020_PQ_EOTF,
        SpaceName::ItuR2020Pq => kCGColorSpaceITUR_2020_PQ,
        SpaceName::ItuR2100Pq => kCGColorSpaceITUR_2100_PQ,
        SpaceName::ItuR2020Hlg => kCGColorSpaceITUR_2020_HLG,
        SpaceName::ItuR2100Hlg => kCGColorSpaceITUR_2100_HLG,
        SpaceName::AdobeRgb1998 => kCGColorSpaceAdobeRGB1998,
        SpaceName::RommRgb => kCGColorSpaceROMMRGB,
        SpaceName::AcescgLinear => kCGColorSpaceACESCGLinear,
        SpaceName::GenericRgb => kCGColorSpaceGenericRGB,
        SpaceName::GenericRgbLinear => kCGColorSpaceGenericRGBLinear,
        SpaceName::GenericGray => kCGColorSpaceGenericGray,
        SpaceName::GenericGrayGamma2_2 => kCGColorSpaceGenericGrayGamma2_2,
        SpaceName::LinearGray => kCGColorSpaceLinearGray,
        SpaceName::ExtendedGray => kCGColorSpaceExtendedGray,
        SpaceName::ExtendedLinearGray => kCGColorSpaceExtendedLinearGray,
        SpaceName::GenericCmyk => kCGColorSpaceGenericCMYK,
        SpaceName::GenericXyz => kCGColorSpaceGenericXYZ,
        SpaceName::GenericLab => kCGColorSpaceGenericLab,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capi::core_foundation::string::string_value;

    #[test]
    fn every_name_has_its_own_text() {
        for name in SpaceName::ALL {
            // SAFETY: an immortal string.
            let text = unsafe { string_value(name_string(name)) };
            assert_eq!(text.as_deref(), Some(name.as_str()));
        }
    }
}
