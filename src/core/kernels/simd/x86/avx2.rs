//! AVX2 blocks: 16 pixels of 4:2:0 → 32-bit, 8 pixels of swizzle.
//!
//! 256-bit unpacks and packs work per 128-bit lane; the 4:2:0 block keeps
//! pixels 0–7 in the low lane and 8–15 in the high lane throughout, so only
//! the final stores need a cross-lane permute.

use super::super::Yuv420Coeffs;
use core::arch::x86_64::*;

/// See `Yuv420Block`. Arithmetic per pixel as the scalar kernel, with
/// `pmaddwd` pairs (8Y, 0)·(y, 0) and (Cb₈, Cr₈)·(cb, cr).
///
/// # Safety
/// The CPU supports AVX2; per block, `luma` has 16 readable bytes, each
/// chroma row 18 (two 16-byte loads at +0 and +2), `out` 64 writable bytes.
#[target_feature(enable = "avx2")]
pub(super) unsafe fn yuv420<const C0: usize, const C1: usize, const C2: usize, const C3: usize>(
    luma: *const u8,
    c0: *const u8,
    c1: *const u8,
    w: [i16; 2],
    out: *mut u8,
    blocks: usize,
    k: &Yuv420Coeffs,
) {
    let pair = |lo: i16, hi: i16| {
        _mm256_set1_epi32(((lo as u16 as u32) | ((hi as u16 as u32) << 16)) as i32)
    };
    let cy = [0, 1, 2].map(|i| pair(k.y[i], 0));
    let cc = [0, 1, 2].map(|i| pair(k.cb[i], k.cr[i]));
    let add = k.add.map(|a| _mm256_set1_epi32(a));
    let shift = _mm_cvtsi32_si128(k.shift as i32);
    let (w0, w1) = (_mm256_set1_epi16(w[0]), _mm256_set1_epi16(w[1]));
    let zero = _mm256_setzero_si256();
    let alpha = _mm256_set1_epi16(255);
    for j in 0..blocks {
        // SAFETY: every load is inside the bounds of this function's
        // contract for block j.
        let (y8, q, qn) = unsafe {
            let y = _mm_loadu_si128(luma.add(16 * j).cast());
            let blend = |at: usize| {
                let a = _mm256_cvtepu8_epi16(_mm_loadu_si128(c0.add(at).cast()));
                let b = _mm256_cvtepu8_epi16(_mm_loadu_si128(c1.add(at).cast()));
                _mm256_add_epi16(_mm256_mullo_epi16(a, w0), _mm256_mullo_epi16(b, w1))
            };
            (
                _mm256_slli_epi16::<3>(_mm256_cvtepu8_epi16(y)),
                blend(16 * j),
                blend(16 * j + 2),
            )
        };
        // Chroma in eighths: even pixels 2q, odd pixels q + next q.
        let even = _mm256_add_epi16(q, q);
        let odd = _mm256_add_epi16(q, qn);
        let cc_lo = _mm256_unpacklo_epi32(even, odd);
        let cc_hi = _mm256_unpackhi_epi32(even, odd);
        let y_lo = _mm256_unpacklo_epi16(y8, zero);
        let y_hi = _mm256_unpackhi_epi16(y8, zero);
        let channel = |i: usize| {
            let half = |yv, c| {
                let acc =
                    _mm256_add_epi32(_mm256_madd_epi16(yv, cy[i]), _mm256_madd_epi16(c, cc[i]));
                _mm256_sra_epi32(_mm256_add_epi32(acc, add[i]), shift)
            };
            _mm256_packs_epi32(half(y_lo, cc_lo), half(y_hi, cc_hi))
        };
        let ch = [channel(0), channel(1), channel(2), alpha];
        let p = _mm256_packus_epi16(ch[C0], ch[C2]);
        let r = _mm256_packus_epi16(ch[C1], ch[C3]);
        let b01 = _mm256_unpacklo_epi8(p, r);
        let b23 = _mm256_unpackhi_epi8(p, r);
        let px_a = _mm256_unpacklo_epi16(b01, b23);
        let px_b = _mm256_unpackhi_epi16(b01, b23);
        // SAFETY: 64 writable bytes at out + 64j (contract).
        unsafe {
            let o = out.add(64 * j);
            _mm256_storeu_si256(o.cast(), _mm256_permute2x128_si256::<0x20>(px_a, px_b));
            _mm256_storeu_si256(
                o.add(32).cast(),
                _mm256_permute2x128_si256::<0x31>(px_a, px_b),
            );
        }
    }
}

/// See `Swizzle4Block`.
///
/// # Safety
/// The CPU supports AVX2; `src` and `dst` have 32 bytes per block.
#[target_feature(enable = "avx2")]
pub(super) unsafe fn swizzle4(src: *const u8, dst: *mut u8, blocks: usize, mask: [u8; 4]) {
    let m = super::shuffle_bytes(mask);
    // SAFETY: `m` is 16 readable bytes.
    let m = unsafe { _mm_loadu_si128(m.as_ptr().cast()) };
    let m = _mm256_broadcastsi128_si256(m);
    for j in 0..blocks {
        // SAFETY: 32 bytes at 32j of both rows (contract).
        unsafe {
            let v = _mm256_loadu_si256(src.add(32 * j).cast());
            _mm256_storeu_si256(dst.add(32 * j).cast(), _mm256_shuffle_epi8(v, m));
        }
    }
}
