//! The generic VTSession property API (VTSession.h, videotoolbox.md §5):
//! `VTSessionSetProperty`, `SetProperties`, `CopyProperty`,
//! `CopySupportedPropertyDictionary` and `CopySerializableProperties`,
//! dispatched on the session's type (pixel transfer or pixel rotation).
//!
//! Error rules (README behaviour table): NULL or non-session `session`, NULL
//! key or NULL out-pointer → `kVTParameterErr`; unknown key →
//! `kVTPropertyNotSupportedErr`; wrong value type or unknown value string →
//! `kVTParameterErr` with the old value kept; any call on an invalidated
//! session → `kVTInvalidSessionErr`. Out-pointers are written only on
//! success.
#![allow(non_snake_case)]

use std::ffi::c_void;

use super::pixel_rotation_session::{PixelRotationSession, rotation_session};
use super::pixel_transfer_session::{PixelTransferSession, key_text, transfer_session};
use super::types::{VTSessionRef, kVTParameterErr};
use crate::capi::core_foundation::dictionary::dictionary_entries;
use crate::capi::core_foundation::types::OSStatus;
use crate::capi::core_foundation::types::{
    CFAllocatorRef, CFDictionaryRef, CFStringRef, CFTypeRef, CfRef,
};
use crate::capi::handle;

const NO_ERR: OSStatus = 0;

/// A session of either kind.
enum AnySession<'a> {
    Transfer(&'a PixelTransferSession),
    Rotation(&'a PixelRotationSession),
}

/// The session behind `session`, or `None` for NULL or another type.
///
/// # Safety
/// `session` must be NULL or a live object.
unsafe fn any_session<'a>(session: VTSessionRef) -> Option<AnySession<'a>> {
    // SAFETY: per this function's contract; both type-check.
    unsafe {
        transfer_session(session)
            .map(|s| AnySession::Transfer(&s.value))
            .or_else(|| rotation_session(session).map(|s| AnySession::Rotation(&s.value)))
    }
}

impl AnySession<'_> {
    /// # Safety
    /// `value` must be NULL or a live object.
    unsafe fn set_property(&self, key: &str, value: CFTypeRef) -> OSStatus {
        // SAFETY: forwarded contract.
        unsafe {
            match self {
                AnySession::Transfer(s) => s.set_property(key, value),
                AnySession::Rotation(s) => s.set_property(key, value),
            }
        }
    }

    fn copy_property(&self, key: &str) -> Result<CFTypeRef, OSStatus> {
        match self {
            AnySession::Transfer(s) => s.copy_property(key),
            AnySession::Rotation(s) => s.copy_property(key),
        }
    }

    fn copy_supported(&self) -> Result<CFDictionaryRef, OSStatus> {
        match self {
            AnySession::Transfer(s) => s.copy_supported(),
            AnySession::Rotation(s) => s.copy_supported(),
        }
    }

    fn copy_serializable(&self) -> Result<CFDictionaryRef, OSStatus> {
        match self {
            AnySession::Transfer(s) => s.copy_serializable(),
            AnySession::Rotation(s) => s.copy_serializable(),
        }
    }
}

/// Sets one property; a NULL value restores its default.
///
/// # Safety
/// `session`, `propertyKey` and `propertyValue` must each be NULL or a live
/// object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn VTSessionSetProperty(
    session: VTSessionRef,
    propertyKey: CFStringRef,
    propertyValue: CFTypeRef,
) -> OSStatus {
    ffi_guard!(kVTParameterErr, {
        // SAFETY: per this function's contract.
        let (Some(s), Some(key)) = (unsafe { any_session(session) }, unsafe {
            key_text(propertyKey)
        }) else {
            return kVTParameterErr;
        };
        // SAFETY: per this function's contract.
        unsafe { s.set_property(&key, propertyValue) }
    })
}

/// Sets every key/value pair of `propertyDictionary`, in the dictionary's
/// order. Every pair is attempted; the first error is returned (pairs that
/// failed keep their old values, the others take effect — as calling
/// `VTSessionSetProperty` for each would).
///
/// # Safety
/// `session` and `propertyDictionary` must each be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn VTSessionSetProperties(
    session: VTSessionRef,
    propertyDictionary: CFDictionaryRef,
) -> OSStatus {
    ffi_guard!(kVTParameterErr, {
        // SAFETY: per this function's contract.
        let Some(s) = (unsafe { any_session(session) }) else {
            return kVTParameterErr;
        };
        // SAFETY: per this function's contract; `object` type-checks.
        if unsafe {
            handle::object::<crate::capi::core_foundation::dictionary::CfDictionary>(
                propertyDictionary.as_type(),
            )
        }
        .is_none()
        {
            return kVTParameterErr;
        }
        let mut first_error = NO_ERR;
        // SAFETY: a live dictionary; entries stay alive while it does.
        for (key, value) in unsafe { dictionary_entries(propertyDictionary) } {
            // SAFETY: dictionary entries are live objects (or NULL).
            let status = match unsafe { key_text(CFStringRef::from_type(key)) } {
                // SAFETY: as above.
                Some(key) => unsafe { s.set_property(&key, value) },
                None => kVTParameterErr,
            };
            if first_error == NO_ERR {
                first_error = status;
            }
        }
        first_error
    })
}

/// Copies one property's value (+1) into `*(CFTypeRef *)propertyValueOut`.
/// Unset optional properties (`Destination…`, `RealTime`) give noErr with
/// NULL.
///
/// # Safety
/// `session` and `propertyKey` must each be NULL or a live object;
/// `propertyValueOut` NULL or writable for a `CFTypeRef`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn VTSessionCopyProperty(
    session: VTSessionRef,
    propertyKey: CFStringRef,
    allocator: CFAllocatorRef,
    propertyValueOut: *mut c_void,
) -> OSStatus {
    let _ = allocator;
    ffi_guard!(kVTParameterErr, {
        // SAFETY: per this function's contract.
        let (Some(s), Some(key)) = (unsafe { any_session(session) }, unsafe {
            key_text(propertyKey)
        }) else {
            return kVTParameterErr;
        };
        if propertyValueOut.is_null() {
            return kVTParameterErr;
        }
        match s.copy_property(&key) {
            Ok(value) => {
                // SAFETY: non-NULL and writable for a CFTypeRef per the contract.
                unsafe { handle::write_out(propertyValueOut as *mut CFTypeRef, value) };
                NO_ERR
            }
            Err(status) => status,
        }
    })
}

/// Copies (+1) a dictionary describing every supported property: its type
/// (`kVTPropertyType_Enumeration` with `kVTPropertySupportedValueListKey`,
/// or `kVTPropertyType_Boolean`; none for dictionary and data values),
/// read/write status and whether it is serialised.
///
/// # Safety
/// `session` must be NULL or a live object; `supportedPropertyDictionaryOut`
/// NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn VTSessionCopySupportedPropertyDictionary(
    session: VTSessionRef,
    supportedPropertyDictionaryOut: *mut CFDictionaryRef,
) -> OSStatus {
    ffi_guard!(kVTParameterErr, {
        // SAFETY: per this function's contract.
        let Some(s) = (unsafe { any_session(session) }) else {
            return kVTParameterErr;
        };
        if supportedPropertyDictionaryOut.is_null() {
            return kVTParameterErr;
        }
        match s.copy_supported() {
            Ok(dict) => {
                // SAFETY: non-NULL and writable per the contract.
                unsafe { handle::write_out(supportedPropertyDictionaryOut, dict) };
                NO_ERR
            }
            Err(status) => status,
        }
    })
}

/// Copies (+1) the serialisable properties that are set, with their
/// values, ready for `VTSessionSetProperties` on another session.
///
/// # Safety
/// `session` must be NULL or a live object; `dictionaryOut` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn VTSessionCopySerializableProperties(
    session: VTSessionRef,
    allocator: CFAllocatorRef,
    dictionaryOut: *mut CFDictionaryRef,
) -> OSStatus {
    let _ = allocator;
    ffi_guard!(kVTParameterErr, {
        // SAFETY: per this function's contract.
        let Some(s) = (unsafe { any_session(session) }) else {
            return kVTParameterErr;
        };
        if dictionaryOut.is_null() {
            return kVTParameterErr;
        }
        match s.copy_serializable() {
            Ok(dict) => {
                // SAFETY: non-NULL and writable per the contract.
                unsafe { handle::write_out(dictionaryOut, dict) };
                NO_ERR
            }
            Err(status) => status,
        }
    })
}
