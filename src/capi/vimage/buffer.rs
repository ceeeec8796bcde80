//! `vImage_Buffer` → core views, and the steps every vImage function shares:
//! flag checks, the temp-buffer size query, diagnostics, error mapping.
//!
//! Every vImage export goes through here, so the rules are the same for
//! all of them (README behaviour table, "vImage buffers"):
//! - a NULL `vImage_Buffer*` → `kvImageNullPointerArgument`; NULL `data`
//!   with a non-empty size → `kvImageNullPointerArgument`; a zero width or
//!   height is a valid empty image (data may be NULL) and nothing is done;
//!   its other dimension is ignored (it counts as 0 × 0 in size checks);
//! - `rowBytes` shorter than one row of pixels → `kvImageInvalidRowBytes`;
//!   for 16- and 32-bit element types `rowBytes` must also be a multiple of
//!   the element size (Apple: undefined behaviour) → `kvImageInvalidRowBytes`,
//!   and `data` aligned to it (Apple: undefined) → `kvImageInvalidParameter`;
//!   rows extending past the address space → `kvImageInvalidParameter`;
//! - sources that overlap a destination are copied first, so in-place and
//!   partially overlapping calls give the out-of-place result; two
//!   destinations that overlap each other → `kvImageInvalidParameter`.
//!
//! Typical use in an export:
//!
//! ```ignore
//! vimage_call!("vImageFoo_ARGB8888", flags, ACCEPTED, {
//!     // SAFETY: ...
//!     let (src, dest) = unsafe { one_to_one::<u8, u8>(src, PixelSize::Elements(4), dest, PixelSize::Elements(4))? };
//!     core::vimage::foo(&src.plane(), dest).map_err(status)?;
//!     Ok(kvImageNoError)
//! })
//! ```

// The vImage error constants keep Apple's spelling, also in patterns.
#![allow(non_upper_case_globals)]
// Until the vImage exports that use every helper land (issue 6).
#![allow(dead_code)]

use std::mem::{align_of, size_of};

use super::types::*;
use crate::core::image::{ImageError, Plane, PlaneMut, ViewError};

/// The flags every vImage function accepts besides its own: running on the
/// calling thread is all pixelport does anyway, diagnostics are printed by
/// [`finish`], and the temp-buffer size query is answered by
/// [`vimage_call!`].
pub(crate) const COMMON_FLAGS: vImage_Flags =
    kvImageDoNotTile | kvImagePrintDiagnosticsToConsole | kvImageGetTempBufferSize;

/// How big one pixel of a buffer is, in elements of the view's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PixelSize {
    /// Whole elements per pixel (1 for planar, 4 for ARGB8888 as `u8`,
    /// 4 for ARGBFFFF as `f32`, …).
    Elements(usize),
    /// Sub-byte pixels (Planar1/2/4) in a `u8` view: bits per pixel; rows
    /// are padded to a whole byte.
    Bits(usize),
}

impl PixelSize {
    /// Elements of one row of `width` pixels.
    fn row_len(self, width: usize) -> Option<usize> {
        match self {
            PixelSize::Elements(n) => width.checked_mul(n),
            PixelSize::Bits(bits) => Some(width.checked_mul(bits)?.div_ceil(8)),
        }
    }
}

/// A validated `vImage_Buffer`: geometry in elements of `T`, memory not
/// yet borrowed.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Described<T> {
    data: *mut T,
    width: usize,
    height: usize,
    row_len: usize,
    stride: usize,
    /// Elements spanned, from `data`.
    extent: usize,
}

impl<T> Described<T> {
    pub fn width(&self) -> usize {
        self.width
    }
    pub fn height(&self) -> usize {
        self.height
    }

    fn byte_range(&self) -> (usize, usize) {
        let start = self.data as usize;
        (start, start + self.extent * size_of::<T>())
    }

    fn overlaps<U>(&self, other: &Described<U>) -> bool {
        let (a0, a1) = self.byte_range();
        let (b0, b1) = other.byte_range();
        a0 < b1 && b0 < a1 && a0 != a1 && b0 != b1
    }
}

/// Checks a caller's buffer for pixels of `pixel` size in elements of `T`.
///
/// # Safety
/// `buffer` must be NULL or point to a readable `vImage_Buffer`.
pub(crate) unsafe fn describe<T>(
    buffer: *const vImage_Buffer,
    pixel: PixelSize,
) -> Result<Described<T>, vImage_Error> {
    if buffer.is_null() {
        return Err(kvImageNullPointerArgument);
    }
    // SAFETY: non-NULL and readable per the contract; read unaligned so a
    // caller's packed struct cannot trip us.
    let b = unsafe { buffer.read_unaligned() };
    let width = usize::try_from(b.width).map_err(|_| kvImageInvalidParameter)?;
    let height = usize::try_from(b.height).map_err(|_| kvImageInvalidParameter)?;
    let row_len = pixel.row_len(width).ok_or(kvImageInvalidParameter)?;
    let element = size_of::<T>();
    if width == 0 || height == 0 {
        // Both dimensions become 0: kernels loop over rows or columns, and
        // a 0 × 4294967295 image would otherwise cost billions of empty
        // iterations (or a scratch row of that width) for no pixels.
        return Ok(Described {
            data: b.data.cast(),
            width: 0,
            height: 0,
            row_len: 0,
            stride: 0,
            extent: 0,
        });
    }
    if b.data.is_null() {
        return Err(kvImageNullPointerArgument);
    }
    let row_bytes = row_len
        .checked_mul(element)
        .ok_or(kvImageInvalidParameter)?;
    if b.rowBytes < row_bytes || b.rowBytes % element != 0 {
        return Err(kvImageInvalidRowBytes);
    }
    if (b.data as usize) % align_of::<T>() != 0 {
        return Err(kvImageInvalidParameter);
    }
    let stride = b.rowBytes / element;
    let extent =
        crate::core::image::extent(height, row_len, stride).ok_or(kvImageInvalidParameter)?;
    let end = extent
        .checked_mul(element)
        .and_then(|bytes| (b.data as usize).checked_add(bytes))
        .ok_or(kvImageInvalidParameter)?;
    if end > isize::MAX as usize {
        return Err(kvImageInvalidParameter);
    }
    Ok(Described {
        data: b.data.cast(),
        width,
        height,
        row_len,
        stride,
        extent,
    })
}

/// The rows a kernel reads: the caller's memory, or a copy of it when it
/// overlaps a destination.
#[derive(Debug)]
pub(crate) enum SourceRows<'a, T> {
    Borrowed(Plane<'a, T>),
    Copied {
        data: Vec<T>,
        width: usize,
        height: usize,
        row_len: usize,
    },
}

impl<T> SourceRows<'_, T> {
    /// The view to hand to the core.
    pub fn plane(&self) -> Plane<'_, T> {
        match self {
            SourceRows::Borrowed(p) => *p,
            SourceRows::Copied {
                data,
                width,
                height,
                row_len,
            } => Plane::packed(data, *width, *height, *row_len)
                .expect("a packed copy holds exactly its rows"),
        }
    }
}

/// # Safety
/// `d` came from [`describe`] on memory readable for its extent during `'a`
/// that no live `&mut` aliases.
unsafe fn borrow<'a, T>(d: &Described<T>) -> Plane<'a, T> {
    let data: &'a [T] = if d.extent == 0 {
        &[]
    } else {
        // SAFETY: `describe` checked non-NULL, alignment and that the extent
        // fits the address space; readable and unaliased per the contract.
        unsafe { std::slice::from_raw_parts(d.data, d.extent) }
    };
    Plane::new(data, d.width, d.height, d.row_len, d.stride.max(d.row_len))
        .expect("describe checked the geometry")
}

/// # Safety
/// As [`borrow`], and writable, and no other live reference overlaps it.
unsafe fn borrow_mut<'a, T>(d: &Described<T>) -> PlaneMut<'a, T> {
    let data: &'a mut [T] = if d.extent == 0 {
        &mut []
    } else {
        // SAFETY: as `borrow`, plus exclusive per the contract.
        unsafe { std::slice::from_raw_parts_mut(d.data, d.extent) }
    };
    PlaneMut::new(data, d.width, d.height, d.row_len, d.stride.max(d.row_len))
        .expect("describe checked the geometry")
}

/// Borrowed sources and destinations, in the order given.
pub(crate) type Borrowed<'a, S, D> = (Vec<SourceRows<'a, S>>, Vec<PlaneMut<'a, D>>);

/// Borrows sources and destinations together. Sources overlapping any
/// destination are copied first; destinations overlapping each other are
/// refused (`kvImageInvalidParameter`).
///
/// # Safety
/// Every descriptor came from [`describe`] on a buffer whose memory is
/// readable (sources) or writable (destinations) for the duration of `'a`
/// and is not accessed by anything else meanwhile.
pub(crate) unsafe fn borrow_all<'a, S: Copy, D>(
    sources: &[Described<S>],
    destinations: &[Described<D>],
) -> Result<Borrowed<'a, S, D>, vImage_Error> {
    for (i, a) in destinations.iter().enumerate() {
        if destinations[i + 1..].iter().any(|b| a.overlaps(b)) {
            return Err(kvImageInvalidParameter);
        }
    }
    let mut rows = Vec::with_capacity(sources.len());
    for s in sources {
        // SAFETY: readable per the contract; no `&mut` exists yet.
        let plane = unsafe { borrow::<S>(s) };
        if destinations.iter().any(|d| s.overlaps(d)) {
            let mut data = Vec::new();
            data.try_reserve_exact(s.row_len * s.height)
                .map_err(|_| kvImageMemoryAllocationError)?;
            for row in plane.rows() {
                data.extend_from_slice(row);
            }
            rows.push(SourceRows::Copied {
                data,
                width: s.width,
                height: s.height,
                row_len: s.row_len,
            });
        } else {
            rows.push(SourceRows::Borrowed(plane));
        }
    }
    // SAFETY: every overlapping source was copied and dropped its borrow
    // above; destinations are pairwise disjoint; writable per the contract.
    let outs = destinations
        .iter()
        .map(|d| unsafe { borrow_mut::<D>(d) })
        .collect();
    Ok((rows, outs))
}

/// The common one-source, one-destination case.
///
/// # Safety
/// `src` and `dest` are NULL or point to `vImage_Buffer`s describing memory
/// readable (source) / writable (destination) for `'a`.
pub(crate) unsafe fn one_to_one<'a, S: Copy, D>(
    src: *const vImage_Buffer,
    src_pixel: PixelSize,
    dest: *const vImage_Buffer,
    dest_pixel: PixelSize,
) -> Result<(SourceRows<'a, S>, PlaneMut<'a, D>), vImage_Error> {
    // SAFETY: forwarded contract.
    let s = unsafe { describe::<S>(src, src_pixel)? };
    // SAFETY: forwarded contract.
    let d = unsafe { describe::<D>(dest, dest_pixel)? };
    // SAFETY: forwarded contract.
    let (mut sources, mut dests) = unsafe { borrow_all(&[s], &[d])? };
    match (sources.pop(), dests.pop()) {
        (Some(s), Some(d)) => Ok((s, d)),
        _ => Err(kvImageInternalError),
    }
}

/// A destination alone (fills, generators).
///
/// # Safety
/// `dest` is NULL or points to a `vImage_Buffer` describing memory writable
/// for `'a` and not otherwise accessed meanwhile.
pub(crate) unsafe fn destination<'a, D>(
    dest: *const vImage_Buffer,
    pixel: PixelSize,
) -> Result<PlaneMut<'a, D>, vImage_Error> {
    // SAFETY: forwarded contract.
    let d = unsafe { describe::<D>(dest, pixel)? };
    // SAFETY: forwarded contract; a single view cannot overlap another.
    Ok(unsafe { borrow_mut(&d) })
}

/// A source alone (histograms, statistics).
///
/// # Safety
/// `src` is NULL or points to a `vImage_Buffer` describing memory readable
/// for `'a`.
pub(crate) unsafe fn source<'a, S>(
    src: *const vImage_Buffer,
    pixel: PixelSize,
) -> Result<Plane<'a, S>, vImage_Error> {
    // SAFETY: forwarded contract.
    let s = unsafe { describe::<S>(src, pixel)? };
    // SAFETY: forwarded contract.
    Ok(unsafe { borrow(&s) })
}

/// `Err(kvImageUnknownFlagsBit)` when `flags` has a bit outside
/// `accepted | COMMON_FLAGS`.
pub(crate) fn check_flags(flags: vImage_Flags, accepted: vImage_Flags) -> Result<(), vImage_Error> {
    if flags & !(accepted | COMMON_FLAGS) != 0 {
        Err(kvImageUnknownFlagsBit)
    } else {
        Ok(())
    }
}

/// The `vImage_Error` of a core refusal.
pub(crate) fn status(error: ImageError) -> vImage_Error {
    match error {
        ImageError::SizeMismatch => kvImageBufferSizeMismatch,
        ImageError::RoiLargerThanInput => kvImageRoiLargerThanInputBuffer,
        ImageError::InvalidParameter => kvImageInvalidParameter,
        ImageError::InvalidKernelSize => kvImageInvalidKernelSize,
        ImageError::InvalidEdgeStyle => kvImageInvalidEdgeStyle,
        ImageError::InvalidOffsetX => kvImageInvalidOffset_X,
        ImageError::InvalidOffsetY => kvImageInvalidOffset_Y,
        ImageError::OutOfMemory => kvImageMemoryAllocationError,
        ImageError::UnsupportedConversion => kvImageUnsupportedConversion,
        ImageError::InvalidImageFormat => kvImageInvalidImageFormat,
    }
}

/// The `vImage_Error` of a view that does not fit its memory (only
/// reachable for views the shim builds itself).
pub(crate) fn view_status(error: ViewError) -> vImage_Error {
    match error {
        ViewError::StrideTooSmall => kvImageInvalidRowBytes,
        ViewError::TooShort => kvImageInvalidParameter,
    }
}

/// A short English name for an error, for diagnostics.
fn error_name(error: vImage_Error) -> &'static str {
    match error {
        kvImageRoiLargerThanInputBuffer => "kvImageRoiLargerThanInputBuffer",
        kvImageInvalidKernelSize => "kvImageInvalidKernelSize",
        kvImageInvalidEdgeStyle => "kvImageInvalidEdgeStyle",
        kvImageInvalidOffset_X => "kvImageInvalidOffset_X",
        kvImageInvalidOffset_Y => "kvImageInvalidOffset_Y",
        kvImageMemoryAllocationError => "kvImageMemoryAllocationError",
        kvImageNullPointerArgument => "kvImageNullPointerArgument",
        kvImageInvalidParameter => "kvImageInvalidParameter",
        kvImageBufferSizeMismatch => "kvImageBufferSizeMismatch",
        kvImageUnknownFlagsBit => "kvImageUnknownFlagsBit",
        kvImageInternalError => "kvImageInternalError",
        kvImageInvalidRowBytes => "kvImageInvalidRowBytes",
        kvImageInvalidImageFormat => "kvImageInvalidImageFormat",
        kvImageOutOfPlaceOperationRequired => "kvImageOutOfPlaceOperationRequired",
        kvImageInvalidImageObject => "kvImageInvalidImageObject",
        kvImageInvalidCVImageFormat => "kvImageInvalidCVImageFormat",
        kvImageUnsupportedConversion => "kvImageUnsupportedConversion",
        _ => "vImage error",
    }
}

/// Turns a body's result into the return value, printing a diagnostic to
/// stderr on error when `kvImagePrintDiagnosticsToConsole` is set.
pub(crate) fn finish(
    function: &str,
    flags: vImage_Flags,
    result: Result<vImage_Error, vImage_Error>,
) -> vImage_Error {
    match result {
        Ok(value) => value,
        Err(error) => {
            if flags & kvImagePrintDiagnosticsToConsole != 0 {
                eprintln!("{function}: {} ({error})", error_name(error));
            }
            error
        }
    }
}

/// The body of a vImage export: catches panics (→ `kvImageInternalError`),
/// rejects unknown flag bits, answers `kvImageGetTempBufferSize` with 0
/// (pixelport's vImage functions allocate what they need themselves; a
/// function that wants another answer handles the flag itself and
/// includes it in `$accepted`), runs `$body` (a block evaluating to
/// `Result<vImage_Error, vImage_Error>`, `?` allowed) and reports errors
/// through [`finish`].
#[macro_export]
macro_rules! vimage_call {
    ($name:expr, $flags:expr, $accepted:expr, $body:block) => {{
        let flags: $crate::capi::vimage::types::vImage_Flags = $flags;
        $crate::ffi_guard!($crate::capi::vimage::types::kvImageInternalError, {
            #[allow(clippy::redundant_closure_call)]
            let result: Result<
                $crate::capi::vimage::types::vImage_Error,
                $crate::capi::vimage::types::vImage_Error,
            > = (|| {
                $crate::capi::vimage::buffer::check_flags(flags, $accepted)?;
                if ($accepted & $crate::capi::vimage::types::kvImageGetTempBufferSize) == 0
                    && (flags & $crate::capi::vimage::types::kvImageGetTempBufferSize) != 0
                {
                    return Ok(0);
                }
                $body
            })();
            $crate::capi::vimage::buffer::finish($name, flags, result)
        })
    }};
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::c_void;

    fn buffer(data: &mut [u8], width: usize, height: usize, row_bytes: usize) -> vImage_Buffer {
        vImage_Buffer {
            data: data.as_mut_ptr().cast::<c_void>(),
            height: height as _,
            width: width as _,
            rowBytes: row_bytes,
        }
    }

    #[test]
    fn null_and_short_rows_are_refused() {
        // SAFETY: NULL is allowed.
        let r = unsafe { describe::<u8>(std::ptr::null(), PixelSize::Elements(1)) };
        assert_eq!(r.unwrap_err(), kvImageNullPointerArgument);
        let mut mem = [0u8; 64];
        let mut b = buffer(&mut mem, 4, 2, 15);
        // SAFETY: `b` describes `mem`.
        let r = unsafe { describe::<u8>(&b, PixelSize::Elements(4)) };
        assert_eq!(r.unwrap_err(), kvImageInvalidRowBytes);
        b.data = std::ptr::null_mut();
        b.rowBytes = 16;
        // SAFETY: NULL data is checked.
        let r = unsafe { describe::<u8>(&b, PixelSize::Elements(4)) };
        assert_eq!(r.unwrap_err(), kvImageNullPointerArgument);
        b.width = 0;
        // SAFETY: empty images read nothing.
        assert!(unsafe { describe::<u8>(&b, PixelSize::Elements(4)) }.is_ok());
    }

    #[test]
    fn float_rows_must_be_whole_elements() {
        let mut mem = [0u8; 64];
        let base = (4 - (mem.as_ptr() as usize) % 4) % 4;
        let b = buffer(&mut mem[base..], 2, 2, 10);
        // SAFETY: `b` describes `mem`.
        let r = unsafe { describe::<f32>(&b, PixelSize::Elements(1)) };
        assert_eq!(r.unwrap_err(), kvImageInvalidRowBytes);
        let b = buffer(&mut mem[base + 1..], 2, 2, 8);
        // SAFETY: as above.
        let r = unsafe { describe::<f32>(&b, PixelSize::Elements(1)) };
        assert_eq!(r.unwrap_err(), kvImageInvalidParameter);
    }

    #[test]
    fn huge_extents_are_refused() {
        let mut mem = [0u8; 8];
        let b = buffer(&mut mem, 1, usize::MAX / 2, 4);
        // SAFETY: refused before any access.
        let r = unsafe { describe::<u8>(&b, PixelSize::Elements(1)) };
        assert_eq!(r.unwrap_err(), kvImageInvalidParameter);
    }

    #[test]
    fn sub_byte_rows_round_up() {
        let mut mem = [0u8; 8];
        let b = buffer(&mut mem, 9, 2, 2);
        // SAFETY: `b` describes `mem`.
        let d = unsafe { describe::<u8>(&b, PixelSize::Bits(1)) }.unwrap();
        assert_eq!((d.row_len, d.stride), (2, 2));
    }

    #[test]
    fn an_overlapping_source_is_read_before_the_destination_is_written() {
        let mut mem: Vec<u8> = (0..16).collect();
        let b = buffer(&mut mem, 4, 4, 4);
        // SAFETY: both describe `mem`, which nothing else touches.
        let (src, mut dest) =
            unsafe { one_to_one::<u8, u8>(&b, PixelSize::Elements(1), &b, PixelSize::Elements(1)) }
                .unwrap();
        assert!(matches!(src, SourceRows::Copied { .. }));
        let plane = src.plane();
        for y in 0..4 {
            let from = plane.row(3 - y);
            dest.row_mut(y).copy_from_slice(from);
        }
        assert_eq!(&mem[..4], &[12, 13, 14, 15]);
        assert_eq!(&mem[12..], &[0, 1, 2, 3]);
    }

    #[test]
    fn overlapping_destinations_are_refused() {
        let mut mem = [0u8; 16];
        let a = buffer(&mut mem, 4, 2, 4);
        let b = vImage_Buffer {
            data: a.data.wrapping_byte_add(4),
            ..a
        };
        // SAFETY: both describe `mem`.
        let (da, db) = unsafe {
            (
                describe::<u8>(&a, PixelSize::Elements(1)).unwrap(),
                describe::<u8>(&b, PixelSize::Elements(1)).unwrap(),
            )
        };
        // SAFETY: refused before borrowing.
        let r = unsafe { borrow_all::<u8, u8>(&[], &[da, db]) };
        assert_eq!(r.unwrap_err(), kvImageInvalidParameter);
    }

    #[test]
    fn flags_outside_the_accepted_set_are_refused() {
        assert_eq!(
            check_flags(kvImageEdgeExtend, 0),
            Err(kvImageUnknownFlagsBit)
        );
        assert_eq!(
            check_flags(kvImageDoNotTile | kvImageEdgeExtend, kvImageEdgeExtend),
            Ok(())
        );
        let r = vimage_call!("t", kvImageGetTempBufferSize, 0, {
            Err(kvImageInvalidParameter)
        });
        assert_eq!(r, 0);
        let r = vimage_call!("t", kvImageNoFlags, 0, { Err(kvImageInvalidParameter) });
        assert_eq!(r, kvImageInvalidParameter);
    }
}
