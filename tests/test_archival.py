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
            '<svg><a href="https://example.com/">ikon</a></svg><span aria-hidden="true">★</span>'
            '<p><img src="https://example.com/x.png" alt="En bild"><img src="x.png" alt=""></p>'
        ),
        URL,
    )
    # An image is what its alternative text says, as a screen reader reads the page.
    assert text == '<p class="seom-missing">Saknas</p>Texten står kvar<p>En bild</p>'


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
        f" Publicerad på {URL} Publicerad från versionshanteringen (git), commit {COMMIT}"
    ) in shown
    assert "Förhandsvisning" not in shown


def test_a_preview_says_so_on_its_cover_and_in_its_metadata() -> None:
    data = make(TEXT, preview=True, uncommitted=True)
    shown = " ".join(archival.text_of(data).split())
    assert "Förhandsvisning, inte publicerad: det här är inte arkivkopian." in shown
    assert f"{COMMIT} (med ändringar som inte är incheckade)" in shown
    with pikepdf.open(io.BytesIO(data)) as doc:
        assert doc.open_metadata()["dc:description"] == (
            "Förhandsvisning, inte arkivkopian. Version 2027-03-01, gäller från 1 mars 2027. "
            f"Publicerad från commit {COMMIT} (med ändringar som inte är incheckade)."
        )


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


def test_a_word_the_file_lacks_is_found(sample) -> None:
    changed = TEXT.replace("tolv månader", "tretton månader")
    assert archival.problems(sample, meta(), changed) == [
        "the text of the page is not all in the file, from: Visparardinauppgiftersålängeduärkund,"
        "ochtrettonmånaderdärefter."
    ]


@pytest.mark.parametrize(
    "body",
    [
        # A paragraph, a list item and a table cell that run onto the next page: the foot of
        # the page stands between their two halves in the file's text.
        "<p>" + " ".join(f"ord{n}" for n in range(1500)) + "</p>",
        "<ul>" + "".join(f"<li>{'punkt ' * 90}{n}</li>" for n in range(40)) + "</ul>",
        "<table><tr><td>" + " ".join(f"cell{n}" for n in range(1200)) + "</td><td>B</td></tr>"
        "</table>",
        # A soft hyphen, which Swedish typography uses: where the line breaks at it, the file
        # shows a hyphen; elsewhere nothing.
        "<p>" + "Personupp\u00adgiftsansvarig " * 200 + "</p>",
        # A link to an address with parentheses, which the copy prints after the link's text.
        '<p>Se <a href="https://sv.wikipedia.org/wiki/GDPR_(lag)">Wikipedia</a> för mer.</p>',
    ],
    ids=["paragraph", "list", "table", "soft hyphen", "parentheses"],
)
def test_text_the_layout_breaks_is_still_found_whole(body: str) -> None:
    text = "<h1>Rubrik</h1>" + body
    assert archival.problems(make(text), meta(), text) == []


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


def built_version(tmp_path: Path, sv: str, en: str) -> tuple[Path, Path]:
    """A version's whole-notice pages as built, in both languages, and its docs/."""
    site_dir, docs = tmp_path / "site", tmp_path / "docs"
    for prefix, body in (("", sv), ("en/", en)):
        (site_dir / prefix / archival.PAGE).mkdir(parents=True)
        (site_dir / prefix / archival.PAGE / "index.html").write_text(page(body), "utf-8")
    docs.mkdir()
    (docs / "klagomal.md").write_text("# Klagomål\n\nEtt tecken ⸻ som saknas.\n", "utf-8")
    (docs / "klagomal.en.md").write_text("# Complaints\n\nA mark ⸻ and 🧿.\n", "utf-8")
    return site_dir, docs


@pytest.fixture(scope="module")
def config():
    """The engine's settings (mkdocs.yml: its languages, its site's name); no docs/ read."""
    from mkdocs.config import load_config

    return load_config(str(Path(__file__).parents[1] / "mkdocs.yml"))


class Controller:
    def of(self, locale: str) -> dict:
        return {"name": "SEOM"}


NOTICE = type("Notice", (), {"controller": Controller()})()


@pytest.mark.parametrize("preview", [False, True], ids=["publishing", "the gate"])
def test_a_character_no_font_has_stops_publishing_and_says_where(
    tmp_path: Path, config, preview: bool
) -> None:
    site_dir, docs = built_version(
        tmp_path,
        "<h1>Klagomål</h1><p>Ett tecken ⸻ som saknas.</p>",
        "<h1>Complaints</h1><p>A mark ⸻ and 🧿.</p>",
    )
    source = copies.Source(COMMIT, dt.datetime(2027, 2, 1, tzinfo=dt.UTC), preview=preview)
    with pytest.raises(PublishError) as refused:
        copies.made(config, NOTICE, site_dir, "2027-03-01", URL, source, docs)
    message = str(refused.value)
    # Both languages, at once; the characters the font lacks, and where docs/ has them.
    head = (
        "arkivkopian (PDF/A) av version 2027-03-01 på svenska och engelska "
        + (
            "skulle inte godkännas när versionen publiceras, så publiceringen skulle stoppa."
            if preview
            else "blev inte godkänd, så ingenting publicerades."
        )
        + " Typsnittet saknar tecknen «⸻» (U+2E3B), «🧿» (U+1F9FF), och PDF/A tillåter inte "
        "tecken som inte går att visa. Ta bort dem eller byt ut dem (docs/klagomal.en.md, rad "
        "3, docs/klagomal.md, rad 3).\nDet som inte godkändes:\n  - [violation] "
    )
    assert message.startswith(head)
    assert ".notdef" in message  # what the validator found, for a developer
    # After a merge, how to fix it in the browser; before it, in the same branch.
    assert ("Så rättar du det i webbläsaren" in message) is not preview


def test_a_published_versions_missing_copy_is_made_and_the_fix_is_a_new_version(
    tmp_path: Path, config
) -> None:
    site_dir, docs = built_version(tmp_path, "<h1>R</h1><p>⸻</p>", "<h1>R</h1><p>Text.</p>")
    source = copies.Source(COMMIT, dt.datetime(2027, 2, 1, tzinfo=dt.UTC), published=True)
    with pytest.raises(PublishError) as refused:
        copies.made(config, NOTICE, site_dir, "2027-03-01", URL, source, docs)
    assert (
        "Version 2027-03-01 är redan publicerad och dess text ändras inte: rätta i en ny "
        "version överst i docs/versions.yml (REDIGERA.md, avsnitt 7)."
    ) in str(refused.value)


def test_the_characters_without_a_glyph_are_read_from_the_file() -> None:
    text = "<h1>Rubrik</h1><p>Å ä ö – “citat” → ≥ Ω ⸻ 🧿</p>"
    data = make(text)
    assert archival.without_glyphs(data, archival.problems(data, meta(), text)) == ["⸻", "🧿"]


def gh_pages(repo: Path, files: dict[str, bytes], tag: str | None = None) -> None:
    import subprocess

    for path, data in files.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_bytes(data)
    identity = ["-c", "user.name=T", "-c", "user.email=t@example.com"]
    for command in (["init", "-q", "-b", "gh-pages"], ["add", "-A"]):
        subprocess.run(["git", *command], cwd=repo, check=True)
    subprocess.run(["git", *identity, "commit", "-q", "-m", "x"], cwd=repo, check=True)
    if tag:
        subprocess.run(["git", *identity, "tag", "-a", tag, "-m", "t"], cwd=repo, check=True)


def test_a_published_version_keeps_its_copies_byte_for_byte(tmp_path: Path, config) -> None:
    """Deployed again (its presentation changed, or on its date), a version takes its copies
    from its folder on gh-pages, whatever the engine would make now: nothing is made."""
    from notice.publishing.git_utils import Git

    published = {
        "integritetsmeddelande-2027-03-01.pdf": b"%PDF- as published in 2027",
        "en/privacy-notice-2027-03-01.pdf": b"%PDF- the English, as published",
    }
    gh_pages(tmp_path / "repo", {f"2027-03-01/{p}": d for p, d in published.items()})
    nothing_built = tmp_path / "site"  # making a copy would read its pages, and fail
    got = copies.archival_copies(
        Git(tmp_path / "repo"), config, NOTICE, nothing_built, "2027-03-01", new=False
    )
    assert got == published


def test_a_copy_missing_online_is_made_and_the_published_one_kept(tmp_path: Path, config) -> None:
    """A version published before the English copy existed: the Swedish one stays as it is;
    the English one is made, naming the commit the version's tag names."""
    import subprocess

    from notice.publishing.git_utils import Git

    repo = tmp_path / "repo"
    sv = {"2027-03-01/integritetsmeddelande-2027-03-01.pdf": b"%PDF- as published"}
    gh_pages(repo, sv, tag="notice/2027-03-01")
    tagged = subprocess.run(
        ["git", "rev-parse", "notice/2027-03-01^{commit}"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    site_dir, _ = built_version(tmp_path, TEXT, TEXT)
    got = copies.archival_copies(Git(repo), config, NOTICE, site_dir, "2027-03-01", new=False)
    assert got["integritetsmeddelande-2027-03-01.pdf"] == b"%PDF- as published"
    with pikepdf.open(io.BytesIO(got["en/privacy-notice-2027-03-01.pdf"])) as doc:
        assert doc.open_metadata()["dc:description"].endswith(f"commit {tagged}.")


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
    assert f"(git), commit {head} (med ändringar som inte är incheckade)" in sv
    # The address the version will have in the archive: its folder under site_url.
    assert "Publicerad på https://integritet.seom.se/2026-12-01/hela-meddelandet/" in sv
    assert "En mening som ännu inte är incheckad." in sv
    en = archival.text_of((project / "pdf/en/privacy-notice-2026-12-01.pdf").read_bytes())
    assert "Preview, not published: this is not the archival copy." in " ".join(en.split())
