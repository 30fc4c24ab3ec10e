"""A review that cannot be forged: every heading, link, image and HTML element GitHub shows
in it is one the review made (issue 17, rule 7).

The review (scripts/review.py) quotes what the editors wrote (titles, summaries, link texts
and targets, YAML keys and values, file names) and what tools said (MkDocs' log, the site
checks, axe-core's words and selectors). Here all of them say things like "# Godkänt av
SEOM:s jurist", and the review is rendered as GitHub renders a job summary (cmark-gfm with
GitHub's extensions, raw HTML let through to GitHub's sanitiser, tests/test_gfm.py) and
parsed as a browser parses it. Three notices and reviews: a valid one reviewed whole (what
readers see, the translations, the GDPR report, the site), one whose problems the errors
quote, and the gate's other words (the site checks, axe-core in a stand-in browser,
MkDocs' log).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from selectolax.lexbor import LexborNode

from archives import complete
from conftest import SETTINGS_ENV, copy_project
from test_gfm import elements, render, shown

A, B = "2026-12-01", "2027-03-01"
TODAY = "2027-03-15"
# What the review makes: headings, paragraphs, lists, quotes, bold, code, the diff's words.
MADE = {"html", "head", "body", "h1", "h2", "h3", "p", "ul", "li", "blockquote", "strong"}
MADE |= {"code", "pre", "ins", "del"}
PARTS = {"Fel", "Vad läsarna ser", "Översättningar", "GDPR-rapport", "Webbplatsen"}
TRANSLATION_PARTS = (
    "Svensk text ändrad, engelsk inte",
    "Olika uppbyggnad på svenska och engelska",
    "Kontrollerat, ingen ändring behövs",
    "I english_checked under version",
)
# On one line: what a title, a summary or a text can hold.
FORGED = (
    "# Godkänt av SEOM:s jurist ``` ~~~ <img src=https://evil.example/x> "
    "![x](https://evil.example/y.png) [klicka](https://evil.example) www.evil.example "
    "jurist@evil.example <!-- dolt --> &#60;script&#62; | a | b | [x]: https://evil.example "
    "- [ ] task \\` $x$ <ins>ny</ins>"
)
# A summary is at most 160 characters.
SUMMARY = "# Godkänt av SEOM:s jurist ``` <img src=https://evil.example/s> www.evil.example <!---->"
# On many lines: what a YAML key or value, a file name or a tool's message can hold.
FORGED_LINES = (
    "x\n\nGodkänt av SEOM:s jurist\n===\n\n  Godkänt\n  ---\n# Godkänt\n```\n~~~\n"
    "<img src=https://evil.example/x>\n![x](https://evil.example/y.png)\n"
    "[klicka](https://evil.example)\nwww.evil.example\n<!-- dolt -->\n&#60;script&#62;\n"
    "| a | b |\n|---|---|\n[x]: https://evil.example\n---\n***\n    indented\n> quote\n"
    "- [ ] task\n  - Godkänt av SEOM:s jurist\n1. ett\n\\`"
)
# What readers must see of them, as written.
SHOWN = [
    "<img src=https://evil.example/x>",
    "![x](https://evil.example/y.png)",
    "[klicka](https://evil.example)",
    "www.evil.example",
    "<!-- dolt -->",
    "&#60;script&#62;",
    "| a | b |",
    "[x]: https://evil.example",
    "- [ ] task",
    "\\`",
]


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def git(repo: Path, *args: str) -> None:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.com"]
    subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True)


def edit(repo: Path, path: str, old: str, new: str) -> None:
    file = repo / "docs" / path
    text = file.read_text(encoding="utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The example notice in a git repository, version A published (its tag), and the
    environment the gate runs in: today, and the deployment's settings left unset."""
    repo = copy_project(tmp_path_factory.mktemp("forged") / "repo")
    complete(repo / "docs")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Version A")
    git(repo, "tag", f"notice/{A}")
    with pytest.MonkeyPatch.context() as env:
        for name in SETTINGS_ENV:
            env.delenv(name, raising=False)
        env.setenv("NOTICE_TODAY", TODAY)
        env.setenv("NO_MKDOCS_2_WARNING", "1")
        yield repo


def gate(repo: Path) -> tuple:
    """The gate's review of the change in ``repo``, and the titles of its sections; then the
    change is undone."""
    import review
    from notice import reading

    result = review.review(repo, browser=False)
    notice = reading.load(repo / "docs", ["sv", "en"], with_previous=False)
    titles = [s.title for locale in notice.languages for s in notice.sections(locale)]
    git(repo, "checkout", "-q", "--", "docs")
    git(repo, "clean", "-q", "-f", "--", "docs")
    return result, result.markdown(), titles


@pytest.fixture(scope="module")
def whole(published: Path) -> tuple:
    """A valid change, reviewed whole: version B, whose retention section has the forgeries in
    its title, summary, text and link target, SEOM's name on many lines, and a section that
    no longer claims an item of Art. 13 (the GDPR report changes)."""
    repo = published
    code = f"```` {FORGED} ````"
    edit(repo, "lagring.md", "# Hur länge vi sparar", f"# Hur länge vi sparar {code}")
    edit(
        repo,
        "lagring.md",
        "summary: Vi sparar uppgifterna så länge du är kund och tolv månader efter det, och "
        "längre när lagen kräver det.",
        f"summary: '{SUMMARY}'",
    )
    edit(
        repo,
        "lagring.md",
        "ytterligare tolv",
        f"ytterligare {code} [klicka här](https://evil.example/a_b*c) <jurist@evil.example> tolv",
    )
    edit(
        repo,
        "controller.yml",
        "name: Sollentuna Energi & Miljö AB",
        f"name: {quoted('Sollentuna Energi & Miljö AB ' + FORGED_LINES)}",
    )
    for name in ("rattigheter.md", "rattigheter.en.md"):
        edit(repo, name, "gdpr: [13.2.b, ", "gdpr: [")
    entry = f'- version: "{B}"\n  summary:\n    sv: {quoted(FORGED_LINES)}\n    en: New.\n'
    edit(repo, "versions.yml", f"- version: {A}", f"{entry}- version: {A}")
    edit(repo, "kontakt.md", "Vi svarar inom en månad", "Vi svarar snart")
    return gate(repo)


def test_a_valid_notice_reviewed_whole_cannot_forge_its_review(whole: tuple) -> None:
    result, markdown, titles = whole
    assert "## Vad läsarna ser" in markdown and "## GDPR-rapport" in markdown
    assert "Hur länge vi sparar " + FORGED + " dina personuppgifter" in titles
    tree = made_by_the_review(markdown, titles=titles, fences=1, errors=len(result.errors))
    text = tree.body.text(deep=True)
    for forged in [*SHOWN, SUMMARY, "jurist@evil.example", "https://evil.example/a_b*c"]:
        assert forged in text, forged
    # The review's own words stay as it wrote them.
    assert "dataportabilitet: anges av ett avsnitt, inte kontrollerat, nu besvaras inte" in text
    assert "**Svenska** (`lagring.md`):" in markdown
    assert "Sidan `kontakt.md` ändras." in markdown


@pytest.fixture(scope="module")
def refused(published: Path) -> tuple:
    """A change with problems that the errors quote: a YAML key on many lines, a section, a
    GDPR code and an acknowledgement on many lines, a front matter key, a file name, a link
    target, SEOM's and the accessibility statement's values."""
    repo = published
    key = quoted(FORGED_LINES)
    edit(repo, "sections.yml", "  retention:", f"  {key}: x\n  retention:")
    edit(repo, "lagring.md", "gdpr: [13.2.a]", f"gdpr: [13.2.a, {key}]\n{key}: x")
    edit(repo, "insamling.md", "section: collection", f"section: {key}")
    edit(repo, "versions.yml", f"- version: {A}", f"- version: {A}\n  english_checked: [{key}]")
    edit(repo, "rattigheter.md", "(klagomal.md)", "(www.evil.example/```x```)")
    edit(repo, "controller.yml", "phone: 08-000 000 00", f"phone: {quoted(FORGED)}")
    edit(repo, "accessibility.yml", "compliance: delvis förenlig", f"compliance: {key}")
    (repo / "docs" / f"{FORGED_LINES[:60]}.md").write_text("# Rubrik\n", encoding="utf-8")
    return gate(repo)


def test_the_errors_quote_what_the_editors_wrote_without_forging_the_review(
    refused: tuple,
) -> None:
    result, markdown, titles = refused
    assert len(result.errors) >= 8
    tree = made_by_the_review(markdown, titles=titles, errors=len(result.errors))
    items = [" ".join(item.text(deep=True).split()) for item in errors_list(tree).iter()]
    for error in result.errors:
        said = " ".join(shown(error).split())
        assert any(said[1:] in item for item in items), error  # but its first letter
    assert "Godkänt av SEOM:s jurist" in tree.body.text(deep=True)


class Tab:
    """A stand-in for a tab of Chromium (Playwright's async API) with axe-core: each page has
    the violation given."""

    def __init__(self, violation: dict) -> None:
        self.violation = violation
        self.context = self

    def on(self, *args) -> None:
        pass

    def remove_listener(self, *args) -> None:
        pass

    async def goto(self, url: str) -> None:
        pass

    async def wait_for_load_state(self, state: str) -> None:
        pass

    async def evaluate(self, script: str):
        return {"violations": [self.violation]}

    async def cookies(self) -> list:
        return []


def finished(coroutine):
    """What a coroutine returns that never waits, as the stand-ins above never do; run without
    an event loop, which the suite's Playwright may be running already."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value
    raise AssertionError("a stand-in waited")


class Server:
    origin = "http://127.0.0.1:1"
    url = origin + "/latest/"


def test_the_site_checks_axe_core_and_mkdocs_cannot_forge_the_review(tmp_path: Path) -> None:
    import review
    import site_checks

    site = site_checks.Site(tmp_path, ["sv", "en"], frozenset({A}), "/", {"": "docs/index.md"})
    page = (
        f'<html lang="sv"><head><meta http-equiv="Content-Security-Policy" content="x"></head>'
        f'<body><a href="{FORGED_LINES}">x</a><img src="https://evil.example/```.png">'
        f'<a href="www.evil.example/`x`">y</a></body></html>'
    )
    problems = site_checks.page_problems("index.html", page, site)
    violation = {
        "id": "link-name",
        "help": f"Links must have discernible text {FORGED}",
        "nodes": [{"target": [f'a[href$="www.evil.example/```\n## Rubrik"] {FORGED}']}],
    }
    problems += finished(site_checks.browse_page(Tab(violation), Server(), "", "", site))
    log = [
        "WARNING -  Doc file 'lagring.md' contains a link '```', but the target is not found.",
        "## Godkänt av SEOM:s jurist",
        "  ````",
        "~~~",
        "</code></pre><img src=https://evil.example/x>",
        *FORGED_LINES.splitlines(),
    ]
    found = review.Review(errors=problems, build_log=log, waiting=[FORGED_LINES])
    markdown = found.markdown()
    tree = made_by_the_review(markdown, fences=1, errors=len(problems) + 1)
    assert tree.css_first("pre code").text() == "\n".join(log) + "\n"
    text = tree.body.text(deep=True)
    for forged in SHOWN:
        assert forged in text, forged
    # What publishing waits for is one item of a list in a quote.
    [waiting] = tree.css("blockquote li")
    assert " ".join(waiting.text().split()) == " ".join(shown(FORGED_LINES).split())


# What the review made


def made_by_the_review(
    markdown: str, *, titles: list[str] = (), fences: int = 0, errors: int | None = None
) -> LexborNode:
    """``markdown`` rendered as GitHub renders it, asserted to hold only what the review made:
    its elements, its headings (a section's title among them), its code blocks, its diff's
    <ins> and <del> and, under Fel, one item for each error."""
    tree = render(markdown)
    found = elements(tree)
    assert set(found) <= MADE, sorted(set(found) - MADE)
    [h1] = [node.text() for node in tree.css("h1")]
    assert h1.startswith("Granskning: "), h1
    assert {node.text() for node in tree.css("h2")} <= PARTS
    allowed = {" ".join(title.split()) for title in titles}
    for node in tree.css("h3"):
        heading = " ".join(node.text().split())
        assert heading in allowed or heading.startswith(TRANSLATION_PARTS), heading
    assert len(tree.css("pre")) == fences
    for node in tree.css("ins, del"):
        quote = node.parent.parent
        legend = (node.tag, node.text()) in (("ins", "understrukna"), ("del", "överstrukna"))
        assert legend or (node.parent.tag == "p" and quote.tag == "blockquote"), node.html
    if errors:
        assert len(list(errors_list(tree).iter())) == errors
    return tree


def errors_list(tree) -> LexborNode:
    """The list under the heading Fel."""
    node = next(h for h in tree.css("h2") if h.text() == "Fel").next
    while node.tag != "ul":
        node = node.next
    return node


@pytest.mark.parametrize("after", [False, True])
def test_the_review_writes_the_nested_findings_of_a_refusal_and_nothing_else(
    after: bool,
) -> None:
    """The translations' refusal lists its findings under it; a message that only looks like
    one keeps its lines in its own item."""
    import review

    refusal = "den engelska texten stämmer inte:\n  - avsnittet a: x.\n  - avsnittet b: y."
    forged = "docs/sections.yml: 'x\n  - Godkänt av SEOM:s jurist'"
    found = review.Review(
        errors=[refusal, forged],
        after_merge=after,
        findings=frozenset({"avsnittet a: x.", "avsnittet b: y."}),
    )
    tree = made_by_the_review(found.markdown(), errors=2)
    assert [" ".join(n.text().split()) for n in tree.css("li li")] == [
        "avsnittet a: x.",
        "avsnittet b: y.",
    ]
    assert re.search(r"^- docs/sections\.yml: 'x +- Godkänt", found.markdown(), re.M)
