"""Translations kept honest: the English must say what the Swedish says.

Swedish is authoritative, and both languages are published as the notice. Two findings, each
per section (by its id) or, for the other pages, per Swedish file name:

- ``stale()``: a section whose Swedish text (as readers read it: its summary, headings,
  paragraphs, list items and link targets) changed since the newest published version
  (``Notice.baseline``, read from its git tag) while its English text did not. That is the
  version in force, or one published ahead of its date; or the newest version itself, when
  it is published already and the change has no new version yet. Before anything is
  published, nothing is stale.
- ``structure()``: a page whose Swedish and English differ in the number of headings (per
  level), paragraphs, list items or links, or in where a link leads (``lagring.en.md`` and
  ``lagring.md`` are the same page; the part after ``#`` is left out, as headings' anchors
  differ by language).

The build prints ``report()`` (information, not a failure); ``markdown()`` is the same for a
review. `make publish` refuses a new version while any finding is not acknowledged
(``refusal()``): the version's entry in docs/versions.yml lists the sections whose English was
checked and needs no change under ``english_checked``. An acknowledgement belongs to one
version: the next version's English is checked again, and a change made after a version was
published is never acknowledged by that version (it needs a new one).

Messages are Swedish: the editors act on them.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from notice import changes, data, gfm, html, sources

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
    title: str = ""  # a section's Swedish heading, as editors know it

    @property
    def name(self) -> str:
        if not self.section:
            return f"sidan {self.id}"
        return f"avsnittet {self.title} ({self.id})" if self.title else f"avsnittet {self.id}"

    def message(self, notice: Notice, *, new: bool | None = None) -> str:
        """The finding and what to do about it, for the change being made to ``notice``.
        ``new``: the newest version is being published anew (FORCE=1 republishes one)."""
        new = notice.new_version if new is None else new
        fix = f"Uppdatera {self.translation} så att den säger samma sak som {self.original}"
        if not notice.versions:
            return f"{self.name}: {' '.join(self.details)} {fix}."
        if new or self.outside_the_versions:  # outside: checked for each merge, no version
            return (
                f"{self.name}: {' '.join(self.details)} {fix}, eller, om den engelska texten "
                f"redan stämmer, skriv {self.id} i {data.ENGLISH_CHECKED} under version "
                f"{notice.versions[0].id} i docs/{data.VERSIONS_FILE}."
            )
        return (
            f"{self.name}: {' '.join(self.details)} {fix}. Version {notice.versions[0].id} är "
            "redan publicerad och ändras aldrig, så ändringen behöver också en ny version "
            f"överst i docs/{data.VERSIONS_FILE}; stämmer den engelska texten redan, skriv "
            f"{self.id} i {data.ENGLISH_CHECKED} under den nya versionen."
        )

    @property
    def outside_the_versions(self) -> bool:
        """A page that is not the notice's text (the contact page, say): no version needed."""
        return not self.section and self.id in changes.OUTSIDE_THE_VERSIONS


def stale(notice: Notice) -> list[Finding]:
    """Sections whose Swedish changed since the newest published version while the
    translation did not."""
    baseline, since = notice.baseline, notice.baseline_version
    if baseline is None or baseline is notice or since is None:
        return []
    default = notice.languages[0]
    out = []
    for locale in notice.languages[1:]:
        before = {s.id: s for s in baseline.sections(default)}
        before_translated = {s.id: s for s in baseline.sections(locale)}
        translated = {s.id: s for s in notice.sections(locale)}
        for section in notice.sections(default):
            old, old_tr, new_tr = (
                before.get(section.id),
                before_translated.get(section.id),
                translated.get(section.id),
            )
            if old is None or old_tr is None or new_tr is None:
                continue  # a new section: both languages are new
            changed = _text(notice, section.source) != _text(baseline, old.source)
            if changed and _text(notice, new_tr.source) == _text(baseline, old_tr.source):
                original, translation = f"docs/{section.source.path}", f"docs/{new_tr.source.path}"
                detail = (
                    f"texten i {original} har ändrats sedan version {since}, men {translation} "
                    "är oförändrad."
                )
                finding = Finding(STALE, section.id, True, original, translation, (detail,))
                out.append(dataclasses.replace(finding, title=section.title))
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
                        (notice.title(original) or "") if section else "",
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


def acknowledged(notice: Notice, finding: Finding, *, new: bool | None = None) -> bool:
    """A finding the newest version's english_checked covers. A change made after that version
    was published is not covered (it needs a new version, with its own list), unless the
    version is published anew (``new``: FORCE=1)."""
    new = notice.new_version if new is None else new
    if finding.kind == STALE and not new:
        return False
    return finding.id in checked(notice)


def unacknowledged(notice: Notice, *, new: bool | None = None) -> list[Finding]:
    """The findings that stop `make publish`: those the version does not acknowledge."""
    return [f for f in findings(notice) if not acknowledged(notice, f, new=new)]


def refusal(
    notice: Notice, *, new: bool | None = None, only: list[Finding] | None = None
) -> str | None:
    """Why `make publish` does not publish the version being built, or None. ``new``: the
    newest version is being published anew (FORCE=1), else whether it is published;
    ``only``: these findings, not every unacknowledged one."""
    new = notice.new_version if new is None else new
    blocking = unacknowledged(notice, new=new) if only is None else only
    if not blocking or not notice.versions:
        return None
    version = notice.versions[0].id
    if new:
        why = f"så version {version} publiceras inte"
    elif all(f.outside_the_versions for f in blocking):
        why = "så ändringen publiceras inte"
    else:
        why = "så den nya version som ändringen behöver publiceras inte"
    return (
        f"den engelska texten stämmer inte med den svenska, {why}. Svenskan gäller, och "
        "engelskan ska säga samma sak:\n"
        + "\n".join(f"  - {finding.message(notice, new=new)}" for finding in blocking)
    )


def report(notice: Notice) -> list[str]:
    """What the build prints: the findings, what is acknowledged, and what to do."""
    title, parts, closing = _report(notice)
    lines = [title]
    for heading, items in parts:
        lines += [f"  {heading}:", *(f"    - {item}" for item in items)]
    return lines + ([f"  {closing}"] if closing else [])


def markdown(
    notice: Notice, *, listed: list[Finding] = (), escape: Callable[[str], str] = gfm.escape
) -> str:
    """The same report as Markdown, for a review: text from the pages escaped (``escape``).
    ``listed``: findings the review shows among its errors; here they are not said again."""
    title, parts, closing = _report(notice)
    if listed:
        shown = {f.message(notice) for f in listed}
        parts = [(h, [i for i in items if i not in shown]) for h, items in parts]
        parts = [(h, items) for h, items in parts if items]
        closing = "Det som måste rättas står under Fel."
    heading, _, what = title.partition(": ")
    out = [f"## {heading}", "", escape(what[:1].upper() + what[1:]), ""]
    for heading, items in parts:
        out += [f"### {escape(heading)}", "", *(f"- {escape(item)}" for item in items), ""]
    if closing:
        out += [closing, ""]
    return "\n".join(out)


# The parts of the report


def _report(notice: Notice) -> tuple[str, list[tuple[str, list[str]]], str]:
    title = "Översättningar: den engelska texten jämförs med den svenska, som gäller"
    if not notice.versions:
        return title, [], ""
    version = notice.versions[0].id
    found, listed = findings(notice), checked(notice)
    blocking = [f for f in found if not acknowledged(notice, f)]
    accepted = [f for f in found if acknowledged(notice, f)]
    if notice.baseline_version is None:
        compared = "Ingen version är publicerad än: bara uppbyggnaden jämförs."
    elif notice.new_version:
        compared = (
            f"Version {version} jämförs med den senast publicerade versionen, "
            f"{notice.baseline_version}."
        )
    else:
        compared = f"Texten jämförs med version {version}, som redan är publicerad."
    refuses = "publiceringen vägrar tills"
    parts = [
        (
            f"Svensk text ändrad, engelsk inte ({refuses} engelskan är uppdaterad eller "
            "kontrollerad)",
            [f.message(notice) for f in blocking if f.kind == STALE],
        ),
        (
            f"Olika uppbyggnad på svenska och engelska ({refuses} den är rättad eller "
            "kontrollerad)",
            [f.message(notice) for f in blocking if f.kind == STRUCTURE],
        ),
        (
            f"Kontrollerat, ingen ändring behövs ({data.ENGLISH_CHECKED} under version {version} "
            f"i docs/{data.VERSIONS_FILE})",
            [f"{f.name}: {' '.join(f.details)}" for f in accepted],
        ),
        (
            f"I {data.ENGLISH_CHECKED} under version {version}, men utan skillnad (kan tas bort)",
            sorted(listed - {f.id for f in found}) if notice.new_version else [],
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
