//! VideoToolbox's C types and `OSStatus` error codes (videotoolbox.md §1, §6),
//! as VTSession.h, VTPixelTransferSession.h, VTPixelRotationSession.h and
//! VTErrors.h define them.
//!
//! Apple lists the error codes in an anonymous enum; they become `#define`s in
//! the generated header. The whole list is here, not only the codes pixel
//! transfer returns, because Apple code switches over them.
//! `kVTLogTransferFunctionMismatchErr` (27 beta) is left out: its value is not
//! published anywhere we could check.
#![allow(non_camel_case_types, non_upper_case_globals)]

use std::mem::size_of;

use crate::capi::core_foundation::types::{CFTypeRef, CfRef, OSStatus, impl_cf_ref};

/// Any VideoToolbox session, for the `VTSession…` property functions.
pub type VTSessionRef = CFTypeRef;

/// Opaque VTPixelTransferSession storage.
pub struct OpaqueVTPixelTransferSession {
    _private: [u8; 0],
}
/// Opaque VTPixelRotationSession storage.
pub struct OpaqueVTPixelRotationSession {
    _private: [u8; 0],
}

/// A session that copies/converts/scales one pixel buffer into another (a CF type).
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VTPixelTransferSessionRef(pub *mut OpaqueVTPixelTransferSession);
/// A session that rotates/flips one pixel buffer into another (a CF type).
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VTPixelRotationSessionRef(pub *mut OpaqueVTPixelRotationSession);

impl_cf_ref!(
    VTPixelTransferSessionRef => *mut OpaqueVTPixelTransferSession,
    VTPixelRotationSessionRef => *mut OpaqueVTPixelRotationSession,
);

const _: () = {
    assert!(size_of::<VTPixelTransferSessionRef>() == size_of::<CFTypeRef>());
    assert!(size_of::<VTPixelRotationSessionRef>() == size_of::<CFTypeRef>());
};

pub const kVTPropertyNotSupportedErr: OSStatus = -12900;
pub const kVTPropertyReadOnlyErr: OSStatus = -12901;
pub const kVTParameterErr: OSStatus = -12902;
pub const kVTInvalidSessionErr: OSStatus = -12903;
pub const kVTAllocationFailedErr: OSStatus = -12904;
pub const kVTPixelTransferNotSupportedErr: OSStatus = -12905;
pub const kVTCouldNotFindVideoDecoderErr: OSStatus = -12906;
pub const kVTCouldNotCreateInstanceErr: OSStatus = -12907;
pub const kVTCouldNotFindVideoEncoderErr: OSStatus = -12908;
pub const kVTVideoDecoderBadDataErr: OSStatus = -12909;
pub const kVTVideoDecoderUnsupportedDataFormatErr: OSStatus = -12910;
pub const kVTVideoDecoderMalfunctionErr: OSStatus = -12911;
pub const kVTVideoEncoderMalfunctionErr: OSStatus = -12912;
pub const kVTVideoDecoderNotAvailableNowErr: OSStatus = -12913;
/// Deprecated spelling of `kVTPixelRotationNotSupportedErr` (same value).
pub const kVTImageRotationNotSupportedErr: OSStatus = -12914;
pub const kVTPixelRotationNotSupportedErr: OSStatus = -12914;
pub const kVTVideoEncoderNotAvailableNowErr: OSStatus = -12915;
pub const kVTFormatDescriptionChangeNotSupportedErr: OSStatus = -12916;
pub const kVTInsufficientSourceColorDataErr: OSStatus = -12917;
pub const kVTCouldNotCreateColorCorrectionDataErr: OSStatus = -12918;
pub const kVTColorSyncTransformConvertFailedErr: OSStatus = -12919;
pub const kVTVideoDecoderAuthorizationErr: OSStatus = -12210;
pub const kVTVideoEncoderAuthorizationErr: OSStatus = -12211;
pub const kVTColorCorrectionPixelTransferFailedErr: OSStatus = -12212;
pub const kVTMultiPassStorageIdentifierMismatchErr: OSStatus = -12213;
pub const kVTMultiPassStorageInvalidErr: OSStatus = -12214;
pub const kVTFrameSiloInvalidTimeStampErr: OSStatus = -12215;
pub const kVTFrameSiloInvalidTimeRangeErr: OSStatus = -12216;
pub const kVTCouldNotFindTemporalFilterErr: OSStatus = -12217;
pub const kVTPixelTransferNotPermittedErr: OSStatus = -12218;
pub const kVTColorCorrectionImageRotationFailedErr: OSStatus = -12219;
pub const kVTVideoDecoderRemovedErr: OSStatus = -17690;
pub const kVTSessionMalfunctionErr: OSStatus = -17691;
pub const kVTVideoDecoderNeedsRosettaErr: OSStatus = -17692;
pub const kVTVideoEncoderNeedsRosettaErr: OSStatus = -17693;
pub const kVTVideoDecoderReferenceMissingErr: OSStatus = -17694;
pub const kVTVideoDecoderCallbackMessagingErr: OSStatus = -17695;
pub const kVTVideoDecoderUnknownErr: OSStatus = -17696;
pub const kVTExtensionDisabledErr: OSStatus = -17697;
pub const kVTVideoEncoderMVHEVCVideoLayerIDsMismatchErr: OSStatus = -17698;
pub const kVTCouldNotOutputTaggedBufferGroupErr: OSStatus = -17699;
pub const kVTCouldNotFindExtensionErr: OSStatus = -19510;
pub const kVTExtensionConflictErr: OSStatus = -19511;
/// Added in the 26.0 SDKs; not in the stored headers, value from the
/// `dotnet/macios` `VTStatus` binding.
pub const kVTVideoEncoderAutoWhiteBalanceNotLockedErr: OSStatus = -19512;
