"""A word-by-word diff of paragraphs: what the what-changed page marks as added and removed."""

from __future__ import annotations

import difflib
from collections.abc import Callable

from notice.html import LINK

PARAGRAPH = "\n\n"  # a word that never occurs in text split on whitespace


def diff_paragraphs(before: list[list[str]], after: list[list[str]]) -> list[list[tuple[str, str]]]:
    """The paragraphs that changed, each a list of (op, word): op is same, ins or del."""
    old_words, new_words = _words(before), _words(after)
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    paragraphs: list[list[tuple[str, str]]] = [[]]
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        pieces = (
            [("same", w) for w in new_words[j1:j2]]
            if tag == "equal"
            else [("del", w) for w in old_words[i1:i2]] + [("ins", w) for w in new_words[j1:j2]]
        )
        for op, word in pieces:
            if word == PARAGRAPH:
                paragraphs.append([])
            else:
                paragraphs[-1].append((op, word))
    return [p for p in paragraphs if any(op != "same" for op, _ in p)]


def chunks(
    words: list[tuple[str, str]], describe_link: Callable[[str], str]
) -> list[dict[str, str]]:
    """Runs of words with the same op: {"op": ..., "text": ...}.

    A link's target (LINK + href, after the link's words) is shown only where it was added or
    removed, as ``describe_link(href)`` words it: a link that moved is a change readers see.
    """
    out: list[dict[str, str]] = []
    for op, word in words:
        if word.startswith(LINK):
            if op == "same":
                continue
            word = describe_link(word[len(LINK) :])
        if out and out[-1]["op"] == op:
            out[-1]["text"] += " " + word
        else:
            out.append({"op": op, "text": word})
    return out


def _words(paragraphs: list[list[str]]) -> list[str]:
    words: list[str] = []
    for paragraph in paragraphs:
        words += [*paragraph, PARAGRAPH]
    return words
