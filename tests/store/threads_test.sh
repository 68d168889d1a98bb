#!/usr/bin/env bash
# Threads give the same bytes (issue 7): `extract -j 1`, `-j 2` and `-j 3`, and `ingest -j 1` and `-j 2` into SQLite,
# give identical output. Labelled `threads`: TSAN=1 bash scripts/test.sh runs it under ThreadSanitizer.
set -euo pipefail
BIN=$1
T=$(mktemp -d /tmp/sitrep-threads.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
N=${N:-300}
awk -v n="$N" 'BEGIN {
  split("Aleppo Douma Palmyra Idlib Raqqa Homs Hama Daraa", p, " ");
  for (i = 0; i < n; i++) {
    d = 1 + i % 28;
    printf "{\"id\": \"t%d\", \"published\": \"2016-02-%02d\", \"text\": \"Air strikes killed %d civilians in %s on Monday, the Syrian Observatory for Human Rights said. Islamic State fighters attacked a checkpoint near %s, and government forces recaptured the town. Report %d.\"}\n", i, d, i % 50 + 2, p[i % 8 + 1], p[(i + 3) % 8 + 1], i;
  }
}' >"$T/a.jsonl"
"$BIN" extract "$T/a.jsonl" -j 1 --format jsonl >"$T/e1" 2>/dev/null || fail "extract -j 1"
"$BIN" extract "$T/a.jsonl" -j 2 --format jsonl >"$T/e2" 2>/dev/null || fail "extract -j 2"
[ -s "$T/e1" ] || fail "no extract output"
cmp -s "$T/e1" "$T/e2" || fail "extract -j 1 and -j 2 differ"
# Real articles (the golden set, in corpus layout, five times over) in a JSON Lines feed with bad lines among
# them: stdout and stderr (input errors and extraction warnings, in input order) are the same bytes for -j 1
# and -j 3, in both formats. Several hundred articles make many chunks, so chunks finish out of order.
HERE=$(cd "$(dirname "$0")" && pwd)
python3 - "$HERE/../golden/articles" >"$T/real.jsonl" <<'PY'
import json, os, sys
d = sys.argv[1]
names = sorted(f for f in os.listdir(d) if f.endswith(".txt"))
n = 0
for copy in range(5):
    for f in names:
        text = open(os.path.join(d, f), encoding="utf-8").read()
        print(json.dumps({"id": f"{copy}-{f}", "text": text}))
        n += 1
        if n % 37 == 0: print("{not json")
        if n % 53 == 0: print(json.dumps({"id": "no-text"}))
PY
for fmt in jsonl csv; do
  "$BIN" extract "$T/real.jsonl" -j 1 --format $fmt >"$T/r1" 2>"$T/r1.err" && fail "bad lines must fail the run"
  "$BIN" extract "$T/real.jsonl" -j 3 --format $fmt >"$T/r3" 2>"$T/r3.err" && fail "bad lines must fail the run"
  [ "$(wc -l <"$T/r1")" -gt 100 ] || fail "too little output from the real articles ($fmt)"
  grep -q "malformed JSON" "$T/r1.err" || fail "no error for the malformed line"
  cmp -s "$T/r1" "$T/r3" || fail "extract -j 1 and -j 3 differ on real articles ($fmt)"
  cmp -s "$T/r1.err" "$T/r3.err" || fail "extract -j 1 and -j 3 messages differ ($fmt)"
done
"$BIN" ingest "$T/a.jsonl" --db "$T/1.db" -j 1 2>"$T/i1" || fail "ingest -j 1"
"$BIN" ingest "$T/a.jsonl" --db "$T/2.db" -j 2 2>"$T/i2" || fail "ingest -j 2"
cmp -s "$T/i1" "$T/i2" || fail "ingest summaries differ"
"$BIN" query --db "$T/1.db" --format json >"$T/q1" || fail "query"
"$BIN" query --db "$T/2.db" --format json >"$T/q2" || fail "query"
cmp -s "$T/q1" "$T/q2" || fail "ingest -j 1 and -j 2 stores differ"
echo "PASS: -j 1, -j 2 and -j 3 give the same bytes"
