//! 1-, 2- and 4-bit planar images ⇄ Planar8 (vimage-ops.md §7).
//!
//! Packing is big-endian within a byte: the leftmost pixel sits in the
//! most significant bits, as Apple documents for the unpackers. Each row
//! starts on a byte boundary; when a row ends inside a byte, the packers
//! write the unused low bits as 0 and the unpackers ignore them.
//! Level `k` of `n`-bit data is the 8-bit value `k · 255 / (2ⁿ − 1)`
//! (exact: ×255, ×85, ×17).

use super::dither::{Method, Quantizer};
use crate::core::image::{ImageError, Plane, PlaneMut, same_size};

/// Bits per pixel of a sub-byte planar format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Depth {
    One = 1,
    Two = 2,
    Four = 4,
}

impl Depth {
    pub fn bits(self) -> usize {
        self as usize
    }
    /// The highest level, 2ⁿ − 1.
    pub fn max(self) -> u32 {
        (1 << self.bits()) - 1
    }
}

/// Packs `codes` (each `< 2^bits`) into `out`, leftmost first, zero tail.
fn pack_row(codes: &[u32], bits: usize, out: &mut [u8]) {
    out.fill(0);
    for (x, &c) in codes.iter().enumerate() {
        let bit = x * bits;
        out[bit / 8] |= (c as u8) << (8 - bits - bit % 8);
    }
}

/// Planar8 → 1/2/4-bit planar with `method` (value `v` is level
/// `v · max / 255` before quantisation).
pub fn planar8_to_packed(
    src: &Plane<'_, u8>,
    dest: &mut PlaneMut<'_, u8>,
    depth: Depth,
    method: Method,
) -> Result<(), ImageError> {
    same_size(src, dest)?;
    let width = dest.width();
    let scale = depth.max() as f32 / 255.0;
    let mut quantizer = Quantizer::new(method, width, 1, depth.max());
    let mut values = vec![0f32; width];
    let mut codes = vec![0u32; width];
    for y in 0..dest.height() {
        for (v, &p) in values.iter_mut().zip(src.row(y)) {
            *v = p as f32 * scale;
        }
        quantizer.row(&values, &mut codes);
        pack_row(&codes, depth.bits(), dest.row_mut(y));
    }
    Ok(())
}

/// Reads level `x` of a packed row.
fn level(row: &[u8], bits: usize, x: usize) -> u8 {
    let bit = x * bits;
    (row[bit / 8] >> (8 - bits - bit % 8)) & ((1u8 << bits) - 1)
}

/// 1/2/4-bit planar → Planar8, each level through `lut` (`2^bits` entries).
pub fn packed_to_planar8(
    src: &Plane<'_, u8>,
    dest: &mut PlaneMut<'_, u8>,
    depth: Depth,
    lut: &[u8],
) -> Result<(), ImageError> {
    same_size(src, dest)?;
    if lut.len() != 1 << depth.bits() {
        return Err(ImageError::InvalidParameter);
    }
    for y in 0..dest.height() {
        let row = src.row(y);
        for (x, out) in dest.row_mut(y).iter_mut().enumerate() {
            *out = lut[level(row, depth.bits(), x) as usize];
        }
    }
    Ok(())
}

/// The grey ramp of a depth: level k → k · 255 / max.
pub fn gray_lut(depth: Depth) -> Vec<u8> {
    let m = depth.max();
    (0..=m).map(|k| (k * 255 / m) as u8).collect()
}

/// The palette `Planar8toIndexed*` computes when given one filled with
/// zeros: `n` entries evenly spaced from the image's darkest to its
/// brightest value (rounded to nearest).
pub fn computed_palette(src: &Plane<'_, u8>, n: usize) -> Vec<u8> {
    let (mut lo, mut hi) = (255u32, 0u32);
    for row in src.rows() {
        for &v in &row[..src.width()] {
            lo = lo.min(v as u32);
            hi = hi.max(v as u32);
        }
    }
    if lo > hi {
        (lo, hi) = (0, 255);
    }
    let steps = (n as u32 - 1).max(1);
    (0..n as u32)
        .map(|k| (lo + (k * (hi - lo) + steps / 2) / steps) as u8)
        .collect()
}

/// Planar8 → 1/2/4-bit indices into `colors` (`2^bits` grey values). A
/// palette of all zeros is first replaced by [`computed_palette`] (written
/// back to `colors`, as Apple's "the function computes the color table").
/// Each value is placed between the two palette values around it, in a
/// space where neighbouring distinct palette values are one step apart,
/// and quantised there with `method`; the index of the first entry holding
/// the chosen value is written.
pub fn planar8_to_indexed(
    src: &Plane<'_, u8>,
    dest: &mut PlaneMut<'_, u8>,
    depth: Depth,
    colors: &mut [u8],
    method: Method,
) -> Result<(), ImageError> {
    same_size(src, dest)?;
    let n = 1usize << depth.bits();
    if colors.len() != n {
        return Err(ImageError::InvalidParameter);
    }
    if colors.iter().all(|&c| c == 0) {
        colors.copy_from_slice(&computed_palette(src, n));
    }
    // Distinct palette values, ascending, with the first index of each.
    let mut steps: Vec<(u8, u8)> = Vec::with_capacity(n);
    for (i, &c) in colors.iter().enumerate() {
        if !steps.iter().any(|&(v, _)| v == c) {
            steps.push((c, i as u8));
        }
    }
    steps.sort_unstable();
    let last = steps.len() - 1;
    // 8-bit value → position in step space.
    let mut position = [0f32; 256];
    for (v, p) in position.iter_mut().enumerate() {
        let k = steps.partition_point(|&(s, _)| (s as usize) <= v);
        *p = match k {
            0 => 0.0,
            k if k > last => last as f32,
            k => {
                let (a, b) = (steps[k - 1].0 as f32, steps[k].0 as f32);
                (k - 1) as f32 + (v as f32 - a) / (b - a)
            }
        };
    }
    let width = dest.width();
    let mut quantizer = Quantizer::new(method, width, 1, last as u32);
    let mut values = vec![0f32; width];
    let mut codes = vec![0u32; width];
    for y in 0..dest.height() {
        for (p, &v) in values.iter_mut().zip(src.row(y)) {
            *p = position[v as usize];
        }
        quantizer.row(&values, &mut codes);
        for c in codes.iter_mut() {
            *c = steps[*c as usize].1 as u32;
        }
        pack_row(&codes, depth.bits(), dest.row_mut(y));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_is_msb_first_with_a_zero_tail() {
        let src = [0u8, 255, 255, 0, 0, 0, 255, 255, 255, 200];
        let s = Plane::packed(&src, 10, 1, 10).unwrap();
        let mut out = [0xAAu8; 2];
        let mut d = PlaneMut::packed(&mut out, 10, 1, 2).unwrap();
        planar8_to_packed(&s, &mut d, Depth::One, Method::None).unwrap();
        assert_eq!(out, [0b0110_0011, 0b1100_0000]);

        let src = [0u8, 85, 170, 255, 128];
        let s = Plane::packed(&src, 5, 1, 5).unwrap();
        let mut out = [0u8; 2];
        let mut d = PlaneMut::packed(&mut out, 5, 1, 2).unwrap();
        planar8_to_packed(&s, &mut d, Depth::Two, Method::None).unwrap();
        // 128 · 3/255 = 1.506 → 2.
        assert_eq!(out, [0b0001_1011, 0b1000_0000]);

        let src = [17u8, 34, 255];
        let s = Plane::packed(&src, 3, 1, 3).unwrap();
        let mut d = PlaneMut::packed(&mut out, 3, 1, 2).unwrap();
        planar8_to_packed(&s, &mut d, Depth::Four, Method::None).unwrap();
        assert_eq!(out, [0x12, 0xF0]);
    }

    #[test]
    fn one_bit_threshold_is_half_way() {
        let src = [127u8, 128];
        let s = Plane::packed(&src, 2, 1, 2).unwrap();
        let mut out = [0u8];
        let mut d = PlaneMut::packed(&mut out, 2, 1, 1).unwrap();
        planar8_to_packed(&s, &mut d, Depth::One, Method::None).unwrap();
        assert_eq!(out, [0b0100_0000]);
    }

    #[test]
    fn unpacking_matches_apples_example_and_round_trips() {
        let src = [0b1110_0011u8];
        let s = Plane::packed(&src, 8, 1, 1).unwrap();
        let mut out = [0u8; 8];
        let mut d = PlaneMut::packed(&mut out, 8, 1, 8).unwrap();
        packed_to_planar8(&s, &mut d, Depth::One, &gray_lut(Depth::One)).unwrap();
        assert_eq!(out, [255, 255, 255, 0, 0, 0, 255, 255]);
        for depth in [Depth::One, Depth::Two, Depth::Four] {
            let lut = gray_lut(depth);
            let n = lut.len();
            let packed_len = (n * depth.bits()).div_ceil(8);
            let s = Plane::packed(&lut, n, 1, n).unwrap();
            let mut packed = vec![0u8; packed_len];
            let mut d = PlaneMut::packed(&mut packed, n, 1, packed_len).unwrap();
            planar8_to_packed(&s, &mut d, depth, Method::FloydSteinberg).unwrap();
            let p = Plane::packed(&packed, n, 1, packed_len).unwrap();
            let mut back = vec![0u8; n];
            let mut d = PlaneMut::packed(&mut back, n, 1, n).unwrap();
            packed_to_planar8(&p, &mut d, depth, &lut).unwrap();
            assert_eq!(back, lut, "{depth:?}");
        }
        assert_eq!(gray_lut(Depth::Two), [0, 85, 170, 255]);
    }

    #[test]
    fn indexed_picks_the_nearest_palette_entry_and_can_compute_the_palette() {
        let src = [0u8, 40, 60, 100, 250, 255];
        let s = Plane::packed(&src, 6, 1, 6).unwrap();
        let mut colors = [200u8, 50, 100, 50];
        let mut out = [0u8; 2];
        let mut d = PlaneMut::packed(&mut out, 6, 1, 2).unwrap();
        planar8_to_indexed(&s, &mut d, Depth::Two, &mut colors, Method::None).unwrap();
        // 0, 40 → 50 (index 1); 60 → 50; 100 → 2; 250, 255 → 200 (0).
        assert_eq!(out, [0b0101_0110, 0b0000_0000]);
        let mut zeros = [0u8; 4];
        let mut d = PlaneMut::packed(&mut out, 6, 1, 2).unwrap();
        planar8_to_indexed(&s, &mut d, Depth::Two, &mut zeros, Method::None).unwrap();
        assert_eq!(zeros, [0, 85, 170, 255]);
        // 0→0, 40→0, 60→1, 100→1, 250→3, 255→3.
        assert_eq!(out, [0b0000_0101, 0b1111_0000]);
        let mut wrong = [0u8; 3];
        let mut d = PlaneMut::packed(&mut out, 6, 1, 2).unwrap();
        assert_eq!(
            planar8_to_indexed(&s, &mut d, Depth::Two, &mut wrong, Method::None),
            Err(ImageError::InvalidParameter)
        );
    }
}
