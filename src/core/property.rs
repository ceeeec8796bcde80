//! Decoded property values: the typed form of a CoreFoundation property
//! tree (pixel-buffer attribute dictionaries, attachment values,
//! VideoToolbox session properties).
//!
//! The shim decodes a `CFTypeRef` into a [`Value`] once; validation and
//! merging then happen here, on plain Rust data. Objects that have no
//! value form (allocators, colour spaces, pixel buffers, `kCFNull`) become
//! [`Value::Other`] carrying their CoreFoundation type name, so a rule such
//! as "must be a CFAllocator" can still be checked.

use crate::core::number::{Number, NumberValue};

/// One decoded CoreFoundation value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A CFString's text (lossy for unpaired UTF-16 surrogates).
    String(String),
    Number(Number),
    Bool(bool),
    Data(Vec<u8>),
    Array(Vec<Value>),
    /// Key-value pairs in the dictionary's iteration order.
    Dictionary(Vec<(Value, Value)>),
    /// Any other object, by type name (`"CFAllocator"`, `"CFNull"` …).
    Other(String),
}

impl Value {
    /// The text of a string value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<Number> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The pairs of a dictionary value.
    pub fn as_dictionary(&self) -> Option<&[(Value, Value)]> {
        match self {
            Value::Dictionary(pairs) => Some(pairs),
            _ => None,
        }
    }

    /// A non-negative integral number as `usize` (an integral float such as
    /// `64.0` counts; `-1`, `1.5`, NaN and out-of-range values do not).
    pub fn as_count(&self) -> Option<usize> {
        match self.as_number()?.value() {
            NumberValue::Int(i) => usize::try_from(i).ok(),
            NumberValue::Float(f) => float_to_count(f),
        }
    }

    /// A finite number as `f64`.
    pub fn as_finite_f64(&self) -> Option<f64> {
        Some(self.as_number()?.as_f64()).filter(|f| f.is_finite())
    }

    /// The value stored under the string key `key` of a dictionary value
    /// (the first match; CoreFoundation dictionaries hold each key once).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_dictionary()?
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v)
    }

    /// A short name of the value's kind, for messages.
    pub fn kind(&self) -> &str {
        match self {
            Value::String(_) => "CFString",
            Value::Number(_) => "CFNumber",
            Value::Bool(_) => "CFBoolean",
            Value::Data(_) => "CFData",
            Value::Array(_) => "CFArray",
            Value::Dictionary(_) => "CFDictionary",
            Value::Other(name) => name,
        }
    }

    /// A dictionary value from string-keyed pairs (for building results).
    pub fn dictionary<I, K>(pairs: I) -> Value
    where
        I: IntoIterator<Item = (K, Value)>,
        K: Into<String>,
    {
        Value::Dictionary(
            pairs
                .into_iter()
                .map(|(k, v)| (Value::String(k.into()), v))
                .collect(),
        )
    }

    /// An integer number value.
    pub fn int(value: i64) -> Value {
        Value::Number(Number::from_i64(value))
    }
}

fn float_to_count(f: f64) -> Option<usize> {
    // `usize::MAX as f64` rounds up to 2^64, so the bound is exclusive.
    (f.is_finite() && f >= 0.0 && f.trunc() == f && f < usize::MAX as f64).then_some(f as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_accept_only_non_negative_integers() {
        assert_eq!(Value::int(64).as_count(), Some(64));
        assert_eq!(Value::Number(Number::from_f64(64.0)).as_count(), Some(64));
        assert_eq!(Value::int(-1).as_count(), None);
        assert_eq!(Value::Number(Number::from_f64(1.5)).as_count(), None);
        assert_eq!(Value::Number(Number::from_f64(f64::NAN)).as_count(), None);
        assert_eq!(Value::Number(Number::from_f64(1e30)).as_count(), None);
        assert_eq!(Value::Bool(true).as_count(), None);
    }

    #[test]
    fn dictionary_lookup_by_string_key() {
        let d = Value::dictionary([("Width", Value::int(3)), ("Height", Value::int(4))]);
        assert_eq!(d.get("Height"), Some(&Value::int(4)));
        assert_eq!(d.get("Depth"), None);
        assert_eq!(Value::int(1).get("Width"), None);
        assert_eq!(d.kind(), "CFDictionary");
        assert_eq!(Value::Other("CFAllocator".into()).kind(), "CFAllocator");
        assert_eq!(
            Value::Number(Number::from_f64(f64::INFINITY)).as_finite_f64(),
            None
        );
    }
}
