//! AVX-512 (F + BW) blocks: 32 pixels of 4:2:0 → 32-bit, 16 pixels of
//! swizzle. Same lane discipline as the AVX2 version, on four lanes.

use super::super::Yuv420Coeffs;
use core::arch::x86_64::*;

/// See `Yuv420Block` and the AVX2 version.
///
/// # Safety
/// The CPU supports AVX-512 F and BW; per block, `luma` has 32 readable
/// bytes, each chroma row 34 (two 32-byte loads at +0 and +2), `out` 128
/// writable bytes.
#[target_feature(enable = "avx512f,avx512bw")]
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
        _mm512_set1_epi32(((lo as u16 as u32) | ((hi as u16 as u32) << 16)) as i32)
    };
    let cy = [0, 1, 2].map(|i| pair(k.y[i], 0));
    let cc = [0, 1, 2].map(|i| pair(k.cb[i], k.cr[i]));
    let add = k.add.map(|a| _mm512_set1_epi32(a));
    let shift = _mm_cvtsi32_si128(k.shift as i32);
    let (w0, w1) = (_mm512_set1_epi16(w[0]), _mm512_set1_epi16(w[1]));
    let zero = _mm512_setzero_si512();
    let alpha = _mm512_set1_epi16(255);
    // Lane order after the in-lane unpacks: a = pixels 0-3, 8-11, 16-19,
    // 24-27; b = 4-7, 12-15, 20-23, 28-31.
    let first = _mm512_setr_epi64(0, 1, 8, 9, 2, 3, 10, 11);
    let second = _mm512_setr_epi64(4, 5, 12, 13, 6, 7, 14, 15);
    for j in 0..blocks {
        // SAFETY: every load is inside the bounds of the contract for block j.
        let (y8, q, qn) = unsafe {
            let y = _mm256_loadu_si256(luma.add(32 * j).cast());
            let blend = |at: usize| {
                let a = _mm512_cvtepu8_epi16(_mm256_loadu_si256(c0.add(at).cast()));
                let b = _mm512_cvtepu8_epi16(_mm256_loadu_si256(c1.add(at).cast()));
                _mm512_add_epi16(_mm512_mullo_epi16(a, w0), _mm512_mullo_epi16(b, w1))
            };
            (
                _mm512_slli_epi16::<3>(_mm512_cvtepu8_epi16(y)),
                blend(32 * j),
                blend(32 * j + 2),
            )
        };
        let even = _mm512_add_epi16(q, q);
        let odd = _mm512_add_epi16(q, qn);
        let cc_lo = _mm512_unpacklo_epi32(even, odd);
        let cc_hi = _mm512_unpackhi_epi32(even, odd);
        let y_lo = _mm512_unpacklo_epi16(y8, zero);
        let y_hi = _mm512_unpackhi_epi16(y8, zero);
        let channel = |i: usize| {
            let half = |yv, c| {
                let acc =
                    _mm512_add_epi32(_mm512_madd_epi16(yv, cy[i]), _mm512_madd_epi16(c, cc[i]));
                _mm512_sra_epi32(_mm512_add_epi32(acc, add[i]), shift)
            };
            _mm512_packs_epi32(half(y_lo, cc_lo), half(y_hi, cc_hi))
        };
        let ch = [channel(0), channel(1), channel(2), alpha];
        let p = _mm512_packus_epi16(ch[C0], ch[C2]);
        let r = _mm512_packus_epi16(ch[C1], ch[C3]);
        let b01 = _mm512_unpacklo_epi8(p, r);
        let b23 = _mm512_unpackhi_epi8(p, r);
        let px_a = _mm512_unpacklo_epi16(b01, b23);
        let px_b = _mm512_unpackhi_epi16(b01, b23);
        // SAFETY: 128 writable bytes at out + 128j (contract).
        unsafe {
            let o = out.add(128 * j);
            _mm512_storeu_si512(o.cast(), _mm512_permutex2var_epi64(px_a, first, px_b));
            _mm512_storeu_si512(
                o.add(64).cast(),
                _mm512_permutex2var_epi64(px_a, second, px_b),
            );
        }
    }
}

/// See `Swizzle4Block`.
///
/// # Safety
/// The CPU supports AVX-512 F and BW; `src` and `dst` have 64 bytes per
/// block.
#[target_feature(enable = "avx512f,avx512bw")]
pub(super) unsafe fn swizzle4(src: *const u8, dst: *mut u8, blocks: usize, mask: [u8; 4]) {
    let m = super::shuffle_bytes(mask);
    // SAFETY: `m` is 16 readable bytes.
    let m = unsafe { _mm_loadu_si128(m.as_ptr().cast()) };
    let m = _mm512_broadcast_i32x4(m);
    for j in 0..blocks {
        // SAFETY: 64 bytes at 64j of both rows (contract).
        unsafe {
            let v = _mm512_loadu_si512(src.add(64 * j).cast());
            _mm512_storeu_si512(dst.add(64 * j).cast(), _mm512_shuffle_epi8(v, m));
        }
    }
}
