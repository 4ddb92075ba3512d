"""The researchers' queries answer the same outside `lodpipe query`: in a real store after
`lodpipe push` (Oxigraph, named graphs) and through SPARQLWrapper against
`lodpipe serve --sparql`, each started on loopback by the test and stopped after."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner
from SPARQLWrapper import JSON, SELECT, SPARQLWrapper

from pipeline.cli import main
from pipeline.research.push import site_graphs
from pipeline.settings import DEFAULT_BASE_IRI
from pipeline.store import Solutions, read_query_file, run_query, site_files
from tests.conftest import REPO
from tests.research.oxigraph_server import Store, start_oxigraph, stop

QUERIES = sorted((REPO / "queries").glob("*.rq"))
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

#: A row as (variable, kind, value, datatype, language) for each bound variable.
Row = tuple[tuple[str, str, str, str, str], ...]


def local_rows(site: Path, query: Path) -> list[Row]:
    """What `lodpipe query` answers (the same library call)."""
    result = run_query(read_query_file(query), site_files(site))
    assert isinstance(result, Solutions)
    return [
        tuple(
            (name, term.kind, term.value, term.datatype or "", term.language or "")
            for name, term in zip(result.variables, row, strict=True)
            if term is not None
        )
        for row in result.rows
    ]


def json_rows(bindings: list[dict[str, Mapping[str, str]]], variables: list[str]) -> list[Row]:
    """SPARQL 1.1 JSON results in the same shape; a plain string's xsd:string is implicit."""
    rows = []
    for binding in bindings:
        row = []
        for name in variables:
            if name in binding:
                term = binding[name]
                datatype = term.get("datatype", "")
                row.append(
                    (
                        name,
                        "literal" if term["type"] == "typed-literal" else term["type"],
                        term["value"],
                        "" if datatype == XSD_STRING else datatype,
                        term.get("xml:lang", ""),
                    )
                )
        rows.append(tuple(row))
    return rows


def same_rows(got: list[Row], expected: list[Row]) -> None:
    """Equal rows in the order ORDER BY gives; GROUP_CONCAT has no order in SPARQL 1.1, so
    its items are compared as sets."""

    def normal(rows: list[Row]) -> list[Row]:
        return [
            tuple(
                (n, k, " ".join(sorted(v.split(" "))) if n == "codes" else v, d, lang)
                for n, k, v, d, lang in row
            )
            for row in rows
        ]

    assert normal(got) == normal(expected)


# -- a real store after `lodpipe push` ---------------------------------------------------


@pytest.fixture(scope="module")
def pushed(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = start_oxigraph(tmp_path_factory.mktemp("oxigraph") / "db", union=True)
    try:
        out = CliRunner().invoke(
            main, ["push", "--endpoint", store.url + "/store", "--site", str(built_site)]
        )
        assert out.exit_code == 0, out.output
        yield store
    finally:
        stop(store)


def test_push_fills_three_named_graphs(pushed: Store, built_site: Path) -> None:
    counts = {
        row["g"]: int(row["n"])
        for row in pushed.select(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        )
    }
    graphs = site_graphs(built_site, DEFAULT_BASE_IRI)
    assert (
        set(counts)
        == {item.graph for item in graphs}
        == {
            DEFAULT_BASE_IRI + "data/dataset",
            DEFAULT_BASE_IRI + "data/vocabulary",
            DEFAULT_BASE_IRI + "data/validation",
        }
    )
    assert all(n > 0 for n in counts.values())


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.name)
def test_queries_answer_the_same_in_a_store_with_a_union_default_graph(
    pushed: Store, built_site: Path, query: Path
) -> None:
    expected = local_rows(built_site, query)
    assert expected, "every question has an answer over the bundled reports"
    text = read_query_file(query)
    result = run_query(text, site_files(built_site))
    assert isinstance(result, Solutions)
    variables = list(result.variables)
    same_rows(json_rows(pushed.bindings(text), variables), expected)


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.name)
def test_queries_answer_the_same_with_the_graphs_named_in_the_request(
    pushed: Store, built_site: Path, query: Path
) -> None:
    # For stores whose default graph is not the union: the protocol's default-graph-uri,
    # once per graph, makes their merge the default graph; the query is unchanged.
    text = read_query_file(query)
    result = run_query(text, site_files(built_site))
    assert isinstance(result, Solutions)
    graphs = tuple(item.graph for item in site_graphs(built_site, DEFAULT_BASE_IRI))
    got = json_rows(pushed.bindings(text, default_graphs=graphs), list(result.variables))
    same_rows(got, local_rows(built_site, query))


# -- SPARQLWrapper against `lodpipe serve --sparql` ---------------------------------------


@pytest.fixture(scope="module")
def endpoint(built_site: Path) -> Iterator[str]:
    command = [sys.executable, "-m", "pipeline", "serve", "--site", str(built_site)]
    with subprocess.Popen(
        [*command, "--port", "0", "--sparql"], stderr=subprocess.PIPE, text=True, cwd=REPO
    ) as process:
        try:
            assert process.stderr is not None
            line = process.stderr.readline()  # "Serving ... at http://127.0.0.1:PORT/ ..."
            found = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
            assert found, line
            yield found.group(1) + "/sparql"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.name)
def test_sparqlwrapper_sees_a_query_and_gets_the_same_rows(
    endpoint: str, built_site: Path, query: Path
) -> None:
    text = read_query_file(query)
    client = SPARQLWrapper(endpoint)
    client.setQuery(text)  # unchanged, comments and all
    assert client.queryType == SELECT and client.isSparqlQueryRequest()
    client.setReturnFormat(JSON)
    answer = client.queryAndConvert()
    assert isinstance(answer, dict)
    got = json_rows(answer["results"]["bindings"], answer["head"]["vars"])
    same_rows(got, local_rows(built_site, query))
