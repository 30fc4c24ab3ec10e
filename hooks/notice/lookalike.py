"""Names that only look like the ones the site knows: 'retentіon' with a Cyrillic і.

Section names, GDPR codes and the like are ASCII. A name written with a letter from another
script that looks the same (pasted, or typed on another keyboard) would give a message that
shows two identical-looking names; instead the message says which character is not what it
seems. The skeleton follows the idea of Unicode's confusables (UTS #39), for the letters and
digits that these ASCII names use; NFKC folds full-width forms and the like first.
"""

from __future__ import annotations

import unicodedata

# Letters of other scripts drawn like a–z (and digits), as UTS #39's confusables map them.
CONFUSABLES = {
    # Cyrillic
    "а": "a", "в": "b", "с": "c", "ԁ": "d", "е": "e", "һ": "h", "і": "i", "ј": "j", "к": "k",
    "ӏ": "l", "м": "m", "п": "n", "о": "o", "р": "p", "ԛ": "q", "г": "r", "ѕ": "s", "т": "t",
    "у": "y", "ѵ": "v", "ԝ": "w", "х": "x", "ь": "b", "з": "3",
    # Greek
    "α": "a", "β": "b", "ϲ": "c", "δ": "d", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v",
    "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "γ": "y",
    # Latin look-alikes outside a–z
    "ı": "i", "ȷ": "j", "ɡ": "g", "ɑ": "a", "ꞵ": "b", "ſ": "f",
    # Dashes and dots in codes (13.1.c, dpo-mail)
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-", "․": ".", "·": ".",
}  # fmt: skip


def skeleton(name: str) -> str:
    """``name`` as it looks: compatibility forms folded, look-alikes mapped, accents off."""
    folded = unicodedata.normalize("NFKC", name).lower()
    mapped = "".join(CONFUSABLES.get(char, char) for char in folded)
    decomposed = unicodedata.normalize("NFKD", mapped)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def hint(name: str, known: list[str] | dict[str, object] | set[str]) -> str:
    """ " 'retentіon' ser ut som 'retention', men ...": a sentence to add to a message about an
    unknown name, when it only looks like a known one; else ""."""
    if name.isascii():
        return ""
    looks = skeleton(name)
    match = next((k for k in known if skeleton(k) == looks), None)
    if match is None:
        return ""
    odd = list(dict.fromkeys(char for char in name if not char.isascii()))
    described = ", ".join(
        f"'{char}' (U+{ord(char):04X} {unicodedata.name(char, 'okänt tecken')})" for char in odd
    )
    which, those = ("tecknet", "det") if len(odd) == 1 else ("tecknen", "de")
    return (
        f" '{name}' ser ut som '{match}', men {which} {described} är inte samma som {those} i "
        f"'{match}': skriv '{match}' med vanliga tecken."
    )
