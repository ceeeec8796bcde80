//! The table: all 99 `kCVPixelFormatType_*` formats of `CVPixelBuffer.h`
//! (macOS 14.2 SDK plus the later additions), in header order.
//!
//! Layouts follow the header comments and Apple Technical Note TN2162
//! (*Uncompressed Y'CbCr Video in QuickTime Files*). Where neither states a
//! layout the entry records a decision, marked `Decision:` here and listed in
//! `docs/pixel-formats.md`.

// `Gray`, `Depth` and `Disparity` are also families; channels spell them out.
use super::Channel::{self, A, B, C0, C1, Cb, Cr, G, Index, R, Sensel, Unused, Y};
use super::Channels::{self, Ordered, Packed, Uniform};
use super::Storage::{BitPacked, Container, Float, PackedWord, SubByte};
use super::{
    Alpha, Compression, Endian, Family, Field, Layout, PixelFormat, PlanarInfo, Plane, Range,
    Storage, fourcc,
};
use Alpha::{None as NoAlpha, Premultiplied, Present};
use Endian::{Big, Byte, Little};
use Family::*;
use PlanarInfo::{YCbCrBiPlanar, YCbCrPlanar};
use Range::{Full, Sensor, Video, Wide, ZeroBiased};

const U8: Storage = Container { bits: 8 };
const U16: Storage = Container { bits: 16 };
const F16: Storage = Float { bits: 16 };
const F32: Storage = Float { bits: 32 };
const W16: Storage = PackedWord { bits: 16 };
const W32: Storage = PackedWord { bits: 32 };

#[allow(clippy::too_many_arguments)]
const fn plane(
    h: u8,
    v: u8,
    bytes: u8,
    width: u8,
    components: u8,
    storage: Storage,
    channels: Channels,
) -> Plane {
    Plane {
        h_subsampling: h,
        v_subsampling: v,
        bytes_per_block: bytes,
        block_width: width,
        block_alignment: 1,
        components,
        storage,
        channels,
    }
}

/// A full-resolution plane with one sample per block.
const fn px(bytes: u8, components: u8, storage: Storage, channels: Channels) -> Plane {
    plane(1, 1, bytes, 1, components, storage, channels)
}

/// A full-resolution plane of one sample per block whose components each
/// sit in their own container, in the order given.
const fn ordered(bytes: u8, storage: Storage, channels: &'static [Channel]) -> Plane {
    px(bytes, channels.len() as u8, storage, Ordered(channels))
}

const fn field(word: u8, channel: Channel, shift: u8, bits: u8) -> Field {
    Field {
        word,
        channel,
        shift,
        bits,
    }
}

// Packed-word layouts: where each field sits in its word.
/// 16BE555 / 16LE555: x(1) R(5) G(5) B(5).
const XRGB1555: &[Field] = &[
    field(0, Unused, 15, 1),
    field(0, R, 10, 5),
    field(0, G, 5, 5),
    field(0, B, 0, 5),
];
/// Decision: 16LE5551 is R(5) G(5) B(5) A(1) from the most-significant bit
/// down, alpha in bit 0: the header names only "RGB 5551", and its other
/// packed names (`565`, `555`) list fields from the top of the word.
const RGBA5551: &[Field] = &[
    field(0, R, 11, 5),
    field(0, G, 6, 5),
    field(0, B, 1, 5),
    field(0, A, 0, 1),
];
const RGB565: &[Field] = &[field(0, R, 11, 5), field(0, G, 5, 6), field(0, B, 0, 5)];
/// R10k: R(10) G(10) B(10), then 2 unused bits at the least-significant end.
const RGBX1010102: &[Field] = &[
    field(0, R, 22, 10),
    field(0, G, 12, 10),
    field(0, B, 2, 10),
    field(0, Unused, 0, 2),
];
/// r210, w30r: 2 unused bits at the most-significant end, then R, G, B.
/// Decision for w30r (the header gives no channel order): B in the low bits,
/// as in Metal's BGR10_XR, which WebKit maps it to.
const XRGB2101010: &[Field] = &[
    field(0, Unused, 30, 2),
    field(0, R, 20, 10),
    field(0, G, 10, 10),
    field(0, B, 0, 10),
];
/// l10r: A(2) R(10) G(10) B(10), B in the low bits (decision, as for w30r).
const ARGB2101010: &[Field] = &[
    field(0, A, 30, 2),
    field(0, R, 20, 10),
    field(0, G, 10, 10),
    field(0, B, 0, 10),
];
/// v410 (TN2162): Cr bits 22-31, Y' 12-21, Cb 2-11, bits 0-1 unused.
const V410: &[Field] = &[
    field(0, Cr, 22, 10),
    field(0, Y, 12, 10),
    field(0, Cb, 2, 10),
    field(0, Unused, 0, 2),
];
/// v210 (TN2162): four little-endian words of three 10-bit samples from
/// bit 0 up; the top two bits of each word are unused.
#[rustfmt::skip]
const V210: &[Field] = &[
    field(0, Cb, 0, 10), field(0, Y, 10, 10), field(0, Cr, 20, 10), field(0, Unused, 30, 2),
    field(1, Y, 0, 10), field(1, Cb, 10, 10), field(1, Y, 20, 10), field(1, Unused, 30, 2),
    field(2, Cr, 0, 10), field(2, Y, 10, 10), field(2, Cb, 20, 10), field(2, Unused, 30, 2),
    field(3, Y, 0, 10), field(3, Cr, 10, 10), field(3, Y, 20, 10), field(3, Unused, 30, 2),
];

// Planes shared by several formats.
const Y8: Plane = ordered(1, U8, &[Y]);
const Y16: Plane = ordered(2, U16, &[Y]);
const A8: Plane = ordered(1, U8, &[A]);
const A16: Plane = ordered(2, U16, &[A]);
/// 2vuy: one block = 2 pixels in 4 bytes, Cb Y0 Cr Y1.
const UYVY_8: Plane = plane(1, 1, 4, 2, 3, U8, Ordered(&[Cb, Y, Cr, Y]));
/// yuvs / yuvf: Y0 Cb Y1 Cr.
const YUYV_8: Plane = plane(1, 1, 4, 2, 3, U8, Ordered(&[Y, Cb, Y, Cr]));
const CB_420_8: Plane = plane(2, 2, 1, 1, 1, U8, Ordered(&[Cb]));
const CR_420_8: Plane = plane(2, 2, 1, 1, 1, U8, Ordered(&[Cr]));
const CBCR_420_8: Plane = plane(2, 2, 2, 1, 2, U8, Ordered(&[Cb, Cr]));
const CBCR_422_8: Plane = plane(2, 1, 2, 1, 2, U8, Ordered(&[Cb, Cr]));
const CBCR_444_8: Plane = plane(1, 1, 2, 1, 2, U8, Ordered(&[Cb, Cr]));
const CBCR_420_16: Plane = plane(2, 2, 4, 1, 2, U16, Ordered(&[Cb, Cr]));
const CBCR_422_16: Plane = plane(2, 1, 4, 1, 2, U16, Ordered(&[Cb, Cr]));
const CBCR_444_16: Plane = plane(1, 1, 4, 1, 2, U16, Ordered(&[Cb, Cr]));
/// w30r and b3a8's plane 0.
const XRGB10_LE: Plane = px(4, 3, W32, Packed(XRGB2101010));

/// Builder for the uncompressed entries, so that each table row reads as
/// one line of facts.
#[allow(clippy::too_many_arguments)]
const fn format(
    code: u32,
    name: &'static str,
    family: Family,
    range: Option<Range>,
    bits_per_component: u8,
    alpha: Alpha,
    endian: Endian,
    planes: &'static [Plane],
) -> PixelFormat {
    PixelFormat {
        code,
        name,
        family,
        range,
        bits_per_component,
        alpha,
        endian,
        layout: Layout::Planes(planes),
        planar_info: None,
    }
}

impl PixelFormat {
    const fn with_info(mut self, info: PlanarInfo) -> Self {
        self.planar_info = Some(info);
        self
    }
}

/// A compressed entry inherits the descriptive fields of the format it compresses.
const fn compressed(
    code: u32,
    name: &'static str,
    compression: Compression,
    of: &PixelFormat,
) -> PixelFormat {
    PixelFormat {
        code,
        name,
        family: Family::Compressed,
        range: of.range,
        bits_per_component: of.bits_per_component,
        alpha: of.alpha,
        endian: of.endian,
        layout: Layout::Compressed {
            compression,
            of: of.code,
        },
        planar_info: None,
    }
}

// The uncompressed formats that compressed ones refer to.
const BGRA: PixelFormat = format(
    fourcc(b"BGRA"),
    "kCVPixelFormatType_32BGRA",
    Rgb,
    Some(Full),
    8,
    Present,
    Byte,
    &[ordered(4, U8, &[B, G, R, A])],
);
const RGHA: PixelFormat = format(
    fourcc(b"RGhA"),
    "kCVPixelFormatType_64RGBAHalf",
    Rgb,
    None,
    16,
    Present,
    Little,
    &[ordered(8, F16, &[R, G, B, A])],
);
const NV12_VIDEO: PixelFormat = format(
    fourcc(b"420v"),
    "kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange",
    YCbCr,
    Some(Video),
    8,
    NoAlpha,
    Byte,
    &[Y8, CBCR_420_8],
)
.with_info(YCbCrBiPlanar);
const NV12_FULL: PixelFormat = format(
    fourcc(b"420f"),
    "kCVPixelFormatType_420YpCbCr8BiPlanarFullRange",
    YCbCr,
    Some(Full),
    8,
    NoAlpha,
    Byte,
    &[Y8, CBCR_420_8],
)
.with_info(YCbCrBiPlanar);
const X420: PixelFormat = format(
    fourcc(b"x420"),
    "kCVPixelFormatType_420YpCbCr10BiPlanarVideoRange",
    YCbCr,
    Some(Video),
    10,
    NoAlpha,
    Little,
    &[Y16, CBCR_420_16],
);
const X422: PixelFormat = format(
    fourcc(b"x422"),
    "kCVPixelFormatType_422YpCbCr10BiPlanarVideoRange",
    YCbCr,
    Some(Video),
    10,
    NoAlpha,
    Little,
    &[Y16, CBCR_422_16],
);
const XF20: PixelFormat = format(
    fourcc(b"xf20"),
    "kCVPixelFormatType_420YpCbCr10BiPlanarFullRange",
    YCbCr,
    Some(Full),
    10,
    NoAlpha,
    Little,
    &[Y16, CBCR_420_16],
);
const W30R: PixelFormat = format(
    fourcc(b"w30r"),
    "kCVPixelFormatType_30RGBLEPackedWideGamut",
    Rgb,
    Some(Wide),
    10,
    NoAlpha,
    Little,
    &[XRGB10_LE],
);
/// Decision: plane 0 is `'w30r'`'s 32-bit little-endian 10:10:10 word, plane 1
/// one alpha byte per pixel; XR range like `'w30r'` (the header gives only
/// the name).
const B3A8: PixelFormat = format(
    fourcc(b"b3a8"),
    "kCVPixelFormatType_30RGBLE_8A_BiPlanar",
    Rgb,
    Some(Wide),
    10,
    Present,
    Little,
    &[XRGB10_LE, A8],
);

/// All formats, in `CVPixelBuffer.h` order.
#[rustfmt::skip]
pub static FORMATS: [PixelFormat; 99] = [
    // QuickDraw-era indexed formats: 8, 4, 2 or 1 pixels per byte.
    format(0x0000_0001, "kCVPixelFormatType_1Monochrome", Indexed, None, 1, NoAlpha, Byte, &[plane(1, 1, 1, 8, 1, SubByte { bits: 1 }, Uniform(Index))]),
    format(0x0000_0002, "kCVPixelFormatType_2Indexed", Indexed, None, 2, NoAlpha, Byte, &[plane(1, 1, 1, 4, 1, SubByte { bits: 2 }, Uniform(Index))]),
    format(0x0000_0004, "kCVPixelFormatType_4Indexed", Indexed, None, 4, NoAlpha, Byte, &[plane(1, 1, 1, 2, 1, SubByte { bits: 4 }, Uniform(Index))]),
    format(0x0000_0008, "kCVPixelFormatType_8Indexed", Indexed, None, 8, NoAlpha, Byte, &[ordered(1, U8, &[Index])]),
    format(0x0000_0021, "kCVPixelFormatType_1IndexedGray_WhiteIsZero", IndexedGray, None, 1, NoAlpha, Byte, &[plane(1, 1, 1, 8, 1, SubByte { bits: 1 }, Uniform(Index))]),
    format(0x0000_0022, "kCVPixelFormatType_2IndexedGray_WhiteIsZero", IndexedGray, None, 2, NoAlpha, Byte, &[plane(1, 1, 1, 4, 1, SubByte { bits: 2 }, Uniform(Index))]),
    format(0x0000_0024, "kCVPixelFormatType_4IndexedGray_WhiteIsZero", IndexedGray, None, 4, NoAlpha, Byte, &[plane(1, 1, 1, 2, 1, SubByte { bits: 4 }, Uniform(Index))]),
    format(0x0000_0028, "kCVPixelFormatType_8IndexedGray_WhiteIsZero", IndexedGray, None, 8, NoAlpha, Byte, &[ordered(1, U8, &[Index])]),
    // 16-bit packed RGB words.
    format(0x0000_0010, "kCVPixelFormatType_16BE555", Rgb, Some(Full), 5, NoAlpha, Big, &[px(2, 3, W16, Packed(XRGB1555))]),
    format(fourcc(b"L555"), "kCVPixelFormatType_16LE555", Rgb, Some(Full), 5, NoAlpha, Little, &[px(2, 3, W16, Packed(XRGB1555))]),
    format(fourcc(b"5551"), "kCVPixelFormatType_16LE5551", Rgb, Some(Full), 5, Present, Little, &[px(2, 4, W16, Packed(RGBA5551))]),
    format(fourcc(b"B565"), "kCVPixelFormatType_16BE565", Rgb, Some(Full), 6, NoAlpha, Big, &[px(2, 3, W16, Packed(RGB565))]),
    format(fourcc(b"L565"), "kCVPixelFormatType_16LE565", Rgb, Some(Full), 6, NoAlpha, Little, &[px(2, 3, W16, Packed(RGB565))]),
    // 8-bit-per-component RGB.
    format(0x0000_0018, "kCVPixelFormatType_24RGB", Rgb, Some(Full), 8, NoAlpha, Byte, &[ordered(3, U8, &[R, G, B])]),
    format(fourcc(b"24BG"), "kCVPixelFormatType_24BGR", Rgb, Some(Full), 8, NoAlpha, Byte, &[ordered(3, U8, &[B, G, R])]),
    format(0x0000_0020, "kCVPixelFormatType_32ARGB", Rgb, Some(Full), 8, Present, Byte, &[ordered(4, U8, &[A, R, G, B])]),
    BGRA,
    format(fourcc(b"ABGR"), "kCVPixelFormatType_32ABGR", Rgb, Some(Full), 8, Present, Byte, &[ordered(4, U8, &[A, B, G, R])]),
    format(fourcc(b"RGBA"), "kCVPixelFormatType_32RGBA", Rgb, Some(Full), 8, Present, Byte, &[ordered(4, U8, &[R, G, B, A])]),
    // 16-bit samples, big-endian unless the name says LE.
    format(fourcc(b"b64a"), "kCVPixelFormatType_64ARGB", Rgb, Some(Full), 16, Present, Big, &[ordered(8, U16, &[A, R, G, B])]),
    format(fourcc(b"l64r"), "kCVPixelFormatType_64RGBALE", Rgb, Some(Full), 16, Present, Little, &[ordered(8, U16, &[R, G, B, A])]),
    format(fourcc(b"b48r"), "kCVPixelFormatType_48RGB", Rgb, Some(Full), 16, NoAlpha, Big, &[ordered(6, U16, &[R, G, B])]),
    format(fourcc(b"b32a"), "kCVPixelFormatType_32AlphaGray", Gray, Some(Full), 16, Present, Big, &[ordered(4, U16, &[A, Channel::Gray])]),
    format(fourcc(b"b16g"), "kCVPixelFormatType_16Gray", Gray, Some(Full), 16, NoAlpha, Big, &[ordered(2, U16, &[Channel::Gray])]),
    // 10:10:10 RGB in one big-endian 32-bit word.
    format(fourcc(b"R10k"), "kCVPixelFormatType_30RGB", Rgb, Some(Full), 10, NoAlpha, Big, &[px(4, 3, W32, Packed(RGBX1010102))]),
    format(fourcc(b"r210"), "kCVPixelFormatType_30RGB_r210", Rgb, Some(Video), 10, NoAlpha, Big, &[px(4, 3, W32, Packed(XRGB2101010))]),
    // Chunky Y'CbCr (TN2162).
    format(fourcc(b"2vuy"), "kCVPixelFormatType_422YpCbCr8", YCbCr, Some(Video), 8, NoAlpha, Byte, &[UYVY_8]),
    format(fourcc(b"v408"), "kCVPixelFormatType_4444YpCbCrA8", YCbCr, Some(Video), 8, Alpha::Video, Byte, &[ordered(4, U8, &[Cb, Y, Cr, A])]),
    format(fourcc(b"r408"), "kCVPixelFormatType_4444YpCbCrA8R", YCbCr, Some(ZeroBiased), 8, Present, Byte, &[ordered(4, U8, &[A, Y, Cb, Cr])]),
    format(fourcc(b"y408"), "kCVPixelFormatType_4444AYpCbCr8", YCbCr, Some(Video), 8, Present, Byte, &[ordered(4, U8, &[A, Y, Cb, Cr])]),
    format(fourcc(b"y416"), "kCVPixelFormatType_4444AYpCbCr16", YCbCr, Some(Video), 16, Present, Little, &[ordered(8, U16, &[A, Y, Cb, Cr])]),
    format(fourcc(b"r4fl"), "kCVPixelFormatType_4444AYpCbCrFloat", YCbCr, None, 32, Present, Little, &[ordered(16, F32, &[A, Y, Cb, Cr])]),
    format(fourcc(b"v308"), "kCVPixelFormatType_444YpCbCr8", YCbCr, Some(Video), 8, NoAlpha, Byte, &[ordered(3, U8, &[Cr, Y, Cb])]),
    format(fourcc(b"v216"), "kCVPixelFormatType_422YpCbCr16", YCbCr, Some(Video), 16, NoAlpha, Little, &[plane(1, 1, 8, 2, 3, U16, Ordered(&[Cb, Y, Cr, Y]))]),
    // 6 pixels in four 32-bit words; rows are whole 48-pixel / 128-byte groups.
    format(fourcc(b"v210"), "kCVPixelFormatType_422YpCbCr10", YCbCr, Some(Video), 10, NoAlpha, Little, &[Plane { block_alignment: 8, ..plane(1, 1, 16, 6, 3, W32, Packed(V210)) }]),
    format(fourcc(b"v410"), "kCVPixelFormatType_444YpCbCr10", YCbCr, Some(Video), 10, NoAlpha, Little, &[px(4, 3, W32, Packed(V410))]),
    // Planar and bi-planar 8-bit Y'CbCr.
    format(fourcc(b"y420"), "kCVPixelFormatType_420YpCbCr8Planar", YCbCr, Some(Video), 8, NoAlpha, Byte, &[Y8, CB_420_8, CR_420_8]).with_info(YCbCrPlanar),
    format(fourcc(b"f420"), "kCVPixelFormatType_420YpCbCr8PlanarFullRange", YCbCr, Some(Full), 8, NoAlpha, Byte, &[Y8, CB_420_8, CR_420_8]).with_info(YCbCrPlanar),
    format(fourcc(b"a2vy"), "kCVPixelFormatType_422YpCbCr_4A_8BiPlanar", YCbCr, Some(Video), 8, Present, Byte, &[UYVY_8, A8]),
    NV12_VIDEO,
    NV12_FULL,
    format(fourcc(b"422v"), "kCVPixelFormatType_422YpCbCr8BiPlanarVideoRange", YCbCr, Some(Video), 8, NoAlpha, Byte, &[Y8, CBCR_422_8]).with_info(YCbCrBiPlanar),
    format(fourcc(b"422f"), "kCVPixelFormatType_422YpCbCr8BiPlanarFullRange", YCbCr, Some(Full), 8, NoAlpha, Byte, &[Y8, CBCR_422_8]).with_info(YCbCrBiPlanar),
    format(fourcc(b"444v"), "kCVPixelFormatType_444YpCbCr8BiPlanarVideoRange", YCbCr, Some(Video), 8, NoAlpha, Byte, &[Y8, CBCR_444_8]).with_info(YCbCrBiPlanar),
    format(fourcc(b"444f"), "kCVPixelFormatType_444YpCbCr8BiPlanarFullRange", YCbCr, Some(Full), 8, NoAlpha, Byte, &[Y8, CBCR_444_8]).with_info(YCbCrBiPlanar),
    format(fourcc(b"yuvs"), "kCVPixelFormatType_422YpCbCr8_yuvs", YCbCr, Some(Video), 8, NoAlpha, Byte, &[YUYV_8]),
    format(fourcc(b"yuvf"), "kCVPixelFormatType_422YpCbCr8FullRange", YCbCr, Some(Full), 8, NoAlpha, Byte, &[YUYV_8]),
    // Generic one- and two-component formats.
    format(fourcc(b"L008"), "kCVPixelFormatType_OneComponent8", OneComponent, Some(Full), 8, NoAlpha, Byte, &[ordered(1, U8, &[Channel::Gray])]),
    format(fourcc(b"2C08"), "kCVPixelFormatType_TwoComponent8", TwoComponent, Some(Full), 8, NoAlpha, Byte, &[ordered(2, U8, &[C0, C1])]),
    // Little-endian 10-bit RGB, including the XR (wide-gamut) forms.
    W30R,
    format(fourcc(b"l10r"), "kCVPixelFormatType_ARGB2101010LEPacked", Rgb, Some(Full), 10, Present, Little, &[px(4, 4, W32, Packed(ARGB2101010))]),
    format(fourcc(b"w40a"), "kCVPixelFormatType_40ARGBLEWideGamut", Rgb, Some(Wide), 10, Present, Little, &[ordered(8, U16, &[A, R, G, B])]),
    format(fourcc(b"w40m"), "kCVPixelFormatType_40ARGBLEWideGamutPremultiplied", Rgb, Some(Wide), 10, Premultiplied, Little, &[ordered(8, U16, &[A, R, G, B])]),
    format(fourcc(b"L010"), "kCVPixelFormatType_OneComponent10", OneComponent, Some(Full), 10, NoAlpha, Little, &[ordered(2, U16, &[Channel::Gray])]),
    format(fourcc(b"L012"), "kCVPixelFormatType_OneComponent12", OneComponent, Some(Full), 12, NoAlpha, Little, &[ordered(2, U16, &[Channel::Gray])]),
    format(fourcc(b"L016"), "kCVPixelFormatType_OneComponent16", OneComponent, Some(Full), 16, NoAlpha, Little, &[ordered(2, U16, &[Channel::Gray])]),
    format(fourcc(b"2C16"), "kCVPixelFormatType_TwoComponent16", TwoComponent, Some(Full), 16, NoAlpha, Little, &[ordered(4, U16, &[C0, C1])]),
    // IEEE half and single floats, little-endian.
    format(fourcc(b"L00h"), "kCVPixelFormatType_OneComponent16Half", OneComponent, None, 16, NoAlpha, Little, &[ordered(2, F16, &[Channel::Gray])]),
    format(fourcc(b"L00f"), "kCVPixelFormatType_OneComponent32Float", OneComponent, None, 32, NoAlpha, Little, &[ordered(4, F32, &[Channel::Gray])]),
    format(fourcc(b"2C0h"), "kCVPixelFormatType_TwoComponent16Half", TwoComponent, None, 16, NoAlpha, Little, &[ordered(4, F16, &[C0, C1])]),
    format(fourcc(b"2C0f"), "kCVPixelFormatType_TwoComponent32Float", TwoComponent, None, 32, NoAlpha, Little, &[ordered(8, F32, &[C0, C1])]),
    RGHA,
    format(fourcc(b"RGfA"), "kCVPixelFormatType_128RGBAFloat", Rgb, None, 32, Present, Little, &[ordered(16, F32, &[R, G, B, A])]),
    // 14-bit Bayer mosaics in 16-bit little-endian containers.
    format(fourcc(b"grb4"), "kCVPixelFormatType_14Bayer_GRBG", Bayer, Some(Sensor), 14, NoAlpha, Little, &[ordered(2, U16, &[Sensel])]),
    format(fourcc(b"rgg4"), "kCVPixelFormatType_14Bayer_RGGB", Bayer, Some(Sensor), 14, NoAlpha, Little, &[ordered(2, U16, &[Sensel])]),
    format(fourcc(b"bgg4"), "kCVPixelFormatType_14Bayer_BGGR", Bayer, Some(Sensor), 14, NoAlpha, Little, &[ordered(2, U16, &[Sensel])]),
    format(fourcc(b"gbr4"), "kCVPixelFormatType_14Bayer_GBRG", Bayer, Some(Sensor), 14, NoAlpha, Little, &[ordered(2, U16, &[Sensel])]),
    // Depth and disparity: one float per pixel.
    format(fourcc(b"hdis"), "kCVPixelFormatType_DisparityFloat16", Disparity, None, 16, NoAlpha, Little, &[ordered(2, F16, &[Channel::Disparity])]),
    format(fourcc(b"fdis"), "kCVPixelFormatType_DisparityFloat32", Disparity, None, 32, NoAlpha, Little, &[ordered(4, F32, &[Channel::Disparity])]),
    format(fourcc(b"hdep"), "kCVPixelFormatType_DepthFloat16", Depth, None, 16, NoAlpha, Little, &[ordered(2, F16, &[Channel::Depth])]),
    format(fourcc(b"fdep"), "kCVPixelFormatType_DepthFloat32", Depth, None, 32, NoAlpha, Little, &[ordered(4, F32, &[Channel::Depth])]),
    // 10-bit bi-planar Y'CbCr: 10 bits in the top of 16-bit little-endian words.
    X420,
    X422,
    format(fourcc(b"x444"), "kCVPixelFormatType_444YpCbCr10BiPlanarVideoRange", YCbCr, Some(Video), 10, NoAlpha, Little, &[Y16, CBCR_444_16]),
    XF20,
    format(fourcc(b"xf22"), "kCVPixelFormatType_422YpCbCr10BiPlanarFullRange", YCbCr, Some(Full), 10, NoAlpha, Little, &[Y16, CBCR_422_16]),
    format(fourcc(b"xf44"), "kCVPixelFormatType_444YpCbCr10BiPlanarFullRange", YCbCr, Some(Full), 10, NoAlpha, Little, &[Y16, CBCR_444_16]),
    format(fourcc(b"v0a8"), "kCVPixelFormatType_420YpCbCr8VideoRange_8A_TriPlanar", YCbCr, Some(Video), 8, Present, Byte, &[Y8, CBCR_420_8, A8]),
    // ProRes RAW outputs.
    format(fourcc(b"bp16"), "kCVPixelFormatType_16VersatileBayer", Bayer, Some(Sensor), 16, NoAlpha, Little, &[ordered(2, U16, &[Sensel])]),
    // Decision: 8 sensels of 12 bits in one 12-byte block (the name's "96").
    format(fourcc(b"btp2"), "kCVPixelFormatType_96VersatileBayerPacked12", Bayer, Some(Sensor), 12, NoAlpha, Little, &[plane(1, 1, 12, 8, 1, BitPacked { bits: 12 }, Uniform(Sensel))]),
    format(fourcc(b"bp64"), "kCVPixelFormatType_64RGBA_DownscaledProResRAW", RawRgba, Some(Sensor), 16, Present, Little, &[ordered(8, U16, &[R, G, B, A])]),
    // 16-bit bi- and tri-planar Y'CbCr. Decision: little-endian like the
    // other 16-bit CoreVideo planes; 's4as' = Y, CbCr pairs, alpha.
    format(fourcc(b"sv22"), "kCVPixelFormatType_422YpCbCr16BiPlanarVideoRange", YCbCr, Some(Video), 16, NoAlpha, Little, &[Y16, CBCR_422_16]),
    format(fourcc(b"sv44"), "kCVPixelFormatType_444YpCbCr16BiPlanarVideoRange", YCbCr, Some(Video), 16, NoAlpha, Little, &[Y16, CBCR_444_16]),
    format(fourcc(b"s4as"), "kCVPixelFormatType_444YpCbCr16VideoRange_16A_TriPlanar", YCbCr, Some(Video), 16, Present, Little, &[Y16, CBCR_444_16, A16]),
    B3A8,
    // Device-compressed formats: listed, never creatable.
    compressed(fourcc(b"&BGA"), "kCVPixelFormatType_Lossless_32BGRA", Compression::Lossless, &BGRA),
    compressed(fourcc(b"&RhA"), "kCVPixelFormatType_Lossless_64RGBAHalf", Compression::Lossless, &RGHA),
    compressed(fourcc(b"&8v0"), "kCVPixelFormatType_Lossless_420YpCbCr8BiPlanarVideoRange", Compression::Lossless, &NV12_VIDEO),
    compressed(fourcc(b"&8f0"), "kCVPixelFormatType_Lossless_420YpCbCr8BiPlanarFullRange", Compression::Lossless, &NV12_FULL),
    compressed(fourcc(b"&xv0"), "kCVPixelFormatType_Lossless_420YpCbCr10PackedBiPlanarVideoRange", Compression::Lossless, &X420),
    compressed(fourcc(b"&xv2"), "kCVPixelFormatType_Lossless_422YpCbCr10PackedBiPlanarVideoRange", Compression::Lossless, &X422),
    compressed(fourcc(b"&xf0"), "kCVPixelFormatType_Lossless_420YpCbCr10PackedBiPlanarFullRange", Compression::Lossless, &XF20),
    compressed(fourcc(b"&b38"), "kCVPixelFormatType_Lossless_30RGBLE_8A_BiPlanar", Compression::Lossless, &B3A8),
    compressed(fourcc(b"&w3r"), "kCVPixelFormatType_Lossless_30RGBLEPackedWideGamut", Compression::Lossless, &W30R),
    compressed(fourcc(b"-BGA"), "kCVPixelFormatType_Lossy_32BGRA", Compression::Lossy, &BGRA),
    compressed(fourcc(b"-8v0"), "kCVPixelFormatType_Lossy_420YpCbCr8BiPlanarVideoRange", Compression::Lossy, &NV12_VIDEO),
    compressed(fourcc(b"-8f0"), "kCVPixelFormatType_Lossy_420YpCbCr8BiPlanarFullRange", Compression::Lossy, &NV12_FULL),
    compressed(fourcc(b"-xv0"), "kCVPixelFormatType_Lossy_420YpCbCr10PackedBiPlanarVideoRange", Compression::Lossy, &X420),
    compressed(fourcc(b"-xv2"), "kCVPixelFormatType_Lossy_422YpCbCr10PackedBiPlanarVideoRange", Compression::Lossy, &X422),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique() {
        let codes: HashSet<u32> = FORMATS.iter().map(|f| f.code).collect();
        let names: HashSet<&str> = FORMATS.iter().map(|f| f.name).collect();
        assert_eq!(codes.len(), FORMATS.len());
        assert_eq!(names.len(), FORMATS.len());
        assert!(
            FORMATS
                .iter()
                .all(|f| f.name.starts_with("kCVPixelFormatType_"))
        );
    }

    #[test]
    fn planes_are_well_formed() {
        for f in &FORMATS {
            if f.is_compressed() {
                assert_eq!(f.family, Family::Compressed, "{}", f.name);
                assert!(f.planes().is_empty());
                continue;
            }
            assert!(!f.planes().is_empty(), "{}", f.name);
            assert!(f.planes().len() <= 3, "{}", f.name);
            for p in f.planes() {
                assert!(matches!(p.h_subsampling, 1 | 2), "{}", f.name);
                assert!(matches!(p.v_subsampling, 1 | 2), "{}", f.name);
                assert!(p.bytes_per_block > 0 && p.block_width > 0, "{}", f.name);
                assert!(p.block_alignment > 0 && p.components > 0, "{}", f.name);
                check_channels(f, p);
            }
            // The first plane is never subsampled.
            let first = f.planes()[0];
            assert_eq!((first.h_subsampling, first.v_subsampling), (1, 1));
            if let Some(info) = f.planar_info {
                let entries = info.size() / 8;
                assert_eq!(entries, f.planes().len(), "{}", f.name);
            }
        }
    }

    /// The channel layout fills the block exactly: one container per
    /// ordered channel; packed fields tile every bit of every word once.
    fn check_channels(f: &PixelFormat, p: &Plane) {
        let bytes = usize::from(p.bytes_per_block);
        let width = usize::from(p.block_width);
        match (p.storage, p.channels) {
            (Container { bits } | Float { bits }, Ordered(channels)) => {
                assert_eq!(channels.len() * usize::from(bits / 8), bytes, "{}", f.name);
                // A block holds `block_width` samples of `components` each,
                // a 4:2:2 pair sharing its chroma.
                let luma = channels.iter().filter(|&&c| c == Channel::Y).count();
                assert_eq!(luma.max(1), width, "{}", f.name);
                assert_eq!(
                    channels.len() - luma.saturating_sub(1),
                    usize::from(p.components),
                    "{}",
                    f.name
                );
            }
            (PackedWord { bits }, Packed(fields)) => {
                let words = bytes / usize::from(bits / 8);
                assert_eq!(words * usize::from(bits / 8), bytes, "{}", f.name);
                let mut covered = vec![0u64; words];
                for field in fields {
                    let mask = ((1u64 << field.bits) - 1) << field.shift;
                    assert!(field.shift + field.bits <= bits, "{}", f.name);
                    let word = &mut covered[usize::from(field.word)];
                    assert_eq!(*word & mask, 0, "{}: overlapping fields", f.name);
                    *word |= mask;
                }
                let full = (1u64 << bits) - 1;
                assert!(covered.iter().all(|&w| w == full), "{}", f.name);
                let luma = fields.iter().filter(|x| x.channel == Channel::Y).count();
                assert_eq!(luma.max(1), width, "{}", f.name);
            }
            (SubByte { bits } | BitPacked { bits }, Uniform(_)) => {
                assert_eq!(usize::from(bits) * width, bytes * 8, "{}", f.name);
            }
            other => panic!("{}: storage and channels disagree: {other:?}", f.name),
        }
    }

    #[test]
    fn compressed_entries_name_their_base_format() {
        for f in FORMATS.iter().filter(|f| f.is_compressed()) {
            let Layout::Compressed { compression, of } = f.layout else {
                unreachable!()
            };
            let base = PixelFormat::find(of).expect("base format exists");
            assert!(!base.is_compressed());
            let tail = base.short_name();
            let prefix = match compression {
                Compression::Lossless => "kCVPixelFormatType_Lossless_",
                Compression::Lossy => "kCVPixelFormatType_Lossy_",
            };
            assert!(f.name.starts_with(prefix), "{}", f.name);
            // `&xv0` is the packed form of `x420`: compare the shape of the
            // name, not the exact spelling.
            let own = &f.name[prefix.len()..];
            assert_eq!(
                own.replace("Packed", ""),
                tail.replace("Packed", ""),
                "{}",
                f.name
            );
        }
    }

    #[test]
    fn find_and_code_strings() {
        assert_eq!(
            PixelFormat::find(fourcc(b"420v")).unwrap().code,
            0x3432_3076
        );
        assert!(PixelFormat::find(0).is_none());
        assert!(PixelFormat::find(fourcc(b"NV12")).is_none());
        assert_eq!(PixelFormat::find(0x20).unwrap().code_string(), "32");
        assert_eq!(
            PixelFormat::find(fourcc(b"&8v0")).unwrap().code_string(),
            "'&8v0'"
        );
        assert_eq!(
            PixelFormat::find(fourcc(b"BGRA")).unwrap().short_name(),
            "32BGRA"
        );
    }
}
