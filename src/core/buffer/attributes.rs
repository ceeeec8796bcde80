//! Pixel-buffer attribute dictionaries (corevideo.md §6): validation into
//! typed [`PixelBufferAttributes`], and `CVPixelBufferIsCompatibleWithAttributes`.
//!
//! Apple documents the value type of every key but not what happens when a
//! caller passes another type. pixelport refuses a wrong type for every key
//! it honours (`kCVReturnInvalidPixelBufferAttributes`), and ignores the keys
//! that mean nothing without OpenGL, Metal, CoreGraphics or IOSurface
//! (the `…Compatibility` booleans and `IOSurfacePurgeable`), whatever their
//! value. Unknown keys are ignored, as CoreVideo ignores keys it does not use.

use super::AttributeError;
use crate::core::pixel_format::{ExtendedPixels, LayoutOptions};
use crate::core::property::Value;

/// The attribute keys pixelport reads, by their CoreVideo strings.
pub mod keys {
    pub const PIXEL_FORMAT_TYPE: &str = "PixelFormatType";
    pub const MEMORY_ALLOCATOR: &str = "MemoryAllocator";
    pub const WIDTH: &str = "Width";
    pub const HEIGHT: &str = "Height";
    pub const EXTENDED_PIXELS_LEFT: &str = "ExtendedPixelsLeft";
    pub const EXTENDED_PIXELS_TOP: &str = "ExtendedPixelsTop";
    pub const EXTENDED_PIXELS_RIGHT: &str = "ExtendedPixelsRight";
    pub const EXTENDED_PIXELS_BOTTOM: &str = "ExtendedPixelsBottom";
    pub const BYTES_PER_ROW_ALIGNMENT: &str = "BytesPerRowAlignment";
    pub const PLANE_ALIGNMENT: &str = "PlaneAlignment";
    pub const IOSURFACE_PROPERTIES: &str = "IOSurfaceProperties";
    pub const PROPAGATED_ATTACHMENTS: &str = "PropagatedAttachments";
    pub const NON_PROPAGATED_ATTACHMENTS: &str = "NonPropagatedAttachments";
}

/// The keys whose values are counts (non-negative integers).
const COUNT_KEYS: [&str; 8] = [
    keys::WIDTH,
    keys::HEIGHT,
    keys::EXTENDED_PIXELS_LEFT,
    keys::EXTENDED_PIXELS_TOP,
    keys::EXTENDED_PIXELS_RIGHT,
    keys::EXTENDED_PIXELS_BOTTOM,
    keys::BYTES_PER_ROW_ALIGNMENT,
    keys::PLANE_ALIGNMENT,
];

/// A validated attribute dictionary. Absent keys are `None` / zero / false.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PixelBufferAttributes {
    /// `kCVPixelBufferPixelFormatTypeKey`: one format or a list, in order.
    pub pixel_formats: Option<Vec<u32>>,
    pub width: Option<usize>,
    pub height: Option<usize>,
    /// Alignment and extended-pixel keys (0 where absent).
    pub layout: LayoutOptions,
    /// `kCVPixelBufferIOSurfacePropertiesKey` was present (pixelport has no
    /// IOSurface; the request is accepted and has no effect).
    pub iosurface: bool,
    /// `kCVBufferPropagatedAttachmentsKey` holds attachments to set.
    pub propagated_attachments: bool,
    /// `kCVBufferNonPropagatedAttachmentsKey` holds attachments to set.
    pub non_propagated_attachments: bool,
}

impl PixelBufferAttributes {
    /// Validates an attribute dictionary; `None` (no dictionary) is valid
    /// and requests nothing.
    pub fn parse(attributes: Option<&Value>) -> Result<Self, AttributeError> {
        let mut out = PixelBufferAttributes::default();
        let Some(attributes) = attributes else {
            return Ok(out);
        };
        if attributes.as_dictionary().is_none() {
            return Err(AttributeError::NotADictionary);
        }
        if let Some(value) = attributes.get(keys::PIXEL_FORMAT_TYPE) {
            out.pixel_formats = Some(pixel_format_list(value)?);
        }
        let count = |key: &str| -> Result<usize, AttributeError> {
            attributes.get(key).map_or(Ok(0), |v| count_value(key, v))
        };
        out.width = attributes
            .get(keys::WIDTH)
            .map(|v| count_value(keys::WIDTH, v))
            .transpose()?;
        out.height = attributes
            .get(keys::HEIGHT)
            .map(|v| count_value(keys::HEIGHT, v))
            .transpose()?;
        out.layout = LayoutOptions {
            bytes_per_row_alignment: count(keys::BYTES_PER_ROW_ALIGNMENT)?,
            plane_alignment: count(keys::PLANE_ALIGNMENT)?,
            extended: ExtendedPixels {
                left: count(keys::EXTENDED_PIXELS_LEFT)?,
                right: count(keys::EXTENDED_PIXELS_RIGHT)?,
                top: count(keys::EXTENDED_PIXELS_TOP)?,
                bottom: count(keys::EXTENDED_PIXELS_BOTTOM)?,
            },
        };
        if let Some(value) = attributes.get(keys::IOSURFACE_PROPERTIES) {
            expect_dictionary(keys::IOSURFACE_PROPERTIES, value)?;
            out.iosurface = true;
        }
        out.propagated_attachments =
            attachment_dictionary(keys::PROPAGATED_ATTACHMENTS, attributes)?;
        out.non_propagated_attachments =
            attachment_dictionary(keys::NON_PROPAGATED_ATTACHMENTS, attributes)?;
        if let Some(value) = attributes.get(keys::MEMORY_ALLOCATOR) {
            // Accepted and not used: pixel memory always comes from the
            // system allocator, like every other pixelport allocation.
            if value.kind() != "CFAllocator" {
                return Err(wrong_type(keys::MEMORY_ALLOCATOR, "CFAllocator", value));
            }
        }
        Ok(out)
    }
}

/// What `CVPixelBufferIsCompatibleWithAttributes` needs to know about a buffer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BufferFacts {
    pub pixel_format: u32,
    pub width: usize,
    pub height: usize,
    /// What `CVPixelBufferGetExtendedPixels` reports.
    pub extended: ExtendedPixels,
    /// One entry per plane (one for chunky buffers).
    pub planes: Vec<PlaneFacts>,
}

/// Where a plane's memory starts, for alignment checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlaneFacts {
    pub bytes_per_row: usize,
    /// Numeric address of the plane's memory (extended rows included).
    pub address: usize,
    /// The same start measured the way `kCVPixelBufferPlaneAlignmentKey` is
    /// applied: from the start of a pixelport allocation (see
    /// `core::pixel_format::geometry`), or the address itself for caller
    /// memory.
    pub offset: usize,
}

impl PlaneFacts {
    /// Whether the plane starts on a multiple of `alignment` (0 = any):
    /// its offset is a multiple, and its address is a multiple of the
    /// power-of-two part of `alignment`, which is all an address can
    /// promise when the alignment is not a power of two.
    pub fn starts_aligned(&self, alignment: usize) -> bool {
        if alignment == 0 {
            return true;
        }
        let power_of_two = alignment & alignment.wrapping_neg();
        self.offset % alignment == 0 && self.address % power_of_two == 0
    }
}

/// Whether a buffer satisfies `attributes`: its format is one of those
/// listed, its size equals a requested width and height, every plane's
/// bytes-per-row is a multiple of the requested row alignment and every
/// plane starts aligned to the requested plane alignment
/// ([`PlaneFacts::starts_aligned`]), and it has at least the requested
/// extended pixels on each side. Keys without a buffer property to check
/// (IOSurface, allocator, compatibility booleans, attachments) are
/// satisfied by every buffer.
pub fn is_compatible(buffer: &BufferFacts, attributes: &PixelBufferAttributes) -> bool {
    let format_ok = attributes
        .pixel_formats
        .as_ref()
        .is_none_or(|formats| formats.contains(&buffer.pixel_format));
    let size_ok = attributes.width.is_none_or(|w| w == buffer.width)
        && attributes.height.is_none_or(|h| h == buffer.height);
    let layout = &attributes.layout;
    let row_alignment = layout.bytes_per_row_alignment;
    let alignment_ok = buffer.planes.iter().all(|plane| {
        (row_alignment == 0 || plane.bytes_per_row % row_alignment == 0)
            && plane.starts_aligned(layout.plane_alignment)
    });
    let (have, want) = (&buffer.extended, &layout.extended);
    let extended_ok = have.left >= want.left
        && have.right >= want.right
        && have.top >= want.top
        && have.bottom >= want.bottom;
    format_ok && size_ok && alignment_ok && extended_ok
}

/// A `PixelFormatType` value: one number or a non-empty array of numbers.
pub(super) fn pixel_format_list(value: &Value) -> Result<Vec<u32>, AttributeError> {
    let key = keys::PIXEL_FORMAT_TYPE;
    match value {
        Value::Number(_) => Ok(vec![os_type(key, value)?]),
        Value::Array(items) if !items.is_empty() => {
            items.iter().map(|item| os_type(key, item)).collect()
        }
        Value::Array(_) => Err(AttributeError::BadValue { key: key.into() }),
        other => Err(wrong_type(key, "CFNumber or CFArray", other)),
    }
}

/// An `OSType` stored in a CFNumber. Negative 32-bit values are accepted
/// as their unsigned bit pattern, because C callers commonly store an
/// `OSType` with `kCFNumberSInt32Type`.
fn os_type(key: &str, value: &Value) -> Result<u32, AttributeError> {
    if value.as_number().is_none() {
        return Err(wrong_type(key, "CFNumber", value));
    }
    if let Some(count) = value.as_count() {
        return u32::try_from(count).map_err(|_| AttributeError::BadValue { key: key.into() });
    }
    match value.as_number().map(|n| n.value()) {
        Some(crate::core::number::NumberValue::Int(i)) if i >= i64::from(i32::MIN) => {
            Ok(i as i32 as u32)
        }
        _ => Err(AttributeError::BadValue { key: key.into() }),
    }
}

/// A count-valued key: a CFNumber holding a non-negative integer.
pub(super) fn count_value(key: &str, value: &Value) -> Result<usize, AttributeError> {
    if value.as_number().is_none() {
        return Err(wrong_type(key, "CFNumber", value));
    }
    value
        .as_count()
        .ok_or_else(|| AttributeError::BadValue { key: key.into() })
}

pub(super) fn is_count_key(key: &str) -> bool {
    COUNT_KEYS.contains(&key)
}

fn expect_dictionary(key: &str, value: &Value) -> Result<(), AttributeError> {
    match value {
        Value::Dictionary(_) => Ok(()),
        other => Err(wrong_type(key, "CFDictionary", other)),
    }
}

/// An attachments dictionary: string keys (attachment keys are CFStrings).
fn attachment_dictionary(key: &str, attributes: &Value) -> Result<bool, AttributeError> {
    let Some(value) = attributes.get(key) else {
        return Ok(false);
    };
    expect_dictionary(key, value)?;
    let pairs = value.as_dictionary().unwrap_or_default();
    if pairs.iter().any(|(k, _)| k.as_str().is_none()) {
        return Err(AttributeError::BadValue { key: key.into() });
    }
    Ok(true)
}

fn wrong_type(key: &str, expected: &'static str, found: &Value) -> AttributeError {
    AttributeError::WrongType {
        key: key.into(),
        expected,
        found: found.kind().into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::number::Number;

    fn parse(pairs: Vec<(&str, Value)>) -> Result<PixelBufferAttributes, AttributeError> {
        PixelBufferAttributes::parse(Some(&Value::dictionary(pairs)))
    }

    const BGRA: u32 = 0x4247_5241;

    #[test]
    fn absent_and_empty_request_nothing() {
        assert_eq!(
            PixelBufferAttributes::parse(None),
            Ok(PixelBufferAttributes::default())
        );
        assert_eq!(parse(vec![]), Ok(PixelBufferAttributes::default()));
        assert_eq!(
            PixelBufferAttributes::parse(Some(&Value::int(3))),
            Err(AttributeError::NotADictionary)
        );
    }

    #[test]
    fn honoured_keys_are_read() {
        let a = parse(vec![
            ("PixelFormatType", Value::int(i64::from(BGRA))),
            ("Width", Value::int(640)),
            ("Height", Value::Number(Number::from_f64(480.0))),
            ("ExtendedPixelsLeft", Value::int(1)),
            ("ExtendedPixelsRight", Value::int(2)),
            ("ExtendedPixelsTop", Value::int(3)),
            ("ExtendedPixelsBottom", Value::int(4)),
            ("BytesPerRowAlignment", Value::int(128)),
            ("PlaneAlignment", Value::int(256)),
            ("IOSurfaceProperties", Value::Dictionary(vec![])),
            ("MemoryAllocator", Value::Other("CFAllocator".into())),
            (
                "PropagatedAttachments",
                Value::dictionary([("K", Value::Bool(true))]),
            ),
            ("CGImageCompatibility", Value::String("whatever".into())),
            ("SomethingUnknown", Value::Other("CFNull".into())),
        ])
        .unwrap();
        assert_eq!(a.pixel_formats, Some(vec![BGRA]));
        assert_eq!((a.width, a.height), (Some(640), Some(480)));
        assert_eq!(
            a.layout.extended,
            ExtendedPixels {
                left: 1,
                right: 2,
                top: 3,
                bottom: 4
            }
        );
        assert_eq!(a.layout.bytes_per_row_alignment, 128);
        assert_eq!(a.layout.plane_alignment, 256);
        assert!(a.iosurface && a.propagated_attachments && !a.non_propagated_attachments);
    }

    #[test]
    fn format_lists_and_signed_os_types() {
        let list = Value::Array(vec![Value::int(1), Value::int(i64::from(BGRA))]);
        let a = parse(vec![("PixelFormatType", list)]).unwrap();
        assert_eq!(a.pixel_formats, Some(vec![1, BGRA]));
        // 0xFFFFFFFF stored through kCFNumberSInt32Type reads back as -1.
        let a = parse(vec![("PixelFormatType", Value::int(-1))]).unwrap();
        assert_eq!(a.pixel_formats, Some(vec![u32::MAX]));
        for bad in [
            Value::Array(vec![]),
            Value::int(1 << 40),
            Value::int(i64::from(i32::MIN) - 1),
            Value::Number(Number::from_f64(1.5)),
        ] {
            assert!(matches!(
                parse(vec![("PixelFormatType", bad)]),
                Err(AttributeError::BadValue { .. })
            ));
        }
        assert!(matches!(
            parse(vec![("PixelFormatType", Value::String("BGRA".into()))]),
            Err(AttributeError::WrongType { .. })
        ));
        assert!(matches!(
            parse(vec![(
                "PixelFormatType",
                Value::Array(vec![Value::String("x".into())])
            )]),
            Err(AttributeError::WrongType { .. })
        ));
    }

    #[test]
    fn wrong_types_are_refused() {
        let cases = [
            ("Width", Value::String("640".into())),
            ("Height", Value::Bool(true)),
            ("ExtendedPixelsTop", Value::Data(vec![1])),
            ("BytesPerRowAlignment", Value::Array(vec![])),
            ("PlaneAlignment", Value::Dictionary(vec![])),
            ("IOSurfaceProperties", Value::Bool(true)),
            ("PropagatedAttachments", Value::Array(vec![])),
            ("NonPropagatedAttachments", Value::int(0)),
            ("MemoryAllocator", Value::Other("CFNull".into())),
        ];
        for (key, value) in cases {
            let err = parse(vec![(key, value)]).unwrap_err();
            assert!(
                matches!(&err, AttributeError::WrongType { key: k, .. } if k == key),
                "{key}: {err:?}"
            );
        }
        for (key, value) in [
            ("Width", Value::int(-1)),
            ("PlaneAlignment", Value::Number(Number::from_f64(0.5))),
            (
                "NonPropagatedAttachments",
                Value::Dictionary(vec![(Value::int(1), Value::int(2))]),
            ),
        ] {
            assert!(matches!(
                parse(vec![(key, value)]),
                Err(AttributeError::BadValue { .. })
            ));
        }
    }

    fn facts() -> BufferFacts {
        BufferFacts {
            pixel_format: BGRA,
            width: 64,
            height: 32,
            extended: ExtendedPixels {
                left: 2,
                right: 2,
                top: 1,
                bottom: 1,
            },
            planes: vec![PlaneFacts {
                bytes_per_row: 512,
                address: 0x1000,
                offset: 0x1000,
            }],
        }
    }

    #[test]
    fn compatibility() {
        let f = facts();
        let ok = |pairs: Vec<(&str, Value)>| is_compatible(&f, &parse(pairs).unwrap());
        assert!(ok(vec![]));
        assert!(ok(vec![("PixelFormatType", Value::int(i64::from(BGRA)))]));
        assert!(ok(vec![(
            "PixelFormatType",
            Value::Array(vec![Value::int(1), Value::int(i64::from(BGRA))])
        )]));
        assert!(!ok(vec![("PixelFormatType", Value::int(1))]));
        assert!(ok(vec![
            ("Width", Value::int(64)),
            ("Height", Value::int(32))
        ]));
        assert!(!ok(vec![("Width", Value::int(63))]));
        assert!(!ok(vec![("Height", Value::int(33))]));
        assert!(ok(vec![("BytesPerRowAlignment", Value::int(256))]));
        assert!(ok(vec![("BytesPerRowAlignment", Value::int(0))]));
        assert!(!ok(vec![("BytesPerRowAlignment", Value::int(1024))]));
        assert!(ok(vec![("PlaneAlignment", Value::int(4096))]));
        assert!(!ok(vec![("PlaneAlignment", Value::int(8192))]));
        assert!(ok(vec![("ExtendedPixelsLeft", Value::int(2))]));
        assert!(!ok(vec![("ExtendedPixelsLeft", Value::int(3))]));
        assert!(!ok(vec![("ExtendedPixelsBottom", Value::int(2))]));
        assert!(ok(vec![("IOSurfaceProperties", Value::Dictionary(vec![]))]));
    }

    #[test]
    fn plane_alignment_is_measured_like_creation_applies_it() {
        // An allocation at 0x10040 (64-aligned) with a plane at offset 192.
        let plane = PlaneFacts {
            bytes_per_row: 64,
            address: 0x10040 + 192,
            offset: 192,
        };
        assert!(plane.starts_aligned(0));
        assert!(plane.starts_aligned(48)); // 192 = 4 × 48, address 16-aligned
        assert!(plane.starts_aligned(64));
        assert!(!plane.starts_aligned(128)); // offset 192 is not a multiple
        let first = PlaneFacts {
            offset: 0,
            address: 0x10040,
            ..plane
        };
        assert!(first.starts_aligned(64));
        assert!(!first.starts_aligned(4096)); // the address is not
        assert!(first.starts_aligned(96)); // offset 0; 0x10040 is 32-aligned
        assert!(!first.starts_aligned(128)); // 0x10040 is not 128-aligned
    }
}
