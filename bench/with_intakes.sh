#!/usr/bin/env bash
# What a new signal costs the lists that show it: one read route alone, then with every tenth request an intake, each
# on a fresh copy of a generated region (bench/run.sh generates it) and a fresh server, printing requests/s and the
# server's CPU per request (bench/RESULTS.md, after the twenty-fifth measurement).
#   bench/with_intakes.sh regio worklist        # or: case-page, signal-list, person-search, dashboard
# BENCH_BIN names the binary (default .build/release/regie, built by bench/run.sh); BENCH_DURATION (default 10s).
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${1:-klein}
ROUTE=${2:-worklist}
BIN=${BENCH_BIN:-.build/release/regie}
DURATION=${BENCH_DURATION:-10s}
PORT=${BENCH_PORT:-8393}
BASE=http://127.0.0.1:$PORT
[ -f "bench/data/$SCALE.sqlite.done" ] || { echo "bench: run bench/run.sh $SCALE sqlite first (it generates the region)" >&2; exit 1; }
for mode in alone with-intakes; do
    rm -f "bench/data/$SCALE-intakes.sqlite"*
    cp "bench/data/$SCALE.sqlite" "bench/data/$SCALE-intakes.sqlite"
    "$BIN" serve --db "bench/data/$SCALE-intakes.sqlite" --port "$PORT" --bcrypt-cost 10 --watch-interval 60 \
        --totp-required none > "bench/data/$SCALE-intakes.log" 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null || true' EXIT
    until curl -fs "$BASE/health" > /dev/null; do sleep 0.05; done
    python3 bench/wait_idle.py $server > /dev/null
    session=$(python3 bench/session.py "$BASE" netwerk001.coordinator@schaal.regie.nl regie-demo-2026)
    python3 bench/wait_idle.py $server > /dev/null
    field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$session" "$1"; }
    export BENCH_COOKIE=$(field cookie) BENCH_TOKEN=$(field token) BENCH_NETWORKS=$(field networks) \
        BENCH_CONCERN=$(field concern)
    case $ROUTE in
        worklist) path=/ ;; case-page) path=$(field case) ;; signal-list) path=/signals ;;
        person-search) path=$(field search) ;; dashboard) path=/figures ;; *) echo "unknown route $ROUTE" >&2; exit 1 ;;
    esac
    if [ $mode = alone ]; then export BENCH_NO_INTAKES=1; else unset BENCH_NO_INTAKES; fi
    # One view first, so that both modes start from the list as derived once.
    curl -fs -o /dev/null -H "Cookie: $BENCH_COOKIE" "$BASE$path"
    ticks() { awk '{print $14 + $15}' /proc/$server/stat; }
    before=$(ticks)
    out=$(wrk -t2 -c16 -d"$DURATION" --timeout 10s --latency -s bench/with_intakes.lua "$BASE$path")
    python3 bench/parse_wrk.py "$ROUTE-$mode" "$(($(ticks) - before))" <<< "$out"
    kill $server; wait $server 2>/dev/null || true
done
rm -f "bench/data/$SCALE-intakes.sqlite"*
