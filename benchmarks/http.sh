#!/usr/bin/env bash
# HTTP benchmarks, wrk -t2 -c64 on 127.0.0.1, every server started here and stopped by pid:
#   healthz    GET /healthz: Hummingbird 2 peer, our HTTPServer core alone (harness HTTPHello),
#              and `ovn-edge serve` (when the binary has the API)
#   eip-get    GET /v1/eips/{id} on ovn-edge (SQLite + JSON), without and with a bearer token
#   timestamp  one RFC 3339 timestamp three ways (harness TimestampBench)
#   fip-post   POST /v1/fips from 32 connections, distinct FIPs on pre-created EIPs; the count
#              is verified in SQLite afterwards
# Environment: BENCH_DURATION (s, default 10), BENCH_ROUNDS (default 2; the best round counts).
source "$(dirname "$0")/lib.sh"

DURATION=${BENCH_DURATION:-10}
ROUNDS=${BENCH_ROUNDS:-2}
WRK_ARGS=(-t2 -c64 "-d${DURATION}s" --latency)

# Runs wrk against URL and prints the parse_wrk summary plus the server's CPU time per request
# in µs (utime+stime of CPU_PID over the run; less sensitive to a loaded box than req/s).
# The raw output is kept in BENCH_WORK.
run_wrk() {
    local name=$1 url=$2; shift 2
    local out="$BENCH_WORK/wrk-$name.txt"
    wrk -t2 -c64 -d2s "$url" "$@" >/dev/null 2>&1 || true   # warm-up
    local before after
    before=$(awk '{print $14 + $15}' "/proc/$CPU_PID/stat")
    wrk "${WRK_ARGS[@]}" "$url" "$@" >"$out" 2>&1 || die "wrk against $url failed: $(tail -3 "$out")"
    after=$(awk '{print $14 + $15}' "/proc/$CPU_PID/stat")
    local summary requests
    summary=$(parse_wrk "$out")
    requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$out")
    echo "$summary $(calc "round(($after - $before) * 1e6 / $(getconf CLK_TCK) / max(${requests:-0}, 1), 1)")"
}

best_of() {  # best_of FIELD(1-based) LINES... → the line with the largest FIELD
    local field=$1; shift
    printf '%s\n' "$@" | sort -k"$field" -n -r | head -1
}

healthz() {
    log "healthz: wrk ${WRK_ARGS[*]}, $ROUNDS round(s), best round counts"
    local peer_port hello_port peer_pid hello_pid
    peer_port=$(free_port)
    start_server "$BENCH_WORK/peer.log" "http://127.0.0.1:$peer_port/healthz" "$PEER_BIN" "$peer_port"
    peer_pid=$SERVER_PID
    hello_port=$(free_port)
    start_server "$BENCH_WORK/hello.log" "http://127.0.0.1:$hello_port/healthz" "$HARNESS_DIR/HTTPHello" "$hello_port"
    hello_pid=$SERVER_PID
    local edge_pid="" edge_base=""
    if ovn_edge_has_api; then
        local dir="$BENCH_WORK/healthz"
        mkdir -p "$dir"
        start_nb "$dir/nb"
        start_ovn_edge "$dir" "$NB_REMOTE"
        edge_pid=$EDGE_PID edge_base=$EDGE_BASE
    fi
    local peer_runs=() hello_runs=() edge_runs=() round
    for round in $(seq "$ROUNDS"); do
        peer_runs+=("$(CPU_PID=$peer_pid run_wrk "peer-$round" "http://127.0.0.1:$peer_port/healthz")")
        log "  round $round hummingbird: ${peer_runs[-1]}"
        hello_runs+=("$(CPU_PID=$hello_pid run_wrk "hello-$round" "http://127.0.0.1:$hello_port/healthz")")
        log "  round $round httpserver:  ${hello_runs[-1]}"
        if [[ -n $edge_base ]]; then
            edge_runs+=("$(CPU_PID=$edge_pid run_wrk "edge-$round" "$edge_base/healthz")")
            log "  round $round ovn-edge:    ${edge_runs[-1]}"
        fi
    done
    local peer hello
    peer=$(best_of 1 "${peer_runs[@]}")
    hello=$(best_of 1 "${hello_runs[@]}")
    read -r peer_rps peer_p50 peer_p99 _ _ peer_cpu <<<"$peer"
    read -r hello_rps hello_p50 hello_p99 hello_bad hello_err hello_cpu <<<"$hello"
    PEER_RPS=$peer_rps
    echo "$peer_rps" >"$BENCH_WORK/peer_rps"
    local cmd="wrk -t2 -c64 -d${DURATION}s --latency URL/healthz"
    row http "healthz hummingbird 2.28.1 (peer)" "$peer_rps" "req/s" "p50 ${peer_p50} ms p99 ${peer_p99} ms" "-" "-" "-" "$cmd; server CPU ${peer_cpu} us/req; all rounds: ${peer_runs[*]}"
    row http "healthz HTTPServer core" "$hello_rps" "req/s" "peer $peer_rps" "$(calc "round($hello_rps/$peer_rps, 2)")" \
        "info (core alone)" "-" "$cmd; p50 ${hello_p50} ms p99 ${hello_p99} ms; non-2xx $hello_bad, errors $hello_err; server CPU ${hello_cpu} us/req (peer ${peer_cpu})"
    if [[ ${#edge_runs[@]} -gt 0 ]]; then
        local edge
        edge=$(best_of 1 "${edge_runs[@]}")
        read -r edge_rps edge_p50 edge_p99 edge_bad edge_err edge_cpu <<<"$edge"
        row http "healthz ovn-edge serve" "$edge_rps" "req/s" "peer $peer_rps" "$(calc "round($edge_rps/$peer_rps, 2)")" \
            ">= peer" "$(verdict "$edge_rps >= $peer_rps and $edge_bad == 0")" \
            "$cmd; p50 ${edge_p50} ms p99 ${edge_p99} ms; non-2xx $edge_bad, errors $edge_err; server CPU ${edge_cpu} us/req (peer ${peer_cpu}); all rounds: ${edge_runs[*]}"
        row http "healthz server CPU per request" "$edge_cpu" "us" "peer $peer_cpu us" "$(calc "round($edge_cpu/max($peer_cpu,0.1), 2)")" "info" "-" \
            "utime+stime of each server process over its best wrk round / requests (ovn-edge vs Hummingbird)"
    else
        row http "healthz ovn-edge serve" "n/a" "req/s" "peer $peer_rps" "-" ">= peer" "-" \
            "not measured: ovn-edge serve has no HTTP API in this build"
    fi
    stop_pid "$peer_pid"; stop_pid "$hello_pid"
    [[ -n $edge_pid ]] && stop_pid "$edge_pid"
    [[ -n $edge_pid ]] && stop_nb "$BENCH_WORK/healthz/nb"
    return 0
}

# Creates the external network on ovn-edge at BASE and COUNT EIPs on it (16 connections);
# writes their ids to FILE and prints load.py's JSON summary.
seed_eips() {
    local base=$1 count=$2 file=$3
    python3 "$BENCH_DIR/tools/load.py" network --base "$base" >/dev/null || die "cannot create the external network"
    python3 "$BENCH_DIR/tools/load.py" eips --base "$base" --count "$count" --out "$file" || die "cannot create $count EIPs"
}

eip_get() {
    ovn_edge_has_api || { row http "GET /v1/eips/{id}" "n/a" "req/s" "-" "-" ">= peer/2, p99 < 5 ms" "-" "not measured: no API in this build"; return 0; }
    local dir="$BENCH_WORK/eip-get"
    mkdir -p "$dir"
    start_nb "$dir/nb"
    ovn-nbctl --db="$NB_REMOTE" ls-add external -- lr-add vpc1
    start_ovn_edge "$dir" "$NB_REMOTE"
    local edge_pid=$EDGE_PID base=$EDGE_BASE
    seed_eips "$base" 1000 "$dir/eips.txt" >/dev/null
    local peer_rps
    peer_rps=$(cat "$BENCH_WORK/peer_rps" 2>/dev/null || echo 0)
    local runs=() round
    for round in $(seq "$ROUNDS"); do
        runs+=("$(CPU_PID=$edge_pid EIP_IDS="$dir/eips.txt" run_wrk "eip-get-$round" "$base" -s "$BENCH_DIR/lua/eip-get.lua")")
        log "  round $round GET /v1/eips/{id}: ${runs[-1]}"
    done
    local best
    best=$(best_of 1 "${runs[@]}")
    read -r rps p50 p99 bad err cpu <<<"$best"
    local half
    half=$(calc "$peer_rps / 2")
    row http "GET /v1/eips/{id}" "$rps" "req/s" "peer/2 = $half" "$(calc "round($rps/max($peer_rps,1), 2)") of peer" \
        ">= peer/2" "$(verdict "$rps >= $half and $bad == 0")" \
        "EIP_IDS=ids wrk -t2 -c64 -d${DURATION}s --latency -s benchmarks/lua/eip-get.lua BASE (1,000 EIPs, random id per request); non-2xx $bad, errors $err; server CPU $cpu us/req"
    row http "GET /v1/eips/{id} p99" "$p99" "ms" "p50 $p50 ms" "-" "< 5 ms" "$(verdict "$p99 < 5")" "same run"
    stop_pid "$edge_pid"
    eip_get_with_token "$dir" "$half"
    stop_nb "$dir/nb"
}

# The same GETs as production runs them: authentication on, every request with a bearer token
# (a viewer token made by `ovn-edge token create` on the seeded data folder), rate limit off.
eip_get_with_token() {
    local dir=$1 half=$2
    local bearer
    bearer=$("$OVN_EDGE_BIN" token create --data-dir "$dir/data" --role viewer --name bench 2>/dev/null) || die "cannot create a token"
    local logfile
    logfile=$(mktemp "$dir/serve-auth-XXXX.log")
    "$OVN_EDGE_BIN" serve --listen 127.0.0.1:0 --rate-limit 0 --data-dir "$dir/data" --ovn-nb "$NB_REMOTE" >"$logfile" 2>&1 &
    local edge_pid=$!
    track_pid "$edge_pid"
    local line base
    line=$(wait_for_line "$logfile" 'listening on http://' 60) || die "ovn-edge (auth) did not start: $(tail -5 "$logfile")"
    base=${line##*listening on }
    base=${base%%[[:space:]]*}
    wait_for_http "$base/healthz" 30 || die "ovn-edge (auth) /healthz does not answer"
    local runs=() round
    for round in $(seq "$ROUNDS"); do
        runs+=("$(CPU_PID=$edge_pid EIP_IDS="$dir/eips.txt" run_wrk "eip-get-token-$round" "$base" -s "$BENCH_DIR/lua/eip-get.lua" -H "Authorization: Bearer $bearer")")
        log "  round $round GET /v1/eips/{id} with a token: ${runs[-1]}"
    done
    local best
    best=$(best_of 1 "${runs[@]}")
    read -r rps p50 p99 bad err cpu <<<"$best"
    row http "GET /v1/eips/{id}, bearer token" "$rps" "req/s" "peer/2 = $half" "-" ">= peer/2" "$(verdict "$rps >= $half and $bad == 0")" \
        "as GET /v1/eips/{id} but serve with authentication (no --no-auth) and wrk -H 'Authorization: Bearer <viewer token>'; p50 $p50 ms p99 $p99 ms; non-2xx $bad, errors $err; server CPU $cpu us/req"
    stop_pid "$edge_pid"
}

fip_post() {
    ovn_edge_has_api || { row http "POST /v1/fips (32 clients)" "n/a" "FIP/s" "-" "-" ">= 3000/s" "-" "not measured: no API in this build"; return 0; }
    local dir="$BENCH_WORK/fip-post"
    mkdir -p "$dir"
    start_nb "$dir/nb"
    ovn-nbctl --db="$NB_REMOTE" ls-add external -- lr-add vpc1
    start_ovn_edge "$dir" "$NB_REMOTE"
    local edge_pid=$EDGE_PID base=$EDGE_BASE
    # Enough EIPs that every POST in the run creates a new FIP (one FIP per EIP): 6,000/s for
    # 10 s, within the /16 the EIPs come from.
    local eips=${BENCH_FIP_EIPS:-60000}
    log "fip-post: seeding $eips EIPs"
    local seeded
    seeded=$(seed_eips "$base" "$eips" "$dir/eips.txt")
    log "  $seeded"
    local out="$dir/wrk.txt"
    log "fip-post: wrk -t2 -c32 -d${DURATION}s POST /v1/fips"
    # serve's CPU time over the run (its reconciler's share included), per FIP created.
    local cpu_before cpu_after
    cpu_before=$(awk '{print $14 + $15}' "/proc/$edge_pid/stat")
    WRK_THREADS=2 EIP_IDS="$dir/eips.txt" wrk -t2 -c32 "-d${DURATION}s" --latency -s "$BENCH_DIR/lua/fip-post.lua" "$base" >"$out" 2>&1 \
        || die "wrk POST failed: $(tail -3 "$out")"
    cpu_after=$(awk '{print $14 + $15}' "/proc/$edge_pid/stat")
    local created seconds spare cpu_us
    created=$(awk '/^created /{print $2}' "$out")
    cpu_us=$(calc "round(($cpu_after - $cpu_before) * 1e6 / $(getconf CLK_TCK) / max(${created:-0}, 1), 1)")
    seconds=$(awk '/^duration_s /{print $2}' "$out")
    spare=$(awk '/^after_ids_ran_out /{print $2}' "$out")
    read -r rps p50 p99 bad err < <(parse_wrk "$out")
    stop_pid "$edge_pid"
    stop_nb "$dir/nb"
    # Durable: counted in the database file after the server has exited.
    local stored
    stored=$(sqlite3 "$dir/data/ovn-edge.sqlite" "select count(*) from fips")
    local rate
    rate=$(calc "round($stored / $seconds)")
    row http "POST /v1/fips (32 conns)" "$rate" "FIP/s" "201s $created, in SQLite $stored; serve CPU $cpu_us us/FIP" "$(calc "round($rate/3000, 2)") of target" \
        ">= 3000/s durable" "$(verdict "$rate >= 3000 and 0 <= $stored - $created <= 32 and $spare == 0")" \
        "WRK_THREADS=2 EIP_IDS=ids wrk -t2 -c32 -d${DURATION}s --latency -s benchmarks/lua/fip-post.lua BASE; p50 $p50 ms p99 $p99 ms; non-2xx $bad, errors $err, requests after ids ran out $spare; count: sqlite3 DB 'select count(*) from fips' after exit (up to 32 more than the 201s counted: requests in flight when wrk stopped)"
    row http "POST /v1/eips (16 conns, seeding)" "$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['rate'])" "$seeded")" "EIP/s" \
        "$eips EIPs" "-" "info" "-" "benchmarks/tools/load.py eips --count $eips (Python client, 16 threads): $seeded"
}

# The cost of one RFC 3339 timestamp as the API writes it (RESULTS.md, miss 1).
timestamp() {
    local out="$BENCH_WORK/timestamp.txt"
    "$HARNESS_DIR/TimestampBench" 20000 >"$out" || die "TimestampBench failed: $(tail -3 "$out")"
    local current shared arithmetic
    current=$(sed -n 's/^new_formatter_per_call .*us_per_call=\([0-9.]*\).*/\1/p' "$out")
    shared=$(sed -n 's/^shared_formatter .*us_per_call=\([0-9.]*\).*/\1/p' "$out")
    arithmetic=$(sed -n 's/^arithmetic .*us_per_call=\([0-9.]*\).*/\1/p' "$out")
    row http "RFC 3339 timestamp, new formatter/call" "$current" "us" "shared $shared us, arithmetic $arithmetic us" \
        "$(calc "round($current/$arithmetic)")× arithmetic" "info" "-" \
        "benchmarks/harness TimestampBench 20000 (EdgeAPI RFC3339.format builds an ISO8601DateFormatter per call)"
}

parts=("$@")
[[ ${#parts[@]} -eq 0 ]] && parts=(timestamp healthz eip-get fip-post)
for part in "${parts[@]}"; do
    case $part in
        timestamp) timestamp ;;
        healthz) healthz ;;
        eip-get) eip_get ;;
        fip-post) fip_post ;;
        *) die "unknown http part: $part" ;;
    esac
done
