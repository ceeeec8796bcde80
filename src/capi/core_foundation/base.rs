//! The polymorphic functions of CFBase.h: retain/release, type IDs,
//! equality, hashing and descriptions, for every pixelport object.
#![allow(non_snake_case)]

use std::io::Write;

use super::string::new_string;
use super::types::{
    Boolean, CFAllocatorRef, CFHashCode, CFIndex, CFRange, CFStringRef, CFTypeID, CFTypeRef, CfRef,
    to_boolean,
};
use crate::capi::handle;
use crate::capi::runtime::class::{CLASSES, TypeKind};

/// Retains `cf` and returns it.
///
/// Deviation: `CFRetain(NULL)` returns NULL instead of crashing.
/// Thread safety: safe to call concurrently on the same object.
///
/// # Safety
/// `cf` must be NULL or a live pixelport object or `CFSTR` literal.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFRetain(cf: CFTypeRef) -> CFTypeRef {
    ffi_guard!({
        // SAFETY: per this function's contract.
        unsafe { handle::retain(cf) };
        cf
    })
}

/// Releases `cf`, destroying it when this was the last reference.
///
/// Deviation: `CFRelease(NULL)` is a no-op instead of a crash.
/// Thread safety: safe to call concurrently on the same object.
///
/// # Safety
/// `cf` must be NULL or a live object the caller owns a reference to.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFRelease(cf: CFTypeRef) {
    ffi_guard!({
        // SAFETY: per this function's contract.
        unsafe { handle::release(cf) }
    })
}

/// The current reference count. Constants and `CFSTR` literals report
/// 0x0FFFFFFFFFFFFFFF, as Apple's constant strings do; NULL reports 0.
///
/// # Safety
/// `cf` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFGetRetainCount(cf: CFTypeRef) -> CFIndex {
    // SAFETY: per this function's contract.
    ffi_guard!({ unsafe { handle::retain_count(cf) } })
}

/// The object's `CFTypeID`; 0 (`_kCFRuntimeNotATypeID`) for NULL.
///
/// # Safety
/// `cf` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFGetTypeID(cf: CFTypeRef) -> CFTypeID {
    // SAFETY: per this function's contract.
    ffi_guard!({ unsafe { handle::type_id(cf) } })
}

/// A new (+1) string naming the type with this ID (for example "CFString");
/// NULL for an unknown ID.
#[unsafe(no_mangle)]
pub extern "C" fn pixelport_CFCopyTypeIDDescription(type_id: CFTypeID) -> CFStringRef {
    ffi_guard!(CFStringRef::null(), {
        match TypeKind::from_type_id(type_id) {
            Some(kind) => new_string(CLASSES[kind.index()].name),
            None => CFStringRef::null(),
        }
    })
}

/// Value equality: strings by characters, numbers by value, collections by
/// contents; objects of different types are never equal. False if either
/// argument is NULL.
///
/// # Safety
/// Each argument must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFEqual(cf1: CFTypeRef, cf2: CFTypeRef) -> Boolean {
    // SAFETY: per this function's contract.
    ffi_guard!({ to_boolean(unsafe { handle::equal(cf1, cf2) }) })
}

/// A hash code; objects that are `CFEqual` hash equal. 0 for NULL.
///
/// # Safety
/// `cf` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFHash(cf: CFTypeRef) -> CFHashCode {
    // SAFETY: per this function's contract.
    ffi_guard!({ unsafe { handle::hash(cf) } })
}

/// A new (+1) human-readable description (format is informative, not API).
/// NULL for NULL.
///
/// # Safety
/// `cf` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFCopyDescription(cf: CFTypeRef) -> CFStringRef {
    ffi_guard!(CFStringRef::null(), {
        // SAFETY: per this function's contract.
        match unsafe { handle::describe(cf) } {
            Some(text) => new_string(&text),
            None => CFStringRef::null(),
        }
    })
}

/// Prints the object's description (a string prints as its text) and a
/// newline to standard error, as Apple's `CFShow` does. NULL prints "(null)".
///
/// # Safety
/// `obj` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFShow(obj: CFTypeRef) {
    ffi_guard!({
        // SAFETY: per this function's contract.
        let text = unsafe { handle::describe(obj) }.unwrap_or_else(|| "(null)".to_owned());
        let _ = writeln!(std::io::stderr().lock(), "{text}");
    })
}

/// Returns `cf` unchanged (garbage-collection era API; there is no collector).
///
/// # Safety
/// None beyond passing a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFMakeCollectable(cf: CFTypeRef) -> CFTypeRef {
    cf
}

/// Exported form of the `CFRangeMake` inline (Apple exports `__CFRangeMake`).
#[unsafe(no_mangle)]
pub extern "C" fn pixelport___CFRangeMake(loc: CFIndex, len: CFIndex) -> CFRange {
    CFRange {
        location: loc,
        length: len,
    }
}

/// The allocator `cf` was created with. pixelport allocates every object
/// with the system allocator whatever a `…Create` call names, so this is
/// `kCFAllocatorSystemDefault` for objects, and NULL for NULL.
///
/// # Safety
/// `cf` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFGetAllocator(cf: CFTypeRef) -> CFAllocatorRef {
    ffi_guard!(CFAllocatorRef::null(), {
        // SAFETY: per this function's contract.
        if unsafe { handle::resolve(cf) }.is_some() {
            super::allocator::pixelport_kCFAllocatorSystemDefault
        } else {
            CFAllocatorRef::null()
        }
    })
}
