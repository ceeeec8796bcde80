//! The plane driver: walks the rows of a whole frame given each plane's
//! memory and stride, and hands one [`IntermediateRow`] per image row to or
//! from the caller.
//!
//! Geometry is validated once with `core::pixel_format`'s
//! [`check_caller_planes`]: one stride per plane, each at least the bytes of
//! one row in whole blocks, and each plane's memory at least
//! `bytes_per_row × (plane height − 1) + row length` long. Strides are used
//! as given; rows are never assumed contiguous, and nothing past a row's
//! length is read or written.
//!
//! Row mapping: image row `y` uses row `y / v_subsampling` of each plane
//! ([`plane_row`]). On reading, both image rows of a 4:2:0 pair therefore
//! see the same chroma row. On writing, a vertically subsampled plane row
//! is written once, by the first image row of its group (`y` even for
//! 4:2:0), from that row's chroma channels; the chroma of the odd row is
//! ignored. Vertical chroma resampling (averaging a pair, siting) is the
//! resampling stage's job: it must leave the pair's chroma in the even row.

use super::ConvertError;
use super::codec::RowCodec;
use super::row::IntermediateRow;
use crate::core::pixel_format::{PixelFormat, Plane, check_caller_planes};

/// The memory of one source plane: `data` starts at the plane's first
/// pixel (its base address).
#[derive(Clone, Copy, Debug)]
pub struct SourcePlane<'a> {
    pub data: &'a [u8],
    pub bytes_per_row: usize,
}

/// The memory of one destination plane.
#[derive(Debug)]
pub struct DestPlane<'a> {
    pub data: &'a mut [u8],
    pub bytes_per_row: usize,
}

/// Which plane row belongs to an image row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlaneRow {
    /// The plane row: `y / v_subsampling`.
    pub row: usize,
    /// Whether `y` is the first image row of that plane row's group, i.e.
    /// the one that writes it when packing.
    pub writes: bool,
}

/// The row of `plane` that belongs to image row `y`.
pub fn plane_row(plane: &Plane, y: usize) -> PlaneRow {
    let v = usize::from(plane.v_subsampling.max(1));
    PlaneRow {
        row: y / v,
        writes: y % v == 0,
    }
}

/// Unpacks every row of a `width` × `height` frame of `format`, calling
/// `each_row(y, row)` in order from the top. The row is reused between
/// calls.
pub fn read_frame(
    format: &'static PixelFormat,
    width: usize,
    height: usize,
    planes: &[SourcePlane<'_>],
    mut each_row: impl FnMut(usize, &IntermediateRow),
) -> Result<(), ConvertError> {
    let codec = RowCodec::new(format)?;
    let strides: Vec<usize> = planes.iter().map(|p| p.bytes_per_row).collect();
    let row_lengths = validate(format, width, height, &strides, |i| planes[i].data.len())?;
    let mut row = codec.new_row(width);
    let mut rows: [&[u8]; 3] = [&[]; 3];
    for y in 0..height {
        for (index, (plane, table)) in planes.iter().zip(format.planes()).enumerate() {
            let start = plane_row(table, y).row * plane.bytes_per_row;
            rows[index] = &plane.data[start..start + row_lengths[index]];
        }
        codec.unpack(&rows[..planes.len()], width, &mut row)?;
        each_row(y, &row);
    }
    Ok(())
}

/// Packs every row of a `width` × `height` frame of `format`. For each row
/// from the top, `fill(y, row)` receives a row shaped for the format (see
/// [`RowCodec::new_row`]; it may drop alpha with `set_alpha(false)` to get
/// opaque alpha) and must set every value; the row is then packed. Values
/// from the previous row are still there, not reset. Reshaping the row to
/// another model or width is [`ConvertError::RowShape`].
pub fn write_frame(
    format: &'static PixelFormat,
    width: usize,
    height: usize,
    planes: &mut [DestPlane<'_>],
    mut fill: impl FnMut(usize, &mut IntermediateRow),
) -> Result<(), ConvertError> {
    let codec = RowCodec::new(format)?;
    let strides: Vec<usize> = planes.iter().map(|p| p.bytes_per_row).collect();
    let lengths: Vec<usize> = planes.iter().map(|p| p.data.len()).collect();
    let row_lengths = validate(format, width, height, &strides, |i| lengths[i])?;
    let mut row = codec.new_row(width);
    for y in 0..height {
        codec.shape_row(&mut row, width);
        fill(y, &mut row);
        let mut rows: [&mut [u8]; 3] = Default::default();
        for (index, (plane, table)) in planes.iter_mut().zip(format.planes()).enumerate() {
            let at = plane_row(table, y);
            if at.writes {
                let start = at.row * plane.bytes_per_row;
                rows[index] = &mut plane.data[start..start + row_lengths[index]];
            }
        }
        codec.pack(&row, width, &mut rows[..strides.len()])?;
    }
    Ok(())
}

/// Checks strides and plane sizes; returns each plane's row length.
fn validate(
    format: &PixelFormat,
    width: usize,
    height: usize,
    strides: &[usize],
    data_len: impl Fn(usize) -> usize,
) -> Result<[usize; 3], ConvertError> {
    let checked = check_caller_planes(format, width, height, strides)?;
    let mut row_lengths = [0; 3];
    for (index, plane) in checked.iter().enumerate() {
        let given = data_len(index);
        if given < plane.span {
            return Err(ConvertError::PlaneTooSmall {
                plane: index,
                needed: plane.span,
                given,
            });
        }
        row_lengths[index] = plane.row_length;
    }
    Ok(row_lengths)
}
