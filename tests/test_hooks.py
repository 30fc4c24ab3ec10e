"""Unit tests of the hooks' helpers (hooks/notice/) and pure functions."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import OrderedDict
from pathlib import Path

import pytest

import content_model
import i18n_fixes
from conftest import NOTICE_DOCS, ROOT, copy_project
from notice import checks, dates, gfm, html, model, reading, render, sources, urls, word_diff

LANGS = ["sv", "en"]


@pytest.mark.parametrize(
    ("path", "locale", "base"),
    [
        ("insamling.md", "sv", "insamling.md"),
        ("insamling.en.md", "en", "insamling.md"),
        ("sub/page.en.md", "en", "sub/page.md"),
        ("version-2.md", "sv", "version-2.md"),
    ],
)
def test_language_and_base_name_come_from_the_suffix(path: str, locale: str, base: str) -> None:
    assert sources.locale_of(path, LANGS) == locale
    assert sources.base_path(path) == base


def test_translation_path() -> None:
    assert sources.translation_path("insamling.md", "en", "sv") == "insamling.en.md"
    assert sources.translation_path("insamling.en.md", "sv", "sv") == "insamling.md"


def test_read_page_splits_front_matter_and_body() -> None:
    problems: list[str] = []
    text = "---\nsection: use\nsummary: En mening.\ngdpr: [13.1.c]\n---\n\n# Rubrik\n\nText.\n"
    source = sources.read_page("anvandning.md", text, LANGS, problems)
    assert problems == []
    assert source.meta == {"section": "use", "summary": "En mening.", "gdpr": ["13.1.c"]}
    assert source.body == "\n# Rubrik\n\nText.\n"
    assert source.body_line == 6
    assert source.has_front_matter


def test_read_page_without_front_matter_is_a_plain_page() -> None:
    problems: list[str] = []
    source = sources.read_page("x.md", "# Titel\n", LANGS, problems)
    assert (source.meta, source.readable, source.has_front_matter, problems) == (
        {},
        True,
        False,
        [],
    )


def test_yaml_keeps_scalars_as_text_and_refuses_a_key_twice() -> None:
    problems: list[str] = []
    data = sources.load_yaml("a: 13.3\nb: 2026-12-01\nc: yes\nd:\n", "docs/x.yml", 1, problems, "")
    assert data == {"a": "13.3", "b": "2026-12-01", "c": "yes", "d": None}
    assert sources.load_yaml("a: 1\na: 2\n", "docs/x.yml", 1, problems, "") is None
    assert problems == [
        "docs/x.yml, rad 2: nyckeln a står två gånger. Ta bort den ena, så att det inte är "
        "oklart vilken som gäller."
    ]


def test_section_meta_accepts_art_13_and_14_codes() -> None:
    source = sources.Source(
        "x.md",
        "sv",
        "",
        {"section": "a", "summary": "S.", "gdpr": ["13.1.a", "14.2.f", "13.3"]},
        "# T",
    )
    assert checks.section_meta(source, {"a": ""}) == []


def test_a_file_name_suggestion_is_a_valid_name() -> None:
    assert sources.suggest_name("Vår Policy (ny).MD") == "var-policy-ny.md"


@pytest.fixture(scope="module")
def notice() -> model.Notice:
    return reading.load(NOTICE_DOCS, LANGS, today=dt.date(2026, 11, 28), with_previous=False)


def context(notice: model.Notice, locale: str, path: str) -> render.Context:
    return render.Context(notice, locale, path, "", env=None, form_settings={})


def test_summary_lists_each_section_with_a_link_relative_to_the_page(
    notice: model.Notice,
) -> None:
    summary = render.render_summary(context(notice, "en", "index.en.md"))
    assert summary.startswith(
        "### [Data controller](personuppgiftsansvarig.md)\n\nSEOM, a company owned by the "
        "Municipality of Sollentuna, is the controller of your personal data.\n"
    )
    assert summary.count("### [") == 7
    nested = render.render_summary(context(notice, "en", "sub/index.en.md"))
    assert nested.startswith("### [Data controller](../personuppgiftsansvarig.md)")


def test_text_from_front_matter_stays_text_in_markdown() -> None:
    text = 'Vi *sparar* <img src=x onerror=alert(1)> & [länk](x.md) "citat"'
    rendered = html.MarkdownConfig().render(gfm.escape_for_site(text))
    assert rendered == (
        '<p>Vi *sparar* &lt;img src=x onerror=alert(1)&gt; &amp; [länk](x.md) "citat"</p>'
    )


def test_full_notice_demotes_headings_outside_code() -> None:
    markdown = "# A\n\n## B\n\n```\n# not a heading\n```\n###### deepest\n"
    assert render.demote_headings(markdown) == (
        "## A\n\n### B\n\n```\n# not a heading\n```\n###### deepest\n"
    )


def test_every_kind_of_heading_is_demoted() -> None:
    markdown = "#Utan mellanslag\n\nUnderstruken\n===\n\nUnder\n---\n"
    html_out = html.MarkdownConfig().render(render.demote_headings(markdown))
    assert [level for level, _ in html.read(html_out).headings] == [2, 2, 3]


@pytest.mark.parametrize(
    "text", ["1. Vi sparar uppgifterna.", "- Vi sparar", "12) Tolv månader", "# Rubrik"]
)
def test_a_summary_that_looks_like_markdown_stays_one_paragraph(text: str) -> None:
    rendered = html.MarkdownConfig().render(gfm.escape_for_site(text))
    assert rendered == f"<p>{text}</p>"


def test_the_menu_gets_the_sections_where_mkdocs_yml_says() -> None:
    nav = [{"Startsida": "index.md"}, "sections.yml", "kontakt.md"]
    items, problems = content_model.with_sections(nav, ["a.md", "b.md"])
    assert (items, problems) == ([{"Startsida": "index.md"}, "a.md", "b.md", "kontakt.md"], [])


def test_a_page_twice_in_the_menu_is_reported() -> None:
    nav = [{"Startsida": "index.md"}, "sections.yml", "a.md", "kontakt.md"]
    _, problems = content_model.with_sections(nav, ["a.md", "b.md"])
    assert problems == [
        "mkdocs.yml: sidan a.md står flera gånger i menyn (nav). Avsnitten läggs in i menyn "
        "från docs/sections.yml: ta bort raden '- a.md' ur nav."
    ]


def test_split_search_index_writes_one_index_per_language(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    merged = {
        "config": {"lang": ["sv", "en"]},
        "docs": [
            {"location": "", "title": "Start", "text": ""},
            {"location": "en/", "title": "Home", "text": ""},
            {"location": "en/insamling/#x", "title": "X", "text": ""},
            {"location": "insamling/", "title": "Insamling", "text": ""},
        ],
    }
    (tmp_path / "search/search_index.json").write_text(json.dumps(merged))
    i18n_fixes.split_search_index(tmp_path, ["sv", "en"])
    sv = json.loads((tmp_path / "search/search_index.json").read_text())
    en = json.loads((tmp_path / "en/search/search_index.json").read_text())
    assert [d["title"] for d in sv["docs"]] == ["Start", "Insamling"]
    assert [d["title"] for d in en["docs"]] == ["Home", "X"]
    assert (sv["config"]["lang"], en["config"]["lang"]) == (["sv"], ["en"])


@pytest.mark.parametrize(("locale", "text"), [("sv", "5 maj 2027"), ("en", "5 May 2027")])
def test_dates_are_written_the_languages_way(locale: str, text: str) -> None:
    assert dates.long_date(dt.date(2027, 5, 5), locale) == text


@pytest.mark.parametrize(
    ("page_url", "path", "link"),
    [
        ("versioner/", "", "../../2026-12-01/"),
        ("en/versioner/", "en/", "../../../2026-12-01/en/"),
        ("", "andringar", "../2026-12-01/andringar/"),
    ],
)
def test_links_to_other_versions_are_relative_to_the_page(
    page_url: str, path: str, link: str
) -> None:
    assert urls.version_link(page_url, "2026-12-01", path) == link


@pytest.mark.parametrize(
    ("page_url", "target", "directory_urls", "link"),
    [
        ("tillganglighet/", "kontakt", True, "../kontakt/"),
        ("en/tillganglighet/", "en/kontakt", True, "../kontakt/"),
        # The preview (use_directory_urls: false), opened from disk: files, not folders.
        ("tillganglighet.html", "kontakt", False, "kontakt.html"),
        ("en/tillganglighet.html", "en/kontakt", False, "kontakt.html"),
        ("en/index.html", "tillganglighet", False, "../tillganglighet.html"),
    ],
)
def test_links_between_pages_follow_use_directory_urls(
    page_url: str, target: str, directory_urls: bool, link: str
) -> None:
    assert urls.page_link(page_url, target, directory_urls=directory_urls) == link


@pytest.mark.parametrize(
    ("base_url", "prefix", "directory_urls", "link"),
    [
        ("..", "en/", True, "../en/tillganglighet/"),
        (".", "", False, "./tillganglighet.html"),
        ("..", "en/", False, "../en/tillganglighet.html"),
    ],
)
def test_the_footer_links_the_statement_as_the_build_writes_pages(
    base_url: str, prefix: str, directory_urls: bool, link: str
) -> None:
    assert urls.statement(base_url, prefix, directory_urls=directory_urls) == link


def test_a_word_diff_keeps_only_changed_paragraphs() -> None:
    kept = ["Ett", "stycke", "som", "står", "kvar."]
    before = [["Titel"], kept, ["Vi", "sparar", "tolv", "månader."]]
    after = [["Titel"], kept, ["Vi", "sparar", "sex", "månader."]]
    [paragraph] = word_diff.diff_paragraphs(before, after)
    assert word_diff.chunks(paragraph, str) == [
        {"op": "same", "text": "Vi sparar"},
        {"op": "del", "text": "tolv"},
        {"op": "ins", "text": "sex"},
        {"op": "same", "text": "månader."},
    ]


def test_a_link_target_is_shown_only_where_it_changed() -> None:
    before = [["Läs", "mer", html.LINK + "a.md"]]
    after = [["Läs", "mer", html.LINK + "b.md"]]
    [paragraph] = word_diff.diff_paragraphs(before, after)
    assert word_diff.chunks(paragraph, lambda href: f"(till {href})") == [
        {"op": "same", "text": "Läs mer"},
        {"op": "del", "text": "(till a.md)"},
        {"op": "ins", "text": "(till b.md)"},
    ]
    unchanged = [("same", "Läs"), ("same", html.LINK + "a.md")]
    assert word_diff.chunks(unchanged, str) == [{"op": "same", "text": "Läs"}]


def test_rendered_html_reads_as_words_with_link_targets() -> None:
    page = html.read(
        html.MarkdownConfig().render("# Titel\n\nLäs [dina *rättigheter*](r.md).\n\n- Ett\n- Två\n")
    )
    assert page.title == "Titel"
    assert page.blocks == [
        ["Titel"],
        ["Läs", "dina", "rättigheter.", html.LINK + "r.md"],
        ["Ett"],
        ["Två"],
    ]


def test_a_build_reads_each_file_of_docs_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One reading: the model reads docs/, and MkDocs renders the text the model read."""
    import builtins
    import io

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for name in ("SITE_URL", "CONTACT_FORM_ACTION", "CONTACT_FORM_MAILTO"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NOTICE_TODAY", "2026-12-15")
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    opened: list[str] = []
    real_open = builtins.open

    def counting_open(file, *args, **kwargs):
        path = Path(file) if isinstance(file, str | Path) else None
        if path is not None and path.resolve().is_relative_to(docs):
            opened.append(path.resolve().relative_to(docs).as_posix())
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    monkeypatch.setattr(io, "open", counting_open)
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    files = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())
    assert sorted(opened) == files


def test_the_theme_lists_the_same_files_without_walking_its_hidden_folders(
    tmp_path: Path,
) -> None:
    """notice/theme.py: what MkDocs copies from the theme is unchanged, the icons still load."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from notice import theme

    config = load_config(
        str(ROOT / "mkdocs.yml"), docs_dir=str(NOTICE_DOCS), site_dir=str(tmp_path / "site")
    )
    stock, pruned = Files([]), Files([])
    stock_env = config.theme.get_env()
    stock.add_files_from_theme(stock_env, config)
    theme.prune_hidden(config.theme)
    theme.prune_hidden(config.theme)  # static-i18n's nested build: the same theme again
    env = config.theme.get_env()
    assert type(env.loader) is theme.PrunedLoader
    pruned.add_files_from_theme(env, config)
    assert [f.abs_src_path for f in pruned] == [f.abs_src_path for f in stock]
    assert any(f.src_uri.endswith(".js") for f in stock)
    assert any(name.startswith(".icons/") for name in stock_env.list_templates())
    assert not any("/." in name or name.startswith(".") for name in env.list_templates())
    icon = ".icons/material/shield-lock-outline.svg"
    assert env.get_template(icon).render() == stock_env.get_template(icon).render()


def test_the_search_settings_in_mkdocs_yml_are_materials_own(tmp_path: Path) -> None:
    """mkdocs.yml gives the search plugin what it would work out from Material's language files
    (and static-i18n add): a Material upgrade that changes them fails here."""
    from material.plugins.search.plugin import SearchPlugin
    from mkdocs.config import load_config

    config = load_config(
        str(ROOT / "mkdocs.yml"), docs_dir=str(NOTICE_DOCS), site_dir=str(tmp_path / "site")
    )
    search = config.plugins["material/search"]

    def material(key: str) -> str:
        return SearchPlugin._translate(search, config, f"search.config.{key}")

    assert search.config.lang == [material("lang"), "en"]
    assert search.config.separator == material("separator")
    assert search.config.pipeline == [p for p in re.split(r"\s*,\s*", material("pipeline")) if p]


def test_a_text_is_rendered_once_per_extension_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """notice/html.py keeps rendered Markdown by extensions, settings and text."""
    import markdown

    converted: list[str] = []
    real = markdown.Markdown.convert

    def convert(self: markdown.Markdown, text: str) -> str:
        converted.append(text)
        return real(self, text)

    monkeypatch.setattr(markdown.Markdown, "convert", convert)
    monkeypatch.setattr(html, "_RENDERED", OrderedDict())  # nothing from other tests
    text = "# Rubrik\n\nText.\n"
    plain = html.MarkdownConfig(("toc",), {"toc": {"permalink": False}})
    linked = html.MarkdownConfig(("toc",), {"toc": {"permalink": True}})
    first = plain.render(text)
    assert html.MarkdownConfig(("toc",), {"toc": {"permalink": False}}).render(text) == first
    assert linked.render(text) != first
    assert plain.render(text + "Mer.\n") != first
    assert converted == [text, text, text + "Mer.\n"]


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The names of the templates Jinja compiles from now on, in order."""
    import jinja2

    names: list[str | None] = []
    real = jinja2.Environment.compile

    def compile_(self: jinja2.Environment, source: str, name: str | None = None, *a, **k):
        names.append(name)
        return real(self, source, name, *a, **k)

    monkeypatch.setattr(jinja2.Environment, "compile", compile_)
    return names


def test_shared_templates_are_compiled_once_and_again_when_edited(
    compiled: list[str | None],
) -> None:
    """notice/build.py: environments share compiled templates until a template's source
    changes."""
    import jinja2

    from notice import build as notice_build

    cache = notice_build.CompiledTemplates()
    sources = {"t.html": "Hej {{ name }}"}

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=cache)
        return env.get_template("t.html").render(name="SEOM")

    assert (render(), render()) == ("Hej SEOM", "Hej SEOM")
    assert compiled == ["t.html"]
    sources["t.html"] = "Hejsan {{ name }}"
    assert render() == "Hejsan SEOM"
    assert compiled == ["t.html", "t.html"]


@pytest.mark.parametrize(
    ("basis", "marketing", "objection"),
    [
        ("a", False, False),
        ("b", False, False),
        ("c", False, False),
        ("d", False, False),
        ("e", False, True),  # Art. 21(1)
        ("f", False, True),  # Art. 21(1)
        (None, False, False),  # not said yet: publishing waits for it
        ("b", True, True),  # Art. 21(2): direct marketing, whatever the basis
        ("a", True, True),
    ],
)
def test_the_right_to_object_follows_the_basis_and_direct_marketing(
    basis: str | None, marketing: bool, objection: bool
) -> None:
    assert model.Purpose("x", basis, marketing, {}).objection is objection


def test_the_shortcodes_html_goes_in_after_markdown_wherever_markdown_left_it() -> None:
    """A code alone in a paragraph, or inside an editor's raw HTML (where Markdown writes no
    <p>): its HTML replaces the placeholder, and Markdown never sees it."""
    stash = render.Stash()
    block = '<div class="x">\n<p>A *not emphasised* <a href="?a&amp;b">link</a></p>\n</div>'
    markdown = f"Before.\n{stash.hold(block)}<div>{stash.hold('<b>2</b>')}</div>"
    converted = html.MarkdownConfig().render(markdown)
    assert "not emphasised" not in converted and "<em>" not in converted
    out = stash.put_back(converted)
    assert block in out and "<b>2</b>" in out
    assert stash.token not in out
    # Another page's placeholder, or text that looks like one, is not this page's.
    assert render.Stash().put_back("<p>NOTICEBLOCK0X</p>") == "<p>NOTICEBLOCK0X</p>"


def test_the_words_are_read_again_when_their_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make serve` rebuilds with what a developer just saved, in Python and in templates."""
    import jinja2

    from notice import texts

    monkeypatch.setattr(texts, "WORDS", tmp_path)
    monkeypatch.setattr(texts, "_read", {})
    (tmp_path / "sv.json").write_text('{"feed": {"title": "Ett"}}', encoding="utf-8")
    env = texts.install(jinja2.Environment())
    template = env.from_string("{{ notice_words.sv.feed.title }}")
    assert (texts.of(None, "sv")["feed"]["title"], template.render()) == ("Ett", "Ett")
    (tmp_path / "sv.json").write_text('{"feed": {"title": "Två"}}', encoding="utf-8")
    assert (texts.of(None, "sv")["feed"]["title"], template.render()) == ("Två", "Två")
