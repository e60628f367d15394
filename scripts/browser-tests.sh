#!/usr/bin/env bash
# Starts `regie serve --demo` on the given database (default: a fresh SQLite file), runs the browser tests
# against it with headless Chromium, and stops the server. Screenshots land in .build/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-}
LABEL=${2:-sqlite}
PORT=${REGIE_BROWSER_PORT:-8181}
SMTP_PORT=${REGIE_SMTP_PORT:-8125}
WORK=$(mktemp -d)
[ -n "$DB" ] || DB="$WORK/regie.sqlite"
BIN=$(swift build --show-bin-path)/regie
# E-mail goes to the tests' SMTP sink (tests/browser/conftest.py); the norm watch runs every second.
"$BIN" serve --demo --db "$DB" --port "$PORT" --bcrypt-cost 10 --smtp "127.0.0.1:$SMTP_PORT" \
  --public-url "http://127.0.0.1:$PORT" --watch-interval 1 >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  if ! kill -0 $SERVER 2>/dev/null; then cat "$WORK/server.log"; exit 1; fi
  sleep 0.5
done
# On PostgreSQL a second server shares the database, for the scale-out journey (tests/browser/test_two_servers.py).
SECOND=""
if [ "$LABEL" = postgres ]; then
  SECOND_PORT=$((PORT + 1))
  "$BIN" serve --db "$DB" --port "$SECOND_PORT" --bcrypt-cost 10 --smtp "127.0.0.1:$SMTP_PORT" \
    --public-url "http://127.0.0.1:$SECOND_PORT" --watch-interval 1 --totp-required none >"$WORK/server2.log" 2>&1 &
  SERVER2=$!
  trap 'kill $SERVER $SERVER2 2>/dev/null || true; wait $SERVER $SERVER2 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$SECOND_PORT/health" >/dev/null && break
    if ! kill -0 $SERVER2 2>/dev/null; then cat "$WORK/server2.log"; exit 1; fi
    sleep 0.5
  done
  SECOND="http://127.0.0.1:$SECOND_PORT"
fi
REGIE_URL_2="$SECOND" REGIE_URL="http://127.0.0.1:$PORT" REGIE_BACKEND="$LABEL" REGIE_SMTP_PORT="$SMTP_PORT" /usr/bin/python3 -m pytest -q tests/browser \
  || { echo "--- server log ---"; tail -n 50 "$WORK/server.log"; exit 1; }
