//! VTPixelTransferSession's state, independent of CoreFoundation: the typed
//! property set ([`properties`]). The conversion itself lives in
//! `core::convert`.

pub mod properties;
