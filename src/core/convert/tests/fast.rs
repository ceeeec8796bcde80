//! The fast paths against the general path (the same plan with its fast
//! kernel removed) and the model: copies and swizzles bit-exact, 4:2:0 →
//! R'G'B'A within ±1 code, on random bytes and on the sweep's gamut-corner
//! pattern, at awkward widths and odd heights. Each test also asserts the
//! fast path is the one taken, and that stride padding is left alone.

use super::super::fast::FastPath;
use super::super::plan::{
    ConversionPlan, ConversionRequest, DestinationColor, DownsamplingMode, SourceColor,
};
use super::super::{DestFrame, SourceFrame};
use super::sweep::{check_pair, pattern};
use super::{Frame, Rng, format, run};
use crate::core::color::{ChromaSiting, YCbCrMatrix};
use crate::core::pixel_format::PixelFormat;

const WIDTHS: [usize; 6] = [1, 2, 3, 17, 64, 1921];
const HEIGHTS: [usize; 4] = [1, 3, 5, 2];

/// A frame of random bytes (every code, including out-of-range ones).
fn random(f: &'static PixelFormat, width: usize, height: usize, seed: u64) -> Frame {
    let mut frame = Frame::new(f, width, height);
    let mut rng = Rng::new(seed ^ u64::from(f.code) ^ (width as u64) << 20);
    let strides = frame.strides.clone();
    for (plane, stride) in frame.planes.iter_mut().zip(strides) {
        // Only the pixel bytes: the padding keeps its sentinel.
        // Every plane is `stride × (rows − 1) + length` long, length < stride.
        let length = plane.len() % stride;
        for row in plane.chunks_mut(stride) {
            for b in &mut row[..length] {
                *b = rng.next() as u8;
            }
        }
    }
    frame
}

/// The same plan without its fast kernel.
fn general(plan: &ConversionPlan) -> ConversionPlan {
    let mut plan = *plan;
    plan.fast = None;
    plan
}

/// Runs `request` fast and general on `source`; returns both outputs after
/// checking that the fast path was taken and padding is intact.
fn both(request: &ConversionRequest, expect: FastPath, source: &Frame) -> (Frame, Frame) {
    let plan = ConversionPlan::new(request).unwrap();
    let (s, d) = (request.source.name, request.destination.name);
    assert_eq!(plan.fast_path(), Some(expect), "{s} -> {d}");
    let fast = run(&plan, request.destination, source);
    let slow = run(&general(&plan), request.destination, source);
    assert!(fast.padding_intact(), "{s} -> {d}: padding touched");
    (fast, slow)
}

fn sources(f: &'static PixelFormat, width: usize, height: usize) -> [Frame; 2] {
    [random(f, width, height, 7), pattern(f, width, height, 11)]
}

const RGB8: [&[u8; 4]; 6] = [
    b"BGRA",
    b"RGBA",
    b"\0\0\0\x20",
    b"ABGR",
    b"\0\0\0\x18",
    b"24BG",
];

#[test]
fn same_format_copies_are_bit_exact() {
    let codes: Vec<&[u8; 4]> = RGB8
        .iter()
        .copied()
        .chain([b"420v", b"420f", b"y420", b"f420", b"L008"])
        .collect();
    for code in codes {
        let f = format(code);
        for width in WIDTHS {
            for height in HEIGHTS {
                for source in sources(f, width, height) {
                    let (fast, slow) = both(&ConversionRequest::new(f, f), FastPath::Copy, &source);
                    assert_eq!(fast, slow, "{} {width}x{height}", f.name);
                }
            }
        }
    }
}

#[test]
fn copies_step_aside_for_colour_work() {
    let f = format(b"420v");
    let mut request = ConversionRequest::new(f, f);
    request.destination_color.matrix = Some(YCbCrMatrix::Bt601);
    let plan = ConversionPlan::new(&request).unwrap();
    assert_eq!(plan.fast_path(), None);
    // Formats whose general round trip rewrites bytes are never copied.
    for code in [b"x420", b"v210", b"2vuy", b"w40m"] {
        let f = format(code);
        let plan = ConversionPlan::new(&ConversionRequest::new(f, f)).unwrap();
        assert_eq!(plan.fast_path(), None, "{}", f.name);
    }
}

#[test]
fn rgb_swizzles_are_bit_exact() {
    for from in RGB8 {
        for to in RGB8 {
            if from == to {
                continue;
            }
            let (s, d) = (format(from), format(to));
            for width in WIDTHS {
                for height in HEIGHTS {
                    for source in sources(s, width, height) {
                        let request = ConversionRequest::new(s, d);
                        let (fast, slow) = both(&request, FastPath::Swizzle, &source);
                        assert_eq!(fast, slow, "{} -> {} {width}x{height}", s.name, d.name);
                    }
                }
            }
        }
    }
}

#[test]
fn swizzles_step_aside_for_colour_matching() {
    let mut request = ConversionRequest::new(format(b"BGRA"), format(b"RGBA"));
    request.source_color = SourceColor {
        primaries: Some(crate::core::color::ColorPrimaries::Bt709),
        transfer: Some(crate::core::color::TransferFunction::Bt709),
        ..Default::default()
    };
    request.destination_color = DestinationColor {
        primaries: Some(crate::core::color::ColorPrimaries::Bt2020),
        ..Default::default()
    };
    assert_eq!(ConversionPlan::new(&request).unwrap().fast_path(), None);
}

/// The worst code-value difference between two frames of one format
/// (every channel, via `convert::io`, so 10-bit words compare as codes).
fn worst_codes(a: &Frame, b: &Frame) -> f32 {
    let mut worst = 0.0f32;
    for (x, y) in a.rows().iter().zip(&b.rows()) {
        for c in 0..4 {
            for (p, q) in x.channel(c).iter().zip(y.channel(c)) {
                worst = worst.max((p - q).abs());
            }
        }
    }
    worst
}

/// Sizes every kernel is checked at: 1×1, odd and prime sizes, even ones.
const SIZES: [(usize, usize); 6] = [(1, 1), (3, 5), (17, 9), (2, 2), (64, 3), (5, 1)];

/// Checks `request` on the fast path `expect` against the general path
/// (random bytes and the gamut-corner pattern) and the model (pattern) at
/// `sizes`; both within ±1 code. Returns the worst (vs general, vs model).
fn within_one(
    request: &ConversionRequest,
    expect: FastPath,
    sizes: &[(usize, usize)],
) -> (f32, f64) {
    let (s, d) = (request.source, request.destination);
    let mut worst = (0.0f32, 0.0f64);
    for &(width, height) in sizes {
        for source in sources(s, width, height) {
            let (fast, slow) = both(request, expect, &source);
            let w = worst_codes(&fast, &slow);
            assert!(
                w <= 1.0,
                "{} -> {} {width}x{height} {:?} {:?}: {w} codes from general",
                s.name,
                d.name,
                request.source_color,
                request.downsampling,
            );
            worst.0 = worst.0.max(w);
        }
        let (code, _) = check_pair(request, width, height).unwrap();
        assert!(
            code <= 1.0,
            "{} -> {} {width}x{height} {:?}: {code} codes from model",
            s.name,
            d.name,
            request.source_color
        );
        worst.1 = worst.1.max(code);
    }
    worst
}

const SITINGS: [ChromaSiting; 6] = [
    ChromaSiting::Left,
    ChromaSiting::Center,
    ChromaSiting::TopLeft,
    ChromaSiting::Top,
    ChromaSiting::BottomLeft,
    ChromaSiting::Bottom,
];

/// Request variants for a Y'CbCr → R'G'B' fast path: untagged, and each
/// siting under a matrix (cycling through BT.601, BT.709, BT.2020).
fn ycbcr_requests(s: &'static PixelFormat, d: &'static PixelFormat) -> Vec<ConversionRequest> {
    let mut out = vec![ConversionRequest::new(s, d)];
    let matrices = [YCbCrMatrix::Bt601, YCbCrMatrix::Bt709, YCbCrMatrix::Bt2020];
    for (i, siting) in SITINGS.into_iter().enumerate() {
        let mut r = ConversionRequest::new(s, d);
        r.source_color.matrix = Some(matrices[i % 3]);
        r.source_color.chroma_siting = Some(siting);
        // The destination matrix means nothing to R'G'B'.
        r.destination_color.matrix = Some(YCbCrMatrix::Bt601);
        out.push(r);
    }
    out
}

const RGBA32: [&[u8; 4]; 4] = [b"BGRA", b"RGBA", b"\0\0\0\x20", b"ABGR"];

fn ycbcr_to_rgb(sources: &[&[u8; 4]], expect: FastPath) {
    for from in sources {
        for to in RGBA32 {
            let (s, d) = (format(from), format(to));
            let mut worst = (0.0f32, 0.0f64);
            for request in ycbcr_requests(s, d) {
                let w = within_one(&request, expect, &SIZES);
                worst = (worst.0.max(w.0), worst.1.max(w.1));
            }
            println!(
                "{} -> {}: worst {} codes from general, {} from model",
                s.name, d.name, worst.0, worst.1
            );
        }
    }
}

#[test]
fn ycbcr_420_to_rgb_is_within_one_code_of_general_and_model() {
    ycbcr_to_rgb(&[b"420v", b"420f"], FastPath::YCbCr420ToRgb);
}

#[test]
fn planar_and_ten_bit_420_to_rgb_are_within_one_code() {
    ycbcr_to_rgb(
        &[b"y420", b"f420", b"x420", b"xf20"],
        FastPath::YCbCr420ToRgb,
    );
}

#[test]
fn packed_422_to_rgb_is_within_one_code() {
    ycbcr_to_rgb(&[b"2vuy", b"yuvs", b"yuvf"], FastPath::YCbCr422ToRgb);
}

#[test]
fn rgb_to_420_is_within_one_code_for_both_downsampling_modes() {
    for from in RGB8 {
        for to in [b"420v", b"420f", b"x420", b"xf20"] {
            let (s, d) = (format(from), format(to));
            let mut worst = (0.0f32, 0.0f64);
            for mode in DownsamplingMode::ALL {
                for matrix in [None, Some(YCbCrMatrix::Bt601), Some(YCbCrMatrix::Bt2020)] {
                    let mut r = ConversionRequest::new(s, d);
                    r.downsampling = mode;
                    r.destination_color.matrix = matrix;
                    let w = within_one(&r, FastPath::RgbToYCbCr420, &SIZES);
                    worst = (worst.0.max(w.0), worst.1.max(w.1));
                }
            }
            println!(
                "{} -> {}: worst {} codes from general, {} from model",
                s.name, d.name, worst.0, worst.1
            );
        }
    }
}

/// One request per kernel family at 1921×1081 (kept to four: the debug
/// build's model run dominates the test suite's time).
#[test]
fn every_kernel_at_1921x1081() {
    let request = |from, to, siting| {
        let mut r = ConversionRequest::new(format(from), format(to));
        r.source_color.chroma_siting = Some(siting);
        r
    };
    let mut average = request(b"BGRA", b"x420", ChromaSiting::Left);
    average.downsampling = DownsamplingMode::Average;
    let cases = [
        (
            request(b"420v", b"BGRA", ChromaSiting::Center),
            FastPath::YCbCr420ToRgb,
        ),
        (
            request(b"x420", b"BGRA", ChromaSiting::TopLeft),
            FastPath::YCbCr420ToRgb,
        ),
        (
            request(b"2vuy", b"BGRA", ChromaSiting::Left),
            FastPath::YCbCr422ToRgb,
        ),
        (average, FastPath::RgbToYCbCr420),
    ];
    for (request, expect) in cases {
        within_one(&request, expect, &[(1921, 1081)]);
    }
}

#[test]
fn dv_sited_and_other_ycbcr_take_the_general_path() {
    let (s, d) = (format(b"420v"), format(b"BGRA"));
    let mut r = ConversionRequest::new(s, d);
    r.source_color.chroma_siting = Some(ChromaSiting::Dv420);
    assert_eq!(ConversionPlan::new(&r).unwrap().fast_path(), None);
    // Not a 32-bit R'G'B'A destination, not a kernel's source or
    // destination format.
    for (from, to) in [
        (b"420v", b"24BG"),
        (b"v210", b"BGRA"),
        (b"422v", b"BGRA"),
        (b"BGRA", b"y420"),
        (b"BGRA", b"2vuy"),
        (b"b64a", b"420v"),
    ] {
        let r = ConversionRequest::new(format(from), format(to));
        assert_eq!(ConversionPlan::new(&r).unwrap().fast_path(), None);
    }
}

/// This thread's CPU time in nanoseconds (Linux `schedstat`), or `None`.
/// The shared test machine is often oversubscribed, so wall time says
/// little about a kernel; CPU time does.
fn thread_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// Mean milliseconds (thread CPU time where available — it advances in
/// scheduler ticks, hence the mean —, else best wall time) of one
/// 1920×1080 conversion with `plan` over `runs` runs.
fn time_1080p(plan: &ConversionPlan, runs: usize) -> f64 {
    let (s, d) = (plan.request.source, plan.request.destination);
    let source = random(s, 1920, 1080, 1);
    let mut out = Frame::new(d, 1920, 1080);
    let planes = source.sources();
    let mut best = f64::MAX;
    let cpu = thread_cpu_ns();
    for _ in 0..runs {
        let mut dests = out.dests();
        let start = std::time::Instant::now();
        plan.convert(
            &SourceFrame {
                width: 1920,
                height: 1080,
                planes: &planes,
            },
            &mut DestFrame {
                width: 1920,
                height: 1080,
                planes: &mut dests,
            },
        )
        .unwrap();
        best = best.min(start.elapsed().as_secs_f64());
    }
    match (cpu, thread_cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 * 1e-6 / runs as f64,
        _ => best * 1e3,
    }
}

/// 1080p timings of every fast path against the general path, and of
/// colour matching (release build:
/// `cargo test --release --lib -- --ignored --nocapture bench_`).
#[test]
#[ignore]
fn bench_fast_paths_1080p() {
    let mut cases: Vec<(ConversionRequest, &str)> = Vec::new();
    for (from, to) in [
        (b"420v", b"BGRA"),
        (b"420f", b"RGBA"),
        (b"y420", b"BGRA"),
        (b"x420", b"BGRA"),
        (b"2vuy", b"BGRA"),
        (b"yuvs", b"BGRA"),
        (b"BGRA", b"RGBA"),
        (b"BGRA", b"420v"),
        (b"BGRA", b"x420"),
    ] {
        cases.push((ConversionRequest::new(format(from), format(to)), ""));
    }
    let mut centred = ConversionRequest::new(format(b"420v"), format(b"BGRA"));
    centred.source_color.chroma_siting = Some(ChromaSiting::Center);
    cases.push((centred, " (Center)"));
    let mut average = ConversionRequest::new(format(b"BGRA"), format(b"420v"));
    average.downsampling = DownsamplingMode::Average;
    cases.push((average, " (Average)"));
    for (request, note) in cases {
        let plan = ConversionPlan::new(&request).unwrap();
        let (fast, slow) = (time_1080p(&plan, 30), time_1080p(&general(&plan), 5));
        println!(
            "{} -> {}{note} 1920x1080: fast {fast:.2} ms, general {slow:.2} ms",
            request.source.name, request.destination.name
        );
    }
}

/// 1080p colour matching (BT.709 → P3 D65 primaries, BT.709 → sRGB
/// curve), `'420v'` → `'BGRA'` and `'BGRA'` → `'BGRA'`.
#[test]
#[ignore]
fn bench_colour_matching_1080p() {
    use crate::core::color::{ColorPrimaries, TransferFunction};
    for (from, to) in [(b"420v", b"BGRA"), (b"BGRA", b"BGRA"), (b"x420", b"x420")] {
        let mut request = ConversionRequest::new(format(from), format(to));
        request.source_color = SourceColor {
            matrix: Some(YCbCrMatrix::Bt709),
            primaries: Some(ColorPrimaries::Bt709),
            transfer: Some(TransferFunction::Bt709),
            chroma_siting: None,
        };
        request.destination_color = DestinationColor {
            primaries: Some(ColorPrimaries::P3D65),
            transfer: Some(TransferFunction::Srgb),
            matrix: None,
        };
        let plan = ConversionPlan::new(&request).unwrap();
        assert!(plan.matches_colour());
        let ms = time_1080p(&plan, 5);
        println!(
            "{} -> {} colour matching 1920x1080: {ms:.1} ms",
            request.source.name, request.destination.name
        );
    }
}

/// 1080p `'420v'` → `'BGRA'`, fast vs general path (release build:
/// `cargo test --release -- --ignored --nocapture bench_420v`).
#[test]
#[ignore]
fn bench_420v_to_bgra_1080p() {
    let (s, d) = (format(b"420v"), format(b"BGRA"));
    let source = random(s, 1920, 1080, 1);
    let plan = ConversionPlan::new(&ConversionRequest::new(s, d)).unwrap();
    let slow_plan = general(&plan);
    let mut out = Frame::new(d, 1920, 1080);
    let mut time = |plan: &ConversionPlan| {
        let planes = source.sources();
        let mut best = f64::MAX;
        for _ in 0..10 {
            let mut dests = out.dests();
            let start = std::time::Instant::now();
            plan.convert(
                &SourceFrame {
                    width: 1920,
                    height: 1080,
                    planes: &planes,
                },
                &mut DestFrame {
                    width: 1920,
                    height: 1080,
                    planes: &mut dests,
                },
            )
            .unwrap();
            best = best.min(start.elapsed().as_secs_f64());
        }
        best * 1e3
    };
    let (fast, slow) = (time(&plan), time(&slow_plan));
    println!("420v -> BGRA 1920x1080: fast {fast:.2} ms, general {slow:.2} ms (best of 10)");
}

/// Stripes (`convert::stripes`) write the same bytes as one thread, padding
/// untouched, for the striped fast paths, at heights around the stripe
/// threshold (the last stripe short, the last row's padding absent).
#[test]
fn striped_fast_paths_match_one_thread() {
    use super::super::stripes::MIN_ROWS;
    let pairs: [(&[u8; 4], &[u8; 4]); 7] = [
        (b"420v", b"BGRA"),
        (b"420f", b"RGBA"),
        (b"BGRA", b"RGBA"),
        (b"y420", b"BGRA"),
        (b"2vuy", b"BGRA"),
        (b"x420", b"BGRA"),
        (b"BGRA", b"420v"),
    ];
    for (s, d) in pairs {
        let (sf, df) = (format(s), format(d));
        let plan = ConversionPlan::new(&ConversionRequest::new(sf, df)).unwrap();
        assert!(plan.fast_path().is_some());
        for (width, height) in [
            (33, 2 * MIN_ROWS + 1),
            (7, 3 * MIN_ROWS),
            (64, MIN_ROWS + 5),
        ] {
            let source = random(sf, width, height, 3);
            let one = run(&plan, df, &source);
            for threads in [2, 3, 5] {
                let mut out = Frame::new(df, width, height);
                let sources = source.sources();
                let mut dests = out.dests();
                plan.convert_threaded(
                    &SourceFrame {
                        width,
                        height,
                        planes: &sources,
                    },
                    &mut DestFrame {
                        width,
                        height,
                        planes: &mut dests,
                    },
                    threads,
                )
                .unwrap();
                drop(dests);
                assert!(
                    out == one,
                    "{} -> {} {width}x{height} threads {threads}",
                    sf.name,
                    df.name
                );
            }
        }
    }
}
