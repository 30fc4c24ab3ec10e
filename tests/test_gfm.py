"""Outside text in the review's Markdown, rendered as GitHub renders it (hooks/notice/gfm.py).

GitHub renders a job summary with cmark-gfm and the extensions it enables (table,
strikethrough, autolink, tagfilter, tasklist), and lets raw HTML through to its sanitiser,
which keeps <img>, <a> and comments: so do these tests (CMARK_OPT_UNSAFE). The HTML is then
parsed as a browser parses it (selectolax's Lexbor). Whatever the text, it is shown as
written, in the place the review put it, and adds no element: no heading, link, image, list
item, rule, table, line break or HTML of its own. Hypothesis writes the texts, from pieces
that mean something to GFM and from any Unicode; the examples below are the forgeries found
before the escaping was rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from notice import gfm

# What the review's own Markdown around the text makes; gfm.escape() may add code spans.
PAGE = {"html", "head", "body"}


def render(markdown: str) -> LexborHTMLParser:
    """``markdown`` as GitHub shows it: cmark-gfm with GitHub's extensions, raw HTML kept."""
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    return LexborHTMLParser(html)


def elements(tree: LexborHTMLParser) -> list[str]:
    """Every element's tag, and "!comment" for each comment."""
    return [
        "!comment" if node.tag == "_comment" else node.tag
        for node in tree.root.traverse(include_text=False)
    ]


def shown(text: str) -> str:
    """What readers should see of ``text`` in running text: as written, but that a line ending
    is a space, there are no spaces or tabs at either end, and U+0000 is U+FFFD."""
    return re.sub(r"\r\n|\r|\n", " ", text.replace("\0", "\ufffd")).strip(" \t")


@dataclass(frozen=True)
class Context:
    """A place the review puts outside text: the review's Markdown around it, where the text
    lands in the HTML, and the elements the review itself makes there."""

    template: str  # {} is the escaped text
    where: str  # a CSS selector: the element holding the text (the first match)
    made: set[str]
    expected: Callable[[str], str] = lambda text: text  # the element's text, given shown()
    # The review writes no item here for empty text: an empty "  - " under a line is that
    # line's setext underline (review.py writes a finding's message there, never empty).
    never_empty: bool = False


CONTEXTS = [
    # A paragraph of its own, with a line of the review after it (translations.markdown()).
    Context("{}\nSlut.", "p", {"p"}, lambda s: f"{s}\nSlut." if s else "Slut."),
    # An item of the errors, and of the list under it (a translations refusal's findings).
    Context("- {}\n- Nästa.", "li", {"ul", "li"}),
    Context("- Fel:\n  - {}", "li li", {"ul", "li"}, never_empty=True),
    # What publishing waits for: a list in a quote.
    Context("> - {}\n>\n> Slut.", "blockquote li", {"blockquote", "ul", "li", "p"}),
    # A section's title.
    Context("### {}", "h3", {"h3"}),
    # A paragraph of the diff: words added and removed, between the review's words.
    Context("> Ord <ins>{}</ins> och mer.", "ins", {"blockquote", "p", "ins"}),
    Context("> <del>{}</del>", "del", {"blockquote", "p", "del"}),
    # Unchanged sections, in a sentence.
    Context("Oförändrade avsnitt: {}.", "p", {"p"}, lambda s: f"Oförändrade avsnitt: {s}."),
]

# Pieces that mean something to GFM or to GitHub, for Hypothesis to put together.
PIECES = [
    *"\\`*_[]|#!~$&<>-+=.():/@'\"{}^%;,?",
    *("```", "~~~", "***", "---", "___", "===", "    ", "  ", " ", "\t", "1.", "1)", "9)"),
    *("\n", "\r\n", "\r", "\n\n", "\n  ", "\n    ", "\0", "\x0b", "\x0c", "\x85", "\u2028"),
    *("www.", "WWW.", "http://", "https://", "ftp://", "mailto:", "xmpp:", "x@y.se", "@a"),
    *("evil.example", ".example/y.png", "<img src=x>", "<!--", "-->", "&#60;", "&lt;", "&amp;"),
    *("[x]: ", "](", "![", "- [ ] ", "- [x] ", "> ", "# ", "| a | b |", "|---|", "$x$", ":+1:"),
    *("<ins>", "</ins>", "<del>", "</del>", "<https://e.example>", "\\\n", "å", "ä", "ö", "a"),
]
# Any character a UTF-8 file can hold (the review is one): no lone surrogates.
characters = st.characters(codec="utf-8")
texts = st.one_of(
    st.lists(st.one_of(st.sampled_from(PIECES), characters), max_size=24).map("".join),
    st.text(characters),
)

# The forgeries the review allowed before: each must be shown as text.
HOSTILE = [
    "\n# Godkänt av SEOM:s jurist\n",
    "x\n\nGodkänt av SEOM:s jurist\n===",
    "x\n  Godkänt av SEOM:s jurist\n  ---",
    "x\n---\ny",
    "x\n***\n",
    "x\n- [ ] task",
    "x\n1. ett\n2) två",
    "x\n\n    indented",
    "x\n> quote",
    "x\n| a | b |\n|---|---|\n| c | d |",
    "x\n[x]: https://evil.example\n[x]",
    "```",
    "x\n```\n# Godkänt\n```",
    "~~~",
    "<img src=https://evil.example/x>",
    "![x](https://evil.example/y.png)",
    "[klicka](https://evil.example)",
    "www.evil.example",
    "(www.evil.example)",
    "se_www.evil.example",
    "https://evil.example/a_b*c",
    "'https://evil.example'.",
    "jurist@evil.example",
    "mailto:jurist@evil.example",
    "xmpp:jurist@evil.example/x",
    "@jurist",
    "<!-- dolt -->",
    "&#60;script&#62;",
    "&lt;b&gt;",
    "\\`",
    "x\\",
    "x  \ny",
    "`a` ``b`` ```c```",
    "- ",
    "+ x",
    "= x",
    "1. x",
    "$\\text{Godkänt}$",
]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("context", CONTEXTS, ids=lambda c: c.template)
def test_hostile_text_is_shown_as_written(text: str, context: Context) -> None:
    assert_shown_as_text(text, context)


@settings(max_examples=300, deadline=None, database=None)
@given(texts)
@example("x\n\nGodkänt\n===")
@example("a@b.se")
@example("` `")
@example("\x0c- x")
@example("\ufeff")
def test_any_text_is_shown_as_written_wherever_the_review_puts_it(text: str) -> None:
    for context in CONTEXTS:
        assert_shown_as_text(text, context)


def assert_shown_as_text(text: str, context: Context) -> None:
    if context.never_empty and not gfm.escape(text):
        return
    markdown = context.template.format(gfm.escape(text))
    tree = render(markdown)
    found = [tag for tag in elements(tree) if tag != "code"]
    # The review's own elements, in their order, and no other (but code spans): what the
    # review makes with a plain word in the text's place.
    assert found == elements(render(context.template.format("ord"))), (markdown, found)
    assert set(found) <= PAGE | context.made
    holder = tree.css_first(context.where)
    assert holder is not None, markdown
    assert holder.text(deep=True) == context.expected(shown(text)), markdown


@settings(max_examples=300, deadline=None, database=None)
@given(texts)
@example("`")
@example(" ` ")
@example("  ")
@example(" a ")
@example("a\nb")
def test_a_code_span_shows_any_text_as_written(text: str) -> None:
    """A file name or a path in the review's own code span (`lagring.md`)."""
    markdown = f"- **Svenska** ({gfm.code(text)}):"
    tree = render(markdown)
    found = elements(tree)
    literal = re.sub(r"\r\n|\r|\n", " ", text.replace("\0", "\ufffd"))
    assert found == ["html", "head", "body", "ul", "li", "strong", *(["code"] if literal else [])]
    if literal:
        assert tree.css_first("code").text() == literal, markdown


@settings(max_examples=300, deadline=None, database=None)
@given(texts, st.sampled_from(["", "  "]))
@example("```\n# Godkänt\n~~~", "  ")
@example("a\x85b\u2028c\x0bd\x0ce", "")
@example("a\n", "")
def test_a_fenced_block_shows_any_text_as_written(text: str, indent: str) -> None:
    """The GDPR report, and MkDocs' log under an item of the errors: no line closes the
    block or leaves the item, and every line is shown as written."""
    lines = gfm.fenced(text, indent)
    markdown = "\n".join(["- Bygget stoppade:", "", *lines, "- Nästa."] if indent else lines)
    tree = render(markdown)
    found = elements(tree)
    made = ["ul", "li", "p", "pre", "code", "li", "p"] if indent else ["pre", "code"]
    assert found == ["html", "head", "body", *made], markdown
    written = re.sub(r"\r\n|\r|\n", "\n", text.replace("\0", "\ufffd"))
    assert tree.css_first("pre code").text() == (
        written if not written or written.endswith("\n") else written + "\n"
    ), markdown


def test_what_the_review_quotes_stays_readable() -> None:
    """Only what GFM would read is escaped: å, ä, ö, file names, rows and colons stay."""
    assert gfm.escape("docs/lagring.md, rad 3: länken 'klagomaal.md' (två ord).") == (
        "docs/lagring.md, rad 3: länken 'klagomaal.md' (två ord)."
    )
    assert gfm.escape("13.1.a hur länge uppgifterna sparas") == (
        "13.1.a hur länge uppgifterna sparas"
    )
    assert gfm.escape("<b>*x*</b> [a](b) organisation_number") == (
        r"&lt;b&gt;\*x\*&lt;/b&gt; \[a\](b) organisation\_number"
    )
    # An address is shown in a code span, its punctuation around it outside.
    assert gfm.escape("länken 'www.evil.example/x' leder, till dataskydd@example.se.") == (
        "länken '`www.evil.example/x`' leder, till `dataskydd@example.se`."
    )
    assert gfm.escape("1. x\n- y") == r"1\. x - y"
    assert gfm.code("lagring.md") == "`lagring.md`"
    assert gfm.code("a`b") == "``a`b``"
    assert gfm.code("`x`") == "`` `x` ``"
