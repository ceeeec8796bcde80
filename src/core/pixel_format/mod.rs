//! The CoreVideo pixel formats: one descriptor per `kCVPixelFormatType_*`
//! FourCC, and the buffer geometry computed from it.
//!
//! [`table::FORMATS`] is the single source of truth for what a format looks
//! like in memory (planes, subsampling, bytes per block). Code elsewhere asks
//! a [`PixelFormat`] or [`geometry::plane_layouts`] instead of switching on
//! FourCCs. The core keeps its own FourCC values (built with [`fourcc`]); the
//! C constants in `capi::core_video::pixel_format_type` are checked against
//! this table by a test on the shim side.
//!
//! Units: a plane's width and height count *plane samples* (a 4:2:0 chroma
//! plane of a 1920×1080 image is 960×540 Cb/Cr pairs). A *block* is the
//! smallest byte-addressable group of samples in a row (`'2vuy'`: 2 pixels in
//! 4 bytes, `'v210'`: 6 pixels in 16 bytes, 1-bit indexed: 8 pixels in 1
//! byte), as in CoreVideo's `kCVPixelFormatBitsPerBlock`/`BlockWidth` keys.
//!
//! Besides the built-in table, a process-wide [`registry`] holds the formats
//! registered through `CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType`;
//! [`PixelFormat::find`] consults it after the table, so a registered format
//! is as creatable as a built-in one.

pub mod black;
pub mod description;
pub mod geometry;
pub mod registry;
pub mod table;

#[cfg(test)]
mod geometry_tests;

pub use black::{black_block, black_blocks};
pub use description::{ComponentRange, FormatDescription, PlaneDescription, describable_codes};
pub use geometry::{
    BufferLayout, CallerPlane, ExtendedPixels, GeometryError, LayoutOptions, PlaneLayout,
    check_caller_planes, creatable_format, plane_layouts,
};

/// The 32-bit code of a four-character code, first character in the
/// most-significant byte (`fourcc(b"BGRA") == 0x42475241`), as the C compiler
/// evaluates Apple's `'BGRA'` literals.
pub const fn fourcc(code: &[u8; 4]) -> u32 {
    u32::from_be_bytes(*code)
}

/// What the components of a format mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// Palette indices (1, 2, 4 or 8 bits); the palette is not part of the buffer.
    Indexed,
    /// Gray-ramp indices where 0 is white (QuickDraw's inverted gray).
    IndexedGray,
    /// R, G, B (and possibly alpha).
    Rgb,
    /// Gray with black = 0, possibly with alpha (`'b16g'`, `'b32a'`).
    Gray,
    /// Y'CbCr (and possibly alpha).
    YCbCr,
    /// One generic component (`'L008'` …); CoreVideo uses these for grayscale.
    OneComponent,
    /// Two generic components (`'2C08'` …).
    TwoComponent,
    /// A Bayer mosaic: one sensel per pixel, colour given by its position.
    Bayer,
    /// Four sensel values per pixel from a downscaled ProRes RAW decode
    /// (`'bp64'`); the components need not be co-sited.
    RawRgba,
    /// Disparity in 1/metres.
    Disparity,
    /// Depth in metres.
    Depth,
    /// Device-specific compressed memory; never CPU-readable, never creatable here.
    Compressed,
    /// A format registered at run time; what it contains is what its
    /// description said (`kCVPixelFormatContains*`).
    Custom(Contents),
}

/// The `kCVPixelFormatContains*` flags of a registered format (alpha is
/// [`PixelFormat::alpha`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Contents {
    pub rgb: bool,
    pub ycbcr: bool,
    pub grayscale: bool,
    pub sensel_array: bool,
}

/// The 10-bit XR ("wide gamut") code of 0.0.
pub const XR_ZERO_CODE: u32 = 384;
/// The 10-bit XR code of 1.0: 384 + 510. Decision: Metal's published XR
/// range, −0.752941…1.25098, is exactly codes 0…1022 at (code − 384) / 510;
/// the CoreVideo header's "384–895" would put 1.0 at 895 and matches no
/// published value. Every XR reader, writer and black block uses this.
pub const XR_ONE_CODE: u32 = 894;

/// The range the component codes cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Range {
    /// Limited ("video") range: 8-bit Y' 16–235 / C 16–240, scaled by
    /// `2^(bits-8)` for deeper formats; `'r210'` uses 64–940 for R, G, B.
    Video,
    /// The whole code range.
    Full,
    /// Extended ("XR", wide gamut) range: 10-bit code [`XR_ZERO_CODE`] is
    /// 0.0 and [`XR_ONE_CODE`] is 1.0.
    Wide,
    /// `'r408'`'s "rendering" form: zero-biased Y'CbCr, full-range alpha.
    ZeroBiased,
    /// Raw sensor levels; black and white level come from attachments.
    Sensor,
}

/// Byte order of the multi-byte samples or words of a format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Endian {
    Big,
    Little,
    /// Samples are single bytes or smaller; byte order does not apply.
    Byte,
}

/// Whether a format carries alpha.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Alpha {
    None,
    /// An alpha component; straight or premultiplied is an attachment's business.
    Present,
    /// The format itself defines colour as premultiplied by alpha (`'w40m'`).
    Premultiplied,
    /// An alpha component coded like video-range luma: 16 transparent, 235
    /// opaque at 8 bits (`'v408'`; TN2162, where `'y408'`'s alpha is full range).
    Video,
}

/// How one plane stores its samples.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Storage {
    /// Several pixels per byte (1, 2 or 4 bits each), first pixel in the
    /// most-significant bits.
    SubByte { bits: u8 },
    /// Every component in its own unsigned container of `bits` (8 or 16);
    /// deeper-than-content formats (`'x420'`, `'L010'`) keep the value in the
    /// most-significant bits.
    Container { bits: u8 },
    /// Every component an IEEE float of `bits` (16 or 32).
    Float { bits: u8 },
    /// Several components share one `bits`-wide word (5-5-5, 5-6-5, 10-10-10, `'v210'`).
    PackedWord { bits: u8 },
    /// Components of `bits` packed back to back across byte boundaries (`'btp2'`).
    BitPacked { bits: u8 },
    /// A registered format's block: pixelport knows its size, not its contents.
    Opaque,
}

/// What one sample of a plane holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Channel {
    Y,
    Cb,
    Cr,
    R,
    G,
    B,
    A,
    /// Gray with black = 0 (`'b16g'`, `'L008'` …).
    Gray,
    /// A palette (or inverted gray-ramp) index.
    Index,
    /// The first and second of the two generic components (`'2C08'` …).
    C0,
    C1,
    /// A Bayer sensel, colour given by its position.
    Sensel,
    Depth,
    Disparity,
    /// Padding bits; written as zero.
    Unused,
}

/// One component inside a packed word: `bits` wide, its least-significant
/// bit `shift` bits above the word's, in word `word` of the block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub word: u8,
    pub channel: Channel,
    pub shift: u8,
    pub bits: u8,
}

/// Which sample is which inside one block of a plane. Component order is
/// not geometry, but black blocks and conversion kernels need it; it comes
/// from the header comments and TN2162 like the rest of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Channels {
    /// `Container`/`Float` storage: the block's samples in memory order.
    Ordered(&'static [Channel]),
    /// `PackedWord` storage: the fields of the block's words.
    Packed(&'static [Field]),
    /// `SubByte`/`BitPacked` storage: every sample of the block is this channel.
    Uniform(Channel),
    /// A registered format: only the black block its description gave (if any).
    Registered { black_block: Option<&'static [u8]> },
}

/// One plane of a format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Plane {
    /// Image pixels per plane sample, horizontally (2 for 4:2:x chroma).
    pub h_subsampling: u8,
    /// Image rows per plane row (2 for 4:2:0 chroma).
    pub v_subsampling: u8,
    /// Bytes in one block.
    pub bytes_per_block: u8,
    /// Plane samples in one block.
    pub block_width: u8,
    /// A row holds a whole multiple of this many blocks (`'v210'`: 8, i.e.
    /// 48-pixel / 128-byte groups); `kCVPixelFormatBlockHorizontalAlignment`.
    pub block_alignment: u8,
    /// Components stored per plane sample (interleaved Cb/Cr: 2; `'2vuy'`: 3).
    pub components: u8,
    pub storage: Storage,
    /// Which sample of a block is which.
    pub channels: Channels,
}

impl Plane {
    /// Plane samples across for an image `width` pixels wide (odd sizes round up).
    pub const fn width_for(&self, width: usize) -> usize {
        width.div_ceil(self.h_subsampling as usize)
    }

    /// Plane rows for an image `height` rows high (odd sizes round up).
    pub const fn height_for(&self, height: usize) -> usize {
        height.div_ceil(self.v_subsampling as usize)
    }

    /// Blocks needed to hold `samples` plane samples.
    pub const fn blocks_for(&self, samples: usize) -> usize {
        samples.div_ceil(self.block_width as usize)
    }

    /// Bytes holding `samples` plane samples in whole blocks, without the
    /// block-alignment padding; `None` on overflow.
    pub const fn row_length(&self, samples: usize) -> Option<usize> {
        self.blocks_for(samples)
            .checked_mul(self.bytes_per_block as usize)
    }
}

/// The big-endian plane descriptor CoreVideo puts at the base address of
/// some planar buffers (`CVPlanarPixelBufferInfo_*`, CVPixelBuffer.h).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanarInfo {
    /// `CVPlanarPixelBufferInfo_YCbCrPlanar`: Y, Cb, Cr entries.
    YCbCrPlanar,
    /// `CVPlanarPixelBufferInfo_YCbCrBiPlanar`: Y, CbCr entries.
    YCbCrBiPlanar,
}

impl PlanarInfo {
    /// Size of the struct: 8 bytes (`int32_t offset`, `uint32_t rowBytes`) per plane.
    pub const fn size(self) -> usize {
        match self {
            PlanarInfo::YCbCrPlanar => 24,
            PlanarInfo::YCbCrBiPlanar => 16,
        }
    }
}

/// Kind of device compression of a `&…` / `-…` format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Compression {
    Lossless,
    Lossy,
}

/// Memory organisation of a format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    /// Uncompressed planes; one entry for chunky (non-planar) formats.
    Planes(&'static [Plane]),
    /// Device-compressed form of the uncompressed format `of`.
    Compressed { compression: Compression, of: u32 },
}

/// Everything pixelport knows about one CoreVideo pixel format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PixelFormat {
    /// The `OSType` value (`'420v'` = 0x34323076; small numbers for the
    /// QuickDraw-era formats).
    pub code: u32,
    /// Apple's constant name, e.g. `kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange`.
    pub name: &'static str,
    pub family: Family,
    /// `None` where a range does not apply (floats, indices, depth).
    pub range: Option<Range>,
    /// Logical depth of the widest colour component, alpha excluded (`'x420'`:
    /// 10 although stored in 16 bits; 5-6-5: 6; `'l10r'`: 10).
    pub bits_per_component: u8,
    pub alpha: Alpha,
    pub endian: Endian,
    pub layout: Layout,
    /// The descriptor at the base address, for the formats whose header
    /// comment says they have one.
    pub planar_info: Option<PlanarInfo>,
}

impl PixelFormat {
    /// Every built-in format, in the order of `CVPixelBuffer.h` (registered
    /// formats are in [`registry::registered`]).
    pub fn all() -> &'static [PixelFormat] {
        &table::FORMATS
    }

    /// The format with this code: a built-in one, else one registered at
    /// run time.
    pub fn find(code: u32) -> Option<&'static PixelFormat> {
        Self::find_builtin(code).or_else(|| registry::find(code))
    }

    /// The built-in format with this code, ignoring the registry.
    pub fn find_builtin(code: u32) -> Option<&'static PixelFormat> {
        table::FORMATS.iter().find(|f| f.code == code)
    }

    /// Whether this format was registered at run time.
    pub const fn is_registered(&self) -> bool {
        matches!(self.family, Family::Custom(_))
    }

    /// The planes (empty for compressed formats).
    pub const fn planes(&self) -> &'static [Plane] {
        match self.layout {
            Layout::Planes(planes) => planes,
            Layout::Compressed { .. } => &[],
        }
    }

    pub const fn is_compressed(&self) -> bool {
        matches!(self.layout, Layout::Compressed { .. })
    }

    /// CoreVideo's notion of planar: more than one plane. Chunky formats
    /// report a plane count of 0 through `CVPixelBufferGetPlaneCount`.
    pub const fn is_planar(&self) -> bool {
        self.planes().len() > 1
    }

    pub const fn has_alpha(&self) -> bool {
        !matches!(self.alpha, Alpha::None)
    }

    /// The name without the `kCVPixelFormatType_` prefix (`"32BGRA"`).
    pub fn short_name(&self) -> &'static str {
        self.name
            .strip_prefix("kCVPixelFormatType_")
            .unwrap_or(self.name)
    }

    /// The code as CoreVideo prints it: `'420v'` for printable FourCCs, the
    /// decimal number for the QuickDraw-era formats (`32` for `32ARGB`).
    pub fn code_string(&self) -> String {
        code_string(self.code)
    }
}

/// `'abcd'` when all four bytes are printable ASCII, else the decimal value.
pub fn code_string(code: u32) -> String {
    let bytes = code.to_be_bytes();
    if bytes.iter().all(|b| (0x20..0x7f).contains(b)) {
        format!("'{}'", String::from_utf8_lossy(&bytes))
    } else {
        code.to_string()
    }
}
