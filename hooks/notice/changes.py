"""What changed since the previous version (<!-- notice:changes -->), as readers read it.

Each section of both versions is rendered as its page renders it (shortcodes expanded, Markdown
turned into HTML) and read back as text, paragraph by paragraph: the diff compares what a
reader reads, never Markdown syntax, and names a link whose target changed.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from notice import data, dates, html, word_diff

if TYPE_CHECKING:
    from notice.model import Notice, Section

Expand = Callable[["Notice"], Callable[[str], str]]  # a model -> its shortcode expander


@dataclass(frozen=True)
class Readable:
    """A section as its reader reads it."""

    title: str
    paragraphs: list[list[str]]  # the title, the labelled summary, then the text


def context(model: Notice, locale: str, t: dict[str, Any], expand: Expand) -> dict[str, Any]:
    """What the changes macro (overrides/partials/versions.html) shows."""
    versions = model.versions
    out: dict[str, Any] = {"current": dates.long_date(versions[0].date, locale), "previous": None}
    if len(versions) < 2:
        return out
    previous = model.previous()
    label = t["versions"]["summary_label"]
    old = readable_sections(previous, locale, label, expand(previous))
    new = readable_sections(model, locale, label, expand(model))

    def describe(href: str) -> str:
        return t["versions"]["link"].format(target=link_target(model, locale, href))

    out["previous"] = dates.long_date(versions[1].date, locale)
    out["sections"] = compare(old, new, describe)
    out["purposes"] = compare(
        readable_purposes(previous, locale, t), readable_purposes(model, locale, t), describe
    )
    return out


def readable_purposes(model: Notice, locale: str, t: dict[str, Any]) -> dict[str, Readable]:
    """Each purpose of docs/purposes.yml as its reader reads it: its name, then a paragraph per
    thing said of it ("Rättslig grund: avtal ..."), a missing one as the page says it."""
    words = t["purposes"]
    out = {}
    for purpose in model.purposes:
        text = purpose.of(locale)
        title = text.get("purpose", purpose.id)
        basis = words["bases"][purpose.legal_basis] if purpose.legal_basis else words["missing"]
        said = [(words["basis"], basis)]
        said += [
            (label, text.get(key) or words["missing"])
            for key, label in words["labels"].items()
            if key != "interest" or purpose.legal_basis == "f"
        ]
        paragraphs = [f"{label}: {value}".split() for label, value in said]
        if purpose.objection:
            paragraphs.append(words["objection"].split())
        out[f"{words['anchor']}--{purpose.id}"] = Readable(title, [title.split(), *paragraphs])
    return out


def readable_sections(
    model: Notice, locale: str, summary_label: str, expand: Callable[[str], str]
) -> dict[str, Readable]:
    out = {}
    for section in model.sections(locale):
        out[section.id] = readable(section, model, summary_label, expand)
    return out


def readable(
    section: Section, model: Notice, summary_label: str, expand: Callable[[str], str]
) -> Readable:
    page = html.read(model.markdown.render(expand(section.source.body)))
    title = section.title
    blocks = list(page.blocks)
    if blocks and " ".join(w for w in blocks[0] if not w.startswith(html.LINK)) == title:
        blocks.pop(0)  # the title, which comes first anyway
    summary = [*summary_label.split(), *section.summary.split()]
    return Readable(title, [title.split(), summary, *blocks])


def compare(
    old: dict[str, Readable], new: dict[str, Readable], describe_link: Callable[[str], str]
) -> list[dict[str, Any]]:
    """Each section in the current order (removed ones last): its state and changed paragraphs.

    A section added or removed whole is diffed without its title, which its heading shows.
    """
    out = []
    for section_id in [*new, *(s for s in old if s not in new)]:
        before, after = old.get(section_id), new.get(section_id)
        skip = 0 if before and after else 1
        paragraphs = word_diff.diff_paragraphs(
            before.paragraphs[skip:] if before else [], after.paragraphs[skip:] if after else []
        )
        if before is None:
            state = "added"
        elif after is None:
            state = "removed"
        else:
            state = "changed" if paragraphs else "unchanged"
        out.append(
            {
                "id": section_id,
                "title": (after or before).title,
                "state": state,
                "paragraphs": [word_diff.chunks(p, describe_link) for p in paragraphs],
            }
        )
    return out


# The version's text as readers read it, for comparing any two versions in the browser

READER_FILE = "readable.json"
# A word that stands for a link's target: LINK_WORD, the address, DESCRIBED, and how the page
# says it ("(länk till Dina rättigheter)"). Compared by the address, shown only where it was
# added or removed, as chunks() shows one.
LINK_WORD = "\u0001"
DESCRIBED = "\u0002"


def reader_json(
    model: Notice, locale: str, t: dict[str, Any], expand: Callable[[Notice], Callable[[str], str]]
) -> bytes:
    """The sections and the purposes of ``model`` in ``locale``, each a title and paragraphs
    of words, as the what-changed page compares them (assets/javascripts/compare.js)."""

    def words(paragraph: list[str]) -> list[str]:
        return [
            LINK_WORD
            + word[len(html.LINK) :]
            + DESCRIBED
            + t["versions"]["link"].format(
                target=link_target(model, locale, word[len(html.LINK) :])
            )
            if word.startswith(html.LINK)
            else word
            for word in paragraph
        ]

    def parts(found: dict[str, Readable]) -> list[dict[str, Any]]:
        return [
            {"id": key, "title": part.title, "paragraphs": [words(p) for p in part.paragraphs]}
            for key, part in found.items()
        ]

    label = t["versions"]["summary_label"]
    return json.dumps(
        {
            "version": model.versions[0].id,
            "sections": parts(readable_sections(model, locale, label, expand(model))),
            "purposes": parts(readable_purposes(model, locale, t)),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")


def link_target(model: Notice, locale: str, href: str) -> str:
    """How readers know where a link goes: a page's title, or the address."""
    path, _, _ = href.partition("#")
    if path.endswith(".md") and "://" not in path:
        page = model.page(posixpath.normpath(path), locale)
        if page is not None and model.title(page):
            return model.title(page)
    return href.removeprefix("mailto:")


# Whether a version's text changed: what `make publish` refuses under a published version


def reader_text(model: Notice) -> dict[str, object]:
    """What readers read of a version, by the file in docs/ it comes from.

    Every page in the version's folder (its title, summary and text, word by word: rewrapped
    lines are no change; a shortcode's output is its data file's, below), the order of the
    sections (docs/sections.yml), the versions with their summaries (docs/versions.yml), and
    the details of SEOM and IMY that the pages show (docs/controller.yml, docs/authority.yml),
    and the purposes (docs/purposes.yml).
    Not the pages outside the notice's versions (OUTSIDE_THE_VERSIONS) and not what the engine
    adds around the text: a change there is one of presentation.
    """
    out: dict[str, object] = {}
    for path, source in model.pages.items():
        if source.base in OUTSIDE_THE_VERSIONS:
            continue
        page = model.rendered.get(path)
        blocks = tuple(tuple(block) for block in page.blocks) if page else ()
        out[path] = (" ".join(str(source.meta.get("summary", "")).split()), blocks)
    out[data.SECTIONS_FILE] = tuple(model.section_ids)
    out[data.VERSIONS_FILE] = tuple((v.id, sorted(v.summary.items())) for v in model.versions)
    out[data.CONTROLLER_FILE] = model.controller.values
    out[data.AUTHORITY_FILE] = model.authority
    out[data.PURPOSES_FILE] = tuple(
        (
            p.id,
            p.legal_basis,
            p.direct_marketing,
            p.obligation,
            p.third_countries,
            sorted((k, sorted(v.items())) for k, v in p.texts.items()),
        )
        for p in model.purposes
    )
    return out


def changed_files(before: Notice, after: Notice) -> list[str]:
    """The files of docs/ whose text readers read differs between two versions' models."""
    old, new = reader_text(before), reader_text(after)
    return sorted(path for path in old.keys() | new.keys() if old.get(path) != new.get(path))


# The pages that are not the notice's text, and reach readers on merge with no new version:
# the contact form's page and the thank-you page its endpoint sends readers to, and the
# accessibility statement (ARCHITECTURE.md; REDIGERA.md, sections 9 and 11).
OUTSIDE_THE_VERSIONS = ("kontakt.md", "tack.md", "tillganglighet.md")
