//! CoreVideo (corevideo.md), exported under Apple's names.

pub mod pixel_format_type;
