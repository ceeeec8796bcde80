//! Separable resampling: filter kernels, precomputed taps, and the row
//! kernels that apply them. Shared by VTPixelTransferSession scaling
//! (`core::convert`) and vImage's scaling, so the crate has one resampler.
//!
//! # Model
//!
//! A 1-D resample maps `output_len` output samples onto an input of
//! `input_len` samples through an affine [`Mapping`]: output sample `j`
//! sits at input position `start + j · step`, in input *index* units
//! (sample `i` is at position `i`). [`Mapping::region`] builds it from a
//! source sub-range in pixel-edge coordinates (crops, clean apertures) and
//! [`Mapping::sited`] does the same for subsampled chroma sample grids.
//!
//! [`Taps::new`] evaluates a [`Filter`] once per output sample. When
//! downscaling (`step > 1`) the kernel is stretched by `step`, so a large
//! reduction averages every input sample it covers instead of aliasing;
//! when upscaling it is the kernel itself.
//!
//! # Decisions
//!
//! - **Edges mirror** about the edge samples (whole-sample symmetric:
//!   index −1 reads sample 1, `input_len` reads `input_len − 2`; an input
//!   of one sample is constant): the weight of an index outside
//!   `0..input_len` is folded onto the sample it mirrors to. Unlike
//!   replicating the edge sample, this keeps a pattern's parity, so a 2:1
//!   reduction of a checkerboard is its mean up to the very edge, and it
//!   still reproduces constants and ramps' local slope. Reads stay inside
//!   the input: a caller that must not read outside a crop passes only the
//!   crop's samples as the input.
//!   [`Edge::Extend`] instead reads the nearest edge sample (vImage).
//! - **Normalisation.** Weights are computed in f64, divided by their sum,
//!   rounded to f32, and the rounding residue (`1 − Σ f32`) is added to the
//!   largest tap, so every f32 tap set sums to 1 as closely as f32 allows
//!   and a constant input reproduces itself (to f32 rounding, which integer
//!   formats round away; the f32 kernels' difference form makes constants
//!   exact, see `row`). [`FixedTaps`] carry the same weights as integers
//!   in units of 2^−[`FIXED_BITS`] that sum to exactly 2^[`FIXED_BITS`],
//!   so a constant u8 row stays exactly constant.
//! - **Storage.** Every output has the same number of taps (the widest
//!   window, zero-padded) starting at `first`, with `first + count ≤
//!   input_len`: inner loops are one contiguous multiply-add without
//!   bounds juggling, which is also what a SIMD version wants.
//! - **Rounding** of the integer kernels: to nearest, halves up, then
//!   clamped to 0‥=255 (Lanczos lobes overshoot).

mod frame;
mod kernel;
mod row;
mod taps;

#[cfg(test)]
mod tests;

pub use frame::scale_frame_u8;
pub use kernel::Filter;
pub use row::{
    INTERMEDIATE_BITS, accumulate_difference, blend_i16_to_u8, blend_rows, blend_rows_u8,
    resample_interleaved, resample_interleaved_u8, resample_row, resample_u8_to_i16,
};
pub use taps::{Edge, FIXED_BITS, FixedTaps, Mapping, Taps};
