//! Error cases: unsupported formats and pairs, missing colour data, bad
//! frames — each a defined error, with nothing written to the destination.

use super::super::io::{ConvertError, DestPlane, FormatInfo, SourcePlane};
use super::super::plan::{ConversionPlan, ConversionRequest, DestinationColor, SourceColor};
use super::super::{DestFrame, SourceFrame};
use super::sweep::pattern;
use super::{Frame, format, supported};
use crate::core::color::{ColorPrimaries, TransferFunction, YCbCrMatrix};
use crate::core::pixel_format::{GeometryError, PixelFormat};

#[test]
fn unsupported_formats_are_refused_on_either_side() {
    let bgra = format(b"BGRA");
    let mut refused = 0;
    for f in PixelFormat::all() {
        if FormatInfo::new(f).is_ok() {
            continue;
        }
        refused += 1;
        let want = Err(ConvertError::Unsupported(f.code));
        assert_eq!(ConversionPlan::new(&ConversionRequest::new(f, bgra)), want);
        assert_eq!(ConversionPlan::new(&ConversionRequest::new(bgra, f)), want);
    }
    // Indexed, Bayer, 'bp64', depth/disparity and compressed formats.
    assert_eq!(refused, PixelFormat::all().len() - 66);
}

#[test]
fn two_component_formats_pair_only_among_themselves() {
    for f in supported() {
        for c2 in [b"2C08", b"2C16", b"2C0h", b"2C0f"] {
            let c2 = format(c2);
            let generic = f.short_name().starts_with("TwoComponent");
            for (s, d) in [(f, c2), (c2, f)] {
                let plan = ConversionPlan::new(&ConversionRequest::new(s, d));
                if generic {
                    assert!(plan.is_ok());
                } else {
                    assert_eq!(
                        plan,
                        Err(ConvertError::UnsupportedPair {
                            from: s.code,
                            to: d.code
                        })
                    );
                }
            }
        }
    }
}

#[test]
fn matching_without_the_source_tags_is_insufficient_colour_data() {
    let full = SourceColor {
        matrix: Some(YCbCrMatrix::Bt709),
        primaries: Some(ColorPrimaries::Bt709),
        transfer: Some(TransferFunction::Bt709),
        chroma_siting: None,
    };
    let to_2020 = DestinationColor {
        primaries: Some(ColorPrimaries::Bt2020),
        ..DestinationColor::default()
    };
    let to_pq = DestinationColor {
        transfer: Some(TransferFunction::Pq),
        ..DestinationColor::default()
    };
    let request = |s: &[u8; 4], tags: SourceColor, props: DestinationColor| ConversionRequest {
        source_color: tags,
        destination_color: props,
        ..ConversionRequest::new(format(s), format(b"BGRA"))
    };
    let insufficient = Err(ConvertError::InsufficientSourceColorData);
    let cases = [
        // A set property cannot be compared with a missing tag.
        (b"BGRA", SourceColor::default(), to_2020),
        (
            b"BGRA",
            SourceColor {
                primaries: None,
                ..full
            },
            to_2020,
        ),
        (
            b"BGRA",
            SourceColor {
                transfer: None,
                ..full
            },
            to_pq,
        ),
        // Matching needs the other tag too.
        (
            b"BGRA",
            SourceColor {
                transfer: None,
                ..full
            },
            to_2020,
        ),
        (
            b"BGRA",
            SourceColor {
                primaries: None,
                ..full
            },
            to_pq,
        ),
        // Y'CbCr sources need their matrix (QA1839).
        (
            b"420v",
            SourceColor {
                matrix: None,
                ..full
            },
            to_2020,
        ),
    ];
    for (s, tags, props) in cases {
        assert_eq!(
            ConversionPlan::new(&request(s, tags, props)),
            insufficient,
            "{tags:?} {props:?}"
        );
    }
    // The same sources convert when nothing asks for matching, and an RGB
    // source needs no matrix.
    for tags in [SourceColor::default(), full] {
        let plan = ConversionPlan::new(&request(b"420v", tags, DestinationColor::default()));
        assert!(!plan.unwrap().matches_colour());
    }
    let rgb = SourceColor {
        matrix: None,
        ..full
    };
    assert!(
        ConversionPlan::new(&request(b"BGRA", rgb, to_2020))
            .unwrap()
            .matches_colour()
    );
}

/// Runs `plan` with explicit planes and reports the error; the
/// destination must be left as it was.
fn refused(
    plan: &ConversionPlan,
    source: (usize, usize, &[SourcePlane<'_>]),
    destination: &mut Frame,
    size: (usize, usize),
    mangle: impl FnOnce(&mut Vec<DestPlane<'_>>),
) -> ConvertError {
    let before = destination.planes.clone();
    let mut dests = destination.dests();
    mangle(&mut dests);
    let err = plan
        .convert(
            &SourceFrame {
                width: source.0,
                height: source.1,
                planes: source.2,
            },
            &mut DestFrame {
                width: size.0,
                height: size.1,
                planes: &mut dests,
            },
        )
        .unwrap_err();
    drop(dests);
    assert_eq!(destination.planes, before, "destination written on {err:?}");
    err
}

#[test]
fn bad_frames_are_refused_before_anything_is_written() {
    let (s, d) = (format(b"BGRA"), format(b"420v"));
    let plan = ConversionPlan::new(&ConversionRequest::new(s, d)).unwrap();
    let source = pattern(s, 6, 4, 1);
    let planes = source.sources();
    let src = (6, 4, planes.as_slice());
    let mut dst = Frame::new(d, 6, 4);

    // One plane missing.
    let err = refused(&plan, src, &mut dst, (6, 4), |p| {
        p.pop();
    });
    assert!(matches!(
        err,
        ConvertError::Geometry(GeometryError::PlaneCount {
            expected: 2,
            given: 1
        })
    ));
    // A stride shorter than a row.
    let err = refused(&plan, src, &mut dst, (6, 4), |p| p[1].bytes_per_row = 5);
    assert!(matches!(
        err,
        ConvertError::Geometry(GeometryError::RowTooShort { plane: 1, .. })
    ));
    // A plane shorter than its rows.
    let err = refused(&plan, src, &mut dst, (6, 4), |p| {
        let data = std::mem::take(&mut p[0].data);
        let len = data.len();
        p[0].data = &mut data[..len - 1];
    });
    assert!(matches!(err, ConvertError::PlaneTooSmall { plane: 0, .. }));
    // A source too small for its claimed size.
    let err = refused(
        &plan,
        (6, 5, src.2),
        &mut Frame::new(d, 6, 5),
        (6, 5),
        |_| {},
    );
    assert!(matches!(err, ConvertError::PlaneTooSmall { plane: 0, .. }));
    // Empty frames.
    let err = refused(&plan, (0, 4, src.2), &mut dst, (0, 4), |_| {});
    assert_eq!(err, ConvertError::Geometry(GeometryError::ZeroSize));
}
