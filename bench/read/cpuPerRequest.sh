#!/usr/bin/env bash
# Node and PostgreSQL CPU per request of one Storygraph tree under a saturating load:
#   bench/read/cpuPerRequest.sh TREE BODY.json [SECONDS] [-- node flags...]
# Starts TREE's server (src/index.ts, the read benchmark's settings) pinned to core 0 on
# DATABASE_URL (default: the read benchmark's database), loads it with autocannon pinned to core 1
# (10 connections, 3 s of warm-up, then SECONDS, default 8) posting BODY.json (a GraphQL request
# body), and prints req/s and the CPU per request of the server and of every PostgreSQL backend
# on the database, read from /proc. Alternate two trees to compare them.
set -euo pipefail
if [[ $# -lt 2 || "$1" == "--help" ]]; then
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
  [[ "${1:-}" == "--help" ]] && exit 0 || exit 2
fi
TREE=$1 BODY=$2 SECS=${3:-8}
shift $(( $# >= 3 ? 3 : 2 )); [[ "${1:-}" == "--" ]] && shift
URL=${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/storygraph_readbench}
DB=${URL##*/}
BENCH=$(cd "$(dirname "$0")/../.." && pwd)
AUTOCANNON="$BENCH/node_modules/.bin/autocannon"
PORT=${PORT:-4111}
LOG=$(mktemp)
cd "$TREE"
NODE_ENV=production DATABASE_URL=$URL PORT=$PORT SEED_ON_EMPTY=false RATE_LIMIT_PER_SECOND=0 LOG_LEVEL=info WEBHOOK_DELIVERY=false \
  taskset -c 0 node "$@" --import tsx src/index.ts 2>"$LOG" >/dev/null &
SERVER=$!
trap 'kill -INT $SERVER 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 1 60); do grep -q "ready at" "$LOG" && break; sleep 0.5; done
grep -q "ready at" "$LOG" || { echo "cpuPerRequest: the server did not start:" >&2; cat "$LOG" >&2; exit 1; }
PID=$SERVER  # taskset execs node in its place
load() { taskset -c 1 "$AUTOCANNON" "$@" -c 10 -m POST -H content-type=application/json -b "$(cat "$BODY")" "http://127.0.0.1:$PORT/graphql"; }
cpu() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pgcpu() { psql "$URL" -Atc "SELECT pid FROM pg_stat_activity WHERE datname = '$DB'" | while read -r p; do cpu "$p"; done | awk '{s += $1} END {print s + 0}'; }
load -d 3 >/dev/null 2>&1
N0=$(cpu "$PID"); P0=$(pgcpu)
OUT=$(load -j -d "$SECS" 2>/dev/null)
N1=$(cpu "$PID"); P1=$(pgcpu)
echo "$OUT" | python3 -c "
import json, sys
d = json.load(sys.stdin); n = d['requests']['total']
print('req/s %.0f  CPU per request: node %.3f ms, PostgreSQL %.3f ms  (non-2xx %d)' % (d['requests']['average'], ($N1 - $N0) * 10 / n, ($P1 - $P0) * 10 / n, d['non2xx']))"
