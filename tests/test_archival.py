"""The archival copy's rules, in-process (hooks/notice/archival.py, notice/publishing/copies.py):
what of a page it keeps, how what it did not write is escaped, what it checks, and what the
editors are told when a copy cannot be made. The copies of published versions are checked in
tests/test_three_versions.py, on a published archive.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pikepdf
import pytest

from notice import archival, texts
from notice.publishing import copies
from notice.publishing.errors import PublishError

URL = "https://integritet.example.se/2027-03-01/hela-meddelandet/"
COMMIT = "0123456789abcdef0123456789abcdef01234567"


def meta(**changes) -> archival.Meta:
    values = {
        "locale": "sv",
        "title": "Så skyddar vi dina personuppgifter",
        "controller": "Sollentuna Energi & Miljö AB (SEOM)",
        "version": "2027-03-01",
        "commit": COMMIT,
        "committed": dt.datetime(2027, 2, 1, 9, 30, tzinfo=dt.UTC),
        "url": URL,
    } | changes
    return archival.Meta(**values)


def words(locale: str = "sv") -> dict:
    return texts.of(None, locale)["archival"]


def page(article: str) -> str:
    """A built page as the copy reads it: the article inside the site's furniture."""
    return (
        "<!doctype html><html lang=sv><head><title>x</title><script>bad()</script></head>"
        f"<body><header>Sidhuvud</header><article class=md-content__inner>{article}</article>"
        "<footer>Sidfot</footer></body></html>"
    )


def make(text: str, **changes) -> bytes:
    language = changes.get("locale", "sv")
    return archival.pdf(archival.document(text, meta(**changes), words(language)))


TEXT = (
    '<h1 id="hela">Så skyddar vi dina personuppgifter – hela texten</h1>'
    '<h2 id="lagring">Hur länge vi sparar uppgifterna</h2>'
    "<p>Vi sparar dina uppgifter så länge du är kund, och <em>tolv månader</em> därefter.</p>"
    '<ul><li>Fakturor: <a href="#lagring">sju år</a></li><li>Mätvärden</li></ul>'
)


@pytest.fixture(scope="module")
def sample() -> bytes:
    return make(TEXT)


# What of the page is kept


def test_only_the_article_is_kept_without_the_sites_furniture() -> None:
    text = archival.article(
        page(
            '<h1 id="t">Rubrik<a class="headerlink" href="#t">¶</a></h1>'
            '<div class="admonition seom-announcement"><p>En ny version gäller från'
            " 1 juni.</p></div><p>Texten.</p><p hidden>Dold</p>"
            '<p class="seom-effective">Gäller från 1 mars 2027. <a href="../versioner/">Alla'
            " versioner</a></p>"
        ),
        URL,
    )
    assert archival.runs(text) == ["Rubrik", "Texten."]


def test_only_the_allowed_elements_and_attributes_are_kept() -> None:
    text = archival.article(
        page(
            '<p onclick="x()" style="color:red" class="seom-missing">Saknas</p>'
            "<script>alert(1)</script><style>p{}</style><!-- kommentar -->"
            '<iframe src="https://example.com/"></iframe><form><input value=x></form>'
            "<custom-element>Texten står kvar</custom-element>"
            '<svg><a href="https://example.com/">ikon</a></svg>'
            '<img src="https://example.com/x.png" alt="bild">'
        ),
        URL,
    )
    assert text == '<p class="seom-missing">Saknas</p>Texten står kvar'


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("../kontakt/", "https://integritet.example.se/2027-03-01/kontakt/"),
        ("#lagring", "#lagring"),  # an anchor of the text: a link inside the file
        ("#nowhere", "https://integritet.example.se/2027-03-01/hela-meddelandet/#nowhere"),
        ("https://www.imy.se/", "https://www.imy.se/"),
        ("mailto:imy@imy.se", "mailto:imy@imy.se"),
        ("  JavaScript:alert(1)", None),  # read as a browser reads it: a script, left out
        ("data:text/html,<b>x</b>", None),
        ("http://[::1", None),  # not an address
    ],
)
def test_links_go_where_the_published_page_would_take_them(href: str, expected) -> None:
    text = archival.article(page(f'<h2 id="lagring">L</h2><p><a href="{href}">länk</a></p>'), URL)
    link = f'<a href="{expected}">länk</a>' if expected else "länk"
    assert text == f'<h2 id="lagring">L</h2><p>{link}</p>'


def test_a_page_without_an_article_is_refused() -> None:
    with pytest.raises(ValueError, match="article"):
        archival.article("<p>Ingen artikel</p>", URL)


@pytest.mark.parametrize("version", ["../2027-03-01", "latest", "2027-3-1"])
def test_a_file_name_is_made_only_of_a_date(version: str) -> None:
    with pytest.raises(ValueError, match="date"):
        archival.file_name(version, words())


def test_the_file_is_named_in_each_language() -> None:
    assert archival.file_name("2027-03-01", words("sv")) == "integritetsmeddelande-2027-03-01.pdf"
    assert archival.file_name("2027-03-01", words("en")) == "privacy-notice-2027-03-01.pdf"


# Escaping what it did not write


def test_a_css_string_cannot_end_the_string_or_the_style_element() -> None:
    value = archival.css_string('a"b\\c</style><script>\n')
    assert '"' not in value[1:-1] and "\\\\" not in value and "<" not in value
    assert "\n" not in value


def test_names_it_did_not_write_are_shown_as_text_everywhere() -> None:
    title = 'Titel "</style><script>x()</script>'
    controller = "<b>SEOM</b> & co"
    html = archival.document(TEXT, meta(title=title, controller=controller), words())
    assert "<script>" not in html and "<b>" not in html
    data = archival.pdf(html)
    shown = archival.text_of(data)
    assert controller in shown  # on the cover, as text
    assert title + " · version 2027-03-01" in shown  # in every page's foot
    with pikepdf.open(io.BytesIO(data)) as doc:
        assert doc.open_metadata()["dc:title"] == title


# What the copy is, and what is checked


def test_the_copy_identifies_itself_as_pdf_a_2a_with_its_version_and_commit(sample) -> None:
    with pikepdf.open(io.BytesIO(sample)) as doc:
        xmp = doc.open_metadata()
        assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"]) == ("2", "A")
        assert xmp["dc:description"] == (
            f"Version 2027-03-01, gäller från 1 mars 2027. Publicerad från commit {COMMIT}."
        )
        assert str(doc.Root.Lang) == "sv"
        assert xmp["xmp:CreateDate"].startswith("2027-02-01T09:30:00")
        (intent,) = doc.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1" and "/DestOutputProfile" in intent
    assert archival.problems(sample, meta(), TEXT) == []


def test_the_same_text_makes_the_same_bytes(sample) -> None:
    assert make(TEXT) == sample


def test_the_cover_says_what_the_copy_is(sample) -> None:
    shown = " ".join(archival.text_of(sample).split())
    assert (
        "Sollentuna Energi & Miljö AB (SEOM) Gäller från 1 mars 2027 (version 2027-03-01)."
        f" Publicerad på {URL} Publicerad från commit {COMMIT}"
    ) in shown
    assert "Förhandsvisning" not in shown
    preview = " ".join(archival.text_of(make(TEXT, preview=True, uncommitted=True)).split())
    assert "Förhandsvisning, inte publicerad: det här är inte arkivkopian." in preview
    assert f"{COMMIT} (med ändringar som inte är incheckade)" in preview


def test_the_english_copy_speaks_english() -> None:
    data = make(TEXT, locale="en", title="How we protect your personal data")
    shown = " ".join(archival.text_of(data).split())
    assert "Effective from 1 March 2027 (version 2027-03-01)." in shown
    assert "Page 1 of 1" in shown
    with pikepdf.open(io.BytesIO(data)) as doc:
        assert str(doc.Root.Lang) == "en"


def test_text_missing_from_the_file_is_found(sample) -> None:
    found = archival.problems(sample, meta(), TEXT + "<p>Ett stycke som inte finns i filen.</p>")
    assert found == [
        "the text of the page is not all in the file, from: Ettstyckesomintefinnsifilen."
    ]


def test_text_out_of_order_is_found(sample) -> None:
    swapped = "<p>Mätvärden</p><p>Vi sparar dina uppgifter så länge du är kund</p>"
    assert archival.problems(sample, meta(), swapped) == [
        "the text of the page is not all in the file, from: Visparardinauppgiftersålängeduärkund"
    ]


def test_a_copy_that_is_not_tagged_or_not_pdf_a_is_refused() -> None:
    import weasyprint

    html = archival.document(TEXT, meta(), words())
    plain = weasyprint.HTML(string=html).write_pdf()
    found = archival.problems(plain, meta(), TEXT)
    assert "the XMP does not identify PDF/A-2a" in found
    assert "the document is not marked as tagged (MarkInfo)" in found
    assert "the document has no structure tree" in found
    assert "the title is not shown as the window's title" in found
    assert any("ISO_19005_2" in problem for problem in found)  # pikepdf's validator


def test_another_title_or_language_is_found(sample) -> None:
    found = archival.problems(sample, meta(title="Annan titel", locale="en"), TEXT)
    assert "the XMP's title is 'Så skyddar vi dina personuppgifter', not 'Annan titel'" in found
    assert "the document's language is 'sv', not en" in found


# What the editors are told


def test_a_character_no_font_has_stops_publishing_with_a_swedish_message(tmp_path: Path) -> None:
    built = tmp_path / "index.html"
    built.write_text(page("<h1>Rubrik</h1><p>Ett tecken ⸻ som saknas.</p>"), encoding="utf-8")
    with pytest.raises(PublishError) as refused:
        copies.make(built, meta())
    message = str(refused.value)
    assert message.startswith(
        "arkivkopian (PDF/A) av version 2027-03-01 på svenska blev inte godkänd, så ingenting "
        "publicerades."
    )
    assert "Tecken i texten som typsnittet kan sakna: «⸻» (U+2E3B)." in message
    assert ".notdef" in message  # what the validator found, for a developer
    assert "Så rättar du det i webbläsaren" in message


def test_unusual_characters_are_those_beyond_latin_and_common_marks() -> None:
    assert copies.unusual(["Åsa – “citat” … 5 €", "≠Ω🧿"]) == ["Ω", "≠", "🧿"]


def test_a_published_version_keeps_its_copies_byte_for_byte(tmp_path: Path) -> None:
    """Deployed again (its presentation changed, or on its date), a version takes its copies
    from its folder on gh-pages, whatever the engine would make now: nothing is made."""
    import subprocess

    from mkdocs.config import load_config

    from notice.publishing.git_utils import Git

    repo = tmp_path / "repo"
    published = {
        "integritetsmeddelande-2027-03-01.pdf": b"%PDF- as published in 2027",
        "en/privacy-notice-2027-03-01.pdf": b"%PDF- the English, as published",
    }
    for path, data in published.items():
        (repo / "2027-03-01" / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / "2027-03-01" / path).write_bytes(data)
    for command in (
        ["init", "-q", "-b", "gh-pages"],
        ["add", "-A"],
        ["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", "x"],
    ):
        subprocess.run(["git", *command], cwd=repo, check=True)
    config = load_config(str(Path(__file__).parents[1] / "mkdocs.yml"))
    nothing_built = tmp_path / "site"  # making a copy would read its pages, and fail
    got = copies.archival_copies(Git(repo), config, None, nothing_built, "2027-03-01", new=False)
    assert got == published


def test_make_pdf_previews_the_copies_from_the_working_tree(tmp_path: Path) -> None:
    """`make pdf`: both languages' copies in pdf/, made and checked as publishing makes them,
    each saying on its first page that it is a preview, from which commit, and that the
    working tree has changes; the build's site/ is not touched."""
    import os
    import shutil
    import subprocess
    import sys

    from project_copy import EXAMPLE, EXAMPLE_TODAY, ROOT, SETTINGS_ENV, copy_project

    project = copy_project(tmp_path / "project", EXAMPLE / "docs")
    for name in ("Makefile", "requirements.txt", "requirements-publish.txt", ".gitignore"):
        shutil.copy2(ROOT / name, project / name)
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_ENV}
    env |= {"NOTICE_TODAY": EXAMPLE_TODAY, "GIT_AUTHOR_NAME": "T", "GIT_COMMITTER_NAME": "T"}
    env |= {"GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_EMAIL": "t@example.com"}
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "x"]):
        subprocess.run(["git", *command], cwd=project, env=env, check=True)
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=project, capture_output=True, text=True, check=True
    ).stdout.strip()
    with (project / "docs" / "lagring.md").open("a", encoding="utf-8") as f:
        f.write("\nEn mening som ännu inte är incheckad.\n")
    venv = Path(sys.executable).parent.parent
    installed = [f"--assume-old={venv}/.installed-{what}" for what in ("build", "publish")]
    result = subprocess.run(
        ["make", "--no-print-directory", "pdf", f"VENV={venv}", *installed],
        cwd=project,
        env={**env, "PATH": f"{venv}/bin{os.pathsep}{env['PATH']}"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "Förhandsvisningen av arkivkopiorna (PDF/A-2a) är gjord:\n" in result.stderr
    assert "  pdf/integritetsmeddelande-2026-12-01.pdf (" in result.stderr
    assert "  pdf/en/privacy-notice-2026-12-01.pdf (" in result.stderr
    assert not (project / "site").exists()
    sv = archival.text_of((project / "pdf/integritetsmeddelande-2026-12-01.pdf").read_bytes())
    sv = " ".join(sv.split())
    assert "Förhandsvisning, inte publicerad: det här är inte arkivkopian." in sv
    assert f"Publicerad från commit {head} (med ändringar som inte är incheckade)" in sv
    assert "En mening som ännu inte är incheckad." in sv
    en = archival.text_of((project / "pdf/en/privacy-notice-2026-12-01.pdf").read_bytes())
    assert "Preview, not published: this is not the archival copy." in " ".join(en.split())
