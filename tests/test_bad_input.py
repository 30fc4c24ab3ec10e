"""Each kind of editing mistake stops the real build with a message naming file and fix.

Each case changes one thing in a copy of the real sources, runs `mkdocs build --strict` and
asserts the exit status, the exact message an editor reads, and that no site was written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import build, copy_project

HEADER = "Innehållet har 1 fel. Rätta det och bygg igen:\n  - "


def replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {path}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def delete(path: str) -> Callable[[Path], None]:
    return lambda project: (project / path).unlink()


CASES = {
    "missing translation": (
        delete("docs/lagring.en.md"),
        "docs/lagring.md: översättning till engelska saknas. Skapa docs/lagring.en.md med samma "
        "innehåll på engelska (och samma section i front matter).",
    ),
    "missing Swedish original": (
        delete("docs/delning.md"),
        "docs/delning.en.md: översättning till svenska saknas. Skapa docs/delning.md med samma "
        "innehåll på svenska (och samma section i front matter).",
    ),
    "front matter that is not YAML": (
        replace("docs/lagring.md", "summary: Vi sparar", "summary: Obs: Vi sparar"),
        "docs/lagring.md, rad 3: front matter är inte giltig YAML (mapping values are not "
        "allowed here). Skriv varje inställning som 'nyckel: värde' på en egen rad, och sätt "
        "texten inom citattecken om den innehåller kolon (:) eller börjar med ett specialtecken.",
    ),
    "front matter that is never closed": (
        replace("docs/klagomal.en.md", "gdpr: [13.2.d]\n---\n", "gdpr: [13.2.d]\n\n"),
        "docs/klagomal.en.md, rad 1: front matter (inställningarna överst i filen) avslutas "
        "inte. Lägg till en rad med bara --- efter inställningarna.",
    ),
    "missing summary": (
        replace("docs/delning.en.md", "summary: We disclose", "# summary: We disclose"),
        "docs/delning.en.md: nyckeln summary saknas i front matter. Skriv en mening som "
        "sammanfattar avsnittet, till exempel 'summary: Vi sparar uppgifterna så länge du är "
        "kund.'",
    ),
    "missing gdpr": (
        replace("docs/anvandning.md", "gdpr: [13.1.c]\n", ""),
        "docs/anvandning.md: nyckeln gdpr saknas i front matter. Ange vilka punkter i GDPR "
        "avsnittet besvarar, till exempel 'gdpr: [13.2.a]'.",
    ),
    "summary over several lines": (
        replace("docs/lagring.md", "summary: Vi sparar", "summary: |\n  Rad ett.\n  Vi sparar"),
        "docs/lagring.md: summary ska vara en enda mening på en rad, till exempel "
        "'summary: Vi sparar uppgifterna så länge du är kund.'",
    ),
    "unknown section id": (
        replace("docs/klagomal.md", "section: complaints", "section: complaint"),
        "docs/klagomal.md: section 'complaint' är inget känt avsnitt. Använd ett av controller, "
        "collection, use, sharing, retention, rights, complaints, eller lägg till det nya "
        "avsnittet i docs/sections.yml.",
    ),
    "translations with different section ids": (
        replace("docs/lagring.en.md", "section: retention", "section: rights"),
        "docs/lagring.en.md: section är 'rights', men i originalet docs/lagring.md är den "
        "'retention'. En översättning ska ha samma section som originalet: skriv "
        "'section: retention'.",
    ),
    "unknown GDPR code": (
        replace("docs/lagring.en.md", "gdpr: [13.2.a]", "gdpr: [13.2.a, 13.2.x]"),
        "docs/lagring.en.md: gdpr innehåller den okända koden '13.2.x'. Använd koder för "
        "punkterna i artikel 13 och 14, till exempel 13.1.c eller 13.2.a (listan finns i "
        "REDIGERA.md).",
    ),
    "gdpr that is not a list": (
        replace("docs/lagring.md", "gdpr: [13.2.a]", "gdpr: 13.2.a"),
        "docs/lagring.md: gdpr ska vara en lista inom hakparenteser, till exempel "
        "'gdpr: [13.1.c, 13.1.d]'.",
    ),
    "section without a heading": (
        replace("docs/lagring.md", "# Hur länge vi sparar dina personuppgifter\n", ""),
        "docs/lagring.md: avsnittet har ingen rubrik. Börja texten med en rubrik på en egen "
        "rad, till exempel '# Hur länge vi sparar dina personuppgifter'.",
    ),
    "section missing from the page tree": (
        replace("mkdocs.yml", "  - lagring.md\n", ""),
        "docs/lagring.md: avsnittet finns inte i menyn. Lägg till raden "
        "'  - lagring.md' under nav i mkdocs.yml, där avsnittet ska stå.",
    ),
    "listed section with no page": (
        replace("docs/sections.yml", "  complaints:", "  dpo: Dataskyddsombud\n  complaints:"),
        "docs/sections.yml: avsnittet 'dpo' finns inte i någon sida. Skapa en sida med "
        "'section: dpo' i front matter, på svenska och engelska, eller ta bort raden.",
    ),
    "section listed without indentation": (
        replace("docs/sections.yml", "  complaints:", "complaints:"),
        "docs/sections.yml: 'complaints' står inte under 'sections:'. Skriv avsnittet indraget "
        "med två mellanslag under 'sections:', som '  complaints: beskrivning'.",
    ),
    "section list that is not YAML": (
        replace("docs/sections.yml", "  complaints:", "\tcomplaints:"),
        "docs/sections.yml, rad 16: filen är inte giltig YAML. Skriv varje avsnitt som "
        "'  namn: beskrivning' på en egen rad under 'sections:'.",
    ),
    "typographic quotes in front matter": (
        replace("docs/lagring.md", "summary: Vi sparar", "summary: ”Obs: Vi sparar"),
        "docs/lagring.md, rad 3: front matter är inte giltig YAML (mapping values are not "
        'allowed here). Använd raka citattecken ("...") runt texten, inte typografiska (”...”).',
    ),
    "unknown shortcode": (
        replace("docs/index.en.md", "<!-- notice:summary -->", "<!-- notice:summery -->"),
        "docs/index.en.md, rad 14: okänd kod '<!-- notice:summery -->'. Använd "
        "<!-- notice:summary -->, <!-- notice:full -->, <!-- notice:imy -->, "
        "<!-- notice:history -->, <!-- notice:changes --> eller <!-- notice:contact-form -->.",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_mistake_stops_the_build_with_a_message_that_says_what_to_do(
    tmp_path: Path, case: str
) -> None:
    change, message = CASES[case]
    project = copy_project(tmp_path / "project")
    change(project)
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 1, result.stderr
    assert HEADER + message in result.stderr
    assert not (site_dir / "index.html").exists()


def test_several_mistakes_are_reported_together(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    delete("docs/lagring.en.md")(project)
    replace("docs/klagomal.md", "section: complaints", "section: complaint")(project)
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "Innehållet har 2 fel. Rätta det och bygg igen:" in result.stderr
    assert "  - docs/klagomal.md: section 'complaint'" in result.stderr
    assert "  - docs/lagring.md: översättning till engelska saknas." in result.stderr


def test_a_broken_link_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    replace("docs/rattigheter.md", "(klagomal.md)", "(klagomaal.md)")(project)
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert (
        "Doc file 'rattigheter.md' contains a link 'klagomaal.md', but the target is not "
        "found among documentation files." in result.stderr
    )


def test_two_pages_with_the_same_section_id(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    replace("docs/lagring.md", "section: retention", "section: rights")(project)
    replace("docs/lagring.en.md", "section: retention", "section: rights")(project)
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    for lang in ("", ".en"):
        assert (
            f"  - docs/rattigheter{lang}.md: section 'rights' används redan i "
            f"docs/lagring{lang}.md. Varje avsnitt får bara finnas i en fil per språk: ändra "
            "section i en av filerna.\n" in result.stderr
        )
