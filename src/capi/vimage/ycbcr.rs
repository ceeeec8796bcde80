//! vImage's Y'CbCr ⇄ ARGB conversions (vimage-ops.md §1): the matrix,
//! pixel-range and opaque info structs with Apple's layouts, the four
//! predefined matrices, both `…_GenerateConversion` functions and every
//! 4:2:0 / 4:2:2 / 4:4:4 conversion. The pixel work is
//! `core::vimage::ycbcr`.
//!
//! Packed Y'CbCr buffers are validated in whole blocks ('2vuy' pairs,
//! 'v210' 6-pixel groups): `rowBytes` must hold `ceil(width / block)`
//! blocks, as the encode writes the last block completely (edge pixels
//! replicated).
#![allow(non_camel_case_types, non_upper_case_globals, non_snake_case)]

use std::mem::{align_of, size_of};

use super::buffer::{Described, PixelSize, borrow_all, describe, status};
use super::types::*;
use crate::core::color::LumaCoefficients;
use crate::core::vimage::ycbcr::{
    ArgbSample, ArgbType, Chroma420, Chroma420Mut, Conversion, INFO_SIZE, Packed, PixelRange,
    ToRgbMatrix, ToYccMatrix, YccElement, YpCbCrType, check_permute, decode_420, decode_packed,
    encode_420, encode_packed,
};

/// Normalised Y'CbCr → RGB coefficients; fields in Apple's memory order
/// (`Yp, Cr_R, Cr_G, Cb_G, Cb_B`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct vImage_YpCbCrToARGBMatrix {
    pub Yp: f32,
    pub Cr_R: f32,
    pub Cr_G: f32,
    pub Cb_G: f32,
    pub Cb_B: f32,
}

/// Normalised RGB → Y'CbCr coefficients; `B_Cb_R_Cr` is both B→Cb and R→Cr.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct vImage_ARGBToYpCbCrMatrix {
    pub R_Yp: f32,
    pub G_Yp: f32,
    pub B_Yp: f32,
    pub R_Cb: f32,
    pub G_Cb: f32,
    pub B_Cb_R_Cr: f32,
    pub G_Cr: f32,
    pub B_Cr: f32,
}

/// Opaque Y'CbCr → ARGB conversion state filled by
/// `vImageConvert_YpCbCrToARGB_GenerateConversion`; may be copied, reused
/// and read from several threads.
#[repr(C, align(16))]
#[derive(Clone, Copy, Debug)]
pub struct vImage_YpCbCrToARGB {
    pub opaque: [u8; 128],
}

/// Opaque ARGB → Y'CbCr conversion state filled by
/// `vImageConvert_ARGBToYpCbCr_GenerateConversion`.
#[repr(C, align(16))]
#[derive(Clone, Copy, Debug)]
pub struct vImage_ARGBToYpCbCr {
    pub opaque: [u8; 128],
}

/// Code values of a Y'CbCr encoding: biases, the codes of 1.0 (luma) and
/// +0.5 (chroma), and clamp limits.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct vImage_YpCbCrPixelRange {
    pub Yp_bias: i32,
    pub CbCr_bias: i32,
    pub YpRangeMax: i32,
    pub CbCrRangeMax: i32,
    pub YpMax: i32,
    pub YpMin: i32,
    pub CbCrMax: i32,
    pub CbCrMin: i32,
}

/// The ARGB side of a conversion (a C enum on Apple; an `int` here).
pub type vImageARGBType = i32;
pub const kvImageARGB8888: vImageARGBType = 0;
pub const kvImageARGB16U: vImageARGBType = 1;
pub const kvImageARGB16Q12: vImageARGBType = 2;

/// The Y'CbCr layout of a conversion (a C enum on Apple; an `int` here).
pub type vImageYpCbCrType = i32;
pub const kvImage422CbYpCrYp8: vImageYpCbCrType = 0;
pub const kvImage422YpCbYpCr8: vImageYpCbCrType = 1;
pub const kvImage422CbYpCrYp8_AA8: vImageYpCbCrType = 2;
pub const kvImage420Yp8_Cb8_Cr8: vImageYpCbCrType = 3;
pub const kvImage420Yp8_CbCr8: vImageYpCbCrType = 4;
pub const kvImage444AYpCbCr8: vImageYpCbCrType = 5;
pub const kvImage444CrYpCb8: vImageYpCbCrType = 6;
pub const kvImage444CbYpCrA8: vImageYpCbCrType = 7;
pub const kvImage444CrYpCb10: vImageYpCbCrType = 8;
pub const kvImage422CrYpCbYpCbYpCbYpCrYpCrYp10: vImageYpCbCrType = 9;
pub const kvImage422CbYpCrYp16: vImageYpCbCrType = 13;
pub const kvImage444AYpCbCr16: vImageYpCbCrType = 14;

const _: () = {
    assert!(size_of::<vImage_YpCbCrToARGBMatrix>() == 20);
    assert!(align_of::<vImage_YpCbCrToARGBMatrix>() == 4);
    assert!(size_of::<vImage_ARGBToYpCbCrMatrix>() == 32);
    assert!(size_of::<vImage_YpCbCrToARGB>() == 128 && align_of::<vImage_YpCbCrToARGB>() == 16);
    assert!(size_of::<vImage_ARGBToYpCbCr>() == 128 && align_of::<vImage_ARGBToYpCbCr>() == 16);
    assert!(size_of::<vImage_YpCbCrPixelRange>() == 32);
    assert!(INFO_SIZE == 128);
};

const fn to_rgb(k: &LumaCoefficients) -> vImage_YpCbCrToARGBMatrix {
    let m = ToRgbMatrix::from_luma(k);
    vImage_YpCbCrToARGBMatrix {
        Yp: m.yp,
        Cr_R: m.cr_r,
        Cr_G: m.cr_g,
        Cb_G: m.cb_g,
        Cb_B: m.cb_b,
    }
}

const fn to_ycc(k: &LumaCoefficients) -> vImage_ARGBToYpCbCrMatrix {
    let m = ToYccMatrix::from_luma(k);
    vImage_ARGBToYpCbCrMatrix {
        R_Yp: m.r_yp,
        G_Yp: m.g_yp,
        B_Yp: m.b_yp,
        R_Cb: m.r_cb,
        G_Cb: m.g_cb,
        B_Cb_R_Cr: m.b_cb_r_cr,
        G_Cr: m.g_cr,
        B_Cr: m.b_cr,
    }
}

static YPCBCR_TO_ARGB_601: vImage_YpCbCrToARGBMatrix = to_rgb(&LumaCoefficients::BT601);
static YPCBCR_TO_ARGB_709: vImage_YpCbCrToARGBMatrix = to_rgb(&LumaCoefficients::BT709);
static ARGB_TO_YPCBCR_601: vImage_ARGBToYpCbCrMatrix = to_ycc(&LumaCoefficients::BT601);
static ARGB_TO_YPCBCR_709: vImage_ARGBToYpCbCrMatrix = to_ycc(&LumaCoefficients::BT709);

/// BT.601 Y'CbCr → RGB (Kr 0.299, Kb 0.114): {1, 1.402, −0.714136, −0.344136, 1.772}.
#[unsafe(no_mangle)]
pub static kvImage_YpCbCrToARGBMatrix_ITU_R_601_4: &vImage_YpCbCrToARGBMatrix = &YPCBCR_TO_ARGB_601;

/// BT.709 Y'CbCr → RGB (Kr 0.2126, Kb 0.0722): {1, 1.5748, −0.468124, −0.187324, 1.8556}.
#[unsafe(no_mangle)]
pub static kvImage_YpCbCrToARGBMatrix_ITU_R_709_2: &vImage_YpCbCrToARGBMatrix = &YPCBCR_TO_ARGB_709;

/// BT.601 RGB → Y'CbCr: {0.299, 0.587, 0.114, −0.168736, −0.331264, 0.5, −0.418688, −0.081312}.
#[unsafe(no_mangle)]
pub static kvImage_ARGBToYpCbCrMatrix_ITU_R_601_4: &vImage_ARGBToYpCbCrMatrix = &ARGB_TO_YPCBCR_601;

/// BT.709 RGB → Y'CbCr: {0.2126, 0.7152, 0.0722, −0.114572, −0.385428, 0.5, −0.454153, −0.045847}.
#[unsafe(no_mangle)]
pub static kvImage_ARGBToYpCbCrMatrix_ITU_R_709_2: &vImage_ARGBToYpCbCrMatrix = &ARGB_TO_YPCBCR_709;

fn range(r: &vImage_YpCbCrPixelRange) -> PixelRange {
    PixelRange {
        yp_bias: r.Yp_bias,
        cbcr_bias: r.CbCr_bias,
        yp_range_max: r.YpRangeMax,
        cbcr_range_max: r.CbCrRangeMax,
        yp_max: r.YpMax,
        yp_min: r.YpMin,
        cbcr_max: r.CbCrMax,
        cbcr_min: r.CbCrMin,
    }
}

/// Reads a `T` the caller passed by pointer; NULL → `kvImageNullPointerArgument`.
///
/// # Safety
/// `p` is NULL or points to a readable `T`.
unsafe fn read<T: Copy>(p: *const T) -> Result<T, vImage_Error> {
    if p.is_null() {
        return Err(kvImageNullPointerArgument);
    }
    // SAFETY: non-NULL and readable per the contract; unaligned read so a
    // packed caller struct cannot trip us.
    Ok(unsafe { p.read_unaligned() })
}

/// A `permuteMap` argument: NULL → identity; entries above 3 →
/// `kvImageInvalidParameter`.
///
/// # Safety
/// `map` is NULL or points to 4 readable bytes.
pub(crate) unsafe fn permute_map(map: *const u8) -> Result<[usize; 4], vImage_Error> {
    let raw = if map.is_null() {
        None
    } else {
        // SAFETY: 4 readable bytes per the contract.
        Some(unsafe { map.cast::<[u8; 4]>().read_unaligned() })
    };
    check_permute(raw).map_err(status)
}

/// A packed Y'CbCr buffer described in whole blocks of `layout`, plus its
/// pixel size.
///
/// # Safety
/// `buffer` is NULL or points to a readable `vImage_Buffer`.
unsafe fn describe_packed<E>(
    buffer: *const vImage_Buffer,
    layout: Packed,
) -> Result<(Described<E>, (usize, usize)), vImage_Error> {
    // SAFETY: forwarded contract.
    let b = unsafe { read(buffer)? };
    let width = usize::try_from(b.width).map_err(|_| kvImageInvalidParameter)?;
    let height = usize::try_from(b.height).map_err(|_| kvImageInvalidParameter)?;
    let (pixels, elements) = layout.block();
    let blocks = vImage_Buffer {
        width: width.div_ceil(pixels) as vImagePixelCount,
        ..b
    };
    // SAFETY: a local copy of the caller's struct, same memory.
    let d = unsafe { describe::<E>(&blocks, PixelSize::Elements(elements))? };
    Ok((d, (width, height)))
}

/// # Safety
/// `info` is NULL or points to a readable `vImage_YpCbCrToARGB`.
unsafe fn to_argb_info(info: *const vImage_YpCbCrToARGB) -> Result<Conversion, vImage_Error> {
    // SAFETY: forwarded contract.
    let i = unsafe { read(info)? };
    Conversion::from_bytes(&i.opaque).ok_or(kvImageInvalidParameter)
}

/// # Safety
/// `info` is NULL or points to a readable `vImage_ARGBToYpCbCr`.
unsafe fn from_argb_info(info: *const vImage_ARGBToYpCbCr) -> Result<Conversion, vImage_Error> {
    // SAFETY: forwarded contract.
    let i = unsafe { read(info)? };
    Conversion::from_bytes(&i.opaque).ok_or(kvImageInvalidParameter)
}

/// The body of every packed decode.
///
/// # Safety
/// Pointers NULL or valid as the exported function documents.
#[allow(clippy::too_many_arguments)]
unsafe fn decode_packed_call<E: YccElement, D: ArgbSample>(
    src: *const vImage_Buffer,
    src_alpha: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_YpCbCrToARGB,
    permute: *const u8,
    layout: Packed,
    argb: ArgbType,
    alpha: i32,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract for every call below.
    unsafe {
        let (s, _) = describe_packed::<E>(src, layout)?;
        let d = describe::<D>(dest, PixelSize::Elements(4))?;
        let conv = to_argb_info(info)?;
        let permute = permute_map(permute)?;
        if src_alpha.is_null() {
            let (mut srcs, mut dests) = borrow_all(&[s], &[d])?;
            let (src, dest) = (srcs.remove(0), &mut dests[0]);
            decode_packed(
                &conv,
                layout,
                argb,
                &src.plane(),
                None,
                dest,
                permute,
                alpha,
            )
            .map_err(status)?;
        } else {
            // Only 'a2vy' has an alpha plane, and its samples are bytes.
            let a = describe::<E>(src_alpha, PixelSize::Elements(1))?;
            let (srcs, mut dests) = borrow_all(&[s, a], &[d])?;
            decode_packed(
                &conv,
                layout,
                argb,
                &srcs[0].plane(),
                Some(&srcs[1].plane()),
                &mut dests[0],
                permute,
                alpha,
            )
            .map_err(status)?;
        }
    }
    Ok(kvImageNoError)
}

/// The body of every packed encode; `dest_alpha` is 'a2vy's alpha plane
/// or NULL.
///
/// # Safety
/// Pointers NULL or valid as the exported function documents.
unsafe fn encode_packed_call<S: ArgbSample, E: YccElement>(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    dest_alpha: *const vImage_Buffer,
    info: *const vImage_ARGBToYpCbCr,
    permute: *const u8,
    layout: Packed,
    argb: ArgbType,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract for every call below.
    unsafe {
        let s = describe::<S>(src, PixelSize::Elements(4))?;
        let (d, size) = describe_packed::<E>(dest, layout)?;
        let mut dests = vec![d];
        if !dest_alpha.is_null() {
            dests.push(describe::<E>(dest_alpha, PixelSize::Elements(1))?);
        }
        let conv = from_argb_info(info)?;
        let permute = permute_map(permute)?;
        let (srcs, mut outs) = borrow_all(&[s], &dests)?;
        let (first, rest) = outs.split_at_mut(1);
        encode_packed(
            &conv,
            layout,
            argb,
            &srcs[0].plane(),
            &mut first[0],
            rest.first_mut(),
            size,
            permute,
        )
        .map_err(status)?;
    }
    Ok(kvImageNoError)
}

/// 4:2:0 decode: `src_cr` NULL means `src_chroma` is interleaved CbCr.
///
/// # Safety
/// Pointers NULL or valid as the exported function documents.
unsafe fn decode_420_call(
    src_yp: *const vImage_Buffer,
    src_chroma: *const vImage_Buffer,
    src_cr: Option<*const vImage_Buffer>,
    dest: *const vImage_Buffer,
    info: *const vImage_YpCbCrToARGB,
    permute: *const u8,
    alpha: u8,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract for every call below.
    unsafe {
        let y = describe::<u8>(src_yp, PixelSize::Elements(1))?;
        let chroma_px = if src_cr.is_some() { 1 } else { 2 };
        let mut sources = vec![
            y,
            describe::<u8>(src_chroma, PixelSize::Elements(chroma_px))?,
        ];
        if let Some(cr) = src_cr {
            sources.push(describe::<u8>(cr, PixelSize::Elements(1))?);
        }
        let d = describe::<u8>(dest, PixelSize::Elements(4))?;
        let conv = to_argb_info(info)?;
        let permute = permute_map(permute)?;
        let (srcs, mut dests) = borrow_all(&sources, &[d])?;
        let planes: Vec<_> = srcs.iter().map(|s| s.plane()).collect();
        let chroma = match planes.get(2) {
            Some(cr) => Chroma420::Separate(&planes[1], cr),
            None => Chroma420::Interleaved(&planes[1]),
        };
        decode_420(&conv, &planes[0], chroma, &mut dests[0], permute, alpha).map_err(status)?;
    }
    Ok(kvImageNoError)
}

/// 4:2:0 encode: `dest_cr` NULL means `dest_chroma` is interleaved CbCr.
///
/// # Safety
/// Pointers NULL or valid as the exported function documents.
unsafe fn encode_420_call(
    src: *const vImage_Buffer,
    dest_yp: *const vImage_Buffer,
    dest_chroma: *const vImage_Buffer,
    dest_cr: Option<*const vImage_Buffer>,
    info: *const vImage_ARGBToYpCbCr,
    permute: *const u8,
) -> Result<vImage_Error, vImage_Error> {
    // SAFETY: forwarded contract for every call below.
    unsafe {
        let s = describe::<u8>(src, PixelSize::Elements(4))?;
        let chroma_px = if dest_cr.is_some() { 1 } else { 2 };
        let mut dests = vec![
            describe::<u8>(dest_yp, PixelSize::Elements(1))?,
            describe::<u8>(dest_chroma, PixelSize::Elements(chroma_px))?,
        ];
        if let Some(cr) = dest_cr {
            dests.push(describe::<u8>(cr, PixelSize::Elements(1))?);
        }
        let conv = from_argb_info(info)?;
        let permute = permute_map(permute)?;
        let (srcs, mut outs) = borrow_all(&[s], &dests)?;
        let (luma, rest) = outs.split_at_mut(1);
        let chroma = match rest {
            [cb, cr] => Chroma420Mut::Separate(cb, cr),
            [cbcr] => Chroma420Mut::Interleaved(cbcr),
            _ => return Err(kvImageInternalError),
        };
        encode_420(&conv, &srcs[0].plane(), &mut luma[0], chroma, permute).map_err(status)?;
    }
    Ok(kvImageNoError)
}

fn types(
    ycc: vImageYpCbCrType,
    argb: vImageARGBType,
) -> Result<(YpCbCrType, ArgbType), vImage_Error> {
    match (YpCbCrType::from_raw(ycc), ArgbType::from_raw(argb)) {
        (Some(y), Some(a)) => Ok((y, a)),
        _ => Err(kvImageInvalidParameter),
    }
}

/// Folds `matrix` and `pixelRange` into `*outInfo` for the
/// `vImageConvert_<Y'CbCr>ToARGB…` functions. The info works with every
/// conversion of the same Y'CbCr bit depth and ARGB type (Apple's
/// luma/chroma sample generates it for `kvImage422CbYpCrYp8` and converts
/// 4:2:0 with it). Supported: 8-bit → ARGB8888; 10-bit → ARGB8888 or
/// ARGB16Q12; 16-bit → ARGB8888 or ARGB16U; anything else →
/// `kvImageUnsupportedConversion`. An unknown type value, a range whose
/// `YpRangeMax == Yp_bias` or `CbCrRangeMax == CbCr_bias`, or a non-finite
/// matrix → `kvImageInvalidParameter`. NULL pointers →
/// `kvImageNullPointerArgument`. `*outInfo` is written only on success.
/// Flags: `kvImagePrintDiagnosticsToConsole`.
///
/// # Safety
/// `matrix`, `pixelRange` readable; `outInfo` writable (or NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_YpCbCrToARGB_GenerateConversion(
    matrix: *const vImage_YpCbCrToARGBMatrix,
    pixelRange: *const vImage_YpCbCrPixelRange,
    outInfo: *mut vImage_YpCbCrToARGB,
    inYpCbCrType: vImageYpCbCrType,
    outARGBType: vImageARGBType,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_YpCbCrToARGB_GenerateConversion", flags, 0, {
        // SAFETY: readable or NULL per the contract.
        let (m, r) = unsafe { (read(matrix)?, read(pixelRange)?) };
        if outInfo.is_null() {
            return Err(kvImageNullPointerArgument);
        }
        let (ycc, argb) = types(inYpCbCrType, outARGBType)?;
        let m = ToRgbMatrix {
            yp: m.Yp,
            cr_r: m.Cr_R,
            cr_g: m.Cr_G,
            cb_g: m.Cb_G,
            cb_b: m.Cb_B,
        };
        let conv = Conversion::to_argb(&m, &range(&r), ycc, argb).map_err(status)?;
        // SAFETY: non-NULL and writable per the contract; unaligned write.
        unsafe {
            outInfo.write_unaligned(vImage_YpCbCrToARGB {
                opaque: conv.to_bytes(),
            })
        };
        Ok(kvImageNoError)
    })
}

/// Folds `matrix` and `pixelRange` into `*outInfo` for the
/// `vImageConvert_ARGB…To<Y'CbCr>` functions; pairs, errors and reuse as
/// for `vImageConvert_YpCbCrToARGB_GenerateConversion`.
///
/// # Safety
/// `matrix`, `pixelRange` readable; `outInfo` writable (or NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGBToYpCbCr_GenerateConversion(
    matrix: *const vImage_ARGBToYpCbCrMatrix,
    pixelRange: *const vImage_YpCbCrPixelRange,
    outInfo: *mut vImage_ARGBToYpCbCr,
    inARGBType: vImageARGBType,
    outYpCbCrType: vImageYpCbCrType,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGBToYpCbCr_GenerateConversion", flags, 0, {
        // SAFETY: readable or NULL per the contract.
        let (m, r) = unsafe { (read(matrix)?, read(pixelRange)?) };
        if outInfo.is_null() {
            return Err(kvImageNullPointerArgument);
        }
        let (ycc, argb) = types(outYpCbCrType, inARGBType)?;
        let m = ToYccMatrix {
            r_yp: m.R_Yp,
            g_yp: m.G_Yp,
            b_yp: m.B_Yp,
            r_cb: m.R_Cb,
            g_cb: m.G_Cb,
            b_cb_r_cr: m.B_Cb_R_Cr,
            g_cr: m.G_Cr,
            b_cr: m.B_Cr,
        };
        let conv = Conversion::from_argb(&m, &range(&r), argb, ycc).map_err(status)?;
        // SAFETY: non-NULL and writable per the contract; unaligned write.
        unsafe {
            outInfo.write_unaligned(vImage_ARGBToYpCbCr {
                opaque: conv.to_bytes(),
            })
        };
        Ok(kvImageNoError)
    })
}

/// '420v'/'420f' planes (Y', interleaved CbCr at half width and height,
/// rounded up) → ARGB8888 of `dest`'s size with constant `alpha`; each
/// chroma sample serves its 2×2 block. `permuteMap[i]` picks channel i of
/// each destination pixel from the computed {A, R, G, B} ({3,2,1,0} gives
/// BGRA); NULL is {0,1,2,3}. Errors: a NULL pointer →
/// `kvImageNullPointerArgument`; short `rowBytes` → `kvImageInvalidRowBytes`;
/// a plane smaller than `dest` needs → `kvImageBufferSizeMismatch`; an
/// info of the other direction, another bit depth or ARGB type, or a map
/// entry above 3 → `kvImageInvalidParameter`. Nothing is written on error.
/// Thread-safe for distinct destinations.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL or 4 readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_420Yp8_CbCr8ToARGB8888(
    srcYp: *const vImage_Buffer,
    srcCbCr: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_YpCbCrToARGB,
    permuteMap: *const u8,
    alpha: u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_420Yp8_CbCr8ToARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { decode_420_call(srcYp, srcCbCr, None, dest, info, permuteMap, alpha) }
    })
}

/// 'y420'/'f420' planes (Y', Cb, Cr) → ARGB8888; as
/// `vImageConvert_420Yp8_CbCr8ToARGB8888`.
///
/// # Safety
/// As `vImageConvert_420Yp8_CbCr8ToARGB8888`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_420Yp8_Cb8_Cr8ToARGB8888(
    srcYp: *const vImage_Buffer,
    srcCb: *const vImage_Buffer,
    srcCr: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_YpCbCrToARGB,
    permuteMap: *const u8,
    alpha: u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_420Yp8_Cb8_Cr8ToARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { decode_420_call(srcYp, srcCb, Some(srcCr), dest, info, permuteMap, alpha) }
    })
}

/// ARGB8888 → '420v'/'420f' planes. The image size is `destYp`'s; `src`
/// must be at least that big, `destCbCr` half of it rounded up. Chroma is
/// the mean of each 2×2 block, edge pixels replicated. `permuteMap[i]`
/// names the source channel holding A, R, G, B (BGRA input: {3,2,1,0});
/// NULL is {0,1,2,3}. Errors as `vImageConvert_420Yp8_CbCr8ToARGB8888`.
///
/// # Safety
/// As `vImageConvert_420Yp8_CbCr8ToARGB8888`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB8888To420Yp8_CbCr8(
    src: *const vImage_Buffer,
    destYp: *const vImage_Buffer,
    destCbCr: *const vImage_Buffer,
    info: *const vImage_ARGBToYpCbCr,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB8888To420Yp8_CbCr8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { encode_420_call(src, destYp, destCbCr, None, info, permuteMap) }
    })
}

/// ARGB8888 → 'y420'/'f420' planes; as `vImageConvert_ARGB8888To420Yp8_CbCr8`.
///
/// # Safety
/// As `vImageConvert_420Yp8_CbCr8ToARGB8888`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB8888To420Yp8_Cb8_Cr8(
    src: *const vImage_Buffer,
    destYp: *const vImage_Buffer,
    destCb: *const vImage_Buffer,
    destCr: *const vImage_Buffer,
    info: *const vImage_ARGBToYpCbCr,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB8888To420Yp8_Cb8_Cr8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe { encode_420_call(src, destYp, destCb, Some(destCr), info, permuteMap) }
    })
}

/// 'a2vy' ('2vuy' plane plus an 8-bit alpha plane `srcA`) → ARGB8888;
/// alpha copied from `srcA`. Errors as `vImageConvert_420Yp8_CbCr8ToARGB8888`.
///
/// # Safety
/// As `vImageConvert_420Yp8_CbCr8ToARGB8888`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_422CbYpCrYp8_AA8ToARGB8888(
    src: *const vImage_Buffer,
    srcA: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_YpCbCrToARGB,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_422CbYpCrYp8_AA8ToARGB8888", flags, 0, {
        if srcA.is_null() {
            return Err(kvImageNullPointerArgument);
        }
        // SAFETY: forwarded contract.
        unsafe {
            decode_packed_call::<u8, u8>(
                src,
                srcA,
                dest,
                info,
                permuteMap,
                Packed::Cb8Yp8Cr8Yp8,
                ArgbType::Argb8888,
                0,
            )
        }
    })
}

/// ARGB8888 → 'a2vy': the '2vuy' plane `dest` and the alpha plane `destA`
/// (alpha copied). Errors as `vImageConvert_ARGB8888To420Yp8_CbCr8`.
///
/// # Safety
/// As `vImageConvert_420Yp8_CbCr8ToARGB8888`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB8888To422CbYpCrYp8_AA8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    destA: *const vImage_Buffer,
    info: *const vImage_ARGBToYpCbCr,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB8888To422CbYpCrYp8_AA8", flags, 0, {
        if destA.is_null() {
            return Err(kvImageNullPointerArgument);
        }
        // SAFETY: forwarded contract.
        unsafe {
            encode_packed_call::<u8, u8>(
                src,
                dest,
                destA,
                info,
                permuteMap,
                Packed::Cb8Yp8Cr8Yp8,
                ArgbType::Argb8888,
            )
        }
    })
}

/// '2vuy' (bytes Cb Y'0 Cr Y'1) → ARGB8888 with constant `alpha`.
/// Permute map and errors as `vImageConvert_420Yp8_CbCr8ToARGB8888`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_422CbYpCrYp8ToARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_YpCbCrToARGB,
    permuteMap: *const u8,
    alpha: u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_422CbYpCrYp8ToARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            decode_packed_call::<u8, u8>(
                src,
                std::ptr::null(),
                dest,
                info,
                permuteMap,
                Packed::Cb8Yp8Cr8Yp8,
                ArgbType::Argb8888,
                i32::from(alpha),
            )
        }
    })
}

/// ARGB8888 → '2vuy'; chroma is the mean of each pixel pair.
/// Permute map and errors as `vImageConvert_ARGB8888To420Yp8_CbCr8`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB8888To422CbYpCrYp8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_ARGBToYpCbCr,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB8888To422CbYpCrYp8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            encode_packed_call::<u8, u8>(
                src,
                dest,
                std::ptr::null(),
                info,
                permuteMap,
                Packed::Cb8Yp8Cr8Yp8,
                ArgbType::Argb8888,
            )
        }
    })
}

/// 'yuvs' (bytes Y'0 Cb Y'1 Cr) → ARGB8888 with constant `alpha`.
/// Permute map and errors as `vImageConvert_420Yp8_CbCr8ToARGB8888`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_422YpCbYpCr8ToARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_YpCbCrToARGB,
    permuteMap: *const u8,
    alpha: u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_422YpCbYpCr8ToARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            decode_packed_call::<u8, u8>(
                src,
                std::ptr::null(),
                dest,
                info,
                permuteMap,
                Packed::Yp8Cb8Yp8Cr8,
                ArgbType::Argb8888,
                i32::from(alpha),
            )
        }
    })
}

/// ARGB8888 → 'yuvs'; chroma is the mean of each pixel pair.
/// Permute map and errors as `vImageConvert_ARGB8888To420Yp8_CbCr8`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB8888To422YpCbYpCr8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_ARGBToYpCbCr,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB8888To422YpCbYpCr8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            encode_packed_call::<u8, u8>(
                src,
                dest,
                std::ptr::null(),
                info,
                permuteMap,
                Packed::Yp8Cb8Yp8Cr8,
                ArgbType::Argb8888,
            )
        }
    })
}

/// 'v216' (16-bit Cb Y'0 Cr Y'1) → ARGB8888 with constant `alpha`.
/// Permute map and errors as `vImageConvert_420Yp8_CbCr8ToARGB8888`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_422CbYpCrYp16ToARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_YpCbCrToARGB,
    permuteMap: *const u8,
    alpha: u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_422CbYpCrYp16ToARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            decode_packed_call::<u16, u8>(
                src,
                std::ptr::null(),
                dest,
                info,
                permuteMap,
                Packed::CbYpCrYp16,
                ArgbType::Argb8888,
                i32::from(alpha),
            )
        }
    })
}

/// ARGB8888 → 'v216'.
/// Permute map and errors as `vImageConvert_ARGB8888To420Yp8_CbCr8`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB8888To422CbYpCrYp16(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_ARGBToYpCbCr,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB8888To422CbYpCrYp16", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            encode_packed_call::<u8, u16>(
                src,
                dest,
                std::ptr::null(),
                info,
                permuteMap,
                Packed::CbYpCrYp16,
                ArgbType::Argb8888,
            )
        }
    })
}

/// 'v216' → ARGB16U with constant `alpha`.
/// Permute map and errors as `vImageConvert_420Yp8_CbCr8ToARGB8888`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_422CbYpCrYp16ToARGB16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_YpCbCrToARGB,
    permuteMap: *const u8,
    alpha: u16,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_422CbYpCrYp16ToARGB16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            decode_packed_call::<u16, u16>(
                src,
                std::ptr::null(),
                dest,
                info,
                permuteMap,
                Packed::CbYpCrYp16,
                ArgbType::Argb16U,
                i32::from(alpha),
            )
        }
    })
}

/// ARGB16U → 'v216'.
/// Permute map and errors as `vImageConvert_ARGB8888To420Yp8_CbCr8`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB16UTo422CbYpCrYp16(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_ARGBToYpCbCr,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB16UTo422CbYpCrYp16", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            encode_packed_call::<u16, u16>(
                src,
                dest,
                std::ptr::null(),
                info,
                permuteMap,
                Packed::CbYpCrYp16,
                ArgbType::Argb16U,
            )
        }
    })
}

/// 'v210' (6 pixels per 4 little-endian words) → ARGB8888 with constant `alpha`.
/// Permute map and errors as `vImageConvert_420Yp8_CbCr8ToARGB8888`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_422CrYpCbYpCbYpCbYpCrYpCrYp10ToARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_YpCbCrToARGB,
    permuteMap: *const u8,
    alpha: u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(
        "vImageConvert_422CrYpCbYpCbYpCbYpCrYpCrYp10ToARGB8888",
        flags,
        0,
        {
            // SAFETY: forwarded contract.
            unsafe {
                decode_packed_call::<u32, u8>(
                    src,
                    std::ptr::null(),
                    dest,
                    info,
                    permuteMap,
                    Packed::V210,
                    ArgbType::Argb8888,
                    i32::from(alpha),
                )
            }
        }
    )
}

/// ARGB8888 → 'v210' (whole 6-pixel groups are written).
/// Permute map and errors as `vImageConvert_ARGB8888To420Yp8_CbCr8`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB8888To422CrYpCbYpCbYpCbYpCrYpCrYp10(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_ARGBToYpCbCr,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(
        "vImageConvert_ARGB8888To422CrYpCbYpCbYpCbYpCrYpCrYp10",
        flags,
        0,
        {
            // SAFETY: forwarded contract.
            unsafe {
                encode_packed_call::<u8, u32>(
                    src,
                    dest,
                    std::ptr::null(),
                    info,
                    permuteMap,
                    Packed::V210,
                    ArgbType::Argb8888,
                )
            }
        }
    )
}

/// 'v210' → ARGB16Q12 (4096 = 1.0, results 0…4096) with constant `alpha`.
/// Permute map and errors as `vImageConvert_420Yp8_CbCr8ToARGB8888`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_422CrYpCbYpCbYpCbYpCrYpCrYp10ToARGB16Q12(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_YpCbCrToARGB,
    permuteMap: *const u8,
    alpha: Pixel_16Q12,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(
        "vImageConvert_422CrYpCbYpCbYpCbYpCrYpCrYp10ToARGB16Q12",
        flags,
        0,
        {
            // SAFETY: forwarded contract.
            unsafe {
                decode_packed_call::<u32, i16>(
                    src,
                    std::ptr::null(),
                    dest,
                    info,
                    permuteMap,
                    Packed::V210,
                    ArgbType::Argb16Q12,
                    i32::from(alpha),
                )
            }
        }
    )
}

/// ARGB16Q12 → 'v210'.
/// Permute map and errors as `vImageConvert_ARGB8888To420Yp8_CbCr8`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB16Q12To422CrYpCbYpCbYpCbYpCrYpCrYp10(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_ARGBToYpCbCr,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(
        "vImageConvert_ARGB16Q12To422CrYpCbYpCbYpCbYpCrYpCrYp10",
        flags,
        0,
        {
            // SAFETY: forwarded contract.
            unsafe {
                encode_packed_call::<i16, u32>(
                    src,
                    dest,
                    std::ptr::null(),
                    info,
                    permuteMap,
                    Packed::V210,
                    ArgbType::Argb16Q12,
                )
            }
        }
    )
}

/// 'r408'/'y408' (bytes A Y' Cb Cr) → ARGB8888; alpha copied.
/// Permute map and errors as `vImageConvert_420Yp8_CbCr8ToARGB8888`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_444AYpCbCr8ToARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_YpCbCrToARGB,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_444AYpCbCr8ToARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            decode_packed_call::<u8, u8>(
                src,
                std::ptr::null(),
                dest,
                info,
                permuteMap,
                Packed::A8Yp8Cb8Cr8,
                ArgbType::Argb8888,
                0,
            )
        }
    })
}

/// ARGB8888 → 'r408'/'y408'; alpha copied.
/// Permute map and errors as `vImageConvert_ARGB8888To420Yp8_CbCr8`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB8888To444AYpCbCr8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_ARGBToYpCbCr,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB8888To444AYpCbCr8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            encode_packed_call::<u8, u8>(
                src,
                dest,
                std::ptr::null(),
                info,
                permuteMap,
                Packed::A8Yp8Cb8Cr8,
                ArgbType::Argb8888,
            )
        }
    })
}

/// 'v408' (bytes Cb Y' Cr A) → ARGB8888; alpha copied as stored.
/// Permute map and errors as `vImageConvert_420Yp8_CbCr8ToARGB8888`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_444CbYpCrA8ToARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_YpCbCrToARGB,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_444CbYpCrA8ToARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            decode_packed_call::<u8, u8>(
                src,
                std::ptr::null(),
                dest,
                info,
                permuteMap,
                Packed::Cb8Yp8Cr8A8,
                ArgbType::Argb8888,
                0,
            )
        }
    })
}

/// ARGB8888 → 'v408'; alpha copied.
/// Permute map and errors as `vImageConvert_ARGB8888To420Yp8_CbCr8`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB8888To444CbYpCrA8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_ARGBToYpCbCr,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB8888To444CbYpCrA8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            encode_packed_call::<u8, u8>(
                src,
                dest,
                std::ptr::null(),
                info,
                permuteMap,
                Packed::Cb8Yp8Cr8A8,
                ArgbType::Argb8888,
            )
        }
    })
}

/// 'v308' (bytes Cr Y' Cb) → ARGB8888 with constant `alpha`.
/// Permute map and errors as `vImageConvert_420Yp8_CbCr8ToARGB8888`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_444CrYpCb8ToARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_YpCbCrToARGB,
    permuteMap: *const u8,
    alpha: u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_444CrYpCb8ToARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            decode_packed_call::<u8, u8>(
                src,
                std::ptr::null(),
                dest,
                info,
                permuteMap,
                Packed::Cr8Yp8Cb8,
                ArgbType::Argb8888,
                i32::from(alpha),
            )
        }
    })
}

/// ARGB8888 → 'v308'.
/// Permute map and errors as `vImageConvert_ARGB8888To420Yp8_CbCr8`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB8888To444CrYpCb8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_ARGBToYpCbCr,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB8888To444CrYpCb8", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            encode_packed_call::<u8, u8>(
                src,
                dest,
                std::ptr::null(),
                info,
                permuteMap,
                Packed::Cr8Yp8Cb8,
                ArgbType::Argb8888,
            )
        }
    })
}

/// 'y416' (16-bit A Y' Cb Cr) → ARGB8888; alpha narrowed `(a·255 + 32767)/65535`.
/// Permute map and errors as `vImageConvert_420Yp8_CbCr8ToARGB8888`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_444AYpCbCr16ToARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_YpCbCrToARGB,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_444AYpCbCr16ToARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            decode_packed_call::<u16, u8>(
                src,
                std::ptr::null(),
                dest,
                info,
                permuteMap,
                Packed::AYpCbCr16,
                ArgbType::Argb8888,
                0,
            )
        }
    })
}

/// ARGB8888 → 'y416'; alpha widened ×257.
/// Permute map and errors as `vImageConvert_ARGB8888To420Yp8_CbCr8`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB8888To444AYpCbCr16(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_ARGBToYpCbCr,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB8888To444AYpCbCr16", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            encode_packed_call::<u8, u16>(
                src,
                dest,
                std::ptr::null(),
                info,
                permuteMap,
                Packed::AYpCbCr16,
                ArgbType::Argb8888,
            )
        }
    })
}

/// 'y416' → ARGB16U; alpha copied.
/// Permute map and errors as `vImageConvert_420Yp8_CbCr8ToARGB8888`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_444AYpCbCr16ToARGB16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_YpCbCrToARGB,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_444AYpCbCr16ToARGB16U", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            decode_packed_call::<u16, u16>(
                src,
                std::ptr::null(),
                dest,
                info,
                permuteMap,
                Packed::AYpCbCr16,
                ArgbType::Argb16U,
                0,
            )
        }
    })
}

/// ARGB16U → 'y416'; alpha copied.
/// Permute map and errors as `vImageConvert_ARGB8888To420Yp8_CbCr8`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB16UTo444AYpCbCr16(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_ARGBToYpCbCr,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB16UTo444AYpCbCr16", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            encode_packed_call::<u16, u16>(
                src,
                dest,
                std::ptr::null(),
                info,
                permuteMap,
                Packed::AYpCbCr16,
                ArgbType::Argb16U,
            )
        }
    })
}

/// 'v410' (little-endian word: Cr bits 31–22, Y' 21–12, Cb 11–2) → ARGB8888 with constant `alpha`.
/// Permute map and errors as `vImageConvert_420Yp8_CbCr8ToARGB8888`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_444CrYpCb10ToARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_YpCbCrToARGB,
    permuteMap: *const u8,
    alpha: u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_444CrYpCb10ToARGB8888", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            decode_packed_call::<u32, u8>(
                src,
                std::ptr::null(),
                dest,
                info,
                permuteMap,
                Packed::CrYpCb10,
                ArgbType::Argb8888,
                i32::from(alpha),
            )
        }
    })
}

/// ARGB8888 → 'v410' (bits 1–0 written as 0).
/// Permute map and errors as `vImageConvert_ARGB8888To420Yp8_CbCr8`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB8888To444CrYpCb10(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_ARGBToYpCbCr,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB8888To444CrYpCb10", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            encode_packed_call::<u8, u32>(
                src,
                dest,
                std::ptr::null(),
                info,
                permuteMap,
                Packed::CrYpCb10,
                ArgbType::Argb8888,
            )
        }
    })
}

/// 'v410' → ARGB16Q12 with constant `alpha`.
/// Permute map and errors as `vImageConvert_420Yp8_CbCr8ToARGB8888`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_444CrYpCb10ToARGB16Q12(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_YpCbCrToARGB,
    permuteMap: *const u8,
    alpha: Pixel_16Q12,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_444CrYpCb10ToARGB16Q12", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            decode_packed_call::<u32, i16>(
                src,
                std::ptr::null(),
                dest,
                info,
                permuteMap,
                Packed::CrYpCb10,
                ArgbType::Argb16Q12,
                i32::from(alpha),
            )
        }
    })
}

/// ARGB16Q12 → 'v410'.
/// Permute map and errors as `vImageConvert_ARGB8888To420Yp8_CbCr8`.
///
/// # Safety
/// Every `vImage_Buffer` pointer is NULL or describes memory valid for its
/// size; `info` is NULL or readable; `permuteMap` is NULL (identity) or 4
/// readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB16Q12To444CrYpCb10(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    info: *const vImage_ARGBToYpCbCr,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConvert_ARGB16Q12To444CrYpCb10", flags, 0, {
        // SAFETY: forwarded contract.
        unsafe {
            encode_packed_call::<i16, u32>(
                src,
                dest,
                std::ptr::null(),
                info,
                permuteMap,
                Packed::CrYpCb10,
                ArgbType::Argb16Q12,
            )
        }
    })
}
