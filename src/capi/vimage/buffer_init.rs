//! `vImageBuffer_Init` and `vImageBuffer_GetSize` (vImage_Utilities.h,
//! vimage-core.md §5). The row rule is `core::vimage::buffer_init`'s.
#![allow(non_snake_case)]

use std::ffi::c_void;

use super::types::*;
use crate::capi::core_graphics::types::CGSize;
use crate::core::vimage::buffer_init::{DATA_ALIGNMENT, ROW_ALIGNMENT, data_size, row_bytes};

/// `malloc`-compatible memory of `size` bytes (at least 1), aligned to
/// [`DATA_ALIGNMENT`], so the caller's `free(buffer.data)` is right.
pub(crate) fn allocate(size: usize) -> Option<*mut c_void> {
    let mut out: *mut c_void = std::ptr::null_mut();
    // SAFETY: `out` is a valid out-pointer; the alignment is a power of two
    // and a multiple of sizeof(void *).
    let rc = unsafe { libc::posix_memalign(&mut out, DATA_ALIGNMENT, size.max(1)) };
    (rc == 0 && !out.is_null()).then_some(out)
}

/// The geometry `vImageBuffer_Init` picks, as (rowBytes, bytes).
pub(crate) fn geometry(
    height: vImagePixelCount,
    width: vImagePixelCount,
    pixel_bits: u32,
) -> Result<(usize, usize), vImage_Error> {
    let width = usize::try_from(width).map_err(|_| kvImageInvalidParameter)?;
    let height = usize::try_from(height).map_err(|_| kvImageInvalidParameter)?;
    let row = row_bytes(width, pixel_bits).ok_or(kvImageInvalidParameter)?;
    let size = data_size(height, row).ok_or(kvImageMemoryAllocationError)?;
    Ok((row, size))
}

/// Fills `*buf` for a `width`×`height` image of `pixelBits` bits per pixel
/// (per component for planar data): `rowBytes` is the row's whole bytes
/// rounded up to a multiple of 16 (width 10 at 8 bits → 16), and `data` is
/// new memory (64-byte aligned) that the caller releases with `free()`.
/// A zero width or height is valid (`data` is still a freeable, non-NULL
/// pointer).
///
/// With `kvImageNoAllocate`: sets `data` to NULL, fills the geometry and
/// returns the preferred alignment of `data` (16) instead of
/// `kvImageNoError`.
///
/// Errors (nothing written): `kvImageNullPointerArgument` (NULL `buf`),
/// `kvImageInvalidParameter` (`pixelBits` 0, a row that overflows),
/// `kvImageMemoryAllocationError`, `kvImageUnknownFlagsBit` (flags other
/// than `kvImageNoAllocate`, `kvImagePrintDiagnosticsToConsole`,
/// `kvImageDoNotTile`).
///
/// # Safety
/// `buf` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageBuffer_Init(
    buf: *mut vImage_Buffer,
    height: vImagePixelCount,
    width: vImagePixelCount,
    pixelBits: u32,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageBuffer_Init", flags, kvImageNoAllocate, {
        if buf.is_null() {
            return Err(kvImageNullPointerArgument);
        }
        let (row, size) = geometry(height, width, pixelBits)?;
        let no_allocate = flags & kvImageNoAllocate != 0;
        let data = if no_allocate {
            std::ptr::null_mut()
        } else {
            allocate(size).ok_or(kvImageMemoryAllocationError)?
        };
        // SAFETY: writable per the contract.
        unsafe {
            buf.write_unaligned(vImage_Buffer {
                data,
                height,
                width,
                rowBytes: row,
            })
        };
        Ok(if no_allocate {
            ROW_ALIGNMENT as vImage_Error
        } else {
            kvImageNoError
        })
    })
}

/// `{width, height}` of `buf` as CGFloats, each rounded down to the
/// largest representable value not above the count. `{0, 0}` for NULL.
///
/// # Safety
/// `buf` NULL or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageBuffer_GetSize(buf: *const vImage_Buffer) -> CGSize {
    ffi_guard!(CGSize::default(), {
        if buf.is_null() {
            return CGSize::default();
        }
        // SAFETY: readable per the contract.
        let b = unsafe { buf.read_unaligned() };
        CGSize {
            width: down(b.width),
            height: down(b.height),
        }
    })
}

/// `n` as the largest f64 ≤ n (plain `as` rounds to nearest).
fn down(n: vImagePixelCount) -> f64 {
    let f = n as f64;
    if (f as u128) > u128::from(n) {
        f64::from_bits(f.to_bits() - 1)
    } else {
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_size_rounds_down() {
        assert_eq!(down(10), 10.0);
        let big = (1u64 << 60) + 1;
        assert!(down(big as _) as u128 <= u128::from(big));
        assert!(down(u64::MAX as _) as u128 <= u128::from(u64::MAX));
    }

    #[test]
    fn init_follows_the_row_rule() {
        let mut b = vImage_Buffer {
            data: std::ptr::null_mut(),
            height: 0,
            width: 0,
            rowBytes: 0,
        };
        // SAFETY: `b` is writable.
        let r = unsafe { vImageBuffer_Init(&mut b, 3, 10, 8, kvImageNoAllocate) };
        assert_eq!((r, b.rowBytes, b.height, b.width), (16, 16, 3, 10));
        // SAFETY: as above.
        let r = unsafe { vImageBuffer_Init(&mut b, 3, 10, 32, 0) };
        assert_eq!((r, b.rowBytes), (0, 48));
        assert!(!b.data.is_null());
        // SAFETY: allocated by posix_memalign.
        unsafe { libc::free(b.data) };
        // SAFETY: NULL is checked.
        let r = unsafe { vImageBuffer_Init(std::ptr::null_mut(), 1, 1, 8, 0) };
        assert_eq!(r, kvImageNullPointerArgument);
        // SAFETY: `b` is writable.
        let r = unsafe { vImageBuffer_Init(&mut b, 1, 1, 8, kvImageEdgeExtend) };
        assert_eq!(r, kvImageUnknownFlagsBit);
    }
}
