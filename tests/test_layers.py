"""The notice package's layers: arrows point down, and nothing imports in a circle.

hooks/notice/ is read in layers (ARCHITECTURE.md): helpers that know no notice, the model's
types, reading and checking docs/, rendering, and the build in progress; the hook files and the
scripts are the glue above them all. Each module's imports are read from its source with ast,
every one of them: at the top, under ``if TYPE_CHECKING:`` and inside functions. A new module
of hooks/notice/ needs its line in LAYERS.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / "hooks"
NOTICE = HOOKS / "notice"
PUBLISHING = NOTICE / "publishing"
SCRIPTS = ROOT / "scripts"

FOUNDATION, MODEL, READING, RENDERING, BUILD, GLUE = range(6)
LAYER_NAMES = {
    FOUNDATION: "foundation (knows no notice type)",
    MODEL: "model (the types)",
    READING: "reading and checks",
    RENDERING: "rendering",
    BUILD: "the build in progress",
    GLUE: "glue (hooks, scripts)",
}
# Each module of hooks/notice/, by layer. A module may import its own layer and those below.
LAYERS = {
    **dict.fromkeys(
        [
            # Text, dates, addresses and settings, with no notice behind them.
            "allowlist",
            "archive",  # the archive's calendar: which version is in force
            "csp",
            "dates",
            "form",
            "gfm",
            "git",
            "languages",
            "lookalike",
            "readability",  # how easy a text is to read: LIX, Coleman–Liau
            "texts",
            "urls",
            "word_diff",
            # A file of docs/ as text, and Markdown as MkDocs renders it: what the model holds.
            "html",
            "sources",
            # The catalogue of shortcodes and the pages they live on: a table, no renderer.
            "shortcodes",
            # What publishing and the theme need, with no notice behind them.
            "manifest",
            "page_scripts",
            "stylesheet",
            "theme",
        ],
        FOUNDATION,
    ),
    "model": MODEL,
    **dict.fromkeys(["data", "reading", "checks", "gdpr"], READING),
    **dict.fromkeys(
        ["render", "changes", "history", "atom", "tilt", "archival", "translations"], RENDERING
    ),
    "build": BUILD,
}
# Every module that must import alone: notice's, and publishing's (the top layer, in notice).
ALONE = sorted([*LAYERS, *(f"publishing.{p.stem}" for p in PUBLISHING.glob("*.py"))])


# Reading the imports


def imports_of(source: str, importer: str, modules: set[str]) -> set[str]:
    """The modules of ``modules`` that ``source`` imports, wherever the import stands.

    ``importer`` is its own name ("notice.model", "hooks.versions", "scripts.review"): a bare
    ``import x`` is a sibling in its own folder (MkDocs puts a hook's folder on sys.path, and
    the scripts put theirs).
    """
    folder = importer.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        else:
            continue
        for name in names:
            for candidate in (name, f"{folder}.{name}"):
                if candidate in modules and candidate != importer:
                    found.add(candidate)
    return found


def the_modules() -> dict[str, Path]:
    """Every module the layers cover: notice.*, hooks.* and scripts.*, by name."""
    out = {f"notice.{p.stem}": p for p in NOTICE.glob("*.py") if p.stem != "__init__"}
    out |= {f"notice.publishing.{p.stem}": p for p in PUBLISHING.glob("*.py")}
    out |= {f"hooks.{p.stem}": p for p in HOOKS.glob("*.py")}
    out |= {f"scripts.{p.stem}": p for p in SCRIPTS.glob("*.py")}
    return out


def graph_of(modules: dict[str, Path]) -> dict[str, set[str]]:
    names = set(modules)
    return {
        name: imports_of(path.read_text(encoding="utf-8"), name, names)
        for name, path in modules.items()
    }


def layer_of(module: str) -> int:
    package, _, name = module.partition(".")
    if package == "notice" and not name.startswith("publishing."):
        return LAYERS[name]
    return GLUE  # the hooks, the scripts and publishing (notice.publishing), which they run


# The rules, on any graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each group of modules that import one another in a circle (Tarjan's strongly connected
    components of two or more, or one that imports itself), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                out.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(out)


def upward(graph: dict[str, set[str]], layer: dict[str, int]) -> list[str]:
    """Each import from a lower layer to a higher one, as a sentence naming both layers."""
    return [
        f"{source} ({LAYER_NAMES[layer[source]]}) imports {target} "
        f"({LAYER_NAMES[layer[target]]}), a layer above it"
        for source in sorted(graph)
        for target in sorted(graph[source])
        if layer[target] > layer[source]
    ]


# The package as it is


def test_every_module_of_the_notice_package_has_a_layer() -> None:
    missing = sorted(p.stem for p in NOTICE.glob("*.py") if p.stem not in {*LAYERS, "__init__"})
    assert missing == [], f"give each a layer in tests/test_layers.py, LAYERS: {missing}"
    gone = sorted(name for name in LAYERS if not (NOTICE / f"{name}.py").is_file())
    assert gone == [], f"no such module in hooks/notice/: {gone}"


def test_no_module_imports_in_a_circle() -> None:
    found = cycles(graph_of(the_modules()))
    assert not found, "modules that import one another in a circle:\n" + "\n".join(
        ", ".join(group) for group in found
    )


def test_every_import_points_down_the_layers() -> None:
    graph = graph_of(the_modules())
    found = upward(graph, {name: layer_of(name) for name in graph})
    assert not found, "\n".join(found)


# The rules catch what they are for


def test_an_import_against_the_layers_is_named_with_both_layers() -> None:
    graph = graph_of(the_modules())
    graph["notice.model"] = graph["notice.model"] | {"notice.render"}
    assert upward(graph, {name: layer_of(name) for name in graph}) == [
        "notice.model (model (the types)) imports notice.render (rendering), a layer above it"
    ]


def test_a_circle_is_found_and_named() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert cycles(graph) == [["a", "b", "c"], ["e"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize(
    "source",
    [
        "from notice import render",
        "from notice.render import Context",
        "import notice.render",
        "import typing\nif typing.TYPE_CHECKING:\n    from notice.render import Context",
        "def later():\n    from notice import render\n    return render",
    ],
    ids=["from-package", "from-module", "import", "type-checking", "in-a-function"],
)
def test_every_kind_of_import_is_read(source: str) -> None:
    modules = {"notice.model", "notice.render"}
    graph = {"notice.model": imports_of(source, "notice.model", modules), "notice.render": set()}
    assert graph["notice.model"] == {"notice.render"}
    assert upward(graph, {"notice.model": MODEL, "notice.render": RENDERING})


def test_a_bare_import_is_a_sibling_in_the_same_folder() -> None:
    modules = {"scripts.publish", "scripts.review", "hooks.shortcodes", "notice.shortcodes"}
    found = imports_of("import publish\nfrom notice import shortcodes", "scripts.review", modules)
    assert found == {"scripts.publish", "notice.shortcodes"}


# Each module imports alone, in a fresh interpreter


@pytest.fixture(scope="module")
def imported_alone(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, subprocess.CompletedProcess]:
    """Every notice module imported in an interpreter of its own, all at once: a module that
    only works after another was imported fails here."""
    env = {**os.environ, "PYTHONPATH": str(HOOKS)}
    running = {
        name: subprocess.Popen(
            [sys.executable, "-c", f"import notice.{name}"],
            cwd=tmp_path_factory.mktemp("alone"),  # not the project: nothing here builds
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ALONE
    }
    out = {}
    for name, process in running.items():
        stdout, stderr = process.communicate(timeout=120)
        out[name] = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    return out


@pytest.mark.parametrize("module", ALONE)
def test_each_module_imports_alone(
    module: str, imported_alone: dict[str, subprocess.CompletedProcess]
) -> None:
    result = imported_alone[module]
    assert result.returncode == 0, result.stderr
