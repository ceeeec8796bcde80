//! The pixel-rotation session's properties (videotoolbox.md §4.1), typed
//! and validated like the transfer session's (`core::transfer::properties`,
//! whose error and value-kind types they share).
//!
//! Rules (behavior-notes.md item 23, measured on macOS by a public probe):
//! the rotation is one of the four `kVTRotation_*` strings — a CFNumber
//! (`@90`) or any other string is `kVTParameterErr` and the old value
//! stays; the flips take a CFBoolean only (a number is rejected too).
//! Decisions: every key always has a value (its default when never set),
//! so `VTSessionCopyProperty` never answers NULL; all three keys are
//! serialisable.

use super::orientation::{Orientation, Rotation};
use crate::core::property::Value;
pub use crate::core::transfer::properties::{PropertyError, ValueKind};

/// Every key of a pixel-rotation session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RotationKey {
    Rotation,
    FlipHorizontalOrientation,
    FlipVerticalOrientation,
}

impl RotationKey {
    pub const ALL: [RotationKey; 3] = [
        RotationKey::Rotation,
        RotationKey::FlipHorizontalOrientation,
        RotationKey::FlipVerticalOrientation,
    ];

    /// The key's string (the `kVTPixelRotationPropertyKey_` suffix).
    pub fn name(self) -> &'static str {
        match self {
            RotationKey::Rotation => "Rotation",
            RotationKey::FlipHorizontalOrientation => "FlipHorizontalOrientation",
            RotationKey::FlipVerticalOrientation => "FlipVerticalOrientation",
        }
    }

    pub fn from_name(s: &str) -> Option<RotationKey> {
        RotationKey::ALL.into_iter().find(|k| k.name() == s)
    }

    pub fn kind(self) -> ValueKind {
        match self {
            RotationKey::Rotation => ValueKind::Enumeration,
            _ => ValueKind::Boolean,
        }
    }

    /// The allowed strings of an enumeration key (empty for the flips).
    pub fn allowed_names(self) -> Vec<&'static str> {
        match self {
            RotationKey::Rotation => Rotation::ALL.iter().map(|r| r.name()).collect(),
            _ => Vec::new(),
        }
    }
}

/// A rotation session's property values (the defaults: no rotation, no
/// flips).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RotationProperties {
    pub orientation: Orientation,
}

impl RotationProperties {
    /// Sets `key` to `value`, or restores its default when `value` is
    /// `None`. On error nothing changes.
    pub fn set(&mut self, key: RotationKey, value: Option<&Value>) -> Result<(), PropertyError> {
        let defaults = Orientation::default();
        let invalid = PropertyError::InvalidValue;
        let o = &mut self.orientation;
        match (key, value) {
            (RotationKey::Rotation, None) => o.rotation = defaults.rotation,
            (RotationKey::Rotation, Some(v)) => {
                o.rotation = v.as_str().and_then(Rotation::from_name).ok_or(invalid)?;
            }
            (RotationKey::FlipHorizontalOrientation, v) => {
                o.flip_horizontal = match v {
                    None => defaults.flip_horizontal,
                    Some(v) => v.as_bool().ok_or(invalid)?,
                };
            }
            (RotationKey::FlipVerticalOrientation, v) => {
                o.flip_vertical = match v {
                    None => defaults.flip_vertical,
                    Some(v) => v.as_bool().ok_or(invalid)?,
                };
            }
        }
        Ok(())
    }

    /// The current value of `key`.
    pub fn get(&self, key: RotationKey) -> Value {
        let o = self.orientation;
        match key {
            RotationKey::Rotation => Value::String(o.rotation.name().to_owned()),
            RotationKey::FlipHorizontalOrientation => Value::Bool(o.flip_horizontal),
            RotationKey::FlipVerticalOrientation => Value::Bool(o.flip_vertical),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_set_reset() {
        let mut p = RotationProperties::default();
        assert_eq!(p.get(RotationKey::Rotation), Value::String("0".into()));
        assert_eq!(
            p.get(RotationKey::FlipVerticalOrientation),
            Value::Bool(false)
        );
        p.set(RotationKey::Rotation, Some(&Value::String("CW90".into())))
            .unwrap();
        p.set(
            RotationKey::FlipHorizontalOrientation,
            Some(&Value::Bool(true)),
        )
        .unwrap();
        assert_eq!(p.orientation.rotation, Rotation::Clockwise90);
        assert!(p.orientation.flip_horizontal);
        p.set(RotationKey::Rotation, None).unwrap();
        p.set(RotationKey::FlipHorizontalOrientation, None).unwrap();
        assert_eq!(p, RotationProperties::default());
    }

    #[test]
    fn numbers_and_unknown_strings_are_rejected_keeping_the_old_value() {
        let mut p = RotationProperties::default();
        p.set(RotationKey::Rotation, Some(&Value::String("180".into())))
            .unwrap();
        for bad in [
            Value::int(90),
            Value::String("90".into()),
            Value::String("cw90".into()),
            Value::Bool(true),
        ] {
            assert_eq!(
                p.set(RotationKey::Rotation, Some(&bad)),
                Err(PropertyError::InvalidValue)
            );
            assert_eq!(p.orientation.rotation, Rotation::Half);
        }
        assert_eq!(
            p.set(RotationKey::FlipVerticalOrientation, Some(&Value::int(1))),
            Err(PropertyError::InvalidValue)
        );
        assert!(!p.orientation.flip_vertical);
    }

    #[test]
    fn key_table() {
        for key in RotationKey::ALL {
            assert_eq!(RotationKey::from_name(key.name()), Some(key));
        }
        assert_eq!(
            RotationKey::Rotation.allowed_names(),
            ["0", "CW90", "180", "CCW90"]
        );
        assert_eq!(RotationKey::from_name("ScalingMode"), None);
    }
}
