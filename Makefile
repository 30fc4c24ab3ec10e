# The project's public interface: build, serve, test, publish. CI calls only these.
PYTHON ?= python3
VENV ?= .venv
BIN := $(abspath $(VENV))/bin
# mike runs mkdocs as a subprocess: it must find the venv's mkdocs first.
export PATH := $(BIN):$(PATH)
export NO_MKDOCS_2_WARNING := 1

.PHONY: build preview serve test review publish benchmark clean

## build: check the content and build the site into site/ (any warning fails the build)
build: $(VENV)/.installed
	mkdocs build --strict

## preview: build into preview/ a copy of the site to open from disk (index.html), without a
## server: every page says it is a preview (CI attaches it to each pull request)
preview: $(VENV)/.installed
	mkdocs build --strict -f mkdocs.preview.yml

## serve: live preview on http://127.0.0.1:8000
serve: $(VENV)/.installed
	SITE_URL=http://127.0.0.1:8000/ mkdocs serve --strict --dev-addr 127.0.0.1:8000

## test: the whole test suite, real-browser tests included
test: $(VENV)/.installed
	ruff check hooks scripts tests
	python -m pytest -n auto --dist loadfile

## review: what a change does, in Swedish Markdown: errors, what changes for readers, whether
## it needs a new version, the GDPR and translation reports (CI shows it on each pull request)
review: $(VENV)/.installed
	@python scripts/review.py

## publish: deploy the newest version in docs/versions.yml to gh-pages and tag it
## (PUSH=1 also pushes both to origin; FORCE=1 republishes an existing version)
publish: $(VENV)/.installed
	python scripts/publish.py $(if $(filter 1,$(PUSH)),--push) $(if $(filter 1,$(FORCE)),--force)

## benchmark: the build's CPU time against a bare Material + static-i18n build (not a test)
benchmark: $(VENV)/.installed
	python scripts/benchmark_build.py

clean:
	rm -rf site preview $(VENV)

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@
