//! `vImage_CGImageFormat` as the core sees it: validation of the
//! bits/bitmap-info combination, and the pixel format of the format table
//! that stores exactly the same bytes (its "CV twin"), which is how CG
//! buffers go through `core::convert`.
//!
//! Decisions (README behaviour table, "vImage CG formats"):
//! - `version` must be 0; bits outside the alpha, float, byte-order and
//!   pixel-format fields of `bitmapInfo` are invalid; the float field may
//!   only hold `kCGBitmapFloatComponents`, and float components are 16 or
//!   32 bits.
//! - A 16-bit byte order needs a pixel size that is a multiple of 16 bits,
//!   a 32-bit order one that is a multiple of 32; `bitsPerPixel` must hold
//!   every channel.
//! - For components wider than 8 bits the default byte order means host
//!   order (little-endian on every target pixelport builds for), as
//!   vImage_Utilities.h requires of multi-byte data without an explicit
//!   order. For 8-bit components a `…32Little` order reverses the bytes of
//!   the whole pixel (that is how BGRA is spelled).
//! - Layouts whose bytes equal a format of the table convert as that
//!   format; float RGB (96 bpp), float ARGB and host-endian 16-bit ARGB/RGB
//!   convert through the vImage-only layouts of [`super::layouts`]. The
//!   rest (10-bit packed, CMYK, Lab, 1–4-bit gray, 8-bit gray+alpha, …)
//!   are valid formats that converters refuse with
//!   `kvImageUnsupportedConversion`.

use crate::core::pixel_format::{PixelFormat, fourcc};

/// The colour model of a CG format's colour space, as far as conversion
/// cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpaceModel {
    Rgb,
    Gray,
    /// Any other model (CMYK, Lab, XYZ), with its component count.
    Other(u32),
}

impl SpaceModel {
    pub fn components(self) -> u32 {
        match self {
            SpaceModel::Rgb => 3,
            SpaceModel::Gray => 1,
            SpaceModel::Other(n) => n,
        }
    }
}

/// What the alpha field of `CGBitmapInfo` says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CgAlpha {
    /// No alpha channel.
    None,
    /// Straight alpha.
    Straight,
    /// Colour premultiplied by alpha.
    Premultiplied,
    /// A padding channel where alpha would be (`NoneSkipFirst/Last`):
    /// ignored when read, written as opaque.
    Skip,
    /// `kCGImageAlphaOnly`: the only channel is alpha.
    Only,
}

/// The byte-order field of `CGBitmapInfo`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ByteOrder {
    Default,
    Little16,
    Little32,
    Big16,
    Big32,
}

/// Every code [`CgLayout::pixel_format`] can return: the CV formats a
/// `vImage_CGImageFormat` can describe (their buffer order is `CGFormat`).
pub const TWIN_CODES: [u32; 20] = [
    0x20,
    fourcc(b"BGRA"),
    fourcc(b"RGBA"),
    fourcc(b"ABGR"),
    0x18,
    fourcc(b"b64a"),
    fourcc(b"l64r"),
    fourcc(b"b48r"),
    0x10,
    fourcc(b"L555"),
    fourcc(b"L565"),
    fourcc(b"B565"),
    fourcc(b"RGhA"),
    fourcc(b"RGfA"),
    fourcc(b"L008"),
    fourcc(b"L016"),
    fourcc(b"b16g"),
    fourcc(b"b32a"),
    fourcc(b"L00h"),
    fourcc(b"L00f"),
];

/// A validated CG layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CgLayout {
    pub bits_per_component: u32,
    pub bits_per_pixel: u32,
    pub model: SpaceModel,
    pub alpha: CgAlpha,
    /// Alpha (or padding) before the colour channels.
    pub alpha_first: bool,
    pub float: bool,
    pub byte_order: ByteOrder,
    /// The pixel-format field (`kCGImagePixelFormat…`, shifted down).
    pub packing: u32,
}

const ALPHA_MASK: u32 = 0x1F;
const FLOAT_MASK: u32 = 0xF00;
const FLOAT_COMPONENTS: u32 = 0x100;
const ORDER_MASK: u32 = 0x7000;
const PIXEL_FORMAT_MASK: u32 = 0xF_0000;

/// The component sizes vImage_Utilities.h lists.
const COMPONENT_BITS: [u32; 9] = [1, 2, 4, 5, 8, 10, 12, 16, 32];

/// Why a CG format is refused (always `kvImageInvalidImageFormat`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid vImage_CGImageFormat")]
pub struct InvalidCgFormat;

impl CgLayout {
    /// Validates the fields of a `vImage_CGImageFormat` (module docs).
    pub fn parse(
        bits_per_component: u32,
        bits_per_pixel: u32,
        bitmap_info: u32,
        version: u32,
        model: SpaceModel,
    ) -> Result<CgLayout, InvalidCgFormat> {
        if version != 0
            || bitmap_info & !(ALPHA_MASK | FLOAT_MASK | ORDER_MASK | PIXEL_FORMAT_MASK) != 0
            || !COMPONENT_BITS.contains(&bits_per_component)
        {
            return Err(InvalidCgFormat);
        }
        let float = match bitmap_info & FLOAT_MASK {
            0 => false,
            FLOAT_COMPONENTS => true,
            _ => return Err(InvalidCgFormat),
        };
        if float && !matches!(bits_per_component, 16 | 32) {
            return Err(InvalidCgFormat);
        }
        let (alpha, alpha_first) = match bitmap_info & ALPHA_MASK {
            0 => (CgAlpha::None, false),
            1 => (CgAlpha::Premultiplied, false),
            2 => (CgAlpha::Premultiplied, true),
            3 => (CgAlpha::Straight, false),
            4 => (CgAlpha::Straight, true),
            5 => (CgAlpha::Skip, false),
            6 => (CgAlpha::Skip, true),
            7 => (CgAlpha::Only, false),
            _ => return Err(InvalidCgFormat),
        };
        let byte_order = match (bitmap_info & ORDER_MASK) >> 12 {
            0 => ByteOrder::Default,
            1 => ByteOrder::Little16,
            2 => ByteOrder::Little32,
            3 => ByteOrder::Big16,
            4 => ByteOrder::Big32,
            _ => return Err(InvalidCgFormat),
        };
        let packing = (bitmap_info & PIXEL_FORMAT_MASK) >> 16;
        if packing > 4 {
            return Err(InvalidCgFormat);
        }
        let layout = CgLayout {
            bits_per_component,
            bits_per_pixel,
            model,
            alpha,
            alpha_first,
            float,
            byte_order,
            packing,
        };
        let needed = bits_per_component
            .checked_mul(layout.channels())
            .ok_or(InvalidCgFormat)?;
        if bits_per_pixel == 0 || bits_per_pixel < needed {
            return Err(InvalidCgFormat);
        }
        let word = match byte_order {
            ByteOrder::Default => 1,
            ByteOrder::Little16 | ByteOrder::Big16 => 16,
            ByteOrder::Little32 | ByteOrder::Big32 => 32,
        };
        if bits_per_pixel % word != 0 {
            return Err(InvalidCgFormat);
        }
        Ok(layout)
    }

    /// Channels per pixel, alpha (or padding) included
    /// (`vImageCGImageFormat_GetComponentCount`).
    pub fn channels(&self) -> u32 {
        match self.alpha {
            CgAlpha::Only => 1,
            CgAlpha::None => self.model.components(),
            _ => self.model.components() + 1,
        }
    }

    /// Whether the alpha channel carries alpha (not padding, not absent).
    pub fn has_alpha(&self) -> bool {
        matches!(self.alpha, CgAlpha::Straight | CgAlpha::Premultiplied)
    }

    /// The format of the table that stores the same bytes, if any (module
    /// docs); `None` = valid but not convertible.
    pub fn pixel_format(&self) -> Option<&'static PixelFormat> {
        use ByteOrder::*;
        let (bpc, bpp) = (self.bits_per_component, self.bits_per_pixel);
        let little = |o: ByteOrder| matches!(o, Default | Little16 | Little32);
        let big = |o: ByteOrder| matches!(o, Big16 | Big32);
        let alpha = !matches!(self.alpha, CgAlpha::None | CgAlpha::Only);
        let o = self.byte_order;
        if self.packing != 0 || self.alpha == CgAlpha::Only {
            return None;
        }
        let code = match (self.model, self.float, bpc, bpp, alpha) {
            (SpaceModel::Rgb, false, 8, 32, true) => match (self.alpha_first, o) {
                (true, Default | Big32) => 0x20,
                (true, Little32) => fourcc(b"BGRA"),
                (false, Default | Big32) => fourcc(b"RGBA"),
                (false, Little32) => fourcc(b"ABGR"),
                _ => return None,
            },
            (SpaceModel::Rgb, false, 8, 24, false) if o == Default => 0x18,
            (SpaceModel::Rgb, false, 16, 64, true) => match (self.alpha_first, o) {
                (true, Big16) => fourcc(b"b64a"),
                (true, o) if little(o) && o != Little32 => {
                    return Some(&super::layouts::ARGB_16U);
                }
                (false, o) if little(o) && o != Little32 => fourcc(b"l64r"),
                _ => return None,
            },
            (SpaceModel::Rgb, false, 16, 48, false) if o == Big16 => fourcc(b"b48r"),
            (SpaceModel::Rgb, false, 5, 16, a) => match (a, self.alpha_first, o) {
                (true, true, Big16) if self.alpha == CgAlpha::Skip => 0x10,
                (true, true, Little16) if self.alpha == CgAlpha::Skip => fourcc(b"L555"),
                (false, _, Little16) => fourcc(b"L565"),
                (false, _, Big16) => fourcc(b"B565"),
                _ => return None,
            },
            (SpaceModel::Rgb, true, 16, 64, true) if !self.alpha_first && little(o) => {
                fourcc(b"RGhA")
            }
            (SpaceModel::Rgb, true, 32, 128, true) if !self.alpha_first && little(o) => {
                fourcc(b"RGfA")
            }
            (SpaceModel::Rgb, true, 32, 128, true) if little(o) => {
                return Some(&super::layouts::ARGB_FFFF);
            }
            (SpaceModel::Rgb, true, 32, 96, false) if little(o) => {
                return Some(&super::layouts::RGB_FFF);
            }
            (SpaceModel::Rgb, false, 16, 48, false) if little(o) && o != Little32 => {
                return Some(&super::layouts::RGB_16U);
            }
            (SpaceModel::Gray, false, 8, 8, false) => fourcc(b"L008"),
            (SpaceModel::Gray, false, 16, 16, false) if little(o) => fourcc(b"L016"),
            (SpaceModel::Gray, false, 16, 16, false) if big(o) => fourcc(b"b16g"),
            (SpaceModel::Gray, false, 16, 32, true) if self.alpha_first && o == Big16 => {
                fourcc(b"b32a")
            }
            (SpaceModel::Gray, true, 16, 16, false) if little(o) => fourcc(b"L00h"),
            (SpaceModel::Gray, true, 32, 32, false) if little(o) => fourcc(b"L00f"),
            _ => return None,
        };
        PixelFormat::find_builtin(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(bpc: u32, bpp: u32, info: u32) -> Result<CgLayout, InvalidCgFormat> {
        CgLayout::parse(bpc, bpp, info, 0, SpaceModel::Rgb)
    }

    fn twin(bpc: u32, bpp: u32, info: u32) -> Option<u32> {
        layout(bpc, bpp, info)
            .unwrap()
            .pixel_format()
            .map(|f| f.code)
    }

    #[test]
    fn documented_encodings_map_to_their_twins() {
        assert_eq!(twin(8, 32, 2), Some(0x20)); // PremultipliedFirst
        assert_eq!(twin(8, 32, 6), Some(0x20)); // NoneSkipFirst
        assert_eq!(twin(8, 32, 2 | 0x2000), Some(fourcc(b"BGRA")));
        assert_eq!(twin(8, 32, 5), Some(fourcc(b"RGBA"))); // NoneSkipLast
        assert_eq!(twin(8, 32, 3 | 0x2000), Some(fourcc(b"ABGR")));
        assert_eq!(twin(8, 24, 0), Some(0x18));
        assert_eq!(twin(16, 64, 3 | 0x100 | 0x1000), Some(fourcc(b"RGhA")));
        assert_eq!(twin(32, 128, 1 | 0x100 | 0x2000), Some(fourcc(b"RGfA")));
        assert_eq!(twin(16, 64, 4 | 0x3000), Some(fourcc(b"b64a")));
        assert_eq!(twin(5, 16, 0x1000), Some(fourcc(b"L565")));
        // Float ARGB and 96-bit float RGB have vImage-only layouts.
        assert_eq!(twin(32, 128, 4 | 0x100 | 0x2000), Some(0x0076_0002));
        assert_eq!(twin(32, 96, 0x100 | 0x2000), Some(0x0076_0001));
        assert_eq!(twin(32, 96, 0x100 | 0x3000), None); // 16Big on floats
        let gray = CgLayout::parse(8, 8, 0, 0, SpaceModel::Gray).unwrap();
        assert_eq!(gray.pixel_format().map(|f| f.code), Some(fourcc(b"L008")));
    }

    #[test]
    fn invalid_combinations_are_refused() {
        assert!(CgLayout::parse(8, 32, 2, 1, SpaceModel::Rgb).is_err()); // version
        assert!(layout(8, 24, 2).is_err()); // 4 channels in 24 bits
        assert!(layout(8, 32, 2 | 0x200).is_err()); // unknown float bit
        assert!(layout(8, 32, 8).is_err()); // alpha info 8
        assert!(layout(8, 32, 0x5000).is_err()); // byte order 5
        assert!(layout(8, 32, 2 | 0x100).is_err()); // 8-bit float
        assert!(layout(3, 32, 2).is_err()); // 3 bits per component
        assert!(layout(8, 24, 0x2000).is_err()); // 32-bit order, 24-bit pixel
        assert!(layout(8, 32, 2 | 0x10_0000).is_err()); // unknown high bit
        assert_eq!(layout(8, 32, 2).unwrap().channels(), 4);
    }
}
