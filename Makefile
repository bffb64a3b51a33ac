# The two front-door commands: `make serve` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
export KG_STORE ?= data/store

.PHONY: serve test build lint bench clean system-packages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

build: $(VENV)/.installed
	$(BIN)/kg build seeds/

serve: build
	$(BIN)/kg serve --host $(HOST) --port $(PORT)

# Debian packages some tests need: Virtuoso 7 (the remote-store tests run against it), Chromium and its
# driver (the browser test of the query UI). Installed with apt-get where we are root; elsewhere the tests
# that need them are skipped with a note.
DEBIAN_PACKAGES := virtuoso-opensource-7-bin chromium chromium-driver
system-packages:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "note: cannot install $$missing (not root); the tests that need them are skipped"; fi; \
	fi

test: $(VENV)/.installed-test system-packages
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check kg tests

clean:
	rm -rf $(VENV) data/store *.egg-info
