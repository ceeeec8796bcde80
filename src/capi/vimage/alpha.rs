//! vImage premultiply / unpremultiply (vimage-ops.md §10) over
//! `core::vimage::alpha` (formulas in its module notes). Alpha is copied; a
//! destination larger than the source → `kvImageRoiLargerThanInputBuffer`;
//! in place works.
#![allow(non_snake_case)]

use super::buffer::{PixelSize, borrow_all, describe, status};
use super::channels::one;
use super::types::*;
use crate::core::vimage::alpha::*;

/// # Safety
/// Buffers NULL or valid for their size.
unsafe fn planar<T: Copy>(
    src: *const vImage_Buffer,
    alpha: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    f: fn(T, T) -> T,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract.
    unsafe {
        let s = describe::<T>(src, PixelSize::Elements(1))?;
        let a = describe::<T>(alpha, PixelSize::Elements(1))?;
        let d = describe::<T>(dest, PixelSize::Elements(1))?;
        let (rows, mut outs) = borrow_all(&[s, a], &[d])?;
        scale_planar(&rows[0].plane(), &rows[1].plane(), &mut outs[0], f).map_err(status)?;
    }
    Ok(kvImageNoError)
}

/// Premultiplys the colour channels by the first channel (alpha): `(c·a + 127)/255`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImagePremultiplyData_ARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImagePremultiplyData_ARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { one::<u8>(src, 4, dest, 4, |s, d| scale(s, d, 0, premultiply_u8)) }
    })
}

/// Unpremultiplys the colour channels by the first channel (alpha): `(min(c, a)·255 + a/2)/a`, a = 0 → 0.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageUnpremultiplyData_ARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageUnpremultiplyData_ARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { one::<u8>(src, 4, dest, 4, |s, d| scale(s, d, 0, unpremultiply_u8)) }
    })
}

/// Premultiplys the colour channels by the last channel (alpha): `(c·a + 127)/255` (`vImagePremultiplyData_BGRA8888` is a macro for it).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImagePremultiplyData_RGBA8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImagePremultiplyData_RGBA8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { one::<u8>(src, 4, dest, 4, |s, d| scale(s, d, 3, premultiply_u8)) }
    })
}

/// Unpremultiplys the colour channels by the last channel (alpha): `(min(c, a)·255 + a/2)/a`, a = 0 → 0 (`vImageUnpremultiplyData_BGRA8888` is a macro for it).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageUnpremultiplyData_RGBA8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageUnpremultiplyData_RGBA8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { one::<u8>(src, 4, dest, 4, |s, d| scale(s, d, 3, unpremultiply_u8)) }
    })
}

/// Premultiplys the colour channels by the first channel (alpha): `c·a`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImagePremultiplyData_ARGBFFFF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImagePremultiplyData_ARGBFFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { one::<f32>(src, 4, dest, 4, |s, d| scale(s, d, 0, premultiply_f32)) }
    })
}

/// Unpremultiplys the colour channels by the first channel (alpha): `c/a`, a = 0 → 0.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageUnpremultiplyData_ARGBFFFF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageUnpremultiplyData_ARGBFFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { one::<f32>(src, 4, dest, 4, |s, d| scale(s, d, 0, unpremultiply_f32)) }
    })
}

/// Premultiplys the colour channels by the last channel (alpha): `c·a` (`vImagePremultiplyData_BGRAFFFF` is a macro for it).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImagePremultiplyData_RGBAFFFF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImagePremultiplyData_RGBAFFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { one::<f32>(src, 4, dest, 4, |s, d| scale(s, d, 3, premultiply_f32)) }
    })
}

/// Unpremultiplys the colour channels by the last channel (alpha): `c/a`, a = 0 → 0 (`vImageUnpremultiplyData_BGRAFFFF` is a macro for it).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageUnpremultiplyData_RGBAFFFF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageUnpremultiplyData_RGBAFFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { one::<f32>(src, 4, dest, 4, |s, d| scale(s, d, 3, unpremultiply_f32)) }
    })
}

/// Premultiplys the colour channels by the first channel (alpha): `(c·a + 32767)/65535`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImagePremultiplyData_ARGB16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImagePremultiplyData_ARGB16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { one::<u16>(src, 4, dest, 4, |s, d| scale(s, d, 0, premultiply_u16)) }
    })
}

/// Unpremultiplys the colour channels by the first channel (alpha): `(min(c, a)·65535 + a/2)/a`, a = 0 → 0.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageUnpremultiplyData_ARGB16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageUnpremultiplyData_ARGB16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { one::<u16>(src, 4, dest, 4, |s, d| scale(s, d, 0, unpremultiply_u16)) }
    })
}

/// Premultiplys the colour channels by the last channel (alpha): `(c·a + 32767)/65535` (`vImagePremultiplyData_BGRA16U` is a macro for it).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImagePremultiplyData_RGBA16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImagePremultiplyData_RGBA16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { one::<u16>(src, 4, dest, 4, |s, d| scale(s, d, 3, premultiply_u16)) }
    })
}

/// Unpremultiplys the colour channels by the last channel (alpha): `(min(c, a)·65535 + a/2)/a`, a = 0 → 0 (`vImageUnpremultiplyData_BGRA16U` is a macro for it).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageUnpremultiplyData_RGBA16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageUnpremultiplyData_RGBA16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { one::<u16>(src, 4, dest, 4, |s, d| scale(s, d, 3, unpremultiply_u16)) }
    })
}

/// Premultiplys each sample of `src` by the same pixel of the plane `alpha`: `(c·a + 127)/255`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImagePremultiplyData_Planar8(
    src: *const vImage_Buffer,
    alpha: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImagePremultiplyData_Planar8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { planar::<u8>(src, alpha, dest, premultiply_u8) }
    })
}

/// Unpremultiplys each sample of `src` by the same pixel of the plane `alpha`: `(min(c, a)·255 + a/2)/a`, a = 0 → 0.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageUnpremultiplyData_Planar8(
    src: *const vImage_Buffer,
    alpha: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageUnpremultiplyData_Planar8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { planar::<u8>(src, alpha, dest, unpremultiply_u8) }
    })
}

/// Premultiplys each sample of `src` by the same pixel of the plane `alpha`: `c·a`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImagePremultiplyData_PlanarF(
    src: *const vImage_Buffer,
    alpha: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImagePremultiplyData_PlanarF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { planar::<f32>(src, alpha, dest, premultiply_f32) }
    })
}

/// Unpremultiplys each sample of `src` by the same pixel of the plane `alpha`: `c/a`, a = 0 → 0.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageUnpremultiplyData_PlanarF(
    src: *const vImage_Buffer,
    alpha: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageUnpremultiplyData_PlanarF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { planar::<f32>(src, alpha, dest, unpremultiply_f32) }
    })
}

/// # Safety
/// Buffers NULL or valid for their size; `background` NULL or 4 values.
unsafe fn flatten_call<T: Copy>(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    background: *const T,
    premultiplied: bool,
    alpha_index: usize,
    keep: &[usize],
    blend: fn(T, T, T, bool) -> T,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract.
    unsafe {
        let bg: [T; 4] = super::channels::read_array(background)?;
        one::<T>(src, 4, dest, keep.len(), |s, d| {
            flatten(s, d, alpha_index, keep, bg, premultiplied, blend)
        })
    }
}

/// Composites over the opaque `backgroundColor` (given in the source's channel order, its alpha ignored) and drops alpha (alpha first); see `core::vimage::alpha` for the formulas.
///
/// # Safety
/// Both `vImage_Buffer` pointers are NULL or describe memory valid for their
/// size; the background colour is NULL or 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageFlatten_ARGB8888ToRGB888(
    argbSrc: *const vImage_Buffer,
    rgbDest: *const vImage_Buffer,
    backgroundColor: *const u8,
    isImagePremultiplied: bool,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageFlatten_ARGB8888ToRGB888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            flatten_call::<u8>(
                argbSrc,
                rgbDest,
                backgroundColor,
                isImagePremultiplied,
                0,
                &[1, 2, 3],
                blend_u8,
            )
        }
    })
}

/// Composites over the opaque `backgroundColor` (given in the source's channel order, its alpha ignored) and drops alpha (alpha last); see `core::vimage::alpha` for the formulas.
///
/// # Safety
/// Both `vImage_Buffer` pointers are NULL or describe memory valid for their
/// size; the background colour is NULL or 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageFlatten_RGBA8888ToRGB888(
    rgbaSrc: *const vImage_Buffer,
    rgbDest: *const vImage_Buffer,
    backgroundColor: *const u8,
    isImagePremultiplied: bool,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageFlatten_RGBA8888ToRGB888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            flatten_call::<u8>(
                rgbaSrc,
                rgbDest,
                backgroundColor,
                isImagePremultiplied,
                3,
                &[0, 1, 2],
                blend_u8,
            )
        }
    })
}

/// Composites over the opaque `backgroundColor` (given in the source's channel order, its alpha ignored) and drops alpha (alpha last, colours reversed into RGB); see `core::vimage::alpha` for the formulas.
///
/// # Safety
/// Both `vImage_Buffer` pointers are NULL or describe memory valid for their
/// size; the background colour is NULL or 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageFlatten_BGRA8888ToRGB888(
    bgraSrc: *const vImage_Buffer,
    rgbDest: *const vImage_Buffer,
    backgroundColor: *const u8,
    isImagePremultiplied: bool,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageFlatten_BGRA8888ToRGB888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            flatten_call::<u8>(
                bgraSrc,
                rgbDest,
                backgroundColor,
                isImagePremultiplied,
                3,
                &[2, 1, 0],
                blend_u8,
            )
        }
    })
}

/// Composites over the opaque `backgroundColor` (given in the source's channel order, its alpha ignored) and drops alpha (alpha first); see `core::vimage::alpha` for the formulas.
///
/// # Safety
/// Both `vImage_Buffer` pointers are NULL or describe memory valid for their
/// size; the background colour is NULL or 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageFlatten_ARGBFFFFToRGBFFF(
    argbSrc: *const vImage_Buffer,
    rgbDest: *const vImage_Buffer,
    backgroundColor: *const f32,
    isImagePremultiplied: bool,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageFlatten_ARGBFFFFToRGBFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            flatten_call::<f32>(
                argbSrc,
                rgbDest,
                backgroundColor,
                isImagePremultiplied,
                0,
                &[1, 2, 3],
                blend_f32,
            )
        }
    })
}

/// Composites over the opaque `backgroundColor` (given in the source's channel order, its alpha ignored) and drops alpha (alpha last); see `core::vimage::alpha` for the formulas.
///
/// # Safety
/// Both `vImage_Buffer` pointers are NULL or describe memory valid for their
/// size; the background colour is NULL or 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageFlatten_RGBAFFFFToRGBFFF(
    rgbaSrc: *const vImage_Buffer,
    rgbDest: *const vImage_Buffer,
    backgroundColor: *const f32,
    isImagePremultiplied: bool,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageFlatten_RGBAFFFFToRGBFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            flatten_call::<f32>(
                rgbaSrc,
                rgbDest,
                backgroundColor,
                isImagePremultiplied,
                3,
                &[0, 1, 2],
                blend_f32,
            )
        }
    })
}

/// Composites over the opaque `backgroundColor` (given in the source's channel order, its alpha ignored) and drops alpha (alpha last, colours reversed into RGB); see `core::vimage::alpha` for the formulas.
///
/// # Safety
/// Both `vImage_Buffer` pointers are NULL or describe memory valid for their
/// size; the background colour is NULL or 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageFlatten_BGRAFFFFToRGBFFF(
    bgraSrc: *const vImage_Buffer,
    rgbDest: *const vImage_Buffer,
    backgroundColor: *const f32,
    isImagePremultiplied: bool,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageFlatten_BGRAFFFFToRGBFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            flatten_call::<f32>(
                bgraSrc,
                rgbDest,
                backgroundColor,
                isImagePremultiplied,
                3,
                &[2, 1, 0],
                blend_f32,
            )
        }
    })
}

/// Composites over the premultiplied background colour and keeps 4 channels; the result is premultiplied (alpha `a + (1 − a)·bgA`).
///
/// # Safety
/// Both `vImage_Buffer` pointers are NULL or describe memory valid for their
/// size; the background colour is NULL or 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageFlatten_ARGB8888(
    argbSrc: *const vImage_Buffer,
    argbDst: *const vImage_Buffer,
    argbBackgroundColorPtr: *const u8,
    isImagePremultiplied: bool,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageFlatten_ARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            flatten_call::<u8>(
                argbSrc,
                argbDst,
                argbBackgroundColorPtr,
                isImagePremultiplied,
                0,
                &[0, 1, 2, 3],
                blend_u8,
            )
        }
    })
}

/// Composites over the premultiplied background colour and keeps 4 channels; the result is premultiplied (alpha `a + (1 − a)·bgA`).
///
/// # Safety
/// Both `vImage_Buffer` pointers are NULL or describe memory valid for their
/// size; the background colour is NULL or 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageFlatten_RGBA8888(
    rgbaSrc: *const vImage_Buffer,
    rgbaDst: *const vImage_Buffer,
    rgbaBackgroundColorPtr: *const u8,
    isImagePremultiplied: bool,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageFlatten_RGBA8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            flatten_call::<u8>(
                rgbaSrc,
                rgbaDst,
                rgbaBackgroundColorPtr,
                isImagePremultiplied,
                3,
                &[0, 1, 2, 3],
                blend_u8,
            )
        }
    })
}

/// Composites over the premultiplied background colour and keeps 4 channels; the result is premultiplied (alpha `a + (1 − a)·bgA`).
///
/// # Safety
/// Both `vImage_Buffer` pointers are NULL or describe memory valid for their
/// size; the background colour is NULL or 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageFlatten_ARGB16U(
    argbSrc: *const vImage_Buffer,
    argbDst: *const vImage_Buffer,
    argbBackgroundColorPtr: *const u16,
    isImagePremultiplied: bool,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageFlatten_ARGB16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            flatten_call::<u16>(
                argbSrc,
                argbDst,
                argbBackgroundColorPtr,
                isImagePremultiplied,
                0,
                &[0, 1, 2, 3],
                blend_u16,
            )
        }
    })
}

/// Composites over the premultiplied background colour and keeps 4 channels; the result is premultiplied (alpha `a + (1 − a)·bgA`).
///
/// # Safety
/// Both `vImage_Buffer` pointers are NULL or describe memory valid for their
/// size; the background colour is NULL or 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageFlatten_RGBA16U(
    rgbaSrc: *const vImage_Buffer,
    rgbaDst: *const vImage_Buffer,
    rgbaBackgroundColorPtr: *const u16,
    isImagePremultiplied: bool,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageFlatten_RGBA16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            flatten_call::<u16>(
                rgbaSrc,
                rgbaDst,
                rgbaBackgroundColorPtr,
                isImagePremultiplied,
                3,
                &[0, 1, 2, 3],
                blend_u16,
            )
        }
    })
}

/// Composites over the premultiplied background colour and keeps 4 channels; the result is premultiplied (alpha `a + (1 − a)·bgA`).
///
/// # Safety
/// Both `vImage_Buffer` pointers are NULL or describe memory valid for their
/// size; the background colour is NULL or 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageFlatten_ARGBFFFF(
    argbSrc: *const vImage_Buffer,
    argbDst: *const vImage_Buffer,
    argbBackgroundColorPtr: *const f32,
    isImagePremultiplied: bool,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageFlatten_ARGBFFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            flatten_call::<f32>(
                argbSrc,
                argbDst,
                argbBackgroundColorPtr,
                isImagePremultiplied,
                0,
                &[0, 1, 2, 3],
                blend_f32,
            )
        }
    })
}

/// Composites over the premultiplied background colour and keeps 4 channels; the result is premultiplied (alpha `a + (1 − a)·bgA`).
///
/// # Safety
/// Both `vImage_Buffer` pointers are NULL or describe memory valid for their
/// size; the background colour is NULL or 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageFlatten_RGBAFFFF(
    rgbaSrc: *const vImage_Buffer,
    rgbaDst: *const vImage_Buffer,
    rgbaBackgroundColorPtr: *const f32,
    isImagePremultiplied: bool,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageFlatten_RGBAFFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            flatten_call::<f32>(
                rgbaSrc,
                rgbaDst,
                rgbaBackgroundColorPtr,
                isImagePremultiplied,
                3,
                &[0, 1, 2, 3],
                blend_f32,
            )
        }
    })
}
