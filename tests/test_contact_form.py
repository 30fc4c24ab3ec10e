"""The contact form: its configuration, its HTML, and its behaviour in a real Chromium.

The shared `site` posts the form to `endpoint` (CONTACT_FORM_ACTION). The other two
configurations, mailto only and neither, are built once each for this module.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from conftest import (
    FormEndpoint,
    SiteServer,
    Tab,
    axe_violations,
    build,
    copy_project,
    soup,
)
from notice import form as contact_form

LANGS = {"": "sv", "en/": "en"}
FIELDS = ["lang", "opened", "request", "name", "email", "phone", "customer", "message"]
FIELDS += ["confirm", "website"]
REQUESTS = ["access", "rectification", "erasure", "restriction", "portability", "object"]
REQUESTS += ["complaint", "accessibility", "other"]
# The request type the accessibility statement sends readers to choose (its label names it).
ACCESSIBILITY_REQUEST = {
    "sv": "Webbplatsens tillgänglighet: rapportera en brist eller be om innehåll i en annan form",
    "en": "The website's accessibility: report a problem or ask for content in another form",
}
MAILTO = "integritet@example.org"
ERRORS = {
    "sv": {
        "request": "Välj vad din begäran gäller",
        "name": "Ange ditt namn",
        "email": "Ange din e-postadress",
        "message": "Skriv ditt meddelande",
        "confirm": "Bekräfta att du har läst hur vi hanterar uppgifterna i formuläret",
    },
    "en": {
        "request": "Select what your request is about",
        "name": "Enter your name",
        "email": "Enter your email address",
        "message": "Enter your message",
        "confirm": "Confirm that you have read how we handle the data in this form",
    },
}
PREFIX_WORD = {"sv": "Fel:", "en": "Error:"}
SUMMARY_TITLE = {"sv": "Det finns ett problem", "en": "There is a problem"}
# What a reader types, with å, ä and ö to check they arrive intact.
ANSWERS = {
    "name": "Åsa Öberg",
    "email": "asa.oberg@example.se",
    "customer": "Storgatan 1, Sollentuna",
    "message": "Jag vill få ett registerutdrag. Tack på förhand, ärligt talat!",
}


# Configuration: pure functions


def config(action: str = "", mailto: str = "") -> dict:
    return {"extra": {"contact_form": {"action": action, "mailto": mailto}}}


@pytest.mark.parametrize(
    "action",
    [
        "https://seom.se/integritet/skicka",
        "/skicka",
        "http://127.0.0.1:8080/x",
        "http://localhost/",
        "https://forms.example.org/r?form=dataskydd&lang=sv",
        "https://xn--exmple-cua.se/requests",
        "/api/data%3Bskydd",
    ],
)
def test_valid_actions(action: str) -> None:
    assert contact_form.check_settings(contact_form.settings_of(config(action=action))) == []


@pytest.mark.parametrize(
    "action",
    ["http://example.com/", "//example.com/x", "ftp://seom.se/", "https://", "javascript:x()"],
)
def test_invalid_actions(action: str) -> None:
    [problem] = contact_form.check_settings(contact_form.settings_of(config(action=action)))
    assert problem.startswith(
        "mkdocs.yml: extra.contact_form.action (environment variable CONTACT_FORM_ACTION) is "
    )


@pytest.mark.parametrize(
    ("action", "what"),
    [
        # What could end an HTML attribute, a directive or a policy, or is no URL character.
        ('https://forms.example.org/a"b', "holds '\"'"),
        ("https://forms.example.org/a'b", 'holds "\'"'),
        ("https://forms.example.org/a<b>", "holds '<' and '>'"),
        ("https://forms.example.org/a b", "holds ' '"),
        ("https://forms.example.org/a;b", "holds ';'"),
        ("https://forms.example.org,x/a", "holds ','"),
        ("https://forms.example.org/a\x07", "holds '\\x07'"),
        ("https://forms.example.org/a\tb", "holds '\\t'"),
        ("https://formulär.example.org/a", "holds 'ä'"),
        ("/requests'", 'holds "\'"'),
        ("/requests\\x", "holds '\\\\'"),
        ("https://forms.example.org/a%zz", "holds a '%' that does not start"),
        ("https://forms.example.org/r#top", "holds '#'"),
        ("https://user@forms.example.org/r", "names a user"),
    ],
)
def test_an_action_that_could_end_an_attribute_or_a_directive_is_refused(
    action: str, what: str
) -> None:
    [problem] = contact_form.check_settings(contact_form.settings_of(config(action=action)))
    assert problem.startswith(
        "mkdocs.yml: extra.contact_form.action (environment variable CONTACT_FORM_ACTION) is "
        f"{action!r}: it {what}"
    )
    assert problem.endswith(
        "Letters, digits and - . _ ~ : / ? @ ! $ & ( ) * + = in it, anything else "
        "percent-encoded (';' is %3B). Fix the value or leave it empty."
    )


@pytest.mark.parametrize(
    "mailto",
    [
        "a@b",
        "mailto:a@b.se",
        "Ann <a@b.se>",
        "a@b.se?cc=x",
        # What a mailto: URL or an attribute would read otherwise, two addresses, an IP address.
        "a'b@example.org",
        "a?subject=x@example.org",
        "a#b@example.org",
        "a%40b@example.org",
        "a b@example.org",
        "a@example.org,b@example.org",
        "a@192.168.1.1",
        ".a@example.org",
    ],
)
def test_invalid_mailto(mailto: str) -> None:
    [problem] = contact_form.check_settings(contact_form.settings_of(config(mailto=mailto)))
    assert problem == (
        "mkdocs.yml: extra.contact_form.mailto (environment variable CONTACT_FORM_MAILTO) is "
        f"{mailto!r}, which is not an email address. Use one address such as "
        "integritet@example.org, without 'mailto:', name or spaces (letters, digits and "
        ". _ + - before the @), or leave it empty."
    )


@pytest.mark.parametrize("mailto", ["integritet@seom.se", "dataskydd+formular@example.org"])
def test_valid_mailto(mailto: str) -> None:
    assert contact_form.check_settings(contact_form.settings_of(config(mailto=mailto))) == []


def test_missing_settings_names_what_to_set() -> None:
    assert contact_form.missing_settings(config()) == [
        "extra.contact_form.action or extra.contact_form.mailto in mkdocs.yml "
        "(CONTACT_FORM_ACTION / CONTACT_FORM_MAILTO)"
    ]
    assert contact_form.missing_settings({"extra": {}}) != []
    assert contact_form.missing_settings(config(action="/x")) == []
    assert contact_form.missing_settings(config(mailto=MAILTO)) == []


def test_mode() -> None:
    settings = contact_form.settings_of
    assert contact_form.mode(settings(config(action="/x", mailto=MAILTO))) == "action"
    assert contact_form.mode(settings(config(mailto=MAILTO))) == "mailto"
    assert contact_form.mode(settings(config())) == "none"


# Builds: each configuration once per module


@pytest.fixture(scope="module")
def mailto_site(tmp_path_factory: pytest.TempPathFactory, project: Path) -> Iterator[SiteServer]:
    yield from served(tmp_path_factory, project, {"CONTACT_FORM_MAILTO": MAILTO})


@pytest.fixture(scope="module")
def unconfigured_site(
    tmp_path_factory: pytest.TempPathFactory, project: Path
) -> Iterator[SiteServer]:
    yield from served(tmp_path_factory, project, {})


def served(
    factory: pytest.TempPathFactory, project: Path, env: dict[str, str]
) -> Iterator[SiteServer]:
    server = SiteServer(factory.mktemp("site"))
    result = build(project, server.site_dir, site_url=server.url, env=env)
    assert result.returncode == 0, result.stderr
    server.start()
    yield server
    server.stop()


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"CONTACT_FORM_ACTION": "http://example.com/"},
            "mkdocs.yml: extra.contact_form.action (environment variable CONTACT_FORM_ACTION) is "
            "'http://example.com/', which is not an address the form may send to. Use an "
            "https:// URL (https://example.org/requests), a path on this site starting with / "
            "(/requests), or http://127.0.0.1 or http://localhost for testing. Fix the value "
            "or leave it empty.",
        ),
        (
            {"CONTACT_FORM_MAILTO": "integritet@seom"},
            "mkdocs.yml: extra.contact_form.mailto (environment variable CONTACT_FORM_MAILTO) is "
            "'integritet@seom', which is not an email address. Use one address such as "
            "integritet@example.org, without 'mailto:', name or spaces (letters, digits and "
            ". _ + - before the @), or leave it empty.",
        ),
    ],
)
def test_an_invalid_setting_stops_the_build(
    project: Path, tmp_path: Path, env: dict, message: str
) -> None:
    result = build(project, tmp_path / "site", env=env)
    assert result.returncode != 0
    assert message in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_the_page_must_keep_the_form_data_heading(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "kontakt.md"
    page.write_text(page.read_text(encoding="utf-8").replace(" {#form-data}", ""), "utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        "docs/kontakt.md: sidan med kontaktformuläret saknar rubriken som förklarar hur "
        "uppgifterna i formuläret hanteras." in result.stderr
    )


# The built HTML (the shared site: the form posts to the endpoint)


def form_of(page: BeautifulSoup):
    return page.select_one("article form.seom-form")


@pytest.mark.parametrize("prefix", LANGS)
def test_form_posts_to_the_configured_action(
    site: SiteServer, endpoint: FormEndpoint, prefix: str
) -> None:
    form = form_of(soup(site, prefix + "kontakt/"))
    assert form["method"] == "post"
    assert form["action"] == endpoint.url
    assert form.has_attr("novalidate")
    assert not form.has_attr("hidden")
    assert [f["name"] for f in form.select("[name]") if f["name"] != "request"] == [
        f for f in FIELDS if f != "request"
    ]
    assert [r["value"] for r in form.select("input[name=request]")] == REQUESTS
    assert form.select_one("input[name=lang]")["value"] == LANGS[prefix]
    assert not soup(site, prefix + "kontakt/").select(".seom-contact__unconfigured")


@pytest.mark.parametrize("prefix", LANGS)
def test_every_control_is_labelled_and_its_hint_and_error_wired(
    site: SiteServer, prefix: str
) -> None:
    form = form_of(soup(site, prefix + "kontakt/"))
    controls = form.select("input:not([type=hidden]), textarea")
    assert len(controls) == len(REQUESTS) + 7
    for control in controls:
        label = form.select_one(f"label[for={control['id']}]")
        assert label and label.get_text(strip=True), control
    radios = form.select("input[type=radio]")
    assert radios[0]["id"] == "request"  # errors link to the first radio
    fieldset = form.select_one("fieldset")
    assert fieldset.legend.get_text(strip=True)
    assert {r.find_parent("fieldset") for r in radios} == {fieldset}
    wired = {"request": fieldset} | {
        c["id"]: c for c in controls if c.get("type") != "radio" and c["id"] != "website"
    }
    for field, control in wired.items():
        describedby = control["aria-describedby"].split()
        assert describedby[-1] == f"{field}-error"
        for id_ in describedby:
            assert form.select_one(f"#{id_}"), id_
        if form.select_one(f"#{field}-hint"):
            assert describedby == [f"{field}-hint", f"{field}-error"]
        error = form.select_one(f"#{field}-error")
        assert error.has_attr("hidden") and error.get_text() == ""
    # The error texts the script shows come from the page, in its language.
    messages = {
        el.get("data-field") or el["name"]: el["data-error-required"]
        for el in form.select("[data-error-required]")
    }
    assert messages == ERRORS[LANGS[prefix]]


@pytest.mark.parametrize("prefix", LANGS)
def test_the_honeypot_is_hidden_from_people_and_assistive_technology(
    site: SiteServer, prefix: str
) -> None:
    form = form_of(soup(site, prefix + "kontakt/"))
    trap = form.select_one("input[name=website]")
    wrapper = trap.find_parent("div")
    assert "seom-form__trap" in wrapper["class"]
    assert wrapper["aria-hidden"] == "true"
    assert trap["tabindex"] == "-1" and trap["autocomplete"] == "off"
    assert form.select_one("input[type=hidden][name=opened]")["value"] == ""


@pytest.mark.parametrize(
    ("prefix", "path", "text"),
    [
        ("", "rattigheter/", "kontakta oss"),
        ("", "personuppgiftsansvarig/", "formuläret på kontaktsidan"),
        ("en/", "rattigheter/", "contact us"),
        ("en/", "personuppgiftsansvarig/", "the form on the contact page"),
    ],
)
def test_rights_and_controller_link_to_the_contact_page(
    site: SiteServer, prefix: str, path: str, text: str
) -> None:
    link = soup(site, prefix + path).select_one("article").find("a", string=text)
    assert link["href"] == "../kontakt/"


@pytest.mark.parametrize("prefix", LANGS)
def test_contact_page_is_in_the_nav_and_the_thank_you_page_is_not(
    site: SiteServer, prefix: str
) -> None:
    nav = soup(site, prefix).select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.select("a[href]")]
    assert "kontakt/" in hrefs
    assert not [h for h in hrefs if "tack" in h]
    page = soup(site, prefix + "kontakt/").select_one("article")
    assert page.select_one("#form-data")
    assert page.select_one(".seom-authority")  # IMY, from docs/authority.yml
    assert page.find("a", href="../")  # the notice


def test_mailto_only_composes_an_email_and_offers_a_link(mailto_site: SiteServer) -> None:
    for prefix, subject in [("", "Beg%C3%A4ran%20om%20personuppgifter"), ("en/", "Request")]:
        page = soup(mailto_site, prefix + "kontakt/")
        form = form_of(page)
        assert form["data-mode"] == "mailto" and form["data-mailto"] == MAILTO
        assert not form.has_attr("action")
        assert form.has_attr("hidden")  # shown by the script, which composes the email
        link = page.select_one(".seom-contact__mailto a")
        assert link["href"].startswith(f"mailto:{MAILTO}?subject={subject}")
        assert not page.select(".seom-contact__unconfigured")


def test_search_finds_the_email_address_to_write_to_and_not_the_hidden_form(
    mailto_site: SiteServer,
) -> None:
    sections = [
        ("", "kontakt/#skicka-din-begaran", "Skicka din begäran", "Det finns ett problem"),
        ("en/", "en/kontakt/#send-your-request", "Send your request", "There is a problem"),
    ]
    for prefix, location, title, error_summary in sections:
        index = json.loads(
            (mailto_site.site_dir / prefix / "search/search_index.json").read_text("utf-8")
        )
        section = next(entry for entry in index["docs"] if entry["location"] == location)
        assert section["title"] == title
        # The way to send a request, on this site: the paragraph outside the form.
        assert MAILTO in section["text"]
        assert error_summary not in json.dumps(index, ensure_ascii=False)


def test_unconfigured_form_says_so(unconfigured_site: SiteServer) -> None:
    for prefix, title in [("", "Formuläret är inte inställt"), ("en/", "not configured")]:
        page = soup(unconfigured_site, prefix + "kontakt/")
        form = form_of(page)
        assert form["data-mode"] == "none" and not form.has_attr("action")
        notice = page.select_one(".seom-contact__unconfigured").get_text(" ", strip=True)
        assert title in notice
        assert "CONTACT_FORM_ACTION / CONTACT_FORM_MAILTO" in notice
        assert not page.select("a[href^=mailto]:not(.seom-authority a)")


# In the browser


@pytest.mark.parametrize("prefix", LANGS)
def test_accessibility_is_a_request_type_in_each_language(site: SiteServer, prefix: str) -> None:
    page = soup(site, prefix + "kontakt/")
    radio = page.select_one("input[name=request][value=accessibility]")
    label = page.find("label", attrs={"for": radio["id"]})
    assert label.get_text(strip=True) == ACCESSIBILITY_REQUEST[LANGS[prefix]]
    # The statement tells readers to choose it by that label.
    statement = soup(site, prefix + "tillganglighet/").select_one(".seom-statement")
    assert ACCESSIBILITY_REQUEST[LANGS[prefix]] in statement.get_text()


@pytest.mark.parametrize("prefix", LANGS)
def test_an_accessibility_request_reaches_the_endpoint(
    tab: Tab, site: SiteServer, endpoint: FormEndpoint, prefix: str
) -> None:
    lang = LANGS[prefix]
    page = tab.page
    open_form(tab, site, prefix)
    fill(page, lang)
    page.get_by_label(ACCESSIBILITY_REQUEST[lang]).check()
    endpoint.posts.clear()
    with page.expect_navigation(url=site.url + prefix + "tack/"):
        page.locator("form.seom-form button[type=submit]").click()
    [post] = endpoint.posts
    assert ("request", "accessibility") in post.fields
    assert ("lang", lang) in post.fields


def open_form(tab: Tab, site: SiteServer, prefix: str):
    tab.page.goto(site.url + prefix + "kontakt/")
    tab.page.wait_for_load_state("networkidle")
    return tab.page.locator("form.seom-form")


def fill(page, lang: str) -> None:
    page.locator("#request").check()
    for name, value in ANSWERS.items():
        page.locator(f"#{name}").fill(value)
    page.locator("#confirm").check()


def marked(page, field: str) -> bool:
    """Whether the field's group shows the red bar that marks a field in error."""
    return page.locator(f"#{field}-error").evaluate(
        "el => getComputedStyle(el.closest('.seom-form__group')).borderLeftStyle !== 'none'"
    )


def label_on_screen(page, field: str) -> bool:
    """Whether the reader sees the field's label (the radios' question): inside the window and
    not under the sticky header."""
    label = page.locator("fieldset legend" if field == "request" else f"label[for={field}]")
    return label.evaluate(
        """el => {
          const box = el.getBoundingClientRect();
          const seen = document.elementFromPoint(box.left + 1, box.top + 1);
          return box.top >= 0 && box.bottom <= innerHeight && el.contains(seen);
        }"""
    )


def record_posts(page) -> list[str]:
    """The URLs of every request other than GET the page makes from now on (a form sent)."""
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method != "GET" else None)
    return posts


def expected_post(lang: str) -> list[tuple[str, str]]:
    return [
        ("lang", lang),
        ("request", "access"),
        ("name", ANSWERS["name"]),
        ("email", ANSWERS["email"]),
        ("phone", ""),
        ("customer", ANSWERS["customer"]),
        ("message", ANSWERS["message"]),
        ("confirm", "yes"),
        ("website", ""),
    ]


@pytest.mark.parametrize("prefix", LANGS)
def test_submitting_empty_shows_a_focused_error_summary_linking_each_error(
    tab: Tab, site: SiteServer, endpoint: FormEndpoint, prefix: str
) -> None:
    lang = LANGS[prefix]
    page = tab.page
    open_form(tab, site, prefix)
    title = page.title()
    summary = page.locator(".seom-error-summary")
    # Before the reader sends anything there is no problem to show.
    assert summary.is_hidden()
    assert not [field for field in ERRORS[lang] if page.locator(f"#{field}-error").is_visible()]
    assert axe_violations(tab) == []
    endpoint.posts.clear()
    page.locator("form.seom-form button[type=submit]").click()
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('seom-error-summary')")
    assert summary.locator("[role=alert] h2").inner_text() == SUMMARY_TITLE[lang]
    assert page.title() == f"{PREFIX_WORD[lang]} {title}"
    links = summary.locator("a")
    assert links.all_inner_texts() == list(ERRORS[lang].values())
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
        f"#{field}" for field in ERRORS[lang]
    ]
    for field, message in ERRORS[lang].items():
        control = page.locator(f"#{field}")
        error = page.locator(f"#{field}-error")
        assert error.is_visible()
        assert error.text_content() == f"{PREFIX_WORD[lang]} {message}"
        assert error.locator(".seom-visually-hidden").inner_text().strip() == PREFIX_WORD[lang]
        assert control.get_attribute("aria-invalid") == "true"
        assert marked(page, field)
        described = "fieldset" if field == "request" else f"#{field}"
        assert f"{field}-error" in page.locator(described).get_attribute("aria-describedby")
    # Each link takes the reader to its field, with the field's label in view (not scrolled
    # off the top or under the header, as following the link as a plain #anchor would).
    for i, field in enumerate(ERRORS[lang]):
        links.nth(i).click()
        assert page.evaluate("document.activeElement.id") == field
        assert label_on_screen(page, field), field
    assert page.url == site.url + prefix + "kontakt/"
    assert endpoint.posts == []
    assert axe_violations(tab) == []
    assert tab.console_errors == []


@pytest.mark.parametrize("prefix", LANGS)
def test_an_email_address_in_the_wrong_format_is_reported(
    tab: Tab, site: SiteServer, prefix: str
) -> None:
    lang = LANGS[prefix]
    page = tab.page
    open_form(tab, site, prefix)
    submit = page.locator("form.seom-form button[type=submit]")
    submit.click()  # empty first: every required field is in error
    fill(page, lang)
    page.locator("#email").fill("asa.oberg@example")
    submit.click()
    expected = {"sv": "namn@exempel.se", "en": "name@example.com"}[lang]
    assert page.locator(".seom-error-summary a").all_inner_texts() == [
        page.locator("#email").get_attribute("data-error-format")
    ]
    assert expected in page.locator("#email-error").inner_text()
    assert page.locator("#email").get_attribute("aria-invalid") == "true" and marked(page, "email")
    # The fields the reader has put right since the first attempt are no longer in error.
    for field in ERRORS[lang]:
        if field != "email":
            assert page.locator(f"#{field}-error").is_hidden(), field
            assert not marked(page, field), field
    assert [c.get_attribute("id") for c in page.locator("[aria-invalid]").all()] == ["email"]
    # Corrected, the errors go away.
    page.locator("#email").fill(ANSWERS["email"])
    with page.expect_navigation():
        page.locator("form.seom-form button[type=submit]").click()


@pytest.mark.parametrize("prefix", LANGS)
def test_a_valid_form_reaches_the_endpoint_intact(
    tab: Tab, site: SiteServer, endpoint: FormEndpoint, prefix: str
) -> None:
    lang = LANGS[prefix]
    page = tab.page
    open_form(tab, site, prefix)
    fill(page, lang)
    assert axe_violations(tab) == []
    endpoint.posts.clear()
    with page.expect_navigation(url=site.url + prefix + "tack/"):
        page.locator("form.seom-form button[type=submit]").click()
    [post] = endpoint.posts
    assert post.content_type == "application/x-www-form-urlencoded"
    fields = post.fields
    opened = fields.pop(1)
    assert opened[0] == "opened" and re.fullmatch(r"\d{4}-\d\d-\d\dT[\d:.]+Z", opened[1])
    assert fields == expected_post(lang)
    assert page.locator("h1").inner_text() in ("Tack för din begäran", "Thank you for your request")
    # Nothing went anywhere but the site and SEOM's endpoint.
    assert [r for r in tab.foreign_requests if not r.startswith(endpoint.origin + "/")] == []
    assert tab.console_errors == []


@pytest.mark.parametrize("prefix", LANGS)
def test_without_javascript_the_form_is_a_plain_form(
    browser, site: SiteServer, endpoint: FormEndpoint, prefix: str
) -> None:
    lang = LANGS[prefix]
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.url + prefix + "kontakt/")
        fill(page, lang)
        endpoint.posts.clear()
        with page.expect_navigation(url=site.url + prefix + "tack/"):
            page.locator("form.seom-form button[type=submit]").click()
        [post] = endpoint.posts
        fields = post.fields
        # Without the script no time is recorded: the endpoint must accept an empty one.
        assert fields.pop(1) == ("opened", "")
        assert fields == expected_post(lang)
    finally:
        context.close()


@pytest.mark.parametrize("prefix", LANGS)
def test_the_form_can_be_completed_with_the_keyboard_alone(
    tab: Tab, site: SiteServer, endpoint: FormEndpoint, prefix: str
) -> None:
    lang = LANGS[prefix]
    page = tab.page
    open_form(tab, site, prefix)
    keyboard = page.keyboard

    def focused() -> str:
        return page.evaluate("document.activeElement.id")

    for _ in range(80):  # Tab from the top of the page to the form
        keyboard.press("Tab")
        if focused() == "request":
            break
    assert focused() == "request"
    keyboard.press("Space")
    for field in ["name", "email", "phone", "customer", "message"]:
        keyboard.press("Tab")
        assert focused() == field
        if field in ANSWERS:
            keyboard.type(ANSWERS[field])
    keyboard.press("Tab")
    assert focused() == "confirm"
    keyboard.press("Space")
    keyboard.press("Tab")  # the link in the confirmation's hint
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#form-data"
    keyboard.press("Tab")  # the honeypot is skipped
    assert page.evaluate("document.activeElement.type") == "submit"
    endpoint.posts.clear()
    with page.expect_navigation(url=site.url + prefix + "tack/"):
        keyboard.press("Enter")
    [post] = endpoint.posts
    assert [f for f in post.fields if f[0] != "opened"] == expected_post(lang)


def test_the_honeypot_is_not_seen_or_announced(tab: Tab, site: SiteServer) -> None:
    open_form(tab, site, "")
    assert tab.page.locator("#website").is_hidden()
    tree = tab.page.locator("form.seom-form").aria_snapshot()
    assert "Lämna det här fältet tomt" not in tree


@pytest.mark.parametrize(
    ("prefix", "subject", "body"),
    [
        (
            "",
            "Begäran om personuppgifter: Få veta vilka uppgifter ni har om mig (registerutdrag)",
            "Namn: Åsa Öberg\r\nE-postadress: asa.oberg@example.se\r\n"
            "Kundnummer eller adress: Storgatan 1, Sollentuna\r\n\r\n" + ANSWERS["message"],
        ),
        (
            "en/",
            "Request about personal data: "
            "Find out what data you hold about me (a register extract)",
            "Name: Åsa Öberg\r\nEmail address: asa.oberg@example.se\r\n"
            "Customer number or address: Storgatan 1, Sollentuna\r\n\r\n" + ANSWERS["message"],
        ),
    ],
)
def test_mailto_mode_opens_an_email_with_the_fields(
    tab: Tab, mailto_site: SiteServer, prefix: str, subject: str, body: str
) -> None:
    page = tab.page
    tab.origin = mailto_site.origin
    posts = record_posts(page)
    form = open_form(tab, mailto_site, prefix)
    title = page.title()
    assert form.is_visible()
    page.locator("form.seom-form button[type=submit]").click()
    assert page.locator(".seom-error-summary").is_visible()
    fill(page, LANGS[prefix])
    # Chromium reports the hand-off to the mail client as a request for the mailto: URL (which
    # it then aborts, as no mail client is installed): observed, not intercepted.
    with page.expect_request(lambda r: r.url.startswith("mailto:")) as request:
        page.locator("form.seom-form button[type=submit]").click()
    address, query = request.value.url.split("?", 1)
    assert address == f"mailto:{MAILTO}"
    assert parse_qs(query) == {"subject": [subject], "body": [body]}
    assert " " not in query and "%0D%0A" in query
    # The form itself sends nothing anywhere. A submission's request starts as soon as the
    # submit event ends; 300 ms bounds the wait for one that must not come.
    page.wait_for_timeout(300)
    assert posts == []
    # The reader stays on the form, what they wrote still there, and the errors of the first
    # attempt are gone: no summary, no messages, no "Error:" in the title.
    assert page.url == mailto_site.url + prefix + "kontakt/"
    assert page.locator("#message").input_value() == ANSWERS["message"]
    assert page.locator(".seom-error-summary").is_hidden()
    assert not [f for f in ERRORS[LANGS[prefix]] if page.locator(f"#{f}-error").is_visible()]
    assert page.locator("[aria-invalid]").count() == 0
    assert page.title() == title
    assert axe_violations(tab) == []
    assert tab.console_errors == []


def test_mailto_mode_without_javascript_offers_a_plain_link(
    browser, mailto_site: SiteServer
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(mailto_site.url + "kontakt/")
        assert page.locator("form.seom-form").is_hidden()
        link = page.locator(".seom-contact__mailto a")
        with page.expect_request(lambda r: r.url.startswith("mailto:")) as request:
            link.click()
        assert request.value.url == f"mailto:{MAILTO}?subject=Beg%C3%A4ran%20om%20personuppgifter"
    finally:
        context.close()


def test_unconfigured_form_sends_nothing(tab: Tab, unconfigured_site: SiteServer) -> None:
    page = tab.page
    tab.origin = unconfigured_site.origin
    posts = record_posts(page)
    open_form(tab, unconfigured_site, "en/")
    fill(page, "en")
    notice = page.get_by_text("The form is not configured")
    expect(notice).not_to_be_in_viewport()
    page.locator("form.seom-form button[type=submit]").click()
    # A submission's request starts as soon as the submit event ends; 300 ms bounds the wait
    # for one that must not come (the form has no action, so it would post to this same URL:
    # the URL alone proves nothing).
    page.wait_for_timeout(300)
    assert posts == []
    assert page.url == unconfigured_site.url + "en/kontakt/"
    assert page.locator("#message").input_value() == ANSWERS["message"]
    # Sending shows the reader why nothing can be sent.
    expect(notice).to_be_in_viewport()
    assert tab.foreign_requests == []
    assert tab.console_errors == []
    assert axe_violations(tab) == []
