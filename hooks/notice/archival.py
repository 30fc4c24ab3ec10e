"""The archival copy of a published version: the whole notice as a PDF/A-2a file per language.

SEOM is a municipal company: each version of its notice is a public document that its archive
keeps, in a format made for keeping. `make publish` writes the copy into each new version's
folder (publishing/copies.py), next to its pages, and it never changes afterwards: a later
deploy of the same version copies the published file instead of making it again (only
FORCE=1, a deliberate republication, makes it anew). The gate (scripts/review.py) makes and
checks it before a change is merged, and `make pdf` makes one for a preview
(scripts/archival.py).

- **What it holds.** The whole-notice page of the version, as the build rendered it from the
  model (``hela-meddelandet/``, the text readers read), without the site around it: a cover
  with the controller, the version, its date and the source commit, then the text. Links to
  the site become absolute addresses of the published version; links inside the text stay
  links inside the file.
- **The format.** WeasyPrint's ``pdf/a-2a`` variant: ISO 19005-2, level A (tagged, Unicode
  text, the language set), with every font embedded (subsets) and an sRGB output intent.
  Not also declared PDF/UA-1: WeasyPrint writes one variant per file, and nothing here could
  check the combination (ARCHITECTURE.md, "The archival copies").
- **Checked before it is published** (``problems()``): pikepdf's PDF/A-2b validator (veraPDF's
  rules, an allowlist: it approves only what it knows to conform), then what level A adds and
  pikepdf does not check: a structure tree, marked content, Unicode for every font; and the
  language, the title shown as the window's title, and the text of the page in the file.
  Nothing is fetched: fonts come from the system (fontconfig), nothing else is loaded.

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
    *("time", "abbr", "span", "sup", "sub", "pre", "hr", "details", "summary"),
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
FURNITURE += ("[hidden]", "[aria-hidden=true]")
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
    page is published) except those to an anchor that is in the copy."""
    tree = LexborHTMLParser(page_html)
    node = tree.css_first("article")
    if node is None:
        raise ValueError("the whole-notice page has no <article>")
    for selector in FURNITURE:
        for found in node.css(selector):
            found.decompose()
    _clean(node)
    ids = {n.attributes["id"] for n in node.css("[id]")}
    for link in node.css("a"):
        href = _target(link.attributes.get("href"), page_url, ids)
        if href is None:
            link.unwrap(delete_empty=True)
        else:
            link.attrs["href"] = href
    return node.inner_html or ""


def _clean(node: LexborNode) -> None:
    for child in list(node.iter(include_text=True)):
        tag = child.tag
        if tag == "-text":
            continue
        if tag == "img" and (child.attributes.get("alt") or "").strip():
            child.replace_with(child.attributes["alt"])  # what the page says in its place
            continue
        if tag in DROPPED or (tag not in ELEMENTS and not child.child):
            child.decompose()  # also comments, and empty elements such as <iframe>
            continue
        _clean(child)
        if tag not in ELEMENTS:
            child.unwrap()
            continue
        for name in list(child.attributes):
            if name not in ATTRIBUTES:
                del child.attrs[name]


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
        description=description(meta, words),
    )


def description(meta: Meta, words: Mapping[str, str]) -> str:
    """What the metadata says of the copy: its version, date and commit; a preview says so."""
    text = words["description"].format(
        version=meta.version, effective=meta.effective, commit=meta.commit
    )
    if meta.uncommitted:
        text = f"{text[:-1]} {words['uncommitted']}."
    return f"{words['description_preview']} {text}" if meta.preview else text


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


# The page's bottom margin (archival.html, @page), where its foot is: not the text.
FOOT = 24 / 25.4 * 72  # 24 mm in points


def text_of(data: bytes, *, without_feet: bool = False) -> str:
    """The text a reader's viewer extracts from ``data``: PDFium's (pypdfium2), the engine
    Chromium shows PDFs with. ``without_feet``: each page's text above its foot, so that a
    paragraph that runs onto the next page reads on without the foot between."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(
            page.get_textpage().get_text_bounded(bottom=FOOT if without_feet else None)
            for page in doc
        )
    finally:
        doc.close()


BLOCKS = {
    *(f"h{n}" for n in range(1, 7)),
    *("p", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td"),
    *("caption", "blockquote", "section", "div", "pre", "hr", "br", "details", "summary"),
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


# A soft hyphen is where a word may break; where it does, the file shows a hyphen (U+2010).
BREAKS = str.maketrans("", "", "\u00ad\u2010")


def _missing_text(data: bytes, html: str) -> list[str]:
    """The runs of ``html`` that the file's text lacks ([] when every one is there: the file
    adds its cover, and the address of each link to the web after its text, archival.html's
    a::after). A run may be cut where the layout puts something else in the file's text
    order (the next cell of a table row that a page break splits): it is found in pieces,
    in order, none shorter than PIECE unless it is the run's last."""
    text = "".join(text_of(data, without_feet=True).split()).translate(BREAKS)
    body = LexborHTMLParser(f"<body>{html}</body>").body
    for link in body.css("a[href^=http]") if body else []:
        text = text.replace("(" + "".join(link.attributes["href"].split()) + ")", "")
    return [run for run in (run.translate(BREAKS) for run in runs(html)) if not _found(run, text)]


PIECE = 24


def _found(run: str, text: str) -> bool:
    """Whether ``run`` is in ``text``: whole, or in pieces one after the other."""
    if run in text:
        return True
    position, rest = 0, run
    while rest:
        start = text.find(rest[:PIECE], position)
        if start < 0:
            return False
        length = min(PIECE, len(rest))
        while length < len(rest) and start + length < len(text):
            if text[start + length] != rest[length]:
                break
            length += 1
        position, rest = start + length, rest[length:]
    return True


_NOTDEF = re.compile(r"at obj (\d+) (\d+) \(Font\): codes select the \.notdef glyph: ([\d, ]+)")
_BFCHARS = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_PAIR = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")


def without_glyphs(data: bytes, found: list[str]) -> list[str]:
    """The characters the file draws with the empty glyph (.notdef), which ``found`` (the
    validator's findings) names by font and code: what the font lacks, read from the font's
    Unicode map, in order."""
    import pikepdf

    characters = set()
    with pikepdf.open(io.BytesIO(data)) as doc:
        for finding in found:
            match = _NOTDEF.search(finding)
            if match is None:
                continue
            font = doc.get_object(int(match[1]), int(match[2]))
            unicode_map = font.get("/ToUnicode") if isinstance(font, pikepdf.Dictionary) else None
            if unicode_map is None:
                continue
            table = {
                int(code, 16): bytes.fromhex(target.decode()).decode("utf-16-be", "replace")
                for block in _BFCHARS.findall(unicode_map.read_bytes())
                for code, target in _PAIR.findall(block)
            }
            characters |= {table[int(c)] for c in match[3].split(",") if int(c) in table}
    return sorted(characters)
