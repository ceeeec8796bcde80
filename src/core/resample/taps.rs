//! Precomputed taps: for each output sample, the first input index and
//! one weight per tap (module docs for the rules).

use super::kernel::Filter;
use std::ops::Range;

/// Integer weights are in units of 2^−`FIXED_BITS` (so 1.0 = 16384): each
/// weight fits an `i16` (|w| < 2) and a u8 sample times a weight fits 16
/// bits' worth of headroom in an `i32` accumulator.
pub const FIXED_BITS: u32 = 14;

/// Where output samples sit in the input: output `j` at input index
/// position `start + j · step`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mapping {
    pub start: f64,
    /// Input samples per output sample (> 1 = downscaling).
    pub step: f64,
}

impl Mapping {
    /// `output_len` pixels covering the input sub-range
    /// `[offset, offset + extent)` exactly, in pixel-edge coordinates
    /// (input pixel `i` covers `[i, i + 1)`; centres map to centres).
    pub fn region(offset: f64, extent: f64, output_len: usize) -> Mapping {
        Mapping::sited(offset, extent, output_len, (1, 0.0), (1, 0.0))
    }

    /// As [`region`](Self::region) for sample grids coarser than the
    /// pixels: the input's sample `k` sits at input pixel
    /// `input.0 · k + input.1` and the output's sample `j` at output pixel
    /// `output.0 · j + output.1` (factor, siting offset; a 4:2:0 "Left"
    /// chroma grid is `(2, 0.0)` horizontally, `(2, 0.5)` vertically). The
    /// `output_pixels` output pixels cover the input pixel range
    /// `[offset, offset + extent)`.
    pub fn sited(
        offset: f64,
        extent: f64,
        output_pixels: usize,
        input: (u32, f64),
        output: (u32, f64),
    ) -> Mapping {
        let ratio = extent / output_pixels.max(1) as f64;
        let (fi, si) = (f64::from(input.0.max(1)), input.1);
        let (fo, so) = (f64::from(output.0.max(1)), output.1);
        Mapping {
            start: (offset + (so + 0.5) * ratio - 0.5 - si) / fi,
            step: fo * ratio / fi,
        }
    }

    /// The output sample's position in input index units.
    pub fn position(&self, j: usize) -> f64 {
        self.start + j as f64 * self.step
    }
}

/// f32 taps, `count` per output (module docs).
#[derive(Clone, Debug, PartialEq)]
pub struct Taps {
    input_len: usize,
    count: usize,
    first: Vec<usize>,
    weights: Vec<f32>,
}

/// The same taps as integers summing to exactly `1 << FIXED_BITS`.
#[derive(Clone, Debug, PartialEq)]
pub struct FixedTaps {
    input_len: usize,
    count: usize,
    first: Vec<usize>,
    weights: Vec<i16>,
}

/// What an index outside `0..input_len` reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Edge {
    /// Whole-sample symmetric mirror about the edge samples (module docs).
    #[default]
    Mirror,
    /// The nearest edge sample (vImage's `kvImageEdgeExtend`).
    Extend,
}

impl Edge {
    fn index(self, i: f64, n: usize) -> usize {
        match self {
            Edge::Mirror => mirror(i, n),
            Edge::Extend => i.clamp(0.0, (n - 1) as f64) as usize,
        }
    }
}

impl Taps {
    /// Taps of `filter` for `output_len` outputs over `input_len` inputs,
    /// edges mirrored. `None` when `input_len` is 0, the mapping is not
    /// finite or its step is not positive, or the table would not fit in
    /// memory.
    pub fn new(filter: Filter, input_len: usize, output_len: usize, map: Mapping) -> Option<Taps> {
        Taps::with_edge(filter, input_len, output_len, map, Edge::Mirror)
    }

    /// As [`new`](Self::new) with the given edge rule: the weight of an
    /// outside index is folded onto the sample `edge` reads for it.
    pub fn with_edge(
        filter: Filter,
        input_len: usize,
        output_len: usize,
        map: Mapping,
        edge: Edge,
    ) -> Option<Taps> {
        if input_len == 0 || !map.start.is_finite() || !(map.step.is_finite() && map.step > 0.0) {
            return None;
        }
        let last_position = map.position(output_len.saturating_sub(1));
        if !last_position.is_finite() {
            return None;
        }
        let scale = map.step.max(1.0);
        let support = filter.radius() * scale;
        // The input indices one output reads, mirrored into the input.
        let inputs = |t: f64| {
            let from = (t - support).ceil();
            let to = (t + support).floor().max(from);
            (0..=(to - from) as usize).map(move |k| {
                let i = from + k as f64;
                (i, edge.index(i, input_len))
            })
        };
        let window =
            |t: f64| inputs(t).fold((usize::MAX, 0), |(lo, hi), (_, m)| (lo.min(m), hi.max(m)));
        let count = (0..output_len)
            .map(|j| {
                let (lo, hi) = window(map.position(j));
                hi - lo + 1
            })
            .max()
            .unwrap_or(1);
        let total = output_len.checked_mul(count)?;
        let mut first = Vec::new();
        first.try_reserve_exact(output_len).ok()?;
        let mut weights: Vec<f32> = Vec::new();
        weights.try_reserve_exact(total).ok()?;
        let mut scratch = vec![0.0f64; count];
        for j in 0..output_len {
            let t = map.position(j);
            let (lo, _) = window(t);
            let start = lo.min(input_len - count);
            scratch.fill(0.0);
            for (i, index) in inputs(t) {
                let w = filter.eval((i - t) / scale);
                // Lanczos at whole-sample distances is 0 up to sin(π·k)'s
                // rounding; make it exactly 0 so same-size copies are exact.
                if w.abs() > 1e-12 {
                    scratch[index - start] += w;
                }
            }
            let sum: f64 = scratch.iter().sum();
            if sum.abs() <= 1e-9 || sum.is_nan() {
                // Degenerate (cannot happen for these kernels within
                // their support): nearest sample.
                scratch.fill(0.0);
                scratch[edge.index(t.round(), input_len) - start] = 1.0;
            } else {
                scratch.iter_mut().for_each(|w| *w /= sum);
            }
            first.push(start);
            let base = weights.len();
            weights.extend(scratch.iter().map(|&w| w as f32));
            let row = &mut weights[base..];
            let residue = 1.0 - row.iter().map(|&w| f64::from(w)).sum::<f64>();
            row[largest(row)] += residue as f32;
        }
        Some(Taps {
            input_len,
            count,
            first,
            weights,
        })
    }

    /// Number of outputs.
    pub fn len(&self) -> usize {
        self.first.len()
    }

    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }

    /// Inputs the taps read: `first(j) + count() <= input_len()`.
    pub fn input_len(&self) -> usize {
        self.input_len
    }

    /// Taps per output (zero-padded to the widest window).
    pub fn count(&self) -> usize {
        self.count
    }

    /// First input index of output `j`.
    pub fn first(&self, j: usize) -> usize {
        self.first[j]
    }

    /// The weights of output `j`, one per input from `first(j)`.
    pub fn weights(&self, j: usize) -> &[f32] {
        &self.weights[j * self.count..(j + 1) * self.count]
    }

    /// `(first, weights)` per output.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &[f32])> {
        self.first
            .iter()
            .copied()
            .zip(self.weights.chunks_exact(self.count))
    }

    /// The inputs output `j` actually reads (non-zero weights).
    pub fn support(&self, j: usize) -> Range<usize> {
        nonzero(self.first[j], self.weights(j), |w| w != 0.0)
    }

    /// Whether output `j` copies input `j` for every input (a same-size
    /// resample at integer positions).
    pub fn is_identity(&self) -> bool {
        self.len() == self.input_len
            && self.iter().enumerate().all(|(j, (f, w))| {
                w.iter()
                    .enumerate()
                    .all(|(k, &w)| w == f32::from(f + k == j))
            })
    }

    /// The same weights in fixed point, each output summing to exactly
    /// `1 << FIXED_BITS` (residue on the largest tap).
    pub fn to_fixed(&self) -> FixedTaps {
        let one = f64::from(1u32 << FIXED_BITS);
        let mut weights = Vec::with_capacity(self.weights.len());
        for (_, row) in self.iter() {
            let base = weights.len();
            weights.extend(
                row.iter()
                    .map(|&w| (f64::from(w) * one).round().clamp(-32768.0, 32767.0) as i16),
            );
            let fixed = &mut weights[base..];
            let sum: i32 = fixed.iter().map(|&w| i32::from(w)).sum();
            let k = largest(row);
            fixed[k] = (i32::from(fixed[k]) + (1 << FIXED_BITS) - sum).clamp(-32768, 32767) as i16;
        }
        FixedTaps {
            input_len: self.input_len,
            count: self.count,
            first: self.first.clone(),
            weights,
        }
    }
}

impl FixedTaps {
    pub fn len(&self) -> usize {
        self.first.len()
    }

    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }

    pub fn input_len(&self) -> usize {
        self.input_len
    }

    pub fn count(&self) -> usize {
        self.count
    }

    pub fn first(&self, j: usize) -> usize {
        self.first[j]
    }

    pub fn weights(&self, j: usize) -> &[i16] {
        &self.weights[j * self.count..(j + 1) * self.count]
    }

    pub fn iter(&self) -> impl Iterator<Item = (usize, &[i16])> {
        self.first
            .iter()
            .copied()
            .zip(self.weights.chunks_exact(self.count))
    }

    pub fn support(&self, j: usize) -> Range<usize> {
        nonzero(self.first[j], self.weights(j), |w| w != 0)
    }
}

/// Input index `i` mirrored about the edge samples (whole-sample
/// symmetric: −1 reads 1, `n` reads `n − 2`), repeatedly for windows wider
/// than the input.
fn mirror(i: f64, n: usize) -> usize {
    if n == 1 {
        return 0;
    }
    let period = 2.0 * (n - 1) as f64;
    let m = i.rem_euclid(period);
    let m = if m > (n - 1) as f64 { period - m } else { m };
    (m as usize).min(n - 1)
}

/// Index of the largest weight (first on ties).
fn largest(row: &[f32]) -> usize {
    row.iter()
        .enumerate()
        .fold(0, |best, (k, &w)| if w > row[best] { k } else { best })
}

fn nonzero<T: Copy>(first: usize, weights: &[T], is: impl Fn(T) -> bool) -> Range<usize> {
    let lo = weights.iter().position(|&w| is(w)).unwrap_or(0);
    let hi = weights
        .iter()
        .rposition(|&w| is(w))
        .map_or(lo + 1, |k| k + 1);
    first + lo..first + hi
}
