#!/usr/bin/env python3
"""Fuzzes the JSON API from openapi.yaml with schemathesis against a fresh `regie serve --demo`: as a partner who may
signal and as the network director who decides, each with generated valid and invalid requests. Every answer must be
a documented status with a JSON error body carrying a message — never a 500.
Usage: fuzz_api.py BINARY DATABASE [--examples 50] [--port 8392]; needs `schemathesis` (PyPI) on PATH."""
import argparse
import os
import pathlib
import signal
import subprocess
import sys

from regie_process import Server, Session

parser = argparse.ArgumentParser()
parser.add_argument("binary")
parser.add_argument("db")
parser.add_argument("--examples", type=int, default=50)
parser.add_argument("--port", type=int, default=8392)
parser.add_argument("--log", default="/tmp/regie-fuzz.log")
args = parser.parse_args()

here = pathlib.Path(__file__).resolve().parent
server = Server(args.binary, args.db, args.port, args.log).start()
failed = False
try:
    partner = Session(server.base, "pim@demo.regie.nl")
    network = next(n for n in partner.api("/api/v1/networks")[1] if "Rotterdam" in n["name"])
    status, created = partner.api("/api/v1/signals", {
        "network": network["id"], "persons": [{"givenName": "Fuzz", "familyName": "Proef", "birthDate": "1990-02-03",
                                               "relation": "parent", "confirmedNew": True}],
        "street": "Proeflaan", "houseNumber": "1", "postcode": "3011 AA", "city": "Rotterdam",
        "concerns": ["wonen"], "description": "Start voor het fuzzen.", "origin": "environment"})
    assert status == 201, (status, created)
    env = dict(os.environ, SCHEMATHESIS_HOOKS="fuzz_hooks", PYTHONPATH=str(here),
               REGIE_FUZZ_NETWORK=network["id"], REGIE_FUZZ_SIGNAL=created["signal"],
               REGIE_FUZZ_HOUSEHOLD=created["household"])
    for email in ("pim@demo.regie.nl", "noor@demo.regie.nl"):
        token = partner.token if email.startswith("pim") else Session(server.base, email).token
        print(f"== schemathesis as {email}", flush=True)
        # One worker: with two, hypothesis' lambda introspection trips CPython 3.11's parser ("AST constructor
        # recursion depth mismatch") — a failure of the tool, not of Regie.
        result = subprocess.run(
            ["schemathesis", "run", str(here.parent / "openapi.yaml"), "--url", server.base,
             "-H", f"Authorization: Bearer {token}", "--phases", "examples,coverage,fuzzing",
             "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,"
                         "response_schema_conformance",
             "--max-examples", str(args.examples), "--workers", "1", "--seed", "2026"], env=env)
        failed = failed or result.returncode != 0
finally:
    server.signal(signal.SIGTERM)
    server.wait()
errors = [line for line in open(args.log) if " error " in line or "critical" in line]
if errors:
    print("server logged errors:", *errors[:5], sep="\n")
    failed = True
sys.exit(1 if failed else 0)
