"""A strict Content-Security-Policy on every page, and the ``_headers`` file for hosts that
send headers (notice/csp.py holds the policy).

- ``on_config``: the policy of this build, from the settings (the form's endpoint): the same
  on every page. Scripts come from the site's files only: no page has an inline script
  (Material's are files in overrides/assets/javascripts/), so the policy allows none, and
  nothing of it is computed from what a page holds.
- ``on_post_page`` / ``on_post_template``: each HTML page, 404 pages included, gets the policy
  and the referrer policy as ``<meta>`` elements, first in ``<head>``.
- ``on_post_build``: ``_headers`` at the site's root, the same policy plus what only headers
  can say.

`mkdocs serve` (`make serve`) leaves the meta elements out: its live reload injects an inline
script into each page as it serves it, which the policy would refuse.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from notice import build, csp, form

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

_serving = False


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:  # hooks/settings.py has refused an endpoint that cannot be a source already
        csp.policy(form.settings_of(config))
    except ValueError as error:
        raise PluginError(str(error)) from None
    return config


@event_priority(-200)  # last: after every plugin and hook has changed the page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return with_policy(output, config)


@event_priority(10)  # before hooks/i18n_fixes.py writes the other languages' 404 pages
def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html") or not output:
        return output
    return with_policy(output, config)


@event_priority(-120)  # after static-i18n (-100) has built the other languages
def on_post_build(*, config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return
    header = csp.policy(form.settings_of(config), header=True)
    (Path(config.site_dir) / HEADERS_FILE).write_text(csp.headers_file(header), encoding="utf-8")


def with_policy(html: str, config: MkDocsConfig) -> str:
    """The page with its policy, the same on every page."""
    if _serving:
        return html
    policy = csp.policy(form.settings_of(config))
    macros = build.env(config).get_template("partials/security.html").module
    return csp.insert_meta(html, str(macros.meta(policy, csp.REFERRER)))


HEADERS_FILE = "_headers"
