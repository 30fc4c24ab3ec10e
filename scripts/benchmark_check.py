"""How long a content-only pull request waits for the gate's verdict: `make benchmark-check`.

Not a test: timings depend on the machine. In a temporary git repository holding a copy of the
project (the notice as docs/ holds it now), the newest version is tagged as published; then a
pull request's change is made as editors make it (a sentence added to the first section in
both languages, and a new version a month ahead), and `make check`'s command runs on it, as CI
runs it, several times. The install is not counted (CI caches nothing, but the budget is the
gate's own work). The budget: 90 s on 2 cores (issue 16).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from project_copy import ROOT, copy_project

BUDGET = 90.0  # seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="seom-benchmark-check-") as tmp:
        repo = pull_request(Path(tmp) / "repo")
        walls, cpus, verdict = [], [], ""
        for _ in range(args.runs):
            wall, cpu, verdict = gate(repo)
            walls.append(wall)
            cpus.append(cpu)
    print(f"make check on a content-only pull request ({args.runs} runs, {os.cpu_count()} cores)")
    print(f"  verdict: {verdict}")
    print(
        f"  wall: median {statistics.median(walls):.1f} s (min {min(walls):.1f}, max "
        f"{max(walls):.1f}); budget {BUDGET:.0f} s: "
        f"{statistics.median(walls) / BUDGET:.2f} of it"
    )
    print(f"  CPU (user + sys, with the browser's): median {statistics.median(cpus):.1f} s")
    return 0


def pull_request(repo: Path) -> Path:
    """The project with its newest version published (tagged), and a change on top."""
    copy_project(repo)
    for name in (".gitignore", "Makefile", "requirements.txt", "requirements-test.txt"):
        (repo / name).write_bytes((ROOT / name).read_bytes())
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Published")
    versions = (repo / "docs" / "versions.yml").read_text(encoding="utf-8")
    newest = versions.split("- version:", 1)[1].split()[0].strip("\"'")
    git(repo, "tag", f"notice/{newest}")
    sections = (repo / "docs" / "sections.yml").read_text(encoding="utf-8")
    first_id = sections.split("sections:", 1)[1].split(":", 1)[0].strip()
    for page in (repo / "docs").glob("*.md"):
        if f"section: {first_id}\n" in page.read_text(encoding="utf-8"):
            english = page.name.endswith(".en.md")
            sentence = "A sentence added." if english else "En mening till."
            page.write_text(page.read_text(encoding="utf-8") + f"\n{sentence}\n", "utf-8")
    ahead = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    entry = (
        f'- version: "{ahead}"\n  summary:\n    sv: En mening till.\n    en: One more sentence.\n'
    )
    first = versions.index("- version:")
    (repo / "docs" / "versions.yml").write_text(
        versions[:first] + entry + versions[first:], "utf-8"
    )
    return repo


def gate(repo: Path) -> tuple[float, float, str]:
    """One run of what `make check` runs: wall time, CPU time and the verdict line."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.setdefault("CONTACT_FORM_ACTION", "/api/dataskydd")
    before = os.times()
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "scripts/review.py", "--gate"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    if not result.stdout:
        sys.exit(f"make check did not run:\n{result.stderr}")
    return wall, cpu, result.stdout.splitlines()[0]


def git(repo: Path, *args: str) -> None:
    identity = ["-c", "user.name=Benchmark", "-c", "user.email=benchmark@example.com"]
    subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True)


if __name__ == "__main__":
    from benchmark_record import record  # writes benchmarks/check.md

    sys.exit(record("check", main))
