//! Where a transfer draws and which clean aperture / pixel aspect ratio
//! the destination gets, per `kVTPixelTransferPropertyKey_ScalingMode`
//! (videotoolbox.md §3.1, behavior-notes §A).
//!
//! Coordinates: clean apertures are a size plus the offset of their centre
//! from the buffer's centre (+x right, +y down, CVImageBuffer.h); here they
//! become rectangles with a top-left origin in pixel-edge coordinates.
//! "Picture aspect ratio" = width × PAR horizontal spacing / (height × PAR
//! vertical spacing).
//!
//! # Modes
//!
//! - `Normal`: whole source → whole destination. The source's clean
//!   aperture (width, height, offsets) is scaled by `dstW/srcW` and
//!   `dstH/srcH`, its pixel aspect ratio h:v becomes `h·sy : v·sx`
//!   (reduced when the values are integers), so the display aspect is
//!   unchanged. An attachment that is not valid is not carried over.
//!   `DestinationCleanAperture` / `DestinationPixelAspectRatio` are
//!   ignored (the header says so).
//! - `CropSourceToCleanAperture`: source clean aperture (the full frame
//!   without one) stretched onto the destination clean aperture
//!   (`DestinationCleanAperture`, else the full destination). PAR written:
//!   `DestinationPixelAspectRatio`, else 1:1.
//! - `Letterbox`: the source clean aperture at its picture aspect ratio,
//!   as large as fits inside the destination clean aperture, centred. PAR:
//!   `DestinationPixelAspectRatio`, else the source's (1:1 without one).
//! - `Trim`: as Letterbox but as small as covers the destination clean
//!   aperture, centred; what overflows is cropped (the source rectangle
//!   shrinks, nothing is drawn outside the destination clean aperture).
//!
//! In every mode the destination pixels outside the drawn rectangle are
//! black (`convert::Placement`), and outside modes other than `Normal` the
//! destination gets `DestinationCleanAperture` as its clean aperture when
//! it is set, and no clean aperture otherwise.
//!
//! # Rounding
//!
//! The drawn rectangle's edges are rounded *inwards* to lines of the
//! destination's chroma grid (multiples of 2 horizontally for 4:2:x, and
//! vertically for 4:2:0; whole pixels otherwise), the frame's own right and
//! bottom edges counting as grid lines (odd sizes); edges within 10⁻⁶ of a
//! line count as on it. The source rectangle is then recomputed from the
//! rounded one, so it stays inside the source clean aperture: rounding
//! trims under one grid step off a picture edge and never distorts.
//!
//! # Errors (nothing is written)
//!
//! In the modes that use them (all but `Normal`): a source
//! `CVCleanAperture` attachment that is not a dictionary with all four
//! keys, a positive finite width and height and finite offsets, or whose
//! rectangle is not inside the buffer; a `CVPixelAspectRatio` attachment
//! without two positive finite spacings (0 included); a
//! `DestinationCleanAperture` not inside the destination; and a drawn
//! rectangle that rounds to nothing.

use super::properties::{CleanAperture, PixelAspectRatio, ScalingMode};
use crate::core::convert::{Placement, SourceRect, TargetRect};
use crate::core::property::Value;
use crate::core::resample::Filter;

/// How far a clean aperture may stick out of its buffer (rounding in
/// client arithmetic).
const SLACK: f64 = 1e-6;

/// Everything the geometry depends on.
#[derive(Clone, Copy, Debug)]
pub struct GeometryInput<'a> {
    pub mode: ScalingMode,
    pub source: (usize, usize),
    pub destination: (usize, usize),
    /// The source's `kCVImageBufferCleanApertureKey` attachment.
    pub source_clean_aperture: Option<&'a Value>,
    /// The source's `kCVImageBufferPixelAspectRatioKey` attachment.
    pub source_pixel_aspect_ratio: Option<&'a Value>,
    pub destination_clean_aperture: Option<CleanAperture>,
    pub destination_pixel_aspect_ratio: Option<PixelAspectRatio>,
    /// The destination's chroma subsampling (horizontal, vertical).
    pub grid: (usize, usize),
    pub filter: Filter,
}

/// The resolved geometry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    pub placement: Placement,
    /// The destination's clean-aperture attachment (`None`: none).
    pub clean_aperture: Option<CleanAperture>,
    /// The destination's pixel-aspect-ratio attachment (`None`: none).
    pub pixel_aspect_ratio: Option<PixelAspectRatio>,
}

/// Why a transfer's geometry is refused (the shim: `kVTParameterErr`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GeometryError {
    #[error("the source clean aperture is malformed or outside the buffer")]
    SourceCleanAperture,
    #[error("the source pixel aspect ratio is malformed")]
    SourcePixelAspectRatio,
    #[error("the destination clean aperture is outside the destination")]
    DestinationCleanAperture,
    #[error("the scaled picture is empty")]
    Empty,
}

/// A rectangle, top-left origin, pixel edges.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Rect {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl Rect {
    fn full((w, h): (usize, usize)) -> Rect {
        Rect {
            x: 0.0,
            y: 0.0,
            w: w as f64,
            h: h as f64,
        }
    }

    fn of_aperture(ca: &CleanAperture, (w, h): (usize, usize)) -> Rect {
        Rect {
            x: (w as f64 - ca.width) / 2.0 + ca.horizontal_offset,
            y: (h as f64 - ca.height) / 2.0 + ca.vertical_offset,
            w: ca.width,
            h: ca.height,
        }
    }

    fn inside(&self, (w, h): (usize, usize)) -> bool {
        self.x >= -SLACK
            && self.y >= -SLACK
            && self.x + self.w <= w as f64 + SLACK
            && self.y + self.h <= h as f64 + SLACK
    }
}

/// Resolves the placement and destination attachments (module docs).
pub fn resolve(input: &GeometryInput<'_>) -> Result<Geometry, GeometryError> {
    if input.mode == ScalingMode::Normal {
        return Ok(normal(input));
    }
    let source_ca = match input.source_clean_aperture {
        None => Rect::full(input.source),
        Some(v) => {
            let ca =
                CleanAperture::from_value(v).map_err(|_| GeometryError::SourceCleanAperture)?;
            Some(Rect::of_aperture(&ca, input.source))
                .filter(|r| r.inside(input.source))
                .ok_or(GeometryError::SourceCleanAperture)?
        }
    };
    let source_par = match input.source_pixel_aspect_ratio {
        None => None,
        Some(v) => Some(
            PixelAspectRatio::from_value(v).map_err(|_| GeometryError::SourcePixelAspectRatio)?,
        ),
    };
    let destination_ca = match &input.destination_clean_aperture {
        None => Rect::full(input.destination),
        Some(ca) => Some(Rect::of_aperture(ca, input.destination))
            .filter(|r| r.inside(input.destination))
            .ok_or(GeometryError::DestinationCleanAperture)?,
    };
    let square = PixelAspectRatio {
        horizontal_spacing: 1.0,
        vertical_spacing: 1.0,
    };
    let par = match input.mode {
        ScalingMode::CropSourceToCleanAperture => input.destination_pixel_aspect_ratio,
        _ => input.destination_pixel_aspect_ratio.or(source_par),
    }
    .unwrap_or(square);

    // The whole source clean aperture's rectangle in the destination, and
    // the part of it that is drawn.
    let (ideal, drawn) = match input.mode {
        ScalingMode::Letterbox | ScalingMode::Trim => {
            let sp = source_par.unwrap_or(square);
            let aspect = source_ca.w * sp.horizontal_spacing / (source_ca.h * sp.vertical_spacing);
            // Destination pixels' width per height for that aspect.
            let ratio = aspect * par.vertical_spacing / par.horizontal_spacing;
            let d = destination_ca;
            let wider = d.w / d.h > ratio;
            let fit_height = wider == (input.mode == ScalingMode::Letterbox);
            let (w, h) = if fit_height {
                (d.h * ratio, d.h)
            } else {
                (d.w, d.w / ratio)
            };
            let ideal = Rect {
                x: d.x + (d.w - w) / 2.0,
                y: d.y + (d.h - h) / 2.0,
                w,
                h,
            };
            let drawn = if input.mode == ScalingMode::Letterbox {
                ideal
            } else {
                d
            };
            (ideal, drawn)
        }
        _ => (destination_ca, destination_ca),
    };
    let (tx, tw) = snap(drawn.x, drawn.w, input.destination.0, input.grid.0)?;
    let (ty, th) = snap(drawn.y, drawn.h, input.destination.1, input.grid.1)?;
    let (kx, ky) = (ideal.w / source_ca.w, ideal.h / source_ca.h);
    let inverse = |t: usize, len: usize, ideal0: f64, source0: f64, k: f64, limit: usize| {
        let start = (source0 + (t as f64 - ideal0) / k).max(0.0);
        let end = (source0 + ((t + len) as f64 - ideal0) / k).min(limit as f64);
        (end > start && end.is_finite())
            .then_some((start, end - start))
            .ok_or(GeometryError::Empty)
    };
    let (sx, sw) = inverse(tx, tw, ideal.x, source_ca.x, kx, input.source.0)?;
    let (sy, sh) = inverse(ty, th, ideal.y, source_ca.y, ky, input.source.1)?;
    Ok(Geometry {
        placement: Placement {
            source: SourceRect {
                x: sx,
                y: sy,
                width: sw,
                height: sh,
            },
            target: TargetRect {
                x: tx,
                y: ty,
                width: tw,
                height: th,
            },
            filter: input.filter,
        },
        clean_aperture: input.destination_clean_aperture,
        pixel_aspect_ratio: Some(par),
    })
}

/// `[start, start + len)` rounded inwards to grid lines (module docs)
/// within `0..=limit`: (first pixel, pixels).
fn snap(start: f64, len: f64, limit: usize, grid: usize) -> Result<(usize, usize), GeometryError> {
    let g = grid.max(1) as f64;
    let limit_f = limit as f64;
    let end = start + len;
    if !(start.is_finite() && end.is_finite()) {
        return Err(GeometryError::Empty);
    }
    let a = (((start - SLACK) / g).ceil() * g).clamp(0.0, limit_f);
    let b = if end >= limit_f - SLACK {
        limit_f
    } else {
        (((end + SLACK) / g).floor() * g).clamp(0.0, limit_f)
    };
    if b <= a {
        return Err(GeometryError::Empty);
    }
    Ok((a as usize, (b - a) as usize))
}

/// `Normal`: stretch, attachments rescaled (module docs).
fn normal(input: &GeometryInput<'_>) -> Geometry {
    let (w, h) = (input.source.0 as f64, input.source.1 as f64);
    let (dw, dh) = (input.destination.0 as f64, input.destination.1 as f64);
    let (sx, sy) = (dw / w, dh / h);
    let clean_aperture = input
        .source_clean_aperture
        .and_then(|v| CleanAperture::from_value(v).ok())
        .and_then(|ca| {
            CleanAperture::new(
                ca.width * sx,
                ca.height * sy,
                ca.horizontal_offset * sx,
                ca.vertical_offset * sy,
            )
            .ok()
        });
    let pixel_aspect_ratio = input
        .source_pixel_aspect_ratio
        .and_then(|v| PixelAspectRatio::from_value(v).ok())
        .and_then(|par| {
            let (hs, vs) = (par.horizontal_spacing, par.vertical_spacing);
            let integral = [hs, vs].iter().all(|v| v.fract() == 0.0 && *v < 1e9);
            let (a, b) = if integral {
                // h·dH·W : v·dW·H, exact in u128, reduced.
                let (a, b) = (
                    hs as u128 * input.destination.1 as u128 * input.source.0 as u128,
                    vs as u128 * input.destination.0 as u128 * input.source.1 as u128,
                );
                let g = gcd(a, b).max(1);
                ((a / g) as f64, (b / g) as f64)
            } else {
                (hs * sy, vs * sx)
            };
            PixelAspectRatio::new(a, b).ok()
        });
    Geometry {
        placement: Placement::stretch(input.source, input.destination, input.filter),
        clean_aperture,
        pixel_aspect_ratio,
    }
}

fn gcd(a: u128, b: u128) -> u128 {
    if b == 0 { a } else { gcd(b, a % b) }
}

#[cfg(test)]
mod tests;
