"""Issue 15: the UI launches nothing for a page the operator happens to visit. A real
guarded webserver on loopback, the GET `launchRun` that used to work, a foreign
Origin and a rebound Host: all refused, and no run exists afterwards."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.dagster.test_webserver import free_port, listening_addresses
from tests.procs import wait_until

pytestmark = pytest.mark.slow

LAUNCH = """
mutation {
  launchRun(executionParams: {
    selector: {repositoryLocationName: "paper_claims", repositoryName: "__repository__",
               jobName: "ingest_digest"},
    runConfigData: {ops: {parsed_digest: {config: {path: "/etc/passwd"}}}},
    executionMetadata: {tags: [{key: "dagster/partition", value: "passwd"}]}
  }) { __typename }
}
"""
RUNS = "{ runsOrError { ... on Runs { results { runId } } } }"


def request(port: int, path: str, *, data: bytes | None = None, **headers: str) -> tuple[int, str]:
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def graphql(port: int, query: str, **headers: str) -> tuple[int, str]:
    body = json.dumps({"query": query}).encode()
    return request(port, "/graphql", data=body, **{"Content-Type": "application/json", **headers})


def test_the_guarded_webserver_refuses_what_a_foreign_page_can_send(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(ROOT / "dagster_project" / "dagster.yaml", home)
    port = free_port()
    env = {**os.environ, "DAGSTER_HOME": str(home), "CLAIMS_DB": str(tmp_path / "w.duckdb"),
           "CLAIMS_INBOX": str(tmp_path / "inbox")}  # fmt: skip
    server = subprocess.Popen(
        [sys.executable, "-m", "dagster_project.webserver", "-w", "workspace.yaml",
         "-p", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        assert wait_until(lambda: bool(listening_addresses(port)), seconds=180)
        assert listening_addresses(port) == {"127.0.0.1"}
        assert request(port, "/server_info")[0] == 200
        assert graphql(port, "{ version }")[0] == 200

        query = urllib.parse.urlencode({"query": LAUNCH})
        status, text = request(port, f"/graphql?{query}")
        assert (status, text.strip()) == (
            405,
            "refused: GraphQL over GET; send POST with a JSON body",
        )
        status, _ = graphql(port, LAUNCH, Origin="http://evil.example")
        assert status == 403
        status, _ = request(port, "/server_info", Host=f"evil.example:{port}")  # DNS rebinding
        assert status == 403
        form = urllib.parse.urlencode({"query": LAUNCH}).encode()
        status, _ = request(port, "/graphql", data=form)  # a cross-site form post
        assert status == 415

        status, text = graphql(port, RUNS)
        assert status == 200
        assert json.loads(text)["data"]["runsOrError"]["results"] == []
        assert not (tmp_path / "w.duckdb").exists()
    finally:
        server.terminate()
        server.wait(timeout=60)
