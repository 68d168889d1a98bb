#!/usr/bin/env bash
# Store and scale-out throughput (issues 4 and 7), in articles/s of wall time, on one corpus:
#   extract -j 1 / -j 2              extraction alone (scaling ratio)
#   ingest SQLite -j 1 / -j 2        extraction + store (pipelined), scaling ratio
#   ingest PostgreSQL -j 2           one process into a throwaway local server
#   queue: 1 worker -j 3 vs 3 workers -j 1   enqueue first (not timed), then the workers until the queue is empty
# Usage: SITREP_SHARED=/work/shared bash scripts/bench_store.sh [corpus.jsonl]   (default: reuters21578.jsonl)
#        BENCH_PG_ONLY=1: only the PostgreSQL lines
#        BUILD_DIR=build (default) must hold tools/sitrep. Numbers go to stdout; record them in bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=$ROOT/${BUILD_DIR:-build}/tools/sitrep
SHARED=${SITREP_SHARED:-$ROOT/../shared}
CORPUS=${1:-$SHARED/corpus/bench/reuters21578.jsonl}
[ -f "$CORPUS" ] || { echo "bench_store: no corpus $CORPUS; set SITREP_SHARED. Skipped." >&2; exit 0; }
export SITREP_DATA=${SITREP_DATA:-$ROOT/data}
source tests/store/pg_env.sh
pg_start
T=$PG_DIR/bench
mkdir -p "$T"
cat "$CORPUS" >/dev/null
N=$(wc -l <"$CORPUS")
now() { date +%s.%N; }
rate() { python3 -c "print(f'{$N / ($2 - $1):8.0f} art/s  ({$2 - $1:6.2f} s)')"; }
run() {  # run LABEL COMMAND…
  local label=$1; shift
  local t0 t1
  t0=$(now); "$@" >/dev/null 2>"$T/err" || { cat "$T/err" >&2; exit 1; }; t1=$(now)
  printf '%-40s %s\n' "$label" "$(rate "$t0" "$t1")"
}
echo "== $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $N articles from $(basename "$CORPUS"), sitrep $(git rev-parse --short HEAD)"
if [ "${BENCH_PG_ONLY:-0}" != 1 ]; then
  run "extract -j 1" "$BIN" extract -j 1 "$CORPUS"
  run "extract -j 2" "$BIN" extract -j 2 "$CORPUS"
  run "ingest SQLite -j 1" "$BIN" ingest "$CORPUS" --db "$T/j1.db" -j 1
  run "ingest SQLite -j 2" "$BIN" ingest "$CORPUS" --db "$T/j2.db" -j 2
  run "re-ingest SQLite (all stored, warm)" "$BIN" ingest "$CORPUS" --db "$T/j2.db" -j 2
fi
run "ingest PostgreSQL -j 2 (one process)" "$BIN" ingest "$CORPUS" --db "$PG_URL" -j 2
queue_run() {  # queue_run LABEL WORKERS JOBS
  "${PG_PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS q" -c "CREATE DATABASE q" >/dev/null 2>&1
  local url=${PG_URL%/sitrep}/q
  "$BIN" enqueue "$CORPUS" --db "$url" 2>/dev/null
  local t0 t1 pids=()
  t0=$(now)
  for i in $(seq "$2"); do "$BIN" worker --db "$url" -j "$3" --batch 64 --name "w$i" 2>"$T/w$i.err" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p"; done
  t1=$(now)
  printf '%-40s %s\n' "$1" "$(rate "$t0" "$t1")"
}
queue_run "queue: 1 worker -j 3" 1 3
queue_run "queue: 3 workers -j 1" 3 1
queue_run "queue: 2 workers -j 1" 2 1
queue_run "queue: 1 worker -j 1" 1 1
