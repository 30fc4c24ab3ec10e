"""The build in progress: one object that the hook files share, and when their events run.

MkDocs loads each hook file as a module of its own, so the hooks share state through this
module, all of it in one ``Build``. static-i18n builds each further language in a nested build
of the same process (its plugin's ``building`` is then true): ``state(config)`` makes a new
``Build`` when an outer build starts and gives the nested builds the same one, so nothing
outlives a build: `make serve` sees an edited file or a fetched git tag on the next rebuild.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.bccache import Bucket

from notice import html, languages, model, reading, texts

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# When the hooks' events run, around static-i18n's: MkDocs runs an event's higher priorities
# first, and static-i18n's own at I18N. ARCHITECTURE.md ("Event order") has the whole table.
FIRST = 50  # versions.on_template_context: the other hooks read the base_url it sets
BEFORE_I18N_404 = 10  # assets and security on_post_template: before i18n_fixes writes the
#                       other languages' 404 pages (default priority 0)
I18N = -100  # static-i18n: chooses each language's files, builds the other languages
AFTER_I18N = -110  # content_model.on_files (each language's files chosen), i18n_fixes
#                    .on_post_build (every language's search index merged)
CHECK_PAGES = -120  # security.on_post_build: every language built, stop on what would run
TRIM_STYLES = -130  # assets.on_post_build: every language's pages seen, trim the stylesheet
LAST = -200  # security.on_post_page: after every plugin and hook has changed the page


@dataclass
class Build:
    """What one build shares: the outer build and static-i18n's nested language builds."""

    config: Any = None  # the outer build's MkDocsConfig, which this Build belongs to
    model: model.Notice | None = None  # hooks/content_model.py reads it in on_config
    env: jinja2.Environment | None = None  # the theme's templates, for shortcodes and feeds
    words: set[str] = field(default_factory=set)  # hooks/assets.py: what the pages are made of
    unsafe: list[str] = field(default_factory=list)  # hooks/security.py: what pages would run
    # hooks/shortcodes.py: each page's rendered shortcodes, from on_page_markdown to
    # on_page_content, by file (src_uri: each language's file is its own).
    stashes: dict[str, Any] = field(default_factory=dict)


_build = Build()
_command = "build"  # what MkDocs was started for (on_startup): the process, not a build


def outer(config: MkDocsConfig) -> bool:
    """True in the build MkDocs started; false in static-i18n's nested language builds."""
    return not config.plugins["i18n"].building


def state(config: MkDocsConfig) -> Build:
    """This build's shared state: a new one when ``config`` is a new outer build's."""
    global _build
    if outer(config) and _build.config is not config:
        _build = Build(config)
    return _build


def started_by(command: str) -> None:
    global _command
    _command = command


def serving() -> bool:
    """`mkdocs serve` (`make serve`): pages for an editor's browser, not for publishing."""
    return _command == "serve"


def reading_settings_only() -> bool:
    """mike loads the settings for its own commands with the plugins' events up to on_config
    (mike.mkdocs_utils.load_config, command "mike"): nothing is built, docs/ need not be read.
    Its deploy builds in a `mkdocs build` of its own."""
    return _command == "mike"


def start(config: MkDocsConfig) -> model.Notice:
    """Read and check docs/ for a new build."""
    build = state(config)
    build.model = reading.load(
        Path(config.docs_dir), languages.built(config), markdown_config(config)
    )
    return build.model


def current() -> model.Notice:
    assert _build.model is not None, "hooks/content_model.py reads the model in on_config"
    return _build.model


def env(config: MkDocsConfig) -> jinja2.Environment:
    """The theme's templates for the shortcodes and feeds, loaded once per build."""
    build = state(config)
    if build.env is None:
        build.env = texts.install(config.theme.get_env())
        # The extension static-i18n adds to MkDocs' environments (on_env): with the same
        # extensions, the compiled templates are shared with them.
        build.env.add_extension("jinja2.ext.loopcontrols")
        build.env.bytecode_cache = TEMPLATES
    return build.env


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
