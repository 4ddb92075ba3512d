"""Funding totals read from the data graph: per report, funding period and role, and their
sums by region and year and by implementer. Pure; the pages and charts use these."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from pipeline.rdf.namespaces import AMOUNT_TYPE, DCAT, DCTERMS, LP, PURPOSE, RDF

#: The roles the money page compares, in column order.
ROLES = ("planned", "actual", "carried-over", "returned")


@dataclass(frozen=True, slots=True)
class Total:
    """One total amount of a funding period of a report."""

    report: str  # IRI
    region: str | None  # IRI of the region concept
    implementer: str | None  # IRI
    year: int | None  # the year the funding period starts in (or the calendar year)
    role: str
    amount: Decimal
    fact: str  # IRI of the amount


@dataclass(frozen=True, slots=True)
class Cell:
    """Sums of one row of a money table, in the order of ROLES."""

    key: str  # the row's heading (a year, or region + year)
    region: str | None
    year: int | None
    sums: tuple[Decimal | None, ...]


def totals(graph: Graph) -> tuple[Total, ...]:
    out: list[Total] = []
    for report in graph.subjects(RDF.type, LP.DelegationReport):
        if not isinstance(report, URIRef):
            continue
        region = graph.value(report, DCTERMS.spatial)
        agreement = graph.value(report, LP.reportsOn)
        implementer = graph.value(agreement, LP.implementer) if agreement is not None else None
        doc = str(report)
        for amount in graph.subjects(LP.purpose, PURPOSE.total):
            if not str(amount).startswith(doc + "#"):
                continue
            value = graph.value(amount, LP.amount)
            role = graph.value(amount, LP.amountType)
            row = graph.value(amount, LP.fundingPeriod)
            if not isinstance(value, Literal) or not isinstance(role, URIRef):
                continue
            out.append(
                Total(
                    report=doc,
                    region=str(region) if isinstance(region, URIRef) else None,
                    implementer=str(implementer) if isinstance(implementer, URIRef) else None,
                    year=_start_year(graph, row),
                    role=str(role).removeprefix(str(AMOUNT_TYPE)),
                    amount=Decimal(str(value)),
                    fact=str(amount),
                )
            )
    return tuple(sorted(out, key=lambda t: (t.report, t.year or 0, t.role, t.fact)))


def _start_year(graph: Graph, row: object) -> int | None:
    if not isinstance(row, URIRef):
        return None
    period = graph.value(row, DCTERMS.temporal)
    start = graph.value(period, DCAT.startDate) if period is not None else None
    if isinstance(start, Literal) and str(start)[:4].isdigit():
        return int(str(start)[:4])
    # A row written without dates takes them from the implementation year it belongs to.
    year = graph.value(row, LP.implementationYear)
    if year is not None and year != row:
        found = _start_year(graph, year)
        if found is not None:
            return found
    calendar = graph.value(row, LP.calendarYear)
    if isinstance(calendar, Literal) and str(calendar)[:4].isdigit():
        return int(str(calendar)[:4])
    return None


def table(items: tuple[Total, ...], by_region: bool) -> tuple[Cell, ...]:
    """Sums per (region, year) or per year; a role with no amount stays None, not 0."""
    sums: dict[tuple[str, int], dict[str, Decimal]] = defaultdict(dict)
    for item in items:
        if item.role not in ROLES:
            continue
        key = ((item.region or "") if by_region else "", item.year or 0)
        sums[key][item.role] = sums[key].get(item.role, Decimal(0)) + item.amount
    cells = []
    for (region, year), by_role in sorted(sums.items()):
        cells.append(
            Cell(
                key=f"{region} {year}",
                region=region or None,
                year=year or None,
                sums=tuple(by_role.get(role) for role in ROLES),
            )
        )
    return tuple(cells)
