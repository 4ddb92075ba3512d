"""`lodpipe serve`: GitHub Pages behaviour, the w3id-style resolver and the SPARQL endpoint,
exercised over real HTTP on loopback (requests, http.client and SPARQLWrapper)."""

from __future__ import annotations

import contextlib
import http.client
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
import requests
from click.testing import CliRunner
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TURTLE, URLENCODED, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from pipeline.cli import main
from pipeline.research.negotiate import choose, parse_accept, quality
from pipeline.research.serve import SiteServer, make_server
from pipeline.store import DatasetError

EX = "https://example.org/v#"
DATASET = f"""\
<https://example.org/report/x> <{EX}region> "latgale" .
<https://example.org/report/x> <{EX}activities> "7"^^<http://www.w3.org/2001/XMLSchema#integer> .
<https://example.org/report/y> <{EX}region> "riga" .
<https://example.org/report/y> <{EX}title> "Atskaite"@lv .
"""
FILES = {
    "index.html": "<h1>home</h1>",
    "404.html": "<h1>not here</h1>",
    "report/x.html": "<h1>report x</h1>",
    "report/x.ttl": '<https://example.org/report/x> <https://example.org/v#p> "x" .\n',
    "report/x.jsonld": '{"@id": "https://example.org/report/x"}',
    "report/x.nt": '<https://example.org/report/x> <https://example.org/v#p> "x" .\n',
    "report/only-turtle.ttl": "",
    "about/index.html": "<h1>about</h1>",
    "static/site.css": "body {}",
    "static/app.js": "let a;",
    "static/logo.svg": "<svg/>",
    "static/data.json": "{}",
    "static/feed.xml": "<feed/>",
    "static/notes.txt": "notes",
    "data/dataset.nt": DATASET,
    "data/activities.csv": "a,b\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp_path = tmp_path_factory.mktemp("serve")
    root = tmp_path / "_site"
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "report" / "empty").mkdir()
    (tmp_path / "secret.txt").write_text("SECRET", encoding="utf-8")
    (root / "escape.txt").symlink_to(tmp_path / "secret.txt")
    return root


def _running(server: SiteServer) -> Iterator[str]:
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def pages(site: Path) -> Iterator[str]:
    """GitHub Pages behaviour only."""
    yield from _running(make_server(site, "127.0.0.1", 0))


@pytest.fixture(scope="module")
def resolver(site: Path) -> Iterator[str]:
    yield from _running(make_server(site, "127.0.0.1", 0, resolver=True, sparql=True))


def _get(url: str, path: str, **headers: str) -> requests.Response:
    return requests.get(url + path, headers=headers, allow_redirects=False, timeout=10)


def _raw(url: str, path: str) -> tuple[int, bytes]:
    """Sends the path exactly as written: requests would remove dot segments first."""
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


# -- GitHub Pages ------------------------------------------------------------------------


def test_server_binds_loopback(site: Path) -> None:
    server = make_server(site, port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


def test_extensionless_path_answers_from_html(pages: str) -> None:
    response = _get(pages, "/report/x", Accept="text/turtle")
    # Without the resolver GitHub Pages ignores Accept: the page, never a redirect.
    assert response.status_code == 200
    assert response.text == "<h1>report x</h1>"
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert _get(pages, "/").text == "<h1>home</h1>"
    assert _get(pages, "/report/x.html").text == "<h1>report x</h1>"


@pytest.mark.parametrize(
    ("path", "media_type"),
    [
        ("/report/x.html", "text/html; charset=utf-8"),
        ("/static/site.css", "text/css; charset=utf-8"),
        ("/static/app.js", "text/javascript; charset=utf-8"),
        ("/static/logo.svg", "image/svg+xml"),
        ("/static/data.json", "application/json; charset=utf-8"),
        ("/static/feed.xml", "application/xml"),
        ("/static/notes.txt", "text/plain; charset=utf-8"),
        ("/report/x.ttl", "text/turtle; charset=utf-8"),
        ("/report/x.jsonld", "application/ld+json"),
        ("/report/x.nt", "application/n-triples"),
        ("/data/activities.csv", "text/csv; charset=utf-8"),
    ],
)
def test_media_types_follow_extensions(pages: str, path: str, media_type: str) -> None:
    response = _get(pages, path)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == media_type
    assert response.content == FILES[path.lstrip("/")].encode()


def test_folder_without_slash_redirects(pages: str) -> None:
    response = _get(pages, "/about")
    assert response.status_code == 301
    assert response.headers["Location"] == "/about/"
    assert _get(pages, "/about?lang=lv").headers["Location"] == "/about/?lang=lv"
    followed = requests.get(pages + "/about", timeout=10)
    assert followed.status_code == 200 and followed.text == "<h1>about</h1>"


def test_unknown_paths_get_404_with_the_sites_page(pages: str) -> None:
    for path in ("/nope", "/report/y", "/report/empty/", "/report/x/", "/about/missing.html"):
        response = _get(pages, path)
        assert response.status_code == 404, path
        assert response.text == "<h1>not here</h1>"
        assert response.headers["Content-Type"] == "text/html; charset=utf-8"


def test_head_sends_headers_without_body(pages: str) -> None:
    get = _get(pages, "/report/x.ttl")
    head = requests.head(pages + "/report/x.ttl", timeout=10)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["Content-Length"] == get.headers["Content-Length"] != "0"
    assert head.headers["Content-Type"] == get.headers["Content-Type"]
    assert requests.head(pages + "/nope", timeout=10).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/report/..%2f..%2fsecret.txt",
        "/report/%2e%2e/%2e%2e/secret.txt",
        "/escape.txt",
        "/..%5csecret.txt",
    ],
)
def test_paths_out_of_the_site_are_refused(pages: str, path: str) -> None:
    status, body = _raw(pages, path)
    assert status in (400, 404)
    assert b"SECRET" not in body


def test_post_is_refused_outside_sparql(pages: str) -> None:
    response = requests.post(pages + "/index.html", data={"a": "b"}, timeout=10)
    assert response.status_code == 405
    # Without --sparql there is no endpoint: /sparql is just a missing page.
    assert _get(pages, "/sparql?query=ASK%7B%7D").status_code == 404


def test_missing_site_or_dump_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such folder"):
        make_server(tmp_path / "missing", port=0)
    with pytest.raises(DatasetError, match=r"dataset\.nt\.gz: no dataset dump"):
        make_server(tmp_path, port=0, sparql=True)


# -- the resolver ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "location"),
    [
        ("text/turtle", "/report/x.ttl"),
        ("application/ld+json", "/report/x.jsonld"),
        ("text/turtle;q=0.5, application/ld+json", "/report/x.jsonld"),
        ("text/html;q=0.1, text/turtle;q=0.9", "/report/x.ttl"),
        ("application/rdf+xml, text/turtle;q=0.8, */*;q=0.1", "/report/x.ttl"),
    ],
)
def test_resolver_redirects_to_the_representation(
    resolver: str, accept: str, location: str
) -> None:
    response = _get(resolver, "/report/x", Accept=accept)
    assert response.status_code == 303
    assert response.headers["Location"] == location
    assert "Accept" in [v.strip() for v in response.headers["Vary"].split(",")]


@pytest.mark.parametrize(
    "accept",
    [
        "text/html",
        "*/*",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "image/png",  # nothing we have: the page rather than a 406
    ],
)
def test_resolver_gives_browsers_the_page(resolver: str, accept: str) -> None:
    response = _get(resolver, "/report/x", Accept=accept)
    assert response.status_code == 200
    assert response.text == "<h1>report x</h1>"
    assert "Accept" in [v.strip() for v in response.headers["Vary"].split(",")]
    assert '<x.ttl>; rel="alternate"; type="text/turtle"' in response.headers["Link"]


def test_resolver_followed_by_a_client_ends_at_turtle(resolver: str) -> None:
    response = requests.get(resolver + "/report/x", headers={"Accept": "text/turtle"}, timeout=10)
    assert response.status_code == 200
    assert response.url.endswith("/report/x.ttl")
    assert response.headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert len(rdflib.Graph().parse(data=response.text, format="turtle")) == 1


def test_resolver_without_a_page_offers_what_exists(resolver: str) -> None:
    response = _get(resolver, "/report/only-turtle", Accept="text/html")
    assert (response.status_code, response.headers["Location"]) == (
        303,
        "/report/only-turtle.ttl",
    )
    assert _get(resolver, "/report/x.ttl", Accept="text/html").status_code == 200


# -- the SPARQL endpoint -----------------------------------------------------------------

SELECT = f"SELECT ?s ?region WHERE {{ ?s <{EX}region> ?region }} ORDER BY ?s"


def _client(url: str, query: str, return_format: str) -> SPARQLWrapper:
    client = SPARQLWrapper(url + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(return_format)
    return client


def test_sparqlwrapper_select_json_over_get(resolver: str) -> None:
    doc = _client(resolver, SELECT, JSON).query().convert()
    assert isinstance(doc, dict)
    assert doc["head"]["vars"] == ["s", "region"]
    assert [b["region"]["value"] for b in doc["results"]["bindings"]] == ["latgale", "riga"]


@pytest.mark.parametrize(("method", "request_method"), [(POST, URLENCODED), (POST, POSTDIRECTLY)])
def test_sparqlwrapper_select_over_post(resolver: str, method: str, request_method: str) -> None:
    client = _client(resolver, SELECT, JSON)
    client.setMethod(method)
    client.setRequestMethod(request_method)
    doc = client.query().convert()
    assert isinstance(doc, dict)
    assert len(doc["results"]["bindings"]) == 2


def test_sparqlwrapper_xml_csv_ask_and_construct(resolver: str) -> None:
    xml = _client(resolver, SELECT, XML).query().convert()
    literals = [n.firstChild.data for n in xml.getElementsByTagName("literal")]  # type: ignore[union-attr]
    assert literals == ["latgale", "riga"]
    csv_bytes = _client(resolver, SELECT, CSV).query().convert()
    assert isinstance(csv_bytes, bytes)
    assert csv_bytes.decode().splitlines()[1:] == ["https://example.org/report/x,latgale",
                                                   "https://example.org/report/y,riga"]  # fmt: skip
    ask = _client(resolver, f'ASK {{ ?s <{EX}region> "riga" }}', JSON).query().convert()
    assert ask == {"head": {}, "boolean": True}
    construct = f"CONSTRUCT {{ ?s <{EX}r> ?r }} WHERE {{ ?s <{EX}region> ?r }}"
    turtle = _client(resolver, construct, TURTLE).query().convert()
    assert isinstance(turtle, bytes)
    assert len(rdflib.Graph().parse(data=turtle, format="turtle")) == 2


def test_sparqlwrapper_reports_a_bad_query(resolver: str) -> None:
    with pytest.raises(QueryBadFormed, match="not valid SPARQL"):
        _client(resolver, "SELECT ?s WHERE { ?s ", JSON).query()


def test_protocol_negotiation_with_plain_requests(resolver: str) -> None:
    endpoint = resolver + "/sparql"
    construct = f"CONSTRUCT {{ ?s <{EX}r> ?r }} WHERE {{ ?s <{EX}region> ?r }}"
    nt = requests.get(
        endpoint,
        params={"query": construct},
        headers={"Accept": "application/n-triples"},
        timeout=10,
    )
    assert nt.headers["Content-Type"] == "application/n-triples"
    assert len(nt.text.splitlines()) == 2
    tsv = requests.post(
        endpoint,
        data=SELECT.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/tab-separated-values"},
        timeout=10,
    )
    assert tsv.text.splitlines()[0] == "?s\t?region"
    default = requests.get(endpoint, params={"query": SELECT}, timeout=10)
    assert default.headers["Content-Type"] == "application/sparql-results+json"
    assert default.headers["Vary"] == "Accept"
    xml = requests.get(
        endpoint, params={"query": SELECT}, headers={"Accept": "text/xml"}, timeout=10
    )
    assert xml.headers["Content-Type"] == "application/sparql-results+xml"


def test_protocol_errors(resolver: str) -> None:
    endpoint = resolver + "/sparql"
    update = requests.post(endpoint, data={"update": "CLEAR ALL"}, timeout=10)
    assert update.status_code == 400 and "read-only" in update.text
    odd = requests.post(endpoint, data=b"x", headers={"Content-Type": "text/plain"}, timeout=10)
    assert odd.status_code == 415
    two = requests.get(endpoint + "?query=ASK%7B%7D&query=ASK%7B%7D", timeout=10)
    assert two.status_code == 400
    description = requests.get(endpoint, timeout=10)
    assert description.headers["Content-Type"] == "text/turtle; charset=utf-8"
    graph = rdflib.Graph().parse(data=description.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (rdflib.URIRef(endpoint), sd.endpoint, rdflib.URIRef(endpoint)) in graph


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        ("SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", True),
        ("select * { service silent <http://127.0.0.1:9/x> { ?s ?p ?o } }", True),
        ("SELECT ?service { ?service ?p ?o } LIMIT 1", False),
        ('SELECT * { ?s ?p "SERVICE <http://x/>" }', False),
        ("SELECT * { ?s ?p ?o } # SERVICE in a comment\nLIMIT 1", False),
    ],
)
def test_endpoint_refuses_federated_queries(resolver: str, query: str, refused: bool) -> None:
    # SERVICE would make the server fetch any URL a visitor names.
    response = requests.get(resolver + "/sparql", params={"query": query}, timeout=10)
    assert (response.status_code == 400 and "SERVICE" in response.text) is refused
    if not refused:
        assert response.status_code == 200


def test_default_graph_uri_selects_a_graph(resolver: str) -> None:
    response = requests.get(
        resolver + "/sparql",
        params={"query": "ASK { ?s ?p ?o }", "default-graph-uri": "https://example.org/none"},
        timeout=10,
    )
    assert response.json() == {"head": {}, "boolean": False}


# -- Accept parsing ----------------------------------------------------------------------


def test_accept_parsing_and_choice() -> None:
    ranges = parse_accept("text/*;q=0.3, text/turtle;q=0, */*;q=0.1, bad, a/b;q=x")
    assert quality(ranges, "text/turtle") == 0.0  # the most specific range wins
    assert quality(ranges, "text/html") == 0.3
    assert quality(ranges, "application/ld+json") == 0.1
    assert quality(ranges, "a/b") == 0.0
    assert choose(None, ["text/html", "text/turtle"]) == "text/html"
    assert choose("", ["text/turtle"]) == "text/turtle"
    assert choose("text/turtle;q=0", ["text/turtle"]) is None
    assert choose("TEXT/Turtle", ["text/html", "text/turtle"]) == "text/turtle"


# -- the command ---------------------------------------------------------------------------


def test_cli_serve_refuses_a_missing_site_or_dump(tmp_path: Path) -> None:
    out = CliRunner().invoke(main, ["serve", "--site", str(tmp_path / "nope"), "--port", "0"])
    assert out.exit_code == 2 and "no such folder" in out.output
    out = CliRunner().invoke(main, ["serve", "--site", str(tmp_path), "--port", "0", "--sparql"])
    assert out.exit_code == 2 and "no dataset dump" in out.output
    assert "Traceback" not in out.output


def _foreground() -> None:
    """Ctrl-C reaches the server as it does in a terminal: a shell that runs the tests in
    the background (`make test &`) makes its children ignore SIGINT, and Python then
    leaves it ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@contextlib.contextmanager
def _serving(site: Path, *options: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """`lodpipe serve` on a free port as a terminal runs it: the process and its URL."""
    command = [sys.executable, "-m", "pipeline", "serve", "--site", str(site), "--port", "0"]
    with subprocess.Popen(
        [*command, *options], stderr=subprocess.PIPE, text=True, preexec_fn=_foreground
    ) as process:
        try:
            assert process.stderr is not None
            banner = process.stderr.readline()
            match = re.search(r"at (http://127\.0\.0\.1:\d+)/", banner)
            assert match, banner
            yield process, match.group(1)
        finally:
            if process.poll() is None:
                process.kill()


def test_cli_serve_runs_until_interrupted(site: Path) -> None:
    with _serving(site, "--sparql") as (process, url):
        response = requests.get(url + "/sparql", params={"query": "ASK {}"}, timeout=10)
        assert response.json()["boolean"] is True
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        assert process.stderr is not None
        assert "GET /sparql?query=" in process.stderr.read()  # requests are logged


def test_text_is_sent_gzip_compressed_to_clients_that_accept_it(pages: str, site: Path) -> None:
    """As GitHub Pages does: what a browser measures here is what Pages serves."""
    import gzip

    host, port = pages.removeprefix("http://").split(":")
    page = (site / "index.html").read_bytes()
    for header, compressed in (
        ("gzip, deflate, br", True),
        ("br;q=1.0, gzip;q=0.5", True),
        ("*", True),
        ("gzip;q=0", False),
        ("identity", False),
        (None, False),
    ):
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        try:
            conn.request(
                "GET", "/index.html", headers={"Accept-Encoding": header} if header else {}
            )
            response = conn.getresponse()
            body = response.read()
        finally:
            conn.close()
        assert response.status == 200
        assert response.getheader("Vary") and "Accept-Encoding" in response.getheader("Vary", "")
        if compressed:
            assert response.getheader("Content-Encoding") == "gzip", header
            assert gzip.decompress(body) == page
            assert response.getheader("Content-Length") == str(len(body))
        else:
            assert response.getheader("Content-Encoding") is None, header
            assert body == page


def test_cli_serve_stops_at_once_while_a_client_keeps_its_connection_open(site: Path) -> None:
    """A browser opens connections before it sends anything on them (preconnect) and keeps
    them for minutes; Ctrl-C must not wait for them."""
    import socket

    with _serving(site) as (process, url):
        port = int(url.rpartition(":")[2])
        with socket.create_connection(("127.0.0.1", port), timeout=10):  # sends nothing
            requests.get(url + "/", timeout=10)  # the server is past accept
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=10) == 0
