//! Fill and copy (vimage-ops.md §6): every pixel set to one colour, or rows
//! copied byte for byte. Padding between rows is never touched.

use crate::core::image::{ImageError, Plane, PlaneMut};

/// Every `color.len()`-element pixel of `dest` set to `color`.
pub fn fill<T: Copy>(dest: &mut PlaneMut<'_, T>, color: &[T]) {
    let n = color.len().max(1);
    for row in dest.rows_mut() {
        for px in row.chunks_exact_mut(n) {
            px.copy_from_slice(color);
        }
    }
}

/// `dest`'s rows (`row_len` elements each) copied from `src`'s; a source
/// smaller than `dest` → `RoiLargerThanInput`.
pub fn copy<T: Copy>(src: &Plane<'_, T>, dest: &mut PlaneMut<'_, T>) -> Result<(), ImageError> {
    if src.row_len() < dest.row_len() || src.height() < dest.height() {
        return Err(ImageError::RoiLargerThanInput);
    }
    for y in 0..dest.height() {
        let out = dest.row_mut(y);
        let n = out.len();
        out.copy_from_slice(&src.row(y)[..n]);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_and_copy_leave_padding_alone() {
        let mut mem = [7u8; 11];
        let mut d = PlaneMut::new(&mut mem, 1, 2, 4, 7).unwrap();
        fill(&mut d, &[1, 2, 3, 4]);
        assert_eq!(mem, [1, 2, 3, 4, 7, 7, 7, 1, 2, 3, 4]);
        let src: Vec<u8> = (0..8).collect();
        let s = Plane::packed(&src, 2, 2, 4).unwrap();
        let mut d = PlaneMut::new(&mut mem, 1, 2, 4, 7).unwrap();
        copy(&s, &mut d).unwrap();
        assert_eq!(mem, [0, 1, 2, 3, 7, 7, 7, 4, 5, 6, 7]);
        let tiny = Plane::packed(&src[..2], 1, 1, 2).unwrap();
        let mut d = PlaneMut::new(&mut mem, 1, 2, 4, 7).unwrap();
        assert_eq!(copy(&tiny, &mut d), Err(ImageError::RoiLargerThanInput));
    }
}
