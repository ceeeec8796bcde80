//! vImage's operations as safe kernels over [`crate::core::image`] views,
//! one module per family of vimage-ops.md (and the Core Video interop's
//! format logic). The shim (`capi::vimage`) validates `vImage_Buffer`s and
//! flags and calls in here; colour maths and resampling come from
//! `core::color` and `core::resample`, never a second copy.

pub mod alpha;
pub mod buffer_init;
pub mod cg_format;
pub mod channels;
pub mod color_space;
pub mod convolve;
pub mod cv_format;
pub mod depth;
pub mod dither;
pub mod fill;
pub mod geometry;
pub mod histogram;
pub mod interleave;
pub mod interop;
pub mod layouts;
pub mod pack;
pub mod scale;
pub mod ycbcr;
