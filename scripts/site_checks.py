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

import json
import os
import posixpath
import shutil
import threading
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

# The alias of the version in force, whose folder the pages' absolute links name (mike's
# canonical_version, mkdocs.archive.yml): the browser check serves the version there.
ALIAS = "latest"
# Files at the archive's root that pages link to (`make publish` writes them).
ARCHIVE_ROOT_FILES = {"notice.json", "versions.json", "feed.xml", "tillganglighet/"}
# What an element asks the browser to fetch, where it is not a link to follow.
FETCHED = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href",),
    "use": ("href",),
}
LINK_FETCHED = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest"}
LINK_FETCHED |= {"preconnect", "dns-prefetch", "prerender", "apple-touch-icon"}
LANGUAGE_NAMES = {"sv": "svenska", "en": "engelska"}


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
    root = urlsplit(site_url).path or "/"
    site = Site(
        site_dir, languages, frozenset({*published, version}), root.rstrip("/") + "/", sources
    )
    result = Result()
    files = sorted(site_dir.rglob("*.html"))
    result.pages = len(files)
    for file in files:
        page = file.relative_to(site_dir).as_posix()
        result.problems += page_problems(page, file.read_text(encoding="utf-8"), site)
    if browser:
        browse(site, result)
    return result


# Every page, read as files


def page_problems(page: str, text: str, site: Site) -> list[str]:
    soup = BeautifulSoup(text, "html.parser")
    name = describe(page, site.languages, site.sources)
    problems = []
    locale = language_of(page, site.languages)
    html = soup.find("html")
    if html is None or html.get("lang") != locale:
        problems.append(
            f"{name}: sidan anger inte sitt språk ({locale}) i <html lang>. Skärmläsare läser "
            "den då med fel uttal. Be en utvecklare om hjälp: det är motorns fel, inte textens."
        )
    if not policy_first(soup.find("head")):
        problems.append(
            f"{name}: sidans säkerhetspolicy (Content-Security-Policy) står inte först i "
            "<head>. Be en utvecklare om hjälp: det är motorns fel, inte textens."
        )
    for element in soup.find_all(True):
        for url in fetched_urls(element):
            if foreign(url):
                problems.append(
                    f"{name}: sidan hämtar '{url}' från en annan webbplats (<{element.name}>). "
                    "Webbplatsen hämtar ingenting från andra värdar: lägg filen i docs/."
                )
        href = element.get("href") if element.name == "a" else None
        if href and not resolves(page, href, site):
            problems.append(
                f"{name}: länken '{href}' leder till en sida som inte finns i webbplatsen. "
                "Rätta länken i texten (sidor länkas med sitt svenska filnamn, till exempel "
                "klagomal.md)."
            )
    return problems


CSP = "Content-Security-Policy"


def policy_first(head) -> bool:
    """The policy comes before anything in <head> that loads or runs (after the charset)."""
    for element in head.find_all(True, recursive=False) if head else []:
        if element.name == "meta" and (element.get("http-equiv") or "").lower() == CSP.lower():
            return True
        if not (element.name == "meta" and element.get("charset")):
            return False
    return False


def fetched_urls(element) -> list[str]:
    names = FETCHED.get(element.name, ())
    if element.name == "link" and LINK_FETCHED & set(element.get("rel") or []):
        names = ("href",)
    urls = []
    for name in names:
        value = element.get(name)
        if not value:
            continue
        if name == "srcset":
            urls += [part.split()[0] for part in value.split(",") if part.split()]
        else:
            urls.append(value.strip())
    return urls


def foreign(url: str) -> bool:
    """A URL another host answers: one with a scheme (but data:) or starting with // (or /\\,
    which a browser reads the same way), after what browsers strip from a URL."""
    url = browser_url(url)
    parts = urlsplit(url)
    return url.startswith("//") or (bool(parts.scheme) and parts.scheme.lower() != "data")


def browser_url(url: str) -> str:
    """A URL as the WHATWG URL parser starts reading it: leading and trailing spaces and
    control characters off, tabs and newlines dropped, backslashes read as slashes."""
    url = url.strip("".join(chr(c) for c in range(0x21)))
    return url.replace("\t", "").replace("\n", "").replace("\r", "").replace("\\", "/")


def resolves(page: str, href: str, site: Site) -> bool:
    """A link of ``page`` (relative to the version's folder) leads somewhere this build or the
    archive around it has. Links to other hosts and addresses are not this check's."""
    parts = urlsplit(href)
    if parts.scheme or href.startswith(("//", "#")) or not parts.path:
        return True
    path = unquote(parts.path)
    if path.startswith("/"):  # an error page's links: absolute, from the archive's root
        if not (path + "/").startswith(site.root):
            return False
        in_archive = normal(path[len(site.root) :])
    else:
        target = normal(posixpath.join(posixpath.dirname(page), path))
        if not target.startswith("../"):
            return exists(site.site_dir, target)
        in_archive = normal(target[len("../") :])
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


OTHER_KINDS = ["hela-meddelandet/", "kontakt/", "versioner/", "andringar/", "tillganglighet/"]
OTHER_KINDS += ["tack/"]


def browse(site: Site, result: Result) -> None:
    executable = chromium()
    if executable is None:
        result.skipped = (
            "Chromium saknas på den här datorn, så sidorna öppnades inte i en webbläsare "
            "(installera chromium eller sätt CHROMIUM_PATH)."
        )
        return
    import axe_playwright_python
    from playwright.sync_api import sync_playwright

    axe = (Path(axe_playwright_python.__file__).with_name("axe.min.js")).read_text("utf-8")
    with Archive(site) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            for page in page_types(site):
                result.problems += browse_page(browser, server, page, axe, site)
                result.browsed += 1
        finally:
            browser.close()


def browse_page(browser, server: Archive, page: str, axe: str, site: Site) -> list[str]:
    context = browser.new_context()
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    name = describe(page, site.languages, site.sources)
    if page.endswith(NOT_FOUND):
        name = f"Sidan som visas när en adress inte finns (404, {name.rsplit('(', 1)[1]}"
    try:
        tab.goto(server.url + page)
        tab.wait_for_load_state("networkidle")
        tab.evaluate(axe)
        found = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")[
            "violations"
        ]
        cookies = context.cookies()
    finally:
        context.close()
    problems = [
        f"{name}: axe-core hittar ett tillgänglighetsfel, {v['id']} ({v['help']}) i "
        f"{', '.join(n['target'][0] for n in v['nodes'][:3])}. {AXE_HELP.get(v['id'], AXE_ELSE)}"
        for v in found
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
