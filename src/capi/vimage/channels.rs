//! vImage channel permute / overwrite / extract (vimage-ops.md §3) over
//! `core::vimage::channels`. `copyMask` bit 0x8 is the first channel in
//! memory … 0x1 the last; masks above 15, permute entries above the channel
//! count and channel indexes outside 0–3 → `kvImageInvalidParameter`.
//! In place works (the source is read before anything is written).
#![allow(non_snake_case)]

use super::buffer::{PixelSize, borrow_all, describe, destination, one_to_one, status};
use super::types::*;
use crate::core::image::{ImageError, Plane, PlaneMut};
use crate::core::vimage::channels::{
    extract, overwrite_from_plane, overwrite_with_pixel, permute, permute_masked_insert,
};

/// Reads `N` values the caller passed as an array; NULL →
/// `kvImageNullPointerArgument`.
///
/// # Safety
/// `p` is NULL or points to `N` readable values.
pub(crate) unsafe fn read_array<T: Copy, const N: usize>(
    p: *const T,
) -> Result<[T; N], vImage_Error> {
    if p.is_null() {
        return Err(kvImageNullPointerArgument);
    }
    // SAFETY: `N` readable values per the contract; unaligned read.
    Ok(unsafe { p.cast::<[T; N]>().read_unaligned() })
}

/// One source, one destination, `channels` elements of `T` per pixel each.
///
/// # Safety
/// Buffers NULL or valid for their size.
pub(crate) unsafe fn one<T: Copy>(
    src: *const vImage_Buffer,
    src_channels: usize,
    dest: *const vImage_Buffer,
    dest_channels: usize,
    f: impl FnOnce(&Plane<'_, T>, &mut PlaneMut<'_, T>) -> Result<(), ImageError>,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract.
    let (s, mut d) = unsafe {
        one_to_one::<T, T>(
            src,
            PixelSize::Elements(src_channels),
            dest,
            PixelSize::Elements(dest_channels),
        )?
    };
    f(&s.plane(), &mut d).map_err(status)?;
    Ok(kvImageNoError)
}

/// # Safety
/// Buffers NULL or valid for their size; `map` NULL or 4 readable bytes.
unsafe fn permute4<T: Copy>(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    map: *const u8,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract.
    unsafe {
        let map: [u8; 4] = read_array(map)?;
        one::<T>(src, 4, dest, 4, |s, d| permute(s, d, &map))
    }
}

/// # Safety
/// Buffers NULL or valid; `map` 4 bytes and `background` 4 values, or NULL.
unsafe fn masked_insert<T: Copy>(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    map: *const u8,
    mask: u8,
    background: *const T,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract.
    unsafe {
        let map: [u8; 4] = read_array(map)?;
        let bg: [T; 4] = read_array(background)?;
        one::<T>(src, 4, dest, 4, |s, d| {
            permute_masked_insert(s, d, map, mask, bg)
        })
    }
}

/// # Safety
/// Buffers NULL or valid for their size.
unsafe fn with_pixel<T: Copy>(
    pixel: [T; 4],
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    mask: u8,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract.
    unsafe {
        one::<T>(src, 4, dest, 4, |s, d| {
            overwrite_with_pixel(s, d, mask, pixel)
        })
    }
}

/// # Safety
/// `dest` NULL or valid for its size.
unsafe fn fill_plane<T: Copy>(
    value: T,
    dest: *const vImage_Buffer,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract.
    let mut d = unsafe { destination::<T>(dest, PixelSize::Elements(1))? };
    d.fill(value);
    Ok(kvImageNoError)
}

/// # Safety
/// Buffers NULL or valid for their size.
unsafe fn from_plane<T: Copy>(
    new_src: *const vImage_Buffer,
    orig: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    mask: u8,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract.
    unsafe {
        let n = describe::<T>(new_src, PixelSize::Elements(1))?;
        let o = describe::<T>(orig, PixelSize::Elements(4))?;
        let d = describe::<T>(dest, PixelSize::Elements(4))?;
        let (rows, mut outs) = borrow_all(&[n, o], &[d])?;
        overwrite_from_plane(&rows[0].plane(), &rows[1].plane(), &mut outs[0], mask)
            .map_err(status)?;
    }
    Ok(kvImageNoError)
}

/// `dest[i] = src[permuteMap[i]]` over 4 bytes per pixel ({3,2,1,0}: ARGB ⇄ BGRA). NULL map → `kvImageNullPointerArgument`; an entry above 3 → `kvImageInvalidParameter`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImagePermuteChannels_ARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImagePermuteChannels_ARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { permute4::<u8>(src, dest, permuteMap) }
    })
}

/// `dest[i] = src[permuteMap[i]]` over 4 16-bit channels per pixel ({3,2,1,0}: ARGB ⇄ BGRA). NULL map → `kvImageNullPointerArgument`; an entry above 3 → `kvImageInvalidParameter`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImagePermuteChannels_ARGB16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImagePermuteChannels_ARGB16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { permute4::<u16>(src, dest, permuteMap) }
    })
}

/// `dest[i] = src[permuteMap[i]]` over 4 float channels per pixel ({3,2,1,0}: ARGB ⇄ BGRA). NULL map → `kvImageNullPointerArgument`; an entry above 3 → `kvImageInvalidParameter`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImagePermuteChannels_ARGBFFFF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImagePermuteChannels_ARGBFFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { permute4::<f32>(src, dest, permuteMap) }
    })
}

/// `dest[i] = src[permuteMap[i]]` over 4 half-float channels (moved as bits) per pixel ({3,2,1,0}: ARGB ⇄ BGRA). NULL map → `kvImageNullPointerArgument`; an entry above 3 → `kvImageInvalidParameter`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImagePermuteChannels_ARGB16F(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImagePermuteChannels_ARGB16F", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { permute4::<u16>(src, dest, permuteMap) }
    })
}

/// `dest[i] = src[permuteMap[i]]` over 3-byte pixels; an entry above 2 → `kvImageInvalidParameter`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImagePermuteChannels_RGB888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImagePermuteChannels_RGB888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            let map: [u8; 3] = read_array(permuteMap)?;
            one::<u8>(src, 3, dest, 3, |s, d| permute(s, d, &map))
        }
    })
}

/// Permutes as `vImagePermuteChannels_ARGB8888`, then sets the channels selected by `copyMask` (0x8 = first) to `backgroundColor`'s.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImagePermuteChannelsWithMaskedInsert_ARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    permuteMap: *const u8,
    copyMask: u8,
    backgroundColor: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(
        "vImagePermuteChannelsWithMaskedInsert_ARGB8888",
        flags,
        0,
        {
            // SAFETY: forwarded contract.
            unsafe { masked_insert::<u8>(src, dest, permuteMap, copyMask, backgroundColor) }
        }
    )
}

/// Permutes as `vImagePermuteChannels_ARGB16U`, then sets the channels selected by `copyMask` (0x8 = first) to `backgroundColor`'s.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImagePermuteChannelsWithMaskedInsert_ARGB16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    permuteMap: *const u8,
    copyMask: u8,
    backgroundColor: *const u16,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImagePermuteChannelsWithMaskedInsert_ARGB16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { masked_insert::<u16>(src, dest, permuteMap, copyMask, backgroundColor) }
    })
}

/// Permutes as `vImagePermuteChannels_ARGBFFFF`, then sets the channels selected by `copyMask` (0x8 = first) to `backgroundColor`'s.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImagePermuteChannelsWithMaskedInsert_ARGBFFFF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    permuteMap: *const u8,
    copyMask: u8,
    backgroundColor: *const f32,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(
        "vImagePermuteChannelsWithMaskedInsert_ARGBFFFF",
        flags,
        0,
        {
            // SAFETY: forwarded contract.
            unsafe { masked_insert::<f32>(src, dest, permuteMap, copyMask, backgroundColor) }
        }
    )
}

/// Copies `src` with the channels selected by `copyMask` (0x8 = first … 0x1 = last) set to `scalar`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageOverwriteChannelsWithScalar_ARGB8888(
    scalar: Pixel_8,
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    copyMask: u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageOverwriteChannelsWithScalar_ARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { with_pixel::<u8>([scalar; 4], src, dest, copyMask) }
    })
}

/// Copies `src` with the channels selected by `copyMask` (0x8 = first … 0x1 = last) set to `scalar`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageOverwriteChannelsWithScalar_ARGBFFFF(
    scalar: Pixel_F,
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    copyMask: u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageOverwriteChannelsWithScalar_ARGBFFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { with_pixel::<f32>([scalar; 4], src, dest, copyMask) }
    })
}

/// Sets every pixel of `dest` to `scalar`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageOverwriteChannelsWithScalar_Planar8(
    scalar: Pixel_8,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageOverwriteChannelsWithScalar_Planar8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { fill_plane::<u8>(scalar, dest) }
    })
}

/// Sets every pixel of `dest` to `scalar`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageOverwriteChannelsWithScalar_PlanarF(
    scalar: Pixel_F,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageOverwriteChannelsWithScalar_PlanarF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { fill_plane::<f32>(scalar, dest) }
    })
}

/// Sets every pixel of `dest` to `scalar`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageOverwriteChannelsWithScalar_Planar16S(
    scalar: Pixel_16S,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageOverwriteChannelsWithScalar_Planar16S", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { fill_plane::<i16>(scalar, dest) }
    })
}

/// Sets every pixel of `dest` to `scalar`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageOverwriteChannelsWithScalar_Planar16U(
    scalar: Pixel_16U,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageOverwriteChannelsWithScalar_Planar16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { fill_plane::<u16>(scalar, dest) }
    })
}

/// Copies `src` with the channels selected by `copyMask` set to the same channel of `the_pixel`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageOverwriteChannelsWithPixel_ARGB8888(
    the_pixel: *const u8,
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    copyMask: u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageOverwriteChannelsWithPixel_ARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            let pixel: [u8; 4] = read_array(the_pixel)?;
            with_pixel::<u8>(pixel, src, dest, copyMask)
        }
    })
}

/// Copies `src` with the channels selected by `copyMask` set to the same channel of `the_pixel`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageOverwriteChannelsWithPixel_ARGB16U(
    the_pixel: *const u16,
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    copyMask: u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageOverwriteChannelsWithPixel_ARGB16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            let pixel: [u16; 4] = read_array(the_pixel)?;
            with_pixel::<u16>(pixel, src, dest, copyMask)
        }
    })
}

/// Copies `src` with the channels selected by `copyMask` set to the same channel of `the_pixel`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageOverwriteChannelsWithPixel_ARGBFFFF(
    the_pixel: *const f32,
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    copyMask: u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageOverwriteChannelsWithPixel_ARGBFFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            let pixel: [f32; 4] = read_array(the_pixel)?;
            with_pixel::<f32>(pixel, src, dest, copyMask)
        }
    })
}

/// Channels selected by `copyMask` from the planar `newSrc`, the others from `origSrc`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageOverwriteChannels_ARGB8888(
    newSrc: *const vImage_Buffer,
    origSrc: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    copyMask: u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageOverwriteChannels_ARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { from_plane::<u8>(newSrc, origSrc, dest, copyMask) }
    })
}

/// Channels selected by `copyMask` from the planar `newSrc`, the others from `origSrc`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageOverwriteChannels_ARGBFFFF(
    newSrc: *const vImage_Buffer,
    origSrc: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    copyMask: u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageOverwriteChannels_ARGBFFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { from_plane::<f32>(newSrc, origSrc, dest, copyMask) }
    })
}

/// Copies channel `channelIndex` (0–3) of each pixel into the planar `dest`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageExtractChannel_ARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    channelIndex: std::ffi::c_long,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageExtractChannel_ARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { one::<u8>(src, 4, dest, 1, |s, d| extract(s, d, channelIndex as isize)) }
    })
}

/// Copies channel `channelIndex` (0–3) of each pixel into the planar `dest`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageExtractChannel_ARGB16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    channelIndex: std::ffi::c_long,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageExtractChannel_ARGB16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { one::<u16>(src, 4, dest, 1, |s, d| extract(s, d, channelIndex as isize)) }
    })
}

/// Copies channel `channelIndex` (0–3) of each pixel into the planar `dest`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageExtractChannel_ARGBFFFF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    channelIndex: std::ffi::c_long,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageExtractChannel_ARGBFFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { one::<f32>(src, 4, dest, 1, |s, d| extract(s, d, channelIndex as isize)) }
    })
}
