# Two commands set up everything: `make play` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)

.PHONY: play test lint validate bench clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

play: $(STAMP)
	$(PY) main.py play

test: $(STAMP)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) -m pytest -q
	$(PY) -m ruff check .

validate: $(STAMP)
	$(PY) main.py validate

bench: $(STAMP)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) bench/frame.py
	SDL_AUDIODRIVER=dummy $(PY) bench/startup.py
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) bench/journal.py

clean:
	rm -rf $(VENV) .pytest_cache
