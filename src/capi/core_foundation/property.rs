//! CoreFoundation objects ↔ [`core::property::Value`](crate::core::property::Value):
//! the one decoder that lets attribute and property dictionaries be
//! validated in safe code, and the matching encoder for results.
//!
//! Decoding is a snapshot: later changes to a mutable collection do not
//! reach the `Value`. Collections whose callbacks are not the CFType ones
//! may hold arbitrary pointers, so they are never looked into; they decode
//! as `Value::Other("CFDictionary")` / `("CFArray")`, which no CoreVideo
//! rule accepts. Nesting deeper than [`MAX_DEPTH`] (a self-containing
//! mutable dictionary, say) decodes the same way.

use super::array::{CfArray, array_values, new_cf_type_array};
use super::boolean::{CfBoolean, boolean_ref};
use super::data::{CfData, data_bytes, new_data};
use super::dictionary::{CfDictionary, dictionary_entries, new_cf_type_dictionary};
use super::number::{CfNumber, new_number};
use super::string::new_string;
use super::types::{CFDataRef, CFTypeRef, CfRef};
use crate::capi::handle::{self, Resolved};
use crate::capi::runtime::object::CfObject;
use crate::core::property::Value;

/// How deep collections are decoded; property trees are a few levels deep.
pub const MAX_DEPTH: usize = 32;

/// Decodes `cf`; `None` for NULL or a pointer that is not an object.
///
/// # Safety
/// `cf` must be NULL or a live object (or `CFSTR` literal), and so must
/// everything a CFType collection inside it holds.
pub unsafe fn decode(cf: CFTypeRef) -> Option<Value> {
    // SAFETY: forwarded contract.
    unsafe { decode_at(cf, 0) }
}

/// # Safety
/// As for [`decode`].
unsafe fn decode_at(cf: CFTypeRef, depth: usize) -> Option<Value> {
    // SAFETY: forwarded contract.
    let header = match unsafe { handle::resolve(cf) }? {
        Resolved::Literal(literal) => return Some(Value::String(literal.text().to_string_lossy())),
        Resolved::Object(header) => header,
    };
    // SAFETY: forwarded contract.
    if let Some(text) = unsafe { handle::text(cf) } {
        return Some(Value::String(text.to_string_lossy()));
    }
    if let Some(number) = CfObject::<CfNumber>::from_header(header) {
        return Some(Value::Number(number.value.0));
    }
    if let Some(boolean) = CfObject::<CfBoolean>::from_header(header) {
        return Some(Value::Bool(boolean.value.0));
    }
    if CfObject::<CfData>::from_header(header).is_some() {
        // SAFETY: `cf` is a live CFData.
        return unsafe { data_bytes(CFDataRef::from_type(cf)) }.map(Value::Data);
    }
    let opaque = || Some(Value::Other(header.class().name.to_owned()));
    if let Some(array) = CfObject::<CfArray>::from_header(header) {
        if depth >= MAX_DEPTH || !array.value.holds_cf_types() {
            return opaque();
        }
        // SAFETY: a CFType array holds live objects (this function's contract).
        let items = unsafe { array_values(super::types::CFArrayRef::from_type(cf)) };
        let values = items
            .into_iter()
            // SAFETY: as above.
            .filter_map(|item| unsafe { decode_at(item, depth + 1) })
            .collect();
        return Some(Value::Array(values));
    }
    if let Some(dictionary) = CfObject::<CfDictionary>::from_header(header) {
        if depth >= MAX_DEPTH || !dictionary.value.holds_cf_types() {
            return opaque();
        }
        // SAFETY: a CFType dictionary holds live objects.
        let entries = unsafe { dictionary_entries(super::types::CFDictionaryRef::from_type(cf)) };
        let pairs = entries
            .into_iter()
            .filter_map(|(k, v)| {
                // SAFETY: as above.
                unsafe { Some((decode_at(k, depth + 1)?, decode_at(v, depth + 1)?)) }
            })
            .collect();
        return Some(Value::Dictionary(pairs));
    }
    opaque()
}

/// A new (+1) CF object for `value`; NULL for `Value::Other`, which has no
/// value form. Entries of collections that cannot be encoded are left out.
pub fn encode(value: &Value) -> CFTypeRef {
    match value {
        Value::String(s) => new_string(s).as_type(),
        Value::Number(n) => new_number(*n).as_type(),
        Value::Bool(b) => boolean_ref(*b).as_type(),
        Value::Data(bytes) => new_data(bytes).as_type(),
        Value::Array(items) => {
            let encoded: Vec<CFTypeRef> = items
                .iter()
                .map(encode)
                .filter(|cf| !cf.is_null())
                .collect();
            // SAFETY: every element is a live object we own.
            let array = unsafe { new_cf_type_array(&encoded) };
            release_all(&encoded);
            array.as_type()
        }
        Value::Dictionary(pairs) => {
            let encoded: Vec<(CFTypeRef, CFTypeRef)> =
                pairs.iter().map(|(k, v)| (encode(k), encode(v))).collect();
            // SAFETY: every key and value is NULL (skipped) or a live
            // object we own.
            let dict = unsafe { new_cf_type_dictionary(&encoded) };
            for (k, v) in encoded {
                release_all(&[k, v]);
            }
            dict.as_type()
        }
        Value::Other(_) => std::ptr::null(),
    }
}

fn release_all(objects: &[CFTypeRef]) {
    for &cf in objects {
        // SAFETY: each is NULL or a +1 reference made by `encode`.
        unsafe { handle::release(cf) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capi::core_foundation::allocator::pixelport_kCFAllocatorSystemDefault;
    use crate::capi::core_foundation::dictionary::{
        dictionary_set, new_mutable_cf_type_dictionary,
    };
    use crate::core::number::Number;

    #[test]
    fn round_trip() {
        let value = Value::dictionary([
            ("s", Value::String("text".into())),
            ("n", Value::Number(Number::from_f64(2.5))),
            ("b", Value::Bool(true)),
            ("d", Value::Data(vec![1, 2, 3])),
            (
                "a",
                Value::Array(vec![
                    Value::int(1),
                    Value::dictionary([("x", Value::int(2))]),
                ]),
            ),
        ]);
        let cf = encode(&value);
        // SAFETY: `cf` is a live object we own.
        unsafe {
            assert_eq!(decode(cf), Some(value));
            handle::release(cf);
        }
        assert!(encode(&Value::Other("CFNull".into())).is_null());
        // SAFETY: NULL is allowed.
        assert_eq!(unsafe { decode(std::ptr::null()) }, None);
    }

    #[test]
    fn opaque_objects_and_cycles() {
        let allocator = pixelport_kCFAllocatorSystemDefault.as_type();
        // SAFETY: a constant object.
        let decoded = unsafe { decode(allocator) };
        assert_eq!(decoded, Some(Value::Other("CFAllocator".into())));
        let dict = new_mutable_cf_type_dictionary();
        let key = new_string("self").as_type();
        // SAFETY: live objects; the dictionary then contains itself.
        unsafe {
            assert!(dictionary_set(dict, key, dict.as_type()));
            let mut value = decode(dict.as_type()).unwrap();
            let mut depth = 0;
            while let Some(inner) = value.get("self").cloned() {
                value = inner;
                depth += 1;
            }
            assert_eq!(depth, MAX_DEPTH);
            assert_eq!(value, Value::Other("CFDictionary".into()));
            // Break the cycle so both are freed.
            crate::capi::core_foundation::dictionary::pixelport_CFDictionaryRemoveAllValues(dict);
            handle::release(dict.as_type());
            handle::release(key);
        }
    }
}
