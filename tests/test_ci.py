"""CI's paths, as the workflows and the Makefile say them.

- Every pull request: the gate (`make check`, its review in the job summary), the preview, and
  the whole suite only when the change touches more than docs/ (`make ci-test`).
- Every merge to main: the same gate, then the suite when the engine changed, then publish.
- Every night: `make calendar` from what is published, waiting for nothing (no gate, no test
  before it, in a job of its own), and the whole suite in another job.
"""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import yaml

from archives import git
from conftest import ROOT
from site_server import SiteServer

WORKFLOWS = ROOT / ".github" / "workflows"


def steps(workflow: str, job: str) -> list[str]:
    """The commands a job runs, in order."""
    data = yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))
    return [step["run"] for step in data["jobs"][job]["steps"] if "run" in step]


def jobs(workflow: str) -> dict:
    return yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))["jobs"]


# What WeasyPrint needs on GitHub's runners, first in every job that makes archival copies.
PANGO = (
    "sudo apt-get update -q && sudo apt-get install -y -q libpango-1.0-0 libpangoft2-1.0-0 "
    "fonts-dejavu-core"
)


def test_every_pull_request_passes_the_gate_and_shows_its_review() -> None:
    assert steps("ci.yml", "check")[:2] == [PANGO, 'make check REVIEW="$GITHUB_STEP_SUMMARY"']
    assert {"make preview", "make pdf"} <= set(steps("ci.yml", "check"))
    assert steps("ci.yml", "test") == [PANGO, 'make ci-test BASE="origin/$BASE_BRANCH"']


def test_a_merge_passes_the_same_gate_before_it_is_published() -> None:
    commands = steps("publish.yml", "publish")
    assert commands[:3] == [
        PANGO,
        'make check AFTER_MERGE=1 REVIEW="$GITHUB_STEP_SUMMARY"',
        'make ci-test BASE="$BEFORE"',
    ]
    assert commands[-1] == "make publish PUSH=1"
    assert jobs("publish.yml")["publish"]["if"] == "github.event_name != 'schedule'"


def test_the_nightly_calendar_waits_for_nothing() -> None:
    calendar = jobs("publish.yml")["calendar"]
    assert calendar["if"] == "github.event_name == 'schedule'"
    assert "needs" not in calendar
    commands = steps("publish.yml", "calendar")
    assert commands[-1] == "make calendar PUSH=1"
    assert not any("make test" in c or "make check" in c for c in commands)
    assert steps("publish.yml", "nightly-test") == [PANGO, "make test"]
    data = yaml.safe_load((WORKFLOWS / "publish.yml").read_text(encoding="utf-8"))
    # PyYAML reads the key `on` as True.
    assert data[True]["schedule"] == [{"cron": "5 22 * * *"}, {"cron": "5 23 * * *"}]


def test_the_suite_runs_when_the_engine_changed_and_not_for_docs_alone(tmp_path: Path) -> None:
    """`make ci-test` in a repository whose venv's python and ruff only say they ran."""
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in (
        "Makefile",
        "pyproject.toml",
        *(f"requirements{s}.txt" for s in ("", "-publish", "-test")),
    ):
        (repo / name).write_bytes((ROOT / name).read_bytes())
    (repo / "docs").mkdir()
    (repo / "docs" / "lagring.md").write_text("Text.\n", encoding="utf-8")
    (repo / "hooks").mkdir()
    (repo / "hooks" / "x.py").write_text("x = 1\n", encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main", str(repo))
    identity = ["-c", "user.name=T", "-c", "user.email=t@example.com"]
    git(repo, "add", "-A")
    git(repo, *identity, "commit", "-qm", "base")
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    for tool in ("python", "ruff"):
        (venv / "bin" / tool).write_text(f'#!/bin/sh\necho "ran {tool} $*"\n', "utf-8")
        (venv / "bin" / tool).chmod(0o755)
    for stamp in (".installed-build", ".installed-test"):  # installed already
        (venv / stamp).touch()

    def ci_test() -> str:
        result = subprocess.run(
            ["make", "--no-print-directory", "ci-test", "BASE=main", f"VENV={venv}"],
            cwd=repo,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    git(repo, "checkout", "-q", "-b", "change")
    (repo / "docs" / "lagring.md").write_text("Ny text.\n", encoding="utf-8")
    git(repo, *identity, "commit", "-qam", "docs")
    assert ci_test() == (
        "Bara docs/ har ändrats sedan main: make check har granskat det, och testerna av "
        "motorn behövs inte.\n"
    )
    (repo / "hooks" / "x.py").write_text("x = 2\n", encoding="utf-8")
    git(repo, *identity, "commit", "-qam", "engine")
    assert ci_test().splitlines()[-1] == "ran python -m pytest -n auto --dist loadfile"


def test_the_guides_links_lead_to_its_pages_and_headings() -> None:
    """REDIGERA.md and its reference pages (redigera/) link to each other and to their own
    headings as GitHub shows them (its anchors keep å, ä and ö)."""
    import re

    def anchors(text: str) -> set[str]:
        headings = re.findall(r"^#+ (.+)$", text, re.M)
        return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}

    pages = [ROOT / "REDIGERA.md", *sorted((ROOT / "redigera").glob("*.md"))]
    broken = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        prose = re.sub(r"`[^`\n]*`", "", re.sub(r"```.*?```", "", text, flags=re.S))  # not code
        for target in re.findall(r"\]\(([^)\s]+)\)", prose):
            path, _, anchor = target.partition("#")
            if target.startswith(("http", "mailto:")) or not (path.endswith(".md") or anchor):
                continue  # another site, or a file of the project (mkdocs.yml, docs/...)
            file = (page.parent / path).resolve() if path else page
            if not file.is_file() or (anchor and anchor not in anchors(file.read_text("utf-8"))):
                broken.append(f"{page.relative_to(ROOT)}: {target}")
    assert broken == []


def test_a_test_server_that_never_started_stops_at_once(tmp_path: Path) -> None:
    """A test that fails before its server serves must not hang in its cleanup (a whole CI
    run did, waiting for a server that never started)."""
    server = SiteServer(tmp_path)
    stopping = threading.Thread(target=server.stop, daemon=True)
    stopping.start()
    stopping.join(timeout=10)
    assert not stopping.is_alive()
