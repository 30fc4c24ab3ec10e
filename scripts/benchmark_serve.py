"""How long an editor waits in `make serve`: `make benchmark-serve` runs this.

Starts `mkdocs serve` as `make serve` does (SITE_URL, --strict, --dev-addr on 127.0.0.1; only
MkDocs' filter of repeated log messages is off, see SERVE), in a copy of the project in a
temporary folder so that nothing in the repository changes, waits for
the first build, then saves one section again and again (a new sentence appended to
docs/lagring.md, the Swedish retention section), each time waiting for the rebuild and reading
the server's own figure from its log ("Documentation built in X seconds"). Prints each rebuild
and their median; the target is at most 1 s.

MkDocs 1.6 rebuilds the whole site on each save (`mkdocs serve` has no incremental build), so
the figure is that of a full build in a warm process: the templates and Python modules are
loaded, the rest is done again. The logged figure is wall-clock time, so a busy machine
inflates it; the CPU time the server spent on each rebuild (from /proc, so Linux only) is
printed beside it.

Not a test: times depend on the machine. Run it by hand and report the figures with the
machine they were measured on.
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from project_copy import copy_project

SECTION = "docs/lagring.md"
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
TIMEOUT = 120
# `mkdocs serve` (python -m mkdocs serve), except that every build logs its time. MkDocs' build
# logger says each message once per process (mkdocs.utils.DuplicateFilter, added when a command
# starts): a rebuild that takes as long as an earlier one, to the hundredth of a second, logs
# no time at all, and this script would wait for it in vain.
SERVE = """
import logging, sys
from mkdocs import __main__ as mkdocs, utils
enable_warnings = mkdocs._enable_warnings
def every_build_logged():
    enable_warnings()
    log = logging.getLogger("mkdocs.commands.build")
    for duplicates in [f for f in log.filters if isinstance(f, utils.DuplicateFilter)]:
        log.removeFilter(duplicates)
mkdocs._enable_warnings = every_build_logged
sys.argv[0] = "mkdocs"
mkdocs.cli()
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--saves", type=int, default=5, help="saves to time (default 5)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="seom-benchmark-serve-") as tmp:
        project = copy_project(Path(tmp) / "project")
        port = free_port()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        env["SITE_URL"] = f"http://127.0.0.1:{port}/"
        command = [sys.executable, "-c", SERVE, "serve", "--strict"]
        command += ["--dev-addr", f"127.0.0.1:{port}"]
        server = subprocess.Popen(
            command, cwd=project, env=env, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )  # fmt: skip
        lines: queue.Queue[str] = queue.Queue()
        log: list[str] = []
        threading.Thread(target=read, args=(server, lines, log), daemon=True).start()
        try:
            first = wait_for_build(lines, log)
            print(f"first build: {first:.2f} s")
            figures, cpus = [], []
            for number in range(1, args.saves + 1):
                time.sleep(1)  # apart from the previous build's own file events
                with (project / SECTION).open("a", encoding="utf-8") as f:
                    f.write(f"\nDen här meningen är ny vid sparning {number}.\n")
                saved, cpu = time.perf_counter(), cpu_seconds(server.pid)
                built = wait_for_build(lines, log)
                seen = time.perf_counter() - saved
                cpu = cpu_seconds(server.pid) - cpu
                figures.append(built)
                cpus.append(cpu)
                print(
                    f"save {number}: rebuilt in {built:.2f} s, {cpu:.2f} s of CPU "
                    f"(log line seen {seen:.2f} s after the save)"
                )
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(
        f"median rebuild: {statistics.median(figures):.2f} s as logged (target: at most 1 s), "
        f"{statistics.median(cpus):.2f} s of CPU"
    )
    return 0


def cpu_seconds(pid: int) -> float:
    """User + system time of the server so far (Linux: /proc), its build threads included."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read(server: subprocess.Popen, lines: queue.Queue[str], log: list[str]) -> None:
    for line in server.stdout:
        log.append(line)
        lines.put(line)


def wait_for_build(lines: queue.Queue[str], log: list[str]) -> float:
    """The seconds of the next build the server logs; fails with its log if none comes."""
    deadline = time.monotonic() + TIMEOUT
    building = False  # until this build starts, the previous one's last lines may come
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        if "Aborted with" in line or "Error" in line:
            sys.exit("mkdocs serve failed:\n" + "".join(log))
        building = building or "Building documentation" in line
        if building and "Reloading browsers" in line:
            sys.exit("mkdocs serve rebuilt without logging its time:\n" + "".join(log))
        match = BUILT.search(line)
        if match:
            return float(match.group(1))
    sys.exit(f"no build within {TIMEOUT} s; mkdocs serve said:\n" + "".join(log))


if __name__ == "__main__":
    from benchmark_record import record  # writes benchmarks/serve.md

    raise SystemExit(record("serve", main))
