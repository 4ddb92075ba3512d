"""What the cross-report pages count in each report: activities and indicator values, by
implementation year and by kind of indicator, and the funding totals.

A report's activities, indicators and amounts are most of its graph's nodes (about 70 % of
the triples the cross-report pages would otherwise read), yet those pages only count and
sum them. Counted where the report's graph is at hand (the worker that builds the report), a
report's tally is a few numbers; the main process sums tallies instead of holding every
indicator of every report in one graph.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from rdflib import Graph, Literal

from pipeline.publish.render.money import Total, totals
from pipeline.rdf.namespaces import LP, RDF, SCHEMA


@dataclass(frozen=True, slots=True)
class Tally:
    """One report's counts (`report` is its document IRI)."""

    report: str
    activities: int  # lp:ReportedActivity nodes
    #: (implementation year IRI, its activities, their indicator values), by IRI
    years: tuple[tuple[str, int, int], ...]
    #: (indicator kind IRI, or "" when none, values of that kind, their sum), by IRI. The
    #: sum adds the numbers as written: "more than 670" counts 670; a value that is not a
    #: whole number counts 0
    kinds: tuple[tuple[str, int, int], ...]
    amounts: int  # lp:FundingAmount nodes
    totals: tuple[Total, ...]  # `money.totals` of the report


def tallies(graph: Graph) -> dict[str, Tally]:
    """The tally of every report with activities, indicators or amounts in `graph`, by report
    document IRI (a node's document is its IRI without the fragment)."""
    activities: Counter[str] = Counter()
    for node in graph.subjects(RDF.type, LP.ReportedActivity):
        if "#" in str(node):
            activities[_document(node)] += 1
    years: dict[str, dict[str, tuple[int, int]]] = {}
    for year in set(graph.subjects(LP.activity, None)):
        acts = list(graph.objects(year, LP.activity))
        indicators = sum(len(list(graph.objects(a, LP.indicator))) for a in acts)
        years.setdefault(_document(year), {})[str(year)] = (len(acts), indicators)
    counts: dict[str, Counter[str]] = {}
    sums: dict[str, Counter[str]] = {}
    for item in graph.subjects(RDF.type, LP.IndicatorValue):
        kind = str(graph.value(item, LP.indicatorKind) or "")
        value = graph.value(item, SCHEMA.value)
        doc = _document(item)
        counts.setdefault(doc, Counter())[kind] += 1
        sums.setdefault(doc, Counter())[kind] += (
            int(value) if isinstance(value, Literal) and str(value).isdigit() else 0
        )
    amounts: Counter[str] = Counter()
    for node in graph.subjects(RDF.type, LP.FundingAmount):
        if "#" in str(node):
            amounts[_document(node)] += 1
    money: dict[str, list[Total]] = {}
    for total in totals(graph):
        money.setdefault(total.report, []).append(total)
    docs = sorted({*activities, *years, *counts, *amounts, *money})
    return {
        doc: Tally(
            report=doc,
            activities=activities[doc],
            years=tuple((y, a, i) for y, (a, i) in sorted(years.get(doc, {}).items())),
            kinds=tuple(
                (kind, n, sums[doc][kind]) for kind, n in sorted(counts.get(doc, {}).items())
            ),
            amounts=amounts[doc],
            totals=tuple(money.get(doc, ())),
        )
        for doc in docs
    }


def shared(tally: Tally, texts: Callable[[str], str] = sys.intern) -> Tally:
    """`tally` with the texts many reports repeat (kinds, regions, implementers, roles)
    taken from `texts`, one object each: a build keeps every report's tally, and as
    unpickled each held a copy of its own of each text (about half of a tally)."""
    report = texts(tally.report)
    return Tally(
        report=report,
        activities=tally.activities,
        years=tally.years,
        kinds=tuple((texts(kind), n, total) for kind, n, total in tally.kinds),
        amounts=tally.amounts,
        totals=tuple(
            Total(
                report=texts(t.report),
                region=None if t.region is None else texts(t.region),
                implementer=None if t.implementer is None else texts(t.implementer),
                year=t.year,
                role=texts(t.role),
                amount=t.amount,
                fact=t.fact,
            )
            for t in tally.totals
        ),
    )


def _document(node: object) -> str:
    return str(node).partition("#")[0]
