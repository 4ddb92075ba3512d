"""Golden values for the funding sections of reports whose funding words are typed without
Latvian diacritics ("Planotais finansejums", "Atlikums … parcelts uz nakamo periodu", a
table headed "PLANOTS | FAKTISKI | ATLIKUMS"), of comma-separated rows of whole euros
("2023,8000,7950,50", under a header naming the columns or adding up), and of a remainder
cell with a sentence under it saying the same remainder was returned. Every value was read
from the fixture by hand (`tests/fixtures/reports/unseen/`); line numbers are the source
text's.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.model import AmountRole, Parsed
from pipeline.parse.funding_whole import adding_up, whole_cell
from pipeline.parse.text import SourcedText
from tests.parse.golden import BACK, CS, IN, MN, OVER, A, D, P, amounts, read_unseen, report_of

FILES = {
    "words": "funding_words_without_diacritics.txt",
    "caps_pipes": "funding_caps_pipe_table_without_diacritics_planted.txt",
    "csv_header": "funding_comma_rows_whole_euros_header_planted.txt",
    "csv_adding_up": "funding_comma_rows_whole_euros_adding_up.txt",
    "pipe_restated": "funding_pipe_remainder_cell_and_returned_sentence.txt",
    "tab_restated": "funding_tab_remainder_cell_and_returned_sentence_planted.txt",
    # earlier fixtures whose funding words are typed without diacritics
    "plain_labels": "kurzeme_labels_and_headings_without_diacritics.txt",
    "caps_labels": "latgale_caps_labels_and_headings_without_diacritics.txt",
    "caps_activities": "latgale_caps_activities_without_diacritics_space_aligned_funding.txt",
}
E = Decimal
R = AmountRole.REMAINDER


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _codes(parsed: Parsed) -> list[tuple[str, int | None]]:
    return sorted((f.code, f.line) for f in parsed.findings)


# -- funding words without diacritics (Zemgale, clean) --------------------------------------
def test_statements_typed_without_diacritics_are_read(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "words")
    first, second = rep.funding
    assert first.period is not None and (first.period.start, first.period.end) == (
        D(2023, 3, 1),
        D(2024, 2, 29),
    )
    # line 27 "Planotais finansejums: 20 000,00 EUR, t.sk. 12 000,00 EUR pilsoniskas
    # sabiedribas attistibai un 8 000,00 EUR mazakumtautibu NVO attistibai", line 28
    # "Faktiski izlietotais finansejums: 19 350,00 EUR, t.sk. 11 800,00 … un 7 550,00 …",
    # line 29 "Atlikums 650,00 EUR parcelts uz nakamo periodu."
    assert amounts(first) == {
        (P, None, E("20000.00")), (P, CS, E("12000.00")), (P, MN, E("8000.00")),
        (A, None, E("19350.00")), (A, CS, E("11800.00")), (A, MN, E("7550.00")),
        (OVER, None, E("650.00")),
    }  # fmt: skip
    # line 32 "… 20 000,00 EUR un no iepriekseja gada parceltais atlikums 650,00 EUR",
    # line 34 "Neizlietotais atlikums 169,80 EUR atgriezts Kulturas ministrijas budzeta."
    assert amounts(second) == {
        (P, None, E("20000.00")), (IN, None, E("650.00")), (A, None, E("20480.20")),
        (BACK, None, E("169.80")),
    }  # fmt: skip
    assert first.compared and second.compared
    assert [a.span.line for a in first.amounts if a.purpose is None] == [27, 28, 29]
    # 20 000 − 19 350 = 650 carried over; 20 000 + 650 − 20 480,20 = 169,80 returned
    assert _codes(read["words"]) == []


def test_a_caps_table_header_without_diacritics_names_its_columns(
    read: dict[str, Parsed],
) -> None:
    rep = report_of(read, "caps_pipes")
    assert [amounts(row) for row in rep.funding] == [
        {(P, None, E("15000.00")), (A, None, E("14820.00")), (BACK, None, E("180.00"))},
        {(P, None, E("15000.00")), (A, None, E("15000.00")), (R, None, E("0.00"))},
        {(P, None, E("15000.00")), (A, None, E("15240.00"))},
    ]
    assert all(row.compared for row in rep.funding)
    # planted: year III spent 15 240,00 of 15 000,00 (line 29), its remainder cell "NAV"
    assert _codes(read["caps_pipes"]) == [
        ("funding.actual-above-planned", 29),
        ("funding.remainder-mismatch", 29),
    ]


def test_earlier_reports_typed_without_diacritics_now_read_their_plan(
    read: dict[str, Parsed],
) -> None:
    # "Planotais finansejums: EUR 24 000" (line 18), "Faktiski izlietotais finansejums: EUR
    # 23 612,40", "Neizlietotais finansejums EUR 387,60 atmaksats VARAM budzeta."
    rep = report_of(read, "plain_labels")
    assert [amounts(row) for row in rep.funding] == [
        {(P, None, E("24000")), (A, None, E("23612.40")), (BACK, None, E("387.60"))}
    ]
    assert _codes(read["plain_labels"]) == []
    # "GADS      PLANOTS        FAKTISKI       ATLIKUMS" over "2015      EUR 18 000 …"
    for key in ("caps_labels", "caps_activities"):
        rep = report_of(read, key)
        assert [row.calendar_year for row in rep.funding] == [2015, 2016]
        assert [amounts(row) for row in rep.funding] == [
            {(P, None, E("18000")), (A, None, E("17940")), (BACK, None, E("60"))},
            {(P, None, E("18000")), (A, None, E("18000")), (R, None, E("0"))},
        ]
        # the "KOPA" row over the years is kept as written
        assert _codes(read[key]) == [("structure.unlabelled-text", 32)]


# -- comma-separated rows of whole euros ------------------------------------------------------
def test_whole_euros_under_a_header_naming_the_columns(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "csv_header")
    # "Gads,Plānots,Faktiski,Atlikums" over "2023,8000,7950,50" (line 35) …
    assert [row.calendar_year for row in rep.funding] == [2023, 2024, 2025]
    assert [amounts(row) for row in rep.funding] == [
        {(P, None, E(8000)), (A, None, E(7950)), (R, None, E(50))},
        {(P, None, E(8000)), (A, None, E(8000)), (R, None, E(0))},
        {(P, None, E(8000)), (A, None, E(7820)), (R, None, E(170))},
    ]
    assert all(a.currency == "EUR" for row in rep.funding for a in row.amounts)
    # planted: "2025,8000,7820,170" leaves 180, not 170 (line 37)
    assert _codes(read["csv_header"]) == [("funding.remainder-mismatch", 37)]


def test_whole_euros_with_no_header_read_where_they_add_up(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "csv_adding_up")
    # "I. gads,9000,8850,150" (line 37), "II. gads,9000,9000,0", "III. gads,9000,8735,265"
    assert [row.ordinal for row in rep.funding] == [1, 2, 3]
    assert [amounts(row) for row in rep.funding] == [
        {(P, None, E(9000)), (A, None, E(8850)), (R, None, E(150))},
        {(P, None, E(9000)), (A, None, E(9000)), (R, None, E(0))},
        {(P, None, E(9000)), (A, None, E(8735)), (R, None, E(265))},
    ]
    assert [a.span.line for row in rep.funding for a in row.amounts][::3] == [37, 38, 39]
    assert _codes(read["csv_adding_up"]) == []


def test_a_whole_cell_is_one_number_and_no_year() -> None:
    assert whole_cell("8000") and whole_cell(" 8 000 ") and whole_cell("0")
    assert not whole_cell("2024")  # may be a year: read less
    assert not whole_cell("8000 EUR") and not whole_cell("80,00") and not whole_cell("I")


def test_whole_numbers_that_do_not_add_up_are_not_guessed() -> None:
    def cells(*texts: str) -> list[SourcedText]:
        return [SourcedText.of(t) for t in texts]

    assert adding_up(cells("8000", "7950", "50")) is not None
    assert adding_up(cells("8000", "7950", "40")) is None  # which is which is not told
    assert adding_up(cells("3", "2", "1")) is None  # counts, not a year's funding
    assert adding_up(cells("8000", "7950", "50", "1")) is None
    assert adding_up(cells("8000", "7950,00", "50")) is None


# -- a remainder cell and a sentence restating it ---------------------------------------------
def test_a_remainder_cell_and_the_sentence_returning_it_are_one_amount(
    read: dict[str, Parsed],
) -> None:
    rep = report_of(read, "pipe_restated")
    # line 28 "| 01.09.2023. – 31.08.2024. | 12 000,00 EUR | 11 850,00 EUR | 150,00 EUR |"
    # and line 30 "Neizlietotais finansējums 150,00 EUR apmērā atgriezts Kultūras
    # ministrijas budžetā.": the same 150,00, returned
    first, second = rep.funding
    assert amounts(first) == {
        (P, None, E("12000.00")), (A, None, E("11690.00")), (R, None, E("310.00")),
    }  # fmt: skip
    assert amounts(second) == {
        (P, None, E("12000.00")), (A, None, E("11850.00")), (BACK, None, E("150.00")),
    }  # fmt: skip
    assert [a.span.line for a in second.amounts if a.role is BACK] == [30]
    assert _codes(read["pipe_restated"]) == []


def test_two_different_remainders_stay_two(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "tab_restated")
    first, second = rep.funding
    # line 18 "179,65 EUR" in the remainder column, line 19 "Neizlietotais finansējums
    # 179,65 EUR apmērā atgriezts ministrijas budžetā.": one amount
    assert amounts(first) == {
        (P, None, E("20000.00")), (A, None, E("19820.35")), (BACK, None, E("179.65")),
    }  # fmt: skip
    # line 20 "150,00 EUR", line 21 "… 120,00 EUR apmērā atgriezts …": two amounts, as
    # written; planted: together they are not the 150,00 left (line 20)
    assert amounts(second) == {
        (P, None, E("20000.00")), (A, None, E("19850.00")), (R, None, E("150.00")),
        (BACK, None, E("120.00")),
    }  # fmt: skip
    assert _codes(read["tab_restated"]) == [("funding.remainder-mismatch", 20)]
