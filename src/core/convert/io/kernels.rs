//! Scalar row kernels: one plane row ⇄ the channels of an
//! [`IntermediateRow`]. These define the right answer; faster variants must
//! match them bit for bit.
//!
//! Kernels trust their caller (`RowCodec`) for lengths: the plane row holds
//! at least the plane's row length and the intermediate row has the
//! format's shape. A pack kernel writes exactly the plane's row length and
//! nothing after it.

use half::f16;

use super::info::pos_channel;
use super::row::IntermediateRow;
use super::row::channel::{A, CB, CR, Y};
use super::spec::{Field, PlaneCodec, Pos, Sample};

/// Nearest code in `0..=max`; ties away from zero (511.5 → 512), NaN → 0.
#[inline]
pub(crate) fn quantize(v: f32, max: u32) -> u32 {
    let r = v.round();
    if r >= max as f32 {
        max
    } else if r > 0.0 {
        r as u32
    } else {
        0
    }
}

/// Nearest code in `min..=max` (two's complement samples); NaN → 0.
#[inline]
pub(crate) fn quantize_signed(v: f32, min: i32, max: i32) -> i32 {
    let r = v.round();
    if r >= max as f32 {
        max
    } else if r <= min as f32 {
        min
    } else {
        // `as` maps NaN to 0.
        r as i32
    }
}

#[inline]
fn read_sample(sample: Sample, b: &[u8]) -> f32 {
    match sample {
        Sample::U8 => f32::from(b[0]),
        Sample::S8 => f32::from(b[0] as i8),
        Sample::U16 { big, shift } => {
            let word = if big {
                u16::from_be_bytes([b[0], b[1]])
            } else {
                u16::from_le_bytes([b[0], b[1]])
            };
            f32::from(word >> shift)
        }
        Sample::F16 => f16::from_bits(u16::from_le_bytes([b[0], b[1]])).to_f32(),
        Sample::F32 => f32::from_bits(u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
    }
}

#[inline]
fn write_sample(sample: Sample, v: f32, b: &mut [u8]) {
    match sample {
        Sample::U8 => b[0] = quantize(v, 0xff) as u8,
        Sample::S8 => b[0] = quantize_signed(v, -128, 127) as i8 as u8,
        Sample::U16 { big, shift } => {
            let word = (quantize(v, 0xffff >> shift) << shift) as u16;
            b[..2].copy_from_slice(&if big {
                word.to_be_bytes()
            } else {
                word.to_le_bytes()
            });
        }
        // Round to nearest even, overflow to ±Inf, NaN stays NaN
        // (vimage-numerics §2).
        Sample::F16 => b[..2].copy_from_slice(&f16::from_f32(v).to_bits().to_le_bytes()),
        Sample::F32 => b[..4].copy_from_slice(&v.to_bits().to_le_bytes()),
    }
}

/// The values a pack kernel writes for one channel: the row's own, or a
/// constant (opaque alpha for rows without alpha).
#[derive(Clone, Copy)]
pub(crate) enum Src<'a> {
    Values(&'a [f32]),
    Fill(f32),
}

impl Src<'_> {
    #[inline]
    fn get(self, i: usize) -> f32 {
        match self {
            Src::Values(v) => v[i],
            Src::Fill(v) => v,
        }
    }
}

/// Unpacks one plane row. `samples` counts plane samples for
/// `Interleaved`/`Word` planes and image pixels for `Pairs422`/`V210`.
pub(crate) fn unpack_plane(
    codec: &PlaneCodec,
    row: &[u8],
    samples: usize,
    out: &mut IntermediateRow,
) {
    if samples == 0 {
        return;
    }
    let channels = out.channels_mut();
    match *codec {
        PlaneCodec::Interleaved(slots) => {
            let stride = codec.block().0;
            let mut offset = 0;
            for &(ch, sample) in slots {
                let dst = &mut channels[ch][..samples];
                if !(sample == Sample::U8 && unpack_u8(row, stride, offset, dst)) {
                    for (d, px) in dst.iter_mut().zip(row[offset..].chunks(stride)) {
                        *d = read_sample(sample, px);
                    }
                }
                offset += sample.bytes();
            }
        }
        PlaneCodec::Word { bytes, big, fields } => {
            for (i, px) in row.chunks(usize::from(bytes)).take(samples).enumerate() {
                let word = read_word(px, bytes, big);
                for &Field { ch, lsb, bits } in fields {
                    channels[ch][i] = ((word >> lsb) & mask(bits)) as f32;
                }
            }
        }
        PlaneCodec::Pairs422 { sample, order } => {
            let [y, cb, cr, _] = channels;
            let size = sample.bytes();
            for (pair, block) in row.chunks(4 * size).take(samples.div_ceil(2)).enumerate() {
                for (k, &pos) in order.iter().enumerate() {
                    let v = read_sample(sample, &block[k * size..]);
                    store_pair_sample(pos, pair, samples, v, y, cb, cr);
                }
            }
        }
        PlaneCodec::V210 => {
            let [y, cb, cr, _] = channels;
            for (group, block) in row.chunks(16).take(samples.div_ceil(6)).enumerate() {
                for k in 0..12 {
                    let word = read_word(&block[4 * (k / 3)..], 4, false);
                    let v = ((word >> (10 * (k % 3))) & 0x3ff) as f32;
                    let pair = 3 * group + k / 4;
                    store_pair_sample(V210_ORDER[k % 4], pair, samples, v, y, cb, cr);
                }
            }
        }
    }
}

/// The 8-bit interleaved unpack for pixel strides 1‥=4: const-size pixel
/// chunks, no per-sample dispatch, so it vectorises. `false` (nothing
/// done) for other strides or a row too short for whole pixels.
fn unpack_u8(row: &[u8], stride: usize, offset: usize, dst: &mut [f32]) -> bool {
    fn run<const S: usize>(row: &[u8], offset: usize, dst: &mut [f32]) -> bool {
        let Some(bytes) = row.get(..dst.len() * S) else {
            return false;
        };
        if offset >= S {
            return false;
        }
        let (px, _) = bytes.as_chunks::<S>();
        for (d, p) in dst.iter_mut().zip(px) {
            *d = f32::from(p[offset]);
        }
        true
    }
    match stride {
        1 => run::<1>(row, offset, dst),
        2 => run::<2>(row, offset, dst),
        3 => run::<3>(row, offset, dst),
        4 => run::<4>(row, offset, dst),
        _ => false,
    }
}

/// `quantize(v, 255)` without `f32::round` (a libm call on baseline
/// x86-64, which blocks vectorisation): clamp (NaN → 0), truncate, add
/// one when the exact fraction is at least ½ — round half away from zero
/// on non-negative values, the same result for every input.
#[inline]
// `clamp` would keep NaN; `max` maps it to 0 as `quantize` does.
#[allow(clippy::manual_clamp)]
fn quantize_u8(v: f32) -> u8 {
    let c = v.max(0.0).min(255.0);
    let i = c as i32;
    let r = i + i32::from(c - i as f32 >= 0.5);
    r.min(255) as u8
}

/// The 8-bit interleaved pack matching [`unpack_u8`]; `false` (nothing
/// written) when it does not apply.
fn pack_u8(values: &[f32], stride: usize, offset: usize, row: &mut [u8]) -> bool {
    fn run<const S: usize>(values: &[f32], offset: usize, row: &mut [u8]) -> bool {
        let Some(bytes) = row.get_mut(..values.len() * S) else {
            return false;
        };
        if offset >= S {
            return false;
        }
        let (px, _) = bytes.as_chunks_mut::<S>();
        for (p, &v) in px.iter_mut().zip(values) {
            p[offset] = quantize_u8(v);
        }
        true
    }
    match stride {
        1 => run::<1>(values, offset, row),
        2 => run::<2>(values, offset, row),
        3 => run::<3>(values, offset, row),
        4 => run::<4>(values, offset, row),
        _ => false,
    }
}

/// Packs one plane row (see [`unpack_plane`] for `samples`). `alpha_fill`
/// replaces the alpha channel when the row has none.
pub(crate) fn pack_plane(
    codec: &PlaneCodec,
    inp: &IntermediateRow,
    alpha_fill: Option<f32>,
    samples: usize,
    row: &mut [u8],
) {
    if samples == 0 {
        return;
    }
    let src = |ch: usize| match alpha_fill {
        Some(v) if ch == A => Src::Fill(v),
        _ => Src::Values(inp.channel(ch)),
    };
    match *codec {
        PlaneCodec::Interleaved(slots) => {
            let stride = codec.block().0;
            let mut offset = 0;
            for &(ch, sample) in slots {
                let values = src(ch);
                let fast = match values {
                    Src::Values(v) if sample == Sample::U8 => {
                        pack_u8(&v[..samples], stride, offset, row)
                    }
                    _ => false,
                };
                if !fast {
                    for (i, px) in row[offset..].chunks_mut(stride).take(samples).enumerate() {
                        write_sample(sample, values.get(i), px);
                    }
                }
                offset += sample.bytes();
            }
        }
        PlaneCodec::Word { bytes, big, fields } => {
            let sources = [src(0), src(1), src(2), src(3)];
            for (i, px) in row.chunks_mut(usize::from(bytes)).take(samples).enumerate() {
                let mut word = 0u32;
                for &Field { ch, lsb, bits } in fields {
                    word |= quantize(sources[ch].get(i), mask(bits)) << lsb;
                }
                write_word(px, word, bytes, big);
            }
        }
        PlaneCodec::Pairs422 { sample, order } => {
            let size = sample.bytes();
            for (pair, block) in row
                .chunks_mut(4 * size)
                .take(samples.div_ceil(2))
                .enumerate()
            {
                for (k, &pos) in order.iter().enumerate() {
                    let v = load_pair_sample(pos, pair, samples, inp);
                    write_sample(sample, v, &mut block[k * size..]);
                }
            }
        }
        PlaneCodec::V210 => {
            for (group, block) in row.chunks_mut(16).take(samples.div_ceil(6)).enumerate() {
                let mut words = [0u32; 4];
                for k in 0..12 {
                    let pair = 3 * group + k / 4;
                    let v = load_pair_sample(V210_ORDER[k % 4], pair, samples, inp);
                    words[k / 3] |= quantize(v, 0x3ff) << (10 * (k % 3));
                }
                for (w, out) in words.iter().zip(block.chunks_mut(4)) {
                    write_word(out, *w, 4, false);
                }
            }
        }
    }
}

/// `'v210'` uses the `'2vuy'` sample order.
const V210_ORDER: [Pos; 4] = [Pos::Cb, Pos::Y0, Pos::Cr, Pos::Y1];

/// Where sample `pos` of pixel pair `pair` goes in a row `width` pixels
/// wide: channel and index, or `None` for samples past the image (the
/// second luma of an odd width, the padding of a partial `'v210'` group).
#[inline]
fn pair_target(pos: Pos, pair: usize, width: usize) -> Option<(usize, usize)> {
    let (index, pixel) = match pos {
        Pos::Y0 => (2 * pair, 2 * pair),
        Pos::Y1 => (2 * pair + 1, 2 * pair + 1),
        Pos::Cb | Pos::Cr => (pair, 2 * pair),
    };
    (pixel < width).then_some((pos_channel(pos), index))
}

#[inline]
fn store_pair_sample(
    pos: Pos,
    pair: usize,
    width: usize,
    v: f32,
    y: &mut [f32],
    cb: &mut [f32],
    cr: &mut [f32],
) {
    match pair_target(pos, pair, width) {
        Some((Y, i)) => y[i] = v,
        Some((CB, i)) => cb[i] = v,
        Some((CR, i)) => cr[i] = v,
        _ => {}
    }
}

/// The value to store for sample `pos` of `pair`; 0 past the image.
#[inline]
fn load_pair_sample(pos: Pos, pair: usize, width: usize, inp: &IntermediateRow) -> f32 {
    pair_target(pos, pair, width).map_or(0.0, |(ch, i)| inp.channel(ch)[i])
}

#[inline]
fn mask(bits: u8) -> u32 {
    (1u32 << bits) - 1
}

/// A `bytes`-wide (2 or 4) word at the start of `b`.
#[inline]
fn read_word(b: &[u8], bytes: u8, big: bool) -> u32 {
    match (bytes, big) {
        (2, true) => u32::from(u16::from_be_bytes([b[0], b[1]])),
        (2, false) => u32::from(u16::from_le_bytes([b[0], b[1]])),
        (_, true) => u32::from_be_bytes([b[0], b[1], b[2], b[3]]),
        (_, false) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
    }
}

/// Stores the low `bytes` (2 or 4) bytes of `word` at the start of `b`.
#[inline]
fn write_word(b: &mut [u8], word: u32, bytes: u8, big: bool) {
    match (bytes, big) {
        (2, true) => b[..2].copy_from_slice(&(word as u16).to_be_bytes()),
        (2, false) => b[..2].copy_from_slice(&(word as u16).to_le_bytes()),
        (_, true) => b[..4].copy_from_slice(&word.to_be_bytes()),
        (_, false) => b[..4].copy_from_slice(&word.to_le_bytes()),
    }
}

#[cfg(test)]
mod quantize_tests {
    use super::{quantize, quantize_u8};

    #[test]
    fn the_u8_quantizer_equals_the_general_one() {
        let mut values = vec![
            f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
            -0.5,
            -0.0,
            0.0,
            0.49999997,
            0.5,
            254.49998,
            254.5,
            255.0,
            255.5,
            1e9,
            -1e9,
            f32::MIN_POSITIVE,
        ];
        // Every half and near-half step over the range and beyond.
        for k in -200..(2 * 300) {
            let v = k as f32 / 2.0;
            values.extend([v, v.next_up(), v.next_down(), v + 0.25]);
        }
        for v in values {
            assert_eq!(u32::from(quantize_u8(v)), quantize(v, 0xff), "{v}");
        }
    }
}
