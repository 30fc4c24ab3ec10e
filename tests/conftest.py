"""Shared fixtures: the site built once from the example notice, served over HTTP, and a real
Chromium.

The tests never read the live notice, docs/: SEOM's editors change it, and no edit of theirs
may turn the suite red. They build example notices kept under tests/fixtures/ (NOTICE, a frozen
copy of the notice as first published, and the small ones some tests make from it); the live
notice is judged by the build's own checks and `make check`. A guard below fails any test that
opens, lists or builds it.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qsl

import axe_playwright_python
import pytest
from bs4 import BeautifulSoup
from tabs import TIMEOUT_MS, Tab, Tabs

import project_copy
from notice.publishing.mkdocs_utils import mkdocs_build
from site_checks import CHROMIUM_ARGS, chromium
from site_server import QuietServer, Serving, SiteServer

ROOT = Path(__file__).resolve().parents[1]
# The example notice the tests build (scripts/project_copy.py). The live one is ROOT / "docs".
NOTICE = project_copy.EXAMPLE
NOTICE_DOCS = NOTICE / "docs"
LIVE_DOCS = ROOT / "docs"


# The environment variables the build reads: a build sees only those a test gives it.
SETTINGS_ENV = project_copy.SETTINGS_ENV
# The date that counts as today in tests (NOTICE_TODAY), so that they do not change as the
# calendar moves: the first version (2026-12-01) is in force.
TODAY = project_copy.EXAMPLE_TODAY


def guide() -> str:
    """The editors' guide: REDIGERA.md and its reference pages (redigera/), as one text."""
    pages = [ROOT / "REDIGERA.md", *sorted((ROOT / "redigera").glob("*.md"))]
    return "\n".join(page.read_text(encoding="utf-8") for page in pages)


def copy_project(target: Path, docs: Path = NOTICE_DOCS) -> Path:
    """The engine copied into ``target``, with an example notice (by default NOTICE's) as its
    docs/: a project to build, publish or change freely."""
    return project_copy.copy_project(target, docs)


def build(
    project: Path,
    site_dir: Path,
    site_url: str | None = None,
    env: dict[str, str] | None = None,
    config_file: str = "mkdocs.yml",
) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` on a project folder, as `make build` does.

    `env`: settings for this build, e.g. {"CONTACT_FORM_MAILTO": "..."}; `config_file`, e.g.
    "mkdocs.preview.yml" (`make preview`)."""
    assert project.resolve() != ROOT, "tests build a copy of the engine with an example notice"
    environment = dict(os.environ)
    for name in SETTINGS_ENV:
        environment.pop(name, None)
    environment["NOTICE_TODAY"] = TODAY
    environment.update(env or {})
    if site_url:
        environment["SITE_URL"] = site_url
    return mkdocs_build(project, site_dir, config_file=config_file, env=environment, timeout=300)


class FormEndpoint(Serving):
    """A stand-in for SEOM's contact-form endpoint on 127.0.0.1 (another origin than the site).

    Records every POST and answers as a real endpoint should: 303 to the thank-you page in the
    language the form was sent from (`thanks` is the site's root URL)."""

    def __init__(self) -> None:
        self.posts: list[Post] = []
        self.thanks = ""
        self.httpd = QuietServer(("127.0.0.1", 0), partial(_EndpointHandler, self))
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.url = self.origin + "/requests"


@dataclass
class Post:
    path: str
    content_type: str
    body: bytes

    @property
    def fields(self) -> list[tuple[str, str]]:
        """The form fields in order, as the endpoint decodes them (UTF-8)."""
        return parse_qsl(self.body.decode("ascii"), keep_blank_values=True, encoding="utf-8")


class _EndpointHandler(BaseHTTPRequestHandler):
    def __init__(self, endpoint: FormEndpoint, *args, **kwargs) -> None:
        self.endpoint = endpoint
        super().__init__(*args, **kwargs)

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        post = Post(self.path, self.headers.get("Content-Type", ""), body)
        self.endpoint.posts.append(post)
        lang = dict(post.fields).get("lang")
        self.send_response(303)
        self.send_header(
            "Location", self.endpoint.thanks + ("en/" if lang == "en" else "") + "tack/"
        )
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto` (make test): half as many workers again as the CPUs this process may use.
    A worker spends part of its time waiting on Chromium and on the servers, so one worker per
    core leaves the cores idle; measured on 2 cores: 2 workers 5 min 39 s (78 % busy), 3
    workers 4 min 44 s (88 %), 4 workers 4 min 59 s (90 %, more per-worker fixtures)."""
    return max(1, len(os.sched_getaffinity(0)) * 3 // 2)


@pytest.fixture(scope="session")
def endpoint() -> Iterator[FormEndpoint]:
    server = FormEndpoint()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The engine with the example notice (NOTICE), to build; never to change: copy it."""
    return copy_project(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="session")
def site(
    tmp_path_factory: pytest.TempPathFactory, endpoint: FormEndpoint, project: Path
) -> Iterator[SiteServer]:
    """The example notice's site, built once with the real engine and strict checks, and
    served over HTTP.

    Its contact form posts to `endpoint`, as a deployment's CONTACT_FORM_ACTION would say."""
    site_dir = tmp_path_factory.mktemp("site")
    server = SiteServer(site_dir)
    result = build(
        project, site_dir, site_url=server.url, env={"CONTACT_FORM_ACTION": endpoint.url}
    )
    assert result.returncode == 0, result.stderr
    endpoint.thanks = server.url
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def two_versions(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """A published archive with versions A and B (B in force), served: scripts/archives.py."""
    from archives import two_versions

    arc = two_versions(tmp_path_factory.mktemp("two-versions"))
    yield arc
    arc.server.stop()


def soup(site: SiteServer, path: str) -> BeautifulSoup:
    """A built page, parsed. `path` is relative to the site root, e.g. "en/insamling/"."""
    file = site.site_dir / path
    if path == "" or path.endswith("/"):
        file = file / "index.html"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def pages(site: SiteServer) -> list[str]:
    """Every built HTML page, as paths relative to the site root ("", "insamling/", ...)."""
    out = []
    for file in sorted(site.site_dir.rglob("*.html")):
        rel = file.relative_to(site.site_dir).as_posix()
        out.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return out


# The browser


CHROMIUM_MISSING = (
    "No Chromium found for the browser tests. Install one: `apt-get install chromium` "
    "(Debian/Ubuntu) or `python -m playwright install chromium`, or set CHROMIUM_PATH to a "
    "Chromium or Chrome executable."
)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium()
    if executable is None:
        pytest.fail(CHROMIUM_MISSING, pytrace=False)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")


def axe_violations(tab: Tab, *, preload: bool = True) -> list[str]:
    """What axe-core finds wrong with the page as it is now.

    `preload=False` for a page opened from disk: axe fetches the stylesheets again to read
    them, which a file: page may not, and logs an error for each."""
    # Evaluated through DevTools, not as a <script> element: the pages' Content-Security-Policy
    # refuses inline scripts (hooks/security.py).
    # axe-core judges the page as it stands: transitions that end (the search drop-down
    # opening) finish first, or it reads the colours half-way (a contrast of 4.28).
    tab.page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running'"
        " || a.effect.getComputedTiming().iterations === Infinity)"
    )
    tab.page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = tab.page.evaluate(
        "async preload => await axe.run(document, {resultTypes: ['violations'], preload})",
        preload,
    )
    # axe-core's default rules include the best-practice ones (landmarks named and unique, one
    # main, content inside landmarks).
    ran = {rule["id"] for kind in ("passes", "inapplicable", "violations") for rule in result[kind]}
    assert {"landmark-unique", "landmark-one-main", "region"} <= ran
    return [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
        for v in result["violations"]
    ]


def watched_tab(context, origin: str) -> Tab:
    """A new page in ``context`` that records every request and console error; requests that
    do not start with ``origin`` are the page's foreign ones. For a test that needs a context
    of its own (a first view's bytes, scripts added to every page); others borrow one (tabs)."""
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    tab = Tab(page, origin)
    page.on("request", lambda request: tab.requests.append(request.url))
    page.on(
        "console",
        lambda message: (
            tab.console_errors.append(f"{message.text} [{message.location['url']}]")
            if message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    return tab


@pytest.fixture(scope="session")
def tab_pool(browser) -> Iterator[Tabs]:
    pool = Tabs(browser)
    yield pool
    pool.close()


@pytest.fixture
def tabs(tab_pool: Tabs) -> Iterator[Tabs]:
    """Borrow tabs with tabs.open(origin, viewport=..., **context options); they are given
    back, cleared, when the test ends."""
    yield tab_pool
    tab_pool.give_back()


@pytest.fixture
def tab(tabs: Tabs, site: SiteServer) -> Tab:
    return tabs.open(site.origin)


def switch_language(page, language: str) -> None:
    """Pick a language in Material's language menu, as a reader does, and wait for the page."""
    switcher = page.locator(".md-header__option .md-select")
    switcher.hover()
    switcher.get_by_role("link", name=language).click()
    page.wait_for_load_state()


def png(width: int, height: int) -> bytes:
    """A grey PNG image: the site has no image of its own to test with."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


# The guard: no test reads the live notice


class LiveNoticeRead(AssertionError):
    pass


_LIVE = os.path.join(os.path.normpath(str(LIVE_DOCS)), "")
_ROOT = os.path.normpath(str(ROOT))
# What builds or publishes docs/ when run in the project's own folder: make (but to print what
# it would do), mkdocs, mike and the project's scripts.
_BUILDERS = ("mkdocs", "mike", "scripts/")


def _path(value: object) -> str | None:
    if isinstance(value, bytes):
        value = os.fsdecode(value)
    if isinstance(value, str | os.PathLike):
        return os.path.normpath(os.path.abspath(os.fspath(value)))
    return None


def _reads_live_notice(event: str, args: tuple) -> str | None:
    if event in ("open", "os.listdir", "os.scandir", "shutil.copytree", "os.chdir", "glob.glob"):
        # os.open's relative paths may be relative to a folder's descriptor (shutil.rmtree's),
        # not to the working directory: only its absolute ones are known.
        relative_to_a_folder = event == "open" and args[1] is None
        if not args or (relative_to_a_folder and not os.path.isabs(os.fsdecode(args[0]))):
            return None
        path = _path(args[0])
        if path and os.path.join(path, "").startswith(_LIVE):
            return f"{event} {path}"
    elif event == "subprocess.Popen":
        _, argv, cwd, _ = args
        where = _path(cwd) if cwd is not None else os.getcwd()
        argv = [os.fsdecode(a) for a in (argv if isinstance(argv, list | tuple) else [argv])]
        if where and os.path.join(where, "").startswith(_LIVE):
            return f"a command in {where}: {argv}"
        if where == _ROOT and argv:
            make = os.path.basename(argv[0]) == "make"
            dry = "--dry-run" in argv or "-n" in argv
            if (make and not dry) or any(word in arg for arg in argv for word in _BUILDERS):
                return f"a command in the project's folder, which builds docs/: {argv}"
    return None


def _guard(event: str, args: tuple) -> None:
    found = _reads_live_notice(event, args)
    if found:
        raise LiveNoticeRead(
            f"a test read the live notice ({found}). Tests build the example notices in "
            "tests/fixtures/ (conftest.NOTICE, copy_project()), never docs/."
        )


sys.addaudithook(_guard)
