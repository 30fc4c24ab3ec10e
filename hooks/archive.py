"""The version archive (mike): what differs between a mike deploy and a plain build.

Material's version selector and outdated banner fetch ../versions.json, which only mike's
gh-pages has: in `make build`, `make serve` and the tests' sites that request fails and logs
a console error on every page. They are switched on only while mike builds a version.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

MIKE_VERSION_VARIABLE = "MIKE_DOCS_VERSION"  # mike.mkdocs_utils.docs_version_var


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not os.environ.get(MIKE_VERSION_VARIABLE):
        config.extra.pop("version", None)
    return config
