#!/usr/bin/env python3
"""Signs in to a running Regie as the scale region's network director and prints, as JSON, what the benchmark
needs: the session cookie, an API token for signal intake, a case page and a person to search for."""
import json
import pathlib
import re
import sys
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "reliability"))
from regie_process import Session  # noqa: E402  (signing in and making a token, shared with the reliability scripts)

base, email, password = sys.argv[1], sys.argv[2], sys.argv[3]
session = Session(base, email, password)
opener, token, cookie = session.opener, session.token, session.cookie
cases = opener.open(base + "/cases").read().decode()
case = re.search(r'href="(/cases/[0-9a-f-]{36})"', cases).group(1)
case_page = opener.open(base + case).read().decode()
person = re.search(r"<li>\s*([^<—]+?) — [^,]+, (\d\d-\d\d-\d\d\d\d)", case_page)
family = person.group(1).split()[-1] if person else "Verzonnen"
birth = person.group(2) if person else ""


def api(path):
    return session.api(path)[1]


networks = api("/api/v1/networks")
network = next(n for n in networks if n["name"].startswith("Netwerk 001"))
profile = next(p for p in api("/api/v1/profiles") if p["code"] == network["profile"])
concern = (profile.get("lifeDomains") or [{"code": "wonen"}])[0]["code"]
print(json.dumps({
    "cookie": f"regie_session={cookie('regie_session')}; regie_csrf={cookie('regie_csrf')}",
    "token": token, "case": case, "search": f"/who-is-involved?family={urllib.parse.quote(family)}&birth={birth}",
    "network": network["id"], "concern": concern,
    # Intake spreads its new households over the networks the bench user may signal in (with the same profile).
    "networks": ",".join(n["id"] for n in networks if n["profile"] == network["profile"]),
}))
