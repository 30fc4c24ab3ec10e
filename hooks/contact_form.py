"""The contact form's settings (extra.contact_form): an invalid value stops the build.

With neither setting the site still builds and the page says the form is not configured;
``notice.form.missing_settings()`` makes `make publish` refuse. The form itself is the
shortcode <!-- notice:contact-form --> (notice/shortcodes.py,
overrides/partials/contact_form.html).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from notice import form

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    problems = form.check_settings(form.settings_of(config))
    if problems:
        raise PluginError("\n".join(problems))
    return config
