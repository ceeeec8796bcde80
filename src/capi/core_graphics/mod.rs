//! The CoreGraphics subset that CoreVideo and vImage headers use
//! (vimage-core.md §6–§10, corevideo.md §1): geometry, the bitmap-layout
//! constants ([`types`]) and CGColorSpace ([`color_space`], with the name
//! constants in [`color_space_names`]), and the minimal CGImage that
//! vImage's `vImageCreateCGImageFromBuffer` makes ([`image`]). CoreGraphics symbols keep Apple's
//! exact names.

pub mod color_space;
pub mod color_space_names;
pub mod image;
pub mod types;
