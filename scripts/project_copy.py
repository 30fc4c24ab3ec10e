"""A copy of the project's sources to build or change freely, never the source tree itself:
the tests (tests/conftest.py) and the benchmarks use it. Only the standard library, so
that what needs only the build's install can use it too."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The engine: what a build and `make publish` read, besides the notice (docs/).
ENGINE_PARTS = (
    "mkdocs.yml",
    "mkdocs.archive.yml",
    "mkdocs.preview.yml",
    "overrides",
    "hooks",
    "scripts",
)
# The example notice the tests and the benchmarks build: SEOM's notice as it was first
# published (version 2026-12-01, SEOM's details still missing), frozen, so that neither moves
# with SEOM's edits of docs/; and the date that counts as today for it (NOTICE_TODAY), on
# which its first version is in force.
EXAMPLE = ROOT / "tests" / "fixtures" / "seom"
EXAMPLE_TODAY = "2026-12-15"
# The environment variables the build reads: a build of the example sees only those it is given.
SETTINGS_ENV = ("SITE_URL", "CONTACT_FORM_ACTION", "CONTACT_FORM_MAILTO", "NOTICE_TODAY")


def copy_project(target: Path, docs: Path | None = None) -> Path:
    """The engine copied into ``target`` (created if need be), with a notice as its docs/:
    ``docs`` (the tests' example notices, tests/fixtures/), else the project's own."""
    target.mkdir(parents=True, exist_ok=True)
    for part in ENGINE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    shutil.copytree(docs or ROOT / "docs", target / "docs")
    return target
