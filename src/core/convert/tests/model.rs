//! An independent double-precision model of the conversion, written from
//! the documented formulas and the decisions in `plan`'s docs. It uses no
//! `core::color` code: luma coefficients are the published Kr/Kb literals,
//! ranges the BT.601/709/2100 and Apple full-range levels, chroma
//! resampling a tent-weight formulation (not the pipeline's tap lists).
//! Only format *metadata* (`io::FormatInfo`: model, bits, coding, chroma
//! subsampling, alpha) comes from the code under test's neighbours.

use super::super::io::{Coding, ColorModel, FormatInfo, IntermediateRow};
use super::super::plan::{ConversionRequest, DownsamplingMode};
use crate::core::color::{ChromaSiting, YCbCrMatrix};
use crate::core::pixel_format::Alpha;

/// (Kr, Kb) as published: BT.709-6 item 3.2, BT.601-7 §2.5.1, BT.2020-2
/// Table 4, SMPTE 240M §7.1.
fn kr_kb(m: YCbCrMatrix) -> (f64, f64) {
    match m {
        YCbCrMatrix::Bt709 => (0.2126, 0.0722),
        YCbCrMatrix::Bt601 => (0.299, 0.114),
        YCbCrMatrix::Bt2020 => (0.2627, 0.0593),
        YCbCrMatrix::Smpte240M => (0.212, 0.087),
        other => panic!("model has no literals for {other:?}"),
    }
}

pub(super) fn rgb_to_ycbcr(m: YCbCrMatrix, [r, g, b]: [f64; 3]) -> [f64; 3] {
    let (kr, kb) = kr_kb(m);
    let y = kr * r + (1.0 - kr - kb) * g + kb * b;
    [
        y,
        (b - y) / (2.0 * (1.0 - kb)),
        (r - y) / (2.0 * (1.0 - kr)),
    ]
}

pub(super) fn ycbcr_to_rgb(m: YCbCrMatrix, [y, cb, cr]: [f64; 3]) -> [f64; 3] {
    let (kr, kb) = kr_kb(m);
    let r = y + 2.0 * (1.0 - kr) * cr;
    let b = y + 2.0 * (1.0 - kb) * cb;
    let g = (y - kr * r - kb * b) / (1.0 - kr - kb);
    [r, g, b]
}

/// (code of normalised 0, codes per normalised 1) of a channel.
#[derive(Clone, Copy, Debug)]
pub(super) struct Scale {
    pub zero: f64,
    pub span: f64,
}

/// The model's range table (module docs of `codes`; BT.601/709/2100
/// narrow range, Apple's full-range chroma, XR, zero-biased, float).
pub(super) fn scale(info: &FormatInfo, ch: usize) -> Scale {
    let bits = i32::from(info.bits[ch]);
    let k = 2f64.powi(bits - 8);
    let s = |zero, span| Scale { zero, span };
    if ch == 3 {
        return match info.alpha_coding.unwrap() {
            Coding::Float => s(0.0, 1.0),
            Coding::Xr => s(384.0, 510.0),
            _ if info.alpha == Alpha::Video => s(16.0 * k, 219.0 * k),
            _ => s(0.0, 2f64.powi(bits) - 1.0),
        };
    }
    let chroma = info.model == ColorModel::YCbCr && ch > 0;
    match (info.coding, chroma) {
        (Coding::Float, _) => s(0.0, 1.0),
        (Coding::Xr, _) => s(384.0, 510.0),
        (Coding::ZeroBiased, false) => s(0.0, 219.0),
        (Coding::ZeroBiased, true) => s(0.0, 224.0),
        (Coding::Video, false) => s(16.0 * k, 219.0 * k),
        (Coding::Video, true) => s(128.0 * k, 224.0 * k),
        (Coding::Full, false) => s(0.0, 2f64.powi(bits) - 1.0),
        (Coding::Full, true) => s(2f64.powi(bits - 1), 2f64.powi(bits) - 2.0),
    }
}

/// One side's picture in normalised values: channel 0 (and alpha) at
/// w × h, channels 1–2 at `cw × ch` (chroma grid) or w × h.
#[derive(Clone, Debug)]
pub(super) struct Picture {
    pub w: usize,
    pub h: usize,
    /// Chroma samples per row / chroma rows of channels 1–2.
    pub cw: usize,
    pub ch: usize,
    pub c: [Vec<f64>; 3],
    pub a: Vec<f64>,
}

/// What the model predicts for a destination, in destination code units
/// (unrounded).
pub(super) struct Expected {
    pub picture: Picture,
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Place {
    Start,
    Middle,
    End,
}

/// (horizontal, vertical-for-Cb, vertical-for-Cr) placements.
fn places(s: ChromaSiting) -> (Place, Place, Place) {
    use Place::*;
    match s {
        ChromaSiting::Left => (Start, Middle, Middle),
        ChromaSiting::Center => (Middle, Middle, Middle),
        ChromaSiting::TopLeft => (Start, Start, Start),
        ChromaSiting::Top => (Middle, Start, Start),
        ChromaSiting::BottomLeft => (Start, End, End),
        ChromaSiting::Bottom => (Middle, End, End),
        // IEC 61834-2: Cr on the first line of a pair, Cb on the second.
        ChromaSiting::Dv420 => (Start, End, Start),
    }
}

fn offset(p: Place, factor: usize) -> f64 {
    let last = (factor - 1) as f64;
    match p {
        Place::Start => 0.0,
        Place::Middle => last / 2.0,
        Place::End => last,
    }
}

/// Position (luma units) of chroma sample k in one direction.
#[derive(Clone, Copy, PartialEq, Debug)]
struct Axis {
    factor: usize,
    offset: f64,
}

/// Linear interpolation of `samples` (spaced `axis.factor` apart, first at
/// `axis.offset`) at luma position `p`, by tent weights; positions outside
/// the first/last sample take that sample.
fn tent(samples: &[f64], axis: Axis, p: f64) -> f64 {
    let f = axis.factor as f64;
    let last = axis.offset + f * (samples.len() - 1) as f64;
    let p = p.clamp(axis.offset, last);
    // Only samples closer than one spacing have weight; look at those.
    let near = ((p - axis.offset) / f).floor().max(0.0) as usize;
    let mut sum = 0.0;
    let mut weight = 0.0;
    for k in near.saturating_sub(1)..(near + 3).min(samples.len()) {
        let w = (1.0 - ((p - axis.offset - f * k as f64) / f).abs()).max(0.0);
        sum += w * samples[k];
        weight += w;
    }
    sum / weight
}

/// Full resolution (`n` samples) from an axis grid.
fn up(samples: &[f64], axis: Axis, n: usize) -> Vec<f64> {
    (0..n).map(|p| tent(samples, axis, p as f64)).collect()
}

/// From full resolution to the axis grid.
fn down(full: &[f64], axis: Axis, average: bool) -> Vec<f64> {
    let n = full.len();
    let count = n.div_ceil(axis.factor);
    let unit = Axis {
        factor: 1,
        offset: 0.0,
    };
    (0..count)
        .map(|k| {
            if average {
                let block: Vec<f64> = (axis.factor * k..(axis.factor * (k + 1)).min(n))
                    .map(|i| full[i])
                    .collect();
                block.iter().sum::<f64>() / block.len() as f64
            } else {
                tent(full, unit, (axis.factor * k) as f64 + axis.offset)
            }
        })
        .collect()
}

/// Resamples a `w × h` (row-major) plane along x or y.
fn along_x(p: &[f64], w: usize, h: usize, f: impl Fn(&[f64]) -> Vec<f64>) -> (Vec<f64>, usize) {
    let mut out = Vec::new();
    let mut nw = 0;
    for y in 0..h {
        let row = f(&p[y * w..(y + 1) * w]);
        nw = row.len();
        out.extend(row);
    }
    (out, nw)
}

fn along_y(p: &[f64], w: usize, h: usize, f: impl Fn(&[f64]) -> Vec<f64>) -> (Vec<f64>, usize) {
    let cols: Vec<Vec<f64>> = (0..w)
        .map(|x| f(&(0..h).map(|y| p[y * w + x]).collect::<Vec<_>>()))
        .collect();
    let nh = cols.first().map_or(0, Vec::len);
    let mut out = vec![0.0; w * nh];
    for (x, col) in cols.iter().enumerate() {
        for (y, v) in col.iter().enumerate() {
            out[y * w + x] = *v;
        }
    }
    (out, nh)
}

/// The source codes of a frame as the model's normalised picture.
pub(super) fn decode(info: &FormatInfo, rows: &[IntermediateRow]) -> Picture {
    let h = rows.len();
    let w = rows[0].width();
    let (sh, sv) = subsampling(info);
    let cw = w.div_ceil(sh);
    let ch = h.div_ceil(sv);
    let norm = |c: usize, code: f32| {
        let s = scale(info, c);
        (f64::from(code) - s.zero) / s.span
    };
    let mut pic = Picture {
        w,
        h,
        cw,
        ch,
        c: Default::default(),
        a: vec![1.0; w * h],
    };
    for (y, row) in rows.iter().enumerate() {
        for c in 0..3 {
            let chroma = info.model == ColorModel::YCbCr && c > 0;
            if chroma && y % sv != 0 {
                continue;
            }
            pic.c[c].extend(row.channel(c).iter().map(|&v| norm(c, v)));
        }
        if row.has_alpha() {
            for (x, &v) in row.channel(3).iter().enumerate() {
                pic.a[y * w + x] = norm(3, v);
            }
        }
    }
    pic
}

fn subsampling(info: &FormatInfo) -> (usize, usize) {
    let (h, v) = info.chroma_subsampling;
    (usize::from(h), usize::from(v))
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    Rgb,
    Ycc(YCbCrMatrix),
    Generic,
}

/// The model's conversion. `None` when the model expects the pair to be
/// refused (two-component with anything else). Colour matching is not
/// modelled here (see the matching tests).
pub(super) fn convert(
    req: &ConversionRequest,
    src: &FormatInfo,
    dst: &FormatInfo,
    mut pic: Picture,
) -> Option<Expected> {
    let generic = |i: &FormatInfo| i.model == ColorModel::TwoComponent;
    if generic(src) != generic(dst) {
        return None;
    }
    assert!(req.destination_color.primaries.is_none() && req.destination_color.transfer.is_none());
    let (w, h) = (pic.w, pic.h);
    let src_matrix = req.source_color.matrix.unwrap_or(YCbCrMatrix::Bt709);
    let dst_matrix = req.destination_color.matrix.unwrap_or(src_matrix);
    let kind = |i: &FormatInfo, m| match i.model {
        ColorModel::Rgb => Kind::Rgb,
        ColorModel::YCbCr => Kind::Ycc(m),
        ColorModel::Gray => Kind::Ycc(dst_matrix),
        ColorModel::TwoComponent => Kind::Generic,
    };
    let (sk, dk) = (kind(src, src_matrix), kind(dst, dst_matrix));
    let direct = sk == dk || sk == Kind::Generic;

    // Sitings and filters (plan docs).
    let src_ycc = src.model == ColorModel::YCbCr;
    let (ssh, ssv) = if src_ycc { subsampling(src) } else { (1, 1) };
    let (dsh, dsv) = subsampling(dst);
    let src_siting = if (ssh, ssv) != (1, 1) {
        req.source_color.chroma_siting.unwrap_or(ChromaSiting::Left)
    } else {
        ChromaSiting::Left
    };
    let average = req.downsampling == DownsamplingMode::Average;
    let (down_h, down_v) = (dsh > ssh, dsv > ssv);
    let (sp_h, sp_cb, sp_cr) = places(src_siting);
    let centre = |p: Place, yes: bool| if yes { Place::Middle } else { p };
    let (dp_h, dp_cb, dp_cr) = if average && (down_h || down_v) {
        if src_siting == ChromaSiting::Dv420 && !down_v {
            (sp_h, sp_cb, sp_cr)
        } else {
            let v = centre(sp_cb, down_v);
            (centre(sp_h, down_h), v, v)
        }
    } else {
        (sp_h, sp_cb, sp_cr)
    };
    let s_axes = (
        Axis {
            factor: ssh,
            offset: offset(sp_h, ssh),
        },
        [
            Axis {
                factor: ssv,
                offset: offset(sp_cb, ssv),
            },
            Axis {
                factor: ssv,
                offset: offset(sp_cr, ssv),
            },
        ],
    );
    let d_axes = (
        Axis {
            factor: dsh,
            offset: offset(dp_h, dsh),
        },
        [
            Axis {
                factor: dsv,
                offset: offset(dp_cb, dsv),
            },
            Axis {
                factor: dsv,
                offset: offset(dp_cr, dsv),
            },
        ],
    );
    let (avg_h, avg_v) = (average && down_h, average && down_v);

    // Premultiplication ('w40m').
    let pre = |i: &FormatInfo| i.alpha == Alpha::Premultiplied;
    let keep = pre(src) && pre(dst) && direct;
    if pre(src) && !keep {
        for c in 0..3 {
            for (v, &a) in pic.c[c].iter_mut().zip(&pic.a) {
                *v = if a > 0.0 { *v / a } else { 0.0 };
            }
        }
    }

    let mut out = Picture {
        w,
        h,
        cw: w,
        ch: h,
        c: Default::default(),
        a: pic.a.clone(),
    };
    if direct {
        out.c[0] = pic.c[0].clone();
        match (src.model, dst.model) {
            (ColorModel::YCbCr, ColorModel::YCbCr) => {
                let (mut cw, mut chh) = (pic.cw, pic.ch);
                for c in 0..2 {
                    let mut p = pic.c[1 + c].clone();
                    let (mut pw, mut ph) = (pic.cw, pic.ch);
                    if s_axes.0 != d_axes.0 {
                        (p, pw) = along_x(&p, pw, ph, |r| up(r, s_axes.0, w));
                        (p, pw) = along_x(&p, pw, ph, |r| down(r, d_axes.0, avg_h));
                    }
                    if s_axes.1 != d_axes.1 {
                        (p, ph) = along_y(&p, pw, ph, |col| up(col, s_axes.1[c], h));
                        (p, ph) = along_y(&p, pw, ph, |col| down(col, d_axes.1[c], avg_v));
                    }
                    out.c[1 + c] = p;
                    (cw, chh) = (pw, ph);
                }
                (out.cw, out.ch) = (cw, chh);
            }
            (_, ColorModel::YCbCr) => {
                // Gray source: neutral chroma.
                (out.cw, out.ch) = (w.div_ceil(dsh), h.div_ceil(dsv));
                out.c[1] = vec![0.0; out.cw * out.ch];
                out.c[2] = out.c[1].clone();
            }
            (_, ColorModel::Rgb | ColorModel::TwoComponent) => {
                out.c[1] = pic.c[1].clone();
                out.c[2] = pic.c[2].clone();
            }
            (_, ColorModel::Gray) => {}
        }
    } else {
        // Source chroma at full resolution.
        let mut full: [Vec<f64>; 3] = [pic.c[0].clone(), vec![0.0; w * h], vec![0.0; w * h]];
        match src.model {
            ColorModel::YCbCr => {
                for c in 0..2 {
                    let (p, pw) = along_x(&pic.c[1 + c], pic.cw, pic.ch, |r| up(r, s_axes.0, w));
                    let (p, _) = along_y(&p, pw, pic.ch, |col| up(col, s_axes.1[c], h));
                    full[1 + c] = p;
                }
            }
            ColorModel::Rgb => {
                full[1] = pic.c[1].clone();
                full[2] = pic.c[2].clone();
            }
            _ => {}
        }
        for i in 0..w * h {
            let v = [full[0][i], full[1][i], full[2][i]];
            let rgb = match sk {
                Kind::Ycc(m) => ycbcr_to_rgb(m, v),
                _ => v,
            };
            let o = match dk {
                Kind::Ycc(m) => rgb_to_ycbcr(m, rgb),
                _ => rgb,
            };
            for c in 0..3 {
                full[c][i] = o[c];
            }
        }
        out.c[0] = full[0].clone();
        match dst.model {
            ColorModel::YCbCr => {
                for c in 0..2 {
                    let (p, pw) = along_x(&full[1 + c], w, h, |r| down(r, d_axes.0, avg_h));
                    let (p, ph) = along_y(&p, pw, h, |col| down(col, d_axes.1[c], avg_v));
                    out.c[1 + c] = p;
                    (out.cw, out.ch) = (pw, ph);
                }
            }
            ColorModel::Rgb => {
                out.c[1] = full[1].clone();
                out.c[2] = full[2].clone();
            }
            _ => {}
        }
    }
    if pre(dst) && !keep {
        for c in 0..3 {
            for (v, &a) in out.c[c].iter_mut().zip(&out.a) {
                *v *= a;
            }
        }
    }
    // Normalised → destination codes (unrounded).
    for c in 0..3 {
        if out.c[c].is_empty() {
            continue;
        }
        let s = scale(dst, c);
        for v in &mut out.c[c] {
            *v = s.zero + s.span * *v;
        }
    }
    if dst.has_alpha() {
        let s = scale(dst, 3);
        for v in &mut out.a {
            *v = s.zero + s.span * *v;
        }
    }
    Some(Expected { picture: out })
}
