//! CVBuffer.h (corevideo.md §4.1): retain/release and attachments. The
//! only CVBuffer type is the pixel buffer; the store and its invariants are
//! in `attachments`.
//!
//! Common rules: NULL or a non-buffer `buffer` makes every function a
//! no-op returning NULL / false. Keys must be CFStrings and are compared
//! with `CFEqual` (a `CFSTR` literal finds an entry set with the exported
//! constant). A mode other than `kCVAttachmentMode_ShouldNotPropagate` (0)
//! and `kCVAttachmentMode_ShouldPropagate` (1) is invalid: setters ignore
//! the call, getters return NULL. Every function may be called from any
//! thread; the +0 results of the Get functions are the hazard noted on each.
#![allow(non_snake_case)]

use super::pixel_buffer::CvPixelBuffer;
use super::types::{CVAttachmentMode, CVBufferRef};
use crate::capi::core_foundation::types::{
    Boolean, CFDictionaryRef, CFStringRef, CFTypeRef, CfRef, to_boolean,
};
use crate::capi::handle;
use crate::core::buffer::AttachmentMode;

/// Retains `buffer` (any CF object, like CFRetain) and returns it. NULL
/// returns NULL.
///
/// # Safety
/// `buffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVBufferRetain(buffer: CVBufferRef) -> CVBufferRef {
    ffi_guard!(CVBufferRef::null(), {
        // SAFETY: per this function's contract.
        unsafe { handle::retain(buffer.as_type()) };
        buffer
    })
}

/// Releases `buffer`, destroying it at the last release. NULL is a no-op.
///
/// # Safety
/// `buffer` must be NULL or a live object the caller owns a reference to.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVBufferRelease(buffer: CVBufferRef) {
    // SAFETY: per this function's contract.
    ffi_guard!({ unsafe { handle::release(buffer.as_type()) } })
}

/// Attaches `value` (retained) under `key` in `attachmentMode`, replacing
/// (and releasing) a previous value. A key lives in one mode at a time:
/// setting it in the other mode moves it.
///
/// Deviation: a NULL or non-string `key`, a NULL `value` or an invalid mode
/// is ignored (Apple leaves them undefined).
///
/// # Safety
/// `buffer`, `key` and `value` must be NULL or live objects.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVBufferSetAttachment(
    buffer: CVBufferRef,
    key: CFStringRef,
    value: CFTypeRef,
    attachmentMode: CVAttachmentMode,
) {
    ffi_guard!({
        let buffer = try_ref!(buffer, CvPixelBuffer);
        let Ok(mode) = AttachmentMode::try_from(attachmentMode) else {
            return;
        };
        // SAFETY: per this function's contract.
        unsafe { buffer.value.attachments.set(key.as_type(), value, mode) }
    })
}

/// The value attached under `key` (+0), or NULL. When found and
/// `attachmentMode` is not NULL, the key's mode is stored there (left
/// untouched when not found). Deprecated by Apple in favour of
/// `CVBufferCopyAttachment`: the +0 value may be released by a concurrent
/// Set or Remove on another thread.
///
/// # Safety
/// `buffer` and `key` must be NULL or live objects; `attachmentMode` NULL
/// or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVBufferGetAttachment(
    buffer: CVBufferRef,
    key: CFStringRef,
    attachmentMode: *mut CVAttachmentMode,
) -> CFTypeRef {
    ffi_guard!({
        let buffer = try_ref!(buffer, CvPixelBuffer);
        // SAFETY: per this function's contract.
        match unsafe { buffer.value.attachments.get(key.as_type()) } {
            Some((value, mode)) => {
                // SAFETY: NULL or writable per this function's contract.
                unsafe { handle::write_out(attachmentMode, mode.raw()) };
                value
            }
            None => std::ptr::null(),
        }
    })
}

/// The value attached under `key` (+1, release it), or NULL; reports the
/// mode like `CVBufferGetAttachment`. Safe against concurrent mutation.
///
/// # Safety
/// As for `CVBufferGetAttachment`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVBufferCopyAttachment(
    buffer: CVBufferRef,
    key: CFStringRef,
    attachmentMode: *mut CVAttachmentMode,
) -> CFTypeRef {
    ffi_guard!({
        let buffer = try_ref!(buffer, CvPixelBuffer);
        // SAFETY: per this function's contract.
        match unsafe { buffer.value.attachments.copy(key.as_type()) } {
            Some((value, mode)) => {
                // SAFETY: NULL or writable per this function's contract.
                unsafe { handle::write_out(attachmentMode, mode.raw()) };
                value
            }
            None => std::ptr::null(),
        }
    })
}

/// Whether anything is attached under `key`, in either mode.
///
/// # Safety
/// `buffer` and `key` must be NULL or live objects.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVBufferHasAttachment(buffer: CVBufferRef, key: CFStringRef) -> Boolean {
    ffi_guard!({
        let buffer = try_ref!(buffer, CvPixelBuffer);
        // SAFETY: per this function's contract.
        to_boolean(unsafe { buffer.value.attachments.has(key.as_type()) })
    })
}

/// Removes (and releases) the attachment under `key`, whichever its mode.
/// No-op when absent.
///
/// # Safety
/// `buffer` and `key` must be NULL or live objects.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVBufferRemoveAttachment(buffer: CVBufferRef, key: CFStringRef) {
    ffi_guard!({
        let buffer = try_ref!(buffer, CvPixelBuffer);
        // SAFETY: per this function's contract.
        unsafe { buffer.value.attachments.remove(key.as_type()) }
    })
}

/// Removes (and releases) every attachment of both modes.
///
/// # Safety
/// `buffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVBufferRemoveAllAttachments(buffer: CVBufferRef) {
    ffi_guard!({
        try_ref!(buffer, CvPixelBuffer)
            .value
            .attachments
            .remove_all()
    })
}

/// The attachments of `attachmentMode` as a dictionary (+0): the buffer's
/// own live dictionary, valid as long as the buffer, **empty (not NULL)
/// when there are none**; NULL only for an invalid mode, NULL or a
/// non-buffer. Do not modify it; it changes as attachments are set and
/// removed, and its values have the +0 hazard of `CVBufferGetAttachment`.
/// Deprecated by Apple in favour of `CVBufferCopyAttachments`.
///
/// # Safety
/// `buffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVBufferGetAttachments(
    buffer: CVBufferRef,
    attachmentMode: CVAttachmentMode,
) -> CFDictionaryRef {
    ffi_guard!(CFDictionaryRef::null(), {
        let buffer = try_ref!(buffer, CvPixelBuffer, CFDictionaryRef::null());
        match AttachmentMode::try_from(attachmentMode) {
            Ok(mode) => {
                CFDictionaryRef::from_type(buffer.value.attachments.dictionary(mode).as_type())
            }
            Err(()) => CFDictionaryRef::null(),
        }
    })
}

/// A snapshot (+1) of the attachments of `attachmentMode`; **NULL when
/// there are none** (unlike `CVBufferGetAttachments`), for an invalid mode,
/// NULL or a non-buffer.
///
/// # Safety
/// `buffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVBufferCopyAttachments(
    buffer: CVBufferRef,
    attachmentMode: CVAttachmentMode,
) -> CFDictionaryRef {
    ffi_guard!(CFDictionaryRef::null(), {
        let buffer = try_ref!(buffer, CvPixelBuffer, CFDictionaryRef::null());
        AttachmentMode::try_from(attachmentMode)
            .ok()
            .and_then(|mode| buffer.value.attachments.copy_all(mode))
            .unwrap_or_else(CFDictionaryRef::null)
    })
}

/// `CVBufferSetAttachment` for every pair of `theAttachments` in
/// `attachmentMode`. Pairs with a non-string key are skipped; NULL or a
/// non-dictionary is ignored.
///
/// # Safety
/// `buffer` and `theAttachments` must be NULL or live objects.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVBufferSetAttachments(
    buffer: CVBufferRef,
    theAttachments: CFDictionaryRef,
    attachmentMode: CVAttachmentMode,
) {
    ffi_guard!({
        let buffer = try_ref!(buffer, CvPixelBuffer);
        let Ok(mode) = AttachmentMode::try_from(attachmentMode) else {
            return;
        };
        // SAFETY: per this function's contract.
        unsafe { buffer.value.attachments.set_all(theAttachments, mode) }
    })
}

/// Copies every `kCVAttachmentMode_ShouldPropagate` attachment of
/// `sourceBuffer` onto `destinationBuffer` (same mode, values retained,
/// existing keys replaced). Non-propagating attachments stay behind. No-op
/// if either is NULL or not a buffer.
///
/// # Safety
/// Both must be NULL or live objects.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVBufferPropagateAttachments(
    sourceBuffer: CVBufferRef,
    destinationBuffer: CVBufferRef,
) {
    ffi_guard!({
        let source = try_ref!(sourceBuffer, CvPixelBuffer);
        let destination = try_ref!(destinationBuffer, CvPixelBuffer);
        if let Some(snapshot) = source
            .value
            .attachments
            .copy_all(AttachmentMode::ShouldPropagate)
        {
            // SAFETY: a live snapshot we own, released after use.
            unsafe {
                destination
                    .value
                    .attachments
                    .set_all(snapshot, AttachmentMode::ShouldPropagate);
                handle::release(snapshot.as_type());
            }
        }
    })
}
