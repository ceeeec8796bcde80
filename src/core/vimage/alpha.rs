//! Premultiply / unpremultiply (vimage-ops.md §10) with the formulas of
//! vimage-numerics.md §8: 8-bit `(c·a + 127)/255` and
//! `(min(c,a)·255 + a/2)/a`; 16U the same with 65535 / 32767; float `c·a`
//! and `c/a` (a = 0 → 0). Alpha itself is copied.
//!
//! Flattening composites over an opaque background (numerics §8): straight
//! input `(c·a + (255−a)·bg + 127)/255`, premultiplied input
//! `(c·255 + (255−a)·bg + 127)/255` (16U: 65535 / 32767; float
//! `c·a + (1−a)·bg`, `c + (1−a)·bg`); the 4-channel flatten keeps alpha as
//! `(a·255 + (255−a)·bgA + 127)/255`, i.e. the premultiplied rule on alpha.

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

/// One channel over the background: `premultiplied` says whether `c`
/// already carries alpha.
pub fn blend_u8(c: u8, a: u8, bg: u8, premultiplied: bool) -> u8 {
    let (c, a, bg) = (u32::from(c), u32::from(a), u32::from(bg));
    let top = if premultiplied { c * 255 } else { c * a };
    ((top + (255 - a) * bg + 127) / 255).min(255) as u8
}

pub fn blend_u16(c: u16, a: u16, bg: u16, premultiplied: bool) -> u16 {
    let (c, a, bg) = (u64::from(c), u64::from(a), u64::from(bg));
    let top = if premultiplied { c * 65535 } else { c * a };
    ((top + (65535 - a) * bg + 32767) / 65535).min(65535) as u16
}

pub fn blend_f32(c: f32, a: f32, bg: f32, premultiplied: bool) -> f32 {
    let top = if premultiplied { c } else { c * a };
    top + (1.0 - a) * bg
}

/// Composites each 4-channel pixel (alpha at `alpha_index`) over
/// `background` (same channel order) and writes the source channels
/// `keep` in that order; alpha, when kept, follows the premultiplied rule.
pub fn flatten<T: Copy>(
    src: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
    alpha_index: usize,
    keep: &[usize],
    background: [T; 4],
    premultiplied: bool,
    blend: fn(T, T, T, bool) -> T,
) -> Result<(), ImageError> {
    check_covers(src, dest).map_err(|_| ImageError::RoiLargerThanInput)?;
    let n = keep.len();
    for y in 0..dest.height() {
        let s = src.row(y);
        for (o, px) in dest.row_mut(y).chunks_exact_mut(n).zip(s.chunks_exact(4)) {
            let a = px[alpha_index];
            for (out, &k) in o.iter_mut().zip(keep) {
                let pm = premultiplied || k == alpha_index;
                *out = blend(px[k], a, background[k], pm);
            }
        }
    }
    Ok(())
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
    fn flatten_formulas() {
        assert_eq!(
            blend_u8(200, 128, 10, false),
            ((200 * 128 + 127 * 10 + 127) / 255) as u8
        );
        assert_eq!(
            blend_u8(100, 128, 10, true),
            ((100 * 255 + 127 * 10 + 127) / 255) as u8
        );
        assert_eq!(blend_u8(255, 0, 77, true), 255); // invalid premultiplied input saturates
        assert_eq!(blend_u16(65535, 65535, 0, false), 65535);
        assert_eq!(blend_f32(0.5, 0.5, 1.0, false), 0.75);
        let src = [128u8, 200, 100, 50];
        let s = Plane::packed(&src, 1, 1, 4).unwrap();
        let mut rgb = [0u8; 3];
        let mut d = PlaneMut::packed(&mut rgb, 1, 1, 3).unwrap();
        flatten(&s, &mut d, 0, &[3, 2, 1], [0, 0, 0, 255], false, blend_u8).unwrap();
        assert_eq!(
            rgb,
            [
                blend_u8(50, 128, 255, false),
                blend_u8(100, 128, 0, false),
                blend_u8(200, 128, 0, false)
            ]
        );
        let mut four = [0u8; 4];
        let mut d = PlaneMut::packed(&mut four, 1, 1, 4).unwrap();
        flatten(
            &s,
            &mut d,
            0,
            &[0, 1, 2, 3],
            [255, 0, 0, 0],
            false,
            blend_u8,
        )
        .unwrap();
        assert_eq!(four[0], 255);
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
