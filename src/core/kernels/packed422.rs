//! Packed 8-bit 4:2:2 rows (`'2vuy'`, `'yuvs'`, `'yuvf'`): four bytes per
//! pixel pair. [`unpack_422_row`] splits a row into luma codes and chroma
//! in quarters of a code, the form `ycbcr_to_rgb`'s row kernels take (a
//! 4:2:2 row is its own chroma row, vertical weight 4).

/// Byte positions within one 4-byte pixel-pair group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Packed422Order {
    /// Luma of the pair's first and second pixel.
    pub y: [usize; 2],
    pub cb: usize,
    pub cr: usize,
}

impl Packed422Order {
    /// `'2vuy'`: Cb Y0 Cr Y1.
    pub const UYVY: Packed422Order = Packed422Order {
        y: [1, 3],
        cb: 0,
        cr: 2,
    };
    /// `'yuvs'` / `'yuvf'`: Y0 Cb Y1 Cr.
    pub const YUYV: Packed422Order = Packed422Order {
        y: [0, 2],
        cb: 1,
        cr: 3,
    };
}

/// Splits `src` (whole groups; an odd width's last group has a second
/// luma that belongs to no pixel) into `luma` (`luma.len()` pixels are
/// written) and interleaved Cb/Cr in quarters (`chroma.len() / 2` pairs).
pub fn unpack_422_row(src: &[u8], order: &Packed422Order, luma: &mut [u8], chroma: &mut [i32]) {
    let groups = src.chunks_exact(4);
    for ((g, c), l) in groups
        .clone()
        .zip(chroma.chunks_exact_mut(2))
        .zip(luma.chunks_mut(2))
    {
        c[0] = 4 * i32::from(g[order.cb]);
        c[1] = 4 * i32::from(g[order.cr]);
        for (o, &at) in l.iter_mut().zip(&order.y) {
            *o = g[at];
        }
    }
}
