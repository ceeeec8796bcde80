//! vImage interleave / de-interleave and add / drop alpha (vimage-ops.md
//! §4) over `core::vimage::interleave`. Planes of a de-interleave must all
//! have one size (`kvImageBufferSizeMismatch`); sources must be at least the
//! destination's size (extra area ignored). Apple's channel-order macros
//! (`vImageConvert_RGBA8888toPlanar8` …) are in `<vImage/vImage.h>`.
#![allow(non_snake_case)]

use super::buffer::{PixelSize, borrow_all, describe, status};
use super::types::*;
use crate::core::vimage::alpha::{premultiply_f32, premultiply_u8};
use crate::core::vimage::channels::Take;
use crate::core::vimage::interleave::{
    AddAlpha, add_alpha, deinterleave, drop_channel, interleave,
};

/// # Safety
/// Buffers NULL or valid for their size.
unsafe fn split<T: Copy>(
    src: *const vImage_Buffer,
    channels: usize,
    dests: &[*const vImage_Buffer],
    picks: &[usize],
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract.
    unsafe {
        let s = describe::<T>(src, PixelSize::Elements(channels))?;
        let ds = dests
            .iter()
            .map(|&d| describe::<T>(d, PixelSize::Elements(1)))
            .collect::<Result<Vec<_>, _>>()?;
        let (srcs, mut outs) = borrow_all(&[s], &ds)?;
        deinterleave(&srcs[0].plane(), channels, &mut outs, picks).map_err(status)?;
    }
    Ok(kvImageNoError)
}

/// `takes[i]` = `Some(k)`: channel i from planar source k; `None`: `constant`.
///
/// # Safety
/// Buffers NULL or valid for their size.
unsafe fn merge<T: Copy>(
    srcs: &[*const vImage_Buffer],
    dest: *const vImage_Buffer,
    takes: &[Option<usize>],
    constant: T,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract.
    unsafe {
        let ss = srcs
            .iter()
            .map(|&s| describe::<T>(s, PixelSize::Elements(1)))
            .collect::<Result<Vec<_>, _>>()?;
        let d = describe::<T>(dest, PixelSize::Elements(takes.len()))?;
        let (rows, mut outs) = borrow_all(&ss, &[d])?;
        let planes: Vec<_> = rows.iter().map(|r| r.plane()).collect();
        let refs: Vec<_> = planes.iter().collect();
        let takes: Vec<Take<T>> = takes
            .iter()
            .map(|t| match *t {
                Some(plane) => Take::From { plane, channel: 0 },
                None => Take::Value(constant),
            })
            .collect();
        interleave(&refs, &mut outs[0], &takes).map_err(status)?;
    }
    Ok(kvImageNoError)
}

/// # Safety
/// Buffers NULL or valid for their size; `alpha_src` may be NULL.
unsafe fn with_alpha<T: Copy>(
    rgb: *const vImage_Buffer,
    alpha_src: *const vImage_Buffer,
    constant: T,
    dest: *const vImage_Buffer,
    order: AddAlpha,
    premultiply: Option<fn(T, T) -> T>,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract.
    unsafe {
        let mut ss = vec![describe::<T>(rgb, PixelSize::Elements(3))?];
        if !alpha_src.is_null() {
            ss.push(describe::<T>(alpha_src, PixelSize::Elements(1))?);
        }
        let d = describe::<T>(dest, PixelSize::Elements(4))?;
        let (rows, mut outs) = borrow_all(&ss, &[d])?;
        let planes: Vec<_> = rows.iter().map(|r| r.plane()).collect();
        add_alpha(
            &planes[0],
            planes.get(1),
            constant,
            &mut outs[0],
            order,
            premultiply,
        )
        .map_err(status)?;
    }
    Ok(kvImageNoError)
}

/// # Safety
/// Buffers NULL or valid for their size.
unsafe fn drop3<T: Copy>(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    picks: [usize; 3],
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract.
    unsafe {
        let s = describe::<T>(src, PixelSize::Elements(4))?;
        let d = describe::<T>(dest, PixelSize::Elements(3))?;
        let (rows, mut outs) = borrow_all(&[s], &[d])?;
        drop_channel(&rows[0].plane(), &mut outs[0], picks).map_err(status)?;
    }
    Ok(kvImageNoError)
}

/// Splits the 4 bytes of each pixel into 4 planes (any channel order; see the `RGBA8888toPlanar8` / `BGRA8888toPlanar8` macros).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB8888toPlanar8(
    srcARGB: *const vImage_Buffer,
    destA: *const vImage_Buffer,
    destR: *const vImage_Buffer,
    destG: *const vImage_Buffer,
    destB: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB8888toPlanar8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { split::<u8>(srcARGB, 4, &[destA, destR, destG, destB], &[0, 1, 2, 3]) }
    })
}

/// Interleaves 4 planes into 4-byte pixels (in that order).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar8toARGB8888(
    srcA: *const vImage_Buffer,
    srcR: *const vImage_Buffer,
    srcG: *const vImage_Buffer,
    srcB: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_Planar8toARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            merge::<u8>(
                &[srcA, srcR, srcG, srcB],
                dest,
                &[Some(0), Some(1), Some(2), Some(3)],
                0,
            )
        }
    })
}

/// Splits each 4-float pixel into 4 float planes.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGBFFFFtoPlanarF(
    srcARGB: *const vImage_Buffer,
    destA: *const vImage_Buffer,
    destR: *const vImage_Buffer,
    destG: *const vImage_Buffer,
    destB: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGBFFFFtoPlanarF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { split::<f32>(srcARGB, 4, &[destA, destR, destG, destB], &[0, 1, 2, 3]) }
    })
}

/// Interleaves 4 float planes.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_PlanarFtoARGBFFFF(
    srcA: *const vImage_Buffer,
    srcR: *const vImage_Buffer,
    srcG: *const vImage_Buffer,
    srcB: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_PlanarFtoARGBFFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            merge::<f32>(
                &[srcA, srcR, srcG, srcB],
                dest,
                &[Some(0), Some(1), Some(2), Some(3)],
                0.0,
            )
        }
    })
}

/// Splits 3-byte pixels into 3 planes.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_RGB888toPlanar8(
    rgbSrc: *const vImage_Buffer,
    redDest: *const vImage_Buffer,
    greenDest: *const vImage_Buffer,
    blueDest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_RGB888toPlanar8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { split::<u8>(rgbSrc, 3, &[redDest, greenDest, blueDest], &[0, 1, 2]) }
    })
}

/// Interleaves 3 planes into 3-byte pixels.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar8toRGB888(
    planarRed: *const vImage_Buffer,
    planarGreen: *const vImage_Buffer,
    planarBlue: *const vImage_Buffer,
    rgbDest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_Planar8toRGB888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            merge::<u8>(
                &[planarRed, planarGreen, planarBlue],
                rgbDest,
                &[Some(0), Some(1), Some(2)],
                0,
            )
        }
    })
}

/// Splits 3-float pixels into 3 float planes (exact copies).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_RGBFFFtoPlanarF(
    rgbSrc: *const vImage_Buffer,
    redDest: *const vImage_Buffer,
    greenDest: *const vImage_Buffer,
    blueDest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_RGBFFFtoPlanarF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { split::<f32>(rgbSrc, 3, &[redDest, greenDest, blueDest], &[0, 1, 2]) }
    })
}

/// Interleaves 3 float planes into 3-float pixels (exact copies).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_PlanarFtoRGBFFF(
    planarRed: *const vImage_Buffer,
    planarGreen: *const vImage_Buffer,
    planarBlue: *const vImage_Buffer,
    rgbDest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_PlanarFtoRGBFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            merge::<f32>(
                &[planarRed, planarGreen, planarBlue],
                rgbDest,
                &[Some(0), Some(1), Some(2)],
                0.0,
            )
        }
    })
}

/// Bytes 1, 2, 3 of each pixel into 3 planes (byte 0 ignored).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_XRGB8888ToPlanar8(
    src: *const vImage_Buffer,
    red: *const vImage_Buffer,
    green: *const vImage_Buffer,
    blue: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_XRGB8888ToPlanar8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { split::<u8>(src, 4, &[red, green, blue], &[1, 2, 3]) }
    })
}

/// Bytes 0, 1, 2 of each pixel into 3 planes (byte 3 ignored).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_BGRX8888ToPlanar8(
    src: *const vImage_Buffer,
    blue: *const vImage_Buffer,
    green: *const vImage_Buffer,
    red: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_BGRX8888ToPlanar8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { split::<u8>(src, 4, &[blue, green, red], &[0, 1, 2]) }
    })
}

/// Constant `alpha` then 3 planes into 4-byte pixels.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar8ToXRGB8888(
    alpha: Pixel_8,
    red: *const vImage_Buffer,
    green: *const vImage_Buffer,
    blue: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_Planar8ToXRGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            merge::<u8>(
                &[red, green, blue],
                dest,
                &[None, Some(0), Some(1), Some(2)],
                alpha,
            )
        }
    })
}

/// 3 planes then constant `alpha` into 4-byte pixels (`vImageConvert_Planar8ToRGBX8888` is a macro for it).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar8ToBGRX8888(
    blue: *const vImage_Buffer,
    green: *const vImage_Buffer,
    red: *const vImage_Buffer,
    alpha: Pixel_8,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_Planar8ToBGRX8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            merge::<u8>(
                &[blue, green, red],
                dest,
                &[Some(0), Some(1), Some(2), None],
                alpha,
            )
        }
    })
}

/// Adds alpha in front: from the plane `aSrc`, or `alpha` when it is NULL; `premultiply` scales colours by `(a·c + 127)/255`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size. `aSrc` may be NULL (then `alpha` is used).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_RGB888toARGB8888(
    rgbSrc: *const vImage_Buffer,
    aSrc: *const vImage_Buffer,
    alpha: Pixel_8,
    argbDest: *const vImage_Buffer,
    premultiply: bool,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_RGB888toARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            with_alpha::<u8>(
                rgbSrc,
                aSrc,
                alpha,
                argbDest,
                AddAlpha::First,
                premultiply.then_some(premultiply_u8 as fn(u8, u8) -> u8),
            )
        }
    })
}

/// Adds alpha last (see `vImageConvert_RGB888toARGB8888`).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size. `aSrc` may be NULL (then `alpha` is used).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_RGB888toRGBA8888(
    rgbSrc: *const vImage_Buffer,
    aSrc: *const vImage_Buffer,
    alpha: Pixel_8,
    rgbaDest: *const vImage_Buffer,
    premultiply: bool,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_RGB888toRGBA8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            with_alpha::<u8>(
                rgbSrc,
                aSrc,
                alpha,
                rgbaDest,
                AddAlpha::Last,
                premultiply.then_some(premultiply_u8 as fn(u8, u8) -> u8),
            )
        }
    })
}

/// Reverses the colour bytes and adds alpha last (see `vImageConvert_RGB888toARGB8888`).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size. `aSrc` may be NULL (then `alpha` is used).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_RGB888toBGRA8888(
    rgbSrc: *const vImage_Buffer,
    aSrc: *const vImage_Buffer,
    alpha: Pixel_8,
    bgraDest: *const vImage_Buffer,
    premultiply: bool,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_RGB888toBGRA8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            with_alpha::<u8>(
                rgbSrc,
                aSrc,
                alpha,
                bgraDest,
                AddAlpha::LastReversed,
                premultiply.then_some(premultiply_u8 as fn(u8, u8) -> u8),
            )
        }
    })
}

/// Adds float alpha in front: from `aSrc`, or `alpha` when it is NULL; `premultiply` multiplies colours by alpha.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size. `aSrc` may be NULL (then `alpha` is used).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_RGBFFFtoARGBFFFF(
    rgbSrc: *const vImage_Buffer,
    aSrc: *const vImage_Buffer,
    alpha: Pixel_F,
    argbDest: *const vImage_Buffer,
    premultiply: bool,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_RGBFFFtoARGBFFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            with_alpha::<f32>(
                rgbSrc,
                aSrc,
                alpha,
                argbDest,
                AddAlpha::First,
                premultiply.then_some(premultiply_f32 as fn(f32, f32) -> f32),
            )
        }
    })
}

/// Adds float alpha last.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size. `aSrc` may be NULL (then `alpha` is used).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_RGBFFFtoRGBAFFFF(
    rgbSrc: *const vImage_Buffer,
    aSrc: *const vImage_Buffer,
    alpha: Pixel_F,
    rgbaDest: *const vImage_Buffer,
    premultiply: bool,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_RGBFFFtoRGBAFFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            with_alpha::<f32>(
                rgbSrc,
                aSrc,
                alpha,
                rgbaDest,
                AddAlpha::Last,
                premultiply.then_some(premultiply_f32 as fn(f32, f32) -> f32),
            )
        }
    })
}

/// Reverses the colours and adds float alpha last.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size. `aSrc` may be NULL (then `alpha` is used).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_RGBFFFtoBGRAFFFF(
    rgbSrc: *const vImage_Buffer,
    aSrc: *const vImage_Buffer,
    alpha: Pixel_F,
    bgraDest: *const vImage_Buffer,
    premultiply: bool,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_RGBFFFtoBGRAFFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            with_alpha::<f32>(
                rgbSrc,
                aSrc,
                alpha,
                bgraDest,
                AddAlpha::LastReversed,
                premultiply.then_some(premultiply_f32 as fn(f32, f32) -> f32),
            )
        }
    })
}

/// Drops byte 0 of each pixel.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB8888toRGB888(
    argbSrc: *const vImage_Buffer,
    rgbDest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB8888toRGB888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { drop3::<u8>(argbSrc, rgbDest, [1, 2, 3]) }
    })
}

/// Drops byte 3 of each pixel.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_RGBA8888toRGB888(
    rgbaSrc: *const vImage_Buffer,
    rgbDest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_RGBA8888toRGB888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { drop3::<u8>(rgbaSrc, rgbDest, [0, 1, 2]) }
    })
}

/// Drops byte 3 and reverses the other three.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_BGRA8888toRGB888(
    bgraSrc: *const vImage_Buffer,
    rgbDest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_BGRA8888toRGB888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { drop3::<u8>(bgraSrc, rgbDest, [2, 1, 0]) }
    })
}

/// Drops float channel 0.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGBFFFFtoRGBFFF(
    argbSrc: *const vImage_Buffer,
    rgbDest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGBFFFFtoRGBFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { drop3::<f32>(argbSrc, rgbDest, [1, 2, 3]) }
    })
}

/// Drops float channel 3.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_RGBAFFFFtoRGBFFF(
    rgbaSrc: *const vImage_Buffer,
    rgbDest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_RGBAFFFFtoRGBFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { drop3::<f32>(rgbaSrc, rgbDest, [0, 1, 2]) }
    })
}

/// Drops float channel 3 and reverses the other three.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_BGRAFFFFtoRGBFFF(
    bgraSrc: *const vImage_Buffer,
    rgbDest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_BGRAFFFFtoRGBFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { drop3::<f32>(bgraSrc, rgbDest, [2, 1, 0]) }
    })
}
