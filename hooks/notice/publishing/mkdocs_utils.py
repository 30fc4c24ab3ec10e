"""Building a version with every check, comparing it with its folder online, and deploying it
with mike (mike has no API: its command line, with the venv's mkdocs first on PATH); and
mkdocs_build(), the one way the scripts and the tests run `mkdocs build` in a process of its
own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from notice import dates, urls
from notice.publishing.errors import PublishError
from notice.publishing.git_utils import ALIAS, BRANCH, REMOTE, UPCOMING, Git

# mkdocs.yml plus mike's plugin and the version selector: what each archived version is built
# with (plain builds leave them out).
CONFIG = "mkdocs.archive.yml"


def _env(version: str | None = None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    bin_dir = str(Path(sys.executable).parent)  # mike runs mkdocs: the venv's comes first
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    if version:
        env[urls.MIKE_VERSION_VARIABLE] = version  # build exactly what mike will deploy
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


def build_site(root: Path, version: str, site_dir: Path) -> None:
    """The version as mike will deploy it, built with every check into ``site_dir``."""
    result = mkdocs_build(root, site_dir, config_file=CONFIG, env=_env(version))
    if result.returncode != 0:
        raise PublishError(
            "bygget misslyckades, så ingenting publicerades. Rätta det som bygget säger här "
            f"nedanför:\n{result.stderr}",
            browser=True,
        )


def build_and_compare(root: Path, git: Git, version: str, *, published: bool) -> bool:
    """Build the version with every check; for a published one, whether to deploy it again.

    A broken build stops everything before anything moves. A published version is compared
    with its folder online: the same files, nothing to do; otherwise its presentation changed
    (the theme, styles, scripts, pages outside the notice, its "takes effect" notice on its
    date), and it is deployed again (its text cannot have: refusals() saw to that). Earlier
    versions are never touched.
    """
    with tempfile.TemporaryDirectory(prefix="seom-publish-") as site_dir:
        build_site(root, version, Path(site_dir))
        return published and bool(changed_files(git, Path(site_dir), version))


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


def deploy(git: Git, version: str, *, latest: bool) -> None:
    """The version into its folder; `latest` too when it is the version in force."""
    message = f"Publish privacy notice {version}"
    if latest:
        mike(git, "deploy", "--update-aliases", "--message", message, version, ALIAS)
    else:
        mike(git, "deploy", "--message", message, version)


def deploy_in_force(git: Git, version: str) -> None:
    """A version published ahead of its date, built as it will read on that date, into its
    folder on UPCOMING (follow_the_calendar() moves it to gh-pages then)."""
    message = f"Privacy notice {version} as in force, from {git.run('rev-parse', 'HEAD')}"
    mike(git, "deploy", "--message", message, version, branch=UPCOMING, today=version)


def drop_pending(git: Git, versions: list[str]) -> None:
    """Renderings put in force, or made stale by a newer build: off UPCOMING."""
    if versions:
        message = f"In force: {', '.join(versions)}"
        mike(git, "delete", "--message", message, *versions, branch=UPCOMING)


def move_latest(git: Git, version: str) -> None:
    """`latest` (a full copy: mike's alias_type copy) to the version in force."""
    mike(git, "alias", "--update-aliases", "--message", f"In force: {version}", version, ALIAS)


def mike(git: Git, command: str, *args: str, branch: str = BRANCH, today: str = "") -> None:
    executable = str(Path(sys.executable).parent / "mike")  # mike has no `python -m mike`
    where = ["--config-file", CONFIG, "--branch", branch, "--remote", REMOTE]
    env = _env()
    if today:
        env[dates.TODAY_VARIABLE] = today
    result = subprocess.run(
        [executable, command, *args, *where],
        cwd=git.root,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise PublishError(f"mike {command} failed:\n{result.stderr}")
