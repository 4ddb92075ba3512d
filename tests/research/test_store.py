"""`pipeline.store` and `pipeline.research.results`: loading dumps, running SPARQL, writing results,
and the `lodpipe query` command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from pipeline.cli import main
from pipeline.research import results
from pipeline.store import (
    Boolean,
    DatasetError,
    GraphResult,
    QueryError,
    Solutions,
    Term,
    declared_prefixes,
    default_dump,
    execute,
    load_dataset,
    run_query,
    site_files,
)

EX = "https://example.org/v#"
XSD = "http://www.w3.org/2001/XMLSchema#"

DATA = f"""\
<https://example.org/a1> <{EX}region> "latgale" .
<https://example.org/a1> <{EX}participants> "670"^^<{XSD}integer> .
<https://example.org/a1> <{EX}label> "Festivāls \\"Sēta\\""@lv .
<https://example.org/a2> <{EX}region> "latgale" .
<https://example.org/a2> <{EX}participants> "30"^^<{XSD}integer> .
<https://example.org/a3> <{EX}region> "riga" .
<https://example.org/a3> <{EX}participants> "12"^^<{XSD}integer> .
<https://example.org/a3> <{EX}note> _:n1 .
"""

BY_REGION = f"""\
PREFIX ex: <{EX}>
SELECT ?region (SUM(?n) AS ?total) (COUNT(?a) AS ?activities)
WHERE {{ ?a ex:region ?region ; ex:participants ?n }}
GROUP BY ?region ORDER BY ?region
"""


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "dataset.nt"
    path.write_text(DATA, encoding="utf-8")
    return path


def test_select_aggregates_per_group(dump: Path) -> None:
    result = run_query(BY_REGION, dump)
    assert isinstance(result, Solutions)
    assert result.variables == ("region", "total", "activities")
    integer = XSD + "integer"
    assert result.rows == (
        (
            Term("literal", "latgale"),
            Term("literal", "700", integer),
            Term("literal", "2", integer),
        ),
        (Term("literal", "riga"), Term("literal", "12", integer), Term("literal", "1", integer)),
    )
    assert result.prefixes == (("ex", EX),)


def test_terms_keep_language_and_kind(dump: Path) -> None:
    result = run_query(f"SELECT ?o WHERE {{ ?s <{EX}label>|<{EX}note> ?o }} ORDER BY ?o", dump)
    assert isinstance(result, Solutions)
    kinds = sorted((t.kind, t.language) for row in result.rows for t in row if t)
    assert kinds == [("bnode", None), ("literal", "lv")]


def test_ask(dump: Path) -> None:
    assert run_query(f'ASK {{ ?a <{EX}region> "riga" }}', dump) == Boolean(True)
    assert run_query(f'ASK {{ ?a <{EX}region> "kurzeme" }}', dump) == Boolean(False)


def test_construct_gives_sorted_canonical_ntriples(dump: Path) -> None:
    query = f"PREFIX ex: <{EX}> CONSTRUCT {{ ?a ex:inRegion ?r }} WHERE {{ ?a ex:region ?r }}"
    result = run_query(query, dump)
    assert isinstance(result, GraphResult)
    lines = result.ntriples.splitlines()
    assert lines == sorted(lines) and result.triples == 3
    turtle = results.graph_bytes(result, results.TURTLE).decode()
    assert "@prefix ex:" in turtle and "ex:inRegion" in turtle
    expected = rdflib.Graph().parse(data=result.ntriples, format="nt")
    assert isomorphic(rdflib.Graph().parse(data=turtle, format="turtle"), expected)
    jsonld = results.graph_bytes(result, results.JSON_LD)
    parsed = ox.parse(jsonld, format=ox.RdfFormat.JSON_LD)
    assert sorted(f"{t} ." for t in parsed) == lines


def test_syntax_error_is_a_query_error_with_position(dump: Path) -> None:
    with pytest.raises(QueryError, match=r"not valid SPARQL: .*1:\d+"):
        run_query("SELEC ?x WHERE { ?x ?p ?o }", dump)


def test_missing_and_broken_dumps_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.nt"
    with pytest.raises(DatasetError, match=r"nope\.nt: no such file"):
        load_dataset([missing])
    broken = tmp_path / "broken.nt"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"broken\.nt: not valid N-Triples.*line 1"):
        load_dataset([broken])
    odd = tmp_path / "data.csv"
    odd.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"data\.csv: unknown RDF format"):
        load_dataset([odd])


def test_several_files_form_one_default_graph(dump: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra.ttl"
    extra.write_text(f'@prefix ex: <{EX}> .\n<https://example.org/a4> ex:region "riga" .\n')
    result = run_query(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a <{EX}region> ?r }}", [dump, extra])
    assert isinstance(result, Solutions)
    assert result.rows[0][0] == Term("literal", "4", XSD + "integer")


def test_default_dump_prefers_ntriples(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    with pytest.raises(DatasetError, match=r"dataset\.nt\.gz: no dataset dump"):
        default_dump(tmp_path)
    (data / "dataset.ttl").write_text("")
    assert default_dump(tmp_path) == (data / "dataset.ttl",)
    (data / "dataset.ttl.gz").write_text("")
    assert default_dump(tmp_path) == (data / "dataset.ttl.gz",)
    (data / "dataset.part-002.nt.gz").write_text("")
    (data / "dataset.part-001.nt.gz").write_text("")
    parts = (data / "dataset.part-001.nt.gz", data / "dataset.part-002.nt.gz")
    assert default_dump(tmp_path) == parts
    (data / "dataset.nt.gz").write_text("")
    assert default_dump(tmp_path) == (data / "dataset.nt.gz",)


def test_declared_prefixes_read_every_form() -> None:
    text = "prefix : <http://a/>\nPREFIX  dct:<http://purl.org/dc/terms/> SELECT * {}"
    assert declared_prefixes(text) == (("", "http://a/"), ("dct", "http://purl.org/dc/terms/"))


# -- results formats: checked against pyoxigraph's own serialisers ---------------------------


def _oxigraph_answer(dump: Path, query: str, fmt: ox.QueryResultsFormat) -> bytes:
    store = ox.Store()
    store.load(path=str(dump), format=ox.RdfFormat.N_TRIPLES)
    answer = store.query(query)
    assert isinstance(answer, ox.QuerySolutions)
    data = answer.serialize(format=fmt)
    assert data is not None
    return data


def test_json_results_match_the_standard(dump: Path) -> None:
    query = f"SELECT ?s ?o WHERE {{ ?s ?p ?o FILTER(?p != <{EX}note>) }} ORDER BY ?s ?o"
    result = execute(load_dataset([dump]), query)
    assert isinstance(result, Solutions)
    ours = json.loads(results.to_json(result))
    theirs = json.loads(_oxigraph_answer(dump, query, ox.QueryResultsFormat.JSON))
    assert ours == theirs
    ask = json.loads(results.to_json(Boolean(True)))
    assert ask == {"head": {}, "boolean": True}


def test_xml_results_parse_back_to_the_same_solutions(dump: Path) -> None:
    query = BY_REGION
    result = run_query(query, dump)
    assert isinstance(result, Solutions)
    parsed = ox.parse_query_results(results.to_xml(result), format=ox.QueryResultsFormat.XML)
    expected = ox.parse_query_results(
        _oxigraph_answer(dump, query, ox.QueryResultsFormat.XML),
        format=ox.QueryResultsFormat.XML,
    )
    assert isinstance(parsed, ox.QuerySolutions) and isinstance(expected, ox.QuerySolutions)
    assert [str(s) for s in parsed] == [str(s) for s in expected]
    boolean = ox.parse_query_results(
        results.to_xml(Boolean(False)), format=ox.QueryResultsFormat.XML
    )
    assert bool(boolean) is False


def test_csv_results_are_plain_values_with_crlf(dump: Path) -> None:
    result = run_query(BY_REGION, dump)
    assert isinstance(result, Solutions)
    text = results.to_csv(result)
    assert text == "region,total,activities\r\nlatgale,700,2\r\nriga,12,1\r\n"
    quoted = run_query(f"SELECT ?l WHERE {{ ?s <{EX}label> ?l }}", dump)
    assert isinstance(quoted, Solutions)
    assert list(csv.reader(io.StringIO(results.to_csv(quoted)))) == [["l"], ['Festivāls "Sēta"']]


def test_tsv_results_use_ntriples_terms(dump: Path) -> None:
    result = run_query(f"SELECT ?l WHERE {{ ?s <{EX}label> ?l }}", dump)
    assert isinstance(result, Solutions)
    assert results.to_tsv(result) == '?l\n"Festivāls \\"Sēta\\""@lv\n'


def test_table_shortens_iris_with_the_querys_prefixes(dump: Path) -> None:
    query = (
        f"PREFIX ex: <{EX}> SELECT ?p (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o }} GROUP BY ?p ORDER BY ?p"
    )
    result = run_query(query, dump)
    assert isinstance(result, Solutions)
    lines = results.to_table(result).splitlines()
    assert lines[0].split() == ["?p", "|", "?n"]
    assert [line.split(" | ")[0].strip() for line in lines[2:-1]] == [
        "ex:label",
        "ex:note",
        "ex:participants",
        "ex:region",
    ]
    assert lines[-1] == "(4 rows)"


def test_serialise_refuses_mismatched_formats(dump: Path) -> None:
    with pytest.raises(ValueError, match="graph result"):
        results.serialise(GraphResult(""), results.SPARQL_JSON)
    with pytest.raises(ValueError, match="boolean result"):
        results.serialise(Boolean(True), results.TURTLE)


# -- the command ---------------------------------------------------------------------------


def test_cli_query_formats(dump: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["query", "--data", str(dump), "--format", "json", BY_REGION])
    assert out.exit_code == 0, out.output
    bindings = json.loads(out.output)["results"]["bindings"]
    assert [(b["region"]["value"], b["total"]["value"]) for b in bindings] == [
        ("latgale", "700"),
        ("riga", "12"),
    ]
    out = runner.invoke(main, ["query", "--data", str(dump), "--format", "csv", BY_REGION])
    assert out.output.splitlines()[1] == "latgale,700,2"
    out = runner.invoke(main, ["query", "--data", str(dump), BY_REGION])
    assert "(2 rows)" in out.output


def test_cli_query_from_file_and_site(dump: Path, tmp_path: Path) -> None:
    site = tmp_path / "_site"
    (site / "data").mkdir(parents=True)
    (site / "data" / "dataset.nt").write_bytes(dump.read_bytes())
    rq = tmp_path / "construct.rq"
    rq.write_text(f"CONSTRUCT {{ ?a <{EX}r> ?r }} WHERE {{ ?a <{EX}region> ?r }}")
    out = CliRunner().invoke(main, ["query", "--site", str(site), "--file", str(rq)])
    assert out.exit_code == 0, out.output
    graph = rdflib.Graph().parse(data=out.output, format="turtle")
    assert len(graph) == 3


def test_cli_bad_query_exits_2_naming_the_file(dump: Path, tmp_path: Path) -> None:
    rq = tmp_path / "broken.rq"
    rq.write_text("SELECT ?x WHERE { ?x ?p }")
    out = CliRunner().invoke(main, ["query", "--data", str(dump), "--file", str(rq)])
    assert out.exit_code == 2
    assert "broken.rq: not valid SPARQL" in out.output
    assert "Traceback" not in out.output


def test_cli_missing_dump_and_usage_errors_exit_2(tmp_path: Path) -> None:
    out = CliRunner().invoke(main, ["query", "--site", str(tmp_path), "ASK {}"])
    assert out.exit_code == 2 and "no dataset dump" in out.output
    out = CliRunner().invoke(main, ["query", "--site", str(tmp_path)])
    assert out.exit_code == 2 and out.output.startswith("Error: no query: give one of")


def test_a_dump_larger_than_any_fixed_buffer_loads_whole(tmp_path: Path) -> None:
    """A 27 MB input once failed with a MemoryError at a 16 MiB buffer: dumps of any size load."""
    import gzip

    line = '<https://e.org/s{0}> <https://e.org/p> "vērtība {0}, gana gara, lai rindas būtu garas"@lv .\n'
    triples = 300_000
    text = "".join(line.format(n) for n in range(triples))
    assert len(text.encode()) > 27 * 1000 * 1000  # past the 16 MiB that once overflowed
    plain = tmp_path / "big.nt"
    plain.write_text(text, encoding="utf-8")
    packed = tmp_path / "big.nt.gz"
    packed.write_bytes(gzip.compress(text.encode(), mtime=0))
    for path in (plain, packed):
        dataset = load_dataset([path])
        assert len(dataset) == triples
        rows = execute(dataset, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert isinstance(rows, Solutions) and rows.rows[0][0] is not None
        assert rows.rows[0][0].value == str(triples)


def test_a_truncated_compressed_dump_is_named(tmp_path: Path) -> None:
    import gzip

    broken = tmp_path / "dataset.nt.gz"
    broken.write_bytes(
        gzip.compress(b"<https://e.org/s> <https://e.org/p> <https://e.org/o> .\n")[:20]
    )
    with pytest.raises(DatasetError, match=r"dataset\.nt\.gz"):
        load_dataset([broken])


def test_a_site_whose_dump_was_split_into_parts_is_queried_the_same(
    corpus_site: Path, tmp_path: Path
) -> None:
    """A dump past GitHub Pages' file limit is published in numbered parts: a query on the
    site reads them all."""
    import gzip
    import shutil

    site = tmp_path / "site"
    shutil.copytree(corpus_site, site)
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = run_query(query, site_files(site))
    whole = site / "data" / "dataset.nt.gz"
    lines = gzip.decompress(whole.read_bytes()).splitlines(keepends=True)
    whole.unlink()
    half = len(lines) // 2
    for n, part in enumerate((lines[:half], lines[half:]), start=1):
        (site / "data" / f"dataset.part-00{n}.nt.gz").write_bytes(gzip.compress(b"".join(part)))
    assert [p.name for p in default_dump(site)] == [
        "dataset.part-001.nt.gz",
        "dataset.part-002.nt.gz",
    ]
    assert run_query(query, site_files(site)) == before
