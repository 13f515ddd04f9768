# Two commands on a fresh machine:
#   make site   - set up, then build the site into site/ (strict: any problem fails)
#   make test   - set up, then run the whole test suite
# `make serve` previews the site with live reload.
# `make bench` measures build time, memory and edit-to-preview (bench/README.md);
#   options via BENCH_ARGS, e.g. make bench BENCH_ARGS="--sizes 100,1000 --runs 2".

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve browser bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

# The same site is built by ProperDocs too (the maintained fork of MkDocs 1.6), so
# a switch of host is one command away; its copy goes to build/ and is not published.
site: $(STAMP)
	$(BIN)/mkdocs build --strict
	$(BIN)/properdocs build --strict -f mkdocs.yml --site-dir build/properdocs-site

serve: $(STAMP)
	$(BIN)/mkdocs serve

# Browser tests drive Debian's Chromium (never a downloaded browser build).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "note: install Debian's chromium to run the browser tests; they are skipped without it"; \
	  fi; }

test: $(STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf site $(VENV)
