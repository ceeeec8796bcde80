//! The per-pixel colour stage: normalised source colour → normalised
//! destination colour, at full resolution, on three planar channels.
//!
//! Channel meaning on each side is the "kind" of the format
//! ([`ColourKind`]): R'G'B', or Y'CbCr under a matrix. Gray is Y'CbCr with
//! Cb = Cr = 0 under whatever matrix the other side uses — so gray →
//! R'G'B' gives R' = G' = B' = gray, gray ⇄ Y'CbCr keeps Y' and neutral
//! chroma, and R'G'B' → gray is the destination matrix's luma.
//!
//! Three forms, picked once by the plan:
//!
//! - [`ColourStage::Identity`]: the channels already mean the same thing
//!   (R'G'B' → R'G'B', or Y'CbCr → Y'CbCr under one matrix) and nothing is
//!   computed — in particular Y'CbCr → Y'CbCr never passes through R'G'B',
//!   so out-of-gamut Y'CbCr survives a range or depth change.
//! - [`ColourStage::Matrix`]: one 3×3 matrix (Y'CbCr → R'G'B',
//!   R'G'B' → Y'CbCr, or a matrix change Y'CbCr → R'G'B' → Y'CbCr folded
//!   into one), from `core::color::matrix`.
//! - [`ColourStage::Matching`]: colour matching in linear light: to R'G'B'
//!   (source matrix), the source transfer function's `to_linear`, the
//!   primaries conversion of `core::color::primaries` (Bradford-adapted
//!   when the white points differ), the destination transfer function's
//!   `from_linear`, then to the destination kind. Computed in f64 per
//!   pixel.
//!
//! Nothing is clipped here: values outside the nominal range flow through
//! (negative R'G'B' from out-of-gamut Y'CbCr, HDR linear values above 1.0)
//! and only the destination's code range clips them at packing. There is
//! no tone mapping: PQ/HLG content matched to an SDR curve clips at the
//! destination's white.

use crate::core::color::linalg::{self, Mat3};
use crate::core::color::transfer::TransferFunction;
use crate::core::color::{ColorPrimaries, YCbCrMatrix, primaries};

/// What the three colour channels of one side mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ColourKind {
    Rgb,
    /// Y'CbCr (or gray) under this matrix.
    YCbCr(YCbCrMatrix),
    /// The generic two-component formats: no colour meaning.
    Generic,
}

impl ColourKind {
    /// Normalised channels of this kind → R'G'B'.
    fn decoding_matrix(self) -> Mat3 {
        match self {
            ColourKind::YCbCr(m) => m.ycbcr_to_rgb(),
            ColourKind::Rgb | ColourKind::Generic => linalg::IDENTITY,
        }
    }

    /// R'G'B' → normalised channels of this kind.
    fn encoding_matrix(self) -> Mat3 {
        match self {
            ColourKind::YCbCr(m) => m.rgb_to_ycbcr(),
            ColourKind::Rgb | ColourKind::Generic => linalg::IDENTITY,
        }
    }
}

/// The colour-matching parameters, resolved by the plan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Matching {
    pub to_rgb: Mat3,
    pub source_transfer: TransferFunction,
    /// Linear source RGB → linear destination RGB.
    pub primaries: Mat3,
    pub destination_transfer: TransferFunction,
    pub from_rgb: Mat3,
}

/// The colour stage of one conversion (see the module docs). One per plan,
/// so the size of the matching variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum ColourStage {
    Identity,
    Matrix([[f32; 3]; 3]),
    Matching(Matching),
}

/// Colour matching parameters of a plan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct MatchingTags {
    pub source_primaries: ColorPrimaries,
    pub source_transfer: TransferFunction,
    pub destination_primaries: ColorPrimaries,
    pub destination_transfer: TransferFunction,
}

impl ColourStage {
    /// The stage from `source` to `destination` kind, matching colours when
    /// `matching` is given.
    pub fn new(
        source: ColourKind,
        destination: ColourKind,
        matching: Option<MatchingTags>,
    ) -> ColourStage {
        if let Some(tags) = matching {
            let primaries = primaries::rgb_to_rgb(
                &tags.source_primaries.chromaticities(),
                &tags.destination_primaries.chromaticities(),
            )
            // The built-in primaries are never degenerate.
            .unwrap_or(linalg::IDENTITY);
            return ColourStage::Matching(Matching {
                to_rgb: source.decoding_matrix(),
                source_transfer: tags.source_transfer,
                primaries,
                destination_transfer: tags.destination_transfer,
                from_rgb: destination.encoding_matrix(),
            });
        }
        let same = match (source, destination) {
            (ColourKind::Rgb, ColourKind::Rgb) | (ColourKind::Generic, _) => true,
            (ColourKind::YCbCr(a), ColourKind::YCbCr(b)) => a == b,
            _ => false,
        };
        if same {
            return ColourStage::Identity;
        }
        let m = linalg::mul(&destination.encoding_matrix(), &source.decoding_matrix());
        ColourStage::Matrix(m.map(|row| row.map(|v| v as f32)))
    }

    pub fn is_identity(&self) -> bool {
        matches!(self, ColourStage::Identity)
    }

    /// Runs the stage in place on three full-resolution channels of equal
    /// length.
    pub fn run(&self, [c0, c1, c2]: [&mut [f32]; 3]) {
        match self {
            ColourStage::Identity => {}
            ColourStage::Matrix(m) => {
                for ((a, b), c) in c0.iter_mut().zip(c1.iter_mut()).zip(c2.iter_mut()) {
                    let (x, y, z) = (*a, *b, *c);
                    *a = m[0][0] * x + m[0][1] * y + m[0][2] * z;
                    *b = m[1][0] * x + m[1][1] * y + m[1][2] * z;
                    *c = m[2][0] * x + m[2][1] * y + m[2][2] * z;
                }
            }
            ColourStage::Matching(p) => {
                for ((a, b), c) in c0.iter_mut().zip(c1.iter_mut()).zip(c2.iter_mut()) {
                    let v = [f64::from(*a), f64::from(*b), f64::from(*c)];
                    let rgb = linalg::apply(&p.to_rgb, v);
                    let linear = rgb.map(|x| p.source_transfer.to_linear(x));
                    let matched = linalg::apply(&p.primaries, linear);
                    let encoded = matched.map(|x| p.destination_transfer.from_linear(x));
                    let out = linalg::apply(&p.from_rgb, encoded);
                    *a = out[0] as f32;
                    *b = out[1] as f32;
                    *c = out[2] as f32;
                }
            }
        }
    }
}

/// Straight colour from premultiplied: `c / a`, and 0 where `a ≤ 0`
/// (decision: a fully transparent premultiplied pixel has no colour, so it
/// becomes black).
pub(crate) fn unpremultiply(channels: [&mut [f32]; 3], alpha: &[f32]) {
    for c in channels {
        for (v, &a) in c.iter_mut().zip(alpha) {
            *v = if a > 0.0 { *v / a } else { 0.0 };
        }
    }
}

/// Premultiplied colour from straight: `c · a`.
pub(crate) fn premultiply(channels: [&mut [f32]; 3], alpha: &[f32]) {
    for c in channels {
        for (v, &a) in c.iter_mut().zip(alpha) {
            *v *= a;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(stage: &ColourStage, v: [f32; 3]) -> [f32; 3] {
        let (mut a, mut b, mut c) = ([v[0]], [v[1]], [v[2]]);
        stage.run([&mut a, &mut b, &mut c]);
        [a[0], b[0], c[0]]
    }

    #[test]
    fn same_kinds_are_identity() {
        let k = ColourKind::YCbCr(YCbCrMatrix::Bt709);
        assert!(ColourStage::new(k, k, None).is_identity());
        assert!(ColourStage::new(ColourKind::Rgb, ColourKind::Rgb, None).is_identity());
        assert!(!ColourStage::new(k, ColourKind::Rgb, None).is_identity());
    }

    #[test]
    fn gray_is_neutral_under_any_matrix() {
        for m in YCbCrMatrix::ALL {
            let stage = ColourStage::new(ColourKind::YCbCr(m), ColourKind::Rgb, None);
            let rgb = run(&stage, [0.4, 0.0, 0.0]);
            for c in rgb {
                assert!((c - 0.4).abs() < 1e-6);
            }
        }
    }

    #[test]
    fn matrix_change_keeps_white_and_black() {
        let stage = ColourStage::new(
            ColourKind::YCbCr(YCbCrMatrix::Bt601),
            ColourKind::YCbCr(YCbCrMatrix::Bt2020),
            None,
        );
        for y in [0.0, 1.0] {
            let out = run(&stage, [y, 0.0, 0.0]);
            assert!((out[0] - y).abs() < 1e-6 && out[1].abs() < 1e-6 && out[2].abs() < 1e-6);
        }
    }

    #[test]
    fn premultiplication_round_trips_and_zero_alpha_is_black() {
        let alpha = [0.5, 0.0, 1.0];
        let (mut r, mut g, mut b) = ([0.2, 0.7, 0.9], [0.4, 0.7, 0.1], [0.0, 0.7, 0.5]);
        premultiply([&mut r, &mut g, &mut b], &alpha);
        assert_eq!(r, [0.1, 0.0, 0.9]);
        unpremultiply([&mut r, &mut g, &mut b], &alpha);
        assert_eq!((r, g[1], b[2]), ([0.2, 0.0, 0.9], 0.0, 0.5));
    }
}
