"""How fast the pages load where readers are: `make benchmark-pages` runs this.

Publishes the archive of three versions the tests read (scripts/archives.py's
`three_versions`: A earlier, B in force at latest/, C announced, on TODAY_OF_THREE, all
published with `make publish`), serves it with gzip on 127.0.0.1 under /integritet/, as a host
would, with its robots.txt at the host's root as on integritet.seom.se, and runs Lighthouse
(the npm package pinned in benchmarks/, driving the system Chromium, its default mobile
settings) on every kind of page of each version, in both languages: the start page, a section,
the whole notice, the contact page, the versions page, what changed and the accessibility
statement; and the archive's 404 page. Prints one Markdown table per version: the four scores,
cumulative layout shift, first and largest contentful paint, the bytes transferred and the
requests per page, and the load average as its runs began; then what blocks the first paint
and what Lighthouse counts as unused.

Each page is the median of three runs (--runs) on the versions in force and earlier, of one
(--runs-announced) on the announced version: its pages are the same templates and files as
the one in force's, with the banner in their HTML, and are kept out of search engines on
purpose. Not a test: timings depend on the machine. Run it by hand and report the figures with
the machine they were measured on.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

import archives
from archives import A, C
from project_copy import ROOT
from site_server import PREFIX, GzipServer

LIGHTHOUSE = ROOT / "benchmarks" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Every kind of page of a version, in each language.
PAGES = (
    "",
    "lagring/",
    "hela-meddelandet/",
    "kontakt/",
    "versioner/",
    "andringar/",
    "tillganglighet/",
)
LANGUAGES = ("", "en/")
# The page a host sends for any missing address: the archive's root 404.html, written from the
# version in force, in Swedish with a link to the English start page. Requested by its own
# address, as Lighthouse refuses a page answered with 404.
MISSING = "404.html"


@dataclass(frozen=True)
class Version:
    name: str  # a table's heading
    which: str  # in a sentence
    folder: str  # in the archive
    announced: bool = False


VERSIONS = (
    Version("In force (B, latest/)", "the version in force", "latest"),
    Version(f"Earlier (A, {A}/)", "the earlier version", A),
    Version(f"Announced (C, {C}/)", "the announced version", C, announced=True),
)


def lighthouse(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--chrome-flags=--headless=new --no-sandbox",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={out}",
            "--quiet",
        ],
        env=env,
        check=True,
        timeout=300,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def render_blocking(site_dir: Path, path: str) -> list[tuple[str, int]]:
    """What the browser waits for before it draws the page, from the page's <head>, with the
    gzipped sizes: stylesheets, classic scripts neither async nor deferred, what is marked
    blocking="render", and the JSON a render-blocking module imports (modulepreload).

    Lighthouse 12.2.3's own audit fails on current Chromium (its trace engine), so the page's
    HTML says."""
    page = site_dir / path if path.endswith(".html") else site_dir / path / "index.html"
    head = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
    found = []
    blocking_module = any(
        s.get("type") == "module" and "render" in s.get("blocking", "").split()
        for s in head.find_all("script")
    )
    for tag in head.find_all(["link", "script"]):
        rel = tag.get("rel", [])
        stylesheet = "stylesheet" in rel and tag.get("media") in (None, "all", "screen")
        if tag.name == "link" and (stylesheet or ("modulepreload" in rel and blocking_module)):
            found.append(tag["href"])
        elif tag.name == "script" and tag.get("src"):
            classic = tag.get("type") != "module" and not {"async", "defer"} & set(tag.attrs)
            if classic or "render" in tag.get("blocking", "").split():
                found.append(tag["src"])
    out = []
    for href in found:
        url = urljoin(PREFIX + path, href)
        file = site_dir / url[len(PREFIX) :]
        size = len(gzip.compress(file.read_bytes(), compresslevel=6)) if file.is_file() else 0
        out.append((url, size))
    return out


def median_run(reports: list[dict]) -> dict:
    """The run with the median first contentful paint, as Lighthouse advises for several."""
    ordered = sorted(reports, key=lambda r: r["audits"]["first-contentful-paint"]["numericValue"])
    return ordered[len(ordered) // 2]


def row(path: str, reports: list[dict], server: GzipServer, load: float) -> dict:
    report = median_run(reports)
    audits = report["audits"]
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    return {
        "page": path,
        **scores,
        "performance_runs": [round(100 * r["categories"]["performance"]["score"]) for r in reports],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
        "requests": len(audits["network-requests"]["details"]["items"]),
        "load": load,
        "blocking": render_blocking(server.site_dir, path),
        "unused_css": _wasted(audits.get("unused-css-rules")),
        "unused_js": _wasted(audits.get("unused-javascript")),
        "failed": failed(report),
        "versions": (report["lighthouseVersion"], report["environment"]["hostUserAgent"]),
    }


def failed(report: dict) -> dict[str, list[str]]:
    """The audits below full marks that count towards each category's score."""
    out = {}
    for c in CATEGORIES:
        for ref in report["categories"][c]["auditRefs"]:
            audit = report["audits"].get(ref["id"], {})
            if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
                out.setdefault(c, []).append(ref["id"])
    return out


def _wasted(audit: dict | None) -> list[tuple[str, int, int]]:
    items = (audit or {}).get("details", {}).get("items", [])
    return [(i["url"], i.get("totalBytes", 0), i.get("wastedBytes", 0)) for i in items]


def disallowed(robots: str) -> list[str]:
    """The paths robots.txt keeps crawlers out of (make publish: the folders of versions after
    the one in force, until their date)."""
    return [
        line.split(":", 1)[1].strip()
        for line in robots.splitlines()
        if line.lower().startswith("disallow:")
    ]


def seo(r: dict, blocked: list[str]) -> str:
    """The SEO score, with the reason beside it where the page is kept out of search engines on
    purpose: robots.txt at the host's root disallows its version's folder, and that is the one
    SEO audit it fails (Lighthouse's is-crawlable)."""
    figure = str(r["seo"])
    on_purpose = any((PREFIX + r["page"]).startswith(path) for path in blocked)
    if on_purpose and r["failed"].get("seo") == ["is-crawlable"]:
        return f"{figure}: kept out of search engines on purpose (robots.txt), all else passes"
    return figure


def short(url: str) -> str:
    return url.rsplit("/", 1)[-1]


def _unused(items: list[tuple[str, int, int]]) -> str:
    return ", ".join(f"{short(u)} {w / 1024:.1f} ({t / 1024:.1f})" for u, t, w in items) or "none"


def print_tables(groups: list[tuple[Version, list[dict]]], blocked: list[str], runs: dict) -> None:
    for version, rows in groups:
        if not rows:
            continue
        n = runs[version.name]
        print(f"### {version.name}, median of {n} run{'s' * (n > 1)}")
        print()
        print(
            "| page | perf | a11y | best pr. | SEO | CLS | FCP ms | LCP ms | KiB | requests |"
            " load |"
        )
        print("|---|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|")
        for r in rows:
            perf = str(r["performance"])
            if len(set(r["performance_runs"])) > 1:  # every run's, where they differ
                perf += " (" + "/".join(map(str, r["performance_runs"])) + ")"
            print(
                f"| `{r['page']}` | {perf} | {r['accessibility']} | {r['best-practices']} |"
                f" {seo(r, blocked)} | {r['cls']:.3f} | {r['fcp']:.0f} | {r['lcp']:.0f} |"
                f" {r['kib']:.1f} | {r['requests']} | {r['load']:.1f} |"
            )
        print()
    every = [r for _, rows in groups for r in rows]
    print("Render-blocking and unused (KiB gzipped; unused: Lighthouse's estimate):")
    print()
    print("| pages | the first paint waits for (KiB) | unused CSS KiB (of) | unused JS KiB (of) |")
    print("|---|---|---|---|")
    alike: dict[tuple[str, str, str], list[str]] = {}
    for r in every:
        blocking = ", ".join(f"{short(u)} ({b / 1024:.1f})" for u, b in r["blocking"]) or "none"
        css, js = (_unused(r[kind]) for kind in ("unused_css", "unused_js"))
        alike.setdefault((blocking, css, js), []).append(r["page"])
    for (blocking, css, js), paths in alike.items():
        print(f"| {which(paths, groups)} | {blocking} | {css} | {js} |")
    below = sorted({f"{c}: {a}" for r in every for c, ids in r["failed"].items() for a in ids})
    if below:
        print()
        print("Audits below full marks on some page:", ", ".join(below))
    loads = [r["load"] for r in every]
    lighthouse_version, agent = every[0]["versions"]
    chromium = re.search(r"Chrome/([\d.]+)", agent)
    print()
    print(
        f"Lighthouse {lighthouse_version}, Chromium {chromium[1] if chromium else agent}, Node"
        f" {node_version()}; load average (1 min) as a page's runs began:"
        f" {min(loads):.1f} to {max(loads):.1f}."
    )


def which(paths: list[str], groups: list[tuple[Version, list[dict]]]) -> str:
    """``paths`` as few words say them: every page of a version by its name, others each."""
    named, rest = [], list(paths)
    for version, rows in groups:
        pages = [r["page"] for r in rows]
        if pages and set(pages) <= set(rest):
            named.append(f"every page of {version.which} ({len(pages)})")
            rest = [p for p in rest if p not in pages]
    return ", ".join(named + [f"`{p}`" for p in rest])


def node_version() -> str:
    try:
        out = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip().lstrip("v")


def pages_of(version: Version, languages: tuple[str, ...]) -> list[str]:
    paths = [f"{version.folder}/{lang}{page}" for lang in languages for page in PAGES]
    if version.folder == "latest":
        paths.append(MISSING)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--keep", help="keep Lighthouse's JSON reports in this folder")
    parser.add_argument(
        "--runs",
        type=int,
        default=3,
        help="runs per page of the versions in force and earlier, the median reported (3)",
    )
    parser.add_argument(
        "--runs-announced", type=int, default=1, help="runs per page of the announced version (1)"
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="PATH",
        help="only this page, by its path in the archive (latest/kontakt/, 2026-12-01/en/, "
        "404.html); repeat for more",
    )
    parser.add_argument("--sv-only", action="store_true", help="Swedish pages only")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        print("Lighthouse is missing: run `npm ci` in benchmarks/ (make benchmark-pages does).")
        return 1
    languages = ("",) if args.sv_only else LANGUAGES
    runs = {v.name: args.runs_announced if v.announced else args.runs for v in VERSIONS}
    with tempfile.TemporaryDirectory(prefix="seom-pages-") as tmp:
        base = Path(tmp)
        (base / "archive").mkdir()
        # Served with gzip, its robots.txt at the host's root, as integritet.seom.se serves it.
        archives.SiteServer = functools.partial(GzipServer, root_robots=True)
        server = archives.three_versions(base / "archive").server
        blocked = disallowed((server.site_dir / "robots.txt").read_text(encoding="utf-8"))
        reports = Path(args.keep) if args.keep else base / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        groups = []
        for version in VERSIONS:
            rows = []
            for path in pages_of(version, languages):
                if args.only and path not in args.only:
                    continue
                stem = path.strip("/").replace("/", "_")
                load = os.getloadavg()[0]
                print(f"Lighthouse: /{path} (load {load:.1f})", file=sys.stderr, flush=True)
                found = [
                    lighthouse(server.url + path, reports / f"{stem}-{n}.json")
                    for n in range(1, runs[version.name] + 1)
                ]
                rows.append(row(path, found, server, load))
            groups.append((version, rows))
        server.stop()
        if not args.keep:
            shutil.rmtree(reports)
    print_tables(groups, blocked, runs)
    return 0


if __name__ == "__main__":
    from benchmark_record import record  # writes benchmarks/pages.md

    sys.exit(record("pages", main, markdown=True))
