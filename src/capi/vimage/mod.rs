//! vImage: the core types and the Core Video / CoreGraphics interop
//! (vimage-core.md, vimage-corevideo.md), and the operations video code
//! calls beside them (vimage-ops.md). Symbols keep Apple's exact names.
//!
//! [`buffer`] is the one place a `vImage_Buffer` becomes a core view; every
//! export goes through it and through [`vimage_call!`](crate::vimage_call).

#[macro_use]
pub mod buffer;
pub mod convolve;
pub mod dither;
pub mod geometry;
pub mod histogram;
pub mod scale;
pub mod types;
