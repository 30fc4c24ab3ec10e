"""The shortcodes editors put in pages, ``<!-- notice:name -->``: one table, one pattern.

Each code has a home: the page where it must stand, once per language (the checks enforce it).
A code that Markdown shows as code (in a code block or a `code span`) is text and is never
expanded: which ones are is decided by rendering the page, as MkDocs will. This is the
catalogue, what the checks and the reports need; what each code becomes on a page is
notice/render.py's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Shortcode:
    name: str
    home: str  # the page (in the default language) that must hold it once per language
    anywhere: bool  # may also stand on other pages
    what: str  # what it becomes, for the editors' messages


TABLE = {
    code.name: code
    for code in (
        Shortcode("summary", "index.md", False, "sammanfattningen av avsnitten"),
        Shortcode("full", "hela-meddelandet.md", False, "hela texten på en sida"),
        Shortcode(
            "controller",
            "personuppgiftsansvarig.md",
            True,
            "SEOM:s uppgifter som personuppgiftsansvarig",
        ),
        Shortcode("imy", "klagomal.md", True, "Integritetsskyddsmyndighetens kontaktuppgifter"),
        Shortcode(
            "purposes",
            "anvandning.md",
            False,
            "ändamålen från docs/purposes.yml, vart och ett med sin rättsliga grund",
        ),
        Shortcode(
            "objection",
            "rattigheter.md",
            False,
            "rätten att invända, när ett ändamål i docs/purposes.yml ger den",
        ),
        Shortcode("history", "versioner.md", False, "listan över versioner"),
        Shortcode("changes", "andringar.md", False, "vad som ändrats"),
        Shortcode("contact-form", "kontakt.md", False, "kontaktformuläret"),
        Shortcode("accessibility", "tillganglighet.md", False, "tillgänglighetsredogörelsen"),
    )
}


def page(name: str) -> str:
    """The page a code lives on, as its address names it: "andringar" for ``changes``."""
    return TABLE[name].home.removesuffix(".md")


# The what-changed page: the version history, the feeds and the archive's root link to it.
CHANGES_PAGE = page("changes")
# The version history, which the foot of every page links to.
HISTORY_PAGE = page("history")
# The contact form's page, where accessibility requests go.
CONTACT_PAGE = page("contact-form")
# The purposes' page, and the rights' page where the right to object stands.
PURPOSES_PAGE = page("purposes")
RIGHTS_PAGE = page("objection")
# The accessibility statement's page: in the archive, kept at its root (notice/urls.py).
STATEMENT_PAGE = page("accessibility")
# Lenient about spaces and capitals: "<!-- Notice: imy -->" is the same code.
PATTERN = re.compile(r"<!--\s*notice\s*:\s*([\w-]+)\s*-->", re.IGNORECASE)


def find(markdown: str, render: Callable[[str], str]) -> list[re.Match[str]]:
    """Every ``<!-- notice:... -->`` that Markdown does not show as code.

    Each code is replaced by a marker and the page rendered (``render``: Markdown to HTML with
    the site's extensions): a code whose marker lands inside <code> is text.
    """
    matches = list(PATTERN.finditer(markdown))
    if not matches:
        return []
    code = " ".join(CODE.findall(render(_marked(markdown, matches))))
    return [m for number, m in enumerate(matches) if MARKER.format(number) not in code]


def heading_levels(markdown: str, render: Callable[[str], str]) -> dict[int, int]:
    """Where each code stands ({its offset: level}): the level of the last heading before it
    as the page renders (1 if none), so that what a code adds nests under it. Read from the
    HTML, as readers get it: a heading in a comment, in code or underlined all count as the
    browser shows them. The same marked page as find()'s (the render is cached by its text)."""
    matches = list(PATTERN.finditer(markdown))
    html = COMMENT.sub("", render(_marked(markdown, matches))) if matches else ""
    out = {}
    for number, match in enumerate(matches):
        at = html.find(MARKER.format(number))
        levels = HEADING.findall(html, 0, max(at, 0))
        out[match.start()] = int(levels[-1]) if levels else 1
    return out


def _marked(markdown: str, matches: list[re.Match[str]]) -> str:
    marked, last = [], 0
    for number, match in enumerate(matches):
        marked += [markdown[last : match.start()], MARKER.format(number)]
        last = match.end()
    return "".join([*marked, markdown[last:]])


def name_of(match: re.Match[str]) -> str:
    return match.group(1).lower()


# A code's stand-in while deciding whether Markdown shows it as code: letters only, which no
# Markdown syntax changes.
MARKER = "NOTICESHORTCODE{}X"
CODE = re.compile(r"<code[^>]*>(.*?)</code>", re.DOTALL)
HEADING = re.compile(r"<h([1-6])[\s>]", re.IGNORECASE)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
