#!/usr/bin/env bash
# Load test of `sitrep serve` (issue 5): wrk on loopback against a store of about 100,000 events.
# Usage: bash bench/serve_bench.sh [BUILD_DIR]     (default build/; env: ARTICLES=12800 TARGET=100000 DURATION=20s CONNS=32)
# Builds the store once (bench/serve-store.db: `sitrep ingest` of bench/make_serve_corpus.py's articles, then the
# events copied up to TARGET), then measures:
#   1. one filtered event query, the same URL every time (answered from the response cache after the first);
#   2. filtered event queries that differ in every request (random type, country and 30-day window: the store
#      answers each), with the cache off;
#   3. the page's first render in headless Chromium (when node, playwright-core and Chromium are there).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
SITREP=$BUILD_DIR/tools/sitrep
ARTICLES=${ARTICLES:-12800}
DURATION=${DURATION:-20s}
CONNS=${CONNS:-32}
THREADS=${THREADS:-2}
DB=${DB:-bench/serve-store.db}
PORT=${PORT:-18080}
command -v wrk >/dev/null || { echo "serve_bench: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ -x "$SITREP" ] || { echo "serve_bench: build sitrep first ($SITREP)" >&2; exit 2; }

if [ ! -f "$DB" ]; then
  echo "serve_bench: building $DB from $ARTICLES synthetic articles…" >&2
  python3 bench/make_serve_corpus.py "$ARTICLES" > "$DB.jsonl"
  /usr/bin/time -f "ingest: %e s, %M KB peak" "$SITREP" ingest "$DB.jsonl" --db "$DB" -j 2
  rm -f "$DB.jsonl"
fi
# Up to TARGET events: the ingested events are copied ten years earlier (same places, types and actors; the
# copies have no claims). Ingest of the full 21,000 articles takes half an hour on a loaded 2-core machine; the
# event queries measured here read the events, places and actors tables only.
TARGET=${TARGET:-100000}
have=$(sqlite3 "$DB" 'SELECT count(*) FROM events')
if [ "$have" -lt "$TARGET" ]; then
  sqlite3 "$DB" "INSERT INTO events(family, acled, acled_sub, plover, cameo, place_id, country, admin1, lat, lon,
      date_start, date_end, actor1_id, actor2_id, killed_min, killed_max, claim_count, source_count, confidence,
      anchor_claim_id)
    SELECT family, acled, acled_sub, plover, cameo, place_id, country, admin1, lat, lon, date(date_start, '-10 years'),
      date(date_end, '-10 years'), actor1_id, actor2_id, killed_min, killed_max, claim_count, source_count,
      confidence, anchor_claim_id FROM events ORDER BY id LIMIT $((TARGET - have)); PRAGMA optimize;"
fi
# A store built by an older sitrep gets the missing migrations (an ingest of no articles applies them; the server
# opens the store read-only and would refuse an old schema).
EMPTY=$(mktemp --suffix=.jsonl)
"$SITREP" ingest "$EMPTY" --db "$DB" 2>/dev/null
rm -f "$EMPTY"
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores" >&2
echo "store: $(sqlite3 "$DB" 'SELECT count(*) FROM events') events, $(sqlite3 "$DB" 'SELECT count(*) FROM claims') claims" >&2

LUA=$(mktemp --suffix=.lua)
cat > "$LUA" <<'LUA'
-- A different filtered query every request: type x country x 30-day window.
local types = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests"}
local countries = {"SY", "IQ", "YE", "UA", "AF", "SO"}
math.randomseed(os.time())
request = function()
  local y = math.random(2015, 2024)
  local m = math.random(1, 11)
  local path = string.format("/api/events?type=%s&country=%s&from=%d-%02d-01&to=%d-%02d-01&limit=50",
    types[math.random(#types)]:gsub("/", "%%2F"):gsub(" ", "%%20"), countries[math.random(#countries)], y, m, y, m + 1)
  return wrk.format("GET", path)
end
LUA

run() {  # $1: label, $2: cache entries, rest: wrk arguments
  local label=$1 cache=$2
  shift 2
  "$SITREP" serve --db "$DB" --port "$PORT" --cache "$cache" 2>/dev/null &
  local pid=$!
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/api/stats" >/dev/null 2>&1 && break; sleep 0.1; done
  echo "== $label" >&2
  local t0 t1 out
  t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  out=$(wrk -t "$THREADS" -c "$CONNS" -d "$DURATION" --latency "$@")
  t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  echo "$out" | grep -E "Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx"
  # The server's own CPU time: requests per CPU-second say what 2 quiet cores would give, whatever else runs.
  local reqs
  reqs=$(echo "$out" | awk '/requests in/ {print $1}')
  awk -v t="$((t1 - t0))" -v hz="$(getconf CLK_TCK)" -v n="$reqs" \
    'BEGIN { s = t / hz; printf "  server CPU %.2f s for %d requests: %.0f requests per CPU-second (%.0f us each)\n", s, n, (s > 0 ? n / s : 0), (n > 0 ? s * 1e6 / n : 0) }'
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

URL="http://127.0.0.1:$PORT/api/events?country=SY&type=Battles&limit=50"
run "same filtered query (cache on): $URL" 2048 "$URL"
run "same filtered query (cache off)" 0 "$URL"
run "a different filtered query every request (cache off)" 0 -s "$LUA" "http://127.0.0.1:$PORT"
rm -f "$LUA"

if command -v node >/dev/null && [ -x /usr/bin/chromium ] && [ -d node_modules/playwright-core ]; then
  "$SITREP" serve --db "$DB" --port "$PORT" 2>/dev/null &
  pid=$!
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/api/stats" >/dev/null 2>&1 && break; sleep 0.1; done
  echo "== the page in headless Chromium" >&2
  node bench/first_render.mjs "http://127.0.0.1:$PORT/" || true
  kill "$pid"
  wait "$pid" 2>/dev/null || true
fi
