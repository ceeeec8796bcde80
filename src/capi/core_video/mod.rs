//! CoreVideo (corevideo.md): CVBuffer, CVImageBuffer, CVPixelBuffer,
//! CVPixelBufferPool and CVPixelFormatDescription. Symbols keep Apple's exact
//! names (no `pixelport_` prefix).
//!
//! - `pixel_buffer`: the CVPixelBuffer object and its creation
//!   (`PixelBufferSpec` is the seam pools build on, `memory` the storage);
//! - `pixel_buffer_access`: lock, getters, extended-pixel fill;
//! - `pixel_buffer_attributes`: creation/resolved attributes, compatibility;
//! - `pixel_buffer_pool`: CVPixelBufferPool (policy in `core::buffer::pool`);
//! - `buffer` + `attachments`: CVBuffer retain/release and attachments;
//! - `image_buffer`: encoded/display size, clean rect, flipped;
//! - `status`: core errors → `CVReturn`;
//! - `pixel_format_description`: CVPixelFormatDescription functions;
//! - `code_point`: H.273 code points ↔ colour strings;
//! - `keys`, `pixel_format_type`, `types`: constants and C types.

pub mod attachments;
pub mod buffer;
pub mod code_point;
pub mod image_buffer;
pub mod keys;
pub mod memory;
pub mod pixel_buffer;
pub mod pixel_buffer_access;
pub mod pixel_buffer_attributes;
pub mod pixel_buffer_pool;
pub mod pixel_format_description;
pub mod pixel_format_type;
pub mod status;
pub mod types;
