"""View models of resource pages: a report, an organisation, a place, a report's source
text, and any other resource (validation reports). Every `#fragment` of a page's IRI ends up
with an element id: the sections below claim the ones they show, and whatever is left is
shown as a plain property table, so no fragment can be missed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from pipeline.publish.render.charts import Chart, Group, Series, bar_chart
from pipeline.publish.render.context import SiteContext
from pipeline.publish.render.dashboard import MONEY, Delegation, delegation, delegations_of
from pipeline.publish.render.deliveries import kind_labels
from pipeline.publish.render.money import ROLES
from pipeline.publish.render.originals import Original, original_of
from pipeline.publish.render.reader import ReaderView, reader_view
from pipeline.publish.render.views import (
    Inbound,
    Label,
    Part,
    Source,
    Value,
    natural_key,
    sorted_by_iri,
)
from pipeline.rdf.iris import Iris, report_key
from pipeline.rdf.namespaces import (
    AMOUNT_TYPE,
    DCAT,
    DCTERMS,
    LP,
    PURPOSE,
    RDF,
    SCHEMA,
    SDMX_ATTRIBUTE,
    SH,
)

ROLE_ORDER = ("planned", "actual", "carried-over", "carried-in", "returned", "remainder")
PURPOSE_ORDER = ("total", "civil-society", "minority-ngos")
SERIES = (
    Series("plānots", "planned"),
    Series("faktiski", "actual"),
    Series("pārcelts", "carried over"),
    Series("atgriezts", "returned"),
    Series("atlikums bez norādes", "left, fate not stated"),
    Series("norādīts (nav teikts, plānots vai faktiski)", "stated (not said: planned or actual)"),
)


@dataclass(frozen=True, slots=True)
class Fact:
    """A small fact shown inline (an indicator, a date): its id, words, and source line."""

    id: str
    cells: tuple[Value, ...]
    source: Source | None


@dataclass(frozen=True, slots=True)
class ActivityView:
    id: str
    number: str
    text: str
    group: Value | None
    source: Source | None
    indicators: tuple[Fact, ...]
    dates: tuple[Fact, ...]
    mentions: tuple[Value, ...]


@dataclass(frozen=True, slots=True)
class YearView:
    part: Part
    activities: tuple[ActivityView, ...]


@dataclass(frozen=True, slots=True)
class FundingRowView:
    part: Part
    amounts: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class ResourceView:
    """Any resource page: its own part, its fragments as parts, what links to it."""

    main: Part
    parts: tuple[Part, ...]
    inbound: tuple[Inbound, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    """The activities of one report that name a place: the report's line in a table of
    delegations, and a link to each activity."""

    delegation: Delegation
    activities: tuple[Value, ...]


@dataclass(frozen=True, slots=True)
class PlaceView:
    """A place: its own part, the reports whose activities name it as their place
    (`dct:spatial`; oldest first), one row each, and whatever else links to it."""

    main: Part
    parts: tuple[Part, ...]
    mentions: tuple[Mention, ...]
    activities: int  # named in all
    inbound: tuple[Inbound, ...]


@dataclass(frozen=True, slots=True)
class ReportView:
    main: Part
    sections: tuple[Part, ...]  # task, agreement, funding data set
    years: tuple[YearView, ...]
    funding: tuple[FundingRowView, ...]
    validation: tuple[Part, ...]
    other: tuple[Part, ...]
    inbound: tuple[Inbound, ...]
    source_href: str
    reader: ReaderView | None  # None when the parsed report is not at hand
    original: Original | None = None


@dataclass(frozen=True, slots=True)
class OrganisationView:
    main: Part
    parts: tuple[Part, ...]
    inbound: tuple[Inbound, ...]
    chart: Chart | None
    history: tuple[tuple[str, str, tuple[Decimal | None, ...]], ...]  # report href, year, sums
    delegations: tuple[Delegation, ...]
    roles: tuple[Series, ...]  # the history table's columns (the chart leaves out empty ones)
    money_columns: tuple[Label, ...]
    delivery_columns: tuple[Label, ...]


class _Claims:
    """The fragment ids a page has shown so far; the rest go to the fallback tables."""

    def __init__(self, ctx: SiteContext, doc: str, graph: Graph) -> None:
        self.ctx, self.doc = ctx, doc
        self.claimed: set[str] = set()
        nodes = {n for t in graph for n in (t[0], t[2]) if isinstance(n, URIRef)}
        self.fragments = sorted_by_iri(n for n in nodes if str(n).startswith(doc + "#"))

    def claim(self, node: Node) -> str:
        fragment = self.ctx.paths.fragment(str(node))
        self.claimed.add(fragment)
        return fragment

    def rest(self, graph: Graph, spans: Graph | None = None) -> tuple[Part, ...]:
        return tuple(
            self.ctx.terms.part(graph, node, spans=spans)
            for node in self.fragments
            if self.ctx.paths.fragment(str(node)) not in self.claimed
        )


def _slice(ctx: SiteContext, doc: str) -> tuple[Graph, tuple[Inbound, ...]]:
    slicer = ctx.vocabulary_slices if ctx.is_vocabulary(doc) else ctx.data_slices
    return slicer.describe(doc), ctx.terms.inbound(slicer.inbound(doc))


def resource_view(ctx: SiteContext, doc: str) -> ResourceView:
    graph, inbound = _slice(ctx, doc)
    claims = _Claims(ctx, doc, graph)
    main = ctx.terms.part(graph, URIRef(doc))
    return ResourceView(main, claims.rest(graph), inbound)


def place_view(ctx: SiteContext, doc: str) -> PlaceView:
    """An archive names a town in thousands of activities: listed one a row, a place's page
    grew by a row for each (1.2 MB for Daugavpils at 1,000 reports), and every report
    naming the place rendered it again. A row per report shows the same links."""
    slicer = ctx.data_slices
    graph = slicer.describe(doc)
    claims = _Claims(ctx, doc, graph)
    reports = f"{ctx.paths.base}id/report/"
    named: dict[str, list[URIRef]] = {}
    rest = set()
    for s, p, o in slicer.inbound(doc):
        report, _, fragment = str(s).partition("#")
        key = report.removeprefix(reports)
        if (
            p == DCTERMS.spatial
            and isinstance(s, URIRef)
            and str(o) == doc
            and fragment
            and report.startswith(reports)
            and key in ctx.records_by_key
        ):
            named.setdefault(report, []).append(s)
        else:
            rest.add((s, p, o))
    terms = ctx.terms
    mentions = [
        Mention(
            delegation(ctx, report, ctx.records_by_key[report.removeprefix(reports)]),
            tuple(
                Value(ctx.paths.fragment(str(a)), None, terms.href(str(a)), kind="iri")
                for a in sorted_by_iri(activities)
            ),
        )
        for report, activities in named.items()
    ]
    # Oldest first; a report that states no period after those that do; then by key.
    mentions.sort(
        key=lambda m: (not m.delegation.start, m.delegation.start, m.delegation.report.text)
    )
    return PlaceView(
        terms.part(graph, URIRef(doc)),
        claims.rest(graph),
        tuple(mentions),
        sum(len(m.activities) for m in mentions),
        terms.inbound(rest),
    )


def organisation_view(ctx: SiteContext, doc: str) -> OrganisationView:
    graph, inbound = _slice(ctx, doc)
    claims = _Claims(ctx, doc, graph)
    main = ctx.terms.part(graph, URIRef(doc))
    mine = ctx.totals_by_implementer.get(doc, ())
    sums: dict[tuple[str, int], dict[str, Decimal]] = {}
    for item in mine:
        if item.role in ROLES:
            slot = sums.setdefault((item.report, item.year or 0), {})
            slot[item.role] = slot.get(item.role, Decimal(0)) + item.amount
    history = tuple(
        (ctx.terms.href(report), str(year or ""), tuple(by.get(r) for r in ROLES))
        for (report, year), by in sorted(sums.items(), key=lambda kv: (kv[0][1], kv[0][0]))
    )
    chart = None
    if history:
        groups = tuple(Group(year, values) for _, year, values in history)
        title = f"{main.label.lv}: finansējums pa gadiem / funding by year"
        chart = bar_chart("funding-chart", title, SERIES, groups)
    return OrganisationView(
        main,
        claims.rest(graph),
        inbound,
        chart,
        history,
        delegations_of(ctx, doc),
        SERIES,
        tuple(label for _, label in MONEY),
        kind_labels(ctx.terms),
    )


def report_view(ctx: SiteContext, doc: str) -> ReportView:
    graph, inbound = _slice(ctx, doc)
    terms, claims = ctx.terms, _Claims(ctx, doc, graph)
    report = URIRef(doc)
    sections = []
    for node in (
        graph.value(report, LP.reportsOn),
        URIRef(doc + "#task"),
        graph.value(report, LP.fundingData),
    ):
        if isinstance(node, URIRef) and (node, None, None) in graph:
            claims.claim(node)
            sections.append(terms.part(graph, node, spans=ctx.data))
    agreement = graph.value(report, LP.reportsOn)
    years = tuple(
        _year(ctx, graph, claims, year)
        for year in sorted(
            sorted_by_iri(graph.objects(agreement, LP.implementationYear)),
            key=lambda y: _int(graph.value(y, LP.ordinal)),
        )
    )
    funding = tuple(
        _funding_row(ctx, graph, claims, row)
        for row in sorted_by_iri(graph.subjects(RDF.type, LP.FundingPeriod))
    )
    validation = []
    for node in sorted_by_iri(graph.subjects(RDF.type, SH.ValidationReport)):
        claims.claim(node)
        validation.append(terms.part(graph, node))
        for result in sorted_by_iri(graph.objects(node, SH.result)):
            claims.claim(result)
            validation.append(terms.part(graph, result))
    key = report_key(doc.rpartition("/")[2])
    reader = None
    if key in ctx.reports:
        record = ctx.records_by_key[key]
        file = record.file
        problems = (
            *record.findings,
            *tuple(
                p
                for v in ctx.site.validations
                for p in v.problems
                if p.span and p.span.file == file
            ),
        )
        source = ctx.pages.get(f"{ctx.paths.base}source/{key}")
        implementer = graph.value(agreement, LP.implementer) if agreement is not None else None
        iris = Iris(ctx.paths.base)
        reader = reader_view(
            terms,
            ctx.reports[key],
            problems,
            source,
            terms.href(str(implementer)) if implementer is not None else None,
            lambda place: terms.href(str(iris.place(place.key, place.kind))),
        )
    return ReportView(
        main=terms.part(graph, report, spans=ctx.data),
        sections=tuple(sections),
        years=years,
        funding=funding,
        validation=tuple(validation),
        other=claims.rest(graph, ctx.data),
        inbound=inbound,
        source_href=terms.href(doc.replace("/id/report/", "/source/", 1)),
        original=original_of(ctx, doc.replace("/id/report/", "/source/", 1), ctx.reports.get(key)),
        reader=reader,
    )


def _int(node: Node | None) -> int:
    return int(node) if isinstance(node, Literal) and str(node).isdigit() else 0


def _year(ctx: SiteContext, graph: Graph, claims: _Claims, year: URIRef) -> YearView:
    claims.claim(year)
    activities = []
    nodes = sorted_by_iri(graph.objects(year, LP.activity))
    nodes.sort(
        key=lambda a: (str(graph.value(a, LP.activityGroup)), _int(graph.value(a, SCHEMA.position)))
    )
    for node in nodes:
        activities.append(_activity(ctx, graph, claims, node))
    part = ctx.terms.part(graph, year, frozenset({LP.activity}), ctx.data)
    return YearView(part, tuple(activities))


def _activity(ctx: SiteContext, graph: Graph, claims: _Claims, node: URIRef) -> ActivityView:
    terms = ctx.terms
    indicators = []
    for item in sorted_by_iri(graph.objects(node, LP.indicator)):
        cells: tuple[Value, ...] = (
            terms.value(graph.value(item, LP.qualifier) or Literal("")),
            Value(str(graph.value(item, SCHEMA.value) or ""), None, None, None, None, "number"),
            terms.value(graph.value(item, LP.indicatorKind) or Literal("")),
            Value(str(graph.value(item, LP.asWritten) or ""), "lv"),
        )
        indicators.append(Fact(claims.claim(item), cells, terms.source(graph, item, ctx.data)))
    dates = []
    for item in sorted_by_iri(graph.objects(node, LP.date)):
        cells = (
            Value(str(graph.value(item, DCAT.startDate) or ""), None, kind="date"),
            Value(str(graph.value(item, DCAT.endDate) or ""), None, kind="date"),
            Value(str(graph.value(item, LP.asWritten) or ""), "lv"),
        )
        dates.append(Fact(claims.claim(item), cells, terms.source(graph, item, ctx.data)))
    mentions = [terms.value(m) for m in graph.objects(node, LP.minority)]
    mentions += [terms.value(m) for m in graph.objects(node, DCTERMS.spatial)]
    group = graph.value(node, LP.activityGroup)
    return ActivityView(
        id=claims.claim(node),
        number=str(graph.value(node, DCTERMS.identifier) or ""),
        text=str(graph.value(node, DCTERMS.description) or ""),
        group=terms.value(group) if group is not None else None,
        source=terms.source(graph, node, ctx.data),
        indicators=tuple(indicators),
        dates=tuple(dates),
        mentions=tuple(sorted(mentions, key=lambda v: (v.text, v.href or ""))),
    )


def _funding_row(ctx: SiteContext, graph: Graph, claims: _Claims, row: URIRef) -> FundingRowView:
    claims.claim(row)
    amounts = []
    for item in graph.subjects(LP.fundingPeriod, row):
        role = str(graph.value(item, LP.amountType) or "").removeprefix(str(AMOUNT_TYPE))
        purpose = str(graph.value(item, LP.purpose) or "").removeprefix(str(PURPOSE))
        value = graph.value(item, LP.amount)
        cells = (
            ctx.terms.value(graph.value(item, LP.amountType) or Literal("")),
            ctx.terms.value(graph.value(item, LP.purpose) or Literal("")),
            Value(
                str(value) if value is not None else "", None, kind="money", unit=_unit(graph, item)
            ),
            Value(str(graph.value(item, LP.asWritten) or ""), "lv"),
        )
        order = (_rank(ROLE_ORDER, role), _rank(PURPOSE_ORDER, purpose), natural_key(str(item)))
        amounts.append(
            (order, Fact(claims.claim(item), cells, ctx.terms.source(graph, item, ctx.data)))
        )
    facts = tuple(fact for _, fact in sorted(amounts, key=lambda pair: pair[0]))
    return FundingRowView(ctx.terms.part(graph, row, spans=ctx.data), facts)


def _rank(order: tuple[str, ...], value: str) -> int:
    return order.index(value) if value in order else len(order)


def _unit(graph: Graph, amount: Node) -> str:
    """The ISO 4217 code of an amount's currency (the end of its EU authority IRI)."""
    unit = graph.value(amount, SDMX_ATTRIBUTE.unitMeasure)
    return str(unit).rpartition("/")[2] if unit is not None else "EUR"
