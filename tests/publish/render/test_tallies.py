"""What the cross-report pages count in each report, counted where the report's graph is
(its worker), so that the main process need not hold every indicator of every report."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from pipeline.publish.render import SiteInput, render_site
from pipeline.publish.render.money import Total
from pipeline.publish.render.tallies import Tally, tallies
from pipeline.rdf.namespaces import AMOUNT_TYPE, LP, PURPOSE, RDF, SCHEMA, VOCAB_ROOT, XSD

R = "https://example.org/id/report/a"
S = "https://example.org/id/report/b"
KIND = VOCAB_ROOT + "indicator-kind/"


def _graph() -> Graph:
    """Report a: year 1 with two activities (the first with indicators 670 participants
    and 3 events, the second with none), year 2 with one activity (12.5 participants, not
    a whole number, and a value of no kind); 1000.00 planned and 950.50 spent in 2023;
    report b: one activity in no year."""
    g = Graph()

    def activity(node: str, year: str | None) -> URIRef:
        iri = URIRef(node)
        g.add((iri, RDF.type, LP.ReportedActivity))
        if year is not None:
            g.add((URIRef(year), LP.activity, iri))
        return iri

    def indicator(node: str, of: URIRef, value: str, kind: str | None) -> None:
        iri = URIRef(node)
        g.add((of, LP.indicator, iri))
        g.add((iri, RDF.type, LP.IndicatorValue))
        g.add((iri, RDF.type, SCHEMA.QuantitativeValue))
        g.add((iri, SCHEMA.value, Literal(value)))
        if kind is not None:
            g.add((iri, LP.indicatorKind, URIRef(KIND + kind)))

    g.add((URIRef(R), RDF.type, LP.DelegationReport))
    for n, (value, role) in enumerate((("1000.00", "planned"), ("950.50", "actual")), start=1):
        amount = URIRef(f"{R}#funding-1-{role}")
        g.add((amount, RDF.type, LP.FundingAmount))
        g.add((amount, LP.amount, Literal(value, datatype=XSD.decimal)))
        g.add((amount, LP.amountType, AMOUNT_TYPE[role]))
        g.add((amount, LP.purpose, PURPOSE.total))
        g.add((amount, LP.fundingPeriod, URIRef(f"{R}#funding-{n}")))
        g.add((URIRef(f"{R}#funding-{n}"), LP.calendarYear, Literal("2023", datatype=XSD.gYear)))
    a1 = activity(f"{R}#activity-1-1", f"{R}#year-1")
    activity(f"{R}#activity-1-2", f"{R}#year-1")
    a3 = activity(f"{R}#activity-2-1", f"{R}#year-2")
    indicator(f"{R}#activity-1-1-indicator-1", a1, "670", "participants")
    indicator(f"{R}#activity-1-1-indicator-2", a1, "3", "events")
    indicator(f"{R}#activity-2-1-indicator-1", a3, "12.5", "participants")
    indicator(f"{R}#activity-2-1-indicator-2", a3, "4", None)
    activity(f"{S}#activity-1-1", None)
    return g


def test_a_report_is_counted_by_year_and_by_kind() -> None:
    found = tallies(_graph())
    assert found == {
        R: Tally(
            report=R,
            activities=3,
            years=((f"{R}#year-1", 2, 2), (f"{R}#year-2", 1, 2)),
            kinds=(
                ("", 1, 4),
                (KIND + "events", 1, 3),
                (KIND + "participants", 2, 670),  # 12.5 is not a whole number: counts 0
            ),
            amounts=2,
            totals=(
                Total(R, None, None, 2023, "actual", Decimal("950.50"), f"{R}#funding-1-actual"),
                Total(R, None, None, 2023, "planned", Decimal("1000.00"), f"{R}#funding-1-planned"),
            ),
        ),
        S: Tally(report=S, activities=1, years=(), kinds=(), amounts=0, totals=()),
    }


def test_a_graph_without_activities_has_no_tallies() -> None:
    assert tallies(Graph()) == {}


def _main(html: str) -> str:
    match = re.search(r"<main.*?</main>", html, re.S)
    assert match is not None
    return match.group(0)


def test_the_build_counts_as_a_render_of_the_whole_graph(
    bundled: SiteInput, built_site: Path, tmp_path: Path
) -> None:
    """The build's cross-report pages count from the workers' tallies (their summaries no
    longer carry indicators or amounts); a render of every report's whole graph counts
    the graph. The listings, the money page and the home page's counts agree."""
    render_site(bundled, tmp_path)
    pages = ("doc/years.html", "doc/indicator-kinds.html", "doc/reports.html", "doc/money.html")
    for page in (*pages, "doc/implementers.html", "doc/regions.html"):
        built = _main((built_site / page).read_text(encoding="utf-8"))
        whole = _main((tmp_path / page).read_text(encoding="utf-8"))
        assert built == whole, page
        assert re.search(r">[1-9]\d*<", built), page  # counts, not only zeros
    # The home page's counts of activities, indicator values and amounts
    rows = re.compile(
        r"<tr><th[^>]*>.{0,300}?(?:activities|indicator values|amounts)</span></a></th>.*?</tr>"
    )
    built_home = rows.findall((built_site / "index.html").read_text(encoding="utf-8"))
    whole_home = rows.findall((tmp_path / "index.html").read_text(encoding="utf-8"))
    assert len(built_home) == 3 and built_home == whole_home
