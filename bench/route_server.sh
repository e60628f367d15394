# Sourced by the scripts that measure one route on a fresh server (bench/with_intakes.sh, bench/pg_plans.sh): the
# settings they share and the server's start with the bench user signed in.
# Arguments of the sourcing script: SCALE (default klein) and ROUTE (default worklist).
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${1:-klein}
ROUTE=${2:-worklist}
BIN=${BENCH_BIN:-.build/release/regie}
DURATION=${BENCH_DURATION:-10s}
PORT=${BENCH_PORT:-8393}
BASE=http://127.0.0.1:$PORT

# Starts the server on database $1 (its output in file $2), waits until it settled and signs in: sets `server`,
# exports the wrk scripts' BENCH_* settings and `path`, the route's address.
start_route_server() {
    "$BIN" serve --db "$1" --port "$PORT" --bcrypt-cost 10 --watch-interval 60 --totp-required none > "$2" 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null || true' EXIT
    until curl -fs "$BASE/health" > /dev/null; do sleep 0.05; done
    python3 bench/wait_idle.py $server > /dev/null
    local session
    session=$(python3 bench/session.py "$BASE" netwerk001.coordinator@schaal.regie.nl regie-demo-2026)
    python3 bench/wait_idle.py $server > /dev/null
    field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$session" "$1"; }
    export BENCH_COOKIE=$(field cookie) BENCH_TOKEN=$(field token) BENCH_NETWORK=$(field network) \
        BENCH_NETWORKS=$(field networks) BENCH_CONCERN=$(field concern) BENCH_CASE=$(field case) \
        BENCH_SEARCH=$(field search)
    case $ROUTE in
        worklist | mixed) path=/ ;; case-page) path=$(field case) ;; signal-list) path=/signals ;;
        person-search) path=$(field search) ;; dashboard) path=/figures ;; *) echo "unknown route $ROUTE" >&2; exit 1 ;;
    esac
}
