"""The archive checks itself (issue 17, rule 8): `make publish` and `make calendar` compare what
is online with the archive's record (archive.json on gh-pages) and with the tags before they
write anything, stop on what publishing did not leave there, say how to restore it, and never
publish on top; a run that was killed is undone by the next.

Each scenario starts from a copy of one archive (version A published and pushed, version B
committed on main), damages it as a person or a stopped run could, and runs the real `make
publish` / `make calendar` against the bare origin: the exact message, nothing moved here or
on origin, and the advice, run as written, restores what publishing then completes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from archives import NEW_SV, A, Archive, B, add_version_b, git, new_archive

C = "2027-03-10"  # after B, before today (2027-03-15)
FORGED = "Den här meningen publicerades aldrig i version A."
HEAD = (
    "the archive on origin is not as publishing left it, so nothing was published and nothing "
    "changed, here or on origin:"
)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    """A published and pushed (in force), B committed on main: each scenario copies it."""
    arc = new_archive(tmp_path_factory.mktemp("base"), today="2027-03-15")
    result = arc.publish("PUSH=1")
    assert result.returncode == 0, result.stderr
    add_version_b(arc)
    return arc


def copy_of(base: Archive, folder: Path) -> Archive:
    """The base archive (the repository and its origin) copied into ``folder``."""
    shutil.copytree(base.repo.parent, folder, symlinks=True)
    arc = Archive(folder / "repo", folder / "origin.git", base.server, base.env)
    arc.commits = dict(base.commits)
    git(arc.repo, "remote", "set-url", "origin", str(arc.origin))
    return arc


def refs(arc: Archive) -> tuple[dict[str, str], dict[str, str]]:
    """Every ref here but main, and every ref on origin."""
    return arc.local_refs(), arc.remote_refs()


def described(repo: Path, commit: str) -> str:
    subject, author, date = git(repo, "log", "-1", "--format=%s%x00%an%x00%cs", commit).split("\0")
    return f'{commit[:12]} ("{subject}", {author}, {date})'


def restore(repo: Path, command: str) -> None:
    """Run a command of the advice as a developer would, in a shell."""
    result = subprocess.run(["bash", "-c", command], cwd=repo, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def by_hand(arc: Archive, message: str, change: Callable[[Path], None]) -> str:
    """A commit on origin's gh-pages from outside publishing (a checkout of its own, edited by
    ``change``, committed and pushed); its name."""
    work = arc.repo.parent / "by-hand"
    git(arc.repo.parent, "clone", "-q", "-b", "gh-pages", str(arc.origin), str(work))
    change(work)
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", message)
    git(work, "push", "-q", "origin", "gh-pages")
    commit = git(work, "rev-parse", "HEAD")
    shutil.rmtree(work)
    return commit


HERE = "den lokala grenen gh-pages (PUSH=1 skickar den)"


def done(version: str, where: str = "origin/gh-pages") -> str:
    return f"Version {version} är publicerad (gäller nu) på {where}, med taggen notice/{version}.\n"


def nothing(version: str) -> str:
    return f"Version {version} är redan publicerad och docs/ har inte ändrats: inget att göra.\n"


def add_version_c(arc: Archive) -> None:
    """Version C on main, after B: a sentence added in both languages."""
    for name in ("lagring.md", "lagring.en.md"):
        with (arc.repo / "docs" / name).open("a", encoding="utf-8") as f:
            f.write("\nEn mening från version C.\n")
    versions = arc.repo / "docs" / "versions.yml"
    entry = f'- version: "{C}"\n  summary:\n    sv: Ändrad.\n    en: Changed.\n'
    versions.write_text(entry + versions.read_text(encoding="utf-8"), encoding="utf-8")
    arc.commits[C] = arc.commit_all("Version C")


def published_b(arc: Archive) -> None:
    """B published on origin after the archive was restored, on top of an unchanged A."""
    result = arc.publish("PUSH=1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(
        f"Version {B} är publicerad (gäller nu) på origin/gh-pages, med taggen notice/{B}.\n"
    )
    origin = arc.remote_refs()["refs/heads/gh-pages"]
    versions = json.loads(git(arc.repo, "show", f"{origin}:versions.json"))
    assert [(v["version"], v["aliases"]) for v in versions] == [(B, ["latest"]), (A, [])]
    record = json.loads(git(arc.repo, "show", f"{origin}:archive.json"))
    for version in (A, B):
        assert record["versions"][version]["tree"] == git(
            arc.repo, "rev-parse", f"{origin}:{version}"
        )
        assert record["versions"][version]["commit"] == arc.commits[version]


# Origin's tag of a published version moved to another commit


def test_a_moved_tag_is_refused_and_put_back(base: Archive, tmp_path: Path) -> None:
    """Builds read the previous version's text from its tag: before, B's what-changed page
    published the text of the commit origin's tag of A had been moved to."""
    arc = copy_of(base, tmp_path / "archive")
    repo = arc.repo
    as_published = git(repo, "rev-parse", f"refs/tags/notice/{A}")
    git(repo, "checkout", "-q", "-b", "forged", arc.commits[A])
    with (repo / "docs" / "lagring.md").open("a", encoding="utf-8") as f:
        f.write(f"\n{FORGED}\n")
    forged = arc.commit_all("Another text under version A")
    git(repo, "tag", "--force", "--annotate", f"notice/{A}", "-m", "Moved", forged)
    git(repo, "push", "-q", "--force", "origin", f"refs/tags/notice/{A}")
    git(repo, "update-ref", f"refs/tags/notice/{A}", as_published)  # this clone's, as published
    git(repo, "checkout", "-q", "main")
    git(repo, "branch", "-q", "-D", "forged")
    before = refs(arc)

    restored = f"git push --force origin refs/tags/notice/{A}"
    message = (
        f"{HEAD}\n"
        f"- origin's tag notice/{A} names commit {described(repo, forged)}, but version {A} was "
        f"published from commit {arc.commits[A][:12]} (archive.json on gh-pages). Builds read a "
        "published version's text from its tag: the next version's what-changed page would "
        "show that commit's text.\n"
        "To restore it:\n"
        f"- notice/{A}: this clone's tag still names commit {arc.commits[A][:12]}; put it back "
        f"on origin: {restored}\n"
        "Then run it again. A correction of a published version's text is published with "
        "FORCE=1, which records its new commit in archive.json; a tag moved by hand never is.\n"
    )
    for target in ("publish", "calendar"):
        result = arc.publish("PUSH=1", target=target)
        assert result.returncode != 0
        assert f"make {target}: {message}" in result.stderr, result.stderr
        assert refs(arc) == before

    restore(repo, restored)
    published_b(arc)
    for prefix in ("", "en/"):
        page = arc.show(f"{B}/{prefix}andringar/index.html")
        assert FORGED not in page
    assert NEW_SV in arc.show(f"{B}/andringar/index.html")
    assert arc.remote_refs()[f"refs/tags/notice/{A}"] == as_published


# gh-pages deleted on origin, the tags left


def test_a_lost_gh_pages_is_refused_until_restored_from_a_copy(
    base: Archive, tmp_path: Path
) -> None:
    """Before, a fresh clone published the newest version alone: the earlier one was gone
    while the history page linked to it."""
    arc = copy_of(base, tmp_path / "archive")
    assert arc.publish("PUSH=1").returncode == 0  # B too
    git(arc.repo, "push", "-q", "origin", "main")
    copy = git(arc.repo, "rev-parse", "refs/heads/gh-pages")
    git(arc.origin, "update-ref", "-d", "refs/heads/gh-pages")  # git push origin :gh-pages
    fresh = Archive(tmp_path / "clone", arc.origin, arc.server, arc.env)
    git(tmp_path, "clone", "-q", "-b", "main", str(arc.origin), str(fresh.repo))

    found = (
        f"{HEAD}\n"
        f"- origin's gh-pages does not exist, but the tags of versions published into it do: "
        f"notice/{A}, notice/{B}. Publishing now would put one version online alone, its "
        "history page linking to the others.\n"
        "To restore it:\n"
    )
    rebuild = (
        "Then run it again. Publishing does not rebuild lost versions from their tags: a "
        "version's folder is the record of what readers were shown, and a rebuild by today's "
        "engine would only look like it.\n"
    )
    before = refs(fresh)
    result = fresh.publish("PUSH=1")
    assert result.returncode != 0
    assert (
        f"make publish: {found}"
        "- gh-pages: this clone holds no copy of it that checks out. In a clone that fetched it "
        "before it was lost (its refs/remotes/origin/gh-pages), run make publish PUSH=1 (or "
        "make calendar PUSH=1): it names the commit to push back.\n" + rebuild
    ) in result.stderr, result.stderr
    assert refs(fresh) == before

    # The clone that published it still has it, and says how to push it back.
    restored = f"git push origin {copy}:refs/heads/gh-pages"
    before = refs(arc)
    result = arc.publish("PUSH=1", target="calendar")
    assert result.returncode != 0
    assert (
        f"make calendar: {found}"
        f"- gh-pages: this clone has a copy that checks out, commit {described(arc.repo, copy)}: "
        f"{restored}\n" + rebuild
    ) in result.stderr, result.stderr
    assert refs(arc) == before

    restore(arc.repo, restored)
    result = fresh.publish("PUSH=1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(nothing(B))
    assert arc.remote_refs()["refs/heads/gh-pages"] == copy


# gh-pages changed by hand: a corrupt versions.json or record, a version's folder altered or gone


def corrupt_versions(work: Path) -> None:
    (work / "versions.json").write_text("[{\n", encoding="utf-8")


def corrupt_record(work: Path) -> None:
    (work / "archive.json").write_text('{"format": 1}\n', encoding="utf-8")


def remove_record(work: Path) -> None:
    (work / "archive.json").unlink()


def alter_a(work: Path) -> None:
    with (work / A / "lagring" / "index.html").open("a", encoding="utf-8") as f:
        f.write(f"<p>{FORGED}</p>\n")


def alter_latest(work: Path) -> None:
    with (work / "latest" / "index.html").open("a", encoding="utf-8") as f:
        f.write(f"<p>{FORGED}</p>\n")


def remove_a(work: Path) -> None:
    shutil.rmtree(work / A)


DAMAGE = {
    # Before: a traceback (json.decoder.JSONDecodeError), from make publish and make calendar.
    "corrupt versions.json": (
        corrupt_versions,
        "versions.json is not valid JSON (Expecting property name enclosed in double quotes: "
        "line 2 column 1 (char 3)).",
    ),
    "corrupt archive.json": (
        corrupt_record,
        "archive.json does not hold format, latest and versions alone.",
    ),
    # Not an archive published before the record existed: it had one.
    "removed archive.json": (
        remove_record,
        "archive.json is missing: commit {bad} removed it.",
    ),
    "altered folder": (
        alter_a,
        f"version {A}'s folder is not as published: its tree is {{found}}, archive.json "
        "records {published}.",
    ),
    "altered latest": (
        alter_latest,
        f"latest/ is not a copy of version {A}, the version it shows.",
    ),
    "missing folder": (
        remove_a,
        f"version {A}'s folder is missing (archive.json: tree {{published}}).",
    ),
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_gh_pages_changed_by_hand_is_refused_and_restored(
    base: Archive, tmp_path: Path, damage: str
) -> None:
    arc = copy_of(base, tmp_path / "archive")
    good = git(arc.repo, "rev-parse", "refs/heads/gh-pages")
    change, finding = DAMAGE[damage]
    bad = by_hand(arc, "Edited by hand", change)
    before = refs(arc)

    made = f"$(git commit-tree {good}^{{tree}} -p {bad} -m 'Restore the archive as of {good[:12]}')"
    restored = f'git push origin "{made}":refs/heads/gh-pages'
    for target in ("publish", "calendar"):
        result = arc.publish("PUSH=1", target=target)
        assert result.returncode != 0
        assert "Traceback" not in result.stderr
        facts = {  # the run fetched the commit by hand
            "bad": described(arc.repo, bad),
            "published": git(arc.repo, "rev-parse", f"{good}:{A}"),
            "found": git(arc.repo, "rev-parse", f"{bad}:{A}") if damage == "altered folder" else "",
        }
        assert (
            f"make {target}: {HEAD}\n"
            f"- origin's gh-pages: {finding.format(**facts)}\n"
            "To restore it:\n"
            f"- gh-pages: its last commit that checks out is {described(arc.repo, good)}; after "
            f"it came {facts['bad']}. Put that commit's files back on top of them (its history "
            f"keeps what happened): {restored}\n"
            "Then run it again.\n"
        ) in result.stderr, result.stderr
        assert refs(arc) == before

    restore(arc.repo, restored)
    published_b(arc)
    # The history keeps what happened: the commit by hand, then the restore.
    log = git(arc.repo, "log", "--format=%s", "origin/gh-pages").splitlines()
    assert log.index(f"Restore the archive as of {good[:12]}") < log.index("Edited by hand")


# A tag of a version that never reached the archive


def test_a_tag_of_a_version_never_published_is_refused(base: Archive, tmp_path: Path) -> None:
    """Before, C was published with B (tagged by hand, never published) as its previous
    version: its what-changed page compared with B, its history linked to B's missing folder."""
    arc = copy_of(base, tmp_path / "archive")
    repo = arc.repo
    git(repo, "tag", "--annotate", f"notice/{B}", "-m", "Tagged, never published", arc.commits[B])
    git(repo, "push", "-q", "origin", f"refs/tags/notice/{B}")
    add_version_c(arc)
    before = refs(arc)
    publish_b = f"git checkout notice/{B} && make publish PUSH=1"
    for target in ("publish", "calendar"):
        result = arc.publish("PUSH=1", target=target)
        assert result.returncode != 0
        assert (
            f"make {target}: {HEAD}\n"
            f"- origin's tag notice/{B} names version {B}, which the archive does not hold: no "
            "folder on gh-pages, and neither versions.json nor archive.json lists it.\n"
            "To restore it:\n"
            f"- notice/{B}: a version that was never published loses its tag: git push origin "
            f":refs/tags/notice/{B} && git tag -d notice/{B}; one that should be is published "
            f"from it: {publish_b}\n"
            "Then run it again.\n"
        ) in result.stderr, result.stderr
        assert refs(arc) == before

    # B should be: published from its tag, then C on top.
    restore(repo, f"git checkout -q notice/{B}")
    assert arc.publish("PUSH=1").stdout.endswith(done(B))
    git(repo, "checkout", "-q", "main")
    assert arc.publish("PUSH=1").stdout.endswith(done(C))


def test_a_version_only_tried_here_is_refused(base: Archive, tmp_path: Path) -> None:
    """B published here without PUSH (its tag here alone), then C with PUSH: before, C was
    published with B, which readers never had, as its previous version."""
    arc = copy_of(base, tmp_path / "archive")
    repo = arc.repo
    git(repo, "checkout", "-q", arc.commits[B])
    assert arc.publish().stdout.endswith(done(B, HERE))
    git(repo, "checkout", "-q", "main")
    add_version_c(arc)
    before = arc.remote_refs()
    result = arc.publish("PUSH=1")
    assert result.returncode != 0
    assert (
        f"make publish: version {B} is tagged here (notice/{B}) but not in the archive, and "
        f"this run publishes version {C}: builds would read it as published (the what-changed "
        "page, the history), though readers never had its folder. Nothing was published. A "
        f"version only tried here loses its tag: git tag -d notice/{B}. One that should be "
        f"published is published first, from its tag: git checkout notice/{B} && make publish "
        "PUSH=1.\n"
    ) in result.stderr, result.stderr
    assert arc.remote_refs() == before
    # B should be: published from its tag, then C on top.
    restore(repo, f"git checkout -q notice/{B}")
    assert arc.publish("PUSH=1").stdout.endswith(done(B))
    git(repo, "checkout", "-q", "main")
    assert arc.publish("PUSH=1").stdout.endswith(done(C))


# A run killed at any point, pushed or not


DIES = """#!/bin/sh
# git, except that the process that runs it (publish.py) is killed, with no chance to clean
# up, just before the command $DIE_BEFORE or just after $DIE_AFTER.
if [ -n "$DIE_BEFORE" ]; then
  case " $* " in *" $DIE_BEFORE "*) kill -9 "$PPID"; exit 1;; esac
fi
"$REAL_GIT" "$@"
status=$?
if [ -n "$DIE_AFTER" ]; then
  case " $* " in *" $DIE_AFTER "*) kill -9 "$PPID";; esac
fi
exit $status
"""
NOTE = (
    "a run here stopped before it finished (it was killed, or its machine stopped); what it "
    "had changed here is undone ({undone}), and this run does its work again.\n"
)


@pytest.mark.parametrize(
    ("push", "when", "command", "version", "undone", "next_run"),
    [
        # The first version, published here without PUSH. Before: refused for ever after,
        # saying to restore a tag that never existed.
        pytest.param(
            "",
            "DIE_BEFORE",
            "tag --annotate",
            A,
            "gh-pages",
            done(A, HERE),
            id="between mike's commit and the tag",
        ),
        pytest.param(
            "PUSH=1",
            "DIE_BEFORE",
            "push --atomic",
            B,
            f"gh-pages, the tag notice/{B}",
            done(B),
            id="before the push",
        ),
        pytest.param(
            "PUSH=1",
            "DIE_AFTER",
            "push --atomic",
            B,
            f"gh-pages, the tag notice/{B}",
            nothing(B),
            id="after the push",
        ),
    ],
)
def test_a_killed_run_is_undone_and_completed_by_the_next(
    base: Archive,
    tmp_path: Path,
    push: str,
    when: str,
    command: str,
    version: str,
    undone: str,
    next_run: str,
) -> None:
    if version == A:
        (tmp_path / "archive").mkdir()
        arc = new_archive(tmp_path / "archive", today="2027-03-15")  # nothing published yet
    else:
        arc = copy_of(base, tmp_path / "archive")
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "git").write_text(DIES, encoding="utf-8")
    (tools / "git").chmod(0o755)
    env = {**arc.env, "PATH": f"{tools}:{arc.env['PATH']}", when: command}
    env["REAL_GIT"] = shutil.which("git")
    flags = (push,) if push else ()
    before = arc.local_refs().get("refs/heads/gh-pages")
    killed = arc.publish(*flags, env=env)
    assert killed.returncode != 0
    assert "Killed" in killed.stderr
    assert arc.local_refs()["refs/heads/gh-pages"] != before  # mike's commit, at least

    result = arc.publish(*flags)
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"make publish: {NOTE.format(undone=undone)}"
    assert result.stdout.endswith(next_run)
    assert not (arc.repo / ".git" / "notice-publish.json").exists()
    if not push:
        assert arc.publish("PUSH=1").stdout.endswith(done(version))
    origin = arc.remote_refs()
    assert origin["refs/heads/gh-pages"] == arc.local_refs()["refs/heads/gh-pages"]
    tag = f"refs/tags/notice/{version}"
    assert git(arc.repo, "rev-parse", f"{tag}^{{commit}}") == arc.commits[version]
    assert origin[tag] == arc.local_refs()[tag]
    record = json.loads(arc.show("archive.json"))
    assert sorted(record["versions"]) == sorted({A, version})
    assert [e["event"] for e in record["versions"][version]["history"]] == ["published"]
    # Nothing is left to undo: the next run does nothing.
    assert arc.publish("PUSH=1").stdout.endswith(nothing(version))


# The record's rules, alone


def test_a_change_publishing_did_not_mean_is_never_recorded() -> None:
    from notice import manifest

    old = manifest.Record(
        A, {A: manifest.Entry("a" * 40, "b" * 40, None, (("2027-01-01", "published"),))}
    )
    now = {A: manifest.Entry("a" * 40, "c" * 40)}
    with pytest.raises(ValueError, match=f"version {A}'s folder or commit changed"):
        manifest.updated(old, now, A, {}, "2027-03-15")
    record = manifest.updated(old, now, A, {A: "presentation"}, "2027-03-15")
    assert record.versions[A].history[-1] == ("2027-03-15", "presentation")
    assert manifest.loads(manifest.dumps(record).encode()) == record
    # An archive published before the record existed is recorded as it is.
    first = manifest.updated(None, now, A, {}, "2027-03-15")
    assert first.versions[A].history == (("2027-03-15", "recorded"),)
    with pytest.raises(ValueError, match=f"version {A} left the archive"):
        manifest.updated(old, {}, None, {}, "2027-03-15")
