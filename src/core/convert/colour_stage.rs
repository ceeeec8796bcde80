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
//!   `from_linear`, then to the destination kind. Per conversion the
//!   stage is [`prepared`](ColourStage::prepare): matrices in f32 and both
//!   transfer curves tabulated (`core::color::transfer_lut`, interpolated,
//!   exact f64 outside the table), which keeps each output within a small
//!   fraction of a 16-bit code of the f64 evaluation at a fraction of its
//!   cost.
//!
//! Nothing is clipped here: values outside the nominal range flow through
//! (negative R'G'B' from out-of-gamut Y'CbCr, HDR linear values above 1.0)
//! and only the destination's code range clips them at packing. There is
//! no tone mapping: PQ/HLG content matched to an SDR curve clips at the
//! destination's white.

use super::io::ConvertError;
use crate::core::color::linalg::{self, Mat3};
use crate::core::color::transfer::TransferFunction;
use crate::core::color::transfer_lut::{Direction, TransferLut};
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

    /// The stage ready to run on rows: colour matching's curves
    /// tabulated, its matrices in f32.
    pub fn prepare(&self) -> Result<PreparedStage, ConvertError> {
        let f32s = |m: &Mat3| m.map(|row| row.map(|v| v as f32));
        Ok(match self {
            ColourStage::Identity => PreparedStage::Identity,
            ColourStage::Matrix(m) => PreparedStage::Matrix(*m),
            ColourStage::Matching(p) => {
                let lut = |curve, direction| {
                    TransferLut::new(curve, direction).ok_or(ConvertError::OutOfMemory)
                };
                PreparedStage::Matching(Box::new(PreparedMatching {
                    to_rgb: f32s(&p.to_rgb),
                    to_linear: lut(p.source_transfer, Direction::ToLinear)?,
                    primaries: f32s(&p.primaries),
                    from_linear: lut(p.destination_transfer, Direction::FromLinear)?,
                    from_rgb: f32s(&p.from_rgb),
                }))
            }
        })
    }
}

/// Colour matching ready to run (see [`ColourStage::prepare`]).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PreparedMatching {
    to_rgb: [[f32; 3]; 3],
    to_linear: TransferLut,
    primaries: [[f32; 3]; 3],
    from_linear: TransferLut,
    from_rgb: [[f32; 3]; 3],
}

/// A [`ColourStage`] prepared for one conversion.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum PreparedStage {
    Identity,
    Matrix([[f32; 3]; 3]),
    Matching(Box<PreparedMatching>),
}

/// `f` on every pixel of three channels, in place.
#[inline(always)]
fn each([c0, c1, c2]: [&mut [f32]; 3], f: impl Fn([f32; 3]) -> [f32; 3]) {
    for ((a, b), c) in c0.iter_mut().zip(c1.iter_mut()).zip(c2.iter_mut()) {
        [*a, *b, *c] = f([*a, *b, *c]);
    }
}

#[inline(always)]
fn apply(m: &[[f32; 3]; 3], [x, y, z]: [f32; 3]) -> [f32; 3] {
    m.map(|r| r[0] * x + r[1] * y + r[2] * z)
}

impl PreparedStage {
    /// Runs the stage in place on three full-resolution channels of equal
    /// length.
    pub fn run(&self, channels: [&mut [f32]; 3]) {
        match self {
            PreparedStage::Identity => {}
            PreparedStage::Matrix(m) => each(channels, |v| apply(m, v)),
            PreparedStage::Matching(p) => each(channels, |v| {
                let linear = apply(&p.to_rgb, v).map(|x| p.to_linear.eval(x));
                let encoded = apply(&p.primaries, linear).map(|x| p.from_linear.eval(x));
                apply(&p.from_rgb, encoded)
            }),
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
        stage.prepare().unwrap().run([&mut a, &mut b, &mut c]);
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
