"""Readability, the review's advice to editors: LIX for Swedish, Coleman–Liau for English.

The formulas on texts counted by hand (hooks/notice/readability.py says what a word, a long
word and a sentence are), what has no words, and the line the review writes for a section
(scripts/review.py). In-process, in milliseconds; tests/test_review.py shows the line in a
real review.
"""

from __future__ import annotations

import pytest

import review
from notice import changes, html
from notice.readability import Counts, coleman_liau, counts, lix

# Counted by hand: 11 words; "skickar" (7 letters) and "personuppgifter" (15) are long,
# "alltid" (6) is not; two sentences, one ending at "!".
SWEDISH = "Vi skickar ett brev. Du kan alltid fråga oss om personuppgifter!"
ENGLISH = "The cat sat on the mat. It was happy."


def test_lix_is_words_per_sentence_plus_the_percentage_of_long_words() -> None:
    assert counts(SWEDISH) == Counts(words=11, long_words=2, letters=52, sentences=2)
    assert lix(SWEDISH) == pytest.approx(11 / 2 + 100 * 2 / 11)  # 23.7


def test_coleman_liau_counts_letters_and_sentences_per_100_words() -> None:
    # 9 words of 27 letters in 2 sentences: L = 300, S = 22.2.
    assert counts(ENGLISH) == Counts(words=9, long_words=0, letters=27, sentences=2)
    assert coleman_liau(ENGLISH) == pytest.approx(0.0588 * 300 - 0.296 * 200 / 9 - 15.8)  # -4.7
    # "don't" is one word of four letters.
    assert counts("We don't.") == Counts(words=2, long_words=0, letters=6, sentences=1)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Ett. Två? Tre! Fyra: fem", 5),  # . ? ! : and the end of the text
        ("Rubrik utan punkt\nEn mening.\n\nEn till.", 3),  # a line ends a heading
        ("Vänta... sedan!? Klart.", 3),  # a run of marks is one end
        ('Han sa "ja." Sedan (se nedan.) gick han.', 3),  # a closing quote or bracket
        ("Version 3.5 på seom.se gäller.", 1),  # a full stop inside a number or an address
        ("SEOM:s uppgifter och kl. 12:30 finns.", 2),  # a colon inside: not an end
        ("Till exempel t.ex. detta.", 2),  # an abbreviation before a space ends one
        ("...\n\n!", 0),  # marks without words are no sentence
    ],
)
def test_what_ends_a_sentence(text: str, sentences: int) -> None:
    assert counts(text).sentences == sentences


@pytest.mark.parametrize(
    ("text", "words", "long_words"),
    [
        ("e-post och GDPR-rapporten", 3, 1),  # joined by a hyphen: one word, its letters
        ("SEOM:s", 1, 0),  # five letters
        ("12 månader, 2026-12-01", 1, 1),  # digits are no words
        ("sparar bokföringslagen", 2, 1),  # six letters is not long, seven is
        ("la\u0308ngre", 1, 0),  # ä written as a + diaeresis is one letter: "längre", six
    ],
)
def test_what_a_word_is(text: str, words: int, long_words: int) -> None:
    found = counts(text)
    assert (found.words, found.long_words) == (words, long_words)


@pytest.mark.parametrize("text", ["", "   \n\n", "12 345 ...", "— – •", "2026-12-01: 08:00"])
def test_a_text_without_words_has_no_measure(text: str) -> None:
    assert counts(text) == Counts()
    assert lix(text) is None
    assert coleman_liau(text) is None


def test_a_hostile_text_is_read_whole() -> None:
    """A run of marks that ends no sentence: taken once, not retried from each of its marks
    (the pattern is linear; a lookahead after a repeated mark made this take minutes, which
    the suite would show as a hang: no clock is read here, the suite keeps no timed tests)."""
    assert counts("." * 100_000 + "a").words == 1
    assert counts("a-" * 100_000).words == 1


# The review's line


def test_the_review_shows_before_and_after_for_a_changed_text() -> None:
    # Five long words in one sentence: 5 / 1 + 100 * 5 / 5 = 105.
    longer = "Personuppgiftsansvarig organisation behandlar personuppgifterna noggrant."
    assert review.readability_line("sv", "changed", SWEDISH, longer) == (
        "Läsbarhet: LIX 24 (mycket lätt) före, 105 (mycket svår) efter."
    )
    # -4.7 before (above); after, 6 words of 55 letters in one sentence: L = 916.7, S = 16.7,
    # 53.9 - 4.9 - 15.8 = 33.2.
    harder = "Municipal utilities process personal information responsibly."
    assert review.readability_line("en", "changed", ENGLISH, harder) == (
        "Läsbarhet: Coleman–Liau -5 före, 33 efter."
    )


@pytest.mark.parametrize(
    ("state", "before", "after"),
    [("added", None, SWEDISH), ("removed", SWEDISH, None), ("unchanged", SWEDISH, SWEDISH)],
)
def test_the_review_shows_one_value_for_a_new_removed_or_unchanged_text(
    state: str, before: str | None, after: str | None
) -> None:
    assert review.readability_line("sv", state, before, after) == (
        "Läsbarhet: LIX 24 (mycket lätt)."
    )


def test_the_review_says_nothing_without_words_or_without_a_measure() -> None:
    assert review.readability_line("sv", "changed", "123", "456") is None
    assert review.readability_line("sv", "changed", "123", SWEDISH) == (
        "Läsbarhet: LIX 24 (mycket lätt)."
    )
    assert review.readability_line("fi", "changed", SWEDISH, SWEDISH) is None


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (29, "mycket lätt"),
        (30, "lätt"),
        (39, "lätt"),
        (40, "medelsvår"),
        (50, "svår"),
        (59, "svår"),
        (60, "mycket svår"),
    ],
)
def test_the_lix_bands(value: int, band: str) -> None:
    assert review.lix_band(value) == band


def test_the_review_rounds_half_up() -> None:
    # 9 short words in 2 sentences: LIX 4.5, shown as 5 (round() would give 4).
    text = "Ett två tre fyra fem. Sex sju åtta nio."
    assert lix(text) == 4.5
    assert review.readability_line("sv", "added", None, text) == "Läsbarhet: LIX 5 (mycket lätt)."


def test_the_text_measured_is_the_readers_without_the_links_targets() -> None:
    section = changes.Readable(
        "Klagomål", [["Klagomål"], ["Kontakta", "oss.", html.LINK + "kontakt.md", "Tack."]]
    )
    assert review.plain_text(section) == "Klagomål\nKontakta oss. Tack."
    assert review.plain_text(None) is None
