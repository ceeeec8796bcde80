//! The fast paths against the general path (the same plan with its fast
//! kernel removed) and the model: copies and swizzles bit-exact, 4:2:0 →
//! R'G'B'A within ±1 code, on random bytes and on the sweep's gamut-corner
//! pattern, at awkward widths and odd heights. Each test also asserts the
//! fast path is the one taken, and that stride padding is left alone.

use super::super::fast::FastPath;
use super::super::plan::{ConversionPlan, ConversionRequest, DestinationColor, SourceColor};
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

/// Request variants for the 4:2:0 fast path: untagged, and each tagged
/// matrix with each horizontally co-sited siting.
fn ycbcr_requests(s: &'static PixelFormat, d: &'static PixelFormat) -> Vec<ConversionRequest> {
    let mut out = vec![ConversionRequest::new(s, d)];
    for matrix in [YCbCrMatrix::Bt601, YCbCrMatrix::Bt709, YCbCrMatrix::Bt2020] {
        for siting in [
            ChromaSiting::Left,
            ChromaSiting::TopLeft,
            ChromaSiting::BottomLeft,
        ] {
            let mut r = ConversionRequest::new(s, d);
            r.source_color.matrix = Some(matrix);
            r.source_color.chroma_siting = Some(siting);
            // The destination matrix means nothing to R'G'B'.
            r.destination_color.matrix = Some(YCbCrMatrix::Bt601);
            out.push(r);
        }
    }
    out
}

#[test]
fn ycbcr_420_to_rgb_is_within_one_code_of_general_and_model() {
    for from in [b"420v", b"420f"] {
        for to in [b"BGRA", b"RGBA", b"\0\0\0\x20"] {
            let (s, d) = (format(from), format(to));
            for request in ycbcr_requests(s, d) {
                for width in WIDTHS {
                    for height in HEIGHTS {
                        for source in sources(s, width, height) {
                            let (fast, slow) = both(&request, FastPath::YCbCr420ToRgb, &source);
                            let worst = fast
                                .planes
                                .iter()
                                .flatten()
                                .zip(slow.planes.iter().flatten())
                                .map(|(a, b)| a.abs_diff(*b))
                                .max()
                                .unwrap_or(0);
                            assert!(
                                worst <= 1,
                                "{} -> {} {width}x{height} {:?}: {worst} codes from general",
                                s.name,
                                d.name,
                                request.source_color
                            );
                        }
                        // Against the f64 model, on the gamut-corner pattern.
                        let (code, _) = check_pair(&request, width, height).unwrap();
                        assert!(code <= 1.0, "{} -> {}: {code} from model", s.name, d.name);
                    }
                }
            }
        }
    }
}

#[test]
fn centre_sited_and_other_ycbcr_take_the_general_path() {
    let (s, d) = (format(b"420v"), format(b"BGRA"));
    for siting in [
        ChromaSiting::Center,
        ChromaSiting::Top,
        ChromaSiting::Bottom,
        ChromaSiting::Dv420,
    ] {
        let mut r = ConversionRequest::new(s, d);
        r.source_color.chroma_siting = Some(siting);
        assert_eq!(ConversionPlan::new(&r).unwrap().fast_path(), None);
    }
    // Not a 32-bit R'G'B'A destination, or not bi-planar 8-bit.
    for (from, to) in [(b"420v", b"24BG"), (b"x420", b"BGRA"), (b"y420", b"BGRA")] {
        let r = ConversionRequest::new(format(from), format(to));
        assert_eq!(ConversionPlan::new(&r).unwrap().fast_path(), None);
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
    let pairs: [(&[u8; 4], &[u8; 4]); 3] =
        [(b"420v", b"BGRA"), (b"420f", b"RGBA"), (b"BGRA", b"RGBA")];
    for (s, d) in pairs {
        let (sf, df) = (format(s), format(d));
        let plan = ConversionPlan::new(&ConversionRequest::new(sf, df)).unwrap();
        assert!(plan.fast_path().is_some());
        for (width, height) in [(33, 2 * MIN_ROWS + 1), (7, 3 * MIN_ROWS), (64, MIN_ROWS + 5)] {
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
                assert!(out == one, "{} -> {} {width}x{height} threads {threads}", sf.name, df.name);
            }
        }
    }
}
