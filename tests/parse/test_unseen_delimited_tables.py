"""Funding pasted from a spreadsheet as semicolon-separated rows ("Gads;Plānots;Faktiski;
Atlikums"), in a report copied from a web page, written by an independent tester with the
facts read by hand before the parser ran: the rows are the template's table, and its two
planted contradictions are found. Semicolons in sentences stay as they are."""

from __future__ import annotations

from decimal import Decimal

from pipeline.model import AmountRole
from pipeline.parse import parse_report
from pipeline.parse.delimited_tables import delimited_tables
from pipeline.parse.text import SourcedText
from tests.conftest import FIXTURES

P, A, R = AmountRole.PLANNED, AmountRole.ACTUAL, AmountRole.REMAINDER
REPORT = FIXTURES / "reports" / "grids" / "riga_web_copy_semicolon_funding_rows_planted.txt"


def test_semicolon_rows_are_the_funding_table() -> None:
    parsed = parse_report(REPORT, name=REPORT.name)
    assert parsed.report is not None
    rows = [
        (row.ordinal, sorted((a.role.value, a.value) for a in row.amounts))
        for row in parsed.report.funding
    ]
    assert rows == [
        (
            1,
            sorted(
                [
                    (P.value, Decimal("45000.00")),
                    (A.value, Decimal("44800.00")),
                    (R.value, Decimal("200.00")),
                ]
            ),
        ),
        (
            2,
            sorted(
                [
                    (P.value, Decimal("45000.00")),
                    (A.value, Decimal("45250.00")),
                    (R.value, Decimal("0.00")),
                ]
            ),
        ),
        (
            3,
            sorted(
                [
                    (P.value, Decimal("45000")),
                    (A.value, Decimal("44612.30")),
                    (R.value, Decimal("378.70")),
                ]
            ),
        ),
        (
            4,
            sorted(
                [
                    (P.value, Decimal("45000.00")),
                    (A.value, Decimal("45000.00")),
                    (R.value, Decimal("0.00")),
                ]
            ),
        ),
    ]
    found = sorted((f.code, f.span.line if f.span else None) for f in parsed.findings)
    assert found == [
        # year 2 spent 45 250,00 of 45 000,00 (planted), leaving the 0,00 it states wrong
        ("funding.actual-above-planned", 76),
        ("funding.remainder-mismatch", 76),
        # year 3 leaves 387,70, not the 378,70 written (planted)
        ("funding.remainder-mismatch", 77),
        # the web page's frame above the report, and the "Kopā" row summing the years
        ("structure.unlabelled-text", 1),
        ("structure.unlabelled-text", 79),
    ]


def test_semicolons_in_sentences_and_lists_stay() -> None:
    for text in (
        "organizēti 3 semināri par NVO darbību; 2 forumi; 5 pasākumi\n"
        "sniegtas 40 konsultācijas biedrībām un NVO; 12 ziņas; 1 buklets\n",
        "1) 3 semināri;\n2) 2 forumi;\n3) 5 pasākumi;\n",
        "Gads;Plānots;Faktiski\n",  # one line is no table
    ):
        source = SourcedText(text, tuple(range(len(text))))
        assert delimited_tables(source).text == text
