"""Whatever a file holds, reading it gives a `Parsed` value, never an exception: a bad file
must not stop the others. Property-based: random bytes, and the real reports cut, spliced
and garbled at random places."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.model import Parsed, Severity
from pipeline.model_json import parsed_to_json
from pipeline.parse import parse_bytes
from tests.conftest import MINIMAL, REPORTS

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))] + [
    MINIMAL.read_text(encoding="utf-8")
]
CHECKS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _consistent(parsed: Parsed, text: str | None = None) -> None:
    parsed_to_json(parsed)  # every value can be written out
    if parsed.report is None:
        assert any(f.severity is Severity.ERROR for f in parsed.findings)
        return
    source = parsed.report.source_text
    for activity in parsed.report.activities:
        span = activity.text.span
        assert 0 <= span.start <= span.end <= len(source)
        assert 1 <= span.line <= span.end_line <= source.count("\n") + 1


@CHECKS
@given(st.binary(max_size=4000))
def test_any_bytes(data: bytes) -> None:
    _consistent(parse_bytes(data, "random.bin"))


@CHECKS
@given(st.sampled_from(TEXTS), st.integers(0, 100_000), st.integers(0, 100_000))
def test_any_slice_of_a_report(text: str, a: int, b: int) -> None:
    start, stop = sorted((a % (len(text) + 1), b % (len(text) + 1)))
    _consistent(parse_bytes(text[start:stop].encode("utf-8"), "slice.txt"))


@CHECKS
@given(
    st.sampled_from(TEXTS), st.sampled_from(TEXTS), st.integers(0, 100_000), st.integers(0, 100_000)
)
def test_two_reports_spliced(first: str, second: str, a: int, b: int) -> None:
    text = first[: a % (len(first) + 1)] + second[b % (len(second) + 1) :]
    _consistent(parse_bytes(text.encode("utf-8"), "spliced.txt"))


@CHECKS
@given(
    st.sampled_from(TEXTS),
    st.lists(
        st.tuples(
            st.integers(0, 100_000), st.text(alphabet='\t\n ()<>;:.,-–•*0123456789ā"„”', max_size=8)
        ),
        max_size=12,
    ),
)
def test_structure_characters_inserted(text: str, edits: list[tuple[int, str]]) -> None:
    for position, insert in edits:
        at = position % (len(text) + 1)
        text = text[:at] + insert + text[at:]
    _consistent(parse_bytes(text.encode("utf-8"), "garbled.txt"))


def test_a_calendar_year_row_continued_on_the_next_row() -> None:
    """Found by the property tests: a calendar-year funding row whose amount sits on the
    row below must not stop the reading, and the amount belongs to that year."""
    text = TEXTS[1].replace("\t2021.gads\t\n", "\t2021.gads\t\n\t\t1 000,00 euro\n")
    parsed = parse_bytes(text.encode("utf-8"), "001-continued.txt")
    assert parsed.report is not None
    rows = {r.calendar_year: [a.value for a in r.amounts] for r in parsed.report.funding}
    assert rows == {2020: [Decimal("19999.36")], 2021: [Decimal("1000.00")]}
    assert "funding.missing-amount" not in [f.code for f in parsed.findings]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(TEXTS),
    st.lists(
        st.tuples(
            st.integers(0, 100_000), st.text(alphabet='\t\n ()<>;:.,-–•*0123456789ā"„”', max_size=8)
        ),
        max_size=12,
    ),
)
def test_whatever_is_read_maps_to_rdf_that_serialises(
    text: str, edits: list[tuple[int, str]]
) -> None:
    from pipeline.rdf import to_graph
    from pipeline.rdf.serialise import serialise, sorted_triples
    from pipeline.settings import Settings

    for position, insert in edits:
        at = position % (len(text) + 1)
        text = text[:at] + insert + text[at:]
    parsed = parse_bytes(text.encode("utf-8"), "reports/900_garbled.txt")
    if parsed.report is not None:
        mapped = to_graph(parsed.report, Settings())
        assert serialise(sorted_triples([mapped.graph]), "nt")  # valid IRIs and literals throughout
