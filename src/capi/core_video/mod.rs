//! CoreVideo (corevideo.md): CVBuffer, CVImageBuffer, CVPixelBuffer,
//! CVPixelBufferPool and CVPixelFormatDescription. Symbols keep Apple's exact
//! names (no `pixelport_` prefix).

pub mod code_point;
pub mod keys;
pub mod pixel_format_description;
pub mod pixel_format_type;
pub mod types;
