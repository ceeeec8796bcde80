//! A buffer's attachments (CVBuffer.h, corevideo.md §4.1): two CFType
//! mutable dictionaries, one per `CVAttachmentMode`.
//!
//! Invariants and why:
//! - A key lives in at most one mode. Every mutation holds `guard`, so two
//!   threads setting one key in different modes cannot leave it in both.
//! - Keys must be CFStrings (the C signature says `CFStringRef`); anything
//!   else is ignored, which also means a key's release never runs user
//!   code. Keys compare with `CFEqual`, so `CFSTR("…")` literals find
//!   entries set with the exported constants and vice versa.
//! - No value is ever released while `guard` is held: a mutation first
//!   retains the values it is about to replace or remove and releases them
//!   after unlocking. Releasing the last reference to a value (say, another
//!   pixel buffer) may run a caller's release callback, which may call back
//!   into these functions.
//! - `CVBufferGetAttachments` hands out the live dictionary (+0), valid as
//!   long as the buffer; `…GetAttachment` hands out a +0 value that a
//!   concurrent Set or Remove on another thread may free, exactly the hazard
//!   Apple's deprecated Get functions have. The Copy functions are safe.

use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::capi::core_foundation::dictionary::{
    CfDictionary, dictionary_entries, dictionary_get, dictionary_set, is_cf_type_dictionary,
    new_mutable_cf_type_dictionary, pixelport_CFDictionaryCreateCopy,
    pixelport_CFDictionaryGetCount, pixelport_CFDictionaryRemoveAllValues,
    pixelport_CFDictionaryRemoveValue,
};
use crate::capi::core_foundation::property::decode;
use crate::capi::core_foundation::string::new_string;
use crate::capi::core_foundation::types::{
    CFAllocatorRef, CFDictionaryRef, CFMutableDictionaryRef, CFTypeRef, CfRef,
};
use crate::capi::handle;
use crate::capi::runtime::object::Retained;
use crate::core::buffer::AttachmentMode;
use crate::core::property::Value;

/// References to give up once the guard is released (declare before the
/// guard so that it drops after it).
struct Deferred(Vec<CFTypeRef>);

impl Deferred {
    /// Retains `cf` now, releases it on drop.
    fn keep(&mut self, cf: Option<CFTypeRef>) {
        if let Some(cf) = cf {
            // SAFETY: `cf` is a live object held by one of our dictionaries.
            unsafe { handle::retain(cf) };
            self.0.push(cf);
        }
    }
}

impl Drop for Deferred {
    fn drop(&mut self) {
        for &cf in &self.0 {
            // SAFETY: each was retained by `keep`.
            unsafe { handle::release(cf) };
        }
    }
}

/// The attachments of one buffer.
pub struct Attachments {
    guard: Mutex<()>,
    propagated: Retained<CfDictionary>,
    not_propagated: Retained<CfDictionary>,
}

fn new_dictionary() -> Retained<CfDictionary> {
    let dict = new_mutable_cf_type_dictionary();
    // SAFETY: a fresh +1 dictionary.
    unsafe { Retained::from_raw(dict.as_type()) }.expect("a new dictionary is a dictionary")
}

impl Default for Attachments {
    fn default() -> Self {
        Attachments {
            guard: Mutex::new(()),
            propagated: new_dictionary(),
            not_propagated: new_dictionary(),
        }
    }
}

impl Attachments {
    fn lock(&self) -> MutexGuard<'_, ()> {
        self.guard.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The live dictionary of `mode` (+0, valid while the buffer lives).
    pub fn dictionary(&self, mode: AttachmentMode) -> CFMutableDictionaryRef {
        let dict = match mode {
            AttachmentMode::ShouldPropagate => &self.propagated,
            AttachmentMode::ShouldNotPropagate => &self.not_propagated,
        };
        CFMutableDictionaryRef::from_type(dict.as_type_ref())
    }

    fn other(mode: AttachmentMode) -> AttachmentMode {
        match mode {
            AttachmentMode::ShouldPropagate => AttachmentMode::ShouldNotPropagate,
            AttachmentMode::ShouldNotPropagate => AttachmentMode::ShouldPropagate,
        }
    }

    /// Sets `key` → `value` in `mode`, moving it out of the other mode.
    /// Non-string keys and NULL values are ignored.
    ///
    /// # Safety
    /// `key` and `value` must be NULL or live objects.
    pub unsafe fn set(&self, key: CFTypeRef, value: CFTypeRef, mode: AttachmentMode) {
        // SAFETY: per this function's contract.
        if value.is_null() || unsafe { handle::text(key) }.is_none() {
            return;
        }
        let mut deferred = Deferred(Vec::new());
        let _guard = self.lock();
        let (this, other) = (self.dictionary(mode), self.dictionary(Self::other(mode)));
        // SAFETY: `key` is a live string, `value` a live object; the
        // dictionaries are ours and hold CF objects.
        unsafe {
            deferred.keep(dictionary_get(this, key));
            deferred.keep(dictionary_get(other, key));
            pixelport_CFDictionaryRemoveValue(other, key);
            dictionary_set(this, key, value);
        }
    }

    /// The value for `key` and its mode (+0).
    ///
    /// # Safety
    /// `key` must be NULL or a live object.
    pub unsafe fn get(&self, key: CFTypeRef) -> Option<(CFTypeRef, AttachmentMode)> {
        // SAFETY: per this function's contract.
        unsafe { handle::text(key) }?;
        let _guard = self.lock();
        [
            AttachmentMode::ShouldPropagate,
            AttachmentMode::ShouldNotPropagate,
        ]
        .into_iter()
        // SAFETY: `key` is a live string; the dictionary is ours.
        .find_map(|mode| unsafe { dictionary_get(self.dictionary(mode), key) }.map(|v| (v, mode)))
    }

    /// The decoded value of the attachment whose key has text `key`,
    /// whatever its mode. The value is copied (+1) and released after
    /// decoding, so a concurrent change cannot free it under us.
    pub fn decoded(&self, key: &str) -> Option<Value> {
        let key = new_string(key);
        // SAFETY: a live key string, released below.
        let copied = unsafe { self.copy(key.as_type()) };
        // SAFETY: our +1 reference.
        unsafe { handle::release(key.as_type()) };
        let (value, _) = copied?;
        // SAFETY: a live object we own a reference to, released after decoding.
        unsafe {
            let decoded = decode(value);
            handle::release(value);
            decoded
        }
    }

    /// The value for `key` (+1) and its mode.
    ///
    /// # Safety
    /// As for [`Attachments::get`].
    pub unsafe fn copy(&self, key: CFTypeRef) -> Option<(CFTypeRef, AttachmentMode)> {
        // SAFETY: per this function's contract.
        unsafe { handle::text(key) }?;
        let _guard = self.lock();
        for mode in [
            AttachmentMode::ShouldPropagate,
            AttachmentMode::ShouldNotPropagate,
        ] {
            // SAFETY: `key` is a live string; the dictionary is ours.
            if let Some(value) = unsafe { dictionary_get(self.dictionary(mode), key) } {
                // SAFETY: held by our dictionary, which cannot change while
                // we hold the guard.
                unsafe { handle::retain(value) };
                return Some((value, mode));
            }
        }
        None
    }

    /// Removes `key` from whichever mode holds it.
    ///
    /// # Safety
    /// `key` must be NULL or a live object.
    pub unsafe fn remove(&self, key: CFTypeRef) {
        // SAFETY: per this function's contract.
        if unsafe { handle::text(key) }.is_none() {
            return;
        }
        let mut deferred = Deferred(Vec::new());
        let _guard = self.lock();
        for mode in [
            AttachmentMode::ShouldPropagate,
            AttachmentMode::ShouldNotPropagate,
        ] {
            let dict = self.dictionary(mode);
            // SAFETY: `key` is a live string; the dictionary is ours.
            unsafe {
                deferred.keep(dictionary_get(dict, key));
                pixelport_CFDictionaryRemoveValue(dict, key);
            }
        }
    }

    /// Removes every attachment of both modes.
    pub fn remove_all(&self) {
        let mut deferred = Deferred(Vec::new());
        let _guard = self.lock();
        for mode in [
            AttachmentMode::ShouldPropagate,
            AttachmentMode::ShouldNotPropagate,
        ] {
            let dict = self.dictionary(mode);
            // SAFETY: our dictionary; its values are live while it holds them.
            unsafe {
                for (_, value) in dictionary_entries(dict) {
                    deferred.keep(Some(value));
                }
                pixelport_CFDictionaryRemoveAllValues(dict);
            }
        }
    }

    /// A +1 immutable copy of `mode`'s attachments, `None` when empty.
    pub fn copy_all(&self, mode: AttachmentMode) -> Option<CFDictionaryRef> {
        let _guard = self.lock();
        let dict = self.dictionary(mode);
        // SAFETY: our dictionary; the copy retains its entries under the guard.
        unsafe {
            if pixelport_CFDictionaryGetCount(CFDictionaryRef::from_type(dict.as_type())) == 0 {
                return None;
            }
            Some(pixelport_CFDictionaryCreateCopy(
                CFAllocatorRef::null(),
                CFDictionaryRef::from_type(dict.as_type()),
            ))
        }
    }

    /// Whether `key` is attached in either mode.
    ///
    /// # Safety
    /// `key` must be NULL or a live object.
    pub unsafe fn has(&self, key: CFTypeRef) -> bool {
        // SAFETY: per this function's contract.
        unsafe { self.get(key) }.is_some()
    }

    /// Sets every string-keyed pair of `source` (a dictionary, or ignored)
    /// in `mode`. The pairs are snapshotted first, so `source` may be one
    /// of this buffer's own dictionaries.
    ///
    /// # Safety
    /// `source` must be NULL or a live object.
    pub unsafe fn set_all(&self, source: CFDictionaryRef, mode: AttachmentMode) {
        // Dictionaries with other callbacks may hold non-objects.
        // SAFETY: per this function's contract.
        if !unsafe { is_cf_type_dictionary(source) } {
            return;
        }
        // SAFETY: per this function's contract.
        let snapshot = unsafe { pixelport_CFDictionaryCreateCopy(CFAllocatorRef::null(), source) };
        if snapshot.is_null() {
            return;
        }
        // SAFETY: the snapshot is ours and keeps its pairs alive.
        unsafe {
            for (key, value) in dictionary_entries(snapshot) {
                self.set(key, value, mode);
            }
            handle::release(snapshot.as_type());
        }
    }
}
