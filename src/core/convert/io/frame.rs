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

#[cfg(test)]
impl<'a> SourcePlane<'a> {
    /// Views over owned plane buffers and their strides (test frames).
    pub(crate) fn over(planes: &'a [Vec<u8>], strides: &[usize]) -> Vec<SourcePlane<'a>> {
        planes
            .iter()
            .zip(strides)
            .map(|(data, &bytes_per_row)| SourcePlane {
                data,
                bytes_per_row,
            })
            .collect()
    }
}

#[cfg(test)]
impl<'a> DestPlane<'a> {
    /// Mutable views over owned plane buffers and their strides (test frames).
    pub(crate) fn over(planes: &'a mut [Vec<u8>], strides: &[usize]) -> Vec<DestPlane<'a>> {
        planes
            .iter_mut()
            .zip(strides)
            .map(|(data, &bytes_per_row)| DestPlane {
                data,
                bytes_per_row,
            })
            .collect()
    }
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

/// Random access to the rows of one source frame: geometry is validated
/// once by [`FrameReader::new`], then any image row can be unpacked, in any
/// order (the converter's row pipeline reads a window of rows around the
/// one it produces).
#[derive(Debug)]
pub struct FrameReader<'p, 'a> {
    codec: RowCodec,
    width: usize,
    height: usize,
    planes: &'p [SourcePlane<'a>],
    row_lengths: [usize; 3],
}

impl<'p, 'a> FrameReader<'p, 'a> {
    /// Checks `planes` against a `width` × `height` frame of `format` (see
    /// the module docs for the rules).
    pub fn new(
        format: &'static PixelFormat,
        width: usize,
        height: usize,
        planes: &'p [SourcePlane<'a>],
    ) -> Result<Self, ConvertError> {
        let codec = RowCodec::new(format)?;
        let strides: Vec<usize> = planes.iter().map(|p| p.bytes_per_row).collect();
        let row_lengths = validate(format, width, height, &strides, |i| planes[i].data.len())?;
        Ok(FrameReader {
            codec,
            width,
            height,
            planes,
            row_lengths,
        })
    }

    pub fn codec(&self) -> &RowCodec {
        &self.codec
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn height(&self) -> usize {
        self.height
    }

    /// The validated planes (fast paths read them directly).
    pub(crate) fn planes(&self) -> &'p [SourcePlane<'a>] {
        self.planes
    }

    /// Bytes of pixels in one row of each plane.
    pub(crate) fn row_lengths(&self) -> [usize; 3] {
        self.row_lengths
    }

    /// Unpacks image row `y` into `out` (reshaped to the format's shape).
    /// `y` past the last row is [`ConvertError::RowShape`].
    pub fn read_row(&self, y: usize, out: &mut IntermediateRow) -> Result<(), ConvertError> {
        if y >= self.height {
            return Err(ConvertError::RowShape);
        }
        let format = self.codec.info().format;
        let mut rows: [&[u8]; 3] = [&[]; 3];
        for (index, (plane, table)) in self.planes.iter().zip(format.planes()).enumerate() {
            let start = plane_row(table, y).row * plane.bytes_per_row;
            rows[index] = &plane.data[start..start + self.row_lengths[index]];
        }
        self.codec
            .unpack(&rows[..self.planes.len()], self.width, out)
    }
}

/// Row-by-row writing of one destination frame, validated once by
/// [`FrameWriter::new`]. Rows may come in any order; a vertically
/// subsampled plane row is written by the first image row of its group
/// (see the module docs), so that row must carry the group's chroma.
#[derive(Debug)]
pub struct FrameWriter<'p, 'a> {
    codec: RowCodec,
    width: usize,
    height: usize,
    planes: &'p mut [DestPlane<'a>],
    row_lengths: [usize; 3],
}

impl<'p, 'a> FrameWriter<'p, 'a> {
    pub fn new(
        format: &'static PixelFormat,
        width: usize,
        height: usize,
        planes: &'p mut [DestPlane<'a>],
    ) -> Result<Self, ConvertError> {
        let codec = RowCodec::new(format)?;
        let strides: Vec<usize> = planes.iter().map(|p| p.bytes_per_row).collect();
        let lengths: Vec<usize> = planes.iter().map(|p| p.data.len()).collect();
        let row_lengths = validate(format, width, height, &strides, |i| lengths[i])?;
        Ok(FrameWriter {
            codec,
            width,
            height,
            planes,
            row_lengths,
        })
    }

    pub fn codec(&self) -> &RowCodec {
        &self.codec
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn height(&self) -> usize {
        self.height
    }

    /// The validated planes (fast paths write them directly).
    pub(crate) fn planes_mut(&mut self) -> &mut [DestPlane<'a>] {
        self.planes
    }

    /// Bytes of pixels in one row of each plane.
    pub(crate) fn row_lengths(&self) -> [usize; 3] {
        self.row_lengths
    }

    /// Packs `row` (shaped for the format, see [`RowCodec::pack`]) into
    /// image row `y`.
    pub fn write_row(&mut self, y: usize, row: &IntermediateRow) -> Result<(), ConvertError> {
        if y >= self.height {
            return Err(ConvertError::RowShape);
        }
        let format = self.codec.info().format;
        let plane_count = self.planes.len();
        let mut rows: [&mut [u8]; 3] = Default::default();
        for (index, (plane, table)) in self.planes.iter_mut().zip(format.planes()).enumerate() {
            let at = plane_row(table, y);
            if at.writes {
                let start = at.row * plane.bytes_per_row;
                rows[index] = &mut plane.data[start..start + self.row_lengths[index]];
            }
        }
        self.codec.pack(row, self.width, &mut rows[..plane_count])
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
    let reader = FrameReader::new(format, width, height, planes)?;
    let mut row = reader.codec().new_row(width);
    for y in 0..height {
        reader.read_row(y, &mut row)?;
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
    let mut writer = FrameWriter::new(format, width, height, planes)?;
    let codec = *writer.codec();
    let mut row = codec.new_row(width);
    for y in 0..height {
        codec.shape_row(&mut row, width);
        fill(y, &mut row);
        writer.write_row(y, &row)?;
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
