//! [`RowCodec`]: a format's row kernels, picked once, with the argument
//! checks that make them safe to call from anywhere.

use super::ConvertError;
use super::info::FormatInfo;
use super::kernels::{pack_plane, unpack_plane};
use super::row::IntermediateRow;
use super::spec::PlaneCodec;
use crate::core::pixel_format::{GeometryError, PixelFormat, Plane};

/// Unpacks and packs the rows of one format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowCodec {
    info: FormatInfo,
}

impl RowCodec {
    /// The codec of `format`; [`ConvertError::Unsupported`] for formats the
    /// converter does not handle.
    pub fn new(format: &'static PixelFormat) -> Result<RowCodec, ConvertError> {
        Ok(RowCodec {
            info: FormatInfo::new(format)?,
        })
    }

    pub fn for_code(code: u32) -> Result<RowCodec, ConvertError> {
        Ok(RowCodec {
            info: FormatInfo::for_code(code)?,
        })
    }

    pub fn info(&self) -> &FormatInfo {
        &self.info
    }

    /// Number of planes (plane rows the kernels take).
    pub fn plane_count(&self) -> usize {
        self.info.spec.planes.len()
    }

    /// A row shaped for this format: its colour model, `width` pixels, its
    /// chroma width, alpha if the format has alpha.
    pub fn new_row(&self, width: usize) -> IntermediateRow {
        IntermediateRow::new(
            self.info.model,
            width,
            self.info.chroma_width(width),
            self.info.has_alpha(),
        )
    }

    /// Reshapes `row` to [`RowCodec::new_row`]'s shape, keeping its memory.
    pub fn shape_row(&self, row: &mut IntermediateRow, width: usize) {
        row.reshape(
            self.info.model,
            width,
            self.info.chroma_width(width),
            self.info.has_alpha(),
        );
    }

    /// Bytes the kernels read or write in plane `index`'s row for an image
    /// `width` pixels wide: whole blocks, no `'v210'` group padding.
    pub fn row_length(&self, index: usize, width: usize) -> Result<usize, ConvertError> {
        let plane = self.table_plane(index);
        plane
            .row_length(plane.width_for(width))
            .ok_or(ConvertError::Geometry(GeometryError::TooLarge))
    }

    /// Unpacks one image row. `plane_rows[p]` is the row of plane `p` that
    /// belongs to this image row (for 4:2:0 chroma, plane row `y / 2`; see
    /// `frame::plane_row`) and must hold at least [`RowCodec::row_length`]
    /// bytes. `out` is reshaped to the format's shape and overwritten.
    pub fn unpack(
        &self,
        plane_rows: &[&[u8]],
        width: usize,
        out: &mut IntermediateRow,
    ) -> Result<(), ConvertError> {
        self.check_plane_count(plane_rows.len())?;
        for (index, row) in plane_rows.iter().enumerate() {
            self.check_row(index, row.len(), width)?;
        }
        self.shape_row(out, width);
        for (index, (codec, row)) in self.info.spec.planes.iter().zip(plane_rows).enumerate() {
            unpack_plane(codec, row, self.samples(codec, index, width), out);
        }
        Ok(())
    }

    /// Packs one image row into `plane_rows` (one row per plane, as for
    /// [`RowCodec::unpack`]). `inp` must have this format's colour model,
    /// `width` and chroma width; alpha may be absent (opaque alpha is
    /// written). Codes are rounded to nearest (ties away from zero) and
    /// clamped to each channel's code range; unused bits and samples past
    /// the image are written as 0; bytes after the row length are not
    /// touched.
    ///
    /// An empty row for a vertically subsampled plane (4:2:0 chroma) means
    /// "not this image row": the plane row is written by the first image
    /// row of its pair, from that row's chroma channels.
    pub fn pack(
        &self,
        inp: &IntermediateRow,
        width: usize,
        plane_rows: &mut [&mut [u8]],
    ) -> Result<(), ConvertError> {
        self.check_plane_count(plane_rows.len())?;
        let info = &self.info;
        if !inp.has_shape(info.model, width, info.chroma_width(width)) {
            return Err(ConvertError::RowShape);
        }
        let alpha_fill = if inp.has_alpha() {
            None
        } else {
            info.opaque_alpha()
        };
        for (index, row) in plane_rows.iter().enumerate() {
            if !self.skipped(index, row.len()) {
                self.check_row(index, row.len(), width)?;
            }
        }
        for (index, (codec, row)) in info.spec.planes.iter().zip(plane_rows).enumerate() {
            if !self.skipped(index, row.len()) {
                pack_plane(
                    codec,
                    inp,
                    alpha_fill,
                    self.samples(codec, index, width),
                    row,
                );
            }
        }
        Ok(())
    }

    fn table_plane(&self, index: usize) -> &'static Plane {
        &self.info.format.planes()[index]
    }

    /// Plane samples for interleaved and word planes, pixels for pair planes.
    fn samples(&self, codec: &PlaneCodec, index: usize, width: usize) -> usize {
        match codec {
            PlaneCodec::Pairs422 { .. } | PlaneCodec::V210 => width,
            _ => self.table_plane(index).width_for(width),
        }
    }

    fn skipped(&self, index: usize, len: usize) -> bool {
        len == 0 && self.table_plane(index).v_subsampling > 1
    }

    fn check_plane_count(&self, given: usize) -> Result<(), ConvertError> {
        let expected = self.plane_count();
        if given == expected {
            Ok(())
        } else {
            Err(ConvertError::PlaneCount { expected, given })
        }
    }

    fn check_row(&self, plane: usize, given: usize, width: usize) -> Result<(), ConvertError> {
        let needed = self.row_length(plane, width)?;
        if given < needed {
            return Err(ConvertError::RowTooShort {
                plane,
                needed,
                given,
            });
        }
        Ok(())
    }
}

/// Unpacks one image row of `format`; see [`RowCodec::unpack`]. Looks the
/// format up on every call: drivers should build a [`RowCodec`] once.
pub fn unpack_row(
    format: &'static PixelFormat,
    plane_rows: &[&[u8]],
    width: usize,
    out: &mut IntermediateRow,
) -> Result<(), ConvertError> {
    RowCodec::new(format)?.unpack(plane_rows, width, out)
}

/// Packs one image row of `format`; see [`RowCodec::pack`].
pub fn pack_row(
    format: &'static PixelFormat,
    inp: &IntermediateRow,
    width: usize,
    plane_rows: &mut [&mut [u8]],
) -> Result<(), ConvertError> {
    RowCodec::new(format)?.pack(inp, width, plane_rows)
}
