//! vImage bit-depth conversions (vimage-ops.md §5) over
//! `core::vimage::depth`, whose module notes give every formula and
//! rounding rule. Planar functions convert element by element, so they
//! also serve interleaved images viewed as `width × channels` planes.
#![allow(non_snake_case)]

use super::buffer::{PixelSize, borrow_all, describe, one_to_one, status};
use super::channels::read_array;
use super::types::*;
use crate::core::vimage::depth::*;

/// # Safety
/// Buffers NULL or valid for their size.
unsafe fn each<S: Copy, D>(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    f: impl Fn(S) -> D,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract.
    let (s, mut d) =
        unsafe { one_to_one::<S, D>(src, PixelSize::Elements(1), dest, PixelSize::Elements(1))? };
    map(&s.plane(), &mut d, f).map_err(status)?;
    Ok(kvImageNoError)
}

/// # Safety
/// Buffers NULL or valid for their size.
unsafe fn planes_to_pixels<S: Copy, D>(
    planes: [*const vImage_Buffer; 4],
    dest: *const vImage_Buffer,
    f: impl Fn(usize, S) -> D,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract.
    unsafe {
        let ss = planes
            .iter()
            .map(|&p| describe::<S>(p, PixelSize::Elements(1)))
            .collect::<Result<Vec<_>, _>>()?;
        let d = describe::<D>(dest, PixelSize::Elements(4))?;
        let (rows, mut outs) = borrow_all(&ss, &[d])?;
        let p: Vec<_> = rows.iter().map(|r| r.plane()).collect();
        interleave_map([&p[0], &p[1], &p[2], &p[3]], &mut outs[0], f).map_err(status)?;
    }
    Ok(kvImageNoError)
}

/// # Safety
/// Buffers NULL or valid for their size.
unsafe fn pixels_to_planes<S: Copy, D>(
    src: *const vImage_Buffer,
    planes: [*const vImage_Buffer; 4],
    f: impl Fn(usize, S) -> D,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract.
    unsafe {
        let s = describe::<S>(src, PixelSize::Elements(4))?;
        let ds = planes
            .iter()
            .map(|&p| describe::<D>(p, PixelSize::Elements(1)))
            .collect::<Result<Vec<_>, _>>()?;
        let (rows, outs) = borrow_all(&[s], &ds)?;
        let mut outs: [_; 4] = outs.try_into().map_err(|_| kvImageInternalError)?;
        deinterleave_map(&rows[0].plane(), &mut outs, f).map_err(status)?;
    }
    Ok(kvImageNoError)
}

/// # Safety
/// Buffers NULL or valid; `map` 4 bytes and `background` 4 values, or NULL.
unsafe fn narrow_or_widen<S: Copy, D: Copy>(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    permute: *const u8,
    mask: u8,
    background: *const D,
    f: impl Fn(S) -> D,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract.
    unsafe {
        let map: [u8; 4] = read_array(permute)?;
        let bg: [D; 4] = read_array(background)?;
        let (s, mut d) =
            one_to_one::<S, D>(src, PixelSize::Elements(4), dest, PixelSize::Elements(4))?;
        convert_permute_insert(&s.plane(), &mut d, map, mask, bg, f).map_err(status)?;
    }
    Ok(kvImageNoError)
}

/// `f = (maxFloat − minFloat)·v/255 + minFloat` (note: max before min).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar8toPlanarF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    maxFloat: Pixel_F,
    minFloat: Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_Planar8toPlanarF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<u8, f32>(src, dest, |v| u8_to_f(v, maxFloat, minFloat)) }
    })
}

/// `v = ⌊255·(f − minFloat)/(maxFloat − minFloat) + 0.5⌋` saturated to 0…255; NaN → 0.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_PlanarFtoPlanar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    maxFloat: Pixel_F,
    minFloat: Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_PlanarFtoPlanar8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<f32, u8>(src, dest, |f| f_to_u8_half_up(f, maxFloat, minFloat)) }
    })
}

/// Clamps each float to [minFloat, maxFloat] (NaN becomes minFloat).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageClip_PlanarF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    maxFloat: Pixel_F,
    minFloat: Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageClip_PlanarF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<f32, f32>(src, dest, |f| f.max(minFloat).min(maxFloat)) }
    })
}

/// Half → float, exact.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar16FtoPlanarF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_Planar16FtoPlanarF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<u16, f32>(src, dest, f16_to_f) }
    })
}

/// Float → half, round to nearest even (overflow → ±inf).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_PlanarFtoPlanar16F(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_PlanarFtoPlanar16F", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<f32, u16>(src, dest, f_to_f16) }
    })
}

/// 0…255 → 0.0…1.0 as half (`v/255`, nearest even).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar8toPlanar16F(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_Planar8toPlanar16F", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<u8, u16>(src, dest, u8_to_f16) }
    })
}

/// `RNE(clamp(255·h, 0, 255))`; NaN → 0.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar16FtoPlanar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_Planar16FtoPlanar8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<u16, u8>(src, dest, f16_to_u8) }
    })
}

/// 0…65535 → 0.0…1.0 as half (`v/65535`, nearest even).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_16Uto16F(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_16Uto16F", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<u16, u16>(src, dest, u16_to_f16) }
    })
}

/// `RNE(clamp(h, 0, 1)·65535)`; NaN → 0.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_16Fto16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_16Fto16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<u16, u16>(src, dest, f16_to_u16) }
    })
}

/// `(v·255 + 32767)/65535`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_16UToPlanar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_16UToPlanar8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<u16, u8>(src, dest, u16_to_u8) }
    })
}

/// `v·257` (= `(v·65535 + 127)/255`).
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar8To16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_Planar8To16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<u8, u16>(src, dest, u8_to_u16) }
    })
}

/// `f = v·scale + offset`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_16UToF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    offset: f32,
    scale: f32,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_16UToF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<u16, f32>(src, dest, |v| f32::from(v) * scale + offset) }
    })
}

/// `f = v·scale + offset`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_16SToF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    offset: f32,
    scale: f32,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_16SToF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<i16, f32>(src, dest, |v| f32::from(v) * scale + offset) }
    })
}

/// `v = ⌊(f − offset)/scale + 0.5⌋` saturated to 0…65535; NaN → 0.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_FTo16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    offset: f32,
    scale: f32,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_FTo16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            each::<f32, u16>(src, dest, |f| {
                f_to_int(f, offset, scale, 0.0, 65535.0) as u16
            })
        }
    })
}

/// `v = ⌊(f − offset)/scale + 0.5⌋` saturated to −32768…32767; NaN → 0.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_FTo16S(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    offset: f32,
    scale: f32,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_FTo16S", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            each::<f32, i16>(src, dest, |f| {
                f_to_int(f, offset, scale, -32768.0, 32767.0) as i16
            })
        }
    })
}

/// Four 8-bit planes → float pixels; channel i is `(max[i] − min[i])·v/255 + min[i]`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar8ToARGBFFFF(
    alpha: *const vImage_Buffer,
    red: *const vImage_Buffer,
    green: *const vImage_Buffer,
    blue: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    maxFloat: *const f32,
    minFloat: *const f32,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_Planar8ToARGBFFFF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            let (max, min): ([f32; 4], [f32; 4]) = (read_array(maxFloat)?, read_array(minFloat)?);
            planes_to_pixels::<u8, f32>([alpha, red, green, blue], dest, |i, v| {
                u8_to_f(v, max[i], min[i])
            })
        }
    })
}

/// Four float planes → 8-bit pixels: `lrintf(clamp(255·(f − min[i])/(max[i] − min[i])))`; NaN → 0.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_PlanarFToARGB8888(
    alpha: *const vImage_Buffer,
    red: *const vImage_Buffer,
    green: *const vImage_Buffer,
    blue: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    maxFloat: *const f32,
    minFloat: *const f32,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_PlanarFToARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            let (max, min): ([f32; 4], [f32; 4]) = (read_array(maxFloat)?, read_array(minFloat)?);
            planes_to_pixels::<f32, u8>([alpha, red, green, blue], dest, |i, f| {
                f_to_u8_rint(f, max[i], min[i])
            })
        }
    })
}

/// 8-bit pixels → four float planes (one size) with per-channel ranges.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB8888toPlanarF(
    src: *const vImage_Buffer,
    alpha: *const vImage_Buffer,
    red: *const vImage_Buffer,
    green: *const vImage_Buffer,
    blue: *const vImage_Buffer,
    maxFloat: *const f32,
    minFloat: *const f32,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB8888toPlanarF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            let (max, min): ([f32; 4], [f32; 4]) = (read_array(maxFloat)?, read_array(minFloat)?);
            pixels_to_planes::<u8, f32>(src, [alpha, red, green, blue], |i, v| {
                u8_to_f(v, max[i], min[i])
            })
        }
    })
}

/// Float pixels → four 8-bit planes (one size), rounded to nearest even; NaN → 0.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGBFFFFtoPlanar8(
    src: *const vImage_Buffer,
    alpha: *const vImage_Buffer,
    red: *const vImage_Buffer,
    green: *const vImage_Buffer,
    blue: *const vImage_Buffer,
    maxFloat: *const f32,
    minFloat: *const f32,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGBFFFFtoPlanar8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            let (max, min): ([f32; 4], [f32; 4]) = (read_array(maxFloat)?, read_array(minFloat)?);
            pixels_to_planes::<f32, u8>(src, [alpha, red, green, blue], |i, f| {
                f_to_u8_rint(f, max[i], min[i])
            })
        }
    })
}

/// Narrows `(v·255 + 32767)/65535`, permutes (`dest[i] = src[permuteMap[i]]`), then writes `backgroundColor` into the channels selected by `copyMask`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB16UToARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    permuteMap: *const u8,
    copyMask: u8,
    backgroundColor: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB16UToARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            narrow_or_widen::<u16, u8>(src, dest, permuteMap, copyMask, backgroundColor, u16_to_u8)
        }
    })
}

/// Widens ×257, permutes, then writes `backgroundColor` into the masked channels.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB8888ToARGB16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    permuteMap: *const u8,
    copyMask: u8,
    backgroundColor: *const u16,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB8888ToARGB16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            narrow_or_widen::<u8, u16>(src, dest, permuteMap, copyMask, backgroundColor, u8_to_u16)
        }
    })
}

/// 12-bit samples (in 16-bit containers, values above 4095 clamped) → 16-bit: `(t·65535 + (t<<4) + 2055) >> 12`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_12UTo16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_12UTo16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<u16, u16>(src, dest, u12_to_u16) }
    })
}

/// 16-bit → 12-bit samples: `(t·4095 + 32767 + (t>>4)) >> 16`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_16UTo12U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_16UTo12U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<u16, u16>(src, dest, u16_to_u12) }
    })
}

/// 8-bit → 16Q12 (4096 = 1.0): `((v<<12) + 127)/255`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_8to16Q12(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_8to16Q12", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<u8, i16>(src, dest, u8_to_q12) }
    })
}

/// 16Q12 → 8-bit: `(clamp(v, 0, 4096)·255 + 2048) >> 12`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_16Q12to8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_16Q12to8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<i16, u8>(src, dest, q12_to_u8) }
    })
}

/// 16Q12 → float: `v/4096`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_16Q12toF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_16Q12toF", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<i16, f32>(src, dest, q12_to_f) }
    })
}

/// Half → 16Q12: `clamp(RNE(h·4096), −32768, 32767)`; NaN → 0.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; array arguments are NULL or readable for their length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_16Fto16Q12(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_16Fto16Q12", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { each::<u16, i16>(src, dest, f16_to_q12) }
    })
}
