"""The engine and the notice are apart: no test reads docs/, so no edit of it turns the suite red.

SEOM's editors change docs/ every year (a word, a section added or removed, a new version, SEOM's
details filled in). The tests build example notices under tests/fixtures/ instead; conftest's
guard fails any test that opens, lists or builds the live notice. These tests show the guard
works, so that a new test cannot quietly depend on today's text.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import LIVE_DOCS, NOTICE_DOCS, ROOT, LiveNoticeRead


@pytest.mark.parametrize(
    "read",
    [
        lambda: (LIVE_DOCS / "index.md").read_text(encoding="utf-8"),
        lambda: list(LIVE_DOCS.iterdir()),
        lambda: list(LIVE_DOCS.rglob("*.md")),
        lambda: shutil.copytree(LIVE_DOCS, Path(tempfile.mkdtemp()) / "never"),
        lambda: subprocess.run(["make", "build"], cwd=ROOT, capture_output=True),
        lambda: subprocess.run(["mkdocs", "build", "--strict"], capture_output=True),
        lambda: subprocess.run(["ls"], cwd=LIVE_DOCS, capture_output=True),
    ],
    ids=["open", "list", "glob", "copy", "make build", "mkdocs here", "a command in docs"],
)
def test_a_test_that_reads_the_live_notice_fails(read) -> None:
    with pytest.raises(LiveNoticeRead, match="tests/fixtures/"):
        read()


def test_the_example_notice_and_the_engine_are_readable() -> None:
    assert (NOTICE_DOCS / "versions.yml").is_file()
    assert (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    result = subprocess.run(["make", "--dry-run", "build"], cwd=ROOT, capture_output=True)
    assert result.returncode == 0
