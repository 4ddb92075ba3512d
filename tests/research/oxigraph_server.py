"""A real Oxigraph server for the tests, on a free loopback port, always stopped afterwards."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def oxigraph_binary() -> str:
    # The `oxigraph` wheel (a dev dependency) puts its server next to the venv's python.
    found = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which(
        "oxigraph"
    )
    if found is None:
        pytest.fail("the oxigraph server is missing: run `make install` (dev dependencies)")
    return found


@dataclass
class Store:
    url: str
    process: subprocess.Popen[bytes]

    def bindings(
        self, query: str, default_graphs: tuple[str, ...] = ()
    ) -> list[dict[str, dict[str, str]]]:
        """The SPARQL JSON bindings of a SELECT sent to the server's /query."""
        params = [("query", query), *(("default-graph-uri", g) for g in default_graphs)]
        response = requests.post(
            self.url + "/query",
            data=params,
            headers={"Accept": "application/sparql-results+json"},
            timeout=60,
        )
        assert response.status_code == 200, response.text
        rows: list[dict[str, dict[str, str]]] = response.json()["results"]["bindings"]
        return rows

    def select(self, query: str) -> list[dict[str, str]]:
        return [{k: v["value"] for k, v in row.items()} for row in self.bindings(query)]

    def graph(self, iri: str) -> set[tuple[str, str, str]]:
        rows = self.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
        return {(r["s"], r["p"], r["o"]) for r in rows}


def start_oxigraph(location: Path, *, read_only: bool = False, union: bool = False) -> Store:
    """`oxigraph serve` (or `serve-read-only`) on a free loopback port; `union` makes the
    default graph the union of all graphs, as Virtuoso and GraphDB have it."""
    port = free_port()
    command = "serve-read-only" if read_only else "serve"
    extra = ["--union-default-graph"] if union else []
    process = subprocess.Popen(
        [
            oxigraph_binary(),
            command,
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
            *extra,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            requests.get(url + "/query", params={"query": "ASK {}"}, timeout=1)
            return Store(url, process)
        except requests.ConnectionError:
            if process.poll() is not None:
                break
            time.sleep(0.05)
    process.kill()
    process.wait()
    pytest.fail(f"oxigraph did not start on {url}")


def stop(store: Store) -> None:
    store.process.terminate()
    try:
        store.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        store.process.kill()
        store.process.wait()
