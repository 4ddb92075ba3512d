"""Golden values for eight more reports by two independent testers, who read their facts by
hand before the parser ran (`tests/fixtures/reports/unseen/`):

- Markdown with the header, the activities and the funding in pipe tables, a target and an
  achieved column, and an "Atlikums" column (Vidzeme);
- HTML with a funding table keyed by bare calendar years and one planted overspend
  (Kurzeme);
- text with the funding in sentences, a foundation in lower case and a planted year start
  before the delegation (Latgale);
- text with labels on lines of their own, ISO dates, "plānotais finansējums bija …" and a
  street number beside an event (Rīga);
- Word with real list numbering and the funding in a table nested in a cell, remainders in
  a column of their own (Vidzeme);
- Word with activity tables "Nr.p.k. | Aktivitāte | Skaits", a funding table with a column
  per year and a planted overspend (Kurzeme);
- a Chromium PDF whose table header repeats on every page and whose rows split over pages,
  with "Faktiski … (ieskaitot … pārcelto atlikumu …)" (Latgale);
- Word with soft line breaks inside cells, a year's items and group heading in one
  paragraph, plan lines "30 000,00 euro + 457,95 euro" and a planted early year (Rīga).

Line numbers are the source text's (a document's: the text it was read into).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.model import AmountRole, LegalForm, Parsed, Report
from tests.parse.golden import (
    ABOUT,
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
    "md": "vidzeme_markdown_tables.md",
    "html": "kurzeme_html_calendar_rows_planted_overspend.html",
    "sentences": "latgale_sentences_planted_year_start.txt",
    "iso": "riga_labels_on_lines_iso_dates.txt",
    "nested": "vidzeme_word_nested_funding_numbered.docx",
    "columns": "kurzeme_word_year_columns_planted_overspend.docx",
    "pdf": "latgale_chromium_split_rows.pdf",
    "soft": "riga_word_soft_breaks_planted_early_year.docx",
}
REMAINDER = AmountRole.REMAINDER


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _header(rep: Report) -> tuple[str | None, str, LegalForm | None, str | None]:
    imp = rep.implementer
    assert imp is not None
    number = imp.registration_number.value if imp.registration_number else None
    return rep.region, imp.name.value, imp.legal_form, number


def _delegation(rep: Report) -> tuple[object, object]:
    period = rep.delegation_period
    assert period is not None
    return period.start, period.end


def test_only_the_planted_contradictions_are_found(read: dict[str, Parsed]) -> None:
    found = {
        k: sorted({f.code for f in p.findings if f.severity.value != "info"})
        for k, p in read.items()
    }
    assert found == {
        "md": [],
        # 2020: actual EUR 48 350,00 against planned EUR 48 000,00 (the minority line
        # 18 350,00 against 18 000,00); no remainder is written, so it leaves nothing
        "html": ["funding.actual-above-planned", "funding.remainder-mismatch"],
        # "I. ĪSTENOŠANAS GADS (2024. gada 1. februāris …)", the delegation from 1 March
        "sentences": ["period.year-outside-delegation"],
        "iso": [],
        "nested": [],
        # year II: actual EUR 49382.10 against planned EUR 49000.00; year I's remainder
        # was returned, so nothing was carried in to cover it
        "columns": ["funding.actual-above-planned", "funding.remainder-mismatch"],
        # year II spends 785,70 more than planned: the carried-in remainder it names
        "pdf": [],
        # year I from 15 June 2022, the delegation from 15 July; its funding row keeps
        # the dates of the contract, which then match no year as written
        "soft": ["funding.unmatched-year", "period.year-outside-delegation"],
    }
    lines = {
        k: sorted({f.span.line for f in p.findings if f.severity.value != "info" and f.span})
        for k, p in read.items()
    }
    assert lines["sentences"] == [12]


def test_headers(read: dict[str, Parsed]) -> None:
    F, AS = LegalForm.FOUNDATION, LegalForm.ASSOCIATION
    assert {k: _header(report_of(read, k)) for k in FILES} == {
        # "| **Valsts pārvaldes uzdevuma īstenotājs** | Nodibinājums «Vidzemes kopienu
        # fonds», vienotais reģistrācijas Nr. 50008217364 …|"
        "md": ("vidzeme", "Vidzemes kopienu fonds", F, "50008217364"),
        # "Uzdevuma veicējs" | Biedrība "Ziemeļkurzemes iniciatīvu centrs", Reģ. Nr. …
        "html": ("kurzeme", "Ziemeļkurzemes iniciatīvu centrs", AS, "40008098215"),
        "sentences": ("latgale", "Latgales sabiedrības attīstības fonds", F, "40008301952"),
        "iso": ("riga", "Rīgas pilsoniskās līdzdalības tīkls", AS, "40008276531"),
        "nested": ("vidzeme", "Vidzemes kopienu fonds", F, "40008123456"),
        "columns": ("kurzeme", "Ventspils NVO atbalsta centrs", AS, "40008098765"),
        "pdf": ("latgale", "Latgales attīstības fonds", F, "40008112233"),
        "soft": ("riga", "Rīgas NVO nams", AS, "40008234567"),
    }
    assert {k: _delegation(report_of(read, k)) for k in FILES} == {
        "md": (D(2023, 3, 1), D(2026, 2, 28)),
        "html": (D(2019, 4, 1), D(2021, 12, 31)),
        "sentences": (D(2024, 3, 1), D(2027, 2, 28)),
        "iso": (D(2019, 7, 1), D(2021, 6, 30)),  # "2019-07-01 – 2021-06-30"
        "nested": (D(2023, 3, 1), D(2026, 2, 28)),  # "no 2023. gada 1. marta līdz …"
        "columns": (D(2022, 7, 15), D(2025, 7, 14)),
        "pdf": (D(2023, 4, 1), D(2025, 3, 31)),
        "soft": (D(2022, 7, 15), D(2025, 7, 14)),
    }


def test_years(read: dict[str, Parsed]) -> None:
    assert years(report_of(read, "md")) == [
        (1, (D(2023, 3, 1), D(2024, 2, 29))),
        (2, (D(2024, 3, 1), D(2025, 2, 28))),
        (3, (D(2025, 3, 1), D(2026, 2, 28))),
    ]
    assert years(report_of(read, "iso")) == [
        (1, (D(2019, 7, 1), D(2020, 6, 30))),
        (2, (D(2020, 7, 1), D(2021, 6, 30))),
    ]
    assert years(report_of(read, "soft")) == [
        (1, (D(2022, 6, 15), D(2023, 7, 14))),
        (2, (D(2023, 7, 15), D(2024, 7, 14))),
        (3, (D(2024, 7, 15), D(2025, 7, 14))),
    ]
    assert years(report_of(read, "pdf")) == [
        (1, (D(2023, 4, 1), D(2024, 3, 31))),
        (2, (D(2024, 4, 1), D(2025, 3, 31))),
    ]


def test_activity_tables_read_the_achieved_column(read: dict[str, Parsed]) -> None:
    # "| 1. | Mācību semināri … | 6 | 7 semināri, kopā 148 dalībnieki |": 6 is the target
    assert quantities(report_of(read, "md"), 1) == [
        (CIVIL, 7, EXACT, "seminars"),
        (CIVIL, 148, EXACT, "participants"),
        (CIVIL, 94, EXACT, "consultations"),
        (CIVIL, 126, EXACT, "posts"),
        (CIVIL, 2, EXACT, "forums"),
        (CIVIL, 171, EXACT, "participants"),
        (MINORITY, 2, EXACT, "strategies"),
        (MINORITY, 6, EXACT, "organisations"),
        (MINORITY, 5, EXACT, "events"),
        (MINORITY, 312, EXACT, "participants"),
    ]
    # "| 1. | Mazākumtautību NVO biedru aptauja | 1 | 1 aptauja (atbildēja 64 respondenti) |"
    assert (MINORITY, 1, EXACT, "surveys") in quantities(report_of(read, "md"), 2)
    numbers = [a.number for a in report_of(read, "md").activities if a.year == 1]
    assert numbers == ["1.", "2.", "3.", "4.", "1.", "2.", "3."]  # as written


def test_a_count_column_counts_what_the_activity_names(read: dict[str, Parsed]) -> None:
    # "| 1. | Reģionālie NVO forumi | 2 |"; "Materiāltehniskais atbalsts mazākumtautību
    # NVO | 4" names no counted thing of its own: no figure rather than a guessed one
    assert quantities(report_of(read, "columns"), 2) == [
        (CIVIL, 1, EXACT, "forums"),
        (CIVIL, 8, EXACT, "seminars"),
        (CIVIL, 93, EXACT, "consultations"),
        (CIVIL, 140, EXACT, "news-items"),
        (MINORITY, 1, EXACT, "strategies"),
        (MINORITY, 7, EXACT, "events"),
    ]


def test_prose_counts(read: dict[str, Parsed]) -> None:
    iso = quantities(report_of(read, "iso"), 1)
    # "Jūrmalas gatvē 76 notika … forums": a house number; "64 konsultacijas" (typed
    # without its long mark)
    assert all(value != 76 for _, value, _, _ in iso)
    assert (CIVIL, 64, EXACT, "consultations") in iso
    assert (CIVIL, 112, EXACT, "participants") in iso
    # "publicētas 58 ziņas biedrības mājaslapā": news, not organisations
    html = quantities(report_of(read, "html"), 1)
    assert (CIVIL, 58, EXACT, "news-items") in html
    # "kuros piedalījās ap 420 apmeklētāju"
    assert (MINORITY, 420, ABOUT, "participants") in quantities(report_of(read, "nested"), 1)
    # wrapped over lines in the PDF: "… pasākumi «Mana Latgale», kuros piedalījās
    # vairāk nekā 530 apmeklētāju"; "Izstrādātas 3 mazākumtautību NVO darbības attīstības
    # stratēģijas"
    pdf = quantities(report_of(read, "pdf"), 1)
    assert (CIVIL, 4, EXACT, "events") in pdf
    assert (CIVIL, 530, MORE, "participants") in pdf
    assert (MINORITY, 3, EXACT, "strategies") in pdf
    assert len([a for a in report_of(read, "pdf").activities if a.year == 1]) == 9


def test_a_year_in_one_paragraph_of_soft_breaks(read: dict[str, Parsed]) -> None:
    # "1) organizēti 4 semināri … 96 dalībnieki; 2) sniegtas 58 konsultācijas; 3) izdotas
    # 24 ziņu lapas" and "Rīgas reģiona mazākumtautību kapacitātes celšanai:" in one cell
    assert quantities(report_of(read, "soft"), 1) == [
        (CIVIL, 4, EXACT, "seminars"),
        (CIVIL, 96, EXACT, "participants"),
        (CIVIL, 58, EXACT, "consultations"),
        (CIVIL, 24, EXACT, "newsletters"),
        (MINORITY, 3, EXACT, "strategies"),
        (MINORITY, 5, EXACT, "events"),
    ]


def _money(*rows: tuple[AmountRole, object, str]) -> set[tuple[object, object, Decimal]]:
    return {(r, p, Decimal(v)) for r, p, v in rows}


def test_funding_in_tables(read: dict[str, Parsed]) -> None:
    md = report_of(read, "md").funding
    assert [amounts(row) for row in md] == [
        _money(
            (P, None, "52000.00"), (P, CS, "30000.00"), (P, MN, "22000.00"),
            (A, None, "51236.40"), (A, CS, "29811.15"), (A, MN, "21425.25"),
            (OVER, None, "763.60"),
        ),
        # "52 000,00 EUR + 763,60 EUR pārceltais atlikums no I. gada, t.sk. 30 188,85 …"
        _money(
            (P, None, "52000.00"), (IN, None, "763.60"),
            (P, CS, "30188.85"), (P, MN, "22574.75"),
            (A, None, "52763.60"), (A, CS, "30188.85"), (A, MN, "22574.75"),
            (REMAINDER, None, "0.00"),
        ),
        _money(
            (P, None, "52000.00"), (P, CS, "30000.00"), (P, MN, "22000.00"),
            (A, None, "51982.10"), (A, CS, "30000.00"), (A, MN, "21982.10"),
            (BACK, None, "17.90"),
        ),
    ]  # fmt: skip
    html = report_of(read, "html").funding
    assert [row.calendar_year for row in html] == [2019, 2020, 2021]
    assert amounts(html[1]) == _money(
        (P, None, "48000.00"), (P, CS, "30000.00"), (P, MN, "18000.00"),
        (A, None, "48350.00"), (A, CS, "30000.00"), (A, MN, "18350.00"),
    )  # fmt: skip
    assert (BACK, None, Decimal("587.92")) in amounts(html[0])
    nested = report_of(read, "nested").funding
    # "687,60 EUR pārcelts uz nākamo periodu (t.sk. 344,85 EUR …; 342,75 EUR …)"
    assert {(r, p, v) for r, p, v in amounts(nested[0]) if r is OVER} == _money(
        (OVER, None, "687.60"), (OVER, CS, "344.85"), (OVER, MN, "342.75")
    )
    assert amounts(nested[2]) == _money(
        (P, None, "45000.00"), (P, CS, "28000.00"), (P, MN, "17000.00"),
        (A, None, "44950.00"), (A, CS, "27980.00"), (A, MN, "16970.00"),
        (BACK, None, "50.00"), (BACK, CS, "20.00"), (BACK, MN, "30.00"),
    )  # fmt: skip
    columns = report_of(read, "columns").funding
    assert [r.period and (r.period.start, r.period.end) for r in columns] == [
        (D(2022, 7, 15), D(2023, 7, 14)),
        (D(2023, 7, 15), D(2024, 7, 14)),
        (D(2024, 7, 15), D(2025, 7, 14)),
    ]
    # "Neizlietotais atlikums, atgriezts KM budžetā | EUR 749.60"
    assert amounts(columns[0]) == _money(
        (P, None, "49000.00"), (P, CS, "30000.00"), (P, MN, "19000.00"),
        (A, None, "48250.40"), (A, CS, "29610.15"), (A, MN, "18640.25"),
        (BACK, None, "749.60"),
    )  # fmt: skip
    assert (A, None, Decimal("49382.10")) in amounts(columns[1])


def test_funding_in_sentences_and_split_rows(read: dict[str, Parsed]) -> None:
    (row,) = report_of(read, "sentences").funding
    assert amounts(row) == _money(
        (P, None, "45000.00"), (P, CS, "27000.00"), (P, MN, "18000.00"),
        (A, None, "44870.25"), (A, CS, "26950.00"), (A, MN, "17920.25"),
        (OVER, None, "129.75"), (OVER, CS, "50.00"), (OVER, MN, "79.75"),
    )  # fmt: skip
    # "plānotais finansējums bija 40 000 EUR (25 000 EUR … un 15 000 EUR …)"
    first, second = report_of(read, "iso").funding
    assert {(r, p, v) for r, p, v in amounts(first) if r is P} == _money(
        (P, None, "40000"), (P, CS, "25000"), (P, MN, "15000")
    )
    assert {(r, p, v) for r, p, v in amounts(second) if r is P} == _money(
        (P, None, "40000"), (P, CS, "25000"), (P, MN, "15000")
    )
    assert (BACK, None, Decimal("359.90")) in amounts(first)
    # year II on the next PDF page: "Faktiski €40 785,70 (ieskaitot no I. īstenošanas
    # gada pārcelto atlikumu €785,70), t.sk. €25 500,00 …; €15 285,70 …"
    _, second = report_of(read, "pdf").funding
    assert amounts(second) == _money(
        (P, None, "40000"), (P, CS, "25000"), (P, MN, "15000"), (IN, None, "785.70"),
        (A, None, "40785.70"), (A, CS, "25500.00"), (A, MN, "15285.70"),
    )  # fmt: skip
    # "- 30 000,00 euro + 457,95 euro …": this year's line and the part carried in
    third = report_of(read, "soft").funding[2]
    assert amounts(third) == _money(
        (P, None, "53994.00"), (P, CS, "30000.00"), (P, MN, "23994.00"),
        (IN, None, "1177.33"), (IN, CS, "457.95"), (IN, MN, "719.38"),
        (A, None, "55171.33"), (A, CS, "30457.95"), (A, MN, "24713.38"),
    )  # fmt: skip
