# Two commands matter (see README.md): `make serve` and `make test`. Everything else is a step they call.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell sha256sum requirements.lock | cut -c1-12)
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# Reproducible builds: dates in the output (sitemap, zip entries) come from the last commit, not from the clock.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: setup fonts browser gates-deps validate schemas build serve test bench lock clean pdf offline bench-pdf bench-search

$(STAMP): requirements.lock
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $(STAMP)

setup: $(STAMP)

# The PDFs are set in Liberation Sans (metric-compatible with Arial). Best effort: without it (and without the rights
# to install it) fontconfig falls back to another sans-serif and the PDFs still build.
fonts:
	@fc-list 2>/dev/null | grep -q "Liberation Sans" || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq fonts-liberation >/dev/null; } || \
	  echo "warning: could not install fonts-liberation; PDFs will use a fallback font"

# Browser tests drive Debian's Chromium (Playwright never downloads a browser of its own).
browser:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-dejavu-core poppler-utils >/dev/null; }
	@chromium --version

# The quality gates' Node tools (html-validate), pinned with integrity hashes in tests/node/package-lock.json.
# npm ci runs again only when that lock file changes. With no Node on the machine, Debian's nodejs (18) will do.
NODE_STAMP := tests/node/node_modules/.installed-$(shell sha256sum tests/node/package-lock.json | cut -c1-12)

$(NODE_STAMP): tests/node/package-lock.json
	@command -v npm >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }
	cd tests/node && npm ci --no-audit --no-fund --loglevel=error
	touch $@

gates-deps: $(NODE_STAMP)

validate: setup
	$(PY) -m macros validate

schemas: setup
	$(PY) -m macros schemas

# The PDFs (build/pdf/; only those whose content changed are rendered again), then the offline copy of the site
# (build/downloads/), then the site, which links and ships both. Without them the site still builds, with no
# download links (the downloads page says how to build them).
pdf: validate
	$(PY) -m macros pdf

offline: pdf
	$(PY) -m macros offline

build: validate fonts pdf offline
	$(PY) -m mkdocs build --strict

serve: build
	$(PY) -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

test: setup fonts browser gates-deps
	$(PY) -m pytest

bench: bench-pdf bench-search

bench-pdf: setup fonts
	$(PY) scripts/benchmark_pdf.py

bench-search: setup browser
	$(PY) scripts/benchmark_search.py --write BENCHMARKS.md

# Re-pin after editing requirements.in (needs the registry).
lock:
	python3 -m venv /tmp/valued-care-tools && /tmp/valued-care-tools/bin/pip install --quiet pip-tools==7.6.2
	/tmp/valued-care-tools/bin/pip-compile --quiet --generate-hashes --strip-extras -o requirements.lock requirements.in

clean:
	rm -rf site build .pytest_cache
