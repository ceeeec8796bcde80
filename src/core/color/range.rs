//! Sample codings: how stored code values map to normalised values
//! (Y', R', G', B' nominally in [0, 1]; Cb, Cr nominally in [-0.5, 0.5]).
//!
//! Every map is `code = zero + span · normalised`, per channel:
//!
//! | coding | luma / R'G'B' zero, span | chroma zero, span |
//! |---|---|---|
//! | video range, n bits | 16·2^(n−8), 219·2^(n−8) | 2^(n−1), 224·2^(n−8) |
//! | full range, n bits | 0, 2^n − 1 | 2^(n−1), 2^n − 2 |
//! | float | 0, 1 | 0, 1 |
//!
//! Video range is ITU-R BT.601-7 §2.5.3 / BT.709-6 item 4.6 / BT.2100-2
//! Table 9 ("narrow" range: 8-bit Y' 16..235, C 16..240 centred on 128,
//! scaled by 2^(n−8) for n-bit samples).
//!
//! Full-range chroma follows Apple, not H.273: vImage's documented full-range
//! pixel range (`CbCr_bias` 128, `CbCrRangeMax` 255; vImage Conversion.h)
//! makes `Cb = 128 + 254·Pb`, so ±0.5 land on 1 and 255 and the scale is
//! symmetric around the centre. ITU-T H.273 / JFIF scale by 255 instead
//! (±0.5 → 0.5 and 255.5), which is 0.4 % apart; we take Apple's convention
//! for every depth (span 2^n − 2, centre 2^(n−1)).
//!
//! Float samples carry no range: normalised values are stored as they are,
//! chroma centred on 0.
//!
//! Pixel formats also use three codings outside this table, given as single
//! [`ChannelMap`]s: full range at depths below 8 bits (5-6-5 fields, 1- and
//! 2-bit alpha), the 10-bit extended range "XR" of the wide-gamut RGB
//! formats (384 ↦ 0.0, 894 ↦ 1.0) and `'r408'`'s zero-biased Y'CbCr.

use super::linalg::Affine3;
use crate::core::pixel_format::{XR_ONE_CODE, XR_ZERO_CODE};

/// Video ("narrow", "legal") or full range, as the pixel format states it
/// (`420v` vs `420f`, `x420` vs `xf20`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Range {
    Video,
    Full,
}

/// Bits per integer sample, 8 to 16. Samples wider than their container
/// (10 bits in 16) are a layout matter for the kernels, not a coding one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BitDepth(u8);

impl BitDepth {
    pub const EIGHT: BitDepth = BitDepth(8);
    pub const TEN: BitDepth = BitDepth(10);
    pub const TWELVE: BitDepth = BitDepth(12);
    pub const SIXTEEN: BitDepth = BitDepth(16);

    /// `None` outside 8..=16.
    pub fn new(bits: u32) -> Option<BitDepth> {
        (8..=16).contains(&bits).then_some(BitDepth(bits as u8))
    }

    pub fn bits(self) -> u32 {
        u32::from(self.0)
    }

    /// 2^n − 1.
    pub fn max_code(self) -> u32 {
        (1u32 << self.0) - 1
    }

    /// 2^(n−8): how much the 8-bit video-range levels are scaled.
    fn scale_from_8(self) -> f64 {
        f64::from(1u32 << (self.0 - 8))
    }
}

/// How one channel's codes relate to normalised values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChannelMap {
    /// Code of normalised 0 (for chroma: of the neutral centre).
    pub zero: f64,
    /// Code distance for a normalised distance of 1.
    pub span: f64,
    /// Nominal code range (video range: 16..235 or 16..240 at 8 bits).
    pub nominal_min: f64,
    pub nominal_max: f64,
    /// Container limits, 0..2^n − 1 (±∞ for float).
    pub min: f64,
    pub max: f64,
}

impl ChannelMap {
    pub fn to_normalized(&self, code: f64) -> f64 {
        (code - self.zero) / self.span
    }

    pub fn to_code(&self, normalized: f64) -> f64 {
        self.zero + self.span * normalized
    }

    /// Full-range unsigned `bits`-bit samples (1..=16): 0 ↦ 0.0,
    /// 2^n − 1 ↦ 1.0. Covers the depths [`BitDepth`] leaves out — the 5- and
    /// 6-bit fields of 16-bit RGB words, 1- and 2-bit alpha — and agrees with
    /// [`Coding::luma`] of full range for 8..=16 bits. `None` outside 1..=16.
    pub fn full_range(bits: u32) -> Option<ChannelMap> {
        if !(1..=16).contains(&bits) {
            return None;
        }
        let max = f64::from((1u32 << bits) - 1);
        Some(ChannelMap {
            zero: 0.0,
            span: max,
            nominal_min: 0.0,
            nominal_max: max,
            min: 0.0,
            max,
        })
    }

    /// The 10-bit extended range ("XR") of the wide-gamut RGB formats
    /// (`'w30r'`, `'w40a'`, `'w40m'`, `'b3a8'`) for colour and for their
    /// 10-bit alpha: code `XR_ZERO_CODE` (384) is 0.0 and `XR_ONE_CODE`
    /// (894) is 1.0, so codes 0…1023 span −0.7529…1.2510 (the decision and
    /// its source are at `pixel_format::XR_ONE_CODE`).
    pub fn extended_range_10() -> ChannelMap {
        let zero = f64::from(XR_ZERO_CODE);
        let one = f64::from(XR_ONE_CODE);
        ChannelMap {
            zero,
            span: one - zero,
            nominal_min: zero,
            nominal_max: one,
            min: 0.0,
            max: 1023.0,
        }
    }

    /// `'r408'`'s zero-biased luma (TN2162's "rendering" form, read as the
    /// video-range levels with the black offset removed): 8-bit code 0 is
    /// black, 219 nominal white; codes 220…255 are super-white.
    pub fn zero_biased_luma_8() -> ChannelMap {
        ChannelMap {
            zero: 0.0,
            span: 219.0,
            nominal_min: 0.0,
            nominal_max: 219.0,
            min: 0.0,
            max: 255.0,
        }
    }

    /// `'r408'`'s zero-biased chroma: two's-complement codes centred on 0,
    /// the video-range excursion ±112 for ±0.5 (container −128…127).
    pub fn zero_biased_chroma_8() -> ChannelMap {
        ChannelMap {
            zero: 0.0,
            span: 224.0,
            nominal_min: -112.0,
            nominal_max: 112.0,
            min: -128.0,
            max: 127.0,
        }
    }
}

/// How all samples of a pixel format are coded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Coding {
    Integer { depth: BitDepth, range: Range },
    Float,
}

impl Coding {
    pub const VIDEO_8: Coding = Coding::Integer {
        depth: BitDepth::EIGHT,
        range: Range::Video,
    };
    pub const FULL_8: Coding = Coding::Integer {
        depth: BitDepth::EIGHT,
        range: Range::Full,
    };

    pub fn integer(depth: BitDepth, range: Range) -> Coding {
        Coding::Integer { depth, range }
    }

    /// Largest code (2^n − 1), `None` for float.
    pub fn max_code(self) -> Option<u32> {
        match self {
            Coding::Integer { depth, .. } => Some(depth.max_code()),
            Coding::Float => None,
        }
    }

    /// The map for Y' — and for R', G', B' in an RGB format of this coding.
    pub fn luma(self) -> ChannelMap {
        match self {
            Coding::Integer { depth, range } => {
                let (zero, span) = match range {
                    Range::Video => (16.0 * depth.scale_from_8(), 219.0 * depth.scale_from_8()),
                    Range::Full => (0.0, f64::from(depth.max_code())),
                };
                ChannelMap {
                    zero,
                    span,
                    nominal_min: zero,
                    nominal_max: zero + span,
                    min: 0.0,
                    max: f64::from(depth.max_code()),
                }
            }
            Coding::Float => ChannelMap {
                zero: 0.0,
                span: 1.0,
                nominal_min: 0.0,
                nominal_max: 1.0,
                min: f64::NEG_INFINITY,
                max: f64::INFINITY,
            },
        }
    }

    /// The map for Cb and Cr.
    pub fn chroma(self) -> ChannelMap {
        match self {
            Coding::Integer { depth, range } => {
                let zero = f64::from(1u32 << (depth.bits() - 1));
                let span = match range {
                    Range::Video => 224.0 * depth.scale_from_8(),
                    Range::Full => f64::from(depth.max_code() - 1),
                };
                ChannelMap {
                    zero,
                    span,
                    nominal_min: zero - span / 2.0,
                    nominal_max: zero + span / 2.0,
                    min: 0.0,
                    max: f64::from(depth.max_code()),
                }
            }
            Coding::Float => ChannelMap {
                zero: 0.0,
                span: 1.0,
                nominal_min: -0.5,
                nominal_max: 0.5,
                min: f64::NEG_INFINITY,
                max: f64::INFINITY,
            },
        }
    }

    /// (Y', Cb, Cr) codes → normalised.
    pub fn ycbcr_to_normalized(self) -> Affine3 {
        decode(self.luma(), self.chroma(), self.chroma())
    }

    /// Normalised → (Y', Cb, Cr) codes (unrounded, unclamped).
    pub fn normalized_to_ycbcr(self) -> Affine3 {
        encode(self.luma(), self.chroma(), self.chroma())
    }

    /// (R', G', B') codes → normalised.
    pub fn rgb_to_normalized(self) -> Affine3 {
        decode(self.luma(), self.luma(), self.luma())
    }

    /// Normalised → (R', G', B') codes (unrounded, unclamped).
    pub fn normalized_to_rgb(self) -> Affine3 {
        encode(self.luma(), self.luma(), self.luma())
    }

    /// Integer codes of (Y' black, neutral Cb, neutral Cr); `None` for float.
    /// These are exact integers for every integer coding.
    pub fn ycbcr_zeros(self) -> Option<[i32; 3]> {
        let (y, c) = (self.luma().zero, self.chroma().zero);
        matches!(self, Coding::Integer { .. }).then_some([y as i32, c as i32, c as i32])
    }

    /// Integer codes of R'G'B' black; `None` for float.
    pub fn rgb_zeros(self) -> Option<[i32; 3]> {
        let z = self.luma().zero as i32;
        matches!(self, Coding::Integer { .. }).then_some([z; 3])
    }
}

fn decode(a: ChannelMap, b: ChannelMap, c: ChannelMap) -> Affine3 {
    Affine3::per_channel(
        [1.0 / a.span, 1.0 / b.span, 1.0 / c.span],
        [-a.zero / a.span, -b.zero / b.span, -c.zero / c.span],
    )
}

fn encode(a: ChannelMap, b: ChannelMap, c: ChannelMap) -> Affine3 {
    Affine3::per_channel([a.span, b.span, c.span], [a.zero, b.zero, c.zero])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(bits: u32, range: Range) -> Coding {
        Coding::integer(BitDepth::new(bits).unwrap(), range)
    }

    #[test]
    fn bit_depths() {
        assert_eq!(BitDepth::new(7), None);
        assert_eq!(BitDepth::new(17), None);
        assert_eq!(BitDepth::new(10), Some(BitDepth::TEN));
        assert_eq!(BitDepth::SIXTEEN.max_code(), 65535);
    }

    #[test]
    fn video_range_levels_per_depth() {
        // (bits, Y black, Y white, C centre, C min, C max): BT.709-6 item 4.6
        // (8 and 10 bit), BT.2100-2 Table 9 (10 and 12 bit), and the 2^(n−8)
        // scaling for 16 bit.
        let table = [
            (8, 16.0, 235.0, 128.0, 16.0, 240.0),
            (10, 64.0, 940.0, 512.0, 64.0, 960.0),
            (12, 256.0, 3760.0, 2048.0, 256.0, 3840.0),
            (16, 4096.0, 60160.0, 32768.0, 4096.0, 61440.0),
        ];
        for (bits, yb, yw, cc, cmin, cmax) in table {
            let c = int(bits, Range::Video);
            assert_eq!(c.luma().to_code(0.0), yb);
            assert_eq!(c.luma().to_code(1.0), yw);
            assert_eq!(c.chroma().to_code(0.0), cc);
            assert_eq!(c.chroma().to_code(-0.5), cmin);
            assert_eq!(c.chroma().to_code(0.5), cmax);
            assert_eq!((c.luma().nominal_min, c.luma().nominal_max), (yb, yw));
            assert_eq!(
                (c.chroma().nominal_min, c.chroma().nominal_max),
                (cmin, cmax)
            );
        }
    }

    #[test]
    fn full_range_levels_per_depth() {
        // Apple's full-range convention: Y' 0..2^n−1, chroma centred on
        // 2^(n−1) with ±0.5 at 1 and 2^n−1 (vImage full-range pixel range).
        for (bits, max, centre) in [
            (8, 255.0, 128.0),
            (10, 1023.0, 512.0),
            (16, 65535.0, 32768.0),
        ] {
            let c = int(bits, Range::Full);
            assert_eq!(c.luma().to_code(0.0), 0.0);
            assert_eq!(c.luma().to_code(1.0), max);
            assert_eq!(c.chroma().to_code(0.0), centre);
            assert_eq!(c.chroma().to_code(0.5), max);
            assert_eq!(c.chroma().to_code(-0.5), 1.0);
            assert_eq!(c.chroma().max, max);
        }
        // Pb = (Cb − 128) / 127 on a ±1 scale, i.e. (Cb − 128) / 254 here.
        assert_eq!(Coding::FULL_8.chroma().to_normalized(255.0), 0.5);
        assert_eq!(Coding::FULL_8.chroma().to_normalized(1.0), -0.5);
    }

    #[test]
    fn other_pixel_format_codings() {
        let five = ChannelMap::full_range(5).unwrap();
        assert_eq!((five.to_code(1.0), five.to_normalized(0.0)), (31.0, 0.0));
        assert_eq!(ChannelMap::full_range(1).unwrap().to_code(1.0), 1.0);
        assert_eq!(ChannelMap::full_range(0), None);
        assert_eq!(ChannelMap::full_range(17), None);
        for bits in 8..=16 {
            let depth = BitDepth::new(bits).unwrap();
            assert_eq!(
                ChannelMap::full_range(bits),
                Some(Coding::integer(depth, Range::Full).luma())
            );
        }
        let xr = ChannelMap::extended_range_10();
        assert_eq!((xr.to_code(0.0), xr.to_code(1.0)), (384.0, 894.0));
        assert!((xr.to_normalized(0.0) + 0.752_941).abs() < 1e-6);
        assert!((xr.to_normalized(1022.0) - 1.250_980).abs() < 1e-6);
        let (y, c) = (
            ChannelMap::zero_biased_luma_8(),
            ChannelMap::zero_biased_chroma_8(),
        );
        assert_eq!((y.to_code(0.0), y.to_code(1.0)), (0.0, 219.0));
        assert_eq!((c.to_code(-0.5), c.to_code(0.5)), (-112.0, 112.0));
        assert_eq!((c.min, c.max), (-128.0, 127.0));
    }

    #[test]
    fn float_is_identity() {
        let to = Coding::Float.ycbcr_to_normalized();
        assert_eq!(to.apply([0.25, -0.5, 0.5]), [0.25, -0.5, 0.5]);
        assert_eq!(Coding::Float.max_code(), None);
        assert_eq!(Coding::Float.ycbcr_zeros(), None);
    }

    #[test]
    fn affine_maps_invert_and_agree_with_channel_maps() {
        for coding in [
            Coding::VIDEO_8,
            Coding::FULL_8,
            int(10, Range::Video),
            int(12, Range::Full),
            int(16, Range::Video),
            Coding::Float,
        ] {
            let v = [0.7, -0.3, 0.45];
            let there = coding.normalized_to_ycbcr().apply(v);
            assert_eq!(there[0], coding.luma().to_code(0.7));
            assert_eq!(there[1], coding.chroma().to_code(-0.3));
            let back = coding.ycbcr_to_normalized().apply(there);
            let rgb = coding
                .rgb_to_normalized()
                .apply(coding.normalized_to_rgb().apply(v));
            for i in 0..3 {
                assert!((back[i] - v[i]).abs() < 1e-15);
                assert!((rgb[i] - v[i]).abs() < 1e-15);
            }
        }
        assert_eq!(Coding::VIDEO_8.ycbcr_zeros(), Some([16, 128, 128]));
        assert_eq!(int(10, Range::Full).ycbcr_zeros(), Some([0, 512, 512]));
        assert_eq!(int(10, Range::Video).rgb_zeros(), Some([64; 3]));
    }
}
