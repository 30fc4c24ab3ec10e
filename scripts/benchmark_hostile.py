"""How long the content checks take on large and hostile notices: `make benchmark-hostile`.

Not a test: timings depend on the machine. Each case is the project's notice (docs/), copied
and changed, read by the model in a process of its own (what every build, `make check` and
`make publish` do first), timed as a whole process; then a real `mkdocs build --strict` where
the case is a valid notice. The budget (issue 17): any hostile input ends within 10 s with a
Swedish message.

- a notice of 200 sections, in both languages;
- a page of 5 MB (over its size, refused before it is read);
- the most Markdown there may be, as dense as it gets: one page of 100 kB, then every
  section's page filled up to the 200 kB all pages may weigh together, of emphasis (the
  slowest thing for Python-Markdown per kB that the checks accept);
- 20,000 mistakes (links to headings that do not exist, each with the heading it probably
  meant) on eight pages;
- 10,000 brackets never closed, and emphasis 3,000 levels deep (minutes, and a traceback,
  before issue 17);
- eight lines of YAML aliases that a loader would expand to gigabytes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from notice.publishing.mkdocs_utils import mkdocs_build
from project_copy import copy_project

BUDGET = 10.0  # seconds
MODEL = """
import sys
from pathlib import Path
from notice import reading
notice = reading.load(Path(sys.argv[1]), ["sv", "en"], with_previous=False)
print(len(notice.problems))
print(notice.problems[0] if notice.problems else "")
"""


def main() -> int:
    print(f"The model reading docs/, as a process ({os.cpu_count()} cores); budget {BUDGET:.0f} s")
    with tempfile.TemporaryDirectory(prefix="seom-hostile-") as tmp:
        for name, make, build in CASES:
            project = copy_project(Path(tmp) / name.replace(" ", "-"))
            make(project / "docs")
            seconds, count, first = read(project / "docs")
            line = f"- {name}: {seconds:.2f} s, {count} problems"
            if first:
                line += f"; the first: {first[:110]}"
            if build and not count:
                line += f"; mkdocs build --strict: {build_seconds(project):.2f} s"
            print(line)
    return 0


def read(docs: Path) -> tuple[float, int, str]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", MODEL, str(docs)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(result.stderr)
    count, first = result.stdout.split("\n", 1)
    return seconds, int(count), first.strip()


def build_seconds(project: Path) -> float:
    env = {**os.environ, "NOTICE_TODAY": "2026-12-15"}
    start = time.perf_counter()
    mkdocs_build(project, project / "site", env=env).check_returncode()
    return time.perf_counter() - start


def sections(docs: Path) -> None:
    """200 sections in both languages, each a heading and three paragraphs with a link."""
    lines = ["sections:"]
    for number in range(200):
        section = f"avsnitt-{number}"
        lines.append(f"  {section}: Avsnitt {number}")
        for suffix, words in (("", "Text om avsnittet"), (".en", "Text on the section")):
            body = "\n\n".join(
                f"{words} {number}, stycke {p}. Se [klagomål](klagomal.md)." for p in range(3)
            )
            (docs / f"{section}{suffix}.md").write_text(
                f"---\nsection: {section}\nsummary: Avsnitt {number}.\ngdpr: [13.1.c]\n---\n\n"
                f"# Avsnitt {number}\n\n{body}\n",
                encoding="utf-8",
            )
    sections_file = docs / "sections.yml"
    existing = sections_file.read_text(encoding="utf-8").split("sections:", 1)[1]
    sections_file.write_text("\n".join(lines) + existing, encoding="utf-8")


def big_page(docs: Path) -> None:
    page = docs / "lagring.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + ("Ett långt stycke text om lagring. " * 150_000), encoding="utf-8")


SECTION_PAGES = [
    f"{name}{suffix}.md"
    for name in ("insamling", "anvandning", "delning", "lagring", "rattigheter")
    for suffix in ("", ".en")
]


def fill(page: Path, size: int, unit: str) -> None:
    text = page.read_text(encoding="utf-8") + "\n"
    room = size - len(text.encode("utf-8")) - 1
    page.write_text(text + unit * (room // len(unit.encode("utf-8"))) + "\n", encoding="utf-8")


def dense_page(docs: Path) -> None:
    fill(docs / "lagring.md", 100 * 1024 - 1, "*a* ")


def dense_notice(docs: Path) -> None:
    others = sum(p.stat().st_size for p in docs.rglob("*.md") if p.name not in SECTION_PAGES)
    for name in SECTION_PAGES:
        # A <br> in each: the sections are then also read joined, as hela-meddelandet has them.
        fill(docs / name, (200 * 1024 - others) // len(SECTION_PAGES) - 1, "*a* <br> ")


def many_mistakes(docs: Path) -> None:
    for number, name in enumerate(SECTION_PAGES[:8]):
        page = docs / name
        # As short as a mistake gets, so that 20,000 fit in the 200 kB all pages may weigh.
        links = " ".join(f"[{number}](#x)" for _ in range(2_500))
        page.write_text(page.read_text(encoding="utf-8") + "\n" + links + "\n", encoding="utf-8")


def brackets(docs: Path) -> None:
    page = docs / "lagring.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + "![" * 10_000 + "\n")


def deep_emphasis(docs: Path) -> None:
    page = docs / "lagring.md"
    deep = "*" * 3000 + "a" + "*" * 3000
    page.write_text(page.read_text(encoding="utf-8") + "\n" + deep + "\n", encoding="utf-8")


def aliases(docs: Path) -> None:
    lol = ", ".join(["lol"] * 9)
    rows = [f"a0: &a0 [{lol}]"]
    rows += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 8)]
    (docs / "authority.yml").write_text("\n".join(rows) + "\n", encoding="utf-8")


CASES = [
    ("200 sections", sections, True),
    ("a 5 MB page", big_page, False),
    ("a 100 kB page of emphasis", dense_page, True),
    ("200 kB of pages of emphasis", dense_notice, True),
    ("20,000 mistakes", many_mistakes, False),
    ("10,000 brackets never closed", brackets, False),
    ("emphasis 3,000 deep", deep_emphasis, False),
    ("YAML aliases", aliases, False),
]


if __name__ == "__main__":
    from benchmark_record import record  # writes benchmarks/hostile.md

    sys.exit(record("hostile", main))
