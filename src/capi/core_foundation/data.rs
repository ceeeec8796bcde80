//! CFData and CFMutableData (CFData.h): ICC profiles, SEI payloads and any
//! other byte blob that travels as a CF object.
//!
//! Three storage kinds answer to the one CFData type ID:
//! - immutable data owning a copy of its bytes (`CFDataCreate`, `…CreateCopy`);
//! - immutable data over the caller's memory (`CFDataCreateWithBytesNoCopy`),
//!   which hands that memory to its deallocator exactly once, when the data
//!   is destroyed;
//! - mutable data (`CFDataCreateMutable…`), growable (capacity 0) or limited
//!   to a fixed maximum capacity, as on Apple platforms.
//!
//! Pointer stability, which `CFDataGetBytePtr`/`CFDataGetMutableBytePtr`
//! callers rely on: immutable bytes never move. Mutable bytes live in one heap
//! block that moves only when a mutation needs more room than it has; a
//! fixed-capacity data reserves its whole capacity at creation and so never
//! moves. The documented contract is the simpler "valid until the next
//! mutation or the release of the data".
//!
//! Mutable data keeps its bytes behind a mutex. CoreFoundation does not make
//! mutable objects safe to mutate from several threads, and neither do we;
//! the lock only keeps pixelport's own bookkeeping sound under such misuse.
#![allow(non_snake_case)]

use std::borrow::Cow;
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::allocator::{CfAllocator, allocator_ref_of, deallocate_with, retain_deallocator};
use super::types::{
    CFAllocatorRef, CFDataRef, CFHashCode, CFIndex, CFMutableDataRef, CFRange, CFTypeID, CFTypeRef,
    CfRef, UInt8,
};
use crate::capi::handle;
use crate::capi::runtime::class::TypeKind;
use crate::capi::runtime::object::{CfClass, Retained};
use crate::core::bytes;

/// The payload of a CFData.
pub enum CfData {
    /// Immutable bytes we own; never changed after creation.
    Owned(Vec<u8>),
    /// Immutable bytes in the caller's memory.
    NoCopy(Borrowed),
    /// A CFMutableData.
    Mutable(Mutex<Growing>),
}

/// Caller memory owned by a no-copy data.
pub struct Borrowed {
    /// NULL only when `len` is 0.
    ptr: *const u8,
    len: usize,
    /// Retained for as long as the data lives; frees `ptr` at the end.
    deallocator: Retained<CfAllocator>,
}

// SAFETY: the bytes are never written through `ptr`; the creator promised
// that they stay valid and unchanged while the data lives, from any thread.
unsafe impl Send for Borrowed {}
// SAFETY: as above, all access is read-only.
unsafe impl Sync for Borrowed {}

impl Drop for Borrowed {
    fn drop(&mut self) {
        // SAFETY: `ptr` was handed to us with this deallocator, and a data is
        // destroyed once, so the memory is freed exactly once.
        unsafe { deallocate_with(allocator_ref_of(&self.deallocator), self.ptr as *mut _) };
    }
}

/// The bytes of a mutable data.
pub struct Growing {
    bytes: Vec<u8>,
    /// The fixed maximum length; `None` when the data may grow freely.
    limit: Option<usize>,
}

impl Growing {
    fn capacity(&self) -> usize {
        self.limit.unwrap_or(self.bytes.capacity())
    }
}

fn lock(m: &Mutex<Growing>) -> MutexGuard<'_, Growing> {
    // A panic while the lock was held left the bytes in a valid state (every
    // edit checks before it changes anything), so poisoning is ignored.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl CfData {
    /// Runs `f` on the start and length of the bytes without forming a Rust
    /// reference to them, so `f` may copy into memory that overlaps them.
    /// The start is NULL only for an empty no-copy data made from NULL.
    fn with_raw<R>(&self, f: impl FnOnce(*const u8, usize) -> R) -> R {
        match self {
            CfData::Owned(v) => f(v.as_ptr(), v.len()),
            CfData::NoCopy(b) => f(b.ptr, b.len),
            CfData::Mutable(m) => {
                let g = lock(m);
                f(g.bytes.as_ptr(), g.bytes.len())
            }
        }
    }

    /// Runs `f` on the bytes and the capacity `CFCopyDescription` reports.
    fn with_bytes<R>(&self, f: impl FnOnce(&[u8], usize) -> R) -> R {
        match self {
            CfData::Owned(v) => f(v, v.len()),
            CfData::NoCopy(b) => {
                let bytes = if b.len == 0 {
                    &[][..]
                } else {
                    // SAFETY: non-NULL when non-empty, and readable for `len`
                    // bytes for the data's lifetime (creation contract).
                    unsafe { std::slice::from_raw_parts(b.ptr, b.len) }
                };
                f(bytes, b.len)
            }
            CfData::Mutable(m) => {
                let g = lock(m);
                f(&g.bytes, g.capacity())
            }
        }
    }
}

impl CfClass for CfData {
    const KIND: TypeKind = TypeKind::Data;
    fn cf_equal(&self, other: &Self) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        // Two mutable data lock both; a fixed order avoids a deadlock when two
        // threads compare the same pair in opposite orders.
        let (first, second) = if (self as *const Self) < (other as *const Self) {
            (self, other)
        } else {
            (other, self)
        };
        first.with_bytes(|a, _| second.with_bytes(|b, _| a == b))
    }
    fn cf_hash(&self) -> CFHashCode {
        self.with_bytes(|b, _| bytes::hash_code(b)) as CFHashCode
    }
    fn describe(&self) -> String {
        self.with_bytes(bytes::describe)
    }
}

fn new_ref(data: CfData) -> CFTypeRef {
    Retained::new(data).into_raw()
}

fn new_immutable(bytes: Vec<u8>) -> CFDataRef {
    CFDataRef::from_type(new_ref(CfData::Owned(bytes)))
}

fn new_mutable(bytes: Vec<u8>, limit: Option<usize>) -> CFMutableDataRef {
    CFMutableDataRef::from_type(new_ref(CfData::Mutable(Mutex::new(Growing {
        bytes,
        limit,
    }))))
}

/// A new (+1) immutable CFData holding a copy of `bytes`, for Rust callers.
/// NULL only if the memory cannot be allocated.
pub fn new_data(src: &[u8]) -> CFDataRef {
    bytes::copy_of(src, 0).map_or(CFDataRef::null(), new_immutable)
}

/// A copy of a CFData's bytes (None for NULL or a non-data object).
///
/// # Safety
/// `data` must be NULL or a live object.
pub unsafe fn data_bytes(data: CFDataRef) -> Option<Vec<u8>> {
    // SAFETY: forwarded contract.
    let object = unsafe { handle::object::<CfData>(data.as_type()) }?;
    Some(object.value.with_bytes(|b, _| b.to_vec()))
}

/// The capacity argument of the mutable constructors: 0 = unlimited.
fn limit_of(capacity: CFIndex) -> Option<Option<usize>> {
    match usize::try_from(capacity).ok()? {
        0 => Some(None),
        n => Some(Some(n)),
    }
}

/// The bytes C passed to an edit of `own`. When they lie inside `own`'s
/// allocation (a caller appending part of the data to itself) they are
/// copied first, because the edit may move or overwrite them.
///
/// # Safety
/// `ptr` must be NULL or readable for `len` bytes.
unsafe fn source<'a>(own: &Vec<u8>, ptr: *const u8, len: CFIndex) -> Option<Cow<'a, [u8]>> {
    let len = usize::try_from(len).ok()?;
    if len == 0 {
        return Some(Cow::Borrowed(&[]));
    }
    if ptr.is_null() {
        return None;
    }
    let (base, start) = (own.as_ptr() as usize, ptr as usize);
    let end = start.checked_add(len)?;
    if start < base + own.capacity() && end > base {
        // Only the initialised bytes may be read; a range reaching outside
        // them cannot come from a valid pointer into this data.
        let offset = start.checked_sub(base)?;
        return own
            .get(offset..offset.checked_add(len)?)
            .map(|s| Cow::Owned(s.to_vec()));
    }
    // SAFETY: outside our allocation, non-NULL and readable per the contract.
    Some(Cow::Borrowed(unsafe {
        std::slice::from_raw_parts(ptr, len)
    }))
}

/// `range` as indices into `len` bytes, when it lies within them.
fn range_within(range: CFRange, len: usize) -> Option<std::ops::Range<usize>> {
    bytes::checked_range(range.location, range.length, len)
}

/// Replaces `range` by `len` bytes from C. The resulting length is checked
/// before the source is looked at, so an impossible length never becomes a
/// slice.
///
/// # Safety
/// `ptr` must be NULL or readable for `len` bytes.
unsafe fn replace_from_c(
    g: &mut Growing,
    range: std::ops::Range<usize>,
    ptr: *const u8,
    len: CFIndex,
) {
    let Ok(count) = usize::try_from(len) else {
        return;
    };
    if bytes::new_length(g.bytes.len(), &range, count, g.limit).is_err() {
        return;
    }
    // SAFETY: forwarded contract.
    if let Some(src) = unsafe { source(&g.bytes, ptr, len) } {
        let _ = bytes::replace(&mut g.bytes, range, &src, g.limit);
    }
}

/// The type ID of CFData and CFMutableData.
#[unsafe(no_mangle)]
pub extern "C" fn pixelport_CFDataGetTypeID() -> CFTypeID {
    TypeKind::Data.type_id()
}

/// Creates a (+1) immutable data holding a copy of `length` bytes.
/// NULL when `length` is negative, `bytes` is NULL with a non-zero length,
/// or the memory cannot be allocated.
///
/// # Safety
/// `bytes` must be NULL or readable for `length` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDataCreate(
    allocator: CFAllocatorRef,
    bytes: *const UInt8,
    length: CFIndex,
) -> CFDataRef {
    let _ = allocator;
    ffi_guard!(CFDataRef::null(), {
        // SAFETY: per this function's contract.
        match unsafe { handle::slice(bytes, length) } {
            Some(src) => new_data(src),
            None => CFDataRef::null(),
        }
    })
}

/// Creates a (+1) immutable data that uses `bytes` in place. When the data
/// is destroyed, `bytes` is freed exactly once with `bytesDeallocator`:
/// `kCFAllocatorNull` never frees, NULL (`kCFAllocatorDefault`) means the
/// calling thread's default allocator at the time of this call (`free` unless
/// changed), and a `CFAllocatorCreate` allocator's deallocate callback is
/// called. The deallocator is retained while the data lives. The bytes must
/// stay valid and unchanged until then; `CFDataGetBytePtr` returns `bytes`.
///
/// NULL (and `bytes` is not freed, the caller keeps it) when `length` is
/// negative, `bytes` is NULL with a non-zero length, or `bytesDeallocator` is
/// not an allocator.
///
/// # Safety
/// `bytes` must be NULL or readable for `length` bytes that
/// `bytesDeallocator` may free.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDataCreateWithBytesNoCopy(
    allocator: CFAllocatorRef,
    bytes: *const UInt8,
    length: CFIndex,
    bytesDeallocator: CFAllocatorRef,
) -> CFDataRef {
    let _ = allocator;
    ffi_guard!(CFDataRef::null(), {
        let Ok(len) = usize::try_from(length) else {
            return CFDataRef::null();
        };
        if bytes.is_null() && len != 0 {
            return CFDataRef::null();
        }
        // SAFETY: per this function's contract.
        let Some(deallocator) = (unsafe { retain_deallocator(bytesDeallocator) }) else {
            return CFDataRef::null();
        };
        CFDataRef::from_type(new_ref(CfData::NoCopy(Borrowed {
            ptr: bytes,
            len,
            deallocator,
        })))
    })
}

/// An immutable (+1) copy of `theData`. An immutable data that owns its
/// bytes is retained and returned itself (it can never change); mutable and
/// no-copy data are copied, so the copy outlives the caller's buffer. NULL
/// for NULL, a non-data object or an allocation failure.
///
/// # Safety
/// `theData` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDataCreateCopy(
    allocator: CFAllocatorRef,
    theData: CFDataRef,
) -> CFDataRef {
    let _ = allocator;
    ffi_guard!(CFDataRef::null(), {
        let object = try_ref!(theData, CfData, CFDataRef::null());
        if let CfData::Owned(_) = object.value {
            // SAFETY: checked to be a live data above.
            unsafe { handle::retain(theData.as_type()) };
            return theData;
        }
        object
            .value
            .with_bytes(|b, _| bytes::copy_of(b, 0))
            .map_or(CFDataRef::null(), new_immutable)
    })
}

/// Creates an empty (+1) mutable data. `capacity` 0 means it may grow
/// without limit; a positive `capacity` is the most bytes it will ever hold
/// (Apple's meaning), and those bytes are reserved now, so the byte pointer
/// of such a data never changes. NULL for a negative capacity or when the
/// memory cannot be allocated.
///
/// Deviation: edits that would exceed a fixed capacity are ignored (Apple
/// asserts).
///
/// # Safety
/// None beyond passing an allocator reference (it is not used).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDataCreateMutable(
    allocator: CFAllocatorRef,
    capacity: CFIndex,
) -> CFMutableDataRef {
    let _ = allocator;
    ffi_guard!(CFMutableDataRef::null(), {
        let Some(limit) = limit_of(capacity) else {
            return CFMutableDataRef::null();
        };
        match bytes::with_capacity(limit.unwrap_or(0)) {
            Some(v) => new_mutable(v, limit),
            None => CFMutableDataRef::null(),
        }
    })
}

/// Creates a (+1) mutable copy of `theData`, with `capacity` as for
/// `CFDataCreateMutable`. NULL for NULL or a non-data `theData`, a negative
/// capacity, a positive capacity smaller than the data's length (Apple
/// asserts), or an allocation failure.
///
/// # Safety
/// `theData` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDataCreateMutableCopy(
    allocator: CFAllocatorRef,
    capacity: CFIndex,
    theData: CFDataRef,
) -> CFMutableDataRef {
    let _ = allocator;
    ffi_guard!(CFMutableDataRef::null(), {
        let object = try_ref!(theData, CfData, CFMutableDataRef::null());
        let Some(limit) = limit_of(capacity) else {
            return CFMutableDataRef::null();
        };
        let copy = object.value.with_bytes(|b, _| {
            if limit.is_some_and(|max| b.len() > max) {
                return None;
            }
            bytes::copy_of(b, limit.unwrap_or(0))
        });
        copy.map_or(CFMutableDataRef::null(), |v| new_mutable(v, limit))
    })
}

/// The number of bytes; 0 for NULL or a non-data object.
///
/// # Safety
/// `theData` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDataGetLength(theData: CFDataRef) -> CFIndex {
    ffi_guard!({
        try_ref!(theData, CfData, 0)
            .value
            .with_raw(|_, len| len as CFIndex)
    })
}

/// The bytes (+0, not a copy). Valid until the data is released or, for a
/// mutable data, until its next mutation. Never NULL for a live data, even
/// an empty one, except a no-copy data created from NULL with length 0.
/// NULL for NULL or a non-data object.
///
/// # Safety
/// `theData` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDataGetBytePtr(theData: CFDataRef) -> *const UInt8 {
    ffi_guard!({
        try_ref!(theData, CfData, std::ptr::null())
            .value
            .with_raw(|ptr, _| ptr)
    })
}

/// The bytes of a mutable data, writable (+0). Valid until the data's next
/// mutation or release; writes may cover `CFDataGetLength` bytes.
///
/// Deviation: NULL for an immutable data (Apple asserts), as well as for
/// NULL or a non-data object.
///
/// # Safety
/// `theData` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDataGetMutableBytePtr(
    theData: CFMutableDataRef,
) -> *mut UInt8 {
    ffi_guard!({
        match &try_ref!(theData, CfData, std::ptr::null_mut()).value {
            CfData::Mutable(m) => lock(m).bytes.as_mut_ptr(),
            _ => std::ptr::null_mut(),
        }
    })
}

/// Copies the bytes of `range` into `buffer` (which may overlap the data).
///
/// Deviation: a range outside the data, or a NULL buffer, copies nothing
/// (Apple raises an exception or crashes).
///
/// # Safety
/// `theData` must be NULL or a live object; `buffer` NULL or writable for
/// `range.length` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDataGetBytes(
    theData: CFDataRef,
    range: CFRange,
    buffer: *mut UInt8,
) {
    ffi_guard!({
        let object = try_ref!(theData, CfData);
        object.value.with_raw(|ptr, len| {
            let Some(r) = range_within(range, len) else {
                return;
            };
            if r.is_empty() || buffer.is_null() {
                return;
            }
            // SAFETY: `r` lies within the `len` readable bytes at `ptr`
            // (non-NULL since non-empty); `buffer` is writable for `r.len()`
            // bytes per the contract; `copy` tolerates overlap.
            unsafe { std::ptr::copy(ptr.add(r.start), buffer, r.len()) };
        })
    })
}

/// Runs an edit on a mutable data; immutable data is left alone.
fn edit(data: &CfData, f: impl FnOnce(&mut Growing)) {
    if let CfData::Mutable(m) = data {
        f(&mut lock(m));
    }
}

/// Sets the length; new bytes are zero. A fixed-capacity data cannot grow
/// past its capacity.
///
/// Deviation: ignored for an immutable data, a negative length, a length
/// beyond a fixed capacity, or when memory runs out (Apple asserts or
/// crashes).
///
/// # Safety
/// `theData` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDataSetLength(theData: CFMutableDataRef, length: CFIndex) {
    ffi_guard!({
        let Ok(length) = usize::try_from(length) else {
            return;
        };
        edit(&try_ref!(theData, CfData).value, |g| {
            let _ = bytes::set_len(&mut g.bytes, length, g.limit);
        })
    })
}

/// Adds `extraLength` zero bytes at the end.
///
/// Deviation: ignored for an immutable data, a negative `extraLength`, a
/// result beyond a fixed capacity or `CFIndex`, or when memory runs out.
///
/// # Safety
/// `theData` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDataIncreaseLength(
    theData: CFMutableDataRef,
    extraLength: CFIndex,
) {
    ffi_guard!({
        let Ok(extra) = usize::try_from(extraLength) else {
            return;
        };
        edit(&try_ref!(theData, CfData).value, |g| {
            if let Some(length) = g.bytes.len().checked_add(extra) {
                let _ = bytes::set_len(&mut g.bytes, length, g.limit);
            }
        })
    })
}

/// Appends `length` bytes (which may point into this same data).
///
/// Deviation: ignored for an immutable data, a negative length, NULL bytes
/// with a non-zero length, a result beyond a fixed capacity, or when memory
/// runs out.
///
/// # Safety
/// `theData` must be NULL or a live object; `bytes` NULL or readable for
/// `length` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDataAppendBytes(
    theData: CFMutableDataRef,
    bytes: *const UInt8,
    length: CFIndex,
) {
    ffi_guard!({
        edit(&try_ref!(theData, CfData).value, |g| {
            let end = g.bytes.len();
            // SAFETY: per this function's contract.
            unsafe { replace_from_c(g, end..end, bytes, length) };
        })
    })
}

/// Replaces the bytes in `range` by `newLength` bytes from `newBytes` (which
/// may point into this same data); the data grows or shrinks as needed.
///
/// Deviation: ignored for an immutable data, a range outside the data, a
/// negative `newLength`, NULL `newBytes` with a non-zero length, a result
/// beyond a fixed capacity, or when memory runs out (Apple raises or
/// asserts).
///
/// # Safety
/// `theData` must be NULL or a live object; `newBytes` NULL or readable for
/// `newLength` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDataReplaceBytes(
    theData: CFMutableDataRef,
    range: CFRange,
    newBytes: *const UInt8,
    newLength: CFIndex,
) {
    ffi_guard!({
        edit(&try_ref!(theData, CfData).value, |g| {
            let Some(r) = range_within(range, g.bytes.len()) else {
                return;
            };
            // SAFETY: per this function's contract.
            unsafe { replace_from_c(g, r, newBytes, newLength) };
        })
    })
}

/// Removes the bytes in `range`, closing the gap.
///
/// Deviation: ignored for an immutable data or a range outside the data
/// (Apple raises).
///
/// # Safety
/// `theData` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFDataDeleteBytes(theData: CFMutableDataRef, range: CFRange) {
    ffi_guard!({
        edit(&try_ref!(theData, CfData).value, |g| {
            if let Some(r) = range_within(range, g.bytes.len()) {
                let _ = bytes::replace(&mut g.bytes, r, &[], None);
            }
        })
    })
}
