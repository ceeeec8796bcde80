//! The CoreVideo colour attachment keys the core reads from decoded
//! attachments, by their exact strings (corevideo.md §7.2). One list, so the
//! colour-space and conversion code cannot disagree about a spelling.

pub const YCBCR_MATRIX: &str = "CVImageBufferYCbCrMatrix";
pub const COLOR_PRIMARIES: &str = "CVImageBufferColorPrimaries";
pub const TRANSFER_FUNCTION: &str = "CVImageBufferTransferFunction";
pub const GAMMA_LEVEL: &str = "CVImageBufferGammaLevel";
pub const CHROMA_LOCATION_TOP_FIELD: &str = "CVImageBufferChromaLocationTopField";
