# Quick start: `make run` and `make test` set themselves up on a machine with
# only Python 3.11, pip and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= data/warehouse.duckdb
DAGSTER_HOME ?= $(CURDIR)/.dagster_home
export DAGSTER_HOME

.PHONY: setup lock run test test-fast lint bench soak dev eval clean chromium report rule-audit readme

setup: $(STAMP)

# The lock file (hashes of every wheel) is the only source of dependencies; the
# project itself goes in editable with no dependencies of its own to resolve.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@mkdir -p $(DAGSTER_HOME)
	@test -f $(DAGSTER_HOME)/dagster.yaml || cp dagster_project/dagster.yaml $(DAGSTER_HOME)/dagster.yaml
	@touch $(STAMP)

# Re-resolve the pins after editing pyproject.toml (pip-tools comes with the dev
# extra); commit the result. Never run implicitly: CI installs what is committed.
lock: $(STAMP)
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra dev -o requirements.lock pyproject.toml

run: $(STAMP)
	$(BIN)/claims ingest data/digests --db $(DB)
	$(BIN)/claims summary --db $(DB)

# Headless Chromium for tests/analysis/test_report.py, from Debian's package, installed
# only where it is missing (CI runs as root on Debian; elsewhere run it as root).
chromium:
	@test -x /usr/bin/chromium || { apt-get update && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y --no-install-recommends chromium fonts-liberation; }

test: $(STAMP) chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q

# The tests without the slow end-to-end ones (Dagster commands, the webserver,
# Chromium, wheel installs, multi-ingest runs): under a minute, for the edit loop.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

report: $(STAMP)
	$(BIN)/claims report --db $(DB) --out data/report.html

# Rewrite the README's example outputs from the bundled digests (a scratch warehouse).
readme: $(STAMP)
	$(BIN)/python -m scripts.readme_examples

eval: $(STAMP)
	$(BIN)/python -m evaluation.gold_sets

bench: $(STAMP)
	$(BIN)/python -m benchmarks.throughput --scale --backfill

# Issue 12: per-rule firings over the shared corpus, with 20 random firings of each
# rule to read before the rule stays (CORPUS=... to point elsewhere).
CORPUS ?= /work/shared/corpus/arxiv-daily-2025.jsonl.gz
rule-audit: $(STAMP)
	$(BIN)/python -m evaluation.rule_firings --corpus $(CORPUS) --sample 20 --seed 0 --out tests/audit/rule_firings.md

soak: $(STAMP)
	$(BIN)/python -m pytest -q -m soak

# Not `dagster dev`: its webserver runs GraphQL mutations sent as GET and from any
# Host, so any web page could launch runs. The daemon and the guarded webserver
# (dagster_project/webserver.py) instead; Ctrl-C stops both.
dev: $(STAMP)
	$(BIN)/dagster-daemon run -w workspace.yaml & daemon=$$!; \
	trap 'kill $$daemon' EXIT INT TERM; \
	$(BIN)/python -m dagster_project.webserver -w workspace.yaml -h 127.0.0.1 -p 3000

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) $(DB) $(DB).wal .pytest_cache

# `claims leaderboard` on the whole corpus (target: under 2 s a run); ingests the
# corpus once into the temporary folder the first time.
.PHONY: bench-leaderboard
bench-leaderboard: $(STAMP)
	$(BIN)/python -m benchmarks.leaderboard
