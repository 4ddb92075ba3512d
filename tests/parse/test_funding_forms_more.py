"""More funding forms: "neizlietotais" (unspent) as a remainder word, purpose lines in a
parenthesis separated by commas, money moved "no pirmā gada" (from year one), the years of
one cell written as its paragraphs, and a table with a column per purpose. Each test is the
clean minimal report with its funding rows rewritten; the expected values are read from the
rows written here.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pipeline.model import AmountRole, Purpose
from tests.conftest import parse_text
from tests.parse.test_funding_forms import (
    CIVIL,
    LABEL,
    MINORITY,
    _funding_codes,
    _lines,
    _parsed,
    _value,
)

P, A = AmountRole.PLANNED, AmountRole.ACTUAL
CARRIED_IN, CARRIED_OVER = AmountRole.CARRIED_IN, AmountRole.CARRIED_OVER
RETURNED = AmountRole.RETURNED
CS, MN = Purpose.CIVIL_SOCIETY, Purpose.MINORITY_NGOS
FIRST = (
    f"Plānots 49 000,00 euro, t.sk. 30 000,00 euro {CIVIL} un 19 000,00 euro {MINORITY}\t"
    f"Faktiski 49 000,00 euro, t.sk. 30 000,00 euro {CIVIL} un 19 000,00 euro {MINORITY}"
)


# -- "neizlietotais" (unspent) is a remainder, never the actual -----------------------------


@pytest.mark.parametrize(
    "words",
    [
        "Neizlietotais finansējums 500,00 euro atgriezts KM budžetā.",
        "Neizlietotais atlikums 500,00 euro atgriezts KM budžetā.",
        "Neizlietoti līdzekļi 500,00 euro atgriezti KM budžetā.",
    ],
)
def test_unspent_money_is_returned_not_spent(minimal_text: str, words: str) -> None:
    """ "Neizlietotais finansējums 500,00 euro atgriezts KM budžetā" (the unspent funding,
    returned): 500,00 was read as a second actual total ("izlietot" = spent is in the
    word), a false remainder-mismatch. 49 000,00 − 48 500,00 = 500,00 returned."""
    parsed = _parsed(
        minimal_text,
        [
            FIRST,
            f"\tPlānots 49 000,00 euro, t.sk. 30 000,00 euro {CIVIL} un 19 000,00 euro "
            f"{MINORITY}\tFaktiski 48 500,00 euro, t.sk. 30 000,00 euro {CIVIL} un "
            f"18 500,00 euro {MINORITY}. {words}",
        ],
    )
    assert parsed.report is not None
    second = parsed.report.funding[1]
    assert [a.value for a in second.amounts if a.role is A and a.purpose is None] == [
        Decimal("48500.00")
    ]
    assert _value(second, RETURNED) == Decimal("500.00")
    assert _lines(second, A) == [(CS, Decimal("30000.00")), (MN, Decimal("18500.00"))]
    # the minority line's label ends with its sentence, before "Neizlietot…"
    assert [a.label for a in second.lines(A)][-1] == MINORITY
    assert _funding_codes(parsed) == []


# -- purpose lines in a parenthesis, separated by commas --------------------------------------


def _comma_rows(first_minority: str) -> list[str]:
    return [
        f"Plānots 54 000 EUR (30 000 EUR {CIVIL}, {first_minority} EUR {MINORITY})\t"
        f"Faktiski 52 800 EUR (30 000 EUR {CIVIL}, 22 800 EUR {MINORITY}). "
        "Atlikums 1 200 EUR pārcelts uz otro gadu.",
        f"\tPlānots 55 200 EUR (30 000 EUR {CIVIL}, 25 200 EUR {MINORITY}, t.sk. 1 200 EUR "
        f"pārcelti no pirmā gada)\tFaktiski 55 200 EUR (30 000 EUR {CIVIL}, 25 200 EUR "
        f"{MINORITY})",
    ]


def test_purpose_lines_in_a_parenthesis_separated_by_commas(minimal_text: str) -> None:
    """ "Plānots 54 000 EUR (30 000 EUR pilsoniskās …, 24 000 EUR mazākumtautību …)": the
    lines 30 000 + 24 000 of the planned 54 000 (they were unread). In year two "t.sk.
    1 200 EUR pārcelti no pirmā gada" (moved from year one) is carried in, part of the
    minority line, not a second planned total; the plan stays complete (55 200 includes
    it)."""
    parsed = _parsed(minimal_text, _comma_rows("24 000"))
    assert parsed.report is not None
    first, second = parsed.report.funding
    assert (_value(first, P), _value(first, A)) == (Decimal("54000"), Decimal("52800"))
    assert _lines(first, P) == [(CS, Decimal("30000")), (MN, Decimal("24000"))]
    assert _lines(first, A) == [(CS, Decimal("30000")), (MN, Decimal("22800"))]
    assert _value(first, CARRIED_OVER) == Decimal("1200")
    assert [a.value for a in second.amounts if a.role is P and a.purpose is None] == [
        Decimal("55200")
    ]
    assert _lines(second, P) == [(CS, Decimal("30000")), (MN, Decimal("25200"))]
    assert [(a.purpose, a.value) for a in second.amounts if a.role is CARRIED_IN] == [
        (MN, Decimal("1200"))
    ]
    assert _lines(second, A) == [(CS, Decimal("30000")), (MN, Decimal("25200"))]
    assert [(r.compared, r.plan_complete) for r in parsed.report.funding] == [
        (True, True),
        (True, True),
    ]
    assert _funding_codes(parsed) == []


def test_comma_lines_that_do_not_add_up_are_not_taken_for_lines(minimal_text: str) -> None:
    """30 000 + 20 000 is not the planned 54 000: whether the parenthesis gives the lines
    is not sure, so they stay unread and the year is compared with nothing."""
    parsed = _parsed(minimal_text, _comma_rows("20 000"))
    assert parsed.report is not None
    assert [r.compared for r in parsed.report.funding] == [False, True]
    assert "funding.sum-mismatch" not in _funding_codes(parsed)
    assert "funding.unread-amount" in _funding_codes(parsed)


# -- the section as running text (no table) ---------------------------------------------------


def test_year_words_and_a_sentence_end_in_running_text(minimal_text: str) -> None:
    """The section as paragraphs with no table: "PIRMAIS GADS (01.01.2023.–31.12.2023.):"
    made a year of its own with no amount (a false missing-amount), and the carried-over
    amount's label ran into the next year's heading ("pārcelts uz otro gadu. OTRAIS
    GADS")."""
    rows = _comma_rows("24 000")
    one = rows[0].replace("\t", "; ")
    two = rows[1].lstrip("\t").replace("\t", "; ")
    lines = minimal_text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(LABEL + "\t"))
    lines[at : at + 2] = [
        LABEL,
        "",
        f"PIRMAIS GADS (01.01.2023.–31.12.2023.): {one}",
        "",
        f"OTRAIS GADS (01.01.2024.–31.12.2024.): {two}",
        "",
    ]
    parsed = parse_text("\n".join(lines))
    assert parsed.report is not None
    first, second = parsed.report.funding
    assert _value(first, P) == Decimal("54000")
    carried = first.total(CARRIED_OVER)
    assert carried is not None and carried.value == Decimal("1200")
    assert carried.label == "pārcelts uz otro gadu"
    assert [(a.purpose, a.value) for a in second.amounts if a.role is CARRIED_IN] == [
        (MN, Decimal("1200"))
    ]
    assert "funding.missing-amount" not in _funding_codes(parsed)
    assert "funding.sum-mismatch" not in _funding_codes(parsed)
    assert "funding.remainder-mismatch" not in _funding_codes(parsed)


# -- the years of one cell, as its paragraphs -------------------------------------------------


def _paragraph_cell(second_actual: str, second_minority: str) -> list[str]:
    def year(numeral: str, actual: str, minority: str) -> str:
        return (
            f"<p>{numeral}. īstenošanas gads</p>"
            f"<p>Plānots 49 000,00 euro, t.sk. 30 000,00 euro {CIVIL} un 19 000,00 euro "
            f"{MINORITY}.</p><p>Faktiski {actual} euro, t.sk. 30 000,00 euro {CIVIL} un "
            f"{minority} euro {MINORITY}.</p>"
        )

    return [
        year("I", "49 000,00", "19 000,00")
        + year("II", second_actual, second_minority)
        + "<p>Neizlietotais finansējums 500,00 euro atgriezts KM budžetā.</p>"
    ]


def test_a_year_paragraph_in_the_funding_cell_starts_a_row(minimal_text: str) -> None:
    """One cell with the paragraphs "I. īstenošanas gads", "Plānots …", "Faktiski …",
    "II. īstenošanas gads", …: the years collapsed into one row with two planned totals
    (a false sum-mismatch, 98 000 of lines against 49 000). Each year paragraph starts a
    row: year I 49 000 / 49 000, year II 49 000 / 48 500 and 500 returned."""
    parsed = _parsed(minimal_text, _paragraph_cell("48 500,00", "18 500,00"))
    assert parsed.report is not None
    first, second = parsed.report.funding
    assert (first.ordinal, second.ordinal) == (1, 2)
    assert (_value(first, P), _value(first, A)) == (Decimal("49000.00"), Decimal("49000.00"))
    assert (_value(second, P), _value(second, A)) == (Decimal("49000.00"), Decimal("48500.00"))
    assert _lines(second, A) == [(CS, Decimal("30000.00")), (MN, Decimal("18500.00"))]
    assert _value(second, RETURNED) == Decimal("500.00")
    assert _value(first, RETURNED) is None
    assert _funding_codes(parsed) == []


def test_a_wrong_line_in_a_paragraph_year_is_still_found(minimal_text: str) -> None:
    """Year II's actual lines 30 000 + 18 000 = 48 000, not its 48 500: the split rows are
    compared, so the finding stays (and only it)."""
    parsed = _parsed(minimal_text, _paragraph_cell("48 500,00", "18 000,00"))
    assert _funding_codes(parsed) == ["funding.sum-mismatch"]


def test_a_year_paragraph_in_an_earlier_cell_leaves_its_amounts_unread(
    minimal_text: str,
) -> None:
    """A year paragraph in the planned cell with the actual cell after it: which year the
    actual cell's amounts belong to is not written, so they are unread and the row is not
    compared (no sum-mismatch from two planned totals in one row)."""
    parsed = _parsed(
        minimal_text,
        [
            "<p>I. īstenošanas gads</p><p>Plānots 49 000,00 euro</p>"
            "<p>II. īstenošanas gads</p><p>Plānots 49 000,00 euro</p>\t"
            "Faktiski 48 500,00 euro",
        ],
    )
    assert parsed.report is not None
    assert not parsed.report.funding[0].compared
    codes = _funding_codes(parsed)
    assert "funding.sum-mismatch" not in codes and "funding.actual-above-planned" not in codes


# -- a column per purpose, and a "Kopā" row -----------------------------------------------------

_HEADER = f"\tPeriods\t{CIVIL}\t{MINORITY}\tKopā"
_PURPOSE_ROWS = [
    "15.07.2022–14.07.2023 plānots\t30.000,00 EUR\t19.000,00 EUR\t49.000,00 EUR",
    "15.07.2022–14.07.2023 faktiski\t30.000,00 EUR\t18.250,00 EUR\t48.250,00 EUR",
    "Atlikums 750,00 EUR pārcelts uz nākamo periodu.",
    "15.07.2023–14.07.2024 plānots\t30.000,00 EUR\t19.750,00 EUR (t.sk. 750,00 EUR "
    "pārceltais finansējums no iepriekšējā gada)\t49.750,00 EUR",
    "15.07.2023–14.07.2024 faktiski\t29.880,00 EUR\t19.750,00 EUR\t49.630,00 EUR",
    "Neizmantotais finansējums 120,00 EUR apmērā atgriezts KM.",
    "Kopā faktiski\t59.880,00 EUR\t38.000,00 EUR\t97.880,00 EUR",
]


def test_a_column_per_purpose_and_a_total_row(minimal_text: str) -> None:
    """A header naming each column's purpose and a "Kopā" column; a row per year and role
    ("15.07.2022–14.07.2023 plānots"); a "Kopā faktiski" row summing the years. The
    purpose columns were read as the planned / actual columns and "Kopā" as a third year.
    Read: two years, each total with its purpose lines; the 750,00 inside the minority cell
    of year two is carried in for that purpose."""
    parsed = _parsed(minimal_text, [_HEADER.lstrip("\t"), *[f"\t{r}" for r in _PURPOSE_ROWS]])
    assert parsed.report is not None
    first, second = parsed.report.funding
    assert len(parsed.report.funding) == 2
    assert (_value(first, P), _value(first, A)) == (Decimal("49000.00"), Decimal("48250.00"))
    assert _lines(first, P) == [(CS, Decimal("30000.00")), (MN, Decimal("19000.00"))]
    assert _lines(first, A) == [(CS, Decimal("30000.00")), (MN, Decimal("18250.00"))]
    assert _value(first, CARRIED_OVER) == Decimal("750.00")
    assert (_value(second, P), _value(second, A)) == (Decimal("49750.00"), Decimal("49630.00"))
    assert _lines(second, P) == [(CS, Decimal("30000.00")), (MN, Decimal("19750.00"))]
    assert _lines(second, A) == [(CS, Decimal("29880.00")), (MN, Decimal("19750.00"))]
    assert [(a.purpose, a.value) for a in second.amounts if a.role is CARRIED_IN] == [
        (MN, Decimal("750.00"))
    ]
    assert _value(second, RETURNED) == Decimal("120.00")
    assert [r.compared for r in parsed.report.funding] == [True, True]
    assert _funding_codes(parsed) == []


def test_purpose_columns_without_their_header_are_unread(minimal_text: str) -> None:
    """Without the header, which of a row's three amounts is the total is not written: they
    are unread and the years compared with nothing, never one amount taken for the plan
    and the next for the actual."""
    parsed = _parsed(minimal_text, [_PURPOSE_ROWS[0], *[f"\t{r}" for r in _PURPOSE_ROWS[1:]]])
    assert parsed.report is not None
    assert len(parsed.report.funding) == 2
    assert [r.compared for r in parsed.report.funding] == [False, False]
    for row in parsed.report.funding:
        assert _value(row, P) is None and _value(row, A) is None
    codes = _funding_codes(parsed)
    assert set(codes) == {"funding.unread-amount"}


def test_a_total_over_the_years_after_the_last_year_is_no_second_total(
    minimal_text: str,
) -> None:
    """ "Kopā faktiski 97 500,00 euro" after year II's own actual (49 000,00 + 48 500,00,
    the sum over both years) was read as a second actual total of year II."""
    parsed = _parsed(
        minimal_text,
        [
            FIRST,
            "\tPlānots 49 000,00 euro\tFaktiski 48 500,00 euro. Atlikums 500,00 euro "
            "atgriezts KM. Kopā faktiski 97 500,00 euro.",
        ],
    )
    assert parsed.report is not None
    second = parsed.report.funding[1]
    assert [a.value for a in second.amounts if a.role is A] == [Decimal("48500.00")]
    assert _value(second, RETURNED) == Decimal("500.00")
    assert _funding_codes(parsed) == []


# -- whole euros, sums, parts and denials in a row --------------------------------------------

PLAN = "Plānots 45 000,00 EUR"


def test_whole_euros_with_a_dash_after_a_remainder_word(minimal_text: str) -> None:
    """ "atlikums 350,- pārcelts uz nākamo gadu" (whole euros, no currency word) was
    dropped, and 45 000,00 − 44 650,00 = 350,00 compared against no remainder (a false
    remainder-mismatch). After the statement word it is money: 350 carried over."""
    parsed = _parsed(
        minimal_text,
        [FIRST, f"\t{PLAN}\tFaktiski 44 650,00 EUR; atlikums 350,- pārcelts uz nākamo gadu"],
    )
    assert parsed.report is not None
    second = parsed.report.funding[1]
    assert (_value(second, P), _value(second, A)) == (Decimal("45000.00"), Decimal("44650.00"))
    assert _value(second, CARRIED_OVER) == Decimal("350")
    assert second.compared
    assert _funding_codes(parsed) == []


def test_whole_euros_with_a_dash_elsewhere_are_unread_not_dropped(minimal_text: str) -> None:
    """ "(350,- pārcelts uz nākamo gadu)" names no statement word before the amount: it is
    unread and the row compared with nothing, never dropped and compared without it."""
    parsed = _parsed(
        minimal_text,
        [FIRST, f"\t{PLAN}\tFaktiski 44 650,00 EUR (350,- pārcelts uz nākamo gadu)"],
    )
    assert parsed.report is not None
    assert [r.compared for r in parsed.report.funding] == [True, False]
    assert _funding_codes(parsed) == ["funding.unread-amount"]


@pytest.mark.parametrize(
    ("planned", "actual"),
    [
        ("Plānots 27 000,00 EUR + 18 000,00 EUR", "Faktiski 44 650,00 EUR"),
        (PLAN, "Faktiski 26 650,00 EUR + 18 000,00 EUR"),
    ],
)
def test_a_sum_in_no_known_form_stores_no_part_as_the_total(
    minimal_text: str, planned: str, actual: str
) -> None:
    """ "Plānots 27 000,00 EUR + 18 000,00 EUR": the first part was unread and the second
    stored as the planned total 18 000,00. The sum is not written: both parts unread, no
    total of that role (the sum is one unread amount), the row compared with nothing."""
    parsed = _parsed(
        minimal_text,
        [FIRST, f"\t{planned}\t{actual}; atlikums 350,00 EUR pārcelts uz nākamo gadu"],
    )
    assert parsed.report is not None
    second = parsed.report.funding[1]
    role = P if "+" in planned else A
    assert _value(second, role) is None
    assert not second.compared
    assert _funding_codes(parsed) == ["funding.unread-amount"]
    assert not any(a.value == Decimal("18000.00") for a in second.amounts)


def test_a_planned_total_with_parts_carried_in_from_a_calendar_year(minimal_text: str) -> None:
    """ "Plānots 7 850,00 EUR (7 500,00 EUR + 350,00 EUR atlikums no 2024. gada)": 350,00
    was stored as this year's remainder and 7 500,00 unread. The parts add up to the plan:
    7 850,00 planned, 350,00 carried in."""
    parsed = _parsed(
        minimal_text,
        [
            FIRST,
            "\tPlānots 7 850,00 EUR (7 500,00 EUR + 350,00 EUR atlikums no 2024. gada)\t"
            "Faktiski 7 811,25 EUR; neizmantotais finansējums 38,75 EUR atmaksāts KM",
        ],
    )
    assert parsed.report is not None
    second = parsed.report.funding[1]
    assert (_value(second, P), _value(second, A)) == (Decimal("7850.00"), Decimal("7811.25"))
    carried = second.total(CARRIED_IN)
    assert carried is not None and carried.value == Decimal("350.00")
    assert carried.label == "atlikums no 2024. gada"
    assert _value(second, AmountRole.REMAINDER) is None
    assert _value(second, RETURNED) == Decimal("38.75")
    assert second.compared
    assert _funding_codes(parsed) == []


def test_nothing_spent_stated_twice_is_one_actual(minimal_text: str) -> None:
    """ "Finansējums netika piešķirts un izlietots (0,00 euro)" then "Faktiski 0,00 EUR":
    the actual 0 was stored twice."""
    parsed = _parsed(
        minimal_text,
        [
            FIRST,
            "\tII. gads\tFinansējums netika piešķirts un izlietots (0,00 euro)\tFaktiski 0,00 EUR",
        ],
    )
    assert parsed.report is not None
    second = parsed.report.funding[1]
    assert [a.value for a in second.amounts if a.role is A] == [Decimal("0.00")]
    assert [a.value for a in second.amounts if a.role is P] == [Decimal("0.00")]
    assert _funding_codes(parsed) == []


# -- rows keyed by ordinal words ---------------------------------------------------------------

_SECOND = "Plānots 50 000,00 euro\tFaktiski 49 900,00 euro. Atlikums 100,00 euro atgriezts KM."


@pytest.mark.parametrize(
    "rows",
    [
        [
            "PIRMAIS GADS: Plānots 49 000,00 euro\tFaktiski 49 000,00 euro",
            f"\tOTRAIS GADS: {_SECOND}",
        ],
        [
            "Pirmais īstenošanas gads\tPlānots 49 000,00 euro\tFaktiski 49 000,00 euro",
            f"\tOtrais īstenošanas gads\t{_SECOND}",
        ],
    ],
)
def test_rows_keyed_by_ordinal_words(minimal_text: str, rows: list[str]) -> None:
    """ "PIRMAIS GADS: …", "OTRAIS GADS: …" (or "Pirmais īstenošanas gads" in a cell of its
    own) merged into one row with two plans. Each ordinal word keys its year."""
    parsed = _parsed(minimal_text, rows)
    assert parsed.report is not None
    first, second = parsed.report.funding
    assert (first.ordinal, second.ordinal) == (1, 2)
    assert (_value(first, P), _value(first, A)) == (Decimal("49000.00"), Decimal("49000.00"))
    assert (_value(second, P), _value(second, A)) == (Decimal("50000.00"), Decimal("49900.00"))
    assert _value(second, RETURNED) == Decimal("100.00")
    assert _funding_codes(parsed) == []


@pytest.mark.parametrize("numerals", [("I.", "II."), ("Pirmais", "Otrais")])
def test_a_year_key_and_its_dates_in_running_text_are_one_year(
    minimal_text: str, numerals: tuple[str, str]
) -> None:
    """ "I. gads (01.01.2023.–31.12.2023.): Plānots …" as running text made an empty year
    (a false missing-amount) and one keyed by the dates. One year, with its dates."""
    lines = minimal_text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(LABEL + "\t"))
    lines[at : at + 2] = [
        LABEL,
        "",
        f"{numerals[0]} gads (01.01.2023.–31.12.2023.): Plānots 49 000,00 euro. "
        "Faktiski 49 000,00 euro.",
        "",
        f"{numerals[1]} gads (01.01.2024.–31.12.2024.): Plānots 50 000,00 euro. "
        "Faktiski 49 900,00 euro. Atlikums 100,00 euro atgriezts KM.",
        "",
    ]
    parsed = parse_text("\n".join(lines))
    assert parsed.report is not None
    first, second = parsed.report.funding
    assert (first.ordinal, second.ordinal) == (1, 2)
    assert first.period is not None and second.period is not None
    assert (first.period.start, second.period.start) == (date(2023, 1, 1), date(2024, 1, 1))
    assert (_value(first, P), _value(second, A)) == (Decimal("49000.00"), Decimal("49900.00"))
    assert _funding_codes(parsed) == []
