# Two commands on a fresh machine: `make run` starts the app on the sample, `make test` runs every test.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench clean system-deps wheel bundle bundle-test i18n

$(BIN)/afweging: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[preview,test,dev]'
	touch $@

run: $(BIN)/afweging
	$(BIN)/afweging

test: $(BIN)/afweging
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

lint: $(BIN)/afweging
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

# What a user installs without a checkout: a wheel (pip install dist/afweging-*.whl), and a one-folder bundle
# dist/afweging/ with its own Python (afweging = CLI and app, afweging-gui = the app without a console window).
wheel: $(BIN)/afweging
	$(BIN)/pip wheel --quiet --no-deps --wheel-dir dist .

bundle: $(BIN)/afweging
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller .ci/afweging.spec

bundle-test: bundle
	cd /tmp && $(CURDIR)/$(BIN)/python $(CURDIR)/tests/bundle_smoke.py $(CURDIR)/dist/afweging

# The translations (evaluator/i18n.py): extract every text users read (pybabel extract, babel.cfg), update the Dutch
# catalogue evaluator/locale/nl/LC_MESSAGES/afweging.po and compile its .mo. Old (English, Dutch) pairs in the
# source are moved into the catalogue first by tools/i18n_codemod.py (--errors: new English-only error messages
# get an empty Dutch entry, which tests/test_i18n.py reports until a translator fills it in).
i18n: $(BIN)/afweging
	$(BIN)/python tools/i18n_codemod.py --errors
	$(BIN)/python tools/i18n_catalog.py

bench: $(BIN)/afweging
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

# Debian/Ubuntu libraries that Qt's xcb plugin, the PDF checks and the PKCS#11 token tests need (as root or with
# sudo). The one list lives in system-packages.txt; .ci/run installs the same.
system-deps:
	apt-get install -y --no-install-recommends $$(cat system-packages.txt)

clean:
	rm -rf $(VENV) build dist *.egg-info
