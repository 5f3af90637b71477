# frontline: `make run` (install, ingest the bundled examples, serve) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev
EXAMPLES := examples/independent
SHARED ?= ../shared

.PHONY: install dev run demo test lint bench fuzz eval model clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/frontline gazetteer build
	touch $@

dev: $(DEV)

$(DEV): $(STAMP) requirements-dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $@

# Ingest the bundled example live blogs (The Independent) and serve the web app.
run: install demo
	$(BIN)/frontline serve

demo: install
	$(BIN)/frontline ingest $(EXAMPLES) --source "The Independent"
	$(BIN)/frontline events --limit 25

test: dev
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest

lint: dev
	$(BIN)/ruff check src tests bench

bench: install
	$(BIN)/python bench/geoparse.py $(SHARED)/data/geoparsing/GWN.xml
	$(BIN)/python bench/geoparse.py $(SHARED)/data/geoparsing/Corpora/lgl.xml
	$(BIN)/python bench/timex.py $(SHARED)/data/tempeval3
	$(BIN)/python bench/event_types.py $(SHARED)/data/case2021-task2/test_set_final_release_with_labels.tsv
	$(BIN)/python bench/geoparse.py $(SHARED)/data/geoparsing/Corpora/TR-News.xml
	$(BIN)/python bench/ingest_speed.py $(SHARED)/data/guardian-2022
	$(BIN)/python bench/live_update.py
	$(BIN)/python bench/incremental_merge.py $(SHARED)/data/guardian-2022
	$(BIN)/python bench/linearity.py $(SHARED)/data/guardian-2022
	$(BIN)/python bench/api_latency.py --events 100000
	$(BIN)/python bench/check_cost.py $(SHARED)/data/guardian-2022 $(SHARED)/data/deepstate-occupied

# Readers and cleaning against thousands of hostile inputs (hypothesis; CI runs 300).
fuzz: dev
	$(BIN)/python bench/fuzz_readers.py --examples 5000

eval: install
	$(BIN)/frontline eval --gold $(SHARED)/gold/dev

# Retrain the packaged event-type model (src/frontline/data/models/event_types) from the shared gold.
model: install
	$(BIN)/frontline train types --gold $(SHARED)/gold/dev --gold $(SHARED)/gold/guardian \
		--out src/frontline/data/models/event_types
	$(BIN)/frontline train merge --gold $(SHARED)/gold/dev --gold $(SHARED)/gold/guardian \
		--out src/frontline/data/models/merge_pairs.json

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
