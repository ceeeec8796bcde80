//! aarch64 NEON blocks: 16 pixels of 4:2:0 → 32-bit and of swizzle. The
//! de-interleaving loads (`vld2`/`vld4`) and the interleaving store (`vst4`)
//! keep every vector in pixel order, so no lane shuffles are needed.

use super::{Yuv420Block, Yuv420Coeffs};
use core::arch::aarch64::*;

/// The block function for a layout of `super::RGBA_ORDERS`, 16 pixels.
pub(super) fn yuv420_block(order: usize) -> (Yuv420Block, usize) {
    let f = match order {
        0 => yuv420::<2, 1, 0, 3> as Yuv420Block,
        1 => yuv420::<0, 1, 2, 3> as Yuv420Block,
        2 => yuv420::<3, 0, 1, 2> as Yuv420Block,
        _ => yuv420::<3, 2, 1, 0> as Yuv420Block,
    };
    (f, 16)
}

/// See `Yuv420Block`: the scalar kernel's arithmetic with `vmlal_n_s16`.
///
/// # Safety
/// The CPU supports NEON; per block, `luma` has 16 readable bytes, each
/// chroma row 18 (two 16-byte loads at +0 and +2), `out` 64 writable bytes.
#[target_feature(enable = "neon")]
pub(super) unsafe fn yuv420<const C0: usize, const C1: usize, const C2: usize, const C3: usize>(
    luma: *const u8,
    c0: *const u8,
    c1: *const u8,
    w: [i16; 2],
    out: *mut u8,
    blocks: usize,
    k: &Yuv420Coeffs,
) {
    let (w0, w1) = (vdup_n_u8(w[0] as u8), vdup_n_u8(w[1] as u8));
    let shift = vdupq_n_s32(-(k.shift as i32));
    let alpha = vdupq_n_u8(255);
    for j in 0..blocks {
        // SAFETY: every load is inside the bounds of the contract for block j.
        let (y, (qb, qr), (nb, nr)) = unsafe {
            let blend = |at: usize| {
                let a = vld2_u8(c0.add(at));
                let b = vld2_u8(c1.add(at));
                (
                    vmlal_u8(vmull_u8(a.0, w0), b.0, w1),
                    vmlal_u8(vmull_u8(a.1, w0), b.1, w1),
                )
            };
            (vld1q_u8(luma.add(16 * j)), blend(16 * j), blend(16 * j + 2))
        };
        let y8 = [
            vreinterpretq_s16_u16(vshlq_n_u16::<3>(vmovl_u8(vget_low_u8(y)))),
            vreinterpretq_s16_u16(vshlq_n_u16::<3>(vmovl_high_u8(y))),
        ];
        // Chroma in eighths, in pixel order: even 2q, odd q + next q.
        let cb = vzipq_u16(vaddq_u16(qb, qb), vaddq_u16(qb, nb));
        let cr = vzipq_u16(vaddq_u16(qr, qr), vaddq_u16(qr, nr));
        let cb = [vreinterpretq_s16_u16(cb.0), vreinterpretq_s16_u16(cb.1)];
        let cr = [vreinterpretq_s16_u16(cr.0), vreinterpretq_s16_u16(cr.1)];
        let channel = |i: usize| {
            let add = vdupq_n_s32(k.add[i]);
            let half = |h: usize| {
                let quad = |yv: int16x4_t, b: int16x4_t, r: int16x4_t| {
                    let acc = vmull_n_s16(yv, k.y[i]);
                    let acc = vmlal_n_s16(acc, b, k.cb[i]);
                    let acc = vmlal_n_s16(acc, r, k.cr[i]);
                    vqmovn_s32(vshlq_s32(vaddq_s32(acc, add), shift))
                };
                let lo = quad(
                    vget_low_s16(y8[h]),
                    vget_low_s16(cb[h]),
                    vget_low_s16(cr[h]),
                );
                let hi = quad(
                    vget_high_s16(y8[h]),
                    vget_high_s16(cb[h]),
                    vget_high_s16(cr[h]),
                );
                vqmovun_s16(vcombine_s16(lo, hi))
            };
            vcombine_u8(half(0), half(1))
        };
        let ch = [channel(0), channel(1), channel(2), alpha];
        // SAFETY: 64 writable bytes at out + 64j (contract).
        unsafe {
            vst4q_u8(
                out.add(64 * j),
                uint8x16x4_t(ch[C0], ch[C1], ch[C2], ch[C3]),
            )
        };
    }
}

/// See `Swizzle4Block`, 16 pixels per block.
///
/// # Safety
/// The CPU supports NEON; `src` and `dst` have 64 bytes per block.
#[target_feature(enable = "neon")]
pub(super) unsafe fn swizzle4(src: *const u8, dst: *mut u8, blocks: usize, mask: [u8; 4]) {
    let m = mask.map(usize::from);
    for j in 0..blocks {
        // SAFETY: 64 bytes at 64j of both rows (contract).
        unsafe {
            let v = vld4q_u8(src.add(64 * j));
            let s = [v.0, v.1, v.2, v.3];
            vst4q_u8(
                dst.add(64 * j),
                uint8x16x4_t(s[m[0]], s[m[1]], s[m[2]], s[m[3]]),
            );
        }
    }
}
