//! General, box and tent convolution with vImage's four edge modes
//! (vimage-ops.md §9, vimage-numerics.md §7).
//!
//! Geometry: destination pixel (x, y) is centred on source pixel
//! (x + roi_x, y + roi_y); tap (i, j) of a kh×kw kernel reads
//! `src[y + roi_y + i − kh/2][x + roi_x + j − kw/2]`.
//! Accumulation is in f64, exact for every 8-bit kernel vImage accepts
//! (its partial sums stay below 2²³), so the 8-bit result follows the
//! documented integer formula literally with C division:
//! `clamp((Σ + bias + divisor/2) / divisor, 0, 255)`, divisor 0 → 1.
//! Decisions (README "vImage convolution"):
//! - `TruncateKernel` rescales the sum of the taps inside the image by
//!   Σ(all weights) / Σ(weights used) (skipped when either is 0); the 8-bit
//!   result is then `⌊(Σ' + bias) / divisor + 0.5⌋` clamped, in f64;
//! - `CopyInPlace` copies the source pixel under the centre whenever any
//!   tap falls outside the image;
//! - float results are the f64 sum rounded once to f32 (no clamping).

use crate::core::image::{ImageError, Plane, PlaneMut};

/// What taps outside the source read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// `kvImageCopyInPlace`: the output is the unfiltered source pixel.
    CopyInPlace,
    /// `kvImageBackgroundColorFill`: the background colour.
    Background,
    /// `kvImageEdgeExtend`: the nearest edge pixel.
    Extend,
    /// `kvImageTruncateKernel`: nothing; the kernel is renormalised.
    Truncate,
}

/// A row-major kernel, `height × width` weights, both odd.
#[derive(Clone, Debug)]
pub struct Kernel {
    weights: Vec<f64>,
    height: usize,
    width: usize,
    total: f64,
}

impl Kernel {
    /// Checks the size (odd, non-zero, `weights.len() == height·width`).
    pub fn new(weights: Vec<f64>, height: usize, width: usize) -> Result<Kernel, ImageError> {
        check_kernel_size(height, width)?;
        if height.checked_mul(width) != Some(weights.len()) {
            return Err(ImageError::InvalidKernelSize);
        }
        let total = weights.iter().sum();
        Ok(Kernel {
            weights,
            height,
            width,
            total,
        })
    }

    /// Box: every weight 1.
    pub fn boxed(height: usize, width: usize) -> Result<Kernel, ImageError> {
        check_kernel_size(height, width)?;
        let n = height
            .checked_mul(width)
            .ok_or(ImageError::InvalidKernelSize)?;
        let mut w = Vec::new();
        w.try_reserve_exact(n)
            .map_err(|_| ImageError::OutOfMemory)?;
        w.resize(n, 1.0);
        Kernel::new(w, height, width)
    }

    /// Tent: the outer product of `{1, 2, …, m, …, 2, 1}` in each direction.
    pub fn tent(height: usize, width: usize) -> Result<Kernel, ImageError> {
        check_kernel_size(height, width)?;
        let ramp =
            |n: usize| -> Vec<f64> { (0..n).map(|i| (i.min(n - 1 - i) + 1) as f64).collect() };
        let (v, h) = (ramp(height), ramp(width));
        let mut w = Vec::new();
        w.try_reserve_exact(
            height
                .checked_mul(width)
                .ok_or(ImageError::InvalidKernelSize)?,
        )
        .map_err(|_| ImageError::OutOfMemory)?;
        for a in &v {
            w.extend(h.iter().map(|b| a * b));
        }
        Kernel::new(w, height, width)
    }

    /// Σ of all weights (the box/tent divisor).
    pub fn total(&self) -> f64 {
        self.total
    }
}

/// Kernel dimensions must be odd (hence non-zero).
pub fn check_kernel_size(height: usize, width: usize) -> Result<(), ImageError> {
    if height % 2 == 1 && width % 2 == 1 {
        Ok(())
    } else {
        Err(ImageError::InvalidKernelSize)
    }
}

/// Destination size and region-of-interest offset checks, in vImage's
/// order: a destination larger than the source, then each offset.
pub fn check_roi(
    src: (usize, usize),
    dest: (usize, usize),
    roi_x: usize,
    roi_y: usize,
) -> Result<(), ImageError> {
    if dest.0 > src.0 || dest.1 > src.1 {
        return Err(ImageError::RoiLargerThanInput);
    }
    if roi_x.checked_add(dest.0).is_none_or(|e| e > src.0) {
        return Err(ImageError::InvalidOffsetX);
    }
    if roi_y.checked_add(dest.1).is_none_or(|e| e > src.1) {
        return Err(ImageError::InvalidOffsetY);
    }
    Ok(())
}

/// A sample type that can be convolved.
pub trait Sample: Copy {
    fn value(self) -> f64;
}
impl Sample for u8 {
    fn value(self) -> f64 {
        self as f64
    }
}
impl Sample for f32 {
    fn value(self) -> f64 {
        self as f64
    }
}

/// How sums become output samples.
pub trait Output: Sample {
    /// `sum` of weighted taps; `scale` = Σall/Σused under truncation.
    fn finish(sum: f64, scale: Option<f64>, divisor: i64, bias: f64) -> Self;
}

impl Output for u8 {
    fn finish(sum: f64, scale: Option<f64>, divisor: i64, bias: f64) -> u8 {
        let divisor = if divisor == 0 { 1 } else { divisor };
        let v = match scale {
            None => {
                // Exact integers: the documented C formula.
                let s = sum as i64 + bias as i64;
                (s + divisor / 2) / divisor
            }
            Some(k) => ((sum * k + bias) / divisor as f64 + 0.5).floor() as i64,
        };
        v.clamp(0, 255) as u8
    }
}

impl Output for f32 {
    fn finish(sum: f64, scale: Option<f64>, _divisor: i64, bias: f64) -> f32 {
        (sum * scale.unwrap_or(1.0) + bias) as f32
    }
}

/// The parameters of one convolution call.
#[derive(Clone, Debug)]
pub struct Params<'k, T> {
    pub kernel: &'k Kernel,
    pub roi_x: usize,
    pub roi_y: usize,
    /// 8-bit only; 0 means 1.
    pub divisor: i64,
    pub bias: f64,
    pub edge: Edge,
    /// One sample per channel.
    pub background: &'k [T],
}

/// Convolves every channel of an interleaved image (`channels` samples per
/// pixel) into `dest`.
#[allow(clippy::needless_range_loop)] // `acc` and the pixel share the index
pub fn convolve<T: Output>(
    src: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
    channels: usize,
    p: &Params<'_, T>,
) -> Result<(), ImageError> {
    let k = p.kernel;
    check_roi(
        (src.width(), src.height()),
        (dest.width(), dest.height()),
        p.roi_x,
        p.roi_y,
    )?;
    if p.background.len() != channels || channels > 4 {
        return Err(ImageError::InvalidParameter);
    }
    let (sw, sh) = (src.width() as i64, src.height() as i64);
    let (hh, hw) = ((k.height / 2) as i64, (k.width / 2) as i64);
    let width = dest.width();
    for y in 0..dest.height() {
        let cy = (y + p.roi_y) as i64;
        let rows_inside = cy >= hh && cy + hh < sh;
        let out = dest.row_mut(y);
        for x in 0..width {
            let cx = (x + p.roi_x) as i64;
            let inside = rows_inside && cx >= hw && cx + hw < sw;
            let mut acc = [0f64; 4];
            let mut used = 0f64;
            let mut copy = false;
            for i in 0..k.height {
                let sy = cy + i as i64 - hh;
                let row_ok = (0..sh).contains(&sy);
                let ky = &k.weights[i * k.width..][..k.width];
                if inside {
                    let row = src.row(sy as usize);
                    let start = (cx - hw) as usize * channels;
                    let taps = &row[start..start + k.width * channels];
                    for (w, px) in ky.iter().zip(taps.chunks_exact(channels)) {
                        for c in 0..channels {
                            acc[c] += w * px[c].value();
                        }
                    }
                    continue;
                }
                for (j, &w) in ky.iter().enumerate() {
                    let sx = cx + j as i64 - hw;
                    let ok = row_ok && (0..sw).contains(&sx);
                    let (ry, rx) = if ok {
                        (sy, sx)
                    } else {
                        match p.edge {
                            Edge::CopyInPlace => {
                                copy = true;
                                break;
                            }
                            Edge::Truncate => continue,
                            Edge::Background => {
                                for c in 0..channels {
                                    acc[c] += w * p.background[c].value();
                                }
                                continue;
                            }
                            Edge::Extend => (sy.clamp(0, sh - 1), sx.clamp(0, sw - 1)),
                        }
                    };
                    used += w;
                    let px = &src.row(ry as usize)[rx as usize * channels..][..channels];
                    for c in 0..channels {
                        acc[c] += w * px[c].value();
                    }
                }
                if copy {
                    break;
                }
            }
            let o = &mut out[x * channels..][..channels];
            if copy {
                let px = &src.row(cy as usize)[cx as usize * channels..][..channels];
                o.copy_from_slice(px);
                continue;
            }
            let scale = (!inside && p.edge == Edge::Truncate && used != 0.0 && k.total != 0.0)
                .then(|| k.total / used);
            for c in 0..channels {
                o[c] = T::finish(acc[c], scale, p.divisor, p.bias);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Independent reference: direct 2-D sum with explicit edge lookup.
    #[allow(clippy::too_many_arguments)]
    fn reference(
        src: &[u8],
        w: usize,
        h: usize,
        k: &[i32],
        kh: usize,
        kw: usize,
        divisor: i32,
        edge: Edge,
        bg: u8,
    ) -> Vec<u8> {
        let mut out = vec![0u8; w * h];
        let total: i32 = k.iter().sum();
        for y in 0..h as i32 {
            for x in 0..w as i32 {
                let (mut sum, mut used, mut outside) = (0i32, 0i32, false);
                for i in 0..kh as i32 {
                    for j in 0..kw as i32 {
                        let (sy, sx) = (y + i - kh as i32 / 2, x + j - kw as i32 / 2);
                        let wt = k[(i * kw as i32 + j) as usize];
                        let inside = sy >= 0 && sx >= 0 && sy < h as i32 && sx < w as i32;
                        outside |= !inside;
                        let v = if inside {
                            used += wt;
                            src[(sy * w as i32 + sx) as usize] as i32
                        } else {
                            match edge {
                                Edge::Background => bg as i32,
                                Edge::Extend => {
                                    used += wt;
                                    let cy = sy.clamp(0, h as i32 - 1);
                                    let cx = sx.clamp(0, w as i32 - 1);
                                    src[(cy * w as i32 + cx) as usize] as i32
                                }
                                _ => 0,
                            }
                        };
                        sum += wt * v;
                    }
                }
                let d = if divisor == 0 { 1 } else { divisor };
                let r = match edge {
                    Edge::CopyInPlace if outside => src[(y * w as i32 + x) as usize] as i32,
                    Edge::Truncate if outside && used != 0 && total != 0 => {
                        ((sum as f64 * total as f64 / used as f64) / d as f64 + 0.5).floor() as i32
                    }
                    _ => (sum + d / 2) / d,
                };
                out[(y * w as i32 + x) as usize] = r.clamp(0, 255) as u8;
            }
        }
        out
    }

    fn run(src: &[u8], w: usize, h: usize, k: &Kernel, divisor: i64, edge: Edge) -> Vec<u8> {
        let s = Plane::packed(src, w, h, w).unwrap();
        let mut out = vec![0u8; w * h];
        let mut d = PlaneMut::packed(&mut out, w, h, w).unwrap();
        let p = Params {
            kernel: k,
            roi_x: 0,
            roi_y: 0,
            divisor,
            bias: 0.0,
            edge,
            background: &[77],
        };
        convolve(&s, &mut d, 1, &p).unwrap();
        out
    }

    #[test]
    fn every_edge_mode_matches_the_reference() {
        let (w, h) = (7, 5);
        let src: Vec<u8> = (0..w * h).map(|i| ((i * 37) % 251) as u8).collect();
        let ki = [1, -2, 3, 4, 5, 6, -1, 2, 9, 1, 1, 1, 2, 2, 2];
        let k = Kernel::new(ki.iter().map(|&v| v as f64).collect(), 3, 5).unwrap();
        for edge in [
            Edge::CopyInPlace,
            Edge::Background,
            Edge::Extend,
            Edge::Truncate,
        ] {
            for divisor in [0, 1, 16, 33, -7] {
                assert_eq!(
                    run(&src, w, h, &k, divisor, edge),
                    reference(&src, w, h, &ki, 3, 5, divisor as i32, edge, 77),
                    "{edge:?} {divisor}"
                );
            }
        }
    }

    #[test]
    fn box_and_tent_weights_and_rounding() {
        let t = Kernel::tent(3, 3).unwrap();
        assert_eq!(t.weights, [1., 2., 1., 2., 4., 2., 1., 2., 1.]);
        assert_eq!(t.total(), 16.0);
        let t5 = Kernel::tent(5, 1).unwrap();
        assert_eq!(t5.weights, [1., 2., 3., 2., 1.]);
        assert_eq!(Kernel::boxed(3, 3).unwrap().total(), 9.0);
        // Box 3×1 mean of 1, 2, 2 = 5/3 → (5 + 1)/3 = 2.
        let b = Kernel::boxed(1, 3).unwrap();
        assert_eq!(run(&[1, 2, 2], 3, 1, &b, 3, Edge::Extend)[1], 2);
        assert_eq!(
            Kernel::boxed(2, 3).unwrap_err(),
            ImageError::InvalidKernelSize
        );
        assert_eq!(
            Kernel::tent(3, 0).unwrap_err(),
            ImageError::InvalidKernelSize
        );
    }

    #[test]
    fn roi_offsets_pick_the_source_window() {
        let src: Vec<u8> = (0..16).collect();
        let s = Plane::packed(&src, 4, 4, 4).unwrap();
        let k = Kernel::new(vec![1.0], 1, 1).unwrap();
        let mut out = [0u8; 4];
        let mut d = PlaneMut::packed(&mut out, 2, 2, 2).unwrap();
        let p = Params {
            kernel: &k,
            roi_x: 2,
            roi_y: 1,
            divisor: 1,
            bias: 0.0,
            edge: Edge::Extend,
            background: &[0],
        };
        convolve(&s, &mut d, 1, &p).unwrap();
        assert_eq!(out, [6, 7, 10, 11]);
        let p = Params { roi_x: 3, ..p };
        let mut d = PlaneMut::packed(&mut out, 2, 2, 2).unwrap();
        assert_eq!(convolve(&s, &mut d, 1, &p), Err(ImageError::InvalidOffsetX));
        let p = Params {
            roi_x: 0,
            roi_y: 3,
            ..p
        };
        let mut d = PlaneMut::packed(&mut out, 2, 2, 2).unwrap();
        assert_eq!(convolve(&s, &mut d, 1, &p), Err(ImageError::InvalidOffsetY));
        let mut big = [0u8; 25];
        let mut d = PlaneMut::packed(&mut big, 5, 5, 5).unwrap();
        assert_eq!(
            convolve(&s, &mut d, 1, &p),
            Err(ImageError::RoiLargerThanInput)
        );
    }

    #[test]
    fn float_convolution_is_a_plain_weighted_sum() {
        let src = [1.0f32, 2.0, 4.0, 8.0, 16.0, 32.0];
        let s = Plane::packed(&src, 3, 1, 6).unwrap();
        let k = Kernel::new(vec![0.25, 0.5, 0.25], 1, 3).unwrap();
        let mut out = [0f32; 6];
        let mut d = PlaneMut::packed(&mut out, 3, 1, 6).unwrap();
        let p = Params {
            kernel: &k,
            roi_x: 0,
            roi_y: 0,
            divisor: 1,
            bias: 0.5,
            edge: Edge::Background,
            background: &[100.0, -4.0],
        };
        convolve(&s, &mut d, 2, &p).unwrap();
        let expect = [
            0.25 * 100.0 + 0.5 * 1.0 + 0.25 * 4.0 + 0.5,
            0.25 * -4.0 + 0.5 * 2.0 + 0.25 * 8.0 + 0.5,
            0.25 * 1.0 + 0.5 * 4.0 + 0.25 * 16.0 + 0.5,
            0.25 * 2.0 + 0.5 * 8.0 + 0.25 * 32.0 + 0.5,
            0.25 * 4.0 + 0.5 * 16.0 + 0.25 * 100.0 + 0.5,
            0.25 * 8.0 + 0.5 * 32.0 + 0.25 * -4.0 + 0.5,
        ];
        assert_eq!(out, expect);
    }
}
