//! CoreVideo's C types and constant values (corevideo.md §1–§3), exactly as
//! Apple's CVBase.h, CVReturn.h, CVBuffer.h, CVPixelBuffer.h,
//! CVPixelBufferPool.h and CVPixelFormatDescription.h define them on LP64.
//!
//! Apple declares the constants as enum members; they become `#define`s in
//! the generated header, which C and C++ code uses the same way (`switch`
//! labels, `|` of flags, comparisons). The enum-typed names (`CVReturn`,
//! `CVAttachmentMode`, the flag types) are the plain integer typedefs Apple's
//! `CF_ENUM`/`CF_OPTIONS` produce in C.
#![allow(non_camel_case_types, non_upper_case_globals, non_snake_case)]

use std::ffi::{c_int, c_void};
use std::mem::{offset_of, size_of};

use crate::capi::core_foundation::types::{Boolean, CFIndex, CFTypeRef, CfRef, impl_cf_ref};

/// Option bits passed to CoreVideo calls (CVBase.h): 64-bit.
pub type CVOptionFlags = u64;
/// CoreVideo's status code: `kCVReturnSuccess` or one of the negative
/// `kCVReturn…` errors.
pub type CVReturn = i32;

pub const kCVReturnSuccess: CVReturn = 0;
/// Start of CoreVideo's error range; same value as `kCVReturnError`.
pub const kCVReturnFirst: CVReturn = -6660;
pub const kCVReturnError: CVReturn = -6660;
pub const kCVReturnInvalidArgument: CVReturn = -6661;
pub const kCVReturnAllocationFailed: CVReturn = -6662;
pub const kCVReturnUnsupported: CVReturn = -6663;
pub const kCVReturnInvalidDisplay: CVReturn = -6670;
pub const kCVReturnDisplayLinkAlreadyRunning: CVReturn = -6671;
pub const kCVReturnDisplayLinkNotRunning: CVReturn = -6672;
pub const kCVReturnDisplayLinkCallbacksNotSet: CVReturn = -6673;
pub const kCVReturnInvalidPixelFormat: CVReturn = -6680;
pub const kCVReturnInvalidSize: CVReturn = -6681;
pub const kCVReturnInvalidPixelBufferAttributes: CVReturn = -6682;
pub const kCVReturnPixelBufferNotOpenGLCompatible: CVReturn = -6683;
pub const kCVReturnPixelBufferNotMetalCompatible: CVReturn = -6684;
pub const kCVReturnWouldExceedAllocationThreshold: CVReturn = -6689;
pub const kCVReturnPoolAllocationFailed: CVReturn = -6690;
pub const kCVReturnInvalidPoolAttributes: CVReturn = -6691;
pub const kCVReturnRetry: CVReturn = -6692;
/// End of CoreVideo's error range.
pub const kCVReturnLast: CVReturn = -6699;

/// Whether an attachment is copied along when a buffer is derived from
/// another (`CF_ENUM(uint32_t, …)` in CVBuffer.h).
pub type CVAttachmentMode = u32;
pub const kCVAttachmentMode_ShouldNotPropagate: CVAttachmentMode = 0;
pub const kCVAttachmentMode_ShouldPropagate: CVAttachmentMode = 1;

/// Lock/unlock flags of `CVPixelBufferLockBaseAddress` (`CF_OPTIONS` over
/// `CVOptionFlags`).
pub type CVPixelBufferLockFlags = CVOptionFlags;
/// Lock for reading only; the unlock must pass the same flag.
pub const kCVPixelBufferLock_ReadOnly: CVPixelBufferLockFlags = 0x0000_0001;

/// Flags of `CVPixelBufferPoolFlush` (`CF_OPTIONS` over `CVOptionFlags`).
pub type CVPixelBufferPoolFlushFlags = CVOptionFlags;
/// Free every unused buffer, whatever its age.
pub const kCVPixelBufferPoolFlushExcessBuffers: CVPixelBufferPoolFlushFlags = 0x0000_0001;

// Values of the `kCVPixelBufferVersatileBayerKey_BayerPattern` attachment:
// members of an anonymous enum in CVPixelBuffer.h, hence `int`. Each names
// the colours of the top-left 2×2 sensels.
pub const kCVVersatileBayer_BayerPattern_RGGB: c_int = 0;
pub const kCVVersatileBayer_BayerPattern_GRBG: c_int = 1;
pub const kCVVersatileBayer_BayerPattern_GBRG: c_int = 2;
pub const kCVVersatileBayer_BayerPattern_BGGR: c_int = 3;

/// Opaque storage behind every CVBuffer (CVImageBuffer, CVPixelBuffer).
pub struct __CVBuffer {
    _private: [u8; 0],
}
/// Opaque CVPixelBufferPool storage.
pub struct __CVPixelBufferPool {
    _private: [u8; 0],
}

/// Any CoreVideo buffer (a CF type).
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CVBufferRef(pub *mut __CVBuffer);
/// A buffer holding an image; the same C type as `CVBufferRef`, as in Apple's
/// CVImageBuffer.h.
pub type CVImageBufferRef = CVBufferRef;
/// A buffer holding pixels in main memory; the same C type as
/// `CVImageBufferRef`, as in Apple's CVPixelBuffer.h.
pub type CVPixelBufferRef = CVImageBufferRef;
/// A recycling pool of pixel buffers (a CF type).
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CVPixelBufferPoolRef(pub *mut __CVPixelBufferPool);

impl_cf_ref!(
    CVBufferRef => *mut __CVBuffer,
    CVPixelBufferPoolRef => *mut __CVPixelBufferPool,
);

/// Where one plane lives, as written at the base address of a planar buffer
/// created without a caller-supplied layout. Both fields are stored
/// big-endian there.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CVPlanarComponentInfo {
    /// Byte offset from the buffer's base address to the plane.
    pub offset: i32,
    pub rowBytes: u32,
}

/// Descriptor of a planar buffer with any number of planes (the array is
/// declared with one element and extends past the struct, as in C).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CVPlanarPixelBufferInfo {
    pub componentInfo: [CVPlanarComponentInfo; 1],
}

/// Descriptor of a three-plane Y'/Cb/Cr buffer (for example `y420`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CVPlanarPixelBufferInfo_YCbCrPlanar {
    pub componentInfoY: CVPlanarComponentInfo,
    pub componentInfoCb: CVPlanarComponentInfo,
    pub componentInfoCr: CVPlanarComponentInfo,
}

/// Descriptor of a two-plane Y'/CbCr buffer (for example `420v`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CVPlanarPixelBufferInfo_YCbCrBiPlanar {
    pub componentInfoY: CVPlanarComponentInfo,
    pub componentInfoCbCr: CVPlanarComponentInfo,
}

/// `void (*)(void *releaseRefCon, const void *baseAddress)`: called once when
/// a buffer made by `CVPixelBufferCreateWithBytes` no longer needs the
/// caller's memory.
pub type CVPixelBufferReleaseBytesCallback =
    Option<unsafe extern "C" fn(releaseRefCon: *mut c_void, baseAddress: *const c_void)>;

/// `void (*)(void *releaseRefCon, const void *dataPtr, size_t dataSize,
/// size_t numberOfPlanes, const void *planeAddresses[])`: the planar
/// counterpart, for `CVPixelBufferCreateWithPlanarBytes`.
pub type CVPixelBufferReleasePlanarBytesCallback = Option<
    unsafe extern "C" fn(
        releaseRefCon: *mut c_void,
        dataPtr: *const c_void,
        dataSize: usize,
        numberOfPlanes: usize,
        planeAddresses: *mut *const c_void,
    ),
>;

/// `Boolean (*)(CVPixelBufferRef pixelBuffer, void *refCon)`: a pixel
/// format's own routine for filling the padding around the image.
pub type CVFillExtendedPixelsCallBack =
    Option<unsafe extern "C" fn(pixelBuffer: CVPixelBufferRef, refCon: *mut c_void) -> Boolean>;

/// The bytes of a `kCVPixelFormatFillExtendedPixelsCallback` CFData value.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct CVFillExtendedPixelsCallBackData {
    pub version: CFIndex,
    pub fillCallBack: CVFillExtendedPixelsCallBack,
    pub refCon: *mut c_void,
}

// Layouts Apple code relies on (corevideo.md §3).
const _: () = {
    assert!(size_of::<CVPlanarComponentInfo>() == 8);
    assert!(offset_of!(CVPlanarComponentInfo, rowBytes) == 4);
    assert!(size_of::<CVPlanarPixelBufferInfo>() == 8);
    assert!(size_of::<CVPlanarPixelBufferInfo_YCbCrPlanar>() == 24);
    assert!(offset_of!(CVPlanarPixelBufferInfo_YCbCrPlanar, componentInfoCr) == 16);
    assert!(size_of::<CVPlanarPixelBufferInfo_YCbCrBiPlanar>() == 16);
    assert!(offset_of!(CVPlanarPixelBufferInfo_YCbCrBiPlanar, componentInfoCbCr) == 8);
    assert!(size_of::<CVFillExtendedPixelsCallBackData>() == 24);
    assert!(size_of::<CVBufferRef>() == size_of::<*mut c_void>());
};
