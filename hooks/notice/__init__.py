"""The privacy notice's content model and what is built from it: helpers, never hooks.

The hook files in hooks/ (registered in mkdocs.yml) and scripts/publish.py import this package
once, as an ordinary package. Nothing in it is an MkDocs event handler. Its layers, each
importing only its own and those below (tests/test_layers.py): helpers that know no notice
type, the model's types, reading and checks, rendering, the build in progress.

- ``sources``: reads docs/ strictly (names, links, encoding, front matter, YAML).
- ``model``: the notice's types (Notice, Section, Version, Controller), nothing that reads.
- ``reading``: ``load()``, the one reading per build: docs/ into a checked model.
- ``checks``: every content rule, as Swedish messages naming file, line or key, and the fix.
- ``shortcodes``: the table of ``<!-- notice:name -->`` codes and the page each lives on.
- ``render``: what each code becomes on the page being built.
- ``readable``, ``word_diff``, ``changes``: what changed, as readers read it.
- ``gdpr``, ``atom``, ``history``, ``dates``, ``urls``, ``languages``, ``git``, ``form``,
  ``texts``.
- ``build``: the build in progress (its model and compiled templates), for the hooks.
"""
