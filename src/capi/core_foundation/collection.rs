//! What CFArray and CFDictionary share: their C callback sets, the references
//! a collection holds, and the callbacks behind the `kCFType…CallBacks`
//! constants.
//!
//! Re-entrancy and thread safety rest on one rule: no callback (retain,
//! release, copyDescription, equal, hash, applier) ever runs while a
//! collection's lock is held, so a callback may read the collection it was
//! called for, and two collections never wait on each other. A collection
//! stores each key and value as an `Arc<Held>`. Under the lock it only moves
//! and clones those `Arc`s, which runs no user code; the release callback runs
//! when the last clone is dropped, and every code path drops removed or
//! snapshotted entries after unlocking. A snapshot thus also keeps its
//! entries alive while an applier runs, even if the applier (against the
//! rules) mutates the collection.
#![allow(non_snake_case)]

use std::ffi::c_void;
use std::ptr::fn_addr_eq;
use std::sync::Arc;

use super::string::{pixelport_CFStringCreateCopy, string_value};
use super::types::{Boolean, CFAllocatorRef, CFHashCode, CFIndex, CFStringRef, CfRef, to_boolean};
use crate::capi::handle;

pub(crate) type RetainFn = unsafe extern "C" fn(CFAllocatorRef, *const c_void) -> *const c_void;
pub(crate) type ReleaseFn = unsafe extern "C" fn(CFAllocatorRef, *const c_void);
pub(crate) type DescribeFn = unsafe extern "C" fn(*const c_void) -> CFStringRef;
pub(crate) type EqualFn = unsafe extern "C" fn(*const c_void, *const c_void) -> Boolean;
pub(crate) type HashFn = unsafe extern "C" fn(*const c_void) -> CFHashCode;

/// A collection's own copy of the callbacks it was created with (Apple also
/// copies the struct, so callers may pass one on the stack).
#[derive(Clone, Copy)]
pub(crate) struct Callbacks {
    retain: Option<RetainFn>,
    release: Option<ReleaseFn>,
    describe: Option<DescribeFn>,
    equal: Option<EqualFn>,
    /// Only dictionary keys have one.
    hash: Option<HashFn>,
    /// The set comes (possibly modified) from a `kCFType…CallBacks`
    /// constant, so its values are CF objects and NULL cannot be one.
    cf_typed: bool,
}

impl Callbacks {
    /// No retain/release, pointer equality and hash, `<0x…>` descriptions:
    /// what a NULL callbacks pointer means.
    pub(crate) const NONE: Callbacks = Callbacks {
        retain: None,
        release: None,
        describe: None,
        equal: None,
        hash: None,
        cf_typed: false,
    };

    /// The CFType set (CFRetain, CFRelease, CFCopyDescription, CFEqual, CFHash).
    /// The CFType callbacks of dictionary keys (`kCFTypeDictionaryKeyCallBacks`).
    pub(crate) const CF_TYPE_KEYS: Callbacks = Callbacks {
        retain: Some(cf_type_retain),
        release: Some(cf_type_release),
        describe: Some(cf_type_copy_description),
        equal: Some(cf_type_equal),
        hash: Some(cf_type_hash),
        cf_typed: true,
    };

    /// The CFType callbacks of dictionary values and array elements
    /// (`kCFTypeDictionaryValueCallBacks`, `kCFTypeArrayCallBacks`): the same
    /// without a hash, since those C structs have no hash field. Using the
    /// key set here would make collections built in Rust compare unequal to
    /// identical ones built from C.
    pub(crate) const CF_TYPE_VALUES: Callbacks = Callbacks {
        hash: None,
        ..Callbacks::CF_TYPE_KEYS
    };

    pub(crate) fn new(
        retain: Option<RetainFn>,
        release: Option<ReleaseFn>,
        describe: Option<DescribeFn>,
        equal: Option<EqualFn>,
        hash: Option<HashFn>,
    ) -> Callbacks {
        // Identifying our own functions by address is only an optimisation
        // of NULL handling: a miss would pass NULL to our NULL-tolerant
        // CFType callbacks, which is harmless.
        let cf_typed = retain.is_some_and(|f| {
            fn_addr_eq(f, cf_type_retain as RetainFn)
                || fn_addr_eq(f, copy_string_retain as RetainFn)
        }) || equal.is_some_and(|f| fn_addr_eq(f, cf_type_equal as EqualFn));
        Callbacks {
            retain,
            release,
            describe,
            equal,
            hash,
            cf_typed,
        }
    }

    /// Whether the values are CF objects (the set comes from a
    /// `kCFType…CallBacks` constant), so they may be inspected as such.
    pub(crate) fn is_cf_typed(&self) -> bool {
        self.cf_typed
    }

    /// Whether `value` cannot be stored: NULL where the values are CF
    /// objects (Apple would crash in CFRetain/CFEqual).
    pub(crate) fn rejects(&self, value: *const c_void) -> bool {
        self.cf_typed && value.is_null()
    }

    /// Whether both sets compare (and hash) values the same way, so that
    /// values from one collection may be handed to the other's callbacks.
    pub(crate) fn same_equality(&self, other: &Callbacks) -> bool {
        // `fn_addr_eq` cannot be called generically on stable Rust.
        macro_rules! same {
            ($a:expr, $b:expr) => {
                match ($a, $b) {
                    (Some(a), Some(b)) => fn_addr_eq(a, b),
                    (None, None) => true,
                    _ => false,
                }
            };
        }
        same!(self.equal, other.equal) && same!(self.hash, other.hash)
    }

    /// Takes the collection's reference to `value` via the retain callback
    /// (which may substitute a copy, as `kCFCopyStringDictionaryKeyCallBacks`
    /// does).
    ///
    /// # Safety
    /// `value` must be acceptable to this set's retain callback, and must
    /// not be NULL when [`Self::rejects`] says so.
    pub(crate) unsafe fn hold(&self, value: *const c_void) -> Arc<Held> {
        let ptr = match self.retain {
            // SAFETY: a callback of the documented type, per the creator's
            // contract; `value` is acceptable to it per ours.
            Some(retain) => unsafe { retain(CFAllocatorRef::null(), value) },
            None => value,
        };
        Arc::new(Held {
            ptr,
            release: self.release,
        })
    }

    /// `stored` and `probe` are equal: identical pointers, or the equal
    /// callback says so (Apple checks identity first too).
    ///
    /// # Safety
    /// Both values must be acceptable to the equal callback.
    pub(crate) unsafe fn equal(&self, stored: *const c_void, probe: *const c_void) -> bool {
        if stored == probe {
            return true;
        }
        match self.equal {
            // SAFETY: per this function's contract.
            Some(equal) => (unsafe { equal(stored, probe) }) != 0,
            None => false,
        }
    }

    /// The hash code of `value`; the address when there is no hash callback.
    ///
    /// # Safety
    /// `value` must be acceptable to the hash callback.
    pub(crate) unsafe fn hash(&self, value: *const c_void) -> u64 {
        match self.hash {
            // SAFETY: per this function's contract.
            // `CFHashCode` is `unsigned long`: u64 here, u32 on 32-bit targets.
            #[allow(clippy::useless_conversion)]
            Some(hash) => u64::from(unsafe { hash(value) }),
            None => value.addr() as u64,
        }
    }

    /// Text for descriptions: the copyDescription callback's string, or
    /// `<0x…>` without one.
    ///
    /// # Safety
    /// `value` must be acceptable to the copyDescription callback.
    pub(crate) unsafe fn describe(&self, value: *const c_void) -> String {
        let Some(describe) = self.describe else {
            return format!("<{value:p}>");
        };
        // SAFETY: per this function's contract; the result is +1 (a Copy
        // callback) and released below.
        let text = unsafe { describe(value) };
        // SAFETY: the callback returns NULL or a live string.
        let string = unsafe { string_value(text) };
        // SAFETY: we own the +1 reference the callback returned.
        unsafe { handle::release(text.as_type()) };
        string.unwrap_or_else(|| format!("<{value:p}>"))
    }
}

/// One reference a collection holds: the pointer its retain callback
/// returned, given back through the release callback when the last clone of
/// the `Arc` is dropped.
pub(crate) struct Held {
    ptr: *const c_void,
    release: Option<ReleaseFn>,
}

// SAFETY: `ptr` is an opaque value that is only handed to the callbacks and
// back to C; CF objects are retained and released from any thread, and C
// callers using custom callbacks across threads make the same promise.
unsafe impl Send for Held {}
// SAFETY: as above; `Held` is never mutated after creation.
unsafe impl Sync for Held {}

impl Held {
    /// The stored pointer (+0, valid while this `Held` lives).
    pub(crate) fn ptr(&self) -> *const c_void {
        self.ptr
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        if let Some(release) = self.release {
            // SAFETY: gives back the reference taken by the matching retain
            // callback, exactly once (this is the last clone).
            unsafe { release(CFAllocatorRef::null(), self.ptr) };
        }
    }
}

/// Checks a C range against a length: `None` unless
/// `0 <= location <= location + length <= len`.
pub(crate) fn span(
    location: CFIndex,
    length: CFIndex,
    len: usize,
) -> Option<std::ops::Range<usize>> {
    let start = usize::try_from(location).ok()?;
    let count = usize::try_from(length).ok()?;
    let end = start.checked_add(count)?;
    (end <= len).then_some(start..end)
}

// The callbacks behind the `kCFType…CallBacks` constants. They tolerate
// NULL (Apple's crash) and, being `extern "C"`, catch panics.

/// CFRetain.
///
/// # Safety
/// `value` must be NULL or a live CF object.
pub(crate) unsafe extern "C" fn cf_type_retain(
    _allocator: CFAllocatorRef,
    value: *const c_void,
) -> *const c_void {
    ffi_guard!({
        // SAFETY: per this function's contract.
        unsafe { handle::retain(value) };
        value
    })
}

/// `kCFCopyStringDictionaryKeyCallBacks.retain`: strings are copied
/// (CFStringCreateCopy), anything else is retained.
///
/// # Safety
/// `value` must be NULL or a live CF object.
pub(crate) unsafe extern "C" fn copy_string_retain(
    allocator: CFAllocatorRef,
    value: *const c_void,
) -> *const c_void {
    ffi_guard!({
        // SAFETY: per this function's contract.
        if unsafe { handle::text(value) }.is_some() {
            // SAFETY: `value` is a live string.
            unsafe { pixelport_CFStringCreateCopy(allocator, CFStringRef::from_type(value)) }
                .as_type()
        } else {
            // SAFETY: per this function's contract.
            unsafe { handle::retain(value) };
            value
        }
    })
}

/// CFRelease.
///
/// # Safety
/// `value` must be NULL or a live CF object whose reference the caller owns.
pub(crate) unsafe extern "C" fn cf_type_release(_allocator: CFAllocatorRef, value: *const c_void) {
    // SAFETY: per this function's contract.
    ffi_guard!({ unsafe { handle::release(value) } })
}

/// CFCopyDescription (+1).
///
/// # Safety
/// `value` must be NULL or a live CF object.
pub(crate) unsafe extern "C" fn cf_type_copy_description(value: *const c_void) -> CFStringRef {
    // SAFETY: per this function's contract.
    unsafe { super::base::pixelport_CFCopyDescription(value) }
}

/// CFEqual.
///
/// # Safety
/// Each value must be NULL or a live CF object.
pub(crate) unsafe extern "C" fn cf_type_equal(a: *const c_void, b: *const c_void) -> Boolean {
    // SAFETY: per this function's contract.
    ffi_guard!({ to_boolean(unsafe { handle::equal(a, b) }) })
}

/// CFHash.
///
/// # Safety
/// `value` must be NULL or a live CF object.
pub(crate) unsafe extern "C" fn cf_type_hash(value: *const c_void) -> CFHashCode {
    // SAFETY: per this function's contract.
    ffi_guard!({ unsafe { handle::hash(value) } })
}

/// Indents every line after the first, so nested descriptions line up.
pub(crate) fn indent(text: &str) -> String {
    text.replace('\n', "\n    ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans() {
        assert_eq!(span(0, 0, 0), Some(0..0));
        assert_eq!(span(1, 2, 3), Some(1..3));
        assert_eq!(span(3, 0, 3), Some(3..3));
        assert_eq!(span(2, 2, 3), None);
        assert_eq!(span(-1, 1, 3), None);
        assert_eq!(span(0, -1, 3), None);
        assert_eq!(span(CFIndex::MAX, CFIndex::MAX, 3), None);
    }

    #[test]
    fn cf_type_sets_are_recognised() {
        assert!(Callbacks::CF_TYPE_KEYS.rejects(std::ptr::null()));
        assert!(!Callbacks::NONE.rejects(std::ptr::null()));
        let c = Callbacks::new(None, None, None, Some(cf_type_equal), None);
        assert!(c.rejects(std::ptr::null()));
        let c = Callbacks::new(Some(copy_string_retain), None, None, None, None);
        assert!(c.rejects(std::ptr::null()));
        assert!(Callbacks::CF_TYPE_KEYS.same_equality(&Callbacks::CF_TYPE_KEYS));
        assert!(!Callbacks::CF_TYPE_KEYS.same_equality(&Callbacks::CF_TYPE_VALUES));
        assert!(!Callbacks::CF_TYPE_KEYS.same_equality(&Callbacks::NONE));
    }
}
