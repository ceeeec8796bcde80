//! CFArray and CFMutableArray (CFArray.h, corefoundation.md §7).
//!
//! Values live in a `Vec<Arc<Held>>` behind a mutex (see `collection` for
//! why callbacks never run under the lock): searches, applying and
//! descriptions work on a snapshot of cloned references taken under the
//! lock, and values that a mutation removes are released after unlocking.
//! Index arguments are checked again when a mutation commits, so a
//! concurrent change (which Apple does not support) cannot make one write
//! out of bounds.
//!
//! Immutable and mutable arrays are one class with a flag, as on Apple
//! platforms (`CFArrayGetTypeID` covers both).
#![allow(non_snake_case, non_upper_case_globals)]

use std::ffi::c_void;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use super::collection::{
    Callbacks, Held, cf_type_copy_description, cf_type_equal, cf_type_release, cf_type_retain,
    indent, span,
};
use super::types::{
    Boolean, CFAllocatorRef, CFArrayRef, CFHashCode, CFIndex, CFMutableArrayRef, CFRange,
    CFStringRef, CFTypeID, CFTypeRef, CfRef, kCFNotFound, to_boolean,
};
use crate::capi::handle;
use crate::capi::runtime::class::TypeKind;
use crate::capi::runtime::object::{CfClass, CfObject, Retained};

/// `const void *(*)(CFAllocatorRef allocator, const void *value)`: returns the
/// pointer to store (usually `value` itself, retained).
pub type CFArrayRetainCallBack =
    Option<unsafe extern "C" fn(allocator: CFAllocatorRef, value: *const c_void) -> *const c_void>;
/// `void (*)(CFAllocatorRef allocator, const void *value)`
pub type CFArrayReleaseCallBack =
    Option<unsafe extern "C" fn(allocator: CFAllocatorRef, value: *const c_void)>;
/// `CFStringRef (*)(const void *value)`: returns a +1 description.
pub type CFArrayCopyDescriptionCallBack =
    Option<unsafe extern "C" fn(value: *const c_void) -> CFStringRef>;
/// `Boolean (*)(const void *value1, const void *value2)`
pub type CFArrayEqualCallBack =
    Option<unsafe extern "C" fn(value1: *const c_void, value2: *const c_void) -> Boolean>;
/// `void (*)(const void *value, void *context)`
pub type CFArrayApplierFunction =
    Option<unsafe extern "C" fn(value: *const c_void, context: *mut c_void)>;

/// How an array treats its values. `version` must be 0. NULL fields mean: no
/// retain/release, a `<0x…>` description, pointer equality.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct CFArrayCallBacks {
    pub version: CFIndex,
    pub retain: CFArrayRetainCallBack,
    pub release: CFArrayReleaseCallBack,
    pub copyDescription: CFArrayCopyDescriptionCallBack,
    pub equal: CFArrayEqualCallBack,
}

/// Values are CF objects: CFRetain, CFRelease, CFCopyDescription, CFEqual.
/// Such an array cannot hold NULL (Deviation: Apple crashes; see each
/// function for what it does instead).
#[unsafe(no_mangle)]
pub static pixelport_kCFTypeArrayCallBacks: CFArrayCallBacks = CFArrayCallBacks {
    version: 0,
    retain: Some(cf_type_retain),
    release: Some(cf_type_release),
    copyDescription: Some(cf_type_copy_description),
    equal: Some(cf_type_equal),
};

/// The payload of a CFArray.
pub struct CfArray {
    mutable: bool,
    callbacks: Callbacks,
    items: Mutex<Vec<Arc<Held>>>,
}

impl CfClass for CfArray {
    const KIND: TypeKind = TypeKind::Array;

    /// Same count and pairwise equal values (by the equal callback). Arrays
    /// whose equal callbacks differ are never equal: handing one's pointers
    /// to the other's callback could crash (NULL-callback arrays hold
    /// non-objects).
    fn cf_equal(&self, other: &Self) -> bool {
        if !self.callbacks.same_equality(&other.callbacks) {
            return false;
        }
        let (mine, theirs) = (self.snapshot(), other.snapshot());
        mine.len() == theirs.len()
            && mine.iter().zip(&theirs).all(|(a, b)| {
                // SAFETY: same equal callback, which accepts every stored value.
                unsafe { self.callbacks.equal(a.ptr(), b.ptr()) }
            })
    }

    /// The count, as CoreFoundation does: cheap and consistent with equality.
    fn cf_hash(&self) -> CFHashCode {
        self.len() as CFHashCode
    }

    /// Property-list style: `(\n    a,\n    b\n)`, nested collections indented.
    fn describe(&self) -> String {
        let items = self.snapshot();
        let mut out = String::from("(\n");
        for (i, item) in items.iter().enumerate() {
            // SAFETY: stored values were accepted by these callbacks.
            let text = unsafe { self.callbacks.describe(item.ptr()) };
            let separator = if i + 1 < items.len() { "," } else { "" };
            out.push_str(&format!("    {}{separator}\n", indent(&text)));
        }
        out.push(')');
        out
    }
}

impl CfArray {
    fn new(mutable: bool, callbacks: Callbacks, items: Vec<Arc<Held>>) -> Self {
        CfArray {
            mutable,
            callbacks,
            items: Mutex::new(items),
        }
    }

    /// Whether the values are CF objects (CFType callbacks), so that code
    /// outside CoreFoundation may inspect them as objects.
    pub(crate) fn holds_cf_types(&self) -> bool {
        self.callbacks.is_cf_typed()
    }

    /// The values. Every change is a single `Vec` call, so a poisoned lock
    /// still guards a consistent vector.
    fn lock(&self) -> MutexGuard<'_, Vec<Arc<Held>>> {
        self.items.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn len(&self) -> usize {
        self.lock().len()
    }

    /// All values, kept alive by the returned clones.
    fn snapshot(&self) -> Vec<Arc<Held>> {
        self.lock().clone()
    }

    /// The values in `range`; `None` if it is not inside the array.
    fn snapshot_range(&self, range: CFRange) -> Option<Vec<Arc<Held>>> {
        let items = self.lock();
        let span = span(range.location, range.length, items.len())?;
        Some(items[span].to_vec())
    }

    /// Index of the first (or last) value in `range` equal to `value`.
    ///
    /// # Safety
    /// `value` must be acceptable to the equal callback.
    unsafe fn index_of(&self, range: CFRange, value: *const c_void, last: bool) -> Option<usize> {
        if self.callbacks.rejects(value) {
            return None;
        }
        let items = self.snapshot_range(range)?;
        // SAFETY: per this function's contract; stored values were accepted.
        let matches = |item: &Arc<Held>| unsafe { self.callbacks.equal(item.ptr(), value) };
        let found = if last {
            items.iter().rposition(matches)
        } else {
            items.iter().position(matches)
        };
        // `range.location` is non-negative: `snapshot_range` checked it.
        found.map(|i| i + range.location as usize)
    }

    /// Splices `new` into `start..end` (checked against the current length)
    /// and returns what was removed, or gives `new` back when out of range.
    fn splice(&self, start: usize, end: usize, new: Vec<Arc<Held>>) -> Vec<Arc<Held>> {
        let mut items = self.lock();
        if start > end || end > items.len() {
            return new;
        }
        items.splice(start..end, new).collect()
    }
}

/// References to `values` taken through `callbacks`, or `None` (and no
/// callback called) if one of them is rejected (NULL in a CFType array).
///
/// # Safety
/// Every value must be acceptable to the callbacks.
unsafe fn hold_all(callbacks: &Callbacks, values: &[*const c_void]) -> Option<Vec<Arc<Held>>> {
    if values.iter().any(|&v| callbacks.rejects(v)) {
        return None;
    }
    // SAFETY: per this function's contract.
    Some(
        values
            .iter()
            .map(|&v| unsafe { callbacks.hold(v) })
            .collect(),
    )
}

/// Reads a callbacks pointer: NULL means [`Callbacks::NONE`]; `None` for a
/// misaligned struct or a version other than 0.
///
/// # Safety
/// `callbacks` must be NULL or point to a `CFArrayCallBacks`.
unsafe fn array_callbacks(callbacks: *const CFArrayCallBacks) -> Option<Callbacks> {
    if callbacks.is_null() {
        return Some(Callbacks::NONE);
    }
    // SAFETY: non-NULL, so `slice` checks alignment and borrows one struct.
    let c = unsafe { handle::slice(callbacks, 1) }?.first()?;
    (c.version == 0).then(|| Callbacks::new(c.retain, c.release, c.copyDescription, c.equal, None))
}

fn into_ref(array: CfArray) -> CFTypeRef {
    Retained::new(array).into_raw()
}

/// The array behind a mutable reference, or `None` if it is immutable.
fn writable(object: &CfObject<CfArray>) -> Option<&CfArray> {
    object.value.mutable.then_some(&object.value)
}

/// An index as `usize`, `None` when negative.
fn index(idx: CFIndex) -> Option<usize> {
    usize::try_from(idx).ok()
}

/// The type ID shared by CFArray and CFMutableArray.
#[unsafe(no_mangle)]
pub extern "C" fn pixelport_CFArrayGetTypeID() -> CFTypeID {
    TypeKind::Array.type_id()
}

/// Creates an immutable (+1) array of `numValues` values, retained through
/// the callbacks (a NULL callbacks pointer: not retained, compared by
/// pointer). Returns NULL for a negative count, NULL `values` with a non-zero
/// count, a callbacks struct whose version is not 0, or a NULL value under
/// CFType callbacks (Deviation: Apple crashes there).
///
/// # Safety
/// `values` must be NULL or point to `numValues` pointers acceptable to the
/// callbacks; `callBacks` must be NULL or point to a valid struct whose
/// functions stay callable for the array's life.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFArrayCreate(
    allocator: CFAllocatorRef,
    values: *mut *const c_void,
    numValues: CFIndex,
    callBacks: *const CFArrayCallBacks,
) -> CFArrayRef {
    let _ = allocator;
    ffi_guard!(CFArrayRef::null(), {
        // SAFETY: per this function's contract.
        let parts = unsafe {
            (
                handle::slice(values.cast_const(), numValues),
                array_callbacks(callBacks),
            )
        };
        let (Some(values), Some(callbacks)) = parts else {
            return CFArrayRef::null();
        };
        // SAFETY: per this function's contract.
        let Some(items) = (unsafe { hold_all(&callbacks, values) }) else {
            return CFArrayRef::null();
        };
        CFArrayRef::from_type(into_ref(CfArray::new(false, callbacks, items)))
    })
}

/// An immutable (+1) copy with the same callbacks, which retain every value
/// again. Copying an immutable array returns `theArray` itself, retained.
/// NULL for NULL or a non-array.
///
/// # Safety
/// `theArray` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFArrayCreateCopy(
    allocator: CFAllocatorRef,
    theArray: CFArrayRef,
) -> CFArrayRef {
    let _ = allocator;
    ffi_guard!(CFArrayRef::null(), {
        let array = try_ref!(theArray, CfArray, CFArrayRef::null());
        if !array.value.mutable {
            return CFArrayRef::from_type(Retained::retain(array).into_raw());
        }
        CFArrayRef::from_type(into_ref(copy_of(&array.value, false)))
    })
}

/// A new array with `source`'s callbacks and its own references to its values.
fn copy_of(source: &CfArray, mutable: bool) -> CfArray {
    let items = source
        .snapshot()
        .iter()
        // SAFETY: the values are stored in `source`, so its callbacks accept them.
        .map(|v| unsafe { source.callbacks.hold(v.ptr()) })
        .collect();
    CfArray::new(mutable, source.callbacks, items)
}

/// Creates an empty mutable (+1) array. `capacity` is only a sizing hint.
/// NULL for a negative capacity or a callbacks struct whose version is not 0.
///
/// Thread safety: reads may run concurrently with each other; concurrent
/// mutation is not supported (as on Apple platforms) but cannot corrupt
/// memory. Callbacks never run under the array's internal lock.
///
/// # Safety
/// `callBacks` must be NULL or point to a valid struct whose functions stay
/// callable for the array's life.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFArrayCreateMutable(
    allocator: CFAllocatorRef,
    capacity: CFIndex,
    callBacks: *const CFArrayCallBacks,
) -> CFMutableArrayRef {
    let _ = allocator;
    ffi_guard!(CFMutableArrayRef::null(), {
        let Some(capacity) = index(capacity) else {
            return CFMutableArrayRef::null();
        };
        // SAFETY: per this function's contract.
        let Some(callbacks) = (unsafe { array_callbacks(callBacks) }) else {
            return CFMutableArrayRef::null();
        };
        // A hint from C could be absurd; growth handles anything beyond this.
        let items = Vec::with_capacity(capacity.min(1024));
        CFMutableArrayRef::from_type(into_ref(CfArray::new(true, callbacks, items)))
    })
}

/// A mutable (+1) copy of `theArray` with the same callbacks, which retain
/// every value again. `capacity` is a hint only. NULL for NULL, a non-array
/// or a negative capacity.
///
/// # Safety
/// `theArray` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFArrayCreateMutableCopy(
    allocator: CFAllocatorRef,
    capacity: CFIndex,
    theArray: CFArrayRef,
) -> CFMutableArrayRef {
    let _ = allocator;
    ffi_guard!(CFMutableArrayRef::null(), {
        let array = try_ref!(theArray, CfArray, CFMutableArrayRef::null());
        if capacity < 0 {
            return CFMutableArrayRef::null();
        }
        CFMutableArrayRef::from_type(into_ref(copy_of(&array.value, true)))
    })
}

/// The number of values; 0 for NULL or a non-array.
///
/// # Safety
/// `theArray` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFArrayGetCount(theArray: CFArrayRef) -> CFIndex {
    ffi_guard!({ try_ref!(theArray, CfArray).value.len() as CFIndex })
}

/// The value at `idx` (+0: not retained, valid while the array holds it).
///
/// Deviation: NULL for an index outside `0..count` (Apple raises), for NULL
/// or a non-array.
///
/// # Safety
/// `theArray` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFArrayGetValueAtIndex(
    theArray: CFArrayRef,
    idx: CFIndex,
) -> *const c_void {
    ffi_guard!({
        let array = try_ref!(theArray, CfArray);
        let items = array.value.lock();
        index(idx)
            .and_then(|i| items.get(i))
            .map_or(std::ptr::null(), |v| v.ptr())
    })
}

/// Copies the values in `range` (+0 each) into `values`.
///
/// Deviation: a range outside the array leaves `values` untouched (Apple
/// raises). No-op for NULL, a non-array or NULL `values`.
///
/// # Safety
/// `theArray` must be NULL or a live object; `values` must be NULL or have
/// room for `range.length` pointers.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFArrayGetValues(
    theArray: CFArrayRef,
    range: CFRange,
    values: *mut *const c_void,
) {
    ffi_guard!({
        let array = try_ref!(theArray, CfArray);
        if values.is_null() {
            return;
        }
        let Some(items) = array.value.snapshot_range(range) else {
            return;
        };
        for (i, item) in items.iter().enumerate() {
            // SAFETY: `values` has room for `range.length` pointers, and
            // `items` has exactly that many.
            unsafe { handle::write_out(values.add(i), item.ptr()) };
        }
    })
}

/// Whether a value in `range` equals `value` (by the equal callback, or
/// pointer equality without one). False for a range outside the array
/// (Deviation: Apple raises), for NULL or a non-array.
///
/// # Safety
/// `theArray` must be NULL or a live object; `value` must be acceptable to
/// its equal callback.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFArrayContainsValue(
    theArray: CFArrayRef,
    range: CFRange,
    value: *const c_void,
) -> Boolean {
    ffi_guard!({
        let array = try_ref!(theArray, CfArray);
        // SAFETY: per this function's contract.
        to_boolean(unsafe { array.value.index_of(range, value, false) }.is_some())
    })
}

/// The lowest index in `range` whose value equals `value`, or `kCFNotFound`
/// (-1). Also -1 for a range outside the array (Deviation: Apple raises), for
/// NULL or a non-array.
///
/// # Safety
/// As for `CFArrayContainsValue`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFArrayGetFirstIndexOfValue(
    theArray: CFArrayRef,
    range: CFRange,
    value: *const c_void,
) -> CFIndex {
    ffi_guard!(kCFNotFound, {
        let array = try_ref!(theArray, CfArray, kCFNotFound);
        // SAFETY: per this function's contract.
        unsafe { array.value.index_of(range, value, false) }.map_or(kCFNotFound, |i| i as CFIndex)
    })
}

/// The highest index in `range` whose value equals `value`, or `kCFNotFound`
/// (-1). Also -1 for a range outside the array (Deviation: Apple raises), for
/// NULL or a non-array.
///
/// # Safety
/// As for `CFArrayContainsValue`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFArrayGetLastIndexOfValue(
    theArray: CFArrayRef,
    range: CFRange,
    value: *const c_void,
) -> CFIndex {
    ffi_guard!(kCFNotFound, {
        let array = try_ref!(theArray, CfArray, kCFNotFound);
        // SAFETY: per this function's contract.
        unsafe { array.value.index_of(range, value, true) }.map_or(kCFNotFound, |i| i as CFIndex)
    })
}

/// Calls `applier(value, context)` for each value in `range`, in order. The
/// applier runs on a snapshot without any lock held, so it may read this
/// array; mutating it from the applier is not allowed (as on Apple
/// platforms) but does not change the values still to be visited.
///
/// Deviation: a range outside the array calls nothing (Apple raises).
/// No-op for NULL, a non-array or a NULL applier.
///
/// # Safety
/// `theArray` must be NULL or a live object; `applier` must be NULL or a
/// function of the documented type.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFArrayApplyFunction(
    theArray: CFArrayRef,
    range: CFRange,
    applier: CFArrayApplierFunction,
    context: *mut c_void,
) {
    ffi_guard!({
        let array = try_ref!(theArray, CfArray);
        let (Some(applier), Some(items)) = (applier, array.value.snapshot_range(range)) else {
            return;
        };
        for item in &items {
            // SAFETY: per this function's contract; the snapshot keeps the
            // value alive during the call.
            unsafe { applier(item.ptr(), context) };
        }
    })
}

/// Appends `value`, retained through the callbacks.
///
/// Deviation: no-op on an immutable array (Apple asserts) and for NULL under
/// CFType callbacks (Apple crashes). No-op for NULL or a non-array.
///
/// # Safety
/// `theArray` must be NULL or a live object; `value` must be acceptable to
/// its callbacks.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFArrayAppendValue(
    theArray: CFMutableArrayRef,
    value: *const c_void,
) {
    ffi_guard!({
        let Some(a) = writable(try_ref!(theArray, CfArray)) else {
            return;
        };
        // SAFETY: per this function's contract.
        if let Some(new) = unsafe { hold_all(&a.callbacks, &[value]) } {
            a.lock().extend(new);
        }
    })
}

/// Inserts `value` (retained) at `idx`, shifting later values up; `idx` may
/// equal the count (append).
///
/// Deviation: no-op for an index outside `0..=count` (Apple raises), on an
/// immutable array (Apple asserts), and for NULL under CFType callbacks
/// (Apple crashes). No-op for NULL or a non-array.
///
/// # Safety
/// As for `CFArrayAppendValue`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFArrayInsertValueAtIndex(
    theArray: CFMutableArrayRef,
    idx: CFIndex,
    value: *const c_void,
) {
    ffi_guard!({
        let Some(a) = writable(try_ref!(theArray, CfArray)) else {
            return;
        };
        // Checked before retaining so that a bad index calls no callback.
        let Some(at) = index(idx).filter(|&i| i <= a.len()) else {
            return;
        };
        // SAFETY: per this function's contract.
        if let Some(new) = unsafe { hold_all(&a.callbacks, &[value]) } {
            drop(a.splice(at, at, new));
        }
    })
}

/// Replaces the value at `idx` with `value`: the new value is retained, then
/// the old one released. `idx` equal to the count appends.
///
/// Deviation: no-op for an index outside `0..=count` (Apple raises), on an
/// immutable array (Apple asserts), and for NULL under CFType callbacks
/// (Apple crashes). No-op for NULL or a non-array.
///
/// # Safety
/// As for `CFArrayAppendValue`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFArraySetValueAtIndex(
    theArray: CFMutableArrayRef,
    idx: CFIndex,
    value: *const c_void,
) {
    ffi_guard!({
        let Some(a) = writable(try_ref!(theArray, CfArray)) else {
            return;
        };
        let Some(at) = index(idx).filter(|&i| i <= a.len()) else {
            return;
        };
        // SAFETY: per this function's contract.
        let Some(new) = (unsafe { hold_all(&a.callbacks, &[value]) }) else {
            return;
        };
        let replaced = {
            let mut items = a.lock();
            if at < items.len() {
                items.splice(at..=at, new).collect()
            } else if at == items.len() {
                items.extend(new);
                Vec::new()
            } else {
                // Shrunk concurrently since the check: give the value back.
                new
            }
        };
        // Unlocked: the old value is released here.
        drop(replaced);
    })
}

/// Removes the value at `idx` (released through the callbacks), shifting
/// later values down.
///
/// Deviation: no-op for an index outside `0..count` (Apple raises) or on an
/// immutable array (Apple asserts). No-op for NULL or a non-array.
///
/// # Safety
/// `theArray` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFArrayRemoveValueAtIndex(
    theArray: CFMutableArrayRef,
    idx: CFIndex,
) {
    ffi_guard!({
        let Some(a) = writable(try_ref!(theArray, CfArray)) else {
            return;
        };
        let Some(at) = index(idx) else {
            return;
        };
        let removed = {
            let mut items = a.lock();
            (at < items.len()).then(|| items.remove(at))
        };
        drop(removed);
    })
}

/// Removes every value, releasing each through the callbacks.
///
/// Deviation: no-op on an immutable array (Apple asserts). No-op for NULL or
/// a non-array.
///
/// # Safety
/// `theArray` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFArrayRemoveAllValues(theArray: CFMutableArrayRef) {
    ffi_guard!({
        if let Some(a) = writable(try_ref!(theArray, CfArray)) {
            let removed = std::mem::take(&mut *a.lock());
            drop(removed);
        }
    })
}

/// Replaces the values in `range` with `newCount` values from `newValues`
/// (retained); the array grows or shrinks as needed. An empty range inserts
/// at `range.location`; `newCount` 0 just removes the range. The range may
/// end at the count.
///
/// Deviation: no-op for a range outside `0..=count` (Apple raises), a
/// negative `newCount`, NULL `newValues` with a non-zero count, a NULL value
/// under CFType callbacks (Apple crashes), or an immutable array (Apple
/// asserts). No-op for NULL or a non-array.
///
/// # Safety
/// `theArray` must be NULL or a live object; `newValues` must be NULL or
/// point to `newCount` pointers acceptable to its callbacks.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFArrayReplaceValues(
    theArray: CFMutableArrayRef,
    range: CFRange,
    newValues: *mut *const c_void,
    newCount: CFIndex,
) {
    ffi_guard!({
        let Some(a) = writable(try_ref!(theArray, CfArray)) else {
            return;
        };
        // SAFETY: per this function's contract.
        let Some(values) = (unsafe { handle::slice(newValues.cast_const(), newCount) }) else {
            return;
        };
        // Checked before retaining so that a bad range calls no callback.
        let Some(target) = span(range.location, range.length, a.len()) else {
            return;
        };
        // SAFETY: per this function's contract.
        let Some(new) = (unsafe { hold_all(&a.callbacks, values) }) else {
            return;
        };
        // Unlocked: the replaced values are released here.
        drop(a.splice(target.start, target.end, new));
    })
}

/// Swaps the values at `idx1` and `idx2`.
///
/// Deviation: no-op if either index is outside `0..count` (Apple raises) or
/// on an immutable array (Apple asserts). No-op for NULL or a non-array.
///
/// # Safety
/// `theArray` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFArrayExchangeValuesAtIndices(
    theArray: CFMutableArrayRef,
    idx1: CFIndex,
    idx2: CFIndex,
) {
    ffi_guard!({
        let Some(a) = writable(try_ref!(theArray, CfArray)) else {
            return;
        };
        let mut items = a.lock();
        if let (Some(i), Some(j)) = (index(idx1), index(idx2)) {
            if i < items.len() && j < items.len() {
                items.swap(i, j);
            }
        }
    })
}

// Rust-side helpers for the rest of pixelport (pixel format lists, supported
// property values). They use the CFType callbacks.

/// A new immutable (+1) array with CFType callbacks holding `values` (each
/// retained); NULL if one of them is NULL.
///
/// # Safety
/// Every value must be NULL or a live CF object.
pub unsafe fn new_cf_type_array(values: &[CFTypeRef]) -> CFArrayRef {
    // SAFETY: per this function's contract.
    match unsafe { hold_all(&Callbacks::CF_TYPE_VALUES, values) } {
        Some(items) => CFArrayRef::from_type(into_ref(CfArray::new(
            false,
            Callbacks::CF_TYPE_VALUES,
            items,
        ))),
        None => CFArrayRef::null(),
    }
}

/// The value at `idx` (+0, valid while `array` holds it); `None` out of
/// range or when `array` is not an array. Takes mutable and immutable references.
///
/// # Safety
/// `array` must be NULL or a live object.
pub unsafe fn array_get(array: impl CfRef, idx: usize) -> Option<CFTypeRef> {
    // SAFETY: per this function's contract.
    let array = unsafe { handle::object::<CfArray>(array.as_type()) }?;
    array.value.lock().get(idx).map(|v| v.ptr())
}

/// Every value in order (+0 each, valid while `array` holds them); empty
/// when `array` is not an array. Takes mutable and immutable references.
///
/// # Safety
/// `array` must be NULL or a live object.
pub unsafe fn array_values(array: impl CfRef) -> Vec<CFTypeRef> {
    // SAFETY: per this function's contract.
    match unsafe { handle::object::<CfArray>(array.as_type()) } {
        Some(a) => a.value.lock().iter().map(|v| v.ptr()).collect(),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {

    /// An array built by the Rust helper equals the same array built from C
    /// with `kCFTypeArrayCallBacks` (same regression as for dictionaries).
    #[test]
    fn rust_built_equals_c_built() {
        use crate::capi::core_foundation::string::new_string;
        let item = new_string("x");
        let mut values = [item.as_type()];
        // SAFETY: a live object, an array of one element, exported callbacks.
        unsafe {
            let from_c = pixelport_CFArrayCreate(
                CFAllocatorRef::null(),
                values.as_mut_ptr(),
                1,
                &pixelport_kCFTypeArrayCallBacks,
            );
            let from_rust = new_cf_type_array(&[item.as_type()]);
            assert!(crate::capi::handle::equal(
                from_c.as_type(),
                from_rust.as_type()
            ));
            for object in [from_c.as_type(), from_rust.as_type(), item.as_type()] {
                crate::capi::handle::release(object);
            }
        }
    }
    use super::*;
    use crate::capi::core_foundation::string::new_string;

    #[test]
    fn rust_helpers_round_trip() {
        let (a, b) = (new_string("a").as_type(), new_string("b").as_type());
        // SAFETY: live objects throughout; the test owns what it releases.
        unsafe {
            let array = new_cf_type_array(&[a, b, a]);
            assert_eq!(handle::retain_count(a), 3);
            assert_eq!(array_get(array, 1), Some(b));
            assert_eq!(array_get(array, 3), None);
            assert_eq!(array_values(array), vec![a, b, a]);
            assert_eq!(
                handle::describe(array.as_type()).unwrap(),
                "(\n    a,\n    b,\n    a\n)"
            );
            assert!(new_cf_type_array(&[a, std::ptr::null()]).is_null());
            assert_eq!(handle::retain_count(a), 3);
            assert!(array_values(CFArrayRef::from_type(a)).is_empty());
            let copy = new_cf_type_array(&[a, b, a]);
            assert!(handle::equal(array.as_type(), copy.as_type()));
            handle::release(copy.as_type());
            handle::release(array.as_type());
            assert_eq!(handle::retain_count(a), 1);
            handle::release(a);
            handle::release(b);
        }
    }

    #[test]
    fn exported_constant_has_apple_layout() {
        assert_eq!(std::mem::size_of::<CFArrayCallBacks>(), 5 * 8);
        assert_eq!(pixelport_kCFTypeArrayCallBacks.version, 0);
    }
}
