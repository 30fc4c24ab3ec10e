"""A copy of the project's sources to build or change freely, never the source tree itself:
the tests (tests/conftest.py) and `make benchmark-serve` use it. Only the standard library, so
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
