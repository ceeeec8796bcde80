//! Y'CbCr conversions against an f64 model of vimage-numerics.md §4 written
//! here from the formulas (not from the kernel's code): ±1 code.

use super::*;
use crate::core::test_rng::Rng;

const VIDEO: PixelRange = PixelRange {
    yp_bias: 16,
    cbcr_bias: 128,
    yp_range_max: 235,
    cbcr_range_max: 240,
    yp_max: 235,
    yp_min: 16,
    cbcr_max: 240,
    cbcr_min: 16,
};
const FULL: PixelRange = PixelRange {
    yp_bias: 0,
    cbcr_bias: 128,
    yp_range_max: 255,
    cbcr_range_max: 255,
    yp_max: 255,
    yp_min: 0,
    cbcr_max: 255,
    cbcr_min: 1,
};
const VIDEO10: PixelRange = PixelRange {
    yp_bias: 64,
    cbcr_bias: 512,
    yp_range_max: 940,
    cbcr_range_max: 960,
    yp_max: 1023,
    yp_min: 0,
    cbcr_max: 1023,
    cbcr_min: 0,
};

/// Kr, Kb → the 5 decode coefficients, from the textbook formulas.
fn model_decode(kr: f64, kb: f64, r: &PixelRange, one: f64, ycc: [i32; 3]) -> [f64; 3] {
    let kg = 1.0 - kr - kb;
    let cl = |v: i32, lo: i32, hi: i32| f64::from(v.max(lo).min(hi));
    let y = (cl(ycc[0], r.yp_min, r.yp_max) - f64::from(r.yp_bias))
        / f64::from(r.yp_range_max - r.yp_bias);
    let cs = 2.0 * f64::from(r.cbcr_range_max - r.cbcr_bias);
    let cb = (cl(ycc[1], r.cbcr_min, r.cbcr_max) - f64::from(r.cbcr_bias)) / cs;
    let cr = (cl(ycc[2], r.cbcr_min, r.cbcr_max) - f64::from(r.cbcr_bias)) / cs;
    let red = y + 2.0 * (1.0 - kr) * cr;
    let green = y - 2.0 * kb * (1.0 - kb) / kg * cb - 2.0 * kr * (1.0 - kr) / kg * cr;
    let blue = y + 2.0 * (1.0 - kb) * cb;
    [red, green, blue].map(|v| (v * one).round().clamp(0.0, one))
}

/// Unrounded (Y', Cb, Cr) codes of one RGB pixel.
fn model_encode(kr: f64, kb: f64, r: &PixelRange, one: f64, rgb: [i32; 3]) -> [f64; 3] {
    let kg = 1.0 - kr - kb;
    let [red, green, blue] = rgb.map(|v| f64::from(v) / one);
    let y = kr * red + kg * green + kb * blue;
    let cb = (blue - y) / (2.0 * (1.0 - kb));
    let cr = (red - y) / (2.0 * (1.0 - kr));
    let cs = 2.0 * f64::from(r.cbcr_range_max - r.cbcr_bias);
    [
        f64::from(r.yp_bias) + y * f64::from(r.yp_range_max - r.yp_bias),
        f64::from(r.cbcr_bias) + cb * cs,
        f64::from(r.cbcr_bias) + cr * cs,
    ]
}

fn quant(v: f64, lo: i32, hi: i32) -> i32 {
    (v.round() as i32).max(lo).min(hi)
}

fn to_argb(k: LumaCoefficients, r: &PixelRange, t: YpCbCrType, a: ArgbType) -> Conversion {
    Conversion::to_argb(&ToRgbMatrix::from_luma(&k), r, t, a).unwrap()
}

fn from_argb(k: LumaCoefficients, r: &PixelRange, a: ArgbType, t: YpCbCrType) -> Conversion {
    Conversion::from_argb(&ToYccMatrix::from_luma(&k), r, a, t).unwrap()
}

fn close(a: i32, b: f64, tol: f64) -> bool {
    (f64::from(a) - b).abs() <= tol
}

#[test]
fn predefined_matrices_match_the_fact_sheet() {
    let m = ToRgbMatrix::from_luma(&LumaCoefficients::BT601);
    assert_eq!((m.yp, m.cr_r, m.cb_b), (1.0, 1.402, 1.772));
    assert!((m.cr_g - -0.714_136_3).abs() < 1e-6 && (m.cb_g - -0.344_136_3).abs() < 1e-6);
    let m = ToRgbMatrix::from_luma(&LumaCoefficients::BT709);
    assert!((m.cr_g - -0.468_124_27).abs() < 1e-6 && (m.cb_g - -0.187_324_27).abs() < 1e-6);
    let e = ToYccMatrix::from_luma(&LumaCoefficients::BT709);
    assert_eq!((e.r_yp, e.b_cb_r_cr), (0.2126, 0.5));
    assert!((e.r_cb - -0.114_572_1).abs() < 1e-6 && (e.b_cr - -0.045_847_09).abs() < 1e-6);
}

#[test]
fn generation_refuses_unsupported_pairs_and_degenerate_ranges() {
    let m = ToRgbMatrix::from_luma(&LumaCoefficients::BT601);
    let e = Conversion::to_argb(&m, &VIDEO, YpCbCrType::Cb8Yp8Cr8Yp8, ArgbType::Argb16U);
    assert_eq!(e.unwrap_err(), ImageError::UnsupportedConversion);
    let e = Conversion::to_argb(&m, &VIDEO10, YpCbCrType::V210, ArgbType::Argb16U);
    assert_eq!(e.unwrap_err(), ImageError::UnsupportedConversion);
    let flat = PixelRange {
        yp_range_max: 16,
        ..VIDEO
    };
    let e = Conversion::to_argb(&m, &flat, YpCbCrType::Cb8Yp8Cr8Yp8, ArgbType::Argb8888);
    assert_eq!(e.unwrap_err(), ImageError::InvalidParameter);
    let nan = ToRgbMatrix { yp: f32::NAN, ..m };
    let e = Conversion::to_argb(&nan, &VIDEO, YpCbCrType::Cb8Yp8Cr8Yp8, ArgbType::Argb8888);
    assert_eq!(e.unwrap_err(), ImageError::InvalidParameter);
}

#[test]
fn info_round_trips_through_bytes_and_rejects_garbage() {
    let c = to_argb(
        LumaCoefficients::BT709,
        &FULL,
        YpCbCrType::V210,
        ArgbType::Argb16Q12,
    );
    assert_eq!(Conversion::from_bytes(&c.to_bytes()), Some(c));
    assert_eq!(Conversion::from_bytes(&[0u8; INFO_SIZE]), None);
    let mut b = c.to_bytes();
    b[4] = 11; // an unused vImageYpCbCrType
    assert_eq!(Conversion::from_bytes(&b), None);
}

#[test]
fn decode_8bit_matches_the_model_exhaustively_on_a_grid() {
    for (k, r) in [
        (LumaCoefficients::BT601, VIDEO),
        (LumaCoefficients::BT709, FULL),
    ] {
        let c = to_argb(k, &r, YpCbCrType::A8Yp8Cb8Cr8, ArgbType::Argb8888);
        let kernel = c
            .check_use(Direction::ToArgb, 8, ArgbType::Argb8888)
            .unwrap();
        let mut exact = 0;
        let mut total = 0;
        for y in (0..256).step_by(3) {
            for cb in (0..256).step_by(5) {
                for cr in (0..256).step_by(7) {
                    let got = kernel.apply([y, cb, cr]);
                    let want = model_decode(k.kr, k.kb, &r, 255.0, [y, cb, cr]);
                    for i in 0..3 {
                        assert!(
                            close(got[i], want[i], 1.0),
                            "{y} {cb} {cr}: {got:?} {want:?}"
                        );
                        exact += usize::from(f64::from(got[i]) == want[i]);
                        total += 1;
                    }
                }
            }
        }
        assert!(exact * 100 > total * 99, "{exact} of {total} exact");
    }
}

#[test]
fn decode_420_biplanar_with_permute_and_alpha() {
    let mut rng = Rng::new(7);
    let (w, h) = (7usize, 5usize);
    let (cw, ch) = (4, 3);
    let yp = rng.bytes(w * h);
    let cbcr = rng.bytes(cw * 2 * ch);
    let k = LumaCoefficients::BT601;
    // Apple's sample: info generated for 2vuy, used for 4:2:0.
    let c = to_argb(k, &VIDEO, YpCbCrType::Cb8Yp8Cr8Yp8, ArgbType::Argb8888);
    let luma = Plane::packed(&yp, w, h, w).unwrap();
    let chroma = Plane::packed(&cbcr, cw, ch, 2 * cw).unwrap();
    let stride = 4 * w + 3;
    let mut out = vec![0xEEu8; stride * h];
    let mut dest = PlaneMut::new(&mut out, w, h, 4 * w, stride).unwrap();
    decode_420(
        &c,
        &luma,
        Chroma420::Interleaved(&chroma),
        &mut dest,
        [3, 2, 1, 0],
        77,
    )
    .unwrap();
    for y in 0..h {
        for x in 0..w {
            let cb = cbcr[(y / 2) * 2 * cw + 2 * (x / 2)];
            let cr = cbcr[(y / 2) * 2 * cw + 2 * (x / 2) + 1];
            let want = model_decode(
                k.kr,
                k.kb,
                &VIDEO,
                255.0,
                [yp[y * w + x].into(), cb.into(), cr.into()],
            );
            let px = &out[y * stride + 4 * x..][..4];
            // BGRA
            assert_eq!(px[3], 77);
            assert!(close(px[2].into(), want[0], 1.0));
            assert!(close(px[1].into(), want[1], 1.0));
            assert!(close(px[0].into(), want[2], 1.0));
        }
        assert_eq!(
            &out[y * stride + 4 * w..][..3.min(out.len() - y * stride - 4 * w)],
            &[0xEE; 3][..3.min(out.len() - y * stride - 4 * w)]
        );
    }
}

#[test]
fn short_chroma_planes_are_refused() {
    let c = to_argb(
        LumaCoefficients::BT601,
        &VIDEO,
        YpCbCrType::Yp8CbCr8BiPlanar420,
        ArgbType::Argb8888,
    );
    let yp = [0u8; 12];
    let cbcr = [0u8; 4];
    let luma = Plane::packed(&yp, 3, 4, 3).unwrap();
    let chroma = Plane::packed(&cbcr, 2, 1, 4).unwrap();
    let mut out = [0u8; 48];
    let mut dest = PlaneMut::packed(&mut out, 3, 4, 12).unwrap();
    let e = decode_420(
        &c,
        &luma,
        Chroma420::Interleaved(&chroma),
        &mut dest,
        [0, 1, 2, 3],
        255,
    );
    assert_eq!(e.unwrap_err(), ImageError::SizeMismatch);
    // An encode info cannot decode.
    let enc = from_argb(
        LumaCoefficients::BT601,
        &VIDEO,
        ArgbType::Argb8888,
        YpCbCrType::Yp8CbCr8BiPlanar420,
    );
    let e = decode_420(
        &enc,
        &luma,
        Chroma420::Interleaved(&chroma),
        &mut dest,
        [0, 1, 2, 3],
        255,
    );
    assert_eq!(e.unwrap_err(), ImageError::InvalidParameter);
}

/// Encode reference for 4:2:0: luma per pixel, chroma = mean of the 2×2
/// block's unrounded chroma (edges replicated), rounded once.
#[test]
fn encode_420_planar_matches_the_model() {
    let mut rng = Rng::new(11);
    let (w, h) = (5usize, 3usize);
    let argb = rng.bytes(4 * w * h);
    let k = LumaCoefficients::BT709;
    let c = from_argb(
        k,
        &VIDEO,
        ArgbType::Argb8888,
        YpCbCrType::Yp8Cb8Cr8Planar420,
    );
    let src = Plane::packed(&argb, w, h, 4 * w).unwrap();
    let (cw, ch) = (3, 2);
    let (mut yv, mut cbv, mut crv) = (vec![0u8; w * h], vec![0u8; cw * ch], vec![0u8; cw * ch]);
    {
        let mut luma = PlaneMut::packed(&mut yv, w, h, w).unwrap();
        let mut cb = PlaneMut::packed(&mut cbv, cw, ch, cw).unwrap();
        let mut cr = PlaneMut::packed(&mut crv, cw, ch, cw).unwrap();
        encode_420(
            &c,
            &src,
            &mut luma,
            Chroma420Mut::Separate(&mut cb, &mut cr),
            [0, 1, 2, 3],
        )
        .unwrap();
    }
    let px = |x: usize, y: usize| -> [i32; 3] {
        let p = &argb[(y.min(h - 1) * w + x.min(w - 1)) * 4..];
        [p[1].into(), p[2].into(), p[3].into()]
    };
    for y in 0..h {
        for x in 0..w {
            let m = model_encode(k.kr, k.kb, &VIDEO, 255.0, px(x, y));
            assert!(close(
                yv[y * w + x].into(),
                quant(m[0], 16, 235).into(),
                1.0
            ));
        }
    }
    for cy in 0..ch {
        for cx in 0..cw {
            let mut s = [0.0; 3];
            for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                let m = model_encode(k.kr, k.kb, &VIDEO, 255.0, px(2 * cx + dx, 2 * cy + dy));
                for i in 0..3 {
                    s[i] += m[i] / 4.0;
                }
            }
            assert!(close(
                cbv[cy * cw + cx].into(),
                quant(s[1], 16, 240).into(),
                1.0
            ));
            assert!(close(
                crv[cy * cw + cx].into(),
                quant(s[2], 16, 240).into(),
                1.0
            ));
        }
    }
}

/// Every packed layout: encode random ARGB, decode it again, compare with
/// the model of each step.
#[test]
fn packed_layouts_round_trip_through_the_model() {
    let mut rng = Rng::new(3);
    let layouts8 = [
        (Packed::Cb8Yp8Cr8Yp8, YpCbCrType::Cb8Yp8Cr8Yp8),
        (Packed::Yp8Cb8Yp8Cr8, YpCbCrType::Yp8Cb8Yp8Cr8),
        (Packed::A8Yp8Cb8Cr8, YpCbCrType::A8Yp8Cb8Cr8),
        (Packed::Cb8Yp8Cr8A8, YpCbCrType::Cb8Yp8Cr8A8),
        (Packed::Cr8Yp8Cb8, YpCbCrType::Cr8Yp8Cb8),
    ];
    let k = LumaCoefficients::BT601;
    let (w, h) = (5usize, 2usize);
    for (layout, t) in layouts8 {
        let argb = rng.bytes(4 * w * h);
        let src = Plane::packed(&argb, w, h, 4 * w).unwrap();
        let enc = from_argb(k, &VIDEO, ArgbType::Argb8888, t);
        let len = layout.row_len(w);
        let mut ycc = vec![0u8; len * h];
        {
            let mut d = PlaneMut::packed(&mut ycc, w, h, len).unwrap();
            encode_packed(
                &enc,
                layout,
                ArgbType::Argb8888,
                &src,
                &mut d,
                None,
                (w, h),
                [0, 1, 2, 3],
            )
            .unwrap();
        }
        let dec = to_argb(k, &VIDEO, t, ArgbType::Argb8888);
        let mut back = vec![0u8; 4 * w * h];
        {
            let s = Plane::packed(&ycc, w, h, len).unwrap();
            let mut d = PlaneMut::packed(&mut back, w, h, 4 * w).unwrap();
            decode_packed(
                &dec,
                layout,
                ArgbType::Argb8888,
                &s,
                None,
                &mut d,
                [0, 1, 2, 3],
                9,
            )
            .unwrap();
        }
        let (bp, _) = layout.block();
        for y in 0..h {
            for x in 0..w {
                let p = &argb[(y * w + x) * 4..][..4];
                // Model: luma of this pixel, chroma averaged over its block.
                let mut cs = [0.0; 3];
                let x0 = x / bp * bp;
                for dx in 0..bp {
                    let q = &argb[(y * w + (x0 + dx).min(w - 1)) * 4..][..4];
                    let m = model_encode(
                        k.kr,
                        k.kb,
                        &VIDEO,
                        255.0,
                        [q[1].into(), q[2].into(), q[3].into()],
                    );
                    for i in 0..3 {
                        cs[i] += m[i] / bp as f64;
                    }
                }
                let m = model_encode(
                    k.kr,
                    k.kb,
                    &VIDEO,
                    255.0,
                    [p[1].into(), p[2].into(), p[3].into()],
                );
                let ycc_px = [
                    quant(m[0], 16, 235),
                    quant(cs[1], 16, 240),
                    quant(cs[2], 16, 240),
                ];
                let want = model_decode(k.kr, k.kb, &VIDEO, 255.0, ycc_px);
                let got = &back[(y * w + x) * 4..][..4];
                for i in 0..3 {
                    // One code of encode error can move a channel by up to
                    // ~2.3 codes after the decode matrix.
                    assert!(
                        close(got[i + 1].into(), want[i], 3.0),
                        "{layout:?} {x},{y}: {got:?} {want:?}"
                    );
                }
                let a = if layout.has_alpha() { p[0] } else { 9 };
                assert_eq!(got[0], a, "{layout:?}");
            }
        }
    }
}

#[test]
fn v210_and_v410_decode_fields_as_documented() {
    let k = LumaCoefficients::BT709;
    let c = to_argb(k, &VIDEO10, YpCbCrType::V210, ArgbType::Argb16Q12);
    // Six pixels: Y' 100..600, Cb pairs 400/500/600, Cr pairs 700/800/900.
    let f = |a: u32, b: u32, c: u32| a | (b << 10) | (c << 20);
    let words = [
        f(400, 100, 700),
        f(200, 500, 300),
        f(800, 400, 600),
        f(500, 900, 600),
    ];
    let src = Plane::packed(&words, 6, 1, 4).unwrap();
    let mut out = [0i16; 24];
    let mut dest = PlaneMut::packed(&mut out, 6, 1, 24).unwrap();
    decode_packed(
        &c,
        Packed::V210,
        ArgbType::Argb16Q12,
        &src,
        None,
        &mut dest,
        [0, 1, 2, 3],
        4096,
    )
    .unwrap();
    let ys = [100, 200, 300, 400, 500, 600];
    let cbs = [400, 400, 500, 500, 600, 600];
    let crs = [700, 700, 800, 800, 900, 900];
    for x in 0..6 {
        let want = model_decode(k.kr, k.kb, &VIDEO10, 4096.0, [ys[x], cbs[x], crs[x]]);
        assert_eq!(out[4 * x], 4096);
        for i in 0..3 {
            assert!(
                close(out[4 * x + 1 + i].into(), want[i], 1.0),
                "{x}: {out:?} {want:?}"
            );
        }
    }
    // v410: Cr 31..22, Y' 21..12, Cb 11..2.
    let c = to_argb(k, &VIDEO10, YpCbCrType::CrYpCb10, ArgbType::Argb8888);
    let word = [(900u32 << 22) | (300 << 12) | (200 << 2)];
    let src = Plane::packed(&word, 1, 1, 1).unwrap();
    let mut out = [0u8; 4];
    let mut dest = PlaneMut::packed(&mut out, 1, 1, 4).unwrap();
    decode_packed(
        &c,
        Packed::CrYpCb10,
        ArgbType::Argb8888,
        &src,
        None,
        &mut dest,
        [0, 1, 2, 3],
        1,
    )
    .unwrap();
    let want = model_decode(k.kr, k.kb, &VIDEO10, 255.0, [300, 200, 900]);
    for i in 0..3 {
        assert!(close(out[1 + i].into(), want[i], 1.0));
    }
}

#[test]
fn v210_encode_round_trips_a_partial_group() {
    let k = LumaCoefficients::BT709;
    let w = 8; // one full group + 2 pixels of the next (padded to 12)
    let mut rng = Rng::new(5);
    let argb: Vec<i16> = (0..4 * w).map(|_| rng.below(4097) as i16).collect();
    let src = Plane::packed(&argb, w, 1, 4 * w).unwrap();
    let enc = from_argb(k, &VIDEO10, ArgbType::Argb16Q12, YpCbCrType::V210);
    let mut words = vec![0u32; 8];
    {
        let mut d = PlaneMut::packed(&mut words, 2, 1, 8).unwrap();
        encode_packed(
            &enc,
            Packed::V210,
            ArgbType::Argb16Q12,
            &src,
            &mut d,
            None,
            (w, 1),
            [0, 1, 2, 3],
        )
        .unwrap();
    }
    let dec = to_argb(k, &VIDEO10, YpCbCrType::V210, ArgbType::Argb16Q12);
    let mut back = vec![0i16; 4 * w];
    {
        let s = Plane::packed(&words, 2, 1, 8).unwrap();
        let mut d = PlaneMut::packed(&mut back, w, 1, 4 * w).unwrap();
        decode_packed(
            &dec,
            Packed::V210,
            ArgbType::Argb16Q12,
            &s,
            None,
            &mut d,
            [0, 1, 2, 3],
            0,
        )
        .unwrap();
    }
    for x in 0..w {
        for i in 1..4 {
            // 4:2:2 chroma averaging changes colours; luma-heavy green is a
            // coarse check that fields landed in the right place.
            let d = (i32::from(back[4 * x + i]) - i32::from(argb[4 * x + i])).abs();
            assert!(d < 2200, "{x}: {back:?} vs {argb:?}");
        }
    }
    // Flat grey survives exactly (no chroma): 10-bit precision is ~4.7 Q12 codes.
    let grey = vec![2048i16; 4 * w];
    let src = Plane::packed(&grey, w, 1, 4 * w).unwrap();
    {
        let mut d = PlaneMut::packed(&mut words, 2, 1, 8).unwrap();
        encode_packed(
            &enc,
            Packed::V210,
            ArgbType::Argb16Q12,
            &src,
            &mut d,
            None,
            (w, 1),
            [0, 1, 2, 3],
        )
        .unwrap();
    }
    let s = Plane::packed(&words, 2, 1, 8).unwrap();
    let mut d = PlaneMut::packed(&mut back, w, 1, 4 * w).unwrap();
    decode_packed(
        &dec,
        Packed::V210,
        ArgbType::Argb16Q12,
        &s,
        None,
        &mut d,
        [0, 1, 2, 3],
        0,
    )
    .unwrap();
    for x in 0..w {
        for i in 1..4 {
            assert!((i32::from(back[4 * x + i]) - 2048).abs() <= 3, "{back:?}");
        }
    }
}

#[test]
fn y416_alpha_widens_and_narrows() {
    let k = LumaCoefficients::BT709;
    let r16 = PixelRange {
        yp_bias: 4096,
        cbcr_bias: 32768,
        yp_range_max: 60160,
        cbcr_range_max: 61440,
        yp_max: 65535,
        yp_min: 0,
        cbcr_max: 65535,
        cbcr_min: 0,
    };
    let enc = from_argb(k, &r16, ArgbType::Argb8888, YpCbCrType::AYpCbCr16);
    let argb = [200u8, 255, 255, 255];
    let src = Plane::packed(&argb, 1, 1, 4).unwrap();
    let mut out = [0u16; 4];
    {
        let mut d = PlaneMut::packed(&mut out, 1, 1, 4).unwrap();
        encode_packed(
            &enc,
            Packed::AYpCbCr16,
            ArgbType::Argb8888,
            &src,
            &mut d,
            None,
            (1, 1),
            [0, 1, 2, 3],
        )
        .unwrap();
    }
    assert_eq!(out, [200 * 257, 60160, 32768, 32768]);
    let dec = to_argb(k, &r16, YpCbCrType::AYpCbCr16, ArgbType::Argb8888);
    let s = Plane::packed(&out, 1, 1, 4).unwrap();
    let mut back = [0u8; 4];
    let mut d = PlaneMut::packed(&mut back, 1, 1, 4).unwrap();
    decode_packed(
        &dec,
        Packed::AYpCbCr16,
        ArgbType::Argb8888,
        &s,
        None,
        &mut d,
        [0, 1, 2, 3],
        0,
    )
    .unwrap();
    assert_eq!(back, [200, 255, 255, 255]);
}

#[test]
fn swapped_clamp_limits_do_not_panic() {
    let odd = PixelRange {
        yp_min: 200,
        yp_max: 100,
        ..VIDEO
    };
    let c = to_argb(
        LumaCoefficients::BT601,
        &odd,
        YpCbCrType::Cr8Yp8Cb8,
        ArgbType::Argb8888,
    );
    let k = c
        .check_use(Direction::ToArgb, 8, ArgbType::Argb8888)
        .unwrap();
    let _ = k.apply([0, 0, 0]);
}
