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

# Debian packages some tests need: Virtuoso 7 (the remote-store tests run against it). Installed with
# apt-get where we are root; elsewhere those tests are skipped with a note.
DEBIAN_PACKAGES := virtuoso-opensource-7-bin
system-packages:
	@if ! command -v virtuoso-t >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBIAN_PACKAGES) >/dev/null; \
	  else echo "note: cannot install $(DEBIAN_PACKAGES) (not root); the tests that need it are skipped"; fi; \
	fi

test: $(VENV)/.installed-test system-packages
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check kg tests

clean:
	rm -rf $(VENV) data/store *.egg-info
