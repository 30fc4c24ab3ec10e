"""The version archive (mike): what differs between a mike deploy and a plain build.

Material's version selector and outdated banner fetch ../versions.json, which only mike's
gh-pages has: in `make build`, `make serve` and the tests' sites that request fails and logs
a console error on every page. They are switched on only while mike builds a version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from notice import urls

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not urls.building_a_version():
        config.extra.pop("version", None)
    return config
