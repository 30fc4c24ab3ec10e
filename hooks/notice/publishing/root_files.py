"""The files at the archive's root, outside every version folder, rewritten by each run:
robots.txt, 404.html, index.html, _headers, notice.json, the feeds, the accessibility
statement's stable address, and archive.json, the archive's record of itself (mike writes
versions.json). Each write is one commit on gh-pages (git_utils.commit_tree)."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlsplit

import jinja2

from notice import (
    archive,
    atom,
    csp,
    dates,
    form,
    languages,
    manifest,
    model,
    page_scripts,
    texts,
    urls,
)
from notice import git as notice_git
from notice.publishing.errors import PublishError
from notice.publishing.git_utils import (
    ALIAS,
    BRANCH,
    REMOTE,
    UPCOMING,
    Git,
    commit_tree,
    tag_commits,
)
from notice.publishing.record import alias_target, mike_versions, read_branch
from notice.shortcodes import CHANGES_PAGE

STATE_FILE = "notice.json"  # overrides/main.html points every page of the archive at it


def record_archive(git: Git, events: dict[str, str], today: dt.date) -> None:
    """archive.json as the archive now is, with the ``events`` this run meant ({version:
    event}), in a commit of its own on gh-pages."""
    branch = read_branch(git, f"refs/heads/{BRANCH}", git.ref(f"refs/heads/{UPCOMING}"))
    old, listed, unreadable = manifest.record_of(branch)
    if unreadable:  # checked before the run
        raise PublishError(f"{BRANCH} cannot be read: {' '.join(unreadable)}")
    tags = tag_commits(git, "refs/tags/")
    now = {}
    for version in listed or {}:
        commit = tags.get(version) or (
            old.versions[version].commit if old and version in old.versions else None
        )
        if commit is None:
            tag = notice_git.tag_of(version)
            raise PublishError(
                f"version {version} is on {BRANCH}, but its tag {tag} is neither here nor on "
                f"{REMOTE}, so {manifest.FILE} cannot record the commit it was published from. "
                f'Restore the tag (git tag --annotate {tag} <that commit> -m "Privacy notice '
                f'{version}", then git push {REMOTE} refs/tags/{tag}) and run again.'
            )
        now[version] = manifest.Entry(
            commit, branch.trees[version], (branch.pending or {}).get(version)
        )
    latest = alias_target(git)
    try:
        record = manifest.updated(old, now, latest, events, today.isoformat())
    except ValueError as error:
        raise PublishError(
            f"publishing changed the archive without meaning to ({error}): nothing was "
            "recorded or pushed. This is a bug in publishing."
        ) from None
    said = ", ".join(f"{version} {event}" for version, event in sorted(events.items()))
    commit_files(
        git,
        {manifest.FILE: manifest.dumps(record)},
        f"Record the archive{': ' + said if said else ''}",
    )


def write_root_files(
    git: Git, notice: model.Notice, in_force: str, config: dict, today: dt.date
) -> None:
    """Files at the archive's root, outside every version folder: what changes over time.
    ``notice``: the newest published version's model."""
    versions = [v["version"] for v in mike_versions(git, BRANCH)]
    # The theme's templates: the root page's and the feeds' words.
    env = texts.install(config.theme.get_env())
    files = {
        "robots.txt": robots_txt(versions, in_force, config["site_url"]),
        # GitHub Pages serves only the root 404.html: the current version's, in Swedish.
        "404.html": git.run("show", f"{BRANCH}:{ALIAS}/404.html"),
        STATE_FILE: state_json(notice, versions, in_force, today),
        # The archive's root sends readers to latest/ (what mike's set-default would write,
        # with the page's language declared and no script).
        "index.html": root_page(notice, env, csp.policy(form.settings_of(config))),
        "_headers": headers_file(git, versions, config),
        **feeds(git, notice, versions, config["site_url"], env),
        **statement_pages(notice, in_force, env, csp.policy(form.settings_of(config))),
    }
    commit_files(git, files, "Update the archive's root files")


def commit_files(git: Git, files: dict[str, str], message: str) -> bool:
    """One commit on gh-pages that writes ``files`` ({path: text}) and changes nothing else;
    none when they are already so. Whether it committed."""
    return commit_tree(git, BRANCH, message, files=files)


def root_page(notice: model.Notice, env: jinja2.Environment, policy: str) -> str:
    built = notice.languages
    links = [
        (lang, f"{ALIAS}/{languages.prefix_of(lang, built)}", texts.of(env, lang)["root"]["link"])
        for lang in built
    ]
    title = texts.of(env, built[0])["root"]["title"]
    macros = env.get_template("partials/archive_root.html").module
    page = str(macros.page(built[0], title, ALIAS, links, policy, csp.REFERRER)) + "\n"
    return runs_only_ours("index.html", page)


def runs_only_ours(name: str, page: str) -> str:
    """``page``, a root file of the archive, refused (before anything moves) when it would run
    anything that is not the site's own (notice/page_scripts.py), as every build refuses its
    pages (hooks/security.py)."""
    found = page_scripts.problems(page)
    if found:
        raise PublishError(
            f"{name} i arkivets rot (overrides/partials/archive_root.html) kör kod som inte är "
            "webbplatsens egen, så ingenting publicerades:\n"
            + "\n".join(f"  - {what}" for what in found)
        )
    return page


def headers_file(git: Git, versions: list[str], config: dict) -> str:
    """`_headers` for hosts that send headers (hooks/security.py): they read it only at the
    root, and serve every version folder's pages with it (a header policy and a page's meta
    policy both apply). So it allows what each folder's own _headers allows: the inline
    scripts of versions published before their scripts were files (by hash), and the
    endpoint each version's form posts to (a version published before CONTACT_FORM_ACTION
    changed posts to the endpoint it was built with)."""
    hashes: set[str] = set()
    forms: set[str] = set()
    for folder in [*versions, ALIAS]:
        text = git.run("show", f"{BRANCH}:{folder}/_headers", check=False)
        hashes |= csp.hashes_in(text)
        forms |= csp.form_sources_in(text)
    settings = form.settings_of(config)
    return csp.headers_file(csp.policy(settings, hashes, header=True, earlier_forms=forms))


def statement_pages(
    notice: model.Notice, in_force: str, env: jinja2.Environment, policy: str
) -> dict[str, str]:
    """The accessibility statement's stable address, outside every version folder.

    Every page's footer, in every version folder, links to <root>/tillganglighet/ (and
    <root>/en/tillganglighet/): a redirect, as the root index.html, to the statement of the
    version main holds, the one this run built and deployed. The statement is not part of the
    notice's versions: a change to it is a change of presentation, which deploys main's
    version again (mkdocs_utils.deploy_again), so the address always leads to the current statement.
    That is latest/ when main's version is in force, else main's upcoming version's folder.
    """
    newest = notice.versions[0].id
    target = ALIAS if newest == in_force else newest
    macros = env.get_template("partials/archive_root.html").module
    out = {}
    for lang in notice.languages:
        path = f"{languages.prefix_of(lang, notice.languages)}{urls.STATEMENT_PAGE}/"
        up = "../" * path.count("/")
        words = texts.of(env, lang)["accessibility"]
        links = [(lang, f"{up}{target}/{path}", words["root_link"])]
        page = macros.page(
            lang, words["footer"], f"{up}{target}/{path}".rstrip("/"), links, policy, csp.REFERRER
        )
        out[f"{path}index.html"] = runs_only_ours(f"{path}index.html", str(page) + "\n")
    return out


def state_json(notice: model.Notice, published: list[str], in_force: str, today: dt.date) -> str:
    """The archive's state, from which the version in force announces an upcoming one, and
    every page's version selector names each version by its date, as the site writes dates
    (assets/javascripts/keyboard.js)."""
    upcoming = archive.upcoming(published, today)
    built = notice.languages
    state: dict = {"in_force": in_force, "upcoming": None}
    state["dates"] = {
        version: {lang: dates.long_date(dt.date.fromisoformat(version), lang) for lang in built}
        for version in sorted(published, reverse=True)
    }
    if upcoming and upcoming[0] != in_force:
        first = upcoming[0]
        state["upcoming"] = {
            "version": first,
            "date": {lang: dates.long_date(dt.date.fromisoformat(first), lang) for lang in built},
            "changes": {
                lang: f"{first}/{languages.prefix_of(lang, built)}{CHANGES_PAGE}/" for lang in built
            },
        }
    return json.dumps(state, ensure_ascii=False, indent=2)


def feeds(
    git: Git, notice: model.Notice, published: list[str], site_url: str, env: jinja2.Environment
) -> dict[str, str]:
    """The Atom feed of every published version, per language, at the archive's root."""
    root = site_url.rstrip("/") + "/"
    listing = git.run(
        "for-each-ref",
        "--format=%(refname:strip=2) %(creatordate:iso-strict)",
        f"refs/tags/{notice_git.TAG_PREFIX}",
    )
    stamps = dict(line.split(" ", 1) for line in listing.splitlines())
    versions = [v for v in notice.versions if v.id in published]
    out = {}
    for locale in notice.languages:
        prefix = languages.prefix_of(locale, notice.languages)
        xml = atom.feed(
            versions,
            locale,
            root,
            texts.of(env, locale)["feed"],
            notice.controller.of(locale)["name"],  # complete, or read_notice() refused
            prefix=prefix,
            home=f"{root}{ALIAS}/{prefix}",
            published={v.id: stamps.get(notice_git.tag_of(v.id), "") for v in versions},
        )
        out[f"{prefix}feed.xml"] = xml.decode("utf-8")
    return out


def robots_txt(versions: list[str], current: str, site_url: str) -> str:
    """Keep crawlers out of an announced version; point them at the current one's sitemap.

    An announced version is not in force yet: a reader sent to it by a search engine could
    take it for the notice that applies. Its files never change, so the noindex it needs
    cannot go into its pages; robots.txt at the root can, until its date. Earlier versions
    stay open to crawlers: they are public record, and their canonical links point at
    latest/ (the copy of the version in force), which is how a search engine folds them into
    it; a crawler kept out would never see that link. (Crawlers read robots.txt only at a
    host's root, as on integritet.seom.se.)
    """
    root = site_url.rstrip("/") + "/"
    path = urlsplit(root).path
    disallow = [f"Disallow: {path}{v}/" for v in versions if v > current]
    lines = ["User-agent: *", *disallow, "", f"Sitemap: {root}{ALIAS}/sitemap.xml"]
    return "\n".join(lines) + "\n"
