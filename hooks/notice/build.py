"""The build in progress: its model and its templates, shared by the hook files.

MkDocs loads each hook file as a module of its own, so the hooks share state through this
module. ``start()`` runs once per build (static-i18n's nested language builds reuse what the
outer build read) and replaces everything, so nothing outlives a build: `make serve` sees an
edited file or a fetched git tag on the next rebuild.
"""

from __future__ import annotations

from pathlib import Path
from types import CodeType
from typing import TYPE_CHECKING

import jinja2
from jinja2.bccache import Bucket

from notice import html, languages, model, reading

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

_model: model.Notice | None = None
_env: jinja2.Environment | None = None
_command = "build"  # what MkDocs was started for (on_startup)


def started_by(command: str) -> None:
    global _command
    _command = command


def reading_settings_only() -> bool:
    """mike loads the settings for its own commands with the plugins' events up to on_config
    (mike.mkdocs_utils.load_config, command "mike"): nothing is built, docs/ need not be read.
    Its deploy builds in a `mkdocs build` of its own."""
    return _command == "mike"


def start(config: MkDocsConfig) -> model.Notice:
    """Read and check docs/ for a new build."""
    global _model, _env
    _env = None
    _model = reading.load(Path(config.docs_dir), languages.built(config), markdown_config(config))
    return _model


def current() -> model.Notice:
    assert _model is not None, "hooks/content_model.py reads the model in on_config"
    return _model


def env(config: MkDocsConfig) -> jinja2.Environment:
    """The theme's templates for the shortcodes and feeds, loaded once per build."""
    global _env
    if _env is None:
        _env = config.theme.get_env()
        # The extension static-i18n adds to MkDocs' environments (on_env): with the same
        # extensions, the compiled templates are shared with them.
        _env.add_extension("jinja2.ext.loopcontrols")
        _env.bytecode_cache = TEMPLATES
    return _env


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates, shared by every Jinja environment of the process.

    Compiling templates is most of a build's cost, and MkDocs compiles the same ones again for
    each language static-i18n builds. Each entry is checked against its template's source
    (and the environment's extensions), so an edited template is compiled afresh: keeping
    them is safe across `make serve` rebuilds. Entries are the code objects themselves, which
    every environment can run, not marshalled bytes: a rebuild's three environments load
    some 80 templates, and unmarshalling each was 7 ms of a rebuild.
    """

    def __init__(self) -> None:
        self.store: dict[str, tuple[str, CodeType]] = {}  # key: (source checksum, code)

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        extensions = ",".join(sorted(environment.extensions))
        bucket = Bucket(
            environment,
            self.get_cache_key(f"{name}|{extensions}", filename),
            self.get_source_checksum(source),
        )
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self.store.get(bucket.key, (None, None))
        if code is not None and checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self.store[bucket.key] = (bucket.checksum, bucket.code)


TEMPLATES = CompiledTemplates()


def markdown_config(config: MkDocsConfig) -> html.MarkdownConfig:
    return html.MarkdownConfig(tuple(config.markdown_extensions), dict(config.mdx_configs))
