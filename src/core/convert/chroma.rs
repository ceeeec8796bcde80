//! Chroma resampling: moving Cb/Cr samples between sample grids, one
//! direction at a time.
//!
//! # Grids
//!
//! In one direction a chroma plane is a [`Grid`]: sample `k` sits at luma
//! coordinate `factor · k + offset` (offsets from
//! `core::color::siting::ChromaSiting::offset`: 0 co-sited, 0.5 centred
//! for 2:1). Full resolution is factor 1, offset 0. A plane of `n` luma
//! samples has `ceil(n / factor)` chroma samples.
//!
//! # Filters (decisions — Apple documents none)
//!
//! - **Upsampling** (to full resolution) is linear interpolation between
//!   the two nearest chroma samples at each luma position, in the source's
//!   siting. Positions before the first or after the last sample take that
//!   sample (edge replication).
//! - **Decimate** (`kVTDownsamplingMode_Decimate`, the default) samples the
//!   full-resolution chroma at the destination siting's position: a
//!   co-sited position takes that sample, a position halfway between two
//!   (4:2:0 "Left" vertically, "Center" both ways) takes their mean; past
//!   the image edge the last sample is replicated.
//! - **Average** (`kVTDownsamplingMode_Average`) is the mean of the
//!   full-resolution samples the chroma sample covers (2 per direction);
//!   a block cut by an odd image edge averages the samples that exist,
//!   which equals replicating the last column or row. Its siting is
//!   "Center" in the averaged directions (the header's "default center").
//!
//! Every filter is a list of [`Tap`]s, one per output sample, each a
//! weighted sum of at most two neighbouring inputs. The same taps serve
//! rows (horizontal) and lists of rows (vertical): the plane driver picks
//! them once per frame, and a kernel applies them to one row.

use super::plan::DownsamplingMode;

/// Chroma sample positions in one direction (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Grid {
    /// Luma samples per chroma sample, 1 or 2.
    pub factor: u32,
    /// Position of sample 0, in luma samples.
    pub offset: f64,
}

impl Grid {
    /// Chroma samples for `luma` luma samples.
    pub fn samples(&self, luma: usize) -> usize {
        luma.div_ceil(self.factor as usize)
    }
}

/// One output sample: `weights[0] · in[first] + weights[1] · in[first + 1]`.
/// `weights[1]` is 0 whenever `first + 1` is past the input.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Tap {
    pub first: usize,
    pub weights: [f32; 2],
}

impl Tap {
    pub const fn copy(index: usize) -> Tap {
        Tap {
            first: index,
            weights: [1.0, 0.0],
        }
    }

    /// The inputs this tap reads (one or two indices).
    pub fn inputs(&self) -> impl Iterator<Item = usize> + use<> {
        let second = (self.weights[1] != 0.0).then_some(self.first + 1);
        std::iter::once(self.first).chain(second)
    }
}

/// Linear interpolation at input position `t` (in input samples) among
/// `n` inputs, replicating the first and last.
fn interpolate_at(t: f64, n: usize) -> Tap {
    let last = n.saturating_sub(1);
    if t <= 0.0 || n <= 1 {
        return Tap::copy(0);
    }
    if t >= last as f64 {
        return Tap::copy(last);
    }
    let k = t.floor();
    let frac = t - k;
    let k = k as usize;
    if frac == 0.0 {
        Tap::copy(k)
    } else {
        Tap {
            first: k,
            weights: [(1.0 - frac) as f32, frac as f32],
        }
    }
}

/// Taps from a `from` grid to full resolution over `luma` luma samples:
/// linear interpolation in the source siting.
pub(crate) fn upsample(from: Grid, luma: usize) -> Vec<Tap> {
    let n = from.samples(luma);
    let f = f64::from(from.factor);
    (0..luma)
        .map(|p| interpolate_at((p as f64 - from.offset) / f, n))
        .collect()
}

/// Taps from full resolution (`luma` samples) to the `to` grid.
pub(crate) fn downsample(to: Grid, luma: usize, mode: DownsamplingMode) -> Vec<Tap> {
    let factor = to.factor as usize;
    (0..to.samples(luma))
        .map(|k| match mode {
            DownsamplingMode::Decimate => interpolate_at((factor * k) as f64 + to.offset, luma),
            DownsamplingMode::Average => {
                let first = factor * k;
                let covered = factor.min(luma - first);
                if covered >= 2 {
                    Tap {
                        first,
                        weights: [0.5, 0.5],
                    }
                } else {
                    Tap::copy(first)
                }
            }
        })
        .collect()
}

/// Whether the taps copy input `k` to output `k` for every one of `inputs`
/// inputs (so there are as many outputs as inputs).
pub(crate) fn is_identity(taps: &[Tap], inputs: usize) -> bool {
    taps.len() == inputs && taps.iter().enumerate().all(|(k, t)| *t == Tap::copy(k))
}

/// Applies horizontal taps to one row: `out[k]` from `input` (the scalar
/// kernel; `out.len()` must equal `taps.len()`).
pub(crate) fn resample_row(taps: &[Tap], input: &[f32], out: &mut [f32]) {
    for (o, tap) in out.iter_mut().zip(taps) {
        let [w0, w1] = tap.weights;
        let a = input[tap.first];
        *o = if w1 == 0.0 {
            a
        } else {
            w0 * a + w1 * input[tap.first + 1]
        };
    }
}

/// Applies one vertical tap: `out = w0 · a + w1 · b` element-wise (`b` is
/// ignored when `w1` is 0).
pub(crate) fn blend_rows(weights: [f32; 2], a: &[f32], b: &[f32], out: &mut [f32]) {
    let [w0, w1] = weights;
    if w1 == 0.0 {
        out.copy_from_slice(&a[..out.len()]);
    } else {
        for ((o, &x), &y) in out.iter_mut().zip(a).zip(b) {
            *o = w0 * x + w1 * y;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEFT: Grid = Grid {
        factor: 2,
        offset: 0.0,
    };
    const CENTRE: Grid = Grid {
        factor: 2,
        offset: 0.5,
    };
    const FULL: Grid = Grid {
        factor: 1,
        offset: 0.0,
    };

    fn run(taps: &[Tap], input: &[f32]) -> Vec<f32> {
        let mut out = vec![0.0; taps.len()];
        resample_row(taps, input, &mut out);
        out
    }

    #[test]
    fn upsampling_interpolates_in_the_siting() {
        // Co-sited: even outputs copy, odd ones average; the last odd
        // output of an even width replicates the last sample.
        assert_eq!(
            run(&upsample(LEFT, 6), &[0.0, 4.0, 8.0]),
            [0.0, 2.0, 4.0, 6.0, 8.0, 8.0]
        );
        // Centred: 1/4–3/4 weights, edges replicated.
        assert_eq!(run(&upsample(CENTRE, 4), &[0.0, 4.0]), [0.0, 1.0, 3.0, 4.0]);
        // Odd width: 5 luma, 3 chroma samples.
        assert_eq!(
            run(&upsample(CENTRE, 5), &[0.0, 4.0, 8.0]),
            [0.0, 1.0, 3.0, 5.0, 7.0]
        );
        assert!(is_identity(&upsample(FULL, 7), 7));
        // Two luma samples, one co-sited chroma sample: not a copy.
        assert!(!is_identity(
            &downsample(LEFT, 2, DownsamplingMode::Decimate),
            2
        ));
        assert_eq!(run(&upsample(LEFT, 1), &[3.0]), [3.0]);
    }

    #[test]
    fn decimation_samples_at_the_destination_siting() {
        let full = [1.0, 3.0, 5.0, 7.0, 9.0];
        assert_eq!(
            run(&downsample(LEFT, 5, DownsamplingMode::Decimate), &full),
            [1.0, 5.0, 9.0]
        );
        // Centred: the pair's mean; the odd last block replicates.
        assert_eq!(
            run(&downsample(CENTRE, 5, DownsamplingMode::Decimate), &full),
            [2.0, 6.0, 9.0]
        );
        let bottom = Grid {
            factor: 2,
            offset: 1.0,
        };
        assert_eq!(
            run(&downsample(bottom, 5, DownsamplingMode::Decimate), &full),
            [3.0, 7.0, 9.0]
        );
    }

    #[test]
    fn averaging_covers_the_block() {
        let full = [1.0, 3.0, 5.0, 7.0, 9.0];
        for grid in [LEFT, CENTRE] {
            assert_eq!(
                run(&downsample(grid, 5, DownsamplingMode::Average), &full),
                [2.0, 6.0, 9.0]
            );
        }
        assert!(is_identity(
            &downsample(FULL, 4, DownsamplingMode::Average),
            4
        ));
    }

    #[test]
    fn up_then_down_in_the_same_co_sited_grid_is_exact() {
        let chroma = [0.1, -0.3, 0.25, 0.5];
        let up = run(&upsample(LEFT, 8), &chroma);
        let down = run(&downsample(LEFT, 8, DownsamplingMode::Decimate), &up);
        assert_eq!(down, chroma);
    }

    #[test]
    fn taps_report_their_inputs() {
        assert_eq!(Tap::copy(3).inputs().collect::<Vec<_>>(), [3]);
        let t = Tap {
            first: 2,
            weights: [0.25, 0.75],
        };
        assert_eq!(t.inputs().collect::<Vec<_>>(), [2, 3]);
        let mut out = [0.0; 2];
        blend_rows(t.weights, &[4.0, 8.0], &[0.0, 4.0], &mut out);
        assert_eq!(out, [1.0, 5.0]);
    }
}
