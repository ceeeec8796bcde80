//! vImage's low-level Y'CbCr ⇄ ARGB conversions (vimage-ops.md §1,
//! vimage-numerics.md §4): the conversion "info" that
//! `vImageConvert_…_GenerateConversion` fills, and one decode and one encode
//! driver shared by every 4:2:0 / 4:2:2 / 4:4:4 layout.
//!
//! # Arithmetic
//!
//! The caller's matrix and pixel range become one code-to-code
//! [`Affine3`] (range normalisation → matrix → ARGB scale), evaluated in
//! fixed point by [`FixedAffine`] from `core::color` — the same coefficient
//! derivation and rounding the transfer-session kernels use, so there is one
//! Y'CbCr matrix implementation in the crate. Fraction bits are the input
//! depth + 5, which keeps the fixed-point error below 3/64 of an output code
//! for every depth (see `core::color::fixed`), i.e. results are the
//! round-to-nearest f64 value, off by one only within 0.05 of a tie — what
//! Apple calls "faithfully rounded".
//!
//! Range (vimage-numerics.md §4, implemented as written there):
//! `y = (Y' − Yp_bias)/(YpRangeMax − Yp_bias)`,
//! `c = (C − CbCr_bias)/(2·(CbCrRangeMax − CbCr_bias))`, RGB = M·(y, cb, cr)
//! scaled by 255 / 65535 / 4096. The clamp fields apply on the Y'CbCr side in
//! both directions: decode clamps its input codes, encode its output codes;
//! ARGB results are clamped to 0..=255 / 0..=65535 / 0..=4096.
//!
//! Subsampled encodes average the per-pixel fixed-point chroma before the one
//! rounding shift (centred siting, edge pixels replicated to whole blocks);
//! decodes reuse each chroma sample for its whole block.
//!
//! # The info blob
//!
//! `vImage_YpCbCrToARGB` / `vImage_ARGBToYpCbCr` are 128 opaque bytes. We
//! store the validated inputs (direction tag, Y'CbCr type, ARGB type, the
//! matrix as f32, the range) and derive the fixed-point set per call: it is
//! a few dozen flops, keeps the blob free of internal layout, and any
//! 128 bytes that do not decode (uninitialised memory, wrong direction) are
//! refused instead of trusted.

use crate::core::color::{Affine3, FixedAffine, LumaCoefficients, Mat3};
use crate::core::image::{ImageError, Plane, PlaneMut};

/// Bytes of the opaque info structs.
pub const INFO_SIZE: usize = 128;

/// `vImage_YpCbCrToARGBMatrix`: R = Yp·Y' + Cr_R·Cr, G = Yp·Y' + Cb_G·Cb +
/// Cr_G·Cr, B = Yp·Y' + Cb_B·Cb (normalised values).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ToRgbMatrix {
    pub yp: f32,
    pub cr_r: f32,
    pub cr_g: f32,
    pub cb_g: f32,
    pub cb_b: f32,
}

impl ToRgbMatrix {
    /// The matrix of a luma coefficient set, from `core::color`.
    pub const fn from_luma(k: &LumaCoefficients) -> ToRgbMatrix {
        let m = k.ycbcr_to_rgb();
        ToRgbMatrix {
            yp: m[0][0] as f32,
            cr_r: m[0][2] as f32,
            cr_g: m[1][2] as f32,
            cb_g: m[1][1] as f32,
            cb_b: m[2][1] as f32,
        }
    }

    fn mat3(&self) -> Mat3 {
        let f = |v: f32| f64::from(v);
        [
            [f(self.yp), 0.0, f(self.cr_r)],
            [f(self.yp), f(self.cb_g), f(self.cr_g)],
            [f(self.yp), f(self.cb_b), 0.0],
        ]
    }

    fn to_array(self) -> [f32; 8] {
        [
            self.yp, self.cr_r, self.cr_g, self.cb_g, self.cb_b, 0.0, 0.0, 0.0,
        ]
    }
}

/// `vImage_ARGBToYpCbCrMatrix`; `b_cb_r_cr` is both B→Cb and R→Cr.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ToYccMatrix {
    pub r_yp: f32,
    pub g_yp: f32,
    pub b_yp: f32,
    pub r_cb: f32,
    pub g_cb: f32,
    pub b_cb_r_cr: f32,
    pub g_cr: f32,
    pub b_cr: f32,
}

impl ToYccMatrix {
    /// The matrix of a luma coefficient set, from `core::color`.
    pub const fn from_luma(k: &LumaCoefficients) -> ToYccMatrix {
        let m = k.rgb_to_ycbcr();
        ToYccMatrix {
            r_yp: m[0][0] as f32,
            g_yp: m[0][1] as f32,
            b_yp: m[0][2] as f32,
            r_cb: m[1][0] as f32,
            g_cb: m[1][1] as f32,
            b_cb_r_cr: m[1][2] as f32,
            g_cr: m[2][1] as f32,
            b_cr: m[2][2] as f32,
        }
    }

    fn mat3(&self) -> Mat3 {
        let f = |v: f32| f64::from(v);
        [
            [f(self.r_yp), f(self.g_yp), f(self.b_yp)],
            [f(self.r_cb), f(self.g_cb), f(self.b_cb_r_cr)],
            [f(self.b_cb_r_cr), f(self.g_cr), f(self.b_cr)],
        ]
    }

    fn to_array(self) -> [f32; 8] {
        [
            self.r_yp,
            self.g_yp,
            self.b_yp,
            self.r_cb,
            self.g_cb,
            self.b_cb_r_cr,
            self.g_cr,
            self.b_cr,
        ]
    }
}

/// `vImage_YpCbCrPixelRange`, field order as in the C struct.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PixelRange {
    pub yp_bias: i32,
    pub cbcr_bias: i32,
    pub yp_range_max: i32,
    pub cbcr_range_max: i32,
    pub yp_max: i32,
    pub yp_min: i32,
    pub cbcr_max: i32,
    pub cbcr_min: i32,
}

impl PixelRange {
    fn to_array(self) -> [i32; 8] {
        [
            self.yp_bias,
            self.cbcr_bias,
            self.yp_range_max,
            self.cbcr_range_max,
            self.yp_max,
            self.yp_min,
            self.cbcr_max,
            self.cbcr_min,
        ]
    }

    fn from_array(a: [i32; 8]) -> PixelRange {
        PixelRange {
            yp_bias: a[0],
            cbcr_bias: a[1],
            yp_range_max: a[2],
            cbcr_range_max: a[3],
            yp_max: a[4],
            yp_min: a[5],
            cbcr_max: a[6],
            cbcr_min: a[7],
        }
    }

    /// Code spans of a normalised distance of 1 (luma) and of ±0.5 (chroma).
    fn spans(&self) -> (f64, f64) {
        (
            f64::from(self.yp_range_max) - f64::from(self.yp_bias),
            2.0 * (f64::from(self.cbcr_range_max) - f64::from(self.cbcr_bias)),
        )
    }
}

/// `vImageARGBType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgbType {
    /// 8-bit, 255 = 1.0.
    Argb8888,
    /// 16-bit unsigned, 65535 = 1.0.
    Argb16U,
    /// 16-bit signed 4.12 fixed point, 4096 = 1.0.
    Argb16Q12,
}

impl ArgbType {
    pub fn from_raw(raw: i32) -> Option<ArgbType> {
        match raw {
            0 => Some(ArgbType::Argb8888),
            1 => Some(ArgbType::Argb16U),
            2 => Some(ArgbType::Argb16Q12),
            _ => None,
        }
    }

    pub fn raw(self) -> i32 {
        match self {
            ArgbType::Argb8888 => 0,
            ArgbType::Argb16U => 1,
            ArgbType::Argb16Q12 => 2,
        }
    }

    /// The code of 1.0, also the clamp limit (16Q12: 0..=4096, decided).
    pub fn one(self) -> i32 {
        match self {
            ArgbType::Argb8888 => 255,
            ArgbType::Argb16U => 65535,
            ArgbType::Argb16Q12 => 4096,
        }
    }

    /// Bits an input code may use (sizes the fixed-point fraction).
    fn input_bits(self) -> u32 {
        match self {
            ArgbType::Argb8888 => 8,
            ArgbType::Argb16U => 16,
            // Up to 8.0 (Pixel_16Q12's range) is meaningful input.
            ArgbType::Argb16Q12 => 15,
        }
    }
}

/// `vImageYpCbCrType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YpCbCrType {
    /// `kvImage422CbYpCrYp8` ('2vuy').
    Cb8Yp8Cr8Yp8,
    /// `kvImage422YpCbYpCr8` ('yuvs').
    Yp8Cb8Yp8Cr8,
    /// `kvImage422CbYpCrYp8_AA8` ('a2vy').
    Cb8Yp8Cr8Yp8Aa8,
    /// `kvImage420Yp8_Cb8_Cr8` ('y420').
    Yp8Cb8Cr8Planar420,
    /// `kvImage420Yp8_CbCr8` ('420v').
    Yp8CbCr8BiPlanar420,
    /// `kvImage444AYpCbCr8` ('r408').
    A8Yp8Cb8Cr8,
    /// `kvImage444CrYpCb8` ('v308').
    Cr8Yp8Cb8,
    /// `kvImage444CbYpCrA8` ('v408').
    Cb8Yp8Cr8A8,
    /// `kvImage444CrYpCb10` ('v410').
    CrYpCb10,
    /// `kvImage422CrYpCbYpCbYpCbYpCrYpCrYp10` ('v210').
    V210,
    /// `kvImage422CbYpCrYp16` ('v216').
    CbYpCrYp16,
    /// `kvImage444AYpCbCr16` ('y416').
    AYpCbCr16,
}

impl YpCbCrType {
    pub fn from_raw(raw: i32) -> Option<YpCbCrType> {
        use YpCbCrType::*;
        Some(match raw {
            0 => Cb8Yp8Cr8Yp8,
            1 => Yp8Cb8Yp8Cr8,
            2 => Cb8Yp8Cr8Yp8Aa8,
            3 => Yp8Cb8Cr8Planar420,
            4 => Yp8CbCr8BiPlanar420,
            5 => A8Yp8Cb8Cr8,
            6 => Cr8Yp8Cb8,
            7 => Cb8Yp8Cr8A8,
            8 => CrYpCb10,
            9 => V210,
            13 => CbYpCrYp16,
            14 => AYpCbCr16,
            _ => return None,
        })
    }

    pub fn raw(self) -> i32 {
        use YpCbCrType::*;
        match self {
            Cb8Yp8Cr8Yp8 => 0,
            Yp8Cb8Yp8Cr8 => 1,
            Cb8Yp8Cr8Yp8Aa8 => 2,
            Yp8Cb8Cr8Planar420 => 3,
            Yp8CbCr8BiPlanar420 => 4,
            A8Yp8Cb8Cr8 => 5,
            Cr8Yp8Cb8 => 6,
            Cb8Yp8Cr8A8 => 7,
            CrYpCb10 => 8,
            V210 => 9,
            CbYpCrYp16 => 13,
            AYpCbCr16 => 14,
        }
    }

    /// Bits per Y'CbCr sample.
    pub fn bits(self) -> u32 {
        match self {
            YpCbCrType::CrYpCb10 | YpCbCrType::V210 => 10,
            YpCbCrType::CbYpCrYp16 | YpCbCrType::AYpCbCr16 => 16,
            _ => 8,
        }
    }
}

/// The (Y'CbCr depth, ARGB type) pairs Apple generates info for
/// (vimage-ops.md §1.4; 12- and 14-bit have no public type).
fn supported(bits: u32, argb: ArgbType) -> bool {
    matches!(
        (bits, argb),
        (8, ArgbType::Argb8888)
            | (10, ArgbType::Argb8888)
            | (10, ArgbType::Argb16Q12)
            | (16, ArgbType::Argb8888)
            | (16, ArgbType::Argb16U)
    )
}

/// Which way an info converts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    ToArgb,
    FromArgb,
}

const TAG_TO_ARGB: u32 = u32::from_be_bytes(*b"ppY>");
const TAG_FROM_ARGB: u32 = u32::from_be_bytes(*b"ppY<");

/// A validated conversion description: what the info blob holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Conversion {
    direction: Direction,
    ycc: YpCbCrType,
    argb: ArgbType,
    matrix: [f32; 8],
    range: PixelRange,
}

impl Conversion {
    /// `vImageConvert_YpCbCrToARGB_GenerateConversion`: unsupported pairs →
    /// `UnsupportedConversion`; a range with a zero span or a matrix that
    /// does not give finite fixed-point coefficients → `InvalidParameter`.
    pub fn to_argb(
        matrix: &ToRgbMatrix,
        range: &PixelRange,
        ycc: YpCbCrType,
        argb: ArgbType,
    ) -> Result<Conversion, ImageError> {
        let c = Conversion {
            direction: Direction::ToArgb,
            ycc,
            argb,
            matrix: matrix.to_array(),
            range: *range,
        };
        c.validate()?;
        Ok(c)
    }

    /// `vImageConvert_ARGBToYpCbCr_GenerateConversion`; errors as
    /// [`Conversion::to_argb`].
    pub fn from_argb(
        matrix: &ToYccMatrix,
        range: &PixelRange,
        argb: ArgbType,
        ycc: YpCbCrType,
    ) -> Result<Conversion, ImageError> {
        let c = Conversion {
            direction: Direction::FromArgb,
            ycc,
            argb,
            matrix: matrix.to_array(),
            range: *range,
        };
        c.validate()?;
        Ok(c)
    }

    fn validate(&self) -> Result<(), ImageError> {
        if !supported(self.ycc.bits(), self.argb) {
            return Err(ImageError::UnsupportedConversion);
        }
        self.kernel().map(|_| ())
    }

    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// The blob stored in the caller's opaque struct.
    pub fn to_bytes(&self) -> [u8; INFO_SIZE] {
        let mut out = [0u8; INFO_SIZE];
        let tag = match self.direction {
            Direction::ToArgb => TAG_TO_ARGB,
            Direction::FromArgb => TAG_FROM_ARGB,
        };
        let mut words: Vec<[u8; 4]> = vec![
            tag.to_le_bytes(),
            self.ycc.raw().to_le_bytes(),
            self.argb.raw().to_le_bytes(),
        ];
        words.extend(self.matrix.iter().map(|v| v.to_le_bytes()));
        words.extend(self.range.to_array().iter().map(|v| v.to_le_bytes()));
        for (chunk, w) in out.chunks_exact_mut(4).zip(words) {
            chunk.copy_from_slice(&w);
        }
        out
    }

    /// Reads a blob back; `None` for anything [`Self::to_bytes`] did not
    /// write (or whose inputs no longer validate).
    pub fn from_bytes(bytes: &[u8; INFO_SIZE]) -> Option<Conversion> {
        let word = |i: usize| -> [u8; 4] {
            [
                bytes[4 * i],
                bytes[4 * i + 1],
                bytes[4 * i + 2],
                bytes[4 * i + 3],
            ]
        };
        let direction = match u32::from_le_bytes(word(0)) {
            TAG_TO_ARGB => Direction::ToArgb,
            TAG_FROM_ARGB => Direction::FromArgb,
            _ => return None,
        };
        let ycc = YpCbCrType::from_raw(i32::from_le_bytes(word(1)))?;
        let argb = ArgbType::from_raw(i32::from_le_bytes(word(2)))?;
        let matrix: [f32; 8] = std::array::from_fn(|i| f32::from_le_bytes(word(3 + i)));
        let range =
            PixelRange::from_array(std::array::from_fn(|i| i32::from_le_bytes(word(11 + i))));
        let c = Conversion {
            direction,
            ycc,
            argb,
            matrix,
            range,
        };
        c.validate().ok()?;
        Some(c)
    }

    /// Checks the info fits a conversion function: same direction, same
    /// ARGB type and same Y'CbCr bit depth. The Y'CbCr *layout* is not
    /// compared: Apple's own sample generates with `kvImage422CbYpCrYp8` and
    /// converts 4:2:0 with it (vimage-ops.md §1.4).
    fn check_use(
        &self,
        direction: Direction,
        bits: u32,
        argb: ArgbType,
    ) -> Result<Kernel, ImageError> {
        if self.direction != direction || self.ycc.bits() != bits || self.argb != argb {
            return Err(ImageError::InvalidParameter);
        }
        self.kernel()
    }

    /// The fixed-point evaluation of this conversion.
    fn kernel(&self) -> Result<Kernel, ImageError> {
        let r = &self.range;
        let (ys, cs) = r.spans();
        if ys == 0.0 || cs == 0.0 {
            return Err(ImageError::InvalidParameter);
        }
        let one = f64::from(self.argb.one());
        let (yb, cb) = (f64::from(r.yp_bias), f64::from(r.cbcr_bias));
        let ycc_to_norm = Affine3::per_channel(
            [1.0 / ys, 1.0 / cs, 1.0 / cs],
            [-yb / ys, -cb / cs, -cb / cs],
        );
        // Encodes add the output bias after the shift (an integer, so the
        // result is the same) to keep the fixed-point offsets small enough
        // for i32 at every depth.
        let norm_to_centred_ycc = Affine3::per_channel([ys, cs, cs], [0.0; 3]);
        let (map, bias, bits, out_bias) = match self.direction {
            Direction::ToArgb => {
                let m = ToRgbMatrix {
                    yp: self.matrix[0],
                    cr_r: self.matrix[1],
                    cr_g: self.matrix[2],
                    cb_g: self.matrix[3],
                    cb_b: self.matrix[4],
                };
                let map = ycc_to_norm
                    .then(&Affine3::linear(m.mat3()))
                    .then(&Affine3::per_channel([one; 3], [0.0; 3]));
                (
                    map,
                    [r.yp_bias, r.cbcr_bias, r.cbcr_bias],
                    self.ycc.bits(),
                    [0; 3],
                )
            }
            Direction::FromArgb => {
                let m = ToYccMatrix {
                    r_yp: self.matrix[0],
                    g_yp: self.matrix[1],
                    b_yp: self.matrix[2],
                    r_cb: self.matrix[3],
                    g_cb: self.matrix[4],
                    b_cb_r_cr: self.matrix[5],
                    g_cr: self.matrix[6],
                    b_cr: self.matrix[7],
                };
                let map = Affine3::per_channel([1.0 / one; 3], [0.0; 3])
                    .then(&Affine3::linear(m.mat3()))
                    .then(&norm_to_centred_ycc);
                (
                    map,
                    [0; 3],
                    self.argb.input_bits(),
                    [r.yp_bias, r.cbcr_bias, r.cbcr_bias].map(i64::from),
                )
            }
        };
        let fixed = FixedAffine::new(&map, bias, bits + 5).ok_or(ImageError::InvalidParameter)?;
        let coeffs = fixed.coefficients().map(|row| row.map(i64::from));
        // `FixedAffine::folded_offset` in i64: 16-bit biases overflow i32.
        let input_bias = fixed.input_bias().map(i64::from);
        let folded: [i64; 3] = std::array::from_fn(|i| {
            i64::from(fixed.offset()[i]) - (0..3).map(|j| coeffs[i][j] * input_bias[j]).sum::<i64>()
        });
        let ycc_lo = [r.yp_min, r.cbcr_min, r.cbcr_min];
        let ycc_hi = [r.yp_max, r.cbcr_max, r.cbcr_max];
        let (in_lo, in_hi, out_lo, out_hi) = match self.direction {
            Direction::ToArgb => (ycc_lo, ycc_hi, [0; 3], [self.argb.one(); 3]),
            Direction::FromArgb => ([i32::MIN; 3], [i32::MAX; 3], ycc_lo, ycc_hi),
        };
        Ok(Kernel {
            coeffs,
            offset: folded,
            out_bias,
            shift: fixed.frac_bits(),
            in_lo,
            in_hi,
            out_lo,
            out_hi,
        })
    }
}

/// One conversion's fixed-point set:
/// `out = clamp(((Σ c·clamp(x) + o) >> shift) + out_bias)`
/// (the raw-code form of `FixedAffine`, rounding bias inside `o`).
#[derive(Clone, Copy, Debug)]
struct Kernel {
    coeffs: [[i64; 3]; 3],
    offset: [i64; 3],
    /// Added after the shift (encodes: the Y'CbCr biases).
    out_bias: [i64; 3],
    shift: u32,
    in_lo: [i32; 3],
    in_hi: [i32; 3],
    out_lo: [i32; 3],
    out_hi: [i32; 3],
}

/// `v` limited to `lo..=hi`; never panics, whatever order the caller's
/// clamp limits come in (the upper limit wins).
fn limit(v: i64, lo: i32, hi: i32) -> i32 {
    v.max(i64::from(lo)).min(i64::from(hi)) as i32
}

impl Kernel {
    /// The accumulators before the shift, inputs clamped.
    fn acc(&self, x: [i32; 3]) -> [i64; 3] {
        let x: [i64; 3] = std::array::from_fn(|j| {
            i64::from(limit(i64::from(x[j]), self.in_lo[j], self.in_hi[j]))
        });
        std::array::from_fn(|i| {
            self.coeffs[i][0] * x[0]
                + self.coeffs[i][1] * x[1]
                + self.coeffs[i][2] * x[2]
                + self.offset[i]
        })
    }

    /// Channel `i` of a sum of `2^extra` accumulators, rounded once.
    fn finish(&self, i: usize, sum: i64, extra: u32) -> i32 {
        limit(
            (sum >> (self.shift + extra)) + self.out_bias[i],
            self.out_lo[i],
            self.out_hi[i],
        )
    }

    fn apply(&self, x: [i32; 3]) -> [i32; 3] {
        let a = self.acc(x);
        std::array::from_fn(|i| self.finish(i, a[i], 0))
    }
}

/// An ARGB element type: 8-bit, 16U or 16Q12.
pub trait ArgbSample: Copy + Default {
    fn to_i32(self) -> i32;
    /// From a value already inside the type's range.
    fn from_i32(v: i32) -> Self;
}

impl ArgbSample for u8 {
    fn to_i32(self) -> i32 {
        i32::from(self)
    }
    fn from_i32(v: i32) -> u8 {
        v.clamp(0, 255) as u8
    }
}
impl ArgbSample for u16 {
    fn to_i32(self) -> i32 {
        i32::from(self)
    }
    fn from_i32(v: i32) -> u16 {
        v.clamp(0, 65535) as u16
    }
}
impl ArgbSample for i16 {
    fn to_i32(self) -> i32 {
        i32::from(self)
    }
    fn from_i32(v: i32) -> i16 {
        v.clamp(-32768, 32767) as i16
    }
}

/// A `permuteMap`: `NULL` is the identity; entries above 3 are refused.
/// (Duplicates are allowed: they copy one channel into several.)
pub fn check_permute(map: Option<[u8; 4]>) -> Result<[usize; 4], ImageError> {
    let map = map.unwrap_or([0, 1, 2, 3]);
    if map.iter().any(|&i| i > 3) {
        return Err(ImageError::InvalidParameter);
    }
    Ok(map.map(usize::from))
}

/// One decoded row: Y', Cb, Cr per pixel (chroma already replicated over
/// its block) and, for layouts with alpha, alpha in the ARGB type's units.
#[derive(Debug, Default)]
struct YccRow {
    y: Vec<i32>,
    cb: Vec<i32>,
    cr: Vec<i32>,
    a: Vec<i32>,
}

impl YccRow {
    fn new(width: usize) -> YccRow {
        YccRow {
            y: vec![0; width],
            cb: vec![0; width],
            cr: vec![0; width],
            a: vec![0; width],
        }
    }
}

/// Where a decoded pixel's alpha comes from.
#[derive(Clone, Copy, Debug)]
enum AlphaSource {
    Constant(i32),
    FromRow,
}

/// Decode driver: `unpack(y, row)` fills one row of samples, then every
/// pixel is converted, permuted and written to `dest`.
fn decode<D: ArgbSample>(
    kernel: &Kernel,
    dest: &mut PlaneMut<'_, D>,
    permute: [usize; 4],
    alpha: AlphaSource,
    mut unpack: impl FnMut(usize, &mut YccRow),
) {
    let width = dest.width();
    let mut row = YccRow::new(width);
    for y in 0..dest.height() {
        unpack(y, &mut row);
        let out = dest.row_mut(y);
        for (x, px) in out.chunks_exact_mut(4).enumerate().take(width) {
            let [r, g, b] = kernel.apply([row.y[x], row.cb[x], row.cr[x]]);
            let a = match alpha {
                AlphaSource::Constant(a) => a,
                AlphaSource::FromRow => row.a[x],
            };
            let argb = [a, r, g, b];
            for (o, &p) in px.iter_mut().zip(&permute) {
                *o = D::from_i32(argb[p]);
            }
        }
    }
}

/// A source (Y'CbCr) plane must hold `row_len` elements × `height` rows.
fn covers<T>(plane: &Plane<'_, T>, row_len: usize, height: usize) -> Result<(), ImageError> {
    if plane.row_len() >= row_len && plane.height() >= height {
        Ok(())
    } else {
        Err(ImageError::SizeMismatch)
    }
}

/// A destination (Y'CbCr) plane must hold `row_len` × `height`.
fn covers_mut<T>(plane: &PlaneMut<'_, T>, row_len: usize, height: usize) -> Result<(), ImageError> {
    covers(&plane.as_plane(), row_len, height)
}

/// 16-bit alpha → 8-bit: `(v·255 + 32767) / 65535` (vimage-numerics.md §3).
fn alpha_16_to_8(v: i32) -> i32 {
    (v * 255 + 32767) / 65535
}

/// The packed and planar layouts a decode or encode reads or writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Packed {
    /// '2vuy' bytes Cb Y'0 Cr Y'1 (also plane 0 of 'a2vy').
    Cb8Yp8Cr8Yp8,
    /// 'yuvs' bytes Y'0 Cb Y'1 Cr.
    Yp8Cb8Yp8Cr8,
    /// 'v216' 16-bit Cb Y'0 Cr Y'1.
    CbYpCrYp16,
    /// 'v210' 6 pixels per 4 little-endian words.
    V210,
    /// 'r408' bytes A Y' Cb Cr.
    A8Yp8Cb8Cr8,
    /// 'v408' bytes Cb Y' Cr A.
    Cb8Yp8Cr8A8,
    /// 'v308' bytes Cr Y' Cb.
    Cr8Yp8Cb8,
    /// 'y416' 16-bit A Y' Cb Cr.
    AYpCbCr16,
    /// 'v410' one little-endian word: Cr 31..22, Y' 21..12, Cb 11..2.
    CrYpCb10,
}

impl Packed {
    /// (pixels per block, elements per block).
    pub fn block(self) -> (usize, usize) {
        match self {
            Packed::Cb8Yp8Cr8Yp8 | Packed::Yp8Cb8Yp8Cr8 | Packed::CbYpCrYp16 => (2, 4),
            Packed::V210 => (6, 4),
            Packed::A8Yp8Cb8Cr8 | Packed::Cb8Yp8Cr8A8 | Packed::AYpCbCr16 => (1, 4),
            Packed::Cr8Yp8Cb8 => (1, 3),
            Packed::CrYpCb10 => (1, 1),
        }
    }

    /// Elements of a row of `width` pixels (whole blocks).
    pub fn row_len(self, width: usize) -> usize {
        let (px, el) = self.block();
        width.div_ceil(px) * el
    }

    fn bits(self) -> u32 {
        match self {
            Packed::CbYpCrYp16 | Packed::AYpCbCr16 => 16,
            Packed::V210 | Packed::CrYpCb10 => 10,
            _ => 8,
        }
    }

    fn has_alpha(self) -> bool {
        matches!(
            self,
            Packed::A8Yp8Cb8Cr8 | Packed::Cb8Yp8Cr8A8 | Packed::AYpCbCr16
        )
    }
}

/// An element of a packed Y'CbCr row (u8, u16 or a u32 word).
pub trait YccElement: Copy + Default {
    fn get(self) -> u32;
    fn put(v: u32) -> Self;
}
impl YccElement for u8 {
    fn get(self) -> u32 {
        u32::from(self)
    }
    fn put(v: u32) -> u8 {
        v as u8
    }
}
impl YccElement for u16 {
    fn get(self) -> u32 {
        u32::from(self)
    }
    fn put(v: u32) -> u16 {
        v as u16
    }
}
impl YccElement for u32 {
    fn get(self) -> u32 {
        self
    }
    fn put(v: u32) -> u32 {
        v
    }
}

/// v210 sample positions: for pixel `i` of a 6-pixel group, (word, shift)
/// of Y' and of its pair's Cb and Cr.
const V210_Y: [(usize, u32); 6] = [(0, 10), (1, 0), (1, 20), (2, 10), (3, 0), (3, 20)];
const V210_CB: [(usize, u32); 3] = [(0, 0), (1, 10), (2, 20)];
const V210_CR: [(usize, u32); 3] = [(0, 20), (2, 0), (3, 10)];

fn field(w: u32, shift: u32) -> i32 {
    ((w >> shift) & 0x3ff) as i32
}

/// Unpacks one row of a packed layout into `row` (first `width` pixels).
fn unpack_packed<E: YccElement>(
    layout: Packed,
    src: &[E],
    width: usize,
    alpha_to_8: bool,
    row: &mut YccRow,
) {
    for x in 0..width {
        let (y, cb, cr, a) = match layout {
            Packed::Cb8Yp8Cr8Yp8 | Packed::CbYpCrYp16 => {
                let b = &src[(x / 2) * 4..][..4];
                (b[1 + 2 * (x % 2)].get(), b[0].get(), b[2].get(), 0)
            }
            Packed::Yp8Cb8Yp8Cr8 => {
                let b = &src[(x / 2) * 4..][..4];
                (b[2 * (x % 2)].get(), b[1].get(), b[3].get(), 0)
            }
            Packed::V210 => {
                let g = &src[(x / 6) * 4..][..4];
                let (i, pair) = (x % 6, (x % 6) / 2);
                let (yw, ys) = V210_Y[i];
                let (bw, bs) = V210_CB[pair];
                let (rw, rs) = V210_CR[pair];
                (
                    field(g[yw].get(), ys) as u32,
                    field(g[bw].get(), bs) as u32,
                    field(g[rw].get(), rs) as u32,
                    0,
                )
            }
            Packed::A8Yp8Cb8Cr8 | Packed::AYpCbCr16 => {
                let b = &src[x * 4..][..4];
                (b[1].get(), b[2].get(), b[3].get(), b[0].get())
            }
            Packed::Cb8Yp8Cr8A8 => {
                let b = &src[x * 4..][..4];
                (b[1].get(), b[0].get(), b[2].get(), b[3].get())
            }
            Packed::Cr8Yp8Cb8 => {
                let b = &src[x * 3..][..3];
                (b[1].get(), b[2].get(), b[0].get(), 0)
            }
            Packed::CrYpCb10 => {
                let w = src[x].get();
                (
                    field(w, 12) as u32,
                    field(w, 2) as u32,
                    field(w, 22) as u32,
                    0,
                )
            }
        };
        row.y[x] = y as i32;
        row.cb[x] = cb as i32;
        row.cr[x] = cr as i32;
        row.a[x] = if alpha_to_8 {
            alpha_16_to_8(a as i32)
        } else {
            a as i32
        };
    }
}

/// Packed Y'CbCr → ARGB. `alpha` is the constant for layouts without
/// alpha; layouts with alpha copy theirs (16-bit alpha narrowed for 8-bit
/// ARGB with `(v·255 + 32767)/65535`). `extra_alpha` is 'a2vy's plane.
#[allow(clippy::too_many_arguments)]
pub fn decode_packed<E: YccElement, D: ArgbSample>(
    info: &Conversion,
    layout: Packed,
    argb: ArgbType,
    src: &Plane<'_, E>,
    extra_alpha: Option<&Plane<'_, E>>,
    dest: &mut PlaneMut<'_, D>,
    permute: [usize; 4],
    alpha: i32,
) -> Result<(), ImageError> {
    let kernel = info.check_use(Direction::ToArgb, layout.bits(), argb)?;
    let (w, h) = (dest.width(), dest.height());
    covers(src, layout.row_len(w), h)?;
    if let Some(a) = extra_alpha {
        covers(a, w, h)?;
    }
    let alpha_to_8 = layout.bits() == 16 && argb == ArgbType::Argb8888;
    let source = if layout.has_alpha() || extra_alpha.is_some() {
        AlphaSource::FromRow
    } else {
        AlphaSource::Constant(alpha)
    };
    let src = *src;
    let extra = extra_alpha.copied();
    decode(&kernel, dest, permute, source, |y, row| {
        unpack_packed(layout, src.row(y), w, alpha_to_8, row);
        if let Some(a) = &extra {
            for (o, &v) in row.a.iter_mut().zip(a.row(y)) {
                *o = v.get() as i32;
            }
        }
    });
    Ok(())
}

/// 4:2:0 planes: luma and either interleaved CbCr or separate Cb, Cr.
#[derive(Clone, Copy, Debug)]
pub enum Chroma420<'p, 'a> {
    Interleaved(&'p Plane<'a, u8>),
    Separate(&'p Plane<'a, u8>, &'p Plane<'a, u8>),
}

/// 4:2:0 8-bit → ARGB8888 with constant alpha.
pub fn decode_420(
    info: &Conversion,
    luma: &Plane<'_, u8>,
    chroma: Chroma420<'_, '_>,
    dest: &mut PlaneMut<'_, u8>,
    permute: [usize; 4],
    alpha: u8,
) -> Result<(), ImageError> {
    let kernel = info.check_use(Direction::ToArgb, 8, ArgbType::Argb8888)?;
    let (w, h) = (dest.width(), dest.height());
    let (cw, ch) = (w.div_ceil(2), h.div_ceil(2));
    covers(luma, w, h)?;
    match chroma {
        Chroma420::Interleaved(c) => covers(c, 2 * cw, ch)?,
        Chroma420::Separate(cb, cr) => {
            covers(cb, cw, ch)?;
            covers(cr, cw, ch)?;
        }
    }
    let luma = *luma;
    decode(
        &kernel,
        dest,
        permute,
        AlphaSource::Constant(i32::from(alpha)),
        |y, row| {
            for (o, &v) in row.y.iter_mut().zip(luma.row(y)) {
                *o = i32::from(v);
            }
            for x in 0..w {
                let (cb, cr) = match chroma {
                    Chroma420::Interleaved(c) => {
                        let r = c.row(y / 2);
                        (r[2 * (x / 2)], r[2 * (x / 2) + 1])
                    }
                    Chroma420::Separate(cb, cr) => (cb.row(y / 2)[x / 2], cr.row(y / 2)[x / 2]),
                };
                row.cb[x] = i32::from(cb);
                row.cr[x] = i32::from(cr);
            }
        },
    );
    Ok(())
}

/// Per-pixel encode accumulators for one source row, padded to whole
/// blocks by replicating the last pixel.
#[derive(Debug, Default)]
struct EncodedRow {
    acc: Vec<[i64; 3]>,
    /// Alpha in the ARGB type's units.
    a: Vec<i32>,
}

fn encode_row<S: ArgbSample>(
    kernel: &Kernel,
    src: &[S],
    width: usize,
    padded: usize,
    permute: [usize; 4],
    out: &mut EncodedRow,
) {
    out.acc.clear();
    out.a.clear();
    for x in 0..padded {
        let px = &src[x.min(width - 1) * 4..][..4];
        let [a, r, g, b] = permute.map(|p| px[p].to_i32());
        out.acc.push(kernel.acc([r, g, b]));
        out.a.push(a);
    }
}

/// ARGB → packed Y'CbCr over an image of `width × height` pixels (the
/// Y'CbCr buffer's size). Alpha: 'r408'/'v408' take the ARGB alpha byte;
/// 'y416' widens 8-bit alpha ×257; `dest_alpha` ('a2vy' plane) gets it too.
#[allow(clippy::too_many_arguments)]
pub fn encode_packed<S: ArgbSample, E: YccElement>(
    info: &Conversion,
    layout: Packed,
    argb: ArgbType,
    src: &Plane<'_, S>,
    dest: &mut PlaneMut<'_, E>,
    mut dest_alpha: Option<&mut PlaneMut<'_, E>>,
    size: (usize, usize),
    permute: [usize; 4],
) -> Result<(), ImageError> {
    let kernel = info.check_use(Direction::FromArgb, layout.bits(), argb)?;
    let (w, h) = size;
    if src.width() < w || src.height() < h {
        return Err(ImageError::SizeMismatch);
    }
    covers_mut(dest, layout.row_len(w), h)?;
    if let Some(a) = &dest_alpha {
        covers_mut(a, w, h)?;
    }
    if w == 0 || h == 0 {
        return Ok(());
    }
    let (bp, _) = layout.block();
    let padded = w.div_ceil(bp) * bp;
    let widen_alpha = layout.bits() == 16 && argb == ArgbType::Argb8888;
    let mut enc = EncodedRow::default();
    for y in 0..h {
        encode_row(&kernel, src.row(y), w, padded, permute, &mut enc);
        let luma = |x: usize| kernel.finish(0, enc.acc[x][0], 0) as u32;
        // Chroma of pixels x and x + 1 averaged (4:2:2) or of x alone.
        let chroma = |x: usize, n: usize| -> (u32, u32) {
            let (mut cb, mut cr) = (0i64, 0i64);
            for a in &enc.acc[x..x + n] {
                cb += a[1];
                cr += a[2];
            }
            let extra = n.trailing_zeros();
            (
                kernel.finish(1, cb, extra) as u32,
                kernel.finish(2, cr, extra) as u32,
            )
        };
        let alpha = |x: usize| -> u32 {
            let a = enc.a[x].clamp(0, argb.one()) as u32;
            if widen_alpha { a * 257 } else { a }
        };
        let out = dest.row_mut(y);
        match layout {
            Packed::Cb8Yp8Cr8Yp8 | Packed::CbYpCrYp16 | Packed::Yp8Cb8Yp8Cr8 => {
                for (i, b) in out.chunks_exact_mut(4).take(padded / 2).enumerate() {
                    let (cb, cr) = chroma(2 * i, 2);
                    let (y0, y1) = (luma(2 * i), luma(2 * i + 1));
                    let v = if layout == Packed::Yp8Cb8Yp8Cr8 {
                        [y0, cb, y1, cr]
                    } else {
                        [cb, y0, cr, y1]
                    };
                    for (o, v) in b.iter_mut().zip(v) {
                        *o = E::put(v);
                    }
                }
            }
            Packed::V210 => {
                for (g, words) in out.chunks_exact_mut(4).take(padded / 6).enumerate() {
                    let mut wv = [0u32; 4];
                    for (i, &(yw, ys)) in V210_Y.iter().enumerate() {
                        wv[yw] |= luma(6 * g + i) << ys;
                    }
                    for pair in 0..3 {
                        let (cb, cr) = chroma(6 * g + 2 * pair, 2);
                        let (bw, bs) = V210_CB[pair];
                        let (rw, rs) = V210_CR[pair];
                        wv[bw] |= (cb & 0x3ff) << bs;
                        wv[rw] |= (cr & 0x3ff) << rs;
                    }
                    for (o, v) in words.iter_mut().zip(wv) {
                        *o = E::put(v);
                    }
                }
            }
            Packed::A8Yp8Cb8Cr8 | Packed::AYpCbCr16 | Packed::Cb8Yp8Cr8A8 => {
                for (x, b) in out.chunks_exact_mut(4).take(w).enumerate() {
                    let (cb, cr) = chroma(x, 1);
                    let v = if layout == Packed::Cb8Yp8Cr8A8 {
                        [cb, luma(x), cr, alpha(x)]
                    } else {
                        [alpha(x), luma(x), cb, cr]
                    };
                    for (o, v) in b.iter_mut().zip(v) {
                        *o = E::put(v);
                    }
                }
            }
            Packed::Cr8Yp8Cb8 => {
                for (x, b) in out.chunks_exact_mut(3).take(w).enumerate() {
                    let (cb, cr) = chroma(x, 1);
                    for (o, v) in b.iter_mut().zip([cr, luma(x), cb]) {
                        *o = E::put(v);
                    }
                }
            }
            Packed::CrYpCb10 => {
                for (x, o) in out.iter_mut().take(w).enumerate() {
                    let (cb, cr) = chroma(x, 1);
                    *o = E::put(
                        ((cr & 0x3ff) << 22) | ((luma(x) & 0x3ff) << 12) | ((cb & 0x3ff) << 2),
                    );
                }
            }
        }
        if let Some(a) = dest_alpha.as_deref_mut() {
            for (x, o) in a.row_mut(y).iter_mut().take(w).enumerate() {
                *o = E::put(alpha(x));
            }
        }
    }
    Ok(())
}

/// Destination chroma planes of a 4:2:0 encode.
#[derive(Debug)]
pub enum Chroma420Mut<'p, 'a> {
    Interleaved(&'p mut PlaneMut<'a, u8>),
    Separate(&'p mut PlaneMut<'a, u8>, &'p mut PlaneMut<'a, u8>),
}

/// ARGB8888 → 4:2:0 8-bit; the image size is the luma plane's; chroma is
/// the mean of each 2×2 block (edges replicated).
pub fn encode_420(
    info: &Conversion,
    src: &Plane<'_, u8>,
    luma: &mut PlaneMut<'_, u8>,
    chroma: Chroma420Mut<'_, '_>,
    permute: [usize; 4],
) -> Result<(), ImageError> {
    let kernel = info.check_use(Direction::FromArgb, 8, ArgbType::Argb8888)?;
    let (w, h) = (luma.width(), luma.height());
    let (cw, ch) = (w.div_ceil(2), h.div_ceil(2));
    if src.width() < w || src.height() < h {
        return Err(ImageError::SizeMismatch);
    }
    match &chroma {
        Chroma420Mut::Interleaved(c) => covers_mut(c, 2 * cw, ch)?,
        Chroma420Mut::Separate(cb, cr) => {
            covers_mut(cb, cw, ch)?;
            covers_mut(cr, cw, ch)?;
        }
    }
    if w == 0 || h == 0 {
        return Ok(());
    }
    let padded = 2 * cw;
    let (mut top, mut bottom) = (EncodedRow::default(), EncodedRow::default());
    let mut chroma = chroma;
    for cy in 0..ch {
        let y0 = 2 * cy;
        let y1 = (y0 + 1).min(h - 1);
        encode_row(&kernel, src.row(y0), w, padded, permute, &mut top);
        encode_row(&kernel, src.row(y1), w, padded, permute, &mut bottom);
        for (y, rows) in [(y0, &top), (y0 + 1, &bottom)] {
            if y < h {
                for (o, a) in luma.row_mut(y).iter_mut().zip(&rows.acc) {
                    *o = kernel.finish(0, a[0], 0) as u8;
                }
            }
        }
        let block = |x: usize, i: usize| -> u8 {
            let s = top.acc[2 * x][i]
                + top.acc[2 * x + 1][i]
                + bottom.acc[2 * x][i]
                + bottom.acc[2 * x + 1][i];
            kernel.finish(i, s, 2) as u8
        };
        match &mut chroma {
            Chroma420Mut::Interleaved(c) => {
                for (x, pair) in c.row_mut(cy).chunks_exact_mut(2).take(cw).enumerate() {
                    pair[0] = block(x, 1);
                    pair[1] = block(x, 2);
                }
            }
            Chroma420Mut::Separate(cb, cr) => {
                for (x, o) in cb.row_mut(cy).iter_mut().take(cw).enumerate() {
                    *o = block(x, 1);
                }
                for (x, o) in cr.row_mut(cy).iter_mut().take(cw).enumerate() {
                    *o = block(x, 2);
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
