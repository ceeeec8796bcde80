//! What the colour stage needs to know about a format's code values: colour
//! model, per-channel depth and signedness, coding (range), chroma
//! subsampling and alpha. The I/O layer never normalises; these facts let
//! the colour stage do it.

use super::ConvertError;
use super::row::ColorModel;
use super::row::channel::A;
use super::spec::{self, PlaneCodec, Pos, Sample, Spec};
use crate::core::pixel_format::{Alpha, Family, PixelFormat, Range};

/// How a channel's codes relate to values; the colour stage owns the
/// actual maps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Coding {
    /// Limited range: n-bit Y' 16·2^(n−8)…235·2^(n−8), Cb/Cr
    /// 16·2^(n−8)…240·2^(n−8); for `'r210'` R, G, B 64–940.
    Video,
    /// The whole code range 0…2^n − 1.
    Full,
    /// Extended ("XR", wide-gamut) 10-bit codes: 384 is 0.0, and 1.0 is
    /// `Coding::XR_ONE` (894); codes outside that span are values outside 0…1.
    Xr,
    /// `'r408'`: Y' with black at code 0, Cb/Cr two's complement centred
    /// on 0 (TN2162's "rendering" form).
    ZeroBiased,
    /// IEEE half or single floats: the sample is the value.
    Float,
}

// Associated constants are crate-private: cbindgen would put public ones
// into the C header.
impl Coding {
    /// The XR code of 1.0 (see `pixel_format::XR_ONE_CODE` for the decision).
    pub(crate) const XR_ONE: f32 = crate::core::pixel_format::XR_ONE_CODE as f32;
}

/// Code-value facts of one supported format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatInfo {
    pub format: &'static PixelFormat,
    pub model: ColorModel,
    /// Coding of the colour channels (channels 0–2).
    pub coding: Coding,
    /// `None`, `Present` (straight, unless an attachment says otherwise) or
    /// `Premultiplied` (`'w40m'`).
    pub alpha: Alpha,
    /// Coding of the alpha channel; `None` without alpha. Full range except
    /// `'w40a'`/`'w40m'` (XR) and the float formats.
    pub alpha_coding: Option<Coding>,
    /// Code bits per channel (0 = no such channel): `'x420'` 10, 5-6-5
    /// `[5, 6, 5, 0]`, `'l10r'` `[10, 10, 10, 2]`; 16 or 32 for floats.
    pub bits: [u8; 4],
    /// Which channels hold two's-complement codes (`'r408'` Cb/Cr).
    pub signed: [bool; 4],
    /// Chroma subsampling (horizontal, vertical); (1, 1) unless Y'CbCr 4:2:x.
    pub chroma_subsampling: (u8, u8),
    pub(crate) spec: &'static Spec,
}

impl FormatInfo {
    /// The facts for `format`, or [`ConvertError::Unsupported`] for the
    /// formats the converter does not handle (indexed, Bayer, `'bp64'`,
    /// depth/disparity, compressed).
    pub fn new(format: &'static PixelFormat) -> Result<FormatInfo, ConvertError> {
        let unsupported = ConvertError::Unsupported(format.code);
        let spec = spec::find(format.code).ok_or(unsupported)?;
        if spec.planes.len() != format.planes().len() {
            return Err(unsupported);
        }
        let mut bits = [0u8; 4];
        let mut signed = [false; 4];
        let mut float = false;
        let mut set = |ch: usize, sample_bits: u8, is_signed: bool| {
            bits[ch] = sample_bits;
            signed[ch] = is_signed;
        };
        for codec in spec.planes {
            match *codec {
                PlaneCodec::Interleaved(slots) => {
                    for &(ch, sample) in slots {
                        set(ch, sample.bits(), sample == Sample::S8);
                        float |= matches!(sample, Sample::F16 | Sample::F32);
                    }
                }
                PlaneCodec::Word { fields, .. } => {
                    for field in fields {
                        set(field.ch, field.bits, false);
                    }
                }
                PlaneCodec::Pairs422 { sample, order } => {
                    for pos in order {
                        set(pos_channel(pos), sample.bits(), false);
                    }
                }
                PlaneCodec::V210 => {
                    for pos in [Pos::Y0, Pos::Cb, Pos::Cr] {
                        set(pos_channel(pos), 10, false);
                    }
                }
            }
        }
        let coding = match (format.range, float) {
            (_, true) | (None, _) => Coding::Float,
            (Some(Range::Video), _) => Coding::Video,
            (Some(Range::Full), _) => Coding::Full,
            (Some(Range::Wide), _) => Coding::Xr,
            (Some(Range::ZeroBiased), _) => Coding::ZeroBiased,
            (Some(Range::Sensor), _) => return Err(unsupported),
        };
        let alpha_coding = match format.alpha {
            Alpha::None => None,
            // Only 'w40a'/'w40m' store alpha in the XR coding; 'b3a8''s
            // alpha is a separate 8-bit plane.
            _ if coding == Coding::Xr && bits[A] == 10 => Some(Coding::Xr),
            _ if coding == Coding::Float => Some(Coding::Float),
            _ => Some(Coding::Full),
        };
        Ok(FormatInfo {
            format,
            model: spec.model,
            coding,
            alpha: format.alpha,
            alpha_coding,
            bits,
            signed,
            chroma_subsampling: spec.chroma,
            spec,
        })
    }

    /// [`FormatInfo::new`] for a code; unknown codes are `Unsupported` too.
    pub fn for_code(code: u32) -> Result<FormatInfo, ConvertError> {
        FormatInfo::new(PixelFormat::find(code).ok_or(ConvertError::Unsupported(code))?)
    }

    /// Whether the converter handles this family at all.
    pub fn supports_family(family: Family) -> bool {
        matches!(
            family,
            Family::Rgb
                | Family::Gray
                | Family::YCbCr
                | Family::OneComponent
                | Family::TwoComponent
        )
    }

    pub fn has_alpha(&self) -> bool {
        self.alpha_coding.is_some()
    }

    /// Cb/Cr samples per row for an image `width` pixels wide (rounded up);
    /// `width` for models without chroma.
    pub fn chroma_width(&self, width: usize) -> usize {
        width.div_ceil(usize::from(self.chroma_subsampling.0))
    }

    /// The smallest and largest code of channel `ch`; `None` for float
    /// channels and channels the format lacks. Packing clamps to this.
    pub fn code_range(&self, ch: usize) -> Option<(f32, f32)> {
        let bits = *self.bits.get(ch)?;
        let float = if ch == A {
            self.alpha_coding == Some(Coding::Float)
        } else {
            self.coding == Coding::Float
        };
        if bits == 0 || float {
            return None;
        }
        let span = (1u32 << bits) as f32;
        Some(if self.signed[ch] {
            (-span / 2.0, span / 2.0 - 1.0)
        } else {
            (0.0, span - 1.0)
        })
    }

    /// The alpha code written when the packed row has no alpha: the largest
    /// code for full-range alpha, `Coding::XR_ONE` (894) for XR alpha, 1.0 for float
    /// alpha; `None` without alpha.
    pub fn opaque_alpha(&self) -> Option<f32> {
        Some(match self.alpha_coding? {
            Coding::Xr => Coding::XR_ONE,
            Coding::Float => 1.0,
            // 'v408' codes alpha like video-range luma (TN2162): 235 is opaque,
            // as its black block says.
            _ if self.alpha == Alpha::Video => (235u32 << (self.bits[A] - 8)) as f32,
            _ => ((1u32 << self.bits[A]) - 1) as f32,
        })
    }
}

/// The channel a 4:2:2 pair position feeds.
pub(crate) const fn pos_channel(pos: Pos) -> usize {
    use super::row::channel::{CB, CR, Y};
    match pos {
        Pos::Y0 | Pos::Y1 => Y,
        Pos::Cb => CB,
        Pos::Cr => CR,
    }
}
