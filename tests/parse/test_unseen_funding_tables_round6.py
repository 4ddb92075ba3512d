"""Golden values for funding tables by two more independent testers, who read their facts by
hand before the parser ran (`tests/fixtures/reports/unseen/`).

HTML: a Word "Save as Web Page" table whose year cell spans the rows of its roles ("2023.
gads | Plānots | 40 000,00 € | 24 000,00 € | 16 000,00 €", then "Faktiski" and "Atlikums"
rows), the header one cell short (Latgale, two planted); a CMS table with a two-row header,
the roles over the purposes ("Periods | Plānots | Faktiski | Atlikums" over "pilsoniskās … |
mazākumtautību … | …"), a carried-in row and a "Kopā" row (Latgale, clean); a ministry web
page whose years are paragraphs "<p>01.08.2023.–31.07.2024.</p><ul>…" (Vidzeme, two
planted). Chromium PDFs: a landscape table with roles in merged header cells over "Kopā |
t.sk. … | t.sk. …" and a notes column (Kurzeme, two planted); a table with a period cell
spanning its "Kopā" row and purpose rows, amounts wrapped in narrow cells or not (Rīga, two
planted). And PDF text of a page break inside a purpose line.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.model import AmountRole, Parsed
from pipeline.read import read_report
from tests.conftest import FIXTURES, MINIMAL, parse_text
from tests.parse.golden import BACK, CS, IN, MN, OVER, A, D, P, amounts, read_unseen, report_of

FILES = {
    "rowspans": "latgale_word_web_page_year_rowspans_planted.html",
    "two_rows": "latgale_html_role_purpose_header_rowspans.html",
    "ministry": "vidzeme_ministry_web_page_planted.html",
    "landscape": "kurzeme_chromium_landscape_merged_header_planted.pdf",
    "wrapped": "riga_chromium_nested_funding_table_wrapped_amounts_planted.pdf",
    "rowspan_pdf": "riga_chromium_nested_funding_table_unwrapped_planted.pdf",
}
E = Decimal
R = AmountRole.REMAINDER
UNSEEN = FIXTURES / "reports" / "unseen"


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _warnings(parsed: Parsed) -> list[str]:
    return sorted(f.code for f in parsed.findings if f.severity.value in ("warning", "error"))


# -- r6: the year cell spans its roles' rows ------------------------------------------
def test_a_year_cell_over_its_roles_rows(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "rowspans")
    assert [
        (f.calendar_year, f.period and (f.period.start, f.period.end)) for f in rep.funding
    ] == [
        (2023, (D(2023, 1, 1), D(2023, 12, 31))),
        (2024, (D(2024, 1, 1), D(2024, 12, 31))),
    ]
    # "2023. gads (01.01.2023.–31.12.2023.) | Plānots | 40 000,00 € | 24 000,00 € |
    # 16 000,00 €", "Faktiski | 39 680,00 € | 23 680,00 € | 16 000,00 €", "Atlikums |
    # 0,00 € | 0,00 € | 0,00 €"
    assert amounts(rep.funding[0]) == {
        (P, None, E("40000.00")), (P, CS, E("24000.00")), (P, MN, E("16000.00")),
        (A, None, E("39680.00")), (A, CS, E("23680.00")), (A, MN, E("16000.00")),
        (R, None, E("0.00")), (R, CS, E("0.00")), (R, MN, E("0.00")),
    }  # fmt: skip
    # 2024: "40 000,00 €" planned and spent, "24 000,00 €" / "16 000,00 €" each, "0,00 €" left
    assert amounts(rep.funding[1]) == {
        (P, None, E("40000.00")), (P, CS, E("24000.00")), (P, MN, E("16000.00")),
        (A, None, E("40000.00")), (A, CS, E("24000.00")), (A, MN, E("16000.00")),
        (R, None, E("0.00")), (R, CS, E("0.00")), (R, MN, E("0.00")),
    }  # fmt: skip


def test_the_remainder_planted_in_the_rowspan_table_is_found(read: dict[str, Parsed]) -> None:
    # 2023: 40 000,00 − 39 680,00 = 320,00 (civil society 24 000,00 − 23 680,00) but
    # "Atlikums 0,00 €"; and "05.03.2022." in year I, before it began
    codes = _warnings(read["rowspans"])
    assert codes.count("funding.remainder-mismatch") == 2
    assert "activity.date-outside-year" in codes


# -- r3: roles over purposes ----------------------------------------------------------
def test_a_header_of_roles_over_purposes(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "two_rows")
    # three years; "Kopā | 96 000,00 € | 66 000,00 € | …" is the sum over them, no year
    assert [f.ordinal for f in rep.funding] == [1, 2, 3]
    # "I gads 15.07.2022.–14.07.2023. | 32 000,00 € | 22 000,00 € | 32 000,00 € |
    # 22 000,00 € | 0,00 €": no year totals are written, only the lines
    assert amounts(rep.funding[0]) == {
        (P, CS, E("32000.00")), (P, MN, E("22000.00")),
        (A, CS, E("32000.00")), (A, MN, E("22000.00")),
        (R, None, E("0.00")),
    }  # fmt: skip
    # "… | 31 456,78 € | 21 234,56 € | 1 308,66 € pārcelts uz III gadu"
    assert amounts(rep.funding[1]) == {
        (P, CS, E("32000.00")), (P, MN, E("22000.00")),
        (A, CS, E("31456.78")), (A, MN, E("21234.56")),
        (OVER, None, E("1308.66")),
    }  # fmt: skip
    # "… | 32 543,22 € | 22 765,44 € | 0,00 €" and, under the plan, "+ 543,22 € pārcelts no
    # II gada | + 765,44 € pārcelts no II gada"
    assert amounts(rep.funding[2]) == {
        (P, CS, E("32000.00")), (P, MN, E("22000.00")),
        (IN, CS, E("543.22")), (IN, MN, E("765.44")),
        (A, CS, E("32543.22")), (A, MN, E("22765.44")),
        (R, None, E("0.00")),
    }  # fmt: skip
    assert _warnings(read["two_rows"]) == []  # a clean report


def test_roles_over_purposes_that_cannot_be_told_are_not_read_by_place(tmp_path: Path) -> None:
    # The same table with one purpose of the second header row renamed: which column is
    # whose cannot be told, and the first two amounts of a row ("32 000,00 € | 22 000,00 €",
    # the two purposes' plans) are never the year's planned and actual totals.
    html = (UNSEEN / FILES["two_rows"]).read_text(encoding="utf-8")
    purpose = (
        "<th>mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai</th>"
    )
    assert purpose in html
    changed = tmp_path / "two_rows_unknown_purpose.html"
    changed.write_text(html.replace(purpose, "<th>citiem mērķiem</th>", 1), encoding="utf-8")
    parsed = read_report(changed, changed.name)
    rep = parsed.report
    assert rep is not None
    for row in rep.funding:
        assert {a.value for a in row.amounts if a.role in (P, A)} <= {None}
    assert "funding.missing-amount" not in _warnings(parsed)


# -- r2: years as paragraphs opened by their dates ------------------------------------
def test_each_year_paragraph_opens_with_its_period(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "ministry")
    # "<p>01.08.2022.–31.07.2023.</p>", "<p>01.08.2023.–31.07.2024.</p>",
    # "<p>01.08.2024.–31.07.2025.</p>", each over its "Plānots" / "Faktiski" list
    assert [f.period and (f.period.start, f.period.end) for f in rep.funding] == [
        (D(2022, 8, 1), D(2023, 7, 31)),
        (D(2023, 8, 1), D(2024, 7, 31)),
        (D(2024, 8, 1), D(2025, 7, 31)),
    ]
    # "Faktiski: 43 250,00 EUR", "Neizlietotais finansējums 1 850,00 EUR apmērā atgriezts"
    assert (A, None, E("43250.00")) in amounts(rep.funding[1])
    assert (BACK, None, E("1850.00")) in amounts(rep.funding[1])


# -- r2b: roles in merged header cells over "Kopā | t.sk. …" ---------------------------
def test_roles_in_merged_cells_over_totals_and_lines(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "landscape")
    # rows I, II, III; "Kopā | 147 000,00 | …" is the sum over them
    assert [f.ordinal for f in rep.funding] == [1, 2, 3]
    # "I (15.07.2022. – 14.07.2023.) | 49 000,00 | 30 000,00 | 19 000,00 | 49 000,00 |
    # 30 000,00 | 19 000,00 | 0,00 | –"
    assert amounts(rep.funding[0]) == {
        (P, None, E("49000.00")), (P, CS, E("30000.00")), (P, MN, E("19000.00")),
        (A, None, E("49000.00")), (A, CS, E("30000.00")), (A, MN, E("19000.00")),
        (R, None, E("0.00")),
    }  # fmt: skip
    # "II … | 47 786,53 | 28 959,87 | 18 826,66 | 1 213,47 | pārcelts uz nākamo periodu"
    assert amounts(rep.funding[1]) == {
        (P, None, E("49000.00")), (P, CS, E("30000.00")), (P, MN, E("19000.00")),
        (A, None, E("47786.53")), (A, CS, E("28959.87")), (A, MN, E("18826.66")),
        (OVER, None, E("1213.47")),
    }  # fmt: skip
    # "III … | 48 871,72 | 29 871,72 | 19 000,00 | 182,28 | atgriezts ministrijas budžetā"
    assert amounts(rep.funding[2]) == {
        (P, None, E("49000.00")), (P, CS, E("30000.00")), (P, MN, E("19000.00")),
        (A, None, E("48871.72")), (A, CS, E("29871.72")), (A, MN, E("19000.00")),
        (BACK, None, E("182.28")),
    }  # fmt: skip


def test_the_remainder_planted_in_the_landscape_table_is_found(read: dict[str, Parsed]) -> None:
    # year III returns 182,28 where 49 000,00 − 48 871,72 = 128,28; "18.09.2025." after
    # year III; no year "gives no amount"
    codes = _warnings(read["landscape"])
    assert codes.count("funding.remainder-mismatch") == 1
    assert "funding.missing-amount" not in codes


# -- r5 and r5b: a period cell over a "Kopā" row and purpose rows ---------------------
RIGA_FIRST = {
    # "01.07.2022. – 30.06.2023. | Kopā | 45 000,00 | 44 520,00 | 480,00 (pārcelts uz
    # nākamo periodu)", "pilsoniskās … | 27 000,00 | 27 000,00 | 0,00", "mazākumtautību … |
    # 18 000,00 | 17 520,00 | 480,00"
    (P, None, E("45000.00")), (P, CS, E("27000.00")), (P, MN, E("18000.00")),
    (A, None, E("44520.00")), (A, CS, E("27000.00")), (A, MN, E("17520.00")),
    (OVER, None, E("480.00")), (OVER, CS, E("0.00")), (OVER, MN, E("480.00")),
}  # fmt: skip
RIGA_SECOND = {
    # "01.07.2023. – 30.06.2024. | Kopā | 45 000,00 | 44 910,00 | 90,00 (atgriezts KM)",
    # "… | 27 000,00 | 26 950,00 | 50,00", "… | 18 000,00 | 17 960,00 | 40,00"
    (P, None, E("45000.00")), (P, CS, E("27000.00")), (P, MN, E("18000.00")),
    (A, None, E("44910.00")), (A, CS, E("26950.00")), (A, MN, E("17960.00")),
    (BACK, None, E("90.00")), (BACK, CS, E("50.00")), (BACK, MN, E("40.00")),
}  # fmt: skip


def test_a_period_cell_over_its_total_and_purpose_rows(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "rowspan_pdf")
    assert [f.period and (f.period.start, f.period.end) for f in rep.funding] == [
        (D(2022, 7, 1), D(2023, 6, 30)),
        (D(2023, 7, 1), D(2024, 6, 30)),
    ]
    assert amounts(rep.funding[0]) == RIGA_FIRST
    assert amounts(rep.funding[1]) == RIGA_SECOND
    # the money all checks; the planted contradictions are the region and a date
    codes = _warnings(read["rowspan_pdf"])
    assert [c for c in codes if c.startswith("funding.")] == []


def test_amounts_wrapped_in_narrow_cells_are_never_invented(read: dict[str, Parsed]) -> None:
    # "45 / 000,00", "44 / 520,00" wrapped in their cells: whatever the PDF's text gives,
    # no amount the report does not state ("44 480,00", "000,00", "520,00" of the first
    # row's pieces) is read
    rep = report_of(read, "wrapped")
    stated = {value for _, _, value in RIGA_FIRST | RIGA_SECOND}
    for row in rep.funding:
        assert {a.value for a in row.amounts} <= stated
    assert [c for c in _warnings(read["wrapped"]) if c.startswith("funding.")] == []


LABEL = "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem"
# The text a PDF reader gave of that table (an independent tester's r5): its first rows' cell lines
# mixed up, "45 / 000,00" and "44 / 520,00" read as "45 44 480,00" / "– 000,00 520,00".
MIXED_UP = [
    "\x0b\ue000\x0bPeriods Finansējuma Plānots, Faktiski, Atlikums, mērķis EUR EUR EUR\x0b\x0b"
    "01.07.2022. Kopā 45 44 480,00\x0b\x0b– 000,00 520,00 (pārcelts 30.06.2023. uz nākamo "
    "periodu)\x0b\x0b",
    "\tpilsoniskās sabiedrības attīstībai Rīgas reģionā\t27 000,00\t27 000,00\t0,00",
    "\t\t\tmazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai"
    "\t18 000,00\t17 520,00\t480,00",
    "\t\t01.07.2023. – 30.06.2024.\tKopā\t45 000,00\t44 910,00\t90,00 (atgriezts KM)",
]


def test_a_table_of_broken_numbers_reads_nothing() -> None:
    lines = MINIMAL.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith(LABEL + "\t"))
    lines[first : first + 2] = [f"{LABEL}\t{MIXED_UP[0]}", *MIXED_UP[1:]]
    parsed = parse_text("\n".join(lines))
    assert parsed.report is not None
    assert [a for row in parsed.report.funding for a in row.amounts if a.value is not None] == []
    unread = [f for f in parsed.findings if f.code == "funding.unread-amount"]
    assert unread and all(f.severity.value == "info" for f in unread)
    assert not [c for c in _warnings(parsed) if c.startswith("funding.")]


# -- PDF text: a page break inside a purpose line ------------------------------------------------
def test_a_page_break_inside_a_purpose_line_splits_nothing() -> None:
    name = "kurzeme_caps_numbered_labels_spaces.txt"
    text = (UNSEEN / name).read_text(encoding="utf-8")
    line = "- pilsoniskās sabiedrības attīstībai Kurzemes reģionā: 30\u2009000,00 EUR"
    assert line in text
    # "- pilsoniskās sabiedrības attīstībai Kurzemes" / page break / "reģionā: 30 000,00
    # EUR", as PDF text gives a page break: a blank line, a line of a space, a blank line
    broken = line.replace(" reģionā:", "\n\n \n\nreģionā:")
    parsed = parse_text(text.replace(line, broken, 1), name)
    assert parsed.report is not None
    row = parsed.report.funding[1]  # "II. gads (01.03.2022 - 28.02.2023)"
    assert (P, CS, E("30000.00")) in amounts(row)
    assert (P, MN, E("19000.00")) in amounts(row)
    assert row.compared
