"""The Content-Security-Policy: its text, its place on every page, the `_headers` files, and
Chromium reporting no violation on any page of the published archive while readers use it.

The browser side listens for `securitypolicyviolation` from before any script of a page runs
(an init script of the context) and reads every console message, on every page it opens.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from selectolax.lexbor import LexborHTMLParser

from archives import ALL_PAGES, FORM_ACTION, A, Archive, B, add_version_b, new_archive, serve
from conftest import (
    ROOT,
    TODAY,
    FormEndpoint,
    SiteServer,
    build,
    copy_project,
    switch_language,
)
from notice import csp, page_scripts, urls
from site_server import PrefixHandler

# The policy without a form endpoint or inline scripts.
BASE = (
    "default-src 'self'; script-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)
NO_FORM = {"action": "", "mailto": ""}


# The policy's text


def test_the_policy_without_a_form_endpoint_or_inline_scripts() -> None:
    assert csp.policy(NO_FORM) == BASE


@pytest.mark.parametrize(
    ("settings", "form_action"),
    [
        ({"action": "https://forms.example.org/requests", "mailto": ""},
         "form-action 'self' https://forms.example.org/requests"),
        ({"action": "https://Forms.Example.org:8443/", "mailto": ""},
         "form-action 'self' https://forms.example.org:8443/"),
        ({"action": "https://forms.example.org", "mailto": ""},
         "form-action 'self' https://forms.example.org/"),
        # A path on the site is the site itself.
        ({"action": "/api/dataskydd", "mailto": ""}, "form-action 'self'"),
        ({"action": "", "mailto": "integritet@example.org"}, "form-action 'self' mailto:"),
        ({"action": "https://forms.example.org/r", "mailto": "integritet@example.org"},
         "form-action 'self' https://forms.example.org/r mailto:"),
        ({"action": "http://127.0.0.1:8123/requests", "mailto": ""},
         "form-action 'self' http://127.0.0.1:8123/requests"),
    ],
)  # fmt: skip
def test_form_action_allows_the_configured_endpoint(settings: dict, form_action: str) -> None:
    text = csp.policy(settings)
    assert text.split("; ")[-1] == form_action
    assert text.startswith(BASE.rsplit("; ", 1)[0] + "; ")


def test_an_endpoint_cannot_end_the_directive_or_the_attribute() -> None:
    # A valid setting (notice/form.py) may hold what ends a directive (";"), a policy (",") or
    # an HTML attribute; the query is never part of a source.
    hostile = 'https://forms.example.org/a;b,c"d<e>f?script-src=*'
    text = csp.policy({"action": hostile, "mailto": ""})
    assert text.endswith("; form-action 'self' https://forms.example.org/a%3Bb%2Cc%22d%3Ce%3Ef")
    assert text.count(";") == BASE.count(";")
    assert not set('",<>') & set(text)


def directives(policy: str) -> list[str]:
    """The names of a policy's directives, as a browser splits it (CSP3, 'parse a serialized
    CSP'), its list of policies (a header's ",") flattened."""
    names = []
    for one in policy.split(","):
        for directive in one.split(";"):
            words = directive.strip(" \t\n\f\r").split()
            if words:
                names.append(words[0].lower())
    return names


@pytest.mark.parametrize(
    "action",
    [
        # The URL standard lets a host hold ";" and ",", which end a directive and a policy;
        # a source's host is letters, digits, "-" and dots only.
        "https://forms.example.org;sandbox/requests",
        "https://forms.example.org,report-uri/requests",
        "https://forms.example.org'/requests",
        # Nor can a source name an IPv6 address, or carry a user name.
        "https://[::1]/requests",
        "https://user@forms.example.org/requests",
    ],
)
def test_an_endpoint_that_cannot_be_a_source_is_refused_not_written(action: str) -> None:
    with pytest.raises(ValueError, match="cannot be named in the Content-Security-Policy") as e:
        csp.policy({"action": action, "mailto": ""}, header=True)
    assert repr(action) in str(e.value)


def test_the_endpoint_adds_one_source_and_no_directive() -> None:
    text = csp.policy({"action": "https://Forms.EXAMPLE.org:8443/a;b,c", "mailto": ""})
    assert directives(text) == list(csp.DIRECTIVES)
    assert text.endswith("; form-action 'self' https://forms.example.org:8443/a%3Bb%2Cc")


def test_the_roots_headers_copy_only_the_form_sources_a_policy_writes() -> None:
    """The archive root's _headers allows where earlier versions' forms post, read from their
    folders' _headers: only sources that form_sources() writes, never anything else there."""
    settings = {"action": "https://forms.example.org/r", "mailto": "integritet@example.org"}
    written = csp.headers_file(csp.policy(settings, header=True))
    assert csp.form_sources_in(written) == {"https://forms.example.org/r", "mailto:"}
    other = (
        "/*\n  Content-Security-Policy: default-src 'self'; form-action 'self' "
        "https://a.example.org/x https://B.example.org/ 'unsafe-inline' * data: "
        "https://c.example.org;sandbox/; frame-ancestors 'none'\n"
    )
    assert csp.form_sources_in(other) == {"https://a.example.org/x"}
    earlier = csp.form_sources_in(other) | {"https://forms.example.org/r"}
    assert csp.policy(settings, earlier_forms=earlier).endswith(
        "; form-action 'self' https://forms.example.org/r mailto: https://a.example.org/x"
    )


def test_the_meta_elements_escape_what_they_are_given() -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))  # as MkDocs
    meta = env.get_template("partials/security.html").module.meta
    html = str(meta("default-src 'self' \"x\"><script>", 'a"b'))
    parsed = BeautifulSoup(html, "html.parser").find_all("meta")
    assert [m.attrs for m in parsed] == [
        {"http-equiv": "Content-Security-Policy", "content": "default-src 'self' \"x\"><script>"},
        {"name": "referrer", "content": 'a"b'},
    ]
    assert "<script>" not in html


def test_the_policy_goes_first_into_head_after_the_charset() -> None:
    assert csp.insert_meta('<html><head><meta charset="utf-8"><title>', "M") == (
        '<html><head><meta charset="utf-8">\nM<title>'
    )
    assert csp.insert_meta('<html><head lang="sv"><title>', "M") == (
        '<html><head lang="sv">\nM<title>'
    )
    with pytest.raises(ValueError, match="no <head>"):
        csp.insert_meta("<p>", "M")


def test_the_header_policy_adds_what_a_meta_element_cannot_carry() -> None:
    assert csp.policy(NO_FORM, header=True) == BASE + "; frame-ancestors 'none'"


# What a page may run: the site's own script files, nothing else

# A page as the templates write it: a script file in <head>, Material's configuration (data)
# and its bundle at the end of <body>, links in the article.
OURS = (
    "<!DOCTYPE html><html><head><meta charset=utf-8>"
    '<script src="../assets/javascripts/scope.js" data-scope=".." defer></script></head><body>'
    '<article><a href="https://www.imy.se/">IMY</a> <a href="../kontakt/">Kontakt</a></article>'
    '<script id="__config" type="application/json">{"base": ".."}</script>'
    '<script src="../assets/javascripts/bundle.a5f9d56c.min.js" defer></script></body></html>'
)


def with_article(html: str) -> str:
    return OURS.replace("</article>", html + "</article>")


@pytest.mark.parametrize(
    "html",
    [
        OURS,
        # Words and addresses that only look like code.
        with_article('<p title="javascript: en guide">Om javascript:</p>'),
        with_article('<a href="../javascript:intro/">x</a>'),
        with_article('<a href="https://example.org/?q=javascript:alert(1)">x</a>'),
        with_article('<a href="mailto:integritet@seom.se?subject=javascript:">x</a>'),
    ],
)
def test_the_sites_own_scripts_and_links_run_nothing_else(html: str) -> None:
    assert page_scripts.problems(html) == []


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ("<script>alert(1)</script>", ["<script> med koden 'alert(1)'"]),
        ('<script type="module">alert(1)</script>',
         ["<script type='module'> med koden 'alert(1)'"]),
        ('<script type="text/plain">x</script>', ["<script type='text/plain'> med koden 'x'"]),
        # Material's configuration is read from the first: another one is not ours either.
        ('<script id="__config" type="application/json">{}</script>',
         ["<script id='__config' type='application/json'> med koden '{}'"]),
        ('<script src="https://cdn.example.org/x.js"></script>',
         ["<script src='https://cdn.example.org/x.js'>"]),
        ('<script src="../search/search_index.js"></script>',
         ["<script src='../search/search_index.js'>"]),
        # An SVG script runs its text, whatever its src; it loads its href.
        ('<svg><script src="../assets/javascripts/x.js">alert(1)</script></svg>',
         ["<script src='../assets/javascripts/x.js'> med koden 'alert(1)'"]),
        ('<svg><script href="../assets/javascripts/x.js"></script></svg>',
         ["<script href='../assets/javascripts/x.js'>"]),
        ('<img src="x.png" alt="" onerror="alert(1)">', ["attributet onerror i <img>"]),
        ('<svg><circle onLoad="alert(1)"/></svg>', ["attributet onload i <circle>"]),
        # As a browser reads an address: tabs and newlines dropped, controls and spaces around
        # it stripped, character references decoded, any case.
        ('<a href="java&#x09;script:alert(1)">x</a>',
         ["adressen 'java\\tscript:alert(1)' i attributet href i <a>"]),
        ('<a href=" &#1;JaVaScRiPt:alert(1)">x</a>',
         ["adressen ' \\x01JaVaScRiPt:alert(1)' i attributet href i <a>"]),
        ('<form action="javascript:alert(1)"><button formaction="javascript:x">b</button></form>',
         ["adressen 'javascript:alert(1)' i attributet action i <form>",
          "adressen 'javascript:x' i attributet formaction i <button>"]),
        ('<iframe src="javascript:alert(1)"></iframe>',
         ["adressen 'javascript:alert(1)' i attributet src i <iframe>"]),
        ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
         ["adressen 'javascript:alert(1)' i attributet xlink:href i <a>"]),
        ('<svg><animate attributeName="href" values="#;javascript:alert(1)"/></svg>',
         ["adressen '#;javascript:alert(1)' i attributet values i <animate>"]),
    ],
)  # fmt: skip
def test_what_would_run_that_is_not_the_sites_own_is_found(html: str, found: list) -> None:
    assert page_scripts.problems(with_article(html)) == found


def test_a_second_configuration_in_body_is_not_materials() -> None:
    second = '<script id="__config" type="application/json">{"base": "/"}</script>'
    html = OURS.replace("</body>", second + "</body>")
    assert page_scripts.problems(html) == [
        "<script id='__config' type='application/json'> med koden '{\"base\": \"/\"}'"
    ]


STOPPED = (
    "Sidorna får bara köra webbplatsens egna skript, så de här sidorna byggdes inte och "
    "ingenting publiceras. Ta bort det som kör kod ur texten (eller ur mallen eller "
    "inställningen det kommer från):\n"
)


def test_a_script_a_template_adds_stops_the_build_and_its_pages_are_left_out(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project")
    template = project / "overrides" / "404.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(
        text.replace("<h1>", '<script>alert(1)</script><p onclick="alert(2)">x</p><h1>', 1),
        encoding="utf-8",
    )
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 1
    found = (
        ": <script> med koden 'alert(1)' kör kod som inte är webbplatsens egen.\n"
        "  - sidan {0} (overrides/404.html): attributet onclick i <p> kör kod som inte är "
        "webbplatsens egen."
    )
    assert (
        STOPPED
        + "  - sidan 404.html (overrides/404.html)"
        + found.format("404.html")
        + "\n  - sidan en/404.html (overrides/404.html)"
        + found.format("en/404.html")
        + "\n"
    ) in result.stderr
    assert not (site_dir / "404.html").exists() and not (site_dir / "en/404.html").exists()
    assert (site_dir / "index.html").is_file()  # the others are built; the build still fails
    assert not (site_dir / "_headers").exists()


def test_a_link_that_runs_code_stops_the_build_naming_its_file(tmp_path: Path) -> None:
    # An editor's link that the content's own checks (notice/checks.py) may not read as a
    # browser does: the tab is dropped, and it is javascript:.
    project = copy_project(tmp_path / "project")
    with (project / "docs" / "lagring.md").open("a", encoding="utf-8") as f:
        f.write("\n[Läs mer](java&#x09;script:alert(1))\n")
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 1
    assert "docs/lagring.md" in result.stderr and "Traceback" not in result.stderr
    assert not (site_dir / "lagring" / "index.html").exists()


def test_a_root_page_of_the_archive_that_would_run_a_script_is_not_published(
    tmp_path: Path,
) -> None:
    """`make publish` writes the archive's root pages itself, from a template: checked too."""
    arc = new_archive(tmp_path, today="2027-03-15")
    template = arc.repo / "overrides" / "partials" / "archive_root.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("</body>", "<script>alert(1)</script>\n</body>"), "utf-8")
    arc.commit_all("A script on the root pages")
    result = arc.publish()
    assert result.returncode != 0
    assert (
        "make publish: index.html i arkivets rot (overrides/partials/archive_root.html) kör kod "
        "som inte är webbplatsens egen, så ingenting publicerades:\n"
        "  - <script> med koden 'alert(1)'\n"
    ) in result.stderr
    assert arc.local_refs() == {}  # no gh-pages, no tag: nothing moved


# Every page of the plain build and of the archive


def html_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def check_page(file: Path, *, material: bool = True) -> str:
    """Asserts that the page's policy comes first and that it runs only the site's script
    files (``material``: with Material's configuration, data); returns the policy."""
    page = parsed(file)
    head = list(page.head.iter())
    assert [e.tag for e in head[:3]] == ["meta", "meta", "meta"], file
    assert head[0].attributes == {"charset": "utf-8"}, file
    assert head[1].attributes["http-equiv"] == "Content-Security-Policy", file
    assert head[2].attributes == {"name": "referrer", "content": "no-referrer"}, file
    policy = head[1].attributes["content"]
    assert "unsafe-" not in policy and "frame-ancestors" not in policy, file
    # No inline script: every <script> is a file of the site's, but Material's configuration.
    scripts = page.css("script")
    inline = [s.attributes for s in scripts if "src" not in s.attributes]
    assert inline == ([{"id": "__config", "type": "application/json"}] if material else []), file
    for script in scripts:
        src = script.attributes.get("src")
        # Relative; on 404 pages, absolute paths.
        own = r"(?:(?:\.\./)*|/(?:[\w.-]+/)*)assets/javascripts/[\w.]+\.js"
        assert src is None or re.fullmatch(own, src), src
        # Deferred; a module is, without the attribute (state.js).
        deferred = "defer" in script.attributes or script.attributes.get("type") == "module"
        assert src is None or deferred, file
    # Styles come from stylesheets only: no style attribute or element, no event handler.
    assert not page.css("style") and not page.css("[style]"), file
    assert not [e.tag for e in page.css("*") if any(a.startswith("on") for a in e.attributes)]
    return policy


def headers_of(file: Path) -> dict[str, str]:
    lines = file.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*"
    return dict(line.strip().split(": ", 1) for line in lines[1:])


def check_headers(file: Path, form_action: str, hashes: set[str] = frozenset()) -> None:
    headers = headers_of(file)
    policy = BASE.replace("script-src 'self'", " ".join(["script-src 'self'", *sorted(hashes)]))
    policy = policy.replace("form-action 'self'", form_action)
    assert headers == {
        "Content-Security-Policy": policy + "; frame-ancestors 'none'",
        "Referrer-Policy": "no-referrer",
        "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
        "X-Content-Type-Options": "nosniff",
        "Permissions-Policy": csp.HEADERS["Permissions-Policy"],
    }


def test_every_page_of_the_site_carries_the_policy_first(
    site: SiteServer, endpoint: FormEndpoint
) -> None:
    files = html_files(site.site_dir)
    names = {f.relative_to(site.site_dir).as_posix() for f in files}
    assert {"404.html", "en/404.html", "kontakt/index.html", "en/tack/index.html"} <= names
    assert {f"{page}index.html" for page in ALL_PAGES} <= names
    # The same policy on every page: scripts from the site's files, and no inline one.
    form_action = f"form-action 'self' {endpoint.url}"
    assert {check_page(file) for file in files} == {BASE.replace("form-action 'self'", form_action)}
    check_headers(site.site_dir / "_headers", form_action)


def test_every_page_of_the_archive_carries_the_policy_first(two_versions: Archive) -> None:
    served = two_versions.server.site_dir
    files = html_files(served)
    for folder in (A, B, "latest"):
        assert {f"{folder}/{page}index.html" for page in ALL_PAGES} <= {
            f.relative_to(served).as_posix() for f in files
        }
    # The archive's root pages send readers on without any script.
    root_pages = [served / "index.html", served / "tillganglighet/index.html"]
    root_pages.append(served / "en/tillganglighet/index.html")
    assert (served / "404.html") in files and set(root_pages) <= set(files)
    assert FORM_ACTION.startswith("/")  # a path on the site: 'self'
    assert {check_page(f, material=f not in root_pages) for f in files} == {BASE}
    for folder in (A, B, "latest"):
        check_headers(served / folder / "_headers", "form-action 'self'")
    check_headers(served / "_headers", "form-action 'self'")


# Settings land escaped


def parsed(file: Path) -> LexborHTMLParser:
    """A built page as a browser reads it (the HTML standard's parsing algorithm)."""
    return LexborHTMLParser(file.read_text(encoding="utf-8"))


def test_a_site_url_that_could_end_an_attribute_lands_escaped_on_the_404_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Such a site_url stops the build (tests/test_settings.py); were it let through, it would
    still land percent-encoded and escaped. Built in-process, with the check switched off."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    hostile = 'https://example.org/a"><img src=x onerror=alert(1)>/'
    assert urls.site_url_problems(hostile)
    monkeypatch.setattr(urls, "site_url_problems", lambda value: [])
    for name in ("CONTACT_FORM_ACTION", "CONTACT_FORM_MAILTO"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SITE_URL", hostile)
    monkeypatch.setenv("NOTICE_TODAY", TODAY)
    project = copy_project(tmp_path / "project")
    mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    # MkDocs gives error pages site_url's path as base_url, which lands in their links.
    root = "/a%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E/"
    for name, home in (("404.html", root), ("en/404.html", root + "en/")):
        page = parsed(tmp_path / "site" / name)
        assert not page.css("img"), name
        assert not [e.tag for e in page.css("*") if "onerror" in e.attributes], name
        assert page.css_first("article a").attributes["href"] == home, name
        icon = page.css_first("link[rel=icon]").attributes["href"]
        assert icon == root + "assets/favicon.svg", name


@pytest.mark.parametrize(
    ("site_url", "root"),
    [
        ("https://integritet.seom.se/", "/"),
        # Under mike: the version folder, without its trailing slash.
        ("https://integritet.seom.se/latest", "/latest/"),
        ('https://example.org/a"b<c> d/', "/a%22b%3Cc%3E%20d/"),
    ],
)
def test_error_pages_link_the_site_root_as_a_browser_reads_it(site_url: str, root: str) -> None:
    assert urls.error_page_root(site_url) == root


# In Chromium

LISTEN = """
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolation(
  `${e.violatedDirective} blocked ${e.blockedURI || "inline"} in ${e.sourceFile}:` +
  `${e.lineNumber} (${e.sample}) on ${location.href}`
));
"""


@dataclass
class Watched:
    """A fresh context, with every CSP violation and console message its pages report."""

    context: object
    page: object
    violations: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        csp_messages = [m for m in self.console if "Content Security Policy" in m or "CSP" in m]
        errors = [m for m in self.console if m.startswith(("error", "pageerror"))]
        return self.violations + csp_messages + errors

    def open(self, url: str, status: int = 200) -> None:
        response = self.page.goto(url)
        assert response.status == status, url
        self.page.wait_for_load_state("networkidle")

    def open_all(self, urls: list[str]) -> None:
        """Each page until the network is quiet, a few side by side (a quiet network is half
        a second of nothing: one by one, most of the time would be waiting)."""
        tabs = [self.context.new_page() for _ in range(SIDE_BY_SIDE)]
        for start in range(0, len(urls), SIDE_BY_SIDE):
            batch = list(zip(tabs, urls[start : start + SIDE_BY_SIDE], strict=False))
            for tab, url in batch:
                assert tab.goto(url, wait_until="commit").status == 200, url
            for tab, url in batch:
                tab.wait_for_load_state("networkidle")
                # Material's own scripts ran (they failed with `__md_get is not defined` once).
                assert tab.evaluate("typeof __md_get") == "function", url


SIDE_BY_SIDE = 6


@pytest.fixture
def watched(browser) -> Iterator[Watched]:
    context = browser.new_context()
    context.set_default_timeout(10_000)
    tab = Watched(context, context.new_page())
    # Registered before any script of any page runs, in every document the context opens.
    context.expose_function("__cspViolation", lambda text: tab.violations.append(text))
    context.add_init_script(LISTEN)
    context.on("console", lambda m: tab.console.append(f"{m.type}: {m.text} [{m.location['url']}]"))
    context.on("weberror", lambda error: tab.console.append(f"pageerror: {error.error}"))
    yield tab
    context.close()


@pytest.mark.parametrize("folder", [A, B, "latest"])
def test_no_page_of_a_version_violates_the_policy(
    watched: Watched, two_versions: Archive, folder: str
) -> None:
    served = two_versions.server.site_dir / folder
    files = [f.relative_to(served).as_posix() for f in html_files(served)]
    paths = [file.removesuffix("index.html") for file in files]
    assert {"404.html", "en/404.html", "kontakt/", "en/kontakt/", *ALL_PAGES} <= set(paths)
    watched.open_all([f"{two_versions.server.url}{folder}/{path}" for path in paths])
    assert watched.problems() == []


def test_the_root_redirect_and_404_pages_keep_to_the_policy(
    watched: Watched, two_versions: Archive
) -> None:
    url = two_versions.server.url
    watched.open(url)
    watched.page.wait_for_url(url + "latest/")
    for path in ("finns-inte/", f"{A}/finns-inte/", "en/finns-inte/"):
        watched.open(url + path, status=404)
        assert watched.page.evaluate("typeof __md_get") == "function"
    # The only console messages: the 404s themselves (the root page asks for no favicon).
    not_found = [m for m in watched.problems() if "404 (Not Found)" in m]
    assert len([m for m in not_found if "/finns-inte/]" in m]) == 3
    assert [m for m in watched.problems() if "/finns-inte/]" not in m] == []


def test_search_language_and_version_switching_keep_to_the_policy(
    watched: Watched, two_versions: Archive
) -> None:
    page, url = watched.page, two_versions.server.url
    watched.open(url + f"{B}/lagring/")
    search = page.get_by_role("search").get_by_role("textbox")
    search.click()
    search.press_sequentially("IMY", delay=30)
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("Escape")
    switch_language(page, "English")
    assert page.url == url + f"{B}/en/lagring/"
    selector = page.locator(".md-version")
    selector.hover()
    selector.locator(f'a[href$="/{A}/"]').click()
    page.wait_for_url(url + f"{A}/en/lagring/")
    page.wait_for_load_state("networkidle")
    # The outdated banner on version A, shown by Material's bundle.
    banner = page.locator("[data-md-component=outdated]")
    banner.wait_for()
    assert "earlier version" in banner.inner_text()
    assert watched.problems() == []
    # The bundle showed it after fetching versions.json; on the next page Material's outdated
    # script (assets/javascripts/outdated.js) shows it from what the bundle stored: without
    # the fetch too.
    page.route("**/versions.json", lambda route: route.abort())
    page.goto(url + f"{A}/en/insamling/")
    assert banner.is_visible()


def test_the_archives_form_with_errors_keeps_to_the_policy(
    watched: Watched, two_versions: Archive
) -> None:
    watched.open(two_versions.server.url + "latest/en/kontakt/")
    watched.page.locator("form.seom-form button[type=submit]").click()
    assert watched.page.locator(".seom-error-summary").is_visible()
    assert watched.problems() == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_form_with_and_without_errors_keeps_to_the_policy(
    watched: Watched, site: SiteServer, endpoint: FormEndpoint, prefix: str
) -> None:
    page = watched.page
    watched.open(site.url + prefix + "kontakt/")
    submit = page.locator("form.seom-form button[type=submit]")
    submit.click()
    assert page.locator(".seom-error-summary").is_visible()
    page.locator("#request").check()
    for name, value in {"name": "Åsa Öberg", "email": "asa@example.se", "message": "Hej"}.items():
        page.locator(f"#{name}").fill(value)
    page.locator("#confirm").check()
    endpoint.posts.clear()
    # Another origin than the site's: form-action names it. (Were it refused, the page would
    # stay: the violation is what to report then.)
    thanks = site.url + prefix + "tack/"
    submit.click(no_wait_after=True)
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_url(thanks, timeout=5_000)
    assert watched.problems() == []
    assert page.url == thanks
    assert len(endpoint.posts) == 1


class _HeadersHandler(PrefixHandler):
    """The archive served as Netlify or Cloudflare Pages serve it: every response carries the
    headers of the root's ``_headers`` (the one they read), beside each page's own meta
    policy."""

    def end_headers(self) -> None:
        for name, value in headers_of(self.site_dir / "_headers").items():
            self.send_header(name, value)
        super().end_headers()


def test_an_earlier_versions_form_keeps_working_under_the_roots_headers(
    watched: Watched, tmp_path: Path
) -> None:
    """The form's endpoint moves with version B; version A's pages, published before and
    never rebuilt, still post to the old one, which the root's _headers must allow."""
    old, new = FormEndpoint(), FormEndpoint()
    old.start()
    new.start()
    try:
        arc = new_archive(tmp_path, today="2027-03-15")
        served = arc.server.site_dir
        arc.server.httpd.RequestHandlerClass = partial(_HeadersHandler, site_dir=served)
        old.thanks = new.thanks = arc.server.url + "latest/"
        result = arc.publish(env={**arc.env, "CONTACT_FORM_ACTION": old.url})
        assert result.returncode == 0, result.stderr
        add_version_b(arc)
        result = arc.publish(env={**arc.env, "CONTACT_FORM_ACTION": new.url})
        assert result.returncode == 0, result.stderr
        serve(arc)
        check_headers(served / A / "_headers", f"form-action 'self' {old.url}")
        check_headers(served / B / "_headers", f"form-action 'self' {new.url}")
        check_headers(served / "_headers", f"form-action 'self' {new.url} {old.url}")
        page = watched.page
        watched.open(arc.server.url + f"{A}/kontakt/")
        page.locator("#request").check()
        for name, value in {"name": "Åsa Öberg", "email": "asa@example.se"}.items():
            page.locator(f"#{name}").fill(value)
        page.locator("#message").fill("Hej")
        page.locator("#confirm").check()
        page.locator("form.seom-form button[type=submit]").click(no_wait_after=True)
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_url(old.thanks + "tack/", timeout=5_000)
        assert watched.problems() == []
        assert len(old.posts) == 1 and new.posts == []
        assert page.url == old.thanks + "tack/"
    finally:
        old.stop()
        new.stop()
        arc.server.stop()
