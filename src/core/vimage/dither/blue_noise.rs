//! pixelport's blue-noise tile: Ulichney's void-and-cluster method on a
//! 64×64 torus with a Gaussian energy filter (σ = 1.5 pixels), from a
//! fixed pseudo-random start, so the tile is the same in every build.

use super::TILE;

const N: usize = TILE * TILE;
const SIGMA: f64 = 1.5;

struct Field {
    ones: Vec<bool>,
    energy: Vec<f64>,
    /// Energy contribution by toroidal offset (dy * TILE + dx).
    filter: Vec<f64>,
}

impl Field {
    fn new() -> Field {
        let mut filter = vec![0.0; N];
        for dy in 0..TILE {
            for dx in 0..TILE {
                let ddx = dx.min(TILE - dx) as f64;
                let ddy = dy.min(TILE - dy) as f64;
                filter[dy * TILE + dx] = (-(ddx * ddx + ddy * ddy) / (2.0 * SIGMA * SIGMA)).exp();
            }
        }
        Field {
            ones: vec![false; N],
            energy: vec![0.0; N],
            filter,
        }
    }

    fn toggle(&mut self, p: usize, on: bool) {
        self.ones[p] = on;
        let sign = if on { 1.0 } else { -1.0 };
        let (px, py) = (p % TILE, p / TILE);
        for y in 0..TILE {
            let dy = (y + TILE - py) % TILE;
            for x in 0..TILE {
                let dx = (x + TILE - px) % TILE;
                self.energy[y * TILE + x] += sign * self.filter[dy * TILE + dx];
            }
        }
    }

    /// The set pixel with the highest energy (tightest cluster).
    fn cluster(&self) -> usize {
        self.best(true, |a, b| a > b)
    }

    /// The empty pixel with the lowest energy (largest void).
    fn void(&self) -> usize {
        self.best(false, |a, b| a < b)
    }

    fn best(&self, set: bool, better: impl Fn(f64, f64) -> bool) -> usize {
        let mut found: Option<usize> = None;
        for p in 0..N {
            if self.ones[p] == set && found.is_none_or(|f| better(self.energy[p], self.energy[f])) {
                found = Some(p);
            }
        }
        found.unwrap_or(0)
    }
}

pub(super) fn ranks() -> Vec<u16> {
    let mut field = Field::new();
    // Fixed start: 10% of the pixels from SplitMix64 with a fixed seed.
    let mut state: u64 = 0x7069_7865_6c70_6f72; // "pixelpor"
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let initial = N / 10;
    let mut placed = 0;
    while placed < initial {
        let p = (next() % N as u64) as usize;
        if !field.ones[p] {
            field.toggle(p, true);
            placed += 1;
        }
    }
    // Spread the start: move the tightest cluster into the largest void
    // until that changes nothing.
    for _ in 0..N {
        let c = field.cluster();
        field.toggle(c, false);
        let v = field.void();
        field.toggle(v, true);
        if v == c {
            break;
        }
    }
    let start = field.ones.clone();
    let mut rank = vec![0u16; N];
    // Ranks below the start: remove clusters one by one.
    for r in (0..initial).rev() {
        let c = field.cluster();
        field.toggle(c, false);
        rank[c] = r as u16;
    }
    // Back to the start, then fill voids one by one.
    for (p, &on) in start.iter().enumerate() {
        if on {
            field.toggle(p, true);
        }
    }
    for r in initial..N {
        let v = field.void();
        field.toggle(v, true);
        rank[v] = r as u16;
    }
    rank
}

/// Quantiles of the standard normal distribution, from its CDF
/// integrated numerically (Simpson steps of 1/1024 over ±8) and
/// inverted by linear interpolation.
pub(super) struct NormalQuantile {
    xs: Vec<f64>,
    cdf: Vec<f64>,
}

impl NormalQuantile {
    pub(super) fn new() -> Self {
        let h = 1.0 / 1024.0;
        let steps = (16.0 / h) as usize;
        let pdf = |x: f64| (-0.5 * x * x).exp() / (2.0 * std::f64::consts::PI).sqrt();
        let mut xs = Vec::with_capacity(steps + 1);
        let mut cdf = Vec::with_capacity(steps + 1);
        let mut acc = 0.0;
        let mut x = -8.0;
        xs.push(x);
        cdf.push(0.0);
        for _ in 0..steps {
            acc += h / 6.0 * (pdf(x) + 4.0 * pdf(x + h / 2.0) + pdf(x + h));
            x += h;
            xs.push(x);
            cdf.push(acc);
        }
        NormalQuantile { xs, cdf }
    }

    pub(super) fn at(&self, p: f64) -> f64 {
        let i = self
            .cdf
            .partition_point(|&c| c < p)
            .clamp(1, self.cdf.len() - 1);
        let (c0, c1) = (self.cdf[i - 1], self.cdf[i]);
        let t = if c1 > c0 { (p - c0) / (c1 - c0) } else { 0.0 };
        self.xs[i - 1] + t * (self.xs[i] - self.xs[i - 1])
    }
}
