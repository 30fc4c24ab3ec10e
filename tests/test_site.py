"""The real site, built with strict checks: what a reader gets in each language."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from conftest import NOTICE_DOCS, SiteServer, build, copy_project, pages, soup
from notice import reading

SECTIONS = {
    # page: (Swedish title, English title)
    "personuppgiftsansvarig/": ("Personuppgiftsansvarig", "Data controller"),
    "insamling/": ("Personuppgifter vi samlar in", "Personal data we collect"),
    "anvandning/": ("Hur vi använder dina personuppgifter", "How we use your personal data"),
    "delning/": ("När vi delar dina personuppgifter", "When we share your personal data"),
    "lagring/": ("Hur länge vi sparar dina personuppgifter", "How long we keep your personal data"),
    "rattigheter/": ("Dina rättigheter", "Your rights"),
    "klagomal/": ("Klagomål", "Complaints"),
}
OTHER_PAGES = [
    "",
    "kontakt/",
    "tack/",
    "hela-meddelandet/",
    "versioner/",
    "andringar/",
    "tillganglighet/",
]


def lang_of(path: str) -> str:
    return "en" if path.startswith("en/") else "sv"


def test_the_site_has_every_page_in_both_languages_and_nothing_else(site: SiteServer) -> None:
    expected = [*SECTIONS, *OTHER_PAGES, "404.html"]
    assert sorted(pages(site)) == sorted(expected + [f"en/{page}" for page in expected])
    # The data files editors maintain are read by the build, not published.
    assert not list(site.site_dir.rglob("*.yml"))


@pytest.mark.parametrize("page", SECTIONS)
def test_each_section_has_its_title_in_each_language(site: SiteServer, page: str) -> None:
    sv, en = SECTIONS[page]
    assert soup(site, page).h1.get_text(strip=True) == sv
    assert soup(site, f"en/{page}").h1.get_text(strip=True) == en


FEEDBACK_WORDS = {
    # What the reader reads where SEOM's channel would stand, before and after SEOM supplies it.
    "": (
        "kan du be oss om det (e-postadressen och telefonnumret saknas: SEOM har inte lämnat "
        "dem än) eller i kontaktformuläret",
        "kan du be oss om det via e-post till webb@example.se, på telefon 08-000 000 01, eller "
        "i kontaktformuläret",
        "En webbplats som uppfyller kraven i den europeiska standarden EN 301 549 (V3.2.1), som "
        "för webbplatser innebär kraven i WCAG 2.1 på nivå AA, uppfyller lagens krav (5 § i "
        "Diggs föreskrifter, MDFFS 2019:2). Standarden i sig är inget lagkrav.",
    ),
    "en/": (
        "you can ask us for it (the e-mail address and phone number are missing: SEOM has not "
        "supplied them yet) or in the contact form",
        "you can ask us for it by e-mail to webb@example.se, by phone on 08-000 000 01, or in "
        "the contact form",
        "A website that meets the requirements of the European standard EN 301 549 (V3.2.1), "
        "which for websites means the requirements of WCAG 2.1 at level AA, meets the "
        "requirements of the law (section 5 of Digg's regulations, MDFFS 2019:2). The standard "
        "itself is not a legal requirement.",
    ),
}


METHOD_MISSING = {
    "": "Hur webbplatsen har bedömts saknas här: SEOM har inte beskrivit det än.",
    "en/": "How the website was assessed is missing here: SEOM has not described it yet.",
}
METHOD_GIVEN = {
    "": "SEOM har bedömt webbplatsen själv, med automatiska tester.",
    "en/": "SEOM assessed the website itself, with automated tests.",
}


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_statement_gives_seoms_channel_for_feedback_or_says_it_is_missing(
    site: SiteServer, complete_site: SiteServer, prefix: str
) -> None:
    missing, given, law = FEEDBACK_WORDS[prefix]
    text = " ".join(soup(site, prefix + "tillganglighet/").select_one("article").text.split())
    assert missing in text and law in text
    assert "webb@example.se" not in text
    article = soup(complete_site, prefix + "tillganglighet/").select_one("article")
    text = " ".join(article.text.split())
    assert given in text and "saknas" not in text and "missing" not in text
    assert METHOD_GIVEN[prefix] in text
    assert len(article.select('a[href="mailto:webb@example.se"]')) == 2  # ask, and report
    assert len(article.select('a[href="tel:0800000001"]')) == 2


@pytest.mark.parametrize(
    ("prefix", "sentence"),
    [
        (
            "",
            "Du kan också klaga hos dataskyddsmyndigheten i det land i EU eller EES där du bor "
            "eller arbetar, eller där det du klagar på har hänt.",
        ),
        (
            "en/",
            "You can also complain to the data protection authority of the EU or EEA country "
            "where you live or work, or where what you complain about happened.",
        ),
    ],
)
def test_the_complaints_section_says_one_may_complain_where_one_lives_or_works(
    site: SiteServer, prefix: str, sentence: str
) -> None:
    authority = soup(site, prefix + "klagomal/").select_one(".seom-authority")
    assert " ".join(authority.select_one(".seom-authority__elsewhere").text.split()) == sentence


@pytest.mark.parametrize("path", [*SECTIONS, *OTHER_PAGES, "404.html"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_page_declares_its_language_and_describes_itself(
    site: SiteServer, path: str, prefix: str
) -> None:
    page = soup(site, prefix + path)
    assert page.html["lang"] == lang_of(prefix + path)
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert len(description) > 40


def test_a_sections_summary_is_its_description(site: SiteServer) -> None:
    description = soup(site, "lagring/").find("meta", attrs={"name": "description"})["content"]
    assert description == (
        "Vi sparar uppgifterna så länge du är kund och tolv månader efter det, "
        "och längre när lagen kräver det."
    )


@pytest.mark.parametrize("path", [*SECTIONS, *OTHER_PAGES])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_hreflang_alternates_are_absolute_and_name_the_same_page(
    site: SiteServer, path: str, prefix: str
) -> None:
    page = soup(site, prefix + path)
    alternates = {
        link["hreflang"]: link["href"]
        for link in page.find_all("link", rel="alternate")
        if link.get("hreflang")
    }
    assert alternates == {
        "sv": site.url + path,
        "en": site.url + "en/" + path,
        "x-default": site.url + path,
    }


@pytest.mark.parametrize("path", [*SECTIONS, *OTHER_PAGES])
def test_language_switcher_links_to_the_same_page(site: SiteServer, path: str) -> None:
    for prefix, other, expected in [("", "en", f"en/{path}"), ("en/", "sv", path)]:
        page = soup(site, prefix + path)
        link = page.select_one(f".md-select__link[hreflang={other}]")
        # Resolve the relative link as a browser would.
        depth = (prefix + path).count("/")
        assert link["href"] == "../" * depth + expected


@pytest.mark.parametrize(
    ("prefix", "heading", "first_title"),
    [("", "I korthet", "Personuppgiftsansvarig"), ("en/", "In brief", "Data controller")],
)
def test_start_page_is_a_layered_summary_linking_to_each_section(
    site: SiteServer, prefix: str, heading: str, first_title: str
) -> None:
    page = soup(site, prefix)
    summary_heading = page.find("h2", string=heading)
    items = summary_heading.find_next_siblings("h3")
    titles = [h3.get_text(strip=True) for h3 in items]
    index = 1 if prefix else 0
    assert titles == [titles_pair[index] for titles_pair in SECTIONS.values()]
    assert titles[0] == first_title
    for h3, page_path in zip(items, SECTIONS, strict=True):
        assert h3.a["href"] == page_path
        summary = h3.find_next_sibling("p").get_text(strip=True)
        section_page = soup(site, prefix + page_path)
        assert summary == section_page.find("meta", attrs={"name": "description"})["content"]


def test_start_page_summary_sentences_read_as_expected(site: SiteServer) -> None:
    page = soup(site, "")
    retention = page.select_one("article h3 a[href='lagring/']").find_parent("h3")
    retention = retention.find_next_sibling("p")
    assert retention.get_text(strip=True).startswith("Vi sparar uppgifterna så länge du är kund")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_whole_notice_on_one_page_holds_every_section_in_order(
    site: SiteServer, prefix: str
) -> None:
    page = soup(site, prefix + "hela-meddelandet/")
    article = page.select_one("article")
    assert len(article.find_all("h1")) == 1
    h2s = [h2.get_text(strip=True) for h2 in article.find_all("h2")]
    index = 1 if prefix else 0
    assert h2s == [pair[index] for pair in SECTIONS.values()]
    # The sections' own sub-headings moved one level down, under their section.
    assert article.find("h3", string="Rättslig grund" if not prefix else "Legal basis")
    assert "Box 8114, 104 20 Stockholm" in article.get_text()


@pytest.mark.parametrize(
    ("path", "url", "name", "address"),
    [
        ("klagomal/", "https://www.imy.se/", "Integritetsskyddsmyndigheten", "104 20 Stockholm"),
        (
            "en/klagomal/",
            "https://www.imy.se/en/",
            "Swedish Authority for Privacy Protection",
            "104 20 Stockholm, Sweden",
        ),
    ],
)
def test_complaints_section_gives_imys_details(
    site: SiteServer, path: str, url: str, name: str, address: str
) -> None:
    authority = soup(site, path).select_one("article .seom-authority")
    text = authority.get_text(" ", strip=True)
    assert f"{name} (IMY)" in text
    assert "Box 8114" in text and address in text
    assert authority.find("a", href=url)
    assert authority.find("a", href="mailto:imy@imy.se")


@pytest.mark.parametrize("path", [*SECTIONS, *OTHER_PAGES, "404.html"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_footer_links_to_imy_in_the_pages_language(
    site: SiteServer, path: str, prefix: str
) -> None:
    footer = soup(site, prefix + path).find("footer")
    link = footer.find("a", href="https://www.imy.se/en/" if prefix else "https://www.imy.se/")
    assert link is not None
    expected = (
        "Swedish Authority for Privacy Protection" if prefix else "Integritetsskyddsmyndigheten"
    )
    assert link.get_text(strip=True) == f"{expected} (IMY)"


@pytest.mark.parametrize("path", [*SECTIONS, *OTHER_PAGES, "404.html"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_page_says_it_is_seoms(site: SiteServer, path: str, prefix: str) -> None:
    page = soup(site, prefix + path)
    assert page.title.get_text().endswith(" - SEOM")
    logo = page.select_one("header .md-logo")
    assert logo.get_text(strip=True) == "SEOM"  # the text mark, until SEOM supplies a logo
    home = (
        "SEOM, home: How we protect your personal data"
        if prefix
        else ("SEOM, startsida: Så skyddar vi dina personuppgifter")
    )
    assert logo["aria-label"] == home
    footer = page.select_one("footer .seom-footer-controller")
    assert footer.strong.get_text() == "Sollentuna Energi & Miljö AB"
    assert footer.find("a", href="https://www.seom.se/").get_text() == "www.seom.se"
    copyright_line = page.select_one("footer .md-copyright__highlight").get_text(strip=True)
    assert copyright_line == "© Sollentuna Energi & Miljö AB"
    assert page.find("meta", attrs={"name": "author"})["content"] == "Sollentuna Energi & Miljö AB"


@pytest.mark.parametrize("feed", ["feed.xml", "en/feed.xml"])
def test_the_feeds_author_is_seom(site: SiteServer, feed: str) -> None:
    atom = ElementTree.parse(site.site_dir / feed).getroot()
    names = [n.text for n in atom.iterfind("{http://www.w3.org/2005/Atom}author/{*}name")]
    assert names == ["Sollentuna Energi & Miljö AB"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_controller_section_says_which_details_seom_has_not_supplied(
    site: SiteServer, prefix: str
) -> None:
    details = soup(site, prefix + "personuppgiftsansvarig/").select_one("article .seom-controller")
    rows = dict(
        zip(
            [dt.get_text() for dt in details.find_all("dt")],
            [dd.get_text() for dd in details.find_all("dd")],
            strict=True,
        )
    )
    missing = (
        "Not supplied by SEOM yet."
        if prefix
        else ("Uppgiften saknas: SEOM har inte lämnat den än.")
    )
    website = "Website" if prefix else "Webbplats"
    assert rows.pop(website) == "www.seom.se"
    assert set(rows.values()) == {missing}
    assert len(rows) == 5  # organisation number, address, phone, e-mail, DPO
    whole = soup(site, prefix + "hela-meddelandet/").select_one("article .seom-controller")
    assert whole.get_text() == details.get_text()


def footer_lines(page: BeautifulSoup) -> list[str]:
    """The lines of SEOM's details in a page's footer, as a reader sees them."""
    footer = page.select_one("footer .seom-footer-controller")
    for br in footer.find_all("br"):
        br.replace_with("\u2028")  # a line break, whatever whitespace the template writes
    return [" ".join(line.split()) for line in footer.get_text().split("\u2028")]


# What every footer shows while docs/controller.yml leaves SEOM's details empty, as the
# project's own file does (REDIGERA.md §12: "Uppgiften saknas" where a missing detail would stand).
FOOTER_WITH_MISSING_DETAILS = {
    "": [
        "Sollentuna Energi & Miljö AB, Organisationsnummer: uppgiften saknas",
        "Postadress: uppgiften saknas",
        "Telefon: uppgiften saknas, E-post: uppgiften saknas, www.seom.se",
    ],
    "en/": [
        "Sollentuna Energi & Miljö AB, Organisation number: not supplied yet",
        "Postal address: not supplied yet",
        "Telephone: not supplied yet, Email: not supplied yet, www.seom.se",
    ],
}


@pytest.mark.parametrize("path", [*SECTIONS, *OTHER_PAGES, "404.html"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_footer_says_which_of_seoms_details_are_missing(
    site: SiteServer, path: str, prefix: str
) -> None:
    assert footer_lines(soup(site, prefix + path)) == FOOTER_WITH_MISSING_DETAILS[prefix]


@pytest.fixture(scope="module")
def complete_site(tmp_path_factory: pytest.TempPathFactory) -> SiteServer:
    """The site built with everything only SEOM can supply (made up: scripts/archives.py)."""
    from archives import complete

    tmp_path = tmp_path_factory.mktemp("complete")
    project = copy_project(tmp_path / "project")
    complete(project / "docs")
    server = SiteServer(tmp_path / "site")
    result = build(project, server.site_dir)
    assert result.returncode == 0, result.stderr
    return server


@pytest.mark.parametrize(
    ("prefix", "lines"),
    [
        (
            "",
            [
                "Sollentuna Energi & Miljö AB, org.nr 000000-0000",
                "Box 0, 000 00 Testby",
                "Telefon 08-000 000 00, dataskydd@example.se, www.seom.se",
            ],
        ),
        (
            "en/",
            [
                "Sollentuna Energi & Miljö AB, org. no. 000000-0000",
                "Box 0, SE-000 00 Testby, Sweden",
                "Telephone 08-000 000 00, dataskydd@example.se, www.seom.se",
            ],
        ),
    ],
)
def test_a_footer_with_every_detail_shows_no_missing_one(
    complete_site: SiteServer, prefix: str, lines: list[str]
) -> None:
    for path in ("", "lagring/", "404.html"):
        page = soup(complete_site, prefix + path)
        assert footer_lines(page) == lines, path
        assert not page.select(".seom-missing"), path


@pytest.mark.parametrize("path", [*SECTIONS, *OTHER_PAGES, "404.html"])
def test_no_page_refers_to_another_host_for_its_resources(site: SiteServer, path: str) -> None:
    for prefix in ["", "en/"]:
        page = soup(site, prefix + path)
        sources = [tag.get("src") for tag in page.find_all(["script", "img", "iframe"])]
        sources += [
            link["href"]
            for link in page.find_all("link")
            if set(link.get("rel", [])) & {"stylesheet", "icon", "preconnect", "preload"}
        ]
        assert [s for s in sources if s and s.startswith(("http:", "https:", "//"))] == []


def test_search_index_is_split_by_language(site: SiteServer) -> None:
    swedish = json.loads((site.site_dir / "search/search_index.json").read_text("utf-8"))
    english = json.loads((site.site_dir / "en/search/search_index.json").read_text("utf-8"))
    assert swedish["docs"] and english["docs"]
    assert not [d for d in swedish["docs"] if d["location"].startswith("en/")]
    assert all(d["location"].startswith("en/") for d in english["docs"])
    titles = {d["title"] for d in english["docs"]}
    assert "How long we keep your personal data" in titles


def search_index(site: SiteServer, prefix: str) -> dict[str, dict[str, str]]:
    """A language's own search index (hooks/i18n_fixes.py): {location: entry}."""
    index = json.loads((site.site_dir / prefix / "search/search_index.json").read_text("utf-8"))
    return {entry["location"]: entry for entry in index["docs"]}


# The contact page in search: (its sections' titles and a phrase of each one's text, by
# location; words of the form's error summary, labels, hints and honeypot, which a reader
# never searches for).
CONTACT_IN_SEARCH = {
    "": (
        {
            "kontakt/": ("Kontakta oss om dina personuppgifter", "Vi svarar inom en månad"),
            "kontakt/#form-data": ("Så hanterar vi uppgifterna du skickar", "inga kakor"),
            "kontakt/#skicka-din-begaran": ("Skicka din begäran", ""),
        },
        [
            "Det finns ett problem",
            "Välj det alternativ som passar bäst.",
            "Kundnummer eller adress (valfritt)",
            "Vi använder den för att svara dig.",
            "Lämna det här fältet tomt",
        ],
    ),
    "en/": (
        {
            "en/kontakt/": ("Contact us about your personal data", "We answer within one month"),
            "en/kontakt/#form-data": ("How we handle the data you send", "no cookies"),
            "en/kontakt/#send-your-request": ("Send your request", ""),
        },
        [
            "There is a problem",
            "Choose the option that fits best.",
            "Customer number or address (optional)",
            "We use it to reply to you.",
            "Leave this field empty",
        ],
    ),
}


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_search_finds_the_contact_pages_text_and_not_its_forms_machinery(
    site: SiteServer, prefix: str
) -> None:
    index = search_index(site, prefix)
    sections, form_words = CONTACT_IN_SEARCH[prefix]
    for location, (title, phrase) in sections.items():
        assert index[location]["title"] == title
        assert phrase in index[location]["text"], location
    everything = json.dumps(index, ensure_ascii=False)
    assert [words for words in form_words if words in everything] == []


def test_only_the_preview_says_it_is_a_preview(site: SiteServer) -> None:
    """What only `make preview` adds (tests/test_preview.py) stays out of the site."""
    for path in pages(site):
        page = soup(site, path)
        assert page.select(".seom-preview") == [], path
        assert not page.select('script[src*="file_worker"]'), path
    assert list(site.site_dir.rglob("search_index.js")) == []


@pytest.mark.parametrize(("path", "lang"), [("404.html", "sv"), ("en/404.html", "en")])
def test_each_language_has_its_own_404_page(site: SiteServer, path: str, lang: str) -> None:
    page = soup(site, path)
    assert page.html["lang"] == lang
    assert page.h1.get_text(strip=True) == {"sv": "Sidan finns inte", "en": "Page not found"}[lang]
    # The way to the other language's start page is read out in that language.
    other = {"sv": "en", "en": "sv"}[lang]
    link = page.select_one(f"article a[hreflang={other}]")
    assert link.find_parent(attrs={"lang": True})["lang"] == other


def test_the_sitemap_names_each_page_in_both_languages_and_x_default(site: SiteServer) -> None:
    from xml.etree import ElementTree

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ElementTree.parse(site.site_dir / "sitemap.xml").getroot().findall("s:url", ns)
    assert urls
    for url in urls:
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        bare = links["sv"].removeprefix(site.url)
        assert links == {
            "sv": site.url + bare,
            "en": site.url + "en/" + bare,
            "x-default": site.url + bare,
        }, url.find("s:loc", ns).text


# The accessibility statement (docs/accessibility.yml, docs/tillganglighet.md)

STATEMENT_HEADINGS = {
    "": [
        "Hur tillgänglig är webbplatsen?",
        "Vad kan du göra om du inte kan använda delar av webbplatsen?",
        "Rapportera brister i webbplatsens tillgänglighet",
        "Tillsyn",
        "Teknisk information om webbplatsens tillgänglighet",
        "Innehåll som inte är tillgängligt",
        "Hur vi testat webbplatsen",
    ],
    "en/": [
        "How accessible is the website?",
        "What can you do if you cannot use parts of the website?",
        "Reporting shortcomings in the website's accessibility",
        "Enforcement",
        "Technical information about the website's accessibility",
        "Content that is not accessible",
        "How we tested the website",
    ],
}
STATEMENT_WORDS = {
    # title, site name, the compliance sentence's start, DIGG's three reasons, the dates
    "": (
        "Tillgänglighetsredogörelse",
        "Så skyddar vi dina personuppgifter",
        "Webbplatsen är delvis förenlig med lagen",
        [
            "Bristande förenlighet med lagkraven",
            "Oskäligt betungande anpassning",
            "Innehåll som inte omfattas av lagstiftningen",
        ],
        "28 november 2026",
        "Webbplatsens tillgänglighet: rapportera en brist",
    ),
    "en/": (
        "Accessibility statement",
        "How we protect your personal data",
        "The website is partially compliant with the Act",
        [
            "Non-compliance with the requirements",
            "Disproportionate burden",
            "Content outside the scope of the law",
        ],
        "28 November 2026",
        "The website's accessibility: report a problem",
    ),
}


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_accessibility_statement_shows_every_field(site: SiteServer, prefix: str) -> None:
    statement = reading.load(NOTICE_DOCS, ["sv", "en"], with_previous=False).accessibility[
        lang_of(prefix)
    ]
    page = soup(site, prefix + "tillganglighet/")
    article = page.select_one("article")
    title, site_name, compliance, reasons, date, request = STATEMENT_WORDS[prefix]
    assert article.h1.get_text(strip=True) == title
    assert [h2.get_text(strip=True) for h2 in article.find_all("h2")] == STATEMENT_HEADINGS[prefix]
    assert [h3.get_text(strip=True) for h3 in article.find_all("h3")] == reasons
    text = " ".join(article.get_text(" ").split())
    # The organisation (mkdocs.yml's site_author for now) and the site's name in its language.
    intro = "står bakom webbplatsen" if not prefix else "is responsible for the website"
    assert text.startswith(f"{title} Sollentuna Energi & Miljö AB {intro} {site_name}.")
    assert compliance in text
    for item in statement["shortcomings"]:
        for key in ("what", "details", "alternative"):
            assert item[key] in text
    # How the site was assessed is SEOM's to say: missing here, and said to be.
    assert "method" not in statement
    assert METHOD_MISSING[prefix] in text
    times = {t["datetime"]: t.get_text(strip=True) for t in article.find_all("time")}
    assert times == {"2026-11-28": date}
    assert len(article.find_all("time")) == 2  # the assessment and the last update
    # Reporting a shortcoming or asking for content: the contact form, with its request type.
    contacts = [a for a in article.find_all("a") if a["href"].endswith("kontakt/")]
    assert len(contacts) == 2
    for link in contacts:
        url = urljoin(site.url + prefix + "tillganglighet/", link["href"])
        assert url == site.url + prefix + "kontakt/"
    assert request in text
    form = soup(site, prefix + "kontakt/").find("input", attrs={"value": "accessibility"})
    assert request in soup(site, prefix + "kontakt/").find("label", attrs={"for": form["id"]}).text
    assert article.find("a", href="https://www.digg.se/tdosanmalan") is not None
    # Not part of the notice's versions: no effective date, which every other page has.
    assert not page.select(".seom-effective")
    assert soup(site, prefix + "kontakt/").select(".seom-effective")
    # Not in the menu.
    assert not page.select('.md-nav a[href$="tillganglighet/"]')


@pytest.mark.parametrize("path", [*SECTIONS, *OTHER_PAGES, "404.html"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_footer_links_to_the_accessibility_statement_in_the_pages_language(
    site: SiteServer, path: str, prefix: str
) -> None:
    link = soup(site, prefix + path).select_one("footer .seom-footer-statement a")
    assert link.get_text(strip=True) == (
        "Accessibility statement" if prefix else "Tillgänglighetsredogörelse"
    )
    assert urljoin(site.url + prefix + path, link["href"]) == (
        site.url + prefix + "tillganglighet/"
    )


# The purposes (docs/purposes.yml) and the right to object

PURPOSE_WORDS = {
    # prefix: (the contract's basis, the words for a missing value and for a missing basis in
    # the short answer, the terms of a purpose)
    "": (
        "avtal (artikel 6.1 b i dataskyddsförordningen)",
        "Uppgiften saknas: SEOM har inte lämnat den än.",
        "den rättsliga grunden saknas: SEOM har inte lämnat den än",
        [
            "Rättslig grund",
            "Vilka uppgifter",
            "Varifrån uppgifterna kommer",
            "Vilka som får uppgifterna",
            "Överföring till länder utanför EU/EES",
            "Hur länge vi sparar uppgifterna",
            "Måste du lämna uppgifterna?",
            "Automatiserade beslut och profilering",
        ],
    ),
    "en/": (
        "contract (Article 6(1)(b) of the General Data Protection Regulation)",
        "Not supplied by SEOM yet.",
        "the legal basis is missing: SEOM has not supplied it yet",
        [
            "Legal basis",
            "Which data",
            "Where the data comes from",
            "Who receives the data",
            "Transfers to countries outside the EU/EEA",
            "How long we keep the data",
            "Do you have to provide the data?",
            "Automated decisions and profiling",
        ],
    ),
}


def purposes_of(page: BeautifulSoup) -> dict[str, dict[str, str]]:
    """Each purpose shown: {its heading: {term: what the page says}}."""
    return {
        " ".join(section.find(["h3", "h4"]).text.split()): {
            " ".join(dt.text.split()): " ".join(dt.find_next_sibling("dd").text.split())
            for dt in section.find_all("dt")
        }
        for section in page.select(".seom-purposes section.seom-purpose")
    }


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_use_section_gives_the_short_answer_first_then_each_purpose(
    site: SiteServer, prefix: str
) -> None:
    basis, missing, no_basis, terms = PURPOSE_WORDS[prefix]
    article = soup(site, prefix + "anvandning/").select_one("article")
    summary = article.select(".seom-purposes > ul.seom-purposes__summary > li")
    assert len(summary) == 4  # the short answer: each purpose and its legal basis
    assert " ".join(summary[0].text.split()).endswith(basis)
    assert " ".join(summary[2].text.split()).endswith(no_basis)  # marketing: no basis given
    for item in summary:  # each leads to its purpose, further down the same page
        heading = article.find(id=item.a["href"].removeprefix("#"))
        assert heading.name == "h3" and heading.text == item.a.text
        assert heading.find_previous("h2").text in ("Ändamål för ändamål", "Purpose by purpose")
    shown = purposes_of(article)
    first = shown[summary[0].a.text]
    assert list(first) == terms
    assert first[terms[0]] == basis[0].upper() + basis[1:]
    assert first[terms[6]] == missing and first[terms[7]] == missing
    assert ("tolv månader" if not prefix else "twelve months") in first[terms[5]]
    # What SEOM has not said is said to be missing, never filled in.
    assert sum(value == missing for p in shown.values() for value in p.values()) == 4 + 5 + 7 + 7


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_right_to_object_stands_on_its_own_and_beside_each_purpose_it_concerns(
    complete_site: SiteServer, prefix: str
) -> None:
    rights_url = f"{complete_site.url}{prefix}rattigheter/"
    rights = soup(complete_site, prefix + "rattigheter/").select_one("article")
    part = rights.select_one("section.seom-objection")
    heading = part.find("h2")
    assert heading.text == ("Rätt att invända" if not prefix else "Right to object")
    said = [" ".join(p.text.split()) for p in part.find_all("p")]
    # Marketing (direct marketing, on legitimate interest): both grounds, in the law's words,
    # each with the purposes it concerns.
    assert said[0].startswith("Du kan när som helst invända" if not prefix else "You may object")
    assert said[2].startswith("Du kan också" if not prefix else "You may also object")
    assert ("särskilda situation" if not prefix else "particular situation") in said[2]
    lists = part.find_all("ul")
    assert [[a.text for a in ul.find_all("a")] for ul in lists] == [[lists[0].a.text]] * 2
    target = urljoin(rights_url, lists[0].a["href"])
    anchor = "andamal" if not prefix else "purpose"
    assert target == urljoin(rights_url, f"../anvandning/#{anchor}--marknadsforing")
    use_url = urljoin(rights_url, "../anvandning/")
    use = soup(complete_site, prefix + "anvandning/").select_one("article")
    purpose = use.find(id=target.rsplit("#", 1)[1]).find_parent("section")
    objection = purpose.select_one(".seom-purpose__objection a")
    assert urljoin(use_url, objection["href"]) == f"{rights_url}#{heading['id']}"
    # A purpose on a contract, not marketing: no right to object beside it.
    others = [s for s in use.select("section.seom-purpose") if s is not purpose]
    assert others and not [s for s in others if s.select(".seom-purpose__objection")]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_whole_notice_shows_the_purposes_and_the_right_to_object_one_level_down(
    complete_site: SiteServer, prefix: str
) -> None:
    article = soup(complete_site, prefix + "hela-meddelandet/").select_one("article")
    headings = [h.name for h in article.select(".seom-purposes section.seom-purpose > h4")]
    assert headings == ["h4", "h4"]
    objection = article.select_one("section.seom-objection > h3")
    assert objection is not None
    # Every link between them stays on this page and leads somewhere on it.
    links = [a["href"] for a in article.select(".seom-purpose__objection a, .seom-objection li a")]
    assert len(links) == 3  # the purpose's, and the purpose under each ground to object
    for href in links:
        assert href.startswith("#") and article.find(id=href[1:]) is not None


HOSTILE = ' <b onclick="x()">fet</b> & "citat" {{ 7*7 }} <!-- notice:imy -->'


def test_the_right_to_object_on_particular_grounds_alone_reads_on_its_own(
    tmp_path: Path,
) -> None:
    """No purpose is direct marketing, one rests on public interest (e): only that ground, said
    as the first thing the part says, with its purpose. Headings the editors write with the
    same words as the generated ones keep every id on the page unique."""
    from archives import PURPOSES, complete

    project = copy_project(tmp_path / "project")
    complete(project / "docs")
    (project / "docs/purposes.yml").write_text(
        PURPOSES.replace("legal_basis: f", "legal_basis: e")
        .replace("intresserad av\n", "intresserad av" + HOSTILE + "\n")
        .replace("Name and address.", "Name and address." + HOSTILE)
        .replace("    direct_marketing: ja\n", "    direct_marketing: nej\n")
        .replace(
            "    interest:\n      sv: Att berätta för våra kunder om våra tjänster.\n"
            "      en: To tell our customers about our services.\n",
            "",
        ),
        encoding="utf-8",
    )
    for name, heading in (("rattigheter", "Rätt att invända"), ("anvandning", "Ändamål leverans")):
        page_file = project / "docs" / f"{name}.md"
        page_file.write_text(page_file.read_text("utf-8") + f"\n## {heading}\n\nText.\n", "utf-8")
    english = project / "docs" / "rattigheter.en.md"
    english.write_text(english.read_text("utf-8") + "\n## Right to object\n\nText.\n", "utf-8")
    server = SiteServer(tmp_path / "site")
    result = build(project, server.site_dir)
    assert result.returncode == 0, result.stderr
    for path in ("rattigheter/", "en/rattigheter/", "anvandning/", "hela-meddelandet/"):
        ids = [tag["id"] for tag in soup(server, path).select("[id]")]
        assert len(ids) == len(set(ids)), path
    for prefix, first in (("", "Du kan invända mot behandling"), ("en/", "You may object to")):
        part = soup(server, prefix + "rattigheter/").select_one("section.seom-objection")
        said = [" ".join(p.text.split()) for p in part.find_all("p")]
        assert said[0].startswith(first) and len(said) == 3  # the ground, "applies to", contact
        assert [a.text for a in part.select("li a")] == [
            "Erbjudanden som vi tror att du kan vara intresserad av" + HOSTILE
            if not prefix
            else "Offers that we think may interest you"
        ]
    # What the editors wrote is text wherever it lands: no element, no attribute of theirs.
    use = soup(server, "anvandning/").select_one(".seom-purposes")
    assert not use.select("b, [onclick]")
    # Beside the purpose on public interest: the line that leads to the right to object.
    assert len(use.select(".seom-purpose__objection")) == 1
    assert use.find("h3", string="Erbjudanden som vi tror att du kan vara intresserad av" + HOSTILE)
    use = soup(server, "en/anvandning/").select_one(".seom-purposes")
    assert not use.select("b, [onclick]")
    assert "Name and address." + HOSTILE in [dd.text for dd in use.find_all("dd")]


def test_a_link_to_an_anchor_a_shortcode_makes_is_checked_and_kept(tmp_path: Path) -> None:
    """The shortcodes' HTML goes into the page after Markdown (notice/render.py, Stash): the
    strict build still knows its anchors, so a link to a purpose or a version builds, and one
    to an anchor no page has stops it."""
    project = copy_project(tmp_path / "project")
    links = {
        "rattigheter.md": "[Leveransen](anvandning.md#andamal--leverans)",
        "rattigheter.en.md": "[Delivery](anvandning.md#purpose--leverans)",
    }
    for name, link in links.items():
        with (project / "docs" / name).open("a", encoding="utf-8") as file:
            file.write(f"\n{link}\n")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = soup_of(tmp_path / "site" / "rattigheter" / "index.html")
    assert page.select_one('a[href="../anvandning/#andamal--leverans"]') is not None
    with (project / "docs" / "rattigheter.md").open("a", encoding="utf-8") as file:
        file.write("\n[Ingenstans](anvandning.md#andamal--finns-inte)\n")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "andamal--finns-inte" in result.stderr


def soup_of(file: Path) -> BeautifulSoup:
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
