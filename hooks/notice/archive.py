"""The archive's calendar: which published version is in force on a date.

One definition for the build, the review, the gate and `make publish`. A version takes effect
on its date, at midnight in Sweden (notice/dates.py gives today there); the version in force is
the newest whose date has come. Before the first version's date none is, and the archive's
``latest`` shows the first one, which then says when it takes effect.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

# The archive's folder that is a copy of the version in force (mike's alias): latest/.
ALIAS = "latest"


def in_effect(version: str, today: dt.date) -> bool:
    """A version (its date, YYYY-MM-DD) has taken effect by ``today``: on its date, not before."""
    return dt.date.fromisoformat(version) <= today


def in_force(versions: Iterable[str], today: dt.date) -> str | None:
    """The newest of ``versions`` (dates, YYYY-MM-DD) whose date has come, or None."""
    come = [v for v in versions if in_effect(v, today)]
    return max(come) if come else None


def latest(versions: Iterable[str], today: dt.date) -> str | None:
    """The version the archive's ``latest`` shows: the one in force, else the first one."""
    versions = list(versions)
    return in_force(versions, today) or (min(versions) if versions else None)


def upcoming(versions: Iterable[str], today: dt.date) -> list[str]:
    """The versions published ahead of their date, the soonest first."""
    return sorted(v for v in versions if not in_effect(v, today))
