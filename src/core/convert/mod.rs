//! Any-to-any pixel conversion: VTPixelTransferSession's general path.
//!
//! The path is unpack source rows → intermediate rows → (chroma resampling,
//! colour maths) → pack destination rows. [`io`] is the first and last step:
//! it turns the rows of every supported pixel format into
//! [`io::IntermediateRow`]s of code values and back, and knows nothing about
//! colour.

pub mod io;
