//! Row kernels. Scalar kernels define the right answer; [`simd`] holds the
//! vector versions (the only core module allowed `unsafe`) and the run-time
//! dispatcher that picks a level once per process.

#[allow(unsafe_code)]
pub mod simd;
