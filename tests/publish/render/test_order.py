"""What the pages show of a graph does not depend on the order its store gives triples in
(the summary graph's store gives them in the order of its terms' numbers)."""

from __future__ import annotations

from rdflib import Graph, URIRef

from pipeline.publish.compact import CompactStore
from pipeline.publish.render.listings import legal_form
from pipeline.publish.render.views import sorted_by_iri
from pipeline.rdf.namespaces import LEGAL_FORM, ROV, new_graph

X, Y = (
    URIRef("https://example.org/id/organisation/x"),
    URIRef("https://example.org/id/organisation/y"),
)


def test_an_organisation_stated_with_two_legal_forms_shows_the_same_one_in_any_store() -> None:
    # Report 1 says Y is an association; report 2 says X is a foundation, report 3 that
    # X is an association. rdflib's store gives X's forms in the order they were added
    # (foundation first), the compact store in the order it first saw each term
    # (association first).
    stated = [
        (Y, ROV.orgType, LEGAL_FORM.association),
        (X, ROV.orgType, LEGAL_FORM.foundation),
        (X, ROV.orgType, LEGAL_FORM.association),
    ]
    graphs: list[Graph] = [new_graph("SimpleMemory"), new_graph(CompactStore())]
    for graph in graphs:
        for triple in stated:
            graph.add(triple)
    assert [next(g.objects(X, ROV.orgType)) for g in graphs] == [
        LEGAL_FORM.foundation,
        LEGAL_FORM.association,
    ]
    assert [legal_form(g, X) for g in graphs] == [LEGAL_FORM.association] * 2
    assert legal_form(graphs[0], URIRef("https://example.org/none")) is None


def test_iris_of_the_same_natural_order_are_sorted_by_their_text() -> None:
    one, two = URIRef("https://example.org/id/x-1"), URIRef("https://example.org/id/x-01")
    ten = URIRef("https://example.org/id/x-10")
    assert sorted_by_iri([ten, one, two]) == sorted_by_iri([two, ten, one]) == [two, one, ten]
