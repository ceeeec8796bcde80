//! SIMD row kernels: the only core module allowed `unsafe`.
//!
//! Each kernel here has a scalar twin elsewhere in the core that defines the
//! right answer; the vector versions reproduce it bit for bit (the tests in
//! `tests.rs` compare every level this CPU has against the scalar kernel).
//!
//! Structure:
//! - [`dispatch`]: the level (detected once, capped by `PIXELPORT_MAX_SIMD`
//!   or [`set_max_level`]).
//! - safe entry points ([`Yuv420ToRgba`], [`Swizzle4`]) chosen once per frame
//!   for a level; they check slice lengths, run the vector blocks over the
//!   multiple-of-N prefix of a row and hand the rest to [`scratch_tail`],
//!   the one tail strategy: the remainder is copied into padded scratch rows,
//!   converted as one full block and copied back.
//! - `x86/{sse41,avx2,avx512}.rs` and `neon.rs`: the `unsafe`
//!   `#[target_feature]` block functions. They only run after
//!   [`dispatch::cpu_supports`] said yes for their level, and only read and
//!   write inside the bounds their safe caller computed.

mod dispatch;
#[cfg(target_arch = "aarch64")]
mod neon;
mod rgb_to_yuv;
#[cfg(test)]
mod tests;
#[cfg(target_arch = "x86_64")]
mod x86;

pub use dispatch::{Level, active_level, cpu_supports, set_max_level, supported_levels};
pub use rgb_to_yuv::{RgbCoeffs, RgbToYuv420};

/// Largest scratch row any kernel's block needs, per input and output.
const SCRATCH: usize = 256;

/// The one tail strategy. Copies each input's tail into a zeroed scratch
/// row, padded by repeating its last `unit` bytes (so a kernel that looks
/// one sample ahead sees the edge sample replicated, which is what the
/// scalar kernels do at the right edge), runs `block` once on the scratch
/// rows, and copies the first `out.len()` bytes of the scratch output back.
/// Inputs and output must fit in [`SCRATCH`] bytes (callers guarantee it:
/// a tail is at most one block).
fn scratch_tail<const N: usize>(
    inputs: [(&[u8], usize); N],
    out: &mut [u8],
    block: impl FnOnce([&[u8; SCRATCH]; N], &mut [u8; SCRATCH]),
) {
    let mut rows = [[0u8; SCRATCH]; N];
    for (row, (data, unit)) in rows.iter_mut().zip(inputs) {
        let len = data.len().min(SCRATCH);
        row[..len].copy_from_slice(&data[..len]);
        if unit > 0 && len >= unit {
            let (filled, rest) = row.split_at_mut(len);
            let last = &filled[len - unit..];
            for (i, b) in rest.iter_mut().enumerate() {
                *b = last[i % unit];
            }
        }
    }
    let mut scratch_out = [0u8; SCRATCH];
    block(rows.each_ref(), &mut scratch_out);
    let len = out.len().min(SCRATCH);
    out[..len].copy_from_slice(&scratch_out[..len]);
}

/// Integer Y'CbCr → R'G'B' coefficients for the bi-planar 4:2:0 kernel, in
/// the scalar kernel's arithmetic: for luma `Y`, chroma `Cb₈`, `Cr₈` in
/// eighths of a code,
/// `out_i = clamp((y_i·8Y + cb_i·Cb₈ + cr_i·Cr₈ + add_i) >> shift, 0, 255)`.
/// Every coefficient fits in i16 (pairs for `pmaddwd` / `vmlal_s16`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Yuv420Coeffs {
    y: [i16; 3],
    cb: [i16; 3],
    cr: [i16; 3],
    add: [i32; 3],
    shift: u32,
}

impl Yuv420Coeffs {
    /// From the scalar kernel's set, whose luma coefficient is already
    /// multiplied by 8 (`coeffs[i] = [8·y_i, cb_i, cr_i]`). `None` if a
    /// coefficient does not fit in i16, a luma coefficient is not a multiple
    /// of 8, or the shift is outside 1..=31.
    pub fn new(coeffs: [[i32; 3]; 3], add: [i32; 3], shift: u32) -> Option<Yuv420Coeffs> {
        let small = |v: i32| i16::try_from(v).ok();
        let mut y = [0i16; 3];
        let mut cb = [0i16; 3];
        let mut cr = [0i16; 3];
        for i in 0..3 {
            if coeffs[i][0] % 8 != 0 {
                return None;
            }
            y[i] = small(coeffs[i][0] / 8)?;
            cb[i] = small(coeffs[i][1])?;
            cr[i] = small(coeffs[i][2])?;
        }
        (1..=31).contains(&shift).then_some(Yuv420Coeffs {
            y,
            cb,
            cr,
            add,
            shift,
        })
    }
}

/// A block function: `blocks` blocks of `N` pixels; reads `N` luma bytes
/// and `N + 2` bytes of each chroma row per block (in fact two `N`-byte
/// loads at `N·j` and `N·j + 2`), writes `4·N` bytes per block.
type Yuv420Block =
    unsafe fn(*const u8, *const u8, *const u8, [i16; 2], *mut u8, usize, &Yuv420Coeffs);

/// Bi-planar 8-bit 4:2:0 → 32-bit R'G'B'A rows at one SIMD level (the scalar
/// twin is `convert::fast`'s `ycbcr420_row` after `blend_chroma_rows`).
#[derive(Clone, Copy, Debug)]
pub struct Yuv420ToRgba {
    block: Yuv420Block,
    pixels: usize,
    coeffs: Yuv420Coeffs,
}

/// Byte positions of R', G', B', A in the 32-bit layouts the kernels know.
const RGBA_ORDERS: [[usize; 4]; 4] = [[2, 1, 0, 3], [0, 1, 2, 3], [1, 2, 3, 0], [3, 2, 1, 0]];

impl Yuv420ToRgba {
    /// The kernel for `level` writing R', G', B', A at byte positions
    /// `positions`; `None` for the scalar level, a level the CPU lacks, or
    /// a byte order other than BGRA, RGBA, ARGB, ABGR.
    pub fn select(level: Level, positions: [usize; 4], coeffs: Yuv420Coeffs) -> Option<Self> {
        if !cpu_supports(level) {
            return None;
        }
        let order = RGBA_ORDERS.iter().position(|o| *o == positions)?;
        let (block, pixels) = Self::block(level, order)?;
        Some(Yuv420ToRgba {
            block,
            pixels,
            coeffs,
        })
    }

    #[cfg(target_arch = "x86_64")]
    fn block(level: Level, order: usize) -> Option<(Yuv420Block, usize)> {
        x86::yuv420_block(level, order)
    }

    #[cfg(target_arch = "aarch64")]
    fn block(level: Level, order: usize) -> Option<(Yuv420Block, usize)> {
        (level == Level::Neon).then(|| neon::yuv420_block(order))
    }

    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    fn block(_: Level, _: usize) -> Option<(Yuv420Block, usize)> {
        None
    }

    /// Converts one row: `luma` is the row's Y' (its length is the width),
    /// `c0`/`c1` the two interleaved Cb/Cr rows blended vertically with
    /// weights `w` (quarters, each 0..=4), `out` the 32-bit row. `false`
    /// (nothing written) when the lengths or weights are not of that shape;
    /// the caller then runs the scalar kernel.
    pub fn row(&self, luma: &[u8], c0: &[u8], c1: &[u8], w: [i32; 2], out: &mut [u8]) -> bool {
        let width = luma.len();
        let samples = width.div_ceil(2);
        let weights_ok = w.iter().all(|v| (0..=4).contains(v));
        if !weights_ok
            || c0.len() < 2 * samples
            || c1.len() < 2 * samples
            || out.len() != 4 * width
            || width == 0
        {
            return false;
        }
        let w16 = w.map(|v| v as i16);
        let n = self.pixels;
        // Full blocks need the chroma sample after their last pair too.
        let blocks = (width / n).min((samples - 1) / (n / 2));
        // SAFETY: `cpu_supports(level)` held at `select`. Block `j` reads
        // luma[n·j .. n·j+n] (inside: (j+1)·n ≤ width), chroma bytes up to
        // n·j + 2 + n ≤ 2·samples (from blocks ≤ (samples−1)/(n/2)), and
        // writes out[4n·j .. 4n·(j+1)] ≤ 4·width.
        unsafe {
            (self.block)(
                luma.as_ptr(),
                c0.as_ptr(),
                c1.as_ptr(),
                w16,
                out.as_mut_ptr(),
                blocks,
                &self.coeffs,
            );
        }
        let start = blocks * n;
        if start < width {
            // At most one block of pixels and n/2 pairs remain (see the
            // tests); the padding replicates the last pair as the scalar
            // kernel's right edge does.
            let inputs = [
                (&luma[start..], 1),
                (&c0[start..2 * samples], 2),
                (&c1[start..2 * samples], 2),
            ];
            scratch_tail(inputs, &mut out[4 * start..], |[l, a, b], o| {
                debug_assert!(4 * n <= SCRATCH && n + 2 <= SCRATCH);
                // SAFETY: one block reads n luma and n + 2 chroma bytes and
                // writes 4n bytes, all inside the SCRATCH-byte rows (n ≤ 32).
                unsafe {
                    (self.block)(
                        l.as_ptr(),
                        a.as_ptr(),
                        b.as_ptr(),
                        w16,
                        o.as_mut_ptr(),
                        1,
                        &self.coeffs,
                    );
                }
            });
        }
        true
    }
}

/// Block function of a 4-byte → 4-byte byte permutation: `blocks` blocks of
/// `N` pixels, `mask[t]` = the source byte (0..4) for destination byte `t`.
type Swizzle4Block = unsafe fn(*const u8, *mut u8, usize, [u8; 4]);

/// 32-bit → 32-bit byte-order change (alpha kept) at one SIMD level (the
/// scalar twin is `convert::fast`'s `swizzle_row::<4, 4>`).
#[derive(Clone, Copy, Debug)]
pub struct Swizzle4 {
    block: Swizzle4Block,
    pixels: usize,
    mask: [u8; 4],
}

impl Swizzle4 {
    /// `mask[t]` is the source byte that destination byte `t` takes (each
    /// 0..4). `None` for the scalar level or a level the CPU lacks.
    pub fn select(level: Level, mask: [u8; 4]) -> Option<Self> {
        if !cpu_supports(level) || mask.iter().any(|&m| m > 3) {
            return None;
        }
        let (block, pixels) = Self::block(level)?;
        Some(Swizzle4 {
            block,
            pixels,
            mask,
        })
    }

    #[cfg(target_arch = "x86_64")]
    fn block(level: Level) -> Option<(Swizzle4Block, usize)> {
        x86::swizzle4_block(level)
    }

    #[cfg(target_arch = "aarch64")]
    fn block(level: Level) -> Option<(Swizzle4Block, usize)> {
        (level == Level::Neon).then_some((neon::swizzle4 as Swizzle4Block, 16))
    }

    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    fn block(_: Level) -> Option<(Swizzle4Block, usize)> {
        None
    }

    /// One row; `false` (nothing written) unless both rows hold the same
    /// whole number of pixels.
    pub fn row(&self, src: &[u8], dst: &mut [u8]) -> bool {
        if src.len() != dst.len() || src.len() % 4 != 0 {
            return false;
        }
        let width = src.len() / 4;
        let blocks = width / self.pixels;
        // SAFETY: `cpu_supports(level)` held at `select`; block j reads and
        // writes bytes 4N·j .. 4N·(j+1) ≤ 4·width of both rows.
        unsafe { (self.block)(src.as_ptr(), dst.as_mut_ptr(), blocks, self.mask) };
        let start = 4 * blocks * self.pixels;
        if start < src.len() {
            scratch_tail([(&src[start..], 4)], &mut dst[start..], |[s], o| {
                debug_assert!(4 * self.pixels <= SCRATCH);
                // SAFETY: one block touches 4N ≤ SCRATCH bytes of each row.
                unsafe { (self.block)(s.as_ptr(), o.as_mut_ptr(), 1, self.mask) };
            });
        }
        true
    }
}

/// The [`Swizzle4`] mask that turns 4-byte `from` pixels into 4-byte `to`
/// pixels, alpha copied; `None` unless both layouts are 4 bytes with alpha.
pub fn swizzle4_mask(
    from: &crate::core::kernels::swizzle::RgbLayout,
    to: &crate::core::kernels::swizzle::RgbLayout,
) -> Option<[u8; 4]> {
    if from.bytes != 4 || to.bytes != 4 {
        return None;
    }
    let (fa, ta) = (from.alpha?, to.alpha?);
    let mut mask = [0u8; 4];
    for c in 0..3 {
        *mask.get_mut(to.rgb[c])? = u8::try_from(from.rgb[c]).ok()?;
    }
    *mask.get_mut(ta)? = u8::try_from(fa).ok()?;
    Some(mask)
}
