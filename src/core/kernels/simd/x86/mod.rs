//! x86-64 block functions, one file per level, and their tables.

mod avx2;
mod avx512;
mod sse41;

use super::rgb_to_yuv::{RgbChromaBlock, RgbLumaBlock};
use super::{Level, Swizzle4Block, Yuv420Block};

/// The R'G'B'A → 4:2:0 blocks (luma, chroma of pairs, chroma co-sited) and
/// their pixels per block (luma, chroma).
pub(super) fn rgb_to_yuv420_blocks(
    level: Level,
) -> Option<([RgbLumaBlock; 1], [RgbChromaBlock; 2], [usize; 2])> {
    match level {
        Level::Avx2 | Level::Avx512 => Some((
            [avx2::rgb_luma as RgbLumaBlock],
            [
                avx2::rgb_chroma::<true> as RgbChromaBlock,
                avx2::rgb_chroma::<false> as RgbChromaBlock,
            ],
            [16, 8],
        )),
        Level::Sse41 | Level::Scalar | Level::Neon => None,
    }
}

/// Channel (0 R', 1 G', 2 B', 3 A) at byte 0..4 of each layout, in the
/// order of `super::RGBA_ORDERS` (BGRA, RGBA, ARGB, ABGR).
macro_rules! per_order {
    ($module:ident, $order:expr) => {
        match $order {
            0 => $module::yuv420::<2, 1, 0, 3> as Yuv420Block,
            1 => $module::yuv420::<0, 1, 2, 3> as Yuv420Block,
            2 => $module::yuv420::<3, 0, 1, 2> as Yuv420Block,
            _ => $module::yuv420::<3, 2, 1, 0> as Yuv420Block,
        }
    };
}

/// The 4:2:0 → 32-bit block function and its pixels per block.
pub(super) fn yuv420_block(level: Level, order: usize) -> Option<(Yuv420Block, usize)> {
    match level {
        Level::Sse41 => Some((per_order!(sse41, order), 8)),
        Level::Avx2 => Some((per_order!(avx2, order), 16)),
        Level::Avx512 => Some((per_order!(avx512, order), 32)),
        Level::Scalar | Level::Neon => None,
    }
}

/// The 32-bit swizzle block function and its pixels per block.
pub(super) fn swizzle4_block(level: Level) -> Option<(Swizzle4Block, usize)> {
    match level {
        Level::Sse41 => Some((sse41::swizzle4 as Swizzle4Block, 4)),
        Level::Avx2 => Some((avx2::swizzle4 as Swizzle4Block, 8)),
        Level::Avx512 => Some((avx512::swizzle4 as Swizzle4Block, 16)),
        Level::Scalar | Level::Neon => None,
    }
}

/// A `pshufb` control for 16 bytes (4 pixels) from a per-pixel mask.
fn shuffle_bytes(mask: [u8; 4]) -> [i8; 16] {
    let mut out = [0i8; 16];
    for (i, o) in out.iter_mut().enumerate() {
        *o = ((i / 4) * 4) as i8 + mask[i % 4] as i8;
    }
    out
}
