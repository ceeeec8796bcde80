//! Quantisation with vImage's dither methods (vimage-ops.md §7,
//! vimage-numerics.md §10), shared by every `_dithered` converter and the
//! 1/2/4-bit packers.
//!
//! Callers hand a [`Quantizer`] rows of values already scaled to *level
//! units* (output code `k` ⇔ value `k`); it returns integer codes in
//! `0..=max`. Decisions (README "vImage dithering"):
//! - every value is first clamped to `[0, max]` (NaN → 0), so out-of-range
//!   input never bleeds error into its neighbours;
//! - `None` rounds half up: `⌊v + 0.5⌋`;
//! - `Ordered` adds a threshold from pixelport's own 64×64 blue-noise tile
//!   (void-and-cluster, generated once, deterministic) before rounding. The
//!   uniform shape spreads the 4096 ranks evenly over (−0.5, 0.5); the
//!   Gaussian shape maps them to normal quantiles with σ = 0.5 level. Every
//!   channel of a pixel gets the same threshold (grey stays grey).
//!   `OrderedReproducible` starts the tile at (0, 0); `Ordered` at an
//!   offset that changes from call to call;
//! - error diffusion runs left to right, top to bottom, per channel, with
//!   the classic weights (Floyd–Steinberg 7/16 · 3/16 5/16 1/16; Atkinson
//!   1/8 to six neighbours), errors off the image are dropped.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::core::image::{ImageError, Plane, PlaneMut, same_size};

mod blue_noise;

/// The shape of the ordered-dither noise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoiseShape {
    /// `kvImageConvert_OrderedGaussianBlue` (the default, 0).
    GaussianBlue,
    /// `kvImageConvert_OrderedUniformBlue`.
    UniformBlue,
}

/// A parsed `int dither` argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    None,
    Ordered {
        shape: NoiseShape,
        reproducible: bool,
    },
    FloydSteinberg,
    Atkinson,
}

const SHAPE_MASK: u32 = 0xF000_0000;
const UNIFORM_BLUE: u32 = 0x1000_0000;

impl Method {
    /// Parses vImage's dither value. Unknown methods or noise shapes →
    /// [`ImageError::InvalidParameter`]; a shape given with a method that
    /// uses no noise is ignored.
    pub fn parse(dither: i32) -> Result<Method, ImageError> {
        let bits = dither as u32;
        let shape = match bits & SHAPE_MASK {
            0 => NoiseShape::GaussianBlue,
            UNIFORM_BLUE => NoiseShape::UniformBlue,
            _ => return Err(ImageError::InvalidParameter),
        };
        Ok(match bits & !SHAPE_MASK {
            0 => Method::None,
            1 => Method::Ordered {
                shape,
                reproducible: false,
            },
            2 => Method::Ordered {
                shape,
                reproducible: true,
            },
            3 => Method::FloydSteinberg,
            4 => Method::Atkinson,
            _ => return Err(ImageError::InvalidParameter),
        })
    }
}

/// Side of the blue-noise tile.
pub const TILE: usize = 64;

/// Rank (0..4096) of every tile position: void-and-cluster on a torus.
fn ranks() -> &'static [u16] {
    static RANKS: OnceLock<Vec<u16>> = OnceLock::new();
    RANKS.get_or_init(blue_noise::ranks)
}

/// Thresholds in level units for a shape, indexed like the tile.
fn thresholds(shape: NoiseShape) -> &'static [f32] {
    static UNIFORM: OnceLock<Vec<f32>> = OnceLock::new();
    static GAUSSIAN: OnceLock<Vec<f32>> = OnceLock::new();
    let n = (TILE * TILE) as f64;
    match shape {
        NoiseShape::UniformBlue => UNIFORM.get_or_init(|| {
            ranks()
                .iter()
                .map(|&r| ((r as f64 + 0.5) / n - 0.5) as f32)
                .collect()
        }),
        NoiseShape::GaussianBlue => GAUSSIAN.get_or_init(|| {
            let quantile = blue_noise::NormalQuantile::new();
            ranks()
                .iter()
                .map(|&r| (0.5 * quantile.at((r as f64 + 0.5) / n)) as f32)
                .collect()
        }),
    }
}

/// The tile's start for a non-reproducible ordered dither: differs from
/// call to call (a counter mixed through SplitMix64), never needs a lock.
fn fresh_offset() -> (usize, usize) {
    static CALLS: AtomicU64 = AtomicU64::new(0);
    let n = CALLS.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() as u64)
        .unwrap_or(0);
    let mut z = n.wrapping_add(nanos).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (
        (z % TILE as u64) as usize,
        ((z >> 32) % TILE as u64) as usize,
    )
}

/// Turns rows of level-unit values into integer codes, carrying the
/// dither state from row to row. Rows must be fed top to bottom.
#[derive(Debug)]
pub struct Quantizer {
    method: Method,
    channels: usize,
    /// Highest code per channel.
    max: Vec<f32>,
    /// Ordered: thresholds and tile offset.
    noise: Option<(&'static [f32], usize, usize)>,
    /// Error diffusion: this row, the next, the one after (each padded
    /// by two pixels on both sides so neighbours never go out of range).
    err: [Vec<f32>; 3],
    y: usize,
}

const PAD: usize = 2;

impl Quantizer {
    /// A quantizer for rows of `width` pixels of `channels` values, codes
    /// `0..=max`.
    pub fn new(method: Method, width: usize, channels: usize, max: u32) -> Quantizer {
        Quantizer::with_maxima(method, width, &vec![max; channels])
    }

    /// As [`new`](Self::new) with one highest code per channel
    /// (`maxima.len()` channels), e.g. 31, 63, 31 for RGB565.
    pub fn with_maxima(method: Method, width: usize, maxima: &[u32]) -> Quantizer {
        let channels = maxima.len();
        let noise = match method {
            Method::Ordered {
                shape,
                reproducible,
            } => {
                let (ox, oy) = if reproducible { (0, 0) } else { fresh_offset() };
                Some((thresholds(shape), ox, oy))
            }
            _ => None,
        };
        let diffusing = matches!(method, Method::FloydSteinberg | Method::Atkinson);
        let len = if diffusing {
            (width + 2 * PAD) * channels
        } else {
            0
        };
        Quantizer {
            method,
            channels,
            max: maxima.iter().map(|&m| m as f32).collect(),
            noise,
            err: [vec![0.0; len], vec![0.0; len], vec![0.0; len]],
            y: 0,
        }
    }

    fn clamp(&self, v: f32, ch: usize) -> f32 {
        if v.is_nan() {
            0.0
        } else {
            v.clamp(0.0, self.max[ch])
        }
    }

    fn code(&self, v: f32, ch: usize) -> u32 {
        (v + 0.5).floor().clamp(0.0, self.max[ch]) as u32
    }

    /// Quantises the next row: `values` and `out` hold `width × channels`
    /// entries.
    pub fn row(&mut self, values: &[f32], out: &mut [u32]) {
        let c = self.channels;
        match self.method {
            Method::None => {
                for (i, (o, &v)) in out.iter_mut().zip(values).enumerate() {
                    let ch = i % c;
                    *o = self.code(self.clamp(v, ch), ch);
                }
            }
            Method::Ordered { .. } => {
                let (table, ox, oy) = self.noise.expect("ordered has a table");
                let ty = (self.y + oy) % TILE;
                for (x, (px, os)) in values.chunks(c).zip(out.chunks_mut(c)).enumerate() {
                    let t = table[ty * TILE + (x + ox) % TILE];
                    for (ch, (o, &v)) in os.iter_mut().zip(px).enumerate() {
                        *o = self.code(self.clamp(v, ch) + t, ch);
                    }
                }
            }
            Method::FloydSteinberg | Method::Atkinson => self.diffuse(values, out),
        }
        self.y += 1;
    }

    fn diffuse(&mut self, values: &[f32], out: &mut [u32]) {
        let c = self.channels;
        let atkinson = self.method == Method::Atkinson;
        let width = values.len() / c.max(1);
        for x in 0..width {
            for ch in 0..c {
                let i = (x + PAD) * c + ch;
                let v = self.clamp(values[x * c + ch], ch) + self.err[0][i];
                let q = self.code(v, ch);
                out[x * c + ch] = q;
                let e = v - q as f32;
                let [cur, next, next2] = &mut self.err;
                if atkinson {
                    let e8 = e / 8.0;
                    cur[i + c] += e8;
                    cur[i + 2 * c] += e8;
                    next[i - c] += e8;
                    next[i] += e8;
                    next[i + c] += e8;
                    next2[i] += e8;
                } else {
                    cur[i + c] += e * (7.0 / 16.0);
                    next[i - c] += e * (3.0 / 16.0);
                    next[i] += e * (5.0 / 16.0);
                    next[i + c] += e * (1.0 / 16.0);
                }
            }
        }
        self.err.rotate_left(1);
        self.err[2].fill(0.0);
    }
}

/// How a `_dithered` converter reads one source element into level units
/// of 8-bit output (0..=255).
pub trait ToLevels: Copy {
    /// `channel` picks the per-channel range of the float converters.
    fn levels(self, scale: &LevelScale, channel: usize) -> f32;
}

/// Per-channel affine map to 8-bit level units: `(v − min) · 255 / (max − min)`
/// for float sources; `v · 255 / 65535` for 16-bit ones.
#[derive(Clone, Copy, Debug)]
pub struct LevelScale {
    min: [f32; 4],
    factor: [f32; 4],
}

impl LevelScale {
    /// Float sources: `max[c]`/`min[c]` per channel (the same `maxFloat`,
    /// `minFloat` order as Apple's arguments). A zero span gives ±∞ or NaN
    /// levels, which clamp to 255 / 0 (NaN → 0).
    pub fn float(max: &[f32], min: &[f32]) -> LevelScale {
        let mut s = LevelScale {
            min: [0.0; 4],
            factor: [0.0; 4],
        };
        for c in 0..max.len().min(min.len()).min(4) {
            s.min[c] = min[c];
            s.factor[c] = 255.0 / (max[c] - min[c]);
        }
        s
    }

    /// 16-bit unsigned sources: 0..65535 onto 0..255.
    pub fn unsigned16() -> LevelScale {
        LevelScale {
            min: [0.0; 4],
            factor: [255.0 / 65535.0; 4],
        }
    }
}

impl ToLevels for f32 {
    fn levels(self, s: &LevelScale, c: usize) -> f32 {
        (self - s.min[c]) * s.factor[c]
    }
}

impl ToLevels for u16 {
    fn levels(self, s: &LevelScale, c: usize) -> f32 {
        // v · 255/65535 is never within 1/514 of a half, far above f32's
        // rounding error here, so this rounds like (v·255 + 32767)/65535.
        self as f32 * s.factor[c]
    }
}

/// The `_dithered` converters to 8 bits: `channels` interleaved channels,
/// quantised with `method` in source order, then written as
/// `dest[i] = quantised[permute[i]]` (identity when `permute` is `None`).
/// `permute` entries must be `< channels` ([`ImageError::InvalidParameter`]).
pub fn to_8bit<T: ToLevels>(
    src: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, u8>,
    channels: usize,
    scale: &LevelScale,
    method: Method,
    permute: Option<[u8; 4]>,
) -> Result<(), ImageError> {
    same_size(src, dest)?;
    if let Some(p) = permute {
        if p.iter().take(channels).any(|&i| i as usize >= channels) {
            return Err(ImageError::InvalidParameter);
        }
    }
    let width = dest.width();
    let mut quantizer = Quantizer::new(method, width, channels, 255);
    let mut values = vec![0f32; width * channels];
    let mut codes = vec![0u32; width * channels];
    for y in 0..dest.height() {
        let row = &src.row(y)[..width * channels];
        for (i, (v, &s)) in values.iter_mut().zip(row).enumerate() {
            *v = s.levels(scale, i % channels);
        }
        quantizer.row(&values, &mut codes);
        let out = dest.row_mut(y);
        match permute {
            None => {
                for (o, &c) in out.iter_mut().zip(&codes) {
                    *o = c as u8;
                }
            }
            Some(p) => {
                for (o, q) in out
                    .chunks_exact_mut(channels)
                    .zip(codes.chunks_exact(channels))
                {
                    for (i, o) in o.iter_mut().enumerate() {
                        *o = q[p[i] as usize] as u8;
                    }
                }
            }
        }
    }
    Ok(())
}

/// One field of a packed 16-bit pixel: source channel, width, position.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub channel: usize,
    pub bits: u32,
    pub shift: u32,
}

/// 8-bit interleaved → one host-endian 16-bit word per pixel (RGB565,
/// ARGB1555, RGBA5551). `colour` fields are quantised with `method`
/// (value v → level v·(2ᵇ − 1)/255); the optional 1-bit `alpha` field is
/// rounded without dither (a ≥ 128 → 1), so dithering never makes
/// transparency speckled.
pub fn to_packed16(
    src: &Plane<'_, u8>,
    dest: &mut PlaneMut<'_, u16>,
    channels: usize,
    colour: &[Field],
    alpha: Option<Field>,
    method: Method,
) -> Result<(), ImageError> {
    same_size(src, dest)?;
    let width = dest.width();
    let maxima: Vec<u32> = colour.iter().map(|f| (1 << f.bits) - 1).collect();
    let scales: Vec<f32> = maxima.iter().map(|&m| m as f32 / 255.0).collect();
    let n = colour.len();
    let mut quantizer = Quantizer::with_maxima(method, width, &maxima);
    let mut values = vec![0f32; width * n];
    let mut codes = vec![0u32; width * n];
    for y in 0..dest.height() {
        let row = &src.row(y)[..width * channels];
        for (px, v) in row.chunks_exact(channels).zip(values.chunks_exact_mut(n)) {
            for (k, f) in colour.iter().enumerate() {
                v[k] = px[f.channel] as f32 * scales[k];
            }
        }
        quantizer.row(&values, &mut codes);
        for ((o, q), px) in dest
            .row_mut(y)
            .iter_mut()
            .zip(codes.chunks_exact(n))
            .zip(row.chunks_exact(channels))
        {
            let mut word = 0u32;
            for (f, &c) in colour.iter().zip(q) {
                word |= c << f.shift;
            }
            if let Some(a) = alpha {
                word |= u32::from(px[a.channel] >= 128) << a.shift;
            }
            *o = word as u16;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dither_values_parse() {
        assert_eq!(Method::parse(0), Ok(Method::None));
        assert_eq!(
            Method::parse(1),
            Ok(Method::Ordered {
                shape: NoiseShape::GaussianBlue,
                reproducible: false
            })
        );
        assert_eq!(
            Method::parse(2 | 0x1000_0000),
            Ok(Method::Ordered {
                shape: NoiseShape::UniformBlue,
                reproducible: true
            })
        );
        assert_eq!(Method::parse(3), Ok(Method::FloydSteinberg));
        assert_eq!(Method::parse(4), Ok(Method::Atkinson));
        assert_eq!(Method::parse(3 | 0x1000_0000), Ok(Method::FloydSteinberg));
        assert_eq!(Method::parse(5), Err(ImageError::InvalidParameter));
        assert_eq!(Method::parse(-1), Err(ImageError::InvalidParameter));
        assert_eq!(
            Method::parse(1 | 0x2000_0000),
            Err(ImageError::InvalidParameter)
        );
    }

    #[test]
    fn the_tile_is_a_permutation_with_blue_noise_character() {
        let r = ranks();
        let mut seen = vec![false; TILE * TILE];
        for &v in r {
            assert!(!seen[v as usize]);
            seen[v as usize] = true;
        }
        // Blue noise: any threshold level's dots are spread evenly, so every
        // 8×8 block of the 50% pattern holds close to 32 dots.
        for by in 0..8 {
            for bx in 0..8 {
                let mut n = 0;
                for y in 0..8 {
                    for x in 0..8 {
                        n += (r[(by * 8 + y) * TILE + bx * 8 + x] < 2048) as i32;
                    }
                }
                assert!((24..=40).contains(&n), "block ({bx},{by}) has {n}");
            }
        }
        // Neighbouring ranks are far apart on average (white noise: ~1365).
        let mut diff = 0u64;
        for y in 0..TILE {
            for x in 0..TILE {
                let a = r[y * TILE + x] as i64;
                let b = r[y * TILE + (x + 1) % TILE] as i64;
                diff += (a - b).unsigned_abs();
            }
        }
        assert!(diff / (TILE * TILE) as u64 > 1500, "{}", diff / 4096);
    }

    #[test]
    fn normal_quantiles() {
        let q = blue_noise::NormalQuantile::new();
        assert!(q.at(0.5).abs() < 1e-6);
        assert!((q.at(0.841_344_746) - 1.0).abs() < 1e-5);
        assert!((q.at(0.022_750_132) + 2.0).abs() < 1e-5);
        let g = thresholds(NoiseShape::GaussianBlue);
        let mean: f64 = g.iter().map(|&v| v as f64).sum::<f64>() / 4096.0;
        let var: f64 = g.iter().map(|&v| (v as f64).powi(2)).sum::<f64>() / 4096.0;
        assert!(mean.abs() < 1e-4 && (var.sqrt() - 0.5).abs() < 0.01);
    }

    fn run(method: Method, w: usize, h: usize, value: f32, max: u32) -> Vec<u32> {
        let mut q = Quantizer::new(method, w, 1, max);
        let mut out = vec![0u32; w * h];
        for row in out.chunks_mut(w) {
            q.row(&vec![value; w], row);
        }
        out
    }

    #[test]
    fn none_rounds_half_up_and_clamps() {
        let mut q = Quantizer::new(Method::None, 6, 1, 3);
        let mut out = [9u32; 6];
        q.row(&[0.49, 0.5, 2.5, 7.0, -1.0, f32::NAN], &mut out);
        assert_eq!(out, [0, 1, 3, 3, 0, 0]);
    }

    #[test]
    fn uniform_ordered_and_diffusion_keep_the_mean() {
        let uniform = Method::Ordered {
            shape: NoiseShape::UniformBlue,
            reproducible: true,
        };
        // Atkinson drops a quarter of the error, so it keeps only mid-tones.
        let cases = [
            (uniform, &[0.1f32, 0.25, 0.5, 0.8][..]),
            (Method::FloydSteinberg, &[0.1, 0.25, 0.5, 0.8]),
            (Method::Atkinson, &[0.5]),
        ];
        assert!(
            run(Method::Atkinson, 64, 64, 0.1, 1)
                .iter()
                .all(|&q| q == 0)
        );
        for (method, values) in cases {
            for &value in values {
                let out = run(method, 64, 64, value, 1);
                let mean = out.iter().sum::<u32>() as f32 / 4096.0;
                assert!((mean - value).abs() < 0.02, "{method:?} {value}: {mean}");
            }
        }
    }

    #[test]
    fn reproducible_ordered_is_reproducible_and_plain_ordered_moves() {
        let m = Method::Ordered {
            shape: NoiseShape::GaussianBlue,
            reproducible: true,
        };
        assert_eq!(run(m, 70, 3, 0.4, 1), run(m, 70, 3, 0.4, 1));
        // Pinned: the first row starts at the tile's origin.
        let ranks = ranks();
        let out = run(
            Method::Ordered {
                shape: NoiseShape::UniformBlue,
                reproducible: true,
            },
            64,
            1,
            0.25,
            1,
        );
        for x in 0..64 {
            assert_eq!(out[x] == 1, ranks[x] >= 3072, "x {x}");
        }
        let random = Method::Ordered {
            shape: NoiseShape::GaussianBlue,
            reproducible: false,
        };
        let runs: Vec<_> = (0..4).map(|_| run(random, 64, 64, 0.5, 1)).collect();
        assert!(runs.windows(2).any(|w| w[0] != w[1]));
    }

    #[test]
    fn packed16_matches_apples_rounding_formulas() {
        // Apple's non-dithered RGB565: r = (v·62 + 255)/510, g = (v·63 + 127)/255.
        let src: Vec<u8> = (0..=255u8).flat_map(|v| [v, v, 255 - v]).collect();
        let s = Plane::packed(&src, 256, 1, 768).unwrap();
        let mut out = vec![0u16; 256];
        let mut d = PlaneMut::packed(&mut out, 256, 1, 256).unwrap();
        let f = |channel, bits, shift| Field {
            channel,
            bits,
            shift,
        };
        let colour = [f(0, 5, 11), f(1, 6, 5), f(2, 5, 0)];
        to_packed16(&s, &mut d, 3, &colour, None, Method::None).unwrap();
        for v in 0..=255u32 {
            let r = (v * 62 + 255) / 510;
            let g = (v * 63 + 127) / 255;
            let b = ((255 - v) * 31 + 127) / 255;
            assert_eq!(out[v as usize] as u32, (r << 11) | (g << 5) | b, "{v}");
        }
        // 5551 with alpha at bit 0: alpha rounds, is never dithered.
        let src = [255u8, 0, 0, 127, 0, 0, 255, 128];
        let s = Plane::packed(&src, 2, 1, 8).unwrap();
        let mut out = [0u16; 2];
        let mut d = PlaneMut::packed(&mut out, 2, 1, 2).unwrap();
        let colour = [f(0, 5, 11), f(1, 5, 6), f(2, 5, 1)];
        to_packed16(
            &s,
            &mut d,
            4,
            &colour,
            Some(f(3, 1, 0)),
            Method::FloydSteinberg,
        )
        .unwrap();
        assert_eq!(out, [0xF800, 0x003F]);
    }

    #[test]
    fn sixteen_bit_none_is_apples_integer_formula_for_every_value() {
        let src: Vec<u16> = (0..=u16::MAX).collect();
        let s = Plane::packed(&src, src.len(), 1, src.len()).unwrap();
        let mut out = vec![0u8; src.len()];
        let mut d = PlaneMut::packed(&mut out, src.len(), 1, src.len()).unwrap();
        to_8bit(&s, &mut d, 1, &LevelScale::unsigned16(), Method::None, None).unwrap();
        for (&v, &o) in src.iter().zip(&out) {
            assert_eq!(o as u32, (v as u32 * 255 + 32767) / 65535, "{v}");
        }
    }

    #[test]
    fn floyd_steinberg_pins_a_small_case() {
        // Hand-computed: 0.25 on a 3×2 1-bit grid.
        // Row 0: x0 0.25→0 e .25: right +.109375, below-ish; x1 .359375→0 …
        let out = run(Method::FloydSteinberg, 3, 2, 0.25, 1);
        let mut err = vec![vec![0.0f32; 3]; 2];
        let mut expected = vec![];
        for y in 0..2 {
            for x in 0..3 {
                let v = 0.25 + err[y][x];
                let q = if v >= 0.5 { 1.0 } else { 0.0 };
                expected.push(q as u32);
                let e = v - q;
                if x + 1 < 3 {
                    err[y][x + 1] += e * 7.0 / 16.0;
                }
                if y + 1 < 2 {
                    if x > 0 {
                        err[y + 1][x - 1] += e * 3.0 / 16.0;
                    }
                    err[y + 1][x] += e * 5.0 / 16.0;
                    if x + 1 < 3 {
                        err[y + 1][x + 1] += e / 16.0;
                    }
                }
            }
        }
        assert_eq!(out, expected);
    }
}
