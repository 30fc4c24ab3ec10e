"""The allowlist from outside: published XSS corpora, then properties (issue 17, rule 9).

Each vector of tests/xss_vectors.py (OWASP's, Cure53's and PortSwigger's cheat sheets, and
their Markdown forms) is put into a page of the example notice: the model refuses it with a
message naming the page, or it renders inert, which a real build opened in Chromium proves:
no dialog, no sentinel set, no request to another host, no policy violation. Then Hypothesis
tries the allowlist, the URL rule and the text rule on what it makes up, each against an
oracle written independently of the code it checks.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from conftest import NOTICE_DOCS, SiteServer, build, copy_project, watched_tab
from notice import allowlist, checks, html, model, reading, sources
from xss_vectors import VECTORS

LANGUAGES = ["sv", "en"]
TODAY = dt.date(2026, 12, 15)
FILES, _ = sources.read_tree(NOTICE_DOCS)
PAGE = "lagring.md"


def with_vector(vector: str) -> model.Notice:
    """The example notice with ``vector`` as a paragraph of its own on the retention page."""
    files = dict(FILES)
    files[PAGE] = FILES[PAGE] + f"\n{vector}\n".encode()
    return reading.from_files(files, LANGUAGES, today=TODAY)


def refused(vector: str) -> bool:
    return any(p.startswith(f"docs/{PAGE}") for p in with_vector(vector).problems)


ACCEPTED = [vector for vector in VECTORS if not refused(vector)]


@pytest.mark.parametrize("vector", VECTORS, ids=range(len(VECTORS)))
def test_a_vector_is_refused_or_shows_as_text(vector: str) -> None:
    """Refused with a message naming the page; or its HTML holds nothing the allowlist does not
    (Markdown showed it as text: the browser test below proves it inert)."""
    notice = with_vector(vector)
    if any(p.startswith(f"docs/{PAGE}") for p in notice.problems):
        return
    page = notice.rendered[PAGE]
    assert all(tag in allowlist.ELEMENTS for tag, _ in page.elements), vector
    attributes = [(name, value or "") for _, attrs in page.elements for name, value in attrs]
    assert not any(name.startswith("on") for name, _ in attributes), vector
    for name, value in attributes:
        if name in ("href", "src"):
            assert not _as_browsers_read(value).startswith(CODE_SCHEMES), vector


def test_most_vectors_are_refused_outright() -> None:
    # What is accepted is what Markdown writes as text, or shows as code.
    assert len(ACCEPTED) < len(VECTORS) // 5, ACCEPTED


@pytest.fixture(scope="module")
def inert_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """A real build of the example notice with every accepted vector on the retention page,
    in both languages, served."""
    project = copy_project(tmp_path_factory.mktemp("xss"))
    for name in (PAGE, "lagring.en.md"):
        page = project / "docs" / name
        text = page.read_text(encoding="utf-8")
        page.write_text(text + "".join(f"\n{v}\n" for v in ACCEPTED), encoding="utf-8")
    server = SiteServer(tmp_path_factory.mktemp("xss-site"))
    result = build(project, server.site_dir, site_url=server.url)
    assert result.returncode == 0, result.stderr
    server.start()
    yield server
    server.stop()


LEADS_ELSEWHERE = """() => [
  ...[...document.querySelectorAll("article a[href]")].map((a) => new URL(a.href))
    .filter((url) => !["https:", "mailto:", "tel:"].includes(url.protocol)
                     && url.origin !== location.origin),
  ...[...document.querySelectorAll("article img")].map((img) => new URL(img.src))
    .filter((url) => url.origin !== location.origin),
].map(String)"""

SENTINEL = """
window.__ran = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => window.__ran.push(name);
}
document.addEventListener("securitypolicyviolation", (e) =>
  window.__ran.push("policy: " + e.violatedDirective + " " + e.blockedURI), true);
"""


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_what_is_accepted_renders_inert_in_chromium(
    browser, inert_site: SiteServer, site: SiteServer, prefix: str
) -> None:
    context = browser.new_context()
    context.add_init_script(SENTINEL)
    tab = watched_tab(context, inert_site.origin)
    dialogs: list[str] = []
    tab.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        tab.page.goto(inert_site.url + f"{prefix}lagring/")
        tab.page.wait_for_load_state("networkidle")
        tab.page.mouse.move(200, 300)
        tab.page.keyboard.press("Tab")
        ran = tab.page.evaluate("window.__ran")
        # Every link and image of the text, as Chromium itself resolved it.
        foreign = tab.page.evaluate(LEADS_ELSEWHERE)
    finally:
        context.close()
    assert (ran, dialogs, tab.foreign_requests, foreign) == ([], [], [], [])
    built = (inert_site.site_dir / prefix / "lagring" / "index.html").read_text(encoding="utf-8")
    tree = LexborHTMLParser(built)
    assert not [
        (node.tag, name)
        for node in tree.root.traverse()
        for name in node.attributes
        if name.lower().startswith("on")
    ]
    # The only scripts that run inline are the theme's, the same as on the clean notice.
    clean = (site.site_dir / prefix / "lagring" / "index.html").read_text(encoding="utf-8")
    assert _inline_scripts(built) == _inline_scripts(clean)


def _inline_scripts(page: str) -> list[str]:
    return [
        script.text()
        for script in LexborHTMLParser(page).css("script")
        if (script.attributes.get("type") or "").lower() in ("", "text/javascript", "module")
        and "src" not in script.attributes
    ]


# Properties, each against an oracle written apart from the code it checks

CODE_SCHEMES = ("javascript:", "vbscript:", "data:")


def _as_browsers_read(url: str) -> str:
    """The WHATWG URL parser's first steps, written out: leading and trailing C0 controls and
    spaces off, every tab and newline out, then lower case."""
    url = url.strip("".join(chr(c) for c in range(0x21)))
    return re.sub("[\t\n\r]", "", url).lower()


URL_TEXT = st.one_of(
    st.text(max_size=40),
    st.builds(
        lambda pre, rest: pre + rest,
        st.sampled_from(["//", "/\\", "\\/", "\\\\", " //", "\t/\n/", "\x01//", "///"]),
        st.text(max_size=20),
    ),
    st.builds(
        lambda pre, scheme, mid, rest: pre + scheme[:2] + mid + scheme[2:] + rest,
        st.sampled_from(["", " ", "\t", "\x01", "\n"]),
        st.sampled_from(["javascript:", "JavaScript:", "vbscript:", "data:", "https:", "mailto:"]),
        st.sampled_from(["", "\t", "\n", "\r"]),
        st.text(max_size=20),
    ),
)


@settings(max_examples=400, deadline=None)
@given(URL_TEXT)
def test_no_link_the_allowlist_takes_runs_code(url: str) -> None:
    if allowlist.link_allowed(url) or allowlist.resource_allowed(url):
        assert not _as_browsers_read(url).startswith(CODE_SCHEMES), url


@settings(max_examples=300, deadline=None)
@given(URL_TEXT)
def test_no_image_the_allowlist_takes_comes_from_another_host(url: str) -> None:
    if allowlist.resource_allowed(url):
        read = _as_browsers_read(url).replace("\\", "/")
        assert not read.startswith("//") and not re.match(r"[a-z][a-z0-9+.-]*:", read), url


# Default_Ignorable_Code_Point, typed from Unicode's DerivedCoreProperties.txt (the same in
# Unicode 14, 15 and 16): what a browser draws as nothing, assigned or kept for later.
DEFAULT_IGNORABLE = [
    (0x00AD, 0x00AD),  # SOFT HYPHEN
    (0x034F, 0x034F),  # COMBINING GRAPHEME JOINER
    (0x061C, 0x061C),  # ARABIC LETTER MARK
    (0x115F, 0x1160),  # HANGUL CHOSEONG FILLER..HANGUL JUNGSEONG FILLER
    (0x17B4, 0x17B5),  # KHMER VOWEL INHERENT AQ..AA
    (0x180B, 0x180D),  # MONGOLIAN FREE VARIATION SELECTOR ONE..THREE
    (0x180E, 0x180E),  # MONGOLIAN VOWEL SEPARATOR
    (0x180F, 0x180F),  # MONGOLIAN FREE VARIATION SELECTOR FOUR
    (0x200B, 0x200F),  # ZERO WIDTH SPACE..RIGHT-TO-LEFT MARK
    (0x202A, 0x202E),  # LEFT-TO-RIGHT EMBEDDING..RIGHT-TO-LEFT OVERRIDE
    (0x2060, 0x2064),  # WORD JOINER..INVISIBLE PLUS
    (0x2065, 0x2065),  # reserved
    (0x2066, 0x206F),  # LEFT-TO-RIGHT ISOLATE..NOMINAL DIGIT SHAPES
    (0x3164, 0x3164),  # HANGUL FILLER
    (0xFE00, 0xFE0F),  # VARIATION SELECTOR-1..16
    (0xFEFF, 0xFEFF),  # ZERO WIDTH NO-BREAK SPACE
    (0xFFA0, 0xFFA0),  # HALFWIDTH HANGUL FILLER
    (0xFFF0, 0xFFF8),  # reserved
    (0x1BCA0, 0x1BCA3),  # SHORTHAND FORMAT LETTER OVERLAP..UP STEP
    (0x1D173, 0x1D17A),  # MUSICAL SYMBOL BEGIN BEAM..END PHRASE
    (0xE0000, 0xE0000),  # reserved
    (0xE0001, 0xE0001),  # LANGUAGE TAG
    (0xE0002, 0xE001F),  # reserved
    (0xE0020, 0xE007F),  # TAG SPACE..CANCEL TAG
    (0xE0080, 0xE00FF),  # reserved
    (0xE0100, 0xE01EF),  # VARIATION SELECTOR-17..256
    (0xE01F0, 0xE0FFF),  # reserved
]


def _is_text(char: str) -> bool:
    """What may stand in the editors' files, from Unicode's categories and its list of
    default ignorables directly."""
    if char in "\t\n\u00ad":
        return True
    code = ord(char)
    noncharacter = 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE
    ignorable = any(first <= code <= last for first, last in DEFAULT_IGNORABLE)
    return (
        unicodedata.category(char) not in ("Cc", "Cf", "Co") and not noncharacter and not ignorable
    )


def test_the_text_rule_refuses_exactly_what_is_not_text() -> None:
    """Every code point there is (but surrogates, which UTF-8 cannot carry), one by one."""
    wrong = [
        f"U+{code:04X}"
        for code in range(0x110000)
        if not 0xD800 <= code <= 0xDFFF
        and code != 0x0D  # decode() turns every line ending into "\n" first
        and bool(sources.NOT_TEXT.match(chr(code))) == _is_text(chr(code))
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("char", "described"),
    [
        ("\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("\u034f", "U+034F (COMBINING GRAPHEME JOINER)"),
        ("\u3164", "U+3164 (HANGUL FILLER)"),
        ("\U000e0100", "U+E0100 (VARIATION SELECTOR-17)"),
        ("\x1b", "U+001B (ESCAPE)"),
        ("\x85", "U+0085 (kontrolltecken)"),
        # Reserved, private use, noncharacters: Unicode gives them no name.
        ("\u2065", "U+2065"),
        ("\ufff0", "U+FFF0"),
        ("\U000e0fff", "U+E0FFF"),
        ("\ue000", "U+E000"),
        ("\ufdd0", "U+FDD0"),
        ("\U0010ffff", "U+10FFFF"),
    ],
)
def test_a_character_that_is_not_text_is_named_or_given_by_its_code_point(
    char: str, described: str
) -> None:
    assert sources.describe(char) == described


def test_every_default_ignorable_is_described() -> None:
    for first, last in DEFAULT_IGNORABLE:
        for code in range(first, last + 1):
            assert sources.describe(chr(code)).startswith(f"U+{code:04X}")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\r"), max_size=30))
def test_the_text_problems_say_where_each_character_is(text: str) -> None:
    found = sources.text_problems("x.md", text)
    assert bool(found) == (not all(_is_text(char) for char in text)), repr(text)
    hidden = [i for i, char in enumerate(text) if not _is_text(char)]
    shown = hidden[: sources.TEXT_PROBLEMS_SHOWN]
    for problem, at in zip(found, shown, strict=False):
        line = text.count("\n", 0, at) + 1
        column = at - text.rfind("\n", 0, at)
        assert problem.startswith(f"docs/x.md, rad {line}, kolumn {column}: tecknet U+"), problem
    more = len(hidden) - len(shown)
    assert found[len(shown) :] == (
        [f"docs/x.md: och {more} tecken till av samma slag. Ta bort dem också."] if more else []
    )


TAGS = ["p", "a", "img", "script", "iframe", "svg", "math", "style", "object", "em", "form"]
ATTRIBUTES = ["href", "src", "onerror", "onclick", "style", "id", "srcset", "formaction"]
VALUES = ["x", "klagomal.md", "javascript:alert(1)", "https://xss.invalid/", "/\\xss.invalid/"]
FRAGMENTS = st.lists(
    st.one_of(
        st.builds(
            lambda tag, pairs: (
                f"<{tag}" + "".join(f' {name}="{value}"' for name, value in pairs) + f">x</{tag}>"
            ),
            st.sampled_from(TAGS),
            st.lists(st.tuples(st.sampled_from(ATTRIBUTES), st.sampled_from(VALUES)), max_size=3),
        ),
        st.sampled_from(["<!--", "-->", "--!>", "<![CDATA[", "]]>", "<noscript>", "</p>", "\n\n"]),
        st.text(alphabet="<>/=\"' abc", max_size=8),
    ),
    max_size=8,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FRAGMENTS)
def test_what_the_allowlist_takes_holds_no_script_frame_or_foreign_request(fragment: str) -> None:
    source = sources.Source(PAGE, "sv", fragment, body=fragment)
    page = html.read(fragment)
    if any(checks.element_problems(source, tag, attrs) for tag, attrs in page.elements):
        return  # refused
    tree = LexborHTMLParser(fragment)
    for node in tree.root.traverse():
        assert node.tag not in {"script", "iframe", "svg", "math", "style", "object", "form"}
        for name, value in node.attributes.items():
            assert not name.startswith("on") and name not in {"srcset", "formaction", "style"}
            if name == "src":
                assert allowlist.url_kind(value or "") == "site"
