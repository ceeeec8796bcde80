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

/// See `RgbLumaBlock`: 16 pixels of 32-bit R'G'B'A → 16 8-bit luma codes.
/// Per pixel `pmaddwd` pairs (byte 0, byte 1)·(k0, k1) + (byte 2, byte 3)·
/// (k2, k3), then the scalar kernel's add, shift and clamp.
///
/// # Safety
/// The CPU supports AVX2; per block, `src` has 64 readable bytes and `out`
/// 16 writable bytes.
#[target_feature(enable = "avx2")]
pub(super) unsafe fn rgb_luma(
    src: *const u8,
    out: *mut u8,
    blocks: usize,
    k: &super::super::RgbCoeffs,
) {
    let ky = _mm256_set1_epi64x(k.luma_weights());
    let add = _mm256_set1_epi32(k.add[0]);
    let shift = _mm_cvtsi32_si128(k.shift as i32);
    // Byte order after the in-lane packs (see below) back to pixel order.
    let order = _mm_setr_epi8(0, 1, 8, 9, 2, 3, 10, 11, 4, 5, 12, 13, 6, 7, 14, 15);
    for j in 0..blocks {
        // SAFETY: 64 readable bytes at src + 64j (contract).
        let quads = unsafe {
            let at = src.add(64 * j);
            [0, 16, 32, 48].map(|o| _mm256_cvtepu8_epi16(_mm_loadu_si128(at.add(o).cast())))
        };
        let dots = quads.map(|q| _mm256_madd_epi16(q, ky));
        // Lanes: [p0 p1 p4 p5 | p2 p3 p6 p7], then the same for 8-15.
        let luma = |a, b| {
            let sum = _mm256_add_epi32(_mm256_hadd_epi32(a, b), add);
            _mm256_sra_epi32(sum, shift)
        };
        let words = _mm256_packs_epi32(luma(dots[0], dots[1]), luma(dots[2], dots[3]));
        let bytes = _mm256_packus_epi16(words, words);
        // Low lane bytes 0-7: p0 p1 p4 p5 p8 p9 p12 p13; high: the rest.
        let halves = _mm256_castsi256_si128(_mm256_permute4x64_epi64::<0b1000>(bytes));
        // SAFETY: 16 writable bytes at out + 16j (contract).
        unsafe { _mm_storeu_si128(out.add(16 * j).cast(), _mm_shuffle_epi8(halves, order)) };
    }
}

/// See `RgbChromaBlock`: 8 pixels of two 32-bit rows → 4 Cb/Cr byte pairs.
/// `PAIR`: sample `k` sums columns `2k` and `2k + 1` of both rows; else
/// column `2k` of both rows, twice (the scalar kernel's co-sited sum).
///
/// # Safety
/// The CPU supports AVX2; per block, `a` and `b` have 32 readable bytes and
/// `out` 8 writable bytes.
#[target_feature(enable = "avx2")]
pub(super) unsafe fn rgb_chroma<const PAIR: bool>(
    a: *const u8,
    b: *const u8,
    out: *mut u8,
    blocks: usize,
    k: &super::super::RgbCoeffs,
) {
    let [kcb, kcr] = k.chroma_weights().map(|w| _mm256_set1_epi64x(w));
    let (add_cb, add_cr) = (k.add[1], k.add[2]);
    let add = _mm256_setr_epi32(
        add_cb, add_cb, add_cr, add_cr, add_cb, add_cb, add_cr, add_cr,
    );
    // The chroma sum carries four pixels: two more fraction bits.
    let shift = _mm_cvtsi32_si128(k.shift as i32 + 2);
    // hadd output [cb0 cb2 cr0 cr2 | cb1 cb3 cr1 cr3] → cb0 cr0 cb1 cr1 …
    let order = _mm256_setr_epi32(0, 2, 4, 6, 1, 3, 5, 7);
    let low_dwords = _mm256_setr_epi32(0, 4, 0, 0, 0, 0, 0, 0);
    for j in 0..blocks {
        // SAFETY: 32 readable bytes at a + 32j and b + 32j (contract).
        let (va, vb) = unsafe {
            let row = |p: *const u8| {
                let v = _mm256_loadu_si256(p.add(32 * j).cast());
                (
                    _mm256_cvtepu8_epi16(_mm256_castsi256_si128(v)),
                    _mm256_cvtepu8_epi16(_mm256_extracti128_si256::<1>(v)),
                )
            };
            let ((a0, a1), (b0, b1)) = (row(a), row(b));
            // Pixels 0-3 and 4-7, rows summed: lanes [p0 p1 | p2 p3], [p4 p5 | p6 p7].
            (_mm256_add_epi16(a0, b0), _mm256_add_epi16(a1, b1))
        };
        let even = _mm256_unpacklo_epi64(va, vb); // [p0 p4 | p2 p6]
        let sums = if PAIR {
            _mm256_add_epi16(even, _mm256_unpackhi_epi64(va, vb))
        } else {
            _mm256_add_epi16(even, even)
        };
        // Lanes hold samples [0 2 | 1 3].
        let cb = _mm256_madd_epi16(sums, kcb);
        let cr = _mm256_madd_epi16(sums, kcr);
        let dot = _mm256_add_epi32(_mm256_hadd_epi32(cb, cr), add);
        let v = _mm256_permutevar8x32_epi32(_mm256_sra_epi32(dot, shift), order);
        let words = _mm256_packs_epi32(v, v);
        let bytes = _mm256_packus_epi16(words, words);
        let packed = _mm256_permutevar8x32_epi32(bytes, low_dwords);
        // SAFETY: 8 writable bytes at out + 8j (contract).
        unsafe { _mm_storel_epi64(out.add(8 * j).cast(), _mm256_castsi256_si128(packed)) };
    }
}
