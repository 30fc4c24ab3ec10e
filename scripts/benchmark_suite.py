"""How long the whole suite takes: `make benchmark-suite` runs this.

Runs `make test`'s pytest (pytest-xdist, three workers for every two cores, each file on one
worker) once in this checkout, and prints its wall-clock time, how busy the whole machine was
meanwhile (from /proc/stat, so Linux only: the suite's Chromium and subprocesses count, which
Python's own resource figures miss), and the ten files that took longest, setup included. The
budget is 3 minutes on 2 cores (issue 18). Not a test: the figure depends on the machine and
its load.
"""

from __future__ import annotations

import collections
import re
import subprocess
import sys
import time
from pathlib import Path

from benchmark_record import record

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 180.0  # seconds on 2 cores
DURATION = re.compile(r"^\s*([0-9.]+)s (?:setup|call|teardown)\s+(tests/[^:]+)::")


def busy_ticks() -> tuple[int, int]:
    """The machine's busy and total CPU ticks since boot."""
    fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def main() -> int:
    command = [sys.executable, "-m", "pytest", "-n", "auto", "--dist", "loadfile", "-q"]
    command += ["-p", "no:cacheprovider", "--durations=0"]
    busy0, total0 = busy_ticks()
    started = time.monotonic()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = time.monotonic() - started
    busy1, total1 = busy_ticks()
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    if result.returncode != 0:
        # The failures' tracebacks, not the durations printed after them.
        failures = result.stdout.split("= FAILURES =", 1)[-1].split("slowest durations", 1)[0]
        print(failures[-20000:], summary, result.stderr[-2000:], sep="\n")
        return result.returncode
    per_file: collections.Counter[str] = collections.Counter()
    for line in result.stdout.splitlines():
        found = DURATION.match(line)
        if found:
            per_file[found.group(2)] += float(found.group(1))
    print(f"suite: {wall:.0f} s wall ({summary}); budget {BUDGET:.0f} s on 2 cores")
    print(f"machine busy: {100 * (busy1 - busy0) / (total1 - total0):.0f} % of its cores")
    print("longest files (setup included, s):")
    for name, seconds in per_file.most_common(10):
        print(f"  {seconds:6.1f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(record("suite", main))
