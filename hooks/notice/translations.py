"""Translations kept honest: the English must say what the Swedish says.

Swedish is authoritative, and both languages are published as the notice. Two findings, each
per section (by its id) or, for the other pages, per Swedish file name:

- ``stale()``: a section whose Swedish text (as readers read it: its summary, headings,
  paragraphs, list items and link targets) changed since the previous version while its
  English text did not. The previous version is the second entry of docs/versions.yml, read
  from its git tag (``Notice.previous_version``): the last version published, whose
  translations were checked when it was published. That is the version in force, or, when it
  was published ahead of its date, the upcoming one; comparing with an older one would report
  again what that publishing already checked. With one version, nothing is stale.
- ``structure()``: a page whose Swedish and English differ in the number of headings (per
  level), paragraphs, list items or links, or in where a link leads (``lagring.en.md`` and
  ``lagring.md`` are the same page; the part after ``#`` is left out, as headings' anchors
  differ by language).

The build prints ``report()`` (information, not a failure); ``markdown()`` is the same for a
review. `make publish` refuses a new version while any finding is not acknowledged
(``refusal()``): the version's entry in docs/versions.yml lists the sections whose English was
checked and needs no change under ``english_checked``. An acknowledgement belongs to one
version: the next version's English is checked again.

Messages are Swedish: the editors act on them.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from notice import data, html, sources

if TYPE_CHECKING:
    from notice.model import Notice
    from notice.sources import Source

STALE, STRUCTURE = "stale", "structure"


@dataclass(frozen=True)
class Finding:
    """What differs between one page and its translation."""

    kind: str  # STALE or STRUCTURE
    id: str  # the section's id, or the Swedish file name of a page that is not a section
    section: bool
    original: str  # docs/lagring.md
    translation: str  # docs/lagring.en.md
    details: tuple[str, ...]  # what differs, as sentences

    @property
    def name(self) -> str:
        return f"avsnittet {self.id}" if self.section else f"sidan {self.id}"

    def message(self, version: str) -> str:
        """The finding and what to do about it, for the version being built."""
        return (
            f"{self.name}: {' '.join(self.details)} Uppdatera {self.translation} så att den "
            f"säger samma sak som {self.original}, eller, om den engelska texten redan stämmer, "
            f"skriv {self.id} i {data.ENGLISH_CHECKED} under version {version} i "
            f"docs/{data.VERSIONS_FILE}."
        )


def stale(notice: Notice) -> list[Finding]:
    """Sections whose Swedish changed since the previous version while the translation did not."""
    previous = notice.previous_version
    if previous is None or len(notice.versions) < 2:
        return []
    default, since = notice.languages[0], notice.versions[1].id
    out = []
    for locale in notice.languages[1:]:
        before = {s.id: s for s in previous.sections(default)}
        before_translated = {s.id: s for s in previous.sections(locale)}
        translated = {s.id: s for s in notice.sections(locale)}
        for section in notice.sections(default):
            old, old_tr, new_tr = (
                before.get(section.id),
                before_translated.get(section.id),
                translated.get(section.id),
            )
            if old is None or old_tr is None or new_tr is None:
                continue  # a new section: both languages are new
            changed = _text(notice, section.source) != _text(previous, old.source)
            if changed and _text(notice, new_tr.source) == _text(previous, old_tr.source):
                original, translation = f"docs/{section.source.path}", f"docs/{new_tr.source.path}"
                detail = (
                    f"texten i {original} har ändrats sedan version {since}, men {translation} "
                    "är oförändrad."
                )
                out.append(Finding(STALE, section.id, True, original, translation, (detail,)))
    return out


def structure(notice: Notice) -> list[Finding]:
    """Pages whose Swedish and translation differ in headings, paragraphs, items or links."""
    out = []
    for locale in notice.languages[1:]:
        for unit, section, original, translation in _pairs(notice, locale):
            details = differences(
                notice.rendered[original.path],
                notice.rendered[translation.path],
                f"docs/{original.path}",
                f"docs/{translation.path}",
            )
            if details:
                out.append(
                    Finding(
                        STRUCTURE,
                        unit,
                        section,
                        f"docs/{original.path}",
                        f"docs/{translation.path}",
                        tuple(details),
                    )
                )
    return out


def differences(original: html.Page, translation: html.Page, name: str, other: str) -> list[str]:
    """How two renderings of a page differ in structure, each difference as a sentence."""
    a, b = _shape(original), _shape(translation)
    out = []
    for key, (one, many) in _counted(a, b):
        if a.counts[key] != b.counts[key]:
            noun = one if a.counts[key] == 1 else many
            out.append(f"{name} har {a.counts[key]} {noun}, {other} har {b.counts[key]}.")
    if len(a.links) == len(b.links):
        for number, (x, y) in enumerate(zip(a.links, b.links, strict=True), start=1):
            if x != y:
                out.append(f"Länk {number} leder till {x} i {name}, men till {y} i {other}.")
    return out


def findings(notice: Notice) -> list[Finding]:
    return [*stale(notice), *structure(notice)]


def checked(notice: Notice) -> set[str]:
    """What the version being built lists under english_checked."""
    return set(notice.versions[0].english_checked) if notice.versions else set()


def unacknowledged(notice: Notice) -> list[Finding]:
    """The findings that stop `make publish`: those the version does not acknowledge."""
    return [f for f in findings(notice) if f.id not in checked(notice)]


def refusal(notice: Notice) -> str | None:
    """Why `make publish` does not publish the version being built, or None."""
    blocking = unacknowledged(notice)
    if not blocking or not notice.versions:
        return None
    version = notice.versions[0].id
    return (
        f"den engelska texten stämmer inte med den svenska, så version {version} publiceras "
        "inte. Svenskan gäller, och engelskan ska säga samma sak. Rätta det här, gör en commit "
        "och kör make publish igen:\n"
        + "\n".join(f"  - {finding.message(version)}" for finding in blocking)
    )


def report(notice: Notice) -> list[str]:
    """What the build prints: the findings, what is acknowledged, and what to do."""
    title, parts, closing = _report(notice)
    lines = [title]
    for heading, items in parts:
        lines += [f"  {heading}:", *(f"    - {item}" for item in items)]
    return lines + ([f"  {closing}"] if closing else [])


def markdown(notice: Notice) -> str:
    """The same report as Markdown, for a review."""
    title, parts, closing = _report(notice)
    heading, _, what = title.partition(": ")
    out = [f"## {heading}", "", what[:1].upper() + what[1:], ""]
    for heading, items in parts:
        out += [f"### {heading}", "", *(f"- {item}" for item in items), ""]
    if closing:
        out += [closing, ""]
    return "\n".join(out)


# The parts of the report


def _report(notice: Notice) -> tuple[str, list[tuple[str, list[str]]], str]:
    title = "Översättningar: den engelska texten jämförs med den svenska, som gäller"
    if not notice.versions:
        return title, [], ""
    version = notice.versions[0].id
    found, acknowledged = findings(notice), checked(notice)
    blocking = [f for f in found if f.id not in acknowledged]
    accepted = [f for f in found if f.id in acknowledged]
    compared = (
        f"Version {version} jämförs med den förra publicerade versionen, {notice.versions[1].id}."
        if notice.previous_version is not None and len(notice.versions) > 1
        else f"Version {version} är den första: bara uppbyggnaden jämförs."
    )
    parts = [
        (
            "Svensk text ändrad, engelsk inte (make publish vägrar tills engelskan är uppdaterad "
            "eller kontrollerad)",
            [f.message(version) for f in blocking if f.kind == STALE],
        ),
        (
            "Olika uppbyggnad på svenska och engelska (make publish vägrar tills den är rättad "
            "eller kontrollerad)",
            [f.message(version) for f in blocking if f.kind == STRUCTURE],
        ),
        (
            f"Kontrollerat, ingen ändring behövs ({data.ENGLISH_CHECKED} under version {version} "
            f"i docs/{data.VERSIONS_FILE})",
            [f"{f.name}: {' '.join(f.details)}" for f in accepted],
        ),
        (
            f"I {data.ENGLISH_CHECKED} under version {version}, men utan skillnad (kan tas bort)",
            sorted(acknowledged - {f.id for f in found}),
        ),
    ]
    closing = (
        ""
        if blocking
        else "Inget att rätta: ingen svensk text har ändrats utan den engelska, och sidorna har "
        "samma uppbyggnad på båda språken."
    )
    return f"{title}. {compared}", [(h, items) for h, items in parts if items], closing


# Text and structure


def _pairs(notice: Notice, locale: str) -> list[tuple[str, bool, Source, Source]]:
    """(id, is a section, Swedish page, translation): the sections in order, then other pages."""
    default = notice.languages[0]
    out = []
    sections = {s.source.path: s.id for s in notice.sections(default)}
    others = sorted(p for p, s in notice.pages.items() if s.locale == default and p not in sections)
    for path in [*sections, *others]:
        original, translation = notice.pages[path], notice.page(path, locale)
        if translation is None or not {path, translation.path} <= notice.rendered.keys():
            continue  # reported as missing or unreadable
        out.append((sections.get(path, path), path in sections, original, translation))
    return out


def _text(model: Notice, source: Source) -> tuple:
    """What readers read of a section: its summary, then its blocks with their link targets."""
    page = model.rendered.get(source.path)
    blocks = tuple(tuple(block) for block in page.blocks) if page else ()
    return (" ".join(str(source.meta.get("summary", "")).split()), blocks)


@dataclass(frozen=True)
class _Shape:
    counts: Counter
    links: list[str]


def _shape(page: html.Page) -> _Shape:
    counts: Counter = Counter(f"h{level}" for level, _ in page.headings)
    links = []
    for tag, attrs in page.elements:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            links.append(_target(href))
        elif tag in ("p", "li"):
            counts[tag] += 1
    counts["a"] = len(links)
    return _Shape(counts, links)


def _target(href: str) -> str:
    """Where a link leads, the same in every language: a page by its Swedish file name."""
    path, _, _ = href.partition("#")
    if not path.endswith(".md") or ":" in path:
        return href  # another site, an e-mail address, or a place on the same page
    return sources.base_path(posixpath.normpath(path))


def _counted(a: _Shape, b: _Shape) -> list[tuple[str, tuple[str, str]]]:
    """What is counted, with its noun (one, many): headings per level, then the rest."""
    levels = sorted(k for k in {*a.counts, *b.counts} if k.startswith("h"))
    where = {level: f"på nivå {level[1]} ({'#' * int(level[1])})" for level in levels}
    return [
        *((level, (f"rubrik {where[level]}", f"rubriker {where[level]}")) for level in levels),
        ("p", ("stycke", "stycken")),
        ("li", ("listpunkt", "listpunkter")),
        ("a", ("länk", "länkar")),
    ]
