#!/usr/bin/env bash
# The store round-trip tests (round_trip_test.cc) on PostgreSQL: starts a throwaway server (pg_env.sh) and runs
# them with SITREP_TEST_PG_URL set, so that the PostgreSQL cases run instead of being skipped.
# Usage: pg_round_trip_test.sh SITREP_TESTS_BINARY
set -euo pipefail
TESTS=$1
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/pg_env.sh"
pg_start
SITREP_TEST_PG_URL=$PG_URL "$TESTS" --gtest_filter='*StoreRoundTrip*' --gtest_brief=0 >"$PG_DIR/out" 2>&1 || {
  cat "$PG_DIR/out"; echo "FAIL: round-trip tests on PostgreSQL" >&2; exit 1; }
cat "$PG_DIR/out"
# Every PostgreSQL case ran (none skipped for want of a server).
if grep -q '\[  SKIPPED \]' "$PG_DIR/out"; then echo "FAIL: PostgreSQL cases were skipped" >&2; exit 1; fi
grep -q 'postgres' "$PG_DIR/out" || { echo "FAIL: no PostgreSQL case ran" >&2; exit 1; }
