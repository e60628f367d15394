#!/usr/bin/env bash
# What a new signal costs the lists that show it: one read route alone, then with every tenth request an intake, each
# on a fresh copy of a generated region (bench/run.sh generates it) and a fresh server, printing requests/s and the
# server's CPU per request (bench/RESULTS.md, after the twenty-fifth measurement).
#   bench/with_intakes.sh regio worklist        # or: case-page, signal-list, person-search, dashboard
#   bench/with_intakes.sh klein mixed           # the mixed load (bench/mixed.lua), its tenth request the dashboard
#                                               # and then, as in bench/run.sh, a new signal
# BENCH_BIN names the binary (default .build/release/regie, built by bench/run.sh); BENCH_DURATION (default 10s);
# BENCH_DATA another SQLite file of the scale to copy from, e.g. bench/data/klein-run.sqlite, which bench/run.sh leaves
# after its writing routes with some 17,500 more households in network 001 (bench/RESULTS.md, forty-first session).
source "$(dirname "$0")/route_server.sh"
[ -f "bench/data/$SCALE.sqlite.done" ] || { echo "bench: run bench/run.sh $SCALE sqlite first (it generates the region)" >&2; exit 1; }
for mode in alone with-intakes; do
    rm -f "bench/data/$SCALE-intakes.sqlite"*
    cp "${BENCH_DATA:-bench/data/$SCALE.sqlite}" "bench/data/$SCALE-intakes.sqlite"
    start_route_server "bench/data/$SCALE-intakes.sqlite" "bench/data/$SCALE-intakes.log"
    if [ $mode = alone ]; then export BENCH_NO_INTAKES=1; else unset BENCH_NO_INTAKES; fi
    # One view first, so that both modes start from the list as derived once.
    curl -fs -o /dev/null -H "Cookie: $BENCH_COOKIE" "$BASE$path"
    ticks() { awk '{print $14 + $15}' /proc/$server/stat; }
    before=$(ticks)
    script=bench/with_intakes.lua
    [ "$ROUTE" = mixed ] && script=bench/mixed.lua
    out=$(wrk -t2 -c16 -d"$DURATION" --timeout 10s --latency -s $script "$BASE$path")
    python3 bench/parse_wrk.py "$ROUTE-$mode" "$(($(ticks) - before))" <<< "$out"
    kill $server; wait $server 2>/dev/null || true
done
rm -f "bench/data/$SCALE-intakes.sqlite"*
