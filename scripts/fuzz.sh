#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (clang-14, ASan + UBSan, in build-fuzz/) and runs each for a set time.
#
# Usage: bash scripts/fuzz.sh                          every target, 60 s each
#        FUZZ_SECONDS=600 bash scripts/fuzz.sh         the issue's 10 minutes per target
#        FUZZ_TARGETS="text extract" bash scripts/fuzz.sh
#        bash scripts/fuzz.sh repro extract path/to/crash-input      re-run one input (after a finding)
#
# Targets run one after the other (one job, one core). The growing corpus lives in build-fuzz/corpus/<target>
# (seeded from fuzz/corpus/<target>, which stays small and checked in); crashes go to
# build-fuzz/artifacts/<target>/ and the log to build-fuzz/logs/<target>.log. Exit status 1 when a target found
# a crash, leak, timeout or sanitizer report. A summary (executions/s, coverage, corpus) is printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD_DIR=${BUILD_DIR:-build-fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-"text numbers time lexicon jsonl extract gazetteer http_api"}
CXX_BIN=${CXX:-clang++-14}
command -v "$CXX_BIN" >/dev/null || CXX_BIN=clang++
command -v "$CXX_BIN" >/dev/null || {
  echo "fuzz: clang not found; install it with: sudo apt-get install clang-14 libclang-rt-14-dev" >&2
  exit 2
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export SITREP_DATA=$ROOT/data

if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  CXX=$CXX_BIN cmake -S . -B "$BUILD_DIR" -G Ninja -DSITREP_FUZZ=ON -DSITREP_BUILD_TESTS=OFF -DSITREP_BUILD_BENCH=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" >/dev/null
fi
# Build-time tools (the gazetteer builder) are instrumented too; their exit-time leaks are not our findings.
ASAN_OPTIONS=detect_leaks=0 cmake --build "$BUILD_DIR" --target fuzzers >/dev/null

max_len() {
  case "$1" in
    extract | text | numbers | time) echo 16384 ;;
    jsonl) echo 65536 ;;
    *) echo 8192 ;;
  esac
}

if [ "${1:-}" = repro ]; then
  shift
  exec "$BUILD_DIR/fuzz/$1_fuzzer" -runs=1 "$2"
fi

status=0
summary=()
for t in $TARGETS; do
  bin=$BUILD_DIR/fuzz/${t}_fuzzer
  corpus=$BUILD_DIR/corpus/$t
  artifacts=$BUILD_DIR/artifacts/$t
  log=$BUILD_DIR/logs/$t.log
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  [ -d "fuzz/corpus/$t" ] && cp -n fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null || true
  echo "fuzz: $t for ${SECONDS_EACH}s (log: $log)" >&2
  rc=0
  "$bin" "$corpus" -dict=fuzz/triggers.dict -max_total_time="$SECONDS_EACH" -max_len="$(max_len "$t")" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1 || rc=$?
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')
  eps=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')
  cov=$(echo "$last" | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+' || echo '?')
  ft=$(echo "$last" | grep -oE 'ft: [0-9]+' | grep -oE '[0-9]+' || echo '?')
  corp=$(echo "$last" | grep -oE 'corp: [0-9]+/[0-9a-zA-Z]+' | cut -d' ' -f2 || echo '?')
  verdict=ok
  if [ "$rc" != 0 ]; then
    verdict="FINDING (exit $rc): $(ls -t "$artifacts" | head -1)"
    status=1
  fi
  summary+=("$(printf '%-8s %8ss %10s %8s %6s %7s %10s  %s' "$t" "$SECONDS_EACH" "$execs" "$eps" "$cov" "$ft" "$corp" "$verdict")")
done
printf '\n%-8s %9s %10s %8s %6s %7s %10s  %s\n' target time execs exec/s cov ft corpus verdict
printf '%s\n' "${summary[@]}"
exit $status
