"""Markdown rendered as MkDocs renders it, and read back the way a person reads the page.

The model renders every page once with the site's Markdown extensions: the checks look at the
HTML a reader's browser would get (elements, attributes, headings), and what changed between
two versions is the text a reader reads, paragraph by paragraph, not the Markdown source.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field

import markdown as md
from selectolax.lexbor import LexborHTMLParser
from selectolax.lexbor import LexborNode as Node

from notice.sources import NOT_TEXT, TEXT_PROBLEMS_SHOWN

# MkDocs' own defaults plus the site's (mkdocs.yml): used where no MkDocs config is at hand.
DEFAULT_EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "md_in_html"]

LINK = "\x01"  # starts a word that stands for a link's target: "\x01klagomal.md"
BLOCKS = {
    *(f"h{n}" for n in range(1, 7)),
    *("p", "li", "dt", "dd", "td", "th", "pre", "caption", "figcaption", "summary"),
    *("ul", "ol", "dl", "table", "tr", "blockquote", "div", "section", "details", "hr"),
}


@dataclass
class MarkdownConfig:
    """The Markdown extensions a page is rendered with (MkDocs: markdown_extensions)."""

    extensions: tuple = tuple(DEFAULT_EXTENSIONS)
    configs: dict = field(default_factory=dict)
    _renderer: md.Markdown | None = field(default=None, repr=False, compare=False)

    def render(self, text: str) -> str:
        key = self._cache_key(text)
        if key is not None and key in _RENDERED:
            _RENDERED.move_to_end(key)
            return _RENDERED[key]
        if self._renderer is None:  # one per model: loading the extensions is the slow part
            self._renderer = md.Markdown(
                extensions=list(self.extensions), extension_configs=self.configs
            )
        html = self._renderer.reset().convert(text)
        if key is not None:
            _RENDERED[key] = html
            if len(_RENDERED) > RENDERED_MAX:
                _RENDERED.popitem(last=False)
        return html

    def _cache_key(self, text: str) -> tuple[tuple[str, ...], str, str] | None:
        """What the HTML of ``text`` depends on, or None when the settings are not plain data."""
        if not all(isinstance(name, str) for name in self.extensions):
            return None
        try:
            settings = json.dumps(self.configs, sort_keys=True)
        except (TypeError, ValueError):
            return None
        return (tuple(self.extensions), settings, text)


# Markdown already rendered in this process: (extensions, their settings, text) -> HTML.
# Python-Markdown renders the same text with the same extensions to the same HTML (reset()
# forgets the previous document), so an entry never goes stale: in `make serve` a rebuild
# renders again only what an editor changed. Every page is rendered by the model, and again
# for the shortcodes, the checks and the what-changed page, in every build: without it a
# third of the hooks' own time in a rebuild. The least recently used entries go first.
_RENDERED: OrderedDict[tuple[tuple[str, ...], str, str], str] = OrderedDict()
RENDERED_MAX = 1024


@dataclass
class Page:
    """What a reader gets from a page's HTML."""

    headings: list[tuple[int, str]] = field(default_factory=list)  # (level, text)
    elements: list[tuple[str, list[tuple[str, str | None]]]] = field(default_factory=list)
    # Paragraphs, headings and list items: each a list of words, a link's target as LINK+href
    # right after the link's words.
    blocks: list[list[str]] = field(default_factory=list)
    # Characters that are not text (sources.NOT_TEXT) in its text or attributes, as the browser
    # decoded them (from a character reference such as &#x202E;): the first few, in order.
    hidden: list[str] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        return next((text for level, text in self.headings if level == 1), None)


def read(html: str) -> Page:
    """What a reader gets from ``html`` (a page's article, or Markdown's output), parsed with
    the HTML standard's algorithm (Lexbor), as a browser parses it: the whole document the
    browser builds (what it moves into <head> too), its wrapper elements included."""
    reader = _Reader()
    for event, node in walk(LexborHTMLParser(html).root):
        if event == START:
            reader.start(node.tag, list(node.attributes.items()))
        elif event == END:
            reader.end(node.tag)
        else:
            reader.data(node.text_content or "")
    reader.flush()
    return reader.page


def ends_with_paragraph(html: str, word: str) -> bool:
    """True when ``html``, parsed as a browser parses it, ends with a paragraph of ``word``
    alone, straight under <body>: whatever came before it has closed (no element, comment or
    code block left open takes it in, no formatting the parser carries on)."""
    body = LexborHTMLParser(html).body
    last = body.last_child if body is not None else None
    while last is not None and last.is_text_node and not (last.text_content or "").strip():
        last = last.prev
    if last is None or last.tag != "p" or last.attributes:
        return False
    only = last.first_child
    return (
        only is not None and only.next is None and only.is_text_node and only.text_content == word
    )


START, END, TEXT = "start", "end", "text"


def walk(root: Node | None) -> Iterator[tuple[str, Node]]:
    """``root`` and everything under it as a browser built it, in document order: (START,
    element), (TEXT, text node) and (END, element). Comments are left out. Without recursion,
    so that no nesting, however deep, stops it."""
    stack: list[tuple[Node | None, Node | None, bool]] = [(root, None, False)]
    while stack:
        node, closing, siblings = stack.pop()
        if closing is not None:
            yield END, closing
            continue
        if node is None:
            continue
        if siblings:
            stack.append((node.next, None, True))
        if node.tag == "-text":
            yield TEXT, node
        elif not node.tag.startswith("-"):  # not a comment or a doctype
            yield START, node
            stack.append((None, node, False))
            stack.append((node.child, None, True))


class _Reader:
    def __init__(self) -> None:
        self.page = Page()
        self.words: list[str] = []
        self.links: list[str | None] = []
        self.heading: tuple[int, list[str]] | None = None
        self.joined = False  # the last text ended inside a word: "oss" before "." after a link
        self.last_text: int | None = None  # where the last word of text (not a link) stands

    def start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.elements.append((tag, attrs))
        for _, value in attrs:
            self.not_text(value or "")
        if tag in BLOCKS:
            self.flush()
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.heading = (int(tag[1]), [])
        elif tag == "a":
            self.links.append(dict(attrs).get("href"))
        elif tag == "br":
            self.words.append(" ")
            self.last_text = len(self.words) - 1

    def end(self, tag: str) -> None:
        if tag == "a" and self.links:
            href = self.links.pop()
            if href:
                self.words.append(LINK + href)
        if tag in BLOCKS:
            self.flush()

    def not_text(self, text: str) -> None:
        if len(self.page.hidden) < TEXT_PROBLEMS_SHOWN and NOT_TEXT.search(text):
            self.page.hidden += NOT_TEXT.findall(text)[
                : TEXT_PROBLEMS_SHOWN - len(self.page.hidden)
            ]

    def data(self, data: str) -> None:
        self.not_text(data)
        words = data.split()
        if words and self.last_text is not None and self.joined and not data[0].isspace():
            # "kontakta oss" + "." reads "kontakta oss."
            self.words[self.last_text] += words.pop(0)
        self.words += words
        if words:
            self.last_text = len(self.words) - 1
        if data:
            self.joined = not data[-1].isspace()
        if self.heading:
            self.heading[1].append(data)

    def flush(self) -> None:
        if self.heading:
            level, parts = self.heading
            self.page.headings.append((level, " ".join("".join(parts).split())))
            self.heading = None
        words = [w for w in self.words if w.strip()]
        if any(not w.startswith(LINK) for w in words):
            self.page.blocks.append(words)
        self.words, self.joined, self.last_text = [], False, None
