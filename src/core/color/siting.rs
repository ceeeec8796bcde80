//! Chroma siting: where a subsampled chroma sample sits relative to the luma
//! samples it covers, from the `kCVImageBufferChromaLocation_*` values.
//!
//! An offset is the chroma sample's position, in luma samples, measured from
//! the top-left luma sample of the block the chroma sample covers (a block is
//! `horizontal × vertical` luma samples: 2×2 for 4:2:0, 2×1 for 4:2:2, 4×1 for
//! 4:1:1). "Left" means co-sited with the block's first column (offset 0),
//! "centred" means midway across the block ((n−1)/2), "bottom" co-sited with
//! its last row (n−1). Without subsampling in a direction the offset there is
//! 0, so e.g. every siting is horizontally co-sited in 4:4:4 and vertically in
//! 4:2:2.
//!
//! Interlaced buffers carry one siting per field (`…ChromaLocationTopField` /
//! `…BottomField`); the offsets then apply within that field's rows.
//!
//! `"DV 4:2:0"` (IEC 61834-2, 625/50 DV) sites Cr and Cb on alternate lines of
//! each field, both horizontally co-sited with the left luma sample: Cr on
//! the first line of each line pair, Cb on the second.

/// The `kCVImageBufferChromaLocation_*` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChromaSiting {
    /// `"Left"`: co-sited with the left column, vertically centred
    /// (MPEG-2 / H.264 default 4:2:0).
    Left,
    /// `"Center"`: centred both ways (MPEG-1 / JPEG 4:2:0).
    Center,
    /// `"TopLeft"`: co-sited with the top-left luma sample.
    TopLeft,
    /// `"Top"`: horizontally centred, co-sited with the top row.
    Top,
    /// `"BottomLeft"`: co-sited with the bottom-left luma sample.
    BottomLeft,
    /// `"Bottom"`: horizontally centred, co-sited with the bottom row.
    Bottom,
    /// `"DV 4:2:0"` (note the space).
    Dv420,
}

/// Which chroma channel an offset is for (they differ only for DV 4:2:0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChromaComponent {
    Cb,
    Cr,
}

/// Chroma subsampling factors: luma samples per chroma sample in each
/// direction, 1, 2 or 4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Subsampling {
    horizontal: u8,
    vertical: u8,
}

impl Subsampling {
    pub const S444: Subsampling = Subsampling {
        horizontal: 1,
        vertical: 1,
    };
    pub const S422: Subsampling = Subsampling {
        horizontal: 2,
        vertical: 1,
    };
    pub const S420: Subsampling = Subsampling {
        horizontal: 2,
        vertical: 2,
    };
    pub const S411: Subsampling = Subsampling {
        horizontal: 4,
        vertical: 1,
    };

    /// `None` unless both factors are 1, 2 or 4.
    pub fn new(horizontal: u32, vertical: u32) -> Option<Subsampling> {
        let ok = |f: u32| matches!(f, 1 | 2 | 4);
        (ok(horizontal) && ok(vertical)).then_some(Subsampling {
            horizontal: horizontal as u8,
            vertical: vertical as u8,
        })
    }

    pub fn horizontal(self) -> u32 {
        u32::from(self.horizontal)
    }

    pub fn vertical(self) -> u32 {
        u32::from(self.vertical)
    }
}

/// A chroma sample position in luma samples (see the module notes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SampleOffset {
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Copy)]
enum Place {
    Start,
    Middle,
    End,
}

impl Place {
    fn offset(self, factor: u32) -> f64 {
        let last = f64::from(factor - 1);
        match self {
            Place::Start => 0.0,
            Place::Middle => last / 2.0,
            Place::End => last,
        }
    }
}

impl ChromaSiting {
    pub const ALL: [ChromaSiting; 7] = [
        ChromaSiting::Left,
        ChromaSiting::Center,
        ChromaSiting::TopLeft,
        ChromaSiting::Top,
        ChromaSiting::BottomLeft,
        ChromaSiting::Bottom,
        ChromaSiting::Dv420,
    ];

    /// The attachment value string, byte for byte.
    pub fn cv_string(self) -> &'static str {
        match self {
            ChromaSiting::Left => "Left",
            ChromaSiting::Center => "Center",
            ChromaSiting::TopLeft => "TopLeft",
            ChromaSiting::Top => "Top",
            ChromaSiting::BottomLeft => "BottomLeft",
            ChromaSiting::Bottom => "Bottom",
            ChromaSiting::Dv420 => "DV 4:2:0",
        }
    }

    /// Exact, case-sensitive match of an attachment value.
    pub fn from_cv_string(s: &str) -> Option<ChromaSiting> {
        ChromaSiting::ALL.into_iter().find(|l| l.cv_string() == s)
    }

    /// ITU-T H.273 / H.264 Annex E `chroma_sample_loc_type` (0..=5, the same
    /// order as CoreVideo's first six values); DV 4:2:0 has none.
    pub fn chroma_sample_loc_type(self) -> Option<u32> {
        ChromaSiting::ALL[..6]
            .iter()
            .position(|&l| l == self)
            .map(|i| i as u32)
    }

    pub fn from_chroma_sample_loc_type(t: u32) -> Option<ChromaSiting> {
        ChromaSiting::ALL[..6].get(t as usize).copied()
    }

    /// Where the `component` sample sits within its block.
    pub fn offset(self, s: Subsampling, component: ChromaComponent) -> SampleOffset {
        let (h, v) = self.places(component);
        SampleOffset {
            x: h.offset(s.horizontal()),
            y: v.offset(s.vertical()),
        }
    }

    fn places(self, component: ChromaComponent) -> (Place, Place) {
        use Place::*;
        match self {
            ChromaSiting::Left => (Start, Middle),
            ChromaSiting::Center => (Middle, Middle),
            ChromaSiting::TopLeft => (Start, Start),
            ChromaSiting::Top => (Middle, Start),
            ChromaSiting::BottomLeft => (Start, End),
            ChromaSiting::Bottom => (Middle, End),
            ChromaSiting::Dv420 => match component {
                ChromaComponent::Cr => (Start, Start),
                ChromaComponent::Cb => (Start, End),
            },
        }
    }

    /// This siting with the chroma sample moved to the middle of its block
    /// in the directions asked for: where box-averaging those directions
    /// puts it (`Left` centred vertically stays `Left`, centred
    /// horizontally becomes `Center`; `TopLeft` centred vertically becomes
    /// `Left`). DV 4:2:0 centred vertically becomes `Left` or `Center`; DV
    /// 4:2:0 centred only horizontally has no name and stays `Dv420`.
    pub fn centred(self, horizontal: bool, vertical: bool) -> ChromaSiting {
        use Place::*;
        if self == ChromaSiting::Dv420 && !vertical {
            return self;
        }
        let (h, v) = self.places(ChromaComponent::Cb);
        let h = if horizontal { Middle } else { h };
        let v = if vertical { Middle } else { v };
        match (h, v) {
            (Start, Start) => ChromaSiting::TopLeft,
            (Start, End) => ChromaSiting::BottomLeft,
            (Middle | End, Start) => ChromaSiting::Top,
            (Middle | End, End) => ChromaSiting::Bottom,
            (Start, Middle) => ChromaSiting::Left,
            (Middle | End, Middle) => ChromaSiting::Center,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(l: ChromaSiting, s: Subsampling) -> (f64, f64) {
        let o = l.offset(s, ChromaComponent::Cb);
        (o.x, o.y)
    }

    #[test]
    fn offsets_420() {
        use ChromaSiting::*;
        let s = Subsampling::S420;
        assert_eq!(at(Left, s), (0.0, 0.5));
        assert_eq!(at(Center, s), (0.5, 0.5));
        assert_eq!(at(TopLeft, s), (0.0, 0.0));
        assert_eq!(at(Top, s), (0.5, 0.0));
        assert_eq!(at(BottomLeft, s), (0.0, 1.0));
        assert_eq!(at(Bottom, s), (0.5, 1.0));
        let cr = Dv420.offset(s, ChromaComponent::Cr);
        let cb = Dv420.offset(s, ChromaComponent::Cb);
        assert_eq!((cr.x, cr.y), (0.0, 0.0));
        assert_eq!((cb.x, cb.y), (0.0, 1.0));
    }

    #[test]
    fn offsets_without_vertical_subsampling() {
        for l in ChromaSiting::ALL {
            let (x, y) = at(l, Subsampling::S422);
            assert_eq!(y, 0.0);
            let centred = matches!(
                l,
                ChromaSiting::Center | ChromaSiting::Top | ChromaSiting::Bottom
            );
            assert_eq!(x, if centred { 0.5 } else { 0.0 });
            assert_eq!(at(l, Subsampling::S444), (0.0, 0.0));
            let (x411, _) = at(l, Subsampling::S411);
            assert_eq!(x411, if centred { 1.5 } else { 0.0 });
        }
    }

    #[test]
    fn centring() {
        use ChromaSiting::*;
        assert_eq!(Left.centred(false, true), Left);
        assert_eq!(Left.centred(true, false), Center);
        assert_eq!(TopLeft.centred(false, true), Left);
        assert_eq!(TopLeft.centred(true, true), Center);
        assert_eq!(BottomLeft.centred(true, false), Bottom);
        assert_eq!(Top.centred(false, false), Top);
        assert_eq!(Dv420.centred(false, true), Left);
        assert_eq!(Dv420.centred(true, true), Center);
        assert_eq!(Dv420.centred(true, false), Dv420);
        for l in ChromaSiting::ALL {
            assert_eq!(l.centred(false, false), l);
            assert_eq!(l.centred(true, true), Center);
        }
    }

    #[test]
    fn strings_and_loc_types() {
        for l in ChromaSiting::ALL {
            assert_eq!(ChromaSiting::from_cv_string(l.cv_string()), Some(l));
            if let Some(t) = l.chroma_sample_loc_type() {
                assert_eq!(ChromaSiting::from_chroma_sample_loc_type(t), Some(l));
            }
        }
        assert_eq!(ChromaSiting::from_cv_string("DV420"), None);
        assert_eq!(
            ChromaSiting::from_cv_string("DV 4:2:0"),
            Some(ChromaSiting::Dv420)
        );
        assert_eq!(ChromaSiting::Left.chroma_sample_loc_type(), Some(0));
        assert_eq!(ChromaSiting::Bottom.chroma_sample_loc_type(), Some(5));
        assert_eq!(ChromaSiting::Dv420.chroma_sample_loc_type(), None);
        assert_eq!(ChromaSiting::from_chroma_sample_loc_type(6), None);
        assert_eq!(Subsampling::new(3, 1), None);
        assert_eq!(Subsampling::new(2, 2), Some(Subsampling::S420));
    }
}
