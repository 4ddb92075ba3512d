"""`pipeline.research.push` against a real Oxigraph server started on loopback, plus a small recording
server for credentials, retries and refusals."""

from __future__ import annotations

import base64
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from requests.auth import HTTPBasicAuth

from pipeline.cli import main
from pipeline.research.push import (
    PushError,
    auth_from_env,
    graph_store_url,
    push_dataset,
    push_graphs,
    site_graphs,
)
from tests.research.oxigraph_server import Store, free_port, start_oxigraph, stop

GRAPH = "https://w3id.org/lodpipe/data/dataset"
FIRST = """\
<https://example.org/report/x> <https://example.org/v#region> "latgale" .
<https://example.org/report/x> <https://example.org/v#title> "Atskaite"@lv .
<https://example.org/report/y> <https://example.org/v#region> "riga" .
"""
SECOND = """\
<https://example.org/report/z> <https://example.org/v#region> "kurzeme" .
"""


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[Store]:
    store = start_oxigraph(tmp_path / "db")
    yield store
    stop(store)


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
    with pytest.raises(
        PushError, match=r"answered 404 Not Found to PUT \(is --endpoint the store's Graph"
    ) as e:
        push_dataset(dumps[0], oxigraph.url + "/nope", GRAPH, environ={}, retries=0)
    assert e.value.status == 404


def test_bad_data_is_refused_with_the_stores_message(oxigraph: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.nt"
    bad.write_text('"not a subject" <https://e.org/p> "x" .\n', encoding="utf-8")
    with pytest.raises(PushError, match=r"answered 400 Bad Request to PUT: Parser error"):
        push_dataset(bad, oxigraph.url + "/store", GRAPH, environ={})


def test_read_only_store_refuses(tmp_path: Path, dumps: tuple[Path, Path]) -> None:
    writable = start_oxigraph(tmp_path / "ro")
    stop(writable)  # creates the database the read-only server opens
    store = start_oxigraph(tmp_path / "ro", read_only=True)
    try:
        with pytest.raises(PushError, match=r"403 Forbidden.*The server is read-only") as e:
            push_dataset(dumps[0], store.url + "/store", GRAPH, environ={}, sleep=_no_sleep)
        assert e.value.status == 403
    finally:
        stop(store)


VOCABULARY = """\
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://example.org/region/latgale> skos:notation "latgale" ; skos:prefLabel "Latgale"@lv .
"""
VALIDATION = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
[] a sh:ValidationReport ; sh:conforms true .
"""


def _small_site(root: Path, dump: Path) -> Path:
    site = root / "_site"
    (site / "data").mkdir(parents=True)
    shutil.copy(dump, site / "data" / "dataset.nt")
    (site / "data" / "ontology.ttl").write_text(VOCABULARY, encoding="utf-8")
    (site / "data" / "validation.ttl").write_text(VALIDATION, encoding="utf-8")
    return site


def test_cli_push_sends_each_file_to_its_graph(
    oxigraph: Store, dumps: tuple[Path, Path], tmp_path: Path
) -> None:
    site = _small_site(tmp_path, dumps[0])
    args = ["push", "--endpoint", oxigraph.url + "/store", "--site", str(site)]
    out = CliRunner().invoke(main, [*args, "--base", "https://example.org/"])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert len(lines) == 3
    assert "dataset.nt: 3 triples" in lines[0] and "<https://example.org/data/dataset>" in lines[0]
    assert (
        "ontology.ttl: 2 triples" in lines[1]
        and "<https://example.org/data/vocabulary>" in lines[1]
    )
    assert "validation.ttl: 2 triples" in lines[2]
    assert len(oxigraph.graph("https://example.org/data/dataset")) == 3
    assert (
        "https://example.org/region/latgale",
        "http://www.w3.org/2004/02/skos/core#notation",
        "latgale",
    ) in oxigraph.graph("https://example.org/data/vocabulary")
    assert len(oxigraph.graph("https://example.org/data/validation")) == 2
    # Nothing went to the default graph.
    assert oxigraph.select("SELECT * WHERE { ?s ?p ?o }") == []


def test_a_dump_published_in_parts_is_pushed_whole_into_its_graph(
    oxigraph: Store, dumps: tuple[Path, Path], tmp_path: Path
) -> None:
    """A dump past GitHub Pages' file limit is published in numbered parts: the first
    replaces the graph (PUT), the others are added to it (POST), and a second push still
    leaves exactly the dump's triples."""
    import gzip

    site = _small_site(tmp_path, dumps[0])
    (site / "data" / "dataset.nt").unlink()
    (site / "data" / "validation.ttl").unlink()
    for n, text in enumerate((FIRST, SECOND), start=1):
        for stem in ("dataset", "validation"):
            part = site / "data" / f"{stem}.part-00{n}.nt.gz"
            part.write_bytes(gzip.compress(text.encode()))
    graphs = site_graphs(site, "https://example.org/")
    assert [(g.path.name, g.append) for g in graphs] == [
        ("dataset.part-001.nt.gz", False),
        ("dataset.part-002.nt.gz", True),
        ("ontology.ttl", False),
        ("validation.part-001.nt.gz", False),
        ("validation.part-002.nt.gz", True),
    ]
    for _ in range(2):
        results = push_graphs(graphs, oxigraph.url + "/store", environ={})
        assert [r.triples for r in results] == [3, 1, 2, 3, 1]
        assert len(oxigraph.graph("https://example.org/data/dataset")) == 4
        assert len(oxigraph.graph("https://example.org/data/validation")) == 4


def test_cli_push_errors(oxigraph: Store, dumps: tuple[Path, Path], tmp_path: Path) -> None:
    refused = CliRunner().invoke(
        main, ["push", "--endpoint", oxigraph.url + "/nope", "--data", str(dumps[1])]
    )
    assert refused.exit_code == 2
    assert "second.nt: the store at" in refused.output and "404" in refused.output
    assert "Traceback" not in refused.output and len(refused.output.splitlines()) == 1
    one = CliRunner().invoke(
        main,
        [
            "push",
            "--endpoint",
            oxigraph.url + "/store",
            "--data",
            str(dumps[1]),
            "--graph",
            "https://example.org/g",
        ],
    )
    assert one.exit_code == 0 and len(oxigraph.graph("https://example.org/g")) == 1
    stray = CliRunner().invoke(main, ["push", "--endpoint", "x", "--graph", "https://e.org/g"])
    assert stray.exit_code == 2 and "--graph goes with --data" in stray.output


def test_a_site_missing_a_file_changes_nothing(
    oxigraph: Store, dumps: tuple[Path, Path], tmp_path: Path
) -> None:
    site = _small_site(tmp_path, dumps[0])
    (site / "data" / "validation.ttl").unlink()
    out = CliRunner().invoke(
        main, ["push", "--endpoint", oxigraph.url + "/store", "--site", str(site)]
    )
    assert out.exit_code == 2
    assert "validation.nt.gz: no such file; build the site first" in out.output
    assert oxigraph.select("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }") == []


def test_a_later_failure_says_what_was_already_replaced(
    recorder: tuple[str, Recorder], dumps: tuple[Path, Path], tmp_path: Path
) -> None:
    url, record = recorder
    record.script = [204, 400]
    graphs = site_graphs(_small_site(tmp_path, dumps[0]), "https://example.org/")
    with pytest.raises(PushError) as error:
        push_graphs(graphs, url, environ={}, sleep=_no_sleep)
    message = str(error.value)
    assert message.startswith(str(graphs[1].path) + ": the store at")
    assert message.endswith("(already replaced: <https://example.org/data/dataset>)")
    assert len(record.seen) == 2  # the validation graph was not sent


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


@pytest.mark.parametrize("status", [502, 503, 504])
def test_retries_gateway_and_unavailable_with_backoff(
    recorder: tuple[str, Recorder], dumps: tuple[Path, Path], status: int
) -> None:
    url, record = recorder
    record.script = [status, status]
    waits: list[float] = []
    result = push_dataset(dumps[0], url, GRAPH, environ={}, sleep=waits.append)
    assert (result.attempts, result.status) == (3, 204)
    assert waits == [0.5, 1.0]  # the defaults: two retries, short
    assert [seen[3] for seen in record.seen] == [FIRST.encode()] * 3


def test_gives_up_after_the_retries(
    recorder: tuple[str, Recorder], dumps: tuple[Path, Path]
) -> None:
    url, record = recorder
    record.script = [503] * 5
    with pytest.raises(PushError, match=r"gave up after 3 attempts: .*503.*busy") as e:
        push_dataset(dumps[0], url, GRAPH, environ={}, retries=2, sleep=_no_sleep)
    assert e.value.status == 503 and len(record.seen) == 3


@pytest.mark.parametrize(
    ("status", "hint"),
    [
        (401, r"401 Unauthorized to PUT \(check the credentials in LODPIPE_PUSH_AUTH\)"),
        (403, r"403 Forbidden to PUT \(the store does not let these credentials write\)"),
        (404, r"404 Not Found to PUT \(is --endpoint the store's Graph Store Protocol URL\?"),
        (405, r"405 Method Not Allowed to PUT \(is --endpoint"),
        (400, r"400 Bad Request to PUT: busy"),
        (500, r"500 Internal Server Error to PUT: busy"),
    ],
)
def test_refusals_stop_at_once(
    recorder: tuple[str, Recorder], dumps: tuple[Path, Path], status: int, hint: str
) -> None:
    url, record = recorder
    record.script = [status]
    waits: list[float] = []
    with pytest.raises(PushError, match=hint) as e:
        push_dataset(dumps[0], url, GRAPH, environ={}, sleep=waits.append)
    assert (len(record.seen), waits, e.value.status) == (1, [], status)
    assert "\n" not in str(e.value)


def test_not_implemented_names_the_graph_store_urls(
    recorder: tuple[str, Recorder], dumps: tuple[Path, Path]
) -> None:
    # Virtuoso answers a PUT to its SPARQL endpoint (not its graph store) this way.
    url, record = recorder
    record.script = [501]
    with pytest.raises(PushError) as e:
        push_dataset(dumps[0], url, GRAPH, environ={}, sleep=_no_sleep)
    message = str(e.value)
    assert len(record.seen) == 1 and e.value.status == 501
    assert "answered 501 Not Implemented to PUT (is --endpoint the store's Graph Store" in message
    assert "Virtuoso: .../sparql-graph-crud-auth" in message and "--gsp-url" in message


def test_a_dead_port_says_which_host_and_port(dumps: tuple[Path, Path]) -> None:
    waits: list[float] = []
    port = free_port()
    url = f"http://127.0.0.1:{port}/store"
    with pytest.raises(PushError) as e:
        push_dataset(dumps[0], url, GRAPH, environ={}, sleep=waits.append)
    assert str(e.value) == (
        f"gave up after 3 attempts: nothing answered at 127.0.0.1:{port} (Connection refused): "
        "is the store running, is --endpoint right?"
    )
    assert e.value.status is None and waits == [0.5, 1.0]


def test_cli_dead_port_is_one_line(dumps: tuple[Path, Path]) -> None:
    port = free_port()
    out = CliRunner().invoke(
        main,
        [
            "push",
            "--endpoint",
            f"http://127.0.0.1:{port}/store",
            "--data",
            str(dumps[0]),
            "--retries",
            "0",
        ],
    )
    assert out.exit_code == 2
    assert out.output == (
        f"Error: {dumps[0]}: gave up after 1 attempt: nothing answered at 127.0.0.1:{port} "
        "(Connection refused): is the store running, is --endpoint right?\n"
    )


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
