//! vImage: the core types and the Core Video / CoreGraphics interop
//! (vimage-core.md, vimage-corevideo.md), and the operations video code
//! calls beside them (vimage-ops.md). Symbols keep Apple's exact names.
//!
//! [`buffer`] is the one place a `vImage_Buffer` becomes a core view; every
//! export goes through it and through [`vimage_call!`](crate::vimage_call).

// First: its `vimage_call!` macro is used by every module below.
#[macro_use]
pub mod buffer;

pub mod alpha;
pub mod buffer_init;
pub mod cg_format;
pub mod cg_image;
pub mod channels;
pub mod color_space;
pub mod converter;
pub mod convolve;
pub mod cv_image_format;
pub mod cv_pixel_buffer;
pub mod depth;
pub mod dither;
pub mod fill;
pub mod geometry;
pub mod histogram;
pub mod interleave;
pub mod scale;
pub mod types;
pub mod ycbcr;
