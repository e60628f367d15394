#!/usr/bin/env python3
"""Turns the result files of bench/run.sh (bench/data/result-*.json) into the tables of bench/RESULTS.md, with each
route's rate as a ratio of the hello-world ceiling measured in the same run, and the issue's targets beside them."""
import glob
import json
import sys

TARGETS = {  # route → (what is compared, target, lower is better)
    "worklist": ("p99_ms", 25, True), "case-page": ("p99_ms", 25, True), "person-search": ("p99_ms", 20, True),
    "dashboard": ("p99_ms", 500, True), "dashboard-changing": ("p99_ms", 500, True),
    "signal-intake": ("rps", 1000, False), "mixed": ("rps", 3000, False),
}


def table(result):
    hello = next(r for r in result["routes"] if r["route"] == "hello")["rps"]
    lines = [
        f"### {result['scale']} on {result['backend']} — {result['date']}, {result['machine']}",
        "",
        f"Generated in {result['generate_s']} s · cold start {result['cold_start_s']} s"
        + (f" · first norm-watch round {result['first_round_s']} s" if "first_round_s" in result else "")
        + f" · peak RSS {result['peak_rss_mb']} MB"
        + (f" · dashboard after the mixed load {result['dashboard_catch_up_s']} s" if "dashboard_catch_up_s" in result
           else ""),
        "",
    ]
    runs = max(r.get("runs", 1) for r in result["routes"])
    if runs > 1:
        lines += [f"Each route the median of {runs} runs; the p99's lowest and highest in brackets.", ""]
    # Results from before the server's CPU and RSS were taken per route have neither column.
    per_route = any(r.get("cpu_us_per_request") is not None for r in result["routes"])
    extra = (" server CPU µs/request | peak RSS MB so far |", "---:|---:|") if per_route else ("", "")
    lines += [
        f"| route | p50 ms | p99 ms | requests/s | × hello |{extra[0]} errors | target |",
        f"|---|---:|---:|---:|---:|{extra[1]}---:|---|",
    ]
    for r in result["routes"]:
        target = ""
        if r["route"] in TARGETS:
            key, goal, lower = TARGETS[r["route"]]
            value = r[key]
            met = bool(value) and (value <= goal if lower else value >= goal)
            target = f"{'✓' if met else '✗'} {'p99 ≤' if lower else '≥'} {goal}{' ms' if lower else '/s'}"
        ratio = f"{r['rps'] / hello:.2f}" if r["rps"] and hello else ""
        errors = r["non_2xx"] + (1 if r["socket_errors"] else 0)
        p99 = f"{r['p99_ms']}"
        if r.get("runs", 1) > 1 and r.get("p99_min_ms") is not None:
            p99 += f" ({r['p99_min_ms']}–{r['p99_max_ms']})"
        cells = f" {r.get('cpu_us_per_request') or ''} | {r.get('peak_rss_mb') or ''} |" if per_route else ""
        lines.append(
            f"| {r['route']} | {r['p50_ms']} | {p99} | {r['rps']:.0f} | {ratio} |{cells} {errors} | {target} |")
    return "\n".join(lines) + "\n"


files = sys.argv[1:] or sorted(glob.glob("bench/data/result-*.json"))
print("\n".join(table(json.load(open(f))) for f in files))
