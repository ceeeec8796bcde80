//! The CGColorSpace subset (CGColorSpace.h, vimage-core.md §9): the CF
//! type, creation from the device families and from names, and the
//! queries. What a space means is `core::color::space`; this layer only
//! wraps it in an object.
//!
//! Spaces are immutable, so they may be shared between threads freely.
//! Every function accepts NULL and objects of other types and answers with
//! its "nothing" value (NULL, 0, false, `kCGColorSpaceModelUnknown`), where
//! Apple's behaviour is undefined.
//!
//! Not provided: `CGColorSpaceCreateWithICCData`, `…CreateICCBased`,
//! `…CreateCalibratedRGB`/`Gray`, `…CreateIndexed`, `…CreatePattern`,
//! `…CreateLab`: pixelport parses no ICC profiles and converts only the
//! RGB and gray colorimetry `core::color` describes.
#![allow(non_snake_case)]

use std::hash::{DefaultHasher, Hash, Hasher};

use super::color_space_names::name_string;
use super::types::{
    CGColorSpaceModel, CGColorSpaceRef, kCGColorSpaceModelCMYK, kCGColorSpaceModelLab,
    kCGColorSpaceModelMonochrome, kCGColorSpaceModelRGB, kCGColorSpaceModelUnknown,
    kCGColorSpaceModelXYZ,
};
use crate::capi::core_foundation::types::{CFHashCode, CFStringRef, CFTypeID, CfRef};
use crate::capi::handle;
use crate::capi::runtime::class::TypeKind;
use crate::capi::runtime::object::{CfClass, CfObject, Retained};
use crate::core::color::SpaceName;
use crate::core::color::space::{ColorSpace, Model};

/// The payload of a CGColorSpace.
pub struct CgColorSpace {
    pub space: ColorSpace,
}

impl CfClass for CgColorSpace {
    const KIND: TypeKind = TypeKind::ColorSpace;

    /// Same name (or both unnamed), same model, same colorimetry.
    fn cf_equal(&self, other: &Self) -> bool {
        self.space == other.space
    }

    fn cf_hash(&self) -> CFHashCode {
        let mut h = DefaultHasher::new();
        self.space.model().hash(&mut h);
        self.space.name().hash(&mut h);
        h.finish() as CFHashCode
    }

    /// `<CGColorSpace 0x…> (kCGColorSpaceSRGB; kCGColorSpaceModelRGB;
    /// primaries ITU_R_709_2; transfer IEC_sRGB)`, after the
    /// `<CGColorSpace 0x…> (name; model; …)` shape macOS prints.
    fn describe(&self) -> String {
        // The handle points at the object header, which precedes the value.
        let offset = std::mem::offset_of!(CfObject<CgColorSpace>, value);
        let address = (self as *const Self as usize).wrapping_sub(offset);
        format!("<CGColorSpace {address:#x}> ({})", self.space.summary())
    }
}

/// A new (+1) colour space.
pub fn new_color_space(space: ColorSpace) -> CGColorSpaceRef {
    CGColorSpaceRef::from_type(Retained::new(CgColorSpace { space }).into_raw())
}

/// `CGColorSpaceModel` of a model.
fn model_value(model: Model) -> CGColorSpaceModel {
    match model {
        Model::Monochrome => kCGColorSpaceModelMonochrome,
        Model::Rgb => kCGColorSpaceModelRGB,
        Model::Cmyk => kCGColorSpaceModelCMYK,
        Model::Lab => kCGColorSpaceModelLab,
        Model::Xyz => kCGColorSpaceModelXYZ,
    }
}

/// The type ID of every `CGColorSpaceRef`.
#[unsafe(no_mangle)]
pub extern "C" fn CGColorSpaceGetTypeID() -> CFTypeID {
    TypeKind::ColorSpace.type_id()
}

/// A new (+1) device RGB space. pixelport has no device profiles: it is
/// sRGB (as vImage treats it), named `"kCGColorSpaceDeviceRGB"`, and not
/// `CFEqual` to the `kCGColorSpaceSRGB` space. Any thread.
#[unsafe(no_mangle)]
pub extern "C" fn CGColorSpaceCreateDeviceRGB() -> CGColorSpaceRef {
    ffi_guard!(CGColorSpaceRef::null(), {
        new_color_space(ColorSpace::named(SpaceName::DeviceRgb))
    })
}

/// A new (+1) device gray space: gray with gamma 2.2 (as vImage treats
/// it), named `"kCGColorSpaceDeviceGray"`. Any thread.
#[unsafe(no_mangle)]
pub extern "C" fn CGColorSpaceCreateDeviceGray() -> CGColorSpaceRef {
    ffi_guard!(CGColorSpaceRef::null(), {
        new_color_space(ColorSpace::named(SpaceName::DeviceGray))
    })
}

/// A new (+1) device CMYK space, named `"kCGColorSpaceDeviceCMYK"`: model
/// and component count only — pixelport does not convert CMYK. Any thread.
#[unsafe(no_mangle)]
pub extern "C" fn CGColorSpaceCreateDeviceCMYK() -> CGColorSpaceRef {
    ffi_guard!(CGColorSpaceRef::null(), {
        new_color_space(ColorSpace::named(SpaceName::DeviceCmyk))
    })
}

/// A new (+1) space for a `kCGColorSpace…` name, compared by text (a
/// `CFSTR("kCGColorSpaceSRGB")` literal works). Every exported name is
/// known, and so are `"kCGColorSpaceDeviceRGB"`, `…DeviceGray` and
/// `…DeviceCMYK` (what `CGColorSpaceGetName` returns for the device
/// spaces). NULL for NULL, a non-string or an unknown name. The CMYK, Lab
/// and XYZ names give spaces that carry their model only.
///
/// # Safety
/// `name` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGColorSpaceCreateWithName(name: CFStringRef) -> CGColorSpaceRef {
    ffi_guard!(CGColorSpaceRef::null(), {
        let text = try_text!(name, CGColorSpaceRef::null()).to_string_lossy();
        ColorSpace::with_name(&text).map_or_else(CGColorSpaceRef::null, new_color_space)
    })
}

/// Retains `space` (any CF object, like `CFRetain`) and returns it. NULL
/// returns NULL.
///
/// # Safety
/// `space` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGColorSpaceRetain(space: CGColorSpaceRef) -> CGColorSpaceRef {
    ffi_guard!(CGColorSpaceRef::null(), {
        // SAFETY: per this function's contract.
        unsafe { handle::retain(space.as_type()) };
        space
    })
}

/// Releases `space`, destroying it at the last release. NULL is a no-op.
///
/// # Safety
/// `space` must be NULL or a live object the caller owns a reference to.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGColorSpaceRelease(space: CGColorSpaceRef) {
    // SAFETY: per this function's contract.
    ffi_guard!({ unsafe { handle::release(space.as_type()) } })
}

/// Colour components per pixel, alpha not counted: 1 gray, 3 RGB/Lab/XYZ,
/// 4 CMYK. 0 for NULL or a non-space.
///
/// # Safety
/// `space` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGColorSpaceGetNumberOfComponents(space: CGColorSpaceRef) -> usize {
    ffi_guard!({ try_ref!(space, CgColorSpace).value.space.components() })
}

/// The space's model (`kCGColorSpaceModelRGB` …);
/// `kCGColorSpaceModelUnknown` for NULL or a non-space.
///
/// # Safety
/// `space` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGColorSpaceGetModel(space: CGColorSpaceRef) -> CGColorSpaceModel {
    ffi_guard!(kCGColorSpaceModelUnknown, {
        let space = try_ref!(space, CgColorSpace, kCGColorSpaceModelUnknown);
        model_value(space.value.space.model())
    })
}

/// The name the space was created with (+0, never freed: the exported
/// constant itself, or `"kCGColorSpaceDeviceRGB"`/`…Gray`/`…CMYK` for the
/// device spaces). A space synthesised from CoreVideo attachments has the
/// name whose colorimetry it matches. NULL for an unnamed space, NULL or a
/// non-space.
///
/// # Safety
/// `space` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGColorSpaceGetName(space: CGColorSpaceRef) -> CFStringRef {
    ffi_guard!(CFStringRef::null(), {
        let space = try_ref!(space, CgColorSpace, CFStringRef::null());
        space
            .value
            .space
            .name()
            .map_or_else(CFStringRef::null, name_string)
    })
}

/// `CGColorSpaceGetName`, as a +1 reference (release it; the string is a
/// constant, so releasing it is harmless either way). NULL when the space
/// has no name, for NULL or a non-space.
///
/// # Safety
/// `space` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGColorSpaceCopyName(space: CGColorSpaceRef) -> CFStringRef {
    ffi_guard!(CFStringRef::null(), {
        // SAFETY: per this function's contract.
        let name = unsafe { CGColorSpaceGetName(space) };
        // SAFETY: NULL or an immortal constant string.
        unsafe { handle::retain(name.as_type()) };
        name
    })
}

/// Whether an RGB space covers a large gamut: its primaries span at least
/// 85 % of the NTSC (1953) gamut's xy area (Display P3, DCI-P3, BT.2020,
/// Adobe RGB, ROMM, ACEScg: true; sRGB, BT.709, generic RGB: false), or it
/// is an extended-range space. False for gray, CMYK, Lab, XYZ, NULL or a
/// non-space.
///
/// # Safety
/// `space` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGColorSpaceIsWideGamutRGB(space: CGColorSpaceRef) -> bool {
    ffi_guard!(false, {
        try_ref!(space, CgColorSpace, false)
            .value
            .space
            .is_wide_gamut_rgb()
    })
}

/// Whether the space can be a bitmap's colour space: true for gray, RGB
/// and CMYK spaces, false for Lab and XYZ, NULL or a non-space.
///
/// # Safety
/// `space` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGColorSpaceSupportsOutput(space: CGColorSpaceRef) -> bool {
    ffi_guard!(false, {
        try_ref!(space, CgColorSpace, false)
            .value
            .space
            .supports_output()
    })
}

/// Whether the space uses an HDR transfer function (PQ or HLG: the
/// `…_PQ…` and `…_HLG` names). False for NULL or a non-space.
///
/// # Safety
/// `space` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGColorSpaceIsHDR(space: CGColorSpaceRef) -> bool {
    ffi_guard!(false, {
        try_ref!(space, CgColorSpace, false).value.space.is_hdr()
    })
}

/// The base space of an indexed or pattern space: always NULL, since
/// pixelport creates neither (+0). `space` is not looked at.
#[unsafe(no_mangle)]
pub extern "C" fn CGColorSpaceGetBaseColorSpace(space: CGColorSpaceRef) -> CGColorSpaceRef {
    let _ = space;
    ffi_guard!(CGColorSpaceRef::null(), { CGColorSpaceRef::null() })
}
