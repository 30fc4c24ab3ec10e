"""Whether publishing scales: `make benchmark-publish` runs this.

Publishes 20 versions of the notice, one after the other, into a bare origin, as the publish
workflow would (`make publish PUSH=1`), and prints for each

- the wall-clock time and the CPU time (user + system) of `make publish` and its children,
- the size of the gh-pages branch: the objects reachable from gh-pages and not from main or
  the tags, summed twice, as git stores them in this repository (`objectsize:disk`, zlib-
  compressed, deltas only once packed) and as their content (`objectsize`),
- its growth since the previous version,

then the ratio of the 20th publish's time to the 2nd's (target: at most 1.2; the 1st creates
gh-pages and is not comparable) and what the alias `latest` costs: it is a copy of the version
in force (mike's alias_type copy), and git stores a file's content once however many trees
hold it, so the copy costs only the files that differ between <version>/ and latest/, and the
trees.

Uses scripts/archives.py, as the publishing tests do: a copy of the project in a temporary git
repository with a bare origin, docs/controller.yml filled in, test settings (SITE_URL on
127.0.0.1, CONTACT_FORM_ACTION). Version 1 is the project's own first version; each later one
is a new entry at the top of docs/versions.yml, ten days after the previous, with one new
sentence in the retention section in Swedish and in English (so the translation check passes),
published with NOTICE_TODAY set to its date: each is in force when published and moves
`latest`, as on the day a real version takes effect.

Not a test: times depend on the machine. Run it by hand and report the figures with the
machine they were measured on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from archives import A, git, new_archive

DAYS_BETWEEN = 10


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--versions", type=int, default=20, help="versions to publish (20)")
    parser.add_argument("--keep", action="store_true", help="keep the repository, print where")
    args = parser.parse_args(argv)
    tmp = tempfile.mkdtemp(prefix="seom-benchmark-publish-")
    arc = new_archive(Path(tmp), today=A)
    print(
        f"{'version':>3} {'date':>10}  {'wall s':>6} {'CPU s':>6}  "
        f"{'gh-pages disk':>13} {'growth':>8}  {'content':>9} {'growth':>8}  latest"
    )
    rows = []
    previous = (0, 0)
    for number in range(1, args.versions + 1):
        date = dt.date.fromisoformat(A) + dt.timedelta(days=DAYS_BETWEEN * (number - 1))
        date_id = date.isoformat()
        if number > 1:
            add_version(arc.repo, number, date_id)
        arc.env["NOTICE_TODAY"] = date_id
        wall, cpu = timed(lambda: arc.publish("PUSH=1"))
        size = gh_pages_size(arc.repo)
        latest = alias_cost(arc.repo, date_id)
        rows.append((number, wall, cpu, size))
        print(
            f"{number:>3} {date_id}  {wall:>6.1f} {cpu:>6.1f}  {kib(size[0]):>13} "
            f"{kib(size[0] - previous[0]):>8}  {kib(size[1]):>9} {kib(size[1] - previous[1]):>8}"
            f"  {latest}",
            flush=True,
        )
        previous = size
    if len(rows) >= 3:
        second, last = rows[1], rows[-1]
        print(
            f"\npublish {last[0]} / publish 2: wall {last[1] / second[1]:.2f}, "
            f"CPU {last[2] / second[2]:.2f} (target: at most 1.2)"
        )
        growths = [b[3][0] - a[3][0] for a, b in itertools.pairwise(rows[1:])]
        median = statistics.median(growths)
        print(f"growth per version from 3 on (disk): median {kib(int(median))}")
    print(f"one version's folder: {version_folder(arc.repo, rows[-1][0])}")
    subprocess.run(["git", "gc", "-q"], cwd=arc.repo, check=True)
    print(f"after git gc, gh-pages (disk, packed): {kib(gh_pages_size(arc.repo)[0])}")
    if args.keep:
        print(f"repository: {arc.repo}")
    else:
        subprocess.run(["rm", "-rf", tmp], check=True)
    return 0


def add_version(repo: Path, number: int, date: str) -> None:
    for name, sentence in (
        ("lagring.md", f"Den här meningen är ny i version {number}."),
        ("lagring.en.md", f"This sentence is new in version {number}."),
    ):
        with (repo / "docs" / name).open("a", encoding="utf-8") as f:
            f.write(f"\n{sentence}\n")
    versions = repo / "docs" / "versions.yml"
    text = versions.read_text(encoding="utf-8")
    first = text.index("- version:")
    entry = (
        f"- version: {date}\n  summary:\n    sv: En ny mening om lagring ({number}).\n"
        f"    en: A new sentence on retention ({number}).\n"
    )
    versions.write_text(text[:first] + entry + text[first:], encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", f"Version {number}")


def timed(publish) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the children) of one publish; fails loudly."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = publish()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"make publish failed:\n{result.stdout}\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def gh_pages_size(repo: Path) -> tuple[int, int]:
    """Bytes of the objects only gh-pages reaches: on disk here, and their content."""
    objects = git(repo, "rev-list", "--objects", "gh-pages", "--not", "main", "--tags")
    names = [line.split()[0] for line in objects.splitlines()]
    sizes = batch_check(repo, names, "%(objectsize:disk) %(objectsize)")
    disk = sum(int(s) for s in sizes[0::2])
    content = sum(int(s) for s in sizes[1::2])
    return disk, content


def batch_check(repo: Path, names: list[str], fields: str) -> list[str]:
    """``git cat-file --batch-check`` of ``names`` (objects or rev:path), its words in order."""
    return subprocess.run(
        ["git", "cat-file", f"--batch-check={fields}"],
        cwd=repo,
        input="".join(f"{name}\n" for name in names),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()


def alias_cost(repo: Path, version: str) -> str:
    """How latest/ differs from <version>/ (each version is in force when published)."""
    ours, alias = (git(repo, "rev-parse", f"gh-pages:{p}") for p in (version, "latest"))
    if ours == alias:
        return "same tree"
    changed = git(repo, "diff", "--name-only", f"gh-pages:{version}", "gh-pages:latest")
    files = changed.splitlines()
    sizes = batch_check(repo, [f"gh-pages:latest/{f}" for f in files], "%(objectsize)")
    total = sum(int(s) for s in sizes if s.isdigit())
    return f"{len(files)} files differ ({kib(total)})"


def version_folder(repo: Path, number: int) -> str:
    """The content of the newest version's folder: files and bytes (what a copy would cost)."""
    listing = git(repo, "ls-tree", "-r", "-l", "gh-pages", "--", "latest/")
    sizes = [int(line.split()[3]) for line in listing.splitlines()]
    return f"{len(sizes)} files, {kib(sum(sizes))} of content"


def kib(size: int) -> str:
    return f"{size / 1024:.0f} KiB"


if __name__ == "__main__":
    from benchmark_record import record  # writes benchmarks/publish.md

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    raise SystemExit(record("publish", main))
