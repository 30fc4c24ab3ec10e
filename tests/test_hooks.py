"""Unit tests of the hooks' pure functions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import content_model
import i18n_fixes
import notice

LANGS = ["sv", "en"]


@pytest.mark.parametrize(
    ("path", "locale", "base"),
    [
        ("insamling.md", "sv", "insamling.md"),
        ("insamling.en.md", "en", "insamling.md"),
        ("sub/page.en.md", "en", "sub/page.md"),
        ("version.2.md", "sv", "version.2.md"),
    ],
)
def test_language_and_base_name_come_from_the_suffix(path: str, locale: str, base: str) -> None:
    assert notice.locale_of(path, LANGS, "sv") == locale
    assert notice.base_path(path) == base


def test_translation_path() -> None:
    assert notice.translation_path("insamling.md", "en", "sv") == "insamling.en.md"
    assert notice.translation_path("insamling.en.md", "sv", "sv") == "insamling.md"


def test_read_source_splits_front_matter_and_body() -> None:
    problems: list[str] = []
    text = "---\nsection: use\nsummary: En mening.\ngdpr: [13.1.c]\n---\n\n# Rubrik\n\nText.\n"
    source = notice.read_source("anvandning.md", text, LANGS, "sv", problems)
    assert problems == []
    assert source.meta == {"section": "use", "summary": "En mening.", "gdpr": ["13.1.c"]}
    assert source.title == "Rubrik"
    assert source.body.strip() == "# Rubrik\n\nText."


def test_read_source_without_front_matter_is_a_plain_page() -> None:
    problems: list[str] = []
    source = notice.read_source("x.md", "# Titel\n", LANGS, "sv", problems)
    assert (source.meta, source.readable, problems) == ({}, True, [])


def test_read_source_reports_the_line_of_a_yaml_error() -> None:
    problems: list[str] = []
    text = "---\nsection: use\ngdpr: [13.1.c\nsummary: x\n---\n# T\n"
    source = notice.read_source("a.en.md", text, LANGS, "sv", problems)
    assert not source.readable
    assert len(problems) == 1
    assert problems[0].startswith("docs/a.en.md, rad 4: front matter är inte giltig YAML")


def test_section_meta_accepts_art_13_and_14_codes() -> None:
    source = notice.Source(
        "x.md",
        "sv",
        {"section": "a", "summary": "S.", "gdpr": ["13.1.a", "14.2.f", "13.3"]},
        "# T",
        "",
    )
    assert notice.check_section_meta(source, {"a": ""}) == []


def test_summary_lists_each_section_with_a_link_relative_to_the_page() -> None:
    sections = [
        notice.Section("a", notice.Source("a.en.md", "en", {"summary": "First."}, "# A\n", "")),
        notice.Section(
            "b", notice.Source("sub/b.en.md", "en", {"summary": "Second."}, "# B\n", "")
        ),
    ]
    assert content_model.render_summary(sections, "") == (
        "### [A](a.md)\n\nFirst.\n\n### [B](sub/b.md)\n\nSecond.\n"
    )
    assert content_model.render_summary(sections, "sub").startswith("### [A](../a.md)")


def test_full_notice_demotes_headings_outside_code() -> None:
    markdown = "# A\n\n## B\n\n```\n# not a heading\n```\n###### deepest\n"
    assert content_model.demote_headings(markdown) == (
        "## A\n\n### B\n\n```\n# not a heading\n```\n###### deepest"
    )


def test_compliance_report_names_covered_and_missing_items() -> None:
    def section(id_: str, path: str, codes: list[str]) -> notice.Section:
        return notice.Section(id_, notice.Source(path, "sv", {"gdpr": codes}, "", ""))

    report = content_model.compliance_report(
        [section("use", "anvandning.md", ["13.1.c"]), section("collection", "in.md", ["14.1.d"])],
        "sv",
    )
    lines = report.splitlines()
    assert lines[0] == "GDPR-rapport (sv): vilka punkter i artikel 13 varje avsnitt besvarar"
    assert lines[1].split() == ["anvandning.md", "use:", "13.1.c"]
    assert lines[2].split() == ["in.md", "collection:", "inga", "(även", "14.1.d)"]
    assert "  Inget avsnitt besvarar:" in lines
    assert "    13.1.b kontaktuppgifter till dataskyddsombudet" in lines
    assert not [line for line in lines if line.startswith("    13.1.c")]


def test_split_search_index_writes_one_index_per_language(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    merged = {
        "config": {"lang": ["sv", "en"]},
        "docs": [
            {"location": "", "title": "Start", "text": ""},
            {"location": "en/", "title": "Home", "text": ""},
            {"location": "en/insamling/#x", "title": "X", "text": ""},
            {"location": "insamling/", "title": "Insamling", "text": ""},
        ],
    }
    (tmp_path / "search/search_index.json").write_text(json.dumps(merged))
    i18n_fixes.split_search_index(tmp_path, ["sv", "en"])
    sv = json.loads((tmp_path / "search/search_index.json").read_text())
    en = json.loads((tmp_path / "en/search/search_index.json").read_text())
    assert [d["title"] for d in sv["docs"]] == ["Start", "Insamling"]
    assert [d["title"] for d in en["docs"]] == ["Home", "X"]
    assert (sv["config"]["lang"], en["config"]["lang"]) == (["sv"], ["en"])
