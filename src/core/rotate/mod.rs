//! VTPixelRotationSession's core: what an orientation does to coordinates
//! ([`orientation`]), the per-plane driver and row kernels ([`plane`]),
//! the frame driver that picks a direct byte permutation or a path through
//! the conversion core's code values ([`frame`]), and the session's typed
//! properties ([`properties`]).

pub mod attachments;
pub mod frame;
pub mod orientation;
pub mod plane;
pub mod properties;

#[cfg(test)]
mod tests;

pub use frame::{RotateError, check_dimensions, rotate_and_convert, rotate_frame};
pub use orientation::{Mapping, Orientation, Rotation};
pub use properties::{RotationKey, RotationProperties};
