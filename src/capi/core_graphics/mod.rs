//! The CoreGraphics subset that CoreVideo and vImage headers use
//! (vimage-core.md §6–§8, corevideo.md §1): geometry, the colour-space
//! reference and the bitmap-layout constants.
//!
//! So far only the C types and constant values exist ([`types`]); CGColorSpace
//! functions are added with their implementation.

pub mod types;
