"""The site's languages, as static-i18n configures them (mkdocs.yml)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

# The languages' names in the editors' messages (Swedish, in a sentence: "på engelska").
LANGUAGE_NAMES = {"sv": "svenska", "en": "engelska"}


def built(config: MkDocsConfig) -> list[str]:
    """The languages static-i18n builds, the default (authoritative) one first."""
    default_ = default(config)
    others = [lang.locale for lang in _languages(config) if lang.build and lang.locale != default_]
    return [default_, *others]


def default(config: MkDocsConfig) -> str:
    return next(lang.locale for lang in _languages(config) if lang.default)


def names(config: MkDocsConfig) -> dict[str, str]:
    return {lang.locale: lang.name for lang in _languages(config) if lang.build}


def site_names(config: MkDocsConfig) -> dict[str, str]:
    """The site's name in each built language (static-i18n's site_name, else mkdocs.yml's)."""
    return {
        lang.locale: lang.site_name or config.site_name for lang in _languages(config) if lang.build
    }


def current(config: MkDocsConfig) -> str:
    """The language being built now: static-i18n sets the theme language per nested build."""
    return config.theme["language"]


def of_page(page: Page, config: MkDocsConfig) -> str:
    return getattr(page.file, "locale", None) or current(config)


def prefix(locale: str, config: MkDocsConfig) -> str:
    """Where a language lives under the site root: "" for the default, "en/" for English."""
    return prefix_of(locale, built(config))


def prefix_of(locale: str, languages: list[str]) -> str:
    """The same, given the built languages, the default first."""
    return "" if locale == languages[0] else f"{locale}/"


def _languages(config: MkDocsConfig) -> list:
    return config.plugins["i18n"].config.languages
