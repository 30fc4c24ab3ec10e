"""A copy of the project's sources to build or change freely, never the source tree itself:
the tests (tests/conftest.py) and `make benchmark-serve` use it. Only the standard library, so
that what needs only the build's install can use it too."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# What a build and `make publish` read.
PROJECT_PARTS = (
    "mkdocs.yml",
    "mkdocs.archive.yml",
    "mkdocs.preview.yml",
    "docs",
    "overrides",
    "hooks",
    "scripts",
)


def copy_project(target: Path) -> Path:
    """The project's sources copied into ``target`` (created if need be)."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target
