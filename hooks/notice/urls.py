"""Where things are in the version archive that mike publishes.

mike publishes each version of the notice in a folder named by its date, on the gh-pages
branch, with `latest/` a copy of the current one. mike sets ``site_url`` to the version
folder without its trailing slash (``https://integritet.seom.se/latest``).
"""

from __future__ import annotations

import os
import posixpath
from urllib.parse import urljoin

import ada_url

MIKE_VERSION_VARIABLE = "MIKE_DOCS_VERSION"  # mike.mkdocs_utils.docs_version_var


def building_a_version() -> bool:
    """True while mike builds a version: a plain build has no archive around it."""
    return bool(os.environ.get(MIKE_VERSION_VARIABLE))


def version_root(site_url: str) -> str:
    """The URL of this build's root, as a folder.

    It cannot be fixed in on_config: static-i18n's nested builds rerun mike's on_config on the
    changed value.
    """
    return site_url if site_url.endswith("/") else site_url + "/"


def error_page_root(site_url: str) -> str:
    """The root of the site as error pages (404.html) link to it: ``site_url``'s path, as the
    WHATWG URL parser writes it, ending in "/".

    Percent-encoded (a quote, "<", ">" or a space become %22, %3C, %3E, %20), so that it cannot
    end an attribute where a template prints it unescaped, and means what a browser reads.
    """
    try:
        path = ada_url.URL(site_url).pathname
    except ValueError:  # not a URL at all: nothing but the host's root to link to
        path = "/"
    return version_root(path)


def archive_root(site_url: str) -> str:
    """The URL of the folder that holds every version (mike's gh-pages root)."""
    root = version_root(site_url)
    return urljoin(root, "..") if building_a_version() else root


def version_link(page_url: str, version: str, path: str) -> str:
    """A link from a page of this version to ``path`` in version ``version``'s folder.

    ``page_url`` is relative to this version's root ("en/versioner/"); version V's root is this
    root's sibling ``../V/``. MkDocs cannot check such links: they leave the site it builds.
    """
    page_dir = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    target = posixpath.join("..", version, path)
    return posixpath.relpath(target, page_dir or ".") + "/"


def statement(base_url: str, prefix: str, *, directory_urls: bool = True) -> str:
    """The accessibility statement in the language under ``prefix`` ("" or "en/"), from a page
    whose root is ``base_url`` (relative, or an absolute path on error pages).

    In the archive, the one at its root, outside every version folder, where `make publish`
    keeps it current (scripts/publish.py); in a plain build, this site's page.
    """
    root = base_url.rstrip("/") if base_url.startswith("/") else base_url.rstrip("/") or "."
    if building_a_version():  # the stable address is a folder on gh-pages
        return f"{root}/../{prefix}{STATEMENT_PAGE}/"
    return f"{root}/{page_path(prefix + STATEMENT_PAGE, directory_urls=directory_urls)}"


def page_link(page_url: str, target: str, *, directory_urls: bool) -> str:
    """A link from the page at ``page_url`` (relative to the site root) to the page ``target``
    ("kontakt", "en/kontakt"), as MkDocs would write it."""
    page_dir = page_url.rstrip("/") if page_url.endswith("/") else posixpath.dirname(page_url)
    return page_path(posixpath.relpath(target, page_dir or "."), directory_urls=directory_urls)


def page_path(page: str, *, directory_urls: bool) -> str:
    """A page's address: its folder, or with ``use_directory_urls: false`` (the preview, which
    is opened from disk, where a folder shows a file listing) its HTML file."""
    return f"{page}/" if directory_urls else f"{page}.html"


STATEMENT_PAGE = "tillganglighet"  # docs/tillganglighet.md
