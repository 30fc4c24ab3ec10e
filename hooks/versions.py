"""The notice's versions on every page and in the feeds (docs/versions.yml, via the model).

- ``on_page_context`` / ``on_template_context`` give every page (404 too) ``notice_version``:
  the effective date, written the page language's way (overrides/partials/versions.html),
  whether the version is upcoming (its date is after today: notice/dates.py), and the feed to
  subscribe to.
- ``on_post_build`` writes the machine-readable copy of the language just built (``tilt.json``,
  ``en/tilt.json``: notice/tilt.py), and its Atom feed (``feed.xml``, ``en/feed.xml``) in plain
  builds: the archive's feeds are `make publish`'s.

The history and what-changed pages are shortcodes (notice/render.py).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from mkdocs.plugins import event_priority
from mkdocs.utils import is_error_template

from notice import (
    atom,
    build,
    changes,
    dates,
    form,
    languages,
    render,
    shortcodes,
    sources,
    texts,
    tilt,
    urls,
)
from notice.shortcodes import HISTORY_PAGE, RIGHTS_PAGE

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    context["notice_version"] = version_context(languages.of_page(page, config), config)
    return context


@event_priority(build.FIRST)  # the other hooks read base_url (the footer's statement link)
def on_template_context(
    context: dict[str, Any], *, template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    # Theme templates such as 404.html have no page: they are in the language being built.
    context["notice_version"] = version_context(languages.current(config), config)
    # MkDocs gives error pages site_url's path as base_url, as it is written: percent-encoded
    # here, as a browser would read it, so that it cannot end an attribute of Material's
    # templates, which print it unescaped. Under mike it lacks the trailing slash ("/latest"),
    # and Material's search then looked for its index one folder up.
    if is_error_template(template_name):
        context["base_url"] = urls.error_page_root(config.site_url or "/")
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    # static-i18n builds each language separately into the same site_dir: each build writes
    # its own language's files.
    locale = languages.current(config)
    write_tilt(locale, config)
    if urls.building_a_version():  # what the versions page compares, in the archive only
        write_readable(locale, config)
    # In the archive, `make publish` writes the feeds at its root (scripts/publish.py): a
    # version folder never changes, and its feed would miss every later version.
    if urls.building_a_version():
        return
    root = urls.archive_root(config.site_url or "/")
    prefix = languages.prefix(locale, config)
    xml = atom.feed(
        build.current().versions,
        locale,
        root,
        texts.of(build.env(config), locale)["feed"],
        build.current().controller.of(locale).get("name", ""),
        prefix=prefix,
        home=urljoin(root, prefix),
    )
    target = Path(config.site_dir) / feed_path(locale, config)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(xml)


def write_tilt(locale: str, config: MkDocsConfig) -> None:
    """The machine-readable copy of this version in ``locale`` (notice/tilt.py), beside the
    language's start page: in the archive, inside the version's folder, which keeps it."""
    prefix = languages.prefix(locale, config)
    root = urls.version_root(config.site_url or "/")
    if urls.building_a_version():  # mike's site_url may be an alias (latest): the version's own
        folder = os.environ[urls.MIKE_VERSION_VARIABLE]
        root = urls.version_root(urljoin(urls.archive_root(config.site_url or "/"), folder))
    home = urljoin(root, prefix)
    # Addresses on the published site, which has folder URLs (the preview has .html files).
    rights = urls.page_path(RIGHTS_PAGE, directory_urls=True)
    doc = tilt.document(
        build.current(),
        locale,
        texts.of(build.env(config), locale),
        home=home,
        rights=urljoin(home, rights),
    )
    target = Path(config.site_dir) / prefix / tilt.FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(tilt.dumps(doc))


def write_readable(locale: str, config: MkDocsConfig) -> None:
    """This version's text as readers read it, in ``locale`` (``readable.json`` beside the
    language's start page): the versions page of any version compares two of them in the
    reader's browser (assets/javascripts/compare.js, notice/changes.py: reader_json)."""
    prefix = languages.prefix(locale, config)
    model = build.current()
    context = render.Context(
        model=model,
        locale=locale,
        page_path=sources.translation_path(
            shortcodes.TABLE["history"].home, locale, model.languages[0]
        ),
        page_url=urls.page_path(prefix + HISTORY_PAGE, directory_urls=config.use_directory_urls),
        env=build.env(config),
        form_settings=form.settings_of(config),
        directory_urls=config.use_directory_urls,
        for_changes=True,
    )
    data = changes.reader_json(
        model, locale, texts.of(build.env(config), locale), context.expander()
    )
    target = Path(config.site_dir) / prefix / changes.READER_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def version_context(locale: str, config: MkDocsConfig) -> dict[str, Any]:
    model = build.current()
    current = model.versions[0]
    in_force = model.in_force()
    return {
        "date": current.id,
        "text": dates.long_date(current.date, locale),
        "lang": locale,
        # Published before its date: every page says so (overrides/main.html, block announce),
        # and links to the version in force when there is one and an archive to find it in.
        "upcoming": model.upcoming,
        "in_force": in_force.id if in_force and model.upcoming else None,
        "archive": urls.building_a_version(),
        # Absolute, at the archive's root, where `make publish` keeps the one feed that goes on.
        "feed": urljoin(urls.archive_root(config.site_url or "/"), feed_path(locale, config)),
        # The version history in this language, from the site's root: the foot of every page
        # links to it (every version, reachable on a phone too, whose header has no selector).
        "history": urls.page_path(
            languages.prefix(locale, config) + HISTORY_PAGE,
            directory_urls=config.use_directory_urls,
        ),
    }


def feed_path(locale: str, config: MkDocsConfig) -> str:
    return languages.prefix(locale, config) + "feed.xml"
