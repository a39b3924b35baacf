# Two commands matter (see README.md): `make serve` and `make test`. Everything else is a step they call.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell sha256sum requirements.lock | cut -c1-12)
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT    := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# Reproducible builds: dates in the output (sitemap, zip entries) come from the last commit, not from the clock.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: setup system-libs fonts browser gates-deps validate schemas build serve preview lint test test-fast bench lock clean pdf offline bench-pdf bench-search

$(STAMP): requirements.lock
	@python3 -c "import ensurepip" 2>/dev/null || { \
	  echo "Installing python3-venv (Debian's Python needs it to create .venv)"; \
	  $(APT) update && $(APT) install -y python3-venv; }
	python3 -m venv $(VENV)
	@echo "Installing the pinned Python packages from requirements.lock into $(VENV) (a few minutes the first time)"
	$(PY) -m pip install --disable-pip-version-check --progress-bar on --require-hashes -r requirements.lock
	touch $(STAMP)

setup: $(STAMP)

# WeasyPrint (the PDFs) loads Pango, HarfBuzz and fontconfig from the system, not from pip. Installed from Debian
# when ldconfig cannot find them; skipped when they are there (or, without ldconfig, e.g. on macOS, left to you).
SYSTEM_LIBS     := libpango-1.0.so.0 libpangoft2-1.0.so.0 libharfbuzz.so.0 libharfbuzz-subset.so.0 libfontconfig.so.1
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1
LDCONFIG        := $(shell PATH="$$PATH:/sbin:/usr/sbin" command -v ldconfig)

system-libs:
ifneq ($(LDCONFIG),)
	@missing=""; for lib in $(SYSTEM_LIBS); do \
	  $(LDCONFIG) -p | grep -qF "$$lib" || missing="$$missing $$lib"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing $(SYSTEM_PACKAGES) (WeasyPrint needs them to make the PDFs; missing:$$missing)"; \
	  $(APT) update && $(APT) install -y --no-install-recommends $(SYSTEM_PACKAGES); fi
else
	@echo "note: no ldconfig here; WeasyPrint needs Pango, HarfBuzz and fontconfig installed (see README.md)"
endif

# The PDFs are set in Liberation Sans (metric-compatible with Arial). Best effort: without it (and without the rights
# to install it) fontconfig falls back to another sans-serif and the PDFs still build.
fonts:
	@fc-list 2>/dev/null | grep -q "Liberation Sans" || { \
	  echo "Installing fonts-liberation (the PDFs are set in Liberation Sans)"; \
	  $(APT) update && $(APT) install -y fonts-liberation; } || \
	  echo "warning: could not install fonts-liberation; PDFs will use a fallback font"

# Browser tests drive Debian's Chromium (Playwright never downloads a browser of its own).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing chromium and fonts-dejavu-core (the browser tests drive Debian's Chromium)"; \
	  $(APT) update && $(APT) install -y chromium fonts-dejavu-core; }
	@chromium --version

# The quality gates' Node tools (html-validate), pinned with integrity hashes in tests/node/package-lock.json.
# npm ci runs again only when that lock file changes. With no Node on the machine, Debian's nodejs (18) will do.
NODE_STAMP := tests/node/node_modules/.installed-$(shell sha256sum tests/node/package-lock.json | cut -c1-12)

$(NODE_STAMP): tests/node/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing nodejs and npm (the quality gates run html-validate)"; \
	  $(APT) update && $(APT) install -y nodejs npm; }
	@echo "Installing the gates' Node tools from tests/node/package-lock.json"
	cd tests/node && npm ci --no-audit --no-fund
	touch $@

gates-deps: $(NODE_STAMP)

validate: setup
	$(PY) -m valued_care validate

schemas: setup
	$(PY) -m valued_care schemas

# The PDFs (build/pdf/; only those whose content changed are rendered again), then the offline copy of the site
# (build/downloads/), then the site, which links and ships both. Without them the site still builds, with no
# download links (the downloads page says how to build them).
pdf: validate system-libs
	$(PY) -m valued_care pdf

offline: pdf
	$(PY) -m valued_care offline

build: validate system-libs fonts pdf offline
	$(PY) -m mkdocs build --strict

serve: system-libs build
	$(PY) -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

# For contributors editing data: serves at once and, after each save, rebuilds only the pages the edit touched
# (about 1 s against 3 s for the whole site at 73 case studies; scripts/benchmark_preview.py). Menus and search may
# lag until a full build; `make serve` or `make build` before trusting them.
preview: validate
	$(PY) -m mkdocs serve --dirty --dev-addr 127.0.0.1:8000

# Lint first: ruff (style, imports, likely bugs, complexity) and mypy, 0 findings, settings in pyproject.toml.
lint: setup
	$(PY) -m ruff check
	$(PY) -m mypy

test: lint system-libs fonts browser gates-deps
	$(PY) -m pytest

# The unit layer alone (no browser): a few minutes, for the edit-test loop. `make test` runs all.
test-fast: lint system-libs fonts gates-deps
	$(PY) -m pytest -m "not browser"

bench: bench-pdf bench-search

bench-pdf: setup system-libs fonts
	$(PY) scripts/benchmark_pdf.py

bench-search: setup browser
	$(PY) scripts/benchmark_search.py --write BENCHMARKS.md

# Re-pin after editing requirements.in (needs the registry).
lock:
	python3 -m venv /tmp/valued-care-tools && /tmp/valued-care-tools/bin/pip install pip-tools==7.6.2
	/tmp/valued-care-tools/bin/pip-compile --quiet --generate-hashes --strip-extras -o requirements.lock requirements.in

clean:
	rm -rf site build .pytest_cache .cache
