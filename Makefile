PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: play test clean browser

play: $(STAMP)
	$(PY) main.py

# The lint and the type check come first: they take seconds, the suite minutes.
test: $(STAMP) browser
	$(PY) -m ruff check
	$(PY) -m mypy
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) -m pytest

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,ray]'
	touch $(STAMP)

# The browser tests drive Debian's chromium; install it where we can (as root with apt-get),
# otherwise say what to install (the tests then skip, except under CI, where they fail).
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing chromium for the browser tests..."; \
		(apt-get install -y -qq chromium >/dev/null 2>&1 || \
		 (apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null)); \
	else \
		echo "Note: the browser tests need chromium (on Debian or Ubuntu: sudo apt-get install chromium)."; \
	fi

clean:
	rm -rf $(VENV)
