"""What the reliability scripts share: starting and stopping a Regie server, signing in, making an API token, and
asking the database directly (SQLite through Python's sqlite3, PostgreSQL through psql), so a check never has to
trust the server it is checking."""
import http.cookiejar
import json
import os
import re
import sqlite3
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "regie-demo-2026"


class Server:
    """One `regie serve --demo` process on a database, with its log in `log`."""

    def __init__(self, binary, db, port, log):
        self.binary, self.db, self.port, self.log = binary, db, port, log
        self.base = f"http://127.0.0.1:{port}"
        self.process = None

    def start(self):
        with open(self.log, "a") as log:
            self.process = subprocess.Popen(
                [self.binary, "serve", "--demo", "--db", self.db, "--port", str(self.port), "--bcrypt-cost", "4",
                 "--watch-interval", "1", "--smtp", "127.0.0.1:1"], stdout=log, stderr=subprocess.STDOUT)
        for _ in range(240):
            try:
                if urllib.request.urlopen(self.base + "/health", timeout=1).status == 200:
                    return self
            except OSError:
                pass
            if self.process.poll() is not None:
                raise RuntimeError(f"server stopped at start; see {self.log}")
            time.sleep(0.25)
        raise RuntimeError(f"server did not answer; see {self.log}")

    def signal(self, number):
        self.process.send_signal(number)

    def wait(self, timeout=60):
        return self.process.wait(timeout=timeout)


class Session:
    """A signed-in user with an API token."""

    def __init__(self, base, email, password=PASSWORD):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.opener.open(base + "/login").read()
        self.post("/login", {"email": email, "password": password, "next": ""})
        page = self.post("/account/tokens", {"name": "betrouwbaarheid"})
        self.token = re.search(r'id="new-token" class="key">(rg_[A-Za-z0-9_-]+)<', page).group(1)

    def cookie(self, name):
        return next((c.value for c in self.jar if c.name == name), "")

    def post(self, path, fields):
        data = urllib.parse.urlencode(dict(fields, _csrf=self.cookie("regie_csrf"))).encode()
        return self.opener.open(self.base + path, data).read().decode()

    def api(self, path, body=None, timeout=30):
        """(status, parsed JSON) of an API call; raises OSError when the connection fails."""
        request = urllib.request.Request(
            self.base + path, data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": "Bearer " + self.token, "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")


def query(db, sql):
    """Rows of `sql` on the database itself (not through Regie), as tuples of strings."""
    if db.startswith("postgres"):
        out = subprocess.run(["psql", db, "-AtX", "-F", "\t", "-c", sql], check=True, capture_output=True, text=True)
        return [tuple(line.split("\t")) for line in out.stdout.splitlines() if line]
    with sqlite3.connect(db, timeout=30) as connection:
        return [tuple(str(v) for v in row) for row in connection.execute(sql).fetchall()]
