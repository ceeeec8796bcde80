//! CoreGraphics' C types and constant values on LP64, as CGBase.h,
//! CGGeometry.h, CGColorSpace.h and CGImage.h define them.
//!
//! Apple declares the constants with `CF_ENUM`/`CF_OPTIONS`; they become
//! `#define`s in the generated header, and the enum-typed names are the plain
//! integer typedefs those macros produce in C. Bit-field values are written
//! in hex so the header shows the bit layout.
#![allow(non_camel_case_types, non_upper_case_globals)]

use std::mem::{offset_of, size_of};

use crate::capi::core_foundation::types::{CFTypeRef, CfRef, impl_cf_ref};

/// `double` on every 64-bit platform (`CGFLOAT_IS_DOUBLE`).
pub type CGFloat = f64;

/// A point in a two-dimensional coordinate system.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CGPoint {
    pub x: CGFloat,
    pub y: CGFloat,
}

/// A width and a height.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CGSize {
    pub width: CGFloat,
    pub height: CGFloat,
}

/// An origin plus a size (CoreVideo's clean rectangle, for example).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CGRect {
    pub origin: CGPoint,
    pub size: CGSize,
}

/// Opaque CGColorSpace storage.
pub struct CGColorSpace {
    _private: [u8; 0],
}
/// A colour space (a CF type).
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CGColorSpaceRef(pub *mut CGColorSpace);

impl_cf_ref!(CGColorSpaceRef => *mut CGColorSpace);

/// Opaque CGImage storage.
pub struct CGImage {
    _private: [u8; 0],
}
/// A bitmap image (a CF type).
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CGImageRef(pub *mut CGImage);

impl_cf_ref!(CGImageRef => *mut CGImage);

/// Alpha position and premultiplication (`CF_ENUM(uint32_t, …)`, CGImage.h).
pub type CGImageAlphaInfo = u32;
pub const kCGImageAlphaNone: CGImageAlphaInfo = 0;
pub const kCGImageAlphaPremultipliedLast: CGImageAlphaInfo = 1;
pub const kCGImageAlphaPremultipliedFirst: CGImageAlphaInfo = 2;
pub const kCGImageAlphaLast: CGImageAlphaInfo = 3;
pub const kCGImageAlphaFirst: CGImageAlphaInfo = 4;
pub const kCGImageAlphaNoneSkipLast: CGImageAlphaInfo = 5;
pub const kCGImageAlphaNoneSkipFirst: CGImageAlphaInfo = 6;
pub const kCGImageAlphaOnly: CGImageAlphaInfo = 7;

/// Byte-order part of a `CGBitmapInfo` (`CF_ENUM(uint32_t, …)`, CGImage.h).
pub type CGImageByteOrderInfo = u32;
pub const kCGImageByteOrderMask: CGImageByteOrderInfo = 0x7000;
pub const kCGImageByteOrderDefault: CGImageByteOrderInfo = 0x0000;
pub const kCGImageByteOrder16Little: CGImageByteOrderInfo = 0x1000;
pub const kCGImageByteOrder32Little: CGImageByteOrderInfo = 0x2000;
pub const kCGImageByteOrder16Big: CGImageByteOrderInfo = 0x3000;
pub const kCGImageByteOrder32Big: CGImageByteOrderInfo = 0x4000;

/// Packed-pixel part of a `CGBitmapInfo` (`CF_ENUM(uint32_t, …)`, CGImage.h).
pub type CGImagePixelFormatInfo = u32;
pub const kCGImagePixelFormatMask: CGImagePixelFormatInfo = 0xF_0000;
pub const kCGImagePixelFormatPacked: CGImagePixelFormatInfo = 0x0_0000;
pub const kCGImagePixelFormatRGB555: CGImagePixelFormatInfo = 0x1_0000;
pub const kCGImagePixelFormatRGB565: CGImagePixelFormatInfo = 0x2_0000;
pub const kCGImagePixelFormatRGB101010: CGImagePixelFormatInfo = 0x3_0000;
pub const kCGImagePixelFormatRGBCIF10: CGImagePixelFormatInfo = 0x4_0000;

/// A bitmap's layout: alpha info (low 5 bits) | float flag | byte order
/// (`CF_OPTIONS(uint32_t, …)`, CGImage.h). The `…Host` byte orders are
/// endian-dependent macros in the Apple-path CGImage.h.
pub type CGBitmapInfo = u32;
pub const kCGBitmapAlphaInfoMask: CGBitmapInfo = 0x1F;
pub const kCGBitmapFloatInfoMask: CGBitmapInfo = 0xF00;
pub const kCGBitmapFloatComponents: CGBitmapInfo = 0x100;
pub const kCGBitmapByteOrderMask: CGBitmapInfo = 0x7000;
pub const kCGBitmapByteOrderDefault: CGBitmapInfo = 0x0000;
pub const kCGBitmapByteOrder16Little: CGBitmapInfo = 0x1000;
pub const kCGBitmapByteOrder32Little: CGBitmapInfo = 0x2000;
pub const kCGBitmapByteOrder16Big: CGBitmapInfo = 0x3000;
pub const kCGBitmapByteOrder32Big: CGBitmapInfo = 0x4000;

/// How colours outside the destination gamut are mapped
/// (`CF_ENUM(int32_t, …)`, CGColorSpace.h).
pub type CGColorRenderingIntent = i32;
pub const kCGRenderingIntentDefault: CGColorRenderingIntent = 0;
pub const kCGRenderingIntentAbsoluteColorimetric: CGColorRenderingIntent = 1;
pub const kCGRenderingIntentRelativeColorimetric: CGColorRenderingIntent = 2;
pub const kCGRenderingIntentPerceptual: CGColorRenderingIntent = 3;
pub const kCGRenderingIntentSaturation: CGColorRenderingIntent = 4;

/// A colour space's family (`CF_ENUM(int32_t, …)`, CGColorSpace.h).
pub type CGColorSpaceModel = i32;
pub const kCGColorSpaceModelUnknown: CGColorSpaceModel = -1;
pub const kCGColorSpaceModelMonochrome: CGColorSpaceModel = 0;
pub const kCGColorSpaceModelRGB: CGColorSpaceModel = 1;
pub const kCGColorSpaceModelCMYK: CGColorSpaceModel = 2;
pub const kCGColorSpaceModelLab: CGColorSpaceModel = 3;
pub const kCGColorSpaceModelDeviceN: CGColorSpaceModel = 4;
pub const kCGColorSpaceModelIndexed: CGColorSpaceModel = 5;
pub const kCGColorSpaceModelPattern: CGColorSpaceModel = 6;
pub const kCGColorSpaceModelXYZ: CGColorSpaceModel = 7;

const _: () = {
    assert!(size_of::<CGPoint>() == 16);
    assert!(size_of::<CGSize>() == 16);
    assert!(size_of::<CGRect>() == 32);
    assert!(offset_of!(CGRect, size) == 16);
    assert!(size_of::<CGColorSpaceRef>() == size_of::<CFTypeRef>());
    // The byte-order values are shared between the two spellings.
    assert!(kCGBitmapByteOrderMask == kCGImageByteOrderMask);
    assert!(kCGBitmapByteOrder32Big == kCGImageByteOrder32Big);
};
