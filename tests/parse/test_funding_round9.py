"""Golden values for funding years that hold money carried in, counted in the actual ("Faktiski
48 600,00 euro (t.sk. 600,00 euro no 2023. gada pārceltais atlikums), t.sk. - …"), a
consortium's actual split by its partners ("(no tiem vadošais partneris izlietoja 33 100,00
euro, sadarbības partneris – 16 512,40 euro)"), a year spending what the year before carried
over without saying so, and calendar-year rows marked with a footnote ("2023.gads¹"). Every
value was read from the fixture by hand (`tests/fixtures/reports/unseen/funding2_*.txt`);
line numbers are the source text's.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.model import Parsed
from pipeline.parse.funding_carry import carried_in
from pipeline.parse.funding_partners import partner_splits
from pipeline.parse.funding_tables import year_key
from pipeline.read import read_report
from tests.conftest import parse_text
from tests.parse.golden import BACK, CS, IN, MN, OVER, UNSEEN, A, P, amounts, read_unseen
from tests.parse.golden import report_of as _report

FILES = {
    "calendar": "funding2_calendar_years_carried_in_counted_in_actual.txt",
    "calendar_planted": "funding2_calendar_years_carried_in_overspent_planted.txt",
    "footnotes": "funding2_calendar_years_footnote_marks.txt",
    "partners": "funding2_consortium_actual_split_by_partner.txt",
    "partners_planted": "funding2_consortium_actual_split_by_partner_planted.txt",
    "counted_planted": "funding2_carried_in_counted_in_actual_planted.txt",
    "unstated": "funding2_carried_over_next_year_unstated.txt",
    "table_unstated": "funding2_table_carried_over_next_year_unstated.txt",
}
E = Decimal
# The findings about a funding row's sums (others belong to other parts of the report).
_SUMS = ("funding.sum-mismatch", "funding.actual-above-planned", "funding.remainder-mismatch")


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _codes(parsed: Parsed) -> list[tuple[str, int | None]]:
    return sorted((f.code, f.line) for f in parsed.findings if f.code.startswith("funding."))


def _sums(parsed: Parsed) -> list[tuple[str, int | None]]:
    return [c for c in _codes(parsed) if c[0] in _SUMS]


# -- money carried in, counted in the actual --------------------------------------------------
# line 14 "2023.gads … Plānots 16 000,00 euro, t.sk. - 10 000,00 …; - 6 000,00 … Faktiski
# 15 400,00 euro, t.sk. - 9 800,00 …; - 5 600,00 … Atlikums 600,00 euro apmērā pārcelts uz
# 2024. gadu.", line 15 "2024.gads … Plānots 48 000,00 euro, t.sk. - 30 000,00 …; - 18 000,00 …
# Faktiski 48 600,00 euro (t.sk. 600,00 euro no 2023. gada pārceltais atlikums), t.sk.
# - 30 200,00 euro pilsoniskās …; - 18 400,00 euro mazākumtautību …"
_2024 = {
    (P, None, E("48000.00")), (P, CS, E("30000.00")), (P, MN, E("18000.00")),
    (A, None, E("48600.00")), (A, CS, E("30200.00")), (A, MN, E("18400.00")),
    (IN, None, E("600.00")),
}  # fmt: skip


def test_money_carried_in_named_in_the_actual_is_carried_in(read: dict[str, Parsed]) -> None:
    """The parenthesis' "atlikums" names the money carried in: the lines after it are the
    actual's lines, not remainders; the year is compared, its plan not all it could spend."""
    first, second, third = _report(read, "calendar").funding
    assert [r.calendar_year for r in (first, second, third)] == [2023, 2024, 2025]
    assert amounts(first) == {
        (P, None, E("16000.00")), (P, CS, E("10000.00")), (P, MN, E("6000.00")),
        (A, None, E("15400.00")), (A, CS, E("9800.00")), (A, MN, E("5600.00")),
        (OVER, None, E("600.00")),
    }  # fmt: skip
    assert amounts(second) == _2024
    assert second.compared and not second.plan_complete
    # 48 000 + 600 − 48 600 = 0, nothing left; 30 200 + 18 400 = 48 600
    assert _codes(read["calendar"]) == []


def test_an_overspend_beyond_the_money_carried_in_is_found(read: dict[str, Parsed]) -> None:
    # line 15 "Faktiski 49 600,00 euro (t.sk. 600,00 euro no 2023. gada pārceltais atlikums),
    # t.sk. - 31 200,00 euro …; - 18 400,00 euro …": 48 000 + 600 − 49 600 = −1 000
    second = _report(read, "calendar_planted").funding[1]
    assert (A, CS, E("31200.00")) in amounts(second) and (IN, None, E("600.00")) in amounts(second)
    assert _codes(read["calendar_planted"]) == [("funding.remainder-mismatch", 15)]


def test_carried_in_words_after_the_amount_name_a_calendar_year() -> None:
    assert carried_in(" euro (t.sk. ", " euro no 2023. gada pārceltais atlikums), t.sk.")
    assert not carried_in("", " euro pārcelts uz 2024. gadu.")


def test_money_carried_in_counted_in_the_actual_compares_the_year(
    read: dict[str, Parsed],
) -> None:
    # line 58-60 "Plānots 56 500,00 euro, t.sk. - 30 000,00 …; - 26 500,00 …", line 61
    # "Faktiski 59 289,65 euro (t.sk. 789,65 euro no iepriekšējā perioda pārceltais
    # finansējums), t.sk.", lines 62-63 "- 30 130,00 …; - 27 159,65 …"
    second = _report(read, "counted_planted").funding[1]
    assert amounts(second) == {
        (P, None, E("56500.00")), (P, CS, E("30000.00")), (P, MN, E("26500.00")),
        (A, None, E("59289.65")), (A, CS, E("30130.00")), (A, MN, E("27159.65")),
        (IN, None, E("789.65")),
    }  # fmt: skip
    assert second.compared and not second.plan_complete
    # planted: 30 130 + 27 159,65 = 57 289,65, not 59 289,65; 56 500 + 789,65 − 59 289,65 = −2 000
    assert _sums(read["counted_planted"]) == [
        ("funding.remainder-mismatch", 61),
        ("funding.sum-mismatch", 61),
    ]


# -- a consortium's actual split by its partners ----------------------------------------------
def test_a_split_by_partners_adding_up_to_the_total_is_that_total_again(
    read: dict[str, Parsed],
) -> None:
    first, second, third = _report(read, "partners").funding
    # line 40 "Faktiski 49 612,40 euro, t.sk. - 30 000,00 …; - 19 612,40 … (no tiem vadošais
    # partneris izlietoja 33 100,00 euro, sadarbības partneris – 16 512,40 euro).
    # Neizmantotais finansējums 387,60 euro apmērā atgriezts KM."
    assert amounts(first) == {
        (P, None, E("50000.00")), (P, CS, E("30000.00")), (P, MN, E("20000.00")),
        (A, None, E("49612.40")), (A, CS, E("30000.00")), (A, MN, E("19612.40")),
        (BACK, None, E("387.60")),
    }  # fmt: skip
    # line 41 "(vadošais partneris – 34 000,00 euro, sadarbības partneris – 16 000,00 euro)"
    assert (A, None, E("50000.00")) in amounts(second) and len(second.amounts) == 6
    assert [r.compared for r in (first, second, third)] == [True, True, True]
    assert _codes(read["partners"]) == []


def test_a_mismatch_beside_a_split_by_partners_is_found(read: dict[str, Parsed]) -> None:
    # planted, line 40: "- 19 412,40 euro mazākumtautību …": 30 000 + 19 412,40 ≠ 49 612,40
    assert _codes(read["partners_planted"]) == [("funding.sum-mismatch", 40)]


def test_a_split_by_partners_not_adding_up_stays_unread(tmp_path: Path) -> None:
    text = (UNSEEN / FILES["partners"]).read_text(encoding="utf-8")
    assert "16 512,40" in text
    path = tmp_path / "partners.txt"
    path.write_text(text.replace("16 512,40", "16 412,40"), encoding="utf-8")
    parsed = read_report(path, path.name)
    assert parsed.report is not None
    assert [r.compared for r in parsed.report.funding] == [False, True, True]
    assert _codes(parsed) == [("funding.unread-amount", 40), ("funding.unread-amount", 40)]


def test_partner_splits() -> None:
    split = partner_splits(
        "… veicināšanai (no tiem vadošais partneris izlietoja 33 100,00 euro, sadarbības "
        "partneris – 16 512,40 euro)."
    )
    assert [s.total for s in split] == [E("49612.40")]
    assert partner_splits("(30 000,00 euro pilsoniskās … un 19 000,00 euro mazākumtautību …)") == []
    assert partner_splits("(vadošais partneris – 34 000,00 euro)") == []


# -- money carried over, not named in the year after -----------------------------------------
def test_a_year_after_one_carrying_money_over_has_no_complete_plan(
    read: dict[str, Parsed],
) -> None:
    # line 55 "Atlikums 789,65 euro apmērā pārcelts uz nākamo periodu (130,00 … un 659,65 …)";
    # lines 58-63: plan 56 500,00 (30 000,00 / 26 500,00), actual 57 289,65 (30 130,00 /
    # 27 159,65), no money carried in named
    first, second, third = _report(read, "unstated").funding
    assert (OVER, None, E("789.65")) in amounts(first)
    assert amounts(second) == {
        (P, None, E("56500.00")), (P, CS, E("30000.00")), (P, MN, E("26500.00")),
        (A, None, E("57289.65")), (A, CS, E("30130.00")), (A, MN, E("27159.65")),
    }  # fmt: skip
    assert [r.plan_complete for r in (first, second, third)] == [True, False, True]
    assert all(r.compared for r in (first, second, third))
    assert _sums(read["unstated"]) == []
    _plan_restated_with_the_money_carried_over()


def test_a_table_year_after_one_carrying_money_over(
    read: dict[str, Parsed], tmp_path: Path
) -> None:
    # line 30 "15.07.2022.–14.07.2023. | pilsoniskās … | 30 000,00 | 29 500,00 | 500,00
    # (pārcelts uz nākamo periodu)", line 33 "15.07.2023.–14.07.2024. | pilsoniskās … |
    # 30 000,00 | 30 500,00 | 0,00", line 35 "| Kopā | 49 000,00 | 49 200,00 | 300,00"
    rows = _report(read, "table_unstated").funding
    assert (OVER, CS, E("500.00")) in amounts(rows[0])
    assert (A, None, E("49200.00")) in amounts(rows[1])
    assert [r.plan_complete for r in rows] == [True, False, True]
    assert _sums(read["table_unstated"]) == []
    _neither_remainder_read_against_its_plan(tmp_path)


def _neither_remainder_read_against_its_plan(tmp_path: Path) -> None:
    """Year 2 of the table, its civil-society actual made 30 900,00 (line 33) and its total
    49 600,00 (line 35): the 300,00 returned is neither 49 000 + 500 − 49 600 = −100 nor
    49 000 − 49 600 = −600, so the money carried over does not explain the year, and it is
    read against its plan as written."""
    text = (UNSEEN / FILES["table_unstated"]).read_text(encoding="utf-8")
    assert text.count("30 500,00") == 1 and text.count("49 200,00") == 1
    path = tmp_path / "table.txt"
    path.write_text(
        text.replace("30 500,00", "30 900,00").replace("49 200,00", "49 600,00"), encoding="utf-8"
    )
    parsed = read_report(path, path.name)
    assert parsed.report is not None
    assert [r.plan_complete for r in parsed.report.funding] == [True, True, True]
    assert _sums(parsed) == [
        ("funding.actual-above-planned", 33),
        ("funding.actual-above-planned", 35),
        ("funding.remainder-mismatch", 33),
        ("funding.remainder-mismatch", 35),
    ]


def test_a_purpose_spending_beyond_its_plan_and_its_money_carried_over_is_found(
    tmp_path: Path,
) -> None:
    """Year 2 with its civil-society actual made 30 330,00 and its minorities' 26 959,65
    (lines 62-63), the total as written: 56 500 + 789,65 − 57 289,65 = 0, nothing left, as
    stated; but 30 330 is more than 30 000 + 130,00 carried over for civil society (line 55)."""
    text = (UNSEEN / FILES["unstated"]).read_text(encoding="utf-8")
    assert text.count("30 130,00") == 1 and text.count("27 159,65") == 1
    path = tmp_path / "unstated.txt"
    path.write_text(
        text.replace("30 130,00", "30 330,00").replace("27 159,65", "26 959,65"), encoding="utf-8"
    )
    parsed = read_report(path, path.name)
    assert parsed.report is not None
    assert [r.plan_complete for r in parsed.report.funding] == [True, False, True]
    assert _sums(parsed) == [("funding.actual-above-planned", 62)]


def _plan_restated_with_the_money_carried_over() -> None:
    """ "Plānots 49.387,70 EUR" (line 54) after "Plānots 49.000,00 EUR" and "Atlikums 387,70
    EUR apmērā pārcelts uz nākamo periodu" (lines 49, 51): the money is in the plan."""
    name = "kurzeme_email_quoted_sia_planted.txt"
    parsed = read_report(UNSEEN / name, name)
    assert parsed.report is not None
    assert [r.plan_complete for r in parsed.report.funding] == [True, True, True]
    assert ("funding.actual-above-planned", 55) in _sums(parsed)


# -- a calendar year's key with a footnote mark ----------------------------------------------
def test_a_calendar_year_key_with_a_footnote_mark(read: dict[str, Parsed]) -> None:
    # line 14 "2023.gads¹", line 15 "2024. gads²", line 16 "2025.gads"
    rows = _report(read, "footnotes").funding
    assert [r.calendar_year for r in rows] == [2023, 2024, 2025]
    assert amounts(rows[1]) == _2024
    assert all(r.compared for r in rows)
    assert _codes(read["footnotes"]) == []


def test_a_year_key_cell_with_a_footnote_mark() -> None:
    assert year_key("II. gads¹ 15.07.2023.–14.07.2024.", bare_year=False) == (2, None, (10, 33))
    assert year_key("2023. gads² (01.09.2023.–31.12.2023.)", bare_year=False) == (
        None,
        2023,
        (13, 36),
    )
    assert year_key("2023. gads*", bare_year=False) == (None, 2023, None)


def test_calendar_years_that_are_the_implementation_years_are_matched(
    read: dict[str, Parsed],
) -> None:
    """l.11 "01.09.2023. – 31.08.2025.", years I (01.09.2023.–31.12.2023.), II
    (01.01.2024.–31.12.2024.) and III (01.01.2025.–31.08.2025.): the rows "2023.gads",
    "2024.gads" and "2025.gads" (l.14-16) are those years' days of the delegation."""
    rep = _report(read, "calendar")
    assert [(row.calendar_year, row.ordinal) for row in rep.funding] == [
        (2023, 1),
        (2024, 2),
        (2025, 3),
    ]


def test_a_calendar_year_that_is_part_of_an_implementation_year_is_not_matched() -> None:
    # year I running to the end of August 2024 holds 2023 and part of 2024: neither
    # calendar year is that year, nor is 2024 year II (which starts in September); year
    # III, left as it was, is still 2025's days of the delegation
    path = UNSEEN / FILES["calendar"]
    text = path.read_text(encoding="utf-8")
    text = text.replace("(01.09.2023.–31.12.2023.)", "(01.09.2023.–31.08.2024.)")
    text = text.replace("(01.01.2024.–31.12.2024.)", "(01.09.2024.–31.08.2025.)")
    rep = parse_text(text).report
    assert rep is not None
    assert [(row.calendar_year, row.ordinal) for row in rep.funding] == [
        (2023, None),
        (2024, None),
        (2025, 3),
    ]
