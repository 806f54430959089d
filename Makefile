# The two commands: `make run` and `make test`. Both set up .venv first (only Python 3.11+ and
# make are needed on the machine).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup run test bench lint clean translations

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: setup
	$(PY) main.py

test: setup
	$(PY) -m ruff check console tests bench main.py tools
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q

bench: setup
	$(PY) -m bench

# Qt Linguist sources (.ts) are the editable translations; the compiled .qm files are committed.
TS := resources/i18n/console_zh_CN.ts resources/i18n/console_en.ts
translations: setup
	$(VENV)/bin/pyside6-lupdate -no-obsolete console/views/*.py -ts $(TS)
	$(VENV)/bin/pyside6-lrelease $(TS)

lint: setup
	$(PY) -m ruff check console tests bench main.py tools

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
