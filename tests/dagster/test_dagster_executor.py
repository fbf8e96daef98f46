"""The UI's path stays fast: a partition's run executes its steps in one process,
and its four checks run as one step."""

from __future__ import annotations

import dagster as dg

from dagster_project.definitions import defs


def test_ingest_digest_runs_in_process_with_one_check_step() -> None:
    job = defs.resolve_job_def("ingest_digest")
    assert job.executor_def is dg.in_process_executor
    steps = {node.name for node in job.graph.nodes}
    assert steps == {"parsed_digest", "extracted_mentions", "warehouse_digest",
                     "warehouse_digest_checks"}  # fmt: skip


def test_ui_materializations_run_in_process_too() -> None:
    repo = defs.get_repository_def()
    implicit = repo.get_implicit_job_def_for_assets([dg.AssetKey("warehouse_digest")])
    assert implicit is not None
    assert implicit.executor_def is dg.in_process_executor
