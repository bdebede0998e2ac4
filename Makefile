# The two set-up commands of the README: `make run` and `make test`. Each installs what
# it needs (system libraries on Debian/Ubuntu, a virtual environment) and is safe to repeat.
# Release targets: `make bundle` (PyInstaller one-folder app in dist/mergedesk), `make deb`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PYPROJECT_SUM := $(shell cat pyproject.toml | cksum | cut -d' ' -f1)
STAMP := $(VENV)/.installed-$(PYPROJECT_SUM)
PACKAGING_STAMP := $(VENV)/.packaging-$(PYPROJECT_SUM)
LANGS := de fr es
TS := $(LANGS:%=translations/mergedesk_%.ts)
QM := $(LANGS:%=mergedesk/resources/translations/mergedesk_%.qm)

.PHONY: run test lint translations qm icons bundle deb clean

run: $(STAMP) qm
	./packaging/linux/system-deps.sh
	$(BIN)/python -m mergedesk $(ARGS)

test: $(STAMP) qm
	./packaging/linux/system-deps.sh --test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check mergedesk tests packaging

# Refresh the .ts sources from the code (a developer's step, committed with the strings):
# pyside6-lupdate over mergedesk/ui and app.py, helper calls included (see the script).
translations: $(STAMP)
	$(BIN)/python packaging/tools/update_translations.py $(TS)

# Compile the translations into the package, where the app and the bundle load them.
qm: $(QM)

mergedesk/resources/translations/%.qm: translations/%.ts | $(STAMP)
	@mkdir -p $(@D)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

icons: $(STAMP)
	$(BIN)/python packaging/tools/make_icons.py build/icons

bundle: $(PACKAGING_STAMP) qm icons
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist \
	    --workpath build/pyinstaller packaging/mergedesk.spec
	@du -sh dist/mergedesk

deb: bundle
	./packaging/linux/build-deb.sh dist/mergedesk build/icons dist

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

$(PACKAGING_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,packaging]'
	rm -f $(VENV)/.packaging-* && touch $@

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache mergedesk/resources/translations
