//! The intermediate row: one image row as four planar `f32` channels of
//! code values, in the colour model of the format it came from.
//!
//! Invariant: every channel vector is exactly as long as the shape says
//! (see [`IntermediateRow::channel_len`]), so kernels that have checked the
//! shape can index without further checks.

/// What the four channels of a row mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ColorModel {
    /// R, G, B, alpha.
    Rgb,
    /// Y', Cb, Cr, alpha; Cb and Cr at the chroma width.
    YCbCr,
    /// Gray (or the one generic component of `'L008'` …) in channel 0,
    /// alpha in channel 3; channels 1 and 2 are empty.
    Gray,
    /// The two generic components of `'2C08'` … in channels 0 and 1;
    /// channels 2 and 3 are empty.
    TwoComponent,
}

/// Channel indices. Alpha is always channel 3.
///
/// `pub(crate)`, not `pub`: cbindgen turns every public constant of the
/// crate into a `#define` in the C header, and `R`, `B`, `A` … must not
/// leak there.
pub(crate) mod channel {
    pub(crate) const R: usize = 0;
    pub(crate) const G: usize = 1;
    pub(crate) const B: usize = 2;
    pub(crate) const Y: usize = 0;
    pub(crate) const CB: usize = 1;
    pub(crate) const CR: usize = 2;
    pub(crate) const GRAY: usize = 0;
    /// First and second component of the generic two-component formats.
    pub(crate) const C0: usize = 0;
    pub(crate) const C1: usize = 1;
    pub(crate) const A: usize = 3;
}

/// One image row of code values (see the module docs of `convert::io` for
/// what "code value" means per format).
#[derive(Clone, Debug, PartialEq)]
pub struct IntermediateRow {
    model: ColorModel,
    width: usize,
    chroma_width: usize,
    alpha: bool,
    channels: [Vec<f32>; 4],
}

impl IntermediateRow {
    /// A zero-filled row. `chroma_width` only matters for
    /// [`ColorModel::YCbCr`] (the number of Cb/Cr samples, e.g.
    /// `ceil(width / 2)` for 4:2:x); other models ignore it.
    pub fn new(model: ColorModel, width: usize, chroma_width: usize, alpha: bool) -> Self {
        let mut row = IntermediateRow {
            model,
            width: 0,
            chroma_width: 0,
            alpha: false,
            channels: Default::default(),
        };
        row.reshape(model, width, chroma_width, alpha);
        row
    }

    /// Changes the shape in place, keeping the allocations. Values of
    /// channels that keep their length are unspecified afterwards (the
    /// kernels overwrite them); new space is zero.
    pub fn reshape(&mut self, model: ColorModel, width: usize, chroma_width: usize, alpha: bool) {
        // The generic two-component formats have no alpha channel.
        let alpha = alpha && model != ColorModel::TwoComponent;
        let chroma_width = if model == ColorModel::YCbCr {
            chroma_width
        } else {
            width
        };
        self.model = model;
        self.width = width;
        self.chroma_width = chroma_width;
        self.alpha = alpha;
        for (c, channel) in self.channels.iter_mut().enumerate() {
            channel.resize(Self::channel_len(model, width, chroma_width, alpha, c), 0.0);
        }
    }

    /// Length of channel `c` for a shape.
    pub fn channel_len(
        model: ColorModel,
        width: usize,
        chroma_width: usize,
        alpha: bool,
        c: usize,
    ) -> usize {
        match (model, c) {
            (ColorModel::Rgb, 0..=2) => width,
            (ColorModel::YCbCr, 0) => width,
            (ColorModel::YCbCr, 1 | 2) => chroma_width,
            (ColorModel::Gray, 0) => width,
            (ColorModel::TwoComponent, 0 | 1) => width,
            (ColorModel::Rgb | ColorModel::YCbCr | ColorModel::Gray, 3) if alpha => width,
            _ => 0,
        }
    }

    pub fn model(&self) -> ColorModel {
        self.model
    }

    /// Image pixels in the row.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Cb/Cr samples in the row (equal to `width` for other models).
    pub fn chroma_width(&self) -> usize {
        self.chroma_width
    }

    /// Whether channel 3 carries alpha. Packing a row without alpha into a
    /// format with alpha writes opaque alpha.
    pub fn has_alpha(&self) -> bool {
        self.alpha
    }

    /// Adds (zero-filled) or drops the alpha channel.
    pub fn set_alpha(&mut self, alpha: bool) {
        let (model, width, chroma_width) = (self.model, self.width, self.chroma_width);
        self.reshape(model, width, chroma_width, alpha);
    }

    /// Channel `c` (0–3); empty when the shape has no such channel.
    pub fn channel(&self, c: usize) -> &[f32] {
        self.channels.get(c).map_or(&[], Vec::as_slice)
    }

    pub fn channel_mut(&mut self, c: usize) -> &mut [f32] {
        self.channels.get_mut(c).map_or(&mut [], Vec::as_mut_slice)
    }

    /// All four channels at once.
    pub fn channels(&self) -> [&[f32]; 4] {
        let [a, b, c, d] = &self.channels;
        [a, b, c, d]
    }

    /// All four channels at once, mutably.
    pub fn channels_mut(&mut self) -> [&mut [f32]; 4] {
        let [a, b, c, d] = &mut self.channels;
        [a, b, c, d]
    }

    /// Whether this row has exactly the given shape.
    pub(super) fn has_shape(&self, model: ColorModel, width: usize, chroma_width: usize) -> bool {
        self.model == model
            && self.width == width
            && (model != ColorModel::YCbCr || self.chroma_width == chroma_width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let row = IntermediateRow::new(ColorModel::YCbCr, 5, 3, false);
        assert_eq!(row.channels().map(<[f32]>::len), [5, 3, 3, 0]);
        let mut row = IntermediateRow::new(ColorModel::Rgb, 4, 99, true);
        assert_eq!(row.channels().map(<[f32]>::len), [4, 4, 4, 4]);
        assert_eq!(row.chroma_width(), 4);
        row.set_alpha(false);
        assert_eq!(row.channels().map(<[f32]>::len), [4, 4, 4, 0]);
        row.reshape(ColorModel::Gray, 2, 0, true);
        assert_eq!(row.channels().map(<[f32]>::len), [2, 0, 0, 2]);
        row.reshape(ColorModel::TwoComponent, 3, 0, true);
        assert_eq!(row.channels().map(<[f32]>::len), [3, 3, 0, 0]);
        assert!(!row.has_alpha());
        assert!(row.channel(7).is_empty());
    }
}
