"""GDPR Art. 13 and 14: the codes editors tag sections with, and the coverage report.

The report tells the truth about what is checked. An item whose answer is data in docs/
(SEOM's contact details, the DPO, IMY's details, and what each purpose in docs/purposes.yml
says) counts as answered only when that data is complete and a section shows it (its
shortcode); an item a section only claims with a `gdpr` code is "claimed, not checked": a
person has to read the text. And it lists what SEOM must still supply before the notice can
be published.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from notice import data, shortcodes

if TYPE_CHECKING:
    from notice.model import Notice, Section


@dataclass(frozen=True)
class Backed:
    """An item answered by data: where the data lives, and the shortcode that shows it."""

    file: str
    shortcode: str
    keys: tuple[str, ...]  # all of them (or, for the DPO, any of them) must be there
    any_of: bool = False


CHECKED, CLAIMED, UNANSWERED = "checked", "claimed", "unanswered"
# What each state means, for a review's list of what changes.
STATES = {
    CHECKED: "besvaras, med uppgifter som bygget har kontrollerat",
    CLAIMED: "anges av ett avsnitt, inte kontrollerat",
    UNANSWERED: "besvaras inte",
}


# The keys of docs/purposes.yml that are a purpose's attributes, not texts per language.
ATTRIBUTES = ("legal_basis", "obligation", "third_countries")


@dataclass(frozen=True)
class ByPurpose:
    """An item answered by each purpose of docs/purposes.yml: the keys every purpose (or, with
    ``basis``, every purpose on that legal basis) must have."""

    keys: tuple[str, ...]
    basis: str | None = None
    # With ``basis``: that no purpose rests on it answers the item ("none rests on consent").
    none_is_an_answer: str = ""


def items(notice: Notice, locale: str) -> dict[str, tuple[str, str]]:
    """Each item reported: {code: (state, where it is answered or what is missing)}."""
    sections = notice.sections(locale)
    shown = {name: section for section in sections for name in _shortcodes(section, notice)}
    out = {}
    for code in REPORTED:
        claimants = [s for s in sections if code in s.gdpr]
        by_purpose = BY_PURPOSE.get(code) if notice.purposes else None
        if by_purpose is not None:
            answer = _by_purpose(notice, locale, by_purpose, shown.get("purposes"))
            if answer is not None:
                out[code] = answer
                continue
        backed = BACKED.get(code)
        if backed is None:
            out[code] = (CLAIMED, _names(claimants)) if claimants else (UNANSWERED, "")
            continue
        values = _data(notice, backed.file, locale)
        present = [key for key in backed.keys if key in values]
        complete = bool(present) if backed.any_of else len(present) == len(backed.keys)
        section = shown.get(backed.shortcode)
        if complete and section is not None:
            out[code] = (CHECKED, f"{_names([section])}, docs/{backed.file}")
        elif not complete:
            out[code] = (UNANSWERED, f"uppgifter saknas i docs/{backed.file}")
        else:
            out[code] = (
                UNANSWERED,
                f"inget avsnitt visar uppgifterna i docs/{backed.file} "
                f"(koden <!-- notice:{backed.shortcode} -->)",
            )
    return out


def _by_purpose(
    notice: Notice, locale: str, item: ByPurpose, section: Section | None
) -> tuple[str, str] | None:
    """The item's state from the purposes; None when they do not decide it (consent used)."""
    where = f"docs/{data.PURPOSES_FILE}"
    unknown = [p.id for p in notice.purposes if p.legal_basis is None]
    concerned = [p for p in notice.purposes if item.basis is None or p.legal_basis == item.basis]
    gaps = [
        f"{p.id} ({key})"
        for p in concerned
        for key in item.keys
        if (getattr(p, key) is None if key in ATTRIBUTES else not p.of(locale).get(key))
    ]
    if item.basis is not None:
        if unknown:  # any of them may rest on the basis
            return (
                UNANSWERED,
                f"{where}: legal_basis saknas för {', '.join(unknown)}"
                + (f"; uppgifter saknas: {', '.join(gaps)}" if gaps else ""),
            )
        if not concerned:
            return (CHECKED, f"{where}: {item.none_is_an_answer}")
        if not item.keys:  # consent is used: the text must say how to withdraw it
            return None
    if gaps:
        return (UNANSWERED, f"uppgifter saknas i {where}: {', '.join(gaps)}")
    if section is None:
        return (
            UNANSWERED,
            f"inget avsnitt visar ändamålen i {where} (koden <!-- notice:purposes -->)",
        )
    return (CHECKED, f"{_names([section])}, {where}")


def compliance_report(notice: Notice, locale: str) -> str:
    found = items(notice, locale)

    def listed(state: str) -> list[str]:
        return [
            f"    {code} {REPORTED[code]}" + (f": {detail}" if detail else "")
            for code, (each, detail) in found.items()
            if each == state
        ]

    unanswered = listed(UNANSWERED)
    others = [
        f"    {_names([section])}: {', '.join(extra)}"
        for section in notice.sections(locale)
        if (extra := [c for c in section.gdpr if c not in REPORTED])
    ]
    lines = [
        f"GDPR-rapport ({locale}): vad meddelandet besvarar av det som artikel 13 och 14 kräver"
    ]
    lines += _part("Besvaras, med uppgifter som bygget har kontrollerat:", listed(CHECKED))
    lines += _part(
        "Anges av ett avsnitt, inte kontrollerat (läs texten och bedöm om den räcker):",
        listed(CLAIMED),
    )
    lines += _part("Besvaras inte:", unanswered)
    lines += _part("Andra GDPR-koder i avsnitten:", others)
    decisions = [
        f"    - {_names([section])}: ”{sentence}” {question}"
        for section in notice.sections(locale)
        for sentence, question in section.decide
    ]
    lines += _part(
        "SEOM måste avgöra (meningar i SEOM:s text som är oklara eller går emot lagen; de står "
        "kvar som SEOM skrev dem tills SEOM har bestämt sig):",
        decisions,
    )
    missing = [*notice.controller.missing, *notice.purposes_missing]
    lines += _part(
        "SEOM måste lämna (publiceringen vägrar tills de finns):",
        [f"    - {message}" for message in missing],
    )
    if not unanswered and not missing and not decisions:
        lines.append("  Alla punkter i artikel 13 och 14 som rapporten följer besvaras.")
    return "\n".join(lines)


def changes(before: Notice, after: Notice, locale: str) -> list[str]:
    """The items whose answer differs between two versions: "13.1.f överföring ...: besvaras
    inte, nu anges av ett avsnitt, inte kontrollerat (avsnittet use (anvandning.md))"."""
    old, new = items(before, locale), items(after, locale)
    out = []
    for code, (state, detail) in new.items():
        was, _ = old.get(code, (UNANSWERED, ""))
        if was != state:
            where = f" ({detail})" if detail else ""
            out.append(f"{code} {REPORTED[code]}: {STATES[was]}, nu {STATES[state]}{where}")
    return out


def _shortcodes(section: Section, notice: Notice) -> set[str]:
    return {
        shortcodes.name_of(match)
        for match in shortcodes.find(section.source.body, notice.markdown.render)
    }


def _data(notice: Notice, file: str, locale: str) -> dict[str, str]:
    if file == data.CONTROLLER_FILE:
        return notice.controller.of(locale)
    return notice.authority.get(locale, {})


def _names(sections: list[Section]) -> str:
    return ", ".join(f"avsnittet {s.id} ({s.source.path})" for s in sections)


def _part(title: str, lines: list[str]) -> list[str]:
    return [f"  {title}", *lines] if lines else []


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
# What the report follows: Art. 13, and the two items Art. 14 adds for data from others.
REPORTED = {**ARTICLE_13, "14.1.d": ARTICLE_14["14.1.d"], "14.2.f": ARTICLE_14["14.2.f"]}
# Valid in front matter, but only owed when SEOM plans to use data for a new purpose.
FURTHER_PROCESSING = {"13.3": "behandling för nya ändamål"}
GDPR_CODES = {**ARTICLE_13, **FURTHER_PROCESSING, **ARTICLE_14}
# The items each purpose of docs/purposes.yml answers: counted only when every purpose has them
# and a section shows the purposes (<!-- notice:purposes -->).
BY_PURPOSE = {
    "13.1.c": ByPurpose(("purpose", "legal_basis")),
    "13.1.d": ByPurpose(
        ("interest",), "f", "inget ändamål grundar sig på berättigat intresse (artikel 6.1 f)"
    ),
    "13.1.e": ByPurpose(("recipients",)),
    "13.1.f": ByPurpose(("third_countries", "transfers")),
    "13.2.a": ByPurpose(("retention",)),
    "13.2.c": ByPurpose((), "a", "inget ändamål grundar sig på samtycke (artikel 6.1 a)"),
    "13.2.e": ByPurpose(("obligation", "required")),
    "13.2.f": ByPurpose(("automated",)),
    "14.1.d": ByPurpose(("data",)),
    "14.2.f": ByPurpose(("source",)),
}
# The items whose answer is data in docs/: counted only when the data is there and shown.
BACKED = {
    "13.1.a": Backed(
        data.CONTROLLER_FILE,
        "controller",
        ("name", "organisation_number", "address", "phone", "email"),
    ),
    "13.1.b": Backed(data.CONTROLLER_FILE, "controller", data.DPO_KEYS, any_of=True),
    "13.2.d": Backed(data.AUTHORITY_FILE, "imy", data.AUTHORITY_REQUIRED),
}
