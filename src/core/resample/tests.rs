use super::*;
use crate::core::test_rng::Rng;

const FILTERS: [Filter; 3] = [Filter::Lanczos3, Filter::Lanczos5, Filter::Triangle];

fn taps(filter: Filter, input: usize, output: usize) -> Taps {
    Taps::new(
        filter,
        input,
        output,
        Mapping::region(0.0, input as f64, output),
    )
    .unwrap()
}

fn run(taps: &Taps, input: &[f32]) -> Vec<f32> {
    let mut out = vec![0.0; taps.len()];
    resample_row(taps, input, &mut out);
    out
}

/// Independent f64 reference: the kernel evaluated at every input sample
/// (edges mirrored), normalised.
fn reference(filter: Filter, input: &[f64], map: Mapping, output: usize) -> Vec<f64> {
    let scale = map.step.max(1.0);
    let n = input.len() as i64;
    (0..output)
        .map(|j| {
            let t = map.start + j as f64 * map.step;
            let r = filter.radius() * scale;
            let (mut acc, mut sum) = (0.0, 0.0);
            for i in (t - r).ceil() as i64..=(t + r).floor() as i64 {
                let w = filter.eval((i as f64 - t) / scale);
                let period = 2 * (n - 1).max(1);
                let m = i.rem_euclid(period);
                let m = if m >= n { period - m } else { m };
                acc += w * input[m.clamp(0, n - 1) as usize];
                sum += w;
            }
            acc / sum
        })
        .collect()
}

#[test]
fn same_size_is_an_exact_copy() {
    for filter in FILTERS {
        for n in [1, 2, 7, 64] {
            let t = taps(filter, n, n);
            assert!(t.is_identity(), "{filter:?} {n}");
            let input: Vec<f32> = (0..n).map(|i| i as f32 * 0.37).collect();
            assert_eq!(run(&t, &input), input);
        }
    }
}

#[test]
fn weights_sum_to_one_and_stay_inside_the_input() {
    for filter in FILTERS {
        for (input, output) in [
            (1, 5),
            (5, 1),
            (7, 3),
            (3, 7),
            (1920, 1279),
            (100, 13),
            (2, 9),
        ] {
            let t = taps(filter, input, output);
            assert_eq!(t.len(), output);
            for j in 0..output {
                assert!(t.first(j) + t.count() <= input);
                let sum: f64 = t.weights(j).iter().map(|&w| f64::from(w)).sum();
                assert!(
                    (sum - 1.0).abs() < 1e-6,
                    "{filter:?} {input}->{output} {sum}"
                );
                assert!(t.support(j).start >= t.first(j));
            }
            let fixed = t.to_fixed();
            for j in 0..output {
                let sum: i32 = fixed.weights(j).iter().map(|&w| i32::from(w)).sum();
                assert_eq!(sum, 1 << FIXED_BITS);
            }
        }
    }
}

#[test]
fn constants_stay_constant() {
    for filter in FILTERS {
        for (input, output) in [(9, 4), (4, 9), (1080, 720), (37, 100), (3, 1)] {
            let t = taps(filter, input, output);
            for value in [0u8, 1, 128, 254, 255] {
                let row = vec![value; input * 3];
                let mut out = vec![0; output * 3];
                resample_interleaved_u8(&t.to_fixed(), 3, &row, &mut out);
                assert!(out.iter().all(|&x| x == value), "{filter:?} {value}");
            }
            for v in [0.7f32, 1.0, -0.3, 1e6] {
                let row = vec![v; input];
                assert!(run(&t, &row).iter().all(|&x| x == v), "{filter:?} {v}");
                let rows = vec![&row[..]; t.count()];
                let mut out = vec![0.0; input];
                blend_rows(t.weights(0), &rows, &mut out);
                assert!(out.iter().all(|&x| x == v));
            }
        }
    }
}

#[test]
fn halving_a_checkerboard_gives_its_mean() {
    let row: Vec<u8> = (0..64).map(|i| if i % 2 == 0 { 0 } else { 255 }).collect();
    for filter in FILTERS {
        let t = taps(filter, 64, 32).to_fixed();
        let mut out = vec![0; 32];
        resample_interleaved_u8(&t, 1, &row, &mut out);
        for x in out {
            assert!((i32::from(x) - 128).abs() <= 1, "{filter:?} {x}");
        }
    }
}

#[test]
fn matches_an_independent_f64_model() {
    let mut rng = Rng::new(5);
    for filter in FILTERS {
        for (input, output, offset, extent) in [
            (17, 5, 0.0, 17.0),
            (5, 17, 0.0, 5.0),
            (40, 11, 3.25, 30.5),
            (40, 60, 10.0, 13.0),
            (1, 3, 0.0, 1.0),
        ] {
            let data: Vec<f64> = (0..input).map(|_| rng.unit()).collect();
            let map = Mapping::region(offset, extent, output);
            let want = reference(filter, &data, map, output);
            let t = Taps::new(filter, input, output, map).unwrap();
            let f: Vec<f32> = data.iter().map(|&x| x as f32).collect();
            for (got, want) in run(&t, &f).iter().zip(&want) {
                assert!((f64::from(*got) - want).abs() < 1e-5, "{filter:?}");
            }
        }
    }
}

#[test]
fn interleaved_and_vertical_agree_with_planar() {
    let t = taps(Filter::Lanczos3, 23, 10);
    let planar: Vec<Vec<f32>> = (0..3)
        .map(|c| (0..23).map(|i| ((i * 7 + c * 3) % 11) as f32).collect())
        .collect();
    let interleaved: Vec<f32> = (0..23)
        .flat_map(|i| (0..3).map(move |c| (i, c)))
        .map(|(i, c)| planar[c][i])
        .collect();
    let mut out = vec![0.0; 30];
    resample_interleaved(&t, 3, &interleaved, &mut out);
    for c in 0..3 {
        let p = run(&t, &planar[c]);
        for j in 0..10 {
            assert!((out[j * 3 + c] - p[j]).abs() < 1e-5);
        }
    }
    // Vertically: column j of a blend equals the horizontal resample.
    let rows: Vec<&[f32]> = (0..t.count())
        .map(|k| &planar[0][t.first(4) + k..t.first(4) + k + 1])
        .collect();
    let mut v = [0.0];
    blend_rows(t.weights(4), &rows, &mut v);
    assert!((v[0] - run(&t, &planar[0])[4]).abs() < 1e-5);
    let mut acc = [rows[0][0]];
    for (k, row) in rows.iter().enumerate() {
        accumulate_difference(t.weights(4)[k], row, rows[0], &mut acc);
    }
    assert!((acc[0] - v[0]).abs() < 1e-6);
}

#[test]
fn sited_grids_line_up() {
    // 4:2:0 "Left" chroma of a 10-pixel row to the same grid, same size:
    // an identity; to a 5-pixel row: chroma sample j at pixel 2j → source
    // pixel 4j + 0.5·…, i.e. index 2j + 0.25 - …; check against formula.
    let same = Mapping::sited(0.0, 10.0, 10, (2, 0.0), (2, 0.0));
    assert_eq!(
        same,
        Mapping {
            start: 0.0,
            step: 1.0
        }
    );
    let centred = Mapping::sited(0.0, 10.0, 10, (2, 0.5), (2, 0.5));
    assert_eq!(
        centred,
        Mapping {
            start: 0.0,
            step: 1.0
        }
    );
    // Full-resolution input into a centred 2:1 grid at the same size: the
    // output sample sits between pixels 0 and 1.
    let m = Mapping::sited(0.0, 10.0, 10, (1, 0.0), (2, 0.5));
    assert_eq!(
        m,
        Mapping {
            start: 0.5,
            step: 2.0
        }
    );
}

#[test]
fn bad_mappings_are_refused() {
    let ok = Mapping::region(0.0, 4.0, 2);
    assert!(Taps::new(Filter::Lanczos3, 0, 2, ok).is_none());
    for bad in [
        Mapping {
            start: f64::NAN,
            step: 1.0,
        },
        Mapping {
            start: 0.0,
            step: 0.0,
        },
        Mapping {
            start: 0.0,
            step: -1.0,
        },
        Mapping {
            start: f64::INFINITY,
            step: 1.0,
        },
    ] {
        assert!(Taps::new(Filter::Lanczos3, 4, 2, bad).is_none());
    }
    // Zero outputs: an empty table.
    assert!(Taps::new(Filter::Lanczos3, 4, 0, ok).unwrap().is_empty());
}
