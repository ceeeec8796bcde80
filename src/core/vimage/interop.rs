//! Planning a vImage converter between a CG layout and a CV format (or two
//! CG layouts): the two sides' formats, colour spaces, matrix, siting and
//! alpha rules become one `core::convert` [`ConversionPlan`] — the same
//! matrices, ranges, chroma filters and colour matching the transfer
//! session uses.
//!
//! Decisions (README behaviour table, "vImage converters"):
//! - **Colour.** Sides with equal colorimetry (DeviceRGB = sRGB, DeviceGray
//!   = gray γ 2.2) convert without colour matching. Otherwise both spaces
//!   must be RGB spaces with CoreVideo primaries and curves, and the
//!   conversion matches colours in linear light; other pairs (custom
//!   primaries, parametric curves, CMYK/Lab/XYZ) are
//!   `Unsupported`. A gray side converts by luma without matching.
//! - **1/1.961.** As CoreVideo does, a CV side's curve goes through
//!   `TransferFunction::core_video_compatible` when colours are matched
//!   (BT.709/2020 → pure power 1/1.961; vimage-numerics.md §5).
//! - **Matrix.** A CV matrix is accepted when it is one of the CoreVideo
//!   matrices (BT.601, BT.709, SMPTE 240M, BT.2020 within 1e-4); others are
//!   `Unsupported` (the conversion core has no free-form matrix).
//! - **Chroma.** Up-sampling interpolates at the CV format's siting;
//!   down-sampling averages each pair/block (vImage's default box filter)
//!   whatever the siting, with or without `kvImageHighQualityResampling`.
//! - **Alpha.** Source alpha is ignored (treated as opaque) when the CG
//!   source says `NoneSkip…` or the CV source's alpha-is-one hint is set.
//!   When real source alpha meets a destination without alpha (a CV format
//!   without alpha or with the hint, a CG `None`/`NoneSkip…`), the colour
//!   is composited over the background colour (NULL = black) in the RGB
//!   values of the side that is RGB (the source when both are), and the
//!   result is opaque. Premultiplied CG data keeps its premultiplication
//!   through a conversion (CV formats carry no premultiplication flag);
//!   only compositing honours it.
//! - **Float.** Integer data converted to float RGB or gray is clamped to
//!   [0, 1], as vImage does without `kvImageDoNotClamp`; float → float
//!   keeps values outside [0, 1].

use crate::core::color::space::{ColorSpace, Gamut, Kind, Transfer};
use crate::core::color::{ChromaSiting, TransferFunction, YCbCrMatrix};
use crate::core::convert::{
    ConversionPlan, ConversionRequest, ConvertError, DestinationColor, SourceColor,
};
use crate::core::pixel_format::PixelFormat;

use super::cg_format::{CgAlpha, CgLayout, SpaceModel};
use super::cv_format::{CvFormatFacts, converts};

/// Why a converter cannot be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InteropError {
    #[error("the CV format lacks its conversion matrix")]
    MissingMatrix,
    #[error("the CV format lacks its chroma siting")]
    MissingSiting,
    #[error("the CV format lacks its colour space")]
    MissingColorSpace,
    #[error("the colour space does not fit the format")]
    InvalidFormat,
    #[error("conversion not supported")]
    Unsupported,
}

/// One CV side.
#[derive(Clone, Debug)]
pub struct CvSide {
    pub facts: CvFormatFacts,
    /// The matrix as luma/chroma rows (`vImage_ARGBToYpCbCrMatrix` order
    /// expanded to 3×3), if set.
    pub matrix: Option<[[f64; 3]; 3]>,
    pub siting: Option<ChromaSiting>,
    pub color_space: Option<ColorSpace>,
    pub alpha_is_one: bool,
}

/// One CG side (its colour space already resolved: NULL is sRGB).
#[derive(Clone, Debug)]
pub struct CgSide {
    pub layout: CgLayout,
    pub color_space: ColorSpace,
}

/// Either side of a converter.
#[derive(Clone, Debug)]
pub enum Side {
    Cv(CvSide),
    Cg(CgSide),
}

/// Compositing over a background colour (normalised RGB).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Flatten {
    pub background: [f32; 3],
    pub premultiplied: bool,
}

/// A planned converter.
#[derive(Clone, Copy, Debug)]
pub struct InteropPlan {
    pub plan: ConversionPlan,
    pub source: &'static PixelFormat,
    pub destination: &'static PixelFormat,
}

/// The CoreVideo matrix equal to `m` (within 1e-4).
pub fn known_matrix(m: &[[f64; 3]; 3]) -> Option<YCbCrMatrix> {
    YCbCrMatrix::ALL.into_iter().find(|k| {
        let r = k.rgb_to_ycbcr();
        (0..3).all(|i| (0..3).all(|j| (r[i][j] - m[i][j]).abs() < 1e-4))
    })
}

/// Whether `m` can be inverted (`CopyConversionMatrix` refuses singular ones).
pub fn invertible(m: &[[f64; 3]; 3]) -> bool {
    let det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    det.is_finite() && det.abs() > 1e-9
}

/// Whether `space` may describe the pixels of `facts` (RGB formats and
/// all Y'CbCr need an RGB space, gray formats a monochrome one).
pub fn space_fits(facts: &CvFormatFacts, space: &ColorSpace) -> bool {
    match space.kind() {
        Kind::Rgb { .. } => !facts.gray,
        Kind::Gray { .. } => facts.gray,
        _ => false,
    }
}

/// The CoreVideo primaries and curve of an RGB space, if it has them.
fn cv_colorimetry(
    space: &ColorSpace,
) -> Option<(crate::core::color::ColorPrimaries, TransferFunction)> {
    match space.kind() {
        Kind::Rgb {
            gamut: Gamut::Cv(p),
            transfer: Transfer::Cv(t),
            extended: false,
        } => Some((p, t)),
        _ => None,
    }
}

struct Resolved {
    format: &'static PixelFormat,
    space: ColorSpace,
    matrix: Option<YCbCrMatrix>,
    siting: Option<ChromaSiting>,
    /// Real alpha that takes part.
    alpha: bool,
    /// Data is premultiplied (CG only).
    premultiplied: bool,
    is_cv: bool,
}

fn resolve(side: &Side) -> Result<Resolved, InteropError> {
    match side {
        Side::Cv(cv) => {
            let facts = &cv.facts;
            if !converts(facts) {
                return Err(InteropError::Unsupported);
            }
            let matrix = if facts.ycbcr {
                let m = cv.matrix.ok_or(InteropError::MissingMatrix)?;
                Some(known_matrix(&m).ok_or(InteropError::Unsupported)?)
            } else {
                None
            };
            let siting = if facts.subsampled {
                Some(cv.siting.ok_or(InteropError::MissingSiting)?)
            } else {
                None
            };
            let space = cv
                .color_space
                .clone()
                .ok_or(InteropError::MissingColorSpace)?;
            if !space_fits(facts, &space) {
                return Err(InteropError::InvalidFormat);
            }
            Ok(Resolved {
                format: facts.format,
                space,
                matrix,
                siting,
                alpha: facts.has_alpha && !cv.alpha_is_one,
                premultiplied: false,
                is_cv: true,
            })
        }
        Side::Cg(cg) => {
            let l = &cg.layout;
            let fits = match l.model {
                SpaceModel::Rgb => matches!(cg.color_space.kind(), Kind::Rgb { .. }),
                SpaceModel::Gray => matches!(cg.color_space.kind(), Kind::Gray { .. }),
                SpaceModel::Other(_) => false,
            };
            let format = l.pixel_format().ok_or(InteropError::Unsupported)?;
            if !fits {
                return Err(InteropError::Unsupported);
            }
            Ok(Resolved {
                format,
                space: cg.color_space.clone(),
                matrix: None,
                siting: None,
                alpha: l.has_alpha(),
                premultiplied: l.alpha == CgAlpha::Premultiplied,
                is_cv: false,
            })
        }
    }
}

/// Plans a conversion from `source` to `destination` (module docs).
/// `background` is the flattening colour in [0, 1] (NULL → black).
pub fn plan(
    source: &Side,
    destination: &Side,
    background: Option<[f64; 3]>,
) -> Result<InteropPlan, InteropError> {
    let s = resolve(source)?;
    let d = resolve(destination)?;
    let same = s.space.kind() == d.space.kind();
    let gray =
        matches!(s.space.kind(), Kind::Gray { .. }) || matches!(d.space.kind(), Kind::Gray { .. });
    let (mut source_color, mut destination_color) = (
        SourceColor {
            matrix: s.matrix,
            chroma_siting: s.siting,
            ..SourceColor::default()
        },
        DestinationColor {
            matrix: d.matrix,
            ..DestinationColor::default()
        },
    );
    if !same && !gray {
        let (sp, st) = cv_colorimetry(&s.space).ok_or(InteropError::Unsupported)?;
        let (dp, dt) = cv_colorimetry(&d.space).ok_or(InteropError::Unsupported)?;
        let st = if s.is_cv {
            st.core_video_compatible()
        } else {
            st
        };
        let dt = if d.is_cv {
            dt.core_video_compatible()
        } else {
            dt
        };
        source_color.primaries = Some(sp);
        source_color.transfer = Some(st);
        destination_color.primaries = Some(dp);
        destination_color.transfer = Some(dt);
    }
    let request = ConversionRequest {
        source: s.format,
        destination: d.format,
        source_color,
        destination_color,
        downsampling: crate::core::convert::DownsamplingMode::Average,
    };
    let plan = ConversionPlan::new(&request).map_err(|e| match e {
        ConvertError::InsufficientSourceColorData => InteropError::MissingColorSpace,
        _ => InteropError::Unsupported,
    })?;
    let ignore_source_alpha = !s.alpha;
    let flatten = (s.alpha && !d.alpha).then(|| Flatten {
        background: background.unwrap_or([0.0; 3]).map(|c| c as f32),
        premultiplied: s.premultiplied,
    });
    let mut plan = plan.with_unit_clamp().with_alpha_rules(
        ignore_source_alpha,
        flatten.map(|f| (f.background, f.premultiplied)),
    );
    if let Some(siting) = d.siting {
        plan = plan.with_destination_siting(siting);
    }
    Ok(InteropPlan {
        plan,
        source: s.format,
        destination: d.format,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::color::SpaceName;
    use crate::core::convert::io::{DestPlane, SourcePlane};
    use crate::core::convert::{DestFrame, SourceFrame};
    use crate::core::pixel_format::fourcc;

    fn cg(info: u32) -> Side {
        Side::Cg(CgSide {
            layout: CgLayout::parse(8, 32, info, 0, SpaceModel::Rgb).unwrap(),
            color_space: ColorSpace::named(SpaceName::DeviceRgb),
        })
    }

    fn cv(code: &[u8; 4], hint: bool) -> Side {
        Side::Cv(CvSide {
            facts: CvFormatFacts::new(fourcc(code)).unwrap(),
            matrix: Some(YCbCrMatrix::Bt709.rgb_to_ycbcr()),
            siting: Some(ChromaSiting::Center),
            color_space: Some(ColorSpace::named(SpaceName::Srgb)),
            alpha_is_one: hint,
        })
    }

    fn run(p: &InteropPlan, src: &[u8], width: usize, out_bpp: usize) -> Vec<u8> {
        let mut out = vec![0u8; width * out_bpp];
        let planes = [SourcePlane {
            data: src,
            bytes_per_row: src.len(),
        }];
        let mut dst = [DestPlane {
            data: &mut out,
            bytes_per_row: width * out_bpp,
        }];
        p.plan
            .convert(
                &SourceFrame {
                    width,
                    height: 1,
                    planes: &planes,
                },
                &mut DestFrame {
                    width,
                    height: 1,
                    planes: &mut dst,
                },
            )
            .unwrap();
        out
    }

    #[test]
    fn bgra_to_rgbx_swizzles_and_pads_opaque() {
        // 5 = NoneSkipLast: RGBX.
        let p = plan(&cv(b"BGRA", false), &cg(5), None).unwrap();
        let out = run(&p, &[10, 20, 30, 128], 1, 4);
        // Straight alpha 128 flattened over black, then opaque padding.
        let f = |c: f64| (c * 128.0 / 255.0).round() as u8;
        assert_eq!(out, [f(30.0), f(20.0), f(10.0), 255]);
        let p = plan(&cv(b"BGRA", true), &cg(5), None).unwrap();
        assert_eq!(run(&p, &[10, 20, 30, 128], 1, 4), [30, 20, 10, 255]);
        let p = plan(&cg(5), &cv(b"BGRA", true), None).unwrap();
        assert_eq!(run(&p, &[30, 20, 10, 7], 1, 4), [10, 20, 30, 255]);
    }

    #[test]
    fn the_cv_siting_steers_chroma_upsampling() {
        // '2vuy' (Cb Y'0 Cr Y'1) with chroma changing from pair to pair:
        // the odd pixel's colour depends on where the chroma samples sit.
        let src = [60u8, 128, 200, 128, 200, 128, 60, 128, 60, 128, 200, 128];
        let argb = |siting: ChromaSiting| {
            let mut side = cv(b"2vuy", false);
            if let Side::Cv(c) = &mut side {
                c.siting = Some(siting);
            }
            let p = plan(&side, &cg(6), None).unwrap();
            assert_eq!(p.plan.source_chroma_siting(), Some(siting));
            run(&p, &src, 6, 4)
        };
        let (left, centre) = (argb(ChromaSiting::Left), argb(ChromaSiting::Center));
        assert_ne!(left[4..8], centre[4..8]);
        // A CG → CV converter records the CV format's siting.
        let mut side = cv(b"2vuy", false);
        if let Side::Cv(c) = &mut side {
            c.siting = Some(ChromaSiting::TopLeft);
        }
        let p = plan(&cg(6), &side, None).unwrap();
        assert_eq!(
            p.plan.destination_chroma_siting(),
            Some(ChromaSiting::TopLeft)
        );
    }

    #[test]
    fn missing_pieces_are_reported() {
        let mut side = cv(b"420v", false);
        if let Side::Cv(c) = &mut side {
            c.siting = None;
        }
        assert_eq!(
            plan(&side, &cg(2), None).unwrap_err(),
            InteropError::MissingSiting
        );
        if let Side::Cv(c) = &mut side {
            c.siting = Some(ChromaSiting::Center);
            c.matrix = None;
        }
        assert_eq!(
            plan(&side, &cg(2), None).unwrap_err(),
            InteropError::MissingMatrix
        );
        if let Side::Cv(c) = &mut side {
            c.matrix = Some([[1.0, 2.0, 3.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]);
        }
        assert_eq!(
            plan(&side, &cg(2), None).unwrap_err(),
            InteropError::Unsupported
        );
    }
}
