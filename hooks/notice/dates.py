"""Dates as each language writes them (Babel), and today's date in Sweden."""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

from babel.dates import format_date

# The notice is Swedish; its English is British: "1 December 2026", not "December 1, 2026".
BABEL_LOCALES = {"sv": "sv_SE", "en": "en_GB"}
SWEDEN = ZoneInfo("Europe/Stockholm")


def long_date(date: dt.date, locale: str) -> str:
    """1 december 2026 / 1 December 2026, whatever the machine's locale."""
    return format_date(date, format="long", locale=BABEL_LOCALES.get(locale, locale))


def today(now: dt.datetime | None = None) -> dt.date:
    """Today in Sweden, where a version of the notice takes effect at midnight: the nightly
    run at 23:05 UTC in winter (22:05 in summer) is already on the next day there.

    ``NOTICE_TODAY=YYYY-MM-DD`` sets the date that counts as today, for tests and previews:
    which version is in force and which is upcoming follow it, nothing else. ``now``: the
    moment to take instead of the clock's (an aware datetime).
    """
    value = os.environ.get(TODAY_VARIABLE, "").strip()
    if not value:
        return (now or dt.datetime.now(dt.UTC)).astimezone(SWEDEN).date()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{TODAY_VARIABLE} is {value!r}: set it to a date written YYYY-MM-DD, or unset it "
            "to use today's date."
        ) from None


TODAY_VARIABLE = "NOTICE_TODAY"
