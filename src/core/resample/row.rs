//! The scalar row kernels: one multiply-add loop each over contiguous
//! samples. A SIMD version must match these within f32 rounding (float) or
//! bit-exactly (u8).
//!
//! The f32 kernels compute `x₀ + Σ w·(x − x₀)` (`x₀` the window's first
//! sample, or the first row) rather than `Σ w·x`: equal when the weights
//! sum to 1, but a constant input then comes out *exactly* constant in
//! f32 — `Σ w·x` is off by an ulp, which flips codes that sit on a
//! rounding tie (10-bit video-range RGB → XR codes, for one).
//!
//! Preconditions (programming errors, they panic): inputs hold at least
//! `taps.input_len()` samples (times `channels` when interleaved); outputs
//! at most `taps.len()` samples; rows of a vertical blend are at least as
//! long as `out`.

use super::taps::{FIXED_BITS, FixedTaps, Taps};

/// Horizontal resample of one planar f32 row: `out[j] = Σ w · input[…]`.
pub fn resample_row(taps: &Taps, input: &[f32], out: &mut [f32]) {
    let count = taps.count();
    for (o, (first, weights)) in out.iter_mut().zip(taps.iter()) {
        let window = &input[first..first + count];
        *o = dot_from_base(window, weights);
    }
}

/// `x₀ + Σ w·(x − x₀)` over one window, with four partial sums so the
/// multiply-adds do not wait on each other (the order is fixed: lanes
/// `k mod 4`, then the tail, then the lanes summed 0+1, 2+3).
#[inline]
fn dot_from_base(window: &[f32], weights: &[f32]) -> f32 {
    let base = window[0];
    let mut lanes = [0.0f32; 4];
    let mut xs = window.chunks_exact(4);
    let mut ws = weights.chunks_exact(4);
    for (x, w) in (&mut xs).zip(&mut ws) {
        for k in 0..4 {
            lanes[k] += (x[k] - base) * w[k];
        }
    }
    let tail: f32 = xs
        .remainder()
        .iter()
        .zip(ws.remainder())
        .map(|(&x, &w)| (x - base) * w)
        .sum();
    base + ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3]) + tail)
}

/// Horizontal resample of an interleaved f32 row of `channels` channels
/// per pixel.
pub fn resample_interleaved(taps: &Taps, channels: usize, input: &[f32], out: &mut [f32]) {
    let count = taps.count();
    for (o, (first, weights)) in out.chunks_exact_mut(channels).zip(taps.iter()) {
        let window = &input[first * channels..(first + count) * channels];
        let base = &window[..channels];
        o.fill(0.0);
        for (pixel, &w) in window.chunks_exact(channels).zip(weights) {
            for ((acc, &x), &b) in o.iter_mut().zip(pixel).zip(base) {
                *acc += (x - b) * w;
            }
        }
        for (acc, &b) in o.iter_mut().zip(base) {
            *acc += b;
        }
    }
}

/// Horizontal resample of an interleaved u8 row (1‥=4 channels), rounded
/// to nearest and clamped.
pub fn resample_interleaved_u8(taps: &FixedTaps, channels: usize, input: &[u8], out: &mut [u8]) {
    let count = taps.count();
    let mut acc = [0i32; 4];
    for (o, (first, weights)) in out.chunks_exact_mut(channels).zip(taps.iter()) {
        let window = &input[first * channels..(first + count) * channels];
        acc.fill(0);
        for (pixel, &w) in window.chunks_exact(channels).zip(weights) {
            for (a, &x) in acc.iter_mut().zip(pixel) {
                *a += i32::from(x) * i32::from(w);
            }
        }
        for (o, &a) in o.iter_mut().zip(&acc) {
            *o = round_fixed(a);
        }
    }
}

/// Vertical resample: `out = Σ weights[k] · rows[k]` element-wise (the
/// weights of one output row and its input rows, `Taps::weights` with the
/// rows from `Taps::first`).
pub fn blend_rows(weights: &[f32], rows: &[&[f32]], out: &mut [f32]) {
    let Some(base) = rows.first() else {
        out.fill(0.0);
        return;
    };
    out.copy_from_slice(&base[..out.len()]);
    for (&w, row) in weights.iter().zip(rows) {
        accumulate_difference(w, row, base, out);
    }
}

/// `out += weight · (row − base)` element-wise: a vertical resample one
/// input row at a time, for callers whose rows live in a ring rather than
/// a slice. Start from `out = base` (any one of the rows, e.g. the first
/// with a non-zero weight) and add every row with a non-zero weight.
pub fn accumulate_difference(weight: f32, row: &[f32], base: &[f32], out: &mut [f32]) {
    if weight == 0.0 {
        return;
    }
    for ((o, &x), &b) in out.iter_mut().zip(row).zip(base) {
        *o += weight * (x - b);
    }
}

/// Vertical resample of u8 rows, rounded to nearest and clamped.
pub fn blend_rows_u8(weights: &[i16], rows: &[&[u8]], out: &mut [u8]) {
    for (x, o) in out.iter_mut().enumerate() {
        let acc: i32 = weights
            .iter()
            .zip(rows)
            .map(|(&w, row)| i32::from(w) * i32::from(row[x]))
            .sum();
        *o = round_fixed(acc);
    }
}

/// Fractional bits of the i16 intermediate rows of the two-pass u8
/// resample ([`resample_u8_to_i16`], [`blend_i16_to_u8`]): a sample `v`
/// is stored as `v · 2^6`, so Lanczos overshoot (|Σ w| < 1.3 of 255)
/// still fits an i16 and the horizontal pass loses only 1/128 of a code.
pub const INTERMEDIATE_BITS: u32 = 6;

/// Horizontal pass of the two-pass u8 resample: `C`-channel interleaved
/// u8 pixels to i16 samples scaled by 2^[`INTERMEDIATE_BITS`] (rounded to
/// nearest, not clamped to 0‥=255, so the vertical pass sees the
/// overshoot as the f32 path does). A constant row comes out exactly
/// `v · 2^6`: fixed taps sum to exactly 2^14. Whole pixels are `[u8; C]`
/// so the channel loop is unrolled and the tap loop has no bounds checks.
pub fn resample_u8_to_i16<const C: usize>(taps: &FixedTaps, input: &[u8], out: &mut [i16]) {
    let count = taps.count();
    let shift = FIXED_BITS - INTERMEDIATE_BITS;
    let half = 1i32 << (shift - 1);
    let (out, _) = out.as_chunks_mut::<C>();
    for (o, (first, weights)) in out.iter_mut().zip(taps.iter()) {
        let (window, _) = input[first * C..(first + count) * C].as_chunks::<C>();
        let mut acc = [half; C];
        for (px, &w) in window.iter().zip(weights) {
            let w = i32::from(w);
            for k in 0..C {
                acc[k] += i32::from(px[k]) * w;
            }
        }
        for k in 0..C {
            o[k] = (acc[k] >> shift).clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16;
        }
    }
}

/// Vertical pass of the two-pass u8 resample: `out = Σ weights[k] ·
/// rows[k]` over i16 rows from [`resample_u8_to_i16`], rounded to nearest
/// (halves up) and clamped to 0‥=255. `acc` is scratch of at least
/// `out.len()`; one row at a time keeps the inner loop a contiguous
/// widening multiply-add that LLVM vectorises.
pub fn blend_i16_to_u8(weights: &[i16], rows: &[&[i16]], acc: &mut [i32], out: &mut [u8]) {
    let shift = FIXED_BITS + INTERMEDIATE_BITS;
    let n = out.len();
    let acc = &mut acc[..n];
    acc.fill(1 << (shift - 1));
    for (&w, row) in weights.iter().zip(rows) {
        if w == 0 {
            continue;
        }
        let w = i32::from(w);
        for (a, &x) in acc.iter_mut().zip(&row[..n]) {
            *a += i32::from(x) * w;
        }
    }
    for (o, &a) in out.iter_mut().zip(acc.iter()) {
        *o = (a >> shift).clamp(0, 255) as u8;
    }
}

fn round_fixed(acc: i32) -> u8 {
    ((acc + (1 << (FIXED_BITS - 1))) >> FIXED_BITS).clamp(0, 255) as u8
}
