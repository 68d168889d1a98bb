#!/usr/bin/env bash
# Throughput of sitrep against the floor of `wc -w` on the same files, in the same run (issue 2, "How fast").
#
# Usage: bash scripts/bench.sh                 (builds build-bench/ in RelWithDebInfo if needed)
#        SITREP_SHARED=/path/to/shared BENCH_QUICK=1 bash scripts/bench.sh   (quick: fewer repetitions)
#
# For each corpus (public-domain .txt articles, reuters21578.jsonl, wikipedia_current_events.jsonl) it prints:
#   wc -w             best of 5 wall times
#   Extract (library) one thread, from bench/sitrep_bench (Google Benchmark): MB/s of article text, sentences/s
#   sitrep extract    the whole command (read, parse JSON, extract, write JSON), -j 1 and -j 2, with peak RSS
#   ratio             extraction time / wc -w time (target: <= 10, later 5)
# and the lexicon load time (start-up target: < 100 ms). Numbers go to stdout; record them in bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD_DIR=${BUILD_DIR:-build-bench}
SHARED=${SITREP_SHARED:-$ROOT/../shared}
export SITREP_SHARED=$SHARED SITREP_DATA=${SITREP_DATA:-$ROOT/data}
MIN_TIME=${BENCH_MIN_TIME:-3}
[ "${BENCH_QUICK:-0}" = 1 ] && MIN_TIME=1

if [ ! -d "$SHARED/corpus" ]; then
  echo "bench: no corpus at $SHARED/corpus; set SITREP_SHARED to the folder holding corpus/. Skipped." >&2
  exit 0
fi
if [ ! -x "$BUILD_DIR/bench/sitrep_bench" ] || [ "${BENCH_BUILD:-1}" = 1 ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSITREP_BUILD_TESTS=OFF >/dev/null
  cmake --build "$BUILD_DIR" --target sitrep sitrep_bench >/dev/null
fi
SITREP=$BUILD_DIR/tools/sitrep
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

PD_FILES=("$SHARED"/corpus/public-domain/*.txt)
declare -A FILES=(
  [public_domain]="${PD_FILES[*]}"
  [reuters21578]="$SHARED/corpus/bench/reuters21578.jsonl"
  [wikipedia_current_events]="$SHARED/corpus/bench/wikipedia_current_events.jsonl"
)
ORDER=(public_domain reuters21578 wikipedia_current_events)

now() { date +%s.%N; }
# best-of-N wall time of a command, seconds
best_of() {
  local n=$1; shift
  local best=""
  for _ in $(seq "$n"); do
    local t0 t1
    t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
    best=$(python3 -c "import sys; a=float('$t1')-float('$t0'); b='$best'; print(a if not b else min(a, float(b)))")
  done
  echo "$best"
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== sitrep $(git rev-parse --short HEAD 2>/dev/null || echo '?'), lexicon: $("$SITREP" lexicon 2>/dev/null | head -c 60)"

# Warm the page cache so that neither side pays for the disk.
for c in "${ORDER[@]}"; do cat ${FILES[$c]} >/dev/null; done

"$BUILD_DIR/bench/sitrep_bench" --benchmark_min_time="$MIN_TIME" --benchmark_format=json \
  --benchmark_out="$TMP/bench.json" --benchmark_out_format=json >/dev/null 2>"$TMP/bench.err" || {
  cat "$TMP/bench.err" >&2; exit 1; }

printf '\n%-26s %8s %8s %9s %9s %11s %7s %9s %9s %7s %8s\n' corpus MB 'wc -w s' 'lib s' 'lib MB/s' 'sentences/s' 'ratio' \
  'cli -j1 s' 'cli -j2 s' 'ratio' 'RSS MB'
for c in "${ORDER[@]}"; do
  # shellcheck disable=SC2086
  mb=$(du -cb ${FILES[$c]} | tail -1 | awk '{printf "%.2f", $1/1e6}')
  # shellcheck disable=SC2086
  wc_s=$(best_of 5 wc -w ${FILES[$c]})
  # shellcheck disable=SC2086
  /usr/bin/time -v "$SITREP" extract -j 1 ${FILES[$c]} >/dev/null 2>"$TMP/time1" || true
  # shellcheck disable=SC2086
  /usr/bin/time -v "$SITREP" extract -j 2 ${FILES[$c]} >/dev/null 2>"$TMP/time2" || true
  python3 - "$TMP/bench.json" "$c" "$mb" "$wc_s" "$TMP/time1" "$TMP/time2" <<'EOF'
import json, re, sys
bench, corpus, mb, wc_s, t1, t2 = sys.argv[1:]
wc_s = float(wc_s)
row = next(b for b in json.load(open(bench))["benchmarks"] if b["name"].startswith("BM_Extract/" + corpus + "/"))
def wall(path):
    text = open(path).read()
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", text)
    h, mnt, s = m.groups()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return (int(h or 0) * 3600 + int(mnt) * 60 + float(s)), rss
lib_s = row["real_time"] / 1e3  # ms per pass over the corpus
j1, rss1 = wall(t1)
j2, rss2 = wall(t2)
print(f"{corpus:26s} {float(mb):8.2f} {wc_s:8.3f} {lib_s:9.3f} {row['bytes_per_second']/1e6:9.2f} "
      f"{row['sentences/s']:11.0f} {lib_s/wc_s:6.1f}x {j1:9.2f} {j2:9.2f} {j1/wc_s:6.1f}x {max(rss1, rss2):8.1f}"
      f"   (-j2 speed-up {j1/j2:.2f}x)")
EOF
done
python3 - "$TMP/bench.json" <<'EOF'
import json, sys
row = next(b for b in json.load(open(sys.argv[1]))["benchmarks"] if b["name"].startswith("BM_LexiconLoad"))
print(f"\nlexicon load (Extractor::Create): {row['real_time']:.1f} ms (target < 100 ms)")
EOF
t0=$(now); "$SITREP" extract --date 2016-12-11 data/examples/*.txt >/dev/null 2>&1 || true; t1=$(now)
python3 -c "print(f'sitrep extract on one example article, whole process: {(float(\"$t1\")-float(\"$t0\"))*1e3:.0f} ms')"
echo "(lib = Extractor::Extract on article text in memory; cli = the whole command; ratio = time / wc -w time)"
