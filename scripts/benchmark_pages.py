"""How fast the pages load: `make benchmark-pages` runs this.

Builds the plain site (`mkdocs build --strict`) and a published two-version archive
(scripts/archives.py's `two_versions`: versions A and B published with `make publish`), serves
both with gzip on 127.0.0.1 under /integritet/, as a host would, and runs Lighthouse (the npm
package pinned in benchmarks/, driving the system Chromium, its default mobile settings) on
the start page, a section page, the contact page, the history page, the what-changed page and
the accessibility statement, in both languages, of the plain build and of the archive's
`latest/`. Prints one Markdown table: the four scores, first and largest contentful paint and
the bytes transferred per page; then what Lighthouse says blocks rendering and is unused.

Not a test: timings depend on the machine. Run it by hand and report the figures with the
machine they were measured on.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

import archives
from notice.publishing.mkdocs_utils import mkdocs_build
from project_copy import EXAMPLE, EXAMPLE_TODAY, ROOT, SETTINGS_ENV, copy_project
from site_server import PREFIX, GzipServer

LIGHTHOUSE = ROOT / "benchmarks" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("", "lagring/", "kontakt/", "versioner/", "andringar/", "tillganglighet/")


def example_settings(site_url: str) -> dict[str, str]:
    """The environment the example notice is built with, as the tests build it: no setting
    but the site's address, and its date as today."""
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_ENV}
    return {**env, "SITE_URL": site_url, "NOTICE_TODAY": EXAMPLE_TODAY}


def lighthouse(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")}
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
    """The stylesheets and classic scripts in the page's <head>, with their gzipped sizes.

    Lighthouse 12.2.3's own audit fails on current Chromium (its trace engine), so the page's
    HTML says: the browser paints nothing until these have loaded."""
    page = site_dir / path / "index.html"
    head = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
    found = []
    for tag in head.find_all(["link", "script"]):
        stylesheet = tag.name == "link" and "stylesheet" in tag.get("rel", [])
        if stylesheet and tag.get("media") in (None, "all", "screen"):
            found.append(tag["href"])
        classic = tag.name == "script" and tag.get("type") != "module"
        if classic and tag.get("src") and not {"async", "defer"} & set(tag.attrs):
            found.append(tag["src"])
    out = []
    for href in found:
        url = urljoin(PREFIX + path, href)
        file = site_dir / url[len(PREFIX) :]
        size = len(gzip.compress(file.read_bytes(), compresslevel=6)) if file.is_file() else 0
        out.append((url, size))
    return out


def worker_bytes(report: dict, server: GzipServer) -> int:
    """What Lighthouse leaves out of the bytes transferred: it counts a few hundred bytes for
    Material's search worker (a request of another target), which is its gzipped size."""
    missing = 0
    for item in report["audits"]["network-requests"]["details"]["items"]:
        if not item["url"].startswith(server.url):
            continue
        file = server.site_dir / item["url"][len(server.url) :].split("?", 1)[0]
        if file.is_file() and item["resourceType"] == "Script":
            size = len(gzip.compress(file.read_bytes(), compresslevel=6))
            missing += max(0, size - item["transferSize"])
    return missing


def median_run(reports: list[dict]) -> dict:
    """The run with the median first contentful paint, as Lighthouse advises for several."""
    ordered = sorted(reports, key=lambda r: r["audits"]["first-contentful-paint"]["numericValue"])
    return ordered[len(ordered) // 2]


def row(label: str, report: dict, server: GzipServer, path: str) -> dict:
    audits = report["audits"]
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    return {
        "page": label,
        **scores,
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
        "kib_worker": (audits["total-byte-weight"]["numericValue"] + worker_bytes(report, server))
        / 1024,
        "requests": len(audits["network-requests"]["details"]["items"]),
        "blocking": render_blocking(server.site_dir, path),
        "unused_css": _wasted(audits.get("unused-css-rules")),
        "unused_js": _wasted(audits.get("unused-javascript")),
        "failed": [
            audit_id
            for c in CATEGORIES
            for ref in report["categories"][c]["auditRefs"]
            if ref["weight"]
            and (audit_id := ref["id"]) in audits
            and audits[audit_id]["score"] is not None
            and audits[audit_id]["score"] < 1
        ],
    }


def _wasted(audit: dict | None) -> list[tuple[str, int, int]]:
    items = (audit or {}).get("details", {}).get("items", [])
    return [(i["url"], i.get("totalBytes", 0), i.get("wastedBytes", 0)) for i in items]


def short(url: str) -> str:
    return url.rsplit("/", 1)[-1]


def _unused(items: list[tuple[str, int, int]]) -> str:
    return ", ".join(f"{short(u)} {w / 1024:.1f} ({t / 1024:.1f})" for u, t, w in items) or "none"


def print_tables(rows: list[dict]) -> None:
    print("| page | perf | a11y | best pr. | SEO | FCP ms | LCP ms | KiB | + worker | requests |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for r in rows:
        print(
            f"| {r['page']} | {r['performance']} | {r['accessibility']} |"
            f" {r['best-practices']} | {r['seo']} | {r['fcp']:.0f} | {r['lcp']:.0f} |"
            f" {r['kib']:.1f} | {r['kib_worker']:.1f} | {r['requests']} |"
        )
    print()
    print("Render-blocking and unused (KiB gzipped; unused: Lighthouse's estimate):")
    print()
    print("| page | render-blocking in <head> (KiB) | unused CSS KiB (of) | unused JS KiB (of) |")
    print("|---|---|---|---|")
    for r in rows:
        blocking = ", ".join(f"{short(u)} ({b / 1024:.1f})" for u, b in r["blocking"]) or "none"
        css, js = (_unused(r[kind]) for kind in ("unused_css", "unused_js"))
        print(f"| {r['page']} | {blocking} | {css} | {js} |")
    failed = sorted({a for r in rows for a in r["failed"]})
    if failed:
        print()
        print("Audits below full marks on some page:", ", ".join(failed))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--keep", help="keep Lighthouse's JSON reports in this folder")
    parser.add_argument(
        "--runs", type=int, default=3, help="runs per page, the median reported (default 3)"
    )
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        print("Lighthouse is missing: run `npm ci` in benchmarks/ (make benchmark-pages does).")
        return 1
    with tempfile.TemporaryDirectory(prefix="seom-pages-") as tmp:
        base = Path(tmp)
        plain = GzipServer(base / "site")
        # The tests' example notice, as the archive below: figures that do not move with SEOM's
        # edits of docs/.
        project = copy_project(base / "project", EXAMPLE / "docs")
        result = mkdocs_build(project, plain.site_dir, env=example_settings(plain.url))
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            return 1
        plain.start()
        (base / "archive").mkdir()
        archives.SiteServer = GzipServer  # the archive served with gzip too
        archive = archives.two_versions(base / "archive").server
        reports = Path(args.keep) if args.keep else base / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        rows = []
        for name, server, prefix in (("plain", plain, ""), ("archive", archive, "latest/")):
            for lang in ("", "en/"):
                for page in PAGES:
                    path = prefix + lang + page
                    label = f"{name} /{path}"
                    stem = f"{name}-{(path or 'start').strip('/').replace('/', '_')}"
                    print(f"Lighthouse: {label}", file=sys.stderr, flush=True)
                    runs = [
                        lighthouse(server.url + path, reports / f"{stem}-{n}.json")
                        for n in range(1, args.runs + 1)
                    ]
                    rows.append(row(label, median_run(runs), server, path))
        plain.stop()
        archive.stop()
        if not args.keep:
            shutil.rmtree(reports)
    print_tables(rows)
    return 0


if __name__ == "__main__":
    from benchmark_record import record  # writes benchmarks/pages.md

    sys.exit(record("pages", main, markdown=True))
