"""Golden values for four more reports by an independent tester, who read their facts by
hand before the parser ran (`tests/fixtures/reports/unseen/`): calendar years as the years
of implementation, typed with Windows line endings and no-break spaces (Kurzeme); a Word
document naming two regions, with whole-euro amounts and counts in parentheses (Latgale and
Zemgale); an HTML page with one contradiction planted in it (Rīga); Arabic year numerals
and a year suspended by agreement, with no activities and no money (Vidzeme). Line numbers
are the source text's (a document's: the text it was read into).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.model import LegalForm, Parsed
from tests.parse.golden import (
    ABOUT,
    AT_LEAST,
    BACK,
    CIVIL,
    CS,
    EXACT,
    IN,
    MINORITY,
    MN,
    MORE,
    OVER,
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
    "kurzeme": "kurzeme_crlf_calendar_years.txt",
    "two_regions": "latgale_zemgale_two_regions.docx",
    "riga": "riga_html_planted_sum.html",
    "vidzeme": "vidzeme_suspended_year.txt",
}


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def test_only_the_planted_contradiction_and_the_two_regions_are_found(
    read: dict[str, Parsed],
) -> None:
    # Rīga, year II: the actual lines 30 000,00 + 22 670,40 = 52 670,40, the stated total
    # 52 760,40 (line 16). Latgale and Zemgale: the title names both regions (line 4).
    found = {k: [(f.code, f.span and f.span.line) for f in p.findings] for k, p in read.items()}
    assert found == {
        "kurzeme": [],
        "two_regions": [("region.several", 4)],
        "riga": [("funding.sum-mismatch", 16)],
        "vidzeme": [],
    }


# -- Kurzeme: calendar years, Windows line endings, no-break spaces ---------------------------


def test_kurzeme_header_and_calendaryears(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "kurzeme")
    assert rep.title_years == (2022, 2025) and rep.region == "kurzeme"
    imp = rep.implementer
    assert imp is not None and imp.legal_form is LegalForm.FOUNDATION
    assert imp.name.value == "Kurzemes kopienu attīstības fonds"
    # "Reģ. Nr. 5000 831 2467"
    assert imp.registration_number is not None
    assert (imp.registration_number.value, imp.registration_number.span.line) == (
        "50008312467",
        10,
    )
    period = rep.delegation_period
    assert period is not None and (period.start, period.end) == (D(2022, 3, 1), D(2025, 2, 28))
    # "2022. GADS (1.03.2022.–31.12.2022.)" … "2025. GADS (1.01.2025.–28.02.2025.)"
    assert years(rep) == [
        (1, (D(2022, 3, 1), D(2022, 12, 31))),
        (2, (D(2023, 1, 1), D(2023, 12, 31))),
        (3, (D(2024, 1, 1), D(2024, 12, 31))),
        (4, (D(2025, 1, 1), D(2025, 2, 28))),
    ]
    assert [y.heading and y.heading.span.line for y in rep.years] == [12, 13, 14, 15]


def test_kurzeme_activities_written_as_sentences_and_lists(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "kurzeme")
    # 2022 in prose: "notika 12 semināri, kuros piedalījās 240 dalībnieki. Fonds sniedza
    # aptuveni 80 konsultācijas … piedalījās vairāk nekā 150 dalībnieki." Then, for the
    # minorities: "Atbalstītas 4 mazākumtautību biedrības; noorganizēti 3 kultūras
    # pasākumi …, kuros piedalījās ap 200 dalībnieku."
    assert quantities(rep, 1) == [
        (CIVIL, 12, EXACT, "seminars"),
        (CIVIL, 240, EXACT, "participants"),
        (CIVIL, 80, ABOUT, "consultations"),
        (CIVIL, 150, MORE, "participants"),
        (MINORITY, 4, EXACT, "organisations"),
        (MINORITY, 3, EXACT, "events"),
        (MINORITY, 200, ABOUT, "participants"),
    ]
    assert quantities(rep, 2) == [
        (CIVIL, 10, EXACT, "seminars"),
        (CIVIL, 2, EXACT, "master-classes"),
        (CIVIL, 210, AT_LEAST, "participants"),
        (CIVIL, 95, EXACT, "consultations"),
        (CIVIL, 60, EXACT, "posts"),
        (CIVIL, 14, EXACT, "news-items"),
        (MINORITY, 2, EXACT, "strategies"),
        (MINORITY, 6, EXACT, "events"),
        (MINORITY, 420, ABOUT, "participants"),
    ]
    # 2025 in one sentence: "Noorganizēts 1 noslēguma seminārs Liepājā (32 dalībnieki) un
    # sniegtas 14 konsultācijas."
    assert quantities(rep, 4) == [
        (CIVIL, 1, EXACT, "seminars"),
        (CIVIL, 32, EXACT, "participants"),
        (CIVIL, 14, EXACT, "consultations"),
    ]


def test_kurzeme_funding_by_calendar_year_with_money_carried_betweenyears(
    read: dict[str, Parsed],
) -> None:
    rep = report_of(read, "kurzeme")
    assert [(r.ordinal, r.calendar_year, r.span.line) for r in rep.funding] == [
        (1, 2022, 16),
        (2, 2023, 17),
        (3, 2024, 18),
        (4, 2025, 19),
    ]
    first, second, third, last = rep.funding
    # "atlikums 587,60 EUR pārcelts uz 2023. gadu"
    assert amounts(first) == {
        (P, None, Decimal("37500.00")),
        (A, None, Decimal("36912.40")),
        (OVER, None, Decimal("587.60")),
    }
    # "Plānots 45 000,00 EUR + 587,60 EUR pārceltais atlikums no 2022. gada (kopā
    # 45 587,60 EUR), t.sk. 27 000,00 …; 18 587,60 …": what could be spent is the total
    # written, of which 587,60 came in from 2022; its lines are the total's.
    assert amounts(second) == {
        (P, None, Decimal("45587.60")),
        (P, CS, Decimal("27000.00")),
        (P, MN, Decimal("18587.60")),
        (IN, None, Decimal("587.60")),
        (A, None, Decimal("45587.60")),
        (A, CS, Decimal("27000.00")),
        (A, MN, Decimal("18587.60")),
    }
    assert amounts(third) == {
        (P, None, Decimal("45000.00")),
        (A, None, Decimal("44650.00")),
        (OVER, None, Decimal("350.00")),
    }
    # "Plānots 7 500,00 EUR + 350,00 EUR atlikums (kopā 7 850,00 EUR)"; 7 850,00 less
    # 7 811,25 is the 38,75 "atmaksāts KM".
    assert amounts(last) == {
        (P, None, Decimal("7850.00")),
        (IN, None, Decimal("350.00")),
        (A, None, Decimal("7811.25")),
        (BACK, None, Decimal("38.75")),
    }
    assert all(r.compared for r in rep.funding)
    assert rep.irregular_expenditure is not None and rep.irregular_expenditure.none


# -- Latgale and Zemgale: a Word document ----------------------------------------------------


def test_two_regions_word_header(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "two_regions")
    assert rep.title_years == (2022, 2024)
    assert rep.region is None  # both are named; filed under neither (region.several)
    imp = rep.implementer
    # "„Sēlijas novadu NVO tīkls“, biedrība, reģistrācijas numurs 40008 245 613"
    assert imp is not None and imp.legal_form is LegalForm.ASSOCIATION
    assert imp.name.value == "Sēlijas novadu NVO tīkls"
    assert imp.registration_number is not None
    assert imp.registration_number.value == "40008245613"
    period = rep.delegation_period
    assert period is not None and (period.start, period.end) == (D(2022, 3, 1), D(2024, 2, 29))
    assert years(rep) == [
        (1, (D(2022, 3, 1), D(2023, 2, 28))),
        (2, (D(2023, 3, 1), D(2024, 2, 29))),
    ]


def test_two_regions_counts_in_parentheses(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "two_regions")
    # "(9 semināri, 164 dalībnieki)", "Individuālās konsultācijas (75)", "(vairāk nekā 120
    # dalībnieku)", "(ap 90 publikāciju)"; "(6 biedrības)", "(4 pasākumi, vismaz 300
    # dalībnieku)"
    assert quantities(rep, 1) == [
        (CIVIL, 9, EXACT, "seminars"),
        (CIVIL, 164, EXACT, "participants"),
        (CIVIL, 75, EXACT, "consultations"),
        (CIVIL, 120, MORE, "participants"),
        (CIVIL, 90, ABOUT, "publications"),
        (MINORITY, 6, EXACT, "organisations"),
        (MINORITY, 4, EXACT, "events"),
        (MINORITY, 300, AT_LEAST, "participants"),
    ]
    # "Semināri (7), kopā 131 dalībnieks", "Konsultācijas (88)", "Fokusgrupu diskusijas (3)
    # … – 41 dalībnieks"; "2 (divas) … stratēģijas", "Kultūras pasākumi (5), ap 350
    # dalībnieku"
    assert quantities(rep, 2) == [
        (CIVIL, 7, EXACT, "seminars"),
        (CIVIL, 131, EXACT, "participants"),
        (CIVIL, 88, EXACT, "consultations"),
        (CIVIL, 3, EXACT, "focus-groups"),
        (CIVIL, 41, EXACT, "participants"),
        (MINORITY, 2, EXACT, "strategies"),
        (MINORITY, 5, EXACT, "events"),
        (MINORITY, 350, ABOUT, "participants"),
    ]


def test_two_regions_whole_euros_and_a_plan_with_money_carried_in(
    read: dict[str, Parsed],
) -> None:
    rep = report_of(read, "two_regions")
    first, second = rep.funding
    # "Plānots EUR 40 000,- (t.sk. EUR 24 000,- …; EUR 16 000,- …)", "Faktiski EUR 38 800,-
    # (t.sk. EUR 24 000,- …; EUR 14 800,- …). Atlikums EUR 1 200,- pārcelts uz II. …"
    assert amounts(first) == {
        (P, None, Decimal("40000")),
        (P, CS, Decimal("24000")),
        (P, MN, Decimal("16000")),
        (A, None, Decimal("38800")),
        (A, CS, Decimal("24000")),
        (A, MN, Decimal("14800")),
        (OVER, None, Decimal("1200")),
    }
    # "Plānots € 41 200 (€ 40 000 + € 1 200 pārceltais atlikums), t.sk. € 24 000 …;
    # € 17 200 …", "Faktiski € 41 200, t.sk. € 24 000 …; € 17 200 …"
    assert amounts(second) == {
        (P, None, Decimal("41200")),
        (P, CS, Decimal("24000")),
        (P, MN, Decimal("17200")),
        (IN, None, Decimal("1200")),
        (A, None, Decimal("41200")),
        (A, CS, Decimal("24000")),
        (A, MN, Decimal("17200")),
    }


# -- Rīga: an HTML page --------------------------------------------------------------------


def test_riga_html(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "riga")
    assert rep.region == "riga"
    imp = rep.implementer
    assert imp is not None and imp.legal_form is LegalForm.ASSOCIATION
    assert imp.name.value == "Rīgas kopienu centrs"
    assert imp.registration_number is not None
    assert imp.registration_number.value == "40008301122"
    assert years(rep) == [
        (1, (D(2023, 9, 1), D(2024, 8, 31))),
        (2, (D(2024, 9, 1), D(2025, 8, 31))),
    ]
    assert quantities(rep, 2) == [
        (CIVIL, 6, EXACT, "seminars"),
        (CIVIL, 3, EXACT, "workshops"),
        (CIVIL, 143, EXACT, "participants"),
        (CIVIL, 121, EXACT, "consultations"),
        (CIVIL, 48, EXACT, "news-items"),
        (MINORITY, 1, EXACT, "strategies"),
    ]
    first, second = rep.funding
    assert amounts(first) == {
        (P, None, Decimal("54000.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("24000.00")),
        (A, None, Decimal("54000.00")),
        (A, CS, Decimal("30000.00")),
        (A, MN, Decimal("24000.00")),
    }
    # "Faktiski 52760.40 euro" with lines 30000.00 and 22670.40 (the planted error), and
    # "Neizmantotais finansējums 1239.60 euro apmērā atmaksāts KM" (54 000 − 52 760,40)
    assert amounts(second) == {
        (P, None, Decimal("54000.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("24000.00")),
        (A, None, Decimal("52760.40")),
        (A, CS, Decimal("30000.00")),
        (A, MN, Decimal("22670.40")),
        (BACK, None, Decimal("1239.60")),
    }


# -- Vidzeme: Arabic year numerals, a suspended year ----------------------------------------


def test_vidzeme_years_with_arabic_numerals_and_a_suspended_year(
    read: dict[str, Parsed],
) -> None:
    rep = report_of(read, "vidzeme")
    imp = rep.implementer
    # "reģ. Nr. 50008123456, PVN reģ. Nr. LV50008123456": the VAT number is not another one
    assert imp is not None and imp.legal_form is LegalForm.FOUNDATION
    assert imp.name.value == "Gaujas krasta fonds"
    assert imp.registration_number is not None
    assert imp.registration_number.value == "50008123456"
    assert years(rep) == [
        (1, (D(2021, 10, 1), D(2022, 9, 30))),
        (2, (D(2022, 10, 1), D(2023, 9, 30))),
        (3, (D(2023, 10, 1), D(2024, 9, 30))),
    ]
    # "katrā piedalījās 20–25 dalībnieki" is per seminar, a range: no figure;
    # "divpadsmit (12) konsultācijas"; "ne mazāk kā 140 dalībnieku"
    assert quantities(rep, 1) == [
        (CIVIL, 4, EXACT, "seminars"),
        (CIVIL, 12, EXACT, "consultations"),
        (CIVIL, 140, AT_LEAST, "participants"),
        (MINORITY, 3, EXACT, "organisations"),
        (MINORITY, 2, EXACT, "events"),
        (MINORITY, 90, ABOUT, "participants"),
    ]
    # "Aktivitātes netika īstenotas, jo … 2022. gada 20. septembra vienošanos Nr. 2.5/22 …"
    assert rep.years[1].activities == ()
    assert quantities(rep, 3) == [
        (CIVIL, 6, EXACT, "seminars"),
        (CIVIL, 131, EXACT, "participants"),
        (CIVIL, 58, EXACT, "consultations"),
        (CIVIL, 40, EXACT, "posts"),
        (MINORITY, 1, EXACT, "strategies"),
        (MINORITY, 4, EXACT, "organisations"),
    ]


def test_vidzeme_funding_and_a_dash_for_none(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "vidzeme")
    first, suspended, last = rep.funding
    assert amounts(first) == {
        (P, None, Decimal("30000.00")),
        (A, None, Decimal("28450.00")),
        (BACK, None, Decimal("1550.00")),
    }
    # "Finansējums netika piešķirts un izlietots (0,00 euro)."
    assert amounts(suspended) == {(P, None, Decimal("0.00")), (A, None, Decimal("0.00"))}
    assert amounts(last) == {(P, None, Decimal("30000.00")), (A, None, Decimal("30000.00"))}
    # "Cita informācija	–"
    assert rep.other_information is not None and rep.other_information.none
