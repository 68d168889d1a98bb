#!/usr/bin/env bash
# Workers on several "hosts" sharing one PostgreSQL store and queue (issue 7). As root with iproute2, the worker
# that gets cut off runs in its own network namespace joined to the server by a veth pair, and the cut is the
# link going down; otherwise (no privileges) the hosts are processes talking TCP to 127.0.0.1 and the cut is a
# SIGSTOP. Usage:
#   pg_cluster_test.sh SITREP_BINARY faults   three workers; one SIGKILLed mid-batch, one cut off past its lease
#                                             while it holds a batch, then reconnected; every article stored
#                                             exactly once
#   pg_cluster_test.sh SITREP_BINARY slow     a slow worker holding a batch does not hold back a fast one
set -euo pipefail
BIN=$1
MODE=${2:-faults}
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/pg_env.sh"
# A network namespace for the worker that will be cut off, when we may make one.
NS="" NET=$((RANDOM % 250 + 1))
if [ "$MODE" = faults ] && [ "$(id -u)" = 0 ] && command -v ip >/dev/null && [ "${SITREP_TEST_NETNS:-1}" = 1 ]; then
  NS=sitrep_w3_$$
  if ip netns add "$NS" 2>/dev/null && ip link add "sv$$" type veth peer name "sw$$" 2>/dev/null &&
     ip link set "sw$$" netns "$NS" && ip addr add "10.231.$NET.1/30" dev "sv$$" && ip link set "sv$$" up &&
     ip netns exec "$NS" ip addr add "10.231.$NET.2/30" dev "sw$$" && ip netns exec "$NS" ip link set "sw$$" up &&
     ip netns exec "$NS" ip link set lo up; then
    export PG_LISTEN="127.0.0.1,10.231.$NET.1"
  else
    ip link del "sv$$" 2>/dev/null || true
    ip netns del "$NS" 2>/dev/null || true
    NS=""
  fi
fi
pg_start
T=$PG_DIR/t
mkdir -p "$T"
fail() {
  echo "FAIL: $*" >&2
  for f in "$T"/*.err; do [ -f "$f" ] && { echo "--- $f" >&2; tail -5 "$f" >&2; }; done
  exit 1
}
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -CONT "$p" 2>/dev/null || true; kill -9 "$p" 2>/dev/null || true; done
  pg_stop
  if [ -n "$NS" ]; then ip link del "sv$$" 2>/dev/null || true; ip netns del "$NS" 2>/dev/null || true; fi
}
trap cleanup EXIT

# Articles: the SIGKILL test's generator, with places, dates and casualty figures varying.
N=${N:-600}
awk -v n="$N" 'BEGIN {
  split("Aleppo Douma Palmyra Idlib Raqqa Homs Hama Daraa", p, " ");
  for (i = 0; i < n; i++) {
    d = 1 + i % 28;
    printf "{\"id\": \"a%d\", \"published\": \"2016-02-%02d\", \"text\": \"Air strikes killed %d civilians in %s on Monday, the Syrian Observatory for Human Rights said. Islamic State fighters attacked a checkpoint near %s. Report number %d.\"}\n", i, d, i % 50 + 2, p[i % 8 + 1], p[(i + 3) % 8 + 1], i;
  }
}' >"$T/articles.jsonl"

status_json() { "$BIN" queue status --db "$PG_URL" --format json 2>/dev/null; }
# The number in `"key":N` of the queue status, for one worker (name) or the whole queue.
leased_by() { status_json | grep -o "\"name\":\"$1\",\"leased\":[0-9]*" | grep -o '[0-9]*$' || echo 0; }
done_count() { pg_scalar "SELECT count(*) FROM queue WHERE done_at IS NOT NULL"; }
has_lease() { test "$(leased_by "$1")" -gt 0; }
done_at_least() { test "$(done_count)" -ge "$1"; }
wait_for() {  # wait_for SECONDS COMMAND…: until the command succeeds (evaluated anew each time)
  local limit=$1; shift
  for _ in $(seq 1 $((limit * 10))); do "$@" && return 0; sleep 0.1; done
  return 1
}

"$BIN" enqueue "$T/articles.jsonl" --db "$PG_URL" 2>"$T/enqueue.err" || fail "enqueue"
grep -q "$N enqueued" "$T/enqueue.err" || fail "enqueue count: $(cat "$T/enqueue.err")"
# Enqueueing again adds nothing.
"$BIN" enqueue "$T/articles.jsonl" --db "$PG_URL" 2>"$T/enqueue2.err" || fail "enqueue again"
grep -q "0 enqueued, $N already queued" "$T/enqueue2.err" || fail "re-enqueue: $(cat "$T/enqueue2.err")"

check_exactly_once() {
  [ "$(pg_scalar "SELECT count(*) FROM queue WHERE done_at IS NULL")" = 0 ] || fail "queue not drained"
  [ "$(pg_scalar "SELECT count(*) FROM documents")" = "$N" ] || fail "documents: $(pg_scalar "SELECT count(*) FROM documents") != $N"
  [ "$(pg_scalar "SELECT count(*) FROM queue q LEFT JOIN documents d ON d.hash=q.hash WHERE d.id IS NULL")" = 0 ] \
    || fail "queued articles missing from the store"
  [ "$(pg_scalar "SELECT count(*) FROM (SELECT doc_id FROM documents GROUP BY doc_id HAVING count(*) > 1) x")" = 0 ] \
    || fail "duplicate documents"
  [ "$(pg_scalar "SELECT count(*) FROM documents d WHERE event_count <> (SELECT count(*) FROM claims c WHERE c.document_id=d.id)")" = 0 ] \
    || fail "documents with missing or duplicate claims"
  [ "$(pg_scalar "SELECT sum(claim_count) FROM events")" = "$(pg_scalar "SELECT count(*) FROM claims")" ] \
    || fail "event claim counts disagree with the claims"
  # The same claims as one process ingesting into SQLite.
  "$BIN" ingest "$T/articles.jsonl" --db "$T/ref.db" -j 1 2>"$T/ref.err" || fail "reference ingest"
  local ref_claims
  ref_claims=$(grep -o '[0-9]* events (' "$T/ref.err" | grep -o '^[0-9]*')
  [ "$(pg_scalar "SELECT count(*) FROM claims")" = "$ref_claims" ] \
    || fail "claims: $(pg_scalar "SELECT count(*) FROM claims") in PostgreSQL, $ref_claims in the reference"
}

if [ "$MODE" = faults ]; then
  LEASE=3
  # w2 claims a batch and sits on it (it will be SIGKILLed); w3 is slow and will be cut off (SIGSTOP) past its
  # lease while it holds a batch, then resumed after the others finished.
  "$BIN" worker --db "$PG_URL" --name w2 -j 1 --batch 20 --lease $LEASE --delay-ms 600000 2>"$T/w2.err" &
  W2=$!; PIDS+=($W2)
  wait_for 60 has_lease w2 || fail "w2 never claimed a batch"
  if [ -n "$NS" ]; then
    # w3 is another host: its own network namespace, reaching the server over a veth link.
    W3_URL="postgresql://postgres@10.231.$NET.1:$PG_PORT/sitrep"
    ip netns exec "$NS" "$BIN" worker --db "$W3_URL" --name w3 -j 1 --batch 20 --lease $LEASE --delay-ms 1500 \
      2>"$T/w3.err" &
  else
    "$BIN" worker --db "$PG_URL" --name w3 -j 1 --batch 20 --lease $LEASE --delay-ms 1500 2>"$T/w3.err" &
  fi
  W3=$!; PIDS+=($W3)
  wait_for 60 has_lease w3 || fail "w3 never claimed a batch"
  if [ -n "$NS" ]; then ip link set "sv$$" down; CUT="veth link down"; else kill -STOP $W3; CUT="SIGSTOP"; fi
  kill -9 $W2
  "$BIN" worker --db "$PG_URL" --name w1 -j 2 --batch 20 --lease $LEASE 2>"$T/w1.err" &
  W1=$!; PIDS+=($W1)
  wait $W1 || fail "w1 failed"
  # w1 finished everything, including the batches of the killed and the stopped worker, once their leases ran out.
  [ "$(done_count)" = "$N" ] || fail "w1 left $(( N - $(done_count) )) articles"
  status_json | grep -q '"name":"w1"' || fail "w1 not in queue status"
  if [ -n "$NS" ]; then ip link set "sv$$" up; else kill -CONT $W3; fi
  wait $W3 || fail "w3 failed after being reconnected"
  grep -q "sitrep worker w3: " "$T/w3.err" || fail "w3 summary missing"
  check_exactly_once
  "$BIN" queue status --db "$PG_URL" >"$T/status.txt" || fail "queue status"
  grep -q "$N done, 0 pending, 0 leased, 0 with an expired lease, 0 failed" "$T/status.txt" || fail "status: $(cat "$T/status.txt")"
  cat "$T/w1.err" "$T/w3.err" >&2
  echo "PASS: killed and cut-off ($CUT) workers; every article stored exactly once"
else
  # slow: its batch of 10 takes 8 s to store; the fast worker must finish the other articles meanwhile.
  "$BIN" worker --db "$PG_URL" --name slow -j 1 --batch 10 --lease 60 --delay-ms 8000 2>"$T/slow.err" &
  WS=$!; PIDS+=($WS)
  wait_for 60 has_lease slow || fail "the slow worker never claimed"
  start=$(date +%s)
  "$BIN" worker --db "$PG_URL" --name fast -j 1 --batch 20 --lease 60 --poll 0.1 2>"$T/fast.err" &
  WF=$!; PIDS+=($WF)
  # Everything but the slow worker's batch is done while the slow worker still holds it.
  wait_for 120 done_at_least $((N - 10)) || fail "the fast worker was held back ($(done_count) done)"
  slow_done=$(pg_scalar "SELECT count(*) FROM queue WHERE done_by='slow'")
  [ "$slow_done" -le 10 ] || fail "the slow worker did $slow_done (expected at most its first batch)"
  wait $WS || fail "slow worker failed"
  wait $WF || fail "fast worker failed"
  fast_done=$(pg_scalar "SELECT count(*) FROM queue WHERE done_by='fast'")
  [ "$fast_done" -ge $((N - 20)) ] || fail "the fast worker did only $fast_done"
  check_exactly_once
  echo "PASS: a slow worker does not hold back the others (fast $fast_done, slow $(pg_scalar "SELECT count(*) FROM queue WHERE done_by='slow'"), $(( $(date +%s) - start )) s)"
fi
