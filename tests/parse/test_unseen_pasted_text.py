"""Reports copied out of a typeset PDF or a spreadsheet and pasted as text, written by an
independent tester with the facts read by hand before the parser ran: ligatures ("ﬁnansējums")
and year headings "I gads (…)", "Pirmais gads (…)" as older and other forms write them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pipeline.model import AmountRole, Parsed, Purpose, Report
from pipeline.parse import parse_report, parse_text
from tests.conftest import MINIMAL
from tests.parse.golden import UNSEEN

D = dt.date
P, A, R = AmountRole.PLANNED, AmountRole.ACTUAL, AmountRole.RETURNED
CS, MN = Purpose.CIVIL_SOCIETY, Purpose.MINORITY_NGOS
COPIED = UNSEEN / "vidzeme_pdf_copy_ligatures_roman_gads_headings.txt"
TABS = UNSEEN / "kurzeme_tabs_ordinal_word_gads_headings_planted.txt"


def _read(path: object) -> tuple[Parsed, Report]:
    parsed = parse_report(UNSEEN / str(path), name=str(path))
    assert parsed.report is not None
    return parsed, parsed.report


def _years(rep: Report) -> list[tuple[int | None, D | None, D | None]]:
    return [
        (y.ordinal, y.period.start if y.period else None, y.period.end if y.period else None)
        for y in rep.years
    ]


def test_roman_gads_headings_and_a_ligature_in_the_funding_label() -> None:
    parsed, rep = _read(COPIED.name)
    assert _years(rep) == [
        (1, D(2022, 7, 15), D(2023, 7, 14)),
        (2, D(2023, 7, 15), D(2024, 7, 14)),
        (3, D(2024, 7, 15), D(2025, 7, 14)),
    ]
    # ten, nine and eight items, civil society and minorities together
    assert [sum(1 for a in rep.activities if a.year == n) for n in (1, 2, 3)] == [10, 9, 8]
    # the label "… valsts budžeta ﬁnansējums" is found: the funding section is read
    assert [f.code for f in parsed.findings] == []
    by_year = {
        row.ordinal: {(a.role, a.purpose, a.value) for a in row.amounts} for row in rep.funding
    }
    assert by_year[1] == {
        (P, None, Decimal("50000.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("20000.00")),
        (A, None, Decimal("49312.40")),
        (A, CS, Decimal("29600.00")),
        (A, MN, Decimal("19712.40")),
        (R, None, Decimal("687.60")),
    }
    assert (R, None, Decimal("124.75")) in by_year[3]
    assert (A, None, Decimal("50000.00")) in by_year[2]


def test_ordinal_word_gads_headings_in_a_cell_and_the_planted_year_end() -> None:
    parsed, rep = _read(TABS.name)
    assert _years(rep) == [
        (1, D(2022, 7, 15), D(2023, 7, 14)),
        (2, D(2023, 7, 15), D(2024, 7, 14)),
        (3, D(2024, 7, 15), D(2025, 8, 14)),  # as written: past the delegation's end
    ]
    outside = [f for f in parsed.findings if f.code == "period.year-outside-delegation"]
    assert len(outside) == 1 and outside[0].span is not None and outside[0].span.line == 35
    # amounts copied with a space before the decimal comma ("48 215 ,60")
    first = {(a.role, a.purpose, a.value) for a in rep.funding[0].amounts}
    assert (A, None, Decimal("48215.60")) in first and (A, MN, Decimal("18735.60")) in first
    assert (P, None, Decimal("49000.00")) in first
    [mismatch] = [f for f in parsed.findings if f.code == "funding.sum-mismatch"]
    assert "49 500,00" in mismatch.message and "49 000,00" in mismatch.message


def test_a_sentence_opening_with_an_ordinal_and_gads_heads_no_year() -> None:
    text = MINIMAL.read_text(encoding="utf-8")
    years = len(_report(parse_text(text, "minimal.txt")).years)
    for sentence in (
        "Pirmais gads bija grūts (2022), jo pasākumi notika attālināti.",
        "I gads noslēdzās ar forumu 2023. gada jūlijā.",
    ):
        changed = text.replace("- 2) sniegtas", f"{sentence}\n- 2) sniegtas", 1)
        assert changed != text
        assert len(_report(parse_text(changed, "minimal.txt")).years) == years, sentence


def _report(parsed: Parsed) -> Report:
    assert parsed.report is not None
    return parsed.report
