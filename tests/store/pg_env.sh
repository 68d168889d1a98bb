# Sourced by the PostgreSQL tests: starts a throwaway PostgreSQL server in a temporary folder, listening on
# 127.0.0.1 (a free port) and on a unix socket in that folder, with trust authentication; stops it and removes
# the folder on exit. PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user (or
# `nobody`) through runuser/setpriv. Sets PG_URL (postgresql://…/sitrep), PG_PSQL (a psql command line) and
# PG_DIR. PG_LISTEN (default 127.0.0.1) sets the addresses the server listens on. Exits 77 (CTest: skipped) with a message when no PostgreSQL server binaries are installed.
#   Usage: source tests/store/pg_env.sh; pg_start; … ; (pg_stop runs at exit)

PG_BIN=${PG_BIN:-}
if [ -z "$PG_BIN" ]; then
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/postgres" ] && PG_BIN=$d; done
fi
if [ -z "$PG_BIN" ] && command -v pg_ctl >/dev/null; then PG_BIN=$(dirname "$(command -v pg_ctl)"); fi
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/postgres" ]; then
  echo "SKIP: no PostgreSQL server found (apt-get install postgresql, or set PG_BIN)" >&2
  exit 77
fi

PG_AS=()
if [ "$(id -u)" = 0 ]; then
  pg_user=postgres
  getent passwd postgres >/dev/null || pg_user=nobody
  if command -v runuser >/dev/null; then PG_AS=(runuser -u "$pg_user" --)
  else PG_AS=(setpriv --reuid="$pg_user" --regid="$(id -g "$pg_user")" --clear-groups --); fi
fi

pg_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  [ -n "${PG_DIR:-}" ] && rm -rf "$PG_DIR"
}

pg_start() {
  PG_DIR=$(mktemp -d /tmp/sitrep-pg.XXXXXX)
  chmod 755 "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown "$pg_user" "$PG_DIR"
  trap pg_stop EXIT
  "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --locale=C.UTF-8 -E UTF8 \
    >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; echo "FAIL: initdb" >&2; exit 1; }
  # Clients from test network namespaces (10.231.0.0/16, see pg_cluster_test.sh) are trusted too.
  echo "host all all 10.231.0.0/16 trust" >>"$PG_DIR/data/pg_hba.conf"
  local port ok=0
  for _ in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 30000))
    if "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-p $port -k $PG_DIR -c listen_addresses=${PG_LISTEN:-127.0.0.1} -c fsync=off -c max_connections=50" start >/dev/null 2>&1; then
      ok=1
      break
    fi
  done
  [ $ok = 1 ] || { cat "$PG_DIR/server.log" >&2; echo "FAIL: cannot start PostgreSQL" >&2; exit 1; }
  PG_PORT=$port
  PG_PSQL=("$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres)
  "${PG_PSQL[@]}" -d postgres -c "CREATE DATABASE sitrep" >/dev/null
  PG_URL="postgresql://postgres@127.0.0.1:$port/sitrep"
  export PG_URL
}

# psql one value from the test database.
pg_scalar() { "${PG_PSQL[@]}" -d sitrep -c "$1"; }
