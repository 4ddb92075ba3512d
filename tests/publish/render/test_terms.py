"""Labels of resources: names in both languages, and an unnamed fragment called after its
type, whichever graph states the type and in whatever order."""

from __future__ import annotations

import itertools

from rdflib import Graph, Literal, URIRef

from pipeline.publish.compact import CompactStore
from pipeline.publish.render.paths import SitePaths
from pipeline.publish.render.rdfio import Slicer
from pipeline.publish.render.views import Label, Terms
from pipeline.rdf.namespaces import LP, RDF, RDFS, SKOS, new_graph

BASE = "https://w3id.org/lodpipe/"
REPORT = URIRef(f"{BASE}id/report/r1")
YEAR = URIRef(f"{REPORT}#year-2")
OTHER = URIRef("http://example.org/vocab#Thing")
TYPES = [
    (YEAR, RDF.type, LP.ImplementationYear),
    (YEAR, RDF.type, LP.FundingPeriod),
    (YEAR, RDF.type, OTHER),
]


def _vocabulary() -> Graph:
    vocabulary = Graph()
    vocabulary.add((LP.ImplementationYear, SKOS.prefLabel, Literal("īstenošanas gads", lang="lv")))
    vocabulary.add(
        (LP.ImplementationYear, SKOS.prefLabel, Literal("implementation year", lang="en"))
    )
    vocabulary.add((LP.FundingPeriod, SKOS.prefLabel, Literal("finansējuma periods", lang="lv")))
    vocabulary.add((OTHER, RDFS.label, Literal("thing", lang="en")))
    return vocabulary


def _terms(*graphs: Graph) -> Terms:
    return Terms(graphs, SitePaths(BASE), {str(REPORT)})


def test_an_unnamed_fragment_is_called_after_the_first_of_our_types() -> None:
    """Ours before others', then the first in IRI order (FundingPeriod < ImplementationYear),
    from any graph and in any order the triples come in."""
    expected = Label("finansējuma periods · year-2", "finansējuma periods · year-2")
    for order in itertools.permutations(TYPES):
        for split in range(len(order) + 1):
            data, more = new_graph(CompactStore()), Graph()
            for triple in order[:split]:
                data.add(triple)
            for triple in order[split:]:
                more.add(triple)
            assert _terms(_vocabulary(), data, more).label(str(YEAR)) == expected


def test_a_fragment_typed_only_with_a_class_of_others_is_called_after_it() -> None:
    data = Graph()
    data.add((YEAR, RDF.type, OTHER))
    assert _terms(_vocabulary(), data).label(str(YEAR)) == Label("thing · year-2", "thing · year-2")


def test_names_come_before_types_and_unnamed_things_get_their_short_name() -> None:
    data = Graph()
    data.add((YEAR, RDF.type, LP.ImplementationYear))
    data.add((REPORT, RDF.type, LP.ImplementationYear))  # a document, not a fragment
    named = URIRef(f"{REPORT}#year-1")
    data.add((named, RDF.type, LP.ImplementationYear))
    data.add((named, RDFS.label, Literal("pirmais gads", lang="lv")))
    terms = _terms(_vocabulary(), data)
    assert terms.label(str(YEAR)) == Label(
        "īstenošanas gads · year-2", "implementation year · year-2"
    )
    assert terms.label(str(named)) == Label("pirmais gads", "pirmais gads")
    assert terms.label(str(REPORT)) == Label("id/report/r1", "id/report/r1")
    untyped = f"{REPORT}#funding-9"
    assert terms.label(untyped) == Label("id/report/r1#funding-9", "id/report/r1#funding-9")


def test_a_fragment_whose_first_type_has_no_name_gets_its_short_name() -> None:
    """The type it is called after is the first one, named or not: a later, named type
    does not stand in for it."""
    data = Graph()
    data.add((YEAR, RDF.type, LP.Aaa))  # ours, first in IRI order, without a name
    data.add((YEAR, RDF.type, LP.ImplementationYear))
    short = "id/report/r1#year-2"
    assert _terms(_vocabulary(), data).label(str(YEAR)) == Label(short, short)


def test_a_label_shows_the_first_name_in_latvian_then_without_a_language_then_english() -> None:
    data = Graph()
    both, plain, english, german = (URIRef(f"{REPORT}#{n}") for n in ("a", "b", "c", "d"))
    for name, lang in (("Zeta", "lv"), ("Alfa", "lv"), ("Beta", "en"), ("Aaa", "de")):
        data.add((both, SKOS.prefLabel, Literal(name, lang=lang)))
    data.add((plain, RDFS.label, Literal("bez valodas")))
    data.add((plain, RDFS.label, Literal("in English", lang="en")))
    data.add((english, RDFS.label, Literal("only English", lang="en")))
    data.add((german, RDFS.label, Literal("nur Deutsch", lang="de")))
    terms = _terms(data)
    assert terms.label(str(both)) == Label("Alfa", "Beta")
    assert terms.label(str(plain)) == Label("bez valodas", "in English")
    assert terms.label(str(english)) == Label("only English", "only English")
    # named, though in no language a label shows: its short name
    assert terms.has_label(str(german))
    assert terms.label(str(german)) == Label("id/report/r1#d", "id/report/r1#d")


def test_the_labels_keep_the_graphs_own_names_not_copies() -> None:
    """At archive scale there are hundreds of thousands of names: the graph holds each
    already."""
    data = new_graph(CompactStore())
    data.add((REPORT, RDFS.label, Literal("Pārskats", lang="lv")))
    held = data.value(REPORT, RDFS.label)
    terms = _terms(data)
    assert terms.label(str(REPORT)) == Label("Pārskats", "Pārskats")
    assert any(name is held for name in terms._names[str(REPORT)])


def test_a_slicer_given_the_nodes_slices_as_one_reading_every_triple() -> None:
    """The cross-report pages' slicer looks up only the nodes on its pages (their subjects'
    and objects' triples): the slices are those of a pass over every triple."""
    base = "https://w3id.org/lodpipe/id/"
    org, place = f"{base}organisation/a", f"{base}place/b"
    graph = new_graph(CompactStore())
    for n in range(6):
        report = URIRef(f"{base}report/r{n}#agreement")
        graph.add((report, LP.implementer, URIRef(org)))
        graph.add((report, RDF.type, LP.DelegationAgreement))
        graph.add((URIRef(f"{base}report/r{n}#year-1-cs-{n}"), LP.minority, URIRef(place)))
    graph.add((URIRef(org), LP.name, Literal("A")))
    graph.add((URIRef(f"{org}#lv-re"), LP.notation, Literal("4000")))
    graph.add((URIRef(org), RDF.type, URIRef(place)))  # a type is not a link to a page
    other = f"{base}place/c"  # on a page, but only ever a type: no slice
    graph.add((URIRef(org), RDF.type, URIRef(other)))
    pages = {org: "id/organisation/a.html", place: "id/place/b.html", other: "id/place/c.html"}
    full = Slicer(graph, pages)
    fast = Slicer(graph, pages, graph.store.nodes())  # type: ignore[attr-defined]
    assert fast.documents() == full.documents() == {org, place}
    for doc in (org, place):
        assert fast.own(doc) == full.own(doc)
        assert fast.inbound(doc) == full.inbound(doc)
    assert len(fast.inbound(org)) == 6 and len(fast.own(org)) == 4
    assert len(fast.inbound(place)) == 6


def test_a_texts_alternates_describe_the_original_published_beside_it() -> None:
    """`source/<key>.pdf` is a file, not a page: its description is in its text's
    alternates, or no page's alternates would hold it."""
    base = "https://w3id.org/lodpipe/"
    text, original = f"{base}source/r1", URIRef(f"{base}source/r1.pdf")
    graph = new_graph(CompactStore())
    graph.add((original, LP.mediaType, Literal("application/pdf")))
    graph.add((original, LP.checksum, URIRef(f"{text}#sha256-pdf")))
    graph.add((URIRef(f"{text}#sha256-pdf"), LP.value, Literal("ab12")))
    graph.add((URIRef(text), LP.original, original))
    # neither a page's file nor a page: a dump's file, a term elsewhere
    graph.add((URIRef(f"{base}data/dataset.nt.gz"), LP.mediaType, Literal("x")))
    pages = {text: "source/r1.html"}
    full = Slicer(graph, pages)
    fast = Slicer(graph, pages, graph.store.nodes())  # type: ignore[attr-defined]
    for slicer in (full, fast):
        described = slicer.concise(text)
        assert {t for t in graph if t[0] != URIRef(f"{base}data/dataset.nt.gz")} == described
        # the page's own view is unchanged: the original is what it links to
        assert (original, LP.mediaType, Literal("application/pdf")) not in slicer.own(text)
