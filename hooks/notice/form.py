"""The contact form's settings: where requests about personal data go.

``extra.contact_form`` in mkdocs.yml says where submissions go: ``action`` (an https:// URL or
a path on this site; the form posts there) and/or ``mailto`` (an address; the form composes an
email). Each deployment sets its own through ``CONTACT_FORM_ACTION`` and
``CONTACT_FORM_MAILTO`` (``!ENV`` in mkdocs.yml). Messages about settings are in English:
whoever deploys reads them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import ada_url

from notice import urls

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def settings_of(config: dict[str, Any] | MkDocsConfig) -> dict[str, str]:
    """``extra.contact_form`` as {"action": ..., "mailto": ...}, empty strings when unset."""
    extra = config.get("extra") or {}
    raw = extra.get("contact_form") or {}
    if not isinstance(raw, dict):
        return {key: "" for key in KEYS}
    return {key: "" if raw.get(key) is None else str(raw.get(key)).strip() for key in KEYS}


def check_settings(settings: dict[str, str]) -> list[str]:
    """What is wrong with the values that are set. Unset values are not an error here.

    Each is read as a browser reads it (notice/urls.py: an allowlist of characters, then
    ada, the WHATWG URL parser), and refused when it could end an HTML attribute or a
    directive of the Content-Security-Policy, or is not what the form needs."""
    problems = []
    if settings["action"]:
        problem = action_problem(settings["action"])
        if problem:
            problems.append(f"{where('action')} is {settings['action']!r}{problem}")
    if settings["mailto"] and not valid_address(settings["mailto"]):
        problems.append(
            f"{where('mailto')} is {settings['mailto']!r}, which is not an email address. Use "
            "one address such as integritet@example.org, without 'mailto:', name or spaces "
            "(letters, digits and . _ + - before the @), or leave it empty."
        )
    return problems


def action_problem(value: str) -> str:
    """What is wrong with the form's action, as the end of a sentence; "" when nothing is."""
    not_an_address = f", which is not an address the form may send to. {USE} {LEAVE}"
    try:
        if value.startswith("/"):
            # A path on this site: read against a stand-in for the site, it must stay there.
            url = urls.read_url("https://site.invalid" + value, ACTION_CHARACTERS)
            if value.startswith("//") or url.hostname != "site.invalid":
                return not_an_address
        else:
            url = urls.read_url(value, ACTION_CHARACTERS)
            if url.protocol == "http:" and not urls.is_local(url):
                return not_an_address
    except urls.NotAWebAddress:
        return not_an_address
    except ValueError as error:
        return (
            f": it {error}. {USE} Letters, digits and - . _ ~ : / ? @ ! $ & ( ) * + = in it, "
            f"anything else percent-encoded (';' is %3B). {LEAVE}"
        )
    return ""


def missing_settings(config: dict[str, Any] | MkDocsConfig) -> list[str]:
    """What must be set before the site may be published; [] when the form is configured.

    For ``make publish``: call it with the loaded MkDocs config (or a dict with ``extra``)
    and refuse to publish while it returns anything.
    """
    settings = settings_of(config)
    if settings["action"] or settings["mailto"]:
        return []
    return [
        "extra.contact_form.action or extra.contact_form.mailto in mkdocs.yml "
        f"({ENV['action']} / {ENV['mailto']})"
    ]


def mode(settings: dict[str, str]) -> str:
    """ "action" (the form posts), "mailto" (the form composes an email) or "none"."""
    if settings["action"]:
        return "action"
    if settings["mailto"]:
        return "mailto"
    return "none"


def valid_address(value: str) -> bool:
    """One email address (the form's ``mailto``, SEOM's and IMY's in docs/), which lands in a
    mailto: URL and in HTML attributes: a local part of letters, digits and . _ + - (no "?",
    "#", "%", quotes or spaces, which a mailto: URL or an attribute would read otherwise), an
    "@" and a domain name that a browser reads as that name (ada), not an IP address."""
    local, at, domain = value.rpartition("@")
    if not at or not LOCAL_PART.fullmatch(local) or not EMAIL.fullmatch(value):
        return False
    try:
        url = ada_url.URL(f"https://{domain}/")
    except ValueError:
        return False
    return url.hostname == domain.lower() and url.host_type == ada_url.HostType.DEFAULT


def where(key: str) -> str:
    return f"mkdocs.yml: extra.contact_form.{key} (environment variable {ENV[key]})"


KEYS = ("action", "mailto")
ENV = {"action": "CONTACT_FORM_ACTION", "mailto": "CONTACT_FORM_MAILTO"}
USE = (
    "Use an https:// URL (https://example.org/requests), a path on this site starting with / "
    "(/requests), or http://127.0.0.1 or http://localhost for testing."
)
LEAVE = "Fix the value or leave it empty."
# What the action may hold: RFC 3986's characters but for the quote, ";" and "," (which could
# end an attribute, a directive, a policy), "#" (no fragment) and "[" "]" (no IPv6 address,
# which a policy's source cannot name).
ACTION_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?@!$&()*+=%]")
LOCAL_PART = re.compile(r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*")
# The HTML standard's own definition of a valid email address, with a dot in the domain.
EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+"
)
# The request type for the website's accessibility (a shortcoming, or content in another form):
# the accessibility statement names it.
ACCESSIBILITY_REQUEST = "accessibility"
# The id of the heading on the contact page that explains how the form's data is handled.
DATA_ANCHOR = "form-data"
