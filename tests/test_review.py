"""The gate (`make check`) and its review, in a real git repository with published versions.

The gate answers, for a pull request, whether `make publish` would publish it and what readers
would see. Version A is published (tagged notice/2026-12-01, pushed to a bare origin); then the
working tree changes as editors change it: a word of the retention section with and without a
new version, English left behind, a broken link, SEOM's details emptied, an image without a
description; then version B is published ahead of its date and a change on top of it is
reviewed against B, not A. Each review's Markdown is asserted as the editors read it.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from archives import CONTROLLER, VERSION_B_ENTRY, Archive, new_archive, run
from conftest import NOTICE_DOCS

A, B, C = "2026-12-01", "2027-03-01", "2027-06-01"
TODAY = "2027-03-15"  # A and B in force
SV_OLD, SV_NEW = "ytterligare tolv månader", "ytterligare sex månader"
EN_OLD, EN_NEW = "a further twelve\nmonths", "a further six\nmonths"
OK = "# Granskning: kan slås ihop\n\nInga fel: när ändringen slås ihop publiceras den.\n\n"
# Readability, counted by hand on the section as readers read it: its title, its summary and
# its two paragraphs, each ending a sentence. Swedish: 70 words in 4 sentences, 16 of more
# than six letters: LIX 70 / 4 + 100 * 16 / 70 = 40.4, before and after ("tolv" and "sex"
# are both short). English: 91 words, 417 letters before and 414 after ("twelve", "six"),
# 4 sentences: Coleman–Liau 0.0588 * 458.2 - 0.296 * 4.4 - 15.8 = 9.8, and 9.7 after.
CHANGED_RETENTION = """### Hur länge vi sparar dina personuppgifter

**Svenska** (`lagring.md`):

> Vi sparar dina personuppgifter så länge som du är kund hos oss, samt ytterligare \
<del>tolv</del> <ins>sex</ins> månader efter att du avslutat ditt engagemang hos oss.

Läsbarhet: LIX 40 (medelsvår) före, 40 (medelsvår) efter.

**Engelska** (`lagring.en.md`):

> We keep your personal data for as long as you are our customer, and for a further \
<del>twelve</del> <ins>six</ins> months after your relationship with us has ended.

Läsbarhet: Coleman–Liau 10 före, 10 efter.

Oförändrade avsnitt: Personuppgiftsansvarig, Personuppgifter vi samlar in, Hur vi använder \
dina personuppgifter, När vi delar dina personuppgifter, Dina rättigheter, Klagomål.
"""


def check(
    arc: Archive, today: str = TODAY, *, browser: bool = False
) -> subprocess.CompletedProcess:
    """The gate as CI runs it; without the browser part, which one test runs through make."""
    env = {**arc.env, "NOTICE_TODAY": today}
    flags = ["--gate"] if browser else ["--gate", "--no-browser"]
    if browser:
        venv = Path(sys.executable).parent.parent
        installed = f"--assume-old={venv}/.installed-test"
        summary = arc.repo.parent / "summary.md"
        command = ["make", "--no-print-directory", "check", f"VENV={venv}", installed]
        return run(arc.repo, *command, f"REVIEW={summary}", env=env)
    return run(arc.repo, sys.executable, "scripts/review.py", *flags, env=env)


def edit(repo: Path, path: str, old: str, new: str) -> None:
    file = repo / "docs" / path
    text = file.read_text(encoding="utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_entry(repo: Path, entry: str) -> None:
    versions = repo / "docs" / "versions.yml"
    text = versions.read_text(encoding="utf-8")
    first = text.index("- version:")
    versions.write_text(text[:first] + entry + text[first:], encoding="utf-8")


@pytest.fixture(scope="module")
def reviews(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    arc = new_archive(tmp_path_factory.mktemp("review"), today=TODAY)
    published = arc.publish("PUSH=1")
    assert published.returncode == 0, published.stderr
    repo, out = arc.repo, {}
    out["unchanged"] = check(arc)
    # The retention time, in both languages, without a new version; a broken link; Swedish
    # alone changed in another section.
    edit(repo, "lagring.md", SV_OLD, SV_NEW)
    edit(repo, "lagring.en.md", EN_OLD, EN_NEW)
    edit(repo, "rattigheter.md", "(klagomal.md)", "(klagomaal.md)")
    edit(repo, "delning.md", "# ", "# Mottagare: ")
    out["many mistakes"] = check(arc)
    edit(repo, "rattigheter.md", "(klagomaal.md)", "(klagomal.md)")
    edit(repo, "delning.md", "# Mottagare: ", "# ")
    out["without version"] = check(arc)
    add_entry(repo, VERSION_B_ENTRY)
    # SEOM's details, the purposes and the statement's channel for feedback as the example
    # notice has them: missing, which no pull request can fix.
    statement = (repo / "docs" / "accessibility.yml").read_bytes()
    purposes = (repo / "docs" / "purposes.yml").read_bytes()
    for name in ("controller.yml", "accessibility.yml", "purposes.yml"):
        (repo / "docs" / name).write_bytes((NOTICE_DOCS / name).read_bytes())
    out["with version"] = check(arc)
    # A character the archival copy's font has no glyph for (PDF/A forbids drawing none).
    edit(repo, "klagomal.md", "kan du lämna", "kan du ⸻ lämna")
    edit(repo, "klagomal.en.md", "you can lodge", "you can ⸻ lodge")
    out["no glyph"] = check(arc)
    edit(repo, "klagomal.md", "kan du ⸻ lämna", "kan du lämna")
    edit(repo, "klagomal.en.md", "you can ⸻ lodge", "you can lodge")
    out["announced"] = check(arc, today="2027-02-20")
    (repo / "docs" / "controller.yml").write_text(CONTROLLER, encoding="utf-8")
    (repo / "docs" / "accessibility.yml").write_bytes(statement)
    (repo / "docs" / "purposes.yml").write_bytes(purposes)
    # A link without words: only the browser (axe-core) tells.
    for name in ("insamling.md", "insamling.en.md"):
        edit(repo, name, "\n## ", "\nSe [](klagomal.md).\n\n## ")
    out["browser"] = check(arc, browser=True)
    out["summary"] = (arc.repo.parent / "summary.md").read_text(encoding="utf-8")
    # B published ahead of its date; then a change on top of it, with version C.
    for name in ("insamling.md", "insamling.en.md"):
        edit(repo, name, "\nSe [](klagomal.md).\n\n## ", "\n## ")
    arc.commit_all("Version B")
    early = arc.publish("PUSH=1", env={**arc.env, "NOTICE_TODAY": "2027-02-20"})
    assert early.returncode == 0, early.stderr
    edit(repo, "klagomal.md", "Om du inte", "Om du själv inte")
    edit(repo, "klagomal.en.md", "If you are not", "If you yourself are not")
    add_entry(repo, f'- version: "{C}"\n  summary:\n    sv: Om klagomål.\n    en: On complaints.\n')
    out["on top of an announced version"] = check(arc, today="2027-02-20")
    yield out


def review(result: subprocess.CompletedProcess) -> str:
    return result.stdout


def test_a_change_that_changes_nothing_readers_read(reviews: dict) -> None:
    result = reviews["unchanged"]
    assert result.returncode == 0, result.stderr
    text = review(result)
    assert text.startswith(OK + "## Vad läsarna ser\n\n")
    assert (
        f"Texten som läsarna läser ändras inte: version {A} (gäller sedan den 1 december 2026) "
        "står kvar."
    ) in text
    assert "Inget avsnitt ändras." in text
    assert "## GDPR-rapport\n\n```text\nGDPR-rapport (sv)" in text
    assert f"Rapporten är densamma som för version {A}." not in text  # the same notice: no diff


def test_every_mistake_in_one_round_in_swedish(reviews: dict) -> None:
    """A broken link, a changed text without a new version and English left behind: all in
    the first review, in Swedish, each with what to do; nothing of MkDocs' English."""
    result = reviews["many mistakes"]
    assert result.returncode == 1
    text = review(result)
    assert text.startswith("# Granskning: 3 fel att rätta innan ändringen kan slås ihop\n")
    errors = [line for line in text.split("## Fel\n\n", 1)[1].split("\n\n", 1)[0].splitlines()]
    assert errors[0] == (
        "- docs/rattigheter.md, rad 30: länken 'klagomaal.md' leder till en sida som inte "
        "finns, docs/klagomaal.md. Menade du klagomal.md? Sidor länkas med sitt svenska "
        "filnamn, på alla språk."
    )
    assert errors[1].startswith(
        f"- Texten i version {A}, som redan är publicerad, skulle ändras (docs/delning.md, "
        "docs/lagring.en.md, docs/lagring.md, docs/rattigheter.md). En publicerad version "
        "ändras aldrig: lägg till en ny version överst i docs/versions.yml"
    )
    assert errors[2] == (
        "- Den engelska texten stämmer inte med den svenska, så den nya version som ändringen "
        "behöver publiceras inte. Svenskan gäller, och engelskan ska säga samma sak:"
    )
    assert errors[3] == (
        "  - avsnittet Mottagare: När vi delar dina personuppgifter (sharing): texten i "
        "docs/delning.md har "
        "ändrats sedan version "
        f"{A}, men docs/delning.en.md är oförändrad. Uppdatera docs/delning.en.md så att den "
        "säger samma sak som docs/delning.md. Version 2026-12-01 är redan publicerad och ändras "
        "aldrig, så ändringen behöver också en ny version överst i docs/versions.yml; stämmer "
        "den engelska texten redan, skriv sharing i english\\_checked under den nya versionen."
    )
    assert "MkDocs" not in text and "WARNING" not in text
    # Said once; with the content's problems to fix first, the rest of the review waits.
    assert text.count("texten i docs/delning.md har ändrats") == 1
    assert "## Vad läsarna ser" not in text


def test_a_changed_text_without_a_new_version_stops_the_change(reviews: dict) -> None:
    result = reviews["without version"]
    assert result.returncode == 1
    text = review(result)
    assert text.startswith("# Granskning: 1 fel att rätta innan ändringen kan slås ihop\n")
    assert (
        f"- Texten i version {A}, som redan är publicerad, skulle ändras (docs/lagring.en.md, "
        "docs/lagring.md)."
    ) in text
    assert (
        f"Texten i version {A}, som redan är publicerad, ändras. En publicerad version ändras "
        "aldrig, så ändringen når inte läsarna förrän den har en ny version (se Fel)."
    ) in text
    assert CHANGED_RETENTION in text
    assert "## Översättningar" in text and "Inget att rätta" in text  # both languages changed


def test_a_change_with_its_new_version_passes_and_says_when(reviews: dict) -> None:
    result = reviews["with version"]
    assert result.returncode == 0, result.stderr
    text = review(result)
    # SEOM's details emptied: a change readers see, shown as one.
    assert "### Personuppgiftsansvarig" in text
    # Where a number or an address stood, a short sentence: "Uppgiften saknas: SEOM har inte
    # lämnat den än." The text reads easier, and the review says so, before and after.
    controller = text.split("### Personuppgiftsansvarig", 1)[1].split("### ", 1)[0]
    assert "\nLäsbarhet: LIX 35 (lätt) före, 29 (mycket lätt) efter.\n" in controller
    assert "\nLäsbarhet: Coleman–Liau 9 före, 8 efter.\n" in controller
    # No error in the change, but SEOM's details are missing: the verdict says so.
    assert text.startswith(
        "# Granskning: inga fel, men publiceringen väntar\n\nInga fel i ändringen: den kan "
        "slås ihop. Men ingenting publiceras förrän det som står här nedanför är klart.\n"
    )
    assert (
        f"När det som publiceringen väntar på är klart publiceras version {B} och gäller "
        f"direkt, i stället för version {A}. Den säger att den gäller från den 1 mars 2027."
    ) in text
    assert (
        f"Jämfört med version {A}, den senast publicerade (gäller sedan den 1 december 2026)."
    ) in text
    assert CHANGED_RETENTION.split("Oförändrade")[0] in text


def test_the_gate_makes_the_archival_copies_as_publishing_will(reviews: dict) -> None:
    """Made and checked before the merge, the links to them too; a copy that would stop
    publishing stops the change, saying which character is the likely cause."""
    text = review(reviews["with version"])
    assert (
        "Arkivkopiorna som publiceringen lägger till, hela meddelandet som PDF/A-2a "
        f"(`en/privacy-notice-{B}.pdf`, `integritetsmeddelande-{B}.pdf`), är gjorda och "
        "godkända, och länkarna till dem fungerar."
    ) in text
    result = reviews["no glyph"]
    assert result.returncode == 1
    text = review(result)
    assert text.startswith("# Granskning: 1 fel att rätta innan ändringen kan slås ihop\n")
    (error,) = text.split("## Fel\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert error.startswith(
        f"- Arkivkopian (PDF/A) av version {B} på svenska och engelska skulle inte godkännas "
        "när versionen publiceras, så publiceringen skulle stoppa. Typsnittet saknar tecknen "
        "«⸻» (U+2E3B), och PDF/A tillåter inte tecken som inte går att visa. Ta bort dem eller "
        "byt ut dem (docs/klagomal.en.md, rad 9, docs/klagomal.md, rad 9)."
    )
    assert "Så rättar du det i webbläsaren" not in error  # before the merge: in the same branch


def test_what_no_pull_request_can_fix_is_said_once_at_the_top_without_failing(
    reviews: dict,
) -> None:
    text = review(reviews["with version"])
    top, rest = text.split("## Vad läsarna ser", 1)
    assert "> **Publiceringen väntar på annat än den här ändringen.**" in top
    assert (
        "> - SEOM:s uppgifter: docs/controller.yml: organisation\\_number saknas "
        "(organisationsnumret, sex siffror, bindestreck och fyra siffror)."
    ) in top
    assert "organisation\\_number saknas" not in rest.split("```")[0]
    assert (
        "> - Tillgänglighetsredogörelsen: docs/accessibility.yml: feedback\\_email och "
        "feedback\\_phone saknas"
    ) in top
    assert (
        "> - Ändamålen: docs/purposes.yml, ändamål 1 (leverans): recipients saknas (vilka slags "
        "mottagare som får uppgifterna)."
    ) in top


def test_the_gdpr_report_is_there_once_with_what_changes(reviews: dict) -> None:
    text = review(reviews["with version"])
    assert text.count("GDPR-rapport (") == 1
    assert "GDPR-rapport (sv)" in text
    assert (
        f"Det här ändras jämfört med version {A}:\n\n- 13.1.a den personuppgiftsansvariges "
        "identitet och kontaktuppgifter: besvaras, med uppgifter som bygget har kontrollerat, "
        "nu besvaras inte (uppgifter saknas i docs/controller.yml)"
    ) in text


def test_a_version_ahead_of_its_date_says_until_when_the_one_in_force_stays(
    reviews: dict,
) -> None:
    text = review(reviews["announced"])
    assert (
        f"När det som publiceringen väntar på är klart publiceras version {B} i förväg: den "
        f"börjar gälla den 1 mars 2027. Fram till dess gäller version {A}. Sidorna i den "
        "version som gäller säger i "
        "förväg att integritetsmeddelandet ändras, med en länk till vad som ändras, och natten "
        "till den 1 mars 2027 börjar den nya versionen gälla av sig själv."
    ) in text


def test_the_browser_finds_a_link_without_words(reviews: dict) -> None:
    """axe-core, on every page of the notice's text and one of each other kind: the message
    names the page and the file the text comes from."""
    result = reviews["browser"]
    assert result.returncode != 0
    text = review(result)
    assert text.startswith("# Granskning: 4 fel att rätta")
    pages = [
        "Sidan insamling/ (svenska, docs/insamling.md)",
        "Sidan en/insamling/ (engelska, docs/insamling.en.md)",
        "Sidan hela-meddelandet/ (svenska)",
        "Sidan en/hela-meddelandet/ (engelska)",
    ]
    said = (
        "axe-core hittar ett tillgänglighetsfel, link-name (Links must have discernible text) "
        'i {where}a\\[href\\$="klagomal/"\\]. En länk saknar text: skriv länktexten inom '
        "hakparenteserna, till exempel \\[klagomål\\](klagomal.md)."
    )
    lines = text.splitlines()
    for page in pages:
        found = [line for line in lines if line.startswith(f"- {page}: ")]
        assert len(found) == 1, page
        where = found[0].split(" i ", 1)[1].split("a\\[href")[0]  # axe's selector path
        assert found[0] == f"- {page}: " + said.format(where=where)
    assert "I webbläsaren Chromium: 30 sidor" in text
    # CI's job summary gets the same review (make check REVIEW=...).
    assert reviews["summary"] == text


def test_a_change_on_top_of_an_announced_version_is_compared_with_it(reviews: dict) -> None:
    result = reviews["on top of an announced version"]
    assert result.returncode == 0, result.stderr
    text = review(result)
    assert (
        f"Jämfört med version {B}, den senast publicerade (börjar gälla den 1 mars 2027)."
    ) in text
    # B's own change (the retention time) is not repeated: only the complaints section.
    assert "### Klagomål" in text
    assert "### Hur länge vi sparar" not in text
    assert f"Version {C} jämförs med den senast publicerade versionen, {B}." in text
    assert (
        f"Fram till dess gäller version {A}, och från den 1 mars 2027 version {B}, som redan "
        "är publicerad i förväg."
    ) in text


def test_the_markdown_cannot_be_closed_by_what_it_quotes() -> None:
    import review as script

    assert script.markdown("<b>*x*</b> [a](b)") == r"&lt;b&gt;\*x\*&lt;/b&gt; \[a\](b)"
    assert script.fenced("a ``` b\n````") == ["`````text", "a ``` b", "````", "`````"]


@pytest.mark.parametrize(
    ("published", "newest", "today", "said"),
    [
        (
            [],
            A,
            "2026-11-20",
            f"publiceras version {A}, den första. Den börjar gälla den 1 december 2026",
        ),
        (
            [A],
            B,
            "2027-03-15",
            f"publiceras version {B} och gäller direkt, i stället för version {A}",
        ),
        (
            [A],
            B,
            "2027-02-20",
            f"publiceras version {B} i förväg: den börjar gälla den 1 mars 2027",
        ),
    ],
)
def test_from_when_readers_see_a_new_version(
    published: list[str], newest: str, today: str, said: str
) -> None:
    import review as script
    from notice import model
    from notice.model import Version

    notice = model.Notice(["sv", "en"], markdown=None, today=dt.date.fromisoformat(today))
    notice.versions = [
        Version(dt.date.fromisoformat(v), {}) for v in (newest, A)[: 1 + (newest != A)]
    ]
    notice.published = published
    assert said in script.when(notice)[0]
    # After the merge (the publish job's gate), it is now.
    assert script.when(notice, "Nu")[0].startswith(f"Nu publiceras version {newest}")


def test_after_a_merge_the_gate_says_how_to_fix_it_in_the_browser() -> None:
    import review as script
    from notice.publishing.errors import IN_THE_BROWSER

    found = script.Review(errors=["docs/lagring.md, rad 3: ett fel."], after_merge=True)
    assert found.markdown().startswith(
        "# Granskning: 1 fel att rätta innan ändringen kan publiceras\n\n"
        f"Ändringen är sammanslagen men publiceras inte förrän felet under Fel är rättat. "
        f"{IN_THE_BROWSER}\n\n## Fel\n\n- docs/lagring.md, rad 3: ett fel.\n"
    )


def test_the_site_checks_read_urls_and_the_policy_as_a_browser_does(tmp_path: Path) -> None:
    from selectolax.lexbor import LexborHTMLParser

    from site_checks import Site, foreign, policy_first, resolves

    assert [foreign(u) for u in ("/\\tracker.example/x.png", " //x", "bild.png", "data:,x")] == [
        True,
        True,
        False,
        False,
    ]
    charset = '<meta charset="utf-8">'
    policy = '<!-- the policy --><meta http-equiv="content-security-policy" content="x">'
    style = '<link rel="stylesheet" href="a.css">'
    assert policy_first(LexborHTMLParser(f"<head>{charset}{policy}{style}</head>").head)
    script = '<script src="a.js"></script>'
    assert not policy_first(LexborHTMLParser(f"<head>{charset}{script}{policy}</head>").head)
    (tmp_path / "lagring").mkdir()
    (tmp_path / "lagring" / "index.html").write_text("x", encoding="utf-8")
    site = Site(tmp_path, ["sv", "en"], frozenset({"2026-12-01"}), "/integritet/", {})
    assert resolves("kontakt/index.html", "../lagring/", site)
    assert not resolves("kontakt/index.html", "../lagrin/", site)
    assert resolves("index.html", "../2026-12-01/lagring/", site)  # another version's page
    assert not resolves("index.html", "../2025-01-01/", site)
    assert resolves("404.html", "/integritet/latest/lagring/", site)
    assert not resolves("404.html", "/annan/latest/", site)


# A page of the version's folder, served from the archive at https://integritet.seom.se/.
SITE_ORIGIN = "https://integritet.seom.se"
FETCHES_ELSEWHERE = (
    "Sidan ./ (svenska, docs/index.md): sidan hämtar '{url}' från en annan webbplats (<{tag}>). "
    "Webbplatsen hämtar ingenting från andra värdar: lägg filen i docs/."
)


def checked_page(body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'"></head>'
        f"<body>{body}</body></html>"
    )


@pytest.mark.parametrize(
    ("markup", "url", "tag"),
    [
        ('<link rel="icon" href="https://other.example/x.ico">', "https://other.example/x.ico",
         "link"),
        ('<link rel="shortcut icon" href="//other.example/x.ico">', "//other.example/x.ico",
         "link"),
        ('<link rel="preconnect" href="https://other.example">', "https://other.example", "link"),
        ('<img srcset="a.png 1x, https://other.example/b.png 2x">', "https://other.example/b.png",
         "img"),
        ('<meta http-equiv="refresh" content="0; url=https://other.example/">',
         "https://other.example/", "meta"),
        # What only the URL standard's parser reads as another host.
        ('<img src="/\\other.example/x.png">', "/\\other.example/x.png", "img"),
        ('<img src="ht\ttps://other.example/x.png">', "ht\ttps://other.example/x.png", "img"),
        # Relative, but to the page's <base>: another host.
        ('<base href="https://other.example/"><img src="x.png">', "x.png", "img"),
        ('<video poster="https://other.example/p.png"></video>', "https://other.example/p.png",
         "video"),
        ('<object data="https://other.example/x.pdf"></object>', "https://other.example/x.pdf",
         "object"),
        ('<input type="image" src="https://other.example/x.png">', "https://other.example/x.png",
         "input"),
        ('<svg><image href="https://other.example/x.png"/></svg>', "https://other.example/x.png",
         "image"),
        ('<svg><use xlink:href="https://other.example/s.svg#i"/></svg>',
         "https://other.example/s.svg#i", "use"),
        ('<p style="background: u\\72l(https://other.example/x.png)">x</p>',
         "https://other.example/x.png", "p"),
        ('<iframe srcdoc="<img src=https://other.example/x.png>"></iframe>',
         "https://other.example/x.png", "iframe"),
    ],
)  # fmt: skip
def test_the_site_checks_report_whatever_a_page_fetches_from_another_host(
    tmp_path: Path, markup: str, url: str, tag: str
) -> None:
    from site_checks import page_problems

    problems = page_problems("index.html", checked_page(markup), checked_site(tmp_path))
    assert problems == [FETCHES_ELSEWHERE.format(url=url, tag=tag)]


def test_the_site_checks_let_a_page_fetch_and_link_what_the_site_has(tmp_path: Path) -> None:
    from site_checks import page_problems

    (tmp_path / "lagring").mkdir()
    (tmp_path / "lagring" / "index.html").write_text("x", encoding="utf-8")
    local = (
        '<link rel="icon" href="assets/favicon.png">'
        '<link rel="stylesheet" href="/latest/assets/main.css">'
        # Links to follow, not to fetch; link types in any case, as the HTML standard reads them.
        '<link rel="Alternate" hreflang="en" href="https://other.example/en/">'
        '<link rel="canonical" href="https://other.example/">'
        '<img src="bild.png" srcset="bild.png 1x, https://integritet.seom.se/latest/b.png 2x">'
        '<img src="https:bild.png">'  # this site over https: a scheme, no host
        '<img src="data:image/png;base64,AAAA">'
        '<meta http-equiv="refresh" content="5">'
        '<p style="background: url(bild.png)">x</p>'
        '<a href="lagring/">x</a><a href="https://other.example/">y</a><a href="#top">z</a>'
    )
    assert page_problems("index.html", checked_page(local), checked_site(tmp_path)) == []


def test_the_site_checks_let_the_archive_root_send_readers_to_the_version_in_force(
    tmp_path: Path,
) -> None:
    """The archive's root page (mike's redirect, as `make publish` writes it) fetches nothing
    from another host: its refresh leads to latest/ on the same site."""
    import jinja2

    from site_checks import page_problems

    loader = jinja2.FileSystemLoader(str(Path(__file__).parents[1] / "overrides"))
    macros = jinja2.Environment(loader=loader).get_template("partials/archive_root.html").module
    links = [("sv", "latest/", "Integritetsmeddelandet"), ("en", "latest/en/", "Notice")]
    page = str(macros.page("sv", "SEOM", "latest", links, "default-src 'self'", "no-referrer"))
    assert 'http-equiv="refresh" content="0; url=latest/"' in page
    problems = page_problems("index.html", page, checked_site(tmp_path))
    assert [problem for problem in problems if "från en annan webbplats" in problem] == []


def checked_site(site_dir: Path):
    from site_checks import Site

    versions = frozenset({"2026-12-01"})
    return Site(site_dir, ["sv", "en"], versions, "/", {"": "docs/index.md"}, SITE_ORIGIN)


def test_the_site_checks_say_which_page_sets_a_cookie(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The gate opens page after page in one tab (site_checks.TABS): what one page leaves
    behind is cleared before the next, so a cookie is reported on the page that sets it."""
    import site_checks

    monkeypatch.setattr(site_checks, "TABS", 1)
    site_dir = tmp_path / A
    (site_dir / "assets").mkdir(parents=True)
    (site_dir / "assets" / "kaka.js").write_text("document.cookie = 'kaka=1; path=/'\n")
    sources = {"": "docs/index.md", "lagring/": "docs/lagring.md", "delning/": "docs/delning.md"}
    for page, source in sources.items():
        script = '<script src="assets/kaka.js"></script>' if page == "" else ""
        (site_dir / page).mkdir(exist_ok=True)
        (site_dir / page / "index.html").write_text(
            f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>{source}</title>'
            f"{script}</head><body><main><h1>{source}</h1></main></body></html>\n",
            encoding="utf-8",
        )
    (site_dir / "404.html").write_text((site_dir / "delning" / "index.html").read_text())
    site = site_checks.Site(site_dir, ["sv"], frozenset({A}), "/", sources)
    result = site_checks.Result()
    site_checks.browse(site, result)
    assert result.browsed == 4  # and the page that is not there
    assert [problem for problem in result.problems if "kakor" in problem] == [
        "Sidan ./ (svenska, docs/index.md): sidan sätter kakor (1). Webbplatsen sätter inga."
    ]
