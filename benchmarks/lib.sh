# Shared helpers for the benchmark scripts (sourced, not run).
#
# Every script records its measurements with `row`, which appends one tab-separated line to
# $BENCH_RESULTS; `benchmarks/run` prints them as a table at the end. Processes the scripts
# start are remembered with `track_pid` and stopped by pid (never by name) on exit.

set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
: "${BENCH_WORK:=$(mktemp -d /tmp/ovn-edge-bench.XXXXXX)}"
: "${BENCH_RESULTS:=$BENCH_WORK/results.tsv}"
export BENCH_WORK BENCH_RESULTS
mkdir -p "$BENCH_WORK"
touch "$BENCH_RESULTS"

OVN_EDGE_BIN=${OVN_EDGE_BIN:-$REPO_DIR/.build-bench/release/ovn-edge}
PEER_BIN=${PEER_BIN:-$BENCH_DIR/peers/.build-peers/release/HummingbirdHello}
HARNESS_DIR=${HARNESS_DIR:-$BENCH_DIR/harness/.build-harness/release}

TRACKED_PIDS=()

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# One-minute load average, recorded next to every number (the box is shared).
load1() { cut -d' ' -f1 /proc/loadavg; }

# row AREA NAME VALUE UNIT REFERENCE RATIO TARGET VERDICT COMMAND
#   REFERENCE: what VALUE is compared with ("peer 51234 req/s", "-"); RATIO: ours/reference
#   or "-"; TARGET: the goal in words; VERDICT: OK, MISS or "-" (no target); COMMAND: how
#   the number was produced. The load average is added here.
row() {
    local load
    load=$(load1)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7" "$8" "$load" "$9" >>"$BENCH_RESULTS"
    printf '  %-34s %12s %-8s %-28s %-8s %-26s %-4s load %s\n' "$2" "$3" "$4" "$5" "$6" "$7" "$8" "$load" >&2
}

# verdict OK-CONDITION (a python expression) → OK or MISS
verdict() { if python3 -c "import sys; sys.exit(0 if ($1) else 1)"; then echo OK; else echo MISS; fi; }

# calc EXPRESSION → its value (python3, so floats and formatting work)
calc() { python3 -c "print($1)"; }

now() { date +%s.%N; }

track_pid() { TRACKED_PIDS+=("$1"); }

# Stops one tracked process: SIGTERM, then SIGKILL after 5 s.
stop_pid() {
    local pid=$1
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

stop_tracked() {
    local pid
    for pid in "${TRACKED_PIDS[@]}"; do stop_pid "$pid"; done
    TRACKED_PIDS=()
}
trap stop_tracked EXIT

# A free TCP port on 127.0.0.1 (bound and released by the kernel's choice).
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# wait_for_http URL [SECONDS] → 0 once URL answers 200
wait_for_http() {
    local url=$1 limit=${2:-30} i
    for i in $(seq $((limit * 10))); do
        if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    return 1
}

# wait_for_line FILE PATTERN [SECONDS] → prints the first matching line
wait_for_line() {
    local file=$1 pattern=$2 limit=${3:-60} i line
    for i in $(seq $((limit * 10))); do
        line=$(grep -m1 -E "$pattern" "$file" 2>/dev/null || true)
        if [[ -n $line ]]; then echo "$line"; return 0; fi
        sleep 0.1
    done
    return 1
}

# rss_kb PID FIELD → VmHWM or VmRSS in kB
rss_kb() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }

# Parses `wrk --latency` output: prints "REQS P50_MS P99_MS NON2XX ERRORS".
parse_wrk() {
    python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(v, unit):
    v = float(v)
    return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
reqs = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
lat = {m.group(1): ms(m.group(2), m.group(3)) for m in re.finditer(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)}
non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
err = sum(int(x) for x in errors.groups()) if errors else 0
print(f"{reqs:.0f} {lat.get('50', float('nan')):.3f} {lat.get('99', float('nan')):.3f} {int(non2xx.group(1)) if non2xx else 0} {err}")
PY
}

# A private NB ovsdb-server (standalone, unix socket) in DIR, tracked for stop-by-pid.
# start_nb DIR → sets NB_REMOTE="unix:DIR/nb.sock" and NB_PID
start_nb() {
    local dir=$1
    mkdir -p "$dir"
    rm -f "$dir/nb.db"
    ovsdb-tool create "$dir/nb.db" /usr/share/ovn/ovn-nb.ovsschema >/dev/null
    ovsdb-server --remote="punix:$dir/nb.sock" --unixctl="$dir/nb.ctl" --pidfile="$dir/nb.pid" \
        --log-file="$dir/nb.log" --no-chdir --detach "$dir/nb.db" 2>/dev/null
    NB_PID=$(cat "$dir/nb.pid")
    track_pid "$NB_PID"
    NB_REMOTE="unix:$dir/nb.sock"
    ovn-nbctl --db="$NB_REMOTE" init
}

# stop_nb DIR: stops that server by its pidfile's pid.
stop_nb() { if [[ -f $1/nb.pid ]]; then stop_pid "$(cat "$1/nb.pid")"; fi; }

# start_server LOGFILE URL COMMAND... → starts COMMAND in the background, waits until URL answers,
# sets SERVER_PID.
start_server() {
    local logfile=$1 url=$2; shift 2
    "$@" >"$logfile" 2>&1 &
    SERVER_PID=$!
    track_pid "$SERVER_PID"
    wait_for_http "$url" 60 || die "server did not answer $url: $(tail -5 "$logfile")"
}

# start_ovn_edge DIR NB_REMOTE → `ovn-edge serve` on a free port with DIR/data; sets EDGE_PID and
# EDGE_BASE (http://127.0.0.1:PORT) once /healthz answers. Output goes to DIR/serve-N.log, one
# file per start. Authentication and the per-token rate limit are off (loopback only): the
# load generators send no token, and 20 req/s per caller would cap every write benchmark.
start_ovn_edge() {
    local dir=$1 nb=$2
    mkdir -p "$dir"
    local logfile
    logfile=$(mktemp "$dir/serve-XXXX.log")
    "$OVN_EDGE_BIN" serve --listen 127.0.0.1:0 --no-auth --rate-limit 0 --data-dir "$dir/data" --ovn-nb "$nb" >"$logfile" 2>&1 &
    EDGE_PID=$!
    track_pid "$EDGE_PID"
    local line
    line=$(wait_for_line "$logfile" 'listening on http://' 60) || die "ovn-edge did not start: $(tail -5 "$logfile")"
    EDGE_BASE=${line##*listening on }
    EDGE_BASE=${EDGE_BASE%%[[:space:]]*}
    wait_for_http "$EDGE_BASE/healthz" 30 || die "ovn-edge /healthz does not answer"
}

ovn_edge_has_api() {
    [[ -x $OVN_EDGE_BIN ]] && "$OVN_EDGE_BIN" serve --help 2>&1 | grep -q -- '--listen'
}
