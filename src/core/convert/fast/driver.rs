//! The plane driver of the fast paths: loops a [`FastKernel`]'s row
//! kernel over validated frames, resolving plane rows, chroma rows and
//! strides so the kernels see plain row slices.

use super::FastKernel;
use crate::core::convert::chroma;
use crate::core::convert::io::{ConvertError, FrameReader, FrameWriter};
use crate::core::convert::plan::ConversionPlan;
use crate::core::convert::stripes;
use crate::core::kernels::simd::{self, Swizzle4, Yuv420Coeffs, Yuv420ToRgba};
use crate::core::kernels::swizzle::swizzle_kernel;
use crate::core::kernels::ycbcr_to_rgb::{VERTICAL_FRACTION_BITS, blend_chroma_rows, ycbcr420_row};

/// Runs `kernel` over the validated frames. `Ok(false)` when the kernel
/// does not apply to this frame after all (the caller takes the general
/// path); nothing has been written then.
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
        FastKernel::YCbCr420ToRgb {
            matrix,
            to,
            vertical,
        } => {
            // The general path's vertical taps, in quarters; any other
            // weight (none for 4:2:0 sitings) falls back.
            let taps = vertical.map(|g| chroma::upsample(g, height));
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
                    return Ok(false);
                }
                let (Some(w0), Some(w1)) = (to_int(cb.weights[0]), to_int(cb.weights[1])) else {
                    return Ok(false);
                };
                let second = if w1 == 0 { cb.first } else { cb.first + 1 };
                rows.push((cb.first, second, w0, w1));
            }
            let chroma_samples = width.div_ceil(2);
            let vector = to.alpha.and_then(|alpha| {
                let [r, g, b] = to.rgb;
                let coeffs = Yuv420Coeffs::new(matrix.coeffs, matrix.add, matrix.shift)?;
                Yuv420ToRgba::select(simd::active_level(), [r, g, b, alpha], coeffs)
            });
            let (luma, chroma) = (&src[0], &src[1]);
            let d = &mut dst[0];
            let bpr = d.bytes_per_row;
            stripes::run(threads, height, bpr, d.data, |(first, data, count)| {
                // Per-stripe scratch for the scalar kernel's blended chroma,
                // allocated on first use.
                let mut blended = Vec::new();
                for (r, &(c_first, c_second, w0, w1)) in rows[first..first + count].iter().enumerate() {
                    let y = first + r;
                    let l = &luma.data[y * luma.bytes_per_row..][..src_lengths[0]];
                    let c0 = &chroma.data[c_first * chroma.bytes_per_row..][..src_lengths[1]];
                    let c1 = &chroma.data[c_second * chroma.bytes_per_row..][..src_lengths[1]];
                    let out = &mut data[r * bpr..][..dst_lengths[0]];
                    if !vector.is_some_and(|k| k.row(l, c0, c1, [w0, w1], out)) {
                        if blended.len() != 2 * chroma_samples {
                            blended
                                .try_reserve_exact(2 * chroma_samples)
                                .map_err(|_| ConvertError::OutOfMemory)?;
                            blended.resize(2 * chroma_samples, 0i32);
                        }
                        blend_chroma_rows(c0, c1, w0, w1, &mut blended);
                        ycbcr420_row(matrix, l, &blended, out, to);
                    }
                }
                Ok(())
            })?;
        }
    }
    Ok(true)
}
