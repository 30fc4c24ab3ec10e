"""Publishing's rules in milliseconds, beside the end-to-end scenarios that take minutes.

The version in force on, before and after its date; today's date as Sweden has it when the
nightly run starts (22:05 and 23:05 UTC, when the UTC date is still the day before); what
counts as a change of the text readers read; and what `make publish` (and `make check`, which
asks the same) refuses: a version older than a published one, a changed text under a
published version, English left behind.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import NOTICE_DOCS
from notice import archive, changes, dates, model, reading, translations

A, B, C = "2026-12-01", "2027-03-01", "2027-06-01"
LANGUAGES = ["sv", "en"]


# The calendar


@pytest.mark.parametrize(
    ("today", "in_force", "latest", "upcoming"),
    [
        ("2026-11-30", None, A, [A, B]),  # before the first version's date
        ("2026-12-01", A, A, [B]),  # on A's date
        ("2027-02-28", A, A, [B]),  # the eve of B's date
        ("2027-03-01", B, B, []),  # on B's date
        ("2027-08-01", B, B, []),
    ],
)
def test_the_version_in_force_on_before_and_after_its_date(
    today: str, in_force: str | None, latest: str, upcoming: list[str]
) -> None:
    day = dt.date.fromisoformat(today)
    assert archive.in_force([B, A], day) == in_force
    assert archive.latest([B, A], day) == latest
    assert archive.upcoming([B, A], day) == upcoming


@pytest.mark.parametrize(
    ("utc", "sweden"),
    [
        # The nightly runs: 23:05 UTC in winter is 00:05 in Sweden, the next day.
        ("2027-02-28T23:05:00", "2027-03-01"),
        ("2027-02-28T22:05:00", "2027-02-28"),  # 23:05 in Sweden: still the eve
        ("2027-02-28T23:30:00", "2027-03-01"),
        # In summer (CEST) the 22:05 UTC run is the one after midnight.
        ("2027-05-31T22:05:00", "2027-06-01"),
        ("2027-05-31T21:55:00", "2027-05-31"),
        # The night Sweden moves to summer time (2027-03-28, 01:00 UTC): before it 23:05 UTC
        # is already the next day, after it 22:05 UTC is.
        ("2027-03-27T23:05:00", "2027-03-28"),
        ("2027-03-27T22:05:00", "2027-03-27"),
        ("2027-03-28T22:05:00", "2027-03-29"),
        ("2027-03-28T21:55:00", "2027-03-28"),
        # The night it moves back to winter time (2027-10-31, 01:00 UTC).
        ("2027-10-30T22:05:00", "2027-10-31"),
        ("2027-10-31T22:05:00", "2027-10-31"),  # 23:05 in Sweden again: still the eve
        ("2027-10-31T23:05:00", "2027-11-01"),
        ("2027-10-31T23:30:00", "2027-11-01"),
    ],
)
def test_today_is_swedens_date_when_the_nightly_run_starts(
    utc: str, sweden: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(dates.TODAY_VARIABLE, raising=False)
    now = dt.datetime.fromisoformat(utc).replace(tzinfo=dt.UTC)
    assert dates.today(now) == dt.date.fromisoformat(sweden)


def test_the_nightly_run_puts_a_version_in_force_on_its_swedish_date(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(dates.TODAY_VARIABLE, raising=False)
    eve = dt.datetime(2027, 2, 28, 23, 5, tzinfo=dt.UTC)  # the UTC date is still the 28th
    assert archive.latest([A, B], dates.today(eve)) == B
    assert archive.latest([A, B], dates.today(eve - dt.timedelta(hours=1))) == A


# What counts as a change of the text readers read


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    return Path(shutil.copytree(NOTICE_DOCS, tmp_path / "docs"))


def load(docs: Path) -> model.Notice:
    notice = reading.load(docs, LANGUAGES, today=dt.date(2027, 3, 15), with_previous=False)
    assert notice.problems == []
    return notice


def edit(docs: Path, name: str, old: str, new: str) -> None:
    text = (docs / name).read_text(encoding="utf-8")
    assert old in text, (name, old)
    (docs / name).write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "old", "new", "changed"),
    [
        ("lagring.md", "tolv månader\nefter", "tolv\nmånader efter", []),  # rewrapped
        ("lagring.md", "ytterligare tolv", "ytterligare sex", ["lagring.md"]),
        ("lagring.en.md", "a further twelve", "a further six", ["lagring.en.md"]),
        ("lagring.md", "summary: Vi sparar", "summary: Vi behåller", ["lagring.md"]),
        ("index.md", "Det är viktigt", "Det är mycket viktigt", ["index.md"]),
        ("sections.yml", "  use: Var", "  usx: Var", None),  # a problem: not compared
        ("controller.yml", "phone:\n", "phone: 08-000 000 00\n", ["controller.yml"]),
        ("authority.yml", "\nemail: imy@imy.se", "\nemail: imy@example.se", ["authority.yml"]),
        ("versions.yml", "sv: Första versionen", "sv: Den första versionen", ["versions.yml"]),
        ("purposes.yml", "legal_basis: b", "legal_basis: c", ["purposes.yml"]),
        ("purposes.yml", "uppgifter från dina mätare,", "uppgifter från\n        dina mätare,", []),
        ("purposes.yml", "ytterligare tolv månader", "ytterligare sex månader", ["purposes.yml"]),
        ("purposes.yml", "direct_marketing: nej", "direct_marketing: ja", ["purposes.yml"]),
        # Pages in the version's folder beside the sections.
        ("versioner.md", "Här finns alla versioner", "Här står alla versioner", ["versioner.md"]),
        ("andringar.en.md", "# ", "# Changes: ", ["andringar.en.md"]),
        # Outside the notice's versions: a change of presentation.
        ("kontakt.md", "Vi svarar inom en månad", "Vi svarar snart", []),
        ("tack.md", "Vi har tagit emot", "Vi tog emot", []),
        ("accessibility.yml", "updated: 2026-11-28", "updated: 2026-12-02", []),
    ],
)
def test_a_change_of_the_text_readers_read_names_its_file(
    docs: Path, name: str, old: str, new: str, changed: list[str] | None
) -> None:
    before = load(docs)
    edit(docs, name, old, new)
    if changed is None:
        assert reading.load(docs, LANGUAGES, with_previous=False).problems
        return
    assert changes.changed_files(before, load(docs)) == changed


def test_a_new_order_of_the_sections_is_a_change(docs: Path) -> None:
    before = load(docs)
    edit(docs, "sections.yml", "  sharing: Vilka vi delar uppgifterna med\n", "")
    edit(docs, "sections.yml", "  rights:", "  sharing: Vilka vi delar uppgifterna med\n  rights:")
    assert changes.changed_files(before, load(docs)) == ["sections.yml"]


# What publishing refuses


def published(notice: model.Notice, versions: list[str], baseline: model.Notice) -> model.Notice:
    notice.published, notice.baseline = versions, baseline
    return notice


def test_a_changed_text_under_a_published_version_is_refused(docs: Path) -> None:
    from notice.publishing.operations import refusals

    baseline = load(docs)
    edit(docs, "lagring.md", "ytterligare tolv", "ytterligare sex")
    notice = published(load(docs), [A], baseline)
    assert refusals(notice, [A], new=False) == [
        f"texten i version {A}, som redan är publicerad, skulle ändras (docs/lagring.md). En "
        "publicerad version ändras aldrig: lägg till en ny version överst i docs/versions.yml, "
        "med det datum då ändringen ska börja gälla (REDIGERA.md, avsnitt 7). Är det bara ett "
        "skrivfel som inte ändrar innebörden kan en utvecklare i stället rätta den publicerade "
        "versionen."
    ]
    # The same text, newly wrapped: nothing to refuse.
    edit(docs, "lagring.md", "ytterligare sex", "ytterligare tolv")
    edit(docs, "lagring.md", "tolv månader\nefter", "tolv\nmånader efter")
    assert refusals(published(load(docs), [A], baseline), [A], new=False) == []


def test_a_version_older_than_a_published_one_is_refused(docs: Path) -> None:
    from notice.publishing.operations import refusals

    notice = published(load(docs), [A, B], load(docs))
    assert refusals(notice, [A, B], new=True) == [
        f"versionen {A} är äldre än version {B}, som redan är publicerad. En ny version ska ha "
        "ett senare datum än de publicerade: ändra datumet överst i docs/versions.yml till ett "
        "datum efter den 1 mars 2027."
    ]


def test_a_version_as_new_as_the_newest_published_one_is_not_refused_as_older(
    docs: Path,
) -> None:
    """FORCE=1 republishes the newest version; a version newer than all is what a release is."""
    from notice.publishing.operations import refusals

    notice = published(load(docs), [A], load(docs))
    assert refusals(notice, [A], new=True) == []
    assert (
        refusals(published(load(docs), ["2026-06-01"], load(docs)), ["2026-06-01"], new=True) == []
    )


def with_version_b(docs: Path) -> None:
    text = (docs / "versions.yml").read_text(encoding="utf-8")
    entry = f'- version: "{B}"\n  summary:\n    sv: Kortare tid.\n    en: A shorter time.\n'
    first = text.index("- version:")
    (docs / "versions.yml").write_text(text[:first] + entry + text[first:], encoding="utf-8")


def test_english_left_behind_is_refused_under_a_new_version_until_acknowledged(
    docs: Path,
) -> None:
    from notice.publishing.operations import refusals

    baseline = load(docs)
    edit(docs, "lagring.md", "ytterligare tolv", "ytterligare sex")
    with_version_b(docs)
    [refusal] = refusals(published(load(docs), [A], baseline), [A], new=True)
    assert refusal.startswith(
        f"den engelska texten stämmer inte med den svenska, så version {B} publiceras inte."
    )
    assert "skriv retention i english_checked under version 2027-03-01" in refusal
    edit(docs, "versions.yml", f'- version: "{B}"\n', f'- version: "{B}"\n'
         "  english_checked: [retention]\n")  # fmt: skip
    assert refusals(published(load(docs), [A], baseline), [A], new=True) == []


def test_english_left_behind_without_a_new_version_never_suggests_the_published_one(
    docs: Path,
) -> None:
    """The change needs a new version: acknowledging it under the published one would not
    count, so the advice never says so."""
    baseline = load(docs)
    edit(docs, "lagring.md", "ytterligare tolv", "ytterligare sex")
    edit(docs, "versions.yml", f"- version: {A}\n", f"- version: {A}\n"
         "  english_checked: [retention]\n")  # fmt: skip
    notice = published(load(docs), [A], baseline)
    [finding] = translations.unacknowledged(notice)
    assert finding.message(notice) == (
        "avsnittet Hur länge vi sparar dina personuppgifter (retention): texten i "
        f"docs/lagring.md har ändrats sedan version {A}, men "
        "docs/lagring.en.md är oförändrad. Uppdatera docs/lagring.en.md så att den säger samma "
        f"sak som docs/lagring.md. Version {A} är redan publicerad och ändras aldrig, så "
        "ändringen behöver också en ny version överst i docs/versions.yml; stämmer den "
        "engelska texten redan, skriv retention i english_checked under den nya versionen."
    )
    report = translations.markdown(notice)
    assert "Inget att rätta" not in report
    # The gate lists it among its errors: its translations part then only points there.
    elsewhere = translations.markdown(notice, listed=translations.unacknowledged(notice))
    assert "texten i docs/lagring.md har ändrats" not in elsewhere
    assert elsewhere.endswith("Det som måste rättas står under Fel.\n")
    assert f"Texten jämförs med version {A}, som redan är publicerad." in report


def test_force_republishes_a_typo_fixed_in_swedish_alone_once_acknowledged(docs: Path) -> None:
    """FORCE=1 publishes the same version anew: its english_checked counts again."""
    from notice.publishing.operations import refusals

    baseline = load(docs)
    edit(docs, "lagring.md", "ytterligare tolv", "ytterligare  tolv")  # no change: wrapped
    edit(docs, "lagring.md", "Därutöver kommer", "Därutöver kommer även")
    notice = published(load(docs), [A], baseline)
    [refused] = refusals(notice, [A], new=True)
    assert f"skriv retention i english_checked under version {A}" in refused
    edit(docs, "versions.yml", f"- version: {A}\n", f"- version: {A}\n"
         "  english_checked: [retention]\n")  # fmt: skip
    assert refusals(published(load(docs), [A], baseline), [A], new=True) == []


def test_english_behind_on_a_page_outside_the_versions_is_refused_without_a_version(
    docs: Path,
) -> None:
    """The contact page reaches readers on merge: its English must follow, and no new version
    is asked for."""
    from notice.publishing.operations import refusals

    baseline = load(docs)
    edit(docs, "kontakt.md", "## Skicka din begäran", "Ett nytt stycke.\n\n## Skicka din begäran")
    notice = published(load(docs), [A], baseline)
    [refused] = refusals(notice, [A], new=False)
    assert refused.startswith(
        "den engelska texten stämmer inte med den svenska, så ändringen publiceras inte. "
        "Svenskan gäller, och engelskan ska säga samma sak:\n  - sidan kontakt.md: "
        "docs/kontakt.md har 4 stycken, docs/kontakt.en.md har 3."
    )
    assert refused.endswith(
        "Uppdatera docs/kontakt.en.md så att den säger samma sak som docs/kontakt.md, eller, om "
        "den engelska texten redan stämmer, skriv kontakt.md i english_checked under version "
        f"{A} i docs/versions.yml."
    )
    assert "ny version" not in refused


def test_the_translations_report_escapes_what_the_pages_say(docs: Path) -> None:
    baseline = load(docs)
    heading = "# Hur länge &lt;img src=x onerror=alert(1)&gt; \\*vi\\* sparar"
    edit(docs, "lagring.md", "# Hur länge vi sparar dina personuppgifter", heading)
    with_version_b(docs)
    report = translations.markdown(published(load(docs), [A], baseline))
    assert "<img" not in report
    assert "&lt;img src=x onerror=alert(1)&gt; \\*vi\\* sparar" in report
