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
//! Scaling (`convert::scale`): when a `Placement` is not a same-size
//! copy, the driver runs on the *picture* (the placement's target) and its
//! "source rows" come from the scaler — source rows decoded and
//! resampled horizontally into their own ring, then blended vertically —
//! in the source's model and chroma grid at picture size; everything after
//! that is the unscaled flow above. Packed destination rows start out as
//! the destination's black, the picture is encoded into its columns, and
//! rows above and below it are written black.
//!
//! Which chroma grid the work rows carry: full resolution when the colour
//! stage mixes channels (it needs every pixel's Y', Cb, Cr) or when the
//! two sides' grids differ in a direction; otherwise (Y'CbCr → Y'CbCr with
//! one matrix and the same subsampling and siting) the source's own grid,
//! so chroma passes through untouched.

use super::chroma::{self, Grid, Tap};
use super::codes::FormatCodes;
use super::colour_stage::PreparedStage;
use super::fast::FastKernel;
use super::io::{
    ColorModel, ConvertError, DestPlane, FrameReader, FrameWriter, IntermediateRow, SourcePlane,
};
use super::plan::{ChromaLayout, ConversionPlan, DownsamplingMode};
use super::scale::{Placement, Scaler};
use crate::core::color::{ChromaComponent, Subsampling};
use crate::core::resample::Filter;

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
    /// Converts `source` into `destination`, stretching the whole source
    /// onto the whole destination when their sizes differ
    /// ([`Placement::stretch`] with the default filter). Geometry is
    /// checked first (see `convert::io`'s frame rules); nothing is written
    /// unless both frames are valid. Bytes outside each plane row's length
    /// are never touched.
    pub fn convert(
        &self,
        source: &SourceFrame<'_, '_>,
        destination: &mut DestFrame<'_, '_>,
    ) -> Result<(), ConvertError> {
        self.convert_threaded(source, destination, 1)
    }

    /// [`ConversionPlan::convert`] allowing up to `threads` threads for
    /// the direct fast paths (see [`ConversionPlan::convert_placed`]).
    pub fn convert_threaded(
        &self,
        source: &SourceFrame<'_, '_>,
        destination: &mut DestFrame<'_, '_>,
        threads: usize,
    ) -> Result<(), ConvertError> {
        let placement = Placement::stretch(
            (source.width, source.height),
            (destination.width, destination.height),
            Filter::default(),
        );
        self.convert_placed(source, destination, &placement, threads)
    }

    /// Converts with an explicit [`Placement`]: `placement.source` of the
    /// source is resampled onto `placement.target` of the destination, the
    /// rest of the destination is black. An invalid placement (see
    /// [`Placement`]'s rules) is [`ConvertError::BadPlacement`], before
    /// anything is written. Up to `threads` threads (stripes, see
    /// `convert::stripes`) run the direct fast paths; the bytes written are
    /// the same for every thread count.
    pub fn convert_placed(
        &self,
        source: &SourceFrame<'_, '_>,
        destination: &mut DestFrame<'_, '_>,
        placement: &Placement,
        threads: usize,
    ) -> Result<(), ConvertError> {
        let src_size = (source.width, source.height);
        let dst_size = (destination.width, destination.height);
        let reader = FrameReader::new(self.request.source, src_size.0, src_size.1, source.planes)?;
        let mut writer = FrameWriter::new(
            self.request.destination,
            dst_size.0,
            dst_size.1,
            destination.planes,
        )?;
        let (gh, gv) = self.destination.chroma_subsampling;
        placement.check(src_size, dst_size, (usize::from(gh), usize::from(gv)))?;
        let identity = placement.is_identity(src_size, dst_size);
        // The direct kernels are same-size copies of the whole frame.
        if let (Some(kernel), true) = (&self.fast, identity) {
            if super::fast::run(kernel, self, &reader, &mut writer, threads)? {
                return Ok(());
            }
        }
        if let (Some(FastKernel::Copy), false) = (&self.fast, identity) {
            if super::fast::run_scaled(self, placement, &reader, &mut writer)? {
                return Ok(());
            }
        }
        let placement = (!identity).then_some(placement);
        Driver::new(self, reader, writer, placement)?.run()
    }
}

/// The chroma grids of one layout: horizontal, and vertical per component
/// (Cb, Cr — they differ only for DV 4:2:0).
pub(super) fn grids(layout: &ChromaLayout) -> (Grid, [Grid; 2]) {
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
pub(super) struct Ring<T> {
    slots: Vec<(Option<usize>, T)>,
}

impl<T> Ring<T> {
    pub(super) fn new(
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

    pub(super) fn holds(&self, index: usize) -> bool {
        self.slots[self.slot(index)].0 == Some(index)
    }

    /// The row with this index. A missing row is a window-sizing bug;
    /// reported as an error rather than a panic.
    pub(super) fn get(&self, index: usize) -> Result<&T, ConvertError> {
        let (held, row) = &self.slots[self.slot(index)];
        if *held == Some(index) {
            Ok(row)
        } else {
            Err(ConvertError::RowShape)
        }
    }

    /// The slot for `index`, marked as holding it (its old contents stay
    /// until overwritten).
    pub(super) fn claim(&mut self, index: usize) -> &mut T {
        let s = self.slot(index);
        self.slots[s].0 = Some(index);
        &mut self.slots[s].1
    }
}

pub(super) fn zeroed(len: usize) -> Result<Vec<f32>, ConvertError> {
    let mut v = Vec::new();
    v.try_reserve_exact(len)
        .map_err(|_| ConvertError::OutOfMemory)?;
    v.resize(len, 0.0);
    Ok(v)
}

/// Three colour channels and alpha, normalised.
pub(super) struct Row {
    pub colour: [Vec<f32>; 3],
    pub alpha: Vec<f32>,
}

impl Row {
    pub(super) fn new(lengths: [usize; 3], width: usize) -> Result<Row, ConvertError> {
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
    /// Picture size: the placement's target (the frame when unscaled).
    width: usize,
    height: usize,
    /// Top-left of the picture in the destination, and its first
    /// destination chroma column.
    origin: (usize, usize),
    chroma_origin: usize,
    destination_height: usize,
    /// Produces picture rows when the conversion resamples.
    scaler: Option<Scaler>,
    /// A whole destination row of black (rows above and below the picture).
    black: IntermediateRow,
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
        placement: Option<&Placement>,
    ) -> Result<Self, ConvertError> {
        let (width, height) = match placement {
            Some(p) => (p.target.width, p.target.height),
            None => (reader.width(), reader.height()),
        };
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

        let unpacked = reader.codec().new_row(reader.width());
        let picture = reader.codec().new_row(width);
        let src_lengths = std::array::from_fn(|c| picture.channel(c).len());
        let destination_width = writer.width();
        let mut black = writer.codec().new_row(destination_width);
        fill_black(&mut black, &destination_codes);
        // Picture rows are packed into a black row: the bars left and
        // right of the picture are written once.
        let packed = black.clone();
        let scaler = match placement {
            Some(p) => Some(Scaler::new(
                &plan.source,
                &reader,
                p,
                plan.source_chroma.as_ref().map(grids),
            )?),
            None => None,
        };
        let origin = placement.map_or((0, 0), |p| (p.target.x, p.target.y));
        let chroma_origin = origin.0 / usize::from(plan.destination.chroma_subsampling.0.max(1));
        let destination_height = writer.height();
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
            origin,
            chroma_origin,
            destination_height,
            scaler,
            black,
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
        let top = self.origin.1;
        for y in 0..self.destination_height {
            if (top..top + self.height).contains(&y) {
                self.destination_row(y - top)?;
            } else {
                self.writer.write_row(y, &self.black)?;
            }
        }
        Ok(())
    }

    /// Unpacks and decodes source image row `y` into the source ring.
    fn ensure_source(&mut self, y: usize) -> Result<(), ConvertError> {
        if self.source_rows.holds(y) {
            return Ok(());
        }
        if let Some(scaler) = &mut self.scaler {
            let row = self.source_rows.claim(y);
            return scaler.produce(y, &self.reader, &self.source_codes, row);
        }
        self.reader.read_row(y, &mut self.unpacked)?;
        let codes = &self.source_codes;
        let row = self.source_rows.claim(y);
        for (c, out) in row.colour.iter_mut().enumerate() {
            codes.decode[c].apply(self.unpacked.channel(c), out);
        }
        match codes.alpha {
            Some((decode, _)) if self.unpacked.has_alpha() && !self.plan.opaque_source_alpha => {
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
        let flatten = self.plan.flatten;
        let rgb_source = self.plan.source.model == ColorModel::Rgb;
        if self.plan.unpremultiply {
            super::colour_stage::unpremultiply([&mut *s0, &mut *s1, &mut *s2], alpha);
        }
        if let (Some((background, premultiplied)), true) = (flatten, rgb_source) {
            flatten_row(
                [&mut *s0, &mut *s1, &mut *s2],
                alpha,
                background,
                premultiplied,
            );
        }
        if self.mixing {
            self.colour.run([&mut *s0, &mut *s1, &mut *s2]);
        }
        if let (Some((background, premultiplied)), false) = (flatten, rgb_source) {
            if self.plan.destination.model == ColorModel::Rgb {
                flatten_row(
                    [&mut *s0, &mut *s1, &mut *s2],
                    alpha,
                    background,
                    premultiplied,
                );
            }
        }
        if self.plan.premultiply {
            super::colour_stage::premultiply([&mut *s0, &mut *s1, &mut *s2], alpha);
        }
        if self.plan.clamp_unit {
            for channel in [&mut *s0, &mut *s1, &mut *s2] {
                for v in channel.iter_mut() {
                    *v = v.clamp(0.0, 1.0);
                }
            }
        }
        let work = self.work_rows.claim(i);
        if flatten.is_some() {
            work.alpha.fill(1.0);
        } else {
            work.alpha.copy_from_slice(alpha);
        }
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

    /// Produces and packs picture row `y` (destination image row
    /// `origin.1 + y`).
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
        let (x, width) = (self.origin.0, self.width);
        let cx = self.chroma_origin;
        let cw = self.chroma_out[0].len();
        let [p0, p1, p2, p3] = self.packed.channels_mut();
        let (p0, p3) = (&mut p0[x..x + width], p3.get_mut(x..x + width));
        let (p1, p2) = match self.plan.destination.model {
            ColorModel::YCbCr => (&mut p1[cx..cx + cw], p2.get_mut(cx..cx + cw)),
            ColorModel::Rgb | ColorModel::TwoComponent => {
                (&mut p1[x..x + width], p2.get_mut(x..x + width))
            }
            ColorModel::Gray => (&mut p1[..0], None),
        };
        let p2 = p2.unwrap_or_default();
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
        if let (Some((_, encode)), Some(p3)) = (codes.alpha, p3) {
            encode.apply(&work.alpha, p3);
        }
        self.writer.write_row(self.origin.1 + y, &self.packed)
    }
}

/// Fills every channel of `row` with the destination's black: normalised
/// 0 for Y', R'G'B', gray and the generic components, 0 (neutral) for Cb
/// and Cr, 1 for alpha, encoded to code values.
fn fill_black(row: &mut IntermediateRow, codes: &FormatCodes) {
    let code = |map: &super::codes::Affine1, v: f32| {
        let mut out = [0.0];
        map.apply(&[v], &mut out);
        out[0]
    };
    let [c0, c1, c2, c3] = row.channels_mut();
    for (c, channel) in [c0, c1, c2].into_iter().enumerate() {
        channel.fill(code(&codes.encode[c], 0.0));
    }
    if let Some((_, encode)) = codes.alpha {
        c3.fill(code(&encode, 1.0));
    }
}

/// Composites normalised RGB over `background` (vImage's flattening):
/// straight `c·a + b·(1 − a)`, premultiplied `c + b·(1 − a)`.
fn flatten_row(rgb: [&mut [f32]; 3], alpha: &[f32], background: [f32; 3], premultiplied: bool) {
    for (channel, b) in rgb.into_iter().zip(background) {
        for (c, &a) in channel.iter_mut().zip(alpha) {
            let a = a.clamp(0.0, 1.0);
            let own = if premultiplied { *c } else { *c * a };
            *c = own + b * (1.0 - a);
        }
    }
}

/// `max − min + 1` of a non-empty index list.
fn span(indices: impl Iterator<Item = usize>) -> usize {
    let (lo, hi) = indices.fold((usize::MAX, 0), |(lo, hi), i| (lo.min(i), hi.max(i)));
    hi.saturating_sub(lo) + 1
}
