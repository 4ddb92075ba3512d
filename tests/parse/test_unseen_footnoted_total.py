"""A Word 97 report (saved by LibreOffice) whose year I actual total carries a footnote
("faktiski 41 236,75 euro¹, t.sk. …") that says what became of the money left over, written
by an independent tester with the facts read by hand before the parser ran. The mark after
the currency word must neither turn the actual lines into planned ones nor make the unstated
remainder a contradiction; the two planted contradictions are found."""

from __future__ import annotations

from decimal import Decimal

from pipeline.model import AmountRole, Purpose
from pipeline.read import read_report
from tests.parse.golden import UNSEEN

P, A = AmountRole.PLANNED, AmountRole.ACTUAL
CS, MN = Purpose.CIVIL_SOCIETY, Purpose.MINORITY_NGOS
REPORT = UNSEEN / "kurzeme_doc_footnote_on_actual_total_planted.doc"


def test_a_footnote_mark_after_the_currency_keeps_the_lines_the_totals() -> None:
    parsed = read_report(REPORT, REPORT.name)
    assert parsed.report is not None
    first = {(a.role, a.purpose, a.value) for a in parsed.report.funding[0].amounts}
    assert first == {
        (P, None, Decimal("42000.00")),
        (P, CS, Decimal("26000.00")),
        (P, MN, Decimal("16000.00")),
        (A, None, Decimal("41236.75")),
        (A, CS, Decimal("25811.30")),
        (A, MN, Decimal("15425.45")),
    }


def test_only_the_planted_contradictions_are_found() -> None:
    parsed = read_report(REPORT, REPORT.name)
    found = sorted((f.code, f.span.line if f.span else None) for f in parsed.findings)
    assert found == [
        # year II's actual lines 25 950,00 + 15 850,00 under 41 900,00
        ("funding.sum-mismatch", 32),
        # year II ending 31 March 2025, after the delegation
        ("period.year-outside-delegation", 20),
        # the footnote, after the body: kept as written
        ("structure.unlabelled-text", 40),
    ]
