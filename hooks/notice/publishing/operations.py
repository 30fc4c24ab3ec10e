"""What publishing does, and what it refuses: publish() (`make publish`, PUSH=1, FORCE=1) and
calendar() (`make calendar`), the policy behind scripts/publish.py (cli.py reads the command
line). `make publish`

1. reads docs/ as the build does (hooks/notice/model.py): the version to publish is the first
   entry of docs/versions.yml, the newest, and any problem in docs/ stops it,
2. refuses while a setting required before going live is missing (settings.py), a
   detail of SEOM's that docs/controller.yml must hold is missing, the working tree has
   uncommitted changes, or refusals() finds a reason (a version older than a published one,
   a new version's English behind its Swedish without acknowledgement, a changed text under
   a version that is already published); `make check` (scripts/review.py) asks the same
   questions of a pull request,
3. builds the site with every check into a temporary folder (mkdocs_utils.py), so that a
   broken build stops it before anything moves, and adds the version's archival copies (the
   whole notice as PDF/A per language: copies.py, made once and then kept as published),
4. deploys with mike into <version>/ on gh-pages (and, for a version published ahead of its
   date, its rendering as in force into <version>/ on gh-pages-upcoming), points the alias
   `latest` at the version in force and makes `latest` the default,
5. follows the calendar (follow_the_calendar(), all that `make calendar` does): the version in
   force today in `latest`, and robots.txt, 404.html, index.html, _headers, notice.json, the
   feeds and the accessibility statement's stable address at the root of gh-pages
   (root_files.py),
6. tags the source commit notice/<version> (annotated: it records who published and when),
   and records the archive in archive.json (notice/manifest.py: each version's commit and
   folder, and why its folder changed),
7. with --push, pushes the branches and the tag to origin in one atomic push.

Before any of it moves anything, what is published (origin's branches and tags with --push,
else this repository's) is checked against archive.json and the tags (record.py):
anything publishing did not leave there stops it, with how to restore it. When any step fails,
the branches and the tag are put back exactly as they were; when a run is killed, the next one
puts them back (git_utils.recover()).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from notice import (
    archive,
    build,
    changes,
    dates,
    languages,
    model,
    reading,
    translations,
)
from notice import git as notice_git
from notice.publishing.copies import archival_copies, place
from notice.publishing.errors import PublishError
from notice.publishing.git_utils import (
    ALIAS,
    BRANCH,
    BRANCHES,
    REMOTE,
    UPCOMING,
    Git,
    all_or_nothing,
    commit_tree,
    fetch,
    local_branches,
    not_on_origin,
    push_to_origin,
    recover,
)
from notice.publishing.mkdocs_utils import (
    CONFIG,
    built,
    deploy,
    deploy_again,
    deploy_in_force,
    drop_pending,
    move_latest,
)
from notice.publishing.record import (
    HERE,
    ONLINE,
    alias_target,
    already_published,
    check_archive,
    check_here,
    check_result,
    check_unpublished_tags,
    mike_versions,
    pending,
    pending_versions,
    published_versions,
)
from notice.publishing.root_files import record_archive, write_root_files
from notice.publishing.settings import check_required_settings, to_the_web


def publish(root: Path, *, push: bool, force: bool) -> str:
    """Make gh-pages what main and today say; returns what was done, for whoever ran it.

    The version to publish is main's newest. A version published before its date is upcoming:
    it gets its folder, but `latest` (and the root redirect, robots.txt) stay on the version in
    force, and its rendering as in force waits on the branch UPCOMING. The run on its date
    (`make calendar`, nightly) puts that in its folder and moves `latest` to it: the same
    text, presented as in force, without reading main.
    """
    config = check_required_settings(root / CONFIG, web=push and to_the_web(root))
    git = Git(root)
    check_clean(git)
    recover(git, "make publish")
    # First: reading docs/ needs the published versions' tags.
    start_from_what_is_published(git, push, git.run("rev-parse", "HEAD"))
    notice = read_notice(root / "docs", config)
    version = notice.versions[0]
    check_unpublished_tags(git, version.id, ONLINE if push else HERE)
    published = published_versions(git)
    tag = notice_git.tag_of(version.id)
    new = force or not already_published(git, version.id, tag)
    refused = refusals(notice, published, new=new)
    if refused:
        raise PublishError("\n".join(refused), browser=True)
    in_force = archive.latest({*published, version.id}, notice.today)
    upcoming = version.date > notice.today
    moved = alias_target(git) != in_force
    waiting = pending(git, version.id)

    with (
        all_or_nothing(git, (*BRANCHES, f"refs/tags/{tag}")) as saved,
        built(root, version.id) as site_dir,
    ):
        # The archival copies: made now for a new version, else those it was published with.
        copies = archival_copies(git, config, notice, site_dir, version.id, new=new)
        place(site_dir, copies)
        # Build what main holds; a published version is deployed again only when what it
        # shows changed (its presentation: its text cannot, refusals() saw to that).
        rebuild = deploy_again(git, site_dir, version.id, published=not new)
        if new or rebuild:
            deploy(git, version.id, site_dir, latest=version.id == in_force)
        if upcoming and (new or rebuild or not waiting):
            deploy_in_force(root, git, version.id, copies)
        elif not upcoming and (new or rebuild):
            drop_pending(git, [v for v in pending_versions(git) if v == version.id])
        if new:
            git.run("tag", "--annotate", "--force", tag, "-m", f"Privacy notice {version.id}")
        event = meant(new=new, force=force, rebuild=rebuild, published=version.id in published)
        if not upcoming and waiting and rebuild:
            event = "in force"  # main's build on its date, as in force, replaced its folder
        events = {version.id: event} if event else {}
        follow_the_calendar(git, config, notice.today, notice, events)
        check_result(git)
        changed = {ref: git.ref(ref) for ref in saved} != saved
        if push and (changed or not_on_origin(git, tag)):
            push_to_origin(git, tag)
    # For editors too, in Swedish: they read it in CI's log.
    where = where_pushed(push)
    if new:
        state = "gäller nu"
        if upcoming:
            now = archive.in_force(published, notice.today)
            until = f"; till dess gäller version {now}" if now else ""
            state = f"börjar gälla {version.id}{until}"
        return f"Version {version.id} är publicerad ({state}) på {where}, med taggen {tag}."
    if moved:
        return f"Version {in_force} gäller nu: latest och robots.txt pekar på den på {where}."
    if rebuild:
        return (
            f"Version {version.id} är redan publicerad och texten är densamma: den är byggd på "
            f"nytt med det som ändrats i utseendet, på {where}."
        )
    if changed:
        return f"Version {version.id} är redan publicerad; filerna i arkivets rot är uppdaterade."
    return f"Version {version.id} är redan publicerad och docs/ har inte ändrats: inget att göra."


def calendar(root: Path, *, push: bool) -> str:
    """What the date asks of the archive, from what is published alone (gh-pages and the tags):
    a version published ahead of its date comes into force on it, and the root files follow.
    main's docs/ is never read, so a main that cannot be published never holds this up."""
    config = check_required_settings(root / CONFIG, web=push and to_the_web(root))
    git = Git(root)
    recover(git, "make calendar")
    start_from_what_is_published(git, push)
    if not published_versions(git):
        return "Ingen version är publicerad än: inget att göra."
    today = dates.today()
    with all_or_nothing(git, BRANCHES) as saved:
        moved = follow_the_calendar(git, config, today)
        check_result(git)
        changed = {ref: git.ref(ref) for ref in saved} != saved
        if push and (changed or not_on_origin(git)):
            push_to_origin(git)
    where = where_pushed(push)
    if moved:
        return f"Version {moved} gäller nu: latest och robots.txt pekar på den på {where}."
    in_force = archive.latest(published_versions(git), today)
    if changed:
        return f"Version {in_force} gäller; filerna i arkivets rot är uppdaterade på {where}."
    return f"Version {in_force} gäller redan: inget att göra."


def start_from_what_is_published(git: Git, push: bool, publishing: str | None = None) -> None:
    """origin's archive and tags (PUSH=1), else this repository's own, once they check out
    against the archive's record; refused, before anything moves, when they do not.
    ``publishing``: the commit make publish publishes."""
    if push:

        def check(staged: dict[str, str | None], here: dict[str, str], origin: dict[str, str]):
            check_archive(
                git, ONLINE, staged[BRANCH], staged[UPCOMING], here, origin, publishing=publishing
            )

        fetch(git, check)
    else:
        local_branches(git)
        check_here(git, publishing)


def meant(*, new: bool, force: bool, rebuild: bool, published: bool) -> str | None:
    """What publishing main's version does to its folder, as archive.json records it."""
    if new:
        return "republished" if force and published else "published"
    return "presentation" if rebuild else None


def where_pushed(push: bool) -> str:
    return f"{REMOTE}/{BRANCH}" if push else f"den lokala grenen {BRANCH} (PUSH=1 skickar den)"


# The version


def read_notice(docs_dir: Path, config: dict) -> model.Notice:
    """docs/ as the build reads it; its newest version (the first entry) is the one to publish."""
    try:
        notice = reading.load(docs_dir, languages.built(config), build.markdown_config(config))
    except ValueError as error:  # NOTICE_TODAY that is not a date
        raise PublishError(str(error)) from None
    if notice.problems:
        raise PublishError(reading.format_problems(notice.problems), browser=True)
    if notice.controller.missing:
        # For the editors, like the build's messages: SEOM's own details, never invented.
        raise PublishError(controller_missing(notice))
    if notice.purposes_missing:
        raise PublishError(
            "Ändamålen i docs/purposes.yml saknar det som bara SEOM kan lämna, så meddelandet "
            "publiceras inte. Fyll i det när SEOM har lämnat det:\n"
            + "\n".join(f"  - {message}" for message in notice.purposes_missing)
        )
    if notice.statement_missing:
        raise PublishError(
            "Tillgänglighetsredogörelsen saknar det som bara SEOM kan lämna, så ingenting "
            "publiceras. Fyll i det i docs/accessibility.yml när SEOM har lämnat det:\n"
            + "\n".join(f"  - {message}" for message in notice.statement_missing)
        )
    return notice


def controller_missing(notice: model.Notice) -> str:
    return (
        "SEOM:s uppgifter som personuppgiftsansvarig är inte kompletta, så meddelandet "
        "publiceras inte. Fyll i dem i docs/controller.yml när SEOM har lämnat dem:\n"
        + "\n".join(f"  - {message}" for message in notice.controller.missing)
    )


def refusals(notice: model.Notice, published: list[str], *, new: bool) -> list[str]:
    """Why main's newest version would not be published, for the editors; [] when it would.

    ``published``: the versions online; ``new``: the version is not among them (or FORCE=1).
    The model's problems and SEOM's missing details are read_notice()'s; a broken build is
    build_and_compare()'s. The gate (`make check`, scripts/review.py) asks the same.
    """
    version = notice.versions[0].id
    out = []
    newer = [v for v in published if v > version]
    if newer:
        newest = dates.long_date(dt.date.fromisoformat(max(newer)), "sv")
        out.append(
            f"versionen {version} är äldre än version {max(newer)}, som redan är publicerad. "
            "En ny version ska ha ett senare datum än de publicerade: ändra datumet överst i "
            f"docs/versions.yml till ett datum efter den {newest}."
        )
    if new:
        # Only a version being published: one already online is what it is.
        refusal = translations.refusal(notice, new=True)
        if refusal:
            out.append(refusal)
    else:
        # Pages outside the versions change on merge: their English must follow at once.
        outside = [
            f for f in translations.unacknowledged(notice, new=False) if f.outside_the_versions
        ]
        if outside:
            out.append(translations.refusal(notice, new=False, only=outside))
    if not new and notice.baseline is not None and notice.baseline_version == version:
        changed = changes.changed_files(notice.baseline, notice)
        if changed:
            files = ", ".join(f"docs/{path}" for path in changed)
            out.append(
                f"texten i version {version}, som redan är publicerad, skulle ändras ({files}). "
                "En publicerad version ändras aldrig: lägg till en ny version överst i "
                "docs/versions.yml, med det datum då ändringen ska börja gälla (REDIGERA.md, "
                "avsnitt 7). Är det bara ett skrivfel som inte ändrar innebörden kan en "
                "utvecklare i stället rätta den publicerade versionen."
            )
    return out


def check_clean(git: Git) -> None:
    if git.run("status", "--porcelain"):
        raise PublishError(
            "det finns ändringar som inte är incheckade (git status visar dem). Checka in dem "
            "(commit) först, så att taggen visar exakt det som publiceras."
        )
    ignored = git.run("status", "--porcelain", "--ignored", "--", "docs")
    if ignored:
        files = ", ".join(line[3:] for line in ignored.splitlines())
        raise PublishError(
            f"docs/ innehåller filer som git ignorerar ({files}): de skulle publiceras men inte "
            "finnas i taggen. Ta bort dem, eller publicera från en ny kopia (git clone) av den "
            "commit som ska publiceras."
        )


# The calendar: what the date asks, from what is published


def follow_the_calendar(
    git: Git,
    config: dict,
    today: dt.date,
    notice: model.Notice | None = None,
    events: dict[str, str] | None = None,
) -> str | None:
    """Put every version whose date has come in its rendering as in force, `latest` on the
    version in force on ``today``, and write the root files; returns the version that came
    into force, if one did.

    A version published ahead of its date comes into force with its rendering from UPCOMING
    (the same text, without the notice that it takes effect later), whenever the first run on
    or after its date comes (a night may be skipped), and the rendering leaves UPCOMING.
    ``notice``: the newest published version's model, when the caller has it (main's, just
    published); else it is read from the tags, never from docs/. ``events``: what the caller
    did to a version's folder, for archive.json (record_archive()).
    """
    published = [v["version"] for v in mike_versions(git, git.ref(f"refs/heads/{BRANCH}"))]
    in_force = archive.latest(published, today)
    due = [v for v in pending_versions(git) if v in published and archive.in_effect(v, today)]
    for version in due:
        replace_folder(git, version, git.run("rev-parse", f"{UPCOMING}:{version}"))
    drop_pending(git, due)
    before = alias_target(git)
    if in_force and before != in_force and in_force not in due and before and in_force > before:
        raise PublishError(
            f"version {in_force} comes into force today, but {UPCOMING} holds no rendering "
            "of it as in force (it was published ahead of its date before that branch "
            "existed, or that step did not finish). Publish it again from its tag: "
            f"`git checkout {notice_git.tag_of(in_force)} && make publish PUSH=1`."
        )
    if in_force and before != in_force:
        move_latest(git, in_force)
    elif in_force in due:  # latest, a copy of its folder, gets its new files too
        replace_folder(git, ALIAS, git.run("rev-parse", f"{BRANCH}:{in_force}"))
    newest = notice or published_notice(git, config, published)
    write_root_files(git, newest, in_force, config, today)
    record_archive(git, {**dict.fromkeys(due, "in force"), **(events or {})}, today)
    return in_force if before != in_force else None


def published_notice(git: Git, config: dict, published: list[str]) -> model.Notice:
    """The newest published version's model, from its tag (the newest that has one): what
    the root files are written from when main is not read."""
    built = languages.built(config)
    for version in sorted(published, reverse=True):
        files = notice_git.files_at(git.root / "docs", notice_git.tag_of(version))
        if files is not None:
            return reading.from_files(files, built, build.markdown_config(config))
    raise PublishError(
        f"no published version has its tag ({notice_git.TAG_PREFIX}<version>) here or on "
        f"{REMOTE}: the root files cannot be written. Restore the tags (git push {REMOTE} "
        "--tags from a clone that has them) and run again."
    )


def replace_folder(git: Git, folder: str, tree: str) -> None:
    """One commit on gh-pages: ``folder`` becomes ``tree`` (a tree of this repository)."""
    commit_tree(git, BRANCH, f"In force: {folder}", folders={folder: tree}, allow_empty=True)
