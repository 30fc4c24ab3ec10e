"""What each shortcode becomes on the page being built (notice/shortcodes.py lists them).

The renderers turn the model into Markdown or HTML for one page in one language, with the
theme's templates; ``expand()`` puts them in place of the codes Markdown does not show as code.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from selectolax.lexbor import LexborHTMLParser

from notice import archival, changes, dates, form, gfm, history, languages, shortcodes, texts, urls

if TYPE_CHECKING:
    import jinja2

    from notice.model import Notice


@dataclass(frozen=True)
class Context:
    """What a renderer needs: the model, the page being built and the theme's templates."""

    model: Notice
    locale: str
    page_path: str  # the page's file, relative to docs/: "versioner.en.md"
    page_url: str  # its URL relative to the site root: "en/versioner/"
    env: jinja2.Environment
    form_settings: dict[str, str]
    # Who is behind the site and its name in this language, for the accessibility statement.
    site: dict[str, str] = dataclasses.field(default_factory=dict)
    # MkDocs' use_directory_urls: pages are folders, or (the preview) HTML files.
    directory_urls: bool = True
    # The level of a heading the code's output starts (one below the Markdown heading above the
    # code; one more on the whole notice's page, whose sections are demoted), and whether it is
    # rendered for the what-changed page (which compares the purposes one by one instead).
    heading: int = 2
    demoted: int = 0
    for_changes: bool = False
    # Where the rendered HTML waits while Markdown converts the page (hooks/shortcodes.py puts
    # it in afterwards): None to put it into the Markdown itself (what-changed's reading).
    stash: Stash | None = None

    @property
    def page_dir(self) -> str:
        return posixpath.dirname(self.page_path)

    def macros(self, template: str) -> Any:
        return self.env.get_template(f"partials/{template}.html").module

    def texts(self) -> dict[str, Any]:
        return texts.of(self.env, self.locale)

    def expander(self) -> Callable[[Notice], Callable[[str], str]]:
        """Each version's sections with that version's data, as the what-changed page reads
        them (notice/changes.py)."""

        def expand_for(model: Notice) -> Callable[[str], str]:
            other = dataclasses.replace(self, model=model, for_changes=True, stash=None)
            return lambda markdown: expand(markdown, other)[0]

        return expand_for

    def block(self, html: object) -> str:
        """Rendered HTML for the page: in the Markdown, or in the stash with a placeholder."""
        return html_block(html) if self.stash is None else self.stash.hold(html_block(html))


@dataclasses.dataclass
class Stash:
    """The shortcodes' HTML of one page, put in after Markdown has converted the page.

    Python-Markdown reads every raw HTML block with its HTML parser, written in Python: for
    the pages whose codes render most (the whole notice, what changed), that was about 3 % of
    a build. It only passes the HTML through, so it may as well not see it. A placeholder
    (its own paragraph, a token no editor writes: a random part new for each page) stands in.
    """

    blocks: list[str] = dataclasses.field(default_factory=list)
    token: str = dataclasses.field(default_factory=lambda: f"NOTICEBLOCK{secrets.token_hex(8)}N")

    def hold(self, html: str) -> str:
        self.blocks.append(html.strip("\n"))
        return f"\n\n{self.token}{len(self.blocks) - 1}X\n\n"

    def put_back(self, page_html: str) -> str:
        """The converted page with each placeholder, as Markdown left it, replaced."""
        if not self.blocks:
            return page_html
        pattern = re.compile(rf"<p>{self.token}(\d+)X</p>|{self.token}(\d+)X")
        return pattern.sub(lambda m: self.blocks[int(m.group(1) or m.group(2))], page_html)

    def anchors(self) -> set[str]:
        """The ids the blocks give (and <a name>), as MkDocs collects them from raw HTML while
        converting a page: links to them from other pages are checked against these."""
        if not self.blocks:
            return set()
        tree = LexborHTMLParser("".join(self.blocks))
        ids = {node.attributes.get("id") for node in tree.css("[id]")}
        names = {node.attributes.get("name") for node in tree.css("a[name]")}
        return {anchor for anchor in ids | names if anchor}


def render_summary(ctx: Context) -> str:
    """The start page's first layer: each section's title, linked, and its summary."""
    escape = gfm.escape_for_site
    return "\n".join(
        f"### [{escape(s.title)}]({posixpath.relpath(s.source.base, ctx.page_dir or '.')})"
        f"\n\n{escape(s.summary)}\n"
        for s in ctx.model.sections(ctx.locale)
    )


def render_full(ctx: Context) -> str:
    """Every section on one page, headings one level down under the page's own title."""
    inside = dataclasses.replace(ctx, demoted=1)
    return "\n".join(
        demote_headings(expand(s.source.body, inside)[0]).strip() + "\n"
        for s in ctx.model.sections(ctx.locale)
    )


def render_imy(ctx: Context) -> str:
    authority = ctx.model.authority.get(ctx.locale, {})
    return ctx.block(ctx.macros("imy").contact(authority, ctx.texts()["imy"]))


def render_controller(ctx: Context) -> str:
    details = ctx.model.controller.of(ctx.locale)
    return ctx.block(ctx.macros("controller").details(details, ctx.texts()["controller"]))


def render_purposes(ctx: Context) -> str:
    """Each purpose, the short answer first (docs/purposes.yml); on the what-changed page
    nothing: it compares the purposes one by one (notice/changes.py)."""
    if ctx.for_changes:
        return ""
    words = ctx.texts()
    href = "#" + words["objection"]["anchor"]
    if not ctx.demoted:
        rights = languages.prefix_of(ctx.locale, ctx.model.languages) + shortcodes.RIGHTS_PAGE
        href = urls.page_link(ctx.page_url, rights, directory_urls=ctx.directory_urls) + href
    items = purpose_views(ctx.model, ctx.locale, words)
    macros = ctx.macros("purposes")
    return ctx.block(macros.purposes(items, words["purposes"], ctx.heading, href))


def render_objection(ctx: Context) -> str:
    """The right to object, on its own, when a purpose gives it (Art. 21(4))."""
    if ctx.for_changes:
        return ""
    words = ctx.texts()
    prefix = languages.prefix_of(ctx.locale, ctx.model.languages)
    contact = urls.page_link(
        ctx.page_url, prefix + shortcodes.CONTACT_PAGE, directory_urls=ctx.directory_urls
    )
    purposes = (
        ""
        if ctx.demoted
        else urls.page_link(
            ctx.page_url, prefix + shortcodes.PURPOSES_PAGE, directory_urls=ctx.directory_urls
        )
    )
    items = purpose_views(ctx.model, ctx.locale, words)
    macros = ctx.macros("purposes")
    return ctx.block(macros.objection(items, words["objection"], ctx.heading, contact, purposes))


def purpose_views(model: Notice, locale: str, words: dict[str, Any]) -> list[dict[str, Any]]:
    """The purposes as the templates show them, in one language. Their anchors join a word
    and the id with "--", which no heading's own id has (Markdown's table of contents turns
    every run of spaces and hyphens into one hyphen), so none can collide with a heading."""
    bases = words["purposes"]["bases"]
    return [
        {
            "id": p.id,
            "anchor": f"{words['purposes']['anchor']}--{p.id}",
            "text": p.of(locale),
            "legal_basis": p.legal_basis,
            "basis": bases[p.legal_basis] if p.legal_basis else None,
            "direct_marketing": p.direct_marketing,
            "objection": p.objection,
        }
        for p in model.purposes
    ]


def render_history(ctx: Context) -> str:
    items = history.items(ctx.model.versions, ctx.page_url, ctx.locale, ctx.model.languages)
    words = ctx.texts()["versions"]
    compare = archival_copy = None
    if urls.building_a_version():  # the archive: any two published versions, compared
        page_url = ctx.page_url
        page_dir = page_url.rstrip("/") if page_url.endswith("/") else posixpath.dirname(page_url)
        # This version's archival copy, which publishing adds to its folder (notice/archival.py)
        archival_words = ctx.texts()["archival"]
        name = archival.file_name(ctx.model.versions[0].id, archival_words)
        archival_copy = {
            "href": posixpath.relpath(
                languages.prefix_of(ctx.locale, ctx.model.languages) + name, page_dir or "."
            ),
            "text": archival_words["link"],
        }
        keep = ("added", "removed", "section_added", "section_removed", "unchanged")
        compare = {
            "root": posixpath.relpath("..", page_dir or ".") + "/",
            "prefix": languages.prefix_of(ctx.locale, ctx.model.languages),
            "lang": ctx.locale,
            "current": ctx.model.versions[0].id,
            "words": {
                **words["compare"],
                **{key: words[key] for key in (*keep, "legend", "nothing", "purposes")},
                **{key: words[key] for key in ("purpose_added", "purpose_removed")},
            },
        }
    return ctx.block(ctx.macros("versions").history(items, words, compare, archival_copy))


def render_changes(ctx: Context) -> str:
    context = changes.context(ctx.model, ctx.locale, ctx.texts(), ctx.expander())
    return ctx.block(ctx.macros("versions").changes(context, ctx.texts()["versions"]))


def render_contact_form(ctx: Context) -> str:
    settings = ctx.form_settings
    data = {**settings, "mode": form.mode(settings), "anchor": form.DATA_ANCHOR, "env": form.ENV}
    return ctx.block(ctx.macros("contact_form").form(data, ctx.locale, ctx.texts()["form"]))


def render_accessibility(ctx: Context) -> str:
    """The accessibility statement from docs/accessibility.yml, in DIGG's model structure."""
    statement = dict(ctx.model.accessibility.get(ctx.locale, {}))
    for key in ("assessed", "updated"):
        statement[f"{key}_text"] = dates.long_date(statement[key], ctx.locale)
        statement[key] = statement[key].isoformat()
    words = ctx.texts()
    contact = languages.prefix_of(ctx.locale, ctx.model.languages) + shortcodes.CONTACT_PAGE
    links = {
        "contact": urls.page_link(ctx.page_url, contact, directory_urls=ctx.directory_urls),
        "request": dict(words["form"]["requests"])[form.ACCESSIBILITY_REQUEST],
    }
    macros = ctx.macros("accessibility")
    return ctx.block(macros.statement(statement, ctx.site, links, words["accessibility"]))


RENDERERS: dict[str, Callable[[Context], str]] = {
    "summary": render_summary,
    "full": render_full,
    "controller": render_controller,
    "imy": render_imy,
    "purposes": render_purposes,
    "objection": render_objection,
    "history": render_history,
    "changes": render_changes,
    "contact-form": render_contact_form,
    "accessibility": render_accessibility,
}
if RENDERERS.keys() != shortcodes.TABLE.keys():  # one renderer for each code, no other
    raise ImportError(
        f"notice/render.py renders {sorted(RENDERERS)}, not {sorted(shortcodes.TABLE)}"
    )


def expand(markdown: str, ctx: Context) -> tuple[str, set[str]]:
    """The page with its shortcodes rendered, and the names of those it held."""
    used: set[str] = set()
    matches = shortcodes.find(markdown, ctx.model.markdown.render)
    nested = not ctx.for_changes and any(shortcodes.name_of(m) in NESTED for m in matches)
    levels = shortcodes.heading_levels(markdown, ctx.model.markdown.render) if nested else {}

    def render(match: re.Match[str]) -> str:
        used.add(shortcodes.name_of(match))
        level = levels.get(match.start(), 1) + 1 + ctx.demoted
        return RENDERERS[shortcodes.name_of(match)](dataclasses.replace(ctx, heading=min(level, 6)))

    out, last = [], 0
    for match in matches:
        if shortcodes.name_of(match) in RENDERERS:  # the checks have refused unknown ones
            out += [markdown[last : match.start()], render(match)]
            last = match.end()
    return "".join([*out, markdown[last:]]), used


# The codes whose output starts with a heading, one level below the heading above the code.
NESTED = ("purposes", "objection")


def code_ranges(markdown: str) -> list[tuple[int, int]]:
    """Roughly where Markdown shows text as code: fenced and indented blocks, `code spans`.

    Only for demote_headings, where a "#" line inside code must stay as it is.
    """
    ranges: list[tuple[int, int]] = []
    fence: str | None = None
    previous, offset = "blank", 0  # what the last line was: blank, text, list, code, ...
    for line in markdown.splitlines(keepends=True):
        start, stripped = offset, line.rstrip("\n")
        offset += len(line)
        if fence:
            ranges.append((start, offset))
            if re.fullmatch(rf" {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*", stripped):
                fence, previous = None, "text"
            continue
        opening = FENCE.match(stripped)
        if opening:
            fence, previous = opening.group(1), "text"
            ranges.append((start, offset))
            continue
        if INDENTED.match(stripped) and previous in ("blank", "code"):
            ranges.append((start, offset))
            previous = "code"
            continue
        ranges += [(start + m.start(), start + m.end()) for m in CODE_SPAN.finditer(line)]
        in_list = previous in ("list", "list-blank")
        if not stripped.strip():
            previous = "list-blank" if in_list else "blank"
        elif LIST_ITEM.match(stripped) or (in_list and stripped[:1] in (" ", "\t")):
            previous = "list"
        else:
            previous = "text"
    return ranges


def demote_headings(markdown: str) -> str:
    """Headings one level down, outside code: the sections under hela-meddelandet's title.

    Both kinds Markdown knows: "# Rubrik" (also "#Rubrik") and a line underlined with === or
    ---, which becomes "## Rubrik" or "### Rubrik".
    """
    code = code_ranges(markdown)
    lines = markdown.splitlines(keepends=True)
    out: list[str] = []
    offset = 0
    for line in lines:
        inside = any(start <= offset < end for start, end in code)
        offset += len(line)
        underline = SETEXT.match(line)
        if not inside and underline and out and out[-1].strip() and not LIST_ITEM.match(out[-1]):
            level = 2 if underline.group(1)[0] == "=" else 3
            out[-1] = "#" * level + " " + out[-1].strip() + "\n"
            continue
        out.append("#" + line if not inside and ATX_HEADING.match(line) else line)
    return "".join(out)


def html_block(html: object) -> str:
    """Rendered HTML to put into Markdown: one block, no blank lines inside, blank lines around."""
    return "\n" + "\n".join(line for line in str(html).splitlines() if line.strip()) + "\n"


FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
INDENTED = re.compile(r"(?: {4}|\t)\S")
LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d+[.)])\s")
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
ATX_HEADING = re.compile(r"#{1,5}(?!#)")
SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
