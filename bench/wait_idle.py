"""Waits until a freshly started server has finished its first round of background work (the norm watch goes
through every network once after a start) and prints how long that took in seconds, so a benchmark measures
requests and not that round. Idle means: less than 2 % of a core used for three seconds running; gives up after
ten minutes. Usage: python3 bench/wait_idle.py PID"""
import os
import sys
import time

pid = sys.argv[1]
tick = os.sysconf("SC_CLK_TCK")


def cpu_seconds():
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick  # utime and stime


start = time.time()
quiet, last = 0, cpu_seconds()
while quiet < 3 and time.time() - start < 600:
    time.sleep(1)
    now = cpu_seconds()
    quiet = quiet + 1 if now - last < 0.02 else 0
    last = now
print(round(max(time.time() - start - quiet, 0), 1))
