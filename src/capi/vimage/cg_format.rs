//! Reading a caller's `vImage_CGImageFormat` (vimage-core.md §6): the
//! struct's fields → `core::vimage::cg_format::CgLayout` plus the colour
//! space (NULL = sRGB, as everywhere in vImage_Utilities.h), and the two
//! small helpers that only look at the struct.
#![allow(non_snake_case)]

use super::types::*;
use crate::capi::core_foundation::types::{Boolean, CfRef};
use crate::capi::core_graphics::color_space::CgColorSpace;
use crate::capi::handle;
use crate::core::color::SpaceName;
use crate::core::color::space::{ColorSpace, Model};
use crate::core::vimage::cg_format::{CgLayout, SpaceModel};
use crate::core::vimage::interop::CgSide;

/// The validated layout and colour space of `format`.
/// `kvImageInvalidImageFormat` for NULL, a non-colour-space `colorSpace`,
/// a decode array (pixelport does not apply decode arrays) or an invalid
/// field combination.
///
/// # Safety
/// `format` NULL or readable; its `colorSpace` NULL or a live object.
pub(crate) unsafe fn read(format: *const vImage_CGImageFormat) -> Result<CgSide, vImage_Error> {
    if format.is_null() {
        return Err(kvImageInvalidImageFormat);
    }
    // SAFETY: readable per the contract.
    let f = unsafe { format.read_unaligned() };
    let color_space = if f.colorSpace.is_null() {
        ColorSpace::named(SpaceName::Srgb)
    } else {
        // SAFETY: a live object per the contract.
        unsafe { handle::object::<CgColorSpace>(f.colorSpace.as_type()) }
            .ok_or(kvImageInvalidImageFormat)?
            .value
            .space
            .clone()
    };
    if !f.decode.is_null() {
        return Err(kvImageInvalidImageFormat);
    }
    let model = match color_space.model() {
        Model::Rgb => SpaceModel::Rgb,
        Model::Monochrome => SpaceModel::Gray,
        other => SpaceModel::Other(other.components() as u32),
    };
    let layout = CgLayout::parse(
        f.bitsPerComponent,
        f.bitsPerPixel,
        f.bitmapInfo,
        f.version,
        model,
    )
    .map_err(|_| kvImageInvalidImageFormat)?;
    Ok(CgSide {
        layout,
        color_space,
    })
}

/// Channels per pixel of `format`: the colour space's components (NULL
/// colour space = sRGB, 3) plus one for alpha or padding. 0 for NULL or a
/// `colorSpace` that is not a colour space.
///
/// # Safety
/// `format` NULL or readable; its `colorSpace` NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCGImageFormat_GetComponentCount(
    format: *const vImage_CGImageFormat,
) -> u32 {
    ffi_guard!({
        if format.is_null() {
            return 0;
        }
        // SAFETY: readable per the contract.
        let f = unsafe { format.read_unaligned() };
        let components = if f.colorSpace.is_null() {
            3
        } else {
            // SAFETY: per the contract.
            match unsafe { handle::object::<CgColorSpace>(f.colorSpace.as_type()) } {
                Some(s) => s.value.space.components() as u32,
                None => return 0,
            }
        };
        let alpha = f.bitmapInfo & 0x1F;
        match alpha {
            0 => components,
            7 => 1,
            _ => components + 1,
        }
    })
}

/// Nonzero when the two formats describe the same pixels: equal bits,
/// bitmap info, version, rendering intent, decode pointer, and colour
/// spaces that are `CFEqual` (NULL = sRGB, so NULL equals an sRGB space).
/// False when either is NULL.
///
/// # Safety
/// Both NULL or readable; their colour spaces NULL or live objects.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCGImageFormat_IsEqual(
    f1: *const vImage_CGImageFormat,
    f2: *const vImage_CGImageFormat,
) -> Boolean {
    ffi_guard!({
        if f1.is_null() || f2.is_null() {
            return 0;
        }
        // SAFETY: readable per the contract.
        let (a, b) = unsafe { (f1.read_unaligned(), f2.read_unaligned()) };
        let fields = |f: &vImage_CGImageFormat| {
            (
                f.bitsPerComponent,
                f.bitsPerPixel,
                f.bitmapInfo,
                f.version,
                f.decode,
                f.renderingIntent,
            )
        };
        if fields(&a) != fields(&b) {
            return 0;
        }
        let space = |f: &vImage_CGImageFormat| {
            if f.colorSpace.is_null() {
                Some(ColorSpace::named(SpaceName::Srgb))
            } else {
                // SAFETY: per the contract.
                unsafe { handle::object::<CgColorSpace>(f.colorSpace.as_type()) }
                    .map(|s| s.value.space.clone())
            }
        };
        match (space(&a), space(&b)) {
            (Some(x), Some(y)) => Boolean::from(x == y),
            _ => 0,
        }
    })
}
