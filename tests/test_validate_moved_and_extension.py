"""The consistency shapes agree with the parser on what a report itself explains: a date an
activity says it was moved to is no date outside its year, and the period the contract was
extended by ("PAGARINĀJUMA PERIODS (…)") is no year outside the delegation period. The same
dates without those words are warned of by both."""

from __future__ import annotations

from functools import cache

from rdflib import Literal

from pipeline.model import Severity
from pipeline.parse import parse_text
from pipeline.rdf import to_graph
from pipeline.rdf.namespaces import AMOUNT_TYPE, LP, XSD
from pipeline.settings import Settings
from pipeline.validate import Shapes, load_shapes, validate_graph
from tests.parse.golden import UNSEEN

SETTINGS = Settings()
EXTENDED = UNSEEN / "facts_extension_past_period_moved_seminar.txt"
PLANTED = UNSEEN / "facts_year_past_period_date_outside_planted.txt"
CODES = ("period.year-outside-delegation", "activity.date-outside-year")


@cache
def shapes() -> Shapes:
    return load_shapes()


def _both(text: str, name: str) -> tuple[set[tuple[str, int]], set[tuple[str, int]]]:
    """The parser's and the shapes' warnings of the two codes, as (code, line)."""
    parsed = parse_text(text, name)
    assert parsed.report is not None
    result = validate_graph(to_graph(parsed.report, SETTINGS), SETTINGS, shapes())
    assert result.conforms

    def of(problems: object) -> set[tuple[str, int]]:
        return {
            (p.code, p.span.line if p.span else 0)
            for p in problems  # type: ignore[attr-defined]
            if p.code in CODES
        }

    return of(parsed.findings), of(result.problems)


def test_a_moved_date_and_an_extension_past_the_period_are_not_warned_of() -> None:
    """l.17 "… tika pārcelts uz 2024. gada 18. janvāri" in year II (2023), l.19
    "PAGARINĀJUMA PERIODS (2024.gada 1.janvāris …)" after the delegation period (l.8, to
    2023.gada 31.decembris)."""
    parser, shacl = _both(EXTENDED.read_text(encoding="utf-8"), EXTENDED.name)
    assert parser == shacl == set()


def test_the_same_dates_without_those_words_are_warned_of() -> None:
    """l.17 "… notika 2024. gada 18. janvārī" in year II (2023), l.19 "III. ĪSTENOŠANAS GADS
    (2024.gada 1.janvāris …)" after the delegation period."""
    parser, shacl = _both(PLANTED.read_text(encoding="utf-8"), PLANTED.name)
    expected = {("activity.date-outside-year", 17), ("period.year-outside-delegation", 19)}
    assert parser == shacl == expected


def test_an_extension_that_starts_before_the_delegation_period_is_still_warned_of() -> None:
    text = EXTENDED.read_text(encoding="utf-8")
    heading = "PAGARINĀJUMA PERIODS (2024.gada 1.janvāris"
    assert heading in text
    early = text.replace(heading, "PAGARINĀJUMA PERIODS (2021.gada 1.janvāris")
    parser, shacl = _both(early, EXTENDED.name)
    assert parser == shacl == {("period.year-outside-delegation", 19)}


def test_either_fact_is_stated_only_where_it_holds() -> None:
    parsed = parse_text(EXTENDED.read_text(encoding="utf-8"), EXTENDED.name)
    assert parsed.report is not None
    mapped = to_graph(parsed.report, SETTINGS)
    (date,) = mapped.graph.subjects(LP.moved, None)
    (year,) = mapped.graph.subjects(LP.extension, None)
    mapped.graph.set((date, LP.moved, Literal(False)))
    mapped.graph.set((year, LP.extension, Literal(False)))
    result = validate_graph(mapped, SETTINGS, shapes())
    assert not result.conforms
    shapes_found = {p.shape for p in result.problems if p.severity is Severity.ERROR}
    assert {s.rpartition("#")[2] for s in shapes_found if s} >= {"Period-moved", "Year-extension"}


def test_a_contract_total_keeps_to_the_shapes_and_is_summed_with_no_year() -> None:
    """l.19 "Kopā par visu līguma periodu: plānots 80 000,00 euro; …": the graph conforms,
    and no consistency shape counts the total as a year's money."""
    path = UNSEEN / "facts_contract_total_over_the_whole_period.txt"
    parsed = parse_text(path.read_text(encoding="utf-8"), path.name)
    assert parsed.report is not None and len(parsed.report.contract_totals) == 3
    mapped = to_graph(parsed.report, SETTINGS)
    assert len(set(mapped.graph.subjects(LP.contractTotal, None))) == 1
    result = validate_graph(mapped, SETTINGS, shapes())
    assert result.conforms
    assert [p.code for p in result.problems] == []
    # a total of a type no contract states is no contract total
    (total,) = mapped.graph.subjects(LP.amount, Literal("80000.00", datatype=XSD.decimal))
    mapped.graph.set((total, LP.amountType, AMOUNT_TYPE["carried-in"]))
    assert not validate_graph(mapped, SETTINGS, shapes()).conforms
