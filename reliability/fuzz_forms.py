#!/usr/bin/env python3
"""Fuzzes the main forms of the web interface — the signal form, a case's informal network and the plan's context —
with hostile input: very long text, control characters, broken encodings, injected HTML and SQL, bidirectional and
zero-width characters. For every input: no server error; what is refused gets a Dutch message; what is stored is
shown as text (never as markup) on the pages that show it; and the database still holds every table.
Usage: fuzz_forms.py BINARY DATABASE [--port 8393]"""
import argparse
import re
import signal
import sys
import urllib.error
import urllib.parse

from regie_process import Server, Session, query

parser = argparse.ArgumentParser()
parser.add_argument("binary")
parser.add_argument("db")
parser.add_argument("--port", type=int, default=8393)
parser.add_argument("--log", default="/tmp/regie-fuzz-forms.log")
args = parser.parse_args()

MARK = "fz7"  # every stored payload carries it, to find it back
PAYLOADS = {
    "html": f'{MARK}<script>alert("x")</script><img src=x onerror=alert(1)><b>vet</b>',
    "attribute": f'{MARK}" autofocus onfocus="alert(1)',
    "sql": f"{MARK}'; DROP TABLE signals; -- Robert'); DELETE FROM households;--",
    "control": f"{MARK} a\x00b\x07c\x1b[31md\x7fe\u0085f",
    "bidi": f"{MARK} \u202egnirts\u202c \u200b\u200d\ufeff",
    "unicode": f"{MARK} Ĳsselmeer Zoë 😀 𝔘 e\u0301",
    "percent": f"{MARK} %FF%FE %zz %",
    "long": MARK + "x" * 100_000,
}
failures = []


def send(session, path, fields, raw=None):
    """Posts a form (or raw bytes); returns (status, page)."""
    fields = dict(fields, _csrf=session.cookie("regie_csrf"))
    data = raw if raw is not None else urllib.parse.urlencode(fields).encode()
    try:
        with session.opener.open(session.base + path, data) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def page(session, path):
    with session.opener.open(session.base + path) as response:
        return response.read().decode("utf-8", "replace")


def check_shown(name, html, where):
    # Escaped, the payloads read as text ("&lt;script&gt;"); these strings only appear when markup got through.
    if any(marker in html for marker in ("<script>alert", "<img src=x", '" autofocus onfocus=', "<b>vet</b>")):
        failures.append(f"{name}: markup shown unescaped on {where}")
    if "\x00" in html or "\x1b" in html:
        failures.append(f"{name}: control character on {where}")


server = Server(args.binary, args.db, args.port, args.log).start()
try:
    partner = Session(server.base, "pim@demo.regie.nl")
    rotterdam = re.search(r'<option value="([0-9a-f-]{36})"[^>]*>[^<]*Rotterdam', page(partner, "/signals/new"))
    send(partner, "/network", {"network": rotterdam.group(1)})
    for name, payload in PAYLOADS.items():
        status, html = send(partner, "/signals/new", {
            "person0_given": "Fuzz", "person0_family": payload[:200], "person0_birth": "03-02-1990",
            "person0_relation": "parent", "street": payload[:200], "house_number": "1", "postcode": "3011 AA",
            "city": "Rotterdam", "description": payload, "concern": "wonen", "origin": "environment",
            "informed": "yes"})
        if status >= 500:
            failures.append(f"signal form, {name}: HTTP {status}")
        check_shown(name, html, "the signal form's answer")
        if name == "long" and (status != 422 or "tekens" not in html):
            failures.append(f"signal form, long text: expected a Dutch message about its length, got HTTP {status}")
    # Broken UTF-8 in the body itself.
    raw = b"description=" + b"\xff\xfe\xc3\x28" + MARK.encode() + b"&_csrf=" + partner.cookie("regie_csrf").encode()
    status, html = send(partner, "/signals/new", {}, raw=raw)
    if status >= 500:
        failures.append(f"signal form, raw invalid UTF-8: HTTP {status}")
    mine = page(partner, "/my-signals")
    check_shown("stored signals", mine, "Mijn meldingen")
    for link in re.findall(r'href="(/signals/[0-9a-f-]{36})"', mine)[:10]:
        check_shown("stored signal", page(partner, link), link)

    director = Session(server.base, "noor@demo.regie.nl")
    cases = re.findall(r'href="(/cases/[0-9a-f-]{36})"', page(director, "/cases"))
    case = cases[0]
    for name, payload in PAYLOADS.items():
        status, html = send(director, case + "/network", {
            "kind": "strength", "network_name": payload[:300], "network_description": payload})
        if status >= 500 or (name == "long") != (status == 422):
            failures.append(f"informal network, {name}: HTTP {status}")
        check_shown(name, html, "the case after the informal network")
    check_shown("case", page(director, case), case)
    for plan_case in cases:
        html = page(director, plan_case)
        if f'action="{plan_case}/plan/revise"' in html:  # an adopted plan: start a revision to get a concept
            send(director, plan_case + "/plan/revise", {})
            html = page(director, plan_case)
        if f'action="{plan_case}/plan/context"' in html:
            for name, payload in PAYLOADS.items():
                status, answer = send(director, plan_case + "/plan/context", {"context": payload})
                if status >= 500 or (name == "long") != (status == 422):
                    failures.append(f"plan context, {name}: HTTP {status}")
                check_shown(name, answer, "the plan context's answer")
            check_shown("plan", page(director, plan_case), plan_case)
            check_shown("printed plan", page(director, plan_case + "/plan/print"), "the printed plan")
            break
    else:
        failures.append("no case with a plan concept in the demo to fuzz the plan's context")
finally:
    server.signal(signal.SIGTERM)
    server.wait()

tables = query(args.db, "SELECT COUNT(*) FROM signals") + query(args.db, "SELECT COUNT(*) FROM households")
stored = query(args.db, f"SELECT COUNT(*) FROM signals WHERE description LIKE '{MARK}%'")
escape = "chr(27)" if args.db.startswith("postgres") else "char(27)"
controls = query(args.db, f"SELECT COUNT(*) FROM signals WHERE description LIKE '%' || {escape} || '%'")
print(f"signals and households still there: {tables}; fuzzed signals stored: {stored[0][0]}")
if int(controls[0][0]):
    failures.append("a control character was stored")
for failure in failures:
    print("FAIL:", failure)
sys.exit(1 if failures else 0)
