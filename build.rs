//! Link settings for the shared library a C user links against.
//!
//! The build script never writes into the source tree: the committed header is
//! regenerated and compared by `tests/header.rs`, not here.

fn main() {
    let version_minor = std::env::var("CARGO_PKG_VERSION_MINOR").unwrap_or_else(|_| "0".into());
    let version_major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_else(|_| "0".into());
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os == "linux" {
        // While the crate is 0.x every minor release may break the ABI, so the
        // SONAME carries the minor number (libpixelport.so.0.1); from 1.0 on it
        // is the major alone.
        let soname = if version_major == "0" {
            format!("libpixelport.so.0.{version_minor}")
        } else {
            format!("libpixelport.so.{version_major}")
        };
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,{soname}");
        // Calls between our own exported functions must not be interposed by
        // another library exporting the same name (for example a foreign
        // CoreFoundation's `__CFConstantStringClassReference`).
        println!("cargo:rustc-cdylib-link-arg=-Wl,-Bsymbolic-functions");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
