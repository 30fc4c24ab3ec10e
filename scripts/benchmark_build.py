"""How much the project's hooks and templates cost: `make benchmark` runs this.

Builds the same Markdown twice over, side by side in one run, and prints the CPU time (user +
system, of the build process and its children) of

- the project's real build (`mkdocs build --strict` of this repository), and
- a bare build: stock Material + static-i18n + search with the same languages, Markdown
  extensions and pages, without hooks, overrides or mike,

and the ratio of their medians. Builds alternate (bare, project, bare, ...) so that whatever
else the machine does affects both alike, after one of each that is not counted. Target: a
ratio of at most 1.15.

Python keeps compiled modules (bytecode) here as it does by default: PYTHONDONTWRITEBYTECODE
is left out of the builds' environment. With it set, every build compiles the hooks' Python
afresh (some 6,000 lines), which the bare build, with no modules of its own, never pays:
`--no-bytecode` measures that case (0.05 to 0.09 more in the ratio on the development machine).

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
NO_BYTECODE = "PYTHONDONTWRITEBYTECODE"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=9, help="builds of each kind (default 9)")
    parser.add_argument(
        "--no-bytecode", action="store_true", help="builds with PYTHONDONTWRITEBYTECODE=1"
    )
    args = parser.parse_args(argv)
    env = {k: v for k, v in os.environ.items() if k not in (*SETTINGS, NO_BYTECODE)}
    if args.no_bytecode:
        env[NO_BYTECODE] = "1"
    with tempfile.TemporaryDirectory(prefix="seom-benchmark-") as tmp:
        bare = bare_project(Path(tmp) / "bare")
        times: dict[str, list[float]] = {"bare": [], "project": []}
        for round_ in range(args.rounds + 1):  # the first round warms up: not counted
            bare_time = cpu_seconds(bare, Path(tmp) / "site-bare", env)
            project_time = cpu_seconds(ROOT, Path(tmp) / "site-project", env)
            if round_:
                times["bare"].append(bare_time)
                times["project"].append(project_time)
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


def cpu_seconds(project: Path, site_dir: Path, env: dict[str, str]) -> float:
    """CPU time of one `mkdocs build` of ``project``, children included."""
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
