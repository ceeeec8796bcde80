//! Where each component of a supported format lives: for every plane, which
//! intermediate channel each stored sample or bit field feeds.
//!
//! This is the one place that says "`'2vuy'` is Cb, Y0, Cr, Y1". Plane
//! geometry (subsampling, bytes per block) still comes from
//! `core::pixel_format`; a test checks that every entry here agrees with the
//! format table (storage, block size, endianness, components, alpha, depth).
//! Sources: corevideo.md §5 (header comments and TN2162); entries marked
//! `Decision:` are not stated there and are listed in `convert::io`'s docs.

use super::row::ColorModel::{self, Gray, Rgb, TwoComponent, YCbCr};
use super::row::channel::{A, B, C0, C1, CB, CR, G, GRAY, R, Y};
use crate::core::pixel_format::fourcc;

/// How one stored sample is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sample {
    /// Unsigned byte.
    U8,
    /// Two's-complement byte (`'r408'`'s zero-biased chroma).
    S8,
    /// Unsigned 16-bit word holding a `16 - shift`-bit code in its
    /// most-significant bits; the `shift` low bits are padding.
    U16 { big: bool, shift: u8 },
    /// IEEE binary16, little-endian.
    F16,
    /// IEEE binary32, little-endian.
    F32,
}

impl Sample {
    pub(crate) const fn bytes(self) -> usize {
        match self {
            Sample::U8 | Sample::S8 => 1,
            Sample::U16 { .. } | Sample::F16 => 2,
            Sample::F32 => 4,
        }
    }

    /// Bits of the code (or of the float).
    pub(crate) const fn bits(self) -> u8 {
        match self {
            Sample::U8 | Sample::S8 => 8,
            Sample::U16 { shift, .. } => 16 - shift,
            Sample::F16 => 16,
            Sample::F32 => 32,
        }
    }
}

/// A bit field of a packed word: `bits` bits starting at bit `lsb` (bit 0 =
/// least significant) feed channel `ch`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Field {
    pub ch: usize,
    pub lsb: u8,
    pub bits: u8,
}

/// The role of a sample in a 4:2:2 pixel pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pos {
    /// Luma of the pair's first (even) pixel.
    Y0,
    /// Luma of the pair's second pixel.
    Y1,
    Cb,
    Cr,
}

/// How one plane's row is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PlaneCodec {
    /// Each plane sample stores one value per entry, in memory order:
    /// `(channel, sample kind)`. Covers chunky RGB/Y'CbCr, the Y, Cb/Cr-pair,
    /// Cb, Cr and alpha planes of planar formats, and the generic formats.
    Interleaved(&'static [(usize, Sample)]),
    /// One `bytes`-wide word per plane sample, split into bit fields; the
    /// bits no field covers are unused (read as ignored, written as 0).
    Word {
        bytes: u8,
        big: bool,
        fields: &'static [Field],
    },
    /// Pixel pairs: four samples per two pixels, in the memory order given.
    Pairs422 { sample: Sample, order: [Pos; 4] },
    /// TN2162 `'v210'`: the 2vuy sample order (Cb Y0 Cr Y1 …) as 10-bit
    /// codes, three per little-endian 32-bit word (bits 0–9, 10–19, 20–29;
    /// bits 30–31 unused), six pixels in four words.
    V210,
}

/// The layout of one supported format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Spec {
    pub code: u32,
    pub model: ColorModel,
    /// Chroma subsampling (h, v) for Y'CbCr; (1, 1) otherwise.
    pub chroma: (u8, u8),
    /// One codec per plane of the format table's entry.
    pub planes: &'static [PlaneCodec],
}

impl PlaneCodec {
    /// Bytes per block and plane samples per block, as the format table
    /// should state them for this plane.
    pub(crate) fn block(&self) -> (usize, usize) {
        match *self {
            PlaneCodec::Interleaved(slots) => (slots.iter().map(|(_, s)| s.bytes()).sum(), 1),
            PlaneCodec::Word { bytes, .. } => (usize::from(bytes), 1),
            PlaneCodec::Pairs422 { sample, .. } => (4 * sample.bytes(), 2),
            PlaneCodec::V210 => (16, 6),
        }
    }
}

use Sample::{F16, F32, S8, U8};

const U16LE: Sample = Sample::U16 {
    big: false,
    shift: 0,
};
const U16BE: Sample = Sample::U16 {
    big: true,
    shift: 0,
};
/// 10 bits in the MSBs of a little-endian 16-bit word (`value << 6`).
const U10LE: Sample = Sample::U16 {
    big: false,
    shift: 6,
};
/// 12 bits in the MSBs of a little-endian 16-bit word.
const U12LE: Sample = Sample::U16 {
    big: false,
    shift: 4,
};

const fn f(ch: usize, lsb: u8, bits: u8) -> Field {
    Field { ch, lsb, bits }
}

const fn word16(big: bool, fields: &'static [Field]) -> PlaneCodec {
    PlaneCodec::Word {
        bytes: 2,
        big,
        fields,
    }
}

const fn word32(big: bool, fields: &'static [Field]) -> PlaneCodec {
    PlaneCodec::Word {
        bytes: 4,
        big,
        fields,
    }
}

const fn spec(
    code: &[u8; 4],
    model: ColorModel,
    chroma: (u8, u8),
    planes: &'static [PlaneCodec],
) -> Spec {
    Spec {
        code: fourcc(code),
        model,
        chroma,
        planes,
    }
}

/// The QuickDraw-era formats have small numeric codes, not FourCCs.
const fn numeric(code: u32, model: ColorModel, planes: &'static [PlaneCodec]) -> Spec {
    Spec {
        code,
        model,
        chroma: (1, 1),
        planes,
    }
}

const X1: (u8, u8) = (1, 1);
const C420: (u8, u8) = (2, 2);
const C422: (u8, u8) = (2, 1);

// x(1) R(5) G(5) B(5): the top bit is unused.
const RGB555: &[Field] = &[f(R, 10, 5), f(G, 5, 5), f(B, 0, 5)];
const RGB565: &[Field] = &[f(R, 11, 5), f(G, 5, 6), f(B, 0, 5)];
// Decision: R(5) G(5) B(5) A(1) from the most-significant bit down, alpha in
// bit 0 — the order the name reads, as OpenGL's UNSIGNED_SHORT_5_5_5_1.
const RGBA5551: &[Field] = &[f(R, 11, 5), f(G, 6, 5), f(B, 1, 5), f(A, 0, 1)];
// 'R10k': R(10) G(10) B(10) from the most-significant bit, 2 unused LSBs.
const R10K: &[Field] = &[f(R, 22, 10), f(G, 12, 10), f(B, 2, 10)];
// 'r210', 'w30r', 'b3a8' (and 'l10r' below): 2 unused/alpha MSBs, then R, G,
// B; for the little-endian words this is the fact sheet's "likely" BGR10
// order (B in bits 0–9).
const RGB_LOW30: &[Field] = &[f(R, 20, 10), f(G, 10, 10), f(B, 0, 10)];
const ARGB2101010: &[Field] = &[f(R, 20, 10), f(G, 10, 10), f(B, 0, 10), f(A, 30, 2)];
// 'v410' (TN2162): Cb bits 2–11, Y bits 12–21, Cr bits 22–31.
const V410: &[Field] = &[f(CB, 2, 10), f(Y, 12, 10), f(CR, 22, 10)];

const Y_8: PlaneCodec = PlaneCodec::Interleaved(&[(Y, U8)]);
const CB_8: PlaneCodec = PlaneCodec::Interleaved(&[(CB, U8)]);
const CR_8: PlaneCodec = PlaneCodec::Interleaved(&[(CR, U8)]);
const CBCR_8: PlaneCodec = PlaneCodec::Interleaved(&[(CB, U8), (CR, U8)]);
const A_8: PlaneCodec = PlaneCodec::Interleaved(&[(A, U8)]);
const Y_10: PlaneCodec = PlaneCodec::Interleaved(&[(Y, U10LE)]);
const CBCR_10: PlaneCodec = PlaneCodec::Interleaved(&[(CB, U10LE), (CR, U10LE)]);
const Y_16: PlaneCodec = PlaneCodec::Interleaved(&[(Y, U16LE)]);
const CBCR_16: PlaneCodec = PlaneCodec::Interleaved(&[(CB, U16LE), (CR, U16LE)]);
const A_16: PlaneCodec = PlaneCodec::Interleaved(&[(A, U16LE)]);
const UYVY_8: PlaneCodec = PlaneCodec::Pairs422 {
    sample: U8,
    order: [Pos::Cb, Pos::Y0, Pos::Cr, Pos::Y1],
};
const YUYV_8: PlaneCodec = PlaneCodec::Pairs422 {
    sample: U8,
    order: [Pos::Y0, Pos::Cb, Pos::Y1, Pos::Cr],
};

use PlaneCodec::Interleaved as I;

/// Every format the converter reads and writes, in `CVPixelBuffer.h` order.
#[rustfmt::skip]
pub(crate) static SPECS: [Spec; 66] = [
    // 16-bit packed RGB words.
    numeric(0x10, Rgb, &[word16(true, RGB555)]),
    spec(b"L555", Rgb, X1, &[word16(false, RGB555)]),
    spec(b"5551", Rgb, X1, &[word16(false, RGBA5551)]),
    spec(b"B565", Rgb, X1, &[word16(true, RGB565)]),
    spec(b"L565", Rgb, X1, &[word16(false, RGB565)]),
    // 8-bit RGB in every byte order.
    numeric(0x18, Rgb, &[I(&[(R, U8), (G, U8), (B, U8)])]),
    spec(b"24BG", Rgb, X1, &[I(&[(B, U8), (G, U8), (R, U8)])]),
    numeric(0x20, Rgb, &[I(&[(A, U8), (R, U8), (G, U8), (B, U8)])]),
    spec(b"BGRA", Rgb, X1, &[I(&[(B, U8), (G, U8), (R, U8), (A, U8)])]),
    spec(b"ABGR", Rgb, X1, &[I(&[(A, U8), (B, U8), (G, U8), (R, U8)])]),
    spec(b"RGBA", Rgb, X1, &[I(&[(R, U8), (G, U8), (B, U8), (A, U8)])]),
    // 16-bit samples.
    spec(b"b64a", Rgb, X1, &[I(&[(A, U16BE), (R, U16BE), (G, U16BE), (B, U16BE)])]),
    spec(b"l64r", Rgb, X1, &[I(&[(R, U16LE), (G, U16LE), (B, U16LE), (A, U16LE)])]),
    spec(b"b48r", Rgb, X1, &[I(&[(R, U16BE), (G, U16BE), (B, U16BE)])]),
    // Alpha first, by the name "AlphaGray".
    spec(b"b32a", Gray, X1, &[I(&[(A, U16BE), (GRAY, U16BE)])]),
    spec(b"b16g", Gray, X1, &[I(&[(GRAY, U16BE)])]),
    // 10:10:10 RGB, big-endian words.
    spec(b"R10k", Rgb, X1, &[word32(true, R10K)]),
    spec(b"r210", Rgb, X1, &[word32(true, RGB_LOW30)]),
    // Chunky Y'CbCr.
    spec(b"2vuy", YCbCr, C422, &[UYVY_8]),
    spec(b"v408", YCbCr, X1, &[I(&[(CB, U8), (Y, U8), (CR, U8), (A, U8)])]),
    // Decision: zero-biased chroma is two's complement (TN2162's "rendering"
    // form), so Cb/Cr unpack to −128…127; Y' and alpha are unsigned.
    spec(b"r408", YCbCr, X1, &[I(&[(A, U8), (Y, U8), (CB, S8), (CR, S8)])]),
    spec(b"y408", YCbCr, X1, &[I(&[(A, U8), (Y, U8), (CB, U8), (CR, U8)])]),
    spec(b"y416", YCbCr, X1, &[I(&[(A, U16LE), (Y, U16LE), (CB, U16LE), (CR, U16LE)])]),
    spec(b"r4fl", YCbCr, X1, &[I(&[(A, F32), (Y, F32), (CB, F32), (CR, F32)])]),
    spec(b"v308", YCbCr, X1, &[I(&[(CR, U8), (Y, U8), (CB, U8)])]),
    spec(b"v216", YCbCr, C422, &[PlaneCodec::Pairs422 { sample: U16LE, order: [Pos::Cb, Pos::Y0, Pos::Cr, Pos::Y1] }]),
    spec(b"v210", YCbCr, C422, &[PlaneCodec::V210]),
    spec(b"v410", YCbCr, X1, &[word32(false, V410)]),
    // Planar and bi-planar 8-bit Y'CbCr.
    spec(b"y420", YCbCr, C420, &[Y_8, CB_8, CR_8]),
    spec(b"f420", YCbCr, C420, &[Y_8, CB_8, CR_8]),
    spec(b"a2vy", YCbCr, C422, &[UYVY_8, A_8]),
    spec(b"420v", YCbCr, C420, &[Y_8, CBCR_8]),
    spec(b"420f", YCbCr, C420, &[Y_8, CBCR_8]),
    spec(b"422v", YCbCr, C422, &[Y_8, CBCR_8]),
    spec(b"422f", YCbCr, C422, &[Y_8, CBCR_8]),
    spec(b"444v", YCbCr, X1, &[Y_8, CBCR_8]),
    spec(b"444f", YCbCr, X1, &[Y_8, CBCR_8]),
    spec(b"yuvs", YCbCr, C422, &[YUYV_8]),
    spec(b"yuvf", YCbCr, C422, &[YUYV_8]),
    // Generic components.
    spec(b"L008", Gray, X1, &[I(&[(GRAY, U8)])]),
    spec(b"2C08", TwoComponent, X1, &[I(&[(C0, U8), (C1, U8)])]),
    // Little-endian 10-bit RGB; XR range for the wide-gamut ones.
    spec(b"w30r", Rgb, X1, &[word32(false, RGB_LOW30)]),
    spec(b"l10r", Rgb, X1, &[word32(false, ARGB2101010)]),
    spec(b"w40a", Rgb, X1, &[I(&[(A, U10LE), (R, U10LE), (G, U10LE), (B, U10LE)])]),
    spec(b"w40m", Rgb, X1, &[I(&[(A, U10LE), (R, U10LE), (G, U10LE), (B, U10LE)])]),
    spec(b"L010", Gray, X1, &[I(&[(GRAY, U10LE)])]),
    spec(b"L012", Gray, X1, &[I(&[(GRAY, U12LE)])]),
    spec(b"L016", Gray, X1, &[I(&[(GRAY, U16LE)])]),
    spec(b"2C16", TwoComponent, X1, &[I(&[(C0, U16LE), (C1, U16LE)])]),
    spec(b"L00h", Gray, X1, &[I(&[(GRAY, F16)])]),
    spec(b"L00f", Gray, X1, &[I(&[(GRAY, F32)])]),
    spec(b"2C0h", TwoComponent, X1, &[I(&[(C0, F16), (C1, F16)])]),
    spec(b"2C0f", TwoComponent, X1, &[I(&[(C0, F32), (C1, F32)])]),
    spec(b"RGhA", Rgb, X1, &[I(&[(R, F16), (G, F16), (B, F16), (A, F16)])]),
    spec(b"RGfA", Rgb, X1, &[I(&[(R, F32), (G, F32), (B, F32), (A, F32)])]),
    // 10-bit bi-planar Y'CbCr (`value << 6` in little-endian words).
    spec(b"x420", YCbCr, C420, &[Y_10, CBCR_10]),
    spec(b"x422", YCbCr, C422, &[Y_10, CBCR_10]),
    spec(b"x444", YCbCr, X1, &[Y_10, CBCR_10]),
    spec(b"xf20", YCbCr, C420, &[Y_10, CBCR_10]),
    spec(b"xf22", YCbCr, C422, &[Y_10, CBCR_10]),
    spec(b"xf44", YCbCr, X1, &[Y_10, CBCR_10]),
    spec(b"v0a8", YCbCr, C420, &[Y_8, CBCR_8, A_8]),
    // 16-bit bi- and tri-planar Y'CbCr.
    spec(b"sv22", YCbCr, C422, &[Y_16, CBCR_16]),
    spec(b"sv44", YCbCr, X1, &[Y_16, CBCR_16]),
    spec(b"s4as", YCbCr, X1, &[Y_16, CBCR_16, A_16]),
    // Decision (format table): plane 0 is w30r's word, plane 1 8-bit alpha.
    spec(b"b3a8", Rgb, X1, &[word32(false, RGB_LOW30), A_8]),
];

/// Layouts that vImage's CG formats use and no CoreVideo format has
/// (`core::vimage::layouts` holds their `PixelFormat`s, which are not in
/// the format table). Their codes have a zero top byte and are above the
/// QuickDraw numbers, so no 4CC or table code can collide.
#[rustfmt::skip]
pub(crate) static VIMAGE_SPECS: [Spec; 4] = [
    // RGBFFF, host-endian floats.
    numeric(0x0076_0001, Rgb, &[I(&[(R, F32), (G, F32), (B, F32)])]),
    // ARGBFFFF, host-endian floats.
    numeric(0x0076_0002, Rgb, &[I(&[(A, F32), (R, F32), (G, F32), (B, F32)])]),
    // ARGB16U, host-endian.
    numeric(0x0076_0003, Rgb, &[I(&[(A, U16LE), (R, U16LE), (G, U16LE), (B, U16LE)])]),
    // RGB16U, host-endian.
    numeric(0x0076_0004, Rgb, &[I(&[(R, U16LE), (G, U16LE), (B, U16LE)])]),
];

/// The layout of `code`, if the converter supports it.
pub(crate) fn find(code: u32) -> Option<&'static Spec> {
    SPECS.iter().chain(&VIMAGE_SPECS).find(|s| s.code == code)
}
