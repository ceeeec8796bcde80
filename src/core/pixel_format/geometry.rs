//! Buffer geometry: plane sizes, strides and offsets of one pixel-buffer
//! allocation, computed from the format table.
//!
//! Rules (Apple documents none of the defaults; see `docs/pixel-formats.md`):
//! - Plane sizes: a plane is `ceil(width / h_subsampling)` samples by
//!   `ceil(height / v_subsampling)` rows — odd image sizes round chroma up.
//! - Rows: whole blocks, a whole multiple of the format's block alignment
//!   (`'v210'`: 8 blocks), then rounded up to the row alignment. The row
//!   alignment is 64 bytes (observed on current macOS, behavior-notes F35);
//!   a `kCVPixelBufferBytesPerRowAlignmentKey` value `a` makes it
//!   `lcm(64, a)`, so a request never lowers the default and a
//!   non-power-of-two request is still honoured literally.
//! - Planes: each plane starts at a multiple of the plane alignment:
//!   `lcm(64, kCVPixelBufferPlaneAlignmentKey, row alignment)`, so every row
//!   of every plane starts row-aligned. Formats with a big-endian
//!   `CVPlanarPixelBufferInfo_*` descriptor keep it at offset 0 and their
//!   first plane at the next plane-aligned offset.
//! - Extended pixels: each plane gets the image extension divided by its
//!   subsampling (rounded up); the left extension is rounded up to whole
//!   blocks so that the base address of the plane (its first non-extended
//!   sample) starts a block. Rows include the extension.
//! - The buffer-level bytes-per-row of a planar buffer is
//!   `ceil(Σ plane bytes-per-row × plane height / image height)`: for
//!   `'420v'` it is 1.5 × the luma stride, as printed by macOS (behavior-notes
//!   38), and it satisfies the header's "bytesPerRow × height spans all
//!   planes" up to extension and alignment gaps.
//!
//! Every computation is checked; results larger than `isize::MAX` bytes (the
//! most Rust can allocate) are [`GeometryError::TooLarge`].

use super::{PixelFormat, PlanarInfo, Plane};

/// Row alignment without a `kCVPixelBufferBytesPerRowAlignmentKey` attribute.
pub const DEFAULT_ROW_ALIGNMENT: usize = 64;
/// Plane alignment without a `kCVPixelBufferPlaneAlignmentKey` attribute.
pub const DEFAULT_PLANE_ALIGNMENT: usize = 64;

/// Why a buffer geometry cannot be built. The C shim maps these to
/// `CVReturn` codes: `UnknownFormat`/`Compressed` → `kCVReturnInvalidPixelFormat`,
/// `ZeroSize`/`TooLarge` → `kCVReturnInvalidSize`, `PlaneCount`/`RowTooShort`
/// → `kCVReturnInvalidArgument`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GeometryError {
    #[error("pixel format {0:#010x} is not a CoreVideo pixel format")]
    UnknownFormat(u32),
    #[error("pixel format {0:#010x} is device-compressed and cannot be created")]
    Compressed(u32),
    #[error("width and height must be non-zero")]
    ZeroSize,
    #[error("buffer geometry overflows")]
    TooLarge,
    #[error("{given} planes given, the format has {expected}")]
    PlaneCount { expected: usize, given: usize },
    #[error("plane {plane}: {given} bytes per row, at least {minimum} needed")]
    RowTooShort {
        plane: usize,
        minimum: usize,
        given: usize,
    },
}

/// Padding around the image, in image pixels (attributes) or plane samples
/// ([`PlaneLayout::extended`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ExtendedPixels {
    pub left: usize,
    pub right: usize,
    pub top: usize,
    pub bottom: usize,
}

/// The allocation-related pixel-buffer attributes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LayoutOptions {
    /// `kCVPixelBufferBytesPerRowAlignmentKey`; 0 when absent.
    pub bytes_per_row_alignment: usize,
    /// `kCVPixelBufferPlaneAlignmentKey`; 0 when absent.
    pub plane_alignment: usize,
    /// `kCVPixelBufferExtendedPixels{Left,Right,Top,Bottom}Key`.
    pub extended: ExtendedPixels,
}

/// One plane of an allocated buffer. Offsets count from the start of the allocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PlaneLayout {
    /// Samples across (`CVPixelBufferGetWidthOfPlane`).
    pub width: usize,
    /// Rows (`CVPixelBufferGetHeightOfPlane`).
    pub height: usize,
    /// Stride, extension included (`CVPixelBufferGetBytesPerRowOfPlane`).
    pub bytes_per_row: usize,
    /// The plane's base address: its first non-extended sample.
    pub offset: usize,
    /// Start of the plane's memory, extended rows and columns included.
    pub region_offset: usize,
    /// `bytes_per_row × (top + height + bottom)`.
    pub region_size: usize,
    /// Bytes holding one image row in whole blocks (no extension, no padding).
    pub row_length: usize,
    /// The extension of this plane, in samples and rows.
    pub extended: ExtendedPixels,
}

/// The geometry of one pixel-buffer allocation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BufferLayout {
    pub width: usize,
    pub height: usize,
    /// More than one plane (`CVPixelBufferIsPlanar`).
    pub planar: bool,
    /// At least one entry; chunky formats have exactly one.
    pub planes: Vec<PlaneLayout>,
    /// Descriptor at offset 0 (see [`BufferLayout::planar_info_bytes`]).
    pub planar_info: Option<PlanarInfo>,
    /// `CVPixelBufferGetBytesPerRow`: plane 0's stride for chunky formats,
    /// the rule in the module docs for planar ones.
    pub bytes_per_row: usize,
    /// Bytes from the start of the allocation to the end of the last plane
    /// (`CVPixelBufferGetDataSize`).
    pub data_size: usize,
    /// Effective row alignment in bytes.
    pub row_alignment: usize,
    /// Effective plane alignment in bytes (a multiple of `row_alignment`).
    pub plane_alignment: usize,
    /// Alignment the allocation itself needs: the largest power of two
    /// dividing `plane_alignment` (≥ 64). Alignments that are not powers of
    /// two are honoured relative to the start of the allocation.
    pub allocation_alignment: usize,
}

impl BufferLayout {
    /// The `CVPlanarPixelBufferInfo_*` block for formats that have one: per
    /// plane a big-endian `int32_t` offset of the plane's base address from
    /// the descriptor (which sits at offset 0) and a big-endian `uint32_t`
    /// bytes-per-row. [`plane_layouts`] guarantees the values fit.
    pub fn planar_info_bytes(&self) -> Option<Vec<u8>> {
        let info = self.planar_info?;
        let mut bytes = Vec::with_capacity(info.size());
        for plane in &self.planes {
            bytes.extend_from_slice(&i32::try_from(plane.offset).ok()?.to_be_bytes());
            bytes.extend_from_slice(&u32::try_from(plane.bytes_per_row).ok()?.to_be_bytes());
        }
        Some(bytes)
    }
}

/// The format for `code` if a buffer of it can be created: unknown codes
/// and device-compressed formats are errors.
pub fn creatable_format(code: u32) -> Result<&'static PixelFormat, GeometryError> {
    let format = PixelFormat::find(code).ok_or(GeometryError::UnknownFormat(code))?;
    if format.is_compressed() {
        return Err(GeometryError::Compressed(code));
    }
    Ok(format)
}

/// Computes the geometry of a `width` × `height` buffer of `format` in one
/// allocation, following the rules in the module docs.
pub fn plane_layouts(
    format: &PixelFormat,
    width: usize,
    height: usize,
    options: &LayoutOptions,
) -> Result<BufferLayout, GeometryError> {
    use GeometryError::TooLarge;
    if format.is_compressed() {
        return Err(GeometryError::Compressed(format.code));
    }
    if width == 0 || height == 0 {
        return Err(GeometryError::ZeroSize);
    }
    let row_alignment = combine(DEFAULT_ROW_ALIGNMENT, options.bytes_per_row_alignment)?;
    let plane_alignment = lcm(
        combine(DEFAULT_PLANE_ALIGNMENT, options.plane_alignment)?,
        row_alignment,
    )
    .ok_or(TooLarge)?;
    let allocation_alignment = plane_alignment & plane_alignment.wrapping_neg();

    let mut cursor = format.planar_info.map_or(0, PlanarInfo::size);
    let mut planes = Vec::with_capacity(format.planes().len());
    for plane in format.planes() {
        let start = cursor
            .checked_next_multiple_of(plane_alignment)
            .ok_or(TooLarge)?;
        let layout = layout_plane(
            plane,
            width,
            height,
            &options.extended,
            row_alignment,
            start,
        )
        .ok_or(TooLarge)?;
        cursor = start.checked_add(layout.region_size).ok_or(TooLarge)?;
        planes.push(layout);
    }
    if cursor > isize::MAX as usize {
        return Err(TooLarge);
    }
    let planar = planes.len() > 1;
    let bytes_per_row = if planar {
        let mut spanned: usize = 0;
        for plane in &planes {
            let bytes = plane
                .bytes_per_row
                .checked_mul(plane.height)
                .ok_or(TooLarge)?;
            spanned = spanned.checked_add(bytes).ok_or(TooLarge)?;
        }
        spanned.div_ceil(height)
    } else {
        planes[0].bytes_per_row
    };
    // The descriptor's fields are int32_t offsets and uint32_t strides.
    if format.planar_info.is_some()
        && planes
            .iter()
            .any(|p| i32::try_from(p.offset).is_err() || u32::try_from(p.bytes_per_row).is_err())
    {
        return Err(TooLarge);
    }
    Ok(BufferLayout {
        width,
        height,
        planar,
        planes,
        planar_info: format.planar_info,
        bytes_per_row,
        data_size: cursor,
        row_alignment,
        plane_alignment,
        allocation_alignment,
    })
}

fn layout_plane(
    plane: &Plane,
    width: usize,
    height: usize,
    image_extension: &ExtendedPixels,
    row_alignment: usize,
    start: usize,
) -> Option<PlaneLayout> {
    let h_sub = plane.h_subsampling as usize;
    let v_sub = plane.v_subsampling as usize;
    let bytes_per_block = plane.bytes_per_block as usize;
    let plane_width = plane.width_for(width);
    let plane_height = plane.height_for(height);
    let extended = ExtendedPixels {
        left: image_extension.left.div_ceil(h_sub),
        right: image_extension.right.div_ceil(h_sub),
        top: image_extension.top.div_ceil(v_sub),
        bottom: image_extension.bottom.div_ceil(v_sub),
    };
    // Left extension in whole blocks so the base address starts a block;
    // the image and the right extension share the blocks after it.
    let left_blocks = plane.blocks_for(extended.left);
    let right_blocks = plane.blocks_for(plane_width.checked_add(extended.right)?);
    let blocks = left_blocks
        .checked_add(right_blocks)?
        .checked_next_multiple_of(plane.block_alignment as usize)?;
    let bytes_per_row = blocks
        .checked_mul(bytes_per_block)?
        .checked_next_multiple_of(row_alignment)?;
    let rows = extended
        .top
        .checked_add(plane_height)?
        .checked_add(extended.bottom)?;
    let region_size = bytes_per_row.checked_mul(rows)?;
    let offset = start
        .checked_add(extended.top.checked_mul(bytes_per_row)?)?
        .checked_add(left_blocks.checked_mul(bytes_per_block)?)?;
    Some(PlaneLayout {
        width: plane_width,
        height: plane_height,
        bytes_per_row,
        offset,
        region_offset: start,
        region_size,
        row_length: plane.row_length(plane_width)?,
        extended,
    })
}

/// The default alignment combined with an optional request (0 = none).
fn combine(default: usize, requested: usize) -> Result<usize, GeometryError> {
    if requested == 0 {
        Ok(default)
    } else {
        lcm(default, requested).ok_or(GeometryError::TooLarge)
    }
}

fn gcd(mut a: usize, mut b: usize) -> usize {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Least common multiple of two non-zero values; `None` on overflow.
fn lcm(a: usize, b: usize) -> Option<usize> {
    (a / gcd(a, b)).checked_mul(b)
}

/// One plane of caller-provided memory (`CVPixelBufferCreateWithBytes`,
/// `…WithPlanarBytes`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CallerPlane {
    pub width: usize,
    pub height: usize,
    pub bytes_per_row: usize,
    /// Bytes of one image row in whole blocks.
    pub row_length: usize,
    /// Bytes the plane must span from its base address:
    /// `bytes_per_row × (height − 1) + row_length`.
    pub span: usize,
}

/// Checks caller-provided strides for a `width` × `height` buffer of
/// `format`: one stride per plane (one for chunky formats), each at least
/// the bytes of one image row in whole blocks. The format's block alignment
/// (`'v210'`'s 128-byte groups) is not required of caller memory, only the
/// bytes the pixels occupy.
pub fn check_caller_planes(
    format: &PixelFormat,
    width: usize,
    height: usize,
    bytes_per_row: &[usize],
) -> Result<Vec<CallerPlane>, GeometryError> {
    if format.is_compressed() {
        return Err(GeometryError::Compressed(format.code));
    }
    if width == 0 || height == 0 {
        return Err(GeometryError::ZeroSize);
    }
    let planes = format.planes();
    if planes.len() != bytes_per_row.len() {
        return Err(GeometryError::PlaneCount {
            expected: planes.len(),
            given: bytes_per_row.len(),
        });
    }
    let mut out = Vec::with_capacity(planes.len());
    for (index, (plane, &stride)) in planes.iter().zip(bytes_per_row).enumerate() {
        let plane_width = plane.width_for(width);
        let plane_height = plane.height_for(height);
        let row_length = plane
            .row_length(plane_width)
            .ok_or(GeometryError::TooLarge)?;
        if stride < row_length {
            return Err(GeometryError::RowTooShort {
                plane: index,
                minimum: row_length,
                given: stride,
            });
        }
        let span = stride
            .checked_mul(plane_height - 1)
            .and_then(|rows| rows.checked_add(row_length))
            .filter(|&span| span <= isize::MAX as usize)
            .ok_or(GeometryError::TooLarge)?;
        out.push(CallerPlane {
            width: plane_width,
            height: plane_height,
            bytes_per_row: stride,
            row_length,
            span,
        });
    }
    Ok(out)
}
