//! The safe core: typed values and algorithms, no raw pointers, no C types.
//!
//! Anything reachable from C through a sequence of valid calls must not panic
//! in here; fallible operations return `Result` or `Option`.
#![deny(unsafe_code)]

pub mod buffer;
pub mod bytes;
pub mod color;
pub mod convert;
pub mod encoding;
mod encoding_tables;
pub mod image;
pub mod number;
pub mod ordered_table;
pub mod pixel_format;
pub mod property;
pub mod resample;
#[cfg(test)]
mod test_rng;
pub mod text;
pub mod transfer;
pub mod vimage;
