#!/usr/bin/env bash
# Runs `swift test` (with the arguments given) under a watchdog, for CI. A whole run takes two to four minutes on two
# cores; one that has not ended after REGIE_TEST_STALL seconds (default 900) is taken as hung: the stacks of the test
# process's threads and the PostgreSQL sessions are printed (so the hang can be traced), the run is stopped and tried
# once more. A failing test fails at once and is never retried; a second hang fails too.
set -uo pipefail
cd "$(dirname "$0")/.."
STALL=${REGIE_TEST_STALL:-900}

# Prints what a hung run is doing: every thread's stack and every database session on the test server.
report_hang() {
  echo "== The test run did not end within ${STALL} s: thread stacks and database sessions follow"
  for pid in $(pgrep -f "$PWD/.build/.*RegiePackageTests.xctest"); do
    gdb -p "$pid" -batch -ex 'thread apply all bt 25' 2>&1 | grep -E '^(Thread|#)' | cut -c1-240
  done
  if [ -n "${TEST_POSTGRES_URL:-}" ]; then
    psql "$TEST_POSTGRES_URL" -c "SELECT datname, state, wait_event_type, wait_event, now() - xact_start AS age,
      left(query, 120) AS query FROM pg_stat_activity WHERE backend_type = 'client backend'" 2>&1
  fi
}

for attempt in 1 2; do
  swift test "$@" &
  test_pid=$!
  waited=0
  while kill -0 "$test_pid" 2>/dev/null && [ "$waited" -lt "$STALL" ]; do
    sleep 5
    waited=$((waited + 5))
  done
  if ! kill -0 "$test_pid" 2>/dev/null; then
    wait "$test_pid"
    exit $?
  fi
  report_hang
  pkill -f "$PWD/.build/.*RegiePackageTests.xctest"
  kill "$test_pid" 2>/dev/null
  wait "$test_pid" 2>/dev/null
  echo "== Attempt $attempt hung and was stopped"
done
exit 1
