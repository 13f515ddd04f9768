# Two commands on a fresh machine:
#   make site   - set up what building needs, then build the site into site/ (strict)
#   make test   - set up the test tools too, then run the whole test suite
# `make new TITLE="Headline" [SLUG=my-slug]` starts a brief (a draft); `make check`
#   checks every brief and the glossary without building.
# `make serve` previews the site with live reload; `make screenshot` refreshes the
# README's pictures of the brief (desktop and phone).
# `make bench` measures build time, memory and edit-to-preview (bench/README.md);
#   options via BENCH_ARGS, e.g. make bench BENCH_ARGS="--sizes 100,1000 --runs 2".

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# What building needs (the plugin, MkDocs, Material, ProperDocs for the second build)...
SITE_STAMP := $(VENV)/.installed-site
# ... and the test tools on top (Playwright, Hypothesis, ruff, actionlint, ...).
STAMP := $(VENV)/.installed

# Material 9.7+ prints a banner about MkDocs 2.0 on every run; the tests silence it too.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve new check tools browser screenshot bench clean

$(SITE_STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e . properdocs
	touch $(SITE_STAMP)

$(STAMP): $(SITE_STAMP)
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

# The same site is built by ProperDocs too (the maintained fork of MkDocs 1.6), so
# a switch of host is one command away; its copy goes to build/ and is not published.
site: $(SITE_STAMP)
	$(BIN)/mkdocs build --strict
	$(BIN)/properdocs build --strict -f mkdocs.yml --site-dir build/properdocs-site

serve: $(SITE_STAMP)
	$(BIN)/mkdocs serve

# A new brief, dated today: make new TITLE="Trump and Zelensky talk" (SLUG= to choose the file)
new: $(SITE_STAMP)
	@if [ -z "$(TITLE)$(SLUG)" ]; then echo 'usage: make new TITLE="The headline" [SLUG=the-slug]'; exit 2; fi
	$(BIN)/briefs new "$(or $(TITLE),$(SLUG))" $(if $(SLUG),--slug "$(SLUG)")

check: $(SITE_STAMP)
	$(BIN)/briefs check

# The reader-facing checks need system tools: Debian's Chromium (never a
# downloaded browser build), Java for the Nu Html Checker, npm to install it.
# Material's social cards and image optimizing (tests/ecosystem/) need the Cairo
# library, a font and pngquant.
# As root with apt (a fresh CI machine) the missing ones are installed; otherwise
# a note says what is missing, and those tests skip (they fail under CI=true).
TOOLS := chromium:chromium java:default-jre-headless npm:npm pngquant:pngquant
LIBRARIES := libcairo.so.2:libcairo2
FONTS := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:fonts-dejavu-core

tools:
	@missing=""; for tool in $(TOOLS); do \
	  command -v "$${tool%%:*}" >/dev/null 2>&1 || missing="$$missing $${tool#*:}"; \
	done; \
	for library in $(LIBRARIES); do \
	  ldconfig -p 2>/dev/null | grep -q "$${library%%:*}" || missing="$$missing $${library#*:}"; \
	done; \
	for font in $(FONTS); do \
	  [ -f "$${font%%:*}" ] || missing="$$missing $${font#*:}"; \
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

bench: $(SITE_STAMP)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# Refresh the README's screenshot of the brief from a fresh run.
screenshot: $(STAMP) tools
	$(BIN)/pytest -q tests/browser/test_readme_screenshot_browser.py || true
	cp screenshots/readme-brief.png content/assets/screenshot-brief.png
	cp screenshots/readme-brief-phone.png content/assets/screenshot-brief-phone.png

clean:
	rm -rf site $(VENV)
