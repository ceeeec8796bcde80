//! Geometry checked against an independent model.
//!
//! `MODEL` restates the fact sheet (corevideo.md §5) in its own terms —
//! "B bytes per N samples", TN2162's "128 bytes per 48 pixels" for `'v210'`
//! — and `expected` applies the documented rules with plain u128 arithmetic.
//! Neither calls the code under test.

use super::geometry::{DEFAULT_PLANE_ALIGNMENT, DEFAULT_ROW_ALIGNMENT};
use super::*;

/// One plane of the model: `bytes` bytes hold `per` samples of a plane
/// subsampled by `hs` × `vs`.
#[derive(Clone, Copy)]
struct P {
    hs: u128,
    vs: u128,
    bytes: u128,
    per: u128,
}

const fn p(hs: u128, vs: u128, bytes: u128, per: u128) -> P {
    P { hs, vs, bytes, per }
}

/// Full-resolution plane, `bytes` per sample.
const fn f(bytes: u128) -> P {
    p(1, 1, bytes, 1)
}

const fn cc(s: &[u8; 4]) -> u32 {
    ((s[0] as u32) << 24) | ((s[1] as u32) << 16) | ((s[2] as u32) << 8) | s[3] as u32
}

/// (code, size of the planar descriptor at offset 0, planes)
type Entry = (u32, u128, &'static [P]);

#[rustfmt::skip]
const MODEL: &[Entry] = &[
    (0x01, 0, &[p(1, 1, 1, 8)]), (0x02, 0, &[p(1, 1, 1, 4)]), (0x04, 0, &[p(1, 1, 1, 2)]), (0x08, 0, &[f(1)]),
    (0x21, 0, &[p(1, 1, 1, 8)]), (0x22, 0, &[p(1, 1, 1, 4)]), (0x24, 0, &[p(1, 1, 1, 2)]), (0x28, 0, &[f(1)]),
    (0x10, 0, &[f(2)]), (cc(b"L555"), 0, &[f(2)]), (cc(b"5551"), 0, &[f(2)]),
    (cc(b"B565"), 0, &[f(2)]), (cc(b"L565"), 0, &[f(2)]),
    (0x18, 0, &[f(3)]), (cc(b"24BG"), 0, &[f(3)]),
    (0x20, 0, &[f(4)]), (cc(b"BGRA"), 0, &[f(4)]), (cc(b"ABGR"), 0, &[f(4)]), (cc(b"RGBA"), 0, &[f(4)]),
    (cc(b"b64a"), 0, &[f(8)]), (cc(b"l64r"), 0, &[f(8)]), (cc(b"b48r"), 0, &[f(6)]),
    (cc(b"b32a"), 0, &[f(4)]), (cc(b"b16g"), 0, &[f(2)]),
    (cc(b"R10k"), 0, &[f(4)]), (cc(b"r210"), 0, &[f(4)]),
    (cc(b"2vuy"), 0, &[p(1, 1, 4, 2)]),
    (cc(b"v408"), 0, &[f(4)]), (cc(b"r408"), 0, &[f(4)]), (cc(b"y408"), 0, &[f(4)]),
    (cc(b"y416"), 0, &[f(8)]), (cc(b"r4fl"), 0, &[f(16)]), (cc(b"v308"), 0, &[f(3)]),
    (cc(b"v216"), 0, &[p(1, 1, 8, 2)]),
    (cc(b"v210"), 0, &[p(1, 1, 128, 48)]),
    (cc(b"v410"), 0, &[f(4)]),
    (cc(b"y420"), 24, &[f(1), p(2, 2, 1, 1), p(2, 2, 1, 1)]),
    (cc(b"f420"), 24, &[f(1), p(2, 2, 1, 1), p(2, 2, 1, 1)]),
    (cc(b"a2vy"), 0, &[p(1, 1, 4, 2), f(1)]),
    (cc(b"420v"), 16, &[f(1), p(2, 2, 2, 1)]), (cc(b"420f"), 16, &[f(1), p(2, 2, 2, 1)]),
    (cc(b"422v"), 16, &[f(1), p(2, 1, 2, 1)]), (cc(b"422f"), 16, &[f(1), p(2, 1, 2, 1)]),
    (cc(b"444v"), 16, &[f(1), f(2)]), (cc(b"444f"), 16, &[f(1), f(2)]),
    (cc(b"yuvs"), 0, &[p(1, 1, 4, 2)]), (cc(b"yuvf"), 0, &[p(1, 1, 4, 2)]),
    (cc(b"L008"), 0, &[f(1)]), (cc(b"2C08"), 0, &[f(2)]),
    (cc(b"w30r"), 0, &[f(4)]), (cc(b"l10r"), 0, &[f(4)]), (cc(b"w40a"), 0, &[f(8)]), (cc(b"w40m"), 0, &[f(8)]),
    (cc(b"L010"), 0, &[f(2)]), (cc(b"L012"), 0, &[f(2)]), (cc(b"L016"), 0, &[f(2)]), (cc(b"2C16"), 0, &[f(4)]),
    (cc(b"L00h"), 0, &[f(2)]), (cc(b"L00f"), 0, &[f(4)]), (cc(b"2C0h"), 0, &[f(4)]), (cc(b"2C0f"), 0, &[f(8)]),
    (cc(b"RGhA"), 0, &[f(8)]), (cc(b"RGfA"), 0, &[f(16)]),
    (cc(b"grb4"), 0, &[f(2)]), (cc(b"rgg4"), 0, &[f(2)]), (cc(b"bgg4"), 0, &[f(2)]), (cc(b"gbr4"), 0, &[f(2)]),
    (cc(b"hdis"), 0, &[f(2)]), (cc(b"fdis"), 0, &[f(4)]), (cc(b"hdep"), 0, &[f(2)]), (cc(b"fdep"), 0, &[f(4)]),
    (cc(b"x420"), 0, &[f(2), p(2, 2, 4, 1)]), (cc(b"x422"), 0, &[f(2), p(2, 1, 4, 1)]), (cc(b"x444"), 0, &[f(2), f(4)]),
    (cc(b"xf20"), 0, &[f(2), p(2, 2, 4, 1)]), (cc(b"xf22"), 0, &[f(2), p(2, 1, 4, 1)]), (cc(b"xf44"), 0, &[f(2), f(4)]),
    (cc(b"v0a8"), 0, &[f(1), p(2, 2, 2, 1), f(1)]),
    (cc(b"bp16"), 0, &[f(2)]), (cc(b"btp2"), 0, &[p(1, 1, 12, 8)]), (cc(b"bp64"), 0, &[f(8)]),
    (cc(b"sv22"), 0, &[f(2), p(2, 1, 4, 1)]), (cc(b"sv44"), 0, &[f(2), f(4)]),
    (cc(b"s4as"), 0, &[f(2), f(4), f(2)]),
    (cc(b"b3a8"), 0, &[f(4), f(1)]),
];

#[rustfmt::skip]
const COMPRESSED: [&[u8; 4]; 14] = [
    b"&BGA", b"&RhA", b"&8v0", b"&8f0", b"&xv0", b"&xv2", b"&xf0", b"&b38", b"&w3r",
    b"-BGA", b"-8v0", b"-8f0", b"-xv0", b"-xv2",
];

const SIZES: [(usize, usize); 4] = [(1, 1), (3, 5), (1921, 1081), (4096, 2160)];

/// Expected (width, height, bytes per row, base offset) per plane, data
/// size and buffer-level bytes per row, with default options.
struct Expected {
    planes: Vec<(u128, u128, u128, u128)>,
    data_size: u128,
    bytes_per_row: u128,
}

fn round_up(v: u128, m: u128) -> u128 {
    v.div_ceil(m) * m
}

fn expected(descriptor: u128, planes: &[P], w: u128, h: u128) -> Expected {
    let mut cursor = descriptor;
    let mut out = Vec::new();
    let mut spanned = 0;
    for pl in planes {
        let pw = w.div_ceil(pl.hs);
        let ph = h.div_ceil(pl.vs);
        let bpr = round_up(pw.div_ceil(pl.per) * pl.bytes, 64);
        let offset = round_up(cursor, 64);
        out.push((pw, ph, bpr, offset));
        cursor = offset + bpr * ph;
        spanned += bpr * ph;
    }
    let bytes_per_row = if planes.len() > 1 {
        spanned.div_ceil(h)
    } else {
        out[0].2
    };
    Expected {
        planes: out,
        data_size: cursor,
        bytes_per_row,
    }
}

fn format(code: u32) -> &'static PixelFormat {
    PixelFormat::find(code).unwrap_or_else(|| panic!("{code:#x} missing"))
}

fn layout(code: &[u8; 4], w: usize, h: usize, options: LayoutOptions) -> BufferLayout {
    plane_layouts(format(cc(code)), w, h, &options).unwrap()
}

#[test]
fn model_covers_the_table() {
    assert_eq!(MODEL.len(), 85);
    assert_eq!(MODEL.len() + COMPRESSED.len(), PixelFormat::all().len());
    for f in PixelFormat::all() {
        let in_model = MODEL.iter().filter(|e| e.0 == f.code).count();
        let in_compressed = COMPRESSED.iter().filter(|c| cc(c) == f.code).count();
        assert_eq!(in_model + in_compressed, 1, "{}", f.name);
        assert_eq!(in_compressed == 1, f.is_compressed(), "{}", f.name);
    }
    assert_eq!(DEFAULT_ROW_ALIGNMENT, 64);
    assert_eq!(DEFAULT_PLANE_ALIGNMENT, 64);
}

#[test]
fn every_format_at_every_size_matches_the_model() {
    for &(code, descriptor, planes) in MODEL {
        let f = format(code);
        for (w, h) in SIZES {
            let got = plane_layouts(f, w, h, &LayoutOptions::default())
                .unwrap_or_else(|e| panic!("{} {w}x{h}: {e}", f.name));
            let want = expected(descriptor, planes, w as u128, h as u128);
            let ctx = format!("{} {w}x{h}", f.name);
            assert_eq!(got.planes.len(), planes.len(), "{ctx}");
            assert_eq!(got.planar, planes.len() > 1, "{ctx}");
            assert_eq!(
                got.planar_info.map_or(0, |i| i.size() as u128),
                descriptor,
                "{ctx}"
            );
            for (i, (g, e)) in got.planes.iter().zip(&want.planes).enumerate() {
                let g4 = (
                    g.width as u128,
                    g.height as u128,
                    g.bytes_per_row as u128,
                    g.offset as u128,
                );
                assert_eq!(
                    g4, *e,
                    "{ctx} plane {i}: (width, height, bytes/row, offset)"
                );
                assert_eq!(g.region_offset, g.offset, "{ctx}");
                assert_eq!(g.region_size, g.bytes_per_row * g.height, "{ctx}");
            }
            assert_eq!(got.data_size as u128, want.data_size, "{ctx}");
            assert_eq!(got.bytes_per_row as u128, want.bytes_per_row, "{ctx}");
            assert_eq!(got.allocation_alignment, 64, "{ctx}");

            // Caller memory needs only the bytes of the pixels. 'v210' is
            // the one format whose model row (128-byte groups) is longer
            // than that; it has its own test below.
            if code != cc(b"v210") {
                let minimum: Vec<usize> = planes
                    .iter()
                    .map(|pl| ((w as u128).div_ceil(pl.hs).div_ceil(pl.per) * pl.bytes) as usize)
                    .collect();
                let checked = check_caller_planes(f, w, h, &minimum).unwrap();
                for (i, c) in checked.iter().enumerate() {
                    assert_eq!(c.row_length, minimum[i], "{ctx}");
                    assert_eq!(c.span, minimum[i] * c.height, "{ctx}");
                    let mut short = minimum.clone();
                    short[i] -= 1;
                    assert!(
                        matches!(
                            check_caller_planes(f, w, h, &short),
                            Err(GeometryError::RowTooShort { plane, .. }) if plane == i
                        ),
                        "{ctx} plane {i}"
                    );
                }
            }
        }
    }
}

/// Invariants over many pseudo-random sizes and options, for every format:
/// planes lie inside the allocation in order without overlapping, every
/// plane and row is aligned, and the image fits inside each plane's region.
#[test]
fn layout_invariants_hold_for_random_geometry() {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |limit: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % limit
    };
    let alignments = [0, 1, 3, 16, 48, 64, 96, 128, 4096];
    for f in PixelFormat::all().iter().filter(|f| !f.is_compressed()) {
        for _ in 0..64 {
            let w = 1 + next(700) as usize;
            let h = 1 + next(300) as usize;
            let options = LayoutOptions {
                bytes_per_row_alignment: alignments[next(9) as usize],
                plane_alignment: alignments[next(9) as usize],
                extended: ExtendedPixels {
                    left: next(20) as usize,
                    right: next(20) as usize,
                    top: next(5) as usize,
                    bottom: next(5) as usize,
                },
            };
            let l = plane_layouts(f, w, h, &options).unwrap();
            let ctx = format!("{} {w}x{h} {options:?}", f.name);
            assert!(l.allocation_alignment.is_power_of_two(), "{ctx}");
            assert_eq!(l.plane_alignment % l.allocation_alignment, 0, "{ctx}");
            assert_eq!(l.plane_alignment % l.row_alignment, 0, "{ctx}");
            assert_eq!(l.row_alignment % 64, 0, "{ctx}");
            if options.bytes_per_row_alignment > 0 {
                assert_eq!(
                    l.row_alignment % options.bytes_per_row_alignment,
                    0,
                    "{ctx}"
                );
            }
            if options.plane_alignment > 0 {
                assert_eq!(l.plane_alignment % options.plane_alignment, 0, "{ctx}");
            }
            let mut end = l.planar_info.map_or(0, |i| i.size());
            let mut spanned = 0;
            for p in &l.planes {
                assert!(p.region_offset >= end, "{ctx}: planes overlap");
                assert_eq!(p.region_offset % l.plane_alignment, 0, "{ctx}");
                assert_eq!(p.bytes_per_row % l.row_alignment, 0, "{ctx}");
                let e = p.extended;
                assert!(
                    p.offset >= p.region_offset + e.top * p.bytes_per_row,
                    "{ctx}"
                );
                let left_bytes = p.offset - p.region_offset - e.top * p.bytes_per_row;
                assert!(left_bytes < p.bytes_per_row, "{ctx}");
                // The left extension and the image row fit in one stride.
                assert!(left_bytes + p.row_length <= p.bytes_per_row, "{ctx}");
                let last_image_row_end = p.offset + (p.height - 1) * p.bytes_per_row + p.row_length;
                let region_end = p.region_offset + p.region_size;
                assert!(
                    last_image_row_end + e.bottom * p.bytes_per_row <= region_end,
                    "{ctx}"
                );
                assert_eq!(
                    p.region_size,
                    p.bytes_per_row * (e.top + p.height + e.bottom),
                    "{ctx}"
                );
                end = region_end;
                spanned += p.bytes_per_row * p.height;
            }
            assert_eq!(l.data_size, end, "{ctx}");
            assert!(l.bytes_per_row * h >= spanned, "{ctx}");
            assert_eq!(
                l.planar_info_bytes().is_some(),
                f.planar_info.is_some(),
                "{ctx}"
            );
        }
    }
}

#[test]
fn compressed_formats_are_not_creatable() {
    for code in COMPRESSED {
        let code = cc(code);
        let f = format(code);
        assert!(f.is_compressed());
        assert_eq!(
            plane_layouts(f, 16, 16, &LayoutOptions::default()),
            Err(GeometryError::Compressed(code))
        );
        assert_eq!(creatable_format(code), Err(GeometryError::Compressed(code)));
        assert_eq!(
            check_caller_planes(f, 16, 16, &[64]),
            Err(GeometryError::Compressed(code))
        );
    }
    assert_eq!(
        creatable_format(cc(b"NV12")),
        Err(GeometryError::UnknownFormat(cc(b"NV12")))
    );
    assert_eq!(creatable_format(cc(b"BGRA")).unwrap().code, cc(b"BGRA"));
}

#[test]
fn hand_computed_examples() {
    // 420v 1921x1081: Y 1921 -> 1984-byte rows; CbCr 961x541 pairs, 1922 -> 1984.
    let l = layout(b"420v", 1921, 1081, LayoutOptions::default());
    assert_eq!(
        (
            l.planes[0].width,
            l.planes[0].height,
            l.planes[0].bytes_per_row
        ),
        (1921, 1081, 1984)
    );
    assert_eq!(
        (
            l.planes[1].width,
            l.planes[1].height,
            l.planes[1].bytes_per_row
        ),
        (961, 541, 1984)
    );
    assert_eq!(l.planes[0].offset, 64);
    assert_eq!(l.planes[1].offset, 64 + 1984 * 1081);
    // 1920-wide 420v: buffer-level stride is 1.5x the luma stride (behavior-notes 38).
    assert_eq!(
        layout(b"420v", 1920, 1080, LayoutOptions::default()).bytes_per_row,
        2880
    );
    // v210: 1920 px = 40 groups of 48 px = 5120 bytes (TN2162).
    assert_eq!(
        layout(b"v210", 1920, 1080, LayoutOptions::default()).bytes_per_row,
        5120
    );
    assert_eq!(
        layout(b"v210", 1, 1, LayoutOptions::default()).planes[0].row_length,
        16
    );
    // 2vuy 1280 wide: 2560 bytes, as printed by macOS (behavior-notes 35).
    assert_eq!(
        layout(b"2vuy", 1280, 720, LayoutOptions::default()).bytes_per_row,
        2560
    );
    // A 2-pixel BGRA buffer gets 64-byte rows (behavior-notes 35).
    assert_eq!(
        layout(b"BGRA", 2, 2, LayoutOptions::default()).bytes_per_row,
        64
    );
    // 1-bit: 65 pixels need 9 bytes, padded to 64.
    let mono = plane_layouts(format(1), 65, 1, &LayoutOptions::default()).unwrap();
    assert_eq!((mono.planes[0].row_length, mono.bytes_per_row), (9, 64));
    // y420 3x5: chroma 2x3.
    let i420 = layout(b"y420", 3, 5, LayoutOptions::default());
    assert_eq!((i420.planes[2].width, i420.planes[2].height), (2, 3));
    assert_eq!(
        i420.planes.iter().map(|p| p.offset).collect::<Vec<_>>(),
        [64, 64 + 320, 64 + 320 + 192]
    );
}

#[test]
fn planar_info_bytes_are_big_endian_offsets_and_strides() {
    let l = layout(b"420v", 2, 2, LayoutOptions::default());
    assert_eq!(
        l.planar_info_bytes().unwrap(),
        [0, 0, 0, 64, 0, 0, 0, 64, 0, 0, 0, 192, 0, 0, 0, 64]
    );
    let l = layout(b"f420", 2, 2, LayoutOptions::default());
    assert_eq!(l.planar_info_bytes().unwrap().len(), 24);
    assert!(
        layout(b"x420", 2, 2, LayoutOptions::default())
            .planar_info_bytes()
            .is_none()
    );
    assert!(
        layout(b"BGRA", 2, 2, LayoutOptions::default())
            .planar_info_bytes()
            .is_none()
    );
}

#[test]
fn zero_sizes_are_errors() {
    let f = format(cc(b"BGRA"));
    for (w, h) in [(0, 1), (1, 0), (0, 0)] {
        assert_eq!(
            plane_layouts(f, w, h, &LayoutOptions::default()),
            Err(GeometryError::ZeroSize)
        );
        assert_eq!(
            check_caller_planes(f, w, h, &[64]),
            Err(GeometryError::ZeroSize)
        );
    }
}

#[test]
fn overflow_is_an_error_never_a_panic() {
    let max = i32::MAX as usize;
    let opts = LayoutOptions::default();
    // 2^31 x 2^31 x 4 bytes does not fit in 64 bits.
    assert_eq!(
        plane_layouts(format(cc(b"BGRA")), max, max, &opts),
        Err(GeometryError::TooLarge)
    );
    // One byte per pixel fits below isize::MAX; the allocation, not the geometry, fails.
    let big = plane_layouts(format(cc(b"L008")), max, max, &opts).unwrap();
    assert_eq!(big.data_size, (max + 1) * max);
    // The planar descriptor's offsets are int32_t: a second plane beyond 2 GiB cannot be described.
    assert_eq!(
        plane_layouts(format(cc(b"420v")), max, 2, &opts),
        Err(GeometryError::TooLarge)
    );
    assert!(plane_layouts(format(cc(b"x420")), max, 2, &opts).is_ok());
    for f in PixelFormat::all().iter().filter(|f| !f.is_compressed()) {
        for (w, h) in [
            (usize::MAX, 8),
            (1, usize::MAX),
            (usize::MAX, usize::MAX),
            (usize::MAX / 2, 64),
        ] {
            assert_eq!(
                plane_layouts(f, w, h, &opts),
                Err(GeometryError::TooLarge),
                "{} {w}x{h}",
                f.name
            );
        }
        let rows = vec![usize::MAX; f.planes().len()];
        assert_eq!(
            check_caller_planes(f, 1, usize::MAX, &rows),
            Err(GeometryError::TooLarge),
            "{}",
            f.name
        );
    }
    // Huge extensions and alignments overflow too.
    let ext = LayoutOptions {
        extended: ExtendedPixels {
            left: usize::MAX,
            right: usize::MAX,
            top: 0,
            bottom: 0,
        },
        ..opts
    };
    assert_eq!(
        plane_layouts(format(cc(b"BGRA")), 1, 1, &ext),
        Err(GeometryError::TooLarge)
    );
    let ext = LayoutOptions {
        extended: ExtendedPixels {
            left: 0,
            right: 0,
            top: usize::MAX,
            bottom: 1,
        },
        ..opts
    };
    assert_eq!(
        plane_layouts(format(cc(b"420v")), 1, 1, &ext),
        Err(GeometryError::TooLarge)
    );
    let align = LayoutOptions {
        bytes_per_row_alignment: usize::MAX,
        ..opts
    };
    assert_eq!(
        plane_layouts(format(cc(b"BGRA")), 1, 1, &align),
        Err(GeometryError::TooLarge)
    );
    let align = LayoutOptions {
        plane_alignment: 1 << 62,
        ..opts
    };
    assert_eq!(
        plane_layouts(format(cc(b"420v")), 1, 1, &align),
        Err(GeometryError::TooLarge)
    );
}

#[test]
fn row_alignment_attribute() {
    let with = |a: usize| LayoutOptions {
        bytes_per_row_alignment: a,
        ..LayoutOptions::default()
    };
    // Smaller requests keep the 64-byte default; larger ones raise it.
    assert_eq!(layout(b"BGRA", 2, 2, with(16)).bytes_per_row, 64);
    assert_eq!(layout(b"BGRA", 2, 2, with(1)).bytes_per_row, 64);
    assert_eq!(layout(b"BGRA", 2, 2, with(128)).bytes_per_row, 128);
    assert_eq!(layout(b"BGRA", 40, 2, with(128)).bytes_per_row, 256);
    // Non-powers of two are honoured as multiples: lcm(64, 48) = 192.
    let l = layout(b"BGRA", 2, 2, with(48));
    assert_eq!((l.bytes_per_row, l.row_alignment), (192, 192));
    assert_eq!(l.allocation_alignment, 64);
    assert_eq!(layout(b"24BG", 100, 1, with(3)).bytes_per_row, 384);
    // Every plane is aligned, and planes start row-aligned.
    let l = layout(b"420v", 100, 10, with(256));
    assert_eq!(
        (l.planes[0].bytes_per_row, l.planes[1].bytes_per_row),
        (256, 256)
    );
    assert_eq!((l.planes[0].offset, l.planes[1].offset), (256, 256 + 2560));
    assert_eq!((l.plane_alignment, l.allocation_alignment), (256, 256));
}

#[test]
fn plane_alignment_attribute() {
    let with = |a: usize| LayoutOptions {
        plane_alignment: a,
        ..LayoutOptions::default()
    };
    let l = layout(b"420v", 100, 10, with(4096));
    assert_eq!((l.planes[0].offset, l.planes[1].offset), (4096, 8192));
    assert_eq!((l.plane_alignment, l.allocation_alignment), (4096, 4096));
    assert_eq!(l.planes[0].bytes_per_row, 128);
    assert_eq!(l.data_size, 8192 + 128 * 5);
    // Smaller requests keep the default.
    let l = layout(b"x420", 100, 10, with(16));
    assert_eq!((l.planes[0].offset, l.planes[1].offset), (0, 2560));
    // Non-power of two: lcm(64, 96) = 192, relative to the allocation start.
    let l = layout(b"v0a8", 64, 3, with(96));
    assert_eq!(
        l.planes.iter().map(|p| p.offset).collect::<Vec<_>>(),
        [0, 192, 384]
    );
    assert_eq!((l.plane_alignment, l.allocation_alignment), (192, 64));
    // Chunky buffers: a single plane at 0, the alignment applies to the allocation.
    let l = layout(b"BGRA", 3, 3, with(4096));
    assert_eq!(
        (l.planes[0].offset, l.allocation_alignment, l.data_size),
        (0, 4096, 192)
    );
}

#[test]
fn extended_pixels() {
    let ext = |left, right, top, bottom| LayoutOptions {
        extended: ExtendedPixels {
            left,
            right,
            top,
            bottom,
        },
        ..LayoutOptions::default()
    };
    // BGRA 10x10, 1 left, 2 right, 3 top, 4 bottom: 13 px = 52 bytes -> 64; 17 rows.
    let l = layout(b"BGRA", 10, 10, ext(1, 2, 3, 4));
    let p = l.planes[0];
    assert_eq!((p.width, p.height, p.bytes_per_row), (10, 10, 64));
    assert_eq!(
        (p.region_offset, p.offset, p.region_size),
        (0, 3 * 64 + 4, 17 * 64)
    );
    assert_eq!(
        p.extended,
        ExtendedPixels {
            left: 1,
            right: 2,
            top: 3,
            bottom: 4
        }
    );
    assert_eq!(l.data_size, 17 * 64);
    assert_eq!(l.bytes_per_row, 64);
    // Wide extension pushes the stride past the next 64-byte step.
    assert_eq!(layout(b"BGRA", 10, 10, ext(8, 0, 0, 0)).bytes_per_row, 128);

    // 420v 4x4, 3 left, 1 right, 2 top, 1 bottom. Y: 8 samples -> 64, 7 rows.
    // CbCr: 2x2 pairs, extension ceil(3/2)=2 left, 1 right, 1 top, 1 bottom: 5 pairs -> 64, 4 rows.
    let l = layout(b"420v", 4, 4, ext(3, 1, 2, 1));
    let (y, c) = (l.planes[0], l.planes[1]);
    assert_eq!(
        (y.region_offset, y.region_size, y.offset),
        (64, 7 * 64, 64 + 2 * 64 + 3)
    );
    assert_eq!(
        c.extended,
        ExtendedPixels {
            left: 2,
            right: 1,
            top: 1,
            bottom: 1
        }
    );
    assert_eq!(
        (c.region_offset, c.region_size, c.offset),
        (512, 4 * 64, 512 + 64 + 2 * 2)
    );
    assert_eq!(l.data_size, 768);
    // Buffer-level stride still counts image rows only.
    assert_eq!(l.bytes_per_row, (64 * 4 + 64 * 2) / 4);
    // Descriptor offsets point at the first image sample.
    let info = l.planar_info_bytes().unwrap();
    assert_eq!(&info[0..4], &195i32.to_be_bytes());
    assert_eq!(&info[8..12], &580i32.to_be_bytes());

    // Block formats: the left extension is rounded up to a whole block so
    // the base address starts a block.
    let l = layout(b"2vuy", 4, 2, ext(1, 0, 1, 0));
    assert_eq!((l.planes[0].offset, l.planes[0].extended.left), (64 + 4, 1));
    let l = layout(b"v210", 1, 1, ext(1, 0, 0, 0));
    assert_eq!((l.planes[0].offset, l.bytes_per_row), (16, 128));
    let l = layout(b"v210", 48, 1, ext(0, 1, 0, 0));
    assert_eq!(l.bytes_per_row, 256);
    let l = plane_layouts(format(1), 8, 1, &ext(1, 0, 0, 0)).unwrap();
    assert_eq!((l.planes[0].offset, l.planes[0].row_length), (1, 1));

    // Tri-planar: the alpha plane has the full extension, the chroma plane half.
    let l = layout(b"v0a8", 8, 8, ext(4, 4, 2, 2));
    assert_eq!(
        l.planes[2].extended,
        ExtendedPixels {
            left: 4,
            right: 4,
            top: 2,
            bottom: 2
        }
    );
    assert_eq!(
        l.planes[1].extended,
        ExtendedPixels {
            left: 2,
            right: 2,
            top: 1,
            bottom: 1
        }
    );
}

#[test]
fn caller_memory_validation() {
    let bgra = format(cc(b"BGRA"));
    let planes = check_caller_planes(bgra, 10, 3, &[40]).unwrap();
    assert_eq!(
        planes[0],
        CallerPlane {
            width: 10,
            height: 3,
            bytes_per_row: 40,
            row_length: 40,
            span: 120
        }
    );
    assert_eq!(
        check_caller_planes(bgra, 10, 3, &[39]),
        Err(GeometryError::RowTooShort {
            plane: 0,
            minimum: 40,
            given: 39
        })
    );
    assert_eq!(
        check_caller_planes(bgra, 10, 3, &[40, 40]),
        Err(GeometryError::PlaneCount {
            expected: 1,
            given: 2
        })
    );
    // Planar: one stride per plane, chroma rows of 4:2:0 are ceil(w/2) pairs.
    let nv12 = format(cc(b"420v"));
    let planes = check_caller_planes(nv12, 5, 5, &[5, 6]).unwrap();
    assert_eq!(
        (
            planes[1].width,
            planes[1].height,
            planes[1].row_length,
            planes[1].span
        ),
        (3, 3, 6, 18)
    );
    assert_eq!(
        check_caller_planes(nv12, 5, 5, &[5, 5]),
        Err(GeometryError::RowTooShort {
            plane: 1,
            minimum: 6,
            given: 5
        })
    );
    assert_eq!(
        check_caller_planes(nv12, 5, 5, &[5]),
        Err(GeometryError::PlaneCount {
            expected: 2,
            given: 1
        })
    );
    // Block formats: whole blocks, but not the 128-byte v210 groups.
    assert!(check_caller_planes(format(cc(b"v210")), 7, 1, &[32]).is_ok());
    assert!(check_caller_planes(format(cc(b"v210")), 7, 1, &[31]).is_err());
    assert!(check_caller_planes(format(cc(b"2vuy")), 3, 1, &[8]).is_ok());
    assert!(check_caller_planes(format(cc(b"2vuy")), 3, 1, &[7]).is_err());
    assert!(check_caller_planes(format(1), 9, 1, &[2]).is_ok());
    assert!(check_caller_planes(format(1), 9, 1, &[1]).is_err());
}
