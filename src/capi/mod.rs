//! The C ABI: thin shims over [`crate::core`], one module per Apple framework.
//!
//! Every exported function follows the same steps in order: catch panics
//! ([`ffi_guard!`]) → check arguments (NULL, handle type, ranges; see
//! [`handle`]) → convert to core types → call the core → map the error to the
//! framework's status code → write outputs (only on success).
//!
//! CoreFoundation symbols are exported with a `pixelport_` prefix so that
//! pixelport can share a process with another CoreFoundation; the Apple-path
//! headers map Apple's spellings onto them. CoreVideo, VideoToolbox and vImage
//! symbols keep Apple's exact names.

#[macro_use]
pub mod panic;
#[macro_use]
pub mod handle;
pub mod core_foundation;
pub mod core_video;
pub mod runtime;
