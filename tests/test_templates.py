"""Templates copied from Material and static-i18n still match the installed originals.

overrides/ copies a few upstream templates to change one thing each. When an upgrade changes
the original under a copy, the copy silently keeps the old version: these tests fail instead,
naming the file to compare (tests/upstream/README.md says how to update).
"""

from __future__ import annotations

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
    assert installed == (UPSTREAM / stored).read_text(encoding="utf-8"), (
        f"{COPIES[stored]} changed upstream: carry the change into overrides/, then copy it to "
        f"tests/upstream/{stored}"
    )


@pytest.mark.parametrize("name", ["site_meta", "htmltitle", "styles", "scripts"])
def test_a_copied_block_of_base_html_matches_materials(name: str) -> None:
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    block = re.search(rf"\{{% block {name} %\}}.*?\{{% endblock %\}}", base, re.DOTALL)
    assert block, f"Material's base.html has no block {name}: overrides/main.html needs a look"
    stored = (UPSTREAM / f"material/base.html.{name}").read_text(encoding="utf-8")
    assert block.group(0) + "\n" == stored, (
        f"Material's block {name} changed: carry the change into overrides/main.html, then "
        f"copy it to tests/upstream/material/base.html.{name}"
    )
