#!/usr/bin/env bash
# Runs one fuzz target for a while (see fuzz/README.md):
#
#   bash fuzz/run.sh <target> <seconds> [extra libFuzzer flags]
#
# e.g. `bash fuzz/run.sh fuzz_geometry 3600 -jobs=2 -workers=2`. New inputs
# go to target/fuzz/corpus/<target> (merge the interesting ones into
# fuzz/corpus/<target> with `-merge=1`); crashes to target/fuzz/artifacts/.
# Build first with `bash fuzz/build.sh`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
name=$1 seconds=$2
shift 2
bin=target/fuzz/bin/$name
[[ -x $bin ]] || { echo "missing $bin: run bash fuzz/build.sh" >&2; exit 2; }
work=target/fuzz/corpus/$name
mkdir -p "$work" target/fuzz/artifacts
# allocator_may_return_null: attribute-driven sizes legitimately ask for
# more memory than exists, and pixelport must turn the failed allocation
# into kCVReturnAllocationFailed, not crash. The malloc limit is therefore
# raised to 1 TiB (the size ASan refuses anyway), while the RSS limit stays.
export ASAN_OPTIONS="allocator_may_return_null=1:detect_leaks=1:abort_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
exec "$bin" -max_total_time="$seconds" -rss_limit_mb=3072 -malloc_limit_mb=1048576 \
    -max_len=1024 -timeout=20 -print_final_stats=1 \
    -artifact_prefix=target/fuzz/artifacts/"$name"- "$@" "$work" "fuzz/corpus/$name"
