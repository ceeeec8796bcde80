//! `vImageScale_*` (vimage-ops.md §2.3): one thin export per pixel type
//! over `core::vimage::scale`, which runs on the crate's one resampler.
//!
//! `tempBuffer` is not used: pixelport allocates its intermediate rows
//! itself, so `kvImageGetTempBufferSize` answers 0.

// Apple's parameter names (`tempBuffer`).
#![allow(non_snake_case)]

use std::ffi::c_void;

use half::f16;

use super::buffer::{PixelSize, one_to_one, status};
use super::types::*;
use crate::core::vimage::scale::{self as scaler, ScaleSample};

/// The flags every `vImageScale_*` accepts besides the common ones.
const SCALE_FLAGS: vImage_Flags = kvImageEdgeExtend
    | kvImageHighQualityResampling
    | kvImageLeaveAlphaUnchanged
    | kvImageUseFP16Accumulator;

/// `kvImageUseFP16Accumulator` only belongs to the half-float variants.
fn scale_flags<T: 'static>() -> vImage_Flags {
    if std::any::TypeId::of::<T>() == std::any::TypeId::of::<f16>() {
        SCALE_FLAGS
    } else {
        SCALE_FLAGS & !kvImageUseFP16Accumulator
    }
}

/// # Safety
/// As the exports: `src`/`dest` NULL or valid `vImage_Buffer`s.
unsafe fn scale<T: ScaleSample + 'static, const N: usize>(
    name: &str,
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(name, flags, scale_flags::<T>(), {
        let px = PixelSize::Elements(N);
        // SAFETY: forwarded contract.
        let (s, mut d) = unsafe { one_to_one::<T, T>(src, px, dest, px)? };
        let filter = scaler::filter(flags & kvImageHighQualityResampling != 0);
        scaler::scale(&s.plane(), &mut d, N, filter).map_err(status)?;
        Ok(kvImageNoError)
    })
}

/// # Safety
/// As the exports.
unsafe fn scale_xrgb(
    name: &str,
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(name, flags, scale_flags::<u32>(), {
        let px = PixelSize::Elements(1);
        // SAFETY: forwarded contract.
        let (s, mut d) = unsafe { one_to_one::<u32, u32>(src, px, dest, px)? };
        let filter = scaler::filter(flags & kvImageHighQualityResampling != 0);
        scaler::scale_xrgb2101010(&s.plane(), &mut d, filter).map_err(status)?;
        Ok(kvImageNoError)
    })
}

/// Resamples `src` (8-bit planar) to `dest`'s size with Lanczos-3, or Lanczos-5
/// with `kvImageHighQualityResampling` (widened when reducing); pixels
/// outside the source read the nearest edge pixel. Integer results round to
/// nearest and clamp. `tempBuffer` is not used (may be NULL);
/// `kvImageGetTempBufferSize` answers 0.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; an empty `src` with a non-empty `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageEdgeExtend` (the
/// behaviour anyway), `kvImageHighQualityResampling`,
/// `kvImageLeaveAlphaUnchanged` (ignored, as vImage's geometry does),
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole` and
/// `kvImageGetTempBufferSize` → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageScale_Planar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe { scale::<u8, 1>("vImageScale_Planar8", src, dest, flags) }
}

/// Resamples `src` (float planar) to `dest`'s size with Lanczos-3, or Lanczos-5
/// with `kvImageHighQualityResampling` (widened when reducing); pixels
/// outside the source read the nearest edge pixel. Integer results round to
/// nearest and clamp. `tempBuffer` is not used (may be NULL);
/// `kvImageGetTempBufferSize` answers 0.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; an empty `src` with a non-empty `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageEdgeExtend` (the
/// behaviour anyway), `kvImageHighQualityResampling`,
/// `kvImageLeaveAlphaUnchanged` (ignored, as vImage's geometry does),
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole` and
/// `kvImageGetTempBufferSize` → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageScale_PlanarF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe { scale::<f32, 1>("vImageScale_PlanarF", src, dest, flags) }
}

/// Resamples `src` (four 8-bit channels (any order)) to `dest`'s size with
/// Lanczos-3, or Lanczos-5 with `kvImageHighQualityResampling` (widened when
/// reducing); pixels outside the source read the nearest edge pixel. Integer
/// results round to nearest and clamp. `tempBuffer` is not used (may be NULL);
/// `kvImageGetTempBufferSize` answers 0.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; an empty `src` with a non-empty `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageEdgeExtend` (the
/// behaviour anyway), `kvImageHighQualityResampling`,
/// `kvImageLeaveAlphaUnchanged` (ignored, as vImage's geometry does),
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole` and
/// `kvImageGetTempBufferSize` → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageScale_ARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe { scale::<u8, 4>("vImageScale_ARGB8888", src, dest, flags) }
}

/// Resamples `src` (four float channels (any order)) to `dest`'s size with
/// Lanczos-3, or Lanczos-5 with `kvImageHighQualityResampling` (widened when
/// reducing); pixels outside the source read the nearest edge pixel. Integer
/// results round to nearest and clamp. `tempBuffer` is not used (may be NULL);
/// `kvImageGetTempBufferSize` answers 0.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; an empty `src` with a non-empty `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageEdgeExtend` (the
/// behaviour anyway), `kvImageHighQualityResampling`,
/// `kvImageLeaveAlphaUnchanged` (ignored, as vImage's geometry does),
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole` and
/// `kvImageGetTempBufferSize` → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageScale_ARGBFFFF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe { scale::<f32, 4>("vImageScale_ARGBFFFF", src, dest, flags) }
}

/// Resamples `src` (four 16-bit unsigned channels) to `dest`'s size with
/// Lanczos-3, or Lanczos-5 with `kvImageHighQualityResampling` (widened when
/// reducing); pixels outside the source read the nearest edge pixel. Integer
/// results round to nearest and clamp. `tempBuffer` is not used (may be NULL);
/// `kvImageGetTempBufferSize` answers 0.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; an empty `src` with a non-empty `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageEdgeExtend` (the
/// behaviour anyway), `kvImageHighQualityResampling`,
/// `kvImageLeaveAlphaUnchanged` (ignored, as vImage's geometry does),
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole` and
/// `kvImageGetTempBufferSize` → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageScale_ARGB16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe { scale::<u16, 4>("vImageScale_ARGB16U", src, dest, flags) }
}

/// Resamples `src` (four 16-bit signed channels) to `dest`'s size with
/// Lanczos-3, or Lanczos-5 with `kvImageHighQualityResampling` (widened when
/// reducing); pixels outside the source read the nearest edge pixel. Integer
/// results round to nearest and clamp. `tempBuffer` is not used (may be NULL);
/// `kvImageGetTempBufferSize` answers 0.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; an empty `src` with a non-empty `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageEdgeExtend` (the
/// behaviour anyway), `kvImageHighQualityResampling`,
/// `kvImageLeaveAlphaUnchanged` (ignored, as vImage's geometry does),
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole` and
/// `kvImageGetTempBufferSize` → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageScale_ARGB16S(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe { scale::<i16, 4>("vImageScale_ARGB16S", src, dest, flags) }
}

/// Resamples `src` (16-bit signed planar) to `dest`'s size with Lanczos-3, or
/// Lanczos-5 with `kvImageHighQualityResampling` (widened when reducing);
/// pixels outside the source read the nearest edge pixel. Integer results round
/// to nearest and clamp. `tempBuffer` is not used (may be NULL);
/// `kvImageGetTempBufferSize` answers 0.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; an empty `src` with a non-empty `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageEdgeExtend` (the
/// behaviour anyway), `kvImageHighQualityResampling`,
/// `kvImageLeaveAlphaUnchanged` (ignored, as vImage's geometry does),
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole` and
/// `kvImageGetTempBufferSize` → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageScale_Planar16S(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe { scale::<i16, 1>("vImageScale_Planar16S", src, dest, flags) }
}

/// Resamples `src` (16-bit unsigned planar) to `dest`'s size with Lanczos-3, or
/// Lanczos-5 with `kvImageHighQualityResampling` (widened when reducing);
/// pixels outside the source read the nearest edge pixel. Integer results round
/// to nearest and clamp. `tempBuffer` is not used (may be NULL);
/// `kvImageGetTempBufferSize` answers 0.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; an empty `src` with a non-empty `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageEdgeExtend` (the
/// behaviour anyway), `kvImageHighQualityResampling`,
/// `kvImageLeaveAlphaUnchanged` (ignored, as vImage's geometry does),
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole` and
/// `kvImageGetTempBufferSize` → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageScale_Planar16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe { scale::<u16, 1>("vImageScale_Planar16U", src, dest, flags) }
}

/// Resamples `src` (two 8-bit channels) to `dest`'s size with Lanczos-3, or
/// Lanczos-5 with `kvImageHighQualityResampling` (widened when reducing);
/// pixels outside the source read the nearest edge pixel. Integer results round
/// to nearest and clamp. `tempBuffer` is not used (may be NULL);
/// `kvImageGetTempBufferSize` answers 0.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; an empty `src` with a non-empty `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageEdgeExtend` (the
/// behaviour anyway), `kvImageHighQualityResampling`,
/// `kvImageLeaveAlphaUnchanged` (ignored, as vImage's geometry does),
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole` and
/// `kvImageGetTempBufferSize` → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageScale_CbCr8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe { scale::<u8, 2>("vImageScale_CbCr8", src, dest, flags) }
}

/// Resamples `src` (two 16-bit unsigned channels) to `dest`'s size with
/// Lanczos-3, or Lanczos-5 with `kvImageHighQualityResampling` (widened when
/// reducing); pixels outside the source read the nearest edge pixel. Integer
/// results round to nearest and clamp. `tempBuffer` is not used (may be NULL);
/// `kvImageGetTempBufferSize` answers 0.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; an empty `src` with a non-empty `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageEdgeExtend` (the
/// behaviour anyway), `kvImageHighQualityResampling`,
/// `kvImageLeaveAlphaUnchanged` (ignored, as vImage's geometry does),
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole` and
/// `kvImageGetTempBufferSize` → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageScale_CbCr16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe { scale::<u16, 2>("vImageScale_CbCr16U", src, dest, flags) }
}

/// Resamples `src` (XRGB2101010 in host-endian 32-bit words (R bits 29–20, G
/// 19–10, B 9–0; the two X bits are written as 0)) to `dest`'s size with
/// Lanczos-3, or Lanczos-5 with `kvImageHighQualityResampling` (widened when
/// reducing); pixels outside the source read the nearest edge pixel. Integer
/// results round to nearest and clamp. `tempBuffer` is not used (may be NULL);
/// `kvImageGetTempBufferSize` answers 0.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; an empty `src` with a non-empty `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageEdgeExtend` (the
/// behaviour anyway), `kvImageHighQualityResampling`,
/// `kvImageLeaveAlphaUnchanged` (ignored, as vImage's geometry does),
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole` and
/// `kvImageGetTempBufferSize` → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageScale_XRGB2101010W(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe { scale_xrgb("vImageScale_XRGB2101010W", src, dest, flags) }
}

/// Resamples `src` (half-float planar) to `dest`'s size with Lanczos-3, or
/// Lanczos-5 with `kvImageHighQualityResampling` (widened when reducing);
/// pixels outside the source read the nearest edge pixel. Integer results round
/// to nearest and clamp. `tempBuffer` is not used (may be NULL);
/// `kvImageGetTempBufferSize` answers 0.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; an empty `src` with a non-empty `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageEdgeExtend` (the
/// behaviour anyway), `kvImageHighQualityResampling`,
/// `kvImageLeaveAlphaUnchanged` (ignored, as vImage's geometry does),
/// `kvImageUseFP16Accumulator` (accepted; pixelport accumulates in f32),
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole` and
/// `kvImageGetTempBufferSize` → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageScale_Planar16F(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe { scale::<f16, 1>("vImageScale_Planar16F", src, dest, flags) }
}

/// Resamples `src` (two half-float channels) to `dest`'s size with Lanczos-3,
/// or Lanczos-5 with `kvImageHighQualityResampling` (widened when reducing);
/// pixels outside the source read the nearest edge pixel. Integer results round
/// to nearest and clamp. `tempBuffer` is not used (may be NULL);
/// `kvImageGetTempBufferSize` answers 0.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; an empty `src` with a non-empty `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageEdgeExtend` (the
/// behaviour anyway), `kvImageHighQualityResampling`,
/// `kvImageLeaveAlphaUnchanged` (ignored, as vImage's geometry does),
/// `kvImageUseFP16Accumulator` (accepted; pixelport accumulates in f32),
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole` and
/// `kvImageGetTempBufferSize` → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageScale_CbCr16F(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe { scale::<f16, 2>("vImageScale_CbCr16F", src, dest, flags) }
}

/// Resamples `src` (four half-float channels) to `dest`'s size with Lanczos-3,
/// or Lanczos-5 with `kvImageHighQualityResampling` (widened when reducing);
/// pixels outside the source read the nearest edge pixel. Integer results round
/// to nearest and clamp. `tempBuffer` is not used (may be NULL);
/// `kvImageGetTempBufferSize` answers 0.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; an empty `src` with a non-empty `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageEdgeExtend` (the
/// behaviour anyway), `kvImageHighQualityResampling`,
/// `kvImageLeaveAlphaUnchanged` (ignored, as vImage's geometry does),
/// `kvImageUseFP16Accumulator` (accepted; pixelport accumulates in f32),
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole` and
/// `kvImageGetTempBufferSize` → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageScale_ARGB16F(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe { scale::<f16, 4>("vImageScale_ARGB16F", src, dest, flags) }
}
