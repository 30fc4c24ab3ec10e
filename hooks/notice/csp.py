"""The Content-Security-Policy and the other security headers, as data, and what composes them.

Every page carries the policy as a ``<meta http-equiv>`` element (GitHub Pages cannot send
headers), first in ``<head>`` after the charset, so that it covers every script. Scripts come
only from the site's own files: no page has an inline script (Material's are files in
overrides/assets/javascripts/), so the policy allows none, and every built page is checked
for one (notice/page_scripts.py). Hosts that can send headers get the same policy plus what
only a header can say, in the common ``_headers`` format (``headers_file``); OPERATIONS.md
shows the nginx equivalent.

hooks/security.py uses this for every build, scripts/publish.py for the archive's root, whose
``_headers`` also allows what the pages of versions published earlier need (``hashes``,
``hashes_in``: those allowed their inline scripts by hash).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

import ada_url

from notice import urls


def policy(
    settings: dict[str, str],
    hashes: Iterable[str] = (),
    *,
    header: bool = False,
    earlier_forms: Iterable[str] = (),
) -> str:
    """The policy text: DIRECTIVES, the form's endpoint in form-action, ``hashes`` (of inline
    scripts, as "'sha256-...'", which only pages published before they were files need) in
    script-src; with ``header``, also what a meta element cannot carry (HEADER_ONLY).

    ``earlier_forms``: where the forms of versions published earlier post (form_sources_in),
    after this build's own, for the archive root's ``_headers``, which every version's pages
    are served with."""
    directives = {name: list(sources) for name, sources in DIRECTIVES.items()}
    directives["script-src"] += sorted(set(hashes))
    directives["form-action"] += form_sources(settings)
    directives["form-action"] += sorted(set(earlier_forms) - set(directives["form-action"]))
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


def hashes_in(text: str) -> set[str]:
    """The script hashes a policy (or a headers file) allows."""
    return set(HASH.findall(text))


def form_sources_in(text: str) -> set[str]:
    """The form-action sources beyond 'self' that a headers file's policy allows. Each must be
    what form_sources() writes (``mailto:``, or an endpoint that endpoint_source() writes the
    same again): anything else is left out, never copied into another policy."""
    sources = set()
    for line in text.splitlines():
        name, _, value = line.strip().partition(": ")
        if name != "Content-Security-Policy":
            continue
        for directive in value.split(";"):
            words = directive.split()
            if words[:1] != ["form-action"]:
                continue
            for source in words[1:]:
                if source == "mailto:" or (source != "'self'" and _written(source)):
                    sources.add(source)
    return sources


def _written(source: str) -> bool:
    try:
        return endpoint_source(source) == source
    except ValueError:
        return False


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
# What a source's path keeps as it is: RFC 3986's pchar but for ";" and "," (which would end
# the directive, the policy). Its host is urls.HOST.
PATH_SAFE = "/%:@!$&'()*+=-._~"
HASH = re.compile(r"'sha256-[A-Za-z0-9+/]+=*'")
HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
CHARSET = re.compile(r"\s*<meta charset=[^>]*>", re.IGNORECASE)
