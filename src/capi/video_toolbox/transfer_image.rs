//! `VTPixelTransferSessionTransferImage`: moves the pixels of one
//! CVPixelBuffer into another through `core::convert`, then rewrites the
//! destination's attachments (behavior-notes.md §B).
//!
//! Steps: check the handles → take the session's property snapshot →
//! read the source's colour tags → plan the conversion → resolve the
//! scaling geometry (`core::transfer::geometry`; all decisions and errors
//! happen before a byte is written) → borrow the planes → convert and
//! scale in one pass → attachments.
//!
//! Decisions (README behaviour table):
//! - Source and destination memory may be the same buffer or overlap
//!   (caller memory wrapped twice): the source planes are then copied first,
//!   so the result is as if the source had been read before any write.
//! - A destination whose planes overlap each other (caller memory wrapped
//!   by `CVPixelBufferCreateWithPlanarBytes` with shared plane bytes) is
//!   refused with `kVTParameterErr` before any write; as a source it is
//!   fine.
//! - Locks are not required and not checked (CoreVideo locks are not
//!   exclusive; a transfer into a buffer another thread has locked
//!   read-only is the caller's race, as it would be for a memcpy).
//! - Attachments: every destination attachment is removed; source
//!   attachments pixelport does not recompute are copied in their own mode;
//!   the result's colour tags (matrix for Y'CbCr and gray destinations,
//!   primaries, transfer function and gamma level as the plan resolved
//!   them, chroma location for subsampled destinations), clean aperture,
//!   pixel aspect ratio and field tags are written (ShouldPropagate).
//!   Clean aperture and pixel aspect ratio come from the scaling mode
//!   (`core::transfer::geometry`); display dimensions are kept in `Normal`
//!   mode only (the stretched picture displays the same) and dropped
//!   otherwise.
//! - Filter: Lanczos-3 (`core::resample`); with `RealTime` set to true, the
//!   cheaper triangle filter.
#![allow(non_snake_case)]

use super::pixel_transfer_session::PixelTransferSession;
use super::types::{
    VTPixelTransferSessionRef, kVTInsufficientSourceColorDataErr, kVTParameterErr,
    kVTPixelTransferNotSupportedErr,
};
use crate::capi::core_foundation::number::new_number;
use crate::capi::core_foundation::property;
use crate::capi::core_foundation::string::new_string;
use crate::capi::core_foundation::types::{CFStringRef, CfRef, OSStatus};
use crate::capi::core_video::keys::*;
use crate::capi::core_video::pixel_buffer::CvPixelBuffer;
use crate::capi::core_video::types::CVPixelBufferRef;
use crate::capi::handle;
use crate::core::buffer::AttachmentMode;
use crate::core::buffer::clean_aperture;
use crate::core::color::attachment_keys;
use crate::core::color::transfer::TransferFunction;
use crate::core::convert::io::{DestPlane, SourcePlane};
use crate::core::convert::{
    ConversionPlan, ConversionRequest, ConvertError, DestFrame, DestinationColor, SourceColor,
    SourceFrame,
};
use crate::core::number::Number;
use crate::core::pixel_format::PixelFormat;
use crate::core::property::Value;
use crate::core::resample::Filter;
use crate::core::transfer::geometry::{self, Geometry, GeometryInput};
use crate::core::transfer::properties::{ScalingMode, TransferProperties};

const NO_ERR: OSStatus = 0;

/// The attachments a transfer recomputes; every other source attachment is
/// copied to the destination unchanged.
fn recomputed_keys() -> [CFStringRef; 14] {
    [
        kCVImageBufferYCbCrMatrixKey,
        kCVImageBufferColorPrimariesKey,
        kCVImageBufferTransferFunctionKey,
        kCVImageBufferGammaLevelKey,
        kCVImageBufferICCProfileKey,
        kCVImageBufferCGColorSpaceKey,
        kCVImageBufferCleanApertureKey,
        kCVImageBufferPixelAspectRatioKey,
        kCVImageBufferDisplayDimensionsKey,
        kCVImageBufferFieldCountKey,
        kCVImageBufferFieldDetailKey,
        kCVImageBufferChromaLocationTopFieldKey,
        kCVImageBufferChromaLocationBottomFieldKey,
        kCVImageBufferChromaSubsamplingKey,
    ]
}

/// Copies the pixels of `sourceBuffer` into `destinationBuffer`,
/// converting pixel format and colour as the session's properties say.
///
/// Errors: NULL or non-buffer arguments or a non-session → `kVTParameterErr`;
/// invalidated session → `kVTInvalidSessionErr`; a format pixelport cannot
/// convert (indexed, Bayer, depth, compressed) →
/// `kVTPixelTransferNotSupportedErr`; colour matching requested without the
/// source tags it needs → `kVTInsufficientSourceColorDataErr`; in the
/// scaling modes other than Normal, a malformed source clean aperture
/// (missing keys, size not positive, not inside the buffer) or pixel
/// aspect ratio (a spacing not positive), a `DestinationCleanAperture` not
/// inside the destination, a picture that rounds to nothing, or a
/// destination whose planes overlap each other (caller memory) →
/// `kVTParameterErr`. On any error the destination's pixels and attachments
/// are untouched.
///
/// Sizes may differ: the picture is scaled as `ScalingMode` says
/// (README behaviour table for the filter, rounding and bar colours).
///
/// Thread safety: concurrent transfers on one session are fine (see the
/// session's docs); the caller must not write either buffer meanwhile.
///
/// # Safety
/// Each argument must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn VTPixelTransferSessionTransferImage(
    session: VTPixelTransferSessionRef,
    sourceBuffer: CVPixelBufferRef,
    destinationBuffer: CVPixelBufferRef,
) -> OSStatus {
    ffi_guard!(kVTParameterErr, {
        let session = try_ref!(session, PixelTransferSession, kVTParameterErr);
        let source = try_ref!(sourceBuffer, CvPixelBuffer, kVTParameterErr);
        let destination = try_ref!(destinationBuffer, CvPixelBuffer, kVTParameterErr);
        let properties = match session.value.snapshot() {
            Ok(p) => p,
            Err(status) => return status,
        };
        let threads = session.value.threads();
        // SAFETY: both buffers are live objects (checked above).
        match unsafe { transfer(&properties, threads, &source.value, &destination.value) } {
            Ok(()) => NO_ERR,
            Err(status) => status,
        }
    })
}

fn status_of(error: ConvertError) -> OSStatus {
    match error {
        ConvertError::Unsupported(_) | ConvertError::UnsupportedPair { .. } => {
            kVTPixelTransferNotSupportedErr
        }
        ConvertError::InsufficientSourceColorData => kVTInsufficientSourceColorDataErr,
        _ => kVTParameterErr,
    }
}

/// # Safety
/// Both buffers must be live; their plane addresses valid for their layouts.
unsafe fn transfer(
    properties: &TransferProperties,
    threads: usize,
    source: &CvPixelBuffer,
    destination: &CvPixelBuffer,
) -> Result<(), OSStatus> {
    let format = |code| PixelFormat::find(code).ok_or(kVTPixelTransferNotSupportedErr);
    let (src_format, dst_format) = (
        format(source.pixel_format)?,
        format(destination.pixel_format)?,
    );
    let source_color = source_color(source);
    let request = ConversionRequest {
        source: src_format,
        destination: dst_format,
        source_color,
        destination_color: DestinationColor {
            matrix: properties.destination_ycbcr_matrix,
            primaries: properties.destination_color_primaries,
            transfer: properties.destination_transfer_function,
        },
        downsampling: properties.downsampling_mode,
    };
    let plan = ConversionPlan::new(&request).map_err(status_of)?;
    let source_ca = source
        .attachments
        .decoded(clean_aperture::keys::CLEAN_APERTURE);
    let source_par = source
        .attachments
        .decoded(clean_aperture::keys::PIXEL_ASPECT_RATIO);
    let geometry = geometry::resolve(&GeometryInput {
        mode: properties.scaling_mode,
        source: (source.width, source.height),
        destination: (destination.width, destination.height),
        source_clean_aperture: source_ca.as_ref(),
        source_pixel_aspect_ratio: source_par.as_ref(),
        destination_clean_aperture: properties.destination_clean_aperture,
        destination_pixel_aspect_ratio: properties.destination_pixel_aspect_ratio,
        grid: plan.destination_chroma_grid(),
        filter: if properties.real_time == Some(true) {
            Filter::Triangle
        } else {
            Filter::Lanczos3
        },
    })
    .map_err(|_| kVTParameterErr)?;

    // SAFETY: per this function's contract.
    unsafe {
        with_frames(source, src_format, destination, dst_format, |from, to| {
            plan.convert_placed(from, to, &geometry.placement, threads)
        })
    }?
    .map_err(status_of)?;
    // SAFETY: both buffers are live.
    unsafe {
        write_attachments(&plan, source, destination);
        write_geometry_attachments(&geometry, properties.scaling_mode, source, destination);
    }
    Ok(())
}

/// Runs `f` over the planes of both buffers, viewed as frames of their
/// own sizes. Source memory that overlaps the destination's (one buffer
/// passed twice, or caller memory wrapped twice) is copied first, so the
/// result is as if the source had been read before any write. A
/// destination whose planes overlap each other → `Err(kVTParameterErr)`
/// before `f` runs.
///
/// # Safety
/// Both buffers must be live; their plane addresses valid for their layouts.
pub(super) unsafe fn with_frames<R>(
    source: &CvPixelBuffer,
    src_format: &PixelFormat,
    destination: &CvPixelBuffer,
    dst_format: &PixelFormat,
    f: impl FnOnce(&SourceFrame<'_, '_>, &mut DestFrame<'_, '_>) -> R,
) -> Result<R, OSStatus> {
    // SAFETY: per this function's contract.
    let src_planes = unsafe { plane_memory(source, src_format) };
    // SAFETY: as above.
    let dst_planes = unsafe { plane_memory(destination, dst_format) };
    let overlaps = |a: &(usize, usize, usize), b: &(usize, usize, usize)| {
        a.0 < b.0.saturating_add(b.1) && b.0 < a.0.saturating_add(a.1)
    };
    // Destination planes that share bytes (caller planes wrapped over one
    // another) would be two `&mut` views of the same memory, and the
    // result would depend on write order: refused before any write.
    let self_overlap = dst_planes
        .iter()
        .enumerate()
        .any(|(i, a)| dst_planes[i + 1..].iter().any(|b| overlaps(a, b)));
    if self_overlap {
        return Err(kVTParameterErr);
    }
    let overlap = src_planes
        .iter()
        .any(|s| dst_planes.iter().any(|d| overlaps(s, d)));
    // Overlapping memory is read into owned copies first, so no `&[u8]`
    // aliases the `&mut [u8]` being written.
    let copies: Vec<Vec<u8>> = if overlap {
        src_planes
            .iter()
            .map(|&(addr, len, _)| {
                // SAFETY: each range lies within the source buffer's memory.
                unsafe { std::slice::from_raw_parts(addr as *const u8, len) }.to_vec()
            })
            .collect()
    } else {
        Vec::new()
    };
    let sources: Vec<SourcePlane<'_>> = src_planes
        .iter()
        .enumerate()
        .map(|(i, &(addr, len, bytes_per_row))| SourcePlane {
            data: match copies.get(i) {
                Some(copy) => copy,
                // SAFETY: the range lies within the source buffer's memory
                // and is not written during this call (no overlap).
                None => unsafe { std::slice::from_raw_parts(addr as *const u8, len) },
            },
            bytes_per_row,
        })
        .collect();
    let mut destinations: Vec<DestPlane<'_>> = dst_planes
        .iter()
        .map(|&(addr, len, bytes_per_row)| DestPlane {
            // SAFETY: the range lies within the destination buffer's memory;
            // plane ranges of one buffer are disjoint, and nothing else
            // borrows them during this call.
            data: unsafe { std::slice::from_raw_parts_mut(addr as *mut u8, len) },
            bytes_per_row,
        })
        .collect();
    Ok(f(
        &SourceFrame {
            width: source.width,
            height: source.height,
            planes: &sources,
        },
        &mut DestFrame {
            width: destination.width,
            height: destination.height,
            planes: &mut destinations,
        },
    ))
}

/// (address, length in bytes, bytes per row) of each plane's image rows:
/// from the first image sample to the end of the last row's pixels.
///
/// # Safety
/// `buffer` must be live.
unsafe fn plane_memory(buffer: &CvPixelBuffer, format: &PixelFormat) -> Vec<(usize, usize, usize)> {
    buffer
        .planes
        .iter()
        .zip(format.planes())
        .map(|(info, plane)| {
            let row = plane.row_length(plane.width_for(buffer.width)).unwrap_or(0);
            let len = info.height.saturating_sub(1) * info.bytes_per_row + row;
            (
                info.base.0 as usize,
                if info.height == 0 { 0 } else { len },
                info.bytes_per_row,
            )
        })
        .collect()
}

/// The source's colour tags, parsed (unknown strings count as absent).
pub(super) fn source_color(buffer: &CvPixelBuffer) -> SourceColor {
    let tag = |key| buffer.attachments.decoded(key);
    SourceColor::from_attachments(
        tag(attachment_keys::YCBCR_MATRIX).as_ref(),
        tag(attachment_keys::COLOR_PRIMARIES).as_ref(),
        tag(attachment_keys::TRANSFER_FUNCTION).as_ref(),
        tag(attachment_keys::GAMMA_LEVEL).as_ref(),
        tag(attachment_keys::CHROMA_LOCATION_TOP_FIELD).as_ref(),
    )
}

/// Rewrites the destination's attachments after a successful transfer or
/// rotation: removes them all, copies the source attachments that are not
/// recomputed, writes the result's colour tags. Geometry attachments
/// (clean aperture, aspect ratio, display size, fields) are the caller's.
///
/// # Safety
/// Both buffers must be live.
pub(super) unsafe fn write_attachments(
    plan: &ConversionPlan,
    source: &CvPixelBuffer,
    destination: &CvPixelBuffer,
) {
    destination.attachments.remove_all();
    let recomputed = recomputed_keys();
    for mode in [
        AttachmentMode::ShouldPropagate,
        AttachmentMode::ShouldNotPropagate,
    ] {
        let Some(all) = source.attachments.copy_all(mode) else {
            continue;
        };
        // SAFETY: a live +1 dictionary, released below.
        let entries = unsafe { crate::capi::core_foundation::dictionary::dictionary_entries(all) };
        for (key, value) in entries {
            // SAFETY: live keys of a live dictionary.
            let known = recomputed
                .iter()
                .any(|k| unsafe { handle::equal(key, k.as_type()) });
            if !known {
                // SAFETY: live key and value.
                unsafe { destination.attachments.set(key, value, mode) };
            }
        }
        // SAFETY: our +1 from `copy_all`.
        unsafe { handle::release(all.as_type()) };
    }
    let set_text = |key: CFStringRef, text: &str| {
        let value = new_string(text);
        // SAFETY: a live key and our new +1 string, released after the set.
        unsafe {
            destination.attachments.set(
                key.as_type(),
                value.as_type(),
                AttachmentMode::ShouldPropagate,
            );
            handle::release(value.as_type());
        }
    };
    if let Some((matrix, _)) = plan.destination_matrix() {
        set_text(kCVImageBufferYCbCrMatrixKey, matrix.cv_string());
    }
    if let Some(primaries) = plan.destination_primaries() {
        set_text(kCVImageBufferColorPrimariesKey, primaries.cv_string());
    }
    if let Some(transfer) = plan.destination_transfer() {
        set_text(kCVImageBufferTransferFunctionKey, transfer.cv_string());
        if let TransferFunction::Gamma(level) = transfer {
            let number = new_number(Number::from_f64(level));
            // SAFETY: live key and our new +1 number, released after the set.
            unsafe {
                destination.attachments.set(
                    kCVImageBufferGammaLevelKey.as_type(),
                    number.as_type(),
                    AttachmentMode::ShouldPropagate,
                );
                handle::release(number.as_type());
            }
        }
    }
    if let Some(siting) = plan.destination_chroma_siting() {
        set_text(kCVImageBufferChromaLocationTopFieldKey, siting.cv_string());
        set_text(
            kCVImageBufferChromaLocationBottomFieldKey,
            siting.cv_string(),
        );
    }
}

/// The geometry attachments of a transfer: the clean aperture and pixel
/// aspect ratio `geometry` computed for the mode, field tags, and (Normal
/// mode only) display dimensions carried from the source.
///
/// # Safety
/// Both buffers must be live.
unsafe fn write_geometry_attachments(
    geometry: &Geometry,
    mode: ScalingMode,
    source: &CvPixelBuffer,
    destination: &CvPixelBuffer,
) {
    let set_value = |key: CFStringRef, value: &Value| {
        let encoded = property::encode(value);
        if encoded.is_null() {
            return;
        }
        // SAFETY: a live key and our new +1 object, released after the set.
        unsafe {
            destination
                .attachments
                .set(key.as_type(), encoded, AttachmentMode::ShouldPropagate);
            handle::release(encoded);
        }
    };
    if let Some(ca) = geometry.clean_aperture {
        set_value(kCVImageBufferCleanApertureKey, &ca.to_value());
    }
    if let Some(par) = geometry.pixel_aspect_ratio {
        set_value(kCVImageBufferPixelAspectRatioKey, &par.to_value());
    }
    let mut carried = vec![kCVImageBufferFieldCountKey, kCVImageBufferFieldDetailKey];
    if mode == ScalingMode::Normal {
        carried.push(kCVImageBufferDisplayDimensionsKey);
    }
    for key in carried {
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
