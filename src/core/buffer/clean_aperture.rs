//! `CVImageBufferGetCleanRect` and `CVImageBufferGetDisplaySize` from the
//! clean-aperture, pixel-aspect-ratio and display-dimensions attachments
//! (CVImageBuffer.h, corevideo.md §4.2 and §7.2).
//!
//! Clean aperture: `Width`/`Height` give the aperture's size; the offsets
//! place the aperture's **centre** relative to the buffer's centre (+x
//! right, +y down, as in QuickTime's `clap` atom). The rectangle is reported
//! with a **lower-left** origin, CoreImage's convention: NTSC DV, 720×480
//! with a 704×480 aperture, gives origin (8, 0). Both facts are Apple's
//! (CVImageBuffer.h). pixelport's decisions: missing offsets count as 0;
//! an aperture is clipped to the encoded frame; an attachment that is not a
//! dictionary of finite numbers with a positive width and height, or whose
//! clipped rectangle is empty, is ignored (full frame).
//!
//! Display size (undocumented derivation): the `CVDisplayDimensions`
//! attachment when it holds a positive width and height; otherwise the
//! clean rectangle's size with its width scaled by the pixel aspect ratio
//! (`HorizontalSpacing / VerticalSpacing`, ignored unless both are positive
//! and finite). NTSC DV with its 10:11 aspect ratio: 704 × 10/11 = 640, so
//! 640×480, the example CVImageBuffer.h gives.

use crate::core::property::Value;

/// A rectangle in encoded pixels, lower-left origin (a `CGRect`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// A size in (square) pixels (a `CGSize`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Size {
    pub width: f64,
    pub height: f64,
}

/// The attachment keys read here, by their CoreVideo strings.
pub mod keys {
    pub const CLEAN_APERTURE: &str = "CVCleanAperture";
    pub const PIXEL_ASPECT_RATIO: &str = "CVPixelAspectRatio";
    pub const DISPLAY_DIMENSIONS: &str = "CVDisplayDimensions";
    pub const WIDTH: &str = "Width";
    pub const HEIGHT: &str = "Height";
    pub const HORIZONTAL_OFFSET: &str = "HorizontalOffset";
    pub const VERTICAL_OFFSET: &str = "VerticalOffset";
    pub const HORIZONTAL_SPACING: &str = "HorizontalSpacing";
    pub const VERTICAL_SPACING: &str = "VerticalSpacing";
}

/// The clean rectangle of a `width` × `height` buffer given its
/// `CVCleanAperture` attachment (if any).
pub fn clean_rect(width: usize, height: usize, aperture: Option<&Value>) -> Rect {
    let (w, h) = (width as f64, height as f64);
    let full = Rect {
        x: 0.0,
        y: 0.0,
        width: w,
        height: h,
    };
    aperture
        .and_then(|a| aperture_rect(w, h, a))
        .unwrap_or(full)
}

fn aperture_rect(w: f64, h: f64, aperture: &Value) -> Option<Rect> {
    aperture.as_dictionary()?;
    let number = |key: &str| aperture.get(key).map(Value::as_finite_f64);
    let aperture_w = number(keys::WIDTH)??;
    let aperture_h = number(keys::HEIGHT)??;
    let offset_x = number(keys::HORIZONTAL_OFFSET).unwrap_or(Some(0.0))?;
    let offset_y = number(keys::VERTICAL_OFFSET).unwrap_or(Some(0.0))?;
    if aperture_w <= 0.0 || aperture_h <= 0.0 {
        return None;
    }
    // Lower-left origin: a positive vertical offset moves the aperture
    // down the image, i.e. towards y = 0.
    let left = (w - aperture_w) / 2.0 + offset_x;
    let bottom = (h - aperture_h) / 2.0 - offset_y;
    let x0 = left.max(0.0);
    let y0 = bottom.max(0.0);
    let x1 = (left + aperture_w).min(w);
    let y1 = (bottom + aperture_h).min(h);
    (x1 > x0 && y1 > y0).then_some(Rect {
        x: x0,
        y: y0,
        width: x1 - x0,
        height: y1 - y0,
    })
}

/// The display size of a `width` × `height` buffer given its
/// `CVCleanAperture`, `CVPixelAspectRatio` and `CVDisplayDimensions`
/// attachments.
pub fn display_size(
    width: usize,
    height: usize,
    aperture: Option<&Value>,
    pixel_aspect_ratio: Option<&Value>,
    display_dimensions: Option<&Value>,
) -> Size {
    if let Some(size) = display_dimensions.and_then(positive_pair(keys::WIDTH, keys::HEIGHT)) {
        return Size {
            width: size.0,
            height: size.1,
        };
    }
    let clean = clean_rect(width, height, aperture);
    let ratio = pixel_aspect_ratio
        .and_then(positive_pair(
            keys::HORIZONTAL_SPACING,
            keys::VERTICAL_SPACING,
        ))
        .map_or(1.0, |(h, v)| h / v);
    Size {
        width: clean.width * ratio,
        height: clean.height,
    }
}

/// Reads two positive finite numbers from a dictionary value.
fn positive_pair<'a>(a: &'a str, b: &'a str) -> impl Fn(&Value) -> Option<(f64, f64)> + 'a {
    move |dict| {
        let read = |key| dict.get(key)?.as_finite_f64().filter(|v| *v > 0.0);
        Some((read(a)?, read(b)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::number::Number;

    fn num(v: f64) -> Value {
        Value::Number(Number::from_f64(v))
    }

    fn aperture(w: f64, h: f64, dx: f64, dy: f64) -> Value {
        Value::dictionary([
            ("Width", num(w)),
            ("Height", num(h)),
            ("HorizontalOffset", num(dx)),
            ("VerticalOffset", num(dy)),
        ])
    }

    fn rect(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    #[test]
    fn ntsc_dv_example_from_the_header() {
        let ca = aperture(704.0, 480.0, 0.0, 0.0);
        assert_eq!(
            clean_rect(720, 480, Some(&ca)),
            rect(8.0, 0.0, 704.0, 480.0)
        );
        let par = Value::dictionary([
            ("HorizontalSpacing", num(10.0)),
            ("VerticalSpacing", num(11.0)),
        ]);
        let size = display_size(720, 480, Some(&ca), Some(&par), None);
        assert!((size.width - 640.0).abs() < 1e-9 && size.height == 480.0);
    }

    #[test]
    fn offsets_move_the_centre_with_a_lower_left_origin() {
        // 100×100 buffer, 50×40 aperture moved 10 right and 5 down.
        let ca = aperture(50.0, 40.0, 10.0, 5.0);
        // Top-left coordinates: left = 25 + 10 = 35, top = 30 + 5 = 35;
        // lower-left y = 100 - (35 + 40) = 25.
        assert_eq!(
            clean_rect(100, 100, Some(&ca)),
            rect(35.0, 25.0, 50.0, 40.0)
        );
        // Fractional results are kept.
        let ca = aperture(3.0, 3.0, 0.0, 0.0);
        assert_eq!(clean_rect(4, 4, Some(&ca)), rect(0.5, 0.5, 3.0, 3.0));
        // Offsets may be absent.
        let ca = Value::dictionary([("Width", Value::int(10)), ("Height", Value::int(20))]);
        assert_eq!(clean_rect(20, 20, Some(&ca)), rect(5.0, 0.0, 10.0, 20.0));
    }

    #[test]
    fn apertures_are_clipped_to_the_frame() {
        let ca = aperture(100.0, 100.0, 30.0, 0.0);
        assert_eq!(
            clean_rect(100, 100, Some(&ca)),
            rect(30.0, 0.0, 70.0, 100.0)
        );
        // Entirely outside: ignored.
        let ca = aperture(10.0, 10.0, 500.0, 0.0);
        assert_eq!(clean_rect(100, 50, Some(&ca)), rect(0.0, 0.0, 100.0, 50.0));
    }

    #[test]
    fn absent_or_malformed_apertures_mean_the_full_frame() {
        let full = rect(0.0, 0.0, 720.0, 480.0);
        assert_eq!(clean_rect(720, 480, None), full);
        let cases = [
            Value::int(3),
            Value::Dictionary(vec![]),
            Value::dictionary([("Width", num(10.0))]),
            Value::dictionary([("Width", num(0.0)), ("Height", num(10.0))]),
            Value::dictionary([("Width", num(-4.0)), ("Height", num(10.0))]),
            Value::dictionary([("Width", num(f64::NAN)), ("Height", num(10.0))]),
            Value::dictionary([
                ("Width", Value::String("704".into())),
                ("Height", num(10.0)),
            ]),
            Value::dictionary([
                ("Width", num(10.0)),
                ("Height", num(10.0)),
                ("HorizontalOffset", Value::Bool(true)),
            ]),
        ];
        for ca in &cases {
            assert_eq!(clean_rect(720, 480, Some(ca)), full, "{ca:?}");
        }
    }

    #[test]
    fn display_size_rules() {
        let dims = Value::dictionary([("Width", num(1920.0)), ("Height", num(1080.0))]);
        let ca = aperture(704.0, 480.0, 0.0, 0.0);
        // Display dimensions win.
        let s = display_size(720, 480, Some(&ca), None, Some(&dims));
        assert_eq!((s.width, s.height), (1920.0, 1080.0));
        // Without anything: the encoded size.
        let s = display_size(720, 480, None, None, None);
        assert_eq!((s.width, s.height), (720.0, 480.0));
        // Clean aperture only.
        let s = display_size(720, 480, Some(&ca), None, None);
        assert_eq!((s.width, s.height), (704.0, 480.0));
        // Malformed ratio and dimensions are ignored.
        let bad_par = Value::dictionary([
            ("HorizontalSpacing", num(0.0)),
            ("VerticalSpacing", num(1.0)),
        ]);
        let bad_dims = Value::dictionary([("Width", num(-1.0)), ("Height", num(1.0))]);
        let s = display_size(720, 480, None, Some(&bad_par), Some(&bad_dims));
        assert_eq!((s.width, s.height), (720.0, 480.0));
        // Anamorphic 4:3 (PAR 4:3) widens.
        let par = Value::dictionary([
            ("HorizontalSpacing", Value::int(4)),
            ("VerticalSpacing", Value::int(3)),
        ]);
        let s = display_size(1440, 1080, None, Some(&par), None);
        assert_eq!((s.width, s.height), (1920.0, 1080.0));
    }
}
