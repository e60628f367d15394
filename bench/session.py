#!/usr/bin/env python3
"""Signs in to a running Regie as the scale region's network director and prints, as JSON, what the benchmark
needs: the session cookie, an API token for signal intake, a case page and a person to search for."""
import http.cookiejar
import json
import re
import sys
import urllib.parse
import urllib.request

base, email, password = sys.argv[1], sys.argv[2], sys.argv[3]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def cookie(name):
    return next((c.value for c in jar if c.name == name), "")


def post(path, fields):
    fields = dict(fields, _csrf=cookie("regie_csrf"))
    data = urllib.parse.urlencode(fields).encode()
    return opener.open(base + path, data).read().decode()


opener.open(base + "/login").read()
post("/login", {"email": email, "password": password, "next": ""})
page = post("/account/tokens", {"name": "bench"})
token = re.search(r'id="new-token" class="key">(rg_[A-Za-z0-9_-]+)<', page).group(1)
cases = opener.open(base + "/cases").read().decode()
case = re.search(r'href="(/cases/[0-9a-f-]{36})"', cases).group(1)
case_page = opener.open(base + case).read().decode()
person = re.search(r"<li>\s*([^<—]+?) — [^,]+, (\d\d-\d\d-\d\d\d\d)", case_page)
family = person.group(1).split()[-1] if person else "Verzonnen"
birth = person.group(2) if person else ""


def api(path):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    return json.loads(urllib.request.urlopen(request).read())


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
