# The two commands: `make run` and `make test`. Both set up .venv first (only Python 3.11+ and
# make are needed on the machine), then the system libraries the installed Qt needs: derived by
# console/sysdeps.py from ldd on the Qt parts in .venv, installed with apt-get as root on
# Debian/Ubuntu, else the command is printed (docs/SETUP.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup sysdeps run test bench lint clean translations screenshots

setup: $(STAMP) sysdeps

# Every time, not stamped: it is quick when nothing is missing, and a library removed since the
# venv was made is found again. DejaVu Sans: the handover PDF's figures (views/handover.py).
sysdeps: $(STAMP)
	@$(PY) -m console.sysdeps --install --also fonts-dejavu-core

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
	$(VENV)/bin/pyside6-lupdate -no-obsolete $(shell find console/views -name "*.py") -ts $(TS)
	$(VENV)/bin/pyside6-lrelease $(TS)

# Screenshots at real screen sizes need a real X server: Xvfb, brought like the libraries.
screenshots: setup
	@$(PY) -m console.sysdeps --install --also xvfb --also xauth --also poppler-utils
	$(PY) tools/screenshots.py
	$(PY) tools/screenshot_map.py
	$(PY) tools/screenshot_wall.py
	$(PY) tools/screenshot_video.py
	$(PY) tools/screenshot_desk.py

lint: setup
	$(PY) -m ruff check console tests bench main.py tools

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
