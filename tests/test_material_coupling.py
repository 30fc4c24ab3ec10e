"""Where the engine leans on Material outside the templates it copies (those are
tests/test_templates.py's): a file name, DOM ids and classes, a breakpoint, the search index's
URL, the shape of Material's minified bundle. Any Material release may change them, and the
browser tests would then fail far from the cause. Each test here names what changed and what
to check, in which file, so that an upgrade explains itself.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from conftest import ROOT
from notice import stylesheet

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
SCRIPTS = OVERRIDES / "assets" / "javascripts"
KEYBOARD = SCRIPTS / "keyboard.js"
SEARCH = SCRIPTS / "search.js"


def bundle() -> Path:
    (found,) = (MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js")
    return found


def materials_stylesheet() -> str:
    (found,) = (MATERIAL / "assets" / "stylesheets").glob("main.*.min.css")
    return found.read_text(encoding="utf-8")


def materials_markup() -> str:
    """Every template Material ships, as one text: where its ids and classes are written."""
    return "\n".join(file.read_text(encoding="utf-8") for file in sorted(MATERIAL.rglob("*.html")))


# overrides/main.html: the bundle's file name


def test_main_html_loads_the_bundle_material_ships() -> None:
    """overrides/main.html names Material's bundle, whose file name has a hash of its content:
    a new release ships another file, and the old name would load nothing."""
    name = bundle().name
    main = (OVERRIDES / "main.html").read_text(encoding="utf-8")
    named = re.findall(r"assets/javascripts/(bundle\.\w+\.min\.js)", main)
    assert named == [name], (
        f"Material changed its bundle's file name to {name}: check the <script> of the bundle "
        "in overrides/main.html (block scripts) and name it there, and carry any change of "
        "Material's block into it (tests/upstream/material/base.html.scripts)."
    )


# keyboard.js: Material's DOM ids, classes and breakpoint


def selectors(script: Path) -> list[str]:
    """The selectors a script passes to the DOM, and the ids it asks for."""
    text = script.read_text(encoding="utf-8")
    calls = r"(?:querySelector(?:All)?|closest|getElementById)\(\s*\"([^\"]+)\""
    return re.findall(calls, text)


def material_names(selector: str) -> tuple[list[str], list[str]]:
    """The classes (md-…) and the ids (__…) of Material's that a selector names."""
    classes = re.findall(r"\.(md-[\w-]+)", selector)
    ids = re.findall(r"(?:for='|^)(__\w+)", selector)
    return classes, ids


def test_what_keyboard_js_selects_is_still_in_materials_markup() -> None:
    """keyboard.js turns Material's labels into buttons and names its version selector and
    banners by Material's ids (__drawer, __search) and classes (.md-header, .md-nav__toggle,
    .md-version__current …): each must still be in Material's templates or its bundle (which
    builds the version selector)."""
    found = selectors(KEYBOARD)
    assert len(found) >= 10, found  # the scan above still reads keyboard.js
    markup = materials_markup()
    script = bundle().read_text(encoding="utf-8")
    missing = []
    for selector in found:
        classes, ids = material_names(selector)
        missing += [f".{name}" for name in classes if name not in markup and name not in script]
        missing += [f"#{name}" for name in ids if f'id="{name}"' not in markup]
    assert missing == [], (
        f"Material changed its markup: {', '.join(sorted(set(missing)))} no longer exist. "
        "Check what overrides/assets/javascripts/keyboard.js selects (the menu's and search's "
        "buttons, the menu's panels, the version selector, the banners) against Material's "
        "new templates, and seom.css's rules for html.seom-keyboard; tests/test_keyboard.py "
        "then shows what a keyboard can reach."
    )


def breakpoint_in(text: str, pattern: str) -> list[str]:
    return sorted(set(re.findall(pattern, text)))


def test_keyboard_js_switches_at_materials_breakpoint() -> None:
    """Below Material's breakpoint the menu is a drawer, its sections panels: keyboard.js asks
    the same media query, and Material's stylesheet moves the drawer off screen under it."""
    ours = breakpoint_in(
        KEYBOARD.read_text(encoding="utf-8"), r"matchMedia\(\"\(max-width: ([\d.]+em)\)\"\)"
    )
    assert len(ours) == 1, ours
    drawer = r"@media screen and \(max-width:([\d.]+em)\)\{\[dir=ltr\] \.md-sidebar--primary\{"
    material_drawer = breakpoint_in(materials_stylesheet(), drawer)
    assert material_drawer == ours, (
        f"Material changed the breakpoint of its drawer from {ours[0]} to "
        f"{', '.join(material_drawer) or 'something this test cannot find'}: check the media "
        "query of `narrow` in overrides/assets/javascripts/keyboard.js, and seom.css's rules "
        "for the menu."
    )
    # Material's script switches at the next step up (76.25em = 1220 px, the width it names).
    script = bundle().read_text(encoding="utf-8")
    wide = breakpoint_in(script, r"\"\(min-width: ([\d.]+em)\)\"")
    step = f"{float(ours[0][:-2]) + 1 / 64:g}em"
    assert step in wide, (
        f"Material's bundle no longer switches its menu at (min-width: {step}) ({wide}): check "
        "the media query of `narrow` in overrides/assets/javascripts/keyboard.js."
    )


# search.js: the index's URL and how Material requests it


def test_search_js_rewrites_the_index_url_material_requests() -> None:
    """search.js makes Material request the page's own language's index instead of the shared
    one, by the URL: Material's bundle must still build that URL from __config's base, request
    it with XMLHttpRequest, and start its search worker with new Worker()."""
    script = bundle().read_text(encoding="utf-8")
    ours = SEARCH.read_text(encoding="utf-8")
    expected = {
        'the index\'s URL, new URL("search/search_index.json", base)': (
            'new URL("search/search_index.json",' in script
            and 'new URL("search/search_index.json", new URL(config.base' in ours
        ),
        'the index as a script from disk, "search/search_index.js"': (
            "search/search_index.js" in script
        ),
        "the settings it reads, #__config": (
            '"#__config"' in script and 'id="__config"' in materials_markup()
        ),
        "the request, new XMLHttpRequest": "new XMLHttpRequest" in script,
        "the worker, new Worker(url)": "new Worker(" in script,
    }
    changed = [name for name, still in expected.items() if not still]
    assert changed == [], (
        f"Material changed how it loads its search index: {'; '.join(changed)}. Check the "
        "rewritten index URL and the patched XMLHttpRequest and Worker in "
        "overrides/assets/javascripts/search.js (tests/test_assets.py: search loads when the "
        "reader opens it; tests/test_site.py: each language searches its own pages)."
    )


# hooks/notice/stylesheet.py: the scan of Material's minified bundle

# What Material's script builds on this site's pages, which only the scan of its bundle tells
# the trimmer: the search results and the version selector, and the states it sets.
BUILT_ELEMENTS = {"article", "details", "summary", "ul", "li", "a", "nav", "div", "span", "h1"}
BUILT_CLASSES = {
    "md-search-result__item",
    "md-search-result__link",
    "md-search-result__article",
    "md-search-result__more",
    "md-version__list",
    "md-version__item",
    "md-version__link",
    "md-header__title--active",
    "md-nav__link--active",
}


def test_the_stylesheets_scan_still_reads_materials_bundle() -> None:
    """hooks/notice/stylesheet.py reads Material's minified bundle with regular expressions
    (_ELEMENT: its JSX calls x("div",{…}) and createElement()) to learn what it adds to
    pages, so that the trimmed stylesheet keeps those rules. Minified code has no contract:
    a new bundle may create elements in another shape."""
    pages = {"md-search-result", "md-nav", "md-header"}
    script = bundle().read_text(encoding="utf-8")
    words = stylesheet.material_script_words(script, pages, ("md-version",))
    missing = sorted((BUILT_ELEMENTS | BUILT_CLASSES) - words)
    assert missing == [], (
        f"Material's bundle {bundle().name} no longer reads as hooks/notice/stylesheet.py "
        f"expects: its scan no longer finds {', '.join(missing)}. Check how the new bundle "
        "creates elements and sets classes, and fix _ELEMENT / material_script_words(); "
        "otherwise the trimmed stylesheet drops the styles of search results or the version "
        "selector (tests/test_assets.py compares the trimmed and the whole stylesheet)."
    )


@pytest.mark.parametrize("name", ["bundle", "stylesheet"])
def test_material_ships_one_bundle_and_one_stylesheet(name: str) -> None:
    """hooks/assets.py and these tests expect one file of each: a release that splits them
    needs the trimming (hooks/notice/stylesheet.py) and overrides/main.html looked at."""
    folder, pattern = {
        "bundle": ("javascripts", "bundle.*.min.js"),
        "stylesheet": ("stylesheets", "main.*.min.css"),
    }[name]
    found = sorted(p.name for p in (MATERIAL / "assets" / folder).glob(pattern))
    assert len(found) == 1, (
        f"Material now ships {found} as its {name}: check material_stylesheet() in "
        "hooks/assets.py, the trimming in hooks/notice/stylesheet.py, and the bundle's "
        "<script> in overrides/main.html."
    )
