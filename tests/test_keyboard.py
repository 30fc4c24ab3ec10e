"""The site by keyboard and screen reader, in a real Chromium, on a phone and a laptop.

A sighted keyboard user sees every element that takes the focus; the menu and search open from
the keyboard on a phone; every landmark is named where there are several of a kind; the
version selector's name contains the version it shows. On the plain build and on a published
archive (tests/archives.py: A earlier, with its outdated banner; B in force and `latest`).

Every page shares one template, so a representative set is walked and checked, not every page:
a section with a table of contents (the menu's panel), the contact form (the most focus stops),
and an earlier version of the archive (the outdated banner and the version selector).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import expect
from tabs import Tabs

from archives import A, B
from conftest import SiteServer, Tab, axe_violations

PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}
WIDTHS = {"360": PHONE, "1280": LAPTOP}
# More Tab presses than any page has focus stops: a walk that does not come round fails.
MAX_STEPS = 150

# What the focused element looks like to a sighted user, once what moves or fades has done so
# (the skip link fades in; a drawer slides; colours are not waited for). Returns a readable
# name and what hides it, if anything.
FOCUSED = """async () => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const moving = document.getAnimations().filter(a => !/color|shadow/.test(a.transitionProperty));
  await Promise.race([
    Promise.all(moving.map(a => a.finished.catch(() => null))),
    new Promise(resolve => setTimeout(resolve, 1000)),
  ]);
  const classes = [...el.classList].filter(c => c !== 'focus-visible');
  const label = (el.getAttribute('aria-label') || el.innerText || el.value || '')
    .replace(/\\s+/g, ' ').trim().slice(0, 50);
  const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + classes.map(c => '.' + c).join('') + (label ? ` "${label}"` : '');
  const problems = [];
  const rect = el.getBoundingClientRect();
  if (rect.width < 1 || rect.height < 1) problems.push('no size');
  let opacity = 1;
  for (let node = el; node instanceof Element; node = node.parentElement) {
    const style = getComputedStyle(node);
    opacity *= parseFloat(style.opacity);
    if (style.clipPath !== 'none' || style.clip !== 'auto') problems.push('clipped');
  }
  const style = getComputedStyle(el);
  if (style.visibility !== 'visible') problems.push('visibility: ' + style.visibility);
  if (opacity < 0.1) problems.push('transparent');
  // The part of it that shows: inside the viewport and every box that clips it.
  let box = {left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom};
  const cut = (other) => {
    box = {left: Math.max(box.left, other.left), top: Math.max(box.top, other.top),
           right: Math.min(box.right, other.right), bottom: Math.min(box.bottom, other.bottom)};
  };
  cut({left: 0, top: 0, right: innerWidth, bottom: innerHeight});
  // The root's and body's overflow clip the viewport, already cut.
  for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
    if (getComputedStyle(node).overflow !== 'visible') cut(node.getBoundingClientRect());
  }
  if (box.right - box.left < 1 || box.bottom - box.top < 1) {
    problems.push('outside the viewport or clipped away');
  } else {
    const hit = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    if (hit && hit !== el && !el.contains(hit) && !hit.contains(el)) {
      problems.push('covered by ' + hit.tagName.toLowerCase() + '.' + [...hit.classList].join('.'));
    }
  }
  return {name, problems: [...new Set(problems)], inSidebar: !!el.closest('.md-sidebar--primary')};
}"""


@dataclass
class Stop:
    name: str
    problems: list[str]
    in_sidebar: bool


def focused(page) -> Stop | None:
    info = page.evaluate(FOCUSED)
    return Stop(info["name"], info["problems"], info["inSidebar"]) if info else None


def walk(page) -> list[Stop]:
    """Tab from the top of the page until the focus comes round (leaves the page)."""
    stops: list[Stop] = []
    for _ in range(MAX_STEPS):
        page.keyboard.press("Tab")
        stop = focused(page)
        if stop is None or (stops and stop.name == stops[0].name):
            return stops
        stops.append(stop)
    pytest.fail(f"The focus did not come round in {MAX_STEPS} steps: {[s.name for s in stops]}")


def unseen(stops: list[Stop]) -> list[str]:
    return [f"{stop.name}: {', '.join(stop.problems)}" for stop in stops if stop.problems]


@pytest.fixture
def open_page(tabs: Tabs) -> Callable[..., object]:
    """Opens a served page at a size in a tab; given back when the test ends."""

    def open_(server: SiteServer, path: str, viewport: dict, javascript: bool = True):
        page = tabs.open(server.origin, viewport=viewport, java_script_enabled=javascript).page
        response = page.goto(server.url + path)
        assert response.status in (200, 404)
        page.wait_for_load_state("networkidle")
        return page

    return open_


# The keyboard walk


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["insamling/", "kontakt/"])
def test_every_focus_stop_is_visible(open_page, site: SiteServer, path: str, width: str) -> None:
    page = open_page(site, path, WIDTHS[width])
    stops = walk(page)
    assert len(stops) > 5, [stop.name for stop in stops]
    assert unseen(stops) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", [f"{A}/insamling/", "latest/en/"])
def test_every_focus_stop_is_visible_in_the_archive(
    open_page, two_versions, path: str, width: str
) -> None:
    page = open_page(two_versions.server, path, WIDTHS[width])
    page.locator(".md-version__current[data-seom-named]").wait_for(state="attached")
    stops = walk(page)
    # On a phone the header leaves the selector out (seom.css): the foot of the page links to
    # every version instead.
    selector = any("md-version__current" in stop.name for stop in stops)
    assert selector == (WIDTHS[width] is not PHONE)
    assert unseen(stops) == []


def test_without_javascript_the_menu_slides_in_as_the_focus_enters_it(
    open_page, site: SiteServer
) -> None:
    page = open_page(site, "insamling/", PHONE, javascript=False)
    stops = walk(page)
    assert any(stop.in_sidebar for stop in stops)
    assert unseen(stops) == []


# The menu and search on a phone, by keyboard alone


def tab_to(page, name: str) -> Stop:
    """Press Tab until the focus is on an element whose readable name contains `name`."""
    for _ in range(MAX_STEPS):
        page.keyboard.press("Tab")
        stop = focused(page)
        if stop and name in stop.name:
            assert stop.problems == [], stop
            return stop
    pytest.fail(f"Tab never reached {name!r}")


def test_the_menu_opens_from_the_keyboard_and_a_link_in_it_is_followed(
    open_page, site: SiteServer
) -> None:
    page = open_page(site, "insamling/", PHONE)
    menu = page.get_by_role("button", name="Meny", exact=True)
    tab_to(page, '"Meny"')
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    # The focus is in the open menu, and walks it in its order, every stop in sight.
    inside = []
    stop = focused(page)
    while stop and stop.in_sidebar:
        inside.append(stop)
        page.keyboard.press("Tab")
        stop = focused(page)
    assert unseen(inside) == []
    names = [re.sub(r'^[^"]*"|"$', "", s.name) for s in inside]
    assert names[:3] == [
        "SEOM, startsida: Så skyddar vi dina personuppgifte",  # (cut at 50 characters)
        "Startsida",
        "Personuppgiftsansvarig",
    ]
    assert names[-1] == "Vad som ändrades i den här versionen"
    # Leaving it closes it: what takes the focus next is in sight.
    expect(menu).to_have_attribute("aria-expanded", "false")
    assert stop is not None and stop.problems == [], stop
    # Escape closes it and gives the focus back to its button.
    menu.focus()
    page.keyboard.press("Space")
    expect(menu).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    # A link in it, followed.
    page.keyboard.press("Enter")
    tab_to(page, '"Klagomål"')
    page.keyboard.press("Enter")
    page.wait_for_url(site.url + "klagomal/")


def test_the_menus_table_of_contents_opens_and_closes_from_the_keyboard(
    open_page, site: SiteServer
) -> None:
    page = open_page(site, "insamling/", PHONE)
    page.get_by_role("button", name="Meny", exact=True).focus()
    page.keyboard.press("Enter")
    toc = page.locator("#__toc")
    tab_to(page, '"Personuppgifter vi samlar in"')
    page.keyboard.press("Enter")
    expect(toc).to_be_checked()
    # The focus went into the panel, at its top, and walks its links.
    assert focused(page).name.startswith("label.md-nav__title")
    assert tab_to(page, '"Vilka uppgifter vi har"').in_sidebar
    page.keyboard.press("Escape")
    expect(toc).not_to_be_checked()
    expect(page.locator("label.md-nav__link[for=__toc]")).to_be_focused()
    assert focused(page).problems == []


def test_search_opens_from_the_keyboard_and_a_result_is_followed(
    open_page, site: SiteServer
) -> None:
    page = open_page(site, "insamling/", PHONE)
    button = page.get_by_role("button", name="Sök", exact=True)
    tab_to(page, '"Sök"')
    expect(button).to_be_focused()
    # Escape gives the focus back to the button.
    page.keyboard.press("Enter")
    field = page.get_by_role("textbox", name="Sök")
    expect(field).to_be_focused()
    page.keyboard.press("Escape")
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(field).to_be_focused()
    assert focused(page).problems == []
    page.keyboard.type("klagomål")
    page.locator(".md-search-result__link").first.wait_for()
    # Material renders the results again for each letter as its worker answers: under load a
    # later answer replaced the focused result. Go on once the list has stopped changing.
    wait_until_still(page, ".md-search-result__list")
    page.keyboard.press("ArrowDown")
    result = focused(page)
    assert result and "md-search-result__link" in result.name and result.problems == []
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(site.url) + r"klagomal/"))


def wait_until_still(page, selector: str, quiet_ms: int = 400, timeout_ms: int = 10_000) -> None:
    """Wait until the element's HTML has not changed for quiet_ms."""
    page.wait_for_function(
        """([selector, quiet]) => {
            const html = document.querySelector(selector)?.innerHTML;
            const now = performance.now();
            if (html !== window.__seomLast) { window.__seomLast = html; window.__seomSince = now; }
            return now - window.__seomSince >= quiet;
        }""",
        arg=[selector, quiet_ms],
        polling=100,
        timeout=timeout_ms,
    )


# Names: the version selector and the landmarks


@pytest.mark.parametrize(
    ("path", "shown", "listed"),
    [
        (f"{A}/", "1 december 2026 (tidigare)", "1 mars 2027 (gäller nu)"),
        (f"{A}/en/lagring/", "1 December 2026 (earlier)", "1 March 2027 (in force)"),
        (f"{B}/", "1 mars 2027 (gäller nu)", "1 december 2026 (tidigare)"),
        ("latest/en/", "1 March 2027 (in force)", "1 December 2026 (earlier)"),
    ],
)
def test_the_version_selector_says_each_version_in_the_readers_language(
    open_page, two_versions, path: str, shown: str, listed: str
) -> None:
    """Each version by its date as the site writes dates, and what it is: in force, upcoming
    or earlier; mike's alias (latest) stays in the URLs, never in the view."""
    page = open_page(two_versions.server, path, LAPTOP)
    current = page.locator(".md-version__current")
    expect(current).to_have_text(shown)
    # The name contains the visible text as a speech-input user says it (WCAG 2.5.3).
    expect(current).to_have_accessible_name(re.compile(re.escape(shown)))
    # The selector still says what it does, in the page's language.
    word = "choose" if "/en/" in "/" + path else "välj"
    expect(current).to_have_accessible_name(re.compile(word))
    page.get_by_role("link", name=listed).wait_for(state="attached")
    assert "latest" not in page.locator(".md-version").text_content()


def axe(page) -> list[str]:
    """What axe-core finds on the page (conftest.axe_violations)."""
    return axe_violations(Tab(page, ""))


@pytest.mark.parametrize(
    "path",
    ["", "insamling/", "kontakt/", "versioner/", "andringar/", "finns-inte/", "en/finns-inte/"],
)
def test_axe_finds_nothing_on_a_phone(open_page, site: SiteServer, path: str) -> None:
    # At 1280 px, test_browser runs axe-core on every page of the plain build.
    page = open_page(site, path, PHONE)
    assert axe(page) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", [f"{A}/", f"{A}/en/lagring/", f"{B}/", "latest/en/"])
def test_axe_finds_nothing_in_the_archive(open_page, two_versions, path: str, width: str) -> None:
    page = open_page(two_versions.server, path, WIDTHS[width])
    page.locator(".md-version__current[data-seom-named]").wait_for(state="attached")
    if path.startswith(A):
        page.locator("[data-md-component=outdated]").wait_for()
    assert axe(page) == []


@pytest.mark.parametrize(("prefix", "name"), [("", "Äldre version"), ("en/", "Earlier version")])
def test_the_outdated_banner_is_a_named_landmark(
    open_page, two_versions, prefix: str, name: str
) -> None:
    page = open_page(two_versions.server, f"{A}/{prefix}lagring/", PHONE)
    expect(page.get_by_role("complementary", name=name, exact=True)).to_be_visible()
