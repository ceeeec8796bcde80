//! Colour math shared by VTPixelTransferSession and vImage: every Y'CbCr
//! matrix, code range, transfer curve, set of primaries and chroma siting in
//! the crate lives here, once, with the source of each constant cited.
//!
//! - [`matrix`](self::matrix): Kr/Kb per `kCVImageBufferYCbCrMatrix_*`, normalised
//!   R'G'B' ⇄ Y'CbCr 3×3 matrices.
//! - [`range`](self::range): video/full range and float codings, code ⇄ normalised maps.
//! - [`ycbcr`](self::ycbcr): the two composed into code-to-code affine maps, plus the
//!   model's quantiser — the f64 reference every kernel is tested against.
//! - [`fixed`](self::fixed): integer coefficient sets derived from those maps, with the
//!   precision argument for 8-bit kernels.
//! - [`transfer`](self::transfer): the `kCVImageBufferTransferFunction_*` curves.
//! - [`primaries`](self::primaries): chromaticities, RGB→XYZ, RGB→RGB with Bradford adaptation.
//! - [`siting`](self::siting): chroma sample positions per `kCVImageBufferChromaLocation_*`.
//! - [`code_point`](self::code_point): ITU-T H.273 code points and the CoreVideo
//!   string ⇄ code-point function semantics.
//! - [`space`](self::space), [`space_name`](self::space_name): what a CGColorSpace
//!   describes (model, primaries, curve, range) and the names that create one.
//!
//! Pure f64 / integer arithmetic on typed values: nothing here panics, and
//! caller-supplied degenerate input (singular primaries, NaN) yields `None`
//! or NaN, never a crash.

pub mod attachment_keys;
pub mod code_point;
pub mod fixed;
pub mod linalg;
pub mod matrix;
pub mod primaries;
pub mod range;
pub mod siting;
pub mod space;
pub mod space_name;
pub mod transfer;
pub mod transfer_lut;
pub mod ycbcr;

pub use fixed::FixedAffine;
pub use linalg::{Affine3, Mat3, Vec3};
pub use matrix::{LumaCoefficients, YCbCrMatrix};
pub use primaries::{Chromaticities, ColorPrimaries, Xy};
pub use range::{BitDepth, Coding, Range};
pub use siting::{ChromaComponent, ChromaSiting, SampleOffset, Subsampling};
pub use space::ColorSpace;
pub use space_name::SpaceName;
pub use transfer::{ParametricCurve, TransferFunction};
