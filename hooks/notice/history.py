"""The version history (<!-- notice:history -->): each version with links to it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from notice import dates, languages, urls
from notice.shortcodes import CHANGES_PAGE

if TYPE_CHECKING:
    from notice.model import Version


def items(
    versions: list[Version], page_url: str, locale: str, built: list[str]
) -> list[dict[str, Any]]:
    prefix = languages.prefix_of(locale, built)
    return [
        {
            "date": version.id,
            "text": dates.long_date(version.date, locale),
            "summary": version.summary[locale],
            "current": index == 0,
            "archive": urls.version_link(page_url, version.id, prefix),
            "changes": urls.version_link(page_url, version.id, prefix + CHANGES_PAGE),
        }
        for index, version in enumerate(versions)
    ]
