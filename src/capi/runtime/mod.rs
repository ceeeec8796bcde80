//! The object runtime behind every C-visible handle.
//!
//! Every object pixelport hands to C starts with the same [`object::Header`]
//! (class pointer, atomic reference count), so `CFRetain`, `CFRelease`,
//! `CFGetTypeID`, `CFEqual`, `CFHash` and `CFCopyDescription` work on all of
//! them, and the shim can check a handle's class before it downcasts.
//!
//! Besides our own objects there is one foreign layout we must accept: the
//! constant CFString literals clang emits for `CFSTR("…")` ([`literal`]).
//!
//! Invariants:
//! - An object's first word points into [`class::CLASSES`]; nothing else we
//!   allocate does, so a pointer is recognised without trusting the caller.
//! - Immortal objects (constants, interned strings, literals) ignore retain
//!   and release.

pub mod class;
pub mod literal;
pub mod object;
