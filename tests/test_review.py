"""`make review` in a real git repository with a published version: its exact Swedish Markdown.

Version A is published (tagged notice/2026-12-01); then the working tree changes a word of the
retention section in both languages, with and without a new version, and breaks things.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from archives import VERSION_B_ENTRY, Archive, new_archive, run
from notice import gdpr, model

INTRO = "# Granskning av ändringen i integritetsmeddelandet\n\n"
NO_ERRORS = "## Fel\n\nInga fel: webbplatsen byggs utan en enda varning.\n\n"
CHANGES = """## Vad som ändras för läsaren

Jämfört med den version som gäller, från 1 december 2026 (taggen `notice/2026-12-01`). Texten \
är den som läsarna läser: tillagda ord är <ins>understrukna</ins> och borttagna \
<del>överstrukna</del>.

### Hur länge vi sparar dina personuppgifter

**Svenska** (`lagring.md`):

> Vi sparar dina personuppgifter så länge som du är kund hos oss, samt ytterligare \
<del>tolv</del> <ins>sex</ins> månader efter att du avslutat ditt engagemang hos oss.

**Engelska** (`lagring.en.md`):

> We keep your personal data for as long as you are our customer, and for a further \
<del>twelve</del> <ins>six</ins> months after your relationship with us has ended.

Oförändrade avsnitt: Personuppgiftsansvarig, Personuppgifter vi samlar in, Hur vi använder \
dina personuppgifter, När vi delar dina personuppgifter, Dina rättigheter, Klagomål.

"""
WITH_VERSION = """## Ny version

Texten som läsarna läser ändras, och ändringen har en ny version: version 2027-03-01 överst i \
`docs/versions.yml` (”Ny mening om lagring.”). Den börjar gälla den 1 mars 2027.

"""
TRANSLATIONS_FIRST = """## Översättningar

Den engelska texten jämförs med den svenska, som gäller. Version 2026-12-01 är den första: bara \
uppbyggnaden jämförs.

Inget att rätta: ingen svensk text har ändrats utan den engelska, och sidorna har samma \
uppbyggnad på båda språken.
"""
TRANSLATIONS_B = TRANSLATIONS_FIRST.replace(
    "Version 2026-12-01 är den första: bara uppbyggnaden jämförs.",
    "Version 2027-03-01 jämförs med den förra publicerade versionen, 2026-12-01.",
)
WITHOUT_VERSION = """## Ny version

Texten som läsarna läser ändras, men `docs/versions.yml` har ingen ny version. En publicerad \
version ändras aldrig, så publiceringen stoppas. Lägg till en ny version överst i \
`docs/versions.yml` med det datum då ändringen ska börja gälla och en sammanfattning på båda \
språken (REDIGERA.md, avsnitt 7).

"""


def review(arc: Archive) -> str:
    venv = Path(sys.executable).parent.parent
    installed = f"--assume-old={venv}/.installed-build"  # this run's venv, as it is
    result = run(
        arc.repo, "make", "--no-print-directory", "review", f"VENV={venv}", installed, env=arc.env
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def edit(repo: Path, path: str, old: str, new: str) -> None:
    file = repo / "docs" / path
    text = file.read_text(encoding="utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def gdpr_part(repo: Path) -> str:
    """The GDPR reports, fenced: their text is tested exactly in tests/test_checks.py."""
    notice = model.load(repo / "docs", ["sv", "en"], with_previous=False)
    reports = [f"```text\n{gdpr.compliance_report(notice, lang)}\n```\n" for lang in ("sv", "en")]
    return "## GDPR-rapport\n\n" + "\n".join(reports)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    arc = new_archive(tmp_path_factory.mktemp("review"), today="2027-03-15")
    published = arc.publish("PUSH=1")
    assert published.returncode == 0, published.stderr
    repo, out = arc.repo, {}
    out["unchanged"] = review(arc)
    edit(repo, "lagring.md", "ytterligare tolv månader", "ytterligare sex månader")
    edit(repo, "lagring.en.md", "a further twelve\nmonths", "a further six\nmonths")
    out["without version"] = review(arc)
    versions = repo / "docs" / "versions.yml"
    text = versions.read_text(encoding="utf-8")
    first = text.index("- version:")
    versions.write_text(text[:first] + VERSION_B_ENTRY + text[first:], encoding="utf-8")
    out["with version"] = review(arc)
    out["gdpr"] = gdpr_part(repo)
    edit(repo, "lagring.md", "summary: Vi sparar", "summary: Obs: Vi sparar")
    out["problem"] = review(arc)
    edit(repo, "lagring.md", "summary: Obs: Vi sparar", "summary: Vi sparar")
    link = "# Personuppgifter vi samlar in\n\n[Länk](finns-inte.md)"
    edit(repo, "insamling.md", "# Personuppgifter vi samlar in", link)
    out["broken link"] = review(arc)
    yield out


def test_a_change_with_its_new_version(outputs: dict[str, str]) -> None:
    assert outputs["with version"] == (
        INTRO + NO_ERRORS + CHANGES + WITH_VERSION + outputs["gdpr"] + "\n" + TRANSLATIONS_B
    )


def test_a_change_without_a_new_version_is_told_it_needs_one(outputs: dict[str, str]) -> None:
    assert outputs["without version"] == (
        INTRO + NO_ERRORS + CHANGES + WITHOUT_VERSION + outputs["gdpr"] + "\n" + TRANSLATIONS_FIRST
    )


def test_nothing_changed(outputs: dict[str, str]) -> None:
    assert outputs["unchanged"] == (
        INTRO
        + NO_ERRORS
        + CHANGES.split("### ")[0]
        + "Inget avsnitt ändras.\n\n"
        + "## Ny version\n\nTexten som läsarna läser ändras inte, så ingen ny version behövs.\n\n"
        + outputs["gdpr"]
        + "\n"
        + TRANSLATIONS_FIRST
    )


def test_a_mistake_is_the_whole_review(outputs: dict[str, str]) -> None:
    assert outputs["problem"] == INTRO + (
        "## Fel\n\nInnehållet har 1 fel. Rätta det och bygg igen:\n\n"
        "- docs/lagring.md, rad 3: inställningarna överst i filen (front matter) går inte att "
        "läsa. En text innehåller ett kolon följt av mellanslag. Sätt hela texten inom raka "
        'citattecken ("..."), inte typografiska (”...”).\n'
    )


def test_a_broken_link_shows_what_mkdocs_says(outputs: dict[str, str]) -> None:
    review = outputs["broken link"]
    assert review.startswith(
        INTRO + "## Fel\n\nInnehållet har inga fel, men bygget av webbplatsen stoppade. Det här "
        "säger MkDocs (på engelska):\n\n```text\n"
    )
    errors = review.split("```text\n", 1)[1].split("```", 1)[0]
    assert "insamling.md" in errors and "finns-inte.md" in errors


def test_the_markdown_is_escaped() -> None:
    import review as script

    assert script.markdown("<b>*x*</b> [a](b)") == r"&lt;b&gt;\*x\*&lt;/b&gt; \[a\](b)"


def test_ci_shows_the_review_on_each_pull_request() -> None:
    workflow = (Path(__file__).parents[1] / ".github/workflows/ci.yml").read_text("utf-8")
    assert re.search(r"run: make review >> \"\$GITHUB_STEP_SUMMARY\"", workflow)
