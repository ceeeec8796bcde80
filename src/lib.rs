//! pixelport: Apple's pixel-buffer, pixel-transfer and vImage Core Video APIs
//! for Linux, behind a C ABI.
//!
//! Two layers, calls only go down:
//! - [`capi`]: the thin C shim. Every exported function catches panics, checks
//!   its arguments, converts them to core types, calls the core and maps the
//!   result to Apple's status codes. All `unsafe` lives here (and, later, in
//!   `core::kernels::simd`).
//! - [`core`]: safe, typed Rust with no raw pointers.
//!
//! C users never see this crate's Rust API; Rust tests use it to call the
//! exported functions directly.

pub mod capi;
// The core never crosses the C ABI, so cbindgen must not read it (its public
// consts and types would otherwise leak into pixelport.h).
/// cbindgen:ignore
pub mod core;
