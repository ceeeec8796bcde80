//! Keeps the README's API coverage table true: every exported function is
//! listed as `done`, and every function listed as `done` is exported (or is
//! an inline/macro that needs no symbol).

use std::collections::BTreeSet;
use std::path::PathBuf;

fn read(path: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// Functions (not data) the library exports, under their Apple names.
fn exported_functions() -> BTreeSet<String> {
    let header = read("include/pixelport/pixelport.h");
    read("symbols.txt")
        .lines()
        .filter(|s| header.contains(&format!("{s}(")))
        .map(|s| s.strip_prefix("pixelport_").unwrap_or(s).to_owned())
        .filter(|s| !s.starts_with("__"))
        .collect()
}

/// (name, status, notes) rows of the coverage tables.
fn coverage_rows() -> Vec<(String, String, String)> {
    read("README.md")
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line
                .trim()
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            let name = cells.first()?.strip_prefix('`')?.strip_suffix('`')?;
            (cells.len() >= 3).then(|| (name.to_owned(), cells[1].to_owned(), cells[2].to_owned()))
        })
        .collect()
}

#[test]
fn every_exported_function_is_listed_as_done() {
    let done: BTreeSet<String> = coverage_rows()
        .into_iter()
        .filter(|(_, status, _)| status == "done")
        .map(|(name, _, _)| name)
        .collect();
    let missing: Vec<_> = exported_functions()
        .into_iter()
        .filter(|f| !done.contains(f))
        .collect();
    assert!(
        missing.is_empty(),
        "exported but not `done` in README: {missing:?}"
    );
}

#[test]
fn every_done_function_is_exported() {
    let exported = exported_functions();
    let bogus: Vec<_> = coverage_rows()
        .into_iter()
        .filter(|(name, status, notes)| {
            status == "done"
                && !exported.contains(name)
                && !notes.contains("inline")
                && !notes.contains("macro")
        })
        .map(|(name, _, _)| name)
        .collect();
    assert!(
        bogus.is_empty(),
        "`done` in README but not exported: {bogus:?}"
    );
}
