//! The panic boundary every exported function sits behind.
//!
//! A panic must never unwind into C. [`ffi_guard!`] runs the body under
//! `catch_unwind` and turns a panic into the function's fallback value: the
//! family's generic error for status functions (stated explicitly at the call
//! site, because `CVReturn`, `OSStatus` and `vImage_Error` share integer types
//! but not error codes), NULL for pointer getters, 0 for counts and sizes,
//! false for `Boolean`. Release builds keep `panic = "unwind"` so the catch
//! works; since Rust 1.81 a panic escaping an `extern "C"` function aborts,
//! which is the backstop, not the plan.

use std::ffi::{c_long, c_ulong};

/// The value an exported function returns when its body panicked.
pub trait FfiDefault {
    fn ffi_default() -> Self;
}

impl FfiDefault for () {
    fn ffi_default() -> Self {}
}

impl<T> FfiDefault for *const T {
    fn ffi_default() -> Self {
        std::ptr::null()
    }
}

impl<T> FfiDefault for *mut T {
    fn ffi_default() -> Self {
        std::ptr::null_mut()
    }
}

macro_rules! ffi_default_zero {
    ($($t:ty),*) => { $(impl FfiDefault for $t { fn ffi_default() -> Self { 0 as $t } })* };
}
// `u8` is `Boolean` (false) and `c_uchar`; `c_long` is `CFIndex`; `c_ulong`
// is `CFTypeID`/`CFHashCode`; `u32` is `OSType`/`CFStringEncoding`; `usize`
// is `size_t`. `char` results are `c_char`, which is `i8` on x86-64 and `u8`
// on aarch64: naming `i8` and `u8` (not `c_char`) covers both without a
// duplicate impl on either.
ffi_default_zero!(u8, i8, c_long, c_ulong, u32, usize, f64);

/// Runs an exported function's body, converting a panic into a fallback.
///
/// `ffi_guard!({ body })` uses [`FfiDefault`]; `ffi_guard!(fallback, { body })`
/// states it (required for `i32` status codes). `return` inside the body
/// returns from the guarded body.
#[macro_export]
macro_rules! ffi_guard {
    ($fallback:expr, $body:block) => {{
        match ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| $body)) {
            Ok(value) => value,
            Err(_) => $fallback,
        }
    }};
    ($body:block) => {
        $crate::ffi_guard!($crate::capi::panic::FfiDefault::ffi_default(), $body)
    };
}

#[cfg(test)]
mod tests {
    use std::ffi::c_long;

    fn panicking() -> c_long {
        ffi_guard!({
            if std::hint::black_box(true) {
                panic!("boom");
            }
            5
        })
    }

    #[test]
    fn a_panic_becomes_the_fallback() {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        assert_eq!(panicking(), 0);
        assert_eq!(ffi_guard!(-6660i32, { panic!("x") }), -6660);
        std::panic::set_hook(prev);
    }
}
