//! CoreFoundation's C types, exactly as Apple's headers define them on LP64
//! (corefoundation.md §1): `Boolean` is `unsigned char`, `CFIndex` is `long`,
//! `CFTypeID` is `unsigned long`.
//!
//! Object references are `#[repr(transparent)]` newtypes over the raw pointer
//! so that the exported constants (`kCFBooleanTrue`, every `CFStringRef` key)
//! can be Rust `static`s; cbindgen renders them as Apple's pointer typedefs.
#![allow(non_camel_case_types, non_upper_case_globals)]

use std::ffi::{c_int, c_long, c_schar, c_short, c_uchar, c_uint, c_ulong, c_ushort, c_void};

pub type Boolean = c_uchar;
pub type UInt8 = c_uchar;
pub type SInt8 = c_schar;
pub type UInt16 = c_ushort;
pub type SInt16 = c_short;
pub type UInt32 = c_uint;
pub type SInt32 = c_int;
pub type UInt64 = u64;
pub type SInt64 = i64;
pub type Float32 = f32;
pub type Float64 = f64;
pub type OSStatus = SInt32;
pub type OSType = UInt32;
pub type FourCharCode = UInt32;
pub type UniChar = c_ushort;
pub type CFIndex = c_long;
pub type CFTypeID = c_ulong;
pub type CFOptionFlags = c_ulong;
pub type CFHashCode = c_ulong;
/// The base of every CoreFoundation object.
pub type CFTypeRef = *const c_void;
pub type CFPropertyListRef = CFTypeRef;
pub type CFStringEncoding = UInt32;
pub type CFStringCompareFlags = CFOptionFlags;
pub type CFNumberType = CFIndex;
/// `kCFCompareLessThan` (-1), `kCFCompareEqualTo` (0) or `kCFCompareGreaterThan` (1).
pub type CFComparisonResult = CFIndex;

pub const kCFCompareLessThan: CFComparisonResult = -1;
pub const kCFCompareEqualTo: CFComparisonResult = 0;
pub const kCFCompareGreaterThan: CFComparisonResult = 1;

/// A range of items (characters, bytes, array elements).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CFRange {
    pub location: CFIndex,
    pub length: CFIndex,
}

/// Opaque CFString storage.
pub struct __CFString {
    _private: [u8; 0],
}
/// Opaque CFBoolean storage.
pub struct __CFBoolean {
    _private: [u8; 0],
}
/// Opaque CFNumber storage.
pub struct __CFNumber {
    _private: [u8; 0],
}
/// Opaque CFNull storage.
pub struct __CFNull {
    _private: [u8; 0],
}
/// Opaque CFAllocator storage.
pub struct __CFAllocator {
    _private: [u8; 0],
}
/// Opaque CFDictionary storage.
pub struct __CFDictionary {
    _private: [u8; 0],
}
/// Opaque CFArray storage.
pub struct __CFArray {
    _private: [u8; 0],
}
/// Opaque CFData storage.
pub struct __CFData {
    _private: [u8; 0],
}

/// An immutable CFString.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CFStringRef(pub *const __CFString);
/// A mutable CFString (only produced by `CFStringCreateMutable`).
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CFMutableStringRef(pub *mut __CFString);
/// `kCFBooleanTrue` or `kCFBooleanFalse`.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CFBooleanRef(pub *const __CFBoolean);
/// A CFNumber.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CFNumberRef(pub *const __CFNumber);
/// The `kCFNull` singleton.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CFNullRef(pub *const __CFNull);
/// An allocator; `kCFAllocatorDefault` is NULL.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CFAllocatorRef(pub *const __CFAllocator);
/// An immutable dictionary.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CFDictionaryRef(pub *const __CFDictionary);
/// A mutable dictionary.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CFMutableDictionaryRef(pub *mut __CFDictionary);
/// An immutable array.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CFArrayRef(pub *const __CFArray);
/// A mutable array.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CFMutableArrayRef(pub *mut __CFArray);
/// Immutable bytes.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CFDataRef(pub *const __CFData);
/// Mutable bytes.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CFMutableDataRef(pub *mut __CFData);

/// Conversions shared by every reference newtype.
pub trait CfRef: Copy {
    /// The reference as an untyped `CFTypeRef`.
    fn as_type(self) -> CFTypeRef;
    /// Wraps an untyped pointer (no check; see `capi::handle` for checked casts).
    fn from_type(ptr: CFTypeRef) -> Self;
    fn null() -> Self {
        Self::from_type(std::ptr::null())
    }
    fn is_null(self) -> bool {
        self.as_type().is_null()
    }
}

macro_rules! impl_cf_ref {
    ($($name:ident => $ptr:ty),* $(,)?) => {$(
        // SAFETY: a CF reference is an address; the objects behind it are
        // immutable or internally synchronised (see `capi::runtime`).
        unsafe impl Sync for $name {}
        // SAFETY: as above.
        unsafe impl Send for $name {}
        impl CfRef for $name {
            fn as_type(self) -> CFTypeRef { self.0 as CFTypeRef }
            fn from_type(ptr: CFTypeRef) -> Self { $name(ptr as $ptr) }
        }
    )*};
}
impl_cf_ref!(
    CFStringRef => *const __CFString,
    CFMutableStringRef => *mut __CFString,
    CFBooleanRef => *const __CFBoolean,
    CFNumberRef => *const __CFNumber,
    CFNullRef => *const __CFNull,
    CFAllocatorRef => *const __CFAllocator,
    CFDictionaryRef => *const __CFDictionary,
    CFMutableDictionaryRef => *mut __CFDictionary,
    CFArrayRef => *const __CFArray,
    CFMutableArrayRef => *mut __CFArray,
    CFDataRef => *const __CFData,
    CFMutableDataRef => *mut __CFData,
);
// The other frameworks' reference newtypes (CVPixelBufferRef, CGColorSpaceRef
// …) implement `CfRef` the same way.
pub(crate) use impl_cf_ref;

/// `kCFNotFound`: returned by searches that found nothing.
pub const kCFNotFound: CFIndex = -1;

/// Boolean true/false as CoreFoundation's `Boolean` values.
pub(crate) const fn to_boolean(b: bool) -> Boolean {
    if b { 1 } else { 0 }
}
