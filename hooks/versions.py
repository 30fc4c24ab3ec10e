"""The notice's versions: docs/versions.yml, the effective date, history, changes and feeds.

- ``docs/versions.yml`` lists the published versions, newest first; the newest is the one being
  built. ``check()`` validates it; hooks/content_model.py reports its problems together with
  the content model's, before anything is built.
- ``on_page_context`` / ``on_template_context`` give every page (404 too) ``notice_version``:
  the effective date, written the page language's way (overrides/partials/versions.html).
- ``<!-- notice:history -->`` and ``<!-- notice:changes -->`` are shortcodes;
  hooks/content_model.py hands them to ``render_shortcode()``.
- ``on_post_build`` writes an Atom feed of the versions for the language just built
  (``feed.xml``, ``en/feed.xml``).

Other versions are published by mike as sibling folders named by date: from a version's root,
version V is ``../V/``. MkDocs cannot check those links, so they are raw HTML.
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import yaml
from mkdocs.exceptions import PluginError

import archive
import languages
import notice

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    return add_version_context(context, languages.of_page(page, config), config)


def on_template_context(
    context: dict[str, Any], *, template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    # Theme templates such as 404.html have no page: they are in the language being built.
    return add_version_context(context, languages.current(config), config)


def on_post_build(*, config: MkDocsConfig) -> None:
    # static-i18n builds each language separately into the same site_dir: each build writes
    # its own language's feed.
    locale = languages.current(config)
    entries = read_versions(config)
    prefix = languages.prefix(locale, config)
    xml = atom_feed(entries, locale, prefix, archive.archive_root(config.site_url or "/"))
    target = Path(config.site_dir) / feed_path(locale, config)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(xml)


# Reading and checking docs/versions.yml


@dataclass(frozen=True)
class Version:
    date: dt.date
    summary: dict[str, str]

    @property
    def id(self) -> str:
        return self.date.isoformat()


def check(docs_dir: Path, locales: list[str]) -> list[str]:
    """What is wrong with docs/versions.yml, as messages for the editors (Swedish)."""
    data, problems = _load_yaml(docs_dir)
    if problems:
        return problems
    if not isinstance(data, list) or not data:
        return [
            f"{WHERE}: filen ska vara en lista med minst en version, den nyaste först. Börja "
            "varje version med '- version: ÅÅÅÅ-MM-DD' och skriv under den 'summary:' med en "
            "rad per språk ('  sv: ...' och '  en: ...')."
        ]
    seen: dict[dt.date, int] = {}
    previous: tuple[int, dt.date] | None = None
    for number, entry in enumerate(data, start=1):
        where = entry_name(number, entry)
        if not isinstance(entry, dict):
            problems.append(
                f"{where}: versionen ska ha nycklarna version och summary, till exempel "
                "'- version: 2026-12-01' och på nästa rad '  summary:'."
            )
            continue
        date = parse_date(entry.get("version"))
        if date is None:
            problems.append(
                f"{where}: version ska vara det datum versionen gäller från, ett datum som "
                "finns, skrivet ÅÅÅÅ-MM-DD, till exempel 'version: 2026-12-01'."
            )
        elif date in seen:
            problems.append(
                f"{where}: datumet finns redan i version {seen[date]}. Varje version ska ha "
                "ett eget datum: ändra datumet eller ta bort den ena versionen."
            )
        else:
            seen[date] = number
            if previous and date > previous[1]:
                problems.append(
                    f"{where}: versionen är nyare än version {previous[0]} "
                    f"({previous[1].isoformat()}). Den nyaste versionen ska stå först: flytta "
                    "den ovanför de äldre."
                )
            previous = (number, date)
        problems += check_summary(where, entry.get("summary"), locales)
    return problems


def check_summary(where: str, summary: object, locales: list[str]) -> list[str]:
    if not isinstance(summary, dict):
        return [
            f"{where}: summary ska ha en text per språk om vad som ändrats, på egna rader "
            "under 'summary:', till exempel '    sv: Vi sparar uppgifterna kortare tid.' och "
            "'    en: We keep the data for a shorter time.'"
        ]
    return [
        f"{where}: summary på {notice.LANGUAGE_NAMES.get(locale, locale)} saknas. Skriv vad "
        f"som ändrats, för läsaren, på raden '    {locale}: ...' under 'summary:'."
        for locale in locales
        if not isinstance(summary.get(locale), str) or not summary[locale].strip()
    ]


def entry_name(number: int, entry: object) -> str:
    """How a message names an entry: "docs/versions.yml, version 2 (2026-05-01)"."""
    version = entry.get("version") if isinstance(entry, dict) else None
    date = f" ({version})" if isinstance(version, str) and version else ""
    return f"{WHERE}, version {number}{date}"


def parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not DATE.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def read_versions(config: MkDocsConfig) -> list[Version]:
    """The versions, newest first. content_model's on_files has checked the file."""
    return read_docs_versions(Path(config.docs_dir))


def read_docs_versions(docs_dir: Path) -> list[Version]:
    """docs/versions.yml, newest first; PluginError naming the first problem if it is wrong."""
    # Not cached: `mkdocs serve` keeps the hook module between rebuilds.
    problems = check(docs_dir, [])
    if problems:
        raise PluginError(problems[0])
    data, _ = _load_yaml(docs_dir)
    return [
        Version(dt.date.fromisoformat(entry["version"]), {**entry["summary"]}) for entry in data
    ]


def _load_yaml(docs_dir: Path) -> tuple[Any, list[str]]:
    path = docs_dir / VERSIONS_FILE
    if not path.is_file():
        return None, [
            f"{WHERE} saknas. Den listar versionerna av meddelandet, den nyaste först: skapa "
            "den med en version ('- version: ÅÅÅÅ-MM-DD' och 'summary:' på svenska och "
            "engelska)."
        ]
    try:
        # BaseLoader: dates stay text, so that a date that does not exist is our message,
        # not a crash in the YAML library.
        return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader), []
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f", rad {mark.line + 1}" if mark else ""
        return None, [
            f"{WHERE}{line}: filen är inte giltig YAML. Skriv varje version som "
            "'- version: ÅÅÅÅ-MM-DD' följt av 'summary:' och en rad per språk, indragna med "
            "mellanslag, och sätt texten inom citattecken om den innehåller kolon (:)."
        ]


# The effective date on every page


def add_version_context(
    context: dict[str, Any], locale: str, config: MkDocsConfig
) -> dict[str, Any]:
    current = read_versions(config)[0]
    context["notice_version"] = {
        "date": current.id,
        "text": format_date(current.date, locale),
        "lang": locale,
        # Absolute, at the canonical version (mike: latest/), so that a reader of an earlier
        # version subscribes to the feed that goes on, not to that version's frozen copy.
        "feed": urljoin(archive.version_root(config.site_url or "/"), feed_path(locale, config)),
        "feed_title": FEED_TITLES[locale],
    }
    return context


def format_date(date: dt.date, locale: str) -> str:
    """1 december 2026 / 1 December 2026, whatever the machine's locale."""
    return f"{date.day} {MONTHS[locale][date.month - 1]} {date.year}"


# Shortcodes: <!-- notice:history --> and <!-- notice:changes -->


def render_shortcode(name: str, page: Page, config: MkDocsConfig, nav_order: list[str]) -> str:
    """``nav_order``: the Markdown files of the page tree (content_model.nav_order)."""
    locale = languages.of_page(page, config)
    versions = read_versions(config)
    macros = config.theme.get_env().get_template("partials/versions.html").module
    if name == "history":
        html = macros.history(history_items(versions, page.url, locale, config), locale)
    else:
        html = macros.changes(changes_context(versions, locale, config, nav_order), locale)
    return notice.html_block(html)


def history_items(
    versions: list[Version], page_url: str, locale: str, config: MkDocsConfig
) -> list[dict[str, Any]]:
    prefix = languages.prefix(locale, config)
    return [
        {
            "date": version.id,
            "text": format_date(version.date, locale),
            "summary": version.summary[locale],
            "current": index == 0,
            "archive": version_link(page_url, version.id, prefix),
            "changes": version_link(page_url, version.id, prefix + CHANGES_PAGE),
        }
        for index, version in enumerate(versions)
    ]


def version_link(page_url: str, version: str, path: str) -> str:
    """A link from a page of this version to ``path`` in version ``version``'s folder.

    ``page_url`` is relative to this version's root ("en/versioner/"); mike publishes each
    version in a folder of its own, so version V's root is this root's sibling ``../V/``.
    """
    page_dir = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    target = posixpath.join("..", version, path)
    return posixpath.relpath(target, page_dir or ".") + "/"


# What changed since the previous version


def changes_context(
    versions: list[Version], locale: str, config: MkDocsConfig, nav_order: list[str]
) -> dict[str, Any]:
    current = versions[0]
    context: dict[str, Any] = {"current": format_date(current.date, locale), "previous": None}
    if len(versions) < 2:
        return context
    previous = versions[1]
    old_files = previous_sources(config, 2, previous.id)
    old = sections_by_id(old_files, locale, nav_order)
    new = sections_by_id(current_sources(config), locale, nav_order)
    context["previous"] = format_date(previous.date, locale)
    context["sections"] = compare_sections(old, new, SUMMARY_LABELS[locale])
    return context


def compare_sections(
    old: dict[str, notice.Source], new: dict[str, notice.Source], summary_label: str
) -> list[dict[str, Any]]:
    """Each section in the current order (removed ones last): its state and changed paragraphs.

    A section added or removed whole is diffed without its title, which its heading shows.
    """
    out = []
    for section_id in [*new, *(s for s in old if s not in new)]:
        before, after = old.get(section_id), new.get(section_id)
        skip = 0 if before and after else 1
        paragraphs = diff_paragraphs(
            readable_text(before, summary_label)[skip:], readable_text(after, summary_label)[skip:]
        )
        if before is None:
            state = "added"
        elif after is None:
            state = "removed"
        else:
            state = "changed" if paragraphs else "unchanged"
        title = (after or before).title
        out.append({"id": section_id, "title": title, "state": state, "paragraphs": paragraphs})
    return out


def readable_text(source: notice.Source | None, summary_label: str) -> list[str]:
    """A section as its reader sees it, paragraph by paragraph: title, summary, then the text."""
    if source is None:
        return []
    body = notice.H1.sub("", source.body, count=1)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
    summary = f"{summary_label} {source.meta.get('summary', '')}"
    return [source.title or "", summary, *paragraphs]


def diff_paragraphs(before: list[str], after: list[str]) -> list[list[dict[str, str]]]:
    """The paragraphs that changed, each a list of chunks {"op": same|ins|del, "text": ...}."""
    old_words, new_words = _words(before), _words(after)
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    paragraphs: list[list[tuple[str, str]]] = [[]]
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        pieces = (
            [("same", w) for w in new_words[j1:j2]]
            if tag == "equal"
            else [("del", w) for w in old_words[i1:i2]] + [("ins", w) for w in new_words[j1:j2]]
        )
        for op, word in pieces:
            if word == PARAGRAPH:
                paragraphs.append([])
            else:
                paragraphs[-1].append((op, word))
    return [_chunks(p) for p in paragraphs if any(op != "same" for op, _ in p)]


def _words(paragraphs: list[str]) -> list[str]:
    words: list[str] = []
    for paragraph in paragraphs:
        words += [*paragraph.split(), PARAGRAPH]
    return words


def _chunks(words: list[tuple[str, str]]) -> list[dict[str, str]]:
    chunks: list[dict[str, str]] = []
    for op, word in words:
        if chunks and chunks[-1]["op"] == op:
            chunks[-1]["text"] += " " + word
        else:
            chunks.append({"op": op, "text": word})
    return chunks


def sections_by_id(
    sources: list[notice.Source], locale: str, nav_order: list[str]
) -> dict[str, notice.Source]:
    """The section pages of one language, by section id, in the order of the page tree."""
    return {s.id: s.source for s in notice.in_nav_order(sources, locale, nav_order)}


def current_sources(config: MkDocsConfig) -> list[notice.Source]:
    return _sources(notice.read_docs(Path(config.docs_dir)), config)


def previous_sources(config: MkDocsConfig, number: int, version: str) -> list[notice.Source]:
    """The Markdown files of a published version, from its git tag (``notice/<version>``)."""
    files = _tagged_files(Path(config.docs_dir), TAG_PREFIX + version)
    if files is None:
        raise PluginError(
            f"{WHERE}, version {number} ({version}): taggen {TAG_PREFIX}{version} finns inte i "
            "git, så sidan om vad som ändrats kan inte jämföra med den versionen. Har den "
            "aldrig publicerats: lägg inte till en ny version ovanför, utan ändra datum och "
            "summary i den som inte är publicerad. Är den publicerad: hämta taggarna med "
            "'git fetch --tags' och bygg igen."
        )
    return _sources(files, config)


@cache  # a published version's tag does not change
def _tagged_files(docs_dir: Path, tag: str) -> dict[str, str] | None:
    """{path relative to docs_dir: text} of the Markdown files at a tag; None without the tag."""

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        # cwd=docs_dir: ls-tree lists, and "<tag>:./x" reads, relative to it.
        return subprocess.run(
            ["git", *args], cwd=docs_dir, capture_output=True, text=True, encoding="utf-8"
        )

    listing = git("ls-tree", "-r", "--name-only", f"refs/tags/{tag}", "--", ".")
    if listing.returncode != 0:
        return None
    paths = [p for p in listing.stdout.splitlines() if p.endswith(".md")]
    return {path: git("show", f"refs/tags/{tag}:./{path}").stdout for path in paths}


def _sources(files: dict[str, str], config: MkDocsConfig) -> list[notice.Source]:
    # The current files were checked by content_model; an old version's were when published.
    return notice.read_sources(files, languages.built(config), languages.default(config), [])


# The Atom feed


def feed_path(locale: str, config: MkDocsConfig) -> str:
    return languages.prefix(locale, config) + "feed.xml"


def atom_feed(versions: list[Version], locale: str, prefix: str, site_url: str) -> bytes:
    """An Atom feed (RFC 4287) of the versions in one language, with absolute links.

    ``site_url`` is where mike publishes the version folders: version V is ``<site_url>V/``.
    """
    base = site_url if site_url.endswith("/") else site_url + "/"
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: locale})
    _text(feed, "id", urljoin(base, prefix))
    _text(feed, "title", FEED_TITLES[locale])
    _text(feed, "updated", _timestamp(versions[0].date))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=base + prefix)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", AUTHOR)
    for version in versions:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", urljoin(base, f"{version.id}/{prefix}"))
        _text(entry, "title", ENTRY_TITLES[locale].format(date=format_date(version.date, locale)))
        _text(entry, "updated", _timestamp(version.date))
        _text(entry, "summary", version.summary[locale])
        href = urljoin(base, f"{version.id}/{prefix}{CHANGES_PAGE}/")
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=href)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text


def _timestamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


VERSIONS_FILE = "versions.yml"
WHERE = f"docs/{VERSIONS_FILE}"
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
SHORTCODES = ("history", "changes")
CHANGES_PAGE = "andringar"
PARAGRAPH = "\n\n"  # a word that never occurs in text split on whitespace
TAG_PREFIX = "notice/"
MONTHS = {
    "sv": [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
AUTHOR = "Sollentuna Energi & Miljö AB"
FEED_TITLES = {
    "sv": "Så skyddar vi dina personuppgifter: nya versioner",
    "en": "How we protect your personal data: new versions",
}
# The summary is the start page's line for the section: labelled, as it is not in the text.
SUMMARY_LABELS = {"sv": "Sammanfattning:", "en": "Summary:"}
ENTRY_TITLES = {"sv": "Version som gäller från {date}", "en": "Version effective from {date}"}
