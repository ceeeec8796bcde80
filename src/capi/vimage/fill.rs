//! vImage fills and `vImageCopyBuffer` (vimage-ops.md §6) over
//! `core::vimage::fill`. Only pixels are written; row padding is untouched.
#![allow(non_snake_case)]

use super::buffer::{PixelSize, destination, one_to_one, status};
use super::channels::read_array;
use super::types::*;
use crate::core::vimage::fill::{copy, fill};

/// # Safety
/// `dest` NULL or valid for its size; `color` NULL or `N` readable values.
unsafe fn fill_with<T: Copy, const N: usize>(
    dest: *const vImage_Buffer,
    color: *const T,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract.
    unsafe {
        let c: [T; N] = read_array(color)?;
        let mut d = destination::<T>(dest, PixelSize::Elements(N))?;
        fill(&mut d, &c);
    }
    Ok(kvImageNoError)
}

/// Sets every pixel of `dest` to `color`: 4 bytes (any channel order). NULL → `kvImageNullPointerArgument`.
///
/// # Safety
/// `dest` is NULL or describes memory valid for its size; `color` is NULL
/// or readable for one pixel.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageBufferFill_ARGB8888(
    dest: *const vImage_Buffer,
    color: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageBufferFill_ARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { fill_with::<u8, 4>(dest, color) }
    })
}

/// Sets every pixel of `dest` to `color`: 4 16-bit channels. NULL → `kvImageNullPointerArgument`.
///
/// # Safety
/// `dest` is NULL or describes memory valid for its size; `color` is NULL
/// or readable for one pixel.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageBufferFill_ARGB16U(
    dest: *const vImage_Buffer,
    color: *const u16,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageBufferFill_ARGB16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { fill_with::<u16, 4>(dest, color) }
    })
}

/// Sets every pixel of `dest` to `color`: 4 signed 16-bit channels. NULL → `kvImageNullPointerArgument`.
///
/// # Safety
/// `dest` is NULL or describes memory valid for its size; `color` is NULL
/// or readable for one pixel.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageBufferFill_ARGB16S(
    dest: *const vImage_Buffer,
    color: *const i16,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageBufferFill_ARGB16S", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { fill_with::<i16, 4>(dest, color) }
    })
}

/// Sets every pixel of `dest` to `color`: 4 floats. NULL → `kvImageNullPointerArgument`.
///
/// # Safety
/// `dest` is NULL or describes memory valid for its size; `color` is NULL
/// or readable for one pixel.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageBufferFill_ARGBFFFF(
    dest: *const vImage_Buffer,
    color: *const f32,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageBufferFill_ARGBFFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { fill_with::<f32, 4>(dest, color) }
    })
}

/// Sets every pixel of `dest` to `color`: 2 bytes (e.g. neutral chroma {128, 128}). NULL → `kvImageNullPointerArgument`.
///
/// # Safety
/// `dest` is NULL or describes memory valid for its size; `color` is NULL
/// or readable for one pixel.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageBufferFill_CbCr8(
    dest: *const vImage_Buffer,
    color: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageBufferFill_CbCr8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { fill_with::<u8, 2>(dest, color) }
    })
}

/// Sets every pixel of `dest` to `color`: 2 16-bit channels. NULL → `kvImageNullPointerArgument`.
///
/// # Safety
/// `dest` is NULL or describes memory valid for its size; `color` is NULL
/// or readable for one pixel.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageBufferFill_CbCr16U(
    dest: *const vImage_Buffer,
    color: *const u16,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageBufferFill_CbCr16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { fill_with::<u16, 2>(dest, color) }
    })
}

/// Copies `dest.width · pixelSize` bytes of each of `dest.height` rows from
/// `src`. `pixelSize` 0 → `kvImageInvalidParameter`; a source smaller than
/// `dest` → `kvImageRoiLargerThanInputBuffer`; overlapping buffers give the
/// result of copying from a snapshot of `src`.
///
/// # Safety
/// Both pointers NULL or describe memory valid for their size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCopyBuffer(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    pixelSize: usize,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageCopyBuffer", flags, 0, {
        if pixelSize == 0 {
            return Err(kvImageInvalidParameter);
        }
        // SAFETY: forwarded contract.
        let (s, mut d) = unsafe {
            one_to_one::<u8, u8>(
                src,
                PixelSize::Elements(pixelSize),
                dest,
                PixelSize::Elements(pixelSize),
            )?
        };
        copy(&s.plane(), &mut d).map_err(status)?;
        Ok(kvImageNoError)
    })
}
