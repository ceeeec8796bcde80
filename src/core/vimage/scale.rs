//! `vImageScale_*` (vimage-ops.md §2.3, vimage-numerics.md §6) on the
//! crate's one resampler, `core::resample`.
//!
//! - Kernel: Lanczos-3, or Lanczos-5 for `kvImageHighQualityResampling`;
//!   widened by the reduction factor when downscaling (`core::resample`).
//! - Pixel centres map to centres: output `j` samples input position
//!   `(j + 0.5) · src/dst − 0.5`, per axis.
//! - Edges extend: vImage documents scaling as always `kvImageEdgeExtend`;
//!   the taps are built with [`Edge::Extend`], so every outside tap reads
//!   the edge pixel without padding the rows.
//! - Separable, horizontal pass first; a sliding window keeps only the
//!   horizontally resampled rows the current output row needs. u8 runs in
//!   fixed point (14-bit taps, i16 rows with 6 fractional bits, i32
//!   sums: within ±1 of the f64 model, constants exact); every other type
//!   in f32.
//! - Integer results round to nearest (halves up) and clamp to the type's
//!   range; half floats convert with round-to-nearest-even; f32 is stored
//!   as computed (Lanczos overshoot included).

use std::collections::VecDeque;

use half::f16;

use crate::core::image::{ImageError, Plane, PlaneMut};
use crate::core::resample::{
    Edge, Filter, Mapping, Taps, accumulate_difference, resample_interleaved, scale_frame_u8,
};

/// A sample type vImage scales.
pub trait ScaleSample: Copy {
    fn to_f32(self) -> f32;
    fn from_f32(v: f32) -> Self;
    /// A type-specific scaler, `None` to use the f32 one.
    fn scale_direct(
        _src: &Plane<'_, Self>,
        _dest: &mut PlaneMut<'_, Self>,
        _channels: usize,
        _filter: Filter,
    ) -> Option<Result<(), ImageError>> {
        None
    }
}

impl ScaleSample for u8 {
    fn scale_direct(
        src: &Plane<'_, u8>,
        dest: &mut PlaneMut<'_, u8>,
        channels: usize,
        filter: Filter,
    ) -> Option<Result<(), ImageError>> {
        match channels {
            1 => Some(scale_u8::<1>(src, dest, filter)),
            2 => Some(scale_u8::<2>(src, dest, filter)),
            4 => Some(scale_u8::<4>(src, dest, filter)),
            _ => None,
        }
    }
    fn to_f32(self) -> f32 {
        self as f32
    }
    fn from_f32(v: f32) -> u8 {
        // `as` saturates and maps NaN to 0.
        (v + 0.5).floor() as u8
    }
}

impl ScaleSample for u16 {
    fn to_f32(self) -> f32 {
        self as f32
    }
    fn from_f32(v: f32) -> u16 {
        (v + 0.5).floor() as u16
    }
}

impl ScaleSample for i16 {
    fn to_f32(self) -> f32 {
        self as f32
    }
    fn from_f32(v: f32) -> i16 {
        (v + 0.5).floor() as i16
    }
}

impl ScaleSample for f32 {
    fn to_f32(self) -> f32 {
        self
    }
    fn from_f32(v: f32) -> f32 {
        v
    }
}

impl ScaleSample for f16 {
    fn to_f32(self) -> f32 {
        f16::to_f32(self)
    }
    fn from_f32(v: f32) -> f16 {
        f16::from_f32(v)
    }
}

/// The filter for a call.
pub fn filter(high_quality: bool) -> Filter {
    if high_quality {
        Filter::Lanczos5
    } else {
        Filter::Lanczos3
    }
}

/// Edge-extended taps for one axis.
fn taps(filter: Filter, input_len: usize, output_len: usize) -> Result<Taps, ImageError> {
    let map = Mapping::region(0.0, input_len as f64, output_len);
    Taps::with_edge(filter, input_len, output_len, map, Edge::Extend).ok_or(ImageError::OutOfMemory)
}

/// The fixed-point u8 scaler for `C`-sample pixels.
fn scale_u8<const C: usize>(
    src: &Plane<'_, u8>,
    dest: &mut PlaneMut<'_, u8>,
    filter: Filter,
) -> Result<(), ImageError> {
    let (sw, sh, dw, dh) = (src.width(), src.height(), dest.width(), dest.height());
    if dw == 0 || dh == 0 {
        return Ok(());
    }
    if sw == 0 || sh == 0 {
        return Err(ImageError::RoiLargerThanInput);
    }
    let htaps = taps(filter, sw, dw)?.to_fixed();
    let vtaps = taps(filter, sh, dh)?.to_fixed();
    let len = dw * C;
    scale_frame_u8::<C>(
        &htaps,
        &vtaps,
        |r| &src.row(r)[..sw * C],
        |y, row| dest.row_mut(y)[..len].copy_from_slice(row),
    )
    .ok_or(ImageError::OutOfMemory)
}

/// Scales `src` to `dest`'s size; pixels are `channels` samples of `T`.
pub fn scale<T: ScaleSample>(
    src: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
    channels: usize,
    filter: Filter,
) -> Result<(), ImageError> {
    if let Some(done) = T::scale_direct(src, dest, channels, filter) {
        return done;
    }
    let (sw, dw) = (src.width(), dest.width());
    let size = ((sw, src.height()), (dw, dest.height()));
    scale_rows(
        size,
        channels,
        filter,
        |y, out| {
            for (o, &s) in out.iter_mut().zip(&src.row(y)[..sw * channels]) {
                *o = s.to_f32();
            }
        },
        |y, values| {
            for (o, &v) in dest.row_mut(y).iter_mut().zip(values) {
                *o = T::from_f32(v);
            }
        },
    )
}

/// XRGB2101010 in host-endian 32-bit words: bits 29–20 R, 19–10 G, 9–0 B,
/// 31–30 unused (written as 0). Each 10-bit channel is resampled and
/// clamped to 0…1023; the value range (video or full) does not matter to
/// a linear filter.
pub fn scale_xrgb2101010(
    src: &Plane<'_, u32>,
    dest: &mut PlaneMut<'_, u32>,
    filter: Filter,
) -> Result<(), ImageError> {
    let (sw, dw) = (src.width(), dest.width());
    let size = ((sw, src.height()), (dw, dest.height()));
    scale_rows(
        size,
        3,
        filter,
        |y, out| {
            for (o, &p) in out.chunks_exact_mut(3).zip(&src.row(y)[..sw]) {
                o[0] = ((p >> 20) & 0x3FF) as f32;
                o[1] = ((p >> 10) & 0x3FF) as f32;
                o[2] = (p & 0x3FF) as f32;
            }
        },
        |y, values| {
            for (o, v) in dest.row_mut(y).iter_mut().zip(values.chunks_exact(3)) {
                let c = |x: f32| ((x + 0.5).floor() as u32).min(1023);
                *o = (c(v[0]) << 20) | (c(v[1]) << 10) | c(v[2]);
            }
        },
    )
}

/// The separable scaler over abstract rows: `read(y, out)` fills source
/// row `y` as `sw × channels` f32 samples, `write(y, values)` stores output
/// row `y` from `dw × channels` samples.
fn scale_rows(
    ((sw, sh), (dw, dh)): ((usize, usize), (usize, usize)),
    channels: usize,
    filter: Filter,
    mut read: impl FnMut(usize, &mut [f32]),
    mut write: impl FnMut(usize, &[f32]),
) -> Result<(), ImageError> {
    if dw == 0 || dh == 0 {
        return Ok(());
    }
    if sw == 0 || sh == 0 {
        return Err(ImageError::RoiLargerThanInput);
    }
    let htaps = taps(filter, sw, dw)?;
    let vtaps = taps(filter, sh, dh)?;
    let c = channels;
    let mut input = alloc(sw * c)?;
    // Horizontally resampled rows, keyed by source row index.
    let mut window: VecDeque<(usize, Vec<f32>)> = VecDeque::new();
    // Rows that left the window, reused for the next ones.
    let mut spare: Vec<Vec<f32>> = Vec::new();
    let mut out = alloc(dw * c)?;
    for y in 0..dh {
        let first = vtaps.first(y);
        let count = vtaps.count();
        while window.front().is_some_and(|(r, _)| *r < first) {
            if let Some((_, buf)) = window.pop_front() {
                spare.push(buf);
            }
        }
        let mut next = window.back().map_or(first, |(r, _)| r + 1);
        while next < first + count {
            read(next, &mut input);
            let mut h = match spare.pop() {
                Some(buf) => buf,
                None => alloc(dw * c)?,
            };
            resample_interleaved(&htaps, c, &input, &mut h);
            window.push_back((next, h));
            next += 1;
        }
        let rows: Vec<&[f32]> = window
            .iter()
            .skip_while(|(r, _)| *r < first)
            .take(count)
            .map(|(_, v)| v.as_slice())
            .collect();
        let base = rows[0];
        out.copy_from_slice(base);
        for (&w, row) in vtaps.weights(y).iter().zip(&rows) {
            accumulate_difference(w, row, base, &mut out);
        }
        write(y, &out);
    }
    Ok(())
}

fn alloc(n: usize) -> Result<Vec<f32>, ImageError> {
    let mut v = Vec::new();
    v.try_reserve_exact(n)
        .map_err(|_| ImageError::OutOfMemory)?;
    v.resize(n, 0.0);
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::PI;

    fn lanczos(a: f64, x: f64) -> f64 {
        if x == 0.0 {
            1.0
        } else if x.abs() >= a {
            0.0
        } else {
            let p = PI * x;
            a * p.sin() * (p / a).sin() / (p * p)
        }
    }

    /// Independent f64 model: direct 2-D separable sum with clamped
    /// coordinates and per-output normalisation.
    fn model(src: &[f64], sw: usize, sh: usize, dw: usize, dh: usize, a: f64) -> Vec<f64> {
        let weights = |n_in: usize, n_out: usize, j: usize| -> Vec<(usize, f64)> {
            let step = n_in as f64 / n_out as f64;
            let s = step.max(1.0);
            let t = (j as f64 + 0.5) * step - 0.5;
            let lo = (t - a * s).ceil() as i64;
            let hi = (t + a * s).floor() as i64;
            let mut w: Vec<(usize, f64)> = (lo..=hi)
                .map(|i| {
                    let idx = i.clamp(0, n_in as i64 - 1) as usize;
                    (idx, lanczos(a, (i as f64 - t) / s))
                })
                .collect();
            let sum: f64 = w.iter().map(|p| p.1).sum();
            w.iter_mut().for_each(|p| p.1 /= sum);
            w
        };
        let mut out = vec![0.0; dw * dh];
        for y in 0..dh {
            for x in 0..dw {
                let mut acc = 0.0;
                for &(sy, wy) in &weights(sh, dh, y) {
                    for &(sx, wx) in &weights(sw, dw, x) {
                        acc += wy * wx * src[sy * sw + sx];
                    }
                }
                out[y * dw + x] = acc;
            }
        }
        out
    }

    fn image(w: usize, h: usize) -> Vec<f32> {
        (0..w * h)
            .map(|i| {
                let (x, y) = ((i % w) as f32, (i / w) as f32);
                100.0 + 60.0 * (x * 0.7).sin() + 40.0 * (y * 0.45).cos()
            })
            .collect()
    }

    #[test]
    fn float_scaling_matches_the_model_with_edge_extension() {
        for &(sw, sh, dw, dh) in &[(13, 7, 29, 11), (31, 17, 7, 5), (9, 9, 9, 9), (5, 1, 12, 3)] {
            for (hq, a) in [(false, 3.0), (true, 5.0)] {
                let src = image(sw, sh);
                let s = Plane::packed(&src, sw, sh, sw).unwrap();
                let mut out = vec![0f32; dw * dh];
                let mut d = PlaneMut::packed(&mut out, dw, dh, dw).unwrap();
                scale(&s, &mut d, 1, filter(hq)).unwrap();
                let src64: Vec<f64> = src.iter().map(|&v| v as f64).collect();
                let want = model(&src64, sw, sh, dw, dh, a);
                for (i, (&g, &w)) in out.iter().zip(&want).enumerate() {
                    assert!(
                        (g as f64 - w).abs() < 2e-3,
                        "{sw}x{sh}->{dw}x{dh} hq {hq} at {i}: {g} vs {w}"
                    );
                }
            }
        }
    }

    #[test]
    fn u8_fixed_point_is_within_one_of_the_model_and_constants_are_exact() {
        for &(sw, sh, dw, dh) in &[
            (13, 7, 29, 11),
            (31, 17, 7, 5),
            (40, 22, 20, 11),
            (5, 1, 12, 3),
        ] {
            for (hq, a) in [(false, 3.0), (true, 5.0)] {
                for c in [1usize, 2, 4] {
                    let plane = image(sw, sh);
                    let src: Vec<u8> = plane
                        .iter()
                        .flat_map(|&v| {
                            (0..c).map(move |k| (v as i32 + 37 * k as i32).clamp(0, 255) as u8)
                        })
                        .collect();
                    let s = Plane::packed(&src, sw, sh, sw * c).unwrap();
                    let mut out = vec![0u8; dw * dh * c];
                    let mut d = PlaneMut::packed(&mut out, dw, dh, dw * c).unwrap();
                    scale(&s, &mut d, c, filter(hq)).unwrap();
                    for k in 0..c {
                        let chan: Vec<f64> =
                            src.iter().skip(k).step_by(c).map(|&v| v as f64).collect();
                        let want = model(&chan, sw, sh, dw, dh, a);
                        for (i, &w) in want.iter().enumerate() {
                            let g = out[i * c + k] as f64;
                            assert!(
                                (g - w.clamp(0.0, 255.0)).abs() <= 1.0,
                                "{sw}x{sh}->{dw}x{dh} hq {hq} c {c} ch {k} at {i}: {g} vs {w}"
                            );
                        }
                    }
                    let flat = vec![201u8; sw * sh * c];
                    let s = Plane::packed(&flat, sw, sh, sw * c).unwrap();
                    let mut d = PlaneMut::packed(&mut out, dw, dh, dw * c).unwrap();
                    scale(&s, &mut d, c, filter(hq)).unwrap();
                    assert!(out.iter().all(|&v| v == 201));
                }
            }
        }
    }

    #[test]
    fn same_size_is_a_copy_and_constants_stay_constant() {
        let src: Vec<u8> = (0..4 * 15 * 6).map(|i| (i * 7 % 256) as u8).collect();
        let s = Plane::packed(&src, 15, 6, 60).unwrap();
        let mut out = vec![0u8; src.len()];
        let mut d = PlaneMut::packed(&mut out, 15, 6, 60).unwrap();
        scale(&s, &mut d, 4, filter(false)).unwrap();
        assert_eq!(out, src);
        let flat = vec![f16::from_f32(0.3); 2 * 10 * 10];
        let s = Plane::packed(&flat, 10, 10, 20).unwrap();
        let mut out = vec![f16::ZERO; 2 * 23 * 3];
        let mut d = PlaneMut::packed(&mut out, 23, 3, 46).unwrap();
        scale(&s, &mut d, 2, filter(true)).unwrap();
        assert!(out.iter().all(|&v| v == f16::from_f32(0.3)));
    }

    #[test]
    fn integer_results_round_and_clamp() {
        // A hard edge overshoots with Lanczos; u8 clamps to 0..=255.
        let src = [0u8, 0, 0, 255, 255, 255];
        let s = Plane::packed(&src, 6, 1, 6).unwrap();
        let mut out = [0u8; 17];
        let mut d = PlaneMut::packed(&mut out, 17, 1, 17).unwrap();
        scale(&s, &mut d, 1, filter(false)).unwrap();
        assert_eq!(out[0], 0);
        assert_eq!(out[16], 255);
        assert!(out.windows(2).filter(|w| w[0] > w[1]).count() <= 2);
        assert_eq!(<i16 as ScaleSample>::from_f32(-40000.0), i16::MIN);
        assert_eq!(<u16 as ScaleSample>::from_f32(1.5), 2);
        assert_eq!(<u8 as ScaleSample>::from_f32(f32::NAN), 0);
        // XRGB2101010: channels resampled independently, X bits cleared.
        let px = |r: u32, g: u32, b: u32| (3 << 30) | (r << 20) | (g << 10) | b;
        let src = [px(1023, 0, 512); 6];
        let s = Plane::packed(&src, 3, 2, 3).unwrap();
        let mut out = [0u32; 5];
        let mut d = PlaneMut::packed(&mut out, 5, 1, 5).unwrap();
        scale_xrgb2101010(&s, &mut d, filter(false)).unwrap();
        assert!(out.iter().all(|&p| p == px(1023, 0, 512) & 0x3FFF_FFFF));
        let empty: [u8; 0] = [];
        let s = Plane::packed(&empty, 0, 0, 0).unwrap();
        let mut out = [0u8; 17];
        let mut d = PlaneMut::packed(&mut out, 17, 1, 17).unwrap();
        assert_eq!(
            scale(&s, &mut d, 1, filter(false)),
            Err(ImageError::RoiLargerThanInput)
        );
    }
}
