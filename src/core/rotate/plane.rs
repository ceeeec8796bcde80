//! The plane driver of rotation: moves whole samples of one plane through
//! a [`Mapping`], at the plane's own resolution.
//!
//! A sample is `n` consecutive elements (`n` bytes for a byte plane —
//! 4 for BGRA, 2 for a Cb/Cr pair, 6 for `'b48r'` —, one `f32` for the
//! unpacked code planes of the intermediate path), so a Cb/Cr pair or a
//! BGRA pixel moves as a unit and is never split. Strides are in elements;
//! nothing outside each row's `width × n` elements is read or written, so
//! stride padding stays as it was.
//!
//! Kernels: without a transpose every destination row is one source row,
//! copied straight or reversed sample by sample ([`copy_row`],
//! [`reverse_row`]). With a transpose a destination row is a source
//! column; it is gathered in [`TILE`]×[`TILE`] blocks ([`gather_column`])
//! so that the source rows one block touches stay in cache while the
//! block's destination rows are written.

use super::orientation::Mapping;

/// Edge of the square blocks a transposing rotation works in: 32 source
/// rows × 32 samples of up to 16 bytes is at most 16 KiB, resident in L1.
/// (Timed on 1920×1080 BGRA: 8, 16, 32 and 64 were within noise of each
/// other, 32–64 slightly ahead; see the `timing` test.)
pub const TILE: usize = 32;

/// One plane: `data` from the first sample, `stride` elements per row,
/// `width` × `height` samples of `n` elements each.
#[derive(Clone, Copy, Debug)]
pub struct PlaneShape {
    pub width: usize,
    pub height: usize,
    pub stride: usize,
    pub n: usize,
}

impl PlaneShape {
    /// Elements one plane of this shape needs: every row's stride but the
    /// last one's, which needs only its samples. `None` on overflow.
    pub fn span(&self) -> Option<usize> {
        let row = self.width.checked_mul(self.n)?;
        if self.height == 0 {
            return Some(0);
        }
        self.stride.checked_mul(self.height - 1)?.checked_add(row)
    }

    fn fits(&self, len: usize) -> bool {
        self.width
            .checked_mul(self.n)
            .is_some_and(|row| row <= self.stride || self.height <= 1)
            && self.span().is_some_and(|span| span <= len)
    }
}

/// Why a plane could not be rotated (the frame driver validates geometry
/// first, so these are programming errors surfaced as values, not panics).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaneError {
    /// The destination is not the rotated size of the source.
    Size,
    /// A stride shorter than a row, or memory shorter than the plane.
    Memory,
}

/// Rotates `src` (shape `from`) into `dst` (shape `to`) through `mapping`.
/// Both shapes must have the same `n`, and `to` must be `from` rotated.
pub fn rotate_plane<T: Copy>(
    src: &[T],
    from: PlaneShape,
    dst: &mut [T],
    to: PlaneShape,
    mapping: Mapping,
) -> Result<(), PlaneError> {
    if from.n != to.n
        || from.n == 0
        || mapping.destination_size(from.width, from.height) != (to.width, to.height)
    {
        return Err(PlaneError::Size);
    }
    if !from.fits(src.len()) || !to.fits(dst.len()) {
        return Err(PlaneError::Memory);
    }
    // One arm per common sample size, so each instance is compiled with a
    // constant `n` (the kernels are inlined into the driver).
    match from.n {
        1 => drive::<T, 1>(src, from, dst, to, mapping, 1),
        2 => drive::<T, 2>(src, from, dst, to, mapping, 2),
        3 => drive::<T, 3>(src, from, dst, to, mapping, 3),
        4 => drive::<T, 4>(src, from, dst, to, mapping, 4),
        6 => drive::<T, 6>(src, from, dst, to, mapping, 6),
        8 => drive::<T, 8>(src, from, dst, to, mapping, 8),
        16 => drive::<T, 16>(src, from, dst, to, mapping, 16),
        n => drive::<T, 0>(src, from, dst, to, mapping, n),
    }
    Ok(())
}

/// `N` is the sample size when known at compile time (0: use `n`).
#[inline(always)]
fn drive<T: Copy, const N: usize>(
    src: &[T],
    from: PlaneShape,
    dst: &mut [T],
    to: PlaneShape,
    mapping: Mapping,
    n: usize,
) {
    let n = if N == 0 { n } else { N };
    let row_len = to.width * n;
    if !mapping.transpose {
        for y in 0..to.height {
            let sy = if mapping.mirror_y {
                from.height - 1 - y
            } else {
                y
            };
            let s = &src[sy * from.stride..sy * from.stride + row_len];
            let d = &mut dst[y * to.stride..y * to.stride + row_len];
            if mapping.mirror_x {
                reverse_row(d, s, n);
            } else {
                copy_row(d, s);
            }
        }
        return;
    }
    for ty in (0..to.height).step_by(TILE) {
        for tx in (0..to.width).step_by(TILE) {
            let x_end = (tx + TILE).min(to.width);
            for y in ty..(ty + TILE).min(to.height) {
                // Destination row y is source column sx; destination
                // column x is source row sy.
                let sx = if mapping.mirror_x {
                    from.width - 1 - y
                } else {
                    y
                };
                let d = &mut dst[y * to.stride + tx * n..y * to.stride + x_end * n];
                let (first_row, step_back) = if mapping.mirror_y {
                    (from.height - 1 - tx, true)
                } else {
                    (tx, false)
                };
                gather_column::<T, N>(d, src, from.stride, sx * n, first_row, step_back, n);
            }
        }
    }
}

/// A row copied unchanged.
#[inline(always)]
pub fn copy_row<T: Copy>(dst: &mut [T], src: &[T]) {
    dst.copy_from_slice(src);
}

/// A row of `n`-element samples in reverse sample order (each sample's
/// elements keep their order).
#[inline(always)]
pub fn reverse_row<T: Copy>(dst: &mut [T], src: &[T], n: usize) {
    for (d, s) in dst.chunks_exact_mut(n).zip(src.chunks_exact(n).rev()) {
        d.copy_from_slice(s);
    }
}

/// Fills `dst` (whole samples) from one source column: the sample at
/// element offset `column` of rows `first_row`, `first_row ± 1`, … (down
/// the plane, or up when `step_back`).
/// `N` is the sample size when known at compile time (0: use `n`); with
/// it each sample is one fixed-size copy instead of a `memcpy` call.
#[inline(always)]
pub fn gather_column<T: Copy, const N: usize>(
    dst: &mut [T],
    src: &[T],
    stride: usize,
    column: usize,
    first_row: usize,
    step_back: bool,
    n: usize,
) {
    let row = |i: usize| {
        if step_back {
            first_row - i
        } else {
            first_row + i
        }
    };
    if N == 0 {
        for (i, d) in dst.chunks_exact_mut(n).enumerate() {
            let at = row(i) * stride + column;
            d.copy_from_slice(&src[at..at + n]);
        }
        return;
    }
    // `N` constant: each copy compiles to a fixed-size move.
    for (i, d) in dst.chunks_exact_mut(N).enumerate() {
        let at = row(i) * stride + column;
        d.copy_from_slice(&src[at..at + N]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rotate::orientation::Orientation;

    const PAD: u8 = 0xEE;

    #[test]
    fn every_sample_size_and_orientation_matches_the_mapping() {
        for n in [1, 2, 3, 4, 5, 6, 8, 12, 16] {
            for (w, h) in [(1, 1), (3, 5), (7, 4), (17, 9), (33, 18)] {
                let from = PlaneShape {
                    width: w,
                    height: h,
                    stride: w * n + 3,
                    n,
                };
                let src: Vec<u8> = (0..from.span().unwrap())
                    .map(|i| (i * 7 + 1) as u8)
                    .collect();
                for o in Orientation::all() {
                    let m = o.mapping();
                    let (dw, dh) = m.destination_size(w, h);
                    let to = PlaneShape {
                        width: dw,
                        height: dh,
                        stride: dw * n + 5,
                        n,
                    };
                    let mut dst = vec![PAD; to.span().unwrap() + 2];
                    rotate_plane(&src, from, &mut dst, to, m).unwrap();
                    for y in 0..dh {
                        for x in 0..dw {
                            let (sx, sy) = m.source_of(x, y, w, h);
                            let d = y * to.stride + x * n;
                            let s = sy * from.stride + sx * n;
                            assert_eq!(dst[d..d + n], src[s..s + n], "{o:?} n={n} {w}x{h}");
                        }
                        if y + 1 < dh {
                            let pad = &dst[y * to.stride + dw * n..(y + 1) * to.stride];
                            assert!(pad.iter().all(|&b| b == PAD));
                        }
                    }
                    assert!(dst[to.span().unwrap()..].iter().all(|&b| b == PAD));
                }
            }
        }
    }

    #[test]
    fn wrong_sizes_and_short_memory_are_errors() {
        let from = PlaneShape {
            width: 3,
            height: 2,
            stride: 3,
            n: 1,
        };
        let to = from;
        let m = Orientation {
            rotation: crate::core::rotate::orientation::Rotation::Clockwise90,
            ..Default::default()
        }
        .mapping();
        let mut dst = [0u8; 6];
        assert_eq!(
            rotate_plane(&[0u8; 6], from, &mut dst, to, m),
            Err(PlaneError::Size)
        );
        let to = PlaneShape {
            width: 2,
            height: 3,
            stride: 2,
            n: 1,
        };
        assert_eq!(
            rotate_plane(&[0u8; 5], from, &mut dst, to, m),
            Err(PlaneError::Memory)
        );
        assert!(rotate_plane(&[0u8; 6], from, &mut dst, to, m).is_ok());
    }
}

#[cfg(test)]
mod timing {
    use super::*;
    use crate::core::rotate::orientation::{Orientation, Rotation};

    /// `cargo test --release --lib rotate::plane::timing -- --ignored --nocapture`
    #[test]
    #[ignore = "timing only"]
    fn full_hd_bgra() {
        let (w, h, n) = (1920, 1080, 4);
        let from = PlaneShape {
            width: w,
            height: h,
            stride: w * n,
            n,
        };
        let src = vec![7u8; w * h * n];
        for rotation in [Rotation::Clockwise90, Rotation::Half] {
            let m = Orientation {
                rotation,
                ..Default::default()
            }
            .mapping();
            let (dw, dh) = m.destination_size(w, h);
            let to = PlaneShape {
                width: dw,
                height: dh,
                stride: dw * n,
                n,
            };
            let mut dst = vec![0u8; dw * dh * n];
            let start = std::time::Instant::now();
            for _ in 0..10 {
                rotate_plane(&src, from, &mut dst, to, m).unwrap();
            }
            println!("{rotation:?}: {:?} per frame", start.elapsed() / 10);
        }
    }
}
