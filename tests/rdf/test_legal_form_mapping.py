"""A company's legal form in the graph: the concept of the legal-form scheme, allowed by the
organisation's shape, labelled in both languages, and no NGO type for a company."""

from __future__ import annotations

from functools import cache

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection

from pipeline.model import LegalForm, Severity
from pipeline.rdf import MappedGraph, to_graph
from pipeline.rdf.namespaces import LEGAL_FORM, LPSH, RDF, ROV, SCHEMA, SH, SKOS
from pipeline.settings import ONTOLOGY, SHAPES, Settings, resource_dir
from pipeline.validate import Shapes, load_shapes, validate_graph
from tests.conftest import FIXTURES, MINIMAL, parse_text

SETTINGS = Settings()
CELL = "Biedrība „Vidzemes NVO tīkls”, reģistrācijas Nr.40008000001"
COMPANY = LEGAL_FORM["limited-liability-company"]


@cache
def _shapes() -> Shapes:
    return load_shapes()


def _mapped(text: str, name: str) -> tuple[MappedGraph, URIRef]:
    report = parse_text(text, name).report
    assert report is not None
    mapped = to_graph(report, SETTINGS)
    (org,) = set(mapped.graph.subjects(RDF.type, ROV.RegisteredOrganization))
    assert isinstance(org, URIRef)
    return mapped, org


@pytest.mark.parametrize(
    "name",
    [
        "minimal.txt with an SIA",
        # "SIA „Kopienu konsultācijas”, Reģ. Nr. LV40103982164 (turpmāk – īstenotājs)"
        "unseen/vidzeme_company_letterhead_footnotes.txt",
    ],
)
def test_an_sia_implementer_is_the_company_concept_and_no_shape_is_violated(name: str) -> None:
    if name.startswith("minimal"):
        text = MINIMAL.read_text(encoding="utf-8")
        assert text.count(CELL) == 1
        text = text.replace(CELL, "SIA „Vidzemes kopienu birojs”, reģistrācijas Nr.40103982164")
    else:
        text = (FIXTURES / "reports" / name).read_text(encoding="utf-8")
    mapped, org = _mapped(text, name.split("/")[-1])
    assert list(mapped.graph.objects(org, ROV.orgType)) == [COMPANY]
    assert (org, RDF.type, SCHEMA.NGO) not in mapped.graph
    result = validate_graph(mapped, SETTINGS, _shapes())
    assert [p for p in result.problems if p.severity is Severity.ERROR] == []
    assert result.conforms


def test_an_association_stays_an_ngo() -> None:
    mapped, org = _mapped(MINIMAL.read_text(encoding="utf-8"), "minimal.txt")
    assert list(mapped.graph.objects(org, ROV.orgType)) == [LEGAL_FORM.association]
    assert (org, RDF.type, SCHEMA.NGO) in mapped.graph


def test_every_legal_form_is_a_labelled_concept_the_organisation_shape_allows() -> None:
    schemes = Graph().parse(resource_dir(ONTOLOGY) / "schemes.ttl")
    shapes = Graph().parse(resource_dir(SHAPES) / "structure.ttl")
    allowed = set(
        Collection(shapes, shapes.value(LPSH["Organisation-form"], SH["in"]))  # type: ignore[arg-type]
    )
    concepts = {c for c in schemes.subjects(SKOS.inScheme, URIRef(str(LEGAL_FORM)[:-1]))}
    forms = {LEGAL_FORM[form.value] for form in LegalForm}
    assert forms == concepts == allowed
    for concept in concepts:
        labels = {
            label.language
            for label in schemes.objects(concept, SKOS.prefLabel)
            if isinstance(label, Literal)
        }
        assert labels == {"lv", "en"}, concept
    assert (COMPANY, SKOS.prefLabel, Literal("sabiedrība ar ierobežotu atbildību", lang="lv")) in (
        schemes
    )
