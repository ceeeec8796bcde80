//! vImage convolution (vimage-ops.md §9) over `core::vimage::convolve`:
//! general kernels (with and without bias), box and tent, Planar8,
//! ARGB8888, PlanarF and ARGBFFFF.
//!
//! Every function needs exactly one edge mode (`kvImageCopyInPlace`,
//! `kvImageBackgroundColorFill`, `kvImageEdgeExtend`,
//! `kvImageTruncateKernel`); none or several → `kvImageInvalidEdgeStyle`.
//! The interleaved background colour may be NULL unless
//! `kvImageBackgroundColorFill` is the edge mode. `tempBuffer` is not used
//! and `kvImageGetTempBufferSize` answers 0.

// Apple's parameter names (`srcOffsetToROI_X`, `kernel_height`, …).
#![allow(non_snake_case, non_upper_case_globals)]

use std::ffi::c_void;

use super::buffer::{PixelSize, one_to_one, status};
use super::geometry::read_pixel;
use super::types::*;
use crate::core::vimage::convolve::{self, Edge, Kernel, Output, Params};

const EDGES: vImage_Flags =
    kvImageCopyInPlace | kvImageBackgroundColorFill | kvImageEdgeExtend | kvImageTruncateKernel;

/// The one edge mode in `flags`.
fn edge(flags: vImage_Flags) -> Result<Edge, vImage_Error> {
    match flags & EDGES {
        kvImageCopyInPlace => Ok(Edge::CopyInPlace),
        kvImageBackgroundColorFill => Ok(Edge::Background),
        kvImageEdgeExtend => Ok(Edge::Extend),
        kvImageTruncateKernel => Ok(Edge::Truncate),
        _ => Err(kvImageInvalidEdgeStyle),
    }
}

/// Where a convolution's kernel comes from.
enum KernelSource<W> {
    /// Caller's row-major weights.
    Given(*const W),
    Box,
    Tent,
}

/// Builds the kernel after checking its size, before reading any weight.
///
/// # Safety
/// A `Given` pointer is NULL or points to `height·width` readable weights.
unsafe fn kernel<W: Copy + Into<f64>>(
    source: KernelSource<W>,
    height: u32,
    width: u32,
) -> Result<Kernel, vImage_Error> {
    let (h, w) = (height as usize, width as usize);
    convolve::check_kernel_size(h, w).map_err(status)?;
    match source {
        KernelSource::Box => Kernel::boxed(h, w).map_err(status),
        KernelSource::Tent => Kernel::tent(h, w).map_err(status),
        KernelSource::Given(ptr) => {
            if ptr.is_null() {
                return Err(kvImageNullPointerArgument);
            }
            let n = h.checked_mul(w).ok_or(kvImageInvalidKernelSize)?;
            let mut weights = Vec::new();
            weights
                .try_reserve_exact(n)
                .map_err(|_| kvImageMemoryAllocationError)?;
            for i in 0..n {
                // SAFETY: `n` readable weights per the contract.
                weights.push(unsafe { ptr.add(i).read_unaligned() }.into());
            }
            Kernel::new(weights, h, w).map_err(status)
        }
    }
}

/// The arguments shared by every convolution export.
struct Call<W, T> {
    name: &'static str,
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    roi: (vImagePixelCount, vImagePixelCount),
    kernel: KernelSource<W>,
    size: (u32, u32),
    divisor: i32,
    bias: f64,
    /// Points to `N` samples (a planar background is passed by address).
    background: *const T,
    flags: vImage_Flags,
}

/// # Safety
/// The pointers of `call` satisfy the exports' contracts.
unsafe fn run<W: Copy + Into<f64>, T: Output + Default, const N: usize>(
    call: Call<W, T>,
) -> vImage_Error {
    let flags = call.flags;
    vimage_call!(call.name, flags, EDGES, {
        let edge = edge(flags)?;
        // Box and tent divide by their weights' sum; general kernels by
        // the caller's divisor.
        let given = matches!(call.kernel, KernelSource::Given(_));
        // SAFETY: forwarded contract.
        let k = unsafe { kernel(call.kernel, call.size.0, call.size.1)? };
        let divisor = if given {
            call.divisor as i64
        } else {
            k.total() as i64
        };
        let background = if call.background.is_null() && edge != Edge::Background {
            [T::default(); N]
        } else {
            // SAFETY: forwarded contract.
            unsafe { read_pixel::<T, N>(call.background)? }
        };
        let px = PixelSize::Elements(N);
        // SAFETY: forwarded contract.
        let (s, mut d) = unsafe { one_to_one::<T, T>(call.src, px, call.dest, px)? };
        let params = Params {
            kernel: &k,
            roi_x: usize::try_from(call.roi.0).map_err(|_| kvImageInvalidOffset_X)?,
            roi_y: usize::try_from(call.roi.1).map_err(|_| kvImageInvalidOffset_Y)?,
            divisor,
            bias: call.bias,
            edge,
            background: &background,
        };
        convolve::convolve(&s.plane(), &mut d, N, &params).map_err(status)?;
        Ok(kvImageNoError)
    })
}
/// Convolves `src` with the row-major `kernel_height × kernel_width`
/// `kernel`: clamp((Σ weight·pixel + divisor/2) / divisor, 0, 255)
/// with C integer division (divisor 0 → 1).
///
/// Destination pixel (x, y) is centred on source pixel
/// (x + `srcOffsetToROI_X`, y + `srcOffsetToROI_Y`).
///
/// Errors: NULL buffer or `kernel` → `kvImageNullPointerArgument`; even kernel
/// height or width → `kvImageInvalidKernelSize`; not exactly one edge mode →
/// `kvImageInvalidEdgeStyle`; `dest` larger than `src` →
/// `kvImageRoiLargerThanInputBuffer`; `srcOffsetToROI_X + dest.width >
/// src.width` → `kvImageInvalidOffset_X` (Y likewise); short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than the edge modes,
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `kernel` is
/// NULL or points to `kernel_height · kernel_width` readable weights.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvolve_Planar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    srcOffsetToROI_X: vImagePixelCount,
    srcOffsetToROI_Y: vImagePixelCount,
    kernel: *const i16,
    kernel_height: u32,
    kernel_width: u32,
    divisor: i32,
    backgroundColor: Pixel_8,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe {
        run::<i16, u8, 1>(Call {
            name: "vImageConvolve_Planar8",
            src,
            dest,
            roi: (srcOffsetToROI_X, srcOffsetToROI_Y),
            kernel: KernelSource::Given(kernel),
            size: (kernel_height, kernel_width),
            divisor,
            bias: 0.0,
            background: &backgroundColor,
            flags,
        })
    }
}

/// Convolves `src` with the row-major `kernel_height × kernel_width`
/// `kernel`: clamp((Σ weight·pixel + bias + divisor/2) / divisor, 0, 255)
/// with C integer division (divisor 0 → 1).
///
/// Destination pixel (x, y) is centred on source pixel
/// (x + `srcOffsetToROI_X`, y + `srcOffsetToROI_Y`).
///
/// Errors: NULL buffer or `kernel` → `kvImageNullPointerArgument`; even kernel
/// height or width → `kvImageInvalidKernelSize`; not exactly one edge mode →
/// `kvImageInvalidEdgeStyle`; `dest` larger than `src` →
/// `kvImageRoiLargerThanInputBuffer`; `srcOffsetToROI_X + dest.width >
/// src.width` → `kvImageInvalidOffset_X` (Y likewise); short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than the edge modes,
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `kernel` is
/// NULL or points to `kernel_height · kernel_width` readable weights.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvolveWithBias_Planar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    srcOffsetToROI_X: vImagePixelCount,
    srcOffsetToROI_Y: vImagePixelCount,
    kernel: *const i16,
    kernel_height: u32,
    kernel_width: u32,
    divisor: i32,
    bias: i32,
    backgroundColor: Pixel_8,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe {
        run::<i16, u8, 1>(Call {
            name: "vImageConvolveWithBias_Planar8",
            src,
            dest,
            roi: (srcOffsetToROI_X, srcOffsetToROI_Y),
            kernel: KernelSource::Given(kernel),
            size: (kernel_height, kernel_width),
            divisor,
            bias: bias as f64,
            background: &backgroundColor,
            flags,
        })
    }
}

/// Convolves each channel of `src` with the row-major `kernel_height ×
/// kernel_width` `kernel`: clamp((Σ weight·pixel + divisor/2) / divisor, 0,
/// 255) with C integer division (divisor 0 → 1).
///
/// Destination pixel (x, y) is centred on source pixel
/// (x + `srcOffsetToROI_X`, y + `srcOffsetToROI_Y`).
///
/// Errors: NULL buffer or `kernel` → `kvImageNullPointerArgument`; even kernel
/// height or width → `kvImageInvalidKernelSize`; not exactly one edge mode →
/// `kvImageInvalidEdgeStyle`; `dest` larger than `src` →
/// `kvImageRoiLargerThanInputBuffer`; `srcOffsetToROI_X + dest.width >
/// src.width` → `kvImageInvalidOffset_X` (Y likewise); short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than the edge modes,
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
/// `backgroundColor` NULL with `kvImageBackgroundColorFill` →
/// `kvImageNullPointerArgument`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `kernel` is
/// NULL or points to `kernel_height · kernel_width` readable weights;
/// `backgroundColor` is NULL or points to 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvolve_ARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    srcOffsetToROI_X: vImagePixelCount,
    srcOffsetToROI_Y: vImagePixelCount,
    kernel: *const i16,
    kernel_height: u32,
    kernel_width: u32,
    divisor: i32,
    backgroundColor: *const Pixel_8,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe {
        run::<i16, u8, 4>(Call {
            name: "vImageConvolve_ARGB8888",
            src,
            dest,
            roi: (srcOffsetToROI_X, srcOffsetToROI_Y),
            kernel: KernelSource::Given(kernel),
            size: (kernel_height, kernel_width),
            divisor,
            bias: 0.0,
            background: backgroundColor,
            flags,
        })
    }
}

/// Convolves each channel of `src` with the row-major `kernel_height ×
/// kernel_width` `kernel`: clamp((Σ weight·pixel + bias + divisor/2) / divisor,
/// 0, 255) with C integer division (divisor 0 → 1).
///
/// Destination pixel (x, y) is centred on source pixel
/// (x + `srcOffsetToROI_X`, y + `srcOffsetToROI_Y`).
///
/// Errors: NULL buffer or `kernel` → `kvImageNullPointerArgument`; even kernel
/// height or width → `kvImageInvalidKernelSize`; not exactly one edge mode →
/// `kvImageInvalidEdgeStyle`; `dest` larger than `src` →
/// `kvImageRoiLargerThanInputBuffer`; `srcOffsetToROI_X + dest.width >
/// src.width` → `kvImageInvalidOffset_X` (Y likewise); short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than the edge modes,
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
/// `backgroundColor` NULL with `kvImageBackgroundColorFill` →
/// `kvImageNullPointerArgument`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `kernel` is
/// NULL or points to `kernel_height · kernel_width` readable weights;
/// `backgroundColor` is NULL or points to 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvolveWithBias_ARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    srcOffsetToROI_X: vImagePixelCount,
    srcOffsetToROI_Y: vImagePixelCount,
    kernel: *const i16,
    kernel_height: u32,
    kernel_width: u32,
    divisor: i32,
    bias: i32,
    backgroundColor: *const Pixel_8,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe {
        run::<i16, u8, 4>(Call {
            name: "vImageConvolveWithBias_ARGB8888",
            src,
            dest,
            roi: (srcOffsetToROI_X, srcOffsetToROI_Y),
            kernel: KernelSource::Given(kernel),
            size: (kernel_height, kernel_width),
            divisor,
            bias: bias as f64,
            background: backgroundColor,
            flags,
        })
    }
}

/// Convolves `src` with the row-major `kernel_height × kernel_width`
/// `kernel`: Σ weight·pixel, no clamping.
///
/// Destination pixel (x, y) is centred on source pixel
/// (x + `srcOffsetToROI_X`, y + `srcOffsetToROI_Y`).
///
/// Errors: NULL buffer or `kernel` → `kvImageNullPointerArgument`; even kernel
/// height or width → `kvImageInvalidKernelSize`; not exactly one edge mode →
/// `kvImageInvalidEdgeStyle`; `dest` larger than `src` →
/// `kvImageRoiLargerThanInputBuffer`; `srcOffsetToROI_X + dest.width >
/// src.width` → `kvImageInvalidOffset_X` (Y likewise); short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than the edge modes,
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `kernel` is
/// NULL or points to `kernel_height · kernel_width` readable weights.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvolve_PlanarF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    srcOffsetToROI_X: vImagePixelCount,
    srcOffsetToROI_Y: vImagePixelCount,
    kernel: *const f32,
    kernel_height: u32,
    kernel_width: u32,
    backgroundColor: Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe {
        run::<f32, f32, 1>(Call {
            name: "vImageConvolve_PlanarF",
            src,
            dest,
            roi: (srcOffsetToROI_X, srcOffsetToROI_Y),
            kernel: KernelSource::Given(kernel),
            size: (kernel_height, kernel_width),
            divisor: 1,
            bias: 0.0,
            background: &backgroundColor,
            flags,
        })
    }
}

/// Convolves `src` with the row-major `kernel_height × kernel_width`
/// `kernel`: Σ weight·pixel + bias, no clamping.
///
/// Destination pixel (x, y) is centred on source pixel
/// (x + `srcOffsetToROI_X`, y + `srcOffsetToROI_Y`).
///
/// Errors: NULL buffer or `kernel` → `kvImageNullPointerArgument`; even kernel
/// height or width → `kvImageInvalidKernelSize`; not exactly one edge mode →
/// `kvImageInvalidEdgeStyle`; `dest` larger than `src` →
/// `kvImageRoiLargerThanInputBuffer`; `srcOffsetToROI_X + dest.width >
/// src.width` → `kvImageInvalidOffset_X` (Y likewise); short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than the edge modes,
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `kernel` is
/// NULL or points to `kernel_height · kernel_width` readable weights.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvolveWithBias_PlanarF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    srcOffsetToROI_X: vImagePixelCount,
    srcOffsetToROI_Y: vImagePixelCount,
    kernel: *const f32,
    kernel_height: u32,
    kernel_width: u32,
    bias: f32,
    backgroundColor: Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe {
        run::<f32, f32, 1>(Call {
            name: "vImageConvolveWithBias_PlanarF",
            src,
            dest,
            roi: (srcOffsetToROI_X, srcOffsetToROI_Y),
            kernel: KernelSource::Given(kernel),
            size: (kernel_height, kernel_width),
            divisor: 1,
            bias: bias as f64,
            background: &backgroundColor,
            flags,
        })
    }
}

/// Convolves each channel of `src` with the row-major `kernel_height ×
/// kernel_width` `kernel`: Σ weight·pixel, no clamping.
///
/// Destination pixel (x, y) is centred on source pixel
/// (x + `srcOffsetToROI_X`, y + `srcOffsetToROI_Y`).
///
/// Errors: NULL buffer or `kernel` → `kvImageNullPointerArgument`; even kernel
/// height or width → `kvImageInvalidKernelSize`; not exactly one edge mode →
/// `kvImageInvalidEdgeStyle`; `dest` larger than `src` →
/// `kvImageRoiLargerThanInputBuffer`; `srcOffsetToROI_X + dest.width >
/// src.width` → `kvImageInvalidOffset_X` (Y likewise); short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than the edge modes,
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
/// `backgroundColor` NULL with `kvImageBackgroundColorFill` →
/// `kvImageNullPointerArgument`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `kernel` is
/// NULL or points to `kernel_height · kernel_width` readable weights;
/// `backgroundColor` is NULL or points to 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvolve_ARGBFFFF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    srcOffsetToROI_X: vImagePixelCount,
    srcOffsetToROI_Y: vImagePixelCount,
    kernel: *const f32,
    kernel_height: u32,
    kernel_width: u32,
    backgroundColor: *const Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe {
        run::<f32, f32, 4>(Call {
            name: "vImageConvolve_ARGBFFFF",
            src,
            dest,
            roi: (srcOffsetToROI_X, srcOffsetToROI_Y),
            kernel: KernelSource::Given(kernel),
            size: (kernel_height, kernel_width),
            divisor: 1,
            bias: 0.0,
            background: backgroundColor,
            flags,
        })
    }
}

/// Convolves each channel of `src` with the row-major `kernel_height ×
/// kernel_width` `kernel`: Σ weight·pixel + bias, no clamping.
///
/// Destination pixel (x, y) is centred on source pixel
/// (x + `srcOffsetToROI_X`, y + `srcOffsetToROI_Y`).
///
/// Errors: NULL buffer or `kernel` → `kvImageNullPointerArgument`; even kernel
/// height or width → `kvImageInvalidKernelSize`; not exactly one edge mode →
/// `kvImageInvalidEdgeStyle`; `dest` larger than `src` →
/// `kvImageRoiLargerThanInputBuffer`; `srcOffsetToROI_X + dest.width >
/// src.width` → `kvImageInvalidOffset_X` (Y likewise); short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than the edge modes,
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
/// `backgroundColor` NULL with `kvImageBackgroundColorFill` →
/// `kvImageNullPointerArgument`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows; `kernel` is
/// NULL or points to `kernel_height · kernel_width` readable weights;
/// `backgroundColor` is NULL or points to 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvolveWithBias_ARGBFFFF(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    srcOffsetToROI_X: vImagePixelCount,
    srcOffsetToROI_Y: vImagePixelCount,
    kernel: *const f32,
    kernel_height: u32,
    kernel_width: u32,
    bias: f32,
    backgroundColor: *const Pixel_F,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe {
        run::<f32, f32, 4>(Call {
            name: "vImageConvolveWithBias_ARGBFFFF",
            src,
            dest,
            roi: (srcOffsetToROI_X, srcOffsetToROI_Y),
            kernel: KernelSource::Given(kernel),
            size: (kernel_height, kernel_width),
            divisor: 1,
            bias: bias as f64,
            background: backgroundColor,
            flags,
        })
    }
}

/// Replaces each pixel by the mean of the `kernel_height × kernel_width`
/// window: (Σ + area/2) / area.
///
/// Destination pixel (x, y) is centred on source pixel
/// (x + `srcOffsetToROI_X`, y + `srcOffsetToROI_Y`).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; even kernel
/// height or width → `kvImageInvalidKernelSize`; not exactly one edge mode →
/// `kvImageInvalidEdgeStyle`; `dest` larger than `src` →
/// `kvImageRoiLargerThanInputBuffer`; `srcOffsetToROI_X + dest.width >
/// src.width` → `kvImageInvalidOffset_X` (Y likewise); short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than the edge modes,
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageBoxConvolve_Planar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    srcOffsetToROI_X: vImagePixelCount,
    srcOffsetToROI_Y: vImagePixelCount,
    kernel_height: u32,
    kernel_width: u32,
    backgroundColor: Pixel_8,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe {
        run::<i16, u8, 1>(Call {
            name: "vImageBoxConvolve_Planar8",
            src,
            dest,
            roi: (srcOffsetToROI_X, srcOffsetToROI_Y),
            kernel: KernelSource::Box,
            size: (kernel_height, kernel_width),
            divisor: 0,
            bias: 0.0,
            background: &backgroundColor,
            flags,
        })
    }
}

/// Replaces each pixel by a tent-weighted mean: weights are the outer product
/// of {1, 2, …, m, …, 2, 1} in each direction, divided (rounding half up) by
/// their sum.
///
/// Destination pixel (x, y) is centred on source pixel
/// (x + `srcOffsetToROI_X`, y + `srcOffsetToROI_Y`).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; even kernel
/// height or width → `kvImageInvalidKernelSize`; not exactly one edge mode →
/// `kvImageInvalidEdgeStyle`; `dest` larger than `src` →
/// `kvImageRoiLargerThanInputBuffer`; `srcOffsetToROI_X + dest.width >
/// src.width` → `kvImageInvalidOffset_X` (Y likewise); short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than the edge modes,
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageTentConvolve_Planar8(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    srcOffsetToROI_X: vImagePixelCount,
    srcOffsetToROI_Y: vImagePixelCount,
    kernel_height: u32,
    kernel_width: u32,
    backgroundColor: Pixel_8,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe {
        run::<i16, u8, 1>(Call {
            name: "vImageTentConvolve_Planar8",
            src,
            dest,
            roi: (srcOffsetToROI_X, srcOffsetToROI_Y),
            kernel: KernelSource::Tent,
            size: (kernel_height, kernel_width),
            divisor: 0,
            bias: 0.0,
            background: &backgroundColor,
            flags,
        })
    }
}

/// Replaces each channel of each pixel by the mean of the `kernel_height ×
/// kernel_width` window: (Σ + area/2) / area.
///
/// Destination pixel (x, y) is centred on source pixel
/// (x + `srcOffsetToROI_X`, y + `srcOffsetToROI_Y`).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; even kernel
/// height or width → `kvImageInvalidKernelSize`; not exactly one edge mode →
/// `kvImageInvalidEdgeStyle`; `dest` larger than `src` →
/// `kvImageRoiLargerThanInputBuffer`; `srcOffsetToROI_X + dest.width >
/// src.width` → `kvImageInvalidOffset_X` (Y likewise); short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than the edge modes,
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
/// `backgroundColor` NULL with `kvImageBackgroundColorFill` →
/// `kvImageNullPointerArgument`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows;
/// `backgroundColor` is NULL or points to 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageBoxConvolve_ARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    srcOffsetToROI_X: vImagePixelCount,
    srcOffsetToROI_Y: vImagePixelCount,
    kernel_height: u32,
    kernel_width: u32,
    backgroundColor: *const Pixel_8,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe {
        run::<i16, u8, 4>(Call {
            name: "vImageBoxConvolve_ARGB8888",
            src,
            dest,
            roi: (srcOffsetToROI_X, srcOffsetToROI_Y),
            kernel: KernelSource::Box,
            size: (kernel_height, kernel_width),
            divisor: 0,
            bias: 0.0,
            background: backgroundColor,
            flags,
        })
    }
}

/// Replaces each channel of each pixel by a tent-weighted mean: weights are the
/// outer product of {1, 2, …, m, …, 2, 1} in each direction, divided (rounding
/// half up) by their sum.
///
/// Destination pixel (x, y) is centred on source pixel
/// (x + `srcOffsetToROI_X`, y + `srcOffsetToROI_Y`).
///
/// Errors: NULL buffer → `kvImageNullPointerArgument`; even kernel
/// height or width → `kvImageInvalidKernelSize`; not exactly one edge mode →
/// `kvImageInvalidEdgeStyle`; `dest` larger than `src` →
/// `kvImageRoiLargerThanInputBuffer`; `srcOffsetToROI_X + dest.width >
/// src.width` → `kvImageInvalidOffset_X` (Y likewise); short rowBytes →
/// `kvImageInvalidRowBytes`; flags other than the edge modes,
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize` (→ 0) → `kvImageUnknownFlagsBit`.
/// `backgroundColor` NULL with `kvImageBackgroundColorFill` →
/// `kvImageNullPointerArgument`.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (`src`) and writable (`dest`) for their rows;
/// `backgroundColor` is NULL or points to 4 readable values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageTentConvolve_ARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    srcOffsetToROI_X: vImagePixelCount,
    srcOffsetToROI_Y: vImagePixelCount,
    kernel_height: u32,
    kernel_width: u32,
    backgroundColor: *const Pixel_8,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    // SAFETY: forwarded contract.
    unsafe {
        run::<i16, u8, 4>(Call {
            name: "vImageTentConvolve_ARGB8888",
            src,
            dest,
            roi: (srcOffsetToROI_X, srcOffsetToROI_Y),
            kernel: KernelSource::Tent,
            size: (kernel_height, kernel_width),
            divisor: 0,
            bias: 0.0,
            background: backgroundColor,
            flags,
        })
    }
}
