//! CFDictionary and CFMutableDictionary (CFDictionary.h, corefoundation.md §6).
//!
//! Entries live in a [`OrderedTable`] behind a mutex, each an [`Entry`] of two
//! `Arc<Held>` (see `collection` for why callbacks never run under the lock).
//! A lookup hashes the probe key with the key hash callback, clones the
//! entries filed under that hash while locked, and compares them with the key
//! equal callback after unlocking. A mutation then commits by slot only if
//! the table's stamp has not moved since its lookup, and otherwise looks up
//! again; that only happens when another thread mutated concurrently, which
//! Apple does not support, and still leaves a consistent dictionary.
//!
//! Keys are therefore always found through the callbacks, never by address:
//! a key built with `CFSTR` finds an entry stored under a created string with
//! the same characters, and vice versa.
//!
//! Entries keep their insertion order, so `CFDictionaryGetKeysAndValues`,
//! `CFDictionaryApplyFunction` and descriptions are deterministic.
//! Immutable and mutable dictionaries are one class with a flag, as on Apple
//! platforms (`CFDictionaryGetTypeID` covers both).
#![allow(non_snake_case, non_upper_case_globals)]

use std::ffi::c_void;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use super::collection::{
    Callbacks, Held, cf_type_copy_description, cf_type_equal, cf_type_hash, cf_type_release,
    cf_type_retain, copy_string_retain, indent,
};
use super::types::{
    Boolean, CFAllocatorRef, CFDictionaryRef, CFHashCode, CFIndex, CFMutableDictionaryRef,
    CFStringRef, CFTypeID, CFTypeRef, CfRef, to_boolean,
};
use crate::capi::handle;
use crate::capi::runtime::class::TypeKind;
use crate::capi::runtime::object::{CfClass, CfObject, Retained};
use crate::core::ordered_table::{OrderedTable, Slot};

/// `const void *(*)(CFAllocatorRef allocator, const void *value)`: returns the
/// pointer to store (usually `value` itself, retained).
pub type CFDictionaryRetainCallBack =
    Option<unsafe extern "C" fn(allocator: CFAllocatorRef, value: *const c_void) -> *const c_void>;
/// `void (*)(CFAllocatorRef allocator, const void *value)`
pub type CFDictionaryReleaseCallBack =
    Option<unsafe extern "C" fn(allocator: CFAllocatorRef, value: *const c_void)>;
/// `CFStringRef (*)(const void *value)`: returns a +1 description.
pub type CFDictionaryCopyDescriptionCallBack =
    Option<unsafe extern "C" fn(value: *const c_void) -> CFStringRef>;
/// `Boolean (*)(const void *value1, const void *value2)`
pub type CFDictionaryEqualCallBack =
    Option<unsafe extern "C" fn(value1: *const c_void, value2: *const c_void) -> Boolean>;
/// `CFHashCode (*)(const void *value)`
pub type CFDictionaryHashCallBack =
    Option<unsafe extern "C" fn(value: *const c_void) -> CFHashCode>;
/// `void (*)(const void *key, const void *value, void *context)`
pub type CFDictionaryApplierFunction =
    Option<unsafe extern "C" fn(key: *const c_void, value: *const c_void, context: *mut c_void)>;

/// How a dictionary treats its keys. `version` must be 0. NULL fields mean:
/// no retain/release, a `<0x…>` description, pointer equality, the address
/// as hash code.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct CFDictionaryKeyCallBacks {
    pub version: CFIndex,
    pub retain: CFDictionaryRetainCallBack,
    pub release: CFDictionaryReleaseCallBack,
    pub copyDescription: CFDictionaryCopyDescriptionCallBack,
    pub equal: CFDictionaryEqualCallBack,
    pub hash: CFDictionaryHashCallBack,
}

/// How a dictionary treats its values (as the key callbacks, without hash).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct CFDictionaryValueCallBacks {
    pub version: CFIndex,
    pub retain: CFDictionaryRetainCallBack,
    pub release: CFDictionaryReleaseCallBack,
    pub copyDescription: CFDictionaryCopyDescriptionCallBack,
    pub equal: CFDictionaryEqualCallBack,
}

/// Keys are CF objects: CFRetain, CFRelease, CFCopyDescription, CFEqual,
/// CFHash. Use this (with `kCFTypeDictionaryValueCallBacks`) for property
/// dictionaries. A NULL key is ignored by every mutating function and never
/// found (Deviation: Apple crashes).
#[unsafe(no_mangle)]
pub static pixelport_kCFTypeDictionaryKeyCallBacks: CFDictionaryKeyCallBacks =
    CFDictionaryKeyCallBacks {
        version: 0,
        retain: Some(cf_type_retain),
        release: Some(cf_type_release),
        copyDescription: Some(cf_type_copy_description),
        equal: Some(cf_type_equal),
        hash: Some(cf_type_hash),
    };

/// Like `kCFTypeDictionaryKeyCallBacks`, except that a string key is stored
/// as a copy (CFStringCreateCopy), so later changes to a mutable string do
/// not change the key. Keys that are not strings are retained.
#[unsafe(no_mangle)]
pub static pixelport_kCFCopyStringDictionaryKeyCallBacks: CFDictionaryKeyCallBacks =
    CFDictionaryKeyCallBacks {
        version: 0,
        retain: Some(copy_string_retain),
        release: Some(cf_type_release),
        copyDescription: Some(cf_type_copy_description),
        equal: Some(cf_type_equal),
        hash: Some(cf_type_hash),
    };

/// Values are CF objects: CFRetain, CFRelease, CFCopyDescription, CFEqual.
/// A NULL value is ignored by every mutating function (Deviation: Apple
/// crashes).
#[unsafe(no_mangle)]
pub static pixelport_kCFTypeDictionaryValueCallBacks: CFDictionaryValueCallBacks =
    CFDictionaryValueCallBacks {
        version: 0,
        retain: Some(cf_type_retain),
        release: Some(cf_type_release),
        copyDescription: Some(cf_type_copy_description),
        equal: Some(cf_type_equal),
    };

/// One key-value pair; cloning it clones the references, never the values.
#[derive(Clone)]
struct Entry {
    key: Arc<Held>,
    value: Arc<Held>,
}

/// What the `…Value` mutators do with a key that is present or absent.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `CFDictionaryAddValue`: only if absent.
    Add,
    /// `CFDictionarySetValue`: add if absent, else replace the value.
    Set,
    /// `CFDictionaryReplaceValue`: only if present.
    Replace,
}

/// The payload of a CFDictionary.
pub struct CfDictionary {
    mutable: bool,
    keys: Callbacks,
    values: Callbacks,
    table: Mutex<OrderedTable<Entry>>,
}

impl CfClass for CfDictionary {
    const KIND: TypeKind = TypeKind::Dictionary;

    /// Same count, and every key of `self` is in `other` with an equal value
    /// (keys by `other`'s key callbacks, values by `self`'s value equal
    /// callback). Dictionaries that compare keys or values with different
    /// callbacks are never equal: handing one's pointers to the other's
    /// callbacks could crash (NULL-callback dictionaries hold non-objects).
    fn cf_equal(&self, other: &Self) -> bool {
        if !self.keys.same_equality(&other.keys) || !self.values.same_equality(&other.values) {
            return false;
        }
        let mine = self.snapshot();
        if mine.len() != other.len() {
            return false;
        }
        mine.iter().all(|(hash, entry)| {
            // SAFETY: both dictionaries use the same key callbacks, which
            // accept every stored key, and the same value equal callback.
            unsafe {
                match other.find_hashed(entry.key.ptr(), *hash).1 {
                    Some((_, theirs)) => self.values.equal(entry.value.ptr(), theirs.value.ptr()),
                    None => false,
                }
            }
        })
    }

    /// The count, as CoreFoundation does: cheap and consistent with equality.
    fn cf_hash(&self) -> CFHashCode {
        self.len() as CFHashCode
    }

    /// Property-list style: `{\n    key = value;\n}`, nested collections
    /// indented, entries in insertion order.
    fn describe(&self) -> String {
        let mut out = String::from("{\n");
        for (_, entry) in self.snapshot() {
            // SAFETY: stored keys and values were accepted by these
            // callbacks when they were added.
            let (key, value) = unsafe {
                (
                    self.keys.describe(entry.key.ptr()),
                    self.values.describe(entry.value.ptr()),
                )
            };
            out.push_str(&format!("    {} = {};\n", indent(&key), indent(&value)));
        }
        out.push('}');
        out
    }
}

impl CfDictionary {
    fn new(mutable: bool, keys: Callbacks, values: Callbacks, table: OrderedTable<Entry>) -> Self {
        CfDictionary {
            mutable,
            keys,
            values,
            table: Mutex::new(table),
        }
    }

    /// Whether keys and values are CF objects (CFType callbacks), so that
    /// code outside CoreFoundation may inspect them as objects.
    pub(crate) fn holds_cf_types(&self) -> bool {
        self.keys.is_cf_typed() && self.values.is_cf_typed()
    }

    /// The table. A panic cannot leave it half-updated (every change is one
    /// `OrderedTable` call), so a poisoned lock is still usable.
    fn lock(&self) -> MutexGuard<'_, OrderedTable<Entry>> {
        self.table.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn len(&self) -> usize {
        self.lock().len()
    }

    /// Every entry with its hash code, in insertion order, kept alive by the
    /// returned clones.
    fn snapshot(&self) -> Vec<(u64, Entry)> {
        self.lock().iter().map(|(h, e)| (h, e.clone())).collect()
    }

    /// Builds a table from key/value arrays; a later duplicate key replaces
    /// the value of the earlier one (the earlier key object stays). Pairs
    /// the callbacks reject (NULL with CFType callbacks) are skipped.
    ///
    /// # Safety
    /// Every key and value must be acceptable to the callbacks.
    unsafe fn build(
        keys: &[*const c_void],
        values: &[*const c_void],
        key_callbacks: &Callbacks,
        value_callbacks: &Callbacks,
    ) -> OrderedTable<Entry> {
        // Not shared yet, so callbacks may run while we hold the table.
        let mut table: OrderedTable<Entry> = OrderedTable::with_capacity(keys.len());
        for (&key, &value) in keys.iter().zip(values) {
            if key_callbacks.rejects(key) || value_callbacks.rejects(value) {
                continue;
            }
            // SAFETY: per this function's contract.
            unsafe {
                let hash = key_callbacks.hash(key);
                let existing = table
                    .candidates(hash)
                    .find(|(_, e)| key_callbacks.equal(e.key.ptr(), key))
                    .map(|(slot, e)| (slot, e.key.clone()));
                match existing {
                    Some((slot, kept_key)) => {
                        let entry = Entry {
                            key: kept_key,
                            value: value_callbacks.hold(value),
                        };
                        drop(table.replace(slot, entry));
                    }
                    None => {
                        let entry = Entry {
                            key: key_callbacks.hold(key),
                            value: value_callbacks.hold(value),
                        };
                        table.insert(hash, entry);
                    }
                }
            }
        }
        table
    }

    /// A new table holding its own references (through the retain
    /// callbacks) to this dictionary's entries.
    fn copy_table(&self) -> OrderedTable<Entry> {
        let entries = self.snapshot();
        let mut table = OrderedTable::with_capacity(entries.len());
        for (hash, entry) in &entries {
            // SAFETY: the values are stored here, so the callbacks accept them.
            let copied = unsafe {
                Entry {
                    key: self.keys.hold(entry.key.ptr()),
                    value: self.values.hold(entry.value.ptr()),
                }
            };
            table.insert(*hash, copied);
        }
        table
    }

    /// The entry whose key equals `key`, with the stamp the answer is valid for.
    ///
    /// # Safety
    /// `key` must be acceptable to the key callbacks.
    unsafe fn find_hashed(&self, key: *const c_void, hash: u64) -> (u64, Option<(Slot, Entry)>) {
        let (stamp, candidates): (u64, Vec<(Slot, Entry)>) = {
            let table = self.lock();
            let found = table.candidates(hash).map(|(s, e)| (s, e.clone()));
            (table.stamp(), found.collect())
        };
        let found = candidates
            .into_iter()
            // SAFETY: per this function's contract; stored keys were accepted.
            .find(|(_, e)| unsafe { self.keys.equal(e.key.ptr(), key) });
        (stamp, found)
    }

    /// The entry whose key equals `key`.
    ///
    /// # Safety
    /// `key` must be acceptable to the key callbacks.
    unsafe fn find(&self, key: *const c_void) -> Option<Entry> {
        if self.keys.rejects(key) {
            return None;
        }
        // SAFETY: per this function's contract.
        unsafe { self.find_hashed(key, self.keys.hash(key)).1 }.map(|(_, e)| e)
    }

    /// `CFDictionaryAddValue` / `SetValue` / `ReplaceValue`.
    ///
    /// # Safety
    /// `key` and `value` must be acceptable to the callbacks.
    unsafe fn store(&self, key: *const c_void, value: *const c_void, mode: Mode) {
        if self.keys.rejects(key) || self.values.rejects(value) {
            return;
        }
        // SAFETY: per this function's contract.
        let hash = unsafe { self.keys.hash(key) };
        // Retained at most once, even when a concurrent mutation makes us
        // look up again.
        let mut new_key: Option<Arc<Held>> = None;
        let mut new_value: Option<Arc<Held>> = None;
        loop {
            // SAFETY: per this function's contract.
            let (stamp, found) = unsafe { self.find_hashed(key, hash) };
            let slot = found.as_ref().map(|(slot, _)| *slot);
            if matches!((mode, slot), (Mode::Add, Some(_)) | (Mode::Replace, None)) {
                return;
            }
            let value_ref = new_value
                // SAFETY: per this function's contract.
                .get_or_insert_with(|| unsafe { self.values.hold(value) })
                .clone();
            let entry = match found {
                // Apple keeps the key object already in the dictionary.
                Some((_, existing)) => Entry {
                    key: existing.key,
                    value: value_ref,
                },
                None => Entry {
                    key: new_key
                        // SAFETY: per this function's contract.
                        .get_or_insert_with(|| unsafe { self.keys.hold(key) })
                        .clone(),
                    value: value_ref,
                },
            };
            let outcome = {
                let mut table = self.lock();
                if table.stamp() != stamp {
                    Err(entry)
                } else if let Some(slot) = slot {
                    Ok(table.replace(slot, entry))
                } else {
                    table.insert(hash, entry);
                    Ok(None)
                }
            };
            // Unlocked: dropping the replaced entry may run release callbacks.
            if let Ok(replaced) = outcome {
                drop(replaced);
                return;
            }
        }
    }

    /// `CFDictionaryRemoveValue`.
    ///
    /// # Safety
    /// `key` must be acceptable to the key callbacks.
    unsafe fn remove(&self, key: *const c_void) {
        if self.keys.rejects(key) {
            return;
        }
        // SAFETY: per this function's contract.
        let hash = unsafe { self.keys.hash(key) };
        loop {
            // SAFETY: per this function's contract.
            let (stamp, found) = unsafe { self.find_hashed(key, hash) };
            let Some((slot, _)) = found else {
                return;
            };
            let removed = {
                let mut table = self.lock();
                (table.stamp() == stamp).then(|| table.remove(slot))
            };
            // Unlocked: the last references go here, releasing the pair.
            if let Some(removed) = removed {
                drop(removed);
                return;
            }
        }
    }

    fn remove_all(&self) {
        let removed = self.lock().clear();
        drop(removed);
    }
}

/// Reads a key callbacks pointer: NULL means [`Callbacks::NONE`]; `None` for
/// a misaligned struct or a version other than 0.
///
/// # Safety
/// `callbacks` must be NULL or point to a `CFDictionaryKeyCallBacks`.
unsafe fn key_callbacks(callbacks: *const CFDictionaryKeyCallBacks) -> Option<Callbacks> {
    if callbacks.is_null() {
        return Some(Callbacks::NONE);
    }
    // SAFETY: non-NULL, so `slice` checks alignment and borrows one struct.
    let c = unsafe { handle::slice(callbacks, 1) }?.first()?;
    (c.version == 0)
        .then(|| Callbacks::new(c.retain, c.release, c.copyDescription, c.equal, c.hash))
}

/// As [`key_callbacks`], for value callbacks.
///
/// # Safety
/// `callbacks` must be NULL or point to a `CFDictionaryValueCallBacks`.
unsafe fn value_callbacks(callbacks: *const CFDictionaryValueCallBacks) -> Option<Callbacks> {
    if callbacks.is_null() {
        return Some(Callbacks::NONE);
    }
    // SAFETY: non-NULL, so `slice` checks alignment and borrows one struct.
    let c = unsafe { handle::slice(callbacks, 1) }?.first()?;
    (c.version == 0).then(|| Callbacks::new(c.retain, c.release, c.copyDescription, c.equal, None))
}

fn into_ref(dictionary: CfDictionary) -> CFTypeRef {
    Retained::new(dictionary).into_raw()
}

/// The dictionary behind a mutable reference, or `None` if it is not a
/// dictionary or is immutable.
fn writable(object: &CfObject<CfDictionary>) -> Option<&CfDictionary> {
    object.value.mutable.then_some(&object.value)
}

/// The type ID shared by CFDictionary and CFMutableDictionary.
#[unsafe(no_mangle)]
pub extern "C" fn pixelport_CFDictionaryGetTypeID() -> CFTypeID {
    TypeKind::Dictionary.type_id()
}

/// Creates an immutable (+1) dictionary of `numValues` pairs; `keys[i]`
/// maps to `values[i]`. Keys and values are retained through the callbacks;
/// NULL callback pointers mean no retain/release, pointer equality and the
/// address as hash. When a key occurs twice, the later value replaces the
/// earlier one (the first key object is kept).
///
/// Returns NULL for a negative `numValues`, NULL `keys`/`values` with a
/// non-zero count, or a callbacks struct whose version is not 0. Pairs with a
/// NULL key or value under CFType callbacks are skipped (Deviation: Apple
/// crashes).
///
/// # Safety
/// `keys` and `values` must be NULL or point to `numValues` pointers each,
/// acceptable to the callbacks; each callbacks pointer must be NULL or point
/// to a valid struct whose functions stay callable for the dictionary's life.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDictionaryCreate(
    allocator: CFAllocatorRef,
    keys: *mut *const c_void,
    values: *mut *const c_void,
    numValues: CFIndex,
    keyCallBacks: *const CFDictionaryKeyCallBacks,
    valueCallBacks: *const CFDictionaryValueCallBacks,
) -> CFDictionaryRef {
    let _ = allocator;
    ffi_guard!(CFDictionaryRef::null(), {
        // SAFETY: per this function's contract.
        let parts = unsafe {
            (
                handle::slice(keys.cast_const(), numValues),
                handle::slice(values.cast_const(), numValues),
                key_callbacks(keyCallBacks),
                value_callbacks(valueCallBacks),
            )
        };
        let (Some(keys), Some(values), Some(kcb), Some(vcb)) = parts else {
            return CFDictionaryRef::null();
        };
        // SAFETY: per this function's contract.
        let table = unsafe { CfDictionary::build(keys, values, &kcb, &vcb) };
        CFDictionaryRef::from_type(into_ref(CfDictionary::new(false, kcb, vcb, table)))
    })
}

/// An immutable (+1) copy with the same callbacks, which retain every key
/// and value again. Copying an immutable dictionary returns `theDict` itself,
/// retained. NULL for NULL or a non-dictionary.
///
/// # Safety
/// `theDict` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDictionaryCreateCopy(
    allocator: CFAllocatorRef,
    theDict: CFDictionaryRef,
) -> CFDictionaryRef {
    let _ = allocator;
    ffi_guard!(CFDictionaryRef::null(), {
        let dict = try_ref!(theDict, CfDictionary, CFDictionaryRef::null());
        if !dict.value.mutable {
            return CFDictionaryRef::from_type(Retained::retain(dict).into_raw());
        }
        let d = &dict.value;
        let copy = CfDictionary::new(false, d.keys, d.values, d.copy_table());
        CFDictionaryRef::from_type(into_ref(copy))
    })
}

/// Creates an empty mutable (+1) dictionary. `capacity` is only a sizing
/// hint; the dictionary always grows as needed. NULL for a negative
/// capacity or a callbacks struct whose version is not 0.
///
/// Thread safety: reads may run concurrently with each other; concurrent
/// mutation is not supported (as on Apple platforms) but cannot corrupt
/// memory. Callbacks never run under the dictionary's internal lock, so they
/// may read the dictionary.
///
/// # Safety
/// Each callbacks pointer must be NULL or point to a valid struct whose
/// functions stay callable for the dictionary's life.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDictionaryCreateMutable(
    allocator: CFAllocatorRef,
    capacity: CFIndex,
    keyCallBacks: *const CFDictionaryKeyCallBacks,
    valueCallBacks: *const CFDictionaryValueCallBacks,
) -> CFMutableDictionaryRef {
    let _ = allocator;
    ffi_guard!(CFMutableDictionaryRef::null(), {
        let Ok(capacity) = usize::try_from(capacity) else {
            return CFMutableDictionaryRef::null();
        };
        // SAFETY: per this function's contract.
        let callbacks = unsafe { (key_callbacks(keyCallBacks), value_callbacks(valueCallBacks)) };
        let (Some(kcb), Some(vcb)) = callbacks else {
            return CFMutableDictionaryRef::null();
        };
        let table = OrderedTable::with_capacity(capacity);
        CFMutableDictionaryRef::from_type(into_ref(CfDictionary::new(true, kcb, vcb, table)))
    })
}

/// A mutable (+1) copy of `theDict` with the same callbacks, which retain
/// every key and value again. `capacity` is a hint only. NULL for NULL, a
/// non-dictionary or a negative capacity.
///
/// # Safety
/// `theDict` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDictionaryCreateMutableCopy(
    allocator: CFAllocatorRef,
    capacity: CFIndex,
    theDict: CFDictionaryRef,
) -> CFMutableDictionaryRef {
    let _ = allocator;
    ffi_guard!(CFMutableDictionaryRef::null(), {
        let dict = try_ref!(theDict, CfDictionary, CFMutableDictionaryRef::null());
        if capacity < 0 {
            return CFMutableDictionaryRef::null();
        }
        let d = &dict.value;
        let copy = CfDictionary::new(true, d.keys, d.values, d.copy_table());
        CFMutableDictionaryRef::from_type(into_ref(copy))
    })
}

/// The number of key-value pairs; 0 for NULL or a non-dictionary.
///
/// # Safety
/// `theDict` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDictionaryGetCount(theDict: CFDictionaryRef) -> CFIndex {
    ffi_guard!({ try_ref!(theDict, CfDictionary).value.len() as CFIndex })
}

/// 1 if a key equal to `key` (by the key callbacks) is present, else 0.
///
/// # Safety
/// `theDict` must be NULL or a live object; `key` must be acceptable to the
/// dictionary's key callbacks.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDictionaryGetCountOfKey(
    theDict: CFDictionaryRef,
    key: *const c_void,
) -> CFIndex {
    ffi_guard!({
        let dict = try_ref!(theDict, CfDictionary);
        // SAFETY: per this function's contract.
        CFIndex::from(unsafe { dict.value.find(key) }.is_some())
    })
}

/// How many values equal `value` (by the value equal callback, or pointer
/// equality without one).
///
/// # Safety
/// `theDict` must be NULL or a live object; `value` must be acceptable to
/// the dictionary's value callbacks.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDictionaryGetCountOfValue(
    theDict: CFDictionaryRef,
    value: *const c_void,
) -> CFIndex {
    ffi_guard!({
        let d = &try_ref!(theDict, CfDictionary).value;
        if d.values.rejects(value) {
            return 0;
        }
        let entries = d.snapshot();
        let matching = entries
            .iter()
            // SAFETY: per this function's contract; stored values were accepted.
            .filter(|(_, e)| unsafe { d.values.equal(e.value.ptr(), value) })
            .count();
        matching as CFIndex
    })
}

/// Whether a key equal to `key` is present. False for NULL or a
/// non-dictionary.
///
/// # Safety
/// As for `CFDictionaryGetCountOfKey`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDictionaryContainsKey(
    theDict: CFDictionaryRef,
    key: *const c_void,
) -> Boolean {
    // SAFETY: per this function's contract.
    ffi_guard!({ to_boolean(unsafe { pixelport_CFDictionaryGetCountOfKey(theDict, key) } > 0) })
}

/// Whether some value equals `value`. False for NULL or a non-dictionary.
///
/// # Safety
/// As for `CFDictionaryGetCountOfValue`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDictionaryContainsValue(
    theDict: CFDictionaryRef,
    value: *const c_void,
) -> Boolean {
    ffi_guard!({
        // SAFETY: per this function's contract.
        to_boolean(unsafe { pixelport_CFDictionaryGetCountOfValue(theDict, value) } > 0)
    })
}

/// The value stored under a key equal to `key` (+0: not retained, valid
/// while the dictionary holds it), or NULL when absent — ambiguous if NULL
/// values are stored; see `CFDictionaryGetValueIfPresent`. Keys are compared
/// with the key callbacks, so `CFSTR("k")` finds an entry stored under a
/// created string "k". NULL for NULL or a non-dictionary.
///
/// # Safety
/// `theDict` must be NULL or a live object; `key` must be acceptable to the
/// dictionary's key callbacks.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDictionaryGetValue(
    theDict: CFDictionaryRef,
    key: *const c_void,
) -> *const c_void {
    ffi_guard!({
        let dict = try_ref!(theDict, CfDictionary);
        // SAFETY: per this function's contract.
        unsafe { dict.value.find(key) }.map_or(std::ptr::null(), |e| e.value.ptr())
    })
}

/// Whether `key` is present; if so and `value` is not NULL, stores the value
/// (+0) in `*value`. `*value` is left untouched when absent. False for NULL
/// or a non-dictionary.
///
/// # Safety
/// As for `CFDictionaryGetValue`; `value` must be NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDictionaryGetValueIfPresent(
    theDict: CFDictionaryRef,
    key: *const c_void,
    value: *mut *const c_void,
) -> Boolean {
    ffi_guard!({
        let dict = try_ref!(theDict, CfDictionary);
        // SAFETY: per this function's contract.
        match unsafe { dict.value.find(key) } {
            Some(entry) => {
                // SAFETY: NULL or writable per this function's contract.
                unsafe { handle::write_out(value, entry.value.ptr()) };
                1
            }
            None => 0,
        }
    })
}

/// Fills `keys[i]` and `values[i]` (+0 each) for every pair, in insertion
/// order, so the i-th key belongs to the i-th value. Either array may be
/// NULL. No-op for NULL or a non-dictionary.
///
/// # Safety
/// `theDict` must be NULL or a live object; each non-NULL array must have
/// room for `CFDictionaryGetCount(theDict)` pointers.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDictionaryGetKeysAndValues(
    theDict: CFDictionaryRef,
    keys: *mut *const c_void,
    values: *mut *const c_void,
) {
    ffi_guard!({
        let dict = try_ref!(theDict, CfDictionary);
        for (i, (_, entry)) in dict.value.snapshot().iter().enumerate() {
            // SAFETY: each array is NULL or has room for `count` pointers.
            unsafe {
                if !keys.is_null() {
                    handle::write_out(keys.add(i), entry.key.ptr());
                }
                if !values.is_null() {
                    handle::write_out(values.add(i), entry.value.ptr());
                }
            }
        }
    })
}

/// Calls `applier(key, value, context)` once per pair, in insertion order.
/// The applier runs on a snapshot without any lock held, so it may read this
/// dictionary; mutating it from the applier is not allowed (as on Apple
/// platforms) but does not affect the pairs still to be visited. No-op for
/// NULL, a non-dictionary or a NULL applier.
///
/// # Safety
/// `theDict` must be NULL or a live object; `applier` must be NULL or a
/// function of the documented type.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDictionaryApplyFunction(
    theDict: CFDictionaryRef,
    applier: CFDictionaryApplierFunction,
    context: *mut c_void,
) {
    ffi_guard!({
        let dict = try_ref!(theDict, CfDictionary);
        let Some(applier) = applier else {
            return;
        };
        let entries = dict.value.snapshot();
        for (_, entry) in &entries {
            // SAFETY: per this function's contract; the snapshot keeps the
            // pair alive during the call.
            unsafe { applier(entry.key.ptr(), entry.value.ptr(), context) };
        }
    })
}

/// Adds `key` → `value` only if no equal key is present (otherwise nothing
/// happens, and nothing is retained). No-op for NULL or a non-dictionary.
///
/// Deviation: on an immutable dictionary this is a no-op (Apple asserts).
///
/// # Safety
/// `theDict` must be NULL or a live object; `key` and `value` must be
/// acceptable to its callbacks.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDictionaryAddValue(
    theDict: CFMutableDictionaryRef,
    key: *const c_void,
    value: *const c_void,
) {
    ffi_guard!({
        let Some(d) = writable(try_ref!(theDict, CfDictionary)) else {
            return;
        };
        // SAFETY: per this function's contract.
        unsafe { d.store(key, value, Mode::Add) }
    })
}

/// Adds `key` → `value`, or replaces the value of an equal key already
/// present (that key object is kept; the new value is retained before the
/// old one is released). No-op for NULL or a non-dictionary.
///
/// Deviation: on an immutable dictionary this is a no-op (Apple asserts).
///
/// # Safety
/// As for `CFDictionaryAddValue`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDictionarySetValue(
    theDict: CFMutableDictionaryRef,
    key: *const c_void,
    value: *const c_void,
) {
    ffi_guard!({
        let Some(d) = writable(try_ref!(theDict, CfDictionary)) else {
            return;
        };
        // SAFETY: per this function's contract.
        unsafe { d.store(key, value, Mode::Set) }
    })
}

/// Replaces the value of an equal key only if one is present (otherwise
/// nothing happens). No-op for NULL or a non-dictionary.
///
/// Deviation: on an immutable dictionary this is a no-op (Apple asserts).
///
/// # Safety
/// As for `CFDictionaryAddValue`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDictionaryReplaceValue(
    theDict: CFMutableDictionaryRef,
    key: *const c_void,
    value: *const c_void,
) {
    ffi_guard!({
        let Some(d) = writable(try_ref!(theDict, CfDictionary)) else {
            return;
        };
        // SAFETY: per this function's contract.
        unsafe { d.store(key, value, Mode::Replace) }
    })
}

/// Removes the pair whose key equals `key`, releasing key and value through
/// the callbacks. No-op when absent, for NULL or a non-dictionary.
///
/// Deviation: on an immutable dictionary this is a no-op (Apple asserts).
///
/// # Safety
/// `theDict` must be NULL or a live object; `key` must be acceptable to its
/// key callbacks.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDictionaryRemoveValue(
    theDict: CFMutableDictionaryRef,
    key: *const c_void,
) {
    ffi_guard!({
        let Some(d) = writable(try_ref!(theDict, CfDictionary)) else {
            return;
        };
        // SAFETY: per this function's contract.
        unsafe { d.remove(key) }
    })
}

/// Removes every pair, releasing keys and values through the callbacks.
/// No-op for NULL or a non-dictionary.
///
/// Deviation: on an immutable dictionary this is a no-op (Apple asserts).
///
/// # Safety
/// `theDict` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDictionaryRemoveAllValues(theDict: CFMutableDictionaryRef) {
    ffi_guard!({
        if let Some(d) = writable(try_ref!(theDict, CfDictionary)) {
            d.remove_all();
        }
    })
}

// Rust-side helpers for the rest of pixelport (CoreVideo attachments,
// VideoToolbox properties). They use the CFType callbacks.

/// A new immutable (+1) dictionary with CFType callbacks holding `pairs`
/// (each key and value retained). Pairs with a NULL key or value are skipped;
/// a later duplicate key replaces the earlier value.
///
/// # Safety
/// Every key and value must be NULL or a live CF object.
pub unsafe fn new_cf_type_dictionary(pairs: &[(CFTypeRef, CFTypeRef)]) -> CFDictionaryRef {
    let (keys, values): (Vec<_>, Vec<_>) = pairs.iter().copied().unzip();
    let (key_callbacks, value_callbacks) = (Callbacks::CF_TYPE_KEYS, Callbacks::CF_TYPE_VALUES);
    // SAFETY: per this function's contract.
    let table = unsafe { CfDictionary::build(&keys, &values, &key_callbacks, &value_callbacks) };
    CFDictionaryRef::from_type(into_ref(CfDictionary::new(
        false,
        key_callbacks,
        value_callbacks,
        table,
    )))
}

/// A new empty mutable (+1) dictionary with CFType callbacks.
pub fn new_mutable_cf_type_dictionary() -> CFMutableDictionaryRef {
    let dict = CfDictionary::new(
        true,
        Callbacks::CF_TYPE_KEYS,
        Callbacks::CF_TYPE_VALUES,
        OrderedTable::default(),
    );
    CFMutableDictionaryRef::from_type(into_ref(dict))
}

/// The value for `key` (+0, valid while `dict` holds it); `None` when absent
/// or when `dict` is not a dictionary. Takes mutable and immutable references.
///
/// # Safety
/// `dict` must be NULL or a live object; `key` must be acceptable to its key
/// callbacks (any CF object for CFType dictionaries).
pub unsafe fn dictionary_get(dict: impl CfRef, key: CFTypeRef) -> Option<CFTypeRef> {
    // SAFETY: per this function's contract.
    let dict = unsafe { handle::object::<CfDictionary>(dict.as_type()) }?;
    // SAFETY: per this function's contract.
    unsafe { dict.value.find(key) }.map(|e| e.value.ptr())
}

/// `CFDictionarySetValue` for Rust callers; false (and no change) when `dict`
/// is not a mutable dictionary.
///
/// # Safety
/// As for [`dictionary_get`], and `value` must be acceptable to the value
/// callbacks.
pub unsafe fn dictionary_set(
    dict: CFMutableDictionaryRef,
    key: CFTypeRef,
    value: CFTypeRef,
) -> bool {
    // SAFETY: per this function's contract.
    let Some(dict) = (unsafe { handle::object::<CfDictionary>(dict.as_type()) }) else {
        return false;
    };
    let Some(d) = writable(dict) else {
        return false;
    };
    // SAFETY: per this function's contract.
    unsafe { d.store(key, value, Mode::Set) };
    true
}

/// Whether `dict` is a dictionary whose keys and values are CF objects
/// (CFType callbacks), so they may be inspected as objects.
///
/// # Safety
/// `dict` must be NULL or a live object.
pub unsafe fn is_cf_type_dictionary(dict: impl CfRef) -> bool {
    // SAFETY: per this function's contract.
    unsafe { handle::object::<CfDictionary>(dict.as_type()) }
        .is_some_and(|d| d.value.holds_cf_types())
}

/// Every pair in insertion order (+0 each, valid while `dict` holds them);
/// empty when `dict` is not a dictionary. Takes mutable and immutable references.
///
/// # Safety
/// `dict` must be NULL or a live object.
pub unsafe fn dictionary_entries(dict: impl CfRef) -> Vec<(CFTypeRef, CFTypeRef)> {
    // SAFETY: per this function's contract.
    match unsafe { handle::object::<CfDictionary>(dict.as_type()) } {
        Some(d) => d
            .value
            .snapshot()
            .iter()
            .map(|(_, e)| (e.key.ptr(), e.value.ptr()))
            .collect(),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {

    /// A dictionary built by the Rust helpers equals the same dictionary
    /// built from C with `kCFTypeDictionary…CallBacks` (regression: the
    /// helpers once gave values a hash callback the C value struct lacks).
    #[test]
    fn rust_built_equals_c_built() {
        use crate::capi::core_foundation::string::new_string;
        let key = new_string("Width");
        let value = new_string("704");
        let mut keys = [key.as_type()];
        let mut values = [value.as_type()];
        // SAFETY: live objects, arrays of one element, exported callbacks.
        unsafe {
            let from_c = pixelport_CFDictionaryCreate(
                CFAllocatorRef::null(),
                keys.as_mut_ptr(),
                values.as_mut_ptr(),
                1,
                &pixelport_kCFTypeDictionaryKeyCallBacks,
                &pixelport_kCFTypeDictionaryValueCallBacks,
            );
            let from_rust = new_cf_type_dictionary(&[(key.as_type(), value.as_type())]);
            let mutable = new_mutable_cf_type_dictionary();
            dictionary_set(mutable, key.as_type(), value.as_type());
            assert!(crate::capi::handle::equal(
                from_c.as_type(),
                from_rust.as_type()
            ));
            assert!(crate::capi::handle::equal(
                from_rust.as_type(),
                mutable.as_type()
            ));
            for object in [
                from_c.as_type(),
                from_rust.as_type(),
                mutable.as_type(),
                key.as_type(),
                value.as_type(),
            ] {
                crate::capi::handle::release(object);
            }
        }
    }
    use super::*;
    use crate::capi::core_foundation::string::new_string;

    fn release(cf: CFTypeRef) {
        // SAFETY: the tests own the references they release.
        unsafe { handle::release(cf) }
    }

    #[test]
    fn rust_helpers_round_trip() {
        let (k1, v1) = (new_string("Key").as_type(), new_string("one").as_type());
        let (k2, v2) = (new_string("Other").as_type(), new_string("two").as_type());
        // SAFETY: live objects throughout.
        unsafe {
            let dict = new_cf_type_dictionary(&[(k1, v1), (k2, v2), (std::ptr::null(), v1)]);
            assert_eq!(handle::retain_count(v1), 2);
            let probe = new_string("Key").as_type();
            assert_eq!(dictionary_get(dict, probe), Some(v1));
            assert_eq!(dictionary_get(dict, v2), None);
            assert_eq!(dictionary_entries(dict), vec![(k1, v1), (k2, v2)]);
            assert!(!dictionary_set(
                CFMutableDictionaryRef::from_type(dict.as_type()),
                k1,
                v2
            ));
            assert_eq!(
                handle::describe(dict.as_type()).unwrap(),
                "{\n    Key = one;\n    Other = two;\n}"
            );

            let m = new_mutable_cf_type_dictionary();
            assert!(dictionary_set(m, k2, v2));
            assert!(dictionary_set(m, k1, v1));
            assert!(handle::equal(m.as_type(), dict.as_type()));
            assert_eq!(handle::hash(m.as_type()), handle::hash(dict.as_type()));
            assert_eq!(dictionary_entries(m)[0], (k2, v2));
            assert!(dictionary_entries(CFDictionaryRef::from_type(k1)).is_empty());
            assert_eq!(dictionary_get(CFDictionaryRef::null(), k1), None);

            for cf in [dict.as_type(), m.as_type(), probe] {
                release(cf);
            }
            assert_eq!(handle::retain_count(v1), 1);
            assert_eq!(handle::retain_count(k2), 1);
        }
        for cf in [k1, v1, k2, v2] {
            release(cf);
        }
    }

    #[test]
    fn exported_constants_have_apple_layout() {
        assert_eq!(std::mem::size_of::<CFDictionaryKeyCallBacks>(), 6 * 8);
        assert_eq!(std::mem::size_of::<CFDictionaryValueCallBacks>(), 5 * 8);
        assert_eq!(pixelport_kCFTypeDictionaryKeyCallBacks.version, 0);
        assert!(pixelport_kCFCopyStringDictionaryKeyCallBacks.hash.is_some());
        assert!(pixelport_kCFTypeDictionaryValueCallBacks.equal.is_some());
    }
}
