//! The committed headers and symbol list are generated from the Rust code;
//! these tests regenerate them and fail on any difference.
//!
//! `PIXELPORT_BLESS=1 cargo test --test header` rewrites them instead.
//!
//! Generated files:
//! - `include/pixelport/pixelport.h`: cbindgen's output, post-processed
//!   (version numbers filled in; negative `#define`s parenthesised, because
//!   cbindgen drops parentheses and `x-kCVReturnError` must not read `x--6660`).
//! - `include/pixelport/pixelport_cf_names.h`: `#define CFRetain
//!   pixelport_CFRetain` for every prefixed CoreFoundation name.
//! - `symbols.txt`: every symbol the shared library must export.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn generate_header() -> String {
    let root = root();
    let config = cbindgen::Config::from_file(root.join("cbindgen.toml")).expect("cbindgen.toml");
    let mut bytes = Vec::new();
    cbindgen::Builder::new()
        .with_crate(&root)
        .with_config(config)
        .generate()
        .expect("cbindgen failed")
        .write(&mut bytes);
    let text = String::from_utf8(bytes).expect("utf-8 header");
    post_process(&text)
}

fn post_process(text: &str) -> String {
    let version = |name: &str| std::env::var(name).unwrap();
    let text = text
        .replace(
            "__PIXELPORT_VERSION_MAJOR__",
            &version("CARGO_PKG_VERSION_MAJOR"),
        )
        .replace(
            "__PIXELPORT_VERSION_MINOR__",
            &version("CARGO_PKG_VERSION_MINOR"),
        )
        .replace(
            "__PIXELPORT_VERSION_PATCH__",
            &version("CARGO_PKG_VERSION_PATCH"),
        );
    let mut out = String::with_capacity(text.len() + 1024);
    for line in text.lines() {
        let mut parts = line.splitn(3, ' ');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("#define"), Some(name), Some(value))
                if value.starts_with('-') && !value.contains(' ') =>
            {
                out.push_str(&format!("#define {name} ({value})"));
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// Every `pixelport_X` identifier declared in the header.
fn prefixed_names(header: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for line in header.lines() {
        let line = line.trim_start();
        if line.starts_with("//") || line.starts_with('*') || line.starts_with("#") {
            continue;
        }
        let mut rest = line;
        while let Some(pos) = rest.find("pixelport_") {
            let before_ok = pos == 0
                || !rest.as_bytes()[pos - 1].is_ascii_alphanumeric()
                    && rest.as_bytes()[pos - 1] != b'_';
            let tail = &rest[pos + "pixelport_".len()..];
            let len = tail
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
                .count();
            if before_ok && len > 0 {
                names.insert(tail[..len].to_owned());
            }
            rest = &tail[len..];
        }
    }
    names
}

fn generate_cf_names(header: &str) -> String {
    let mut out = String::from(
        "/*\n * GENERATED from pixelport.h by tests/header.rs. Do not edit.\n *\n \
         * pixelport exports its CoreFoundation functions and constants under\n \
         * pixelport_-prefixed link names so that it can share a process with\n \
         * another CoreFoundation. These macros let Apple-style code use the\n \
         * Apple spellings.\n */\n#ifndef PIXELPORT_CF_NAMES_H\n#define PIXELPORT_CF_NAMES_H\n\n",
    );
    for name in prefixed_names(header) {
        out.push_str(&format!("#define {name} pixelport_{name}\n"));
    }
    out.push_str("\n#endif /* PIXELPORT_CF_NAMES_H */\n");
    out
}

/// Exported symbols: every function and extern variable the header declares,
/// plus the class symbol clang's CFSTR literals reference (deliberately not
/// declared in any header).
fn generate_symbols(header: &str) -> String {
    let mut symbols = BTreeSet::new();
    symbols.insert("__CFConstantStringClassReference".to_owned());
    for line in header.lines() {
        let line = line.trim();
        if line.starts_with("//") || line.starts_with('#') || line.starts_with('*') {
            continue;
        }
        if let Some(decl) = line.strip_prefix("extern ") {
            if decl.starts_with('"') {
                continue; // `extern "C" {` of the C++ guard
            }
            if let Some(name) = decl.trim_end_matches(';').split_whitespace().last() {
                symbols.insert(name.trim_start_matches('*').to_owned());
            }
            continue;
        }
        // Function declarations: `ret name(args...` at top level.
        if let Some(paren) = line.find('(') {
            let head = &line[..paren];
            if head.starts_with("typedef") || head.contains('=') || head.is_empty() {
                continue;
            }
            if let Some(name) = head.split_whitespace().last() {
                let name = name.trim_start_matches('*');
                if !name.is_empty()
                    && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                    && head.split_whitespace().count() >= 2
                {
                    symbols.insert(name.to_owned());
                }
            }
        }
    }
    let mut out = String::new();
    for s in symbols {
        out.push_str(&s);
        out.push('\n');
    }
    out
}

fn check_or_bless(path: &Path, expected: &str) {
    if std::env::var_os("PIXELPORT_BLESS").is_some() {
        std::fs::write(path, expected).unwrap();
        return;
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    if actual != expected {
        let first_diff = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
        panic!(
            "{} is out of date with the Rust code (first difference at line {}).\n\
             Regenerate with: PIXELPORT_BLESS=1 cargo test --test header",
            path.display(),
            first_diff + 1
        );
    }
}

#[test]
fn generated_files_match_the_code() {
    let header = generate_header();
    let root = root();
    check_or_bless(&root.join("include/pixelport/pixelport.h"), &header);
    check_or_bless(
        &root.join("include/pixelport/pixelport_cf_names.h"),
        &generate_cf_names(&header),
    );
    check_or_bless(&root.join("symbols.txt"), &generate_symbols(&header));
}

#[test]
fn version_macros_match_cargo_toml() {
    let header = std::fs::read_to_string(root().join("include/pixelport/pixelport.h")).unwrap();
    for (macro_name, var) in [
        ("PIXELPORT_VERSION_MAJOR", "CARGO_PKG_VERSION_MAJOR"),
        ("PIXELPORT_VERSION_MINOR", "CARGO_PKG_VERSION_MINOR"),
        ("PIXELPORT_VERSION_PATCH", "CARGO_PKG_VERSION_PATCH"),
    ] {
        let expected = format!("#define {macro_name} {}", std::env::var(var).unwrap());
        assert!(header.contains(&expected), "header lacks `{expected}`");
    }
}

#[test]
fn negative_defines_are_parenthesised() {
    let processed = post_process("#define kX -6660\n#define kY 3\n");
    assert_eq!(processed, "#define kX (-6660)\n#define kY 3\n");
}

#[test]
fn no_bare_core_foundation_symbol_is_exported() {
    let symbols = std::fs::read_to_string(root().join("symbols.txt")).unwrap();
    for line in symbols.lines() {
        let bare_cf =
            (line.starts_with("CF") || line.starts_with("kCF") || line.starts_with("__CF"))
                && line != "__CFConstantStringClassReference";
        assert!(
            !bare_cf,
            "CoreFoundation name exported without prefix: {line}"
        );
    }
    assert!(symbols.lines().any(|l| l == "pixelport_CFRetain"));
}
