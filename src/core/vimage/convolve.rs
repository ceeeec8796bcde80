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

/// A kernel of odd `height × width`: general row-major weights, or the
/// outer product of a vertical and a horizontal factor (box, tent), which
/// is applied in two 1-D passes — O(kh + kw) per pixel instead of
/// O(kh · kw), same sums (integers stay exact in f64).
#[derive(Clone, Debug)]
pub struct Kernel {
    shape: Shape,
    height: usize,
    width: usize,
    total: f64,
}

#[derive(Clone, Debug)]
enum Shape {
    Full(Vec<f64>),
    Separable { v: Vec<f64>, h: Vec<f64> },
}

fn try_vec(n: usize) -> Result<Vec<f64>, ImageError> {
    let mut w = Vec::new();
    w.try_reserve_exact(n)
        .map_err(|_| ImageError::OutOfMemory)?;
    Ok(w)
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
            shape: Shape::Full(weights),
            height,
            width,
            total,
        })
    }

    fn separable(v: Vec<f64>, h: Vec<f64>) -> Kernel {
        let total = v.iter().sum::<f64>() * h.iter().sum::<f64>();
        Kernel {
            height: v.len(),
            width: h.len(),
            shape: Shape::Separable { v, h },
            total,
        }
    }

    /// Box: every weight 1.
    pub fn boxed(height: usize, width: usize) -> Result<Kernel, ImageError> {
        check_generated_kernel_size(height, width)?;
        let ones = |n: usize| -> Result<Vec<f64>, ImageError> {
            let mut w = try_vec(n)?;
            w.resize(n, 1.0);
            Ok(w)
        };
        Ok(Kernel::separable(ones(height)?, ones(width)?))
    }

    /// Tent: the outer product of `{1, 2, …, m, …, 2, 1}` in each direction.
    pub fn tent(height: usize, width: usize) -> Result<Kernel, ImageError> {
        check_generated_kernel_size(height, width)?;
        let ramp = |n: usize| -> Result<Vec<f64>, ImageError> {
            let mut w = try_vec(n)?;
            w.extend((0..n).map(|i| (i.min(n - 1 - i) + 1) as f64));
            Ok(w)
        };
        Ok(Kernel::separable(ramp(height)?, ramp(width)?))
    }

    /// Σ of all weights (the box/tent divisor).
    pub fn total(&self) -> f64 {
        self.total
    }

    /// Weight (i, j).
    pub fn weight(&self, i: usize, j: usize) -> f64 {
        match &self.shape {
            Shape::Full(w) => w[i * self.width + j],
            Shape::Separable { v, h } => v[i] * h[j],
        }
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

/// Largest box or tent kernel side pixelport builds. The caller supplies
/// only the two sizes, so without a bound a 32-bit size would make
/// pixelport allocate and fill gigabytes of weights (found by fuzzing).
/// vImage documents `kvImageInvalidKernelSize` for kernels that are too
/// large; 65,535 is far beyond any image side a kernel is useful for.
pub const MAX_GENERATED_KERNEL: usize = 65_535;

/// [`check_kernel_size`] plus [`MAX_GENERATED_KERNEL`], for the kernels
/// pixelport generates (box, tent).
pub fn check_generated_kernel_size(height: usize, width: usize) -> Result<(), ImageError> {
    check_kernel_size(height, width)?;
    if height > MAX_GENERATED_KERNEL || width > MAX_GENERATED_KERNEL {
        return Err(ImageError::InvalidKernelSize);
    }
    Ok(())
}

#[cfg(test)]
mod generated_kernel_size_tests {
    use super::*;

    #[test]
    fn huge_box_and_tent_kernels_are_refused_without_allocating() {
        let huge = (1usize << 31) - 1;
        assert_eq!(
            Kernel::boxed(huge, 3).err(),
            Some(ImageError::InvalidKernelSize)
        );
        assert_eq!(
            Kernel::tent(3, huge).err(),
            Some(ImageError::InvalidKernelSize)
        );
        assert!(Kernel::boxed(MAX_GENERATED_KERNEL, 1).is_ok());
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
pub fn convolve<T: Output>(
    src: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
    channels: usize,
    p: &Params<'_, T>,
) -> Result<(), ImageError> {
    check_roi(
        (src.width(), src.height()),
        (dest.width(), dest.height()),
        p.roi_x,
        p.roi_y,
    )?;
    if p.background.len() != channels || channels > 4 {
        return Err(ImageError::InvalidParameter);
    }
    match &p.kernel.shape {
        Shape::Full(w) => convolve_full(src, dest, channels, p, w),
        Shape::Separable { v, h } => convolve_separable(src, dest, channels, p, v, h),
    }
}

/// The direct 2-D sum.
#[allow(clippy::needless_range_loop)] // `acc` and the pixel share the index
fn convolve_full<T: Output>(
    src: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
    channels: usize,
    p: &Params<'_, T>,
    weights: &[f64],
) -> Result<(), ImageError> {
    let k = p.kernel;
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
                let ky = &weights[i * k.width..][..k.width];
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

/// The two-pass sum for outer-product kernels: a horizontal pass per
/// source row (kept in a window of `kh` rows), then a vertical pass. Each
/// edge mode factors: extend clamps rows and columns separately; a row
/// outside the image under background fill contributes `bg · Σh`;
/// truncation sums only in-image taps and uses Σv_in · Σh_in as the used
/// weight; copy-in-place needs only the centre's distance to the edges.
#[allow(clippy::needless_range_loop)] // per-channel accumulators
fn convolve_separable<T: Output>(
    src: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
    channels: usize,
    p: &Params<'_, T>,
    v: &[f64],
    h: &[f64],
) -> Result<(), ImageError> {
    let c = channels;
    let (sw, sh) = (src.width() as i64, src.height() as i64);
    let (kh, kw) = (v.len() as i64, h.len() as i64);
    let (hh, hw) = (kh / 2, kw / 2);
    let (dw, dh) = (dest.width(), dest.height());
    let sum_h: f64 = h.iter().sum();
    let sum_v: f64 = v.iter().sum();
    // Per destination column: the in-image horizontal weight (truncation).
    let mut used_h = try_vec(dw)?;
    for x in 0..dw {
        let cx = (x + p.roi_x) as i64;
        used_h.push(
            (0..kw)
                .filter(|j| (0..sw).contains(&(cx + j - hw)))
                .map(|j| h[j as usize])
                .sum(),
        );
    }
    // Horizontal pass of one source row (any index; outside rows follow
    // the edge mode) into `out` (`dw · c` sums).
    let horizontal = |sy: i64, out: &mut Vec<f64>| {
        out.clear();
        let inside_row = (0..sh).contains(&sy);
        if !inside_row && p.edge == Edge::Background {
            for _ in 0..dw {
                for ch in 0..c {
                    out.push(p.background[ch].value() * sum_h);
                }
            }
            return;
        }
        if !inside_row && p.edge != Edge::Extend {
            // Truncated (or copied) rows contribute nothing.
            out.resize(dw * c, 0.0);
            return;
        }
        let row = src.row(sy.clamp(0, sh - 1) as usize);
        for x in 0..dw {
            let cx = (x + p.roi_x) as i64;
            let mut acc = [0f64; 4];
            if cx >= hw && cx + hw < sw {
                // Every tap inside: one contiguous window, no edge logic.
                let start = (cx - hw) as usize * c;
                let window = &row[start..start + h.len() * c];
                for (&w, px) in h.iter().zip(window.chunks_exact(c)) {
                    for ch in 0..c {
                        acc[ch] += w * px[ch].value();
                    }
                }
                out.extend_from_slice(&acc[..c]);
                continue;
            }
            for (j, &w) in h.iter().enumerate() {
                let sx = cx + j as i64 - hw;
                if (0..sw).contains(&sx) || p.edge == Edge::Extend {
                    let px = &row[sx.clamp(0, sw - 1) as usize * c..][..c];
                    for ch in 0..c {
                        acc[ch] += w * px[ch].value();
                    }
                } else if p.edge == Edge::Background {
                    for ch in 0..c {
                        acc[ch] += w * p.background[ch].value();
                    }
                }
            }
            out.extend_from_slice(&acc[..c]);
        }
    };
    let mut window: std::collections::VecDeque<(i64, Vec<f64>)> = Default::default();
    let mut spare: Vec<Vec<f64>> = Vec::new();
    for y in 0..dh {
        let cy = (y + p.roi_y) as i64;
        let first = cy - hh;
        while window.front().is_some_and(|(r, _)| *r < first) {
            if let Some((_, buf)) = window.pop_front() {
                spare.push(buf);
            }
        }
        let mut next = window.back().map_or(first, |(r, _)| r + 1);
        while next <= cy + hh {
            let mut buf = spare.pop().unwrap_or_default();
            horizontal(next, &mut buf);
            window.push_back((next, buf));
            next += 1;
        }
        let used_v: f64 = (0..kh)
            .filter(|i| (0..sh).contains(&(first + i)))
            .map(|i| v[i as usize])
            .sum();
        let rows_inside = cy >= hh && cy + hh < sh;
        let out = dest.row_mut(y);
        for x in 0..dw {
            let cx = (x + p.roi_x) as i64;
            let inside = rows_inside && cx >= hw && cx + hw < sw;
            let o = &mut out[x * c..][..c];
            if !inside && p.edge == Edge::CopyInPlace {
                o.copy_from_slice(&src.row(cy as usize)[cx as usize * c..][..c]);
                continue;
            }
            let mut acc = [0f64; 4];
            for (w, (_, hrow)) in v.iter().zip(&window) {
                for ch in 0..c {
                    acc[ch] += w * hrow[x * c + ch];
                }
            }
            let used = used_v * used_h[x];
            let scale =
                (!inside && p.edge == Edge::Truncate && used != 0.0 && sum_v * sum_h != 0.0)
                    .then(|| p.kernel.total / used);
            for ch in 0..c {
                o[ch] = T::finish(acc[ch], scale, p.divisor, p.bias);
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
    fn the_two_pass_path_equals_the_direct_sum() {
        let (w, h) = (9, 7);
        let src: Vec<u8> = (0..w * h * 4)
            .map(|i| ((i * 71 + 13) % 256) as u8)
            .collect();
        let s = Plane::packed(&src, w, h, w * 4).unwrap();
        let fsrc: Vec<f32> = src.iter().map(|&v| v as f32 * 0.37 - 20.0).collect();
        let fs = Plane::packed(&fsrc, w, h, w * 4).unwrap();
        for (kh, kw) in [(3, 5), (1, 7), (5, 1), (11, 13)] {
            for sep in [
                Kernel::boxed(kh, kw).unwrap(),
                Kernel::tent(kh, kw).unwrap(),
            ] {
                let full: Vec<f64> = (0..kh * kw).map(|n| sep.weight(n / kw, n % kw)).collect();
                let full = Kernel::new(full, kh, kw).unwrap();
                for edge in [
                    Edge::CopyInPlace,
                    Edge::Background,
                    Edge::Extend,
                    Edge::Truncate,
                ] {
                    for (rx, ry, dw, dh) in [(0, 0, w, h), (2, 1, 6, 5)] {
                        let run8 = |k: &Kernel| {
                            let mut out = vec![0u8; dw * dh * 4];
                            let mut d = PlaneMut::packed(&mut out, dw, dh, dw * 4).unwrap();
                            let p = Params {
                                kernel: k,
                                roi_x: rx,
                                roi_y: ry,
                                divisor: k.total() as i64,
                                bias: 0.0,
                                edge,
                                background: &[1, 2, 250, 99],
                            };
                            convolve(&s, &mut d, 4, &p).unwrap();
                            out
                        };
                        assert_eq!(run8(&sep), run8(&full), "{kh}x{kw} {edge:?}");
                        let runf = |k: &Kernel| {
                            let mut out = vec![0f32; dw * dh * 4];
                            let mut d = PlaneMut::packed(&mut out, dw, dh, dw * 4).unwrap();
                            let p = Params {
                                kernel: k,
                                roi_x: rx,
                                roi_y: ry,
                                divisor: 1,
                                bias: 0.5,
                                edge,
                                background: &[1.0, -2.0, 0.0, 9.0],
                            };
                            convolve(&fs, &mut d, 4, &p).unwrap();
                            out
                        };
                        for (a, b) in runf(&sep).iter().zip(runf(&full)) {
                            assert!((a - b).abs() <= 1e-3 * b.abs().max(1.0), "{a} {b}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn box_and_tent_weights_and_rounding() {
        let t = Kernel::tent(3, 3).unwrap();
        let w: Vec<f64> = (0..9).map(|n| t.weight(n / 3, n % 3)).collect();
        assert_eq!(w, [1., 2., 1., 2., 4., 2., 1., 2., 1.]);
        assert_eq!(t.total(), 16.0);
        let t5 = Kernel::tent(5, 1).unwrap();
        let w: Vec<f64> = (0..5).map(|i| t5.weight(i, 0)).collect();
        assert_eq!(w, [1., 2., 3., 2., 1.]);
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
