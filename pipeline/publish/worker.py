"""One report's work, done in a worker process: map, validate, and write that report's own
pages, alternates, source text and sorted part of the dump; return what was written.

The main process never holds a report's whole graph. What the cross-report pages
(organisations, places, listings, money, quality, search, vocabulary) need from a report
is written beside the report's files as its `ReportSummary`: the triples those pages read
(a few hundred of a report's thousands), the triples that point into other pages, and
counts (`tallies`: its activities, indicator values and money, which the cross-report
pages only count and sum)."""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.term import Node

from pipeline.model import Implementer, Parsed, Problem
from pipeline.publish import pickling
from pipeline.publish.dumps import DumpStatistics, write_parts, write_results_part
from pipeline.publish.render import SiteInput, read_turtle, render_documents
from pipeline.publish.render.tallies import Tally, tallies
from pipeline.publish.tables import write_table_parts
from pipeline.rdf import MappedGraph, OrganisationResolver, to_graph
from pipeline.rdf.iris import Iris, report_key
from pipeline.rdf.mapping import map_ministry
from pipeline.rdf.namespaces import (
    DCAT,
    DCTERMS,
    LP,
    QB,
    RDF,
    RDFS,
    ROV,
    SCHEMA,
    SKOS,
    VOCAB_ROOT,
    new_graph,
)
from pipeline.rdf.provenance import SourceIndex
from pipeline.rdf.serialise import sorted_triples
from pipeline.read import Origin
from pipeline.settings import ONTOLOGY, SHAPES, Settings, resource_dir
from pipeline.validate import Shapes, load_shapes, validate_graph

#: The predicates the cross-report pages read (listings, money, home counts, labels).
SUMMARY_PREDICATES = frozenset(
    {
        SKOS.prefLabel,
        RDFS.label,
        ROV.legalName,
        ROV.orgType,
        DCTERMS.title,
        LP.reportsOn,
        LP.implementer,
        DCTERMS.spatial,
        DCTERMS.temporal,
        DCAT.startDate,
        DCAT.endDate,
        LP.implementationYear,
        SKOS.notation,
        LP.ordinal,
    }
)
#: PROV types (of the report, its text and its original); no cross-report page reads them.
_PROVENANCE = "http://www.w3.org/ns/prov#"
#: Indicator values and amounts are counted and summed in the report's `Tally` instead
#: (they were most of a summary).
_TALLIED = frozenset(
    {LP.IndicatorValue, SCHEMA.QuantitativeValue, LP.FundingAmount, QB.Observation}
)
#: The spans facts were read from (one per fact read, described on the report's own source
#: page): typed, but no cross-report page reads them.
_UNREAD = _TALLIED | {LP.SourceSpan}


Triple = tuple[Node, Node, Node]

#: Beside the site's files in an entry: the report's rows of each CSV table.
TABLES = "tables"
#: Beside the site's files in an entry: the report's `ReportSummary`.
SUMMARY = "summary.pickle"


@dataclass(frozen=True, slots=True)
class ReportOutput:
    """What the main process keeps of one report through the build (a few names; cached
    with the report's files)."""

    key: str
    problems: tuple[Problem, ...]
    files: tuple[str, ...]  # written, relative to the site folder
    documents: tuple[str, ...]  # the document IRIs whose pages the worker wrote
    triples: int
    chunk: str  # the stem of the report's parts of the dumps (`dumps.write_parts`)


@dataclass(frozen=True, slots=True)
class ReportSummary:
    """What the work across reports reads of one report, once. The worker writes it beside
    the report's files (`SUMMARY`) rather than returning it: the main process reads one
    report's at a time and keeps only the sums, not every report's."""

    # Triples as rdflib terms: unpickling them is several times faster than parsing text.
    summary: tuple[Triple, ...]  # what the cross-report pages read
    shared: tuple[Triple, ...]  # what the report says about organisations and places
    sources: SourceIndex  # where those facts were read
    uses: tuple[tuple[str, int], ...]  # vocabulary term -> triples using it
    tallies: tuple[Tally, ...]  # what the cross-report pages count in the report
    statistics: DumpStatistics  # what VoID counts in the report's parts of the dumps
    #: its validation results as published: made from its problems once, here, rather than
    #: again by every build (the quality pages read them; its part of data/validation.nt.gz is
    #: written beside its parts of the dumps)
    results: tuple[Triple, ...]


@dataclass(frozen=True, slots=True)
class Job:
    """Everything a report's outputs depend on besides the code: the cache key is made
    of these (see `pipeline.publish.cache`)."""

    file: str  # the name the report was read under
    #: the key of the report's file name and bytes (see `reports.read_all`), under which
    #: the build cache keeps the report as read: the worker reads it from there
    source: str
    settings: Settings
    organisation: str  # the implementer's organisation key, resolved across all reports
    build_date: str
    #: where the file is and where it was fetched from, to read it again when the cache
    #: no longer holds it as read (`source` is their key: they are not part of the job's)
    path: Path
    origin: Origin | None
    #: triples of the cross-report graphs that point into this report's pages (a dataset
    #: validation result naming a source line); they are part of those pages' slices
    inbound: bytes = b""


def run(job: Job, parsed: Parsed, site: Path) -> ReportOutput:
    """Map, validate and write one report (`parsed`, as read for `job`) into `site`."""
    report = parsed.report
    if report is None:
        raise ValueError(f"{parsed.file}: was not read")
    key = report_key(report.file)
    mapped = to_graph(report, job.settings, _Resolved(job.organisation))
    validation = validate_graph(mapped, job.settings, _shapes())
    results = validation.report  # made from the problems on every call: made once here
    own = _owned(job.settings.base_iri, key)
    # Read the report's graph once: each pass over rdflib's context-aware store works out
    # every triple's graphs again, and the pages, the dump and the summary all need it.
    triples = list(mapped.graph)
    data = new_graph("SimpleMemory")
    data.addN((*t, data) for t in triples)
    data += results
    map_ministry(data, Iris(job.settings.base_iri))  # its names, as every page shows them
    counted = tuple(tallies(data).values())  # before the inbound triples: the report's own
    if job.inbound:
        data.parse(data=job.inbound.decode("utf-8"), format="nt")
    site_input = SiteInput(
        settings=job.settings,
        parsed=(parsed,),
        graphs=(MappedGraph(key, data, mapped.sources),),
        validations=(validation,),
        ontology=vocabulary()[0],
        shapes=vocabulary()[1],
        vocabulary=vocabulary()[2],
        build_date=_date(job.build_date),
        merged=True,
        uses={},  # counted by the main process, for the vocabulary and home pages only
        triples=0,
    )
    files = render_documents(site_input, site, lambda doc: doc in own)
    source = site / "source" / f"{key}.txt"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(report.source_text.encode("utf-8"))
    # Triples about organisations and places are shared by reports: the main process
    # merges them; the rest is this report's alone (its part of the dump).
    shared: list[Triple] = []
    mine: list[Triple] = []  # a graph's triples are distinct: no graph needed to keep them so
    for triple in triples:
        (mine if str(triple[0]).partition("#")[0] in own else shared).append(triple)
    chunk = Path("chunks") / key
    (site.parent / chunk).parent.mkdir(parents=True, exist_ok=True)
    statistics = write_parts(sorted_triples([mine]), site.parent / chunk)
    write_results_part(sorted_triples([results]), site.parent / chunk)
    terms: dict[Node, Node] = {}
    write_table_parts(report, site.parent / TABLES, job.settings.base_iri)
    summary = ReportSummary(
        summary=_interned(_summary(triples, own, job.settings.base_iri), terms),
        shared=_interned(shared, terms),
        sources=_sources_of(mapped.sources, {str(t[0]) for t in shared}),
        uses=tuple(sorted(_uses(mine, results).items())),  # vocabulary terms
        tallies=counted,
        statistics=statistics,
        results=_interned(results, terms),
    )
    (site.parent / SUMMARY).write_bytes(pickling.dumps(summary))
    return ReportOutput(
        key=key,
        problems=validation.problems,
        files=(*files, f"source/{key}.txt"),
        documents=tuple(sorted(own)),
        triples=len(mine) + len(results),
        chunk=chunk.as_posix(),
    )


def _owned(base: str, key: str) -> frozenset[str]:
    """The documents whose pages are this report's alone."""
    return frozenset({f"{base}id/report/{key}", f"{base}source/{key}"})


class _Resolved(OrganisationResolver):
    """The implementer's organisation key as resolved over all reports by the main process
    (a report naming its implementer without a number links to the numbered one)."""

    def __init__(self, key: str) -> None:
        super().__init__(())
        self._key = key

    def key(self, implementer: Implementer) -> str:
        return self._key


def _summary(triples: Iterable[Triple], own: frozenset[str], base: str) -> Iterable[Triple]:
    for s, p, o in triples:
        if p in SUMMARY_PREDICATES:
            yield s, p, o
        elif p == RDF.type:
            if not str(o).startswith(_PROVENANCE) and o not in _UNREAD:
                yield s, p, o
        elif isinstance(o, URIRef):
            doc = str(o).partition("#")[0]
            if doc not in own and doc.startswith(base) and not doc.startswith(VOCAB_ROOT):
                yield s, p, o  # a link into another page (an organisation, a place)


def _sources_of(index: SourceIndex, subjects: set[str]) -> SourceIndex:
    return SourceIndex(
        {k: v for k, v in index.nodes.items() if k in subjects},
        {k: v for k, v in index.fields.items() if k[0] in subjects},
    )


def _uses(*graphs: Iterable[Triple]) -> Counter[str]:
    """How often each term of our vocabulary is used (the vocabulary pages say so); data
    IRIs are left out, which were most of a cached summary's bytes."""
    counts: Counter[str] = Counter()
    for graph in graphs:
        for _, p, o in graph:
            for term in (p, o):
                if isinstance(term, URIRef) and str(term).startswith(VOCAB_ROOT):
                    counts[str(term)] += 1
    return counts


def _interned(triples: Iterable[Triple], terms: dict[Node, Node]) -> tuple[Triple, ...]:
    """The triples with each term one object, so a pickle stores a repeated term (a
    predicate, a class) once: a cached summary loads in half the time."""
    return tuple(
        (terms.setdefault(s, s), terms.setdefault(p, p), terms.setdefault(o, o))
        for s, p, o in triples
    )


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@functools.cache
def _shapes() -> Shapes:
    return load_shapes()


@functools.cache
def vocabulary() -> tuple[Graph, Graph, Graph]:
    """The ontology, the shapes, and both in one graph, read once per process (rendering
    never changes them)."""
    ontology, shapes = read_turtle(resource_dir(ONTOLOGY)), read_turtle(resource_dir(SHAPES))
    both = new_graph()
    both += ontology
    both += shapes
    return ontology, shapes, both
