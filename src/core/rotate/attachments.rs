//! The geometry attachments of a rotated buffer, rotated with it.
//!
//! Decisions (Apple documents only that attachments "describing the
//! result" are written):
//! - `CVCleanAperture`: width and height trade places under a 90°/270°
//!   rotation; the centre offset (+x right, +y down, CVImageBuffer.h) is
//!   moved as the pixels are — negated along every mirrored source axis,
//!   its components swapped under a transpose. A value without a positive
//!   finite width and height is dropped; missing offsets count as 0.
//! - `CVPixelAspectRatio`: the spacings trade places under 90°/270°.
//! - `CVDisplayDimensions`: width and height trade places under 90°/270°.
//! - Field tags (`CVFieldCount`, `CVFieldDetail`) are copied for 0°/180°
//!   and dropped for 90°/270°, where rows are no longer fields.
//!
//! Unrecognised keys inside these dictionaries are not carried over.

use super::orientation::Mapping;
use crate::core::buffer::clean_aperture::keys;
use crate::core::property::Value;
use crate::core::transfer::properties::number;

/// The rotated clean aperture, or `None` when `value` is not a usable one.
pub fn clean_aperture(value: &Value, mapping: Mapping) -> Option<Value> {
    let get = |k: &str| value.get(k).and_then(Value::as_finite_f64);
    let (width, height) = (get(keys::WIDTH)?, get(keys::HEIGHT)?);
    if width <= 0.0 || height <= 0.0 {
        return None;
    }
    let h = get(keys::HORIZONTAL_OFFSET).unwrap_or(0.0);
    let v = get(keys::VERTICAL_OFFSET).unwrap_or(0.0);
    // Source axis offsets after the mirrors, then onto destination axes.
    let a = if mapping.mirror_x { -h } else { h };
    let b = if mapping.mirror_y { -v } else { v };
    let (width, height, h, v) = if mapping.transpose {
        (height, width, b, a)
    } else {
        (width, height, a, b)
    };
    Some(Value::dictionary([
        (keys::WIDTH, number(width)),
        (keys::HEIGHT, number(height)),
        (keys::HORIZONTAL_OFFSET, number(h)),
        (keys::VERTICAL_OFFSET, number(v)),
    ]))
}

/// The pixel aspect ratio of the rotated buffer, or `None` when `value`
/// lacks a spacing.
pub fn pixel_aspect_ratio(value: &Value, mapping: Mapping) -> Option<Value> {
    swap_pair(
        value,
        keys::HORIZONTAL_SPACING,
        keys::VERTICAL_SPACING,
        mapping,
    )
}

/// The display dimensions of the rotated buffer, or `None` when `value`
/// lacks a dimension.
pub fn display_dimensions(value: &Value, mapping: Mapping) -> Option<Value> {
    swap_pair(value, keys::WIDTH, keys::HEIGHT, mapping)
}

fn swap_pair(value: &Value, first: &str, second: &str, mapping: Mapping) -> Option<Value> {
    let (x, y) = (value.get(first)?.clone(), value.get(second)?.clone());
    x.as_finite_f64()?;
    y.as_finite_f64()?;
    let (x, y) = if mapping.transpose { (y, x) } else { (x, y) };
    Some(Value::dictionary([(first, x), (second, y)]))
}

/// Whether the field tags still describe the rotated buffer.
pub fn keeps_fields(mapping: Mapping) -> bool {
    !mapping.transpose
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rotate::orientation::{Orientation, Rotation};

    fn ca(w: i64, h: i64, x: i64, y: i64) -> Value {
        Value::dictionary([
            ("Width", Value::int(w)),
            ("Height", Value::int(h)),
            ("HorizontalOffset", Value::int(x)),
            ("VerticalOffset", Value::int(y)),
        ])
    }

    fn mapping(rotation: Rotation, flip_horizontal: bool, flip_vertical: bool) -> Mapping {
        Orientation {
            rotation,
            flip_horizontal,
            flip_vertical,
        }
        .mapping()
    }

    #[test]
    fn clean_aperture_follows_the_pixels() {
        // An aperture right of and below the centre (+x right, +y down).
        let src = ca(40, 20, 6, 2);
        let cases = [
            (mapping(Rotation::None, false, false), ca(40, 20, 6, 2)),
            (mapping(Rotation::None, true, false), ca(40, 20, -6, 2)),
            (mapping(Rotation::None, false, true), ca(40, 20, 6, -2)),
            (mapping(Rotation::Half, false, false), ca(40, 20, -6, -2)),
            // Clockwise: right goes down, down goes left.
            (
                mapping(Rotation::Clockwise90, false, false),
                ca(20, 40, -2, 6),
            ),
            // Counter-clockwise: right goes up, down goes right.
            (
                mapping(Rotation::CounterClockwise90, false, false),
                ca(20, 40, 2, -6),
            ),
            (
                mapping(Rotation::Clockwise90, true, false),
                ca(20, 40, 2, 6),
            ),
        ];
        for (m, want) in cases {
            assert_eq!(clean_aperture(&src, m), Some(want), "{m:?}");
        }
        let no_offsets = Value::dictionary([("Width", Value::int(4)), ("Height", Value::int(2))]);
        assert_eq!(
            clean_aperture(&no_offsets, mapping(Rotation::Clockwise90, false, false)),
            Some(ca(2, 4, 0, 0))
        );
        assert_eq!(
            clean_aperture(&ca(0, 2, 0, 0), mapping(Rotation::None, false, false)),
            None
        );
    }

    #[test]
    fn aspect_ratio_and_display_size_swap_under_a_transpose() {
        let par = Value::dictionary([
            ("HorizontalSpacing", Value::int(10)),
            ("VerticalSpacing", Value::int(11)),
        ]);
        let swapped = Value::dictionary([
            ("HorizontalSpacing", Value::int(11)),
            ("VerticalSpacing", Value::int(10)),
        ]);
        let cw = mapping(Rotation::Clockwise90, false, false);
        let half = mapping(Rotation::Half, true, false);
        assert_eq!(pixel_aspect_ratio(&par, cw), Some(swapped));
        assert_eq!(pixel_aspect_ratio(&par, half), Some(par.clone()));
        let dims = Value::dictionary([("Width", Value::int(640)), ("Height", Value::int(480))]);
        assert_eq!(
            display_dimensions(&dims, cw),
            Some(Value::dictionary([
                ("Width", Value::int(480)),
                ("Height", Value::int(640))
            ]))
        );
        assert!(!keeps_fields(cw));
        assert!(keeps_fields(half));
    }
}
