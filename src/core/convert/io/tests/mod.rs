//! Tests of the format I/O layer.
//!
//! The helpers here restate each layout's padding rules in their own terms
//! (masks per byte, the `'v210'` sample order, where the odd luma of a 4:2:2
//! pair sits) without calling the code under test, so that "random bytes
//! with zero padding" is defined independently of the kernels.

mod frames;
mod layouts;
mod packing;
mod roundtrip;
mod table;

use crate::core::pixel_format::{PixelFormat, fourcc};

/// Every width the row tests use: single pixels, odd sizes, one below /
/// at / above a 48-pixel `'v210'` group, and an odd HD width.
pub(super) const WIDTHS: [usize; 8] = [1, 2, 3, 5, 47, 48, 49, 1921];

pub(super) fn format(code: &[u8; 4]) -> &'static PixelFormat {
    PixelFormat::find(fourcc(code)).expect("known format")
}

pub(super) use crate::core::test_rng::Rng;

/// Clears the bits of one plane row that carry no image data, so that the
/// row is a pattern a correct packer produces: padding bits of each word,
/// samples past the image in the last 4:2:2 pair or `'v210'` group, and
/// the quiet bit of signalling-NaN halves (IEEE conversion quiets them).
pub(super) fn canonical(code: u32, plane: usize, width: usize, row: &mut [u8]) {
    let name = code.to_be_bytes();
    match (&name, plane) {
        // 10 bits in the top of a little-endian 16-bit word.
        (b"x420" | b"x422" | b"x444" | b"xf20" | b"xf22" | b"xf44" | b"L010", _)
        | (b"w40a" | b"w40m", 0) => mask_units(row, &[0xC0, 0xFF]),
        (b"L012", _) => mask_units(row, &[0xF0, 0xFF]),
        // x R5 G5 B5: the top bit of the word is unused.
        ([0, 0, 0, 0x10], _) => mask_units(row, &[0x7F, 0xFF]),
        (b"L555", _) => mask_units(row, &[0xFF, 0x7F]),
        // R10k: 2 unused bits at the bottom of a big-endian word.
        (b"R10k", _) => mask_units(row, &[0xFF, 0xFF, 0xFF, 0xFC]),
        // r210: 2 unused bits at the top of a big-endian word.
        (b"r210", _) => mask_units(row, &[0x3F, 0xFF, 0xFF, 0xFF]),
        // w30r / b3a8 plane 0: 2 unused bits at the top of a little-endian word.
        (b"w30r", _) | (b"b3a8", 0) => mask_units(row, &[0xFF, 0xFF, 0xFF, 0x3F]),
        // v410: bits 0-1 of the little-endian word unused.
        (b"v410", _) => mask_units(row, &[0xFC, 0xFF, 0xFF, 0xFF]),
        (b"v210", _) => canonical_v210(width, row),
        (b"2vuy", 0) | (b"a2vy", 0) => clear_odd_luma(width, row, 4, 3, 1),
        (b"yuvs" | b"yuvf", _) => clear_odd_luma(width, row, 4, 2, 1),
        (b"v216", _) => clear_odd_luma(width, row, 8, 6, 2),
        (b"L00h" | b"2C0h" | b"RGhA", _) => quiet_half_nans(row),
        _ => {}
    }
}

fn mask_units(row: &mut [u8], mask: &[u8]) {
    for (i, b) in row.iter_mut().enumerate() {
        *b &= mask[i % mask.len()];
    }
}

/// In an odd-width row of pixel pairs (`block` bytes each), zero the
/// `size`-byte second luma at `offset` of the last pair.
fn clear_odd_luma(width: usize, row: &mut [u8], block: usize, offset: usize, size: usize) {
    if width % 2 == 1 {
        let at = block * (width / 2) + offset;
        row[at..at + size].fill(0);
    }
}

/// TN2162: each group of 6 pixels is 4 little-endian words; the 12 samples
/// Cb0 Y0 Cr0 Y1 Cb1 Y2 Cr1 Y3 Cb2 Y4 Cr2 Y5 fill bits 0-9, 10-19, 20-29
/// of the words in turn; bits 30-31 are zero, and so are the samples of
/// pixels past the image.
fn canonical_v210(width: usize, row: &mut [u8]) {
    for (group, block) in row.chunks_mut(16).enumerate() {
        let mut words: Vec<u32> = block
            .chunks(4)
            .map(|w| u32::from_le_bytes(w.try_into().unwrap()) & 0x3FFF_FFFF)
            .collect();
        for k in 0..12 {
            let pair = 3 * group + k / 4;
            // Positions 0 and 2 of each quad are chroma (belong to the
            // pair's first pixel), 1 is the first luma, 3 the second.
            let pixel = if k % 4 == 3 { 2 * pair + 1 } else { 2 * pair };
            if pixel >= width {
                words[k / 3] &= !(0x3FF << (10 * (k % 3)));
            }
        }
        for (w, out) in words.iter().zip(block.chunks_mut(4)) {
            out.copy_from_slice(&w.to_le_bytes());
        }
    }
}

fn quiet_half_nans(row: &mut [u8]) {
    for h in row.chunks_mut(2) {
        let mut v = u16::from_le_bytes([h[0], h[1]]);
        if v & 0x7C00 == 0x7C00 && v & 0x03FF != 0 {
            v |= 0x0200;
        }
        h.copy_from_slice(&v.to_le_bytes());
    }
}
