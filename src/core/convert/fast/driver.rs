//! The plane driver of the fast paths: loops a [`FastKernel`]'s row
//! kernel over validated frames, resolving plane rows, chroma rows and
//! strides so the kernels see plain row slices.

use super::{FastKernel, YuvSource};
use crate::core::convert::chroma::{self, Grid, Tap};
use crate::core::convert::io::{ConvertError, FrameReader, FrameWriter};
use crate::core::convert::plan::{ConversionPlan, DownsamplingMode};
use crate::core::convert::stripes;
use crate::core::kernels::packed422::{Packed422Order, unpack_422_row};
use crate::core::kernels::rgb_to_ycbcr::{
    Pairing, RgbToYuv, rgb_to_cbcr_row, rgb_to_cbcr_row_10, rgb_to_y_row, rgb_to_y_row_10,
};
use crate::core::kernels::simd::{
    self, RgbCoeffs, RgbToYuv420, Swizzle4, Yuv420Coeffs, Yuv420ToRgba,
};
use crate::core::kernels::swizzle::{RgbLayout, swizzle_kernel};
use crate::core::kernels::ycbcr_to_rgb::{
    VERTICAL_FRACTION_BITS, blend_chroma_rows, blend_chroma_rows_10, blend_planar_chroma_rows,
    unpack_luma_10, ycbcr420_row, ycbcr420_row_10, ycbcr420_row_centred, ycbcr420_row_centred_10,
};

/// Runs `kernel` over the validated frames. `Ok(false)` when the kernel
/// does not apply to this frame after all (the caller takes the general
/// path); nothing has been written then. Up to `threads` threads convert
/// horizontal stripes (`convert::stripes`); the bytes do not depend on it.
pub(crate) fn run(
    kernel: &FastKernel,
    plan: &ConversionPlan,
    reader: &FrameReader<'_, '_>,
    writer: &mut FrameWriter<'_, '_>,
    threads: usize,
) -> Result<bool, ConvertError> {
    let (width, height) = (reader.width(), reader.height());
    let src_lengths = reader.row_lengths();
    let dst_lengths = writer.row_lengths();
    let src = reader.planes();
    let dst = writer.planes_mut();
    match kernel {
        FastKernel::Copy => {
            for (index, table) in plan.request.source.planes().iter().enumerate() {
                let (s, d) = (&src[index], &mut dst[index]);
                let len = src_lengths[index];
                for row in 0..table.height_for(height) {
                    let from = &s.data[row * s.bytes_per_row..][..len];
                    d.data[row * d.bytes_per_row..][..len].copy_from_slice(from);
                }
            }
        }
        FastKernel::Swizzle { from, to } => {
            let row_kernel = swizzle_kernel(from, to);
            // The SIMD kernel for this frame, if the level and layouts
            // have one; rows it declines take the scalar kernel.
            let vector = simd::swizzle4_mask(from, to)
                .and_then(|mask| Swizzle4::select(simd::active_level(), mask));
            let (s, d) = (&src[0], &mut dst[0]);
            let bpr = d.bytes_per_row;
            stripes::run(threads, height, bpr, d.data, |(first, data, rows)| {
                for r in 0..rows {
                    let row = first + r;
                    let a = &s.data[row * s.bytes_per_row..][..src_lengths[0]];
                    let b = &mut data[r * bpr..][..dst_lengths[0]];
                    if !vector.is_some_and(|k| k.row(a, b)) {
                        row_kernel(a, b, from, to);
                    }
                }
                Ok(())
            })?;
        }
        FastKernel::YCbCrToRgb {
            source,
            matrix,
            centred,
            to,
            vertical,
        } => {
            let rows = match source {
                YuvSource::Packed422(_) => (0..height).map(|y| (y, y, 4, 0)).collect(),
                _ => match vertical_rows(vertical, height)? {
                    Some(rows) => rows,
                    None => return Ok(false),
                },
            };
            let samples = width.div_ceil(2);
            // The SIMD kernel (bi-planar 8-bit, co-sited chroma) if the
            // level has one; rows it declines take the scalar kernels.
            // Tri-planar and packed 4:2:2 rows reach it through u8 scratch
            // rows holding interleaved Cb/Cr (what the scalar kernels'
            // blends compute from is the same bytes, so the result is too).
            let vector = match (source, *centred, to.alpha) {
                (
                    YuvSource::BiPlanar8 | YuvSource::TriPlanar8 | YuvSource::Packed422(_),
                    false,
                    Some(alpha),
                ) => {
                    let [r, g, b] = to.rgb;
                    Yuv420Coeffs::new(matrix.coeffs, matrix.add, matrix.shift).and_then(|c| {
                        Yuv420ToRgba::select(simd::active_level(), [r, g, b, alpha], c)
                    })
                }
                _ => None,
            };
            let row_of = |plane: usize, y: usize| {
                let p = &src[plane];
                &p.data[y * p.bytes_per_row..][..src_lengths[plane]]
            };
            let d = &mut dst[0];
            let bpr = d.bytes_per_row;
            stripes::run(threads, height, bpr, d.data, |(first, data, count)| {
                // Scratch rows per stripe.
                let mut chroma_row = zeroed::<i32>(2 * samples)?;
                let mut luma8 = zeroed::<u8>(width)?;
                let mut luma10 = zeroed::<u16>(width)?;
                let (mut c0s, mut c1s) = match (vector, source) {
                    (Some(_), YuvSource::TriPlanar8) => {
                        (zeroed::<u8>(2 * samples)?, zeroed::<u8>(2 * samples)?)
                    }
                    (Some(_), YuvSource::Packed422(_)) => (zeroed::<u8>(2 * samples)?, Vec::new()),
                    _ => (Vec::new(), Vec::new()),
                };
                for (r, &(c_first, c_second, w0, w1)) in
                    rows[first..first + count].iter().enumerate()
                {
                    let y = first + r;
                    let out = &mut data[r * bpr..][..dst_lengths[0]];
                    match source {
                        YuvSource::BiPlanar8 => {
                            let (c0, c1) = (row_of(1, c_first), row_of(1, c_second));
                            let luma = row_of(0, y);
                            if vector.is_some_and(|k| k.row(luma, c0, c1, [w0, w1], out)) {
                                continue;
                            }
                            blend_chroma_rows(c0, c1, w0, w1, &mut chroma_row);
                            if *centred {
                                ycbcr420_row_centred(matrix, luma, &chroma_row, out, to);
                            } else {
                                ycbcr420_row(matrix, luma, &chroma_row, out, to);
                            }
                            continue;
                        }
                        YuvSource::TriPlanar8 => {
                            let cb = [row_of(1, c_first), row_of(1, c_second)];
                            let cr = [row_of(2, c_first), row_of(2, c_second)];
                            if let Some(k) = vector {
                                interleave(cb[0], cr[0], &mut c0s);
                                interleave(cb[1], cr[1], &mut c1s);
                                if k.row(row_of(0, y), &c0s, &c1s, [w0, w1], out) {
                                    continue;
                                }
                            }
                            blend_planar_chroma_rows(cb, cr, w0, w1, &mut chroma_row);
                            let luma = row_of(0, y);
                            if *centred {
                                ycbcr420_row_centred(matrix, luma, &chroma_row, out, to);
                            } else {
                                ycbcr420_row(matrix, luma, &chroma_row, out, to);
                            }
                            continue;
                        }
                        YuvSource::Packed422(order) => {
                            if let Some(k) = vector {
                                split_422(row_of(0, y), order, &mut luma8, &mut c0s);
                                // One chroma row per image row: weight 4 quarters.
                                if k.row(&luma8, &c0s, &c0s, [4, 0], out) {
                                    continue;
                                }
                            }
                            unpack_422_row(row_of(0, y), order, &mut luma8, &mut chroma_row);
                        }
                        YuvSource::BiPlanar10 => {
                            let (c0, c1) = (row_of(1, c_first), row_of(1, c_second));
                            blend_chroma_rows_10(c0, c1, w0, w1, &mut chroma_row);
                            unpack_luma_10(row_of(0, y), &mut luma10);
                            if *centred {
                                ycbcr420_row_centred_10(matrix, &luma10, &chroma_row, out, to);
                            } else {
                                ycbcr420_row_10(matrix, &luma10, &chroma_row, out, to);
                            }
                            continue;
                        }
                    }
                    if *centred {
                        ycbcr420_row_centred(matrix, &luma8, &chroma_row, out, to);
                    } else {
                        ycbcr420_row(matrix, &luma8, &chroma_row, out, to);
                    }
                }
                Ok(())
            })?;
        }
        FastKernel::RgbToYCbCr420 {
            from,
            matrix,
            ten_bit,
            grids,
            filters,
        } => {
            let Some(pairing) = pairing(grids.0, filters.0, width) else {
                return Ok(false);
            };
            let mut rows = Vec::new();
            rows.try_reserve_exact(height.div_ceil(2))
                .map_err(|_| ConvertError::OutOfMemory)?;
            for tap in chroma::downsample(grids.1, height, filters.1) {
                match tap.weights {
                    [1.0, 0.0] => rows.push((tap.first, tap.first)),
                    [0.5, 0.5] => rows.push((tap.first, tap.first + 1)),
                    _ => return Ok(false),
                }
            }
            let (luma_row, cbcr_row) = if *ten_bit {
                (rgb_to_y_row_10 as LumaRow, rgb_to_cbcr_row_10 as ChromaRow)
            } else {
                (rgb_to_y_row as LumaRow, rgb_to_cbcr_row as ChromaRow)
            };
            // The SIMD kernels (8-bit output, 4-byte pixels) if the level
            // has them; rows they decline take the scalar kernels.
            let vector = match (*ten_bit, from.bytes) {
                (false, 4) => RgbCoeffs::new(matrix, from.rgb)
                    .and_then(|c| RgbToYuv420::select(simd::active_level(), c)),
                _ => None,
            };
            let s = &src[0];
            let row_of = |y: usize| &s.data[y * s.bytes_per_row..][..src_lengths[0]];
            let (luma, chroma) = dst.split_at_mut(1);
            let (luma, chroma) = (&mut luma[0], &mut chroma[0]);
            let bpr = luma.bytes_per_row;
            stripes::run(threads, height, bpr, luma.data, |(first, data, count)| {
                for r in 0..count {
                    let out = &mut data[r * bpr..][..dst_lengths[0]];
                    let row = row_of(first + r);
                    if !vector.is_some_and(|k| k.luma_row(row, out)) {
                        luma_row(matrix, row, from, out);
                    }
                }
                Ok(())
            })?;
            let bpr = chroma.bytes_per_row;
            stripes::run(
                threads,
                rows.len(),
                bpr,
                chroma.data,
                |(first, data, count)| {
                    for (r, &(a, b)) in rows[first..first + count].iter().enumerate() {
                        let out = &mut data[r * bpr..][..dst_lengths[1]];
                        let (a, b) = (row_of(a), row_of(b));
                        if !vector.is_some_and(|k| k.chroma_row(a, b, pairing, out)) {
                            cbcr_row(matrix, a, b, from, pairing, out);
                        }
                    }
                    Ok(())
                },
            )?;
        }
    }
    Ok(true)
}

/// Interleaves planar Cb and Cr rows into Cb/Cr pairs (as many pairs as
/// `out` holds).
fn interleave(cb: &[u8], cr: &[u8], out: &mut [u8]) {
    for ((o, &b), &r) in out.chunks_exact_mut(2).zip(cb).zip(cr) {
        o[0] = b;
        o[1] = r;
    }
}

/// Splits a packed 4:2:2 row into its Y' bytes and Cb/Cr pairs (the bytes
/// `unpack_422_row` reads, unscaled).
fn split_422(src: &[u8], order: &Packed422Order, luma: &mut [u8], chroma: &mut [u8]) {
    let groups = src.chunks_exact(4).zip(chroma.chunks_exact_mut(2));
    for ((g, c), l) in groups.zip(luma.chunks_mut(2)) {
        c[0] = g[order.cb];
        c[1] = g[order.cr];
        for (o, &at) in l.iter_mut().zip(&order.y) {
            *o = g[at];
        }
    }
}

type LumaRow = fn(&RgbToYuv, &[u8], &RgbLayout, &mut [u8]);
type ChromaRow = fn(&RgbToYuv, &[u8], &[u8], &RgbLayout, Pairing, &mut [u8]);

/// A zero-filled scratch row, or `OutOfMemory`.
fn zeroed<T: Clone + Default>(len: usize) -> Result<Vec<T>, ConvertError> {
    let mut v = Vec::new();
    v.try_reserve_exact(len)
        .map_err(|_| ConvertError::OutOfMemory)?;
    v.resize(len, T::default());
    Ok(v)
}

/// Per image row of a 4:2:0 source: the two chroma rows to blend and their
/// weights in quarters — the general path's vertical upsampling taps.
/// `None` if a tap is not in quarters or Cb and Cr differ (never for the
/// sitings `select` admits).
#[allow(clippy::type_complexity)]
fn vertical_rows(
    grids: &[Grid; 2],
    height: usize,
) -> Result<Option<Vec<(usize, usize, i32, i32)>>, ConvertError> {
    let taps = grids.map(|g| chroma::upsample(g, height));
    let quarter = f32::from(1u8 << VERTICAL_FRACTION_BITS);
    let to_int = |w: f32| {
        let q = w * quarter;
        (q.fract() == 0.0).then_some(q as i32)
    };
    let mut rows = Vec::new();
    rows.try_reserve_exact(height)
        .map_err(|_| ConvertError::OutOfMemory)?;
    for (cb, cr) in taps[0].iter().zip(&taps[1]) {
        if cb.first != cr.first || cb.weights != cr.weights {
            return Ok(None);
        }
        let (Some(w0), Some(w1)) = (to_int(cb.weights[0]), to_int(cb.weights[1])) else {
            return Ok(None);
        };
        let second = if w1 == 0 { cb.first } else { cb.first + 1 };
        rows.push((cb.first, second, w0, w1));
    }
    Ok(Some(rows))
}

/// The [`Pairing`] whose columns are exactly the general path's horizontal
/// downsampling taps for this grid, filter and width; `None` if neither is.
fn pairing(grid: Grid, mode: DownsamplingMode, width: usize) -> Option<Pairing> {
    let taps = chroma::downsample(grid, width, mode);
    let expected = |p: Pairing, k: usize| match p {
        Pairing::Pair if 2 * k + 1 < width => Tap {
            first: 2 * k,
            weights: [0.5, 0.5],
        },
        _ => Tap::copy(2 * k),
    };
    [Pairing::CoSited, Pairing::Pair]
        .into_iter()
        .find(|&p| taps.iter().enumerate().all(|(k, t)| *t == expected(p, k)))
}
