//! CFBoolean: the two singletons `kCFBooleanTrue` and `kCFBooleanFalse`.
#![allow(non_snake_case, non_upper_case_globals)]

use super::types::{Boolean, CFBooleanRef, CFTypeID, to_boolean};
use crate::capi::runtime::class::TypeKind;
use crate::capi::runtime::object::{CfClass, CfObject};

/// The payload of a CFBoolean.
pub struct CfBoolean(pub bool);

impl CfClass for CfBoolean {
    const KIND: TypeKind = TypeKind::Boolean;
    fn cf_equal(&self, other: &Self) -> bool {
        self.0 == other.0
    }
    fn cf_hash(&self) -> super::types::CFHashCode {
        if self.0 { 1 } else { 0 }
    }
    fn describe(&self) -> String {
        format!("<CFBoolean>{{value = {}}}", self.0)
    }
}

static TRUE_OBJECT: CfObject<CfBoolean> = CfObject::immortal(CfBoolean(true));
static FALSE_OBJECT: CfObject<CfBoolean> = CfObject::immortal(CfBoolean(false));

/// The true singleton; compare by pointer or with `CFEqual`.
#[unsafe(no_mangle)]
pub static pixelport_kCFBooleanTrue: CFBooleanRef =
    CFBooleanRef(&TRUE_OBJECT as *const CfObject<CfBoolean> as *const _);

/// The false singleton.
#[unsafe(no_mangle)]
pub static pixelport_kCFBooleanFalse: CFBooleanRef =
    CFBooleanRef(&FALSE_OBJECT as *const CfObject<CfBoolean> as *const _);

/// The singleton for `value` (for Rust callers building property values).
pub fn boolean_ref(value: bool) -> CFBooleanRef {
    if value {
        pixelport_kCFBooleanTrue
    } else {
        pixelport_kCFBooleanFalse
    }
}

/// The type ID shared by `kCFBooleanTrue` and `kCFBooleanFalse`.
#[unsafe(no_mangle)]
pub extern "C" fn pixelport_CFBooleanGetTypeID() -> CFTypeID {
    TypeKind::Boolean.type_id()
}

/// The value of a CFBoolean. False for NULL or a non-Boolean object.
///
/// # Safety
/// `boolean` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFBooleanGetValue(boolean: CFBooleanRef) -> Boolean {
    ffi_guard!({
        let object = try_ref!(boolean, CfBoolean, 0);
        to_boolean(object.value.0)
    })
}
