//! VTPixelRotationSession: the session object, its lifecycle and its
//! properties (videotoolbox.md §4). The generic `VTSession…` property
//! functions in `session.rs` dispatch here; the pixels move in
//! `rotate_image.rs`.
//!
//! Thread safety: as the transfer session — the state sits behind a mutex
//! held only to read or change properties, so concurrent rotations on one
//! session run in parallel (a third-party report of crashes on iOS,
//! behavior-notes.md item 27, is not reproduced).
#![allow(non_snake_case)]

use super::pixel_transfer_session::{describe_property, dictionary_taking_values};
use super::property_codec::{encode_rotation_value, rotation_constant, rotation_key_constant};
use super::session_state::{NO_ERR, SessionState};
use super::types::{VTPixelRotationSessionRef, kVTParameterErr, kVTPropertyNotSupportedErr};
use crate::capi::core_foundation::types::{
    CFAllocatorRef, CFDictionaryRef, CFStringRef, CFTypeID, CFTypeRef, CfRef, OSStatus,
};
use crate::capi::handle;
use crate::capi::runtime::class::TypeKind;
use crate::capi::runtime::object::{CfClass, CfObject, Retained};
use crate::core::rotate::{Rotation, RotationKey, RotationProperties};

/// The payload of a VTPixelRotationSession.
pub struct PixelRotationSession {
    state: SessionState<RotationProperties>,
}

impl CfClass for PixelRotationSession {
    const KIND: TypeKind = TypeKind::PixelRotationSession;
    fn describe(&self) -> String {
        self.state.inspect(|invalidated, p| {
            let o = p.orientation;
            format!(
                "<VTPixelRotationSession>{{invalidated = {}, rotation = {}, flipHorizontal = {}, flipVertical = {}}}",
                invalidated,
                o.rotation.name(),
                o.flip_horizontal,
                o.flip_vertical
            )
        })
    }
}

impl PixelRotationSession {
    /// The properties a rotation should use, or `kVTInvalidSessionErr`.
    pub fn snapshot(&self) -> Result<RotationProperties, OSStatus> {
        self.state.snapshot()
    }

    /// `VTSessionSetProperty` for this session. `value` NULL restores the default.
    ///
    /// # Safety
    /// `value` must be NULL or a live object.
    pub unsafe fn set_property(&self, key: &str, value: CFTypeRef) -> OSStatus {
        // SAFETY: per this function's contract.
        unsafe {
            self.state
                .set(RotationKey::from_name(key), value, |p, k, v| p.set(k, v))
        }
    }

    /// `VTSessionCopyProperty`: a +1 value (every key always has one).
    pub fn copy_property(&self, key: &str) -> Result<CFTypeRef, OSStatus> {
        self.state.read(|p| {
            let key = RotationKey::from_name(key).ok_or(kVTPropertyNotSupportedErr)?;
            Ok(encode_rotation_value(&p.get(key)))
        })?
    }

    /// `VTSessionCopySerializableProperties`: a +1 dictionary of all three
    /// properties and their current values.
    pub fn copy_serializable(&self) -> Result<CFDictionaryRef, OSStatus> {
        let properties = self.snapshot()?;
        let values: Vec<(CFTypeRef, CFTypeRef)> = RotationKey::ALL
            .into_iter()
            .map(|k| {
                (
                    rotation_key_constant(k).as_type(),
                    encode_rotation_value(&properties.get(k)),
                )
            })
            .collect();
        Ok(dictionary_taking_values(&values))
    }

    /// `VTSessionCopySupportedPropertyDictionary`: a +1 dictionary
    /// describing the three keys.
    pub fn copy_supported(&self) -> Result<CFDictionaryRef, OSStatus> {
        self.snapshot()?;
        let entries: Vec<(CFTypeRef, CFTypeRef)> = RotationKey::ALL
            .into_iter()
            .map(|k| {
                let allowed: Vec<CFStringRef> = k
                    .allowed_names()
                    .into_iter()
                    .filter_map(Rotation::from_name)
                    .map(rotation_constant)
                    .collect();
                (
                    rotation_key_constant(k).as_type(),
                    describe_property(k.kind(), true, &allowed).as_type(),
                )
            })
            .collect();
        Ok(dictionary_taking_values(&entries))
    }

    fn invalidate(&self) {
        self.state.invalidate();
    }
}

/// # Safety
/// `session` must be NULL or a live object.
pub unsafe fn rotation_session<'a>(
    session: CFTypeRef,
) -> Option<&'a CfObject<PixelRotationSession>> {
    // SAFETY: forwarded contract.
    unsafe { handle::object::<PixelRotationSession>(session) }
}

/// The type ID of VTPixelRotationSession (what `CFGetTypeID` returns for one).
#[unsafe(no_mangle)]
pub extern "C" fn VTPixelRotationSessionGetTypeID() -> CFTypeID {
    TypeKind::PixelRotationSession.type_id()
}

/// Creates a pixel-rotation session (+1 in `*pixelRotationSessionOut`):
/// no rotation, no flips. Any allocator is accepted. `kVTParameterErr`
/// when the out-pointer is NULL (nothing written). Release it with
/// `CFRelease` (the header's "VTPixelRotationSessionRelease" does not exist).
///
/// # Safety
/// `pixelRotationSessionOut` must be NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn VTPixelRotationSessionCreate(
    allocator: CFAllocatorRef,
    pixelRotationSessionOut: *mut VTPixelRotationSessionRef,
) -> OSStatus {
    let _ = allocator;
    ffi_guard!(kVTParameterErr, {
        if pixelRotationSessionOut.is_null() {
            return kVTParameterErr;
        }
        let session = Retained::new(PixelRotationSession {
            state: SessionState::new(RotationProperties::default()),
        });
        let out = VTPixelRotationSessionRef::from_type(session.into_raw());
        // SAFETY: non-NULL and writable per the contract.
        unsafe { handle::write_out(pixelRotationSessionOut, out) };
        NO_ERR
    })
}

/// Tears the session down: every later call on it returns
/// `kVTInvalidSessionErr`. The caller still releases it; releasing without
/// invalidating is fine. NULL or a non-session is ignored.
///
/// # Safety
/// `session` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn VTPixelRotationSessionInvalidate(session: VTPixelRotationSessionRef) {
    ffi_guard!({
        let object = try_ref!(session, PixelRotationSession);
        object.value.invalidate();
    })
}
