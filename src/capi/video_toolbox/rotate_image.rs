//! `VTPixelRotationSessionRotateImage`: rotates (and flips) one
//! CVPixelBuffer into another through `core::rotate`, converting when the
//! destination's format differs, then rewrites the destination's
//! attachments as a transfer does, with the geometry ones rotated.
//!
//! Steps: check the handles → take the session's property snapshot →
//! check the size rule → plan the conversion (same colour rules as
//! `VTPixelTransferSessionTransferImage` without destination colour
//! properties; for one format the plan only resolves the colour tags) →
//! borrow the planes (the transfer's helper: overlapping memory is read
//! first) → rotate → attachments (`transfer_image::write_attachments`
//! plus `core::rotate::attachments`).
#![allow(non_snake_case)]

use super::pixel_rotation_session::PixelRotationSession;
use super::transfer_image::{source_color, with_frames, write_attachments};
use super::types::{
    VTPixelRotationSessionRef, kVTInsufficientSourceColorDataErr, kVTParameterErr,
    kVTPixelRotationNotSupportedErr,
};
use crate::capi::core_foundation::property;
use crate::capi::core_foundation::types::{CFStringRef, CfRef, OSStatus};
use crate::capi::core_video::keys::*;
use crate::capi::core_video::pixel_buffer::CvPixelBuffer;
use crate::capi::core_video::types::CVPixelBufferRef;
use crate::capi::handle;
use crate::core::convert::{
    ConversionPlan, ConversionRequest, ConvertError, DestinationColor, DownsamplingMode,
};
use crate::core::pixel_format::PixelFormat;
use crate::core::property::Value;
use crate::core::rotate::{Mapping, Orientation, RotateError, attachments, rotate_and_convert};

const NO_ERR: OSStatus = 0;

/// Rotates `sourceBuffer` into `destinationBuffer` by the session's
/// rotation, then applies its flips (in destination coordinates).
///
/// For 90°/270° the destination must be the source's height wide and its
/// width high; for 0°/180° the same size. A destination of another pixel
/// format is converted after rotating, as a transfer session would
/// convert it.
///
/// Errors: NULL or non-buffer arguments, a non-session, or dimensions that
/// break the rule above → `kVTParameterErr`; invalidated session →
/// `kVTInvalidSessionErr`; a format pixelport cannot read or write
/// (indexed, Bayer, depth, compressed) or an unsupported pair →
/// `kVTPixelRotationNotSupportedErr`. On any error the destination's
/// pixels and attachments are untouched.
///
/// Attachments: every destination attachment is removed; unrecognised
/// source attachments are copied; the colour tags of the result are
/// written; clean aperture, pixel aspect ratio and display dimensions are
/// rotated onto the destination; field tags are kept for 0°/180° only.
///
/// Thread safety: concurrent rotations on one session are fine; the caller
/// must not write either buffer meanwhile.
///
/// # Safety
/// Each argument must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn VTPixelRotationSessionRotateImage(
    session: VTPixelRotationSessionRef,
    sourceBuffer: CVPixelBufferRef,
    destinationBuffer: CVPixelBufferRef,
) -> OSStatus {
    ffi_guard!(kVTParameterErr, {
        let session = try_ref!(session, PixelRotationSession, kVTParameterErr);
        let source = try_ref!(sourceBuffer, CvPixelBuffer, kVTParameterErr);
        let destination = try_ref!(destinationBuffer, CvPixelBuffer, kVTParameterErr);
        let properties = match session.value.snapshot() {
            Ok(p) => p,
            Err(status) => return status,
        };
        // SAFETY: both buffers are live objects (checked above).
        match unsafe { rotate(properties.orientation, &source.value, &destination.value) } {
            Ok(()) => NO_ERR,
            Err(status) => status,
        }
    })
}

fn status_of(error: RotateError) -> OSStatus {
    match error {
        RotateError::Dimensions { .. } => kVTParameterErr,
        RotateError::Convert(e) => convert_status(e),
    }
}

fn convert_status(error: ConvertError) -> OSStatus {
    match error {
        ConvertError::Unsupported(_) | ConvertError::UnsupportedPair { .. } => {
            kVTPixelRotationNotSupportedErr
        }
        ConvertError::InsufficientSourceColorData => kVTInsufficientSourceColorDataErr,
        _ => kVTParameterErr,
    }
}

/// # Safety
/// Both buffers must be live; their plane addresses valid for their layouts.
unsafe fn rotate(
    orientation: Orientation,
    source: &CvPixelBuffer,
    destination: &CvPixelBuffer,
) -> Result<(), OSStatus> {
    crate::core::rotate::check_dimensions(
        orientation,
        (source.width, source.height),
        (destination.width, destination.height),
    )
    .map_err(status_of)?;
    let format = |code| PixelFormat::find(code).ok_or(kVTPixelRotationNotSupportedErr);
    let (src_format, dst_format) = (
        format(source.pixel_format)?,
        format(destination.pixel_format)?,
    );
    let request = ConversionRequest {
        source: src_format,
        destination: dst_format,
        source_color: source_color(source),
        destination_color: DestinationColor::default(),
        downsampling: DownsamplingMode::default(),
    };
    let plan = ConversionPlan::new(&request).map_err(convert_status)?;
    // SAFETY: per this function's contract.
    unsafe {
        with_frames(source, src_format, destination, dst_format, |from, to| {
            rotate_and_convert(&plan, orientation, from, to)
        })
    }?
    .map_err(status_of)?;
    // SAFETY: both buffers are live.
    unsafe {
        write_attachments(&plan, source, destination);
        write_geometry(orientation.mapping(), source, destination);
    }
    Ok(())
}

/// The source's geometry attachments, rotated onto the destination in
/// their own modes.
///
/// # Safety
/// Both buffers must be live.
unsafe fn write_geometry(mapping: Mapping, source: &CvPixelBuffer, destination: &CvPixelBuffer) {
    type Rotate = fn(&Value, Mapping) -> Option<Value>;
    let rotated: [(CFStringRef, Rotate); 3] = [
        (kCVImageBufferCleanApertureKey, attachments::clean_aperture),
        (
            kCVImageBufferPixelAspectRatioKey,
            attachments::pixel_aspect_ratio,
        ),
        (
            kCVImageBufferDisplayDimensionsKey,
            attachments::display_dimensions,
        ),
    ];
    for (key, rotate) in rotated {
        // SAFETY: a live source buffer and key.
        let Some((value, mode)) = (unsafe { source.attachments.copy(key.as_type()) }) else {
            continue;
        };
        // SAFETY: our +1 value, decoded then released.
        let decoded = unsafe {
            let decoded = property::decode(value);
            handle::release(value);
            decoded
        };
        if let Some(result) = decoded.and_then(|v| rotate(&v, mapping)) {
            let encoded = property::encode(&result);
            // SAFETY: live key, our new +1 value released after the set.
            unsafe {
                destination.attachments.set(key.as_type(), encoded, mode);
                handle::release(encoded);
            }
        }
    }
    if attachments::keeps_fields(mapping) {
        for key in [kCVImageBufferFieldCountKey, kCVImageBufferFieldDetailKey] {
            // SAFETY: a live source buffer.
            if let Some((value, mode)) = unsafe { source.attachments.copy(key.as_type()) } {
                // SAFETY: live key, our +1 value released after the set.
                unsafe {
                    destination.attachments.set(key.as_type(), value, mode);
                    handle::release(value);
                }
            }
        }
    }
}
