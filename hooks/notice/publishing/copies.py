"""The archival copies of the version being published (notice/archival.py): made once, when the
version is first published, and never again.

A later deploy of the same version (its presentation changed, or its rendering as in force on
its date) takes the copies from its folder on gh-pages, byte for byte. FORCE=1 republishes a
version on purpose (archive.json records it): its copies are made anew, from that commit. A
version published before there were copies gets those it lacks, naming the commit its tag
names (the one its text was published from; the text cannot have changed since) and dated
with the commit they are made from. The gate and `make pdf` make them from the working tree
(previews()).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Source:
    """Where copies are made from: the commit they name, and the date they carry."""

    commit: str
    committed: dt.datetime
    preview: bool = False  # the gate's and `make pdf`'s: not the archival copy
    uncommitted: bool = False  # the working tree has changes the commit lacks
    published: bool = False  # copies for a version already published (its text is fixed)


def archival_copies(
    git: Git, config: dict, notice: model.Notice, site_dir: Path, version: str, *, new: bool
) -> dict[str, bytes]:
    """{path in the version's folder: the copy}, for the build of ``version`` in ``site_dir``.

    ``new``: the version is published now (or again, FORCE=1), from this commit. Otherwise
    the copies online are kept; those missing are made, naming the tag's commit.
    """
    head = git.run("rev-parse", "HEAD")
    source = Source(head, committed(git, head))
    paths = names(config, version)
    online: dict[str, bytes] = {}
    if not new:
        for path in paths.values():
            data = published(git, version, path)
            if data is not None:
                online[path] = data
        tagged = git.ref(f"refs/tags/{notice_git.tag_of(version)}^{{commit}}")
        source = Source(tagged or head, source.committed, published=True)
    folder = str(config["site_url"]).rstrip("/") + f"/{version}/"
    missing = [locale for locale, path in paths.items() if path not in online]
    if not missing:
        return online
    return online | made(
        config, notice, site_dir, version, folder, source, Path(git.root) / "docs", missing
    )


def previews(
    root: Path, config: dict, notice: model.Notice, site_dir: Path, version: str, folder: str
) -> dict[str, bytes]:
    """The copies as publishing would make them now, from the working tree at ``root``, each
    marked as a preview: `make pdf`'s, and the gate's (scripts/review.py), which checks them
    and the links to them before a change is merged. ``folder``: the address of the version's
    folder, as published."""
    git = Git(root)
    head = git.run("rev-parse", "HEAD")
    uncommitted = bool(git.run("status", "--porcelain"))
    source = Source(head, committed(git, head), preview=True, uncommitted=uncommitted)
    return made(config, notice, site_dir, version, folder, source, root / "docs")


def committed(git: Git, commit: str) -> dt.datetime:
    return dt.datetime.fromisoformat(git.run("show", "-s", "--format=%cI", commit))


def made(
    config: dict,
    notice: model.Notice,
    site_dir: Path,
    version: str,
    folder: str,
    source: Source,
    docs: Path,
    locales: list[str] | None = None,
) -> dict[str, bytes]:
    """{path: copy} for each language (or ``locales``), from the whole-notice pages built in
    ``site_dir``; ``folder``: the address of the version's folder. Every language is made
    and checked before one that fails stops it: the editors learn everything at once."""
    site_names = languages.site_names(config)
    out, failed = {}, {}
    for locale, path in names(config, version).items():
        if locales is not None and locale not in locales:
            continue
        prefix = path[: -len(Path(path).name)]
        meta = archival.Meta(
            locale=locale,
            title=site_names[locale],
            controller=notice.controller.of(locale).get("name", ""),
            version=version,
            commit=source.commit,
            committed=source.committed,
            url=f"{folder}{prefix}{archival.PAGE}",
            preview=source.preview,
            uncommitted=source.uncommitted,
        )
        page = site_dir / prefix / archival.PAGE / "index.html"
        words = texts.of(None, locale)["archival"]
        text = archival.article(page.read_text(encoding="utf-8"), meta.url)
        data = archival.pdf(archival.document(text, meta, words))
        found = archival.problems(data, meta, text)
        if found:
            failed[locale] = (found, archival.without_glyphs(data, found))
        out[path] = data
    if failed:
        raise PublishError(refusal(version, failed, docs, source), browser=not source.preview)
    return out


def refusal(
    version: str, failed: dict[str, tuple[list[str], list[str]]], docs: Path, source: Source
) -> str:
    """Why the copies of ``version`` are not approved, for the editors: which characters the
    font lacks and where docs/ has them, or that a developer must look."""
    language = " och ".join(languages.LANGUAGE_NAMES.get(lang, lang) for lang in failed)
    if source.preview:
        lines = [
            f"arkivkopian (PDF/A) av version {version} på {language} skulle inte godkännas när "
            "versionen publiceras, så publiceringen skulle stoppa."
        ]
    else:
        lines = [
            f"arkivkopian (PDF/A) av version {version} på {language} blev inte godkänd, så "
            "ingenting publicerades."
        ]
    characters = sorted({c for _, chars in failed.values() for c in chars})
    if characters:
        said = ", ".join(f"«{c}» (U+{ord(c):04X})" for c in characters[:10])
        where = places(docs, characters)
        lines.append(
            f"Typsnittet saknar tecknen {said}, och PDF/A tillåter inte tecken som inte går att "
            "visa. Ta bort dem eller byt ut dem" + (f" ({', '.join(where)})." if where else ".")
        )
    else:
        lines.append("Det är ett fel i verktygen, som en utvecklare behöver se.")
    if source.published:
        lines.append(
            f"Version {version} är redan publicerad och dess text ändras inte: rätta i en ny "
            "version överst i docs/versions.yml (REDIGERA.md, avsnitt 7)."
        )
    found = [problem for problems, _ in failed.values() for problem in problems]
    return "\n".join(
        [" ".join(lines), "Det som inte godkändes:", *(f"  - {p}" for p in found[:10])]
    )


def places(docs: Path, characters: list[str]) -> list[str]:
    """Where in docs/ the characters stand: "docs/klagomal.md, rad 9", at most ten."""
    out = []
    wanted = set(characters)
    for file in sorted(docs.rglob("*")) if docs.is_dir() else []:
        if file.suffix not in (".md", ".yml") or not file.is_file():
            continue
        try:
            lines = file.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, 1):
            if wanted & set(line):
                out.append(f"docs/{file.relative_to(docs).as_posix()}, rad {number}")
                if len(out) == 10:
                    return out
    return out


def published(git: Git, version: str, path: str) -> bytes | None:
    """The file ``path`` of ``version``'s folder on gh-pages, or None."""
    sha = git.ref(f"refs/heads/{BRANCH}:{version}/{path}")
    return git.blob(sha) if sha else None


def place(site_dir: Path, copies: dict[str, bytes]) -> None:
    for path, data in copies.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
