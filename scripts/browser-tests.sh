#!/usr/bin/env bash
# Starts `regie serve --demo` on the given database (default: a fresh SQLite file), runs the browser tests
# against it with headless Chromium, and stops the server. Screenshots land in .build/screenshots/.
# REGIE_BROWSER_TESTS=tests/browser/test_login.py runs one file (or any pytest selection) instead of all.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-}
LABEL=${2:-sqlite}
PORT=${REGIE_BROWSER_PORT:-8181}
SMTP_PORT=${REGIE_SMTP_PORT:-8125}
WORK=$(mktemp -d)
[ -n "$DB" ] || DB="$WORK/regie.sqlite"
BIN=$(swift build --show-bin-path)/regie
SERVERS=()
trap 'kill "${SERVERS[@]}" 2>/dev/null || true; wait "${SERVERS[@]}" 2>/dev/null || true' EXIT
# Starts a server on the database at port $1 (log $2, more options after) and waits until it answers.
# E-mail goes to the tests' SMTP sink (tests/browser/conftest.py); the norm watch runs every second. Both servers
# get the first one's address as public URL, as servers behind one load balancer do: whichever server sends an
# e-mail from the shared outbox, its link points to the same address.
start_server() {
  local port=$1 log=$2
  shift 2
  "$BIN" serve --db "$DB" --port "$port" --bcrypt-cost 10 --smtp "127.0.0.1:$SMTP_PORT" \
    --public-url "http://127.0.0.1:$PORT" --watch-interval 1 "$@" >"$log" 2>&1 &
  local pid=$!
  SERVERS+=("$pid")
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0
    if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; exit 1; fi
    sleep 0.5
  done
}
start_server "$PORT" "$WORK/server.log" --demo
# On PostgreSQL a second server shares the database, for the scale-out journey (tests/browser/test_two_servers.py).
SECOND=""
if [ "$LABEL" = postgres ]; then
  start_server $((PORT + 1)) "$WORK/server2.log" --totp-required none
  SECOND="http://127.0.0.1:$((PORT + 1))"
fi
REGIE_URL_2="$SECOND" REGIE_URL="http://127.0.0.1:$PORT" REGIE_BACKEND="$LABEL" REGIE_SMTP_PORT="$SMTP_PORT" /usr/bin/python3 -m pytest -q ${REGIE_BROWSER_TESTS:-tests/browser} \
  || { echo "--- server log ---"; tail -n 50 "$WORK/server.log"; exit 1; }
