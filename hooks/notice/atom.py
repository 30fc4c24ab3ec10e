"""The Atom feed (RFC 4287) of the notice's versions, one per language.

A plain build writes it at the site's root (hooks/versions.py); `make publish` writes it at the
archive's root, outside every version folder, so that it lists every published version,
upcoming ones included, from the day they are published (scripts/publish.py).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from notice import dates
from notice.shortcodes import CHANGES_PAGE

if TYPE_CHECKING:
    from notice.model import Version

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def feed(
    versions: list[Version],
    locale: str,
    root: str,
    t: dict[str, Any],
    author: str,
    *,
    prefix: str,
    home: str,
    published: dict[str, str] | None = None,
) -> bytes:
    """The feed of one language, every link absolute. ``t``: the language's texts (``feed``);
    ``author``: SEOM's name (docs/controller.yml).

    ``root`` is where the version folders are (version V is ``<root>V/``) and where the feed
    itself is (``<root><prefix>feed.xml``); ``home`` is the start page readers go to.
    ``published``: when each version was published (its tag's date, ISO 8601), which is when
    its entry last changed; without it, the version's date.
    """
    base = root if root.endswith("/") else root + "/"
    published = published or {}
    stamps = {v.id: published.get(v.id) or f"{v.id}T00:00:00Z" for v in versions}
    ET.register_namespace("", ATOM)
    out = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: locale})
    _text(out, "id", urljoin(base, prefix))
    _text(out, "title", t["title"])
    _text(out, "updated", max(stamps.values()))
    ET.SubElement(out, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=home)
    self_href = urljoin(base, f"{prefix}feed.xml")
    ET.SubElement(out, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=self_href)
    _text(ET.SubElement(out, f"{{{ATOM}}}author"), "name", author)
    for version in versions:
        entry = ET.SubElement(out, f"{{{ATOM}}}entry")
        _text(entry, "id", urljoin(base, f"{version.id}/{prefix}"))
        _text(entry, "title", t["entry"].format(date=dates.long_date(version.date, locale)))
        _text(entry, "updated", stamps[version.id])
        _text(entry, "summary", version.summary[locale])
        href = urljoin(base, f"{version.id}/{prefix}{CHANGES_PAGE}/")
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=href)
    ET.indent(out)
    return ET.tostring(out, encoding="utf-8", xml_declaration=True) + b"\n"


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text
