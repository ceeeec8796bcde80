//! 8-bit 4:2:0 Y'CbCr → 32-bit R'G'B'A, chroma interpolated to full
//! resolution in fixed point.
//!
//! The plane driver blends the two chroma rows nearest an image row with
//! quarter weights ([`blend_chroma_rows`]); the row kernel interpolates
//! horizontally (½ steps) and applies a [`YuvMatrix`]. Upsampled chroma is
//! therefore exact in eighths of a code, and the only rounding is the
//! matrix's (`core::color::fixed`'s bound).

use crate::core::color::fixed::FixedAffine;

use super::swizzle::RgbLayout;

/// Horizontal chroma is ½-step interpolated and vertical ¼-step, so the
/// upsampled chroma carries this many fraction bits.
pub const CHROMA_FRACTION_BITS: u32 = 3;
/// Fraction bits of the vertically blended chroma (¼ steps).
pub const VERTICAL_FRACTION_BITS: u32 = 2;

/// A [`FixedAffine`] Y'CbCr → R'G'B' set rescaled for chroma in eighths:
/// `out_i = clamp((y_i·Y' + cb_i·Cb₈ + cr_i·Cr₈ + add_i) >> shift)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YuvMatrix {
    /// Per output (R', G', B'): Y' coefficient (scaled by 8), Cb, Cr.
    pub coeffs: [[i32; 3]; 3],
    pub add: [i32; 3],
    pub shift: u32,
}

impl YuvMatrix {
    /// The set for `affine` (Y'CbCr codes → 8-bit R'G'B' codes); `None` if
    /// a rescaled value does not fit in i32.
    pub fn new(affine: &FixedAffine) -> Option<YuvMatrix> {
        let scale = 1i32 << CHROMA_FRACTION_BITS;
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
            shift: affine.frac_bits() + CHROMA_FRACTION_BITS,
        })
    }

    /// One pixel: Y' code and chroma in eighths of a code.
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

/// Vertical chroma blend of two interleaved Cb/Cr rows: `out = w0·a + w1·b`
/// (weights in quarters, so `out` is in quarters of a code).
pub fn blend_chroma_rows(a: &[u8], b: &[u8], w0: i32, w1: i32, out: &mut [i32]) {
    for ((o, &x), &y) in out.iter_mut().zip(a).zip(b) {
        *o = w0 * i32::from(x) + w1 * i32::from(y);
    }
}

/// One row of bi-planar 4:2:0 → R'G'B'A: `blended` is the row's Cb/Cr
/// pairs in quarters; horizontally even pixels take their pair, odd
/// pixels the mean of it and the next, the last pixels replicate the last
/// pair (the general path's taps for co-sited chroma).
pub fn ycbcr420_row(m: &YuvMatrix, luma: &[u8], blended: &[i32], out: &mut [u8], to: &RgbLayout) {
    let [tr, tg, tb] = to.rgb;
    let ta = to.alpha.unwrap_or_default();
    let put = |d: &mut [u8], y: u8, cb: i32, cr: i32| {
        let [r, g, b] = m.pixel(i32::from(y), cb, cr);
        d[tr] = r;
        d[tg] = g;
        d[tb] = b;
        d[ta] = u8::MAX;
    };
    let samples = blended.len() / 2;
    let pairs = samples.saturating_sub(1);
    // Interior: pixel pairs whose odd pixel interpolates towards the next
    // chroma sample.
    let interior = luma.chunks_exact(2).zip(out.chunks_exact_mut(8));
    for ((l, d), c) in interior.take(pairs).zip(blended.windows(4).step_by(2)) {
        let (cb, cr) = (c[0] * 2, c[1] * 2);
        let (d0, d1) = d.split_at_mut(4);
        put(d0, l[0], cb, cr);
        put(d1, l[1], c[0] + c[2], c[1] + c[3]);
    }
    // The last chroma sample: one or two pixels, both replicate it.
    if samples > 0 {
        let (cb, cr) = (blended[2 * pairs] * 2, blended[2 * pairs + 1] * 2);
        let start = 2 * pairs;
        for (&l, d) in luma[start..]
            .iter()
            .zip(out[4 * start..].chunks_exact_mut(4))
        {
            put(d, l, cb, cr);
        }
    }
}
