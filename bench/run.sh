#!/usr/bin/env bash
# Measures Regie on a generated region (issue 9): builds release, generates the scale once (kept in bench/data/),
# starts the server, drives each route with wrk on loopback and writes one JSON file of results per run, which
# bench/report.py turns into bench/RESULTS.md.
#   bench/run.sh klein sqlite            # a quick run
#   bench/run.sh regio sqlite postgres   # the region; postgres needs BENCH_POSTGRES_URL or a local PostgreSQL
# BENCH_DURATION (default 10s) and BENCH_CONNECTIONS (default 16) tune wrk; BENCH_REPEAT (default 1) runs each route
# that many times and keeps the medians (bench/median.py); BENCH_BIN names the binary to measure.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${1:-klein}
shift || true
BACKENDS=${*:-sqlite}
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
REPEAT=${BENCH_REPEAT:-1}
PORT=${BENCH_PORT:-8390}
BASE=http://127.0.0.1:$PORT

# Each backend keeps the generated scale and measures a fresh copy of it: refuse at once, rather than after hours of
# generating, when the disk cannot hold both (sizes of the eighteenth measurement; groot's are ten times regio's).
# PostgreSQL's copies land in its data directory; this counts them against the same disk.
case $SCALE in klein) per_copy_gb=1 ;; regio) per_copy_gb=4 ;; groot) per_copy_gb=33 ;; *) per_copy_gb=0 ;; esac
need_gb=0
for backend in $BACKENDS; do
    copies=2
    [ "$backend" = sqlite ] && [ -f "bench/data/$SCALE.sqlite.done" ] && copies=1
    need_gb=$((need_gb + per_copy_gb * copies))
done
free_gb=$(($(df --output=avail -k bench | tail -1) / 1024 / 1024))
if [ "$free_gb" -lt "$need_gb" ]; then
    echo "bench: $SCALE on $BACKENDS needs about $need_gb GB free (the generated database and a copy per run); $free_gb GB free here" >&2
    exit 1
fi
LOGIN=netwerk001.coordinator@schaal.regie.nl
PASSWORD=regie-demo-2026
mkdir -p bench/data

if ! command -v wrk > /dev/null; then
    SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
    # A fresh machine has no package lists yet; without them apt cannot find wrk.
    $SUDO apt-get install -y -q wrk > /dev/null 2>&1 || { $SUDO apt-get update -q > /dev/null && $SUDO apt-get install -y -q wrk > /dev/null; }
fi
# BENCH_BIN measures another build (say, a copy of the previous commit's) on the same data, without building; copy
# its Regie_*.resources folders beside it, or it reads the templates of the current build.
if [ -z "${BENCH_BIN:-}" ]; then swift build -c release --product regie > /dev/null; fi
BIN=${BENCH_BIN:-.build/release/regie}

database_for() {  # the database of a backend, generated on first use
    local backend=$1
    if [ "$backend" = sqlite ]; then
        local file=bench/data/$SCALE.sqlite
        if [ ! -f "$file.done" ]; then
            rm -f "$file" "$file"-*
            /usr/bin/time -f "%e" -o "bench/data/$SCALE-sqlite.generate" $BIN demo --scale "$SCALE" --db "$file" >&2
            touch "$file.done"
        fi
        # Every run measures a fresh copy: intake and the mixed load add households, which would change the
        # next run's lists (and its results) if they landed in the generated database.
        rm -f "bench/data/$SCALE-run.sqlite"*
        cp "$file" "bench/data/$SCALE-run.sqlite"
        echo "bench/data/$SCALE-run.sqlite"
    else
        local admin=${BENCH_POSTGRES_URL:-$(scripts/start-test-postgres.sh)}
        if ! psql "$admin" -tAc "SELECT 1 FROM pg_database WHERE datname = 'bench_$SCALE'" | grep -q 1; then
            # Generated under another name and renamed when complete, so an interrupted run starts over.
            psql "$admin" -qc "DROP DATABASE IF EXISTS bench_${SCALE}_new" >&2
            psql "$admin" -qc "CREATE DATABASE bench_${SCALE}_new" >&2
            /usr/bin/time -f "%e" -o "bench/data/$SCALE-postgres.generate" \
                $BIN demo --scale "$SCALE" --db "${admin%/*}/bench_${SCALE}_new" >&2
            psql "$admin" -qc "ALTER DATABASE bench_${SCALE}_new RENAME TO bench_$SCALE" >&2
        fi
        psql "$admin" -qc "DROP DATABASE IF EXISTS bench_${SCALE}_run" >&2
        psql "$admin" -qc "CREATE DATABASE bench_${SCALE}_run TEMPLATE bench_$SCALE" >&2
        echo "${admin%/*}/bench_${SCALE}_run"
    fi
}

cpu_ticks() {  # the server's CPU time so far, user and system, in clock ticks
    awk '{print $14 + $15}' "/proc/$server/stat"
}

measure() {  # name, lua script, path → one JSON object with latency percentiles, rate and the server's CPU per
    # request (medians of REPEAT runs), and its peak RSS so far
    local name=$1 script=$2 path=$3
    local out run before
    for run in $(seq 1 "$REPEAT"); do
        before=$(cpu_ticks)
        out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "bench/$script" "$BASE$path")
        python3 bench/parse_wrk.py "$name" "$(($(cpu_ticks) - before))" <<< "$out"
    done | python3 bench/median.py "$server"
}

for backend in $BACKENDS; do
    db=$(database_for "$backend")
    start=$(date +%s.%N)
    $BIN serve --db "$db" --port "$PORT" --bcrypt-cost 10 --watch-interval 60 --totp-required none > "bench/data/serve-$backend.log" 2>&1 &
    server=$!
    trap 'kill $server 2> /dev/null || true' EXIT
    until curl -fs "$BASE/health" > /dev/null; do sleep 0.02; done
    cold=$(python3 -c "import time; print(round(time.time() - $start, 3))")
    settled=$(python3 bench/wait_idle.py "$server")
    session=$(python3 bench/session.py "$BASE" "$LOGIN" "$PASSWORD")
    # Signing in opened pages, which read the network's figures ahead in the background: let that finish first.
    python3 bench/wait_idle.py "$server" > /dev/null
    field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$session" "$1"; }
    export BENCH_COOKIE BENCH_TOKEN BENCH_NETWORK BENCH_NETWORKS BENCH_CASE BENCH_SEARCH BENCH_CONCERN
    BENCH_COOKIE=$(field cookie) BENCH_TOKEN=$(field token) BENCH_NETWORK=$(field network) BENCH_NETWORKS=$(field networks)
    BENCH_CASE=$(field case) BENCH_SEARCH=$(field search) BENCH_CONCERN=$(field concern)
    results=()
    results+=("$(measure hello get.lua /health)")
    results+=("$(measure health-db get.lua /health/db)")
    results+=("$(measure worklist get.lua /)")
    results+=("$(measure case-page get.lua "$BENCH_CASE")")
    results+=("$(measure signal-list get.lua /signals)")
    results+=("$(measure person-search get.lua "$BENCH_SEARCH")")
    results+=("$(measure dashboard get.lua /figures)")
    # The writes last, so the read-only routes measure the generated region as it is.
    results+=("$(measure mixed mixed.lua /)")
    # The mixed load added some 3,000 households to the dashboard's network, which the dashboard last counted before
    # it: its next view reads all their facts at once (and views meanwhile wait for that reading). Timed on its own,
    # so the runs after a change measure one new signal at a time, as they are meant to.
    catch_up=$(curl -fs -o /dev/null -w '%{time_total}' -H "Cookie: $BENCH_COOKIE" "$BASE/figures")
    results+=("$(measure dashboard-changing dashboard_changing.lua /)")
    results+=("$(measure signal-intake signal.lua /)")
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
    kill "$server"
    wait "$server" 2> /dev/null || true
    trap - EXIT
    generated=$(cat "bench/data/$SCALE-$backend.generate" 2> /dev/null || echo null)
    python3 - "$SCALE" "$backend" "$cold" "$settled" "$rss" "$generated" "$catch_up" "${results[@]}" > "bench/data/result-$SCALE-$backend.json" << 'PY'
import json, platform, os, sys, datetime
scale, backend, cold, settled, rss, generated, catch_up, *rows = sys.argv[1:]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(json.dumps({
    "scale": scale, "backend": backend, "cold_start_s": float(cold), "first_round_s": float(settled),
    "peak_rss_mb": round(int(rss) / 1024, 1), "dashboard_catch_up_s": round(float(catch_up), 3),
    "generate_s": None if generated == "null" else float(generated),
    "date": datetime.date.today().isoformat(), "machine": f"{os.cpu_count()} cores, {cpu}, {platform.system()}",
    "routes": [json.loads(r) for r in rows]}, indent=1))
PY
    echo "bench/data/result-$SCALE-$backend.json"
done
