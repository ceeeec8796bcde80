//! vImage histograms and contrast (vimage-ops.md §8) over
//! `core::vimage::histogram`. Histogram arrays are written only on
//! success. The ARGB functions take `kvImageLeaveAlphaUnchanged`: channel 0
//! is then neither counted (its histogram array is not touched and may be
//! NULL) nor changed (copied to `dest`).

// Apple's parameter names (`histogram_entries`, `minVal`, …).
#![allow(non_snake_case)]

use std::ffi::{c_uint, c_void};

use super::buffer::{PixelSize, one_to_one, source, status};
use super::geometry::read_pixel;
use super::types::*;
use crate::core::vimage::histogram::{self, FloatOp};

/// Channel 0 when `kvImageLeaveAlphaUnchanged` is set.
fn leave(flags: vImage_Flags) -> Option<usize> {
    (flags & kvImageLeaveAlphaUnchanged != 0).then_some(0)
}

/// The `N` per-channel array pointers of an ARGB histogram argument, NULL
/// checked (channel `skip` may be NULL and is then not used).
///
/// # Safety
/// `arrays` is NULL or points to `N` readable pointers.
unsafe fn channel_arrays<P: Copy, const N: usize>(
    arrays: *const P,
    skip: Option<usize>,
    is_null: impl Fn(P) -> bool,
) -> Result<[P; N], vImage_Error> {
    if arrays.is_null() {
        return Err(kvImageNullPointerArgument);
    }
    // SAFETY: `N` readable pointers per the contract.
    let a: [P; N] = std::array::from_fn(|i| unsafe { arrays.add(i).read_unaligned() });
    if (0..N).any(|c| Some(c) != skip && is_null(a[c])) {
        return Err(kvImageNullPointerArgument);
    }
    Ok(a)
}

/// Writes `counts` to `out`.
///
/// # Safety
/// `out` points to `counts.len()` writable `vImagePixelCount`s.
unsafe fn write_counts(out: *mut vImagePixelCount, counts: &[u64]) {
    for (i, &n) in counts.iter().enumerate() {
        // SAFETY: in bounds per the contract; unaligned-tolerant.
        unsafe { out.add(i).write_unaligned(n as vImagePixelCount) };
    }
}

/// Reads `n` desired-histogram entries (`vImagePixelCount` is 64-bit on
/// LP64, the only ABI pixelport targets).
///
/// # Safety
/// `p` is NULL or points to `n` readable `vImagePixelCount`s.
#[allow(clippy::useless_conversion)] // c_ulong is u64 here, not everywhere
unsafe fn read_counts(p: *const vImagePixelCount, n: usize) -> Result<Vec<u64>, vImage_Error> {
    if p.is_null() {
        return Err(kvImageNullPointerArgument);
    }
    // SAFETY: `n` readable entries per the contract.
    Ok((0..n)
        .map(|i| u64::from(unsafe { p.add(i).read_unaligned() }))
        .collect())
}

/// Counts the 256 values of Planar8 `src` into `histogram[0..256]`.
///
/// Errors: NULL `src`, data or `histogram` → `kvImageNullPointerArgument`;
/// short rowBytes → `kvImageInvalidRowBytes`; flags other than
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` is NULL or points to a `vImage_Buffer` describing readable memory;
/// `histogram` is NULL or points to 256 writable `vImagePixelCount`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageHistogramCalculation_Planar8(
    src: *const vImage_Buffer,
    histogram: *mut vImagePixelCount,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageHistogramCalculation_Planar8", flags, 0, {
        if histogram.is_null() {
            return Err(kvImageNullPointerArgument);
        }
        // SAFETY: forwarded contract.
        let s = unsafe { source::<u8>(src, PixelSize::Elements(1))? };
        let h = histogram::histogram8(&s, 1);
        // SAFETY: 256 writable entries per the contract.
        unsafe { write_counts(histogram, &h[0]) };
        Ok(kvImageNoError)
    })
}

/// Counts each channel of 4-channel 8-bit `src` (memory order) into
/// `histogram[c][0..256]`. With `kvImageLeaveAlphaUnchanged` channel 0 is
/// skipped and `histogram[0]` may be NULL.
///
/// Errors: NULL `src`, data, `histogram` or a needed `histogram[c]` →
/// `kvImageNullPointerArgument`; short rowBytes → `kvImageInvalidRowBytes`;
/// flags other than `kvImageLeaveAlphaUnchanged`, `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` is NULL or points to a `vImage_Buffer` describing readable memory;
/// `histogram` is NULL or points to 4 pointers, each NULL or pointing to 256
/// writable `vImagePixelCount`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageHistogramCalculation_ARGB8888(
    src: *const vImage_Buffer,
    histogram: *mut *mut vImagePixelCount,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(
        "vImageHistogramCalculation_ARGB8888",
        flags,
        kvImageLeaveAlphaUnchanged,
        {
            let skip = leave(flags);
            // SAFETY: forwarded contract.
            let arrays = unsafe {
                channel_arrays::<_, 4>(histogram.cast_const(), skip, |p: *mut _| p.is_null())?
            };
            // SAFETY: forwarded contract.
            let s = unsafe { source::<u8>(src, PixelSize::Elements(4))? };
            let h = histogram::histogram8(&s, 4);
            for c in (0..4).filter(|&c| Some(c) != skip) {
                // SAFETY: 256 writable entries per the contract.
                unsafe { write_counts(arrays[c], &h[c]) };
            }
            Ok(kvImageNoError)
        }
    )
}

/// Counts PlanarF `src` into `histogram_entries` bins over
/// [`minVal`, `maxVal`]: bin = ⌊entries·(v − min)/(max − min)⌋ clipped to
/// [0, entries − 1] (NaN → bin 0).
///
/// Errors: NULL `src`, data or `histogram` → `kvImageNullPointerArgument`;
/// `histogram_entries` 0, `maxVal < minVal` or NaN bounds →
/// `kvImageInvalidParameter`; short rowBytes → `kvImageInvalidRowBytes`;
/// flags other than `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` is NULL or points to a `vImage_Buffer` describing readable memory;
/// `histogram` is NULL or points to `histogram_entries` writable entries.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageHistogramCalculation_PlanarF(
    src: *const vImage_Buffer,
    histogram: *mut vImagePixelCount,
    histogram_entries: c_uint,
    minVal: Pixel_F,
    maxVal: Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageHistogramCalculation_PlanarF", flags, 0, {
        if histogram.is_null() {
            return Err(kvImageNullPointerArgument);
        }
        // SAFETY: forwarded contract.
        let s = unsafe { source::<f32>(src, PixelSize::Elements(1))? };
        let h = histogram::histogram_f(&s, 1, histogram_entries as usize, minVal, maxVal)
            .map_err(status)?;
        // SAFETY: `histogram_entries` writable entries per the contract.
        unsafe { write_counts(histogram, &h[0]) };
        Ok(kvImageNoError)
    })
}

/// Counts each channel of 4-channel float `src` into `histogram[c]`
/// (`histogram_entries` bins each, binned as
/// `vImageHistogramCalculation_PlanarF`). `kvImageLeaveAlphaUnchanged` skips
/// channel 0 (`histogram[0]` may then be NULL).
///
/// Errors: as `vImageHistogramCalculation_PlanarF`, plus NULL needed
/// `histogram[c]` → `kvImageNullPointerArgument`; `kvImageLeaveAlphaUnchanged`
/// is accepted.
///
/// # Safety
/// `src` is NULL or points to a `vImage_Buffer` describing readable memory;
/// `histogram` is NULL or points to 4 pointers, each NULL or pointing to
/// `histogram_entries` writable entries.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageHistogramCalculation_ARGBFFFF(
    src: *const vImage_Buffer,
    histogram: *mut *mut vImagePixelCount,
    histogram_entries: c_uint,
    minVal: Pixel_F,
    maxVal: Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(
        "vImageHistogramCalculation_ARGBFFFF",
        flags,
        kvImageLeaveAlphaUnchanged,
        {
            let skip = leave(flags);
            // SAFETY: forwarded contract.
            let arrays = unsafe {
                channel_arrays::<_, 4>(histogram.cast_const(), skip, |p: *mut _| p.is_null())?
            };
            // SAFETY: forwarded contract.
            let s = unsafe { source::<f32>(src, PixelSize::Elements(4))? };
            let h = histogram::histogram_f(&s, 4, histogram_entries as usize, minVal, maxVal)
                .map_err(status)?;
            for c in (0..4).filter(|&c| Some(c) != skip) {
                // SAFETY: `histogram_entries` writable entries per the contract.
                unsafe { write_counts(arrays[c], &h[c]) };
            }
            Ok(kvImageNoError)
        }
    )
}

/// The 8-bit lookup-table operations, with their arguments read from C.
enum Lut8 {
    Equalize,
    Stretch,
    EndsIn(Vec<u32>, Vec<u32>),
    /// One desired histogram (256 entries) per channel.
    Specify(Vec<Vec<u64>>),
}

/// # Safety
/// `src`/`dest` NULL or valid `vImage_Buffer`s.
unsafe fn lut8(
    name: &str,
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    channels: usize,
    flags: vImage_Flags,
    op: impl FnOnce(Option<usize>) -> Result<Lut8, vImage_Error>,
) -> vImage_Error {
    let accepted = if channels == 4 {
        kvImageLeaveAlphaUnchanged
    } else {
        0
    };
    vimage_call!(name, flags, accepted, {
        let skip = leave(flags).filter(|_| channels == 4);
        let op = op(skip)?;
        let px = PixelSize::Elements(channels);
        // SAFETY: forwarded contract.
        let (s, mut d) = unsafe { one_to_one::<u8, u8>(src, px, dest, px)? };
        let s = s.plane();
        match &op {
            Lut8::Equalize => histogram::equalize8(&s, &mut d, channels, skip),
            Lut8::Stretch => histogram::stretch8(&s, &mut d, channels, skip),
            Lut8::EndsIn(lo, hi) => histogram::ends_in_stretch8(&s, &mut d, channels, lo, hi, skip),
            Lut8::Specify(h) => {
                let refs: Vec<&[u64]> = h.iter().map(Vec::as_slice).collect();
                histogram::specify8(&s, &mut d, channels, &refs, skip)
            }
        }
        .map_err(status)?;
        Ok(kvImageNoError)
    })
}
/// Histogram equalization: value i →
/// (255·cdf(i) + total/2)/total, cdf counting pixels ≤ i.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. In place allowed.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageEqualization_Planar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        lut8("vImageEqualization_Planar8", src, dest, 1, flags, |_| {
            Ok(Lut8::Equalize)
        })
    }
}

/// Contrast stretch: the darkest value → 0, the brightest →
/// 255, linear (rounded to nearest) between; a flat image is left unchanged.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. In place allowed.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageContrastStretch_Planar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        lut8("vImageContrastStretch_Planar8", src, dest, 1, flags, |_| {
            Ok(Lut8::Stretch)
        })
    }
}

/// Histogram equalization of each channel: value i →
/// (255·cdf(i) + total/2)/total, cdf counting pixels ≤ i.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`; flags
/// other than `kvImageLeaveAlphaUnchanged` (channel 0 copied),
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`. In place
/// allowed.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageEqualization_ARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        lut8("vImageEqualization_ARGB8888", src, dest, 4, flags, |_| {
            Ok(Lut8::Equalize)
        })
    }
}

/// Contrast stretch of each channel: the darkest value → 0, the brightest →
/// 255, linear (rounded to nearest) between; a flat channel is left unchanged.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`; flags
/// other than `kvImageLeaveAlphaUnchanged` (channel 0 copied),
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`. In place
/// allowed.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageContrastStretch_ARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        lut8(
            "vImageContrastStretch_ARGB8888",
            src,
            dest,
            4,
            flags,
            |_| Ok(Lut8::Stretch),
        )
    }
}

/// Ends-in contrast stretch: values up to the one past the darkest
/// `percent_low` % of pixels → 0, from the one before the brightest
/// `percent_high` % → 255, linear (rounded to nearest) between.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// `percent_low + percent_high > 100` → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. In place allowed.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageEndsInContrastStretch_Planar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    percent_low: c_uint,
    percent_high: c_uint,
    flags: vImage_Flags,
) -> vImage_Error {
    // SAFETY: forwarded contract.
    unsafe {
        lut8(
            "vImageEndsInContrastStretch_Planar8",
            src,
            dest,
            1,
            flags,
            |_| Ok(Lut8::EndsIn(vec![percent_low], vec![percent_high])),
        )
    }
}

/// Ends-in contrast stretch of each channel c with `percent_low[c]` and
/// `percent_high[c]` (see `vImageEndsInContrastStretch_Planar8`).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`; NULL
/// `percent_low`/`percent_high` → `kvImageNullPointerArgument`; a channel with
/// `percent_low + percent_high > 100` → `kvImageInvalidParameter`; flags other
/// than `kvImageLeaveAlphaUnchanged` (channel 0 copied), `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. In place allowed.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `percent_low` and
/// `percent_high` are NULL or point to 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageEndsInContrastStretch_ARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    percent_low: *const c_uint,
    percent_high: *const c_uint,
    flags: vImage_Flags,
) -> vImage_Error {
    let op = |_: Option<usize>| {
        // SAFETY: 4 readable values each per the contract.
        let (lo, hi) = unsafe {
            (
                read_pixel::<u32, 4>(percent_low)?,
                read_pixel::<u32, 4>(percent_high)?,
            )
        };
        Ok(Lut8::EndsIn(lo.to_vec(), hi.to_vec()))
    };
    // SAFETY: forwarded contract.
    unsafe {
        lut8(
            "vImageEndsInContrastStretch_ARGB8888",
            src,
            dest,
            4,
            flags,
            op,
        )
    }
}

/// Histogram specification: remaps `src` so its histogram approximates
/// `desired_histogram` (256 entries): value i → the smallest j whose desired
/// cumulative fraction reaches the source's cumulative fraction at i.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`;
/// NULL `desired_histogram` → `kvImageNullPointerArgument`; an all-zero
/// desired histogram → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. In place allowed.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `desired_histogram`
/// is NULL or points to 256 readable entries.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageHistogramSpecification_Planar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    desired_histogram: *const vImagePixelCount,
    flags: vImage_Flags,
) -> vImage_Error {
    let op = |_: Option<usize>| {
        // SAFETY: 256 readable entries per the contract.
        Ok(Lut8::Specify(vec![unsafe {
            read_counts(desired_histogram, 256)?
        }]))
    };
    // SAFETY: forwarded contract.
    unsafe {
        lut8(
            "vImageHistogramSpecification_Planar8",
            src,
            dest,
            1,
            flags,
            op,
        )
    }
}

/// Histogram specification of each channel c toward
/// `desired_histogram[c]` (256 entries; see
/// `vImageHistogramSpecification_Planar8`).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; short rowBytes →
/// `kvImageInvalidRowBytes`; sizes differ → `kvImageBufferSizeMismatch`; NULL
/// `desired_histogram` or a needed `desired_histogram[c]` →
/// `kvImageNullPointerArgument` (`[0]` may be NULL with
/// `kvImageLeaveAlphaUnchanged`); an all-zero desired histogram →
/// `kvImageInvalidParameter`; flags other than `kvImageLeaveAlphaUnchanged`
/// (channel 0 copied), `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`. In place
/// allowed.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `desired_histogram`
/// is NULL or points to 4 pointers, each NULL or pointing to 256 readable
/// entries.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageHistogramSpecification_ARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    desired_histogram: *const *const vImagePixelCount,
    flags: vImage_Flags,
) -> vImage_Error {
    let op = |skip: Option<usize>| {
        // SAFETY: 4 readable pointers per the contract.
        let arrays =
            unsafe { channel_arrays::<_, 4>(desired_histogram, skip, |p: *const _| p.is_null())? };
        let mut h = Vec::with_capacity(4);
        for (c, &p) in arrays.iter().enumerate() {
            h.push(if Some(c) == skip {
                vec![1; 256]
            } else {
                // SAFETY: 256 readable entries per the contract.
                unsafe { read_counts(p, 256)? }
            });
        }
        Ok(Lut8::Specify(h))
    };
    // SAFETY: forwarded contract.
    unsafe {
        lut8(
            "vImageHistogramSpecification_ARGB8888",
            src,
            dest,
            4,
            flags,
            op,
        )
    }
}

/// The float histogram operations, with their arguments read from C.
enum FloatArgs {
    Equalize,
    Stretch,
    EndsIn(Vec<u32>, Vec<u32>),
    Specify(Vec<Vec<u64>>),
}

/// # Safety
/// `src`/`dest` NULL or valid `vImage_Buffer`s.
#[allow(clippy::too_many_arguments)]
unsafe fn float_op(
    name: &str,
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    channels: usize,
    entries: c_uint,
    min: Pixel_F,
    max: Pixel_F,
    flags: vImage_Flags,
    args: impl FnOnce(Option<usize>) -> Result<FloatArgs, vImage_Error>,
) -> vImage_Error {
    let accepted = if channels == 4 {
        kvImageLeaveAlphaUnchanged
    } else {
        0
    };
    vimage_call!(name, flags, accepted, {
        let skip = leave(flags).filter(|_| channels == 4);
        let args = args(skip)?;
        let px = PixelSize::Elements(channels);
        // SAFETY: forwarded contract.
        let (s, mut d) = unsafe { one_to_one::<f32, f32>(src, px, dest, px)? };
        let refs: Vec<&[u64]>;
        let op = match &args {
            FloatArgs::Equalize => FloatOp::Equalize,
            FloatArgs::Stretch => FloatOp::Stretch,
            FloatArgs::EndsIn(lo, hi) => FloatOp::EndsIn(lo, hi),
            FloatArgs::Specify(h) => {
                refs = h.iter().map(Vec::as_slice).collect();
                FloatOp::Specify(&refs)
            }
        };
        let entries = entries as usize;
        histogram::lut_f(&s.plane(), &mut d, channels, entries, min, max, skip, op)
            .map_err(status)?;
        Ok(kvImageNoError)
    })
}
/// Histogram equalization: a value in bin i becomes minVal + (maxVal −
/// minVal)·cdf(i)/total (cdf counting bins ≤ i). Bins: ⌊entries·(v −
/// minVal)/(maxVal − minVal)⌋ clipped to [0, entries − 1]; bin k stands for
/// minVal + k·(maxVal − minVal)/(entries − 1).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; `histogram_entries`
/// 0, `maxVal < minVal` or NaN bounds → `kvImageInvalidParameter`; short
/// rowBytes → `kvImageInvalidRowBytes`; sizes differ →
/// `kvImageBufferSizeMismatch`;
/// flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. `tempBuffer` is not used. In place allowed.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageEqualization_PlanarF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    histogram_entries: c_uint,
    minVal: Pixel_F,
    maxVal: Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    let args = |_| Ok(FloatArgs::Equalize);
    // SAFETY: forwarded contract.
    unsafe {
        float_op(
            "vImageEqualization_PlanarF",
            src,
            dest,
            1,
            histogram_entries,
            minVal,
            maxVal,
            flags,
            args,
        )
    }
}

/// Contrast stretch: (v − lo)·(maxVal − minVal)/(hi − lo) + minVal
/// with lo/hi the darkest and brightest values (NaN ignored); a flat
/// channel is copied. `histogram_entries` is only validated.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; `histogram_entries`
/// 0, `maxVal < minVal` or NaN bounds → `kvImageInvalidParameter`; short
/// rowBytes → `kvImageInvalidRowBytes`; sizes differ →
/// `kvImageBufferSizeMismatch`;
/// flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. `tempBuffer` is not used. In place allowed.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageContrastStretch_PlanarF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    histogram_entries: c_uint,
    minVal: Pixel_F,
    maxVal: Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    let args = |_| Ok(FloatArgs::Stretch);
    // SAFETY: forwarded contract.
    unsafe {
        float_op(
            "vImageContrastStretch_PlanarF",
            src,
            dest,
            1,
            histogram_entries,
            minVal,
            maxVal,
            flags,
            args,
        )
    }
}

/// Histogram equalization of each channel: a value in bin i becomes minVal +
/// (maxVal − minVal)·cdf(i)/total (cdf counting bins ≤ i). Bins: ⌊entries·(v −
/// minVal)/(maxVal − minVal)⌋ clipped to [0, entries − 1]; bin k stands for
/// minVal + k·(maxVal − minVal)/(entries − 1).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; `histogram_entries`
/// 0, `maxVal < minVal` or NaN bounds → `kvImageInvalidParameter`; short
/// rowBytes → `kvImageInvalidRowBytes`; sizes differ →
/// `kvImageBufferSizeMismatch`;
/// flags other than `kvImageLeaveAlphaUnchanged` (channel 0 copied),
/// `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. `tempBuffer` is not used. In place allowed.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageEqualization_ARGBFFFF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    histogram_entries: c_uint,
    minVal: Pixel_F,
    maxVal: Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    let args = |_| Ok(FloatArgs::Equalize);
    // SAFETY: forwarded contract.
    unsafe {
        float_op(
            "vImageEqualization_ARGBFFFF",
            src,
            dest,
            4,
            histogram_entries,
            minVal,
            maxVal,
            flags,
            args,
        )
    }
}

/// Contrast stretch of each channel: (v − lo)·(maxVal − minVal)/(hi − lo) +
/// minVal with lo/hi the darkest and brightest values (NaN ignored); a flat
/// channel is copied. `histogram_entries` is only validated.
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; `histogram_entries`
/// 0, `maxVal < minVal` or NaN bounds → `kvImageInvalidParameter`; short
/// rowBytes → `kvImageInvalidRowBytes`; sizes differ →
/// `kvImageBufferSizeMismatch`;
/// flags other than `kvImageLeaveAlphaUnchanged` (channel 0 copied),
/// `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. `tempBuffer` is not used. In place allowed.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageContrastStretch_ARGBFFFF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    histogram_entries: c_uint,
    minVal: Pixel_F,
    maxVal: Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    let args = |_| Ok(FloatArgs::Stretch);
    // SAFETY: forwarded contract.
    unsafe {
        float_op(
            "vImageContrastStretch_ARGBFFFF",
            src,
            dest,
            4,
            histogram_entries,
            minVal,
            maxVal,
            flags,
            args,
        )
    }
}

/// Ends-in contrast stretch on the bins: bins up to the one past the darkest
/// `percent_low` % of pixels → minVal, from the one before the brightest
/// `percent_high` % → maxVal, linear between; when the two bounds coincide the
/// image is copied. Bins: ⌊entries·(v − minVal)/(maxVal − minVal)⌋ clipped to
/// [0, entries − 1]; bin k stands for minVal + k·(maxVal − minVal)/(entries −
/// 1).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; `histogram_entries`
/// 0, `maxVal < minVal` or NaN bounds → `kvImageInvalidParameter`; short
/// rowBytes → `kvImageInvalidRowBytes`; sizes differ →
/// `kvImageBufferSizeMismatch`;
/// `percent_low + percent_high > 100` → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. `tempBuffer` is not used. In place allowed.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageEndsInContrastStretch_PlanarF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    percent_low: c_uint,
    percent_high: c_uint,
    histogram_entries: c_uint,
    minVal: Pixel_F,
    maxVal: Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    let args = |_| Ok(FloatArgs::EndsIn(vec![percent_low], vec![percent_high]));
    // SAFETY: forwarded contract.
    unsafe {
        float_op(
            "vImageEndsInContrastStretch_PlanarF",
            src,
            dest,
            1,
            histogram_entries,
            minVal,
            maxVal,
            flags,
            args,
        )
    }
}

/// Ends-in contrast stretch of each channel c with `percent_low[c]` and
/// `percent_high[c]` (see `vImageEndsInContrastStretch_PlanarF`).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; `histogram_entries`
/// 0, `maxVal < minVal` or NaN bounds → `kvImageInvalidParameter`; short
/// rowBytes → `kvImageInvalidRowBytes`; sizes differ →
/// `kvImageBufferSizeMismatch`;
/// NULL `percent_low`/`percent_high` → `kvImageNullPointerArgument`; a
/// channel with `percent_low + percent_high > 100` → `kvImageInvalidParameter`;
/// flags other than `kvImageLeaveAlphaUnchanged` (channel 0 copied),
/// `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. `tempBuffer` is not used. In place allowed.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `percent_low` and
/// `percent_high` are NULL or point to 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageEndsInContrastStretch_ARGBFFFF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    percent_low: *const c_uint,
    percent_high: *const c_uint,
    histogram_entries: c_uint,
    minVal: Pixel_F,
    maxVal: Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    let args = |_: Option<usize>| {
        // SAFETY: 4 readable values each per the contract.
        let (lo, hi) = unsafe {
            (
                read_pixel::<u32, 4>(percent_low)?,
                read_pixel::<u32, 4>(percent_high)?,
            )
        };
        Ok(FloatArgs::EndsIn(lo.to_vec(), hi.to_vec()))
    };
    // SAFETY: forwarded contract.
    unsafe {
        float_op(
            "vImageEndsInContrastStretch_ARGBFFFF",
            src,
            dest,
            4,
            histogram_entries,
            minVal,
            maxVal,
            flags,
            args,
        )
    }
}

/// Histogram specification of PlanarF data, as Apple documents it: a table per
/// source bin — bin i → the smallest bin j whose desired cumulative fraction
/// reaches the source's cumulative fraction at i (the float analogue of
/// `vImageHistogramSpecification_Planar8`). Bins: ⌊entries·(v − minVal)/(maxVal
/// − minVal)⌋ clipped to [0, entries − 1]; bin k stands for minVal + k·(maxVal
/// − minVal)/(entries − 1).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; `histogram_entries`
/// 0, `maxVal < minVal` or NaN bounds → `kvImageInvalidParameter`; short
/// rowBytes → `kvImageInvalidRowBytes`; sizes differ →
/// `kvImageBufferSizeMismatch`;
/// NULL `desired_histogram` → `kvImageNullPointerArgument`; an all-zero
/// desired histogram → `kvImageInvalidParameter`;
/// flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. `tempBuffer` is not used. In place allowed.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `desired_histogram`
/// is NULL or points to `histogram_entries` readable entries.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageHistogramSpecification_PlanarF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    desired_histogram: *const vImagePixelCount,
    histogram_entries: c_uint,
    minVal: Pixel_F,
    maxVal: Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    let args = |_: Option<usize>| {
        // SAFETY: `histogram_entries` readable entries per the contract.
        let h = unsafe { read_counts(desired_histogram, histogram_entries as usize)? };
        Ok(FloatArgs::Specify(vec![h]))
    };
    // SAFETY: forwarded contract.
    unsafe {
        float_op(
            "vImageHistogramSpecification_PlanarF",
            src,
            dest,
            1,
            histogram_entries,
            minVal,
            maxVal,
            flags,
            args,
        )
    }
}

/// Histogram specification of each channel c toward `desired_histogram[c]`
/// (`histogram_entries` entries; see `vImageHistogramSpecification_PlanarF`).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; `histogram_entries`
/// 0, `maxVal < minVal` or NaN bounds → `kvImageInvalidParameter`; short
/// rowBytes → `kvImageInvalidRowBytes`; sizes differ →
/// `kvImageBufferSizeMismatch`;
/// NULL `desired_histogram` or a needed `desired_histogram[c]` →
/// `kvImageNullPointerArgument` (`[0]` may be NULL with
/// `kvImageLeaveAlphaUnchanged`); an all-zero desired histogram →
/// `kvImageInvalidParameter`;
/// flags other than `kvImageLeaveAlphaUnchanged` (channel 0 copied),
/// `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize` (→ 0) →
/// `kvImageUnknownFlagsBit`. `tempBuffer` is not used. In place allowed.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `desired_histogram`
/// is NULL or points to 4 pointers, each NULL or pointing to
/// `histogram_entries` readable entries.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageHistogramSpecification_ARGBFFFF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    desired_histogram: *const *const vImagePixelCount,
    histogram_entries: c_uint,
    minVal: Pixel_F,
    maxVal: Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    let args = |skip: Option<usize>| {
        // SAFETY: 4 readable pointers per the contract.
        let arrays =
            unsafe { channel_arrays::<_, 4>(desired_histogram, skip, |p: *const _| p.is_null())? };
        let n = histogram_entries as usize;
        let mut h = Vec::with_capacity(4);
        for (c, &p) in arrays.iter().enumerate() {
            h.push(if Some(c) == skip {
                vec![1; n]
            } else {
                // SAFETY: `histogram_entries` readable entries per the contract.
                unsafe { read_counts(p, n)? }
            });
        }
        Ok(FloatArgs::Specify(h))
    };
    // SAFETY: forwarded contract.
    unsafe {
        float_op(
            "vImageHistogramSpecification_ARGBFFFF",
            src,
            dest,
            4,
            histogram_entries,
            minVal,
            maxVal,
            flags,
            args,
        )
    }
}
