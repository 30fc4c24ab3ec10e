"""Review a change to the notice, in Swedish Markdown: `make review` runs this.

A command-line tool, not an MkDocs hook. CI runs it on every pull request and shows what it
prints on the pull request's checks page (the job summary); locally it prints the same
Markdown. It says, for the editors and whoever approves the change:

1. the errors the build reports (file, line and fix), or that there are none;
2. what changes for readers against the version in force (the newest published version whose
   date has come: its git tag notice/<date>), section by section and word by word, as the
   site renders it;
3. whether the change needs a new version in docs/versions.yml, and whether it has one;
4. the GDPR report of each language;
5. the translation report (notice/translations.py).

It never fails because of what it finds: the build and the tests do that. It exits 1 only
when it cannot run at all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))  # the notice package, as the hooks import it

from notice import (  # noqa: E402
    build,
    changes,
    dates,
    form,
    gdpr,
    languages,
    model,
    shortcodes,
    translations,
)
from notice import git as notice_git  # noqa: E402
from notice import texts as notice_texts  # noqa: E402

LANGUAGE_NAMES = {"sv": "Svenska", "en": "Engelska"}
CHANGES_PAGE = "andringar.md"


def main() -> int:
    sys.stdout.write(review(ROOT))
    return 0


def review(root: Path) -> str:
    from mkdocs.config import load_config

    config = load_config(config_file=str(root / "mkdocs.yml"))
    built = languages.built(config)
    notice = model.load(root / "docs", built, build.markdown_config(config))
    published = published_versions(root)
    lines = ["# Granskning av ändringen i integritetsmeddelandet", ""]
    lines += errors_part(root, notice)
    if notice.problems:
        # The rest reads a model with problems: say only what must be fixed first.
        return "\n".join(lines).rstrip() + "\n"
    env = config.theme.get_env()
    env.add_extension("jinja2.ext.loopcontrols")
    in_force = version_in_force(published, notice.today)
    baseline = read_version(root, notice, in_force) if in_force else None
    lines += changes_part(notice, baseline, in_force, config, env)
    lines += version_part(root, notice, published, config, env)
    lines += gdpr_part(notice)
    lines += translations_part(notice)
    return "\n".join(lines).rstrip() + "\n"


# 1. Errors


def errors_part(root: Path, notice: model.Notice) -> list[str]:
    lines = ["## Fel", ""]
    if notice.problems:
        count = "1 fel" if len(notice.problems) == 1 else f"{len(notice.problems)} fel"
        lines += [f"Innehållet har {count}. Rätta det och bygg igen:", ""]
        lines += [f"- {markdown(problem)}" for problem in notice.problems]
        return [*lines, ""]
    failure = build_failure(root)
    if failure:
        lines += [
            "Innehållet har inga fel, men bygget av webbplatsen stoppade. Det här säger MkDocs "
            "(på engelska):",
            "",
            "```text",
            *failure,
            "```",
        ]
    else:
        lines.append("Inga fel: webbplatsen byggs utan en enda varning.")
    return [*lines, ""]


def build_failure(root: Path) -> list[str]:
    """What `make build` reports when it stops (a broken link, a missing image), or nothing."""
    with tempfile.TemporaryDirectory(prefix="seom-review-") as site_dir:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", site_dir],
            cwd=root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
        )
    if result.returncode == 0:
        return []
    return [
        line
        for line in result.stderr.splitlines()
        if line.startswith(("WARNING", "ERROR", "Aborted", "  "))
    ]


# 2. What changes for readers


def changes_part(
    notice: model.Notice, baseline: model.Notice | None, in_force: str | None, config, env
) -> list[str]:
    lines = ["## Vad som ändras för läsaren", ""]
    if baseline is None:
        lines += [
            "Ingen version av integritetsmeddelandet är publicerad än, så det finns inget att "
            "jämföra med.",
            "",
        ]
        return lines
    assert in_force is not None
    date = dates.long_date(dt.date.fromisoformat(in_force), "sv")
    lines += [
        f"Jämfört med den version som gäller, från {date} (taggen "
        f"`{notice_git.tag_of(in_force)}`). Texten är den som läsarna läser: tillagda ord är "
        "<ins>understrukna</ins> och borttagna <del>överstrukna</del>.",
        "",
    ]
    compared = {
        locale: compare(notice, baseline, locale, config, env) for locale in notice.languages
    }
    first = compared[notice.languages[0]]
    unchanged = []
    for number, section in enumerate(first):
        per_language = [(locale, compared[locale][number]) for locale in notice.languages]
        if all(s["state"] == "unchanged" for _, s in per_language):
            unchanged.append(section["title"])
            continue
        lines += [f"### {markdown(section['title'])}", ""]
        for locale, each in per_language:
            lines += language_changes(notice, locale, each)
    if unchanged and len(unchanged) == len(first):
        lines += ["Inget avsnitt ändras.", ""]
    elif unchanged:
        lines += ["Oförändrade avsnitt: " + ", ".join(markdown(t) for t in unchanged) + ".", ""]
    return lines


def language_changes(notice: model.Notice, locale: str, section: dict) -> list[str]:
    source = notice.page(f"{section['path']}", locale)
    where = f" (`{source.path}`)" if source else ""
    name = LANGUAGE_NAMES.get(locale, locale)
    state = {
        "added": "nytt avsnitt",
        "removed": "avsnittet tas bort",
        "unchanged": "oförändrat",
        "changed": "",
    }[section["state"]]
    head = f"**{name}**{where}" + (f": {state}." if state else ":")
    lines = [head, ""]
    for paragraph in section["paragraphs"]:
        lines.append("> " + "".join(chunk_markdown(c) for c in paragraph).strip())
        lines.append("")
    return lines


def chunk_markdown(chunk: dict[str, str]) -> str:
    text = markdown(chunk["text"])
    if chunk["op"] == "ins":
        return f" <ins>{text}</ins>"
    if chunk["op"] == "del":
        return f" <del>{text}</del>"
    return f" {text}"


def compare(notice: model.Notice, baseline: model.Notice, locale: str, config, env) -> list[dict]:
    """Each section's state and changed paragraphs, as the what-changed page compares them."""
    ctx = shortcodes.Context(
        model=notice,
        locale=locale,
        page_path=model_path(notice, CHANGES_PAGE, locale),
        page_url="",
        env=env,
        form_settings=form.settings_of(config),
        site={"organisation": "", "name": config.site_name},
    )
    t = notice_texts.of(env, locale)

    def expander(of: model.Notice) -> Callable[[str], str]:
        other = dataclasses.replace(ctx, model=of)
        return lambda text: shortcodes.expand(text, other)[0]

    label = t["versions"]["summary_label"]
    old = changes.readable_sections(baseline, locale, label, expander(baseline))
    new = changes.readable_sections(notice, locale, label, expander(notice))

    def describe(href: str) -> str:
        return t["versions"]["link"].format(target=changes.link_target(notice, locale, href))

    out = changes.compare(old, new, describe)
    paths = {s.id: s.source.base for m in (baseline, notice) for s in m.sections(locale)}
    for section in out:
        section["path"] = paths[section["id"]]
    return out


def model_path(notice: model.Notice, base: str, locale: str) -> str:
    page = notice.page(base, locale)
    return page.path if page else base


# 3. A new version?


def version_part(root: Path, notice: model.Notice, published: list[str], config, env) -> list[str]:
    """A published version never changes: a change of the text readers read needs a new one.
    Compared with the newest published version (usually the one in force)."""
    lines = ["## Ny version", ""]
    newest = notice.versions[0]
    has_new = newest.id not in published
    if not published:
        lines.append(
            f"Ingen version är publicerad än. Den första blir version {newest.id} när ändringen "
            "slås ihop."
        )
        return [*lines, ""]
    latest_published = read_version(root, notice, max(published))
    changed = text_changed(notice, latest_published, config, env)
    entry = f"version {newest.id} överst i `docs/versions.yml` (”{markdown(newest.summary['sv'])}”)"
    if changed and has_new:
        lines.append(
            f"Texten som läsarna läser ändras, och ändringen har en ny version: {entry}. Den "
            f"börjar gälla den {dates.long_date(newest.date, 'sv')}."
        )
    elif changed:
        lines.append(
            "Texten som läsarna läser ändras, men `docs/versions.yml` har ingen ny version. En "
            "publicerad version ändras aldrig, så publiceringen stoppas. Lägg till en ny version "
            "överst i `docs/versions.yml` med det datum då ändringen ska börja gälla och en "
            "sammanfattning på båda språken (REDIGERA.md, avsnitt 7)."
        )
    elif has_new:
        lines.append(
            f"Texten som läsarna läser ändras inte, men ändringen lägger till {entry}. Ta bort "
            "den om ingen ny version behövs."
        )
    else:
        lines.append("Texten som läsarna läser ändras inte, så ingen ny version behövs.")
    return [*lines, ""]


def text_changed(notice: model.Notice, published: model.Notice, config, env) -> bool:
    return any(
        section["state"] != "unchanged"
        for locale in notice.languages
        for section in compare(notice, published, locale, config, env)
    )


# 4. and 5. The reports


def gdpr_part(notice: model.Notice) -> list[str]:
    lines = ["## GDPR-rapport", ""]
    for locale in notice.languages:
        lines += ["```text", gdpr.compliance_report(notice, locale), "```", ""]
    return lines


def translations_part(notice: model.Notice) -> list[str]:
    return [translations.markdown(notice).rstrip(), ""]


# Versions and git


def published_versions(root: Path) -> list[str]:
    """The published versions: the dates of the tags notice/<date>."""
    tags = subprocess.run(
        ["git", "tag", "--list", f"{notice_git.TAG_PREFIX}*"],
        cwd=root,
        capture_output=True,
        text=True,
    ).stdout.split()
    found = [tag.removeprefix(notice_git.TAG_PREFIX) for tag in tags]
    return sorted(v for v in found if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v))


def version_in_force(published: list[str], today: dt.date) -> str | None:
    """The newest published version whose date has come; before the first one's, the first."""
    if not published:
        return None
    come = [v for v in published if dt.date.fromisoformat(v) <= today]
    return come[-1] if come else published[0]


def read_version(root: Path, notice: model.Notice, version: str) -> model.Notice:
    files = notice_git.files_at(root / "docs", notice_git.tag_of(version)) or {}
    at = model.from_files(
        files, notice.languages, notice.markdown, today=dt.date.fromisoformat(version)
    )
    at.authority = at.authority or notice.authority
    if not any(at.controller.values.values()):
        at.controller = notice.controller
    return at


def markdown(text: str) -> str:
    """Text from the notice or the editors, shown as written in Markdown (and HTML)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]|#])", r"\\\1", escaped)


if __name__ == "__main__":
    sys.exit(main())
