//! Byte strings as CFData sees them: range checks, edits that respect a
//! capacity limit, hashing and the debug description.
//!
//! Storage is a `Vec<u8>` owned by the caller. Edits never reallocate unless
//! the new length exceeds the vector's capacity, so a caller that reserved
//! enough up front keeps one address for the bytes; allocation failures are
//! reported, never aborted on.

use std::ops::Range;

/// The smallest allocation made for a byte store, so that even an empty
/// store has a real (non-dangling) address to hand out.
pub const MIN_ALLOCATION: usize = 16;

/// Why an edit was refused. The store is unchanged in every case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The range is negative or reaches past the end.
    Range,
    /// The result would exceed the fixed capacity, or `usize`/`isize`.
    TooLong,
    /// The allocator could not provide the memory.
    OutOfMemory,
}

/// An empty store able to hold `capacity` bytes (at least
/// [`MIN_ALLOCATION`]) without moving; `None` when that cannot be allocated.
pub fn with_capacity(capacity: usize) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    bytes.try_reserve_exact(capacity.max(MIN_ALLOCATION)).ok()?;
    Some(bytes)
}

/// A store holding a copy of `src`, with room for at least `capacity` bytes.
pub fn copy_of(src: &[u8], capacity: usize) -> Option<Vec<u8>> {
    let mut bytes = with_capacity(capacity.max(src.len()))?;
    bytes.extend_from_slice(src);
    Some(bytes)
}

/// `location..location + length` when it lies within `0..=len` (negative
/// values never do).
pub fn checked_range(
    location: impl TryInto<usize>,
    length: impl TryInto<usize>,
    len: usize,
) -> Option<Range<usize>> {
    let start = location.try_into().ok()?;
    let count = length.try_into().ok()?;
    let end = start.checked_add(count)?;
    (end <= len).then_some(start..end)
}

/// The length that replacing `range` of `len` bytes by `inserted` bytes
/// gives, if it fits within `limit` (and `isize::MAX`, the most any
/// allocation can hold). Callers check this before they even look at the
/// inserted bytes.
pub fn new_length(
    len: usize,
    range: &Range<usize>,
    inserted: usize,
    limit: Option<usize>,
) -> Result<usize, EditError> {
    if range.start > range.end || range.end > len {
        return Err(EditError::Range);
    }
    let new_len = (len - range.len())
        .checked_add(inserted)
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or(EditError::TooLong)?;
    match limit {
        Some(max) if new_len > max => Err(EditError::TooLong),
        _ => Ok(new_len),
    }
}

/// Makes room for `new_len` bytes; only this step may move the bytes.
fn reserve_for(bytes: &mut Vec<u8>, new_len: usize) -> Result<(), EditError> {
    let extra = new_len.saturating_sub(bytes.len());
    bytes.try_reserve(extra).map_err(|_| EditError::OutOfMemory)
}

/// Replaces the bytes in `range` by `src` (CFDataReplaceBytes). With `limit`
/// the result may not be longer than it.
pub fn replace(
    bytes: &mut Vec<u8>,
    range: Range<usize>,
    src: &[u8],
    limit: Option<usize>,
) -> Result<(), EditError> {
    let new_len = new_length(bytes.len(), &range, src.len(), limit)?;
    reserve_for(bytes, new_len)?;
    // Capacity suffices now, so splice does not reallocate.
    bytes.splice(range, src.iter().copied());
    Ok(())
}

/// Sets the length (CFDataSetLength): growth is zero-filled, shrinking
/// drops the tail.
pub fn set_len(bytes: &mut Vec<u8>, new_len: usize, limit: Option<usize>) -> Result<(), EditError> {
    if new_len > isize::MAX as usize || limit.is_some_and(|max| new_len > max) {
        return Err(EditError::TooLong);
    }
    reserve_for(bytes, new_len)?;
    bytes.resize(new_len, 0);
    Ok(())
}

/// A hash consistent with byte equality: FNV-1a over the first 80 bytes
/// (long payloads are hashed by their prefix, as CoreFoundation does) mixed
/// with the length.
pub fn hash_code(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes.iter().take(80) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^ (bytes.len() as u64).rotate_left(32)
}

/// The `CFCopyDescription` text: `<CFData>{length = 3, capacity = 3,
/// bytes = 0x010203}`. Payloads over 24 bytes show the first 16 and the last
/// 8 bytes around " ... ", as Apple's description does.
pub fn describe(bytes: &[u8], capacity: usize) -> String {
    use std::fmt::Write;
    fn push(hex: &mut String, part: &[u8]) {
        for b in part {
            let _ = write!(hex, "{b:02x}");
        }
    }
    let mut hex = String::with_capacity(2 * bytes.len().min(24) + 5);
    if bytes.len() > 24 {
        push(&mut hex, &bytes[..16]);
        hex.push_str(" ... ");
        push(&mut hex, &bytes[bytes.len() - 8..]);
    } else {
        push(&mut hex, bytes);
    }
    format!(
        "<CFData>{{length = {}, capacity = {capacity}, bytes = 0x{hex}}}",
        bytes.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_must_lie_inside() {
        assert_eq!(checked_range(0, 0, 0), Some(0..0));
        assert_eq!(checked_range(1, 2, 3), Some(1..3));
        assert_eq!(checked_range(3, 0, 3), Some(3..3));
        assert_eq!(checked_range(2, 2, 3), None);
        assert_eq!(checked_range(-1, 1, 3), None);
        assert_eq!(checked_range(0, -1, 3), None);
        assert_eq!(checked_range(isize::MAX, isize::MAX, 3), None);
    }

    #[test]
    fn replace_inserts_deletes_and_respects_the_limit() {
        let mut v = copy_of(b"abcdef", 0).unwrap();
        replace(&mut v, 1..3, b"XYZ", None).unwrap();
        assert_eq!(v, b"aXYZdef");
        replace(&mut v, 0..7, b"", None).unwrap();
        assert!(v.is_empty());
        let mut fixed = copy_of(b"ab", 4).unwrap();
        let addr = fixed.as_ptr();
        assert_eq!(
            replace(&mut fixed, 2..2, b"cde", Some(4)),
            Err(EditError::TooLong)
        );
        assert_eq!(fixed, b"ab");
        replace(&mut fixed, 2..2, b"cd", Some(4)).unwrap();
        assert_eq!(fixed, b"abcd");
        assert_eq!(fixed.as_ptr(), addr, "a fixed store never moves");
        assert_eq!(replace(&mut fixed, 3..5, b"", None), Err(EditError::Range));
    }

    #[test]
    fn set_len_zero_fills_and_checks_limits() {
        let mut v = copy_of(b"\xff\xff", 0).unwrap();
        set_len(&mut v, 5, None).unwrap();
        assert_eq!(v, [0xff, 0xff, 0, 0, 0]);
        set_len(&mut v, 1, None).unwrap();
        assert_eq!(v, [0xff]);
        set_len(&mut v, 3, None).unwrap();
        assert_eq!(v, [0xff, 0, 0], "bytes past a shrink come back as zeros");
        assert_eq!(set_len(&mut v, 9, Some(8)), Err(EditError::TooLong));
        assert_eq!(set_len(&mut v, usize::MAX, None), Err(EditError::TooLong));
        assert_eq!(
            set_len(&mut v, isize::MAX as usize, None),
            Err(EditError::OutOfMemory)
        );
        assert_eq!(v, [0xff, 0, 0]);
    }

    #[test]
    fn hash_follows_equality() {
        let copy = copy_of(b"abc", 0).unwrap();
        assert_eq!(hash_code(b"abc"), hash_code(&copy));
        assert_ne!(hash_code(b"abc"), hash_code(b"abd"));
        assert_ne!(hash_code(b""), hash_code(b"\0"));
        let long_a = [7u8; 100];
        let mut long_b = long_a;
        long_b[99] = 8;
        // Same 80-byte prefix and length: equal hashes are allowed.
        assert_eq!(hash_code(&long_a), hash_code(&long_b));
    }

    #[test]
    fn descriptions_abbreviate_long_payloads() {
        assert_eq!(
            describe(&[1, 2, 0xab], 3),
            "<CFData>{length = 3, capacity = 3, bytes = 0x0102ab}"
        );
        assert_eq!(
            describe(&[], 16),
            "<CFData>{length = 0, capacity = 16, bytes = 0x}"
        );
        let long: Vec<u8> = (0..30).collect();
        assert_eq!(
            describe(&long, 30),
            "<CFData>{length = 30, capacity = 30, bytes = \
             0x000102030405060708090a0b0c0d0e0f ... 161718191a1b1c1d}"
        );
    }
}
