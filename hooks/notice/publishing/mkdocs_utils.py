"""Building a version with every check, comparing it with its folder online, and deploying that
very build with mike; and mkdocs_build(), the one way the scripts and the tests run `mkdocs
build` in a process of its own.

What is deployed is what was built and checked, once: mike's own commands (mike.commands,
what its command line runs after building) commit the folder our strict build made, instead of
mike building it a second time without --strict. mike is pinned; its commands and git_utils are
the coupling (ARCHITECTURE.md), exercised by every publishing test."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from mike import commands as mike_commands
from mike import git_utils as mike_git
from mkdocs.utils import yaml_load

from notice import dates, urls
from notice.publishing.copies import place
from notice.publishing.errors import PublishError
from notice.publishing.git_utils import ALIAS, BRANCH, REMOTE, UPCOMING, Git

# mkdocs.yml plus mike's plugin and the version selector: what each archived version is built
# with (plain builds leave them out).
CONFIG = "mkdocs.archive.yml"


def _env(version: str, today: str = "") -> dict[str, str]:
    env = {**os.environ, urls.MIKE_VERSION_VARIABLE: version}  # exactly what mike deploys
    if today:
        env[dates.TODAY_VARIABLE] = today
    return env


def mkdocs_build(
    project: Path,
    site_dir: Path,
    *,
    config_file: str | None = None,
    env: Mapping[str, str] | None = None,
    strict: bool = True,
    extra: dict | None = None,
    docs_dir: Path | None = None,
    capture: bool = True,
    timeout: float | None = None,
) -> subprocess.CompletedProcess:
    """`mkdocs build` of ``project`` into ``site_dir``, in a process of its own (the hooks keep
    a build's state per process), with this interpreter's MkDocs: ``config_file`` (else
    mkdocs.yml), ``env`` (else this process's environment), ``strict`` as --strict; the output
    ``capture``d as text, else printed.

    ``extra`` (keys added to the config's extra, as the preview's moment) and ``docs_dir`` (a
    notice other than the project's docs/) are what the command line cannot say: the build
    then loads the config and runs MkDocs' own build() itself."""
    environment = {**(os.environ if env is None else env), "NO_MKDOCS_2_WARNING": "1"}
    config = str(project / (config_file or "mkdocs.yml"))
    if extra is None and docs_dir is None:
        command = [sys.executable, "-m", "mkdocs", "build", "--config-file", config]
        command += ["--site-dir", str(site_dir), *(["--strict"] if strict else [])]
    else:
        options = {"site_dir": str(site_dir), **({"strict": True} if strict else {})}
        if docs_dir is not None:
            options["docs_dir"] = str(docs_dir)
        settings = json.dumps({"options": options, "extra": extra or {}})
        command = [sys.executable, "-c", _BUILD, settings, config]
    return subprocess.run(
        command,
        cwd=project,
        env=environment,
        capture_output=capture,
        text=True,
        timeout=timeout,
    )


# `mkdocs build` with what its command line cannot say (mkdocs_build()).
_BUILD = """
import json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

settings = json.loads(sys.argv[1])
config = load_config(sys.argv[2], **settings["options"])
config.extra.update(settings["extra"])
build(config)
"""


def build_site(root: Path, version: str, site_dir: Path, *, today: str = "") -> None:
    """The version as mike will deploy it, built with every check into ``site_dir``; as on
    ``today`` when given (its rendering as in force, for a version published ahead)."""
    result = mkdocs_build(root, site_dir, config_file=CONFIG, env=_env(version, today))
    if result.returncode != 0:
        raise PublishError(
            "bygget misslyckades, så ingenting publicerades. Rätta det som bygget säger här "
            f"nedanför:\n{result.stderr}",
            browser=True,
        )


@contextlib.contextmanager
def built(root: Path, version: str, *, today: str = "") -> Iterator[Path]:
    """The version built with every check (build_site()) into a temporary folder, removed
    afterwards: a broken build stops everything before anything moves."""
    with tempfile.TemporaryDirectory(prefix="seom-publish-") as folder:
        site_dir = Path(folder) / version
        build_site(root, version, site_dir, today=today)
        yield site_dir


def deploy_again(git: Git, site_dir: Path, version: str, *, published: bool) -> bool:
    """For a published version, whether its fresh build ``site_dir`` must be deployed again.

    A published version is compared with its folder online: the same files, nothing to do;
    otherwise its presentation changed (the theme, styles, scripts, pages outside the notice,
    its "takes effect" notice on its date), and it is deployed again (its text cannot have:
    refusals() saw to that). Earlier versions are never touched.
    """
    return published and bool(changed_files(git, site_dir, version))


def changed_files(git: Git, site_dir: Path, version: str) -> list[str]:
    """The files of a fresh build that differ from the version's folder online.

    The sitemaps are left out: MkDocs dates them with the day of the build.
    """
    online = {}
    for line in git.run("ls-tree", "-r", f"{BRANCH}:{version}").splitlines():
        info, path = line.split("\t", 1)
        online[path] = info.split()[2]
    built = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    hashes = (
        git.run(
            "hash-object", "--stdin-paths", input="\n".join(str(site_dir / path) for path in built)
        ).splitlines()
        if built
        else []
    )
    ignore = ("sitemap.xml", "sitemap.xml.gz")
    fresh = {p: h for p, h in zip(built, hashes, strict=True) if not p.endswith(ignore)}
    online = {p: h for p, h in online.items() if not p.endswith(ignore)}
    return sorted(p for p in fresh.keys() | online.keys() if fresh.get(p) != online.get(p))


def deploy(git: Git, version: str, site_dir: Path, *, latest: bool) -> None:
    """The build in ``site_dir`` into the version's folder; `latest` too when it is the
    version in force."""
    aliases = [ALIAS] if latest else []
    _deploy(git, version, site_dir, aliases, f"Publish privacy notice {version}", BRANCH)


def deploy_in_force(root: Path, git: Git, version: str, copies: dict[str, bytes]) -> None:
    """A version published ahead of its date, built as it will read on that date, into its
    folder on UPCOMING (follow_the_calendar() moves it to gh-pages then), with the archival
    ``copies`` it was published with: {path in the folder: bytes}."""
    message = f"Privacy notice {version} as in force, from {git.run('rev-parse', 'HEAD')}"
    with built(root, version, today=version) as site_dir:
        place(site_dir, copies)
        _deploy(git, version, site_dir, [], message, UPCOMING)


def drop_pending(git: Git, versions: list[str]) -> None:
    """Renderings put in force, or made stale by a newer build: off UPCOMING."""
    if versions:
        message = f"In force: {', '.join(versions)}"
        with _mike(git, "delete", UPCOMING):
            mike_commands.delete(versions, branch=UPCOMING, message=message)


def move_latest(git: Git, version: str) -> None:
    """`latest` (a full copy: mike's alias_type copy) to the version in force."""
    with _mike(git, "alias", BRANCH):
        mike_commands.alias(
            {"use_directory_urls": True},
            version,
            [ALIAS],
            update_aliases=True,
            alias_type=_alias_type(git.root),
            branch=BRANCH,
            message=f"In force: {version}",
        )


def _deploy(
    git: Git, version: str, site_dir: Path, aliases: list[str], message: str, branch: str
) -> None:
    cfg = {"site_dir": str(site_dir), "use_directory_urls": True}
    with (
        _mike(git, "deploy", branch),
        mike_commands.deploy(
            cfg,
            version,
            aliases=aliases,
            update_aliases=bool(aliases),
            alias_type=_alias_type(git.root),
            branch=branch,
            message=message,
        ),
    ):
        pass  # where mike's command line builds: the build is made already, and checked


@contextlib.contextmanager
def _mike(git: Git, command: str, branch: str) -> Iterator[None]:
    """A mike command in the repository, as its command line runs it: the local branch
    brought up to what was fetched from REMOTE first, and a commit that would change nothing
    left out (mike warns and goes on)."""
    try:
        with contextlib.chdir(git.root):  # mike's git_utils run git in the working directory
            mike_git.update_from_upstream(REMOTE, branch)
            yield
    except mike_git.GitEmptyCommit:
        pass
    except (ValueError, mike_git.GitError) as error:
        raise PublishError(f"mike {command} failed:\n{error}") from error


def _alias_type(root: Path) -> mike_commands.AliasType:
    """How `latest` holds the version in force: mike's alias_type in mkdocs.archive.yml."""
    with (root / CONFIG).open("rb") as file:
        config = yaml_load(file)
    plugins = config.get("plugins") or {}  # a mapping here, so that INHERIT merges it
    if not isinstance(plugins, dict) or "mike" not in plugins:
        raise PublishError(f"{CONFIG} does not configure mike's plugin as a mapping")
    return mike_commands.AliasType[(plugins["mike"] or {}).get("alias_type", "symlink")]
