//! VTPixelTransferSession's state, independent of CoreFoundation: the typed
//! property set ([`properties`]) and the scaling-mode geometry ([`geometry`]). The conversion itself lives in
//! `core::convert`.

pub mod geometry;
pub mod properties;
