#!/usr/bin/env python3
"""Reads wrk --latency output on stdin and prints one JSON object: p50/p99 in ms, requests/s, errors. Given the
server's CPU time during the run (its clock ticks, user and system, as a second argument), also the server's CPU
per request in microseconds: on a machine shared with other work the rate moves by a tenth from run to run, the CPU a
request costs much less."""
import json
import os
import re
import sys

name = sys.argv[1]
ticks = int(sys.argv[2]) if len(sys.argv) > 2 else None
text = sys.stdin.read()


def ms(label):
    match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    if not match:
        return None
    value, unit = float(match.group(1)), match.group(2)
    return round(value / 1000 if unit == "us" else value * 1000 if unit == "s" else value, 2)


rate = re.search(r"Requests/sec:\s+([\d.]+)", text)
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
sockets = re.search(r"Socket errors: (.*)", text)
rps = float(rate.group(1)) if rate else None
done = re.search(r"(\d+) requests in", text)
requests = int(done.group(1)) if done else 0
answered = bool(requests > 0 and ms("99"))  # wrk prints 0.00us when nothing completed in time
cpu = round(ticks / os.sysconf("SC_CLK_TCK") * 1e6 / requests) if ticks is not None and requests else None
print(json.dumps({
    "route": name, "p50_ms": ms("50") if answered else None, "p99_ms": ms("99") if answered else None, "rps": rps,
    "non_2xx": int(errors.group(1)) if errors else 0, "socket_errors": sockets.group(1) if sockets else "",
    "cpu_us_per_request": cpu,
}))
