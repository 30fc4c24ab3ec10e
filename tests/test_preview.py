"""`make preview`: the site built with mkdocs.preview.yml, opened from disk (file:) as a
reviewer opens CI's artifact after unzipping it, with no server.

Built once from a copy of the project with a test image added (the site itself has none), then
read as files and driven in Chromium from file: URLs: every link leads to a file, the menu, the
language switcher, links between pages, the image, search in the page's language, the preview
notice on every page, no request that is not a file, no console error, and axe-core.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from tabs import Tabs

from conftest import (
    Tab,
    axe_violations,
    build,
    copy_project,
    png,
    switch_language,
)

PREVIEW = "mkdocs.preview.yml"  # `make preview`

NOTICE = {
    "sv": "Förhandsgranskning. Det här är inte det publicerade integritetsmeddelandet: texten "
    "kan ändras innan den publiceras.",
    "en": "Preview. This is not the published privacy notice: the text may change before it is "
    "published.",
}
IMAGE = "provbild.png"
IMAGE_ALT = {"sv": "Provbild", "en": "Test image"}
# The history page links each version to its folder in the published archive (mike's sibling
# folders): outside any single build, so outside the preview too (ARCHITECTURE.md, "The preview").
ARCHIVE_LINK_PAGES = {"versioner.html", "en/versioner.html"}


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The preview of a copy of the project with an image in a section, in both languages."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    # Each language has its own copy (static-i18n, without fallback to Swedish).
    (project / "docs" / IMAGE).write_bytes(png(4, 3))
    (project / "docs" / IMAGE.replace(".png", ".en.png")).write_bytes(png(4, 3))
    for source, alt in (("insamling.md", IMAGE_ALT["sv"]), ("insamling.en.md", IMAGE_ALT["en"])):
        page = project / "docs" / source
        page.write_text(page.read_text(encoding="utf-8") + f"\n![{alt}]({IMAGE})\n", "utf-8")
    site_dir = tmp_path_factory.mktemp("preview")
    result = build(project, site_dir, config_file=PREVIEW)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture
def disk_tab(tabs: Tabs) -> Tab:
    """A tab recording every request and console error; only file: URLs (and data:/blob:)
    count as the preview's own."""
    return tabs.open("file://")


# The files


def test_every_page_says_it_is_a_preview_in_its_language(preview: Path) -> None:
    for file in html_files(preview):
        page = parse(file)
        lang = page.html["lang"]
        notice = page.select(".md-banner .seom-preview")
        assert [text(n) for n in notice] == [NOTICE[lang]], file


def test_every_link_leads_to_a_file_in_the_preview(preview: Path) -> None:
    """From disk a link to a folder shows a file listing, and one to a missing file nothing."""
    broken = []
    for file in html_files(preview):
        rel = file.relative_to(preview).as_posix()
        if rel.endswith("404.html"):  # hosts serve these at any depth: root-relative links
            continue
        for tag, attribute, url in local_references(parse(file)):
            path = unquote(urlsplit(url).path)
            if rel in ARCHIVE_LINK_PAGES and tag == "a" and url.startswith("../"):
                continue
            target = (file.parent / path) if path else file
            if not target.is_file():
                broken.append(f"{rel}: <{tag} {attribute}={url!r}>")
    assert broken == []


def test_nothing_is_loaded_from_another_host(preview: Path) -> None:
    """No page names a script, style, image or frame anywhere but in the preview (Material's
    offline plugin adds a script from another host; the preview does not use it)."""
    foreign = []
    for file in html_files(preview):
        for tag in parse(file).find_all(["script", "link", "img", "iframe", "source"]):
            if tag.name == "link" and "stylesheet" not in tag.get("rel", []):
                continue  # canonical, alternates and the feed are addresses, never fetched
            url = tag.get("src") or tag.get("href") or ""
            if urlsplit(url).scheme or url.startswith("//"):
                foreign.append(f"{file.relative_to(preview)}: {url}")
    assert foreign == []


def test_each_language_has_its_own_search_index_as_a_script(preview: Path) -> None:
    """From disk Material loads the index as search/search_index.js, not JSON."""
    for folder, lang in (("", "sv"), ("en/", "en")):
        script = (preview / folder / "search" / "search_index.js").read_text(encoding="utf-8")
        assert script.startswith("var __index = {")
        locations = [
            doc["location"] for doc in json.loads(script.removeprefix("var __index = "))["docs"]
        ]
        assert locations
        assert all(loc.startswith("en/") == (lang == "en") for loc in locations), lang


# In the browser, from disk


@pytest.mark.parametrize(
    ("start", "lang", "title"),
    [
        ("index.html", "sv", "Så skyddar vi dina personuppgifter"),
        ("en/index.html", "en", "How we protect your personal data"),
    ],
)
def test_the_start_page_opens_from_disk(
    disk_tab: Tab, preview: Path, start: str, lang: str, title: str
) -> None:
    disk_tab.page.goto((preview / start).as_uri())
    assert disk_tab.page.locator("html").get_attribute("lang") == lang
    assert disk_tab.page.get_by_role("heading", level=1).inner_text() == title
    banner = disk_tab.page.get_by_role("complementary", name=NOTICE[lang].split(".")[0])
    assert text_of(banner.inner_text()) == NOTICE[lang]
    assert axe_violations(disk_tab, preload=False) == []
    assert_clean(disk_tab)


@pytest.mark.parametrize(("start", "lang"), [("index.html", "sv"), ("en/index.html", "en")])
def test_the_menu_leads_to_every_page(disk_tab: Tab, preview: Path, start: str, lang: str) -> None:
    page = disk_tab.page
    page.goto((preview / start).as_uri())
    menu = page.locator("nav.md-nav--primary > ul > li > a.md-nav__link")
    names = [text_of(name) for name in menu.all_inner_texts()]
    assert len(names) > 10
    for name in names:
        menu.filter(has_text=name).first.click()
        page.wait_for_load_state()
        assert page.url.startswith("file://") and page.url.endswith(".html"), page.url
        assert page.locator("h1").count() == 1, page.url
        assert text_of(page.locator(".md-banner .seom-preview").inner_text()) == NOTICE[lang]
        assert page.locator("html").get_attribute("lang") == lang
    assert axe_violations(disk_tab, preload=False) == []
    assert_clean(disk_tab)


def test_an_upcoming_version_says_so_after_the_preview_notice(
    disk_tab: Tab, project: Path, tmp_path: Path
) -> None:
    """A pull request with a version whose date has not come: the banner names the preview
    first, and says both."""
    site_dir = tmp_path / "preview"
    result = build(project, site_dir, env={"NOTICE_TODAY": "2026-11-29"}, config_file=PREVIEW)
    assert result.returncode == 0, result.stderr
    disk_tab.page.goto((site_dir / "index.html").as_uri())
    banner = disk_tab.page.get_by_role("complementary", name="Förhandsgranskning")
    assert text_of(banner.inner_text()) == (
        NOTICE["sv"]
        + " Den här versionen av integritetsmeddelandet börjar gälla den 1 december 2026."
    )
    assert axe_violations(disk_tab, preload=False) == []
    assert_clean(disk_tab)


@pytest.mark.parametrize(
    ("start", "language", "expected"),
    [
        ("insamling.html", "English", "en/insamling.html"),
        ("en/insamling.html", "Svenska", "insamling.html"),
        ("index.html", "English", "en/index.html"),
        ("en/index.html", "Svenska", "index.html"),
    ],
)
def test_the_language_switcher_keeps_the_page(
    disk_tab: Tab, preview: Path, start: str, language: str, expected: str
) -> None:
    disk_tab.page.goto((preview / start).as_uri())
    switch_language(disk_tab.page, language)
    assert disk_tab.page.url == (preview / expected).as_uri()
    assert_clean(disk_tab)


def test_links_between_pages_lead_to_pages(disk_tab: Tab, preview: Path) -> None:
    """A section's link to another page, the footer's accessibility statement, and the
    statement's link to the contact form: links the build writes itself, not MkDocs."""
    page = disk_tab.page
    page.goto((preview / "rattigheter.html").as_uri())
    page.locator("article").get_by_role("link", name="kontakta oss").first.click()
    assert page.url == (preview / "kontakt.html").as_uri()
    page.get_by_role("contentinfo").get_by_role("link", name="Tillgänglighetsredogörelse").click()
    assert page.url == (preview / "tillganglighet.html").as_uri()
    page.locator("article").get_by_role("link", name="kontaktformuläret").first.click()
    assert page.url == (preview / "kontakt.html").as_uri()
    assert_clean(disk_tab)


@pytest.mark.parametrize(("start", "lang"), [("insamling.html", "sv"), ("en/insamling.html", "en")])
def test_an_image_shows(disk_tab: Tab, preview: Path, start: str, lang: str) -> None:
    disk_tab.page.goto((preview / start).as_uri())
    image = disk_tab.page.get_by_role("img", name=IMAGE_ALT[lang])
    image.wait_for()
    assert image.evaluate("img => img.complete && img.naturalWidth") == 4
    folder = preview / ("en" if lang == "en" else "")
    assert (folder / IMAGE).as_uri() in disk_tab.requests
    assert_clean(disk_tab)


@pytest.mark.parametrize(
    ("start", "query", "title"),
    [
        ("index.html", "tolv månader", "Hur länge vi sparar dina personuppgifter"),
        ("en/index.html", "twelve months", "How long we keep your personal data"),
        # Words both languages use: the other language's pages would match them too.
        ("insamling.html", "IMY", "Klagomål"),
        ("en/insamling.html", "IMY", "Complaints"),
    ],
)
def test_search_finds_only_the_pages_language(
    disk_tab: Tab, preview: Path, start: str, query: str, title: str
) -> None:
    page = disk_tab.page
    page.goto((preview / start).as_uri())
    search = page.get_by_role("search").get_by_role("textbox")
    search.click()
    # Material searches on key events: fill() would not trigger it.
    search.press_sequentially(query, delay=30)
    page.locator(".md-search-result__item h1", has_text=title).first.wait_for()
    links = page.locator(".md-search-result__item > a")
    hrefs = links.evaluate_all("links => links.map(link => link.href)")
    english = (preview / "en").as_uri() + "/"
    assert hrefs
    assert all(h.startswith(preview.as_uri() + "/") for h in hrefs), hrefs
    assert all(h.startswith(english) == start.startswith("en/") for h in hrefs), hrefs
    # Search ran in file_worker.js's frame, which nobody sees.
    assert page.locator("iframe").count() == 1
    assert not page.locator("iframe").is_visible()
    assert axe_violations(disk_tab, preload=False) == []
    links.filter(has_text=title).first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == title
    assert_clean(disk_tab)


# Helpers


def assert_clean(tab: Tab) -> None:
    assert tab.foreign_requests == []
    assert tab.console_errors == []


def html_files(site_dir: Path) -> list[Path]:
    files = sorted(site_dir.rglob("*.html"))
    assert len(files) > 20
    return files


def parse(file: Path) -> BeautifulSoup:
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def local_references(page: BeautifulSoup) -> Iterator[tuple[str, str, str]]:
    """Every link and resource of a page that stays in the site: (tag, attribute, URL)."""
    for tag in page.find_all(["a", "link", "script", "img", "form"]):
        for attribute in ("href", "src", "action"):
            url = tag.get(attribute)
            if url is None or url.startswith("#"):
                continue
            if urlsplit(url).scheme or url.startswith("//"):
                continue
            yield tag.name, attribute, url


def text(element) -> str:
    return text_of(element.get_text())


def text_of(value: str) -> str:
    return " ".join(value.split())


# Before and after an upcoming version's date, ahead of time (`make preview`)

BEFORE_AFTER = {
    "sv": (
        "Så här ser det ut från den 1 mars 2027, när version 2027-03-01 börjar gälla.",
        "Se hur det ser ut före den 1 mars 2027",
        "Så här ser det ut före den 1 mars 2027: version 2026-12-01 gäller, och sidorna säger "
        "att meddelandet ändras.",
        "Se hur det ser ut från den 1 mars 2027",
        "Integritetsmeddelandet ändras den 1 mars 2027.",
        "Se vad som ändras.",
    ),
    "en": (
        "This is how it reads from 1 March 2027, when version 2027-03-01 takes effect.",
        "See how it reads before 1 March 2027",
        "This is how it reads before 1 March 2027: version 2026-12-01 is in force, and the "
        "pages say that the notice changes.",
        "See how it reads from 1 March 2027",
        "The privacy notice changes on 1 March 2027.",
        "See what changes.",
    ),
}


@pytest.fixture(scope="module")
def before_and_after(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make preview` of version B, published ahead of nothing yet, while A (tagged) is in
    force: the preview of B from its date, and of A before it."""
    from archives import NEW_SV, A, add_version_b, git, new_archive

    arc = new_archive(tmp_path_factory.mktemp("before-and-after"), today="2027-02-20")
    git(arc.repo, "tag", f"notice/{A}")
    add_version_b(arc)
    result = arc.publish(target="preview")
    assert result.returncode == 0, result.stderr
    preview = arc.repo / "preview"
    assert NEW_SV in (preview / "lagring.html").read_text(encoding="utf-8")
    assert NEW_SV not in (preview / "fore" / "lagring.html").read_text(encoding="utf-8")
    return preview


@pytest.mark.parametrize(("prefix", "lang"), [("", "sv"), ("en/", "en")])
def test_the_preview_shows_the_notice_before_and_from_an_upcoming_date(
    disk_tab: Tab, before_and_after: Path, prefix: str, lang: str
) -> None:
    from archives import NEW_EN, NEW_SV

    from_date, to_before, before, to_from, announced, see = BEFORE_AFTER[lang]
    new = NEW_SV if lang == "sv" else NEW_EN
    page = disk_tab.page
    page.goto((before_and_after / prefix / "lagring.html").as_uri())
    banner = page.locator(".md-banner .seom-preview")
    assert text_of(banner.inner_text()) == f"{NOTICE[lang]} {from_date} {to_before}"
    assert new in page.locator("article").inner_text()
    assert not page.locator(".seom-upcoming").count()  # as readers read it on its date
    assert axe_violations(disk_tab, preload=False) == []
    banner.get_by_role("link", name=to_before).click()  # the same page, before the date
    page.wait_for_load_state()
    assert page.url == (before_and_after / "fore" / prefix / "lagring.html").as_uri()
    assert text_of(banner.inner_text()) == f"{NOTICE[lang]} {before} {to_from}"
    assert new not in page.locator("article").inner_text()
    box = page.locator(".seom-announcement")
    assert box.is_visible()
    assert text_of(box.inner_text()) == f"{announced} {see}"
    assert axe_violations(disk_tab, preload=False) == []
    box.get_by_role("link", name=see).click()
    page.wait_for_load_state()
    assert page.url == (before_and_after / prefix / "andringar.html").as_uri()
    assert new in page.locator("article").inner_text()
    page.goto((before_and_after / "fore" / prefix / "lagring.html").as_uri())
    banner.get_by_role("link", name=to_from).click()  # and back, to the same page
    page.wait_for_load_state()
    assert page.url == (before_and_after / prefix / "lagring.html").as_uri()
    assert_clean(disk_tab)
