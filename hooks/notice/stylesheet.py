"""Material's stylesheet, trimmed to what the site can use (hooks/assets.py writes it).

Material's ``main.css`` styles every feature Material has: admonitions, tabs, code blocks,
tooltips, the tags plugin, right-to-left scripts, the blog. This site uses a few of them, and
every page waits for the whole stylesheet before it shows anything. What PurgeCSS does, with
tinycss2 parsing: a rule is kept when one of its selectors can match, that is when every class,
id, element name and attribute it requires appears in the built pages (their tags: names,
attributes, values) or, for what scripts add later (search results, the version selector, the
states of the menu), as a word in the site's scripts. Selectors inside ``:not()``, ``:is()``
and the like require nothing, so the test only ever keeps too much. Then custom properties
that nothing reads (``var(--…)``) are dropped, with them Material's icons for features not
used, and animations that no kept rule runs.

Parsing Material's stylesheet takes longer than the rest of the trimming: it is cached by the
stylesheet's content and this module's code, in the process (`make serve` rebuilds) and, as
JSON, in the project's ``.cache/`` folder (git ignores it), as Material's plugins cache there.
A cache that cannot be read is parsed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2

# What a page's tags say: element names, attribute names and the words of attribute values.
_TAG = re.compile(r"<([A-Za-z][\w-]*)([^>]*)>")
_ATTRIBUTE = re.compile(r"""([^\s=/"'>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
# Words in scripts: class names, attribute names and values, element names.
_WORD = re.compile(r"[A-Za-z_][\w-]*")
# Custom properties named anywhere (scripts set them; pages' style attributes read them).
_PROPERTY = re.compile(r"(?<![\w-])--[A-Za-z_][\w-]*")
_VAR = re.compile(r"var\(\s*(--[A-Za-z_][\w-]*)")
_ANIMATION = ("animation", "animation-name")


def html_words(html: str) -> set[str]:
    """The element names, attribute names and attribute values' words of a page's tags, and
    the custom properties it reads."""
    words = set()
    for name, attributes in _TAG.findall(html):
        words.add(name.lower())
        for attribute, *values in _ATTRIBUTE.findall(attributes):
            words.add(attribute.lower())
            for value in values:
                if value:
                    words.update(value.split())
                    words.add(value)  # [title="two words"]
    words.update(_VAR.findall(html))
    return words


def script_words(script: str) -> set[str]:
    """Every word of one of the site's own scripts, custom properties included: what it may add
    to a page. The site's scripts are short and name only what they use."""
    return set(_WORD.findall(script)) | set(_PROPERTY.findall(script))


# What Material's scripts create: elements, from its JSX (`x("div",{…})`, `x("del",null,…)`),
# createElement() and markup in strings ("<mark>", the search worker's highlighting).
_ELEMENT = re.compile(
    r"""\b[A-Za-z_$][\w$]{0,2}\(\s*["'`]([a-z][a-z0-9]*)["'`]\s*,\s*(?:null|\{)"""
    r"""|createElement\(\s*["'`]([a-z][a-z0-9]*)["'`]"""
    r"""|["'`]<([a-z][a-z0-9]*)[\s>/]"""
)
_BLOCK = re.compile(r"__|--")
# What Material's script or the browser sets that belongs to no component of the pages: the
# state of the document (js, no-js), its focus-visible polyfill, and the attributes of states
# (a <details> the reader opens, an element Material hides).
_STATES = frozenset({"js", "no-js", "focus-visible", "js-focus-visible"})
_STATES |= {"open", "hidden", "disabled", "checked", "selected"}


def material_script_words(script: str, page_words: set[str], components=()) -> set[str]:
    """What Material's script ``script`` can add to this site's pages: the elements it creates;
    ``data-`` and ``aria-`` attributes; classes of a component (BEM block, "md-nav" of
    "md-nav__link--active") that is on a page or named in ``components`` (those it builds from
    nothing, "md-version" for the version selector), and its custom properties.

    Material's script names every feature Material has (the words "table", "rtl", "tabbed");
    all of them would keep their styles. A feature needs a component on a page or a setting,
    so these are the ones its classes can belong to."""
    blocks = page_words | set(components)
    words = set(_STATES)
    words |= {next(filter(None, found)) for found in _ELEMENT.findall(script)}
    words |= set(_PROPERTY.findall(script))
    for word in set(_WORD.findall(script)):
        if "-" not in word and "_" not in word:  # not a class: "table", "rtl", "click"
            continue
        if word.startswith(("data-", "aria-")) or _BLOCK.split(word, 1)[0] in blocks:
            words.add(word)
    return words


def stylesheet_properties(css: str) -> set[str]:
    """The custom properties another stylesheet reads (the site's own)."""
    return set(_VAR.findall(css))


def trim(css: str, words: set[str], cache: Path | None = None) -> str:
    """Material's stylesheet ``css`` with only what pages made of ``words`` can use; ``cache``,
    a folder to keep its parse in between builds."""
    sheet = _parsed(css, cache)
    prefixes = tuple(w for w in words if w.endswith("-") and len(w) > 3)

    def present(word: str) -> bool:
        return word in words or (bool(prefixes) and word.startswith(prefixes))

    kept = _select(sheet.nodes, present)
    rules = list(_rules(kept))
    animations = set().union(*(rule.animations for rule, _ in rules))
    # Custom properties: read by a kept declaration, animation or at-rule (@page), a page, a
    # script or the site's stylesheet; a property's value can read others, so until nothing new
    # is read.
    read = {w for w in words if w.startswith("--")}
    for rule, _ in rules:
        read |= rule.reads
    for node in _others(kept):
        if not isinstance(node, _Keyframes) or node.name in animations:
            read |= set(_VAR.findall(node if isinstance(node, str) else node.text))
    declared = [d for rule, _ in rules for d in rule.properties]
    while True:
        more = set().union(*(d.reads for d in declared if d.name in read)) - read
        if not more:
            break
        read |= more
    out = [sheet.charset] if sheet.charset else []
    _write(kept, read, animations, out)
    return "".join(out)


# The parsed stylesheet


@dataclass
class _Declaration:
    name: str
    text: str
    reads: set[str]


@dataclass
class _Rule:
    selectors: list[tuple[str, frozenset[str]]]
    declarations: str  # those that are not custom properties, serialized
    properties: list[_Declaration]  # custom properties
    reads: set[str]  # custom properties the declarations (not properties) read
    animations: set[str]


@dataclass
class _Block:
    prelude: str  # "@media print"
    nodes: list = field(default_factory=list)


@dataclass
class _Keyframes:
    name: str
    text: str


@dataclass
class _Sheet:
    charset: str
    nodes: list


_cache: dict[str, _Sheet] = {}
_CODE = Path(__file__).read_bytes()
_PARSER = tinycss2.__version__.encode()


def _parsed(css: str, folder: Path | None = None) -> _Sheet:
    key = hashlib.sha256(css.encode("utf-8") + _CODE + _PARSER).hexdigest()[:20]
    if key not in _cache:
        file = folder / f"material-{key}.json" if folder else None
        sheet = _load(file) if file else None
        if sheet is None:
            statements = _statements(css)
            charset = ""
            if statements and statements[0][0].lower().startswith("@charset"):
                charset = statements.pop(0)[0] + ";"
            sheet = _Sheet(charset, _nodes(statements))
            if file:
                _save(sheet, file)
        _cache.clear()  # one stylesheet: a new one is a new Material
        _cache[key] = sheet
    return _cache[key]


def _load(file: Path) -> _Sheet | None:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        return _Sheet(data["charset"], [_from_json(node) for node in data["nodes"]])
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def _save(sheet: _Sheet, file: Path) -> None:
    data = {"charset": sheet.charset, "nodes": [_to_json(node) for node in sheet.nodes]}
    temporary = None
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        # Written whole, then moved into place: builds running side by side read all or none.
        with tempfile.NamedTemporaryFile(
            "w", dir=file.parent, prefix="material-", suffix=".tmp", delete=False
        ) as out:
            temporary = Path(out.name)
            json.dump(data, out)
        temporary.chmod(0o644)
        os.replace(temporary, file)
        for old in file.parent.glob("material-*"):  # of an earlier Material or code
            if old != file:
                old.unlink(missing_ok=True)
    except OSError:  # a read-only project builds as well, without the cache
        if temporary:
            temporary.unlink(missing_ok=True)


def _to_json(node) -> object:
    if isinstance(node, _Rule):
        return {
            "selectors": [[text, sorted(needs)] for text, needs in node.selectors],
            "declarations": node.declarations,
            "properties": [[d.name, d.text, sorted(d.reads)] for d in node.properties],
            "reads": sorted(node.reads),
            "animations": sorted(node.animations),
        }
    if isinstance(node, _Block):
        return {"block": node.prelude, "nodes": [_to_json(child) for child in node.nodes]}
    if isinstance(node, _Keyframes):
        return {"keyframes": node.name, "text": node.text}
    return node


def _from_json(data) -> object:
    if isinstance(data, str):
        return data
    if "block" in data:
        return _Block(data["block"], [_from_json(child) for child in data["nodes"]])
    if "keyframes" in data:
        return _Keyframes(data["keyframes"], data["text"])
    return _Rule(
        [(text, frozenset(needs)) for text, needs in data["selectors"]],
        data["declarations"],
        [_Declaration(name, text, set(reads)) for name, text, reads in data["properties"]],
        set(data["reads"]),
        set(data["animations"]),
    )


# Where a statement or block ends: braces and semicolons outside strings, comments and url().
_SYNTAX = re.compile(
    r"""[{};]|\\.|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|/\*.*?\*/|url\([^)"']*\)""",
    re.DOTALL,
)


def _statements(css: str) -> list[tuple[str, str | None]]:
    """The stylesheet's statements, in order: (prelude, content) for a rule or block,
    (statement, None) for an at-rule without a block (@charset).

    Only the outline: tinycss2 then parses what is read (selectors, declarations where
    needed). Tokenizing all of Material's stylesheet with tinycss2 took 90 ms of every build
    (a `make benchmark` ratio of 1.22 instead of 1.1); this takes 5. What it cannot read
    whole (a brace too many or too few) is an error, never a stylesheet cut short."""
    out, depth, start, prelude_end = [], 0, 0, 0
    for match in _SYNTAX.finditer(css):
        char = match.group()
        if char == "{":
            if depth == 0:
                prelude_end = match.start()
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                raise ValueError(f"a '}}' that closes nothing, at character {match.start()}")
            if depth == 0:
                out.append((_prelude(css[start:prelude_end]), css[prelude_end + 1 : match.start()]))
                start = match.end()
        elif char == ";" and depth == 0:
            out.append((_prelude(css[start : match.start()]), None))
            start = match.end()
    if depth:
        raise ValueError(f"a '{{' never closed, after character {prelude_end}")
    if _prelude(css[start:]):
        raise ValueError(f"text after the last rule, at character {start}")
    return out


def _prelude(text: str) -> str:
    """A prelude without its comments and surrounding white space."""
    if "/*" not in text:
        return text.strip()
    tokens = tinycss2.parse_component_value_list(text, skip_comments=True)
    return tinycss2.serialize(tokens).strip()


_BLOCKS = ("@media", "@supports", "@container", "@layer")
_CUSTOM = re.compile(r"(?:^|[;{])\s*--")


def _nodes(statements: list[tuple[str, str | None]]) -> list:
    nodes = []
    for prelude, content in statements:
        if content is None:
            nodes.append(prelude + ";")
        elif not prelude.startswith("@"):
            nodes.append(_rule(prelude, content))
        elif prelude.lower().startswith(_BLOCKS):
            nodes.append(_Block(prelude, _nodes(_statements(content))))
        elif "keyframes" in prelude.split(None, 1)[0].lower():
            nodes.append(_Keyframes(prelude.split(None, 1)[1].strip(), f"{prelude}{{{content}}}"))
        else:  # @page, @font-face, @property: kept as they are
            nodes.append(f"{prelude}{{{content}}}")
    return nodes


def _rule(prelude: str, content: str) -> _Rule:
    selectors = []
    for tokens in _split(tinycss2.parse_component_value_list(prelude, skip_comments=True)):
        text = tinycss2.serialize(tokens).strip()
        selectors.append((text, frozenset(_requires(tokens))))
    if not _CUSTOM.search(content) and "animation" not in content:
        # Nothing to take apart: the declarations as they are.
        return _Rule(selectors, content.strip().rstrip(";"), [], set(_VAR.findall(content)), set())
    plain, properties, reads, animations = [], [], set(), set()
    for item in tinycss2.parse_blocks_contents(content, skip_comments=True):
        if item.type in ("qualified-rule", "at-rule"):  # nested: kept as it is
            plain.append(tinycss2.serialize([item]).strip())
            continue
        if item.type != "declaration":
            continue
        value = tinycss2.serialize(item.value).strip()
        text = f"{item.name}:{value}{'!important' if item.important else ''}"
        used = set(_VAR.findall(value))
        if item.name.startswith("--"):
            properties.append(_Declaration(item.name, text, used))
            continue
        plain.append(text)
        reads |= used
        if item.lower_name in _ANIMATION:
            animations.update(_WORD.findall(value))
    return _Rule(selectors, ";".join(plain), properties, reads, animations)


def _split(prelude: list) -> list[list]:
    """A selector list's selectors."""
    selectors, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    selectors.append(current)
    return [s for s in selectors if any(t.type != "whitespace" for t in s)]


def _requires(tokens: list) -> set[str]:
    """The classes, ids, element names and attributes (with their values) a selector needs."""
    required = set()
    previous = ""  # the literal just before, "." or ":"
    for token in tokens:
        if token.type == "ident":
            if previous == ".":  # a class
                required.add(token.value)
            elif previous != ":":  # an element, not a pseudo-class or -element
                required.add(token.value.lower())
        elif token.type == "hash":
            required.add(token.value)
        elif token.type == "[] block":
            required |= _attribute(token.content)
        # function blocks (:not(), :is(), :nth-child() …) require nothing
        previous = token.value if token.type == "literal" else ""
    return required


def _attribute(content: list) -> set[str]:
    tokens = [t for t in content if t.type != "whitespace"]
    if not tokens or tokens[0].type != "ident":
        return set()
    required = {tokens[0].value.lower()}
    # [name=value] and [name~=value] need the value as a word; ^= $= *= |= need only the name.
    exact = len(tokens) >= 3 and tokens[1].type == "literal" and tokens[1].value in ("=", "~=")
    if exact and tokens[2].type in ("ident", "string"):
        required.add(tokens[2].value)
    return required


# Writing what is kept


def _select(nodes: list, present) -> list:
    """The nodes with only the selectors that can match; (rule, selectors) for rules."""
    kept = []
    for node in nodes:
        if isinstance(node, _Rule):
            selectors = [text for text, needs in node.selectors if all(map(present, needs))]
            if selectors:
                kept.append((node, selectors))
        elif isinstance(node, _Block):
            children = _select(node.nodes, present)
            if children:
                kept.append(_Block(node.prelude, children))
        else:
            kept.append(node)
    return kept


def _rules(kept: list):
    for node in kept:
        if isinstance(node, tuple):
            yield node
        elif isinstance(node, _Block):
            yield from _rules(node.nodes)


def _others(kept: list):
    """What is kept that is not a rule: keyframes and at-rules (@page, @font-face)."""
    for node in kept:
        if isinstance(node, _Block):
            yield from _others(node.nodes)
        elif not isinstance(node, tuple):
            yield node


def _write(kept: list, read: set[str], animations: set[str], out: list[str]) -> None:
    for node in kept:
        if isinstance(node, tuple):
            rule, selectors = node
            body = [d.text for d in rule.properties if d.name in read]
            if rule.declarations:
                body.append(rule.declarations)
            if body:
                out.append(f"{','.join(selectors)}{{{';'.join(body)}}}")
        elif isinstance(node, _Block):
            inner: list[str] = []
            _write(node.nodes, read, animations, inner)
            if inner:
                out.append(f"{node.prelude}{{{''.join(inner)}}}")
        elif isinstance(node, _Keyframes):
            if node.name in animations:
                out.append(node.text)
        else:
            out.append(node)
