//! What vImage's Core Video interop needs to know about a CV pixel format:
//! its channels (names and range descriptions), whether a conversion needs
//! a matrix and a chroma siting, and the order of the `vImage_Buffer`s
//! that alias its planes (vimage-corevideo.md §4, §8.1, §11).
//!
//! Decisions (Apple documents none of these; README behaviour table):
//! - Every format of the table that is not device-compressed can be
//!   described; which of them convert is `core::convert`'s business
//!   (indexed, 1-bit, Bayer, depth and disparity formats describe but do
//!   not convert).
//! - Buffer order = plane order of the CVPixelBuffer (§8.1's table):
//!   bi-planar Y'CbCr {Luminance, Chroma}, tri-planar {Luminance, Cb, Cr},
//!   `'a2vy'` {CVPixelBuffer_YCbCr, Alpha}, packed Y'CbCr
//!   {CVPixelBuffer_YCbCr}, RGB/gray formats a CG layout can describe
//!   {CGFormat}, any other chunky format {Chunky}. Formats with planes
//!   that fit none of these (`'v0a8'`, `'s4as'`, `'b3a8'`): one code per
//!   plane, the last one Alpha.
//! - Channel descriptions (min, zero, full, max) follow the format's code
//!   range: video-range n-bit Y' {16, 16, 235, 235}·2^(n−8), chroma
//!   {16, 128, 240, 240}·2^(n−8); full-range Y' {0, 0, max, max}, chroma
//!   {0, mid, max, max}; RGB, gray and alpha {0, 0, max, max}; float
//!   channels {0, 0, 1, 1}. They describe the format; conversions use the
//!   format's own range.

use crate::core::convert::io::{Coding, ColorModel, FormatInfo};
use crate::core::pixel_format::{Alpha, Family, PixelFormat, Range};

/// `vImageBufferTypeCode` values (vImage_Utilities.h; §9).
pub mod code {
    pub const END_OF_LIST: u32 = 0;
    pub const CHANNEL_1: u32 = 1;
    pub const CHANNEL_2: u32 = 2;
    pub const CHANNEL_3: u32 = 3;
    pub const ALPHA: u32 = 17;
    pub const INDEXED: u32 = 18;
    pub const CV_YCBCR: u32 = 19;
    pub const LUMINANCE: u32 = 20;
    pub const CHROMA: u32 = 21;
    pub const CB: u32 = 22;
    pub const CR: u32 = 23;
    pub const CG_FORMAT: u32 = 24;
    pub const CHUNKY: u32 = 25;
    /// One past the last code.
    pub const UNIQUE_FORMAT_COUNT: u32 = 26;
}

/// A channel's range description (`vImageChannelDescription`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChannelRange {
    pub min: f64,
    pub zero: f64,
    pub full: f64,
    pub max: f64,
}

/// The interop facts of one CV format.
#[derive(Clone, Debug, PartialEq)]
pub struct CvFormatFacts {
    pub format: &'static PixelFormat,
    /// Y'CbCr: conversions need a matrix.
    pub ycbcr: bool,
    /// Chroma is subsampled: conversions need a siting.
    pub subsampled: bool,
    /// A gray (one-component) format.
    pub gray: bool,
    pub has_alpha: bool,
    /// Channel names (type codes) and their descriptions, alpha last.
    pub channels: Vec<(u32, ChannelRange)>,
    /// One type code per buffer `vImageConvert_AnyToAny` takes.
    pub buffer_order: Vec<u32>,
}

impl CvFormatFacts {
    /// The facts for `code`; `None` for unknown and device-compressed
    /// formats.
    pub fn new(code: u32) -> Option<CvFormatFacts> {
        let format = PixelFormat::find(code)?;
        if format.is_compressed() || matches!(format.family, Family::Custom(_)) {
            return None;
        }
        let info = FormatInfo::new(format).ok();
        let ycbcr = format.family == Family::YCbCr;
        let gray = matches!(
            format.family,
            Family::Gray | Family::OneComponent | Family::IndexedGray
        );
        let subsampled =
            info.is_some_and(|i| i.chroma_subsampling != (1, 1)) || (ycbcr && info.is_none());
        let has_alpha = format.alpha != Alpha::None;
        let channels = channels(format, info.as_ref(), ycbcr, gray, has_alpha);
        let buffer_order = buffer_order(format, ycbcr);
        Some(CvFormatFacts {
            format,
            ycbcr,
            subsampled,
            gray,
            has_alpha,
            channels,
            buffer_order,
        })
    }

    /// The description of channel `name`, if the format has it.
    pub fn channel(&self, name: u32) -> Option<ChannelRange> {
        self.channels
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, r)| *r)
    }
}

fn channels(
    format: &PixelFormat,
    info: Option<&FormatInfo>,
    ycbcr: bool,
    gray: bool,
    has_alpha: bool,
) -> Vec<(u32, ChannelRange)> {
    let bits = |ch: usize| {
        info.map(|i| u32::from(i.bits[ch]))
            .filter(|&b| b > 0)
            .unwrap_or(u32::from(format.bits_per_component.max(1)))
    };
    let float = format.range.is_none() || info.is_some_and(|i| i.coding == Coding::Float);
    let full = |b: u32| {
        let max = ((1u64 << b.min(32)) - 1) as f64;
        ChannelRange {
            min: 0.0,
            zero: 0.0,
            full: max,
            max,
        }
    };
    let unit = ChannelRange {
        min: 0.0,
        zero: 0.0,
        full: 1.0,
        max: 1.0,
    };
    let plain = |b: u32| if float { unit } else { full(b) };
    let mut out = Vec::new();
    if ycbcr {
        let b = bits(0);
        let scale = f64::from(1u32 << b.saturating_sub(8));
        let max = ((1u64 << b) - 1) as f64;
        let video = format.range == Some(Range::Video);
        let luma = if video {
            ChannelRange {
                min: 16.0 * scale,
                zero: 16.0 * scale,
                full: 235.0 * scale,
                max: 235.0 * scale,
            }
        } else {
            full(b)
        };
        let chroma = if video {
            ChannelRange {
                min: 16.0 * scale,
                zero: 128.0 * scale,
                full: 240.0 * scale,
                max: 240.0 * scale,
            }
        } else {
            ChannelRange {
                min: 0.0,
                zero: 128.0 * scale,
                full: max,
                max,
            }
        };
        let chroma = if float { unit } else { chroma };
        let luma = if float { unit } else { luma };
        out.push((code::LUMINANCE, luma));
        out.push((code::CB, chroma));
        out.push((code::CR, chroma));
    } else if matches!(format.family, Family::Indexed) {
        out.push((code::INDEXED, full(bits(0))));
    } else if gray {
        out.push((code::CHANNEL_1, plain(bits(0))));
    } else if format.family == Family::TwoComponent {
        out.push((code::CHANNEL_1, plain(bits(0))));
        out.push((code::CHANNEL_2, plain(bits(1))));
    } else {
        for (ch, name) in [code::CHANNEL_1, code::CHANNEL_2, code::CHANNEL_3]
            .into_iter()
            .enumerate()
        {
            out.push((name, plain(bits(ch))));
        }
    }
    if has_alpha {
        out.push((code::ALPHA, plain(bits(3))));
    }
    out
}

fn buffer_order(format: &PixelFormat, ycbcr: bool) -> Vec<u32> {
    let planes = format.planes().len().max(1);
    if ycbcr {
        return match planes {
            1 => vec![code::CV_YCBCR],
            2 if format.alpha != Alpha::None => vec![code::CV_YCBCR, code::ALPHA],
            2 => vec![code::LUMINANCE, code::CHROMA],
            3 if format.alpha != Alpha::None => vec![code::LUMINANCE, code::CHROMA, code::ALPHA],
            3 => vec![code::LUMINANCE, code::CB, code::CR],
            _ => vec![code::CHUNKY],
        };
    }
    if planes > 1 {
        // 'b3a8': a packed RGB word plane and an alpha plane.
        let mut order = vec![code::CHUNKY; planes - 1];
        order.push(code::ALPHA);
        return order;
    }
    if super::cg_format::TWIN_CODES.contains(&format.code) {
        vec![code::CG_FORMAT]
    } else {
        vec![code::CHUNKY]
    }
}

/// Whether a converter can read or write this format at all.
pub fn converts(facts: &CvFormatFacts) -> bool {
    FormatInfo::new(facts.format).is_ok_and(|i| i.model != ColorModel::TwoComponent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::pixel_format::fourcc;

    #[test]
    fn buffer_orders_follow_the_planes() {
        let order = |c: &[u8; 4]| CvFormatFacts::new(fourcc(c)).unwrap().buffer_order;
        assert_eq!(order(b"420v"), [code::LUMINANCE, code::CHROMA]);
        assert_eq!(order(b"y420"), [code::LUMINANCE, code::CB, code::CR]);
        assert_eq!(order(b"a2vy"), [code::CV_YCBCR, code::ALPHA]);
        assert_eq!(order(b"2vuy"), [code::CV_YCBCR]);
        assert_eq!(order(b"BGRA"), [code::CG_FORMAT]);
        assert_eq!(order(b"w30r"), [code::CHUNKY]);
    }

    #[test]
    fn channel_counts_include_alpha() {
        let count = |c: u32| CvFormatFacts::new(c).unwrap().channels.len();
        assert_eq!(count(fourcc(b"RGBA")), 4);
        assert_eq!(count(fourcc(b"yuvs")), 3);
        assert_eq!(count(fourcc(b"L008")), 1);
        assert_eq!(count(0x08), 1);
        let facts = CvFormatFacts::new(fourcc(b"420v")).unwrap();
        let luma = facts.channel(code::LUMINANCE).unwrap();
        assert_eq!(
            (luma.min, luma.zero, luma.full, luma.max),
            (16.0, 16.0, 235.0, 235.0)
        );
        assert!(facts.subsampled && facts.ycbcr && !facts.has_alpha);
        assert!(CvFormatFacts::new(fourcc(b"zzzz")).is_none());
    }
}
