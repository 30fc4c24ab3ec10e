"""Read and check the notice once per build, and build the site from what was checked.

- ``on_startup`` notes what MkDocs was started for: mike runs the events up to on_config to
  read the settings for its own commands (`mike alias`, `make calendar`), and docs/ is not
  read for those.
- ``on_config`` reads docs/ into the model (notice/model.py), once per build: static-i18n's
  nested language builds reuse it. Any problem stops the build here, before anything is
  written, with one message that lists them all (file, line or key, and the fix). The
  section pages go into the menu where mkdocs.yml's nav says ``sections.yml``, in the order
  of docs/sections.yml.
- ``on_files`` gives MkDocs each page's text as the model read it, so that what is rendered
  is exactly what was checked, and prints the GDPR report of the language being built and,
  once, the translations report (notice/translations.py: English that no longer says what
  the Swedish says; information here, `make publish` refuses).
- ``on_env`` shares compiled templates between the languages' builds (notice/build.py).
- ``on_page_context`` / ``on_template_context`` give every page the details of the controller
  (docs/controller.yml) and of the supervisory authority (docs/authority.yml), and the link to
  the accessibility statement, for the footer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.utils import is_error_template

from notice import archival, build, gdpr, languages, texts, tilt, translations, urls
from notice.reading import format_problems

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)
SECTIONS_ENTRY = "sections.yml"  # where mkdocs.yml's nav puts the sections


def on_startup(*, command: str, dirty: bool) -> None:
    build.started_by(command)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not build.outer(config):  # a nested language build: read already
        return config
    if build.reading_settings_only():  # mike's own commands (alias, list): nothing is built
        return config
    try:
        model = build.start(config)
    except ValueError as error:  # NOTICE_TODAY that is not a date (notice/dates.py)
        raise PluginError(str(error)) from None
    config.nav, nav_problems = with_sections(config.nav, model.nav())
    problems = model.problems + nav_problems
    if problems:
        raise PluginError(format_problems(problems))
    return config


@event_priority(build.AFTER_I18N)  # each language's files chosen
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    model = build.current()
    for file in files.documentation_pages():
        source = model.pages.get(file.src_uri)
        if source is not None:
            file.content_string = source.text
    locale = languages.current(config)
    log.info(gdpr.compliance_report(model, locale))
    if locale == model.languages[0]:  # one report for both languages
        log.info("\n".join(translations.report(model)))
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    # MkDocs makes a new environment for each language: share what is compiled (notice/build.py).
    env.bytecode_cache = build.TEMPLATES
    return texts.install(env)


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    locale = languages.of_page(page, config)
    context["notice_authority"] = build.current().authority.get(locale)
    context["notice_controller"] = build.current().controller.of(locale)
    context["notice_identity"] = identity(locale, config)
    context["notice_statement"] = statement_link(context, locale, config)
    context["notice_tilt"] = tilt_link(context, locale, config)
    context["notice_archival"] = archival_link(context, locale, config)
    return context


def on_template_context(
    context: dict[str, Any], *, template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    locale = languages.current(config)
    context["notice_authority"] = build.current().authority.get(locale)
    context["notice_controller"] = build.current().controller.of(locale)
    context["notice_identity"] = identity(locale, config)
    context["notice_statement"] = statement_link(context, locale, config)
    context["notice_tilt"] = tilt_link(context, locale, config)
    context["notice_archival"] = archival_link(
        context, locale, config, error=is_error_template(template_name)
    )
    return context


def identity(locale: str, config: MkDocsConfig) -> dict[str, str]:
    """Who the site belongs to, for the header, the menu and the title: SEOM's short name
    (docs/controller.yml), its logo file if SEOM supplied one, and the name of the logo link,
    which starts with what the link shows (WCAG 2.5.3, label in name)."""
    details = build.current().controller.of(locale)
    short_name = details.get("short_name", "")
    words = texts.of(build.env(config), locale)["identity"]
    home = words["home"].format(short_name=short_name, site_name=config.site_name)
    return {"short_name": short_name, "logo": details.get("logo", ""), "home": home}


def statement_link(context: dict[str, Any], locale: str, config: MkDocsConfig) -> str:
    """The accessibility statement in the page's language, linked from every page's footer."""
    return urls.statement(
        context.get("base_url") or "",
        languages.prefix(locale, config),
        directory_urls=config.use_directory_urls,
    )


def tilt_link(context: dict[str, Any], locale: str, config: MkDocsConfig) -> str:
    """This version's machine-readable copy in the page's language (hooks/versions.py)."""
    base = context.get("base_url") or ""
    root = base.rstrip("/") if base.startswith("/") else base.rstrip("/") or "."
    return f"{root}/{languages.prefix(locale, config)}{tilt.FILE}"


def archival_link(
    context: dict[str, Any], locale: str, config: MkDocsConfig, *, error: bool = False
) -> str | None:
    """This version's archival copy in the page's language, in the archive only: publishing
    adds it to the version's folder (notice/publishing/copies.py); plain builds have none.
    From a 404 page, which a host may serve at any address (and `latest/`'s copy of it after
    this version is no longer in force), the version's own folder, from the archive's root."""
    if not urls.building_a_version():
        return None
    version = build.current().versions[0].id
    name = archival.file_name(version, texts.of(None, locale)["archival"])
    if error:
        archive = urls.error_page_root(urls.archive_root(config.site_url or "/"))
        return f"{archive}{version}/{languages.prefix(locale, config)}{name}"
    base = context.get("base_url") or ""
    root = base.rstrip("/") if base.startswith("/") else base.rstrip("/") or "."
    return f"{root}/{languages.prefix(locale, config)}{name}"


def with_sections(nav: list | None, sections: list[str]) -> tuple[list, list[str]]:
    """mkdocs.yml's nav with ``sections.yml`` replaced by the section pages, and problems."""
    if SECTIONS_ENTRY not in (nav or []):
        raise PluginError(
            f"mkdocs.yml: nav has no entry '- {SECTIONS_ENTRY}'. Add it where the sections of "
            "the notice belong in the menu (after the start page)."
        )
    items: list = []
    for item in nav:
        items += sections if item == SECTIONS_ENTRY else [item]
    expanded = [page for item in items for page in _pages(item)]
    twice = sorted({page for page in expanded if expanded.count(page) > 1})
    problems = [
        f"mkdocs.yml: sidan {page} står flera gånger i menyn (nav). Avsnitten läggs in i "
        f"menyn från docs/{SECTIONS_ENTRY}: ta bort raden '- {page}' ur nav."
        for page in twice
    ]
    return items, problems


def _pages(item: object) -> list[str]:
    if isinstance(item, str):
        return [item]
    if isinstance(item, dict):
        return [page for value in item.values() for page in _pages(value)]
    if isinstance(item, list):
        return [page for value in item for page in _pages(value)]
    return []
