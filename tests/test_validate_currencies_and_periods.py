"""The consistency shapes agree with the parser on amounts in lati and on periods that end
before they start: a sum is said in the money it is in, and a reversed period's dates are
no overlap, no year outside the delegation and no date outside its year (the parser says
what is wrong once, `period.ends-before-start`)."""

from __future__ import annotations

from functools import cache

from pipeline.parse import parse_text
from pipeline.rdf import to_graph
from pipeline.settings import Settings
from pipeline.validate import Shapes, load_shapes, validate_graph
from tests.parse.golden import UNSEEN

SETTINGS = Settings()
LATI = UNSEEN / "zemgale_2012_2016_lati_then_euro_planted.txt"
REVERSED = UNSEEN / "zemgale_year_ends_before_start_planted.txt"


@cache
def shapes() -> Shapes:
    return load_shapes()


def _shacl(path_text: str, name: str) -> list[tuple[str, int, str]]:
    parsed = parse_text(path_text, name)
    assert parsed.report is not None
    result = validate_graph(to_graph(parsed.report, SETTINGS), SETTINGS, shapes())
    assert result.conforms
    return sorted((p.code, p.span.line if p.span else 0, p.message) for p in result.problems)


def test_a_sum_in_lati_is_said_in_lati_and_lati_beside_euro_are_not_compared() -> None:
    found = _shacl(LATI.read_text(encoding="utf-8"), LATI.name)
    codes = [(code, line) for code, line, _ in found]
    # year II's overspend in lati (line 29); year III, a plan in lati and its spending in
    # euro (line 30), is compared with nothing
    assert codes == [("funding.actual-above-planned", 29), ("funding.remainder-mismatch", 29)]
    assert "8100.00 LVL" in found[0][2] and "EUR" not in found[0][2]


def test_a_year_ending_before_it_starts_is_no_overlap_and_no_date_outside_it() -> None:
    text = REVERSED.read_text(encoding="utf-8")
    parsed = parse_text(text, REVERSED.name)
    reversed_lines = {
        f.span.line for f in parsed.findings if f.code == "period.ends-before-start" and f.span
    }
    assert reversed_lines  # the parser says it once
    found = _shacl(text, REVERSED.name)
    repeats = {
        "period.year-overlap",
        "period.year-outside-delegation",
        "activity.date-outside-year",
    }
    parser = {(f.code, f.span.line if f.span else 0) for f in parsed.findings if f.code in repeats}
    assert {(code, line) for code, line, _ in found if code in repeats} == parser
