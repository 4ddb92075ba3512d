from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef

from pipeline.rdf import to_graph
from pipeline.rdf.namespaces import LP, RDF, RDFS, SH, SKOS, VOCAB_ROOT
from pipeline.settings import ONTOLOGY, ONTOLOGY_FILES, SHAPES, SHAPES_FILES, Settings, resource_dir
from tests.sample import clean_report, contradictions

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "shapes"
#: One clean report graph, the valid case of every consistency shape that has no valid.ttl
#: of its own (one source, not a copy per shape).
CLEAN_REPORT = FIXTURES / "clean-report.ttl"
REPORTS = Path(__file__).resolve().parents[1] / "reports"
LPSH = VOCAB_ROOT + "shapes#"


@cache
def ontology() -> Graph:
    graph = Graph()
    for name in ONTOLOGY_FILES:
        graph.parse(resource_dir(ONTOLOGY) / name)
    return graph


@cache
def shapes() -> Graph:
    graph = Graph()
    for name in SHAPES_FILES:
        graph.parse(resource_dir(SHAPES) / name)
    return graph


def _labelled(term: URIRef) -> bool:
    labels = set(ontology().objects(term, RDFS.label)) | set(
        ontology().objects(term, SKOS.prefLabel)
    )
    return {"lv", "en"} <= {label.language for label in labels if isinstance(label, Literal)}


def _data_graphs() -> list[Graph]:
    graphs = [to_graph(report, Settings()).graph for report, _ in contradictions().values()]
    graphs.append(to_graph(clean_report(), Settings()).graph)
    if REPORTS.is_dir():
        from pipeline.parse import parse_report

        for path in sorted(REPORTS.glob("*.txt")):
            parsed = parse_report(path)
            assert parsed.report is not None
            graphs.append(to_graph(parsed.report, Settings()).graph)
    return graphs


def test_every_term_in_the_data_is_declared_with_both_labels() -> None:
    used: set[URIRef] = set()
    for graph in _data_graphs():
        for _, p, o in graph:
            used.add(p)  # type: ignore[arg-type]
            if p == RDF.type or (isinstance(o, URIRef) and str(o).startswith(VOCAB_ROOT)):
                used.add(o)  # type: ignore[arg-type]
    missing = sorted(str(t) for t in used if not _labelled(t))
    assert missing == []


def test_own_terms_have_bilingual_definitions_and_the_header_is_complete() -> None:
    core = URIRef(VOCAB_ROOT + "core")
    for prop in ("versionInfo", "versionIRI"):
        assert ontology().value(core, URIRef("http://www.w3.org/2002/07/owl#" + prop)) is not None
    for prop in ("license", "creator"):
        assert ontology().value(core, URIRef("http://purl.org/dc/terms/" + prop)) is not None
    owl = "http://www.w3.org/2002/07/owl#"
    kinds = [URIRef(owl + k) for k in ("Class", "ObjectProperty", "DatatypeProperty")]
    own = {s for k in kinds for s in ontology().subjects(RDF.type, k) if str(s).startswith(str(LP))}
    assert len(own) > 40
    for term in own:
        langs = {
            d.language for d in ontology().objects(term, SKOS.definition) if isinstance(d, Literal)
        }
        assert {"lv", "en"} <= langs, term
        assert _labelled(term), term


def test_parser_indicator_kinds_and_minorities_are_in_the_schemes() -> None:
    pytest.importorskip("pipeline.parse.mentions")
    from pipeline.parse.mentions import INDICATOR_KINDS
    from pipeline.parse.named import MINORITIES

    for kind in INDICATOR_KINDS:
        assert _labelled(URIRef(f"{VOCAB_ROOT}indicator-kind#{kind}")), kind
    for key, _ in MINORITIES:
        assert _labelled(URIRef(f"{VOCAB_ROOT}minority#{key}")), key


def test_every_shape_has_english_and_latvian_messages() -> None:
    graph = shapes()
    all_shapes = set(graph.subjects(RDF.type, SH.NodeShape)) | set(
        graph.subjects(RDF.type, SH.PropertyShape)
    )
    assert len(all_shapes) > 80
    for shape in all_shapes:
        langs = {m.language for m in graph.objects(shape, SH.message) if isinstance(m, Literal)}
        assert langs == {"en", "lv"}, shape


def test_every_shape_targets_a_declared_class_or_property() -> None:
    graph = shapes()
    for shape in graph.subjects(RDF.type, SH.NodeShape):
        targets = [
            target
            for kind in (SH.targetClass, SH.targetObjectsOf, SH.targetSubjectsOf)
            for target in graph.objects(shape, kind)
        ]
        assert targets, shape
        for target in targets:
            assert _labelled(target), (shape, target)  # type: ignore[arg-type]


def test_every_node_shape_has_a_valid_and_an_invalid_fixture() -> None:
    names = {str(s).removeprefix(LPSH) for s in shapes().subjects(RDF.type, SH.NodeShape)}
    fixtures = {d.name for d in FIXTURES.iterdir() if d.is_dir()}
    assert names == fixtures
    for name in names:
        files = {f.name for f in (FIXTURES / name).iterdir()}
        assert any(f.startswith("invalid") for f in files), name


def _valid_case(shape: str) -> Path:
    own = FIXTURES / shape / "valid.ttl"
    return own if own.is_file() else CLEAN_REPORT


@pytest.mark.parametrize("shape", sorted(d.name for d in FIXTURES.iterdir() if d.is_dir()))
def test_shape_passes_its_valid_case(shape: str) -> None:
    assert _results_from(_valid_case(shape), shape) == set()


def _results_from(fixture: Path, shape: str) -> set[str]:
    data = Graph().parse(fixture)
    _, results, _ = validate(data, shacl_graph=shapes(), inference="none", allow_warnings=True)
    own = {shape} | {str(p) for p in shapes().objects(URIRef(LPSH + shape), SH.property)}
    sources = {str(s) for s in results.objects(None, SH.sourceShape)}
    return {s.removeprefix(LPSH) for s in sources & {LPSH + x.removeprefix(LPSH) for x in own}}


@pytest.mark.parametrize(
    "fixture", sorted(FIXTURES.glob("*/invalid*.ttl")), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_shape_finds_its_invalid_case(fixture: Path) -> None:
    found = _results_from(fixture, fixture.parent.name)
    first = fixture.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: ")
    assert found == set(first.removeprefix("# expect: ").split())
