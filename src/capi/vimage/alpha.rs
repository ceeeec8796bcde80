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
