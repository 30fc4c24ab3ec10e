"""What a page loads before a reader sees it, and what it leaves until it is needed.

- Material's stylesheet is trimmed to what the site uses (hooks/assets.py, notice/stylesheet.py):
  the rules, in-process; and in Chromium, every kind of page in every state a reader can bring
  it to looks exactly as it does with Material's whole stylesheet (every element's computed
  style, not pixels).
- Nothing but the site's stylesheets blocks the first paint: every script is deferred.
- Search loads its worker, index and lunr when the reader opens it, not before.
- A section page's first view is at most 60 KiB over the wire (gzip, as a host serves it);
  every kind of page of the archive's: tests/test_three_versions.py.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import material
import pytest
from mkdocs.exceptions import PluginError

import assets
from archives import A, Archive
from conftest import pages, soup, watched_tab
from notice import stylesheet
from site_server import GzipServer, SiteServer

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
    # What a browser sets by itself (a <details> the reader opens) or Material on any element.
    found |= {"open", "hidden", "disabled", "checked", "selected", "no-js", "focus-visible"}
    found |= {"js-focus-visible"}
    assert stylesheet.material_script_words(script, pages) == found
    # The version selector is built from nothing, when there are versions.
    versioned = stylesheet.material_script_words(script, pages, ("md-version",))
    assert versioned == found | {"md-version__list"}


def test_what_the_scanner_must_not_split_on() -> None:
    css = (
        '.b[title^="}{;"]{color:red}.a::after{content:"a}b;{"}'  # braces and ; in strings
        ".a{background:url(data:image/svg+xml;x{y})}"  # in an unquoted url()
        "/* } */.b/* { */{color:red}"  # in comments
        ".c\\{x{color:blue}"  # an escaped brace in a selector (class "c{x")
        '.a[title="two words"]{color:green}'
        ".a{--x:1px;animation:s 1s;.e &{color:red}}"  # nesting, kept as it is
        "@keyframes s{to{width:var(--k)}}:root{--k:2px;--x:3px}"
    )
    words = stylesheet.html_words('<p class="a b" title="two words">')
    assert stylesheet.trim(css, words) == (
        '.b[title^="}{;"]{color:red}.a::after{content:"a}b;{"}'
        ".a{background:url(data:image/svg+xml;x{y})}"
        ".b{color:red}"
        '.a[title="two words"]{color:green}'
        ".a{animation:s 1s;.e &{color:red}}"
        "@keyframes s{to{width:var(--k)}}:root{--k:2px}"
    )


@pytest.mark.parametrize(
    ("css", "problem"),
    [
        (".a{color:red}}.b{color:blue}", "a '}' that closes nothing, at character 13"),
        (".a{color:red}.b{color:blue", "a '{' never closed, after character 15"),
        (".a{color:red}.b", "text after the last rule, at character 13"),
    ],
)
def test_a_stylesheet_it_cannot_read_whole_is_an_error(css: str, problem: str) -> None:
    """Never a stylesheet silently cut short (a future Material)."""
    stylesheet._cache.clear()
    with pytest.raises(ValueError, match=re.escape(problem)):
        stylesheet.trim(css, {"a", "b"})
    stylesheet._cache.clear()


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


def test_a_script_no_page_loads_keeps_none_of_materials_styles(site: SiteServer) -> None:
    """content.js (Material's script for content tabs, which the site does not use) is in the
    site's assets, but no page loads it: the tabs' styles are not kept for it."""
    assert (site.site_dir / "assets/javascripts/content.js").is_file()
    assert not [p for p in pages(site) if "content.js" in str(soup(site, p).find_all("script"))]
    css = (site.site_dir / "assets/stylesheets/material.css").read_text(encoding="utf-8")
    assert "tabbed" not in css
    assert ".md-typeset .md-button" in css  # what a page uses is kept


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


def transferred(browser, server: SiteServer, path: str) -> tuple[object, dict[str, int]]:
    """What a page's first view transfers: bytes over the wire (headers and gzipped body) by
    what the site serves, relative to its root."""
    tab, finished = first_view(browser, server, path)
    sizes = {}
    for request in finished:
        size = request.sizes()
        sizes[request.url[len(server.url) :]] = (
            size["responseHeadersSize"] + size["responseBodySize"]
        )
    return tab, sizes


FIRST_VIEW = {
    "assets/stylesheets/material.css",
    "assets/stylesheets/seom.css",
    # Material's scripts, files rather than inline (hooks/security.py).
    "assets/javascripts/scope.js",
    "assets/javascripts/search.js",
    "assets/javascripts/bundle.a5f9d56c.min.js",
    "assets/javascripts/keyboard.js",
}


@pytest.mark.parametrize("path", ["lagring/", "en/lagring/"])
def test_a_section_page_first_view_is_at_most_60_kib(browser, gzipped, path: str) -> None:
    tab, sizes = transferred(browser, gzipped, path)
    # The favicon, when Chromium asks for it in time.
    assert set(sizes) - {"assets/favicon.svg"} == {path} | FIRST_VIEW
    total = sum(sizes.values())
    assert total <= 60 * 1024, f"{total / 1024:.1f} KiB: {sizes}"
    assert tab.console_errors == []
    tab.page.context.close()


def open_search(page, query: str) -> None:
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(query, delay=30)


SEARCHES = [("lagring/", "spara"), ("en/lagring/", "keep")]
SEARCHES += [("finns-inte/", "spara"), ("en/finns-inte/", "keep")]


@pytest.mark.parametrize(("path", "word"), SEARCHES)
def test_search_loads_when_the_reader_opens_it(browser, site, path: str, word: str) -> None:
    tab, _ = first_view(browser, site, path)
    assert not [url for url in tab.requests if any(part in url for part in SEARCH)]
    open_search(tab.page, word)
    results = tab.page.locator(".md-search-result__item")
    results.first.wait_for()
    assert results.count() > 0
    # Only this language's pages, from this language's index.
    language = "en/" if path.startswith("en/") else ""
    links = results.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert all(link.startswith(site.url + language) for link in links), links
    if not language:
        assert not [link for link in links if link.startswith(site.url + "en/")], links
    assert site.url + language + "search/search_index.json" in tab.requests
    assert any("assets/javascripts/workers/search." in url for url in tab.requests)
    # A missing page's own 404 is the one error the browser reports.
    assert [e for e in tab.console_errors if "404" not in e] == []
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


STILL = "*, *::before, *::after, *::placeholder { transition: none !important; }"


# What every element looks like, as the browser computed it from the stylesheets. Chromium's
# DOMSnapshot gives, in one call, the computed style of every node it draws (elements,
# ::before, ::after and ::marker where they are drawn): every standard property (custom
# properties show where they are read; the trimming drops those nothing reads). What the
# snapshot cannot reach is read by script: a field's ::placeholder, and, as the rules that
# style them on this page's elements, what getComputedStyle cannot reach either (scrollbars,
# <details>' marker) and the @keyframes the elements run. Animations are read at their end.
# What is not drawn (display: none) is not compared: it cannot look different, and the states
# that show it are visits of their own. One snapshot takes a tenth of a second where reading
# each element's style by script took seconds.
PREPARE = """() => {
  for (const animation of document.getAnimations()) {
    try { animation.finish(); } catch { animation.cancel(); }
  }
  return [...getComputedStyle(document.documentElement)].filter(name => !name.startsWith("--"));
}"""
UNREACHABLE = r"""names => {
  const out = {}, animations = new Set();
  for (const element of document.querySelectorAll("*")) {
    for (const name of getComputedStyle(element).animationName.split(", ")) {
      if (name !== "none") animations.add(name);
    }
  }
  document.querySelectorAll("input, textarea").forEach((element, index) => {
    const style = getComputedStyle(element, "::placeholder"), own = {};
    for (const name of names) own[name] = style.getPropertyValue(name);
    out[`${element.localName}#${element.id} ${index}::placeholder`] = own;
  });
  const rules = {}, unreachable = /::(?!before|after|marker|placeholder)[\w-]+/;
  const split = text => {  // a selector list, at its top-level commas
    const parts = [];
    let depth = 0, part = "";
    for (const c of text) {
      if (c === "," && depth === 0) { parts.push(part.trim()); part = ""; continue; }
      depth += c === "(" ? 1 : c === ")" ? -1 : 0;
      part += c;
    }
    return [...parts, part.trim()];
  };
  const matches = selector => {
    try { return document.querySelector(selector || "*") !== null; } catch { return false; }
  };
  const walk = list => {
    for (const rule of list) {
      if (rule instanceof CSSMediaRule) {
        if (matchMedia(rule.conditionText).matches) walk(rule.cssRules);
      } else if (rule instanceof CSSSupportsRule) {
        if (CSS.supports(rule.conditionText)) walk(rule.cssRules);
      } else if (rule instanceof CSSKeyframesRule) {
        if (animations.has(rule.name)) rules["@keyframes " + rule.name] = rule.cssText;
      } else if (rule instanceof CSSStyleRule) {
        for (const part of split(rule.selectorText)) {
          const found = part.match(unreachable);
          if (found && matches(part.slice(0, found.index))) {
            rules[part] = (rules[part] || "") + `{${rule.style.cssText}}`;
          }
        }
      }
    }
  };
  for (const sheet of document.styleSheets) walk(sheet.cssRules);
  out["rules the elements above cannot show"] = rules;
  return out;
}"""


def drawn_styles(page, cdp) -> dict[str, dict[str, str]]:
    """Every drawn element's and pseudo-element's computed style on ``page`` as it is now,
    by a label (its place in the document, name, id and classes), and what the snapshot
    cannot reach."""
    names = page.evaluate(PREPARE)
    snapshot = cdp.send("DOMSnapshot.captureSnapshot", {"computedStyles": names})
    strings = snapshot["strings"]
    nodes, layout = snapshot["documents"][0]["nodes"], snapshot["documents"][0]["layout"]
    pseudo = dict(zip(nodes["pseudoType"]["index"], nodes["pseudoType"]["value"], strict=True))
    out = {}
    for node, style in zip(layout["nodeIndex"], layout["styles"], strict=True):
        if not style or strings[nodes["nodeName"][node]] == "#text":
            continue  # the document, which has no style; a text, which is styled as its element
        if node in pseudo:
            parent = nodes["parentIndex"][node]
            label = f"{_label(strings, nodes, parent)}::{strings[pseudo[node]]}"
        else:
            label = _label(strings, nodes, node)
        out.setdefault(label, dict(zip(names, (strings[v] for v in style), strict=True)))
    out.update(page.evaluate(UNREACHABLE, names))
    return out


def _label(strings: list[str], nodes: dict, node: int) -> str:
    pairs = nodes["attributes"][node]
    attributes = {strings[k]: strings[v] for k, v in zip(pairs[::2], pairs[1::2], strict=True)}
    classes = "".join("." + c for c in attributes.get("class", "").split())
    element_id = "#" + attributes["id"] if "id" in attributes else ""
    return f"{node} {strings[nodes['nodeName'][node]].lower()}{element_id}{classes}"


def styles(browser, server: SiteServer, viewport: dict, visits: list) -> dict[str, dict]:
    """What every element looks like on each of ``visits`` ((name, path, state)), one page
    after the other in one tab: as the page loads, or once ``state`` has brought the page to
    it. The browser's computed styles, not pixels: a picture of the same styles differs now
    and then on a busy machine, as an icon's edges are smoothed."""
    # Reduced motion stops Material's transitions, but not on ::placeholder (the search
    # field's fades in as the page loads): no transitions at all, both stylesheets alike. The
    # style element needs the policy bypassed; nothing else here depends on the policy.
    context = browser.new_context(viewport=viewport, reduced_motion="reduce", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    cdp = context.new_cdp_session(page)
    out = {}
    for name, path, state in visits:
        page.goto(server.url + path)
        page.add_style_tag(content=STILL)
        settled(page)
        if state:
            state(page)
        else:
            # As loaded: at the top. What arrives after the first layout (the outdated
            # banner, the version selector) can scroll the page by the browser's scroll
            # anchoring, now and then, and Material then shadows the header.
            page.evaluate("window.scrollTo(0, 0)")
        settled(page)
        out[name] = drawn_styles(page, cdp)
    context.close()
    return out


def differences(browser, trimmed, untrimmed, viewport: dict, visits: list) -> list[str]:
    """Where the trimmed stylesheet makes a visit look different: the element, the property,
    its value with Material's whole stylesheet and with the trimmed one."""
    want = styles(browser, untrimmed, viewport, visits)
    got = styles(browser, trimmed, viewport, visits)
    different = []
    for name, elements in want.items():
        if list(got[name]) != list(elements):
            only = [e for e in got[name] if e not in elements][:3]
            missing = [e for e in elements if e not in got[name]][:3]
            different.append(
                f"{name} at {viewport['width']} px: other elements with the trimmed stylesheet "
                f"({only}) than with Material's whole one ({missing})"
            )
            continue
        for element, properties in elements.items():
            trimmed_properties = got[name][element]
            for prop in sorted(properties.keys() | trimmed_properties.keys()):
                whole, trim = properties.get(prop), trimmed_properties.get(prop)
                if whole != trim:
                    different.append(
                        f"{name} at {viewport['width']} px, {element}: {prop} is {trim!r}, "
                        f"with Material's whole stylesheet {whole!r}"
                    )
    return different[:40]


STILL_RESULTS = """() => new Promise(resolve => {
  let last = -1, still = 0;
  const frame = () => {
    const count = document.querySelectorAll(".md-search-result__item").length;
    still = count === last ? still + 1 : 0;
    last = count;
    still >= 10 ? resolve() : requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})"""


def searched(page) -> None:
    if not page.locator(".md-search__input").is_visible():
        page.get_by_role("button", name="Sök").click()
    open_search(page, "uppgift")
    page.locator(".md-search-result__item").first.wait_for()
    page.evaluate(STILL_RESULTS)  # Material renders the list in steps


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


def scrolled(page) -> None:
    """Half-way down: the header shows the page's title, the table of contents follows."""
    page.mouse.wheel(0, page.evaluate("document.documentElement.scrollHeight / 2"))


def printed(page) -> None:
    page.emulate_media(media="print")


def screen(page) -> None:
    page.emulate_media(media="screen")


PAGES = ["", "lagring/", "kontakt/", "versioner/", "andringar/", "tillganglighet/"]
PAGES += ["en/hela-meddelandet/", "finns-inte/"]
STATES = [
    ("search", "lagring/", searched),
    ("focus", "lagring/", focused),
    ("form errors", "kontakt/", form_errors),
    ("scrolled", "hela-meddelandet/", scrolled),
    ("print", "hela-meddelandet/", printed),
    ("print, then the screen", "lagring/", screen),
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_page_and_state_looks_as_with_materials_whole_stylesheet(
    browser, site, untrimmed, viewport: dict
) -> None:
    """Every kind of page, whole, and what a reader can bring it to: search with results,
    the keyboard's focus, the form's errors, a long page scrolled, print; on a phone, the menu
    open (on a wide screen the menu is always open)."""
    visits = [(path or "start", path, None) for path in PAGES] + STATES
    if viewport is PHONE:
        visits.append(("menu", "lagring/", menu_opened))
    different = differences(browser, site, untrimmed, viewport, visits)
    assert different == [], "\n".join(different)


def archive_ready(page) -> None:
    """Material builds the version selector, and an earlier version's banner, once
    versions.json has arrived (on a phone the selector is not shown: seom.css)."""
    page.locator(".md-version__current[data-seom-named]").wait_for(state="attached")
    if f"/{A}/" in page.url:
        page.locator("[data-md-component=outdated]").wait_for()
    # The banner arrives after the first layout and moves the page down. Material measures
    # where the page's main part starts only when that part changes size (a ResizeObserver),
    # so whether the header casts its shadow at the top depends on which came first, for a
    # reader too. A pixel narrower and back makes it measure again, with the banner in place;
    # then at the top, whatever the browser's scroll anchoring did.
    size = page.viewport_size
    for viewport in ({**size, "width": size["width"] + 1}, size):
        page.set_viewport_size(viewport)
        settled(page)
    page.evaluate("window.scrollTo(0, 0)")


def versions_opened(page) -> None:
    archive_ready(page)
    page.locator(".md-version__current").focus()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_archive_looks_as_with_materials_whole_stylesheet(
    browser, two_versions, untrimmed_archive, viewport: dict
) -> None:
    """The version selector (Material builds it from nothing) and an earlier version's
    banner."""
    visits = [
        ("latest", "latest/lagring/", archive_ready),
        ("earlier", f"{A}/", archive_ready),
    ]
    if viewport is DESKTOP:  # on a phone the header has no selector to open
        visits.insert(1, ("versions", "latest/lagring/", versions_opened))
    different = differences(browser, two_versions.server, untrimmed_archive, viewport, visits)
    assert different == [], "\n".join(different)
