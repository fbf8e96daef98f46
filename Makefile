# Quick start: `make run` and `make test` set themselves up on a machine with
# only Python 3.11, pip and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= data/warehouse.duckdb
DAGSTER_HOME ?= $(CURDIR)/.dagster_home
export DAGSTER_HOME

.PHONY: setup lock run test lint bench soak dev eval clean chromium report

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

# Headless Chromium for tests/test_report.py, from Debian's package, installed
# only where it is missing (CI runs as root on Debian; elsewhere run it as root).
chromium:
	@test -x /usr/bin/chromium || { apt-get update && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y --no-install-recommends chromium fonts-liberation; }

test: $(STAMP) chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q

report: $(STAMP)
	$(BIN)/claims report --db $(DB) --out data/report.html

eval: $(STAMP)
	$(BIN)/claims eval tests/gold/000_35864b3586657c5a.jsonl data/digests/000_35864b3586657c5a.txt --db $(DB)

bench: $(STAMP)
	$(BIN)/python -m benchmarks.throughput --scale --backfill

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
