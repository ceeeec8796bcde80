//! What a CGColorSpace describes: its model and, for RGB and gray spaces,
//! the colorimetry pixelport can convert (primaries, transfer function,
//! extended range), plus the name it was created with.
//!
//! The description is built from the [`ColorPrimaries`] and
//! [`TransferFunction`] enums that the rest of `core::color` uses, so a
//! space created by name, one synthesised from CoreVideo attachments and
//! (later) one built by vImage all feed the same conversion maths.
//!
//! Invariants:
//! - Transfer functions are canonical: `ITU_R_2020` is stored as BT.709
//!   (CVImageBuffer.h declares the curves equivalent) and `UseGamma` 1.0 as
//!   `Linear`, so equal colorimetry compares equal however it was spelled.
//! - CMYK, Lab and XYZ spaces carry their model only: pixelport converts
//!   none of them.
//! - Two descriptions are equal when name, model and colorimetry all are;
//!   the CF layer's `CFEqual` is exactly this equality.

use super::primaries::{Chromaticities, D65};
use super::primaries::{ColorPrimaries, Xy};
use super::space_name::SpaceName;
use super::transfer::{ParametricCurve, TransferFunction};
use crate::core::property::Value;

/// A CGColorSpace's family (`CGColorSpaceModel`; the indexed, pattern and
/// DeviceN models are not offered).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Model {
    Monochrome,
    Rgb,
    Cmyk,
    Lab,
    Xyz,
}

impl Model {
    /// `CGColorSpaceGetNumberOfComponents` (colour components, no alpha).
    pub fn components(self) -> usize {
        match self {
            Model::Monochrome => 1,
            Model::Rgb | Model::Lab | Model::Xyz => 3,
            Model::Cmyk => 4,
        }
    }

    /// The `kCGColorSpaceModel…` constant's name, for descriptions.
    pub fn cg_name(self) -> &'static str {
        match self {
            Model::Monochrome => "kCGColorSpaceModelMonochrome",
            Model::Rgb => "kCGColorSpaceModelRGB",
            Model::Cmyk => "kCGColorSpaceModelCMYK",
            Model::Lab => "kCGColorSpaceModelLab",
            Model::Xyz => "kCGColorSpaceModelXYZ",
        }
    }
}

/// Adobe RGB (1998) Color Image Encoding, version 2005-05, §4.3.1.1
/// (primaries) and §4.3.1.2 (D65 white).
pub const ADOBE_RGB_1998: Chromaticities = Chromaticities {
    red: Xy::new(0.64, 0.33),
    green: Xy::new(0.21, 0.71),
    blue: Xy::new(0.15, 0.06),
    white: D65,
};

/// ROMM RGB (ISO 22028-2:2013 §5.2; also ANSI/I3A IT10.7666): the
/// ProPhoto primaries with the D50 white.
pub const ROMM_RGB: Chromaticities = Chromaticities {
    red: Xy::new(0.7347, 0.2653),
    green: Xy::new(0.1596, 0.8404),
    blue: Xy::new(0.0366, 0.0001),
    white: Xy::new(0.3457, 0.3585),
};

/// ACES AP1 primaries and the ACES white (SMPTE ST 2065-1:2012 §4.1;
/// Academy S-2014-004, ACEScg).
pub const ACES_AP1: Chromaticities = Chromaticities {
    red: Xy::new(0.713, 0.293),
    green: Xy::new(0.165, 0.830),
    blue: Xy::new(0.128, 0.044),
    white: Xy::new(0.32168, 0.33767),
};

/// The primaries of the FCC 1953 NTSC system (ITU-R BT.470-6, System M),
/// the reference gamut of `CGColorSpaceIsWideGamutRGB`.
const NTSC_1953: [Xy; 3] = [
    Xy::new(0.67, 0.33),
    Xy::new(0.21, 0.71),
    Xy::new(0.14, 0.08),
];

/// The share of the NTSC gamut's xy area above which an RGB space counts
/// as wide gamut. Apple documents only "a significant portion of the NTSC
/// color gamut"; 85 % is the threshold the fact sheet gives, and it puts
/// sRGB (71 %) and the other HDTV/SDTV sets below, P3 (96 %), Adobe RGB
/// (96 %) and BT.2020 (134 %) above.
const WIDE_GAMUT_SHARE_OF_NTSC: f64 = 0.85;

/// Adobe RGB (1998) §4.3.4.2: a pure power with exponent 2 + 51/256.
pub const ADOBE_RGB_GAMMA: f64 = 563.0 / 256.0;

/// ROMM RGB's encoding (ISO 22028-2:2013 §5.3): `L^(1/1.8)` above
/// Et = 1/512, `16·L` below; the two meet at 1/32.
pub const ROMM_CURVE: ParametricCurve = ParametricCurve {
    c0: 1.0,
    c1: 1.0,
    c2: 0.0,
    c3: 0.0,
    gamma: 1.0 / 1.8,
    cutoff: 1.0 / 512.0,
    c4: 16.0,
    c5: 0.0,
};

/// The primaries of an RGB space.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Gamut {
    /// One of the `kCVImageBufferColorPrimaries_*` sets.
    Cv(ColorPrimaries),
    /// [`ADOBE_RGB_1998`].
    AdobeRgb1998,
    /// [`ROMM_RGB`].
    RommRgb,
    /// [`ACES_AP1`].
    AcesAp1,
    /// Caller-supplied chromaticities (vImage's colour-space constructors).
    Custom(Chromaticities),
}

impl Gamut {
    pub fn chromaticities(self) -> Chromaticities {
        match self {
            Gamut::Cv(p) => p.chromaticities(),
            Gamut::AdobeRgb1998 => ADOBE_RGB_1998,
            Gamut::RommRgb => ROMM_RGB,
            Gamut::AcesAp1 => ACES_AP1,
            Gamut::Custom(c) => c,
        }
    }

    /// Whether the primaries' xy triangle covers at least
    /// [`WIDE_GAMUT_SHARE_OF_NTSC`] of NTSC's.
    pub fn is_wide(self) -> bool {
        let c = self.chromaticities();
        let area = triangle_area([c.red, c.green, c.blue]);
        area >= WIDE_GAMUT_SHARE_OF_NTSC * triangle_area(NTSC_1953)
    }

    fn label(self) -> String {
        match self {
            Gamut::Cv(p) => p.cv_string().to_owned(),
            Gamut::AdobeRgb1998 => "Adobe RGB (1998)".to_owned(),
            Gamut::RommRgb => "ROMM RGB".to_owned(),
            Gamut::AcesAp1 => "ACES AP1".to_owned(),
            Gamut::Custom(c) => format!(
                "R({}, {}) G({}, {}) B({}, {}) W({}, {})",
                c.red.x, c.red.y, c.green.x, c.green.y, c.blue.x, c.blue.y, c.white.x, c.white.y
            ),
        }
    }
}

/// Area of an xy triangle (shoelace formula).
fn triangle_area(p: [Xy; 3]) -> f64 {
    ((p[1].x - p[0].x) * (p[2].y - p[0].y) - (p[2].x - p[0].x) * (p[1].y - p[0].y)).abs() / 2.0
}

/// The transfer function of an RGB or gray space.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Transfer {
    /// A CoreVideo curve (canonical, see [`Transfer::cv`]).
    Cv(TransferFunction),
    /// A curve in vImage's parametric form that no CoreVideo value names
    /// (ROMM RGB's).
    Parametric(ParametricCurve),
}

impl Transfer {
    /// The canonical form of a CoreVideo curve: `ITU_R_2020` → BT.709 (the
    /// same curve), gamma 1.0 → `Linear`.
    pub fn cv(tf: TransferFunction) -> Transfer {
        Transfer::Cv(match tf {
            TransferFunction::Bt2020 => TransferFunction::Bt709,
            TransferFunction::Gamma(1.0) => TransferFunction::Linear,
            other => other,
        })
    }

    /// PQ and HLG (`CGColorSpaceIsHDR`).
    pub fn is_hdr(self) -> bool {
        matches!(self, Transfer::Cv(tf) if tf.is_hdr())
    }

    /// Encoded value → linear light, odd-symmetric like CoreGraphics'
    /// extended spaces.
    pub fn to_linear(self, v: f64) -> f64 {
        match self {
            Transfer::Cv(tf) => tf.to_linear(v),
            Transfer::Parametric(p) => v.signum() * p.decode(v.abs()),
        }
    }

    /// Linear light → encoded value.
    pub fn from_linear(self, l: f64) -> f64 {
        match self {
            Transfer::Cv(tf) => tf.from_linear(l),
            Transfer::Parametric(p) => l.signum() * p.encode(l.abs()),
        }
    }

    fn label(self) -> String {
        match self {
            Transfer::Cv(TransferFunction::Gamma(g)) => format!("gamma {g}"),
            Transfer::Cv(tf) => tf.cv_string().to_owned(),
            Transfer::Parametric(p) => format!(
                "parametric {{{}, {}, {}, {}, gamma {}, cutoff {}, {}, {}}}",
                p.c0, p.c1, p.c2, p.c3, p.gamma, p.cutoff, p.c4, p.c5
            ),
        }
    }
}

/// A colour space's model and the colorimetry that goes with it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// One gray component on `transfer`; `extended`: values outside [0, 1]
    /// are meaningful (sign-mirrored curve).
    Gray {
        transfer: Transfer,
        extended: bool,
    },
    Rgb {
        gamut: Gamut,
        transfer: Transfer,
        extended: bool,
    },
    Cmyk,
    Lab,
    Xyz,
}

/// A CGColorSpace as pixelport understands it.
#[derive(Clone, Debug, PartialEq)]
pub struct ColorSpace {
    name: Option<SpaceName>,
    kind: Kind,
}

/// The attachment keys [`ColorSpace::from_attachments`] reads
/// (corevideo.md §7.2).
pub mod keys {
    pub use crate::core::color::attachment_keys::{
        COLOR_PRIMARIES, GAMMA_LEVEL, TRANSFER_FUNCTION,
    };
}

impl ColorSpace {
    /// The space a name constant stands for.
    pub fn named(name: SpaceName) -> ColorSpace {
        ColorSpace {
            name: Some(name),
            kind: name.kind(),
        }
    }

    /// `CGColorSpaceCreateWithName`: exact, case-sensitive match of the
    /// name's text; `None` for names pixelport does not know.
    pub fn with_name(name: &str) -> Option<ColorSpace> {
        SpaceName::parse(name).map(ColorSpace::named)
    }

    /// An unnamed space (the name, if any, is found by
    /// [`ColorSpace::with_matching_name`]).
    pub fn unnamed(kind: Kind) -> ColorSpace {
        ColorSpace { name: None, kind }
    }

    /// An RGB space with these primaries and curve, named when a public
    /// name constant describes exactly that (709 + sRGB curve → sRGB …).
    pub fn rgb(gamut: Gamut, transfer: Transfer, extended: bool) -> ColorSpace {
        ColorSpace::unnamed(Kind::Rgb {
            gamut,
            transfer,
            extended,
        })
        .with_matching_name()
    }

    /// This colorimetry under the first current (not device, not
    /// deprecated) name that describes it exactly; unchanged when none does.
    pub fn with_matching_name(self) -> ColorSpace {
        let name = SpaceName::ALL
            .into_iter()
            .filter(|n| n.is_preferred())
            .find(|n| n.kind() == self.kind);
        ColorSpace { name, ..self }
    }

    /// `CVImageBufferCreateColorSpaceFromAttachments`' colorimetry: the
    /// `CVImageBufferColorPrimaries` and `CVImageBufferTransferFunction`
    /// strings (with `CVImageBufferGammaLevel` for `UseGamma`) → an RGB
    /// space, named when a name constant matches. `None` when either is
    /// missing, not a string, or not a value CoreVideo defines, or when
    /// `UseGamma` comes without a positive finite gamma level. The Y'CbCr
    /// matrix does not change an RGB space and is not needed.
    pub fn from_attachments(
        primaries: Option<&Value>,
        transfer: Option<&Value>,
        gamma_level: Option<&Value>,
    ) -> Option<ColorSpace> {
        let primaries = ColorPrimaries::from_cv_string(primaries?.as_str()?)?;
        let gamma = gamma_level.and_then(Value::as_finite_f64);
        let transfer = TransferFunction::from_cv_string(transfer?.as_str()?, gamma)?;
        Some(ColorSpace::rgb(
            Gamut::Cv(primaries),
            Transfer::cv(transfer),
            false,
        ))
    }

    pub fn name(&self) -> Option<SpaceName> {
        self.name
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    pub fn model(&self) -> Model {
        match self.kind {
            Kind::Gray { .. } => Model::Monochrome,
            Kind::Rgb { .. } => Model::Rgb,
            Kind::Cmyk => Model::Cmyk,
            Kind::Lab => Model::Lab,
            Kind::Xyz => Model::Xyz,
        }
    }

    pub fn components(&self) -> usize {
        self.model().components()
    }

    /// Values outside [0, 1] are meaningful.
    pub fn uses_extended_range(&self) -> bool {
        matches!(
            self.kind,
            Kind::Gray { extended: true, .. } | Kind::Rgb { extended: true, .. }
        )
    }

    /// `CGColorSpaceIsWideGamutRGB`: an RGB space whose primaries cover at
    /// least 85 % of the NTSC gamut, or any extended-range RGB space (its
    /// values reach beyond its primaries; Apple answers true for extended
    /// sRGB).
    pub fn is_wide_gamut_rgb(&self) -> bool {
        match self.kind {
            Kind::Rgb {
                gamut, extended, ..
            } => extended || gamut.is_wide(),
            _ => false,
        }
    }

    /// `CGColorSpaceIsHDR`: an RGB or gray space with the PQ or HLG curve.
    pub fn is_hdr(&self) -> bool {
        match self.kind {
            Kind::Rgb { transfer, .. } | Kind::Gray { transfer, .. } => transfer.is_hdr(),
            _ => false,
        }
    }

    /// `CGColorSpaceSupportsOutput`: gray, RGB and CMYK spaces can be a
    /// bitmap's colour space; Lab and XYZ cannot.
    pub fn supports_output(&self) -> bool {
        matches!(self.model(), Model::Monochrome | Model::Rgb | Model::Cmyk)
    }

    /// The text inside a description's parentheses:
    /// `kCGColorSpaceSRGB; kCGColorSpaceModelRGB; primaries ITU_R_709_2;
    /// transfer IEC_sRGB`, with `; extended range` for extended spaces and
    /// `unnamed` in place of the name.
    pub fn summary(&self) -> String {
        let name = self.name.map_or("unnamed", SpaceName::as_str);
        let mut text = format!("{name}; {}", self.model().cg_name());
        match self.kind {
            Kind::Rgb {
                gamut,
                transfer,
                extended,
            } => {
                text += &format!(
                    "; primaries {}; transfer {}",
                    gamut.label(),
                    transfer.label()
                );
                if extended {
                    text += "; extended range";
                }
            }
            Kind::Gray { transfer, extended } => {
                text += &format!("; transfer {}", transfer.label());
                if extended {
                    text += "; extended range";
                }
            }
            Kind::Cmyk | Kind::Lab | Kind::Xyz => {}
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Value {
        Value::String(text.to_owned())
    }

    fn from(p: &str, t: &str) -> Option<ColorSpace> {
        ColorSpace::from_attachments(Some(&s(p)), Some(&s(t)), None)
    }

    fn name_of(p: &str, t: &str) -> Option<&'static str> {
        from(p, t).unwrap().name().map(SpaceName::as_str)
    }

    #[test]
    fn attachments_map_to_the_named_spaces() {
        let cases = [
            ("ITU_R_709_2", "ITU_R_709_2", "kCGColorSpaceITUR_709"),
            ("ITU_R_709_2", "ITU_R_2020", "kCGColorSpaceITUR_709"),
            ("ITU_R_709_2", "IEC_sRGB", "kCGColorSpaceSRGB"),
            ("ITU_R_709_2", "Linear", "kCGColorSpaceLinearSRGB"),
            ("P3_D65", "IEC_sRGB", "kCGColorSpaceDisplayP3"),
            ("P3_D65", "Linear", "kCGColorSpaceLinearDisplayP3"),
            ("P3_D65", "SMPTE_ST_2084_PQ", "kCGColorSpaceDisplayP3_PQ"),
            ("P3_D65", "ITU_R_2100_HLG", "kCGColorSpaceDisplayP3_HLG"),
            ("ITU_R_2020", "ITU_R_709_2", "kCGColorSpaceITUR_2020"),
            ("ITU_R_2020", "ITU_R_2020", "kCGColorSpaceITUR_2020"),
            ("ITU_R_2020", "Linear", "kCGColorSpaceLinearITUR_2020"),
            (
                "ITU_R_2020",
                "SMPTE_ST_2084_PQ",
                "kCGColorSpaceITUR_2100_PQ",
            ),
            ("ITU_R_2020", "ITU_R_2100_HLG", "kCGColorSpaceITUR_2100_HLG"),
        ];
        for (p, t, want) in cases {
            assert_eq!(name_of(p, t), Some(want), "{p} + {t}");
        }
        let gamma = |g: f64| {
            ColorSpace::from_attachments(
                Some(&s("DCI_P3")),
                Some(&s("UseGamma")),
                Some(&Value::Number(crate::core::number::Number::from_f64(g))),
            )
            .unwrap()
        };
        assert_eq!(gamma(2.6).name(), Some(SpaceName::DciP3));
        assert_eq!(gamma(2.2).name(), None);
        let generic = ColorSpace::from_attachments(
            Some(&s("P22")),
            Some(&s("UseGamma")),
            Some(&Value::Number(crate::core::number::Number::from_f64(1.8))),
        );
        assert_eq!(generic.unwrap().name(), Some(SpaceName::GenericRgb));
        assert_eq!(
            name_of("P22", "Linear"),
            Some("kCGColorSpaceGenericRGBLinear")
        );
    }

    #[test]
    fn unmatched_attachments_give_unnamed_rgb_spaces() {
        let space = from("EBU_3213", "ITU_R_709_2").unwrap();
        assert_eq!(space.name(), None);
        assert_eq!(
            space.kind(),
            Kind::Rgb {
                gamut: Gamut::Cv(ColorPrimaries::Ebu3213),
                transfer: Transfer::Cv(TransferFunction::Bt709),
                extended: false,
            }
        );
        assert_eq!(space.model(), Model::Rgb);
        assert_eq!(name_of("ITU_R_709_2", "SMPTE_240M_1995"), None);
        assert_eq!(name_of("ITU_R_2020", "IEC_sRGB"), None);
        // 709 and 2020 spellings of the same curve give equal spaces.
        assert_eq!(
            from("SMPTE_C", "ITU_R_2020"),
            from("SMPTE_C", "ITU_R_709_2")
        );
        // UseGamma 1.0 is Linear.
        let one = ColorSpace::from_attachments(
            Some(&s("ITU_R_709_2")),
            Some(&s("UseGamma")),
            Some(&Value::Number(crate::core::number::Number::from_i64(1))),
        )
        .unwrap();
        assert_eq!(one.name(), Some(SpaceName::LinearSrgb));
    }

    #[test]
    fn insufficient_attachments_give_nothing() {
        let p = s("ITU_R_709_2");
        let t = s("ITU_R_709_2");
        assert!(ColorSpace::from_attachments(None, Some(&t), None).is_none());
        assert!(ColorSpace::from_attachments(Some(&p), None, None).is_none());
        assert!(ColorSpace::from_attachments(None, None, None).is_none());
        assert!(from("ITU_R_709_2", "sRGB").is_none());
        assert!(from("itu_r_709_2", "ITU_R_709_2").is_none());
        assert!(from("ITU_R_709_2", "UseGamma").is_none());
        let number = Value::Number(crate::core::number::Number::from_i64(1));
        assert!(ColorSpace::from_attachments(Some(&number), Some(&t), None).is_none());
        let bad_gamma = Value::Number(crate::core::number::Number::from_f64(-2.0));
        assert!(
            ColorSpace::from_attachments(Some(&p), Some(&s("UseGamma")), Some(&bad_gamma))
                .is_none()
        );
        assert!(
            ColorSpace::from_attachments(Some(&p), Some(&s("UseGamma")), Some(&s("2.2"))).is_none()
        );
    }

    #[test]
    fn wide_gamut_follows_the_ntsc_share() {
        let wide = |n: SpaceName| ColorSpace::named(n).is_wide_gamut_rgb();
        for n in [
            SpaceName::Srgb,
            SpaceName::LinearSrgb,
            SpaceName::ItuR709,
            SpaceName::GenericRgb,
            SpaceName::DeviceRgb,
            SpaceName::GenericGrayGamma2_2,
            SpaceName::ExtendedGray,
            SpaceName::GenericCmyk,
        ] {
            assert!(!wide(n), "{n:?}");
        }
        for n in [
            SpaceName::ExtendedSrgb,
            SpaceName::ExtendedLinearSrgb,
            SpaceName::DisplayP3,
            SpaceName::DciP3,
            SpaceName::ItuR2020,
            SpaceName::ItuR2100Pq,
            SpaceName::AdobeRgb1998,
            SpaceName::RommRgb,
            SpaceName::AcescgLinear,
        ] {
            assert!(wide(n), "{n:?}");
        }
        // The shares quoted in the constant's comment.
        let share = |g: Gamut| {
            let c = g.chromaticities();
            triangle_area([c.red, c.green, c.blue]) / triangle_area(NTSC_1953)
        };
        assert!((share(Gamut::Cv(ColorPrimaries::Bt709)) - 0.708).abs() < 1e-3);
        assert!((share(Gamut::Cv(ColorPrimaries::P3D65)) - 0.961).abs() < 1e-3);
        assert!((share(Gamut::Cv(ColorPrimaries::Bt2020)) - 1.339).abs() < 1e-3);
        assert!(share(Gamut::Cv(ColorPrimaries::SmpteC)) < 0.85);
        assert!(share(Gamut::Cv(ColorPrimaries::Ebu3213)) < 0.85);
        assert!(share(Gamut::Cv(ColorPrimaries::P22)) < 0.85);
    }

    #[test]
    fn hdr_output_and_components() {
        assert!(ColorSpace::named(SpaceName::ItuR2100Hlg).is_hdr());
        assert!(ColorSpace::named(SpaceName::DisplayP3Pq).is_hdr());
        assert!(ColorSpace::named(SpaceName::ItuR2020PqEotf).is_hdr());
        assert!(!ColorSpace::named(SpaceName::ExtendedLinearSrgb).is_hdr());
        assert!(!ColorSpace::named(SpaceName::GenericCmyk).is_hdr());
        for n in SpaceName::ALL {
            let space = ColorSpace::named(n);
            let (model, components, output) = match n.kind() {
                Kind::Gray { .. } => (Model::Monochrome, 1, true),
                Kind::Rgb { .. } => (Model::Rgb, 3, true),
                Kind::Cmyk => (Model::Cmyk, 4, true),
                Kind::Lab => (Model::Lab, 3, false),
                Kind::Xyz => (Model::Xyz, 3, false),
            };
            assert_eq!(space.model(), model);
            assert_eq!(space.components(), components);
            assert_eq!(space.supports_output(), output);
        }
    }

    #[test]
    fn summaries_read_well() {
        assert_eq!(
            ColorSpace::named(SpaceName::ExtendedSrgb).summary(),
            "kCGColorSpaceExtendedSRGB; kCGColorSpaceModelRGB; primaries ITU_R_709_2; \
             transfer IEC_sRGB; extended range"
        );
        assert_eq!(
            ColorSpace::named(SpaceName::DeviceCmyk).summary(),
            "kCGColorSpaceDeviceCMYK; kCGColorSpaceModelCMYK"
        );
        assert_eq!(
            ColorSpace::named(SpaceName::GenericGray).summary(),
            "kCGColorSpaceGenericGray; kCGColorSpaceModelMonochrome; transfer gamma 1.8"
        );
        assert_eq!(
            from("EBU_3213", "UseGamma").map(|s| s.summary()),
            None,
            "UseGamma needs a level"
        );
        assert!(
            from("EBU_3213", "SMPTE_ST_428_1")
                .unwrap()
                .summary()
                .starts_with("unnamed; kCGColorSpaceModelRGB; primaries EBU_3213")
        );
    }

    #[test]
    fn adobe_rgb_is_its_published_power() {
        let Kind::Rgb {
            transfer, gamut, ..
        } = SpaceName::AdobeRgb1998.kind()
        else {
            panic!("not RGB");
        };
        assert_eq!(gamut.chromaticities(), ADOBE_RGB_1998);
        assert_eq!(ADOBE_RGB_GAMMA, 2.19921875);
        assert!((transfer.to_linear(0.5) - 0.5f64.powf(2.19921875)).abs() < 1e-15);
    }

    #[test]
    fn romm_curve_is_continuous_and_inverts() {
        let t = Transfer::Parametric(ROMM_CURVE);
        // Both segments give 1/32 at Et = 1/512 (ISO 22028-2).
        let knee = 1.0 / 512.0;
        assert!((ROMM_CURVE.encode(knee) - 1.0 / 32.0).abs() < 1e-15);
        assert!((16.0 * knee - 1.0 / 32.0).abs() < 1e-15);
        for i in 0..=100 {
            let l = f64::from(i) / 100.0;
            for x in [l, -l] {
                assert!((t.to_linear(t.from_linear(x)) - x).abs() < 1e-12);
            }
        }
        assert!((t.from_linear(0.5) - 0.5f64.powf(1.0 / 1.8)).abs() < 1e-15);
    }

    #[test]
    fn canonical_transfer_functions() {
        assert_eq!(
            Transfer::cv(TransferFunction::Bt2020),
            Transfer::Cv(TransferFunction::Bt709)
        );
        assert_eq!(
            Transfer::cv(TransferFunction::Gamma(1.0)),
            Transfer::Cv(TransferFunction::Linear)
        );
        assert_eq!(
            Transfer::cv(TransferFunction::Gamma(2.2)),
            Transfer::Cv(TransferFunction::Gamma(2.2))
        );
    }

    #[test]
    fn equality_includes_the_name() {
        let srgb = ColorSpace::named(SpaceName::Srgb);
        let device = ColorSpace::named(SpaceName::DeviceRgb);
        assert_eq!(srgb.kind(), device.kind());
        assert_ne!(srgb, device);
        assert_eq!(srgb, ColorSpace::with_name("kCGColorSpaceSRGB").unwrap());
        assert_eq!(srgb, from("ITU_R_709_2", "IEC_sRGB").unwrap());
        assert_ne!(
            ColorSpace::named(SpaceName::ItuR2020Pq),
            ColorSpace::named(SpaceName::ItuR2100Pq)
        );
    }
}
