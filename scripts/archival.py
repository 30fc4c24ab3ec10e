"""`make pdf`: a preview of the newest version's archival copies, from the working tree.

Builds the newest version as `make publish` builds it (mkdocs.archive.yml, every check) into a
temporary folder, then makes the whole notice as PDF/A per language into pdf/, as publishing
makes the copies it adds to a new version's folder (notice/publishing/copies.py), and checks
them the same way. Each preview says on its first page, and in its metadata, that it is not
the archival copy: publishing makes that, once per version. `make build` makes none.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from notice import build, languages, reading
from notice.publishing.copies import previews
from notice.publishing.errors import PublishError
from notice.publishing.mkdocs_utils import build_site

ROOT = Path(__file__).resolve().parents[1]
OUT = "pdf"


def main() -> int:
    try:
        print(preview(ROOT, ROOT / OUT), file=sys.stderr)
    except PublishError as error:
        print(f"make pdf: {error}", file=sys.stderr)
        return 1
    return 0


def preview(root: Path, out: Path) -> str:
    """The copies of docs/'s newest version in ``out``; returns what was made, in Swedish."""
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"))
    notice = reading.load(root / "docs", languages.built(config), build.markdown_config(config))
    if notice.problems or not notice.versions:
        raise PublishError(
            "docs/ har fel som bygget visar: kör make build och rätta dem först.\n"
            + reading.format_problems(notice.problems)
        )
    version = notice.versions[0].id
    # The address its version's folder will have in the archive, as publishing writes it.
    folder = str(config["site_url"] or "/").rstrip("/") + f"/{version}/"
    shutil.rmtree(out, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="seom-pdf-") as tmp:
        site_dir = Path(tmp) / version
        build_site(root, version, site_dir)  # as `make publish` builds it (mkdocs.archive.yml)
        copies = previews(root, config, notice, site_dir, version, folder)
    made_lines = []
    for path, data in copies.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        made_lines.append(f"  {OUT}/{path} ({len(data) // 1024} kB)")
    return "Förhandsvisningen av arkivkopiorna (PDF/A-2a) är gjord:\n" + "\n".join(made_lines)


if __name__ == "__main__":
    sys.exit(main())
