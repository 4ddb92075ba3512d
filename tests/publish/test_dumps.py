from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from pipeline.publish.dumps import (
    part_path,
    results_path,
    write_dumps,
    write_parts,
    write_results,
    write_results_part,
)
from pipeline.rdf import to_graph
from pipeline.rdf.serialise import serialise, sorted_triples
from pipeline.settings import Settings, dump_files, validation_files
from tests.sample import clean_report

ROOT = Path(__file__).resolve().parents[2]

_BUILD = """
import sys
from pathlib import Path
from pipeline.settings import Settings, dump_files
from pipeline.publish.dumps import part_path, write_dumps, write_parts
from pipeline.rdf import to_graph
from tests.publish.test_dumps import parts
from tests.sample import clean_report
settings = Settings(out_dir=Path(sys.argv[1]))
write_dumps(*parts(to_graph(clean_report(), settings).graph, Path(sys.argv[1])), settings)
"""

SYNTAXES = {
    "nt": ("nt", ox.RdfFormat.N_TRIPLES),
    "jsonld": ("json-ld", ox.RdfFormat.JSON_LD),
}


def parts(graph: Graph, folder: Path, shared: bool = True) -> tuple[list[Path], list[ox.Triple]]:
    """The graph as the build gives it to `write_dumps`: two reports' parts, each holding
    the triples of its own subjects, and the shared triples (here those about the
    organisation) left for the dump itself."""
    folder.mkdir(parents=True, exist_ok=True)
    subjects = sorted({str(s) for s in graph.subjects()})
    common = {s for s in subjects if "/organisation/" in s} if shared else set()
    halves = [set(subjects[: len(subjects) // 2]), set(subjects[len(subjects) // 2 :])]
    stems = []
    for n, half in enumerate(halves):
        part = Graph()
        for triple in graph:
            if str(triple[0]) in half - common:
                part.add(triple)
        stems.append(folder / f"report-{n}")
        write_parts(sorted_triples([part]), stems[-1])
    rest = Graph()
    for triple in graph:
        if str(triple[0]) in common:
            rest.add(triple)
    return stems, sorted_triples([rest])


def _build(out: Path, seed: str) -> dict[str, bytes]:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    subprocess.run([sys.executable, "-c", _BUILD, str(out)], check=True, cwd=ROOT, env=env)
    return {p.name: p.read_bytes() for p in sorted((out / "data").iterdir())}


def _parse(data: bytes, syntax: str) -> tuple[Graph, Graph]:
    """The bytes as rdflib and as pyoxigraph read them."""
    rdflib_format, ox_format = SYNTAXES[syntax]
    via_rdflib = Graph().parse(data=data.decode("utf-8"), format=rdflib_format)
    via_ox = Graph()
    for quad in ox.parse(data, format=ox_format):
        via_ox.add(tuple(_term(t) for t in (quad.subject, quad.predicate, quad.object)))  # type: ignore[arg-type]
    return via_rdflib, via_ox


def test_dumps_are_published_compressed_only(tmp_path: Path) -> None:
    settings = Settings(out_dir=tmp_path)
    written = write_dumps(
        *parts(to_graph(clean_report(), settings).graph, tmp_path / "p"), settings
    )
    assert {p.name for p in written} == {
        "context.jsonld", "ontology.ttl", "shapes.ttl",
        "dataset.jsonld.gz", "dataset.nt.gz",
    }  # fmt: skip
    # N-Triples is Turtle: no Turtle dump restates it
    assert not (tmp_path / "data" / "dataset.ttl.gz").exists()
    for syntax in SYNTAXES:
        assert not settings.dump_path(syntax).exists()


def test_dumps_are_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    first, second = _build(tmp_path / "a", "1"), _build(tmp_path / "b", "4242")
    assert first == second
    for name, data in first.items():
        if name.endswith(".gz"):
            assert data[4:8] == b"\0\0\0\0", name  # no time stamp in the gzip header


# rdflib's own JSON-LD parser still builds a ConjunctiveGraph internally.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize("shared", [True, False], ids=["with-shared", "reports-only"])
def test_each_dump_parses_to_the_whole_graph_in_rdflib_and_pyoxigraph(
    tmp_path: Path, shared: bool
) -> None:
    settings = Settings(out_dir=tmp_path)
    source = to_graph(clean_report(), settings).graph
    write_dumps(*parts(source, tmp_path / "p", shared), settings)
    for syntax in SYNTAXES:
        packed = (tmp_path / "data" / f"dataset.{syntax}.gz").read_bytes()
        for graph in _parse(gzip.decompress(packed), syntax):
            assert isomorphic(graph, source), syntax


def test_ntriples_hold_each_triple_once_each_part_sorted(tmp_path: Path) -> None:
    settings = Settings(out_dir=tmp_path)
    stems, shared = parts(to_graph(clean_report(), settings).graph, tmp_path / "p")
    write_dumps(stems, shared, settings)
    lines = gzip.decompress((tmp_path / "data" / "dataset.nt.gz").read_bytes()).splitlines()
    assert len(lines) == len(set(lines))
    for stem in stems:
        part = gzip.decompress(part_path(stem, "nt").read_bytes()).splitlines()
        assert part == sorted(part) and part
    for name in ("ontology.ttl", "shapes.ttl"):
        assert len(Graph().parse(tmp_path / "data" / name)) > 100


def test_a_changed_report_changes_only_its_member(tmp_path: Path) -> None:
    """A dump is its parts' bytes joined: an unchanged report's member is copied as it is."""
    settings = Settings(out_dir=tmp_path / "site")
    stems, shared = parts(to_graph(clean_report(), settings).graph, tmp_path / "p")
    write_dumps(stems, shared, settings)
    before = (tmp_path / "site" / "data" / "dataset.jsonld.gz").read_bytes()
    kept = part_path(stems[0], "jsonld").read_bytes()
    changed = sorted_triples(
        [Graph().add((URIRef("https://e.org/x"), URIRef("https://e.org/p"), Literal("1")))]
    )
    write_parts(changed, stems[1])
    write_dumps(stems, shared, settings)
    after = (tmp_path / "site" / "data" / "dataset.jsonld.gz").read_bytes()
    assert after != before and kept in before and kept in after
    assert b"https://e.org/x" in gzip.decompress(after)


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_a_dump_past_the_file_limit_is_split_into_complete_documents(tmp_path: Path) -> None:
    """GitHub Pages refuses files over 100 MB: a dump that would pass the limit is split at
    member boundaries into numbered parts, each a document of its own."""
    settings = Settings(out_dir=tmp_path / "site")
    source = to_graph(clean_report(), settings).graph
    stems, shared = parts(source, tmp_path / "p")
    # Room for the largest member and the JSON-LD frame: no file can hold less.
    limit = max(part_path(s, x).stat().st_size for s in stems for x in SYNTAXES) + 400
    written = {p.name for p in write_dumps(stems, shared, settings, limit=limit)}
    data = tmp_path / "site" / "data"
    for syntax in SYNTAXES:
        files = dump_files(data, syntax)
        assert [f.name for f in files] == [
            f"dataset.part-{n:03d}.{syntax}.gz" for n in range(1, len(files) + 1)
        ]
        assert len(files) >= 2 and {f.name for f in files} <= written
        assert not (data / f"dataset.{syntax}.gz").exists()
        union = Graph()
        for path in files:
            assert path.stat().st_size <= limit, path.name
            for graph in _parse(gzip.decompress(path.read_bytes()), syntax):
                union += graph
        assert isomorphic(union, source), syntax


def _term(term: object) -> URIRef | Literal:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)  # rdflib keeps plain and xsd:string literals apart
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _results(n: int, count: int) -> list[ox.Triple]:
    """`count` made-up SHACL results of report `n`, sorted as a worker gives them."""
    report = URIRef(f"https://e.org/id/report/r{n}#validation")
    graph = Graph()
    for i in range(1, count + 1):
        result = URIRef(f"{report}-{i}")
        graph.add((report, URIRef("http://www.w3.org/ns/shacl#result"), result))
        graph.add((result, URIRef("https://e.org/message"), Literal(f"finding {i} of r{n}")))
    return sorted_triples([graph])


def test_validation_results_are_published_compressed_one_member_a_report(
    tmp_path: Path,
) -> None:
    """The SHACL results are published as the dumps are: the cross-report results first,
    then each report's part as its worker wrote it, byte for byte."""
    stems = [tmp_path / "p" / f"r{n}" for n in range(3)]
    stems[0].parent.mkdir()
    for n, stem in enumerate(stems):
        write_results_part(_results(n, n + 1), stem)
    data = tmp_path / "data"
    data.mkdir()
    written = write_results(stems, serialise(_results(9, 1), "nt"), data)
    assert (
        [p.name for p in written]
        == ["validation.nt.gz"]
        == [p.name for p in validation_files(data)]
    )
    published = written[0].read_bytes()
    assert all(results_path(stem).read_bytes() in published for stem in stems)
    lines = gzip.decompress(published).decode("utf-8").splitlines()
    # 2 triples a result: the cross-report one, then 1, 2 and 3 of the reports in order
    assert len(lines) == 2 * (1 + 1 + 2 + 3) == len(set(lines))
    assert "r9" in lines[0] and "r2" in lines[-1]
    assert len(Graph().parse(data=gzip.decompress(published).decode(), format="nt")) == 14


def test_validation_results_past_the_file_limit_are_split(tmp_path: Path) -> None:
    stems = [tmp_path / f"r{n}" for n in range(4)]
    for n, stem in enumerate(stems):
        write_results_part(_results(n, 50), stem)
    limit = max(results_path(stem).stat().st_size for stem in stems) + 10
    written = write_results(stems, serialise(_results(9, 2), "nt"), tmp_path, limit=limit)
    files = validation_files(tmp_path)
    assert files == written and len(files) >= 2
    assert [f.name for f in files] == [
        f"validation.part-{n:03d}.nt.gz" for n in range(1, len(files) + 1)
    ]
    union = Graph()
    for path in files:
        assert path.stat().st_size <= limit
        union.parse(data=gzip.decompress(path.read_bytes()).decode(), format="nt")
    assert len(union) == 2 * (2 + 4 * 50)
