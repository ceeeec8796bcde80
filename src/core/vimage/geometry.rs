//! Pure pixel moves (vimage-ops.md §2.1, §2.2): horizontal and vertical
//! reflection and rotation by multiples of 90°. Nothing is resampled, so
//! every kernel is generic over the element type and a pixel is just
//! `channels` consecutive elements.
//!
//! Region rule (README "vImage geometry"): reflection works on the
//! destination's size; a larger source contributes its top-left
//! destination-sized region, a smaller one is
//! [`ImageError::RoiLargerThanInput`].

use crate::core::image::{ImageError, Plane, PlaneMut};

/// Which way to mirror.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// Left ↔ right, about the vertical centre line.
    Horizontal,
    /// Top ↔ bottom, about the horizontal centre line.
    Vertical,
}

fn covers<T, U>(src: &Plane<'_, T>, dest: &PlaneMut<'_, U>) -> Result<(), ImageError> {
    if src.width() < dest.width() || src.height() < dest.height() {
        Err(ImageError::RoiLargerThanInput)
    } else {
        Ok(())
    }
}

/// Mirrors one row of `N`-element pixels (`src.len() >= dst.len()`).
/// Whole pixels are `[T; N]` values so the loop has no per-element bounds
/// checks and LLVM can move several pixels per instruction.
fn reflect_row<T: Copy, const N: usize>(src: &[T], dst: &mut [T]) {
    let (dst, _) = dst.as_chunks_mut::<N>();
    let (src, _) = src[..dst.len() * N].as_chunks::<N>();
    for (d, s) in dst.iter_mut().zip(src.iter().rev()) {
        *d = *s;
    }
}

/// Any other pixel size: `channels`-element chunks.
fn reflect_row_any<T: Copy>(src: &[T], dst: &mut [T], channels: usize) {
    let len = dst.len();
    for (d, s) in dst
        .chunks_exact_mut(channels)
        .zip(src[..len].chunks_exact(channels).rev())
    {
        d.copy_from_slice(s);
    }
}

/// Picks the row kernel for a pixel of `channels` elements once per call.
fn reflect_kernel<T: Copy>(channels: usize) -> impl Fn(&[T], &mut [T]) {
    move |src: &[T], dst: &mut [T]| match channels {
        1 => reflect_row::<T, 1>(src, dst),
        2 => reflect_row::<T, 2>(src, dst),
        3 => reflect_row::<T, 3>(src, dst),
        4 => reflect_row::<T, 4>(src, dst),
        _ => reflect_row_any(src, dst, channels),
    }
}

/// Mirrors `src` into `dest` along `axis`. Pixels are `channels` elements.
pub fn reflect<T: Copy>(
    src: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
    channels: usize,
    axis: Axis,
) -> Result<(), ImageError> {
    covers(src, dest)?;
    let (height, len) = (dest.height(), dest.row_len());
    match axis {
        Axis::Horizontal => {
            let row = reflect_kernel::<T>(channels);
            for y in 0..height {
                row(src.row(y), dest.row_mut(y));
            }
        }
        Axis::Vertical => {
            for y in 0..height {
                dest.row_mut(y)
                    .copy_from_slice(&src.row(height - 1 - y)[..len]);
            }
        }
    }
    Ok(())
}

/// Number of 90° counter-clockwise turns (vImage's rotation constants).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Turns(u8);

impl Turns {
    /// `kRotate…` values 0..=3; anything else is
    /// [`ImageError::InvalidParameter`].
    pub fn new(rotation_constant: u8) -> Result<Self, ImageError> {
        if rotation_constant < 4 {
            Ok(Turns(rotation_constant))
        } else {
            Err(ImageError::InvalidParameter)
        }
    }
}

/// Rotates `src` by `turns` quarter turns counter-clockwise about its
/// centre and places it centred in `dest`; uncovered pixels get `back`
/// (`channels` elements). When the centring is not exact (parities of
/// the sizes differ), the image lands half a pixel toward the top-left:
/// offset = ⌊(dest − rotated) / 2⌋.
pub fn rotate90<T: Copy>(
    src: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
    channels: usize,
    turns: Turns,
    back: &[T],
) -> Result<(), ImageError> {
    if back.len() != channels {
        return Err(ImageError::InvalidParameter);
    }
    match channels {
        1 => rotate_pixels::<T, 1>(src, dest, turns, back),
        2 => rotate_pixels::<T, 2>(src, dest, turns, back),
        3 => rotate_pixels::<T, 3>(src, dest, turns, back),
        4 => rotate_pixels::<T, 4>(src, dest, turns, back),
        // vImage has no other pixel sizes; kept correct, not fast.
        _ => rotate_generic(src, dest, channels, turns, back),
    }
    Ok(())
}

/// The driver for `[T; N]` pixels: per destination row, the covered span
/// is found once; the rest is background. Inside the span a row of the
/// destination is a source row (0°), a reversed source row (180°) or a
/// source column (90°, 270°).
fn rotate_pixels<T: Copy, const N: usize>(
    src: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
    turns: Turns,
    back: &[T],
) {
    let mut fill = [back[0]; N];
    fill.copy_from_slice(back);
    let (sw, sh) = (src.width() as i64, src.height() as i64);
    let (rw, rh) = if turns.0 % 2 == 1 { (sh, sw) } else { (sw, sh) };
    let ox = (dest.width() as i64 - rw).div_euclid(2);
    let oy = (dest.height() as i64 - rh).div_euclid(2);
    let width = dest.width() as i64;
    // Destination columns [x0, x1) are covered.
    let x0 = ox.clamp(0, width);
    let x1 = (ox + rw).clamp(x0, width);
    for dy in 0..dest.height() {
        let (row, _) = dest.row_mut(dy).as_chunks_mut::<N>();
        let row = &mut row[..width as usize];
        let ry = dy as i64 - oy;
        if ry < 0 || ry >= rh || x0 == x1 {
            row.fill(fill);
            continue;
        }
        let (left, rest) = row.split_at_mut(x0 as usize);
        let (mid, right) = rest.split_at_mut((x1 - x0) as usize);
        left.fill(fill);
        right.fill(fill);
        // First rotated column shown, rx = x0 − ox ≥ 0.
        let rx0 = (x0 - ox) as usize;
        let n = mid.len();
        match turns.0 {
            0 => {
                let (from, _) = src.row(ry as usize).as_chunks::<N>();
                mid.copy_from_slice(&from[rx0..rx0 + n]);
            }
            2 => {
                let (from, _) = src.row((sh - 1 - ry) as usize).as_chunks::<N>();
                // sx = sw − 1 − rx runs backwards from sw − 1 − rx0.
                let end = sw as usize - rx0;
                for (d, s) in mid.iter_mut().zip(from[end - n..end].iter().rev()) {
                    *d = *s;
                }
            }
            1 => {
                // (sx, sy) = (sw − 1 − ry, rx): one source column, downwards.
                let sx = (sw - 1 - ry) as usize * N;
                for (k, d) in mid.iter_mut().enumerate() {
                    let from = &src.row(rx0 + k)[sx..sx + N];
                    d.copy_from_slice(from);
                }
            }
            _ => {
                // (sx, sy) = (ry, sh − 1 − rx): one source column, upwards.
                let sx = ry as usize * N;
                let top = sh as usize - 1 - rx0;
                for (k, d) in mid.iter_mut().enumerate() {
                    let from = &src.row(top - k)[sx..sx + N];
                    d.copy_from_slice(from);
                }
            }
        }
    }
}

/// Per-pixel reference path for pixel sizes without a const kernel.
fn rotate_generic<T: Copy>(
    src: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
    channels: usize,
    turns: Turns,
    back: &[T],
) {
    let (sw, sh) = (src.width() as i64, src.height() as i64);
    let (rw, rh) = if turns.0 % 2 == 1 { (sh, sw) } else { (sw, sh) };
    let ox = (dest.width() as i64 - rw).div_euclid(2);
    let oy = (dest.height() as i64 - rh).div_euclid(2);
    let width = dest.width();
    for dy in 0..dest.height() {
        let row = dest.row_mut(dy);
        let ry = dy as i64 - oy;
        for dx in 0..width {
            let out = &mut row[dx * channels..][..channels];
            let rx = dx as i64 - ox;
            if rx < 0 || ry < 0 || rx >= rw || ry >= rh {
                out.copy_from_slice(back);
                continue;
            }
            let (sx, sy) = match turns.0 {
                0 => (rx, ry),
                1 => (sw - 1 - ry, rx),
                2 => (sw - 1 - rx, sh - 1 - ry),
                _ => (ry, sh - 1 - rx),
            };
            let from = src.row(sy as usize);
            out.copy_from_slice(&from[sx as usize * channels..][..channels]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(w: usize, h: usize, c: usize) -> Vec<u16> {
        (0..(w * h * c) as u16).collect()
    }

    #[test]
    fn reflections_mirror_whole_pixels() {
        let src = grid(3, 2, 2);
        let s = Plane::packed(&src, 3, 2, 6).unwrap();
        let mut out = vec![0u16; 12];
        let mut d = PlaneMut::packed(&mut out, 3, 2, 6).unwrap();
        reflect(&s, &mut d, 2, Axis::Horizontal).unwrap();
        assert_eq!(out, [4, 5, 2, 3, 0, 1, 10, 11, 8, 9, 6, 7]);
        let mut d = PlaneMut::packed(&mut out, 3, 2, 6).unwrap();
        reflect(&s, &mut d, 2, Axis::Vertical).unwrap();
        assert_eq!(out, [6, 7, 8, 9, 10, 11, 0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn a_larger_source_gives_its_top_left_region_and_a_smaller_one_is_refused() {
        let src = grid(3, 3, 1);
        let s = Plane::packed(&src, 3, 3, 3).unwrap();
        let mut out = vec![0u16; 4];
        let mut d = PlaneMut::packed(&mut out, 2, 2, 2).unwrap();
        reflect(&s, &mut d, 1, Axis::Horizontal).unwrap();
        assert_eq!(out, [1, 0, 4, 3]);
        let mut d = PlaneMut::packed(&mut out, 2, 2, 2).unwrap();
        reflect(&s, &mut d, 1, Axis::Vertical).unwrap();
        assert_eq!(out, [3, 4, 0, 1]);
        let mut big = vec![0u16; 16];
        let mut d = PlaneMut::packed(&mut big, 4, 4, 4).unwrap();
        assert_eq!(
            reflect(&s, &mut d, 1, Axis::Vertical),
            Err(ImageError::RoiLargerThanInput)
        );
    }

    /// Independent reference: rotate by applying single CCW quarter turns.
    fn ccw_once(v: &[u16], w: usize, h: usize) -> Vec<u16> {
        // New image is h wide, w high; new(x, y) = old(w - 1 - y, x).
        let mut out = vec![0; w * h];
        for y in 0..w {
            for x in 0..h {
                out[y * h + x] = v[x * w + (w - 1 - y)];
            }
        }
        out
    }

    #[test]
    fn quarter_turns_are_exact_permutations() {
        let (w, h) = (3, 2);
        let src = grid(w, h, 1);
        let s = Plane::packed(&src, w, h, w).unwrap();
        let mut expected = src.clone();
        let (mut ew, mut eh) = (w, h);
        for t in 0..4u8 {
            let mut out = vec![99u16; ew * eh];
            let mut d = PlaneMut::packed(&mut out, ew, eh, ew).unwrap();
            rotate90(&s, &mut d, 1, Turns::new(t).unwrap(), &[7]).unwrap();
            assert_eq!(out, expected, "turns {t}");
            expected = ccw_once(&expected, ew, eh);
            (ew, eh) = (eh, ew);
        }
        // 90° counter-clockwise of [0 1 2; 3 4 5] is [2 5; 1 4; 0 3].
        let mut out = vec![0u16; 6];
        let mut d = PlaneMut::packed(&mut out, 2, 3, 2).unwrap();
        rotate90(&s, &mut d, 1, Turns::new(1).unwrap(), &[0]).unwrap();
        assert_eq!(out, [2, 5, 1, 4, 0, 3]);
        // Clockwise: [3 0; 4 1; 5 2].
        let mut d = PlaneMut::packed(&mut out, 2, 3, 2).unwrap();
        rotate90(&s, &mut d, 1, Turns::new(3).unwrap(), &[0]).unwrap();
        assert_eq!(out, [3, 0, 4, 1, 5, 2]);
    }

    #[test]
    fn the_const_kernels_match_the_per_pixel_reference() {
        // Odd sizes, both parities of the centring offset, larger and
        // smaller destinations, every turn and every const pixel size.
        for c in 1..=4usize {
            for (sw, sh) in [(5usize, 3usize), (4, 7), (1, 1), (6, 6)] {
                let src = grid(sw, sh, c);
                let s = Plane::packed(&src, sw, sh, sw * c).unwrap();
                for (dw, dh) in [(sh, sw), (sw, sh), (7, 2), (2, 9), (8, 8)] {
                    let back: Vec<u16> = (0..c as u16).map(|k| 900 + k).collect();
                    for t in 0..4u8 {
                        let turns = Turns::new(t).unwrap();
                        let mut fast = vec![1u16; dw * dh * c];
                        let mut slow = vec![2u16; dw * dh * c];
                        let mut d = PlaneMut::packed(&mut fast, dw, dh, dw * c).unwrap();
                        rotate90(&s, &mut d, c, turns, &back).unwrap();
                        let mut d = PlaneMut::packed(&mut slow, dw, dh, dw * c).unwrap();
                        rotate_generic(&s, &mut d, c, turns, &back);
                        assert_eq!(fast, slow, "c {c} src {sw}x{sh} dst {dw}x{dh} t {t}");
                    }
                    if dw <= sw && dh <= sh {
                        let mut fast = vec![1u16; dw * dh * c];
                        let mut d = PlaneMut::packed(&mut fast, dw, dh, dw * c).unwrap();
                        reflect(&s, &mut d, c, Axis::Horizontal).unwrap();
                        for y in 0..dh {
                            for x in 0..dw {
                                let got = &fast[(y * dw + x) * c..][..c];
                                let want = &src[y * sw * c + (dw - 1 - x) * c..][..c];
                                assert_eq!(got, want);
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn centring_fills_with_the_background_and_rounds_toward_the_top_left() {
        // 1×1 source into 4×3: offset (⌊3/2⌋, ⌊2/2⌋) = (1, 1).
        let src = [5u16, 6];
        let s = Plane::packed(&src, 1, 1, 2).unwrap();
        let mut out = vec![0u16; 24];
        let mut d = PlaneMut::packed(&mut out, 4, 3, 8).unwrap();
        rotate90(&s, &mut d, 2, Turns::new(2).unwrap(), &[1, 2]).unwrap();
        let mut expected = [1u16, 2].repeat(12);
        expected[(4 + 1) * 2] = 5;
        expected[(4 + 1) * 2 + 1] = 6;
        assert_eq!(out, expected);
        // A 3×1 source into 1×1 shows its centre pixel: offset ⌊(1−3)/2⌋ = −1.
        let src = [1u16, 2, 3];
        let s = Plane::packed(&src, 3, 1, 3).unwrap();
        let mut one = [0u16];
        let mut d = PlaneMut::packed(&mut one, 1, 1, 1).unwrap();
        rotate90(&s, &mut d, 1, Turns::new(0).unwrap(), &[0]).unwrap();
        assert_eq!(one, [2]);
        // 2×1 into 1×1: offset ⌊−1/2⌋ = −1 → the right pixel.
        let s = Plane::packed(&src[..2], 2, 1, 2).unwrap();
        let mut d = PlaneMut::packed(&mut one, 1, 1, 1).unwrap();
        rotate90(&s, &mut d, 1, Turns::new(0).unwrap(), &[0]).unwrap();
        assert_eq!(one, [2]);
        assert_eq!(Turns::new(4), Err(ImageError::InvalidParameter));
    }
}
