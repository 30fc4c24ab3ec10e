"""How hard a text is to read, by the length of its sentences and words: advice for editors.

Two measures, both from counting letters, words and sentences, so that one reading of the text
serves both and no syllable dictionary is needed:

- LIX (läsbarhetsindex), for Swedish: words per sentence plus the percentage of long words,
  more than six letters (C.-H. Björnsson, *Läsbarhet*, Stockholm: Liber, 1968).
- The Coleman–Liau index, for English: an estimate of the (US) school grade a reader needs,
  0.0588 L - 0.296 S - 15.8, where L is letters per 100 words and S sentences per 100 words
  (M. Coleman and T. L. Liau, "A computer readability formula designed for machine scoring",
  Journal of Applied Psychology 60(2), 1975, pp. 283-284). Not LIX: its bands are Swedish
  prose's, and English words are shorter, so English would look easier than the Swedish it
  translates. Not Flesch Reading Ease: it counts syllables, which needs a pronouncing
  dictionary or a guess by vowels that is wrong for many English words. A library would not
  help here: textstat (on PyPI, not installed) guesses syllables with pyphen's hyphenation
  dictionaries, a new pinned dependency of the review for formulas a few lines long.
  Coleman and Liau designed their formula to need letters only, and it rises with difficulty,
  as LIX does.

What counts (the same for both, and documented here because the numbers depend on it):

- A **word** is a run of letters (Unicode letters, after NFC composition, so that an å typed
  as a + ring is one letter). Letters joined by a hyphen, an apostrophe or a colon count as
  one word, as a reader sees it: "e-post", "don't", "SEOM:s". Digits are not words (our
  choice: "12 månader" is one word; a number's length in digits says little of how hard it
  is to read). A word's length is its letters, joiners left out.
- A **long word** (LIX) has more than six letters (Björnsson: "långa ord", över sex bokstäver).
- A **sentence** ends at a full stop, a colon, a question mark or an exclamation mark (one or
  more in a row) followed by a space, a closing quote or bracket, or the end of the text, as
  Björnsson marks a "mening" (punkt, kolon, frågetecken, utropstecken); and at a line end,
  which is how a text read as a reader reads it (``notice.html``) ends a heading, a list item,
  a table cell or a paragraph. Text with no word in it is no sentence. An abbreviation's full
  stop before a space ("t.ex. att") ends a sentence, as a count by the marks alone has it; a
  full stop inside a word or a number ("3.5", "seom.se") does not.

Pure, no MkDocs: a text in, a number out; None for a text without words, which has no
readability to speak of (no division by zero, no 0 that looks like "very easy"). Linear in the
text, however hostile: one pass of one regular expression that never backtracks far.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

LONG = 6  # a long word has more letters than this (Björnsson)

_LETTER = r"[^\W\d_]"  # \w less digits and the underscore: letters only
_JOINER = "-\u2010\u2011'\u2019:"  # hyphens, apostrophes and the colon of "SEOM:s"
_CLOSING = "\"'\u201d\u2019\u00bb)]"  # what may follow a sentence's last mark
# A run of marks is taken whole and what follows it is looked at in Python: a lookahead after
# a repeated mark would retry the run from each of its marks (quadratic in a run of dots).
_TOKENS = re.compile(rf"(?P<word>{_LETTER}+(?:[{re.escape(_JOINER)}]{_LETTER}+)*)|[.!?:]+|\n")


@dataclass(frozen=True)
class Counts:
    """What the measures are made of."""

    words: int = 0
    long_words: int = 0  # more than LONG letters
    letters: int = 0  # in words, joiners left out
    sentences: int = 0  # that hold a word


def counts(text: str) -> Counts:
    text = unicodedata.normalize("NFC", text)
    words = long_words = letters = sentences = 0
    open_sentence = False  # a word since the last sentence's end
    for token in _TOKENS.finditer(text):
        word = token.group("word")
        if word is None:
            if token.group() == "\n" or ends_sentence(text, token.end()):
                sentences += open_sentence
                open_sentence = False
            continue
        length = len(word) - sum(word.count(j) for j in _JOINER)
        words += 1
        letters += length
        long_words += length > LONG
        open_sentence = True
    return Counts(words, long_words, letters, sentences + open_sentence)


def ends_sentence(text: str, after: int) -> bool:
    """Whether marks ending at ``after`` end a sentence: the text ends, or a space or a closing
    quote or bracket follows them."""
    return after == len(text) or text[after].isspace() or text[after] in _CLOSING


def lix(text: str) -> float | None:
    """Björnsson's LIX: words per sentence plus the percentage of long words. Under 30 is very
    easy, 30-40 easy, 40-50 medium, 50-60 hard, over 60 very hard (his scale for Swedish)."""
    c = counts(text)
    if not c.words:
        return None
    return c.words / c.sentences + 100 * c.long_words / c.words


def coleman_liau(text: str) -> float | None:
    """The Coleman–Liau index: about the US school grade the text needs; lower is easier."""
    c = counts(text)
    if not c.words:
        return None
    letters_per_100 = 100 * c.letters / c.words
    sentences_per_100 = 100 * c.sentences / c.words
    return 0.0588 * letters_per_100 - 0.296 * sentences_per_100 - 15.8
