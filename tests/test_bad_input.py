"""Mistakes and hostile input, end to end: the real `mkdocs build --strict` on a changed copy.

Every kind of mistake is checked in-process, with its exact message, in tests/test_checks.py.
These cases run the real build: the editors read the same messages in it, nothing is written,
and what is not a mistake (a byte order mark) or is hostile (HTML in a summary) is published
the way a reader should get it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build, copy_project

HEADER = "Innehållet har 1 fel. Rätta det och bygg igen:\n  - "


def replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {path}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def page(site_dir: Path, path: str) -> BeautifulSoup:
    file = site_dir / path / "index.html" if not path.endswith(".html") else site_dir / path
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def test_several_mistakes_stop_the_build_together_and_write_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "lagring.en.md").unlink()
    replace("docs/klagomal.md", "section: complaints", "section: complaint")(project)
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "published.html").write_text("the previous build", encoding="utf-8")
    result = build(project, site_dir)
    assert result.returncode == 1
    assert "Innehållet har 2 fel. Rätta det och bygg igen:\n" in result.stderr
    assert "  - docs/klagomal.md: section 'complaint'" in result.stderr
    assert "  - docs/lagring.md: översättning till engelska saknas." in result.stderr
    # Stopped before MkDocs cleans the site folder: the last good build is still there.
    assert [p.name for p in site_dir.iterdir()] == ["published.html"]


def test_a_page_saved_as_windows_1252_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page_file = project / "docs" / "lagring.md"
    page_file.write_bytes(page_file.read_text(encoding="utf-8").encode("cp1252"))
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert HEADER + "docs/lagring.md, rad 3: filen är inte sparad som UTF-8" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_symbolic_link_out_of_docs_is_never_published(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    os.symlink(secret, project / "docs" / "anvandare.txt")
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 1
    assert HEADER + "docs/anvandare.txt är en genväg (symbolisk länk)" in result.stderr
    assert not site_dir.exists() or not any(site_dir.rglob("anvandare.txt"))


def test_a_broken_link_stops_the_build_in_swedish_with_the_page_it_meant(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    replace("docs/rattigheter.md", "(klagomal.md)", "(klagomaal.md)")(project)
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert result.stderr == "ERROR   -  " + (
        HEADER + "docs/rattigheter.md, rad 30: länken 'klagomaal.md' leder till en sida som "
        "inte finns, docs/klagomaal.md. Menade du klagomal.md? Sidor länkas med sitt svenska "
        "filnamn, på alla språk.\n"
    )
    assert not (tmp_path / "site" / "index.html").exists()


# What is not a mistake, and what must reach readers as text


HOSTILE_SUMMARY = 'Vi "sparar" <img src=x onerror=alert(1)> & *mer*'
HOSTILE_VERSION = "Ny text <script>alert(1)</script>"
HOSTILE_NAME = 'Integritetsskyddsmyndigheten <b onmouseover="alert(1)">IMY</b>'
HOSTILE_SITE = "How we protect your <b>personal</b> data"
HOSTILE_SEOM = '"><b onmouseover="alert(1)">SEOM</b>'
HOSTILE_STATEMENT = 'Språkväljaren <img src=x onerror=alert(4)> & "mer"'
HOSTILE_HEADING = "&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;"


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The site built from sources an editor (or an attacker) changed, without a mistake."""
    tmp_path = tmp_path_factory.mktemp("edited")
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    # Saved by Notepad: a byte order mark and Windows line endings.
    lagring = docs / "lagring.md"
    lagring.write_bytes(b"\xef\xbb\xbf" + lagring.read_bytes().replace(b"\n", b"\r\n"))
    replace(
        "docs/delning.md",
        "summary: Vi lämnar ut uppgifter till våra personuppgiftsbiträden, till dem vi enligt lag "
        "måste rapportera till och till andra när det behövs eller du har godkänt det.",
        f"summary: '{HOSTILE_SUMMARY}'",
    )(project)
    replace(
        "docs/versions.yml",
        "sv: Första versionen av integritetsmeddelandet på den här webbplatsen.",
        f'sv: "{HOSTILE_VERSION}"',
    )(project)
    replace("docs/authority.yml", "sv: Integritetsskyddsmyndigheten", f"sv: '{HOSTILE_NAME}'")(
        project
    )
    # A setting: the English site name, in the header, the menu and the title.
    replace(
        "mkdocs.yml", "site_name: How we protect your personal data", f"site_name: '{HOSTILE_SITE}'"
    )(project)
    # SEOM's details: in the controller section, every footer, the header and the title.
    replace("docs/controller.yml", "short_name: SEOM", f"short_name: '{HOSTILE_SEOM}'")(project)
    replace("docs/controller.yml", "phone:\n", "phone: 08-000 000 00\n")(project)
    replace("docs/controller.yml", "address:\n", f"address: '{HOSTILE_NAME}'\n")(project)
    replace(
        "docs/accessibility.yml",
        "      sv: WCAG 2.1, framgångskriterium 3.1.2 Språk för del av sida (nivå AA).",
        f"      sv: '{HOSTILE_STATEMENT}'",
    )(project)
    # A heading whose text closes the <title> element.
    replace("docs/tack.md", "# Tack för din begäran", f"# Tack {HOSTILE_HEADING}")(project)
    # A shortcode shown as code in a section: text, never expanded.
    replace(
        "docs/klagomal.md",
        "<!-- notice:imy -->",
        "<!-- notice:imy -->\n\nSå här ser koden ut:\n\n```\n<!-- notice:full -->\n```",
    )(project)
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir, result.stderr


def test_a_page_with_a_byte_order_mark_is_a_section_like_any_other(
    edited_site: tuple[Path, str],
) -> None:
    site_dir, _log = edited_site
    start = page(site_dir, "")
    titles = [h3.get_text(strip=True) for h3 in start.select("article h3")]
    assert "Hur länge vi sparar dina personuppgifter" in titles
    full = page(site_dir, "hela-meddelandet")
    assert "ytterligare tolv månader" in full.select_one("article").get_text(" ")
    assert page(site_dir, "lagring").h1.get_text(strip=True) == (
        "Hur länge vi sparar dina personuppgifter"
    )


def test_a_summary_reaches_readers_as_the_text_written(edited_site: tuple[Path, str]) -> None:
    site_dir, _ = edited_site
    described = page(site_dir, "delning").find("meta", attrs={"name": "description"})
    assert described["content"] == HOSTILE_SUMMARY
    start = page(site_dir, "").select_one("article")
    assert HOSTILE_SUMMARY in start.get_text()
    assert not start.find("img")
    assert not start.find("em")


def test_data_file_values_reach_readers_as_text(edited_site: tuple[Path, str]) -> None:
    site_dir, _ = edited_site
    history = page(site_dir, "versioner").select_one("ol.seom-history")
    assert history.li.p.get_text() == HOSTILE_VERSION
    assert not history.find("script")
    feed = (site_dir / "feed.xml").read_text(encoding="utf-8")
    assert "<summary>Ny text &lt;script&gt;alert(1)&lt;/script&gt;</summary>" in feed
    footer = page(site_dir, "").select_one(".seom-footer-imy")
    assert f"{HOSTILE_NAME} (IMY)" in footer.get_text()
    assert not footer.find("b")
    authority = page(site_dir, "klagomal").select_one(".seom-authority")
    assert not authority.find("b")
    statement = page(site_dir, "tillganglighet").select_one(".seom-statement")
    assert HOSTILE_STATEMENT in statement.get_text()
    assert not statement.find("img")


def test_seoms_details_reach_readers_as_text(edited_site: tuple[Path, str]) -> None:
    site_dir, _ = edited_site
    for path in ("personuppgiftsansvarig", "en/lagring", "404.html"):
        html = page(site_dir, path)
        assert html.title.get_text().endswith(f" - {HOSTILE_SEOM}")
        logo = html.select_one(".md-header__button.md-logo")
        assert logo["aria-label"].startswith(f"{HOSTILE_SEOM}, ")
        assert logo.get_text(strip=True) == HOSTILE_SEOM
        footer = html.select_one(".seom-footer-controller")
        assert HOSTILE_NAME in footer.get_text()
        assert not html.find("b")
    english = page(site_dir, "en/lagring")
    assert HOSTILE_SITE in english.select_one(".md-header__topic").get_text()
    assert HOSTILE_SITE in english.select_one(".md-nav__title").get_text()
    details = page(site_dir, "personuppgiftsansvarig").select_one("article .seom-controller")
    assert details.select_one("dd").get_text() != HOSTILE_NAME  # organisation number first
    assert HOSTILE_NAME in details.get_text()
    assert details.find("a", href="tel:0800000000")


def test_the_logo_seom_supplies_replaces_the_text_mark(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "bilder").mkdir()
    (project / "docs" / "bilder" / "seom-logotyp.png").write_bytes(PNG)
    replace("docs/controller.yml", "logo:\n", "logo: bilder/seom-logotyp.png\n")(project)
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 0, result.stderr
    for path, src in (
        ("", "bilder/seom-logotyp.png"),
        ("en/lagring", "../../bilder/seom-logotyp.png"),
    ):
        logo = page(site_dir, path).select_one("header .md-logo")
        assert not logo.select(".seom-textmark")
        assert (logo.img["src"], logo.img["alt"]) == (src, "SEOM")
        assert logo["aria-label"].startswith("SEOM, ")
    assert (site_dir / "bilder" / "seom-logotyp.png").read_bytes() == PNG


# The smallest valid PNG: one transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)


def test_a_shortcode_in_a_code_block_is_shown_as_text(edited_site: tuple[Path, str]) -> None:
    site_dir, _ = edited_site
    article = page(site_dir, "klagomal").select_one("article")
    assert article.pre.get_text(strip=True) == "<!-- notice:full -->"
    assert len(article.select(".seom-authority")) == 1


def test_a_heading_reaches_the_title_as_text(edited_site: tuple[Path, str]) -> None:
    site_dir, _ = edited_site
    thanks = page(site_dir, "tack")
    assert thanks.title.get_text().startswith("Tack </title><script>alert(3)</script> - ")
    assert not [s for s in thanks.find_all("script") if "alert(3)" in s.get_text()]
