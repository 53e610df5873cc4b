#!/usr/bin/env bash
# Builds the benchmark server (release), runs wrk against its trivial route and prints
# requests/s and latency percentiles. Usage: benchmarks/http-wrk.sh [path] (default /).
# Env: PORT (18080), THREADS (2), CONNECTIONS (64), DURATION (10s).
set -euo pipefail
cd "$(dirname "$0")/http-bench"
path=${1:-/}
port=${PORT:-18080}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

swift build -c release --scratch-path ../../.build-http-bench --product http-bench-server >&2
binary=$(swift build -c release --scratch-path ../../.build-http-bench --show-bin-path)/http-bench-server
log=$(mktemp /tmp/oe-http-bench.XXXXXX)
"$binary" "$port" >"$log" 2>&1 &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port$path" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
done

out=$(wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-64}" -d"${DURATION:-10s}" --latency "http://127.0.0.1:$port$path")
echo "$out"
echo
echo "== summary (wrk -t${THREADS:-2} -c${CONNECTIONS:-64} -d${DURATION:-10s}, GET $path)"
echo "$out" | awk '/Requests\/sec/ {print "requests/s: " $2} /^ +(50|75|90|99)%/ {print "p" $1 " latency: " $2}' | sed 's/%//'
errors=$(echo "$out" | grep -E "Non-2xx|Socket errors" || true)
[ -n "$errors" ] && echo "$errors"
exit 0
