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
//! - [`FastPath::YCbCr420ToRgb`]: 4:2:0 Y'CbCr — `'420v'`/`'420f'`
//!   (bi-planar), `'y420'`/`'f420'` (tri-planar), `'x420'`/`'xf20'`
//!   (10-bit bi-planar) — → `'BGRA'`, `'RGBA'`, 32ARGB, `'ABGR'`;
//!   [`FastPath::YCbCr422ToRgb`]: packed `'2vuy'`, `'yuvs'`, `'yuvf'` →
//!   the same. Any source siting except DV 4:2:0 (Cb and Cr on different
//!   rows — general path). Chroma is upsampled with the general path's
//!   own taps (`chroma::upsample`): horizontally ½ steps for co-sited
//!   chroma (Left — the default —, TopLeft, BottomLeft) and ¼/¾ steps for
//!   centred chroma (Center, Top, Bottom), vertically ¼ steps for every
//!   4:2:0 siting, so upsampled chroma is exact in eighths or sixteenths
//!   of a code. The matrix is `core::color::fixed`'s set
//!   ([`FRAC_BITS_8BIT`]) applied to those exact values: each output is
//!   the f64 model rounded except within the fixed module's bound of a
//!   half-code (0.047 code for 8-bit, 0.19 for 10-bit sources), i.e.
//!   within ±1 of the model and of the general path.
//! - [`FastPath::RgbToYCbCr420`]: the 8-bit R'G'B'(A) formats above →
//!   `'420v'`, `'420f'`, `'x420'`, `'xf20'`, with `DownsamplingMode`
//!   Decimate or Average. The kernel reproduces the general path's
//!   downsampling taps (checked per frame against `chroma::downsample`):
//!   each chroma sample is the mean of 1, 2 or 4 pixels' chroma, computed
//!   as the matrix applied to the R'G'B' sum, one rounding; within ±1 of
//!   the model and the general path. For an R'G'B' source the plan's
//!   destination siting is Left (Decimate: vertical mean, even column) or
//!   Center (Average: 2×2 mean); the kernel also handles TopLeft, Top,
//!   BottomLeft and Bottom taps, but only DV 4:2:0 — never produced from
//!   R'G'B' — would fall back. Other Y'CbCr destinations (`'y420'`,
//!   4:2:2, 4:4:4, 16-bit) take the general path.
//!
//! - Scaled [`FastPath::Copy`] plans of the 8-bit R'G'B'(A) byte orders
//!   resample the bytes directly (`scale`, within ±1 of the general
//!   path).
//!
//! The row kernels live in `core::kernels` and know nothing about
//! buffers; this module selects one per plan and `driver::run` is their
//! plane driver.

mod driver;
mod scale;

pub(crate) use driver::run;
pub(crate) use scale::run as run_scaled;

use super::chroma::Grid;
use super::io::ColorModel;
use super::plan::{ChromaLayout, ConversionPlan, DownsamplingMode};
use crate::core::color::fixed::{FRAC_BITS_8BIT, FixedAffine};
use crate::core::color::range::{BitDepth, Coding, Range};
use crate::core::color::{ChromaComponent, Subsampling};
use crate::core::kernels::packed422::Packed422Order;
use crate::core::kernels::rgb_to_ycbcr::RgbToYuv;
use crate::core::kernels::swizzle::RgbLayout;
use crate::core::kernels::ycbcr_to_rgb::{
    CENTRED_CHROMA_FRACTION_BITS, CHROMA_FRACTION_BITS, YuvMatrix,
};
use crate::core::pixel_format::{PixelFormat, fourcc};

/// Which fast path a plan uses (`ConversionPlan::fast_path`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FastPath {
    /// Per-plane row copy.
    Copy,
    /// 8-bit R'G'B'(A) byte-order change.
    Swizzle,
    /// 4:2:0 Y'CbCr (`'420v'`, `'420f'`, `'y420'`, `'f420'`, `'x420'`,
    /// `'xf20'`) → 32-bit R'G'B'A.
    YCbCr420ToRgb,
    /// Packed 8-bit 4:2:2 Y'CbCr (`'2vuy'`, `'yuvs'`, `'yuvf'`) → 32-bit
    /// R'G'B'A.
    YCbCr422ToRgb,
    /// 8-bit R'G'B'(A) → 4:2:0 Y'CbCr (`'420v'`, `'420f'`, `'x420'`,
    /// `'xf20'`).
    RgbToYCbCr420,
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

/// Where a Y'CbCr → R'G'B' fast path reads its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum YuvSource {
    /// 8-bit Y' plane and interleaved Cb/Cr plane, 4:2:0.
    BiPlanar8,
    /// 8-bit Y', Cb and Cr planes, 4:2:0.
    TriPlanar8,
    /// 10-bit codes in the high bits of 16-bit words, bi-planar 4:2:0.
    BiPlanar10,
    /// One plane of 8-bit 4:2:2 pixel pairs.
    Packed422(Packed422Order),
}

impl YuvSource {
    fn of(format: &PixelFormat) -> Option<YuvSource> {
        let is = |codes: &[&[u8; 4]]| codes.iter().any(|c| fourcc(c) == format.code);
        Some(if is(&[b"420v", b"420f"]) {
            YuvSource::BiPlanar8
        } else if is(&[b"y420", b"f420"]) {
            YuvSource::TriPlanar8
        } else if is(&[b"x420", b"xf20"]) {
            YuvSource::BiPlanar10
        } else if is(&[b"2vuy"]) {
            YuvSource::Packed422(Packed422Order::UYVY)
        } else if is(&[b"yuvs", b"yuvf"]) {
            YuvSource::Packed422(Packed422Order::YUYV)
        } else {
            return None;
        })
    }

    fn depth(self) -> BitDepth {
        match self {
            YuvSource::BiPlanar10 => BitDepth::TEN,
            _ => BitDepth::EIGHT,
        }
    }
}

/// The chosen kernel and everything it needs, decided once per plan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum FastKernel {
    Copy,
    Swizzle {
        from: RgbLayout,
        to: RgbLayout,
    },
    YCbCrToRgb {
        source: YuvSource,
        matrix: YuvMatrix,
        /// Chroma sits between pixel pairs horizontally (¼/¾ taps)
        /// rather than on even pixels (½ taps).
        centred: bool,
        to: RgbLayout,
        /// Vertical chroma grids (Cb, Cr) of the source siting (4:2:0).
        vertical: [Grid; 2],
    },
    RgbToYCbCr420 {
        from: RgbLayout,
        matrix: RgbToYuv,
        ten_bit: bool,
        /// Destination chroma grids and filters, (horizontal, vertical).
        grids: (Grid, Grid),
        filters: (DownsamplingMode, DownsamplingMode),
    },
}

impl FastKernel {
    pub fn path(&self) -> FastPath {
        match self {
            FastKernel::Copy => FastPath::Copy,
            FastKernel::Swizzle { .. } => FastPath::Swizzle,
            FastKernel::YCbCrToRgb {
                source: YuvSource::Packed422(_),
                ..
            } => FastPath::YCbCr422ToRgb,
            FastKernel::YCbCrToRgb { .. } => FastPath::YCbCr420ToRgb,
            FastKernel::RgbToYCbCr420 { .. } => FastPath::RgbToYCbCr420,
        }
    }

    /// The kernel for a plan's decisions (every field but `fast` set), if
    /// one applies.
    pub fn select(plan: &ConversionPlan) -> Option<FastKernel> {
        if plan.matching.is_some() {
            return None;
        }
        let (source, destination) = (&plan.source, &plan.destination);
        let (sf, df) = (source.format, destination.format);
        let identity = plan.colour.is_identity() && !plan.unpremultiply && !plan.premultiply;
        if sf.code == df.code && identity && copyable(sf) {
            return Some(FastKernel::Copy);
        }
        if let Some(from) = rgb_layout(sf) {
            if let Some(to) = rgb_layout(df) {
                return Some(FastKernel::Swizzle { from, to });
            }
            return rgb_to_ycbcr420(plan, from);
        }
        let to = rgb_layout(df).filter(|l| l.alpha.is_some())?;
        let yuv = YuvSource::of(sf).filter(|_| source.model == ColorModel::YCbCr)?;
        let layout = plan.source_chroma?;
        let (cb, cr) = offsets(&layout)?;
        // Cb and Cr on the same rows (not DV 4:2:0), sited on even pixels
        // or between pixel pairs horizontally.
        if cb != cr || ![0.0, 0.5].contains(&cb.0) {
            return None;
        }
        let centred = cb.0 == 0.5;
        let src = Coding::integer(yuv.depth(), range(source.coding)?);
        let affine = FixedAffine::ycbcr_to_rgb(
            &plan.source_matrix.0.luma_coefficients(),
            src,
            Coding::FULL_8,
            FRAC_BITS_8BIT,
        )?;
        let bits = if centred {
            CENTRED_CHROMA_FRACTION_BITS
        } else {
            CHROMA_FRACTION_BITS
        };
        let vertical = [cb.1, cr.1].map(|offset| Grid {
            factor: layout.subsampling.1,
            offset,
        });
        Some(FastKernel::YCbCrToRgb {
            source: yuv,
            matrix: YuvMatrix::with_chroma_bits(&affine, bits)?,
            centred,
            to,
            vertical,
        })
    }
}

/// 8-bit R'G'B' → `'420v'`, `'420f'`, `'x420'`, `'xf20'`, for any siting
/// with Cb and Cr on the same rows.
fn rgb_to_ycbcr420(plan: &ConversionPlan, from: RgbLayout) -> Option<FastKernel> {
    let destination = &plan.destination;
    let code = destination.format.code;
    let ten_bit = [b"x420", b"xf20"].iter().any(|c| fourcc(c) == code);
    let eight_bit = [b"420v", b"420f"].iter().any(|c| fourcc(c) == code);
    if !(ten_bit || eight_bit) || destination.model != ColorModel::YCbCr {
        return None;
    }
    let layout = plan.destination_chroma?;
    let (cb, cr) = offsets(&layout)?;
    if cb != cr || layout.subsampling != (2, 2) {
        return None;
    }
    let depth = if ten_bit {
        BitDepth::TEN
    } else {
        BitDepth::EIGHT
    };
    let dst = Coding::integer(depth, range(destination.coding)?);
    let affine = FixedAffine::rgb_to_ycbcr(
        &plan.destination_matrix.0.luma_coefficients(),
        Coding::FULL_8,
        dst,
        FRAC_BITS_8BIT,
    )?;
    let grid = |offset| Grid { factor: 2, offset };
    Some(FastKernel::RgbToYCbCr420 {
        from,
        matrix: RgbToYuv::new(&affine, depth.max_code())?,
        ten_bit,
        grids: (grid(cb.0), grid(cb.1)),
        filters: layout.filters,
    })
}

/// (x, y) offsets of the Cb and Cr samples of a chroma layout.
fn offsets(layout: &ChromaLayout) -> Option<((f64, f64), (f64, f64))> {
    let s = Subsampling::new(layout.subsampling.0, layout.subsampling.1)?;
    let at = |c| {
        let o = layout.siting.offset(s, c);
        (o.x, o.y)
    };
    Some((at(ChromaComponent::Cb), at(ChromaComponent::Cr)))
}

fn range(coding: super::io::Coding) -> Option<Range> {
    match coding {
        super::io::Coding::Video => Some(Range::Video),
        super::io::Coding::Full => Some(Range::Full),
        _ => None,
    }
}
