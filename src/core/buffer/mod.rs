//! Pixel buffers without the memory: attribute validation and merging,
//! caller-supplied layouts, lock rules, edge filling and clean-aperture
//! maths. The shim (`capi::core_video`) owns the memory and the objects and
//! asks this module every question that has a rule behind it.

pub mod attributes;
pub mod clean_aperture;
pub mod fill;
pub mod lock;
pub mod pool;
pub mod resolve;

pub use attributes::{BufferFacts, PixelBufferAttributes, PlaneFacts, is_compatible};
pub use fill::{FillError, PlaneFill};
pub use lock::{LockError, LockKind, LockState};

use crate::core::pixel_format::{CallerPlane, GeometryError, PixelFormat, check_caller_planes};

/// Why an attribute dictionary was refused
/// (`kCVReturnInvalidPixelBufferAttributes`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AttributeError {
    #[error("pixel-buffer attributes must be a dictionary")]
    NotADictionary,
    #[error("attribute {key}: expected {expected}, found {found}")]
    WrongType {
        key: String,
        expected: &'static str,
        found: String,
    },
    #[error("attribute {key}: value out of range")]
    BadValue { key: String },
    #[error("attribute {key}: the dictionaries cannot all be satisfied")]
    Conflict { key: String },
    #[error("attribute {key} is required")]
    Missing { key: String },
}

/// Every failure of a pixel-buffer operation. The shim maps each to a
/// `CVReturn` (`capi::core_video::status`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Geometry(#[from] GeometryError),
    #[error(transparent)]
    Attributes(#[from] AttributeError),
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error("pixel format {0:#010x} is planar; use CVPixelBufferCreateWithPlanarBytes")]
    PlanarFormat(u32),
    #[error("pixel format {0:#010x} is not planar; use CVPixelBufferCreateWithBytes")]
    ChunkyFormat(u32),
    #[error("plane {plane}: {given:?} given, the format needs {expected:?} (width, height)")]
    PlaneSize {
        plane: usize,
        expected: (usize, usize),
        given: (usize, usize),
    },
    #[error("pixel format {0:#010x} cannot fill extended pixels")]
    Unfillable(u32),
    #[error(transparent)]
    Fill(#[from] FillError),
    /// A registered format's fill callback returned false.
    #[error("the fill-extended-pixels callback of {0:#010x} reported failure")]
    FillCallbackFailed(u32),
    #[error("out of memory")]
    OutOfMemory,
    /// Pool attributes refused (`kCVReturnInvalidPoolAttributes`).
    #[error("pool attributes: {0}")]
    PoolAttributes(AttributeError),
    /// Aux attributes of a pool allocation refused (`kCVReturnInvalidArgument`).
    #[error("aux attributes: {0}")]
    AuxAttributes(AttributeError),
    #[error("the pool already holds {threshold} or more buffers")]
    WouldExceedAllocationThreshold { threshold: usize },
}

/// `CVAttachmentMode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AttachmentMode {
    /// `kCVAttachmentMode_ShouldNotPropagate` (0).
    ShouldNotPropagate,
    /// `kCVAttachmentMode_ShouldPropagate` (1).
    ShouldPropagate,
}

impl TryFrom<u32> for AttachmentMode {
    type Error = ();
    fn try_from(mode: u32) -> Result<Self, ()> {
        match mode {
            0 => Ok(AttachmentMode::ShouldNotPropagate),
            1 => Ok(AttachmentMode::ShouldPropagate),
            _ => Err(()),
        }
    }
}

impl AttachmentMode {
    pub const fn raw(self) -> u32 {
        match self {
            AttachmentMode::ShouldNotPropagate => 0,
            AttachmentMode::ShouldPropagate => 1,
        }
    }
}

/// The geometry of caller-provided memory, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallerLayout {
    pub planes: Vec<CallerPlane>,
    /// `CVPixelBufferGetBytesPerRow`: the stride for chunky buffers,
    /// `ceil(Σ stride × plane height ÷ height)` for planar ones, the same
    /// rule as for buffers pixelport allocates.
    pub bytes_per_row: usize,
}

/// Checks the arguments of `CVPixelBufferCreateWithBytes` (`plane_sizes`
/// `None`, one stride) or `…WithPlanarBytes` (`plane_sizes` = the caller's
/// plane widths and heights, one stride per plane).
///
/// Rules: `…WithBytes` takes chunky formats only and `…WithPlanarBytes`
/// planar ones (else [`Error::PlanarFormat`] / [`Error::ChunkyFormat`]);
/// strides must hold a row of whole blocks (`check_caller_planes`); the
/// caller's plane sizes must be exactly the format's (odd sizes round
/// chroma up), because consumers size their reads from them.
pub fn caller_layout(
    format: &PixelFormat,
    width: usize,
    height: usize,
    strides: &[usize],
    plane_sizes: Option<&[(usize, usize)]>,
) -> Result<CallerLayout, Error> {
    match (plane_sizes.is_some(), format.is_planar()) {
        (false, true) => return Err(Error::PlanarFormat(format.code)),
        (true, false) => return Err(Error::ChunkyFormat(format.code)),
        _ => {}
    }
    let planes = check_caller_planes(format, width, height, strides)?;
    if let Some(sizes) = plane_sizes {
        if sizes.len() != planes.len() {
            return Err(GeometryError::PlaneCount {
                expected: planes.len(),
                given: sizes.len(),
            }
            .into());
        }
        for (index, (plane, &given)) in planes.iter().zip(sizes).enumerate() {
            let expected = (plane.width, plane.height);
            if given != expected {
                return Err(Error::PlaneSize {
                    plane: index,
                    expected,
                    given,
                });
            }
        }
    }
    let bytes_per_row = if planes.len() > 1 {
        let mut spanned: usize = 0;
        for plane in &planes {
            spanned = plane
                .bytes_per_row
                .checked_mul(plane.height)
                .and_then(|bytes| spanned.checked_add(bytes))
                .ok_or(GeometryError::TooLarge)?;
        }
        spanned.div_ceil(height)
    } else {
        planes[0].bytes_per_row
    };
    Ok(CallerLayout {
        planes,
        bytes_per_row,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::pixel_format::fourcc;

    fn format(code: &[u8; 4]) -> &'static PixelFormat {
        PixelFormat::find(fourcc(code)).unwrap()
    }

    #[test]
    fn attachment_modes() {
        assert_eq!(
            AttachmentMode::try_from(0),
            Ok(AttachmentMode::ShouldNotPropagate)
        );
        assert_eq!(
            AttachmentMode::try_from(1),
            Ok(AttachmentMode::ShouldPropagate)
        );
        assert_eq!(AttachmentMode::try_from(2), Err(()));
        assert_eq!(AttachmentMode::ShouldPropagate.raw(), 1);
    }

    #[test]
    fn chunky_caller_memory() {
        let l = caller_layout(format(b"BGRA"), 3, 2, &[12], None).unwrap();
        assert_eq!(l.bytes_per_row, 12);
        assert_eq!(l.planes[0].span, 24);
        assert_eq!(
            caller_layout(format(b"BGRA"), 3, 2, &[11], None),
            Err(Error::Geometry(GeometryError::RowTooShort {
                plane: 0,
                minimum: 12,
                given: 11
            }))
        );
        assert_eq!(
            caller_layout(format(b"420v"), 4, 4, &[4], None),
            Err(Error::PlanarFormat(fourcc(b"420v")))
        );
        assert_eq!(
            caller_layout(format(b"BGRA"), 0, 2, &[12], None),
            Err(Error::Geometry(GeometryError::ZeroSize))
        );
    }

    #[test]
    fn planar_caller_memory() {
        let nv12 = format(b"420v");
        let l = caller_layout(nv12, 3, 3, &[4, 4], Some(&[(3, 3), (2, 2)])).unwrap();
        // (4×3 + 4×2) / 3 rounded up.
        assert_eq!(l.bytes_per_row, 7);
        assert_eq!(
            caller_layout(nv12, 3, 3, &[4, 4], Some(&[(3, 3), (1, 1)])),
            Err(Error::PlaneSize {
                plane: 1,
                expected: (2, 2),
                given: (1, 1)
            })
        );
        assert_eq!(
            caller_layout(nv12, 3, 3, &[4], Some(&[(3, 3)])),
            Err(Error::Geometry(GeometryError::PlaneCount {
                expected: 2,
                given: 1
            }))
        );
        assert_eq!(
            caller_layout(format(b"BGRA"), 3, 3, &[12], Some(&[(3, 3)])),
            Err(Error::ChunkyFormat(fourcc(b"BGRA")))
        );
        assert!(matches!(
            caller_layout(nv12, 3, 3, &[usize::MAX / 2, 4], Some(&[(3, 3), (2, 2)])),
            Err(Error::Geometry(GeometryError::TooLarge))
        ));
    }
}
