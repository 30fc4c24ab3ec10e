"""What a page loads before a reader sees it, and what it leaves until it is needed.

- Material's stylesheet is trimmed to what the site uses (hooks/assets.py, notice/stylesheet.py):
  the rules, in-process; and in Chromium, every kind of page in every state a reader can bring
  it to looks exactly as it does with Material's whole stylesheet.
- Nothing but the site's stylesheets blocks the first paint: every script is deferred.
- Search loads its worker, index and lunr when the reader opens it, not before.
- A section page's first view is at most 60 KiB over the wire (gzip, as a host serves it).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import material
import pytest
from mkdocs.exceptions import PluginError

import assets
from archives import A, Archive
from conftest import GzipServer, SiteServer, pages, soup, watched_tab
from notice import stylesheet

# The trimming, in-process


CSS = (
    '@charset "UTF-8";'
    ".a{color:red}.b{color:blue}.a .c,.b{margin:0}p:not(.x){padding:0}"
    "[dir=rtl] .a{left:0}[dir=ltr] .a{right:0}#top,#gone{top:0}"
    ".a[data-k=v],.a[data-k=w]{z-index:1}"
    "@media print{.b{display:none}.a{display:block}}@media screen{.b{color:red}}"
    "@keyframes spin{to{transform:rotate(1turn)}}@keyframes fade{to{opacity:0}}"
    ".a:hover{animation:spin 1s}.b:hover{animation:fade 1s}"
    ":root{--used:1px;--unused:url(data:x);--chain:var(--deep);--deep:2px}"
    ".a{width:var(--used);height:var(--chain)}"
    "@page{margin:1cm}"
    "/*# sourceMappingURL=main.min.css.map*/"
)
PAGE = '<html dir="ltr"><body><p id="top" class="a c" data-k="v">Text</p></body></html>'
TRIMMED = (
    '@charset "UTF-8";'
    ".a{color:red}.a .c{margin:0}p:not(.x){padding:0}"
    "[dir=ltr] .a{right:0}#top{top:0}.a[data-k=v]{z-index:1}"
    "@media print{.a{display:block}}"
    "@keyframes spin{to{transform:rotate(1turn)}}"
    ".a:hover{animation:spin 1s}"
    ":root{--used:1px;--chain:var(--deep);--deep:2px}"
    ".a{width:var(--used);height:var(--chain)}"
    "@page{margin:1cm}"
)


def test_a_rule_stays_when_a_selector_can_match_the_pages() -> None:
    assert stylesheet.trim(CSS, stylesheet.html_words(PAGE)) == TRIMMED


def test_the_parse_is_kept_between_builds(tmp_path: Path, monkeypatch) -> None:
    words = stylesheet.html_words(PAGE)
    stylesheet._cache.clear()  # a new process
    assert stylesheet.trim(CSS, words, tmp_path) == TRIMMED
    (kept,) = tmp_path.glob("material-*.json")
    # The next build reads it, and parses nothing.
    stylesheet._cache.clear()
    with monkeypatch.context() as patch:
        patch.setattr(stylesheet, "_statements", lambda css: pytest.fail("parsed again"))
        assert stylesheet.trim(CSS, words, tmp_path) == TRIMMED
    # One that cannot be read is parsed again, and written again.
    kept.write_text('{"charset": ', encoding="utf-8")
    stylesheet._cache.clear()
    assert stylesheet.trim(CSS, words, tmp_path) == TRIMMED
    assert kept.read_text(encoding="utf-8").startswith('{"charset": "@charset')
    # Another stylesheet (a new Material) replaces it.
    stylesheet._cache.clear()
    assert stylesheet.trim(".a{color:red}.b{color:blue}", words, tmp_path) == ".a{color:red}"
    assert [p.name for p in tmp_path.iterdir()] != [kept.name]
    assert len(list(tmp_path.iterdir())) == 1
    stylesheet._cache.clear()


def test_what_a_page_reads_keeps_its_custom_property() -> None:
    css = ":root{--a:1px;--b:2px}.x{color:red}"
    words = stylesheet.html_words('<p class="x" style="width: var(--b)">')
    assert stylesheet.trim(css, words) == ":root{--b:2px}.x{color:red}"


def test_what_materials_script_adds_to_this_sites_pages() -> None:
    script = (
        'x("details",{class:"md-search-result__more"},x("summary",null,"…")),'
        'e.classList.toggle("md-nav__link--active",!0),x("div",{class:"md-tooltip2"}),'
        'q("table:not([class])"),t==="rtl",e.setAttribute("data-md-scrolllock",""),'
        'e.style.setProperty("--md-tooltip-x","1px"),d=["<mark>",w,"</mark>"],'
        'x("ul",{class:"md-version__list"}),`md-tag--${n}`,e.classList.add("js")'
    )
    pages = {"md-search-result", "md-nav"}
    found = {"details", "summary", "div", "ul", "mark", "md-search-result__more"}
    found |= {"md-nav__link--active", "data-md-scrolllock", "--md-tooltip-x", "js"}
    assert stylesheet.material_script_words(script, pages) == found
    # The version selector is built from nothing, when there are versions.
    versioned = stylesheet.material_script_words(script, pages, ("md-version",))
    assert versioned == found | {"md-version__list"}


def test_materials_palette_setting_is_refused() -> None:
    config = SimpleNamespace(theme={"palette": {"scheme": "slate"}})
    with pytest.raises(PluginError, match=r"theme\.palette is not supported") as error:
        assets.on_config(config)
    assert "overrides/assets/stylesheets/seom.css" in str(error.value)


# The built site


def test_only_the_sites_stylesheets_block_the_first_paint(site: SiteServer) -> None:
    for path in pages(site):
        page = soup(site, path)
        stylesheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
        names = [href.rsplit("/", 1)[-1] for href in stylesheets]
        assert names == ["material.css", "seom.css"], path
        for script in page.find_all("script", src=True):
            assert "defer" in script.attrs, f"{path}: {script['src']} is not deferred"
    folder = site.site_dir / "assets/stylesheets"
    assert sorted(p.name for p in folder.iterdir()) == ["material.css", "seom.css"]


@pytest.fixture(scope="module")
def gzipped(site: SiteServer) -> Iterator[GzipServer]:
    """The same site, served as a host serves it: gzipped."""
    server = GzipServer(site.site_dir)
    server.start()
    yield server
    server.stop()


SEARCH = ("search/search_index.json", "assets/javascripts/workers/", "assets/javascripts/lunr/")


def first_view(browser, server: SiteServer, path: str, **options) -> tuple[object, list]:
    context = browser.new_context(**options)
    tab = watched_tab(context, server.origin)
    responses = []
    tab.page.on("requestfinished", lambda request: responses.append(request))
    tab.page.goto(server.url + path, wait_until="networkidle")
    return tab, responses


@pytest.mark.parametrize("path", ["lagring/", "en/lagring/"])
def test_a_section_page_first_view_is_at_most_60_kib(browser, gzipped, path: str) -> None:
    tab, finished = first_view(browser, gzipped, path)
    sizes = {}
    for request in finished:
        size = request.sizes()
        sizes[request.url] = size["responseHeadersSize"] + size["responseBodySize"]
    loaded = {url[len(gzipped.url) :] for url in sizes}
    assert loaded == {
        path,
        "assets/stylesheets/material.css",
        "assets/stylesheets/seom.css",
        "assets/javascripts/search.js",
        "assets/javascripts/bundle.a5f9d56c.min.js",
        "assets/javascripts/keyboard.js",
        "assets/favicon.svg",
    }
    total = sum(sizes.values())
    assert total <= 60 * 1024, f"{total / 1024:.1f} KiB: {sizes}"
    assert tab.console_errors == []
    tab.page.context.close()


def open_search(page, query: str) -> None:
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(query, delay=30)


@pytest.mark.parametrize(("path", "word"), [("lagring/", "spara"), ("en/lagring/", "keep")])
def test_search_loads_when_the_reader_opens_it(browser, site, path: str, word: str) -> None:
    tab, _ = first_view(browser, site, path)
    assert not [url for url in tab.requests if any(part in url for part in SEARCH)]
    open_search(tab.page, word)
    results = tab.page.locator(".md-search-result__item")
    results.first.wait_for()
    assert results.count() > 0
    language = "en/" if path.startswith("en/") else ""
    index = site.url + language + "search/search_index.json"
    assert index in tab.requests
    assert any("assets/javascripts/workers/search." in url for url in tab.requests)
    assert tab.console_errors == []
    tab.page.context.close()


def test_a_page_opened_from_a_search_result_highlights_at_once(browser, site) -> None:
    tab, _ = first_view(browser, site, "lagring/?h=spara")
    marks = tab.page.locator("article mark[data-md-highlight]")
    marks.first.wait_for()
    assert marks.first.inner_text().lower().startswith("spara")
    assert tab.console_errors == []
    tab.page.context.close()


# Looks: the trimmed stylesheet against Material's whole one


def with_materials_stylesheet(site_dir: Path, target: Path) -> Path:
    """A copy of a built site whose material.css is Material's stylesheet, untrimmed."""
    shutil.copytree(site_dir, target, symlinks=True, dirs_exist_ok=True)
    stylesheets = Path(material.__file__).parent / "templates/assets/stylesheets"
    (whole,) = stylesheets.glob("main.*.min.css")
    for css in target.rglob("material.css"):
        shutil.copyfile(whole, css)
    return target


@pytest.fixture(scope="module")
def untrimmed(site: SiteServer, tmp_path_factory) -> Iterator[SiteServer]:
    server = SiteServer(with_materials_stylesheet(site.site_dir, tmp_path_factory.mktemp("u")))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def untrimmed_archive(two_versions: Archive, tmp_path_factory) -> Iterator[SiteServer]:
    served = two_versions.server.site_dir
    server = SiteServer(with_materials_stylesheet(served, tmp_path_factory.mktemp("ua")))
    server.start()
    yield server
    server.stop()


PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


SETTLED = """() => new Promise(resolve => {
  let last = -1, still = 0;
  const frame = () => {
    still = scrollY === last ? still + 1 : 0;
    last = scrollY;
    still >= 3 ? resolve() : requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})"""


def settled(page) -> None:
    """Until Material's script has run and the page stands still: no scrolling for three
    frames (a focused element scrolls into view smoothly)."""
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    page.evaluate(SETTLED)


def shots(browser, server: SiteServer, viewport: dict, visits: list) -> dict[str, bytes]:
    """What a reader sees on each of ``visits`` ((name, path, state)), one page after the
    other in one tab: the whole page as it loads, or the window once ``state`` has brought the
    page to it (a page scrolled away from its top, in a picture of the whole page, shows its
    sticky header wherever the scrolling happened to be). ``state`` returns True for the
    whole page (print)."""
    context = browser.new_context(viewport=viewport, reduced_motion="reduce")
    page = context.new_page()
    page.set_default_timeout(10_000)
    out = {}
    for name, path, state in visits:
        page.goto(server.url + path)
        settled(page)
        whole = True
        if state:
            whole = bool(state(page))
            settled(page)
        out[name] = page.screenshot(full_page=whole, animations="disabled")
    context.close()
    return out


def differences(browser, trimmed, untrimmed, viewport: dict, visits: list) -> list[str]:
    """The visits that look different with the trimmed stylesheet; both pictures of each are
    kept beside the site for a person to compare."""
    want = shots(browser, untrimmed, viewport, visits)
    got = shots(browser, trimmed, viewport, visits)
    out = trimmed.site_dir.parent / "looks"
    different = []
    for name in want:
        if got[name] != want[name]:
            out.mkdir(exist_ok=True)
            stem = f"{name}-{viewport['width']}".replace("/", "_").replace(" ", "_")
            (out / f"{stem}-trimmed.png").write_bytes(got[name])
            (out / f"{stem}-material.png").write_bytes(want[name])
            different.append(f"{name} at {viewport['width']} px ({out}/{stem}-*.png)")
    return different


def searched(page) -> None:
    if not page.locator(".md-search__input").is_visible():
        page.get_by_role("button", name="Sök").click()
    open_search(page, "uppgift")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(200)  # the result list is rendered in steps


def menu_opened(page) -> None:
    page.get_by_role("button", name="Meny").click()


def focused(page) -> None:
    for _ in range(4):
        page.keyboard.press("Tab")


def form_errors(page) -> None:
    page.get_by_role("button", name="Skicka").click()
    page.wait_for_function("() => document.activeElement.matches('.seom-error-summary')")
    page.mouse.move(0, viewport_height(page) - 1)  # off the button: no hover


def viewport_height(page) -> int:
    return page.viewport_size["height"]


def printed(page) -> bool:
    page.emulate_media(media="print")
    return True  # the whole page, as printed


def screen(page) -> bool:
    page.emulate_media(media="screen")
    return True


PAGES = ["", "lagring/", "kontakt/", "versioner/", "andringar/", "tillganglighet/"]
PAGES += ["en/hela-meddelandet/", "finns-inte/"]
STATES = [
    ("search", "lagring/", searched),
    ("focus", "lagring/", focused),
    ("form errors", "kontakt/", form_errors),
    ("print", "hela-meddelandet/", printed),
    ("print, then the screen", "lagring/", screen),
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_page_and_state_looks_as_with_materials_whole_stylesheet(
    browser, site, untrimmed, viewport: dict
) -> None:
    """Every kind of page, whole, and what a reader can bring it to: search with results,
    the keyboard's focus, the form's errors, print; on a phone, the menu open (on a wide
    screen the menu is always open)."""
    visits = [(path or "start", path, None) for path in PAGES] + STATES
    if viewport is PHONE:
        visits.append(("menu", "lagring/", menu_opened))
    assert differences(browser, site, untrimmed, viewport, visits) == []


def versions_opened(page) -> None:
    page.locator(".md-version__current").focus()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_archive_looks_as_with_materials_whole_stylesheet(
    browser, two_versions, untrimmed_archive, viewport: dict
) -> None:
    """The version selector (Material builds it from nothing) and an earlier version's
    banner."""
    visits = [
        ("latest", "latest/lagring/", None),
        ("versions", "latest/lagring/", versions_opened),
        ("earlier", f"{A}/", None),
    ]
    assert differences(browser, two_versions.server, untrimmed_archive, viewport, visits) == []
