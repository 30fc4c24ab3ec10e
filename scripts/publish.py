"""`make publish` and `make calendar`: publish the newest version of the notice into its archive
(gh-pages), and follow the calendar from what is published.

A thin entry point: the work is the package notice.publishing (hooks/notice/publishing/: the
command line, the policy, git, the build with mike, the archive's root files and its record).
"""

from __future__ import annotations

import sys
from pathlib import Path

from notice.publishing.cli import main

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    sys.exit(main(ROOT))
