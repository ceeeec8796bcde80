//! The vImage ⇄ CVPixelBuffer functions (vImage_CVUtilities.h,
//! vimage-corevideo.md §3, §8): whole-image copies with conversion
//! (`vImageBuffer_InitWithCVPixelBuffer`, `vImageBuffer_CopyToCVPixelBuffer`)
//! and buffer arrays that alias a locked pixel buffer's planes
//! (`vImageBuffer_InitForCopyFromCVPixelBuffer`, `…ToCVPixelBuffer`).
//!
//! The copies plan a converter on the fly (same rules as
//! `vImageConverter_CreateFor…`) and run it; the pixel buffer is read or
//! written without being locked by the caller, as Apple allows.
#![allow(non_snake_case)]

use super::buffer::{PixelSize, check_flags, describe};
use super::buffer_init::{allocate, geometry};
use super::cg_format;
use super::converter::{Direction, PlaneSpan, background, converter_ref, interop_status, run_plan};
use super::cv_image_format::{VImageCvImageFormat, format_from_buffer, format_ref};
use super::types::*;
use crate::capi::core_foundation::types::CfRef;
use crate::capi::core_graphics::types::CGFloat;
use crate::capi::core_video::pixel_buffer::CvPixelBuffer;
use crate::capi::core_video::types::CVPixelBufferRef;
use crate::capi::handle;
use crate::capi::runtime::object::{CfObject, Retained};
use crate::core::vimage::interop::{self, CvSide, Side};

/// The plane spans of a pixel buffer's image rows.
fn pixel_buffer_spans(buffer: &CvPixelBuffer) -> Result<Vec<PlaneSpan>, vImage_Error> {
    let format = crate::core::pixel_format::PixelFormat::find(buffer.pixel_format)
        .ok_or(kvImageInvalidImageFormat)?;
    Ok(buffer
        .planes
        .iter()
        .zip(format.planes())
        .map(|(info, plane)| {
            let row = plane.row_length(plane.width_for(buffer.width)).unwrap_or(0);
            let len = if info.height == 0 || row == 0 {
                0
            } else {
                (info.height - 1) * info.bytes_per_row + row
            };
            (info.base.0 as usize, len, info.bytes_per_row)
        })
        .collect())
}

/// The pixel buffer behind a handle: NULL → `null`, another type →
/// `kvImageInvalidImageObject`.
///
/// # Safety
/// NULL or a live object.
unsafe fn pixel_buffer<'a>(
    pb: CVPixelBufferRef,
    null: vImage_Error,
) -> Result<&'a CfObject<CvPixelBuffer>, vImage_Error> {
    if pb.is_null() {
        return Err(null);
    }
    // SAFETY: per the contract.
    unsafe { handle::object::<CvPixelBuffer>(pb.as_type()) }.ok_or(kvImageInvalidImageObject)
}

/// The CV side of a copy: `cv_format` when given (its 4CC must be the
/// buffer's), else what the buffer's attachments say.
///
/// # Safety
/// Handles NULL or live.
unsafe fn cv_side(
    pb: CVPixelBufferRef,
    buffer: &CvPixelBuffer,
    cv_format: vImageCVImageFormatRef,
) -> Result<CvSide, vImage_Error> {
    let owned: Retained<VImageCvImageFormat>;
    let format = if cv_format.is_null() {
        // SAFETY: a live buffer.
        owned = unsafe { format_from_buffer(pb, buffer) }.ok_or(kvImageInvalidImageFormat)?;
        &owned.value
    } else {
        // SAFETY: per the contract.
        &unsafe { format_ref(cv_format.0) }
            .ok_or(kvImageInvalidCVImageFormat)?
            .value
    };
    if format.facts().format.code != buffer.pixel_format {
        return Err(kvImageInvalidCVImageFormat);
    }
    Ok(format.side())
}

/// Fills `*buffer` with a copy of the whole of `cvPixelBuffer`, converted
/// to `desiredFormat`. Without `kvImageNoAllocate` the function sets
/// `height`/`width` to the pixel buffer's, picks `rowBytes` as
/// `vImageBuffer_Init` does and allocates `data` (release with `free()`);
/// with it, the caller's `data` and `rowBytes` are used and
/// `width`/`height` must equal the pixel buffer's.
///
/// `cvImageFormat` (may be NULL) describes the pixel buffer instead of its
/// attachments (its 4CC must be the buffer's). `backgroundColor`
/// (`CGFloat[3]`, may be NULL = black) flattens source alpha when
/// `desiredFormat` has none. The pixel buffer need not be locked.
/// Flags: `kvImageNoAllocate`, `kvImageHighQualityResampling`,
/// `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`.
///
/// Errors (nothing written or allocated): `kvImageInvalidParameter` (NULL
/// `buffer`), `kvImageInvalidImageFormat` (bad `desiredFormat`),
/// `kvImageInvalidImageObject` (NULL or non-buffer `cvPixelBuffer`),
/// `kvImageInvalidCVImageFormat` (non-format or other-4CC `cvImageFormat`),
/// `kvImageCVImageFormat_ConversionMatrix` / `…_ChromaSiting` /
/// `…_ColorSpace` (missing colour information), `kvImageBufferSizeMismatch`,
/// `kvImageNullPointerArgument` / `kvImageInvalidRowBytes` (caller storage),
/// `kvImageMemoryAllocationError`, `kvImageUnsupportedConversion`,
/// `kvImageUnknownFlagsBit`.
///
/// # Safety
/// Pointers NULL or valid (with `kvImageNoAllocate`, `buffer` describes
/// writable memory); handles NULL or live objects.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageBuffer_InitWithCVPixelBuffer(
    buffer: *mut vImage_Buffer,
    desiredFormat: *mut vImage_CGImageFormat,
    cvPixelBuffer: CVPixelBufferRef,
    cvImageFormat: vImageCVImageFormatRef,
    backgroundColor: *const CGFloat,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(
        "vImageBuffer_InitWithCVPixelBuffer",
        flags,
        kvImageNoAllocate | kvImageHighQualityResampling,
        {
            if buffer.is_null() {
                return Err(kvImageInvalidParameter);
            }
            // SAFETY: per the contract.
            let cg = unsafe { cg_format::read(desiredFormat)? };
            // SAFETY: per the contract.
            let pb = unsafe { pixel_buffer(cvPixelBuffer, kvImageInvalidImageObject)? };
            let pbv = &pb.value;
            // SAFETY: per the contract.
            let cv = unsafe { cv_side(cvPixelBuffer, pbv, cvImageFormat)? };
            let bpp = cg.layout.bits_per_pixel;
            // SAFETY: per the contract.
            let bg = unsafe { background(backgroundColor) };
            let plan = interop::plan(&Side::Cv(cv), &Side::Cg(cg), bg).map_err(interop_status)?;
            let (w, h) = (pbv.width, pbv.height);
            let sources = pixel_buffer_spans(pbv)?;
            if flags & kvImageNoAllocate != 0 {
                // SAFETY: readable per the contract.
                let given = unsafe { buffer.read_unaligned() };
                if (given.width, given.height) != (w as _, h as _) {
                    return Err(kvImageBufferSizeMismatch);
                }
                // SAFETY: per the contract; validates data and rowBytes.
                let d = unsafe { describe::<u8>(buffer, PixelSize::Bits(bpp as usize))? };
                let _ = d;
                let span = (
                    given.data as usize,
                    if h == 0 || w == 0 {
                        0
                    } else {
                        (h - 1) * given.rowBytes + (w * bpp as usize).div_ceil(8)
                    },
                    given.rowBytes,
                );
                // SAFETY: caller memory per the contract; the pixel buffer's
                // planes are its own memory.
                unsafe { run_plan(&plan.plan, w, h, &sources, &[span])? };
                return Ok(kvImageNoError);
            }
            let (row, size) = geometry(h as _, w as _, bpp)?;
            let data = allocate(size).ok_or(kvImageMemoryAllocationError)?;
            let span = (data as usize, size, row);
            // SAFETY: fresh memory of `size` bytes.
            if let Err(e) = unsafe { run_plan(&plan.plan, w, h, &sources, &[span]) } {
                // SAFETY: allocated above, not handed out.
                unsafe { libc::free(data) };
                return Err(e);
            }
            // SAFETY: writable per the contract.
            unsafe {
                buffer.write_unaligned(vImage_Buffer {
                    data,
                    height: h as _,
                    width: w as _,
                    rowBytes: row,
                })
            };
            Ok(kvImageNoError)
        }
    )
}

/// Converts `buffer` (described by `bufferFormat`) into the pixel buffer's
/// own format, overwriting all of `cvPixelBuffer` (which must already
/// exist with the wanted 4CC and the buffer's size; it need not be
/// locked). `cvImageFormat` (may be NULL) describes the pixel buffer
/// instead of its attachments; no attachments are written either way.
/// `backgroundColor` (`CGFloat[3]`, may be NULL = black) flattens real
/// source alpha when the pixel buffer has none.
/// Flags: `kvImageHighQualityResampling`, `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole` (`kvImageNoAllocate` is accepted and
/// ignored).
///
/// Errors (pixel buffer untouched): `kvImageNullPointerArgument` (NULL
/// `buffer` or `cvPixelBuffer`, NULL `data`), `kvImageInvalidImageObject`
/// (non-buffer), `kvImageInvalidImageFormat` (bad `bufferFormat`),
/// `kvImageInvalidCVImageFormat`, `kvImageBufferSizeMismatch`,
/// `kvImageInvalidRowBytes`, `kvImageCVImageFormat_…` (missing colour
/// information), `kvImageUnsupportedConversion`, `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `buffer` NULL or describing readable memory; handles NULL or live.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageBuffer_CopyToCVPixelBuffer(
    buffer: *const vImage_Buffer,
    bufferFormat: *const vImage_CGImageFormat,
    cvPixelBuffer: CVPixelBufferRef,
    cvImageFormat: vImageCVImageFormatRef,
    backgroundColor: *const CGFloat,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(
        "vImageBuffer_CopyToCVPixelBuffer",
        flags,
        kvImageNoAllocate | kvImageHighQualityResampling,
        {
            if buffer.is_null() {
                return Err(kvImageNullPointerArgument);
            }
            // SAFETY: per the contract.
            let cg = unsafe { cg_format::read(bufferFormat)? };
            // SAFETY: per the contract.
            let pb = unsafe { pixel_buffer(cvPixelBuffer, kvImageNullPointerArgument)? };
            let pbv = &pb.value;
            // SAFETY: per the contract.
            let cv = unsafe { cv_side(cvPixelBuffer, pbv, cvImageFormat)? };
            let bpp = cg.layout.bits_per_pixel as usize;
            // SAFETY: per the contract.
            let bg = unsafe { background(backgroundColor) };
            let plan = interop::plan(&Side::Cg(cg), &Side::Cv(cv), bg).map_err(interop_status)?;
            let (w, h) = (pbv.width, pbv.height);
            // SAFETY: readable per the contract.
            let given = unsafe { buffer.read_unaligned() };
            if (given.width, given.height) != (w as _, h as _) {
                return Err(kvImageBufferSizeMismatch);
            }
            // SAFETY: per the contract; validates data and rowBytes.
            unsafe { describe::<u8>(buffer, PixelSize::Bits(bpp))? };
            let span = (
                given.data as usize,
                if h == 0 || w == 0 {
                    0
                } else {
                    (h - 1) * given.rowBytes + (w * bpp).div_ceil(8)
                },
                given.rowBytes,
            );
            let destinations = pixel_buffer_spans(pbv)?;
            // SAFETY: caller memory per the contract; the pixel buffer's
            // planes are disjoint memory it owns.
            unsafe { run_plan(&plan.plan, w, h, &[span], &destinations)? };
            Ok(kvImageNoError)
        }
    )
}

/// The shared body of the two `InitForCopy…` functions.
///
/// # Safety
/// As theirs.
unsafe fn alias_planes(
    buffers: *mut vImage_Buffer,
    converter: vImageConverterRef,
    pixelBuffer: CVPixelBufferRef,
    flags: vImage_Flags,
    direction: Direction,
) -> Result<vImage_Error, vImage_Error> {
    check_flags(flags, kvImageNoAllocate)?;
    if buffers.is_null() || converter.is_null() || pixelBuffer.is_null() {
        return Err(kvImageNullPointerArgument);
    }
    if flags & kvImageNoAllocate == 0 {
        return Err(kvImageInvalidParameter);
    }
    // SAFETY: per the contract.
    let c = unsafe { converter_ref(converter) }.ok_or(kvImageInvalidParameter)?;
    // SAFETY: per the contract.
    let pb = unsafe { pixel_buffer(pixelBuffer, kvImageNullPointerArgument)? };
    if c.value.direction != direction {
        return Err(kvImageInvalidParameter);
    }
    let (format, count) = match direction {
        Direction::CvToCg => (c.value.plan.source, c.value.source_count()),
        _ => (c.value.plan.destination, c.value.destination_count()),
    };
    let pbv = &pb.value;
    if format.code != pbv.pixel_format || pbv.planes.len() != count {
        return Err(kvImageInvalidParameter);
    }
    for (i, p) in pbv.planes.iter().enumerate() {
        // SAFETY: `buffers` holds `count` entries per the contract.
        unsafe {
            buffers.add(i).write_unaligned(vImage_Buffer {
                data: p.base.0,
                height: p.height as _,
                width: p.width as _,
                rowBytes: p.bytes_per_row,
            })
        };
    }
    Ok(kvImageNoError)
}

/// Fills `buffers` (as many as
/// `vImageConverter_GetNumberOfSourceBuffers(converter)`) so that they
/// alias the planes of `pixelBuffer`, in the converter's source buffer
/// order, ready to be the `srcs` of `vImageConvert_AnyToAny`. Nothing is
/// allocated or copied. `converter` must be a CV → CG converter whose CV
/// format has the pixel buffer's 4CC. Each buffer gets the plane's base
/// address, width, height and bytes per row (chunky buffers: the buffer's).
/// The pixel buffer must be locked by the caller; the buffers are valid
/// until it is unlocked (pixelport does not check the lock).
///
/// `kvImageNoAllocate` is required. Errors (nothing written):
/// `kvImageNullPointerArgument` (NULL argument), `kvImageInvalidParameter`
/// (no `kvImageNoAllocate`; not a converter, or one of the other
/// direction or another 4CC), `kvImageInvalidImageObject` (not a pixel
/// buffer), `kvImageUnknownFlagsBit`.
///
/// # Safety
/// `buffers` NULL or writable for the converter's buffer count; handles
/// NULL or live.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageBuffer_InitForCopyFromCVPixelBuffer(
    buffers: *mut vImage_Buffer,
    converter: vImageConverterRef,
    pixelBuffer: CVPixelBufferRef,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(
        "vImageBuffer_InitForCopyFromCVPixelBuffer",
        flags,
        kvImageNoAllocate,
        {
            // SAFETY: per the contract.
            unsafe { alias_planes(buffers, converter, pixelBuffer, flags, Direction::CvToCg) }
        }
    )
}

/// As `vImageBuffer_InitForCopyFromCVPixelBuffer`, for a CG → CV
/// converter: fills the `dests` of `vImageConvert_AnyToAny`
/// (`vImageConverter_GetNumberOfDestinationBuffers` entries, destination
/// buffer order). Attachments of the pixel buffer are not changed: the
/// caller keeps matrix, siting and colour space consistent.
///
/// # Safety
/// As `vImageBuffer_InitForCopyFromCVPixelBuffer`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageBuffer_InitForCopyToCVPixelBuffer(
    buffers: *mut vImage_Buffer,
    converter: vImageConverterRef,
    pixelBuffer: CVPixelBufferRef,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!(
        "vImageBuffer_InitForCopyToCVPixelBuffer",
        flags,
        kvImageNoAllocate,
        {
            // SAFETY: per the contract.
            unsafe { alias_planes(buffers, converter, pixelBuffer, flags, Direction::CgToCv) }
        }
    )
}
