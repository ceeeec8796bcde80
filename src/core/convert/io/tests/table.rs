//! The component layouts agree with the format table, and the metadata the
//! colour stage reads is what the fact sheet says.

use super::super::spec::{self, PlaneCodec, Sample};
use super::super::{Coding, ColorModel, ConvertError, FormatInfo, RowCodec, row::channel::*};
use super::format;
use crate::core::pixel_format::{Alpha, Endian, Family, PixelFormat, Storage};

#[test]
fn every_format_is_supported_or_reports_unsupported() {
    let mut supported = 0;
    for f in PixelFormat::all() {
        let expected = FormatInfo::supports_family(f.family);
        match FormatInfo::new(f) {
            Ok(_) => {
                assert!(expected, "{}", f.name);
                supported += 1;
            }
            Err(e) => {
                assert!(!expected, "{}: {e}", f.name);
                assert_eq!(e, ConvertError::Unsupported(f.code));
                assert_eq!(RowCodec::new(f), Err(ConvertError::Unsupported(f.code)));
            }
        }
    }
    assert_eq!(supported, spec::SPECS.len());
    assert_eq!(supported, 66);
    assert_eq!(
        FormatInfo::for_code(0x1234_5678),
        Err(ConvertError::Unsupported(0x1234_5678))
    );
    for excluded in [
        b"grb4", b"btp2", b"bp64", b"hdis", b"fdep", b"&8v0", b"-BGA",
    ] {
        assert!(FormatInfo::new(format(excluded)).is_err());
    }
    for indexed in [1, 2, 4, 8, 0x21, 0x28] {
        assert!(FormatInfo::for_code(indexed).is_err());
    }
}

/// Storage and block size of every plane, endianness, component count,
/// alpha, depth and colour model, all against `core::pixel_format`.
#[test]
fn layouts_agree_with_the_format_table() {
    for s in &spec::SPECS {
        let f = PixelFormat::find(s.code).expect("spec names a known format");
        let info = FormatInfo::new(f).unwrap();
        assert_eq!(s.planes.len(), f.planes().len(), "{}", f.name);
        for (codec, plane) in s.planes.iter().zip(f.planes()) {
            let (bytes, width) = codec.block();
            assert_eq!(bytes, usize::from(plane.bytes_per_block), "{}", f.name);
            assert_eq!(width, usize::from(plane.block_width), "{}", f.name);
            let components = match codec {
                PlaneCodec::Interleaved(slots) => slots.len(),
                PlaneCodec::Word { fields, .. } => fields.len(),
                PlaneCodec::Pairs422 { .. } | PlaneCodec::V210 => 3,
            };
            assert_eq!(components, usize::from(plane.components), "{}", f.name);
            match (codec, plane.storage) {
                (PlaneCodec::Interleaved(slots), storage) => {
                    for &(_, sample) in *slots {
                        check_sample(f, sample, storage);
                    }
                }
                (PlaneCodec::Word { bytes, big, .. }, Storage::PackedWord { bits }) => {
                    assert_eq!(u32::from(*bytes) * 8, u32::from(bits), "{}", f.name);
                    assert_eq!(*big, f.endian == Endian::Big, "{}", f.name);
                }
                (PlaneCodec::Pairs422 { sample, .. }, storage) => check_sample(f, *sample, storage),
                (PlaneCodec::V210, Storage::PackedWord { bits: 32 }) => {
                    assert_eq!(f.endian, Endian::Little)
                }
                (codec, storage) => panic!("{}: {codec:?} vs {storage:?}", f.name),
            }
        }
        // Alpha channel present exactly when the table says so.
        assert_eq!(info.bits[A] != 0, f.has_alpha(), "{}", f.name);
        assert_eq!(info.has_alpha(), f.has_alpha(), "{}", f.name);
        // The table's depth is the widest colour component.
        let widest = info.bits[..3].iter().copied().max().unwrap();
        assert_eq!(widest, f.bits_per_component, "{}", f.name);
        let model = match f.family {
            Family::Rgb => ColorModel::Rgb,
            Family::YCbCr => ColorModel::YCbCr,
            Family::Gray | Family::OneComponent => ColorModel::Gray,
            Family::TwoComponent => ColorModel::TwoComponent,
            other => panic!("{}: {other:?}", f.name),
        };
        assert_eq!(info.model, model, "{}", f.name);
        // Channels present per model.
        let present: Vec<bool> = info.bits[..3].iter().map(|&b| b != 0).collect();
        let expected: &[bool] = match model {
            ColorModel::Rgb | ColorModel::YCbCr => &[true, true, true],
            ColorModel::Gray => &[true, false, false],
            ColorModel::TwoComponent => &[true, true, false],
        };
        assert_eq!(present, expected, "{}", f.name);
        // Chroma subsampling: the Cb/Cr plane's own for planar formats,
        // 2×1 for the pixel-pair layouts, none otherwise.
        let chroma = s
            .planes
            .iter()
            .zip(f.planes())
            .find_map(|(codec, plane)| match codec {
                PlaneCodec::Pairs422 { .. } | PlaneCodec::V210 => Some((2, 1)),
                PlaneCodec::Interleaved(slots) if slots.iter().any(|&(c, _)| c == CB) => (model
                    == ColorModel::YCbCr)
                    .then_some((plane.h_subsampling, plane.v_subsampling)),
                _ => None,
            })
            .unwrap_or((1, 1));
        assert_eq!(info.chroma_subsampling, chroma, "{}", f.name);
    }
}

fn check_sample(f: &PixelFormat, sample: Sample, storage: Storage) {
    match (sample, storage) {
        (Sample::U8 | Sample::S8, Storage::Container { bits: 8 })
        | (Sample::F16, Storage::Float { bits: 16 })
        | (Sample::F32, Storage::Float { bits: 32 }) => {}
        (Sample::U16 { big, .. }, Storage::Container { bits: 16 }) => {
            assert_eq!(big, f.endian == Endian::Big, "{}", f.name)
        }
        _ => panic!("{}: {sample:?} stored as {storage:?}", f.name),
    }
    if sample.bytes() > 1 && !matches!(sample, Sample::U16 { big: true, .. }) {
        assert_eq!(f.endian, Endian::Little, "{}", f.name);
    }
}

#[test]
fn metadata_for_the_colour_stage() {
    let x420 = FormatInfo::new(format(b"x420")).unwrap();
    assert_eq!(x420.coding, Coding::Video);
    assert_eq!(x420.bits, [10, 10, 10, 0]);
    assert_eq!(x420.chroma_subsampling, (2, 2));
    assert_eq!(x420.code_range(Y), Some((0.0, 1023.0)));
    assert_eq!(x420.code_range(A), None);
    assert_eq!(x420.chroma_width(5), 3);

    let xf22 = FormatInfo::new(format(b"xf22")).unwrap();
    assert_eq!(
        (xf22.coding, xf22.chroma_subsampling),
        (Coding::Full, (2, 1))
    );

    let v210 = FormatInfo::new(format(b"v210")).unwrap();
    assert_eq!(
        (v210.bits, v210.chroma_subsampling),
        ([10, 10, 10, 0], (2, 1))
    );

    let l565 = FormatInfo::new(format(b"L565")).unwrap();
    assert_eq!(l565.bits, [5, 6, 5, 0]);
    assert_eq!(l565.code_range(G), Some((0.0, 63.0)));

    let l10r = FormatInfo::new(format(b"l10r")).unwrap();
    assert_eq!(l10r.bits, [10, 10, 10, 2]);
    assert_eq!(l10r.opaque_alpha(), Some(3.0));

    let w40m = FormatInfo::new(format(b"w40m")).unwrap();
    assert_eq!(w40m.coding, Coding::Xr);
    assert_eq!(w40m.alpha, Alpha::Premultiplied);
    assert_eq!(w40m.alpha_coding, Some(Coding::Xr));
    assert_eq!(w40m.opaque_alpha(), Some(894.0));
    let w40a = FormatInfo::new(format(b"w40a")).unwrap();
    assert_eq!(w40a.alpha, Alpha::Present);

    let b3a8 = FormatInfo::new(format(b"b3a8")).unwrap();
    assert_eq!(
        (b3a8.coding, b3a8.alpha_coding),
        (Coding::Xr, Some(Coding::Full))
    );
    assert_eq!(b3a8.bits, [10, 10, 10, 8]);
    assert_eq!(b3a8.opaque_alpha(), Some(255.0));

    let r210 = FormatInfo::new(format(b"r210")).unwrap();
    assert_eq!(r210.coding, Coding::Video);

    let r408 = FormatInfo::new(format(b"r408")).unwrap();
    assert_eq!(r408.coding, Coding::ZeroBiased);
    assert_eq!(r408.signed, [false, true, true, false]);
    assert_eq!(r408.code_range(CB), Some((-128.0, 127.0)));
    assert_eq!(r408.code_range(Y), Some((0.0, 255.0)));

    let r4fl = FormatInfo::new(format(b"r4fl")).unwrap();
    assert_eq!(
        (r4fl.coding, r4fl.alpha_coding),
        (Coding::Float, Some(Coding::Float))
    );
    assert_eq!(r4fl.code_range(Y), None);
    assert_eq!(r4fl.opaque_alpha(), Some(1.0));
    let v408 = FormatInfo::new(format(b"v408")).unwrap();
    assert_eq!(v408.opaque_alpha(), Some(235.0));

    let rgha = FormatInfo::new(format(b"RGhA")).unwrap();
    assert_eq!((rgha.coding, rgha.bits), (Coding::Float, [16, 16, 16, 16]));

    let s4as = FormatInfo::new(format(b"s4as")).unwrap();
    assert_eq!(s4as.opaque_alpha(), Some(65535.0));
    assert_eq!(s4as.code_range(A), Some((0.0, 65535.0)));

    let l012 = FormatInfo::new(format(b"L012")).unwrap();
    assert_eq!((l012.model, l012.bits), (ColorModel::Gray, [12, 0, 0, 0]));

    let c2 = FormatInfo::new(format(b"2C16")).unwrap();
    assert_eq!(
        (c2.model, c2.bits, c2.alpha_coding),
        (ColorModel::TwoComponent, [16, 16, 0, 0], None)
    );

    let a2vy = FormatInfo::new(format(b"a2vy")).unwrap();
    assert_eq!((a2vy.chroma_subsampling, a2vy.bits[A]), ((2, 1), 8));
    let v0a8 = FormatInfo::new(format(b"v0a8")).unwrap();
    assert_eq!((v0a8.chroma_subsampling, v0a8.bits[A]), ((2, 2), 8));
    assert_eq!(
        FormatInfo::new(format(b"y420")).unwrap().chroma_subsampling,
        (2, 2)
    );
    assert_eq!(
        FormatInfo::new(format(b"444f")).unwrap().chroma_subsampling,
        (1, 1)
    );
}
