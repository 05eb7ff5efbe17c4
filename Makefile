# Two commands on a fresh machine: `make run` starts the app on the sample, `make test` runs every test.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench clean system-deps

$(BIN)/afweging: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,dev]'
	touch $@

run: $(BIN)/afweging
	$(BIN)/afweging

test: $(BIN)/afweging
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

lint: $(BIN)/afweging
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

bench: $(BIN)/afweging
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

# Debian/Ubuntu libraries that Qt, the PDF checks and the PKCS#11 token tests need (run as root or with sudo).
system-deps:
	apt-get install -y --no-install-recommends libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 \
		libxcb-icccm4 libxcb-keysyms1 libfontconfig1 libdbus-1-3 poppler-utils softhsm2

clean:
	rm -rf $(VENV) build *.egg-info
