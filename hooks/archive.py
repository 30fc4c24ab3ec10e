"""The version archive (mike): what differs between a mike deploy and a plain build.

Material's version selector and outdated banner fetch ../versions.json, which only mike's
gh-pages has: in `make build`, `make serve` and the tests' sites that request fails and logs
a console error on every page. They are switched on only while mike builds a version.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING
from urllib.parse import urljoin

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

MIKE_VERSION_VARIABLE = "MIKE_DOCS_VERSION"  # mike.mkdocs_utils.docs_version_var


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not building_a_version():
        config.extra.pop("version", None)
    return config


def building_a_version() -> bool:
    return bool(os.environ.get(MIKE_VERSION_VARIABLE))


def version_root(site_url: str) -> str:
    """The URL of this build's root, as a folder.

    mike sets site_url to the version folder without its trailing slash
    (`https://integritet.seom.se/latest`), against which relative URLs lose the version. It
    cannot be fixed in on_config: static-i18n's nested builds rerun mike's on_config on the
    changed value.
    """
    return site_url if site_url.endswith("/") else site_url + "/"


def archive_root(site_url: str) -> str:
    """The URL of the folder that holds every version (mike's gh-pages root)."""
    root = version_root(site_url)
    return urljoin(root, "..") if building_a_version() else root
