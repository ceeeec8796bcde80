//! vImage's C types and constant values on LP64 (vimage-core.md §1–§4, §6),
//! as vImage_Types.h, vImage_Utilities.h and vImage_CVUtilities.h define them.
//!
//! Apple's `VIMAGE_CHOICE_ENUM(Name, T)` / `VIMAGE_OPTIONS_ENUM(Name, T)`
//! expand to `typedef T Name;` plus an anonymous enum, so the names here are
//! integer typedefs and the constants become `#define`s; `kvImageFoo |
//! kvImageBar` stays legal C++, which is why Apple avoided typed enums.
#![allow(non_camel_case_types, non_upper_case_globals, non_snake_case)]

use std::ffi::{c_ulong, c_void};
use std::mem::{align_of, offset_of, size_of};

use crate::capi::core_foundation::types::{CFTypeRef, CfRef, impl_cf_ref};
use crate::capi::core_graphics::types::{
    CGBitmapInfo, CGColorRenderingIntent, CGColorSpaceRef, CGFloat,
};

/// A count of pixels (width, height): `unsigned long`.
pub type vImagePixelCount = c_ulong;

/// `ssize_t`: 0 = success, negative = one of the `kvImage…` errors, positive
/// = a byte count (with `kvImageGetTempBufferSize`) or an alignment.
pub type vImage_Error = libc::ssize_t;

pub const kvImageNoError: vImage_Error = 0;
pub const kvImageRoiLargerThanInputBuffer: vImage_Error = -21766;
pub const kvImageInvalidKernelSize: vImage_Error = -21767;
pub const kvImageInvalidEdgeStyle: vImage_Error = -21768;
pub const kvImageInvalidOffset_X: vImage_Error = -21769;
pub const kvImageInvalidOffset_Y: vImage_Error = -21770;
pub const kvImageMemoryAllocationError: vImage_Error = -21771;
pub const kvImageNullPointerArgument: vImage_Error = -21772;
pub const kvImageInvalidParameter: vImage_Error = -21773;
pub const kvImageBufferSizeMismatch: vImage_Error = -21774;
pub const kvImageUnknownFlagsBit: vImage_Error = -21775;
pub const kvImageInternalError: vImage_Error = -21776;
pub const kvImageInvalidRowBytes: vImage_Error = -21777;
pub const kvImageInvalidImageFormat: vImage_Error = -21778;
pub const kvImageColorSyncIsAbsent: vImage_Error = -21779;
pub const kvImageOutOfPlaceOperationRequired: vImage_Error = -21780;
pub const kvImageInvalidImageObject: vImage_Error = -21781;
pub const kvImageInvalidCVImageFormat: vImage_Error = -21782;
pub const kvImageUnsupportedConversion: vImage_Error = -21783;
pub const kvImageCoreVideoIsAbsent: vImage_Error = -21784;

/// Extra errors of the functions taking a `vImageCVImageFormatRef`
/// (vImage_CVUtilities.h): which piece of format information is missing.
pub type vImageCVImageFormatError = libc::ssize_t;
pub const kvImageCVImageFormat_NoError: vImageCVImageFormatError = 0;
pub const kvImageCVImageFormat_ConversionMatrix: vImageCVImageFormatError = -21600;
pub const kvImageCVImageFormat_ChromaSiting: vImageCVImageFormatError = -21601;
pub const kvImageCVImageFormat_ColorSpace: vImageCVImageFormatError = -21602;
pub const kvImageCVImageFormat_VideoChannelDescription: vImageCVImageFormatError = -21603;
pub const kvImageCVImageFormat_AlphaIsOneHint: vImageCVImageFormatError = -21604;

/// Option bits of every vImage call (`uint32_t`); unused bits must be 0.
pub type vImage_Flags = u32;
pub const kvImageNoFlags: vImage_Flags = 0x0;
pub const kvImageLeaveAlphaUnchanged: vImage_Flags = 0x1;
pub const kvImageCopyInPlace: vImage_Flags = 0x2;
pub const kvImageBackgroundColorFill: vImage_Flags = 0x4;
pub const kvImageEdgeExtend: vImage_Flags = 0x8;
pub const kvImageDoNotTile: vImage_Flags = 0x10;
pub const kvImageHighQualityResampling: vImage_Flags = 0x20;
pub const kvImageTruncateKernel: vImage_Flags = 0x40;
pub const kvImageGetTempBufferSize: vImage_Flags = 0x80;
pub const kvImagePrintDiagnosticsToConsole: vImage_Flags = 0x100;
pub const kvImageNoAllocate: vImage_Flags = 0x200;
pub const kvImageHDRContent: vImage_Flags = 0x400;
pub const kvImageDoNotClamp: vImage_Flags = 0x800;
/// macOS 13 / iOS 16. Apple's documentation gives no number; 0x1000 is the
/// value third-party bindings of the newer SDK headers use.
pub const kvImageUseFP16Accumulator: vImage_Flags = 0x1000;

// Pixel types: one planar sample, or one interleaved pixel as an array
// (arrays decay to pointers when passed, as in C).
pub type Pixel_8 = u8;
pub type Pixel_F = f32;
pub type Pixel_88 = [u8; 2];
pub type Pixel_8888 = [u8; 4];
pub type Pixel_FFFF = [f32; 4];
pub type Pixel_16U = u16;
pub type Pixel_16S = i16;
/// Signed fixed point, 4096 == 1.0.
pub type Pixel_16Q12 = i16;
pub type Pixel_16U16U = [u16; 2];
pub type Pixel_32U = u32;
pub type Pixel_ARGB_16U = [u16; 4];
pub type Pixel_ARGB_16S = [i16; 4];
/// IEEE binary16, handled as its raw bits.
pub type Pixel_16F = u16;
pub type Pixel_16F16F = [u16; 2];
pub type Pixel_ARGB_16F = [u16; 4];

/// Opaque precomputed state for the geometry functions.
pub type ResamplingFilter = *mut c_void;
/// Opaque precomputed state for `vImageGamma`.
pub type GammaFunction = *mut c_void;

/// Opaque vImageConverter storage.
pub struct vImageConverter {
    _private: [u8; 0],
}
/// Opaque vImageCVImageFormat storage.
pub struct vImageCVImageFormat {
    _private: [u8; 0],
}
/// A prepared conversion between two image formats (a CF type).
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct vImageConverterRef(pub *mut vImageConverter);
/// A description of a Core Video image format (a CF type).
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct vImageCVImageFormatRef(pub *mut vImageCVImageFormat);
/// Read-only view of a `vImageCVImageFormatRef`.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct vImageConstCVImageFormatRef(pub *const vImageCVImageFormat);

impl_cf_ref!(
    vImageConverterRef => *mut vImageConverter,
    vImageCVImageFormatRef => *mut vImageCVImageFormat,
    vImageConstCVImageFormatRef => *const vImageCVImageFormat,
);

/// A view onto a rectangle of pixels; it carries no format, which comes from
/// the function called.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct vImage_Buffer {
    /// The top-left pixel.
    pub data: *mut c_void,
    /// Rows.
    pub height: vImagePixelCount,
    /// Visible pixels per row (excluding padding).
    pub width: vImagePixelCount,
    /// Byte distance from a pixel to the one below it.
    pub rowBytes: usize,
}

/// A CoreGraphics-style description of an image format. NULL `colorSpace`
/// means sRGB; the struct owns neither `colorSpace` nor `decode`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct vImage_CGImageFormat {
    pub bitsPerComponent: u32,
    pub bitsPerPixel: u32,
    pub colorSpace: CGColorSpaceRef,
    pub bitmapInfo: CGBitmapInfo,
    /// Must be 0.
    pub version: u32,
    /// Optional per-channel decode ranges; NULL = [0, 1].
    pub decode: *const CGFloat,
    pub renderingIntent: CGColorRenderingIntent,
}

// Layouts Apple code relies on (vimage-core.md §2, §6).
const _: () = {
    assert!(size_of::<vImage_Buffer>() == 32);
    assert!(align_of::<vImage_Buffer>() == 8);
    assert!(offset_of!(vImage_Buffer, height) == 8);
    assert!(offset_of!(vImage_Buffer, width) == 16);
    assert!(offset_of!(vImage_Buffer, rowBytes) == 24);
    assert!(size_of::<vImage_CGImageFormat>() == 40);
    assert!(align_of::<vImage_CGImageFormat>() == 8);
    assert!(offset_of!(vImage_CGImageFormat, colorSpace) == 8);
    assert!(offset_of!(vImage_CGImageFormat, bitmapInfo) == 16);
    assert!(offset_of!(vImage_CGImageFormat, version) == 20);
    assert!(offset_of!(vImage_CGImageFormat, decode) == 24);
    assert!(offset_of!(vImage_CGImageFormat, renderingIntent) == 32);
    assert!(size_of::<vImage_Error>() == 8);
    assert!(size_of::<vImageConverterRef>() == size_of::<CFTypeRef>());
};

/// RGB → Y'CbCr coefficients (Conversion.h): `Y' = R_Yp·R + G_Yp·G +
/// B_Yp·B`, `Cb = R_Cb·R + G_Cb·G + B_Cb_R_Cr·B`, `Cr = B_Cb_R_Cr·R +
/// G_Cr·G + B_Cr·B` on normalised values.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct vImage_ARGBToYpCbCrMatrix {
    pub R_Yp: f32,
    pub G_Yp: f32,
    pub B_Yp: f32,
    pub R_Cb: f32,
    pub G_Cb: f32,
    pub B_Cb_R_Cr: f32,
    pub G_Cr: f32,
    pub B_Cr: f32,
}

/// Range and clamp limits of one channel of a CV format.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct vImageChannelDescription {
    /// Smallest allowed encoding.
    pub min: CGFloat,
    /// Encoding of 0.0 (chroma: of the centre).
    pub zero: CGFloat,
    /// Encoding of 1.0 (chroma: of +0.5).
    pub full: CGFloat,
    /// Largest allowed encoding.
    pub max: CGFloat,
}

/// Which kind of matrix a `vImageCVImageFormat` holds (`uint32_t`).
pub type vImageMatrixType = u32;
pub const kvImageMatrixType_None: vImageMatrixType = 0;
pub const kvImageMatrixType_ARGBToYpCbCrMatrix: vImageMatrixType = 1;

/// What one buffer of a `vImageConvert_AnyToAny` call holds (`uint32_t`).
pub type vImageBufferTypeCode = u32;
pub const kvImageBufferTypeCode_EndOfList: vImageBufferTypeCode = 0;
pub const kvImageBufferTypeCode_ColorSpaceChannel1: vImageBufferTypeCode = 1;
pub const kvImageBufferTypeCode_ColorSpaceChannel2: vImageBufferTypeCode = 2;
pub const kvImageBufferTypeCode_ColorSpaceChannel3: vImageBufferTypeCode = 3;
pub const kvImageBufferTypeCode_ColorSpaceChannel4: vImageBufferTypeCode = 4;
pub const kvImageBufferTypeCode_ColorSpaceChannel5: vImageBufferTypeCode = 5;
pub const kvImageBufferTypeCode_ColorSpaceChannel6: vImageBufferTypeCode = 6;
pub const kvImageBufferTypeCode_ColorSpaceChannel7: vImageBufferTypeCode = 7;
pub const kvImageBufferTypeCode_ColorSpaceChannel8: vImageBufferTypeCode = 8;
pub const kvImageBufferTypeCode_ColorSpaceChannel9: vImageBufferTypeCode = 9;
pub const kvImageBufferTypeCode_ColorSpaceChannel10: vImageBufferTypeCode = 10;
pub const kvImageBufferTypeCode_ColorSpaceChannel11: vImageBufferTypeCode = 11;
pub const kvImageBufferTypeCode_ColorSpaceChannel12: vImageBufferTypeCode = 12;
pub const kvImageBufferTypeCode_ColorSpaceChannel13: vImageBufferTypeCode = 13;
pub const kvImageBufferTypeCode_ColorSpaceChannel14: vImageBufferTypeCode = 14;
pub const kvImageBufferTypeCode_ColorSpaceChannel15: vImageBufferTypeCode = 15;
pub const kvImageBufferTypeCode_ColorSpaceChannel16: vImageBufferTypeCode = 16;
pub const kvImageBufferTypeCode_Alpha: vImageBufferTypeCode = 17;
pub const kvImageBufferTypeCode_Indexed: vImageBufferTypeCode = 18;
pub const kvImageBufferTypeCode_CVPixelBuffer_YCbCr: vImageBufferTypeCode = 19;
pub const kvImageBufferTypeCode_Luminance: vImageBufferTypeCode = 20;
pub const kvImageBufferTypeCode_Chroma: vImageBufferTypeCode = 21;
pub const kvImageBufferTypeCode_Cb: vImageBufferTypeCode = 22;
pub const kvImageBufferTypeCode_Cr: vImageBufferTypeCode = 23;
pub const kvImageBufferTypeCode_CGFormat: vImageBufferTypeCode = 24;
pub const kvImageBufferTypeCode_Chunky: vImageBufferTypeCode = 25;
pub const kvImageBufferTypeCode_UniqueFormatCount: vImageBufferTypeCode = 26;
pub const kvImageBufferTypeCode_Monochrome: vImageBufferTypeCode = 1;
pub const kvImageBufferTypeCode_RGB_Red: vImageBufferTypeCode = 1;
pub const kvImageBufferTypeCode_RGB_Green: vImageBufferTypeCode = 2;
pub const kvImageBufferTypeCode_RGB_Blue: vImageBufferTypeCode = 3;
pub const kvImageBufferTypeCode_CMYK_Cyan: vImageBufferTypeCode = 1;
pub const kvImageBufferTypeCode_CMYK_Magenta: vImageBufferTypeCode = 2;
pub const kvImageBufferTypeCode_CMYK_Yellow: vImageBufferTypeCode = 3;
pub const kvImageBufferTypeCode_CMYK_Black: vImageBufferTypeCode = 4;
pub const kvImageBufferTypeCode_XYZ_X: vImageBufferTypeCode = 1;
pub const kvImageBufferTypeCode_XYZ_Y: vImageBufferTypeCode = 2;
pub const kvImageBufferTypeCode_XYZ_Z: vImageBufferTypeCode = 3;
pub const kvImageBufferTypeCode_LAB_L: vImageBufferTypeCode = 1;
pub const kvImageBufferTypeCode_LAB_A: vImageBufferTypeCode = 2;
pub const kvImageBufferTypeCode_LAB_B: vImageBufferTypeCode = 3;

/// Called when a `vImageCVImageFormat`'s user data is replaced or the
/// format dies.
pub type vImageCVImageFormat_UserDataReleaseCallback = Option<
    unsafe extern "C" fn(callback_fmt: vImageCVImageFormatRef, callback_userData: *mut c_void),
>;

const _: () = {
    assert!(size_of::<vImage_ARGBToYpCbCrMatrix>() == 32);
    assert!(size_of::<vImageChannelDescription>() == 32);
};

/// A transfer function in vImage's parametric form: `c0·(c1·x + c2)^gamma
/// + c3` for `x ≥ cutoff`, else `c4·x + c5` (linear → non-linear).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct vImageTransferFunction {
    pub c0: CGFloat,
    pub c1: CGFloat,
    pub c2: CGFloat,
    pub c3: CGFloat,
    pub gamma: CGFloat,
    pub cutoff: CGFloat,
    pub c4: CGFloat,
    pub c5: CGFloat,
}

/// CIE xy chromaticities of three primaries and the white point.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct vImageRGBPrimaries {
    pub red_x: f32,
    pub green_x: f32,
    pub blue_x: f32,
    pub white_x: f32,
    pub red_y: f32,
    pub green_y: f32,
    pub blue_y: f32,
    pub white_y: f32,
}

/// CIE xy chromaticity of a white point.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct vImageWhitePoint {
    pub white_x: f32,
    pub white_y: f32,
}

const _: () = {
    assert!(size_of::<vImageTransferFunction>() == 64);
    assert!(size_of::<vImageRGBPrimaries>() == 32);
    assert!(size_of::<vImageWhitePoint>() == 8);
};
