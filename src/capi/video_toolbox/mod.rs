//! VideoToolbox pixel transfer, pixel rotation and the generic session
//! property API (videotoolbox.md). Symbols keep Apple's exact names.

pub mod keys;
pub mod pixel_rotation_session;
pub mod pixel_transfer_session;
pub mod property_codec;
pub mod rotate_image;
pub mod session;
mod session_state;
pub mod transfer_image;
pub mod types;
