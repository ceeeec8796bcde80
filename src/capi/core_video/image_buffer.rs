//! The geometry getters of CVImageBuffer.h (corevideo.md §4.2). The maths
//! is in `core::buffer::clean_aperture`; this reads the attachments.
//! `CVImageBufferGetColorSpace` and `…CreateColorSpaceFromAttachments` need
//! CGColorSpace and come with it.
#![allow(non_snake_case)]

use super::pixel_buffer::CvPixelBuffer;
use super::types::CVImageBufferRef;
use crate::capi::core_foundation::property::decode;
use crate::capi::core_foundation::string::new_string;
use crate::capi::core_foundation::types::{Boolean, CfRef};
use crate::capi::core_graphics::types::{CGPoint, CGRect, CGSize};
use crate::capi::handle;
use crate::core::buffer::clean_aperture::{self, keys};
use crate::core::property::Value;

/// The decoded value of attachment `key`, whatever its mode. The value is
/// copied (+1) and released after decoding, so a concurrent change cannot
/// free it under us.
fn attachment(buffer: &CvPixelBuffer, key: &str) -> Option<Value> {
    let key = new_string(key);
    // SAFETY: a live key string, released below.
    let copied = unsafe { buffer.attachments.copy(key.as_type()) };
    // SAFETY: our +1 reference.
    unsafe { handle::release(key.as_type()) };
    let (value, _) = copied?;
    // SAFETY: a live object we own a reference to, released after decoding.
    unsafe {
        let decoded = decode(value);
        handle::release(value);
        decoded
    }
}

/// The full encoded size in pixels (width, height); (0, 0) for NULL or a
/// non-buffer.
///
/// # Safety
/// `imageBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVImageBufferGetEncodedSize(imageBuffer: CVImageBufferRef) -> CGSize {
    ffi_guard!(CGSize::default(), {
        let buffer = &try_ref!(imageBuffer, CvPixelBuffer, CGSize::default()).value;
        CGSize {
            width: buffer.width as f64,
            height: buffer.height as f64,
        }
    })
}

/// The clean aperture in encoded pixels, with a **lower-left** origin:
/// from the `kCVImageBufferCleanApertureKey` attachment, whose offsets
/// place the aperture's centre relative to the buffer's centre (NTSC DV,
/// 720×480 with a 704×480 aperture → origin (8, 0), size 704×480). Missing
/// offsets count as 0; the rectangle is clipped to the buffer. Without the
/// attachment, or when it is not a dictionary of finite numbers with a
/// positive width and height (or lies outside the buffer), the full frame.
/// A zero rectangle for NULL or a non-buffer.
///
/// # Safety
/// `imageBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVImageBufferGetCleanRect(imageBuffer: CVImageBufferRef) -> CGRect {
    ffi_guard!(CGRect::default(), {
        let buffer = &try_ref!(imageBuffer, CvPixelBuffer, CGRect::default()).value;
        let aperture = attachment(buffer, keys::CLEAN_APERTURE);
        let r = clean_aperture::clean_rect(buffer.width, buffer.height, aperture.as_ref());
        CGRect {
            origin: CGPoint { x: r.x, y: r.y },
            size: CGSize {
                width: r.width,
                height: r.height,
            },
        }
    })
}

/// The nominal display size in square pixels: the
/// `kCVImageBufferDisplayDimensionsKey` attachment when it holds a positive
/// width and height; otherwise the clean rectangle's size with its width
/// scaled by the `kCVImageBufferPixelAspectRatioKey` attachment
/// (horizontal ÷ vertical spacing, ignored unless both are positive). NTSC
/// DV (704×480 aperture, 10:11) → 640×480. (0, 0) for NULL or a non-buffer.
///
/// # Safety
/// `imageBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVImageBufferGetDisplaySize(imageBuffer: CVImageBufferRef) -> CGSize {
    ffi_guard!(CGSize::default(), {
        let buffer = &try_ref!(imageBuffer, CvPixelBuffer, CGSize::default()).value;
        let size = clean_aperture::display_size(
            buffer.width,
            buffer.height,
            attachment(buffer, keys::CLEAN_APERTURE).as_ref(),
            attachment(buffer, keys::PIXEL_ASPECT_RATIO).as_ref(),
            attachment(buffer, keys::DISPLAY_DIMENSIONS).as_ref(),
        );
        CGSize {
            width: size.width,
            height: size.height,
        }
    })
}

/// True: Apple defines "flipped" as (0, 0) being the **upper-left** corner
/// (CVImageBuffer.h, and its OpenGL texture counterparts), and a pixel
/// buffer's first row in memory is the top row of the image, so (0, 0) is
/// the upper-left sample. Camera buffers on iOS are reported to answer true
/// as well. False for NULL or a non-buffer.
///
/// # Safety
/// `imageBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVImageBufferIsFlipped(imageBuffer: CVImageBufferRef) -> Boolean {
    ffi_guard!({
        try_ref!(imageBuffer, CvPixelBuffer);
        1
    })
}
