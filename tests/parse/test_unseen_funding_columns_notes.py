"""Golden values for how the funding section is read in reports by independent testers, who
read their facts by hand before the parser ran.

A tab-flattened table with one column per calendar year ("2021 | 2022 | 2023 | Kopā") and
rows planned / actual / remainder, set in the report's second column (Vidzeme, clean); tab
rows whose amounts hold a soft hyphen ("€ 24­000") and a tab ("€ 53<TAB>948,50")
(Latgale, clean); prose with a tab inside "28<TAB>000 EUR" (Rīga, two planted); a Markdown
list of "– 2022. gadā plānots: …; faktiski izlietots: …; atlikums: …" items and
"Izlietotais finansējums kopā" (Zemgale, two planted); PDF text whose total spent over the
contract is stated wrong (Kurzeme, one planted); PDF text with "(t.sk. PVN … euro)" inside an
actual total and an unrecovered amount above the irregular expenditure (Rīga, two planted);
Word rows keyed "2023. gads (I. īstenošanas gads)" (Zemgale, two planted).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.model import AmountRole, FundingYear, Parsed, Report
from pipeline.read import read_report
from tests.parse.golden import BACK, CS, MN, OVER, UNSEEN, A, P, amounts

HERE = UNSEEN
E = Decimal
R = AmountRole.REMAINDER

FILES = {
    "columns": HERE / "vidzeme_welfare_ministry_labels_wide_funding.txt",
    "hyphen": HERE / "latgale_tabs_soft_hyphen_and_tab_in_amounts.txt",
    "prose_tab": HERE / "riga_labels_on_lines_square_bullets_planted.txt",
    "items": HERE / "zemgale_markdown_calendar_year_funding_items_planted.md",
    "contract": HERE / "kurzeme_pdf_text_contract_total_planted.txt",
    "vat": HERE / "riga_pdf_wrap_sia_early_end_planted.txt",
    "word_rows": HERE / "zemgale_word_activity_tables_count_and_participant_columns_planted.docx",
}


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return {key: read_report(path, path.name) for key, path in FILES.items()}


def _report(parsed: Parsed) -> Report:
    assert parsed.report is not None
    return parsed.report


def _codes(parsed: Parsed, prefix: str) -> list[tuple[str, int | None]]:
    """The warnings and errors whose code starts with `prefix`, with their lines."""
    return sorted(
        (f.code, f.span.line if f.span else None)
        for f in parsed.findings
        if f.code.startswith(prefix) and f.severity.value in ("warning", "error")
    )


def _unread(parsed: Parsed) -> list[str]:
    return [f.message for f in parsed.findings if f.code == "funding.unread-amount"]


def _keys(rows: tuple[FundingYear, ...]) -> list[tuple[int | None, int | None]]:
    return [(row.ordinal, row.calendar_year) for row in rows]


# -- a column per calendar year, and a "Kopā" column ---------------------------------------------
def test_a_column_per_calendar_year_gives_each_year_its_own_amounts(
    read: dict[str, Parsed],
) -> None:
    rep = _report(read["columns"])
    assert [row.calendar_year for row in rep.funding] == [2021, 2022, 2023]
    # "Plānots, euro | 60 000,00 | 60 000,00 | 30 000,00 | 150 000,00", "Faktiski izlietots,
    # euro | 58 412,36 | 60 000,00 | 29 874,10 | 148 286,46", "Atlikums, euro | 1 587,64 |
    # 0,00 | 125,90 | 1 713,54": the last column is the sum over the years, no year
    assert amounts(rep.funding[0]) == {
        (P, None, E("60000.00")),
        (A, None, E("58412.36")),
        (R, None, E("1587.64")),
    }
    assert amounts(rep.funding[1]) == {
        (P, None, E("60000.00")),
        (A, None, E("60000.00")),
        (R, None, E("0.00")),
    }
    assert amounts(rep.funding[2]) == {(P, None, E("30000.00")), (A, None, E("29874.10")), (R, None, E("125.90"))}  # fmt: skip
    assert all(row.compared for row in rep.funding)


def test_the_year_columns_raise_nothing_and_the_sum_over_the_years_is_no_years(
    read: dict[str, Parsed],
) -> None:
    # consistent: every planned − actual is its remainder
    assert _codes(read["columns"], "funding.") == []
    # "Neizlietotie līdzekļi 1 713,54 euro apmērā atmaksāti …" under the table: all years'
    # money returned, not 2023's
    assert all(
        a.value != E("1713.54") for row in _report(read["columns"]).funding for a in row.amounts
    )


# -- a soft hyphen and a tab inside an amount -----------------------------------------------------
def test_a_soft_hyphen_inside_an_amount_is_no_cut(read: dict[str, Parsed]) -> None:
    rep = _report(read["hyphen"])
    # Y1 "Plānots € 54 000, t.sk. € 30 000 … un € 24­000 …", "Faktiski € 53 120, t.sk.
    # € 30 000 … un € 23 120 …", 880 carried over
    assert amounts(rep.funding[0]) == {
        (P, None, E("54000")), (P, CS, E("30000")), (P, MN, E("24000")),
        (A, None, E("53120")), (A, CS, E("30000")), (A, MN, E("23120")),
        (OVER, None, E("880")),
    }  # fmt: skip


def test_a_tab_inside_an_amount_of_a_tab_row_is_no_cut(read: dict[str, Parsed]) -> None:
    rep = _report(read["hyphen"])
    # Y3 "Faktiski € 53<TAB>948,50, t.sk. € 29 948,50 … un € 24 000 …", 51,50 returned to KM
    assert amounts(rep.funding[2]) == {
        (P, None, E("54000")), (P, CS, E("30000")), (P, MN, E("24000")),
        (A, None, E("53948.50")), (A, CS, E("29948.50")), (A, MN, E("24000")),
        (BACK, None, E("51.50")),
    }  # fmt: skip
    assert rep.funding[2].compared


def test_the_consistent_report_with_odd_spaces_raises_no_funding_finding(
    read: dict[str, Parsed],
) -> None:
    assert _codes(read["hyphen"], "funding.") == []
    assert _unread(read["hyphen"]) == []


def test_a_tab_inside_an_amount_in_prose_is_white_space(read: dict[str, Parsed]) -> None:
    rep = _report(read["prose_tab"])
    # Y2 "Plānots 45 700 EUR, t.sk. 28<TAB>000 EUR pilsoniskās … un 17 700 EUR …",
    # "Faktiski 45 700 EUR, t.sk. 28 000 EUR … un 17 700 EUR …"
    assert amounts(rep.funding[1]) == {
        (P, None, E("45700")), (P, CS, E("28000")), (P, MN, E("17700")),
        (A, None, E("45700")), (A, CS, E("28000")), (A, MN, E("17700")),
    }  # fmt: skip
    assert rep.funding[1].compared
    # planted: Y3 actual lines 27 900 + 16 820 = 44 720, stated 44 820; nothing else
    assert _codes(read["prose_tab"], "funding.") == [("funding.sum-mismatch", 75)]


# -- "– 2022. gadā plānots: …; faktiski izlietots: …; atlikums: …" ------------------------------
def test_calendar_year_items_are_a_row_each(read: dict[str, Parsed]) -> None:
    rep = _report(read["items"])
    assert [row.calendar_year for row in rep.funding] == [2022, 2023, 2024]
    assert amounts(rep.funding[0]) == {
        (P, None, E("40000.00")), (P, CS, E("25000.00")), (P, MN, E("15000.00")),
        (A, None, E("39450.00")), (A, CS, E("25000.00")), (A, MN, E("14450.00")),
        (OVER, None, E("550.00")),
    }  # fmt: skip
    assert amounts(rep.funding[1]) == {
        (P, None, E("40550.00")), (P, CS, E("25000.00")), (P, MN, E("15550.00")),
        (A, None, E("38950.00")), (A, CS, E("24100.00")), (A, MN, E("14850.00")),
        (BACK, None, E("1700.00")),
    }  # fmt: skip
    assert amounts(rep.funding[2]) == {
        (P, None, E("40000.00")), (P, CS, E("25000.00")), (P, MN, E("15000.00")),
        (A, None, E("40000.00")), (A, CS, E("25000.00")), (A, MN, E("15000.00")),
        (R, None, E("0.00")),
    }  # fmt: skip
    assert all(row.compared for row in rep.funding)


def test_the_remainder_planted_in_the_items_is_found(read: dict[str, Parsed]) -> None:
    # 2023: 40 550,00 − 38 950,00 = 1 600,00, "atlikums: 1 700,00 euro"; the total spent
    # over the contract, 118 400,00 = 39 450 + 38 950 + 40 000, agrees
    assert _codes(read["items"], "funding.") == [("funding.remainder-mismatch", 59)]
    assert _unread(read["items"]) == []


# -- the money spent over the whole contract ----------------------------------------------------
def test_a_wrong_total_spent_over_the_contract_is_found(read: dict[str, Parsed]) -> None:
    parsed = read["contract"]
    # "Izlietotais finansējums kopā: € 71 000,00", the years' actuals 35 640,25 + 36 359,75
    assert _codes(parsed, "funding.contract") == [("funding.contract-total-mismatch", 97)]
    found = next(f for f in parsed.findings if f.code == "funding.contract-total-mismatch")
    assert "72 000,00" in found.message and "71 000,00" in found.message
    assert "72 000,00" in found.message_lv and "71 000,00" in found.message_lv
    # the total is no second actual of the last year, whose sums are still compared
    rep = _report(parsed)
    assert rep.funding[1].compared
    assert all(a.value != E("71000.00") for row in rep.funding for a in row.amounts)


# -- a VAT note inside a total ------------------------------------------------------------------
def test_a_vat_note_leaves_the_year_compared(read: dict[str, Parsed]) -> None:
    rep = _report(read["vat"])
    # "Faktiski 44 520,40 euro (t.sk. PVN 7 726,68 euro), t.sk. - 28 320,40 euro … -
    # 16 200,00 euro …", "Atlikums 479,60 euro … atgriezts"
    assert amounts(rep.funding[1]) == {
        (P, None, E("45000.00")), (P, CS, E("30000.00")), (P, MN, E("15000.00")),
        (A, None, E("44520.40")), (A, CS, E("28320.40")), (A, MN, E("16200.00")),
        (BACK, None, E("479.60")),
    }  # fmt: skip
    assert [row.compared for row in rep.funding] == [True, True]
    # planted: the minority line spent 16 200,00 of a planned 15 000,00
    assert ("funding.actual-above-planned", 170) in _codes(read["vat"], "funding.")


def test_an_unrecovered_amount_above_the_irregular_expenditure_is_found(
    read: dict[str, Parsed],
) -> None:
    parsed = read["vat"]
    rep = _report(parsed)
    assert rep.irregular_expenditure is not None and rep.unrecovered_amount is not None
    assert rep.irregular_expenditure.value == E("1250.00")
    assert rep.unrecovered_amount.value == E("1450.00")
    assert _codes(parsed, "irregular.") == [("irregular.unrecovered-above-irregular", 189)]
    found = next(f for f in parsed.findings if f.code == "irregular.unrecovered-above-irregular")
    assert "1 450,00" in found.message and "1 250,00" in found.message_lv
    # less left unrecovered than was irregular: "1 180 EUR (… ēdināšanas izdevumi)", "0 EUR
    # (summa atgūta pilnā apmērā …)"
    assert _codes(read["prose_tab"], "irregular.") == []


# -- a calendar year with its implementation year ------------------------------------------------
def test_a_calendar_year_row_naming_its_implementation_year_keeps_both(
    read: dict[str, Parsed],
) -> None:
    # "2023. gads (I. īstenošanas gads)", "2024. gads (II. īstenošanas gads)"
    assert _keys(_report(read["word_rows"]).funding) == [(1, 2023), (2, 2024)]
