//! `vImageBuffer_Init`'s geometry: the row stride vImage picks for a new
//! buffer.
//!
//! Decision (Apple documents only "a good rowBytes" and one data point,
//! width 10 at 8 bits → 16): a row is the whole bytes its pixels need,
//! rounded up to a multiple of [`ROW_ALIGNMENT`] (16). That gives the
//! documented 16, keeps every row start 16-byte aligned when `data` is,
//! which is what every SIMD row kernel wants, and wastes at most 15 bytes
//! per row. `kvImageNoAllocate` reports [`ROW_ALIGNMENT`] as the preferred
//! alignment of `data`.

/// Row strides of new buffers are multiples of this, and it is the
/// alignment `vImageBuffer_Init` reports with `kvImageNoAllocate`.
pub const ROW_ALIGNMENT: usize = 16;

/// Alignment of the memory `vImageBuffer_Init` allocates (a cache line;
/// at least [`ROW_ALIGNMENT`]).
pub const DATA_ALIGNMENT: usize = 64;

/// The stride of a new buffer of `width` pixels of `bits_per_pixel` bits,
/// `None` when it overflows or `bits_per_pixel` is 0.
pub fn row_bytes(width: usize, bits_per_pixel: u32) -> Option<usize> {
    if bits_per_pixel == 0 {
        return None;
    }
    let bits = width.checked_mul(usize::try_from(bits_per_pixel).ok()?)?;
    let bytes = bits.div_ceil(8);
    bytes.checked_next_multiple_of(ROW_ALIGNMENT)
}

/// Bytes of a buffer of `height` rows `row_bytes` apart, `None` on
/// overflow or beyond `isize::MAX`.
pub fn data_size(height: usize, row_bytes: usize) -> Option<usize> {
    height
        .checked_mul(row_bytes)
        .filter(|&n| n <= isize::MAX as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_round_up_to_sixteen_bytes() {
        assert_eq!(row_bytes(10, 8), Some(16)); // the documented example
        assert_eq!(row_bytes(16, 8), Some(16));
        assert_eq!(row_bytes(17, 8), Some(32));
        assert_eq!(row_bytes(3, 32), Some(16));
        assert_eq!(row_bytes(9, 1), Some(16)); // 2 bytes of 1-bit pixels
        assert_eq!(row_bytes(0, 32), Some(0));
        assert_eq!(row_bytes(5, 0), None);
        assert_eq!(row_bytes(usize::MAX, 32), None);
        assert_eq!(data_size(usize::MAX, 16), None);
    }
}
