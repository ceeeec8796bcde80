//! CVImageBuffer.h (corevideo.md §4.2): the geometry getters and the two
//! colour-space functions. The maths is in `core::buffer::clean_aperture`
//! and `core::color::space`; this reads the attachments.
//!
//! Colour spaces: `CVImageBufferGetColorSpace` returns a +0 space, so one
//! it derives from the colour attachments must outlive the call. Each
//! buffer keeps every space it has handed out ([`DerivedColorSpaces`])
//! until it is destroyed, and hands out the kept one again while the
//! attachments describe the same colorimetry; when they change, a new space
//! is added and the old ones stay valid for callers that still hold them.
#![allow(non_snake_case)]

use std::sync::{Mutex, PoisonError};

use super::keys::kCVImageBufferCGColorSpaceKey;
use super::pixel_buffer::CvPixelBuffer;
use super::types::CVImageBufferRef;
use crate::capi::core_foundation::dictionary::{dictionary_get, is_cf_type_dictionary};
use crate::capi::core_foundation::property::decode;
use crate::capi::core_foundation::string::new_string;
use crate::capi::core_foundation::types::{Boolean, CFDictionaryRef, CfRef};
use crate::capi::core_graphics::color_space::{CgColorSpace, new_color_space};
use crate::capi::core_graphics::types::{CGColorSpaceRef, CGPoint, CGRect, CGSize};
use crate::capi::handle;
use crate::capi::runtime::object::Retained;
use crate::core::buffer::clean_aperture::{self, keys};
use crate::core::color::space::{self, ColorSpace};
use crate::core::property::Value;

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
        let aperture = buffer.attachments.decoded(keys::CLEAN_APERTURE);
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
            buffer.attachments.decoded(keys::CLEAN_APERTURE).as_ref(),
            buffer
                .attachments
                .decoded(keys::PIXEL_ASPECT_RATIO)
                .as_ref(),
            buffer
                .attachments
                .decoded(keys::DISPLAY_DIMENSIONS)
                .as_ref(),
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

/// The colour spaces `CVImageBufferGetColorSpace` derived for one buffer
/// (module notes). Bounded by the number of distinct colorimetries the
/// buffer's attachments have described.
#[derive(Default)]
pub struct DerivedColorSpaces(Mutex<Vec<Retained<CgColorSpace>>>);

impl DerivedColorSpaces {
    /// The kept space equal to `space`, or a new one kept from now on
    /// (+0, valid while the buffer lives). No user code runs under the lock.
    fn get(&self, space: ColorSpace) -> CGColorSpaceRef {
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let object = match kept.iter().find(|s| s.value.space == space) {
            Some(object) => object,
            None => {
                kept.push(Retained::new(CgColorSpace { space }));
                &kept[kept.len() - 1]
            }
        };
        CGColorSpaceRef::from_type(object.as_type_ref())
    }
}

/// The `kCVImageBufferCGColorSpaceKey` attachment when it is a
/// CGColorSpace (+0, held by the attachment).
fn attached_color_space(buffer: &CvPixelBuffer) -> Option<CGColorSpaceRef> {
    // SAFETY: the key is an immortal string.
    let (value, _) = unsafe {
        buffer
            .attachments
            .copy(kCVImageBufferCGColorSpaceKey.as_type())
    }?;
    // SAFETY: `value` is a live object we own a reference to.
    let is_space = unsafe { handle::object::<CgColorSpace>(value) }.is_some();
    // SAFETY: our +1 from `copy`; the attachment still holds the object.
    unsafe { handle::release(value) };
    is_space.then(|| CGColorSpaceRef::from_type(value))
}

/// The buffer's colour space (+0): its `kCVImageBufferCGColorSpaceKey`
/// attachment when that is a CGColorSpace; otherwise a space derived from
/// its `kCVImageBufferColorPrimariesKey` and
/// `kCVImageBufferTransferFunctionKey` attachments (with
/// `kCVImageBufferGammaLevelKey` for `UseGamma`) exactly as
/// `CVImageBufferCreateColorSpaceFromAttachments` would, which the buffer
/// keeps alive until it is destroyed, also after the attachments change.
/// NULL when neither gives a space, for NULL or a non-buffer.
///
/// The attached space is the attachment's own object: like
/// `CVBufferGetAttachment`, it may be released by a concurrent change of
/// that attachment on another thread (retain it, or use
/// `CVBufferCopyAttachment`, when that can happen).
///
/// # Safety
/// `imageBuffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVImageBufferGetColorSpace(
    imageBuffer: CVImageBufferRef,
) -> CGColorSpaceRef {
    ffi_guard!(CGColorSpaceRef::null(), {
        let buffer = &try_ref!(imageBuffer, CvPixelBuffer, CGColorSpaceRef::null()).value;
        if let Some(space) = attached_color_space(buffer) {
            return space;
        }
        let derived = ColorSpace::from_attachments(
            buffer
                .attachments
                .decoded(space::keys::COLOR_PRIMARIES)
                .as_ref(),
            buffer
                .attachments
                .decoded(space::keys::TRANSFER_FUNCTION)
                .as_ref(),
            buffer
                .attachments
                .decoded(space::keys::GAMMA_LEVEL)
                .as_ref(),
        );
        derived.map_or_else(CGColorSpaceRef::null, |s| buffer.color_spaces.get(s))
    })
}

/// The decoded value of `dict[key]`.
///
/// # Safety
/// `dict` must be a live CFType dictionary.
unsafe fn dictionary_value(dict: CFDictionaryRef, key: &str) -> Option<Value> {
    let key = new_string(key);
    // SAFETY: a CFType dictionary; `key` is a live string, released below.
    let value = unsafe { dictionary_get(dict, key.as_type()) };
    // SAFETY: our +1 reference.
    unsafe { handle::release(key.as_type()) };
    // SAFETY: a live object held by the dictionary.
    value.and_then(|v| unsafe { decode(v) })
}

/// A new (+1) RGB colour space described by an attachments dictionary
/// (`CVBufferCopyAttachments`' result, or one built by hand): the
/// `kCVImageBufferColorPrimariesKey` and `kCVImageBufferTransferFunctionKey`
/// values (with `kCVImageBufferGammaLevelKey` for
/// `kCVImageBufferTransferFunction_UseGamma`), compared by text, so
/// `CFSTR` literals work. The space carries the matching name when one
/// exists: 709 + 709 → `kCGColorSpaceITUR_709`; 709 + sRGB →
/// `kCGColorSpaceSRGB`; P3_D65 + sRGB → `kCGColorSpaceDisplayP3`; 2020 +
/// 709 or 2020 → `kCGColorSpaceITUR_2020`; 2020 + PQ / HLG →
/// `kCGColorSpaceITUR_2100_PQ` / `…_HLG`; P3_D65 + PQ / HLG →
/// `kCGColorSpaceDisplayP3_PQ` / `…_HLG`; `Linear` → the linear variant
/// (`kCGColorSpaceLinearSRGB`, `…LinearDisplayP3`, `…LinearITUR_2020`);
/// otherwise it is unnamed (`CGColorSpaceCopyName` gives NULL) but carries
/// those primaries and that curve. The Y'CbCr matrix is not needed (it does
/// not change an RGB space).
///
/// NULL when the primaries or the transfer function is missing or unknown,
/// when `UseGamma` comes without a positive gamma level, for NULL, a
/// non-dictionary, or a dictionary without CFType callbacks.
///
/// Deviation: an ICC profile (`kCVImageBufferICCProfileKey`) is not
/// parsed; a dictionary that describes its colour only by ICC profile
/// gives NULL.
///
/// # Safety
/// `attachments` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVImageBufferCreateColorSpaceFromAttachments(
    attachments: CFDictionaryRef,
) -> CGColorSpaceRef {
    ffi_guard!(CGColorSpaceRef::null(), {
        // SAFETY: per this function's contract.
        if !unsafe { is_cf_type_dictionary(attachments) } {
            return CGColorSpaceRef::null();
        }
        // SAFETY: a live CFType dictionary (checked above).
        let (primaries, transfer, gamma) = unsafe {
            (
                dictionary_value(attachments, space::keys::COLOR_PRIMARIES),
                dictionary_value(attachments, space::keys::TRANSFER_FUNCTION),
                dictionary_value(attachments, space::keys::GAMMA_LEVEL),
            )
        };
        ColorSpace::from_attachments(primaries.as_ref(), transfer.as_ref(), gamma.as_ref())
            .map_or_else(CGColorSpaceRef::null, new_color_space)
    })
}
