#!/usr/bin/env bash
# Which statements PostgreSQL plans afresh, and what a route costs the server and the database per request: one route
# on a fresh copy of a generated PostgreSQL region (bench/run.sh generates it), with pg_stat_statements counting each
# statement's runs and plans (bench/RESULTS.md, after the twenty-sixth measurement). Prints requests/s, p99, the CPU
# per request of Regie's process and of PostgreSQL's, and the statements that took the database longest.
#   bench/pg_plans.sh klein mixed        # or: worklist, case-page, signal-list, person-search
# Needs pg_stat_statements loaded: the local test cluster is restarted with it; another (BENCH_POSTGRES_URL) must
# have it in shared_preload_libraries. BENCH_BIN names the binary (default .build/release/regie); BENCH_DURATION
# (default 10s). CPU of the database is that of the processes of user postgres, so run it on a machine of its own.
source "$(dirname "$0")/route_server.sh"
admin=${BENCH_POSTGRES_URL:-$(scripts/start-test-postgres.sh)}
if [ -z "${BENCH_POSTGRES_URL:-}" ] && ! psql "$admin" -tAc "SHOW shared_preload_libraries" | grep -q pg_stat_statements; then
    scripts/start-test-postgres.sh stop
    REGIE_PGOPTIONS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on" \
        scripts/start-test-postgres.sh > /dev/null
fi
psql "$admin" -tAc "SELECT 1 FROM pg_database WHERE datname = 'bench_$SCALE'" | grep -q 1 ||
    { echo "bench: run bench/run.sh $SCALE postgres first (it generates the region)" >&2; exit 1; }
psql "$admin" -qc "DROP DATABASE IF EXISTS bench_${SCALE}_plans" -qc "CREATE DATABASE bench_${SCALE}_plans TEMPLATE bench_$SCALE"
db=${admin%/*}/bench_${SCALE}_plans
mkdir -p bench/data
PGOPTIONS="-c client_min_messages=warning" psql "$db" -qc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
start_route_server "$db" "bench/data/$SCALE-plans.log"
script=get.lua
[ "$ROUTE" = mixed ] && script=mixed.lua
# A short run first, so that every connection has prepared its statements and the counts start warm.
wrk -t2 -c16 -d2s -s "bench/$script" "$BASE$path" > /dev/null
ticks() { for pid in "$@"; do awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || true; done | awk '{s += $1} END {print s + 0}'; }
psql "$db" -qtAc "SELECT pg_stat_statements_reset()" > /dev/null
regie_before=$(ticks $server) database_before=$(ticks $(pgrep -u postgres))
out=$(wrk -t2 -c16 -d"$DURATION" --timeout 10s --latency -s "bench/$script" "$BASE$path")
regie=$(($(ticks $server) - regie_before)) database=$(($(ticks $(pgrep -u postgres)) - database_before))
requests=$(awk '/requests in/ {print $1}' <<< "$out")
tick_us=$((1000000 / $(getconf CLK_TCK)))
echo "$ROUTE on $SCALE: $(awk '/Requests\/sec/ {print $2}' <<< "$out") requests/s, p99 $(awk '$1 == "99%" {print $2}' <<< "$out")," \
    "CPU per request: Regie $((regie * tick_us / requests)) µs, PostgreSQL $((database * tick_us / requests)) µs"
psql "$db" -c "SELECT calls, plans, round((total_plan_time / calls)::numeric, 3) AS plan_ms,
    round((total_exec_time / calls)::numeric, 3) AS exec_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 90) AS statement
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND calls > 0
    ORDER BY total_plan_time + total_exec_time DESC LIMIT ${BENCH_STATEMENTS:-15}"
