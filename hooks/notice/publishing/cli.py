"""The command line of scripts/publish.py (`make publish`, `make calendar`): its arguments,
what it prints and its exit status; what it does is operations'."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from notice.publishing.errors import PublishError
from notice.publishing.operations import calendar, publish

DESCRIPTION = (
    "Publish the newest version of the notice (make publish), or follow the calendar from what "
    "is published (make calendar)."
)


def main(root: Path, argv: list[str] | None = None) -> int:
    """The command line of scripts/publish.py in ``root`` (the project); the exit status."""
    parser = argparse.ArgumentParser(description=DESCRIPTION)
    parser.add_argument("--push", action="store_true", help="push gh-pages and the tag to origin")
    parser.add_argument("--force", action="store_true", help="republish an existing version")
    parser.add_argument(
        "--calendar",
        action="store_true",
        help="only what the date asks (a version coming into force, the root files), from what "
        "is published; docs/ is not read",
    )
    args = parser.parse_args(argv)
    try:
        if args.calendar:
            print(calendar(root, push=args.push))
        else:
            print(publish(root, push=args.push, force=args.force))
    except PublishError as error:
        command = "make calendar" if args.calendar else "make publish"
        print(f"{command}: {error}", file=sys.stderr)
        return 1
    return 0
