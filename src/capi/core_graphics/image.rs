//! A minimal CGImage: an immutable bitmap with its layout and colour space,
//! made by `vImageCreateCGImageFromBuffer` and read by
//! `vImageBuffer_InitWithCGImage` and the `CGImageGet…` queries.
//!
//! Not provided: `CGImageCreate` and the data-provider, decoding and
//! drawing APIs (pixelport has no CGDataProvider or CGContext).
//! Images are immutable and may be shared between threads.
#![allow(non_snake_case)]

use std::ffi::c_void;

use super::color_space::CgColorSpace;
use super::types::{
    CGBitmapInfo, CGColorRenderingIntent, CGColorSpaceRef, CGImageAlphaInfo, CGImageRef,
};
use crate::capi::core_foundation::types::{CFHashCode, CFTypeID, CfRef};
use crate::capi::handle;
use crate::capi::runtime::class::TypeKind;
use crate::capi::runtime::object::{CfClass, CfObject, Retained};

/// Releases adopted pixel memory: `callback(userData, data)`.
pub type ReleaseCallback = Option<unsafe extern "C" fn(userData: *mut c_void, data: *mut c_void)>;

/// Where an image's pixels live.
pub enum Pixels {
    /// A packed copy.
    Owned(Vec<u8>),
    /// The caller's memory, handed back through `callback` when the image
    /// dies.
    Adopted {
        data: *mut c_void,
        callback: ReleaseCallback,
        user_data: *mut c_void,
    },
}

/// The payload of a CGImage.
pub struct CgImage {
    pub width: usize,
    pub height: usize,
    pub bits_per_component: u32,
    pub bits_per_pixel: u32,
    pub bytes_per_row: usize,
    pub bitmap_info: CGBitmapInfo,
    pub rendering_intent: CGColorRenderingIntent,
    pub color_space: Retained<CgColorSpace>,
    pub pixels: Pixels,
}

// SAFETY: the pixels are immutable after creation; the adopted pointers
// are only handed back to the creator's callback.
unsafe impl Send for CgImage {}
// SAFETY: as above.
unsafe impl Sync for CgImage {}

impl CgImage {
    /// The first byte of the first row.
    pub fn data(&self) -> *const u8 {
        match &self.pixels {
            Pixels::Owned(v) => v.as_ptr(),
            Pixels::Adopted { data, .. } => data.cast_const().cast(),
        }
    }

    /// Bytes from the first pixel to the end of the last row's pixels.
    pub fn extent(&self) -> usize {
        if self.height == 0 || self.width == 0 {
            return 0;
        }
        let row = (self.width * self.bits_per_pixel as usize).div_ceil(8);
        (self.height - 1) * self.bytes_per_row + row
    }
}

impl Drop for CgImage {
    fn drop(&mut self) {
        if let Pixels::Adopted {
            data,
            callback: Some(callback),
            user_data,
        } = self.pixels
        {
            // SAFETY: the creator's callback with the pointers it gave.
            unsafe { callback(user_data, data) };
        }
    }
}

impl CfClass for CgImage {
    const KIND: TypeKind = TypeKind::Image;

    fn cf_equal(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }

    fn cf_hash(&self) -> CFHashCode {
        (self.width ^ (self.height << 16)) as CFHashCode
    }

    fn describe(&self) -> String {
        let offset = std::mem::offset_of!(CfObject<CgImage>, value);
        let address = (self as *const Self as usize).wrapping_sub(offset);
        format!(
            "<CGImage {address:#x}> (width {}, height {}, bpc {}, bpp {}, row bytes {}, bitmap info {:#x})",
            self.width,
            self.height,
            self.bits_per_component,
            self.bits_per_pixel,
            self.bytes_per_row,
            self.bitmap_info
        )
    }
}

/// The image behind a handle.
///
/// # Safety
/// NULL or a live object.
pub(crate) unsafe fn image_ref<'a>(image: CGImageRef) -> Option<&'a CfObject<CgImage>> {
    // SAFETY: per the contract.
    unsafe { handle::object::<CgImage>(image.as_type()) }
}

/// The type ID of every `CGImageRef`.
#[unsafe(no_mangle)]
pub extern "C" fn CGImageGetTypeID() -> CFTypeID {
    TypeKind::Image.type_id()
}

/// +1 on `image`; returns it. NULL is a no-op returning NULL.
///
/// # Safety
/// NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGImageRetain(image: CGImageRef) -> CGImageRef {
    ffi_guard!(CGImageRef::null(), {
        // SAFETY: per the contract.
        unsafe { handle::retain(image.as_type()) };
        image
    })
}

/// −1 on `image`, destroying it at zero (adopted pixel memory goes back
/// through its release callback). NULL is a no-op.
///
/// # Safety
/// NULL or a live object the caller owns a reference to.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGImageRelease(image: CGImageRef) {
    // SAFETY: per the contract.
    ffi_guard!({ unsafe { handle::release(image.as_type()) } })
}

/// Pixels per row; 0 for NULL or a non-image.
///
/// # Safety
/// `image` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGImageGetWidth(image: CGImageRef) -> usize {
    ffi_guard!(0, {
        // SAFETY: per the contract.
        unsafe { image_ref(image) }.map_or(0, |o| {
            let i = &o.value;
            i.width
        })
    })
}

/// Rows; 0 for NULL or a non-image.
///
/// # Safety
/// `image` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGImageGetHeight(image: CGImageRef) -> usize {
    ffi_guard!(0, {
        // SAFETY: per the contract.
        unsafe { image_ref(image) }.map_or(0, |o| {
            let i = &o.value;
            i.height
        })
    })
}

/// Bits per colour component; 0 for NULL or a non-image.
///
/// # Safety
/// `image` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGImageGetBitsPerComponent(image: CGImageRef) -> usize {
    ffi_guard!(0, {
        // SAFETY: per the contract.
        unsafe { image_ref(image) }.map_or(0, |o| {
            let i = &o.value;
            i.bits_per_component as usize
        })
    })
}

/// Bits per pixel; 0 for NULL or a non-image.
///
/// # Safety
/// `image` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGImageGetBitsPerPixel(image: CGImageRef) -> usize {
    ffi_guard!(0, {
        // SAFETY: per the contract.
        unsafe { image_ref(image) }.map_or(0, |o| {
            let i = &o.value;
            i.bits_per_pixel as usize
        })
    })
}

/// Bytes from one row to the next; 0 for NULL or a non-image.
///
/// # Safety
/// `image` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGImageGetBytesPerRow(image: CGImageRef) -> usize {
    ffi_guard!(0, {
        // SAFETY: per the contract.
        unsafe { image_ref(image) }.map_or(0, |o| {
            let i = &o.value;
            i.bytes_per_row
        })
    })
}

/// The bitmap info the image was made with; 0 for NULL or a non-image.
///
/// # Safety
/// `image` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGImageGetBitmapInfo(image: CGImageRef) -> CGBitmapInfo {
    ffi_guard!(0, {
        // SAFETY: per the contract.
        unsafe { image_ref(image) }.map_or(0, |o| {
            let i = &o.value;
            i.bitmap_info
        })
    })
}

/// The alpha field of the bitmap info (`kCGImageAlpha…`); 0
/// (`kCGImageAlphaNone`) for NULL or a non-image.
///
/// # Safety
/// `image` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGImageGetAlphaInfo(image: CGImageRef) -> CGImageAlphaInfo {
    ffi_guard!(0, {
        // SAFETY: per the contract.
        unsafe { image_ref(image) }.map_or(0, |o| {
            let i = &o.value;
            i.bitmap_info & 0x1F
        })
    })
}

/// The rendering intent the image was made with;
/// `kCGRenderingIntentDefault` for NULL or a non-image.
///
/// # Safety
/// `image` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGImageGetRenderingIntent(image: CGImageRef) -> CGColorRenderingIntent {
    ffi_guard!(0, {
        // SAFETY: per the contract.
        unsafe { image_ref(image) }.map_or(0, |o| {
            let i = &o.value;
            i.rendering_intent
        })
    })
}

/// The image's colour space (+0, valid while the image lives); NULL for
/// NULL or a non-image.
///
/// # Safety
/// `image` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CGImageGetColorSpace(image: CGImageRef) -> CGColorSpaceRef {
    ffi_guard!(CGColorSpaceRef::null(), {
        // SAFETY: per the contract.
        unsafe { image_ref(image) }.map_or(CGColorSpaceRef::null(), |o| {
            let i = &o.value;
            CGColorSpaceRef::from_type(i.color_space.as_type_ref())
        })
    })
}
