//! `CVPixelBufferCreateResolvedAttributesDictionary`: one attribute
//! dictionary that satisfies several clients' dictionaries.
//!
//! Apple documents the purpose ("resolve several requirement dictionaries
//! into one") but not the rules (corevideo.md §10). pixelport's rules aim
//! for a result that satisfies every input wherever that is possible:
//!
//! - `PixelFormatType`: the formats every dictionary that names any
//!   accepts, in the order of the first such dictionary. An empty
//!   intersection cannot be satisfied → error.
//! - `Width`, `Height`: must agree where given, else error (a buffer has one size).
//! - `BytesPerRowAlignment`, `PlaneAlignment`: the least common multiple of
//!   the non-zero requests (0 means "no requirement").
//! - `ExtendedPixels*`: the largest request.
//! - Every other key (IOSurface properties, attachments, allocator,
//!   compatibility booleans, unknown keys): the value of the last
//!   dictionary that has it.
//!
//! Each input is validated first, exactly as `CVPixelBufferCreate` would
//! validate it. Keys keep the order in which they first appear.

use super::AttributeError;
use super::attributes::{
    PixelBufferAttributes, count_value, is_count_key, keys, pixel_format_list,
};
use crate::core::property::Value;

/// Where a resolved key's value comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolved {
    /// The value the input dictionary at this index holds for the key, as is.
    Source(usize),
    /// A value computed from several inputs (numbers and number arrays only).
    Computed(Value),
}

/// Resolves `dictionaries` (each a [`Value::Dictionary`]) into the keys of
/// the result, in first-appearance order, with where each value comes from.
/// Keys that are not strings are left out.
pub fn resolve(dictionaries: &[Value]) -> Result<Vec<(String, Resolved)>, AttributeError> {
    for dictionary in dictionaries {
        PixelBufferAttributes::parse(Some(dictionary))?;
    }
    let mut order: Vec<&str> = Vec::new();
    for dictionary in dictionaries {
        for (key, _) in dictionary.as_dictionary().unwrap_or_default() {
            if let Some(key) = key.as_str() {
                if !order.contains(&key) {
                    order.push(key);
                }
            }
        }
    }
    order
        .into_iter()
        .map(|key| Ok((key.to_owned(), resolve_key(key, dictionaries)?)))
        .collect()
}

fn resolve_key(key: &str, dictionaries: &[Value]) -> Result<Resolved, AttributeError> {
    let present: Vec<(usize, &Value)> = dictionaries
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.get(key).map(|v| (i, v)))
        .collect();
    let conflict = || AttributeError::Conflict { key: key.into() };
    match key {
        keys::PIXEL_FORMAT_TYPE => {
            let mut lists = present.iter().map(|(_, v)| pixel_format_list(v));
            let first = lists.next().transpose()?.unwrap_or_default();
            let mut common: Vec<u32> = Vec::with_capacity(first.len());
            for format in first {
                if !common.contains(&format) {
                    common.push(format);
                }
            }
            for list in lists {
                let list = list?;
                common.retain(|f| list.contains(f));
            }
            match common.as_slice() {
                [] => Err(conflict()),
                [single] => Ok(Resolved::Computed(Value::int(i64::from(*single)))),
                many => Ok(Resolved::Computed(Value::Array(
                    many.iter().map(|f| Value::int(i64::from(*f))).collect(),
                ))),
            }
        }
        _ if is_count_key(key) => {
            let counts = present
                .iter()
                .map(|(_, v)| count_value(key, v))
                .collect::<Result<Vec<usize>, _>>()?;
            let combined = match key {
                keys::WIDTH | keys::HEIGHT => {
                    let first = counts[0];
                    counts.iter().all(|&c| c == first).then_some(first)
                }
                keys::BYTES_PER_ROW_ALIGNMENT | keys::PLANE_ALIGNMENT => counts
                    .iter()
                    .try_fold(0usize, |acc, &c| lcm_of_requests(acc, c)),
                _ => counts.iter().copied().max(),
            }
            .ok_or_else(conflict)?;
            let value = i64::try_from(combined).map_err(|_| conflict())?;
            Ok(Resolved::Computed(Value::int(value)))
        }
        _ => Ok(Resolved::Source(present.last().map_or(0, |(i, _)| *i))),
    }
}

/// lcm where 0 means "no requirement"; `None` on overflow.
fn lcm_of_requests(a: usize, b: usize) -> Option<usize> {
    if a == 0 || b == 0 {
        return Some(a.max(b));
    }
    let (mut x, mut y) = (a, b);
    while y != 0 {
        (x, y) = (y, x % y);
    }
    (a / x).checked_mul(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict(pairs: Vec<(&str, Value)>) -> Value {
        Value::dictionary(pairs)
    }

    fn computed(r: &[(String, Resolved)], key: &str) -> Value {
        match &r.iter().find(|(k, _)| k == key).unwrap().1 {
            Resolved::Computed(v) => v.clone(),
            other => panic!("{key}: {other:?}"),
        }
    }

    #[test]
    fn empty_input_resolves_to_nothing() {
        assert_eq!(resolve(&[]), Ok(vec![]));
        assert_eq!(resolve(&[dict(vec![])]), Ok(vec![]));
    }

    #[test]
    fn formats_intersect_in_first_order() {
        let a = dict(vec![(
            "PixelFormatType",
            Value::Array(vec![Value::int(3), Value::int(1), Value::int(2)]),
        )]);
        let b = dict(vec![(
            "PixelFormatType",
            Value::Array(vec![Value::int(2), Value::int(3)]),
        )]);
        let r = resolve(&[a.clone(), dict(vec![]), b]).unwrap();
        assert_eq!(
            computed(&r, "PixelFormatType"),
            Value::Array(vec![Value::int(3), Value::int(2)])
        );
        let c = dict(vec![("PixelFormatType", Value::int(1))]);
        let r = resolve(&[a.clone(), c]).unwrap();
        assert_eq!(computed(&r, "PixelFormatType"), Value::int(1));
        let d = dict(vec![("PixelFormatType", Value::int(9))]);
        assert_eq!(
            resolve(&[a, d]),
            Err(AttributeError::Conflict {
                key: "PixelFormatType".into()
            })
        );
    }

    #[test]
    fn numbers_combine_to_satisfy_everyone() {
        let a = dict(vec![
            ("Width", Value::int(640)),
            ("BytesPerRowAlignment", Value::int(48)),
            ("PlaneAlignment", Value::int(0)),
            ("ExtendedPixelsLeft", Value::int(4)),
        ]);
        let b = dict(vec![
            ("Width", Value::int(640)),
            ("BytesPerRowAlignment", Value::int(128)),
            ("PlaneAlignment", Value::int(4096)),
            ("ExtendedPixelsLeft", Value::int(2)),
        ]);
        let r = resolve(&[a, b]).unwrap();
        let keys: Vec<&str> = r.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "Width",
                "BytesPerRowAlignment",
                "PlaneAlignment",
                "ExtendedPixelsLeft"
            ]
        );
        assert_eq!(computed(&r, "Width"), Value::int(640));
        assert_eq!(computed(&r, "BytesPerRowAlignment"), Value::int(384));
        assert_eq!(computed(&r, "PlaneAlignment"), Value::int(4096));
        assert_eq!(computed(&r, "ExtendedPixelsLeft"), Value::int(4));
    }

    #[test]
    fn sizes_must_agree() {
        let a = dict(vec![("Height", Value::int(480))]);
        let b = dict(vec![("Height", Value::int(720))]);
        assert_eq!(
            resolve(&[a, b]),
            Err(AttributeError::Conflict {
                key: "Height".into()
            })
        );
        let huge = dict(vec![("BytesPerRowAlignment", Value::int(1 << 40))]);
        let odd = dict(vec![("BytesPerRowAlignment", Value::int((1 << 40) - 1))]);
        assert!(matches!(
            resolve(&[huge, odd]),
            Err(AttributeError::Conflict { .. })
        ));
    }

    #[test]
    fn other_keys_take_the_last_value_and_inputs_are_validated() {
        let a = dict(vec![
            ("IOSurfaceProperties", Value::Dictionary(vec![])),
            ("Custom", Value::int(1)),
        ]);
        let b = dict(vec![("Custom", Value::int(2))]);
        let r = resolve(&[a, b]).unwrap();
        assert_eq!(
            r,
            vec![
                ("IOSurfaceProperties".to_owned(), Resolved::Source(0)),
                ("Custom".to_owned(), Resolved::Source(1)),
            ]
        );
        let bad = dict(vec![("Width", Value::String("x".into()))]);
        assert!(matches!(
            resolve(&[bad]),
            Err(AttributeError::WrongType { .. })
        ));
        assert_eq!(
            resolve(&[Value::int(1)]),
            Err(AttributeError::NotADictionary)
        );
    }
}
