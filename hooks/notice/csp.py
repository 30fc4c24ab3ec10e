"""The Content-Security-Policy and the other security headers, as data, and what composes them.

Every page carries the policy as a ``<meta http-equiv>`` element (GitHub Pages cannot send
headers), first in ``<head>`` after the charset, so that it covers every script. Scripts come
only from the site's own files, or by the hash of an inline script the build found in the
final HTML (Material's few that are the same on every page). Hosts that can send headers get
the same policy plus what only a header can say, in the common ``_headers`` format
(``headers_file``); README.md shows the nginx equivalent.

hooks/security.py uses this for every build, scripts/publish.py for the archive's root.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from urllib.parse import quote

import ada_url

from notice import urls


def policy(settings: dict[str, str], hashes: Iterable[str] = (), *, header: bool = False) -> str:
    """The policy text: DIRECTIVES, the form's endpoint in form-action, ``hashes`` (of inline
    scripts, as "'sha256-...'") in script-src; with ``header``, also what a meta element
    cannot carry (HEADER_ONLY)."""
    directives = {name: list(sources) for name, sources in DIRECTIVES.items()}
    directives["script-src"] += sorted(set(hashes))
    directives["form-action"] += form_sources(settings)
    if header:
        directives |= HEADER_ONLY
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def form_sources(settings: dict[str, str]) -> list[str]:
    """Where the contact form may send, beyond the site itself ('self'): one source for the
    endpoint, never more, and never the end of a directive."""
    sources = []
    action = settings.get("action", "")
    if action and not action.startswith("/"):  # a path on the site is 'self'
        sources.append(endpoint_source(action))
    if settings.get("mailto"):
        sources.append("mailto:")
    return sources


def endpoint_source(action: str) -> str:
    """The form's endpoint as a source expression, from the URL a browser reads (WHATWG, ada):
    its scheme, host, port and path; the query is never part of a source.

    A source's host is letters, digits, "-" and dots (CSP3's host-source), where the URL
    standard also allows ";" and "," (which end a directive and a policy) and more: such a
    host is refused (ValueError), never written. In the path, ";" and "," are
    percent-encoded: CSP compares percent-decoded paths, so the source still matches.
    """
    try:
        url = ada_url.URL(action)
    except ValueError:
        url = None
    if (
        url is None
        or url.protocol not in ("https:", "http:")
        or url.username
        or url.password
        or not urls.HOST.fullmatch(url.hostname)
    ):
        raise ValueError(
            f"the contact form's endpoint {action!r} cannot be named in the "
            "Content-Security-Policy's form-action: it must be an http(s) URL whose host is "
            "a name or an IPv4 address (letters, digits, '-' and dots), without a user name"
        )
    port = f":{url.port}" if url.port else ""
    path = quote(url.pathname, safe=PATH_SAFE)
    return f"{url.protocol}//{url.hostname}{port}{path}"


def script_hashes(html: str) -> list[str]:
    """The CSP hash ("'sha256-...'") of each inline script the browser would run, in order.

    Only the <script> elements are parsed, not the whole page: parsing every page was a
    seventh of a build's time. A script's text ends at the first "</script", as in a browser.
    """
    hashes = []
    for element in SCRIPT.finditer(html):
        hashes += _element_hashes(element.group(0))
    return hashes


@functools.lru_cache(maxsize=256)
def _element_hashes(element: str) -> tuple[str, ...]:
    """The hashes of one <script> element's inline scripts. Most are the same on every page
    (Material's), so each distinct element is parsed once per process: its text is the key."""
    parser = _InlineScripts()
    parser.feed(element + ">")
    parser.close()
    return tuple(source_hash(text) for text in parser.scripts)


def source_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def hashes_in(text: str) -> set[str]:
    """The script hashes a policy (or a headers file) allows."""
    return set(HASH.findall(text))


def insert_meta(html: str, meta: str) -> str:
    """``meta`` first in ``<head>``: right after ``<meta charset>`` when that comes first (it
    must be within the first 1024 bytes), else right after ``<head>``."""
    head = HEAD.search(html)
    if head is None:
        raise ValueError("no <head> to put the Content-Security-Policy into")
    at = head.end()
    charset = CHARSET.match(html, at)
    if charset:
        at = charset.end()
    return html[:at] + "\n" + meta + html[at:]


def headers_file(header_policy: str) -> str:
    """The ``_headers`` file (Netlify, Cloudflare Pages): every path gets HEADERS."""
    lines = ["/*", f"  Content-Security-Policy: {header_policy}"]
    lines += [f"  {name}: {value}" for name, value in HEADERS.items()]
    return "\n".join(lines) + "\n"


class _InlineScripts(HTMLParser):
    """Collects the text of every <script> without src whose type the browser runs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        attributes = dict(attrs)
        kind = (attributes.get("type") or "").strip().lower()
        if "src" not in attributes and kind in SCRIPT_TYPES:
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._text is not None:
            self.scripts.append("".join(self._text))
            self._text = None


# The policy. A meta element cannot carry frame-ancestors (browsers ignore it and warn), so it
# is only in the header. Material's stylesheets draw icons with data: URIs (CSS masks).
DIRECTIVES: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
HEADER_ONLY: dict[str, list[str]] = {"frame-ancestors": ["'none'"]}
# Links to other sites (IMY, the feeds' readers) send nothing about the page they came from.
# (A cross-origin form post then says `Origin: null`: the endpoint must not rely on it.)
REFERRER = "no-referrer"
# What only a header can say, beside the policy.
HEADERS = {
    "Referrer-Policy": REFERRER,
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": (
        "accelerometer=(), browsing-topics=(), camera=(), geolocation=(), gyroscope=(), "
        "magnetometer=(), microphone=(), payment=(), usb=()"
    ),
}
# The types of <script> a browser runs (the HTML standard's JavaScript MIME types, in short).
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
# What a source's path keeps as it is: RFC 3986's pchar but for ";" and "," (which would end
# the directive, the policy). Its host is urls.HOST.
PATH_SAFE = "/%:@!$&'()*+=-._~"
HASH = re.compile(r"'sha256-[A-Za-z0-9+/]+=*'")
# A <script> start tag (quoted attribute values may hold ">"), its text and its end tag's "<".
SCRIPT = re.compile(
    r"""<script\b(?:[^>"']|"[^"]*"|'[^']*')*>.*?</script""", re.IGNORECASE | re.DOTALL
)
HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
CHARSET = re.compile(r"\s*<meta charset=[^>]*>", re.IGNORECASE)
