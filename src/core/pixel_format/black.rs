//! The bit pattern of one black block per plane (`kCVPixelFormatBlackBlock`),
//! derived from the table's storage and channel layout.
//!
//! "Black" in each format's own terms:
//! - Y': the bottom of its range: video range `16 << (bits − 8)` (16, 64,
//!   4096), full and zero-biased range 0.
//! - Cb, Cr: the neutral value `1 << (bits − 1)` (128, 512, 32768); 0 for
//!   zero-biased (`'r408'`) and float (`'r4fl'`) chroma.
//! - R, G, B: 0; video-range RGB (`'r210'`) `16 << (bits − 8)` = 64;
//!   extended (XR) range 384 at 10 bits, the code of 0.0.
//! - Gray, generic components, sensels, depth and disparity: 0.
//! - Palette and gray-ramp indices: all ones. For the `…WhiteIsZero` formats
//!   that is black by definition; for the palette formats it is black in the
//!   Macintosh default colour tables (index 0 white, last index black).
//! - Alpha: opaque, as in CoreVideo's own `'BGRA'` black block `00 00 00 FF`:
//!   the maximum code; 235 at 8 bits for video-coded alpha (`'v408'`); the XR
//!   code of 1.0 (894, see `XR_ONE_CODE`) for 10-bit XR alpha (`'w40a'`, `'w40m'`).
//! - Floats and halves: 0.0, alpha 1.0.
//!
//! Samples narrower than their container sit in its most-significant bits
//! (`'x420'`: `64 << 6`); containers and packed words are stored in the
//! format's byte order, so big-endian formats get big-endian blocks. A
//! registered format's plane has the block its description gave, or zeros
//! ("if absent, black is assumed to be all zeros", CVPixelFormatDescription.h).

use super::{
    Alpha, Channel, Channels, Endian, Field, PixelFormat, Plane, Range, Storage, XR_ONE_CODE,
    XR_ZERO_CODE,
};

/// The black block of every plane of `format` (one entry for chunky
/// formats, none for device-compressed formats).
pub fn black_blocks(format: &PixelFormat) -> Vec<Vec<u8>> {
    format
        .planes()
        .iter()
        .map(|plane| plane_black(format, plane))
        .collect()
}

/// The black block of plane `plane` of `format`; `None` past the last plane.
pub fn black_block(format: &PixelFormat, plane: usize) -> Option<Vec<u8>> {
    format.planes().get(plane).map(|p| plane_black(format, p))
}

fn plane_black(format: &PixelFormat, plane: &Plane) -> Vec<u8> {
    let size = usize::from(plane.bytes_per_block);
    let zeros = || vec![0; size];
    let block = match (plane.storage, plane.channels) {
        (_, Channels::Registered { black_block }) => black_block.map(<[u8]>::to_vec),
        (Storage::Container { bits }, Channels::Ordered(channels)) => {
            containers(format, bits, channels)
        }
        (Storage::Float { bits }, Channels::Ordered(channels)) => floats(format, bits, channels),
        (Storage::PackedWord { bits }, Channels::Packed(fields)) => {
            words(format, bits, fields, size)
        }
        (Storage::SubByte { bits } | Storage::BitPacked { bits }, Channels::Uniform(channel)) => {
            Some(repeated(black_code(format, channel, bits), bits, size))
        }
        // The table never pairs other combinations (a test checks).
        _ => None,
    };
    // Only the exact block size is a black block; anything else is a table
    // inconsistency, answered with the header's default of zeros.
    block.filter(|b| b.len() == size).unwrap_or_else(zeros)
}

/// One container per channel, each holding the channel's code in its top bits.
fn containers(format: &PixelFormat, bits: u8, channels: &[Channel]) -> Option<Vec<u8>> {
    let significant = bits.min(format.bits_per_component.max(1));
    let mut out = Vec::new();
    for &channel in channels {
        let code = black_code(format, channel, significant) << (bits - significant);
        push_word(&mut out, code, bits, format.endian)?;
    }
    Some(out)
}

fn floats(format: &PixelFormat, bits: u8, channels: &[Channel]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for &channel in channels {
        let value: f32 = if channel == Channel::A { 1.0 } else { 0.0 };
        let code = match bits {
            16 => u64::from(f16_bits(value)),
            32 => u64::from(value.to_bits()),
            _ => return None,
        };
        push_word(&mut out, code, bits, format.endian)?;
    }
    Some(out)
}

/// Packed words: every field's code at its shift, word by word.
fn words(format: &PixelFormat, bits: u8, fields: &[Field], size: usize) -> Option<Vec<u8>> {
    let count = size / usize::from(bits / 8).max(1);
    let mut codes = vec![0u64; count];
    for f in fields {
        let word = codes.get_mut(usize::from(f.word))?;
        *word |= black_code(format, f.channel, f.bits).checked_shl(u32::from(f.shift))?;
    }
    let mut out = Vec::with_capacity(size);
    for code in codes {
        push_word(&mut out, code, bits, format.endian)?;
    }
    Some(out)
}

/// `size` bytes filled with `code` repeated every `bits` bits, first sample
/// in the most-significant bits (sub-byte pixels; the header's "repeat the
/// bit pattern for the full byte").
fn repeated(code: u64, bits: u8, size: usize) -> Vec<u8> {
    let bits = usize::from(bits.max(1));
    let mut out = vec![0u8; size];
    for bit in 0..size * 8 {
        let sample_bit = bits - 1 - bit % bits;
        if code >> sample_bit & 1 == 1 {
            out[bit / 8] |= 0x80 >> (bit % 8);
        }
    }
    out
}

fn push_word(out: &mut Vec<u8>, code: u64, bits: u8, endian: Endian) -> Option<()> {
    let bytes = usize::from(bits / 8);
    if !(1..=8).contains(&bytes) || bits % 8 != 0 {
        return None;
    }
    let le = code.to_le_bytes();
    match endian {
        Endian::Big => out.extend(le[..bytes].iter().rev()),
        Endian::Little | Endian::Byte => out.extend_from_slice(&le[..bytes]),
    }
    Some(())
}

/// The integer code of black for `channel` in a sample of `bits` bits.
fn black_code(format: &PixelFormat, channel: Channel, bits: u8) -> u64 {
    let max = if bits >= 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    };
    match channel {
        Channel::Y => match format.range {
            Some(Range::Video) => scaled(16, 8, bits),
            _ => 0,
        },
        Channel::Cb | Channel::Cr => match format.range {
            Some(Range::ZeroBiased) | None => 0,
            _ => 1u64 << bits.saturating_sub(1),
        },
        Channel::R | Channel::G | Channel::B => match format.range {
            Some(Range::Video) => scaled(16, 8, bits),
            Some(Range::Wide) => scaled(u64::from(XR_ZERO_CODE), 10, bits),
            _ => 0,
        },
        Channel::A => match (format.alpha, format.range) {
            (Alpha::Video, _) => scaled(235, 8, bits),
            (_, Some(Range::Wide)) if bits >= 10 => scaled(u64::from(XR_ONE_CODE), 10, bits),
            _ => max,
        },
        Channel::Index => max,
        Channel::Gray
        | Channel::C0
        | Channel::C1
        | Channel::Sensel
        | Channel::Depth
        | Channel::Disparity
        | Channel::Unused => 0,
    }
}

/// `code`, defined at `at` bits, at `bits` bits (codes scale by powers of two).
fn scaled(code: u64, at: u8, bits: u8) -> u64 {
    if bits >= at {
        code << (bits - at)
    } else {
        code >> (at - bits)
    }
}

/// IEEE 754 binary16 bits of `value`, rounded to nearest even.
pub fn f16_bits(value: f32) -> u16 {
    let x = value.to_bits();
    let sign = ((x >> 16) & 0x8000) as u16;
    let exp = ((x >> 23) & 0xff) as i32;
    let man = x & 0x7f_ffff;
    if exp == 0xff {
        return sign | 0x7c00 | if man != 0 { 0x200 } else { 0 };
    }
    let e = exp - 127 + 15;
    if e >= 0x1f {
        return sign | 0x7c00;
    }
    // The mantissa (with its implicit bit when normal) and how many low bits
    // binary16 drops.
    let (mantissa, shift) = if e <= 0 {
        if e < -10 {
            return sign;
        }
        (man | 0x80_0000, (14 - e) as u32)
    } else {
        (man, 13)
    };
    let kept = mantissa >> shift;
    let rest = mantissa & ((1 << shift) - 1);
    let half = 1 << (shift - 1);
    let rounded = kept + u32::from(rest > half || (rest == half && kept & 1 == 1));
    let exponent = if e <= 0 { 0 } else { (e as u32) << 10 };
    // A carry out of the mantissa correctly bumps the exponent.
    sign | (exponent + rounded) as u16
}

#[cfg(test)]
mod tests {
    use super::super::{Family, fourcc};
    use super::*;

    fn format(code: &[u8; 4]) -> &'static PixelFormat {
        PixelFormat::find(fourcc(code)).unwrap()
    }

    fn blocks(code: &[u8; 4]) -> Vec<Vec<u8>> {
        black_blocks(format(code))
    }

    /// Reads an unsigned `bytes`-wide word.
    fn word(bytes: &[u8], endian: Endian) -> u64 {
        let mut v = 0u64;
        match endian {
            Endian::Big => bytes.iter().for_each(|&b| v = v << 8 | u64::from(b)),
            _ => bytes.iter().rev().for_each(|&b| v = v << 8 | u64::from(b)),
        }
        v
    }

    fn half_value(bits: u16) -> f64 {
        let exp = i32::from(bits >> 10 & 0x1f);
        let man = f64::from(bits & 0x3ff);
        let sign = if bits & 0x8000 != 0 { -1.0 } else { 1.0 };
        sign * if exp == 0 {
            man * 2f64.powi(-24)
        } else {
            (1.0 + man / 1024.0) * 2f64.powi(exp - 15)
        }
    }

    /// Decodes a black block into (channel, value, significant bits): codes
    /// as integers, floats as their value.
    fn decode(f: &PixelFormat, plane: &Plane, block: &[u8]) -> Vec<(Channel, f64, u8)> {
        let mut out = Vec::new();
        match (plane.storage, plane.channels) {
            (Storage::Container { bits }, Channels::Ordered(chans)) => {
                let n = usize::from(bits / 8);
                let sig = bits.min(f.bits_per_component);
                for (i, &c) in chans.iter().enumerate() {
                    let v = word(&block[i * n..(i + 1) * n], f.endian);
                    // Bits below the sample must be zero.
                    assert_eq!(v & ((1 << (bits - sig)) - 1), 0, "{}", f.name);
                    out.push((c, (v >> (bits - sig)) as f64, sig));
                }
            }
            (Storage::Float { bits }, Channels::Ordered(chans)) => {
                let n = usize::from(bits / 8);
                for (i, &c) in chans.iter().enumerate() {
                    let v = word(&block[i * n..(i + 1) * n], f.endian);
                    let value = if bits == 16 {
                        half_value(v as u16)
                    } else {
                        f64::from(f32::from_bits(v as u32))
                    };
                    out.push((c, value, bits));
                }
            }
            (Storage::PackedWord { bits }, Channels::Packed(fields)) => {
                let n = usize::from(bits / 8);
                for fl in fields {
                    let w = usize::from(fl.word);
                    let v = word(&block[w * n..(w + 1) * n], f.endian);
                    let code = v >> fl.shift & ((1 << fl.bits) - 1);
                    out.push((fl.channel, code as f64, fl.bits));
                }
            }
            (Storage::SubByte { bits } | Storage::BitPacked { bits }, Channels::Uniform(c)) => {
                let samples = block.len() * 8 / usize::from(bits);
                for s in 0..samples {
                    let mut code = 0u64;
                    for b in 0..usize::from(bits) {
                        let bit = s * usize::from(bits) + b;
                        code = code << 1 | u64::from(block[bit / 8] >> (7 - bit % 8) & 1);
                    }
                    out.push((c, code as f64, bits));
                }
            }
            other => panic!("{}: unexpected plane {other:?}", f.name),
        }
        out
    }

    /// An independent statement of "black": what each decoded sample must
    /// mean, as a value in the format's nominal scale.
    fn check_black(f: &PixelFormat, channel: Channel, value: f64, bits: u8) {
        let float = matches!(f.planes()[0].storage, Storage::Float { .. })
            && f.family != Family::Compressed;
        let full = 2f64.powi(i32::from(bits)) - 1.0;
        let unit = 2f64.powi(i32::from(bits) - 8);
        let name = f.name;
        match channel {
            Channel::A => {
                let opaque = match (f.alpha, f.range) {
                    _ if float => 1.0,
                    (Alpha::Video, _) => 235.0 * unit,
                    (_, Some(Range::Wide)) if bits == 10 => 384.0 + 510.0,
                    _ => full,
                };
                assert_eq!(value, opaque, "{name} alpha");
            }
            Channel::Y => {
                let expected = match f.range {
                    Some(Range::Video) => 16.0 * unit,
                    _ => 0.0,
                };
                assert_eq!(value, expected, "{name} Y'");
            }
            Channel::Cb | Channel::Cr => {
                let neutral = match f.range {
                    Some(Range::Video | Range::Full) => 2f64.powi(i32::from(bits) - 1),
                    _ => 0.0,
                };
                assert_eq!(value, neutral, "{name} chroma");
            }
            Channel::R | Channel::G | Channel::B => {
                let expected = match f.range {
                    Some(Range::Video) => 16.0 * unit,
                    // XR: value = (code − 384) / 510; 0.0 is code 384.
                    Some(Range::Wide) => 384.0,
                    _ => 0.0,
                };
                assert_eq!(value, expected, "{name} RGB");
            }
            Channel::Index => assert_eq!(value, full, "{name} index"),
            _ => assert_eq!(value, 0.0, "{name} {channel:?}"),
        }
    }

    #[test]
    fn every_black_block_decodes_to_black() {
        for f in PixelFormat::all() {
            let blocks = black_blocks(f);
            assert_eq!(blocks.len(), f.planes().len(), "{}", f.name);
            for (plane, block) in f.planes().iter().zip(&blocks) {
                assert_eq!(
                    block.len(),
                    usize::from(plane.bytes_per_block),
                    "{}",
                    f.name
                );
                for (channel, value, bits) in decode(f, plane, block) {
                    check_black(f, channel, value, bits);
                }
            }
        }
    }

    #[test]
    fn hand_computed_blocks() {
        // CoreVideo's own blocks (printed by iOS): BGRA 000000ff, 420v 10 /
        // 8080, 420f 00 / 8080.
        assert_eq!(blocks(b"BGRA"), [vec![0, 0, 0, 0xff]]);
        assert_eq!(blocks(b"420v"), [vec![0x10], vec![0x80, 0x80]]);
        assert_eq!(blocks(b"420f"), [vec![0x00], vec![0x80, 0x80]]);
        assert_eq!(
            black_blocks(PixelFormat::find(0x20).unwrap()),
            [vec![0xff, 0, 0, 0]]
        );
        assert_eq!(
            black_blocks(PixelFormat::find(0x18).unwrap()),
            [vec![0, 0, 0]]
        );
        assert_eq!(blocks(b"RGBA"), [vec![0, 0, 0, 0xff]]);
        assert_eq!(blocks(b"2vuy"), [vec![0x80, 0x10, 0x80, 0x10]]);
        assert_eq!(blocks(b"yuvs"), [vec![0x10, 0x80, 0x10, 0x80]]);
        assert_eq!(blocks(b"yuvf"), [vec![0x00, 0x80, 0x00, 0x80]]);
        assert_eq!(blocks(b"v308"), [vec![0x80, 0x10, 0x80]]);
        assert_eq!(blocks(b"v408"), [vec![0x80, 0x10, 0x80, 235]]);
        assert_eq!(blocks(b"y408"), [vec![0xff, 0x10, 0x80, 0x80]]);
        assert_eq!(blocks(b"r408"), [vec![0xff, 0, 0, 0]]);
        assert_eq!(blocks(b"y420"), [vec![0x10], vec![0x80], vec![0x80]]);
        assert_eq!(blocks(b"a2vy"), [vec![0x80, 0x10, 0x80, 0x10], vec![0xff]]);
        assert_eq!(blocks(b"v0a8"), [vec![0x10], vec![0x80, 0x80], vec![0xff]]);
        // 10 bits in the top of little-endian 16-bit words: 64 << 6, 512 << 6.
        assert_eq!(
            blocks(b"x420"),
            [vec![0x00, 0x10], vec![0x00, 0x80, 0x00, 0x80]]
        );
        assert_eq!(
            blocks(b"xf20"),
            [vec![0x00, 0x00], vec![0x00, 0x80, 0x00, 0x80]]
        );
        assert_eq!(
            blocks(b"y416"),
            [vec![0xff, 0xff, 0x00, 0x10, 0x00, 0x80, 0x00, 0x80]]
        );
        assert_eq!(
            blocks(b"sv22"),
            [vec![0x00, 0x10], vec![0x00, 0x80, 0x00, 0x80]]
        );
        // v210: Cb0 Y0 Cr0 | Y1 Cb1 Y2 | Cr1 Y3 Cb2 | Y4 Cr2 Y5, from bit 0.
        let w0 = 512u32 | 64 << 10 | 512 << 20;
        let w1 = 64u32 | 512 << 10 | 64 << 20;
        let v210: Vec<u8> = [w0, w1, w0, w1]
            .iter()
            .flat_map(|w| w.to_le_bytes())
            .collect();
        assert_eq!(blocks(b"v210"), [v210]);
        assert_eq!(
            blocks(b"v410"),
            [(512u32 << 2 | 64 << 12 | 512 << 22).to_le_bytes().to_vec()]
        );
        // Big-endian formats.
        assert_eq!(blocks(b"b64a"), [vec![0xff, 0xff, 0, 0, 0, 0, 0, 0]]);
        assert_eq!(blocks(b"b32a"), [vec![0xff, 0xff, 0, 0]]);
        assert_eq!(blocks(b"B565"), [vec![0, 0]]);
        assert_eq!(
            blocks(b"r210"),
            [(64u32 << 20 | 64 << 10 | 64).to_be_bytes().to_vec()]
        );
        // Packed little-endian words.
        assert_eq!(blocks(b"5551"), [vec![0x01, 0x00]]);
        assert_eq!(blocks(b"l10r"), [vec![0, 0, 0, 0xc0]]);
        let xr = (384u32 << 20 | 384 << 10 | 384).to_le_bytes().to_vec();
        assert_eq!(blocks(b"w30r"), std::slice::from_ref(&xr));
        assert_eq!(blocks(b"b3a8"), [xr, vec![0xff]]);
        assert_eq!(
            blocks(b"w40a"),
            [vec![0x80, 0xdf, 0x00, 0x60, 0x00, 0x60, 0x00, 0x60]]
        );
        // Floats: 0.0 and alpha 1.0 (half 0x3c00, float 0x3f800000).
        assert_eq!(blocks(b"RGhA"), [vec![0, 0, 0, 0, 0, 0, 0x00, 0x3c]]);
        let mut rgfa = vec![0u8; 12];
        rgfa.extend_from_slice(&1.0f32.to_le_bytes());
        assert_eq!(blocks(b"RGfA"), [rgfa]);
        assert_eq!(blocks(b"r4fl")[0][..4], 1.0f32.to_le_bytes());
        assert_eq!(blocks(b"fdep"), [vec![0, 0, 0, 0]]);
        // Indices: all ones; sensels and generic components: zeros.
        for code in [0x01, 0x02, 0x04, 0x08, 0x21, 0x22, 0x24, 0x28] {
            assert_eq!(black_blocks(PixelFormat::find(code).unwrap()), [vec![0xff]]);
        }
        assert_eq!(blocks(b"btp2"), [vec![0; 12]]);
        assert_eq!(blocks(b"L008"), [vec![0]]);
        assert_eq!(blocks(b"2C16"), [vec![0; 4]]);
    }

    #[test]
    fn compressed_formats_have_no_planes() {
        assert!(blocks(b"&8v0").is_empty());
        assert_eq!(black_block(format(b"BGRA"), 1), None);
        assert_eq!(black_block(format(b"420v"), 1), Some(vec![0x80, 0x80]));
    }

    #[test]
    fn repeated_sub_byte_patterns() {
        assert_eq!(repeated(1, 1, 1), [0xff]);
        assert_eq!(repeated(0b10, 2, 1), [0b1010_1010]);
        assert_eq!(repeated(0xa, 4, 2), [0xaa, 0xaa]);
        assert_eq!(repeated(0xabc, 12, 3), [0xab, 0xca, 0xbc]);
    }

    #[test]
    fn half_floats() {
        for (v, bits) in [
            (0.0f32, 0x0000u16),
            (-0.0, 0x8000),
            (1.0, 0x3c00),
            (0.5, 0x3800),
            (-2.0, 0xc000),
            (65504.0, 0x7bff),
            (65520.0, 0x7c00),
            (f32::INFINITY, 0x7c00),
            (2f32.powi(-24), 0x0001),
            (2f32.powi(-26), 0x0000),
            (1.0 + 2f32.powi(-11), 0x3c00),
            (1.0 + 3.0 * 2f32.powi(-11), 0x3c02),
        ] {
            assert_eq!(f16_bits(v), bits, "{v}");
        }
        assert!(f16_bits(f32::NAN) & 0x7c00 == 0x7c00 && f16_bits(f32::NAN) & 0x3ff != 0);
        for bits in [0x3c00u16, 0x3555, 0x0001, 0x7bff, 0x0400] {
            assert_eq!(f16_bits(half_value(bits) as f32), bits);
        }
    }
}
