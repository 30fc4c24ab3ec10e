"""What the editors' text may become on a page: an allowlist, read as a browser reads it.

A privacy notice is text: paragraphs, headings, lists, emphasis, tables, links and the odd
image (a logo). Markdown gives exactly that, and nothing more is allowed, whatever way it is
written (Markdown, raw HTML, attribute lists): the page's HTML, as Markdown renders it, is read
with the HTML standard's parsing algorithm (Lexbor, via notice/html.py), and every element,
attribute and URL must be one of these. Raw HTML in the Markdown is not needed by the editors
(REDIGERA.md never uses it); it is allowed only where it yields the same as Markdown would
(a <br>, an <em>), which keeps a pasted line break working and costs nothing.

URLs are read with the WHATWG URL standard's parser (Ada), as browsers read them: what
browsers strip (tabs, newlines, leading controls) is stripped, a backslash is a slash. A link
may lead to a page or file of the site (relative), or to https:, mailto: or tel:; an image
comes from the site itself.
"""

from __future__ import annotations

import re

import ada_url

# element: the attributes it may have. html, head and body are the parser's own wrapper.
ELEMENTS: dict[str, frozenset[str]] = {
    **{tag: frozenset() for tag in ("html", "head", "body")},
    **{tag: frozenset() for tag in ("p", "ul", "li", "blockquote", "pre", "hr", "br")},
    **{tag: frozenset() for tag in ("em", "strong", "table", "thead", "tbody", "tr")},
    **{f"h{level}": frozenset({"id"}) for level in range(1, 7)},
    "ol": frozenset({"start"}),
    "code": frozenset({"class"}),
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title"}),
    "th": frozenset({"style", "align"}),
    "td": frozenset({"style", "align"}),
}
# What an allowed attribute's value may be, where it is not free text (alt, title) or a URL.
VALUES: dict[str, re.Pattern[str]] = {
    # toc's anchors ("_1" for a heading with no letters) and attr_list's
    "id": re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*"),
    "start": re.compile(r"[0-9]{1,6}"),
    "class": re.compile(r"language-[A-Za-z0-9_+-]+"),  # a fenced code block's language
    "style": re.compile(r"text-align: (?:left|right|center);?"),  # Markdown's table columns
    "align": re.compile(r"left|right|center"),
}
URL_ATTRIBUTES = {"href": "link", "src": "resource"}
LINK_SCHEMES = {"https", "mailto", "tel"}
CODE_SCHEMES = {"javascript", "vbscript", "data"}
# The site's own address as URLs are resolved here: any host but this one is another site.
BASE = "https://notice.invalid/page/"
SITE = "notice.invalid"
# A scheme at the start, once what browsers strip is stripped. A URL that names a scheme is
# never the site's own ("https:logo.png" is this site over https, another host over http).
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
STRIPPED = "".join(chr(code) for code in range(0x21))


def url_kind(value: str) -> str:
    """How a browser reads ``value`` in a page of the site: "site" (a page or file of the site),
    "https", "mailto", "tel", "http", "code" (javascript:, vbscript:, data:), "host" (another
    host without a scheme, //host or /\\\\host), "other" (another scheme) or "invalid"."""
    try:
        absolute = ada_url.URL(value)
    except ValueError:
        absolute = None
    if absolute is not None:
        scheme = absolute.protocol.removesuffix(":").lower()
        if scheme in LINK_SCHEMES or scheme == "http":
            return scheme
        return "code" if scheme in CODE_SCHEMES else "other"
    if SCHEME.match(re.sub("[\t\n\r]", "", value.strip(STRIPPED))):
        return "invalid"
    try:
        resolved = ada_url.URL(value, BASE)
    except ValueError:
        return "invalid"
    return "site" if resolved.host == SITE else "host"


def link_allowed(value: str) -> bool:
    return url_kind(value) in {"site", *LINK_SCHEMES}


def resource_allowed(value: str) -> bool:
    return url_kind(value) == "site"


def value_allowed(name: str, value: str) -> bool:
    pattern = VALUES.get(name)
    return pattern is None or pattern.fullmatch(value) is not None
