"""GDPR Art. 13 and 14: the codes editors tag sections with, and the coverage report."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from notice.model import Section


def compliance_report(sections: list[Section], locale: str) -> str:
    lines = [f"GDPR-rapport ({locale}): vilka punkter i artikel 13 varje avsnitt besvarar"]
    covered: set[str] = set()
    width = max((len(s.source.path) for s in sections), default=0)
    for section in sections:
        codes = [c for c in section.gdpr if c in ARTICLE_13]
        others = [c for c in section.gdpr if c not in ARTICLE_13]
        covered.update(codes)
        text = ", ".join(codes) or "inga"
        if others:
            text += f" (även {', '.join(others)})"
        lines.append(f"  {section.source.path:<{width}}  {section.id}: {text}")
    missing = [code for code in ARTICLE_13 if code not in covered]
    if missing:
        lines.append("  Inget avsnitt besvarar:")
        lines += [f"    {code} {ARTICLE_13[code]}" for code in missing]
    else:
        lines.append("  Alla punkter i artikel 13 besvaras.")
    return "\n".join(lines)


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
