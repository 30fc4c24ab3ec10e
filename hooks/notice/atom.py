"""The Atom feed (RFC 4287) of the notice's versions, one per language."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from notice import dates
from notice.history import CHANGES_PAGE

if TYPE_CHECKING:
    from notice.model import Version

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def feed(
    versions: list[Version], locale: str, prefix: str, site_url: str, t: dict[str, Any]
) -> bytes:
    """The feed with absolute links. ``t``: the language's texts (``feed``).

    ``site_url`` is where mike publishes the version folders: version V is ``<site_url>V/``.
    """
    base = site_url if site_url.endswith("/") else site_url + "/"
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: locale})
    _text(root, "id", urljoin(base, prefix))
    _text(root, "title", t["title"])
    _text(root, "updated", _timestamp(versions[0]))
    ET.SubElement(root, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=base + prefix)
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    _text(author, "name", t["author"])
    for version in versions:
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        _text(entry, "id", urljoin(base, f"{version.id}/{prefix}"))
        _text(entry, "title", t["entry"].format(date=dates.long_date(version.date, locale)))
        _text(entry, "updated", _timestamp(version))
        _text(entry, "summary", version.summary[locale])
        href = urljoin(base, f"{version.id}/{prefix}{CHANGES_PAGE}/")
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=href)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text


def _timestamp(version: Version) -> str:
    return f"{version.id}T00:00:00Z"
