#!/usr/bin/env bash
# The PostgreSQL store gives the same answers as the SQLite store: ingest the same articles into both, compare
# query (json, csv, acled, plover), event and control output; re-ingesting changes nothing; a bad URL gives a
# clear error. Usage: pg_store_test.sh SITREP_BINARY
set -euo pipefail
BIN=$1
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/pg_env.sh"
pg_start
T=$PG_DIR/t
mkdir -p "$T"
fail() { echo "FAIL: $*" >&2; exit 1; }

INPUT=$HERE/data/palmyra_douma.jsonl
"$BIN" ingest "$INPUT" "$HERE/../../data/examples/palmyra.txt" --db "$T/s.db" -j 1 2>"$T/sqlite.err" || { cat "$T/sqlite.err"; fail "sqlite ingest"; }
"$BIN" ingest "$INPUT" "$HERE/../../data/examples/palmyra.txt" --db "$PG_URL" -j 2 2>"$T/pg.err" || { cat "$T/pg.err"; fail "pg ingest"; }
diff <(sed 's/, [0-9]* failed//' "$T/sqlite.err") <(sed 's/, [0-9]* failed//' "$T/pg.err") || fail "ingest summaries differ"

for args in "--format json" "--format csv" "--format acled" "--format plover" "--format geojson" \
            "--place Douma --format json" "--country SY --from 2016-12-01 --format csv" \
            "--type Air/drone\ strike --format json" "--actor Islamic --format csv" "--limit 3"; do
  eval "\"$BIN\" query --db \"$T/s.db\" $args" >"$T/a.out" 2>&1 || true
  eval "\"$BIN\" query --db \"$PG_URL\" $args" >"$T/b.out" 2>&1 || true
  diff "$T/a.out" "$T/b.out" >/dev/null || { diff "$T/a.out" "$T/b.out" | head -20; fail "query $args differs"; }
done
n=$("$BIN" query --db "$PG_URL" --format csv | wc -l)
[ "$n" -gt 2 ] || fail "too few events in the PostgreSQL store ($n lines)"
for id in 1 2 3; do
  diff <("$BIN" event $id --db "$T/s.db" --format json 2>&1) <("$BIN" event $id --db "$PG_URL" --format json 2>&1) \
    || fail "event $id differs"
done
diff <("$BIN" control Palmyra --db "$T/s.db" 2>&1) <("$BIN" control Palmyra --db "$PG_URL" 2>&1) || fail "control differs"
diff <("$BIN" control Palmyra --on 2016-06-01 --format text --db "$T/s.db" 2>&1) \
     <("$BIN" control Palmyra --on 2016-06-01 --format text --db "$PG_URL" 2>&1) || fail "control --on differs"

# The API over both stores (issue 5): event pages and /api/summary (grouped in each database) answer the same bytes.
serve_on() {  # $1: store, $2: file for the port; starts sitrep serve on a free port
  "$BIN" serve --db "$1" --port 0 --cache 0 2>"$2.err" &
  echo $! >"$2.pid"
  for _ in $(seq 100); do
    port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$2.err")
    [ -n "$port" ] && { echo "$port" >"$2"; return 0; }
    sleep 0.1
  done
  cat "$2.err"; fail "sitrep serve --db $1 did not start"
}
serve_on "$T/s.db" "$T/port_a"
serve_on "$PG_URL" "$T/port_b"
for u in "/api/summary" "/api/summary?country=SY" "/api/summary?type=Battles" "/api/summary?place=Palmyra" \
         "/api/summary?actor=Islamic&from=2016-01-01" "/api/summary?place=Nowhere" "/api/events?limit=3&order=oldest" \
         "/api/events?country=sy&type=battles" "/api/events?place=Palmyra&radius=50km"; do
  a=$(curl -fsS "http://127.0.0.1:$(cat "$T/port_a")$u") || fail "GET $u on SQLite"
  b=$(curl -fsS "http://127.0.0.1:$(cat "$T/port_b")$u") || fail "GET $u on PostgreSQL"
  [ "$a" = "$b" ] || { diff <(echo "$a") <(echo "$b") | head; fail "GET $u differs"; }
done
grep -q '"total":[1-9]' <(curl -fsS "http://127.0.0.1:$(cat "$T/port_b")/api/summary") || fail "empty summary"
kill "$(cat "$T/port_a.pid")" "$(cat "$T/port_b.pid")"
wait 2>/dev/null || true

# Re-ingest: nothing changes.
before=$(pg_scalar "SELECT (SELECT count(*) FROM documents)||'/'||(SELECT count(*) FROM claims)||'/'||(SELECT count(*) FROM events)")
"$BIN" ingest "$INPUT" --db "$PG_URL" 2>"$T/again.err" || { cat "$T/again.err"; fail "re-ingest"; }
grep -q "0 stored" "$T/again.err" || { cat "$T/again.err"; fail "re-ingest stored something"; }
after=$(pg_scalar "SELECT (SELECT count(*) FROM documents)||'/'||(SELECT count(*) FROM claims)||'/'||(SELECT count(*) FROM events)")
[ "$before" = "$after" ] || fail "re-ingest changed the store: $before -> $after"

# Document rows written for a whole batch at once (PrepareDocuments) keep the input order and the per-article
# all-or-nothing rule. A feed with articles without events, the same article twice in one batch, and an article
# whose claim the server refuses (a trigger): the run stops at that article; it and every article after it are
# not stored (their prepared document rows are removed), so a second run stores them. The end state and the
# document order equal a SQLite ingest of the same feed.
python3 - "$INPUT" >"$T/feed.jsonl" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
out = [{"id": "quiet-1", "text": "The committee met on Tuesday to discuss the budget."}]
out += [lines[0], {"id": "quiet-2", "text": "Wheat prices rose slightly in early trading."}, lines[0]]
victim = dict(lines[4]); victim["id"] = "victim"; victim["published"] = "2016-12-06"
out += [victim, {"id": "quiet-3", "text": "The museum reopened after renovation."}, lines[1]]
for o in out: print(json.dumps(o))
PY
"${PG_PSQL[@]}" -d postgres -c "CREATE DATABASE prep" >/dev/null
PREP_URL=${PG_URL%/sitrep}/prep
"$BIN" ingest "$T/feed.jsonl" --db "$PREP_URL" -j 1 2>/dev/null || fail "creating the schema"
"${PG_PSQL[@]}" -d prep -c "TRUNCATE documents, sentences, places, actors, events, claims, counts, links RESTART IDENTITY" \
  -c "CREATE FUNCTION refuse_victim() RETURNS trigger AS \$\$ BEGIN
        IF (SELECT doc_id FROM documents WHERE id = NEW.document_id) = 'victim' THEN RAISE EXCEPTION 'refused'; END IF;
        RETURN NEW; END \$\$ LANGUAGE plpgsql" \
  -c "CREATE TRIGGER refuse BEFORE INSERT ON claims FOR EACH ROW EXECUTE FUNCTION refuse_victim()" >/dev/null
if "$BIN" ingest "$T/feed.jsonl" --db "$PREP_URL" -j 2 2>"$T/prep1.err"; then fail "the refused claim did not fail the ingest"; fi
grep -q "refused" "$T/prep1.err" || { cat "$T/prep1.err"; fail "no error for the refused claim"; }
got=$("${PG_PSQL[@]}" -d prep -c "SELECT string_agg(doc_id, ' ' ORDER BY id) FROM documents")
[ "$got" = "quiet-1 pal-1 quiet-2" ] || fail "after the refused article, documents are '$got', want 'quiet-1 pal-1 quiet-2'"
"${PG_PSQL[@]}" -d prep -c "DROP TRIGGER refuse ON claims" >/dev/null
"$BIN" ingest "$T/feed.jsonl" --db "$PREP_URL" -j 2 2>"$T/prep2.err" || { cat "$T/prep2.err"; fail "second run"; }
grep -q "7 articles (3 stored, 4 already in the store)" "$T/prep2.err" || { cat "$T/prep2.err"; fail "second run's summary"; }
"$BIN" ingest "$T/feed.jsonl" --db "$T/feed.db" -j 1 2>"$T/prep3.err" || { cat "$T/prep3.err"; fail "sqlite feed"; }
grep -q "7 articles (6 stored, 1 already in the store)" "$T/prep3.err" || { cat "$T/prep3.err"; fail "sqlite summary"; }
got=$("${PG_PSQL[@]}" -d prep -c "SELECT string_agg(doc_id, ' ' ORDER BY id) FROM documents")
[ "$got" = "quiet-1 pal-1 quiet-2 victim quiet-3 pal-2" ] || fail "documents after the second run: '$got'"
# Ids aside: the refused transaction used up sequence values (PostgreSQL never hands them out again).
noids() { sed -E 's/"(id|claim)":[0-9]+//g'; }
diff <("$BIN" query --db "$T/feed.db" --format json | noids) <("$BIN" query --db "$PREP_URL" --format json | noids) \
  || fail "stores differ after the retried article"

# A worker waiting for another worker's lease is woken by that worker's completion (LISTEN/NOTIFY) and exits
# then, not after its --poll of 60 s.
"${PG_PSQL[@]}" -d postgres -c "CREATE DATABASE wq" >/dev/null
WQ_URL=${PG_URL%/sitrep}/wq
"$BIN" enqueue "$INPUT" --db "$WQ_URL" 2>/dev/null || fail "enqueue"
"$BIN" worker --db "$WQ_URL" --name holder -j 1 --batch 100 --delay-ms 2000 2>"$T/holder.err" &
holder=$!
for _ in $(seq 300); do
  [ "$("${PG_PSQL[@]}" -d wq -c "SELECT count(*) FROM queue WHERE claimed_by='holder'")" -gt 0 ] && break
  sleep 0.1
done
t0=$(date +%s)
"$BIN" worker --db "$WQ_URL" --name waiter -j 1 --poll 60 2>"$T/waiter.err" || { cat "$T/waiter.err"; fail "waiter"; }
t1=$(date +%s)
wait "$holder" || { cat "$T/holder.err"; fail "holder"; }
[ $((t1 - t0)) -lt 30 ] || fail "the waiting worker took $((t1 - t0)) s: not woken by the other's completion"
grep -q "0 articles" "$T/waiter.err" || { cat "$T/waiter.err"; fail "the waiter should have found nothing to do"; }

# A batch larger than one statement's 65,535 parameters (10 per document row) is written in several INSERTs.
awk 'BEGIN { for (i = 0; i < 7000; i++) printf "{\"id\": \"n%d\", \"text\": \"Item %d of the list.\"}\n", i, i }' >"$T/big.jsonl"
"${PG_PSQL[@]}" -d postgres -c "CREATE DATABASE big" >/dev/null
BIG_URL=${PG_URL%/sitrep}/big
"$BIN" enqueue "$T/big.jsonl" --db "$BIG_URL" 2>/dev/null || fail "enqueue 7000"
"$BIN" worker --db "$BIG_URL" --name big -j 1 --batch 7000 2>"$T/big.err" || { cat "$T/big.err"; fail "worker --batch 7000"; }
[ "$("${PG_PSQL[@]}" -d big -c "SELECT count(*) FROM documents")" = 7000 ] || fail "not every document of the big batch was stored"

# Errors name the server and say what is wrong; no password in messages.
if "$BIN" query --db "postgresql://u:secret@127.0.0.1:1/none" 2>"$T/bad.err"; then fail "bad URL accepted"; fi
grep -q "cannot connect to PostgreSQL" "$T/bad.err" || { cat "$T/bad.err"; fail "unclear connection error"; }
grep -q secret "$T/bad.err" && fail "password printed"
"${PG_PSQL[@]}" -d postgres -c "CREATE DATABASE other" >/dev/null
"${PG_PSQL[@]}" -d other -c "CREATE TABLE foreign_table(x int)" >/dev/null
if "$BIN" ingest "$INPUT" --db "${PG_URL%/sitrep}/other" 2>"$T/foreign.err"; then fail "foreign database accepted"; fi
grep -q "not a sitrep database" "$T/foreign.err" || { cat "$T/foreign.err"; fail "unclear foreign-database error"; }
if "$BIN" query --db "${PG_URL%/sitrep}/postgres" 2>"$T/empty.err"; then fail "empty database accepted for query"; fi
grep -q "empty database" "$T/empty.err" || { cat "$T/empty.err"; fail "unclear empty-database error"; }
echo "PASS: PostgreSQL store matches SQLite"
