"""The theme's files, listed without the hidden folders that MkDocs would drop anyway.

On every build, and again for each language static-i18n builds, MkDocs lists every file in
the theme's folders to find the static ones to copy (``Files.add_files_from_theme``), and only
then drops hidden files and folders (its patterns ``.*`` and ``*/.*``). Material's templates
hold some 14,400 icons under ``.icons/``, which templates inline and MkDocs never copies:
walking and pattern-matching them was a quarter of a `make serve` rebuild (about 55 ms per
language). MkDocs has no setting to leave a theme folder out, so ``prune_hidden()`` gives the
build's theme a Jinja loader whose listing does not descend into hidden folders. What is
listed after MkDocs' own filter is the same; templates are loaded as before, hidden folders
included (``{% include ".icons/..." %}``).

Nothing is cached: each listing reads the folders afresh.
"""

from __future__ import annotations

import os

import jinja2
from mkdocs.theme import Theme


class PrunedLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader whose ``list_templates`` skips folders whose names start with a dot.

    The listing is Jinja 3.1's own, plus the pruning.
    """

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=self.followlinks):
                dirnames[:] = [name for name in dirnames if not name.startswith(".")]
                for filename in filenames:
                    template = (
                        os.path.join(dirpath, filename)[len(searchpath) :]
                        .strip(os.path.sep)
                        .replace(os.path.sep, "/")
                    )
                    found.add(template.removeprefix("./"))
        return sorted(found)


class PrunedTheme(Theme):
    """MkDocs' theme, whose Jinja environments list templates with a ``PrunedLoader``."""

    def get_env(self) -> jinja2.Environment:
        env = super().get_env()
        loader = env.loader
        if type(loader) is not jinja2.FileSystemLoader or loader.searchpath != list(self.dirs):
            raise RuntimeError(
                "hooks/notice/theme.py: MkDocs' Theme.get_env() no longer gives a Jinja "
                f"FileSystemLoader over the theme's folders ({loader!r}): check what it does "
                "now, and adapt or remove PrunedTheme."
            )
        env.loader = PrunedLoader(
            loader.searchpath, encoding=loader.encoding, followlinks=loader.followlinks
        )
        return env


def prune_hidden(theme: Theme) -> None:
    """Make ``theme`` (config.theme) list its files with ``PrunedLoader``, from now on."""
    if type(theme) is PrunedTheme:  # static-i18n's nested build: the same config and theme
        return
    if type(theme) is not Theme:
        raise RuntimeError(
            f"hooks/notice/theme.py: config.theme is a {type(theme).__name__}, not MkDocs' "
            "Theme: check what MkDocs does now, and adapt or remove PrunedTheme."
        )
    # The same object, with get_env() overridden: everything the config, static-i18n and the
    # plugins have set on it stays.
    theme.__class__ = PrunedTheme
