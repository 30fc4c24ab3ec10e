"""Where each benchmark writes its latest figures: benchmarks/<name>.md, beside the others.

A benchmark's figures mean little without the day and the machine, and nothing in a README a
run cannot rewrite. So every `make benchmark-*` prints as before and, when it succeeds, writes
what it printed into the section "Latest run" of its file, with the date, the commit and the
machine (cores, CPU model, load, Python). The rest of the file (what the benchmark measures,
the results recorded by hand from earlier runs) is kept as written.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import platform
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "benchmarks"
LATEST = "## Latest run"


def record(name: str, main: Callable[[], int], *, markdown: bool = False) -> int:
    """Run a benchmark's `main`, print its output as it comes, and on success write it to
    benchmarks/<name>.md (as Markdown when `markdown`, else as a text block)."""
    started = dt.datetime.now(dt.UTC)
    tee = _Tee(sys.stdout)
    sys.stdout = tee
    try:
        status = main()
    finally:
        sys.stdout = tee.stream
    if status == 0:
        path = FOLDER / f"{name}.md"
        write(path, latest_run(name, started, tee.text.getvalue(), markdown=markdown))
        print(f"(written to {path.relative_to(ROOT)})")
    return status


def latest_run(name: str, started: dt.datetime, output: str, *, markdown: bool) -> str:
    body = output.strip() if markdown else f"```text\n{output.strip()}\n```"
    return (
        f"{LATEST}\n\n"
        f"Written by `make benchmark-{name}` (`{' '.join(['python', *sys.argv])}`) on "
        f"{started:%Y-%m-%d %H:%M} UTC, at commit {commit()}; {machine()}.\n\n"
        f"{body}\n"
    )


def write(path: Path, section: str) -> None:
    """Replace the section "Latest run" of `path` (or put it before the first other section),
    and keep the rest as written."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"# {path.stem}\n"
    head, found, tail = text.partition(LATEST)
    if found:
        _, _, rest = tail.partition("\n## ")
    else:
        head, _, rest = text.partition("\n## ")
        head = head.rstrip("\n") + "\n\n"
    path.write_text(head + section + ("\n## " + rest if rest else ""), encoding="utf-8")


def machine() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    parts = [f"{cores} cores (nproc)", cpu_model()]
    if hasattr(os, "getloadavg"):
        parts.append("load average {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    parts.append(f"Python {platform.python_version()}")
    return ", ".join(parts)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def commit() -> str:
    result = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
    )
    return f"`{result.stdout.strip()}`" if result.returncode == 0 else "unknown"


class _Tee(io.TextIOBase):
    """Prints as before and keeps a copy of what was printed."""

    def __init__(self, stream: io.TextIOBase) -> None:
        self.stream = stream
        self.text = io.StringIO()

    def write(self, text: str) -> int:
        self.text.write(text)
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()
