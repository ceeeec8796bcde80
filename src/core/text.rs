//! The content of a CFString, independent of how the C side stores it.
//!
//! CoreFoundation measures strings in UTF-16 code units (`CFStringGetLength`,
//! `CFStringGetCharacterAtIndex`, ranges), and may hold lone surrogates, so
//! UTF-16 is the model. Pure-ASCII text is kept as bytes instead: that is what
//! nearly every CoreVideo key is, and it lets `CFStringGetCStringPtr` hand out
//! a pointer without converting.
//!
//! Invariant: text with equal UTF-16 code units compares equal and hashes
//! equal, whatever its storage (`Ascii` vs `Utf16`, owned vs a literal).

use std::cmp::Ordering;

/// A borrowed view of string content.
#[derive(Clone, Copy, Debug)]
pub enum TextRef<'a> {
    /// Pure 7-bit ASCII bytes, one per UTF-16 code unit.
    Ascii(&'a [u8]),
    /// UTF-16 code units (possibly with lone surrogates).
    Utf16(&'a [u16]),
}

/// Owned string content. `Ascii` keeps a trailing NUL (not part of the text)
/// so that a C-string pointer can be handed out.
#[derive(Clone, Debug)]
pub enum Text {
    Ascii(Vec<u8>),
    Utf16(Vec<u16>),
    /// ASCII bytes in the program image, NUL included: the exported string
    /// constants (`kCVPixelBufferWidthKey` …), built at compile time.
    StaticAscii(&'static [u8]),
}

impl Text {
    /// Builds the most compact storage for these UTF-16 code units.
    pub fn from_utf16(units: &[u16]) -> Text {
        if units.iter().all(|&u| u < 0x80) {
            let mut bytes: Vec<u8> = units.iter().map(|&u| u as u8).collect();
            bytes.push(0);
            Text::Ascii(bytes)
        } else {
            Text::Utf16(units.to_vec())
        }
    }

    /// Builds text from a Rust string.
    pub fn from_rust_str(s: &str) -> Text {
        if s.is_ascii() {
            let mut bytes = Vec::with_capacity(s.len() + 1);
            bytes.extend_from_slice(s.as_bytes());
            bytes.push(0);
            Text::Ascii(bytes)
        } else {
            Text::Utf16(s.encode_utf16().collect())
        }
    }

    /// A compile-time constant. `with_nul` must be ASCII and end in one NUL;
    /// that is checked when the constant is evaluated.
    pub const fn constant(with_nul: &'static [u8]) -> Text {
        let mut i = 0;
        while i + 1 < with_nul.len() {
            assert!(
                with_nul[i] != 0 && with_nul[i] < 0x80,
                "constant text must be ASCII without NUL"
            );
            i += 1;
        }
        assert!(
            !with_nul.is_empty() && with_nul[with_nul.len() - 1] == 0,
            "constant text must end in NUL"
        );
        Text::StaticAscii(with_nul)
    }

    pub fn as_ref(&self) -> TextRef<'_> {
        match self {
            Text::Ascii(bytes) => TextRef::Ascii(&bytes[..bytes.len().saturating_sub(1)]),
            Text::StaticAscii(bytes) => TextRef::Ascii(&bytes[..bytes.len().saturating_sub(1)]),
            Text::Utf16(units) => TextRef::Utf16(units),
        }
    }

    /// The NUL-terminated ASCII bytes, when the text is stored that way.
    pub fn ascii_with_nul(&self) -> Option<&[u8]> {
        match self {
            Text::Ascii(bytes) => Some(bytes),
            Text::StaticAscii(bytes) => Some(bytes),
            Text::Utf16(_) => None,
        }
    }
}

impl<'a> TextRef<'a> {
    /// Length in UTF-16 code units.
    pub fn len(self) -> usize {
        match self {
            TextRef::Ascii(b) => b.len(),
            TextRef::Utf16(u) => u.len(),
        }
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The code unit at `index`, or `None` past the end.
    pub fn unit(self, index: usize) -> Option<u16> {
        match self {
            TextRef::Ascii(b) => b.get(index).map(|&c| u16::from(c)),
            TextRef::Utf16(u) => u.get(index).copied(),
        }
    }

    /// Iterates the UTF-16 code units.
    pub fn units(self) -> impl Iterator<Item = u16> + 'a {
        let (ascii, wide): (&'a [u8], &'a [u16]) = match self {
            TextRef::Ascii(b) => (b, &[]),
            TextRef::Utf16(u) => (&[], u),
        };
        ascii
            .iter()
            .map(|&c| u16::from(c))
            .chain(wide.iter().copied())
    }

    /// The code units of `start..start+len`, or `None` when out of range.
    pub fn slice(self, start: usize, len: usize) -> Option<TextRef<'a>> {
        let end = start.checked_add(len)?;
        match self {
            TextRef::Ascii(b) => b.get(start..end).map(TextRef::Ascii),
            TextRef::Utf16(u) => u.get(start..end).map(TextRef::Utf16),
        }
    }

    /// Converts to Rust text; lone surrogates become U+FFFD.
    pub fn to_string_lossy(self) -> String {
        match self {
            TextRef::Ascii(b) => b.iter().map(|&c| char::from(c)).collect(),
            TextRef::Utf16(u) => String::from_utf16_lossy(u),
        }
    }

    /// The text as `&str` when it is stored as ASCII (no conversion needed).
    pub fn as_ascii_str(self) -> Option<&'a str> {
        match self {
            TextRef::Ascii(b) => std::str::from_utf8(b).ok(),
            TextRef::Utf16(_) => None,
        }
    }

    /// Code-unit equality, whatever the storage.
    pub fn eq_text(self, other: TextRef<'_>) -> bool {
        self.len() == other.len() && self.units().eq(other.units())
    }

    /// Equality with a Rust string.
    pub fn eq_str(self, s: &str) -> bool {
        self.units().eq(s.encode_utf16())
    }

    /// A hash that depends only on the code units (FNV-1a over them, then
    /// folded with the length), so equal text hashes equal in any storage.
    pub fn hash_code(self) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for unit in self.units() {
            h ^= u64::from(unit);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h ^ (self.len() as u64).rotate_left(32)
    }

    /// `CFStringCompare` semantics for the flags we honour: literal
    /// code-unit order, optionally ASCII-case-insensitive, optionally with
    /// runs of digits compared by numeric value.
    pub fn compare(self, other: TextRef<'_>, options: CompareOptions) -> Ordering {
        let fold = |u: u16| {
            if options.case_insensitive {
                fold_case(u)
            } else {
                u
            }
        };
        if !options.numerically {
            return self.units().map(fold).cmp(other.units().map(fold));
        }
        let a: Vec<u16> = self.units().map(fold).collect();
        let b: Vec<u16> = other.units().map(fold).collect();
        compare_numerically(&a, &b)
    }

    /// Whether `self` starts with `prefix`.
    pub fn starts_with(self, prefix: TextRef<'_>) -> bool {
        prefix.len() <= self.len()
            && self
                .slice(0, prefix.len())
                .is_some_and(|head| head.eq_text(prefix))
    }

    /// Whether `self` ends with `suffix`.
    pub fn ends_with(self, suffix: TextRef<'_>) -> bool {
        suffix.len() <= self.len()
            && self
                .slice(self.len() - suffix.len(), suffix.len())
                .is_some_and(|tail| tail.eq_text(suffix))
    }

    /// Every character in the Basic Latin block.
    pub fn is_ascii(self) -> bool {
        self.units().all(|u| u < 0x80)
    }

    /// Every code unit below 0x100 (encodable as ISO Latin-1).
    pub fn is_latin1(self) -> bool {
        self.units().all(|u| u < 0x100)
    }
}

/// The subset of `CFStringCompareFlags` that changes the result here.
#[derive(Clone, Copy, Debug, Default)]
pub struct CompareOptions {
    pub case_insensitive: bool,
    pub numerically: bool,
}

/// Simple case folding for Latin-1 and the ASCII range; other characters
/// compare literally (documented in the README's behaviour table).
fn fold_case(u: u16) -> u16 {
    match u {
        0x41..=0x5A => u + 0x20,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        _ => u,
    }
}

fn is_digit(u: u16) -> bool {
    (0x30..=0x39).contains(&u)
}

/// Compares with runs of ASCII digits ordered by value ("a9" < "a10").
fn compare_numerically(a: &[u16], b: &[u16]) -> Ordering {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if is_digit(a[i]) && is_digit(b[j]) {
            let (si, sj) = (i, j);
            while i < a.len() && is_digit(a[i]) {
                i += 1;
            }
            while j < b.len() && is_digit(b[j]) {
                j += 1;
            }
            let na = trim_zeros(&a[si..i]);
            let nb = trim_zeros(&b[sj..j]);
            let order = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb));
            if order != Ordering::Equal {
                return order;
            }
        } else {
            let order = a[i].cmp(&b[j]);
            if order != Ordering::Equal {
                return order;
            }
            i += 1;
            j += 1;
        }
    }
    (a.len() - i).cmp(&(b.len() - j))
}

fn trim_zeros(digits: &[u16]) -> &[u16] {
    let first = digits
        .iter()
        .position(|&d| d != 0x30)
        .unwrap_or(digits.len());
    &digits[first..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_does_not_change_equality_or_hash() {
        let ascii = Text::from_rust_str("ITU_R_709_2");
        let wide_units: Vec<u16> = "ITU_R_709_2".encode_utf16().collect();
        let wide = TextRef::Utf16(&wide_units);
        assert!(ascii.as_ref().eq_text(wide));
        assert_eq!(ascii.as_ref().hash_code(), wide.hash_code());
        assert!(!ascii.as_ref().eq_text(TextRef::Ascii(b"ITU_R_709")));
    }

    #[test]
    fn constants_behave_like_created_text() {
        const K: Text = Text::constant(b"Width\0");
        assert!(K.as_ref().eq_text(Text::from_rust_str("Width").as_ref()));
        assert_eq!(K.ascii_with_nul(), Some(&b"Width\0"[..]));
        assert_eq!(K.as_ref().len(), 5);
    }

    #[test]
    fn compact_storage_is_chosen() {
        assert!(matches!(Text::from_rust_str("abc"), Text::Ascii(_)));
        assert!(matches!(Text::from_rust_str("h\u{e9}"), Text::Utf16(_)));
        assert_eq!(
            Text::from_rust_str("abc").ascii_with_nul(),
            Some(&b"abc\0"[..])
        );
        assert_eq!(Text::from_rust_str("").as_ref().len(), 0);
    }

    #[test]
    fn compare_orders() {
        let opts = CompareOptions::default();
        let a = TextRef::Ascii(b"abc");
        let b = TextRef::Ascii(b"abd");
        assert_eq!(a.compare(b, opts), Ordering::Less);
        assert_eq!(b.compare(a, opts), Ordering::Greater);
        let upper = TextRef::Ascii(b"ABC");
        assert_eq!(a.compare(upper, opts), Ordering::Greater);
        let ci = CompareOptions {
            case_insensitive: true,
            ..opts
        };
        assert_eq!(a.compare(upper, ci), Ordering::Equal);
        let num = CompareOptions {
            numerically: true,
            ..opts
        };
        assert_eq!(
            TextRef::Ascii(b"f9").compare(TextRef::Ascii(b"f10"), num),
            Ordering::Less
        );
        assert_eq!(
            TextRef::Ascii(b"f9").compare(TextRef::Ascii(b"f10"), opts),
            Ordering::Greater
        );
        assert_eq!(
            TextRef::Ascii(b"f010").compare(TextRef::Ascii(b"f10"), num),
            Ordering::Equal
        );
    }

    #[test]
    fn prefix_suffix_slice() {
        let t = TextRef::Ascii(b"kCVPixelBuffer");
        assert!(t.starts_with(TextRef::Ascii(b"kCV")));
        assert!(t.ends_with(TextRef::Ascii(b"Buffer")));
        assert!(!t.ends_with(TextRef::Ascii(b"xkCVPixelBuffer")));
        assert!(t.slice(3, 100).is_none());
        assert!(t.slice(usize::MAX, 2).is_none());
    }
}
