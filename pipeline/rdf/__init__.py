"""Reports as RDF: one graph per report, plus one small graph for what reports share.

`to_graph` maps ONE report (its graph can be built, validated and serialised on its own);
`dataset_graph` holds the cross-report part (organisations merged, the Ministry).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, Literal

from pipeline.model import Report
from pipeline.rdf.contract import map_contract_totals
from pipeline.rdf.funding import map_funding
from pipeline.rdf.iris import Iris, report_key, slug
from pipeline.rdf.mapping import Context, OrganisationResolver, map_ministry, map_report
from pipeline.rdf.namespaces import DCTERMS, RDF, ROV, SKOS, new_graph
from pipeline.rdf.provenance import SourceIndex
from pipeline.rdf.sources import map_source_document
from pipeline.rdf.years import map_years
from pipeline.settings import Settings

DATASET_KEY = "dataset"


@dataclass(frozen=True, slots=True)
class MappedGraph:
    """A graph and where its facts came from. `key` is a report key, or "dataset"."""

    key: str
    graph: Graph
    sources: SourceIndex


def to_graph(
    report: Report, settings: Settings, organisations: OrganisationResolver | None = None
) -> MappedGraph:
    """The graph of one report.

    `organisations` (built from all reports with `OrganisationResolver(reports)`) lets a
    report that names its implementer without a registration number link to the
    organisation another report gives the number for. Without it, the report stands alone.
    """
    iris = Iris(settings.base_iri)
    key = report_key(report.file)
    graph = new_graph()
    ctx = Context(
        graph=graph,
        iris=iris,
        page=iris.report(key),
        report=report,
        sources=SourceIndex(),
        organisations=organisations or OrganisationResolver((report,)),
    )
    map_report(ctx)
    map_years(ctx)
    map_source_document(ctx)
    map_funding(ctx)
    map_contract_totals(ctx)
    return MappedGraph(key, graph, ctx.sources)


def dataset_graph(reports: Iterable[MappedGraph], settings: Settings) -> MappedGraph:
    """The cross-report graph: the Ministry and every organisation with everything the
    reports say about it (names, legal form, registration numbers).

    It is small (it grows with organisations, not facts), so the checks that need all
    reports at once (one registration number per organisation) stay cheap.
    """
    graph = new_graph()
    sources = SourceIndex()
    map_ministry(graph, Iris(settings.base_iri))
    for mapped in sorted(reports, key=lambda m: m.key):
        sources = sources.merged(mapped.sources)
        for org in set(mapped.graph.subjects(RDF.type, ROV.RegisteredOrganization)):
            for p, o in mapped.graph.predicate_objects(org):
                graph.add((org, p, o))
            for identifier in mapped.graph.objects(org, ROV.registration):
                for p, o in mapped.graph.predicate_objects(identifier):
                    graph.add((identifier, p, o))
    _keep_name_iris(graph, Iris(settings.base_iri))
    _name_keys(graph)
    return MappedGraph(DATASET_KEY, graph, sources)


def _name_keys(graph: Graph) -> None:
    """Each legal name also as `skos:hiddenLabel` in lower case (a search form, never
    shown), so that finding two organisations with one name is a join on equal labels:
    comparing every organisation's names with every other's grew with their square."""
    for org in set(graph.subjects(RDF.type, ROV.RegisteredOrganization)):
        for name in list(graph.objects(org, ROV.legalName)):
            graph.add((org, SKOS.hiddenLabel, Literal(str(name).lower())))


def _keep_name_iris(graph: Graph, iris: Iris) -> None:
    """An organisation is keyed by name until some report gives its registration number;
    its name IRI then stays valid, replaced by the numbered one (dct:isReplacedBy), so no
    IRI that was ever published stops resolving. Stateless: every numbered organisation
    keeps its name IRIs, whether or not they were ever used."""
    for org in sorted(graph.subjects(RDF.type, ROV.RegisteredOrganization), key=str):
        if not str(org).startswith(str(iris.organisation("lv-re-"))):
            continue
        for name in sorted(graph.objects(org, ROV.legalName), key=str):
            key = slug(str(name))
            if key and iris.organisation(key) != org:
                graph.add((iris.organisation(key), DCTERMS.isReplacedBy, org))


def union(graphs: Iterable[MappedGraph]) -> Graph:
    """All graphs in one (for dumps and whole-dataset checks)."""
    merged = new_graph()
    for mapped in graphs:
        for triple in mapped.graph:
            merged.add(triple)
    return merged


__all__ = [
    "DATASET_KEY",
    "MappedGraph",
    "OrganisationResolver",
    "dataset_graph",
    "to_graph",
    "union",
]
