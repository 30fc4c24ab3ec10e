"""Every content rule of the notice, as messages for the editors.

Each message is Swedish (the editors act on it) and names the file, the line or key, and what
to do. ``run()`` returns them all, so that one build reports every problem at once.
"""

from __future__ import annotations

import difflib
import html as html_standard
import itertools
import posixpath
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from notice import allowlist, data, form, gdpr, html, lookalike, shortcodes, sources
from notice.languages import LANGUAGE_NAMES

if TYPE_CHECKING:
    from notice.model import Notice
    from notice.sources import Source

SECTION_KEYS = ("section", "summary", "gdpr")
# Everything front matter may hold: a section's keys, or a page's own description. Anything
# else is a typo (summery) or a theme setting editors should not need (title, hide, ...).
KNOWN_KEYS = (*SECTION_KEYS, "description", "decide")
KEY_HELP = {
    "section": f"Ange vilket avsnitt sidan är, ett av namnen i docs/{data.SECTIONS_FILE}.",
    "summary": "Skriv en mening som sammanfattar avsnittet, till exempel "
    "'summary: Vi sparar uppgifterna så länge du är kund.'",
    "gdpr": "Ange vilka punkter i GDPR avsnittet besvarar, till exempel 'gdpr: [13.2.a]'.",
}
# A sentence of SEOM's text that SEOM must decide on (the GDPR report lists it): the sentence,
# and what SEOM must decide.
DECIDE_KEYS = ("sentence", "question")
DECIDE_HELP = (
    "Skriv varje mening som en punkt: '  - sentence: meningen, som den står i texten' och på "
    "nästa rad '    question: vad SEOM måste bestämma'."
)
# Search engines and Material's search show about this much of a page's description.
SUMMARY_MAX = 160


def run(notice: Notice) -> list[str]:
    return [
        *front_matter_keys(notice),
        *decide_problems(notice),
        *translations(notice),
        *section_pages(notice),
        *shortcode_problems(notice),
        *html_problems(notice),
        *hidden_problems(notice),
        *full_page_problems(notice),
        *link_problems(notice),
    ]


# Files


def known_language(path: str, languages: list[str], problems: list[str]) -> bool:
    """``page.xx.md`` must name a language the site builds."""
    parts = path.rsplit("/", 1)[-1].split(".")
    if len(parts) == 3 and parts[1] not in languages[1:]:
        others = ", ".join(f"'.{locale}.md'" for locale in languages[1:])
        problems.append(
            f"docs/{path}: webbplatsen har inget språk '{parts[1]}'. Svenska sidor har inget "
            f"språk i namnet ({parts[0]}.md); översättningar slutar på {others}. Byt namn på "
            "filen."
        )
        return False
    return True


def front_matter_keys(notice: Notice) -> list[str]:
    problems = []
    for source in notice.pages.values():
        for key in source.meta:
            if key in KNOWN_KEYS:
                continue
            close = difflib.get_close_matches(str(key), KNOWN_KEYS, n=1)
            hint = f"Menade du {close[0]}? " if close else ""
            problems.append(
                f"{where(source, str(key))}: inställningen {key} finns inte. {hint}Överst i en "
                "fil får bara section, summary, gdpr, description och decide stå; rubriken "
                "skrivs med # i texten."
            )
    return problems


def decide_problems(notice: Notice) -> list[str]:
    """``decide``: sentences of SEOM's text that SEOM must decide on, each with its question,
    in a section's file in the default language (the report the review shows); each sentence
    must stand, word for word, within one paragraph or list item as readers read it."""
    problems = []
    for source in notice.pages.values():
        if "decide" not in source.meta:
            continue
        at = where(source, "decide:")
        if source.locale != notice.languages[0] or not is_section(source):
            problems.append(
                f"{at}: decide hör hemma överst i ett avsnitts svenska fil (en fil med section), "
                "där GDPR-rapporten i granskningen visar den. Flytta den dit, eller ta bort den."
            )
            continue
        entries = source.meta["decide"]
        if not isinstance(entries, list) or not entries:
            problems.append(f"{at}: decide ska vara en lista. {DECIDE_HELP}")
            continue
        page = notice.rendered.get(source.path)
        blocks = [
            " " + " ".join(word for word in block if not word.startswith(html.LINK)) + " "
            for block in (page.blocks if page else [])
        ]
        for number, entry in enumerate(entries, start=1):
            keys = set(entry) if isinstance(entry, dict) else set()
            values = [entry.get(k) for k in DECIDE_KEYS] if keys == set(DECIDE_KEYS) else []
            if not values or not all(isinstance(v, str) and v.strip() for v in values):
                problems.append(
                    f"{at}: decide punkt {number} ska ha sentence och question, båda ifyllda. "
                    f"{DECIDE_HELP}"
                )
                continue
            words = values[0].split()
            run = " " + " ".join(words) + " "  # whole words, within one block
            if page is not None and not any(run in block for block in blocks):
                problems.append(
                    f"{at}: decide punkt {number}: meningen ”{' '.join(words)}” står inte i "
                    "texten. Skriv den som läsaren ser den på sidan, utan Markdown (utan ** och "
                    "utan länkens [ ]( )), eller ta bort punkten om meningen är ändrad eller "
                    "borttagen."
                )
    return problems


def translations(notice: Notice) -> list[str]:
    """Every page exists in every language."""
    problems = []
    default = notice.languages[0]
    present = {(s.base, s.locale) for s in notice.pages.values()}
    for page in sorted({base for base, _ in present}):
        have = [locale for base, locale in present if base == page]
        for locale in notice.languages:
            if locale in have:
                continue
            existing = sources.translation_path(page, have[0], default)
            missing = sources.translation_path(page, locale, default)
            name = LANGUAGE_NAMES.get(locale, locale)
            problems.append(
                f"docs/{existing}: översättning till {name} saknas. Skapa docs/{missing} med "
                f"samma innehåll på {name} (och samma section i front matter)."
            )
    return problems


# Section pages


def section_pages(notice: Notice) -> list[str]:
    """Section pages: their front matter, the same in every language, each id once."""
    known = notice.section_ids
    problems: list[str] = []
    bases = sorted({s.base for s in notice.pages.values() if is_section(s)})
    valid: list[Source] = []
    disagreeing: set[str] = set()
    for base in bases:
        pages = [notice.page(base, locale) for locale in notice.languages]
        readable = [p for p in pages if p is not None and p.readable]
        original = next((p for p in readable if p.has_front_matter), None)
        for page in readable:
            if not page.has_front_matter:
                problems.append(
                    f"docs/{page.path}: inställningarna överst i filen (front matter) saknas, men "
                    f"docs/{original.path} är ett avsnitt. Börja filen med samma inställningar som "
                    f"docs/{original.path}: en rad med ---, raderna section, summary och gdpr, "
                    "och en rad med ---."
                )
                continue
            page_problems = section_meta(page, known)
            problems += page_problems
            rendered = notice.rendered.get(page.path)
            if not page.body.strip():
                problems.append(
                    f"docs/{page.path}: avsnittet har ingen text efter inställningarna. Skriv "
                    "rubriken och texten under den sista raden med ---."
                )
            elif rendered and rendered.title and len(rendered.blocks) < 2:
                problems.append(
                    f"docs/{page.path}: avsnittet har bara en rubrik. Skriv avsnittets text "
                    "under rubriken."
                )
            elif not page_problems:
                valid.append(page)
        differences = same_in_every_language(readable, known)
        problems += differences
        if differences:
            disagreeing.add(base)
    # A translation that disagrees is reported as such, not as using another section's id.
    problems += ids_used_once([p for p in valid if p.base not in disagreeing])
    # An unreadable page may be the one that uses a section: report that page alone.
    if all(source.readable for source in notice.pages.values()):
        used = {str(page.meta.get("section")) for page in notice.pages.values()}
        problems += [
            f"docs/{data.SECTIONS_FILE}: avsnittet '{section}' finns inte i någon sida. Skapa en "
            f"sida med 'section: {section}' i front matter, på svenska och engelska, eller ta "
            "bort raden."
            for section in known
            if section not in used
        ]
    return problems


def is_section(source: Source) -> bool:
    """A page that says it is a section (any of its keys); the others are plain pages."""
    return bool(set(SECTION_KEYS) & source.meta.keys())


def section_meta(source: Source, known: dict[str, str]) -> list[str]:
    """The keys a section page must have: section, summary and gdpr."""
    where = f"docs/{source.path}"
    meta = source.meta
    problems = []
    for key in SECTION_KEYS:
        value = meta.get(key)
        if value is None or value == "" or value == []:
            problems.append(f"{where}: nyckeln {key} saknas i front matter. {KEY_HELP[key]}")
    section = meta.get("section")
    if section not in (None, "") and not isinstance(section, str):
        problems.append(
            f"{where}: section ska vara avsnittets namn, ett ord utan hakparenteser, till "
            "exempel 'section: retention'."
        )
    # Without a readable docs/sections.yml (reported), no section is known.
    elif known and section not in (None, "") and section not in known:
        problems.append(
            f"{where}: section '{section}' är inget känt avsnitt."
            + (
                lookalike.hint(section, known)
                or f" Använd ett av {', '.join(known)}, eller lägg till det nya avsnittet i "
                f"docs/{data.SECTIONS_FILE}."
            )
        )
    problems += summary_problems(where, meta.get("summary"))
    problems += gdpr_problems(where, meta.get("gdpr"))
    return problems


def summary_problems(where: str, summary: object) -> list[str]:
    if summary is None or summary == "":
        return []  # reported as missing
    if not isinstance(summary, str) or "\n" in summary.strip():
        return [
            f"{where}: summary ska vara en enda mening på en rad, till exempel "
            "'summary: Vi sparar uppgifterna så länge du är kund.'"
        ]
    if not summary.strip():
        return [f"{where}: nyckeln summary saknas i front matter. {KEY_HELP['summary']}"]
    length = len(" ".join(summary.split()))
    if length > SUMMARY_MAX:
        return [
            f"{where}: summary är {length} tecken lång. Sökresultat visar bara omkring "
            f"{SUMMARY_MAX} tecken: korta meningen till högst {SUMMARY_MAX} tecken."
        ]
    return []


def gdpr_problems(where: str, codes: object) -> list[str]:
    if codes is None or codes == "" or codes == []:
        return []  # reported as missing
    if not isinstance(codes, list):
        return [
            f"{where}: gdpr ska vara en lista inom hakparenteser, till exempel "
            "'gdpr: [13.1.c, 13.1.d]'."
        ]
    return [
        f"{where}: gdpr innehåller den okända koden '{code}'."
        + (
            lookalike.hint(str(code), gdpr.GDPR_CODES)
            or " Använd koder för punkterna i artikel 13 och 14, skrivna exakt som i listan, "
            "till exempel 13.1.c eller 13.2.a (listan finns i redigera/gdpr.md)."
        )
        for code in codes
        if not isinstance(code, str) or code not in gdpr.GDPR_CODES
    ]


def same_in_every_language(pages: list[Source], known: dict[str, str]) -> list[str]:
    """A translation has its original's section id (when both are known) and GDPR codes."""
    with_meta = [p for p in pages if p.has_front_matter]
    if len(with_meta) < 2:
        return []
    original, problems = with_meta[0], []
    for page in with_meta[1:]:
        section, expected = str(page.meta.get("section")), str(original.meta.get("section"))
        if section in known and expected in known and section != expected:
            problems.append(
                f"docs/{page.path}: section är '{section}', men i originalet docs/{original.path} "
                f"är den '{expected}'. En översättning ska ha samma section som originalet: "
                f"skriv 'section: {expected}'."
            )
        codes, expected_codes = page.meta.get("gdpr"), original.meta.get("gdpr")
        if (
            isinstance(codes, list)
            and isinstance(expected_codes, list)
            and sorted(map(str, codes)) != sorted(map(str, expected_codes))
        ):
            listed = ", ".join(map(str, expected_codes))
            problems.append(
                f"docs/{page.path}: gdpr är [{', '.join(map(str, codes))}], men i originalet "
                f"docs/{original.path} är den [{listed}]. Ett avsnitt besvarar samma punkter på "
                f"alla språk: skriv 'gdpr: [{listed}]'."
            )
    return problems


def ids_used_once(pages: list[Source]) -> list[str]:
    problems = []
    seen: dict[tuple[str, str], str] = {}  # (section id, locale) -> path
    for page in pages:
        section = page.meta["section"]
        other = seen.setdefault((section, page.locale), page.path)
        if other != page.path:
            problems.append(
                f"docs/{page.path}: section '{section}' används redan i docs/{other}. "
                "Varje avsnitt får bara finnas i en fil per språk: ändra section i en av filerna."
            )
    return problems


# Shortcodes


def shortcode_problems(notice: Notice) -> list[str]:
    """Known codes only; each exactly once on its home page, in every language."""
    problems = []
    found: dict[str, list[tuple[str, int]]] = {}  # path -> [(name, line)]
    for source in notice.pages.values():
        if not source.readable:
            continue
        for match in shortcodes.find(source.body, notice.markdown.render):
            name = shortcodes.name_of(match)
            line = source.body_line + source.body.count("\n", 0, match.start())
            found.setdefault(source.path, []).append((name, line))
            if name not in shortcodes.TABLE:
                codes = [f"<!-- notice:{n} -->" for n in shortcodes.TABLE]
                problems.append(
                    f"docs/{source.path}, rad {line}: okänd kod '{match.group(0)}'. Använd "
                    f"{', '.join(codes[:-1])} eller {codes[-1]}."
                )
    for code in shortcodes.TABLE.values():
        problems += _shortcode_placement(notice, code, found)
    return problems


def _shortcode_placement(
    notice: Notice, code: shortcodes.Shortcode, found: dict[str, list[tuple[str, int]]]
) -> list[str]:
    problems = []
    tag = f"<!-- notice:{code.name} -->"
    homes = {notice.languages[0]: code.home} | {
        locale: sources.translation_path(code.home, locale, notice.languages[0])
        for locale in notice.languages[1:]
    }
    if not any(path in notice.pages for path in homes.values()):
        return [
            f"docs/{code.home} saknas. Sidan behövs för {code.what}: skapa den på alla språk, "
            f"med en rubrik och koden {tag} på en egen rad."
        ]
    for path in homes.values():
        source = notice.pages.get(path)
        if source is None or not source.readable:
            continue  # reported as a missing translation or an unreadable file
        lines = [line for name, line in found.get(path, []) if name == code.name]
        if not lines:
            problems.append(
                f"docs/{path}: koden {tag} saknas. Där den står bygger webbplatsen in "
                f"{code.what}: skriv den på en egen rad, med tomma rader före och efter."
            )
        elif len(lines) > 1:
            problems.append(
                f"docs/{path}, rad {lines[1]}: koden {tag} står {len(lines)} gånger. Den ska "
                "stå en gång: ta bort de andra."
            )
        if code.name == "contact-form" and f"{{#{form.DATA_ANCHOR}}}" not in source.body:
            problems.append(
                f"docs/{path}: sidan med kontaktformuläret saknar rubriken som förklarar hur "
                "uppgifterna i formuläret hanteras. Formuläret länkar dit: skriv "
                f"'{{#{form.DATA_ANCHOR}}}' sist på den rubrikens rad, till exempel "
                f"'## Så hanterar vi uppgifterna du skickar {{#{form.DATA_ANCHOR}}}'."
            )
    if code.anywhere:
        return problems
    for path, codes in sorted(found.items()):
        if path in homes.values():
            continue
        for name, line in codes:
            if name == code.name:
                problems.append(
                    f"docs/{path}, rad {line}: koden {tag} hör hemma i docs/{code.home} och "
                    "fungerar inte här. Ta bort den."
                )
    return problems


# What the rendered page contains


def html_problems(notice: Notice) -> list[str]:
    problems = []
    section_paths = {s.path for s in notice.pages.values() if is_section(s)}
    for path, page in notice.rendered.items():
        source = notice.pages[path]
        problems += capped(
            source,
            (
                problem
                for tag, attributes in page.elements
                for problem in element_problems(source, tag, attributes)
            ),
        )
        if path in section_paths and not source.body.strip():
            continue  # reported: the section has no text at all
        problems += heading_problems(source, page.headings, path in section_paths)
    return problems


def hidden_problems(notice: Notice) -> list[str]:
    """Characters that are not text, written as character references (&#x202E;, &ZeroWidthSpace;)
    that the browser decodes: the rule of sources.text_problems for what a reader gets."""
    problems = []
    for path, page in notice.rendered.items():
        source, after = notice.pages[path], 0
        for char in page.hidden:  # in the order the page has them: each reference once
            found = _reference_to(source.text, char, after) or _reference_to(source.text, char, 0)
            if found is None:
                problems.append(
                    f"docs/{path}: sidan får tecknet {sources.describe(char)}, som inte syns men "
                    "ändrar hur texten visas eller läses. Ta bort det."
                )
                continue
            at, reference = found
            after = at + len(reference)
            line = source.text.count("\n", 0, at) + 1
            column = at - source.text.rfind("\n", 0, at)
            problems.append(
                f"docs/{path}, rad {line}, kolumn {column}: {reference} skriver tecknet "
                f"{sources.describe(char)}, som inte syns men ändrar hur texten visas eller "
                f"läses. Ta bort {reference}."
            )
    return problems


def _reference_to(text: str, char: str, start: int) -> tuple[int, str] | None:
    """Where ``text`` first writes ``char`` as a character reference from ``start``, as the HTML
    standard decodes one (numeric, or named: html.unescape knows the standard's names)."""
    for match in CHARACTER_REFERENCE.finditer(text, start):
        reference = match.group()
        number = match.group(1) or match.group(2)
        if number is not None:
            code = int(number, 16 if match.group(1) else 10)
            decoded = "\ufffd" if code == 0 or code > 0x10FFFF else chr(code)
        else:
            decoded = html_standard.unescape(reference)
        if decoded.startswith(char):
            return match.start(), reference
    return None


def full_page_problems(notice: Notice) -> list[str]:
    """hela-meddelandet is every section in one Markdown text (render.render_full): what a
    section leaves open (a raw HTML element, formatting the parser carries on) takes in the
    next, and a link definition ([namn]: adress) in one section serves them all. So each
    section closes what it opens, and the joined text passes the allowlist as each page does."""
    full = shortcodes.TABLE["full"].home
    problems = []
    for locale in notice.languages:
        sections = [s.source for s in notice.sections(locale) if s.source.path in notice.rendered]
        # Only where the text holds what can reach past a section: the real parser decides.
        texts = {s.path: shortcodes.PATTERN.sub("", s.body) for s in sections}
        reaching = [s for s in sections if REACHING.search(texts[s.path])]
        for source in reaching:
            if (
                "<" in texts[source.path]
                and _allowed(source, notice.rendered[source.path])
                and not html.ends_with_paragraph(
                    notice.markdown.render(f"{source.body.rstrip()}\n\n{END_MARK}\n"), END_MARK
                )
            ):
                problems.append(
                    f"docs/{source.path}: något i texten stängs aldrig, till exempel en "
                    "HTML-tagg som <blockquote> eller <em> utan </blockquote> eller </em>. På "
                    f"sidan {full} står nästa avsnitt direkt efter, och då hamnar det inuti. "
                    "Stäng taggen, eller skriv texten med Markdown i stället."
                )
        page = notice.page(full, locale)
        if page is None or len(sections) < 2 or not reaching:
            continue
        seen = {
            (tag, tuple(attributes))
            for source in sections
            for tag, attributes in notice.rendered[source.path].elements
        }
        joined = html.read(
            notice.markdown.render("\n".join(s.body.strip() + "\n" for s in sections))
        )
        found = (
            problem.split(": ", 1)[1]
            for tag, attributes in joined.elements
            if (tag, tuple(attributes)) not in seen
            for problem in element_problems(page, tag, attributes)
        )
        for problem in itertools.islice(dict.fromkeys(found), PER_FILE):
            problems.append(
                f"docs/{page.path}: när alla avsnitt står efter varandra på sidan blir det fel: "
                f"{problem} Det händer när en länkdefinition ([namn]: adress) i ett avsnitt "
                "används i ett annat, eller när ett avsnitt lämnar något öppet. Skriv adressen "
                "i länken, [text](adress), i avsnittet där den står."
            )
    return problems


def _allowed(source: Source, page: html.Page) -> bool:
    """No element of the page is refused (those are reported, and are the first to fix)."""
    return not any(element_problems(source, tag, attributes) for tag, attributes in page.elements)


def element_problems(
    source: Source, tag: str, attributes: list[tuple[str, str | None]]
) -> list[str]:
    """The allowlist (notice/allowlist.py): every element, attribute and URL one a privacy
    notice needs, as a browser reads them."""
    if tag not in allowlist.ELEMENTS:
        return [
            f"{where(source, '<' + tag)}: <{tag}> är inte tillåtet i texten. Sidorna får "
            "innehålla text, länkar och bilder, men inget som kör kod, ändrar utseendet eller "
            f"bäddar in något: ta bort <{tag}>."
        ]
    problems = []
    allowed = allowlist.ELEMENTS[tag]
    for name, raw in attributes:
        value = raw or ""
        if name.startswith("on"):
            problems.append(
                f"{where(source, name)}: attributet {name} i <{tag}> kör ett skript och är inte "
                "tillåtet. Ta bort det."
            )
        elif name == "style" and (name not in allowed or not allowlist.value_allowed(name, value)):
            problems.append(
                f"{where(source, 'style=')}: attributet style i <{tag}> ändrar utseendet och kan "
                "hämta bilder från andra webbplatser. Ta bort det: webbplatsen har ett "
                "utseende för alla sidor."
            )
        elif name not in allowed:
            problems.append(
                f"{where(source, name)}: attributet {name} i <{tag}> är inte tillåtet. Ta bort "
                "det: texten får bara ha det som Markdown ger, som en länks adress och en "
                "bilds adress och beskrivning."
            )
        elif name in allowlist.URL_ATTRIBUTES:
            problems += url_problems(source, tag, name, value)
        elif not allowlist.value_allowed(name, value):
            problems.append(
                f"{where(source, value)}: {name}='{value}' i <{tag}> är inte tillåtet. Ta bort "
                "det, eller skriv det som Markdown skriver det."
            )
    return problems


def url_problems(source: Source, tag: str, name: str, value: str) -> list[str]:
    """A link may lead to the site, https:, mailto: or tel:; an image comes from the site."""
    kind = allowlist.url_kind(value)
    shown = value.strip()
    if allowlist.URL_ATTRIBUTES[name] == "resource":
        if allowlist.resource_allowed(value):
            return []
        if kind == "code":
            return [
                f"{where(source, shown[:20])}: '{shown[:40]}' är inbäddat i texten och är inte "
                "tillåtet. Lägg filen i docs/ och länka till den där."
            ]
        return [
            f"{where(source, shown)}: '{shown}' hämtas från en annan webbplats. Webbplatsen "
            "hämtar ingenting från andra värdar, eftersom det skulle avslöja läsarna för "
            "dem: lägg filen i docs/ och länka till den där, eller länka till sidan i "
            "stället."
        ]
    if allowlist.link_allowed(value):
        return []
    if kind == "http":
        return [
            f"{where(source, shown)}: länken '{shown}' är okrypterad (http://). Använd "
            f"https://, till exempel '{'https://' + shown[len('http://') :]}'."
        ]
    if kind == "code":
        return [
            f"{where(source, shown[:20])}: länken '{shown[:40]}' kör kod och är inte "
            "tillåten. Länka till en sida eller en adress som börjar med https://."
        ]
    return [
        f"{where(source, shown[:20])}: länken '{shown[:60]}' är inte tillåten. Länka till en "
        "sida eller fil i docs/ (till exempel klagomal.md), eller till en adress som börjar "
        "med https://, mailto: eller tel:."
    ]


# Links between the pages: checked here, in Swedish and with the page a link probably meant,
# before MkDocs would stop the build with its own words (mkdocs.yml: validation).


def link_problems(notice: Notice) -> list[str]:
    """Every link and image in the editors' text leads to a page, a heading or a file in docs/."""
    anchors = {path: _ids(page) for path, page in notice.rendered.items()}
    expanded = {  # pages whose shortcodes add headings and ids of their own: MkDocs checks those
        path
        for path, source in notice.pages.items()
        if source.readable and shortcodes.find(source.body, notice.markdown.render)
    }
    problems = []
    for path, page in notice.rendered.items():
        source = notice.pages[path]
        problems += capped(source, _page_link_problems(notice, source, page, anchors, expanded))
    return problems


def _page_link_problems(
    notice: Notice,
    source: Source,
    page: html.Page,
    anchors: dict[str, set[str]],
    expanded: set[str],
) -> Iterator[str]:
    for tag, attributes in page.elements:
        name = {"a": "href", "img": "src"}.get(tag)
        value = dict(attributes).get(name) if name else None
        if value:
            problem = _link_problem(notice, source, tag, value.strip(), anchors, expanded)
            if problem:
                yield f"{where(source, value)}: {problem}"


def capped(source: Source, problems: Iterable[str]) -> list[str]:
    """A file's problems of one kind, at most PER_FILE: the rest waits for the next build, and
    is not even looked for (each problem's line costs a search of the file)."""
    shown = list(itertools.islice(problems, PER_FILE + 1))
    if len(shown) <= PER_FILE:
        return shown
    return [*shown[:PER_FILE], more_problems(source)]


def more_problems(source: Source) -> str:
    return (
        f"docs/{source.path}: och fler fel av samma slag. Rätta dem som står här, så visar "
        "nästa bygge resten."
    )


# How many problems of one kind a file reports at most: more is no help to the editor, and
# each one's line costs a search of the file.
PER_FILE = 30
# The paragraph a section's text is followed by to see that it closes what it opens: letters
# only, which no Markdown syntax changes.
END_MARK = "NOTICESECTIONENDX"
# What may reach from one section into the next on hela-meddelandet: raw HTML ("<"), a fence
# the next section's closes, a link definition ("[x]: address", and footnotes' and
# abbreviations' like it). A superset: the joined text is then read as a browser reads it.
REACHING = re.compile(r"<|```|~~~|\]:")
CHARACTER_REFERENCE = re.compile(r"&(?:#[xX]([0-9A-Fa-f]+);?|#([0-9]+);?|[A-Za-z][A-Za-z0-9]*;?)")


def _link_problem(
    notice: Notice,
    source: Source,
    tag: str,
    url: str,
    anchors: dict[str, set[str]],
    expanded: set[str],
) -> str | None:
    if allowlist.url_kind(url) != "site":
        return None  # another site, an address, or code: element_problems judges those
    parts = urlsplit(url)
    target, fragment = unquote(parts.path), unquote(parts.fragment)
    what = "länken" if tag == "a" else "bilden"
    if not target:  # a heading on the same page
        if not fragment or source.path in expanded or fragment in anchors.get(source.path, ()):
            return None
        return _missing_heading(what, url, fragment, anchors[source.path], source.base)
    if target.startswith("/"):
        return (
            f"{what} '{url}' börjar med /. Sådana länkar leder fel i arkivet och i "
            f"förhandsgranskningen: länka till filen i docs/{_suggestion(notice, target)}."
        )
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source.path), target))
    if resolved.startswith("../") or resolved == "..":
        return f"{what} '{url}' leder utanför docs/. Länka till en fil i docs/."
    if tag == "a" and not resolved.endswith(".md") and resolved not in notice.assets:
        return (
            f"{what} '{url}' leder inte till en sida eller fil i docs/. Länka till sidans "
            f"fil, med .md sist{_suggestion(notice, target)}."
        )
    if not resolved.endswith(".md"):
        if resolved in notice.assets:
            return None
        close = difflib.get_close_matches(resolved, sorted(notice.assets), n=1)
        hint = f" Menade du {close[0]}?" if close else ""
        return (
            f"{what} '{url}': filen docs/{resolved} finns inte.{hint} Lägg filen i docs/ eller "
            "rätta namnet."
        )
    page = notice.page(sources.base_path(resolved), source.locale)
    if page is None and resolved not in notice.pages:
        return (
            f"{what} '{url}' leder till en sida som inte finns, docs/{resolved}."
            f"{_suggestion(notice, target, sentence=True)} Sidor länkas med sitt svenska "
            "filnamn, på alla språk."
        )
    page = page or notice.pages[resolved]
    if not fragment or page.path in expanded or fragment in anchors.get(page.path, ()):
        return None
    return _missing_heading(what, url, fragment, anchors.get(page.path, set()), page.base)


def _missing_heading(what: str, url: str, fragment: str, ids: set[str], base: str) -> str:
    close = difflib.get_close_matches(fragment, sorted(ids), n=1)
    hint = f" Menade du #{close[0]}?" if close else ""
    return (
        f"{what} '{url}' leder till en rubrik som inte finns på sidan {base} (#{fragment})."
        f"{hint} Rätta det som står efter #, eller ta bort det så att länken leder till sidan."
    )


def _suggestion(notice: Notice, target: str, *, sentence: bool = False) -> str:
    """The page a broken link probably meant, by its file name: ", till exempel klagomal.md"."""
    bases = sorted({source.base for source in notice.pages.values()})
    stem = posixpath.basename(target.rstrip("/")).removesuffix(".md").removesuffix(".html")
    stems = {base.removesuffix(".md"): base for base in bases}
    close = difflib.get_close_matches(stem, sorted(stems), n=1, cutoff=0.6)
    if sentence:
        return f" Menade du {stems[close[0]]}?" if close else ""
    return f", till exempel {stems[close[0]] if close else bases[0] if bases else 'index.md'}"


def _ids(page: html.Page) -> set[str]:
    return {
        value
        for _, attributes in page.elements
        for key, value in attributes
        if key == "id" and value
    }


def heading_problems(
    source: Source, headings: list[tuple[int, str]], is_section: bool
) -> list[str]:
    what = "avsnittet" if is_section else "sidan"
    example = "# Hur länge vi sparar dina personuppgifter" if is_section else "# Kontakta oss"
    if not headings:
        return [
            f"docs/{source.path}: {what} har ingen rubrik. Börja texten med en rubrik på en "
            f"egen rad, till exempel '{example}'."
        ]
    problems = []
    level, text = headings[0]
    if level != 1:
        problems.append(
            f"{heading_where(source, text)}: {what} börjar med en underrubrik, '{text}'. Den "
            f"första rubriken ska vara huvudrubriken, med en fyrkant: '# {text}'."
        )
    previous = level
    for level, text in headings[1:]:
        if level == 1:
            problems.append(
                f"{heading_where(source, text)}: {what} har mer än en huvudrubrik (#): "
                f"'{text}'. En sida har en huvudrubrik; gör '{text}' till en underrubrik med ## ."
            )
        elif level > previous + 1:
            problems.append(
                f"{heading_where(source, text)}: rubriken '{text}' hoppar över en nivå: den har "
                f"{level} fyrkanter (#) men rubriken före har {previous}. Skriv den med "
                f"{previous + 1} fyrkanter."
            )
        previous = level
    return problems


def heading_where(source: Source, text: str) -> str:
    """Where a heading stands: the first line that starts with # and holds its text."""
    for number, line in enumerate(source.text.splitlines(), start=1):
        if line.lstrip().startswith("#") and text in line:
            return f"docs/{source.path}, rad {number}"
    return where(source, text)


def where(source: Source, needle: str) -> str:
    """``docs/x.md, rad N`` where ``needle`` first stands in the file, else ``docs/x.md``."""
    index = source.lowered.find(needle.lower()) if needle else -1
    if index < 0:
        return f"docs/{source.path}"
    line = source.text.count("\n", 0, index) + 1
    return f"docs/{source.path}, rad {line}"
