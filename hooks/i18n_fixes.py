"""Fix what Material and static-i18n get wrong on a multilingual site.

- Per page: the language switcher links to the same page in the other language (static-i18n
  leaves the start pages pointing at absolute language roots), and the page gets absolute
  hreflang alternates plus x-default (Material renders relative ones, without x-default).
- 404: static-i18n renders Material's 404 page once per language into the same file, so the
  last language built wins; each language gets its own (404.html, en/404.html).
- Search: static-i18n merges every language into one index; each language gets its own, which
  overrides/assets/javascripts/search.js makes Material load. The preview
  (mkdocs.preview.yml, ``extra.preview``) is opened from disk, where Material loads the index
  as a script (``search/search_index.js``, what Material's offline plugin writes, but with
  every language): each language gets that too.
"""

from __future__ import annotations

import json
import posixpath
from copy import deepcopy
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from mkdocs.plugins import event_priority

from notice import build, languages, urls

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    alternates = page_alternates(page, config)
    if alternates:
        # An attribute, not a key: static-i18n sets it so, and Jinja reads the attribute first.
        config.extra.alternate = [
            {"name": a["name"], "link": a["url"] or "./", "lang": a["lang"]} for a in alternates
        ]
        context["hreflang_links"] = hreflang_links(alternates, config)
    context["search_index"] = search_index_path(languages.of_page(page, config), config)
    return context


def on_template_context(
    context: dict[str, Any], *, template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    # Theme templates such as 404.html have no page: switch languages at their start pages,
    # not at whichever page was rendered last.
    config.extra.alternate = error_page_alternates(
        deepcopy(config.plugins["i18n"].extra_alternate), config.site_url
    )
    # ... and search in the language being built, as on every page.
    context["search_index"] = search_index_path(languages.current(config), config)
    return context


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html" or not output:  # empty: hooks/security.py left it out
        return output
    prefix = languages.prefix(languages.current(config), config)
    if not prefix:
        return output
    # Write the other language's 404 page into its own folder; an empty result tells MkDocs
    # not to overwrite the default language's 404.html.
    target = Path(config.site_dir) / prefix / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""


@event_priority(build.AFTER_I18N)  # every language's search index merged
def on_post_build(*, config: MkDocsConfig) -> None:
    if not build.outer(config):  # a nested language build: the merged index is not written yet
        return
    scripts = bool(config.extra.get("preview"))
    split_search_index(Path(config.site_dir), languages.built(config), scripts=scripts)


# Alternates


def page_alternates(page: Page, config: MkDocsConfig) -> list[dict[str, str]]:
    """This page in every built language: lang, name and URL relative to the site root."""
    files = getattr(page.file, "alternates", None) or {}
    names = languages.names(config)
    return [
        {"lang": locale, "name": names[locale], "url": _site_relative(files[locale].url)}
        for locale in languages.built(config)
        if locale in files
    ]


def hreflang_links(alternates: list[dict[str, str]], config: MkDocsConfig) -> list[dict[str, str]]:
    """Absolute alternates, and x-default pointing at the default language."""
    root = urls.version_root(config.site_url)
    links = [{"lang": a["lang"], "href": urljoin(root, a["url"])} for a in alternates]
    default = next(link for link in links if link["lang"] == languages.default(config))
    return [*links, {"lang": "x-default", "href": default["href"]}]


def _site_relative(url: str) -> str:
    return "" if url == "./" else url


def error_page_alternates(alternates: list[dict[str, str]], site_url: str | None) -> list:
    """static-i18n's language roots for pages without a page (404.html): absolute paths that
    start with site_url's path as it is written, which Material prints unescaped. They start
    with it as a browser reads it instead, percent-encoded (urls.error_page_root)."""
    written = urlsplit(site_url or "/").path.rstrip("/")
    root = urls.error_page_root(site_url or "/").rstrip("/")
    return [
        {**alternate, "link": root + alternate["link"][len(written) :]}
        if alternate.get("link", "").startswith(written + "/")
        else alternate
        for alternate in alternates
    ]


# Search


def search_index_path(locale: str, config: MkDocsConfig) -> str:
    return posixpath.join(languages.prefix(locale, config), "search", "search_index.json")


def split_search_index(site_dir: Path, locales: list[str], *, scripts: bool = False) -> None:
    """Write one search index per language from the merged one; with ``scripts``, also as the
    script Material loads from disk, which sets ``__index``."""
    merged_path = site_dir / "search" / "search_index.json"
    if not merged_path.is_file():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    default, others = locales[0], locales[1:]

    def language(entry: dict[str, Any]) -> str:
        first = entry["location"].split("/", 1)[0]
        return first if first in others else default

    for locale in locales:
        index = {
            "config": {**merged["config"], "lang": [locale]},
            "docs": [entry for entry in merged["docs"] if language(entry) == locale],
        }
        target = site_dir / ("" if locale == default else locale) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False)
        target.write_text(text, encoding="utf-8")
        if scripts:
            target.with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")
