#!/usr/bin/env python3
"""Backup while Regie serves, then restore, checked from outside. Signals stream in through the API while the backup
runs; the backup must be a consistent moment (every signal in it has its 'signal.received' event and members, and the
households' versions agree with their events), and the restored database must hold exactly what the backup held.
SQLite: `regie backup` and `regie restore`. PostgreSQL: the pg_dump / pg_restore procedure of docs/backup.md.
Usage: backup_while_serving.py BINARY DATABASE [--port 8395]"""
import argparse
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time

from regie_process import Server, Session, query

parser = argparse.ArgumentParser()
parser.add_argument("binary")
parser.add_argument("db")
parser.add_argument("--port", type=int, default=8395)
parser.add_argument("--log", default="/tmp/regie-backup.log")
args = parser.parse_args()
postgres = args.db.startswith("postgres")
work = tempfile.mkdtemp()

server = Server(args.binary, args.db, args.port, args.log).start()
writer = Session(server.base, "pim@demo.regie.nl")
network = next(n for n in writer.api("/api/v1/networks")[1] if "Enschede" in n["name"])
stop = threading.Event()
written = []


def write():
    n = 0
    while not stop.is_set():
        status, _ = writer.api("/api/v1/signals", {
            "network": network["id"], "persons": [{"givenName": "Back", "familyName": f"Up{n}",
                                                   "birthDate": "1970-07-07", "relation": "parent",
                                                   "confirmedNew": True}],
            "street": "Reservelaan", "houseNumber": str(n + 1), "postcode": "7511 AA", "city": "Enschede",
            "concerns": ["wonen"], "description": "Tijdens de back-up.", "origin": "environment"})
        written.append(status)
        n += 1


thread = threading.Thread(target=write)
thread.start()
time.sleep(1)
if postgres:
    base, name = args.db.rsplit("/", 1)
    dump = os.path.join(work, "regie.dump")
    subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", args.db], check=True)
    copy = f"{base}/{name}_restored"
    subprocess.run(["psql", f"{base}/postgres", "-qc", f"DROP DATABASE IF EXISTS {name}_restored",
                    "-c", f"CREATE DATABASE {name}_restored"], check=True)
else:
    dump = os.path.join(work, "backup.sqlite")
    subprocess.run([args.binary, "backup", "--db", args.db, "--to", dump], check=True)
time.sleep(1)
stop.set()
thread.join()
server.signal(signal.SIGTERM)
server.wait()

if postgres:
    subprocess.run(["pg_restore", "--no-owner", f"--dbname={copy}", dump], check=True)
else:
    copy = os.path.join(work, "restored.sqlite")
    subprocess.run([args.binary, "restore", "--from", dump, "--db", copy], check=True)

failures = []
consistent = """
    SELECT
      (SELECT COUNT(*) FROM signals s WHERE NOT EXISTS (SELECT 1 FROM timeline_events t
         WHERE t.household_id = s.household_id AND t.kind = 'signal.received')),
      (SELECT COUNT(*) FROM signals s WHERE NOT EXISTS (SELECT 1 FROM household_members m
         WHERE m.household_id = s.household_id)),
      (SELECT COUNT(*) FROM households h WHERE h.fact_version < (SELECT COUNT(*) FROM timeline_events t
         WHERE t.household_id = h.id))"""
broken = query(copy, consistent)[0]
if any(int(value) for value in broken):
    failures.append(f"the backup is not one consistent moment: {broken}")
during = query(copy, "SELECT COUNT(*) FROM signals WHERE description = 'Tijdens de back-up.'")[0][0]
after = query(args.db, "SELECT COUNT(*) FROM signals WHERE description = 'Tijdens de back-up.'")[0][0]
if not 0 < int(during) <= int(after):
    failures.append(f"signals written during the backup: {during} in the backup, {after} in the database")
if postgres:
    # What the dump held is what the restore holds: the data of both, line by line.
    def data_lines(command):
        text = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        skipped = ("--", "SET ", "SELECT ", "\\restrict", "\\unrestrict")  # comments, settings, per-dump keys
        return sorted(line for line in text.splitlines() if line and not line.startswith(skipped))
    if data_lines(["pg_restore", "--data-only", "-f", "-", dump]) != data_lines(
            ["pg_dump", "--data-only", copy]):
        failures.append("the restored database differs from the dump")
    subprocess.run(["psql", f"{base}/postgres", "-qc", f"DROP DATABASE {name}_restored WITH (FORCE)"], check=True)
else:
    import sqlite3
    def contents(path):
        with sqlite3.connect(path) as db:
            tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            return {t: sorted(map(repr, db.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    if contents(dump) != contents(copy):
        failures.append("the restored database differs from the backup")
print(f"written while the backup ran: {len(written)} signals ({written.count(201)} stored); "
      f"in the backup: {during}; in the database: {after}")
for failure in failures:
    print("FAIL:", failure)
sys.exit(1 if failures else 0)
