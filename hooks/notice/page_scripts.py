"""What a built page may run: the site's own script files, and nothing else.

The Content-Security-Policy (notice/csp.py) allows scripts from the site's files only, no
inline script, so a browser would refuse anything else. This finds it first, in the page as
a browser reads it (Lexbor: the HTML standard's parsing algorithm), so that the build stops
and names the page instead of publishing it:

- a <script> that is not one of the site's files (a ``src`` in its assets/javascripts/, and
  no text) nor Material's configuration (``<script id="__config" type="application/json">``
  in <body>, once: data, which browsers do not run);
- an event-handler attribute (``on...``) on any element;
- a ``javascript:`` URL in any attribute but those that are text to show (``title``, ``alt``,
  ``aria-*``...), read as a browser reads it (ada, the WHATWG URL parser, which first strips
  what browsers strip: spaces and control characters around it, tabs and newlines within).

Messages are in Swedish: what reaches a page is mostly the editors' (docs/). hooks/security.py
checks every page and 404 page of every language, scripts/publish.py the archive's root pages.
"""

from __future__ import annotations

import ada_url
from selectolax.lexbor import LexborHTMLParser, LexborNode


def problems(html: str) -> list[str]:
    """What in ``html`` would run that is not the site's own, each as the subject of a
    sentence ("attributet onclick i <a>"); [] when there is nothing."""
    found = []
    config = 0
    for node in LexborHTMLParser(html).css("*"):
        tag = node.tag
        for name, value in node.attributes.items():
            if name[:2].lower() == "on":
                found.append(f"attributet {name} i <{tag}>")
            elif value and not _is_text(name) and runs_as_url(value):
                found.append(f"adressen {_short(value)} i attributet {name} i <{tag}>")
        if tag == "script":
            if _is_config(node):
                config += 1
                if config == 1:
                    continue
            if not _is_ours(node):
                found.append(_script(node))
    return found


def runs_as_url(value: str) -> bool:
    """A ``javascript:`` URL, as a browser reads the attribute; an SVG animation's list of
    values (``values="a;javascript:..."``) is read item by item."""
    if ":" not in value or "script" not in value.lower().translate(_TAB_OR_NEWLINE):
        return False  # most values: no URL parser needed
    for item in (value, *value.split(";")):
        try:
            if ada_url.URL(item, _BASE).protocol == "javascript:":
                return True
        except ValueError:
            continue
    return False


def _is_text(name: str) -> bool:
    """An attribute a browser shows or reads out, and never loads or follows: "javascript:"
    in it is a word ("title", "alt", "aria-label", ...)."""
    return name in TEXT_ATTRIBUTES or name.startswith("aria-")


def _is_ours(node: LexborNode) -> bool:
    """A script file of the site: a src in its assets/javascripts/, and no text (which an SVG
    <script> would run whatever its src)."""
    src = node.attributes.get("src")
    if not src or node.text(deep=True).strip():
        return False
    try:
        url = ada_url.URL(src, _BASE)
    except ValueError:
        return False
    folder = url.pathname.rsplit("/", 3)[-3:-1]
    return url.host == _HOST and folder == ["assets", "javascripts"] and src.endswith(".js")


def _is_config(node: LexborNode) -> bool:
    """Material's configuration: JSON in <body> that its bundle reads, which no browser runs."""
    attributes = node.attributes
    return (
        attributes.get("id") == "__config"
        and attributes.get("type") == "application/json"
        and "src" not in attributes
        and node.parent is not None
        and node.parent.tag == "body"
    )


def _script(node: LexborNode) -> str:
    """The script as the message names it: its start tag, and its code if it has any."""
    attributes = "".join(
        f" {name}" if value is None else f" {name}={_short(value)}"
        for name, value in node.attributes.items()
    )
    code = node.text(deep=True).strip()
    return f"<script{attributes}>" + (f" med koden {_short(code)}" if code else "")


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


TEXT_ATTRIBUTES = {"title", "alt", "placeholder", "label"}
_HOST = "site.invalid"
# Relative URLs are read against a page of the site, deep enough for "../" to stay in it.
_BASE = f"https://{_HOST}/a/b/c/d/e/f/"
_TAB_OR_NEWLINE = str.maketrans("", "", "\t\n\r")
