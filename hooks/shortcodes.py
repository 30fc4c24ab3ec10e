"""Fill in the shortcodes editors put in pages, ``<!-- notice:name -->``.

The table of codes and where each belongs is notice/shortcodes.py, how each renders is
notice/render.py; the checks (notice/checks.py) have refused unknown and misplaced ones before
any page is built. The rendered HTML goes into the page after Markdown has converted it
(``on_page_content``; render.Stash says why).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from notice import build, form, languages, render, shortcodes, urls

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    describe_section(page)
    if not shortcodes.PATTERN.search(markdown):
        return markdown
    locale = languages.of_page(page, config)
    context = render.Context(
        model=build.current(),
        locale=locale,
        page_path=page.file.src_uri,
        page_url=page.url,
        env=build.env(config),
        form_settings=form.settings_of(config),
        site=site_of(config, locale),
        directory_urls=config.use_directory_urls,
        stash=render.Stash(),
    )
    markdown, used = render.expand(markdown, context)
    build.state(config).stashes[page.file.src_uri] = context.stash
    if "contact-form" in used:
        page.meta["contact_form"] = True  # overrides/main.html loads the form's script
    if "history" in used and urls.building_a_version():
        page.meta["compare"] = True  # and the script that compares two versions
    if "accessibility" in used:
        # overrides/main.html: the statement is not part of the notice's versions.
        page.meta["accessibility_statement"] = True
    return markdown


@event_priority(build.FIRST)  # every other hook reads the page as readers get it
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    stash = build.state(config).stashes.pop(page.file.src_uri, None)
    if stash is None:
        return html
    if page.present_anchor_ids is not None:  # the shortcodes' anchors, for MkDocs' link check
        page.present_anchor_ids |= stash.anchors()
    return stash.put_back(html)


def site_of(config: MkDocsConfig, locale: str) -> dict[str, str]:
    """Who is behind the site (the controller's name, docs/controller.yml) and its name in the
    language being built (static-i18n sets site_name per language): the accessibility
    statement names both."""
    organisation = build.current().controller.of(locale).get("name", "")
    return {"organisation": organisation, "name": config.site_name}


def describe_section(page: Page) -> None:
    """A section's summary is also its meta description, unless it has its own."""
    if page.meta.get("section") and not page.meta.get("description"):
        page.meta["description"] = page.meta.get("summary")
