"""The operators' settings read strictly: site_url (SITE_URL) here, the contact form's action
and mailto in tests/test_contact_form.py. A value that could end an HTML attribute or a
directive of the Content-Security-Policy, or is not what is needed, stops the build and
`make publish` / `make calendar` with a message in English naming the setting and the fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build
from notice import urls

FIX = (
    "Use the site's public address, such as https://integritet.seom.se/ (http://127.0.0.1 or "
    "http://localhost for testing): letters, digits and - . _ ~ : / in it, anything else "
    "percent-encoded."
)


def site_url_problem(value: str, what: str) -> str:
    return f"mkdocs.yml: site_url (environment variable SITE_URL) is {value!r}: it {what}. {FIX}"


@pytest.mark.parametrize(
    "value",
    [
        "https://integritet.seom.se/",
        "https://integritet.seom.se",  # a host's root: a browser adds the "/"
        "https://www.seom.se/integritet/",
        "https://integritet.seom.se:8443/a%20b/",
        # mike's build: the version's folder, without its trailing slash.
        "https://integritet.seom.se/2026-12-01",
        # Test servers.
        "http://127.0.0.1:8000/integritet/",
        "http://localhost/",
    ],
)
def test_a_site_url_as_needed_is_accepted(value: str) -> None:
    assert urls.site_url_problems(value) == []


@pytest.mark.parametrize(
    ("value", "what"),
    [
        ('https://example.org/a"b/', "holds '\"', which a URL here may not hold"),
        ("https://example.org/a'b/", "holds \"'\", which a URL here may not hold"),
        ("https://example.org/<b>/", "holds '<' and '>', which a URL here may not hold"),
        ("https://example.org/a b/", "holds ' ', which a URL here may not hold"),
        ("https://example.org/a;b,c/", "holds ';' and ',', which a URL here may not hold"),
        ("https://example.org/\x00/", "holds '\\x00', which a URL here may not hold"),
        ("https://example.org/\n", "holds '\\n', which a URL here may not hold"),
        ("https://exämple.se/", "holds 'ä', which a URL here may not hold"),
        ("https://example.org/?a=b", "holds '?' and '=', which a URL here may not hold"),
        ("https://example.org/#top", "holds '#', which a URL here may not hold"),
        ("https://user@example.org/", "holds '@', which a URL here may not hold"),
        ("https://[::1]/", "holds '[' and ']', which a URL here may not hold"),
        ("https://example.org/a%zz/", "holds a '%' that does not start a percent-encoded byte "
         "(as in %3B)"),
        ("http://integritet.seom.se/", "is not an https:// URL"),
        ("ftp://integritet.seom.se/", "is not an https:// URL"),
        ("integritet.seom.se", "is not a URL"),
        ("https://example.org:99999/", "is not a URL"),
        ("", "is not a URL"),
    ],
)  # fmt: skip
def test_a_site_url_that_is_not_what_is_needed_is_named_with_the_fix(value: str, what: str) -> None:
    assert urls.site_url_problems(value) == [site_url_problem(value, what)]


@pytest.mark.parametrize(
    ("value", "read"),
    [
        ("HTTPS://Integritet.SEOM.se/", "https://integritet.seom.se/"),
        ("https://integritet.seom.se:443/latest", "https://integritet.seom.se/latest"),
        ("http://localhost:80/", "http://localhost/"),
        ("https:integritet.seom.se/", "https://integritet.seom.se/"),
        ("https:/integritet.seom.se/", "https://integritet.seom.se/"),
        ("https://integritet.seom.se/a/../integritet/./", "https://integritet.seom.se/integritet/"),
        ("https://integritet.seom.se/%2e%2e/", "https://integritet.seom.se/"),
        ("https://0x7f.1/", "https://127.0.0.1/"),
    ],
)
def test_a_site_url_a_browser_reads_otherwise_is_refused_with_what_it_reads(
    value: str, read: str
) -> None:
    """Links, the policy and the archive's paths are made from site_url as written: it must be
    the address as a browser writes it (ada), or the site names addresses no browser uses."""
    assert urls.site_url_problems(value) == [
        f"mkdocs.yml: site_url (environment variable SITE_URL) is {value!r}, which a browser "
        f"reads as {read!r}. Write {read!r}: the site's links and its policy are made from "
        "site_url as written, and must name the address browsers use."
    ]
    assert urls.site_url_problems(read) == []


def test_a_site_url_that_could_end_an_attribute_stops_the_build(
    project: Path, tmp_path: Path
) -> None:
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "published.html").write_text("the previous build", encoding="utf-8")
    hostile = 'https://example.org/a"><img src=x onerror=alert(1)>/'
    # With a form's action that could end a directive: both in one message.
    action = "https://forms.example.org/a;script-src"
    result = build(project, site_dir, site_url=hostile, env={"CONTACT_FORM_ACTION": action})
    assert result.returncode == 1
    problem = site_url_problem(
        hostile, "holds '\"', '>', '<', ' ', '=', '(' and ')', which a URL here may not hold"
    )
    assert problem + "\nmkdocs.yml: extra.contact_form.action" in result.stderr
    assert "Traceback" not in result.stderr
    # Stopped before MkDocs cleans the site folder: the last good build is still there.
    assert [p.name for p in site_dir.iterdir()] == ["published.html"]


def test_publishing_and_the_calendar_refuse_what_the_build_refuses() -> None:
    """`make publish` and `make calendar` (which builds nothing) ask settings_missing()."""
    from notice.publishing.settings import settings_missing

    hostile = 'https://integritet.seom.se/"/'
    config = {"site_url": hostile, "extra": {"contact_form": {"action": "/a b", "mailto": ""}}}
    assert settings_missing(config) == [
        "- " + site_url_problem(hostile, "holds '\"', which a URL here may not hold"),
        "- mkdocs.yml: extra.contact_form.action (environment variable CONTACT_FORM_ACTION) is "
        "'/a b': it holds ' ', which a URL here may not hold. Use an https:// URL "
        "(https://example.org/requests), a path on this site starting with / (/requests), or "
        "http://127.0.0.1 or http://localhost for testing. Letters, digits and "
        "- . _ ~ : / ? @ ! $ & ( ) * + = in it, anything else percent-encoded (';' is %3B). "
        "Fix the value or leave it empty.",
    ]
    # A value that fails what going live requires is named once, with what to set.
    config["site_url"] = "http://integritet.seom.se/"
    assert settings_missing(config)[0] == ("- site_url: set it to the site's public https address")
    assert len([line for line in settings_missing(config) if "site_url" in line]) == 1
