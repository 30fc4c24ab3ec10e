"""The archive's record of itself: archive.json at the root of gh-pages (OPERATIONS.md).

Publishing writes it with every change of the archive and checks what is online against it
before it writes anything (scripts/publish.py). For each published version it records the
commit its tag notice/<version> names (builds read a published version's text from its tag)
and the git tree of its folder (what readers are shown), the tree of its rendering as in force
while that waits on gh-pages-upcoming, and why the folder changed since it was published;
and which version latest/ copies. Git's trees make the check cheap: one `git ls-tree` of the
branch, whatever the size of the folders.

Pure functions: reading and writing the record, and comparing it with what a branch holds.
The git plumbing that reads a branch, and the messages' advice on restoring, are publish.py's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from notice.archive import ALIAS

FILE = "archive.json"
VERSIONS_FILE = "versions.json"  # mike's list of versions
FORMAT = 1
# Why a version's record changed; only publishing's own steps change a folder.
EVENTS = (
    "published",  # make publish, a new version
    "republished",  # make publish FORCE=1: a correction of the same version
    "presentation",  # make publish: the theme or a page outside the versions changed
    "in force",  # its date came: its rendering as in force replaced its folder
    "recorded",  # first recorded from an archive published before archive.json existed
)
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
OBJECT = re.compile(r"[0-9a-f]{40}([0-9a-f]{24})?")  # SHA-1, or SHA-256


class Unreadable(ValueError):
    """A file of the archive that is not what publishing writes; the message says how."""


@dataclass(frozen=True)
class Entry:
    """One published version as the record has it."""

    commit: str  # the source commit its tag names
    tree: str  # its folder on gh-pages
    upcoming: str | None = None  # its rendering as in force, while it waits on gh-pages-upcoming
    history: tuple[tuple[str, str], ...] = ()  # (date, event), oldest first


@dataclass(frozen=True)
class Record:
    latest: str | None  # the version latest/ copies
    versions: dict[str, Entry] = field(default_factory=dict)


@dataclass(frozen=True)
class Branch:
    """What a commit of gh-pages holds at its root (and gh-pages-upcoming beside it), read
    with git plumbing: the raw files, never parsed yet."""

    trees: Mapping[str, str]  # {folder name: tree}
    versions_json: bytes | None
    archive_json: bytes | None
    pending: Mapping[str, str] | None = None  # gh-pages-upcoming's {version: tree}; None: unread


# Reading and writing


def read_versions(data: bytes) -> dict[str, list[str]]:
    """mike's versions.json: {version: its aliases}, newest first; Unreadable otherwise."""
    items = _json(data, VERSIONS_FILE)
    if not isinstance(items, list):
        raise Unreadable(f"{VERSIONS_FILE} is not a list of versions")
    out: dict[str, list[str]] = {}
    for number, item in enumerate(items, start=1):
        if not (
            isinstance(item, dict)
            and isinstance(item.get("version"), str)
            and isinstance(item.get("aliases"), list)
            and all(isinstance(alias, str) for alias in item["aliases"])
        ):
            raise Unreadable(
                f"entry {number} of {VERSIONS_FILE} is not a version as mike writes it "
                '({"version": ..., "title": ..., "aliases": [...]})'
            )
        version = item["version"]
        if not DATE.fullmatch(version) or version in out:
            raise Unreadable(f"entry {number} of {VERSIONS_FILE} names {version!r}")
        out[version] = item["aliases"]
    if sum(ALIAS in aliases for aliases in out.values()) > 1:
        raise Unreadable(f"{VERSIONS_FILE} puts the alias {ALIAS} on more than one version")
    return out


def loads(data: bytes) -> Record:
    """archive.json as publishing writes it; Unreadable otherwise."""
    raw = _json(data, FILE)
    if not isinstance(raw, dict) or set(raw) != {"format", "latest", "versions"}:
        raise Unreadable(f"{FILE} does not hold format, latest and versions alone")
    if raw["format"] != FORMAT:
        raise Unreadable(f"{FILE} is in format {raw['format']!r}; this publishing reads {FORMAT}")
    if not isinstance(raw["versions"], dict):
        raise Unreadable(f"{FILE}'s versions are not an object")
    versions = {name: _entry(name, value) for name, value in raw["versions"].items()}
    latest = raw["latest"]
    if latest is not None and latest not in versions:
        raise Unreadable(f"{FILE}'s latest, {latest!r}, is none of its versions")
    return Record(latest, versions)


def dumps(record: Record) -> str:
    versions = {}
    for name in sorted(record.versions, reverse=True):
        entry = record.versions[name]
        value: dict = {"commit": entry.commit, "tree": entry.tree}
        if entry.upcoming:
            value["upcoming"] = entry.upcoming
        value["history"] = [{"date": date, "event": event} for date, event in entry.history]
        versions[name] = value
    data = {"format": FORMAT, "latest": record.latest, "versions": versions}
    return json.dumps(data, indent=2) + "\n"


def _json(data: bytes, name: str) -> object:
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise Unreadable(f"{name} is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise Unreadable(f"{name} is not valid JSON ({error})") from None


def _entry(name: object, value: object) -> Entry:
    where = f"{FILE}'s version {name!r}"
    if not isinstance(name, str) or not DATE.fullmatch(name):
        raise Unreadable(f"{where} is not a date (YYYY-MM-DD)")
    if (
        not isinstance(value, dict)
        or not {"commit", "tree", "history"} <= set(value)
        or not (set(value) <= {"commit", "tree", "upcoming", "history"})
    ):
        raise Unreadable(f"{where} does not hold commit, tree and history (and upcoming) alone")
    for key in ("commit", "tree", "upcoming"):
        if key in value and not (isinstance(value[key], str) and OBJECT.fullmatch(value[key])):
            raise Unreadable(f"{where}: its {key} is not a git object name")
    history = value["history"]
    if not isinstance(history, list) or not all(
        isinstance(item, dict)
        and set(item) == {"date", "event"}
        and isinstance(item["date"], str)
        and DATE.fullmatch(item["date"])
        and item["event"] in EVENTS
        for item in history
    ):
        raise Unreadable(
            f"{where}: its history is not a list of {{date, event}} with an event among "
            + ", ".join(EVENTS)
        )
    return Entry(
        value["commit"],
        value["tree"],
        value.get("upcoming"),
        tuple((item["date"], item["event"]) for item in history),
    )


# Recording what publishing did


def updated(
    old: Record | None,
    now: Mapping[str, Entry],
    latest: str | None,
    events: Mapping[str, str],
    today: str,
) -> Record:
    """The record of the archive as it is ``now`` ({version: Entry without history}), after a
    run of publishing that meant the ``events`` ({version: event}) on ``today``.

    A version's folder or commit that changed without an event is a change publishing did not
    mean to make: ValueError, and nothing is recorded. An archive published before the record
    existed is recorded as it is ("recorded").
    """
    versions: dict[str, Entry] = {}
    for name, entry in now.items():
        before = old.versions.get(name) if old else None
        event = events.get(name) or ("recorded" if old is None else None)
        changed = before is None or (before.commit, before.tree) != (entry.commit, entry.tree)
        if changed and not event:
            raise ValueError(f"version {name}'s folder or commit changed, and no step meant it")
        history = before.history if before else ()
        if event and (changed or event == "republished"):
            history = (*history, (today, event))
        versions[name] = Entry(entry.commit, entry.tree, entry.upcoming, history)
    gone = sorted(set(old.versions) - set(versions)) if old else []
    if gone:
        raise ValueError(f"version {', '.join(gone)} left the archive")
    return Record(latest, versions)


# Comparing the record with a branch


def record_of(branch: Branch) -> tuple[Record | None, dict[str, list[str]] | None, list[str]]:
    """The record and versions.json of a branch, read, and what makes either unreadable."""
    problems = []
    record = listed = None
    if branch.versions_json is not None:
        try:
            listed = read_versions(branch.versions_json)
        except Unreadable as error:
            problems.append(f"{error}.")
    if branch.archive_json is not None:
        try:
            record = loads(branch.archive_json)
        except Unreadable as error:
            problems.append(f"{error}.")
    return record, listed, problems


def problems_of(branch: Branch) -> list[str]:
    """Where the branch is not as its record says: its files, its folders and latest/; []
    when it checks out. The renderings on gh-pages-upcoming are compared by
    pending_problems(), the tags by moved_tags()."""
    record, listed, problems = record_of(branch)
    if problems:
        return problems
    if listed is None:
        if record is not None or branch.trees:
            return [f"it has no {VERSIONS_FILE}."] if record is not None else []
        return []
    if record is None:  # published before archive.json existed: versions.json alone
        return [
            f"{VERSIONS_FILE} lists version {name}, but its folder is missing."
            for name in listed
            if name not in branch.trees
        ] + _latest(branch, listed, None)
    out = [
        f"{VERSIONS_FILE} lists version {name}, which {FILE} does not."
        for name in listed
        if name not in record.versions
    ]
    for name, entry in sorted(record.versions.items()):
        if name not in listed:
            out.append(f"{FILE} lists version {name}, which {VERSIONS_FILE} does not.")
        found = branch.trees.get(name)
        if found is None:
            out.append(f"version {name}'s folder is missing ({FILE}: tree {entry.tree}).")
        elif found != entry.tree:
            out.append(
                f"version {name}'s folder is not as published: its tree is {found}, "
                f"{FILE} records {entry.tree}."
            )
    return out + _latest(branch, listed, record)


def _latest(branch: Branch, listed: dict[str, list[str]], record: Record | None) -> list[str]:
    target = next((name for name, aliases in listed.items() if ALIAS in aliases), None)
    if record is not None and target != record.latest:
        return [f"{VERSIONS_FILE} puts {ALIAS} on {target}, {FILE} on {record.latest}."]
    if target is None:
        return []
    expected = record.versions[target].tree if record else branch.trees.get(target)
    if branch.trees.get(ALIAS) != expected:
        return [f"{ALIAS}/ is not a copy of version {target}, the version it shows."]
    return []


def pending_problems(pending: Mapping[str, str], record: Record) -> list[str]:
    """Where gh-pages-upcoming's renderings ({version: tree}) are not as the record says."""
    out = []
    for name, entry in sorted(record.versions.items()):
        if entry.upcoming and pending.get(name) != entry.upcoming:
            state = "missing" if name not in pending else f"tree {pending[name]}"
            out.append(
                f"version {name}'s rendering as in force is {state}, {FILE} records tree "
                f"{entry.upcoming}."
            )
    for name in sorted(pending):
        if name not in record.versions or not record.versions[name].upcoming:
            out.append(f"it holds a rendering of version {name}, which {FILE} does not record.")
    return out


def moved_tags(record: Record, tags: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(version, the commit its tag names, the commit it was published from) for each tag
    that names another commit than the record. A missing tag is not one: publishing says
    so in its own words, where it needs the tag."""
    return [
        (name, tags[name], entry.commit)
        for name, entry in sorted(record.versions.items())
        if name in tags and tags[name] != entry.commit
    ]


def archived(branch: Branch) -> list[str]:
    """The versions the branch holds, by its record or, before there was one, versions.json."""
    record, listed, problems = record_of(branch)
    if problems:
        return []
    return sorted(record.versions if record else listed or {})
