#!/usr/bin/env bash
# Starts a PostgreSQL on 127.0.0.1 for the tests and the benchmark, in a temporary directory, as user postgres.
# Prints the URL to use as TEST_POSTGRES_URL. Stop it with: scripts/start-test-postgres.sh stop
# REGIE_PGOPTIONS adds server settings when it starts (bench/pg_plans.sh loads pg_stat_statements with it).
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
DIR=${REGIE_PGDATA:-/tmp/regie-test-pg}
PORT=${REGIE_PGPORT:-55432}
if [ "${1:-}" = "stop" ]; then
  su postgres -c "$PGBIN/pg_ctl -D $DIR/data -m fast stop" >/dev/null 2>&1 || true
  exit 0
fi
if [ -z "$PGBIN" ]; then echo "PostgreSQL is not installed" >&2; exit 1; fi
start() {
  su postgres -c "$PGBIN/pg_ctl -D $DIR/data -l $DIR/server.log -w \
    -o '-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR -c max_connections=300 -c fsync=off ${REGIE_PGOPTIONS:-}' start" >/dev/null
}
if ! su postgres -c "$PGBIN/pg_ctl -D $DIR/data status" >/dev/null 2>&1; then
  # A stopped cluster starts again with its databases (the benchmark's generated region takes most of an hour to
  # make); only a missing or broken one is made anew.
  if [ ! -f "$DIR/data/PG_VERSION" ] || ! start 2>/dev/null; then
    rm -rf "$DIR"; mkdir -p "$DIR"; chown postgres "$DIR"
    su postgres -c "$PGBIN/initdb -D $DIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$DIR/initdb.log" 2>&1
    start
  fi
fi
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
