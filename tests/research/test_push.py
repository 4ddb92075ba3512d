"""`pipeline.research.push` against a real Oxigraph server started on loopback, plus a small recording
server for credentials, retries and refusals."""

from __future__ import annotations

import base64
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner
from requests.auth import HTTPBasicAuth

from pipeline.cli import main
from pipeline.research.push import PushError, auth_from_env, graph_store_url, push_dataset

GRAPH = "https://w3id.org/lodpipe/data/dataset"
FIRST = """\
<https://example.org/report/x> <https://example.org/v#region> "latgale" .
<https://example.org/report/x> <https://example.org/v#title> "Atskaite"@lv .
<https://example.org/report/y> <https://example.org/v#region> "riga" .
"""
SECOND = """\
<https://example.org/report/z> <https://example.org/v#region> "kurzeme" .
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _oxigraph_binary() -> str:
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

    def select(self, query: str) -> list[dict[str, str]]:
        response = requests.get(
            self.url + "/query",
            params={"query": query},
            headers={"Accept": "application/sparql-results+json"},
            timeout=10,
        )
        response.raise_for_status()
        rows = response.json()["results"]["bindings"]
        return [{k: v["value"] for k, v in row.items()} for row in rows]

    def graph(self, iri: str) -> set[tuple[str, str, str]]:
        rows = self.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
        return {(r["s"], r["p"], r["o"]) for r in rows}


def _start_oxigraph(location: Path, *, read_only: bool = False) -> Store:
    port = _free_port()
    command = "serve-read-only" if read_only else "serve"
    process = subprocess.Popen(
        [_oxigraph_binary(), command, "--location", str(location), "--bind", f"127.0.0.1:{port}"],
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
    pytest.fail(f"oxigraph did not start on {url}")


def _stop(store: Store) -> None:
    store.process.terminate()
    try:
        store.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        store.process.kill()
        store.process.wait()


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[Store]:
    store = _start_oxigraph(tmp_path / "db")
    yield store
    _stop(store)


@pytest.fixture
def dumps(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first.nt", tmp_path / "second.nt"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    return first, second


# -- a real store ------------------------------------------------------------------------


def test_push_arrives_in_the_named_graph(oxigraph: Store, dumps: tuple[Path, Path]) -> None:
    result = push_dataset(dumps[0], oxigraph.url + "/store", GRAPH, environ={})
    assert (result.status, result.triples, result.attempts) == (201, 3, 1)
    assert (
        result.url
        == oxigraph.url + "/store?graph=https%3A%2F%2Fw3id.org%2Flodpipe%2Fdata%2Fdataset"
    )
    assert oxigraph.graph(GRAPH) == {
        ("https://example.org/report/x", "https://example.org/v#region", "latgale"),
        ("https://example.org/report/x", "https://example.org/v#title", "Atskaite"),
        ("https://example.org/report/y", "https://example.org/v#region", "riga"),
    }
    # Nothing went to the default graph.
    assert oxigraph.select("SELECT * WHERE { ?s ?p ?o }") == []


def test_push_replaces_only_its_own_graph(oxigraph: Store, dumps: tuple[Path, Path]) -> None:
    other = "https://example.org/other-dataset"
    push_dataset(dumps[0], oxigraph.url + "/store", other, environ={})
    push_dataset(dumps[0], oxigraph.url + "/store", GRAPH, environ={})
    again = push_dataset(dumps[1], oxigraph.url + "/store", GRAPH, environ={})
    assert again.status in (200, 204)
    assert oxigraph.graph(GRAPH) == {
        ("https://example.org/report/z", "https://example.org/v#region", "kurzeme")
    }
    assert len(oxigraph.graph(other)) == 3


def test_gsp_url_template(oxigraph: Store, dumps: tuple[Path, Path]) -> None:
    template = oxigraph.url + "/store?graph={graph}"
    push_dataset(dumps[1], "unused", GRAPH, gsp_url=template, environ={})
    assert len(oxigraph.graph(GRAPH)) == 1


def test_wrong_path_is_a_clear_refusal(oxigraph: Store, dumps: tuple[Path, Path]) -> None:
    with pytest.raises(PushError, match=r"answered 404 Not Found \(is this the store's Graph") as e:
        push_dataset(dumps[0], oxigraph.url + "/nope", GRAPH, environ={}, retries=0)
    assert e.value.status == 404


def test_bad_data_is_refused_with_the_stores_message(oxigraph: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.nt"
    bad.write_text('"not a subject" <https://e.org/p> "x" .\n', encoding="utf-8")
    with pytest.raises(PushError, match=r"answered 400 Bad Request: Parser error"):
        push_dataset(bad, oxigraph.url + "/store", GRAPH, environ={})


def test_read_only_store_refuses(tmp_path: Path, dumps: tuple[Path, Path]) -> None:
    writable = _start_oxigraph(tmp_path / "ro")
    _stop(writable)  # creates the database the read-only server opens
    store = _start_oxigraph(tmp_path / "ro", read_only=True)
    try:
        with pytest.raises(PushError, match=r"403 Forbidden.*The server is read-only") as e:
            push_dataset(dumps[0], store.url + "/store", GRAPH, environ={}, sleep=_no_sleep)
        assert e.value.status == 403
    finally:
        _stop(store)


def test_cli_push(oxigraph: Store, dumps: tuple[Path, Path], tmp_path: Path) -> None:
    site = tmp_path / "_site"
    (site / "data").mkdir(parents=True)
    shutil.copy(dumps[0], site / "data" / "dataset.nt")
    args = ["push", "--endpoint", oxigraph.url + "/store", "--site", str(site)]
    out = CliRunner().invoke(main, [*args, "--base", "https://example.org/"])
    assert out.exit_code == 0, out.output
    assert "3 triples" in out.output
    assert len(oxigraph.graph("https://example.org/data/dataset")) == 3
    refused = CliRunner().invoke(
        main, ["push", "--endpoint", oxigraph.url + "/nope", "--data", str(dumps[1])]
    )
    assert refused.exit_code == 2
    assert "second.nt: the store at" in refused.output and "404" in refused.output
    assert "Traceback" not in refused.output
    missing = CliRunner().invoke(main, ["push", "--endpoint", "x", "--site", str(tmp_path)])
    assert missing.exit_code == 2 and "no such file" in missing.output


# -- a recording server: credentials, retries ---------------------------------------------


@dataclass
class Recorder:
    """Answers each request with the next status of `script` (then 204) and keeps the
    requests it saw."""

    script: list[int] = field(default_factory=list)
    seen: list[tuple[str, str, dict[str, str], bytes]] = field(default_factory=list)
    challenge: bool = False  # answer the first request with a Digest challenge


def _recording_server(recorder: Recorder) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_PUT(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            recorder.seen.append((self.command, self.path, dict(self.headers), body))
            if recorder.challenge and "Authorization" not in self.headers:
                self.send_response(401)
                challenge = 'Digest realm="store", nonce="abc", qop="auth", algorithm=MD5'
                self.send_header("WWW-Authenticate", challenge)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            status = recorder.script.pop(0) if recorder.script else 204
            message = b"" if status == 204 else b"busy, come back later"
            self.send_response(status)
            self.send_header("Content-Length", str(len(message)))
            self.end_headers()
            self.wfile.write(message)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return ThreadingHTTPServer(("127.0.0.1", 0), Handler)


@pytest.fixture
def recorder() -> Iterator[tuple[str, Recorder]]:
    record = Recorder()
    server = _recording_server(record)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/gsp", record
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def _no_sleep(seconds: float) -> None:
    pass


def test_sends_ntriples_with_basic_auth(
    recorder: tuple[str, Recorder], dumps: tuple[Path, Path]
) -> None:
    url, record = recorder
    push_dataset(dumps[0], url, GRAPH, environ={"LODPIPE_PUSH_AUTH": "editor:sēkla:1"})
    method, path, headers, body = record.seen[0]
    assert (method, path) == ("PUT", "/gsp?graph=https%3A%2F%2Fw3id.org%2Flodpipe%2Fdata%2Fdataset")
    assert headers["Content-Type"] == "application/n-triples"
    assert body == FIRST.encode()
    user, _, password = base64.b64decode(headers["Authorization"].split()[1]).partition(b":")
    assert (user.decode(), password.decode()) == ("editor", "sēkla:1")


def test_bearer_and_no_credentials(
    recorder: tuple[str, Recorder], dumps: tuple[Path, Path]
) -> None:
    url, record = recorder
    push_dataset(dumps[1], url, GRAPH, environ={"LODPIPE_PUSH_AUTH": "Bearer t0k3n"})
    push_dataset(dumps[1], url, GRAPH, environ={})
    assert record.seen[0][2]["Authorization"] == "Bearer t0k3n"
    assert "Authorization" not in record.seen[1][2]


def test_digest_answers_the_challenge(
    recorder: tuple[str, Recorder], dumps: tuple[Path, Path]
) -> None:
    url, record = recorder
    record.challenge = True
    push_dataset(dumps[1], url, GRAPH, environ={"LODPIPE_PUSH_AUTH": "Digest dba:secret"})
    assert len(record.seen) == 2
    answer = record.seen[1][2]["Authorization"]
    assert answer.startswith("Digest ") and 'username="dba"' in answer
    assert record.seen[1][3] == SECOND.encode()  # the body is sent again in full


def test_retries_5xx_with_backoff(recorder: tuple[str, Recorder], dumps: tuple[Path, Path]) -> None:
    url, record = recorder
    record.script = [503, 502]
    waits: list[float] = []
    result = push_dataset(dumps[0], url, GRAPH, environ={}, backoff=0.5, sleep=waits.append)
    assert (result.attempts, result.status) == (3, 204)
    assert waits == [0.5, 1.0]
    assert [seen[3] for seen in record.seen] == [FIRST.encode()] * 3


def test_gives_up_after_the_retries(
    recorder: tuple[str, Recorder], dumps: tuple[Path, Path]
) -> None:
    url, record = recorder
    record.script = [503] * 5
    with pytest.raises(PushError, match=r"gave up after 3 attempts: .*503.*busy") as e:
        push_dataset(dumps[0], url, GRAPH, environ={}, retries=2, sleep=_no_sleep)
    assert e.value.status == 503 and len(record.seen) == 3


def test_4xx_is_not_retried(recorder: tuple[str, Recorder], dumps: tuple[Path, Path]) -> None:
    url, record = recorder
    record.script = [401]
    with pytest.raises(PushError, match=r"401 Unauthorized \(check the credentials in LODPIPE"):
        push_dataset(dumps[0], url, GRAPH, environ={}, sleep=_no_sleep)
    assert len(record.seen) == 1


def test_no_answer_is_retried_then_reported(dumps: tuple[Path, Path]) -> None:
    waits: list[float] = []
    url = f"http://127.0.0.1:{_free_port()}/store"
    with pytest.raises(PushError, match=r"gave up after 2 attempts: no answer from") as e:
        push_dataset(dumps[0], url, GRAPH, environ={}, retries=1, timeout=2, sleep=waits.append)
    assert e.value.status is None and waits == [1.0]


# -- pure helpers ------------------------------------------------------------------------


def test_graph_store_url_forms() -> None:
    iri = "https://w3id.org/lodpipe/data/dataset"
    encoded = "https%3A%2F%2Fw3id.org%2Flodpipe%2Fdata%2Fdataset"
    assert graph_store_url("http://h/store", iri) == f"http://h/store?graph={encoded}"
    assert graph_store_url("http://h/x?a=1", iri) == f"http://h/x?a=1&graph={encoded}"
    virtuoso = "http://h:8890/sparql-graph-crud-auth?graph-uri={graph}"
    assert graph_store_url("ignored", iri, virtuoso) == virtuoso.replace("{graph}", encoded)


def test_credentials_forms() -> None:
    assert auth_from_env({}) is None
    assert auth_from_env({"LODPIPE_PUSH_AUTH": "  "}) is None
    basic = auth_from_env({"LODPIPE_PUSH_AUTH": "a:b:c"})
    assert isinstance(basic, HTTPBasicAuth)
    assert (basic.username, basic.password) == (b"a", b"b:c")
    with pytest.raises(PushError, match="LODPIPE_PUSH_AUTH must be"):
        auth_from_env({"LODPIPE_PUSH_AUTH": "just-a-token"})


def test_unsuitable_files_are_refused_before_sending(tmp_path: Path) -> None:
    with pytest.raises(PushError, match=r"missing\.nt: no such file"):
        push_dataset(tmp_path / "missing.nt", "http://127.0.0.1:9/store", GRAPH, environ={})
    with pytest.raises(PushError, match=r"x\.jsonld: push takes"):
        push_dataset(tmp_path / "x.jsonld", "http://127.0.0.1:9/store", GRAPH, environ={})
