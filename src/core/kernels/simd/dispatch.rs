//! Which SIMD level the kernels use: the CPU's best, detected once and
//! cached, capped by `PIXELPORT_MAX_SIMD` (read once) and by
//! [`set_max_level`] (for tests and embedders).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// A kernel level. On x86-64 the order is Scalar < SSE4.1 < AVX2 <
/// AVX-512 (F+BW); on aarch64 it is Scalar < NEON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    Scalar,
    Sse41,
    Avx2,
    Avx512,
    Neon,
}

impl Level {
    /// Rank used for capping: a cap allows every level of lower or equal
    /// rank on this architecture (NEON ranks with SSE4.1: 128-bit).
    fn rank(self) -> u8 {
        match self {
            Level::Scalar => 0,
            Level::Sse41 | Level::Neon => 1,
            Level::Avx2 => 2,
            Level::Avx512 => 3,
        }
    }

    /// The name `PIXELPORT_MAX_SIMD` takes.
    pub fn name(self) -> &'static str {
        match self {
            Level::Scalar => "scalar",
            Level::Sse41 => "sse41",
            Level::Avx2 => "avx2",
            Level::Avx512 => "avx512",
            Level::Neon => "neon",
        }
    }

    /// Parses a `PIXELPORT_MAX_SIMD` value (case-insensitive).
    pub fn parse(text: &str) -> Option<Level> {
        let text = text.trim().to_ascii_lowercase();
        [
            Level::Scalar,
            Level::Sse41,
            Level::Avx2,
            Level::Avx512,
            Level::Neon,
        ]
        .into_iter()
        .find(|l| l.name() == text)
    }
}

/// The levels of this architecture, lowest first.
fn architecture_levels() -> &'static [Level] {
    if cfg!(target_arch = "x86_64") {
        &[Level::Scalar, Level::Sse41, Level::Avx2, Level::Avx512]
    } else if cfg!(target_arch = "aarch64") {
        &[Level::Scalar, Level::Neon]
    } else {
        &[Level::Scalar]
    }
}

/// Every level this CPU can run, lowest first (tests loop over these).
pub fn supported_levels() -> Vec<Level> {
    architecture_levels()
        .iter()
        .copied()
        .filter(|&l| cpu_supports(l))
        .collect()
}

/// Whether the CPU runs `level`'s instructions. The kernels' safety rests
/// on this check: a level's `unsafe` entry points are only reached after it.
pub fn cpu_supports(level: Level) -> bool {
    static DETECTED: OnceLock<Vec<Level>> = OnceLock::new();
    DETECTED.get_or_init(detect).contains(&level)
}

#[cfg(target_arch = "x86_64")]
fn detect() -> Vec<Level> {
    let mut levels = vec![Level::Scalar];
    if std::arch::is_x86_feature_detected!("sse4.1") {
        levels.push(Level::Sse41);
        if std::arch::is_x86_feature_detected!("avx2") {
            levels.push(Level::Avx2);
            if std::arch::is_x86_feature_detected!("avx512f")
                && std::arch::is_x86_feature_detected!("avx512bw")
            {
                levels.push(Level::Avx512);
            }
        }
    }
    levels
}

#[cfg(target_arch = "aarch64")]
fn detect() -> Vec<Level> {
    let mut levels = vec![Level::Scalar];
    if std::arch::is_aarch64_feature_detected!("neon") {
        levels.push(Level::Neon);
    }
    levels
}

#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
fn detect() -> Vec<Level> {
    vec![Level::Scalar]
}

/// No cap set through the API.
const NO_CAP: u8 = u8::MAX;
static API_CAP: AtomicU8 = AtomicU8::new(NO_CAP);

/// Caps the level every later kernel selection uses (`None` lifts the
/// cap). Frames already being converted keep their kernels.
pub fn set_max_level(cap: Option<Level>) {
    API_CAP.store(cap.map_or(NO_CAP, Level::rank), Ordering::Relaxed);
}

/// The environment cap, read once: `PIXELPORT_MAX_SIMD=scalar|sse41|avx2|
/// avx512|neon`. An unknown value caps nothing.
fn env_cap() -> u8 {
    static CAP: OnceLock<u8> = OnceLock::new();
    *CAP.get_or_init(|| {
        std::env::var("PIXELPORT_MAX_SIMD")
            .ok()
            .and_then(|v| Level::parse(&v))
            .map_or(NO_CAP, Level::rank)
    })
}

/// The level kernels use now: the best the CPU has within both caps.
pub fn active_level() -> Level {
    let cap = env_cap().min(API_CAP.load(Ordering::Relaxed));
    architecture_levels()
        .iter()
        .rev()
        .copied()
        .find(|&l| l.rank() <= cap && cpu_supports(l))
        .unwrap_or(Level::Scalar)
}
