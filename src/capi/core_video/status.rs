//! The one table from core errors to `CVReturn` codes.

use super::types::{
    CVReturn, kCVReturnAllocationFailed, kCVReturnError, kCVReturnInvalidArgument,
    kCVReturnInvalidPixelBufferAttributes, kCVReturnInvalidPixelFormat,
    kCVReturnInvalidPoolAttributes, kCVReturnInvalidSize, kCVReturnUnsupported,
    kCVReturnWouldExceedAllocationThreshold,
};
use crate::core::buffer::Error;
use crate::core::pixel_format::GeometryError;

/// The `CVReturn` for a failed pixel-buffer operation.
pub fn cv_return(error: &Error) -> CVReturn {
    match error {
        Error::Geometry(geometry) => match geometry {
            GeometryError::UnknownFormat(_) | GeometryError::Compressed(_) => {
                kCVReturnInvalidPixelFormat
            }
            GeometryError::ZeroSize | GeometryError::TooLarge => kCVReturnInvalidSize,
            GeometryError::PlaneCount { .. } | GeometryError::RowTooShort { .. } => {
                kCVReturnInvalidArgument
            }
        },
        Error::Attributes(_) => kCVReturnInvalidPixelBufferAttributes,
        Error::Lock(_) => kCVReturnInvalidArgument,
        Error::PlanarFormat(_) | Error::ChunkyFormat(_) => kCVReturnInvalidPixelFormat,
        Error::PlaneSize { .. } => kCVReturnInvalidArgument,
        Error::Unfillable(_) => kCVReturnUnsupported,
        // Only reachable if a layout and its memory disagree.
        Error::Fill(_) => kCVReturnUnsupported,
        // The callback says only that it failed.
        Error::FillCallbackFailed(_) => kCVReturnError,
        Error::OutOfMemory => kCVReturnAllocationFailed,
        Error::PoolAttributes(_) => kCVReturnInvalidPoolAttributes,
        // Aux attributes are a per-call argument, not the pool's attributes.
        Error::AuxAttributes(_) => kCVReturnInvalidArgument,
        Error::WouldExceedAllocationThreshold { .. } => kCVReturnWouldExceedAllocationThreshold,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::buffer::{AttributeError, FillError, LockError, LockKind};

    #[test]
    fn every_variant_has_its_code() {
        let cases: Vec<(Error, CVReturn)> = vec![
            (GeometryError::UnknownFormat(7).into(), -6680),
            (GeometryError::Compressed(7).into(), -6680),
            (GeometryError::ZeroSize.into(), -6681),
            (GeometryError::TooLarge.into(), -6681),
            (
                GeometryError::PlaneCount {
                    expected: 2,
                    given: 1,
                }
                .into(),
                -6661,
            ),
            (
                GeometryError::RowTooShort {
                    plane: 0,
                    minimum: 4,
                    given: 3,
                }
                .into(),
                -6661,
            ),
            (AttributeError::NotADictionary.into(), -6682),
            (
                AttributeError::Conflict {
                    key: "Width".into(),
                }
                .into(),
                -6682,
            ),
            (LockError::NotLocked(LockKind::ReadOnly).into(), -6661),
            (LockError::UnknownFlags(2).into(), -6661),
            (Error::PlanarFormat(1), -6680),
            (Error::ChunkyFormat(1), -6680),
            (
                Error::PlaneSize {
                    plane: 1,
                    expected: (1, 1),
                    given: (2, 2),
                },
                -6661,
            ),
            (Error::Unfillable(1), -6663),
            (FillError::Geometry.into(), -6663),
            (Error::FillCallbackFailed(1), -6660),
            (Error::OutOfMemory, -6662),
            (
                AttributeError::Missing {
                    key: "Width".into(),
                }
                .into(),
                -6682,
            ),
            (Error::PoolAttributes(AttributeError::NotADictionary), -6691),
            (Error::AuxAttributes(AttributeError::NotADictionary), -6661),
            (
                Error::WouldExceedAllocationThreshold { threshold: 2 },
                -6689,
            ),
        ];
        for (error, code) in cases {
            assert_eq!(cv_return(&error), code, "{error:?}");
        }
    }
}
