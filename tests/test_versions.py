"""The notice's versions: docs/versions.yml, the effective date, history, changes and feeds."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from archives import FIRST, SECOND
from conftest import NOTICE_DOCS, SiteServer, build, copy_project, pages, soup
from notice import reading

ATOM = "{http://www.w3.org/2005/Atom}"


def write_versions(project: Path, text: str) -> None:
    (project / "docs" / "versions.yml").write_text(text, encoding="utf-8")


def page(site_dir: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / path / "index.html").read_text("utf-8"), "html.parser")


# docs/versions.yml is checked with the rest of docs/ (in-process: the same model the build reads)

BAD_VERSIONS = {
    "a date that does not exist": (
        SECOND.replace("2027-03-01", "2027-02-30") + FIRST,
        "docs/versions.yml, version 1 (2027-02-30): version ska vara det datum versionen gäller "
        "från, ett datum som finns, skrivet ÅÅÅÅ-MM-DD, till exempel 'version: 2026-12-01'.",
    ),
    "a date written another way": (
        FIRST.replace("2026-12-01", "1 december 2026"),
        "docs/versions.yml, version 1 (1 december 2026): version ska vara det datum versionen "
        "gäller från, ett datum som finns, skrivet ÅÅÅÅ-MM-DD, till exempel "
        "'version: 2026-12-01'.",
    ),
    "the same date twice": (
        FIRST + FIRST,
        "docs/versions.yml, version 2 (2026-12-01): datumet finns redan i version 1. Varje "
        "version ska ha ett eget datum: ändra datumet eller ta bort den ena versionen.",
    ),
    "the newest not first": (
        FIRST + SECOND,
        "docs/versions.yml, version 2 (2027-03-01): versionen är nyare än version 1 "
        "(2026-12-01), som står ovanför den. Den nyaste versionen står överst. Är version 1 en "
        "ny version som du lägger till: ge den ett datum efter den 1 mars 2027. Flytta aldrig "
        "en version som redan är publicerad.",
    ),
    "a summary without English": (
        FIRST.replace("    en: The first version of the privacy notice on this website.\n", ""),
        "docs/versions.yml, version 1 (2026-12-01): summary på engelska saknas. Skriv vad som "
        "ändrats, för läsaren, på raden '    en: ...' under 'summary:'.",
    ),
    "an empty Swedish summary": (
        FIRST.replace(
            "sv: Första versionen av integritetsmeddelandet på den här webbplatsen.", "sv:"
        ),
        "docs/versions.yml, version 1 (2026-12-01): summary på svenska saknas. Skriv vad som "
        "ändrats, för läsaren, på raden '    sv: ...' under 'summary:'.",
    ),
    "no versions": (
        "# nothing yet\n",
        "docs/versions.yml: filen ska vara en lista med minst en version, den nyaste först. "
        "Börja varje version med '- version: ÅÅÅÅ-MM-DD' och skriv under den 'summary:' med "
        "en rad per språk ('  sv: ...' och '  en: ...').",
    ),
}


@pytest.mark.parametrize("case", BAD_VERSIONS)
def test_a_mistake_in_versions_yml_is_reported(tmp_path: Path, case: str) -> None:
    text, message = BAD_VERSIONS[case]
    docs = Path(shutil.copytree(NOTICE_DOCS, tmp_path / "docs"))
    (docs / "versions.yml").write_text(text, encoding="utf-8")
    notice = reading.load(docs, ["sv", "en"], today=dt.date(2026, 11, 28), with_previous=False)
    assert notice.problems == [message]


# Every page names its version


@pytest.mark.parametrize(
    ("path", "text", "history"),
    [
        ("lagring/", "Gäller från 1 december 2026. Alla versioner", "../versioner/"),
        ("en/lagring/", "Effective from 1 December 2026. All versions", "../../en/versioner/"),
        ("", "Gäller från 1 december 2026. Alla versioner", "./versioner/"),
        ("en/versioner/", "Effective from 1 December 2026. All versions", "../../en/versioner/"),
        ("404.html", "Gäller från 1 december 2026. Alla versioner", "/integritet/versioner/"),
        (
            "en/404.html",
            "Effective from 1 December 2026. All versions",
            "/integritet/en/versioner/",
        ),
    ],
)
def test_every_page_shows_the_date_the_version_is_effective_from(
    site: SiteServer, path: str, text: str, history: str
) -> None:
    """And links to every version: on a phone, the header has no version selector."""
    line = soup(site, path).select_one("article .seom-effective")
    assert " ".join(line.get_text().split()) == text
    assert line.time["datetime"] == "2026-12-01"
    assert line.a["href"] == history


def test_every_page_shows_the_date(site: SiteServer) -> None:
    for path in pages(site):
        line = soup(site, path).select_one(".seom-effective time[datetime='2026-12-01']")
        # The accessibility statement is not part of the notice's versions.
        assert bool(line) != path.endswith("tillganglighet/"), path


# The version history


@pytest.mark.parametrize(
    ("path", "title", "heading", "summary", "archive", "changes"),
    [
        (
            "versioner/",
            "Versioner av integritetsmeddelandet",
            "1 december 2026 (den här versionen)",
            "Första versionen av integritetsmeddelandet på den här webbplatsen.",
            "../../2026-12-01/",
            "../../2026-12-01/andringar/",
        ),
        (
            "en/versioner/",
            "Versions of the privacy notice",
            "1 December 2026 (this version)",
            "The first version of the privacy notice on this website.",
            "../../../2026-12-01/en/",
            "../../../2026-12-01/en/andringar/",
        ),
    ],
)
def test_history_lists_each_version_with_links_to_it_and_its_changes(
    site: SiteServer,
    path: str,
    title: str,
    heading: str,
    summary: str,
    archive: str,
    changes: str,
) -> None:
    article = soup(site, path).select_one("article")
    assert article.h1.get_text(strip=True) == title
    items = article.select("ol.seom-history > li")
    assert len(items) == 1
    assert items[0].h2.get_text(" ", strip=True) == heading
    assert items[0].h2.time["datetime"] == "2026-12-01"
    assert items[0].p.get_text(strip=True) == summary
    assert [a["href"] for a in items[0].find_all("a")] == [archive, changes]


# What changed


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("andringar/", "Det här är den första versionen av integritetsmeddelandet."),
        ("en/andringar/", "This is the first version of the privacy notice."),
    ],
)
def test_the_first_version_says_there_is_nothing_to_compare(
    site: SiteServer, path: str, text: str
) -> None:
    article = soup(site, path).select_one("article .seom-changes")
    assert article.get_text(" ", strip=True).startswith(text)
    assert not article.find(["ins", "del"])


def git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
        cwd=project,
        check=True,
        capture_output=True,
    )


def published_project(tmp_path: Path, tag: bool = True) -> Path:
    """A git repo with version 2026-12-01 published (tagged), then edited for 2027-03-01."""
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "Version 2026-12-01")
    if tag:
        git(project, "tag", "notice/2026-12-01")
    replace(project, "docs/lagring.md", "ytterligare tolv månader", "ytterligare sex månader")
    replace(project, "docs/lagring.en.md", "a further twelve", "a further six")
    write_versions(project, SECOND + FIRST)
    return project


def replace(project: Path, path: str, old: str, new: str) -> None:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp_path = tmp_path_factory.mktemp("changed")
    project = published_project(tmp_path)
    # A link that now leads elsewhere, with the same text.
    replace(project, "docs/personuppgiftsansvarig.md", "(kontakt.md)", "(rattigheter.md)")
    replace(project, "docs/personuppgiftsansvarig.en.md", "(kontakt.md)", "(rattigheter.md)")
    # A change in a section whose text holds a shortcode (IMY's details).
    replace(project, "docs/klagomal.md", "som är tillsynsmyndighet", "som är myndigheten")
    replace(project, "docs/klagomal.en.md", "supervisory authority for", "authority for")
    # The purposes: one keeps the data for less time, one gains its legal basis, one goes.
    replace(project, "docs/purposes.yml", "ytterligare tolv månader", "ytterligare sex månader")
    replace(project, "docs/purposes.yml", "a further twelve months", "a further six months")
    replace(project, "docs/purposes.yml", "    legal_basis:\n", "    legal_basis: e\n")
    purposes = (project / "docs/purposes.yml").read_text(encoding="utf-8")
    (project / "docs/purposes.yml").write_text(
        purposes[: purposes.index("  - id: utveckling")], encoding="utf-8"
    )
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.mark.parametrize(
    ("prefix", "added", "removed", "retention", "unchanged"),
    [
        (
            "",
            "Tillagt:",
            "Borttaget:",
            "Hur länge vi sparar dina personuppgifter",
            "Dina rättigheter",
        ),
        ("en/", "Added:", "Removed:", "How long we keep your personal data", "Your rights"),
    ],
)
def test_what_changed_marks_added_and_removed_words_section_by_section(
    changed_site: Path, prefix: str, added: str, removed: str, retention: str, unchanged: str
) -> None:
    changes = page(changed_site, prefix + "andringar").select_one("article .seom-changes")
    section = changes.find("h2", string=retention).find_parent("section")
    ins = [i.get_text(" ", strip=True) for i in section.find_all("ins")]
    dels = [d.get_text(" ", strip=True) for d in section.find_all("del")]
    assert ins == [f"{added} {'sex' if not prefix else 'six'}"]
    assert dels == [f"{removed} {'tolv' if not prefix else 'twelve'}"]
    # Only the paragraph that changed is shown, with its words around the change.
    assert len(section.select("p.seom-diff")) == 1
    unchanged_list = changes.select_one("details.seom-changes__unchanged")
    titles = [li.get_text(strip=True) for li in unchanged_list.find_all("li")]
    assert unchanged in titles
    assert retention not in titles


PURPOSE_CHANGES = {
    # prefix: (the part's heading, the changed retention, the new basis, the removed purpose)
    "": (
        "Ändamålen, ett och ett",
        ["Tillagt: sex", "Borttaget: tolv"],
        "Tillagt: allmänt intresse eller myndighetsutövning (artikel 6.1 e i "
        "dataskyddsförordningen)",
        "Borttaget ändamål: Utveckla, förbättra och sälja våra produkter och tjänster",
    ),
    "en/": (
        "The purposes, one by one",
        ["Added: six", "Removed: twelve"],
        "Added: public interest or official authority (Article 6(1)(e) of the General Data "
        "Protection Regulation)",
        "Removed purpose: To develop, improve and sell our products and services",
    ),
}


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_what_changed_compares_the_purposes_one_by_one(changed_site: Path, prefix: str) -> None:
    heading, retention, basis, removed = PURPOSE_CHANGES[prefix]
    changes = page(changed_site, prefix + "andringar").select_one("article .seom-changes")
    part = changes.find("h2", string=heading)
    shown = {
        " ".join(h3.text.split()): h3.find_parent("section") for h3 in part.find_all_next("h3")
    }
    delivery = next(s for title, s in shown.items() if title.startswith(("Leverera", "To deliver")))
    marks = [m.get_text(" ", strip=True) for m in delivery.find_all(["ins", "del"])]
    assert sorted(marks) == sorted(retention)
    assert len(delivery.select("p.seom-diff")) == 1  # only what changed, with its label
    assert delivery.p.text.startswith(("Hur länge vi sparar", "How long we keep"))
    marketing = next(s for title, s in shown.items() if title.startswith(("Försäljning", "Sales")))
    assert basis in [i.get_text(" ", strip=True) for i in marketing.find_all("ins")]
    assert len(marketing.select("p.seom-diff")) == 1
    assert removed in shown
    assert not [t for t in shown if t.startswith(("Uppfylla", "To meet"))]  # unchanged
    # Each purpose once: the use section's page shows them, but is not compared again.
    unchanged = changes.select_one("details.seom-changes__unchanged")
    assert SECTIONS_USE[prefix] in [li.text for li in unchanged.find_all("li")]


SECTIONS_USE = {"": "Hur vi använder dina personuppgifter", "en/": "How we use your personal data"}


@pytest.mark.parametrize(
    ("prefix", "removed", "added"),
    [
        (
            "",
            "Borttaget: (länk till Kontakta oss om dina personuppgifter)",
            "Tillagt: (länk till Dina rättigheter)",
        ),
        (
            "en/",
            "Removed: (link to Contact us about your personal data)",
            "Added: (link to Your rights)",
        ),
    ],
)
def test_a_link_that_leads_elsewhere_is_a_change_readers_can_read(
    changed_site: Path, prefix: str, removed: str, added: str
) -> None:
    changes = page(changed_site, prefix + "andringar").select_one("article .seom-changes")
    section = changes.find("h2", id="controller").find_parent("section")
    assert [d.get_text(" ", strip=True) for d in section.find_all("del")] == [removed]
    assert [i.get_text(" ", strip=True) for i in section.find_all("ins")] == [added]
    # The words around it as readers read them: the link's text, no Markdown.
    text = section.p.get_text(" ", strip=True)
    assert ("formuläret på kontaktsidan." if not prefix else "the contact page.") in text
    assert "](" not in changes.get_text() and ".md" not in changes.get_text()


@pytest.mark.parametrize(
    ("prefix", "removed", "added"),
    [
        ("", ["Borttaget: tillsynsmyndighet"], ["Tillagt: myndigheten"]),
        ("en/", ["Removed: supervisory"], []),
    ],
)
def test_a_section_with_a_shortcode_is_compared_as_rendered(
    changed_site: Path, prefix: str, removed: list[str], added: list[str]
) -> None:
    changes = page(changed_site, prefix + "andringar").select_one("article .seom-changes")
    section = changes.find("h2", id="complaints").find_parent("section")
    assert [d.get_text(" ", strip=True) for d in section.find_all("del")] == removed
    assert [i.get_text(" ", strip=True) for i in section.find_all("ins")] == added
    # The shortcode is neither shown nor expanded inside the diff: IMY's details are unchanged.
    assert "notice:" not in str(changes)
    assert not changes.select(".seom-authority, dl")


def test_sections_added_or_removed_entirely_are_shown_as_such(tmp_path: Path) -> None:
    project = published_project(tmp_path)
    replace(project, "docs/klagomal.md", "section: complaints", "section: dpo")
    replace(project, "docs/klagomal.en.md", "section: complaints", "section: dpo")
    replace(project, "docs/sections.yml", "  complaints:", "  dpo:")
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 0, result.stderr
    changes = page(site_dir, "andringar").select_one("article .seom-changes")
    headings = [h2.get_text(" ", strip=True) for h2 in changes.find_all("h2")]
    assert "Nytt avsnitt: Klagomål" in headings
    assert "Borttaget avsnitt: Klagomål" in headings
    removed = changes.select_one(".seom-changes__section--removed")
    assert not removed.find("ins") and removed.find("del")


def test_a_missing_tag_stops_the_build_and_says_to_fetch_tags(tmp_path: Path) -> None:
    project = published_project(tmp_path, tag=False)
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 1, result.stderr
    assert (
        "docs/versions.yml, version 2 (2026-12-01): uppgiften om att den versionen är "
        "publicerad (taggen notice/2026-12-01) saknas här, så sidan om vad som ändrats kan inte "
        "jämföra med den. Är den aldrig publicerad: ta bort den och ändra i stället datum och "
        "summary i den översta. Annars, för en utvecklare: hämta taggarna med 'git fetch "
        "--tags' och bygg igen." in result.stderr
    )


def test_a_new_version_below_the_newest_says_where_it_belongs(tmp_path: Path) -> None:
    """An editor adds a version under one published ahead of its date: it belongs on top,
    with a later date (the gate said to move the published one before)."""
    project = published_project(tmp_path)
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "Version 2027-03-01")
    git(project, "tag", "notice/2027-03-01")
    between = SECOND.replace("2027-03-01", "2027-01-15")
    write_versions(project, SECOND + between + FIRST)
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert (
        "docs/versions.yml, version 2 (2027-01-15): den versionen är inte publicerad, men står "
        "under version 1. Bara den översta versionen kan vara ny: skriv den nya versionen "
        "överst, med ett datum efter den senast publicerade versionens, den 1 mars 2027."
    ) in result.stderr


def test_history_links_every_version(changed_site: Path) -> None:
    items = page(changed_site, "en/versioner").select("ol.seom-history > li")
    assert [li.h2.time["datetime"] for li in items] == ["2027-03-01", "2026-12-01"]
    assert [a["href"] for a in items[1].find_all("a")] == [
        "../../../2026-12-01/en/",
        "../../../2026-12-01/en/andringar/",
    ]
    assert "(this version)" in items[0].h2.get_text()
    assert "(this version)" not in items[1].h2.get_text()


# Feeds


@pytest.mark.parametrize(
    ("feed", "title", "summary", "changes"),
    [
        (
            "feed.xml",
            "Version som gäller från 1 december 2026",
            "Första versionen av integritetsmeddelandet på den här webbplatsen.",
            "2026-12-01/andringar/",
        ),
        (
            "en/feed.xml",
            "Version effective from 1 December 2026",
            "The first version of the privacy notice on this website.",
            "2026-12-01/en/andringar/",
        ),
    ],
)
def test_each_language_has_an_atom_feed_of_the_versions(
    site: SiteServer, feed: str, title: str, summary: str, changes: str
) -> None:
    root = ET.parse(site.site_dir / feed).getroot()
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{tag}").text
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.find(f"{ATOM}title").text == title
    assert entry.find(f"{ATOM}updated").text == "2026-12-01T00:00:00Z"
    assert entry.find(f"{ATOM}summary").text == summary
    assert entry.find(f"{ATOM}id").text.startswith(site.url)
    assert entry.find(f"{ATOM}link").get("href") == site.url + changes


def test_the_feed_lists_every_version_newest_first(changed_site: Path) -> None:
    root = ET.parse(changed_site / "feed.xml").getroot()
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert titles == [
        "Version som gäller från 1 mars 2027",
        "Version som gäller från 1 december 2026",
    ]
    assert root.find(f"{ATOM}updated").text == "2027-03-01T00:00:00Z"


@pytest.mark.parametrize(("path", "feed"), [("lagring/", "feed.xml"), ("en/", "en/feed.xml")])
def test_every_page_links_its_languages_feed(site: SiteServer, path: str, feed: str) -> None:
    html = (site.site_dir / path / "index.html").read_text("utf-8")
    link = BeautifulSoup(html, "html.parser").find("link", type="application/atom+xml")
    assert link["href"] == site.url + feed
    # "alternate " with a space: Material's script would fetch <href>/sitemap.xml otherwise.
    assert '<link rel="alternate " type="application/atom+xml"' in html


# No state outlives a build: what `make serve` does between rebuilds, in one process


def test_the_next_build_in_the_same_process_sees_a_fetched_tag_and_edited_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    for name in ("SITE_URL", "CONTACT_FORM_ACTION", "CONTACT_FORM_MAILTO"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NOTICE_TODAY", "2027-03-15")
    project = published_project(tmp_path, tag=False)
    site_dir = tmp_path / "site"

    def rebuild() -> None:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))
        mkdocs_build(config)

    with pytest.raises(Abort):
        rebuild()
    assert "(taggen notice/2026-12-01) saknas här" in caplog.text
    git(project, "tag", "notice/2026-12-01")  # as `git fetch --tags` would bring it
    rebuild()
    assert "Tillagt: sex" in page(site_dir, "andringar").get_text(" ", strip=True)
    summary = "Vi sparar uppgifterna sex månader."
    replace(project, "docs/versions.yml", "Vi sparar uppgifterna kortare tid.", summary)
    replace(project, "docs/sections.yml", "  complaints:", "  complaints-and-more:")
    replace(project, "docs/klagomal.md", "section: complaints", "section: complaints-and-more")
    replace(project, "docs/klagomal.en.md", "section: complaints", "section: complaints-and-more")
    rebuild()
    assert page(site_dir, "versioner").select_one("ol.seom-history li p").get_text() == summary
    assert page(site_dir, "andringar").find("h2", id="complaints-and-more")
