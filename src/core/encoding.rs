//! Byte encodings for CFString: decoding bytes into UTF-16 and encoding text
//! back (`CFStringCreateWithBytes`, `CFStringGetBytes`, `CFStringGetCString`).
//!
//! Supported: ASCII, UTF-8, ISO Latin-1, Windows Latin-1, MacRoman, UTF-16
//! (host order, BOM-aware; BE; LE), UTF-32 (same three), NonLossyASCII.
//! `kCFStringEncodingNextStepLatin` is not supported: creating from it fails
//! (NULL) and converting to it fails, as CoreFoundation does for any
//! encoding it cannot convert (README behaviour table).

use super::encoding_tables::{MAC_ROMAN_HIGH, WINDOWS_LATIN1_HIGH};
use super::text::TextRef;

/// A `CFStringEncoding` this implementation can convert.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    MacRoman,
    WindowsLatin1,
    IsoLatin1,
    Ascii,
    Utf8,
    NonLossyAscii,
    /// `kCFStringEncodingUnicode`/`UTF16`: host order, BOM honoured on input.
    Utf16,
    Utf16Be,
    Utf16Le,
    /// `kCFStringEncodingUTF32`: host order, BOM honoured on input.
    Utf32,
    Utf32Be,
    Utf32Le,
}

impl Encoding {
    /// Maps a `CFStringEncoding` value (corefoundation.md §4.1).
    pub fn from_cf(value: u32) -> Option<Encoding> {
        Some(match value {
            0 => Encoding::MacRoman,
            0x0500 => Encoding::WindowsLatin1,
            0x0201 => Encoding::IsoLatin1,
            0x0600 => Encoding::Ascii,
            0x0800_0100 => Encoding::Utf8,
            0x0BFF => Encoding::NonLossyAscii,
            0x0100 => Encoding::Utf16,
            0x1000_0100 => Encoding::Utf16Be,
            0x1400_0100 => Encoding::Utf16Le,
            0x0C00_0100 => Encoding::Utf32,
            0x1800_0100 => Encoding::Utf32Be,
            0x1C00_0100 => Encoding::Utf32Le,
            _ => return None,
        })
    }

    /// Whether ASCII text is byte-identical in this encoding (so an ASCII
    /// string's bytes can be handed out as a C string without converting).
    pub fn is_ascii_superset(self) -> bool {
        matches!(
            self,
            Encoding::MacRoman
                | Encoding::WindowsLatin1
                | Encoding::IsoLatin1
                | Encoding::Ascii
                | Encoding::Utf8
                | Encoding::NonLossyAscii
        )
    }

    /// Worst-case bytes per UTF-16 unit (`CFStringGetMaximumSizeForEncoding`).
    pub fn max_bytes_per_unit(self) -> usize {
        match self {
            Encoding::Utf8 => 3,
            Encoding::NonLossyAscii => 6,
            Encoding::Utf16 | Encoding::Utf16Be | Encoding::Utf16Le => 2,
            Encoding::Utf32 | Encoding::Utf32Be | Encoding::Utf32Le => 4,
            _ => 1,
        }
    }
}

fn decode_high(table: &[u16; 128], byte: u8) -> Option<u16> {
    if byte < 0x80 {
        Some(u16::from(byte))
    } else {
        let unit = table[usize::from(byte - 0x80)];
        (unit != 0xFFFD).then_some(unit)
    }
}

fn encode_high(table: &[u16; 128], unit: u16) -> Option<u8> {
    if unit < 0x80 {
        return Some(unit as u8);
    }
    table
        .iter()
        .position(|&u| u == unit && u != 0xFFFD)
        .map(|i| 0x80 + i as u8)
}

/// Decodes `bytes` to UTF-16 units. `None` when the bytes are not valid in
/// the encoding. A leading BOM is consumed for UTF-16/32 and UTF-8.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Option<Vec<u16>> {
    match encoding {
        // CFString.h: with ASCII, bytes above 0x7F are taken as the same
        // Unicode code point (i.e. as Latin-1).
        Encoding::Ascii | Encoding::IsoLatin1 => {
            Some(bytes.iter().map(|&b| u16::from(b)).collect())
        }
        Encoding::MacRoman => bytes
            .iter()
            .map(|&b| decode_high(&MAC_ROMAN_HIGH, b))
            .collect(),
        Encoding::WindowsLatin1 => bytes
            .iter()
            .map(|&b| decode_high(&WINDOWS_LATIN1_HIGH, b))
            .collect(),
        Encoding::Utf8 => {
            let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
            std::str::from_utf8(bytes)
                .ok()
                .map(|s| s.encode_utf16().collect())
        }
        Encoding::NonLossyAscii => decode_non_lossy(bytes),
        Encoding::Utf16 | Encoding::Utf16Be | Encoding::Utf16Le => decode_utf16(bytes, encoding),
        Encoding::Utf32 | Encoding::Utf32Be | Encoding::Utf32Le => decode_utf32(bytes, encoding),
    }
}

fn decode_utf16(bytes: &[u8], encoding: Encoding) -> Option<Vec<u16>> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let mut big_endian = match encoding {
        Encoding::Utf16Be => true,
        Encoding::Utf16Le => false,
        _ => cfg!(target_endian = "big"),
    };
    let mut body = bytes;
    if encoding == Encoding::Utf16 {
        if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
            big_endian = true;
            body = rest;
        } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
            big_endian = false;
            body = rest;
        }
    }
    Some(
        body.chunks_exact(2)
            .map(|c| {
                let pair = [c[0], c[1]];
                if big_endian {
                    u16::from_be_bytes(pair)
                } else {
                    u16::from_le_bytes(pair)
                }
            })
            .collect(),
    )
}

fn decode_utf32(bytes: &[u8], encoding: Encoding) -> Option<Vec<u16>> {
    if bytes.len() % 4 != 0 {
        return None;
    }
    let mut big_endian = match encoding {
        Encoding::Utf32Be => true,
        Encoding::Utf32Le => false,
        _ => cfg!(target_endian = "big"),
    };
    let mut body = bytes;
    if encoding == Encoding::Utf32 {
        if let Some(rest) = bytes.strip_prefix(&[0, 0, 0xFE, 0xFF]) {
            big_endian = true;
            body = rest;
        } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE, 0, 0]) {
            big_endian = false;
            body = rest;
        }
    }
    let mut out = Vec::with_capacity(body.len() / 4);
    for c in body.chunks_exact(4) {
        let quad = [c[0], c[1], c[2], c[3]];
        let scalar = if big_endian {
            u32::from_be_bytes(quad)
        } else {
            u32::from_le_bytes(quad)
        };
        let ch = char::from_u32(scalar)?;
        let mut buf = [0u16; 2];
        out.extend_from_slice(ch.encode_utf16(&mut buf));
    }
    Some(out)
}

/// NonLossyASCII: ASCII with `\uXXXX` for other UTF-16 units, `\\` for a
/// backslash and `\ooo` (octal) for Latin-1 bytes.
fn decode_non_lossy(bytes: &[u8]) -> Option<Vec<u16>> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b >= 0x80 {
            return None;
        }
        if b != b'\\' {
            out.push(u16::from(b));
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(b'\\') => {
                out.push(u16::from(b'\\'));
                i += 2;
            }
            Some(b'u') => {
                let hex = std::str::from_utf8(bytes.get(i + 2..i + 6)?).ok()?;
                out.push(u16::from_str_radix(hex, 16).ok()?);
                i += 6;
            }
            Some(b'0'..=b'3') => {
                let oct = std::str::from_utf8(bytes.get(i + 1..i + 4)?).ok()?;
                out.push(u16::from_str_radix(oct, 8).ok()?);
                i += 4;
            }
            _ => return None,
        }
    }
    Some(out)
}

/// The result of [`encode`].
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Encoded {
    /// UTF-16 units consumed (what `CFStringGetBytes` returns).
    pub units: usize,
    pub bytes: Vec<u8>,
}

/// Encodes `text`. Units that cannot be represented are replaced by
/// `loss_byte` when it is given, else encoding stops before them. At most
/// `max_bytes` bytes are produced (encoding stops before the unit that would
/// not fit). `external` prepends a BOM for the host-order UTF-16/32 forms.
pub fn encode(
    text: TextRef<'_>,
    encoding: Encoding,
    loss_byte: Option<u8>,
    external: bool,
    max_bytes: usize,
) -> Encoded {
    let mut out = Encoded::default();
    if external {
        let bom: &[u8] = match encoding {
            Encoding::Utf16 => &[0xFF, 0xFE],
            Encoding::Utf32 => &[0xFF, 0xFE, 0, 0],
            _ => &[],
        };
        let bom: Vec<u8> = if cfg!(target_endian = "big") {
            bom.iter().rev().copied().collect()
        } else {
            bom.to_vec()
        };
        if bom.len() > max_bytes {
            return out;
        }
        out.bytes.extend_from_slice(&bom);
    }
    let units: Vec<u16> = text.units().collect();
    let mut i = 0;
    let mut scratch = Vec::with_capacity(8);
    while i < units.len() {
        // A surrogate pair is one character: both units convert together.
        let pair_len = if is_high_surrogate(units[i])
            && units.get(i + 1).is_some_and(|&u| is_low_surrogate(u))
        {
            2
        } else {
            1
        };
        scratch.clear();
        let ok = encode_char(&units[i..i + pair_len], encoding, &mut scratch);
        if !ok {
            match loss_byte {
                Some(b) => {
                    scratch.clear();
                    scratch.push(b);
                }
                None => break,
            }
        }
        if out.bytes.len() + scratch.len() > max_bytes {
            break;
        }
        out.bytes.extend_from_slice(&scratch);
        out.units += pair_len;
        i += pair_len;
    }
    out
}

fn is_high_surrogate(u: u16) -> bool {
    (0xD800..0xDC00).contains(&u)
}

fn is_low_surrogate(u: u16) -> bool {
    (0xDC00..0xE000).contains(&u)
}

/// Encodes one character (one unit, or a surrogate pair) into `out`.
fn encode_char(units: &[u16], encoding: Encoding, out: &mut Vec<u8>) -> bool {
    let single = units.len() == 1;
    let unit = units[0];
    match encoding {
        Encoding::Ascii => {
            single && unit < 0x80 && {
                out.push(unit as u8);
                true
            }
        }
        Encoding::IsoLatin1 => {
            single && unit < 0x100 && {
                out.push(unit as u8);
                true
            }
        }
        Encoding::MacRoman | Encoding::WindowsLatin1 => {
            let table = if encoding == Encoding::MacRoman {
                &MAC_ROMAN_HIGH
            } else {
                &WINDOWS_LATIN1_HIGH
            };
            match encode_high(table, unit).filter(|_| single) {
                Some(b) => {
                    out.push(b);
                    true
                }
                None => false,
            }
        }
        Encoding::Utf8 => match char::decode_utf16(units.iter().copied()).next() {
            Some(Ok(ch)) => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                true
            }
            _ => false,
        },
        Encoding::NonLossyAscii => {
            for &u in units {
                if u == u16::from(b'\\') {
                    out.extend_from_slice(b"\\\\");
                } else if u < 0x80 {
                    out.push(u as u8);
                } else {
                    out.extend_from_slice(format!("\\u{u:04x}").as_bytes());
                }
            }
            true
        }
        Encoding::Utf16 | Encoding::Utf16Be | Encoding::Utf16Le => {
            for &u in units {
                let bytes = match encoding {
                    Encoding::Utf16Be => u.to_be_bytes(),
                    Encoding::Utf16Le => u.to_le_bytes(),
                    _ => u.to_ne_bytes(),
                };
                out.extend_from_slice(&bytes);
            }
            true
        }
        Encoding::Utf32 | Encoding::Utf32Be | Encoding::Utf32Le => {
            match char::decode_utf16(units.iter().copied()).next() {
                Some(Ok(ch)) => {
                    let scalar = ch as u32;
                    let bytes = match encoding {
                        Encoding::Utf32Be => scalar.to_be_bytes(),
                        Encoding::Utf32Le => scalar.to_le_bytes(),
                        _ => scalar.to_ne_bytes(),
                    };
                    out.extend_from_slice(&bytes);
                    true
                }
                _ => false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn round_trips() {
        let text = units("Caf\u{e9} \u{1F600} \\ ok");
        for enc in [
            Encoding::Utf8,
            Encoding::Utf16,
            Encoding::Utf16Be,
            Encoding::Utf16Le,
            Encoding::Utf32,
            Encoding::Utf32Be,
            Encoding::Utf32Le,
            Encoding::NonLossyAscii,
        ] {
            let e = encode(TextRef::Utf16(&text), enc, None, false, usize::MAX);
            assert_eq!(e.units, text.len(), "{enc:?}");
            assert_eq!(decode(&e.bytes, enc).as_deref(), Some(&text[..]), "{enc:?}");
        }
    }

    #[test]
    fn eight_bit_tables() {
        assert_eq!(decode(&[0x8E], Encoding::MacRoman), Some(vec![0xE9]));
        assert_eq!(decode(&[0x80], Encoding::WindowsLatin1), Some(vec![0x20AC]));
        assert_eq!(decode(&[0x81], Encoding::WindowsLatin1), None);
        assert_eq!(decode(&[0xE9], Encoding::Ascii), Some(vec![0xE9]));
        let e = encode(
            TextRef::Utf16(&[0x20AC]),
            Encoding::WindowsLatin1,
            None,
            false,
            9,
        );
        assert_eq!(e.bytes, vec![0x80]);
    }

    #[test]
    fn loss_byte_and_limits() {
        let text = units("a\u{e9}b");
        let stop = encode(TextRef::Utf16(&text), Encoding::Ascii, None, false, 99);
        assert_eq!((stop.units, stop.bytes.as_slice()), (1, &b"a"[..]));
        let lossy = encode(
            TextRef::Utf16(&text),
            Encoding::Ascii,
            Some(b'?'),
            false,
            99,
        );
        assert_eq!((lossy.units, lossy.bytes.as_slice()), (3, &b"a?b"[..]));
        let short = encode(TextRef::Utf16(&text), Encoding::Utf8, None, false, 2);
        assert_eq!(short.units, 1);
        let bom = encode(TextRef::Ascii(b"A"), Encoding::Utf16, None, true, 9);
        assert_eq!(decode(&bom.bytes, Encoding::Utf16), Some(vec![0x41]));
        assert_eq!(bom.bytes.len(), 4);
    }

    #[test]
    fn invalid_input_is_rejected() {
        assert_eq!(decode(&[0xFF], Encoding::Utf8), None);
        assert_eq!(decode(&[0, 0xD8, 0], Encoding::Utf16Le), None);
        assert_eq!(decode(&[0, 0, 0x11, 0], Encoding::Utf32Le), None);
        assert_eq!(decode(b"\\q", Encoding::NonLossyAscii), None);
        assert_eq!(Encoding::from_cf(0x0B01), None);
    }
}
