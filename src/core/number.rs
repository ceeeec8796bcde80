//! CFNumber semantics: storage types, conversions and comparison.
//!
//! CoreFoundation keeps a number in a canonical storage type (the C-named
//! types collapse onto fixed-width ones: `int` is stored as SInt32, `double`
//! as Float64) and converts on read "as a human expects": a read that loses
//! information still stores its best attempt but reports failure.

use std::cmp::Ordering;

/// The `CFNumberType` values, 1 to 16 (CFNumber.h).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberType {
    SInt8 = 1,
    SInt16 = 2,
    SInt32 = 3,
    SInt64 = 4,
    Float32 = 5,
    Float64 = 6,
    Char = 7,
    Short = 8,
    Int = 9,
    Long = 10,
    LongLong = 11,
    Float = 12,
    Double = 13,
    CFIndex = 14,
    NSInteger = 15,
    CGFloat = 16,
}

impl TryFrom<i64> for NumberType {
    type Error = ();
    fn try_from(value: i64) -> Result<Self, ()> {
        use NumberType::*;
        Ok(match value {
            1 => SInt8,
            2 => SInt16,
            3 => SInt32,
            4 => SInt64,
            5 => Float32,
            6 => Float64,
            7 => Char,
            8 => Short,
            9 => Int,
            10 => Long,
            11 => LongLong,
            12 => Float,
            13 => Double,
            14 => CFIndex,
            15 => NSInteger,
            16 => CGFloat,
            _ => return Err(()),
        })
    }
}

/// How a value of a C number type is laid out in memory on LP64 Linux.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repr {
    I8,
    I16,
    I32,
    I64,
    F32,
    F64,
}

impl NumberType {
    /// The canonical type CoreFoundation stores (and `CFNumberGetType` reports).
    pub fn storage(self) -> NumberType {
        match self.repr() {
            Repr::I8 => NumberType::SInt8,
            Repr::I16 => NumberType::SInt16,
            Repr::I32 => NumberType::SInt32,
            Repr::I64 => NumberType::SInt64,
            Repr::F32 => NumberType::Float32,
            Repr::F64 => NumberType::Float64,
        }
    }

    /// Memory representation of the C type on LP64 (`long`, `CFIndex` and
    /// `NSInteger` are 64-bit; `CGFloat` is `double`).
    pub fn repr(self) -> Repr {
        use NumberType::*;
        match self {
            SInt8 | Char => Repr::I8,
            SInt16 | Short => Repr::I16,
            SInt32 | Int => Repr::I32,
            SInt64 | Long | LongLong | CFIndex | NSInteger => Repr::I64,
            Float32 | Float => Repr::F32,
            Float64 | Double | CGFloat => Repr::F64,
        }
    }

    /// Size in bytes of the C type.
    pub fn byte_size(self) -> usize {
        match self.repr() {
            Repr::I8 => 1,
            Repr::I16 => 2,
            Repr::I32 | Repr::F32 => 4,
            Repr::I64 | Repr::F64 => 8,
        }
    }

    pub fn is_float(self) -> bool {
        matches!(self.repr(), Repr::F32 | Repr::F64)
    }
}

/// A number's value, exact for every storage type.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberValue {
    Int(i64),
    Float(f64),
}

/// A value read back in some C type, plus whether that read was exact.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Converted {
    pub value: NumberValue,
    pub exact: bool,
}

/// A CFNumber: its storage type and value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    storage: NumberType,
    value: NumberValue,
}

impl Number {
    /// A number created from a value of C type `ty`.
    pub fn new(ty: NumberType, value: NumberValue) -> Number {
        let storage = ty.storage();
        let value = match (storage.repr(), value) {
            (Repr::F32, NumberValue::Float(f)) => NumberValue::Float(f64::from(f as f32)),
            (Repr::F32 | Repr::F64, NumberValue::Int(i)) => NumberValue::Float(i as f64),
            (Repr::F64, v @ NumberValue::Float(_)) => v,
            (_, NumberValue::Float(f)) => NumberValue::Int(f as i64),
            (_, v @ NumberValue::Int(_)) => v,
        };
        Number { storage, value }
    }

    /// A Float64 number, usable in `const` contexts (the canonical ±∞/NaN).
    pub const fn new_const_f64(v: f64) -> Number {
        Number {
            storage: NumberType::Float64,
            value: NumberValue::Float(v),
        }
    }

    pub fn from_i64(v: i64) -> Number {
        Number::new(NumberType::SInt64, NumberValue::Int(v))
    }

    pub fn from_f64(v: f64) -> Number {
        Number::new(NumberType::Float64, NumberValue::Float(v))
    }

    pub fn storage_type(self) -> NumberType {
        self.storage
    }

    pub fn value(self) -> NumberValue {
        self.value
    }

    pub fn is_nan(self) -> bool {
        matches!(self.value, NumberValue::Float(f) if f.is_nan())
    }

    /// The value as `f64` (exact for floats, nearest for large integers).
    pub fn as_f64(self) -> f64 {
        match self.value {
            NumberValue::Int(i) => i as f64,
            NumberValue::Float(f) => f,
        }
    }

    /// Converts to C type `ty` as `CFNumberGetValue` does: the best attempt,
    /// with `exact == false` when information was lost (fraction dropped,
    /// out of range, or precision lost).
    pub fn convert(self, ty: NumberType) -> Converted {
        match ty.repr() {
            Repr::I8 => self.to_int(i64::from(i8::MIN), i64::from(i8::MAX)),
            Repr::I16 => self.to_int(i64::from(i16::MIN), i64::from(i16::MAX)),
            Repr::I32 => self.to_int(i64::from(i32::MIN), i64::from(i32::MAX)),
            Repr::I64 => self.to_int(i64::MIN, i64::MAX),
            Repr::F32 => {
                let wide = self.as_f64();
                let narrow = f64::from(wide as f32);
                let exact = match self.value {
                    NumberValue::Int(i) => narrow == i as f64 && (narrow as i64) == i,
                    NumberValue::Float(f) => f.is_nan() || narrow == f,
                };
                Converted {
                    value: NumberValue::Float(narrow),
                    exact,
                }
            }
            Repr::F64 => {
                let exact = match self.value {
                    NumberValue::Int(i) => (i as f64) as i64 == i && i != i64::MAX,
                    NumberValue::Float(_) => true,
                };
                Converted {
                    value: NumberValue::Float(self.as_f64()),
                    exact,
                }
            }
        }
    }

    fn to_int(self, min: i64, max: i64) -> Converted {
        match self.value {
            NumberValue::Int(i) => {
                let clamped = i.clamp(min, max);
                Converted {
                    // Out-of-range integers keep C's truncating conversion as
                    // the best attempt (the caller narrows the bits).
                    value: NumberValue::Int(i),
                    exact: clamped == i,
                }
            }
            NumberValue::Float(f) => {
                let truncated = f.trunc();
                let in_range = f.is_finite() && truncated >= min as f64 && truncated <= max as f64;
                let best = if f.is_nan() {
                    0
                } else {
                    // `as` saturates, which is the most useful best attempt.
                    (truncated as i64).clamp(min, max)
                };
                Converted {
                    value: NumberValue::Int(best),
                    exact: in_range && truncated == f,
                }
            }
        }
    }

    /// `CFNumberCompare`: by value across storage types. Integers compare
    /// exactly (no rounding through `f64`); −0 sorts before +0; NaN equals NaN
    /// and sorts after every other value.
    pub fn compare(self, other: Number) -> Ordering {
        match (self.value, other.value) {
            (NumberValue::Int(a), NumberValue::Int(b)) => a.cmp(&b),
            (NumberValue::Float(a), NumberValue::Float(b)) => compare_floats(a, b),
            (NumberValue::Int(a), NumberValue::Float(b)) => compare_int_float(a, b),
            (NumberValue::Float(a), NumberValue::Int(b)) => compare_int_float(b, a).reverse(),
        }
    }

    /// `CFEqual` on numbers. CFNumber.h notes that equality is true when
    /// either side is NaN; that is reproduced.
    pub fn cf_equal(self, other: Number) -> bool {
        self.is_nan() || other.is_nan() || self.compare(other) == Ordering::Equal
    }

    /// `CFHash`: equal values hash equal across storage types, so an integral
    /// float hashes like the integer.
    pub fn hash_code(self) -> u64 {
        let mix = |x: u64| x.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
        match self.value {
            NumberValue::Int(i) => mix(i as u64),
            NumberValue::Float(f) => {
                if f.is_nan() {
                    0x7ff8_0000_0000_0000
                } else if f.trunc() == f && f >= i64::MIN as f64 && f < i64::MAX as f64 {
                    mix(f as i64 as u64)
                } else {
                    mix(f.to_bits())
                }
            }
        }
    }
}

fn compare_floats(a: f64, b: f64) -> Ordering {
    match (a.is_nan(), b.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        // total_cmp orders -0 before +0, as CFNumberCompare does.
        (false, false) => a.total_cmp(&b),
    }
}

fn compare_int_float(a: i64, b: f64) -> Ordering {
    if b.is_nan() {
        return Ordering::Less;
    }
    if b >= 9.223_372_036_854_776e18 {
        return Ordering::Less;
    }
    if b < -9.223_372_036_854_776e18 {
        return Ordering::Greater;
    }
    let whole = b.floor();
    match a.cmp(&(whole as i64)) {
        Ordering::Equal if b > whole => Ordering::Less,
        order => order,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_types_collapse() {
        assert_eq!(NumberType::Int.storage(), NumberType::SInt32);
        assert_eq!(NumberType::Long.storage(), NumberType::SInt64);
        assert_eq!(NumberType::CGFloat.storage(), NumberType::Float64);
        assert_eq!(NumberType::Float.storage(), NumberType::Float32);
        assert_eq!(NumberType::Char.storage(), NumberType::SInt8);
        assert_eq!(NumberType::try_from(17), Err(()));
        assert_eq!(NumberType::try_from(0), Err(()));
    }

    #[test]
    fn lossy_reads_report_failure_with_best_attempt() {
        let n = Number::new(NumberType::Double, NumberValue::Float(2.5));
        let c = n.convert(NumberType::SInt32);
        assert_eq!(c.value, NumberValue::Int(2));
        assert!(!c.exact);
        let big = Number::from_i64(300);
        assert!(!big.convert(NumberType::SInt8).exact);
        assert!(big.convert(NumberType::SInt16).exact);
        let third = Number::from_f64(1.0 / 3.0);
        assert!(!third.convert(NumberType::Float32).exact);
        assert!(Number::from_f64(0.5).convert(NumberType::Float32).exact);
        assert!(
            !Number::from_i64((1 << 53) + 1)
                .convert(NumberType::Float64)
                .exact
        );
        assert!(
            Number::from_f64(f64::NAN)
                .convert(NumberType::Float32)
                .exact
        );
        assert!(
            !Number::from_f64(f64::INFINITY)
                .convert(NumberType::SInt64)
                .exact
        );
    }

    #[test]
    fn comparison_crosses_types() {
        let one_int = Number::from_i64(1);
        let one_float = Number::from_f64(1.0);
        assert_eq!(one_int.compare(one_float), Ordering::Equal);
        assert_eq!(one_int.hash_code(), one_float.hash_code());
        assert_eq!(Number::from_f64(1.5).compare(one_int), Ordering::Greater);
        assert_eq!(
            Number::from_i64(-2).compare(Number::from_f64(-1.5)),
            Ordering::Less
        );
        assert_eq!(
            Number::from_f64(-0.0).compare(Number::from_f64(0.0)),
            Ordering::Less
        );
        let nan = Number::from_f64(f64::NAN);
        assert_eq!(nan.compare(nan), Ordering::Equal);
        assert!(nan.cf_equal(one_int));
        assert_eq!(
            Number::from_i64(i64::MAX).compare(Number::from_f64(9.3e18)),
            Ordering::Less
        );
    }
}
