"""Published versions as git records them: the tags notice/<date>, and a version's docs/ at its
tag."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

TAG_PREFIX = "notice/"


def tag_of(version: str) -> str:
    return TAG_PREFIX + version


def tagged_versions(folder: Path) -> list[str]:
    """The versions that have a tag in the repository holding ``folder``, oldest first."""
    result = subprocess.run(
        ["git", "tag", "--list", f"{TAG_PREFIX}*"], cwd=folder, capture_output=True, text=True
    )
    found = (tag.removeprefix(TAG_PREFIX) for tag in result.stdout.split())
    return sorted(v for v in found if DATE.fullmatch(v))


DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def files_at(docs_dir: Path, tag: str) -> dict[str, bytes] | None:
    """{path relative to docs/: bytes} of the pages and data files at ``tag``; None without it.

    Read on every build that needs it, never cached for longer: after `git fetch --tags` the
    next rebuild of `make serve` finds the tag. ``docs_dir`` need not exist now (a checkout
    where it was removed): then it is read from its parent folder.
    """
    if docs_dir.is_dir():
        here, spec, prefix = docs_dir, ".", b""
    else:
        here, spec, prefix = docs_dir.parent, f"{docs_dir.name}/", f"{docs_dir.name}/".encode()
    listing = subprocess.run(
        ["git", "ls-tree", "-r", "-z", f"refs/tags/{tag}", "--", spec],
        cwd=here,  # ls-tree lists relative to it
        capture_output=True,
    )
    if listing.returncode != 0:
        return None
    entries = [
        (info, path.removeprefix(prefix))
        for info, path in (line.split(b"\t", 1) for line in listing.stdout.split(b"\0") if line)
    ]
    # Regular files only: a symbolic link's blob is the path it points to.
    blobs = [
        (info.split()[2].decode(), path.decode())
        for info, path in entries
        if info.split()[:2] in ([b"100644", b"blob"], [b"100755", b"blob"])
        and path.rsplit(b".", 1)[-1] in (b"md", b"yml")
    ]
    if not blobs:
        return {}
    batch = subprocess.run(
        ["git", "cat-file", "--batch"],
        cwd=here,
        input=b"".join(sha.encode() + b"\n" for sha, _ in blobs),
        capture_output=True,
        check=True,
    ).stdout
    files, offset = {}, 0
    for _, path in blobs:
        header_end = batch.index(b"\n", offset)
        size = int(batch[offset:header_end].split()[2])
        files[path] = batch[header_end + 1 : header_end + 1 + size]
        offset = header_end + 1 + size + 1  # the content, then a newline
    return files
