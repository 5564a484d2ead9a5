# Two commands set up everything: `make play` and `make test`.
# `make play` installs only what playing needs (requirements.txt); `make test` adds the
# test and developer tools (requirements-dev.txt). Both are lock files with hashes, made
# from pyproject.toml by `make lock`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUNTIME := $(VENV)/.runtime-$(shell cksum requirements.txt | cut -d' ' -f1)
DEV := $(VENV)/.dev-$(shell cat requirements-dev.txt | cksum | cut -d' ' -f1)
HEADLESS := SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy

.PHONY: play test lint validate bench clean chromium dashboard docs lock install-check \
        dist dist-check

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUNTIME): requirements.txt | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r requirements.txt
	rm -f $(VENV)/.runtime-*
	touch $@

$(DEV): requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.txt
	rm -f $(VENV)/.dev-*
	touch $@

play: $(RUNTIME)
	$(PY) main.py play

# The dashboard's browser tests use Debian's chromium (Playwright cannot download its own
# here). Installed when missing and we are root; otherwise those tests skip and say why.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the dashboard's browser tests..."; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "Could not install chromium: the browser tests will be skipped."; \
	  else echo "No /usr/bin/chromium and not root: the browser tests will be skipped."; fi; \
	fi

test: $(DEV) chromium
	$(HEADLESS) $(PY) -m pytest -q
	$(PY) -m ruff check .
	$(PY) -m mypy

dashboard: $(RUNTIME)
	$(PY) main.py dashboard

validate: $(RUNTIME)
	$(PY) main.py validate

docs: $(DEV)
	$(PY) tools/make_docs.py

# The locks, from pyproject.toml and the public index only (never a machine's own wheel
# folder or mirror, whose files may differ). Keeps today's pins; UPGRADE=1 takes the
# newest allowed versions.
LOCK := PIP_CONFIG_FILE=/dev/null PIP_FIND_LINKS= CUSTOM_COMPILE_COMMAND="make lock" \
        $(PY) -m piptools compile --quiet --generate-hashes --strip-extras --allow-unsafe \
        --no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade)
lock: $(DEV)
	$(LOCK) --output-file requirements.txt pyproject.toml
	$(LOCK) --extra test --extra dev --constraint requirements.txt \
	        --output-file requirements-dev.txt pyproject.toml
	$(LOCK) --extra dist --constraint requirements.txt \
	        --output-file requirements-dist.txt pyproject.toml

# What a school's IT does: `pip install .` into a clean venv, then the command from
# another folder (tools/install_check.sh; about 10 s with a warm pip cache).
install-check:
	bash tools/install_check.sh

# The one-folder app (PyInstaller), built from a clean venv with only the runtime
# dependencies and PyInstaller, then started headless by its smoke test. Linux only
# here; Windows and macOS builds need a hosted CI (.github/workflows/dist.yml, not run
# here). Not part of `make test`: it takes about a minute.
dist: $(DEV)
	bash tools/build_dist.sh

dist-check:
	bash tools/dist_smoke.sh dist/alien-op-school

bench: $(DEV)
	$(HEADLESS) $(PY) bench/frame.py
	SDL_AUDIODRIVER=dummy $(PY) bench/startup.py
	$(HEADLESS) $(PY) bench/journal.py
	$(HEADLESS) $(PY) bench/simulate.py
	$(PY) -m pip install --quiet -r bench/requirements.txt
	$(HEADLESS) $(PY) bench/dashboard.py
	$(HEADLESS) $(PY) bench/class_upload.py

clean:
	rm -rf $(VENV) .pytest_cache build dist
