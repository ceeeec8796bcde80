//! CVPixelFormatDescription.h (corevideo.md §4.6, §9): format description
//! dictionaries, the list of described formats, custom-format registration
//! and `CVIsCompressedPixelFormatAvailable`.
//!
//! The facts come from `core::pixel_format` (the one format table, its black
//! blocks and the registry); this module only turns them into CF objects and
//! reads registrations out of CF dictionaries. What the core cannot hold (C
//! function pointers, arbitrary CF values) stays here: for each registered
//! format, the keys of its description that pixelport does not interpret
//! (`FillExtendedPixelsCallback`, `CGBitmapInfo`, OpenGL keys, private keys)
//! are kept in an immutable dictionary of ours for the life of the process
//! and returned with every description of that format.
#![allow(non_snake_case)]

use std::ffi::c_void;
use std::mem::size_of;
use std::sync::{PoisonError, RwLock};

use super::keys::*;
use super::types::{CVFillExtendedPixelsCallBack, CVFillExtendedPixelsCallBackData};
use crate::capi::core_foundation::array::{CfArray, array_values, new_cf_type_array};
use crate::capi::core_foundation::boolean::{CfBoolean, boolean_ref};
use crate::capi::core_foundation::data::{data_bytes, new_data};
use crate::capi::core_foundation::dictionary::{
    CfDictionary, dictionary_entries, dictionary_get, new_cf_type_dictionary,
};
use crate::capi::core_foundation::number::{new_number, number_value};
use crate::capi::core_foundation::string::new_string;
use crate::capi::core_foundation::types::{
    Boolean, CFAllocatorRef, CFArrayRef, CFDataRef, CFDictionaryRef, CFIndex, CFNumberRef,
    CFStringRef, CFTypeRef, CfRef, OSType,
};
use crate::capi::handle;
use crate::core::number::{Number, NumberType, NumberValue};
use crate::core::pixel_format::registry::{self, CustomFormat, CustomPlane};
use crate::core::pixel_format::{
    ComponentRange, Contents, FormatDescription, PixelFormat, PlaneDescription, describable_codes,
};

/// What a registration kept besides the core descriptor.
struct Kept {
    code: u32,
    /// +1 immutable CFType dictionary of the description's uninterpreted keys.
    extras: CFDictionaryRef,
    /// The parsed `kCVPixelFormatFillExtendedPixelsCallback`, if any.
    fill: Option<CVFillExtendedPixelsCallBackData>,
}

// SAFETY: `extras` is an immutable dictionary with atomic reference counts
// that is only read after creation; `fill` holds the registrant's callback
// and refCon, which CoreVideo passes to any thread that fills a buffer.
unsafe impl Send for Kept {}
// SAFETY: as above; nothing in `Kept` is mutated after construction.
unsafe impl Sync for Kept {}

impl Drop for Kept {
    fn drop(&mut self) {
        // SAFETY: `extras` is the +1 reference this entry owns.
        unsafe { handle::release(self.extras.as_type()) }
    }
}

/// Registrations' extras. Lock order: this lock, then the core registry's.
static KEPT: RwLock<Vec<Kept>> = RwLock::new(Vec::new());

/// +1 references created while building a description, released when the
/// builder is done (the dictionaries and arrays hold their own references).
#[derive(Default)]
struct Created(Vec<CFTypeRef>);

impl Created {
    fn keep(&mut self, object: CFTypeRef) -> CFTypeRef {
        self.0.push(object);
        object
    }

    /// An OSType or count as CoreVideo stores it: a SInt32 CFNumber (codes
    /// above 0x7FFFFFFF read back negative as SInt32, exact as OSType).
    fn int32(&mut self, value: u32) -> CFTypeRef {
        let number = Number::new(
            NumberType::SInt32,
            NumberValue::Int(i64::from(value as i32)),
        );
        self.keep(new_number(number).as_type())
    }
}

impl Drop for Created {
    fn drop(&mut self) {
        for &object in &self.0 {
            // SAFETY: each entry is a +1 reference this builder created.
            unsafe { handle::release(object) }
        }
    }
}

fn key(k: CFStringRef) -> CFTypeRef {
    k.as_type()
}

fn boolean(value: bool) -> CFTypeRef {
    boolean_ref(value).as_type()
}

fn plane_pairs(plane: &PlaneDescription, created: &mut Created) -> Vec<(CFTypeRef, CFTypeRef)> {
    vec![
        (
            key(kCVPixelFormatBitsPerBlock),
            created.int32(plane.bits_per_block),
        ),
        (
            key(kCVPixelFormatBlockWidth),
            created.int32(plane.block_width),
        ),
        (
            key(kCVPixelFormatBlockHeight),
            created.int32(plane.block_height),
        ),
        (
            key(kCVPixelFormatBlockHorizontalAlignment),
            created.int32(plane.block_horizontal_alignment),
        ),
        (
            key(kCVPixelFormatBlockVerticalAlignment),
            created.int32(plane.block_vertical_alignment),
        ),
        (
            key(kCVPixelFormatHorizontalSubsampling),
            created.int32(plane.horizontal_subsampling),
        ),
        (
            key(kCVPixelFormatVerticalSubsampling),
            created.int32(plane.vertical_subsampling),
        ),
        (
            key(kCVPixelFormatBlackBlock),
            created.keep(new_data(&plane.black_block).as_type()),
        ),
    ]
}

/// The +1 description dictionary of `d`, followed by `extras`' pairs.
///
/// # Safety
/// `extras` must be NULL or a live dictionary of CF objects.
unsafe fn description_dictionary(
    d: &FormatDescription,
    extras: CFDictionaryRef,
) -> CFDictionaryRef {
    let mut created = Created::default();
    let mut pairs = vec![
        (key(kCVPixelFormatConstant), created.int32(d.code)),
        (
            key(kCVPixelFormatName),
            created.keep(new_string(d.name).as_type()),
        ),
    ];
    if let Some(codec) = d.codec_type {
        pairs.push((key(kCVPixelFormatCodecType), created.int32(codec)));
    }
    if let Some(fourcc) = d.fourcc {
        pairs.push((key(kCVPixelFormatFourCC), created.int32(fourcc)));
    }
    if let Some(bits) = d.bits_per_component {
        pairs.push((key(kCVPixelFormatBitsPerComponent), created.int32(bits)));
    }
    if let Some(range) = d.component_range {
        let value = match range {
            ComponentRange::Video => kCVPixelFormatComponentRange_VideoRange,
            ComponentRange::Full => kCVPixelFormatComponentRange_FullRange,
            ComponentRange::Wide => kCVPixelFormatComponentRange_WideRange,
        };
        pairs.push((key(kCVPixelFormatComponentRange), value.as_type()));
    }
    pairs.extend([
        (key(kCVPixelFormatContainsAlpha), boolean(d.contains_alpha)),
        (key(kCVPixelFormatContainsRGB), boolean(d.contains_rgb)),
        (key(kCVPixelFormatContainsYCbCr), boolean(d.contains_ycbcr)),
        (
            key(kCVPixelFormatContainsGrayscale),
            boolean(d.contains_grayscale),
        ),
        (
            key(kCVPixelFormatContainsSenselArray),
            boolean(d.contains_sensel_array),
        ),
    ]);
    if d.planar {
        let mut planes = Vec::with_capacity(d.planes.len());
        for plane in &d.planes {
            let plane_pairs = plane_pairs(plane, &mut created);
            // SAFETY: every key and value is a live CF object.
            let dict = unsafe { new_cf_type_dictionary(&plane_pairs) };
            planes.push(created.keep(dict.as_type()));
        }
        // SAFETY: live dictionaries.
        let array = unsafe { new_cf_type_array(&planes) };
        pairs.push((key(kCVPixelFormatPlanes), created.keep(array.as_type())));
    } else if let Some(plane) = d.planes.first() {
        pairs.extend(plane_pairs(plane, &mut created));
    }
    if let Some(info) = d.cg_bitmap_info {
        pairs.push((key(kCVPixelFormatCGBitmapInfo), created.int32(info)));
    }
    if d.cg_image_compatible {
        pairs.push((key(kCVPixelFormatCGImageCompatibility), boolean(true)));
    }
    if d.cg_bitmap_context_compatible {
        pairs.push((
            key(kCVPixelFormatCGBitmapContextCompatibility),
            boolean(true),
        ));
    }
    // SAFETY: per this function's contract.
    pairs.extend(unsafe { dictionary_entries(extras) });
    // SAFETY: every key and value is a live CF object.
    unsafe { new_cf_type_dictionary(&pairs) }
}

/// Creates a (+1) description of a pixel format: an immutable dictionary
/// keyed by the `kCVPixelFormat…` constants.
///
/// Every built-in format except the 14 device-compressed ones has a
/// description: `kCVPixelFormatConstant`, `Name` (the constant's name
/// without `kCVPixelFormatType_`), `BitsPerComponent`, the `Contains…`
/// flags, `ComponentRange` (video, full or wide formats only), and the
/// plane keys (`BitsPerBlock`, `BlockWidth`, `BlockHeight`, the block
/// alignments, the subsampling factors and `BlackBlock`, every one present)
/// at the top level for chunky formats or as one dictionary per plane in
/// `kCVPixelFormatPlanes` for planar ones. `CodecType`, `FourCC`,
/// `CGBitmapInfo`, `CGImageCompatibility` and
/// `CGBitmapContextCompatibility` appear where they apply (README). Numbers
/// are SInt32 CFNumbers. A registered format is described by what its
/// registration established plus the description's keys pixelport does not
/// interpret, unchanged (including `FillExtendedPixelsCallback`).
///
/// Returns NULL for an unknown code and for compressed formats
/// (`CVIsCompressedPixelFormatAvailable` is false for all of them). The
/// allocator is ignored (README: allocators). Thread-safe.
///
/// # Safety
/// `allocator` must be NULL or a live allocator.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelFormatDescriptionCreateWithPixelFormatType(
    allocator: CFAllocatorRef,
    pixelFormat: OSType,
) -> CFDictionaryRef {
    let _ = allocator;
    ffi_guard!(CFDictionaryRef::null(), {
        // Look up under the lock, build without it: building retains and
        // compares the registrant's values, which must not run under a
        // lock a nested registration would need.
        let (description, extras) = {
            let kept = KEPT.read().unwrap_or_else(PoisonError::into_inner);
            let Some(description) = PixelFormat::find(pixelFormat).and_then(|f| f.description())
            else {
                return CFDictionaryRef::null();
            };
            let extras = kept
                .iter()
                .find(|k| k.code == pixelFormat)
                .map_or(CFDictionaryRef::null(), |k| k.extras);
            // SAFETY: NULL or a dictionary `KEPT` keeps alive while the lock
            // is held; this reference keeps it alive after.
            unsafe { handle::retain(extras.as_type()) };
            (description, extras)
        };
        // SAFETY: `extras` is NULL or a live dictionary we hold a reference to.
        let dictionary = unsafe { description_dictionary(&description, extras) };
        // SAFETY: the reference taken above.
        unsafe { handle::release(extras.as_type()) };
        dictionary
    })
}

/// Creates a (+1) array of SInt32 CFNumbers holding the code (OSType) of
/// every described format: the 85 built-in formats that are not
/// device-compressed, in `CVPixelBuffer.h` order, then the registered
/// formats in registration order. The allocator is ignored. Thread-safe.
///
/// # Safety
/// `allocator` must be NULL or a live allocator.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelFormatDescriptionArrayCreateWithAllPixelFormatTypes(
    allocator: CFAllocatorRef,
) -> CFArrayRef {
    let _ = allocator;
    ffi_guard!(CFArrayRef::null(), {
        let mut created = Created::default();
        let numbers: Vec<CFTypeRef> = describable_codes().map(|c| created.int32(c)).collect();
        // SAFETY: live numbers.
        unsafe { new_cf_type_array(&numbers) }
    })
}

/// Registers a custom pixel format under `pixelFormat`, after which it is
/// described by `CVPixelFormatDescriptionCreateWithPixelFormatType`, listed
/// by `CVPixelFormatDescriptionArrayCreateWithAllPixelFormatTypes` and can
/// be created like any built-in format.
///
/// Read from `description`: `kCVPixelFormatBitsPerBlock` (required; a
/// multiple of 8, at most 2040), `BlockWidth`, `BlockHorizontalAlignment`,
/// `HorizontalSubsampling`, `VerticalSubsampling` (1–255, default 1;
/// only 1 for a one-plane format, whose buffers hold `height` rows of
/// `width` pixels), `BlockHeight` and `BlockVerticalAlignment` (must be 1 if present),
/// `BlackBlock` (CFData of exactly one block) — at the top level, or per
/// plane in a `kCVPixelFormatPlanes` array of dictionaries — and `Name`
/// (CFString; default: the FourCC text), `BitsPerComponent` (1–255),
/// `ComponentRange` (one of the three range strings), the `Contains…` flags
/// (CFBoolean, or a CFNumber read as non-zero) and
/// `FillExtendedPixelsCallback` (CFData holding a version-0
/// `CVFillExtendedPixelsCallBackData`). Numbers may be of any CFNumber type
/// but must hold an integer. Other keys are kept and returned unchanged in
/// the format's description. The caller keeps its reference to
/// `description`; pixelport retains the values it keeps (the callback's
/// CFData included) until the code is registered again.
///
/// Registering a built-in code is ignored. Registering a registered code
/// again replaces it (buffers already created keep the old layout).
/// Deviation: a description this function cannot honour — NULL, not a
/// dictionary, a missing `BitsPerBlock`, a value out of the ranges above or
/// of the wrong CF type — is ignored without any report, since the function
/// returns nothing. Thread-safe.
///
/// # Safety
/// `description` must be NULL or a live object; a dictionary's keys and
/// values must be CF objects (CFType callbacks).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(
    description: CFDictionaryRef,
    pixelFormat: OSType,
) {
    ffi_guard!({
        let _ = try_ref!(description, CfDictionary);
        // SAFETY: a live dictionary of CF objects per the contract.
        let Some(parsed) = (unsafe { parse(description) }) else {
            return;
        };
        // Built before taking the lock (it retains the registrant's values);
        // dropped (released) again if the registration is refused.
        let entry = Kept {
            code: pixelFormat,
            // SAFETY: the pairs are live CF objects taken from `description`.
            extras: unsafe { new_cf_type_dictionary(&parsed.extras) },
            fill: parsed.fill,
        };
        let mut kept = KEPT.write().unwrap_or_else(PoisonError::into_inner);
        if registry::register(pixelFormat, &parsed.custom).is_err() {
            return;
        }
        match kept.iter_mut().find(|k| k.code == pixelFormat) {
            Some(slot) => *slot = entry,
            None => kept.push(entry),
        }
    })
}

/// Whether a device-compressed (`Lossless_…`/`Lossy_…`) format can be used
/// here: always false. Those formats are tiled hardware compression private
/// to Apple GPUs; pixelport never creates them. Unknown and uncompressed
/// codes are false as well. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn CVIsCompressedPixelFormatAvailable(pixelFormatType: OSType) -> Boolean {
    ffi_guard!({
        let _ = pixelFormatType;
        0
    })
}

/// The fill-extended-pixels callback a registered format's description
/// provided (`CVPixelBufferFillExtendedPixels` calls it), if it gave one
/// with a non-NULL function.
pub fn registered_fill_callback(code: u32) -> Option<CVFillExtendedPixelsCallBackData> {
    let kept = KEPT.read().unwrap_or_else(PoisonError::into_inner);
    kept.iter()
        .find(|k| k.code == code)
        .and_then(|k| k.fill)
        .filter(|f| f.fillCallBack.is_some())
}

/// A description read out of its dictionary.
struct Parsed {
    custom: CustomFormat,
    /// The pairs pixelport does not interpret, to keep.
    extras: Vec<(CFTypeRef, CFTypeRef)>,
    fill: Option<CVFillExtendedPixelsCallBackData>,
}

/// Keys whose values the registry interprets; a description returns
/// pixelport's reading of them, not the registrant's values.
fn interpreted_keys() -> [CFStringRef; 18] {
    [
        kCVPixelFormatConstant,
        kCVPixelFormatName,
        kCVPixelFormatBitsPerComponent,
        kCVPixelFormatComponentRange,
        kCVPixelFormatContainsAlpha,
        kCVPixelFormatContainsRGB,
        kCVPixelFormatContainsYCbCr,
        kCVPixelFormatContainsGrayscale,
        kCVPixelFormatContainsSenselArray,
        kCVPixelFormatPlanes,
        kCVPixelFormatBitsPerBlock,
        kCVPixelFormatBlockWidth,
        kCVPixelFormatBlockHeight,
        kCVPixelFormatBlockHorizontalAlignment,
        kCVPixelFormatBlockVerticalAlignment,
        kCVPixelFormatHorizontalSubsampling,
        kCVPixelFormatVerticalSubsampling,
        kCVPixelFormatBlackBlock,
    ]
}

/// Reads a registration; `None` when a value has the wrong type or form.
///
/// # Safety
/// `dict` must be a live dictionary of CF objects.
unsafe fn parse(dict: CFDictionaryRef) -> Option<Parsed> {
    // SAFETY: `dict` and everything in it are live CF objects per the
    // contract, kept alive by the caller's reference to `dict` for the whole
    // call; every pointer read from it is type-checked before use.
    unsafe {
        let planes = match dictionary_get(dict, key(kCVPixelFormatPlanes)) {
            None => vec![parse_plane(dict)?],
            Some(array) => {
                handle::object::<CfArray>(array)?;
                let mut planes = Vec::new();
                for plane in array_values(CFArrayRef::from_type(array)) {
                    handle::object::<CfDictionary>(plane)?;
                    planes.push(parse_plane(CFDictionaryRef::from_type(plane))?);
                }
                planes
            }
        };
        let name = match dictionary_get(dict, key(kCVPixelFormatName)) {
            None => None,
            Some(s) => Some(handle::text(s)?.to_string_lossy()),
        };
        let component_range = match dictionary_get(dict, key(kCVPixelFormatComponentRange)) {
            None => None,
            Some(s) => Some(ComponentRange::from_name(
                &handle::text(s)?.to_string_lossy(),
            )?),
        };
        let custom = CustomFormat {
            name,
            planes,
            bits_per_component: integer(dict, kCVPixelFormatBitsPerComponent)?,
            contains_alpha: flag(dict, kCVPixelFormatContainsAlpha)?,
            contents: Contents {
                rgb: flag(dict, kCVPixelFormatContainsRGB)?,
                ycbcr: flag(dict, kCVPixelFormatContainsYCbCr)?,
                grayscale: flag(dict, kCVPixelFormatContainsGrayscale)?,
                sensel_array: flag(dict, kCVPixelFormatContainsSenselArray)?,
            },
            component_range,
        };
        let fill = match dictionary_get(dict, key(kCVPixelFormatFillExtendedPixelsCallback)) {
            None => None,
            Some(data) => Some(fill_callback(&data_bytes(CFDataRef::from_type(data))?)?),
        };
        let interpreted = interpreted_keys();
        let extras = dictionary_entries(dict)
            .into_iter()
            .filter(|&(k, _)| !interpreted.iter().any(|i| handle::equal(i.as_type(), k)))
            .collect();
        Some(Parsed {
            custom,
            extras,
            fill,
        })
    }
}

/// The plane keys of `dict` (a plane dictionary, or the top level).
///
/// # Safety
/// As for [`parse`].
unsafe fn parse_plane(dict: CFDictionaryRef) -> Option<CustomPlane> {
    // SAFETY: forwarded contract (live dictionary of CF objects).
    unsafe {
        let black_block = match dictionary_get(dict, key(kCVPixelFormatBlackBlock)) {
            None => None,
            Some(data) => Some(data_bytes(CFDataRef::from_type(data))?),
        };
        Some(CustomPlane {
            bits_per_block: integer(dict, kCVPixelFormatBitsPerBlock)?,
            block_width: integer(dict, kCVPixelFormatBlockWidth)?,
            block_height: integer(dict, kCVPixelFormatBlockHeight)?,
            block_horizontal_alignment: integer(dict, kCVPixelFormatBlockHorizontalAlignment)?,
            block_vertical_alignment: integer(dict, kCVPixelFormatBlockVerticalAlignment)?,
            horizontal_subsampling: integer(dict, kCVPixelFormatHorizontalSubsampling)?,
            vertical_subsampling: integer(dict, kCVPixelFormatVerticalSubsampling)?,
            black_block,
        })
    }
}

/// `Some(None)` when absent, `Some(Some(n))` for a CFNumber holding an
/// integer, `None` otherwise.
///
/// # Safety
/// As for [`parse`].
unsafe fn integer(dict: CFDictionaryRef, k: CFStringRef) -> Option<Option<i64>> {
    // SAFETY: forwarded contract.
    let Some(value) = (unsafe { dictionary_get(dict, key(k)) }) else {
        return Some(None);
    };
    // SAFETY: a live object.
    let number = unsafe { number_value(CFNumberRef::from_type(value)) }?;
    let read = number.convert(NumberType::SInt64);
    match read.value {
        NumberValue::Int(i) if read.exact => Some(Some(i)),
        _ => None,
    }
}

/// `Some(false)` when absent; a CFBoolean's value or a CFNumber's "non-zero".
///
/// # Safety
/// As for [`parse`].
unsafe fn flag(dict: CFDictionaryRef, k: CFStringRef) -> Option<bool> {
    // SAFETY: forwarded contract.
    let Some(value) = (unsafe { dictionary_get(dict, key(k)) }) else {
        return Some(false);
    };
    // SAFETY: a live object.
    if let Some(b) = unsafe { handle::object::<CfBoolean>(value) } {
        return Some(b.value.0);
    }
    // SAFETY: a live object.
    let number = unsafe { number_value(CFNumberRef::from_type(value)) }?;
    Some(number.as_f64() != 0.0)
}

/// A `CVFillExtendedPixelsCallBackData` from the bytes of its CFData: at
/// least the struct's size, version 0.
fn fill_callback(bytes: &[u8]) -> Option<CVFillExtendedPixelsCallBackData> {
    if bytes.len() < size_of::<CVFillExtendedPixelsCallBackData>() {
        return None;
    }
    // SAFETY: the slice holds enough bytes; every bit pattern is a valid
    // `CFIndex`, `Option<fn>` (0 is None) and raw pointer; the read is
    // unaligned-safe.
    let data = unsafe {
        std::ptr::read_unaligned(bytes.as_ptr() as *const CVFillExtendedPixelsCallBackData)
    };
    (data.version == 0).then_some(data)
}

// Layout facts the parsing relies on.
const _: () = {
    assert!(size_of::<CFIndex>() == 8);
    assert!(size_of::<CVFillExtendedPixelsCallBack>() == size_of::<*mut c_void>());
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capi::core_foundation::dictionary::dictionary_set;
    use crate::capi::core_foundation::dictionary::new_mutable_cf_type_dictionary;
    use crate::core::pixel_format::fourcc;

    unsafe extern "C" fn fill(_: super::super::types::CVPixelBufferRef, _: *mut c_void) -> Boolean {
        1
    }

    #[test]
    fn compressed_availability_is_always_false() {
        for code in [fourcc(b"&8v0"), fourcc(b"-BGA"), fourcc(b"BGRA"), 0] {
            assert_eq!(CVIsCompressedPixelFormatAvailable(code), 0);
        }
    }

    #[test]
    fn fill_callback_round_trip() {
        let data = CVFillExtendedPixelsCallBackData {
            version: 0,
            fillCallBack: Some(fill),
            refCon: 0x1234 as *mut c_void,
        };
        // SAFETY: reading the struct's own bytes.
        let bytes = unsafe {
            std::slice::from_raw_parts(
                &data as *const _ as *const u8,
                size_of::<CVFillExtendedPixelsCallBackData>(),
            )
        }
        .to_vec();
        let read = fill_callback(&bytes).unwrap();
        assert_eq!(read.refCon, data.refCon);
        assert!(read.fillCallBack.is_some());
        assert!(fill_callback(&bytes[..23]).is_none());
        let mut v1 = bytes.clone();
        v1[0] = 1;
        assert!(fill_callback(&v1).is_none());

        // Registered with the callback, then found by code.
        let code = fourcc(b"Tfil");
        let dict = new_mutable_cf_type_dictionary();
        let mut created = Created::default();
        let cb = created.keep(new_data(&bytes).as_type());
        // SAFETY: live objects; the test owns what it releases.
        unsafe {
            dictionary_set(dict, key(kCVPixelFormatBitsPerBlock), created.int32(32));
            dictionary_set(dict, key(kCVPixelFormatFillExtendedPixelsCallback), cb);
            CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(
                CFDictionaryRef::from_type(dict.as_type()),
                code,
            );
            handle::release(dict.as_type());
        }
        let found = registered_fill_callback(code).unwrap();
        assert_eq!(found.refCon, data.refCon);
        assert!(registered_fill_callback(fourcc(b"BGRA")).is_none());
    }
}
