"""`make publish` in a real temporary git repo with a bare origin, then the archive in Chromium.

Like mike's integration tests: the real CLI (scripts/publish.py, which runs mike) as a
subprocess, and assertions on branches, tags and files. The scenario runs once per module:
publish A, publish A again (nothing to do), refuse a changed text under A, republish A with
FORCE=1, fail on a broken link, fail on a push origin refuses, publish B, publish a changed
accessibility statement with no new version.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

import pikepdf
import pytest
from tabs import Tabs

from archives import (
    ALL_PAGES,
    FORM_ACTION,
    NEW_EN,
    NEW_SV,
    A,
    Archive,
    B,
    add_version_b,
    git,
    new_archive,
    run,
    serve,
)
from conftest import NOTICE_DOCS, Tab, axe_violations, guide, switch_language
from notice.publishing.errors import IN_THE_BROWSER

STATEMENT_UPDATED = "2027-03-10"
STATEMENT_PAGES = ["tillganglighet/", "en/tillganglighet/"]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    base = tmp_path_factory.mktemp("publish")
    arc = new_archive(base, today="2027-03-15")  # both versions are in force
    repo, env, origin = arc.repo, arc.env, arc.origin

    # Not ready to go live: the contact form has nowhere to send requests.
    unconfigured = {k: v for k, v in env.items() if k != "CONTACT_FORM_ACTION"}
    arc.results["unconfigured"] = arc.publish("PUSH=1", env=unconfigured)
    arc.refs["after unconfigured"] = arc.local_refs()

    # Not ready either: SEOM has not supplied its details (the project's own controller.yml).
    shutil.copy2(NOTICE_DOCS / "controller.yml", repo / "docs" / "controller.yml")
    arc.commit_all("SEOM's details as the project has them")
    arc.results["incomplete controller"] = arc.publish("PUSH=1")
    arc.refs["after incomplete controller"] = arc.local_refs()
    git(repo, "reset", "-q", "--hard", arc.commits[A])

    arc.results["A"] = arc.publish("PUSH=1")
    arc.refs["after A"] = arc.local_refs()
    arc.trees["A after A"] = git(repo, "rev-parse", f"gh-pages:{A}")
    arc.results["A again"] = arc.publish("PUSH=1")
    arc.refs["after A again"] = arc.local_refs()
    # A change to the text under the same, published version: refused.
    with (repo / "docs" / "lagring.md").open("a", encoding="utf-8") as f:
        f.write("\nEn ändring utan ny version.\n")
    arc.commit_all("Change without a new version")
    arc.results["A changed"] = arc.publish("PUSH=1")
    arc.refs["after A changed"] = arc.local_refs()
    git(repo, "reset", "-q", "--hard", arc.commits[A])
    arc.results["A forced"] = arc.publish("PUSH=1", "FORCE=1")
    arc.refs["after A forced"] = arc.local_refs()
    arc.refs["origin after A forced"] = arc.remote_refs()

    # Version B, first with a link the content checks leave to MkDocs (a heading on a page
    # whose shortcodes add headings of their own) and MkDocs refuses: nothing may move.
    add_version_b(arc)
    # In both languages: a link in Swedish alone is a translation make publish refuses first.
    for name, words in (("insamling.md", "Trasig länk"), ("insamling.en.md", "Broken link")):
        with (repo / "docs" / name).open("a", encoding="utf-8") as f:
            f.write(f"\n[{words}](klagomal.md#finns-inte)\n")
    arc.commit_all("A broken link")
    arc.results["broken"] = arc.publish("PUSH=1")
    arc.refs["after broken"] = arc.local_refs()
    arc.refs["origin after broken"] = arc.remote_refs()
    git(repo, "reset", "-q", "--hard", arc.commits[B])

    # origin refuses the push (as a protected branch would): the local refs are put back.
    hook = origin / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'refused by origin' >&2\nexit 1\n")
    hook.chmod(0o755)
    arc.refs["before refused push"] = arc.local_refs()
    arc.results["refused push"] = arc.publish("PUSH=1")
    arc.refs["after refused push"] = arc.local_refs()
    arc.refs["origin after refused push"] = arc.remote_refs()
    hook.unlink()

    arc.results["B"] = arc.publish("PUSH=1")
    arc.trees["A after B"] = git(repo, "rev-parse", f"gh-pages:{A}")
    arc.trees["B after B"] = git(repo, "rev-parse", f"gh-pages:{B}")

    # The accessibility statement changes, with no new version of the notice.
    statement = repo / "docs" / "accessibility.yml"
    text = statement.read_text(encoding="utf-8")
    statement.write_text(text.replace("\nupdated: 2026-11-28", f"\nupdated: {STATEMENT_UPDATED}"))
    arc.commits["statement"] = arc.commit_all("The accessibility statement, updated")
    arc.results["statement"] = arc.publish("PUSH=1")
    arc.trees["A after statement"] = git(repo, "rev-parse", f"gh-pages:{A}")
    arc.trees["B after statement"] = git(repo, "rev-parse", f"gh-pages:{B}")

    serve(arc)
    yield arc
    arc.server.stop()


def test_each_publish_succeeds_or_refuses_as_expected(archive: Archive) -> None:
    for name in ("A", "A forced", "B"):
        assert archive.results[name].returncode == 0, archive.results[name].stderr
    again = archive.results["A again"]
    assert again.returncode == 0, again.stderr
    assert again.stdout.endswith(
        f"Version {A} är redan publicerad och docs/ har inte ändrats: inget att göra.\n"
    )
    assert archive.refs["after A again"] == archive.refs["after A"]
    changed = archive.results["A changed"]
    assert changed.returncode != 0
    assert (
        f"make publish: texten i version {A}, som redan är publicerad, skulle ändras "
        "(docs/lagring.md). En publicerad version ändras aldrig: lägg till en ny version överst "
        "i docs/versions.yml, med det datum då ändringen ska börja gälla (REDIGERA.md, avsnitt "
        "7). Är det bara ett skrivfel som inte ändrar innebörden kan en utvecklare i stället "
        "rätta den publicerade versionen.\n" + IN_THE_BROWSER + "\n"
    ) in changed.stderr
    # REDIGERA.md (section 8) shows this refusal as editors meet it.
    text = guide()
    example = re.search(r"```text\n(make publish: texten i version .*?\n)```", text, re.S)
    assert example, "REDIGERA.md no longer shows the refusal of a changed text"
    assert example.group(1) in changed.stderr
    assert archive.refs["after A changed"] == archive.refs["after A"]


def test_versions_json_lists_both_with_latest_on_b(archive: Archive) -> None:
    versions = json.loads(archive.show("versions.json"))
    assert [(v["version"], v["aliases"]) for v in versions] == [(B, ["latest"]), (A, [])]


def test_latest_is_a_copy_of_b_and_the_root_redirects_there(archive: Archive) -> None:
    assert git(archive.repo, "rev-parse", "gh-pages:latest") == git(
        archive.repo, "rev-parse", f"gh-pages:{B}"
    )
    root = archive.soup("index.html")
    assert root.html["lang"] == "sv"
    assert root.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=latest/"
    assert [(a["href"], a.get_text()) for a in root.find_all("a")] == [
        ("latest/", "Gå till Så skyddar vi dina personuppgifter"),
        ("latest/en/", "Go to How we protect your personal data (in English)"),
    ]
    assert [p["lang"] for p in root.find_all("p")] == ["sv", "en"]
    assert not root.find("script")


def test_a_is_unchanged_by_bs_publish(archive: Archive) -> None:
    assert archive.trees["A after B"] == archive.trees["A after A"]


@pytest.mark.parametrize("version", [A, B])
def test_both_languages_in_each_version(archive: Archive, version: str) -> None:
    files = git(archive.repo, "ls-tree", "-r", "--name-only", "gh-pages", f"{version}/")
    for page in ALL_PAGES:
        assert f"{version}/{page}index.html" in files.splitlines()
    sv = archive.soup(f"{version}/lagring/index.html")
    en = archive.soup(f"{version}/en/lagring/index.html")
    assert sv.html["lang"] == "sv"
    assert en.html["lang"] == "en"
    assert (NEW_SV in sv.get_text()) == (version == B)
    assert (NEW_EN in en.get_text()) == (version == B)


def test_robots_txt_lets_crawlers_read_every_published_version_in_force_or_earlier(
    archive: Archive,
) -> None:
    """An earlier version's pages point search engines at latest/ (their canonical links),
    which a crawler kept out would never read; only an announced version is kept out."""
    assert archive.show("robots.txt").splitlines() == [
        "User-agent: *",
        "",
        f"Sitemap: {archive.server.url}latest/sitemap.xml",
    ]


@pytest.mark.parametrize(
    ("in_force", "kept_out"),
    [
        ("2026-12-01", ["2027-03-01", "2027-06-01"]),
        ("2027-03-01", ["2027-06-01"]),
        ("2027-06-01", []),
    ],
)
def test_robots_txt_keeps_out_only_the_versions_after_the_one_in_force(
    in_force: str, kept_out: list[str]
) -> None:
    from notice.publishing.root_files import robots_txt

    versions = ["2026-12-01", "2027-03-01", "2027-06-01"]
    text = robots_txt(versions, in_force, "https://x.example/integritet/")
    assert text.splitlines() == [
        "User-agent: *",
        *(f"Disallow: /integritet/{version}/" for version in kept_out),
        "",
        "Sitemap: https://x.example/integritet/latest/sitemap.xml",
    ]


@pytest.mark.parametrize("version", [A, B])
@pytest.mark.parametrize("page", ["lagring/", "en/lagring/", ""])
def test_canonical_and_hreflang_point_at_latest(archive: Archive, version: str, page: str) -> None:
    html = archive.soup(f"{version}/{page}index.html")
    latest = archive.server.url + "latest/"
    assert html.find("link", rel="canonical")["href"] == latest + page
    alternates = {
        link["hreflang"]: link["href"]
        for link in html.find_all("link", rel="alternate")
        if link.get("hreflang")
    }
    bare = page.removeprefix("en/")
    assert alternates == {
        "sv": latest + bare,
        "en": latest + "en/" + bare,
        "x-default": latest + bare,
    }


def test_sitemap_alternates_keep_the_slash_before_the_language(archive: Archive) -> None:
    sitemap = archive.show(f"{A}/sitemap.xml")
    hrefs = re.findall(r'hreflang="en" href="([^"]+)"', sitemap)
    assert hrefs
    assert all(h.startswith(archive.server.url + "latest/en/") for h in hrefs), hrefs


def test_tags_name_the_published_commits_and_are_pushed(archive: Archive) -> None:
    for version in (A, B):
        tag = f"notice/{version}"
        assert git(archive.repo, "rev-parse", f"{tag}^{{commit}}") == archive.commits[version]
        assert git(archive.repo, "cat-file", "-t", tag) == "tag"  # annotated
    remote = archive.remote_refs()
    local = archive.local_refs()
    for ref in ("refs/heads/gh-pages", f"refs/tags/notice/{A}", f"refs/tags/notice/{B}"):
        assert remote[ref] == local[ref]


def test_force_republishes_and_moves_the_tag(archive: Archive) -> None:
    before, after = archive.refs["after A"], archive.refs["after A forced"]
    tag = f"refs/tags/notice/{A}"
    assert after[tag] != before[tag]  # a new tag object, on the same commit
    assert archive.refs["origin after A forced"][tag] == after[tag]


def test_a_failing_build_publishes_nothing_and_moves_no_ref(archive: Archive) -> None:
    result = archive.results["broken"]
    assert result.returncode != 0
    assert (
        "make publish: bygget misslyckades, så ingenting publicerades. Rätta det som bygget "
        "säger här nedanför:\n"
    ) in result.stderr
    assert "klagomal.md#finns-inte" in result.stderr
    assert f"\n{IN_THE_BROWSER}\nmake" in result.stderr  # the last line, then make's
    assert archive.refs["after broken"] == archive.refs["after A forced"]
    assert archive.refs["origin after broken"] == archive.refs["origin after A forced"]


def test_a_missing_setting_is_named(archive: Archive, tmp_path: Path) -> None:
    env = {**archive.env, "SITE_URL": "http://integritet.seom.se/"}
    result = run(archive.repo, sys.executable, "scripts/publish.py", env=env)
    assert result.returncode != 0
    assert "site_url: set it to the site's public https address" in result.stderr


# Refusals that need no build: a repository with one commit


def committed(repo: Path, *folders: str) -> Path:
    """A git repository with a file in each of ``folders`` (the root when none), committed."""
    git(repo, "init", "-q", "-b", "main")
    for folder in folders or (".",):
        (repo / folder).mkdir(exist_ok=True)
        (repo / folder / "index.html").write_text("text\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Test", "-c", "user.email=t@example.com", "commit", "-qm", "1")
    return repo


def test_uncommitted_changes_are_refused(tmp_path: Path) -> None:
    from notice.publishing.errors import PublishError
    from notice.publishing.git_utils import Git
    from notice.publishing.operations import check_clean

    repo = committed(tmp_path)
    check_clean(Git(repo))
    (repo / "index.html").write_text("changed\n", encoding="utf-8")
    with pytest.raises(PublishError) as refused:
        check_clean(Git(repo))
    assert str(refused.value) == (
        "det finns ändringar som inte är incheckade (git status visar dem). Checka in dem "
        "(commit) först, så att taggen visar exakt det som publiceras."
    )


def test_a_published_version_without_its_tag_is_refused(tmp_path: Path) -> None:
    from notice.publishing.errors import PublishError
    from notice.publishing.git_utils import Git
    from notice.publishing.record import already_published

    repo = committed(tmp_path, A)  # its folder, on gh-pages
    git(repo, "branch", "gh-pages")
    with pytest.raises(PublishError) as refused:
        already_published(Git(repo), A, f"notice/{A}")
    assert str(refused.value) == (
        f"version {A} finns på gh-pages, men taggen notice/{A} finns varken här eller på "
        "origin, och det är taggen som visar vad som publicerades. Återställ den "
        f"(git tag notice/{A} <commit>, sedan git push origin --tags), eller be en utvecklare "
        "göra det, och kör make publish igen."
    )
    git(repo, "tag", f"notice/{A}")
    assert already_published(Git(repo), A, f"notice/{A}")


# In the browser


@pytest.fixture
def archive_tab(tabs: Tabs, archive: Archive) -> Tab:
    return tabs.open(archive.server.origin)


@pytest.mark.parametrize("path", [f"{v}/{p}" for v in (A, B, "latest") for p in ALL_PAGES])
def test_archive_pages_load_cleanly(archive_tab: Tab, archive: Archive, path: str) -> None:
    response = archive_tab.page.goto(archive.server.url + path)
    assert response.status == 200
    archive_tab.page.wait_for_load_state("networkidle")
    banner = archive_tab.page.locator("[data-md-component=outdated]")
    assert banner.is_visible() == path.startswith(A)
    assert archive_tab.console_errors == []
    assert archive_tab.foreign_requests == []


BANNER_SV = ("Du läser en äldre version av integritetsmeddelandet.", "Läs den gällande versionen")
BANNER_EN = (
    "You are reading an earlier version of the privacy notice.",
    "Read the current version",
)


@pytest.mark.parametrize(
    ("page", "text", "link"), [("lagring/", *BANNER_SV), ("en/lagring/", *BANNER_EN)]
)
def test_the_banner_on_a_speaks_its_language_and_opens_the_current_page(
    archive_tab: Tab, archive: Archive, page: str, text: str, link: str
) -> None:
    archive_tab.page.goto(archive.server.url + f"{A}/{page}")
    banner = archive_tab.page.locator("[data-md-component=outdated]")
    banner.wait_for()
    assert text in banner.inner_text()
    banner.get_by_role("link", name=link).click()
    archive_tab.page.wait_for_load_state()
    assert archive_tab.page.url == archive.server.url + f"latest/{page}"
    assert archive_tab.console_errors == []


@pytest.mark.parametrize(("start", "target"), [(A, B), (B, A)])
def test_version_selector_keeps_page_and_language(
    archive_tab: Tab, archive: Archive, start: str, target: str
) -> None:
    archive_tab.page.goto(archive.server.url + f"{start}/en/lagring/")
    selector = archive_tab.page.locator(".md-version")
    selector.wait_for()
    selector.hover()
    selector.locator(f'a[href$="/{target}/"]').click()
    archive_tab.page.wait_for_url(re.compile(re.escape(target)))
    archive_tab.page.wait_for_load_state()
    assert archive_tab.page.url == archive.server.url + f"{target}/en/lagring/"
    assert archive_tab.console_errors == []


@pytest.mark.parametrize(
    ("start", "language", "expected"),
    [("lagring/", "English", "en/lagring/"), ("en/", "Svenska", "")],
)
def test_language_switcher_on_a_stays_in_a(
    archive_tab: Tab, archive: Archive, start: str, language: str, expected: str
) -> None:
    archive_tab.page.goto(archive.server.url + f"{A}/{start}")
    switch_language(archive_tab.page, language)
    assert archive_tab.page.url == archive.server.url + f"{A}/{expected}"
    assert archive_tab.console_errors == []


@pytest.mark.parametrize(("prefix", "sentence"), [("", NEW_SV), ("en/", NEW_EN)])
def test_bs_what_changed_page_shows_the_new_text_in_each_language(
    archive: Archive, prefix: str, sentence: str
) -> None:
    page = archive.soup(f"{B}/{prefix}andringar/index.html")
    inserted = " ".join(ins.get_text(" ", strip=True) for ins in page.select("article ins"))
    assert sentence in inserted
    assert not page.select("article del")
    # A's own what-changed page, unchanged by B's publish, still says it was the first.
    first = archive.soup(f"{A}/{prefix}andringar/index.html").select_one("article")
    assert not first.select("ins")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_archives_feed_and_bs_history_list_both_versions(archive: Archive, prefix: str) -> None:
    feed = ElementTree.fromstring(archive.show(f"{prefix}feed.xml"))
    atom = "{http://www.w3.org/2005/Atom}"
    links = [e.find(f"{atom}link").get("href") for e in feed.findall(f"{atom}entry")]
    root = archive.server.url
    assert links == [f"{root}{B}/{prefix}andringar/", f"{root}{A}/{prefix}andringar/"]
    feed_links = {link.get("rel"): link.get("href") for link in feed.findall(f"{atom}link")}
    assert feed_links == {"alternate": f"{root}latest/{prefix}", "self": f"{root}{prefix}feed.xml"}
    # Each entry changed when its version was published (its tag), and the feed with the last.
    stamps = [e.find(f"{atom}updated").text for e in feed.findall(f"{atom}entry")]
    tagged = [
        git(
            archive.repo,
            "for-each-ref",
            "--format=%(creatordate:iso-strict)",
            f"refs/tags/notice/{v}",
        )
        for v in (B, A)
    ]
    assert stamps == tagged
    assert feed.find(f"{atom}updated").text == max(tagged)
    # Version folders hold no feed of their own: it would never list a later version.
    assert not git(
        archive.repo, "ls-tree", "-r", "--name-only", "gh-pages", f"{A}/{prefix}feed.xml"
    )
    # Every version's pages offer the one feed that goes on, at the archive's root.
    head = archive.soup(f"{A}/{prefix}index.html").find("link", type="application/atom+xml")
    assert head["href"] == f"{root}{prefix}feed.xml"
    history = archive.soup(f"{B}/{prefix}versioner/index.html").select("article li a")
    hrefs = [a["href"] for a in history]
    up = "../../" if prefix else "../"
    assert f"{up}../{A}/{prefix}" in hrefs
    assert f"{up}../{A}/{prefix}andringar/" in hrefs


def test_a_push_that_origin_refuses_moves_no_ref(archive: Archive) -> None:
    result = archive.results["refused push"]
    assert result.returncode != 0
    assert "refused by origin" in result.stderr
    assert archive.refs["after refused push"] == archive.refs["before refused push"]
    assert archive.refs["origin after refused push"] == archive.refs["origin after A forced"]


def test_publish_refuses_while_the_contact_form_has_nowhere_to_send(archive: Archive) -> None:
    result = archive.results["unconfigured"]
    assert result.returncode != 0
    assert (
        "make publish: mkdocs.yml is not ready to go live; set these settings first:\n"
        "- extra.contact_form.action or extra.contact_form.mailto in mkdocs.yml "
        "(CONTACT_FORM_ACTION / CONTACT_FORM_MAILTO)\n"
    ) in result.stderr
    assert archive.refs["after unconfigured"] == {}


def test_publish_refuses_while_seoms_details_are_missing(archive: Archive) -> None:
    result = archive.results["incomplete controller"]
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "make publish: SEOM:s uppgifter som personuppgiftsansvarig är inte kompletta, så "
        "meddelandet publiceras inte. Fyll i dem i docs/controller.yml när SEOM har lämnat dem:"
    )
    # SEOM's to supply: no "fix it in the browser" (REDIGERA: ask SEOM).
    assert IN_THE_BROWSER not in result.stderr
    assert lines[1:-1] == [
        "  - docs/controller.yml: organisation_number saknas (organisationsnumret, sex siffror, "
        "bindestreck och fyra siffror). Fyll i den när SEOM har lämnat uppgiften.",
        "  - docs/controller.yml: address saknas (postadressen). Fyll i den när SEOM har lämnat "
        "uppgiften.",
        "  - docs/controller.yml: country saknas (landet där SEOM finns, som landskod med två "
        "stora bokstäver (ISO 3166-1)). Fyll i den när SEOM har lämnat uppgiften.",
        "  - docs/controller.yml: phone saknas (telefonnumret, med siffror, mellanslag och "
        "bindestreck). Fyll i den när SEOM har lämnat uppgiften.",
        "  - docs/controller.yml: email saknas (e-postadressen för frågor om personuppgifter). "
        "Fyll i den när SEOM har lämnat uppgiften.",
        "  - docs/controller.yml: representative saknas (namnet på den person som företräder "
        "SEOM i frågor om personuppgifter). Fyll i den när SEOM har lämnat uppgiften.",
        "  - docs/controller.yml: dpo_email och no_dpo saknas (dataskyddsombudets e-postadress, "
        "eller att SEOM inte har utsett något dataskyddsombud, och varför). Fyll i en av dem när "
        "SEOM har lämnat uppgiften.",
    ]
    assert archive.refs["after incomplete controller"] == {}


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_published_notice_gives_seoms_details_in_full(archive: Archive, prefix: str) -> None:
    section = archive.soup(f"{B}/{prefix}personuppgiftsansvarig/index.html")
    details = section.select_one("article .seom-controller")
    address = "Box 0, SE-000 00 Testby, Sweden" if prefix else "Box 0, 000 00 Testby"
    assert [dd.get_text() for dd in details.find_all("dd")] == [
        "000000-0000",
        address,
        "08-000 000 00",
        "dataskydd@example.se",
        "dataskyddsombud@example.se",
        "www.seom.se",
    ]
    assert details.find("a", href="mailto:dataskyddsombud@example.se")
    footer = section.select_one("footer .seom-footer-controller").get_text(" ", strip=True)
    number = "org. no." if prefix else "org.nr"
    assert footer.startswith(f"Sollentuna Energi & Miljö AB , {number} 000000-0000 {address}")
    files = git(archive.repo, "ls-tree", "-r", "--name-only", "gh-pages").splitlines()
    pages = [f for f in files if f.endswith(".html")]
    assert not [f for f in pages if "seom-missing" in archive.show(f)]


def test_the_published_form_posts_to_the_configured_endpoint(archive: Archive) -> None:
    for prefix in ("", "en/"):
        form = archive.soup(f"{B}/{prefix}kontakt/index.html").select_one("form.seom-form")
        assert (form["method"], form["action"]) == ("post", FORM_ACTION)


@pytest.mark.parametrize("path", ["finns-inte/", "en/finns-inte/", f"{A}/finns-inte/"])
def test_search_works_on_the_archives_404_page(
    archive_tab: Tab, archive: Archive, path: str
) -> None:
    page = archive_tab.page
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(archive.server.url + path)
    assert response.status == 404
    search = page.get_by_role("search").get_by_role("textbox")
    search.click()
    search.press_sequentially("IMY", delay=30)
    page.locator(".md-search-result__item").first.wait_for()
    assert errors == []
    # The only failed request is the page that does not exist.
    failed = [e for e in archive_tab.console_errors if "Failed to load resource" in e]
    assert len(failed) == 1, archive_tab.console_errors


# The accessibility statement: one stable address outside the version folders


def test_a_changed_statement_is_published_without_a_new_version(archive: Archive) -> None:
    result = archive.results["statement"]
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(
        f"Version {B} är redan publicerad och texten är densamma: den är byggd på nytt med det "
        "som ändrats i utseendet, på origin/gh-pages.\n"
    )
    versions = json.loads(archive.show("versions.json"))
    assert [v["version"] for v in versions] == [B, A]
    # B (main's version, in force) and latest are deployed again; A never changes.
    assert archive.trees["B after statement"] != archive.trees["B after B"]
    assert archive.trees["A after statement"] == archive.trees["A after A"]
    assert (
        archive.remote_refs()["refs/heads/gh-pages"] == archive.local_refs()["refs/heads/gh-pages"]
    )


@pytest.mark.parametrize("path", [f"integritetsmeddelande-{B}.pdf", f"en/privacy-notice-{B}.pdf"])
def test_a_version_deployed_again_keeps_the_archival_copy_it_was_published_with(
    archive: Archive, path: str
) -> None:
    """B's folder was deployed again from a later commit (the statement changed): its archival
    copy is still the one its own publishing made, byte for byte, naming B's commit. A was
    republished (FORCE=1) from the commit it was published from: the same bytes again."""
    file = f"{B}/{path}"
    assert archive.history(file) == [f"Publish privacy notice {B}"]
    a = f"{A}/{path.replace(B, A)}"
    assert archive.history(a) == [f"Publish privacy notice {A}"]
    data = archive.blob(f"gh-pages:{file}")
    with pikepdf.open(io.BytesIO(data)) as doc:
        description = str(doc.open_metadata()["dc:description"])
    assert description.endswith(f" {archive.commits[B]}.")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_statements_stable_address_leads_to_the_current_statement(
    archive: Archive, prefix: str
) -> None:
    page = archive.soup(f"{prefix}tillganglighet/index.html")
    assert page.html["lang"] == ("en" if prefix else "sv")
    up = "../" * (prefix.count("/") + 1)
    target = f"{up}latest/{prefix}tillganglighet/"
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"
    assert [a["href"] for a in page.find_all("a")] == [target]
    assert not page.find("script")
    statement = archive.soup(f"latest/{prefix}tillganglighet/index.html")
    updated = statement.select(".seom-statement time")[-1]
    assert updated["datetime"] == STATEMENT_UPDATED
    assert updated.get_text() == ("10 March 2027" if prefix else "10 mars 2027")


@pytest.mark.parametrize("version", [A, B, "latest"])
def test_every_footer_in_the_archive_links_to_the_stable_statement(
    archive: Archive, version: str
) -> None:
    for page in [*ALL_PAGES, *STATEMENT_PAGES]:
        link = archive.soup(f"{version}/{page}index.html").select_one(".seom-footer-statement a")
        prefix = "en/" if page.startswith("en/") else ""
        url = urljoin(archive.server.url + f"{version}/{page}", link["href"])
        assert url == archive.server.url + f"{prefix}tillganglighet/", (version, page)
    # The archive's root 404 page (latest's), served at any depth.
    link = archive.soup("404.html").select_one(".seom-footer-statement a")
    url = urljoin(archive.server.url + "finns/inte/", link["href"])
    assert url == archive.server.url + "tillganglighet/"


def test_an_earlier_versions_statement_sends_readers_to_the_current_one(archive: Archive) -> None:
    page = archive.soup(f"{A}/tillganglighet/index.html")
    # Search engines: the copy in latest/ is the canonical one.
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == archive.server.url + "latest/tillganglighet/"
    outdated = page.select_one("[data-md-component=outdated]")
    assert "Det här är en äldre kopia av tillgänglighetsredogörelsen." in outdated.get_text()
    link = outdated.find("a")
    assert urljoin(archive.server.url + f"{A}/tillganglighet/", link["href"]) == (
        archive.server.url + "tillganglighet/"
    )


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_stable_address_opens_the_statement_in_the_browser(
    archive_tab: Tab, archive: Archive, prefix: str
) -> None:
    page = archive_tab.page
    page.goto(archive.server.url + f"{A}/{prefix}lagring/")
    page.locator(".seom-footer-statement a").click()
    page.wait_for_url(archive.server.url + f"latest/{prefix}tillganglighet/")
    page.wait_for_load_state("networkidle")
    title = "Accessibility statement" if prefix else "Tillgänglighetsredogörelse"
    assert page.locator("h1").inner_text() == title
    assert archive_tab.console_errors == []
    assert archive_tab.foreign_requests == []
    assert axe_violations(archive_tab) == []


# The archive's record of itself (archive.json; tests/test_archive_integrity.py checks it)


def test_the_archive_records_each_version_and_why_its_folder_changed(archive: Archive) -> None:
    record = json.loads(archive.show("archive.json"))
    assert (record["format"], record["latest"]) == (1, B)
    today = "2027-03-15"  # NOTICE_TODAY
    assert {version: entry["history"] for version, entry in record["versions"].items()} == {
        B: [{"date": today, "event": "published"}, {"date": today, "event": "presentation"}],
        # FORCE=1 republished A, on the same commit.
        A: [{"date": today, "event": "published"}, {"date": today, "event": "republished"}],
    }
    for version in (A, B):
        entry = record["versions"][version]
        assert entry["commit"] == archive.commits[version]
        assert entry["tree"] == git(archive.repo, "rev-parse", f"gh-pages:{version}")
        assert "upcoming" not in entry
    # The record is published with the rest, and refused runs left no trace in it.
    assert archive.remote_refs()["refs/heads/gh-pages"] == git(
        archive.repo, "rev-parse", "gh-pages"
    )
