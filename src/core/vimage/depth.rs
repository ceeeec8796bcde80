//! Bit-depth conversions (vimage-ops.md §5) with the formulas of
//! vimage-numerics.md §1–§3: each is a scalar `fn` per sample, driven over
//! rows by [`map`] (same element count, planar or interleaved alike) or by
//! [`interleave_map`] / [`deinterleave_map`] (four planes ⇄ one 4-channel
//! image, per-channel ranges).
//!
//! Rounding, as documented or decided there: 8 → float
//! `(max − min)·v/255 + min` evaluated in f32 in that order; float → 8
//! (`PlanarFtoPlanar8`) `⌊255·(f − min)/(max − min) + 0.5⌋` saturated;
//! float → 8 of the interleaving functions `lrintf` (ties to even); half
//! conversions through the `half` crate (round to nearest even); NaN → 0
//! wherever an integer is produced.

use half::f16;

use super::channels::check_covers;
use crate::core::image::{ImageError, Plane, PlaneMut};

/// `dest[i] = f(src[i])` over every element of every row.
pub fn map<S: Copy, D>(
    src: &Plane<'_, S>,
    dest: &mut PlaneMut<'_, D>,
    f: impl Fn(S) -> D,
) -> Result<(), ImageError> {
    check_covers(src, dest)?;
    for y in 0..dest.height() {
        for (o, &v) in dest.row_mut(y).iter_mut().zip(src.row(y)) {
            *o = f(v);
        }
    }
    Ok(())
}

/// Four planes → one 4-channel image: channel `i` = `f(i, srcs[i])`.
pub fn interleave_map<S: Copy, D>(
    srcs: [&Plane<'_, S>; 4],
    dest: &mut PlaneMut<'_, D>,
    f: impl Fn(usize, S) -> D,
) -> Result<(), ImageError> {
    for s in srcs {
        check_covers(s, dest)?;
    }
    for y in 0..dest.height() {
        let rows = srcs.map(|s| s.row(y));
        for (x, px) in dest.row_mut(y).chunks_exact_mut(4).enumerate() {
            for (i, o) in px.iter_mut().enumerate() {
                *o = f(i, rows[i][x]);
            }
        }
    }
    Ok(())
}

/// One 4-channel image → four planes of one size: `dests[i] = f(i, channel i)`.
pub fn deinterleave_map<S: Copy, D>(
    src: &Plane<'_, S>,
    dests: &mut [PlaneMut<'_, D>; 4],
    f: impl Fn(usize, S) -> D,
) -> Result<(), ImageError> {
    let size = (dests[0].width(), dests[0].height());
    if dests.iter().any(|d| (d.width(), d.height()) != size) {
        return Err(ImageError::SizeMismatch);
    }
    for (i, d) in dests.iter_mut().enumerate() {
        check_covers(src, d)?;
        for y in 0..d.height() {
            let s = src.row(y);
            for (o, px) in d.row_mut(y).iter_mut().zip(s.chunks_exact(4)) {
                *o = f(i, px[i]);
            }
        }
    }
    Ok(())
}

/// Narrow or widen, permute, then insert `background` in the masked
/// channels (`vImageConvert_ARGB16UToARGB8888` and its reverse).
pub fn convert_permute_insert<S: Copy, D: Copy>(
    src: &Plane<'_, S>,
    dest: &mut PlaneMut<'_, D>,
    permute: [u8; 4],
    mask: u8,
    background: [D; 4],
    f: impl Fn(S) -> D,
) -> Result<(), ImageError> {
    if permute.iter().any(|&c| c > 3) {
        return Err(ImageError::InvalidParameter);
    }
    let bits = super::channels::mask_bits(mask)?;
    check_covers(src, dest)?;
    for y in 0..dest.height() {
        let s = src.row(y);
        for (o, px) in dest.row_mut(y).chunks_exact_mut(4).zip(s.chunks_exact(4)) {
            for i in 0..4 {
                o[i] = if bits[i] {
                    background[i]
                } else {
                    f(px[usize::from(permute[i])])
                };
            }
        }
    }
    Ok(())
}

/// `(max − min)·v/255 + min` (vimage-numerics.md §1; evaluation order decided).
pub fn u8_to_f(v: u8, max: f32, min: f32) -> f32 {
    (max - min) * f32::from(v) / 255.0 + min
}

/// `⌊255·(f − min)/(max − min) + 0.5⌋` saturated; NaN → 0.
pub fn f_to_u8_half_up(f: f32, max: f32, min: f32) -> u8 {
    let v = 255.0 * (f - min) / (max - min) + 0.5;
    if v.is_nan() {
        0
    } else {
        v.clamp(0.0, 255.0) as u8
    }
}

/// `lrintf(clamp(255·(f − min)/(max − min), 0, 255))`; `max == min` →
/// `lrintf(clamp(255·max))`; NaN → 0.
pub fn f_to_u8_rint(f: f32, max: f32, min: f32) -> u8 {
    let v = if max == min {
        255.0 * max
    } else {
        255.0 * (f - min) / (max - min)
    };
    if v.is_nan() {
        0
    } else {
        v.clamp(0.0, 255.0).round_ties_even() as u8
    }
}

pub fn f16_to_f(h: u16) -> f32 {
    f16::from_bits(h).to_f32()
}

pub fn f_to_f16(f: f32) -> u16 {
    f16::from_f32(f).to_bits()
}

/// `v/255` rounded to the nearest half.
pub fn u8_to_f16(v: u8) -> u16 {
    f16::from_f64(f64::from(v) / 255.0).to_bits()
}

/// `RNE(clamp(255·h, 0, 255))`; NaN → 0.
pub fn f16_to_u8(h: u16) -> u8 {
    let v = 255.0 * f16::from_bits(h).to_f32();
    if v.is_nan() {
        0
    } else {
        v.clamp(0.0, 255.0).round_ties_even() as u8
    }
}

/// `RNE(v/65535)` as a half (decided, vimage-numerics.md §2).
pub fn u16_to_f16(v: u16) -> u16 {
    f16::from_f64(f64::from(v) / 65535.0).to_bits()
}

/// `RNE(clamp(h, 0, 1)·65535)`; NaN → 0 (decided).
pub fn f16_to_u16(h: u16) -> u16 {
    let v = f64::from(f16::from_bits(h).to_f32());
    if v.is_nan() {
        0
    } else {
        (v.clamp(0.0, 1.0) * 65535.0).round_ties_even() as u16
    }
}

/// `(v·255 + 32767)/65535`.
pub fn u16_to_u8(v: u16) -> u8 {
    ((u32::from(v) * 255 + 32767) / 65535) as u8
}

/// `(v·65535 + 127)/255` (= v·257).
pub fn u8_to_u16(v: u8) -> u16 {
    u16::from(v) * 257
}

/// 12-bit (in 16-bit containers) → 16-bit: `(t·65535 + (t<<4) + 2055) >> 12`
/// (values above 4095 are clamped first).
pub fn u12_to_u16(t: u16) -> u16 {
    let t = u32::from(t.min(4095));
    ((t * 65535 + (t << 4) + 2055) >> 12) as u16
}

/// 16-bit → 12-bit: `(t·4095 + 32767 + (t>>4)) >> 16`.
pub fn u16_to_u12(t: u16) -> u16 {
    let t = u32::from(t);
    ((t * 4095 + 32767 + (t >> 4)) >> 16) as u16
}

/// 8-bit → 16Q12: `((v<<12) + 127)/255`.
pub fn u8_to_q12(v: u8) -> i16 {
    (((u32::from(v) << 12) + 127) / 255) as i16
}

/// 16Q12 → 8-bit: `(clamp(v, 0, 4096)·255 + 2048) >> 12`.
pub fn q12_to_u8(v: i16) -> u8 {
    ((v.clamp(0, 4096) as u32 * 255 + 2048) >> 12) as u8
}

/// 16Q12 → float: `v/4096`.
pub fn q12_to_f(v: i16) -> f32 {
    f32::from(v) / 4096.0
}

/// Half → 16Q12 as F → 16Q12 (numerics §3): `clamp(RNE(h·4096), −32768,
/// 32767)`; NaN → 0 (the half form's rounding is not documented: decided).
pub fn f16_to_q12(h: u16) -> i16 {
    let v = f16::from_bits(h).to_f32() * 4096.0;
    if v.is_nan() {
        0
    } else {
        v.round_ties_even().clamp(-32768.0, 32767.0) as i16
    }
}

/// `⌊(f − offset)/scale + 0.5⌋` saturated to `lo..=hi`; NaN → 0. (Apple
/// says "truncated"; for the negative values of FTo16S flooring keeps the
/// round-half-up meaning.)
pub fn f_to_int(f: f32, offset: f32, scale: f32, lo: f32, hi: f32) -> f32 {
    let v = ((f - offset) / scale + 0.5).floor();
    if v.is_nan() { 0.0 } else { v.clamp(lo, hi) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_bit_float_formulas() {
        for v in 0..=255u8 {
            let f = u8_to_f(v, 1.0, 0.0);
            assert_eq!(f, f32::from(v) / 255.0);
            assert_eq!(f_to_u8_half_up(f, 1.0, 0.0), v);
            assert_eq!(f_to_u8_rint(f, 1.0, 0.0), v);
            assert_eq!(f16_to_u8(u8_to_f16(v)), v);
        }
        assert_eq!(u8_to_f(0, 2.0, -1.0), -1.0);
        assert_eq!(u8_to_f(255, 2.0, -1.0), 2.0);
        assert_eq!(f_to_u8_half_up(f32::NAN, 1.0, 0.0), 0);
        assert_eq!(f_to_u8_half_up(0.5 / 255.0, 1.0, 0.0), 1);
        assert_eq!(f_to_u8_rint(2.5 / 255.0, 1.0, 0.0), 2);
        assert_eq!(f_to_u8_rint(7.0, 0.5, 0.5), 128);
        assert_eq!(f_to_u8_half_up(2.0, 1.0, 0.0), 255);
    }

    #[test]
    fn half_and_16_bit_formulas() {
        assert_eq!(f16_to_f(0x3C00), 1.0);
        assert_eq!(f_to_f16(65520.0), 0x7C00); // rounds to +inf
        assert_eq!(f16_to_u16(0x3C00), 65535);
        assert_eq!(f16_to_u16(0x7E00), 0);
        assert_eq!(f16_to_u16(u16_to_f16(65535)), 65535);
        for v in [0u16, 1, 255, 256, 32767, 65534, 65535] {
            assert_eq!(
                u32::from(u16_to_u8(v)),
                (u32::from(v) * 255 + 32767) / 65535
            );
        }
        assert_eq!(u8_to_u16(255), 65535);
        assert_eq!(f_to_int(1.5, 0.0, 1.0, 0.0, 65535.0), 2.0);
        assert_eq!(f_to_int(-1.7, 0.0, 1.0, -32768.0, 32767.0), -2.0);
        assert_eq!(f_to_int(1e9, 0.0, 1.0, 0.0, 65535.0), 65535.0);
    }

    #[test]
    fn twelve_bit_and_q12_formulas() {
        assert_eq!(
            (u12_to_u16(0), u12_to_u16(4095), u12_to_u16(9999)),
            (0, 65535, 65535)
        );
        for t in 0..4096u16 {
            assert_eq!(u16_to_u12(u12_to_u16(t)), t);
        }
        assert_eq!(
            (u8_to_q12(0), u8_to_q12(255), u8_to_q12(128)),
            (0, 4096, 2056)
        );
        for v in 0..=255u8 {
            assert_eq!(q12_to_u8(u8_to_q12(v)), v);
        }
        assert_eq!((q12_to_u8(-5), q12_to_u8(9000)), (0, 255));
        assert_eq!(q12_to_f(-2048), -0.5);
        assert_eq!(f16_to_q12(0x3C00), 4096);
        assert_eq!(f16_to_q12(0x7C00), 32767); // +inf saturates
        assert_eq!(f16_to_q12(0xC800), -32768); // -8.0
        assert_eq!(f16_to_q12(0x7E00), 0);
    }

    #[test]
    fn drivers_cover_and_convert() {
        let planes: Vec<Vec<u8>> = (0..4).map(|i| vec![i * 50; 2]).collect();
        let views: Vec<Plane<'_, u8>> = planes
            .iter()
            .map(|p| Plane::packed(p, 2, 1, 2).unwrap())
            .collect();
        let mut out = [0f32; 8];
        let mut d = PlaneMut::packed(&mut out, 2, 1, 8).unwrap();
        interleave_map(
            [&views[0], &views[1], &views[2], &views[3]],
            &mut d,
            |i, v| u8_to_f(v, 1.0 + i as f32, 0.0),
        )
        .unwrap();
        assert_eq!(out[3], 4.0f32 * 150.0 / 255.0);
        let s = Plane::packed(&out, 2, 1, 8).unwrap();
        let mut back: Vec<Vec<u8>> = vec![vec![0; 2]; 4];
        let mut it = back.iter_mut();
        let mut ds: [PlaneMut<'_, u8>; 4] =
            std::array::from_fn(|_| PlaneMut::packed(it.next().unwrap(), 2, 1, 2).unwrap());
        deinterleave_map(&s, &mut ds, |i, f| f_to_u8_rint(f, 1.0 + i as f32, 0.0)).unwrap();
        assert_eq!(back, planes);
        let src = [65535u16, 0, 257, 32768];
        let s = Plane::packed(&src, 1, 1, 4).unwrap();
        let mut o = [0u8; 4];
        let mut d = PlaneMut::packed(&mut o, 1, 1, 4).unwrap();
        convert_permute_insert(&s, &mut d, [3, 2, 1, 0], 0x1, [9, 9, 9, 9], u16_to_u8).unwrap();
        assert_eq!(o, [128, 1, 0, 9]);
    }
}
