# Two commands matter: `make extract` and `make test`. Both build .venv from pyproject.toml
# when it is missing or older than pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
RAW ?= data/raw
OUT ?= data/processed
ARGS ?=

.PHONY: extract test bench profile model report screenshots venv clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask,report]'
	touch $(STAMP)

venv: $(STAMP)

extract: $(STAMP)
	$(BIN)/python -m pipeline extract $(RAW) $(OUT) $(ARGS); status=$$?; \
	if [ $$status -le 2 ]; then $(BIN)/python -m pipeline aggregate $(OUT) || exit 1; fi; exit $$status

report: $(STAMP)
	$(BIN)/python -m pipeline report $(OUT)

test: $(STAMP)
	$(BIN)/ruff check pipeline tests bench docs
	$(BIN)/python -m pytest -q $(ARGS)

# Retrains the shipped pipeline (pipeline/models/nl_news) from ../shared/corpora; resumable (training/); about two
# hours on two cores (vectors and tagger as in 0.3.0's recipe, then the NER in about 20 minutes).
model: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[train]'
	OPENBLAS_NUM_THREADS=1 $(BIN)/python -m pipeline train-ner $(ARGS)

bench: $(STAMP)
	$(BIN)/python bench/throughput.py $(ARGS)
	$(BIN)/python bench/memory.py $(ARGS)
	OPENBLAS_NUM_THREADS=1 $(BIN)/python bench/ner.py

# Where one-process extraction spends its time: each component timed apart, then our own functions under cProfile;
# then each stage's share of a run on 200 articles, sampled by py-spy.
profile: $(STAMP)
	$(BIN)/python bench/profile_extract.py $(ARGS)
	$(BIN)/python bench/stages.py

# Regenerates docs/report-*.png from a current run (seed article + 1,000 dpgmedia2019 articles) with headless
# Chromium (apt-get install chromium).
screenshots: $(STAMP)
	$(BIN)/python docs/screenshots.py $(ARGS)

clean:
	rm -rf $(OUT)/*.csv $(OUT)/*.json $(OUT)/.*.tmp
