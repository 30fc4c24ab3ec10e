"""The editors' data files in docs/: sections.yml, versions.yml, authority.yml,
controller.yml, purposes.yml and accessibility.yml.

Each reader takes the file's bytes (None when it is missing), reports every problem as a message
for the editors (Swedish, naming the file, the entry or key, and the fix) and returns what it
could read.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from notice import allowlist, dates, form, lookalike, sources
from notice.languages import LANGUAGE_NAMES
from notice.model import Controller, Purpose, Version

SECTIONS_FILE = "sections.yml"
VERSIONS_FILE = "versions.yml"
AUTHORITY_FILE = "authority.yml"
CONTROLLER_FILE = "controller.yml"
ACCESSIBILITY_FILE = "accessibility.yml"
PURPOSES_FILE = "purposes.yml"


# docs/sections.yml: the sections, in the order the site shows them


def read_sections(data: bytes | None, problems: list[str]) -> dict[str, str]:
    """{section id: description}, in the file's order."""
    where = f"docs/{SECTIONS_FILE}"
    loaded = _load(
        SECTIONS_FILE,
        data,
        problems,
        "Den listar avsnitten som texten består av, i den ordning de visas.",
        "Skriv varje avsnitt som '  namn: beskrivning' på en egen rad under 'sections:'.",
    )
    if loaded is None:
        return {}
    if isinstance(loaded, list) or isinstance((loaded or {}).get("sections"), list):
        problems.append(
            f"{where}: avsnitten står som en lista med '-'. Skriv dem under 'sections:' som "
            "'  namn: beskrivning', ett per rad, utan '-'."
        )
        return {}
    loaded = loaded or {}
    sections = loaded.get("sections") if isinstance(loaded, dict) else None
    # A section written without its indentation: report it here, and count it as known so
    # that its pages are not reported too.
    stray = {k: v for k, v in loaded.items() if k != "sections"} if isinstance(loaded, dict) else {}
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
        looks = ""
        if not key.isascii() and SECTION_ID.fullmatch(lookalike.skeleton(key)):
            looks = f" Det ser ut som '{lookalike.skeleton(key)}', men har tecken som inte är a–z."
        problems.append(
            f"{where}: avsnittsnamnet '{key}' är ogiltigt.{looks} Använd små bokstäver a–z, "
            "siffror och bindestreck, till exempel 'retention'."
        )
    return {str(key): str(value) for key, value in sections.items() if str(key) not in bad}


# docs/versions.yml: the versions of the notice, newest first


def read_versions(
    data: bytes | None,
    languages: list[str],
    today: dt.date,
    problems: list[str],
    sections: list[str] | None = None,
    pages: dict[str, str | None] | None = None,
) -> list[Version]:
    """The versions, newest first; [] when the file cannot be used.

    ``english_checked`` may name ``sections`` (ids) and ``pages`` that are not sections (the
    default language's pages, {file name: its section id, or None}); without ``sections``
    (docs/sections.yml is reported) any name is taken.
    """
    where = f"docs/{VERSIONS_FILE}"
    entries = _load(
        VERSIONS_FILE,
        data,
        problems,
        "Den listar versionerna av meddelandet, den nyaste först: skapa den med en version "
        "('- version: ÅÅÅÅ-MM-DD' och 'summary:' på svenska och engelska).",
        "Skriv varje version som '- version: ÅÅÅÅ-MM-DD' följt av 'summary:' och en rad per "
        "språk, indragna med mellanslag, och sätt texten inom citattecken om den innehåller "
        "kolon (:).",
    )
    if entries is None:
        return []
    if not isinstance(entries, list) or not entries:
        problems.append(
            f"{where}: filen ska vara en lista med minst en version, den nyaste först. Börja "
            "varje version med '- version: ÅÅÅÅ-MM-DD' och skriv under den 'summary:' med en "
            "rad per språk ('  sv: ...' och '  en: ...')."
        )
        return []
    before = len(problems)
    versions: list[Version] = []
    seen: dict[dt.date, int] = {}
    previous: tuple[int, dt.date] | None = None
    for number, entry in enumerate(entries, start=1):
        name = entry_name(number, entry)
        if not isinstance(entry, dict):
            problems.append(
                f"{name}: versionen ska ha nycklarna version och summary, till exempel "
                "'- version: 2026-12-01' och på nästa rad '  summary:'."
            )
            continue
        date = parse_date(entry.get("version"))
        if date is None:
            problems.append(
                f"{name}: version ska vara det datum versionen gäller från, ett datum som "
                "finns, skrivet ÅÅÅÅ-MM-DD, till exempel 'version: 2026-12-01'."
            )
        elif date in seen:
            problems.append(
                f"{name}: datumet finns redan i version {seen[date]}. Varje version ska ha "
                "ett eget datum: ändra datumet eller ta bort den ena versionen."
            )
        else:
            if previous and date > previous[1]:
                problems.append(
                    f"{name}: versionen är nyare än version {previous[0]} "
                    f"({previous[1].isoformat()}), som står ovanför den. Den nyaste versionen "
                    f"står överst. Är version {previous[0]} en ny version som du lägger till: ge "
                    f"den ett datum efter den {dates.long_date(date, 'sv')}. Flytta aldrig en "
                    "version som redan är publicerad."
                )
            if number == 1 and date > today + MAX_AHEAD:
                problems.append(
                    f"{name}: datumet ligger mer än ett år fram i tiden. Stämmer årtalet? Skriv "
                    "det datum då versionen börjar gälla."
                )
            seen[date] = number
            previous = (number, date)
        summary = _summary(name, entry.get("summary"), languages, problems)
        checked = _english_checked(
            name, entry.get(ENGLISH_CHECKED), sections, pages or {}, problems
        )
        if date is not None and summary is not None:
            versions.append(Version(date, summary, checked))
    return versions if len(problems) == before else []


def _summary(
    where: str, summary: object, languages: list[str], problems: list[str]
) -> dict[str, str] | None:
    if not isinstance(summary, dict):
        problems.append(
            f"{where}: summary ska ha en text per språk om vad som ändrats, på egna rader "
            "under 'summary:', till exempel '    sv: Vi sparar uppgifterna kortare tid.' och "
            "'    en: We keep the data for a shorter time.'"
        )
        return None
    missing = [
        locale
        for locale in languages
        if not isinstance(summary.get(locale), str) or not summary[locale].strip()
    ]
    problems += [
        f"{where}: summary på {LANGUAGE_NAMES.get(locale, locale)} saknas. Skriv vad "
        f"som ändrats, för läsaren, på raden '    {locale}: ...' under 'summary:'."
        for locale in missing
    ]
    return None if missing else {locale: " ".join(summary[locale].split()) for locale in languages}


def _english_checked(
    where: str,
    value: object,
    sections: list[str] | None,
    pages: dict[str, str | None],
    problems: list[str],
) -> tuple[str, ...]:
    """english_checked: sections (ids) and other pages (file names) whose English was checked."""
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(
            f"{where}: {ENGLISH_CHECKED} ska vara en lista inom hakparenteser med de avsnitt vars "
            "engelska text är kontrollerad och inte behöver ändras, till exempel "
            f"'{ENGLISH_CHECKED}: [retention, use]'."
        )
        return ()
    names = tuple(item if isinstance(item, str) else str(item) for item in value)
    for item, name in zip(value, names, strict=True):
        if sections is None or (isinstance(item, str) and name in sections):
            continue
        if isinstance(item, str) and pages.get(name):
            problems.append(
                f"{where}: {ENGLISH_CHECKED} innehåller '{name}', som är avsnittet "
                f"{pages[name]}. Skriv avsnittets namn i stället: {pages[name]}."
            )
        elif not isinstance(item, str) or name not in pages:
            problems.append(
                f"{where}: {ENGLISH_CHECKED} innehåller '{name}', som inte är något avsnitt "
                f"eller någon sida. Skriv avsnittets namn (section), ett av {', '.join(sections)}, "
                "eller för en sida som inte är ett avsnitt dess svenska filnamn, till exempel "
                "kontakt.md."
            )
    return names


def entry_name(number: int, entry: object) -> str:
    """How a message names an entry: "docs/versions.yml, version 2 (2026-05-01)"."""
    version = entry.get("version") if isinstance(entry, dict) else None
    date = f" ({version})" if isinstance(version, str) and version else ""
    return f"docs/{VERSIONS_FILE}, version {number}{date}"


def parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not DATE.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


# docs/authority.yml: the supervisory authority (IMY), where readers can complain


def read_authority(
    data: bytes | None, languages: list[str], problems: list[str]
) -> dict[str, dict[str, str]]:
    """{locale: {key: value}}: every key of AUTHORITY_KEYS in every language."""
    where = f"docs/{AUTHORITY_FILE}"
    loaded = _load(
        AUTHORITY_FILE,
        data,
        problems,
        "Den innehåller tillsynsmyndighetens (IMY:s) kontaktuppgifter: skapa den med nycklarna "
        + ", ".join(AUTHORITY_REQUIRED)
        + ".",
        "Skriv varje uppgift som 'nyckel: värde' på en egen rad, och uppgifter som skiljer sig "
        "mellan språken som 'nyckel:' följt av '  sv: ...' och '  en: ...' på egna rader.",
    )
    if loaded is None:
        return {}
    loaded = loaded if isinstance(loaded, dict) else {}
    before = len(problems)
    out = _per_language(where, loaded, AUTHORITY_KEYS, languages, problems, optional=("phone",))
    problems += _unknown_keys(where, loaded, AUTHORITY_KEYS)
    return out if len(problems) == before else {}


# docs/controller.yml: the controller, SEOM: who is responsible and how to reach them


def read_controller(data: bytes | None, languages: list[str], problems: list[str]) -> Controller:
    where = f"docs/{CONTROLLER_FILE}"
    loaded = _load(
        CONTROLLER_FILE,
        data,
        problems,
        "Den innehåller SEOM:s egna uppgifter som personuppgiftsansvarig: skapa den med "
        "nycklarna " + ", ".join(CONTROLLER_KEYS) + ", och lämna en nyckel tom tills SEOM har "
        "lämnat uppgiften.",
        "Skriv varje uppgift som 'nyckel: värde' på en egen rad, och uppgifter som skiljer sig "
        "mellan språken som 'nyckel:' följt av '  sv: ...' och '  en: ...' på egna rader.",
    )
    loaded = loaded if isinstance(loaded, dict) else {}
    missing: list[tuple[str, str, str, str]] = []
    values = _per_language(
        where, loaded, CONTROLLER_KEYS, languages, problems, missing, optional=("logo",)
    )
    problems += _unknown_keys(where, loaded, CONTROLLER_KEYS)
    controller = Controller(values)
    dpo = [key for key in DPO_KEYS if any(key in v for v in values.values())]
    if len(dpo) == 2:
        problems.append(
            f"{where}: både dpo_email och no_dpo är ifyllda. Fyll i dpo_email om SEOM har ett "
            "dataskyddsombud, annars no_dpo, och lämna den andra tom."
        )
    details = [key for key in DPO_DETAILS if any(key in v for v in values.values())]
    if "no_dpo" in dpo and details:
        problems.append(
            f"{where}: {' och '.join(details)} är ifyllda"[: -1 if len(details) == 1 else None]
            + ", men no_dpo säger att SEOM inte har något dataskyddsombud. Ta bort "
            + ("den" if len(details) == 1 else "dem")
            + ", eller fyll i dpo_email i stället för no_dpo."
        )
    for key, language, what, _example in missing:
        if key in DPO_KEYS and key not in dpo:  # the other one is given, or neither (below)
            continue
        if key in DPO_DETAILS and "dpo_email" not in dpo:  # asked for only with a DPO
            continue
        controller.missing.append(
            f"{where}: {key}{language} saknas ({what}). Fyll i den när SEOM har lämnat uppgiften."
        )
    if not dpo:
        controller.missing.append(
            f"{where}: dpo_email och no_dpo saknas (dataskyddsombudets e-postadress, eller att "
            "SEOM inte har utsett något dataskyddsombud, och varför). Fyll i en av dem när SEOM "
            "har lämnat uppgiften."
        )
    return controller


# docs/purposes.yml: the purposes of the processing, each with what GDPR Art. 13 and 14 ask


def read_purposes(
    data: bytes | None, languages: list[str], problems: list[str], missing: list[str]
) -> list[Purpose]:
    """The purposes in the file's order; [] when the file cannot be used.

    What SEOM has not said yet (an empty key) is not an error: ``missing`` gets a message for
    the editors, the site says it is missing, and `make publish` refuses (as with SEOM's
    details). A purpose's name (purpose) is not optional: the entry is that purpose."""
    where = f"docs/{PURPOSES_FILE}"
    loaded = _load(
        PURPOSES_FILE,
        data,
        problems,
        "Den listar ändamålen med behandlingen, ett per punkt under 'purposes:': skapa den "
        "enligt REDIGERA.md, avsnitt 13.",
        "Skriv varje ändamål som en punkt under 'purposes:' ('  - id: namn') och varje uppgift "
        "som 'nyckel:' följt av '      sv: ...' och '      en: ...' på egna rader.",
    )
    if loaded is None:
        return []
    entries = loaded.get("purposes") if isinstance(loaded, dict) else None
    if not isinstance(entries, list) or not entries:
        problems.append(
            f"{where}: purposes saknas eller är ingen lista. Skriv varje ändamål som en punkt "
            "under 'purposes:', som börjar med '  - id: namn' (se REDIGERA.md, avsnitt 13)."
        )
        return []
    before = len(problems)
    problems += _unknown_keys(where, loaded, {"purposes": None})
    out: list[Purpose] = []
    seen: dict[str, int] = {}
    for number, entry in enumerate(entries, start=1):
        name = f"{where}, ändamål {number}"
        if not isinstance(entry, dict):
            problems.append(
                f"{name}: ändamålet ska ha nycklarna {', '.join(PURPOSE_KEYS)}, var och en på "
                "en egen rad, till exempel '  - id: leverans' och under den '    purpose:'."
            )
            continue
        purpose_id = entry.get("id")
        if not isinstance(purpose_id, str) or not SECTION_ID.fullmatch(purpose_id):
            given = f"id är '{purpose_id}'. " if purpose_id not in (None, "") else ""
            suggestion = sources.suggest_name(str(purpose_id or "")).removesuffix(".md")
            example = suggestion if purpose_id and SECTION_ID.fullmatch(suggestion) else "leverans"
            problems.append(
                f"{name}: {given}id ska vara ett kort namn för ändamålet, med små bokstäver a–z "
                f"(utan å, ä och ö), siffror och bindestreck, till exempel 'id: {example}'. Det "
                "blir en del av sidans adress och ändras aldrig."
            )
            continue
        name = f"{name} ({purpose_id})"
        if purpose_id in seen:
            problems.append(
                f"{name}: id '{purpose_id}' har redan ändamål {seen[purpose_id]}. Ge varje "
                "ändamål ett eget id."
            )
        seen.setdefault(purpose_id, number)
        out.append(_purpose(name, purpose_id, entry, languages, problems, missing))
    return out if len(problems) == before else []


def _purpose(
    name: str,
    purpose_id: str,
    entry: dict,
    languages: list[str],
    problems: list[str],
    missing: list[str],
) -> Purpose:
    basis = entry.get("legal_basis")
    if basis is not None and not isinstance(basis, str):
        problems.append(
            f"{name}: legal_basis ska vara en bokstav på en rad, utan hakparenteser eller '-', "
            "till exempel 'legal_basis: b'. Har ändamålet flera rättsliga grunder: dela upp det "
            "i ett ändamål per grund."
        )
    basis = basis.strip().lower() if isinstance(basis, str) and basis.strip() else None
    if basis is not None and basis not in LEGAL_BASES:
        problems.append(
            f"{name}: legal_basis är '{basis}', men ska vara en av bokstäverna i artikel 6.1 i "
            "dataskyddsförordningen: "
            + ", ".join(f"{letter} ({what})" for letter, what in LEGAL_BASES.items())
            + ". Till exempel 'legal_basis: b'. Lämna den tom tills SEOM har bestämt den."
        )
    keys = {k: v for k, v in PURPOSE_TEXTS.items() if k != "interest" or basis == "f"}
    gaps: list[tuple[str, str, str, str]] = []
    texts = _per_language(name, entry, keys, languages, problems, gaps)
    for key in keys:
        value = entry.get(key)
        if isinstance(value, str) and value.strip() and len(languages) > 1:
            problems.append(
                f"{name}: {key} står på en rad för alla språk. Skriv texten på varje språk, på "
                f"egna rader under '{key}:' ('      {languages[0]}: ...' och "
                f"'      {languages[1]}: ...')."
            )
    interest = entry.get("interest")
    written = interest.values() if isinstance(interest, dict) else [interest]
    if basis != "f" and any(not isinstance(v, str) or v.strip() for v in written if v is not None):
        problems.append(
            f"{name}: interest är ifylld, men legal_basis är inte f (berättigat intresse). "
            "Skriv intresset bara för ett ändamål med 'legal_basis: f', eller ta bort raden."
        )
    marketing = entry.get("direct_marketing")
    if marketing in (None, ""):  # SEOM has not said: the right to object may be owed
        missing.append(
            f"{name}: direct_marketing saknas (ja om ändamålet är direkt marknadsföring, annars "
            "nej). Fyll i den när SEOM har sagt det."
        )
    elif marketing not in ("ja", "nej"):
        shown = f"'{marketing}'" if isinstance(marketing, str) else "ingen text på en rad"
        problems.append(
            f"{name}: direct_marketing är {shown}, men ska vara ja eller nej: ja om ändamålet "
            "är direkt marknadsföring (då visar sidan rätten att invända), annars nej."
        )
    problems += _unknown_keys(name, entry, PURPOSE_KEYS)
    if basis is None:
        missing.append(
            f"{name}: legal_basis saknas (den rättsliga grunden, en bokstav a–f ur artikel 6.1 "
            "i dataskyddsförordningen). Fyll i den när SEOM har bestämt den."
        )
    for key in dict.fromkeys(gap[0] for gap in gaps):  # each key once, in order
        what = keys[key][0]
        untranslated = _untranslated(name, key, texts, languages, "      ")
        if untranslated:  # SEOM has said it: what is missing is a translation
            problems += untranslated
        elif key == "purpose":
            problems.append(
                f"{name}: purpose saknas. Skriv vad ändamålet är på varje språk, till exempel "
                f"'      {languages[0]}: {PURPOSE_TEXTS['purpose'][2]}'."
            )
        else:
            missing.append(
                f"{name}: {key} saknas ({what}). Fyll i den när SEOM har lämnat uppgiften."
            )
    obligation = entry.get("obligation")
    if obligation in (None, ""):  # SEOM has not said
        missing.append(
            f"{name}: obligation saknas (lag om en lag kräver att personen lämnar uppgifterna, "
            "avtal om ett avtal kräver det eller det behövs för att ingå avtalet, annars nej). "
            "Fyll i den när SEOM har sagt det."
        )
    elif obligation not in OBLIGATIONS:
        shown = f"'{obligation}'" if isinstance(obligation, str) else "ingen text på en rad"
        problems.append(
            f"{name}: obligation är {shown}, men ska vara lag, avtal eller nej: lag om en lag "
            "kräver att personen lämnar uppgifterna, avtal om ett avtal kräver det eller det "
            "behövs för att ingå avtalet, annars nej."
        )
    countries = entry.get("third_countries")
    codes: tuple[str, ...] | None = None
    if countries in (None, ""):  # SEOM has not said
        missing.append(
            f"{name}: third_countries saknas (nej om uppgifterna inte förs över till något land "
            "utanför EU/EES, annars landskoderna, till exempel 'US, IN'). Fyll i den när SEOM "
            "har sagt det."
        )
    elif countries == "nej":
        codes = ()
    else:
        given = countries.split(",") if isinstance(countries, str) else []
        codes = tuple(code.strip() for code in given)
        if not codes or not all(COUNTRY.fullmatch(code) for code in codes):
            shown = f"'{countries}'" if isinstance(countries, str) else "ingen text på en rad"
            problems.append(
                f"{name}: third_countries är {shown}, men ska vara nej, eller landskoderna (ISO "
                "3166-1, två stora bokstäver) för länderna utanför EU/EES som uppgifterna förs "
                "över till, åtskilda med komma, till exempel 'third_countries: US, IN'."
            )
            codes = None
    return Purpose(
        purpose_id,
        basis if basis in LEGAL_BASES else None,
        {"ja": True, "nej": False}.get(marketing) if isinstance(marketing, str) else None,
        texts,
        obligation if obligation in OBLIGATIONS else None,
        codes,
    )


# docs/accessibility.yml: the accessibility statement (DOS-lagen, DIGG's MDFFS 2019:2)


def read_accessibility(
    data: bytes | None,
    languages: list[str],
    today: dt.date,
    problems: list[str],
    missing: list[str] | None = None,
) -> dict[str, dict[str, Any]]:
    """{locale: statement}: every key in every language, dates as dates, and the shortcomings
    as a list of {what, reason, details, alternative}; {} when anything is wrong.

    The channel for feedback (feedback_email, feedback_phone: at least one) and how the site
    was assessed (method: the self-assessment is SEOM's to state) are SEOM's to supply: while
    either is missing, ``missing`` gets a message for the editors, the statement says it is
    missing, and `make publish` refuses (as with SEOM's details)."""
    where = f"docs/{ACCESSIBILITY_FILE}"
    loaded = _load(
        ACCESSIBILITY_FILE,
        data,
        problems,
        "Den innehåller tillgänglighetsredogörelsen (sidan tillganglighet.md): skapa den med "
        "nycklarna " + ", ".join(ACCESSIBILITY_KEYS) + ".",
        "Skriv varje uppgift som 'nyckel: värde' på en egen rad, och uppgifter som skiljer sig "
        "mellan språken som 'nyckel:' följt av '  sv: ...' och '  en: ...' på egna rader.",
    )
    if loaded is None:
        return {}
    loaded = loaded if isinstance(loaded, dict) else {}
    before = len(problems)
    scalars = {k: v for k, v in ACCESSIBILITY_KEYS.items() if k != "shortcomings"}
    for key in ("assessed", "updated"):
        what, _, example = scalars[key]
        scalars[key] = (what, lambda v: (d := parse_date(v)) is not None and d <= today, example)
    out: dict[str, dict[str, Any]] = _per_language(
        where, loaded, scalars, languages, problems, optional=(*FEEDBACK_KEYS, "method")
    )
    if not any(loaded.get(key) for key in FEEDBACK_KEYS):
        (missing if missing is not None else problems).append(
            f"{where}: feedback_email och feedback_phone saknas (den e-postadress eller det "
            "telefonnummer där läsaren kan anmäla brister i tillgängligheten och be om innehåll "
            "i en annan form). Fyll i minst en av dem när SEOM har lämnat uppgiften."
        )
    untranslated = _untranslated(where, "method", out, languages, "  ")
    if untranslated:  # SEOM has described it: what is missing is a translation
        problems += untranslated
    elif not out[languages[0]].get("method"):
        (missing if missing is not None else problems).append(
            f"{where}: method saknas (hur webbplatsen har bedömts: vem som bedömde den, och hur, "
            "med SEOM:s ord). Fyll i den när SEOM har beskrivit bedömningen; REDIGERA.md avsnitt "
            "11 har ett förslag som SEOM kan bekräfta eller ändra."
        )
    items = _shortcomings(where, loaded.get("shortcomings"), languages, problems)
    problems += _unknown_keys(where, loaded, ACCESSIBILITY_KEYS)
    if len(problems) > before:
        return {}
    first = out[languages[0]]
    problems += _statement_agrees(where, first, items[languages[0]])
    for locale in languages:
        out[locale]["shortcomings"] = items[locale]
        for key in ("assessed", "updated"):
            out[locale][key] = parse_date(out[locale][key])
    return out if len(problems) == before else {}


def _shortcomings(
    where: str, value: object, languages: list[str], problems: list[str]
) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {locale: [] for locale in languages}
    if not isinstance(value, list):
        problems.append(
            f"{where}: shortcomings saknas eller är ingen lista. Skriv varje brist som en punkt "
            "under 'shortcomings:' ('  - what: ...' och på egna rader reason, details och "
            "alternative), eller 'shortcomings: []' om webbplatsen inte har några kända brister."
        )
        return out
    for number, entry in enumerate(value, start=1):
        name = f"{where}, shortcomings punkt {number}"
        if not isinstance(entry, dict):
            problems.append(
                f"{name}: punkten ska ha nycklarna {', '.join(SHORTCOMING_KEYS)}, var och en på "
                "en egen rad, till exempel '  - what: ...' och under den '    reason: ...'."
            )
            continue
        values = _per_language(name, entry, SHORTCOMING_KEYS, languages, problems)
        problems += _unknown_keys(name, entry, SHORTCOMING_KEYS)
        for locale in languages:
            out[locale].append(values[locale])
    return out


def _statement_agrees(where: str, statement: dict, items: list[dict[str, str]]) -> list[str]:
    """The compliance that the shortcomings support: none unmet for "helt", some otherwise."""
    unmet = [n for n, item in enumerate(items, start=1) if item["reason"] == REASONS[0]]
    compliance = statement["compliance"]
    if compliance == COMPLIANCE[0] and unmet:
        return [
            f"{where}: compliance är '{compliance}', men shortcomings punkt {unmet[0]} har "
            f"reason '{REASONS[0]}'. Skriv 'compliance: {COMPLIANCE[1]}' så länge bristen "
            "finns, eller ta bort punkten när den är åtgärdad."
        ]
    if compliance != COMPLIANCE[0] and not unmet:
        return [
            f"{where}: compliance är '{compliance}', men ingen punkt under shortcomings har "
            f"reason '{REASONS[0]}'. Beskriv de krav som inte uppfylls under shortcomings, "
            f"eller skriv 'compliance: {COMPLIANCE[0]}' om webbplatsen uppfyller alla krav."
        ]
    if statement["updated"] < statement["assessed"]:
        return [
            f"{where}: updated ({statement['updated']}) är före assessed "
            f"({statement['assessed']}). Uppdatera redogörelsen efter bedömningen och skriv "
            "det datumet i updated."
        ]
    return []


def _per_language(
    where: str,
    loaded: dict,
    keys: dict,
    languages: list[str],
    problems: list[str],
    missing: list[tuple[str, str, str, str]] | None = None,
    optional: tuple[str, ...] = (),
) -> dict[str, dict[str, str]]:
    """{locale: {key: value}} for ``keys`` ({key: (what, check, example)}) of a mapping.

    A key has one value for every language, or one per language under it ('  sv: ...'). An
    empty value is a problem, unless its key is ``optional``, or ``missing`` collects it as
    (key, " på <language>" or "", what it is, an example): not an error, but not there yet.
    """
    out: dict[str, dict[str, str]] = {locale: {} for locale in languages}
    for key, (what, valid, fix) in keys.items():
        value = loaded.get(key)
        per_language = value if isinstance(value, dict) else {None: value}
        codes = " och ".join(f"'{code}:'" for code in languages)
        for other in per_language if isinstance(value, dict) else []:
            if other not in languages:
                problems.append(
                    f"{where}: {key} har en rad för språket '{other}', som webbplatsen inte "
                    f"har. Skriv texten under {codes}."
                )
        for locale in languages if isinstance(value, dict) else [None]:
            item = per_language.get(locale)
            text_ = " ".join(item.split()) if isinstance(item, str) else ""
            language = f" på {LANGUAGE_NAMES.get(locale, locale)}" if locale else ""
            if item is not None and not isinstance(item, str):
                problems.append(
                    f"{where}: {key}{language} ska vara en text på en rad, utan hakparenteser "
                    f"eller '-', till exempel '{key}: {fix}'."
                )
            elif not text_:
                if key in optional:
                    continue
                if missing is not None:
                    missing.append((key, language, what, fix))
                    continue
                problems.append(
                    f"{where}: {key}{language} saknas eller är tom. Skriv {what}, till exempel "
                    f"'{key}: {fix}'."
                )
            elif not valid(text_):
                problems.append(
                    f"{where}: {key}{language} är '{text_}', men ska vara {what}, till exempel "
                    f"'{key}: {fix}'."
                )
            else:
                for target in [locale] if locale else languages:
                    out[target][key] = text_
    return out


def _untranslated(
    where: str, key: str, values: dict[str, dict], languages: list[str], indent: str
) -> list[str]:
    """A text given in some languages and not in others: the translation is the editors' to
    write (an error), not something SEOM has yet to supply. [] when every language or none has
    it."""
    given = [locale for locale in languages if values[locale].get(key)]
    if not given:
        return []
    return [
        f"{where}: {key} på {LANGUAGE_NAMES.get(locale, locale)} saknas, men finns på "
        f"{LANGUAGE_NAMES.get(given[0], given[0])}. Skriv översättningen på raden "
        f"'{indent}{locale}: ...' under '{key}:'."
        for locale in languages
        if not values[locale].get(key)
    ]


def _unknown_keys(where: str, loaded: dict, keys: dict) -> list[str]:
    return [
        f"{where}: raden '{key}:' står på fel nivå: den hör till nyckeln ovanför. Dra in den två "
        "mellanslag längre än den nyckeln, så att texten hamnar under den."
        if key in LANGUAGE_NAMES
        else f"{where}: nyckeln {key} används inte. Använd "
        + ", ".join(keys)
        + ", eller ta bort raden."
        for key in loaded
        if key not in keys
    ]


def _https(value: str) -> bool:
    """An https: address as a browser reads it (notice/allowlist.py, WHATWG URLs), written
    plainly: visible ASCII, no backslash (which a browser reads as a slash)."""
    return (
        value.startswith("https://")
        and PLAIN_URL.fullmatch(value) is not None
        and "\\" not in value
        and allowlist.url_kind(value) == "https"
    )


def _phone(value: str) -> bool:
    """A phone number as people write it: digits, spaces, hyphens, brackets, a leading +."""
    return PHONE.fullmatch(value) is not None


def _load(name: str, data: bytes | None, problems: list[str], missing: str, fix: str) -> Any:
    """A data file's YAML; None (after reporting) when it is missing or cannot be read."""
    if data is None:
        problems.append(f"docs/{name} saknas. {missing}")
        return None
    text = sources.decode(name, data, problems)
    return None if text is None else sources.load_yaml(text, f"docs/{name}", 1, problems, fix)


AUTHORITY_KEYS = {
    # key: (what it is, for the message; a check; an example)
    "name": ("myndighetens namn", bool, "Integritetsskyddsmyndigheten"),
    "abbreviation": ("myndighetens förkortning", bool, "IMY"),
    "url": (
        "adressen till myndighetens webbplats, som börjar med https://",
        _https,
        "https://www.imy.se/",
    ),
    "email": ("myndighetens e-postadress", form.valid_address, "imy@imy.se"),
    "address": ("myndighetens postadress", bool, "Box 8114, 104 20 Stockholm"),
    # Shown when given; taken from the authority's own contact page, never from elsewhere.
    "phone": (
        "myndighetens telefonnummer, med siffror, mellanslag och bindestreck, så som det står "
        "på myndighetens egen kontaktsida",
        _phone,
        "08-000 000 00",
    ),
}
AUTHORITY_REQUIRED = tuple(key for key in AUTHORITY_KEYS if key != "phone")
# How the site meets the requirements (WCAG 2.1 AA, through EN 301 549): DIGG's three words.
COMPLIANCE = ("helt förenlig", "delvis förenlig", "inte förenlig")
# Why content is not accessible: DIGG's three headings, in their order.
REASONS = (
    "bristande förenlighet",
    "oskäligt betungande anpassning",
    "utanför lagens tillämpningsområde",
)
ACCESSIBILITY_KEYS = {
    "compliance": (
        "hur väl webbplatsen uppfyller kraven, ett av " + ", ".join(COMPLIANCE),
        lambda value: value in COMPLIANCE,
        "delvis förenlig",
    ),
    "shortcomings": ("", bool, ""),  # a list: read_accessibility reads it
    "assessed": (
        "dagen då webbplatsens tillgänglighet senast bedömdes, ett datum som har varit, "
        "skrivet ÅÅÅÅ-MM-DD",
        bool,
        "2026-11-28",
    ),
    "method": ("hur webbplatsen bedömdes", bool, "Vi har testat webbplatsen själva."),
    "updated": (
        "dagen då redogörelsen senast uppdaterades, ett datum som har varit, skrivet ÅÅÅÅ-MM-DD",
        bool,
        "2026-11-28",
    ),
    "digg_form": (
        "adressen till Diggs formulär för att anmäla bristande tillgänglighet, som börjar med "
        "https://",
        _https,
        "https://www.digg.se/tdosanmalan",
    ),
    "feedback_email": (
        "den e-postadress där läsaren kan anmäla brister i tillgängligheten",
        form.valid_address,
        "webb@example.se",
    ),
    "feedback_phone": (
        "det telefonnummer där läsaren kan anmäla brister i tillgängligheten, med siffror, "
        "mellanslag och bindestreck",
        _phone,
        "08-000 000 00",
    ),
}
# The statement's channel for feedback: SEOM supplies at least one (read_accessibility).
FEEDBACK_KEYS = ("feedback_email", "feedback_phone")
SHORTCOMING_KEYS = {
    "what": ("vilket innehåll som inte är tillgängligt och hur", bool, "Språkväljaren ..."),
    "reason": (
        "varför, ett av " + ", ".join(REASONS),
        lambda value: value in REASONS,
        REASONS[0],
    ),
    "details": (
        "vilket krav som inte uppfylls, varför anpassningen vore oskäligt betungande eller "
        "varför innehållet ligger utanför lagen",
        bool,
        "WCAG 2.1, 3.1.2 ...",
    ),
    "alternative": ("hur läsaren kan få innehållet på ett annat sätt", bool, "Kontakta oss ..."),
}
# The keys of docs/controller.yml; SEOM supplies each (none is ever invented). dpo_email and
# no_dpo are alternatives: the DPO's address, or a statement that none is appointed, and why.
CONTROLLER_KEYS = {
    "name": ("SEOM:s juridiska namn", bool, "Sollentuna Energi & Miljö AB"),
    "short_name": ("det korta namnet, som står i sidhuvudet", bool, "SEOM"),
    "organisation_number": (
        "organisationsnumret, sex siffror, bindestreck och fyra siffror",
        lambda value: ORGANISATION_NUMBER.fullmatch(value) is not None,
        "556000-0000",
    ),
    "address": ("postadressen", bool, "Box 000, 192 00 Sollentuna"),
    "country": (
        "landet där SEOM finns, som landskod med två stora bokstäver (ISO 3166-1)",
        lambda value: COUNTRY.fullmatch(value) is not None,
        "SE",
    ),
    "phone": (
        "telefonnumret, med siffror, mellanslag och bindestreck",
        _phone,
        "08-000 000 00",
    ),
    "email": (
        "e-postadressen för frågor om personuppgifter",
        form.valid_address,
        "dataskydd@example.se",
    ),
    "representative": (
        "namnet på den person som företräder SEOM i frågor om personuppgifter",
        bool,
        "Förnamn Efternamn",
    ),
    "dpo_email": (
        "dataskyddsombudets e-postadress",
        form.valid_address,
        "dataskyddsombud@example.se",
    ),
    "dpo_name": (
        "dataskyddsombudets namn",
        bool,
        "Förnamn Efternamn",
    ),
    "dpo_address": (
        "dataskyddsombudets postadress, i samma land som SEOM",
        bool,
        "Box 000, 192 00 Sollentuna",
    ),
    "no_dpo": (
        "att SEOM inte har utsett något dataskyddsombud, och varför",
        bool,
        "SEOM har inte utsett något dataskyddsombud eftersom ...",
    ),
    "website": (
        "adressen till SEOM:s webbplats, som börjar med https://",
        _https,
        "https://www.seom.se/",
    ),
    "logo": (
        "namnet på en bildfil i docs/ (png, jpg eller webp) med SEOM:s logotyp, som SEOM har "
        "lämnat, eller tomt: då står SEOM:s korta namn som text i stället",
        lambda value: LOGO.fullmatch(value) is not None,
        "bilder/seom-logotyp.png",
    ),
}
DPO_KEYS = ("dpo_email", "no_dpo")
# The DPO's name and address: asked for only when SEOM has one (dpo_email).
DPO_DETAILS = ("dpo_name", "dpo_address")
# GDPR Art. 6(1): the letter of each legal basis, and what it is, for the editors' messages.
LEGAL_BASES = {
    "a": "samtycke",
    "b": "avtal",
    "c": "rättslig förpliktelse",
    "d": "grundläggande intressen",
    "e": "allmänt intresse eller myndighetsutövning",
    "f": "berättigat intresse",
}
# A purpose's texts, one per language: (what it is, for the message; a check; an example).
PURPOSE_TEXTS = {
    "purpose": ("vad ändamålet är", bool, "Leverera de tjänster du har avtal om"),
    "interest": (
        "vilket berättigat intresse behandlingen grundar sig på",
        bool,
        "Att kunna erbjuda våra kunder ...",
    ),
    "data": ("vilka slags personuppgifter som används", bool, "Namn, adress och mätarvärden"),
    "source": (
        "varifrån uppgifterna kommer: från personen själv eller från vilka andra",
        bool,
        "Från dig, och från ...",
    ),
    "recipients": ("vilka slags mottagare som får uppgifterna", bool, "Våra IT-leverantörer"),
    "transfers": (
        "om uppgifterna förs över till länder utanför EU/EES, och med vilket skydd, eller att "
        "de inte gör det",
        bool,
        "Nej, uppgifterna behandlas bara inom EU/EES.",
    ),
    "retention": (
        "hur länge uppgifterna sparas, en tid eller regeln som bestämmer den",
        bool,
        "Så länge du är kund och tolv månader efter det.",
    ),
    "required": (
        "om personen måste lämna uppgifterna, och vad som händer om hen inte gör det",
        bool,
        "Ja: utan dem kan vi inte ...",
    ),
    "automated": (
        "om uppgifterna används för automatiserade beslut eller profilering, eller att de inte "
        "gör det",
        bool,
        "Nej.",
    ),
}
PURPOSE_KEYS = {
    "id": None,
    "legal_basis": None,
    "direct_marketing": None,
    "obligation": None,
    "third_countries": None,
    **PURPOSE_TEXTS,
}
# GDPR Art. 13(2)(e): whether the person must provide the data, by law, by contract (or to
# enter into one), or not at all. The words editors write.
OBLIGATIONS = ("lag", "avtal", "nej")
LOGO = re.compile(r"(?:[a-z0-9][a-z0-9-]*/)*[a-z0-9][a-z0-9-]*\.(?:png|jpg|jpeg|webp)")
COUNTRY = re.compile(r"[A-Z]{2}")
ORGANISATION_NUMBER = re.compile(r"\d{6}-\d{4}")
PHONE = re.compile(r"\+?[0-9][0-9 ()-]{5,}[0-9]")
PLAIN_URL = re.compile(r"[!-~]+")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The key of a version's entry that acknowledges an English text checked against the Swedish.
ENGLISH_CHECKED = "english_checked"
SECTION_ID = re.compile(r"[a-z][a-z0-9-]*")
# A newest version further ahead than this is a mistyped year (2207 for 2027).
MAX_AHEAD = dt.timedelta(days=366)
