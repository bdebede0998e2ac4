# The two set-up commands of the README: `make run` and `make test`. Each installs what
# it needs (system libraries on Debian/Ubuntu, a virtual environment) and is safe to repeat.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test lint translations clean

run: $(STAMP)
	./packaging/linux/system-deps.sh
	$(BIN)/python -m mergedesk $(ARGS)

test: $(STAMP)
	./packaging/linux/system-deps.sh --test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check mergedesk tests

translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find mergedesk/ui -name '*.py') mergedesk/app.py -ts translations/mergedesk_*.ts

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
