//! 32-bit 8-bit R'G'B'A → 8-bit 4:2:0 Y'CbCr rows (the scalar twins are
//! `rgb_to_y_row` and `rgb_to_cbcr_row`): the safe entry point, its
//! coefficient set and block-function types.

use super::{Level, SCRATCH, cpu_supports, scratch_tail};
use crate::core::kernels::rgb_to_ycbcr::{Pairing, RgbToYuv};

/// The scalar set's coefficients rearranged per source byte position (the
/// alpha byte weighs 0), as i16 for `pmaddwd`: luma
/// `clamp((Σ w·byte + add₀) >> shift, 0, 255)`, chroma the same over the
/// sum of four pixels with `add₁,₂` (already ×4) and `shift + 2`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RgbCoeffs {
    weights: [[i16; 4]; 3],
    pub(super) add: [i32; 3],
    pub(super) shift: u32,
}

impl RgbCoeffs {
    /// From the scalar set and the source's R', G', B' byte positions in a
    /// 4-byte pixel; `None` for a 10-bit set, a coefficient outside i16, a
    /// position outside 0..4 or a shift outside 1..=29.
    pub fn new(m: &RgbToYuv, rgb: [usize; 3]) -> Option<RgbCoeffs> {
        if m.max != 255 || !(1..=29).contains(&m.frac_bits) {
            return None;
        }
        let mut weights = [[0i16; 4]; 3];
        for (w, c) in weights.iter_mut().zip(&m.coeffs) {
            for (&at, &v) in rgb.iter().zip(c) {
                *w.get_mut(at)? = i16::try_from(v).ok()?;
            }
        }
        let chroma = |a: i32| a.checked_mul(4);
        Some(RgbCoeffs {
            weights,
            add: [m.add[0], chroma(m.add[1])?, chroma(m.add[2])?],
            shift: m.frac_bits,
        })
    }

    fn packed(w: [i16; 4]) -> i64 {
        w.iter()
            .rev()
            .fold(0u64, |acc, &v| (acc << 16) | u64::from(v as u16)) as i64
    }

    /// The luma weights of one pixel as a 64-bit lane (byte 0's lowest).
    pub(super) fn luma_weights(&self) -> i64 {
        Self::packed(self.weights[0])
    }

    /// The Cb and Cr weights, as [`RgbCoeffs::luma_weights`].
    pub(super) fn chroma_weights(&self) -> [i64; 2] {
        [Self::packed(self.weights[1]), Self::packed(self.weights[2])]
    }
}

/// `blocks` blocks of `N` pixels: reads `4N` bytes, writes `N` luma codes.
pub(super) type RgbLumaBlock = unsafe fn(*const u8, *mut u8, usize, &RgbCoeffs);
/// `blocks` blocks of `N` pixels of two rows: reads `4N` bytes of each,
/// writes `N/2` Cb/Cr byte pairs.
pub(super) type RgbChromaBlock = unsafe fn(*const u8, *const u8, *mut u8, usize, &RgbCoeffs);

/// 32-bit R'G'B'A → 8-bit luma and interleaved Cb/Cr rows at one SIMD level.
#[derive(Clone, Copy, Debug)]
pub struct RgbToYuv420 {
    luma: RgbLumaBlock,
    /// [`Pairing::Pair`], [`Pairing::CoSited`].
    chroma: [RgbChromaBlock; 2],
    /// Pixels per luma block, per chroma block.
    pixels: [usize; 2],
    coeffs: RgbCoeffs,
}

impl RgbToYuv420 {
    /// The kernels for `level`; `None` for a level without them or the CPU
    /// lacks.
    pub fn select(level: Level, coeffs: RgbCoeffs) -> Option<Self> {
        // The AVX-512 level runs the AVX2 blocks (no wider ones yet).
        let avx2_too = level != Level::Avx512 || cpu_supports(Level::Avx2);
        if !cpu_supports(level) || !avx2_too {
            return None;
        }
        let ([luma], chroma, pixels) = Self::blocks(level)?;
        Some(RgbToYuv420 {
            luma,
            chroma,
            pixels,
            coeffs,
        })
    }

    #[cfg(target_arch = "x86_64")]
    fn blocks(level: Level) -> Option<([RgbLumaBlock; 1], [RgbChromaBlock; 2], [usize; 2])> {
        super::x86::rgb_to_yuv420_blocks(level)
    }

    #[cfg(not(target_arch = "x86_64"))]
    fn blocks(_: Level) -> Option<([RgbLumaBlock; 1], [RgbChromaBlock; 2], [usize; 2])> {
        None
    }

    /// Luma of one row of 4-byte pixels; `false` (nothing written) unless
    /// `out` holds one code per pixel.
    pub fn luma_row(&self, src: &[u8], out: &mut [u8]) -> bool {
        if src.len() % 4 != 0 || out.len() != src.len() / 4 {
            return false;
        }
        let width = out.len();
        let n = self.pixels[0];
        let blocks = width / n;
        // SAFETY: `cpu_supports(level)` held at `select`; block j reads
        // src[4n·j .. 4n·(j+1)] ≤ 4·width and writes out[n·j .. n·(j+1)].
        unsafe { (self.luma)(src.as_ptr(), out.as_mut_ptr(), blocks, &self.coeffs) };
        let start = blocks * n;
        if start < width {
            scratch_tail([(&src[4 * start..], 4)], &mut out[start..], |[s], o| {
                debug_assert!(4 * n <= SCRATCH);
                // SAFETY: one block touches 4n ≤ SCRATCH bytes of each row.
                unsafe { (self.luma)(s.as_ptr(), o.as_mut_ptr(), 1, &self.coeffs) };
            });
        }
        true
    }

    /// Interleaved Cb/Cr of rows `a`, `b` (as `rgb_to_cbcr_row`); `false`
    /// (nothing written) unless both rows hold the same number of pixels
    /// and `out` one pair per two of them (rounded up).
    pub fn chroma_row(&self, a: &[u8], b: &[u8], pairing: Pairing, out: &mut [u8]) -> bool {
        let width = a.len() / 4;
        if a.len() != b.len() || a.len() % 4 != 0 || out.len() != 2 * width.div_ceil(2) {
            return false;
        }
        let block = match pairing {
            Pairing::Pair => self.chroma[0],
            Pairing::CoSited => self.chroma[1],
        };
        let n = self.pixels[1];
        let blocks = width / n;
        // SAFETY: `cpu_supports(level)` held at `select`; block j reads
        // bytes 4n·j .. 4n·(j+1) ≤ 4·width of each row and writes
        // out[n·j .. n·(j+1)] ≤ 2·⌈width/2⌉.
        unsafe {
            block(
                a.as_ptr(),
                b.as_ptr(),
                out.as_mut_ptr(),
                blocks,
                &self.coeffs,
            )
        };
        let start = blocks * n;
        if start < width {
            // The padding repeats the last pixel: an odd width's last pair
            // sums it twice, as the scalar kernel does.
            let inputs = [(&a[4 * start..], 4), (&b[4 * start..], 4)];
            scratch_tail(inputs, &mut out[start..], |[s, t], o| {
                debug_assert!(4 * n <= SCRATCH);
                // SAFETY: one block reads 4n ≤ SCRATCH bytes of each row
                // and writes n.
                unsafe { block(s.as_ptr(), t.as_ptr(), o.as_mut_ptr(), 1, &self.coeffs) };
            });
        }
        true
    }
}
