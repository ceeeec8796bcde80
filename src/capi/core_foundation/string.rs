//! CFString (CFString.h) and the `CFSTR` runtime path.
//!
//! Strings are immutable. Three things answer to the CFString type: strings
//! created here, strings interned by `CFSTR` under gcc (immortal), and clang's
//! compile-time `CFSTR` literals (see `runtime::literal`). All of them compare
//! and hash by their characters.
#![allow(non_snake_case, non_upper_case_globals)]

use std::collections::HashMap;
use std::ffi::{CStr, c_char, c_double};
use std::sync::{LazyLock, Mutex};

use super::types::{
    Boolean, CFAllocatorRef, CFComparisonResult, CFHashCode, CFIndex, CFRange,
    CFStringCompareFlags, CFStringEncoding, CFStringRef, CFTypeID, CfRef, SInt32, UInt8, UniChar,
    kCFNotFound, to_boolean,
};
use crate::capi::handle::{self, Resolved};
use crate::capi::runtime::class::TypeKind;
use crate::capi::runtime::object::{CfClass, CfObject, Retained};
use crate::core::encoding::{self, Encoding};
use crate::core::text::{CompareOptions, Text, TextRef};

pub const kCFStringEncodingMacRoman: CFStringEncoding = 0;
pub const kCFStringEncodingWindowsLatin1: CFStringEncoding = 0x0500;
pub const kCFStringEncodingISOLatin1: CFStringEncoding = 0x0201;
pub const kCFStringEncodingNextStepLatin: CFStringEncoding = 0x0B01;
pub const kCFStringEncodingASCII: CFStringEncoding = 0x0600;
pub const kCFStringEncodingUnicode: CFStringEncoding = 0x0100;
pub const kCFStringEncodingUTF8: CFStringEncoding = 0x0800_0100;
pub const kCFStringEncodingNonLossyASCII: CFStringEncoding = 0x0BFF;
pub const kCFStringEncodingUTF16: CFStringEncoding = 0x0100;
pub const kCFStringEncodingUTF16BE: CFStringEncoding = 0x1000_0100;
pub const kCFStringEncodingUTF16LE: CFStringEncoding = 0x1400_0100;
pub const kCFStringEncodingUTF32: CFStringEncoding = 0x0c00_0100;
pub const kCFStringEncodingUTF32BE: CFStringEncoding = 0x1800_0100;
pub const kCFStringEncodingUTF32LE: CFStringEncoding = 0x1c00_0100;
pub const kCFStringEncodingInvalidId: CFStringEncoding = 0xffff_ffff;

pub const kCFCompareCaseInsensitive: CFStringCompareFlags = 1;
pub const kCFCompareBackwards: CFStringCompareFlags = 4;
pub const kCFCompareAnchored: CFStringCompareFlags = 8;
pub const kCFCompareNonliteral: CFStringCompareFlags = 16;
pub const kCFCompareLocalized: CFStringCompareFlags = 32;
pub const kCFCompareNumerically: CFStringCompareFlags = 64;
pub const kCFCompareDiacriticInsensitive: CFStringCompareFlags = 128;
pub const kCFCompareWidthInsensitive: CFStringCompareFlags = 256;
pub const kCFCompareForcedOrdering: CFStringCompareFlags = 512;

/// The payload of a CFString.
pub struct CfString {
    text: Text,
}

impl CfString {
    /// A compile-time string (see [`cf_constant_string!`]).
    pub const fn constant(with_nul: &'static [u8]) -> CfString {
        CfString {
            text: Text::constant(with_nul),
        }
    }

    pub fn text(&self) -> TextRef<'_> {
        self.text.as_ref()
    }
}

impl CfClass for CfString {
    const KIND: TypeKind = TypeKind::String;
    fn cf_equal(&self, other: &Self) -> bool {
        self.text().eq_text(other.text())
    }
    fn cf_hash(&self) -> CFHashCode {
        self.text().hash_code() as CFHashCode
    }
    fn describe(&self) -> String {
        self.text().to_string_lossy()
    }
}

fn create(text: Text) -> CFStringRef {
    CFStringRef::from_type(Retained::new(CfString { text }).into_raw())
}

/// A new (+1) CFString for Rust callers.
pub fn new_string(s: &str) -> CFStringRef {
    create(Text::from_rust_str(s))
}

/// A CFString's text as a Rust string (None for NULL or a non-string).
///
/// # Safety
/// `s` must be NULL or a live object.
pub unsafe fn string_value(s: CFStringRef) -> Option<String> {
    // SAFETY: forwarded contract.
    unsafe { handle::text(s.as_type()) }.map(|t| t.to_string_lossy())
}

fn range_of(range: CFRange) -> Option<(usize, usize)> {
    Some((
        usize::try_from(range.location).ok()?,
        usize::try_from(range.length).ok()?,
    ))
}

/// The type ID of CFString (also reported for `CFSTR` literals).
#[unsafe(no_mangle)]
pub extern "C" fn pixelport_CFStringGetTypeID() -> CFTypeID {
    TypeKind::String.type_id()
}

/// Creates a (+1) string from a NUL-terminated C string in `encoding`.
/// NULL if `cStr` is NULL, the encoding is unsupported, or the bytes are not
/// valid in it.
///
/// # Safety
/// `cStr` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFStringCreateWithCString(
    alloc: CFAllocatorRef,
    cStr: *const c_char,
    encoding: CFStringEncoding,
) -> CFStringRef {
    let _ = alloc;
    ffi_guard!(CFStringRef::null(), {
        if cStr.is_null() {
            return CFStringRef::null();
        }
        // SAFETY: non-NULL and NUL-terminated per the contract.
        let bytes = unsafe { CStr::from_ptr(cStr) }.to_bytes();
        decode_to_string(bytes, encoding)
    })
}

fn decode_to_string(bytes: &[u8], encoding: CFStringEncoding) -> CFStringRef {
    let Some(enc) = Encoding::from_cf(encoding) else {
        return CFStringRef::null();
    };
    match encoding::decode(bytes, enc) {
        Some(units) => create(Text::from_utf16(&units)),
        None => CFStringRef::null(),
    }
}

/// Like `CFStringCreateWithCString`, taking ownership of `cStr`. pixelport
/// copies the characters and then frees `cStr` with `contentsDeallocator`
/// right away (`kCFAllocatorNull`: never; NULL/default: `free`), which is
/// indistinguishable to the caller from keeping it. On failure `cStr` is not
/// freed, as on Apple platforms.
///
/// # Safety
/// `cStr` must be NULL or a NUL-terminated string that `contentsDeallocator`
/// may free.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFStringCreateWithCStringNoCopy(
    alloc: CFAllocatorRef,
    cStr: *const c_char,
    encoding: CFStringEncoding,
    contentsDeallocator: CFAllocatorRef,
) -> CFStringRef {
    ffi_guard!(CFStringRef::null(), {
        // SAFETY: forwarded contract.
        let result = unsafe { pixelport_CFStringCreateWithCString(alloc, cStr, encoding) };
        if !result.is_null() {
            // SAFETY: the caller handed `cStr` to us together with its deallocator.
            unsafe { super::allocator::deallocate_with(contentsDeallocator, cStr as *mut _) };
        }
        result
    })
}

/// Creates a (+1) string from `numBytes` bytes in `encoding`. With
/// `isExternalRepresentation`, a byte-order mark is honoured for UTF-16/32.
/// NULL for invalid bytes, an unsupported encoding, a negative count, or NULL
/// `bytes` with a non-zero count.
///
/// # Safety
/// `bytes` must be NULL or point to `numBytes` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFStringCreateWithBytes(
    alloc: CFAllocatorRef,
    bytes: *const UInt8,
    numBytes: CFIndex,
    encoding: CFStringEncoding,
    isExternalRepresentation: Boolean,
) -> CFStringRef {
    let _ = (alloc, isExternalRepresentation);
    ffi_guard!(CFStringRef::null(), {
        // SAFETY: forwarded contract.
        let Some(bytes) = (unsafe { handle::slice(bytes, numBytes) }) else {
            return CFStringRef::null();
        };
        decode_to_string(bytes, encoding)
    })
}

/// Creates a (+1) string from `numChars` UTF-16 code units.
///
/// # Safety
/// `chars` must be NULL or point to `numChars` readable units.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFStringCreateWithCharacters(
    alloc: CFAllocatorRef,
    chars: *const UniChar,
    numChars: CFIndex,
) -> CFStringRef {
    let _ = alloc;
    ffi_guard!(CFStringRef::null(), {
        // SAFETY: forwarded contract.
        match unsafe { handle::slice(chars, numChars) } {
            Some(units) => create(Text::from_utf16(units)),
            None => CFStringRef::null(),
        }
    })
}

/// An immutable (+1) copy. Strings are immutable, so this retains and
/// returns `theString` (as Apple does for immutable strings). NULL for NULL
/// or a non-string.
///
/// # Safety
/// `theString` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFStringCreateCopy(
    alloc: CFAllocatorRef,
    theString: CFStringRef,
) -> CFStringRef {
    let _ = alloc;
    ffi_guard!(CFStringRef::null(), {
        let _ = try_text!(theString, CFStringRef::null());
        // SAFETY: checked to be a live string above.
        unsafe { handle::retain(theString.as_type()) };
        theString
    })
}

/// Length in UTF-16 code units (not bytes). 0 for NULL.
///
/// # Safety
/// `theString` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFStringGetLength(theString: CFStringRef) -> CFIndex {
    ffi_guard!({ try_text!(theString, 0).len() as CFIndex })
}

/// The UTF-16 unit at `idx`. Deviation: an out-of-range index returns 0
/// (Apple raises an exception).
///
/// # Safety
/// `theString` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFStringGetCharacterAtIndex(
    theString: CFStringRef,
    idx: CFIndex,
) -> UniChar {
    ffi_guard!(0, {
        let text = try_text!(theString, 0);
        usize::try_from(idx)
            .ok()
            .and_then(|i| text.unit(i))
            .unwrap_or(0)
    })
}

/// Copies the UTF-16 units of `range` into `buffer`. Deviation: a range
/// outside the string writes nothing (Apple raises an exception).
///
/// # Safety
/// `buffer` must be writable for `range.length` units.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFStringGetCharacters(
    theString: CFStringRef,
    range: CFRange,
    buffer: *mut UniChar,
) {
    ffi_guard!({
        let text = try_text!(theString);
        let Some((start, len)) = range_of(range) else {
            return;
        };
        let Some(part) = text.slice(start, len) else {
            return;
        };
        if buffer.is_null() {
            return;
        }
        for (i, unit) in part.units().enumerate() {
            // SAFETY: `buffer` holds `range.length` units per the contract.
            unsafe { buffer.add(i).write_unaligned(unit) };
        }
    })
}

/// Writes the string as a NUL-terminated C string in `encoding`. False (and
/// the buffer contents unspecified) when it does not fit in `bufferSize`
/// bytes including the NUL, or cannot be represented in `encoding`.
///
/// # Safety
/// `buffer` must be NULL or writable for `bufferSize` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFStringGetCString(
    theString: CFStringRef,
    buffer: *mut c_char,
    bufferSize: CFIndex,
    encoding: CFStringEncoding,
) -> Boolean {
    ffi_guard!({
        let text = try_text!(theString, 0);
        let (Some(enc), Ok(size)) = (Encoding::from_cf(encoding), usize::try_from(bufferSize))
        else {
            return 0;
        };
        if buffer.is_null() || size == 0 {
            return 0;
        }
        let encoded = encoding::encode(text, enc, None, false, size - 1);
        if encoded.units != text.len() {
            return 0;
        }
        // SAFETY: `encoded.bytes.len() <= size - 1`, so the bytes and the NUL
        // fit in the caller's `bufferSize` bytes.
        unsafe {
            std::ptr::copy_nonoverlapping(
                encoded.bytes.as_ptr(),
                buffer as *mut u8,
                encoded.bytes.len(),
            );
            buffer.add(encoded.bytes.len()).write(0);
        }
        1
    })
}

/// A pointer to the string's NUL-terminated bytes in `encoding`, valid while
/// the string lives, or NULL. As on Apple platforms NULL is a normal answer:
/// pixelport returns a pointer only for ASCII strings and ASCII-compatible
/// encodings; callers must fall back to `CFStringGetCString`.
///
/// # Safety
/// `theString` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFStringGetCStringPtr(
    theString: CFStringRef,
    encoding: CFStringEncoding,
) -> *const c_char {
    ffi_guard!({
        if !Encoding::from_cf(encoding).is_some_and(Encoding::is_ascii_superset) {
            return std::ptr::null();
        }
        // SAFETY: per this function's contract.
        match unsafe { handle::resolve(theString.as_type()) } {
            Some(Resolved::Object(header)) => CfObject::<CfString>::from_header(header)
                .and_then(|s| s.value.text.ascii_with_nul())
                .map_or(std::ptr::null(), |b| b.as_ptr() as *const c_char),
            Some(Resolved::Literal(literal)) => literal
                .ascii_c_str()
                .map_or(std::ptr::null(), |p| p as *const c_char),
            None => std::ptr::null(),
        }
    })
}

/// A pointer to the string's UTF-16 units, or NULL (a normal answer: only
/// strings stored as UTF-16 have one; use `CFStringGetCharacters`).
///
/// # Safety
/// `theString` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFStringGetCharactersPtr(
    theString: CFStringRef,
) -> *const UniChar {
    ffi_guard!({
        match try_text!(theString, std::ptr::null()) {
            TextRef::Utf16(units) if !units.is_empty() => units.as_ptr(),
            _ => std::ptr::null(),
        }
    })
}

/// Converts the units of `range` to `encoding`, writing at most `maxBufLen`
/// bytes to `buffer` (or only measuring when `buffer` is NULL). Characters
/// that cannot be converted become `lossByte`, or stop the conversion when
/// `lossByte` is 0. Returns the number of UTF-16 units converted and stores
/// the byte count in `*usedBufLen` when it is non-NULL. No NUL is written.
///
/// # Safety
/// `buffer` must be NULL or writable for `maxBufLen` bytes; `usedBufLen`
/// NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFStringGetBytes(
    theString: CFStringRef,
    range: CFRange,
    encoding: CFStringEncoding,
    lossByte: UInt8,
    isExternalRepresentation: Boolean,
    buffer: *mut UInt8,
    maxBufLen: CFIndex,
    usedBufLen: *mut CFIndex,
) -> CFIndex {
    ffi_guard!({
        let text = try_text!(theString, 0);
        let Some(enc) = Encoding::from_cf(encoding) else {
            return 0;
        };
        let Some(part) = range_of(range).and_then(|(s, l)| text.slice(s, l)) else {
            return 0;
        };
        let limit = if buffer.is_null() {
            usize::MAX
        } else {
            usize::try_from(maxBufLen).unwrap_or(0)
        };
        let loss = (lossByte != 0).then_some(lossByte);
        let encoded = encoding::encode(part, enc, loss, isExternalRepresentation != 0, limit);
        if !buffer.is_null() {
            // SAFETY: `encoded.bytes.len() <= maxBufLen` and the caller
            // guarantees `maxBufLen` writable bytes.
            unsafe {
                std::ptr::copy_nonoverlapping(encoded.bytes.as_ptr(), buffer, encoded.bytes.len())
            };
        }
        // SAFETY: NULL or writable per the contract.
        unsafe { handle::write_out(usedBufLen, encoded.bytes.len() as CFIndex) };
        encoded.units as CFIndex
    })
}

/// The most bytes `length` UTF-16 units can need in `encoding` (3 per unit
/// for UTF-8). `kCFNotFound` on overflow or an unsupported encoding.
#[unsafe(no_mangle)]
pub extern "C" fn pixelport_CFStringGetMaximumSizeForEncoding(
    length: CFIndex,
    encoding: CFStringEncoding,
) -> CFIndex {
    ffi_guard!({
        Encoding::from_cf(encoding)
            .and_then(|e| length.checked_mul(e.max_bytes_per_unit() as CFIndex))
            .filter(|&n| n >= 0)
            .unwrap_or(kCFNotFound)
    })
}

/// The encoding in which the characters are stored: ASCII for 8-bit strings,
/// `kCFStringEncodingUnicode` otherwise. `kCFStringEncodingInvalidId` for NULL.
///
/// # Safety
/// `theString` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFStringGetFastestEncoding(
    theString: CFStringRef,
) -> CFStringEncoding {
    ffi_guard!({
        match try_text!(theString, kCFStringEncodingInvalidId) {
            TextRef::Ascii(_) => kCFStringEncodingASCII,
            TextRef::Utf16(_) => kCFStringEncodingUnicode,
        }
    })
}

/// The default 8-bit encoding: `kCFStringEncodingMacRoman`, as on macOS.
#[unsafe(no_mangle)]
pub extern "C" fn pixelport_CFStringGetSystemEncoding() -> CFStringEncoding {
    kCFStringEncodingMacRoman
}

fn compare_options(flags: CFStringCompareFlags) -> CompareOptions {
    CompareOptions {
        case_insensitive: flags & kCFCompareCaseInsensitive != 0,
        numerically: flags & kCFCompareNumerically != 0,
    }
}

/// Orders two strings by UTF-16 code units. `kCFCompareCaseInsensitive`
/// (Latin-1 case folding) and `kCFCompareNumerically` are honoured; the
/// locale, diacritic and width flags are accepted and compare literally.
/// NULL sorts before any string.
///
/// # Safety
/// Each string must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFStringCompare(
    theString1: CFStringRef,
    theString2: CFStringRef,
    compareOptions: CFStringCompareFlags,
) -> CFComparisonResult {
    ffi_guard!({
        // SAFETY: per this function's contract.
        let (a, b) = unsafe {
            (
                handle::text(theString1.as_type()),
                handle::text(theString2.as_type()),
            )
        };
        let order = match (a, b) {
            (Some(a), Some(b)) => a.compare(b, compare_options(compareOptions)),
            (a, b) => a.is_some().cmp(&b.is_some()),
        };
        order as CFComparisonResult
    })
}

/// Whether `theString` starts with `prefix` (false if either is NULL).
///
/// # Safety
/// Each string must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFStringHasPrefix(
    theString: CFStringRef,
    prefix: CFStringRef,
) -> Boolean {
    ffi_guard!({
        let text = try_text!(theString, 0);
        to_boolean(text.starts_with(try_text!(prefix, 0)))
    })
}

/// Whether `theString` ends with `suffix` (false if either is NULL).
///
/// # Safety
/// Each string must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFStringHasSuffix(
    theString: CFStringRef,
    suffix: CFStringRef,
) -> Boolean {
    ffi_guard!({
        let text = try_text!(theString, 0);
        to_boolean(text.ends_with(try_text!(suffix, 0)))
    })
}

/// The leading decimal integer (after white space), clamped to the `SInt32`
/// range; 0 when there is none.
///
/// # Safety
/// `str` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFStringGetIntValue(str: CFStringRef) -> SInt32 {
    ffi_guard!(0, {
        let text = try_text!(str, 0).to_string_lossy();
        let t = text.trim_start();
        let (sign, digits) = match t.as_bytes().first() {
            Some(b'-') => (-1i64, &t[1..]),
            Some(b'+') => (1, &t[1..]),
            _ => (1, t),
        };
        let end = digits.bytes().take_while(u8::is_ascii_digit).count();
        let magnitude = digits[..end]
            .bytes()
            .fold(0i64, |acc, d| (acc * 10 + i64::from(d - b'0')).min(1 << 40));
        (sign * magnitude).clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as SInt32
    })
}

/// The leading decimal floating-point number (after white space); 0.0 when
/// there is none.
///
/// # Safety
/// `str` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFStringGetDoubleValue(str: CFStringRef) -> c_double {
    ffi_guard!(0.0, {
        let text = try_text!(str, 0.0).to_string_lossy();
        let t = text.trim_start();
        // The longest prefix that parses as a float.
        (1..=t.len())
            .rev()
            .filter(|&n| t.is_char_boundary(n))
            .find_map(|n| {
                t[..n]
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite() || n > 2)
            })
            .unwrap_or(0.0)
    })
}

static INTERNED: LazyLock<Mutex<HashMap<Vec<u8>, &'static CfObject<CfString>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The runtime form of `CFSTR("…")` (used under gcc, or with
/// `PIXELPORT_NO_CONSTANT_CFSTRINGS`): returns the same immortal string for
/// the same bytes, for the life of the process. The bytes are read as UTF-8
/// (falling back to MacRoman when they are not valid UTF-8). NULL for NULL.
///
/// # Safety
/// `cStr` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport___CFStringMakeConstantString(
    cStr: *const c_char,
) -> CFStringRef {
    ffi_guard!(CFStringRef::null(), {
        if cStr.is_null() {
            return CFStringRef::null();
        }
        // SAFETY: non-NULL and NUL-terminated per the contract.
        let bytes = unsafe { CStr::from_ptr(cStr) }.to_bytes();
        let mut table = INTERNED.lock().unwrap_or_else(|poison| poison.into_inner());
        if let Some(existing) = table.get(bytes) {
            return CFStringRef::from_type(existing.as_type_ref());
        }
        let units = encoding::decode(bytes, Encoding::Utf8)
            .or_else(|| encoding::decode(bytes, Encoding::MacRoman))
            .unwrap_or_default();
        let object = Retained::new(CfString {
            text: Text::from_utf16(&units),
        })
        .into_immortal();
        table.insert(bytes.to_vec(), object);
        CFStringRef::from_type(object.as_type_ref())
    })
}

/// An immortal `CFStringRef` built at compile time, for exported constants:
/// `pub static kCVPixelBufferWidthKey: CFStringRef = cf_constant_string!("Width");`
/// The text must be ASCII (checked at compile time).
#[macro_export]
macro_rules! cf_constant_string {
    ($text:literal) => {{
        static OBJECT: $crate::capi::runtime::object::CfObject<
            $crate::capi::core_foundation::string::CfString,
        > = $crate::capi::runtime::object::CfObject::immortal(
            $crate::capi::core_foundation::string::CfString::constant(
                concat!($text, "\0").as_bytes(),
            ),
        );
        $crate::capi::core_foundation::types::CFStringRef(
            &OBJECT
                as *const $crate::capi::runtime::object::CfObject<
                    $crate::capi::core_foundation::string::CfString,
                > as *const $crate::capi::core_foundation::types::__CFString,
        )
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    static K_TEST: CFStringRef = cf_constant_string!("ITU_R_709_2");

    #[test]
    fn constant_strings_equal_created_ones() {
        let made = new_string("ITU_R_709_2");
        // SAFETY: both are live strings.
        unsafe {
            assert!(handle::equal(K_TEST.as_type(), made.as_type()));
            assert_eq!(handle::hash(K_TEST.as_type()), handle::hash(made.as_type()));
            assert_eq!(
                handle::retain_count(K_TEST.as_type()),
                crate::capi::runtime::object::IMMORTAL_RETAIN_COUNT
            );
            handle::release(made.as_type());
        }
    }
}
