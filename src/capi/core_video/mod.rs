//! CoreVideo (corevideo.md): CVBuffer, CVImageBuffer, CVPixelBuffer,
//! CVPixelBufferPool and CVPixelFormatDescription. Symbols keep Apple's exact
//! names (no `pixelport_` prefix).
//!
//! So far only the C types and constant values exist ([`types`]); functions
//! and the string-key constants are added with their implementations.

pub mod types;
