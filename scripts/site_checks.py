"""What holds for every valid notice, checked on its real build: the gate's site-wide promises.

`make check` (scripts/review.py) builds the branch's version as `make publish` would, then asks
of that build what the engine promises whatever the notice says:

- every page declares its language and carries its Content-Security-Policy first in <head>;
- no page asks another host for anything (scripts, styles, images, fonts, frames), and no
  page sets a cookie;
- every link between pages leads to a page or file of the build, or of the archive around it;
- axe-core finds nothing on each kind of page, in every language, in Chromium.

The engine's own tests prove the same things on example notices; here they are proven on the
notice itself, so that an edit that breaks one (an image without a description, say) stops
the pull request. Messages are Swedish: the editors act on them.
"""

from __future__ import annotations

import asyncio
import json
import os
import posixpath
import re
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import ada_url
from selectolax.lexbor import LexborHTMLParser, LexborNode

from notice import shortcodes

# ALIAS: the alias of the version in force, whose folder the pages' absolute links name (mike's
# canonical_version, mkdocs.archive.yml): the browser check serves the version there.
from notice.archive import ALIAS
from notice.languages import LANGUAGE_NAMES

# Files at the archive's root that pages link to (`make publish` writes them).
ARCHIVE_ROOT_FILES = {"notice.json", "versions.json", "feed.xml", "tillganglighet/"}
# What an element asks the browser to fetch without a click, where it is not a link to follow
# (an SVG element's tag lowercased; href on a <script> is an SVG script's).
FETCHED = {
    "script": ("src", "href", "xlink:href"),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
    **{tag: ("background",) for tag in ("body", "table", "thead", "tbody", "tfoot", "tr")},
    **{tag: ("background",) for tag in ("td", "th")},
}
# The link types that fetch nothing by themselves; a <link> with any other asks for its href.
LINK_NAVIGATION = {"alternate", "author", "bookmark", "canonical", "edit", "external", "help"}
LINK_NAVIGATION |= {"license", "next", "prev", "search", "tag", "nofollow", "noopener"}
LINK_NAVIGATION |= {"noreferrer", "opener", "me", "privacy-policy", "terms-of-service"}
LINK_NAVIGATION |= {"first", "last", "up", "index", "start", "contents", "home", "shortlink"}
LINK_NAVIGATION |= {"pingback", "webmention"}
SRCSETS = {"srcset", "imagesrcset"}
# Attributes whose value CSS reads: a url() in them is fetched (SVG's presentation attributes).
CSS_ATTRIBUTES = {"style", "fill", "stroke", "filter", "clip-path", "mask", "cursor"}
CSS_ATTRIBUTES |= {"marker-start", "marker-mid", "marker-end"}
# The site's address where site_url gives none (an unset site_url): any other host is another.
SOMEWHERE = "https://notice.invalid/"


@dataclass
class Result:
    problems: list[str] = field(default_factory=list)
    pages: int = 0  # HTML pages read
    browsed: int = 0  # pages opened in Chromium
    skipped: str = ""  # why the browser part did not run


@dataclass(frozen=True)
class Site:
    """A version built as mike deploys it, and the archive around it."""

    site_dir: Path  # the version's folder, built
    languages: list[str]  # the default first
    versions: frozenset[str]  # the folders beside it: the published versions and this one
    root: str  # the archive's path on its host, from site_url: "/" or "/integritet/"
    sources: dict[str, str]  # page: the file in docs/ it is made from
    origin: str = SOMEWHERE.rstrip("/")  # the archive's scheme, host and port, from site_url

    def page_url(self, page: str) -> str:
        """The address of ``page`` (relative to the version's folder) as the version in force:
        in the folder ``latest/`` under the archive's path."""
        url = ada_url.URL(self.origin)
        url.pathname = f"{self.root}{ALIAS}/{page}"
        return url.href


def check(
    site_dir: Path,
    languages: list[str],
    version: str,
    published: list[str],
    sources: dict[str, str],
    *,
    site_url: str,
    browser: bool,
) -> Result:
    """The promises, on the version built into ``site_dir`` (mike's folder for ``version``).
    ``sources``: each page of the notice's text and the file it is made from ({"lagring/":
    "docs/lagring.md", ...}): the browser opens each of them, and messages name the file;
    ``site_url``: mkdocs.yml's, whose path is the archive's on its host."""
    archive = archive_url(site_url)
    root = archive.pathname.rstrip("/") + "/"
    versions = frozenset({*published, version})
    site = Site(site_dir, languages, versions, root, sources, archive.origin)
    result = Result()
    files = sorted(site_dir.rglob("*.html"))
    result.pages = len(files)
    for file in files:
        page = file.relative_to(site_dir).as_posix()
        result.problems += page_problems(page, file.read_text(encoding="utf-8"), site)
    if browser:
        browse(site, result)
    return result


def archive_url(site_url: str) -> ada_url.URL:
    """``site_url`` as a browser reads it; unset ("/") or unreadable, the root of a host that
    is no other site's."""
    try:
        return ada_url.URL(site_url, SOMEWHERE)
    except ValueError:
        return ada_url.URL(SOMEWHERE)


# Every page, read as files: HTML as a browser parses it (the HTML standard's algorithm, Lexbor),
# URLs as a browser reads them (the WHATWG URL standard's parser, Ada), relative to the page's
# address in the archive.


def page_problems(page: str, text: str, site: Site) -> list[str]:
    tree = LexborHTMLParser(text)
    name = describe(page, site.languages, site.sources)
    problems = []
    locale = language_of(page, site.languages)
    html = tree.root
    if html is None or html.attributes.get("lang") != locale:
        problems.append(
            f"{name}: sidan anger inte sitt språk ({locale}) i <html lang>. Skärmläsare läser "
            "den då med fel uttal. Be en utvecklare om hjälp: det är motorns fel, inte textens."
        )
    if not policy_first(tree.head):
        problems.append(
            f"{name}: sidans säkerhetspolicy (Content-Security-Policy) står inte först i "
            "<head>. Be en utvecklare om hjälp: det är motorns fel, inte textens."
        )
    base = document_base(tree, site.page_url(page))
    for element in tree.css("*"):
        for url in fetched_urls(element):
            if foreign(url, base, site.origin):
                problems.append(
                    f"{name}: sidan hämtar '{url}' från en annan webbplats (<{element.tag}>). "
                    "Webbplatsen hämtar ingenting från andra värdar: lägg filen i docs/."
                )
        href = element.attributes.get("href") if element.tag == "a" else None
        if href and not resolves(page, href, site, base):
            problems.append(
                f"{name}: länken '{href}' leder till en sida som inte finns i webbplatsen. "
                "Rätta länken i texten (sidor länkas med sitt svenska filnamn, till exempel "
                "klagomal.md)."
            )
    return problems


CSP = "Content-Security-Policy"


def policy_first(head: LexborNode | None) -> bool:
    """The policy comes before anything in <head> that loads or runs (after the charset)."""
    for element in head.iter() if head else []:
        if element.tag.startswith("-"):  # a comment
            continue
        attributes = element.attributes
        if element.tag == "meta" and (attributes.get("http-equiv") or "").lower() == CSP.lower():
            return True
        if not (element.tag == "meta" and attributes.get("charset")):
            return False
    return False


def document_base(tree: LexborHTMLParser, page_url: str) -> str:
    """What a browser reads the page's relative URLs against: its address, or its first <base
    href> (read against the address) where that is a URL but not data: or javascript:."""
    element = tree.css_first("base[href]")
    if element is None:
        return page_url
    try:
        base = ada_url.URL(element.attributes.get("href") or "", page_url)
    except ValueError:
        return page_url
    return page_url if base.protocol in ("data:", "javascript:") else base.href


def fetched_urls(element: LexborNode, depth: int = 0) -> list[str]:
    """The URLs ``element`` asks the browser to fetch as the page loads, as written: its
    resources, each candidate of a srcset, the URL of a refresh, url()s of the CSS it holds,
    and those of an iframe's srcdoc document (whose base is the page's)."""
    tag = element.tag.lower()
    attributes = element.attributes
    names = FETCHED.get(tag, ())
    if tag == "link" and set(tokens(attributes.get("rel"))) - LINK_NAVIGATION:
        names = ("href", "imagesrcset")
    urls = []
    for name in names:
        value = attributes.get(name) or ""
        urls += srcset_urls(value) if name in SRCSETS else [value]
    if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
        urls.append(refresh_url(attributes.get("content") or "") or "")
    for name in CSS_ATTRIBUTES & attributes.keys():
        urls += css_urls(attributes[name] or "")
    if tag == "style":
        urls += css_urls(element.text(deep=True))
    srcdoc = attributes.get("srcdoc") if tag == "iframe" else None
    if srcdoc and depth < SRCDOC_DEPTH:
        inner = LexborHTMLParser(srcdoc).css("*")
        urls += [url for node in inner for url in fetched_urls(node, depth + 1)]
    return [url.strip() for url in urls if url.strip()]


SRCDOC_DEPTH = 3  # a srcdoc in a srcdoc...: each level is read again, so a few at most
WHITESPACE = "\t\n\f\r "  # the HTML standard's ASCII whitespace


def tokens(value: str | None) -> list[str]:
    """A set of space-separated tokens (rel), as the HTML standard splits and compares it."""
    return (value or "").lower().split()


def srcset_urls(value: str) -> list[str]:
    """The URL of each candidate of a srcset, split as the HTML standard splits it: a URL runs
    to whitespace (commas at its end are not its), its descriptors to a comma outside
    parentheses ("a.png 1x, data:image/png;base64,AAA 2x")."""
    urls = []
    position, end = 0, len(value)
    while True:
        while position < end and value[position] in WHITESPACE + ",":
            position += 1
        if position >= end:
            return urls
        start = position
        while position < end and value[position] not in WHITESPACE:
            position += 1
        url = value[start:position]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            position = descriptors_end(value, position)
        urls.append(url)


def descriptors_end(value: str, position: int) -> int:
    """Where a candidate's descriptors end: after the first comma outside parentheses."""
    in_parentheses = False
    for index in range(position, len(value)):
        character = value[index]
        if in_parentheses:
            in_parentheses = character != ")"
        elif character == ",":
            return index + 1
        elif character == "(":
            in_parentheses = True
    return len(value)


def refresh_url(content: str) -> str | None:
    """Where a <meta http-equiv="refresh"> sends the browser, read as the HTML standard reads
    its content ("0; url='latest/'"): None when it names no URL (the page itself) or is not a
    refresh at all."""
    found = REFRESH.match(content)
    rest = found["rest"] if found else None
    if not rest:
        return None
    if rest[0] in "Uu":
        named = URL_EQUALS.match(rest)
        if named is None:
            return rest
        rest = rest[named.end() :]
    if rest[:1] in ("'", '"'):
        rest = rest[1:].split(rest[0], 1)[0]
    return rest


# The time (digits, or a dot first), then where the URL starts: after whitespace, ";" or ",".
REFRESH = re.compile(
    r"[\t\n\f\r ]*(?:[0-9]|(?=\.))[0-9.]*(?:$|(?=[;,\t\n\f\r ])[\t\n\f\r ]*[;,]?"
    r"[\t\n\f\r ]*(?P<rest>.*))",
    re.DOTALL,
)
URL_EQUALS = re.compile(r"[Uu][Rr][Ll][\t\n\f\r ]*=[\t\n\f\r ]*")


def css_urls(css: str) -> list[str]:
    """The URLs a style sheet or a style attribute asks for: url() and src(), the strings of
    an image-set() and an @import, after comments and escapes ("u\\72l(") are read."""
    text = CSS_ESCAPE.sub(css_unescape, CSS_COMMENT.sub("", css))
    urls = [next(filter(None, found.groups()), "") for found in CSS_URL.finditer(text)]
    urls += [next(filter(None, found.groups()), "") for found in CSS_IMPORT.finditer(text)]
    for image_set in CSS_IMAGE_SET.finditer(text):
        strings = CSS_STRING.finditer(image_set[1])
        urls += [next(filter(None, found.groups()), "") for found in strings]
    return urls


def css_unescape(escape: re.Match[str]) -> str:
    if escape[1] is None:
        return escape[2]
    code = int(escape[1], 16)
    return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.DOTALL)  # one left open runs to the end
CSS_ESCAPE = re.compile(r"\\(?:([0-9A-Fa-f]{1,6})[\t\n\f\r ]?|(.))", re.DOTALL)
CSS_STRING = re.compile(r"\"([^\"]*)\"|'([^']*)'")
CSS_URL = re.compile(r"(?:url|src)\(\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\s\"']*))", re.IGNORECASE)
CSS_IMPORT = re.compile(r"@import\s*(?:\"([^\"]*)\"|'([^']*)')", re.IGNORECASE)
CSS_IMAGE_SET = re.compile(r"image-set\(((?:\"[^\"]*\"|'[^']*'|\([^)]*\)|[^)\"'(])*)", re.I)


def foreign(url: str, base: str = SOMEWHERE, origin: str | None = None) -> bool:
    """A URL another host answers, read as a browser reads it relative to ``base`` (the
    page's address): one whose origin is not ``origin`` (the site's; by default the base's),
    but a data: URL, which asks no one. One a browser cannot read at all counts as foreign:
    nothing says it is the site's."""
    try:
        read = ada_url.URL(url, base)
    except ValueError:
        return True
    return read.protocol != "data:" and read.origin != (origin or ada_url.URL(base).origin)


def resolves(page: str, href: str, site: Site, base: str | None = None) -> bool:
    """A link of ``page`` (relative to the version's folder) leads somewhere this build or the
    archive around it has, read as a browser reads it relative to ``base`` (the page's
    address, or its <base>). Links to other hosts and addresses are not this check's."""
    address = site.page_url(page)
    try:
        url = ada_url.URL(href, base or address)
    except ValueError:  # nothing a browser would follow
        return True
    path = url.pathname
    if url.origin != site.origin or path == ada_url.URL(address).pathname:  # or this page
        return True
    if not (path + "/").startswith(site.root):
        return False
    in_archive = normal(unquote(path[len(site.root) :]))
    if in_archive in ARCHIVE_ROOT_FILES or in_archive.removeprefix("en/") in ARCHIVE_ROOT_FILES:
        return True
    folder, _, inside = in_archive.partition("/")
    if folder in site.versions or folder == ALIAS:
        return exists(site.site_dir, inside)  # another version: its pages are this one's
    return False


def normal(path: str) -> str:
    """A relative path without . and .. where they can go; a folder ends with /, the root is ""."""
    folder = path.endswith(("/", "/.", "/..")) or path in (".", "..", "")
    clean = posixpath.normpath(path) if path else "."
    if clean == ".":
        return ""
    return clean + "/" if folder else clean


def exists(site_dir: Path, target: str) -> bool:
    path = site_dir / target
    if target.endswith("/") or target == "" or path.is_dir():
        return (path / "index.html").is_file()
    return path.is_file()


def language_of(page: str, languages: list[str]) -> str:
    first = page.split("/", 1)[0]
    return first if first in languages[1:] else languages[0]


def describe(page: str, languages: list[str], sources: dict[str, str] | None = None) -> str:
    """ "Sidan en/lagring/ (engelska, docs/lagring.en.md)": a page as the editors find it."""
    url = page.removesuffix("index.html")
    locale = LANGUAGE_NAMES.get(language_of(page, languages), "")
    source = (sources or {}).get(url)
    return f"Sidan {url or './'} ({locale}{f', {source}' if source else ''})"


# Each kind of page, in Chromium


NOT_FOUND = "sidan-finns-inte/"  # an address that is no page: the host answers with 404.html


def page_types(site: Site) -> list[str]:
    """The pages of the notice's text (the start page and every section), one of each other
    kind (the whole notice, contact, versions, what changed, the accessibility statement,
    thanks) and not found, in every language."""
    pages = [page for page in site.sources if exists(site.site_dir, page)]
    for locale in site.languages:
        prefix = "" if locale == site.languages[0] else f"{locale}/"
        pages += [prefix + kind for kind in OTHER_KINDS if exists(site.site_dir, prefix + kind)]
        pages.append(prefix + NOT_FOUND)
    return sorted(set(pages), key=pages.index)


# One page of every other kind: the shortcodes' pages, and the form's thank-you page.
OTHER_KINDS = [f"{shortcodes.page(name)}/" for name in ("full", "contact-form", "history")]
OTHER_KINDS += [f"{page}/" for page in (shortcodes.CHANGES_PAGE, shortcodes.STATEMENT_PAGE)]
OTHER_KINDS += ["tack/"]


# Tabs open at once in the browser: a page spends much of its time waiting (for the network
# to stay idle, for axe-core), so a few at a time keep two cores busy.
TABS = 4


def browse(site: Site, result: Result) -> None:
    executable = chromium()
    if executable is None:
        result.skipped = (
            "Chromium saknas på den här datorn, så sidorna öppnades inte i en webbläsare "
            "(installera chromium eller sätt CHROMIUM_PATH)."
        )
        return
    import axe_playwright_python

    axe = (Path(axe_playwright_python.__file__).with_name("axe.min.js")).read_text("utf-8")
    pages = page_types(site)
    with Archive(site) as server, ThreadPoolExecutor(1) as thread:
        # In a thread of its own: the caller may be running an event loop already (as
        # Playwright's sync API does), where asyncio.run() refuses to start another.
        found = thread.submit(asyncio.run, _browse_pages(executable, server, pages, axe, site))
        found = found.result()
    for problems in found:  # in the pages' order, however they finished
        result.problems += problems
        result.browsed += 1


async def _browse_pages(
    executable: str, server: Archive, pages: list[str], axe: str, site: Site
) -> list[list[str]]:
    from playwright.async_api import async_playwright

    waiting = list(pages)
    found: dict[str, list[str]] = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            context = await browser.new_context()

            async def one_tab() -> None:
                # A tab opens page after page: a new context or tab for each costs Chromium
                # more than the page itself (a renderer, a profile). What one page leaves behind
                # (cookies, storage) is cleared before the next, and nothing comes from a
                # cache an earlier page filled: each page asks for everything it needs.
                tab = await context.new_page()
                devtools = await context.new_cdp_session(tab)
                await devtools.send("Network.enable")
                await devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
                while waiting:
                    page = waiting.pop(0)
                    try:
                        found[page] = await browse_page(tab, server, page, axe, site)
                    finally:
                        await tab.goto("about:blank")
                        await devtools.send(  # every kind of storage, cookies among them
                            "Storage.clearDataForOrigin",
                            {"origin": server.origin, "storageTypes": "all"},
                        )

            await asyncio.gather(*(one_tab() for _ in range(min(TABS, len(pages)))))
        finally:
            await browser.close()
    return [found[page] for page in pages]


async def browse_page(tab, server: Archive, page: str, axe: str, site: Site) -> list[str]:
    """What is wrong with ``page`` in Chromium's ``tab`` (a Playwright page): what axe-core
    finds, requests to another host, cookies."""
    requests: list[str] = []

    def asked(request) -> None:
        requests.append(request.url)

    tab.on("request", asked)
    name = describe(page, site.languages, site.sources)
    if page.endswith(NOT_FOUND):
        name = f"Sidan som visas när en adress inte finns (404, {name.rsplit('(', 1)[1]}"
    try:
        await tab.goto(server.url + page)
        await tab.wait_for_load_state("networkidle")
        await tab.evaluate(axe)
        found = await tab.evaluate(
            "async () => await axe.run(document, {resultTypes: ['violations']})"
        )
        cookies = await tab.context.cookies()
    finally:
        tab.remove_listener("request", asked)
    problems = [
        f"{name}: axe-core hittar ett tillgänglighetsfel, {v['id']} ({v['help']}) i "
        f"{', '.join(n['target'][0] for n in v['nodes'][:3])}. {AXE_HELP.get(v['id'], AXE_ELSE)}"
        for v in found["violations"]
    ]
    problems += [
        f"{name}: sidan frågar en annan värd: {url}. Webbplatsen får inte fråga andra värdar."
        for url in requests
        if not url.startswith(server.origin + "/") and not url.startswith(("data:", "blob:"))
    ]
    if cookies:
        problems.append(f"{name}: sidan sätter kakor ({len(cookies)}). Webbplatsen sätter inga.")
    return problems


# What to do about what axe-core finds that the text can cause; the rest is the engine's.
AXE_HELP = {
    "image-alt": "En bild saknar beskrivning: skriv vad bilden visar inom hakparenteserna, "
    "till exempel ![SEOM:s logotyp](bilder/logotyp.png).",
    "link-name": "En länk saknar text: skriv länktexten inom hakparenteserna, "
    "till exempel [klagomål](klagomal.md).",
    "empty-heading": "En rubrik är tom: skriv rubrikens text efter fyrkanterna (#).",
    "duplicate-id": "Två delar av sidan har samma namn efter #: ge dem olika namn.",
    "heading-order": "Rubrikerna hoppar över en nivå: ta dem ett steg i taget (#, ##, ###).",
}
AXE_ELSE = "Är det inget i texten som orsakar det, be en utvecklare om hjälp: det är motorns fel."


def chromium() -> str | None:
    """Chromium: CHROMIUM_PATH, else the system's, else Playwright's own where it was installed
    (`python -m playwright install chromium`). The tests find theirs here too."""
    candidates = [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")]
    candidates += [shutil.which("google-chrome")]
    found = next((c for c in candidates if c and Path(c).is_file()), None)
    if found:
        return found
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            own = p.chromium.executable_path
        return own if own and Path(own).is_file() else None
    except Exception:
        return None


# As root and without a network beyond 127.0.0.1: no sandbox, no background requests.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class Archive:
    """The built version served on 127.0.0.1 as the archive serves the version in force: in
    the folder ``latest/`` under the archive's path, beside the root files its pages ask for
    (a versions.json and notice.json that name it alone), with each language's 404 page."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.folder = f"{site.root}{ALIAS}/"
        version = max(site.versions)
        self.files = {
            f"{site.root}versions.json": json.dumps(
                [{"version": version, "title": version, "aliases": [ALIAS]}]
            ),
            f"{site.root}notice.json": json.dumps({"in_force": version, "upcoming": None}),
        }
        self.httpd = _Server(("127.0.0.1", 0), partial(_Handler, archive=self))
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.url = self.origin + self.folder

    def __enter__(self) -> Archive:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a browser that drops a connection it no longer needs


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args, archive: Archive, **kwargs) -> None:
        self.archive = archive
        super().__init__(*args, directory=str(archive.site.site_dir), **kwargs)

    def do_GET(self) -> None:
        body = self.archive.files.get(urlsplit(self.path).path)
        if body is None:
            return super().do_GET()
        self.reply(200, "application/json", body.encode())

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(self.archive.folder):
            return str(self.archive.site.site_dir / "__outside__")
        return super().translate_path("/" + path[len(self.archive.folder) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        if code != 404:
            return super().send_error(code, message, explain)
        site = self.archive.site
        language = urlsplit(self.path).path.removeprefix(self.archive.folder).split("/", 1)[0]
        page = site.site_dir / language / "404.html"
        if language not in site.languages[1:] or not page.is_file():
            page = site.site_dir / "404.html"
        self.reply(404, "text/html; charset=utf-8", page.read_bytes())

    def reply(self, code: int, kind: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass
