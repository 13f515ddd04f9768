# Two commands on a fresh machine:
#   make site   - set up, then build the site into site/ (strict: any problem fails)
#   make test   - set up, then run the whole test suite
# `make serve` previews the site with live reload; `make screenshot` refreshes the
# README's pictures of the brief (desktop and phone).
# `make bench` measures build time, memory and edit-to-preview (bench/README.md);
#   options via BENCH_ARGS, e.g. make bench BENCH_ARGS="--sizes 100,1000 --runs 2".

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve tools browser screenshot bench clean

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

# The reader-facing checks need system tools: Debian's Chromium (never a
# downloaded browser build), Java for the Nu Html Checker, npm to install it.
# As root with apt (a fresh CI machine) the missing ones are installed; otherwise
# a note says what is missing, and those tests skip (they fail under CI=true).
TOOLS := chromium:chromium java:default-jre-headless npm:npm

tools:
	@missing=""; for tool in $(TOOLS); do \
	  command -v "$${tool%%:*}" >/dev/null 2>&1 || missing="$$missing $${tool#*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "note: not installing$$missing (needs root and apt-get); the tests that need them are skipped"; \
	  fi; \
	fi

# The Nu Html Checker, pinned in package-lock.json. Its install script would
# download a Java runtime; the system's Java runs it instead.
NODE_STAMP := node_modules/.installed

$(NODE_STAMP): package.json package-lock.json | tools
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else \
	  echo "note: npm is missing; the HTML validity tests are skipped"; \
	fi

# Only the set-up of the browser, accessibility and HTML validity checks.
browser: tools $(NODE_STAMP)

test: $(STAMP) tools $(NODE_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# Refresh the README's screenshot of the brief from a fresh run.
screenshot: $(STAMP) tools
	$(BIN)/pytest -q tests/browser/test_readme_screenshot_browser.py || true
	cp screenshots/readme-brief.png content/assets/screenshot-brief.png
	cp screenshots/readme-brief-phone.png content/assets/screenshot-brief-phone.png

clean:
	rm -rf site $(VENV)
