//! 8-bit R'G'B'(A) → 4:2:0 Y'CbCr (8-bit, or 10-bit in the high bits of
//! little-endian 16-bit words), in fixed point.
//!
//! Luma is one [`FixedAffine`] row per pixel ([`rgb_to_y_row`]). Chroma of
//! one 4:2:0 sample is the matrix applied to the *sum* of the R'G'B' of
//! the four pixels the plane driver picks ([`rgb_to_cbcr_row`]): two rows
//! `a`, `b` (the same row twice for a co-sited vertical position) and, per
//! sample `k`, columns `2k` and `2k + 1` ([`Pairing::Pair`]) or `2k` twice
//! ([`Pairing::CoSited`]), the last column replicated at an odd edge.
//! Because the matrix is linear this equals the mean of the four pixels'
//! chroma — what the general path's Average filter and its Decimate filter
//! at a half-way position compute — with one rounding at the end: the sum
//! is shifted by the set's fraction bits plus 2. `core::color::fixed`'s
//! bound (< 0.047 code for 8-bit input) holds for the mean as for one
//! pixel, so every output is within ±1 of the f64 model.

use crate::core::color::fixed::FixedAffine;

use super::swizzle::RgbLayout;

/// Which columns feed chroma sample `k`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pairing {
    /// Column `2k` only (co-sited decimation).
    CoSited,
    /// The mean of columns `2k` and `2k + 1` (averaging, or decimation at
    /// a centred position); the last column alone at an odd edge.
    Pair,
}

/// A [`FixedAffine`] R'G'B' → Y'CbCr set: rows Y', Cb, Cr; raw 8-bit
/// full-range inputs (black is 0, so no input bias).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RgbToYuv {
    pub coeffs: [[i32; 3]; 3],
    /// Offsets with the rounding bias folded in.
    pub add: [i32; 3],
    pub frac_bits: u32,
    /// Largest output code (255 or 1023).
    pub max: i32,
}

impl RgbToYuv {
    /// The set for `affine` (8-bit full-range R'G'B' → Y'CbCr codes up to
    /// `max`); `None` if an offset does not fit or `max` is not 8 or 10
    /// bits' worth.
    pub fn new(affine: &FixedAffine, max: u32) -> Option<RgbToYuv> {
        let max = i32::try_from(max)
            .ok()
            .filter(|m| [255, 1023].contains(m))?;
        let add = affine.folded_offset()?;
        // The chroma sum carries four pixels: its offset is 4·add.
        add.iter().try_for_each(|a| a.checked_mul(4).map(drop))?;
        Some(RgbToYuv {
            coeffs: affine.coefficients(),
            add,
            frac_bits: affine.frac_bits(),
            max,
        })
    }
}

/// How a code is stored: one byte, or a little-endian 16-bit word with
/// the 10-bit code in its high bits.
trait Store {
    const BYTES: usize;
    fn put(out: &mut [u8], code: i32);
}

struct Byte;
impl Store for Byte {
    const BYTES: usize = 1;
    #[inline(always)]
    fn put(out: &mut [u8], code: i32) {
        out[0] = code as u8;
    }
}

struct HighTen;
impl Store for HighTen {
    const BYTES: usize = 2;
    #[inline(always)]
    fn put(out: &mut [u8], code: i32) {
        out[..2].copy_from_slice(&((code as u16) << 6).to_le_bytes());
    }
}

#[inline(always)]
fn rgb(p: &[u8], from: &RgbLayout) -> [i32; 3] {
    from.rgb.map(|i| i32::from(p[i]))
}

/// Luma of one row: `src` pixels in layout `from`, one 8-bit code each.
pub fn rgb_to_y_row(m: &RgbToYuv, src: &[u8], from: &RgbLayout, out: &mut [u8]) {
    y_row::<Byte>(m, src, from, out);
}

/// [`rgb_to_y_row`] writing 10-bit codes as `code << 6` little-endian words.
pub fn rgb_to_y_row_10(m: &RgbToYuv, src: &[u8], from: &RgbLayout, out: &mut [u8]) {
    y_row::<HighTen>(m, src, from, out);
}

fn y_row<S: Store>(m: &RgbToYuv, src: &[u8], from: &RgbLayout, out: &mut [u8]) {
    let [c0, c1, c2] = m.coeffs[0];
    let add = m.add[0];
    for (p, o) in src
        .chunks_exact(from.bytes)
        .zip(out.chunks_exact_mut(S::BYTES))
    {
        let [r, g, b] = rgb(p, from);
        let v = (c0 * r + c1 * g + c2 * b + add) >> m.frac_bits;
        S::put(o, v.clamp(0, m.max));
    }
}

/// Interleaved Cb/Cr of one chroma row from image rows `a` and `b` (see
/// the module docs); `out` holds `out.len() / 2` 8-bit pairs.
pub fn rgb_to_cbcr_row(
    m: &RgbToYuv,
    a: &[u8],
    b: &[u8],
    from: &RgbLayout,
    pairing: Pairing,
    out: &mut [u8],
) {
    cbcr_row::<Byte>(m, a, b, from, pairing, out);
}

/// [`rgb_to_cbcr_row`] writing 10-bit codes as `code << 6` little-endian
/// words.
pub fn rgb_to_cbcr_row_10(
    m: &RgbToYuv,
    a: &[u8],
    b: &[u8],
    from: &RgbLayout,
    pairing: Pairing,
    out: &mut [u8],
) {
    cbcr_row::<HighTen>(m, a, b, from, pairing, out);
}

fn cbcr_row<S: Store>(
    m: &RgbToYuv,
    a: &[u8],
    b: &[u8],
    from: &RgbLayout,
    pairing: Pairing,
    out: &mut [u8],
) {
    let n = from.bytes;
    let width = (a.len() / n).min(b.len() / n);
    let shift = m.frac_bits + 2;
    let [cb, cr] = [m.coeffs[1], m.coeffs[2]];
    let [add_cb, add_cr] = [4 * m.add[1], 4 * m.add[2]];
    for (k, o) in out.chunks_exact_mut(2 * S::BYTES).enumerate() {
        let x0 = 2 * k;
        if x0 >= width {
            break;
        }
        let x1 = match pairing {
            Pairing::Pair if x0 + 1 < width => x0 + 1,
            _ => x0,
        };
        let mut sum = [0i32; 3];
        for row in [a, b] {
            for x in [x0, x1] {
                let p = rgb(&row[x * n..], from);
                for c in 0..3 {
                    sum[c] += p[c];
                }
            }
        }
        let dot = |c: [i32; 3]| c[0] * sum[0] + c[1] * sum[1] + c[2] * sum[2];
        let (o0, o1) = o.split_at_mut(S::BYTES);
        S::put(o0, ((dot(cb) + add_cb) >> shift).clamp(0, m.max));
        S::put(o1, ((dot(cr) + add_cr) >> shift).clamp(0, m.max));
    }
}
