//! vImage's colour-space constructors (vimage-corevideo.md §5): an RGB
//! space from primaries and a parametric curve, a gray space from a white
//! point and a curve.
//!
//! Decisions: primaries within 1e-4 of a CoreVideo set and curves equal
//! (1e-6) to a CoreVideo curve, or a pure power, are stored as those
//! CoreVideo values, so the space gets the matching name and colour
//! matching can use it; anything else is kept as given (custom primaries,
//! parametric curve) and converts only to an equal space. The curve is
//! used as given (no 1/1.961 substitution). A gray space carries its curve;
//! its white point is checked (y > 0) and otherwise not used, as gray has
//! no chromaticity in pixelport's colour model.

use crate::core::color::primaries::{Chromaticities, ColorPrimaries};
use crate::core::color::space::{ColorSpace, Gamut, Kind, Transfer};
use crate::core::color::transfer::{ParametricCurve, TransferFunction};

/// Why a space cannot be built (`kvImageInvalidParameter`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("degenerate primaries or a non-invertible curve")]
pub struct InvalidSpace;

fn close(a: f64, b: f64, eps: f64) -> bool {
    (a - b).abs() <= eps
}

fn same_curve(a: &ParametricCurve, b: &ParametricCurve) -> bool {
    let f = |c: &ParametricCurve| [c.c0, c.c1, c.c2, c.c3, c.gamma, c.c4, c.c5];
    let cut = a.cutoff == b.cutoff || close(a.cutoff, b.cutoff, 1e-6);
    cut && f(a).iter().zip(f(b)).all(|(x, y)| close(*x, y, 1e-6))
}

/// The transfer of a curve (module docs); `InvalidSpace` for gamma 0 or
/// non-finite coefficients.
pub fn transfer(curve: ParametricCurve) -> Result<Transfer, InvalidSpace> {
    let coefficients = [
        curve.c0,
        curve.c1,
        curve.c2,
        curve.c3,
        curve.gamma,
        curve.c4,
        curve.c5,
    ];
    if curve.gamma == 0.0 || coefficients.iter().any(|c| !c.is_finite()) || curve.cutoff.is_nan() {
        return Err(InvalidSpace);
    }
    let known = [
        TransferFunction::Bt709,
        TransferFunction::Smpte240M,
        TransferFunction::Srgb,
        TransferFunction::Smpte428,
        TransferFunction::Linear,
    ];
    if let Some(tf) = known
        .into_iter()
        .find(|t| t.parametric().is_some_and(|p| same_curve(&p, &curve)))
    {
        return Ok(Transfer::cv(tf));
    }
    let pure = ParametricCurve::pure_gamma(1.0 / curve.gamma);
    if same_curve(&pure, &curve) {
        return Ok(Transfer::cv(TransferFunction::Gamma(1.0 / curve.gamma)));
    }
    Ok(Transfer::Parametric(curve))
}

/// An RGB space (module docs).
pub fn rgb_space(c: Chromaticities, curve: ParametricCurve) -> Result<ColorSpace, InvalidSpace> {
    c.rgb_to_xyz().ok_or(InvalidSpace)?;
    let near = |p: ColorPrimaries| {
        let k = p.chromaticities();
        [
            (k.red, c.red),
            (k.green, c.green),
            (k.blue, c.blue),
            (k.white, c.white),
        ]
        .iter()
        .all(|(a, b)| close(a.x, b.x, 1e-4) && close(a.y, b.y, 1e-4))
    };
    let gamut = ColorPrimaries::ALL
        .into_iter()
        .find(|p| near(*p))
        .map_or(Gamut::Custom(c), Gamut::Cv);
    Ok(ColorSpace::rgb(gamut, transfer(curve)?, false))
}

/// A gray space (module docs).
pub fn gray_space(white_y: f64, curve: ParametricCurve) -> Result<ColorSpace, InvalidSpace> {
    if !(white_y > 0.0 && white_y.is_finite()) {
        return Err(InvalidSpace);
    }
    Ok(ColorSpace::unnamed(Kind::Gray {
        transfer: transfer(curve)?,
        extended: false,
    })
    .with_matching_name())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::color::SpaceName;

    #[test]
    fn documented_709_values_give_the_709_space() {
        let s = rgb_space(
            ColorPrimaries::Bt709.chromaticities(),
            ParametricCurve::BT709,
        )
        .unwrap();
        assert_eq!(s.name(), Some(SpaceName::ItuR709));
        let apple = ParametricCurve::pure_gamma(1.961);
        assert_eq!(
            transfer(apple).unwrap(),
            Transfer::cv(TransferFunction::Gamma(1.961))
        );
        let mut bad = ParametricCurve::BT709;
        bad.gamma = 0.0;
        assert_eq!(transfer(bad), Err(InvalidSpace));
        let mut flat = ColorPrimaries::Bt709.chromaticities();
        flat.green = flat.red;
        assert!(rgb_space(flat, ParametricCurve::SRGB).is_err());
        assert!(gray_space(0.0, ParametricCurve::SRGB).is_err());
    }
}
