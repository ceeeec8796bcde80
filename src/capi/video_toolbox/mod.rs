//! VideoToolbox pixel transfer, pixel rotation and the generic session
//! property API (videotoolbox.md). Symbols keep Apple's exact names.

pub mod keys;
pub mod types;
