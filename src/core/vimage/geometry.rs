//! Geometry operations (vimage-ops.md §2). For now the vertical reflect
//! that Apple's Core Video interoperability examples call; branch
//! `vimage-ops-b` brings the rest of the family.

use crate::core::image::{ImageError, Plane, PlaneMut, same_size};

/// Row `y` of `dest` = row `height − 1 − y` of `src` (pixels of any
/// element count: rows are copied whole).
pub fn vertical_reflect<T: Copy>(
    src: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
) -> Result<(), ImageError> {
    same_size(src, dest)?;
    let height = src.height();
    for y in 0..height {
        dest.row_mut(y).copy_from_slice(src.row(height - 1 - y));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_swap_top_to_bottom() {
        let src: Vec<u8> = (0..12).collect();
        let mut out = [0u8; 12];
        let s = Plane::packed(&src, 1, 3, 4).unwrap();
        let mut d = PlaneMut::packed(&mut out, 1, 3, 4).unwrap();
        vertical_reflect(&s, &mut d).unwrap();
        assert_eq!(out, [8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3]);
        let mut small = [0u8; 8];
        let mut d = PlaneMut::packed(&mut small, 1, 2, 4).unwrap();
        assert_eq!(vertical_reflect(&s, &mut d), Err(ImageError::SizeMismatch));
    }
}
