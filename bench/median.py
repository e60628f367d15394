#!/usr/bin/env python3
"""Reads the JSON lines of several wrk runs of one route (bench/parse_wrk.py) on stdin and prints one: the median of
p50, p99 and rate, the errors of all runs summed, and the lowest and highest p99 — one 10-second run's p99 moves with
what else the server did in it, so a growth line drawn from single runs shows the spread as much as the size. Given
the server's process id, also the server's peak RSS so far (VmHWM) once the runs are done: which route raised the peak
shows in the line after which it grew."""
import json
import statistics
import sys

runs = [json.loads(line) for line in sys.stdin if line.strip()]


def median(key):
    values = [r[key] for r in runs if r[key] is not None]
    return round(statistics.median(values), 2) if values else None


def peak_rss_mb(pid):
    status = open(f"/proc/{pid}/status").read()
    return round(int(next(l.split()[1] for l in status.splitlines() if l.startswith("VmHWM:"))) / 1024, 1)


p99s = [r["p99_ms"] for r in runs if r["p99_ms"] is not None]
print(json.dumps({
    "route": runs[0]["route"], "p50_ms": median("p50_ms"), "p99_ms": median("p99_ms"), "rps": median("rps"),
    "non_2xx": sum(r["non_2xx"] for r in runs),
    "socket_errors": "; ".join(r["socket_errors"] for r in runs if r["socket_errors"]),
    "runs": len(runs), "p99_min_ms": min(p99s, default=None), "p99_max_ms": max(p99s, default=None),
    "cpu_us_per_request": median("cpu_us_per_request") if all("cpu_us_per_request" in r for r in runs) else None,
    "peak_rss_mb": peak_rss_mb(sys.argv[1]) if len(sys.argv) > 1 else None,
}))
