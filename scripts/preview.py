"""The preview: `make preview` builds the site into preview/ to open from disk (index.html).

A command-line tool, not an MkDocs hook. CI attaches preview/ to every pull request. It shows
the notice as readers will see it:

- When the newest version in docs/versions.yml takes effect after today (published ahead of
  its date), there are two moments to see, and the preview has both: preview/ is the site
  from that date (the new version in force), and preview/fore/ the site before it (the
  version in force now, from its git tag, with the announcement its pages show until the
  date, whose link leads to the new version's what-changed page). Each says which it is and
  links to the other.
- Otherwise preview/ is the site as it is today.

Both are built with this branch's engine (mkdocs.preview.yml), so what changed in the
presentation shows in both. The preview of the version in force needs its tag; without one
(nothing is published yet, or the tags were not fetched) there is only preview/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from notice import archive, build, dates, languages, model, reading, shortcodes
from notice import git as notice_git
from notice.publishing.mkdocs_utils import mkdocs_build

ROOT = Path(__file__).resolve().parents[1]

CONFIG = "mkdocs.preview.yml"
BEFORE = "fore"  # preview/fore/: the site before the newest version's date


def main() -> int:
    site_dir = ROOT / "preview"
    print(preview(ROOT, site_dir), file=sys.stderr)
    return 0


def preview(root: Path, site_dir: Path) -> str:
    """Build the preview into ``site_dir``; returns what it holds, for whoever ran it."""
    from mkdocs.config import load_config

    config = load_config(str(root / CONFIG))
    built = languages.built(config)
    notice = reading.load(root / "docs", built, build.markdown_config(config))
    if notice.problems or not notice.versions:
        # The build says what is wrong, as `make build` does.
        run_build(root, site_dir, None, None)
        return "Förhandsgranskningen är byggd i preview/."
    version, today = notice.versions[0], notice.today
    shown = archive.latest(notice.published, today)
    if archive.in_effect(version.id, today) or not shown or shown == version.id:
        run_build(root, site_dir, None, None)
        return "Förhandsgranskningen är byggd i preview/."
    view = {
        "version": version.id,
        "in_force": shown,
        "date": {lang: dates.long_date(version.date, lang) for lang in built},
        "prefixes": {lang: languages.prefix_of(lang, built) for lang in built},
        "changes": shortcodes.CHANGES_PAGE,
    }
    with tempfile.TemporaryDirectory(prefix="seom-preview-") as tmp:
        before_dir = Path(tmp) / BEFORE
        pages = page_files(notice)  # the pages of preview/, as the banner links to them
        before = try_before(
            root, before_dir, {**view, "kind": "before", "other": "../", "pages": pages}
        )
        there = sorted(p.relative_to(before_dir).as_posix() for p in before_dir.rglob("*.html"))
        after = {**view, "kind": "from", "other": f"{BEFORE}/" if before else "", "pages": there}
        run_build(root, site_dir, after, version.id)  # as it reads on its date
        if before:
            shutil.move(str(before_dir), site_dir / BEFORE)
    if not before:
        return (
            f"Förhandsgranskningen är byggd i preview/: så ser det ut från den "
            f"{view['date'][built[0]]}. Hur det ser ut före datumet gick inte att bygga (se "
            "ovan)."
        )
    return (
        f"Förhandsgranskningen är byggd i preview/ (så ser det ut från den "
        f"{view['date'][built[0]]}) och preview/{BEFORE}/ (före det datumet)."
    )


def page_files(notice: model.Notice) -> list[str]:
    """Each page of the notice as the preview writes it: "lagring.html", "en/lagring.html"."""
    out = []
    for source in notice.pages.values():
        prefix = languages.prefix_of(source.locale, notice.languages)
        out.append(prefix + source.base.removesuffix(".md") + ".html")
    return sorted(out)


def try_before(root: Path, site_dir: Path, view: dict) -> bool:
    """The version in force now, from its tag, built with this branch's engine."""
    tag = notice_git.tag_of(view["in_force"])
    with tempfile.TemporaryDirectory(prefix="seom-preview-") as tmp:
        checkout = Path(tmp) / "checkout"
        added = subprocess.run(
            ["git", "worktree", "add", "--detach", "--quiet", str(checkout), tag],
            cwd=root,
            capture_output=True,
            text=True,
        )
        if added.returncode != 0:
            print(f"Taggen {tag} gick inte att hämta: {added.stderr.strip()}", file=sys.stderr)
            return False
        try:
            built = run_build(root, site_dir, view, None, docs_dir=checkout / "docs", quiet=True)
            if not built.returncode:
                return True
            date = next(iter(view["date"].values()))  # in the default language
            print(
                f"Hur webbplatsen ser ut före den {date} gick inte "
                f"att förhandsgranska: version {view['in_force']} (den som gäller nu, från "
                f"taggen {tag}) klarar inte den här grenens kontroller. Det gäller inte din "
                "ändring; be en utvecklare titta på det. Så säger bygget:\n" + built.stderr,
                file=sys.stderr,
            )
            return False
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(checkout)],
                cwd=root,
                capture_output=True,
            )


def run_build(
    root: Path,
    site_dir: Path,
    view: dict | None,
    today: str | None,
    *,
    docs_dir: Path | None = None,
    quiet: bool = False,
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict -f mkdocs.preview.yml` into ``site_dir``, in its own process (the
    hooks keep a build's state per process); ``view``: which moment it shows, ``today``: the
    date that counts as today, ``docs_dir``: the notice to build, if not docs/. A failure of
    this branch's own notice stops the preview, with the build's words; ``quiet``: it is
    returned instead, output captured."""
    env = dict(os.environ)
    if today:
        env[dates.TODAY_VARIABLE] = today
    result = mkdocs_build(
        root,
        site_dir,
        config_file=CONFIG,
        env=env,
        # The preview's moment, in extra (mkdocs.yml cannot say it).
        extra={"preview_view": view} if view else {},
        docs_dir=docs_dir,
        capture=quiet,
    )
    if result.returncode != 0 and not quiet:
        sys.exit(result.returncode)
    return result


if __name__ == "__main__":
    sys.exit(main())
