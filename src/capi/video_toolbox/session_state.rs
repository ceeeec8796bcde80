//! The state both session kinds share: a typed property set and the
//! invalidated flag behind one mutex, and the rules of the `VTSession…`
//! property API that do not depend on the kind — the order of checks
//! (unknown key, undecodable value, invalidated session) and the status
//! codes. `pixel_transfer_session.rs` and `pixel_rotation_session.rs` add
//! their keys, encodings and descriptions.
//!
//! The mutex is held only to read or change properties, never while
//! pixels move, so concurrent transfers or rotations on one session run in
//! parallel and a property change applies to calls that start after it.

use std::sync::{Mutex, MutexGuard};

use super::property_codec::decode;
use super::types::{kVTInvalidSessionErr, kVTParameterErr, kVTPropertyNotSupportedErr};
use crate::capi::core_foundation::types::{CFTypeRef, OSStatus};
use crate::core::property::Value;
use crate::core::transfer::properties::PropertyError;

/// `noErr`.
pub(super) const NO_ERR: OSStatus = 0;

/// A session's properties `P` and whether it has been invalidated.
pub(super) struct SessionState<P> {
    inner: Mutex<Inner<P>>,
}

struct Inner<P> {
    invalidated: bool,
    properties: P,
}

/// The status of a property the core refused.
fn status_of(error: PropertyError) -> OSStatus {
    match error {
        PropertyError::NotSupported => kVTPropertyNotSupportedErr,
        PropertyError::InvalidValue => kVTParameterErr,
    }
}

impl<P> SessionState<P> {
    pub fn new(properties: P) -> Self {
        SessionState {
            inner: Mutex::new(Inner {
                invalidated: false,
                properties,
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner<P>> {
        // Every update is a single assignment, so a lock poisoned by a panic
        // elsewhere still holds a consistent state.
        self.inner
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }

    /// `f` over the properties of a live session, under the lock; else
    /// `kVTInvalidSessionErr`.
    pub fn read<R>(&self, f: impl FnOnce(&P) -> R) -> Result<R, OSStatus> {
        let state = self.lock();
        if state.invalidated {
            Err(kVTInvalidSessionErr)
        } else {
            Ok(f(&state.properties))
        }
    }

    /// `f(invalidated, properties)`, whatever the state (descriptions).
    pub fn inspect<R>(&self, f: impl FnOnce(bool, &P) -> R) -> R {
        let state = self.lock();
        f(state.invalidated, &state.properties)
    }

    /// `VTSessionSetProperty`: `key` is `None` for a key this kind does not
    /// know (`kVTPropertyNotSupportedErr`); `value` NULL restores the
    /// default; a value that is no property value → `kVTParameterErr`;
    /// `set` applies the decoded value (its refusal keeps the old value).
    /// An invalidated session answers `kVTInvalidSessionErr` first.
    ///
    /// # Safety
    /// `value` must be NULL or a live object.
    pub unsafe fn set<K>(
        &self,
        key: Option<K>,
        value: CFTypeRef,
        set: impl FnOnce(&mut P, K, Option<&Value>) -> Result<(), PropertyError>,
    ) -> OSStatus {
        let Some(key) = key else {
            return self.invalid_or(kVTPropertyNotSupportedErr);
        };
        let decoded = if value.is_null() {
            None
        } else {
            // SAFETY: per this function's contract.
            match unsafe { decode(value) } {
                Some(v) => Some(v),
                None => return self.invalid_or(kVTParameterErr),
            }
        };
        let mut state = self.lock();
        if state.invalidated {
            return kVTInvalidSessionErr;
        }
        match set(&mut state.properties, key, decoded.as_ref()) {
            Ok(()) => NO_ERR,
            Err(e) => status_of(e),
        }
    }

    fn invalid_or(&self, status: OSStatus) -> OSStatus {
        if self.lock().invalidated {
            kVTInvalidSessionErr
        } else {
            status
        }
    }

    pub fn invalidate(&self) {
        self.lock().invalidated = true;
    }
}

impl<P: Clone> SessionState<P> {
    /// The properties a call should use, or `kVTInvalidSessionErr`.
    pub fn snapshot(&self) -> Result<P, OSStatus> {
        self.read(P::clone)
    }
}
