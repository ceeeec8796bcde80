//! The pixel-transfer session's properties (videotoolbox.md §3), typed and
//! validated.
//!
//! The shim decodes each CoreFoundation value into a `core::property::Value`
//! (the crate's one CF decoder); everything about which values are legal
//! for which key, what the defaults are and what gets serialised is decided
//! here.
//!
//! Decisions (README behaviour table):
//! - Unset optional properties (the `Destination*` keys, `RealTime`) read
//!   back as "no value" (the shim answers noErr with NULL).
//! - `DestinationCleanAperture` needs all four keys, a positive finite width
//!   and height and finite offsets; `DestinationPixelAspectRatio` needs both
//!   spacings positive and finite. Anything else is rejected and the old
//!   value kept.
//! - `DestinationICCProfile` is accepted and stored (and would be attached
//!   to destinations) but not applied: pixelport does not parse ICC profiles.
//! - The private WebKit keys `EnableHardwareAcceleratedTransfer` and
//!   `EnableHighSpeedTransfer` take a boolean and change nothing.
//! - Serialisable: every documented key except `RealTime` (a scheduling
//!   hint for this process) and the private keys.

use crate::core::buffer::clean_aperture::keys;
use crate::core::color::matrix::YCbCrMatrix;
use crate::core::color::primaries::ColorPrimaries;
use crate::core::color::transfer::TransferFunction;
use crate::core::number::Number;
use crate::core::property::Value;

/// `kVTPixelTransferPropertyKey_ScalingMode` values (§3.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ScalingMode {
    #[default]
    Normal,
    CropSourceToCleanAperture,
    Letterbox,
    Trim,
}

impl ScalingMode {
    pub const ALL: [ScalingMode; 4] = [
        ScalingMode::Normal,
        ScalingMode::CropSourceToCleanAperture,
        ScalingMode::Letterbox,
        ScalingMode::Trim,
    ];

    /// The `kVTScalingMode_*` string.
    pub fn name(self) -> &'static str {
        match self {
            ScalingMode::Normal => "Normal",
            ScalingMode::CropSourceToCleanAperture => "CropSourceToCleanAperture",
            ScalingMode::Letterbox => "Letterbox",
            ScalingMode::Trim => "Trim",
        }
    }

    pub fn from_name(s: &str) -> Option<ScalingMode> {
        ScalingMode::ALL.into_iter().find(|m| m.name() == s)
    }
}

/// `kVTPixelTransferPropertyKey_DownsamplingMode` values (§3.2): the
/// converter's own enum, so the property feeds the plan unchanged.
pub use crate::core::convert::DownsamplingMode;

/// A clean aperture: size and the offset of its centre from the buffer's
/// centre (CVImageBuffer.h convention), in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CleanAperture {
    pub width: f64,
    pub height: f64,
    pub horizontal_offset: f64,
    pub vertical_offset: f64,
}

impl CleanAperture {
    /// Validates the four values.
    pub fn new(
        width: f64,
        height: f64,
        horizontal_offset: f64,
        vertical_offset: f64,
    ) -> Result<CleanAperture, PropertyError> {
        let positive = |v: f64| v.is_finite() && v > 0.0;
        if positive(width)
            && positive(height)
            && horizontal_offset.is_finite()
            && vertical_offset.is_finite()
        {
            Ok(CleanAperture {
                width,
                height,
                horizontal_offset,
                vertical_offset,
            })
        } else {
            Err(PropertyError::InvalidValue)
        }
    }

    /// From a `kCVImageBufferCleanApertureKey`-style dictionary: all four
    /// keys, numbers, validated as [`new`](Self::new).
    pub fn from_value(value: &Value) -> Result<CleanAperture, PropertyError> {
        let number = |k: &str| {
            value
                .get(k)
                .and_then(Value::as_finite_f64)
                .ok_or(PropertyError::InvalidValue)
        };
        CleanAperture::new(
            number(keys::WIDTH)?,
            number(keys::HEIGHT)?,
            number(keys::HORIZONTAL_OFFSET)?,
            number(keys::VERTICAL_OFFSET)?,
        )
    }

    /// The dictionary (integral values as integers).
    pub fn to_value(&self) -> Value {
        Value::dictionary([
            (keys::WIDTH, number(self.width)),
            (keys::HEIGHT, number(self.height)),
            (keys::HORIZONTAL_OFFSET, number(self.horizontal_offset)),
            (keys::VERTICAL_OFFSET, number(self.vertical_offset)),
        ])
    }
}

/// A pixel aspect ratio (horizontal : vertical spacing).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PixelAspectRatio {
    pub horizontal_spacing: f64,
    pub vertical_spacing: f64,
}

impl PixelAspectRatio {
    pub fn new(
        horizontal_spacing: f64,
        vertical_spacing: f64,
    ) -> Result<PixelAspectRatio, PropertyError> {
        let positive = |v: f64| v.is_finite() && v > 0.0;
        if positive(horizontal_spacing) && positive(vertical_spacing) {
            Ok(PixelAspectRatio {
                horizontal_spacing,
                vertical_spacing,
            })
        } else {
            Err(PropertyError::InvalidValue)
        }
    }

    /// From a `kCVImageBufferPixelAspectRatioKey`-style dictionary: both
    /// spacings, validated as [`new`](Self::new).
    pub fn from_value(value: &Value) -> Result<PixelAspectRatio, PropertyError> {
        let number = |k: &str| {
            value
                .get(k)
                .and_then(Value::as_finite_f64)
                .ok_or(PropertyError::InvalidValue)
        };
        PixelAspectRatio::new(
            number(keys::HORIZONTAL_SPACING)?,
            number(keys::VERTICAL_SPACING)?,
        )
    }

    /// The dictionary (integral values as integers).
    pub fn to_value(&self) -> Value {
        Value::dictionary([
            (keys::HORIZONTAL_SPACING, number(self.horizontal_spacing)),
            (keys::VERTICAL_SPACING, number(self.vertical_spacing)),
        ])
    }
}

/// Why a property could not be set or read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PropertyError {
    /// Not a key this session has (`kVTPropertyNotSupportedErr`).
    #[error("property not supported")]
    NotSupported,
    /// Wrong value type or an unknown value (`kVTParameterErr`).
    #[error("invalid property value")]
    InvalidValue,
}

/// Every key of a pixel-transfer session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TransferKey {
    ScalingMode,
    DestinationCleanAperture,
    DestinationPixelAspectRatio,
    DownsamplingMode,
    DestinationColorPrimaries,
    DestinationTransferFunction,
    DestinationICCProfile,
    DestinationYCbCrMatrix,
    RealTime,
    EnableHardwareAcceleratedTransfer,
    EnableHighSpeedTransfer,
}

/// The CoreFoundation type a key's value has, which tells the shim how to
/// decode and encode it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// A CFString out of a fixed list.
    Enumeration,
    Boolean,
    /// A CFDictionary of clean-aperture keys.
    CleanApertureDictionary,
    /// A CFDictionary of pixel-aspect-ratio keys.
    PixelAspectRatioDictionary,
    /// A CFData.
    Data,
}

impl TransferKey {
    pub const ALL: [TransferKey; 11] = [
        TransferKey::ScalingMode,
        TransferKey::DestinationCleanAperture,
        TransferKey::DestinationPixelAspectRatio,
        TransferKey::DownsamplingMode,
        TransferKey::DestinationColorPrimaries,
        TransferKey::DestinationTransferFunction,
        TransferKey::DestinationICCProfile,
        TransferKey::DestinationYCbCrMatrix,
        TransferKey::RealTime,
        TransferKey::EnableHardwareAcceleratedTransfer,
        TransferKey::EnableHighSpeedTransfer,
    ];

    /// The key's string (the `kVTPixelTransferPropertyKey_` suffix).
    pub fn name(self) -> &'static str {
        match self {
            TransferKey::ScalingMode => "ScalingMode",
            TransferKey::DestinationCleanAperture => "DestinationCleanAperture",
            TransferKey::DestinationPixelAspectRatio => "DestinationPixelAspectRatio",
            TransferKey::DownsamplingMode => "DownsamplingMode",
            TransferKey::DestinationColorPrimaries => "DestinationColorPrimaries",
            TransferKey::DestinationTransferFunction => "DestinationTransferFunction",
            TransferKey::DestinationICCProfile => "DestinationICCProfile",
            TransferKey::DestinationYCbCrMatrix => "DestinationYCbCrMatrix",
            TransferKey::RealTime => "RealTime",
            TransferKey::EnableHardwareAcceleratedTransfer => "EnableHardwareAcceleratedTransfer",
            TransferKey::EnableHighSpeedTransfer => "EnableHighSpeedTransfer",
        }
    }

    pub fn from_name(s: &str) -> Option<TransferKey> {
        TransferKey::ALL.into_iter().find(|k| k.name() == s)
    }

    pub fn kind(self) -> ValueKind {
        match self {
            TransferKey::ScalingMode
            | TransferKey::DownsamplingMode
            | TransferKey::DestinationColorPrimaries
            | TransferKey::DestinationTransferFunction
            | TransferKey::DestinationYCbCrMatrix => ValueKind::Enumeration,
            TransferKey::DestinationCleanAperture => ValueKind::CleanApertureDictionary,
            TransferKey::DestinationPixelAspectRatio => ValueKind::PixelAspectRatioDictionary,
            TransferKey::DestinationICCProfile => ValueKind::Data,
            TransferKey::RealTime
            | TransferKey::EnableHardwareAcceleratedTransfer
            | TransferKey::EnableHighSpeedTransfer => ValueKind::Boolean,
        }
    }

    /// Whether Apple documents the key (the private WebKit keys are
    /// accepted but not advertised in the supported-property dictionary).
    pub fn is_public(self) -> bool {
        !matches!(
            self,
            TransferKey::EnableHardwareAcceleratedTransfer | TransferKey::EnableHighSpeedTransfer
        )
    }

    /// Whether `VTSessionCopySerializableProperties` includes the key.
    pub fn is_serializable(self) -> bool {
        self.is_public() && self != TransferKey::RealTime
    }

    /// The allowed strings of an enumeration key.
    pub fn allowed_names(self) -> Vec<&'static str> {
        match self {
            TransferKey::ScalingMode => ScalingMode::ALL.iter().map(|m| m.name()).collect(),
            TransferKey::DownsamplingMode => {
                DownsamplingMode::ALL.iter().map(|m| m.name()).collect()
            }
            TransferKey::DestinationColorPrimaries => {
                ColorPrimaries::ALL.iter().map(|p| p.cv_string()).collect()
            }
            TransferKey::DestinationTransferFunction => TransferFunction::CV_STRINGS.to_vec(),
            TransferKey::DestinationYCbCrMatrix => {
                YCbCrMatrix::ALL.iter().map(|m| m.cv_string()).collect()
            }
            _ => Vec::new(),
        }
    }
}

/// The gamma a `"UseGamma"` destination transfer function means: no
/// property carries a gamma level, so 2.2 (documented decision).
pub const DESTINATION_USE_GAMMA: f64 = 2.2;

/// A session's property values. `None` means unset (the default).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TransferProperties {
    pub scaling_mode: ScalingMode,
    pub destination_clean_aperture: Option<CleanAperture>,
    pub destination_pixel_aspect_ratio: Option<PixelAspectRatio>,
    pub downsampling_mode: DownsamplingMode,
    pub destination_color_primaries: Option<ColorPrimaries>,
    pub destination_transfer_function: Option<TransferFunction>,
    pub destination_icc_profile: Option<Vec<u8>>,
    pub destination_ycbcr_matrix: Option<YCbCrMatrix>,
    pub real_time: Option<bool>,
    pub enable_hardware_accelerated_transfer: Option<bool>,
    pub enable_high_speed_transfer: Option<bool>,
}

impl TransferProperties {
    /// Sets `key` to `value`, or restores its default when `value` is
    /// `None`. On error nothing changes.
    pub fn set(&mut self, key: TransferKey, value: Option<&Value>) -> Result<(), PropertyError> {
        let Some(value) = value else {
            self.reset(key);
            return Ok(());
        };
        let invalid = PropertyError::InvalidValue;
        let text = || value.as_str().ok_or(invalid);
        let boolean = || value.as_bool().ok_or(invalid);
        match key {
            TransferKey::ScalingMode => {
                self.scaling_mode = ScalingMode::from_name(text()?).ok_or(invalid)?;
            }
            TransferKey::DownsamplingMode => {
                self.downsampling_mode = DownsamplingMode::from_name(text()?).ok_or(invalid)?;
            }
            TransferKey::DestinationColorPrimaries => {
                self.destination_color_primaries =
                    Some(ColorPrimaries::from_cv_string(text()?).ok_or(invalid)?);
            }
            TransferKey::DestinationTransferFunction => {
                let s = text()?;
                let gamma = (s == "UseGamma").then_some(DESTINATION_USE_GAMMA);
                self.destination_transfer_function =
                    Some(TransferFunction::from_cv_string(s, gamma).ok_or(invalid)?);
            }
            TransferKey::DestinationYCbCrMatrix => {
                self.destination_ycbcr_matrix =
                    Some(YCbCrMatrix::from_cv_string(text()?).ok_or(invalid)?);
            }
            TransferKey::DestinationCleanAperture => {
                self.destination_clean_aperture = Some(CleanAperture::from_value(value)?);
            }
            TransferKey::DestinationPixelAspectRatio => {
                self.destination_pixel_aspect_ratio = Some(PixelAspectRatio::from_value(value)?);
            }
            TransferKey::DestinationICCProfile => match value {
                Value::Data(bytes) => self.destination_icc_profile = Some(bytes.clone()),
                _ => return Err(invalid),
            },
            TransferKey::RealTime => self.real_time = Some(boolean()?),
            TransferKey::EnableHardwareAcceleratedTransfer => {
                self.enable_hardware_accelerated_transfer = Some(boolean()?);
            }
            TransferKey::EnableHighSpeedTransfer => {
                self.enable_high_speed_transfer = Some(boolean()?)
            }
        }
        Ok(())
    }

    fn reset(&mut self, key: TransferKey) {
        let defaults = TransferProperties::default();
        match key {
            TransferKey::ScalingMode => self.scaling_mode = defaults.scaling_mode,
            TransferKey::DestinationCleanAperture => self.destination_clean_aperture = None,
            TransferKey::DestinationPixelAspectRatio => self.destination_pixel_aspect_ratio = None,
            TransferKey::DownsamplingMode => self.downsampling_mode = defaults.downsampling_mode,
            TransferKey::DestinationColorPrimaries => self.destination_color_primaries = None,
            TransferKey::DestinationTransferFunction => self.destination_transfer_function = None,
            TransferKey::DestinationICCProfile => self.destination_icc_profile = None,
            TransferKey::DestinationYCbCrMatrix => self.destination_ycbcr_matrix = None,
            TransferKey::RealTime => self.real_time = None,
            TransferKey::EnableHardwareAcceleratedTransfer => {
                self.enable_hardware_accelerated_transfer = None
            }
            TransferKey::EnableHighSpeedTransfer => self.enable_high_speed_transfer = None,
        }
    }

    /// The current value of `key`, `None` when unset.
    pub fn get(&self, key: TransferKey) -> Option<Value> {
        let text = |s: &str| Some(Value::String(s.to_owned()));
        match key {
            TransferKey::ScalingMode => text(self.scaling_mode.name()),
            TransferKey::DownsamplingMode => text(self.downsampling_mode.name()),
            TransferKey::DestinationColorPrimaries => self
                .destination_color_primaries
                .and_then(|p| text(p.cv_string())),
            TransferKey::DestinationTransferFunction => self
                .destination_transfer_function
                .and_then(|t| text(t.cv_string())),
            TransferKey::DestinationYCbCrMatrix => self
                .destination_ycbcr_matrix
                .and_then(|m| text(m.cv_string())),
            TransferKey::DestinationCleanAperture => {
                self.destination_clean_aperture.map(|ca| ca.to_value())
            }
            TransferKey::DestinationPixelAspectRatio => self
                .destination_pixel_aspect_ratio
                .map(|par| par.to_value()),
            TransferKey::DestinationICCProfile => {
                self.destination_icc_profile.clone().map(Value::Data)
            }
            TransferKey::RealTime => self.real_time.map(Value::Bool),
            TransferKey::EnableHardwareAcceleratedTransfer => {
                self.enable_hardware_accelerated_transfer.map(Value::Bool)
            }
            TransferKey::EnableHighSpeedTransfer => {
                self.enable_high_speed_transfer.map(Value::Bool)
            }
        }
    }
}

/// A number value: integral values as integers (how clients write them).
fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        Value::int(v as i64)
    } else {
        Value::Number(Number::from_f64(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_reset() {
        let mut p = TransferProperties::default();
        assert_eq!(
            p.get(TransferKey::ScalingMode),
            Some(Value::String("Normal".into()))
        );
        assert_eq!(
            p.get(TransferKey::DownsamplingMode),
            Some(Value::String("Decimate".into()))
        );
        assert_eq!(p.get(TransferKey::DestinationYCbCrMatrix), None);
        assert_eq!(p.get(TransferKey::RealTime), None);
        p.set(
            TransferKey::ScalingMode,
            Some(&Value::String("Letterbox".into())),
        )
        .unwrap();
        assert_eq!(p.scaling_mode, ScalingMode::Letterbox);
        p.set(TransferKey::ScalingMode, None).unwrap();
        assert_eq!(p.scaling_mode, ScalingMode::Normal);
    }

    #[test]
    fn bad_values_keep_the_old_one() {
        let mut p = TransferProperties::default();
        p.set(
            TransferKey::ScalingMode,
            Some(&Value::String("Trim".into())),
        )
        .unwrap();
        for bad in [
            Value::String("trim".into()),
            Value::Bool(true),
            Value::Data(vec![1]),
            Value::int(1),
        ] {
            assert_eq!(
                p.set(TransferKey::ScalingMode, Some(&bad)),
                Err(PropertyError::InvalidValue)
            );
            assert_eq!(p.scaling_mode, ScalingMode::Trim);
        }
        assert_eq!(
            p.set(
                TransferKey::DestinationColorPrimaries,
                Some(&Value::String("ITU_R_709".into()))
            ),
            Err(PropertyError::InvalidValue)
        );
        assert_eq!(p.destination_color_primaries, None);
        assert_eq!(
            p.set(TransferKey::RealTime, Some(&Value::String("yes".into()))),
            Err(PropertyError::InvalidValue)
        );
    }

    #[test]
    fn colour_destinations_round_trip() {
        let mut p = TransferProperties::default();
        for (key, s) in [
            (TransferKey::DestinationColorPrimaries, "ITU_R_2020"),
            (TransferKey::DestinationTransferFunction, "SMPTE_ST_2084_PQ"),
            (TransferKey::DestinationTransferFunction, "UseGamma"),
            (TransferKey::DestinationYCbCrMatrix, "ITU_R_601_4"),
        ] {
            p.set(key, Some(&Value::String(s.into()))).unwrap();
            assert_eq!(p.get(key), Some(Value::String(s.into())));
        }
        assert_eq!(
            p.destination_transfer_function,
            Some(TransferFunction::Gamma(DESTINATION_USE_GAMMA))
        );
    }

    #[test]
    fn aperture_dictionaries_need_every_key() {
        let mut p = TransferProperties::default();
        let full = Value::dictionary([
            ("Width", Value::int(704)),
            ("Height", Value::int(480)),
            ("HorizontalOffset", Value::int(0)),
            ("VerticalOffset", Value::Number(Number::from_f64(0.5))),
        ]);
        p.set(TransferKey::DestinationCleanAperture, Some(&full))
            .unwrap();
        assert_eq!(p.get(TransferKey::DestinationCleanAperture), Some(full));
        let missing = Value::dictionary([("Width", Value::int(704)), ("Height", Value::int(480))]);
        assert_eq!(
            p.set(TransferKey::DestinationCleanAperture, Some(&missing)),
            Err(PropertyError::InvalidValue)
        );
        let par = Value::dictionary([
            ("HorizontalSpacing", Value::int(10)),
            ("VerticalSpacing", Value::int(11)),
        ]);
        p.set(TransferKey::DestinationPixelAspectRatio, Some(&par))
            .unwrap();
        assert_eq!(p.get(TransferKey::DestinationPixelAspectRatio), Some(par));
        let zero = Value::dictionary([
            ("HorizontalSpacing", Value::int(0)),
            ("VerticalSpacing", Value::int(11)),
        ]);
        assert!(
            p.set(TransferKey::DestinationPixelAspectRatio, Some(&zero))
                .is_err()
        );
    }

    #[test]
    fn aperture_and_aspect_validation() {
        assert!(CleanAperture::new(704.0, 480.0, 0.0, 0.0).is_ok());
        assert!(CleanAperture::new(0.0, 480.0, 0.0, 0.0).is_err());
        assert!(CleanAperture::new(-1.0, 480.0, 0.0, 0.0).is_err());
        assert!(CleanAperture::new(f64::NAN, 480.0, 0.0, 0.0).is_err());
        assert!(CleanAperture::new(704.0, 480.0, f64::INFINITY, 0.0).is_err());
        assert!(PixelAspectRatio::new(10.0, 11.0).is_ok());
        assert!(PixelAspectRatio::new(0.0, 11.0).is_err());
    }

    #[test]
    fn key_table_is_consistent() {
        for key in TransferKey::ALL {
            assert_eq!(TransferKey::from_name(key.name()), Some(key));
            if key.kind() == ValueKind::Enumeration {
                assert!(!key.allowed_names().is_empty(), "{key:?}");
            }
        }
        assert!(!TransferKey::RealTime.is_serializable());
        assert!(TransferKey::ScalingMode.is_serializable());
        assert!(!TransferKey::EnableHighSpeedTransfer.is_public());
    }
}
