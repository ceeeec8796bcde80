//! 4:2:0 and 4:2:2 Y'CbCr (8- or 10-bit) → 32-bit 8-bit R'G'B'A, chroma
//! interpolated to full resolution in fixed point.
//!
//! The plane driver brings each image row's chroma to quarters of a code:
//! for 4:2:0 it blends the two nearest chroma rows with quarter weights
//! ([`blend_chroma_rows`], [`blend_planar_chroma_rows`],
//! [`blend_chroma_rows_10`]); 4:2:2 rows are their own chroma row times 4
//! (`packed422`). The row kernel then interpolates horizontally — ½ steps
//! for co-sited chroma ([`ycbcr420_row`]), ¼/¾ steps for centred chroma
//! ([`ycbcr420_row_centred`]) — and applies a [`YuvMatrix`]. Upsampled
//! chroma is therefore exact in eighths (co-sited) or sixteenths (centred)
//! of a code, and the only rounding is the matrix's, within
//! `core::color::fixed`'s bound (0.047 code for 8-bit input, 0.19 for
//! 10-bit): within ±1 of the f64 model, exact except near half-codes.
//!
//! The interpolation is the general path's (`convert::chroma::upsample`):
//! linear between the two nearest chroma samples, edges replicated.

use crate::core::color::fixed::FixedAffine;

use super::swizzle::RgbLayout;

/// Fraction bits of upsampled co-sited chroma: ¼ vertical × ½ horizontal.
pub const CHROMA_FRACTION_BITS: u32 = 3;
/// Fraction bits of upsampled centred chroma: ¼ vertical × ¼ horizontal.
pub const CENTRED_CHROMA_FRACTION_BITS: u32 = 4;
/// Fraction bits of the vertically blended chroma (¼ steps).
pub const VERTICAL_FRACTION_BITS: u32 = 2;

/// A [`FixedAffine`] Y'CbCr → R'G'B' set rescaled for chroma carrying
/// `chroma_bits` fraction bits:
/// `out_i = clamp((y_i·Y' + cb_i·Cb + cr_i·Cr + add_i) >> shift, 0, 255)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YuvMatrix {
    /// Per output (R', G', B'): Y' coefficient (scaled like the chroma),
    /// Cb, Cr.
    pub coeffs: [[i32; 3]; 3],
    pub add: [i32; 3],
    pub shift: u32,
}

impl YuvMatrix {
    /// The set for co-sited chroma ([`CHROMA_FRACTION_BITS`]).
    pub fn new(affine: &FixedAffine) -> Option<YuvMatrix> {
        YuvMatrix::with_chroma_bits(affine, CHROMA_FRACTION_BITS)
    }

    /// The set for `affine` (Y'CbCr codes → 8-bit R'G'B' codes) and chroma
    /// with `chroma_bits` fraction bits; `None` if a rescaled value does
    /// not fit in i32.
    pub fn with_chroma_bits(affine: &FixedAffine, chroma_bits: u32) -> Option<YuvMatrix> {
        let scale = 1i32.checked_shl(chroma_bits)?;
        let c = affine.coefficients();
        let folded = affine.folded_offset()?;
        let mut coeffs = [[0; 3]; 3];
        let mut add = [0; 3];
        for i in 0..3 {
            coeffs[i] = [c[i][0].checked_mul(scale)?, c[i][1], c[i][2]];
            add[i] = folded[i].checked_mul(scale)?;
        }
        Some(YuvMatrix {
            coeffs,
            add,
            shift: affine.frac_bits() + chroma_bits,
        })
    }

    /// One pixel: Y' code and chroma in the set's fraction bits.
    #[inline(always)]
    pub fn pixel(&self, y: i32, cb: i32, cr: i32) -> [u8; 3] {
        let m = &self.coeffs;
        let one = |i: usize| {
            let acc = m[i][0] * y + m[i][1] * cb + m[i][2] * cr + self.add[i];
            (acc >> self.shift).clamp(0, i32::from(u8::MAX)) as u8
        };
        [one(0), one(1), one(2)]
    }
}

/// Vertical chroma blend of two interleaved 8-bit Cb/Cr rows:
/// `out = w0·a + w1·b` (weights in quarters, so `out` is in quarters of a
/// code).
pub fn blend_chroma_rows(a: &[u8], b: &[u8], w0: i32, w1: i32, out: &mut [i32]) {
    for ((o, &x), &y) in out.iter_mut().zip(a).zip(b) {
        *o = w0 * i32::from(x) + w1 * i32::from(y);
    }
}

/// [`blend_chroma_rows`] for separate 8-bit Cb and Cr rows (tri-planar
/// formats); `out` is interleaved Cb, Cr.
pub fn blend_planar_chroma_rows(cb: [&[u8]; 2], cr: [&[u8]; 2], w0: i32, w1: i32, out: &mut [i32]) {
    let pairs = out.chunks_exact_mut(2).zip(cb[0].iter().zip(cb[1]));
    for ((o, (&b0, &b1)), (&r0, &r1)) in pairs.zip(cr[0].iter().zip(cr[1])) {
        o[0] = w0 * i32::from(b0) + w1 * i32::from(b1);
        o[1] = w0 * i32::from(r0) + w1 * i32::from(r1);
    }
}

/// [`blend_chroma_rows`] for interleaved 10-bit Cb/Cr rows stored in the
/// high bits of little-endian 16-bit words (`'x420'`; the low 6 bits are
/// padding and ignored).
pub fn blend_chroma_rows_10(a: &[u8], b: &[u8], w0: i32, w1: i32, out: &mut [i32]) {
    for ((o, x), y) in out.iter_mut().zip(a.chunks_exact(2)).zip(b.chunks_exact(2)) {
        *o = w0 * word10(x) + w1 * word10(y);
    }
}

/// 10-bit luma codes from little-endian 16-bit words holding them in their
/// high bits.
pub fn unpack_luma_10(words: &[u8], out: &mut [u16]) {
    for (o, w) in out.iter_mut().zip(words.chunks_exact(2)) {
        *o = u16::from_le_bytes([w[0], w[1]]) >> 6;
    }
}

#[inline(always)]
fn word10(w: &[u8]) -> i32 {
    i32::from(u16::from_le_bytes([w[0], w[1]]) >> 6)
}

/// One row → R'G'B'A with co-sited chroma: `chroma` is the row's Cb/Cr
/// pairs in quarters; horizontally even pixels take their pair, odd
/// pixels the mean of it and the next, the last pixels replicate the last
/// pair. `m` is a [`YuvMatrix::new`] set.
pub fn ycbcr420_row(m: &YuvMatrix, luma: &[u8], chroma: &[i32], out: &mut [u8], to: &RgbLayout) {
    cosited_row(m, luma, chroma, out, to);
}

/// [`ycbcr420_row`] for 10-bit luma codes.
pub fn ycbcr420_row_10(
    m: &YuvMatrix,
    luma: &[u16],
    chroma: &[i32],
    out: &mut [u8],
    to: &RgbLayout,
) {
    cosited_row(m, luma, chroma, out, to);
}

/// One row → R'G'B'A with centred chroma (sample `k` between pixels `2k`
/// and `2k + 1`): pixel 0 takes sample 0, pixels `2k + 1` and `2k + 2`
/// take ¾·`k` + ¼·`k + 1` and ¼·`k` + ¾·`k + 1`, the last odd pixel
/// replicates the last sample. `chroma` in quarters; `m` is a
/// [`YuvMatrix::with_chroma_bits`] set for [`CENTRED_CHROMA_FRACTION_BITS`].
pub fn ycbcr420_row_centred(
    m: &YuvMatrix,
    luma: &[u8],
    chroma: &[i32],
    out: &mut [u8],
    to: &RgbLayout,
) {
    centred_row(m, luma, chroma, out, to);
}

/// [`ycbcr420_row_centred`] for 10-bit luma codes.
pub fn ycbcr420_row_centred_10(
    m: &YuvMatrix,
    luma: &[u16],
    chroma: &[i32],
    out: &mut [u8],
    to: &RgbLayout,
) {
    centred_row(m, luma, chroma, out, to);
}

#[inline(always)]
fn put<L: Copy + Into<i32>>(m: &YuvMatrix, to: &RgbLayout, d: &mut [u8], y: L, cb: i32, cr: i32) {
    let [r, g, b] = m.pixel(y.into(), cb, cr);
    d[to.rgb[0]] = r;
    d[to.rgb[1]] = g;
    d[to.rgb[2]] = b;
    d[to.alpha.unwrap_or_default()] = u8::MAX;
}

fn cosited_row<L: Copy + Into<i32>>(
    m: &YuvMatrix,
    luma: &[L],
    chroma: &[i32],
    out: &mut [u8],
    to: &RgbLayout,
) {
    let samples = chroma.len() / 2;
    let pairs = samples.saturating_sub(1);
    // Interior: pixel pairs whose odd pixel interpolates towards the next
    // chroma sample.
    let interior = luma.chunks_exact(2).zip(out.chunks_exact_mut(8));
    for ((l, d), c) in interior.take(pairs).zip(chroma.windows(4).step_by(2)) {
        let (d0, d1) = d.split_at_mut(4);
        put(m, to, d0, l[0], c[0] * 2, c[1] * 2);
        put(m, to, d1, l[1], c[0] + c[2], c[1] + c[3]);
    }
    // The last chroma sample: one or two pixels, both replicate it.
    if samples > 0 {
        let (cb, cr) = (chroma[2 * pairs] * 2, chroma[2 * pairs + 1] * 2);
        let start = 2 * pairs;
        for (&l, d) in luma[start..]
            .iter()
            .zip(out[4 * start..].chunks_exact_mut(4))
        {
            put(m, to, d, l, cb, cr);
        }
    }
}

fn centred_row<L: Copy + Into<i32>>(
    m: &YuvMatrix,
    luma: &[L],
    chroma: &[i32],
    out: &mut [u8],
    to: &RgbLayout,
) {
    let samples = chroma.len() / 2;
    let width = luma.len().min(out.len() / 4);
    if samples == 0 || width == 0 {
        return;
    }
    put(m, to, &mut out[..4], luma[0], chroma[0] * 4, chroma[1] * 4);
    // Pixels 2k+1 and 2k+2 lie between samples k and k+1.
    let between = luma[1..width]
        .chunks_exact(2)
        .zip(out[4..].chunks_exact_mut(8));
    let pairs = samples - 1;
    for ((l, d), c) in between.take(pairs).zip(chroma.windows(4).step_by(2)) {
        let (d0, d1) = d.split_at_mut(4);
        put(m, to, d0, l[0], 3 * c[0] + c[2], 3 * c[1] + c[3]);
        put(m, to, d1, l[1], c[0] + 3 * c[2], c[1] + 3 * c[3]);
    }
    // Pixels past the last sample's position replicate it (at most one
    // for a well-formed row: 2·samples − 1).
    let (cb, cr) = (chroma[2 * pairs] * 4, chroma[2 * pairs + 1] * 4);
    let start = (1 + 2 * pairs).min(width);
    for (&l, d) in luma[start..width]
        .iter()
        .zip(out[4 * start..].chunks_exact_mut(4))
    {
        put(m, to, d, l, cb, cr);
    }
}
