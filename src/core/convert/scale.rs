//! The resampling stage of the row pipeline: where a conversion draws
//! ([`Placement`]) and the stage that turns source rows into rows of the
//! placed picture (`Scaler`).
//!
//! The picture is the destination rectangle `target`; the pipeline runs on
//! a virtual frame of the picture's size in the *source's* format model
//! and chroma grid, whose rows the scaler produces, and the rest of the
//! pipeline (chroma up/down-sampling, colour stage) is unchanged. Each
//! channel is resampled at its own resolution and siting: luma, R'G'B',
//! gray and alpha on the pixel grid, Cb/Cr on the source's chroma grid
//! (`resample::Mapping::sited`), so chroma that reaches a destination of
//! the same subsampling is resampled once, at chroma resolution.
//!
//! Order: each source row is decoded and resampled horizontally once into
//! a ring of picture-width rows; each picture row is then a vertical blend
//! over that ring (`resample::accumulate_row`). Taps are computed once per
//! frame; nothing is allocated per row.
//!
//! Decisions:
//! - The filter reads source pixels around the source rectangle (the
//!   clean aperture's neighbours are real picture); only the buffer's own
//!   edges mirror (`core::resample`).
//! - Values are resampled as stored: straight colour stays straight,
//!   premultiplied colour (`'w40m'`) is resampled premultiplied.

use super::chroma::Grid;
use super::codes::FormatCodes;
use super::io::{ColorModel, ConvertError, FormatInfo, FrameReader, IntermediateRow};
use super::pipeline::{Ring, Row, zeroed};
use crate::core::resample::{Filter, Mapping, Taps, accumulate_difference};

/// A rectangle of the source in pixel-edge coordinates, top-left origin
/// (pixel `(i, j)` covers `[i, i+1) × [j, j+1)`); may be fractional.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SourceRect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// A rectangle of whole destination pixels, top-left origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TargetRect {
    pub x: usize,
    pub y: usize,
    pub width: usize,
    pub height: usize,
}

/// Where a conversion draws: `source` is resampled onto `target` with
/// `filter`; every destination pixel outside `target` is black in the
/// destination's own terms (Y' at the bottom of its range, neutral chroma,
/// R'G'B' 0, opaque alpha — `pixel_format::black`'s values).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    pub source: SourceRect,
    pub target: TargetRect,
    pub filter: Filter,
}

impl Placement {
    /// Whole source onto whole destination (`kVTScalingMode_Normal`).
    pub fn stretch(source: (usize, usize), destination: (usize, usize), filter: Filter) -> Self {
        Placement {
            source: SourceRect {
                x: 0.0,
                y: 0.0,
                width: source.0 as f64,
                height: source.1 as f64,
            },
            target: TargetRect {
                x: 0,
                y: 0,
                width: destination.0,
                height: destination.1,
            },
            filter,
        }
    }

    /// Whether this is a same-size copy of the whole frame (no resampling,
    /// no bars: the fast paths and the unscaled pipeline apply).
    pub fn is_identity(&self, source: (usize, usize), destination: (usize, usize)) -> bool {
        source == destination && *self == Placement::stretch(source, destination, self.filter)
    }

    /// [`ConvertError::BadPlacement`] unless the source rectangle is finite,
    /// non-empty and inside the source, and the target is non-empty, inside
    /// the destination and on its chroma grid (`x`, `y` multiples of the
    /// subsampling, the far edges too unless they are the frame's edges).
    pub(crate) fn check(
        &self,
        source: (usize, usize),
        destination: (usize, usize),
        grid: (usize, usize),
    ) -> Result<(), ConvertError> {
        let s = self.source;
        let t = self.target;
        let inside = |start: f64, len: f64, limit: usize| {
            start.is_finite()
                && len.is_finite()
                && start >= 0.0
                && len > 0.0
                && start + len <= limit as f64 + 1e-9
        };
        let on_grid = |start: usize, len: usize, limit: usize, factor: usize| {
            len > 0
                && start.checked_add(len).is_some_and(|end| end <= limit)
                && start % factor == 0
                && ((start + len) % factor == 0 || start + len == limit)
        };
        let ok = inside(s.x, s.width, source.0)
            && inside(s.y, s.height, source.1)
            && on_grid(t.x, t.width, destination.0, grid.0.max(1))
            && on_grid(t.y, t.height, destination.1, grid.1.max(1));
        if ok {
            Ok(())
        } else {
            Err(ConvertError::BadPlacement)
        }
    }
}

/// Which grid a source channel lives on.
#[derive(Clone, Copy)]
enum Lane {
    Absent,
    Pixels,
    Chroma(usize),
}

/// Produces picture rows from source rows (module docs).
pub(super) struct Scaler {
    lanes: [Lane; 3],
    has_alpha: bool,
    /// Horizontal taps: pixels, chroma.
    h_pixels: Taps,
    h_chroma: Option<Taps>,
    /// Vertical taps: picture rows from source rows; picture chroma rows
    /// from source chroma rows, per component.
    v_pixels: Taps,
    v_chroma: [Option<Taps>; 2],
    /// Image rows per chroma row (source and picture alike).
    chroma_rows: usize,
    unpacked: IntermediateRow,
    decoded: [Vec<f32>; 4],
    rows: Ring<Row>,
}

impl Scaler {
    /// `source_grids`: the source's chroma grids (horizontal; vertical per
    /// component) for a Y'CbCr source.
    pub fn new(
        info: &FormatInfo,
        reader: &FrameReader<'_, '_>,
        placement: &Placement,
        source_grids: Option<(Grid, [Grid; 2])>,
    ) -> Result<Scaler, ConvertError> {
        let (sw, sh) = (reader.width(), reader.height());
        let (pw, ph) = (placement.target.width, placement.target.height);
        let s = placement.source;
        let filter = placement.filter;
        let taps = |input, output, map| {
            Taps::new(filter, input, output, map).ok_or(ConvertError::OutOfMemory)
        };
        let lanes = match info.model {
            ColorModel::Rgb => [Lane::Pixels; 3],
            ColorModel::YCbCr => [Lane::Pixels, Lane::Chroma(0), Lane::Chroma(1)],
            ColorModel::Gray => [Lane::Pixels, Lane::Absent, Lane::Absent],
            ColorModel::TwoComponent => [Lane::Pixels, Lane::Pixels, Lane::Absent],
        };
        let h_pixels = taps(sw, pw, Mapping::region(s.x, s.width, pw))?;
        let v_pixels = taps(sh, ph, Mapping::region(s.y, s.height, ph))?;
        let mut h_chroma = None;
        let mut v_chroma = [None, None];
        let mut chroma_rows = 1;
        if let (ColorModel::YCbCr, Some((gh, gv))) = (info.model, source_grids) {
            let grid = |g: Grid| (g.factor, g.offset);
            h_chroma = Some(taps(
                gh.samples(sw),
                gh.samples(pw),
                Mapping::sited(s.x, s.width, pw, grid(gh), grid(gh)),
            )?);
            for (c, g) in gv.iter().enumerate() {
                v_chroma[c] = Some(taps(
                    g.samples(sh),
                    g.samples(ph),
                    Mapping::sited(s.y, s.height, ph, grid(*g), grid(*g)),
                )?);
            }
            chroma_rows = gv[0].factor as usize;
        }
        let unpacked = reader.codec().new_row(sw);
        let picture = reader.codec().new_row(pw);
        let lengths: [usize; 3] = std::array::from_fn(|c| picture.channel(c).len());
        let decoded = [
            zeroed(unpacked.channel(0).len())?,
            zeroed(unpacked.channel(1).len())?,
            zeroed(unpacked.channel(2).len())?,
            zeroed(sw)?,
        ];
        let mut scaler = Scaler {
            lanes,
            has_alpha: unpacked.has_alpha(),
            h_pixels,
            h_chroma,
            v_pixels,
            v_chroma,
            chroma_rows,
            unpacked,
            decoded,
            rows: Ring::new(0, || Row::new([0; 3], 0))?,
        };
        let window = (0..ph)
            .map(|y| {
                let r = scaler.window(y);
                r.end - r.start
            })
            .max()
            .unwrap_or(1);
        scaler.rows = Ring::new((window + 1).min(sh), || Row::new(lengths, pw))?;
        Ok(scaler)
    }

    /// The source rows picture row `y` reads (pixels, and chroma when `y`
    /// starts a chroma row).
    fn window(&self, y: usize) -> std::ops::Range<usize> {
        let mut range = self.v_pixels.support(y);
        if y % self.chroma_rows == 0 {
            for taps in self.v_chroma.iter().flatten() {
                let s = taps.support(y / self.chroma_rows);
                range.start = range.start.min(s.start * self.chroma_rows);
                range.end = range.end.max((s.end - 1) * self.chroma_rows + 1);
            }
        }
        range
    }

    /// Decodes source row `r` and resamples it horizontally into the ring.
    fn ensure_row(
        &mut self,
        r: usize,
        reader: &FrameReader<'_, '_>,
        codes: &FormatCodes,
    ) -> Result<(), ConvertError> {
        if self.rows.holds(r) {
            return Ok(());
        }
        reader.read_row(r, &mut self.unpacked)?;
        let with_chroma = r % self.chroma_rows == 0;
        let row = self.rows.claim(r);
        for (c, lane) in self.lanes.iter().enumerate() {
            let taps = match lane {
                Lane::Absent => continue,
                Lane::Pixels => &self.h_pixels,
                Lane::Chroma(_) if !with_chroma => continue,
                Lane::Chroma(_) => match &self.h_chroma {
                    Some(t) => t,
                    None => continue,
                },
            };
            codes.decode[c].apply(self.unpacked.channel(c), &mut self.decoded[c]);
            crate::core::resample::resample_row(taps, &self.decoded[c], &mut row.colour[c]);
        }
        if let (Some((decode, _)), true) = (codes.alpha, self.has_alpha) {
            decode.apply(self.unpacked.channel(3), &mut self.decoded[3]);
            crate::core::resample::resample_row(&self.h_pixels, &self.decoded[3], &mut row.alpha);
        }
        Ok(())
    }

    /// Picture row `y` into `out` (a row of the picture's shape).
    pub fn produce(
        &mut self,
        y: usize,
        reader: &FrameReader<'_, '_>,
        codes: &FormatCodes,
        out: &mut Row,
    ) -> Result<(), ConvertError> {
        for r in self.window(y) {
            self.ensure_row(r, reader, codes)?;
        }
        let alpha = self.has_alpha && codes.alpha.is_some();
        let chroma_row = (y % self.chroma_rows == 0).then_some(y / self.chroma_rows);
        for (c, lane) in self.lanes.iter().enumerate() {
            match *lane {
                Lane::Absent => {}
                Lane::Pixels => blend(&self.rows, &self.v_pixels, y, 1, c, &mut out.colour[c])?,
                Lane::Chroma(k) => {
                    if let (Some(j), Some(taps)) = (chroma_row, &self.v_chroma[k]) {
                        blend(&self.rows, taps, j, self.chroma_rows, c, &mut out.colour[c])?;
                    }
                }
            }
        }
        if alpha {
            blend(&self.rows, &self.v_pixels, y, 1, 3, &mut out.alpha)?;
        } else {
            out.alpha.fill(1.0);
        }
        Ok(())
    }
}

/// Output `j` of vertical `taps` over channel `c` (3 = alpha) of the ring's
/// rows; input `i` is ring row `i · stride`.
fn blend(
    rows: &Ring<Row>,
    taps: &Taps,
    j: usize,
    stride: usize,
    c: usize,
    out: &mut [f32],
) -> Result<(), ConvertError> {
    let pick = |r: usize| -> Result<&[f32], ConvertError> {
        let row = rows.get(r * stride)?;
        Ok(if c == 3 { &row.alpha } else { &row.colour[c] })
    };
    let first = taps.first(j);
    let base_index = taps.support(j).start;
    let base = pick(base_index)?;
    out.copy_from_slice(&base[..out.len()]);
    for (k, &w) in taps.weights(j).iter().enumerate() {
        if w != 0.0 && first + k != base_index {
            accumulate_difference(w, pick(first + k)?, base, out);
        }
    }
    Ok(())
}
