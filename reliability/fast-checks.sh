#!/usr/bin/env bash
# The reliability checks CI runs on every change (the long runs and their results: reliability/RESULTS.md):
# crash safety of intake under SIGKILL and SIGTERM, backup while serving and restore — on SQLite, and on
# PostgreSQL when a server URL is given — then API fuzzing (schemathesis), hostile form input and a two-minute soak.
# Usage: reliability/fast-checks.sh [postgres://user@host:port]   (a debug build must exist: swift build)
set -euo pipefail
cd "$(dirname "$0")/.."
PG_BASE=${1:-}
BIN=$(swift build --show-bin-path)/regie
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q schemathesis
export PATH="$WORK/venv/bin:$PATH"
cd reliability

fresh_pg() {  # a new, empty PostgreSQL database named $1
  psql "$PG_BASE/postgres" -qc "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" 2>/dev/null
  echo "$PG_BASE/$1"
}

for stop in KILL TERM; do
  echo "== Crash safety, SIG$stop, SQLite"
  python3 crash_intake.py "$BIN" "$WORK/crash-$stop.sqlite" --signal "$stop"
  if [ -n "$PG_BASE" ]; then
    echo "== Crash safety, SIG$stop, PostgreSQL"
    python3 crash_intake.py "$BIN" "$(fresh_pg "regie_crash_${stop,,}")" --signal "$stop"
  fi
done
echo "== Backup while serving and restore, SQLite"
python3 backup_while_serving.py "$BIN" "$WORK/backup.sqlite"
if [ -n "$PG_BASE" ]; then
  echo "== Backup while serving and restore (pg_dump/pg_restore), PostgreSQL"
  python3 backup_while_serving.py "$BIN" "$(fresh_pg regie_backup)"
fi
echo "== API fuzzing (schemathesis)"
python3 fuzz_api.py "$BIN" "$WORK/fuzz.sqlite"
echo "== Hostile form input"
python3 fuzz_forms.py "$BIN" "$WORK/forms.sqlite"
echo "== Soak, two minutes"
python3 soak.py "$BIN" "$WORK/soak.sqlite" --minutes 2 --window 20
