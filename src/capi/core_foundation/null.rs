//! `kCFNull`, the singleton null object.
#![allow(non_snake_case, non_upper_case_globals)]

use super::types::{CFNullRef, CFTypeID};
use crate::capi::runtime::class::TypeKind;
use crate::capi::runtime::object::{CfClass, CfObject};

/// The payload of `kCFNull` (it has none).
pub struct CfNull;

impl CfClass for CfNull {
    const KIND: TypeKind = TypeKind::Null;
    fn describe(&self) -> String {
        "<CFNull>".to_owned()
    }
}

static NULL_OBJECT: CfObject<CfNull> = CfObject::immortal(CfNull);

/// The `CFNull` singleton, used where a collection needs a "no value" object.
#[unsafe(no_mangle)]
pub static pixelport_kCFNull: CFNullRef =
    CFNullRef(&NULL_OBJECT as *const CfObject<CfNull> as *const _);

/// The type ID of `kCFNull`.
#[unsafe(no_mangle)]
pub extern "C" fn pixelport_CFNullGetTypeID() -> CFTypeID {
    TypeKind::Null.type_id()
}
