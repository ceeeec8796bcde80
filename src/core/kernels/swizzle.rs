//! 8-bit R'G'B'(A) byte-order changes: bytes move, alpha is copied, set
//! opaque for a source without alpha, or dropped for a destination without
//! it. Bit-exact by construction.

/// Byte positions of R', G', B' and alpha within one pixel of an 8-bit
/// R'G'B' format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RgbLayout {
    /// Bytes per pixel (3 or 4).
    pub bytes: usize,
    pub rgb: [usize; 3],
    pub alpha: Option<usize>,
}

/// A swizzle row kernel: `src` and `dst` hold the same number of pixels.
pub type SwizzleRow = fn(&[u8], &mut [u8], &RgbLayout, &RgbLayout);

/// The swizzle row kernel for a pair of layouts, chosen once per frame.
pub fn swizzle_kernel(from: &RgbLayout, to: &RgbLayout) -> SwizzleRow {
    match (from.bytes, to.bytes) {
        (4, 4) => swizzle_row::<4, 4>,
        (3, 4) => swizzle_row_opaque::<3, 4>,
        (4, 3) => swizzle_row::<4, 3>,
        _ => swizzle_row::<3, 3>,
    }
}

/// Moves R', G', B' (and alpha when both sides have it) of one row.
pub fn swizzle_row<const S: usize, const D: usize>(
    src: &[u8],
    dst: &mut [u8],
    from: &RgbLayout,
    to: &RgbLayout,
) {
    let [r, g, b] = from.rgb;
    let [tr, tg, tb] = to.rgb;
    let alpha = from.alpha.zip(to.alpha);
    match alpha {
        Some((a, ta)) => {
            for (s, d) in src.chunks_exact(S).zip(dst.chunks_exact_mut(D)) {
                d[tr] = s[r];
                d[tg] = s[g];
                d[tb] = s[b];
                d[ta] = s[a];
            }
        }
        None => {
            for (s, d) in src.chunks_exact(S).zip(dst.chunks_exact_mut(D)) {
                d[tr] = s[r];
                d[tg] = s[g];
                d[tb] = s[b];
            }
        }
    }
}

/// Like [`swizzle_row`] for a source without alpha: the destination's
/// alpha is opaque (the largest code).
pub fn swizzle_row_opaque<const S: usize, const D: usize>(
    src: &[u8],
    dst: &mut [u8],
    from: &RgbLayout,
    to: &RgbLayout,
) {
    let [r, g, b] = from.rgb;
    let [tr, tg, tb] = to.rgb;
    let Some(ta) = to.alpha else {
        return swizzle_row::<S, D>(src, dst, from, to);
    };
    for (s, d) in src.chunks_exact(S).zip(dst.chunks_exact_mut(D)) {
        d[tr] = s[r];
        d[tg] = s[g];
        d[tb] = s[b];
        d[ta] = u8::MAX;
    }
}
