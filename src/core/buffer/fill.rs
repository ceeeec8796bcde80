//! `CVPixelBufferFillExtendedPixels`: replicate the image's edges into the
//! padding that `kCVPixelBufferExtendedPixels*Key` added around it.
//!
//! The unit of replication is the format's *block*, the smallest
//! byte-addressable group of samples (`kCVPixelFormatBlockWidth`): one
//! sample for most formats, two pixels for `'2vuy'`/`'yuvs'`/`'v216'`. A
//! block is the only unit the pixel-format description lets CoreVideo's
//! generic filler address, since the description says nothing about the
//! order of components inside a block. So the left padding repeats the
//! first block of each row and the right padding the last; the extended
//! rows above and below repeat the first and last (already widened) rows.
//! When a block straddles the right image edge (odd-width `'2vuy'`), its
//! samples past the edge keep their contents, and the right padding starts
//! at the next block.
//!
//! Planes are filled independently: each has its own extension, stride and
//! block size (plane driver [`fill_plane`] + row kernel [`fill_row`]).

use crate::core::pixel_format::{Plane, PlaneLayout};

/// One plane's fill geometry, in bytes, relative to the start of its region
/// (the first byte of the first extended row).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PlaneFill {
    pub bytes_per_row: usize,
    /// Extended rows above the image.
    pub top: usize,
    /// Image rows.
    pub height: usize,
    /// Extended rows below the image.
    pub bottom: usize,
    /// Bytes of left padding (whole blocks) before the first image sample.
    pub left: usize,
    /// Bytes of the image samples of one row, in whole blocks.
    pub image: usize,
    /// Bytes of right padding (whole blocks) after the image's last block.
    pub right: usize,
    /// Bytes per block.
    pub block: usize,
}

/// Why a plane cannot be filled; the memory is untouched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FillError {
    #[error("plane fill geometry does not fit its region")]
    Geometry,
}

impl PlaneFill {
    /// The fill geometry of an allocated plane; `None` if the layout is
    /// inconsistent with the plane format (never for layouts computed by
    /// `plane_layouts` from the same format).
    pub fn new(layout: &PlaneLayout, plane: &Plane) -> Option<PlaneFill> {
        let block = usize::from(plane.bytes_per_block);
        let top_bytes = layout.extended.top.checked_mul(layout.bytes_per_row)?;
        let left = layout
            .offset
            .checked_sub(layout.region_offset)?
            .checked_sub(top_bytes)?;
        let image_blocks = plane.blocks_for(layout.width);
        let with_right = plane.blocks_for(layout.width.checked_add(layout.extended.right)?);
        Some(PlaneFill {
            bytes_per_row: layout.bytes_per_row,
            top: layout.extended.top,
            height: layout.height,
            bottom: layout.extended.bottom,
            left,
            image: image_blocks.checked_mul(block)?,
            right: (with_right - image_blocks).checked_mul(block)?,
            block,
        })
    }

    /// Whether there is any padding to fill.
    pub fn has_padding(&self) -> bool {
        self.top > 0 || self.bottom > 0 || self.left > 0 || self.right > 0
    }

    /// Bytes the region must hold.
    fn region_size(&self) -> Option<usize> {
        self.top
            .checked_add(self.height)?
            .checked_add(self.bottom)?
            .checked_mul(self.bytes_per_row)
    }

    fn is_consistent(&self) -> bool {
        let row = self
            .left
            .checked_add(self.image)
            .and_then(|n| n.checked_add(self.right));
        self.block > 0
            && self.height > 0
            && self.image >= self.block
            && [self.left, self.image, self.right]
                .iter()
                .all(|n| n % self.block == 0)
            && row.is_some_and(|row| row <= self.bytes_per_row)
    }
}

/// Fills the padding of one plane whose memory (extended rows included)
/// is `region`.
pub fn fill_plane(region: &mut [u8], fill: &PlaneFill) -> Result<(), FillError> {
    if !fill.is_consistent() || fill.region_size().is_none_or(|size| size > region.len()) {
        return Err(FillError::Geometry);
    }
    if !fill.has_padding() {
        return Ok(());
    }
    let stride = fill.bytes_per_row;
    let first = fill.top;
    let last = fill.top + fill.height - 1;
    for row in first..=last {
        let start = row * stride;
        fill_row(
            &mut region[start..start + stride],
            fill.left,
            fill.image,
            fill.right,
            fill.block,
        );
    }
    for row in 0..first {
        region.copy_within(first * stride..(first + 1) * stride, row * stride);
    }
    for row in last + 1..last + 1 + fill.bottom {
        region.copy_within(last * stride..(last + 1) * stride, row * stride);
    }
    Ok(())
}

/// Row kernel: repeats the first image block over the `left` bytes before
/// it and the last image block over the `right` bytes after the image.
/// `row` holds `left + image + right` bytes or more; all three are whole
/// blocks and `image` is at least one block (checked by the caller).
pub fn fill_row(row: &mut [u8], left: usize, image: usize, right: usize, block: usize) {
    for start in (0..left).step_by(block) {
        row.copy_within(left..left + block, start);
    }
    let last = left + image - block;
    for start in (left + image..left + image + right).step_by(block) {
        row.copy_within(last..last + block, start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::pixel_format::{
        ExtendedPixels, LayoutOptions, PixelFormat, fourcc, plane_layouts,
    };

    fn layout_of(
        code: &[u8; 4],
        w: usize,
        h: usize,
        ext: ExtendedPixels,
    ) -> (Vec<u8>, Vec<(PlaneLayout, Plane)>) {
        let format = PixelFormat::find(fourcc(code)).unwrap();
        let options = LayoutOptions {
            extended: ext,
            ..LayoutOptions::default()
        };
        let layout = plane_layouts(format, w, h, &options).unwrap();
        let memory = vec![0u8; layout.data_size];
        let planes = layout
            .planes
            .iter()
            .copied()
            .zip(format.planes().iter().copied())
            .collect();
        (memory, planes)
    }

    fn fill_all(memory: &mut [u8], planes: &[(PlaneLayout, Plane)]) {
        for (layout, plane) in planes {
            let fill = PlaneFill::new(layout, plane).unwrap();
            let region =
                &mut memory[layout.region_offset..layout.region_offset + layout.region_size];
            fill_plane(region, &fill).unwrap();
        }
    }

    /// An independent model: the value at padded position (x, y) of a plane
    /// whose samples are `bytes` wide is the image sample at the clamped
    /// position.
    #[test]
    fn bgra_edges_are_replicated_like_a_clamped_read() {
        let ext = ExtendedPixels {
            left: 3,
            right: 2,
            top: 2,
            bottom: 1,
        };
        let (w, h) = (5, 4);
        let (mut memory, planes) = layout_of(b"BGRA", w, h, ext);
        let (layout, _) = planes[0];
        let stride = layout.bytes_per_row;
        let pixel = |x: usize, y: usize| [x as u8, y as u8, 0xA0, 0xFF];
        for y in 0..h {
            for x in 0..w {
                let at = layout.offset + y * stride + x * 4;
                memory[at..at + 4].copy_from_slice(&pixel(x, y));
            }
        }
        fill_all(&mut memory, &planes);
        for py in 0..ext.top + h + ext.bottom {
            for px in 0..ext.left + w + ext.right {
                let at = layout.region_offset + py * stride + px * 4;
                let x = px.saturating_sub(ext.left).min(w - 1);
                let y = py.saturating_sub(ext.top).min(h - 1);
                assert_eq!(&memory[at..at + 4], &pixel(x, y), "({px},{py})");
            }
        }
    }

    #[test]
    fn uyvy_replicates_whole_blocks() {
        // '2vuy': 2 pixels per 4-byte block. Left 1 px rounds up to 1 block.
        let ext = ExtendedPixels {
            left: 1,
            right: 2,
            top: 1,
            bottom: 0,
        };
        let (mut memory, planes) = layout_of(b"2vuy", 4, 1, ext);
        let (layout, _) = planes[0];
        let image = [10, 11, 12, 13, 20, 21, 22, 23];
        memory[layout.offset..layout.offset + 8].copy_from_slice(&image);
        fill_all(&mut memory, &planes);
        let row = layout.offset;
        assert_eq!(&memory[row - 4..row], &image[0..4]);
        assert_eq!(&memory[row + 8..row + 12], &image[4..8]);
        // Nothing past the requested extension is written.
        assert_eq!(&memory[row + 12..row + 16], &[0; 4]);
        let above = row - layout.bytes_per_row;
        assert_eq!(&memory[above - 4..above + 12], &memory[row - 4..row + 12]);
    }

    #[test]
    fn planes_are_filled_independently() {
        // 4:2:0 chroma gets ceil(ext / 2) samples on each side.
        let ext = ExtendedPixels {
            left: 3,
            right: 3,
            top: 3,
            bottom: 3,
        };
        let (mut memory, planes) = layout_of(b"420v", 6, 4, ext);
        let (luma, chroma) = (planes[0].0, planes[1].0);
        assert_eq!(chroma.extended.left, 2);
        for y in 0..4 {
            for x in 0..6 {
                memory[luma.offset + y * luma.bytes_per_row + x] = (16 + y * 6 + x) as u8;
            }
        }
        for y in 0..2 {
            for x in 0..3 {
                let at = chroma.offset + y * chroma.bytes_per_row + 2 * x;
                memory[at] = (100 + y * 3 + x) as u8;
                memory[at + 1] = (200 + y * 3 + x) as u8;
            }
        }
        fill_all(&mut memory, &planes);
        let corner = chroma.region_offset;
        assert_eq!(&memory[corner..corner + 2], &[100, 200]);
        let far =
            chroma.region_offset + (2 + 2 + 2 - 1) * chroma.bytes_per_row + (2 + 3 + 2 - 1) * 2;
        assert_eq!(&memory[far..far + 2], &[105, 205]);
        assert_eq!(memory[luma.region_offset], 16);
    }

    #[test]
    fn no_padding_is_a_no_op_and_bad_geometry_is_refused() {
        let (mut memory, planes) = layout_of(b"BGRA", 3, 3, ExtendedPixels::default());
        let before = memory.clone();
        fill_all(&mut memory, &planes);
        assert_eq!(memory, before);
        let (layout, plane) = planes[0];
        let fill = PlaneFill::new(&layout, &plane).unwrap();
        assert!(!fill.has_padding());
        let mut short = vec![0u8; 10];
        assert_eq!(fill_plane(&mut short, &fill), Err(FillError::Geometry));
        let bad = PlaneFill {
            right: 4 * 1000,
            left: 4,
            ..fill
        };
        assert_eq!(fill_plane(&mut memory, &bad), Err(FillError::Geometry));
    }
}
