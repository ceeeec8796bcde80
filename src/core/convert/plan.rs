//! The conversion request and its validated plan: every decision a
//! transfer needs, taken once per (source format, destination format,
//! colour tags, session properties), before any pixel is touched.
//!
//! # Decisions (Apple documents none of these; see behavior-notes §B, §C)
//!
//! - **Formats.** Any of the 66 formats `convert::io` reads converts to any
//!   other, except that the generic two-component formats (`'2C08'`,
//!   `'2C16'`, `'2C0h'`, `'2C0f'`) convert only among themselves
//!   ([`ConvertError::UnsupportedPair`]): two generic components carry no
//!   colour. Other formats are [`ConvertError::Unsupported`].
//! - **Range** always comes from the pixel format (`'420v'` vs `'420f'`),
//!   never from an attachment (behavior-notes 14).
//! - **Source matrix.** The source's `kCVImageBufferYCbCrMatrixKey`; when
//!   it has none, [`DEFAULT_MATRIX`] (BT.709) whatever the size — Apple's
//!   sample code treats everything not tagged 601 as 709 (behavior-notes 13),
//!   cameras and decoders tag 709 (behavior-notes 17), and a size rule
//!   would be ambiguous once source and destination sizes differ.
//! - **Destination matrix.** `DestinationYCbCrMatrix` if set, else the
//!   source's matrix (tagged or default). A matrix change alone is not
//!   colour matching: it goes Y'CbCr → R'G'B' → Y'CbCr on gamma-encoded
//!   values.
//! - **Gray** (`'L008'`, `'b16g'`, …) is Y' with neutral chroma: gray →
//!   R'G'B' replicates it, gray ⇄ Y'CbCr keeps Y' and drops or zeroes the
//!   chroma, R'G'B' → gray is the destination matrix's luma (the
//!   destination matrix as above; BT.709 by default). Gray uses the full
//!   code range of its format.
//! - **Colour matching** happens only when `DestinationColorPrimaries` or
//!   `DestinationTransferFunction` is set and differs from the source's
//!   tag (behavior-notes 12); `ITU_R_2020` and `ITU_R_709_2` transfer
//!   functions are the same curve (behavior-notes 16). Matching needs the
//!   source's primaries and transfer function, and for a Y'CbCr source its
//!   matrix (Technical Q&A QA1839); a missing one — including a missing tag
//!   that a set property has to be compared with — is
//!   [`ConvertError::InsufficientSourceColorData`]. The property left
//!   unset takes the source's value. Two-component formats ignore the
//!   colour properties. A `UseGamma` transfer arrives as
//!   `TransferFunction::Gamma(level)` with the `kCVImageBufferGammaLevelKey`
//!   value folded in (`TransferFunction::from_cv_string`); `UseGamma`
//!   without a valid level is an unknown (missing) transfer function.
//! - **Source chroma siting** (subsampled sources): the
//!   `kCVImageBufferChromaLocationTopFieldKey` value; when absent,
//!   [`DEFAULT_SITING`] ("Left": MPEG-2/H.264's default for 4:2:0, what
//!   cameras tag). Frames are progressive: the bottom-field location is not
//!   used.
//! - **Destination chroma siting** (subsampled destinations): the source's
//!   siting when the source is subsampled, else "Left"; with
//!   `DownsamplingMode` Average it is centred in each direction where chroma
//!   is actually downsampled (`ChromaSiting::centred`, the header's
//!   "default center"): RGB or 4:4:4 → 4:2:0 gives "Center", 4:2:2 "Left"
//!   → 4:2:0 gives "Left". When no chroma is downsampled the mode is
//!   ignored (as the header says) and Decimate's rule applies.
//! - **Alpha** is carried through, rescaled between depths and codings
//!   (`'v408'`'s video-coded alpha, XR alpha); a source without alpha is
//!   opaque. Premultiplied colour (`'w40m'`) is unpremultiplied before any
//!   colour work and premultiplied again for a premultiplied destination;
//!   `'w40m'` → `'w40m'` without colour matching copies the premultiplied
//!   values. Dropping alpha never composites: the destination gets the
//!   straight colour.

use super::colour_stage::{ColourKind, ColourStage, MatchingTags};
use super::fast::{FastKernel, FastPath};
use super::io::{ColorModel, ConvertError, FormatInfo};
use crate::core::color::{ChromaSiting, ColorPrimaries, TransferFunction, YCbCrMatrix};
use crate::core::pixel_format::{Alpha, PixelFormat};
use crate::core::property::Value;

/// The matrix used for a Y'CbCr source without a matrix tag.
pub const DEFAULT_MATRIX: YCbCrMatrix = YCbCrMatrix::Bt709;

/// The chroma siting assumed for a subsampled source without a
/// chroma-location tag.
pub const DEFAULT_SITING: ChromaSiting = ChromaSiting::Left;

/// `kVTPixelTransferPropertyKey_DownsamplingMode`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DownsamplingMode {
    /// `kVTDownsamplingMode_Decimate` (the default).
    #[default]
    Decimate,
    /// `kVTDownsamplingMode_Average`.
    Average,
}

impl DownsamplingMode {
    pub const ALL: [DownsamplingMode; 2] = [DownsamplingMode::Decimate, DownsamplingMode::Average];

    /// The `kVTDownsamplingMode_*` string.
    pub fn name(self) -> &'static str {
        match self {
            DownsamplingMode::Decimate => "Decimate",
            DownsamplingMode::Average => "Average",
        }
    }

    pub fn from_name(s: &str) -> Option<DownsamplingMode> {
        DownsamplingMode::ALL.into_iter().find(|m| m.name() == s)
    }
}

/// The colour attachments of the source buffer, already parsed
/// (`from_cv_string` of each `core::color` type). `None` = not attached
/// (or not understood).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SourceColor {
    /// `kCVImageBufferYCbCrMatrixKey`.
    pub matrix: Option<YCbCrMatrix>,
    /// `kCVImageBufferColorPrimariesKey`.
    pub primaries: Option<ColorPrimaries>,
    /// `kCVImageBufferTransferFunctionKey`, with `UseGamma`'s
    /// `kCVImageBufferGammaLevelKey` folded into `TransferFunction::Gamma`.
    pub transfer: Option<TransferFunction>,
    /// `kCVImageBufferChromaLocationTopFieldKey`.
    pub chroma_siting: Option<ChromaSiting>,
}

impl SourceColor {
    /// The tags from decoded attachment values (`None` = not attached); a
    /// string CoreVideo does not define counts as absent, and `UseGamma`
    /// takes `gamma_level` (`TransferFunction::from_cv_string`).
    pub fn from_attachments(
        matrix: Option<&Value>,
        primaries: Option<&Value>,
        transfer: Option<&Value>,
        gamma_level: Option<&Value>,
        chroma_location: Option<&Value>,
    ) -> SourceColor {
        let gamma = gamma_level.and_then(Value::as_finite_f64);
        SourceColor {
            matrix: matrix
                .and_then(Value::as_str)
                .and_then(YCbCrMatrix::from_cv_string),
            primaries: primaries
                .and_then(Value::as_str)
                .and_then(ColorPrimaries::from_cv_string),
            transfer: transfer
                .and_then(Value::as_str)
                .and_then(|s| TransferFunction::from_cv_string(s, gamma)),
            chroma_siting: chroma_location
                .and_then(Value::as_str)
                .and_then(ChromaSiting::from_cv_string),
        }
    }
}

/// The session's destination colour properties; `None` = not set.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DestinationColor {
    /// `kVTPixelTransferPropertyKey_DestinationYCbCrMatrix`.
    pub matrix: Option<YCbCrMatrix>,
    /// `kVTPixelTransferPropertyKey_DestinationColorPrimaries`.
    pub primaries: Option<ColorPrimaries>,
    /// `kVTPixelTransferPropertyKey_DestinationTransferFunction`.
    pub transfer: Option<TransferFunction>,
}

/// Everything a conversion depends on besides the pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ConversionRequest {
    pub source: &'static PixelFormat,
    pub destination: &'static PixelFormat,
    pub source_color: SourceColor,
    pub destination_color: DestinationColor,
    pub downsampling: DownsamplingMode,
}

impl ConversionRequest {
    /// A request with no tags, no properties and Decimate.
    pub fn new(source: &'static PixelFormat, destination: &'static PixelFormat) -> Self {
        ConversionRequest {
            source,
            destination,
            source_color: SourceColor::default(),
            destination_color: DestinationColor::default(),
            downsampling: DownsamplingMode::default(),
        }
    }
}

/// Where a matrix came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MatrixOrigin {
    /// The source's `kCVImageBufferYCbCrMatrixKey`.
    SourceTag,
    /// `kVTPixelTransferPropertyKey_DestinationYCbCrMatrix`.
    Property,
    /// [`DEFAULT_MATRIX`]: nothing said which.
    Default,
}

/// One side's chroma layout: subsampling and siting.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct ChromaLayout {
    /// (horizontal, vertical) subsampling, 1 or 2 each.
    pub subsampling: (u32, u32),
    pub siting: ChromaSiting,
    /// Destination only: the filter that brings full-resolution chroma to
    /// this layout, per direction (horizontal, vertical) — Average only
    /// where Average was asked for and chroma is downsampled there.
    pub filters: (DownsamplingMode, DownsamplingMode),
}

/// A validated conversion: the decisions of the module docs, resolved.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ConversionPlan {
    pub(crate) request: ConversionRequest,
    pub(crate) source: FormatInfo,
    pub(crate) destination: FormatInfo,
    source_matrix: (YCbCrMatrix, MatrixOrigin),
    destination_matrix: (YCbCrMatrix, MatrixOrigin),
    pub(crate) matching: Option<MatchingTags>,
    pub(crate) colour: ColourStage,
    /// Chroma layout of a source with Cb/Cr planes (not gray).
    pub(crate) source_chroma: Option<ChromaLayout>,
    /// Chroma layout of a destination with Cb/Cr planes.
    pub(crate) destination_chroma: Option<ChromaLayout>,
    /// Unpremultiply the source / premultiply for the destination.
    pub(crate) unpremultiply: bool,
    pub(crate) premultiply: bool,
    /// The direct row kernel for this pair, if one applies (`fast`).
    pub(crate) fast: Option<FastKernel>,
}

impl ConversionPlan {
    /// Validates `request` and takes every decision (module docs).
    pub fn new(request: &ConversionRequest) -> Result<ConversionPlan, ConvertError> {
        let source = FormatInfo::new(request.source)?;
        let destination = FormatInfo::new(request.destination)?;
        let generic = |i: &FormatInfo| i.model == ColorModel::TwoComponent;
        if generic(&source) != generic(&destination) {
            return Err(ConvertError::UnsupportedPair {
                from: request.source.code,
                to: request.destination.code,
            });
        }
        let tags = request.source_color;
        let props = request.destination_color;

        let source_matrix = match tags.matrix {
            Some(m) => (m, MatrixOrigin::SourceTag),
            None => (DEFAULT_MATRIX, MatrixOrigin::Default),
        };
        let destination_matrix = match props.matrix {
            Some(m) => (m, MatrixOrigin::Property),
            None => source_matrix,
        };

        let matching = if generic(&source) {
            None
        } else {
            matching_tags(&tags, &props, source.model == ColorModel::YCbCr)?
        };

        let kind = |info: &FormatInfo, own_matrix: YCbCrMatrix| match info.model {
            ColorModel::Rgb => ColourKind::Rgb,
            ColorModel::YCbCr => ColourKind::YCbCr(own_matrix),
            // Gray is Y'CbCr with neutral chroma under the other side's
            // matrix (module docs).
            ColorModel::Gray => ColourKind::YCbCr(destination_matrix.0),
            ColorModel::TwoComponent => ColourKind::Generic,
        };
        let colour = ColourStage::new(
            kind(&source, source_matrix.0),
            kind(&destination, destination_matrix.0),
            matching,
        );

        let (source_chroma, destination_chroma) = chroma_layouts(
            &source,
            &destination,
            tags.chroma_siting,
            request.downsampling,
        );

        let premultiplied = |i: &FormatInfo| i.alpha == Alpha::Premultiplied;
        let keep_premultiplied =
            premultiplied(&source) && premultiplied(&destination) && colour.is_identity();
        let unpremultiply = premultiplied(&source) && !keep_premultiplied;
        let premultiply = premultiplied(&destination) && !keep_premultiplied;
        let fast = FastKernel::select(
            &source,
            &destination,
            colour.is_identity() && !unpremultiply && !premultiply,
            matching.is_some(),
            source_chroma,
            source_matrix.0,
        );
        Ok(ConversionPlan {
            request: *request,
            source,
            destination,
            source_matrix,
            destination_matrix,
            matching,
            colour,
            source_chroma,
            destination_chroma,
            unpremultiply,
            premultiply,
            fast,
        })
    }

    pub fn request(&self) -> &ConversionRequest {
        &self.request
    }

    /// The direct row kernel `convert` uses for this plan, `None` for the
    /// general path (see `convert::fast` for what qualifies).
    pub fn fast_path(&self) -> Option<FastPath> {
        self.fast.map(|k| k.path())
    }

    /// The matrix the source's Y'CbCr is read with, and where it came from;
    /// `None` for sources that are not Y'CbCr.
    pub fn source_matrix(&self) -> Option<(YCbCrMatrix, MatrixOrigin)> {
        (self.source.model == ColorModel::YCbCr).then_some(self.source_matrix)
    }

    /// The matrix of the destination's Y'CbCr (or gray, whose luma it
    /// weighs), and where it came from; `None` for RGB and two-component
    /// destinations. The attachment stage tags Y'CbCr destinations with it.
    pub fn destination_matrix(&self) -> Option<(YCbCrMatrix, MatrixOrigin)> {
        matches!(self.destination.model, ColorModel::YCbCr | ColorModel::Gray)
            .then_some(self.destination_matrix)
    }

    /// Whether the conversion matches colours in linear light.
    pub fn matches_colour(&self) -> bool {
        self.matching.is_some()
    }

    /// The destination's primaries: the property when set, else the
    /// source's tag (`None` when neither says).
    pub fn destination_primaries(&self) -> Option<ColorPrimaries> {
        let d = self.request.destination_color.primaries;
        d.or(self.request.source_color.primaries)
    }

    /// The destination's transfer function: the property when set, else the
    /// source's tag.
    pub fn destination_transfer(&self) -> Option<TransferFunction> {
        let d = self.request.destination_color.transfer;
        d.or(self.request.source_color.transfer)
    }

    /// The destination's chroma subsampling (horizontal, vertical): the
    /// grid a `Placement`'s target must lie on; (1, 1) for formats without
    /// subsampled chroma.
    pub fn destination_chroma_grid(&self) -> (usize, usize) {
        let (h, v) = self.destination.chroma_subsampling;
        (usize::from(h).max(1), usize::from(v).max(1))
    }

    /// The siting the source's chroma is read with (subsampled sources).
    pub fn source_chroma_siting(&self) -> Option<ChromaSiting> {
        self.source_chroma
            .filter(|c| c.subsampling != (1, 1))
            .map(|c| c.siting)
    }

    /// The siting of the destination's chroma (subsampled destinations);
    /// the attachment stage tags the destination with it.
    pub fn destination_chroma_siting(&self) -> Option<ChromaSiting> {
        self.destination_chroma
            .filter(|c| c.subsampling != (1, 1))
            .map(|c| c.siting)
    }
}

/// `Some` when colour matching is required (module docs), with every tag
/// resolved; the error when a needed source tag is missing.
fn matching_tags(
    tags: &SourceColor,
    props: &DestinationColor,
    ycbcr_source: bool,
) -> Result<Option<MatchingTags>, ConvertError> {
    let primaries_differ = match (props.primaries, tags.primaries) {
        (None, _) => false,
        (Some(d), Some(s)) => d != s,
        (Some(_), None) => return Err(ConvertError::InsufficientSourceColorData),
    };
    let transfer_differs = match (props.transfer, tags.transfer) {
        (None, _) => false,
        (Some(d), Some(s)) => curve(d) != curve(s),
        (Some(_), None) => return Err(ConvertError::InsufficientSourceColorData),
    };
    if !(primaries_differ || transfer_differs) {
        return Ok(None);
    }
    let (Some(source_primaries), Some(source_transfer)) = (tags.primaries, tags.transfer) else {
        return Err(ConvertError::InsufficientSourceColorData);
    };
    if ycbcr_source && tags.matrix.is_none() {
        return Err(ConvertError::InsufficientSourceColorData);
    }
    Ok(Some(MatchingTags {
        source_primaries,
        source_transfer,
        destination_primaries: props.primaries.unwrap_or(source_primaries),
        destination_transfer: props.transfer.unwrap_or(source_transfer),
    }))
}

/// The curve a transfer function stands for: `ITU_R_2020` is BT.709's.
fn curve(t: TransferFunction) -> TransferFunction {
    match t {
        TransferFunction::Bt2020 => TransferFunction::Bt709,
        other => other,
    }
}

/// Chroma layouts of both sides (module docs for the siting rules).
fn chroma_layouts(
    source: &FormatInfo,
    destination: &FormatInfo,
    tagged: Option<ChromaSiting>,
    mode: DownsamplingMode,
) -> (Option<ChromaLayout>, Option<ChromaLayout>) {
    let factors = |i: &FormatInfo| {
        let (h, v) = i.chroma_subsampling;
        (u32::from(h), u32::from(v))
    };
    let source_subsampling = factors(source);
    let source_subsampled = source_subsampling != (1, 1);
    let source_siting = if source_subsampled {
        tagged.unwrap_or(DEFAULT_SITING)
    } else {
        DEFAULT_SITING
    };
    let source_chroma = (source.model == ColorModel::YCbCr).then_some(ChromaLayout {
        subsampling: source_subsampling,
        siting: source_siting,
        filters: (DownsamplingMode::Decimate, DownsamplingMode::Decimate),
    });
    let destination_chroma = (destination.model == ColorModel::YCbCr).then(|| {
        let subsampling = factors(destination);
        // Gray, RGB and 4:4:4 sources count as unsubsampled.
        let (sh, sv) = if source.model == ColorModel::YCbCr {
            source_subsampling
        } else {
            (1, 1)
        };
        let down_h = subsampling.0 > sh;
        let down_v = subsampling.1 > sv;
        let average = mode == DownsamplingMode::Average;
        let siting = if average && (down_h || down_v) {
            source_siting.centred(down_h, down_v)
        } else {
            source_siting
        };
        let filter = |down: bool| {
            if average && down {
                DownsamplingMode::Average
            } else {
                DownsamplingMode::Decimate
            }
        };
        ChromaLayout {
            subsampling,
            siting,
            filters: (filter(down_h), filter(down_v)),
        }
    });
    (source_chroma, destination_chroma)
}
