//! Locking and the getters of CVPixelBuffer.h, plus
//! `CVPixelBufferFillExtendedPixels`.
//!
//! Every getter answers 0 / NULL / false for NULL or an object that is not a
//! pixel buffer. Plane getters answer only for planar buffers (0 / NULL for
//! chunky ones, as CVPixelBuffer.h specifies since macOS 10.11) and only for
//! plane indexes below `CVPixelBufferGetPlaneCount`.
#![allow(non_snake_case)]

use std::ffi::c_void;

use super::pixel_buffer::{CvPixelBuffer, PlaneInfo};
use super::status::cv_return;
use super::types::{
    CVPixelBufferLockFlags, CVPixelBufferRef, CVReturn, kCVReturnError, kCVReturnInvalidArgument,
    kCVReturnSuccess,
};
use crate::capi::core_foundation::types::{Boolean, OSType, to_boolean};
use crate::capi::handle;
use crate::core::buffer::{Error, LockKind};

/// Plane `index` of a planar buffer.
fn plane(buffer: &CvPixelBuffer, index: usize) -> Option<&PlaneInfo> {
    if buffer.planar {
        buffer.planes.get(index)
    } else {
        None
    }
}

/// Locks the pixel memory for CPU access: `lockFlags` 0 for read-write,
/// `kCVPixelBufferLock_ReadOnly` for reading. Locks nest and are counted
/// per kind; each needs an unlock with the same flags. Pixel memory never
/// moves, but base addresses are only promised to be valid while locked.
///
/// Errors: NULL or non-buffer, or flags other than 0 and
/// `kCVPixelBufferLock_ReadOnly` → `kCVReturnInvalidArgument`.
/// Thread safety: any thread may lock and unlock.
///
/// # Safety
/// `pixelBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferLockBaseAddress(
    pixelBuffer: CVPixelBufferRef,
    lockFlags: CVPixelBufferLockFlags,
) -> CVReturn {
    ffi_guard!(kCVReturnError, {
        let buffer = try_ref!(pixelBuffer, CvPixelBuffer, kCVReturnInvalidArgument);
        let result = LockKind::try_from(lockFlags).and_then(|kind| buffer.value.state().lock(kind));
        match result {
            Ok(()) => kCVReturnSuccess,
            Err(error) => cv_return(&Error::Lock(error)),
        }
    })
}

/// Releases one lock taken with the same `unlockFlags`.
///
/// Errors: NULL or non-buffer, flags other than 0 and
/// `kCVPixelBufferLock_ReadOnly`, or no outstanding lock of that kind (an
/// unlock without a lock, or a read-only lock released as read-write and
/// vice versa; Apple leaves this undefined) → `kCVReturnInvalidArgument`,
/// and the lock counts are unchanged.
///
/// # Safety
/// `pixelBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferUnlockBaseAddress(
    pixelBuffer: CVPixelBufferRef,
    unlockFlags: CVPixelBufferLockFlags,
) -> CVReturn {
    ffi_guard!(kCVReturnError, {
        let buffer = try_ref!(pixelBuffer, CvPixelBuffer, kCVReturnInvalidArgument);
        let result =
            LockKind::try_from(unlockFlags).and_then(|kind| buffer.value.state().unlock(kind));
        match result {
            Ok(()) => kCVReturnSuccess,
            Err(error) => cv_return(&Error::Lock(error)),
        }
    })
}

/// Width in pixels; 0 for NULL or a non-buffer.
///
/// # Safety
/// `pixelBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferGetWidth(pixelBuffer: CVPixelBufferRef) -> usize {
    ffi_guard!({ try_ref!(pixelBuffer, CvPixelBuffer).value.width })
}

/// Height in pixels; 0 for NULL or a non-buffer.
///
/// # Safety
/// `pixelBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferGetHeight(pixelBuffer: CVPixelBufferRef) -> usize {
    ffi_guard!({ try_ref!(pixelBuffer, CvPixelBuffer).value.height })
}

/// The pixel format (`kCVPixelFormatType_…`); 0 for NULL or a non-buffer.
///
/// # Safety
/// `pixelBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferGetPixelFormatType(pixelBuffer: CVPixelBufferRef) -> OSType {
    ffi_guard!({ try_ref!(pixelBuffer, CvPixelBuffer).value.pixel_format })
}

/// The base address: pixel (0, 0) of a chunky buffer (after any extended
/// pixels); for planar buffers the big-endian `CVPlanarPixelBufferInfo_*`
/// descriptor of the formats that have one (`y420`, `f420`, `420v`,
/// `420f`, `422v`, `422f`, `444v`, `444f`), else plane 0's base address;
/// for `CVPixelBufferCreateWithPlanarBytes` buffers the `dataPtr` given
/// (plane 0 when that was NULL). Valid only while the buffer is locked
/// (pixelport answers whether or not it is, but memory is only promised
/// while locked). NULL for NULL or a non-buffer.
///
/// # Safety
/// `pixelBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferGetBaseAddress(pixelBuffer: CVPixelBufferRef) -> *mut c_void {
    ffi_guard!({ try_ref!(pixelBuffer, CvPixelBuffer).value.base_address.0 })
}

/// Bytes per row: the stride of a chunky buffer; for a planar buffer
/// `ceil(Σ plane bytes-per-row × plane height ÷ height)` (1.5 × the luma
/// stride for `420v`), so that bytes-per-row × height spans the planes.
/// Use the per-plane getters for planar access. 0 for NULL or a non-buffer.
///
/// # Safety
/// `pixelBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferGetBytesPerRow(pixelBuffer: CVPixelBufferRef) -> usize {
    ffi_guard!({ try_ref!(pixelBuffer, CvPixelBuffer).value.bytes_per_row })
}

/// Bytes of pixel memory: for buffers pixelport allocated, from the start
/// of the allocation (descriptor included) to the end of the last plane;
/// `bytesPerRow × height` for `CreateWithBytes` buffers; the `dataSize`
/// given to `CreateWithPlanarBytes`. 0 for NULL or a non-buffer.
///
/// # Safety
/// `pixelBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferGetDataSize(pixelBuffer: CVPixelBufferRef) -> usize {
    ffi_guard!({ try_ref!(pixelBuffer, CvPixelBuffer).value.data_size })
}

/// Whether the buffer has more than one plane. False for NULL or a non-buffer.
///
/// # Safety
/// `pixelBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferIsPlanar(pixelBuffer: CVPixelBufferRef) -> Boolean {
    ffi_guard!({ to_boolean(try_ref!(pixelBuffer, CvPixelBuffer).value.planar) })
}

/// Number of planes of a planar buffer; 0 for chunky buffers, NULL and
/// non-buffers.
///
/// # Safety
/// `pixelBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferGetPlaneCount(pixelBuffer: CVPixelBufferRef) -> usize {
    ffi_guard!({
        let buffer = &try_ref!(pixelBuffer, CvPixelBuffer).value;
        if buffer.planar {
            buffer.planes.len()
        } else {
            0
        }
    })
}

/// Width of plane `planeIndex` in plane samples (an interleaved Cb/Cr pair
/// counts once; chroma rounds up for odd widths). 0 for chunky buffers,
/// out-of-range indexes, NULL and non-buffers.
///
/// # Safety
/// `pixelBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferGetWidthOfPlane(
    pixelBuffer: CVPixelBufferRef,
    planeIndex: usize,
) -> usize {
    ffi_guard!({
        plane(&try_ref!(pixelBuffer, CvPixelBuffer).value, planeIndex).map_or(0, |p| p.width)
    })
}

/// Height of plane `planeIndex` in rows. 0 for chunky buffers,
/// out-of-range indexes, NULL and non-buffers.
///
/// # Safety
/// `pixelBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferGetHeightOfPlane(
    pixelBuffer: CVPixelBufferRef,
    planeIndex: usize,
) -> usize {
    ffi_guard!({
        plane(&try_ref!(pixelBuffer, CvPixelBuffer).value, planeIndex).map_or(0, |p| p.height)
    })
}

/// The first image sample of plane `planeIndex` (after any extended
/// pixels). Valid only while the buffer is locked. NULL for chunky buffers,
/// out-of-range indexes, NULL and non-buffers.
///
/// # Safety
/// `pixelBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferGetBaseAddressOfPlane(
    pixelBuffer: CVPixelBufferRef,
    planeIndex: usize,
) -> *mut c_void {
    ffi_guard!({
        plane(&try_ref!(pixelBuffer, CvPixelBuffer).value, planeIndex)
            .map_or(std::ptr::null_mut(), |p| p.base.0)
    })
}

/// Stride of plane `planeIndex` in bytes. 0 for chunky buffers,
/// out-of-range indexes, NULL and non-buffers.
///
/// # Safety
/// `pixelBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferGetBytesPerRowOfPlane(
    pixelBuffer: CVPixelBufferRef,
    planeIndex: usize,
) -> usize {
    ffi_guard!({
        plane(&try_ref!(pixelBuffer, CvPixelBuffer).value, planeIndex)
            .map_or(0, |p| p.bytes_per_row)
    })
}

/// The padding around the image, in image pixels, as requested with the
/// `kCVPixelBufferExtendedPixels*Key` attributes (0 for buffers over
/// caller memory). Argument order is left, right, top, bottom (the
/// prototype's order); each pointer may be NULL. Nothing is written for
/// NULL or a non-buffer.
///
/// # Safety
/// `pixelBuffer` must be NULL or a live object; each out pointer NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferGetExtendedPixels(
    pixelBuffer: CVPixelBufferRef,
    extraColumnsOnLeft: *mut usize,
    extraColumnsOnRight: *mut usize,
    extraRowsOnTop: *mut usize,
    extraRowsOnBottom: *mut usize,
) {
    ffi_guard!({
        let e = try_ref!(pixelBuffer, CvPixelBuffer).value.extended;
        // SAFETY: each pointer is NULL (skipped) or writable.
        unsafe {
            handle::write_out(extraColumnsOnLeft, e.left);
            handle::write_out(extraColumnsOnRight, e.right);
            handle::write_out(extraRowsOnTop, e.top);
            handle::write_out(extraRowsOnBottom, e.bottom);
        }
    })
}

/// Fills the extended pixels of every plane by replicating the image's
/// edge *blocks* (the smallest addressable unit: one sample for most
/// formats, a 2-pixel group for `2vuy`/`yuvs`/`yuvf`/`v216`/`a2vy`) into the
/// left and right padding, then the first and last rows into the padding
/// above and below. Success (nothing to do) for buffers without extended
/// pixels, including every caller-memory buffer.
///
/// A format registered with a `kCVPixelFormatFillExtendedPixelsCallback`
/// is filled by that callback instead, called as
/// `fillCallBack(pixelBuffer, refCon)` on the calling thread, only when the
/// buffer has extended pixels, with no pixelport lock held (the callback
/// locks the base address itself if it needs the memory). The callback in
/// force when the buffer was created is the one called. It returning false
/// → `kCVReturnError`.
///
/// Errors: NULL or non-buffer → `kCVReturnInvalidArgument`; extended pixels
/// in a format whose description says it cannot be filled without a
/// callback (sub-byte indexed formats, `v210`, `btp2`) and that has none →
/// `kCVReturnUnsupported`, memory untouched.
/// Thread safety: concurrent built-in fills of one buffer are serialised
/// (callbacks are not); writing the pixels from another thread meanwhile is
/// a data race, as on Apple platforms.
///
/// # Safety
/// `pixelBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferFillExtendedPixels(
    pixelBuffer: CVPixelBufferRef,
) -> CVReturn {
    ffi_guard!(kCVReturnError, {
        let buffer = try_ref!(pixelBuffer, CvPixelBuffer, kCVReturnInvalidArgument);
        let result = match buffer.value.fill_callback() {
            // SAFETY: `pixelBuffer` is the live buffer the callback was
            // captured for; the caller's reference keeps it alive during
            // the call.
            Some(callback) => match unsafe { callback.call(pixelBuffer) } {
                true => Ok(()),
                false => Err(Error::FillCallbackFailed(buffer.value.pixel_format)),
            },
            None => buffer.value.fill_extended_pixels(),
        };
        match result {
            Ok(()) => kCVReturnSuccess,
            Err(error) => cv_return(&error),
        }
    })
}
