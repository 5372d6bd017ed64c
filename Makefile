# svodka: `make run` and `make test` are the whole quickstart on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DATA   ?= ../shared/data
EXAMPLE := examples/mir24-putin-tokayev.txt
#: The public API: what `make docs` documents.
API_MODULES := svodka svodka.doc svodka.config svodka.pipeline svodka.schema svodka.errors \
               svodka.extras svodka.store svodka.io.readers svodka.web.notebook

.PHONY: setup run test check lint gate crashes bench bench-scale bench-pullenti report docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[all,dev]'
	touch $(STAMP)

setup: $(STAMP)

## run: analyze the example article; ingest the sample corpus into ./svodka.db once; show
## its top entities and a profile; serve the web UI at http://127.0.0.1:8000/ (Ctrl-C stops)
run: setup
	$(VENV)/bin/svodka analyze $(EXAMPLE) --published 2022-08-19
	@test -f svodka.db || $(VENV)/bin/svodka ingest examples/corpus $(EXAMPLE) --published 2022-08-19
	$(VENV)/bin/svodka stats
	$(VENV)/bin/svodka entity "Владимир Путин"
	$(VENV)/bin/svodka serve

## test: every test, the slow 10 MB one included; none needs ../shared or the network
test: setup
	$(PY) -m pytest -q -rs

lint: setup
	$(VENV)/bin/ruff check src tests

## check: lint + tests
check: lint test

## docs: the API reference from the docstrings, offline (pdoc), into build/api/index.html
docs: setup
	$(PY) -m pdoc -o build/api $(API_MODULES)

## gate: quality floors on the development data in $(DATA)
gate: setup
	$(VENV)/bin/svodka eval gate --data $(DATA) --gold tests/data/gold --floors tests/floors.json

## crashes: the whole pipeline over every document in $(DATA) (RuCoCo, factRuEval, NEREL,
## SlavicNER); fails when one analysis fails
crashes: setup
	$(VENV)/bin/svodka eval crashes --data $(DATA)

## bench: svodka vs natasha on the same RuCoCo articles, in one run; then ingest and search;
## then svodka batch on Dask (--local 1 vs 2, vs the plain ingest)
bench: setup
	$(PY) -m svodka.bench.pipeline --rucoco $(DATA)/rucoco-news --limit 500
	$(PY) -m svodka.bench.store --rucoco $(DATA)/rucoco-news --jobs 2
	$(PY) -m svodka.bench.batch --rucoco $(DATA)/rucoco-news --jobs 2

## bench-scale: search p50/p95 at 10k, 30k and 100k documents, store size and ingest vs bare
## pipeline; SQLite, and PostgreSQL when SVODKA_TEST_PG names a server (~15 minutes)
bench-scale: setup
	$(PY) -m svodka.bench.scale --rucoco $(DATA)/rucoco-news --queries bench/queries.txt \
	    --plot docs/scale-growth.svg

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache

## bench-pullenti: PullEnti on the same articles, in its own virtualenv (comparison only)
bench-pullenti:
	$(PYTHON) -m venv .venv-pullenti
	.venv-pullenti/bin/python -m pip install --quiet pullenti
	.venv-pullenti/bin/python scripts/bench_pullenti.py --rucoco $(DATA)/rucoco-news --limit 500

## report: measure everything and add a dated section to docs/quality.md
report: setup
	$(PY) -m svodka.bench.report --data $(DATA) --gold tests/data/gold --out docs/quality.md
