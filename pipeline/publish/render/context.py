"""What every page builder needs, computed once per build: the published graphs, the
register of pages (document IRI -> file), labels, slices, and the build date."""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, URIRef
from rdflib.term import Node

from pipeline.model import Parsed, Report
from pipeline.publish.compact import CompactStore
from pipeline.publish.records import ReportRecord, record_of
from pipeline.publish.render.money import Total, total_order
from pipeline.publish.render.paths import SitePaths, UnsafeIRI
from pipeline.publish.render.rdfio import Slicer
from pipeline.publish.render.tallies import Tally, tallies
from pipeline.publish.render.views import Terms
from pipeline.rdf import MappedGraph
from pipeline.rdf.iris import report_key
from pipeline.rdf.namespaces import LP, SCHEMES, VOCAB_ROOT, new_graph
from pipeline.settings import DUMP_DIR, DUMP_STEM, Settings
from pipeline.validate import Validation

if TYPE_CHECKING:
    from pipeline.publish.render.dashboard import Delegation


@dataclass(frozen=True, slots=True)
class Download:
    """A file of the site offered for download (written by another stage)."""

    path: str  # relative to the site root: "data/dataset.ttl"
    media_type: str
    title_lv: str
    title_en: str
    size: int | None = None  # bytes


@dataclass(frozen=True, slots=True)
class PageInputs:
    """What the pages of organisations and places are drawn from, by part, when a build
    knows it: each report's build key by the IRIs of its documents, and a digest of what
    the reports share (the organisations and places they state, the cross-report graph
    and its validation). Such a page shows its slice of the data, labels and sums of the
    reports its slice names, what the reports share, and the vocabulary: a page kept
    under the same inputs is recalled without making its view (`render._input_key`)."""

    reports: Mapping[str, str]
    shared: str


@dataclass(frozen=True, slots=True)
class SiteInput:
    """Everything the site is rendered from. `graphs` are the mapped report graphs and the
    cross-report graph; `ontology` and `shapes` are the vocabulary documents as read from
    ontology/ and shapes/; `downloads` are files other stages write into the site."""

    settings: Settings
    parsed: tuple[Parsed, ...]
    graphs: tuple[MappedGraph, ...]
    validations: tuple[Validation, ...]
    ontology: Graph
    shapes: Graph
    downloads: tuple[Download, ...] = ()
    build_date: dt.date | None = None  # None: $SOURCE_DATE_EPOCH, else the newest date read
    #: schema.org `Dataset` for search engines, embedded in the home page as JSON-LD
    dataset_jsonld: Mapping[str, object] | None = None
    #: When the reports' own pages are rendered elsewhere (one report at a time), `graphs`
    #: hold only what the cross-report pages read: `documents` are the pages rendered
    #: elsewhere (so links to them resolve and nothing is written twice), `uses` and
    #: `triples` are counted over the whole data.
    documents: frozenset[str] = frozenset()
    #: `ontology` and `shapes` in one graph, when the caller already has it (a worker
    #: renders many reports with the same one); never changed by rendering
    vocabulary: Graph | None = None
    uses: Mapping[str, int] | None = None
    triples: int | None = None
    #: what the cross-report pages count in each report, by report document IRI, when
    #: counted elsewhere (each report's worker); else counted from `graphs`
    tallies: Mapping[str, Tally] | None = None
    #: True when the one graph of `graphs` already holds the other graphs and the
    #: validation reports: it is read as it is rather than copied (rendering never
    #: changes it)
    merged: bool = False
    #: what the cross-report pages read of every file read, when `parsed` holds only the
    #: reports whose own pages are rendered (none, across reports); else made from `parsed`
    records: tuple[ReportRecord, ...] | None = None
    #: see `PageInputs`; None: every page is recalled by its view
    inputs: PageInputs | None = None


#: Page kinds by where the document IRI lives.
KIND_BY_PREFIX = (
    ("id/report/", "report"),
    ("id/organisation/", "organisation"),
    ("id/place/", "place"),
    ("source/", "source"),
)


@dataclass
class SiteContext:
    site: SiteInput
    paths: SitePaths
    data: Graph
    vocabulary: Graph
    pages: dict[str, str]  # document IRI -> page path
    terms: Terms
    reports: dict[str, Report] = field(default_factory=dict)  # by report key
    build_date: str = ""
    #: how many data triples use each vocabulary term (as type, predicate or value)
    uses: Counter[str] = field(default_factory=Counter)
    triples: int = 0  # in the published data (the home page counts them)
    #: each report's line in the tables of delegations, by report IRI, made once: the home,
    #: money, regions and organisation pages all show it
    delegations: dict[str, Delegation] = field(default_factory=dict)
    #: the data's subjects and objects, when its store lists them without reading every
    #: triple (`CompactStore.nodes`)
    nodes: Sequence[Node] | None = None

    def kind(self, doc: str) -> str:
        if doc.startswith(VOCAB_ROOT):
            name = doc[len(VOCAB_ROOT) :]
            if name == "core":
                return "vocabulary"
            if name == "shapes":
                return "shapes"
            return "scheme" if name in SCHEMES else "resource"
        rest = doc[len(self.paths.base) :]
        return next(
            (kind for prefix, kind in KIND_BY_PREFIX if rest.startswith(prefix)), "resource"
        )

    def is_vocabulary(self, doc: str) -> bool:
        return doc.startswith(VOCAB_ROOT)

    # Built when first asked for: a worker renders only data pages and never needs the
    # vocabulary's slices (indexing the vocabulary cost more than rendering a page).
    @functools.cached_property
    def data_slices(self) -> Slicer:
        # Pages rendered elsewhere (the reports', by their workers) are not sliced here:
        # indexing their triples by page held most of the summaries a second time.
        pages = {
            d: p
            for d, p in self.pages.items()
            if not d.startswith(VOCAB_ROOT) and d not in self.site.documents
        }
        return Slicer(self.data, pages, self.nodes)

    @functools.cached_property
    def vocabulary_slices(self) -> Slicer:
        pages = {d: p for d, p in self.pages.items() if d.startswith(VOCAB_ROOT)}
        return Slicer(self.vocabulary, pages)

    # The cross-report figures are computed once per build and indexed, so that a page
    # looks up its own rows instead of scanning every report (linear, not quadratic).
    @property
    def dataset_iri(self) -> str:
        # The dataset the catalogue describes (its IRI is the dump's, without extension).
        return f"{self.paths.base}{DUMP_DIR}/{DUMP_STEM}"

    @functools.cached_property
    def totals(self) -> tuple[Total, ...]:
        found = (t for tally in self.tallies.values() for t in tally.totals)
        return tuple(sorted(found, key=total_order))

    @functools.cached_property
    def totals_by_implementer(self) -> dict[str, tuple[Total, ...]]:
        found: dict[str, list[Total]] = defaultdict(list)
        for item in self.totals:
            if item.implementer is not None:
                found[item.implementer].append(item)
        return {k: tuple(v) for k, v in found.items()}

    @functools.cached_property
    def totals_by_report(self) -> dict[str, tuple[Total, ...]]:
        found: dict[str, list[Total]] = defaultdict(list)
        for item in self.totals:
            found[item.report].append(item)
        return {k: tuple(v) for k, v in found.items()}

    @functools.cached_property
    def reports_by_implementer(self) -> dict[str, tuple[str, ...]]:
        """Report IRIs by the IRI of their implementer."""
        found: dict[str, list[str]] = defaultdict(list)
        for report, agreement in self.data.subject_objects(LP.reportsOn):
            implementer = self.data.value(agreement, LP.implementer)
            if implementer is not None:
                found[str(implementer)].append(str(report))
        return {k: tuple(sorted(v)) for k, v in found.items()}

    @functools.cached_property
    def tallies(self) -> Mapping[str, Tally]:
        return self.site.tallies if self.site.tallies is not None else tallies(self.data)

    @functools.cached_property
    def activities_per_report(self) -> Counter[str]:
        return Counter({doc: t.activities for doc, t in self.tallies.items()})

    @functools.cached_property
    def year_counts(self) -> dict[str, tuple[int, int]]:
        """(activities, indicator values) by implementation year IRI."""
        return {year: (a, i) for t in self.tallies.values() for year, a, i in t.years}

    @functools.cached_property
    def records(self) -> tuple[ReportRecord, ...]:
        """Every file read, reports or not."""
        if self.site.records is not None:
            return self.site.records
        return tuple(record_of(p) for p in self.site.parsed)

    @functools.cached_property
    def records_by_key(self) -> dict[str, ReportRecord]:
        """The reports read, by report key."""
        return {report_key(r.file): r for r in self.records if r.read}


def build_context(site: SiteInput) -> SiteContext:
    paths = SitePaths(site.settings.base_iri)
    if site.merged and len(site.graphs) == 1:
        data = site.graphs[0].graph
    else:
        data = new_graph()
        for mapped in site.graphs:
            data += mapped.graph
        for validation in site.validations:
            data += validation.report
    vocabulary = site.vocabulary
    if vocabulary is None:
        vocabulary = new_graph()
        vocabulary += site.ontology
        vocabulary += site.shapes
    nodes = data.store.nodes() if isinstance(data.store, CompactStore) else None
    docs = _documents(data, vocabulary, paths, nodes) | site.documents
    pages = {doc: paths.page(doc) for doc in sorted(docs)}
    _refuse_prefixes(pages)
    terms = Terms((vocabulary, data), paths, set(pages))
    reports = {report_key(p.report.file): p.report for p in site.parsed if p.report is not None}
    return SiteContext(
        site=site,
        paths=paths,
        data=data,
        vocabulary=vocabulary,
        pages=pages,
        terms=terms,
        reports=reports,
        build_date=_build_date(site, reports.values(), site.records),
        uses=Counter(site.uses) if site.uses is not None else _uses(data),
        triples=site.triples if site.triples is not None else len(data),
        nodes=nodes,
    )


def _uses(data: Graph) -> Counter[str]:
    counts: Counter[str] = Counter()
    for _, p, o in data:
        counts[str(p)] += 1
        if isinstance(o, URIRef):
            counts[str(o)] += 1
    return counts


def _documents(
    data: Graph, vocabulary: Graph, paths: SitePaths, nodes: Iterable[Node] | None = None
) -> set[str]:
    """Every document IRI that gets a page: all of ours in the data (subjects and objects,
    or the `nodes` given as those), and the vocabulary documents that define something."""
    docs: set[str] = set()
    seen: set[Node] = set()  # a node is in many triples: it is judged once
    for node in nodes if nodes is not None else (n for s, _, o in data for n in (s, o)):
        if isinstance(node, URIRef) and node not in seen:
            seen.add(node)
            if paths.owns(str(node)):
                docs.add(paths.document(str(node)))
    return docs | _vocabulary_documents(vocabulary, paths)


#: The last vocabulary's documents: a worker renders every report against the same one.
_LAST_VOCABULARY: list[tuple[Graph, str, frozenset[str]]] = []


def _vocabulary_documents(vocabulary: Graph, paths: SitePaths) -> frozenset[str]:
    for graph, base, docs in _LAST_VOCABULARY:
        if graph is vocabulary and base == paths.base:
            return docs
    docs = frozenset(
        paths.document(str(s))
        for s in vocabulary.subjects()
        if isinstance(s, URIRef) and str(s).startswith(VOCAB_ROOT)
    )
    _LAST_VOCABULARY[:] = [(vocabulary, paths.base, docs)]
    return docs


def _refuse_prefixes(pages: dict[str, str]) -> None:
    """A page `a.html` and a folder `a/` cannot both be served at `/a` on GitHub Pages."""
    folders = {
        "/".join(path.split("/")[:n]) + ".html"
        for path in pages.values()
        for n in range(1, path.count("/") + 1)
    }
    clash = sorted(folders & set(pages.values()))
    if clash:
        raise UnsafeIRI(f"an IRI is the path prefix of another: {clash[0]}")


def _build_date(
    site: SiteInput, reports: Iterable[Report], records: Iterable[ReportRecord] | None
) -> str:
    """No wall clock: the given date, else $SOURCE_DATE_EPOCH, else the newest date the
    reports state (so two builds of the same reports say the same)."""
    if site.build_date is not None:
        return site.build_date.isoformat()
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    if records is not None:
        newest = [r.newest for r in records if r.newest is not None]
    else:
        newest = [d.start for report in reports for a in report.activities for d in a.dates]
    return max(newest).isoformat() if newest else ""


def read_turtle(directory: Path) -> Graph:
    """All `.ttl` files of a folder in one graph (for ontology/ and shapes/)."""
    graph = new_graph()
    for path in sorted(directory.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph
