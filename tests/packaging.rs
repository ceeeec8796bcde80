//! Pins what the install step (`cmake/install.cmake`) writes for C users.
//!
//! - The static link line: `cmake/native-static-libs.txt` must equal what
//!   rustc prints for this crate with `--print native-static-libs`, because
//!   `pixelport.pc` (Libs.private) and `pixelport::pixelport_static` hand it
//!   to every static consumer. `PIXELPORT_BLESS=1` rewrites the pin.
//! - Version numbers: the generated `pixelport.pc` and CMake package files
//!   carry Cargo.toml's version and SONAME, and no packaging file spells a
//!   version out by hand.
//! - The CMake version file accepts exactly the releases with the same ABI
//!   (same minor while 0.x, same major from 1.0).
//!
//! The generated files come from running the real install script in
//! `CONFIG_ONLY` mode, which needs `cmake`; without it those tests are
//! skipped with a note, except under CI (`CI` set), where that is a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

const PIN: &str = "cmake/native-static-libs.txt";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The cargo target directory this test binary was built in
/// (`<target>/<profile>/deps/packaging-<hash>`).
fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.ancestors().nth(3).unwrap().to_path_buf()
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = target_dir().join("packaging-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn version() -> (u64, u64, u64) {
    let part = |s: &str| s.parse::<u64>().unwrap();
    (
        part(env!("CARGO_PKG_VERSION_MAJOR")),
        part(env!("CARGO_PKG_VERSION_MINOR")),
        part(env!("CARGO_PKG_VERSION_PATCH")),
    )
}

/// The SONAME build.rs sets: the minor number is part of the ABI while 0.x.
fn soname() -> String {
    match version() {
        (0, minor, _) => format!("libpixelport.so.0.{minor}"),
        (major, _, _) => format!("libpixelport.so.{major}"),
    }
}

/// The pinned line, without the file's comment lines.
fn pinned_line() -> String {
    let text = std::fs::read_to_string(root().join(PIN)).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(lines.len(), 1, "{PIN} must hold one non-comment line");
    lines[0].trim().to_owned()
}

/// Whether cmake is usable; without it a test is skipped, except in CI.
fn have_cmake() -> bool {
    let ok = Command::new("cmake")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "cmake is required for the packaging tests under CI"
        );
        eprintln!("note: cmake not installed; packaging test skipped (CI installs it)");
    }
    ok
}

#[test]
fn static_link_line_is_pinned() {
    // A separate target directory: the outer `cargo test` holds the lock on
    // its own, and the staticlib-only build must not disturb its artifacts.
    let out = Command::new(cargo())
        .args(["rustc", "--lib", "--crate-type", "staticlib", "--locked"])
        .arg("--manifest-path")
        .arg(root().join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir().join("packaging-tests/native-static-libs"))
        .args(["--", "--print", "native-static-libs"])
        .output()
        .expect("run cargo");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "cargo rustc failed:\n{stderr}");
    let printed = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("note: native-static-libs:"))
        .unwrap_or_else(|| panic!("rustc printed no native-static-libs line:\n{stderr}"))
        .trim()
        .to_owned();

    if std::env::var_os("PIXELPORT_BLESS").is_some() {
        let text = std::fs::read_to_string(root().join(PIN)).unwrap();
        let mut blessed: String = text
            .lines()
            .filter(|l| l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        blessed.push_str(&printed);
        blessed.push('\n');
        std::fs::write(root().join(PIN), blessed).unwrap();
        return;
    }
    assert_eq!(
        pinned_line(),
        printed,
        "{PIN} is out of date with rustc; check the new libraries, then run\n\
         PIXELPORT_BLESS=1 cargo test --test packaging"
    );
}

/// Runs the install script in CONFIG_ONLY mode into a fresh prefix and
/// returns (prefix, libdir).
fn install_config_files(name: &str, libdir: &str) -> (PathBuf, PathBuf) {
    let dir = scratch(name);
    let prefix = dir.join("prefix");
    let out = Command::new("cmake")
        .arg(format!("-DPREFIX={}", prefix.display()))
        .arg(format!("-DLIBDIR={libdir}"))
        .arg("-DCONFIG_ONLY=ON")
        .arg(format!("-DSTAGING_DIR={}", dir.join("staging").display()))
        .env("CARGO", cargo())
        .env_remove("DESTDIR")
        .arg("-P")
        .arg(root().join("cmake/install.cmake"))
        .output()
        .expect("run cmake");
    assert!(
        out.status.success(),
        "install.cmake failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let libdir = prefix.join(libdir);
    (prefix, libdir)
}

fn pc_field<'a>(pc: &'a str, key: &str) -> &'a str {
    pc.lines()
        .find_map(|l| l.strip_prefix(key))
        .unwrap_or_else(|| panic!("pixelport.pc lacks {key}"))
        .trim()
}

#[test]
fn generated_files_carry_cargo_version_and_link_line() {
    if !have_cmake() {
        return;
    }
    let (prefix, libdir) = install_config_files("config-files", "lib/x86_64-linux-gnu");
    let (major, minor, patch) = version();

    let pc = std::fs::read_to_string(libdir.join("pkgconfig/pixelport.pc")).unwrap();
    assert_eq!(pc_field(&pc, "Version:"), env!("CARGO_PKG_VERSION"));
    assert_eq!(pc_field(&pc, "prefix="), prefix.to_str().unwrap());
    assert_eq!(pc_field(&pc, "libdir="), "${prefix}/lib/x86_64-linux-gnu");
    assert_eq!(pc_field(&pc, "Cflags:"), "-I${includedir}/pixelport");
    assert_eq!(pc_field(&pc, "Libs:"), "-L${libdir} -lpixelport");
    assert_eq!(pc_field(&pc, "Libs.private:"), pinned_line());

    let config =
        std::fs::read_to_string(libdir.join("cmake/pixelport/pixelportConfig.cmake")).unwrap();
    assert!(!config.contains('@'), "unsubstituted template variable");
    let shared = format!("libpixelport.so.{major}.{minor}.{patch}");
    assert!(
        config.contains(&format!("/{shared}\"")),
        "IMPORTED_LOCATION"
    );
    assert!(
        config.contains(&format!("IMPORTED_SONAME \"{}\"", soname())),
        "IMPORTED_SONAME"
    );
    let pinned = pinned_line();
    let cmake_libs: Vec<&str> = pinned
        .split_whitespace()
        .map(|a| a.strip_prefix("-l").unwrap_or(a))
        .collect();
    assert!(
        config.contains(&format!(
            "INTERFACE_LINK_LIBRARIES \"{}\"",
            cmake_libs.join(";")
        )),
        "static target's INTERFACE_LINK_LIBRARIES differs from {PIN}"
    );

    let version_file =
        std::fs::read_to_string(libdir.join("cmake/pixelport/pixelportConfigVersion.cmake"))
            .unwrap();
    assert!(
        !version_file.contains('@'),
        "unsubstituted template variable"
    );
    assert!(version_file.contains(&format!("set(PACKAGE_VERSION \"{major}.{minor}.{patch}\")")));
}

/// Whether the version file, asked for `request`, accepts the installed version.
fn cmake_accepts(version_file: &Path, scratch: &Path, request: &str) -> (bool, bool) {
    // Sets what find_package() sets before it loads a version file.
    let mut setup = String::from("set(PACKAGE_FIND_NAME pixelport)\n");
    if let Some((min, max)) = request.split_once("...") {
        let (max, bound) = match max.strip_prefix('<') {
            Some(m) => (m, "EXCLUDE"),
            None => (max, "INCLUDE"),
        };
        setup.push_str(&format!(
            "set(PACKAGE_FIND_VERSION_RANGE \"{request}\")\n\
             set(PACKAGE_FIND_VERSION \"{min}\")\n\
             set(PACKAGE_FIND_VERSION_MIN \"{min}\")\n\
             set(PACKAGE_FIND_VERSION_MAX \"{max}\")\n\
             set(PACKAGE_FIND_VERSION_RANGE_MIN INCLUDE)\n\
             set(PACKAGE_FIND_VERSION_RANGE_MAX {bound})\n"
        ));
    } else {
        setup.push_str(&format!("set(PACKAGE_FIND_VERSION \"{request}\")\n"));
    }
    setup.push_str(&format!(
        "include(\"{}\")\n\
         message(\"compatible=${{PACKAGE_VERSION_COMPATIBLE}} exact=${{PACKAGE_VERSION_EXACT}}\")\n",
        version_file.display()
    ));
    let driver = scratch.join("driver.cmake");
    std::fs::write(&driver, setup).unwrap();
    let out = Command::new("cmake")
        .arg("-P")
        .arg(&driver)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let line = stderr.lines().last().unwrap_or_default();
    (
        line.contains("compatible=TRUE"),
        line.contains("exact=TRUE"),
    )
}

/// The rule, stated independently: same ABI series and not older than asked.
fn expected_compatible(request: (u64, u64, u64), installed: (u64, u64, u64)) -> bool {
    let series = |(major, minor, _): (u64, u64, u64)| {
        if major == 0 { (0, minor) } else { (major, 0) }
    };
    series(request) == series(installed) && installed >= request
}

#[test]
fn version_file_accepts_only_the_same_abi() {
    if !have_cmake() {
        return;
    }
    let (_, libdir) = install_config_files("version-file", "lib");
    let file = libdir.join("cmake/pixelport/pixelportConfigVersion.cmake");
    let scratch = scratch("version-file-driver");
    let v = version();
    let (major, minor, patch) = v;
    let text = |(a, b, c): (u64, u64, u64)| format!("{a}.{b}.{c}");

    let mut requests = vec![
        v,
        (major, minor, 0),
        (major, minor, patch + 1),
        (major, minor + 1, 0),
        (major + 1, 0, 0),
    ];
    if minor > 0 {
        requests.push((major, minor - 1, 0));
    }
    if major > 0 {
        requests.push((major - 1, 0, 0));
    }
    for request in requests {
        let (compatible, exact) = cmake_accepts(&file, &scratch, &text(request));
        assert_eq!(
            compatible,
            expected_compatible(request, v),
            "find_package(pixelport {}) against {}",
            text(request),
            text(v)
        );
        assert_eq!(exact, request == v, "exact for {}", text(request));
    }
    // The plainest requests: no version, and "major.minor" of this release.
    assert!(cmake_accepts(&file, &scratch, "").0);
    assert!(cmake_accepts(&file, &scratch, &format!("{major}.{minor}")).0);
    // Ranges must contain the installed version as well.
    let next = if major == 0 {
        format!("0.{}", minor + 1)
    } else {
        format!("{}", major + 1)
    };
    assert!(cmake_accepts(&file, &scratch, &format!("{major}.{minor}...<{next}")).0);
    assert!(cmake_accepts(&file, &scratch, &format!("{major}.{minor}...{}", text(v))).0);
    assert!(!cmake_accepts(&file, &scratch, &format!("{major}.{minor}...<{}", text(v))).0);
}

#[test]
fn version_file_rejects_other_pointer_width() {
    if !have_cmake() {
        return;
    }
    let (_, libdir) = install_config_files("pointer-width", "lib");
    let file = libdir.join("cmake/pixelport/pixelportConfigVersion.cmake");
    let other = if cfg!(target_pointer_width = "64") {
        4
    } else {
        8
    };
    let driver = scratch("pointer-width-driver").join("driver.cmake");
    std::fs::write(
        &driver,
        format!(
            "set(CMAKE_SIZEOF_VOID_P {other})\ninclude(\"{}\")\n\
             message(\"unsuitable=${{PACKAGE_VERSION_UNSUITABLE}}\")\n",
            file.display()
        ),
    )
    .unwrap();
    let out = Command::new("cmake")
        .arg("-P")
        .arg(&driver)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("unsuitable=TRUE"));
}

/// Packaging files take the version from Cargo.toml; none may spell it out.
#[test]
fn no_packaging_file_spells_out_the_version() {
    let forbidden = [env!("CARGO_PKG_VERSION").to_owned(), soname()];
    let mut stack: Vec<PathBuf> = ["cmake", "examples", ".ci"]
        .iter()
        .map(|d| root().join(d))
        .collect();
    let mut checked = 0;
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).unwrap() {
                stack.push(entry.unwrap().path());
            }
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // not text
        };
        checked += 1;
        for needle in &forbidden {
            assert!(
                !text.contains(needle.as_str()),
                "{} spells out `{needle}`; derive it from Cargo.toml instead",
                path.display()
            );
        }
    }
    assert!(checked >= 5, "packaging files not found");
}
