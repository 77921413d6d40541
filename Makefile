# Two commands on a fresh machine: `make pack` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OUT    ?= dist

.PHONY: pack test lint check bench clean help

help:
	@echo "make pack   - install into $(VENV) and build the default pack into $(OUT)/"
	@echo "make test   - install test tools into $(VENV) and run every test"
	@echo "make lint   - ruff"
	@echo "make check  - validate the shipped content"
	@echo "make bench  - benchmark against pandoc + WeasyPrint (minutes; BENCH_ARGS=--quick for a smoke run)"

# Reinstall whenever pyproject.toml changes (the stamp is older than it).
$(VENV)/.runtime-installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml $(VENV)/.runtime-installed
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

pack: $(VENV)/.runtime-installed
	$(BIN)/nlmg-pack build --pack full --out $(OUT)
	$(BIN)/nlmg-pack build --pack full --out $(OUT) --edition teacher --format pdf

# pytest exits 5 when it collected no tests: that is a broken suite here, not a pass.
test: $(VENV)/.test-installed
	@$(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests - failing" >&2; exit 1; fi; \
	exit $$rc

lint: $(VENV)/.test-installed
	$(BIN)/ruff check src tests

check: $(VENV)/.runtime-installed
	$(BIN)/nlmg-pack check

# Not part of `make test`: it takes minutes and its figures depend on the machine.
$(VENV)/.bench-installed: pyproject.toml $(VENV)/.runtime-installed
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	touch $@

bench: $(VENV)/.bench-installed
	@ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' && ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so' || \
	  echo "make bench: WeasyPrint needs pango (Debian: apt-get install -y libpango-1.0-0 libpangoft2-1.0-0);" \
	       "without it the peer comparison is reported as unavailable" >&2
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(OUT) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache .hypothesis
