//! CoreVideo (corevideo.md): pixel buffers, pools, attachments, formats.

pub mod keys;
