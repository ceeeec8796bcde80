//! The one place where C pointers become Rust references.
//!
//! Every exported function turns its handle arguments into typed references
//! through these helpers, which check for NULL and for the object's class
//! before casting. A CFNumber passed where a CFDictionary is expected is thus
//! a defined error, not memory corruption. Pointers that are neither NULL nor
//! a live object (dangling, foreign) are outside what C allows; we still do
//! not write through them.

use crate::capi::core_foundation::string::CfString;
use crate::capi::core_foundation::types::{CFHashCode, CFIndex, CFTypeID, CFTypeRef};
use crate::capi::runtime::class::TypeKind;
use crate::capi::runtime::class::{Class, is_registered};
use crate::capi::runtime::literal::ConstantLiteral;
use crate::capi::runtime::object::{CfClass, CfObject, Header, IMMORTAL_RETAIN_COUNT};
use crate::core::text::TextRef;

/// What a `CFTypeRef` turned out to be.
pub enum Resolved<'a> {
    /// One of our objects.
    Object(&'a Header),
    /// A clang `CFSTR` literal.
    Literal(&'a ConstantLiteral),
}

/// Identifies what `ptr` points at.
///
/// # Safety
/// `ptr` must be NULL or point to at least 32 readable bytes (every CF object
/// and literal is that large); the caller picks the lifetime `'a` no longer
/// than the caller's own reference to the object.
pub unsafe fn resolve<'a>(ptr: CFTypeRef) -> Option<Resolved<'a>> {
    if ptr.is_null() || (ptr as usize) % std::mem::align_of::<usize>() != 0 {
        return None;
    }
    // SAFETY: non-NULL, aligned and readable per the contract.
    let first_word = unsafe { *(ptr as *const *const Class) };
    if is_registered(first_word) {
        // SAFETY: only our allocations start with a registry pointer, and they
        // all start with a `Header` (`repr(C)` first field).
        return Some(Resolved::Object(unsafe { &*(ptr as *const Header) }));
    }
    // SAFETY: readable for the literal's 32 bytes per the contract.
    let literal = unsafe { &*(ptr as *const ConstantLiteral) };
    literal.is_literal().then_some(Resolved::Literal(literal))
}

/// Borrows `ptr` as an object of type `T`, or `None` when it is NULL or of
/// another type.
///
/// # Safety
/// As for [`resolve`].
pub unsafe fn object<'a, T: CfClass>(ptr: CFTypeRef) -> Option<&'a CfObject<T>> {
    // SAFETY: forwarded contract.
    match unsafe { resolve(ptr) }? {
        Resolved::Object(header) => CfObject::<T>::from_header(header),
        Resolved::Literal(_) => None,
    }
}

/// Borrows the text of a CFString (object or clang literal).
///
/// # Safety
/// As for [`resolve`].
pub unsafe fn text<'a>(ptr: CFTypeRef) -> Option<TextRef<'a>> {
    // SAFETY: forwarded contract.
    match unsafe { resolve(ptr) }? {
        Resolved::Object(header) => {
            CfObject::<CfString>::from_header(header).map(|s| s.value.text())
        }
        Resolved::Literal(literal) => Some(literal.text()),
    }
}

/// The `CFTypeID` of `ptr`, 0 (`_kCFRuntimeNotATypeID`) if it is not an object.
///
/// # Safety
/// As for [`resolve`].
pub unsafe fn type_id(ptr: CFTypeRef) -> CFTypeID {
    // SAFETY: forwarded contract.
    match unsafe { resolve(ptr) } {
        Some(Resolved::Object(header)) => header.class().type_id,
        Some(Resolved::Literal(_)) => TypeKind::String.type_id(),
        None => 0,
    }
}

/// +1 on any object; literals and non-objects are left alone.
///
/// # Safety
/// As for [`resolve`].
pub unsafe fn retain(ptr: CFTypeRef) {
    // SAFETY: forwarded contract.
    if let Some(Resolved::Object(header)) = unsafe { resolve(ptr) } {
        header.retain();
    }
}

/// −1 on any object, destroying it at zero.
///
/// # Safety
/// As for [`resolve`], and the caller must own the reference it gives up.
pub unsafe fn release(ptr: CFTypeRef) {
    // SAFETY: forwarded contract.
    if let Some(Resolved::Object(header)) = unsafe { resolve(ptr) } {
        // SAFETY: the caller owns the reference being released.
        unsafe { header.release() };
    }
}

/// The reference count, `IMMORTAL_RETAIN_COUNT` for constants and literals, 0
/// for non-objects.
///
/// # Safety
/// As for [`resolve`].
pub unsafe fn retain_count(ptr: CFTypeRef) -> CFIndex {
    // SAFETY: forwarded contract.
    match unsafe { resolve(ptr) } {
        Some(Resolved::Object(header)) => header.retain_count(),
        Some(Resolved::Literal(_)) => IMMORTAL_RETAIN_COUNT,
        None => 0,
    }
}

/// `CFEqual`: identity, else equal type and equal value.
///
/// # Safety
/// As for [`resolve`], for both pointers.
pub unsafe fn equal(a: CFTypeRef, b: CFTypeRef) -> bool {
    if a == b {
        return !a.is_null();
    }
    // Strings are compared by text so that literals, interned and created
    // strings with the same characters are equal.
    // SAFETY: forwarded contract.
    if let (Some(ta), Some(tb)) = unsafe { (text(a), text(b)) } {
        return ta.eq_text(tb);
    }
    // SAFETY: forwarded contract.
    match unsafe { (resolve(a), resolve(b)) } {
        (Some(Resolved::Object(ha)), Some(Resolved::Object(hb))) => {
            std::ptr::eq(ha.class(), hb.class()) && (ha.class().equal)(ha, hb)
        }
        _ => false,
    }
}

/// `CFHash`, consistent with [`equal`].
///
/// # Safety
/// As for [`resolve`].
pub unsafe fn hash(ptr: CFTypeRef) -> CFHashCode {
    // SAFETY: forwarded contract.
    if let Some(t) = unsafe { text(ptr) } {
        return t.hash_code() as CFHashCode;
    }
    // SAFETY: forwarded contract.
    match unsafe { resolve(ptr) } {
        Some(Resolved::Object(header)) => (header.class().hash)(header),
        _ => 0,
    }
}

/// The text `CFCopyDescription` returns.
///
/// # Safety
/// As for [`resolve`].
pub unsafe fn describe(ptr: CFTypeRef) -> Option<String> {
    // SAFETY: forwarded contract.
    match unsafe { resolve(ptr) }? {
        Resolved::Object(header) => Some((header.class().describe)(header)),
        Resolved::Literal(literal) => Some(literal.text().to_string_lossy()),
    }
}

/// Borrows a C array of `count` elements, `None` when NULL with a non-zero
/// count or when the count is negative or the byte size overflows.
///
/// # Safety
/// When non-NULL, `ptr` must point to `count` readable elements that outlive `'a`.
pub unsafe fn slice<'a, T>(ptr: *const T, count: CFIndex) -> Option<&'a [T]> {
    let count = usize::try_from(count).ok()?;
    count.checked_mul(std::mem::size_of::<T>())?;
    if count == 0 {
        return Some(&[]);
    }
    if ptr.is_null() || (ptr as usize) % std::mem::align_of::<T>() != 0 {
        return None;
    }
    // SAFETY: non-NULL, aligned, readable for `count` elements per the contract.
    Some(unsafe { std::slice::from_raw_parts(ptr, count) })
}

/// Writes `value` through an out-pointer when it is non-NULL.
///
/// # Safety
/// `out` must be NULL or valid for a write of `T`.
pub unsafe fn write_out<T>(out: *mut T, value: T) -> bool {
    if out.is_null() {
        return false;
    }
    // SAFETY: non-NULL and writable per the contract.
    unsafe { out.write_unaligned(value) };
    true
}

/// Borrows a typed object from a reference newtype, or returns `$fallback`
/// from the enclosing function (or guarded body).
#[macro_export]
macro_rules! try_ref {
    ($ptr:expr, $ty:ty) => {
        $crate::try_ref!($ptr, $ty, $crate::capi::panic::FfiDefault::ffi_default())
    };
    ($ptr:expr, $ty:ty, $fallback:expr) => {{
        use $crate::capi::core_foundation::types::CfRef as _;
        let ptr = $ptr.as_type();
        // SAFETY: every exported function requires its handle arguments to be
        // NULL or valid objects (see the function's `# Safety`); `object`
        // checks NULL and the class before casting.
        match unsafe { $crate::capi::handle::object::<$ty>(ptr) } {
            Some(object) => object,
            None => return $fallback,
        }
    }};
}

/// Borrows a CFString's text, or returns `$fallback`.
#[macro_export]
macro_rules! try_text {
    ($ptr:expr) => {
        $crate::try_text!($ptr, $crate::capi::panic::FfiDefault::ffi_default())
    };
    ($ptr:expr, $fallback:expr) => {{
        use $crate::capi::core_foundation::types::CfRef as _;
        let ptr = $ptr.as_type();
        // SAFETY: as for `try_ref!`.
        match unsafe { $crate::capi::handle::text(ptr) } {
            Some(text) => text,
            None => return $fallback,
        }
    }};
}
