//! vImage's colour-space constructors (vimage-corevideo.md §5) and the
//! ColorSync-based converter, which Linux has no ColorSync for.
#![allow(non_snake_case)]

use super::buffer::{check_flags, finish};
use super::types::*;
use crate::capi::core_foundation::types::{CFTypeRef, CfRef};
use crate::capi::core_graphics::color_space::new_color_space;
use crate::capi::core_graphics::types::{CGColorRenderingIntent, CGColorSpaceRef, CGFloat};
use crate::capi::handle;
use crate::core::color::primaries::{Chromaticities, Xy};
use crate::core::color::transfer::ParametricCurve;
use crate::core::vimage::color_space::{gray_space, rgb_space};

fn curve(tf: &vImageTransferFunction) -> ParametricCurve {
    ParametricCurve {
        c0: tf.c0,
        c1: tf.c1,
        c2: tf.c2,
        c3: tf.c3,
        gamma: tf.gamma,
        cutoff: tf.cutoff,
        c4: tf.c4,
        c5: tf.c5,
    }
}

/// Writes `status` and returns `space` (NULL on error), printing a
/// diagnostic when asked.
///
/// # Safety
/// `error` NULL or writable.
unsafe fn deliver(
    name: &str,
    flags: vImage_Flags,
    result: Result<CGColorSpaceRef, vImage_Error>,
    error: *mut vImage_Error,
) -> CGColorSpaceRef {
    let (space, status) = match result {
        Ok(s) => (s, kvImageNoError),
        Err(e) => (CGColorSpaceRef::null(), finish(name, flags, Err(e))),
    };
    // SAFETY: per the contract.
    unsafe { handle::write_out(error, status) };
    space
}

/// A new (+1) RGB colour space with these primaries and this transfer
/// function (linear → non-linear), used exactly as given (no 1/1.961
/// substitution). When they equal a CoreVideo set and curve, the space is
/// the matching named one (BT.709 primaries + the BT.709 curve →
/// `kCGColorSpaceITUR_709`) and converters can match colours with it;
/// other spaces convert only to an equal space. `intent` is accepted and
/// ignored. `error` may be NULL; it is always written.
///
/// Errors (NULL returned): `kvImageNullPointerArgument` (NULL `primaries`
/// or `tf`), `kvImageInvalidParameter` (`tf->gamma` 0, non-finite values,
/// primaries that give no RGB ↔ XYZ matrix), `kvImageUnknownFlagsBit`
/// (only `kvImagePrintDiagnosticsToConsole` is understood).
///
/// # Safety
/// Pointers NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCreateRGBColorSpaceWithPrimariesAndTransferFunction(
    primaries: *const vImageRGBPrimaries,
    tf: *const vImageTransferFunction,
    intent: CGColorRenderingIntent,
    flags: vImage_Flags,
    error: *mut vImage_Error,
) -> CGColorSpaceRef {
    let _ = intent;
    ffi_guard!(CGColorSpaceRef::null(), {
        let result = (|| {
            check_flags(flags & !kvImageDoNotTile, 0)?;
            if primaries.is_null() || tf.is_null() {
                return Err(kvImageNullPointerArgument);
            }
            // SAFETY: readable per the contract.
            let (p, t) = unsafe { (primaries.read_unaligned(), tf.read_unaligned()) };
            let xy = |x: f32, y: f32| Xy::new(f64::from(x), f64::from(y));
            let c = Chromaticities {
                red: xy(p.red_x, p.red_y),
                green: xy(p.green_x, p.green_y),
                blue: xy(p.blue_x, p.blue_y),
                white: xy(p.white_x, p.white_y),
            };
            let space = rgb_space(c, curve(&t)).map_err(|_| kvImageInvalidParameter)?;
            Ok(new_color_space(space))
        })();
        // SAFETY: per the contract.
        unsafe {
            deliver(
                "vImageCreateRGBColorSpaceWithPrimariesAndTransferFunction",
                flags,
                result,
                error,
            )
        }
    })
}

/// A new (+1) gray colour space with this transfer function; the white
/// point must have y > 0 and is otherwise not used (pixelport's gray has no
/// chromaticity). Same rules and errors as
/// `vImageCreateRGBColorSpaceWithPrimariesAndTransferFunction`.
///
/// # Safety
/// Pointers NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCreateMonochromeColorSpaceWithWhitePointAndTransferFunction(
    whitePoint: *const vImageWhitePoint,
    tf: *const vImageTransferFunction,
    intent: CGColorRenderingIntent,
    flags: vImage_Flags,
    error: *mut vImage_Error,
) -> CGColorSpaceRef {
    let _ = intent;
    ffi_guard!(CGColorSpaceRef::null(), {
        let result = (|| {
            check_flags(flags & !kvImageDoNotTile, 0)?;
            if whitePoint.is_null() || tf.is_null() {
                return Err(kvImageNullPointerArgument);
            }
            // SAFETY: readable per the contract.
            let (w, t) = unsafe { (whitePoint.read_unaligned(), tf.read_unaligned()) };
            let space =
                gray_space(f64::from(w.white_y), curve(&t)).map_err(|_| kvImageInvalidParameter)?;
            Ok(new_color_space(space))
        })();
        // SAFETY: per the contract.
        unsafe {
            deliver(
                "vImageCreateMonochromeColorSpaceWithWhitePointAndTransferFunction",
                flags,
                result,
                error,
            )
        }
    })
}

/// Always NULL with `*error = kvImageColorSyncIsAbsent` (`error` may be
/// NULL): Linux has no ColorSync. Use
/// `vImageConverter_CreateWithCGImageFormat` instead.
///
/// # Safety
/// `error` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageConverter_CreateWithColorSyncCodeFragment(
    codeFragment: CFTypeRef,
    srcFormat: *const vImage_CGImageFormat,
    destFormat: *const vImage_CGImageFormat,
    backgroundColor: *const CGFloat,
    flags: vImage_Flags,
    error: *mut vImage_Error,
) -> vImageConverterRef {
    let _ = (codeFragment, srcFormat, destFormat, backgroundColor);
    ffi_guard!(vImageConverterRef::null(), {
        let status = finish(
            "vImageConverter_CreateWithColorSyncCodeFragment",
            flags,
            Err(kvImageColorSyncIsAbsent),
        );
        // SAFETY: per the contract.
        unsafe { handle::write_out(error, status) };
        vImageConverterRef::null()
    })
}
