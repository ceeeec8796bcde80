//! Hand-built byte patterns for every supported format, decoded by hand
//! from the fact sheet (corevideo.md §5 and its layout notes). Each case is
//! checked both ways: the bytes unpack to the listed codes, and packing
//! those codes gives the bytes back.

use super::super::{IntermediateRow, RowCodec, row::channel::*};
use crate::core::pixel_format::{PixelFormat, fourcc};

/// Unpack `planes` (one row each), compare the listed channels, pack back.
fn check(code: u32, width: usize, planes: &[&[u8]], expect: &[(usize, &[f32])]) {
    let f = PixelFormat::find(code).unwrap();
    let codec = RowCodec::new(f).unwrap();
    let mut row = IntermediateRow::new(codec.info().model, 0, 0, false);
    codec.unpack(planes, width, &mut row).unwrap();
    for &(ch, values) in expect {
        assert_eq!(row.channel(ch), values, "{} channel {ch}", f.name);
    }
    let mut out: Vec<Vec<u8>> = planes.iter().map(|p| vec![0x5A; p.len()]).collect();
    let mut views: Vec<&mut [u8]> = out.iter_mut().map(Vec::as_mut_slice).collect();
    codec.pack(&row, width, &mut views).unwrap();
    for (p, (a, b)) in planes.iter().zip(&out).enumerate() {
        assert_eq!(*a, &b[..], "{} plane {p} packs back", f.name);
    }
}

fn cc(code: &[u8; 4]) -> u32 {
    fourcc(code)
}

#[test]
fn packed_rgb_words() {
    // 16BE555: 0 10001 00110 11100 = 0x44DC, big-endian.
    check(
        0x10,
        1,
        &[&[0x44, 0xDC]],
        &[(R, &[17.0]), (G, &[6.0]), (B, &[28.0])],
    );
    check(
        cc(b"L555"),
        1,
        &[&[0xDC, 0x44]],
        &[(R, &[17.0]), (G, &[6.0]), (B, &[28.0])],
    );
    // 5551: 10001 00110 11100 1 = 0x89B9 (R 15-11, G 10-6, B 5-1, A 0), LE.
    check(
        cc(b"5551"),
        1,
        &[&[0xB9, 0x89]],
        &[(R, &[17.0]), (G, &[6.0]), (B, &[28.0]), (A, &[1.0])],
    );
    // 565: 10001 101101 11100 = 0x8DBC.
    let rgb565: &[(usize, &[f32])] = &[(R, &[17.0]), (G, &[45.0]), (B, &[28.0])];
    check(cc(b"B565"), 1, &[&[0x8D, 0xBC]], rgb565);
    check(cc(b"L565"), 1, &[&[0xBC, 0x8D]], rgb565);
}

#[test]
fn ten_bit_rgb_words() {
    // R 677 = 0x2A5, G 346 = 0x15A, B 240 = 0x0F0.
    let rgb: &[(usize, &[f32])] = &[(R, &[677.0]), (G, &[346.0]), (B, &[240.0])];
    // R10k: R<<22 | G<<12 | B<<2 = 0xA955A3C0, big-endian.
    check(cc(b"R10k"), 1, &[&[0xA9, 0x55, 0xA3, 0xC0]], rgb);
    // r210: R<<20 | G<<10 | B = 0x2A5568F0, big-endian.
    check(cc(b"r210"), 1, &[&[0x2A, 0x55, 0x68, 0xF0]], rgb);
    // w30r: the same word little-endian (B in bits 0-9).
    check(cc(b"w30r"), 1, &[&[0xF0, 0x68, 0x55, 0x2A]], rgb);
    // l10r: alpha 2 in bits 30-31: 0xAA5568F0.
    check(cc(b"l10r"), 1, &[&[0xF0, 0x68, 0x55, 0xAA]], rgb);
    check(cc(b"l10r"), 1, &[&[0xF0, 0x68, 0x55, 0xAA]], &[(A, &[2.0])]);
    // b3a8: w30r's word plus an alpha byte plane.
    check(cc(b"b3a8"), 1, &[&[0xF0, 0x68, 0x55, 0x2A], &[0x7F]], rgb);
    check(
        cc(b"b3a8"),
        1,
        &[&[0xF0, 0x68, 0x55, 0x2A], &[0x7F]],
        &[(A, &[127.0])],
    );
    // w40a/w40m: A, R, G, B as `code << 6` little-endian words.
    for code in [b"w40a", b"w40m"] {
        check(
            cc(code),
            1,
            &[&[0xC0, 0xFF, 0x00, 0x60, 0x80, 0xDF, 0x00, 0x00]],
            &[(A, &[1023.0]), (R, &[384.0]), (G, &[894.0]), (B, &[0.0])],
        );
    }
}

#[test]
fn byte_order_rgb() {
    let px: &[u8] = &[1, 2, 3, 4];
    check(
        0x18,
        1,
        &[&px[..3]],
        &[(R, &[1.0]), (G, &[2.0]), (B, &[3.0])],
    );
    check(
        cc(b"24BG"),
        1,
        &[&px[..3]],
        &[(B, &[1.0]), (G, &[2.0]), (R, &[3.0])],
    );
    check(
        0x20,
        1,
        &[px],
        &[(A, &[1.0]), (R, &[2.0]), (G, &[3.0]), (B, &[4.0])],
    );
    check(
        cc(b"BGRA"),
        1,
        &[px],
        &[(B, &[1.0]), (G, &[2.0]), (R, &[3.0]), (A, &[4.0])],
    );
    check(
        cc(b"ABGR"),
        1,
        &[px],
        &[(A, &[1.0]), (B, &[2.0]), (G, &[3.0]), (R, &[4.0])],
    );
    check(
        cc(b"RGBA"),
        1,
        &[px],
        &[(R, &[1.0]), (G, &[2.0]), (B, &[3.0]), (A, &[4.0])],
    );
    // Two BGRA pixels: the second starts at byte 4.
    check(
        cc(b"BGRA"),
        2,
        &[&[1, 2, 3, 4, 5, 6, 7, 8]],
        &[(B, &[1.0, 5.0]), (A, &[4.0, 8.0])],
    );
}

#[test]
fn sixteen_bit_samples_and_byte_order() {
    let bytes: &[u8] = &[0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08];
    // b64a: A, R, G, B big-endian.
    check(
        cc(b"b64a"),
        1,
        &[bytes],
        &[(A, &[258.0]), (R, &[772.0]), (G, &[1286.0]), (B, &[1800.0])],
    );
    // l64r: R, G, B, A little-endian.
    check(
        cc(b"l64r"),
        1,
        &[bytes],
        &[
            (R, &[513.0]),
            (G, &[1027.0]),
            (B, &[1541.0]),
            (A, &[2055.0]),
        ],
    );
    check(
        cc(b"b48r"),
        1,
        &[&bytes[..6]],
        &[(R, &[258.0]), (G, &[772.0]), (B, &[1286.0])],
    );
    // b32a: alpha then gray, big-endian; b16g: one big-endian gray.
    check(
        cc(b"b32a"),
        1,
        &[&bytes[..4]],
        &[(A, &[258.0]), (GRAY, &[772.0])],
    );
    check(cc(b"b16g"), 1, &[&bytes[..2]], &[(GRAY, &[258.0])]);
}

#[test]
fn one_and_two_component() {
    check(cc(b"L008"), 1, &[&[7]], &[(GRAY, &[7.0])]);
    check(cc(b"2C08"), 1, &[&[7, 8]], &[(C0, &[7.0]), (C1, &[8.0])]);
    // L010: 513 << 6 = 0x8040; L012: 0xABC << 4 = 0xABC0; little-endian.
    check(cc(b"L010"), 1, &[&[0x40, 0x80]], &[(GRAY, &[513.0])]);
    check(cc(b"L012"), 1, &[&[0xC0, 0xAB]], &[(GRAY, &[2748.0])]);
    check(cc(b"L016"), 1, &[&[0x34, 0x12]], &[(GRAY, &[4660.0])]);
    check(
        cc(b"2C16"),
        1,
        &[&[0x34, 0x12, 0x78, 0x56]],
        &[(C0, &[4660.0]), (C1, &[22136.0])],
    );
    // Half 0x3E00 = 1.5; single 0xC0000000 = -2.0; little-endian.
    check(cc(b"L00h"), 1, &[&[0x00, 0x3E]], &[(GRAY, &[1.5])]);
    check(cc(b"L00f"), 1, &[&[0, 0, 0, 0xC0]], &[(GRAY, &[-2.0])]);
    check(
        cc(b"2C0h"),
        1,
        &[&[0x00, 0x3C, 0x00, 0xC4]],
        &[(C0, &[1.0]), (C1, &[-4.0])],
    );
    check(
        cc(b"2C0f"),
        1,
        &[&[0, 0, 0x80, 0x3F, 0, 0, 0, 0x3F]],
        &[(C0, &[1.0]), (C1, &[0.5])],
    );
}

#[test]
fn float_rgb() {
    // Halves 1.0, 0.5, 0.0, +Inf.
    check(
        cc(b"RGhA"),
        1,
        &[&[0x00, 0x3C, 0x00, 0x38, 0x00, 0x00, 0x00, 0x7C]],
        &[(R, &[1.0]), (G, &[0.5]), (B, &[0.0]), (A, &[f32::INFINITY])],
    );
    check(
        cc(b"RGfA"),
        1,
        &[&[
            0, 0, 0x80, 0x3F, 0, 0, 0, 0x3F, 0, 0, 0x80, 0xBE, 0, 0, 0, 0x3E,
        ]],
        &[(R, &[1.0]), (G, &[0.5]), (B, &[-0.25]), (A, &[0.125])],
    );
}

#[test]
fn chunky_ycbcr_444() {
    let px: &[u8] = &[1, 2, 3, 4];
    check(
        cc(b"v408"),
        1,
        &[px],
        &[(CB, &[1.0]), (Y, &[2.0]), (CR, &[3.0]), (A, &[4.0])],
    );
    check(
        cc(b"y408"),
        1,
        &[px],
        &[(A, &[1.0]), (Y, &[2.0]), (CB, &[3.0]), (CR, &[4.0])],
    );
    check(
        cc(b"v308"),
        1,
        &[&px[..3]],
        &[(CR, &[1.0]), (Y, &[2.0]), (CB, &[3.0])],
    );
    // r408: A, Y unsigned; Cb, Cr two's complement.
    check(
        cc(b"r408"),
        1,
        &[&[1, 2, 0x80, 0xFF]],
        &[(A, &[1.0]), (Y, &[2.0]), (CB, &[-128.0]), (CR, &[-1.0])],
    );
    check(
        cc(b"y416"),
        1,
        &[&[1, 2, 3, 4, 5, 6, 7, 8]],
        &[
            (A, &[513.0]),
            (Y, &[1027.0]),
            (CB, &[1541.0]),
            (CR, &[2055.0]),
        ],
    );
    check(
        cc(b"r4fl"),
        1,
        &[&[
            0, 0, 0x80, 0x3F, 0, 0, 0, 0x3F, 0, 0, 0x80, 0xBE, 0, 0, 0, 0x3E,
        ]],
        &[(A, &[1.0]), (Y, &[0.5]), (CB, &[-0.25]), (CR, &[0.125])],
    );
    // v410: Cb 341 << 2 | Y 682 << 12 | Cr 240 << 22 = 0x3C2AA554, LE.
    check(
        cc(b"v410"),
        1,
        &[&[0x54, 0xA5, 0x2A, 0x3C]],
        &[(CB, &[341.0]), (Y, &[682.0]), (CR, &[240.0])],
    );
}

#[test]
fn pixel_pairs_422() {
    let pair: &[u8] = &[10, 20, 30, 40];
    // 2vuy: Cb, Y0, Cr, Y1.
    let uyvy: &[(usize, &[f32])] = &[(CB, &[10.0]), (Y, &[20.0, 40.0]), (CR, &[30.0])];
    check(cc(b"2vuy"), 2, &[pair], uyvy);
    // yuvs / yuvf: Y0, Cb, Y1, Cr.
    let yuyv: &[(usize, &[f32])] = &[(Y, &[10.0, 30.0]), (CB, &[20.0]), (CR, &[40.0])];
    check(cc(b"yuvs"), 2, &[pair], yuyv);
    check(cc(b"yuvf"), 2, &[pair], yuyv);
    // a2vy: 2vuy plus one alpha byte per pixel.
    check(cc(b"a2vy"), 2, &[pair, &[5, 6]], &[(A, &[5.0, 6.0])]);
    check(cc(b"a2vy"), 2, &[pair, &[5, 6]], uyvy);
    // v216: Cb, Y0, Cr, Y1 as little-endian 16-bit samples.
    check(
        cc(b"v216"),
        2,
        &[&[1, 2, 3, 4, 5, 6, 7, 8]],
        &[(CB, &[513.0]), (Y, &[1027.0, 2055.0]), (CR, &[1541.0])],
    );
    // Odd width: the last pair's second luma is padding, written as 0.
    check(
        cc(b"2vuy"),
        1,
        &[&[10, 20, 30, 0]],
        &[(Y, &[20.0]), (CB, &[10.0])],
    );
    check(
        cc(b"yuvs"),
        1,
        &[&[10, 20, 0, 40]],
        &[(Y, &[10.0]), (CR, &[40.0])],
    );
    check(
        cc(b"v216"),
        1,
        &[&[1, 2, 3, 4, 5, 6, 0, 0]],
        &[(Y, &[1027.0])],
    );
}

#[test]
fn v210_words() {
    // TN2162: word0 = Cb0 | Y0<<10 | Cr0<<20, word1 = Y1 | Cb1<<10 | Y2<<20,
    // word2 = Cr1 | Y3<<10 | Cb2<<20, word3 = Y4 | Cr2<<10 | Y5<<20, LE.
    // Y 64 940 100 200 300 400, Cb 512 64 960, Cr 513 600 700:
    // 0x20110200, 0x064103AC, 0x3C032258, 0x190AF12C.
    let group: &[u8] = &[
        0x00, 0x02, 0x11, 0x20, 0xAC, 0x03, 0x41, 0x06, 0x58, 0x22, 0x03, 0x3C, 0x2C, 0xF1, 0x0A,
        0x19,
    ];
    check(
        cc(b"v210"),
        6,
        &[group],
        &[
            (Y, &[64.0, 940.0, 100.0, 200.0, 300.0, 400.0]),
            (CB, &[512.0, 64.0, 960.0]),
            (CR, &[513.0, 600.0, 700.0]),
        ],
    );
    // Width 3 uses the same group; pixels 3-5 and chroma pair 2 are zero
    // padding: word1 keeps Y1, Cb1, Y2; word2 keeps Cr1 only; word3 is 0.
    let partial: &[u8] = &[
        0x00, 0x02, 0x11, 0x20, 0xAC, 0x03, 0x41, 0x06, 0x58, 0x02, 0x00, 0x00, 0, 0, 0, 0,
    ];
    check(
        cc(b"v210"),
        3,
        &[partial],
        &[
            (Y, &[64.0, 940.0, 100.0]),
            (CB, &[512.0, 64.0]),
            (CR, &[513.0, 600.0]),
        ],
    );
}

#[test]
fn planar_and_biplanar() {
    let yc: &[(usize, &[f32])] = &[(Y, &[1.0, 2.0]), (CB, &[3.0]), (CR, &[4.0])];
    for code in [b"y420", b"f420"] {
        check(cc(code), 2, &[&[1, 2], &[3], &[4]], yc);
    }
    for code in [b"420v", b"420f", b"422v", b"422f"] {
        check(cc(code), 2, &[&[1, 2], &[3, 4]], yc);
    }
    for code in [b"444v", b"444f"] {
        check(
            cc(code),
            2,
            &[&[1, 2], &[3, 4, 5, 6]],
            &[(Y, &[1.0, 2.0]), (CB, &[3.0, 5.0]), (CR, &[4.0, 6.0])],
        );
    }
    check(
        cc(b"v0a8"),
        2,
        &[&[1, 2], &[3, 4], &[5, 6]],
        &[(A, &[5.0, 6.0])],
    );
    check(cc(b"v0a8"), 2, &[&[1, 2], &[3, 4], &[5, 6]], yc);
    // x420 family: `value << 6` little-endian: 64 → 0x1000, 940 → 0xEB00,
    // 512 → 0x8000, 960 → 0xF000.
    let ten: &[(usize, &[f32])] = &[(Y, &[64.0, 940.0]), (CB, &[512.0]), (CR, &[960.0])];
    for code in [b"x420", b"x422", b"xf20", b"xf22"] {
        check(
            cc(code),
            2,
            &[&[0x00, 0x10, 0x00, 0xEB], &[0x00, 0x80, 0x00, 0xF0]],
            ten,
        );
    }
    for code in [b"x444", b"xf44"] {
        check(
            cc(code),
            1,
            &[&[0x00, 0x10], &[0x00, 0x80, 0x00, 0xF0]],
            &[(Y, &[64.0]), (CB, &[512.0]), (CR, &[960.0])],
        );
    }
    // 16-bit: the same bytes are plain little-endian codes.
    let sixteen: &[(usize, &[f32])] =
        &[(Y, &[4096.0, 60160.0]), (CB, &[32768.0]), (CR, &[61440.0])];
    check(
        cc(b"sv22"),
        2,
        &[&[0x00, 0x10, 0x00, 0xEB], &[0x00, 0x80, 0x00, 0xF0]],
        sixteen,
    );
    check(
        cc(b"sv44"),
        1,
        &[&[0x00, 0x10], &[0x00, 0x80, 0x00, 0xF0]],
        &[(Y, &[4096.0]), (CB, &[32768.0]), (CR, &[61440.0])],
    );
    check(
        cc(b"s4as"),
        1,
        &[&[0x00, 0x10], &[0x00, 0x80, 0x00, 0xF0], &[0xFF, 0xFF]],
        &[
            (Y, &[4096.0]),
            (CB, &[32768.0]),
            (CR, &[61440.0]),
            (A, &[65535.0]),
        ],
    );
}

#[test]
fn padding_bits_are_ignored_when_reading() {
    let f = PixelFormat::find(cc(b"x420")).unwrap();
    let codec = RowCodec::new(f).unwrap();
    let mut row = codec.new_row(2);
    // Low 6 bits set: still codes 64 and 940.
    codec
        .unpack(
            &[&[0x3F, 0x10, 0x3F, 0xEB], &[0x3F, 0x80, 0x01, 0xF0]],
            2,
            &mut row,
        )
        .unwrap();
    assert_eq!(row.channel(Y), &[64.0, 940.0]);
    assert_eq!(row.channel(CR), &[960.0]);
    // R10k's two low bits, r210's two high bits.
    let r10k = RowCodec::for_code(cc(b"R10k")).unwrap();
    let mut row = r10k.new_row(1);
    r10k.unpack(&[&[0xA9, 0x55, 0xA3, 0xC3]], 1, &mut row)
        .unwrap();
    assert_eq!(row.channel(B), &[240.0]);
    let r210 = RowCodec::for_code(cc(b"r210")).unwrap();
    r210.unpack(&[&[0xEA, 0x55, 0x68, 0xF0]], 1, &mut row)
        .unwrap();
    assert_eq!(row.channel(R), &[677.0]);
    // v210's bits 30-31 and the padding samples of a partial group.
    let v210 = RowCodec::for_code(cc(b"v210")).unwrap();
    let mut row = v210.new_row(1);
    v210.unpack(
        &[&[
            0x00, 0x02, 0x11, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0xFF, 0xFF,
        ]],
        1,
        &mut row,
    )
    .unwrap();
    assert_eq!(row.channels(), [&[64.0][..], &[512.0], &[513.0], &[]]);
}
