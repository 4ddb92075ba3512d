from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from pipeline.rdf import MappedGraph, OrganisationResolver, dataset_graph, to_graph
from pipeline.rdf.namespaces import (
    DCTERMS,
    LP,
    PROV,
    QUALIFIER,
    RDF,
    ROV,
    SCHEMA,
    SKOS,
    XSD,
)
from pipeline.settings import Settings
from tests.sample import SOURCE, clean_report, span

BASE = "https://example.org/"
PAGE = BASE + "id/report/900-sample"
REPORTS = Path(__file__).resolve().parents[2] / "reports"


def mapped() -> MappedGraph:
    return to_graph(clean_report(), Settings(base_iri=BASE))


def test_amounts_are_exact_decimals_in_a_cube() -> None:
    g = mapped().graph
    amount = URIRef(PAGE + "#funding-1-actual-civil-society")
    assert g.value(amount, LP.amount) == Literal("29000.00", datatype=XSD.decimal)
    assert g.value(amount, LP.fundingPeriod) == URIRef(PAGE + "#funding-1")
    assert str(g.value(amount, LP.purpose)).endswith("/purpose#civil-society")


def test_qualified_indicator_gets_inclusive_bounds() -> None:
    g = mapped().graph
    more = URIRef(PAGE + "#year-1-cs-1-indicator-2")
    assert g.value(more, LP.qualifier) == QUALIFIER["more-than"]
    assert g.value(more, SCHEMA.minValue) == Literal(671, datatype=XSD.integer)
    assert g.value(more, SCHEMA.maxValue) is None
    exact = URIRef(PAGE + "#year-1-cs-1-indicator-1")
    assert g.value(exact, SCHEMA.minValue) == g.value(exact, SCHEMA.maxValue) == Literal(3)


def test_every_fact_points_at_its_exact_source_text() -> None:
    m = mapped()
    fact = URIRef(PAGE + "#year-1-cs-1-indicator-2")
    where = span("vairāk nekā 670 dalībnieki")
    span_iri = m.graph.value(fact, PROV.wasDerivedFrom)
    assert span_iri == URIRef(f"{BASE}source/900-sample#char={where.start},{where.end}")
    assert (span_iri, RDF.type, LP.SourceSpan) in m.graph
    assert m.graph.value(span_iri, LP.line) == Literal(where.line, datatype=XSD.positiveInteger)
    assert m.graph.value(span_iri, LP.endLine) is None  # on one line
    assert m.graph.value(span_iri, DCTERMS.isPartOf) == URIRef(BASE + "source/900-sample")
    assert str(m.graph.value(span_iri, RDF.value)) == "vairāk nekā 670 dalībnieki"
    assert m.sources.locate(str(fact)) == where


def _spans_read_back(graph: Graph, document: str, text: str) -> int:
    """Read every span of `graph` as RFC 5147 defines its fragment, against the text as
    the test loaded it: code points start..end, lines counted in the text. Returns how
    many run over more than one line."""
    spans = {p for p in graph.objects(None, PROV.wasDerivedFrom) if "#char=" in str(p)}
    assert len(spans) > 20
    assert spans == set(graph.subjects(RDF.type, LP.SourceSpan))
    ran_on = 0
    for span_iri in spans:
        where, _, fragment = str(span_iri).partition("#char=")
        assert where == document
        assert graph.value(span_iri, DCTERMS.isPartOf) == URIRef(document)
        start, end = (int(n) for n in fragment.split(","))
        assert str(graph.value(span_iri, RDF.value)) == text[start:end]
        first, last = text.count("\n", 0, start) + 1, text.count("\n", 0, end) + 1
        assert graph.value(span_iri, LP.line) == Literal(first, datatype=XSD.positiveInteger)
        stated = graph.value(span_iri, LP.endLine)
        assert stated == (Literal(last, datatype=XSD.positiveInteger) if last != first else None)
        ran_on += last != first
    return ran_on


def test_every_span_is_the_text_its_rfc_5147_fragment_selects() -> None:
    assert _spans_read_back(mapped().graph, BASE + "source/900-sample", SOURCE) == 0


@pytest.mark.skipif(not REPORTS.is_dir(), reason="bundled reports not present")
def test_a_span_that_runs_on_says_its_last_line() -> None:
    from pipeline.parse import parse_report

    path = REPORTS / "000_f25f87058009babf.txt"
    report = parse_report(path).report
    assert report is not None
    graph = to_graph(report, Settings(base_iri=BASE)).graph
    document = BASE + "source/000-f25f87058009babf"
    # The published text is the file as written (UTF-8, no byte-order mark, "\n" ends).
    text = path.read_bytes().decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    assert _spans_read_back(graph, document, text) > 0
    # The report's own span, its heading, runs from "Kopsavilkums" on line 3 (after two
    # empty lines) to "(2022-2025)" on line 8.
    end = text.index("(2022-2025)") + len("(2022-2025)")
    heading = URIRef(f"{document}#char=2,{end}")
    assert (
        graph.value(URIRef(BASE + "id/report/000-f25f87058009babf"), PROV.wasDerivedFrom) == heading
    )
    assert graph.value(heading, LP.line) == Literal(3, datatype=XSD.positiveInteger)
    assert graph.value(heading, LP.endLine) == Literal(8, datatype=XSD.positiveInteger)


def test_facts_read_from_the_same_words_share_one_span() -> None:
    g = mapped().graph
    agreement, period = URIRef(PAGE + "#agreement"), URIRef(PAGE + "#agreement-period")
    where = span("2022.gada 15.jūlijs līdz 2024.gada 14.jūlijs")
    shared = URIRef(f"{BASE}source/900-sample#char={where.start},{where.end}")
    assert g.value(agreement, PROV.wasDerivedFrom) == g.value(period, PROV.wasDerivedFrom) == shared
    assert len(list(g.triples((shared, LP.line, None)))) == 1


def test_region_of_the_title_is_located_in_the_title() -> None:
    m = mapped()
    assert m.sources.locate(PAGE, str(DCTERMS.spatial)) == span("Zemgales reģionā")


def test_graph_has_no_blank_nodes_and_is_deterministic() -> None:
    first, second = mapped().graph, mapped().graph
    assert not any(isinstance(t, BNode) for triple in first for t in triple)
    assert set(first) == set(second)


def test_registration_number_is_kept_as_a_string_identifier() -> None:
    g = mapped().graph
    org = URIRef(BASE + "id/organisation/lv-re-40008000001")
    identifier = g.value(org, ROV.registration)
    assert g.value(identifier, SKOS.notation) == Literal("40008000001")
    assert g.value(identifier, DCTERMS.identifier) == Literal("LV-RE-40008000001")


@pytest.mark.skipif(not REPORTS.is_dir(), reason="bundled reports not present")
def test_same_ngo_across_reports_is_one_resource_and_the_ministry_is_one() -> None:
    from pipeline.parse import parse_report

    reports = tuple(
        parsed.report
        for parsed in (
            parse_report(REPORTS / name)
            for name in ("000_f25f87058009babf.txt", "001_ff4e21f18d3948dd.txt")
        )
        if parsed.report is not None
    )
    settings = Settings(base_iri=BASE)
    resolver = OrganisationResolver(reports)
    graphs = [to_graph(r, settings, resolver) for r in reports]
    implementers = [
        g.graph.value(URIRef(f"{BASE}id/report/{g.key}#agreement"), LP.implementer) for g in graphs
    ]
    assert implementers == [URIRef(BASE + "id/organisation/lv-re-40008055327")] * 2
    # 001 never states the number: its own graph must not claim it.
    assert graphs[1].graph.value(implementers[1], ROV.registration) is None
    merged = dataset_graph(graphs, settings).graph
    assert len(set(merged.objects(implementers[0], ROV.registration))) == 1
    publishers = {
        g.graph.value(URIRef(f"{BASE}id/report/{g.key}"), DCTERMS.publisher) for g in graphs
    }
    agents = {
        g.graph.value(URIRef(f"{BASE}id/report/{g.key}#agreement"), LP.delegatingAuthority)
        for g in graphs
    }
    assert publishers == agents == {URIRef(BASE + "id/organisation/kulturas-ministrija")}
    assert (implementers[0], RDF.type, ROV.RegisteredOrganization) in merged


def test_a_name_iri_stays_when_a_number_becomes_known() -> None:
    """Published under its name while no report gave its number, an organisation keeps
    that IRI once a number is known: the name IRI is replaced by (points to) the new one."""
    from rdflib import URIRef

    from pipeline.parse import parse_report
    from pipeline.rdf import OrganisationResolver, dataset_graph, to_graph
    from pipeline.rdf.namespaces import DCTERMS
    from pipeline.settings import Settings
    from tests.conftest import REPORTS

    settings = Settings()
    older = parse_report(
        REPORTS / "001_ff4e21f18d3948dd.txt", "reports/001_ff4e21f18d3948dd.txt"
    ).report
    newer = parse_report(
        REPORTS / "000_f25f87058009babf.txt", "reports/000_f25f87058009babf.txt"
    ).report
    assert older is not None and newer is not None
    base = settings.base_iri + "id/organisation/"
    # 001 alone names the NGO without a number (line 7): keyed by its name
    alone = to_graph(older, settings)
    assert (None, None, URIRef(base + "dienvidlatgales-nvo-atbalsta-centrs")) in alone.graph
    # with 000, which gives 40008055327 (line 11), the organisation is keyed by number ...
    resolver = OrganisationResolver((older, newer))
    both = [to_graph(r, settings, resolver) for r in (older, newer)]
    shared = dataset_graph(both, settings).graph
    # ... and the name IRI published before still resolves, to the numbered organisation
    assert shared.value(
        URIRef(base + "dienvidlatgales-nvo-atbalsta-centrs"), DCTERMS.isReplacedBy
    ) == URIRef(base + "lv-re-40008055327")


def test_a_stated_irregular_expenditure_is_an_amount_at_its_line() -> None:
    """quirks_riga_table.txt, line 30: "1 250,00 euro – neattiecināmi izdevumi par telpu
    nomu, …"; line 31 says "Nav" for the unrecovered amount, a reported zero."""
    from pipeline.parse import parse_report
    from pipeline.rdf.namespaces import AMOUNT_TYPE

    path = Path(__file__).parents[1] / "fixtures" / "reports" / "unseen" / "quirks_riga_table.txt"
    report = parse_report(path, "unseen/quirks_riga_table.txt").report
    assert report is not None
    mapped = to_graph(report, Settings())
    graph = mapped.graph
    amounts = {
        graph.value(node, LP.amountType): node
        for node in graph.subjects(LP.amountType, None)
        if graph.value(node, LP.amountType) in (AMOUNT_TYPE.irregular, AMOUNT_TYPE.unrecovered)
    }
    irregular, unrecovered = amounts[AMOUNT_TYPE.irregular], amounts[AMOUNT_TYPE.unrecovered]
    assert graph.value(irregular, LP.amount) == Literal("1250.00", datatype=XSD.decimal)
    assert str(graph.value(irregular, LP.asWritten)).startswith("1 250,00")
    assert mapped.sources.locate(str(irregular)).line == 30
    assert graph.value(unrecovered, LP.amount) == Literal("0.00", datatype=XSD.decimal)
    assert mapped.sources.locate(str(unrecovered)).line == 31


def test_the_text_is_identified_by_its_file_name_not_the_folder_it_was_read_from() -> None:
    from dataclasses import replace

    from pipeline.rdf.namespaces import DCTERMS

    settings = Settings()
    graphs = [
        to_graph(replace(clean_report(), file=name), settings).graph
        for name in ("/home/anna/kopsavilkumi/900-sample.txt", "900-sample.txt")
    ]
    source = URIRef(settings.base_iri + "source/900-sample")
    assert [g.value(source, DCTERMS.identifier) for g in graphs] == [Literal("900-sample.txt")] * 2
    # the same report read from another folder is the same data
    assert graphs[0].isomorphic(graphs[1])
