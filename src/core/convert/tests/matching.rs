//! Colour matching on published values: BT.709 → BT.2020 primaries
//! (ITU-R BT.2087), PQ (SMPTE ST 2084) and HLG (ITU-R BT.2100) decoding,
//! and when matching does not happen. Expected values come from the
//! standards' own formulas written out here, not from `core::color`.

use super::super::plan::{
    ConversionPlan, ConversionRequest, DestinationColor, MatrixOrigin, SourceColor,
};
use super::{codes_frame, convert, format, pixel_codes};
use crate::core::color::{ColorPrimaries, TransferFunction, YCbCrMatrix};

/// ITU-R BT.2087-0 eq. (2): linear BT.709 RGB → linear BT.2020 RGB.
const BT2087: [[f64; 3]; 3] = [
    [0.6274, 0.3293, 0.0433],
    [0.0691, 0.9195, 0.0114],
    [0.0164, 0.0880, 0.8956],
];

/// BT.709 OETF (BT.709-6 item 1.2).
fn oetf_709(l: f64) -> f64 {
    if l < 0.018 {
        4.5 * l
    } else {
        1.099 * l.powf(0.45) - 0.099
    }
}

fn inverse_oetf_709(v: f64) -> f64 {
    if v < 4.5 * 0.018 {
        v / 4.5
    } else {
        ((v + 0.099) / 1.099).powf(1.0 / 0.45)
    }
}

/// SMPTE ST 2084 EOTF: signal → cd/m².
fn pq_nits(v: f64) -> f64 {
    let (m1, m2) = (0.1593017578125, 78.84375);
    let (c1, c2, c3) = (0.8359375, 18.8515625, 18.6875);
    let p = v.powf(1.0 / m2);
    10000.0 * ((p - c1).max(0.0) / (c2 - c3 * p)).powf(1.0 / m1)
}

/// BT.2100 HLG inverse OETF on the 0..12 scene-light scale.
fn hlg_linear(v: f64) -> f64 {
    let a: f64 = 0.17883277;
    let b = 1.0 - 4.0 * a;
    let c = 0.5 - a * (4.0 * a).ln();
    12.0 * if v <= 0.5 {
        v * v / 3.0
    } else {
        ((((v - c) / a).exp()) + b) / 12.0
    }
}

fn float_request(source: SourceColor, destination: DestinationColor) -> ConversionRequest {
    let rgfa = format(b"RGfA");
    ConversionRequest {
        source_color: source,
        destination_color: destination,
        ..ConversionRequest::new(rgfa, rgfa)
    }
}

/// Converts one row of float RGB pixels and returns the output pixels.
fn run_float(request: &ConversionRequest, pixels: &[[f32; 3]]) -> Vec<[f32; 3]> {
    let source = codes_frame(request.source, pixels.len(), 1, |x, _| {
        let [r, g, b] = pixels[x];
        [r, g, b, 1.0]
    });
    let out = convert(request, &source);
    (0..pixels.len())
        .map(|x| {
            let p = pixel_codes(&out, x, 0);
            [p[0], p[1], p[2]]
        })
        .collect()
}

#[test]
fn bt709_to_bt2020_primaries_in_linear_light() {
    let request = float_request(
        SourceColor {
            primaries: Some(ColorPrimaries::Bt709),
            transfer: Some(TransferFunction::Linear),
            ..SourceColor::default()
        },
        DestinationColor {
            primaries: Some(ColorPrimaries::Bt2020),
            ..DestinationColor::default()
        },
    );
    let plan = ConversionPlan::new(&request).unwrap();
    assert!(plan.matches_colour());
    assert_eq!(plan.destination_primaries(), Some(ColorPrimaries::Bt2020));
    assert_eq!(plan.destination_transfer(), Some(TransferFunction::Linear));
    let inputs = [
        [1.0, 0.0, 0.0],
        [0.0, 1.0, 0.0],
        [0.0, 0.0, 1.0],
        [1.0, 1.0, 1.0],
    ];
    let out = run_float(&request, &inputs);
    for (k, o) in out.iter().take(3).enumerate() {
        for i in 0..3 {
            assert!((f64::from(o[i]) - BT2087[i][k]).abs() < 1e-4, "{k}: {o:?}");
        }
    }
    // White stays white (both D65).
    assert!(out[3].iter().all(|&v| (v - 1.0).abs() < 1e-5));
}

#[test]
fn bt709_to_bt2020_through_the_bt709_curve() {
    let request = float_request(
        SourceColor {
            primaries: Some(ColorPrimaries::Bt709),
            transfer: Some(TransferFunction::Bt709),
            matrix: Some(YCbCrMatrix::Bt709),
            ..SourceColor::default()
        },
        DestinationColor {
            primaries: Some(ColorPrimaries::Bt2020),
            // The same curve under its other name: the transfer does not
            // differ, only the primaries do.
            transfer: Some(TransferFunction::Bt2020),
            ..DestinationColor::default()
        },
    );
    let input: [f32; 3] = [0.5, 0.25, 0.75];
    let out = run_float(&request, &[input])[0];
    let linear = input.map(|v| inverse_oetf_709(f64::from(v)));
    for i in 0..3 {
        let l: f64 = (0..3).map(|k| BT2087[i][k] * linear[k]).sum();
        assert!((f64::from(out[i]) - oetf_709(l)).abs() < 1e-3, "{out:?}");
    }
}

#[test]
fn pq_decodes_to_linear_with_one_at_100_nits() {
    let request = float_request(
        SourceColor {
            primaries: Some(ColorPrimaries::Bt2020),
            transfer: Some(TransferFunction::Pq),
            ..SourceColor::default()
        },
        DestinationColor {
            transfer: Some(TransferFunction::Linear),
            ..DestinationColor::default()
        },
    );
    // Published PQ signals: 100, 203 and 1000 cd/m², plus 0 and the peak.
    let cases = [
        (0.0, 0.0),
        (0.508078, 100.0),
        (0.580690, 203.0),
        (0.751827, 1000.0),
        (1.0, 10000.0),
    ];
    let pixels: Vec<[f32; 3]> = cases.iter().map(|&(s, _)| [s as f32; 3]).collect();
    let out = run_float(&request, &pixels);
    for ((signal, nits), o) in cases.iter().zip(&out) {
        let exact = pq_nits(f64::from(*signal as f32)) / 100.0;
        for &v in o {
            let v = f64::from(v);
            assert!(
                (v - exact).abs() <= 1e-4 * exact.max(1.0),
                "{signal}: {v} vs {exact}"
            );
            // The published signal values are rounded to 6 decimals.
            assert!(
                (v - nits / 100.0).abs() <= 2e-4 * (nits / 100.0).max(1.0),
                "{signal}"
            );
        }
    }
}

#[test]
fn hlg_decodes_to_the_zero_to_twelve_scale() {
    let request = float_request(
        SourceColor {
            primaries: Some(ColorPrimaries::Bt2020),
            transfer: Some(TransferFunction::Hlg),
            ..SourceColor::default()
        },
        DestinationColor {
            transfer: Some(TransferFunction::Linear),
            ..DestinationColor::default()
        },
    );
    let signals = [0.0, 0.25, 0.5, 0.75, 1.0];
    let pixels: Vec<[f32; 3]> = signals.iter().map(|&s| [s as f32; 3]).collect();
    let out = run_float(&request, &pixels);
    for (s, o) in signals.iter().zip(&out) {
        let want = hlg_linear(*s);
        assert!(
            (f64::from(o[0]) - want).abs() <= 1e-5 * want.max(1.0),
            "{s}"
        );
    }
    // Reference points: signal 0.5 is scene light 1.0, signal 1.0 is 12.
    assert!((out[2][0] - 1.0).abs() < 1e-5 && (out[4][0] - 12.0).abs() < 1e-4);
}

#[test]
fn pq_ycbcr_source_is_decoded_through_its_matrix() {
    // A 10-bit video-range PQ grey at the code nearest 100 cd/m².
    let x420 = format(b"x420");
    let request = ConversionRequest {
        source_color: SourceColor {
            matrix: Some(YCbCrMatrix::Bt2020),
            primaries: Some(ColorPrimaries::Bt2020),
            transfer: Some(TransferFunction::Pq),
            ..SourceColor::default()
        },
        destination_color: DestinationColor {
            transfer: Some(TransferFunction::Linear),
            ..DestinationColor::default()
        },
        ..ConversionRequest::new(x420, format(b"RGfA"))
    };
    let source = codes_frame(x420, 4, 2, |_, _| [509.0, 512.0, 512.0, 0.0]);
    let out = convert(&request, &source);
    let want = pq_nits((509.0 - 64.0) / 876.0) / 100.0;
    for x in 0..4 {
        let p = pixel_codes(&out, x, 1);
        for &v in &p[..3] {
            assert!((f64::from(v) - want).abs() < 1e-4, "{p:?} vs {want}");
        }
        assert_eq!(p[3], 1.0);
    }
}

#[test]
fn hdr_to_sdr_clips_at_white() {
    let request = ConversionRequest {
        source_color: SourceColor {
            primaries: Some(ColorPrimaries::Bt2020),
            transfer: Some(TransferFunction::Pq),
            ..SourceColor::default()
        },
        destination_color: DestinationColor {
            transfer: Some(TransferFunction::Srgb),
            ..DestinationColor::default()
        },
        ..ConversionRequest::new(format(b"RGfA"), format(b"BGRA"))
    };
    let source = codes_frame(request.source, 2, 1, |x, _| {
        let s = [0.751827, 0.508078][x];
        [s, s, s, 1.0]
    });
    let out = convert(&request, &source);
    // 1000 cd/m² is 10× SDR white: clipped. 100 cd/m² is SDR white.
    assert_eq!(pixel_codes(&out, 0, 0), [255.0; 4]);
    assert_eq!(pixel_codes(&out, 1, 0), [255.0; 4]);
}

#[test]
fn no_matching_when_properties_equal_the_tags() {
    let tags = SourceColor {
        primaries: Some(ColorPrimaries::Bt709),
        transfer: Some(TransferFunction::Bt709),
        matrix: Some(YCbCrMatrix::Bt709),
        ..SourceColor::default()
    };
    for destination in [
        DestinationColor {
            primaries: Some(ColorPrimaries::Bt709),
            transfer: Some(TransferFunction::Bt709),
            ..DestinationColor::default()
        },
        // ITU_R_2020 is declared equivalent to ITU_R_709_2.
        DestinationColor {
            transfer: Some(TransferFunction::Bt2020),
            ..DestinationColor::default()
        },
        // A matrix property alone is not colour matching.
        DestinationColor {
            matrix: Some(YCbCrMatrix::Bt601),
            ..DestinationColor::default()
        },
    ] {
        let request = ConversionRequest {
            source_color: tags,
            destination_color: destination,
            ..ConversionRequest::new(format(b"420v"), format(b"BGRA"))
        };
        let plan = ConversionPlan::new(&request).unwrap();
        assert!(!plan.matches_colour(), "{destination:?}");
        assert_eq!(
            plan.source_matrix(),
            Some((YCbCrMatrix::Bt709, MatrixOrigin::SourceTag))
        );
    }
    // Matching on a two-component pair is never attempted.
    let c2 = format(b"2C08");
    let request = ConversionRequest {
        destination_color: DestinationColor {
            primaries: Some(ColorPrimaries::Bt2020),
            ..DestinationColor::default()
        },
        ..ConversionRequest::new(c2, c2)
    };
    assert!(!ConversionPlan::new(&request).unwrap().matches_colour());
}
