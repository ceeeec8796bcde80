//! Channel moves (vimage-ops.md §3): permute, masked insert, overwrite with
//! a scalar / pixel / plane, extract. All of them — and the interleave
//! family of [`super::interleave`] — are one operation: each destination
//! channel is taken from some source plane's channel or is a constant.
//! [`shuffle`] is that operation's plane driver; its row kernel knows
//! nothing about buffers.
//!
//! Pure data moves: results are bit-exact copies whatever the element type.

use crate::core::image::{ImageError, Plane, PlaneMut};

/// Where one destination channel comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Take<T> {
    /// Channel `channel` of source plane `plane`.
    From { plane: usize, channel: usize },
    /// A constant.
    Value(T),
}

/// A source plane and its channels per pixel.
#[derive(Clone, Copy, Debug)]
pub struct Source<'p, 'a, T> {
    pub plane: &'p Plane<'a, T>,
    pub channels: usize,
}

/// Sources must cover the destination (extra source area is ignored).
pub fn check_covers<S, D>(src: &Plane<'_, S>, dest: &PlaneMut<'_, D>) -> Result<(), ImageError> {
    if src.width() >= dest.width() && src.height() >= dest.height() {
        Ok(())
    } else {
        Err(ImageError::SizeMismatch)
    }
}

/// Every pixel of `dest` (`takes.len()` channels) built from `sources`.
pub fn shuffle<T: Copy>(
    sources: &[Source<'_, '_, T>],
    dest: &mut PlaneMut<'_, T>,
    takes: &[Take<T>],
) -> Result<(), ImageError> {
    for s in sources {
        check_covers(s.plane, dest)?;
    }
    for t in takes {
        if let Take::From { plane, channel } = *t {
            match sources.get(plane) {
                Some(s) if channel < s.channels => {}
                _ => return Err(ImageError::InvalidParameter),
            }
        }
    }
    let n = takes.len();
    let width = dest.width();
    // A zero-width image has empty rows, which `shuffle_row`'s per-channel
    // offsets would index past; there is nothing to write in any of them
    // (and walking billions of empty rows is only time).
    if width == 0 {
        return Ok(());
    }
    for y in 0..dest.height() {
        let rows: Vec<&[T]> = sources.iter().map(|s| s.plane.row(y)).collect();
        shuffle_row(&rows, sources, dest.row_mut(y), n, width, takes);
    }
    Ok(())
}

/// Row kernel of [`shuffle`].
fn shuffle_row<T: Copy>(
    rows: &[&[T]],
    sources: &[Source<'_, '_, T>],
    out: &mut [T],
    n: usize,
    width: usize,
    takes: &[Take<T>],
) {
    for (i, t) in takes.iter().enumerate() {
        match *t {
            Take::Value(v) => out[i..]
                .iter_mut()
                .step_by(n)
                .take(width)
                .for_each(|o| *o = v),
            Take::From { plane, channel } => {
                let step = sources[plane].channels;
                let from = rows[plane][channel..].iter().step_by(step);
                for (o, &v) in out[i..].iter_mut().step_by(n).take(width).zip(from) {
                    *o = v;
                }
            }
        }
    }
}

/// A 4-entry permute map: entries above 3 → `InvalidParameter`.
pub fn permute_takes<T>(map: [u8; 4]) -> Result<[Take<T>; 4], ImageError> {
    if map.iter().any(|&c| c > 3) {
        return Err(ImageError::InvalidParameter);
    }
    Ok(map.map(|c| Take::From {
        plane: 0,
        channel: usize::from(c),
    }))
}

/// `dest[i] = src[map[i]]` over `channels`-channel pixels (permute).
pub fn permute<T: Copy>(
    src: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
    map: &[u8],
) -> Result<(), ImageError> {
    let n = map.len();
    if map.iter().any(|&c| usize::from(c) >= n) {
        return Err(ImageError::InvalidParameter);
    }
    let takes: Vec<Take<T>> = map
        .iter()
        .map(|&c| Take::From {
            plane: 0,
            channel: usize::from(c),
        })
        .collect();
    shuffle(
        &[Source {
            plane: src,
            channels: n,
        }],
        dest,
        &takes,
    )
}

/// The 4-bit `copyMask` of vImage: bit 0x8 is channel 0 … 0x1 channel 3.
/// Masks above 15 → `InvalidParameter`.
pub fn mask_bits(mask: u8) -> Result<[bool; 4], ImageError> {
    if mask > 15 {
        return Err(ImageError::InvalidParameter);
    }
    Ok([mask & 8 != 0, mask & 4 != 0, mask & 2 != 0, mask & 1 != 0])
}

/// Permute, then replace the masked channels with `background`'s
/// (`vImagePermuteChannelsWithMaskedInsert_*`).
pub fn permute_masked_insert<T: Copy>(
    src: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
    map: [u8; 4],
    mask: u8,
    background: [T; 4],
) -> Result<(), ImageError> {
    let mut takes = permute_takes(map)?;
    for (i, on) in mask_bits(mask)?.into_iter().enumerate() {
        if on {
            takes[i] = Take::Value(background[i]);
        }
    }
    shuffle(
        &[Source {
            plane: src,
            channels: 4,
        }],
        dest,
        &takes,
    )
}

/// Copy `src` with the masked channels set to `pixel[i]`
/// (`vImageOverwriteChannelsWithScalar_*` / `…WithPixel_*`).
pub fn overwrite_with_pixel<T: Copy>(
    src: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
    mask: u8,
    pixel: [T; 4],
) -> Result<(), ImageError> {
    let mut takes = permute_takes([0, 1, 2, 3])?;
    for (i, on) in mask_bits(mask)?.into_iter().enumerate() {
        if on {
            takes[i] = Take::Value(pixel[i]);
        }
    }
    shuffle(
        &[Source {
            plane: src,
            channels: 4,
        }],
        dest,
        &takes,
    )
}

/// Masked channels from the planar `new_src`, the others from `orig`
/// (`vImageOverwriteChannels_*`).
pub fn overwrite_from_plane<T: Copy>(
    new_src: &Plane<'_, T>,
    orig: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
    mask: u8,
) -> Result<(), ImageError> {
    let bits = mask_bits(mask)?;
    let takes: Vec<Take<T>> = (0..4)
        .map(|i| {
            if bits[i] {
                Take::From {
                    plane: 0,
                    channel: 0,
                }
            } else {
                Take::From {
                    plane: 1,
                    channel: i,
                }
            }
        })
        .collect();
    shuffle(
        &[
            Source {
                plane: new_src,
                channels: 1,
            },
            Source {
                plane: orig,
                channels: 4,
            },
        ],
        dest,
        &takes,
    )
}

/// One channel (`0..4`, else `InvalidParameter`) of a 4-channel image into
/// a planar destination (`vImageExtractChannel_*`).
pub fn extract<T: Copy>(
    src: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
    channel: isize,
) -> Result<(), ImageError> {
    let channel = usize::try_from(channel)
        .ok()
        .filter(|&c| c < 4)
        .ok_or(ImageError::InvalidParameter)?;
    shuffle(
        &[Source {
            plane: src,
            channels: 4,
        }],
        dest,
        &[Take::From { plane: 0, channel }],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(w: usize, h: usize, n: usize) -> Vec<u16> {
        (0..w * h * n).map(|i| i as u16 * 7 + 1).collect()
    }

    #[test]
    fn zero_width_images_of_several_channels_are_left_alone() {
        // Found by fuzz_vimage: a 0×1 ARGB destination panicked (an index
        // past its empty row) instead of being an empty image.
        let src = [1u16; 4];
        let s = Plane::new(&src, 0, 1, 0, 4).unwrap();
        let mut out = [9u16; 4];
        let mut d = PlaneMut::new(&mut out, 0, 1, 0, 4).unwrap();
        permute(&s, &mut d, &[3, 2, 1, 0]).unwrap();
        let planes = [&s, &s, &s, &s];
        let takes = [0, 1, 2, 3].map(|plane| Take::From { plane, channel: 0 });
        let sources: Vec<Source<'_, '_, u16>> = planes
            .iter()
            .map(|p| Source {
                plane: p,
                channels: 1,
            })
            .collect();
        shuffle(&sources, &mut d, &takes).unwrap();
        assert_eq!(out, [9; 4]);
    }

    #[test]
    fn permute_matches_the_definition() {
        let (w, h) = (5, 3);
        let src = image(w, h, 4);
        let s = Plane::packed(&src, w, h, 4 * w).unwrap();
        let mut out = vec![0u16; 4 * w * h + 3];
        let mut d = PlaneMut::new(&mut out, w, h, 4 * w, 4 * w + 1).unwrap();
        assert_eq!(
            permute(&s, &mut d, &[0, 1, 2, 4]),
            Err(ImageError::InvalidParameter)
        );
        let small = Plane::packed(&src[..4 * w], w, 1, 4 * w).unwrap();
        assert_eq!(
            permute(&small, &mut d, &[0, 1, 2, 3]),
            Err(ImageError::SizeMismatch)
        );
        permute(&s, &mut d, &[3, 2, 1, 0]).unwrap();
        for y in 0..h {
            for x in 0..w {
                for i in 0..4 {
                    assert_eq!(
                        out[y * (4 * w + 1) + 4 * x + i],
                        src[(y * w + x) * 4 + 3 - i]
                    );
                }
            }
        }
    }

    #[test]
    fn masked_insert_overwrite_and_extract() {
        let src = image(2, 1, 4);
        let s = Plane::packed(&src, 2, 1, 8).unwrap();
        let mut out = [0u16; 8];
        let mut d = PlaneMut::packed(&mut out, 2, 1, 8).unwrap();
        permute_masked_insert(&s, &mut d, [1, 2, 3, 0], 0x8 | 0x1, [90, 91, 92, 93]).unwrap();
        assert_eq!(out, [90, src[2], src[3], 93, 90, src[6], src[7], 93]);
        let mut d = PlaneMut::packed(&mut out, 2, 1, 8).unwrap();
        assert_eq!(
            overwrite_with_pixel(&s, &mut d, 16, [0; 4]),
            Err(ImageError::InvalidParameter)
        );
        overwrite_with_pixel(&s, &mut d, 0x4, [5, 6, 7, 8]).unwrap();
        assert_eq!(out, [src[0], 6, src[2], src[3], src[4], 6, src[6], src[7]]);
        let plane = [100u16, 200];
        let p = Plane::packed(&plane, 2, 1, 2).unwrap();
        let mut d = PlaneMut::packed(&mut out, 2, 1, 8).unwrap();
        overwrite_from_plane(&p, &s, &mut d, 0x2).unwrap();
        assert_eq!(
            out,
            [src[0], src[1], 100, src[3], src[4], src[5], 200, src[7]]
        );
        let mut one = [0u16; 2];
        let mut d = PlaneMut::packed(&mut one, 2, 1, 2).unwrap();
        assert_eq!(extract(&s, &mut d, 4), Err(ImageError::InvalidParameter));
        assert_eq!(extract(&s, &mut d, -1), Err(ImageError::InvalidParameter));
        extract(&s, &mut d, 2).unwrap();
        assert_eq!(one, [src[2], src[6]]);
    }
}
