//! The ITU-T H.273 code-point conversions of CVImageBuffer.h
//! (`CVYCbCrMatrixGetIntegerCodePointForString` and friends).
//!
//! The mapping itself lives in `core::color::code_point`; this shim only
//! turns the strings it names back into the exported constants, because
//! Apple returns those very constants (clients may compare by pointer).
#![allow(non_snake_case)]

use std::ffi::c_int;

use super::keys::*;
use crate::capi::core_foundation::string::string_value;
use crate::capi::core_foundation::types::{CFStringRef, CfRef};
use crate::core::color::code_point;

/// The attachment-value constant of one family spelled `text`.
pub(crate) fn matrix_constant(text: &str) -> Option<CFStringRef> {
    Some(match text {
        "ITU_R_709_2" => kCVImageBufferYCbCrMatrix_ITU_R_709_2,
        "ITU_R_601_4" => kCVImageBufferYCbCrMatrix_ITU_R_601_4,
        "SMPTE_240M_1995" => kCVImageBufferYCbCrMatrix_SMPTE_240M_1995,
        "ITU_R_2020" => kCVImageBufferYCbCrMatrix_ITU_R_2020,
        "DCI_P3" => kCVImageBufferYCbCrMatrix_DCI_P3,
        "P3_D65" => kCVImageBufferYCbCrMatrix_P3_D65,
        _ => return None,
    })
}

pub(crate) fn primaries_constant(text: &str) -> Option<CFStringRef> {
    Some(match text {
        "ITU_R_709_2" => kCVImageBufferColorPrimaries_ITU_R_709_2,
        "EBU_3213" => kCVImageBufferColorPrimaries_EBU_3213,
        "SMPTE_C" => kCVImageBufferColorPrimaries_SMPTE_C,
        "P22" => kCVImageBufferColorPrimaries_P22,
        "DCI_P3" => kCVImageBufferColorPrimaries_DCI_P3,
        "P3_D65" => kCVImageBufferColorPrimaries_P3_D65,
        "ITU_R_2020" => kCVImageBufferColorPrimaries_ITU_R_2020,
        _ => return None,
    })
}

pub(crate) fn transfer_constant(text: &str) -> Option<CFStringRef> {
    Some(match text {
        "ITU_R_709_2" => kCVImageBufferTransferFunction_ITU_R_709_2,
        "SMPTE_240M_1995" => kCVImageBufferTransferFunction_SMPTE_240M_1995,
        "UseGamma" => kCVImageBufferTransferFunction_UseGamma,
        "IEC_sRGB" => kCVImageBufferTransferFunction_sRGB,
        "ITU_R_2020" => kCVImageBufferTransferFunction_ITU_R_2020,
        "SMPTE_ST_428_1" => kCVImageBufferTransferFunction_SMPTE_ST_428_1,
        "SMPTE_ST_2084_PQ" => kCVImageBufferTransferFunction_SMPTE_ST_2084_PQ,
        "ITU_R_2100_HLG" => kCVImageBufferTransferFunction_ITU_R_2100_HLG,
        "Linear" => kCVImageBufferTransferFunction_Linear,
        _ => return None,
    })
}

/// # Safety
/// `s` must be NULL or a live object.
unsafe fn text_of(s: CFStringRef) -> Option<String> {
    // SAFETY: forwarded contract.
    unsafe { string_value(s) }
}

/// The H.273 MatrixCoefficients code point for a `kCVImageBufferYCbCrMatrix_*`
/// string (compared by value, so `CFSTR("ITU_R_709_2")` works); 2
/// ("unspecified") for NULL, a non-string or an unknown string.
///
/// # Safety
/// `yCbCrMatrixString` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVYCbCrMatrixGetIntegerCodePointForString(
    yCbCrMatrixString: CFStringRef,
) -> c_int {
    ffi_guard!(2, {
        // SAFETY: per this function's contract.
        let text = unsafe { text_of(yCbCrMatrixString) };
        code_point::ycbcr_matrix_code_point(text.as_deref())
    })
}

/// The H.273 ColourPrimaries code point for a `kCVImageBufferColorPrimaries_*`
/// string; 2 for NULL or unknown.
///
/// # Safety
/// `colorPrimariesString` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVColorPrimariesGetIntegerCodePointForString(
    colorPrimariesString: CFStringRef,
) -> c_int {
    ffi_guard!(2, {
        // SAFETY: per this function's contract.
        let text = unsafe { text_of(colorPrimariesString) };
        code_point::color_primaries_code_point(text.as_deref())
    })
}

/// The H.273 TransferCharacteristics code point for a
/// `kCVImageBufferTransferFunction_*` string; 2 for NULL, unknown, or
/// `UseGamma` (which has no code point).
///
/// # Safety
/// `transferFunctionString` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVTransferFunctionGetIntegerCodePointForString(
    transferFunctionString: CFStringRef,
) -> c_int {
    ffi_guard!(2, {
        // SAFETY: per this function's contract.
        let text = unsafe { text_of(transferFunctionString) };
        code_point::transfer_function_code_point(text.as_deref())
    })
}

/// The `kCVImageBufferYCbCrMatrix_*` constant (+0) for an H.273 code point;
/// NULL for 2 and for code points CoreVideo has no string for. Any `int` is
/// accepted (FFmpeg passes raw AVCOL_* values).
#[unsafe(no_mangle)]
pub extern "C" fn CVYCbCrMatrixGetStringForIntegerCodePoint(
    yCbCrMatrixCodePoint: c_int,
) -> CFStringRef {
    ffi_guard!(CFStringRef::null(), {
        code_point::ycbcr_matrix_string(yCbCrMatrixCodePoint)
            .and_then(matrix_constant)
            .unwrap_or_else(CFStringRef::null)
    })
}

/// The `kCVImageBufferColorPrimaries_*` constant (+0) for an H.273 code
/// point; NULL for 2 and unknown code points.
#[unsafe(no_mangle)]
pub extern "C" fn CVColorPrimariesGetStringForIntegerCodePoint(
    colorPrimariesCodePoint: c_int,
) -> CFStringRef {
    ffi_guard!(CFStringRef::null(), {
        code_point::color_primaries_string(colorPrimariesCodePoint)
            .and_then(primaries_constant)
            .unwrap_or_else(CFStringRef::null)
    })
}

/// The `kCVImageBufferTransferFunction_*` constant (+0) for an H.273 code
/// point; NULL for 2 and unknown code points.
#[unsafe(no_mangle)]
pub extern "C" fn CVTransferFunctionGetStringForIntegerCodePoint(
    transferFunctionCodePoint: c_int,
) -> CFStringRef {
    ffi_guard!(CFStringRef::null(), {
        code_point::transfer_function_string(transferFunctionCodePoint)
            .and_then(transfer_constant)
            .unwrap_or_else(CFStringRef::null)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string the core can return has an exported constant, so no
    /// code point silently maps to NULL.
    #[test]
    fn every_core_string_has_a_constant() {
        for cp in -1..64 {
            if let Some(s) = code_point::ycbcr_matrix_string(cp) {
                assert!(matrix_constant(s).is_some(), "matrix {s}");
            }
            if let Some(s) = code_point::color_primaries_string(cp) {
                assert!(primaries_constant(s).is_some(), "primaries {s}");
            }
            if let Some(s) = code_point::transfer_function_string(cp) {
                assert!(transfer_constant(s).is_some(), "transfer {s}");
            }
        }
    }
}
