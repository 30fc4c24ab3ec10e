"""Reading docs/: every file once, strictly, into text the model and MkDocs share.

A page's text is decoded here (UTF-8, with or without a byte order mark, newlines made "\\n")
and handed to MkDocs as the page's content, so that what the model checks is exactly what
MkDocs renders. Problems are messages for the editors, in Swedish.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Source:
    """One Markdown file of docs/, as read."""

    path: str  # relative to docs/, with "/" separators
    locale: str
    text: str  # the whole file as MkDocs gets it: decoded, no BOM, "\n" newlines
    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""  # the Markdown after the front matter
    body_line: int = 1  # the line of the file where the body starts
    has_front_matter: bool = False
    readable: bool = True  # False when the file or its front matter could not be read

    @property
    def base(self) -> str:
        """The page's file name in the default language, as links and the menu name it."""
        return base_path(self.path)

    @functools.cached_property
    def lowered(self) -> str:
        """The text in lower case, once: messages find where what they quote stands."""
        return self.text.lower()


def read_tree(docs_dir: Path) -> tuple[dict[str, bytes], list[str]]:
    """The pages and data files under docs_dir, {path: bytes}, and what is wrong with any file.

    Only regular files are taken, each by itself (FILES): folders and files whose names start
    with a dot are skipped, as MkDocs skips them; a link of either kind (symbolic, or a hard
    link, which makes the same file another path's too), a named pipe, a socket or a device is
    refused at once, never opened (a pipe would hang the build). Pages and data files are read
    (within their size, SIZES); images and documents are not read but for their first bytes,
    which must say they are what the name says (their bytes are empty here): MkDocs copies them,
    so only known kinds are allowed.
    """
    files: dict[str, bytes] = {}
    problems: list[str] = []
    folders = [(docs_dir, "")]
    while folders:
        folder, prefix = folders.pop()
        with os.scandir(folder) as listing:  # folders first, then files, as os.walk gives them
            entries = sorted(listing, key=lambda entry: (not entry.is_dir(), entry.name))
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = prefix + entry.name
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISLNK(info.st_mode):
                problems.append(symlink_problem(rel + ("/" if entry.is_dir() else "")))
            elif stat.S_ISDIR(info.st_mode):
                if FOLDER_NAME.fullmatch(entry.name):
                    subfolders.append((Path(entry.path), rel + "/"))
                else:
                    problems.append(name_problem(rel + "/", entry.name))
            elif not stat.S_ISREG(info.st_mode):
                problems.append(special_problem(rel, info.st_mode))
            elif info.st_nlink > 1:
                problems.append(hard_link_problem(rel))
            elif not FILE_NAME.fullmatch(entry.name):
                # Not read as a page: its translation is reported missing instead.
                problems.append(name_problem(rel, entry.name))
            else:
                problem = read_file(Path(entry.path), rel, info.st_size, files)
                if problem:
                    problems.append(problem)
        folders += reversed(subfolders)  # the first one next: depth first, in order
    return dict(sorted(files.items())), problems


def read_file(path: Path, rel: str, size: int, files: dict[str, bytes]) -> str | None:
    """A regular file of docs/ into ``files``; what is wrong with it, or None."""
    extension = rel.rsplit(".", 1)[-1]
    if extension not in READ and extension not in PUBLISHED:
        return kind_problem(rel, extension)
    limit = SIZES[extension]
    if size > limit:
        return (
            f"docs/{rel} är {weight(size)}, och en fil av typen .{extension} får vara "
            f"högst {weight(limit)}. {SIZE_FIX[extension]}"
        )
    if extension in READ:
        files[rel] = path.read_bytes()
        return None
    with path.open("rb") as file:
        start = file.read(16)
    if not any(
        start.startswith(magic) and start[8:].startswith(rest) for magic, rest in MAGIC[extension]
    ):
        return (
            f"docs/{rel}: filen är inte en {extension.upper()}-fil, fast namnet säger det (dess "
            "första byte säger något annat). Spara den på nytt som "
            f"{extension.upper()} i ett bildprogram, eller ge den rätt namn."
        )
    files[rel] = b""
    return None


def decode(path: str, data: bytes, problems: list[str]) -> str | None:
    """UTF-8 with or without a byte order mark, as MkDocs reads it; None if it is not UTF-8, or
    holds what is not text (reported)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(
            f"docs/{path}, rad {line}: filen är inte sparad som UTF-8, så tecken som å, ä och ö "
            "går inte att läsa. Öppna filen i din textredigerare och spara den med kodningen "
            "UTF-8 (i Anteckningar: Arkiv > Spara som, Kodning: UTF-8)."
        )
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    not_text = text_problems(path, text)
    problems += not_text
    return None if not_text else text  # read no further: what it says is not what it shows


def markdown_shape_problem(path: str, text: str) -> str | None:
    """What makes Markdown's work on a page unbounded, found in one scan before it renders: in
    a paragraph (text between blank lines), more than MAX_OPEN_BRACKETS "[" open at once, never
    closed or inside one another (Python-Markdown looks for each one's "]" to the end of the
    paragraph: ten thousand take minutes). A link is "[text](address)": one at a time."""
    depth, line = 0, 1
    for match in BRACKET_TOKEN.finditer(text):
        token = match.group()
        if token[0] == "\\":
            continue  # an escaped bracket is text
        if token == "[":
            depth += 1
            if depth > MAX_OPEN_BRACKETS:
                line = text.count("\n", 0, match.start()) + 1
                return (
                    f"docs/{path}, rad {line}: fler än {MAX_OPEN_BRACKETS} hakparenteser [ är "
                    "öppna på en gång i samma stycke. En länk skrivs [text](adress): stäng varje "
                    "[ med ], eller ta bort de [ som inte behövs."
                )
        elif token == "]":
            depth = max(depth - 1, 0)
        else:
            depth = 0  # a blank line ends the paragraph
    return None


def markdown_total_problem(files: dict[str, bytes]) -> str | None:
    """All pages together within MARKDOWN_TOTAL: each page costs Markdown's work twice in a
    build (the checks, then MkDocs), so the sum bounds the build's time as SIZES bounds a page."""
    total = sum(len(content) for path, content in files.items() if path.endswith(".md"))
    if total <= MARKDOWN_TOTAL:
        return None
    return (
        f"docs/: sidorna (.md) är tillsammans {weight(total)} och får vara högst "
        f"{weight(MARKDOWN_TOTAL)}. Kontrollera att inga sidor eller kopior har hamnat i "
        "docs/ av misstag, och dela annars upp meddelandet i färre, kortare avsnitt."
    )


def too_deep(path: str) -> str:
    """The page nests deeper than Python-Markdown can follow (it recursed to Python's limit)."""
    return (
        f"docs/{path}: texten ligger i för många nivåer inuti varandra för att kunna visas "
        "(listor i listor, citat i citat, eller * och _ inuti varandra). Skriv den enklare: "
        "högst några nivåer."
    )


def text_problems(path: str, text: str) -> list[str]:
    """Characters that are not text (NOT_TEXT): they hide what a page says, or make two names
    look alike, and none has a place in a notice. At most TEXT_PROBLEMS_SHOWN per file, then
    how many more: a scan or two of the text, whatever its size."""
    found = NOT_TEXT.search(text)
    if found is None:
        return []
    out = []
    for match in itertools.islice(NOT_TEXT.finditer(text, found.start()), TEXT_PROBLEMS_SHOWN):
        at = match.start()
        line = text.count("\n", 0, at) + 1
        column = at - text.rfind("\n", 0, at)
        out.append(
            f"docs/{path}, rad {line}, kolumn {column}: tecknet {describe(text[at])} syns inte "
            "men ändrar hur texten visas eller läses. Ta bort det (det följer ofta med när text "
            "klistras in från ett annat program)."
        )
    more = len(NOT_TEXT.findall(text, found.start())) - len(out)
    if more > 0:
        out.append(f"docs/{path}: och {more} tecken till av samma slag. Ta bort dem också.")
    return out


def describe(char: str) -> str:
    """ "U+202E (RIGHT-TO-LEFT OVERRIDE)": a character that does not show, named; a control
    Unicode does not name, by what it is; one that has no name at all (reserved, private use,
    a noncharacter) by its code point alone."""
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "") or CONTROL_NAMES.get(char, "")
    if not name and unicodedata.category(char) == "Cc":
        name = "kontrolltecken"
    return f"{code} ({name})" if name else code


def read_page(path: str, text: str, languages: list[str], problems: list[str]) -> Source:
    """Split off and parse a page's front matter, reporting what MkDocs would silently ignore.

    MkDocs reads front matter only from the very first line and ignores it when it is not valid
    YAML: the page would then render without it. Here both are errors.
    """
    locale = locale_of(path, languages)
    where = f"docs/{path}"
    if not text.strip():
        problems.append(
            f"{where}: filen är tom. Skriv sidans text, eller ta bort sidan på alla språk."
        )
        return Source(path, locale, text, readable=False)
    if not FRONT_MATTER_START.match(text):
        stripped = text.lstrip()
        if FRONT_MATTER_START.match(stripped):
            line = text[: len(text) - len(stripped)].count("\n") + 1
            problems.append(
                f"{where}, rad {line}: inställningarna överst i filen (front matter) måste börja "
                "på rad 1. Ta bort de tomma raderna före första ---."
            )
            return Source(path, locale, text, readable=False)
        return Source(path, locale, text, body=text)
    match = FRONT_MATTER.match(text)
    if not match:
        problems.append(
            f"{where}, rad 1: front matter (inställningarna överst i filen) avslutas inte. "
            "Lägg till en rad med bara --- efter inställningarna."
        )
        return Source(path, locale, text, readable=False)
    meta = load_yaml(match.group(1), where, 2, problems, FRONT_MATTER_FIX)
    if meta is None:
        return Source(path, locale, text, readable=False)
    if meta == "":
        meta = {}
    if not isinstance(meta, dict):
        problems.append(
            f"{where}, rad 2: front matter ska vara en lista av 'nyckel: värde'-rader, "
            "till exempel 'section: collection'."
        )
        return Source(path, locale, text, readable=False)
    body_line = text.count("\n", 0, match.end()) + 1
    return Source(path, locale, text, meta, text[match.end() :], body_line, True)


def load_yaml(text: str, where: str, first_line: int, problems: list[str], fix: str) -> Any:
    """YAML as the editors' files need it: every scalar stays text, a key twice is an error.

    ``first_line``: the file's line number of the text's first line (2 for front matter, which
    starts after the first ---). ``fix``: what to tell the editor when the parser's problem is
    none of the common ones (YAML_PROBLEMS).
    Returns None (after reporting) when the text cannot be read; "" when it is empty.
    """
    shape = yaml_shape_problem(text, where, first_line)
    if shape:
        problems.append(shape)
        return None
    try:
        data = yaml.load(text, Loader=StrictLoader)
    except DuplicateKey as error:
        line = error.mark.line + first_line
        problems.append(
            f"{where}, rad {line}: nyckeln {error.key} står två gånger. Ta bort den ena, så att "
            "det inte är oklart vilken som gäller."
        )
        return None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f", rad {mark.line + first_line}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        problems.append(f"{where}{line}: {KIND[where.endswith('.md')]}. {explain(problem, fix)}")
        return None
    return "" if data is None else data


def yaml_shape_problem(text: str, where: str, first_line: int) -> str | None:
    """What the editors' files never need and what makes YAML's work unbounded, found in one
    scan of its tokens before anything is built: anchors and aliases (eight lines of them
    expand to gigabytes), tags, and nesting deeper than MAX_NESTING. None when there is none,
    or when the text cannot be read (yaml.load says why)."""
    depth = 0
    try:
        for token in yaml.scan(text, Loader=SCANNER):
            kind = type(token)
            line = token.start_mark.line + first_line
            if kind is yaml.ScalarToken and NOT_TEXT.search(token.value):
                hidden = NOT_TEXT.search(token.value).group()
                return (
                    f"{where}, rad {line}: texten har tecknet {describe(hidden)}, skrivet som en "
                    "kod (som \\u202e eller \\x00). Det syns inte men ändrar hur texten visas "
                    "eller läses: ta bort koden."
                )
            if kind in (yaml.AliasToken, yaml.AnchorToken, yaml.TagToken):
                return (
                    f"{where}, rad {line}: & och * (ankare och alias) och ! (taggar) används inte "
                    "i de här filerna. Skriv ut värdet där det behövs, och sätt text som börjar "
                    'med &, * eller ! inom citattecken ("...").'
                )
            if kind in OPENING:
                depth += 1
                if depth > MAX_NESTING:
                    return (
                        f"{where}, rad {line}: värdena ligger i fler än {MAX_NESTING} nivåer inuti "
                        "varandra. Filerna har högst tre nivåer: kontrollera indragen och "
                        "hakparenteserna."
                    )
            elif kind in CLOSING:
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


SCANNER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
OPENING = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
CLOSING = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
MAX_NESTING = 8
MAX_OPEN_BRACKETS = 3
BRACKET_TOKEN = re.compile(r"\\[\\\[\]]|\[|\]|\n[ \t]*\n")


class DuplicateKey(yaml.YAMLError):
    def __init__(self, key: str, mark: yaml.Mark) -> None:
        super().__init__(f"duplicate key {key}")
        self.key, self.mark = key, mark


class StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A SafeLoader (libyaml's where PyYAML has it) that keeps numbers, dates and yes/no as text
    and refuses duplicate keys.

    Editors write GDPR codes such as 13.3 and dates such as 2026-12-01: as text they are checked
    exactly as written (14.40 is not 14.4). PyYAML would otherwise keep the last of two equal
    keys without a word.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str | type(None)):
                raise yaml.constructor.ConstructorError(
                    None, None, "found a key that is not text", key_node.start_mark
                )
            if key in seen:
                raise DuplicateKey(str(key), key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


StrictLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in {f"tag:yaml.org,2002:{t}" for t in ("bool", "int", "float", "timestamp")}
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def explain(problem: str, fix: str) -> str:
    """The YAML parser's problem in words an editor acts on; ``fix`` when it is another one."""
    for pattern, explanation in YAML_PROBLEMS:
        if re.search(pattern, problem):
            return explanation
    return fix


def locale_of(path: str, languages: list[str]) -> str:
    """``page.en.md`` is English; a file without a language suffix is in the default language."""
    parts = path.rsplit("/", 1)[-1].split(".")
    if len(parts) >= 3 and parts[-2] in languages[1:]:
        return parts[-2]
    return languages[0]


def base_path(path: str) -> str:
    """``insamling.en.md`` -> ``insamling.md``: the file name links and the menu use."""
    return LOCALE_SUFFIX.sub(".md", path)


def translation_path(path: str, locale: str, default: str) -> str:
    base = base_path(path)
    return base if locale == default else base[: -len(".md")] + f".{locale}.md"


def symlink_problem(path: str) -> str:
    return (
        f"docs/{path} är en genväg (symbolisk länk) till något utanför docs/. Genvägar "
        "publiceras inte: ta bort genvägen och lägg in en riktig kopia av filen i docs/."
    )


def kind_problem(path: str, extension: str) -> str:
    kinds = ", ".join(f".{e}" for e in sorted(PUBLISHED))
    return (
        f"docs/{path}: filer av typen .{extension} hör inte hemma i docs/, och allt där "
        f"publiceras. Här ligger sidor (.md), datafiler (.yml) och bilder eller dokument "
        f"({kinds}): flytta filen någon annanstans."
    )


def weight(size: int) -> str:
    """A size written the Swedish way, never less than it is: "101 kB", "1,05 MB", "2 MB"."""
    if size < MEGABYTE:
        return f"{-(-size // KILOBYTE)} kB"
    number = f"{-(-size * 100 // MEGABYTE) / 100:.2f}".rstrip("0").rstrip(".")
    return f"{number.replace('.', ',')} MB"


def special_problem(path: str, mode: int) -> str:
    kind = (
        "en namngiven pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "en socket"
        if stat.S_ISSOCK(mode)
        else "en enhetsfil"
    )
    return (
        f"docs/{path} är {kind}, inte en vanlig fil. Ta bort den: i docs/ ligger bara sidor, "
        "datafiler, bilder och dokument."
    )


def hard_link_problem(path: str) -> str:
    return (
        f"docs/{path} är en hård länk: samma fil finns också någon annanstans på datorn, och "
        "det som publiceras kunde ändras därifrån. Lägg in en egen kopia av filen i docs/ i "
        "stället."
    )


def name_problem(path: str, name: str) -> str:
    return (
        f"docs/{path}: namnet '{name}' får bara innehålla små bokstäver a–z, siffror och "
        "bindestreck (inte å, ä, ö, stora bokstäver eller mellanslag), eftersom det blir en del "
        f"av webbadressen. Byt namn, till exempel till '{suggest_name(name)}'."
    )


def suggest_name(name: str) -> str:
    stem, *suffixes = name.split(".")
    ascii_ = unicodedata.normalize("NFKD", stem.lower()).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-") or "sida"
    # Keep a language suffix (".en") and the file's own extension, nothing else.
    suffixes = [s.lower() for s in suffixes if re.fullmatch(r"[A-Za-z0-9]+", s)]
    kept = suffixes[-2:] if len(suffixes) >= 2 and len(suffixes[-2]) == 2 else suffixes[-1:]
    return ".".join([slug, *kept])


# What is not text: the controls (category Cc) but tab and newline; the format characters
# (Cf: bidi controls, zero-width characters, tags...) as Unicode 14 (Python 3.11) lists them;
# the rest of Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt), which text
# renderers may draw as nothing: the combining grapheme joiner, the Hangul fillers, the Khmer
# inherent vowels, the variation selectors and the code points Unicode keeps for more of them
# (U+2065, U+FFF0-U+FFF8, U+E0000-U+E0FFF); private use (Co); and the noncharacters. All but
# the soft hyphen, which Swedish typography uses. Written out, so that no build pays to work
# them out.
NOT_TEXT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u034f"
    "\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5"
    "\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff"
    "\uffa0\ufff0-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
    "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
    "\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
TEXT_PROBLEMS_SHOWN = 5
CONTROL_NAMES = {"\x00": "NULL", "\x1b": "ESCAPE", "\x7f": "DELETE"}
FRONT_MATTER_START = re.compile(r"\A---[ \t]*\n")
# mkdocs.utils.meta.YAML_RE: exactly what MkDocs reads as front matter.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
LOCALE_SUFFIX = re.compile(r"\.[a-z]{2}\.md$")
FILE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*(?:\.[a-z]{2})?\.[a-z0-9]+")
FOLDER_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
KIND = {
    True: "inställningarna överst i filen (front matter) går inte att läsa",
    False: "filen går inte att läsa",
}
FRONT_MATTER_FIX = (
    "Skriv varje inställning som 'nyckel: värde' på en egen rad, och sätt texten inom raka "
    'citattecken ("...") om den innehåller kolon (:) eller börjar med ett specialtecken.'
)
# What the YAML parser (libyaml or PyYAML) says, and what it means for an editor.
YAML_PROBLEMS = [
    (
        r"mapping values are not allowed",
        "En text innehåller ett kolon följt av mellanslag. Sätt hela texten inom raka "
        'citattecken ("..."), inte typografiska (”...”).',
    ),
    (r"tab|\t", "Raden är indragen med tabb. Dra in raden med mellanslag i stället."),
    (
        r"could not find expected ':'",
        "En rad saknar kolon efter nyckeln. Skriv varje inställning som 'nyckel: värde'.",
    ),
    (
        r"end of the stream|quoted scalar|found unexpected end",
        "Ett citattecken avslutas aldrig. Avsluta texten med samma citattecken som den börjar med.",
    ),
    (
        r"key that is not text|unhashable",
        "En nyckel står inom hakparenteser eller är en lista. Skriv nyckeln som ett ord "
        "följt av kolon, till exempel 'gdpr: [13.2.a]'.",
    ),
]
# Read by the model; published as they are (MkDocs copies them); anything else is refused.
READ = {"md", "yml"}
PUBLISHED = {"png", "jpg", "jpeg", "gif", "webp", "pdf"}
# What each kind of file may weigh: far more than a privacy notice needs (today's whole notice
# is 30 kB), little enough that no build slows down for it (ARCHITECTURE.md, "Files and sizes").
KILOBYTE = 1024
MEGABYTE = 1024 * KILOBYTE
# Ten times SEOM's notice (19 kB in both languages): what keeps a build of the densest
# Markdown within the 10 s budget of scripts/benchmark_hostile.py on 2 cores.
MARKDOWN_TOTAL = 200 * KILOBYTE
SIZES = {
    "md": 100 * KILOBYTE,  # a page; all pages together: MARKDOWN_TOTAL
    "yml": 250 * KILOBYTE,
    **{kind: 2 * MEGABYTE for kind in ("png", "jpg", "jpeg", "gif", "webp")},
    "pdf": 10 * MEGABYTE,
}
SIZE_FIX = {
    "md": "Dela upp texten på flera sidor.",
    "yml": "Datafilerna är korta listor: kontrollera att rätt fil har sparats här.",
    **{
        kind: "Spara bilden mindre (lägre upplösning) i ett bildprogram."
        for kind in ("png", "jpg", "jpeg", "gif", "webp")
    },
    "pdf": "Spara dokumentet mindre, eller länka till det på SEOM:s webbplats i stället.",
}
# Each kind's first bytes (its format's signature), and what follows from byte 8 (WebP's
# RIFF container names its format there).
MAGIC = {
    "png": [(b"\x89PNG\r\n\x1a\n", b"")],
    "jpg": [(b"\xff\xd8\xff", b"")],
    "jpeg": [(b"\xff\xd8\xff", b"")],
    "gif": [(b"GIF87a", b""), (b"GIF89a", b"")],
    "webp": [(b"RIFF", b"WEBP")],
    "pdf": [(b"%PDF-", b"")],
}
