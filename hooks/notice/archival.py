"""The archival copy of a published version: the whole notice as a PDF/A-2a file per language.

SEOM is a municipal company: each version of its notice is a public document that its archive
keeps, in a format made for keeping. `make publish` writes the copy into each new version's
folder (publishing/operations.py), next to its pages, and it never changes afterwards: a
later deploy of the same version copies the published file instead of making it again.
`make pdf` makes one from the working tree for a preview (scripts/archival.py).

- **What it holds.** The whole-notice page of the version, as the build rendered it from the
  model (``hela-meddelandet/``, the text readers read), without the site around it: a cover
  with the controller, the version, its date and the source commit, then the text. Links to
  the site become absolute addresses of the published version; links inside the text stay
  links inside the file.
- **The format.** WeasyPrint's ``pdf/a-2a`` variant: ISO 19005-2, level A (tagged, Unicode
  text, the language set), with every font embedded (subsets) and an sRGB output intent.
  WeasyPrint writes one variant at a time; PDF/UA-1 (ISO 14289-1) is declared beside it
  (``ua_identification()``), as LibreOffice and others do: its tags are the same ones level A
  needs, and the identification is described in the XMP's extension schema, as PDF/A requires
  of a property it does not predefine.
- **Checked before it is published** (``problems()``): pikepdf's PDF/A-2b validator (veraPDF's
  rules, an allowlist: it approves only what it knows to conform), then what level A and
  PDF/UA add and pikepdf does not check: a structure tree, marked content, the language, a
  title shown as the window's title, Unicode for every font, and the text of the page in the
  file. Nothing is fetched: fonts come from the system (fontconfig), nothing else is loaded.

Only HTML this engine built reaches it, and only an allowlist of its elements and attributes
is kept (``ELEMENTS``, ``ATTRIBUTES``), read with an HTML-standard parser (selectolax, Lexbor).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import ada_url
import jinja2
from markupsafe import Markup
from selectolax.lexbor import LexborHTMLParser, LexborNode

from notice import dates, shortcodes, urls

VARIANT = "pdf/a-2a"  # WeasyPrint's name
PART, LEVEL = "2", "A"  # what the XMP says: ISO 19005-2, level A
PAGE = urls.page_path(shortcodes.page("full"), directory_urls=True)  # the whole notice

# What of the page's article is kept (the rest is unwrapped: its text stays, the element goes).
ELEMENTS = {
    *(f"h{n}" for n in range(1, 7)),
    *("p", "ul", "ol", "li", "dl", "dt", "dd", "a", "strong", "em", "b", "i", "code", "br"),
    *("table", "thead", "tbody", "tr", "th", "td", "caption", "blockquote", "section", "div"),
    *("time", "abbr", "span", "sup", "sub", "pre", "hr"),
}
ATTRIBUTES = {"id", "href", "lang", "datetime", "colspan", "rowspan", "scope", "class", "title"}
# What is dropped with its content: never the text a reader reads on the page.
DROPPED = {"script", "style", "template", "noscript", "form", "button", "input", "select"}
DROPPED |= {"textarea", "svg", "math", "iframe", "object", "embed", "img", "picture", "video"}
DROPPED |= {"audio", "canvas", "map", "head", "title"}
# Site furniture inside the article: a heading's permalink, the page's own date line, the
# announcement of a later version (the copy never changes; what is announced does), and what
# a reader is not shown.
FURNITURE = ("a.headerlink", ".seom-effective", ".seom-announcement", ".md-content__button")
FURNITURE += ("[hidden]",)
SCHEMES = ("http", "https", "mailto", "tel")


@dataclass(frozen=True)
class Meta:
    """What the copy says about itself, on its cover and in its metadata."""

    locale: str
    title: str  # the site's name in the language: "Så skyddar vi dina personuppgifter"
    controller: str  # SEOM's name, as SEOM gave it (may be empty: then not shown)
    version: str  # "2027-03-01"
    commit: str  # the source commit it was published from (40 hex digits)
    committed: dt.datetime  # that commit's date: the file's creation date, so it is reproducible
    url: str  # the whole notice's address in the published version
    preview: bool = False  # `make pdf`: says on its cover that it is not the archival copy
    uncommitted: bool = False  # `make pdf` from a working tree with changes

    @property
    def effective(self) -> str:
        return dates.long_date(dt.date.fromisoformat(self.version), self.locale)


def file_name(version: str, words: Mapping[str, str]) -> str:
    """The copy's file name in a language: "integritetsmeddelande-2027-03-01.pdf"."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", version):
        raise ValueError(f"a version is a date (YYYY-MM-DD), not {version!r}")
    return f"{words['file']}-{version}.pdf"


def article(page_html: str, page_url: str) -> str:
    """The whole-notice page's text, as HTML for the copy: the article without the site's
    furniture, only ELEMENTS and ATTRIBUTES kept, links made absolute (``page_url``: where the
    page is published) except those to an anchor in the text itself."""
    tree = LexborHTMLParser(page_html)
    node = tree.css_first("article")
    if node is None:
        raise ValueError("the whole-notice page has no <article>")
    for selector in FURNITURE:
        for found in node.css(selector):
            found.decompose()
    ids = {n.attributes["id"] for n in node.css("[id]")}
    _clean(node, page_url, ids)
    return node.inner_html or ""


def _clean(node: LexborNode, page_url: str, ids: set[str]) -> None:
    for child in list(node.iter(include_text=True)):
        tag = child.tag
        if tag == "-text":
            continue
        if tag in DROPPED or (tag not in ELEMENTS and not child.child):
            child.decompose()  # also comments, and empty elements such as <img> and <iframe>
            continue
        _clean(child, page_url, ids)
        if tag not in ELEMENTS:
            child.unwrap()
            continue
        for name in list(child.attributes):
            if name not in ATTRIBUTES:
                del child.attrs[name]
        if tag == "a":
            href = _target(child.attributes.get("href"), page_url, ids)
            if href is None:
                child.unwrap()
            else:
                child.attrs["href"] = href


def _target(href: str | None, page_url: str, ids: set[str]) -> str | None:
    """Where a link of the copy goes: "#id" inside the text, else an absolute address with one
    of SCHEMES; None (the link's text stays, as text) for anything else."""
    if href is None:
        return None
    if href.startswith("#") and href[1:] in ids:
        return href
    try:
        url = ada_url.URL(href, page_url)
    except ValueError:
        return None
    if url.protocol.rstrip(":") not in SCHEMES:
        return None
    return url.href


def css_string(text: str) -> Markup:
    """``text`` as a CSS string, for a <style> element: every character but letters, digits
    and a few marks written as an escape, so nothing in it can end the string or the element."""
    safe = (c if c.isalnum() or c in " .,-" else f"\\{ord(c):x} " for c in text)
    return Markup('"' + "".join(safe) + '"')


@functools.cache
def _template() -> jinja2.Template:
    """archival.html, autoescaped, compiled when a copy is first made (never by a build)."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["css"] = css_string
    return env.from_string((Path(__file__).parent / "archival.html").read_text(encoding="utf-8"))


def document(text: str, meta: Meta, words: Mapping[str, str]) -> str:
    """The copy's HTML: cover, then ``text`` (article()'s HTML, already cleaned)."""
    tree = LexborHTMLParser(f"<body>{text}</body>")
    heading = tree.css_first("body > h1")
    heading_html = heading.html or "" if heading else ""
    if heading:
        heading.decompose()
    return _template().render(
        meta=meta,
        words=words,
        heading=Markup(heading_html),
        rest=Markup(tree.body.inner_html or "" if tree.body else ""),
        created=meta.committed.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        description=words["description"].format(
            version=meta.version, effective=meta.effective, commit=meta.commit
        ),
    )


def _no_fetching(url: str, *args, **kwargs):
    raise ValueError(f"the archival copy loads nothing: {url}")


def pdf(html: str) -> bytes:
    """``html`` as PDF/A-2a (finish())."""
    import weasyprint  # only publishing and `make pdf` need it: the build never loads it

    out = weasyprint.HTML(string=html, url_fetcher=_no_fetching).write_pdf(pdf_variant=VARIANT)
    return finish(out)


def finish(data: bytes) -> bytes:
    """WeasyPrint's PDF without the empty pattern and shading dictionaries it adds to every
    page's resources (nothing uses them; pikepdf's validator does not approve them). The rest
    is WeasyPrint's, saved again by pikepdf with a deterministic identifier."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as doc:
        for page in doc.pages:
            resources = page.obj.get("/Resources")
            for kind in ("/Pattern", "/Shading"):
                if resources is not None and kind in resources and not len(resources[kind]):
                    del resources[kind]
        out = io.BytesIO()
        doc.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.preserve)
    return out.getvalue()


def problems(data: bytes, meta: Meta, text_html: str) -> list[str]:
    """Why ``data`` is not the archival copy it should be ([] when it is), in English: a
    fault of the engine or a tool, which the publishing error explains to the editors.

    pikepdf's validator (veraPDF's rules, an allowlist) checks ISO 19005-2 at level B, which
    is all it knows: it reads a copy whose identification says B. What level A adds (ISO
    19005-2, 6.8: a structure tree, marked content, Unicode for every character) and the
    language, title and text are checked here.
    """
    import pikepdf
    import pikepdf.pdfa

    found = []
    with pikepdf.open(io.BytesIO(data)) as doc:
        xmp = doc.open_metadata()
        if (xmp.get("pdfaid:part"), xmp.get("pdfaid:conformance")) != (PART, LEVEL):
            found.append(f"the XMP does not identify PDF/A-{PART}{LEVEL.lower()}")
        if xmp.get("dc:title") != meta.title:
            found.append(f"the XMP's title is {xmp.get('dc:title')!r}, not {meta.title!r}")
        root = doc.Root
        language = str(root.get("/Lang", ""))
        if language != meta.locale:
            found.append(f"the document's language is {language!r}, not {meta.locale}")
        if not bool(root.get("/MarkInfo", {}).get("/Marked", False)):
            found.append("the document is not marked as tagged (MarkInfo)")
        tree = root.get("/StructTreeRoot")
        if tree is None or not len(tree.get("/K", [])):
            found.append("the document has no structure tree")
        if not bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)):
            found.append("the title is not shown as the window's title")
        for number, page in enumerate(doc.pages, 1):
            fonts = page.obj.get("/Resources", {}).get("/Font", {})
            for name, font in fonts.items():
                if "/ToUnicode" not in font:
                    found.append(f"font {name} on page {number} has no Unicode map")
        # Level B, as pikepdf knows it: the same file, identified as level B.
        if "/Metadata" in root:
            meta_stream = root.Metadata.read_bytes().replace(
                b'pdfaid:conformance="A"', b'pdfaid:conformance="B"'
            )
            root.Metadata.write(meta_stream)
        as_b = io.BytesIO()
        doc.save(as_b, object_stream_mode=pikepdf.ObjectStreamMode.preserve)
    report = pikepdf.pdfa.validate_written(io.BytesIO(as_b.getvalue()), "2b")
    found += [str(finding) for finding in report.findings]
    missing = _missing_text(data, text_html)
    if missing:
        found.append(f"the text of the page is not all in the file, from: {missing[0][:80]}")
    return found


def text_of(data: bytes) -> str:
    """The text a reader's viewer extracts from ``data``: PDFium's (pypdfium2), the engine
    Chromium shows PDFs with."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_bounded() for page in doc)
    finally:
        doc.close()


BLOCKS = {
    *(f"h{n}" for n in range(1, 7)),
    *("p", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td"),
    *("caption", "blockquote", "section", "div", "pre", "hr", "br"),
}


def runs(html: str) -> list[str]:
    """The text of ``html`` as a reader reads it, in runs that no block boundary interrupts
    (a paragraph, a list item's own text), whitespace removed: each must stand, whole and in
    this order, in the file's text."""
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = "".join("".join(current).split())
        if text:
            out.append(text)
        current.clear()

    def walk(node: LexborNode) -> None:
        for child in node.iter(include_text=True):
            if child.tag == "-text":
                current.append(child.text_content or "")
            elif child.tag in BLOCKS:
                flush()
                walk(child)
                flush()
            else:
                walk(child)

    body = LexborHTMLParser(f"<body>{html}</body>").body
    if body is not None:
        walk(body)
    flush()
    return out


# The address a link's text is followed by in the file (archival.html: a::after).
_ADDRESS = re.compile(r"\((?:https?|mailto|tel):[^()]*\)")


def _missing_text(data: bytes, html: str) -> list[str]:
    """The runs of ``html`` that the file's text lacks, from the first one missing or out of
    order ([] when all are there, in order: the file adds its cover, and links' addresses)."""
    text = _ADDRESS.sub("", "".join(text_of(data).split()))
    wanted = runs(html)
    position = 0
    for index, run in enumerate(wanted):
        found = text.find(run, position)
        if found < 0:
            return wanted[index:]
        position = found + len(run)
    return []
