"""Golden values for the funding sections of reports by two more independent testers, who
read their facts by hand before the parser ran (`tests/fixtures/reports/unseen/`).

Plain text and Markdown: funding given per calendar year under a line "2023. gads" with
"Plānots: …", "Faktiski: …", "Atlikums: -340,00 euro (pārtēriņš …)" under it, one sum
planted (Rīga); the same in bold paragraphs "**2023. gads.** Plānots 36 tūkst. EUR …"
(Zemgale, clean); a year's dates on a tab row of their own above its amounts' row, one
remainder planted (Latgale); a year whose funding is "Nav" (Kurzeme, clean). Word: a
funding table under header rows of column names with a "Kopā" row (Zemgale, one planted);
a nested table with a year per column and a row "Pārceltais atlikums no iepriekšējā gada"
(Latgale, clean). A funding cell that only says where the table is ("Skatīt tabulu …", as
a third Word report's did) is tried on the minimal report. Line numbers are the source
text's (a document's: the text it was read into).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.model import AmountRole, Parsed
from tests.parse.golden import BACK, CS, IN, MN, OVER, A, D, P, amounts, read_unseen, report_of

FILES = {
    "overspend": "riga_underlined_labels_planted_breakdown.txt",
    "bold_years": "zemgale_markdown_month_headings.md",
    "period_rows": "latgale_tabs_month_subheadings_planted.txt",
    "none_year": "kurzeme_tab_labels_year_without_funding.txt",
    "header_total": "zemgale_word_merged_header_total_row_planted.docx",
    "carried_in_row": "latgale_word_nested_year_columns_carried_in.docx",
}
E = Decimal
REST = AmountRole.REMAINDER


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _funding_findings(parsed: Parsed, severity: str = "warning") -> list[tuple[str, int | None]]:
    return sorted(
        (f.code, f.span.line if f.span else None)
        for f in parsed.findings
        if f.code.startswith("funding.") and f.severity.value == severity
    )


def _placeholders(parsed: Parsed) -> list[int]:
    """Rows holding an amount of no value and no text: a year read as giving nothing."""
    rep = report_of({"r": parsed}, "r")
    return [i for i, row in enumerate(rep.funding) for a in row.amounts if not a.text]


# -- calendar years under a line "2023. gads" (Rīga) --------------------------------------------


def test_calendar_year_lines_are_one_row_each(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "overspend")
    # "2023. gads" (line 55), "2024. gads" (59), "2025. gads" (64): three rows
    assert [(r.calendar_year, r.span.line) for r in rep.funding] == [
        (2023, 55),
        (2024, 59),
        (2025, 64),
    ]
    # "Plānots: 52 000,00 euro, t.sk. 32 000,00 euro pilsoniskās … un 21 000,00 euro
    # mazākumtautību …" / "Faktiski: 52 000,00 euro (izpilde 100 %)."
    assert amounts(rep.funding[0]) == {
        (P, None, E("52000.00")), (P, CS, E("32000.00")), (P, MN, E("21000.00")),
        (A, None, E("52000.00")),
    }  # fmt: skip
    # "Faktiski: 51 480,00 euro (izpilde 99 %), t.sk. 30 700,00 euro … un 20 780,00 euro …"
    # / "Atlikums: 520,00 euro atgriezts KM." (the actual lines were read as planned)
    assert amounts(rep.funding[2]) == {
        (P, None, E("52000.00")), (P, CS, E("31000.00")), (P, MN, E("21000.00")),
        (A, None, E("51480.00")), (A, CS, E("30700.00")), (A, MN, E("20780.00")),
        (BACK, None, E("520.00")),
    }  # fmt: skip


def test_the_planted_sum_under_a_calendar_year_is_found(read: dict[str, Parsed]) -> None:
    # line 56: the planned lines 32 000,00 + 21 000,00 = 53 000,00, not 52 000,00; the
    # 2024 overspend is consistent (52 000 − 52 340 = −340): no remainder mismatch
    assert _funding_findings(read["overspend"]) == [("funding.sum-mismatch", 56)]


def test_a_negative_remainder_is_never_money_left_over(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "overspend")
    # "Atlikums: -340,00 euro (pārtēriņš segts no biedrības līdzekļiem)." (line 62): no
    # role holds money below zero; it is left unread, never a remainder of 340
    assert amounts(rep.funding[1]) == {
        (P, None, E("52000.00")), (P, CS, E("31000.00")), (P, MN, E("21000.00")),
        (A, None, E("52340.00")), (A, CS, E("31340.00")), (A, MN, E("21000.00")),
    }  # fmt: skip
    assert not rep.funding[1].compared
    assert ("funding.unread-amount", 62) in _funding_findings(read["overspend"], "info")


# -- calendar years in bold paragraphs (Zemgale) ------------------------------------------------


def test_bold_calendar_year_paragraphs_are_one_row_each(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "bold_years")
    # "**2023. gads.** …" (line 46), "**2024. gads.** …" (line 48)
    assert [(r.calendar_year, r.span.line) for r in rep.funding] == [(2023, 46), (2024, 48)]
    # "Faktiski izlietoti 35876.40 EUR (20950.00 EUR pilsoniskās …, 14926.40 EUR
    # mazākumtautību …), izpilde 99,7 %. Atlikums 123.60 EUR pārcelts uz 2024. gadu."; the
    # plan "36 tūkst. EUR" is rounded and left unread on purpose
    assert amounts(rep.funding[0]) == {
        (A, None, E("35876.40")), (A, CS, E("20950.00")), (A, MN, E("14926.40")),
        (OVER, None, E("123.60")),
    }  # fmt: skip
    # "Plānots 36000.00 EUR un no 2023. gada pārceltais atlikums 123.60 EUR. Faktiski
    # izlietoti 36123.60 EUR, izpilde 100 %. Atlikums 0.00 EUR."
    assert amounts(rep.funding[1]) == {
        (P, None, E("36000.00")), (IN, None, E("123.60")), (A, None, E("36123.60")),
        (REST, None, E("0.00")),
    }  # fmt: skip
    # money carried in stands beside the plan: 36 123,60 spent is no overspend
    assert not rep.funding[1].plan_complete
    assert _funding_findings(read["bold_years"]) == []
    # "36 tūkst. EUR", "21 tūkst. EUR", "15 tūkst. EUR" (line 46): rounded, reported
    assert _funding_findings(read["bold_years"], "info") == [("funding.unread-amount", 46)] * 3


# -- a year's dates on a row of their own (Latgale) ---------------------------------------------


def test_dates_on_their_own_row_name_the_amounts_row_under_them(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "period_rows")
    # "01.08.2022. – 31.07.2023." (line 32) over its amounts (line 33); likewise line 34/35
    assert [(r.period and (r.period.start, r.period.end), r.ordinal) for r in rep.funding] == [
        ((D(2022, 8, 1), D(2023, 7, 31)), 1),
        ((D(2023, 8, 1), D(2024, 7, 31)), 2),
    ]
    # "Plānots 45 000,00 euro, t.sk.: 27 000,00 …; 18 000,00 …", "Faktiski 44 000,00 euro
    # (izpilde 97,8 %), t.sk.: 26 500,00 …; 17 500,00 …. Neizmantotais finansējums
    # 1 250,00 euro apmērā atgriezts KM."
    assert amounts(rep.funding[0]) == {
        (P, None, E("45000.00")), (P, CS, E("27000.00")), (P, MN, E("18000.00")),
        (A, None, E("44000.00")), (A, CS, E("26500.00")), (A, MN, E("17500.00")),
        (BACK, None, E("1250.00")),
    }  # fmt: skip
    # the planted remainder (line 33): 45 000,00 − 44 000,00 = 1 000,00, not 1 250,00; no
    # year is said to give no amount
    parsed = read["period_rows"]
    assert _funding_findings(parsed) == [("funding.remainder-mismatch", 33)]
    mismatch = next(f for f in parsed.findings if f.code == "funding.remainder-mismatch")
    assert mismatch.message.startswith("year 1:")


# -- a year whose funding is "Nav" (Kurzeme) ----------------------------------------------------


def test_a_year_whose_funding_is_nav_has_no_amount_and_no_warning(
    read: dict[str, Parsed],
) -> None:
    rep = report_of(read, "none_year")
    # "01.03.2024. – 28.02.2025." / "Nav" (lines 60–61): the report says there was none
    last = rep.funding[2]
    assert last.period is not None and (last.period.start, last.period.end) == (
        D(2024, 3, 1),
        D(2025, 2, 28),
    )
    assert last.amounts == ()
    assert _placeholders(read["none_year"]) == []
    assert _funding_findings(read["none_year"]) == []


# -- header rows and a "Kopā" row (Zemgale, Word) -----------------------------------------------


def test_header_rows_are_no_year_and_the_total_row_is_kept(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "header_total")
    # "Periods | Finansējums, EUR" over " | Plānots | Faktiski": column names, no year
    assert [r.period and (r.period.start, r.period.end) for r in rep.funding] == [
        (D(2023, 3, 1), D(2024, 2, 29)),
        (D(2024, 3, 1), D(2025, 2, 28)),
    ]
    assert _placeholders(read["header_total"]) == []
    # the planted actual lines (line 8): 27 000,00 + 18 200,00 = 45 200,00, not 45 310,00
    assert _funding_findings(read["header_total"]) == [("funding.sum-mismatch", 8)]
    # "Kopā | 91310.00 EUR | 90922.18 EUR": the sum over the years, kept as written
    assert "Kopā 91310.00 EUR 90922.18 EUR" in [t.value for t in rep.unlabelled]
    # "Atlikums 387.82 EUR apmērā atgriezts Kultūras ministrijas budžetā."
    assert (BACK, None, E("387.82")) in amounts(rep.funding[1])


# -- a cross-reference alone in the funding cell (the minimal report) ------------------------


def test_a_cross_reference_alone_is_kept_as_written() -> None:
    """The funding cell saying only where the table is ("Skatīt tabulu pielikumā (nākamajā
    lapā)"): no funding row, no missing amount; its words kept as written."""
    from tests.conftest import MINIMAL, parse_text

    lines = MINIMAL.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("Plānotais un faktiski"))
    label = lines[at].split("\t")[0]
    lines[at : at + 2] = [f"{label}\tSkatīt tabulu pielikumā (nākamajā lapā)"]
    parsed = parse_text("\n".join(lines))
    rep = report_of({"r": parsed}, "r")
    assert rep.funding == ()
    assert "funding.missing-amount" not in [f.code for f in parsed.findings]
    assert "Skatīt tabulu pielikumā (nākamajā lapā)" in [t.value for t in rep.unlabelled]


# -- money carried in, a row of a year-per-column table (Latgale, Word) -------------------------


def test_a_carried_in_row_of_a_year_column_table(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "carried_in_row")
    third = rep.funding[2]
    # "Pārceltais atlikums no iepriekšējā gada | – | – | 1 689,75", and year III's "Plānots
    # 54 000 (30 000; 24 000)", "Faktiski izlietots 55 689,75 (30 900,00; 24 789,75)",
    # "Atlikums (pārcelts uz nākamo periodu) 0,00"
    assert amounts(third) == {
        (P, None, E("54000")), (P, CS, E("30000")), (P, MN, E("24000")),
        (IN, None, E("1689.75")),
        (A, None, E("55689.75")), (A, CS, E("30900.00")), (A, MN, E("24789.75")),
        (OVER, None, E("0.00")),
    }  # fmt: skip
    # the plan is not all that could be spent: 54 000 + 1 689,75 = 55 689,75
    assert not third.plan_complete and third.compared
    assert _funding_findings(read["carried_in_row"], "info") == []
    assert _funding_findings(read["carried_in_row"]) == []


# -- the same forms, written otherwise ----------------------------------------------------------


def _variant(read_text: str, old: str, new: str) -> Parsed:
    from tests.conftest import parse_text

    assert old in read_text, "the fixture changed; update the variant"
    return parse_text(read_text.replace(old, new))


@pytest.fixture(scope="module")
def overspend_text() -> str:
    from tests.parse.golden import UNSEEN

    return (UNSEEN / FILES["overspend"]).read_text(encoding="utf-8")


def test_calendar_headings_in_capitals_with_a_colon_and_a_year_with_none(
    overspend_text: str,
) -> None:
    """ "2023. GADS:" and "2024. gads (01.01.–31.12.2024.)" keep their rows; a last year
    "Nav" is a year with no money, not one whose amount is missing."""
    last = overspend_text[overspend_text.index("2025. gads") : overspend_text.index("NEATBILSTOŠI")]
    text = overspend_text.replace("2023. gads\n", "2023. GADS:\n").replace(
        "2024. gads\n", "2024. gads (01.01.–31.12.2024.)\n"
    )
    parsed = _variant(text, last, "2025. gads\n  Nav\n\n")
    rep = report_of({"r": parsed}, "r")
    assert [r.calendar_year for r in rep.funding] == [2023, 2024, 2025]
    assert rep.funding[1].period is not None
    assert (rep.funding[1].period.start, rep.funding[1].period.end) == (
        D(2024, 1, 1),
        D(2024, 12, 31),
    )
    assert rep.funding[2].amounts == ()
    assert _funding_findings(parsed) == [("funding.sum-mismatch", 56)]


def test_a_remainder_with_the_minus_sign_itself(overspend_text: str) -> None:
    parsed = _variant(overspend_text, "Atlikums: -340,00", "Atlikums: \u2212340,00")
    rep = report_of({"r": parsed}, "r")
    assert not any(a.value == E("340.00") for a in rep.funding[1].amounts)
