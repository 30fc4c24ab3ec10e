"""Check the notice's content model on every build and render its generated parts.

- ``on_files`` reads every page, ``docs/sections.yml`` and ``docs/versions.yml``, stops the
  build with one message that lists every problem (file, key or line, and what to do), and
  prints the compliance report for the language being built.
- ``on_page_markdown`` expands the shortcodes editors put in pages:
  ``<!-- notice:summary -->`` (the layered summary on the start page),
  ``<!-- notice:full -->`` (the whole notice on one page), ``<!-- notice:imy -->``
  (the supervisory authority's contact details, from ``extra.imy`` in mkdocs.yml), and
  hands ``<!-- notice:history -->`` and ``<!-- notice:changes -->`` to hooks/versions.py and
  ``<!-- notice:contact-form -->`` to hooks/contact_form.py.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

import contact_form
import languages
import notice
import versions

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    model = load_notice(config)
    problems = model.problems + versions.check(Path(config.docs_dir), languages.built(config))
    if problems:
        raise PluginError(format_problems(problems))
    locale = languages.current(config)
    log.info(compliance_report(model.sections(locale, nav_order(config)), locale))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if notice.SHORTCODE.search(markdown):
        markdown = render_shortcodes(markdown, page, config)
    use_summary_as_description(page)
    return markdown


# Shortcodes


def render_shortcodes(markdown: str, page: Page, config: MkDocsConfig) -> str:
    locale = languages.of_page(page, config)
    model = load_notice(config)
    sections = model.sections(locale, nav_order(config))
    page_dir = posixpath.dirname(page.file.src_uri)

    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "summary":
            return render_summary(sections, page_dir)
        if name == "full":
            return render_full(sections, page_dir)
        if name == "imy":
            return render_imy(config, locale)
        if name in versions.SHORTCODES:
            return versions.render_shortcode(name, page, config, nav_order(config))
        if name in contact_form.SHORTCODES:
            return contact_form.render_shortcode(name, page, config, markdown)
        # notice.load() reports unknown codes before anything is built; this is a guard.
        raise PluginError(f"docs/{page.file.src_uri}: unknown shortcode {match.group(0)}")

    # notice:full copies sections that may themselves contain shortcodes: expand twice.
    return notice.SHORTCODE.sub(expand, notice.SHORTCODE.sub(expand, markdown))


def render_summary(sections: list[notice.Section], page_dir: str) -> str:
    """The first layer of the notice: each section's title, linked, and its summary."""
    blocks = [
        f"### [{s.source.title}]({link(s, page_dir)})\n\n{s.summary.strip()}\n" for s in sections
    ]
    return "\n".join(blocks)


def render_full(sections: list[notice.Section], page_dir: str) -> str:
    """Every section on one page, its headings one level down under the page's own title."""
    return "\n".join(demote_headings(s.source.body).strip() + "\n" for s in sections)


def render_imy(config: MkDocsConfig, locale: str) -> str:
    template = config.theme.get_env().get_template("partials/imy.html")
    html = template.module.contact(config.extra["imy"], locale)
    return notice.html_block(html)


def demote_headings(markdown: str) -> str:
    out, fenced = [], False
    for line in markdown.splitlines():
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and ATX_HEADING.match(line):
            line = "#" + line
        out.append(line)
    return "\n".join(out)


def link(section: notice.Section, page_dir: str) -> str:
    target = notice.base_path(section.source.path)
    return posixpath.relpath(target, page_dir or ".")


def use_summary_as_description(page: Page) -> None:
    """A section's summary is also its meta description, unless it has its own."""
    if page.meta.get("section") and not page.meta.get("description"):
        page.meta["description"] = page.meta.get("summary")


# The compliance report


def compliance_report(sections: list[notice.Section], locale: str) -> str:
    lines = [f"GDPR-rapport ({locale}): vilka punkter i artikel 13 varje avsnitt besvarar"]
    covered: set[str] = set()
    width = max((len(s.source.path) for s in sections), default=0)
    for section in sections:
        codes = [c for c in section.gdpr if c in notice.ARTICLE_13]
        others = [c for c in section.gdpr if c not in notice.ARTICLE_13]
        covered.update(codes)
        text = ", ".join(codes) or "inga"
        if others:
            text += f" (även {', '.join(others)})"
        lines.append(f"  {section.source.path:<{width}}  {section.id}: {text}")
    missing = [code for code in notice.ARTICLE_13 if code not in covered]
    if missing:
        lines.append("  Inget avsnitt besvarar:")
        lines += [f"    {code} {notice.ARTICLE_13[code]}" for code in missing]
    else:
        lines.append("  Alla punkter i artikel 13 besvaras.")
    return "\n".join(lines)


def format_problems(problems: list[str]) -> str:
    count = "1 fel" if len(problems) == 1 else f"{len(problems)} fel"
    items = "\n".join(f"  - {problem}" for problem in problems)
    return f"Innehållet har {count}. Rätta det och bygg igen:\n{items}"


# Configuration helpers


def load_notice(config: MkDocsConfig) -> notice.Notice:
    return notice.load(
        Path(config.docs_dir),
        languages.built(config),
        languages.default(config),
        nav_order(config),
    )


def nav_order(config: MkDocsConfig) -> list[str]:
    """The Markdown files of the page tree in mkdocs.yml, in order."""
    out: list[str] = []

    def walk(items: object) -> None:
        if isinstance(items, str):
            out.append(items)
        elif isinstance(items, list):
            for item in items:
                walk(item)
        elif isinstance(items, dict):
            for value in items.values():
                walk(value)

    walk(config.nav or [])
    return [item for item in out if item.endswith(".md")]


ATX_HEADING = re.compile(r"^#{1,5}[ \t]")
FENCE = re.compile(r"^\s*(```|~~~)")
