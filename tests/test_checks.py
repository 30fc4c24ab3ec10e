"""Every kind of editing mistake, checked in-process against the model's reading of docs/.

Each case changes one thing in a copy of the real docs/ and asserts the exact list of messages
an editor reads (Swedish: file, line or key, and the fix). tests/test_bad_input.py builds a few
of them end to end with the real `mkdocs build`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import archives
from conftest import NOTICE_DOCS, ROOT, guide
from notice import gdpr, html, model, reading, shortcodes, sources

LANGUAGES = ["sv", "en"]
RENDER = html.MarkdownConfig().render
TODAY = dt.date(2026, 11, 28)
Change = Callable[[Path], None]


def load(docs: Path) -> model.Notice:
    return reading.load(docs, LANGUAGES, today=TODAY)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A copy of the example notice's docs/ (tests/fixtures/seom, never the live one) to change."""
    return Path(shutil.copytree(NOTICE_DOCS, tmp_path / "docs"))


def replace(path: str, old: str, new: str, count: int = 1) -> Change:
    def change(docs: Path) -> None:
        file = docs / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {path}"
        file.write_text(text.replace(old, new, count), encoding="utf-8")

    return change


def write(path: str, text: str | bytes) -> Change:
    def change(docs: Path) -> None:
        data = text.encode("utf-8") if isinstance(text, str) else text
        (docs / path).write_bytes(data)

    return change


def transform(path: str, function: Callable[[bytes], bytes]) -> Change:
    def change(docs: Path) -> None:
        (docs / path).write_bytes(function((docs / path).read_bytes()))

    return change


def delete(path: str) -> Change:
    return lambda docs: (docs / path).unlink()


def rename(old: str, new: str) -> Change:
    return lambda docs: (docs / old).rename(docs / new)


def both(*changes: Change) -> Change:
    def change(docs: Path) -> None:
        for one in changes:
            one(docs)

    return change


CODES = (
    "<!-- notice:summary -->, <!-- notice:full -->, <!-- notice:controller -->, "
    "<!-- notice:imy -->, <!-- notice:purposes -->, <!-- notice:objection -->, "
    "<!-- notice:history -->, <!-- notice:changes -->, "
    "<!-- notice:contact-form --> eller <!-- notice:accessibility -->"
)
A11Y = "docs/accessibility.yml"
A11Y_ITEM = f"{A11Y}, shortcomings punkt 1"
# Every key of the real statement's shortcoming, for a second entry with another reason.
EXEMPTION = """  - what: En karta.
    reason: oskäligt betungande anpassning
    details: Kostnaden.
    alternative: Ring oss.
"""
LAGRING_FRONT_MATTER = (
    "---\nsection: retention\nsummary: Vi sparar uppgifterna så länge du är kund och tolv "
    "månader efter det, och längre när lagen kräver det.\ngdpr: [13.2.a]\n---\n"
)

CASES: dict[str, tuple[Change, list[str]]] = {
    # Reading the files
    "a page saved as Windows-1252": (
        transform("lagring.md", lambda b: b.decode("utf-8").encode("cp1252")),
        [
            "docs/lagring.md, rad 3: filen är inte sparad som UTF-8, så tecken som å, ä och ö "
            "går inte att läsa. Öppna filen i din textredigerare och spara den med kodningen "
            "UTF-8 (i Anteckningar: Arkiv > Spara som, Kodning: UTF-8)."
        ],
    ),
    "a blank line before the front matter": (
        transform("lagring.md", lambda b: b"\n" + b),
        [
            "docs/lagring.md, rad 2: inställningarna överst i filen (front matter) måste börja "
            "på rad 1. Ta bort de tomma raderna före första ---."
        ],
    ),
    "an empty page": (
        write("lagring.md", b""),
        ["docs/lagring.md: filen är tom. Skriv sidans text, eller ta bort sidan på alla språk."],
    ),
    "a section with nothing after its front matter": (
        write("lagring.md", LAGRING_FRONT_MATTER + "\n  \n"),
        [
            "docs/lagring.md: avsnittet har ingen text efter inställningarna. Skriv rubriken och "
            "texten under den sista raden med ---."
        ],
    ),
    "a translation whose front matter was pasted over": (
        transform("lagring.en.md", lambda b: b.split(b"---\n", 2)[2]),
        [
            "docs/lagring.en.md: inställningarna överst i filen (front matter) saknas, men "
            "docs/lagring.md är ett avsnitt. Börja filen med samma inställningar som "
            "docs/lagring.md: en rad med ---, raderna section, summary och gdpr, och en rad "
            "med ---."
        ],
    ),
    "front matter that is not YAML": (
        replace("lagring.md", "summary: Vi sparar", "summary: Obs: Vi sparar"),
        [
            "docs/lagring.md, rad 3: inställningarna överst i filen (front matter) går inte att "
            "läsa. En text innehåller ett kolon följt av mellanslag. Sätt hela texten inom raka "
            'citattecken ("..."), inte typografiska (”...”).'
        ],
    ),
    "typographic quotes in front matter": (
        replace("lagring.md", "summary: Vi sparar", "summary: ”Obs: Vi sparar"),
        [
            "docs/lagring.md, rad 3: inställningarna överst i filen (front matter) går inte att "
            "läsa. En text innehåller ett kolon följt av mellanslag. Sätt hela texten inom raka "
            'citattecken ("..."), inte typografiska (”...”).'
        ],
    ),
    "a tab in front matter": (
        replace("lagring.md", "gdpr: [13.2.a]", "\tgdpr: [13.2.a]"),
        [
            "docs/lagring.md, rad 4: inställningarna överst i filen (front matter) går inte att "
            "läsa. Raden är indragen med tabb. Dra in raden med mellanslag i stället."
        ],
    ),
    "a quote that is never closed": (
        replace("lagring.md", "summary: Vi sparar", 'summary: "Vi sparar'),
        [
            "docs/lagring.md, rad 5: inställningarna överst i filen (front matter) går inte att "
            "läsa. Ett citattecken avslutas aldrig. Avsluta texten med samma citattecken som den "
            "börjar med."
        ],
    ),
    "a list as a key": (
        replace("lagring.md", "gdpr: [13.2.a]", "[13.2.a]: gdpr"),
        [
            "docs/lagring.md, rad 4: inställningarna överst i filen (front matter) går inte att "
            "läsa. En nyckel står inom hakparenteser eller är en lista. Skriv nyckeln som ett "
            "ord följt av kolon, till exempel 'gdpr: [13.2.a]'."
        ],
    ),
    "a misspelt key in front matter": (
        replace("lagring.md", "gdpr: [13.2.a]", "gdpr: [13.2.a]\ndescripton: Om lagring."),
        [
            "docs/lagring.md, rad 5: inställningen descripton finns inte. Menade du description? "
            "Överst i en fil får bara section, summary, gdpr, description och decide stå; "
            "rubriken skrivs med # i texten."
        ],
    ),
    "a title in front matter": (
        replace("tack.md", "description:", "title: Tack\ndescription:"),
        [
            "docs/tack.md, rad 2: inställningen title finns inte. Överst i en fil får bara "
            "section, summary, gdpr, description och decide stå; rubriken skrivs med # i texten."
        ],
    ),
    "a section id written as a list": (
        both(
            replace("lagring.md", "section: retention", "section: [retention]"),
            replace("lagring.en.md", "section: retention", "section: [retention]"),
        ),
        [
            f"docs/lagring{lang}.md: section ska vara avsnittets namn, ett ord utan "
            "hakparenteser, till exempel 'section: retention'."
            for lang in ("", ".en")
        ]
        + [
            "docs/sections.yml: avsnittet 'retention' finns inte i någon sida. Skapa en sida "
            "med 'section: retention' i front matter, på svenska och engelska, eller ta bort "
            "raden."
        ],
    ),
    "front matter that is never closed": (
        replace("klagomal.en.md", "gdpr: [13.2.d]\n---\n", "gdpr: [13.2.d]\n\n"),
        [
            "docs/klagomal.en.md, rad 1: front matter (inställningarna överst i filen) "
            "avslutas inte. Lägg till en rad med bara --- efter inställningarna."
        ],
    ),
    "a key twice in front matter": (
        replace("lagring.md", "gdpr: [13.2.a]\n", "gdpr: [13.2.a]\nsummary: En annan.\n"),
        [
            "docs/lagring.md, rad 5: nyckeln summary står två gånger. Ta bort den ena, så att "
            "det inte är oklart vilken som gäller."
        ],
    ),
    "a file name with capitals and å": (
        both(rename("lagring.md", "Lagring å.md"), rename("lagring.en.md", "Lagring å.en.md")),
        [
            "docs/Lagring å.en.md: namnet 'Lagring å.en.md' får bara innehålla små bokstäver "
            "a–z, siffror och bindestreck (inte å, ä, ö, stora bokstäver eller mellanslag), "
            "eftersom det blir en del av webbadressen. Byt namn, till exempel till "
            "'lagring-a.en.md'.",
            "docs/Lagring å.md: namnet 'Lagring å.md' får bara innehålla små bokstäver a–z, "
            "siffror och bindestreck (inte å, ä, ö, stora bokstäver eller mellanslag), eftersom "
            "det blir en del av webbadressen. Byt namn, till exempel till 'lagring-a.md'.",
            "docs/sections.yml: avsnittet 'retention' finns inte i någon sida. Skapa en sida "
            "med 'section: retention' i front matter, på svenska och engelska, eller ta bort "
            "raden.",
        ],
    ),
    "a translation in a language the site does not build": (
        rename("lagring.en.md", "lagring.fr.md"),
        [
            "docs/lagring.fr.md: webbplatsen har inget språk 'fr'. Svenska sidor har inget "
            "språk i namnet (lagring.md); översättningar slutar på '.en.md'. Byt namn på "
            "filen.",
            "docs/lagring.md: översättning till engelska saknas. Skapa docs/lagring.en.md med "
            "samma innehåll på engelska (och samma section i front matter).",
        ],
    ),
    # Pages and sections
    "a missing translation": (
        delete("lagring.en.md"),
        [
            "docs/lagring.md: översättning till engelska saknas. Skapa docs/lagring.en.md med "
            "samma innehåll på engelska (och samma section i front matter)."
        ],
    ),
    "a missing summary": (
        replace("delning.en.md", "summary: We disclose", "# summary: We disclose"),
        [
            "docs/delning.en.md: nyckeln summary saknas i front matter. Skriv en mening som "
            "sammanfattar avsnittet, till exempel 'summary: Vi sparar uppgifterna så länge du "
            "är kund.'"
        ],
    ),
    "a blank summary": (
        replace(
            "lagring.md",
            "summary: Vi sparar uppgifterna så länge du är kund och tolv månader efter det, "
            "och längre när lagen kräver det.",
            'summary: "   "',
        ),
        [
            "docs/lagring.md: nyckeln summary saknas i front matter. Skriv en mening som "
            "sammanfattar avsnittet, till exempel 'summary: Vi sparar uppgifterna så länge du "
            "är kund.'"
        ],
    ),
    "a summary over several lines": (
        replace("lagring.md", "summary: Vi sparar", "summary: |\n  Rad ett.\n  Vi sparar"),
        [
            "docs/lagring.md: summary ska vara en enda mening på en rad, till exempel "
            "'summary: Vi sparar uppgifterna så länge du är kund.'"
        ],
    ),
    "a summary longer than a search result shows": (
        replace("lagring.md", "lagen kräver det.\n", "lagen kräver det" + ", och mer" * 7 + ".\n"),
        [
            "docs/lagring.md: summary är 165 tecken lång. Sökresultat visar bara omkring 160 "
            "tecken: korta meningen till högst 160 tecken."
        ],
    ),
    "a missing gdpr": (
        replace("anvandning.md", "gdpr: [13.1.c]\n", ""),
        [
            "docs/anvandning.md: nyckeln gdpr saknas i front matter. Ange vilka punkter i GDPR "
            "avsnittet besvarar, till exempel 'gdpr: [13.2.a]'."
        ],
    ),
    "an unknown GDPR code": (
        both(
            replace("lagring.md", "gdpr: [13.2.a]", "gdpr: [13.2.a, 13.2.x]"),
            replace("lagring.en.md", "gdpr: [13.2.a]", "gdpr: [13.2.a, 13.2.x]"),
        ),
        [
            f"docs/lagring{lang}.md: gdpr innehåller den okända koden '13.2.x'. Använd koder "
            "för punkterna i artikel 13 och 14, skrivna exakt som i listan, till exempel "
            "13.1.c eller 13.2.a (listan finns i redigera/gdpr.md)."
            for lang in ("", ".en")
        ],
    ),
    "a GDPR code YAML would read as a number": (
        both(
            replace("lagring.md", "gdpr: [13.2.a]", "gdpr: [13.2.a, 14.40]"),
            replace("lagring.en.md", "gdpr: [13.2.a]", "gdpr: [13.2.a, 14.40]"),
        ),
        [
            f"docs/lagring{lang}.md: gdpr innehåller den okända koden '14.40'. Använd koder "
            "för punkterna i artikel 13 och 14, skrivna exakt som i listan, till exempel "
            "13.1.c eller 13.2.a (listan finns i redigera/gdpr.md)."
            for lang in ("", ".en")
        ],
    ),
    "gdpr that is not a list": (
        replace("lagring.md", "gdpr: [13.2.a]", "gdpr: 13.2.a"),
        [
            "docs/lagring.md: gdpr ska vara en lista inom hakparenteser, till exempel "
            "'gdpr: [13.1.c, 13.1.d]'."
        ],
    ),
    "translations with different GDPR codes": (
        replace("lagring.en.md", "gdpr: [13.2.a]", "gdpr: [13.2.a, 13.1.c]"),
        [
            "docs/lagring.en.md: gdpr är [13.2.a, 13.1.c], men i originalet docs/lagring.md är "
            "den [13.2.a]. Ett avsnitt besvarar samma punkter på alla språk: skriv "
            "'gdpr: [13.2.a]'."
        ],
    ),
    "an unknown section id": (
        replace("klagomal.md", "section: complaints", "section: complaint"),
        [
            "docs/klagomal.md: section 'complaint' är inget känt avsnitt. Använd ett av "
            "controller, collection, use, sharing, retention, rights, complaints, eller lägg "
            "till det nya avsnittet i docs/sections.yml."
        ],
    ),
    "translations with different section ids": (
        replace("lagring.en.md", "section: retention", "section: rights"),
        [
            "docs/lagring.en.md: section är 'rights', men i originalet docs/lagring.md är den "
            "'retention'. En översättning ska ha samma section som originalet: skriv "
            "'section: retention'."
        ],
    ),
    "two pages with the same section id": (
        both(
            replace("lagring.md", "section: retention", "section: rights"),
            replace("lagring.en.md", "section: retention", "section: rights"),
        ),
        [
            f"docs/rattigheter{lang}.md: section 'rights' används redan i docs/lagring{lang}.md. "
            "Varje avsnitt får bara finnas i en fil per språk: ändra section i en av filerna."
            for lang in ("", ".en")
        ]
        + [
            "docs/sections.yml: avsnittet 'retention' finns inte i någon sida. Skapa en sida "
            "med 'section: retention' i front matter, på svenska och engelska, eller ta bort "
            "raden."
        ],
    ),
    "a listed section with no page": (
        replace("sections.yml", "  complaints:", "  dpo: Dataskyddsombud\n  complaints:"),
        [
            "docs/sections.yml: avsnittet 'dpo' finns inte i någon sida. Skapa en sida med "
            "'section: dpo' i front matter, på svenska och engelska, eller ta bort raden."
        ],
    ),
    "a section listed without indentation": (
        replace("sections.yml", "  complaints:", "complaints:"),
        [
            "docs/sections.yml: 'complaints' står inte under 'sections:'. Skriv avsnittet "
            "indraget med två mellanslag under 'sections:', som '  complaints: beskrivning'."
        ],
    ),
    "a section list that is not YAML": (
        replace("sections.yml", "  complaints:", "\tcomplaints:"),
        [
            "docs/sections.yml, rad 17: filen går inte att läsa. Raden är indragen med tabb. Dra "
            "in raden med mellanslag i stället."
        ],
    ),
    "a section listed twice": (
        replace("sections.yml", "  complaints:", "  rights: Igen\n  complaints:"),
        [
            "docs/sections.yml, rad 17: nyckeln rights står två gånger. Ta bort den ena, så att "
            "det inte är oklart vilken som gäller."
        ],
    ),
    # Headings
    "a section without a heading": (
        replace("lagring.md", "# Hur länge vi sparar dina personuppgifter\n", ""),
        [
            "docs/lagring.md: avsnittet har ingen rubrik. Börja texten med en rubrik på en "
            "egen rad, till exempel '# Hur länge vi sparar dina personuppgifter'."
        ],
    ),
    "a page that starts with a subheading": (
        replace("tack.md", "# Tack för din begäran", "## Tack för din begäran"),
        [
            "docs/tack.md, rad 6: sidan börjar med en underrubrik, 'Tack för din begäran'. Den "
            "första rubriken ska vara huvudrubriken, med en fyrkant: '# Tack för din begäran'."
        ],
    ),
    "a page with two main headings": (
        replace("lagring.md", "Därutöver", "# Mer om lagring\n\nDärutöver"),
        [
            "docs/lagring.md, rad 12: avsnittet har mer än en huvudrubrik (#): 'Mer om "
            "lagring'. En sida har en huvudrubrik; gör 'Mer om lagring' till en underrubrik "
            "med ## ."
        ],
    ),
    "a heading that skips a level": (
        replace("lagring.md", "Därutöver", "### Lagkrav\n\nDärutöver"),
        [
            "docs/lagring.md, rad 12: rubriken 'Lagkrav' hoppar över en nivå: den har 3 "
            "fyrkanter (#) men rubriken före har 1. Skriv den med 2 fyrkanter."
        ],
    ),
    # What a page may contain
    "a script": (
        replace("lagring.md", "Därutöver", "<script>alert(1)</script>\n\nDärutöver"),
        [
            "docs/lagring.md, rad 12: <script> är inte tillåtet i texten. Sidorna får "
            "innehålla text, länkar och bilder, men inget som kör kod, ändrar utseendet eller "
            "bäddar in något: ta bort <script>."
        ],
    ),
    "an event-handler attribute": (
        both(
            write("bild.png", b"\x89PNG\r\n\x1a\n"),
            replace(
                "lagring.md", "Därutöver", '<img src="bild.png" onerror="alert(1)">\n\nDärutöver'
            ),
        ),
        [
            "docs/lagring.md, rad 12: attributet onerror i <img> kör ett skript och är inte "
            "tillåtet. Ta bort det."
        ],
    ),
    "an event handler written as a Markdown attribute": (
        replace("lagring.md", "Därutöver", 'Klicka här.\n{: onclick="alert(1)" }\n\nDärutöver'),
        [
            "docs/lagring.md, rad 13: attributet onclick i <p> kör ett skript och är inte "
            "tillåtet. Ta bort det."
        ],
    ),
    "an image from another host": (
        replace(
            "lagring.md", "Därutöver", "![Logga](https://cdn.example.org/logga.png)\n\nDärutöver"
        ),
        [
            "docs/lagring.md, rad 12: 'https://cdn.example.org/logga.png' hämtas från en annan "
            "webbplats. Webbplatsen hämtar ingenting från andra värdar, eftersom det skulle "
            "avslöja läsarna för dem: lägg filen i docs/ och länka till den där, eller länka "
            "till sidan i stället."
        ],
    ),
    "a style attribute": (
        replace(
            "lagring.md",
            "Därutöver",
            '<p style="background:url(https://tracker.example/x.png)">Text</p>\n\nDärutöver',
        ),
        [
            "docs/lagring.md, rad 12: attributet style i <p> ändrar utseendet och kan hämta "
            "bilder från andra webbplatser. Ta bort det: webbplatsen har ett utseende för alla "
            "sidor."
        ],
    ),
    # A table cell's style is Markdown's column alignment, nothing more (rule 9, issue 17).
    "a style attribute on a table cell written in HTML": (
        replace(
            "lagring.md",
            "Därutöver",
            '<table><tr><td style="color: red">Namn</td></tr></table>\n\nDärutöver',
        ),
        [
            "docs/lagring.md, rad 12: attributet style i <td> ändrar utseendet och kan hämta "
            "bilder från andra webbplatser. Ta bort det: webbplatsen har ett utseende för alla "
            "sidor."
        ],
    ),
    "a table heading's style that aligns and does more": (
        replace(
            "lagring.md",
            "Därutöver",
            '<table><tr><th style="text-align: left; background: url(x)">Namn</th></tr></table>'
            "\n\nDärutöver",
        ),
        [
            "docs/lagring.md, rad 12: attributet style i <th> ändrar utseendet och kan hämta "
            "bilder från andra webbplatser. Ta bort det: webbplatsen har ett utseende för alla "
            "sidor."
        ],
    ),
    "a table cell's style written as a Markdown attribute": (
        replace(
            "lagring.md",
            "Därutöver",
            '| Uppgift |\n| --- |\n| Namn {: style="color: red" } |\n\nDärutöver',
        ),
        [
            "docs/lagring.md, rad 14: attributet style i <td> ändrar utseendet och kan hämta "
            "bilder från andra webbplatser. Ta bort det: webbplatsen har ett utseende för alla "
            "sidor."
        ],
    ),
    "a link to a page that does not exist": (
        replace("rattigheter.md", "(klagomal.md)", "(klagomaal.md)"),
        [
            "docs/rattigheter.md, rad 30: länken 'klagomaal.md' leder till en sida som inte "
            "finns, docs/klagomaal.md. Menade du klagomal.md? Sidor länkas med sitt svenska "
            "filnamn, på alla språk."
        ],
    ),
    "a link to a heading that does not exist": (
        replace("lagring.md", "Därutöver", "Se [nedan](#lagkrav).\n\nDärutöver"),
        [
            "docs/lagring.md, rad 12: länken '#lagkrav' leder till en rubrik som inte finns på "
            "sidan lagring.md (#lagkrav). Rätta det som står efter #, eller ta bort det så att "
            "länken leder till sidan."
        ],
    ),
    "a link to another page's heading, misspelt": (
        replace(
            "lagring.md",
            "Därutöver",
            "Se [dem](insamling.md#varifran-uppgifter-kommer).\n\nDärutöver",
        ),
        [
            "docs/lagring.md, rad 12: länken 'insamling.md#varifran-uppgifter-kommer' leder till "
            "en rubrik som inte finns på sidan insamling.md (#varifran-uppgifter-kommer). Menade "
            "du #varifran-uppgifterna-kommer? Rätta det som står efter #, eller ta bort det så "
            "att länken leder till sidan."
        ],
    ),
    "links written as addresses, not files": (
        replace("lagring.md", "Därutöver", "Se [a](/klagomal/) och [b](klagomal/).\n\nDärutöver"),
        [
            "docs/lagring.md, rad 12: länken '/klagomal/' börjar med /. Sådana länkar leder fel "
            "i arkivet och i förhandsgranskningen: länka till filen i docs/, till exempel "
            "klagomal.md.",
            "docs/lagring.md, rad 12: länken 'klagomal/' leder inte till en sida eller fil i "
            "docs/. Länka till sidans fil, med .md sist, till exempel klagomal.md.",
        ],
    ),
    "an image that is not in docs/": (
        both(
            write("bild.png", b"\x89PNG\r\n\x1a\n"),
            replace("lagring.md", "Därutöver", "![SEOM](bilder.png)\n\nDärutöver"),
        ),
        [
            "docs/lagring.md, rad 12: bilden 'bilder.png': filen docs/bilder.png finns inte. "
            "Menade du bild.png? Lägg filen i docs/ eller rätta namnet."
        ],
    ),
    "a link out of docs/": (
        replace("lagring.md", "Därutöver", "[README](../README.md)\n\nDärutöver"),
        [
            "docs/lagring.md, rad 12: länken '../README.md' leder utanför docs/. Länka till en "
            "fil i docs/."
        ],
    ),
    "an image from another host, written with a backslash": (
        both(
            write("bild.png", b"\x89PNG\r\n\x1a\n"),
            replace(
                "lagring.md",
                "Därutöver",
                '<img src="bild.png" alt="Bild" srcset="/\\tracker.example/y.png 2x">\n\nDärutöver',
            ),
        ),
        # srcset is no attribute a notice needs, whatever it says (browsers would read
        # /\\tracker.example as another host).
        [
            "docs/lagring.md, rad 12: attributet srcset i <img> är inte tillåtet. Ta bort det: "
            "texten får bara ha det som Markdown ger, som en länks adress och en bilds adress "
            "och beskrivning."
        ],
    ),
    # Read as a browser reads them (the HTML standard's parser), where Python's html.parser saw
    # text: each of these runs a script in Chromium.
    "a comment a browser ends early": (
        replace("lagring.md", "Därutöver", "<!-- x --!><script>alert(1)</script>\n\nDärutöver"),
        [
            "docs/lagring.md, rad 12: <script> är inte tillåtet i texten. Sidorna får innehålla "
            "text, länkar och bilder, men inget som kör kod, ändrar utseendet eller bäddar in "
            "något: ta bort <script>."
        ],
    ),
    "a comment that ends at once": (
        replace("lagring.md", "Därutöver", "<!--><script>alert(1)</script>-->\n\nDärutöver"),
        [
            "docs/lagring.md, rad 12: <script> är inte tillåtet i texten. Sidorna får innehålla "
            "text, länkar och bilder, men inget som kör kod, ändrar utseendet eller bäddar in "
            "något: ta bort <script>."
        ],
    ),
    "a script after a CDATA section": (
        replace("lagring.md", "Därutöver", "<![CDATA[ ]]><script>alert(1)</script>\n\nDärutöver"),
        [
            "docs/lagring.md, rad 12: <script> är inte tillåtet i texten. Sidorna får innehålla "
            "text, länkar och bilder, men inget som kör kod, ändrar utseendet eller bäddar in "
            "något: ta bort <script>."
        ],
    ),
    "an image in an attribute inside noscript": (
        replace(
            "lagring.md",
            "Därutöver",
            '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>\n\nDärutöver',
        ),
        [
            "docs/lagring.md, rad 12: <noscript> är inte tillåtet i texten. Sidorna får "
            "innehålla text, länkar och bilder, men inget som kör kod, ändrar utseendet eller "
            "bäddar in något: ta bort <noscript>.",
            "docs/lagring.md, rad 12: attributet title i <p> är inte tillåtet. Ta bort det: "
            "texten får bara ha det som Markdown ger, som en länks adress och en bilds adress "
            "och beskrivning.",
        ],
    ),
    "a link to another host written with a backslash": (
        replace("lagring.md", "Därutöver", "[klicka](/\\evil.example/x)\n\nDärutöver"),
        [
            "docs/lagring.md, rad 12: länken '/\\evil.example/x' är inte tillåten. Länka till "
            "en sida eller fil i docs/ (till exempel klagomal.md), eller till en adress som "
            "börjar med https://, mailto: eller tel:."
        ],
    ),
    "a ping attribute": (
        replace(
            "lagring.md",
            "Därutöver",
            '<a href="klagomal.md" ping="https://evil.example/">IMY</a>\n\nDärutöver',
        ),
        [
            "docs/lagring.md, rad 12: attributet ping i <a> är inte tillåtet. Ta bort det: "
            "texten får bara ha det som Markdown ger, som en länks adress och en bilds adress "
            "och beskrivning."
        ],
    ),
    # Text is text: what does not show is refused, with line and column (rule 3, issue 17).
    "a bidi override in a heading": (
        replace("lagring.md", "# Hur länge", "# Hur \u202elänge"),
        [
            "docs/lagring.md, rad 7, kolumn 7: tecknet U+202E (RIGHT-TO-LEFT OVERRIDE) syns "
            "inte men ändrar hur texten visas eller läses. Ta bort det (det följer ofta med när "
            "text klistras in från ett annat program)."
        ],
    ),
    "a variation selector and a code point kept for more ignorables": (
        replace("lagring.md", "# Hur länge", "# Hur\ufe0f länge\u2065"),
        [
            "docs/lagring.md, rad 7, kolumn 6: tecknet U+FE0F (VARIATION SELECTOR-16) syns inte "
            "men ändrar hur texten visas eller läses. Ta bort det (det följer ofta med när text "
            "klistras in från ett annat program).",
            # Unicode has not named it: the code point alone.
            "docs/lagring.md, rad 7, kolumn 13: tecknet U+2065 syns inte men ändrar hur texten "
            "visas eller läses. Ta bort det (det följer ofta med när text klistras in från ett "
            "annat program).",
        ],
    ),
    "a zero-width space and a NUL in a data file": (
        replace("sections.yml", "  retention: Hur", "  retention:\u200b Hur\x00"),
        [
            "docs/sections.yml, rad 15, kolumn 13: tecknet U+200B (ZERO WIDTH SPACE) syns inte "
            "men ändrar hur texten visas eller läses. Ta bort det (det följer ofta med när text "
            "klistras in från ett annat program).",
            "docs/sections.yml, rad 15, kolumn 18: tecknet U+0000 (NULL) syns inte men ändrar "
            "hur texten visas eller läses. Ta bort det (det följer ofta med när text klistras in "
            "från ett annat program).",
        ],
    ),
    "a bidi override and a zero-width space written as character references": (
        replace("lagring.md", "# Hur länge", "# Hur &#x202E;länge&ZeroWidthSpace;"),
        [
            "docs/lagring.md, rad 7, kolumn 7: &#x202E; skriver tecknet U+202E (RIGHT-TO-LEFT "
            "OVERRIDE), som inte syns men ändrar hur texten visas eller läses. Ta bort &#x202E;.",
            "docs/lagring.md, rad 7, kolumn 20: &ZeroWidthSpace; skriver tecknet U+200B (ZERO "
            "WIDTH SPACE), som inte syns men ändrar hur texten visas eller läses. Ta bort "
            "&ZeroWidthSpace;.",
        ],
    ),
    "an escape character written as a reference in a link's title": (
        replace("lagring.md", "Därutöver", '[IMY](klagomal.md "IMY&#27;s") Därutöver'),
        [
            "docs/lagring.md, rad 12, kolumn 23: &#27; skriver tecknet U+001B (ESCAPE), som "
            "inte syns men ändrar hur texten visas eller läses. Ta bort &#27;."
        ],
    ),
    "a bidi override written as a YAML escape": (
        replace("lagring.md", "summary: ", 'summary: "\\u202E" '),
        [
            "docs/lagring.md, rad 3: texten har tecknet U+202E (RIGHT-TO-LEFT OVERRIDE), "
            "skrivet som en kod (som \\u202e eller \\x00). Det syns inte men ändrar hur texten "
            "visas eller läses: ta bort koden."
        ],
    ),
    "links by schemes a notice has no use for": (
        replace(
            "lagring.md", "Därutöver", "[a](ftp://seom.se/x) [b](file:///etc/passwd)\n\nDärutöver"
        ),
        [
            f"docs/lagring.md, rad 12: länken '{url}' är inte tillåten. Länka till en sida eller "
            "fil i docs/ (till exempel klagomal.md), eller till en adress som börjar med "
            "https://, mailto: eller tel:."
            for url in ("ftp://seom.se/x", "file:///etc/passwd")
        ],
    ),
    "a heading of no letters, whose anchor Markdown names _1": (
        replace("lagring.md", "Därutöver", "## ???\n\nDärutöver"),
        [],
    ),
    # hela-meddelandet joins the sections into one Markdown text (issue 17): what one section
    # leaves open, or defines, reaches the next.
    "a raw <blockquote> a section never closes, before a section with HTML in code": (
        both(
            replace(
                "insamling.md",
                "Det är du själv som avgör",
                "<blockquote>\nDet är du själv som avgör",
            ),
            replace(
                "anvandning.md",
                "## Ändamål",
                '## Ändamål\n\n`<meta http-equiv="refresh" content="0; url=https://x.example">`',
            ),
        ),
        [
            "docs/insamling.md: något i texten stängs aldrig, till exempel en HTML-tagg som "
            "<blockquote> eller <em> utan </blockquote> eller </em>. På sidan "
            "hela-meddelandet.md står nästa avsnitt direkt efter, och då hamnar det inuti. "
            "Stäng taggen, eller skriv texten med Markdown i stället.",
            "docs/hela-meddelandet.md: när alla avsnitt står efter varandra på sidan blir det "
            "fel: <meta> är inte tillåtet i texten. Sidorna får innehålla text, länkar och "
            "bilder, men inget som kör kod, ändrar utseendet eller bäddar in något: ta bort "
            "<meta>. Det händer när en länkdefinition ([namn]: adress) i ett avsnitt används i "
            "ett annat, eller när ett avsnitt lämnar något öppet. Skriv adressen i länken, "
            "[text](adress), i avsnittet där den står.",
        ],
    ),
    "an <em> a section never closes": (
        replace("insamling.md", "Det är du själv som avgör", "Det är <em>du själv som avgör"),
        [
            "docs/insamling.md: något i texten stängs aldrig, till exempel en HTML-tagg som "
            "<blockquote> eller <em> utan </blockquote> eller </em>. På sidan "
            "hela-meddelandet.md står nästa avsnitt direkt efter, och då hamnar det inuti. "
            "Stäng taggen, eller skriv texten med Markdown i stället."
        ],
    ),
    "a link definition one section makes and another uses": (
        both(
            replace(
                "insamling.md", "Det är du själv", "[x]: javascript:alert(1)\n\nDet är du själv"
            ),
            replace("anvandning.md", "## Ändamål", "## Ändamål\n\nSe [villkoren][x]."),
        ),
        [
            "docs/hela-meddelandet.md: när alla avsnitt står efter varandra på sidan blir det "
            "fel: länken 'javascript:alert(1)' kör kod och är inte tillåten. Länka till en sida "
            "eller en adress som börjar med https://. Det händer när en länkdefinition "
            "([namn]: adress) i ett avsnitt används i ett annat, eller när ett avsnitt lämnar "
            "något öppet. Skriv adressen i länken, [text](adress), i avsnittet där den står."
        ],
    ),
    # A name that only looks like a known one says so (rule 3, issue 17).
    "a section name with a Cyrillic letter": (
        both(
            replace("lagring.md", "section: retention", "section: retentіon"),
            replace("lagring.en.md", "section: retention", "section: retentіon"),
        ),
        [
            "docs/lagring.md: section 'retentіon' är inget känt avsnitt. 'retentіon' ser ut "
            "som 'retention', men tecknet 'і' (U+0456 CYRILLIC SMALL LETTER "
            "BYELORUSSIAN-UKRAINIAN I) är inte samma som det i 'retention': skriv 'retention' "
            "med vanliga tecken.",
            "docs/lagring.en.md: section 'retentіon' är inget känt avsnitt. 'retentіon' ser ut "
            "som 'retention', men tecknet 'і' (U+0456 CYRILLIC SMALL LETTER "
            "BYELORUSSIAN-UKRAINIAN I) är inte samma som det i 'retention': skriv 'retention' "
            "med vanliga tecken.",
            "docs/sections.yml: avsnittet 'retention' finns inte i någon sida. Skapa en sida "
            "med 'section: retention' i front matter, på svenska och engelska, eller ta bort "
            "raden.",
        ],
    ),
    "a section name in sections.yml with a Cyrillic letter": (
        replace("sections.yml", "  retention: Hur", "  retentіon: Hur"),
        [
            "docs/sections.yml: avsnittsnamnet 'retentіon' är ogiltigt. Det ser ut som "
            "'retention', men har tecken som inte är a–z. Använd små bokstäver a–z, siffror och "
            "bindestreck, till exempel 'retention'.",
            *(
                f"docs/lagring{lang}.md: section 'retention' är inget känt avsnitt. Använd ett av "
                "controller, collection, use, sharing, rights, complaints, eller lägg till det "
                "nya avsnittet i docs/sections.yml."
                for lang in ("", ".en")
            ),
        ],
    ),
    "a GDPR code with a Cyrillic letter": (
        both(
            replace("lagring.md", "gdpr: [13.2.a]", "gdpr: [13.2.а]"),
            replace("lagring.en.md", "gdpr: [13.2.a]", "gdpr: [13.2.а]"),
        ),
        [
            f"docs/lagring{lang}.md: gdpr innehåller den okända koden '13.2.а'. '13.2.а' ser ut "
            "som '13.2.a', men tecknet 'а' (U+0430 CYRILLIC SMALL LETTER A) är inte samma som "
            "det i '13.2.a': skriv '13.2.a' med vanliga tecken."
            for lang in ("", ".en")
        ],
    ),
    "a GDPR code written with full-width dots": (
        both(
            replace("lagring.md", "gdpr: [13.2.a]", "gdpr: [13．2．a]"),
            replace("lagring.en.md", "gdpr: [13.2.a]", "gdpr: [13．2．a]"),
        ),
        [
            f"docs/lagring{lang}.md: gdpr innehåller den okända koden '13．2．a'. '13．2．a' ser "
            "ut som '13.2.a', men tecknet '．' (U+FF0E FULLWIDTH FULL STOP) är inte samma som det "
            "i '13.2.a': skriv '13.2.a' med vanliga tecken."
            for lang in ("", ".en")
        ],
    ),
    "an svg image from another host": (
        both(
            write("bild.png", b"\x89PNG\r\n\x1a\n"),
            replace(
                "lagring.md",
                "Därutöver",
                '<div><img src="bild.png" alt="x"><image href="https://tracker.example/y.png"/>'
                "</div>\n\nDärutöver",
            ),
        ),
        # A browser reads <image> as <img>: its href is no attribute of an image here.
        [
            "docs/lagring.md, rad 12: <div> är inte tillåtet i texten. Sidorna får innehålla "
            "text, länkar och bilder, men inget som kör kod, ändrar utseendet eller bäddar in "
            "något: ta bort <div>.",
            "docs/lagring.md, rad 12: attributet href i <img> är inte tillåtet. Ta bort det: "
            "texten får bara ha det som Markdown ger, som en länks adress och en bilds adress "
            "och beskrivning.",
        ],
    ),
    "a section with only its heading": (
        write(
            "lagring.md", LAGRING_FRONT_MATTER + "\n# Hur länge vi sparar dina personuppgifter\n"
        ),
        ["docs/lagring.md: avsnittet har bara en rubrik. Skriv avsnittets text under rubriken."],
    ),
    "a file of a kind that does not belong in docs": (
        write("anteckningar.txt", "Att göra: fråga SEOM om adressen."),
        [
            "docs/anteckningar.txt: filer av typen .txt hör inte hemma i docs/, och allt där "
            "publiceras. Här ligger sidor (.md), datafiler (.yml) och bilder eller dokument "
            "(.gif, .jpeg, .jpg, .pdf, .png, .webp): flytta filen någon annanstans."
        ],
    ),
    "a link over plain http": (
        replace("lagring.md", "bokföringslagen", "[bokföringslagen](http://riksdagen.se/bfl)"),
        [
            "docs/lagring.md, rad 13: länken 'http://riksdagen.se/bfl' är okrypterad (http://). "
            "Använd https://, till exempel 'https://riksdagen.se/bfl'."
        ],
    ),
    # decide: sentences of SEOM's text that SEOM must decide on
    "a sentence to decide on that the text no longer holds": (
        replace(
            "insamling.md",
            "gdpr: [14.1.d, 14.2.f]",
            "gdpr: [14.1.d, 14.2.f]\ndecide:\n  - sentence: Det är du som avgör.\n"
            "    question: Vilka uppgifter krävs?",
        ),
        [
            "docs/insamling.md, rad 5: decide punkt 1: meningen ”Det är du som avgör.” står inte "
            "i texten. Skriv den som läsaren ser den på sidan, utan Markdown (utan ** och utan "
            "länkens [ ]( )), eller ta bort punkten om meningen är ändrad eller borttagen."
        ],
    ),
    "a sentence to decide on without its question, and decide not a list": (
        both(
            replace(
                "insamling.md",
                "gdpr: [14.1.d, 14.2.f]",
                "gdpr: [14.1.d, 14.2.f]\ndecide:\n  - sentence: Det är du själv som avgör.",
            ),
            replace("lagring.md", "gdpr: [13.2.a]", "gdpr: [13.2.a]\ndecide: Lagringen."),
        ),
        [
            "docs/insamling.md, rad 5: decide punkt 1 ska ha sentence och question, båda "
            "ifyllda. Skriv varje mening som en punkt: '  - sentence: meningen, som den står i "
            "texten' och på nästa rad '    question: vad SEOM måste bestämma'.",
            "docs/lagring.md, rad 5: decide ska vara en lista. Skriv varje mening som en punkt: "
            "'  - sentence: meningen, som den står i texten' och på nästa rad '    question: "
            "vad SEOM måste bestämma'.",
        ],
    ),
    "a sentence to decide on that is part of a word, or stands in an English file": (
        both(
            replace(
                "insamling.md",
                "gdpr: [14.1.d, 14.2.f]",
                "gdpr: [14.1.d, 14.2.f]\ndecide:\n  - sentence: uppgifter till\n"
                "    question: Vilka?\n  - sentence: e\n    question: Vilka?",
            ),
            replace(
                "insamling.en.md",
                "gdpr: [14.1.d, 14.2.f]",
                "gdpr: [14.1.d, 14.2.f]\ndecide:\n  - sentence: Data.\n    question: Vilka?",
            ),
        ),
        [
            "docs/insamling.en.md, rad 5: decide hör hemma överst i ett avsnitts svenska fil (en "
            "fil med section), där GDPR-rapporten i granskningen visar den. Flytta den dit, eller "
            "ta bort den.",
            "docs/insamling.md, rad 5: decide punkt 2: meningen ”e” står inte i texten. Skriv den "
            "som läsaren ser den på sidan, utan Markdown (utan ** och utan länkens [ ]( )), "
            "eller ta bort punkten om meningen är ändrad eller borttagen.",
        ],
    ),
    # docs/purposes.yml: SEOM's purposes, each with what Art. 13 and 14 ask
    "a legal basis that is not a letter of Art. 6(1)": (
        replace("purposes.yml", "legal_basis: b", "legal_basis: avtal"),
        [
            "docs/purposes.yml, ändamål 1 (leverans): legal_basis är 'avtal', men ska vara en "
            "av bokstäverna i artikel 6.1 i dataskyddsförordningen: a (samtycke), b (avtal), c "
            "(rättslig förpliktelse), d (grundläggande intressen), e (allmänt intresse eller "
            "myndighetsutövning), f (berättigat intresse). Till exempel 'legal_basis: b'. Lämna "
            "den tom tills SEOM har bestämt den."
        ],
    ),
    "a legitimate interest for a purpose on another basis": (
        replace("purposes.yml", "legal_basis: b\n", "legal_basis: b\n    interest:\n      sv: X\n"),
        [
            "docs/purposes.yml, ändamål 1 (leverans): interest är ifylld, men legal_basis är "
            "inte f (berättigat intresse). Skriv intresset bara för ett ändamål med "
            "'legal_basis: f', eller ta bort raden."
        ],
    ),
    "a purpose's text on one line for every language": (
        replace(
            "purposes.yml",
            "    recipients:\n    transfers:\n    retention:\n      sv: Så länge",
            "    recipients: Våra leverantörer\n    transfers:\n    retention:\n      sv: Så länge",
        ),
        [
            "docs/purposes.yml, ändamål 1 (leverans): recipients står på en rad för alla språk. "
            "Skriv texten på varje språk, på egna rader under 'recipients:' ('      sv: ...' och "
            "'      en: ...')."
        ],
    ),
    "a purpose without its name in English": (
        replace(
            "purposes.yml", "      en: To deliver the services you have an agreement for\n", ""
        ),
        [
            "docs/purposes.yml, ändamål 1 (leverans): purpose på engelska saknas, men finns på "
            "svenska. Skriv översättningen på raden '      en: ...' under 'purpose:'."
        ],
    ),
    "two purposes with one id, and a key the file does not use": (
        both(
            replace("purposes.yml", "id: utveckling", "id: leverans"),
            replace(
                "purposes.yml",
                "    direct_marketing: ja",
                "    direct_marketing: kanske\n    basis: f",
            ),
        ),
        [
            "docs/purposes.yml, ändamål 3 (marknadsforing): direct_marketing är 'kanske', men "
            "ska vara ja eller nej: ja om ändamålet är direkt marknadsföring (då visar sidan "
            "rätten att invända), annars nej.",
            "docs/purposes.yml, ändamål 3 (marknadsforing): nyckeln basis används inte. Använd "
            "id, legal_basis, direct_marketing, obligation, third_countries, purpose, interest, "
            "data, source, recipients, transfers, retention, required, automated, eller ta bort "
            "raden.",
            "docs/purposes.yml, ändamål 4 (leverans): id 'leverans' har redan ändamål 1. Ge varje "
            "ändamål ett eget id.",
        ],
    ),
    "a language the site does not have, and a language at the wrong level": (
        both(
            replace(
                "purposes.yml",
                "      en: To deliver the services",
                "      eng: To deliver the services",
            ),
            replace("purposes.yml", "      sv: Andra verksamheter", "    sv: Andra verksamheter"),
            replace("purposes.yml", "      en: Other organisations", "    en: Other organisations"),
        ),
        [
            "docs/purposes.yml, ändamål 1 (leverans): purpose har en rad för språket 'eng', som "
            "webbplatsen inte har. Skriv texten under 'sv:' och 'en:'.",
            "docs/purposes.yml, ändamål 1 (leverans): purpose på engelska saknas, men finns på "
            "svenska. Skriv översättningen på raden '      en: ...' under 'purpose:'.",
            "docs/purposes.yml, ändamål 2 (lagkrav): raden 'sv:' står på fel nivå: den hör till "
            "nyckeln ovanför. Dra in den två mellanslag längre än den nyckeln, så att texten "
            "hamnar under den.",
            "docs/purposes.yml, ändamål 2 (lagkrav): raden 'en:' står på fel nivå: den hör till "
            "nyckeln ovanför. Dra in den två mellanslag längre än den nyckeln, så att texten "
            "hamnar under den.",
        ],
    ),
    "a legal basis written as a list": (
        replace("purposes.yml", "legal_basis: b", "legal_basis: [b, c]"),
        [
            "docs/purposes.yml, ändamål 1 (leverans): legal_basis ska vara en bokstav på en rad, "
            "utan hakparenteser eller '-', till exempel 'legal_basis: b'. Har ändamålet flera "
            "rättsliga grunder: dela upp det i ett ändamål per grund."
        ],
    ),
    "a purpose whose id is not a short name": (
        replace("purposes.yml", "id: leverans", "id: Leverans av el"),
        [
            "docs/purposes.yml, ändamål 1: id är 'Leverans av el'. id ska vara ett kort namn för "
            "ändamålet, med små bokstäver a–z (utan å, ä och ö), siffror och bindestreck, till "
            "exempel 'id: leverans-av-el'. Det blir en del av sidans adress och ändras aldrig."
        ],
    ),
    "no purposes file": (
        delete("purposes.yml"),
        [
            "docs/purposes.yml saknas. Den listar ändamålen med behandlingen, ett per punkt under "
            "'purposes:': skapa den enligt REDIGERA.md, avsnitt 13."
        ],
    ),
    "a purposes file without a list": (
        write("purposes.yml", "purposes:\n"),
        [
            "docs/purposes.yml: purposes saknas eller är ingen lista. Skriv varje ändamål som en "
            "punkt under 'purposes:', som börjar med '  - id: namn' (se REDIGERA.md, avsnitt 13)."
        ],
    ),
    "the purposes' code missing on its page": (
        replace("anvandning.en.md", "<!-- notice:purposes -->", ""),
        [
            "docs/anvandning.en.md: koden <!-- notice:purposes --> saknas. Där den står bygger "
            "webbplatsen in ändamålen från docs/purposes.yml, vart och ett med sin rättsliga "
            "grund: skriv den på en egen rad, med tomma rader före och efter."
        ],
    ),
    "the right to object's code missing on the rights page": (
        replace("rattigheter.md", "<!-- notice:objection -->", ""),
        [
            "docs/rattigheter.md: koden <!-- notice:objection --> saknas. Där den står bygger "
            "webbplatsen in rätten att invända, när ett ändamål i docs/purposes.yml ger den: "
            "skriv den på en egen rad, med tomma rader före och efter."
        ],
    ),
    # Shortcodes
    "an unknown shortcode": (
        replace("index.en.md", "<!-- notice:summary -->", "<!-- notice:summery -->"),
        [
            f"docs/index.en.md, rad 14: okänd kod '<!-- notice:summery -->'. Använd {CODES}.",
            "docs/index.en.md: koden <!-- notice:summary --> saknas. Där den står bygger "
            "webbplatsen in sammanfattningen av avsnitten: skriv den på en egen rad, med tomma "
            "rader före och efter.",
        ],
    ),
    "a shortcode twice": (
        replace("versioner.md", "<!-- notice:history -->", "<!-- notice:history -->\n\n" * 2),
        [
            "docs/versioner.md, rad 14: koden <!-- notice:history --> står 2 gånger. Den ska "
            "stå en gång: ta bort de andra."
        ],
    ),
    "a shortcode away from its page": (
        replace("lagring.md", "Därutöver", "<!-- notice:contact-form -->\n\nDärutöver"),
        [
            "docs/lagring.md, rad 12: koden <!-- notice:contact-form --> hör hemma i "
            "docs/kontakt.md och fungerar inte här. Ta bort den."
        ],
    ),
    "a shortcode only inside a code block": (
        replace("index.md", "<!-- notice:summary -->", "```\n<!-- notice:summary -->\n```"),
        [
            "docs/index.md: koden <!-- notice:summary --> saknas. Där den står bygger "
            "webbplatsen in sammanfattningen av avsnitten: skriv den på en egen rad, med tomma "
            "rader före och efter."
        ],
    ),
    "the contact page without the anchor its form links to": (
        replace("kontakt.md", " {#form-data}", ""),
        [
            "docs/kontakt.md: sidan med kontaktformuläret saknar rubriken som förklarar hur "
            "uppgifterna i formuläret hanteras. Formuläret länkar dit: skriv '{#form-data}' "
            "sist på den rubrikens rad, till exempel '## Så hanterar vi uppgifterna du skickar "
            "{#form-data}'."
        ],
    ),
    "a page a shortcode needs, missing in every language": (
        both(delete("versioner.md"), delete("versioner.en.md")),
        [
            "docs/versioner.md saknas. Sidan behövs för listan över versioner: skapa den på "
            "alla språk, med en rubrik och koden <!-- notice:history --> på en egen rad."
        ],
    ),
    # docs/authority.yml
    "the authority's e-mail missing": (
        replace("authority.yml", "email: imy@imy.se\n", ""),
        [
            "docs/authority.yml: email saknas eller är tom. Skriv myndighetens e-postadress, "
            "till exempel 'email: imy@imy.se'."
        ],
    ),
    "the authority's English name empty": (
        replace("authority.yml", "  en: Swedish Authority for Privacy Protection", "  en:"),
        [
            "docs/authority.yml: name på engelska saknas eller är tom. Skriv myndighetens namn, "
            "till exempel 'name: Integritetsskyddsmyndigheten'."
        ],
    ),
    "the authority's website over http": (
        replace("authority.yml", "  sv: https://www.imy.se/", "  sv: http://www.imy.se/"),
        [
            "docs/authority.yml: url på svenska är 'http://www.imy.se/', men ska vara adressen "
            "till myndighetens webbplats, som börjar med https://, till exempel "
            "'url: https://www.imy.se/'."
        ],
    ),
    "an unknown key in authority.yml": (
        replace("authority.yml", "abbreviation: IMY", "abbreviation: IMY\nfax: 08-000 000 00"),
        [
            "docs/authority.yml: nyckeln fax används inte. Använd name, abbreviation, url, "
            "email, address, phone, eller ta bort raden."
        ],
    ),
    "the authority's phone number in words": (
        replace("authority.yml", "abbreviation: IMY", "abbreviation: IMY\nphone: ring växeln"),
        [
            "docs/authority.yml: phone är 'ring växeln', men ska vara myndighetens "
            "telefonnummer, med siffror, mellanslag och bindestreck, så som det står på "
            "myndighetens egen kontaktsida, till exempel 'phone: 08-000 000 00'."
        ],
    ),
    "the statement's e-mail address for feedback without an @": (
        replace("accessibility.yml", "digg_form:", "feedback_email: webb.example.se\ndigg_form:"),
        [
            "docs/accessibility.yml: feedback_email är 'webb.example.se', men ska vara den "
            "e-postadress där läsaren kan anmäla brister i tillgängligheten, till exempel "
            "'feedback_email: webb@example.se'."
        ],
    ),
    "the authority's e-mail as a list": (
        replace("authority.yml", "\nemail: imy@imy.se\n", "\nemail: [imy@imy.se]\n"),
        [
            "docs/authority.yml: email ska vara en text på en rad, utan hakparenteser eller '-', "
            "till exempel 'email: imy@imy.se'."
        ],
    ),
    "sections written as a list": (
        replace("sections.yml", "  complaints:", "  - complaints:", 1),
        [
            "docs/sections.yml, rad 17: filen går inte att läsa. Skriv varje avsnitt som "
            "'  namn: beskrivning' på en egen rad under 'sections:'."
        ],
    ),
    "sections as a list instead of a mapping": (
        write("sections.yml", "sections:\n  - controller\n  - collection\n"),
        [
            "docs/sections.yml: avsnitten står som en lista med '-'. Skriv dem under "
            "'sections:' som '  namn: beskrivning', ett per rad, utan '-'."
        ],
    ),
    "authority.yml missing": (
        delete("authority.yml"),
        [
            "docs/authority.yml saknas. Den innehåller tillsynsmyndighetens (IMY:s) "
            "kontaktuppgifter: skapa den med nycklarna name, abbreviation, url, email, "
            "address."
        ],
    ),
    # docs/controller.yml: a wrong value is an error; a missing one is not (test below)
    "an organisation number without its hyphen": (
        replace("controller.yml", "organisation_number:\n", "organisation_number: 5560000000\n"),
        [
            "docs/controller.yml: organisation_number är '5560000000', men ska vara "
            "organisationsnumret, sex siffror, bindestreck och fyra siffror, till exempel "
            "'organisation_number: 556000-0000'."
        ],
    ),
    "SEOM's e-mail without a domain": (
        replace("controller.yml", "\nemail:\n", "\nemail: dataskydd@seom\n"),
        [
            "docs/controller.yml: email är 'dataskydd@seom', men ska vara e-postadressen för "
            "frågor om personuppgifter, till exempel 'email: dataskydd@example.se'."
        ],
    ),
    "SEOM's e-mail with what a mailto: URL reads as a fragment": (
        replace("controller.yml", "\nemail:\n", '\nemail: "dataskydd#kopia@seom.se"\n'),
        [
            "docs/controller.yml: email är 'dataskydd#kopia@seom.se', men ska vara "
            "e-postadressen för frågor om personuppgifter, till exempel "
            "'email: dataskydd@example.se'."
        ],
    ),
    "the authority's website whose host a browser reads differently": (
        replace(
            "authority.yml", "  sv: https://www.imy.se/", "  sv: https://x.example\\@www.imy.se/"
        ),
        [
            "docs/authority.yml: url på svenska är 'https://x.example\\@www.imy.se/', men ska "
            "vara adressen till myndighetens webbplats, som börjar med https://, till exempel "
            "'url: https://www.imy.se/'."
        ],
    ),
    "a phone number in words": (
        replace("controller.yml", "phone:\n", "phone: ring växeln\n"),
        [
            "docs/controller.yml: phone är 'ring växeln', men ska vara telefonnumret, med "
            "siffror, mellanslag och bindestreck, till exempel 'phone: 08-000 000 00'."
        ],
    ),
    "both a DPO and no DPO": (
        both(
            replace("controller.yml", "dpo_email:\n", "dpo_email: dso@example.se\n"),
            replace("controller.yml", "no_dpo:\n", "no_dpo: Inget ombud.\n"),
        ),
        [
            "docs/controller.yml: både dpo_email och no_dpo är ifyllda. Fyll i dpo_email om SEOM "
            "har ett dataskyddsombud, annars no_dpo, och lämna den andra tom."
        ],
    ),
    "the website over http": (
        replace("controller.yml", "website: https://www.seom.se/", "website: www.seom.se"),
        [
            "docs/controller.yml: website är 'www.seom.se', men ska vara adressen till SEOM:s "
            "webbplats, som börjar med https://, till exempel 'website: https://www.seom.se/'."
        ],
    ),
    "a misspelt key in controller.yml": (
        replace("controller.yml", "phone:\n", "telefon: 08-000 000 00\n"),
        [
            "docs/controller.yml: nyckeln telefon används inte. Använd name, short_name, "
            "organisation_number, address, country, phone, email, representative, dpo_email, "
            "dpo_name, dpo_address, no_dpo, website, logo, eller ta bort raden."
        ],
    ),
    "a logo that is not in docs/": (
        replace("controller.yml", "logo:\n", "logo: bilder/seom.png\n"),
        [
            "docs/controller.yml: logo är 'bilder/seom.png', men den filen finns inte i docs/. "
            "Lägg bildfilen där (till exempel i mappen docs/bilder/), eller töm raden så att "
            "SEOM:s korta namn står som text."
        ],
    ),
    "a logo as SVG": (
        replace("controller.yml", "logo:\n", "logo: seom.svg\n"),
        [
            "docs/controller.yml: logo är 'seom.svg', men ska vara namnet på en bildfil i docs/ "
            "(png, jpg eller webp) med SEOM:s logotyp, som SEOM har lämnat, eller tomt: då står "
            "SEOM:s korta namn som text i stället, till exempel 'logo: bilder/seom-logotyp.png'."
        ],
    ),
    "controller.yml missing": (
        delete("controller.yml"),
        [
            "docs/controller.yml saknas. Den innehåller SEOM:s egna uppgifter som "
            "personuppgiftsansvarig: skapa den med nycklarna name, short_name, "
            "organisation_number, address, country, phone, email, representative, dpo_email, "
            "dpo_name, dpo_address, no_dpo, website, logo, och lämna en nyckel tom tills SEOM har "
            "lämnat uppgiften."
        ],
    ),
    # docs/versions.yml (more cases in tests/test_versions.py)
    "a current version dated years ahead": (
        replace("versions.yml", "- version: 2026-12-01", "- version: 2062-12-01"),
        [
            "docs/versions.yml, version 1 (2062-12-01): datumet ligger mer än ett år fram i "
            "tiden. Stämmer årtalet? Skriv det datum då versionen börjar gälla."
        ],
    ),
    "a version entry with a key twice": (
        replace("versions.yml", "  summary:\n", "  version: 2026-12-02\n  summary:\n"),
        [
            "docs/versions.yml, rad 11: nyckeln version står två gånger. Ta bort den ena, så att "
            "det inte är oklart vilken som gäller."
        ],
    ),
    # docs/accessibility.yml: the accessibility statement
    "accessibility.yml missing": (
        delete("accessibility.yml"),
        [
            "docs/accessibility.yml saknas. Den innehåller tillgänglighetsredogörelsen (sidan "
            "tillganglighet.md): skapa den med nycklarna compliance, shortcomings, assessed, "
            "method, updated, digg_form, feedback_email, feedback_phone."
        ],
    ),
    "the statement's compliance missing": (
        replace("accessibility.yml", "compliance: delvis förenlig\n", ""),
        [
            f"{A11Y}: compliance saknas eller är tom. Skriv hur väl webbplatsen uppfyller "
            "kraven, ett av helt förenlig, delvis förenlig, inte förenlig, till exempel "
            "'compliance: delvis förenlig'."
        ],
    ),
    "the statement's compliance not one of DIGG's words": (
        replace("accessibility.yml", "compliance: delvis förenlig", "compliance: delvis"),
        [
            f"{A11Y}: compliance är 'delvis', men ska vara hur väl webbplatsen uppfyller "
            "kraven, ett av helt förenlig, delvis förenlig, inte förenlig, till exempel "
            "'compliance: delvis förenlig'."
        ],
    ),
    "the statement fully compliant with a shortcoming that fails the law": (
        replace("accessibility.yml", "compliance: delvis förenlig", "compliance: helt förenlig"),
        [
            f"{A11Y}: compliance är 'helt förenlig', men shortcomings punkt 1 har reason "
            "'bristande förenlighet'. Skriv 'compliance: delvis förenlig' så länge bristen "
            "finns, eller ta bort punkten när den är åtgärdad."
        ],
    ),
    "the statement partly compliant with no shortcoming that fails the law": (
        replace(
            "accessibility.yml",
            "    reason: bristande förenlighet",
            "    reason: oskäligt betungande anpassning",
        ),
        [
            f"{A11Y}: compliance är 'delvis förenlig', men ingen punkt under shortcomings har "
            "reason 'bristande förenlighet'. Beskriv de krav som inte uppfylls under "
            "shortcomings, eller skriv 'compliance: helt förenlig' om webbplatsen uppfyller "
            "alla krav."
        ],
    ),
    "the statement's shortcomings missing": (
        transform(
            "accessibility.yml", lambda b: re.sub(rb"\nshortcomings:.*?\n\n", b"\n", b, flags=re.S)
        ),
        [
            f"{A11Y}: shortcomings saknas eller är ingen lista. Skriv varje brist som en punkt "
            "under 'shortcomings:' ('  - what: ...' och på egna rader reason, details och "
            "alternative), eller 'shortcomings: []' om webbplatsen inte har några kända brister."
        ],
    ),
    "a shortcoming's English alternative missing": (
        transform(
            "accessibility.yml",
            lambda b: re.sub(
                rb"\n      en: >-\n        The link still works.*?without /en/\.\n",
                b"\n",
                b,
                flags=re.S,
            ),
        ),
        [
            f"{A11Y_ITEM}: alternative på engelska saknas eller är tom. Skriv hur läsaren kan "
            "få innehållet på ett annat sätt, till exempel 'alternative: Kontakta oss ...'."
        ],
    ),
    "a shortcoming's reason not one of DIGG's three": (
        replace("accessibility.yml", "    reason: bristande förenlighet", "    reason: WCAG 3.1.2"),
        [
            f"{A11Y_ITEM}: reason är 'WCAG 3.1.2', men ska vara varför, ett av bristande "
            "förenlighet, oskäligt betungande anpassning, utanför lagens tillämpningsområde, "
            "till exempel 'reason: bristande förenlighet'.",
        ],
    ),
    "a shortcoming without details and with an unknown key": (
        replace("accessibility.yml", "    details:\n", "    detaljer:\n"),
        [
            f"{A11Y_ITEM}: details saknas eller är tom. Skriv vilket krav som inte uppfylls, "
            "varför anpassningen vore oskäligt betungande eller varför innehållet ligger "
            "utanför lagen, till exempel 'details: WCAG 2.1, 3.1.2 ...'.",
            f"{A11Y_ITEM}: nyckeln detaljer används inte. Använd what, reason, details, "
            "alternative, eller ta bort raden.",
        ],
    ),
    "a second shortcoming whose Swedish text is missing": (
        replace(
            "accessibility.yml",
            "\n# Den dag webbplatsens",
            EXEMPTION.replace("  - what: En karta.", "  - what:\n      en: A map.")
            + "\n# Den dag webbplatsens",
        ),
        [
            f"{A11Y}, shortcomings punkt 2: what på svenska saknas eller är tom. Skriv vilket "
            "innehåll som inte är tillgängligt och hur, till exempel 'what: Språkväljaren ...'."
        ],
    ),
    "the assessment date not a date": (
        replace("accessibility.yml", "assessed: 2026-11-28", "assessed: 28 november 2026"),
        [
            f"{A11Y}: assessed är '28 november 2026', men ska vara dagen då webbplatsens "
            "tillgänglighet senast bedömdes, ett datum som har varit, skrivet ÅÅÅÅ-MM-DD, till "
            "exempel 'assessed: 2026-11-28'."
        ],
    ),
    "the statement's update in the future": (
        replace("accessibility.yml", "\nupdated: 2026-11-28", "\nupdated: 2026-12-28"),
        [
            f"{A11Y}: updated är '2026-12-28', men ska vara dagen då redogörelsen senast "
            "uppdaterades, ett datum som har varit, skrivet ÅÅÅÅ-MM-DD, till exempel "
            "'updated: 2026-11-28'."
        ],
    ),
    "the statement updated before the assessment": (
        replace("accessibility.yml", "\nupdated: 2026-11-28", "\nupdated: 2026-11-01"),
        [
            f"{A11Y}: updated (2026-11-01) är före assessed (2026-11-28). Uppdatera "
            "redogörelsen efter bedömningen och skriv det datumet i updated."
        ],
    ),
    "DIGG's form over http": (
        replace("accessibility.yml", "digg_form: https://", "digg_form: http://"),
        [
            f"{A11Y}: digg_form är 'http://www.digg.se/tdosanmalan', men ska vara adressen "
            "till Diggs formulär för att anmäla bristande tillgänglighet, som börjar med "
            "https://, till exempel 'digg_form: https://www.digg.se/tdosanmalan'."
        ],
    ),
    "an unknown key in accessibility.yml": (
        replace(
            "accessibility.yml", "\nupdated: 2026-11-28", "\nupdated: 2026-11-28\ncontact: a@b.se"
        ),
        [
            f"{A11Y}: nyckeln contact används inte. Använd compliance, shortcomings, assessed, "
            "method, updated, digg_form, feedback_email, feedback_phone, eller ta bort raden."
        ],
    ),
    "the statement page without its shortcode": (
        replace("tillganglighet.en.md", "<!-- notice:accessibility -->", ""),
        [
            "docs/tillganglighet.en.md: koden <!-- notice:accessibility --> saknas. Där den "
            "står bygger webbplatsen in tillgänglighetsredogörelsen: skriv den på en egen rad, "
            "med tomma rader före och efter."
        ],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_each_mistake_is_reported_with_file_line_and_fix(docs: Path, case: str) -> None:
    change, messages = CASES[case]
    change(docs)
    assert load(docs).problems == messages


def test_the_real_docs_have_no_problem(docs: Path) -> None:
    assert load(docs).problems == []


def test_markdown_aligns_table_columns_with_the_one_style_allowed(docs: Path) -> None:
    """Markdown writes a column's alignment (| :-- |) as style="text-align: ...;" on each cell:
    the only style a page may have, so a table aligned in Markdown builds."""
    table = "\n| Uppgift | Sparas | Varför |\n| :-- | --: | :-: |\n| Namn | 12 mån | Avtal |\n"
    for page in ("lagring.md", "lagring.en.md"):
        transform(page, lambda text: text + table.encode())(docs)
    notice = load(docs)
    assert notice.problems == []
    aligned = [("style", f"text-align: {side};") for side in ("left", "right", "center")]
    for page in ("lagring.md", "lagring.en.md"):
        cells = [a for tag, a in notice.rendered[page].elements if tag in ("th", "td")]
        assert cells == [[style] for style in aligned] * 2


def test_what_seom_has_not_supplied_is_listed_not_an_error(docs: Path) -> None:
    notice = load(docs)
    assert notice.problems == []
    assert [m.split(" saknas")[0] for m in notice.controller.missing] == [
        "docs/controller.yml: organisation_number",
        "docs/controller.yml: address",
        "docs/controller.yml: country",
        "docs/controller.yml: phone",
        "docs/controller.yml: email",
        "docs/controller.yml: representative",
        "docs/controller.yml: dpo_email och no_dpo",
    ]
    assert notice.controller.of("sv") == {
        "name": "Sollentuna Energi & Miljö AB",
        "short_name": "SEOM",
        "website": "https://www.seom.se/",
    }


def test_a_detail_given_in_one_language_only_is_missing_in_the_other(docs: Path) -> None:
    replace("controller.yml", "address:\n", "address:\n  sv: Box 1, 192 00 Sollentuna\n")(docs)
    replace("controller.yml", "no_dpo:\n", "no_dpo:\n  sv: Vi har inget ombud.\n  en:\n")(docs)
    notice = load(docs)
    assert notice.problems == []
    assert notice.controller.of("sv")["address"] == "Box 1, 192 00 Sollentuna"
    assert "address" not in notice.controller.of("en")
    missing = [m.split(" saknas")[0] for m in notice.controller.missing]
    assert "docs/controller.yml: address på engelska" in missing
    assert "docs/controller.yml: no_dpo på engelska" in missing
    assert "docs/controller.yml: address" not in missing


COMPLETE_CONTROLLER = {
    "organisation_number:\n": "organisation_number: 000000-0000\n",
    "address:\n": "address: Box 0, 000 00 Testby\n",
    "country:\n": "country: SE\n",
    "representative:\n": "representative: Test Testsson\n",
    "phone:\n": "phone: 08-000 000 00\n",
    "\nemail:\n": "\nemail: dataskydd@example.se\n",
    "no_dpo:\n": "no_dpo:\n  sv: Vi har inget dataskyddsombud.\n  en: We have none.\n",
}


def test_the_gdpr_report_counts_only_what_it_checked(docs: Path) -> None:
    report = gdpr.compliance_report(load(docs), "sv").splitlines()
    assert report[0] == (
        "GDPR-rapport (sv): vad meddelandet besvarar av det som artikel 13 och 14 kräver"
    )
    part = report.index("  Besvaras, med uppgifter som bygget har kontrollerat:")
    claimed = report.index(
        "  Anges av ett avsnitt, inte kontrollerat (läs texten och bedöm om den räcker):"
    )
    # Only what data shows: the retention every purpose states, and IMY's details.
    assert report[part + 1 : claimed] == [
        "    13.2.a hur länge uppgifterna sparas: avsnittet use (anvandning.md), docs/purposes.yml",
        "    13.2.d rätten att klaga hos Integritetsskyddsmyndigheten: avsnittet complaints "
        "(klagomal.md), docs/authority.yml",
    ]
    unanswered = report.index("  Besvaras inte:")
    assert report[claimed + 1 : unanswered] == [
        "    13.2.b rätten till tillgång, rättelse, radering, begränsning, invändning och "
        "dataportabilitet: avsnittet rights (rattigheter.md)"
    ]
    # A section's gdpr tag no longer counts where the purposes' data decide.
    assert (
        "    13.1.c ändamålen och den rättsliga grunden: uppgifter saknas i docs/purposes.yml: "
        "marknadsforing (legal_basis), utveckling (legal_basis)"
    ) in report
    assert (
        "    14.2.f varifrån uppgifterna kommer: uppgifter saknas i docs/purposes.yml: lagkrav "
        "(source), marknadsforing (source), utveckling (source)"
    ) in report
    assert report[unanswered + 1 : unanswered + 3] == [
        "    13.1.a den personuppgiftsansvariges identitet och kontaktuppgifter: uppgifter "
        "saknas i docs/controller.yml",
        "    13.1.b kontaktuppgifter till dataskyddsombudet: uppgifter saknas i "
        "docs/controller.yml",
    ]
    supply = report.index("  SEOM måste lämna (publiceringen vägrar tills de finns):")
    assert report[supply + 1].startswith("    - docs/controller.yml: organisation_number saknas")
    assert report[supply + 8] == (
        "    - docs/purposes.yml, ändamål 1 (leverans): recipients saknas (vilka slags mottagare "
        "som får uppgifterna). Fyll i den när SEOM har lämnat uppgiften."
    )


# The legitimate interest of the tests' marketing purpose (scripts/archives.py).
INTEREST = archives.INTEREST


def test_the_gdpr_report_checks_the_laws_items_from_the_purposes(docs: Path) -> None:
    (docs / "purposes.yml").write_text(archives.PURPOSES, encoding="utf-8")
    notice = load(docs)
    assert notice.problems == [] and notice.purposes_missing == []
    found = gdpr.items(notice, "en")
    by_data = ["13.1.c", "13.1.d", "13.1.e", "13.1.f", "13.2.a", "13.2.e", "13.2.f"]
    for code in [*by_data, "14.1.d", "14.2.f"]:
        assert found[code] == (
            gdpr.CHECKED,
            "avsnittet use (anvandning.en.md), docs/purposes.yml",
        ), code
    assert found["13.2.c"] == (
        gdpr.CHECKED,
        "docs/purposes.yml: inget ändamål grundar sig på samtycke (artikel 6.1 a)",
    )
    # A legitimate interest not named: 13.1.d is not answered.
    (docs / "purposes.yml").write_text(
        archives.PURPOSES.replace(
            INTEREST,
            "    interest:\n",
        ),
        encoding="utf-8",
    )
    assert gdpr.items(load(docs), "en")["13.1.d"] == (
        gdpr.UNANSWERED,
        "uppgifter saknas i docs/purposes.yml: marknadsforing (interest)",
    )
    # ... also while another purpose's basis is still to come: both are said.
    replace("purposes.yml", "legal_basis: b", "legal_basis:")(docs)
    assert gdpr.items(load(docs), "sv")["13.1.d"] == (
        gdpr.UNANSWERED,
        "docs/purposes.yml: legal_basis saknas för leverans; uppgifter saknas: marknadsforing "
        "(interest)",
    )
    # No purpose on legitimate interest: nothing to name, and that is the answer.
    (docs / "purposes.yml").write_text(
        archives.PURPOSES.replace("legal_basis: f", "legal_basis: b").replace(
            INTEREST,
            "",
        ),
        encoding="utf-8",
    )
    assert gdpr.items(load(docs), "sv")["13.1.d"] == (
        gdpr.CHECKED,
        "docs/purposes.yml: inget ändamål grundar sig på berättigat intresse (artikel 6.1 f)",
    )
    # Consent used: how to withdraw it is the text's to say, read by a person.
    (docs / "purposes.yml").write_text(
        archives.PURPOSES.replace("legal_basis: b", "legal_basis: a"), encoding="utf-8"
    )
    assert gdpr.items(load(docs), "sv")["13.2.c"] == (
        gdpr.CLAIMED,
        "avsnittet rights (rattigheter.md)",
    )
    # The data alone is not enough: a section has to show the purposes.
    (docs / "purposes.yml").write_text(archives.PURPOSES, encoding="utf-8")
    replace("anvandning.en.md", "<!-- notice:purposes -->", "")(docs)
    assert gdpr.items(load(docs), "en")["13.1.e"] == (
        gdpr.UNANSWERED,
        "inget avsnitt visar ändamålen i docs/purposes.yml (koden <!-- notice:purposes -->)",
    )


def test_the_gdpr_report_counts_seoms_details_once_supplied_and_shown(docs: Path) -> None:
    for old, new in COMPLETE_CONTROLLER.items():
        replace("controller.yml", old, new)(docs)
    report = gdpr.compliance_report(load(docs), "en").splitlines()
    part = report.index("  Besvaras, med uppgifter som bygget har kontrollerat:")
    assert report[part + 1 : part + 3] == [
        "    13.1.a den personuppgiftsansvariges identitet och kontaktuppgifter: avsnittet "
        "controller (personuppgiftsansvarig.en.md), docs/controller.yml",
        "    13.1.b kontaktuppgifter till dataskyddsombudet: avsnittet controller "
        "(personuppgiftsansvarig.en.md), docs/controller.yml",
    ]
    assert not [line for line in report if "docs/controller.yml:" in line]
    # The data alone is not enough: a section has to show it.
    replace("personuppgiftsansvarig.en.md", "<!-- notice:controller -->", "")(docs)
    report = gdpr.compliance_report(load(docs), "en").splitlines()
    assert (
        "    13.1.a den personuppgiftsansvariges identitet och kontaktuppgifter: inget avsnitt "
        "visar uppgifterna i docs/controller.yml (koden <!-- notice:controller -->)"
    ) in report


def test_a_symbolic_link_is_refused_and_not_read(docs: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not for publishing", encoding="utf-8")
    os.symlink(secret, docs / "hemligt.txt")
    os.symlink(tmp_path, docs / "mapp")
    notice = load(docs)
    assert notice.problems == [
        "docs/mapp/ är en genväg (symbolisk länk) till något utanför docs/. Genvägar "
        "publiceras inte: ta bort genvägen och lägg in en riktig kopia av filen i docs/.",
        "docs/hemligt.txt är en genväg (symbolisk länk) till något utanför docs/. Genvägar "
        "publiceras inte: ta bort genvägen och lägg in en riktig kopia av filen i docs/.",
    ]


# What is not a mistake


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("a byte order mark (Notepad)", transform("lagring.md", lambda b: b"\xef\xbb\xbf" + b)),
        ("Windows line endings", transform("lagring.md", lambda b: b.replace(b"\n", b"\r\n"))),
    ],
)
def test_utf8_is_read_the_same_with_or_without_bom_and_crlf(
    docs: Path, name: str, change: Change
) -> None:
    before = load(docs)
    change(docs)
    after = load(docs)
    assert after.problems == []
    assert after.pages["lagring.md"] == before.pages["lagring.md"]
    assert "retention" in [section.id for section in after.sections("sv")]


def test_gdpr_codes_keep_their_exact_text(docs: Path) -> None:
    replace("lagring.md", "gdpr: [13.2.a]", "gdpr: [13.2.a, 13.3, 14.4]")(docs)
    replace("lagring.en.md", "gdpr: [13.2.a]", "gdpr: [13.2.a, 13.3, 14.4]")(docs)
    notice = load(docs)
    assert notice.problems == []
    retention = next(s for s in notice.sections("sv") if s.id == "retention")
    assert retention.gdpr == ["13.2.a", "13.3", "14.4"]


def test_a_shortcode_in_code_is_text_and_is_not_expanded() -> None:
    markdown = (
        "Före\n\n```\n<!-- notice:summary -->\n```\n\n    <!-- notice:full -->\n\n"
        "Som kod: `<!-- notice:imy -->`.\n\n<!-- notice:history -->\n"
    )
    assert [m.group(1) for m in shortcodes.find(markdown, RENDER)] == ["history"]


def test_an_indented_list_continuation_is_not_code() -> None:
    markdown = "- En punkt\n\n    <!-- notice:imy -->\n"
    assert [m.group(1) for m in shortcodes.find(markdown, RENDER)] == ["imy"]


def test_code_is_what_markdown_shows_as_code() -> None:
    markdown = (
        "- En punkt\n\n    ```\n    <!-- notice:imy -->\n    ```\n\n"
        "> Citat:\n>\n>     <!-- notice:full -->\n\n"
        "  ```\n  <!-- notice:changes -->\n  ```\n\n"
        "<!-- Notice: Summary -->\n\n```\n<!-- notice:history -->\n"
    )
    # A fence in a list, code in a quote and a fence indented by two are code; an unclosed
    # fence is not (Markdown shows its text), and spaces and capitals do not matter.
    assert [shortcodes.name_of(m) for m in shortcodes.find(markdown, RENDER)] == [
        "summary",
        "history",
    ]


def test_the_sections_follow_the_order_of_sections_yml(docs: Path) -> None:
    replace("sections.yml", "  complaints: Hur du klagar hos Integritetsskyddsmyndigheten\n", "")(
        docs
    )
    replace("sections.yml", "sections:\n", "sections:\n  complaints: Klagomål\n")(docs)
    notice = load(docs)
    assert notice.problems == []
    assert notice.nav()[:2] == ["klagomal.md", "personuppgiftsansvarig.md"]
    assert [s.id for s in notice.sections("en")][:2] == ["complaints", "controller"]


def test_no_known_shortcoming_and_fully_compliant_is_valid(docs: Path) -> None:
    transform(
        "accessibility.yml",
        lambda b: re.sub(rb"\nshortcomings:.*?\n\n", b"\nshortcomings: []\n\n", b, flags=re.S),
    )(docs)
    replace("accessibility.yml", "compliance: delvis förenlig", "compliance: helt förenlig")(docs)
    notice = load(docs)
    assert notice.problems == []
    assert notice.accessibility["en"]["compliance"] == "helt förenlig"
    assert notice.accessibility["en"]["shortcomings"] == []
    assert notice.accessibility["sv"]["assessed"] == dt.date(2026, 11, 28)


def test_several_mistakes_are_reported_together(docs: Path) -> None:
    delete("lagring.en.md")(docs)
    replace("klagomal.md", "section: complaints", "section: complaint")(docs)
    replace("authority.yml", "email: imy@imy.se\n", "")(docs)
    assert len(load(docs).problems) == 3


# The guide for editors shows what the build prints


GUIDE_EXAMPLES: dict[str, Change] = {
    # The first message of each example in REDIGERA.md: the mistakes that produce it.
    "docs/sections.yml: avsnittet 'dpo'": replace(
        "sections.yml", "  collection:", "  dpo: Hur du når vårt dataskyddsombud\n  collection:"
    ),
    "docs/insamling.md, rad 3": both(
        replace(
            "insamling.md",
            "summary: Vi samlar in uppgifter från dig, när du använder våra tjänster och ibland "
            "från andra, till exempel inför kunderbjudanden.",
            "summary: Så här gör vi: vi samlar in uppgifter från dig och ibland från andra.",
        ),
        delete("lagring.en.md"),
        replace("anvandning.md", "gdpr: [13.1.c]", "gdpr: [13.1.c, 13.1.g]"),
        replace("anvandning.en.md", "gdpr: [13.1.c]", "gdpr: [13.1.c, 13.1.g]"),
        replace("delning.md", "section: sharing", "section: delning"),
    ),
    "docs/versions.yml, version 2 (2027-03-01)": replace(
        "versions.yml",
        "en: The first version of the privacy notice on this website.\n",
        "en: The first version of the privacy notice on this website.\n"
        "- version: 2027-03-01\n  summary:\n    sv: Kortare tid.\n    en: A shorter time.\n",
    ),
    "docs/kontakt.md: sidan med kontaktformuläret": replace("kontakt.md", " {#form-data}", ""),
    "docs/rattigheter.md, rad 30: länken": replace(
        "rattigheter.md", "(klagomal.md)", "(klagomaal.md)"
    ),
    "docs/accessibility.yml: compliance är 'helt förenlig'": replace(
        "accessibility.yml", "compliance: delvis förenlig", "compliance: helt förenlig"
    ),
}


def guide_examples() -> list[list[str]]:
    """The messages of each build error shown in REDIGERA.md."""
    text = guide()
    blocks = re.findall(r"```text\nERROR   -  Innehållet har \d+ fel\..*?\n(.*?)```", text, re.S)
    return [[line[4:] for line in b.splitlines() if line.startswith("  - ")] for b in blocks]


def test_every_example_in_the_guide_is_what_the_build_prints(tmp_path: Path) -> None:
    examples = guide_examples()
    assert len(examples) == len(GUIDE_EXAMPLES)
    for messages in examples:
        key = next(k for k in GUIDE_EXAMPLES if messages[0].startswith(k))
        docs = Path(shutil.copytree(NOTICE_DOCS, tmp_path / key.replace("/", "_")))
        GUIDE_EXAMPLES[key](docs)
        assert load(docs).problems == messages


def guide_block(first_line: str) -> list[str]:
    """The lines of the ```text block in REDIGERA.md that starts with `first_line`."""
    text = guide()
    block = re.search(rf"```text\n({re.escape(first_line)}.*?)```", text, re.S)
    assert block, f"REDIGERA.md has no example starting {first_line!r}"
    return [line for line in block.group(1).splitlines() if line.strip() != "..."]


def test_the_guides_gdpr_report_is_part_of_what_the_build_prints(docs: Path) -> None:
    report = gdpr.compliance_report(load(docs), "sv").splitlines()
    example = guide_block("GDPR-rapport (sv)")
    assert [line for line in example if line not in report] == []
    assert [report.index(line) for line in example] == sorted(report.index(x) for x in example)


def test_the_guides_publish_refusal_is_what_make_publish_says(docs: Path) -> None:
    from mkdocs.config import load_config

    from notice.publishing.errors import PublishError
    from notice.publishing.operations import read_notice

    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    with pytest.raises(PublishError) as refused:
        read_notice(docs, config)
    said = f"make publish: {refused.value}".splitlines()
    example = guide_block("make publish: SEOM:s uppgifter")
    assert example == said[: len(example)]


# Files: only regular files, each what its name says, within its size (rule 4, issue 17)


def test_only_regular_files_are_taken_and_never_opened_otherwise(
    docs: Path, tmp_path: Path
) -> None:
    import socket

    outside = tmp_path / "hemlig.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 8)
    os.link(outside, docs / "hardlank.png")
    os.mkfifo(docs / "pipa.md")  # reading it would wait for ever
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(docs / "uttag.png"))
        problems = load(docs).problems
    assert problems == [
        "docs/hardlank.png är en hård länk: samma fil finns också någon annanstans på datorn, "
        "och det som publiceras kunde ändras därifrån. Lägg in en egen kopia av filen i docs/ i "
        "stället.",
        "docs/pipa.md är en namngiven pipe (FIFO), inte en vanlig fil. Ta bort den: i docs/ "
        "ligger bara sidor, datafiler, bilder och dokument.",
        "docs/uttag.png är en socket, inte en vanlig fil. Ta bort den: i docs/ ligger bara "
        "sidor, datafiler, bilder och dokument.",
    ]


def test_an_image_is_what_its_name_says_and_within_its_size(docs: Path) -> None:
    (docs / "logo.png").write_bytes(b"<svg onload=alert(1)>")
    (docs / "foto.jpg").write_bytes(b"\x89PNG\r\n\x1a\n")  # a PNG under a JPEG's name
    (docs / "stor.webp").write_bytes(b"RIFF\0\0\0\0WEBP" + b"\0" * (2 * 1024 * 1024))
    (docs / "ratt.gif").write_bytes(b"GIF89a")
    (docs / "lang.md").write_bytes(b"# Rubrik\n\n" + b"text " * 220_000)
    assert load(docs).problems == [
        "docs/foto.jpg: filen är inte en JPG-fil, fast namnet säger det (dess första byte säger "
        "något annat). Spara den på nytt som JPG i ett bildprogram, eller ge den rätt namn.",
        "docs/lang.md är 1,05 MB, och en fil av typen .md får vara högst 100 kB. Dela upp "
        "texten på flera sidor.",
        "docs/logo.png: filen är inte en PNG-fil, fast namnet säger det (dess första byte säger "
        "något annat). Spara den på nytt som PNG i ett bildprogram, eller ge den rätt namn.",
        "docs/stor.webp är 2,01 MB, och en fil av typen .webp får vara högst 2 MB. Spara "
        "bilden mindre (lägre upplösning) i ett bildprogram.",
    ]


# Bounded work: what editors never need, refused before it costs anything (rule 5, issue 17)


@pytest.mark.parametrize(
    ("yaml_text", "line", "message"),
    [
        (
            # Eight lines that a YAML loader expands to hundreds of megabytes.
            "sections:\n  controller: &a [x, x, x, x, x, x, x, x, x]\n  use: &b [*a, *a, *a]\n",
            2,
            "& och * (ankare och alias) och ! (taggar) används inte i de här filerna. Skriv ut "
            "värdet där det behövs, och sätt text som börjar med &, * eller ! inom citattecken "
            '("...").',
        ),
        (
            "sections:\n  controller: !!python/object/apply:os.system [ls]\n",
            2,
            "& och * (ankare och alias) och ! (taggar) används inte i de här filerna. Skriv ut "
            "värdet där det behövs, och sätt text som börjar med &, * eller ! inom citattecken "
            '("...").',
        ),
        (
            "sections:\n  controller: " + "[" * 40 + "]" * 40 + "\n",
            2,
            "värdena ligger i fler än 8 nivåer inuti varandra. Filerna har högst tre nivåer: "
            "kontrollera indragen och hakparenteserna.",
        ),
    ],
    ids=["aliases", "a tag", "nesting"],
)
def test_yaml_aliases_tags_and_deep_nesting_are_refused(
    docs: Path, yaml_text: str, line: int, message: str
) -> None:
    (docs / "sections.yml").write_text(yaml_text, encoding="utf-8")
    problems = load(docs).problems
    assert f"docs/sections.yml, rad {line}: {message}" in problems


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Se [[[[klagomål]]]](klagomal.md).",
            "docs/lagring.md, rad 15: fler än 3 hakparenteser [ är öppna på en gång i samma "
            "stycke. En länk skrivs [text](adress): stäng varje [ med ], eller ta bort de [ som "
            "inte behövs.",
        ),
        (
            "Text\n\n" + "![" * 10_000,  # minutes of Python-Markdown's work, before
            "docs/lagring.md, rad 17: fler än 3 hakparenteser [ är öppna på en gång i samma "
            "stycke. En länk skrivs [text](adress): stäng varje [ med ], eller ta bort de [ som "
            "inte behövs.",
        ),
        (
            "*" * 3000 + "a" + "*" * 3000,  # a traceback, before
            "docs/lagring.md: texten ligger i för många nivåer inuti varandra för att kunna "
            "visas (listor i listor, citat i citat, eller * och _ inuti varandra). Skriv den "
            "enklare: högst några nivåer.",
        ),
    ],
    ids=["nested brackets", "brackets never closed", "emphasis inside emphasis"],
)
def test_markdown_whose_work_is_unbounded_is_refused_before_it_renders(
    docs: Path, text: str, message: str
) -> None:
    page = docs / "lagring.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")
    assert load(docs).problems == [message]


def test_brackets_that_close_and_escaped_ones_are_text() -> None:
    for text in ("[[a]] [b](c.md) [[[d]]]", "\\[\\[\\[\\[ e", "[ [ [\n\n[ [ ["):
        assert sources.markdown_shape_problem("x.md", text) is None, text


def test_all_pages_together_are_within_their_size(docs: Path) -> None:
    for number in range(6):
        (docs / f"kopia-{number}.md").write_text("# Kopia\n\n" + "text " * 18_000)
    total = sum(page.stat().st_size for page in docs.rglob("*.md"))
    problems = load(docs).problems
    assert problems[0] == (
        f"docs/: sidorna (.md) är tillsammans {-(-total // 1024)} kB och får vara högst 200 kB. "
        "Kontrollera att "
        "inga sidor eller kopior har hamnat i docs/ av misstag, och dela annars upp meddelandet "
        "i färre, kortare avsnitt."
    )
    assert not any("hakparentes" in problem or "rubrik" in problem for problem in problems)


def test_thousands_of_elements_outside_the_allowlist_give_thirty(docs: Path) -> None:
    page = docs / "lagring.md"
    tags = "\n".join(f'<a href="http://a.example/{n}">x</a>' for n in range(2000))
    page.write_text(page.read_text(encoding="utf-8") + "\n" + tags + "\n", encoding="utf-8")
    problems = load(docs).problems
    assert len(problems) == 31
    assert problems[0].startswith("docs/lagring.md, rad 15: länken 'http://a.example/0' är ")
    assert problems[-1].startswith("docs/lagring.md: och fler fel av samma slag.")


def test_thousands_of_mistakes_on_a_page_give_thirty_and_how_to_go_on(docs: Path) -> None:
    page = docs / "lagring.md"
    links = "\n\n".join(f"Se [IMY](klagomaal-{n}.md)." for n in range(2000))
    page.write_text(page.read_text(encoding="utf-8") + "\n" + links + "\n", encoding="utf-8")
    problems = load(docs).problems
    assert len(problems) == 31
    assert problems[0].startswith(
        "docs/lagring.md, rad 15: länken 'klagomaal-0.md' leder till en sida som inte finns"
    )
    assert problems[-1] == (
        "docs/lagring.md: och fler fel av samma slag. Rätta dem som står här, så visar nästa "
        "bygge resten."
    )


@pytest.mark.parametrize(
    ("rendered", "closed"),
    [
        ("<p>Text.</p>\n<p>END</p>", True),
        ("<p>Text.</p>\n<p>END</p>\n\n", True),
        ("<blockquote>\nText.\n\nEND", False),  # a raw block Markdown leaves open
        ("<p>Det är <em>du</p>\n<p>END</p>", False),  # the parser carries <em> on
        ('<p>Text.</p>\n<p id="x">END</p>', False),
        ("<p>Text.</p>\n<p>END <em>mer</em></p>", False),
        ("<p>Text.</p>\n<p>END<em>mer</em></p>", False),
        ("<p>Text.\n\nEND", False),
    ],
)
def test_a_section_closes_what_it_opens_as_a_browser_reads_it(rendered: str, closed: bool) -> None:
    assert html.ends_with_paragraph(rendered, "END") is closed


def test_the_statements_channel_for_feedback_is_seoms_to_supply(docs: Path, project: Path) -> None:
    """Neither feedback_email nor feedback_phone: not an error, but the review lists it and
    `make publish` refuses (notice.publishing.operations.read_notice); one of them is enough."""
    from mkdocs.config import load_config

    from notice.publishing.errors import PublishError
    from notice.publishing.operations import read_notice

    config = load_config(str(project / "mkdocs.yml"))
    for old, new in COMPLETE_CONTROLLER.items():
        replace("controller.yml", old, new)(docs)
    (docs / "purposes.yml").write_text(archives.PURPOSES, encoding="utf-8")
    replace("accessibility.yml", "digg_form:", archives.METHOD + "digg_form:")(docs)
    notice = load(docs)
    assert notice.problems == [] and notice.controller.missing == []
    assert notice.statement_missing == [
        "docs/accessibility.yml: feedback_email och feedback_phone saknas (den e-postadress "
        "eller det telefonnummer där läsaren kan anmäla brister i tillgängligheten och be om "
        "innehåll i en annan form). Fyll i minst en av dem när SEOM har lämnat uppgiften."
    ]
    with pytest.raises(PublishError) as refused:
        read_notice(docs, config)
    assert str(refused.value) == (
        "Tillgänglighetsredogörelsen saknar det som bara SEOM kan lämna, så ingenting "
        "publiceras. Fyll i det i docs/accessibility.yml när SEOM har lämnat det:\n  - "
        + notice.statement_missing[0]
    )
    replace("accessibility.yml", "digg_form:", "feedback_phone: 08-000 000 01\ndigg_form:")(docs)
    notice = load(docs)
    assert notice.problems == [] and notice.statement_missing == []
    assert notice.accessibility["en"]["feedback_phone"] == "08-000 000 01"
    assert read_notice(docs, config).statement_missing == []


def test_an_empty_interest_is_no_interest(docs: Path) -> None:
    replace(
        "purposes.yml", "legal_basis: b\n", "legal_basis: b\n    interest:\n      sv:\n      en:\n"
    )(docs)
    assert load(docs).problems == []


def test_what_seom_has_not_said_of_a_purpose_is_missing_and_publishing_waits(
    docs: Path, project: Path
) -> None:
    """An empty key of docs/purposes.yml: not an error (the site is built and says it is
    missing), listed for the editors, and `make publish` refuses until SEOM has said it."""
    from mkdocs.config import load_config

    from notice.publishing.errors import PublishError
    from notice.publishing.operations import read_notice

    config = load_config(str(project / "mkdocs.yml"))
    for old, new in COMPLETE_CONTROLLER.items():
        replace("controller.yml", old, new)(docs)
    replace(
        "accessibility.yml",
        "digg_form:",
        "feedback_phone: 08-000 000 01\n" + archives.METHOD + "digg_form:",
    )(docs)
    notice = load(docs)
    assert notice.problems == [] and notice.controller.missing == []
    assert notice.purposes_missing[:2] == [
        "docs/purposes.yml, ändamål 1 (leverans): recipients saknas (vilka slags mottagare som "
        "får uppgifterna). Fyll i den när SEOM har lämnat uppgiften.",
        "docs/purposes.yml, ändamål 1 (leverans): transfers saknas (om uppgifterna förs över "
        "till länder utanför EU/EES, och med vilket skydd, eller att de inte gör det). Fyll i "
        "den när SEOM har lämnat uppgiften.",
    ]
    assert (
        "docs/purposes.yml, ändamål 3 (marknadsforing): legal_basis saknas (den rättsliga "
        "grunden, en bokstav a–f ur artikel 6.1 i dataskyddsförordningen). Fyll i den när SEOM "
        "har bestämt den."
    ) in notice.purposes_missing
    [marketing] = [p for p in notice.purposes if p.id == "marknadsforing"]
    assert marketing.legal_basis is None and marketing.direct_marketing and marketing.objection
    with pytest.raises(PublishError) as refused:
        read_notice(docs, config)
    assert str(refused.value) == (
        "Ändamålen i docs/purposes.yml saknar det som bara SEOM kan lämna, så meddelandet "
        "publiceras inte. Fyll i det när SEOM har lämnat det:\n"
        + "\n".join(f"  - {message}" for message in notice.purposes_missing)
    )
    # SEOM has said it, in one language: the translation is the editors' to write, an error.
    (docs / "purposes.yml").write_text(
        archives.PURPOSES.replace("      en: Our printers.\n", ""), encoding="utf-8"
    )
    notice = load(docs)
    assert notice.problems == [
        "docs/purposes.yml, ändamål 2 (marknadsforing): recipients på engelska saknas, men finns "
        "på svenska. Skriv översättningen på raden '      en: ...' under 'recipients:'."
    ]
    assert notice.purposes_missing == []
    (docs / "purposes.yml").write_text(archives.PURPOSES, encoding="utf-8")
    notice = read_notice(docs, config)
    assert notice.purposes_missing == []
    assert [(p.id, p.legal_basis, p.objection) for p in notice.purposes] == [
        ("leverans", "b", False),
        ("marknadsforing", "f", True),
    ]


def test_the_report_lists_the_sentences_seom_must_decide_on_as_seom_wrote_them(
    docs: Path,
) -> None:
    replace(
        "insamling.md",
        "gdpr: [14.1.d, 14.2.f]",
        "gdpr: [14.1.d, 14.2.f]\ndecide:\n  - sentence: >-\n      Det är du själv som avgör om"
        "\n      du vill lämna uppgifter till oss.\n    question: Vilka uppgifter krävs?",
    )(docs)
    notice = load(docs)
    assert notice.problems == []
    report = gdpr.compliance_report(notice, "sv").splitlines()
    part = report.index(
        "  SEOM måste avgöra (meningar i SEOM:s text som är oklara eller går emot lagen; de står "
        "kvar som SEOM skrev dem tills SEOM har bestämt sig):"
    )
    assert report[part + 1] == (
        "    - avsnittet collection (insamling.md): ”Det är du själv som avgör om du vill lämna "
        "uppgifter till oss.” Vilka uppgifter krävs?"
    )
    assert report[part + 2].startswith("  SEOM måste lämna")
    # The sentence stays in the text as SEOM wrote it: the site still shows it.
    text = " ".join(w for block in notice.rendered["insamling.md"].blocks for w in block)
    assert "Det är du själv som avgör om du vill lämna uppgifter till oss." in text
    # Each language's report lists its own pages' sentences: none in English here.
    assert not [
        line for line in gdpr.compliance_report(notice, "en").splitlines() if "avgöra" in line
    ]


def test_how_the_site_was_assessed_is_seoms_to_say(docs: Path) -> None:
    """method: SEOM's self-assessment, never written for SEOM. Missing: not an error, but the
    statement says so and publishing waits (statement_missing); one language missing names it."""
    assert load(docs).statement_missing[-1] == (
        "docs/accessibility.yml: method saknas (hur webbplatsen har bedömts: vem som bedömde "
        "den, och hur, med SEOM:s ord). Fyll i den när SEOM har beskrivit bedömningen; "
        "REDIGERA.md avsnitt 11 har ett förslag som SEOM kan bekräfta eller ändra."
    )
    replace("accessibility.yml", "digg_form:", "method:\n  sv: SEOM har bedömt den.\ndigg_form:")(
        docs
    )
    # SEOM has described it in Swedish: the English is the editors' to write, an error.
    assert load(docs).problems == [
        "docs/accessibility.yml: method på engelska saknas, men finns på svenska. Skriv "
        "översättningen på raden '  en: ...' under 'method:'."
    ]
