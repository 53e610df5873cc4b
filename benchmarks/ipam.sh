#!/usr/bin/env bash
# IPAM: every address of a /16 with 1,000 exclude ranges, allocated through EdgeCore's
# NetworkIPAM (release build of the harness; the same sources as the product's EdgeCore).
# Through the store, EIP creation is measured by sync.sh while it seeds EIPs over the API.
source "$(dirname "$0")/lib.sh"

out="$BENCH_WORK/ipam.txt"
"$HARNESS_DIR/IPAMBench" 1000 >"$out" || die "IPAMBench failed: $(tail -3 "$out")"
cat "$out" >&2
usable=$(sed -n 's/.*usable=\([0-9]*\).*/\1/p' "$out")
read -r ipam_n ipam_s < <(sed -n 's/^network_ipam allocations=\([0-9]*\) seconds=\([0-9.]*\).*/\1 \2/p' "$out")
read -r pool_n pool_s < <(sed -n 's/^address_pool allocations=\([0-9]*\) seconds=\([0-9.]*\).*/\1 \2/p' "$out")
[[ $ipam_n == "$usable" && $pool_n == "$usable" ]] || die "IPAMBench allocated $ipam_n/$pool_n of $usable"
row ipam "NetworkIPAM: all of a /16, 1000 excl" "$ipam_s" "s" "$usable addresses" "$(calc "round($ipam_s/2, 3)") of target" \
    "< 2 s" "$(verdict "$ipam_s < 2")" "benchmarks/harness IPAMBench 1000 (IPv4 + fresh MAC per allocation, release)"
row ipam "AddressPool.allocateNext alone" "$pool_s" "s" "$usable addresses" "-" "info" "-" "same binary, pool without MACs"
