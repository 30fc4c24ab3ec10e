"""Outside text put into Markdown, shown as written: for GitHub and for the site.

Two engines read the Markdown the engine writes, and each needs its own escaping, so there are
two functions here, side by side:

- ``escape(text)``, ``code()``, ``fenced()``: for GitHub-flavoured Markdown (the review in a
  job summary), described below.
- ``escape_for_site(text)``: for the site's pages, which Python-Markdown renders as MkDocs runs
  it (a section's title and summary on the start page). Python-Markdown knows fewer backslash
  escapes (``\\~`` and ``\\$`` would show their backslash) and links no bare address, so
  GitHub's escaping would change what readers read (an e-mail address as code); GitHub's
  cmark-gfm, in turn, reads what Python-Markdown does not. Merging them would be wrong for one
  of the two.

For GitHub-flavoured Markdown (the review in a job summary):

The review is Markdown that GitHub renders with cmark-gfm and the extensions it enables:
table, strikethrough, autolink, tagfilter and tasklist. Whatever comes from the notice, the
editors or the tools (titles, summaries, link targets, YAML keys and values, file names,
MkDocs' warnings, axe-core's words and selectors) passes through this module before it lands
in the review, so that the review's own structure (its headings, lists, quotes, <ins> and
<del>) is the only structure there is: no text can add a heading ("Godkänt av SEOM:s
jurist"), a link, an image, an HTML element or comment, a list item, a rule or a table, or
close a code block.

The approach allows rather than forbids: a piece of outside text is put either where nothing
is interpreted, or where everything that could be interpreted is escaped.

``escape(text)``: inline text, for a paragraph, a list item, a heading or a quote line.

- One line: GFM's block structure (headings of both kinds, lists, quotes, rules, fences,
  indented code, HTML blocks, tables, link reference definitions) is decided at the start of
  a line, so outside text never starts one. Each line ending (CR LF, CR or LF) becomes a
  space, and spaces and tabs at either end are dropped (a paragraph drops them anyway), so the
  text can neither begin indented nor end in a hard line break.
- Every ASCII punctuation character that cmark-gfm or GitHub reads inline is escaped with a
  backslash, which CommonMark allows before any of them: ``\\ ` * _ [ ] | # ! ~ $`` (code
  spans, emphasis, links and images, tables, headings, strikethrough, GitHub's math). ``&``,
  ``<`` and ``>`` become ``&amp;``, ``&lt;`` and ``&gt;``: no entity (``&#60;``), raw HTML,
  comment or ``<...>`` autolink survives, and the tagfilter has nothing to filter. The rest
  of ASCII punctuation (``. , : ; ' " ( ) / = ? % + - { } ^``) means nothing inline once
  ``[`` and ``]`` are escaped, and is left as written so that the review stays readable; at
  the start of the text, where it could begin a block, ``-``, ``+`` and ``=`` are escaped,
  and so is the ``.`` or ``)`` of an ordered list's number (``1. x``, not ``13.1.a``).
  Letters, digits and everything beyond ASCII (å, ä, ö) are never touched.
- The autolink extension turns bare ``www.`` and ``http(s)://`` and ``ftp://`` addresses and
  e-mail addresses (with ``mailto:`` and ``xmpp:``) into links, and no backslash stops the
  e-mail ones: cmark-gfm finds them in the text after escapes are resolved (and GitHub may
  link an ``@name`` to a user). So a word (a run of characters between ASCII spaces, which
  end an autolink) that holds ``@``, ``://`` or ``www.`` is shown as a code span, where
  nothing is interpreted: ``code()``. Punctuation around the word (quotes, brackets that pair
  with none inside it, a full stop) stays outside the span, escaped as above.
- U+0000 becomes U+FFFD, as CommonMark requires.

So the text readers see is the text given, but for that whitespace: its line endings as
spaces, without spaces and tabs at its ends.

``code(text)``: a code span, for a file name or a path. Its backtick fence is a run of a
length no run of backticks in the text has, with a space inside each end when the text
begins or ends with a backtick or begins and ends with a space (CommonMark strips one space
at each end); line endings become spaces. Nothing inside is interpreted: no escapes, no
entities, no autolinks.

``fenced(text)``: a fenced code block for text of many lines (a report, MkDocs' log). The
fence is a run of backticks longer than any in the text, so no line can close it (a run of
``~`` never closes a backtick fence); every line is indented as the fence is, so the block
stays in the list item it belongs to. Its lines are shown as written.
"""

from __future__ import annotations

import re

# What CommonMark reads as a line ending; nothing else is one.
LINE_ENDING = re.compile(r"\r\n|\r|\n")
# Characters cmark-gfm or GitHub interpret inline, escaped with a backslash wherever they are.
BACKSLASHED = re.compile(r"([\\`*_\[\]|#!~$])")
ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# A byte order mark, written as a reference (after the backslashes, which would break it):
# cmark-gfm drops one that starts the document, where an editor's text can stand in the
# review (hypothesis found it).
BOM = ("\ufeff", "&#xFEFF;")
# What could begin a block at the start of a line, beyond what is escaped everywhere: a list
# item (- + or 1. 1)), a rule or a setext heading's underline (- =).
LINE_START = re.compile(r"[-+=]|\d{1,9}[.)](?=[ \t]|$)")
# The ASCII whitespace that ends cmark-gfm's autolinks: words are split there.
WORDS = re.compile(r"([ \t\v\f]+)")
# A word GFM's autolink extension or GitHub could turn into a link.
LINKABLE = re.compile(r"@|://|www\.", re.IGNORECASE)
# Punctuation around a linkable word that stays outside its code span: quotes, and brackets
# that do not pair with one inside the word; a sentence's punctuation after it.
QUOTES, OPENING, CLOSING, AFTER = "'\"", "([{<", ")]}>", ".,:;!?"


def escape(text: str) -> str:
    """``text`` shown as written, as inline Markdown that starts no block: see above."""
    text = LINE_ENDING.sub(" ", text.replace("\0", "\ufffd")).strip(" \t")
    out = "".join(_word(part) if i % 2 == 0 else part for i, part in enumerate(WORDS.split(text)))
    start = LINE_START.match(out)
    if start:
        at = start.end() - 1  # the marker's last character: - + = . )
        out = f"{out[:at]}\\{out[at:]}"
    return out


def _word(word: str) -> str:
    if not LINKABLE.search(word):
        return _inline(word)
    start, end = 0, len(word)
    while start < end and (
        word[start] in QUOTES
        or (word[start] in OPENING and CLOSING[OPENING.index(word[start])] not in word[start:])
    ):
        start += 1
    while end > start and (
        word[end - 1] in QUOTES + AFTER
        or (
            word[end - 1] in CLOSING
            and word[start:end].count(OPENING[CLOSING.index(word[end - 1])])
            < word[start:end].count(word[end - 1])
        )
    ):
        end -= 1
    return _inline(word[:start]) + code(word[start:end]) + _inline(word[end:])


def _inline(text: str) -> str:
    text = "".join(ENTITIES.get(c, c) for c in text)
    return BACKSLASHED.sub(r"\\\1", text).replace(*BOM)


def code(text: str) -> str:
    """``text`` as a code span that nothing in it can close: see above."""
    text = LINE_ENDING.sub(" ", text.replace("\0", "\ufffd"))
    if not text:
        return ""
    runs = {len(run) for run in re.findall(r"`+", text)}
    fence = "`" * next(n for n in range(1, len(runs) + 2) if n not in runs)
    padded = text[0] == "`" or text[-1] == "`" or (text[0] == text[-1] == " " and text.strip(" "))
    return f"{fence} {text} {fence}" if padded else f"{fence}{text}{fence}"


def fenced(text: str, indent: str = "") -> list[str]:
    """``text`` as a code block that nothing in it can close: a fence longer than any run of
    backticks inside, every line indented as the fence is."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    # Lines end where CommonMark's do, not at Python's other line breaks (\x85, \u2028...).
    lines = LINE_ENDING.split(text.removesuffix("\n").removesuffix("\r")) if text else []
    return [f"{indent}{fence}text", *(f"{indent}{line}" for line in lines), f"{indent}{fence}"]


# The site's Markdown: Python-Markdown, as MkDocs runs it


def escape_for_site(text: str | None) -> str:
    """Plain text (a section's title, its summary) for the site's Markdown, shown as written."""
    escaped = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = SITE_SPECIAL.sub(r"\\\g<0>", " ".join(escaped.split()))
    # "1. Vi ..." or "- Vi ..." would start a list.
    escaped = SITE_NUMBERED.sub(r"\1\\\2", escaped, count=1)
    return "\\" + escaped if escaped.startswith("-") else escaped


# What Python-Markdown reads inline, escaped with a backslash (its ESCAPED_CHARS, with the
# tables extension's "|"), and an ordered list's number at the start.
SITE_SPECIAL = re.compile(r"[\\`*_\[\]{}()#+!|]")
SITE_NUMBERED = re.compile(r"^(\d+)([.)])")
