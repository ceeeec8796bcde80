#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ on the stable toolchain (see
# fuzz/README.md):
#
#   bash fuzz/build.sh            # -> target/fuzz/bin/fuzz_<name>
#
# The Rust side is the ordinary staticlib, compiled with LLVM's
# SanitizerCoverage pass through stable `-C passes` / `-C llvm-args` (the
# same instrumentation cargo-fuzz asks for, minus its nightly-only
# `-Z sanitizer`), `panic=abort` so a panic is a crash the fuzzer sees
# instead of an error code `ffi_guard!` swallows, and debug assertions and
# overflow checks on. The C harnesses are built by clang with
# `-fsanitize=fuzzer,address,undefined`: libFuzzer drives them, ASan checks
# the C side and every malloc (the Rust allocations included) and LSan
# reports leaks. `--target` keeps the flags off build scripts and proc macros.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

target=x86_64-unknown-linux-gnu
case $(uname -m) in
aarch64) target=aarch64-unknown-linux-gnu ;;
esac
out=target/fuzz
cov="-C passes=sancov-module -C llvm-args=-sanitizer-coverage-level=4"
cov+=" -C llvm-args=-sanitizer-coverage-inline-8bit-counters"
cov+=" -C llvm-args=-sanitizer-coverage-pc-table"
cov+=" -C llvm-args=-sanitizer-coverage-trace-compares"
RUSTFLAGS="-C panic=abort -C debug-assertions -C overflow-checks -C opt-level=2 -C debuginfo=1 $cov" \
    cargo rustc --quiet --locked --release --lib --crate-type staticlib \
    --target "$target" --target-dir "$out"

lib="$out/$target/release/libpixelport.a"
mkdir -p "$out/bin"
for src in fuzz/fuzz_*.c; do
    name=$(basename "$src" .c)
    clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
        -Wall -Wextra -Werror -Wno-multichar -Iinclude/pixelport \
        "$src" "$lib" -lpthread -ldl -lm -o "$out/bin/$name"
    echo "built $out/bin/$name"
done
