"""How long the content checks take on large and hostile notices: `make benchmark-hostile`.

Not a test: timings depend on the machine. Each case is the project's notice (docs/), copied
and changed, read by the model in a process of its own (what every build, `make check` and
`make publish` do first), timed as a whole process; then a real `mkdocs build --strict` where
the case is a valid notice. The budget (issue 17): any hostile input ends within 10 s with a
Swedish message.

- a notice of 200 sections, in both languages;
- a 5 MB page;
- 20,000 mistakes on one page (broken links, each with the page it probably meant);
- eight lines of YAML aliases that a loader would expand to gigabytes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from project_copy import ROOT, copy_project

BUDGET = 10.0  # seconds
MODEL = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from notice import model
notice = model.load(Path(sys.argv[1]), ["sv", "en"], with_previous=False)
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
        [sys.executable, "-c", MODEL, str(docs), str(ROOT / "hooks")],
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
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NOTICE_TODAY": "2026-12-15"}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        check=True,
    )
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


def many_mistakes(docs: Path) -> None:
    page = docs / "lagring.md"
    links = "\n\n".join(f"Se [klagomål](klagomaal-{n}.md)." for n in range(20_000))
    page.write_text(page.read_text(encoding="utf-8") + "\n" + links + "\n", encoding="utf-8")


def aliases(docs: Path) -> None:
    lol = ", ".join(["lol"] * 9)
    rows = [f"a0: &a0 [{lol}]"]
    rows += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 8)]
    (docs / "authority.yml").write_text("\n".join(rows) + "\n", encoding="utf-8")


CASES = [
    ("200 sections", sections, True),
    ("a 5 MB page", big_page, False),
    ("20,000 mistakes", many_mistakes, False),
    ("YAML aliases", aliases, False),
]


if __name__ == "__main__":
    sys.exit(main())
