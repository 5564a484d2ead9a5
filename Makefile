# Two commands set up everything: `make play` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)

.PHONY: play test lint validate bench clean chromium dashboard docs

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

play: $(STAMP)
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

test: $(STAMP) chromium
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) -m pytest -q
	$(PY) -m ruff check .
	$(PY) -m mypy

dashboard: $(STAMP)
	$(PY) main.py dashboard

validate: $(STAMP)
	$(PY) main.py validate

docs: $(STAMP)
	$(PY) tools/make_docs.py

bench: $(STAMP)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) bench/frame.py
	SDL_AUDIODRIVER=dummy $(PY) bench/startup.py
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) bench/journal.py
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) bench/simulate.py
	$(PY) -m pip install --quiet -r bench/requirements.txt
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) bench/dashboard.py
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) bench/class_upload.py

clean:
	rm -rf $(VENV) .pytest_cache
