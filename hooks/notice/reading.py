"""The one reading of a build: docs/ into a checked model (notice/model.py).

``load()`` reads docs/ once, strictly, renders each page as MkDocs will, reads the data files,
runs every content rule (notice/checks.py) and, from git's tags, the previous and the newest
published version's models. Everything the site, the reports and `make publish` need from
docs/ comes through here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from notice import checks, data, dates, git, html, sources
from notice.model import Notice
from notice.sources import Source

__all__ = ["format_problems", "from_files", "load", "published_model"]


def load(
    docs_dir: Path,
    languages: list[str],
    markdown: html.MarkdownConfig | None = None,
    *,
    today: dt.date | None = None,
    with_previous: bool = True,
) -> Notice:
    """Read docs/ once, strictly, and check it: the one reading of a build.

    ``with_previous``: also read what git records as published (the tags notice/<date>): the
    previous version, for the what-changed page (a missing tag is then a problem like any
    other), and the newest published version (``baseline``).
    """
    files, problems = sources.read_tree(docs_dir)
    notice = from_files(files, languages, markdown, today=today, problems=problems)

    logo = notice.controller.of(languages[0]).get("logo")
    if logo and not (docs_dir / logo).is_file():
        notice.problems.append(
            f"docs/{data.CONTROLLER_FILE}: logo är '{logo}', men den filen finns inte i docs/. "
            "Lägg bildfilen där (till exempel i mappen docs/bilder/), eller töm raden så att "
            "SEOM:s korta namn står som text."
        )
    if with_previous:
        if len(notice.versions) >= 2:
            notice.previous_version = _previous(docs_dir, notice)
        notice.published = git.tagged_versions(docs_dir)
        notice.baseline = _baseline(docs_dir, notice, files)
    return notice


def from_files(
    files: dict[str, bytes],
    languages: list[str],
    markdown: html.MarkdownConfig | None = None,
    *,
    today: dt.date | None = None,
    problems: list[str] | None = None,
) -> Notice:
    """The model of docs/ given as {path relative to docs/: bytes} (from disk or a git tag;
    images and documents by their paths alone)."""
    problems = list(problems or [])
    today = today or dates.today()
    notice = Notice(languages, markdown or html.MarkdownConfig(), today=today)
    notice.assets = {path for path in files if not path.endswith((".md", ".yml"))}
    too_much = sources.markdown_total_problem(files)
    if too_much:
        problems.append(too_much)
    for path, content in files.items():
        if not path.endswith(".md"):
            continue
        if not checks.known_language(path, languages, problems):
            continue
        if too_much:  # reported; none is read, so that the work stays bounded
            locale = sources.locale_of(path, languages)
            notice.pages[path] = Source(path, locale, "", readable=False)
            continue
        text = sources.decode(path, content, problems)
        if text is None:  # reported; it exists, so no translation is reported missing
            locale = sources.locale_of(path, languages)
            notice.pages[path] = Source(path, locale, "", readable=False)
            continue
        source = sources.read_page(path, text, languages, problems)
        notice.pages[path] = source
        if source.readable:
            rendered = _render(notice, source, problems)
            if rendered is None:  # reported; not read further
                notice.pages[path] = dataclasses.replace(source, readable=False)
            else:
                notice.rendered[path] = rendered
    notice.section_ids = data.read_sections(files.get(data.SECTIONS_FILE), problems)
    notice.versions = data.read_versions(
        files.get(data.VERSIONS_FILE),
        languages,
        today,
        problems,
        list(notice.section_ids) or None,  # unknown while sections.yml is wrong (reported)
        _pages(notice),
    )
    notice.authority = data.read_authority(files.get(data.AUTHORITY_FILE), languages, problems)
    notice.controller = data.read_controller(files.get(data.CONTROLLER_FILE), languages, problems)
    notice.purposes = data.read_purposes(
        files.get(data.PURPOSES_FILE), languages, problems, notice.purposes_missing
    )
    notice.accessibility = data.read_accessibility(
        files.get(data.ACCESSIBILITY_FILE), languages, today, problems, notice.statement_missing
    )
    notice.problems = problems + checks.run(notice)
    return notice


def _render(notice: Notice, source: Source, problems: list[str]) -> html.Page | None:
    """The page as a reader gets it; None when Markdown's work on it would be unbounded."""
    shape = sources.markdown_shape_problem(source.path, source.text)
    if shape is None:
        try:
            return html.read(notice.markdown.render(source.body))
        except RecursionError:
            shape = sources.too_deep(source.path)
    problems.append(shape)
    return None


def _pages(notice: Notice) -> dict[str, str | None]:
    """The default language's pages: {file name: its section id, or None}."""
    out: dict[str, str | None] = {}
    for path, source in notice.pages.items():
        section = source.meta.get("section")
        if source.locale == notice.languages[0]:
            out[path] = section if isinstance(section, str) and checks.is_section(source) else None
    return out


def _previous(docs_dir: Path, notice: Notice) -> Notice | None:
    number, version = 2, notice.versions[1].id
    tag = git.tag_of(version)
    files = git.files_at(docs_dir, tag)
    if files is not None:
        return published_model(notice, files, version)
    where = f"docs/{data.VERSIONS_FILE}, version {number} ({version})"
    tagged = git.tagged_versions(docs_dir)
    if tagged:  # versions are published, but not this one: a new one, below the newest
        newest = dates.long_date(dt.date.fromisoformat(max(tagged)), "sv")
        notice.problems.append(
            f"{where}: den versionen är inte publicerad, men står under version 1. Bara den "
            "översta versionen kan vara ny: skriv den nya versionen överst, med ett datum efter "
            f"den senast publicerade versionens, den {newest}."
        )
    else:  # a copy without the record of what is published (CI's or an old clone)
        notice.problems.append(
            f"{where}: uppgiften om att den versionen är publicerad (taggen {tag}) saknas här, "
            "så sidan om vad som ändrats kan inte jämföra med den. Är den aldrig publicerad: "
            "ta bort den och ändra i stället datum och summary i den översta. Annars, för en "
            "utvecklare: hämta taggarna med 'git fetch --tags' och bygg igen."
        )
    return None


def _baseline(docs_dir: Path, notice: Notice, files: dict[str, bytes]) -> Notice | None:
    """The newest published version's model: the notice itself when its files are the tag's."""
    if not notice.published:
        return None
    version = max(notice.published)
    previous = notice.previous_version
    if previous is not None and len(notice.versions) >= 2 and notice.versions[1].id == version:
        return previous
    at = git.files_at(docs_dir, git.tag_of(version))
    if at is None:
        return None
    if at == {path: data for path, data in files.items() if path.endswith((".md", ".yml"))}:
        return notice
    return published_model(notice, at, version)


def published_model(notice: Notice, files: dict[str, bytes], version: str) -> Notice:
    """A published version's model from its files, read with this notice's languages and
    Markdown. Checked when it was published: its problems are not this build's. A tag from
    before docs/authority.yml or controller.yml existed uses today's."""
    at = from_files(files, notice.languages, notice.markdown, today=dt.date.fromisoformat(version))
    at.authority = at.authority or notice.authority
    if not any(at.controller.values.values()):
        at.controller = notice.controller
    return at


def format_problems(problems: list[str]) -> str:
    """All problems as one message for the editors."""
    count = "1 fel" if len(problems) == 1 else f"{len(problems)} fel"
    items = "\n".join(f"  - {problem}" for problem in problems)
    return f"Innehållet har {count}. Rätta det och bygg igen:\n{items}"
