//! The two-pass u8 frame driver: a ring of horizontally resampled i16
//! rows (`row::resample_u8_to_i16`) and a vertical blend per output row
//! (`row::blend_i16_to_u8`). Shared by vImage's u8 scaling and the
//! transfer session's same-format 8-bit R'G'B' scaling.

use super::row::{blend_i16_to_u8, resample_u8_to_i16};
use super::taps::FixedTaps;

/// Resamples a frame of `C`-sample u8 pixels: `read(r)` is source row `r`
/// (at least `h.input_len() · C` samples), `write(y, row)` receives output
/// row `y` (`h.len() · C` samples) for `y` in `0..v.len()`. `None` when
/// the scratch rows cannot be allocated (nothing written then).
pub fn scale_frame_u8<'s, const C: usize>(
    h: &FixedTaps,
    v: &FixedTaps,
    read: impl Fn(usize) -> &'s [u8],
    mut write: impl FnMut(usize, &[u8]),
) -> Option<()> {
    let count = v.count();
    let len = h.len().checked_mul(C)?;
    // Source row `r` lives in slot `r % count`; `held` says which row a
    // slot holds. `v.first` never decreases, so each row is resampled once.
    let mut ring = Vec::new();
    ring.try_reserve_exact(count).ok()?;
    for _ in 0..count {
        ring.push(zeroed::<i16>(len)?);
    }
    let mut held = vec![usize::MAX; count];
    let mut acc = zeroed::<i32>(len)?;
    let mut out = zeroed::<u8>(len)?;
    for y in 0..v.len() {
        let first = v.first(y);
        for r in first..first + count {
            let slot = r % count;
            if held[slot] != r {
                resample_u8_to_i16::<C>(h, read(r), &mut ring[slot]);
                held[slot] = r;
            }
        }
        let rows: Vec<&[i16]> = (first..first + count)
            .map(|r| ring[r % count].as_slice())
            .collect();
        blend_i16_to_u8(v.weights(y), &rows, &mut acc, &mut out);
        write(y, &out);
    }
    Some(())
}

fn zeroed<T: Copy + Default>(n: usize) -> Option<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).ok()?;
    v.resize(n, T::default());
    Some(v)
}
