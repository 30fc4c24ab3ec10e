"""Templates copied from Material and static-i18n still match the installed originals.

overrides/ copies a few upstream templates to change one thing each. When an upgrade changes
the original under a copy, the copy silently keeps the old version: these tests fail instead,
showing how the original changed, as a unified diff of the stored copy against it
(tests/upstream/README.md says how to update).
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import material
import mkdocs_static_i18n
import pytest

UPSTREAM = Path(__file__).parent / "upstream"
MATERIAL = Path(material.__file__).parent / "templates"
STATIC_I18N = Path(mkdocs_static_i18n.__file__).parent / "custom_i18n_sitemap"

COPIES = {
    # stored copy: the installed original
    "material/partials/search.html": MATERIAL / "partials/search.html",
    "material/partials/copyright.html": MATERIAL / "partials/copyright.html",
    "material/partials/header.html": MATERIAL / "partials/header.html",
    "material/partials/nav.html": MATERIAL / "partials/nav.html",
    "material/partials/logo.html": MATERIAL / "partials/logo.html",
    "material/partials/javascripts/outdated.html": MATERIAL / "partials/javascripts/outdated.html",
    "material/partials/javascripts/base.html": MATERIAL / "partials/javascripts/base.html",
    "material/partials/javascripts/content.html": MATERIAL / "partials/javascripts/content.html",
    "static-i18n/sitemap.xml": STATIC_I18N / "sitemap.xml",
}


@pytest.mark.parametrize("stored", COPIES)
def test_a_copied_template_matches_the_installed_original(stored: str) -> None:
    installed = COPIES[stored].read_text(encoding="utf-8")
    recorded = (UPSTREAM / stored).read_text(encoding="utf-8")
    if installed != recorded:
        pytest.fail(
            f"{COPIES[stored]} changed upstream: carry the change into overrides/, then copy it "
            f"to tests/upstream/{stored}. The change:\n"
            + diff(recorded, installed, f"tests/upstream/{stored}", str(COPIES[stored])),
            pytrace=False,
        )


@pytest.mark.parametrize("name", ["site_meta", "htmltitle", "styles", "scripts"])
def test_a_copied_block_of_base_html_matches_materials(name: str) -> None:
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    block = re.search(rf"\{{% block {name} %\}}.*?\{{% endblock %\}}", base, re.DOTALL)
    assert block, f"Material's base.html has no block {name}: overrides/main.html needs a look"
    stored = (UPSTREAM / f"material/base.html.{name}").read_text(encoding="utf-8")
    if block.group(0) + "\n" != stored:
        pytest.fail(
            f"Material's block {name} changed: carry the change into overrides/main.html, then "
            f"copy it to tests/upstream/material/base.html.{name}. The change:\n"
            + diff(
                stored,
                block.group(0) + "\n",
                f"tests/upstream/material/base.html.{name}",
                f"{MATERIAL / 'base.html'} (block {name})",
            ),
            pytrace=False,
        )


def diff(recorded: str, installed: str, recorded_name: str, installed_name: str) -> str:
    """What changed upstream, as `diff -u recorded installed` prints it."""
    lines = difflib.unified_diff(
        recorded.splitlines(keepends=True),
        installed.splitlines(keepends=True),
        fromfile=recorded_name,
        tofile=installed_name,
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def test_a_changed_original_fails_with_a_unified_diff(tmp_path, monkeypatch) -> None:
    """What a maintainer reads on an upgrade: the lines that changed, not only the file."""
    stored = "material/partials/logo.html"
    changed = tmp_path / "logo.html"
    original = COPIES[stored].read_text(encoding="utf-8")
    changed.write_text(original.replace("{#-", "{#- Changed upstream.\n", 1), encoding="utf-8")
    monkeypatch.setitem(COPIES, stored, changed)
    with pytest.raises(pytest.fail.Exception) as failure:
        test_a_copied_template_matches_the_installed_original(stored)
    message = str(failure.value)
    assert f"--- tests/upstream/{stored}\n+++ {changed}\n@@ " in message
    assert "\n+{#- Changed upstream.\n" in message
