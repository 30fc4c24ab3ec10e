"""Dates as each language writes them (Babel), and today's date in Sweden."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from babel.dates import format_date

# The notice is Swedish; its English is British: "1 December 2026", not "December 1, 2026".
BABEL_LOCALES = {"sv": "sv_SE", "en": "en_GB"}
SWEDEN = ZoneInfo("Europe/Stockholm")


def long_date(date: dt.date, locale: str) -> str:
    """1 december 2026 / 1 December 2026, whatever the machine's locale."""
    return format_date(date, format="long", locale=BABEL_LOCALES.get(locale, locale))


def today() -> dt.date:
    """Today in Sweden, where a version of the notice takes effect at midnight."""
    return dt.datetime.now(SWEDEN).date()
