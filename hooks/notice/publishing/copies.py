"""The archival copies of the version being published (notice/archival.py): made once, when the
version is first published, and never again.

A later deploy of the same version (its presentation changed, or its rendering as in force on
its date) takes the copies from its folder on gh-pages, byte for byte. A version published
before there were copies gets them, made from the commit its tag names, the one it was
published from.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from notice import archival, languages, model, texts
from notice import git as notice_git
from notice.publishing.errors import PublishError
from notice.publishing.git_utils import BRANCH, Git


def names(config: dict, version: str) -> dict[str, str]:
    """{locale: the copy's path in the version's folder}: "integritetsmeddelande-….pdf",
    "en/privacy-notice-….pdf"."""
    built = languages.built(config)
    return {
        locale: languages.prefix_of(locale, built)
        + archival.file_name(version, texts.of(None, locale)["archival"])
        for locale in built
    }


def archival_copies(
    git: Git, config: dict, notice: model.Notice, site_dir: Path, version: str, *, new: bool
) -> dict[str, bytes]:
    """{path in the version's folder: the copy}, for the build of ``version`` in ``site_dir``.

    ``new``: the version is published now (or again, FORCE=1), from this commit. Otherwise the
    copies online are kept; only where there are none are they made, from the tag's commit.
    """
    commit = git.run("rev-parse", "HEAD")
    if not new:
        online = {path: published(git, version, path) for path in names(config, version).values()}
        if all(data is not None for data in online.values()):
            return {path: data for path, data in online.items() if data is not None}
        commit = git.ref(f"refs/tags/{notice_git.tag_of(version)}^{{commit}}") or commit
    committed = dt.datetime.fromisoformat(git.run("show", "-s", "--format=%cI", commit))
    root = str(config["site_url"]).rstrip("/") + f"/{version}/"
    return made(config, notice, site_dir, version, root, commit, committed)


def made(
    config: dict,
    notice: model.Notice,
    site_dir: Path,
    version: str,
    root: str,
    commit: str,
    committed: dt.datetime,
    **options: bool,
) -> dict[str, bytes]:
    """{path: copy} for each language, from the whole-notice pages built in ``site_dir``;
    ``root``: the address of the version's folder; ``options``: Meta's preview and uncommitted
    (`make pdf`)."""
    site_names = languages.site_names(config)
    out = {}
    for locale, path in names(config, version).items():
        prefix = path[: -len(Path(path).name)]
        meta = archival.Meta(
            locale=locale,
            title=site_names[locale],
            controller=notice.controller.of(locale).get("name", ""),
            version=version,
            commit=commit,
            committed=committed,
            url=f"{root}{prefix}{archival.PAGE}",
            **options,
        )
        out[path] = make(site_dir / prefix / archival.PAGE / "index.html", meta)
    return out


def previews(
    root: Path, config: dict, notice: model.Notice, site_dir: Path, version: str, folder: str
) -> dict[str, bytes]:
    """The copies as publishing would make them now, from the working tree at ``root``, each
    marked as a preview: `make pdf`'s, and the gate's (scripts/review.py), which checks them
    and the links to them before a change is merged. ``folder``: the address of the folder
    the pages in ``site_dir`` are published in."""
    git = Git(root)
    commit = git.run("rev-parse", "HEAD")
    committed = dt.datetime.fromisoformat(git.run("show", "-s", "--format=%cI", commit))
    uncommitted = bool(git.run("status", "--porcelain"))
    return made(
        config,
        notice,
        site_dir,
        version,
        folder,
        commit,
        committed,
        preview=True,
        uncommitted=uncommitted,
    )


def make(page: Path, meta: archival.Meta) -> bytes:
    """The copy of the whole-notice page ``page``, checked (archival.problems())."""
    words = texts.of(None, meta.locale)["archival"]
    text = archival.article(page.read_text(encoding="utf-8"), meta.url)
    data = archival.pdf(archival.document(text, meta, words))
    found = archival.problems(data, meta, text)
    if found:
        language = languages.LANGUAGE_NAMES.get(meta.locale, meta.locale)
        rare = unusual(archival.runs(text))
        hint = (
            "Tecken i texten som typsnittet kan sakna: "
            + ", ".join(f"«{c}» (U+{ord(c):04X})" for c in rare[:10])
            + ".\n"
            if rare
            else ""
        )
        raise PublishError(
            f"arkivkopian (PDF/A) av version {meta.version} på {language} blev inte godkänd, "
            "så ingenting publicerades. Oftast är det ett tecken som typsnittet saknar (till "
            "exempel en emoji): ta bort det ur texten. Annars är det ett fel i verktygen, som en "
            f"utvecklare behöver se.\n{hint}Det som inte godkändes:\n"
            + "\n".join(f"  - {problem}" for problem in found),
            browser=True,
        )
    return data


# Marks outside Latin that Swedish and English texts use, which the copy's font has.
COMMON = set("\u2010\u2011\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u20ac\u00b7\u2009\u202f")


def unusual(runs: list[str]) -> list[str]:
    """The characters of ``runs`` beyond Latin and the common marks: where a font may lack a
    glyph (PDF/A forbids drawing the empty one), for the editors' message."""
    return sorted({c for run in runs for c in run if ord(c) > 0x24F and c not in COMMON})


def published(git: Git, version: str, path: str) -> bytes | None:
    """The file ``path`` of ``version``'s folder on gh-pages, or None."""
    sha = git.ref(f"refs/heads/{BRANCH}:{version}/{path}")
    return git.blob(sha) if sha else None


def place(site_dir: Path, copies: dict[str, bytes]) -> None:
    for path, data in copies.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
