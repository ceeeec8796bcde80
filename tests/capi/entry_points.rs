//! Generates a C program that calls every function declared in
//! `include/pixelport/pixelport.h` with degenerate arguments, so functions
//! other branches add are covered without anyone listing them.
//!
//! The header is cbindgen output, so its shapes are regular: `//` comments,
//! `typedef`s (pointer, function-pointer, struct and integer typedefs) and
//! one prototype per exported function, `Ret Name(Type name, ...);`.
//!
//! Each function is called in four modes (the program's argument):
//! - 0: every scalar 0, every pointer NULL;
//! - 1: every scalar all-ones (`-1`, `SIZE_MAX`, `0xFFFFFFFF`), pointers NULL;
//! - 2: scalars 0, every data or object pointer aimed at a zeroed 4 KiB
//!   scratch block (not a CF object: the "wrong type" path);
//! - 3: scalars all-ones, pointers at the scratch block.
//!
//! Function-pointer (callback) arguments are always NULL: calling through
//! a non-NULL junk code pointer is undefined in C itself. Results of
//! `…Create…`/`…Copy…` functions returning a `…Ref` are released, so modes
//! 0 and 1 run with leak detection; in modes 2 and 3 an object may land in
//! the scratch block through an out-parameter, so they only check for
//! crashes and memory errors.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Exported symbols that are not declared in pixelport.h, with the reason.
pub const NOT_IN_HEADER: &[(&str, &str)] = &[(
    "__CFConstantStringClassReference",
    "data, not a function: the class word of clang's constant CFSTR literals, \
     referenced by the compiler, never called",
)];

/// Functions left out of the scratch modes (2, 3), with the reason.
pub const SCRATCH_SKIPS: &[(&str, &str)] = &[
    (
        "pixelport_CFAllocatorDeallocate",
        "frees its pointer argument: free() of a non-heap pointer is undefined in C",
    ),
    (
        "pixelport_CFAllocatorReallocate",
        "reallocates its pointer argument: realloc() of a non-heap pointer is undefined in C",
    ),
];

pub struct Function {
    pub name: String,
    pub ret: String,
    pub params: Vec<String>,
}

#[derive(Default)]
pub struct Header {
    pub functions: Vec<Function>,
    /// Typedef name → what it names (text after `typedef`, name removed).
    typedefs: BTreeMap<String, String>,
    /// Function-pointer typedef names.
    callbacks: BTreeSet<String>,
    /// Names declared as `extern` data.
    pub data: BTreeSet<String>,
}

fn ident_at_end(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_end();
    let start = s
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    (start < s.len()).then(|| (s[..start].trim_end(), &s[start..]))
}

pub fn parse(text: &str) -> Header {
    let mut h = Header::default();
    // Comments, preprocessor lines and the C++-only `extern "C" {` / `}`
    // out, then one statement per `;`.
    let mut cplusplus = false;
    let mut lines = Vec::new();
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or("");
        let t = line.trim_start();
        if t.starts_with("#ifdef __cplusplus") {
            cplusplus = true;
        } else if cplusplus && t.starts_with("#endif") {
            cplusplus = false;
        } else if !cplusplus && !t.starts_with('#') {
            lines.push(line);
        }
    }
    let body = lines.join(" ");
    // Struct and enum bodies hold `;` too: drop everything between braces.
    let mut flat = String::new();
    let mut depth = 0usize;
    for c in body.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 => flat.push(c),
            _ => {}
        }
    }
    for stmt in flat.split(';') {
        let stmt = stmt.split_whitespace().collect::<Vec<_>>().join(" ");
        if stmt.is_empty() {
            continue;
        }
        if let Some(rest) = stmt.strip_prefix("typedef ") {
            if let Some(open) = rest.find("(*") {
                let close = rest[open..]
                    .find(')')
                    .map(|i| open + i)
                    .unwrap_or(rest.len());
                h.callbacks.insert(rest[open + 2..close].trim().to_string());
            } else if let Some((ty, name)) = ident_at_end(rest) {
                h.typedefs.insert(name.to_string(), ty.to_string());
            }
            continue;
        }
        if let Some(rest) = stmt.strip_prefix("extern ") {
            if let Some((_, name)) = ident_at_end(rest) {
                h.data.insert(name.to_string());
            }
            continue;
        }
        let (Some(open), true) = (stmt.find('('), stmt.ends_with(')')) else {
            continue;
        };
        let params = &stmt[open + 1..stmt.len() - 1];
        let Some((ret, name)) = ident_at_end(&stmt[..open]) else {
            continue;
        };
        let params = if params.trim() == "void" || params.trim().is_empty() {
            Vec::new()
        } else {
            split_top_level(params)
        };
        h.functions.push(Function {
            name: name.to_string(),
            ret: ret.to_string(),
            params,
        });
    }
    h
}

/// Splits a parameter list at commas outside parentheses (an inline
/// function-pointer parameter has its own parameter list).
fn split_top_level(params: &str) -> Vec<String> {
    let (mut out, mut current, mut depth) = (Vec::new(), String::new(), 0usize);
    for c in params.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                out.push(current.trim().to_string());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    out.push(current.trim().to_string());
    out
}

enum Kind {
    Callback,
    Pointer,
    Scalar,
}

impl Header {
    fn kind(&self, ty: &str) -> Kind {
        if ty.contains('*') {
            return Kind::Pointer;
        }
        // `struct X`, `enum X`: a value type, whatever X's typedef says.
        let words: Vec<&str> = ty.split_whitespace().filter(|w| *w != "const").collect();
        let [base] = words[..] else {
            return Kind::Scalar;
        };
        if self.callbacks.contains(base) {
            return Kind::Callback;
        }
        match self.typedefs.get(base) {
            Some(target) => self.kind(target),
            None => Kind::Scalar,
        }
    }

    fn is_object_return(&self, f: &Function) -> bool {
        matches!(self.kind(&f.ret), Kind::Pointer)
            && f.ret.trim_end().ends_with("Ref")
            && (f.name.contains("Create") || f.name.contains("Copy"))
    }

    /// The C program (its `main(argc, argv)` takes the mode 0–3).
    pub fn program(&self) -> String {
        let mut c = String::from(
            "/* Generated by tests/capi/entry_points.rs: every function of pixelport.h\n \
             * called with NULL / zero / all-ones / junk-pointer arguments. */\n\
             #include <CoreFoundation/CoreFoundation.h>\n\
             #include <CoreVideo/CoreVideo.h>\n\
             #include <VideoToolbox/VideoToolbox.h>\n\
             #include <CoreGraphics/CoreGraphics.h>\n\
             #include <Accelerate/Accelerate.h>\n\
             #include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\n\
             static _Alignas(64) unsigned char scratch[4096];\n\
             static int mode;\n\
             static void scalar(void *p, size_t n) { memset(p, mode & 1 ? 0xFF : 0, n); }\n\
             static void *ptr(void) { memset(scratch, 0, sizeof scratch);\n\
             \x20   return mode & 2 ? (void *)scratch : NULL; }\n\n",
        );
        let skip: BTreeSet<&str> = SCRATCH_SKIPS.iter().map(|s| s.0).collect();
        for f in &self.functions {
            let _ = writeln!(c, "static void call_{}(void) {{", f.name);
            if skip.contains(f.name.as_str()) {
                let _ = writeln!(c, "    if (mode & 2) return;");
            }
            let mut args = Vec::new();
            for (i, p) in f.params.iter().enumerate() {
                // An inline function-pointer parameter (`void (*cb)(…)`):
                // NULL converts to it, no variable needed.
                if p.contains("(*") {
                    args.push("NULL".to_string());
                    continue;
                }
                let (ty, _) = ident_at_end(p).unwrap_or((p, ""));
                let ty = if ty.is_empty() { p.as_str() } else { ty };
                let a = format!("a{i}");
                // Declared without `const` at top level so it can be set.
                let _ = writeln!(c, "    {ty} {a};");
                match self.kind(ty) {
                    Kind::Callback => {
                        let _ = writeln!(c, "    memset(&{a}, 0, sizeof {a});");
                    }
                    Kind::Pointer => {
                        let _ = writeln!(c, "    {a} = ({ty})ptr();");
                    }
                    // C's `bool` holds only 0 and 1: an all-ones byte would
                    // be undefined behaviour in the generated program itself.
                    Kind::Scalar if ty.trim() == "bool" => {
                        let _ = writeln!(c, "    {a} = mode & 1;");
                    }
                    Kind::Scalar => {
                        let _ = writeln!(c, "    scalar(&{a}, sizeof {a});");
                    }
                }
                args.push(a);
            }
            let call = format!("{}({})", f.name, args.join(", "));
            if f.ret == "void" {
                let _ = writeln!(c, "    {call};");
            } else if self.is_object_return(f) {
                let _ = writeln!(
                    c,
                    "    CFTypeRef r = (CFTypeRef){call};\n    if (r && !(mode & 2)) CFRelease(r);"
                );
            } else {
                let _ = writeln!(c, "    {ret} r = {call};\n    (void)r;", ret = f.ret);
            }
            c.push_str("}\n\n");
        }
        c.push_str("int main(int argc, char **argv) {\n    mode = argc > 1 ? atoi(argv[1]) : 0;\n");
        for f in &self.functions {
            let _ = writeln!(c, "    call_{}();", f.name);
        }
        c.push_str("    printf(\"mode %d: all calls returned\\n\", mode);\n    return 0;\n}\n");
        c
    }
}
