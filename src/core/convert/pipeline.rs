//! The plane driver of the any-to-any conversion: validates both frames,
//! builds the per-frame chroma taps, then produces destination rows from
//! the top, pulling source rows through a small window.
//!
//! # Row flow
//!
//! ```text
//! source image row ──unpack──▶ codes ──decode──▶ source row (normalised, source chroma grid)
//!   window of source rows ──vertical chroma taps──▶ horizontal chroma taps
//!   ──▶ [unpremultiply] ──▶ colour stage ──▶ [premultiply] ──▶ horizontal chroma taps
//!   ──▶ work row (normalised, destination kind)
//! window of work rows ──vertical chroma taps──▶ encode ──▶ codes ──pack──▶ destination image row
//! ```
//!
//! Source rows and work rows live in two small rings (`Ring`) sized to
//! the widest window any one row needs, so no full-frame temporary exists
//! and every source row is unpacked about once. A 4:2:0 destination
//! chroma row is written with its pair's first image row, so producing
//! destination row `2J` may compute work row `2J + 1` ahead.
//!
//! Where scaling goes: a resampling stage replaces the one-to-one
//! "source row `i` → work row `i`" step — its vertical filter is another
//! tap list over the source ring (like the vertical chroma taps), its
//! horizontal filter runs on each gathered row — and everything after
//! the work rows stays as it is.
//!
//! Which chroma grid the work rows carry: full resolution when the colour
//! stage mixes channels (it needs every pixel's Y', Cb, Cr) or when the
//! two sides' grids differ in a direction; otherwise (Y'CbCr → Y'CbCr with
//! one matrix and the same subsampling and siting) the source's own grid,
//! so chroma passes through untouched.

use super::chroma::{self, Grid, Tap};
use super::codes::FormatCodes;
use super::colour_stage::PreparedStage;
use super::io::{
    ColorModel, ConvertError, DestPlane, FrameReader, FrameWriter, IntermediateRow, SourcePlane,
};
use super::plan::{ChromaLayout, ConversionPlan, DownsamplingMode};
use crate::core::color::{ChromaComponent, Subsampling};

/// One source frame: its size and the memory of each plane.
#[derive(Clone, Copy, Debug)]
pub struct SourceFrame<'p, 'a> {
    pub width: usize,
    pub height: usize,
    pub planes: &'p [SourcePlane<'a>],
}

/// One destination frame.
#[derive(Debug)]
pub struct DestFrame<'p, 'a> {
    pub width: usize,
    pub height: usize,
    pub planes: &'p mut [DestPlane<'a>],
}

impl ConversionPlan {
    /// Converts `source` into `destination` (same size). Geometry is
    /// checked first (see `convert::io`'s frame rules); nothing is written
    /// unless both frames are valid. Bytes outside each plane row's length
    /// are never touched.
    pub fn convert(
        &self,
        source: &SourceFrame<'_, '_>,
        destination: &mut DestFrame<'_, '_>,
    ) -> Result<(), ConvertError> {
        if (source.width, source.height) != (destination.width, destination.height) {
            return Err(ConvertError::SizeMismatch {
                from: (source.width, source.height),
                to: (destination.width, destination.height),
            });
        }
        let (width, height) = (source.width, source.height);
        let reader = FrameReader::new(self.request.source, width, height, source.planes)?;
        let mut writer =
            FrameWriter::new(self.request.destination, width, height, destination.planes)?;
        if let Some(kernel) = &self.fast {
            if super::fast::run(kernel, self, &reader, &mut writer)? {
                return Ok(());
            }
        }
        Driver::new(self, reader, writer)?.run()
    }
}

/// The chroma grids of one layout: horizontal, and vertical per component
/// (Cb, Cr — they differ only for DV 4:2:0).
fn grids(layout: &ChromaLayout) -> (Grid, [Grid; 2]) {
    let (h, v) = layout.subsampling;
    let s = Subsampling::new(h, v).unwrap_or(Subsampling::S444);
    let at = |c| layout.siting.offset(s, c);
    let (cb, cr) = (at(ChromaComponent::Cb), at(ChromaComponent::Cr));
    (
        Grid {
            factor: h,
            offset: cb.x,
        },
        [
            Grid {
                factor: v,
                offset: cb.y,
            },
            Grid {
                factor: v,
                offset: cr.y,
            },
        ],
    )
}

/// Normalised rows indexed by image row, `index % capacity` per slot.
struct Ring<T> {
    slots: Vec<(Option<usize>, T)>,
}

impl<T> Ring<T> {
    fn new(
        capacity: usize,
        mut make: impl FnMut() -> Result<T, ConvertError>,
    ) -> Result<Self, ConvertError> {
        let mut slots = Vec::new();
        slots
            .try_reserve_exact(capacity)
            .map_err(|_| ConvertError::OutOfMemory)?;
        for _ in 0..capacity.max(1) {
            slots.push((None, make()?));
        }
        Ok(Ring { slots })
    }

    fn slot(&self, index: usize) -> usize {
        index % self.slots.len()
    }

    fn holds(&self, index: usize) -> bool {
        self.slots[self.slot(index)].0 == Some(index)
    }

    /// The row with this index. A missing row is a window-sizing bug;
    /// reported as an error rather than a panic.
    fn get(&self, index: usize) -> Result<&T, ConvertError> {
        let (held, row) = &self.slots[self.slot(index)];
        if *held == Some(index) {
            Ok(row)
        } else {
            Err(ConvertError::RowShape)
        }
    }

    /// The slot for `index`, marked as holding it (its old contents stay
    /// until overwritten).
    fn claim(&mut self, index: usize) -> &mut T {
        let s = self.slot(index);
        self.slots[s].0 = Some(index);
        &mut self.slots[s].1
    }
}

fn zeroed(len: usize) -> Result<Vec<f32>, ConvertError> {
    let mut v = Vec::new();
    v.try_reserve_exact(len)
        .map_err(|_| ConvertError::OutOfMemory)?;
    v.resize(len, 0.0);
    Ok(v)
}

/// Three colour channels and alpha, normalised.
struct Row {
    colour: [Vec<f32>; 3],
    alpha: Vec<f32>,
}

impl Row {
    fn new(lengths: [usize; 3], width: usize) -> Result<Row, ConvertError> {
        Ok(Row {
            colour: [
                zeroed(lengths[0])?,
                zeroed(lengths[1])?,
                zeroed(lengths[2])?,
            ],
            alpha: zeroed(width)?,
        })
    }
}

/// Per-frame state of one conversion.
struct Driver<'d, 'p, 'a, 'q, 'b> {
    plan: &'d ConversionPlan,
    reader: FrameReader<'p, 'a>,
    writer: FrameWriter<'q, 'b>,
    width: usize,
    height: usize,
    source_codes: FormatCodes,
    destination_codes: FormatCodes,
    /// Whether the colour stage runs (it mixes channels).
    mixing: bool,
    /// The plan's colour stage, prepared for this frame.
    colour: PreparedStage,
    /// Whether work rows carry source chroma (Y'CbCr sources whose chroma
    /// reaches the destination or the colour stage).
    source_chroma: bool,
    /// Whether work rows carry destination chroma; a Y'CbCr destination
    /// without it (gray source, no mixing) gets neutral chroma.
    work_chroma: bool,
    /// Image rows per source chroma row.
    source_chroma_rows: usize,
    /// Image rows per destination chroma row.
    destination_chroma_rows: usize,
    /// Source chroma width → working chroma width; `None` = unchanged.
    h_up: Option<Vec<Tap>>,
    /// Working chroma width → destination chroma width; `None` = unchanged.
    h_down: Option<Vec<Tap>>,
    /// Per work row, per component: which source chroma rows.
    v_up: [Vec<Tap>; 2],
    /// Per destination chroma row, per component: which work rows.
    v_down: [Vec<Tap>; 2],
    unpacked: IntermediateRow,
    packed: IntermediateRow,
    source_rows: Ring<Row>,
    work_rows: Ring<Row>,
    /// Colour-stage input/output, full width.
    stage: [Vec<f32>; 3],
    /// Vertically resampled source chroma, source chroma width.
    column: [Vec<f32>; 2],
    /// Destination chroma of one destination chroma row, normalised.
    chroma_out: [Vec<f32>; 2],
}

impl<'d, 'p, 'a, 'q, 'b> Driver<'d, 'p, 'a, 'q, 'b> {
    fn new(
        plan: &'d ConversionPlan,
        reader: FrameReader<'p, 'a>,
        writer: FrameWriter<'q, 'b>,
    ) -> Result<Self, ConvertError> {
        let (width, height) = (reader.width(), reader.height());
        let source_codes = FormatCodes::new(&plan.source)?;
        let destination_codes = FormatCodes::new(&plan.destination)?;
        let mixing = !plan.colour.is_identity();
        let colour = plan.colour.prepare()?;
        let dst_model = plan.destination.model;
        let source_chroma =
            plan.source_chroma.is_some() && (mixing || plan.destination_chroma.is_some());
        let work_chroma =
            plan.destination_chroma.is_some() && (mixing || plan.source_chroma.is_some());

        let src_grids = plan.source_chroma.as_ref().map(grids);
        let dst_grids = plan.destination_chroma.as_ref().map(grids);
        let (full_h, full_v) = match (src_grids, dst_grids) {
            _ if mixing => (true, true),
            (Some((sh, sv)), Some((dh, dv))) => (sh != dh, sv != dv),
            _ => (true, true),
        };
        let source_chroma_rows = plan.source_chroma.map_or(1, |c| c.subsampling.1 as usize);
        let destination_chroma_rows = plan
            .destination_chroma
            .map_or(1, |c| c.subsampling.1 as usize);
        let filters = plan.destination_chroma.map_or(
            (DownsamplingMode::Decimate, DownsamplingMode::Decimate),
            |c| c.filters,
        );

        let mut h_up = None;
        let mut v_up: [Vec<Tap>; 2] = Default::default();
        if let (true, Some((sh, sv))) = (source_chroma, src_grids) {
            if full_h {
                h_up = Some(chroma::upsample(sh, width))
                    .filter(|t| !chroma::is_identity(t, sh.samples(width)));
            }
            for (c, grid) in sv.iter().enumerate() {
                v_up[c] = if full_v {
                    chroma::upsample(*grid, height)
                } else {
                    (0..height)
                        .map(|i| Tap::copy(i / source_chroma_rows))
                        .collect()
                };
            }
        }
        let mut h_down = None;
        let mut v_down: [Vec<Tap>; 2] = Default::default();
        if let (true, Some((dh, dv))) = (work_chroma, dst_grids) {
            if full_h {
                h_down = Some(chroma::downsample(dh, width, filters.0))
                    .filter(|t| !chroma::is_identity(t, width));
            }
            for (c, grid) in dv.iter().enumerate() {
                v_down[c] = if full_v {
                    chroma::downsample(*grid, height, filters.1)
                } else {
                    (0..grid.samples(height))
                        .map(|j| Tap::copy(j * destination_chroma_rows))
                        .collect()
                };
            }
        }

        // Ring sizes: the widest window one row needs, plus one so that a
        // row survives until its neighbour has used it.
        let source_window = (0..height)
            .map(|i| {
                let rows = v_up
                    .iter()
                    .filter_map(|t| t.get(i))
                    .flat_map(|t| t.inputs().map(|j| j * source_chroma_rows));
                span(std::iter::once(i).chain(rows))
            })
            .max()
            .unwrap_or(1);
        let work_window = (0..height)
            .map(|y| {
                let chroma_row =
                    (y % destination_chroma_rows == 0).then_some(y / destination_chroma_rows);
                let rows = v_down
                    .iter()
                    .filter_map(|t| chroma_row.and_then(|j| t.get(j)))
                    .flat_map(|t| t.inputs());
                span(std::iter::once(y).chain(rows))
            })
            .max()
            .unwrap_or(1);

        let unpacked = reader.codec().new_row(width);
        let packed = writer.codec().new_row(width);
        let src_lengths = std::array::from_fn(|c| unpacked.channel(c).len());
        let source_rows = Ring::new((source_window + 1).min(height), || {
            Row::new(src_lengths, width)
        })?;
        let work_chroma_width = match &h_down {
            Some(t) => t.len(),
            None => plan.destination.chroma_width(width),
        };
        let work_lengths = match dst_model {
            ColorModel::Rgb => [width; 3],
            ColorModel::YCbCr if work_chroma => [width, work_chroma_width, work_chroma_width],
            ColorModel::TwoComponent => [width, width, 0],
            ColorModel::YCbCr | ColorModel::Gray => [width, 0, 0],
        };
        let work_rows = Ring::new((work_window + 1).min(height), || {
            Row::new(work_lengths, width)
        })?;
        let source_chroma_width = plan.source.chroma_width(width);
        let destination_chroma_width = plan.destination.chroma_width(width);
        Ok(Driver {
            plan,
            reader,
            writer,
            width,
            height,
            source_codes,
            destination_codes,
            mixing,
            colour,
            source_chroma,
            work_chroma,
            source_chroma_rows,
            destination_chroma_rows,
            h_up,
            h_down,
            v_up,
            v_down,
            unpacked,
            packed,
            source_rows,
            work_rows,
            stage: [zeroed(width)?, zeroed(width)?, zeroed(width)?],
            column: [zeroed(source_chroma_width)?, zeroed(source_chroma_width)?],
            chroma_out: [
                zeroed(destination_chroma_width)?,
                zeroed(destination_chroma_width)?,
            ],
        })
    }

    fn run(mut self) -> Result<(), ConvertError> {
        for y in 0..self.height {
            self.destination_row(y)?;
        }
        Ok(())
    }

    /// Unpacks and decodes source image row `y` into the source ring.
    fn ensure_source(&mut self, y: usize) -> Result<(), ConvertError> {
        if self.source_rows.holds(y) {
            return Ok(());
        }
        self.reader.read_row(y, &mut self.unpacked)?;
        let codes = &self.source_codes;
        let row = self.source_rows.claim(y);
        for (c, out) in row.colour.iter_mut().enumerate() {
            codes.decode[c].apply(self.unpacked.channel(c), out);
        }
        match codes.alpha {
            Some((decode, _)) if self.unpacked.has_alpha() => {
                decode.apply(self.unpacked.channel(3), &mut row.alpha)
            }
            _ => row.alpha.fill(1.0),
        }
        Ok(())
    }

    /// Computes work row `i` into the work ring.
    fn ensure_work(&mut self, i: usize) -> Result<(), ConvertError> {
        if self.work_rows.holds(i) {
            return Ok(());
        }
        self.ensure_source(i)?;
        if self.source_chroma {
            for c in 0..2 {
                let tap = self.v_up[c][i];
                for j in tap.inputs() {
                    self.ensure_source(j * self.source_chroma_rows)?;
                }
            }
        }
        let width = self.width;
        let src = self.source_rows.get(i)?;
        // Gather the colour-stage input.
        let [s0, s1, s2] = &mut self.stage;
        s0[..width].copy_from_slice(&src.colour[0]);
        let mut chroma_len = width;
        match self.plan.source.model {
            ColorModel::Rgb => {
                s1.copy_from_slice(&src.colour[1]);
                s2.copy_from_slice(&src.colour[2]);
            }
            ColorModel::TwoComponent => s1.copy_from_slice(&src.colour[1]),
            ColorModel::Gray => {
                s1.fill(0.0);
                s2.fill(0.0);
            }
            ColorModel::YCbCr if self.source_chroma => {
                for (c, out) in [&mut *s1, &mut *s2].into_iter().enumerate() {
                    let tap = self.v_up[c][i];
                    let rows = self.source_chroma_rows;
                    let a = &self.source_rows.get(tap.first * rows)?.colour[1 + c];
                    let b = match tap.inputs().nth(1) {
                        Some(j) => &self.source_rows.get(j * rows)?.colour[1 + c],
                        None => a,
                    };
                    let column = &mut self.column[c];
                    chroma::blend_rows(tap.weights, a, b, column);
                    match &self.h_up {
                        Some(taps) => chroma::resample_row(taps, column, out),
                        None => {
                            chroma_len = column.len();
                            out[..chroma_len].copy_from_slice(column);
                        }
                    }
                }
            }
            ColorModel::YCbCr => {}
        }
        let alpha = &src.alpha;
        if self.plan.unpremultiply {
            super::colour_stage::unpremultiply([&mut *s0, &mut *s1, &mut *s2], alpha);
        }
        if self.mixing {
            self.colour.run([&mut *s0, &mut *s1, &mut *s2]);
        }
        if self.plan.premultiply {
            super::colour_stage::premultiply([&mut *s0, &mut *s1, &mut *s2], alpha);
        }
        let work = self.work_rows.claim(i);
        work.alpha.copy_from_slice(alpha);
        let [w0, w1, w2] = &mut work.colour;
        w0.copy_from_slice(s0);
        match self.plan.destination.model {
            ColorModel::Rgb => {
                w1.copy_from_slice(s1);
                w2.copy_from_slice(s2);
            }
            ColorModel::TwoComponent => w1.copy_from_slice(s1),
            ColorModel::YCbCr if self.work_chroma => match &self.h_down {
                Some(taps) => {
                    chroma::resample_row(taps, s1, w1);
                    chroma::resample_row(taps, s2, w2);
                }
                None => {
                    w1.copy_from_slice(&s1[..chroma_len]);
                    w2.copy_from_slice(&s2[..chroma_len]);
                }
            },
            ColorModel::YCbCr | ColorModel::Gray => {}
        }
        Ok(())
    }

    /// Produces and packs destination image row `y`.
    fn destination_row(&mut self, y: usize) -> Result<(), ConvertError> {
        self.ensure_work(y)?;
        let ycbcr = self.plan.destination.model == ColorModel::YCbCr;
        let writes_chroma = ycbcr && y % self.destination_chroma_rows == 0;
        if writes_chroma && self.work_chroma {
            let j = y / self.destination_chroma_rows;
            for c in 0..2 {
                for i in self.v_down[c][j].inputs() {
                    self.ensure_work(i)?;
                }
            }
            for c in 0..2 {
                let tap = self.v_down[c][j];
                let a = &self.work_rows.get(tap.first)?.colour[1 + c];
                let b = match tap.inputs().nth(1) {
                    Some(i) => &self.work_rows.get(i)?.colour[1 + c],
                    None => a,
                };
                chroma::blend_rows(tap.weights, a, b, &mut self.chroma_out[c]);
            }
        } else if writes_chroma {
            // Gray source: neutral chroma.
            for c in &mut self.chroma_out {
                c.fill(0.0);
            }
        }
        let work = self.work_rows.get(y)?;
        let codes = &self.destination_codes;
        let [p0, p1, p2, p3] = self.packed.channels_mut();
        codes.encode[0].apply(&work.colour[0], p0);
        match self.plan.destination.model {
            ColorModel::Rgb => {
                codes.encode[1].apply(&work.colour[1], p1);
                codes.encode[2].apply(&work.colour[2], p2);
            }
            ColorModel::TwoComponent => codes.encode[1].apply(&work.colour[1], p1),
            // Odd rows of a 4:2:0 destination keep the previous chroma:
            // the writer ignores it.
            ColorModel::YCbCr if writes_chroma => {
                codes.encode[1].apply(&self.chroma_out[0], p1);
                codes.encode[2].apply(&self.chroma_out[1], p2);
            }
            ColorModel::YCbCr | ColorModel::Gray => {}
        }
        if let Some((_, encode)) = codes.alpha {
            encode.apply(&work.alpha, p3);
        }
        self.writer.write_row(y, &self.packed)
    }
}

/// `max − min + 1` of a non-empty index list.
fn span(indices: impl Iterator<Item = usize>) -> usize {
    let (lo, hi) = indices.fold((usize::MAX, 0), |(lo, hi), i| (lo.min(i), hi.max(i)));
    hi.saturating_sub(lo) + 1
}
