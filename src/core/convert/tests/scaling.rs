//! Scaling in the row pipeline (`convert::scale`): constants, the
//! checkerboard mean, an independent f64 Lanczos model per plane, and the
//! black bars of every destination format.

use super::*;
use crate::core::convert::{Placement, SourceRect, TargetRect};
use crate::core::pixel_format::black::black_block;
use crate::core::resample::Filter;

fn placed(
    plan: &ConversionPlan,
    source: &Frame,
    destination: &'static PixelFormat,
    size: (usize, usize),
    placement: &Placement,
) -> Frame {
    let mut out = Frame::new(destination, size.0, size.1);
    let sources = source.sources();
    let mut dests = out.dests();
    plan.convert_placed(
        &SourceFrame {
            width: source.width,
            height: source.height,
            planes: &sources,
        },
        &mut DestFrame {
            width: size.0,
            height: size.1,
            planes: &mut dests,
        },
        placement,
        1,
    )
    .unwrap();
    assert!(out.padding_intact());
    out
}

fn stretch(source: &Frame, destination: &'static PixelFormat, size: (usize, usize)) -> Frame {
    let plan = ConversionPlan::new(&ConversionRequest::new(source.format, destination)).unwrap();
    let p = Placement::stretch((source.width, source.height), size, Filter::Lanczos3);
    placed(&plan, source, destination, size, &p)
}

/// A frame of `format` whose every pixel has the same codes (mid-range
/// values that differ per channel).
fn constant(format: &'static PixelFormat, width: usize, height: usize) -> Frame {
    codes_frame_normalised(format, width, height, |_, _| ([0.4, 0.1, -0.2], 0.6))
}

fn codes_frame_normalised(
    format: &'static PixelFormat,
    width: usize,
    height: usize,
    pixel: impl FnMut(usize, usize) -> ([f64; 3], f64),
) -> Frame {
    let info = FormatInfo::new(format).unwrap();
    let mut pixel = pixel;
    let rows = rows_from(format, width, height, |x, y| {
        let (mut c, a) = pixel(x, y);
        if info.model != ColorModel::YCbCr {
            // Chroma-like values would be negative colour.
            c = [c[0], c[0] + 0.2, c[0] + 0.35];
        }
        (c, a)
    });
    Frame::from_rows(format, &rows)
}

fn close(a: f32, b: f32, float: bool) -> bool {
    if float {
        (a - b).abs() <= 1e-5 * a.abs().max(1.0)
    } else {
        a == b
    }
}

fn is_float(format: &'static PixelFormat) -> bool {
    let info = FormatInfo::new(format).unwrap();
    matches!(info.coding, super::super::io::Coding::Float)
}

#[test]
fn constant_images_stay_exactly_constant() {
    let formats = supported();
    let destinations = [
        "BGRA", "420v", "420f", "x420", "2vuy", "v210", "y420", "L008", "RGhA", "w40a",
    ];
    for source in &formats {
        if FormatInfo::new(source).unwrap().model == ColorModel::TwoComponent {
            continue;
        }
        for d in destinations {
            let d = format(d.as_bytes().try_into().unwrap());
            let src = constant(source, 13, 9);
            // Same-size conversion of the same constant: the expectation.
            let plan = ConversionPlan::new(&ConversionRequest::new(source, d)).unwrap();
            for size in [(7, 5), (21, 14), (1, 1)] {
                let want = run(&plan, d, &constant(source, size.0, size.1));
                let got = stretch(&src, d, size);
                let float = is_float(d);
                for (y, (g, w)) in got.rows().iter().zip(want.rows()).enumerate() {
                    for c in 0..4 {
                        for (x, (&a, &b)) in g.channel(c).iter().zip(w.channel(c)).enumerate() {
                            assert!(
                                close(a, b, float),
                                "{:?}→{:?} {size:?} ({x},{y}) ch{c}: {a} vs {b}",
                                source.name,
                                d.name
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn halving_a_checkerboard_gives_its_mean() {
    for (code, filter) in [
        (b"L008", Filter::Lanczos3),
        (b"BGRA", Filter::Lanczos3),
        (b"420f", Filter::Triangle),
        (b"420f", Filter::Lanczos5),
    ] {
        let f = format(code);
        let src = codes_frame(f, 34, 22, |x, y| {
            let v = if (x + y) % 2 == 0 { 0.0 } else { 255.0 };
            [
                v,
                if code == b"420f" { 128.0 } else { v },
                if code == b"420f" { 128.0 } else { v },
                255.0,
            ]
        });
        let plan = ConversionPlan::new(&ConversionRequest::new(f, f)).unwrap();
        let p = Placement::stretch((34, 22), (17, 11), filter);
        let out = placed(&plan, &src, f, (17, 11), &p);
        for row in out.rows() {
            for &v in row.channel(0) {
                assert!((v - 127.5).abs() <= 1.5, "{code:?} {filter:?} {v}");
            }
        }
    }
}

/// Independent f64 Lanczos-3: one output sample at source position `t`
/// (index units) with stretch `scale`, edges mirrored.
fn lanczos_at(samples: &dyn Fn(i64) -> f64, n: i64, t: f64, scale: f64) -> f64 {
    let l = |x: f64| {
        let x = x.abs();
        if x < 1e-12 {
            1.0
        } else if x >= 3.0 {
            0.0
        } else {
            let p = std::f64::consts::PI * x;
            3.0 * p.sin() * (p / 3.0).sin() / (p * p)
        }
    };
    let r = 3.0 * scale;
    let (mut acc, mut sum) = (0.0, 0.0);
    for i in (t - r).ceil() as i64..=(t + r).floor() as i64 {
        let w = l((i as f64 - t) / scale);
        let period = (2 * (n - 1)).max(1);
        let m = i.rem_euclid(period);
        let m = if m >= n { period - m } else { m };
        acc += w * samples(m.min(n - 1));
        sum += w;
    }
    acc / sum
}

/// Separable model of one plane: `plane[y][x]` (n × m samples at grid
/// factor/offset `(f, o)` per direction) resampled onto the picture grid.
fn model_plane(
    plane: &[Vec<f64>],
    src: SourceRect,
    picture: (usize, usize),
    grid: ((u32, f64), (u32, f64)),
) -> Vec<Vec<f64>> {
    let (gh, gv) = grid;
    let outputs = |len: usize, g: (u32, f64)| len.div_ceil(g.0 as usize);
    let pos = |j: usize, off: f64, ext: f64, len: usize, g: (u32, f64)| {
        let ratio = ext / len as f64;
        let x = off + (f64::from(g.0) * j as f64 + g.1 + 0.5) * ratio;
        ((x - 0.5 - g.1) / f64::from(g.0), (ratio).max(1.0))
    };
    let (n, m) = (plane.len(), plane[0].len());
    let (ow, oh) = (outputs(picture.0, gh), outputs(picture.1, gv));
    // Horizontal first, then vertical.
    let h: Vec<Vec<f64>> = plane
        .iter()
        .map(|row| {
            (0..ow)
                .map(|j| {
                    let (t, s) = pos(j, src.x, src.width, picture.0, gh);
                    lanczos_at(&|i| row[i as usize], m as i64, t, s)
                })
                .collect()
        })
        .collect();
    (0..oh)
        .map(|k| {
            let (t, s) = pos(k, src.y, src.height, picture.1, gv);
            (0..ow)
                .map(|j| lanczos_at(&|i| h[i as usize][j], n as i64, t, s))
                .collect()
        })
        .collect()
}

#[test]
fn planes_match_an_independent_lanczos_model() {
    // 4:2:0 video range ('420v', "Left" siting: chroma co-sited
    // horizontally, centred vertically) and 8-bit gray; Y'CbCr → Y'CbCr of
    // the same layout keeps chroma on its own grid, so each plane can be
    // checked on its own. Odd sizes, fractional source rectangles.
    let mut rng = Rng::new(11);
    for code in [b"420v", b"L008", b"y420"] {
        let f = format(code);
        let (sw, sh) = (29, 19);
        let src = codes_frame(f, sw, sh, |_, _| {
            let mut v = [0f32; 4];
            for c in &mut v {
                *c = (16 + rng.below(220)) as f32;
            }
            v
        });
        let rows = src.rows();
        let info = FormatInfo::new(f).unwrap();
        let plan = ConversionPlan::new(&ConversionRequest::new(f, f)).unwrap();
        for (rect, target, size) in [
            (
                SourceRect {
                    x: 0.0,
                    y: 0.0,
                    width: 29.0,
                    height: 19.0,
                },
                TargetRect {
                    x: 0,
                    y: 0,
                    width: 11,
                    height: 7,
                },
                (11, 7),
            ),
            (
                SourceRect {
                    x: 2.5,
                    y: 1.25,
                    width: 20.0,
                    height: 15.5,
                },
                TargetRect {
                    x: 4,
                    y: 2,
                    width: 37,
                    height: 25,
                },
                (41, 27),
            ),
            (
                SourceRect {
                    x: 3.0,
                    y: 4.0,
                    width: 9.0,
                    height: 7.0,
                },
                TargetRect {
                    x: 0,
                    y: 0,
                    width: 9,
                    height: 7,
                },
                (9, 7),
            ),
        ] {
            let p = Placement {
                source: rect,
                target,
                filter: Filter::Lanczos3,
            };
            let out = placed(&plan, &src, f, size, &p);
            let got = out.rows();
            let planes = if info.model == ColorModel::YCbCr {
                3
            } else {
                1
            };
            for c in 0..planes {
                let (fh, fv) = if c == 0 { (1, 1) } else { (2, 2) };
                let voff = if c == 0 { 0.0 } else { 0.5 };
                let plane: Vec<Vec<f64>> = (0..sh.div_ceil(fv))
                    .map(|k| {
                        rows[k * fv]
                            .channel(c)
                            .iter()
                            .map(|&v| f64::from(v))
                            .collect()
                    })
                    .collect();
                let want = model_plane(
                    &plane,
                    rect,
                    (target.width, target.height),
                    ((fh as u32, 0.0), (fv as u32, voff)),
                );
                for (k, wrow) in want.iter().enumerate() {
                    let grow = got[target.y + k * fv].channel(c);
                    for (j, &w) in wrow.iter().enumerate() {
                        let g = f64::from(grow[target.x / fh + j]);
                        let w = w.round().clamp(0.0, 255.0);
                        assert!(
                            (g - w).abs() <= 1.0,
                            "{code:?} plane {c} ({j},{k}): {g} vs {w}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn every_scaling_mode_matches_the_model_at_odd_sizes() {
    use crate::core::transfer::geometry::{GeometryInput, resolve};
    use crate::core::transfer::properties::{CleanAperture, ScalingMode};
    let mut rng = Rng::new(23);
    let f = format(b"420v");
    let (sw, sh) = (45, 27);
    let src = codes_frame(f, sw, sh, |_, _| {
        let mut v = [0f32; 4];
        for c in &mut v {
            *c = (16 + rng.below(220)) as f32;
        }
        v
    });
    let rows = src.rows();
    let plan = ConversionPlan::new(&ConversionRequest::new(f, f)).unwrap();
    let ca = CleanAperture::new(37.0, 21.0, 1.5, -1.0)
        .unwrap()
        .to_value();
    for mode in ScalingMode::ALL {
        for size in [(19, 23), (31, 9)] {
            let g = resolve(&GeometryInput {
                mode,
                source: (sw, sh),
                destination: size,
                source_clean_aperture: Some(&ca),
                source_pixel_aspect_ratio: None,
                destination_clean_aperture: None,
                destination_pixel_aspect_ratio: None,
                grid: (2, 2),
                filter: Filter::Lanczos3,
            })
            .unwrap();
            let (rect, target) = (g.placement.source, g.placement.target);
            let out = placed(&plan, &src, f, size, &g.placement);
            let got = out.rows();
            for c in 0..3 {
                let (fh, fv) = if c == 0 { (1, 1) } else { (2, 2) };
                let voff = if c == 0 { 0.0 } else { 0.5 };
                let plane: Vec<Vec<f64>> = (0..sh.div_ceil(fv))
                    .map(|k| {
                        rows[k * fv]
                            .channel(c)
                            .iter()
                            .map(|&v| f64::from(v))
                            .collect()
                    })
                    .collect();
                let want = model_plane(
                    &plane,
                    rect,
                    (target.width, target.height),
                    ((fh as u32, 0.0), (fv as u32, voff)),
                );
                for (k, wrow) in want.iter().enumerate() {
                    let grow = got[target.y + k * fv].channel(c);
                    for (j, &w) in wrow.iter().enumerate() {
                        let g = f64::from(grow[target.x / fh + j]);
                        let w = w.round().clamp(0.0, 255.0);
                        assert!(
                            (g - w).abs() <= 1.0,
                            "{mode:?} {size:?} plane {c} ({j},{k}): {g} vs {w}"
                        );
                    }
                }
            }
        }
    }
}

/// A frame of `format` whose every plane row is its black block repeated.
fn black_frame(f: &'static PixelFormat, width: usize, height: usize) -> Frame {
    let mut frame = Frame::new(f, width, height);
    let codec = RowCodec::new(f).unwrap();
    for p in 0..frame.planes.len() {
        let block = black_block(f, p).unwrap();
        let len = codec.row_length(p, width).unwrap();
        let stride = frame.strides[p];
        for row in frame.planes[p].chunks_mut(stride) {
            for (i, b) in row[..len].iter_mut().enumerate() {
                *b = block[i % block.len()];
            }
        }
    }
    frame
}

#[test]
fn bars_are_black_in_every_destination_format() {
    let src = constant(format(b"BGRA"), 6, 6);
    for d in supported() {
        let info = FormatInfo::new(d).unwrap();
        if info.model == ColorModel::TwoComponent {
            continue;
        }
        let (gh, gv) = (
            usize::from(info.chroma_subsampling.0),
            usize::from(info.chroma_subsampling.1),
        );
        let size = (13, 11);
        let target = TargetRect {
            x: 2 * gh,
            y: 2 * gv,
            width: 4,
            height: 4,
        };
        let plan = ConversionPlan::new(&ConversionRequest::new(src.format, d)).unwrap();
        let p = Placement {
            source: SourceRect {
                x: 0.0,
                y: 0.0,
                width: 6.0,
                height: 6.0,
            },
            target,
            filter: Filter::Lanczos3,
        };
        let out = placed(&plan, &src, d, size, &p);
        let black = black_frame(d, size.0, size.1).rows();
        let got = out.rows();
        let inside = |x: usize, y: usize| {
            (target.x..target.x + target.width).contains(&x)
                && (target.y..target.y + target.height).contains(&y)
        };
        for y in 0..size.1 {
            for c in 0..4 {
                let chroma = info.model == ColorModel::YCbCr && (c == 1 || c == 2);
                let (fx, fy) = if chroma { (gh, gv) } else { (1, 1) };
                if y % fy != 0 {
                    continue;
                }
                for (i, (&g, &b)) in got[y]
                    .channel(c)
                    .iter()
                    .zip(black[y].channel(c))
                    .enumerate()
                {
                    if !inside(i * fx, y) {
                        assert_eq!(g, b, "{} ({i},{y}) ch{c}", d.name);
                    }
                }
            }
        }
    }
}

#[test]
fn bar_rows_are_the_black_block_byte_for_byte() {
    let src = constant(format(b"BGRA"), 6, 6);
    let size = (12, 8);
    for d in supported() {
        let info = FormatInfo::new(d).unwrap();
        if info.model == ColorModel::TwoComponent {
            continue;
        }
        let plan = ConversionPlan::new(&ConversionRequest::new(src.format, d)).unwrap();
        let target = TargetRect {
            x: 0,
            y: 4,
            width: 12,
            height: 4,
        };
        let p = Placement {
            source: SourceRect {
                x: 0.0,
                y: 0.0,
                width: 6.0,
                height: 6.0,
            },
            target,
            filter: Filter::Lanczos3,
        };
        let out = placed(&plan, &src, d, size, &p);
        let black = black_frame(d, size.0, size.1);
        for (p, plane) in out.planes.iter().enumerate() {
            let len = RowCodec::new(d).unwrap().row_length(p, size.0).unwrap();
            // Rows 0..4 (plane rows 0..2 of 4:2:0 chroma) are bars.
            let rows = if d.planes()[p].height_for(2) == 1 {
                2
            } else {
                4
            };
            for r in 0..rows {
                let at = r * out.strides[p];
                assert_eq!(
                    &plane[at..at + len],
                    &black.planes[p][at..at + len],
                    "{} plane {p} row {r}",
                    d.name
                );
            }
        }
    }
}

#[test]
fn bad_placements_are_refused_before_writing() {
    let f = format(b"420v");
    let src = constant(f, 8, 8);
    let plan = ConversionPlan::new(&ConversionRequest::new(f, f)).unwrap();
    let full = SourceRect {
        x: 0.0,
        y: 0.0,
        width: 8.0,
        height: 8.0,
    };
    let t = |x, y, width, height| TargetRect {
        x,
        y,
        width,
        height,
    };
    for (source, target) in [
        (full, t(1, 0, 4, 4)), // off the chroma grid
        (full, t(0, 0, 3, 4)), // odd far edge inside the frame
        (full, t(0, 0, 0, 4)), // empty
        (full, t(6, 0, 4, 4)), // outside
        (
            SourceRect {
                width: f64::NAN,
                ..full
            },
            t(0, 0, 4, 4),
        ),
        (SourceRect { x: 1.0, ..full }, t(0, 0, 4, 4)),
        (
            SourceRect {
                height: 0.0,
                ..full
            },
            t(0, 0, 4, 4),
        ),
    ] {
        let mut out = Frame::new(f, 8, 8);
        let before = out.clone();
        let sources = src.sources();
        let mut dests = out.dests();
        let err = plan.convert_placed(
            &SourceFrame {
                width: 8,
                height: 8,
                planes: &sources,
            },
            &mut DestFrame {
                width: 8,
                height: 8,
                planes: &mut dests,
            },
            &Placement {
                source,
                target,
                filter: Filter::Lanczos3,
            },
            1,
        );
        assert_eq!(err, Err(crate::core::convert::ConvertError::BadPlacement));
        assert_eq!(out, before);
    }
}

#[test]
fn same_format_8bit_rgb_scaling_is_within_one_of_the_general_path() {
    // The direct u8 path (`fast::scale`) against the general f32 path
    // (the same plan with its fast kernel removed): every byte, alpha
    // included, within ±1; fractional crops, up- and downscaling.
    let mut rng = Rng::new(5);
    for code in [b"BGRA", b"RGBA"] {
        let f = format(code);
        let (sw, sh) = (31, 17);
        let src = codes_frame(f, sw, sh, |_, _| {
            let mut v = [0f32; 4];
            for c in &mut v {
                *c = rng.below(256) as f32;
            }
            v
        });
        let fast = ConversionPlan::new(&ConversionRequest::new(f, f)).unwrap();
        assert_eq!(
            fast.fast_path(),
            Some(crate::core::convert::fast::FastPath::Copy)
        );
        let mut general = ConversionPlan::new(&ConversionRequest::new(f, f)).unwrap();
        general.fast = None;
        for (rect, size) in [
            ((0.0, 0.0, 31.0, 17.0), (13, 7)),
            ((2.5, 1.25, 20.0, 13.5), (41, 29)),
            ((0.0, 0.0, 31.0, 17.0), (31, 5)),
        ] {
            let p = Placement {
                source: SourceRect {
                    x: rect.0,
                    y: rect.1,
                    width: rect.2,
                    height: rect.3,
                },
                target: TargetRect {
                    x: 0,
                    y: 0,
                    width: size.0,
                    height: size.1,
                },
                filter: Filter::Lanczos3,
            };
            let a = placed(&fast, &src, f, size, &p);
            let b = placed(&general, &src, f, size, &p);
            for (x, y) in a.planes[0].iter().zip(&b.planes[0]) {
                assert!(
                    x.abs_diff(*y) <= 1,
                    "{code:?} {rect:?} {size:?}: {x} vs {y}"
                );
            }
        }
    }
}
