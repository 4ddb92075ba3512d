"""Golden values for the funding sections of plain-text reports by two more independent
testers, who read their facts by hand before the parser ran (`tests/fixtures/reports/unseen/`).

The funding over the whole contract in a line of its own, first ("Kopējais līguma
finansējums: plānots …; faktiski izlietoti …; atgriezti …", Rīga, clean) or last ("Kopā par
visu līguma periodu: …", "Kopā 2022–2025 | Plānots … | Faktiski …; atgriezts …", "Kopā:
plānots …; faktiski …"), two of them planted, compared with the years' sums; a plan written
"plānots 50 000,00 euro + pārceltie 2 000,00 euro (pieejami 52 000,00 euro)", and the sum
available ("pieejami kopā …", "(kopā …)") said after money carried in; "(papildus pārceltie
487,65 EUR)" beside a plan whose year returns 100,00 too much (planted); a total's split in a
parenthesis without words ("(29 600,00 euro un 23 500,00 euro)"); a funding table set out
with spaces, prose about year I under it; a year's spending broken down by half-years;
"2014.gads" on a row of its own with "Plānots …", "Faktiski …", "Atlikums …" rows under it;
calendar years written in words ("Divi tūkstoši divpadsmitajā gadā (01.07.2012.–
31.12.2012.)"). Line numbers are the source text's.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.model import AmountRole, Parsed
from tests.conftest import parse_text
from tests.parse.golden import (
    BACK,
    CS,
    IN,
    MN,
    OVER,
    UNSEEN,
    A,
    D,
    P,
    amounts,
    read_unseen,
    report_of,
)

FILES = {
    "extension": "riga_extension_period_moved_forum.txt",
    "total_row": "zemgale_year_ends_before_start_planted.txt",
    "total_line": "latgale_contract_total_line_unworded_split_planted.txt",
    "calendar": "latgale_calendar_years_carried_in_total_row.txt",
    "amended": "vidzeme_amended_plans_available_sum_carried_in.txt",
    "zero_year": "kurzeme_zero_funding_year_moved_forum.txt",
    "aligned": "zemgale_space_aligned_funding_table_prose_under.txt",
    "papildus": "latgale_social_services_clients_dot_thousands_planted.txt",
    "half_years": "vidzeme_lati_half_year_spending_breakdown.txt",
    "statement_rows": "riga_calendar_year_statement_rows_thousands.txt",
    "year_words": "zemgale_year_words_lati_contract_total_planted.txt",
    "caps_table": "latgale_caps_activities_without_diacritics_space_aligned_funding.txt",
}
E = Decimal
R = AmountRole.REMAINDER


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _funding(parsed: Parsed, severity: str = "warning") -> list[tuple[str, int | None]]:
    return sorted(
        (f.code, f.line) for f in parsed.findings if f.code.startswith("funding.")
        if f.severity.value == severity
    )  # fmt: skip


def _unread_lines(parsed: Parsed) -> list[int]:
    return sorted(f.line or 0 for f in parsed.findings if f.code == "funding.unread-amount")


# -- the contract's total first, a plan "+ pārceltie", the sum available (Rīga, clean) ----------
def test_the_contract_total_first_is_no_year(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "extension")
    # line 25 "Kopējais līguma finansējums: plānots 100 000,00 euro; faktiski izlietoti
    # 99 880,00 euro; atgriezti 120,00 euro." is the whole contract's, no row of its own
    assert [row.calendar_year for row in rep.funding] == [2024, 2025, 2026]
    assert any(t.value.startswith("Kopējais līguma finansējums") for t in rep.unlabelled)


def test_a_plan_plus_money_carried_in_and_the_sum_available(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "extension")
    # 2025: "plānots 50 000,00 euro + pārceltie 2 000,00 euro (pieejami 52 000,00 euro);
    # faktiski 49 500,00 euro; atlikums 2 500,00 euro pārcelts uz pagarinājuma periodu"
    assert amounts(rep.funding[1]) == {
        (P, None, E("50000.00")), (IN, None, E("2000.00")), (A, None, E("49500.00")),
        (OVER, None, E("2500.00")),
    }  # fmt: skip
    assert rep.funding[1].compared and not rep.funding[1].plan_complete
    assert amounts(rep.funding[0]) == {
        (P, None, E("50000.00")), (A, None, E("48000.00")), (OVER, None, E("2000.00")),
    }  # fmt: skip
    assert amounts(rep.funding[2]) == {
        (P, None, E("0.00")), (IN, None, E("2500.00")), (A, None, E("2380.00")),
        (BACK, None, E("120.00")),
    }  # fmt: skip


def test_the_contract_total_that_agrees_is_told_and_no_finding(read: dict[str, Parsed]) -> None:
    # 50 000 + 50 000 + 0 planned, 48 000 + 49 500 + 2 380 spent, 120 returned: all agree,
    # and 52 000 = 50 000 + 2 000 is the sum available, no amount left unread
    parsed = read["extension"]
    assert _funding(parsed) == []
    assert _unread_lines(parsed) == []


# -- contract totals after the years, planted (Zemgale, Latgale) ----------------------------
def test_a_total_row_after_the_years_is_compared(read: dict[str, Parsed]) -> None:
    parsed = read["total_row"]
    # "Kopā 2022–2025 | Plānots 147 000,00 euro | Faktiski 146 000,00 euro; atgriezts
    # 1 000,00 euro": the years spent 48 500 + 49 000 + 49 000 = 146 500 and returned 500
    assert _funding(parsed) == [
        ("funding.contract-total-mismatch", 23),
        ("funding.contract-total-mismatch", 23),
    ]
    messages = [f.message for f in parsed.findings if f.code == "funding.contract-total-mismatch"]
    assert any("146 500,00" in m and "146 000,00" in m for m in messages)
    assert any("500,00" in m and "1 000,00" in m and "returned" in m for m in messages)
    assert _unread_lines(parsed) == []


def test_a_total_line_naming_the_contract_is_compared(read: dict[str, Parsed]) -> None:
    parsed = read["total_line"]
    # "Kopā par visu līguma periodu: plānots 162 000,00 euro, faktiski izlietoti 160 500,00
    # euro, atgriezti 1 500,00 euro": spent 53 100 + 54 000 + 52 950 = 160 050, returned
    # 900 + 1 050 = 1 950; planned 3 × 54 000 = 162 000 agrees
    assert _funding(parsed) == [
        ("funding.contract-total-mismatch", 46),
        ("funding.contract-total-mismatch", 46),
    ]
    messages = [f.message for f in parsed.findings if f.code == "funding.contract-total-mismatch"]
    assert any("160 050,00" in m and "160 500,00" in m for m in messages)
    assert any("1 950,00" in m and "1 500,00" in m for m in messages)
    assert not any("162 000,00" in m for m in messages)


def test_an_actual_split_in_a_parenthesis_follows_the_plans_lines(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "total_line")
    # "faktiski 53 100,00 euro (29 600,00 euro un 23 500,00 euro)" after the plan's lines
    # "30 000,00 euro pilsoniskās …; 24 000,00 euro mazākumtautību …"
    assert amounts(rep.funding[0]) == {
        (P, None, E("54000.00")), (P, CS, E("30000.00")), (P, MN, E("24000.00")),
        (A, None, E("53100.00")), (A, CS, E("29600.00")), (A, MN, E("23500.00")),
        (BACK, None, E("900.00")),
    }  # fmt: skip
    assert all(row.compared for row in rep.funding)


def test_a_returned_split_in_a_parenthesis_is_each_lines_remainder(
    read: dict[str, Parsed],
) -> None:
    rep = report_of(read, "zero_year")
    # "Neizmantotais finansējums 800,00 euro apmērā (500,00 euro un 300,00 euro) atgriezts",
    # the lines planned 25 000 / 15 000 and spent 24 500 / 14 700
    assert {(BACK, CS, E("500.00")), (BACK, MN, E("300.00"))} <= amounts(rep.funding[0])
    assert rep.funding[0].compared
    assert _unread_lines(read["zero_year"]) == []


def test_a_kopa_row_after_calendar_years_and_the_sum_available(read: dict[str, Parsed]) -> None:
    parsed = read["calendar"]
    rep = report_of(read, "calendar")
    # 2021: "Plānots 5 000,00 euro un no 2020.gada pārceltais atlikums 5 123,46 euro (kopā
    # 10 123,46 euro); faktiski 10 123,46 euro."; "Kopā | Plānots 20 000,00 euro; faktiski
    # 20 000,00 euro." agrees with 15 000 + 5 000 and 9 876,54 + 10 123,46
    assert amounts(rep.funding[1]) == {
        (P, None, E("5000.00")), (IN, None, E("5123.46")), (A, None, E("10123.46")),
    }  # fmt: skip
    assert rep.funding[1].compared
    assert _funding(parsed) == []
    assert _unread_lines(parsed) == []


def test_the_sum_available_after_lines_is_no_unread_amount(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "amended")
    # Y3: "… papildus pārceltais atlikums no II gada 579,40 euro (pieejami kopā 46 579,40
    # euro)", spent 46 500,00, 79,40 returned
    row = rep.funding[2]
    assert (IN, None, E("579.40")) in amounts(row) and (BACK, None, E("79.40")) in amounts(row)
    assert row.compared
    assert _unread_lines(read["amended"]) == []
    assert _funding(read["amended"]) == []


# -- money carried in "papildus", a remainder planted (Latgale) -------------------------------
def test_money_carried_in_addition_and_the_remainder_planted(read: dict[str, Parsed]) -> None:
    parsed = read["papildus"]
    rep = report_of(read, "papildus")
    # "plānots 31.000,00 EUR (papildus pārceltie 487,65 EUR); faktiski 29.950,00 EUR;
    # neizlietotais finansējums 1.637,65 EUR atgriezts": 31 487,65 − 29 950 = 1 537,65
    assert amounts(rep.funding[1]) == {
        (P, None, E("31000.00")), (IN, None, E("487.65")), (A, None, E("29950.00")),
        (BACK, None, E("1637.65")),
    }  # fmt: skip
    assert _funding(parsed) == [("funding.remainder-mismatch", 22)]
    found = next(f for f in parsed.findings if f.code == "funding.remainder-mismatch")
    assert "1 537,65" in found.message and "1 637,65" in found.message
    # "Kopā: plānots 62.000,00 EUR; faktiski 60.462,35 EUR." agrees, nothing unread
    assert _unread_lines(parsed) == []


# -- a table set out with spaces, prose under it (Zemgale, clean) ----------------------------
def test_a_space_aligned_table_is_read_by_its_columns(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "aligned")
    assert [(row.ordinal, row.period and (row.period.start, row.period.end)) for row in rep.funding] == [
        (1, (D(2022, 7, 15), D(2023, 7, 14))),
        (2, (D(2023, 7, 15), D(2024, 7, 14))),
        (3, (D(2024, 7, 15), D(2025, 7, 14))),
    ]  # fmt: skip
    assert [amounts(row) for row in rep.funding] == [
        {(P, None, E("49000.00")), (A, None, E("47650.25")), (R, None, E("1349.75"))},
        {(P, None, E("49000.00")), (A, None, E("50349.75")), (R, None, E("0.00"))},
        {(P, None, E("49000.00")), (A, None, E("48990.10")), (R, None, E("9.90"))},
    ]


def test_the_prose_under_the_table_is_no_years_and_no_finding(read: dict[str, Parsed]) -> None:
    parsed = read["aligned"]
    rep = report_of(read, "aligned")
    # "I gadā faktiski: 29 100,00 euro … I gada atlikums 1 349,75 euro … pārcelts uz II
    # gadu …" (lines 71–77) speaks of years I–III: kept as written, no year's amount, and
    # year II's spending of what year I carried over is no overspend
    assert all(
        a.value is not None and a.span.line <= 69 for row in rep.funding for a in row.amounts
    )
    assert any(t.value.startswith("I gadā faktiski") for t in rep.unlabelled)
    assert _funding(parsed) == []


def test_a_space_aligned_table_headed_without_diacritics_is_read(
    read: dict[str, Parsed],
) -> None:
    # "GADS      PLANOTS        FAKTISKI       ATLIKUMS" over "2015      EUR 18 000 …": the
    # header typed without diacritics names its columns as "PLĀNOTS" does (below)
    parsed = read["caps_table"]
    rep = report_of(read, "caps_table")
    assert [row.calendar_year for row in rep.funding] == [2015, 2016]
    assert [amounts(row) for row in rep.funding] == [
        {(P, None, E("18000")), (A, None, E("17940")), (BACK, None, E("60"))},
        {(P, None, E("18000")), (A, None, E("18000")), (R, None, E("0"))},
    ]
    assert _unread_lines(parsed) == []


def test_a_space_aligned_table_with_calendar_years() -> None:
    text = (UNSEEN / FILES["caps_table"]).read_text(encoding="utf-8")
    text = text.replace("GADS      PLANOTS ", "GADS      PLĀNOTS ").replace("\nKOPA  ", "\nKOPĀ  ")
    rep = parse_text(text).report
    assert rep is not None
    # "2015 | EUR 18 000 | EUR 17 940 | EUR 60 (ATGRIEZTS IZM BUDZETA)", "2016 | EUR 18 000 |
    # EUR 18 000 | EUR 0"
    assert [row.calendar_year for row in rep.funding] == [2015, 2016]
    assert [amounts(row) for row in rep.funding] == [
        {(P, None, E("18000")), (A, None, E("17940")), (BACK, None, E("60"))},
        {(P, None, E("18000")), (A, None, E("18000")), (R, None, E("0"))},
    ]


# -- sub-periods, statement rows and years in words (Vidzeme, Rīga, Zemgale) ------------------
def test_half_years_of_a_years_spending_are_no_rows(read: dict[str, Parsed]) -> None:
    parsed = read["half_years"]
    rep = report_of(read, "half_years")
    # "faktiski izlietots 14 228,72 EUR (t.sk. laikā no 01/07/2013 līdz 31/12/2013 Ls
    # 4 950,00 jeb 7 043,22 EUR un laikā no 01/01/2014 līdz 30/06/2014 7 185,50 EUR)"
    assert [row.ordinal for row in rep.funding] == [1, 2]
    assert "funding.unmatched-year" not in [c for c, _ in _funding(parsed)]


def test_statement_rows_under_a_calendar_year_are_its_own(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "statement_rows")
    # "2014.gads", then "Plānots 12,5 tūkst. EUR (8 785,05 Ls)", "Faktiski 12,47 tūkst. EUR",
    # "Atlikums 30 EUR atgriezts KM budžetā." (the rounded thousands are left unread)
    assert [row.calendar_year for row in rep.funding] == [2014]
    assert (BACK, None, E("30")) in amounts(rep.funding[0])


def test_calendar_years_written_in_words_key_their_rows(read: dict[str, Parsed]) -> None:
    parsed = read["year_words"]
    rep = report_of(read, "year_words")
    assert [
        (row.calendar_year, row.period and (row.period.start, row.period.end))
        for row in rep.funding
    ] == [
        (2012, (D(2012, 7, 1), D(2012, 12, 31))),
        (2013, (D(2013, 1, 1), D(2013, 6, 30))),
    ]
    assert [amounts(row) for row in rep.funding] == [
        {(P, None, E("7000.00")), (A, None, E("7000.00"))},
        {(P, None, E("7000.00")), (A, None, E("6812.44")), (BACK, None, E("187.56"))},
    ]
    # the actual's words end with its paragraph, not in the next year's heading
    assert not any("Divi" in a.label for row in rep.funding for a in row.amounts)
    # "Kopā: plānots 14 000,00 LVL, faktiski izlietoti 13 812,44 LVL." agrees
    assert _funding(parsed) == []
    assert _unread_lines(parsed) == []
