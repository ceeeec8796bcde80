//! Row kernels: pure functions that convert one row of pixels, slices in
//! and slices out. A kernel knows nothing about buffers, strides, planes
//! or formats; the plane drivers (`convert::fast`) validate geometry, pick
//! a kernel once per frame and loop over rows.
//!
//! Every kernel here is the portable scalar version and defines the right
//! answer; SIMD variants (under `kernels::simd`) share these signatures and
//! their small precomputed coefficient structs, and must match the scalar
//! result bit for bit. Coefficients come from `core::color` (the fixed-point
//! sets of `core::color::fixed`); kernels hold no colour constants.
//!
//! One file per family:
//! - [`swizzle`]: 8-bit R'G'B'(A) byte-order changes.
//! - [`ycbcr_to_rgb`]: 4:2:0 / 4:2:2 Y'CbCr (8- or 10-bit) → 32-bit
//!   R'G'B'A with interpolated chroma.
//! - [`rgb_to_ycbcr`]: 8-bit R'G'B'(A) → 4:2:0 Y'CbCr (8- or 10-bit) with
//!   averaged or decimated chroma.
//! - [`packed422`]: splitting packed 4:2:2 rows for `ycbcr_to_rgb`.
//!
//! [`simd`] holds the vector versions (the only core module allowed
//! `unsafe`) and the run-time dispatcher that picks a level once per process.

pub mod packed422;
pub mod rgb_to_ycbcr;
#[allow(unsafe_code)]
pub mod simd;
pub mod swizzle;
pub mod ycbcr_to_rgb;
