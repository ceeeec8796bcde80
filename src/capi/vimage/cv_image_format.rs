//! `vImageCVImageFormatRef` (vImage_CVUtilities.h, vimage-corevideo.md
//! §1.1, §4): a CV pixel format plus the colour information a conversion
//! needs (matrix, chroma siting, colour space, alpha hint), as a CF type.
//!
//! Facts derived from the 4CC (channels, descriptions, buffer order) come
//! from `core::vimage::cv_format`. The mutable pieces live behind a mutex;
//! getters hand out pointers into the object (matrix, descriptions,
//! channel names), valid while the format lives and not changed by a
//! concurrent setter of another piece. As Apple documents, a format must
//! not be mutated while other threads read it (use
//! `vImageCVImageFormat_Copy`).
#![allow(non_snake_case, non_upper_case_globals)]

use std::ffi::{c_int, c_void};
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::types::*;
use crate::capi::core_foundation::types::{CFHashCode, CFStringRef, CfRef};
use crate::capi::core_graphics::color_space::CgColorSpace;
use crate::capi::core_graphics::types::CGColorSpaceRef;
use crate::capi::core_video::image_buffer::CVImageBufferGetColorSpace;
use crate::capi::core_video::keys::*;
use crate::capi::core_video::pixel_buffer::CvPixelBuffer;
use crate::capi::core_video::types::CVPixelBufferRef;
use crate::capi::handle;
use crate::capi::runtime::class::TypeKind;
use crate::capi::runtime::object::{CfClass, CfObject, Retained};
use crate::core::color::{ChromaSiting, YCbCrMatrix, attachment_keys};
use crate::core::vimage::cv_format::{ChannelRange, CvFormatFacts};
use crate::core::vimage::interop::{self, CvSide};

/// The user data pointer and its release callback.
#[derive(Clone, Copy)]
struct UserData {
    data: *mut c_void,
    release: vImageCVImageFormat_UserDataReleaseCallback,
}

/// The settable pieces.
struct State {
    /// Boxed so the address `GetConversionMatrix` returns stays put.
    matrix: Option<Box<vImage_ARGBToYpCbCrMatrix>>,
    siting: Option<ChromaSiting>,
    color_space: Option<Retained<CgColorSpace>>,
    alpha_is_one: bool,
    /// One per channel, in `names` order; boxed slice so addresses stay put.
    descriptions: Box<[vImageChannelDescription]>,
    user_data: Option<UserData>,
}

/// The payload of a vImageCVImageFormat.
pub struct VImageCvImageFormat {
    facts: CvFormatFacts,
    /// Channel names, EndOfList-terminated.
    names: Box<[vImageBufferTypeCode]>,
    state: Mutex<State>,
}

// SAFETY: the user data pointer is only handed back to C and to the
// creator's callback; every other field is Send + Sync.
unsafe impl Send for VImageCvImageFormat {}
// SAFETY: as above; mutation goes through the mutex.
unsafe impl Sync for VImageCvImageFormat {}

impl CfClass for VImageCvImageFormat {
    const KIND: TypeKind = TypeKind::CvImageFormat;

    /// Identity only: formats are mutable.
    fn cf_equal(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }

    fn cf_hash(&self) -> CFHashCode {
        self.facts.format.code as CFHashCode
    }

    fn describe(&self) -> String {
        format!(
            "<vImageCVImageFormat> ({})",
            crate::core::pixel_format::code_string(self.facts.format.code)
        )
    }
}

impl Drop for VImageCvImageFormat {
    fn drop(&mut self) {
        let user = self
            .state
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .user_data
            .take();
        if let Some(UserData {
            data,
            release: Some(release),
        }) = user
        {
            let offset = std::mem::offset_of!(CfObject<VImageCvImageFormat>, value);
            let object = (self as *mut Self as *mut u8).wrapping_sub(offset);
            // SAFETY: the creator's callback with the pointers it gave us;
            // the object's memory is still allocated (its count is 0, so
            // retaining it in the callback is the caller's UB, as on Apple).
            unsafe { release(vImageCVImageFormatRef(object.cast()), data) };
        }
    }
}

fn range_to_c(r: ChannelRange) -> vImageChannelDescription {
    vImageChannelDescription {
        min: r.min,
        zero: r.zero,
        full: r.full,
        max: r.max,
    }
}

/// The C matrix of a CoreVideo matrix.
pub(crate) fn matrix_to_c(m: YCbCrMatrix) -> vImage_ARGBToYpCbCrMatrix {
    let r = m.rgb_to_ycbcr();
    vImage_ARGBToYpCbCrMatrix {
        R_Yp: r[0][0] as f32,
        G_Yp: r[0][1] as f32,
        B_Yp: r[0][2] as f32,
        R_Cb: r[1][0] as f32,
        G_Cb: r[1][1] as f32,
        B_Cb_R_Cr: r[1][2] as f32,
        G_Cr: r[2][1] as f32,
        B_Cr: r[2][2] as f32,
    }
}

/// The 3×3 rows of a C matrix (`B_Cb_R_Cr` is both `[1][2]` and `[2][0]`).
fn matrix_rows(m: &vImage_ARGBToYpCbCrMatrix) -> [[f64; 3]; 3] {
    let f = f64::from;
    [
        [f(m.R_Yp), f(m.G_Yp), f(m.B_Yp)],
        [f(m.R_Cb), f(m.G_Cb), f(m.B_Cb_R_Cr)],
        [f(m.B_Cb_R_Cr), f(m.G_Cr), f(m.B_Cr)],
    ]
}

fn siting_constant(s: ChromaSiting) -> CFStringRef {
    match s {
        ChromaSiting::Left => kCVImageBufferChromaLocation_Left,
        ChromaSiting::Center => kCVImageBufferChromaLocation_Center,
        ChromaSiting::TopLeft => kCVImageBufferChromaLocation_TopLeft,
        ChromaSiting::Top => kCVImageBufferChromaLocation_Top,
        ChromaSiting::BottomLeft => kCVImageBufferChromaLocation_BottomLeft,
        ChromaSiting::Bottom => kCVImageBufferChromaLocation_Bottom,
        ChromaSiting::Dv420 => kCVImageBufferChromaLocation_DV420,
    }
}

impl VImageCvImageFormat {
    fn new(facts: CvFormatFacts) -> VImageCvImageFormat {
        let mut names: Vec<u32> = facts.channels.iter().map(|(n, _)| *n).collect();
        names.push(kvImageBufferTypeCode_EndOfList);
        let descriptions = facts.channels.iter().map(|(_, r)| range_to_c(*r)).collect();
        VImageCvImageFormat {
            facts,
            names: names.into_boxed_slice(),
            state: Mutex::new(State {
                matrix: None,
                siting: None,
                color_space: None,
                alpha_is_one: false,
                descriptions,
                user_data: None,
            }),
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn facts(&self) -> &CvFormatFacts {
        &self.facts
    }

    /// What a converter snapshots.
    pub(crate) fn side(&self) -> CvSide {
        let state = self.state();
        CvSide {
            facts: self.facts.clone(),
            matrix: state.matrix.as_deref().map(matrix_rows),
            siting: state.siting,
            color_space: state.color_space.as_ref().map(|s| s.value.space.clone()),
            alpha_is_one: state.alpha_is_one || !self.facts.has_alpha,
        }
    }
}

/// A new (+1) format for `code`, `None` for unknown codes.
fn create(code: u32) -> Option<Retained<VImageCvImageFormat>> {
    CvFormatFacts::new(code).map(|f| Retained::new(VImageCvImageFormat::new(f)))
}

/// The format behind a handle.
///
/// # Safety
/// `format` must be NULL or a live object.
pub(crate) unsafe fn format_ref<'a>(
    format: *const vImageCVImageFormat,
) -> Option<&'a CfObject<VImageCvImageFormat>> {
    // SAFETY: per the contract.
    unsafe { handle::object::<VImageCvImageFormat>(format.cast()) }
}

/// The format described by a pixel buffer's format and attachments: the
/// matrix from `kCVImageBufferYCbCrMatrixKey` (any CoreVideo matrix), the
/// siting from `kCVImageBufferChromaLocationTopFieldKey`, the colour space
/// `CVImageBufferGetColorSpace` gives. Missing pieces stay missing.
///
/// # Safety
/// `buffer` must be a live pixel buffer handle.
pub(crate) unsafe fn format_from_buffer(
    handle_ref: CVPixelBufferRef,
    buffer: &CvPixelBuffer,
) -> Option<Retained<VImageCvImageFormat>> {
    let format = create(buffer.pixel_format)?;
    let tag = |key| buffer.attachments.decoded(key);
    let matrix = tag(attachment_keys::YCBCR_MATRIX)
        .and_then(|v| v.as_str().and_then(YCbCrMatrix::from_cv_string));
    let siting = tag(attachment_keys::CHROMA_LOCATION_TOP_FIELD)
        .and_then(|v| v.as_str().and_then(ChromaSiting::from_cv_string));
    // SAFETY: a live buffer per the contract.
    let space = unsafe { CVImageBufferGetColorSpace(handle_ref) };
    // SAFETY: NULL or a live colour space the buffer keeps alive.
    let space = unsafe { handle::object::<CgColorSpace>(space.as_type()) };
    {
        let mut state = format.value.state();
        if format.value.facts.ycbcr {
            state.matrix = matrix.map(|m| Box::new(matrix_to_c(m)));
        }
        state.siting = siting;
        state.color_space = space
            .filter(|s| interop::space_fits(&format.value.facts, &s.value.space))
            .map(Retained::retain);
    }
    Some(format)
}

/// A new (+1) format describing `buffer`: its 4CC, and the matrix
/// (`kCVImageBufferYCbCrMatrixKey`), chroma siting
/// (`kCVImageBufferChromaLocationTopFieldKey`) and colour space
/// (`CVImageBufferGetColorSpace`) its attachments give. Missing
/// attachments leave those pieces missing (NULL from the getters); that is
/// not an error here, but converters need them. An attached colour space
/// whose model does not fit the format counts as missing.
///
/// NULL for NULL, a non-buffer or a format vImage cannot describe
/// (device-compressed, or registered at run time). Thread safety: any
/// thread.
///
/// # Safety
/// `buffer` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_CreateWithCVPixelBuffer(
    buffer: CVPixelBufferRef,
) -> vImageCVImageFormatRef {
    ffi_guard!(vImageCVImageFormatRef::null(), {
        let pb = try_ref!(buffer, CvPixelBuffer, vImageCVImageFormatRef::null());
        // SAFETY: checked live buffer.
        match unsafe { format_from_buffer(buffer, &pb.value) } {
            Some(f) => vImageCVImageFormatRef::from_type(f.into_raw()),
            None => vImageCVImageFormatRef::null(),
        }
    })
}

/// A new (+1) format for `imageFormatType` (a `kCVPixelFormatType_…`
/// value) with the given matrix (copied; ignored for formats that are not
/// Y'CbCr), chroma siting (one of the `kCVImageBufferChromaLocation_…`
/// strings, compared by text), colour space (retained) and alpha hint
/// (nonzero = alpha is opaque). Each of the three may be NULL (missing
/// until set). Channel count, names and descriptions come from the 4CC.
///
/// NULL for an unknown, device-compressed or run-time-registered 4CC, a
/// singular matrix, a
/// siting string that is no chroma location, or a colour space whose model
/// does not fit the format (RGB and Y'CbCr formats need an RGB space, gray
/// formats a monochrome one).
///
/// # Safety
/// `matrix` NULL or readable; the other handles NULL or live objects.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_Create(
    imageFormatType: u32,
    matrix: *const vImage_ARGBToYpCbCrMatrix,
    cvImageBufferChromaLocation: CFStringRef,
    baseColorspace: CGColorSpaceRef,
    alphaIsOneHint: c_int,
) -> vImageCVImageFormatRef {
    ffi_guard!(vImageCVImageFormatRef::null(), {
        let Some(format) = create(imageFormatType) else {
            return vImageCVImageFormatRef::null();
        };
        let f = &format.value;
        if !matrix.is_null() && f.facts.ycbcr {
            // SAFETY: non-NULL and readable per the contract.
            let m = unsafe { matrix.read_unaligned() };
            if !interop::invertible(&matrix_rows(&m)) {
                return vImageCVImageFormatRef::null();
            }
            f.state().matrix = Some(Box::new(m));
        }
        if !cvImageBufferChromaLocation.is_null() {
            // SAFETY: a live object per the contract.
            match unsafe { siting_of(cvImageBufferChromaLocation) } {
                Some(s) => f.state().siting = Some(s),
                None => return vImageCVImageFormatRef::null(),
            }
        }
        if !baseColorspace.is_null() {
            // SAFETY: a live object per the contract.
            match unsafe { handle::object::<CgColorSpace>(baseColorspace.as_type()) } {
                Some(s) if interop::space_fits(&f.facts, &s.value.space) => {
                    f.state().color_space = Some(Retained::retain(s));
                }
                _ => return vImageCVImageFormatRef::null(),
            }
        }
        f.state().alpha_is_one = alphaIsOneHint != 0;
        vImageCVImageFormatRef::from_type(format.into_raw())
    })
}

/// # Safety
/// `s` must be a live object.
unsafe fn siting_of(s: CFStringRef) -> Option<ChromaSiting> {
    // SAFETY: per the contract.
    let text = unsafe { handle::text(s.as_type()) }?;
    ChromaSiting::from_cv_string(&text.to_string_lossy())
}

/// A new (+1) deep copy of `format` (matrix, siting, colour space, hint,
/// channel descriptions), without its user data and release callback.
/// NULL for NULL or a non-format.
///
/// # Safety
/// `format` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_Copy(
    format: vImageConstCVImageFormatRef,
) -> vImageCVImageFormatRef {
    ffi_guard!(vImageCVImageFormatRef::null(), {
        // SAFETY: per the contract.
        let Some(src) = (unsafe { format_ref(format.0) }) else {
            return vImageCVImageFormatRef::null();
        };
        let copy = VImageCvImageFormat::new(src.value.facts.clone());
        {
            let from = src.value.state();
            let mut to = copy.state();
            to.matrix = from.matrix.clone();
            to.siting = from.siting;
            to.color_space = from.color_space.clone();
            to.alpha_is_one = from.alpha_is_one;
            to.descriptions = from.descriptions.clone();
        }
        vImageCVImageFormatRef::from_type(Retained::new(copy).into_raw())
    })
}

/// +1 on `fmt`. NULL or a non-format: nothing happens.
///
/// # Safety
/// `fmt` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_Retain(fmt: vImageCVImageFormatRef) {
    ffi_guard!((), {
        // SAFETY: per the contract.
        if let Some(f) = unsafe { format_ref(fmt.0) } {
            f.header().retain();
        }
    })
}

/// −1 on `fmt`; at zero the user data's release callback runs (if any),
/// then the format is destroyed. NULL or a non-format: nothing happens.
///
/// # Safety
/// `fmt` must be NULL or a live object the caller owns a reference to.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_Release(fmt: vImageCVImageFormatRef) {
    ffi_guard!((), {
        // SAFETY: per the contract.
        if let Some(f) = unsafe { format_ref(fmt.0) } {
            // SAFETY: the caller gives up its reference.
            unsafe { f.header().release() };
        }
    })
}

/// The 4CC (`kCVPixelFormatType_…` value); 0 for NULL or a non-format.
///
/// # Safety
/// `format` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_GetFormatCode(
    format: vImageConstCVImageFormatRef,
) -> u32 {
    ffi_guard!({
        // SAFETY: per the contract.
        unsafe { format_ref(format.0) }.map_or(0, |f| f.value.facts.format.code)
    })
}

/// Colour channels including alpha ('RGBA' → 4, 'yuvs' → 3); 0 for NULL
/// or a non-format.
///
/// # Safety
/// `format` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_GetChannelCount(
    format: vImageConstCVImageFormatRef,
) -> u32 {
    ffi_guard!({
        // SAFETY: per the contract.
        unsafe { format_ref(format.0) }.map_or(0, |f| f.value.facts.channels.len() as u32)
    })
}

/// The channel names, `kvImageBufferTypeCode_EndOfList`-terminated, owned
/// by the format (valid while it lives): {Luminance, Cb, Cr[, Alpha]} for
/// Y'CbCr, {RGB_Red, RGB_Green, RGB_Blue[, Alpha]} for RGB,
/// {Monochrome[, Alpha]} for gray, {Indexed} for indexed formats. NULL for
/// NULL or a non-format.
///
/// # Safety
/// `format` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_GetChannelNames(
    format: vImageConstCVImageFormatRef,
) -> *const vImageBufferTypeCode {
    ffi_guard!(std::ptr::null(), {
        // SAFETY: per the contract.
        unsafe { format_ref(format.0) }.map_or(std::ptr::null(), |f| f.value.names.as_ptr())
    })
}

/// The colour space (+0, not retained), or NULL when missing (NULL means
/// missing here, not sRGB), for NULL or a non-format.
///
/// # Safety
/// `format` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_GetColorSpace(
    format: vImageConstCVImageFormatRef,
) -> CGColorSpaceRef {
    ffi_guard!(CGColorSpaceRef::null(), {
        // SAFETY: per the contract.
        let Some(f) = (unsafe { format_ref(format.0) }) else {
            return CGColorSpaceRef::null();
        };
        let state = f.value.state();
        state
            .color_space
            .as_ref()
            .map_or(CGColorSpaceRef::null(), |s| {
                CGColorSpaceRef::from_type(s.as_type_ref())
            })
    })
}

/// Replaces the colour space (the new one retained, the old released);
/// NULL marks it missing. `kvImageInvalidParameter` when the space's model
/// does not fit the format (RGB and Y'CbCr formats need RGB, gray formats
/// monochrome) or `colorspace` is not a colour space; nothing changes on
/// error. `kvImageInvalidImageFormat` for a NULL or non-format `format`.
///
/// # Safety
/// Both handles NULL or live objects.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_SetColorSpace(
    format: vImageCVImageFormatRef,
    colorspace: CGColorSpaceRef,
) -> vImage_Error {
    ffi_guard!(kvImageInternalError, {
        // SAFETY: per the contract.
        let Some(f) = (unsafe { format_ref(format.0) }) else {
            return kvImageInvalidImageFormat;
        };
        let new = if colorspace.is_null() {
            None
        } else {
            // SAFETY: per the contract.
            match unsafe { handle::object::<CgColorSpace>(colorspace.as_type()) } {
                Some(s) if interop::space_fits(&f.value.facts, &s.value.space) => {
                    Some(Retained::retain(s))
                }
                _ => return kvImageInvalidParameter,
            }
        };
        let old = std::mem::replace(&mut f.value.state().color_space, new);
        drop(old);
        kvImageNoError
    })
}

/// The chroma siting (+0: one of the `kCVImageBufferChromaLocation_…`
/// constants), or NULL when missing, for NULL or a non-format.
///
/// # Safety
/// `format` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_GetChromaSiting(
    format: vImageConstCVImageFormatRef,
) -> CFStringRef {
    ffi_guard!(CFStringRef::null(), {
        // SAFETY: per the contract.
        unsafe { format_ref(format.0) }
            .and_then(|f| f.value.state().siting)
            .map_or(CFStringRef::null(), siting_constant)
    })
}

/// Sets the chroma siting (NULL = missing). The string is compared by text
/// with the `kCVImageBufferChromaLocation_…` values and stored as the
/// matching constant. Errors: `kvImageInvalidImageFormat` (NULL or
/// non-format `format`), `kvImageInvalidParameter` (not a chroma location).
/// Formats without subsampled chroma store it but never use it.
///
/// # Safety
/// Both handles NULL or live objects.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_SetChromaSiting(
    format: vImageCVImageFormatRef,
    siting: CFStringRef,
) -> vImage_Error {
    ffi_guard!(kvImageInternalError, {
        // SAFETY: per the contract.
        let Some(f) = (unsafe { format_ref(format.0) }) else {
            return kvImageInvalidImageFormat;
        };
        let new = if siting.is_null() {
            None
        } else {
            // SAFETY: per the contract.
            match unsafe { siting_of(siting) } {
                Some(s) => Some(s),
                None => return kvImageInvalidParameter,
            }
        };
        f.value.state().siting = new;
        kvImageNoError
    })
}

/// The format's RGB → Y'CbCr matrix (owned by the format, valid until it
/// changes or the format dies) and `*outType` =
/// `kvImageMatrixType_ARGBToYpCbCrMatrix`; NULL and
/// `kvImageMatrixType_None` when missing or the format is not Y'CbCr.
/// `outType` may be NULL.
///
/// Deviation: the pointer is always the format's own copy; Apple returns
/// the address of a predefined `kvImage_ARGBToYpCbCrMatrix_…` constant
/// that was set (compare values, not addresses).
///
/// # Safety
/// `format` NULL or a live object; `outType` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_GetConversionMatrix(
    format: vImageConstCVImageFormatRef,
    outType: *mut vImageMatrixType,
) -> *const c_void {
    ffi_guard!(std::ptr::null(), {
        // SAFETY: per the contract.
        let found = unsafe { format_ref(format.0) }.and_then(|f| {
            f.value
                .state()
                .matrix
                .as_deref()
                .map(|m| m as *const vImage_ARGBToYpCbCrMatrix)
        });
        let kind = if found.is_some() {
            kvImageMatrixType_ARGBToYpCbCrMatrix
        } else {
            kvImageMatrixType_None
        };
        // SAFETY: NULL or writable per the contract.
        unsafe { handle::write_out(outType, kind) };
        found.map_or(std::ptr::null(), |m| m.cast())
    })
}

/// Copies a matrix into the format (the setter; there is no
/// `…SetConversionMatrix`). `inType` must be
/// `kvImageMatrixType_ARGBToYpCbCrMatrix` and the matrix invertible.
/// Formats that are not Y'CbCr ignore it (no error), as Apple documents
/// for `kvImageMatrixType_None` formats.
/// Errors: `kvImageInvalidImageFormat` (NULL or non-format `format`),
/// `kvImageNullPointerArgument` (NULL `matrix`), `kvImageInvalidParameter`
/// (other type, singular matrix).
///
/// # Safety
/// `format` NULL or a live object; `matrix` NULL or readable for the type.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_CopyConversionMatrix(
    format: vImageCVImageFormatRef,
    matrix: *const c_void,
    inType: vImageMatrixType,
) -> vImage_Error {
    ffi_guard!(kvImageInternalError, {
        // SAFETY: per the contract.
        let Some(f) = (unsafe { format_ref(format.0) }) else {
            return kvImageInvalidImageFormat;
        };
        if matrix.is_null() {
            return kvImageNullPointerArgument;
        }
        if inType != kvImageMatrixType_ARGBToYpCbCrMatrix {
            return kvImageInvalidParameter;
        }
        // SAFETY: readable per the contract.
        let m = unsafe { matrix.cast::<vImage_ARGBToYpCbCrMatrix>().read_unaligned() };
        if !interop::invertible(&matrix_rows(&m)) {
            return kvImageInvalidParameter;
        }
        if f.value.facts.ycbcr {
            f.value.state().matrix = Some(Box::new(m));
        }
        kvImageNoError
    })
}

/// Nonzero when alpha is known to be opaque; formats without alpha report
/// 1. 0 for NULL or a non-format.
///
/// # Safety
/// `format` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_GetAlphaHint(
    format: vImageConstCVImageFormatRef,
) -> c_int {
    ffi_guard!(0, {
        // SAFETY: per the contract.
        unsafe { format_ref(format.0) }.map_or(0, |f| {
            c_int::from(!f.value.facts.has_alpha || f.value.state().alpha_is_one)
        })
    })
}

/// Stores the alpha hint (any nonzero value = opaque). Formats without
/// alpha keep reporting opaque. `kvImageInvalidParameter` for NULL or a
/// non-format.
///
/// # Safety
/// `format` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_SetAlphaHint(
    format: vImageCVImageFormatRef,
    alphaIsOne: c_int,
) -> vImage_Error {
    ffi_guard!(kvImageInternalError, {
        // SAFETY: per the contract.
        let Some(f) = (unsafe { format_ref(format.0) }) else {
            return kvImageInvalidParameter;
        };
        f.value.state().alpha_is_one = alphaIsOne != 0;
        kvImageNoError
    })
}

/// The range description of channel `type` (owned by the format), NULL
/// when the format has no such channel, for NULL or a non-format. The
/// descriptions document the format's coding; conversions always use the
/// format's own range.
///
/// # Safety
/// `format` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_GetChannelDescription(
    format: vImageConstCVImageFormatRef,
    r#type: vImageBufferTypeCode,
) -> *const vImageChannelDescription {
    ffi_guard!(std::ptr::null(), {
        // SAFETY: per the contract.
        let Some(f) = (unsafe { format_ref(format.0) }) else {
            return std::ptr::null();
        };
        let Some(i) = f.value.names.iter().position(|&n| n == r#type && n != 0) else {
            return std::ptr::null();
        };
        let state = f.value.state();
        &state.descriptions[i] as *const vImageChannelDescription
    })
}

/// Copies `*desc` in as the description of channel `type`.
/// `kvImageInvalidParameter` when `type` is not a channel of the format,
/// or `format` is NULL or a non-format; `kvImageNullPointerArgument` for
/// NULL `desc`.
///
/// # Safety
/// `format` NULL or a live object; `desc` NULL or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_CopyChannelDescription(
    format: vImageCVImageFormatRef,
    desc: *const vImageChannelDescription,
    r#type: vImageBufferTypeCode,
) -> vImage_Error {
    ffi_guard!(kvImageInternalError, {
        // SAFETY: per the contract.
        let Some(f) = (unsafe { format_ref(format.0) }) else {
            return kvImageInvalidParameter;
        };
        if desc.is_null() {
            return kvImageNullPointerArgument;
        }
        let Some(i) = f.value.names.iter().position(|&n| n == r#type && n != 0) else {
            return kvImageInvalidParameter;
        };
        // SAFETY: readable per the contract.
        let d = unsafe { desc.read_unaligned() };
        f.value.state().descriptions[i] = d;
        kvImageNoError
    })
}

/// The user data pointer, NULL if never set (or for NULL / a non-format).
///
/// # Safety
/// `format` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_GetUserData(
    format: vImageConstCVImageFormatRef,
) -> *mut c_void {
    ffi_guard!(std::ptr::null_mut(), {
        // SAFETY: per the contract.
        unsafe { format_ref(format.0) }
            .and_then(|f| f.value.state().user_data)
            .map_or(std::ptr::null_mut(), |u| u.data)
    })
}

/// Sets the user data and its release callback (either may be NULL). The
/// previous user data's callback runs first (also when the pointer is the
/// same), on this thread; the current one runs when the format dies.
/// Not atomic, not reentrant. `kvImageInvalidImageFormat` for NULL or a
/// non-format.
///
/// # Safety
/// `format` NULL or a live object; the callback must be callable with the
/// user data.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCVImageFormat_SetUserData(
    format: vImageCVImageFormatRef,
    userData: *mut c_void,
    userDataReleaseCallback: Option<
        unsafe extern "C" fn(callback_fmt: vImageCVImageFormatRef, callback_userData: *mut c_void),
    >,
) -> vImage_Error {
    ffi_guard!(kvImageInternalError, {
        // SAFETY: per the contract.
        let Some(f) = (unsafe { format_ref(format.0) }) else {
            return kvImageInvalidImageFormat;
        };
        let old = f.value.state().user_data.replace(UserData {
            data: userData,
            release: userDataReleaseCallback,
        });
        // Outside the lock: the callback may call back into the format.
        if let Some(UserData {
            data,
            release: Some(release),
        }) = old
        {
            // SAFETY: the creator's callback with its own pointer.
            unsafe { release(format, data) };
        }
        kvImageNoError
    })
}
