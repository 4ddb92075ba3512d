"""Funding as an RDF Data Cube: every amount is one observation in the report's data set.

Dimensions: funding period, amount type, purpose (`purpose:total` for totals), so that every
observation has all of them (the normalised form). Measure `lp:amount`, in the currency
the report writes beside it: euro, or lati (LVL) before 2014.
"""

from __future__ import annotations

from rdflib import Literal, URIRef

from pipeline.model import Amount, FundingYear, Report, Statement
from pipeline.rdf.iris import ReportIris
from pipeline.rdf.mapping import Context, Field, emit, map_period
from pipeline.rdf.namespaces import (
    AMOUNT_TYPE,
    CURRENCY,
    DCTERMS,
    LP,
    PURPOSE,
    QB,
    RDF,
    RDFS,
    SDMX_ATTRIBUTE,
    XSD,
)

ROW_FIELDS = (
    Field("ordinal", LP.ordinal, lambda v: None if v is None else Literal(v, datatype=XSD.integer)),
    Field(
        "calendar_year",
        LP.calendarYear,
        lambda v: None if v is None else Literal(f"{v:04d}", datatype=XSD.gYear),
    ),
    # Stated only when false: the consistency shapes leave such a period alone, as the
    # parser's checks do.
    Field("compared", LP.sumsCompared, lambda v: None if v else Literal(False)),
    Field("plan_complete", LP.planComplete, lambda v: None if v else Literal(False)),
)
AMOUNT_FIELDS = (
    Field("role", LP.amountType, lambda v: AMOUNT_TYPE[v.value]),
    Field("purpose", LP.purpose, lambda v: PURPOSE.total if v is None else PURPOSE[v.value]),
    Field(
        "value",
        LP.amount,
        lambda v: None if v is None else Literal(format(v, "f"), datatype=XSD.decimal),
    ),
    Field("text", LP.asWritten, lambda v: Literal(v) if v else None),
    Field("label", RDFS.label, lambda v: Literal(v, lang="lv") if v.strip() else None),
)


def map_funding(ctx: Context) -> None:
    report, page = ctx.report, ctx.page
    dataset = page.funding_dataset
    ctx.add(dataset, RDF.type, QB.DataSet)
    ctx.add(dataset, QB.structure, LP.FundingStructure)
    ctx.add(page.page, LP.fundingData, dataset)
    for row, (node, amount_nodes) in zip(report.funding, funding_iris(report, page), strict=True):
        _map_row(ctx, node, row)
        for amount, amount_node in zip(row.amounts, amount_nodes, strict=True):
            _map_amount(ctx, amount_node, node, amount)
    statements = (
        ("irregular", report.irregular_expenditure),
        ("unrecovered", report.unrecovered_amount),
    )
    whole = page.funding_row("agreement")
    for kind, statement in statements:
        if statement is not None and (statement.none or statement.value is not None):
            _map_stated(ctx, whole, kind, statement)


def funding_iris(report: Report, page: ReportIris) -> list[tuple[URIRef, list[URIRef]]]:
    """The IRI of each funding row and of each of its amounts, in report order. The CSV
    tables use the same IRIs, so this is the only place they are decided."""
    used: set[URIRef] = set()
    minted: list[tuple[URIRef, list[URIRef]]] = []
    for index, row in enumerate(report.funding, start=1):
        node = _unique(page.funding_row(_row_label(row, index)), used)
        amounts = [_unique(page.amount(node, a.role, a.purpose), used) for a in row.amounts]
        minted.append((node, amounts))
    return minted


def _row_label(row: FundingYear, index: int) -> str:
    if row.ordinal is not None:
        return str(row.ordinal)
    if row.calendar_year is not None:
        return str(row.calendar_year)
    return f"row-{index}"


def _unique(iri: URIRef, used: set[URIRef]) -> URIRef:
    """Reports repeat rows and amounts; later repeats get `-2`, `-3` in reading order."""
    candidate, n = iri, 1
    while candidate in used:
        n += 1
        candidate = URIRef(f"{iri}-{n}")
    used.add(candidate)
    return candidate


def _map_row(ctx: Context, node: URIRef, row: FundingYear) -> None:
    ctx.add(node, RDF.type, LP.FundingPeriod)
    emit(ctx.graph, node, row, ROW_FIELDS)
    if row.ordinal is not None and any(y.ordinal == row.ordinal for y in ctx.report.years):
        ctx.add(node, LP.implementationYear, ctx.page.year(row.ordinal))
    if row.period is not None:
        period = map_period(ctx, ctx.page.funding_row_period(node), row.period)
        ctx.add(node, DCTERMS.temporal, period)
    ctx.source(node, row.span)


def _map_amount(ctx: Context, node: URIRef, row: URIRef, amount: Amount) -> None:
    for cls in (LP.FundingAmount, QB.Observation):
        ctx.add(node, RDF.type, cls)
    ctx.add(node, QB.dataSet, ctx.page.funding_dataset)
    ctx.add(node, LP.fundingPeriod, row)
    ctx.add(node, SDMX_ATTRIBUTE.unitMeasure, URIRef(CURRENCY + amount.currency))
    emit(ctx.graph, node, amount, AMOUNT_FIELDS)
    ctx.source(node, amount.span)


def _map_stated(ctx: Context, whole: URIRef, kind: str, statement: Statement) -> None:
    """Irregular expenditure and the unrecovered amount as amounts of the whole agreement:
    'Nav' is a reported zero, not a missing value; an answer that states one amount ("1
    200,00 euro, jo …") is that amount, as written, at its own line."""
    if (whole, RDF.type, LP.FundingPeriod) not in ctx.graph:
        ctx.add(whole, RDF.type, LP.FundingPeriod)
        if ctx.report.delegation_period is not None:
            ctx.add(whole, DCTERMS.temporal, ctx.page.agreement_period)
        ctx.source(whole, statement.text.span)
    node = ctx.page.part(f"{ctx.page.fragment_of(whole)}-{kind}")
    for cls in (LP.FundingAmount, QB.Observation):
        ctx.add(node, RDF.type, cls)
    ctx.add(node, QB.dataSet, ctx.page.funding_dataset)
    ctx.add(node, LP.fundingPeriod, whole)
    ctx.add(node, SDMX_ATTRIBUTE.unitMeasure, URIRef(CURRENCY + (statement.currency or "EUR")))
    ctx.add(node, LP.amountType, AMOUNT_TYPE[kind])
    ctx.add(node, LP.purpose, PURPOSE.total)
    if statement.value is not None and statement.amount is not None:
        ctx.add(node, LP.amount, Literal(format(statement.value, "f"), datatype=XSD.decimal))
        ctx.add(node, LP.asWritten, Literal(statement.amount.value))
        ctx.source(node, statement.amount.span)
    else:
        ctx.add(node, LP.amount, Literal("0.00", datatype=XSD.decimal))
        ctx.add(node, LP.asWritten, Literal(statement.text.value))
        ctx.source(node, statement.text.span)
