//! vImage geometry (vimage-ops.md §2.1, §2.2): reflection and rotation by
//! quarter turns, one thin export per Apple function over
//! `core::vimage::geometry`. Scaling is in [`super::scale`].
//!
//! 16-bit half-float formats are moved as raw `u16` bits: nothing here
//! computes with them except scaling.

// Apple's parameter names (`rotationConstant`, `backColor`).
#![allow(non_snake_case, non_upper_case_globals)]

use super::buffer::{PixelSize, one_to_one, status};
use super::types::*;
use crate::core::vimage::geometry::{self, Axis, Turns};

/// `kRotate…` constants: the number of 90° counter-clockwise turns
/// (`uint8_t` arguments of `vImageRotate90_*`).
pub const kRotate0DegreesClockwise: u8 = 0;
pub const kRotate90DegreesClockwise: u8 = 3;
pub const kRotate180DegreesClockwise: u8 = 2;
pub const kRotate270DegreesClockwise: u8 = 1;
pub const kRotate0DegreesCounterClockwise: u8 = 0;
pub const kRotate90DegreesCounterClockwise: u8 = 1;
pub const kRotate180DegreesCounterClockwise: u8 = 2;
pub const kRotate270DegreesCounterClockwise: u8 = 3;

/// Reads `N` values of a pixel argument (a `const Pixel_8888` and the like).
///
/// # Safety
/// `ptr` is NULL or points to `N` readable values of `T`.
pub(super) unsafe fn read_pixel<T: Copy + Default, const N: usize>(
    ptr: *const T,
) -> Result<[T; N], vImage_Error> {
    if ptr.is_null() {
        return Err(kvImageNullPointerArgument);
    }
    let mut out = [T::default(); N];
    for (i, o) in out.iter_mut().enumerate() {
        // SAFETY: `i < N` values are readable per the contract; unaligned
        // reads because C callers may pass byte arrays.
        *o = unsafe { ptr.add(i).read_unaligned() };
    }
    Ok(out)
}

/// # Safety
/// As the exports: `src`/`dest` NULL or valid `vImage_Buffer`s.
unsafe fn reflect<T: Copy>(
    name: &str,
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    channels: usize,
    axis: Axis,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(name, flags, 0, {
        let px = PixelSize::Elements(channels);
        // SAFETY: forwarded contract.
        let (s, mut d) = unsafe { one_to_one::<T, T>(src, px, dest, px)? };
        geometry::reflect(&s.plane(), &mut d, channels, axis).map_err(status)?;
        Ok(kvImageNoError)
    })
}

/// # Safety
/// As the exports; `back` is NULL or points to `N` readable values.
unsafe fn rotate<T: Copy + Default, const N: usize>(
    name: &str,
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    rotation: u8,
    back: *const T,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(name, flags, 0, {
        // SAFETY: forwarded contract.
        let back = unsafe { read_pixel::<T, N>(back)? };
        let turns = Turns::new(rotation).map_err(status)?;
        let px = PixelSize::Elements(N);
        // SAFETY: forwarded contract.
        let (s, mut d) = unsafe { one_to_one::<T, T>(src, px, dest, px)? };
        geometry::rotate90(&s.plane(), &mut d, N, turns, &back).map_err(status)?;
        Ok(kvImageNoError)
    })
}

/// Mirrors `src` left ↔ right into `dest` (8-bit planar). `dest` sets the size;
/// a larger `src` contributes its top-left region of that size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageHorizontalReflect_Planar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<u8>(
            "vImageHorizontalReflect_Planar8",
            src,
            dest,
            1,
            Axis::Horizontal,
            flags,
        )
    }
}

/// Mirrors `src` left ↔ right into `dest` (float planar). `dest` sets the size;
/// a larger `src` contributes its top-left region of that size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageHorizontalReflect_PlanarF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<f32>(
            "vImageHorizontalReflect_PlanarF",
            src,
            dest,
            1,
            Axis::Horizontal,
            flags,
        )
    }
}

/// Mirrors `src` left ↔ right into `dest` (four 8-bit channels (any order)).
/// `dest` sets the size; a larger `src` contributes its top-left region of that
/// size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageHorizontalReflect_ARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<u8>(
            "vImageHorizontalReflect_ARGB8888",
            src,
            dest,
            4,
            Axis::Horizontal,
            flags,
        )
    }
}

/// Mirrors `src` left ↔ right into `dest` (four float channels (any order)).
/// `dest` sets the size; a larger `src` contributes its top-left region of that
/// size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageHorizontalReflect_ARGBFFFF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<f32>(
            "vImageHorizontalReflect_ARGBFFFF",
            src,
            dest,
            4,
            Axis::Horizontal,
            flags,
        )
    }
}

/// Mirrors `src` left ↔ right into `dest` (16-bit unsigned planar). `dest` sets
/// the size; a larger `src` contributes its top-left region of that size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageHorizontalReflect_Planar16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<u16>(
            "vImageHorizontalReflect_Planar16U",
            src,
            dest,
            1,
            Axis::Horizontal,
            flags,
        )
    }
}

/// Mirrors `src` left ↔ right into `dest` (four 16-bit unsigned channels).
/// `dest` sets the size; a larger `src` contributes its top-left region of that
/// size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageHorizontalReflect_ARGB16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<u16>(
            "vImageHorizontalReflect_ARGB16U",
            src,
            dest,
            4,
            Axis::Horizontal,
            flags,
        )
    }
}

/// Mirrors `src` left ↔ right into `dest` (four 16-bit signed channels). `dest`
/// sets the size; a larger `src` contributes its top-left region of that size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageHorizontalReflect_ARGB16S(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<i16>(
            "vImageHorizontalReflect_ARGB16S",
            src,
            dest,
            4,
            Axis::Horizontal,
            flags,
        )
    }
}

/// Mirrors `src` left ↔ right into `dest` (half-float planar). `dest` sets the
/// size; a larger `src` contributes its top-left region of that size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageHorizontalReflect_Planar16F(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<u16>(
            "vImageHorizontalReflect_Planar16F",
            src,
            dest,
            1,
            Axis::Horizontal,
            flags,
        )
    }
}

/// Mirrors `src` left ↔ right into `dest` (two half-float channels). `dest`
/// sets the size; a larger `src` contributes its top-left region of that size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageHorizontalReflect_CbCr16F(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<u16>(
            "vImageHorizontalReflect_CbCr16F",
            src,
            dest,
            2,
            Axis::Horizontal,
            flags,
        )
    }
}

/// Mirrors `src` left ↔ right into `dest` (four half-float channels). `dest`
/// sets the size; a larger `src` contributes its top-left region of that size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageHorizontalReflect_ARGB16F(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<u16>(
            "vImageHorizontalReflect_ARGB16F",
            src,
            dest,
            4,
            Axis::Horizontal,
            flags,
        )
    }
}

/// Mirrors `src` top ↔ bottom into `dest` (8-bit planar). `dest` sets the size;
/// a larger `src` contributes its top-left region of that size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageVerticalReflect_Planar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<u8>(
            "vImageVerticalReflect_Planar8",
            src,
            dest,
            1,
            Axis::Vertical,
            flags,
        )
    }
}

/// Mirrors `src` top ↔ bottom into `dest` (float planar). `dest` sets the size;
/// a larger `src` contributes its top-left region of that size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageVerticalReflect_PlanarF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<f32>(
            "vImageVerticalReflect_PlanarF",
            src,
            dest,
            1,
            Axis::Vertical,
            flags,
        )
    }
}

/// Mirrors `src` top ↔ bottom into `dest` (four 8-bit channels (any order)).
/// `dest` sets the size; a larger `src` contributes its top-left region of that
/// size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageVerticalReflect_ARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<u8>(
            "vImageVerticalReflect_ARGB8888",
            src,
            dest,
            4,
            Axis::Vertical,
            flags,
        )
    }
}

/// Mirrors `src` top ↔ bottom into `dest` (four float channels (any order)).
/// `dest` sets the size; a larger `src` contributes its top-left region of that
/// size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageVerticalReflect_ARGBFFFF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<f32>(
            "vImageVerticalReflect_ARGBFFFF",
            src,
            dest,
            4,
            Axis::Vertical,
            flags,
        )
    }
}

/// Mirrors `src` top ↔ bottom into `dest` (16-bit unsigned planar). `dest` sets
/// the size; a larger `src` contributes its top-left region of that size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageVerticalReflect_Planar16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<u16>(
            "vImageVerticalReflect_Planar16U",
            src,
            dest,
            1,
            Axis::Vertical,
            flags,
        )
    }
}

/// Mirrors `src` top ↔ bottom into `dest` (four 16-bit unsigned channels).
/// `dest` sets the size; a larger `src` contributes its top-left region of that
/// size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageVerticalReflect_ARGB16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<u16>(
            "vImageVerticalReflect_ARGB16U",
            src,
            dest,
            4,
            Axis::Vertical,
            flags,
        )
    }
}

/// Mirrors `src` top ↔ bottom into `dest` (four 16-bit signed channels). `dest`
/// sets the size; a larger `src` contributes its top-left region of that size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageVerticalReflect_ARGB16S(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<i16>(
            "vImageVerticalReflect_ARGB16S",
            src,
            dest,
            4,
            Axis::Vertical,
            flags,
        )
    }
}

/// Mirrors `src` top ↔ bottom into `dest` (half-float planar). `dest` sets the
/// size; a larger `src` contributes its top-left region of that size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageVerticalReflect_Planar16F(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<u16>(
            "vImageVerticalReflect_Planar16F",
            src,
            dest,
            1,
            Axis::Vertical,
            flags,
        )
    }
}

/// Mirrors `src` top ↔ bottom into `dest` (two half-float channels). `dest`
/// sets the size; a larger `src` contributes its top-left region of that size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageVerticalReflect_CbCr16F(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<u16>(
            "vImageVerticalReflect_CbCr16F",
            src,
            dest,
            2,
            Axis::Vertical,
            flags,
        )
    }
}

/// Mirrors `src` top ↔ bottom into `dest` (four half-float channels). `dest`
/// sets the size; a larger `src` contributes its top-left region of that size.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; `src` smaller than `dest` →
/// `kvImageRoiLargerThanInputBuffer`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. Overlapping buffers give the out-of-place result.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageVerticalReflect_ARGB16F(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        reflect::<u16>(
            "vImageVerticalReflect_ARGB16F",
            src,
            dest,
            4,
            Axis::Vertical,
            flags,
        )
    }
}

/// Rotates `src` (8-bit planar) by `rotationConstant` quarter turns
/// counter-clockwise (`kRotate…` values 0–3, others →
/// `kvImageInvalidParameter`) and centres it in `dest`, which may have any
/// size; `backColor` fills what the rotated image does not cover. When the
/// centring cannot be exact it rounds toward the top-left.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageRotate90_Planar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    rotationConstant: u8,
    backColor: Pixel_8,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        rotate::<u8, 1>(
            "vImageRotate90_Planar8",
            src,
            dest,
            rotationConstant,
            &backColor,
            flags,
        )
    }
}

/// Rotates `src` (float planar) by `rotationConstant` quarter turns
/// counter-clockwise (`kRotate…` values 0–3, others →
/// `kvImageInvalidParameter`) and centres it in `dest`, which may have any
/// size; `backColor` fills what the rotated image does not cover. When the
/// centring cannot be exact it rounds toward the top-left.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageRotate90_PlanarF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    rotationConstant: u8,
    backColor: Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        rotate::<f32, 1>(
            "vImageRotate90_PlanarF",
            src,
            dest,
            rotationConstant,
            &backColor,
            flags,
        )
    }
}

/// Rotates `src` (four 8-bit channels (any order)) by `rotationConstant`
/// quarter turns counter-clockwise (`kRotate…` values 0–3, others →
/// `kvImageInvalidParameter`) and centres it in `dest`, which may have any
/// size; `backColor` (4 values, NULL → `kvImageNullPointerArgument`) fills what
/// the rotated image does not cover. When the centring cannot be exact it
/// rounds toward the top-left.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `backColor` is NULL
/// or points to 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageRotate90_ARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    rotationConstant: u8,
    backColor: *const Pixel_8,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        rotate::<u8, 4>(
            "vImageRotate90_ARGB8888",
            src,
            dest,
            rotationConstant,
            backColor,
            flags,
        )
    }
}

/// Rotates `src` (four float channels (any order)) by `rotationConstant`
/// quarter turns counter-clockwise (`kRotate…` values 0–3, others →
/// `kvImageInvalidParameter`) and centres it in `dest`, which may have any
/// size; `backColor` (4 values, NULL → `kvImageNullPointerArgument`) fills what
/// the rotated image does not cover. When the centring cannot be exact it
/// rounds toward the top-left.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `backColor` is NULL
/// or points to 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageRotate90_ARGBFFFF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    rotationConstant: u8,
    backColor: *const Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        rotate::<f32, 4>(
            "vImageRotate90_ARGBFFFF",
            src,
            dest,
            rotationConstant,
            backColor,
            flags,
        )
    }
}

/// Rotates `src` (16-bit unsigned planar) by `rotationConstant` quarter turns
/// counter-clockwise (`kRotate…` values 0–3, others →
/// `kvImageInvalidParameter`) and centres it in `dest`, which may have any
/// size; `backColor` fills what the rotated image does not cover. When the
/// centring cannot be exact it rounds toward the top-left.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageRotate90_Planar16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    rotationConstant: u8,
    backColor: Pixel_16U,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        rotate::<u16, 1>(
            "vImageRotate90_Planar16U",
            src,
            dest,
            rotationConstant,
            &backColor,
            flags,
        )
    }
}

/// Rotates `src` (four 16-bit unsigned channels) by `rotationConstant` quarter
/// turns counter-clockwise (`kRotate…` values 0–3, others →
/// `kvImageInvalidParameter`) and centres it in `dest`, which may have any
/// size; `backColor` (4 values, NULL → `kvImageNullPointerArgument`) fills what
/// the rotated image does not cover. When the centring cannot be exact it
/// rounds toward the top-left.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `backColor` is NULL
/// or points to 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageRotate90_ARGB16U(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    rotationConstant: u8,
    backColor: *const Pixel_16U,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        rotate::<u16, 4>(
            "vImageRotate90_ARGB16U",
            src,
            dest,
            rotationConstant,
            backColor,
            flags,
        )
    }
}

/// Rotates `src` (four 16-bit signed channels) by `rotationConstant` quarter
/// turns counter-clockwise (`kRotate…` values 0–3, others →
/// `kvImageInvalidParameter`) and centres it in `dest`, which may have any
/// size; `backColor` (4 values, NULL → `kvImageNullPointerArgument`) fills what
/// the rotated image does not cover. When the centring cannot be exact it
/// rounds toward the top-left.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `backColor` is NULL
/// or points to 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageRotate90_ARGB16S(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    rotationConstant: u8,
    backColor: *const Pixel_16S,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        rotate::<i16, 4>(
            "vImageRotate90_ARGB16S",
            src,
            dest,
            rotationConstant,
            backColor,
            flags,
        )
    }
}

/// Rotates `src` (half-float planar) by `rotationConstant` quarter turns
/// counter-clockwise (`kRotate…` values 0–3, others →
/// `kvImageInvalidParameter`) and centres it in `dest`, which may have any
/// size; `backColor` fills what the rotated image does not cover. When the
/// centring cannot be exact it rounds toward the top-left.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageRotate90_Planar16F(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    rotationConstant: u8,
    backColor: Pixel_16F,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        rotate::<u16, 1>(
            "vImageRotate90_Planar16F",
            src,
            dest,
            rotationConstant,
            &backColor,
            flags,
        )
    }
}

/// Rotates `src` (two half-float channels) by `rotationConstant` quarter turns
/// counter-clockwise (`kRotate…` values 0–3, others →
/// `kvImageInvalidParameter`) and centres it in `dest`, which may have any
/// size; `backColor` (2 values, NULL → `kvImageNullPointerArgument`) fills what
/// the rotated image does not cover. When the centring cannot be exact it
/// rounds toward the top-left.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `backColor` is NULL
/// or points to 2 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageRotate90_CbCr16F(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    rotationConstant: u8,
    backColor: *const Pixel_16F,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        rotate::<u16, 2>(
            "vImageRotate90_CbCr16F",
            src,
            dest,
            rotationConstant,
            backColor,
            flags,
        )
    }
}

/// Rotates `src` (four half-float channels) by `rotationConstant` quarter turns
/// counter-clockwise (`kRotate…` values 0–3, others →
/// `kvImageInvalidParameter`) and centres it in `dest`, which may have any
/// size; `backColor` (4 values, NULL → `kvImageNullPointerArgument`) fills what
/// the rotated image does not cover. When the centring cannot be exact it
/// rounds toward the top-left.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `backColor` is NULL
/// or points to 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageRotate90_ARGB16F(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    rotationConstant: u8,
    backColor: *const Pixel_16F,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        rotate::<u16, 4>(
            "vImageRotate90_ARGB16F",
            src,
            dest,
            rotationConstant,
            backColor,
            flags,
        )
    }
}
