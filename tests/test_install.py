"""Building installs only what building needs; the test tools come with `make test`.

Editors run `make build` and `make serve`: they install requirements.txt only, not what
publishing adds for the archival copies (requirements-publish.txt: WeasyPrint, pikepdf), which
`make publish` and `make pdf` add, nor pytest, Playwright and the rest (requirements-test.txt),
which `make test` adds on top of both. Checked without
installing anything: the requirement files as pip reads them, and what make would run
(`make --dry-run` into a venv that does not exist, so every install step shows). A real first
`make build` in a fresh venv takes half a minute to a minute and needs the package index: it
is measured by hand (benchmarks/install.md), not here.
"""

from __future__ import annotations

import ast
import re
import subprocess
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
BUILD = "requirements.txt"
PUBLISH = "requirements-publish.txt"
TESTS = "requirements-test.txt"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
# What only the tests need: the `test` extra's direct dependencies.
TEST_TOOLS = {
    canonicalize_name(Requirement(r).name) for r in PYPROJECT["optional-dependencies"]["test"]
}


def pins(name: str) -> dict[str, str]:
    """{package: version} of a requirements file, without the files it includes (-r)."""
    out = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-r "):
            continue
        package, version = line.split("==")
        out[canonicalize_name(package)] = version
    return out


def direct(requirements: list[str]) -> dict[str, str]:
    """{package: version} of pyproject.toml's exact pins."""
    out = {}
    for text in requirements:
        requirement = Requirement(text)
        (spec,) = requirement.specifier
        out[canonicalize_name(requirement.name)] = spec.version
    return out


def test_the_build_installs_no_test_tool() -> None:
    build, publish, tests = pins(BUILD), pins(PUBLISH), pins(TESTS)
    # The extra still names them (an emptied list would make this test pass for nothing).
    assert {"pytest", "playwright", "axe-playwright-python", "beautifulsoup4", "ruff"} <= TEST_TOOLS
    assert not TEST_TOOLS & (build.keys() | publish.keys())
    assert {"weasyprint", "pikepdf"} <= publish.keys() and not {"weasyprint"} & build.keys()
    # Each package is pinned once: what publishing and the tests add is not in the build's file.
    assert not build.keys() & publish.keys() and not build.keys() & tests.keys()
    assert not publish.keys() & tests.keys()
    # Each file installs the exact versions of the one below it first.
    assert "-r requirements.txt" in (ROOT / PUBLISH).read_text(encoding="utf-8").splitlines()
    assert f"-r {PUBLISH}" in (ROOT / TESTS).read_text(encoding="utf-8").splitlines()


def test_the_files_pin_pyprojects_direct_dependencies() -> None:
    build, publish, tests = pins(BUILD), pins(PUBLISH), pins(TESTS)
    assert direct(PYPROJECT["dependencies"]).items() <= build.items()
    assert direct(PYPROJECT["optional-dependencies"]["publish"]).items() <= publish.items()
    assert direct(PYPROJECT["optional-dependencies"]["test"]).items() <= tests.items()


@pytest.mark.parametrize("name", [BUILD, PUBLISH, TESTS])
def test_every_dependency_is_pinned_where_it_is_installed(name: str) -> None:
    """What each package requires is in its own file (or one it installs first): pip adds
    nothing unpinned, and nothing the build or publishing needs hides among the test tools."""
    pinned = pins(BUILD) | (pins(PUBLISH) if name != BUILD else {})
    pinned |= pins(TESTS) if name == TESTS else {}
    missing = {
        f"{package} needs {requirement.name}"
        for package in pins(name)
        for requirement in map(Requirement, metadata.requires(package) or [])
        if not requirement.marker or requirement.marker.evaluate({"extra": ""})
        if canonicalize_name(requirement.name) not in pinned
    }
    assert not missing


def installs(target: str, venv: Path) -> list[str]:
    """The requirement files `make <target>` installs into a venv that does not exist yet."""
    result = subprocess.run(
        ["make", "--dry-run", "--no-print-directory", target, f"VENV={venv}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return re.findall(r"pip install .*?-r (\S+)", result.stdout)


@pytest.mark.parametrize("target", ["build", "serve", "preview", "calendar", "benchmark"])
def test_building_installs_only_the_build_requirements(target: str, tmp_path: Path) -> None:
    assert installs(target, tmp_path / "venv") == [BUILD]


@pytest.mark.parametrize("target", ["publish", "pdf"])
def test_publishing_adds_what_the_archival_copies_need(target: str, tmp_path: Path) -> None:
    assert installs(target, tmp_path / "venv") == [BUILD, PUBLISH]


@pytest.mark.parametrize("target", ["test", "check", "review"])
def test_the_tests_and_the_gate_install_the_test_tools_on_top(target: str, tmp_path: Path) -> None:
    """The gate opens the pages in Chromium with Playwright and axe-core, and the tests
    publish: the test tools, on top of what publishing needs."""
    assert installs(target, tmp_path / "venv") == [BUILD, PUBLISH, TESTS]


def test_the_first_install_says_what_it_does_in_swedish(tmp_path: Path) -> None:
    result = subprocess.run(
        ["make", "--dry-run", "--no-print-directory", "build", f"VENV={tmp_path}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    said, *steps = result.stdout.splitlines()
    assert said == (
        'echo "Installerar det som behövs för att bygga webbplatsen i '
        f'{tmp_path}/ (första gången tar det ungefär en minut) ..." >&2'
    )
    # pip's own output goes to a log, printed only when the install fails.
    (pip,) = [step for step in steps if " -m pip install " in step]
    assert f"> {tmp_path}/install.log 2>&1" in pip


def test_the_build_installs_the_notice_package_editable(tmp_path: Path) -> None:
    """The scripts and the tests import `notice` as installed (pyproject.toml), never by
    editing sys.path; every package under hooks/notice/ is declared, or a wheel would miss it."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    assert setuptools["package-dir"] == {"notice": "hooks/notice"}
    found = {
        ".".join(("notice", *init.parent.relative_to(ROOT / "hooks" / "notice").parts))
        for init in (ROOT / "hooks" / "notice").rglob("__init__.py")
    }
    assert set(setuptools["packages"]) == found
    result = subprocess.run(
        ["make", "--dry-run", "--no-print-directory", "build", f"VENV={tmp_path}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    (pip,) = [step for step in result.stdout.splitlines() if " -m pip install " in step]
    assert "-r requirements.txt --editable . " in pip


def test_no_script_edits_sys_path_or_imports_a_test_helper() -> None:
    """Production scripts stand on the installed package and scripts/ alone: what the tests
    and the benchmarks share lives in scripts/ (archives.py, site_server.py, project_copy.py)."""
    helpers = {path.stem for path in (ROOT / "tests").glob("*.py")}
    found = []
    for script in sorted((ROOT / "scripts").glob("*.py")):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and ast.unparse(node) == "sys.path":
                found.append(f"{script.name}:{node.lineno}: sys.path")
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            found += [
                f"{script.name}:{node.lineno}: imports {name}"
                for name in names
                if name.split(".")[0] in helpers
            ]
    assert found == []
