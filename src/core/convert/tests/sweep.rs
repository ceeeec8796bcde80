//! Every (source, destination) pair of the 66 supported formats against
//! the model, on a pattern of gamut corners, near-black and near-white,
//! greys, out-of-range codes and random colours with varied alpha.
//!
//! Tolerances (the pipeline computes in f32): integer destinations within
//! ±1 code of the model's rounded value at every depth; half and single
//! float destinations within 1e-3 of the model, relative to
//! max(|value|, 1.0) (the nominal white). `cargo test -- --nocapture`
//! prints the worst error of every pair and a summary per family.

use std::collections::BTreeMap;

use super::super::io::{ColorModel, ConvertError, FormatInfo, IntermediateRow};
use super::super::plan::{
    ConversionPlan, ConversionRequest, DestinationColor, DownsamplingMode, SourceColor,
};
use super::model::{self, Expected};
use super::{Frame, Rng, format, rows_from, run, supported};
use crate::core::color::{ChromaSiting, YCbCrMatrix};
use crate::core::pixel_format::PixelFormat;

/// Integer destinations: ±1 code.
const CODE_TOLERANCE: f64 = 1.0;
/// Float destinations: relative to max(|expected|, 1).
const FLOAT_TOLERANCE: f64 = 1e-3;

/// Normalised test colours in a format's own model: the fixed list first,
/// then random ones.
fn palette(f: &'static PixelFormat, rng: &mut Rng, extra: usize) -> Vec<([f64; 3], f64)> {
    let info = FormatInfo::new(f).unwrap();
    let span = model::scale(&info, 0).span;
    // One code above black / below white (1/255 for float formats).
    let step = if span > 1.0 { 1.0 / span } else { 1.0 / 255.0 };
    let alphas = [1.0, 0.0, 0.5, 0.25, 0.75, 1.0, 0.9];
    let mut colours: Vec<[f64; 3]> = Vec::new();
    let corners: Vec<[f64; 3]> = (0..8)
        .map(|i| [(i & 4) as f64 / 4.0, (i & 2) as f64 / 2.0, f64::from(i & 1)])
        .collect();
    let greys = [
        0.0,
        step,
        2.0 * step,
        0.18,
        0.25,
        0.5,
        0.75,
        1.0 - step,
        1.0,
    ];
    match info.model {
        ColorModel::Rgb => {
            colours.extend(&corners);
            colours.extend(greys.iter().map(|&g| [g; 3]));
            colours.extend([[-0.1, 0.5, 1.2], [1.0, step, 0.0], [step, 1.0 - step, step]]);
        }
        ColorModel::YCbCr => {
            let m = YCbCrMatrix::Bt709;
            colours.extend(corners.iter().map(|&c| model::rgb_to_ycbcr(m, c)));
            colours.extend(greys.iter().map(|&g| [g, 0.0, 0.0]));
            colours.extend([
                [0.0, -0.5, -0.5],
                [1.0, 0.5, 0.5],
                [1.2, 0.0, 0.0],
                [-0.1, 0.0, 0.0],
                [0.5, 0.6, -0.6],
                [step, step, -step],
            ]);
        }
        ColorModel::Gray => colours.extend(greys.iter().map(|&g| [g, 0.0, 0.0])),
        ColorModel::TwoComponent => {
            colours.extend(greys.iter().map(|&g| [g, 1.0 - g, 0.0]));
        }
    }
    let mut out: Vec<([f64; 3], f64)> = colours
        .iter()
        .enumerate()
        .map(|(i, &c)| (c, alphas[i % alphas.len()]))
        .collect();
    for _ in 0..extra {
        let mut c = [rng.unit(), rng.unit(), rng.unit()];
        if info.model == ColorModel::YCbCr {
            c[1] -= 0.5;
            c[2] -= 0.5;
        }
        out.push((c, rng.unit()));
    }
    out
}

/// A `width` × `height` test frame of `f`.
pub(super) fn pattern(f: &'static PixelFormat, width: usize, height: usize, seed: u64) -> Frame {
    let mut rng = Rng::new(seed ^ u64::from(f.code));
    let colours = palette(f, &mut rng, 24);
    let rows = rows_from(f, width, height, |x, y| {
        colours[(x + 5 * y + (y / 2) * 3) % colours.len()]
    });
    Frame::from_rows(f, &rows)
}

/// The worst difference between a converted frame and the model, as
/// (integer code error, float relative error).
pub(super) fn compare(dst: &FormatInfo, got: &[IntermediateRow], want: &Expected) -> (f64, f64) {
    let p = &want.picture;
    let mut worst = (0.0f64, 0.0f64);
    let mut check = |ch: usize, got: f32, want: f64| match dst.code_range(ch) {
        Some((lo, hi)) => {
            let q = want.round().clamp(f64::from(lo), f64::from(hi));
            worst.0 = worst.0.max((f64::from(got) - q).abs());
        }
        None => {
            let e = (f64::from(got) - want).abs() / want.abs().max(1.0);
            worst.1 = worst.1.max(if e.is_nan() { f64::INFINITY } else { e });
        }
    };
    let (_, dv) = dst.chroma_subsampling;
    let dv = usize::from(dv);
    for (y, row) in got.iter().enumerate() {
        for c in 0..3 {
            let values = row.channel(c);
            if values.is_empty() {
                continue;
            }
            let chroma = dst.model == ColorModel::YCbCr && c > 0;
            if chroma && y % dv != 0 {
                continue;
            }
            let (stride, line) = if chroma { (p.cw, y / dv) } else { (p.w, y) };
            for (x, &v) in values.iter().enumerate() {
                check(c, v, p.c[c][line * stride + x]);
            }
        }
        if row.has_alpha() {
            for (x, &v) in row.channel(3).iter().enumerate() {
                check(3, v, p.a[y * p.w + x]);
            }
        }
    }
    worst
}

/// Converts the pattern with the pipeline and the model; returns the
/// worst errors, or `None` for a pair both agree is unsupported.
pub(super) fn check_pair(
    request: &ConversionRequest,
    width: usize,
    height: usize,
) -> Option<(f64, f64)> {
    let (s, d) = (request.source, request.destination);
    let (si, di) = (FormatInfo::new(s).unwrap(), FormatInfo::new(d).unwrap());
    let source = pattern(s, width, height, 0x5EED);
    let source_rows = source.rows();
    let want = model::convert(request, &si, &di, model::decode(&si, &source_rows));
    let plan = ConversionPlan::new(request);
    let (Some(want), Ok(plan)) = (want, plan) else {
        assert_eq!(
            plan.err(),
            Some(ConvertError::UnsupportedPair {
                from: s.code,
                to: d.code
            }),
            "{} -> {}: model and pipeline disagree on support",
            s.name,
            d.name
        );
        return None;
    };
    let out = run(&plan, d, &source);
    assert!(
        out.padding_intact(),
        "{} -> {}: stride padding touched",
        s.name,
        d.name
    );
    // The source is never written.
    Some(compare(&di, &out.rows(), &want))
}

fn family(f: &'static PixelFormat) -> &'static str {
    let info = FormatInfo::new(f).unwrap();
    let float = info.code_range(0).is_none();
    match (info.model, float) {
        (ColorModel::YCbCr, _) if info.chroma_subsampling == (2, 2) => "YCbCr 4:2:0",
        (ColorModel::YCbCr, _) if info.chroma_subsampling == (2, 1) => "YCbCr 4:2:2",
        (ColorModel::YCbCr, true) => "YCbCr float",
        (ColorModel::YCbCr, _) => "YCbCr 4:4:4",
        (ColorModel::Rgb, true) => "RGB float",
        (ColorModel::Rgb, _) => "RGB",
        (ColorModel::Gray, true) => "gray float",
        (ColorModel::Gray, _) => "gray",
        (ColorModel::TwoComponent, _) => "two-component",
    }
}

/// The request variants the sweep runs per pair: no tags (BT.709 default,
/// Decimate), and tagged BT.2020 with a BT.601 destination matrix,
/// Average and a non-default siting.
fn requests(s: &'static PixelFormat, d: &'static PixelFormat, n: usize) -> [ConversionRequest; 2] {
    let plain = ConversionRequest::new(s, d);
    let sitings = [
        ChromaSiting::Center,
        ChromaSiting::TopLeft,
        ChromaSiting::Bottom,
        ChromaSiting::Dv420,
        ChromaSiting::Top,
        ChromaSiting::BottomLeft,
    ];
    let tagged = ConversionRequest {
        source_color: SourceColor {
            matrix: Some(YCbCrMatrix::Bt2020),
            chroma_siting: Some(sitings[n % sitings.len()]),
            ..SourceColor::default()
        },
        destination_color: DestinationColor {
            matrix: Some(if n % 3 == 0 {
                YCbCrMatrix::Bt2020
            } else {
                YCbCrMatrix::Bt601
            }),
            ..DestinationColor::default()
        },
        downsampling: DownsamplingMode::Average,
        ..plain
    };
    [plain, tagged]
}

fn sweep(sizes: &[(usize, usize)]) {
    let formats = supported();
    assert_eq!(formats.len(), 66);
    // family pair → (worst code error, worst float error, pairs)
    let mut families: BTreeMap<(&str, &str), (f64, f64, usize)> = BTreeMap::new();
    let mut unsupported = 0;
    let mut n = 0;
    for &s in &formats {
        for &d in &formats {
            n += 1;
            let mut worst = (0.0f64, 0.0f64);
            let mut refused = false;
            for request in requests(s, d, n) {
                for &(w, h) in sizes {
                    match check_pair(&request, w, h) {
                        Some((c, f)) => worst = (worst.0.max(c), worst.1.max(f)),
                        None => refused = true,
                    }
                }
            }
            if refused {
                unsupported += 1;
                println!(
                    "{:>40} -> {:<40} unsupported",
                    s.short_name(),
                    d.short_name()
                );
                continue;
            }
            println!(
                "{:>40} -> {:<40} worst {} codes, {:.2e} float",
                s.short_name(),
                d.short_name(),
                worst.0,
                worst.1
            );
            let e = families.entry((family(s), family(d))).or_default();
            e.0 = e.0.max(worst.0);
            e.1 = e.1.max(worst.1);
            e.2 += 1;
            assert!(
                worst.0 <= CODE_TOLERANCE && worst.1 <= FLOAT_TOLERANCE,
                "{} -> {}: worst error {:?}",
                s.name,
                d.name,
                worst
            );
        }
    }
    println!("\nworst error per family pair (codes / float relative / pairs):");
    for ((a, b), (c, f, pairs)) in &families {
        println!("{a:>14} -> {b:<14} {c} / {f:.2e} / {pairs}");
    }
    // The two-component formats pair only among themselves: 4 × 62 × 2.
    assert_eq!(unsupported, 4 * 62 * 2);
}

/// Every pair at 1×1, 2×3, 3×5, 4×2 and 17×9: even and odd widths and
/// heights, so 4:2:x blocks are whole and cut on the right and bottom.
#[test]
fn every_pair_matches_the_model() {
    sweep(&[(1, 1), (2, 3), (3, 5), (4, 2), (17, 9)]);
}

/// A few representative pairs at 1921×1081, alternating the plain and the
/// tagged request (about 3 s each in a debug build).
#[test]
fn representative_pairs_at_hd_plus_one() {
    let pairs: [(&[u8; 4], &[u8; 4], usize); 4] = [
        (b"420v", b"BGRA", 0),
        (b"BGRA", b"420f", 1),
        (b"x420", b"v210", 0),
        (b"RGhA", b"x420", 1),
    ];
    for (s, d, variant) in pairs {
        let request = requests(format(s), format(d), 1)[variant];
        let (c, f) = check_pair(&request, 1921, 1081).unwrap();
        let name = |code: &[u8; 4]| String::from_utf8_lossy(code).into_owned();
        println!(
            "{} -> {} 1921x1081: {c} codes, {f:.2e} float",
            name(s),
            name(d)
        );
        assert!(c <= CODE_TOLERANCE && f <= FLOAT_TOLERANCE);
    }
}

/// The full sweep at 1921×1081: `cargo test --release --lib -- --ignored
/// full_sweep_at_hd_plus_one` (about an hour, most of it in the model).
#[test]
#[ignore]
fn full_sweep_at_hd_plus_one() {
    sweep(&[(1921, 1081)]);
}
