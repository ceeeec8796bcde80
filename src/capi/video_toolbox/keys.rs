//! Every VideoToolbox string constant for pixel transfer, pixel rotation and
//! the generic property API (videotoolbox.md §3–§5).
//!
//! Apple's headers never spell these strings; values marked "unverified" use
//! the constant's suffix, the spelling the verified ones follow (README
//! behaviour table). Sessions compare keys with `CFEqual`, so a client's
//! `CFSTR("ScalingMode")` works as well as the symbol.
#![allow(non_upper_case_globals)]

use crate::capi::core_foundation::types::CFStringRef;
use crate::cf_constant_string;

// ---- Pixel transfer property keys (videotoolbox.md §3). Strings: the key's suffix; `ScalingMode`, `DestinationCleanAperture`, `DestinationPixelAspectRatio` and `DownsamplingMode` are seen in public dumps, the rest unverified. ----

/// `"ScalingMode"`.
#[unsafe(no_mangle)]
pub static kVTPixelTransferPropertyKey_ScalingMode: CFStringRef =
    cf_constant_string!("ScalingMode");

/// `"DestinationCleanAperture"`.
#[unsafe(no_mangle)]
pub static kVTPixelTransferPropertyKey_DestinationCleanAperture: CFStringRef =
    cf_constant_string!("DestinationCleanAperture");

/// `"DestinationPixelAspectRatio"`.
#[unsafe(no_mangle)]
pub static kVTPixelTransferPropertyKey_DestinationPixelAspectRatio: CFStringRef =
    cf_constant_string!("DestinationPixelAspectRatio");

/// `"DownsamplingMode"`.
#[unsafe(no_mangle)]
pub static kVTPixelTransferPropertyKey_DownsamplingMode: CFStringRef =
    cf_constant_string!("DownsamplingMode");

/// `"DestinationColorPrimaries"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPixelTransferPropertyKey_DestinationColorPrimaries: CFStringRef =
    cf_constant_string!("DestinationColorPrimaries");

/// `"DestinationTransferFunction"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPixelTransferPropertyKey_DestinationTransferFunction: CFStringRef =
    cf_constant_string!("DestinationTransferFunction");

/// `"DestinationICCProfile"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPixelTransferPropertyKey_DestinationICCProfile: CFStringRef =
    cf_constant_string!("DestinationICCProfile");

/// `"DestinationYCbCrMatrix"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPixelTransferPropertyKey_DestinationYCbCrMatrix: CFStringRef =
    cf_constant_string!("DestinationYCbCrMatrix");

/// `"RealTime"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPixelTransferPropertyKey_RealTime: CFStringRef = cf_constant_string!("RealTime");

// ---- Private Apple keys that real clients (WebKit) set by symbol name; accepted and ignored (videotoolbox.md §3.4). ----

/// `"EnableHardwareAcceleratedTransfer"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPixelTransferPropertyKey_EnableHardwareAcceleratedTransfer: CFStringRef =
    cf_constant_string!("EnableHardwareAcceleratedTransfer");

/// `"EnableHighSpeedTransfer"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPixelTransferPropertyKey_EnableHighSpeedTransfer: CFStringRef =
    cf_constant_string!("EnableHighSpeedTransfer");

// ---- Scaling-mode values (§3.1). ----

/// `"Normal"`.
#[unsafe(no_mangle)]
pub static kVTScalingMode_Normal: CFStringRef = cf_constant_string!("Normal");

/// `"CropSourceToCleanAperture"`.
#[unsafe(no_mangle)]
pub static kVTScalingMode_CropSourceToCleanAperture: CFStringRef =
    cf_constant_string!("CropSourceToCleanAperture");

/// `"Letterbox"`.
#[unsafe(no_mangle)]
pub static kVTScalingMode_Letterbox: CFStringRef = cf_constant_string!("Letterbox");

/// `"Trim"`.
#[unsafe(no_mangle)]
pub static kVTScalingMode_Trim: CFStringRef = cf_constant_string!("Trim");

// ---- Downsampling-mode values (§3.2). ----

/// `"Decimate"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTDownsamplingMode_Decimate: CFStringRef = cf_constant_string!("Decimate");

/// `"Average"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTDownsamplingMode_Average: CFStringRef = cf_constant_string!("Average");

// ---- Pixel rotation property keys and values (§4.1). ----

/// `"Rotation"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPixelRotationPropertyKey_Rotation: CFStringRef = cf_constant_string!("Rotation");

/// `"FlipHorizontalOrientation"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPixelRotationPropertyKey_FlipHorizontalOrientation: CFStringRef =
    cf_constant_string!("FlipHorizontalOrientation");

/// `"FlipVerticalOrientation"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPixelRotationPropertyKey_FlipVerticalOrientation: CFStringRef =
    cf_constant_string!("FlipVerticalOrientation");

/// `"0"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTRotation_0: CFStringRef = cf_constant_string!("0");

/// `"CW90"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTRotation_CW90: CFStringRef = cf_constant_string!("CW90");

/// `"180"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTRotation_180: CFStringRef = cf_constant_string!("180");

/// `"CCW90"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTRotation_CCW90: CFStringRef = cf_constant_string!("CCW90");

// ---- Property-description keys and values (VTSession.h, §5). ----

/// `"PropertyType"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPropertyTypeKey: CFStringRef = cf_constant_string!("PropertyType");

/// `"Enumeration"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPropertyType_Enumeration: CFStringRef = cf_constant_string!("Enumeration");

/// `"Boolean"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPropertyType_Boolean: CFStringRef = cf_constant_string!("Boolean");

/// `"Number"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPropertyType_Number: CFStringRef = cf_constant_string!("Number");

/// `"ReadWriteStatus"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPropertyReadWriteStatusKey: CFStringRef = cf_constant_string!("ReadWriteStatus");

/// `"ReadOnly"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPropertyReadWriteStatus_ReadOnly: CFStringRef = cf_constant_string!("ReadOnly");

/// `"ReadWrite"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPropertyReadWriteStatus_ReadWrite: CFStringRef = cf_constant_string!("ReadWrite");

/// `"ShouldBeSerialized"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPropertyShouldBeSerializedKey: CFStringRef =
    cf_constant_string!("ShouldBeSerialized");

/// `"SupportedValueMinimum"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPropertySupportedValueMinimumKey: CFStringRef =
    cf_constant_string!("SupportedValueMinimum");

/// `"SupportedValueMaximum"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPropertySupportedValueMaximumKey: CFStringRef =
    cf_constant_string!("SupportedValueMaximum");

/// `"SupportedValueList"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPropertySupportedValueListKey: CFStringRef =
    cf_constant_string!("SupportedValueList");

/// `"Documentation"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kVTPropertyDocumentationKey: CFStringRef = cf_constant_string!("Documentation");
