//! Histograms and the lookup-table operations built on them
//! (vimage-ops.md §8, vimage-numerics.md §9): calculation, equalization,
//! specification, contrast stretch and ends-in contrast stretch.
//!
//! 8-bit operations build one 256-entry table per channel and apply it;
//! `leave` names a channel (ARGB's channel 0 under
//! `kvImageLeaveAlphaUnchanged`) that is copied, not processed.
//! Decisions (README "vImage histogram"):
//! - equalization: `lut[i] = (255 · cdf(i) + total/2) / total`, cdf
//!   inclusive;
//! - specification: `lut[i]` = the smallest `j` whose desired cumulative
//!   fraction reaches the source's cumulative fraction at `i`; an all-zero
//!   desired histogram is `InvalidParameter`;
//! - contrast stretch and ends-in stretch: `lut[i] = round((i − lo) · 255 /
//!   (hi − lo))` between the bounds, 0 below, 255 above; `lo` = the
//!   smallest value whose cumulative count exceeds `percent_low` % of the
//!   pixels, `hi` = the largest value with more than `percent_high` % at or
//!   above it (0 % each = the darkest and brightest pixel, so plain
//!   contrast stretch is the 0/0 case); `lo == hi` leaves the channel
//!   unchanged; `percent_low + percent_high > 100` is `InvalidParameter`;
//! - float bins: `⌊entries · (v − min) / (max − min)⌋` clipped to
//!   `[0, entries − 1]`, computed in f64; NaN counts in bin 0;
//! - the float operations are per-bin tables (as Apple documents them),
//!   with bin k standing for `min + k · (max − min) / (entries − 1)`, the
//!   float analogue of 8-bit code k; equalization outputs
//!   `min + (max − min) · cdf / total` exactly.

use crate::core::image::{ImageError, Plane, PlaneMut, same_size};

/// One 256-bin histogram per channel of an interleaved 8-bit image.
pub fn histogram8(src: &Plane<'_, u8>, channels: usize) -> Vec<[u64; 256]> {
    let mut h = vec![[0u64; 256]; channels];
    let len = src.width() * channels;
    for row in src.rows() {
        for px in row[..len].chunks_exact(channels) {
            for (c, &v) in px.iter().enumerate() {
                h[c][v as usize] += 1;
            }
        }
    }
    h
}

/// The float bin of `v` (see the module doc).
pub fn float_bin(v: f32, entries: usize, min: f32, max: f32) -> usize {
    let t = entries as f64 * (v as f64 - min as f64) / (max as f64 - min as f64);
    if t.is_nan() || t < 0.0 {
        0
    } else {
        (t.floor().min((entries - 1) as f64)) as usize
    }
}

/// Checks a float histogram's range and entry count.
pub fn check_float_range(entries: usize, min: f32, max: f32) -> Result<(), ImageError> {
    if entries == 0 || min.is_nan() || max.is_nan() || max < min {
        Err(ImageError::InvalidParameter)
    } else {
        Ok(())
    }
}

/// `entries`-bin histograms per channel of an interleaved float image.
pub fn histogram_f(
    src: &Plane<'_, f32>,
    channels: usize,
    entries: usize,
    min: f32,
    max: f32,
) -> Result<Vec<Vec<u64>>, ImageError> {
    check_float_range(entries, min, max)?;
    let mut h = vec![vec![0u64; entries]; channels];
    let len = src.width() * channels;
    for row in src.rows() {
        for px in row[..len].chunks_exact(channels) {
            for (c, &v) in px.iter().enumerate() {
                h[c][float_bin(v, entries, min, max)] += 1;
            }
        }
    }
    Ok(h)
}

/// Applies one table per channel; channel `leave` (if any) is copied.
fn apply(
    src: &Plane<'_, u8>,
    dest: &mut PlaneMut<'_, u8>,
    channels: usize,
    luts: &[[u8; 256]],
    leave: Option<usize>,
) {
    let len = dest.width() * channels;
    for y in 0..dest.height() {
        let s = &src.row(y)[..len];
        let d = dest.row_mut(y);
        for (i, (o, &v)) in d.iter_mut().zip(s).enumerate() {
            let c = i % channels;
            *o = if Some(c) == leave {
                v
            } else {
                luts[c][v as usize]
            };
        }
    }
}

fn cumulative(h: &[u64]) -> Vec<u64> {
    h.iter()
        .scan(0u64, |acc, &n| {
            *acc += n;
            Some(*acc)
        })
        .collect()
}

fn equalize_lut(h: &[u64; 256]) -> [u8; 256] {
    let cdf = cumulative(h);
    let total = cdf[255].max(1) as u128;
    let mut lut = [0u8; 256];
    for (l, &c) in lut.iter_mut().zip(&cdf) {
        *l = ((255 * c as u128 + total / 2) / total) as u8;
    }
    lut
}

/// Histogram equalization per channel.
pub fn equalize8(
    src: &Plane<'_, u8>,
    dest: &mut PlaneMut<'_, u8>,
    channels: usize,
    leave: Option<usize>,
) -> Result<(), ImageError> {
    same_size(src, dest)?;
    let luts: Vec<_> = histogram8(src, channels).iter().map(equalize_lut).collect();
    apply(src, dest, channels, &luts, leave);
    Ok(())
}

fn specify_lut(h: &[u64; 256], desired: &[u64]) -> Result<[u8; 256], ImageError> {
    let src_cdf = cumulative(h);
    let want = cumulative(desired);
    let (n, m) = (src_cdf[255] as u128, want[255] as u128);
    if m == 0 {
        return Err(ImageError::InvalidParameter);
    }
    let mut lut = [0u8; 256];
    let mut j = 0;
    for (i, l) in lut.iter_mut().enumerate() {
        // want[j]/m ≥ src[i]/n, cross-multiplied; both sides only grow.
        while j < 255 && (want[j] as u128) * n < (src_cdf[i] as u128) * m {
            j += 1;
        }
        *l = j as u8;
    }
    Ok(lut)
}

/// Histogram specification per channel: `desired[c]` has 256 entries.
pub fn specify8(
    src: &Plane<'_, u8>,
    dest: &mut PlaneMut<'_, u8>,
    channels: usize,
    desired: &[&[u64]],
    leave: Option<usize>,
) -> Result<(), ImageError> {
    same_size(src, dest)?;
    let hist = histogram8(src, channels);
    let mut luts = Vec::with_capacity(channels);
    for c in 0..channels {
        luts.push(if Some(c) == leave {
            [0; 256]
        } else {
            specify_lut(&hist[c], desired[c])?
        });
    }
    apply(src, dest, channels, &luts, leave);
    Ok(())
}

/// The ends-in bounds (see the module doc).
fn bounds(h: &[u64; 256], low: u32, high: u32) -> (usize, usize) {
    let total: u128 = h.iter().map(|&n| n as u128).sum();
    let mut acc = 0u128;
    let mut lo = 255;
    for (v, &n) in h.iter().enumerate() {
        acc += n as u128;
        if acc * 100 > total * low as u128 {
            lo = v;
            break;
        }
    }
    let mut acc = 0u128;
    let mut hi = 0;
    for (v, &n) in h.iter().enumerate().rev() {
        acc += n as u128;
        if acc * 100 > total * high as u128 {
            hi = v;
            break;
        }
    }
    (lo, hi)
}

fn stretch_lut(lo: usize, hi: usize) -> [u8; 256] {
    let mut lut = [0u8; 256];
    for (i, l) in lut.iter_mut().enumerate() {
        *l = if lo >= hi {
            i as u8
        } else if i <= lo {
            0
        } else if i >= hi {
            255
        } else {
            let span = hi - lo;
            (((i - lo) * 255 + span / 2) / span) as u8
        };
    }
    lut
}

/// Ends-in contrast stretch per channel (`low[c]`, `high[c]` in percent).
pub fn ends_in_stretch8(
    src: &Plane<'_, u8>,
    dest: &mut PlaneMut<'_, u8>,
    channels: usize,
    low: &[u32],
    high: &[u32],
    leave: Option<usize>,
) -> Result<(), ImageError> {
    same_size(src, dest)?;
    for c in 0..channels {
        if Some(c) != leave && low[c] as u64 + high[c] as u64 > 100 {
            return Err(ImageError::InvalidParameter);
        }
    }
    let luts: Vec<_> = histogram8(src, channels)
        .iter()
        .enumerate()
        .map(|(c, h)| {
            let (lo, hi) = bounds(h, low[c], high[c]);
            stretch_lut(lo, hi)
        })
        .collect();
    apply(src, dest, channels, &luts, leave);
    Ok(())
}

/// Contrast stretch: each channel's [darkest, brightest] onto [0, 255].
pub fn stretch8(
    src: &Plane<'_, u8>,
    dest: &mut PlaneMut<'_, u8>,
    channels: usize,
    leave: Option<usize>,
) -> Result<(), ImageError> {
    let zeros = vec![0u32; channels];
    ends_in_stretch8(src, dest, channels, &zeros, &zeros, leave)
}

/// A float lookup-table operation: Apple documents the float histogram
/// functions as a table indexed by the source value's bin, so every value
/// of a bin maps to the same output.
#[derive(Clone, Copy, Debug)]
pub enum FloatOp<'a> {
    /// Bin i → min + (max − min) · cdf(i) / total (cdf inclusive).
    Equalize,
    /// Ends-in stretch on the bins (percent per channel); 0/0 is the plain
    /// contrast stretch. A channel whose bounds coincide is copied.
    EndsIn(&'a [u32], &'a [u32]),
    /// One desired histogram (`entries` counts) per channel.
    Specify(&'a [&'a [u64]]),
    /// Contrast stretch, which Apple documents as linear rather than a
    /// table: `(v − lo) · (max − min) / (hi − lo) + min` with `lo`/`hi`
    /// the channel's darkest and brightest values (NaN ignored); a flat
    /// channel is copied.
    Stretch,
}

/// The output value of bin-unit `k` of `entries`: bins map onto the range
/// like 8-bit codes onto 0…255 (first bin → `min`, last → `max`).
fn bin_value(k: usize, entries: usize, min: f32, max: f32) -> f32 {
    if entries <= 1 {
        return min;
    }
    (min as f64 + (max as f64 - min as f64) * k as f64 / (entries - 1) as f64) as f32
}

/// One channel's table, or `None` to copy the channel.
fn float_table(
    hist: &[u64],
    op: FloatOp<'_>,
    c: usize,
    min: f32,
    max: f32,
) -> Result<Option<Vec<f32>>, ImageError> {
    let n = hist.len();
    let cdf = cumulative(hist);
    let total = cdf[n - 1] as f64;
    Ok(Some(match op {
        FloatOp::Stretch => return Ok(None),
        FloatOp::Equalize => cdf
            .iter()
            .map(|&k| {
                let f = if total > 0.0 { k as f64 / total } else { 0.0 };
                (min as f64 + (max as f64 - min as f64) * f) as f32
            })
            .collect(),
        FloatOp::Specify(desired) => {
            let want = cumulative(desired[c]);
            let m = want[n - 1] as u128;
            if m == 0 {
                return Err(ImageError::InvalidParameter);
            }
            let mut j = 0;
            let mut table = Vec::with_capacity(n);
            for &have in &cdf {
                while j < n - 1 && (want[j] as u128) * (total as u128) < (have as u128) * m {
                    j += 1;
                }
                table.push(bin_value(j, n, min, max));
            }
            table
        }
        FloatOp::EndsIn(low, high) => {
            let (lo, hi) = bin_bounds(hist, low[c], high[c]);
            if lo >= hi {
                return Ok(None);
            }
            (0..n)
                .map(|i| {
                    let t = (i.clamp(lo, hi) - lo) as f64 / (hi - lo) as f64;
                    (min as f64 + (max as f64 - min as f64) * t) as f32
                })
                .collect()
        }
    }))
}

/// [`bounds`] for any number of bins.
fn bin_bounds(h: &[u64], low: u32, high: u32) -> (usize, usize) {
    let total: u128 = h.iter().map(|&n| n as u128).sum();
    let mut acc = 0u128;
    let mut lo = h.len() - 1;
    for (v, &n) in h.iter().enumerate() {
        acc += n as u128;
        if acc * 100 > total * low as u128 {
            lo = v;
            break;
        }
    }
    let mut acc = 0u128;
    let mut hi = 0;
    for (v, &n) in h.iter().enumerate().rev() {
        acc += n as u128;
        if acc * 100 > total * high as u128 {
            hi = v;
            break;
        }
    }
    (lo, hi)
}

/// The float histogram operations on `channels` interleaved channels with
/// `entries` bins over `[min, max]` (binned as [`float_bin`]); channel
/// `leave` is copied.
#[allow(clippy::too_many_arguments)]
pub fn lut_f(
    src: &Plane<'_, f32>,
    dest: &mut PlaneMut<'_, f32>,
    channels: usize,
    entries: usize,
    min: f32,
    max: f32,
    leave: Option<usize>,
    op: FloatOp<'_>,
) -> Result<(), ImageError> {
    same_size(src, dest)?;
    check_float_range(entries, min, max)?;
    if let FloatOp::EndsIn(lo, hi) = op {
        for c in (0..channels).filter(|&c| Some(c) != leave) {
            if lo[c] as u64 + hi[c] as u64 > 100 {
                return Err(ImageError::InvalidParameter);
            }
        }
    }
    if let FloatOp::Stretch = op {
        return stretch_f(src, dest, channels, min, max, leave);
    }
    let hist = histogram_f(src, channels, entries, min, max)?;
    let mut tables = Vec::with_capacity(channels);
    for (c, h) in hist.iter().enumerate() {
        tables.push(if Some(c) == leave {
            None
        } else {
            float_table(h, op, c, min, max)?
        });
    }
    let len = dest.width() * channels;
    for y in 0..dest.height() {
        let s = &src.row(y)[..len];
        for (i, (o, &v)) in dest.row_mut(y).iter_mut().zip(s).enumerate() {
            *o = match &tables[i % channels] {
                None => v,
                Some(t) => t[float_bin(v, entries, min, max)],
            };
        }
    }
    Ok(())
}

/// [`FloatOp::Stretch`].
fn stretch_f(
    src: &Plane<'_, f32>,
    dest: &mut PlaneMut<'_, f32>,
    channels: usize,
    min: f32,
    max: f32,
    leave: Option<usize>,
) -> Result<(), ImageError> {
    let len = dest.width() * channels;
    let mut lo = vec![f32::INFINITY; channels];
    let mut hi = vec![f32::NEG_INFINITY; channels];
    for row in src.rows() {
        for (i, &v) in row[..len].iter().enumerate() {
            let c = i % channels;
            if !v.is_nan() {
                lo[c] = lo[c].min(v);
                hi[c] = hi[c].max(v);
            }
        }
    }
    let maps: Vec<Option<(f64, f64)>> = (0..channels)
        .map(|c| {
            (Some(c) != leave && hi[c] > lo[c]).then(|| {
                let scale = (max as f64 - min as f64) / (hi[c] as f64 - lo[c] as f64);
                (lo[c] as f64, scale)
            })
        })
        .collect();
    for y in 0..dest.height() {
        let s = &src.row(y)[..len];
        for (i, (o, &v)) in dest.row_mut(y).iter_mut().zip(s).enumerate() {
            *o = match maps[i % channels] {
                None => v,
                Some((lo, scale)) => ((v as f64 - lo) * scale + min as f64) as f32,
            };
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn planar(v: &[u8]) -> Plane<'_, u8> {
        Plane::packed(v, v.len(), 1, v.len()).unwrap()
    }

    #[test]
    fn float_bins_follow_the_formula() {
        assert_eq!(float_bin(0.0, 4, 0.0, 1.0), 0);
        assert_eq!(float_bin(0.2499, 4, 0.0, 1.0), 0);
        assert_eq!(float_bin(0.25, 4, 0.0, 1.0), 1);
        assert_eq!(float_bin(1.0, 4, 0.0, 1.0), 3);
        assert_eq!(float_bin(7.0, 4, 0.0, 1.0), 3);
        assert_eq!(float_bin(-7.0, 4, 0.0, 1.0), 0);
        assert_eq!(float_bin(f32::NAN, 4, 0.0, 1.0), 0);
        assert_eq!(float_bin(0.5, 4, 0.5, 0.5), 0);
        assert_eq!(
            check_float_range(0, 0.0, 1.0),
            Err(ImageError::InvalidParameter)
        );
        assert_eq!(
            check_float_range(4, 1.0, 0.0),
            Err(ImageError::InvalidParameter)
        );
    }

    #[test]
    fn equalization_spreads_the_cumulative_histogram() {
        let src = [10u8, 10, 20, 30];
        let mut out = [0u8; 4];
        let mut d = PlaneMut::packed(&mut out, 4, 1, 4).unwrap();
        equalize8(&planar(&src), &mut d, 1, None).unwrap();
        // cdf: 10 → 2/4, 20 → 3/4, 30 → 1: (255·c + 2)/4.
        assert_eq!(out, [128, 128, 191, 255]);
    }

    #[test]
    fn specification_matches_the_desired_distribution() {
        let src = [0u8, 1, 2, 3];
        let mut desired = vec![0u64; 256];
        desired[100] = 1;
        desired[200] = 1;
        let mut out = [0u8; 4];
        let mut d = PlaneMut::packed(&mut out, 4, 1, 4).unwrap();
        specify8(&planar(&src), &mut d, 1, &[&desired], None).unwrap();
        assert_eq!(out, [100, 100, 200, 200]);
        let zero = vec![0u64; 256];
        let mut d = PlaneMut::packed(&mut out, 4, 1, 4).unwrap();
        assert_eq!(
            specify8(&planar(&src), &mut d, 1, &[&zero], None),
            Err(ImageError::InvalidParameter)
        );
    }

    #[test]
    fn stretches() {
        let src = [50u8, 100, 150];
        let mut out = [0u8; 3];
        let mut d = PlaneMut::packed(&mut out, 3, 1, 3).unwrap();
        stretch8(&planar(&src), &mut d, 1, None).unwrap();
        assert_eq!(out, [0, 128, 255]);
        // Ten values 0..=9 (scaled by 10), 20 % low / 10 % high:
        // lo = the 3rd darkest (20), hi = the 2nd brightest (80).
        let src: Vec<u8> = (0..10).map(|v| v * 10).collect();
        let mut out = vec![0u8; 10];
        let mut d = PlaneMut::packed(&mut out, 10, 1, 10).unwrap();
        ends_in_stretch8(&planar(&src), &mut d, 1, &[20], &[10], None).unwrap();
        let expect: Vec<u8> = src
            .iter()
            .map(|&v| match v {
                0..=20 => 0,
                80.. => 255,
                v => (((v as u32 - 20) * 255 + 30) / 60) as u8,
            })
            .collect();
        assert_eq!(out, expect);
        let mut d = PlaneMut::packed(&mut out, 10, 1, 10).unwrap();
        assert_eq!(
            ends_in_stretch8(&planar(&src), &mut d, 1, &[60], &[41], None),
            Err(ImageError::InvalidParameter)
        );
        // A flat image is left as it is.
        let flat = [7u8; 3];
        let mut out = [0u8; 3];
        let mut d = PlaneMut::packed(&mut out, 3, 1, 3).unwrap();
        stretch8(&planar(&flat), &mut d, 1, None).unwrap();
        assert_eq!(out, flat);
    }

    #[test]
    fn alpha_is_copied_when_left_unchanged() {
        let src = [9u8, 50, 100, 150, 3, 150, 100, 50];
        let s = Plane::packed(&src, 2, 1, 8).unwrap();
        let mut out = [0u8; 8];
        let mut d = PlaneMut::packed(&mut out, 2, 1, 8).unwrap();
        stretch8(&s, &mut d, 4, Some(0)).unwrap();
        assert_eq!(out, [9, 0, 100, 255, 3, 255, 100, 0]);
    }

    #[test]
    fn float_operations_are_per_bin_tables() {
        // Uniform source on [0,1) onto a histogram with all mass in the top
        // half: every value lands in bin 2 or 3 (values 2/3, 1), order kept.
        let src: Vec<f32> = (0..100).map(|i| i as f32 / 100.0).collect();
        let s = Plane::packed(&src, 100, 1, 100).unwrap();
        let mut out = vec![0f32; 100];
        let desired: &[u64] = &[0, 0, 1, 1];
        let mut d = PlaneMut::packed(&mut out, 100, 1, 100).unwrap();
        lut_f(
            &s,
            &mut d,
            1,
            4,
            0.0,
            1.0,
            None,
            FloatOp::Specify(&[desired]),
        )
        .unwrap();
        assert!(out.iter().all(|&v| v == 2.0 / 3.0 || v == 1.0));
        assert!(out.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(out.iter().filter(|&&v| v == 1.0).count(), 50);
        // Equalization: bin i → cdf(i)/total over the range.
        let mut d = PlaneMut::packed(&mut out, 100, 1, 100).unwrap();
        lut_f(&s, &mut d, 1, 4, 0.0, 1.0, None, FloatOp::Equalize).unwrap();
        assert_eq!((out[0], out[30], out[99]), (0.25, 0.5, 1.0));
        // Ends-in: 25 % each side → bins 1..=2 stretched over the range.
        let mut d = PlaneMut::packed(&mut out, 100, 1, 100).unwrap();
        lut_f(
            &s,
            &mut d,
            1,
            4,
            0.0,
            1.0,
            None,
            FloatOp::EndsIn(&[25], &[25]),
        )
        .unwrap();
        assert_eq!((out[0], out[30], out[60], out[99]), (0.0, 0.0, 1.0, 1.0));
        // Ends-in 0/0: bins 0..=3 → 0, 1/3, 2/3, 1.
        let mut d = PlaneMut::packed(&mut out, 100, 1, 100).unwrap();
        lut_f(
            &s,
            &mut d,
            1,
            4,
            0.0,
            1.0,
            None,
            FloatOp::EndsIn(&[0], &[0]),
        )
        .unwrap();
        assert_eq!((out[0], out[30], out[99]), (0.0, 1.0 / 3.0, 1.0));
        // Contrast stretch is linear on the actual extremes.
        let mut d = PlaneMut::packed(&mut out, 100, 1, 100).unwrap();
        lut_f(&s, &mut d, 1, 4, 10.0, 20.0, None, FloatOp::Stretch).unwrap();
        assert_eq!(out[0], 10.0);
        assert_eq!(out[99], 20.0);
        assert!((out[33] - (10.0 + 10.0 * 0.33 / 0.99)).abs() < 1e-5);
        // A single occupied bin: copied.
        let flat = [0.3f32; 4];
        let s = Plane::packed(&flat, 4, 1, 4).unwrap();
        let mut o = [0f32; 4];
        let mut d = PlaneMut::packed(&mut o, 4, 1, 4).unwrap();
        lut_f(
            &s,
            &mut d,
            1,
            8,
            0.0,
            1.0,
            None,
            FloatOp::EndsIn(&[0], &[0]),
        )
        .unwrap();
        assert_eq!(o, flat);
        let zero: &[u64] = &[0; 8];
        let mut d = PlaneMut::packed(&mut o, 4, 1, 4).unwrap();
        assert_eq!(
            lut_f(&s, &mut d, 1, 8, 0.0, 1.0, None, FloatOp::Specify(&[zero])),
            Err(ImageError::InvalidParameter)
        );
    }
}
