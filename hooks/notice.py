"""The privacy notice's content model: section pages, their front matter and GDPR codes.

Shared by the hook files (``import notice`` works for hooks since MkDocs 1.6). Everything here is
pure: it reads the docs folder and returns data or a list of problems; the hooks decide what to
do with them. Messages are in Swedish because the communications staff act on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

SECTIONS_FILE = "sections.yml"


@dataclass(frozen=True)
class Source:
    """One Markdown file of the notice, read from disk."""

    path: str  # relative to docs_dir, with "/" separators
    locale: str
    meta: dict[str, Any]
    body: str  # the Markdown after the front matter
    text: str  # the whole file
    readable: bool = True  # False when the front matter could not be read

    @property
    def title(self) -> str | None:
        if isinstance(self.meta.get("title"), str):
            return self.meta["title"]
        match = H1.search(self.body)
        return match.group(1).strip() if match else None


@dataclass(frozen=True)
class Section:
    id: str
    source: Source

    @property
    def summary(self) -> str:
        return self.source.meta["summary"]

    @property
    def gdpr(self) -> list[str]:
        return [str(code) for code in self.source.meta["gdpr"]]


@dataclass
class Notice:
    """All sources of the notice and what is wrong with them."""

    known_sections: dict[str, str]
    sources: list[Source]
    problems: list[str]

    def sections(self, locale: str, nav_order: list[str]) -> list[Section]:
        """The section pages of one language, in the order of the page tree."""
        return in_nav_order(self.sources, locale, nav_order)


def in_nav_order(sources: list[Source], locale: str, nav_order: list[str]) -> list[Section]:
    """The section pages among ``sources`` in one language, in the order of the page tree."""
    found = [
        Section(s.meta["section"], s)
        for s in sources
        if s.locale == locale and isinstance(s.meta.get("section"), str)
    ]
    position = {path: i for i, path in enumerate(nav_order)}
    return sorted(found, key=lambda s: position.get(base_path(s.source.path), len(position)))


def load(docs_dir: Path, languages: list[str], default: str, nav_order: list[str]) -> Notice:
    """Read every Markdown file and the section list, and check them against the model."""
    problems: list[str] = []
    known = _read_known_sections(docs_dir, problems)
    sources = read_sources(read_docs(docs_dir), languages, default, problems)
    problems += [problem for source in sources for problem in check_shortcodes(source)]
    problems += check_translations(sources, languages, default)
    if known:  # else every section would be reported as unknown: fix sections.yml first
        problems += check_sections(sources, known, languages, nav_order)
    return Notice(known, sources, problems)


def read_docs(docs_dir: Path) -> dict[str, str]:
    """Every Markdown file under docs_dir: {path relative to it: text}."""
    return {
        path.relative_to(docs_dir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(docs_dir.rglob("*.md"))
    }


def read_sources(
    files: dict[str, str], languages: list[str], default: str, problems: list[str]
) -> list[Source]:
    """Parse files ({path: text}, from disk or a git tag), reporting broken front matter."""
    return [read_source(path, text, languages, default, problems) for path, text in files.items()]


def html_block(html: object) -> str:
    """Rendered HTML to put into Markdown: one block, no blank lines inside, blank lines around."""
    return "\n" + "\n".join(line for line in str(html).splitlines() if line.strip()) + "\n"


def locale_of(path: str, languages: list[str], default: str) -> str:
    """``page.en.md`` is English; a file without a language suffix is in the default language."""
    parts = path.rsplit("/", 1)[-1].split(".")
    if len(parts) >= 3 and parts[-2] in languages:
        return parts[-2]
    return default


def base_path(path: str) -> str:
    """``insamling.en.md`` -> ``insamling.md``: the file name the page tree uses."""
    return re.sub(r"\.[a-z]{2}(?:[-_][A-Za-z]+)?\.md$", ".md", path)


def translation_path(path: str, locale: str, default: str) -> str:
    base = base_path(path)
    return base if locale == default else base[: -len(".md")] + f".{locale}.md"


def read_source(
    path: str, text: str, languages: list[str], default: str, problems: list[str]
) -> Source:
    """Split off and parse the front matter; report it when it is broken.

    MkDocs itself silently ignores front matter that is not valid YAML, so a typo there would
    publish a page without its summary: here it is an error instead.
    """
    locale = locale_of(path, languages, default)
    if not FRONT_MATTER_START.match(text):
        return Source(path, locale, {}, text, text)
    match = FRONT_MATTER.match(text)
    if not match:
        problems.append(
            f"docs/{path}, rad 1: front matter (inställningarna överst i filen) avslutas inte. "
            "Lägg till en rad med bara --- efter inställningarna."
        )
        return Source(path, locale, {}, text, text, readable=False)
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f", rad {mark.line + 2}" if mark else ""
        fix = (
            'Använd raka citattecken ("...") runt texten, inte typografiska (”...”).'
            if CURLY_QUOTES.search(match.group(1))
            else "Skriv varje inställning som 'nyckel: värde' på en egen rad, och sätt texten "
            "inom citattecken om den innehåller kolon (:) eller börjar med ett specialtecken."
        )
        problems.append(
            f"docs/{path}{line}: front matter är inte giltig YAML "
            f"({getattr(error, 'problem', None) or error}). {fix}"
        )
        return Source(path, locale, {}, text, text, readable=False)
    if not isinstance(meta, dict):
        problems.append(
            f"docs/{path}, rad 2: front matter ska vara en lista av 'nyckel: värde'-rader, "
            "till exempel 'section: collection'."
        )
        return Source(path, locale, {}, text, text, readable=False)
    return Source(path, locale, meta, text[match.end() :], text)


def check_shortcodes(source: Source) -> list[str]:
    """``<!-- notice:name -->`` codes the build can fill in (hooks/content_model.py)."""
    problems = []
    for match in SHORTCODE.finditer(source.text):
        if match.group(1) not in SHORTCODES:
            line = source.text.count("\n", 0, match.start()) + 1
            codes = [f"<!-- notice:{name} -->" for name in SHORTCODES]
            problems.append(
                f"docs/{source.path}, rad {line}: okänd kod '{match.group(0)}'. Använd "
                f"{', '.join(codes[:-1])} eller {codes[-1]}."
            )
    return problems


def check_translations(sources: list[Source], languages: list[str], default: str) -> list[str]:
    """Every page exists in every language."""
    problems = []
    present = {(base_path(s.path), s.locale) for s in sources}
    for page in sorted({base for base, _ in present}):
        have = [locale for base, locale in present if base == page]
        for locale in languages:
            if locale in have:
                continue
            existing = translation_path(page, have[0], default) if have else page
            missing = translation_path(page, locale, default)
            problems.append(
                f"docs/{existing}: översättning till {LANGUAGE_NAMES.get(locale, locale)} "
                f"saknas. Skapa docs/{missing} med samma innehåll på "
                f"{LANGUAGE_NAMES.get(locale, locale)} (och samma section i front matter)."
            )
    return problems


def check_sections(
    sources: list[Source], known: dict[str, str], languages: list[str], nav_order: list[str]
) -> list[str]:
    """Section pages: valid keys, the same id in every language, each id once, all in the nav."""
    default = languages[0]
    pages = [s for s in sources if SECTION_KEYS & s.meta.keys()]
    problems = [problem for page in pages for problem in check_section_meta(page, known)]
    valid = [
        p for p in pages if isinstance(p.meta.get("section"), str) and p.meta["section"] in known
    ]
    disagreeing = check_translations_agree(valid, default)
    problems += disagreeing.values()
    seen: dict[tuple[str, str], str] = {}  # (section id, locale) -> path
    for page in valid:
        if base_path(page.path) in disagreeing:
            continue
        section = page.meta["section"]
        other = seen.setdefault((section, page.locale), page.path)
        if other != page.path:
            problems.append(
                f"docs/{page.path}: section '{section}' används redan i docs/{other}. "
                "Varje avsnitt får bara finnas i en fil per språk: ändra section i en av filerna."
            )
    for page in valid:
        if page.locale == default and page.path not in nav_order:
            problems.append(
                f"docs/{page.path}: avsnittet finns inte i menyn. Lägg till raden "
                f"'  - {page.path}' under nav i mkdocs.yml, där avsnittet ska stå."
            )
    if all(source.readable for source in sources):  # else the unreadable page may use it
        used = {page.meta["section"] for page in valid}
        problems += [
            f"docs/{SECTIONS_FILE}: avsnittet '{section}' finns inte i någon sida. Skapa en sida "
            f"med 'section: {section}' i front matter, på svenska och engelska, eller ta bort "
            "raden."
            for section in known
            if section not in used
        ]
    return problems


def check_translations_agree(pages: list[Source], default: str) -> dict[str, str]:
    """A translation has its original's section id. Returns {base path: problem}."""
    originals = {base_path(p.path): p for p in pages if p.locale == default}
    problems = {}
    for page in pages:
        original = originals.get(base_path(page.path))
        if original is None or page is original:
            continue
        if page.meta["section"] != original.meta["section"]:
            problems[base_path(page.path)] = (
                f"docs/{page.path}: section är '{page.meta['section']}', men i originalet "
                f"docs/{original.path} är den '{original.meta['section']}'. En översättning ska "
                f"ha samma section som originalet: skriv 'section: {original.meta['section']}'."
            )
    return problems


def check_section_meta(source: Source, known: dict[str, str]) -> list[str]:
    """The keys a section page must have: section, summary and gdpr."""
    where = f"docs/{source.path}"
    meta = source.meta
    problems = []
    for key in REQUIRED_KEYS:
        if meta.get(key) in (None, "", []):
            problems.append(f"{where}: nyckeln {key} saknas i front matter. {KEY_HELP[key]}")
    section = meta.get("section")
    if section not in (None, "") and (not isinstance(section, str) or section not in known):
        problems.append(
            f"{where}: section '{section}' är inget känt avsnitt. Använd ett av "
            f"{', '.join(known)}, eller lägg till det nya avsnittet i docs/{SECTIONS_FILE}."
        )
    summary = meta.get("summary")
    if summary not in (None, "") and (not isinstance(summary, str) or "\n" in summary.strip()):
        problems.append(
            f"{where}: summary ska vara en enda mening på en rad, till exempel "
            "'summary: Vi sparar uppgifterna så länge du är kund.'"
        )
    gdpr = meta.get("gdpr")
    if gdpr not in (None, "", []):
        if not isinstance(gdpr, list):
            problems.append(
                f"{where}: gdpr ska vara en lista inom hakparenteser, till exempel "
                "'gdpr: [13.1.c, 13.1.d]'."
            )
        else:
            for code in gdpr:
                if str(code) not in GDPR_CODES:
                    problems.append(
                        f"{where}: gdpr innehåller den okända koden '{code}'. Använd koder för "
                        "punkterna i artikel 13 och 14, till exempel 13.1.c eller 13.2.a "
                        "(listan finns i REDIGERA.md)."
                    )
    if source.title is None:
        problems.append(
            f"{where}: avsnittet har ingen rubrik. Börja texten med en rubrik på en egen rad, "
            "till exempel '# Hur länge vi sparar dina personuppgifter'."
        )
    return problems


def _read_known_sections(docs_dir: Path, problems: list[str]) -> dict[str, str]:
    path = docs_dir / SECTIONS_FILE
    where = f"docs/{SECTIONS_FILE}"
    if not path.is_file():
        problems.append(f"{where} saknas. Den listar avsnitten som texten består av.")
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f", rad {mark.line + 1}" if mark else ""
        problems.append(
            f"{where}{line}: filen är inte giltig YAML. Skriv varje avsnitt som "
            "'  namn: beskrivning' på en egen rad under 'sections:'."
        )
        return {}
    sections = data.get("sections") if isinstance(data, dict) else None
    # A section written without its indentation: report it here, and count it as known so
    # that its pages are not reported too.
    stray = {k: v for k, v in data.items() if k != "sections"} if isinstance(data, dict) else {}
    for key in stray:
        problems.append(
            f"{where}: '{key}' står inte under 'sections:'. Skriv avsnittet indraget med två "
            f"mellanslag under 'sections:', som '  {key}: beskrivning'."
        )
    sections = {**(sections if isinstance(sections, dict) else {}), **stray} or sections
    if not isinstance(sections, dict) or not sections:
        problems.append(
            f"{where}: nyckeln sections saknas eller är tom. Skriv avsnitten som "
            "'  namn: beskrivning' under 'sections:'."
        )
        return {}
    bad = [str(key) for key in sections if not SECTION_ID.fullmatch(str(key))]
    for key in bad:
        problems.append(
            f"{where}: avsnittsnamnet '{key}' är ogiltigt. Använd små bokstäver a–z, "
            "siffror och bindestreck, till exempel 'retention'."
        )
    return {str(key): str(value) for key, value in sections.items() if str(key) not in bad}


FRONT_MATTER_START = re.compile(r"\A---[ \t]*\n")
# The same pattern as mkdocs.utils.meta.YAML_RE, so we read exactly what MkDocs reads.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
SHORTCODE = re.compile(r"<!--\s*notice:([\w-]+)\s*-->")
SHORTCODES = ("summary", "full", "imy", "history", "changes", "contact-form")
CURLY_QUOTES = re.compile(r"[“”„]")
H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
SECTION_ID = re.compile(r"[a-z][a-z0-9-]*")

SECTION_KEYS = {"section", "summary", "gdpr"}
REQUIRED_KEYS = ("section", "summary", "gdpr")
KEY_HELP = {
    "section": f"Ange vilket avsnitt sidan är, ett av namnen i docs/{SECTIONS_FILE}.",
    "summary": "Skriv en mening som sammanfattar avsnittet, till exempel "
    "'summary: Vi sparar uppgifterna så länge du är kund.'",
    "gdpr": "Ange vilka punkter i GDPR avsnittet besvarar, till exempel 'gdpr: [13.2.a]'.",
}
LANGUAGE_NAMES = {"sv": "svenska", "en": "engelska"}

# What GDPR Art. 13 requires a privacy notice to say, as paragraph codes. The compliance
# report lists, per language, which of these each section answers and which none does.
ARTICLE_13 = {
    "13.1.a": "den personuppgiftsansvariges identitet och kontaktuppgifter",
    "13.1.b": "kontaktuppgifter till dataskyddsombudet",
    "13.1.c": "ändamålen och den rättsliga grunden",
    "13.1.d": "de berättigade intressen som behandlingen grundar sig på",
    "13.1.e": "mottagare av personuppgifterna",
    "13.1.f": "överföring till länder utanför EU/EES",
    "13.2.a": "hur länge uppgifterna sparas",
    "13.2.b": "rätten till tillgång, rättelse, radering, begränsning, invändning och "
    "dataportabilitet",
    "13.2.c": "rätten att återkalla samtycke",
    "13.2.d": "rätten att klaga hos Integritetsskyddsmyndigheten",
    "13.2.e": "om uppgifterna krävs enligt lag eller avtal och vad som händer om de inte lämnas",
    "13.2.f": "automatiserat beslutsfattande och profilering",
}
# Art. 14 (data not obtained from the person) adds two items to Art. 13's list.
ARTICLE_14 = {
    **{f"14.1.{c}": "" for c in "abcdef"},
    **{f"14.2.{c}": "" for c in "abcdefg"},
    "14.4": "",
    "14.1.d": "vilka kategorier av personuppgifter som behandlas",
    "14.2.f": "varifrån uppgifterna kommer",
}
# Valid in front matter, but only owed when SEOM plans to use data for a new purpose.
FURTHER_PROCESSING = {"13.3": "behandling för nya ändamål"}
GDPR_CODES = {**ARTICLE_13, **FURTHER_PROCESSING, **ARTICLE_14}
