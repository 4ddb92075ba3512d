"""Funding money that was lost by what stands beside it (tester round r10, items 1 and 4):
a sentence under a funding table nested in a Word cell made every amount of the table
unread, and a plan written in thousands ("45,0 tūkst. EUR") made its lines written in full
euros unread with it. Golden values read by hand from the fixtures
(`tests/fixtures/reports/unseen/`): the Word document's funding cell (source line 13) and
the OpenDocument's first funding row (source line 7).
"""

from __future__ import annotations

from decimal import Decimal as E

import pytest

from pipeline.model import AmountRole, Parsed
from pipeline.parse.funding import read_funding
from pipeline.parse.funding_blocks import FundingRead
from pipeline.parse.text import SourcedText, SourceFile
from tests.parse.golden import BACK, CS, MN, A, P, amounts, read_unseen, report_of

R = AmountRole.REMAINDER

FILES = {
    "word": "r10_vidzeme_word_nested_funding_actual_first_euro_sign_percent.docx",
    "odt": "r10_riga_odt_long_dates_plan_in_thousands_annex.odt",
    "ordinal_rows": "k10_riga_markdown_ordinal_rows_sentence_naming_first_year.txt",
    "period_rows": "k10_riga_markdown_period_rows_sentence_naming_first_year.txt",
}


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _codes(parsed: Parsed) -> list[tuple[str, int | None]]:
    return [(f.code, f.span and f.span.line) for f in parsed.findings]


# -- a sentence under a nested table -----------------------------------------------------------
def test_a_sentence_under_a_nested_table_leaves_the_table_read(read: dict[str, Parsed]) -> None:
    # "| I. īstenošanas gads (…) | € 29 640,00 | € 30 000,00 | € 360,00 | 98,8 % |" under
    # "Faktiski izlietots | Plānots | Atlikums", then "I. īstenošanas gada atlikums € 360,00
    # atgriezts Kultūras ministrijai.": the sentence says what became of the cell's 360,00,
    # one sum said twice, kept once as returned
    first, second = report_of(read, "word").funding
    assert amounts(first) == {
        (P, None, E("30000.00")),
        (A, None, E("29640.00")),
        (BACK, None, E("360.00")),
    }
    assert amounts(second) == {
        (P, None, E("30000.00")),
        (A, None, E("30000.00")),
        (R, None, E("0.00")),
    }
    assert first.compared and second.compared
    assert _codes(read["word"]) == []


def _cell(under: str) -> str:
    """The Word reader's funding cell: the nested table's rows, then `under`."""
    rows = [
        "| Īstenošanas gads | Faktiski izlietots | Plānots | Atlikums | Izpilde % |",
        "| I. īstenošanas gads (01.01.2024. – 31.12.2024.) | € 29 640,00 | € 30 000,00 | € 360,00 | 98,8 % |",
        "| II. īstenošanas gads (01.01.2025. – 31.12.2025.) | € 30 000,00 | € 30 000,00 | € 0,00 | 100 % |",
    ]
    return "\t\x0b" + "\x0b\x0b".join([*rows, under]) + "\x0b\n"


def _read(text: str) -> FundingRead:
    return read_funding(SourcedText.of(text), SourceFile("x.txt", text))


TABLE = [
    {(P, None, E("30000.00")), (A, None, E("29640.00")), (R, None, E("360.00"))},
    {(P, None, E("30000.00")), (A, None, E("30000.00")), (R, None, E("0.00"))},
]


@pytest.mark.parametrize(
    "under",
    [
        "Atlikums € 360,00 atgriezts Kultūras ministrijai.",  # which year's, not said
        "III. īstenošanas gada atlikums € 360,00 atgriezts.",  # a year the table does not hold
        "I. un II. gada atlikums kopā € 360,00 atgriezts.",  # two years, one sum
    ],
)
def test_a_sentence_of_no_certain_year_is_kept_and_its_money_unread(under: str) -> None:
    read = _read(_cell(under))
    assert [amounts(y) for y in read.years] == TABLE
    assert not any(y.compared for y in read.years)
    assert [u.text for u in read.unused] == [under]
    assert [u.text for u in read.unread] == [m for m in ("€ 360,00", "€ 0,00") if m in under]


def test_a_sentence_naming_the_other_year_is_that_years() -> None:
    # "II. īstenošanas gadā … 360,00 atgriezts" beside II's "€ 0,00" left: as written, both
    read = _read(_cell("II. īstenošanas gadā atlikums € 360,00 atgriezts."))
    assert [amounts(y) for y in read.years] == [TABLE[0], {*TABLE[1], (BACK, None, E("360.00"))}]


def test_a_sentence_with_no_money_is_kept_as_written() -> None:
    read = _read(_cell("Summas norādītas euro."))
    assert [amounts(y) for y in read.years] == TABLE
    assert all(y.compared for y in read.years)
    assert [u.text for u in read.unused] == ["Summas norādītas euro."]


def test_a_sentence_under_a_markdown_table_naming_its_year() -> None:
    # under a Markdown table, a line opening with "I. īstenošanas gada" is year I's, not a
    # line of the last row (II, whose 0,00 left would then disagree with 360,00 returned)
    text = "\n".join(
        [
            "| Periods | Plānots | Faktiski | Atlikums |",
            "|---|---|---|---|",
            "| I. gads (01.01.2024. – 31.12.2024.) | 30 000,00 EUR | 29 640,00 EUR | 360,00 EUR |",
            "| II. gads (01.01.2025. – 31.12.2025.) | 30 000,00 EUR | 30 000,00 EUR | 0,00 EUR |",
            "",
            "I. īstenošanas gada atlikums 360,00 EUR atgriezts Kultūras ministrijai.",
        ]
    )
    first, second = _read(text + "\n").years
    assert amounts(first) == {
        (P, None, E("30000.00")),
        (A, None, E("29640.00")),
        (BACK, None, E("360.00")),
    }
    assert amounts(second) == TABLE[1]


def test_a_sentence_under_a_table_naming_the_first_year(read: dict[str, Parsed]) -> None:
    # lines 27-28 "| I (01.09.2022. – 31.08.2023.) | 12 000,00 EUR | 11 690,00 EUR | 310,00
    # EUR |", "| II (…) | 12 000,00 EUR | 11 850,00 EUR | 150,00 EUR |", line 30 "I.
    # īstenošanas gada atlikums 310,00 EUR atgriezts …": I's 310,00, said twice, returned;
    # taken for II's (below its row) it made a false remainder-mismatch
    first, second = report_of(read, "ordinal_rows").funding
    assert amounts(first) == {
        (P, None, E("12000.00")),
        (A, None, E("11690.00")),
        (BACK, None, E("310.00")),
    }
    assert amounts(second) == {
        (P, None, E("12000.00")),
        (A, None, E("11850.00")),
        (R, None, E("150.00")),
    }
    assert _codes(read["ordinal_rows"]) == []


def test_a_sentence_naming_a_year_no_row_names_is_no_rows(read: dict[str, Parsed]) -> None:
    # the same, its rows keyed by their dates only ("| 01.09.2022. – 31.08.2023. |"): which
    # row is "I. īstenošanas gada" the rows do not say, so the sentence's 310,00 is unread
    # and no year compared, rather than II's
    first, second = report_of(read, "period_rows").funding
    assert amounts(first) == {
        (P, None, E("12000.00")),
        (A, None, E("11690.00")),
        (R, None, E("310.00")),
    }
    assert amounts(second) == {
        (P, None, E("12000.00")),
        (A, None, E("11850.00")),
        (R, None, E("150.00")),
    }
    assert not first.compared and not second.compared
    assert _codes(read["period_rows"]) == [
        ("structure.unlabelled-text", 30), ("funding.unread-amount", 30),
    ]  # fmt: skip


# -- a plan in thousands with its lines in full euros --------------------------------------------
def test_lines_in_full_euros_under_a_total_in_thousands_are_read(read: dict[str, Parsed]) -> None:
    # "Plānots 45,0 tūkst. EUR, t.sk. 27 000,00 EUR pilsoniskās sabiedrības …; 18 000,00
    # EUR mazākumtautību …": the rounded total unread, its lines read as written; then
    # "Faktiski 44 870,50 EUR, t.sk. 26 990,50 EUR …; 17 880,00 EUR … (neizmantotais
    # finansējums 129,50 EUR atgriezts KM)"
    first, second = report_of(read, "odt").funding
    assert amounts(first) == {
        (P, CS, E("27000.00")), (P, MN, E("18000.00")),
        (A, None, E("44870.50")), (A, CS, E("26990.50")), (A, MN, E("17880.00")),
        (BACK, None, E("129.50")),
    }  # fmt: skip
    assert not first.compared  # the plan's total is not written in full
    assert amounts(second) == {
        (P, None, E("45000.00")), (P, CS, E("27000.00")), (P, MN, E("18000.00")),
        (A, None, E("45000.00")), (A, CS, E("27000.00")), (A, MN, E("18000.00")),
    }  # fmt: skip
    assert second.compared
    assert _codes(read["odt"]) == [("funding.unread-amount", 7)]
    unread = [f.message for f in read["odt"].findings]
    assert len(unread) == 1 and "'45,0 tūkst. EUR'" in unread[0]
