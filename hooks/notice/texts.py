"""Reader-facing words: one template per language, overrides/partials/texts/<locale>.html.

As Material keeps its own words in partials/languages/<locale>.html, every word this site
adds lives in those two files, as one dictionary ``t`` per language. Templates import it;
Python reads it through this function and holds no reader-facing text of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2


def of(env: jinja2.Environment, locale: str) -> dict[str, Any]:
    return env.get_template(f"partials/texts/{locale}.html").module.t
