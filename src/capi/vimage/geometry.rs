//! Geometry operations (vimage-ops.md §2): for now
//! `vImageVerticalReflect_ARGB8888`, which Apple's Core Video
//! interoperability examples call; branch `vimage-ops-b` brings the rest.
#![allow(non_snake_case)]

use super::buffer::{PixelSize, one_to_one, status};
use super::types::*;
use crate::core::vimage::geometry::vertical_reflect;

/// Writes `src` upside down into `dest` (four 8-bit channels per pixel,
/// any order). The buffers must have the same size; they may be the same
/// memory (in place).
///
/// Errors (nothing written): `kvImageNullPointerArgument`,
/// `kvImageInvalidRowBytes`, `kvImageBufferSizeMismatch`,
/// `kvImageUnknownFlagsBit` (flags other than `kvImageDoNotTile`,
/// `kvImagePrintDiagnosticsToConsole`, `kvImageGetTempBufferSize`, which
/// returns 0).
///
/// # Safety
/// `src`/`dest` NULL or describing readable / writable memory.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageVerticalReflect_ARGB8888(
    src: *const vImage_Buffer,
    dest: *const vImage_Buffer,
    flags: vImage_Flags,
) -> vImage_Error {
    vimage_call!("vImageVerticalReflect_ARGB8888", flags, 0, {
        // SAFETY: the buffers describe caller memory per the contract.
        let (s, mut d) = unsafe {
            one_to_one::<u8, u8>(src, PixelSize::Elements(4), dest, PixelSize::Elements(4))?
        };
        vertical_reflect(&s.plane(), &mut d).map_err(status)?;
        Ok(kvImageNoError)
    })
}
