"""Translations kept honest (hooks/notice/translations.py): the English says what the Swedish
says, or the version's entry in docs/versions.yml says it was checked.

In-process against the model, as tests/test_checks.py does, with the exact Swedish messages;
then the build's report in one in-process build, and `make publish` refusing, then
publishing, in a real git repository with a bare origin.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from archives import FIRST, SECOND, A, B, new_archive
from conftest import NOTICE_DOCS, copy_project, guide
from notice import html, model, reading, translations
from notice.publishing.errors import IN_THE_BROWSER

LANGUAGES = ["sv", "en"]
TODAY = dt.date(2027, 3, 15)
SV_OLD, SV_NEW = "ytterligare tolv månader", "ytterligare sex månader"
EN_OLD, EN_NEW = "a further twelve", "a further six"
FIX = (
    "Uppdatera docs/lagring.en.md så att den säger samma sak som docs/lagring.md, eller, om "
    "den engelska texten redan stämmer, skriv retention i english_checked under version "
    "2027-03-01 i docs/versions.yml."
)
STALE = (
    "avsnittet Hur länge vi sparar dina personuppgifter (retention): texten i docs/lagring.md "
    "har ändrats sedan version 2026-12-01, men "
    f"docs/lagring.en.md är oförändrad. {FIX}"
)
TITLE = "Översättningar: den engelska texten jämförs med den svenska, som gäller."


def edit(docs: Path, name: str, old: str, new: str) -> None:
    file = docs / name
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A copy of the real docs/ to change: version 2027-03-01 on top of the real 2026-12-01."""
    docs = Path(shutil.copytree(NOTICE_DOCS, tmp_path / "docs"))
    (docs / "versions.yml").write_text(SECOND + FIRST, encoding="utf-8")
    return docs


def load(docs: Path) -> model.Notice:
    """The model as a build reads it with version 2026-12-01 published (tagged): the example
    notice is that version, the previous one and the newest published."""
    notice = reading.load(docs, LANGUAGES, today=TODAY, with_previous=False)
    assert notice.problems == []
    notice.previous_version = reading.load(
        NOTICE_DOCS, LANGUAGES, today=dt.date(2026, 12, 1), with_previous=False
    )
    notice.published, notice.baseline = [A], notice.previous_version
    return notice


def acknowledge(docs: Path, *ids: str) -> None:
    edit(docs, "versions.yml", "- version: 2027-03-01\n", f"- version: 2027-03-01\n"
         f"  english_checked: [{', '.join(ids)}]\n")  # fmt: skip


# Swedish changed, English not


def test_a_swedish_paragraph_changed_with_the_english_unchanged_is_reported(docs: Path) -> None:
    edit(docs, "lagring.md", SV_OLD, SV_NEW)
    notice = load(docs)
    assert [f.message(notice) for f in translations.stale(notice)] == [STALE]
    assert translations.structure(notice) == []
    assert translations.report(notice) == [
        f"{TITLE} Version 2027-03-01 jämförs med den senast publicerade versionen, 2026-12-01.",
        "  Svensk text ändrad, engelsk inte (publiceringen vägrar tills engelskan är uppdaterad "
        "eller kontrollerad):",
        f"    - {STALE}",
    ]
    assert translations.refusal(notice) == (
        "den engelska texten stämmer inte med den svenska, så version 2027-03-01 publiceras "
        f"inte. Svenskan gäller, och engelskan ska säga samma sak:\n  - {STALE}"
    )


def test_a_swedish_summary_changed_alone_is_reported(docs: Path) -> None:
    edit(
        docs,
        "lagring.md",
        "summary: Vi sparar uppgifterna så länge",
        "summary: Vi sparar allt så länge",
    )
    assert [f.id for f in translations.stale(load(docs))] == ["retention"]


def test_both_languages_changed_is_not_reported(docs: Path) -> None:
    edit(docs, "lagring.md", SV_OLD, SV_NEW)
    edit(docs, "lagring.en.md", EN_OLD, EN_NEW)
    notice = load(docs)
    assert translations.findings(notice) == []
    assert translations.refusal(notice) is None
    assert translations.report(notice)[-1] == (
        "  Inget att rätta: ingen svensk text har ändrats utan den engelska, och sidorna har "
        "samma uppbyggnad på båda språken."
    )


def test_rewrapped_swedish_lines_are_not_a_change(docs: Path) -> None:
    edit(docs, "lagring.md", "tolv månader\nefter", "tolv\nmånader efter")
    assert translations.findings(load(docs)) == []


def test_with_one_version_nothing_is_stale(docs: Path) -> None:
    (docs / "versions.yml").write_text(FIRST, encoding="utf-8")
    edit(docs, "lagring.md", SV_OLD, SV_NEW)
    notice = reading.load(docs, LANGUAGES, today=TODAY)
    assert notice.previous_version is None
    assert translations.stale(notice) == []
    assert translations.report(notice)[0] == (
        f"{TITLE} Ingen version är publicerad än: bara uppbyggnaden jämförs."
    )


def test_an_acknowledged_section_is_listed_and_publishing_is_allowed(docs: Path) -> None:
    edit(docs, "lagring.md", SV_OLD, SV_NEW)
    acknowledge(docs, "retention", "use")
    notice = load(docs)
    assert notice.versions[0].english_checked == ("retention", "use")
    assert translations.unacknowledged(notice) == []
    assert translations.refusal(notice) is None
    assert translations.report(notice)[1:] == [
        "  Kontrollerat, ingen ändring behövs (english_checked under version 2027-03-01 i "
        "docs/versions.yml):",
        "    - avsnittet Hur länge vi sparar dina personuppgifter (retention): texten i "
        "docs/lagring.md har ändrats sedan version "
        "2026-12-01, men docs/lagring.en.md är oförändrad.",
        "  I english_checked under version 2027-03-01, men utan skillnad (kan tas bort):",
        "    - use",
        "  Inget att rätta: ingen svensk text har ändrats utan den engelska, och sidorna har "
        "samma uppbyggnad på båda språken.",
    ]


def test_an_acknowledgement_of_the_previous_version_does_not_count(docs: Path) -> None:
    edit(docs, "lagring.md", SV_OLD, SV_NEW)
    edit(docs, "versions.yml", "- version: 2026-12-01\n", "- version: 2026-12-01\n"
         "  english_checked: [retention]\n")  # fmt: skip
    assert [f.id for f in translations.unacknowledged(load(docs))] == ["retention"]


def test_the_review_gets_the_same_report_as_markdown(docs: Path) -> None:
    edit(docs, "lagring.md", SV_OLD, SV_NEW)
    escaped = STALE.replace("english_checked", "english\\_checked")  # Markdown, shown as written
    assert translations.markdown(load(docs)) == (
        "## Översättningar\n\n"
        "Den engelska texten jämförs med den svenska, som gäller. Version 2027-03-01 jämförs "
        "med den senast publicerade versionen, 2026-12-01.\n\n"
        "### Svensk text ändrad, engelsk inte (publiceringen vägrar tills engelskan är "
        "uppdaterad eller kontrollerad)\n\n"
        f"- {escaped}\n"
    )


def test_the_guides_example_is_what_make_publish_says(docs: Path) -> None:
    edit(docs, "lagring.md", SV_OLD, SV_NEW)
    text = guide()
    example = re.search(r"```text\n(make publish: den engelska .*?)```", text, re.S)
    assert example, "REDIGERA.md shows no refusal for an English text left behind"
    said = f"make publish: {translations.refusal(load(docs))}\n{IN_THE_BROWSER}\n"
    assert example.group(1) == said


# Structure: the same headings, paragraphs, list items and links in both languages

STRUCTURE = {
    "a heading": (
        ("anvandning.md", "## Rättslig grund", "### Rättslig grund"),
        [
            "docs/anvandning.md har 2 rubriker på nivå 2 (##), docs/anvandning.en.md har 3.",
            "docs/anvandning.md har 1 rubrik på nivå 3 (###), docs/anvandning.en.md har 0.",
        ],
    ),
    "a paragraph": (
        ("lagring.md", "efter att du avslutat", "efter att du\n\navslutat"),
        ["docs/lagring.md har 3 stycken, docs/lagring.en.md har 2."],
    ),
    "a list item": (
        ("anvandning.md", "- **Berättigat intresse.**\n", ""),
        ["docs/anvandning.md har 3 listpunkter, docs/anvandning.en.md har 4."],
    ),
    "a link": (
        ("lagring.md", "arkivlagen.", "arkivlagen. [Kontakta oss](kontakt.md)."),
        ["docs/lagring.md har 1 länk, docs/lagring.en.md har 0."],
    ),
    "a link's target": (
        ("rattigheter.md", "[kontakta oss](kontakt.md)", "[kontakta oss](index.md)"),
        [
            "Länk 1 leder till index.md i docs/rattigheter.md, men till kontakt.md i "
            "docs/rattigheter.en.md."
        ],
    ),
}


@pytest.mark.parametrize("case", STRUCTURE)
def test_each_difference_in_structure_is_reported(docs: Path, case: str) -> None:
    (name, old, new), details = STRUCTURE[case]
    edit(docs, name, old, new)
    notice = load(docs)
    found = translations.structure(notice)
    assert [(f.original, f.translation, list(f.details)) for f in found] == [
        (f"docs/{name}", f"docs/{name.replace('.md', '.en.md')}", details)
    ]
    assert found[0] in translations.unacknowledged(notice)
    acknowledge(docs, found[0].id)
    assert translations.refusal(load(docs)) is None


def test_a_page_that_is_not_a_section_is_compared_and_named_by_its_file(docs: Path) -> None:
    edit(docs, "kontakt.md", "[dina rättigheter](rattigheter.md)", "dina rättigheter")
    notice = load(docs)
    assert [f.message(notice) for f in translations.structure(notice)] == [
        "sidan kontakt.md: docs/kontakt.md har 1 länk, docs/kontakt.en.md har 2. Uppdatera "
        "docs/kontakt.en.md så att den säger samma sak som docs/kontakt.md, eller, om den "
        "engelska texten redan stämmer, skriv kontakt.md i english_checked under version "
        "2027-03-01 i docs/versions.yml."
    ]
    acknowledge(docs, "kontakt.md")
    assert translations.refusal(load(docs)) is None


def test_the_same_page_in_either_language_and_its_anchors_are_the_same_target() -> None:
    render = html.MarkdownConfig().render
    swedish = html.read(render("[a](kontakt.md#form-data) [b](https://www.imy.se/)"))
    english = html.read(render("[a](kontakt.en.md#request) [b](https://www.imy.se/)"))
    assert translations.differences(swedish, english, "sv", "en") == []
    other = html.read(render("[a](kontakt.en.md) [b](https://www.imy.se/en/)"))
    assert translations.differences(swedish, other, "sv", "en") == [
        "Länk 2 leder till https://www.imy.se/ i sv, men till https://www.imy.se/en/ i en."
    ]


def test_the_real_docs_say_the_same_in_both_languages(docs: Path) -> None:
    notice = load(docs)
    assert translations.findings(notice) == []


# english_checked in docs/versions.yml, read strictly

WHERE = "docs/versions.yml, version 1 (2027-03-01)"
BAD_CHECKED = {
    "not a list": (
        "  english_checked: retention\n",
        [
            f"{WHERE}: english_checked ska vara en lista inom hakparenteser med de avsnitt vars "
            "engelska text är kontrollerad och inte behöver ändras, till exempel "
            "'english_checked: [retention, use]'."
        ],
    ),
    "an unknown section": (
        "  english_checked: [retension, 12]\n",
        [
            f"{WHERE}: english_checked innehåller '{name}', som inte är något avsnitt eller "
            "någon sida. Skriv avsnittets namn (section), ett av controller, collection, use, "
            "sharing, retention, rights, complaints, eller för en sida som inte är ett avsnitt "
            "dess svenska filnamn, till exempel kontakt.md."
            for name in ("retension", "12")
        ],
    ),
    "a section's file name": (
        "  english_checked: [lagring.md]\n",
        [
            f"{WHERE}: english_checked innehåller 'lagring.md', som är avsnittet retention. "
            "Skriv avsnittets namn i stället: retention."
        ],
    ),
}


@pytest.mark.parametrize("case", BAD_CHECKED)
def test_a_mistake_in_english_checked_is_reported(docs: Path, case: str) -> None:
    line, messages = BAD_CHECKED[case]
    edit(docs, "versions.yml", "- version: 2027-03-01\n", f"- version: 2027-03-01\n{line}")
    notice = reading.load(docs, LANGUAGES, today=TODAY, with_previous=False)
    assert notice.problems == messages


# The build prints the report


def test_the_build_prints_the_report_from_the_tagged_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    for name in ("SITE_URL", "CONTACT_FORM_ACTION", "CONTACT_FORM_MAILTO"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NOTICE_TODAY", "2027-03-15")
    project = copy_project(tmp_path / "project")
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.com"]
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "A"], ["tag", A_TAG]):
        subprocess.run(["git", *identity, *args], cwd=project, check=True, capture_output=True)
    (project / "docs" / "versions.yml").write_text(SECOND + FIRST, encoding="utf-8")
    edit(project / "docs", "lagring.md", SV_OLD, SV_NEW)
    caplog.set_level("INFO")
    mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    said = [record.getMessage() for record in caplog.records]
    # Once per build (not per language), after the hook's name.
    reports = [m.removeprefix("hooks/content_model: ") for m in said if TITLE in m]
    assert reports == [
        f"{TITLE} Version 2027-03-01 jämförs med den senast publicerade versionen, 2026-12-01.\n"
        "  Svensk text ändrad, engelsk inte (publiceringen vägrar tills engelskan är uppdaterad "
        f"eller kontrollerad):\n    - {STALE}"
    ]


A_TAG = f"notice/{A}"


# make publish refuses, then publishes once the English is acknowledged


def test_publishing_a_stale_translation_is_refused_until_acknowledged(tmp_path: Path) -> None:
    arc = new_archive(tmp_path, today="2027-03-15")
    result = arc.publish("PUSH=1")
    assert result.returncode == 0, result.stderr
    docs = arc.repo / "docs"
    edit(docs, "lagring.md", SV_OLD, SV_NEW)
    versions = (docs / "versions.yml").read_text(encoding="utf-8")
    first = versions.index("- version:")
    entry = f'- version: "{B}"\n  summary:\n    sv: Kortare tid.\n    en: A shorter time.\n'
    (docs / "versions.yml").write_text(versions[:first] + entry + versions[first:], "utf-8")
    arc.commit_all("Version B, Swedish only")
    before = (arc.local_refs(), arc.remote_refs())

    refused = arc.publish("PUSH=1")
    assert refused.returncode != 0
    assert refused.stderr.startswith(
        f"make publish: den engelska texten stämmer inte med den svenska, så version {B} "
        "publiceras inte. Svenskan gäller, och engelskan ska säga samma sak:\n"
        f"  - {STALE}\n{IN_THE_BROWSER}\nmake"  # make: or make[1]:
    )
    assert (arc.local_refs(), arc.remote_refs()) == before

    edit(docs, "versions.yml", f'- version: "{B}"\n', f'- version: "{B}"\n'
         "  english_checked: [retention]\n")  # fmt: skip
    arc.commit_all("The English of retention is checked")
    published = arc.publish("PUSH=1")
    assert published.returncode == 0, published.stderr
    assert f"Version {B} är publicerad (gäller nu)" in published.stdout
    assert arc.remote_refs()[f"refs/tags/notice/{B}"]

    # A version already online is not checked again: the nightly run must never stop on it.
    edit(docs, "versions.yml", "  english_checked: [retention]\n", "")
    arc.commit_all("The acknowledgement removed after publishing")
    again = arc.publish("PUSH=1")
    assert again.returncode == 0, again.stderr
    assert f"Version {B} är redan publicerad" in again.stdout
