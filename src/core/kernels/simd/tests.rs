//! Every SIMD level this CPU has, against the scalar kernels, bit for bit:
//! odd and prime widths, 1 pixel, inputs ending exactly at a page boundary
//! (an over-read faults), unaligned starts (the page-end placement shifts
//! every start), and sentinel-filled destinations with a guard prefix (a
//! stray or missing write shows up).

use super::*;
use crate::core::color::YCbCrMatrix;
use crate::core::color::fixed::{FRAC_BITS_8BIT, FixedAffine};
use crate::core::color::range::{BitDepth, Coding, Range};
use crate::core::kernels::swizzle::{RgbLayout, swizzle_row};
use crate::core::kernels::ycbcr_to_rgb::{YuvMatrix, blend_chroma_rows, ycbcr420_row};
use crate::core::test_rng::Rng;

const SENTINEL: u8 = 0xA5;
const WIDTHS: [usize; 24] = [
    1, 2, 3, 4, 5, 7, 8, 9, 13, 15, 16, 17, 31, 32, 33, 34, 63, 64, 65, 66, 97, 127, 641, 1921,
];

/// `len` bytes whose last byte sits just before an inaccessible page.
struct PageEnd {
    base: *mut libc::c_void,
    map_len: usize,
    len: usize,
}

impl PageEnd {
    fn new(len: usize) -> PageEnd {
        // SAFETY: sysconf has no preconditions.
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as usize;
        let data_pages = len.div_ceil(page).max(1);
        let map_len = (data_pages + 1) * page;
        // SAFETY: an anonymous private mapping; the result is checked.
        let base = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                map_len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        assert_ne!(base, libc::MAP_FAILED);
        // SAFETY: the last page lies inside the mapping just made.
        let guard = unsafe { base.cast::<u8>().add(data_pages * page) };
        // SAFETY: `guard` is page-aligned and inside the mapping.
        let protected = unsafe { libc::mprotect(guard.cast(), page, libc::PROT_NONE) };
        assert_eq!(protected, 0);
        PageEnd { base, map_len, len }
    }

    fn slice(&mut self) -> &mut [u8] {
        let data_end = self.map_len - self.guard_len();
        // SAFETY: bytes [data_end − len, data_end) are mapped read/write and
        // borrowed through `self` only.
        unsafe {
            std::slice::from_raw_parts_mut(
                self.base.cast::<u8>().add(data_end - self.len),
                self.len,
            )
        }
    }

    fn guard_len(&self) -> usize {
        // SAFETY: sysconf has no preconditions.
        unsafe { libc::sysconf(libc::_SC_PAGESIZE) as usize }
    }
}

impl Drop for PageEnd {
    fn drop(&mut self) {
        // SAFETY: unmaps exactly the mapping made in `new`.
        unsafe { libc::munmap(self.base, self.map_len) };
    }
}

fn filled(rng: &mut Rng, len: usize) -> PageEnd {
    let mut buf = PageEnd::new(len);
    for b in buf.slice() {
        *b = rng.next() as u8;
    }
    buf
}

fn simd_levels() -> Vec<Level> {
    supported_levels()
        .into_iter()
        .filter(|&l| l != Level::Scalar)
        .collect()
}

fn layout(positions: [usize; 4]) -> RgbLayout {
    RgbLayout {
        bytes: 4,
        rgb: [positions[0], positions[1], positions[2]],
        alpha: Some(positions[3]),
    }
}

/// Real matrices (every standard one, both ranges) plus random i16 sets
/// that exercise negative sums and clamping at both ends.
fn matrices(rng: &mut Rng) -> Vec<YuvMatrix> {
    let mut out = Vec::new();
    for matrix in YCbCrMatrix::ALL {
        for range in [Range::Video, Range::Full] {
            let affine = FixedAffine::ycbcr_to_rgb(
                &matrix.luma_coefficients(),
                Coding::integer(BitDepth::EIGHT, range),
                Coding::FULL_8,
                FRAC_BITS_8BIT,
            )
            .expect("standard matrix");
            out.push(YuvMatrix::new(&affine).expect("fits"));
        }
    }
    for _ in 0..4 {
        let mut c = || (rng.next() % 65536) as i32 - 32768;
        let coeffs = [0, 1, 2].map(|_| [c() * 8, c(), c()]);
        let add = [0, 1, 2].map(|_| (rng.next() % (1 << 28)) as i32 - (1 << 27));
        out.push(YuvMatrix {
            coeffs,
            add,
            shift: 16,
        });
    }
    out
}

#[test]
fn yuv420_matches_scalar_at_every_level() {
    let mut rng = Rng::new(7);
    let matrices = matrices(&mut rng);
    let levels = simd_levels();
    for &width in &WIDTHS {
        let samples = width.div_ceil(2);
        let luma = filled(&mut rng, width);
        let c0 = filled(&mut rng, 2 * samples);
        let c1 = filled(&mut rng, 2 * samples);
        let (mut luma, mut c0, mut c1) = (luma, c0, c1);
        let (l, a, b) = (
            luma.slice().to_vec(),
            c0.slice().to_vec(),
            c1.slice().to_vec(),
        );
        for (m_index, m) in matrices.iter().enumerate() {
            let coeffs = Yuv420Coeffs::new(m.coeffs, m.add, m.shift).expect("i16 set");
            for weights in [[4, 0], [3, 1], [1, 3], [2, 2], [0, 4]] {
                for positions in RGBA_ORDERS {
                    let to = layout(positions);
                    let mut blended = vec![0i32; 2 * samples];
                    blend_chroma_rows(&a, &b, weights[0], weights[1], &mut blended);
                    let mut want = vec![SENTINEL; 4 * width];
                    ycbcr420_row(m, &l, &blended, &mut want, &to);
                    for &level in &levels {
                        let kernel = Yuv420ToRgba::select(level, positions, coeffs)
                            .expect("x86/NEON level has the kernel");
                        let mut out = PageEnd::new(4 * width + 16);
                        let out = out.slice();
                        out.fill(SENTINEL);
                        let (prefix, row) = out.split_at_mut(16);
                        assert!(kernel.row(luma.slice(), c0.slice(), c1.slice(), weights, row));
                        assert!(
                            prefix.iter().all(|&p| p == SENTINEL),
                            "{level:?} wrote before"
                        );
                        assert!(
                            row == want.as_slice(),
                            "{level:?} width {width} matrix {m_index} weights {weights:?} {positions:?}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn yuv420_row_rejects_mismatched_shapes() {
    let coeffs = Yuv420Coeffs::new([[8, 0, 0]; 3], [0; 3], 16).expect("small");
    for level in simd_levels() {
        let k = Yuv420ToRgba::select(level, [2, 1, 0, 3], coeffs).expect("kernel");
        let mut out = [SENTINEL; 20];
        assert!(
            !k.row(&[0; 5], &[0; 4], &[0; 6], [4, 0], &mut out),
            "short chroma"
        );
        assert!(
            !k.row(&[0; 5], &[0; 6], &[0; 6], [4, 0], &mut out[..16]),
            "short out"
        );
        assert!(
            !k.row(&[0; 5], &[0; 6], &[0; 6], [5, 0], &mut out),
            "weight"
        );
        assert!(!k.row(&[], &[], &[], [4, 0], &mut []), "empty");
        assert!(out.iter().all(|&b| b == SENTINEL));
    }
    assert!(Yuv420ToRgba::select(Level::Scalar, [2, 1, 0, 3], coeffs).is_none());
    assert!(Yuv420ToRgba::select(supported_levels()[0], [0, 1, 2, 0], coeffs).is_none());
    assert!(
        Yuv420Coeffs::new([[4, 0, 0]; 3], [0; 3], 16).is_none(),
        "y not ×8"
    );
    assert!(
        Yuv420Coeffs::new([[8, 40000, 0]; 3], [0; 3], 16).is_none(),
        "not i16"
    );
}

/// R'G'B'A → 4:2:0 luma and chroma rows: every standard matrix and range,
/// every 4-byte layout, both pairings, against the scalar kernels.
#[test]
fn rgb_to_yuv420_matches_scalar_at_every_level() {
    use crate::core::kernels::rgb_to_ycbcr::{Pairing, RgbToYuv, rgb_to_cbcr_row, rgb_to_y_row};
    let mut rng = Rng::new(13);
    let mut sets = Vec::new();
    for matrix in YCbCrMatrix::ALL {
        for range in [Range::Video, Range::Full] {
            let affine = FixedAffine::rgb_to_ycbcr(
                &matrix.luma_coefficients(),
                Coding::FULL_8,
                Coding::integer(BitDepth::EIGHT, range),
                FRAC_BITS_8BIT,
            )
            .expect("standard matrix");
            sets.push(RgbToYuv::new(&affine, 255).expect("fits"));
        }
    }
    // Random sets reach both clamps.
    for _ in 0..3 {
        let mut c = || (rng.next() % 16384) as i32 - 8192;
        let coeffs = [0, 1, 2].map(|_| [c(), c(), c()]);
        let add = [0, 1, 2].map(|_| (rng.next() % (1 << 22)) as i32 - (1 << 21));
        sets.push(RgbToYuv {
            coeffs,
            add,
            frac_bits: 13,
            max: 255,
        });
    }
    let levels: Vec<_> = simd_levels()
        .into_iter()
        .filter(|&l| matches!(l, Level::Avx2 | Level::Avx512))
        .collect();
    for &width in &WIDTHS {
        let samples = width.div_ceil(2);
        let mut a = filled(&mut rng, 4 * width);
        let mut b = filled(&mut rng, 4 * width);
        let (va, vb) = (a.slice().to_vec(), b.slice().to_vec());
        for (m_index, m) in sets.iter().enumerate() {
            for positions in RGBA_ORDERS {
                let from = layout(positions);
                let rgb = [positions[0], positions[1], positions[2]];
                let coeffs = RgbCoeffs::new(m, rgb).expect("i16 set");
                let mut want_y = vec![SENTINEL; width];
                rgb_to_y_row(m, &va, &from, &mut want_y);
                for &level in &levels {
                    let k = RgbToYuv420::select(level, coeffs).expect("kernel");
                    let mut out = PageEnd::new(width + 16);
                    let out = out.slice();
                    out.fill(SENTINEL);
                    let (prefix, row) = out.split_at_mut(16);
                    assert!(k.luma_row(a.slice(), row));
                    assert!(prefix.iter().all(|&p| p == SENTINEL));
                    assert!(
                        row == want_y.as_slice(),
                        "luma {level:?} width {width} set {m_index} {positions:?}"
                    );
                    for pairing in [Pairing::Pair, Pairing::CoSited] {
                        let mut want = vec![SENTINEL; 2 * samples];
                        rgb_to_cbcr_row(m, &va, &vb, &from, pairing, &mut want);
                        let mut out = PageEnd::new(2 * samples + 16);
                        let out = out.slice();
                        out.fill(SENTINEL);
                        let (prefix, row) = out.split_at_mut(16);
                        assert!(k.chroma_row(a.slice(), b.slice(), pairing, row));
                        assert!(prefix.iter().all(|&p| p == SENTINEL));
                        assert!(
                            row == want.as_slice(),
                            "chroma {level:?} width {width} set {m_index} {positions:?} {pairing:?}"
                        );
                    }
                }
            }
        }
    }
    // Shapes the kernels decline, nothing written.
    if let Some(&level) = levels.first() {
        let coeffs = RgbCoeffs::new(&sets[0], [2, 1, 0]).expect("fits");
        let k = RgbToYuv420::select(level, coeffs).expect("kernel");
        let mut out = [SENTINEL; 8];
        assert!(!k.luma_row(&[0; 12], &mut out[..2]));
        assert!(!k.luma_row(&[0; 13], &mut out[..3]));
        assert!(!k.chroma_row(&[0; 12], &[0; 16], Pairing::Pair, &mut out[..4]));
        assert!(!k.chroma_row(&[0; 12], &[0; 12], Pairing::Pair, &mut out[..2]));
        assert!(out.iter().all(|&b| b == SENTINEL));
    }
    let ten = RgbToYuv {
        max: 1023,
        ..sets[0]
    };
    assert!(RgbCoeffs::new(&ten, [2, 1, 0]).is_none(), "10-bit output");
    assert!(RgbCoeffs::new(&sets[0], [2, 1, 4]).is_none(), "position");
}

#[test]
fn swizzle4_matches_scalar_at_every_level() {
    let mut rng = Rng::new(11);
    let levels = simd_levels();
    for &width in &WIDTHS {
        let mut src = filled(&mut rng, 4 * width);
        let s = src.slice().to_vec();
        for from in RGBA_ORDERS {
            for to in RGBA_ORDERS {
                let (lf, lt) = (layout(from), layout(to));
                let mut want = vec![SENTINEL; 4 * width];
                swizzle_row::<4, 4>(&s, &mut want, &lf, &lt);
                let mask = swizzle4_mask(&lf, &lt).expect("4-byte layouts");
                for &level in &levels {
                    let k = Swizzle4::select(level, mask).expect("kernel");
                    let mut out = PageEnd::new(4 * width + 16);
                    let out = out.slice();
                    out.fill(SENTINEL);
                    let (prefix, row) = out.split_at_mut(16);
                    assert!(k.row(src.slice(), row));
                    assert!(prefix.iter().all(|&p| p == SENTINEL));
                    assert!(
                        row == want.as_slice(),
                        "{level:?} width {width} {from:?}→{to:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn levels_parse_cap_and_detect() {
    for level in [
        Level::Scalar,
        Level::Sse41,
        Level::Avx2,
        Level::Avx512,
        Level::Neon,
    ] {
        assert_eq!(Level::parse(level.name()), Some(level));
    }
    assert_eq!(Level::parse(" AVX2 "), Some(Level::Avx2));
    assert_eq!(Level::parse("mmx"), None);
    assert_eq!(supported_levels()[0], Level::Scalar);
    assert!(cpu_supports(Level::Scalar));
    // The API cap is global; this test is the only one that sets it.
    set_max_level(Some(Level::Scalar));
    assert_eq!(active_level(), Level::Scalar);
    set_max_level(None);
    let best = *supported_levels().last().expect("scalar at least");
    if std::env::var("PIXELPORT_MAX_SIMD").is_err() {
        assert_eq!(active_level(), best);
    }
}
