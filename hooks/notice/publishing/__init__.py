"""Publishing the notice into its archive (`make publish`, `make calendar`): the package
behind scripts/publish.py, split by concern as mike splits its own (driver, commands,
git_utils, mkdocs_utils).

- cli: the command line (arguments, exit status, what is printed);
- operations: the policy: what publishing and the calendar do, and what they refuse;
- settings: the settings required before going live (and before going to the web);
- git_utils: git: fetch, push, a lost race, the journal that undoes a killed run, and the one
  transactional commit every write to a branch goes through;
- record: what is published, read and checked against the archive's record (archive.json) and
  the tags before anything moves, with how to restore it;
- mkdocs_utils: building a version and deploying it with mike;
- root_files: the files at the archive's root (versions.json is mike's; robots.txt, index.html,
  _headers, notice.json, the feeds, the statement's stable address, archive.json).

Nothing here is an MkDocs hook; the hooks never import it.
"""
