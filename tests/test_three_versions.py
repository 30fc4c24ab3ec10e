"""The archive as readers meet it while a change is announced: an earlier version, the one in
force and an announced one (scripts/archives.py, three_versions()).

The header, where it is fullest (Material's version selector): at every width from a small
phone to a desktop, in both languages, on every kind of page, no visible control covers
another, each is a target of at least 24 by 24 px (WCAG 2.2, 2.5.8), nothing scrolls
sideways, the title shows whole or not at all, and the keyboard meets only what it can see.

Comparing any two versions on the versions page (assets/javascripts/compare.js): the first
and the third, in both languages, by keyboard alone, as a screen reader hears it, with axe;
without JavaScript, each version's what-changed page instead.

The archival copies (notice/archival.py): each version's folder holds the whole notice as
PDF/A-2a per language, with its version, date and commit, all its text, checked with pikepdf
(its PDF/A validator, the structure tree, the fonts, the language), linked from every page and
the versions page, and written once.

Nothing moves once the page is drawn, on a phone and a desktop, on a slow connection: not the
announcement of C on the version in force's pages, an earlier version's banner, the version
selector, the comparison's form nor Material's bundle (zero layout shift).

A first visit transfers at most 60 KiB on every kind of page, served with gzip.

The decision (ARCHITECTURE.md, "The header"): narrower than 768 px the header holds the logo,
the menu, the language and the search buttons; the title and the version selector are left
out. Each page says its version at its foot, with a link to every version.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pikepdf
import pikepdf.pdfa
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect
from test_assets import FIRST_VIEW
from test_keyboard import focused

from archives import NEW_EN, NEW_EN_C, NEW_SV, NEW_SV_C, A, B, C
from conftest import Tab, axe_violations
from notice import archival, dates
from site_server import GzipServer

WIDTHS = (320, 360, 390, 412, 768, 1280)
# Every kind of page: sections, the whole notice, contact, versions, what changed, the
# statement (kept at the archive's root) and a page that does not exist (404), in the
# earlier version, the one in force (latest/) and the announced one.
PAGES = [
    f"{A}/lagring/",
    f"{A}/en/hela-meddelandet/",
    "latest/",
    "latest/en/kontakt/",
    "latest/versioner/",
    "latest/en/andringar/",
    f"{C}/hela-meddelandet/",
    f"{C}/en/lagring/",
    "tillganglighet/",
    "en/tillganglighet/",
    "latest/finns-inte/",
    "latest/en/finns-inte/",
]

# The header's controls a reader can see, their boxes, and what the title shows.
HEADER = """() => {
  const seen = (el) => {
    if (!el.getClientRects().length) return false;
    for (let node = el; node instanceof Element; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.visibility !== 'visible' || parseFloat(style.opacity) < 0.1) return false;
    }
    return true;
  };
  const header = document.querySelector('.md-header');
  const controls = [...header.querySelectorAll(
    'a[href], button, input, select, textarea, label.md-header__button, [tabindex="0"]'
  )].filter(seen).filter(el => !el.closest('.md-search__output, .md-select__inner'));
  const boxes = controls.map(el => {
    const r = el.getBoundingClientRect();
    const label = (el.getAttribute('aria-label') || el.innerText || el.value || el.tagName)
      .replace(/\\s+/g, ' ').trim().slice(0, 40);
    return {label, el, left: r.left, top: r.top, right: r.right, bottom: r.bottom};
  });
  const problems = [];
  for (const box of boxes) {
    const width = box.right - box.left, height = box.bottom - box.top;
    if (width < 23.5 || height < 23.5) {
      problems.push(`${box.label}: ${Math.round(width)}×${Math.round(height)} px`);
    }
    if (box.left < -0.5 || box.right > document.documentElement.clientWidth + 0.5) {
      problems.push(`${box.label}: outside the screen`);
    }
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 0.5 && h > 0.5) problems.push(`${a.label} and ${b.label} overlap`);
    }
  }
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) {
    problems.push(`scrolls sideways by ${root.scrollWidth - root.clientWidth} px`);
  }
  for (const title of document.querySelectorAll('.md-header__topic > .md-ellipsis')) {
    if (seen(title) && title.scrollWidth > title.clientWidth + 1) {
      problems.push(`the title is cut: ${title.innerText.trim()}`);
    }
  }
  return {problems, labels: boxes.map(b => b.label)};
}"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    from archives import three_versions

    arc = three_versions(tmp_path_factory.mktemp("three-versions"))
    yield arc
    arc.server.stop()


def settled(page) -> None:
    """Material has built the version selector, and the site named its versions."""
    page.wait_for_load_state("networkidle")
    if page.locator(".md-version").count():
        page.locator(".md-version__current[data-seom-named]").wait_for(state="attached")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_header_fits_at_every_width(tabs, archive, width: int) -> None:
    tab: Tab = tabs.open(archive.server.origin, viewport={"width": width, "height": 740})
    found = {}
    for path in PAGES:
        tab.page.goto(archive.server.url + path)
        settled(tab.page)
        result = tab.page.evaluate(HEADER)
        if result["problems"]:
            found[path] = result["problems"]
        # Something to measure: the language and search buttons are always there.
        assert len(result["labels"]) >= 3, (path, result["labels"])
    assert found == {}


@pytest.mark.parametrize("path", [f"{A}/lagring/", "latest/en/", f"{C}/lagring/"])
def test_the_keyboard_meets_only_what_it_sees_in_the_header_of_a_phone(
    tabs, archive, path: str
) -> None:
    """Tab from the top of the page through the header at 360 px: every stop is seen whole,
    covered by nothing; the hidden version selector is not one of them."""
    tab: Tab = tabs.open(archive.server.origin, viewport={"width": 360, "height": 740})
    tab.page.goto(archive.server.url + path)
    settled(tab.page)
    stops, entered = [], False
    for _ in range(30):
        tab.page.keyboard.press("Tab")
        inside = tab.page.evaluate("() => !!document.activeElement.closest('.md-header')")
        if entered and not inside:
            break
        entered = entered or inside
        if inside:
            stops.append(focused(tab.page))
    names = [stop.name for stop in stops]
    assert len(stops) >= 3, names
    assert [f"{s.name}: {s.problems}" for s in stops if s.problems] == []
    assert not any("md-version" in name for name in names), names


# Comparing any two versions

READ_SV = "Läs om dina rättigheter. (länk till Dina rättigheter)"
READ_EN = "Read about your rights. (link to Your rights)"


def compare_page(tabs, archive, path: str, javascript: bool = True) -> Tab:
    tab: Tab = tabs.open(
        archive.server.origin,
        viewport={"width": 1280, "height": 800},
        java_script_enabled=javascript,
    )
    tab.page.goto(archive.server.url + path)
    tab.page.wait_for_load_state("networkidle")
    return tab


def test_a_reader_compares_the_first_and_the_third_version_by_keyboard(tabs, archive) -> None:
    """On the versions page of the version in force, by keyboard alone: the lists, the button,
    and the difference read out as it arrives (a status region), both new sentences marked
    as added, with the label a screen reader says."""
    tab = compare_page(tabs, archive, "latest/versioner/")
    page = tab.page
    older = page.get_by_label("Från versionen")
    expect(older).to_be_visible()
    older.focus()
    page.keyboard.press("End")  # the oldest, listed last
    newer = page.get_by_label("Till versionen")
    page.keyboard.press("Tab")
    expect(newer).to_be_focused()
    page.keyboard.press("Home")  # the newest: the announced version
    assert (older.input_value(), newer.input_value()) == (A, C)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Jämför")).to_be_focused()
    page.keyboard.press("Enter")
    result = page.locator(".seom-compare__result")
    expect(result.locator("ins", has_text=NEW_SV_C)).to_be_visible()
    # What a screen reader says when it arrives: which two were compared, once; the
    # difference is read as the rest of the page is.
    expect(page.get_by_role("status")).to_have_text(
        "Versionen som gäller från 1 juni 2027 jämförd med versionen som gäller från 1 december "
        "2026, avsnitt för avsnitt. Bara stycken som ändrats visas."
    )
    added = [" ".join(text.split()) for text in result.locator("ins").all_inner_texts()]
    # C's sentence has a link: its target is said, once, as the what-changed page says it.
    assert added == [f"Tillagt: {NEW_SV}", f"Tillagt: {NEW_SV_C} {READ_SV}"]
    expect(
        result.get_by_role("heading", name="Hur länge vi sparar dina personuppgifter")
    ).to_be_visible()
    assert axe_violations(tab) == []
    assert tab.foreign_requests == [] and tab.console_errors == []


@pytest.mark.parametrize("folder", [A, C])
def test_any_versions_page_compares_in_english_what_was_published_after_it(
    tabs, archive, folder: str
) -> None:
    """The lists come from the archive's root: the earlier version's page, published before
    the others, offers them too."""
    tab = compare_page(tabs, archive, f"{folder}/en/versioner/")
    page = tab.page
    options = page.get_by_label("From the version").locator("option").all_inner_texts()
    assert options == ["1 June 2027", "1 March 2027", "1 December 2026"]
    page.get_by_label("From the version").select_option(A)
    page.get_by_label("To the version").select_option(C)
    page.get_by_role("button", name="Compare").click()
    result = page.locator(".seom-compare__result")
    expect(result.locator("ins", has_text=NEW_EN_C)).to_be_visible()
    added = [" ".join(text.split()) for text in result.locator("ins").all_inner_texts()]
    assert added == [f"Added: {NEW_EN}", f"Added: {NEW_EN_C} {READ_EN}"]
    # Backwards (the later version first) is the same comparison, newer against older.
    page.get_by_label("From the version").select_option(C)
    page.get_by_label("To the version").select_option(B)
    page.get_by_role("button", name="Compare").click()
    expect(result.locator("ins", has_text=NEW_EN_C)).to_be_visible()
    first = " ".join(result.locator("ins").all_inner_texts()[0].split())
    assert first == f"Added: {NEW_EN_C} {READ_EN}"
    assert tab.foreign_requests == [] and tab.console_errors == []


def test_without_javascript_each_versions_what_changed_page_is_linked(tabs, archive) -> None:
    tab = compare_page(tabs, archive, f"{C}/versioner/", javascript=False)
    page = tab.page
    expect(page.locator("[data-compare]")).to_be_hidden()
    links = page.locator(".seom-history").get_by_role("link", name="Vad som ändrades")
    expect(links).to_have_count(3)
    for version in (C, B, A):
        expect(page.locator(f'.seom-history a[href$="/{version}/andringar/"]')).to_have_count(1)


# Nothing moves once the page is drawn

# A slow phone connection, so that the page is drawn before what arrives late: Material's
# bundle (114 KB here, unzipped), its version selector and an earlier version's banner (after
# versions.json), the announcement (notice.json) and the form to compare versions. Not a
# timing: it only puts the first paint before them, where it is on a phone.
SLOW = {"latency_ms": 40, "bytes_per_second": 500_000}
# The version in force while C is announced (its pages announce C), and an earlier version
# (its pages show the outdated banner): a section, the contact page and the versions page.
STILL_PAGES = [
    "latest/lagring/",
    "latest/en/kontakt/",
    "latest/versioner/",
    f"{A}/en/lagring/",
    f"{A}/versioner/",
]
# Every layout shift since the page began, as the browser reported it (the Layout Instability
# API, what Lighthouse's cumulative layout shift adds up), and what moved; after two frames,
# so that what the page changed last has been laid out.
LAYOUT_SHIFTS = """() => new Promise(resolve => requestAnimationFrame(
  () => requestAnimationFrame(() => {
  const observer = new PerformanceObserver(() => {});
  observer.observe({type: 'layout-shift', buffered: true});
  const entries = observer.takeRecords();
  observer.disconnect();
  const name = node => !node ? 'a text' : node.nodeType !== 1 ? node.nodeName
    : node.localName + (node.className && typeof node.className === 'string'
      ? '.' + node.className.trim().split(/\\s+/).join('.') : '');
  resolve(entries.map(entry => ({
    value: Math.round(entry.value * 10000) / 10000,
    moved: entry.sources.map(source => name(source.node)),
  })));
  })
))"""


def arrived(page, path: str) -> None:
    """What arrives after the page is drawn has arrived and been shown: the version selector,
    named from the archive's state; the announcement on the version in force's pages, the
    outdated banner on an earlier version's, and the comparison's form on a versions page."""
    page.locator(".md-version__current[data-seom-named]").wait_for(state="attached")
    if path.startswith("latest/"):
        expect(page.locator("[data-notice-announcement]")).to_be_visible()
    else:
        expect(page.locator("[data-md-component=outdated]")).to_be_visible()
    if path.endswith("versioner/"):
        expect(page.locator("[data-compare]")).to_be_visible()


@pytest.mark.parametrize("width", [412, 1280])
def test_nothing_moves_once_the_page_is_drawn(tabs, archive, width: int) -> None:
    """At the width Lighthouse emulates a phone at and a desktop's: zero layout shift, none
    tolerated. Each late arrival used to push the page down under the reader's eyes (0.10 of
    cumulative layout shift with the announcement, Lighthouse's 97 for performance); the
    archive's state is now read before the first paint, and the rest keeps its place."""
    tab: Tab = tabs.open(archive.server.origin, viewport={"width": width, "height": 823})
    tabs.throttle(tab, **SLOW)
    found = {}
    for path in STILL_PAGES:
        tab.page.goto(archive.server.url + path)
        arrived(tab.page, path)
        shifts = tab.page.evaluate(LAYOUT_SHIFTS)
        if shifts:
            found[path] = shifts
    assert found == {}
    if width == 412:  # what a screen reader and a keyboard meet, with the banners in place
        assert axe_violations(tab) == []
        tab.page.goto(archive.server.url + STILL_PAGES[0])
        arrived(tab.page, STILL_PAGES[0])
        assert axe_violations(tab) == []
    assert tab.foreign_requests == [] and tab.console_errors == []


# A first view of at most 60 KiB

# Every kind of page of the version in force, the contact page (the heaviest: its form and its
# script) and the versions page (the comparison's script and data) in English and in an
# earlier version too.
FIRST_VIEWS = [
    "latest/",
    "latest/lagring/",
    "latest/hela-meddelandet/",
    "latest/kontakt/",
    "latest/en/kontakt/",
    "latest/versioner/",
    "latest/en/versioner/",
    "latest/andringar/",
    "tillganglighet/",
    "latest/finns-inte/",
    f"{A}/kontakt/",
    f"{A}/versioner/",
]


def test_every_kind_of_page_first_view_is_at_most_60_kib(tabs, archive) -> None:
    """What a reader's first visit transfers, served with gzip as a host serves it: the page,
    what it loads before and as it is drawn, the version selector's and the announcement's
    state, all of it over the wire (headers and gzipped bodies). A section page loads nothing
    else: not search, which loads when it is opened."""
    server = GzipServer(archive.server.site_dir)
    server.start()
    try:
        tab: Tab = tabs.open(server.origin)  # the tabs ask for everything: no cache
        weights, sizes = {}, {}
        for path in FIRST_VIEWS:
            sizes = transferred_in(tab.page, server, path)
            weights[path] = round(sum(sizes.values()) / 1024, 1)
            if path == "latest/lagring/":
                assert set(sizes) - {"latest/assets/favicon.svg"} == SECTION_FIRST_VIEW
    finally:
        server.stop()
    assert {path: kib for path, kib in weights.items() if kib > 60} == {}, weights
    # The 404 page's own status is the one error the browser reports.
    assert [e for e in tab.console_errors if "404" not in e] == []


SECTION_FIRST_VIEW = {
    "latest/lagring/",
    # Each version's folder: the site's two stylesheets and Material's bundle, and the scripts
    # around it (tests/test_assets.py, FIRST_VIEW), Material's outdated banner's, and those
    # that read the archive's state before the page is drawn.
    *(f"latest/{name}" for name in FIRST_VIEW),
    "latest/assets/javascripts/outdated.js",
    "latest/assets/javascripts/state.js",
    "latest/assets/javascripts/announce.js",
    # The archive's root: its versions (Material's selector) and its state.
    "versions.json",
    "notice.json",
}


def transferred_in(page, server: GzipServer, path: str) -> dict[str, int]:
    """Bytes over the wire by what the site serves, relative to its root, as ``page`` first
    views ``path`` (test_assets.transferred's, in a lent tab)."""
    finished = []

    def done(request) -> None:
        finished.append(request)

    page.on("requestfinished", done)
    try:
        page.goto(server.url + path, wait_until="networkidle")
    finally:
        page.remove_listener("requestfinished", done)
    sizes = {}
    for request in finished:
        size = request.sizes()
        name = request.url[len(server.url) :]
        sizes[name] = sizes.get(name, 0) + size["responseHeadersSize"] + size["responseBodySize"]
    return sizes


# The archival copies (notice/archival.py): the whole notice as PDF/A-2a per language, added
# to each version's folder when it is published, and never changed afterwards.

COPIES = {"sv": "integritetsmeddelande-{}.pdf", "en": "en/privacy-notice-{}.pdf"}
TITLES = {"sv": "Så skyddar vi dina personuppgifter", "en": "How we protect your personal data"}
EFFECTIVE = {"sv": "gäller från", "en": "effective from"}
PUBLISHED = {"sv": "Publicerad från commit", "en": "Published from commit"}
# The address of a link's target, which the copy prints after the link's text.
ADDRESS = re.compile(r"\((?:https?|mailto|tel):[^()]*\)")


def as_level_b(data: bytes) -> io.BytesIO:
    """The file identified as PDF/A-2b: what pikepdf's validator (veraPDF's rules) knows."""
    with pikepdf.open(io.BytesIO(data)) as doc:
        xmp = doc.Root.Metadata.read_bytes()
        doc.Root.Metadata.write(xmp.replace(b'conformance="A"', b'conformance="B"'))
        out = io.BytesIO()
        doc.save(out)
    out.seek(0)
    return out


def structure(node, found: list[str]) -> list[str]:
    """The structure elements' types, in reading order."""
    if isinstance(node, pikepdf.Dictionary) and "/S" in node:
        found.append(str(node.S)[1:])
    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
        structure(kid, found)
    return found


def paragraphs(page_html: str) -> list[str]:
    """The text of the whole-notice page's headings and paragraphs, in order, without spaces:
    the page a reader reads, less the site's own lines around it."""
    article = BeautifulSoup(page_html, "html.parser").find("article")
    for furniture in article.select(".seom-effective, .seom-announcement, a.headerlink"):
        furniture.decompose()
    return [
        "".join(block.get_text().split())
        for block in article.find_all(["h1", "h2", "h3", "h4", "p"])
        if not block.find(["p", "ul", "ol", "dl", "div"])
    ]


@pytest.mark.parametrize("version", [A, B, C])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_version_keeps_the_whole_notice_as_pdf_a(archive, version: str, lang: str) -> None:
    data = archive.blob(f"gh-pages:{version}/{COPIES[lang].format(version)}")
    with pikepdf.open(io.BytesIO(data)) as doc:
        xmp = doc.open_metadata()
        assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"]) == ("2", "A")
        assert xmp["dc:title"] == TITLES[lang]
        effective = dates.long_date(dt.date.fromisoformat(version), lang)
        # The commit it was published from: the one its tag names.
        assert xmp["dc:description"] == (
            f"Version {version}, {EFFECTIVE[lang]} {effective}. "
            f"{PUBLISHED[lang]} {archive.commits[version]}."
        )
        (intent,) = doc.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1" and "/DestOutputProfile" in intent
        assert str(doc.Root.Lang) == lang and doc.Root.MarkInfo.Marked
        for page in doc.pages:
            for font in page.Resources.Font.values():
                descriptor = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(
                    descriptor.FontDescriptor.keys()
                ), f"{font.BaseFont} is not embedded"
                assert "/ToUnicode" in font
        kinds = structure(doc.Root.StructTreeRoot, [])
        assert kinds[0] == "Document" and kinds.count("H1") == 1
        assert {"H2", "H3", "P", "L", "LI", "Link"} <= set(kinds)
    report = pikepdf.pdfa.validate_written(as_level_b(data), "2b")
    assert report.passed, "\n".join(map(str, report.findings))
    # The version's text, all of it, in order; what a later version added is not there.
    text = ADDRESS.sub("", "".join(archival.text_of(data).split()))
    position = 0
    page = f"{version}/{'en/' if lang == 'en' else ''}hela-meddelandet/index.html"
    for block in paragraphs(archive.blob(f"gh-pages:{page}").decode()):
        found = text.find(block, position)
        assert found >= 0, f"not in the copy, or not in order: {block}"
        position = found + len(block)
    new_in_b, new_in_c = (NEW_SV, NEW_SV_C) if lang == "sv" else (NEW_EN, NEW_EN_C)
    assert ("".join(new_in_b.split()) in text) == (version != A)
    assert ("".join(new_in_c.split()) in text) == (version == C)


def test_a_published_copy_never_changes(archive) -> None:
    """Each copy was written once, by its version's publishing, and no later publishing
    touched it; the announced version's rendering as in force, which replaces its folder on
    its date, holds the same bytes."""
    for version in (A, B, C):
        for path in COPIES.values():
            file = f"{version}/{path.format(version)}"
            assert archive.history(file) == [f"Publish privacy notice {version}"], file
    for path in COPIES.values():
        file = f"{C}/{path.format(C)}"
        assert archive.blob(f"gh-pages-upcoming:{file}") == archive.blob(f"gh-pages:{file}")


@pytest.mark.parametrize(
    ("path", "version", "lang"),
    [
        (f"{A}/lagring/", A, "sv"),
        ("latest/en/", B, "en"),
        (f"{C}/en/kontakt/", C, "en"),
        # A host serves the archive root's 404 page, the version in force's, for any address.
        ("latest/en/finns-inte/", B, "sv"),
    ],
)
def test_every_page_links_its_versions_copy(archive, path: str, version: str, lang: str) -> None:
    url = archive.server.url + path
    try:
        page = urllib.request.urlopen(url).read()
    except urllib.error.HTTPError as error:  # the 404 page
        page = error.read()
    links = BeautifulSoup(page, "html.parser").select(".md-footer a[type='application/pdf']")
    assert [link.get_text() for link in links] == [ARCHIVAL_LINK[lang]]
    with urllib.request.urlopen(urllib.parse.urljoin(url, links[0]["href"])) as response:
        assert response.headers["Content-Type"] == "application/pdf"
        copy = archive.blob(f"gh-pages:{version}/{COPIES[lang].format(version)}")
        assert response.read() == copy


ARCHIVAL_LINK = {
    "sv": "Hela meddelandet som PDF för arkivering (PDF/A)",
    "en": "The whole notice as a PDF for archiving (PDF/A)",
}


@pytest.mark.parametrize(("lang", "prefix"), [("sv", ""), ("en", "en/")])
def test_the_versions_page_links_the_copy_of_its_version(archive, lang: str, prefix: str) -> None:
    url = f"{archive.server.url}latest/{prefix}versioner/"
    soup_ = BeautifulSoup(urllib.request.urlopen(url).read(), "html.parser")
    links = soup_.select(".seom-history a[type='application/pdf']")
    assert len(links) == 1
    entry = links[0].find_parent("li").find_parent("li")
    assert entry.h2["id"] == f"version-{B}"  # the version in force: this page's own
    effective = dates.long_date(dt.date.fromisoformat(B), lang)
    assert " ".join(links[0].get_text().split()) == f"{ARCHIVAL_LINK[lang]} {effective}"
    with urllib.request.urlopen(urllib.parse.urljoin(url, links[0]["href"])) as response:
        assert response.read() == archive.blob(f"gh-pages:{B}/{COPIES[lang].format(B)}")
