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
from urllib.parse import urlsplit

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
    """What is wrong with the values that are set. Unset values are not an error here."""
    problems = []
    if settings["action"] and not valid_action(settings["action"]):
        problems.append(
            f"{where('action')} is {settings['action']!r}, which is not an address the form "
            "may send to. Use an https:// URL (https://example.org/requests), a path on this "
            "site starting with / (/requests), or http://127.0.0.1 or http://localhost for "
            f"testing. Fix the value or leave it empty."
        )
    if settings["mailto"] and not valid_email(settings["mailto"]):
        problems.append(
            f"{where('mailto')} is {settings['mailto']!r}, which is not an email address. Use "
            "one address such as integritet@example.org, without 'mailto:', name or spaces, or "
            "leave it empty."
        )
    return problems


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


def valid_action(value: str) -> bool:
    if value.startswith("/"):
        return not value.startswith("//") and not re.search(r"\s", value)
    parts = urlsplit(value)
    if re.search(r"\s", value) or not parts.hostname or parts.username or parts.password:
        return False
    if parts.scheme == "https":
        return True
    return parts.scheme == "http" and parts.hostname in LOCAL_HOSTS


def valid_email(value: str) -> bool:
    return EMAIL.fullmatch(value) is not None


def where(key: str) -> str:
    return f"mkdocs.yml: extra.contact_form.{key} (environment variable {ENV[key]})"


KEYS = ("action", "mailto")
ENV = {"action": "CONTACT_FORM_ACTION", "mailto": "CONTACT_FORM_MAILTO"}
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
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
