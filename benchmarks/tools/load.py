#!/usr/bin/env python3
"""Load and timing helper for benchmarks/sync.sh and http.sh (benchmark-only, standard library).

Subcommands (each prints one JSON object on stdout):
  network  create the external network the benchmarks use
  eips     create COUNT EIPs on it from CONCURRENCY keep-alive connections; ids → --out
  fips     create one FIP per EIP id in --eips (distinct internal IPs); ids → --out
  latency  one FIP at a time: POST → its NAT row seen by an NB monitor (and ?wait= replies)
  drift    delete owned NAT rows with ovn-nbctl; time from the delete to the row's return
  wait-nat wait until NB holds COUNT NAT rows of a type; prints when
  wait-ready poll GET /v1/sync (one keep-alive connection, every 5 ms) until nothing is pending
Times are time.monotonic() unless a field says epoch.
"""
import argparse
import collections
import http.client
import json
import queue
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(fraction * len(ordered) + 0.5)) - 1))
    return ordered[index]


class Client:
    """One keep-alive HTTP/1.1 connection."""

    def __init__(self, base):
        url = urllib.parse.urlparse(base)
        self.host, self.port = url.hostname, url.port
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Content-Type": "application/json"} if data is not None else {}
        for attempt in range(2):
            try:
                self.connection.request(method, path, body=data, headers=headers)
                response = self.connection.getresponse()
                payload = response.read()
                return response.status, (json.loads(payload) if payload else None)
            except (http.client.HTTPException, ConnectionError):
                self.connection.close()
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
                if attempt:
                    raise


def run_parallel(base, items, concurrency, make_request):
    """POSTs every item from CONCURRENCY threads; returns (results in item order, latencies, seconds)."""
    work = queue.Queue()
    for index, item in enumerate(items):
        work.put((index, item))
    results = [None] * len(items)
    latencies = []
    lock = threading.Lock()
    failures = []

    def worker():
        client = Client(base)
        local = []
        while True:
            try:
                index, item = work.get_nowait()
            except queue.Empty:
                break
            method, path, body = make_request(index, item)
            started = time.monotonic()
            status, reply = client.call(method, path, body)
            local.append(time.monotonic() - started)
            if status not in (200, 201, 202):
                with lock:
                    failures.append((status, reply))
            results[index] = reply
        with lock:
            latencies.extend(local)

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - started
    if failures:
        sys.exit(f"{len(failures)} requests failed, first: {failures[0]}")
    return results, latencies, seconds


def summary(count, latencies, seconds, **extra):
    return dict(count=count, seconds=round(seconds, 4), rate=round(count / seconds, 1) if seconds else None,
                p50_ms=round(percentile(latencies, 0.5) * 1000, 3), p99_ms=round(percentile(latencies, 0.99) * 1000, 3),
                **extra)


def cmd_network(args):
    status, reply = Client(args.base).call("POST", "/v1/external-networks", {
        "name": args.name, "logical_switch": args.switch, "cidr_v4": args.cidr, "gateway_v4": args.gateway,
        "exclude": [], "gateway_chassis": [],
    })
    if status != 201:
        sys.exit(f"network: HTTP {status} {reply}")
    print(json.dumps({"id": reply["id"]}))


def cmd_eips(args):
    results, latencies, seconds = run_parallel(
        args.base, range(args.count), args.concurrency,
        lambda index, _: ("POST", "/v1/eips", {"network": args.network}))
    with open(args.out, "w") as out:
        out.writelines(reply["id"] + "\n" for reply in results)
    print(json.dumps(summary(args.count, latencies, seconds)))


def internal_ip(index):
    return f"10.{1 + index // 62500}.{(index // 250) % 250}.{1 + index % 250}"


def read_ids(path, count):
    ids = [line.strip() for line in open(path) if line.strip()]
    if count:
        if len(ids) < count:
            sys.exit(f"{path} has {len(ids)} ids, {count} needed")
        ids = ids[:count]
    return ids


def cmd_fips(args):
    eips = read_ids(args.eips, args.count)
    path = "/v1/fips" + (f"?wait={args.wait}" if args.wait is not None else "")
    epoch_started = time.time()
    results, latencies, seconds = run_parallel(
        args.base, eips, args.concurrency,
        lambda index, eip: ("POST", path, {"eip": eip, "router": args.router, "internal_ip": internal_ip(index + args.offset)}))
    if args.out:
        with open(args.out, "w") as out:
            out.writelines(reply["id"] + "\n" for reply in results)
    print(json.dumps(summary(len(eips), latencies, seconds, epoch_started=epoch_started, epoch_done=time.time())))


def cmd_bulk(args):
    """One `POST <collection>:bulk` per 10,000 objects: EIPs on the network, or FIPs on the EIPs
    of --eips. Prints when the first request was sent and the last answered."""
    client = Client(args.base)
    if args.kind == "eips":
        bodies = [{"network": args.network} for _ in range(args.count)]
    else:
        eips = read_ids(args.eips, args.count)
        bodies = [{"eip": eip, "router": args.router, "internal_ip": internal_ip(index + args.offset)}
                  for index, eip in enumerate(eips)]
    ids = []
    epoch_started = time.time()
    for start in range(0, len(bodies), 10000):
        path = f"/v1/{args.kind}:bulk" + (f"?wait={args.wait}" if args.wait is not None else "")
        status, reply = client.call("POST", path, {"items": bodies[start:start + 10000]})
        if status != 201:
            sys.exit(f"bulk {args.kind}: HTTP {status} {str(reply)[:500]}")
        ids += [item["id"] for item in reply["items"]]
    epoch_done = time.time()
    phases = collections.Counter(item.get("status", {}).get("phase") for item in reply["items"]) if args.wait is not None else None
    if args.out:
        with open(args.out, "w") as out:
            out.writelines(id + "\n" for id in ids)
    print(json.dumps(dict(count=len(ids), seconds=round(epoch_done - epoch_started, 4),
                          epoch_started=epoch_started, epoch_done=epoch_done, phases=phases)))


class NATMonitor:
    """A minimal OVSDB monitor of NAT.external_ip over NB's unix socket (RFC 7047 `monitor`).
    Records when each row insert and delete arrives, keyed by external_ip."""

    def __init__(self, remote):
        assert remote.startswith("unix:"), "NB remote must be unix:PATH"
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(remote[len("unix:"):])
        self.inserted = {}   # external_ip -> [monotonic times]
        self.deleted = {}
        self.rows = {}       # uuid -> external_ip
        self.condition = threading.Condition()
        self.ready = threading.Event()
        self.sock.sendall(json.dumps({"id": "m", "method": "monitor", "params": [
            "OVN_Northbound", None, {"NAT": {"columns": ["external_ip"]}}]}).encode())
        threading.Thread(target=self.read, daemon=True).start()
        self.ready.wait(30)

    def read(self):
        decoder = json.JSONDecoder()
        buffer = ""
        while True:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                return
            now = time.monotonic()
            buffer += chunk.decode()
            while True:
                buffer = buffer.lstrip()
                try:
                    message, end = decoder.raw_decode(buffer)
                except ValueError:
                    break
                buffer = buffer[end:]
                self.handle(message, now)

    def handle(self, message, now):
        if message.get("method") == "echo":
            self.sock.sendall(json.dumps({"id": message["id"], "result": message["params"], "error": None}).encode())
            return
        if message.get("id") == "m":
            self.apply(message["result"], now)
            self.ready.set()
        elif message.get("method") == "update":
            self.apply(message["params"][1], now)

    def apply(self, updates, now):
        with self.condition:
            for uuid, change in updates.get("NAT", {}).items():
                new, old = change.get("new"), change.get("old")
                if new is not None and old is None:
                    self.rows[uuid] = new["external_ip"]
                    self.inserted.setdefault(new["external_ip"], []).append(now)
                elif new is None and old is not None:
                    ip = self.rows.pop(uuid, old.get("external_ip"))
                    self.deleted.setdefault(ip, []).append(now)
            self.condition.notify_all()

    def wait_for(self, predicate, timeout):
        deadline = time.monotonic() + timeout
        with self.condition:
            while not predicate():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self.condition.wait(remaining)
        return True


def cmd_latency(args):
    """Sequential FIP creations: POST time → NAT row insert seen by the monitor; with --wait, also
    the ?wait= reply time (API reports ready: NB written and status stored)."""
    monitor = NATMonitor(args.nb)
    eips = read_ids(args.eips, args.count)
    client = Client(args.base)
    to_nb, replies, waits = [], [], []
    for index, eip in enumerate(eips):
        path = "/v1/fips" + (f"?wait={args.wait}" if args.wait is not None else "")
        started = time.monotonic()
        status, reply = client.call("POST", path, {"eip": eip, "router": args.router,
                                                   "internal_ip": internal_ip(index + args.offset)})
        answered = time.monotonic()
        if status not in (201, 202):
            sys.exit(f"latency: HTTP {status} {reply}")
        ip = reply["external_ip"]
        if not monitor.wait_for(lambda: ip in monitor.inserted, 10):
            sys.exit(f"latency: NAT for {ip} did not appear in NB within 10 s")
        to_nb.append(monitor.inserted[ip][0] - started)
        replies.append(answered - started)
        if args.wait is not None:
            waits.append(reply.get("status", {}).get("phase"))
        time.sleep(args.gap)
    print(json.dumps({
        "count": len(eips),
        "nb_p50_ms": round(percentile(to_nb, 0.5) * 1000, 2), "nb_p99_ms": round(percentile(to_nb, 0.99) * 1000, 2),
        "nb_max_ms": round(max(to_nb) * 1000, 2),
        "reply_p50_ms": round(percentile(replies, 0.5) * 1000, 2), "reply_p99_ms": round(percentile(replies, 0.99) * 1000, 2),
        "phases": {phase: waits.count(phase) for phase in set(waits)},
    }))


def nbctl(nb, *arguments):
    return subprocess.run(["ovn-nbctl", f"--db={nb}", *arguments], check=True, capture_output=True, text=True).stdout


def cmd_drift(args):
    """Deletes COUNT owned dnat_and_snat rows one at a time (ovn-nbctl lr-nat-del, as an operator
    would) and times, from the delete arriving at the monitor, until a row with that external IP
    is back."""
    monitor = NATMonitor(args.nb)
    ips = sorted(set(monitor.rows.values()))[: args.count]
    if len(ips) < args.count:
        sys.exit(f"drift: only {len(ips)} NAT rows in NB")
    repairs = []
    for ip in ips:
        before = len(monitor.inserted.get(ip, []))
        nbctl(args.nb, "lr-nat-del", args.router, "dnat_and_snat", ip)
        if not monitor.wait_for(lambda: ip in monitor.deleted, 5):
            sys.exit(f"drift: delete of {ip} not seen")
        back = monitor.wait_for(lambda: len(monitor.inserted.get(ip, [])) > before, args.timeout)
        if not back:
            repairs.append(float("inf"))
            break  # one miss answers the question; the next deletes would only queue behind it
        repairs.append(monitor.inserted[ip][-1] - monitor.deleted[ip][-1])
        time.sleep(args.gap)
    finite = [r for r in repairs if r != float("inf")]
    print(json.dumps({
        "count": len(repairs), "repaired": len(finite),
        "p50_ms": round(percentile(finite, 0.5) * 1000, 1) if finite else None,
        "max_ms": round(max(repairs) * 1000, 1) if finite and len(finite) == len(repairs) else None,
        "timeout_s": args.timeout,
    }))


def cmd_wait_nat(args):
    """Waits until NB holds COUNT NAT rows; prints the epoch time it happened (as seen here)."""
    monitor = NATMonitor(args.nb)
    ok = monitor.wait_for(lambda: len(monitor.rows) >= args.count, args.timeout)
    epoch, now = time.time(), time.monotonic()
    # When the first row arrived too: where a batch's NB phase starts.
    first = min((times[0] for times in monitor.inserted.values() if times), default=now)
    print(json.dumps({"ok": ok, "rows": len(monitor.rows), "epoch": epoch, "first_epoch": epoch - (now - first)}))
    sys.exit(0 if ok else 1)


def cmd_wait_ready(args):
    """Polls /v1/sync until `pending` is 0 (every status written back); prints when (epoch)."""
    client = Client(args.base)
    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline:
        status, reply = client.call("GET", "/v1/sync")
        if status == 200 and reply.get("pending") == 0:
            print(json.dumps({"ok": True, "epoch": time.time()}))
            return
        time.sleep(0.005)
    print(json.dumps({"ok": False, "epoch": time.time()}))
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("network")
    p.add_argument("--base", required=True)
    p.add_argument("--name", default="ext")
    p.add_argument("--switch", default="external")
    p.add_argument("--cidr", default="172.16.0.0/16")
    p.add_argument("--gateway", default="172.16.0.1")
    p.set_defaults(func=cmd_network)
    p = sub.add_parser("eips")
    p.add_argument("--base", required=True)
    p.add_argument("--network", default="ext")
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_eips)
    p = sub.add_parser("fips")
    p.add_argument("--base", required=True)
    p.add_argument("--eips", required=True)
    p.add_argument("--count", type=int, default=0)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--concurrency", type=int, default=32)
    p.add_argument("--router", default="vpc1")
    p.add_argument("--wait", type=float)
    p.add_argument("--out")
    p.set_defaults(func=cmd_fips)
    p = sub.add_parser("bulk")
    p.add_argument("--base", required=True)
    p.add_argument("--kind", choices=["eips", "fips"], required=True)
    p.add_argument("--network", default="ext")
    p.add_argument("--eips")
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--router", default="vpc1")
    p.add_argument("--wait", type=float, help="?wait= seconds: the reply comes when every item settled (201)")
    p.add_argument("--out")
    p.set_defaults(func=cmd_bulk)
    p = sub.add_parser("latency")
    p.add_argument("--base", required=True)
    p.add_argument("--nb", required=True)
    p.add_argument("--eips", required=True)
    p.add_argument("--count", type=int, default=200)
    p.add_argument("--offset", type=int, default=100000)
    p.add_argument("--router", default="vpc1")
    p.add_argument("--wait", type=float)
    p.add_argument("--gap", type=float, default=0.01)
    p.set_defaults(func=cmd_latency)
    p = sub.add_parser("drift")
    p.add_argument("--nb", required=True)
    p.add_argument("--router", default="vpc1")
    p.add_argument("--count", type=int, default=10)
    p.add_argument("--timeout", type=float, default=10)
    p.add_argument("--gap", type=float, default=0.2)
    p.set_defaults(func=cmd_drift)
    p = sub.add_parser("wait-nat")
    p.add_argument("--nb", required=True)
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--timeout", type=float, default=120)
    p.set_defaults(func=cmd_wait_nat)
    p = sub.add_parser("wait-ready")
    p.add_argument("--base", required=True)
    p.add_argument("--timeout", type=float, default=120)
    p.set_defaults(func=cmd_wait_ready)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
