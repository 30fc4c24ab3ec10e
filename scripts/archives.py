"""A published archive of the example notice, for the tests and the benchmarks: a real git
repository of the project with a bare origin, `make publish` run as OPERATIONS.md says, and the
result served on 127.0.0.1 under PREFIX.

Like mike's integration tests: the real CLI as a subprocess, assertions on branches, tags and
files. `two_versions()` is the archive most browser tests read: A and B published, B in force.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

from project_copy import EXAMPLE, ROOT, copy_project
from site_server import SiteServer

A, B = "2026-12-01", "2027-03-01"
NEW_SV = "Den här meningen är ny i version B."
NEW_EN = "This sentence is new in version B."
# three_versions(): C is announced on TODAY_OF_THREE, when B is in force.
C, TODAY_OF_THREE = "2027-06-01", "2027-03-15"
NEW_SV_C = "Den här meningen är ny i version C."
NEW_EN_C = "This sentence is new in version C."
# C's sentence as it stands in the text: with a link, which a comparison describes.
LINKED_SV_C = NEW_SV_C + " Läs om [dina rättigheter](rattigheter.md)."
LINKED_EN_C = NEW_EN_C + " Read about [your rights](rattigheter.md)."
ENTRY_C = f'- version: "{C}"\n  summary:\n    sv: {NEW_SV_C}\n    en: {NEW_EN_C}\n'
PAGES = ["", "insamling/", "lagring/", "klagomal/", "hela-meddelandet/"]
ALL_PAGES = PAGES + [f"en/{p}" for p in PAGES]
# Where the published contact form posts: a path on the site's own host.
FORM_ACTION = "/api/dataskydd"
# SEOM's details as a deployment has them (docs/controller.yml): made up for the tests only.
# The project's own file leaves them empty until SEOM supplies them, and publishing refuses.
CONTROLLER = """name: Sollentuna Energi & Miljö AB
short_name: SEOM
organisation_number: 000000-0000
address:
  sv: Box 0, 000 00 Testby
  en: Box 0, SE-000 00 Testby, Sweden
country: SE
phone: 08-000 000 00
email: dataskydd@example.se
representative: Test Testsson
dpo_email: dataskyddsombud@example.se
dpo_name: Dataskyddsombudet Testsson
dpo_address: Box 1, 000 00 Testby
website: https://www.seom.se/
"""
# The accessibility statement's channel for feedback as a deployment has it (appended to
# docs/accessibility.yml): made up for the tests only, like CONTROLLER.
FEEDBACK = "feedback_email: webb@example.se\nfeedback_phone: 08-000 000 01\n"
# How the site was assessed, in SEOM's words (docs/accessibility.yml's method): made up too.
METHOD = """method:
  sv: SEOM har bedömt webbplatsen själv, med automatiska tester.
  en: SEOM assessed the website itself, with automated tests.
"""
# The purposes with everything SEOM must say (docs/purposes.yml): made up for the tests only.
# The legitimate interest of the purpose on (f) in PURPOSES.
INTEREST = """\
    interest:
      sv: Att berätta för våra kunder om våra tjänster.
      en: To tell our customers about our services.
"""
PURPOSES = f"""purposes:
  - id: leverans
    purpose:
      sv: Leverera de tjänster du har avtal om
      en: To deliver the services you have an agreement for
    legal_basis: b
    data:
      sv: Namn, adress och mätarvärden.
      en: Name, address and meter readings.
    source:
      sv: Från dig.
      en: From you.
    recipients:
      sv: Våra IT-leverantörer.
      en: Our IT suppliers.
    transfers:
      sv: Nej, uppgifterna behandlas bara inom EU/EES.
      en: No, the data are processed only within the EU/EEA.
    retention:
      sv: Så länge du är kund och tolv månader efter det.
      en: For as long as you are a customer and twelve months after that.
    required:
      sv: Ja, utan dem kan vi inte leverera tjänsten.
      en: Yes, without them we cannot deliver the service.
    automated:
      sv: Nej.
      en: No.
    direct_marketing: nej
    obligation: avtal
    third_countries: nej
  - id: marknadsforing
    purpose:
      sv: Erbjudanden som vi tror att du kan vara intresserad av
      en: Offers that we think may interest you
    legal_basis: f
{INTEREST}    data:
      sv: Namn och adress.
      en: Name and address.
    source:
      sv: Från dig.
      en: From you.
    recipients:
      sv: Vårt tryckeri.
      en: Our printers.
    transfers:
      sv: Nej.
      en: No.
    retention:
      sv: Så länge du är kund.
      en: For as long as you are a customer.
    required:
      sv: Nej, du får erbjudanden bara om vi har dem.
      en: No, you only receive offers if we have them.
    automated:
      sv: Nej.
      en: No.
    direct_marketing: ja
    obligation: nej
    third_countries: nej
"""


def complete(docs: Path) -> None:
    """What only SEOM can supply, filled in ``docs`` as a deployment has it: SEOM's details,
    the purposes, and the statement's channel for feedback and method (made up for the
    tests)."""
    (docs / "controller.yml").write_text(CONTROLLER, encoding="utf-8")
    (docs / "purposes.yml").write_text(PURPOSES, encoding="utf-8")
    with (docs / "accessibility.yml").open("a", encoding="utf-8") as statement:
        statement.write("\n" + FEEDBACK + METHOD)


# Two entries of docs/versions.yml, the newest first: the project's first version, and a second
# one that shortens the retention time (tests/test_versions.py, tests/test_translations.py).
FIRST = """\
- version: 2026-12-01
  summary:
    sv: Första versionen av integritetsmeddelandet på den här webbplatsen.
    en: The first version of the privacy notice on this website.
"""
SECOND = """\
- version: 2027-03-01
  summary:
    sv: Vi sparar uppgifterna kortare tid.
    en: We keep the data for a shorter time.
"""
VERSION_B_ENTRY = f"""- version: "{B}"
  summary:
    sv: Ny mening om lagring.
    en: A new sentence on retention.
"""


def run(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


def git(cwd: Path, *args: str) -> str:
    result = run(cwd, "git", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@dataclass
class Archive:
    repo: Path
    origin: Path
    server: SiteServer
    env: dict[str, str]
    commits: dict[str, str] = field(default_factory=dict)
    results: dict[str, subprocess.CompletedProcess] = field(default_factory=dict)
    refs: dict[str, dict[str, str]] = field(default_factory=dict)
    trees: dict[str, str] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)

    def publish(
        self, *flags: str, env: dict[str, str] | None = None, target: str = "publish"
    ) -> subprocess.CompletedProcess:
        """`make publish` (or another ``target``: calendar, preview) with PUSH=1 / FORCE=1, as
        OPERATIONS.md says, using this test run's venv."""
        venv = Path(sys.executable).parent.parent
        # This run's venv holds everything: make must not install into it (--assume-old).
        installed = [f"--assume-old={venv}/.installed-{what}" for what in ("build", "publish")]
        command = ["make", "--no-print-directory", target, f"VENV={venv}", *installed, *flags]
        return run(self.repo, *command, env=env or self.env)

    def local_refs(self) -> dict[str, str]:
        out = git(self.repo, "for-each-ref", "--format=%(refname) %(objectname)")
        return dict(line.split() for line in out.splitlines() if "refs/heads/main" not in line)

    def remote_refs(self) -> dict[str, str]:
        out = git(self.repo, "ls-remote", str(self.origin))
        return {ref: sha for sha, ref in (line.split("\t") for line in out.splitlines())}

    def show(self, path: str) -> str:
        return git(self.repo, "show", f"gh-pages:{path}")

    def blob(self, spec: str) -> bytes:
        """A file's bytes as git holds them: ``spec`` as "gh-pages:<path>"."""
        return subprocess.run(
            ["git", "show", spec], cwd=self.repo, capture_output=True, check=True
        ).stdout

    def history(self, path: str, branch: str = "gh-pages") -> list[str]:
        """The subjects of the commits on ``branch`` that changed ``path``, newest first."""
        return git(self.repo, "log", "--format=%s", branch, "--", path).splitlines()

    def soup(self, path: str) -> BeautifulSoup:
        return BeautifulSoup(self.show(path), "html.parser")

    def commit_all(self, message: str) -> str:
        git(self.repo, "add", "-A")
        git(self.repo, "commit", "-q", "-m", message)
        return git(self.repo, "rev-parse", "HEAD")


def new_archive(base: Path, today: str) -> Archive:
    """A git repository of the project with a bare origin, and the environment to publish it
    to a server on 127.0.0.1 under PREFIX (started by the caller); version A committed."""
    server = SiteServer(base / "served")
    origin = base / "origin.git"
    git(base, "init", "-q", "--bare", str(origin))
    repo = copy_project(base / "repo", EXAMPLE / "docs")
    for name in (".gitignore", "Makefile", "requirements.txt", "requirements-publish.txt"):
        shutil.copy2(ROOT / name, repo / name)
    identity = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com"}
    identity |= {"GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com"}
    env = {**os.environ, **identity, "SITE_URL": server.url, "NO_MKDOCS_2_WARNING": "1"}
    env["NOTICE_TODAY"] = today
    env.pop("CONTACT_FORM_MAILTO", None)
    env["CONTACT_FORM_ACTION"] = FORM_ACTION
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    os.environ.update(identity)  # for git() in this process
    arc = Archive(repo, origin, server, env)
    complete(repo / "docs")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "remote", "add", "origin", str(origin))
    assert f"- version: {A}\n" in (repo / "docs" / "versions.yml").read_text()
    arc.commits[A] = arc.commit_all("Version A")
    return arc


def add_version_b(arc: Archive) -> None:
    """Version B on top of A: a new sentence on retention in both languages."""
    add_version(arc, B, NEW_SV, NEW_EN, VERSION_B_ENTRY)


def serve(arc: Archive) -> None:
    """Check out gh-pages into the server's folder and start it."""
    served = arc.server.site_dir
    served.mkdir()
    archive_tar = subprocess.run(
        ["git", "archive", "gh-pages"], cwd=arc.repo, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(served)], input=archive_tar, check=True)
    arc.server.start()


def add_version(arc: Archive, version: str, sv: str, en: str, entry: str = "") -> None:
    """A new version at the top of versions.yml (``entry``, or one whose summary is the new
    sentence), with a sentence added in both languages."""
    for name, sentence in (("lagring.md", sv), ("lagring.en.md", en)):
        with (arc.repo / "docs" / name).open("a", encoding="utf-8") as f:
            f.write(f"\n{sentence}\n")
    versions = arc.repo / "docs" / "versions.yml"
    text = versions.read_text(encoding="utf-8")
    first = text.index("- version:")
    entry = entry or f'- version: "{version}"\n  summary:\n    sv: {sv}\n    en: {en}\n'
    versions.write_text(text[:first] + entry + text[first:], encoding="utf-8")
    arc.commits[version] = arc.commit_all(f"Version {version}")


def three_versions(base: Path) -> Archive:
    """A (earlier), B (in force) and C (announced: published before its date), served: the
    archive a reader meets while a change is announced, every kind of version in it."""
    arc = new_archive(base, today=TODAY_OF_THREE)
    for version in (A, B, C):
        if version == B:
            add_version_b(arc)
        elif version == C:
            add_version(arc, C, LINKED_SV_C, LINKED_EN_C, ENTRY_C)
        result = arc.publish("PUSH=1")
        assert result.returncode == 0, result.stderr
    serve(arc)
    return arc


def two_versions(base: Path) -> Archive:
    """A and B published and pushed, both in force (B is the version in force), served."""
    arc = new_archive(base, today="2027-03-15")
    for version in (A, B):
        if version == B:
            add_version_b(arc)
        result = arc.publish("PUSH=1")
        assert result.returncode == 0, result.stderr
    serve(arc)
    return arc
