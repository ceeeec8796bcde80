//! Interleave, de-interleave, add and drop alpha (vimage-ops.md §4): all
//! [`channels::shuffle`](super::channels::shuffle) with a fixed channel
//! plan, plus the optional premultiply of
//! [`alpha`](super::alpha) when alpha is added. Exact moves.

use super::channels::{Source, Take, shuffle};
use crate::core::image::{ImageError, Plane, PlaneMut};

/// Every plane of a de-interleave must have the same size.
fn same_sizes<T>(dests: &[PlaneMut<'_, T>]) -> Result<(), ImageError> {
    match dests.first() {
        Some(first)
            if dests
                .iter()
                .any(|d| (d.width(), d.height()) != (first.width(), first.height())) =>
        {
            Err(ImageError::SizeMismatch)
        }
        _ => Ok(()),
    }
}

/// Channel `picks[i]` of each `channels`-channel pixel of `src` into
/// `dests[i]`.
pub fn deinterleave<T: Copy>(
    src: &Plane<'_, T>,
    channels: usize,
    dests: &mut [PlaneMut<'_, T>],
    picks: &[usize],
) -> Result<(), ImageError> {
    same_sizes(dests)?;
    let source = [Source {
        plane: src,
        channels,
    }];
    for (d, &channel) in dests.iter_mut().zip(picks) {
        shuffle(&source, d, &[Take::From { plane: 0, channel }])?;
    }
    Ok(())
}

/// Planar sources interleaved into `dest`: channel i of each pixel is
/// `takes[i]` (`From { plane, channel: 0 }` or a constant).
pub fn interleave<T: Copy>(
    srcs: &[&Plane<'_, T>],
    dest: &mut PlaneMut<'_, T>,
    takes: &[Take<T>],
) -> Result<(), ImageError> {
    let sources: Vec<Source<'_, '_, T>> = srcs
        .iter()
        .map(|p| Source {
            plane: p,
            channels: 1,
        })
        .collect();
    shuffle(&sources, dest, takes)
}

/// Where alpha goes when a 3-channel image gains one, and the colour order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddAlpha {
    /// A, c0, c1, c2.
    First,
    /// c0, c1, c2, A.
    Last,
    /// c2, c1, c0, A (byte-reversed).
    LastReversed,
}

/// `rgb` (3 channels) plus `alpha` (a plane, or the constant) into a
/// 4-channel `dest`; `premultiply` then scales the colours by alpha.
pub fn add_alpha<T: Copy>(
    rgb: &Plane<'_, T>,
    alpha: Option<&Plane<'_, T>>,
    constant: T,
    dest: &mut PlaneMut<'_, T>,
    order: AddAlpha,
    premultiply: Option<fn(T, T) -> T>,
) -> Result<(), ImageError> {
    let c = |channel| Take::From { plane: 0, channel };
    let a = match alpha {
        Some(_) => Take::From {
            plane: 1,
            channel: 0,
        },
        None => Take::Value(constant),
    };
    let (takes, alpha_index) = match order {
        AddAlpha::First => ([a, c(0), c(1), c(2)], 0),
        AddAlpha::Last => ([c(0), c(1), c(2), a], 3),
        AddAlpha::LastReversed => ([c(2), c(1), c(0), a], 3),
    };
    let mut sources = vec![Source {
        plane: rgb,
        channels: 3,
    }];
    if let Some(p) = alpha {
        sources.push(Source {
            plane: p,
            channels: 1,
        });
    }
    shuffle(&sources, dest, &takes)?;
    if let Some(f) = premultiply {
        for y in 0..dest.height() {
            super::alpha::scale_row(dest.row_mut(y), alpha_index, f);
        }
    }
    Ok(())
}

/// Three channels of a 4-channel image (`picks`) into a 3-channel `dest`.
pub fn drop_channel<T: Copy>(
    src: &Plane<'_, T>,
    dest: &mut PlaneMut<'_, T>,
    picks: [usize; 3],
) -> Result<(), ImageError> {
    let takes = picks.map(|channel| Take::From { plane: 0, channel });
    shuffle(
        &[Source {
            plane: src,
            channels: 4,
        }],
        dest,
        &takes,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_and_merge_are_inverse() {
        let src: Vec<f32> = (0..2 * 3 * 3).map(|i| i as f32).collect();
        let s = Plane::packed(&src, 3, 2, 9).unwrap();
        let mut planes = vec![vec![0f32; 6]; 3];
        {
            let mut dests: Vec<PlaneMut<'_, f32>> = planes
                .iter_mut()
                .map(|p| PlaneMut::packed(p, 3, 2, 3).unwrap())
                .collect();
            deinterleave(&s, 3, &mut dests, &[0, 1, 2]).unwrap();
        }
        assert_eq!(planes[1], [1.0, 4.0, 7.0, 10.0, 13.0, 16.0]);
        let views: Vec<Plane<'_, f32>> = planes
            .iter()
            .map(|p| Plane::packed(p, 3, 2, 3).unwrap())
            .collect();
        let refs: Vec<&Plane<'_, f32>> = views.iter().collect();
        let mut back = vec![0f32; 18];
        let mut d = PlaneMut::packed(&mut back, 3, 2, 9).unwrap();
        let takes = [0, 1, 2].map(|plane| Take::From { plane, channel: 0 });
        interleave(&refs, &mut d, &takes).unwrap();
        assert_eq!(back, src);
    }

    #[test]
    fn alpha_is_added_and_dropped_in_each_order() {
        let rgb = [10u8, 20, 30];
        let s = Plane::packed(&rgb, 1, 1, 3).unwrap();
        let mut out = [0u8; 4];
        for (order, want) in [
            (AddAlpha::First, [255, 10, 20, 30]),
            (AddAlpha::Last, [10, 20, 30, 255]),
            (AddAlpha::LastReversed, [30, 20, 10, 255]),
        ] {
            let mut d = PlaneMut::packed(&mut out, 1, 1, 4).unwrap();
            add_alpha(&s, None, 255, &mut d, order, None).unwrap();
            assert_eq!(out, want);
        }
        let a = [128u8];
        let ap = Plane::packed(&a, 1, 1, 1).unwrap();
        let mut d = PlaneMut::packed(&mut out, 1, 1, 4).unwrap();
        add_alpha(
            &s,
            Some(&ap),
            0,
            &mut d,
            AddAlpha::First,
            Some(super::super::alpha::premultiply_u8),
        )
        .unwrap();
        assert_eq!(out, [128, 5, 10, 15]);
        let src = [1u8, 2, 3, 4];
        let p = Plane::packed(&src, 1, 1, 4).unwrap();
        let mut three = [0u8; 3];
        let mut d = PlaneMut::packed(&mut three, 1, 1, 3).unwrap();
        drop_channel(&p, &mut d, [2, 1, 0]).unwrap();
        assert_eq!(three, [3, 2, 1]);
    }
}
