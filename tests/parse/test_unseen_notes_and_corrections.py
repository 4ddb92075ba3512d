"""Golden values for reports by two more independent testers, who read their facts by hand
before the parser ran (`tests/fixtures/reports/unseen/`, and one PDF of
`tests/fixtures/documents/`).

Text, Markdown and HTML: a company's report under a letterhead with footnote marks after
numbers and amounts, "Reģ. Nr. LV…" and years headed "1. gads (2018./2019.)" (Vidzeme,
clean); a partnership's report with a struck-out plan, "plānots N / faktiski M", dates
written 07/03/2020 and an English summary, two contradictions planted (Latgale); labels and
values as an HTML definition list, Roman months, amounts also in words (Kurzeme, clean); a
religious organisation's report with each year one hard-wrapped paragraph, a corrected
actual ("labots") and labels followed by "– nav", two planted (Rīga). Office documents:
Word with tracked changes and footnote references (Vidzeme, one planted), Word with the
title in a text box and a two-level numbered list (Latgale, clean), a Chromium PDF with the
description in two columns, a rotated last page and a funding table without rules (Kurzeme,
two planted).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.model import LegalForm, Parsed
from pipeline.read import read_report
from tests.conftest import FIXTURES
from tests.parse.golden import (
    BACK,
    CS,
    IN,
    MN,
    OVER,
    A,
    D,
    P,
    amounts,
    read_unseen,
    report_of,
    years,
)

FILES = {
    "letterhead": "vidzeme_company_letterhead_footnotes.txt",
    "struck": "latgale_partnership_struck_amount_planted.md",
    "dl": "kurzeme_definition_list_roman_months.html",
    "paragraphs": "riga_one_paragraph_years_corrected_planted.txt",
    "tracked": "vidzeme_word_tracked_changes_footnotes.docx",
    "text_box": "latgale_word_text_box_two_level_list.docx",
}
COLUMNS = FIXTURES / "documents" / "two_columns_turned_annex.pdf"
E = Decimal


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    found = read_unseen(FILES)
    found["columns"] = read_report(COLUMNS, COLUMNS.name)
    return found


def _contradictions(parsed: Parsed) -> list[tuple[str, int | None]]:
    return sorted(
        (f.code, f.span.line if f.span else None)
        for f in parsed.findings
        if f.severity.value == "warning" and f.code != "funding.missing-amount"
    )


def test_clean_reports_raise_no_contradiction(read: dict[str, Parsed]) -> None:
    for key in ("letterhead", "dl", "text_box"):
        assert _contradictions(read[key]) == [], key


def test_the_planted_contradictions_are_found(read: dict[str, Parsed]) -> None:
    # "Ludzā 07/03/2020" after year I's end (line 17); year II's actual lines add up to
    # 29 670,40 under a total of 29 870,40 (line 53), so the returned 725,45 does not
    # match the total either
    assert _contradictions(read["struck"]) == [
        ("activity.date-outside-year", 17),
        ("funding.remainder-mismatch", 53),
        ("funding.sum-mismatch", 53),
    ]
    # "Ķekavā 05/03/2026" in year 2 (line 33); year 3 returns 378,65 where
    # 49 000,00 − 48 612,35 = 387,65 (line 68)
    assert _contradictions(read["paragraphs"]) == [
        ("activity.date-outside-year", 33),
        ("funding.remainder-mismatch", 68),
    ]
    # two columns: "2023. gada 22. septembrī" in year I; year 2's minorities spent
    # 19 420,00 of 19 000,00 planned
    codes = [code for code, _ in _contradictions(read["columns"])]
    assert codes == ["activity.date-outside-year", "funding.actual-above-planned"]


def test_a_company_under_a_letterhead_with_footnotes(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "letterhead")
    imp = rep.implementer
    assert imp is not None and imp.registration_number is not None
    # "SIA „Kopienu konsultācijas”", "Reģ. Nr. LV40103982164"
    assert (imp.name.value, imp.registration_number.value) == (
        "Kopienu konsultācijas",
        "40103982164",
    )
    # "1. gads (2018./2019.)": the years of a delegation from 1 June 2018 to 31 May 2020
    assert years(rep) == [
        (1, (D(2018, 6, 1), D(2019, 5, 31))),
        (2, (D(2019, 6, 1), D(2020, 5, 31))),
    ]
    # "30 000,00⁴": a footnote mark, not a digit
    assert amounts(rep.funding[0]) == {
        (P, None, E("30000.00")), (P, CS, E("20000.00")), (P, MN, E("10000.00")),
        (A, None, E("29412.30")), (A, CS, E("19850.00")), (A, MN, E("9562.30")),
        (BACK, None, E("587.70")),
    }  # fmt: skip
    # "Cita informācija: Nav", the footnotes after it kept apart
    assert rep.other_information is not None and rep.other_information.none
    # "212 dalībnieki²": 212, not 2122
    assert 212 in [i.value for a in rep.activities for i in a.indicators]
    assert 2122 not in [i.value for a in rep.activities for i in a.indicators]


def test_a_struck_out_plan_is_not_the_plan(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "struck")
    imp = rep.implementer
    assert imp is not None and imp.registration_number is not None
    # the implementer, not the partner named beside it
    assert imp.registration_number.value == "40008123456"
    # "Plānots: ~~31 000,00~~ 30 000,00 euro"
    assert amounts(rep.funding[0]) == {
        (P, None, E("30000.00")), (P, CS, E("20000.00")), (P, MN, E("10000.00")),
        (A, None, E("29604.15")), (A, CS, E("19998.15")), (A, MN, E("9606.00")),
        (OVER, None, E("395.85")), (OVER, CS, E("1.85")), (OVER, MN, E("394.00")),
    }  # fmt: skip
    assert (IN, None, E("395.85")) in amounts(rep.funding[1])
    # the English summary ("EUR 725.45") is no answer of "Cita informācija"
    values = [a.value for row in rep.funding for a in row.amounts]
    assert E("60000.00") not in values and E("59274.55") not in values


def test_a_definition_list_reads_as_the_table(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "dl")
    imp = rep.implementer
    assert imp is not None and imp.registration_number is not None
    assert imp.legal_form is LegalForm.FOUNDATION
    # "4000 861 2245"
    assert (imp.name.value, imp.registration_number.value) == (
        "Kurzemes kopienu fonds",
        "40008612245",
    )
    assert [y for y, _ in years(rep)] == [1, 2, 3]
    first, second, third = rep.funding
    assert {(P, None, E("49000.00")), (A, None, E("48650.00")), (OVER, CS, E("350.00"))} <= (
        amounts(first)
    )
    assert {(A, MN, E("18720.60")), (OVER, MN, E("279.40"))} <= amounts(second)
    assert {(P, None, E("49279.40")), (A, None, E("49279.40"))} <= amounts(third)
    answers = (rep.irregular_expenditure, rep.unrecovered_amount, rep.other_information)
    assert all(a is not None and a.none for a in answers)


def test_years_written_as_one_paragraph(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "paragraphs")
    imp = rep.implementer
    assert imp is not None and imp.registration_number is not None
    assert (imp.name.value, imp.registration_number.value) == (
        "Rīgas Diakonijas centrs",
        "90002178433",
    )
    assert years(rep) == [
        (1, (D(2023, 8, 1), D(2024, 7, 31))),
        (2, (D(2024, 8, 1), D(2025, 7, 31))),
        (3, (D(2025, 8, 1), D(2026, 7, 31))),
    ]
    # year 2: "2 forumi … 198 dalībnieki", "102 konsultācijas"
    second = [(i.value, i.kind) for a in rep.activities if a.year == 2 for i in a.indicators]
    assert (2, "forums") in second and (198, "participants") in second
    assert (102, "consultations") in second
    # "48 912,70 (labots)": the corrected actual, never the superseded 49 812,70
    actual = [a.value for a in rep.funding[0].amounts if a.role is A and a.purpose is None]
    assert actual == [E("48912.70")]
    # "Neatbilstoši veiktie izdevumi – nav"
    assert rep.irregular_expenditure is not None and rep.irregular_expenditure.none
    assert rep.unrecovered_amount is not None and rep.unrecovered_amount.none


def test_word_tracked_changes_read_as_accepted(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "tracked")
    counts = [(i.value, i.kind) for a in rep.activities if a.year == 1 for i in a.indicators]
    # "sniegtas ~~58~~ 64 konsultācijas"; "146¹ dalībnieki" with a footnote reference
    assert (64, "consultations") in counts and (58, "consultations") not in counts
    assert (146, "participants") in counts
    first = rep.funding[0]
    assert amounts(first) == {
        (P, None, E("49000.00")), (P, CS, E("30000.00")), (P, MN, E("19000.00")),
        (A, None, E("49000.00")), (A, CS, E("30000.00")), (A, MN, E("19000.00")),
    }  # fmt: skip
    assert (A, None, E("48236.45")) in amounts(rep.funding[1])
    # Not yet: year III's returned 1 694,75 (planted: 49 000,00 − 47 350,25 = 1 649,75) is
    # not compared, as its per-purpose cells (an amount and a note) are unread.
    assert not rep.funding[2].compared


def test_a_title_in_a_text_box_and_a_two_level_list(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "text_box")
    assert rep.title is not None and "Latgales" in rep.title.value
    assert rep.region_in_title is not None and rep.region_in_title.key == "latgale"
    assert years(rep) == [
        (1, (D(2022, 8, 1), D(2023, 7, 31))),
        (2, (D(2023, 8, 1), D(2024, 7, 31))),
        (3, (D(2024, 8, 1), D(2025, 7, 31))),
    ]
    # the list restarts at 1) under each year
    second = [(i.value, i.kind) for a in rep.activities if a.year == 2 for i in a.indicators]
    assert (12, "seminars") in second and (96, "consultations") in second
    totals = [(row.ordinal, row.total(P), row.total(A)) for row in rep.funding if row.ordinal]
    assert [(o, p and p.value, a and a.value) for o, p, a in totals] == [
        (1, E("52000.00"), E("52000.00")),
        (2, E("52000.00"), E("50874.32")),
        (3, E("52000.00"), E("51998.70")),
    ]
