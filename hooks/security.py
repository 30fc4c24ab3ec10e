"""A strict Content-Security-Policy on every page, every page checked against it, and the
``_headers`` file for hosts that send headers (notice/csp.py holds the policy).

- ``on_config``: the policy of this build, from the settings (the form's endpoint): the same
  on every page. Scripts come from the site's files only: no page has an inline script
  (Material's are files in overrides/assets/javascripts/), so the policy allows none.
- ``on_post_page`` / ``on_post_template``: each HTML page, 404 pages included, is read as a
  browser reads it (notice/page_scripts.py): anything that would run that is not the site's
  own (an inline script, an event-handler attribute, a javascript: URL) leaves the page out
  of the site and stops the build at its end, naming every such page and its file in docs/.
  The others get the policy and the referrer policy as ``<meta>`` elements, first in
  ``<head>``.
- ``on_post_build``: stops the build if a page was left out; else writes ``_headers`` at the
  site's root, the same policy plus what only headers can say.

`mkdocs serve` (`make serve`) leaves the meta elements out: its live reload injects an inline
script into each page as it serves it, which the policy would refuse.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from notice import build, csp, form, languages, page_scripts

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:  # hooks/settings.py has refused an endpoint that cannot be a source already
        csp.policy(form.settings_of(config))
    except ValueError as error:
        raise PluginError(str(error)) from None
    return config


@event_priority(build.LAST)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    return checked(output, f"sidan {page.file.dest_uri} ({source})", config)


@event_priority(build.BEFORE_I18N_404)
def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html") or not output:
        return output
    prefix = languages.prefix(languages.current(config), config)
    return checked(output, f"sidan {prefix}{template_name} (overrides/{template_name})", config)


@event_priority(build.CHECK_PAGES)
def on_post_build(*, config: MkDocsConfig) -> None:
    if not build.outer(config):
        return
    unsafe = build.state(config).unsafe
    if unsafe:
        raise PluginError(STOPPED + "\n".join(f"  - {problem}" for problem in unsafe))
    header = csp.policy(form.settings_of(config), header=True)
    (Path(config.site_dir) / HEADERS_FILE).write_text(csp.headers_file(header), encoding="utf-8")


def checked(html: str, where: str, config: MkDocsConfig) -> str:
    """The page with its policy; "" (MkDocs then writes nothing) when it would run anything
    that is not the site's own, which is noted for on_post_build."""
    found = page_scripts.problems(html)
    if found:
        build.state(config).unsafe.extend(
            f"{where}: {what} kör kod som inte är webbplatsens egen." for what in found
        )
        return ""
    if build.serving():
        return html
    policy = csp.policy(form.settings_of(config))
    macros = build.env(config).get_template("partials/security.html").module
    return csp.insert_meta(html, str(macros.meta(policy, csp.REFERRER)))


HEADERS_FILE = "_headers"
STOPPED = (
    "Sidorna får bara köra webbplatsens egna skript, så de här sidorna byggdes inte och "
    "ingenting publiceras. Ta bort det som kör kod ur texten (eller ur mallen eller "
    "inställningen det kommer från):\n"
)
