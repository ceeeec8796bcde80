//! Packing rules: rounding, clamping, NaN, opaque alpha, argument checks.

use super::super::kernels::{quantize, quantize_signed};
use super::super::{
    ColorModel, ConvertError, IntermediateRow, RowCodec, pack_row, row::channel::*, unpack_row,
};
use super::format;

fn pack1(code: &[u8; 4], row: &IntermediateRow, width: usize) -> Vec<Vec<u8>> {
    let codec = RowCodec::new(format(code)).unwrap();
    let mut out: Vec<Vec<u8>> = (0..codec.plane_count())
        .map(|p| vec![0xEE; codec.row_length(p, width).unwrap()])
        .collect();
    let mut views: Vec<&mut [u8]> = out.iter_mut().map(Vec::as_mut_slice).collect();
    codec.pack(row, width, &mut views).unwrap();
    out
}

#[test]
fn quantizer_rounds_to_nearest_and_clamps() {
    assert_eq!(quantize(255.6, 255), 255);
    assert_eq!(quantize(254.5, 255), 255);
    assert_eq!(quantize(254.49, 255), 254);
    assert_eq!(quantize(-3.0, 255), 0);
    assert_eq!(quantize(-0.5, 255), 0);
    assert_eq!(quantize(0.49999997, 255), 0);
    assert_eq!(quantize(511.5, 1023), 512);
    assert_eq!(quantize(1e30, 1023), 1023);
    assert_eq!(quantize(f32::NAN, 1023), 0);
    assert_eq!(quantize(f32::INFINITY, 65535), 65535);
    assert_eq!(quantize(f32::NEG_INFINITY, 65535), 0);
    assert_eq!(quantize_signed(-0.5, -128, 127), -1);
    assert_eq!(quantize_signed(127.5, -128, 127), 127);
    assert_eq!(quantize_signed(-200.0, -128, 127), -128);
    assert_eq!(quantize_signed(f32::NAN, -128, 127), 0);
}

#[test]
fn pack_rounds_and_clamps_per_format() {
    // BGRA: 255.6 → 255, -3 → 0, 127.5 → 128, NaN → 0.
    let mut row = IntermediateRow::new(ColorModel::Rgb, 1, 1, true);
    for (ch, v) in [(R, 255.6), (G, -3.0), (B, 127.5), (A, f32::NAN)] {
        row.channel_mut(ch)[0] = v;
    }
    assert_eq!(pack1(b"BGRA", &row, 1), [[128, 0, 255, 0]]);
    // x420: 511.5 → 512 stored as 512 << 6; 1023.7 → 1023; chroma -1 → 0.
    let mut row = IntermediateRow::new(ColorModel::YCbCr, 2, 1, false);
    row.channel_mut(Y).copy_from_slice(&[511.5, 1023.7]);
    row.channel_mut(CB)[0] = -1.0;
    row.channel_mut(CR)[0] = 2000.0;
    assert_eq!(
        pack1(b"x420", &row, 2),
        [vec![0x00, 0x80, 0xC0, 0xFF], vec![0x00, 0x00, 0xC0, 0xFF]]
    );
    // 565 fields clamp to their own widths.
    let mut row = IntermediateRow::new(ColorModel::Rgb, 1, 1, false);
    for (ch, v) in [(R, 40.0), (G, 63.4), (B, 30.5)] {
        row.channel_mut(ch)[0] = v;
    }
    // R 31, G 63, B 31: 0xFFFF.
    assert_eq!(pack1(b"L565", &row, 1), [[0xFF, 0xFF]]);
    // r408's signed chroma clamps to -128..127.
    let mut row = IntermediateRow::new(ColorModel::YCbCr, 1, 1, true);
    for (ch, v) in [(A, 300.0), (Y, 16.4), (CB, -128.6), (CR, 127.5)] {
        row.channel_mut(ch)[0] = v;
    }
    assert_eq!(pack1(b"r408", &row, 1), [[255, 16, 0x80, 0x7F]]);
    // Half: round to nearest even; beyond 65504 rounds to +Inf; NaN stays NaN.
    let mut row = IntermediateRow::new(ColorModel::TwoComponent, 1, 1, false);
    row.channel_mut(C0)[0] = 65520.0;
    row.channel_mut(C1)[0] = f32::NAN;
    let out = pack1(b"2C0h", &row, 1);
    assert_eq!(out[0][..2], [0x00, 0x7C]);
    let nan = u16::from_le_bytes([out[0][2], out[0][3]]);
    assert!(nan & 0x7C00 == 0x7C00 && nan & 0x3FF != 0);
    // Floats are stored as given: no clamping.
    let mut row = IntermediateRow::new(ColorModel::Gray, 1, 1, false);
    row.channel_mut(GRAY)[0] = -7.25;
    assert_eq!(pack1(b"L00f", &row, 1), [(-7.25f32).to_le_bytes()]);
}

#[test]
fn rows_without_alpha_pack_opaque() {
    let cases: &[(&[u8; 4], Vec<Vec<u8>>)] = &[
        (b"BGRA", vec![vec![0, 0, 0, 0xFF]]),
        (b"b64a", vec![vec![0xFF, 0xFF, 0, 0, 0, 0, 0, 0]]),
        // 894 << 6 = 0xDF80.
        (b"w40a", vec![vec![0x80, 0xDF, 0, 0, 0, 0, 0, 0]]),
        (b"l10r", vec![vec![0, 0, 0, 0xC0]]),
        (b"5551", vec![vec![0x01, 0x00]]),
        (b"b3a8", vec![vec![0, 0, 0, 0], vec![0xFF]]),
        (b"RGhA", vec![vec![0, 0, 0, 0, 0, 0, 0x00, 0x3C]]),
        (b"b32a", vec![vec![0xFF, 0xFF, 0, 0]]),
    ];
    for (code, expected) in cases {
        let row = IntermediateRow::new(
            RowCodec::new(format(code)).unwrap().info().model,
            1,
            1,
            false,
        );
        assert_eq!(&pack1(code, &row, 1), expected, "{code:?}");
    }
    let row = IntermediateRow::new(ColorModel::YCbCr, 1, 1, false);
    assert_eq!(pack1(b"s4as", &row, 1)[2], [0xFF, 0xFF]);
    assert_eq!(pack1(b"y416", &row, 1)[0][..2], [0xFF, 0xFF]);
    assert_eq!(pack1(b"r4fl", &row, 1)[0][..4], 1.0f32.to_le_bytes());
    let row = IntermediateRow::new(ColorModel::YCbCr, 2, 1, false);
    assert_eq!(pack1(b"a2vy", &row, 2)[1], [0xFF, 0xFF]);
    assert_eq!(pack1(b"v0a8", &row, 2)[2], [0xFF, 0xFF]);
}

#[test]
fn alpha_of_a_format_without_alpha_is_dropped() {
    let mut row = IntermediateRow::new(ColorModel::Rgb, 1, 1, true);
    row.channel_mut(R)[0] = 1.0;
    row.channel_mut(A)[0] = 7.0;
    assert_eq!(pack1(b"24BG", &row, 1), [[0, 0, 1]]);
}

#[test]
fn odd_422_luma_and_v210_padding_are_zero() {
    let mut row = IntermediateRow::new(ColorModel::YCbCr, 1, 1, false);
    row.channel_mut(Y)[0] = 100.0;
    row.channel_mut(CB)[0] = 50.0;
    row.channel_mut(CR)[0] = 60.0;
    assert_eq!(pack1(b"2vuy", &row, 1), [[50, 100, 60, 0]]);
    assert_eq!(pack1(b"yuvs", &row, 1), [[100, 50, 0, 60]]);
    assert_eq!(pack1(b"v216", &row, 1), [[50, 0, 100, 0, 60, 0, 0, 0]]);
    // v210 width 1: word0 = 50 | 100<<10 | 60<<20, the rest of the group 0.
    let word = 50u32 | 100 << 10 | 60 << 20;
    let mut group = word.to_le_bytes().to_vec();
    group.resize(16, 0);
    assert_eq!(pack1(b"v210", &row, 1), [group]);
}

#[test]
fn argument_checks() {
    let codec = RowCodec::new(format(b"420v")).unwrap();
    let mut row = codec.new_row(4);
    // Wrong number of plane rows.
    assert_eq!(
        codec.unpack(&[&[0; 4]], 4, &mut row),
        Err(ConvertError::PlaneCount {
            expected: 2,
            given: 1
        })
    );
    // A short chroma row.
    assert_eq!(
        codec.unpack(&[&[0; 4], &[0; 3]], 4, &mut row),
        Err(ConvertError::RowTooShort {
            plane: 1,
            needed: 4,
            given: 3
        })
    );
    codec.unpack(&[&[0; 4], &[0; 4]], 4, &mut row).unwrap();
    // Packing a row of another width or model.
    let (mut y, mut c) = ([0u8; 6], [0u8; 6]);
    assert_eq!(
        codec.pack(&row, 6, &mut [&mut y, &mut c]),
        Err(ConvertError::RowShape)
    );
    let rgb = IntermediateRow::new(ColorModel::Rgb, 4, 4, false);
    assert_eq!(
        codec.pack(&rgb, 4, &mut [&mut y, &mut c]),
        Err(ConvertError::RowShape)
    );
    let bad_chroma = IntermediateRow::new(ColorModel::YCbCr, 4, 4, false);
    assert_eq!(
        codec.pack(&bad_chroma, 4, &mut [&mut y, &mut c]),
        Err(ConvertError::RowShape)
    );
    // An empty chroma row means "not written by this image row"; an empty
    // luma row is an error.
    let mut c2 = [9u8; 4];
    codec.pack(&row, 4, &mut [&mut y, &mut []]).unwrap();
    assert_eq!(
        codec.pack(&row, 4, &mut [&mut [], &mut c2]),
        Err(ConvertError::RowTooShort {
            plane: 0,
            needed: 4,
            given: 0
        })
    );
    // Unsupported formats through the free functions.
    let bayer = format(b"grb4");
    assert_eq!(
        unpack_row(bayer, &[&[0; 2]], 1, &mut row),
        Err(ConvertError::Unsupported(bayer.code))
    );
    assert_eq!(
        pack_row(bayer, &row, 1, &mut [&mut [0; 2]]),
        Err(ConvertError::Unsupported(bayer.code))
    );
    // The free functions work like the codec.
    let bgra = format(b"BGRA");
    let mut px = IntermediateRow::new(ColorModel::Gray, 0, 0, false);
    unpack_row(bgra, &[&[1, 2, 3, 4]], 1, &mut px).unwrap();
    assert_eq!(px.model(), ColorModel::Rgb);
    let mut out = [0u8; 4];
    pack_row(bgra, &px, 1, &mut [&mut out]).unwrap();
    assert_eq!(out, [1, 2, 3, 4]);
}

#[test]
fn width_zero_is_an_empty_row() {
    for spec in &super::super::spec::SPECS {
        let codec = RowCodec::for_code(spec.code).unwrap();
        let mut row = codec.new_row(3);
        let empty: Vec<&[u8]> = vec![&[]; codec.plane_count()];
        codec.unpack(&empty, 0, &mut row).unwrap();
        assert_eq!(row.width(), 0);
        let mut out: Vec<&mut [u8]> = (0..codec.plane_count()).map(|_| &mut [][..]).collect();
        codec.pack(&row, 0, &mut out).unwrap();
    }
}
