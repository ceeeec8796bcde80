use super::*;

fn ca(w: f64, h: f64, x: f64, y: f64) -> CleanAperture {
    CleanAperture::new(w, h, x, y).unwrap()
}

fn par(h: f64, v: f64) -> PixelAspectRatio {
    PixelAspectRatio::new(h, v).unwrap()
}

fn input(
    mode: ScalingMode,
    source: (usize, usize),
    destination: (usize, usize),
) -> GeometryInput<'static> {
    GeometryInput {
        mode,
        source,
        destination,
        source_clean_aperture: None,
        source_pixel_aspect_ratio: None,
        destination_clean_aperture: None,
        destination_pixel_aspect_ratio: None,
        grid: (2, 2),
        filter: Filter::Lanczos3,
    }
}

type Rects = ((f64, f64, f64, f64), (usize, usize, usize, usize));

fn rects(g: &Geometry) -> Rects {
    let s = g.placement.source;
    let t = g.placement.target;
    ((s.x, s.y, s.width, s.height), (t.x, t.y, t.width, t.height))
}

fn close(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    [(a.0, b.0), (a.1, b.1), (a.2, b.2), (a.3, b.3)]
        .iter()
        .all(|(x, y)| (x - y).abs() < 1e-9)
}

#[test]
fn normal_stretches_and_rescales_the_attachments() {
    let ca_value = ca(704.0, 480.0, 2.0, -1.0).to_value();
    let par_value = par(10.0, 11.0).to_value();
    let mut i = input(ScalingMode::Normal, (720, 480), (640, 240));
    i.source_clean_aperture = Some(&ca_value);
    i.source_pixel_aspect_ratio = Some(&par_value);
    // Ignored in Normal mode.
    i.destination_clean_aperture = Some(ca(2.0, 2.0, 0.0, 0.0));
    let g = resolve(&i).unwrap();
    assert_eq!(rects(&g).1, (0, 0, 640, 240));
    assert!(close(rects(&g).0, (0.0, 0.0, 720.0, 480.0)));
    let sx = 640.0 / 720.0;
    assert_eq!(
        g.clean_aperture,
        Some(ca(704.0 * sx, 240.0, 2.0 * sx, -0.5))
    );
    // 10·240·720 : 11·640·480 reduced = 45 : 88; display aspect kept.
    assert_eq!(g.pixel_aspect_ratio, Some(par(45.0, 88.0)));
    let before = 704.0 * 10.0 / (480.0 * 11.0);
    let after = 704.0 * sx * 45.0 / (240.0 * 88.0);
    assert!((before - after).abs() < 1e-12);
    // Without attachments: none written; malformed ones are dropped.
    let bad = Value::dictionary([("Width", Value::int(4))]);
    let mut i = input(ScalingMode::Normal, (8, 8), (4, 4));
    i.source_clean_aperture = Some(&bad);
    let g = resolve(&i).unwrap();
    assert_eq!((g.clean_aperture, g.pixel_aspect_ratio), (None, None));
}

#[test]
fn crop_maps_the_clean_aperture_onto_the_destination_aperture() {
    // NTSC DV: 720×480 with a 704×480 aperture (CVImageBuffer.h's example).
    let v = ca(704.0, 480.0, 0.0, 0.0).to_value();
    let mut i = input(
        ScalingMode::CropSourceToCleanAperture,
        (720, 480),
        (352, 240),
    );
    i.source_clean_aperture = Some(&v);
    let g = resolve(&i).unwrap();
    assert_eq!(rects(&g).1, (0, 0, 352, 240));
    assert!(close(rects(&g).0, (8.0, 0.0, 704.0, 480.0)));
    assert_eq!(g.pixel_aspect_ratio, Some(par(1.0, 1.0)));
    assert_eq!(g.clean_aperture, None);
    // Offset aperture (centre 10 right, 4 down) into an offset
    // destination aperture; odd edges round inwards to the 4:2:0 grid.
    let v = ca(100.0, 60.0, 10.0, 4.0).to_value();
    let mut i = input(
        ScalingMode::CropSourceToCleanAperture,
        (200, 100),
        (101, 51),
    );
    i.source_clean_aperture = Some(&v);
    i.destination_clean_aperture = Some(ca(51.0, 31.0, -10.0, 0.0));
    i.destination_pixel_aspect_ratio = Some(par(4.0, 3.0));
    let g = resolve(&i).unwrap();
    // Destination aperture: x 15..66, y 10..41 → 16..66, 10..40.
    assert_eq!(rects(&g).1, (16, 10, 50, 30));
    // Source aperture: x 60..160, y 24..84; scale 51/100, 31/60.
    let (kx, ky) = (51.0 / 100.0, 31.0 / 60.0);
    let want = (60.0 + 1.0 / kx, 24.0, 50.0 / kx, 30.0 / ky);
    assert!(close(rects(&g).0, want), "{:?} {want:?}", rects(&g).0);
    assert_eq!(g.clean_aperture, i.destination_clean_aperture);
    assert_eq!(g.pixel_aspect_ratio, Some(par(4.0, 3.0)));
}

#[test]
fn letterbox_fits_centred_and_keeps_the_picture_aspect() {
    // 16:9 into a square: bars top and bottom.
    let g = resolve(&input(ScalingMode::Letterbox, (1280, 720), (640, 640))).unwrap();
    assert_eq!(rects(&g).1, (0, 140, 640, 360));
    assert!(close(rects(&g).0, (0.0, 0.0, 1280.0, 720.0)));
    // 4:3 into 16:9: pillars.
    let g = resolve(&input(ScalingMode::Letterbox, (640, 480), (1920, 1080))).unwrap();
    assert_eq!(rects(&g).1, (240, 0, 1440, 1080));
    // Odd destination, 4:2:0 grid: ideal y 7.75..23.25 → 8..22; x is the
    // whole odd width.
    let g = resolve(&input(ScalingMode::Letterbox, (100, 50), (31, 31))).unwrap();
    assert_eq!(rects(&g).1, (0, 8, 31, 14));
    let k = 15.5 / 50.0;
    assert!(close(rects(&g).0, (0.0, 0.25 / k, 100.0, 14.0 / k)));
    // The source PAR counts: 720×480 at 10:11 is 4:3 → a 4:3 box in 16:9
    // square pixels, and that PAR is written unless a destination PAR is set.
    let p = par(10.0, 11.0).to_value();
    let mut i = input(ScalingMode::Letterbox, (720, 480), (1920, 1080));
    i.source_pixel_aspect_ratio = Some(&p);
    i.destination_pixel_aspect_ratio = Some(par(1.0, 1.0));
    let g = resolve(&i).unwrap();
    // 720·10/11 : 480 = 1.3636…; height 1080 → width 1472.7 → 226..1698.
    assert_eq!(rects(&g).1, (224, 0, 1472, 1080));
    i.destination_pixel_aspect_ratio = None;
    let g = resolve(&i).unwrap();
    assert_eq!(g.pixel_aspect_ratio, Some(par(10.0, 11.0)));
    // Same aspect in 10:11 pixels: 1080·(720/480)=1620 wide.
    assert_eq!(rects(&g).1, (150, 0, 1620, 1080));
}

#[test]
fn trim_covers_and_crops_centred() {
    // 16:9 source into a square: full height, the middle 720×720 source
    // square.
    let g = resolve(&input(ScalingMode::Trim, (1280, 720), (640, 640))).unwrap();
    assert_eq!(rects(&g).1, (0, 0, 640, 640));
    assert!(close(rects(&g).0, (280.0, 0.0, 720.0, 720.0)));
    // 4:3 into 16:9: full width, middle rows.
    let g = resolve(&input(ScalingMode::Trim, (640, 480), (1920, 1080))).unwrap();
    assert_eq!(rects(&g).1, (0, 0, 1920, 1080));
    assert!(close(rects(&g).0, (0.0, 60.0, 640.0, 360.0)));
    assert_eq!(g.pixel_aspect_ratio, Some(par(1.0, 1.0)));
}

#[test]
fn bad_input_is_refused() {
    let missing = Value::dictionary([("Width", Value::int(4)), ("Height", Value::int(4))]);
    let negative = ca(4.0, 4.0, 0.0, 0.0).to_value();
    let negative = match negative {
        Value::Dictionary(mut pairs) => {
            pairs[0].1 = Value::int(-4);
            Value::Dictionary(pairs)
        }
        other => other,
    };
    let nan = Value::dictionary([
        (
            "Width",
            Value::Number(crate::core::number::Number::from_f64(f64::NAN)),
        ),
        ("Height", Value::int(4)),
        ("HorizontalOffset", Value::int(0)),
        ("VerticalOffset", Value::int(0)),
    ]);
    let outside = ca(4.0, 4.0, 10.0, 0.0).to_value();
    let par_zero = Value::dictionary([
        ("HorizontalSpacing", Value::int(0)),
        ("VerticalSpacing", Value::int(1)),
    ]);
    for mode in [
        ScalingMode::CropSourceToCleanAperture,
        ScalingMode::Letterbox,
        ScalingMode::Trim,
    ] {
        for bad in [&missing, &negative, &nan, &outside, &Value::int(3)] {
            let mut i = input(mode, (8, 8), (8, 8));
            i.source_clean_aperture = Some(bad);
            assert_eq!(
                resolve(&i),
                Err(GeometryError::SourceCleanAperture),
                "{mode:?} {bad:?}"
            );
        }
        let mut i = input(mode, (8, 8), (8, 8));
        i.source_pixel_aspect_ratio = Some(&par_zero);
        assert_eq!(resolve(&i), Err(GeometryError::SourcePixelAspectRatio));
        let mut i = input(mode, (8, 8), (8, 8));
        i.destination_clean_aperture = Some(ca(8.0, 8.0, 1.0, 0.0));
        assert_eq!(resolve(&i), Err(GeometryError::DestinationCleanAperture));
        // An aperture narrower than one grid step rounds to nothing.
        let mut i = input(mode, (8, 8), (8, 8));
        i.destination_clean_aperture = Some(ca(1.0, 8.0, 0.5, 0.0));
        assert_eq!(resolve(&i), Err(GeometryError::Empty));
    }
    // A letterbox of a very wide picture into a tiny frame: nothing left.
    assert_eq!(
        resolve(&input(ScalingMode::Letterbox, (1000, 2), (4, 4))),
        Err(GeometryError::Empty)
    );
}
