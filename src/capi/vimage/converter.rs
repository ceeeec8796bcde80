//! `vImageConverterRef` (vImage_Utilities.h / vImage_CVUtilities.h,
//! vimage-corevideo.md §6–§7): a planned conversion between a CG layout and
//! a CV format (or two CG layouts), as a CF type, and
//! `vImageConvert_AnyToAny`, which runs it over caller buffers.
//!
//! A converter snapshots everything when it is made (later changes to the
//! CV format object do not affect it) and is immutable, so it may be used
//! from any number of threads at once. The pixel work is
//! `core::convert`'s `ConversionPlan`, planned by
//! `core::vimage::interop`.
//!
//! Buffers (README behaviour table, "vImage converters"): one
//! `vImage_Buffer` per plane in the converter's buffer order, each with
//! the plane's own width, height and rowBytes (the chroma plane of '420v'
//! is half the luma size, in CbCr pairs). The destination's first buffer
//! sets the size converted; every buffer must cover what that size needs
//! (`kvImageBufferSizeMismatch`), rows must hold a plane row
//! (`kvImageInvalidRowBytes`). Sources that share memory with a destination
//! are read before anything is written, so in-place conversion is always
//! allowed.
#![allow(non_snake_case, non_upper_case_globals)]

use std::ffi::c_void;

use super::buffer::finish;
use super::cg_format;
use super::cv_image_format::format_ref;
use super::types::*;
use crate::capi::core_foundation::types::{CFHashCode, CfRef};
use crate::capi::core_graphics::types::CGFloat;
use crate::capi::handle;
use crate::capi::runtime::class::TypeKind;
use crate::capi::runtime::object::{CfClass, CfObject, Retained};
use crate::core::convert::io::{DestPlane, SourcePlane};
use crate::core::convert::{ConversionPlan, ConvertError, DestFrame, SourceFrame};
use crate::core::pixel_format::PixelFormat;
use crate::core::vimage::cv_format::code;
use crate::core::vimage::interop::{self, InteropError, InteropPlan, Side};

/// Which kinds of formats a converter joins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    CgToCv,
    CvToCg,
    CgToCg,
}

/// The payload of a vImageConverter.
pub struct VImageConverter {
    pub(crate) plan: InteropPlan,
    pub(crate) direction: Direction,
    /// EndOfList-terminated.
    source_order: Box<[vImageBufferTypeCode]>,
    destination_order: Box<[vImageBufferTypeCode]>,
}

impl CfClass for VImageConverter {
    const KIND: TypeKind = TypeKind::Converter;

    fn cf_equal(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }

    fn cf_hash(&self) -> CFHashCode {
        (self.plan.source.code ^ self.plan.destination.code.rotate_left(16)) as CFHashCode
    }

    fn describe(&self) -> String {
        format!(
            "<vImageConverter> ({} → {})",
            crate::core::pixel_format::code_string(self.plan.source.code),
            crate::core::pixel_format::code_string(self.plan.destination.code)
        )
    }
}

impl VImageConverter {
    pub(crate) fn source_count(&self) -> usize {
        self.source_order.len() - 1
    }
    pub(crate) fn destination_count(&self) -> usize {
        self.destination_order.len() - 1
    }
}

fn order_of(side: &Side) -> Box<[vImageBufferTypeCode]> {
    let mut order = match side {
        Side::Cg(_) => vec![code::CG_FORMAT],
        Side::Cv(cv) => cv.facts.buffer_order.clone(),
    };
    order.push(code::END_OF_LIST);
    order.into_boxed_slice()
}

/// The `vImage_Error` of a planning failure.
pub(crate) fn interop_status(e: InteropError) -> vImage_Error {
    match e {
        InteropError::MissingMatrix => kvImageCVImageFormat_ConversionMatrix,
        InteropError::MissingSiting => kvImageCVImageFormat_ChromaSiting,
        InteropError::MissingColorSpace => kvImageCVImageFormat_ColorSpace,
        InteropError::InvalidFormat => kvImageInvalidCVImageFormat,
        InteropError::Unsupported => kvImageUnsupportedConversion,
    }
}

/// The `vImage_Error` of a conversion failure.
pub(crate) fn convert_status(e: ConvertError) -> vImage_Error {
    match e {
        ConvertError::PlaneTooSmall { .. } => kvImageBufferSizeMismatch,
        ConvertError::RowTooShort { .. } => kvImageInvalidRowBytes,
        ConvertError::OutOfMemory => kvImageMemoryAllocationError,
        ConvertError::Unsupported(_) | ConvertError::UnsupportedPair { .. } => {
            kvImageUnsupportedConversion
        }
        // Both frames are given one size here, so no placement is ever
        // built; listed for completeness.
        ConvertError::Geometry(_)
        | ConvertError::PlaneCount { .. }
        | ConvertError::BadPlacement => kvImageInvalidParameter,
        ConvertError::RowShape | ConvertError::InsufficientSourceColorData => kvImageInternalError,
    }
}

/// Reads an optional `CGFloat[3]` background.
///
/// # Safety
/// NULL or readable for 3 values.
pub(crate) unsafe fn background(bg: *const CGFloat) -> Option<[f64; 3]> {
    if bg.is_null() {
        return None;
    }
    // SAFETY: readable for 3 per the contract.
    let v = unsafe {
        [
            bg.read_unaligned(),
            bg.add(1).read_unaligned(),
            bg.add(2).read_unaligned(),
        ]
    };
    Some(v.map(|c| {
        if c.is_finite() {
            c.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }))
}

/// Makes a converter; the shared body of the three creators.
fn make(
    source: Side,
    destination: Side,
    bg: Option<[f64; 3]>,
    direction: Direction,
) -> Result<Retained<VImageConverter>, vImage_Error> {
    let plan = interop::plan(&source, &destination, bg).map_err(interop_status)?;
    Ok(Retained::new(VImageConverter {
        plan,
        direction,
        source_order: order_of(&source),
        destination_order: order_of(&destination),
    }))
}

/// The creators' epilogue: `*error` always written, NULL on failure.
///
/// # Safety
/// `error` NULL or writable.
unsafe fn deliver(
    name: &str,
    flags: vImage_Flags,
    result: Result<Retained<VImageConverter>, vImage_Error>,
    error: *mut vImage_Error,
) -> vImageConverterRef {
    let (converter, status) = match result {
        Ok(c) => (vImageConverterRef::from_type(c.into_raw()), kvImageNoError),
        Err(e) => (vImageConverterRef::null(), finish(name, flags, Err(e))),
    };
    // SAFETY: per the contract.
    unsafe { handle::write_out(error, status) };
    converter
}

/// Flags every converter creator accepts.
const CREATE_FLAGS: vImage_Flags = kvImagePrintDiagnosticsToConsole | kvImageDoNotTile;

/// A new (+1) converter from CG layout `srcFormat` to CV format
/// `destFormat` (release with `vImageConverter_Release`), or NULL with
/// `*error` set (`error` may be NULL; it is always written).
///
/// `backgroundColor` (`CGFloat[3]`, may be NULL = black) is used when the
/// source has real alpha and the destination none: the colour is
/// composited over it in the source's RGB values (values clamped to
/// [0, 1]). Flags: `kvImagePrintDiagnosticsToConsole`, `kvImageDoNotTile`,
/// `kvImageHighQualityResampling` (accepted; pixelport's chroma filters are
/// always the siting-aware ones).
///
/// Errors: `kvImageInvalidImageFormat` (bad CG format),
/// `kvImageInvalidCVImageFormat` (NULL / non-format `destFormat`, or its
/// colour space does not fit), `kvImageCVImageFormat_ConversionMatrix` /
/// `…_ChromaSiting` / `…_ColorSpace` (missing pieces),
/// `kvImageUnsupportedConversion` (no conversion for this pair: see the
/// README), `kvImageUnknownFlagsBit`.
///
/// # Safety
/// Pointers NULL or valid; handles NULL or live objects.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConverter_CreateForCGToCVImageFormat(
    srcFormat: *const vImage_CGImageFormat,
    destFormat: vImageCVImageFormatRef,
    backgroundColor: *const CGFloat,
    flags: vImage_Flags,
    error: *mut vImage_Error,
) -> vImageConverterRef {
    ffi_guard!(vImageConverterRef::null(), {
        let result = (|| {
            super::buffer::check_flags(flags, CREATE_FLAGS | kvImageHighQualityResampling)?;
            // SAFETY: per the contract.
            let cg = unsafe { cg_format::read(srcFormat)? };
            // SAFETY: per the contract.
            let cv = unsafe { format_ref(destFormat.0) }.ok_or(kvImageInvalidCVImageFormat)?;
            // SAFETY: per the contract.
            let bg = unsafe { background(backgroundColor) };
            make(
                Side::Cg(cg),
                Side::Cv(cv.value.side()),
                bg,
                Direction::CgToCv,
            )
        })();
        // SAFETY: per the contract.
        unsafe {
            deliver(
                "vImageConverter_CreateForCGToCVImageFormat",
                flags,
                result,
                error,
            )
        }
    })
}

/// A new (+1) converter from CV format `srcFormat` to CG layout
/// `destFormat`, or NULL with `*error` set. Same rules as
/// `vImageConverter_CreateForCGToCVImageFormat`; the background is
/// composited in the RGB values of the side that is RGB.
///
/// # Safety
/// Pointers NULL or valid; handles NULL or live objects.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConverter_CreateForCVToCGImageFormat(
    srcFormat: vImageCVImageFormatRef,
    destFormat: *const vImage_CGImageFormat,
    backgroundColor: *const CGFloat,
    flags: vImage_Flags,
    error: *mut vImage_Error,
) -> vImageConverterRef {
    ffi_guard!(vImageConverterRef::null(), {
        let result = (|| {
            super::buffer::check_flags(flags, CREATE_FLAGS | kvImageHighQualityResampling)?;
            // SAFETY: per the contract.
            let cv = unsafe { format_ref(srcFormat.0) }.ok_or(kvImageInvalidCVImageFormat)?;
            // SAFETY: per the contract.
            let cg = unsafe { cg_format::read(destFormat)? };
            // SAFETY: per the contract.
            let bg = unsafe { background(backgroundColor) };
            make(
                Side::Cv(cv.value.side()),
                Side::Cg(cg),
                bg,
                Direction::CvToCg,
            )
        })();
        // SAFETY: per the contract.
        unsafe {
            deliver(
                "vImageConverter_CreateForCVToCGImageFormat",
                flags,
                result,
                error,
            )
        }
    })
}

/// A new (+1) converter between two CG layouts (NULL colour space = sRGB),
/// or NULL with `*error` set. `backgroundColor` (may be NULL = black) is
/// used to flatten alpha away. Flags: `kvImagePrintDiagnosticsToConsole`,
/// `kvImageDoNotTile`. Errors: `kvImageInvalidImageFormat`,
/// `kvImageUnsupportedConversion` (a layout without a conversion, see the
/// README), `kvImageUnknownFlagsBit`.
///
/// # Safety
/// Pointers NULL or valid; colour spaces NULL or live objects.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConverter_CreateWithCGImageFormat(
    srcFormat: *const vImage_CGImageFormat,
    destFormat: *const vImage_CGImageFormat,
    backgroundColor: *const CGFloat,
    flags: vImage_Flags,
    error: *mut vImage_Error,
) -> vImageConverterRef {
    ffi_guard!(vImageConverterRef::null(), {
        let result = (|| {
            super::buffer::check_flags(flags, CREATE_FLAGS)?;
            // SAFETY: per the contract.
            let src = unsafe { cg_format::read(srcFormat)? };
            // SAFETY: per the contract.
            let dst = unsafe { cg_format::read(destFormat)? };
            // SAFETY: per the contract.
            let bg = unsafe { background(backgroundColor) };
            make(Side::Cg(src), Side::Cg(dst), bg, Direction::CgToCg)
        })();
        // SAFETY: per the contract.
        unsafe {
            deliver(
                "vImageConverter_CreateWithCGImageFormat",
                flags,
                result,
                error,
            )
        }
    })
}

/// The converter behind a handle.
///
/// # Safety
/// NULL or a live object.
pub(crate) unsafe fn converter_ref<'a>(
    c: vImageConverterRef,
) -> Option<&'a CfObject<VImageConverter>> {
    // SAFETY: per the contract.
    unsafe { handle::object::<VImageConverter>(c.as_type()) }
}

/// +1. NULL or a non-converter: nothing happens.
///
/// # Safety
/// NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConverter_Retain(converter: vImageConverterRef) {
    ffi_guard!((), {
        // SAFETY: per the contract.
        if let Some(c) = unsafe { converter_ref(converter) } {
            c.header().retain();
        }
    })
}

/// −1, destroying the converter at zero. NULL or a non-converter: nothing.
///
/// # Safety
/// NULL or a live object the caller owns a reference to.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConverter_Release(converter: vImageConverterRef) {
    ffi_guard!((), {
        // SAFETY: per the contract.
        if let Some(c) = unsafe { converter_ref(converter) } {
            // SAFETY: the caller gives up its reference.
            unsafe { c.header().release() };
        }
    })
}

/// Buffers `vImageConvert_AnyToAny` reads (1 for CG layouts, the plane
/// count for CV formats); 0 for NULL or a non-converter.
///
/// # Safety
/// NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConverter_GetNumberOfSourceBuffers(
    converter: vImageConverterRef,
) -> std::ffi::c_ulong {
    ffi_guard!({
        // SAFETY: per the contract.
        unsafe { converter_ref(converter) }.map_or(0, |c| c.value.source_count() as _)
    })
}

/// Buffers `vImageConvert_AnyToAny` writes; 0 for NULL or a non-converter.
///
/// # Safety
/// NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConverter_GetNumberOfDestinationBuffers(
    converter: vImageConverterRef,
) -> std::ffi::c_ulong {
    ffi_guard!({
        // SAFETY: per the contract.
        unsafe { converter_ref(converter) }.map_or(0, |c| c.value.destination_count() as _)
    })
}

/// What each source buffer holds, `kvImageBufferTypeCode_EndOfList`
/// terminated, owned by the converter (valid while it lives): `{CGFormat}`
/// for CG layouts, the CV format's plane order otherwise (README). NULL
/// for NULL or a non-converter.
///
/// # Safety
/// NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConverter_GetSourceBufferOrder(
    converter: vImageConverterRef,
) -> *const vImageBufferTypeCode {
    ffi_guard!(std::ptr::null(), {
        // SAFETY: per the contract.
        unsafe { converter_ref(converter) }
            .map_or(std::ptr::null(), |c| c.value.source_order.as_ptr())
    })
}

/// As `vImageConverter_GetSourceBufferOrder`, for the destination buffers.
///
/// # Safety
/// NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConverter_GetDestinationBufferOrder(
    converter: vImageConverterRef,
) -> *const vImageBufferTypeCode {
    ffi_guard!(std::ptr::null(), {
        // SAFETY: per the contract.
        unsafe { converter_ref(converter) }
            .map_or(std::ptr::null(), |c| c.value.destination_order.as_ptr())
    })
}

/// Whether `vImageConvert_AnyToAny` needs distinct source and destination
/// memory: always `kvImageNoError` (pixelport reads overlapping sources
/// before writing), for the general question (both arrays NULL) and for
/// given buffers. `kvImageNullPointerArgument` when exactly one array is
/// NULL, `kvImageInvalidParameter` for a NULL or non-converter,
/// `kvImageUnknownFlagsBit`.
///
/// # Safety
/// Handles NULL or live; the arrays NULL or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConverter_MustOperateOutOfPlace(
    converter: vImageConverterRef,
    srcs: *const vImage_Buffer,
    dests: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageConverter_MustOperateOutOfPlace", flags, 0, {
        // SAFETY: per the contract.
        unsafe { converter_ref(converter) }.ok_or(kvImageInvalidParameter)?;
        if srcs.is_null() != dests.is_null() {
            return Err(kvImageNullPointerArgument);
        }
        Ok(kvImageNoError)
    })
}

/// One plane's memory: (address, bytes spanned, bytes per row).
pub(crate) type PlaneSpan = (usize, usize, usize);

/// The span of one plane of `format` for an image of `width`×`height`
/// given a caller buffer; checks the buffer covers the plane.
///
/// # Safety
/// `b` readable.
unsafe fn buffer_span(
    b: *const vImage_Buffer,
    format: &PixelFormat,
    plane: usize,
    width: usize,
    height: usize,
) -> Result<PlaneSpan, vImage_Error> {
    // SAFETY: readable per the contract.
    let b = unsafe { b.read_unaligned() };
    let p = format.planes().get(plane).ok_or(kvImageInternalError)?;
    let (w, h) = (p.width_for(width), p.height_for(height));
    let bw = usize::try_from(b.width).map_err(|_| kvImageInvalidParameter)?;
    let bh = usize::try_from(b.height).map_err(|_| kvImageInvalidParameter)?;
    if bw < w || bh < h {
        return Err(kvImageBufferSizeMismatch);
    }
    let row = p.row_length(w).ok_or(kvImageInvalidParameter)?;
    if h == 0 || row == 0 {
        return Ok((b.data as usize, 0, b.rowBytes.max(row)));
    }
    if b.data.is_null() {
        return Err(kvImageNullPointerArgument);
    }
    if b.rowBytes < row {
        return Err(kvImageInvalidRowBytes);
    }
    let len = (h - 1)
        .checked_mul(b.rowBytes)
        .and_then(|n| n.checked_add(row))
        .ok_or(kvImageInvalidParameter)?;
    (b.data as usize)
        .checked_add(len)
        .filter(|&end| end <= isize::MAX as usize)
        .ok_or(kvImageInvalidParameter)?;
    Ok((b.data as usize, len, b.rowBytes))
}

/// Runs `plan` over plane spans (sources copied first when they overlap a
/// destination). Nothing is written unless geometry checks pass.
///
/// # Safety
/// Every span is readable (sources) / writable (destinations) memory that
/// nothing else accesses meanwhile; destination spans are disjoint.
pub(crate) unsafe fn run_plan(
    plan: &ConversionPlan,
    width: usize,
    height: usize,
    sources: &[PlaneSpan],
    destinations: &[PlaneSpan],
) -> Result<(), vImage_Error> {
    let overlaps = |a: &PlaneSpan, b: &PlaneSpan| a.0 < b.0 + b.1 && b.0 < a.0 + a.1;
    for (i, a) in destinations.iter().enumerate() {
        if destinations[i + 1..].iter().any(|b| overlaps(a, b)) {
            return Err(kvImageInvalidParameter);
        }
    }
    let copies: Vec<Option<Vec<u8>>> = sources
        .iter()
        .map(|s| {
            destinations.iter().any(|d| overlaps(s, d)).then(|| {
                // SAFETY: readable per the contract.
                unsafe { std::slice::from_raw_parts(s.0 as *const u8, s.1) }.to_vec()
            })
        })
        .collect();
    let src: Vec<SourcePlane<'_>> = sources
        .iter()
        .zip(&copies)
        .map(|(&(addr, len, bytes_per_row), copy)| SourcePlane {
            data: match copy {
                Some(c) => c,
                None if len == 0 => &[],
                // SAFETY: readable and not written (no overlap) per the
                // contract.
                None => unsafe { std::slice::from_raw_parts(addr as *const u8, len) },
            },
            bytes_per_row,
        })
        .collect();
    let mut dst: Vec<DestPlane<'_>> = destinations
        .iter()
        .map(|&(addr, len, bytes_per_row)| DestPlane {
            data: if len == 0 {
                &mut []
            } else {
                // SAFETY: writable, disjoint, unaliased per the contract.
                unsafe { std::slice::from_raw_parts_mut(addr as *mut u8, len) }
            },
            bytes_per_row,
        })
        .collect();
    plan.convert(
        &SourceFrame {
            width,
            height,
            planes: &src,
        },
        &mut DestFrame {
            width,
            height,
            planes: &mut dst,
        },
    )
    .map_err(convert_status)
}

/// Converts `srcs` into `dests` with `converter`. Each array holds one
/// `vImage_Buffer` per plane in the converter's buffer order
/// (`vImageConverter_GetSourceBufferOrder` / `…DestinationBufferOrder`).
/// The first destination buffer's size is the image size; each source
/// plane must be at least as large as that size needs (larger sources are
/// read from their top-left corner). `tempBuffer` is not used (may be
/// NULL); with `kvImageGetTempBufferSize` nothing happens and 0 is
/// returned. Flags: `kvImageDoNotTile`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageGetTempBufferSize`.
///
/// Errors: `kvImageNullPointerArgument` (NULL converter, array or buffer
/// data), `kvImageInvalidParameter` (not a converter; destinations that
/// overlap each other), `kvImageBufferSizeMismatch`,
/// `kvImageInvalidRowBytes`, `kvImageUnknownFlagsBit`. Nothing is written
/// on error. Subsampled destinations: a partial chroma block at the
/// right/bottom edge is computed from the pixels present.
///
/// Thread safety: any number of threads may use one converter at once.
///
/// # Safety
/// `srcs`/`dests` NULL or arrays of as many buffers as the converter
/// takes, describing readable / writable memory.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConvert_AnyToAny(
    converter: vImageConverterRef,
    srcs: *const vImage_Buffer,
    dests: *const vImage_Buffer,
    tempBuffer: *mut c_void,
    flags: vImage_Flags,
) -> vImage_Error {
    let _ = tempBuffer;
    vimage_call!("vImageConvert_AnyToAny", flags, 0, {
        if converter.is_null() || srcs.is_null() || dests.is_null() {
            return Err(kvImageNullPointerArgument);
        }
        // SAFETY: per the contract.
        let c = unsafe { converter_ref(converter) }.ok_or(kvImageInvalidParameter)?;
        let plan = &c.value.plan;
        // SAFETY: at least one buffer per the contract.
        let first = unsafe { dests.read_unaligned() };
        let width = usize::try_from(first.width).map_err(|_| kvImageInvalidParameter)?;
        let height = usize::try_from(first.height).map_err(|_| kvImageInvalidParameter)?;
        if width == 0 || height == 0 {
            return Ok(kvImageNoError);
        }
        let mut src_spans = Vec::new();
        for i in 0..c.value.source_count() {
            // SAFETY: the array holds source_count buffers per the contract.
            src_spans.push(unsafe { buffer_span(srcs.add(i), plan.source, i, width, height)? });
        }
        let mut dst_spans = Vec::new();
        for i in 0..c.value.destination_count() {
            // SAFETY: as above.
            dst_spans
                .push(unsafe { buffer_span(dests.add(i), plan.destination, i, width, height)? });
        }
        // SAFETY: the spans describe the caller's buffers per the contract.
        unsafe { run_plan(&plan.plan, width, height, &src_spans, &dst_spans)? };
        Ok(kvImageNoError)
    })
}
