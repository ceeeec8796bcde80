//! vImage: the core types and the Core Video / CoreGraphics interop
//! (vimage-core.md, vimage-corevideo.md). Symbols keep Apple's exact names.
//!
//! So far only the C types and constant values exist ([`types`]); functions
//! are added with their implementations.

pub mod types;
