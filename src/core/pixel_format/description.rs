//! The facts behind `CVPixelFormatDescriptionCreateWithPixelFormatType`'s
//! dictionary (CVPixelFormatDescription.h), as plain Rust data. The shim
//! turns a [`FormatDescription`] into CF objects.
//!
//! Only keys the table can answer are covered. Not produced: `CodecType`,
//! `FourCC` (Microsoft equivalents), the OpenGL/CGBitmapInfo/compatibility
//! keys (no OpenGL or CoreGraphics here) and `BlackBlock` (a colour fact,
//! left to the colour tables).

use super::{Alpha, Family, PixelFormat, Range};

/// `kCVPixelFormatComponentRange` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ComponentRange {
    Video,
    Full,
    Wide,
}

impl ComponentRange {
    /// The string CoreVideo uses (`kCVPixelFormatComponentRange_VideoRange` …).
    pub const fn as_str(self) -> &'static str {
        match self {
            ComponentRange::Video => "VideoRange",
            ComponentRange::Full => "FullRange",
            ComponentRange::Wide => "WideRange",
        }
    }
}

/// Per-plane keys. For chunky formats CoreVideo puts them at the top level
/// of the dictionary instead of in a `Planes` array.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PlaneDescription {
    /// `kCVPixelFormatBitsPerBlock`.
    pub bits_per_block: u32,
    /// `kCVPixelFormatBlockWidth`.
    pub block_width: u32,
    /// `kCVPixelFormatBlockHeight`: 1 for every format CoreVideo defines.
    pub block_height: u32,
    /// `kCVPixelFormatBlockHorizontalAlignment`.
    pub block_horizontal_alignment: u32,
    /// `kCVPixelFormatBlockVerticalAlignment`: always 1.
    pub block_vertical_alignment: u32,
    /// `kCVPixelFormatHorizontalSubsampling`.
    pub horizontal_subsampling: u32,
    /// `kCVPixelFormatVerticalSubsampling`.
    pub vertical_subsampling: u32,
}

/// Everything a pixel-format description dictionary says about one format.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FormatDescription {
    /// `kCVPixelFormatConstant`.
    pub code: u32,
    /// `kCVPixelFormatName`: the constant's name without the
    /// `kCVPixelFormatType_` prefix (`"420YpCbCr8BiPlanarVideoRange"`).
    pub name: &'static str,
    /// Whether `planes` goes into a `kCVPixelFormatPlanes` array.
    pub planar: bool,
    pub planes: Vec<PlaneDescription>,
    /// `kCVPixelFormatBitsPerComponent`.
    pub bits_per_component: u32,
    /// `kCVPixelFormatContainsAlpha`.
    pub contains_alpha: bool,
    /// `kCVPixelFormatContainsRGB`.
    pub contains_rgb: bool,
    /// `kCVPixelFormatContainsYCbCr`.
    pub contains_ycbcr: bool,
    /// `kCVPixelFormatContainsGrayscale`.
    pub contains_grayscale: bool,
    /// `kCVPixelFormatContainsSenselArray`.
    pub contains_sensel_array: bool,
    /// `kCVPixelFormatComponentRange`, when the format has one of the three.
    pub component_range: Option<ComponentRange>,
    /// Whether `CVPixelBufferFillExtendedPixels` can replicate edges without
    /// a registered `kCVPixelFormatFillExtendedPixelsCallback`: every plane
    /// has byte-addressable samples, or 2-sample blocks of whole-byte
    /// components (`'2vuy'`, `'v216'`); not for sub-byte, `'v210'` or
    /// bit-packed layouts.
    pub fill_extended_pixels: bool,
}

impl PixelFormat {
    /// The description, or `None` for device-compressed formats, which
    /// pixelport cannot create (`CVIsCompressedPixelFormatAvailable` is false).
    pub fn description(&self) -> Option<FormatDescription> {
        if self.is_compressed() {
            return None;
        }
        let planes = self
            .planes()
            .iter()
            .map(|p| PlaneDescription {
                bits_per_block: u32::from(p.bytes_per_block) * 8,
                block_width: u32::from(p.block_width),
                block_height: 1,
                block_horizontal_alignment: u32::from(p.block_alignment),
                block_vertical_alignment: 1,
                horizontal_subsampling: u32::from(p.h_subsampling),
                vertical_subsampling: u32::from(p.v_subsampling),
            })
            .collect();
        let fill_extended_pixels = self
            .planes()
            .iter()
            .all(|p| p.block_width == 1 || matches!(p.storage, super::Storage::Container { .. }));
        Some(FormatDescription {
            code: self.code,
            name: self.short_name(),
            planar: self.is_planar(),
            planes,
            bits_per_component: u32::from(self.bits_per_component),
            contains_alpha: !matches!(self.alpha, Alpha::None),
            contains_rgb: matches!(self.family, Family::Rgb | Family::RawRgba),
            contains_ycbcr: self.family == Family::YCbCr,
            contains_grayscale: matches!(
                self.family,
                Family::Gray | Family::IndexedGray | Family::OneComponent
            ),
            contains_sensel_array: self.family == Family::Bayer,
            component_range: match self.range {
                Some(Range::Video) => Some(ComponentRange::Video),
                Some(Range::Full) => Some(ComponentRange::Full),
                Some(Range::Wide) => Some(ComponentRange::Wide),
                Some(Range::ZeroBiased | Range::Sensor) | None => None,
            },
            fill_extended_pixels,
        })
    }
}

/// The codes `CVPixelFormatDescriptionArrayCreateWithAllPixelFormatTypes`
/// lists: every format with a description, in header order.
pub fn describable_codes() -> impl Iterator<Item = u32> {
    PixelFormat::all()
        .iter()
        .filter(|f| !f.is_compressed())
        .map(|f| f.code)
}

#[cfg(test)]
mod tests {
    use super::super::fourcc;
    use super::*;

    fn describe(code: &[u8; 4]) -> FormatDescription {
        PixelFormat::find(fourcc(code))
            .unwrap()
            .description()
            .unwrap()
    }

    #[test]
    fn header_examples() {
        // CVPixelFormatDescription.h: BGRA 32 bits per block; 2vuy 32 bits
        // per 2-pixel block; v210 128 bits per 6 pixels, 8-block rows; L008 8.
        let bgra = describe(b"BGRA");
        assert_eq!(
            (bgra.planes[0].bits_per_block, bgra.planes[0].block_width),
            (32, 1)
        );
        assert!(bgra.contains_alpha && bgra.contains_rgb && !bgra.planar);
        let uyvy = describe(b"2vuy");
        assert_eq!(
            (uyvy.planes[0].bits_per_block, uyvy.planes[0].block_width),
            (32, 2)
        );
        assert!(uyvy.contains_ycbcr && uyvy.fill_extended_pixels);
        assert_eq!(uyvy.component_range, Some(ComponentRange::Video));
        let v210 = describe(b"v210");
        let p = v210.planes[0];
        assert_eq!(
            (
                p.bits_per_block,
                p.block_width,
                p.block_horizontal_alignment
            ),
            (128, 6, 8)
        );
        assert!(!v210.fill_extended_pixels);
        assert_eq!(describe(b"L008").planes[0].bits_per_block, 8);
        assert!(describe(b"L008").contains_grayscale);
        let mono = PixelFormat::find(1).unwrap().description().unwrap();
        assert_eq!(
            (mono.planes[0].bits_per_block, mono.planes[0].block_width),
            (8, 8)
        );
    }

    #[test]
    fn planar_descriptions() {
        let nv12 = describe(b"420f");
        assert!(nv12.planar);
        assert_eq!(nv12.planes.len(), 2);
        assert_eq!(nv12.planes[1].bits_per_block, 16);
        assert_eq!(
            (
                nv12.planes[1].horizontal_subsampling,
                nv12.planes[1].vertical_subsampling
            ),
            (2, 2)
        );
        assert_eq!(nv12.component_range, Some(ComponentRange::Full));
        assert_eq!(nv12.name, "420YpCbCr8BiPlanarFullRange");
        let bayer = describe(b"rgg4");
        assert!(bayer.contains_sensel_array && !bayer.contains_rgb);
        assert_eq!(bayer.bits_per_component, 14);
        assert_eq!(
            describe(b"w30r").component_range,
            Some(ComponentRange::Wide)
        );
        assert_eq!(ComponentRange::Wide.as_str(), "WideRange");
    }

    #[test]
    fn compressed_formats_have_no_description() {
        for f in PixelFormat::all() {
            assert_eq!(f.description().is_none(), f.is_compressed(), "{}", f.name);
        }
        assert_eq!(describable_codes().count(), 85);
    }
}
