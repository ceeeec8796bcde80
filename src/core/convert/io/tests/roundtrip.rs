//! pack(unpack(bytes)) == bytes and unpack(pack(codes)) == codes for every
//! supported format at every test width.

use super::super::spec::SPECS;
use super::super::{IntermediateRow, RowCodec};
use super::{Rng, WIDTHS, canonical};

const SENTINEL: u8 = 0xA5;
/// Bytes after each destination row that the packer must leave alone.
const TAIL: usize = 9;

fn source_rows(codec: &RowCodec, width: usize, rng: &mut Rng) -> Vec<Vec<u8>> {
    let code = codec.info().format.code;
    (0..codec.plane_count())
        .map(|p| {
            let mut row = rng.bytes(codec.row_length(p, width).unwrap());
            canonical(code, p, width, &mut row);
            row
        })
        .collect()
}

#[test]
fn bytes_survive_unpack_then_pack() {
    let mut rng = Rng::new(0x5EED);
    for spec in &SPECS {
        let codec = RowCodec::for_code(spec.code).unwrap();
        let name = codec.info().format.name;
        let mut row = IntermediateRow::new(codec.info().model, 0, 0, false);
        for width in WIDTHS {
            for _ in 0..2 {
                let src = source_rows(&codec, width, &mut rng);
                let views: Vec<&[u8]> = src.iter().map(Vec::as_slice).collect();
                codec.unpack(&views, width, &mut row).unwrap();
                let mut dst: Vec<Vec<u8>> =
                    src.iter().map(|r| vec![SENTINEL; r.len() + TAIL]).collect();
                let mut views: Vec<&mut [u8]> = dst.iter_mut().map(Vec::as_mut_slice).collect();
                codec.pack(&row, width, &mut views).unwrap();
                for (p, (s, d)) in src.iter().zip(&dst).enumerate() {
                    assert!(
                        s[..] == d[..s.len()],
                        "{name} width {width} plane {p}: bytes differ"
                    );
                    assert!(
                        d[s.len()..].iter().all(|&b| b == SENTINEL),
                        "{name} width {width} plane {p}: wrote past the row"
                    );
                }
            }
        }
    }
}

/// A random code for channel `ch`: any integer in its code range, or for
/// floats any finite value of the sample type.
fn random_code(codec: &RowCodec, ch: usize, rng: &mut Rng) -> f32 {
    let info = codec.info();
    match info.code_range(ch) {
        Some((lo, hi)) => lo + rng.below((hi - lo) as u64 + 1) as f32,
        None if info.bits[ch] == 16 => loop {
            let v = half::f16::from_bits(rng.next() as u16).to_f32();
            if v.is_finite() {
                break v;
            }
        },
        None => loop {
            let v = f32::from_bits(rng.next() as u32);
            if v.is_finite() {
                break v;
            }
        },
    }
}

#[test]
fn codes_survive_pack_then_unpack() {
    let mut rng = Rng::new(0xC0DE);
    for spec in &SPECS {
        let codec = RowCodec::for_code(spec.code).unwrap();
        let name = codec.info().format.name;
        for width in WIDTHS {
            let mut row = codec.new_row(width);
            for (ch, channel) in row.channels_mut().into_iter().enumerate() {
                for v in channel {
                    *v = random_code(&codec, ch, &mut rng);
                }
            }
            let mut dst: Vec<Vec<u8>> = (0..codec.plane_count())
                .map(|p| vec![0; codec.row_length(p, width).unwrap()])
                .collect();
            let mut views: Vec<&mut [u8]> = dst.iter_mut().map(Vec::as_mut_slice).collect();
            codec.pack(&row, width, &mut views).unwrap();
            let views: Vec<&[u8]> = dst.iter().map(Vec::as_slice).collect();
            let mut back = IntermediateRow::new(codec.info().model, 1, 1, false);
            codec.unpack(&views, width, &mut back).unwrap();
            assert_eq!(back, row, "{name} width {width}");
        }
    }
}
