#!/usr/bin/env python3
"""Soak: a mixed read/write load on one server for a long time (30 minutes by default), sampling the server's memory
(RSS) and the latency of each window. Readers (Rotterdam's network director) open the worklist, a case, the signal list,
the case list and the person search; one writer (a partner) brings in a signal through the API every half second,
spread over its other networks (so the database grows while the reader's pages keep their size). The report (JSON
and a Markdown table) shows whether memory and latency stay flat: memory in the last
window at most 1.25 × the window after warm-up, p99 latency at most 2 × — with the data growing all the while.
Usage: soak.py BINARY DATABASE [--minutes 30] [--window 60] [--readers 4] [--out reliability/soak-result.json]"""
import argparse
import json
import re
import signal
import statistics
import sys
import threading
import time

from regie_process import Server, Session

parser = argparse.ArgumentParser()
parser.add_argument("binary")
parser.add_argument("db")
parser.add_argument("--minutes", type=float, default=30)
parser.add_argument("--window", type=float, default=60, help="seconds per sample")
parser.add_argument("--readers", type=int, default=4)
parser.add_argument("--port", type=int, default=8394)
parser.add_argument("--out", default="")
parser.add_argument("--log", default="/tmp/regie-soak.log")
args = parser.parse_args()

server = Server(args.binary, args.db, args.port, args.log).start()
reader = Session(server.base, "noor@demo.regie.nl")
writer = Session(server.base, "pim@demo.regie.nl")
case = re.search(r'href="(/cases/[0-9a-f-]{36})"', reader.opener.open(server.base + "/cases").read().decode()).group(1)
paths = ["/", case, "/signals", "/who-is-involved?family=Jansen&birth=01-01-1980", "/cases"]
# New signals go to the partner's other networks: the reader's pages stay the same size, so a trend in its latency
# is the server's own (a leak, a cache that never settles), not a longer list.
networks = [n["id"] for n in writer.api("/api/v1/networks")[1]
            if "Rotterdam" not in n["name"] and n["profile"] != "zwolle"]  # Zwolle asks for more on every signal

lock = threading.Lock()
latencies, errors = [], []
stop = threading.Event()


def record(seconds, ok, what):
    with lock:
        latencies.append(seconds)
        if not ok:
            errors.append(what)


def read_loop(offset):
    n = offset
    while not stop.is_set():
        path = paths[n % len(paths)]
        n += 1
        started = time.perf_counter()
        try:
            with reader.opener.open(server.base + path, timeout=30) as response:
                response.read()
                record(time.perf_counter() - started, response.status == 200, path)
        except OSError as error:
            record(time.perf_counter() - started, False, f"{path}: {error!r}")


def write_loop():
    n = 0
    while not stop.is_set():
        started = time.perf_counter()
        body = {"network": networks[n % len(networks)], "persons": [
            {"givenName": "Duur", "familyName": f"Soak{n}", "birthDate": "1985-05-05", "relation": "parent",
             "confirmedNew": True}], "street": "Duurlaan", "houseNumber": str(n + 1), "postcode": "7511 AA",
            "city": "Enschede", "concerns": ["wonen"], "description": "Duurtest.", "origin": "environment"}
        try:
            status, _ = writer.api("/api/v1/signals", body)
            record(time.perf_counter() - started, status == 201, f"intake {status}")
        except OSError as error:
            record(time.perf_counter() - started, False, f"intake: {error!r}")
        n += 1
        stop.wait(0.5)


def rss_mb():
    with open(f"/proc/{server.process.pid}/status") as status:
        return int(next(line for line in status if line.startswith("VmRSS")).split()[1]) / 1024


threads = [threading.Thread(target=read_loop, args=(i,)) for i in range(args.readers)]
threads.append(threading.Thread(target=write_loop))
for thread in threads:
    thread.start()
samples = []
began = time.time()
try:
    while time.time() - began < args.minutes * 60:
        time.sleep(args.window)
        with lock:
            window, latencies[:] = sorted(latencies), []
            failed, errors[:] = list(errors), []
        if not window:
            continue
        samples.append({
            "minute": round((time.time() - began) / 60, 1), "requests": len(window),
            "per_second": round(len(window) / args.window, 1), "p50_ms": round(statistics.median(window) * 1000, 1),
            "p99_ms": round(window[min(len(window) - 1, int(len(window) * 0.99))] * 1000, 1),
            "errors": len(failed), "error_kinds": sorted(set(failed))[:3], "rss_mb": round(rss_mb(), 1)})
        print(json.dumps(samples[-1]), flush=True)
finally:
    stop.set()
    for thread in threads:
        thread.join()
    server.signal(signal.SIGTERM)
    exit_code = server.wait()

# The first window warms caches and connections; compare the rest with the second window.
base = samples[1] if len(samples) > 2 else samples[0]
last = samples[-1]
verdict = {
    "memory_flat": last["rss_mb"] <= base["rss_mb"] * 1.25,
    "latency_flat": last["p99_ms"] <= max(base["p99_ms"] * 2, base["p99_ms"] + 20),
    "no_errors": sum(s["errors"] for s in samples) == 0, "clean_exit": exit_code == 0,
}
report = {"minutes": args.minutes, "readers": args.readers, "samples": samples, "verdict": verdict}
if args.out:
    with open(args.out, "w") as out:
        json.dump(report, out, indent=1)
print("| minute | req/s | p50 ms | p99 ms | errors | RSS MB |\n|---|---|---|---|---|---|")
for s in samples:
    print(f"| {s['minute']} | {s['per_second']} | {s['p50_ms']} | {s['p99_ms']} | {s['errors']} | {s['rss_mb']} |")
print(json.dumps(verdict))
sys.exit(0 if all(verdict.values()) else 1)
