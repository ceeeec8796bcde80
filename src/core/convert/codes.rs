//! Code values ⇄ normalised values, per channel of a supported format.
//!
//! The colour stage works on normalised values: R', G', B', Y', gray and
//! alpha nominally in [0, 1], Cb and Cr in [−0.5, 0.5], the generic
//! components of the two-component formats in [0, 1]. Every map is the
//! affine `normalised = (code − zero) / span` of a
//! [`ChannelMap`](crate::core::color::range::ChannelMap) from
//! `core::color::range`; this module only picks the right map for each
//! channel from the format's [`FormatInfo`], so the range of a conversion
//! always comes from the pixel format (`'420v'` vs `'420f'`), never from
//! an attachment.
//!
//! | coding (`io::Coding`) | colour channels | alpha |
//! |---|---|---|
//! | video | video range at the channel's depth (`'r210'` R'G'B' 64–940) | — |
//! | full | full range; Apple's full-range chroma (±0.5 at 1 and 2^n − 1) | full range at its depth (1, 2, 8, 16 bits) |
//! | XR | 384 ↦ 0.0, 894 ↦ 1.0 | the same for 10-bit alpha; `'b3a8'`'s 8-bit alpha plane is full range |
//! | zero-biased (`'r408'`) | Y' 0 ↦ 0.0, 219 ↦ 1.0; Cb/Cr ±112 ↦ ±0.5 | full range |
//! | float | the value | the value |
//!
//! `'v408'`'s alpha is video-coded (TN2162): 16 transparent, 235 opaque.

use super::io::{Coding as IoCoding, ColorModel, ConvertError, FormatInfo};
use crate::core::color::range::{BitDepth, ChannelMap, Coding, Range};
use crate::core::pixel_format::Alpha;

/// `y = (x − shift) · scale + offset` in f32: one channel's code →
/// normalised map (`shift` = the code of 0, so that code decodes to exactly
/// 0.0 — alpha 0 must stay 0 for unpremultiplying) or its inverse.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Affine1 {
    pub shift: f32,
    pub scale: f32,
    pub offset: f32,
}

impl Affine1 {
    pub const IDENTITY: Affine1 = Affine1 {
        shift: 0.0,
        scale: 1.0,
        offset: 0.0,
    };

    fn decode(map: &ChannelMap) -> Affine1 {
        Affine1 {
            shift: map.zero as f32,
            scale: (1.0 / map.span) as f32,
            offset: 0.0,
        }
    }

    fn encode(map: &ChannelMap) -> Affine1 {
        Affine1 {
            shift: 0.0,
            scale: map.span as f32,
            offset: map.zero as f32,
        }
    }

    /// Applies the map from `input` to `out` (same length).
    #[inline]
    pub fn apply(&self, input: &[f32], out: &mut [f32]) {
        let (z, s, o) = (self.shift, self.scale, self.offset);
        for (d, &x) in out.iter_mut().zip(input) {
            *d = (x - z) * s + o;
        }
    }
}

/// The code ⇄ normalised maps of one format's channels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct FormatCodes {
    /// Code → normalised for channels 0–2 (identity for channels the model
    /// lacks).
    pub decode: [Affine1; 3],
    /// Normalised → code for channels 0–2.
    pub encode: [Affine1; 3],
    /// Alpha maps; `None` for formats without alpha.
    pub alpha: Option<(Affine1, Affine1)>,
}

impl FormatCodes {
    /// The maps of `info`'s format. [`ConvertError::Unsupported`] if a
    /// channel has a depth no coding covers (no supported format does).
    pub fn new(info: &FormatInfo) -> Result<FormatCodes, ConvertError> {
        let maps = colour_maps(info)?;
        let mut decode = [Affine1::IDENTITY; 3];
        let mut encode = [Affine1::IDENTITY; 3];
        for (c, map) in maps.iter().enumerate() {
            if let Some(map) = map {
                decode[c] = Affine1::decode(map);
                encode[c] = Affine1::encode(map);
            }
        }
        let alpha = alpha_map(info)?.map(|m| (Affine1::decode(&m), Affine1::encode(&m)));
        Ok(FormatCodes {
            decode,
            encode,
            alpha,
        })
    }
}

/// The maps of channels 0–2; `None` where the model has no such channel.
fn colour_maps(info: &FormatInfo) -> Result<[Option<ChannelMap>; 3], ConvertError> {
    let unsupported = ConvertError::Unsupported(info.format.code);
    let map = |ch: usize, chroma: bool| -> Result<ChannelMap, ConvertError> {
        let bits = u32::from(info.bits[ch]);
        let integer = |range: Range| -> Option<ChannelMap> {
            let coding = Coding::integer(BitDepth::new(bits)?, range);
            Some(if chroma {
                coding.chroma()
            } else {
                coding.luma()
            })
        };
        let map = match info.coding {
            IoCoding::Float if chroma => Some(Coding::Float.chroma()),
            IoCoding::Float => Some(Coding::Float.luma()),
            IoCoding::Xr if bits == 10 && !chroma => Some(ChannelMap::extended_range_10()),
            IoCoding::ZeroBiased if bits == 8 && chroma => Some(ChannelMap::zero_biased_chroma_8()),
            IoCoding::ZeroBiased if bits == 8 => Some(ChannelMap::zero_biased_luma_8()),
            IoCoding::Video => integer(Range::Video),
            // 5-6-5 and 5-5-5 fields are below `BitDepth`'s 8.
            IoCoding::Full if !chroma && bits < 8 => ChannelMap::full_range(bits),
            IoCoding::Full => integer(Range::Full),
            _ => None,
        };
        map.ok_or(unsupported)
    };
    Ok(match info.model {
        ColorModel::Rgb => [
            Some(map(0, false)?),
            Some(map(1, false)?),
            Some(map(2, false)?),
        ],
        ColorModel::YCbCr => [
            Some(map(0, false)?),
            Some(map(1, true)?),
            Some(map(2, true)?),
        ],
        ColorModel::Gray => [Some(map(0, false)?), None, None],
        ColorModel::TwoComponent => [Some(map(0, false)?), Some(map(1, false)?), None],
    })
}

fn alpha_map(info: &FormatInfo) -> Result<Option<ChannelMap>, ConvertError> {
    let unsupported = ConvertError::Unsupported(info.format.code);
    let bits = u32::from(info.bits[3]);
    let Some(coding) = info.alpha_coding else {
        return Ok(None);
    };
    let map = match coding {
        IoCoding::Float => Some(Coding::Float.luma()),
        IoCoding::Xr if bits == 10 => Some(ChannelMap::extended_range_10()),
        // TN2162: 'v408' alpha is coded like video-range luma.
        _ if info.alpha == Alpha::Video => {
            BitDepth::new(bits).map(|d| Coding::integer(d, Range::Video).luma())
        }
        IoCoding::Full => ChannelMap::full_range(bits),
        _ => None,
    };
    map.map(Some).ok_or(unsupported)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::pixel_format::{PixelFormat, fourcc};

    fn codes(code: &[u8; 4]) -> FormatCodes {
        let f = PixelFormat::find(fourcc(code)).unwrap();
        FormatCodes::new(&FormatInfo::new(f).unwrap()).unwrap()
    }

    fn to_code(a: Affine1, v: f32) -> f32 {
        let mut out = [0.0];
        a.apply(&[v], &mut out);
        out[0]
    }

    #[test]
    fn every_supported_format_has_maps() {
        let mut count = 0;
        for f in PixelFormat::all() {
            let Ok(info) = FormatInfo::new(f) else {
                continue;
            };
            let c = FormatCodes::new(&info).unwrap();
            assert_eq!(c.alpha.is_some(), info.has_alpha(), "{}", f.name);
            count += 1;
        }
        assert_eq!(count, 66);
    }

    #[test]
    fn white_and_opaque_codes() {
        // (format, white code of channel 0, chroma centre, opaque alpha)
        type Case = (&'static [u8; 4], f32, Option<f32>, Option<f32>);
        let cases: [Case; 9] = [
            (b"420v", 235.0, Some(128.0), None),
            (b"xf20", 1023.0, Some(512.0), None),
            (b"v408", 235.0, Some(128.0), Some(235.0)),
            (b"r408", 219.0, Some(0.0), Some(255.0)),
            (b"w40m", 894.0, None, Some(894.0)),
            (b"b3a8", 894.0, None, Some(255.0)),
            (b"r210", 940.0, None, None),
            (b"5551", 31.0, None, Some(1.0)),
            (b"RGfA", 1.0, None, Some(1.0)),
        ];
        for (code, white, centre, opaque) in cases {
            let c = codes(code);
            assert!((to_code(c.encode[0], 1.0) - white).abs() < 1e-3);
            if let Some(centre) = centre {
                assert!((to_code(c.encode[1], 0.0) - centre).abs() < 1e-3);
            }
            let alpha = c.alpha.map(|(_, enc)| to_code(enc, 1.0));
            assert_eq!(alpha.map(f32::round), opaque, "{code:?}");
        }
        let l565 = codes(b"L565");
        assert_eq!(to_code(l565.encode[1], 1.0), 63.0);
        assert_eq!(to_code(l565.encode[2], 1.0), 31.0);
    }
}
