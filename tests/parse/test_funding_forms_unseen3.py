"""Funding forms from a third round of unseen reports: a table nested in the funding cell
after a sentence introducing it, with a header naming each column's role (a remainder
column among them); rows keyed by a bare calendar year under such a header; a table with a
column per year; "plānotais finansējums bija …" in a sentence; money carried in counted
"ieskaitot" (including) in the actual; a planned line written as the year's part plus the
carried-in part; a Markdown table. Each test is the clean minimal report with its funding
rows rewritten (or the funding section alone); the expected values are read from the rows
written here.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from pipeline.model import AmountRole, Purpose
from pipeline.parse.funding import read_funding
from pipeline.parse.text import SourcedText, SourceFile
from tests.parse.test_funding_forms import (
    CIVIL,
    MINORITY,
    _funding,
    _funding_codes,
    _lines,
    _parsed,
    _value,
)

P, A = AmountRole.PLANNED, AmountRole.ACTUAL
CARRIED_IN, CARRIED_OVER = AmountRole.CARRIED_IN, AmountRole.CARRIED_OVER
RETURNED, REMAINDER, REPORTED = AmountRole.RETURNED, AmountRole.REMAINDER, AmountRole.REPORTED
CS, MN = Purpose.CIVIL_SOCIETY, Purpose.MINORITY_NGOS

if TYPE_CHECKING:
    from pipeline.parse.funding_blocks import FundingRead


def _cell(*paragraphs: str) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _planned(total: str, civil: str, minority: str) -> str:
    return f"Plānots {total} EUR, t.sk. – {civil} EUR {CIVIL}; – {minority} EUR {MINORITY}"


def _actual(total: str, civil: str, minority: str) -> str:
    return f"Faktiski {total} EUR, t.sk. – {civil} EUR {CIVIL}; – {minority} EUR {MINORITY}"


# -- a table nested in the cell, after a sentence introducing it -------------------------------

NESTED = _cell(
    "Finansējums pa īstenošanas gadiem:",
    "| Periods | Plānots | Faktiski izlietots | Atlikums |",
    "| 15.07.2022.–14.07.2023. | "
    + _planned("49 000,00", "30 000,00", "19 000,00")
    + " | "
    + _actual("48 500,00", "29 700,00", "18 800,00")
    + " | 500,00 EUR pārcelts uz nākamo periodu (t.sk. 300,00 EUR pilsoniskajai "
    "sabiedrībai un 200,00 EUR mazākumtautību NVO) |",
    "| 15.07.2023.–14.07.2024. | "
    + _planned("49 000,00", "30 000,00", "19 000,00")
    + " | "
    + _actual("49 000,00", "30 000,00", "19 000,00")
    + " | — |",
)


def test_a_nested_table_after_an_introducing_sentence_is_read_row_by_row(
    minimal_text: str,
) -> None:
    """ "Finansējums pa īstenošanas gadiem:" before the nested table's "| … |" rows kept
    the rows from being read as rows: both years were merged into one, a false sum and
    remainder mismatch. Each row is its year, keyed by its dates."""
    parsed = _parsed(minimal_text, [NESTED])
    first, second = _funding(parsed)
    assert first.period is not None and second.period is not None
    assert (first.period.start, first.period.end) == (date(2022, 7, 15), date(2023, 7, 14))
    assert (second.period.start, second.period.end) == (date(2023, 7, 15), date(2024, 7, 14))
    assert [first.ordinal, second.ordinal] == [1, 2]
    assert _value(first, P) == Decimal("49000.00")
    assert _lines(first, P) == [(CS, Decimal("30000.00")), (MN, Decimal("19000.00"))]
    assert _value(first, A) == Decimal("48500.00")
    assert _lines(first, A) == [(CS, Decimal("29700.00")), (MN, Decimal("18800.00"))]
    assert _value(second, P) == _value(second, A) == Decimal("49000.00")
    assert _funding_codes(parsed) == []


def test_the_remainder_column_says_what_became_of_its_money(minimal_text: str) -> None:
    """Under the header's "Atlikums" column, "500,00 EUR pārcelts uz nākamo periodu (t.sk.
    300,00 EUR pilsoniskajai sabiedrībai un 200,00 EUR mazākumtautību NVO)" is carried over,
    with its lines; it was read as actual money. 49 000,00 − 48 500,00 = 500,00."""
    parsed = _parsed(minimal_text, [NESTED])
    first, second = _funding(parsed)
    assert _value(first, CARRIED_OVER) == Decimal("500.00")
    assert _lines(first, CARRIED_OVER) == [(CS, Decimal("300.00")), (MN, Decimal("200.00"))]
    assert [a.value for a in first.amounts if a.role is A and a.purpose is None] == [
        Decimal("48500.00")
    ]
    assert not any(a.role in (CARRIED_OVER, RETURNED, REMAINDER) for a in second.amounts)
    returned = NESTED.replace(
        "500,00 EUR pārcelts uz nākamo periodu", "500,00 EUR atgriezti Kultūras ministrijai"
    )
    (first, _) = _funding(_parsed(minimal_text, [returned]))
    assert _value(first, RETURNED) == Decimal("500.00")
    assert first.total(CARRIED_OVER) is None


def test_an_introducing_paragraph_with_money_is_money_of_no_year(minimal_text: str) -> None:
    """ "Kopā piešķirti 98 000,00 EUR:" before the rows: a sum over the years, of no row's
    year, whose role is not written: unread, and the rows read as rows; the cell was left
    whole, its years merged. A number that is no money ("2022.–2024. gadā") is no amount."""
    cell = NESTED.replace("Finansējums pa īstenošanas gadiem:", "Kopā piešķirti 98 000,00 EUR:")
    parsed = _parsed(minimal_text, [cell])
    assert [(row.ordinal, row.compared) for row in _funding(parsed)] == [(1, True), (2, True)]
    assert _funding_codes(parsed) == ["funding.unread-amount"]
    cell = NESTED.replace("Finansējums pa īstenošanas gadiem:", "Finansējums 2022.–2024. gadā:")
    parsed = _parsed(minimal_text, [cell])
    assert [row.ordinal for row in _funding(parsed)] == [1, 2]
    assert _funding_codes(parsed) == []


# -- rows keyed by a bare calendar year under a header naming the columns ------------------------


def _calendar_table(first_key: str, second_key: str, *, header: bool = True) -> str:
    rows = [
        f"| {first_key} | EUR 49 000,00, t.sk. - EUR 30 000,00 {CIVIL}; - EUR 19 000,00 "
        f"{MINORITY} | EUR 48 700,00, t.sk. - EUR 29 900,00 {CIVIL}; - EUR 18 800,00 "
        f"{MINORITY} Neizlietotais finansējums EUR 300,00 atgriezts Kultūras ministrijai. |",
        f"| {second_key} | EUR 48 000,00, t.sk. - EUR 30 000,00 {CIVIL}; - EUR 18 000,00 "
        f"{MINORITY} | EUR 48 350,00, t.sk. - EUR 30 000,00 {CIVIL}; - EUR 18 350,00 "
        f"{MINORITY} |",
    ]
    head = ["| Gads | Plānots | Faktiski izlietots |"] if header else []
    return _cell(*head, *rows)


def test_bare_calendar_years_under_a_header_key_their_rows(minimal_text: str) -> None:
    """ "| 2022 | … | … |" under "| Gads | Plānots | Faktiski izlietots |": the bare year
    keys the row, and the two columns are the planned and the actual (they were one
    unidentified year). The overspend planted in 2023 (48 350,00 spent of 48 000,00; the
    minority line 18 350,00 of 18 000,00) is found, in 2023 only."""
    parsed = _parsed(minimal_text, [_calendar_table("2022", "2023")])
    first, second = _funding(parsed)
    assert [first.calendar_year, second.calendar_year] == [2022, 2023]
    assert _value(first, P) == Decimal("49000.00")
    assert _value(first, A) == Decimal("48700.00")
    assert _value(first, RETURNED) == Decimal("300.00")
    assert _value(second, P) == Decimal("48000.00")
    assert _value(second, A) == Decimal("48350.00")
    assert _lines(second, A) == [(CS, Decimal("30000.00")), (MN, Decimal("18350.00"))]
    assert not any(a.role is REPORTED for row in (first, second) for a in row.amounts)
    findings = [f for f in parsed.findings if f.code.startswith("funding.")]
    assert "funding.actual-above-planned" in [f.code for f in findings]
    assert "funding.sum-mismatch" not in [f.code for f in findings]
    assert all("2023" in f.message for f in findings)


def test_calendar_year_rows_under_a_header_are_planned_and_actual(minimal_text: str) -> None:
    """ "| 2022. gads | … | … |": the header names the columns, so the cells are not one
    column of reported amounts summed together (a false sum mismatch)."""
    parsed = _parsed(minimal_text, [_calendar_table("2022. gads", "2023. gads")])
    first, second = _funding(parsed)
    assert _value(first, P) == Decimal("49000.00")
    assert _value(first, A) == Decimal("48700.00")
    assert not any(a.role is REPORTED for row in (first, second) for a in row.amounts)
    assert "funding.sum-mismatch" not in _funding_codes(parsed)
    assert "funding.actual-above-planned" in _funding_codes(parsed)


def test_a_bare_year_without_a_header_is_no_year(minimal_text: str) -> None:
    """Without a header naming the columns, "2022" alone is not read as a year."""
    parsed = _parsed(minimal_text, [_calendar_table("2022", "2023", header=False)])
    assert all(row.calendar_year is None for row in _funding(parsed))


# -- a table with a column per year -----------------------------------------------------------

YEAR_COLUMNS = _cell(
    "Summas norādītas EUR.",
    "|  | I. gads 15.07.2022.–14.07.2023. | II. gads 15.07.2023.–14.07.2024. |",
    "| Plānots, kopā | EUR 49000.00 | EUR 49000.00 |",
    f"| t.sk. {CIVIL} | EUR 30000.00 | EUR 30000.00 |",
    f"| t.sk. {MINORITY} | EUR 19000.00 | EUR 19000.00 |",
    "| Faktiski izlietots, kopā | EUR 48250.40 | EUR 49382.10 |",
    f"| t.sk. {CIVIL} | EUR 29610.15 | EUR 30382.10 |",
    f"| t.sk. {MINORITY} | EUR 18640.25 | EUR 19000.00 |",
    "| Neizlietotais atlikums, atgriezts KM budžetā | EUR 749.60 | — |",
)


def test_a_table_with_a_column_per_year_is_read_down_its_columns(minimal_text: str) -> None:
    """One column per year ("I. gads 15.07.2022.–14.07.2023."), one row per statement: all
    went to year I. Year I: planned 49 000,00 (30 000,00 + 19 000,00), actual 48 250,40
    (29 610,15 + 18 640,25), 749,60 returned ("atgriezts KM budžetā"). Year II: actual
    49 382,10 > planned 49 000,00, the planted overspend (civil society 30 382,10 >
    30 000,00), found in year II alone."""
    parsed = _parsed(minimal_text, [YEAR_COLUMNS])
    first, second = _funding(parsed)
    assert [first.ordinal, second.ordinal] == [1, 2]
    assert first.period is not None and second.period is not None
    assert (first.period.start, first.period.end) == (date(2022, 7, 15), date(2023, 7, 14))
    assert (second.period.start, second.period.end) == (date(2023, 7, 15), date(2024, 7, 14))
    assert _value(first, P) == Decimal("49000.00")
    assert _lines(first, P) == [(CS, Decimal("30000.00")), (MN, Decimal("19000.00"))]
    assert _value(first, A) == Decimal("48250.40")
    assert _lines(first, A) == [(CS, Decimal("29610.15")), (MN, Decimal("18640.25"))]
    assert _value(first, RETURNED) == Decimal("749.60")
    assert _value(second, A) == Decimal("49382.10")
    assert _lines(second, A) == [(CS, Decimal("30382.10")), (MN, Decimal("19000.00"))]
    assert not any(a.role in (RETURNED, REMAINDER, CARRIED_OVER) for a in second.amounts)
    findings = [f for f in parsed.findings if f.code.startswith("funding.")]
    assert "funding.actual-above-planned" in [f.code for f in findings]
    assert "funding.sum-mismatch" not in [f.code for f in findings]
    assert all(f.message.startswith("year 2") for f in findings)


def test_a_row_the_grammar_does_not_know_leaves_its_years_uncompared(
    minimal_text: str,
) -> None:
    """A row naming no statement and no purpose ("Citi izdevumi"), or money carried in
    ("t.sk. pārceltais atlikums no I. gada", not a remainder), is unread: its year is
    compared with nothing, and no finding is made of it."""
    for label in ("Citi izdevumi", "t.sk. pārceltais atlikums no I. gada"):
        cell = YEAR_COLUMNS.replace(
            "| Neizlietotais atlikums, atgriezts KM budžetā | EUR 749.60 | — |",
            f"| {label} | EUR 100.00 | EUR 382.10 |",
        )
        parsed = _parsed(minimal_text, [cell])
        assert [row.compared for row in _funding(parsed)] == [False, False]
        codes = _funding_codes(parsed)
        assert "funding.unread-amount" in codes
        assert "funding.actual-above-planned" not in codes
        assert not any(a.role is CARRIED_OVER for row in _funding(parsed) for a in row.amounts)


# -- "plānotais finansējums bija …" in a sentence ------------------------------------------------


def test_the_planned_funding_written_in_a_sentence() -> None:
    """ "plānotais finansējums bija 40 000 EUR (25 000 EUR … un 15 000 EUR …)" and the same
    with "€" before each amount, in a year's sentences: the planned total and its lines
    (they were unread, the years compared with nothing)."""
    section = (
        "I īstenošanas gadā (01.07.2019.–30.06.2020.) plānotais finansējums bija 40 000 EUR "
        f"(25 000 EUR {CIVIL} un 15 000 EUR {MINORITY}). Faktiski izlietoti 39 640,10 EUR "
        f"(24 880,00 EUR {CIVIL} un 14 760,10 EUR {MINORITY}). Neizlietotie 359,90 EUR "
        "atgriezti Kultūras ministrijai.\n"
        "II īstenošanas gadā (01.07.2020.–30.06.2021.) plānotais finansējums bija €40 000 "
        f"(€25 000 {CIVIL} un €15 000 {MINORITY}). Faktiski izlietots viss piešķirtais "
        "finansējums – €40 000,00.\n"
    )
    read = read_funding(SourcedText.of(section), SourceFile("f.txt", section))
    assert not read.unread
    one, two = read.years
    for row in (one, two):
        assert _value(row, P) == Decimal("40000")
        assert _lines(row, P) == [(CS, Decimal("25000")), (MN, Decimal("15000"))]
        assert row.compared
    assert _value(one, A) == Decimal("39640.10")
    assert _value(one, RETURNED) == Decimal("359.90")
    assert _value(two, A) == Decimal("40000.00")


def test_the_planned_adjective_alone_opens_no_statement() -> None:
    """Only "plānotais finansējums" (or "summa", "budžets", "apjoms") is the statement:
    "no plānotajiem 40 000 EUR" (of the planned) after the actual does not make 40 000 a
    plan, nor "plānotās aktivitātes"."""
    section = (
        "I īstenošanas gadā (01.07.2019.–30.06.2020.) Plānots 40 000 EUR. Faktiski izlietoti "
        "39 000 EUR no plānotajiem 40 000 EUR; plānotās aktivitātes 1 000 EUR.\n"
    )
    read = read_funding(SourcedText.of(section), SourceFile("f.txt", section))
    (row,) = read.years
    assert [a.value for a in row.amounts if a.role is P] == [Decimal("40000")]


# -- money carried in, counted in the actual ("ieskaitot") ----------------------------------------

FIRST_YEAR = (
    f"Plānots €40 000, t.sk. - €25 000 {CIVIL}; - €15 000 {MINORITY}.\t"
    f"Faktiski €39 214,30, t.sk. - €24 500,00 {CIVIL}; - €14 714,30 {MINORITY}. "
    "Atlikums €785,70 apmērā pārcelts uz II. īstenošanas gadu."
)


def test_carried_in_money_included_in_the_actual_is_no_second_actual(
    minimal_text: str,
) -> None:
    """ "Faktiski €40 785,70 (ieskaitot no I. īstenošanas gada pārcelto atlikumu €785,70),
    t.sk. …": 785,70 was read as a second actual, the lines given to the plan (80 785,70).
    It is carried in; the actual's lines add up (25 500,00 + 15 285,70 = 40 785,70), and
    spending the plan with what came in is no overspend."""
    second = (
        f"\tPlānots €40 000, t.sk. - €25 000 {CIVIL}; - €15 000 {MINORITY}.\t"
        "Faktiski €40 785,70 (ieskaitot no I. īstenošanas gada pārcelto atlikumu €785,70), "
        f"t.sk. - €25 500,00 {CIVIL}; - €15 285,70 {MINORITY}."
    )
    parsed = _parsed(minimal_text, [FIRST_YEAR, second])
    row = _funding(parsed)[1]
    assert [a.value for a in row.amounts if a.role is A and a.purpose is None] == [
        Decimal("40785.70")
    ]
    assert _value(row, CARRIED_IN) == Decimal("785.70")
    assert _lines(row, A) == [(CS, Decimal("25500.00")), (MN, Decimal("15285.70"))]
    assert _lines(row, P) == [(CS, Decimal("25000")), (MN, Decimal("15000"))]
    assert (row.compared, row.plan_complete) == (True, False)
    assert _funding_codes(parsed) == []


def test_carried_in_money_said_again_in_the_actual_is_read_once(minimal_text: str) -> None:
    """With the money carried in already in the plan ("40 000,00 EUR + 785,70 EUR
    pārceltais atlikums (kopā 40 785,70 EUR)"), "ieskaitot … 785,70" in the actual says it
    again: one carried-in amount, the plan complete, and spending 40 785,70 of 40 785,70
    no finding."""
    second = (
        "\tPlānots 40 000,00 EUR + 785,70 EUR pārceltais atlikums (kopā 40 785,70 EUR), "
        f"t.sk. 25 500,00 EUR {CIVIL}; 15 285,70 EUR {MINORITY}\t"
        "Faktiski 40 785,70 EUR (ieskaitot pārcelto atlikumu 785,70 EUR), "
        f"t.sk. 25 500,00 EUR {CIVIL}; 15 285,70 EUR {MINORITY}."
    )
    parsed = _parsed(minimal_text, [FIRST_YEAR, second])
    row = _funding(parsed)[1]
    assert [a.value for a in row.amounts if a.role is CARRIED_IN] == [Decimal("785.70")]
    assert _value(row, P) == Decimal("40785.70")
    assert _value(row, A) == Decimal("40785.70")
    assert (row.compared, row.plan_complete) == (True, True)
    assert _funding_codes(parsed) == []


# -- a planned line as the year's part plus the carried-in part -----------------------------------


def _third_year(civil_part: str, minority_part: str) -> str:
    return (
        "\tPlānots: 53 994,00 euro un no II. īstenošanas gada pārceltais atlikums 1 177,33 "
        f"euro, t.sk. - 30 000,00 euro + {civil_part} euro {CIVIL}; - 23 994,00 euro + "
        f"{minority_part} euro {MINORITY}.\tFaktiski: 55 171,33 euro, t.sk. - 30 457,95 euro "
        f"{CIVIL}; - 24 713,38 euro {MINORITY}."
    )


SECOND_YEAR = (
    f"Plānots: 53 994,00 euro, t.sk. - 30 000,00 euro {CIVIL}; - 23 994,00 euro {MINORITY}.\t"
    f"Faktiski: 52 816,67 euro, t.sk. - 29 542,05 euro {CIVIL}; - 23 274,62 euro {MINORITY}. "
    "Atlikums 1 177,33 euro novirzīts uz nākamo īstenošanas gadu."
)


def test_a_planned_line_with_its_carried_in_part(minimal_text: str) -> None:
    """ "- 30 000,00 euro + 457,95 euro pilsoniskās …" under a plan with 1 177,33 carried in
    beside it: 30 000,00 is the planned line, 457,95 the carried-in part for the purpose
    (457,95 + 719,38 = 1 177,33, the money carried in). They were unread."""
    parsed = _parsed(minimal_text, [SECOND_YEAR, _third_year("457,95", "719,38")])
    row = _funding(parsed)[1]
    assert _value(row, P) == Decimal("53994.00")
    assert _lines(row, P) == [(CS, Decimal("30000.00")), (MN, Decimal("23994.00"))]
    assert [(a.purpose, a.value) for a in row.amounts if a.role is CARRIED_IN] == [
        (None, Decimal("1177.33")),
        (CS, Decimal("457.95")),
        (MN, Decimal("719.38")),
    ]
    assert _value(row, A) == Decimal("55171.33")
    assert (row.compared, row.plan_complete) == (True, False)
    assert _funding_codes(parsed) == []


def test_carried_in_parts_that_do_not_add_up_leave_the_year_uncompared(
    minimal_text: str,
) -> None:
    """457,95 + 700,00 is not the 1 177,33 carried in: which part of a line came from the
    year before is in doubt, and the year is compared with nothing."""
    parsed = _parsed(minimal_text, [SECOND_YEAR, _third_year("457,95", "700,00")])
    assert not _funding(parsed)[1].compared
    assert "funding.sum-mismatch" not in _funding_codes(parsed)


# -- a Markdown table -----------------------------------------------------------------------------


def test_a_markdown_funding_table() -> None:
    """A Markdown table ("| Īstenošanas gads | Plānots | … |", its "|---|" row) as the
    section: each row its year (keyed "I (01.03.2023.–29.02.2024.)"), each column its role;
    "763,60 EUR pārcelts uz II. īstenošanas gadu" in the "Atlikums" column carried over."""
    section = (
        "| Īstenošanas gads | Plānots | Faktiski izlietots | Atlikums |\n"
        "|---|---|---|---|\n"
        f"| I (01.03.2023.–29.02.2024.) | 52 000,00 EUR, t.sk. 30 000,00 EUR {CIVIL}; "
        f"22 000,00 EUR {MINORITY} | 51 236,40 EUR, t.sk. 29 811,15 EUR {CIVIL}; 21 425,25 EUR "
        f"{MINORITY} | 763,60 EUR pārcelts uz II. īstenošanas gadu |\n"
        f"| II (01.03.2024.–28.02.2025.) | 52 000,00 EUR, t.sk. 30 000,00 EUR {CIVIL}; "
        f"22 000,00 EUR {MINORITY} | 51 982,10 EUR, t.sk. 30 000,00 EUR {CIVIL}; 21 982,10 EUR "
        f"{MINORITY} | 17,90 EUR atgriezti Kultūras ministrijas budžetā |\n"
    )
    read = read_funding(SourcedText.of(section), SourceFile("f.md", section))
    assert not read.unread and not read.missing_amounts
    first, second = read.years
    assert [first.ordinal, second.ordinal] == [1, 2]
    assert first.period is not None and first.period.start == date(2023, 3, 1)
    assert _value(first, P) == Decimal("52000.00")
    assert _lines(first, P) == [(CS, Decimal("30000.00")), (MN, Decimal("22000.00"))]
    assert _value(first, A) == Decimal("51236.40")
    assert _value(first, CARRIED_OVER) == Decimal("763.60")
    assert _value(second, A) == Decimal("51982.10")
    assert _value(second, RETURNED) == Decimal("17.90")


# -- a "Piešķirts" (granted) column; a key cell naming the year and its dates ----------------------


def _read(section: str) -> FundingRead:
    return read_funding(SourcedText.of(section), SourceFile("f.md", section))


YEAR_ONE_KEY = "I gads (01.03.2023.–29.02.2024.)"


def test_a_granted_column_is_the_plan_and_its_header_no_year() -> None:
    """ "| Periods | Piešķirts | Izlietots | Atlikums |": the granted column is the plan (no
    column says "Plānots"); the header is no year with no amount, and the key "I gads
    (01.03.2023.–29.02.2024.)" does not push 10 000,00 into the actual's column."""
    read = _read(
        "| Periods | Piešķirts | Izlietots | Atlikums |\n|---|---|---|---|\n"
        f"| {YEAR_ONE_KEY} | 10 000,00 | 9 800,00 | 200,00 |\n"
    )
    assert not read.unread and not read.missing_amounts
    (row,) = read.years
    assert row.ordinal == 1
    assert row.period is not None
    assert (row.period.start, row.period.end) == (date(2023, 3, 1), date(2024, 2, 29))
    assert _value(row, P) == Decimal("10000.00")
    assert _value(row, A) == Decimal("9800.00")
    assert _value(row, REMAINDER) == Decimal("200.00")
    assert row.compared


def test_a_granted_column_in_a_tab_table_and_in_longer_words() -> None:
    """The same as tab-separated rows; and "Piešķirtais finansējums, EUR | Faktiski
    izlietotais finansējums, EUR" (the words of a header of its own)."""
    tabbed = _read(
        f"Periods\tPiešķirts\tIzlietots\tAtlikums\n{YEAR_ONE_KEY}\t10 000,00\t9 800,00\t200,00\n"
    )
    worded = _read(
        "| Īstenošanas gads | Piešķirtais finansējums, EUR | Faktiski izlietotais "
        "finansējums, EUR |\n|---|---|---|\n"
        f"| {YEAR_ONE_KEY} | 10 000,00 | 10 000,00 |\n"
    )
    for read, actual in ((tabbed, "9800.00"), (worded, "10000.00")):
        assert not read.unread and not read.missing_amounts
        (row,) = read.years
        assert (row.ordinal, _value(row, P), _value(row, A)) == (
            1,
            Decimal("10000.00"),
            Decimal(actual),
        )


def test_a_header_in_words_of_its_own_is_no_year() -> None:
    """ "Piešķirts saskaņā ar līgumu (EUR)" has words no header list holds: the header still
    names a planned and an actual column, and no digit: it is no year."""
    read = _read(
        "| Periods | Piešķirts saskaņā ar līgumu (EUR) | Izlietots |\n|---|---|---|\n"
        f"| {YEAR_ONE_KEY} | 10 000,00 | 9 800,00 |\n"
    )
    assert not read.missing_amounts
    (row,) = read.years
    assert (_value(row, P), _value(row, A)) == (Decimal("10000.00"), Decimal("9800.00"))


def test_a_granted_column_beside_a_planned_one_is_unread() -> None:
    """Beside "Plānots", what "Piešķirts" is is not written: its amount is unread and the
    year compared with nothing; the planned and actual columns are read."""
    read = _read(
        "| Periods | Plānots | Piešķirts | Faktiski |\n|---|---|---|---|\n"
        f"| {YEAR_ONE_KEY} | 10 000,00 | 12 000,00 | 9 800,00 |\n"
    )
    (row,) = read.years
    assert [u.text.strip() for u in read.unread] == ["12 000,00"]
    assert (_value(row, P), _value(row, A)) == (Decimal("10000.00"), Decimal("9800.00"))
    assert not row.compared


def test_words_after_a_year_in_its_key_cell_are_no_column() -> None:
    """ "I gads (2023)" and "I. īstenošanas gads (01.03.2023.–29.02.2024.)" with no header:
    the cells after the key are planned, then actual (the key's words were taken for the
    planned column, 10 000,00 read as the actual)."""
    for key in ("I gads (2023)", "I. īstenošanas gads (01.03.2023.–29.02.2024.)"):
        read = _read(f"{key}\t10 000,00 EUR\t9 800,00 EUR\n")
        (row,) = read.years
        assert row.ordinal == 1
        assert (_value(row, P), _value(row, A)) == (Decimal("10000.00"), Decimal("9800.00"))


# -- money sent on to the next year, counted in an amount before it -----------------------------

YEAR_ONE_TEXT = "I. gads (01.03.2023.–29.02.2024.)\tPlānots 40 000,00 EUR.\tFaktiski 39 000,00 EUR"


def test_money_carried_over_inside_the_remainder_is_no_money_carried_in(
    minimal_text: str,
) -> None:
    """ "neizlietotais atlikums 1 000,00 EUR (ieskaitot uz nākamo gadu pārcelto atlikumu
    1 000,00 EUR)": sent on to the next year, the same 1 000,00 as the remainder, said again
    (it was carried in, the plan marked incomplete). 40 000 − 39 000 = 1 000 carried over."""
    parsed = _parsed(
        minimal_text,
        [
            "Plānots 40 000,00 EUR.\tFaktiski 39 000,00 EUR, neizlietotais atlikums 1 000,00 "
            "EUR (ieskaitot uz nākamo gadu pārcelto atlikumu 1 000,00 EUR)."
        ],
    )
    (row,) = _funding(parsed)
    assert not any(a.role is CARRIED_IN for a in row.amounts)
    assert [a.value for a in row.amounts if a.role is CARRIED_OVER] == [Decimal("1000.00")]
    assert [a.value for a in row.amounts if a.role is A] == [Decimal("39000.00")]
    assert (row.compared, row.plan_complete) == (True, True)
    assert _funding_codes(parsed) == []


def test_carried_over_including_words_and_a_part_of_the_remainder() -> None:
    """ ", t.sk. uz nākamo gadu pārceltais atlikums 1 000,00 EUR" after "Atlikums 1 000,00
    EUR" is that remainder again (it was a second remainder, 2 000 in all); a part of it
    (600,00 of 1 000,00) is unread, the year compared with nothing."""
    same = _read(
        f"{YEAR_ONE_TEXT}. Atlikums 1 000,00 EUR, t.sk. uz nākamo gadu pārceltais atlikums "
        "1 000,00 EUR.\n"
    )
    part = _read(
        f"{YEAR_ONE_TEXT}, neizlietotais atlikums 1 000,00 EUR (ieskaitot uz nākamo gadu "
        "pārcelto atlikumu 600,00 EUR).\n"
    )
    (row,) = same.years
    assert not same.unread and row.compared
    assert [(a.role, a.value) for a in row.amounts if a.role not in (P, A)] == [
        (CARRIED_OVER, Decimal("1000.00"))
    ]
    (row,) = part.years
    assert [u.text.strip() for u in part.unread] == ["600,00 EUR"]
    assert not any(a.role is CARRIED_IN for a in row.amounts)
    assert not row.compared


def test_a_remainder_named_carried_over_in_the_actual_is_no_second_actual(
    minimal_text: str,
) -> None:
    """ "Faktiski izlietoti 39 000,00 EUR (ieskaitot atlikumu 1 000,00 EUR, kas pārcelts uz
    nākamo gadu)": whether 39 000,00 counts the 1 000,00 is not told. It was a second
    actual, and the remainder 0,00 a false mismatch; it is unread, the year not compared."""
    parsed = _parsed(
        minimal_text,
        [
            "Plānots 40 000,00 EUR.\tFaktiski izlietoti 39 000,00 EUR (ieskaitot atlikumu "
            "1 000,00 EUR, kas pārcelts uz nākamo gadu)."
        ],
    )
    (row,) = _funding(parsed)
    assert [a.value for a in row.amounts if a.role is A] == [Decimal("39000.00")]
    assert not row.compared
    assert "funding.remainder-mismatch" not in _funding_codes(parsed)


def test_a_remainder_with_its_destination_written_first_is_carried_over() -> None:
    """ "Uz nākamo gadu pārceltais atlikums 1 000,00 EUR" is carried over, not a remainder
    whose fate is unsaid."""
    read = _read(f"{YEAR_ONE_TEXT}. Uz nākamo gadu pārceltais atlikums 1 000,00 EUR.\n")
    (row,) = read.years
    assert _value(row, CARRIED_OVER) == Decimal("1000.00")
    assert _value(row, REMAINDER) is None
