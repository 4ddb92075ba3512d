"""Golden values for reports by a third independent tester, who read their facts by hand
before the parser ran (`tests/fixtures/reports/unseen/`): an HTML page as Word's "Save as
Web Page" writes it (mso styles, `<![if !supportLists]>` numbers, numbers and a registration
number split over nested spans, `&nbsp;` in amounts), with one contradiction planted in it
(Vidzeme); the older template with its funding in lines "2019. gads: plānots …" and one
planted remainder (Zemgale); a plan amended within the year ("Sākotnēji plānots …; pēc
grozījumiem … plānots …") and plans in thousands (Rīga); labels in capitals and numbered
("1. VALSTS PĀRVALDES UZDEVUMS:"), amounts with thin and narrow no-break spaces, "N/A" and
"nav attiecināms" (Kurzeme). Line numbers are the text the page was read into.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.model import LegalForm, Parsed
from tests.parse.golden import (
    ABOUT,
    BACK,
    CIVIL,
    CS,
    EXACT,
    MINORITY,
    MN,
    MORE,
    A,
    D,
    P,
    amounts,
    quantities,
    read_unseen,
    report_of,
    years,
)

FILES = {
    "web_page": "vidzeme_word_web_page_planted_lines.htm",
    "older": "zemgale_older_calendar_years_planted_remainder.txt",
    "amended": "riga_amended_plan_thousands.txt",
    "caps": "kurzeme_caps_numbered_labels_spaces.txt",
}


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def test_only_the_planted_contradiction_is_found(read: dict[str, Parsed]) -> None:
    # year III: the actual lines 29 975,50 + 18 947,50 = 48 923,00, the total 48 950,00
    found = [(f.code, f.message) for f in read["web_page"].findings if f.severity.value != "info"]
    assert [code for code, _ in found] == ["funding.sum-mismatch"]
    assert "48 923,00" in found[0][1] and "48 950,00" in found[0][1]


def test_a_word_web_page(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "web_page")
    imp = rep.implementer
    assert rep.region == "vidzeme"
    assert imp is not None and imp.legal_form is LegalForm.FOUNDATION
    # "40008</span><span>234567": one number over two spans
    assert imp.registration_number is not None
    assert (imp.name.value, imp.registration_number.value) == (
        "Vidzemes kopienu fonds",
        "40008234567",
    )
    assert years(rep) == [
        (1, (D(2022, 7, 15), D(2023, 7, 14))),
        (2, (D(2023, 7, 15), D(2024, 7, 14))),
        (3, (D(2024, 7, 15), D(2025, 7, 14))),
    ]
    # "1</span><span>26 konsultācijas"; "vairāk nekā 90"; "ap 600"
    assert quantities(rep, 1) == [
        (CIVIL, 3, EXACT, "forums"),
        (CIVIL, 214, EXACT, "participants"),
        (CIVIL, 126, EXACT, "consultations"),
        (CIVIL, 7, EXACT, "seminars"),
        (CIVIL, 158, EXACT, "participants"),
        (CIVIL, 90, MORE, "news-items"),
        (MINORITY, 2, EXACT, "strategies"),
        (MINORITY, 6, EXACT, "organisations"),
        (MINORITY, 5, EXACT, "events"),
        (MINORITY, 600, ABOUT, "participants"),
    ]
    second, third = rep.funding[1:]
    assert amounts(second) == {
        (P, None, Decimal("49000.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("19000.00")),
        (A, None, Decimal("48612.40")),
        (A, CS, Decimal("29880.15")),
        (A, MN, Decimal("18732.25")),
        (BACK, None, Decimal("387.60")),
    }
    assert (A, None, Decimal("48950.00")) in amounts(third)
    assert (BACK, None, Decimal("50.00")) in amounts(third)


def _warnings(parsed: Parsed) -> list[tuple[str, int | None]]:
    return [(f.code, f.span and f.span.line) for f in parsed.findings if f.severity.value != "info"]


def test_the_older_template_with_calendar_year_lines(read: dict[str, Parsed]) -> None:
    # "2019. gads: plānots 20 000,00 euro, faktiski izlietoti 19 640,10 euro; neizmantotais
    # finansējums 395,90 euro apmērā atgriezts KM": 20 000,00 − 19 640,10 = 359,90
    assert _warnings(read["older"]) == [("funding.remainder-mismatch", 34)]
    rep = report_of(read, "older")
    assert rep.region == "zemgale"
    period = rep.delegation_period
    assert period is not None and (period.start, period.end) == (D(2018, 3, 1), D(2020, 12, 31))
    assert [row.calendar_year for row in rep.funding] == [2018, 2019, 2020]
    assert [amounts(row) for row in rep.funding] == [
        {(P, None, Decimal("15000.00")), (A, None, Decimal("14862.35")),
         (BACK, None, Decimal("137.65"))},
        {(P, None, Decimal("20000.00")), (A, None, Decimal("19640.10")),
         (BACK, None, Decimal("395.90"))},
        {(P, None, Decimal("20000.00")), (A, None, Decimal("20000.00"))},
    ]  # fmt: skip


def test_an_amended_plan_is_the_plan(read: dict[str, Parsed]) -> None:
    # "Sākotnēji plānots 45 000,00 euro; pēc grozījumiem līgumā (…) plānots 50 000,00 euro,
    # t.sk. 30 000,00 …; 20 000,00 …": the plan in force is the amended one
    assert _warnings(read["amended"]) == []
    second = report_of(read, "amended").funding[1]
    assert {(r, p, v) for r, p, v in amounts(second) if r is P} == {
        (P, None, Decimal("50000.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("20000.00")),
    }
    assert (A, None, Decimal("49731.45")) in amounts(second)
    # "Plānots 45,0 tūkst. EUR": thousands are rounded, so not read as amounts (kept as
    # written in their findings), and the year is compared with nothing
    first = report_of(read, "amended").funding[0]
    assert not first.compared and not [a for a in first.amounts if a.role is P]


def test_capital_numbered_labels_and_thin_spaces(read: dict[str, Parsed]) -> None:
    assert _warnings(read["caps"]) == []
    rep = report_of(read, "caps")
    imp = rep.implementer
    assert imp is not None and imp.registration_number is not None
    assert (rep.region, imp.name.value, imp.registration_number.value) == (
        "kurzeme",
        "Liepājas NVO centrs",
        "40008456789",
    )
    period = rep.delegation_period
    # "01.03.2021 - 29.02.2024"
    assert period is not None and (period.start, period.end) == (D(2021, 3, 1), D(2024, 2, 29))
    assert len(rep.years) == 3
    # "1 250 dalībnieki" with a thin space (U+2009)
    assert (CIVIL, 1250, EXACT, "participants") in quantities(rep, 1)
    # "PLĀNOTS: 49 000,00 EUR" with a thin space in year II: the whole amount, never 0,00
    totals = [row.total(P) for row in rep.funding]
    assert [t.value if t else None for t in totals] == [Decimal("49000.00")] * 3
    # "- mazākumtautību … veicināšanai: 19 000,00 EUR": the purpose is written before the
    # amount, on its own line; the lines add up and the year is compared
    for row in rep.funding:
        assert [a.value for a in row.amounts if a.role is P and a.purpose is None] == [
            Decimal("49000.00")
        ]
        assert [(a.purpose, a.value) for a in row.lines(P)] == [
            (CS, Decimal("30000.00")),
            (MN, Decimal("19000.00")),
        ]
        assert row.compared
    # "N/A", "-", "nav attiecināms": none
    answers = (rep.irregular_expenditure, rep.unrecovered_amount, rep.other_information)
    assert [a is not None and a.none for a in answers] == [True, True, True]
