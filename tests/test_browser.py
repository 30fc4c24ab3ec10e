"""The site in a real Chromium: what a reader's browser loads, requests and reports."""

from __future__ import annotations

import re

import pytest

from conftest import Tab, axe_violations, pages, switch_language
from site_server import PREFIX, SiteServer

# Every page a reader can reach, in both languages (checked against the build in
# test_every_page_is_listed, so a new page cannot go untested).
PAGES = [
    "",
    "personuppgiftsansvarig/",
    "insamling/",
    "anvandning/",
    "delning/",
    "lagring/",
    "rattigheter/",
    "klagomal/",
    "kontakt/",
    "tack/",
    "hela-meddelandet/",
    "versioner/",
    "andringar/",
    "tillganglighet/",
]
ALL_PAGES = PAGES + [f"en/{page}" for page in PAGES]


def test_every_page_is_listed(site: SiteServer) -> None:
    built = [page for page in pages(site) if not page.endswith("404.html")]
    assert sorted(built) == sorted(ALL_PAGES)


@pytest.mark.parametrize("path", ALL_PAGES)
def test_page_loads_cleanly_and_passes_axe(tab: Tab, site: SiteServer, path: str) -> None:
    response = tab.page.goto(site.url + path)
    assert response.status == 200
    tab.page.wait_for_load_state("networkidle")
    expected_lang = "en" if path.startswith("en/") else "sv"
    assert tab.page.locator("html").get_attribute("lang") == expected_lang
    assert tab.console_errors == []
    assert tab.foreign_requests == []
    assert tab.page.context.cookies() == []
    assert axe_violations(tab) == []
    # A 320 px wide phone reads the page without scrolling sideways.
    tab.page.set_viewport_size({"width": 320, "height": 640})
    assert tab.page.evaluate("document.documentElement.scrollWidth") <= 320


@pytest.mark.parametrize("path", ["404.html", "en/404.html"])
def test_missing_page_gets_a_404_in_its_language(tab: Tab, site: SiteServer, path: str) -> None:
    lang = "en" if path.startswith("en/") else "sv"
    missing = site.url + ("en/" if lang == "en" else "") + "finns-inte/"
    response = tab.page.goto(missing)
    assert response.status == 404
    tab.page.wait_for_load_state("networkidle")
    heading = tab.page.locator("h1")
    assert heading.inner_text() == {"sv": "Sidan finns inte", "en": "Page not found"}[lang]
    assert tab.page.locator("html").get_attribute("lang") == lang
    # The browser reports the 404 status of the page itself; nothing else may fail.
    assert [e for e in tab.console_errors if missing not in e] == []
    assert tab.foreign_requests == []
    assert axe_violations(tab) == []
    # The way back works from any depth: the start-page link is not relative to the 404's URL.
    tab.page.get_by_role(
        "link", name=re.compile("Gå till startsidan:|Go to the start page:")
    ).click()
    tab.page.wait_for_load_state()
    assert tab.page.url == site.url + ("en/" if lang == "en" else "")


@pytest.mark.parametrize(
    ("missing", "language", "expected"),
    [("finns-inte/", "English", "en/"), ("en/finns-inte/", "Svenska", "")],
)
def test_language_switcher_on_a_404_goes_to_the_other_start_page(
    tab: Tab, site: SiteServer, missing: str, language: str, expected: str
) -> None:
    tab.page.goto(site.url + missing)
    switch_language(tab.page, language)
    assert tab.page.url == site.url + expected


@pytest.mark.parametrize(
    ("start", "language", "expected"),
    [
        ("insamling/", "English", "en/insamling/"),
        ("en/insamling/", "Svenska", "insamling/"),
        ("", "English", "en/"),
        ("en/", "Svenska", ""),
        ("hela-meddelandet/", "English", "en/hela-meddelandet/"),
    ],
)
def test_language_switcher_keeps_the_page(
    tab: Tab, site: SiteServer, start: str, language: str, expected: str
) -> None:
    tab.page.goto(site.url + start)
    switch_language(tab.page, language)
    assert tab.page.url == site.url + expected
    assert tab.console_errors == []


@pytest.mark.parametrize(
    ("start", "query", "title"),
    [
        ("", "tolv månader", "Hur länge vi sparar dina personuppgifter"),
        ("en/", "twelve months", "How long we keep your personal data"),
        # Words both languages use: the other language's pages would match them too.
        ("", "IMY", "Klagomål"),
        ("en/", "IMY", "Complaints"),
    ],
)
def test_search_returns_only_the_readers_language(
    tab: Tab, site: SiteServer, start: str, query: str, title: str
) -> None:
    tab.page.goto(site.url + start)
    search = tab.page.get_by_role("search").get_by_role("textbox")
    search.click()
    # Material searches on key events: fill() would not trigger it.
    search.press_sequentially(query, delay=30)
    # Results change with each key: wait for the whole query's, then read them in one go.
    tab.page.locator(".md-search-result__item h1", has_text=title).first.wait_for()
    results = tab.page.locator(".md-search-result__item > a")
    hrefs = results.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert hrefs
    in_english = [h for h in hrefs if (PREFIX + "en/") in h]
    if start == "":
        assert in_english == [], hrefs
    else:
        assert in_english == hrefs, hrefs
    assert tab.console_errors == []


def test_a_lent_tab_keeps_nothing_of_the_test_before(tab_pool, site: SiteServer) -> None:
    """The suite reuses Chromium's tabs (tests/tabs.py): the next test gets the same tab, but
    nothing the last one left there, and it asks for every file again, as a first visit does."""
    first = tab_pool.open(site.origin, viewport={"width": 360, "height": 640})
    first.page.goto(site.url + "lagring/")
    first.page.evaluate(
        "document.cookie = 'left=1; path=/'; localStorage.setItem('left', '1');"
        "sessionStorage.setItem('left', '1')"
    )
    first.page.mouse.move(200, 30)  # over the header: the next test's page hovers nothing
    first.page.emulate_media(media="print")
    first.page.route("**/*.css", lambda route: route.abort())
    tab_pool.give_back()
    assert first.page.url == "about:blank"  # between tests a tab shows nothing
    second = tab_pool.open(site.origin)
    assert second.page is first.page  # reused, else this test proves nothing
    fetched = {}
    second.page.on(
        "requestfinished",
        lambda request: fetched.update({request.url: request.sizes()["responseBodySize"]}),
    )
    second.page.goto(site.url + "lagring/")
    try:
        assert second.page.context.cookies() == []
        assert second.page.evaluate("[localStorage.length, sessionStorage.length]") == [0, 0]
        assert second.page.evaluate("matchMedia('print').matches") is False
        assert second.page.viewport_size == {"width": 1280, "height": 720}
        assert second.page.evaluate("document.querySelectorAll(':hover').length") == 0
        # Fetched over the wire, not taken from a cache the last test filled, nor refused.
        assert fetched[site.url + "assets/stylesheets/material.css"] > 0
        # Material's stylesheet applies (a refused one would leave the body a block).
        assert second.page.evaluate("getComputedStyle(document.body).display") == "flex"
    finally:
        tab_pool.give_back()
