//! vImage dithering (vimage-ops.md §7): the `_dithered` converters to
//! 8 bits, and Planar8 ⇄ 1/2/4-bit planar and indexed images, over
//! `core::vimage::dither` and `core::vimage::pack`.
//!
//! The `tempBuffer` arguments are accepted and unused: pixelport allocates
//! what it needs, and answers `kvImageGetTempBufferSize` with 0.

// Apple's names for parameters and constants.
#![allow(non_snake_case, non_upper_case_globals)]

use std::ffi::{c_int, c_void};

use super::buffer::{PixelSize, one_to_one, status};
use super::geometry::read_pixel;
use super::types::*;
use crate::core::vimage::dither::{self, Field, LevelScale, Method, ToLevels};
use crate::core::vimage::pack::{self, Depth};

/// Plain round-to-nearest, as the non-dithered converters.
pub const kvImageConvert_DitherNone: u32 = 0;
/// Blue noise added before rounding; the noise offset changes per call.
pub const kvImageConvert_DitherOrdered: u32 = 1;
/// As `kvImageConvert_DitherOrdered` with the same noise offset every call.
pub const kvImageConvert_DitherOrderedReproducible: u32 = 2;
/// Floyd–Steinberg error diffusion.
pub const kvImageConvert_DitherFloydSteinberg: u32 = 3;
/// Atkinson error diffusion.
pub const kvImageConvert_DitherAtkinson: u32 = 4;
/// Ordered-dither noise shape: Gaussian (the default; OR with an ordered mode).
pub const kvImageConvert_OrderedGaussianBlue: u32 = 0;
/// Ordered-dither noise shape: uniform.
pub const kvImageConvert_OrderedUniformBlue: u32 = 0x1000_0000;
/// The bits of a dither value that select the noise shape.
pub const kvImageConvert_OrderedNoiseShapeMask: u32 = 0xF000_0000;

fn method(dither: c_int) -> Result<Method, vImage_Error> {
    Method::parse(dither).map_err(status)
}

/// # Safety
/// `src`/`dest` NULL or valid `vImage_Buffer`s.
unsafe fn to_packed(
    name: &str,
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    depth: Depth,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(name, flags, 0, {
        let m = method(dither)?;
        // SAFETY: forwarded contract.
        let (s, mut d) = unsafe {
            one_to_one::<u8, u8>(
                src,
                PixelSize::Elements(1),
                dest,
                PixelSize::Bits(depth.bits()),
            )?
        };
        pack::planar8_to_packed(&s.plane(), &mut d, depth, m).map_err(status)?;
        Ok(kvImageNoError)
    })
}

/// Reads an `n`-entry colour table.
///
/// # Safety
/// `ptr` is NULL or points to `n` readable bytes.
unsafe fn read_table(ptr: *const Pixel_8, n: usize) -> Result<Vec<u8>, vImage_Error> {
    if ptr.is_null() {
        return Err(kvImageNullPointerArgument);
    }
    // SAFETY: `n` readable bytes per the contract.
    Ok(unsafe { std::slice::from_raw_parts(ptr, n) }.to_vec())
}

/// # Safety
/// `src`/`dest` NULL or valid `vImage_Buffer`s; `colors`, when given, NULL
/// or `2^bits` readable bytes.
unsafe fn from_packed(
    name: &str,
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    depth: Depth,
    colors: Option<*const Pixel_8>,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(name, flags, 0, {
        let lut = match colors {
            None => pack::gray_lut(depth),
            // SAFETY: forwarded contract.
            Some(ptr) => unsafe { read_table(ptr, 1 << depth.bits())? },
        };
        // SAFETY: forwarded contract.
        let (s, mut d) = unsafe {
            one_to_one::<u8, u8>(
                src,
                PixelSize::Bits(depth.bits()),
                dest,
                PixelSize::Elements(1),
            )?
        };
        pack::packed_to_planar8(&s.plane(), &mut d, depth, &lut).map_err(status)?;
        Ok(kvImageNoError)
    })
}

/// # Safety
/// `src`/`dest` NULL or valid `vImage_Buffer`s; `colors` NULL or `2^bits`
/// readable and writable bytes.
unsafe fn to_indexed(
    name: &str,
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    depth: Depth,
    colors: *mut Pixel_8,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(name, flags, 0, {
        let m = method(dither)?;
        let n = 1usize << depth.bits();
        // SAFETY: forwarded contract.
        let mut table = unsafe { read_table(colors, n)? };
        // SAFETY: forwarded contract.
        let (s, mut d) = unsafe {
            one_to_one::<u8, u8>(
                src,
                PixelSize::Elements(1),
                dest,
                PixelSize::Bits(depth.bits()),
            )?
        };
        pack::planar8_to_indexed(&s.plane(), &mut d, depth, &mut table, m).map_err(status)?;
        // SAFETY: `n` writable bytes per the contract; written only on success.
        unsafe { std::ptr::copy_nonoverlapping(table.as_ptr(), colors, n) };
        Ok(kvImageNoError)
    })
}

/// # Safety
/// `src`/`dest` NULL or valid `vImage_Buffer`s; `permute` NULL or 4
/// readable bytes when `PERMUTE`.
#[allow(clippy::too_many_arguments)]
unsafe fn to_8bit<T: ToLevels>(
    name: &str,
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    channels: usize,
    scale: impl FnOnce() -> Result<LevelScale, vImage_Error>,
    dither: c_int,
    permute: Option<*const u8>,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(name, flags, 0, {
        let m = method(dither)?;
        let scale = scale()?;
        let permute = match permute {
            None => None,
            // SAFETY: forwarded contract.
            Some(p) => Some(unsafe { read_pixel::<u8, 4>(p)? }),
        };
        let px = PixelSize::Elements(channels);
        // SAFETY: forwarded contract.
        let (s, mut d) = unsafe { one_to_one::<T, u8>(src, px, dest, px)? };
        dither::to_8bit(&s.plane(), &mut d, channels, &scale, m, permute).map_err(status)?;
        Ok(kvImageNoError)
    })
}
/// Quantises Planar8 `src` to 1-bit levels (value v → level
/// v·1/255) with the `dither` method and packs them into `dest`,
/// leftmost pixel in the most significant bits, each row starting on a
/// byte; unused bits at the end of a row are written as 0. `tempBuffer` is
/// not used (may be NULL).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// unknown `dither` method or noise shape → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar8toPlanar1(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe {
        to_packed(
            "vImageConvert_Planar8toPlanar1",
            src,
            dest,
            Depth::One,
            dither,
            flags,
        )
    }
}

/// Unpacks 1-bit planar `src` (leftmost pixel in the most significant
/// bits; unused bits at a row's end ignored) to Planar8: level k → k·255.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar1toPlanar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        from_packed(
            "vImageConvert_Planar1toPlanar8",
            src,
            dest,
            Depth::One,
            None,
            flags,
        )
    }
}

/// Unpacks 1-bit indexed `src` to Planar8 through `colors`
/// (2 entries): each pixel becomes `colors[index]`.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// `colors` NULL → `kvImageNullPointerArgument`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `colors` is NULL or
/// points to 2 readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Indexed1toPlanar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    colors: *const Pixel_8,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        from_packed(
            "vImageConvert_Indexed1toPlanar8",
            src,
            dest,
            Depth::One,
            Some(colors),
            flags,
        )
    }
}

/// Converts Planar8 `src` to 1-bit indices into `colors` (2 grey
/// values), dithering between the two palette values around each pixel
/// with the `dither` method. A `colors` table of all zeros asks for a
/// computed palette: 2 values evenly spaced from the image's darkest
/// to its brightest pixel, written back into `colors`. Packing as
/// `vImageConvert_Planar8toPlanar1`. `tempBuffer` is not used.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// `colors` NULL → `kvImageNullPointerArgument`;
/// unknown `dither` method or noise shape → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `colors` is NULL or
/// points to 2 readable, writable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar8toIndexed1(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    colors: *mut Pixel_8,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe {
        to_indexed(
            "vImageConvert_Planar8toIndexed1",
            src,
            dest,
            Depth::One,
            colors,
            dither,
            flags,
        )
    }
}

/// Quantises Planar8 `src` to 2-bit levels (value v → level
/// v·3/255) with the `dither` method and packs them into `dest`,
/// leftmost pixel in the most significant bits, each row starting on a
/// byte; unused bits at the end of a row are written as 0. `tempBuffer` is
/// not used (may be NULL).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// unknown `dither` method or noise shape → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar8toPlanar2(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe {
        to_packed(
            "vImageConvert_Planar8toPlanar2",
            src,
            dest,
            Depth::Two,
            dither,
            flags,
        )
    }
}

/// Unpacks 2-bit planar `src` (leftmost pixel in the most significant
/// bits; unused bits at a row's end ignored) to Planar8: level k → k·85.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar2toPlanar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        from_packed(
            "vImageConvert_Planar2toPlanar8",
            src,
            dest,
            Depth::Two,
            None,
            flags,
        )
    }
}

/// Unpacks 2-bit indexed `src` to Planar8 through `colors`
/// (4 entries): each pixel becomes `colors[index]`.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// `colors` NULL → `kvImageNullPointerArgument`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `colors` is NULL or
/// points to 4 readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Indexed2toPlanar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    colors: *const Pixel_8,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        from_packed(
            "vImageConvert_Indexed2toPlanar8",
            src,
            dest,
            Depth::Two,
            Some(colors),
            flags,
        )
    }
}

/// Converts Planar8 `src` to 2-bit indices into `colors` (4 grey
/// values), dithering between the two palette values around each pixel
/// with the `dither` method. A `colors` table of all zeros asks for a
/// computed palette: 4 values evenly spaced from the image's darkest
/// to its brightest pixel, written back into `colors`. Packing as
/// `vImageConvert_Planar8toPlanar2`. `tempBuffer` is not used.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// `colors` NULL → `kvImageNullPointerArgument`;
/// unknown `dither` method or noise shape → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `colors` is NULL or
/// points to 4 readable, writable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar8toIndexed2(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    colors: *mut Pixel_8,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe {
        to_indexed(
            "vImageConvert_Planar8toIndexed2",
            src,
            dest,
            Depth::Two,
            colors,
            dither,
            flags,
        )
    }
}

/// Quantises Planar8 `src` to 4-bit levels (value v → level
/// v·15/255) with the `dither` method and packs them into `dest`,
/// leftmost pixel in the most significant bits, each row starting on a
/// byte; unused bits at the end of a row are written as 0. `tempBuffer` is
/// not used (may be NULL).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// unknown `dither` method or noise shape → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar8toPlanar4(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe {
        to_packed(
            "vImageConvert_Planar8toPlanar4",
            src,
            dest,
            Depth::Four,
            dither,
            flags,
        )
    }
}

/// Unpacks 4-bit planar `src` (leftmost pixel in the most significant
/// bits; unused bits at a row's end ignored) to Planar8: level k → k·17.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar4toPlanar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        from_packed(
            "vImageConvert_Planar4toPlanar8",
            src,
            dest,
            Depth::Four,
            None,
            flags,
        )
    }
}

/// Unpacks 4-bit indexed `src` to Planar8 through `colors`
/// (16 entries): each pixel becomes `colors[index]`.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// `colors` NULL → `kvImageNullPointerArgument`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `colors` is NULL or
/// points to 16 readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Indexed4toPlanar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    colors: *const Pixel_8,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        from_packed(
            "vImageConvert_Indexed4toPlanar8",
            src,
            dest,
            Depth::Four,
            Some(colors),
            flags,
        )
    }
}

/// Converts Planar8 `src` to 4-bit indices into `colors` (16 grey
/// values), dithering between the two palette values around each pixel
/// with the `dither` method. A `colors` table of all zeros asks for a
/// computed palette: 16 values evenly spaced from the image's darkest
/// to its brightest pixel, written back into `colors`. Packing as
/// `vImageConvert_Planar8toPlanar4`. `tempBuffer` is not used.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// `colors` NULL → `kvImageNullPointerArgument`;
/// unknown `dither` method or noise shape → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `colors` is NULL or
/// points to 16 readable, writable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar8toIndexed4(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    colors: *mut Pixel_8,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe {
        to_indexed(
            "vImageConvert_Planar8toIndexed4",
            src,
            dest,
            Depth::Four,
            colors,
            dither,
            flags,
        )
    }
}

/// Converts PlanarF `src` to Planar8: v = 255·(f − minFloat)/(maxFloat −
/// minFloat), clamped to 0…255 (NaN → 0), quantised with the `dither`
/// method (`kvImageConvert_DitherNone` = the non-dithered rounding).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// unknown `dither` method or noise shape → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_PlanarFtoPlanar8_dithered(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    maxFloat: Pixel_F,
    minFloat: Pixel_F,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        to_8bit::<f32>(
            "vImageConvert_PlanarFtoPlanar8_dithered",
            src,
            dest,
            1,
            || Ok(LevelScale::float(&[maxFloat], &[minFloat])),
            dither,
            None,
            flags,
        )
    }
}

/// Converts RGBFFF `src` to RGB888: per channel c, v = 255·(f − minFloat[c])
/// / (maxFloat[c] − minFloat[c]), clamped to 0…255 (NaN → 0), quantised
/// with the `dither` method (every channel; one ordered-noise value per
/// pixel).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// unknown `dither` method or noise shape → `kvImageInvalidParameter`;
/// `maxFloat`/`minFloat` NULL → `kvImageNullPointerArgument`; flags other than
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `maxFloat` and
/// `minFloat` are NULL or point to 3 readable floats.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_RGBFFFtoRGB888_dithered(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    maxFloat: *const Pixel_F,
    minFloat: *const Pixel_F,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        to_8bit::<f32>(
            "vImageConvert_RGBFFFtoRGB888_dithered",
            src,
            dest,
            3,
            range::<3>(maxFloat, minFloat),
            dither,
            None,
            flags,
        )
    }
}

/// Converts 4-channel float `src` to 8 bits: per channel c, v = 255·(f −
/// minFloat[c]) / (maxFloat[c] − minFloat[c]), clamped to 0…255 (NaN → 0),
/// quantised with the `dither` method (every channel; one ordered-noise
/// value per pixel); then `dest[i] = quantised[permuteMap[i]]` (an entry
/// above 3 → `kvImageInvalidParameter`, NULL → `kvImageNullPointerArgument`).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// unknown `dither` method or noise shape → `kvImageInvalidParameter`;
/// `maxFloat`/`minFloat` NULL → `kvImageNullPointerArgument`; flags other than
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `maxFloat` and
/// `minFloat` are NULL or point to 4 readable floats; `permuteMap` is NULL
/// or points to 4 readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGBFFFFtoARGB8888_dithered(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    maxFloat: *const Pixel_F,
    minFloat: *const Pixel_F,
    dither: c_int,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        to_8bit::<f32>(
            "vImageConvert_ARGBFFFFtoARGB8888_dithered",
            src,
            dest,
            4,
            range::<4>(maxFloat, minFloat),
            dither,
            Some(permuteMap),
            flags,
        )
    }
}

/// Converts Planar16U `src` to Planar8: v = 255·s/65535 quantised with the
/// `dither` method (`kvImageConvert_DitherNone` = (s·255 + 32767)/65535).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// unknown `dither` method or noise shape → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_Planar16UtoPlanar8_dithered(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        to_8bit::<u16>(
            "vImageConvert_Planar16UtoPlanar8_dithered",
            src,
            dest,
            1,
            || Ok(LevelScale::unsigned16()),
            dither,
            None,
            flags,
        )
    }
}

/// Converts RGB16U `src` to RGB888: v = 255·s/65535 per channel, quantised
/// with the `dither` method (every channel; one ordered-noise value per
/// pixel; `kvImageConvert_DitherNone` = (s·255 + 32767)/65535).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// unknown `dither` method or noise shape → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_RGB16UtoRGB888_dithered(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        to_8bit::<u16>(
            "vImageConvert_RGB16UtoRGB888_dithered",
            src,
            dest,
            3,
            || Ok(LevelScale::unsigned16()),
            dither,
            None,
            flags,
        )
    }
}

/// Converts 4-channel 16U `src` to 8 bits: v = 255·s/65535 per channel,
/// quantised with the `dither` method (every channel; one ordered-noise
/// value per pixel); then `dest[i] = quantised[permuteMap[i]]` (an entry
/// above 3 → `kvImageInvalidParameter`, NULL → `kvImageNullPointerArgument`).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// unknown `dither` method or noise shape → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `permuteMap` is
/// NULL or points to 4 readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB16UtoARGB8888_dithered(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    dither: c_int,
    permuteMap: *const u8,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        to_8bit::<u16>(
            "vImageConvert_ARGB16UtoARGB8888_dithered",
            src,
            dest,
            4,
            || Ok(LevelScale::unsigned16()),
            dither,
            Some(permuteMap),
            flags,
        )
    }
}

/// Reads per-channel `maxFloat`/`minFloat` arrays.
///
/// # Safety
/// Each pointer is NULL or points to `N` readable floats.
unsafe fn range<const N: usize>(
    max: *const Pixel_F,
    min: *const Pixel_F,
) -> impl FnOnce() -> Result<LevelScale, vImage_Error> {
    // SAFETY: forwarded contract.
    let read = unsafe { (read_pixel::<f32, N>(max), read_pixel::<f32, N>(min)) };
    move || Ok(LevelScale::float(&read.0?, &read.1?))
}

/// # Safety
/// `src`/`dest` NULL or valid `vImage_Buffer`s.
#[allow(clippy::too_many_arguments)]
unsafe fn to_packed16(
    name: &str,
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    channels: usize,
    colour: &[Field],
    alpha: Option<Field>,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(name, flags, 0, {
        let m = method(dither)?;
        // SAFETY: forwarded contract.
        let (s, mut d) = unsafe {
            one_to_one::<u8, u16>(
                src,
                PixelSize::Elements(channels),
                dest,
                PixelSize::Elements(1),
            )?
        };
        dither::to_packed16(&s.plane(), &mut d, channels, colour, alpha, m).map_err(status)?;
        Ok(kvImageNoError)
    })
}

/// Converts ARGB8888 (alpha dropped) `src` to RGB565 (R bits 15–11, G 10–5, B
/// 4–0) in host-endian 16-bit words. Colour channels are quantised with the
/// `dither` method (level = v·(2ᵇ − 1)/255; `kvImageConvert_DitherNone` matches
/// Apple's rounding formulas). `tempBuffer` is not used.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// unknown `dither` method or noise shape → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB8888toRGB565_dithered(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    let f = |channel, bits, shift| Field {
        channel,
        bits,
        shift,
    };
    // SAFETY: forwarded contract.
    unsafe {
        to_packed16(
            "vImageConvert_ARGB8888toRGB565_dithered",
            src,
            dest,
            4,
            &[f(1, 5, 11), f(2, 6, 5), f(3, 5, 0)],
            None,
            dither,
            flags,
        )
    }
}

/// Converts RGBA8888 (alpha dropped) `src` to RGB565 (R bits 15–11, G 10–5, B
/// 4–0) in host-endian 16-bit words. Colour channels are quantised with the
/// `dither` method (level = v·(2ᵇ − 1)/255; `kvImageConvert_DitherNone` matches
/// Apple's rounding formulas). `tempBuffer` is not used.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// unknown `dither` method or noise shape → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_RGBA8888toRGB565_dithered(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    let f = |channel, bits, shift| Field {
        channel,
        bits,
        shift,
    };
    // SAFETY: forwarded contract.
    unsafe {
        to_packed16(
            "vImageConvert_RGBA8888toRGB565_dithered",
            src,
            dest,
            4,
            &[f(0, 5, 11), f(1, 6, 5), f(2, 5, 0)],
            None,
            dither,
            flags,
        )
    }
}

/// Converts BGRA8888 (alpha dropped) `src` to RGB565 (R bits 15–11, G 10–5, B
/// 4–0) in host-endian 16-bit words. Colour channels are quantised with the
/// `dither` method (level = v·(2ᵇ − 1)/255; `kvImageConvert_DitherNone` matches
/// Apple's rounding formulas). `tempBuffer` is not used.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// unknown `dither` method or noise shape → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_BGRA8888toRGB565_dithered(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    let f = |channel, bits, shift| Field {
        channel,
        bits,
        shift,
    };
    // SAFETY: forwarded contract.
    unsafe {
        to_packed16(
            "vImageConvert_BGRA8888toRGB565_dithered",
            src,
            dest,
            4,
            &[f(2, 5, 11), f(1, 6, 5), f(0, 5, 0)],
            None,
            dither,
            flags,
        )
    }
}

/// Converts RGB888 `src` to RGB565 (R bits 15–11, G 10–5, B 4–0) in host-endian
/// 16-bit words. Colour channels are quantised with the `dither` method (level
/// = v·(2ᵇ − 1)/255; `kvImageConvert_DitherNone` matches Apple's rounding
/// formulas). `tempBuffer` is not used.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// unknown `dither` method or noise shape → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_RGB888toRGB565_dithered(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    let f = |channel, bits, shift| Field {
        channel,
        bits,
        shift,
    };
    // SAFETY: forwarded contract.
    unsafe {
        to_packed16(
            "vImageConvert_RGB888toRGB565_dithered",
            src,
            dest,
            3,
            &[f(0, 5, 11), f(1, 6, 5), f(2, 5, 0)],
            None,
            dither,
            flags,
        )
    }
}

/// Converts ARGB8888 `src` to ARGB1555 (A bit 15, R 14–10, G 9–5, B 4–0) in
/// host-endian 16-bit words. Colour channels are quantised with the `dither`
/// method (level = v·(2ᵇ − 1)/255; `kvImageConvert_DitherNone` matches Apple's
/// rounding formulas); the 1-bit alpha is rounded, never dithered (a ≥ 128 →
/// 1). `tempBuffer` is not used.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// unknown `dither` method or noise shape → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_ARGB8888toARGB1555_dithered(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    let f = |channel, bits, shift| Field {
        channel,
        bits,
        shift,
    };
    // SAFETY: forwarded contract.
    unsafe {
        to_packed16(
            "vImageConvert_ARGB8888toARGB1555_dithered",
            src,
            dest,
            4,
            &[f(1, 5, 10), f(2, 5, 5), f(3, 5, 0)],
            Some(f(0, 1, 15)),
            dither,
            flags,
        )
    }
}

/// Converts RGBA8888 `src` to RGBA5551 (R bits 15–11, G 10–6, B 5–1, A bit 0)
/// in host-endian 16-bit words. Colour channels are quantised with the `dither`
/// method (level = v·(2ᵇ − 1)/255; `kvImageConvert_DitherNone` matches Apple's
/// rounding formulas); the 1-bit alpha is rounded, never dithered (a ≥ 128 →
/// 1). `tempBuffer` is not used.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// unknown `dither` method or noise shape → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_RGBA8888toRGBA5551_dithered(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    dither: c_int,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    let f = |channel, bits, shift| Field {
        channel,
        bits,
        shift,
    };
    // SAFETY: forwarded contract.
    unsafe {
        to_packed16(
            "vImageConvert_RGBA8888toRGBA5551_dithered",
            src,
            dest,
            4,
            &[f(0, 5, 11), f(1, 5, 6), f(2, 5, 1)],
            Some(f(3, 1, 0)),
            dither,
            flags,
        )
    }
}
