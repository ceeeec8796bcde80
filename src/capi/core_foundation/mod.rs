//! CoreFoundation subset (corefoundation.md), exported as `pixelport_CF…`.
//!
//! One module per CF type, named after it: `CFStringGetLength` is in
//! `string.rs`, `CFRetain` in `base.rs`.

pub mod allocator;
pub mod array;
pub mod base;
pub mod boolean;
pub(crate) mod collection;
pub mod data;
pub mod dictionary;
pub mod null;
pub mod number;
pub mod property;
pub mod string;
pub mod types;
