"""What is published, read from gh-pages, gh-pages-upcoming and the tags, and checked against
the archive's record of itself (archive.json, notice/manifest.py) before anything moves:
anything publishing did not leave there stops it, with how to restore it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from notice import git as notice_git
from notice import manifest
from notice.publishing.errors import PublishError
from notice.publishing.git_utils import ALIAS, BRANCH, REMOTE, UPCOMING, Git, describe, tag_commits


def gh_pages(git: Git) -> str | None:
    """What is online: origin's gh-pages when it was fetched, else the local branch."""
    return git.ref(f"refs/remotes/{REMOTE}/{BRANCH}") or git.ref(f"refs/heads/{BRANCH}")


def mike_versions(git: Git, ref: str | None) -> list[dict]:
    """mike's versions.json on ``ref`` (a branch or commit), or [] without one."""
    if not ref or not git.run("ls-tree", ref, manifest.VERSIONS_FILE, check=False):
        return []
    try:
        listed = manifest.read_versions(git.blob(f"{ref}:{manifest.VERSIONS_FILE}"))
    except manifest.Unreadable as error:  # check_archive() said so first, with how to restore
        raise PublishError(f"{BRANCH} cannot be read: {error}.") from None
    return [{"version": version, "aliases": aliases} for version, aliases in listed.items()]


def published_versions(git: Git) -> list[str]:
    """The versions online: on origin's gh-pages when it was fetched, else the local one."""
    return [v["version"] for v in mike_versions(git, gh_pages(git))]


def alias_target(git: Git) -> str | None:
    """The version `latest` points at, on the local gh-pages (where this run works)."""
    versions = mike_versions(git, git.ref(f"refs/heads/{BRANCH}"))
    return next((v["version"] for v in versions if ALIAS in v["aliases"]), None)


def already_published(git: Git, version: str, tag: str) -> bool:
    """True when the version's folder is online and its tag names what was published."""
    branch = gh_pages(git)
    folder = branch and git.run("ls-tree", branch, version)
    tagged = git.ref(f"refs/tags/{tag}")
    if not folder:
        return False  # a tag without its folder is left over from a run that stopped: redo it
    if not tagged:
        raise PublishError(
            f"version {version} finns på {BRANCH}, men taggen {tag} finns varken här eller på "
            f"{REMOTE}, och det är taggen som visar vad som publicerades. Återställ den "
            f"(git tag {tag} <commit>, sedan git push origin --tags), eller be en utvecklare "
            "göra det, och kör make publish igen."
        )
    return True


# How many commits of a branch to read for the last one that checks out (a restore's advice).
HISTORY = 200


@dataclass(frozen=True)
class Place:
    """The archive checked: origin's (fetched, PUSH=1) or this repository's branches."""

    online: bool

    def branch(self, name: str) -> str:
        return f"{REMOTE}'s {name}" if self.online else name


ONLINE, HERE = Place(online=True), Place(online=False)


def read_branch(git: Git, commit: str, upcoming: str | bool | None = False) -> manifest.Branch:
    """What ``commit`` of gh-pages holds at its root, with the renderings waiting on
    ``upcoming`` (a commit of gh-pages-upcoming; None: there is none; False: not read)."""
    trees, blobs = root_entries(git, commit)
    pending = None
    if upcoming is not False:
        found = root_entries(git, upcoming)[0] if upcoming else {}
        pending = {name: sha for name, sha in found.items() if notice_git.DATE.fullmatch(name)}
    return manifest.Branch(
        trees,
        git.blob(blobs[manifest.VERSIONS_FILE]) if manifest.VERSIONS_FILE in blobs else None,
        git.blob(blobs[manifest.FILE]) if manifest.FILE in blobs else None,
        pending,
    )


def root_entries(git: Git, commit: str) -> tuple[dict[str, str], dict[str, str]]:
    """({folder: tree}, {file: blob}) at the root of ``commit``: one `git ls-tree`."""
    trees, blobs = {}, {}
    for line in git.run("ls-tree", commit).splitlines():
        info, name = line.split("\t", 1)
        _, kind, sha = info.split()
        (trees if kind == "tree" else blobs)[name] = sha
    return trees, blobs


def branch_problems(git: Git, commit: str, branch: manifest.Branch) -> list[str]:
    """manifest.problems_of(), and a record that is gone: once gh-pages has had one, an
    archive without it is not one published before it existed."""
    problems = manifest.problems_of(branch)
    if branch.archive_json is None and branch.versions_json is not None:
        removed = git.run("log", "-1", "--format=%H", commit, "--", manifest.FILE)
        if removed:
            problems.append(
                f"{manifest.FILE} is missing: commit {describe(git, removed)} removed it."
            )
    return problems


def check_here(git: Git, publishing: str | None) -> None:
    """check_archive() on this repository's own branches and tags (without PUSH)."""
    pages, upcoming = git.ref(f"refs/heads/{BRANCH}"), git.ref(f"refs/heads/{UPCOMING}")
    check_archive(git, HERE, pages, upcoming, tag_commits(git, "refs/tags/"), publishing=publishing)


def check_archive(
    git: Git,
    place: Place,
    pages: str | None,
    upcoming: str | None,
    here: dict[str, str],
    origin: dict[str, str] | None = None,
    *,
    publishing: str | None,
) -> None:
    """Stop, before anything moves, when the archive is not as its record says or the tags
    of its versions do not name the commits they were published from; say what is wrong and
    how to restore it. ``pages``, ``upcoming``: the commits of gh-pages and gh-pages-upcoming
    checked; ``here``: this repository's tags ({version: commit}) before anything was fetched,
    ``origin``: origin's (fetched), which win over them; ``publishing``: the commit this run
    publishes (make publish), if any."""
    tags = {**here, **(origin or {})}
    if place.online:
        labels = {v: f"this clone's tag {notice_git.tag_of(v)}" for v in here}
        labels |= {v: f"origin's tag {notice_git.tag_of(v)}" for v in origin or {}}
    else:
        labels = {v: f"the tag {notice_git.tag_of(v)}" for v in here}
    # The tags the archive was published with: origin's (a tag only here is a local run's,
    # which check_unpublished_tags() judges), or this repository's without PUSH.
    evidence = (origin or {}) if place.online else here
    findings, advice, note = [], [], ""
    if pages is None:
        lost = {v: evidence[v] for v in unarchived([], evidence, publishing)}
        if lost:
            names = ", ".join(notice_git.tag_of(v) for v in lost)
            findings.append(
                f"{place.branch(BRANCH)} does not exist, but the tags of versions published "
                f"into it do: {names}. Publishing now would put one version online alone, its "
                "history page linking to the others."
            )
            advice += lost_branch(git, place, lambda c: holds_all(git, c, lost))
            note = (
                " Publishing does not rebuild lost versions from their tags: a version's folder "
                "is the record of what readers were shown, and a rebuild by today's engine "
                "would only look like it."
            )
            raise archive_refused(place, findings, advice, note)
        return
    branch = read_branch(git, pages, upcoming)
    problems = branch_problems(git, pages, branch)
    missing = [] if problems else unarchived(manifest.archived(branch), evidence, publishing)
    findings += [f"{place.branch(BRANCH)}: {problem}" for problem in problems]
    findings += [
        f"{labels[v]} names version {v}, which the archive does not hold: no folder on "
        f"{BRANCH}, and neither {manifest.VERSIONS_FILE} nor {manifest.FILE} lists it."
        for v in missing
    ]
    # Newer than every version held: a tag pushed without its version, most likely.
    newest = max(manifest.archived(branch), default="")
    for version in (v for v in missing if v > newest):
        tag = notice_git.tag_of(version)
        drop = drop_tag(place, version, here)
        advice.append(
            f"{tag}: a version that was never published loses its tag: {drop}; one that "
            f"should be is published from it: git checkout {tag} && make publish PUSH=1"
        )
    holes = [v for v in missing if v < newest]
    if problems or holes:

        def whole(commit: str) -> bool:
            earlier = read_branch(git, commit)
            return not branch_problems(git, commit, earlier) and not unarchived(
                manifest.archived(earlier), evidence, publishing
            )

        advice += restore_branch(git, place, BRANCH, pages, whole)
        advice += [
            f"{notice_git.tag_of(v)}: if version {v} was never published, delete its tag "
            f"instead: {drop_tag(place, v, here)}"
            for v in holes
        ]
    record = manifest.record_of(branch)[0]
    if record is not None and not problems:
        pending = manifest.pending_problems(branch.pending or {}, record)
        findings += [f"{place.branch(UPCOMING)}: {problem}" for problem in pending]
        if pending:
            advice += restore_branch(
                git,
                place,
                UPCOMING,
                upcoming,
                lambda c: not manifest.pending_problems(read_branch(git, pages, c).pending, record),
            )
        for version, found, published in manifest.moved_tags(record, tags):
            findings.append(
                f"{labels[version]} names commit {describe(git, found)}, but version {version} "
                f"was published from commit {published[:12]} ({manifest.FILE} on {BRANCH}). "
                "Builds read a published version's text from its tag: the next version's "
                "what-changed page would show that commit's text."
            )
            advice.append(restore_tag(place, version, published, here))
            note = (
                " A correction of a published version's text is published with FORCE=1, "
                f"which records its new commit in {manifest.FILE}; a tag moved by hand never is."
            )
    if findings:
        raise archive_refused(place, findings, advice, note)


def archive_refused(
    place: Place, findings: list[str], advice: list[str], note: str
) -> PublishError:
    if place.online:
        head = (
            f"the archive on {REMOTE} is not as publishing left it, so nothing was published "
            f"and nothing changed, here or on {REMOTE}:"
        )
    else:
        head = (
            f"the archive here (the branch {BRANCH}) is not as publishing left it, so nothing "
            "was published and nothing changed:"
        )
    lines = [head, *(f"- {finding}" for finding in findings)]
    if advice:
        lines += ["To restore it:", *(f"- {line}" for line in advice)]
    lines.append(f"Then run it again.{note}")
    return PublishError("\n".join(lines))


def unarchived(held: list[str], tags: dict[str, str], publishing: str | None) -> list[str]:
    """The tagged versions the archive does not hold (``held``): a published version's folder
    is gone, or a tag reached origin without its version. One alone is not: the tag of the
    commit this run publishes, newer than every version held (a publish whose tag alone was
    pushed, by hand: this run completes it)."""
    newest = max(held, default="")
    missing = [v for v in sorted(tags) if v not in held]
    if len(missing) == 1 and publishing and tags[missing[0]] == publishing:
        return [] if missing[0] > newest else missing
    return missing


def holds_all(git: Git, commit: str, tags: dict[str, str]) -> bool:
    """Whether ``commit`` of gh-pages checks out and holds every tagged version, their tags
    naming the commits it records: a copy to restore a lost gh-pages from."""
    branch = read_branch(git, commit)
    record = manifest.record_of(branch)[0]
    return (
        not branch_problems(git, commit, branch)
        and set(tags) <= set(manifest.archived(branch))
        and not (record and manifest.moved_tags(record, tags))
    )


def restore_branch(
    git: Git, place: Place, name: str, tip: str | None, ok: Callable[[str], bool]
) -> list[str]:
    """How to put a branch back as its last commit that checks out (``ok``) left it, on top
    of what came after, so that its history keeps what happened."""
    if tip is None:
        return lost_branch(git, place, ok, name)
    after = []
    for commit in git.run("rev-list", "--first-parent", f"--max-count={HISTORY}", tip).split():
        if ok(commit):
            break
        after.append(commit)
    else:
        return lost_branch(git, place, ok, name, tip=tip, read=len(after))
    message = f"Restore the archive as of {commit[:12]}"
    made = f"$(git commit-tree {commit}^{{tree}} -p {tip} -m '{message}')"
    if place.online:
        command = f'git push {REMOTE} "{made}":refs/heads/{name}'
    else:
        command = f'git update-ref refs/heads/{name} "{made}"'
    later = "; ".join(describe(git, c) for c in reversed(after))
    return [
        f"{name}: its last commit that checks out is {describe(git, commit)}; after it came "
        f"{later}. Put that commit's files back on top of them (its history keeps what "
        f"happened): {command}"
    ]


def lost_branch(
    git: Git,
    place: Place,
    ok: Callable[[str], bool],
    name: str = BRANCH,
    *,
    tip: str | None = None,
    read: int = 0,
) -> list[str]:
    """How to restore a branch from a copy this repository holds (its own branch, or origin's
    as last fetched), or where to find one."""
    copies = [git.ref(f"refs/heads/{name}"), git.ref(f"refs/remotes/{REMOTE}/{name}")]
    for copy in dict.fromkeys(c for c in copies if c and c != tip):
        if ok(copy):
            if place.online:
                command = f"git push {REMOTE} {copy}:refs/heads/{name}"
            else:
                command = f"git update-ref refs/heads/{name} {copy}"
            found = describe(git, copy)
            return [f"{name}: this clone has a copy that checks out, commit {found}: {command}"]
    if read:
        where = f"none of its last {read} commits checks out, and this clone holds no other copy"
    else:
        where = "this clone holds no copy of it"
    return [
        f"{name}: {where} that checks out. In a clone that fetched it before it was lost (its "
        f"refs/remotes/{REMOTE}/{name}), run make publish PUSH=1 (or make calendar PUSH=1): it "
        "names the commit to push back."
    ]


def drop_tag(place: Place, version: str, here: dict[str, str]) -> str:
    tag = notice_git.tag_of(version)
    commands = [f"git push {REMOTE} :refs/tags/{tag}"] if place.online else []
    commands += [f"git tag -d {tag}"] if version in here else []
    return " && ".join(commands)


def restore_tag(place: Place, version: str, commit: str, here: dict[str, str]) -> str:
    tag = notice_git.tag_of(version)
    if place.online and here.get(version) == commit:
        return (
            f"{tag}: this clone's tag still names commit {commit[:12]}; put it back on "
            f"{REMOTE}: git push --force {REMOTE} refs/tags/{tag}"
        )
    command = f'git tag --force --annotate {tag} {commit} -m "Privacy notice {version}"'
    if place.online:
        command += f" && git push --force {REMOTE} refs/tags/{tag}"
    return f"{tag}: {command}"


def check_unpublished_tags(git: Git, version: str, place: Place) -> None:
    """A tag here of a version newer than every version the archive holds, other than the
    one this run publishes (a version tried here without PUSH, say): builds would read it as
    published (the what-changed page, the history), though readers never had its folder.
    Tags on origin were checked before anything moved (check_archive())."""
    held = published_versions(git) if place.online else archived_versions(git)
    stray = [
        v
        for v in sorted(tag_commits(git, "refs/tags/"))
        if v not in held and v != version and (not held or v > max(held))
    ]
    if stray:
        tags = " ".join(notice_git.tag_of(v) for v in stray)
        one = len(stray) == 1
        raise PublishError(
            f"{'version' if one else 'versions'} {', '.join(stray)} {'is' if one else 'are'} "
            f"tagged here ({tags}) but not in the archive, and this run publishes version "
            f"{version}: builds would read {'it' if one else 'them'} as published (the "
            "what-changed page, the history), though readers never had "
            f"{'its folder' if one else 'their folders'}. Nothing was published. A version "
            f"only tried here loses its tag: git tag -d {tags}. One that should be published "
            f"is published first, from its tag: git checkout {notice_git.tag_of(stray[0])} "
            "&& make publish PUSH=1."
        )


def archived_versions(git: Git) -> list[str]:
    return [v["version"] for v in mike_versions(git, git.ref(f"refs/heads/{BRANCH}"))]


def check_result(git: Git) -> None:
    """The archive this run made, against the record it wrote, before it is pushed."""
    branch = read_branch(git, f"refs/heads/{BRANCH}", git.ref(f"refs/heads/{UPCOMING}"))
    record = manifest.record_of(branch)[0]
    problems = manifest.problems_of(branch)
    if record is not None and not problems:
        problems += manifest.pending_problems(branch.pending or {}, record)
        tags = tag_commits(git, "refs/tags/")
        problems += [
            f"the tag of {v} names {c}, not {p}" for v, c, p in manifest.moved_tags(record, tags)
        ]
    if problems or record is None:
        raise PublishError(
            "publishing made an archive that does not check out, so nothing was pushed (a bug "
            "in publishing):\n" + "\n".join(f"- {problem}" for problem in problems or ["no record"])
        )


def pending(git: Git, version: str) -> bool:
    """Whether UPCOMING holds the version's rendering as in force."""
    return version in pending_versions(git)


def pending_versions(git: Git) -> list[str]:
    """The versions whose rendering as in force waits on UPCOMING (its folders)."""
    if not git.ref(f"refs/heads/{UPCOMING}"):
        return []
    names = git.run("ls-tree", "--name-only", f"refs/heads/{UPCOMING}").splitlines()
    return sorted(name for name in names if notice_git.DATE.fullmatch(name))
