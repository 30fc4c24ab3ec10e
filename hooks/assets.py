"""What pages load before they show anything: Material's stylesheet, trimmed to what the site
uses (ARCHITECTURE.md, "Page weight and speed"; notice/stylesheet.py says how).

- ``on_config``: Material's palette setting is refused: its stylesheet is not published.
- ``on_files``: Material's ``main.*.min.css`` and ``palette.*.min.css`` (and their source maps)
  are not copied into the site.
- ``on_post_page`` / ``on_post_template``: what each page's tags say is collected, every
  language (static-i18n builds each in turn).
- ``on_post_build``: ``assets/stylesheets/material.css``, Material's stylesheet with what the
  pages and the scripts they load can use; overrides/main.html links it instead of Material's.
  Then the site's own scripts and stylesheet, minified.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import rcssmin
import rjsmin
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from notice import build, stylesheet

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

OUTPUT = "assets/stylesheets/material.css"
# Material's stylesheets, named by their content's hash.
_MATERIAL = re.compile(r"assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css(\.map)?")
_SCRIPTS = "assets/javascripts/"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if config.theme.get("palette"):
        raise PluginError(
            "mkdocs.yml: theme.palette is not supported: Material's palette stylesheet is not "
            "published (hooks/assets.py). Set the colours in "
            "overrides/assets/stylesheets/seom.css instead."
        )
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for file in list(files):
        if _MATERIAL.fullmatch(file.src_uri):
            files.remove(file)
    return files


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    build.state(config).words.update(stylesheet.html_words(output))
    return output


@event_priority(build.BEFORE_I18N_404)
def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html") and output:
        build.state(config).words.update(stylesheet.html_words(output))
    return output


@event_priority(build.TRIM_STYLES)
def on_post_build(*, config: MkDocsConfig) -> None:
    if not build.outer(config):
        return
    site = Path(config.site_dir)
    pages = set(build.state(config).words)
    words = set(pages)
    # Material builds its version selector from nothing, when there are versions (mike).
    components = ("md-version",) if config.extra.get("version") else ()
    overrides = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    for script in (site / _SCRIPTS).rglob("*.js"):
        name = script.relative_to(site).as_posix()
        if "/lunr/" in name:  # search's language support: no pages' elements
            continue
        if overrides and (overrides / name).is_file():
            # The site's own: what it adds counts where a page loads it (content.js only with
            # content tabs, file_worker.js only in the preview; each names what it adds, and
            # content.js kept Material's tabs, 1.2 KiB, on every page).
            if loaded(name, pages):
                words |= stylesheet.script_words(script.read_text(encoding="utf-8"))
        else:
            text = script.read_text(encoding="utf-8")
            words |= stylesheet.material_script_words(text, pages, components)
    for css in config.extra_css:
        own = site / css
        if own.is_file():
            words |= stylesheet.stylesheet_properties(own.read_text(encoding="utf-8"))
    source = material_stylesheet(config)
    cache = Path(config.config_file_path).parent / ".cache" / "seom"
    try:
        trimmed = stylesheet.trim(source.read_text(encoding="utf-8"), words, cache)
    except ValueError as error:
        raise PluginError(
            f"{source}: {error}. hooks/notice/stylesheet.py cannot read Material's stylesheet "
            "whole: see what changed in it."
        ) from error
    (site / OUTPUT).write_text(trimmed, encoding="utf-8")
    minify_own(site, config, overrides)


def loaded(name: str, words: set[str]) -> bool:
    """Whether a page loads the script ``name`` (``assets/javascripts/x.js``): an attribute
    value among the pages' ``words`` is its address, relative or absolute."""
    return any(word == name or word.endswith("/" + name) for word in words)


def minify_own(site: Path, config: MkDocsConfig, overrides: Path | None) -> None:
    """The site's own scripts and stylesheets as readers get them: without the comments and
    the indentation that explain them here (rjsmin and rcssmin, the minifiers
    mkdocs-minify-plugin uses). Some 4 KiB less, compressed, on a page's first view."""
    for script in (site / _SCRIPTS).rglob("*.js"):
        name = script.relative_to(site).as_posix()
        if overrides and (overrides / name).is_file():
            script.write_text(rjsmin.jsmin(script.read_text(encoding="utf-8")), encoding="utf-8")
    for css in config.extra_css:
        own = site / css
        if own.is_file():
            own.write_text(rcssmin.cssmin(own.read_text(encoding="utf-8")), encoding="utf-8")


def material_stylesheet(config: MkDocsConfig) -> Path:
    """Material's main stylesheet, in the installed theme."""
    for folder in config.theme.dirs:
        found = sorted((Path(folder) / "assets/stylesheets").glob("main.*.min.css"))
        if found:
            return found[0]
    raise PluginError("Material's stylesheet (assets/stylesheets/main.*.min.css) was not found")
