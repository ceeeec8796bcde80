//! Direct row kernels ("fast paths") for the pairs real code hits most.
//! [`ConversionPlan::new`](super::ConversionPlan::new) picks one when the
//! request qualifies; `ConversionPlan::convert` runs it after the same
//! geometry checks as the general path, and falls back to the general
//! path otherwise. Every fast path produces what the general path
//! produces:
//!
//! - [`FastPath::Copy`]: same format both sides, no colour work. Each
//!   plane row's pixel bytes are copied; padding and stride bytes are not
//!   touched. Only formats whose general-path round trip is the identity
//!   on every byte (8-bit integer samples, no padding bits, no samples
//!   outside the image) qualify — see [`copyable`].
//! - [`FastPath::Swizzle`]: 8-bit full-range R'G'B'(A) byte orders
//!   (`'BGRA'`, `'RGBA'`, 32ARGB, `'ABGR'`, 24RGB, `'24BG'`) among
//!   themselves without colour matching: bytes move, alpha is copied or
//!   set opaque, dropped for 24-bit destinations. Bit-exact.
//! - [`FastPath::YCbCr420ToRgb`]: `'420v'` / `'420f'` → `'BGRA'`,
//!   `'RGBA'`, 32ARGB without colour matching, for source sitings that
//!   are co-sited horizontally (Left — the default —, TopLeft,
//!   BottomLeft). Chroma is upsampled with the general path's own taps
//!   (`chroma::upsample`): the horizontal ones are ½-steps for those
//!   sitings, the vertical ones ¼-steps for every 4:2:0 siting, so the
//!   upsampled chroma is exact in eighths of a code. The matrix is
//!   `core::color::fixed`'s 8-bit set ([`FRAC_BITS_8BIT`]) applied to
//!   those exact values, so each output is the f64 model rounded, except
//!   within 0.047 of a half-code (the fixed module's bound): within ±1 of
//!   the model and of the general path. Centre-sited chroma (Center, Top,
//!   Bottom) interpolates at ¼/¾ horizontally, and DV 4:2:0 sites Cb and
//!   Cr on different rows: both stay on the general path (a restriction
//!   for lack of time and tests, not a known mismatch).
//!
//! Kernels convert one row and know nothing about buffers; [`run`] is
//! their plane driver.

use super::chroma::{self, Grid};
use super::io::{ColorModel, ConvertError, FormatInfo, FrameReader, FrameWriter};
use super::plan::{ChromaLayout, ConversionPlan};
use crate::core::color::fixed::{FRAC_BITS_8BIT, FixedAffine};
use crate::core::color::range::{BitDepth, Coding, Range};
use crate::core::color::{ChromaComponent, Subsampling};
use crate::core::pixel_format::{PixelFormat, fourcc};

/// Which fast path a plan uses (`ConversionPlan::fast_path`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FastPath {
    /// Per-plane row copy.
    Copy,
    /// 8-bit R'G'B'(A) byte-order change.
    Swizzle,
    /// Bi-planar 8-bit 4:2:0 Y'CbCr → 32-bit R'G'B'A.
    YCbCr420ToRgb,
}

/// Byte positions of R', G', B' and alpha within one pixel of an 8-bit
/// R'G'B' format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RgbLayout {
    pub bytes: usize,
    pub rgb: [usize; 3],
    pub alpha: Option<usize>,
}

/// The 8-bit full-range R'G'B' formats the swizzles handle, with their
/// byte orders (the fact sheet's memory layouts).
const RGB_LAYOUTS: [(u32, RgbLayout); 6] = [
    (
        fourcc(b"BGRA"),
        RgbLayout {
            bytes: 4,
            rgb: [2, 1, 0],
            alpha: Some(3),
        },
    ),
    (
        fourcc(b"RGBA"),
        RgbLayout {
            bytes: 4,
            rgb: [0, 1, 2],
            alpha: Some(3),
        },
    ),
    (
        // kCVPixelFormatType_32ARGB
        0x0000_0020,
        RgbLayout {
            bytes: 4,
            rgb: [1, 2, 3],
            alpha: Some(0),
        },
    ),
    (
        fourcc(b"ABGR"),
        RgbLayout {
            bytes: 4,
            rgb: [3, 2, 1],
            alpha: Some(0),
        },
    ),
    (
        // kCVPixelFormatType_24RGB
        0x0000_0018,
        RgbLayout {
            bytes: 3,
            rgb: [0, 1, 2],
            alpha: None,
        },
    ),
    (
        fourcc(b"24BG"),
        RgbLayout {
            bytes: 3,
            rgb: [2, 1, 0],
            alpha: None,
        },
    ),
];

fn rgb_layout(format: &PixelFormat) -> Option<RgbLayout> {
    RGB_LAYOUTS
        .iter()
        .find(|(code, _)| *code == format.code)
        .map(|(_, l)| *l)
}

/// Formats whose bytes survive the general path unchanged, so that a
/// same-format conversion is a copy: 8-bit samples with every bit
/// significant and no sample outside the image. (Excluded, for example:
/// `'x420'`'s padding bits, `'v210'` groups and 4:2:2 packed rows of odd
/// width — written as 0 by the general path —, half floats' NaNs, and
/// video-range formats whose alpha is rescaled.)
fn copyable(format: &PixelFormat) -> bool {
    const CODES: [&[u8; 4]; 5] = [b"420v", b"420f", b"y420", b"f420", b"L008"];
    rgb_layout(format).is_some() || CODES.iter().any(|c| fourcc(c) == format.code)
}

/// The chosen kernel and everything it needs, decided once per plan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum FastKernel {
    Copy,
    Swizzle {
        from: RgbLayout,
        to: RgbLayout,
    },
    YCbCr420ToRgb {
        matrix: YuvMatrix,
        to: RgbLayout,
        /// Vertical chroma grids (Cb, Cr) of the source siting.
        vertical: [Grid; 2],
    },
}

impl FastKernel {
    pub fn path(&self) -> FastPath {
        match self {
            FastKernel::Copy => FastPath::Copy,
            FastKernel::Swizzle { .. } => FastPath::Swizzle,
            FastKernel::YCbCr420ToRgb { .. } => FastPath::YCbCr420ToRgb,
        }
    }

    /// The kernel for a plan's decisions, if one applies.
    pub fn select(
        source: &FormatInfo,
        destination: &FormatInfo,
        identity: bool,
        matching: bool,
        source_chroma: Option<ChromaLayout>,
        matrix: crate::core::color::YCbCrMatrix,
    ) -> Option<FastKernel> {
        if matching {
            return None;
        }
        let (sf, df) = (source.format, destination.format);
        if sf.code == df.code && identity && copyable(sf) {
            return Some(FastKernel::Copy);
        }
        let to = rgb_layout(df)?;
        if let Some(from) = rgb_layout(sf) {
            return Some(FastKernel::Swizzle { from, to });
        }
        let bi_planar_420 = [b"420v", b"420f"].iter().any(|c| fourcc(c) == sf.code);
        if !bi_planar_420 || to.alpha.is_none() || source.model != ColorModel::YCbCr {
            return None;
        }
        let layout = source_chroma?;
        let s = Subsampling::new(layout.subsampling.0, layout.subsampling.1)?;
        let at = |c| layout.siting.offset(s, c);
        let (cb, cr) = (at(ChromaComponent::Cb), at(ChromaComponent::Cr));
        // Horizontally co-sited chroma only (module docs), Cb and Cr on
        // the same rows (not DV 4:2:0).
        if cb.x != 0.0 || cr.x != 0.0 || cb.y != cr.y {
            return None;
        }
        let range = match source.coding {
            super::io::Coding::Video => Range::Video,
            super::io::Coding::Full => Range::Full,
            _ => return None,
        };
        let src = Coding::integer(BitDepth::EIGHT, range);
        let affine = FixedAffine::ycbcr_to_rgb(
            &matrix.luma_coefficients(),
            src,
            Coding::FULL_8,
            FRAC_BITS_8BIT,
        )?;
        let vertical = [cb.y, cr.y].map(|offset| Grid {
            factor: layout.subsampling.1,
            offset,
        });
        Some(FastKernel::YCbCr420ToRgb {
            matrix: YuvMatrix::new(&affine)?,
            to,
            vertical,
        })
    }
}

/// Horizontal chroma is ½-step interpolated and vertical ¼-step, so the
/// upsampled chroma carries this many fraction bits.
const CHROMA_FRACTION_BITS: u32 = 3;
/// Fraction bits of the vertically blended chroma (¼ steps).
const VERTICAL_FRACTION_BITS: u32 = 2;

/// A [`FixedAffine`] Y'CbCr → R'G'B' set rescaled for chroma in eighths:
/// `out_i = clamp((y_i·Y' + cb_i·Cb₈ + cr_i·Cr₈ + add_i) >> shift)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct YuvMatrix {
    /// Per output (R', G', B'): Y' coefficient (scaled by 8), Cb, Cr.
    coeffs: [[i32; 3]; 3],
    add: [i32; 3],
    shift: u32,
}

impl YuvMatrix {
    fn new(affine: &FixedAffine) -> Option<YuvMatrix> {
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
    fn pixel(&self, y: i32, cb: i32, cr: i32) -> [u8; 3] {
        let m = &self.coeffs;
        let one = |i: usize| {
            let acc = m[i][0] * y + m[i][1] * cb + m[i][2] * cr + self.add[i];
            (acc >> self.shift).clamp(0, i32::from(u8::MAX)) as u8
        };
        [one(0), one(1), one(2)]
    }
}

/// Runs `kernel` over the validated frames. `Ok(false)` when the kernel
/// does not apply to this frame after all (the caller takes the general
/// path); nothing has been written then.
pub(crate) fn run(
    kernel: &FastKernel,
    plan: &ConversionPlan,
    reader: &FrameReader<'_, '_>,
    writer: &mut FrameWriter<'_, '_>,
) -> Result<bool, ConvertError> {
    let (width, height) = (reader.width(), reader.height());
    let src_lengths = reader.row_lengths();
    let dst_lengths = writer.row_lengths();
    let src = reader.planes();
    let dst = writer.planes_mut();
    match kernel {
        FastKernel::Copy => {
            for (index, table) in plan.request.source.planes().iter().enumerate() {
                let (s, d) = (&src[index], &mut dst[index]);
                let len = src_lengths[index];
                for row in 0..table.height_for(height) {
                    let from = &s.data[row * s.bytes_per_row..][..len];
                    d.data[row * d.bytes_per_row..][..len].copy_from_slice(from);
                }
            }
        }
        FastKernel::Swizzle { from, to } => {
            let row_kernel = swizzle_kernel(from, to);
            let (s, d) = (&src[0], &mut dst[0]);
            for row in 0..height {
                let a = &s.data[row * s.bytes_per_row..][..src_lengths[0]];
                let b = &mut d.data[row * d.bytes_per_row..][..dst_lengths[0]];
                row_kernel(a, b, from, to);
            }
        }
        FastKernel::YCbCr420ToRgb {
            matrix,
            to,
            vertical,
        } => {
            // The general path's vertical taps, in quarters; any other
            // weight (none for 4:2:0 sitings) falls back.
            let taps = vertical.map(|g| chroma::upsample(g, height));
            let quarter = f32::from(1u8 << VERTICAL_FRACTION_BITS);
            let to_int = |w: f32| {
                let q = w * quarter;
                (q.fract() == 0.0).then_some(q as i32)
            };
            let mut rows = Vec::new();
            rows.try_reserve_exact(height)
                .map_err(|_| ConvertError::OutOfMemory)?;
            for (cb, cr) in taps[0].iter().zip(&taps[1]) {
                if cb.first != cr.first || cb.weights != cr.weights {
                    return Ok(false);
                }
                let (Some(w0), Some(w1)) = (to_int(cb.weights[0]), to_int(cb.weights[1])) else {
                    return Ok(false);
                };
                let second = if w1 == 0 { cb.first } else { cb.first + 1 };
                rows.push((cb.first, second, w0, w1));
            }
            let chroma_samples = width.div_ceil(2);
            let mut blended = Vec::new();
            blended
                .try_reserve_exact(2 * chroma_samples)
                .map_err(|_| ConvertError::OutOfMemory)?;
            blended.resize(2 * chroma_samples, 0i32);
            let (luma, chroma) = (&src[0], &src[1]);
            let d = &mut dst[0];
            for (y, &(first, second, w0, w1)) in rows.iter().enumerate() {
                let l = &luma.data[y * luma.bytes_per_row..][..src_lengths[0]];
                let c0 = &chroma.data[first * chroma.bytes_per_row..][..src_lengths[1]];
                let c1 = &chroma.data[second * chroma.bytes_per_row..][..src_lengths[1]];
                blend_chroma_rows(c0, c1, w0, w1, &mut blended);
                let out = &mut d.data[y * d.bytes_per_row..][..dst_lengths[0]];
                ycbcr420_row(matrix, l, &blended, out, to);
            }
        }
    }
    Ok(true)
}

type SwizzleRow = fn(&[u8], &mut [u8], &RgbLayout, &RgbLayout);

/// The swizzle row kernel for a pair of layouts, chosen once per frame.
fn swizzle_kernel(from: &RgbLayout, to: &RgbLayout) -> SwizzleRow {
    match (from.bytes, to.bytes) {
        (4, 4) => swizzle_row::<4, 4>,
        (3, 4) => swizzle_row_opaque::<3, 4>,
        (4, 3) => swizzle_row::<4, 3>,
        _ => swizzle_row::<3, 3>,
    }
}

/// Moves R', G', B' (and alpha when both sides have it) of one row.
fn swizzle_row<const S: usize, const D: usize>(
    src: &[u8],
    dst: &mut [u8],
    from: &RgbLayout,
    to: &RgbLayout,
) {
    let [r, g, b] = from.rgb;
    let [tr, tg, tb] = to.rgb;
    let alpha = from.alpha.zip(to.alpha);
    match alpha {
        Some((a, ta)) => {
            for (s, d) in src.chunks_exact(S).zip(dst.chunks_exact_mut(D)) {
                d[tr] = s[r];
                d[tg] = s[g];
                d[tb] = s[b];
                d[ta] = s[a];
            }
        }
        None => {
            for (s, d) in src.chunks_exact(S).zip(dst.chunks_exact_mut(D)) {
                d[tr] = s[r];
                d[tg] = s[g];
                d[tb] = s[b];
            }
        }
    }
}

/// Like [`swizzle_row`] for a source without alpha: the destination's
/// alpha is opaque (the largest code).
fn swizzle_row_opaque<const S: usize, const D: usize>(
    src: &[u8],
    dst: &mut [u8],
    from: &RgbLayout,
    to: &RgbLayout,
) {
    let [r, g, b] = from.rgb;
    let [tr, tg, tb] = to.rgb;
    let Some(ta) = to.alpha else {
        return swizzle_row::<S, D>(src, dst, from, to);
    };
    for (s, d) in src.chunks_exact(S).zip(dst.chunks_exact_mut(D)) {
        d[tr] = s[r];
        d[tg] = s[g];
        d[tb] = s[b];
        d[ta] = u8::MAX;
    }
}

/// Vertical chroma blend of two interleaved Cb/Cr rows: `out = w0·a + w1·b`
/// (weights in quarters, so `out` is in quarters of a code).
fn blend_chroma_rows(a: &[u8], b: &[u8], w0: i32, w1: i32, out: &mut [i32]) {
    for ((o, &x), &y) in out.iter_mut().zip(a).zip(b) {
        *o = w0 * i32::from(x) + w1 * i32::from(y);
    }
}

/// One row of bi-planar 4:2:0 → R'G'B'A: `blended` is the row's Cb/Cr
/// pairs in quarters; horizontally even pixels take their pair, odd
/// pixels the mean of it and the next, the last pixels replicate the last
/// pair (the general path's taps for co-sited chroma).
fn ycbcr420_row(m: &YuvMatrix, luma: &[u8], blended: &[i32], out: &mut [u8], to: &RgbLayout) {
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
