#!/usr/bin/env bash
# CI's fuzz smoke pass (fuzz/README.md): builds the targets, then runs each
# for $1 seconds (default 20): the committed corpus first (every input must
# pass), then mutations. Exits non-zero on any finding, after printing
# libFuzzer's report.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${1:-20}
bash fuzz/build.sh
export ASAN_OPTIONS="allocator_may_return_null=1:detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
limits=(-rss_limit_mb=3072 -malloc_limit_mb=1048576 -timeout=20)
work=$(mktemp -d "${TMPDIR:-/tmp}/pixelport-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p target/fuzz/artifacts
for bin in target/fuzz/bin/fuzz_*; do
    name=$(basename "$bin")
    corpus=fuzz/corpus/$name
    mkdir -p "$corpus" "$work/$name"
    echo "== $name: $corpus ($(find "$corpus" -type f | wc -l) inputs), then fuzzing until ${seconds}s"
    # libFuzzer first runs every corpus input (a regression replay), then
    # mutates. The committed corpus is only read: new inputs go to $work.
    if ! "$bin" -max_total_time="$seconds" -max_len=1024 "${limits[@]}" -print_final_stats=1 \
        -artifact_prefix=target/fuzz/artifacts/"$name"- "$work/$name" "$corpus" >"$work/fuzz.log" 2>&1; then
        tail -n 60 "$work/fuzz.log" >&2
        echo "fuzz finding in $name (artifacts in target/fuzz/artifacts/)" >&2
        exit 1
    fi
    grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|Done)' "$work/fuzz.log"
done
