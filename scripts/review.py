"""The gate and the review of a change to the notice: `make check` and `make review`.

A command-line tool, not an MkDocs hook. It answers, for the branch checked out, the two
questions a pull request asks, the same way before a merge (CI, every pull request) and after
it (the publish job, before `make publish`):

1. Would `make publish` publish it? Everything the change causes that publishing would refuse
   is an error, all in one round, in Swedish, with file, line and fix: the content's problems
   (links included, with the page a broken link probably meant), a changed text under a
   version that is already published, English left behind without acknowledgement, a
   version older than a published one, a build that stops; and what holds for every valid
   notice, checked on the real build (scripts/site_checks.py: each page's language and
   policy, no request to another host, links that resolve, axe-core in Chromium). What no
   pull request can fix (SEOM's details, the deployment's settings) is said once, at the
   top, without failing the change.
2. What would readers see, and from when? Compared with the newest published version (in
   force, or published ahead of its date), section by section and word by word, with how easy
   each changed section is to read before and after (advice, never an error); then the
   translations, where there is something to say, and the GDPR report once, with what
   changes in it.

It prints the review as Markdown (CI appends it to the job summary: --output). The first
line is the verdict. Whatever the review quotes from the notice and the tools is escaped, or
fenced with a fence it cannot close (hooks/notice/gfm.py): it adds no heading, link, image,
list item or HTML of its own to the review. `make check` (--gate) exits 1 when the change has
errors, `make review` only when it cannot run.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import math
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import site_checks
from notice import (
    archive,
    build,
    changes,
    dates,
    form,
    gdpr,
    gfm,
    html,
    languages,
    model,
    readability,
    reading,
    render,
    shortcodes,
    translations,
)
from notice import texts as notice_texts
from notice.publishing.copies import names, place, previews
from notice.publishing.errors import IN_THE_BROWSER, PublishError
from notice.publishing.mkdocs_utils import CONFIG, build_site
from notice.publishing.operations import refusals
from notice.publishing.settings import load_settings, settings_missing, to_the_web

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Review:
    """What the gate found and what the review says, before it is written as Markdown."""

    errors: list[str] = field(default_factory=list)  # what stops publishing: plain text
    build_log: list[str] = field(default_factory=list)  # MkDocs' own words, when it stopped
    waiting: list[str] = field(default_factory=list)  # what no pull request can fix
    parts: list[str] = field(default_factory=list)  # the rest of the review, Markdown lines
    after_merge: bool = False  # the publish job's gate: the change is on main already
    listed: list = field(default_factory=list)  # translation findings among the errors
    # The messages of the translations' findings: a refusal of the translations lists them
    # under it, and they are shown as items under its own; no other line of an error is.
    findings: frozenset[str] = frozenset()
    copies: list[str] = field(default_factory=list)  # the archival copies made and approved

    @property
    def blocked(self) -> bool:
        return bool(self.errors or self.build_log)

    def markdown(self) -> str:
        count = len(self.errors) + (1 if self.build_log else 0)
        lines = [f"# Granskning: {verdict(count, self.after_merge, bool(self.waiting))}", ""]
        fixed = "felet under Fel är rättat" if count == 1 else "felen under Fel är rättade"
        if self.blocked and self.after_merge:
            lines.append(
                f"Ändringen är sammanslagen men publiceras inte förrän {fixed}. " + IN_THE_BROWSER
            )
        elif self.blocked:
            lines.append(
                f"Ändringen kan inte publiceras förrän {fixed}. Rätta i samma gren: "
                "granskningen körs igen av sig själv."
            )
        elif self.waiting:
            lines.append(
                "Inga fel i ändringen"
                + (": den är sammanslagen" if self.after_merge else ": den kan slås ihop")
                + ". Men ingenting publiceras förrän det som står här nedanför är klart."
            )
        else:
            done = (
                "ändringen publiceras nu"
                if self.after_merge
                else "när ändringen slås ihop publiceras den"
            )
            lines.append(f"Inga fel: {done}.")
        lines.append("")
        if self.waiting:
            lines += [
                "> **Publiceringen väntar på annat än den här ändringen.** Det stoppar inte "
                "ändringen, men ingenting publiceras förrän det är klart:",
                ">",
                *(f"> - {markdown(item)}" for item in self.waiting),
                "",
            ]
        if self.blocked:
            lines += ["## Fel", ""]
            for error in self.errors:
                lines += error_item(error, self.findings)
            if self.build_log:
                lines.append(
                    "- Bygget av webbplatsen stoppade av ett skäl som kontrollerna inte känner "
                    "igen. Så här säger MkDocs (på engelska); be en utvecklare om hjälp om det "
                    "inte är tydligt vad i texten som orsakar det:"
                )
                lines += ["", *fenced("\n".join(self.build_log), indent="  ")]
            lines.append("")
        return "\n".join(lines + self.parts).rstrip() + "\n"


def error_item(error: str, findings: frozenset[str]) -> list[str]:
    """An error as an item of the list under Fel, its lines one paragraph: an editor's text of
    many lines starts no list, heading or other block. But a refusal's findings, listed under
    it one per line ("  - " after a line ending), are items of their own under it when each is
    one of ``findings``."""
    head, *listed = error.split("\n  - ")
    if not listed or "\n" in head or not all(item in findings for item in listed):
        head, listed = error, []
    items = [markdown(item) for item in listed]
    # An empty item under a line would be that line's setext underline: a finding's message
    # never is empty, but the review makes sure.
    return [f"- {markdown(sentence(head))}", *(f"  - {item}" for item in items if item)]


def sentence(message: str) -> str:
    """A message worded to follow "make publish: ", as a sentence of its own."""
    return message if message.startswith("docs/") else message[:1].upper() + message[1:]


def verdict(errors: int, after_merge: bool = False, waiting: bool = False) -> str:
    if errors:
        step = "publiceras" if after_merge else "slås ihop"
        return f"{errors} fel att rätta innan ändringen kan {step}"
    if waiting:
        return "inga fel, men publiceringen väntar"
    return "kan publiceras" if after_merge else "kan slås ihop"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--gate", action="store_true", help="exit 1 when the change has errors")
    parser.add_argument("--output", help="also append the review to this file (a job summary)")
    parser.add_argument(
        "--no-browser", action="store_true", help="leave out the checks in Chromium"
    )
    parser.add_argument(
        "--after-merge", action="store_true", help="the change is merged: say how to fix it"
    )
    args = parser.parse_args(argv)
    result = review(ROOT, browser=not args.no_browser, after_merge=args.after_merge)
    text = result.markdown()
    sys.stdout.write(text)
    if args.output:
        with open(args.output, "a", encoding="utf-8") as summary:
            summary.write(text)
    return 1 if args.gate and result.blocked else 0


def review(root: Path, *, browser: bool = True, after_merge: bool = False) -> Review:
    out = Review(after_merge=after_merge)
    config = load_settings(root / CONFIG)
    out.waiting += waiting_for_settings(root, config)
    built = languages.built(config)
    try:
        notice = reading.load(root / "docs", built, build.markdown_config(config))
    except ValueError as error:  # NOTICE_TODAY that is not a date
        out.errors.append(str(error))
        return out
    out.waiting += [f"SEOM:s uppgifter: {message}" for message in notice.controller.missing]
    out.waiting += [f"Ändamålen: {message}" for message in notice.purposes_missing]
    out.waiting += [f"Tillgänglighetsredogörelsen: {item}" for item in notice.statement_missing]
    out.errors += notice.problems
    if whole(notice):
        out.findings = frozenset(
            finding.message(notice, new=new)
            for finding in translations.findings(notice)
            for new in (True, False)
        )
        # What publishing would refuse, in the same round as the content's problems.
        out.errors += refusals(notice, notice.published, new=notice.new_version)
        if not notice.new_version and notice.baseline is not None:
            # The new version the change needs would be refused for this too: say it now.
            versioned = [
                f
                for f in translations.unacknowledged(notice, new=False)
                if not f.outside_the_versions
            ]
            if versioned and changes.changed_files(notice.baseline, notice):
                out.errors.append(translations.refusal(notice, new=False, only=versioned))
                out.listed += versioned
    if notice.problems or not notice.versions:
        # The rest reads a model with problems: say only what must be fixed first.
        return out
    env = notice_texts.install(config.theme.get_env())
    env.add_extension("jinja2.ext.loopcontrols")
    checked = build_and_check(root, notice, config, out, browser=browser)
    out.parts += readers_part(notice, config, env, start=publishing_starts(out))
    out.parts += [translations.markdown(notice, listed=out.listed).rstrip(), ""]
    out.parts += gdpr_part(notice)
    out.parts += site_part(checked, out.copies)
    return out


def whole(notice: model.Notice) -> bool:
    """Every page and data file could be read, whatever else is wrong: what the change does to
    the text can be told (a page that could not be read would look removed)."""
    return bool(notice.versions and notice.section_ids) and all(
        source.readable for source in notice.pages.values()
    )


def waiting_for_settings(root: Path, config: dict) -> list[str]:
    missing = settings_missing(config, web=to_the_web(root))
    if not missing:
        return []
    return [
        "Publiceringen är inte inställd. Be den som sköter publiceringen att ställa in det här "
        "(på engelska, för den): " + "; ".join(line.removeprefix("- ") for line in missing)
    ]


# 1. Would it publish: the build and the site's promises


def build_and_check(
    root: Path, notice: model.Notice, config, out: Review, *, browser: bool
) -> site_checks.Result | None:
    """Build the version as `make publish` would and check the promises on it."""
    version = notice.versions[0].id
    with tempfile.TemporaryDirectory(prefix="seom-check-") as tmp:
        site_dir = Path(tmp) / version
        try:
            build_site(root, version, site_dir)
        except PublishError as error:
            out.build_log = [
                line
                for line in str(error).splitlines()
                if line.startswith(("WARNING", "ERROR", "Aborted", "  "))
            ] or str(error).splitlines()
            return None
        # The archival copies, as publishing will add them: checked, and what the pages
        # link to. A copy that fails is the error publishing would stop on, said now.
        folder = str(config.site_url or "/").rstrip("/") + f"/{version}/"
        try:
            copies = previews(root, config, notice, site_dir, version, folder)
        except PublishError as error:
            out.errors.append(error.args[0])
            # Said once: the links to the copies are not broken links of their own.
            copies = dict.fromkeys(names(config, version).values(), b"")
        else:
            out.copies = sorted(copies)
        place(site_dir, copies)
        checked = site_checks.check(
            site_dir,
            notice.languages,
            version,
            notice.published,
            text_pages(notice),
            site_url=config.site_url or "/",
            browser=browser,
        )
    out.errors += checked.problems
    return checked


def text_pages(notice: model.Notice) -> dict[str, str]:
    """The pages of the notice's text, by their address in the built site, with the file in
    docs/ each is made from: {"": "docs/index.md", "en/lagring/": "docs/lagring.en.md"}."""
    out = {}
    for locale in notice.languages:
        prefix = languages.prefix_of(locale, notice.languages)
        for base in ["index.md", *notice.nav()]:
            source = notice.page(base, locale)
            if source is not None:
                page = "" if base == "index.md" else base.removesuffix(".md") + "/"
                out[prefix + page] = f"docs/{source.path}"
    return out


def site_part(checked: site_checks.Result | None, copies: list[str]) -> list[str]:
    if checked is None:
        return []
    lines = [
        "## Webbplatsen",
        "",
        f"Kontrollerat på webbplatsen som den skulle publiceras: alla {checked.pages} sidor, på "
        "alla språk, anger sitt språk och har sin säkerhetspolicy, hämtar ingenting från andra "
        "webbplatser, och deras länkar leder till sidor som finns.",
    ]
    if checked.browsed:
        lines[-1] += (
            f" I webbläsaren Chromium: {checked.browsed} sidor på alla språk (startsidan, varje "
            "avsnitt och en sida av varje annan sort), utan förfrågningar till andra värdar och "
            "utan kakor, och tillgänglighetsverktyget axe-core har granskat dem."
        )
    elif checked.skipped:
        lines[-1] += f" {checked.skipped}"
    if copies:
        lines[-1] += (
            " Arkivkopiorna som publiceringen lägger till, hela meddelandet som PDF/A-2a ("
            + ", ".join(f"`{path}`" for path in copies)
            + "), är gjorda och godkända, och länkarna till dem fungerar."
        )
    return [*lines, ""]


# 2. What readers see, and from when


def publishing_starts(review: Review) -> str:
    """When what the change publishes is published: on merge, now, or when what publishing
    waits for is there."""
    if review.waiting:
        return "När det som publiceringen väntar på är klart"
    return "Nu" if review.after_merge else "När ändringen slås ihop"


def readers_part(notice: model.Notice, config, env, *, start: str) -> list[str]:
    lines = ["## Vad läsarna ser", "", *when(notice, start), ""]
    baseline, version = notice.baseline, notice.baseline_version
    if baseline is None or version is None:
        return [
            *lines,
            "Ingen version av integritetsmeddelandet är publicerad än, så det finns inget att "
            "jämföra med.",
            "",
        ]
    lines += [
        f"Jämfört med version {version}, den senast publicerade ({state(version, notice.today)})."
        " Texten är den som läsarna läser: tillagda ord är <ins>understrukna</ins> och "
        "borttagna <del>överstrukna</del>.",
        "",
    ]
    compared = {
        locale: compare(notice, baseline, locale, config, env) for locale in notice.languages
    }
    first = compared[notice.languages[0]]
    unchanged = []
    for number, section in enumerate(first):
        per_language = [(locale, compared[locale][number]) for locale in notice.languages]
        if all(s["state"] == "unchanged" for _, s in per_language):
            unchanged.append(section["title"])
            continue
        lines += [f"### {markdown(section['title'])}", ""]
        for locale, each in per_language:
            lines += language_changes(notice, locale, each)
    if unchanged and len(unchanged) == len(first):
        lines += ["Inget avsnitt ändras.", ""]
    elif unchanged:
        lines += ["Oförändrade avsnitt: " + ", ".join(markdown(t) for t in unchanged) + ".", ""]
    lines += outside_the_versions(notice, baseline)
    return lines


def when(notice: model.Notice, start: str = "När ändringen slås ihop") -> list[str]:
    """From when readers see the change: one paragraph. ``start``: when it is published."""
    version, today = notice.versions[0], notice.today
    date = dates.long_date(version.date, "sv")
    if not notice.new_version:
        if changes.changed_files(notice.baseline or notice, notice):
            return [
                f"Texten i version {version.id}, som redan är publicerad, ändras. En publicerad "
                "version ändras aldrig, så ändringen når inte läsarna förrän den har en ny "
                "version (se Fel)."
            ]
        return [
            f"Texten som läsarna läser ändras inte: version {version.id} "
            f"({state(version.id, today)}) står kvar. Det som ändras i övrigt (utseendet, "
            "sidorna utanför meddelandets versioner) når läsarna när det publiceras."
        ]
    shown = archive.latest(notice.published, today)
    if archive.in_effect(version.id, today):
        instead = f", i stället för version {shown}" if shown else ""
        return [
            f"{start} publiceras version {version.id} och gäller direkt"
            f"{instead}. Den säger att den gäller från den {date}."
        ]
    if not shown:
        return [
            f"{start} publiceras version {version.id}, den första. Den börjar "
            f"gälla den {date}, och fram till dess säger varje sida det."
        ]
    between = [v for v in archive.upcoming(notice.published, today) if v < version.id]
    until = f"Fram till dess gäller version {shown}"
    until += "".join(
        f", och från den {dates.long_date(dt.date.fromisoformat(v), 'sv')} version {v}"
        for v in between
    )
    until += ", som redan är publicerad i förväg" if between else ""
    return [
        f"{start} publiceras version {version.id} i förväg: den börjar gälla den "
        f"{date}. {until}. Sidorna i den version som gäller säger i förväg att "
        "integritetsmeddelandet ändras, med en länk till vad som ändras, och natten till den "
        f"{date} börjar den nya versionen gälla av sig själv. Förhandsgranskningen visar båda: "
        "före och från datumet."
    ]


def state(version: str, today: dt.date) -> str:
    written = dates.long_date(dt.date.fromisoformat(version), "sv")
    return (
        f"gäller sedan den {written}"
        if archive.in_effect(version, today)
        else f"börjar gälla den {written}"
    )


def outside_the_versions(notice: model.Notice, baseline: model.Notice) -> list[str]:
    """Pages and data that are not the notice's versioned text: they change on merge."""
    lines = []
    if notice.accessibility != baseline.accessibility:
        lines.append(
            "Tillgänglighetsredogörelsen (`docs/accessibility.yml`) ändras. Den hör inte till "
            "meddelandets versioner: den nya når läsarna när ändringen slås ihop."
        )
    for path, source in sorted(notice.pages.items()):
        if source.base not in changes.OUTSIDE_THE_VERSIONS or source.locale != notice.languages[0]:
            continue
        pages = [notice.page(path, locale) for locale in notice.languages]
        if any(
            page is not None and blocks(notice, page.path) != blocks(baseline, page.path)
            for page in pages
        ):
            lines.append(
                f"Sidan {code(path)} ändras. Den hör inte till meddelandets versioner: "
                "den nya texten når läsarna när ändringen slås ihop."
            )
    return [*(f"{line}\n" for line in lines)]


def blocks(of: model.Notice, path: str) -> list[list[str]] | None:
    page = of.rendered.get(path)
    return page.blocks if page else None


def language_changes(notice: model.Notice, locale: str, section: dict) -> list[str]:
    source = notice.page(f"{section['path']}", locale)
    where = f" ({code(source.path)})" if source else ""
    name = languages.LANGUAGE_NAMES.get(locale)
    name = markdown(name.capitalize() if name else locale)  # it starts the line
    what = {
        "added": "nytt avsnitt",
        "removed": "avsnittet tas bort",
        "unchanged": "oförändrat",
        "changed": "",
    }[section["state"]]
    head = f"**{name}**{where}" + (f": {what}." if what else ":")
    lines = [head, ""]
    for paragraph in section["paragraphs"]:
        lines.append("> " + "".join(chunk_markdown(c) for c in paragraph).strip())
        lines.append("")
    if section.get("readability"):
        lines += [section["readability"], ""]
    return lines


def chunk_markdown(chunk: dict[str, str]) -> str:
    text = markdown(chunk["text"])
    if chunk["op"] == "ins":
        return f" <ins>{text}</ins>"
    if chunk["op"] == "del":
        return f" <del>{text}</del>"
    return f" {text}"


def compare(notice: model.Notice, baseline: model.Notice, locale: str, config, env) -> list[dict]:
    """Each section's state and changed paragraphs, as the what-changed page compares them."""
    ctx = render.Context(
        model=notice,
        locale=locale,
        page_path=model_path(notice, shortcodes.TABLE["changes"].home, locale),
        page_url="",
        env=env,
        form_settings=form.settings_of(config),
        site={"organisation": "", "name": config.site_name},
    )
    t = notice_texts.of(env, locale)

    def expander(of: model.Notice) -> Callable[[str], str]:
        other = dataclasses.replace(ctx, model=of)
        return lambda text: render.expand(text, other)[0]

    label = t["versions"]["summary_label"]
    old = changes.readable_sections(baseline, locale, label, expander(baseline))
    new = changes.readable_sections(notice, locale, label, expander(notice))

    def describe(href: str) -> str:
        return t["versions"]["link"].format(target=changes.link_target(notice, locale, href))

    out = changes.compare(old, new, describe)
    paths = {s.id: s.source.base for m in (baseline, notice) for s in m.sections(locale)}
    # The readability of what editors wrote: the same reading, without the what-changed page's
    # label before the summary ("Sammanfattning:"), which is the site's word and not theirs.
    plain_old = changes.readable_sections(baseline, locale, "", expander(baseline))
    plain_new = changes.readable_sections(notice, locale, "", expander(notice))
    for section in out:
        section["path"] = paths[section["id"]]
        section["readability"] = readability_line(
            locale,
            section["state"],
            plain_text(plain_old.get(section["id"])),
            plain_text(plain_new.get(section["id"])),
        )
    return out


def model_path(notice: model.Notice, base: str, locale: str) -> str:
    page = notice.page(base, locale)
    return page.path if page else base


# Readability: advice for editors, never an error (ARCHITECTURE.md, the review on a pull
# request). LIX for Swedish, Coleman–Liau for English: hooks/notice/readability.py says why.


def plain_text(section: changes.Readable | None) -> str | None:
    """A section as its reader reads it, a line per paragraph (a line ends a sentence), without
    the links' targets, which the reading puts among the words."""
    if section is None:
        return None
    return "\n".join(
        " ".join(word for word in paragraph if not word.startswith(html.LINK))
        for paragraph in section.paragraphs
    )


def lix_band(value: int) -> str:
    """Björnsson's scale, in the words REDIGERA.md explains."""
    for below, words in LIX_BANDS:
        if value < below:
            return words
    return "mycket svår"


LIX_BANDS = [(30, "mycket lätt"), (40, "lätt"), (50, "medelsvår"), (60, "svår")]
# Each language's measure: its name in the review, and how one value is written.
MEASURES: dict[str, tuple[str, Callable[[str], float | None], Callable[[int], str]]] = {
    "sv": ("LIX", readability.lix, lambda n: f"{n} ({lix_band(n)})"),
    "en": ("Coleman–Liau", readability.coleman_liau, str),
}


def readability_line(locale: str, state: str, before: str | None, after: str | None) -> str | None:
    """ "Läsbarhet: LIX 45 (medelsvår) före, 43 (medelsvår) efter.": both values for a changed
    text, the one there is for a new, removed or unchanged one; None for a language without a
    measure or a text without words. Only the review's own words and numbers: nothing to
    escape."""
    if locale not in MEASURES:
        return None
    name, measure, written = MEASURES[locale]

    def value(text: str | None) -> str | None:
        score = measure(text) if text is not None else None
        # Rounded half up, as a reader rounds: 44.5 is 45 (round() would give 44).
        return None if score is None else written(math.floor(score + 0.5))

    old, new = value(before), value(after)
    if state == "changed" and old is not None and new is not None:
        return f"Läsbarhet: {name} {old} före, {new} efter."
    shown = new if new is not None else old
    return f"Läsbarhet: {name} {shown}." if shown is not None else None


# The GDPR report, once


def gdpr_part(notice: model.Notice) -> list[str]:
    locale = notice.languages[0]
    lines = ["## GDPR-rapport", "", *fenced(gdpr.compliance_report(notice, locale)), ""]
    baseline, version = notice.baseline, notice.baseline_version
    if baseline is None or version is None or baseline is notice:
        return lines
    changed = gdpr.changes(baseline, notice, locale)
    if not changed:
        return [*lines, f"Rapporten är densamma som för version {version}.", ""]
    return [
        *lines,
        f"Det här ändras jämfört med version {version}:",
        "",
        *(f"- {markdown(item)}" for item in changed),
        "",
    ]


# Markdown


# Everything from the notice and the tools goes through these: hooks/notice/gfm.py says how.
markdown = gfm.escape
code = gfm.code
fenced = gfm.fenced


if __name__ == "__main__":
    sys.exit(main())
