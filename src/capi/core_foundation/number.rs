//! CFNumber (CFNumber.h).
#![allow(non_snake_case, non_upper_case_globals)]

use std::ffi::c_void;

use super::types::{
    Boolean, CFAllocatorRef, CFComparisonResult, CFHashCode, CFIndex, CFNumberRef, CFNumberType,
    CFTypeID, CfRef, to_boolean,
};
use crate::capi::runtime::class::TypeKind;
use crate::capi::runtime::object::{CfClass, CfObject, Retained};
use crate::core::number::{Number, NumberType, NumberValue, Repr};

pub const kCFNumberSInt8Type: CFNumberType = 1;
pub const kCFNumberSInt16Type: CFNumberType = 2;
pub const kCFNumberSInt32Type: CFNumberType = 3;
pub const kCFNumberSInt64Type: CFNumberType = 4;
pub const kCFNumberFloat32Type: CFNumberType = 5;
pub const kCFNumberFloat64Type: CFNumberType = 6;
pub const kCFNumberCharType: CFNumberType = 7;
pub const kCFNumberShortType: CFNumberType = 8;
pub const kCFNumberIntType: CFNumberType = 9;
pub const kCFNumberLongType: CFNumberType = 10;
pub const kCFNumberLongLongType: CFNumberType = 11;
pub const kCFNumberFloatType: CFNumberType = 12;
pub const kCFNumberDoubleType: CFNumberType = 13;
pub const kCFNumberCFIndexType: CFNumberType = 14;
pub const kCFNumberNSIntegerType: CFNumberType = 15;
pub const kCFNumberCGFloatType: CFNumberType = 16;
pub const kCFNumberMaxType: CFNumberType = 16;

/// The payload of a CFNumber.
pub struct CfNumber(pub Number);

impl CfClass for CfNumber {
    const KIND: TypeKind = TypeKind::Number;
    fn cf_equal(&self, other: &Self) -> bool {
        self.0.cf_equal(other.0)
    }
    fn cf_hash(&self) -> CFHashCode {
        self.0.hash_code() as CFHashCode
    }
    fn describe(&self) -> String {
        let ty = self.0.storage_type();
        let value = match self.0.value() {
            NumberValue::Int(i) => format!("{i:+}"),
            NumberValue::Float(f) => format!("{f:+e}"),
        };
        format!("<CFNumber>{{value = {value}, type = {}}}", storage_name(ty))
    }
}

fn storage_name(ty: NumberType) -> &'static str {
    match ty {
        NumberType::SInt8 => "kCFNumberSInt8Type",
        NumberType::SInt16 => "kCFNumberSInt16Type",
        NumberType::SInt32 => "kCFNumberSInt32Type",
        NumberType::Float32 => "kCFNumberFloat32Type",
        NumberType::Float64 => "kCFNumberFloat64Type",
        _ => "kCFNumberSInt64Type",
    }
}

static POSITIVE_INFINITY: CfObject<CfNumber> =
    CfObject::immortal(CfNumber(Number::new_const_f64(f64::INFINITY)));
static NEGATIVE_INFINITY: CfObject<CfNumber> =
    CfObject::immortal(CfNumber(Number::new_const_f64(f64::NEG_INFINITY)));
static NAN: CfObject<CfNumber> = CfObject::immortal(CfNumber(Number::new_const_f64(f64::NAN)));

/// The canonical +∞ number; creating any +∞ float returns it.
#[unsafe(no_mangle)]
pub static pixelport_kCFNumberPositiveInfinity: CFNumberRef =
    CFNumberRef(&POSITIVE_INFINITY as *const CfObject<CfNumber> as *const _);
/// The canonical −∞ number.
#[unsafe(no_mangle)]
pub static pixelport_kCFNumberNegativeInfinity: CFNumberRef =
    CFNumberRef(&NEGATIVE_INFINITY as *const CfObject<CfNumber> as *const _);
/// The canonical NaN number.
#[unsafe(no_mangle)]
pub static pixelport_kCFNumberNaN: CFNumberRef =
    CFNumberRef(&NAN as *const CfObject<CfNumber> as *const _);

/// A new CFNumber for Rust callers (property values, descriptions).
pub fn new_number(number: Number) -> CFNumberRef {
    if let NumberValue::Float(f) = number.value() {
        if f.is_nan() {
            return pixelport_kCFNumberNaN;
        }
        if f == f64::INFINITY {
            return pixelport_kCFNumberPositiveInfinity;
        }
        if f == f64::NEG_INFINITY {
            return pixelport_kCFNumberNegativeInfinity;
        }
    }
    CFNumberRef::from_type(Retained::new(CfNumber(number)).into_raw())
}

/// Reads a number from a CFNumber handle (None for NULL or another type).
///
/// # Safety
/// `number` must be NULL or a live object.
pub unsafe fn number_value(number: CFNumberRef) -> Option<Number> {
    // SAFETY: forwarded contract.
    unsafe { crate::capi::handle::object::<CfNumber>(number.as_type()) }.map(|o| o.value.0)
}

/// The type ID of CFNumber.
#[unsafe(no_mangle)]
pub extern "C" fn pixelport_CFNumberGetTypeID() -> CFTypeID {
    TypeKind::Number.type_id()
}

/// Creates a (+1) number from `*valuePtr`, read as C type `theType`.
/// Infinite and NaN floats return the canonical constants. Returns NULL for
/// an unknown `theType` or a NULL `valuePtr` (Apple leaves both undefined).
///
/// # Safety
/// `valuePtr` must be NULL or point to a readable value of `theType`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFNumberCreate(
    allocator: CFAllocatorRef,
    theType: CFNumberType,
    valuePtr: *const c_void,
) -> CFNumberRef {
    let _ = allocator;
    ffi_guard!(CFNumberRef::null(), {
        let Ok(ty) = NumberType::try_from(theType) else {
            return CFNumberRef::null();
        };
        if valuePtr.is_null() {
            return CFNumberRef::null();
        }
        // SAFETY: non-NULL, and points to a value of `theType` per the contract.
        let value = unsafe { read_value(valuePtr, ty.repr()) };
        new_number(Number::new(ty, value))
    })
}

/// # Safety
/// `ptr` must point to a readable value of representation `repr`.
unsafe fn read_value(ptr: *const c_void, repr: Repr) -> NumberValue {
    // SAFETY: (all arms) the caller guarantees a readable value of `repr`;
    // unaligned reads tolerate any address.
    unsafe {
        match repr {
            Repr::I8 => NumberValue::Int(i64::from((ptr as *const i8).read_unaligned())),
            Repr::I16 => NumberValue::Int(i64::from((ptr as *const i16).read_unaligned())),
            Repr::I32 => NumberValue::Int(i64::from((ptr as *const i32).read_unaligned())),
            Repr::I64 => NumberValue::Int((ptr as *const i64).read_unaligned()),
            Repr::F32 => NumberValue::Float(f64::from((ptr as *const f32).read_unaligned())),
            Repr::F64 => NumberValue::Float((ptr as *const f64).read_unaligned()),
        }
    }
}

/// The storage type, which may differ from the creation type (`int` is
/// stored as `kCFNumberSInt32Type`, `double` as `kCFNumberFloat64Type`).
/// 0 for NULL or a non-number.
///
/// # Safety
/// `number` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFNumberGetType(number: CFNumberRef) -> CFNumberType {
    ffi_guard!({
        let object = try_ref!(number, CfNumber, 0);
        object.value.0.storage_type() as CFNumberType
    })
}

/// Size in bytes of the storage type; 0 for NULL.
///
/// # Safety
/// `number` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFNumberGetByteSize(number: CFNumberRef) -> CFIndex {
    ffi_guard!({
        let object = try_ref!(number, CfNumber, 0);
        object.value.0.storage_type().byte_size() as CFIndex
    })
}

/// Whether the storage type is a floating-point type.
///
/// # Safety
/// `number` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFNumberIsFloatType(number: CFNumberRef) -> Boolean {
    ffi_guard!({
        let object = try_ref!(number, CfNumber, 0);
        to_boolean(object.value.0.storage_type().is_float())
    })
}

/// Converts the value to C type `theType` and stores it in `*valuePtr`.
/// Returns false when the conversion lost information (a fraction, range, or
/// precision), having still stored the best attempt; false without writing
/// for NULL arguments or an unknown type.
///
/// # Safety
/// `number` must be NULL or a live object; `valuePtr` NULL or writable for a
/// value of `theType`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFNumberGetValue(
    number: CFNumberRef,
    theType: CFNumberType,
    valuePtr: *mut c_void,
) -> Boolean {
    ffi_guard!({
        let object = try_ref!(number, CfNumber, 0);
        let Ok(ty) = NumberType::try_from(theType) else {
            return 0;
        };
        if valuePtr.is_null() {
            return 0;
        }
        let converted = object.value.0.convert(ty);
        // SAFETY: (all arms) non-NULL and writable for `theType` per the
        // contract; integer arms truncate like a C cast, as CF's best attempt.
        unsafe {
            match (ty.repr(), converted.value) {
                (Repr::I8, NumberValue::Int(i)) => (valuePtr as *mut i8).write_unaligned(i as i8),
                (Repr::I16, NumberValue::Int(i)) => {
                    (valuePtr as *mut i16).write_unaligned(i as i16)
                }
                (Repr::I32, NumberValue::Int(i)) => {
                    (valuePtr as *mut i32).write_unaligned(i as i32)
                }
                (Repr::I64, NumberValue::Int(i)) => (valuePtr as *mut i64).write_unaligned(i),
                (Repr::F32, NumberValue::Float(f)) => {
                    (valuePtr as *mut f32).write_unaligned(f as f32)
                }
                (Repr::F64, NumberValue::Float(f)) => (valuePtr as *mut f64).write_unaligned(f),
                // `convert` returns Int for integer types and Float for float types.
                _ => return 0,
            }
        }
        to_boolean(converted.exact)
    })
}

/// Compares two numbers by value across storage types; −0 sorts before +0
/// and NaN after everything (two NaNs are equal). NULL or non-number
/// arguments compare as `kCFCompareEqualTo` only with each other, otherwise
/// NULL sorts first.
///
/// # Safety
/// Each number must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFNumberCompare(
    number: CFNumberRef,
    otherNumber: CFNumberRef,
    context: *mut c_void,
) -> CFComparisonResult {
    let _ = context;
    ffi_guard!({
        // SAFETY: per this function's contract.
        let (a, b) = unsafe { (number_value(number), number_value(otherNumber)) };
        let order = match (a, b) {
            (Some(a), Some(b)) => a.compare(b),
            (a, b) => a.is_some().cmp(&b.is_some()),
        };
        order as CFComparisonResult
    })
}
