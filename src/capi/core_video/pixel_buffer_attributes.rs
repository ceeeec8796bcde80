//! The attribute-dictionary functions of CVPixelBuffer.h:
//! `CVPixelBufferCopyCreationAttributes`,
//! `CVPixelBufferCreateResolvedAttributesDictionary` and
//! `CVPixelBufferIsCompatibleWithAttributes`. The rules live in
//! `core::buffer::{attributes, resolve}`.
#![allow(non_snake_case)]

use super::pixel_buffer::CvPixelBuffer;
use super::types::{
    CVPixelBufferRef, CVReturn, kCVReturnError, kCVReturnInvalidArgument,
    kCVReturnInvalidPixelBufferAttributes, kCVReturnSuccess,
};
use crate::capi::core_foundation::array::array_values;
use crate::capi::core_foundation::dictionary::{dictionary_get, new_cf_type_dictionary};
use crate::capi::core_foundation::property::{decode, encode};
use crate::capi::core_foundation::string::new_string;
use crate::capi::core_foundation::types::{
    Boolean, CFAllocatorRef, CFArrayRef, CFDictionaryRef, CFTypeRef, CfRef, to_boolean,
};
use crate::capi::handle;
use crate::core::buffer::resolve::{Resolved, resolve};
use crate::core::buffer::{BufferFacts, PixelBufferAttributes, PlaneFacts, is_compatible};
use crate::core::property::Value;

/// The attributes the buffer was created with (+1): the caller's
/// dictionary (every key, honoured or not) with `Width`, `Height` and
/// `PixelFormatType` set to the buffer's actual values, so that
/// `CVPixelBufferCreate` with it makes a similar buffer and
/// `CVPixelBufferIsCompatibleWithAttributes` accepts the buffer.
///
/// Deviation: NULL for NULL or a non-buffer (Apple declares the result
/// non-null and crashes).
///
/// # Safety
/// `pixelBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferCopyCreationAttributes(
    pixelBuffer: CVPixelBufferRef,
) -> CFDictionaryRef {
    ffi_guard!(CFDictionaryRef::null(), {
        let buffer = try_ref!(pixelBuffer, CvPixelBuffer, CFDictionaryRef::null());
        // The dictionary is immutable, so a retained reference is a copy.
        let attributes = buffer.value.creation_attributes.clone();
        CFDictionaryRef::from_type(attributes.into_raw())
    })
}

/// Merges an array of attribute dictionaries into one (+1) that satisfies
/// all of them where possible:
/// - `PixelFormatType`: the formats every dictionary naming some accepts,
///   in the first one's order (a CFNumber when one remains, else a
///   CFArray); none in common → `kCVReturnInvalidPixelBufferAttributes`;
/// - `Width`/`Height`: must be equal wherever given, else the same error;
/// - `BytesPerRowAlignment`/`PlaneAlignment`: least common multiple;
/// - `ExtendedPixels*`: the largest;
/// - every other key: the last dictionary's value.
///
/// A NULL array gives an empty dictionary. Each dictionary is validated as
/// `CVPixelBufferCreate` would (wrong type → `kCVReturnInvalidPixelBufferAttributes`,
/// also for an element that is not a dictionary). NULL
/// `resolvedDictionaryOut`, or `attributes` not an array →
/// `kCVReturnInvalidArgument`. The result is written only on success.
///
/// # Safety
/// `attributes` must be NULL or a live object; `resolvedDictionaryOut`
/// NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferCreateResolvedAttributesDictionary(
    allocator: CFAllocatorRef,
    attributes: CFArrayRef,
    resolvedDictionaryOut: *mut CFDictionaryRef,
) -> CVReturn {
    let _ = allocator;
    ffi_guard!(kCVReturnError, {
        if resolvedDictionaryOut.is_null() {
            return kCVReturnInvalidArgument;
        }
        let sources: Vec<CFTypeRef> = if attributes.is_null() {
            Vec::new()
        } else {
            // SAFETY: per this function's contract.
            match unsafe { decode(attributes.as_type()) } {
                // SAFETY: a CFType array (the decoder checked) of live objects.
                Some(Value::Array(_)) => unsafe { array_values(attributes) },
                _ => return kCVReturnInvalidArgument,
            }
        };
        let decoded: Vec<Value> = sources
            .iter()
            // SAFETY: elements of a live CFType array.
            .map(|&cf| unsafe { decode(cf) }.unwrap_or(Value::Other(String::new())))
            .collect();
        let plan = match resolve(&decoded) {
            Ok(plan) => plan,
            Err(_) => return kCVReturnInvalidPixelBufferAttributes,
        };
        let mut owned: Vec<CFTypeRef> = Vec::new();
        let mut pairs: Vec<(CFTypeRef, CFTypeRef)> = Vec::new();
        for (key, resolved) in plan {
            let key = new_string(&key).as_type();
            owned.push(key);
            let value = match resolved {
                Resolved::Source(i) => {
                    let source = CFDictionaryRef::from_type(sources[i]);
                    // SAFETY: a live dictionary of the caller's array.
                    unsafe { dictionary_get(source, key) }.unwrap_or(std::ptr::null())
                }
                Resolved::Computed(value) => {
                    let cf = encode(&value);
                    owned.push(cf);
                    cf
                }
            };
            pairs.push((key, value));
        }
        // SAFETY: live keys and values (NULL ones are skipped).
        let result = unsafe { new_cf_type_dictionary(&pairs) };
        for cf in owned {
            // SAFETY: our +1 references; the dictionary retained what it keeps.
            unsafe { handle::release(cf) };
        }
        // SAFETY: checked non-NULL; writable per this function's contract.
        unsafe { handle::write_out(resolvedDictionaryOut, result) };
        kCVReturnSuccess
    })
}

/// Whether the buffer satisfies `attributes`: its format is the one (or
/// one of those) in `PixelFormatType`; its width and height equal `Width`
/// and `Height`; every plane's bytes-per-row is a multiple of
/// `BytesPerRowAlignment` and every plane's memory starts a multiple of
/// `PlaneAlignment` from the start of the allocation, as
/// `CVPixelBufferCreate` applies it, at an address aligned to the
/// alignment's power-of-two part (caller memory: the address itself); it
/// has at least the requested `ExtendedPixels*`. A buffer made by
/// `CVPixelBufferCreate` is compatible with its creation attributes.
/// Other keys (IOSurface properties, allocator, compatibility flags,
/// attachments) are satisfied by every buffer. NULL `attributes` → true.
/// False for NULL or a non-buffer, and for attributes that
/// `CVPixelBufferCreate` would refuse.
///
/// # Safety
/// `pixelBuffer` and `attributes` must be NULL or live objects.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferIsCompatibleWithAttributes(
    pixelBuffer: CVPixelBufferRef,
    attributes: CFDictionaryRef,
) -> Boolean {
    ffi_guard!({
        let buffer = &try_ref!(pixelBuffer, CvPixelBuffer).value;
        let value = if attributes.is_null() {
            None
        } else {
            // SAFETY: per this function's contract.
            Some(unsafe { decode(attributes.as_type()) }.unwrap_or(Value::Other(String::new())))
        };
        let Ok(parsed) = PixelBufferAttributes::parse(value.as_ref()) else {
            return 0;
        };
        let facts = BufferFacts {
            pixel_format: buffer.pixel_format,
            width: buffer.width,
            height: buffer.height,
            extended: buffer.extended,
            planes: buffer
                .planes
                .iter()
                .map(|p| PlaneFacts {
                    bytes_per_row: p.bytes_per_row,
                    address: p.start.0,
                    offset: p.start.1,
                })
                .collect(),
        };
        to_boolean(is_compatible(&facts, &parsed))
    })
}
