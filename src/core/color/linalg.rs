//! 3×3 matrices and 3×4 affine maps in f64: the little linear algebra the
//! colour code needs, in one place so every module composes maps the same way.
//!
//! Convention: matrices are row-major and act on column vectors,
//! `out[i] = Σ_j m[i][j] · in[j]`. `a.then(b)` means "first `a`, then `b`".
//! Nothing here panics: a singular or non-finite matrix has no inverse (`None`).

/// A 3-vector (R, G, B), (Y', Cb, Cr) or (X, Y, Z).
pub type Vec3 = [f64; 3];

/// A row-major 3×3 matrix acting on column vectors.
pub type Mat3 = [[f64; 3]; 3];

/// The 3×3 identity.
pub const IDENTITY: Mat3 = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];

/// `a · b` (apply `b` first, then `a`).
pub fn mul(a: &Mat3, b: &Mat3) -> Mat3 {
    let mut out = [[0.0; 3]; 3];
    for (i, row) in out.iter_mut().enumerate() {
        for (j, cell) in row.iter_mut().enumerate() {
            *cell = (0..3).map(|k| a[i][k] * b[k][j]).sum();
        }
    }
    out
}

/// `m · v`.
pub fn apply(m: &Mat3, v: Vec3) -> Vec3 {
    [
        m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
        m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
        m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
    ]
}

/// A diagonal matrix.
pub fn diagonal(d: Vec3) -> Mat3 {
    [[d[0], 0.0, 0.0], [0.0, d[1], 0.0], [0.0, 0.0, d[2]]]
}

/// The inverse by cofactors, or `None` when the matrix is singular or the
/// result is not finite (caller-supplied primaries can be degenerate).
pub fn inverse(m: &Mat3) -> Option<Mat3> {
    let c00 = m[1][1] * m[2][2] - m[1][2] * m[2][1];
    let c01 = m[1][2] * m[2][0] - m[1][0] * m[2][2];
    let c02 = m[1][0] * m[2][1] - m[1][1] * m[2][0];
    let det = m[0][0] * c00 + m[0][1] * c01 + m[0][2] * c02;
    if det == 0.0 || !det.is_finite() {
        return None;
    }
    let r = 1.0 / det;
    let out = [
        [
            c00 * r,
            (m[0][2] * m[2][1] - m[0][1] * m[2][2]) * r,
            (m[0][1] * m[1][2] - m[0][2] * m[1][1]) * r,
        ],
        [
            c01 * r,
            (m[0][0] * m[2][2] - m[0][2] * m[2][0]) * r,
            (m[0][2] * m[1][0] - m[0][0] * m[1][2]) * r,
        ],
        [
            c02 * r,
            (m[0][1] * m[2][0] - m[0][0] * m[2][1]) * r,
            (m[0][0] * m[1][1] - m[0][1] * m[1][0]) * r,
        ],
    ];
    out.iter().flatten().all(|v| v.is_finite()).then_some(out)
}

/// `out = linear · in + offset`: a code-to-code or code-to-normalised map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Affine3 {
    pub linear: Mat3,
    pub offset: Vec3,
}

impl Affine3 {
    /// The identity map.
    pub const IDENTITY: Affine3 = Affine3 {
        linear: IDENTITY,
        offset: [0.0; 3],
    };

    /// A purely linear map.
    pub fn linear(m: Mat3) -> Affine3 {
        Affine3 {
            linear: m,
            offset: [0.0; 3],
        }
    }

    /// `out[i] = scale[i] · in[i] + offset[i]`, each channel on its own.
    pub fn per_channel(scale: Vec3, offset: Vec3) -> Affine3 {
        Affine3 {
            linear: diagonal(scale),
            offset,
        }
    }

    pub fn apply(&self, v: Vec3) -> Vec3 {
        let l = apply(&self.linear, v);
        [
            l[0] + self.offset[0],
            l[1] + self.offset[1],
            l[2] + self.offset[2],
        ]
    }

    /// The map "first `self`, then `next`".
    pub fn then(&self, next: &Affine3) -> Affine3 {
        let shifted = apply(&next.linear, self.offset);
        Affine3 {
            linear: mul(&next.linear, &self.linear),
            offset: [
                shifted[0] + next.offset[0],
                shifted[1] + next.offset[1],
                shifted[2] + next.offset[2],
            ],
        }
    }

    pub fn inverse(&self) -> Option<Affine3> {
        let inv = inverse(&self.linear)?;
        let o = apply(&inv, self.offset);
        Some(Affine3 {
            linear: inv,
            offset: [-o[0], -o[1], -o[2]],
        })
    }
}

#[cfg(test)]
pub(crate) fn max_abs_diff(a: &Mat3, b: &Mat3) -> f64 {
    a.iter()
        .flatten()
        .zip(b.iter().flatten())
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    const M: Mat3 = [[2.0, -1.0, 0.5], [0.25, 3.0, 1.0], [-1.5, 0.0, 4.0]];

    #[test]
    fn inverse_times_matrix_is_identity() {
        let inv = inverse(&M).unwrap();
        assert!(max_abs_diff(&mul(&inv, &M), &IDENTITY) < 1e-15);
        assert!(max_abs_diff(&mul(&M, &inv), &IDENTITY) < 1e-15);
    }

    #[test]
    fn singular_and_non_finite_matrices_have_no_inverse() {
        assert!(inverse(&[[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [0.0, 0.0, 1.0]]).is_none());
        assert!(inverse(&[[f64::NAN, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]).is_none());
        assert!(inverse(&[[1e300, 0.0, 0.0], [0.0, 1e300, 0.0], [0.0, 0.0, 1e300]]).is_none());
    }

    #[test]
    fn affine_then_and_inverse_compose() {
        let a = Affine3 {
            linear: M,
            offset: [1.0, -2.0, 3.0],
        };
        let b = Affine3::per_channel([2.0, 3.0, 4.0], [0.5, 0.0, -1.0]);
        let v = [0.3, -0.7, 1.9];
        let both = a.then(&b).apply(v);
        let step = b.apply(a.apply(v));
        for i in 0..3 {
            assert!((both[i] - step[i]).abs() < 1e-12);
        }
        let back = a.inverse().unwrap().apply(a.apply(v));
        for i in 0..3 {
            assert!((back[i] - v[i]).abs() < 1e-12);
        }
    }
}
