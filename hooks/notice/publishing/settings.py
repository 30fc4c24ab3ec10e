"""The settings that must be configured before the site goes live, and before it goes to the
web: what `make publish`, `make calendar` and the gate (scripts/review.py) ask of mkdocs.yml
and the environment before anything is built or moved."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import ada_url

from notice import form, urls
from notice.publishing.errors import PublishError
from notice.publishing.git_utils import REMOTE, Git


@dataclass(frozen=True)
class Requirement:
    key: str  # a dotted path in mkdocs.yml, e.g. "extra.contact_form"
    what: str  # what to set it to, for the message
    valid: Callable[[object], bool]


def _public_address(value: object) -> bool:
    url = _read(value)
    local = url is not None and urls.is_local(url)  # test servers (SITE_URL)
    return url is not None and (url.protocol == "https:" or (url.protocol == "http:" and local))


def _on_the_web(value: object) -> bool:
    """An https URL on a host readers can reach: no test server, no private address."""
    url = _read(value)
    return url is not None and url.protocol == "https:" and not _private(url.hostname)


def _form_on_the_web(value: object) -> bool:
    """Unset (mailto), a path on this site, or an https URL on the web."""
    text = str(value or "")
    return not text or (text.startswith("/") and not text.startswith("//")) or _on_the_web(text)


def _read(value: object) -> ada_url.URL | None:
    """The URL as a browser reads it (ada), or None."""
    try:
        return ada_url.URL(str(value or ""))
    except ValueError:
        return None


def _private(host: str) -> bool:
    if host in ("localhost", "") or host.endswith((".localhost", ".local", ".internal")):
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return address.is_private or address.is_loopback or address.is_link_local


# Add here what a feature needs before the site can go live (the contact form has its own
# check, notice.form.missing_settings, which knows its two alternative settings).
REQUIRED_SETTINGS = [
    Requirement("site_url", "the site's public https address", _public_address),
]


# And what may never reach the web: a published version folder is never rewritten, so test
# settings pushed to the real origin would stay there for good.
WEB_SETTINGS = [
    Requirement(
        "site_url",
        "the site's public https address, not a test server (localhost, 127.0.0.0/8 or a "
        "private address)",
        _on_the_web,
    ),
    Requirement(
        "extra.contact_form.action",
        "an https:// URL on the web or a path on this site (CONTACT_FORM_ACTION), not plain "
        "http or a test server",
        _form_on_the_web,
    ),
]


def to_the_web(root: Path) -> bool:
    """origin is a server, not a folder on this machine (as the tests' bare repositories are)."""
    url = Git(root).run("remote", "get-url", REMOTE, check=False)
    return bool(url) and not (url.startswith(("/", "file:", ".")) or Path(url).exists())


def check_required_settings(config_file: Path, *, web: bool = False) -> dict:
    """The settings, loaded; refused unless ready to go live (and to the web when ``web``)."""
    config = load_settings(config_file)
    lines = settings_missing(config, web=web)
    if lines:
        raise PublishError(
            "mkdocs.yml is not ready to go live; set these settings first:\n" + "\n".join(lines)
        )
    return config


def load_settings(config_file: Path) -> dict:
    from mkdocs.config import load_config

    return load_config(config_file=str(config_file))


def settings_missing(config: dict, *, web: bool = False) -> list[str]:
    """What the deployment must set before the site goes live (and to the web when ``web``)."""
    # To the web, the stricter requirement of a setting replaces the plain one.
    requirements = {r.key: r for r in REQUIRED_SETTINGS + (WEB_SETTINGS if web else [])}
    unmet = [r.key for r in requirements.values() if not r.valid(_lookup(config, r.key))]
    lines = [f"- {key}: set it to {requirements[key].what}" for key in unmet]
    # A value that is set but cannot be read strictly, as the build reads it (hooks/settings.py:
    # a character that could end an attribute or a directive, an address that is not one):
    # `make calendar` builds nothing, so it asks here. Once per setting: an unmet requirement
    # above says what to set already.
    unreadable = urls.site_url_problems(_lookup(config, "site_url")) + form.check_settings(
        form.settings_of(config)
    )
    lines += [
        f"- {problem}"
        for problem in unreadable
        if not any(problem.startswith(f"mkdocs.yml: {key} (") for key in unmet)
    ]
    # Where the contact form sends requests (the environment can set it: see README).
    return lines + [f"- {setting}" for setting in form.missing_settings(config)]


def _lookup(config: object, key: str) -> object:
    value = config
    for part in key.split("."):
        value = value.get(part) if hasattr(value, "get") else None
    return value
