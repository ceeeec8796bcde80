//! SSE4.1 blocks: 8 pixels of 4:2:0 → 32-bit, 4 pixels of swizzle.

use super::super::Yuv420Coeffs;
use core::arch::x86_64::*;

/// See `Yuv420Block` and the AVX2 version (same steps on one lane).
///
/// # Safety
/// The CPU supports SSE4.1; per block, `luma` has 8 readable bytes, each
/// chroma row 10 (two 8-byte loads at +0 and +2), `out` 32 writable bytes.
#[target_feature(enable = "sse4.1")]
pub(super) unsafe fn yuv420<const C0: usize, const C1: usize, const C2: usize, const C3: usize>(
    luma: *const u8,
    c0: *const u8,
    c1: *const u8,
    w: [i16; 2],
    out: *mut u8,
    blocks: usize,
    k: &Yuv420Coeffs,
) {
    let pair =
        |lo: i16, hi: i16| _mm_set1_epi32(((lo as u16 as u32) | ((hi as u16 as u32) << 16)) as i32);
    let cy = [0, 1, 2].map(|i| pair(k.y[i], 0));
    let cc = [0, 1, 2].map(|i| pair(k.cb[i], k.cr[i]));
    let add = k.add.map(|a| _mm_set1_epi32(a));
    let shift = _mm_cvtsi32_si128(k.shift as i32);
    let (w0, w1) = (_mm_set1_epi16(w[0]), _mm_set1_epi16(w[1]));
    let zero = _mm_setzero_si128();
    let alpha = _mm_set1_epi16(255);
    for j in 0..blocks {
        // SAFETY: every load is inside the bounds of the contract for block j.
        let (y8, q, qn) = unsafe {
            let y = _mm_loadl_epi64(luma.add(8 * j).cast());
            let blend = |at: usize| {
                let a = _mm_cvtepu8_epi16(_mm_loadl_epi64(c0.add(at).cast()));
                let b = _mm_cvtepu8_epi16(_mm_loadl_epi64(c1.add(at).cast()));
                _mm_add_epi16(_mm_mullo_epi16(a, w0), _mm_mullo_epi16(b, w1))
            };
            (
                _mm_slli_epi16::<3>(_mm_cvtepu8_epi16(y)),
                blend(8 * j),
                blend(8 * j + 2),
            )
        };
        let even = _mm_add_epi16(q, q);
        let odd = _mm_add_epi16(q, qn);
        let cc_lo = _mm_unpacklo_epi32(even, odd);
        let cc_hi = _mm_unpackhi_epi32(even, odd);
        let y_lo = _mm_unpacklo_epi16(y8, zero);
        let y_hi = _mm_unpackhi_epi16(y8, zero);
        let channel = |i: usize| {
            let half = |yv, c| {
                let acc = _mm_add_epi32(_mm_madd_epi16(yv, cy[i]), _mm_madd_epi16(c, cc[i]));
                _mm_sra_epi32(_mm_add_epi32(acc, add[i]), shift)
            };
            _mm_packs_epi32(half(y_lo, cc_lo), half(y_hi, cc_hi))
        };
        let ch = [channel(0), channel(1), channel(2), alpha];
        let p = _mm_packus_epi16(ch[C0], ch[C2]);
        let r = _mm_packus_epi16(ch[C1], ch[C3]);
        let b01 = _mm_unpacklo_epi8(p, r);
        let b23 = _mm_unpackhi_epi8(p, r);
        // SAFETY: 32 writable bytes at out + 32j (contract).
        unsafe {
            let o = out.add(32 * j);
            _mm_storeu_si128(o.cast(), _mm_unpacklo_epi16(b01, b23));
            _mm_storeu_si128(o.add(16).cast(), _mm_unpackhi_epi16(b01, b23));
        }
    }
}

/// See `Swizzle4Block`.
///
/// # Safety
/// The CPU supports SSE4.1 (SSSE3's `pshufb`); `src` and `dst` have 16
/// bytes per block.
#[target_feature(enable = "sse4.1")]
pub(super) unsafe fn swizzle4(src: *const u8, dst: *mut u8, blocks: usize, mask: [u8; 4]) {
    let m = super::shuffle_bytes(mask);
    // SAFETY: `m` is 16 readable bytes.
    let m = unsafe { _mm_loadu_si128(m.as_ptr().cast()) };
    for j in 0..blocks {
        // SAFETY: 16 bytes at 16j of both rows (contract).
        unsafe {
            let v = _mm_loadu_si128(src.add(16 * j).cast());
            _mm_storeu_si128(dst.add(16 * j).cast(), _mm_shuffle_epi8(v, m));
        }
    }
}
