//! What a rotation session does to coordinates: the rotation amount, the
//! two flips, and the index mapping they compose to.
//!
//! Conventions (videotoolbox.md §4.1): for a W×H source, CW90 maps
//! `dst(x, y) = src(y, H−1−x)`, 180 `dst(x, y) = src(W−1−x, H−1−y)`, CCW90
//! `dst(x, y) = src(W−1−y, x)`. The flips act on destination coordinates
//! and are applied after the rotation (VTPixelRotationProperties.h): a
//! horizontal flip replaces `x` by `dstW−1−x` before the rotation's mapping
//! is looked up, a vertical flip `y` by `dstH−1−y`.
//!
//! All eight combinations are one of the eight symmetries of a rectangle,
//! so [`Orientation::mapping`] reduces them to a [`Mapping`]: an optional
//! transpose followed by an optional mirror on each source axis. Plane
//! drivers only ever see a `Mapping`, at the plane's own resolution.

/// `kVTPixelRotationPropertyKey_Rotation` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Rotation {
    #[default]
    None,
    Clockwise90,
    Half,
    CounterClockwise90,
}

impl Rotation {
    pub const ALL: [Rotation; 4] = [
        Rotation::None,
        Rotation::Clockwise90,
        Rotation::Half,
        Rotation::CounterClockwise90,
    ];

    /// The `kVTRotation_*` string.
    pub fn name(self) -> &'static str {
        match self {
            Rotation::None => "0",
            Rotation::Clockwise90 => "CW90",
            Rotation::Half => "180",
            Rotation::CounterClockwise90 => "CCW90",
        }
    }

    pub fn from_name(s: &str) -> Option<Rotation> {
        Rotation::ALL.into_iter().find(|r| r.name() == s)
    }

    /// Clockwise degrees (0, 90, 180, 270).
    pub fn degrees(self) -> u32 {
        match self {
            Rotation::None => 0,
            Rotation::Clockwise90 => 90,
            Rotation::Half => 180,
            Rotation::CounterClockwise90 => 270,
        }
    }

    /// The rotation of `degrees` clockwise, for the four right angles.
    pub fn from_degrees(degrees: u32) -> Option<Rotation> {
        Rotation::ALL.into_iter().find(|r| r.degrees() == degrees)
    }

    /// Whether width and height trade places.
    pub fn swaps_axes(self) -> bool {
        matches!(self, Rotation::Clockwise90 | Rotation::CounterClockwise90)
    }
}

/// A rotation followed by optional flips in destination coordinates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct Orientation {
    pub rotation: Rotation,
    pub flip_horizontal: bool,
    pub flip_vertical: bool,
}

/// `dst(x, y) = src(sx, sy)` where `(u, v) = transpose ? (y, x) : (x, y)`,
/// `sx = mirror_x ? srcW−1−u : u` and `sy = mirror_y ? srcH−1−v : v`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Mapping {
    pub transpose: bool,
    pub mirror_x: bool,
    pub mirror_y: bool,
}

impl Mapping {
    /// The source sample of destination sample `(x, y)` in a source
    /// `src_width` × `src_height` plane.
    pub fn source_of(
        self,
        x: usize,
        y: usize,
        src_width: usize,
        src_height: usize,
    ) -> (usize, usize) {
        let (u, v) = if self.transpose { (y, x) } else { (x, y) };
        (
            if self.mirror_x { src_width - 1 - u } else { u },
            if self.mirror_y { src_height - 1 - v } else { v },
        )
    }

    /// The destination size of a `width` × `height` source.
    pub fn destination_size(self, width: usize, height: usize) -> (usize, usize) {
        if self.transpose {
            (height, width)
        } else {
            (width, height)
        }
    }

    pub fn is_identity(self) -> bool {
        !(self.transpose || self.mirror_x || self.mirror_y)
    }
}

impl Orientation {
    /// The index mapping this orientation composes to.
    pub fn mapping(self) -> Mapping {
        let (h, v) = (self.flip_horizontal, self.flip_vertical);
        match self.rotation {
            Rotation::None => Mapping {
                transpose: false,
                mirror_x: h,
                mirror_y: v,
            },
            Rotation::Half => Mapping {
                transpose: false,
                mirror_x: !h,
                mirror_y: !v,
            },
            // sx = y' and sy = H−1−x' with x' = flipH(x), y' = flipV(y).
            Rotation::Clockwise90 => Mapping {
                transpose: true,
                mirror_x: v,
                mirror_y: !h,
            },
            // sx = W−1−y' and sy = x'.
            Rotation::CounterClockwise90 => Mapping {
                transpose: true,
                mirror_x: !v,
                mirror_y: h,
            },
        }
    }

    /// The destination size a `width` × `height` source needs.
    pub fn destination_size(self, width: usize, height: usize) -> (usize, usize) {
        self.mapping().destination_size(width, height)
    }

    /// All sixteen property settings (four rotations × two flips), which
    /// give the eight distinct mappings.
    pub fn all() -> impl Iterator<Item = Orientation> {
        Rotation::ALL.into_iter().flat_map(|rotation| {
            [(false, false), (true, false), (false, true), (true, true)]
                .into_iter()
                .map(move |(flip_horizontal, flip_vertical)| Orientation {
                    rotation,
                    flip_horizontal,
                    flip_vertical,
                })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fact sheet's formulas, applied literally: flips on destination
    /// coordinates first, then the rotation's lookup.
    fn literal(o: Orientation, x: usize, y: usize, w: usize, h: usize) -> (usize, usize) {
        let (dw, dh) = if o.rotation.swaps_axes() {
            (h, w)
        } else {
            (w, h)
        };
        let x = if o.flip_horizontal { dw - 1 - x } else { x };
        let y = if o.flip_vertical { dh - 1 - y } else { y };
        match o.rotation {
            Rotation::None => (x, y),
            Rotation::Clockwise90 => (y, h - 1 - x),
            Rotation::Half => (w - 1 - x, h - 1 - y),
            Rotation::CounterClockwise90 => (w - 1 - y, x),
        }
    }

    #[test]
    fn mapping_matches_the_fact_sheet_formulas() {
        let (w, h) = (5, 3);
        for o in Orientation::all() {
            let m = o.mapping();
            let (dw, dh) = o.destination_size(w, h);
            for y in 0..dh {
                for x in 0..dw {
                    assert_eq!(m.source_of(x, y, w, h), literal(o, x, y, w, h), "{o:?}");
                }
            }
        }
        // 16 property settings, the 8 symmetries of a rectangle.
        assert_eq!(Orientation::all().count(), 16);
        let distinct: std::collections::HashSet<Mapping> =
            Orientation::all().map(Orientation::mapping).collect();
        assert_eq!(distinct.len(), 8);
    }

    #[test]
    fn names_round_trip() {
        for r in Rotation::ALL {
            assert_eq!(Rotation::from_name(r.name()), Some(r));
            assert_eq!(Rotation::from_degrees(r.degrees()), Some(r));
        }
        assert_eq!(Rotation::from_name("90"), None);
        assert_eq!(Rotation::from_degrees(45), None);
    }
}
