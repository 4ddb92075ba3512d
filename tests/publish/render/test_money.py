"""The money page's sums, checked against the reports' funding sections read by hand."""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph

from pipeline.publish.render import SiteInput
from pipeline.publish.render.money import ROLES, table, totals

D = Decimal
REGION = "https://w3id.org/lodpipe/def/region#"


def _graph(site: SiteInput) -> Graph:
    graph = Graph()
    for mapped in site.graphs:
        graph += mapped.graph
    return graph


def test_region_by_year_sums(bundled: SiteInput) -> None:
    cells = {
        (c.region, c.year): dict(zip(ROLES, c.sums, strict=True))
        for c in table(totals(_graph(bundled)), by_region=True)
    }
    latgale = REGION + "latgale"
    # 000 line 61: 54 000 planned, 51 553 spent, and "- 2 447,00 euro no piešķirtā finansējuma":
    # a remainder whose fate the row does not state (it is carried in on line 62).
    assert cells[(latgale, 2022)] == {
        "planned": D("54000"),
        "actual": D("51553"),
        "carried-over": None,
        "returned": None,
        "remainder": D("2447"),
        "reported": None,
    }
    # 000 lines 62-64: remainders by purpose only, 434,32 + 1342,50
    assert cells[(latgale, 2023)]["remainder"] == D("1776.82")
    # 000 line 65: 51,50 returned to the ministry
    assert cells[(latgale, 2024)]["returned"] == D("51.50")
    # 002 line 41: 1 177,33 carried over; 004 line 281: 128,28 returned
    assert cells[(REGION + "riga", 2023)]["carried-over"] == D("1177.33")
    assert cells[(REGION + "kurzeme", 2024)]["returned"] == D("128.28")
    # 001 states its funding by calendar year without saying planned or actual (line 12):
    # it is shown as stated, never as planned or actual; 2021 has no amount (line 13)
    assert cells[(latgale, 2020)]["reported"] == D("19999.36")
    assert cells[(latgale, 2020)]["planned"] is None and cells[(latgale, 2020)]["actual"] is None


def test_the_largest_recipients_are_ranked_by_money_planned_then_spent() -> None:
    from pipeline.publish.render.dashboard import MoneyRow
    from pipeline.publish.render.pages_overview import largest
    from pipeline.publish.render.views import Value

    def row(name: str, planned: str | None, spent: str | None) -> MoneyRow:
        amounts = tuple(Decimal(x) if x is not None else None for x in (planned, spent, None))
        return MoneyRow(Value(name, f"org/{name}"), amounts, 1)

    rows = [row(f"b{i:02}", str(100 + i), "5") for i in range(12)]
    rows += [
        row("none", None, "999"),  # nothing planned: not a recipient, whatever was spent
        row("zero", "0", "999"),
        row("a-tie", "111", "5"),  # the same as b11: by name
        row("spent-more", "111", "6"),  # the same planned as b11: more spent first
    ]
    names = [r.heading.text for r in largest(rows)]
    assert names == ["spent-more", "a-tie", "b11", "b10", "b09", "b08", "b07", "b06", "b05", "b04"]
    assert [r.heading.text for r in largest(rows[-3:])] == ["spent-more", "a-tie"]
