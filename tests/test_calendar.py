"""Publishing follows the calendar: an upcoming version, and the switch on its date.

`make publish` in a real git repository with a bare origin, the date that counts as today set
with NOTICE_TODAY (as the daily publish run would meet it): version A in force, version B
published before its date (upcoming), then the run on B's date that puts B in force.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from tabs import Tabs

from archives import Archive, git, new_archive
from conftest import SiteServer, Tab, axe_violations

A, B, BETWEEN, C, D, E = (
    "2026-12-01",
    "2027-03-01",
    "2027-01-15",
    "2027-06-01",
    "2027-09-01",
    "2027-12-01",
)
UPCOMING = {
    "": "Den här versionen av integritetsmeddelandet börjar gälla den 1 mars 2027.",
    "en/": "This version of the privacy notice takes effect on 1 March 2027.",
}
IN_FORCE_LINK = {"": "Läs den version som gäller nu", "en/": "Read the version in force now"}
# The name of the banner (Material's <aside>) that says so: assets/javascripts/keyboard.js.
UPCOMING_LANDMARK = {"": "Kommande version", "en/": "Upcoming version"}


def entry(version: str) -> str:
    return f'- version: "{version}"\n  summary:\n    sv: Ändrad.\n    en: Changed.\n'


def add_version(repo: Path, version: str, sentence: str) -> None:
    """A new version at the top of versions.yml, with a sentence added in both languages."""
    for name in ("lagring.md", "lagring.en.md"):
        with (repo / "docs" / name).open("a", encoding="utf-8") as f:
            f.write(f"\n{sentence}\n")
    versions = repo / "docs" / "versions.yml"
    text = versions.read_text(encoding="utf-8")
    first = text.index("- version:")
    versions.write_text(text[:first] + entry(version) + text[first:], encoding="utf-8")


@pytest.fixture(scope="module")
def calendar(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    arc = new_archive(tmp_path_factory.mktemp("calendar"), today=A)
    repo, env, origin = arc.repo, arc.env, arc.origin

    def publish(name: str, today: str, *flags: str, env_extra: dict | None = None) -> None:
        run_env = {**env, "NOTICE_TODAY": today, **(env_extra or {})}
        arc.results[name] = arc.publish("PUSH=1", *flags, env=run_env)
        arc.refs[name] = arc.local_refs()
        arc.refs["origin " + name] = arc.remote_refs()

    def calendar_run(name: str, today: str) -> None:
        """`make calendar PUSH=1`, the nightly run, on ``today``."""
        arc.results[name] = arc.publish(
            "PUSH=1", env={**env, "NOTICE_TODAY": today}, target="calendar"
        )
        arc.refs[name] = arc.local_refs()
        arc.refs["origin " + name] = arc.remote_refs()

    publish("A", "2026-12-05")
    add_version(repo, B, "Den här meningen gäller från version B.")
    arc.commits[B] = arc.commit_all("Version B, announced ahead of its date")
    publish("B early", "2027-02-20")
    arc.trees["A before the switch"] = git(repo, "rev-parse", f"gh-pages:{A}")
    arc.trees["B early"] = git(repo, "rev-parse", f"gh-pages:{B}")
    for page in ("", "en/"):
        arc.pages[f"B early {page}"] = arc.show(f"{B}/{page}lagring/index.html")
        arc.pages[f"feed early {page}"] = arc.show(f"{page}feed.xml")
    arc.pages["robots early"] = arc.show("robots.txt")
    arc.pages["state early"] = arc.show("notice.json")
    publish("B early again", "2027-02-20")
    calendar_run("calendar early", "2027-02-28")

    # B's date comes while main cannot be published: a text changed without a new version, and
    # a mistake. The nightly run puts B in force all the same, from what is published alone.
    with (repo / "docs" / "lagring.md").open("a", encoding="utf-8") as f:
        f.write("\nEn ändring utan ny version.\n")
    (repo / "docs" / "versions.yml").write_text("- version: [inte ett datum\n", "utf-8")
    arc.commit_all("main that cannot be published")
    publish("main broken", B)
    calendar_run("switch", B)
    calendar_run("switch again", B)
    git(repo, "reset", "-q", "--hard", arc.commits[B])
    arc.trees["A after the switch"] = git(repo, "rev-parse", f"gh-pages:{A}")
    arc.pages["robots after"] = arc.show("robots.txt")
    arc.pages["state after"] = arc.show("notice.json")
    publish("after the switch", "2027-03-02")

    # A branch made before B, with a version between A and B, published on its own.
    git(repo, "checkout", "-q", "-b", "old", arc.commits[A])
    add_version(repo, BETWEEN, "En mening från en gammal gren.")
    arc.commit_all("A version older than the published B")
    publish("older", "2027-03-02")
    git(repo, "checkout", "-q", "main")

    # Version C: a run that stopped after mike's commit and the tag, before the push (here: a
    # run without PUSH=1), then the next run.
    add_version(repo, C, "En mening från version C.")
    arc.commits[C] = arc.commit_all("Version C")
    arc.results["C stopped"] = arc.publish(env={**env, "NOTICE_TODAY": C})
    publish("C resumed", C)
    # A local gh-pages that went its own way (an old state with a commit of its own).
    old_state = arc.refs["origin switch"]["refs/heads/gh-pages"]
    stray = git(repo, "commit-tree", f"{old_state}^{{tree}}", "-p", old_state, "-m", "Stray")
    git(repo, "update-ref", "refs/heads/gh-pages", stray)
    publish("gh-pages diverged", C)
    # The same version tagged differently here than on origin (published here, then by CI).
    git(repo, "tag", "-f", "-a", f"notice/{C}", "-m", "Another tag object", arc.commits[B])
    publish("C tagged elsewhere", C)
    # A fresh clone without tags, as a CI checkout might be.
    git(repo, "push", "-q", "origin", "main")
    clone = arc.repo.parent / "clone"
    git(arc.repo.parent, "clone", "-q", "--no-tags", "-b", "main", str(origin), str(clone))
    arc.results["clone without tags"] = Archive(clone, origin, arc.server, env).publish(
        "PUSH=1", env={**env, "NOTICE_TODAY": C}
    )
    arc.refs["origin clone without tags"] = arc.remote_refs()

    # Only the presentation changes (a style): C, the version main holds, and latest (a copy
    # of it) are rebuilt with it; A and B, the record, are not touched.
    versions = (A, B, C, "latest")
    arc.trees |= {f"{v} before": git(repo, "rev-parse", f"gh-pages:{v}") for v in versions}
    with (repo / "overrides/assets/stylesheets/seom.css").open("a", encoding="utf-8") as f:
        f.write("\n/* A new rule. */\n.seom-new {\n  color: inherit;\n}\n")
    arc.commit_all("Presentation only")
    publish("presentation", C)
    arc.trees |= {f"{v} after": git(repo, "rev-parse", f"gh-pages:{v}") for v in versions}
    publish("presentation again", C)

    # Two publishes at once: another one lands on origin between this one's fetch and its push
    # (a pre-push hook plays the other one), then this one runs again.
    hook = repo / ".git" / "hooks" / "pre-push"
    hook.write_text(
        "#!/bin/sh\n"
        f"cd '{origin}' || exit 1\n"
        "tip=$(git rev-parse gh-pages)\n"
        'other=$(git commit-tree "$tip^{tree}" -p "$tip" -m "Another publish")\n'
        'git update-ref refs/heads/gh-pages "$other" "$tip"\n',
        encoding="utf-8",
    )
    hook.chmod(0o755)
    add_version(repo, D, "En mening från version D.")
    arc.commits[D] = arc.commit_all("Version D")
    publish("lost the race", D)
    hook.unlink()
    publish("after the race", D)

    # Version E: a run that stopped after mike's commit, before the tag (a run without PUSH=1,
    # its tag deleted), then the next run.
    add_version(repo, E, "En mening från version E.")
    arc.commits[E] = arc.commit_all("Version E")
    arc.results["E stopped"] = arc.publish(env={**env, "NOTICE_TODAY": E})
    git(repo, "tag", "-d", f"notice/{E}")
    publish("E resumed", E)

    # A file in docs/ that git ignores only on this machine.
    (repo / ".git" / "info" / "exclude").write_text("docs/bild.png\n", encoding="utf-8")
    (repo / "docs" / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    publish("ignored", "2027-03-02")
    (repo / "docs" / "bild.png").unlink()

    publish("not a date", "1 mars")

    # Test settings on the way to the real origin (a server; never reached: refused first).
    git(repo, "remote", "set-url", "origin", "https://127.0.0.1:9/seom/integritet.git")
    test_settings = {
        "SITE_URL": "http://127.0.0.1:8000/",
        "CONTACT_FORM_ACTION": "http://localhost:8000/f",
    }
    publish("test settings to the web", C, env_extra=test_settings)
    git(repo, "remote", "set-url", "origin", str(origin))
    yield arc


def versions_json(arc: Archive, name: str) -> dict[str, list[str]]:
    """{version: aliases} on origin after run ``name``: read from the commit it pushed."""
    commit = arc.refs["origin " + name]["refs/heads/gh-pages"]
    data = json.loads(git(arc.repo, "show", f"{commit}:versions.json"))
    return {v["version"]: v["aliases"] for v in data}


def test_an_upcoming_version_is_published_but_not_in_force(calendar: Archive) -> None:
    result = calendar.results["B early"]
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(
        f"Version {B} är publicerad (börjar gälla {B}; till dess gäller version {A}) på "
        f"origin/gh-pages, med taggen notice/{B}.\n"
    )
    assert versions_json(calendar, "B early") == {B: [], A: ["latest"]}
    # Its rendering as in force waits on a branch GitHub Pages does not serve, pushed with it.
    waiting = calendar.refs["origin B early"]["refs/heads/gh-pages-upcoming"]
    for prefix in ("", "en/"):
        page = git(calendar.repo, "show", f"{waiting}:{B}/{prefix}lagring/index.html")
        assert "seom-upcoming" not in page
        assert "Den här meningen gäller från version B." in page
    # Search engines are kept out of the announced version only.
    assert f"Disallow: /integritet/{B}/" in calendar.pages["robots early"].splitlines()
    assert f"Disallow: /integritet/{A}/" not in calendar.pages["robots early"].splitlines()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_an_upcoming_versions_pages_say_when_it_takes_effect(
    calendar: Archive, prefix: str
) -> None:
    page = BeautifulSoup(calendar.pages[f"B early {prefix}"], "html.parser")
    notice = page.select_one(".md-banner .seom-upcoming")
    assert notice.get_text(" ", strip=True).startswith(UPCOMING[prefix])
    link = notice.find("a")
    assert link.get_text(strip=True) == IN_FORCE_LINK[prefix]
    up = "../../../" if prefix else "../../"  # from <B>/[en/]lagring/ to the archive's root
    assert link["href"] == f"{up}latest/{prefix}lagring/"
    # It is not an "earlier version": Material's banner for those is left out.
    assert not page.select(".md-banner--warning")


def test_the_archive_says_which_version_is_in_force_and_which_is_coming(
    calendar: Archive,
) -> None:
    # Each version's date, as the site writes dates: the version selector's names.
    dates = {
        B: {"sv": "1 mars 2027", "en": "1 March 2027"},
        A: {"sv": "1 december 2026", "en": "1 December 2026"},
    }
    assert json.loads(calendar.pages["state early"]) == {
        "in_force": A,
        "upcoming": {
            "version": B,
            "date": {"sv": "1 mars 2027", "en": "1 March 2027"},
            "changes": {"sv": f"{B}/andringar/", "en": f"{B}/en/andringar/"},
        },
        "dates": dates,
    }
    after = json.loads(calendar.pages["state after"])
    assert after == {"in_force": B, "upcoming": None, "dates": dates}


@pytest.mark.parametrize(("prefix", "title"), [("", "1 mars 2027"), ("en/", "1 March 2027")])
def test_the_feed_lists_the_upcoming_version_the_day_it_is_published(
    calendar: Archive, prefix: str, title: str
) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.fromstring(calendar.pages[f"feed early {prefix}"])
    entries = feed.findall(f"{atom}entry")
    assert [e.find(f"{atom}title").text.endswith(title) for e in entries] == [True, False]
    assert entries[0].find(f"{atom}link").get("href") == (
        f"{calendar.server.url}{B}/{prefix}andringar/"
    )


def test_running_again_the_same_day_does_nothing(calendar: Archive) -> None:
    result = calendar.results["B early again"]
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(
        f"Version {B} är redan publicerad och docs/ har inte ändrats: inget att göra.\n"
    )
    assert calendar.refs["B early again"] == calendar.refs["B early"]


def test_before_its_date_the_nightly_run_finds_nothing_to_do(calendar: Archive) -> None:
    result = calendar.results["calendar early"]
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(f"Version {A} gäller redan: inget att göra.\n")
    assert calendar.refs["calendar early"] == calendar.refs["B early again"]


def test_a_main_that_cannot_be_published_is_refused_on_the_date(calendar: Archive) -> None:
    result = calendar.results["main broken"]
    assert result.returncode != 0
    assert "make publish: Innehållet har 1 fel." in result.stderr


def test_on_its_date_the_upcoming_version_comes_into_force_with_main_broken(
    calendar: Archive,
) -> None:
    """The nightly run (`make calendar`) works from what is published: main's state, which
    publishing refuses, does not hold it up."""
    result = calendar.results["switch"]
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(
        f"Version {B} gäller nu: latest och robots.txt pekar på den på origin/gh-pages.\n"
    )
    assert calendar.results["switch again"].stdout.endswith(
        f"Version {B} gäller redan: inget att göra.\n"
    )
    assert calendar.refs["origin switch again"] == calendar.refs["origin switch"]
    assert versions_json(calendar, "switch") == {B: ["latest"], A: []}
    # On B's date, nothing is kept out: A is earlier, B in force.
    robots = calendar.pages["robots after"].splitlines()
    assert not [line for line in robots if line.startswith("Disallow:")]
    # B is rebuilt as in force: the same text, no "takes effect" notice; latest is B.
    commit = calendar.refs["origin switch"]["refs/heads/gh-pages"]

    def soup(path: str) -> BeautifulSoup:
        return BeautifulSoup(git(calendar.repo, "show", f"{commit}:{path}"), "html.parser")

    for prefix in ("", "en/"):
        assert not soup(f"{B}/{prefix}lagring/index.html").select(".seom-upcoming")
        latest = soup(f"latest/{prefix}lagring/index.html")
        assert latest.select_one(".seom-effective time")["datetime"] == B
    # A is the record: not one byte changed.
    assert calendar.trees["A after the switch"] == calendar.trees["A before the switch"]
    assert calendar.refs["after the switch"] == calendar.refs["switch"]


def record_after(arc: Archive, run: str) -> dict:
    """archive.json on origin after run ``run``."""
    commit = arc.refs["origin " + run]["refs/heads/gh-pages"]
    return json.loads(git(arc.repo, "show", f"{commit}:archive.json"))


def history(record: dict) -> dict[str, list[tuple[str, str]]]:
    return {
        version: [(item["date"], item["event"]) for item in entry["history"]]
        for version, entry in record["versions"].items()
    }


def test_the_archive_records_an_upcoming_version_its_rendering_and_its_date(
    calendar: Archive,
) -> None:
    early = record_after(calendar, "B early")
    waiting = calendar.refs["origin B early"]["refs/heads/gh-pages-upcoming"]
    assert early["latest"] == A
    assert early["versions"][B]["upcoming"] == git(calendar.repo, "rev-parse", f"{waiting}:{B}")
    assert history(early)[B] == [("2027-02-20", "published")]
    # On its date its rendering as in force replaced its folder: recorded, and no longer waiting.
    switched = record_after(calendar, "switch")
    assert switched["latest"] == B
    assert "upcoming" not in switched["versions"][B]
    commit = calendar.refs["origin switch"]["refs/heads/gh-pages"]
    assert switched["versions"][B]["tree"] == git(calendar.repo, "rev-parse", f"{commit}:{B}")
    assert history(switched) == {
        B: [("2027-02-20", "published"), (B, "in force")],
        A: [("2026-12-05", "published")],
    }
    # A change of presentation is recorded for the version main holds, and only for it.
    assert history(record_after(calendar, "presentation")) == {
        C: [(C, "published"), (C, "presentation")],
        B: [("2027-02-20", "published"), (B, "in force")],
        A: [("2026-12-05", "published")],
    }


def published(refs: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in refs.items() if k.startswith(("refs/heads/gh-pages", "refs/tags/"))}


def test_a_version_older_than_a_published_one_is_refused(calendar: Archive) -> None:
    result = calendar.results["older"]
    assert result.returncode != 0
    assert (
        f"make publish: versionen {BETWEEN} är äldre än version {B}, som redan är publicerad. "
        "En ny version ska ha ett senare datum än de publicerade: ändra datumet överst i "
        "docs/versions.yml till ett datum efter den 1 mars 2027.\n"
    ) in result.stderr
    assert published(calendar.refs["older"]) == published(calendar.refs["after the switch"])
    assert calendar.refs["origin older"] == calendar.refs["origin after the switch"]


@pytest.mark.parametrize(
    ("version", "where"), [(C, "after the tag, before the push"), (E, "after mike's commit")]
)
def test_a_run_that_stopped_is_completed_by_the_next(
    calendar: Archive, version: str, where: str
) -> None:
    stopped = calendar.results[f"{'C' if version == C else 'E'} stopped"]
    assert stopped.returncode == 0, stopped.stderr
    assert stopped.stdout.endswith(
        f"Version {version} är publicerad (gäller nu) på den lokala grenen gh-pages (PUSH=1 "
        f"skickar den), med taggen notice/{version}.\n"
    )
    name = f"{'C' if version == C else 'E'} resumed"
    result = calendar.results[name]
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(
        f"Version {version} är publicerad (gäller nu) på origin/gh-pages, med taggen "
        f"notice/{version}.\n"
    )
    tag = f"refs/tags/notice/{version}"
    assert calendar.refs[f"origin {name}"][tag] == calendar.refs[name][tag]
    commit = calendar.refs[f"origin {name}"]["refs/heads/gh-pages"]
    assert git(calendar.repo, "rev-parse", f"{commit}:latest") == git(
        calendar.repo, "rev-parse", f"{commit}:{version}"
    )


def test_origin_wins_and_a_clone_without_tags_finds_nothing_to_do(
    calendar: Archive,
) -> None:
    for name in ("gh-pages diverged", "C tagged elsewhere", "clone without tags"):
        result = calendar.results[name]
        assert result.returncode == 0, result.stderr
        assert result.stdout.endswith(
            f"Version {C} är redan publicerad och docs/ har inte ändrats: inget att göra.\n"
        )
    # The local tag that differed is origin's again, and origin did not change.
    tag = f"refs/tags/notice/{C}"
    assert calendar.refs["C tagged elsewhere"][tag] == calendar.refs["origin C resumed"][tag]
    assert published(calendar.refs["origin clone without tags"]) == published(
        calendar.refs["origin C resumed"]
    )


def test_test_settings_never_reach_the_web(calendar: Archive) -> None:
    result = calendar.results["test settings to the web"]
    assert result.returncode != 0
    assert (
        "make publish: mkdocs.yml is not ready to go live; set these settings first:\n"
        "- site_url: set it to the site's public https address, not a test server (localhost, "
        "127.0.0.0/8 or a private address)\n"
        "- extra.contact_form.action: set it to an https:// URL on the web or a path on this "
        "site (CONTACT_FORM_ACTION), not plain http or a test server\n"
    ) in result.stderr
    assert published(calendar.refs["test settings to the web"]) == published(
        calendar.refs["not a date"]
    )


@pytest.mark.parametrize(
    ("url", "on_the_web"),
    [
        ("https://integritet.seom.se/", True),
        ("https://example.org/requests", True),
        ("http://integritet.seom.se/", False),
        ("https://localhost/", False),
        ("https://127.1.2.3/", False),
        ("https://10.0.0.5/", False),
        ("https://192.168.1.20:8443/", False),
        ("https://[::1]/", False),
        ("https://intranet.local/", False),
    ],
)
def test_what_counts_as_an_address_on_the_web(url: str, on_the_web: bool) -> None:
    from notice.publishing.settings import _on_the_web

    assert _on_the_web(url) is on_the_web


def test_a_change_of_presentation_reaches_only_the_version_main_holds(
    calendar: Archive,
) -> None:
    result = calendar.results["presentation"]
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(
        f"Version {C} är redan publicerad och texten är densamma: den är byggd på nytt med det "
        "som ändrats i utseendet, på origin/gh-pages.\n"
    )
    trees = calendar.trees
    assert [trees[f"{v} after"] == trees[f"{v} before"] for v in (A, B, C, "latest")] == [
        True,
        True,
        False,
        False,
    ]
    assert trees["latest after"] == trees[f"{C} after"]
    commit = calendar.refs["origin presentation"]["refs/heads/gh-pages"]
    styles = git(calendar.repo, "show", f"{commit}:{C}/assets/stylesheets/seom.css")
    assert ".seom-new" in styles
    # The tag still names the text, which did not change.
    tag = f"refs/tags/notice/{C}"
    assert calendar.refs["presentation"][tag] == calendar.refs["C tagged elsewhere"][tag]
    again = calendar.results["presentation again"]
    assert again.stdout.endswith(": inget att göra.\n")
    assert published(calendar.refs["presentation again"]) == published(
        calendar.refs["presentation"]
    )


def test_the_publish_that_lost_a_race_says_to_run_again_and_the_next_run_completes(
    calendar: Archive,
) -> None:
    result = calendar.results["lost the race"]
    assert result.returncode != 0
    assert (
        "make publish: another publish finished first: origin/gh-pages changed while this one "
        "ran, and nothing was pushed. Run `make publish` again: it starts from what the other "
        "one published.\n"
    ) in result.stderr
    assert f"refs/tags/notice/{D}" not in calendar.refs["origin lost the race"]
    after = calendar.results["after the race"]
    assert after.returncode == 0, after.stderr
    assert after.stdout.endswith(
        f"Version {D} är publicerad (gäller nu) på origin/gh-pages, med taggen notice/{D}.\n"
    )
    # The other publish's commit is kept: this one was built on top of it.
    commit = calendar.refs["origin after the race"]["refs/heads/gh-pages"]
    log = git(calendar.repo, "log", "--format=%s", commit)
    assert "Another publish" in log.splitlines()


def test_a_push_that_lost_a_race_says_to_run_again() -> None:
    from notice.publishing.git_utils import lost_a_race

    rejected = (
        " ! [rejected]        gh-pages -> gh-pages (fetch first)\n"
        "error: failed to push some refs to 'origin'"
    )
    assert lost_a_race(rejected)
    assert not lost_a_race("remote: refused by origin\n ! [remote rejected] gh-pages")


def test_a_file_git_ignores_in_docs_is_refused(calendar: Archive) -> None:
    result = calendar.results["ignored"]
    assert result.returncode != 0
    assert (
        "make publish: docs/ innehåller filer som git ignorerar (docs/bild.png): de skulle "
        "publiceras men inte finnas i taggen. Ta bort dem, eller publicera från en ny kopia "
        "(git clone) av den commit som ska publiceras.\n"
    ) in result.stderr
    assert published(calendar.refs["ignored"]) == published(calendar.refs["E resumed"])


def test_a_today_that_is_not_a_date_is_refused(calendar: Archive) -> None:
    result = calendar.results["not a date"]
    assert result.returncode != 0
    assert (
        "make publish: NOTICE_TODAY is '1 mars': set it to a date written YYYY-MM-DD, or unset "
        "it to use today's date.\n"
    ) in result.stderr


# In the browser: the archive between B's publication and its date, as a reader meets it


def served(calendar: Archive, run: str, folder: Path) -> SiteServer:
    """origin's gh-pages as run ``run`` left it, served under PREFIX (started)."""
    folder.mkdir()
    commit = calendar.refs[f"origin {run}"]["refs/heads/gh-pages"]
    tar = subprocess.run(
        ["git", "archive", commit], cwd=calendar.repo, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=tar, check=True)
    server = SiteServer(folder)
    server.start()
    return server


@pytest.fixture
def before_the_switch(calendar: Archive, tmp_path: Path) -> Iterator[SiteServer]:
    server = served(calendar, "B early", tmp_path / "before")
    yield server
    server.stop()


@pytest.fixture
def after_the_switch(calendar: Archive, tmp_path: Path) -> Iterator[SiteServer]:
    server = served(calendar, "switch", tmp_path / "after")
    yield server
    server.stop()


ANNOUNCED = {
    "": ("Integritetsmeddelandet ändras den 1 mars 2027.", "Se vad som ändras."),
    "en/": ("The privacy notice changes on 1 March 2027.", "See what changes."),
}


@pytest.fixture
def open_tab(tabs: Tabs) -> Callable[[SiteServer], Tab]:
    """Opens a tab on a served archive; given back when the test ends."""
    return lambda server: tabs.open(server.origin)


@pytest.fixture
def reader(open_tab, before_the_switch: SiteServer) -> Tab:
    """A reader of the archive as it was before the switch."""
    return open_tab(before_the_switch)


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("version", ["latest", A])
def test_the_version_in_force_announces_the_upcoming_one(
    reader: Tab, before_the_switch: SiteServer, version: str, prefix: str
) -> None:
    page = reader.page
    page.goto(before_the_switch.url + f"{version}/{prefix}lagring/")
    box = page.locator(".seom-announcement")
    box.wait_for()
    text, link = ANNOUNCED[prefix]
    assert box.inner_text() == f"{text} {link}"
    assert axe_violations(reader) == []
    box.get_by_role("link", name=link).click()
    page.wait_for_load_state()
    assert page.url == before_the_switch.url + f"{B}/{prefix}andringar/"
    assert reader.console_errors == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_reader_of_the_upcoming_version_reaches_the_version_in_force(
    reader: Tab, before_the_switch: SiteServer, prefix: str
) -> None:
    page = reader.page
    page.goto(before_the_switch.url + f"{B}/{prefix}lagring/")
    page.wait_for_load_state("networkidle")
    notice = page.locator(".seom-upcoming")
    assert notice.is_visible()
    assert UPCOMING[prefix] in notice.inner_text()
    banner = page.get_by_role("complementary", name=UPCOMING_LANDMARK[prefix], exact=True)
    assert banner.is_visible()
    assert not page.locator("[data-md-component=outdated]").is_visible()
    assert axe_violations(reader) == []
    notice.get_by_role("link", name=IN_FORCE_LINK[prefix]).click()
    page.wait_for_load_state()
    assert page.url == before_the_switch.url + f"latest/{prefix}lagring/"
    assert not page.locator(".seom-upcoming").count()
    assert reader.console_errors == []


EARLIER = {
    "": "Du läser en äldre version av integritetsmeddelandet.",
    "en/": "You are reading an earlier version of the privacy notice.",
}


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_after_the_switch_readers_get_the_new_version_and_a_is_earlier(
    open_tab, after_the_switch: SiteServer, prefix: str
) -> None:
    tab = open_tab(after_the_switch)
    page = tab.page
    page.goto(after_the_switch.url + f"latest/{prefix}lagring/")
    page.wait_for_load_state("networkidle")
    assert page.locator(".seom-effective time").get_attribute("datetime") == B
    assert not page.locator(".seom-upcoming").count()
    assert not page.locator(".seom-announcement").is_visible()
    page.goto(after_the_switch.url + f"{A}/{prefix}lagring/")
    banner = page.locator("[data-md-component=outdated]")
    banner.wait_for()
    assert EARLIER[prefix] in banner.inner_text()
    assert not page.locator(".seom-announcement").is_visible()
    assert tab.console_errors == []


# The accessibility statement's stable address while a version is announced

STATEMENT_TITLE = {"": "Tillgänglighetsredogörelse", "en/": "Accessibility statement"}


def follow_the_footers_statement_link(tab: Tab, server: SiteServer, prefix: str) -> str:
    """Open latest/'s retention page in the language under ``prefix``, click the footer's link
    to the accessibility statement and wait for the page the reader ends on, Material's version
    selector and banners settled; its URL."""
    page = tab.page
    page.goto(server.url + f"latest/{prefix}lagring/")
    page.locator(".seom-footer-statement a").click()
    page.get_by_role("heading", level=1, name=STATEMENT_TITLE[prefix], exact=True).wait_for()
    page.wait_for_load_state("networkidle")
    page.locator(".md-version").wait_for()  # versions.json read: the banners are decided
    return page.url


def banner_links_to(tab: Tab, url: str) -> list[str]:
    """The text of every link in a banner the reader sees that leads to ``url``."""
    links = tab.page.locator("aside.md-banner a:visible").evaluate_all(
        "links => links.map(a => [a.href, a.textContent.trim()])"
    )
    return [text for href, text in links if href == url]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_statements_stable_address_ends_on_the_statement_while_a_version_is_announced(
    reader: Tab, before_the_switch: SiteServer, prefix: str
) -> None:
    stable = before_the_switch.url + f"{prefix}tillganglighet/"
    ended = follow_the_footers_statement_link(reader, before_the_switch, prefix)
    assert ended != stable
    assert reader.page.locator("h1").inner_text() == STATEMENT_TITLE[prefix]
    # No banner sends the reader back to the address they came from (a loop).
    assert banner_links_to(reader, stable) == []
    assert reader.console_errors == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_statements_stable_address_ends_on_the_statement_after_the_switch(
    open_tab, after_the_switch: SiteServer, prefix: str
) -> None:
    tab = open_tab(after_the_switch)
    stable = after_the_switch.url + f"{prefix}tillganglighet/"
    ended = follow_the_footers_statement_link(tab, after_the_switch, prefix)
    assert ended == after_the_switch.url + f"latest/{prefix}tillganglighet/"
    assert tab.page.locator("h1").inner_text() == STATEMENT_TITLE[prefix]
    assert banner_links_to(tab, stable) == []
    assert tab.console_errors == []


# Versions published ahead of their dates, nights skipped, a fresh clone


@pytest.fixture(scope="module")
def ahead(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """The first version A published before its date, then B and C, all ahead; the nightly
    runs from fresh clones (as CI's are): on A's date, then on C's date, B's skipped."""
    arc = new_archive(tmp_path_factory.mktemp("ahead"), today="2026-11-29")
    env = arc.env

    def record(name: str) -> None:
        arc.refs["origin " + name] = arc.remote_refs()
        # What the clones pushed, readable here.
        git(arc.repo, "fetch", "-q", "origin", "+refs/heads/*:refs/remotes/origin/*")

    arc.results["A ahead"] = arc.publish("PUSH=1", env={**env, "NOTICE_TODAY": "2026-11-29"})
    record("A ahead")
    for version, sentence in ((B, "En mening från B."), (C, "En mening från C.")):
        add_version(arc.repo, version, sentence)
        arc.commit_all(f"Version {version}")
        result = arc.publish("PUSH=1", env={**env, "NOTICE_TODAY": "2026-11-30"})
        assert result.returncode == 0, result.stderr
    record("all ahead")
    git(arc.repo, "push", "-q", "origin", "main")
    for name, today in (("A's date", A), ("C's date", C)):
        clone = arc.repo.parent / f"clone {name}"
        git(arc.repo.parent, "clone", "-q", "-b", "main", str(arc.origin), str(clone))
        run = Archive(clone, arc.origin, arc.server, env)
        arc.results[name] = run.publish(
            "PUSH=1", env={**env, "NOTICE_TODAY": today}, target="calendar"
        )
        record(name)
    yield arc


def page_on(arc: Archive, run: str, path: str) -> BeautifulSoup:
    commit = arc.refs["origin " + run]["refs/heads/gh-pages"]
    return BeautifulSoup(git(arc.repo, "show", f"{commit}:{path}"), "html.parser")


def upcoming_notice(arc: Archive, run: str, path: str) -> str:
    found = page_on(arc, run, path).select_one(".seom-upcoming")
    return found.get_text(" ", strip=True) if found else ""


def test_the_first_version_published_ahead_comes_into_force_on_its_date(ahead: Archive) -> None:
    result = ahead.results["A ahead"]
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(
        f"Version {A} är publicerad (börjar gälla {A}) på origin/gh-pages, med taggen notice/{A}.\n"
    )
    for prefix in ("", "en/"):
        assert upcoming_notice(ahead, "A ahead", f"latest/{prefix}lagring/index.html")
    on_its_date = ahead.results["A's date"]
    assert on_its_date.returncode == 0, on_its_date.stderr
    for prefix in ("", "en/"):
        for folder in (A, "latest"):
            assert not upcoming_notice(ahead, "A's date", f"{folder}/{prefix}lagring/index.html")
    # B and C still wait for their dates.
    assert upcoming_notice(ahead, "A's date", f"{B}/lagring/index.html")
    assert upcoming_notice(ahead, "A's date", f"{C}/lagring/index.html")


def test_a_skipped_night_leaves_no_version_waiting_after_its_date(ahead: Archive) -> None:
    result = ahead.results["C's date"]
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(
        f"Version {C} gäller nu: latest och robots.txt pekar på den på origin/gh-pages.\n"
    )
    for prefix in ("", "en/"):
        for folder in (A, B, C, "latest"):
            assert not upcoming_notice(ahead, "C's date", f"{folder}/{prefix}lagring/index.html")
    latest = page_on(ahead, "C's date", "latest/lagring/index.html")
    assert latest.select_one(".seom-effective time")["datetime"] == C
    # What was waiting has been used: nothing is left on gh-pages-upcoming.
    waiting = ahead.refs["origin C's date"]["refs/heads/gh-pages-upcoming"]
    names = git(ahead.repo, "ls-tree", "--name-only", waiting).splitlines()
    assert [n for n in names if n[:1].isdigit()] == []


def test_the_archive_records_each_version_that_came_into_force_after_a_skipped_night(
    ahead: Archive,
) -> None:
    assert history(record_after(ahead, "C's date")) == {
        C: [("2026-11-30", "published"), (C, "in force")],
        B: [("2026-11-30", "published"), (C, "in force")],
        A: [("2026-11-29", "published"), (A, "in force")],
    }
