# The project's public interface: build, serve, test, publish. CI calls only these.
PYTHON ?= python3
VENV ?= .venv
BIN := $(abspath $(VENV))/bin
# mike runs mkdocs as a subprocess: it must find the venv's mkdocs first.
export PATH := $(BIN):$(PATH)
export NO_MKDOCS_2_WARNING := 1

# Three installs into the same venv: what building needs (requirements.txt), what publishing
# adds for the archival copies (requirements-publish.txt: WeasyPrint, pikepdf), and the test
# tools on top (requirements-test.txt: pytest, Playwright, ruff). Editors who build and preview
# never wait for the rest; each stamp is remade when its requirements change.
BUILD_INSTALLED := $(VENV)/.installed-build
PUBLISH_INSTALLED := $(VENV)/.installed-publish
TEST_INSTALLED := $(VENV)/.installed-test

.PHONY: build preview serve test ci-test check review publish pdf calendar benchmark benchmark-check benchmark-hostile benchmark-pages benchmark-publish benchmark-serve benchmark-suite clean

## build: check the content and build the site into site/ (any warning fails the build)
build: $(BUILD_INSTALLED)
	mkdocs build --strict

## preview: build into preview/ a copy of the site to open from disk (index.html), without a
## server: every page says it is a preview (CI attaches it to each pull request). When the
## newest version takes effect later, preview/ shows the site from its date and preview/fore/
## the site before it (the version in force, announcing the change)
preview: $(BUILD_INSTALLED)
	python scripts/preview.py

## serve: live preview on http://127.0.0.1:8000
serve: $(BUILD_INSTALLED)
	SITE_URL=http://127.0.0.1:8000/ mkdocs serve --strict --dev-addr 127.0.0.1:8000

## test: the whole test suite, real-browser tests included
test: $(TEST_INSTALLED)
	ruff check hooks scripts tests
	python -m pytest -n auto --dist loadfile

## ci-test: the whole suite, unless the change since BASE (a git ref: the pull request's target,
## or main before a merge) touches nothing but docs/, which `make check` judges (the tests
## never read docs/)
ci-test:
	@if [ -n "$(BASE)" ] && git rev-parse --quiet --verify "$(BASE)^{commit}" >/dev/null \
		&& git diff --quiet "$(BASE)...HEAD" -- . ':(exclude)docs'; then \
		echo "Bara docs/ har ändrats sedan $(BASE): make check har granskat det, och testerna av motorn behövs inte."; \
	else \
		$(MAKE) --no-print-directory test; \
	fi

## check: the gate, the same before and after a merge: would `make publish` publish this
## branch, and what would readers see? Prints the review (Swedish Markdown; REVIEW=file also
## appends it there, as CI does to the job summary) and fails for whatever the change causes
## that publishing would refuse. What no pull request can fix (SEOM's details, deployment
## settings) is said at the top without failing. Builds the site and opens its pages in
## Chromium (axe-core), so it needs the test tools. AFTER_MERGE=1 (the publish job): the
## review says how to fix in a new pull request.
check: $(TEST_INSTALLED)
	@python scripts/review.py --gate $(if $(REVIEW),--output "$(REVIEW)") \
		$(if $(filter 1,$(AFTER_MERGE)),--after-merge)

## review: the same review as `make check`, for reading: it never fails for what it finds
review: $(TEST_INSTALLED)
	@python scripts/review.py $(if $(REVIEW),--output "$(REVIEW)")

## publish: deploy the newest version in docs/versions.yml to gh-pages and tag it, then follow
## the calendar (PUSH=1 also pushes to origin; FORCE=1 republishes an existing version)
publish: $(PUBLISH_INSTALLED)
	python scripts/publish.py $(if $(filter 1,$(PUSH)),--push) $(if $(filter 1,$(FORCE)),--force)

## pdf: a preview of the newest version's archival copies (the whole notice as PDF/A, one per
## language) in pdf/, made as `make publish` makes them, from the working tree: each says on
## its first page that it is a preview. Publishing makes the real ones, once per version
pdf: $(PUBLISH_INSTALLED)
	python scripts/archival.py

## calendar: what today's date asks of the archive (a version coming into force, the root
## files), from what is published alone: docs/ is never read (PUSH=1 pushes to origin)
calendar: $(BUILD_INSTALLED)
	python scripts/publish.py --calendar $(if $(filter 1,$(PUSH)),--push)

## benchmark: the build's CPU time against a bare Material + static-i18n build (not a test)
benchmark: $(BUILD_INSTALLED)
	python scripts/benchmark_build.py

## benchmark-check: how long a content-only pull request waits for `make check`'s verdict
## (not a test; the budget is 90 s on 2 cores)
benchmark-check: $(TEST_INSTALLED)
	python scripts/benchmark_check.py

## benchmark-hostile: how long the content checks take on a 200-section notice, a 5 MB page,
## 20,000 mistakes and YAML aliases (not a test; the budget is 10 s each)
benchmark-hostile: $(BUILD_INSTALLED)
	python scripts/benchmark_hostile.py

## benchmark-pages: Lighthouse's scores, layout shift, paint times and bytes for every kind of page,
## both languages, of a three-version archive served with gzip (not a test; needs Node and npm)
benchmark-pages: $(TEST_INSTALLED)
	test -d benchmarks/node_modules || npm ci --prefix benchmarks --no-audit --no-fund
	python scripts/benchmark_pages.py

## benchmark-publish: publishes 20 versions into a bare origin and prints each publish's time
## and the gh-pages branch's size (not a test; reuses scripts/archives.py, which the tests use, so the test tools)
benchmark-publish: $(TEST_INSTALLED)
	python scripts/benchmark_publish.py

## benchmark-suite: how long the whole suite takes, and how busy it keeps the machine (not a test)
benchmark-suite: $(TEST_INSTALLED)
	python scripts/benchmark_suite.py

## benchmark-serve: how long `make serve` takes to rebuild after one section is saved (not a test)
benchmark-serve: $(BUILD_INSTALLED)
	python scripts/benchmark_serve.py

clean:
	rm -rf site preview pdf $(VENV)

# The messages are Swedish: editors meet them on their first `make build` or `make serve`. They
# go to stderr, so that `make review`'s output (Markdown, CI's job summary) is only the review.
# The build's install also installs the project itself, editable: the `notice` package
# (pyproject.toml), which the scripts import.
$(BUILD_INSTALLED): requirements.txt pyproject.toml
	@echo "Installerar det som behövs för att bygga webbplatsen i $(VENV)/ (första gången tar det ungefär en minut) ..." >&2
	$(call install,requirements.txt,--editable .)

$(PUBLISH_INSTALLED): requirements-publish.txt $(BUILD_INSTALLED)
	@echo "Installerar det som behövs för att göra arkivkopiorna (PDF/A) i $(VENV)/ ..." >&2
	$(call install,requirements-publish.txt)

$(TEST_INSTALLED): requirements-test.txt $(PUBLISH_INSTALLED)
	@echo "Installerar testverktygen (pytest, Playwright, ruff) i $(VENV)/ (första gången tar det ett par minuter) ..." >&2
	$(call install,requirements-test.txt)

# pip's output goes to a log, shown only when the install fails.
define install
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) \
		|| { echo "Kunde inte skapa $(VENV)/. Installera Python 3.11 eller senare med venv (på Debian och Ubuntu: apt-get install python3-venv)." >&2; \
		     exit 1; }
	@$(BIN)/python -m pip install --disable-pip-version-check --no-input -r $(1) $(2) \
		> $(VENV)/install.log 2>&1 \
		|| { cat $(VENV)/install.log >&2; \
		     echo "Installationen misslyckades: pip säger varför ovan (och i $(VENV)/install.log)." >&2; \
		     exit 1; }
	@touch $@
endef
