"""The figures a citizen asks for, across reports: money planned, spent and stated per
calendar year by region and by year, deliveries by region, each implementer's delegations
and the latest reports. Money is summed from each report's totals (`ctx.totals`, from the
reports' tallies); deliveries from the reports' records (their qualifiers are not in the
graph the cross-report pages get)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from rdflib import URIRef

from pipeline.publish.records import ReportRecord
from pipeline.publish.render.charts import Chart, Group, Series, bar_chart
from pipeline.publish.render.context import SiteContext
from pipeline.publish.render.deliveries import HEADLINE, Quantity, kind_labels, summed
from pipeline.publish.render.money import Total
from pipeline.publish.render.views import Label, Value
from pipeline.rdf.iris import report_key
from pipeline.rdf.namespaces import LP, REGION, SKOS

#: The money columns of the dashboard: role in the data, its name for readers.
MONEY = (
    ("planned", Label("plānots", "planned")),
    ("actual", Label("izlietots", "spent")),
    ("reported", Label("norādīts par kalendāra gadu", "stated per calendar year")),
)
MONEY_SERIES = tuple(Series(label.lv, label.en) for _, label in MONEY)


@dataclass(frozen=True, slots=True)
class MoneyRow:
    """One row of a money table: its heading and the sums of MONEY (None: none stated)."""

    heading: Value
    sums: tuple[Decimal | None, ...]
    reports: int


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    heading: Value
    quantities: tuple[Quantity | None, ...]  # in the order of HEADLINE


@dataclass(frozen=True, slots=True)
class Delegation:
    """One report of an implementer or a region: who, where, when, money, deliveries."""

    report: Value
    implementer: Value | None
    region: Value | None
    start: str
    end: str
    sums: tuple[Decimal | None, ...]
    quantities: tuple[Quantity | None, ...]


@dataclass(frozen=True, slots=True)
class Dashboard:
    money_columns: tuple[Label, ...]
    by_region: tuple[MoneyRow, ...]
    by_year: tuple[MoneyRow, ...]
    chart: Chart
    delivery_columns: tuple[Label, ...]
    deliveries: tuple[DeliveryRow, ...]
    latest: tuple[Delegation, ...]
    totals: tuple[Decimal | None, ...]  # over every report, in the order of MONEY
    delivered: tuple[Quantity | None, ...]  # over every report, in the order of HEADLINE


def sums(items: Iterable[Total]) -> tuple[Decimal | None, ...]:
    found: dict[str, Decimal] = {}
    for item in items:
        found[item.role] = found.get(item.role, Decimal(0)) + item.amount
    return tuple(found.get(role) for role, _ in MONEY)


def regions(ctx: SiteContext) -> list[str]:
    """Every planning region of the vocabulary, reported on or not, by name."""
    found = {str(s) for s in ctx.vocabulary.subjects(SKOS.inScheme, URIRef(str(REGION)[:-1]))}
    return sorted(found, key=lambda r: ctx.terms.label(r).lv.casefold())


def _reports(ctx: SiteContext) -> list[tuple[str, ReportRecord]]:
    """(report IRI, record) of every report read."""
    base = f"{ctx.paths.base}id/report/"
    return [(base + key, r) for key, r in sorted(ctx.records_by_key.items())]


def dashboard(ctx: SiteContext) -> Dashboard:
    terms = ctx.terms
    by_region: dict[str, list[Total]] = defaultdict(list)
    by_year: dict[int, list[Total]] = defaultdict(list)
    for item in ctx.totals:
        by_region[item.region or ""].append(item)
        if item.year:
            by_year[item.year].append(item)
    reports = _reports(ctx)
    region_rows = []
    delivery_rows = []
    for region in regions(ctx):
        mine = [r for _, r in reports if r.region and str(REGION[r.region]) == region]
        heading = terms.value(URIRef(region))
        region_rows.append(MoneyRow(heading, sums(by_region.get(region, ())), len(mine)))
        delivered = [d for r in mine for d in r.delivered]
        delivery_rows.append(DeliveryRow(heading, summed(terms, delivered, HEADLINE)))
    year_rows = tuple(
        MoneyRow(
            Value(str(year), None),
            sums(items),
            len({i.report for i in items}),
        )
        for year, items in sorted(by_year.items())
    )
    chart = bar_chart(
        "regions-chart",
        "Finansējums pa reģioniem, EUR: plānots, izlietots, norādīts par kalendāra gadu / "
        "Funding by region, EUR: planned, spent, stated per calendar year",
        MONEY_SERIES,
        tuple(Group(row.heading.text, row.sums) for row in region_rows),
    )
    latest = sorted(
        (delegation(ctx, iri, report) for iri, report in reports),
        key=lambda d: (d.start, d.report.href or ""),
        reverse=True,
    )
    return Dashboard(
        money_columns=tuple(label for _, label in MONEY),
        by_region=tuple(region_rows),
        by_year=year_rows,
        chart=chart,
        delivery_columns=kind_labels(terms, HEADLINE),
        deliveries=tuple(delivery_rows),
        latest=tuple(latest[:5]),
        totals=sums(ctx.totals),
        delivered=summed(terms, (d for _, r in reports for d in r.delivered), HEADLINE),
    )


def delegation(ctx: SiteContext, iri: str, report: ReportRecord) -> Delegation:
    """One report's line in a table of delegations (made once per build: `report` is the
    record of `iri`, whoever asks)."""
    made = ctx.delegations.get(iri)
    if made is None:
        made = ctx.delegations[iri] = _delegation(ctx, iri, report)
    return made


def _delegation(ctx: SiteContext, iri: str, report: ReportRecord) -> Delegation:
    terms = ctx.terms
    implementer = ctx.data.value(ctx.data.value(URIRef(iri), LP.reportsOn), LP.implementer)
    period = report.delegation_period
    return Delegation(
        report=Value(report_key(report.file), None, terms.href(iri)),
        implementer=terms.value(implementer) if implementer is not None else None,
        region=terms.value(URIRef(str(REGION[report.region]))) if report.region else None,
        start=period.start.isoformat() if period and period.start else "",
        end=period.end.isoformat() if period and period.end else "",
        sums=sums(t for t in ctx.totals_by_report.get(iri, ())),
        quantities=summed(terms, report.delivered, HEADLINE),
    )


def delegations_of(ctx: SiteContext, implementer: str) -> tuple[Delegation, ...]:
    """An implementer's reports, oldest first."""
    base = f"{ctx.paths.base}id/report/"
    records = ctx.records_by_key
    found = [
        delegation(ctx, report, records[report[len(base) :]])
        for report in ctx.reports_by_implementer.get(implementer, ())
        if report[len(base) :] in records
    ]
    return tuple(sorted(found, key=lambda d: (d.start, d.report.href or "")))


def region_sections(ctx: SiteContext) -> tuple[tuple[Value, tuple[Delegation, ...]], ...]:
    """Each region with its delegations (implementers, money, deliveries)."""
    reports = _reports(ctx)
    out = []
    for region in regions(ctx):
        mine = [
            delegation(ctx, iri, r)
            for iri, r in reports
            if r.region and str(REGION[r.region]) == region
        ]
        mine.sort(key=lambda d: (d.start, d.report.href or ""))
        out.append((ctx.terms.value(URIRef(region)), tuple(mine)))
    return tuple(out)
