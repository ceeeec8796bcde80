//! Any-to-any pixel conversion: VTPixelTransferSession's general path,
//! scaling included ([`scale`]: a [`Placement`] says which source
//! rectangle lands on which destination rectangle).
//!
//! A [`ConversionRequest`] (formats, the source's colour tags, the
//! session's destination colour properties, the downsampling mode) is
//! validated once into a [`ConversionPlan`], which holds every decision —
//! matrices, colour matching, chroma sitings, alpha handling (the list is
//! in [`plan`]'s docs) — and then converts any number of frames given as
//! plain per-plane byte slices with strides ([`SourceFrame`],
//! [`DestFrame`]).
//!
//! Per row: [`io`] unpacks code values → `codes` normalises them (range
//! from the pixel format) → `chroma` upsamples Cb/Cr in the source's
//! siting → `colour_stage` converts (matrix, colour matching in linear
//! light) → `chroma` downsamples for the destination's subsampling →
//! `codes` back to code values → [`io`] packs. [`pipeline`] is the plane
//! driver that runs those row kernels over a frame through a small window
//! of rows. All colour maths comes from `core::color`.
//!
//! Arithmetic is f32 (colour matching's transfer curves through
//! interpolated tables, `core::color::transfer_lut`); results are within
//! ±1 code of a double-precision model of the same rules (tests).

mod chroma;
mod codes;
mod colour_stage;
pub mod fast;
pub mod io;
pub mod pipeline;
pub mod plan;
pub mod scale;
pub mod stripes;

#[cfg(test)]
pub(crate) mod tests;

pub use fast::FastPath;
pub use io::ConvertError;
pub use pipeline::{DestFrame, SourceFrame};
pub use plan::{
    ConversionPlan, ConversionRequest, DEFAULT_MATRIX, DEFAULT_SITING, DestinationColor,
    DownsamplingMode, MatrixOrigin, SourceColor,
};
pub use scale::{Placement, SourceRect, TargetRect};
