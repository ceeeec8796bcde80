//! The filter kernels, evaluated in f64.

use std::f64::consts::PI;

/// A resampling filter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Filter {
    /// Lanczos, 3 lobes: the default high-quality filter (sharp, little
    /// ringing).
    #[default]
    Lanczos3,
    /// Lanczos, 5 lobes: sharper and slower (vImage's high-quality flag).
    Lanczos5,
    /// Tent ("bilinear" when upscaling, an area-like average when
    /// downscaling): the cheap filter, never overshoots.
    Triangle,
}

impl Filter {
    /// Half-width of the kernel in input samples at scale 1.
    pub fn radius(self) -> f64 {
        match self {
            Filter::Lanczos3 => 3.0,
            Filter::Lanczos5 => 5.0,
            Filter::Triangle => 1.0,
        }
    }

    /// The kernel's value at distance `x` (in output-scaled samples).
    pub fn eval(self, x: f64) -> f64 {
        let x = x.abs();
        match self {
            Filter::Lanczos3 => lanczos(x, 3.0),
            Filter::Lanczos5 => lanczos(x, 5.0),
            Filter::Triangle => (1.0 - x).max(0.0),
        }
    }
}

fn sinc(x: f64) -> f64 {
    if x < 1e-12 {
        1.0
    } else {
        let px = PI * x;
        px.sin() / px
    }
}

fn lanczos(x: f64, a: f64) -> f64 {
    if x >= a { 0.0 } else { sinc(x) * sinc(x / a) }
}
