"""Work MkDocs would repeat on every build for nothing: a `make serve` rebuild after a save
must take at most a second (`make benchmark-serve`).

- ``on_config``: the theme's file listing leaves out hidden folders, which MkDocs never
  copies: Material's 14,400 icons (notice/theme.py).

The search plugin's settings that Material would otherwise work out from its language files
on every build are in mkdocs.yml (plugins, search).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from notice import theme

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    theme.prune_hidden(config.theme)
    return config
