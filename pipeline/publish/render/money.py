"""Funding totals read from a report's graph: per report, funding period and role, and
their sums by region and year and by implementer. Pure; the pages and charts use these.
A build reads each report's totals where its graph is, in its worker (`tallies.py`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from pipeline.rdf.namespaces import (
    AMOUNT_TYPE,
    DCAT,
    DCTERMS,
    EUR,
    LP,
    PURPOSE,
    RDF,
    SDMX_ATTRIBUTE,
)

#: The roles the money page compares, in column order.
ROLES = ("planned", "actual", "carried-over", "returned", "remainder", "reported")


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


_EUR = URIRef(EUR)


def totals(graph: Graph) -> tuple[Total, ...]:
    """One total per report, funding period and role: the stated total, or, when the report
    gives only lines by purpose (a remainder split between purposes), their sum. In euro:
    the cross-report pages add these up."""
    out: list[Total] = []
    # One pass groups the amounts by report: looking them up per report would scan every
    # report's amounts for every report.
    amounts: dict[str, list[Node]] = defaultdict(list)
    for amount in graph.subjects(RDF.type, LP.FundingAmount):
        doc, hash_, _ = str(amount).partition("#")
        if hash_:
            amounts[doc].append(amount)
    for report in graph.subjects(RDF.type, LP.DelegationReport):
        if not isinstance(report, URIRef):
            continue
        region = graph.value(report, DCTERMS.spatial)
        agreement = graph.value(report, LP.reportsOn)
        implementer = graph.value(agreement, LP.implementer) if agreement is not None else None
        doc = str(report)
        stated: dict[tuple[Node | None, URIRef], tuple[Decimal, str]] = {}
        lines: dict[tuple[Node | None, URIRef], list[tuple[Decimal, str]]] = defaultdict(list)
        for amount in amounts.get(doc, ()):
            value = graph.value(amount, LP.amount)
            role = graph.value(amount, LP.amountType)
            if not isinstance(value, Literal) or not isinstance(role, URIRef):
                continue
            unit = graph.value(amount, SDMX_ATTRIBUTE.unitMeasure)
            if unit is not None and unit != _EUR:
                continue  # lati (before 2014) are shown on their report's page, never summed with euro
            key = (graph.value(amount, LP.fundingPeriod), role)
            if graph.value(amount, LP.purpose) == PURPOSE.total:
                stated[key] = (Decimal(str(value)), str(amount))
            else:
                lines[key].append((Decimal(str(value)), str(amount)))
        for key in sorted(set(stated) | set(lines), key=str):
            if key in stated:
                amount_value, fact = stated[key]
            else:
                parts = sorted(lines[key], key=lambda part: part[1])
                amount_value, fact = sum((v for v, _ in parts), Decimal(0)), parts[0][1]
            row, role = key
            out.append(
                Total(
                    report=doc,
                    region=str(region) if isinstance(region, URIRef) else None,
                    implementer=str(implementer) if isinstance(implementer, URIRef) else None,
                    year=_start_year(graph, row),
                    role=str(role).removeprefix(str(AMOUNT_TYPE)),
                    amount=amount_value,
                    fact=fact,
                )
            )
    return tuple(sorted(out, key=total_order))


def total_order(total: Total) -> tuple[str, int, str, str]:
    return (total.report, total.year or 0, total.role, total.fact)


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
