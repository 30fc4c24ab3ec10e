"""Chromium's tabs for one test worker: lent to a test, given back clean, and lent again.

A new browser context, or a new tab, costs Chromium more than the page a test opens in it (a
renderer, a profile: about four times the CPU of a page opened in a tab already there, measured
on 2 cores), and the suite opens hundreds. So each worker keeps one context per set of context
options and reuses its tabs. What a test leaves behind is cleared before the next one gets the
tab: the cookies and storage of every origin it asked for, routes, emulated media and the
viewport (a pointer left over the page hovers nothing once the tab has navigated), and a slow
network a test emulated. Nothing is
served from a cache an earlier test filled: the tabs ask for everything, as a first visit does.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

DEFAULT_VIEWPORT = {"width": 1280, "height": 720}  # Playwright's own default
TIMEOUT_MS = 10_000


@dataclass
class Tab:
    """A page with what it asked for and complained about while a test had it."""

    page: object
    origin: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    @property
    def foreign_requests(self) -> list[str]:
        return [
            url
            for url in self.requests
            if not url.startswith(self.origin + "/") and not url.startswith(("data:", "blob:"))
        ]


class Tabs:
    def __init__(self, browser) -> None:
        self.browser = browser
        self.contexts: dict[tuple, object] = {}
        self.idle: dict[tuple, list] = defaultdict(list)
        self.lent: list[tuple[tuple, object]] = []
        self.watching: dict[object, Tab] = {}
        self.devtools: dict[object, object] = {}
        self.throttled: set[object] = set()

    def open(self, origin: str, *, viewport: dict | None = None, **options) -> Tab:
        """A blank tab of a context made with ``options`` (Playwright's new_context), at
        ``viewport``, recording for a new Tab whose own requests start with ``origin``."""
        key = tuple(sorted(options.items()))
        if key not in self.contexts:
            self.contexts[key] = self.browser.new_context(**options)
        page = self.idle[key].pop() if self.idle[key] else self._new_page(self.contexts[key])
        page.set_viewport_size(viewport or DEFAULT_VIEWPORT)
        page.set_default_timeout(TIMEOUT_MS)
        tab = self.watching[page] = Tab(page, origin)
        self.lent.append((key, page))
        return tab

    def throttle(self, tab: Tab, *, latency_ms: int, bytes_per_second: int) -> None:
        """The tab's network as a slow connection's, until it is given back: every response
        ``latency_ms`` later, and no faster than ``bytes_per_second``."""
        self.devtools[tab.page].send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": latency_ms,
                "downloadThroughput": bytes_per_second,
                "uploadThroughput": bytes_per_second,
            },
        )
        self.throttled.add(tab.page)

    def _new_page(self, context):
        page = context.new_page()
        devtools = self.devtools[page] = context.new_cdp_session(page)
        devtools.send("Network.enable")
        devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})

        def record(kind: str, text: str) -> None:
            tab = self.watching.get(page)
            if tab is not None:
                getattr(tab, kind).append(text)

        page.on("request", lambda request: record("requests", request.url))
        page.on(
            "console",
            lambda message: (
                record("console_errors", f"{message.text} [{message.location['url']}]")
                if message.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda error: record("console_errors", str(error)))
        return page

    def give_back(self) -> None:
        """Every tab lent since the last call, cleared for the next test (or closed)."""
        lent, self.lent = self.lent, []
        for key, page in lent:
            tab = self.watching.pop(page)
            if page.is_closed():
                self.devtools.pop(page, None)
                self.throttled.discard(page)
                continue
            try:
                self._clear(page, tab)
            except Exception:  # a tab a test broke is not lent again
                self.devtools.pop(page, None)
                self.throttled.discard(page)
                page.close()
                continue
            self.idle[key].append(page)

    def _clear(self, page, tab: Tab) -> None:
        page.goto("about:blank")
        origins = {f"{u.scheme}://{u.netloc}" for u in map(urlsplit, tab.requests)}
        for origin in sorted(o for o in origins if o.startswith(("http", "file:"))):
            # Every kind of storage, cookies among them.
            self.devtools[page].send(
                "Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"}
            )
        page.unroute_all(behavior="ignoreErrors")
        if page in self.throttled:
            self.throttled.discard(page)
            self.devtools[page].send(
                "Network.emulateNetworkConditions",
                {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
            )
        page.emulate_media(media="null", color_scheme="null", reduced_motion="null")

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()
