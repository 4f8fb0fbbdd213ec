# Set-up and everyday commands. `make site` and `make test` create .venv themselves.
PYTHON ?= python3
# Material prints a notice about its successor on every build; it is not about this site.
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet
SITE_STAMP := $(VENV)/.site-installed
DEV_STAMP := $(VENV)/.dev-installed

.PHONY: site serve test clean

$(SITE_STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.txt
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

$(DEV_STAMP): $(SITE_STAMP) requirements-dev.txt
	$(PIP) install -r requirements-dev.txt
	touch $@

## site: build the chronology into site/ (warnings are errors)
site: $(SITE_STAMP)
	$(BIN)/mkdocs build --strict

## serve: live preview on http://127.0.0.1:8000, rebuilt when content/ or theme/ change
serve: $(SITE_STAMP)
	$(BIN)/mkdocs serve

## test: the whole test suite
test: $(DEV_STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf site $(VENV)
