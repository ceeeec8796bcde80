//! Strided 2-D views over caller memory: what every vImage-style kernel
//! works on.
//!
//! A view is `height` rows of `row_len` elements, row `y` starting
//! `y * stride` elements into `data`. `width` counts pixels (an
//! interleaved pixel is several elements; a 1-, 2- or 4-bit pixel is a
//! fraction of one), so `row_len` is given explicitly rather than derived.
//! Construction checks that every row lies inside `data`, so row access
//! cannot go out of bounds afterwards.
//!
//! The shim (`capi::vimage::buffer`) builds these from `vImage_Buffer`s;
//! the views never alias: when a caller's source and destination memory
//! overlap, the shim copies the source first.

/// Why an image operation refused its arguments. Each maps to one
/// `vImage_Error` in the shim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    /// Buffers that must agree in size do not.
    #[error("buffer sizes do not match")]
    SizeMismatch,
    /// The destination needs source pixels that do not exist.
    #[error("region of interest larger than the source")]
    RoiLargerThanInput,
    /// A scalar argument is out of its domain.
    #[error("invalid parameter")]
    InvalidParameter,
    /// A convolution kernel is even-sized, empty or too large.
    #[error("invalid kernel size")]
    InvalidKernelSize,
    /// Not exactly one edge mode where one is required.
    #[error("invalid edge style")]
    InvalidEdgeStyle,
    /// Horizontal source offset outside the image.
    #[error("invalid x offset")]
    InvalidOffsetX,
    /// Vertical source offset outside the image.
    #[error("invalid y offset")]
    InvalidOffsetY,
    /// A temporary could not be allocated.
    #[error("out of memory")]
    OutOfMemory,
    /// The pair of formats is not converted.
    #[error("unsupported conversion")]
    UnsupportedConversion,
    /// A format description is invalid.
    #[error("invalid image format")]
    InvalidImageFormat,
}

/// Why a view could not be built over some memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ViewError {
    /// `stride` is shorter than a row.
    #[error("stride shorter than a row")]
    StrideTooSmall,
    /// The rows do not fit in the memory given (or their extent overflows).
    #[error("rows extend past the memory given")]
    TooShort,
}

/// Elements spanned by `height` rows of `row_len` elements `stride` apart:
/// `(height - 1) * stride + row_len`, or 0 for no rows. `None` on overflow.
pub fn extent(height: usize, row_len: usize, stride: usize) -> Option<usize> {
    match height {
        0 => Some(0),
        h => (h - 1).checked_mul(stride)?.checked_add(row_len),
    }
}

/// Checks the geometry and returns the stride to keep: a single row may
/// come with any stride (only its own length matters), and is then given
/// `row_len` so row iteration never sees a shorter step.
fn check(len: usize, height: usize, row_len: usize, stride: usize) -> Result<usize, ViewError> {
    let stride = if height <= 1 {
        stride.max(row_len)
    } else {
        stride
    };
    if stride < row_len {
        return Err(ViewError::StrideTooSmall);
    }
    match extent(height, row_len, stride) {
        Some(needed) if needed <= len => Ok(stride),
        _ => Err(ViewError::TooShort),
    }
}

/// A read-only strided view (copyable whatever `T` is: it is a borrow).
#[derive(Debug)]
pub struct Plane<'a, T> {
    data: &'a [T],
    width: usize,
    height: usize,
    row_len: usize,
    stride: usize,
}

impl<T> Clone for Plane<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Plane<'_, T> {}

impl<'a, T> Plane<'a, T> {
    /// A view of `height` rows of `row_len` elements, `stride` apart, over
    /// `data`; `width` is the pixel count those elements hold.
    pub fn new(
        data: &'a [T],
        width: usize,
        height: usize,
        row_len: usize,
        stride: usize,
    ) -> Result<Self, ViewError> {
        let stride = check(data.len(), height, row_len, stride)?;
        Ok(Plane {
            data,
            width,
            height,
            row_len,
            stride,
        })
    }

    /// A tightly packed view (`stride == row_len`).
    pub fn packed(
        data: &'a [T],
        width: usize,
        height: usize,
        row_len: usize,
    ) -> Result<Self, ViewError> {
        Plane::new(data, width, height, row_len, row_len)
    }

    pub fn width(&self) -> usize {
        self.width
    }
    pub fn height(&self) -> usize {
        self.height
    }
    /// Elements per row holding pixels.
    pub fn row_len(&self) -> usize {
        self.row_len
    }
    /// Elements from one row's start to the next.
    pub fn stride(&self) -> usize {
        self.stride
    }

    /// Row `y` (`y < height`), exactly `row_len` elements.
    pub fn row(&self, y: usize) -> &'a [T] {
        assert!(y < self.height, "row {y} of {}", self.height);
        &self.data[y * self.stride..][..self.row_len]
    }

    /// Every row, top to bottom.
    pub fn rows(&self) -> impl DoubleEndedIterator<Item = &'a [T]> + ExactSizeIterator + '_ {
        (0..self.height).map(move |y| self.row(y))
    }
}

/// A writable strided view. Elements between rows (the padding) are never
/// handed out, so kernels cannot touch them.
#[derive(Debug)]
pub struct PlaneMut<'a, T> {
    data: &'a mut [T],
    width: usize,
    height: usize,
    row_len: usize,
    stride: usize,
}

impl<'a, T> PlaneMut<'a, T> {
    /// See [`Plane::new`].
    pub fn new(
        data: &'a mut [T],
        width: usize,
        height: usize,
        row_len: usize,
        stride: usize,
    ) -> Result<Self, ViewError> {
        let stride = check(data.len(), height, row_len, stride)?;
        Ok(PlaneMut {
            data,
            width,
            height,
            row_len,
            stride,
        })
    }

    /// A tightly packed view (`stride == row_len`).
    pub fn packed(
        data: &'a mut [T],
        width: usize,
        height: usize,
        row_len: usize,
    ) -> Result<Self, ViewError> {
        PlaneMut::new(data, width, height, row_len, row_len)
    }

    pub fn width(&self) -> usize {
        self.width
    }
    pub fn height(&self) -> usize {
        self.height
    }
    pub fn row_len(&self) -> usize {
        self.row_len
    }
    pub fn stride(&self) -> usize {
        self.stride
    }

    /// Row `y` (`y < height`), exactly `row_len` elements.
    pub fn row_mut(&mut self, y: usize) -> &mut [T] {
        assert!(y < self.height, "row {y} of {}", self.height);
        &mut self.data[y * self.stride..][..self.row_len]
    }

    /// Row `y` for reading (`y < height`).
    pub fn row(&self, y: usize) -> &[T] {
        assert!(y < self.height, "row {y} of {}", self.height);
        &self.data[y * self.stride..][..self.row_len]
    }

    /// Every row, top to bottom, for writing.
    pub fn rows_mut(&mut self) -> impl Iterator<Item = &mut [T]> + '_ {
        let (row_len, height) = (self.row_len, self.height);
        let stride = self.stride.max(1);
        self.data
            .chunks_mut(stride)
            .take(height)
            .map(move |chunk| &mut chunk[..row_len])
    }

    /// A read-only view of the same rows.
    pub fn as_plane(&self) -> Plane<'_, T> {
        Plane {
            data: self.data,
            width: self.width,
            height: self.height,
            row_len: self.row_len,
            stride: self.stride,
        }
    }

    /// Reborrows for a shorter lifetime (to pass to a kernel and keep the view).
    pub fn reborrow(&mut self) -> PlaneMut<'_, T> {
        PlaneMut {
            data: self.data,
            width: self.width,
            height: self.height,
            row_len: self.row_len,
            stride: self.stride,
        }
    }
}

impl<T: Copy> PlaneMut<'_, T> {
    /// Sets every element of every row to `value` (padding untouched).
    pub fn fill(&mut self, value: T) {
        for row in self.rows_mut() {
            row.fill(value);
        }
    }
}

/// `Ok(())` when `a` and `b` have the same pixel size, else
/// [`ImageError::SizeMismatch`].
pub fn same_size<A, B>(a: &Plane<'_, A>, b: &PlaneMut<'_, B>) -> Result<(), ImageError> {
    if (a.width(), a.height()) == (b.width(), b.height()) {
        Ok(())
    } else {
        Err(ImageError::SizeMismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_bounded_by_row_len_and_stride() {
        let data: Vec<u8> = (0..20).collect();
        let p = Plane::new(&data, 3, 3, 3, 8).unwrap();
        assert_eq!(p.row(0), &[0, 1, 2]);
        assert_eq!(p.row(2), &[16, 17, 18]);
        assert_eq!(p.rows().count(), 3);
    }

    #[test]
    fn the_last_row_needs_no_padding() {
        let data = [0u8; 19];
        assert!(Plane::new(&data, 3, 3, 3, 8).is_ok());
        assert_eq!(
            Plane::new(&data[..18], 3, 3, 3, 8).unwrap_err(),
            ViewError::TooShort
        );
    }

    #[test]
    fn short_strides_and_overflow_are_refused() {
        let data = [0u8; 64];
        assert_eq!(
            Plane::new(&data, 4, 2, 4, 3).unwrap_err(),
            ViewError::StrideTooSmall
        );
        // One row may have any stride: only its own length matters.
        assert!(Plane::new(&data, 4, 1, 4, 0).is_ok());
        assert_eq!(
            Plane::new(&data, 1, usize::MAX, 1, 2).unwrap_err(),
            ViewError::TooShort
        );
        assert_eq!(extent(usize::MAX, 1, 2), None);
        assert_eq!(extent(0, 5, 9), Some(0));
    }

    #[test]
    fn writes_never_reach_the_padding() {
        let mut data = [9u8; 10];
        let mut p = PlaneMut::new(&mut data, 2, 3, 2, 4).unwrap();
        p.fill(1);
        assert_eq!(p.as_plane().row(1), &[1, 1]);
        assert_eq!(data, [1, 1, 9, 9, 1, 1, 9, 9, 1, 1]);
    }

    #[test]
    fn size_agreement() {
        let a = [0u8; 4];
        let mut b = [0u8; 4];
        let pa = Plane::packed(&a, 2, 2, 2).unwrap();
        let pb = PlaneMut::packed(&mut b, 2, 2, 2).unwrap();
        assert!(same_size(&pa, &pb).is_ok());
        let pc = PlaneMut::packed(&mut b, 4, 1, 4).unwrap();
        assert_eq!(same_size(&pa, &pc), Err(ImageError::SizeMismatch));
    }
}
