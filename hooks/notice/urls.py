"""Where things are in the version archive that mike publishes, and the URLs operators set.

mike publishes each version of the notice in a folder named by its date, on the gh-pages
branch, with `latest/` a copy of the current one. mike sets ``site_url`` to the version
folder without its trailing slash (``https://integritet.seom.se/latest``).

``read_url()`` reads a URL from a setting as a browser would (ada, the WHATWG URL standard's
parser), after an allowlist of the characters it may hold; ``site_url_problems()`` is the
check of ``site_url`` (SITE_URL), in English: operators read it.
"""

from __future__ import annotations

import os
import posixpath
import re
from urllib.parse import urljoin

import ada_url

from notice.shortcodes import STATEMENT_PAGE

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


# Settings: URLs read strictly


def read_url(value: str, allowed: re.Pattern[str]) -> ada_url.URL:
    """``value``, an absolute http(s) URL, as a browser reads it; ValueError says what is wrong
    with it, in words that follow "it ".

    Every character must match ``allowed`` (one character; a "%" must start a percent-encoded
    byte): never one that could end an HTML attribute or a directive of the
    Content-Security-Policy (quotes, "<", ">", whitespace, ";", ",", control characters), nor
    anything a URL writes otherwise (non-ASCII letters, which a host writes as "xn--"). The
    host is a name or an IPv4 address, as a policy's source can name it; no user name.
    """
    refused = unsafe_characters(value, allowed)
    if refused:
        raise ValueError(f"holds {refused}, which a URL here may not hold")
    if re.search(r"%(?![0-9A-Fa-f]{2})", value):
        raise ValueError("holds a '%' that does not start a percent-encoded byte (as in %3B)")
    try:
        url = ada_url.URL(value)
    except ValueError:
        raise NotAWebAddress("is not a URL") from None
    if url.protocol not in ("https:", "http:"):
        raise NotAWebAddress("is not an https:// URL")
    if url.username or url.password:
        raise ValueError("names a user")
    if not HOST.fullmatch(url.hostname):
        raise ValueError(f"has the host {url.hostname!r}, not a name or an IPv4 address")
    return url


class NotAWebAddress(ValueError):
    """Not an http(s) URL at all (read_url), rather than one holding what it may not."""


def is_local(url: ada_url.URL) -> bool:
    """A test server on this machine: http is allowed there."""
    return url.hostname in LOCAL_HOSTS


def unsafe_characters(value: str, allowed: re.Pattern[str]) -> str:
    """The characters of ``value`` that ``allowed`` does not match, each once, as a phrase
    ("'\"' and ' '"); "" when there are none."""
    found = [c for c in dict.fromkeys(value) if not allowed.fullmatch(c)]
    words = [repr(c) for c in found]
    return " and ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)


def site_url_problems(value: str | None) -> list[str]:
    """What is wrong with ``site_url``: [] for an https:// URL (http:// on 127.0.0.1 or
    localhost, for tests) with a path of letters, digits, "-", ".", "_", "~", "/" and
    percent-encoded bytes, and no user, query or fragment, written as a browser writes it
    (lowercase scheme and host, no default port, no "." or ".." segments; the root's "/" may
    be left out)."""
    text = value or ""
    try:
        url = read_url(text, SITE_URL_CHARACTERS)
        if url.protocol == "http:" and not is_local(url):
            raise NotAWebAddress("is not an https:// URL")
        if url.search or url.hash:
            raise ValueError("has a query or a fragment")
    except ValueError as error:
        return [
            f"mkdocs.yml: site_url (environment variable SITE_URL) is {text!r}: it {error}. "
            "Use the site's public address, such as https://integritet.seom.se/ "
            "(http://127.0.0.1 or http://localhost for testing): letters, digits and "
            "- . _ ~ : / in it, anything else percent-encoded."
        ]
    # As a browser writes it: the links, the policy and the archive's paths are made from the
    # value as written, and must name the address readers' browsers use. A host's root may
    # leave out its "/" (mike's version folder leaves out its own).
    if url.href not in (text, text + "/"):
        return [
            f"mkdocs.yml: site_url (environment variable SITE_URL) is {text!r}, which a "
            f"browser reads as {url.href!r}. Write {url.href!r}: the site's links and its "
            "policy are made from site_url as written, and must name the address browsers use."
        ]
    return []


LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# A host a policy's source can name (CSP3 host-source, without wildcards): letters, digits and
# "-" between dots. A name or an IPv4 address; ada has lowercased it.
HOST = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*")
# What site_url may hold: RFC 3986's unreserved characters, ":" and "/" (the scheme, the
# port, the path) and "%" (a percent-encoded byte).
SITE_URL_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/%]")
