"""How much the project's hooks and templates cost: `make benchmark` runs this.

Builds the same Markdown twice over, side by side in one run, and prints the CPU time (user +
system, of the build process and its children) of

- the project's real build (`mkdocs build --strict` of this repository), and
- a bare build: stock Material + static-i18n + search with the same languages, Markdown
  extensions and pages, without hooks, overrides or mike,

and the ratio of their medians. Builds alternate (bare, project, bare, ...) so that whatever
else the machine does affects both alike. Target: a ratio of at most 1.15.

Not a test: CPU time depends on the machine. Run it by hand and report the figure with the
machine it was measured on.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import yaml

from notice.publishing.mkdocs_utils import mkdocs_build
from notice.urls import MIKE_VERSION_VARIABLE

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = ("SITE_URL", "CONTACT_FORM_ACTION", "CONTACT_FORM_MAILTO", MIKE_VERSION_VARIABLE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=5, help="builds of each kind (default 5)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="seom-benchmark-") as tmp:
        bare = bare_project(Path(tmp) / "bare")
        times: dict[str, list[float]] = {"bare": [], "project": []}
        for _ in range(args.rounds):
            times["bare"].append(cpu_seconds(bare, Path(tmp) / "site-bare"))
            times["project"].append(cpu_seconds(ROOT, Path(tmp) / "site-project"))
    medians = {kind: statistics.median(values) for kind, values in times.items()}
    for kind, values in times.items():
        runs = " ".join(f"{v:.2f}" for v in values)
        print(f"{kind:>8}: median {medians[kind]:.2f} s CPU  (runs: {runs})")
    print(f"   ratio: {medians['project'] / medians['bare']:.2f} (target: at most 1.15)")
    return 0


def bare_project(target: Path) -> Path:
    """Stock Material + static-i18n over a copy of the project's Markdown."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    (target / "docs").mkdir(parents=True)
    for page in (ROOT / "docs").glob("*.md"):
        shutil.copy2(page, target / "docs" / page.name)
    i18n = config["plugins"]["i18n"]
    bare = {
        "site_name": config["site_name"],
        "site_url": "https://example.org/",
        "theme": {"name": "material", "language": "sv", "font": False},
        "plugins": [
            "search",
            {
                "i18n": {
                    "docs_structure": "suffix",
                    "fallback_to_default": False,
                    "languages": [
                        {
                            k: v
                            for k, v in lang.items()
                            if k in ("locale", "name", "default", "build")
                        }
                        for lang in i18n["languages"]
                    ],
                }
            },
        ],
        "markdown_extensions": config["markdown_extensions"],
    }
    (target / "mkdocs.yml").write_text(yaml.safe_dump(bare, allow_unicode=True), "utf-8")
    return target


def cpu_seconds(project: Path, site_dir: Path) -> float:
    """CPU time of one `mkdocs build` of ``project``, children included."""
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = mkdocs_build(project, site_dir, env=env, strict=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"the build of {project} failed:\n{result.stderr}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's !ENV tags, read as their default values."""


_Loader.add_constructor(
    "!ENV",
    lambda loader, node: loader.construct_sequence(node)[-1] if node.id == "sequence" else "",
)


if __name__ == "__main__":
    from benchmark_record import record  # writes benchmarks/build.md

    sys.exit(record("build", main))
