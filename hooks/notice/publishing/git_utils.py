"""git for publishing: the branches and the remote, fetching what is online into a stage and
taking it once it checks out, the atomic push and its lost race, the journal that undoes a
run that was killed, and the one transactional commit every write to a branch goes through."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from notice import archive
from notice import git as notice_git
from notice.publishing.errors import PublishError

BRANCH = "gh-pages"


# Each version published ahead of its date, built as it will read once in force (without its
# "takes effect on" notice): what `make calendar` puts in its folder on the date. A branch that
# GitHub Pages does not serve.
UPCOMING = "gh-pages-upcoming"


BRANCHES = (f"refs/heads/{BRANCH}", f"refs/heads/{UPCOMING}")


REMOTE = "origin"


ALIAS = archive.ALIAS
# {branch: its commit fetched from origin, or None}, and {version: the commit its tag names}.
Staged = dict[str, str | None]
Tags = dict[str, str]


@contextmanager
def all_or_nothing(git: Git, refs: tuple[str, ...]) -> Iterator[dict[str, str | None]]:
    """The refs as they are (yielded), put back exactly so if anything fails; should the run
    be killed instead, the next one puts them back (recover())."""
    saved = {ref: git.ref(ref) for ref in refs}
    journal = journal_of(git)
    written = journal.with_suffix(".tmp")  # whole or not at all, should this run be killed
    written.write_text(json.dumps({"pid": os.getpid(), "refs": saved}, indent=2) + "\n", "utf-8")
    written.replace(journal)
    try:
        yield saved
    except BaseException:
        for ref, value in saved.items():
            git.restore(ref, value)
        raise
    finally:
        journal.unlink(missing_ok=True)


# In the repository's git directory while a run changes its refs: what they were before.
JOURNAL = "notice-publish.json"


def journal_of(git: Git) -> Path:
    return Path(git.run("rev-parse", "--absolute-git-dir")) / JOURNAL


def recover(git: Git, command: str) -> None:
    """Undo here what a run that was killed (or whose machine stopped) had changed, from its
    journal: its refs as they were before it. This run then does its work again; what it had
    pushed, if anything, is on origin, where fetch() finds it."""
    journal = journal_of(git)
    try:
        text = journal.read_text(encoding="utf-8")
    except FileNotFoundError:
        return
    try:
        data = json.loads(text)
        refs, pid = data["refs"], data["pid"]
        assert isinstance(pid, int) and all(
            ref.startswith("refs/") and (value is None or isinstance(value, str))
            for ref, value in refs.items()
        )
    except (ValueError, KeyError, TypeError, AttributeError, AssertionError):
        raise PublishError(
            f"{journal} is not what a run of publishing leaves there (the refs it is about to "
            f"change), so what a run that stopped left here cannot be undone from it. Check "
            f"{BRANCH}, {UPCOMING} and the tags {notice_git.TAG_PREFIX}* here, delete the file "
            "and run again."
        ) from None
    if pid != os.getpid() and running(pid):
        raise PublishError(
            f"another run of make publish or make calendar (process {pid}) is changing the "
            "archive in this repository: run again once it has finished. If none is running, "
            f"delete {journal} and run again."
        )
    undone = [ref for ref, value in refs.items() if git.ref(ref) != value]
    for ref in undone:
        git.restore(ref, refs[ref])
    journal.unlink()
    names = ", ".join(
        f"the tag {ref.removeprefix('refs/tags/')}"
        if ref.startswith("refs/tags/")
        else ref.removeprefix("refs/heads/")
        for ref in undone
    )
    what = f"what it had changed here is undone ({names})" if undone else "it had changed nothing"
    print(
        f"{command}: a run here stopped before it finished (it was killed, or its machine "
        f"stopped); {what}, and this run does its work again.",
        file=sys.stderr,
    )


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's
        return True
    return True


class Git:
    def __init__(self, root: Path) -> None:
        self.root = root

    def run(
        self, *args: str, check: bool = True, env: dict | None = None, input: str | None = None
    ) -> str:
        result = subprocess.run(
            ["git", *args], cwd=self.root, capture_output=True, text=True, env=env, input=input
        )
        if check and result.returncode != 0:
            raise PublishError(f"git {' '.join(args)} failed:\n{result.stderr.strip()}")
        return result.stdout.strip()

    def ref(self, ref: str) -> str | None:
        return self.run("rev-parse", "--verify", "--quiet", ref, check=False) or None

    def blob(self, sha: str) -> bytes:
        """A file's bytes as git stores them (a file online may be anything, even binary)."""
        result = subprocess.run(
            ["git", "cat-file", "blob", sha], cwd=self.root, capture_output=True
        )
        if result.returncode != 0:
            raise PublishError(f"git cat-file blob {sha} failed:\n{result.stderr.decode().strip()}")
        return result.stdout

    def restore(self, ref: str, value: str | None) -> None:
        if value is None:
            self.run("update-ref", "-d", ref, check=False)
        else:
            self.run("update-ref", ref, value, check=False)


def fetch(git: Git, check: Callable[[Staged, Tags, Tags], None]) -> None:
    """Start from what is online: origin's gh-pages, gh-pages-upcoming and tags, once they
    check out (``check``, with {branch: its commit on origin}, this repository's tags and
    origin's, {version: commit}: the archive's record, record.check_archive()); until then
    nothing here moves.

    origin's tags win over local ones (a version published here, then by CI), and the local
    branches are reset to origin's: commits that never reached origin are left over from a run
    that stopped, and this run does their work again.
    """
    clear_stage(git)
    try:
        # --refmap= keeps git from updating refs/remotes/origin/* on the way.
        git.run(
            "fetch",
            "--quiet",
            "--no-tags",
            "--refmap=",
            "--force",
            REMOTE,
            f"+refs/heads/{BRANCH}*:{STAGE}heads/{BRANCH}*",
            f"+refs/tags/{notice_git.TAG_PREFIX}*:{STAGE}tags/{notice_git.TAG_PREFIX}*",
        )
        staged = {branch: git.ref(f"{STAGE}heads/{branch}") for branch in (BRANCH, UPCOMING)}
        here = tag_commits(git, "refs/tags/")
        origin = tag_commits(git, f"{STAGE}tags/")
        check(staged, here, origin)
        take_from_stage(git, staged)
    finally:
        clear_stage(git)


def take_from_stage(git: Git, staged: dict[str, str | None]) -> None:
    """origin's tags and branches, checked, into this repository: one transaction."""
    lines = []
    listing = git.run("for-each-ref", "--format=%(refname) %(objectname)", f"{STAGE}tags/")
    for line in listing.splitlines():
        ref, sha = line.split()
        lines.append(f"update refs/tags/{ref.removeprefix(f'{STAGE}tags/')} {sha}")
    for branch, sha in staged.items():
        for ref in (f"refs/remotes/{REMOTE}/{branch}", f"refs/heads/{branch}"):
            if sha:
                lines.append(f"update {ref} {sha}")
            elif git.ref(ref):  # never pushed: what a run here left does not count
                lines.append(f"delete {ref}")
    if lines:
        git.run("update-ref", "--stdin", input="\n".join(lines) + "\n")


def clear_stage(git: Git) -> None:
    refs = git.run("for-each-ref", "--format=%(refname)", STAGE).splitlines()
    if refs:
        git.run("update-ref", "--stdin", input="".join(f"delete {ref}\n" for ref in refs))


def local_branches(git: Git) -> None:
    """Without PUSH, work on the local branches; a clone has only origin's: take those."""
    for branch in (BRANCH, UPCOMING):
        remote = git.ref(f"refs/remotes/{REMOTE}/{branch}")
        if remote and not git.ref(f"refs/heads/{branch}"):
            git.run("update-ref", f"refs/heads/{branch}", remote)


# origin's branches and tags are fetched here first, and taken only once they check out.
STAGE = "refs/notice-publish/origin/"


def tag_commits(git: Git, namespace: str) -> dict[str, str]:
    """{version: the commit its tag names} for the tags notice/<version> under ``namespace``
    (refs/tags/, or where fetch() put origin's)."""
    prefix = f"{namespace}{notice_git.TAG_PREFIX}"
    listing = git.run("for-each-ref", "--format=%(refname) %(objectname) %(*objectname)", prefix)
    out = {}
    for line in listing.splitlines():
        ref, sha, *peeled = line.split()
        version = ref.removeprefix(prefix)
        if notice_git.DATE.fullmatch(version):
            out[version] = peeled[0] if peeled else sha
    return out


def describe(git: Git, commit: str) -> str:
    """A commit as the messages name it: its short name, subject, author and date."""
    subject, author, date = git.run("log", "-1", "--format=%s%x00%an%x00%cs", commit).split("\0")
    return f'{commit[:12]} ("{subject}", {author}, {date})'


def push_to_origin(git: Git, tag: str | None = None) -> None:
    """gh-pages, gh-pages-upcoming and the tag in one atomic push; the branches only where
    origin has not moved."""
    refs = [branch for branch in (BRANCH, UPCOMING) if git.ref(f"refs/heads/{branch}")]
    if tag:
        refs.append(f"+refs/tags/{tag}:refs/tags/{tag}")
    try:
        git.run("push", "--atomic", REMOTE, *refs)
    except PublishError as error:
        if lost_a_race(str(error)):
            raise PublishError(
                f"another publish finished first: {REMOTE}/{BRANCH} changed while this one "
                "ran, and nothing was pushed. Run `make publish` again: it starts from what "
                "the other one published."
            ) from None
        raise


def lost_a_race(message: str) -> bool:
    """git's words for a push refused because origin's branch moved since it was fetched."""
    return any(
        words in message
        for words in (
            "non-fast-forward",
            "fetch first",
            "stale info",
            "failed to update ref",
            "cannot lock ref",  # origin's branch moved after this push was prepared
        )
    )


def not_on_origin(git: Git, tag: str | None = None) -> bool:
    """What this repository holds that origin lacks: left by a run that stopped before pushing."""
    refs = [*BRANCHES, *([f"refs/tags/{tag}"] if tag else [])]
    lines = git.run("ls-remote", REMOTE, *refs).splitlines()
    remote = {ref: sha for sha, ref in (line.split("\t") for line in lines)}
    return any(remote.get(ref) != git.ref(ref) for ref in refs)


def commit_tree(
    git: Git,
    branch: str,
    message: str,
    *,
    files: dict[str, str] | None = None,
    folders: dict[str, str] | None = None,
    allow_empty: bool = False,
) -> bool:
    """One commit on ``branch`` that writes ``files`` ({path: text}) and replaces ``folders``
    ({path: a tree of this repository}), and changes nothing else; every write to a branch
    outside mike goes through it. Built in an index of its own (the working tree and its index
    are never touched), and the branch moves only from the commit it was built on, so a
    concurrent change fails rather than being lost. Without ``allow_empty``, none when nothing
    would change. Whether it committed.

    mike's own helper (mike.git_utils.Commit, git fast-import) does not fit: it works in the
    process's working directory, writes every file's bytes (not an existing tree into a
    folder), and moves the branch without checking where it was."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "GIT_INDEX_FILE": str(Path(tmp) / "index")}
        git.run("read-tree", branch, env=env)
        for folder, tree in (folders or {}).items():
            git.run("rm", "-r", "-q", "--cached", "--ignore-unmatch", folder, env=env)
            git.run("read-tree", f"--prefix={folder}/", tree, env=env)
        for name, text in (files or {}).items():
            blob = git.run(
                "hash-object", "-w", "--stdin", input=text + ("" if text.endswith("\n") else "\n")
            )
            git.run("update-index", "--add", "--cacheinfo", f"100644,{blob},{name}", env=env)
        tree = git.run("write-tree", env=env)
    if not allow_empty and tree == git.run("rev-parse", f"{branch}^{{tree}}"):
        return False
    parent = git.run("rev-parse", branch)
    commit = git.run("commit-tree", tree, "-p", parent, "-m", message)
    git.run("update-ref", f"refs/heads/{branch}", commit, parent)
    return True
