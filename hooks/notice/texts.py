"""Reader-facing words: one JSON file per language, hooks/notice/words/<locale>.json.

Every word this site adds for readers lives in those files, as one dictionary ``t`` per
language, by component. Python reads it through ``of()`` and holds no reader-facing text of
its own; templates import it from overrides/partials/texts/<locale>.html, which only names the
dictionary that ``install()`` gives every Jinja environment (``notice_words``), as Material
keeps its own words in partials/languages/<locale>.html.

Data rather than a template: a Jinja dictionary literal was compiled on every build (about
3 % of its CPU), and the words stay with the site when its theme changes. JSON, read by the
standard library: strict, and no word turns into a boolean as "no" does in YAML.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

WORDS = Path(__file__).parent / "words"
GLOBAL = "notice_words"

# {locale: ((mtime_ns, size), words)}: read again when the file changes (`make serve`).
_read: dict[str, tuple[tuple[int, int], dict[str, Any]]] = {}


def of(env: jinja2.Environment | None, locale: str) -> dict[str, Any]:
    """The words of one language. ``env`` is unused: kept for the callers that pass it."""
    file = WORDS / f"{locale}.json"
    stat = file.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _read.get(locale)
    if cached is None or cached[0] != stamp:
        cached = (stamp, json.loads(file.read_text(encoding="utf-8")))
        _read[locale] = cached
    return cached[1]


def install(env: jinja2.Environment) -> jinja2.Environment:
    """Give ``env``'s templates the words (``notice_words.<locale>``), imported templates too."""
    env.globals[GLOBAL] = _Words()
    return env


class _Words:
    """``notice_words.sv``: each language's words, read when a template asks for them."""

    def __getattr__(self, locale: str) -> dict[str, Any]:
        if locale.startswith("_"):
            raise AttributeError(locale)
        return of(None, locale)

    __getitem__ = __getattr__
