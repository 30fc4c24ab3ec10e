"""The operators' settings, read strictly: an invalid value stops the build, before anything
is written, with every problem in one message (English: whoever deploys reads it).

- ``site_url`` (SITE_URL): an https:// URL, or http:// on 127.0.0.1 or localhost for tests
  (notice/urls.py, ``site_url_problems``).
- ``extra.contact_form`` (CONTACT_FORM_ACTION, CONTACT_FORM_MAILTO): where the contact form
  sends requests (notice/form.py, ``check_settings``).

Each is read as a browser reads it (an allowlist of characters, then ada, the WHATWG URL
parser) and refused when it could end an HTML attribute or a directive of the
Content-Security-Policy. `make publish` and `make calendar` ask the same
(scripts/publish.py, ``settings_missing``).

With neither form setting the site still builds and the page says the form is not
configured; ``notice.form.missing_settings()`` makes `make publish` refuse. The form itself is
the shortcode <!-- notice:contact-form --> (notice/render.py,
overrides/partials/contact_form.html).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from notice import form, urls

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    problems = problems_of(config)
    if problems:
        raise PluginError("\n".join(problems))
    return config


def problems_of(config: MkDocsConfig) -> list[str]:
    """site_url's and the contact form's problems. mike's build has added the version's folder
    to site_url (https://integritet.seom.se/2026-12-01): the same address, a folder deeper."""
    return urls.site_url_problems(config.site_url) + form.check_settings(form.settings_of(config))
