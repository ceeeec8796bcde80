//! Format I/O for the converter: unpack the rows of any supported pixel
//! format into [`IntermediateRow`]s of code values, and pack them back.
//!
//! # The intermediate representation
//!
//! One image row is four planar `f32` channels in the source format's own
//! colour model ([`ColorModel`]: R,G,B,A / Y',Cb,Cr,A / gray,–,–,A / two
//! generic components). Values are **code values** in the format's own
//! scale, never normalised: 8-bit samples are 0…255, `'x420'` luma is the
//! 10-bit code 0…1023 (the stored word shifted down by 6), 16-bit samples
//! 0…65535, 5-6-5 fields 0…31/0…63, XR formats their 10-bit codes, half and
//! single floats their value. Every such code is exact in an `f32`. Chroma
//! channels have the format's own (subsampled) width, `ceil(width / h)`.
//! Range, matrix and chroma siting belong to the colour stage; what it needs
//! to interpret the codes — colour model, bits and signedness per channel,
//! coding ([`Coding`]: video/full/XR/zero-biased/float), chroma
//! subsampling, alpha presence and premultiplication — is in
//! [`FormatInfo`]. Endianness and bit placement never leave this module.
//!
//! # Kernels and driver
//!
//! [`RowCodec`] picks a format's row kernels once (`unpack`, `pack`; the
//! free functions [`unpack_row`]/[`pack_row`] look the format up per call).
//! A kernel sees the bytes of one row of each plane. [`read_frame`] and
//! [`write_frame`] are the plane driver: they validate a frame's geometry
//! and map image rows to plane rows ([`plane_row`]; 4:2:0 chroma row =
//! `y / 2`, written by the even row of each pair — see `frame`'s docs).
//! [`FrameReader`] / [`FrameWriter`] are the same driver with random row
//! access, for pipelines that need a window of rows.
//!
//! # Decisions (Apple documents none of these)
//!
//! - Packing rounds to the nearest code, ties away from zero (511.5 → 512),
//!   clamps to the channel's code range, and maps NaN to 0. Floats are
//!   stored as given; half floats round to nearest even (overflow → ±Inf).
//! - Unpacking ignores padding bits (the low 6 bits of `'x420'` words, the
//!   unused top bit of 5-5-5 words, …); packing writes them as 0.
//! - Samples that belong to no image pixel — the second luma of the last
//!   pair of an odd-width 4:2:2 packed row (`'2vuy'`, `'yuvs'`, `'v216'`,
//!   `'a2vy'`), and the padding samples of a partial `'v210'` group — are
//!   written as 0 and ignored when reading. A row is written only up to its
//!   last whole block: `'v210'`'s 48-pixel group padding and any stride
//!   padding are left untouched.
//! - `'16LE5551'`: R in bits 11–15, G 6–10, B 1–5, alpha in bit 0 of the
//!   little-endian word (the order the name reads, as OpenGL's 5_5_5_1).
//! - `'w30r'`, `'l10r'`, `'b3a8'` plane 0: B in bits 0–9, G 10–19, R 20–29;
//!   bits 30–31 are `'l10r'`'s 2-bit alpha and unused otherwise (the fact
//!   sheet's "likely" BGR10 order). `'r210'` uses the same bit positions in
//!   a big-endian word; `'R10k'` has R in bits 22–31, G 12–21, B 2–11.
//! - `'r408'`: Cb and Cr are two's complement (−128…127); Y' and alpha
//!   unsigned.
//! - `'b32a'` stores alpha before gray (by the name "AlphaGray").
//! - Opaque alpha (packing a row without alpha): the largest code, 1.0 for
//!   float alpha, and 894 (= 384 + 510, `Coding::XR_ONE`) for `'w40a'`/`'w40m'`.
//! - `'OneComponent*'` formats use the gray model; the two-component
//!   formats have no alpha.
//! - Signalling NaNs in half floats come back quiet (IEEE conversion, as
//!   vImage); single floats pass through bit for bit.
//! - Unsupported (indexed, 1-bit, Bayer, `'bp64'`, depth/disparity,
//!   compressed): [`ConvertError::Unsupported`].

mod codec;
mod frame;
mod info;
mod kernels;
pub mod row;
mod spec;

#[cfg(test)]
mod tests;

pub use codec::{RowCodec, pack_row, unpack_row};
pub use frame::{
    DestPlane, FrameReader, FrameWriter, PlaneRow, SourcePlane, plane_row, read_frame, write_frame,
};
pub use info::{Coding, FormatInfo};
pub use row::{ColorModel, IntermediateRow};

use crate::core::pixel_format::GeometryError;

/// Why a row or frame cannot be converted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    /// The format exists but the converter does not read or write it (or
    /// the code is no CoreVideo format at all). The VideoToolbox shim maps
    /// this to `kVTPixelTransferNotSupportedErr`.
    #[error("pixel format {0:#010x} is not supported by the converter")]
    Unsupported(u32),
    /// Frame geometry (strides, sizes) rejected by `core::pixel_format`.
    #[error(transparent)]
    Geometry(#[from] GeometryError),
    #[error("{given} planes given, the format has {expected}")]
    PlaneCount { expected: usize, given: usize },
    #[error("plane {plane}: {given} bytes of memory, at least {needed} needed")]
    PlaneTooSmall {
        plane: usize,
        needed: usize,
        given: usize,
    },
    #[error("plane {plane}: a row of {given} bytes, at least {needed} needed")]
    RowTooShort {
        plane: usize,
        needed: usize,
        given: usize,
    },
    /// The intermediate row's model, width or chroma width does not match
    /// the format being packed.
    #[error("intermediate row does not match the destination format")]
    RowShape,
    /// Both formats are supported but not this pairing (the generic
    /// two-component formats convert only among themselves). The shim maps
    /// this to `kVTPixelTransferNotSupportedErr`.
    #[error("no conversion from pixel format {from:#010x} to {to:#010x}")]
    UnsupportedPair { from: u32, to: u32 },
    /// Colour matching is required (a destination colour property differs
    /// from the source's tags) but the source lacks a tag it needs. The
    /// shim maps this to `kVTInsufficientSourceColorDataErr` (-12917).
    #[error("colour matching needs colour tags the source does not carry")]
    InsufficientSourceColorData,
    /// A `convert::Placement` whose rectangles are empty, not finite, outside
    /// their frames or off the destination's chroma grid.
    #[error("placement rectangles outside their frames or off the chroma grid")]
    BadPlacement,
    /// Working memory for the row pipeline could not be allocated.
    #[error("out of memory for the conversion's row buffers")]
    OutOfMemory,
}
