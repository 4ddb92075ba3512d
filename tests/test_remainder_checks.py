"""The two remainder checks (`lpsh:RemainderTotal`, `lpsh:RemainderPurpose`) on hand-built
funding graphs, one edge case each.

The rule: planned minus actual must equal the sum of the amounts carried over, returned
and left. The total check compares the period's totals; a remainder type the report gives
as a total counts by that total alone, a type it gives only by purpose counts through its
purpose lines. The per-purpose check compares each purpose's amounts, and runs only where
the report breaks some remainder down by purpose. Each expected finding below was worked
out by hand from that rule; the tests pin what the shapes find, whatever their SPARQL.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache

import pytest
from rdflib import Graph, Literal, URIRef

from pipeline.model import Severity
from pipeline.rdf import MappedGraph
from pipeline.rdf.namespaces import AMOUNT_TYPE, LP, PURPOSE, RDF, XSD, new_graph
from pipeline.rdf.provenance import SourceIndex
from pipeline.settings import Settings
from pipeline.validate import Shapes, load_shapes, validate_graph

SETTINGS = Settings()
BASE = "https://example.org/id/report/900-test#"
CODE = "funding.remainder-mismatch"
CS, MN = "civil-society", "minority-ngos"

#: (shape, period, value node, purpose or None, planned, actual, rest)
Finding = tuple[str, str, str, str | None, Decimal, Decimal, Decimal]

_TOTAL = re.compile(
    r"Planned (\S+) EUR minus actual (\S+) EUR is not the (\S+) EUR carried over, returned or left\."
)
_PURPOSE = re.compile(
    r"For (\S+): planned (\S+) EUR minus actual (\S+) EUR is not the (\S+) EUR carried over,"
    r" returned or left\."
)


@cache
def shapes() -> Shapes:
    return load_shapes()


class Funding:
    """A funding graph as the mapping writes it: amounts point at their period and carry an
    amount type, a purpose (`purpose:total` for totals) and their amounts in EUR."""

    def __init__(self) -> None:
        self.graph: Graph = new_graph()

    def period(self, name: str = "funding-1") -> str:
        self.graph.add((URIRef(BASE + name), RDF.type, LP.FundingPeriod))
        return name

    def line(self, period: str, kind: str, purpose: str | None, *amounts: str) -> str:
        """One amount line; its name is `period-kind[-purpose]`, `-2` ... on a repeat."""
        name = f"{period}-{kind}" + (f"-{purpose}" if purpose else "")
        n = 1
        while (URIRef(BASE + self._numbered(name, n)), None, None) in self.graph:
            n += 1
        name = self._numbered(name, n)
        node = URIRef(BASE + name)
        self.graph.add((node, RDF.type, LP.FundingAmount))
        self.graph.add((node, LP.fundingPeriod, URIRef(BASE + period)))
        self.graph.add((node, LP.amountType, AMOUNT_TYPE[kind]))
        self.graph.add((node, LP.purpose, PURPOSE[purpose] if purpose else PURPOSE.total))
        for amount in amounts:
            self.graph.add((node, LP.amount, Literal(amount, datatype=XSD.decimal)))
        return name

    @staticmethod
    def _numbered(name: str, n: int) -> str:
        return name if n == 1 else f"{name}-{n}"

    def totals(self, period: str, planned: str, actual: str) -> str:
        """The planned and actual totals; the actual one (the value of a finding) is named."""
        self.line(period, "planned", None, planned)
        return self.line(period, "actual", None, actual)

    def purpose(self, period: str, purpose: str, planned: str, actual: str) -> str:
        self.line(period, "planned", purpose, planned)
        return self.line(period, "actual", purpose, actual)


def findings(graph: Graph) -> list[Finding]:
    """The remainder findings, with the numbers their English message names."""
    result = validate_graph(MappedGraph("900-test", graph, SourceIndex()), SETTINGS, shapes())
    found: list[Finding] = []
    for problem in result.problems:
        if problem.code != CODE:
            continue
        assert problem.severity is Severity.WARNING
        assert problem.focus and problem.value and problem.shape
        shape = problem.shape.rpartition("#")[2]
        focus, value = problem.focus.removeprefix(BASE), problem.value.removeprefix(BASE)
        if shape == "RemainderTotal":
            match = _TOTAL.fullmatch(problem.message)
            purpose = None
        else:
            assert shape == "RemainderPurpose", shape
            match = _PURPOSE.fullmatch(problem.message)
            purpose = match[1] if match else None
        assert match, problem.message
        numbers = match.groups()[-3:]
        # the Latvian message names the same numbers, in the same order
        assert re.search(".*".join(re.escape(n) for n in numbers), problem.message_lv)
        planned, actual, rest = (Decimal(n) for n in numbers)
        found.append((shape, focus, value, purpose, planned, actual, rest))
    return sorted(found, key=_order)


def _order(f: Finding) -> tuple[str, str, str, str, Decimal, Decimal, Decimal]:
    return (f[0], f[1], f[2], f[3] or "", f[4], f[5], f[6])


def total(period: str, value: str, planned: str, actual: str, rest: str) -> Finding:
    return ("RemainderTotal", period, value, None, Decimal(planned), Decimal(actual), Decimal(rest))


def per_purpose(
    period: str, value: str, purpose: str, planned: str, actual: str, rest: str
) -> Finding:
    return (
        "RemainderPurpose",
        period,
        value,
        purpose,
        Decimal(planned),
        Decimal(actual),
        Decimal(rest),
    )


Case = Callable[[Funding], list[Finding]]
CASES: dict[str, Case] = {}


def case(function: Case) -> Case:
    CASES[function.__name__.removeprefix("case_").replace("_", "-")] = function
    return function


@case
def case_no_remainder_lines_and_nothing_left(f: Funding) -> list[Finding]:
    f.totals(f.period(), "100.00", "100.00")
    return []


@case
def case_no_remainder_lines_but_money_left(f: Funding) -> list[Finding]:
    actual = f.totals(f.period(), "100.00", "90.00")
    return [total("funding-1", actual, "100.00", "90.00", "0")]


@case
def case_purposes_without_remainder_lines(f: Funding) -> list[Finding]:
    # no remainder by purpose: the per-purpose check does not run, 60 - 50 != 0 or not
    p = f.period()
    actual = f.totals(p, "100.00", "90.00")
    f.purpose(p, CS, "60.00", "50.00")
    f.purpose(p, MN, "40.00", "40.00")
    return [total(p, actual, "100.00", "90.00", "0")]


@case
def case_only_a_total_that_matches(f: Funding) -> list[Finding]:
    p = f.period()
    f.totals(p, "100.50", "90.25")
    f.line(p, "carried-over", None, "10.25")
    f.purpose(p, CS, "60.00", "50.00")  # remainders by purpose nowhere: not checked
    return []


@case
def case_only_a_total_that_does_not_match(f: Funding) -> list[Finding]:
    p = f.period()
    actual = f.totals(p, "100.50", "90.25")
    f.line(p, "carried-over", None, "10.00")
    return [total(p, actual, "100.50", "90.25", "10.00")]


@case
def case_only_by_purpose_and_matching(f: Funding) -> list[Finding]:
    # the types given only by purpose count through their lines: 10 + 5 = 100 - 85
    p = f.period()
    f.totals(p, "100.00", "85.00")
    f.purpose(p, CS, "60.00", "50.00")
    f.purpose(p, MN, "40.00", "35.00")
    f.line(p, "carried-over", CS, "10.00")
    f.line(p, "returned", MN, "5.00")
    return []


@case
def case_only_by_purpose_and_one_purpose_off(f: Funding) -> list[Finding]:
    p = f.period()
    actual = f.totals(p, "100.00", "85.00")
    f.purpose(p, CS, "60.00", "50.00")
    mn = f.purpose(p, MN, "40.00", "35.00")
    f.line(p, "carried-over", CS, "10.00")
    f.line(p, "returned", MN, "4.00")
    return [
        total(p, actual, "100.00", "85.00", "14.00"),
        per_purpose(p, mn, MN, "40.00", "35.00", "4.00"),
    ]


@case
def case_a_type_both_as_total_and_by_purpose(f: Funding) -> list[Finding]:
    # the total (15) counts, not its purpose lines (10 + 3); minority NGOs: 5 != 3
    p = f.period()
    f.totals(p, "100.00", "85.00")
    f.purpose(p, CS, "60.00", "50.00")
    mn = f.purpose(p, MN, "40.00", "35.00")
    f.line(p, "carried-over", None, "15.00")
    f.line(p, "carried-over", CS, "10.00")
    f.line(p, "carried-over", MN, "3.00")
    return [per_purpose(p, mn, MN, "40.00", "35.00", "3.00")]


@case
def case_one_type_as_total_another_by_purpose(f: Funding) -> list[Finding]:
    # total: 12 carried over (its purpose line 7 not counted) + 3 + 5 returned = 20;
    # civil society: 7 + 3 = 10; minority NGOs: 5, not 10
    p = f.period()
    f.totals(p, "100.00", "80.00")
    f.purpose(p, CS, "60.00", "50.00")
    mn = f.purpose(p, MN, "40.00", "30.00")
    f.line(p, "carried-over", None, "12.00")
    f.line(p, "carried-over", CS, "7.00")
    f.line(p, "returned", CS, "3.00")
    f.line(p, "returned", MN, "5.00")
    return [per_purpose(p, mn, MN, "40.00", "30.00", "5.00")]


@case
def case_all_three_types_mixed(f: Funding) -> list[Finding]:
    # total: 20 + 30 carried over, 40 returned (as a total), 10 + 5 left = 105, not 100;
    # civil society: 20 + 30 = 50; minority NGOs: 30 + 10 + 5 = 45, not 50
    p = f.period()
    actual = f.totals(p, "1000.00", "900.00")
    f.purpose(p, CS, "600.00", "550.00")
    mn = f.purpose(p, MN, "400.00", "350.00")
    f.line(p, "carried-over", CS, "20.00")
    f.line(p, "carried-over", MN, "30.00")
    f.line(p, "returned", None, "40.00")
    f.line(p, "returned", CS, "30.00")
    f.line(p, "remainder", MN, "10.00")
    f.line(p, "remainder", MN, "5.00")
    return [
        total(p, actual, "1000.00", "900.00", "105.00"),
        per_purpose(p, mn, MN, "400.00", "350.00", "45.00"),
    ]


@case
def case_several_planned_and_actual_values(f: Funding) -> list[Finding]:
    # each actual value against each planned value: only 100 - 90 = 10 holds
    p = f.period()
    f.line(p, "planned", None, "100.00", "110.00")
    first = f.line(p, "actual", None, "90.00")
    second = f.line(p, "actual", None, "95.00")
    f.line(p, "carried-over", None, "10.00")
    return [
        total(p, first, "110.00", "90.00", "10.00"),
        total(p, second, "100.00", "95.00", "10.00"),
        total(p, second, "110.00", "95.00", "10.00"),
    ]


@case
def case_no_planned_total(f: Funding) -> list[Finding]:
    # nothing to compare the total with; civil society: 10 - 2 = 8, not 1
    p = f.period()
    f.line(p, "actual", None, "90.00")
    f.line(p, "carried-over", None, "5.00")
    cs = f.purpose(p, CS, "10.00", "2.00")
    f.line(p, "carried-over", CS, "1.00")
    return [per_purpose(p, cs, CS, "10.00", "2.00", "1.00")]


@case
def case_no_actual_amounts(f: Funding) -> list[Finding]:
    p = f.period()
    f.line(p, "planned", None, "90.00")
    f.line(p, "carried-over", None, "5.00")
    f.line(p, "planned", MN, "10.00")
    f.line(p, "carried-over", MN, "1.00")
    return []


@case
def case_lines_without_an_amount(f: Funding) -> list[Finding]:
    # a total with no amount does not make its type "given as a total": the purpose line
    # counts (10 = 100 - 90); the civil-society plan has no amount, so nothing to compare
    p = f.period()
    f.totals(p, "100.00", "90.00")
    f.line(p, "carried-over", None)
    f.line(p, "carried-over", CS, "10.00")
    f.line(p, "planned", CS)
    f.line(p, "actual", CS, "5.00")
    return []


@case
def case_each_period_on_its_own(f: Funding) -> list[Finding]:
    # the first period's total carried over says nothing about the second one's
    first, second = f.period("funding-1"), f.period("funding-2")
    f.totals(first, "100.00", "90.00")
    f.line(first, "carried-over", None, "10.00")
    actual = f.totals(second, "50.00", "40.00")
    cs = f.purpose(second, CS, "50.00", "40.00")
    f.line(second, "remainder", CS, "9.00")
    return [
        total(second, actual, "50.00", "40.00", "9.00"),
        per_purpose(second, cs, CS, "50.00", "40.00", "9.00"),
    ]


@case
def case_a_total_or_a_breakdown_in_one_period_decides_nothing_for_another(
    f: Funding,
) -> list[Finding]:
    # the first period carries its money over as a total and has no remainder by purpose;
    # the second carries it over by purpose only: each is judged by its own lines (were
    # they pooled, the second's purpose line would not count, and the first's purposes,
    # 60 - 55 with nothing left, would be checked)
    first, second = f.period("funding-1"), f.period("funding-2")
    f.totals(first, "100.00", "90.00")
    f.purpose(first, CS, "60.00", "55.00")
    f.line(first, "carried-over", None, "10.00")
    f.totals(second, "50.00", "40.00")
    f.purpose(second, CS, "50.00", "40.00")
    f.line(second, "carried-over", CS, "10.00")
    return []


@case
def case_other_amount_types_do_not_count(f: Funding) -> list[Finding]:
    # irregular expenditure and money carried in are no remainder (nor a breakdown)
    p = f.period()
    actual = f.totals(p, "100.00", "90.00")
    f.line(p, "irregular", None, "10.00")
    f.line(p, "carried-in", CS, "10.00")
    f.purpose(p, CS, "60.00", "50.00")
    return [total(p, actual, "100.00", "90.00", "0")]


@case
def case_cents_add_up_exactly(f: Funding) -> list[Finding]:
    # decimal arithmetic: 0.30 - 0.10 is 0.20 exactly (not so in binary floating point)
    p = f.period()
    f.totals(p, "0.30", "0.10")
    f.purpose(p, CS, "0.30", "0.10")
    f.line(p, "returned", CS, "0.10")
    f.line(p, "remainder", CS, "0.10")
    return []


@case
def case_cents_off_by_one(f: Funding) -> list[Finding]:
    p = f.period()
    actual = f.totals(p, "1234.56", "1000.00")
    cs = f.purpose(p, CS, "1234.56", "1000.00")
    f.line(p, "carried-over", CS, "234.55")
    return [
        total(p, actual, "1234.56", "1000.00", "234.55"),
        per_purpose(p, cs, CS, "1234.56", "1000.00", "234.55"),
    ]


@pytest.mark.parametrize("name", sorted(CASES))
def test_remainder_findings(name: str) -> None:
    funding = Funding()
    expected = CASES[name](funding)
    assert findings(funding.graph) == sorted(expected, key=_order)


def test_the_cases_cover_findings_and_silence() -> None:
    """Both checks are seen to find something and to stay silent."""
    shapes_found: set[str] = set()
    silent = 0
    for build in CASES.values():
        expected = build(Funding())
        shapes_found |= {f[0] for f in expected}
        silent += not expected
    assert shapes_found == {"RemainderTotal", "RemainderPurpose"}
    assert silent >= 5
