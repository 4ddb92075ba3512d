"""Golden values for four more reports by an independent tester, who read their facts by
hand before the parser ran (`tests/fixtures/reports/unseen/`): a PDF printed by Chromium
(without its page header and footer) with its funding in a column per purpose and a
"Kopā" row over the years (Kurzeme; `tests/documents/test_document_forms.py` has a Chromium
PDF with ligatures in its text layer); a Word
document for a single year without year headings (Zemgale); an OpenDocument file with
abbreviated month names, amounts with a decimal point and one contradiction planted in it
(Rīga); Markdown with bold labels on lines of their own and years in ordinal words
(Latgale). Line numbers are the source text's (a document's: the text it was read into).
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
    "pdf": "kurzeme_chromium_purpose_columns.pdf",
    "one_year": "zemgale_word_one_year.docx",
    "odt": "riga_odt_planted_overlap.odt",
    "markdown": "latgale_markdown_ordinal_words.txt",
}


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def test_only_the_planted_contradiction_is_found(read: dict[str, Parsed]) -> None:
    # Rīga: year I ends 2023. g. 14. jūl., year II starts 2023. g. 1. jūl. (line 6).
    found = {
        k: [(f.code, f.span and f.span.line) for f in p.findings if f.severity.value != "info"]
        for k, p in read.items()
    }
    assert found == {
        "pdf": [],
        "one_year": [],
        "odt": [("period.year-overlap", 6)],
        "markdown": [],
    }


def test_pdf_with_a_column_per_purpose(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "pdf")
    assert rep.region == "kurzeme" and rep.title_years == (2022, 2024)
    imp = rep.implementer
    assert imp is not None and imp.legal_form is LegalForm.ASSOCIATION
    assert imp.name.value == "Liepājas, Dienvidkurzemes un Ziemeļkurzemes NVO atbalsta centrs"
    assert imp.registration_number is not None
    assert imp.registration_number.value == "40008123987"
    assert years(rep) == [
        (1, (D(2022, 7, 15), D(2023, 7, 14))),
        (2, (D(2023, 7, 15), D(2024, 7, 14))),
    ]
    # "tiešsaistes semināri (vebināri) – 6, dalībnieki – 140", "2 informatīvie bukleti
    # (tirāža 500 eks.)": the print run is no count; "video (3)"
    assert quantities(rep, 1) == [
        (CIVIL, 6, EXACT, "seminars"),
        (CIVIL, 140, EXACT, "participants"),
        (CIVIL, 85, EXACT, "consultations"),
        (CIVIL, 2, EXACT, "publications"),
        (CIVIL, 3, EXACT, "videos"),
        (CIVIL, 120, ABOUT, "participants"),
        (MINORITY, 5, EXACT, "organisations"),
        (MINORITY, 4, EXACT, "events"),
        (MINORITY, 300, MORE, "participants"),
    ]
    first, second = rep.funding  # the "Kopā faktiski" row over both years is no year
    assert amounts(first) == {
        (P, None, Decimal("49000.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("19000.00")),
        (A, None, Decimal("48250.00")),
        (A, CS, Decimal("30000.00")),
        (A, MN, Decimal("18250.00")),
        (OVER, None, Decimal("750.00")),
    }
    assert {(r, p, v) for r, p, v in amounts(second) if r in (P, A)} == {
        (P, None, Decimal("49750.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("19750.00")),
        (A, None, Decimal("49630.00")),
        (A, CS, Decimal("29880.00")),
        (A, MN, Decimal("19750.00")),
    }
    # "t.sk. 750,00 … pārceltais atlikums" in the minority column; 120,00 returned to KM
    assert (IN, MN, Decimal("750.00")) in amounts(second)
    assert (BACK, None, Decimal("120.00")) in amounts(second)


def test_word_report_for_one_year(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "one_year")
    assert rep.region == "zemgale"
    imp = rep.implementer
    assert imp is not None and imp.legal_form is LegalForm.FOUNDATION
    assert imp.name.value == "Jēkabpils novada kopienu fonds"
    assert years(rep) == [(1, (D(2023, 3, 1), D(2024, 2, 29)))]
    assert not rep.years[0].stated
    # "klātienē sniegtas 34 konsultācijas; attālināti – ap 50"; "ne mazāk kā 90"
    assert quantities(rep, 1)[:5] == [
        (CIVIL, 5, EXACT, "seminars"),
        (CIVIL, 112, EXACT, "participants"),
        (CIVIL, 34, EXACT, "consultations"),
        (CIVIL, 50, ABOUT, "consultations"),
        (CIVIL, 90, AT_LEAST, "participants"),
    ]
    (row,) = rep.funding
    assert amounts(row) == {
        (P, None, Decimal("45000.00")),
        (P, CS, Decimal("28000.00")),
        (P, MN, Decimal("17000.00")),
        (A, None, Decimal("44610.00")),
        (A, CS, Decimal("28000.00")),
        (A, MN, Decimal("16610.00")),
        (BACK, None, Decimal("390.00")),
    }
    # "120,00 EUR (atgūti)": an amount, not "none"
    irregular = rep.irregular_expenditure
    assert irregular is not None and not irregular.none
    assert irregular.value == Decimal("120.00")


def test_odt_abbreviated_months_and_decimal_points(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "odt")
    assert rep.region == "riga"
    period = rep.delegation_period
    # "2022. g. 15. jūl. – 2024. g. 14. jūl."
    assert period is not None and (period.start, period.end) == (D(2022, 7, 15), D(2024, 7, 14))
    assert years(rep) == [
        (1, (D(2022, 7, 15), D(2023, 7, 14))),
        (2, (D(2023, 7, 1), D(2024, 7, 14))),
    ]
    # "sniegtas ap 40 konsultāciju biedrībām": consultations, not organisations
    assert (CIVIL, 40, ABOUT, "consultations") in quantities(rep, 1)
    first, second = rep.funding
    # "EUR 49 000.00", paragraphs "I. īstenošanas gads" / "II. …" in one cell
    assert amounts(first) == {
        (P, None, Decimal("49000.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("19000.00")),
        (A, None, Decimal("49000.00")),
        (A, CS, Decimal("30000.00")),
        (A, MN, Decimal("19000.00")),
    }
    # "Neizlietotais finansējums EUR 500.00 atgriezts KM budžetā": returned, not spent
    assert amounts(second) == {
        (P, None, Decimal("49000.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("19000.00")),
        (A, None, Decimal("48500.00")),
        (A, CS, Decimal("30000.00")),
        (A, MN, Decimal("18500.00")),
        (BACK, None, Decimal("500.00")),
    }


def test_markdown_with_years_in_ordinal_words(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "markdown")
    assert rep.region == "latgale"
    imp = rep.implementer
    assert imp is not None and imp.registration_number is not None
    assert (imp.name.value, imp.registration_number.value) == ("Preiļu NVO centrs", "40008067890")
    # "PIRMAIS ĪSTENOŠANAS GADS (01.01.2023.–31.12.2023.)", "OTRAIS …"
    assert years(rep) == [
        (1, (D(2023, 1, 1), D(2023, 12, 31))),
        (2, (D(2024, 1, 1), D(2024, 12, 31))),
    ]
    assert quantities(rep, 2) == [
        (CIVIL, 2, EXACT, "forums"),
        (CIVIL, 230, EXACT, "participants"),
        (CIVIL, 9, EXACT, "seminars"),
        (CIVIL, 188, EXACT, "participants"),
        (CIVIL, 120, EXACT, "consultations"),
        (CIVIL, 210, EXACT, "posts"),
        (MINORITY, 2, EXACT, "strategies"),
        (MINORITY, 8, EXACT, "organisations"),
    ]
    first, second = rep.funding
    assert amounts(first) == {
        (P, None, Decimal("54000")),
        (P, CS, Decimal("30000")),
        (P, MN, Decimal("24000")),
        (A, None, Decimal("52800")),
        (A, CS, Decimal("30000")),
        (A, MN, Decimal("22800")),
        (OVER, None, Decimal("1200")),
    }
    assert {(r, p, v) for r, p, v in amounts(second) if r in (P, A)} == {
        (P, None, Decimal("55200")),
        (P, CS, Decimal("30000")),
        (P, MN, Decimal("25200")),
        (A, None, Decimal("55200")),
        (A, CS, Decimal("30000")),
        (A, MN, Decimal("25200")),
    }
