//! CoreFoundation values ↔ the typed session properties of
//! `core::transfer::properties`.
//!
//! Decoding and encoding go through the crate's one CF ↔ `Value` codec
//! (`core_foundation::property`); the key rules (a CFNumber where a CFString
//! or CFBoolean is expected is `kVTParameterErr`, as measured on macOS for
//! the rotation keys, behavior-notes.md item 23) live in
//! `core::transfer::properties`. Encoding hands back the exported constants
//! for enumeration values, so clients comparing by pointer keep working.

use super::keys::*;
use crate::capi::core_foundation::property;
use crate::capi::core_foundation::string::new_string;
use crate::capi::core_foundation::types::{CFStringRef, CFTypeRef, CfRef};
use crate::capi::core_video::code_point::{matrix_constant, primaries_constant, transfer_constant};
use crate::core::property::Value;
use crate::core::rotate::{Rotation, RotationKey};
use crate::core::transfer::properties::{TransferKey, ValueKind};

/// The exported key constant of a transfer-session property.
pub fn transfer_key_constant(key: TransferKey) -> CFStringRef {
    match key {
        TransferKey::ScalingMode => kVTPixelTransferPropertyKey_ScalingMode,
        TransferKey::DestinationCleanAperture => {
            kVTPixelTransferPropertyKey_DestinationCleanAperture
        }
        TransferKey::DestinationPixelAspectRatio => {
            kVTPixelTransferPropertyKey_DestinationPixelAspectRatio
        }
        TransferKey::DownsamplingMode => kVTPixelTransferPropertyKey_DownsamplingMode,
        TransferKey::DestinationColorPrimaries => {
            kVTPixelTransferPropertyKey_DestinationColorPrimaries
        }
        TransferKey::DestinationTransferFunction => {
            kVTPixelTransferPropertyKey_DestinationTransferFunction
        }
        TransferKey::DestinationICCProfile => kVTPixelTransferPropertyKey_DestinationICCProfile,
        TransferKey::DestinationYCbCrMatrix => kVTPixelTransferPropertyKey_DestinationYCbCrMatrix,
        TransferKey::RealTime => kVTPixelTransferPropertyKey_RealTime,
        TransferKey::EnableHardwareAcceleratedTransfer => {
            kVTPixelTransferPropertyKey_EnableHardwareAcceleratedTransfer
        }
        TransferKey::EnableHighSpeedTransfer => kVTPixelTransferPropertyKey_EnableHighSpeedTransfer,
    }
}

/// The exported constant for an enumeration value (a new string only if
/// there is none, which the key table makes impossible).
pub fn enumeration_constant(key: TransferKey, text: &str) -> CFStringRef {
    let constant = match key {
        TransferKey::ScalingMode => match text {
            "Normal" => Some(kVTScalingMode_Normal),
            "CropSourceToCleanAperture" => Some(kVTScalingMode_CropSourceToCleanAperture),
            "Letterbox" => Some(kVTScalingMode_Letterbox),
            "Trim" => Some(kVTScalingMode_Trim),
            _ => None,
        },
        TransferKey::DownsamplingMode => match text {
            "Decimate" => Some(kVTDownsamplingMode_Decimate),
            "Average" => Some(kVTDownsamplingMode_Average),
            _ => None,
        },
        TransferKey::DestinationColorPrimaries => primaries_constant(text),
        TransferKey::DestinationTransferFunction => transfer_constant(text),
        TransferKey::DestinationYCbCrMatrix => matrix_constant(text),
        _ => None,
    };
    constant.unwrap_or_else(|| new_string(text))
}

/// Decodes a (non-NULL) property value with the crate's CF decoder.
///
/// # Safety
/// `value` must be a live object.
pub unsafe fn decode(value: CFTypeRef) -> Option<Value> {
    // SAFETY: forwarded contract.
    unsafe { property::decode(value) }
}

/// A new (+1) CF object for a property value: the exported constant for an
/// enumeration value, otherwise the crate's CF encoder.
pub fn encode(key: TransferKey, value: &Value) -> CFTypeRef {
    match (key.kind(), value) {
        (ValueKind::Enumeration, Value::String(text)) => enumeration_constant(key, text).as_type(),
        _ => property::encode(value),
    }
}

/// The exported key constant of a rotation-session property.
pub fn rotation_key_constant(key: RotationKey) -> CFStringRef {
    match key {
        RotationKey::Rotation => kVTPixelRotationPropertyKey_Rotation,
        RotationKey::FlipHorizontalOrientation => {
            kVTPixelRotationPropertyKey_FlipHorizontalOrientation
        }
        RotationKey::FlipVerticalOrientation => kVTPixelRotationPropertyKey_FlipVerticalOrientation,
    }
}

/// The exported `kVTRotation_*` constant of a rotation.
pub fn rotation_constant(rotation: Rotation) -> CFStringRef {
    match rotation {
        Rotation::None => kVTRotation_0,
        Rotation::Clockwise90 => kVTRotation_CW90,
        Rotation::Half => kVTRotation_180,
        Rotation::CounterClockwise90 => kVTRotation_CCW90,
    }
}

/// A new (+1) CF object for a rotation property's value: the exported
/// `kVTRotation_*` constant for the rotation, a CFBoolean for the flips.
pub fn encode_rotation_value(value: &Value) -> CFTypeRef {
    match value {
        Value::String(text) => match Rotation::from_name(text) {
            Some(rotation) => rotation_constant(rotation).as_type(),
            None => new_string(text).as_type(),
        },
        _ => property::encode(value),
    }
}
