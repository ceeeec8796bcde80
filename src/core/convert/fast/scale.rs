//! Same-format scaling of the 8-bit R'G'B'(A) byte orders (the
//! [`FastKernel::Copy`](super::FastKernel::Copy) plans of `'BGRA'`,
//! `'RGBA'`, 32ARGB, `'ABGR'`, 24RGB, `'24BG'`): no colour work, so the
//! bytes are resampled directly by `core::resample`'s fixed-point u8
//! frame driver instead of being decoded to f32 and encoded again. Same
//! taps, edges and mapping as the general path's `Scaler` (the whole
//! pixel — alpha included, as stored — on the pixel grid); the result is
//! within ±1 of the general path (one fixed-point rounding instead of
//! one f32 rounding), constants exact. Letterboxed targets (bars) take
//! the general path.

use super::rgb_layout;
use crate::core::convert::io::{ConvertError, FrameReader, FrameWriter};
use crate::core::convert::plan::ConversionPlan;
use crate::core::convert::scale::{Placement, TargetRect};
use crate::core::resample::{Mapping, Taps, scale_frame_u8};

/// Scales when the plan and placement qualify; `Ok(false)` (nothing
/// written) otherwise.
pub(crate) fn run(
    plan: &ConversionPlan,
    placement: &Placement,
    reader: &FrameReader<'_, '_>,
    writer: &mut FrameWriter<'_, '_>,
) -> Result<bool, ConvertError> {
    let Some(layout) = rgb_layout(plan.request.source) else {
        return Ok(false);
    };
    let (sw, sh) = (reader.width(), reader.height());
    let (dw, dh) = (writer.width(), writer.height());
    let whole = TargetRect {
        x: 0,
        y: 0,
        width: dw,
        height: dh,
    };
    if placement.target != whole || sw == 0 || sh == 0 || dw == 0 || dh == 0 {
        return Ok(false);
    }
    let s = placement.source;
    let taps = |input, output, map| {
        Taps::new(placement.filter, input, output, map)
            .map(|t| t.to_fixed())
            .ok_or(ConvertError::OutOfMemory)
    };
    let h = taps(sw, dw, Mapping::region(s.x, s.width, dw))?;
    let v = taps(sh, dh, Mapping::region(s.y, s.height, dh))?;
    let src = &reader.planes()[0];
    let (src_bpr, src_len) = (src.bytes_per_row, sw * layout.bytes);
    let dst = &mut writer.planes_mut()[0];
    let (dst_bpr, dst_len) = (dst.bytes_per_row, dw * layout.bytes);
    let read = |r: usize| &src.data[r * src_bpr..][..src_len];
    let write = |y: usize, row: &[u8]| dst.data[y * dst_bpr..][..dst_len].copy_from_slice(row);
    let done = match layout.bytes {
        4 => scale_frame_u8::<4>(&h, &v, read, write),
        _ => scale_frame_u8::<3>(&h, &v, read, write),
    };
    done.ok_or(ConvertError::OutOfMemory)?;
    Ok(true)
}
