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
//!   `[0, entries − 1]`, computed in f64; NaN counts in bin 0.

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

/// Float histogram specification for one channel: maps each value through
/// the source's piecewise-linear cumulative distribution (linear inside a
/// bin) and the inverse of the desired one, so the map is continuous and
/// monotone. Values are clamped to `[min, max]` first (NaN → `min`).
pub fn specify_f(
    src: &Plane<'_, f32>,
    dest: &mut PlaneMut<'_, f32>,
    desired: &[u64],
    min: f32,
    max: f32,
) -> Result<(), ImageError> {
    same_size(src, dest)?;
    let entries = desired.len();
    check_float_range(entries, min, max)?;
    let hist = histogram_f(src, 1, entries, min, max)?.remove(0);
    let src_cum = cumulative(&hist);
    let want_cum = cumulative(desired);
    let (n, m) = (src_cum[entries - 1] as f64, want_cum[entries - 1] as f64);
    if m == 0.0 {
        return Err(ImageError::InvalidParameter);
    }
    let (lo, hi) = (min as f64, max as f64);
    let width = (hi - lo) / entries as f64;
    let map = |v: f32| -> f32 {
        if width <= 0.0 {
            return min;
        }
        let v = if v.is_nan() {
            lo
        } else {
            (v as f64).clamp(lo, hi)
        };
        let t = (v - lo) / width;
        let b = (t.floor() as usize).min(entries - 1);
        let before = if b == 0 { 0.0 } else { src_cum[b - 1] as f64 };
        let p = (before + (t - b as f64) * hist[b] as f64) / n.max(1.0) * m;
        // Smallest desired bin whose cumulative count reaches p.
        // Empty bins hold no values: skip them (only matters at p = 0).
        let mut j = want_cum
            .partition_point(|&c| (c as f64) < p)
            .min(entries - 1);
        while j < entries - 1 && desired[j] == 0 {
            j += 1;
        }
        let start = if j == 0 { 0.0 } else { want_cum[j - 1] as f64 };
        let frac = if desired[j] > 0 {
            ((p - start) / desired[j] as f64).clamp(0.0, 1.0)
        } else {
            0.0
        };
        (lo + (j as f64 + frac) * width).clamp(lo, hi) as f32
    };
    let w = dest.width();
    for y in 0..dest.height() {
        let s = &src.row(y)[..w];
        for (o, &v) in dest.row_mut(y).iter_mut().zip(s) {
            *o = map(v);
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
    fn float_specification_is_a_monotone_cdf_match() {
        // Uniform source on [0,1) onto a histogram with all mass in the top
        // half: values land in [0.5, 1], order kept.
        let src: Vec<f32> = (0..100).map(|i| i as f32 / 100.0).collect();
        let s = Plane::packed(&src, 100, 1, 100).unwrap();
        let mut out = vec![0f32; 100];
        let mut d = PlaneMut::packed(&mut out, 100, 1, 100).unwrap();
        specify_f(&s, &mut d, &[0, 0, 1, 1], 0.0, 1.0).unwrap();
        assert!(out.iter().all(|&v| (0.5..=1.0).contains(&v)));
        assert!(out.windows(2).all(|w| w[0] <= w[1]));
        // The median maps to the desired median (0.75), within a bin step.
        assert!((out[50] - 0.75).abs() < 0.02, "{}", out[50]);
        // Identity when desired = source histogram.
        let h = histogram_f(&s, 1, 10, 0.0, 1.0).unwrap().remove(0);
        let mut d = PlaneMut::packed(&mut out, 100, 1, 100).unwrap();
        specify_f(&s, &mut d, &h, 0.0, 1.0).unwrap();
        for (a, b) in out.iter().zip(&src) {
            assert!((a - b).abs() < 1e-5, "{a} {b}");
        }
    }
}
