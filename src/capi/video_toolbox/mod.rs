//! VideoToolbox pixel transfer, pixel rotation and the generic session
//! property API (videotoolbox.md). Symbols keep Apple's exact names.
//!
//! So far only the C types and the error codes exist ([`types`]); functions
//! and the property-key constants are added with their implementations.

pub mod types;
