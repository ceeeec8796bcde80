//! Tabulated transfer curves for per-pixel colour matching: a transfer
//! function's `to_linear` or `from_linear` sampled once per conversion and
//! evaluated with linear interpolation in f32.
//!
//! # Sampling
//!
//! Every curve here is odd (`f(−x) = −f(x)`), so the table covers |x| and
//! the sign is put back. Samples are spaced evenly within each power-of-two
//! interval ("binade") of |x|, [`STEPS_PER_BINADE`] per binade, from
//! 2^[`MIN_EXP`] up to 2^[`MAX_EXP`]: the spacing is relative (at most
//! 2^−10 of x), which is what power-law curves need near 0, where a uniform
//! grid fails (x^(1/2.2) has unbounded slope at 0). The segment of an f32
//! is read straight off its bits (exponent and the top mantissa bits), and
//! its remaining mantissa bits are the interpolation weight.
//!
//! Segments where the straight line misses the curve at the segment's
//! quarter points by more than [`SEGMENT_TOLERANCE`] (relative) are marked
//! and evaluated exactly: the breakpoints of the piecewise curves, where
//! BT.709's and SMPTE 240M's published constants leave a small jump
//! (BT.709 decodes 0.081 to 0.01795 from above but 0.018 from below).
//!
//! Inputs outside the table — |x| below 2^MIN_EXP or at least 2^MAX_EXP
//! (HDR highlights, wildly out-of-gamut values), NaN, infinities — are
//! evaluated exactly in f64, so no input is ever clamped.
//!
//! # Precision
//!
//! Linear interpolation of a curve whose log-log slope is `s` over a
//! segment of relative width `h` errs by about `|s(s−1)|/8 · h²` relative.
//! With h = 2^−10: ≈ 6·10^−7 for gamma 2.8 decoding, ≈ 1·10^−5 for PQ
//! decoding near white (s ≈ 10), and less for every encoding direction;
//! the kink of piecewise curves (BT.709's at 0.018, sRGB's at 0.0031) joins
//! two nearly equal slopes and adds less than that. After re-encoding this
//! is well under a code at 16 bits; the matching and sweep tests pin it
//! against the f64 model.

use super::transfer::TransferFunction;

/// Samples per power-of-two interval of |x|: 2^10.
pub const STEPS_PER_BINADE_LOG2: u32 = 10;
pub const STEPS_PER_BINADE: usize = 1 << STEPS_PER_BINADE_LOG2;
/// The table starts at 2^MIN_EXP (below it: exact evaluation).
pub const MIN_EXP: i32 = -20;
/// The table ends at 2^MAX_EXP (PQ's linear peak is 100, HLG's 12).
pub const MAX_EXP: i32 = 7;

/// Largest relative miss of a segment's line before the segment is
/// evaluated exactly instead.
pub const SEGMENT_TOLERANCE: f64 = 1e-6;

/// Which direction of a transfer function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Encoded → linear (`TransferFunction::to_linear`).
    ToLinear,
    /// Linear → encoded (`TransferFunction::from_linear`).
    FromLinear,
}

/// One direction of a transfer function, tabulated (see the module docs).
#[derive(Clone, Debug, PartialEq)]
pub struct TransferLut {
    curve: TransferFunction,
    direction: Direction,
    /// `None` for the identity (`Linear`).
    table: Option<Vec<f32>>,
    /// Per segment: evaluate exactly (a breakpoint lies inside).
    exact: Vec<bool>,
}

const MANTISSA_BITS: u32 = 23;
const SEGMENT_SHIFT: u32 = MANTISSA_BITS - STEPS_PER_BINADE_LOG2;
const FRACTION_MASK: u32 = (1 << SEGMENT_SHIFT) - 1;
/// f32 bits of 2^MIN_EXP and 2^MAX_EXP.
const LOW_BITS: u32 = ((127 + MIN_EXP) as u32) << MANTISSA_BITS;
const HIGH_BITS: u32 = ((127 + MAX_EXP) as u32) << MANTISSA_BITS;

impl TransferLut {
    /// Samples `curve` in `direction`; `None` if the table memory cannot
    /// be allocated.
    pub fn new(curve: TransferFunction, direction: Direction) -> Option<TransferLut> {
        let mut marks = Vec::new();
        let table = if curve == TransferFunction::Linear {
            None
        } else {
            let n = ((HIGH_BITS - LOW_BITS) >> SEGMENT_SHIFT) as usize + 1;
            let at = |i: usize| f64::from(f32::from_bits(LOW_BITS + ((i as u32) << SEGMENT_SHIFT)));
            let f = |x: f64| exact(curve, direction, x);
            let mut t = Vec::new();
            t.try_reserve_exact(n).ok()?;
            marks.try_reserve_exact(n).ok()?;
            for i in 0..n {
                t.push(f(at(i)) as f32);
            }
            for i in 0..n - 1 {
                let (x0, x1) = (at(i), at(i + 1));
                let (y0, y1) = (f(x0), f(x1));
                let miss = [0.25, 0.5, 0.75]
                    .into_iter()
                    .map(|w| {
                        let want = f(x0 + w * (x1 - x0));
                        (y0 + w * (y1 - y0) - want).abs() / want.abs().max(f64::MIN_POSITIVE)
                    })
                    .fold(0.0, f64::max);
                let finite = t[i].is_finite() && t[i + 1].is_finite();
                marks.push(!(finite && miss <= SEGMENT_TOLERANCE));
            }
            Some(t)
        };
        Some(TransferLut {
            curve,
            direction,
            table,
            exact: marks,
        })
    }

    /// The curve at `x` (see the module docs for the precision).
    #[inline]
    pub fn eval(&self, x: f32) -> f32 {
        let Some(table) = &self.table else {
            return x;
        };
        let bits = x.to_bits() & 0x7FFF_FFFF;
        if !(LOW_BITS..HIGH_BITS).contains(&bits) {
            return exact(self.curve, self.direction, f64::from(x)) as f32;
        }
        let offset = bits - LOW_BITS;
        let i = (offset >> SEGMENT_SHIFT) as usize;
        if self.exact[i] {
            return exact(self.curve, self.direction, f64::from(x)) as f32;
        }
        let t = (offset & FRACTION_MASK) as f32 * (1.0 / (1u32 << SEGMENT_SHIFT) as f32);
        let (a, b) = (table[i], table[i + 1]);
        let v = a + t * (b - a);
        if x.is_sign_negative() { -v } else { v }
    }
}

fn exact(curve: TransferFunction, direction: Direction, x: f64) -> f64 {
    match direction {
        Direction::ToLinear => curve.to_linear(x),
        Direction::FromLinear => curve.from_linear(x),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CURVES: [TransferFunction; 9] = [
        TransferFunction::Bt709,
        TransferFunction::Smpte240M,
        TransferFunction::Gamma(2.2),
        TransferFunction::Gamma(2.8),
        TransferFunction::Srgb,
        TransferFunction::Linear,
        TransferFunction::Pq,
        TransferFunction::Hlg,
        TransferFunction::Smpte428,
    ];

    #[test]
    fn tables_follow_the_exact_curves() {
        for curve in CURVES {
            for direction in [Direction::ToLinear, Direction::FromLinear] {
                let lut = TransferLut::new(curve, direction).unwrap();
                let mut worst = 0.0f64;
                // Dense in [0, 1], sparse above, a few negatives and tiny
                // values (exact branch), and the table's ends.
                let xs = (0..=20_000)
                    .map(|i| f64::from(i) / 20_000.0)
                    .chain((1..200).map(|i| f64::from(i) * 0.6))
                    .chain([-0.3, -1e-9, 1e-7, 127.9, 128.0, 300.0]);
                for x in xs {
                    // The f32 input itself: a jump sits at an exact
                    // breakpoint (0.018), which f32 rounding may cross.
                    let x = x as f32;
                    let want = exact(curve, direction, f64::from(x));
                    if !(want as f32).is_finite() {
                        continue;
                    }
                    let got = f64::from(lut.eval(x));
                    // Relative to the value, with an absolute floor of 2^-20.
                    let err = (got - want).abs() / want.abs().max(1.0 / 1048576.0);
                    worst = worst.max(err);
                }
                assert!(worst < 2e-5, "{curve:?} {direction:?}: {worst:e}");
            }
        }
    }

    #[test]
    fn exact_outside_the_table_and_odd() {
        let lut = TransferLut::new(TransferFunction::Srgb, Direction::FromLinear).unwrap();
        assert_eq!(lut.eval(0.0), 0.0);
        assert!(lut.eval(f32::NAN).is_nan());
        let v = lut.eval(0.5);
        assert_eq!(lut.eval(-0.5), -v);
        assert_eq!(
            lut.eval(1000.0),
            TransferFunction::Srgb.from_linear(1000.0) as f32
        );
    }
}
