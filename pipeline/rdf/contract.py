"""The funding over the whole contract (`Report.contract_totals`) as totals of the agreement.

Each is an `lp:ContractTotal` of the agreement, over its period, with its role, amount and
currency, and never an observation of the funding cube: the years' amounts already add up
to it, and whatever sums the cube's amounts would count the money twice.
"""

from __future__ import annotations

from rdflib import Literal, URIRef

from pipeline.model import Amount
from pipeline.rdf.mapping import Context, Field, emit
from pipeline.rdf.namespaces import AMOUNT_TYPE, CURRENCY, DCTERMS, LP, RDF, SDMX_ATTRIBUTE, XSD

TOTAL_FIELDS = (
    Field("role", LP.amountType, lambda v: AMOUNT_TYPE[v.value]),
    Field(
        "value",
        LP.amount,
        lambda v: None if v is None else Literal(format(v, "f"), datatype=XSD.decimal),
    ),
    Field("text", LP.asWritten, lambda v: Literal(v) if v else None),
    Field("currency", SDMX_ATTRIBUTE.unitMeasure, lambda v: URIRef(CURRENCY + v)),
)


def map_contract_totals(ctx: Context) -> None:
    for amount in ctx.report.contract_totals:
        ctx.add(ctx.page.agreement, LP.contractTotal, _map_total(ctx, amount))


def _map_total(ctx: Context, amount: Amount) -> URIRef:
    node = ctx.page.contract_total(amount.role)
    ctx.add(node, RDF.type, LP.ContractTotal)
    emit(ctx.graph, node, amount, TOTAL_FIELDS)
    if ctx.report.delegation_period is not None:
        ctx.add(node, DCTERMS.temporal, ctx.page.agreement_period)
    ctx.source(node, amount.span)
    return node
