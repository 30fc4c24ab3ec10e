"""The privacy notice as one model: the types only (notice/reading.py builds them).

A notice is both languages' pages with their front matter and text, the sections in order
(docs/sections.yml), the versions (docs/versions.yml), the supervisory authority
(docs/authority.yml), SEOM's own details as controller (docs/controller.yml, with what SEOM has
not supplied yet), the accessibility statement (docs/accessibility.yml: not part of the
notice's versions), the previous version's model from its git tag, and every problem found,
as messages for the editors. Nothing here reads a file or runs a check: the methods are
questions about what was read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from notice import archive, html, sources
from notice.sources import Source

__all__ = ["Controller", "Notice", "Purpose", "Section", "Source", "Version"]


@dataclass(frozen=True)
class Version:
    date: dt.date
    summary: dict[str, str]
    # Sections (ids) and other pages (Swedish file names) whose English was checked for this
    # version and needs no change, although it differs from the Swedish (notice/translations.py).
    english_checked: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.date.isoformat()


@dataclass
class Controller:
    """SEOM's details, {locale: {key: value}}, and what SEOM has not supplied yet.

    A missing detail is not an error: the site can be built and previewed without it, and
    says it is missing where it would stand. It is reported in the GDPR report, and
    `make publish` refuses until it is there (scripts/publish.py). None is ever invented.
    """

    values: dict[str, dict[str, str]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # messages for the editors

    def of(self, locale: str) -> dict[str, str]:
        return self.values.get(locale, {})

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class Purpose:
    """One purpose of the processing (docs/purposes.yml): what SEOM says of it, per language.

    ``texts`` holds {locale: {key: text}}; a key SEOM has not filled in is absent (the site
    says it is missing, and `make publish` refuses). ``legal_basis`` is the letter of GDPR
    Art. 6(1), None while SEOM has not said it. ``obligation`` is said in words by the
    ``required`` text, and as one of three answers for the machine-readable copy (notice/tilt.py).
    """

    id: str
    legal_basis: str | None
    direct_marketing: bool | None  # None while SEOM has not said
    texts: dict[str, dict[str, str]]
    # Must the person provide the data (Art. 13(2)(e)): "lag" (by law), "avtal" (by contract,
    # or to enter into one) or "nej"; None while SEOM has not said.
    obligation: str | None = None
    # The countries outside the EU/EEA the data go to (ISO 3166-1 codes), () for none; None
    # while SEOM has not said. The ``transfers`` text says it to readers, with the safeguards.
    third_countries: tuple[str, ...] | None = None

    def of(self, locale: str) -> dict[str, str]:
        return self.texts.get(locale, {})

    @property
    def objection(self) -> bool:
        """The person may object (Art. 21): public interest (e), legitimate interest (f), or
        direct marketing."""
        return bool(self.direct_marketing) or self.legal_basis in ("e", "f")


@dataclass(frozen=True)
class Section:
    """One section of the notice in one language."""

    id: str
    source: Source
    title: str

    @property
    def summary(self) -> str:
        return " ".join(self.source.meta["summary"].split())

    @property
    def gdpr(self) -> list[str]:
        return list(self.source.meta["gdpr"])

    @property
    def decide(self) -> list[tuple[str, str]]:
        """(sentence, question): sentences of SEOM's text that SEOM must decide on (front
        matter's ``decide``, checked by notice/checks.py)."""
        entries = self.source.meta.get("decide")
        return [
            (" ".join(entry["sentence"].split()), " ".join(entry["question"].split()))
            for entry in (entries if isinstance(entries, list) else [])
            if isinstance(entry, dict)
            and isinstance(entry.get("sentence"), str)
            and isinstance(entry.get("question"), str)
        ]


@dataclass
class Notice:
    languages: list[str]  # the default (authoritative) language first
    markdown: html.MarkdownConfig
    pages: dict[str, Source] = field(default_factory=dict)  # every Markdown file, by path
    assets: set[str] = field(default_factory=set)  # the images and documents in docs/, by path
    rendered: dict[str, html.Page] = field(default_factory=dict)  # readable pages, by path
    section_ids: dict[str, str] = field(default_factory=dict)  # id: description, in order
    versions: list[Version] = field(default_factory=list)  # newest first
    authority: dict[str, dict[str, str]] = field(default_factory=dict)  # locale: key: value
    controller: Controller = field(default_factory=Controller)  # SEOM's details
    # The accessibility statement, locale: key: value. Not part of the notice's text: a change
    # needs no new version (scripts/publish.py compares only the notice's pages).
    accessibility: dict[str, dict[str, Any]] = field(default_factory=dict)
    # What the statement still needs from SEOM (its channel for feedback): like the
    # controller's missing details, not an error, but `make publish` waits for it.
    statement_missing: list[str] = field(default_factory=list)
    # The purposes of the processing (docs/purposes.yml), and what SEOM has not said of them
    # yet: like the controller's missing details, shown as missing, and `make publish` waits.
    purposes: list[Purpose] = field(default_factory=list)
    purposes_missing: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    previous_version: Notice | None = None  # the model at the previous version's git tag
    # What is published (the versions with a git tag notice/<date>, oldest first) and the
    # newest of them as a model: what a change is compared with (the review, the
    # translations). That is the newest version itself when it is published already. None
    # before anything is published, or without the tags (a build of files alone).
    published: list[str] = field(default_factory=list)
    baseline: Notice | None = None
    today: dt.date = dt.date.min  # the date that counts as today (notice/dates.py)

    def page(self, base: str, locale: str) -> Source | None:
        """A page by its default-language file name ("lagring.md"), in one language."""
        return self.pages.get(sources.translation_path(base, locale, self.languages[0]))

    def title(self, source: Source) -> str | None:
        """What MkDocs shows as the page's title: front matter's title, else its first H1."""
        if isinstance(source.meta.get("title"), str) and source.meta["title"].strip():
            return source.meta["title"].strip()
        page = self.rendered.get(source.path)
        return page.title if page else None

    def sections(self, locale: str) -> list[Section]:
        """The sections in one language, in the order of docs/sections.yml."""
        found = {}
        for source in self.pages.values():
            section_id = source.meta.get("section")
            if (
                source.locale == locale
                and isinstance(section_id, str)
                and section_id in self.section_ids
            ):
                found.setdefault(section_id, Section(section_id, source, self.title(source) or ""))
        return [found[i] for i in self.section_ids if i in found]

    def nav(self) -> list[str]:
        """The section pages (default language) in menu order."""
        return [section.source.path for section in self.sections(self.languages[0])]

    @property
    def upcoming(self) -> bool:
        """The version being built (the newest) takes effect after today."""
        return bool(self.versions) and not archive.in_effect(self.versions[0].id, self.today)

    def in_force(self) -> Version | None:
        """The newest version whose date has come, among those in versions.yml."""
        version = archive.in_force((v.id for v in self.versions), self.today)
        return next((v for v in self.versions if v.id == version), None)

    @property
    def baseline_version(self) -> str | None:
        """The newest published version, which ``baseline`` holds."""
        return max(self.published) if self.published and self.baseline else None

    @property
    def new_version(self) -> bool:
        """The newest entry of versions.yml is not published yet."""
        return bool(self.versions) and self.versions[0].id not in self.published

    def previous(self) -> Notice:
        """The model of the previous version (the second entry of versions.yml)."""
        assert self.previous_version is not None, "reading.load() reports a missing tag"
        return self.previous_version
