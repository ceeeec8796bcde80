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
//! The row kernels live in `core::kernels` and know nothing about
//! buffers; this module selects one per plan and `driver::run` is their
//! plane driver.

mod driver;

pub(crate) use driver::run;

use super::chroma::Grid;
use super::io::{ColorModel, FormatInfo};
use super::plan::ChromaLayout;
use crate::core::color::fixed::{FRAC_BITS_8BIT, FixedAffine};
use crate::core::color::range::{BitDepth, Coding, Range};
use crate::core::color::{ChromaComponent, Subsampling};
use crate::core::kernels::swizzle::RgbLayout;
use crate::core::kernels::ycbcr_to_rgb::YuvMatrix;
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
