"""The state the hook files share lives in one object, made by the outer build (notice/build.py).

static-i18n builds each further language in a nested build of the same process, and `mkdocs
serve` rebuilds in the same process too: a nested build must see what the outer one collected,
and a rebuild must start from nothing.
"""

from __future__ import annotations

from types import SimpleNamespace

from notice import build


def config(*, nested: bool = False) -> SimpleNamespace:
    return SimpleNamespace(plugins={"i18n": SimpleNamespace(building=nested)})


def test_nested_language_builds_share_the_outer_build_state() -> None:
    outer = config()
    state = build.state(outer)
    state.words.add("md-header")
    state.unsafe.append("a script")
    assert build.state(config(nested=True)) is state
    assert build.state(outer) is state


def test_a_rebuild_starts_from_nothing() -> None:
    first = build.state(config())
    first.words.add("md-header")
    first.unsafe.append("a script")
    second = build.state(config())  # `mkdocs serve`'s next build: a new outer config
    assert second is not first
    assert (second.words, second.unsafe, second.model, second.env) == (set(), [], None, None)


def test_the_outer_build_is_the_one_static_i18n_is_not_building() -> None:
    assert build.outer(config())
    assert not build.outer(config(nested=True))
