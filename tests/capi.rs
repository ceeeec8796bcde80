//! Compiles and runs every C program in `capi-tests/` against the freshly
//! built shared library.
//!
//! Each `capi-tests/*.c` is a self-contained program that uses only Apple
//! spellings and Apple include paths, and exits non-zero on failure. Every
//! program is built and run once per available C compiler:
//! - `gcc` (or `$CC`), with AddressSanitizer + UndefinedBehaviorSanitizer,
//!   exercising the runtime `CFSTR` path;
//! - `clang`, when installed, exercising clang's compile-time `CFSTR` literals.
//!
//! Programs named `*.cpp` are C++17. A header-only check compiles every
//! umbrella header as C11 and as C++17 with `-Wall -Wextra -Wpedantic -Werror`.
//! Support libraries live in `capi-tests/support/` (see `link_extras`).

#[path = "capi/entry_points.rs"]
mod entry_points;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Env {
    root: PathBuf,
    lib_dir: PathBuf,
    out_dir: PathBuf,
}

/// Prepares the library directory once per test process: the tests run on
/// parallel threads, and a second copy would rewrite the library while the
/// first test's programs are linking against or running it.
fn setup() -> &'static Env {
    static ENV: std::sync::OnceLock<Env> = std::sync::OnceLock::new();
    ENV.get_or_init(prepare)
}

fn prepare() -> Env {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // The test binary is target/<profile>/deps/capi-<hash>.
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().unwrap().parent().unwrap().to_path_buf();
    // `cargo test` builds the cdylib next to the rlib in deps/ (it is only
    // copied up to target/<profile>/ by `cargo build`), so that is the fresh one.
    let built = profile_dir.join("deps/libpixelport.so");
    assert!(
        built.exists(),
        "{} missing: cargo builds the cdylib before integration tests",
        built.display()
    );
    let out_dir = profile_dir.join("capi-tests");
    let lib_dir = out_dir.join("lib");
    std::fs::create_dir_all(&lib_dir).unwrap();
    // Copy rather than link, so a concurrent rebuild cannot change the
    // library under a running test; the SONAME name must exist for the
    // dynamic loader.
    let soname = soname();
    std::fs::copy(&built, lib_dir.join(&soname)).unwrap();
    let _ = std::fs::remove_file(lib_dir.join("libpixelport.so"));
    std::os::unix::fs::symlink(&soname, lib_dir.join("libpixelport.so")).unwrap();
    Env {
        root,
        lib_dir,
        out_dir,
    }
}

fn soname() -> String {
    format!(
        "libpixelport.so.{}.{}",
        env!("CARGO_PKG_VERSION_MAJOR"),
        env!("CARGO_PKG_VERSION_MINOR")
    )
}

#[derive(Clone)]
struct Compiler {
    label: &'static str,
    c: String,
    cxx: String,
    sanitize: bool,
}

fn available(cmd: &str) -> bool {
    Command::new(cmd)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn compilers() -> Vec<Compiler> {
    let mut list = Vec::new();
    let cc = std::env::var("CC").unwrap_or_else(|_| "gcc".into());
    let cxx = std::env::var("CXX").unwrap_or_else(|_| "g++".into());
    if available(&cc) {
        list.push(Compiler {
            label: "gcc+asan",
            c: cc,
            cxx,
            sanitize: sanitizers_work(),
        });
    }
    if available("clang") && available("clang++") {
        list.push(Compiler {
            label: "clang",
            c: "clang".into(),
            cxx: "clang++".into(),
            sanitize: false,
        });
    } else {
        eprintln!(
            "note: clang not installed; the constant-CFSTR path is not exercised (CI installs it)"
        );
    }
    assert!(!list.is_empty(), "no C compiler found");
    list
}

fn sanitizers_work() -> bool {
    std::env::var_os("PIXELPORT_NO_SANITIZE").is_none()
}

fn base_flags(env: &Env, compiler: &Compiler) -> Vec<String> {
    let mut flags = vec![
        "-Wall".into(),
        "-Wextra".into(),
        "-Wpedantic".into(),
        "-Werror".into(),
        "-Wno-multichar".into(),
        "-g".into(),
        "-O1".into(),
        "-pthread".into(),
        format!("-I{}", env.root.join("include/pixelport").display()),
        format!("-I{}", env.root.join("capi-tests").display()),
    ];
    if compiler.sanitize {
        flags.push("-fsanitize=address,undefined".into());
        flags.push("-fno-sanitize-recover=undefined".into());
        flags.push("-fno-omit-frame-pointer".into());
    }
    flags
}

fn link_flags(env: &Env) -> Vec<String> {
    vec![
        format!("-L{}", env.lib_dir.display()),
        format!("-Wl,-rpath,{}", env.lib_dir.display()),
        "-lpixelport".into(),
        "-ldl".into(),
        "-lm".into(),
    ]
}

/// Extra libraries a program needs, built from `capi-tests/support/`.
/// `foreign_cf.c` becomes a library exporting bare CoreFoundation names,
/// linked *before* pixelport so the dynamic linker would prefer it.
fn link_extras(env: &Env, compiler: &Compiler, program: &str) -> Result<Vec<String>, String> {
    if program != "cf_foreign" {
        return Ok(Vec::new());
    }
    let dir = env.out_dir.join(compiler.label);
    let lib = dir.join("libforeigncf.so");
    let src = env.root.join("capi-tests/support/foreign_cf.c");
    run_compiler(
        Command::new(&compiler.c)
            .args(["-shared", "-fPIC", "-O1", "-Wall", "-Werror", "-o"])
            .arg(&lib)
            .arg(&src),
    )?;
    Ok(vec![
        format!("-L{}", dir.display()),
        format!("-Wl,-rpath,{}", dir.display()),
        "-Wl,--no-as-needed".into(),
        "-lforeigncf".into(),
    ])
}

fn run_compiler(cmd: &mut Command) -> Result<(), String> {
    let out = cmd.output().map_err(|e| format!("spawn failed: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "compile failed: {:?}\n{}",
            cmd,
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// Every C program, or with `PIXELPORT_CAPI_FILTER=a,b` only those whose
/// file stem contains one of the comma-separated words (for iterating on
/// one program; CI never sets it).
fn programs(env: &Env) -> Vec<PathBuf> {
    let filter = std::env::var("PIXELPORT_CAPI_FILTER").ok();
    let wanted = |p: &Path| match &filter {
        None => true,
        Some(words) => {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            words
                .split(',')
                .any(|w| !w.is_empty() && stem.contains(w.trim()))
        }
    };
    let mut list: Vec<PathBuf> = std::fs::read_dir(env.root.join("capi-tests"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("c" | "cpp")))
        .filter(|p| wanted(p))
        .collect();
    list.sort();
    list
}

/// Whether to run `program` under valgrind: `PIXELPORT_VALGRIND=all`, or a
/// comma-separated list of program names. Only the clang build is used (the
/// gcc build carries ASan, which cannot run under valgrind). valgrind sees
/// the Rust side too, which the C-side sanitizers do not instrument.
fn valgrind_requested(compiler: &Compiler, program: &str) -> bool {
    if compiler.label != "clang" {
        return false;
    }
    match std::env::var("PIXELPORT_VALGRIND") {
        Ok(list) if list == "all" => true,
        Ok(list) => list.split(',').any(|p| p.trim() == program),
        Err(_) => false,
    }
}

fn build_and_run(env: &Env, compiler: &Compiler, src: &Path) -> Result<(), String> {
    build_and_run_with(env, compiler, src, &[])
}

/// Compiles `src`, then runs it once per `(arguments, extra ASAN_OPTIONS)`
/// in `runs` (once without arguments when empty).
fn build_and_run_with(
    env: &Env,
    compiler: &Compiler,
    src: &Path,
    runs: &[(&[&str], &str)],
) -> Result<(), String> {
    let name = src.file_stem().unwrap().to_str().unwrap().to_owned();
    let is_cxx = src.extension().is_some_and(|e| e == "cpp");
    let dir = env.out_dir.join(compiler.label);
    std::fs::create_dir_all(&dir).unwrap();
    let exe = dir.join(&name);
    let mut cmd = Command::new(if is_cxx { &compiler.cxx } else { &compiler.c });
    cmd.arg(if is_cxx { "-std=c++17" } else { "-std=c11" })
        .args(base_flags(env, compiler))
        .arg(src)
        .arg("-o")
        .arg(&exe)
        .args(link_extras(env, compiler, &name)?)
        .args(link_flags(env));
    run_compiler(&mut cmd)?;
    let no_args: [(&[&str], &str); 1] = [(&[], "")];
    for (args, asan_extra) in if runs.is_empty() { &no_args[..] } else { runs } {
        run_program(compiler, &name, &exe, args, asan_extra)?;
    }
    Ok(())
}

fn run_program(
    compiler: &Compiler,
    name: &str,
    exe: &Path,
    args: &[&str],
    asan_extra: &str,
) -> Result<(), String> {
    // A run that turns leak detection off under ASan does so under
    // valgrind as well.
    let leak_check = if asan_extra.contains("detect_leaks=0") {
        "--leak-check=no"
    } else {
        "--leak-check=full"
    };
    // cargo puts target/<profile> on LD_LIBRARY_PATH, which would beat the
    // program's RUNPATH; the program must load the copy in `lib_dir`.
    let mut run = if valgrind_requested(compiler, name) {
        let mut vg = Command::new("valgrind");
        vg.args([
            "--quiet",
            "--error-exitcode=99",
            leak_check,
            // Process-lifetime allocations (interned CFSTR strings, the
            // custom-format registry) are reachable, not leaks.
            "--errors-for-leak-kinds=definite,indirect",
            "--show-leak-kinds=definite,indirect",
        ])
        .arg(exe);
        vg
    } else {
        Command::new(exe)
    };
    // allocator_may_return_null: a failed allocation must come back as an
    // error code (hostile sizes ask for more memory than exists); ASan's
    // default would abort where glibc's malloc returns NULL.
    let out = run
        .args(args)
        .env_remove("LD_LIBRARY_PATH")
        .env(
            "ASAN_OPTIONS",
            format!(
                "detect_leaks=1:abort_on_error=0:halt_on_error=1:allocator_may_return_null=1{asan_extra}"
            ),
        )
        .env("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
        .env("LSAN_OPTIONS", "suppressions=")
        .output()
        .map_err(|e| format!("run failed: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{} {args:?} exited with {}\n--- stdout\n{}--- stderr\n{}",
            exe.display(),
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

#[test]
fn c_programs_pass() {
    let env = setup();
    let compilers = compilers();
    let programs = programs(env);
    assert!(!programs.is_empty(), "no C programs in capi-tests/");
    let (mut passed, mut failures) = (0usize, Vec::new());
    for compiler in &compilers {
        for src in &programs {
            let label = format!(
                "{} [{}]",
                src.file_name().unwrap().to_string_lossy(),
                compiler.label
            );
            match build_and_run(env, compiler, src) {
                Ok(()) => {
                    passed += 1;
                    println!("ok   {label}");
                }
                Err(e) => {
                    println!("FAIL {label}");
                    failures.push(format!("{label}: {e}"));
                }
            }
        }
    }
    // Written to the stderr handle directly: libtest captures only the print
    // macros, and this count should show in a plain `cargo test`.
    let _ = writeln!(
        std::io::stderr(),
        "C programs: {passed} passed, {} failed",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "C test failures:\n{}",
        failures.join("\n\n")
    );
}

/// Every umbrella header, as C11 and as C++17, warning-free under -Wpedantic.
#[test]
fn umbrella_headers_compile_cleanly() {
    let env = setup();
    let src = env.out_dir.join("all_headers.c");
    std::fs::write(
        &src,
        "#include <CoreFoundation/CoreFoundation.h>\n\
         #include <CoreVideo/CoreVideo.h>\n\
         #include <VideoToolbox/VideoToolbox.h>\n\
         #include <Accelerate/Accelerate.h>\n\
         #include <vImage/vImage.h>\n\
         #include <CoreGraphics/CoreGraphics.h>\n\
         int pixelport_header_probe(void);\n\
         int pixelport_header_probe(void) { return (int)sizeof(CFRange); }\n",
    )
    .unwrap();
    let mut failures = Vec::new();
    for compiler in compilers() {
        for (lang, tool, std) in [
            ("c", &compiler.c, "-std=c11"),
            ("c++", &compiler.cxx, "-std=c++17"),
        ] {
            let mut cmd = Command::new(tool);
            cmd.args([
                "-x",
                lang,
                std,
                "-Wall",
                "-Wextra",
                "-Wpedantic",
                "-Werror",
                "-fsyntax-only",
            ])
            .arg(format!(
                "-I{}",
                env.root.join("include/pixelport").display()
            ))
            .arg(&src);
            if let Err(e) = run_compiler(&mut cmd) {
                failures.push(format!("[{} {lang}] {e}", compiler.label));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every function in pixelport.h, called with NULL / zero / all-ones /
/// junk-pointer arguments (see `entry_points.rs`), under ASan + UBSan with
/// gcc and plainly with clang: each call must return, without a memory
/// error, a sanitizer report or (in the NULL modes) a leak.
#[test]
fn every_entry_point_survives_degenerate_arguments() {
    let env = setup();
    let header = std::fs::read_to_string(env.root.join("include/pixelport/pixelport.h")).unwrap();
    let parsed = entry_points::parse(&header);
    // The parse must account for every exported symbol, or a function
    // would silently go untested.
    let symbols = std::fs::read_to_string(env.root.join("symbols.txt")).unwrap();
    let functions: std::collections::BTreeSet<&str> =
        parsed.functions.iter().map(|f| f.name.as_str()).collect();
    let unaccounted: Vec<&str> = symbols
        .lines()
        .map(str::trim)
        .filter(|s| !s.is_empty() && !functions.contains(s) && !parsed.data.contains(*s))
        .filter(|s| !entry_points::NOT_IN_HEADER.iter().any(|(n, _)| n == s))
        .collect();
    assert!(
        unaccounted.is_empty(),
        "exported but neither a parsed function nor extern data: {unaccounted:?}"
    );
    assert!(
        parsed.functions.len() > 150,
        "parsed only {}",
        parsed.functions.len()
    );
    for f in &parsed.functions {
        assert!(
            symbols.lines().any(|s| s.trim() == f.name),
            "{} is declared but not in symbols.txt",
            f.name
        );
    }
    let src = env.out_dir.join("entry_points.c");
    std::fs::write(&src, parsed.program()).unwrap();
    let runs: [(&[&str], &str); 4] = [
        (&["0"], ""),
        (&["1"], ""),
        (&["2"], ":detect_leaks=0"),
        (&["3"], ":detect_leaks=0"),
    ];
    let mut failures = Vec::new();
    for compiler in compilers() {
        if let Err(e) = build_and_run_with(env, &compiler, &src, &runs) {
            failures.push(format!("[{}] {e}", compiler.label));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
