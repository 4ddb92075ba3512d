from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from pipeline.publish.dumps import write_dumps
from pipeline.rdf import to_graph
from pipeline.rdf.serialise import serialise, sorted_triples
from pipeline.settings import Settings
from tests.sample import clean_report

ROOT = Path(__file__).resolve().parents[2]

_BUILD = """
import sys
from pathlib import Path
from pipeline.settings import Settings
from pipeline.publish.dumps import write_dumps
from pipeline.rdf import to_graph
from tests.publish.test_dumps import chunks
from tests.sample import clean_report
settings = Settings(out_dir=Path(sys.argv[1]))
write_dumps(chunks(to_graph(clean_report(), settings).graph, Path(sys.argv[1])), settings)
"""


def chunks(graph: Graph, folder: Path) -> list[Path]:
    """The graph as the build gives it to `write_dumps`: sorted N-Triples chunks, here two
    that overlap (a triple two reports state is in both of their chunks)."""
    triples = sorted(graph, key=str)
    middle = len(triples) // 2
    parts = [triples[: middle + 10], triples[middle - 10 :]]
    paths = []
    for n, part in enumerate(parts):
        chunk = Graph()
        for triple in part:
            chunk.add(triple)
        path = folder / f"chunk-{n}.nt"
        folder.mkdir(parents=True, exist_ok=True)
        path.write_bytes(serialise(sorted_triples([chunk]), "nt"))
        paths.append(path)
    return paths


def _build(out: Path, seed: str) -> dict[str, bytes]:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    subprocess.run([sys.executable, "-c", _BUILD, str(out)], check=True, cwd=ROOT, env=env)
    return {p.name: p.read_bytes() for p in sorted((out / "data").iterdir())}


def test_the_dump_of_chunks_is_the_dump_of_their_union(tmp_path: Path) -> None:
    settings = Settings(out_dir=tmp_path)
    source = to_graph(clean_report(), settings).graph
    write_dumps(chunks(source, tmp_path / "chunks"), settings)
    whole = serialise(sorted_triples([source]), "nt")
    assert settings.dump_path("nt").read_bytes() == whole
    assert settings.dump_path("ttl").read_bytes() == serialise(sorted_triples([source]), "ttl")


def test_dumps_are_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    first, second = _build(tmp_path / "a", "1"), _build(tmp_path / "b", "4242")
    assert set(first) == {
        "context.jsonld", "dataset.jsonld", "dataset.nt", "dataset.ttl", "ontology.ttl", "shapes.ttl",
        "dataset.jsonld.gz", "dataset.nt.gz", "dataset.ttl.gz",
    }  # fmt: skip
    assert first == second


# rdflib's own JSON-LD parser still builds a ConjunctiveGraph internally.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_dumps_parse_to_isomorphic_graphs_in_rdflib_and_pyoxigraph(tmp_path: Path) -> None:
    settings = Settings(out_dir=tmp_path)
    source = to_graph(clean_report(), settings).graph
    write_dumps(chunks(source, tmp_path / "chunks"), settings)
    formats = {"nt": ("nt", ox.RdfFormat.N_TRIPLES), "ttl": ("turtle", ox.RdfFormat.TURTLE),
               "jsonld": ("json-ld", ox.RdfFormat.JSON_LD)}  # fmt: skip
    for ext, (rdflib_format, ox_format) in formats.items():
        path = settings.dump_path(ext)
        parsed = Graph().parse(path, format=rdflib_format)
        assert isomorphic(parsed, source), ext
        via_ox = Graph()
        for quad in ox.parse(path=str(path), format=ox_format):
            via_ox.add(tuple(_term(t) for t in (quad.subject, quad.predicate, quad.object)))  # type: ignore[arg-type]
        assert isomorphic(via_ox, source), ext


def test_ntriples_are_sorted_lines_and_vocabulary_files_parse(tmp_path: Path) -> None:
    settings = Settings(out_dir=tmp_path)
    write_dumps(chunks(to_graph(clean_report(), settings).graph, tmp_path / "chunks"), settings)
    lines = settings.dump_path("nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(lines))
    for name in ("ontology.ttl", "shapes.ttl"):
        assert len(Graph().parse(tmp_path / "data" / name)) > 100


def _term(term: object) -> URIRef | Literal:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)  # rdflib keeps plain and xsd:string literals apart
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def test_dumps_are_also_published_compressed_and_a_large_one_only_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GitHub Pages refuses files over 100 MB: a dump past the limit is published only as
    its gzip copy, which holds the same bytes and is itself the same bytes every build."""
    import gzip

    from pipeline.publish import dumps

    chunk = tmp_path / "chunk.nt"
    chunk.write_text(
        "".join(f'<https://e.org/s{n}> <https://e.org/p> "{n}" .\n' for n in range(2000)),
        encoding="utf-8",
    )
    small = Settings(out_dir=tmp_path / "small")
    written = {p.name for p in dumps.write_dumps([chunk], small)}
    assert {"dataset.nt", "dataset.nt.gz", "dataset.ttl.gz", "dataset.jsonld.gz"} <= written
    nt = small.dump_path("nt").read_bytes()
    packed = (small.out_dir / "data" / "dataset.nt.gz").read_bytes()
    assert gzip.decompress(packed) == nt and packed[4:8] == b"\0\0\0\0"  # no time stamp
    monkeypatch.setattr(dumps, "MAX_PUBLISHED_FILE", len(nt) - 1)
    large = Settings(out_dir=tmp_path / "large")
    written = {p.name for p in dumps.write_dumps([chunk], large)}
    assert "dataset.nt" not in written and not large.dump_path("nt").exists()
    assert (large.out_dir / "data" / "dataset.nt.gz").read_bytes() == packed
