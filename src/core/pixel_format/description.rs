//! The facts behind `CVPixelFormatDescriptionCreateWithPixelFormatType`'s
//! dictionary (CVPixelFormatDescription.h), as plain Rust data. The shim
//! turns a [`FormatDescription`] into CF objects.
//!
//! Decisions (Apple documents the keys, not their values; see
//! `docs/pixel-formats.md`):
//! - `CodecType`: `'raw '` for the QuickDraw-era formats (QuickTime stores
//!   them with its raw codec at depths 1–32 and gray 33–40), the format code
//!   itself for the formats that are QuickTime codec types
//!   (`ImageCompression.h`: `'2vuy'`, `'yuvs'`, `'v308'` …); absent otherwise.
//! - `FourCC` (the Microsoft equivalent): only where a Microsoft FourCC names
//!   the same memory layout; range does not count (`'420v'` and `'420f'`
//!   are both `'NV12'`).
//! - `CGBitmapInfo`: for the RGB formats CoreGraphics can describe exactly;
//!   alpha is straight (`kCGImageAlphaFirst`/`Last`), as CoreVideo reports
//!   for `'BGRA'` (8196). `CGImageCompatibility` accompanies it;
//!   `CGBitmapContextCompatibility` only for the four 8-bit 32-bit RGB
//!   orders. Both keys are absent (not false) elsewhere, as in CoreVideo's
//!   own descriptions.
//! - Not produced: `QDCompatibility` (no QuickDraw) and the OpenGL keys (no
//!   OpenGL), nor `FillExtendedPixelsCallback` for built-in formats
//!   (pixelport fills them itself).

use super::black::black_blocks;
use super::{Alpha, Family, PixelFormat, Range, fourcc, registry};

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

    /// The range named by `s`, if it is one of the three.
    pub fn from_name(s: &str) -> Option<ComponentRange> {
        [
            ComponentRange::Video,
            ComponentRange::Full,
            ComponentRange::Wide,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

/// Per-plane keys. For chunky formats CoreVideo puts them at the top level
/// of the dictionary instead of in a `Planes` array.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PlaneDescription {
    /// `kCVPixelFormatBitsPerBlock`.
    pub bits_per_block: u32,
    /// `kCVPixelFormatBlockWidth`.
    pub block_width: u32,
    /// `kCVPixelFormatBlockHeight`: 1 for every format pixelport supports.
    pub block_height: u32,
    /// `kCVPixelFormatBlockHorizontalAlignment`.
    pub block_horizontal_alignment: u32,
    /// `kCVPixelFormatBlockVerticalAlignment`: always 1.
    pub block_vertical_alignment: u32,
    /// `kCVPixelFormatHorizontalSubsampling`.
    pub horizontal_subsampling: u32,
    /// `kCVPixelFormatVerticalSubsampling`.
    pub vertical_subsampling: u32,
    /// `kCVPixelFormatBlackBlock` (see [`super::black`]).
    pub black_block: Vec<u8>,
}

/// Everything a pixel-format description dictionary says about one format.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FormatDescription {
    /// `kCVPixelFormatConstant`.
    pub code: u32,
    /// `kCVPixelFormatName`: the constant's name without the
    /// `kCVPixelFormatType_` prefix (`"420YpCbCr8BiPlanarVideoRange"`); a
    /// registered format's own name.
    pub name: &'static str,
    /// `kCVPixelFormatCodecType`.
    pub codec_type: Option<u32>,
    /// `kCVPixelFormatFourCC`: the Microsoft equivalent.
    pub fourcc: Option<u32>,
    /// Whether `planes` goes into a `kCVPixelFormatPlanes` array.
    pub planar: bool,
    pub planes: Vec<PlaneDescription>,
    /// `kCVPixelFormatBitsPerComponent`; `None` for a registered format
    /// that did not state it.
    pub bits_per_component: Option<u32>,
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
    /// `kCVPixelFormatCGBitmapInfo`.
    pub cg_bitmap_info: Option<u32>,
    /// `kCVPixelFormatCGImageCompatibility` (true, or absent).
    pub cg_image_compatible: bool,
    /// `kCVPixelFormatCGBitmapContextCompatibility` (true, or absent).
    pub cg_bitmap_context_compatible: bool,
    /// Whether `CVPixelBufferFillExtendedPixels` can replicate edges without
    /// a registered `kCVPixelFormatFillExtendedPixelsCallback`: every plane
    /// has one-sample blocks, or 2-sample blocks of whole-byte components
    /// (`'2vuy'`, `'v216'`); not for sub-byte, `'v210'` or bit-packed layouts.
    pub fill_extended_pixels: bool,
}

// CGBitmapInfo bits (CGImage.h).
const ALPHA_NONE: u32 = 0;
const ALPHA_LAST: u32 = 3;
const ALPHA_FIRST: u32 = 4;
const ALPHA_NONE_SKIP_FIRST: u32 = 6;
const FLOAT_COMPONENTS: u32 = 0x100;
const ORDER_16_LITTLE: u32 = 0x1000;
const ORDER_32_LITTLE: u32 = 0x2000;
const ORDER_16_BIG: u32 = 0x3000;
const ORDER_32_BIG: u32 = 0x4000;

/// `(format, CGBitmapInfo, CGBitmapContext-compatible)`.
#[rustfmt::skip]
const CG_BITMAP_INFO: &[(u32, u32, bool)] = &[
    (0x0000_0010, ALPHA_NONE_SKIP_FIRST | ORDER_16_BIG, false), // 16BE555: xRGB 1555
    (fourcc(b"L555"), ALPHA_NONE_SKIP_FIRST | ORDER_16_LITTLE, false),
    (0x0000_0018, ALPHA_NONE, false),                            // 24RGB
    (0x0000_0020, ALPHA_FIRST | ORDER_32_BIG, true),             // 32ARGB
    (fourcc(b"BGRA"), ALPHA_FIRST | ORDER_32_LITTLE, true),      // CoreVideo reports 8196
    (fourcc(b"ABGR"), ALPHA_LAST | ORDER_32_LITTLE, true),
    (fourcc(b"RGBA"), ALPHA_LAST | ORDER_32_BIG, true),
    (fourcc(b"b64a"), ALPHA_FIRST | ORDER_16_BIG, false),
    (fourcc(b"l64r"), ALPHA_LAST | ORDER_16_LITTLE, false),
    (fourcc(b"b48r"), ALPHA_NONE | ORDER_16_BIG, false),
    (fourcc(b"RGhA"), ALPHA_LAST | FLOAT_COMPONENTS | ORDER_16_LITTLE, false),
    (fourcc(b"RGfA"), ALPHA_LAST | FLOAT_COMPONENTS | ORDER_32_LITTLE, false),
];

/// Formats whose code is also a QuickTime codec type (ImageCompression.h,
/// TN2162).
#[rustfmt::skip]
const QUICKTIME_CODEC_TYPES: &[u32] = &[
    fourcc(b"2vuy"), fourcc(b"yuvs"), fourcc(b"v308"), fourcc(b"v408"), fourcc(b"r408"),
    fourcc(b"v216"), fourcc(b"v210"), fourcc(b"v410"), fourcc(b"y420"), fourcc(b"b64a"),
    fourcc(b"b48r"), fourcc(b"b32a"), fourcc(b"b16g"),
];

/// QuickTime's codec for uncompressed RGB, indexed and gray data.
const RAW_CODEC: u32 = fourcc(b"raw ");

/// `(format, Microsoft FourCC)` where the memory layouts are the same.
#[rustfmt::skip]
const MICROSOFT_FOURCC: &[(u32, u32)] = &[
    (fourcc(b"2vuy"), fourcc(b"UYVY")),
    (fourcc(b"yuvs"), fourcc(b"YUY2")), (fourcc(b"yuvf"), fourcc(b"YUY2")),
    (fourcc(b"y420"), fourcc(b"I420")), (fourcc(b"f420"), fourcc(b"I420")),
    (fourcc(b"420v"), fourcc(b"NV12")), (fourcc(b"420f"), fourcc(b"NV12")),
    (fourcc(b"x420"), fourcc(b"P010")), (fourcc(b"xf20"), fourcc(b"P010")),
    (fourcc(b"x422"), fourcc(b"P210")), (fourcc(b"xf22"), fourcc(b"P210")),
    (fourcc(b"sv22"), fourcc(b"P216")),
];

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
            .zip(black_blocks(self))
            .map(|(p, black_block)| PlaneDescription {
                bits_per_block: u32::from(p.bytes_per_block) * 8,
                block_width: u32::from(p.block_width),
                block_height: 1,
                block_horizontal_alignment: u32::from(p.block_alignment),
                block_vertical_alignment: 1,
                horizontal_subsampling: u32::from(p.h_subsampling),
                vertical_subsampling: u32::from(p.v_subsampling),
                black_block,
            })
            .collect();
        let fill_extended_pixels = self
            .planes()
            .iter()
            .all(|p| p.block_width == 1 || matches!(p.storage, super::Storage::Container { .. }));
        let contents = match self.family {
            Family::Custom(c) => c,
            family => super::Contents {
                rgb: matches!(family, Family::Rgb | Family::RawRgba),
                ycbcr: family == Family::YCbCr,
                grayscale: matches!(
                    family,
                    Family::Gray | Family::IndexedGray | Family::OneComponent
                ),
                sensel_array: family == Family::Bayer,
            },
        };
        let cg = CG_BITMAP_INFO.iter().find(|(code, ..)| *code == self.code);
        let codec_type = if self.is_registered() {
            None
        } else if self.code < 0x100 {
            Some(RAW_CODEC)
        } else {
            QUICKTIME_CODEC_TYPES
                .contains(&self.code)
                .then_some(self.code)
        };
        Some(FormatDescription {
            code: self.code,
            name: self.short_name(),
            codec_type,
            fourcc: MICROSOFT_FOURCC
                .iter()
                .find(|(code, _)| *code == self.code)
                .map(|&(_, ms)| ms),
            planar: self.is_planar(),
            planes,
            bits_per_component: (self.bits_per_component > 0)
                .then_some(u32::from(self.bits_per_component)),
            contains_alpha: !matches!(self.alpha, Alpha::None),
            contains_rgb: contents.rgb,
            contains_ycbcr: contents.ycbcr,
            contains_grayscale: contents.grayscale,
            contains_sensel_array: contents.sensel_array,
            component_range: match self.range {
                Some(Range::Video) => Some(ComponentRange::Video),
                Some(Range::Full) => Some(ComponentRange::Full),
                Some(Range::Wide) => Some(ComponentRange::Wide),
                Some(Range::ZeroBiased | Range::Sensor) | None => None,
            },
            cg_bitmap_info: cg.map(|&(_, info, _)| info),
            cg_image_compatible: cg.is_some(),
            cg_bitmap_context_compatible: cg.is_some_and(|&(.., context)| context),
            fill_extended_pixels,
        })
    }
}

/// The codes `CVPixelFormatDescriptionArrayCreateWithAllPixelFormatTypes`
/// lists: every built-in format with a description in header order, then
/// the registered formats in registration order.
pub fn describable_codes() -> impl Iterator<Item = u32> {
    PixelFormat::all()
        .iter()
        .filter(|f| !f.is_compressed())
        .map(|f| f.code)
        .chain(registry::registered().into_iter().map(|f| f.code))
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
        let p = &v210.planes[0];
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
        assert_eq!(bayer.bits_per_component, Some(14));
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
        // Other tests may register formats concurrently; they come after
        // the 85 built-in ones.
        let codes: Vec<u32> = describable_codes().collect();
        assert!(codes.len() >= 85);
        assert_eq!(codes[0], 1);
        assert_eq!(codes[84], fourcc(b"b3a8"));
    }

    #[test]
    fn codec_types_fourccs_and_core_graphics() {
        let raw = fourcc(b"raw ");
        for code in [0x01, 0x08, 0x21, 0x28, 0x10, 0x18, 0x20] {
            let d = PixelFormat::find(code).unwrap().description().unwrap();
            assert_eq!(d.codec_type, Some(raw), "{code:#x}");
        }
        assert_eq!(describe(b"2vuy").codec_type, Some(fourcc(b"2vuy")));
        assert_eq!(describe(b"v210").codec_type, Some(fourcc(b"v210")));
        assert_eq!(describe(b"BGRA").codec_type, None);
        assert_eq!(describe(b"420v").codec_type, None);

        assert_eq!(describe(b"2vuy").fourcc, Some(fourcc(b"UYVY")));
        assert_eq!(describe(b"yuvs").fourcc, Some(fourcc(b"YUY2")));
        assert_eq!(describe(b"y420").fourcc, Some(fourcc(b"I420")));
        assert_eq!(describe(b"420v").fourcc, Some(fourcc(b"NV12")));
        assert_eq!(describe(b"420f").fourcc, Some(fourcc(b"NV12")));
        assert_eq!(describe(b"x420").fourcc, Some(fourcc(b"P010")));
        assert_eq!(describe(b"BGRA").fourcc, None);
        assert_eq!(describe(b"v210").fourcc, None);

        let bgra = describe(b"BGRA");
        assert_eq!(bgra.cg_bitmap_info, Some(8196));
        assert!(bgra.cg_image_compatible && bgra.cg_bitmap_context_compatible);
        let argb = PixelFormat::find(0x20).unwrap().description().unwrap();
        assert_eq!(argb.cg_bitmap_info, Some(0x4004));
        let rgha = describe(b"RGhA");
        assert_eq!(rgha.cg_bitmap_info, Some(0x1103));
        assert!(rgha.cg_image_compatible && !rgha.cg_bitmap_context_compatible);
        let nv12 = describe(b"420v");
        assert_eq!(nv12.cg_bitmap_info, None);
        assert!(!nv12.cg_image_compatible && !nv12.cg_bitmap_context_compatible);
        // Every CGBitmapInfo belongs to an RGB format.
        for &(code, ..) in CG_BITMAP_INFO {
            let d = PixelFormat::find(code).unwrap().description().unwrap();
            assert!(d.contains_rgb, "{code:#x}");
        }
    }

    #[test]
    fn black_blocks_are_per_plane() {
        let nv12 = describe(b"420v");
        assert_eq!(nv12.planes[0].black_block, [0x10]);
        assert_eq!(nv12.planes[1].black_block, [0x80, 0x80]);
        assert_eq!(describe(b"BGRA").planes[0].black_block, [0, 0, 0, 0xff]);
    }

    #[test]
    fn component_range_names() {
        for r in [
            ComponentRange::Video,
            ComponentRange::Full,
            ComponentRange::Wide,
        ] {
            assert_eq!(ComponentRange::from_name(r.as_str()), Some(r));
        }
        assert_eq!(ComponentRange::from_name("videorange"), None);
    }
}
