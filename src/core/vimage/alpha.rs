//! Premultiply / unpremultiply (vimage-ops.md §10) with the formulas of
//! vimage-numerics.md §8: 8-bit `(c·a + 127)/255` and
//! `(min(c,a)·255 + a/2)/a`; 16U the same with 65535 / 32767; float `c·a`
//! and `c/a` (a = 0 → 0). Alpha itself is copied.

use super::channels::check_covers;
use crate::core::image::{ImageError, Plane, PlaneMut};

pub fn premultiply_u8(c: u8, a: u8) -> u8 {
    ((u32::from(c) * u32::from(a) + 127) / 255) as u8
}

pub fn unpremultiply_u8(c: u8, a: u8) -> u8 {
    if a == 0 {
        return 0;
    }
    let a = u32::from(a);
    ((u32::from(c).min(a) * 255 + a / 2) / a) as u8
}

pub fn premultiply_u16(c: u16, a: u16) -> u16 {
    ((u64::from(c) * u64::from(a) + 32767) / 65535) as u16
}

pub fn unpremultiply_u16(c: u16, a: u16) -> u16 {
    if a == 0 {
        return 0;
    }
    let a = u64::from(a);
    ((u64::from(c).min(a) * 65535 + a / 2) / a) as u16
}

pub fn premultiply_f32(c: f32, a: f32) -> f32 {
    c * a
}

pub fn unpremultiply_f32(c: f32, a: f32) -> f32 {
    if a == 0.0 { 0.0 } else { c / a }
}

/// Row kernel: the three colour channels of each 4-channel pixel become
/// `f(c, alpha)`.
pub fn scale_row<T: Copy>(row: &mut [T], alpha_index: usize, f: fn(T, T) -> T) {
    for px in row.chunks_exact_mut(4) {
        let a = px[alpha_index];
        for (i, c) in px.iter_mut().enumerate() {
            if i != alpha_index {
                *c = f(*c, a);
            }
        }
    }
}

/// Interleaved: `src` → `dest` with alpha at `alpha_index`. A destination
/// larger than the source → `RoiLargerThanInput` (vimage-ops.md §10).
pub fn scale<T: Copy>(
    src: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
    alpha_index: usize,
    f: fn(T, T) -> T,
) -> Result<(), ImageError> {
    check_covers(src, dest).map_err(|_| ImageError::RoiLargerThanInput)?;
    for y in 0..dest.height() {
        let out = dest.row_mut(y);
        let n = out.len();
        out.copy_from_slice(&src.row(y)[..n]);
        scale_row(out, alpha_index, f);
    }
    Ok(())
}

/// Planar: `dest = f(src, alpha)` element by element.
pub fn scale_planar<T: Copy>(
    src: &Plane<'_, T>,
    alpha: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
    f: fn(T, T) -> T,
) -> Result<(), ImageError> {
    check_covers(src, dest).map_err(|_| ImageError::RoiLargerThanInput)?;
    check_covers(alpha, dest).map_err(|_| ImageError::RoiLargerThanInput)?;
    for y in 0..dest.height() {
        let (s, a) = (src.row(y), alpha.row(y));
        for ((o, &c), &a) in dest.row_mut(y).iter_mut().zip(s).zip(a) {
            *o = f(c, a);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_match_the_fact_sheet_exhaustively() {
        for a in 0..=255u32 {
            for c in 0..=255u32 {
                let p = premultiply_u8(c as u8, a as u8);
                assert_eq!(u32::from(p), (c * a + 127) / 255);
                let u = unpremultiply_u8(c as u8, a as u8);
                let want = (c.min(a) * 255 + a / 2).checked_div(a).unwrap_or(0);
                assert_eq!(u32::from(u), want);
            }
        }
        assert_eq!(premultiply_u16(65535, 32768), 32768);
        assert_eq!(unpremultiply_u16(100, 0), 0);
        assert_eq!(unpremultiply_u16(40000, 20000), 65535);
        assert_eq!(unpremultiply_f32(0.5, 0.0), 0.0);
    }

    #[test]
    fn interleaved_and_planar_drivers() {
        let src = [128u8, 255, 100, 0, 10, 20, 30, 0];
        let s = Plane::packed(&src, 2, 1, 8).unwrap();
        let mut out = [0u8; 8];
        let mut d = PlaneMut::packed(&mut out, 2, 1, 8).unwrap();
        scale(&s, &mut d, 0, premultiply_u8).unwrap();
        assert_eq!(out, [128, 128, 50, 0, 10, 1, 1, 0]);
        let mut big = [0u8; 12];
        let mut d = PlaneMut::packed(&mut big, 3, 1, 12).unwrap();
        assert_eq!(
            scale(&s, &mut d, 0, premultiply_u8),
            Err(ImageError::RoiLargerThanInput)
        );
        let c = [1.0f32, 0.5];
        let a = [0.5f32, 0.0];
        let mut o = [9f32; 2];
        let mut d = PlaneMut::packed(&mut o, 2, 1, 2).unwrap();
        scale_planar(
            &Plane::packed(&c, 2, 1, 2).unwrap(),
            &Plane::packed(&a, 2, 1, 2).unwrap(),
            &mut d,
            unpremultiply_f32,
        )
        .unwrap();
        assert_eq!(o, [2.0, 0.0]);
    }
}
