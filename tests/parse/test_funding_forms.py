"""Funding statements in forms the bundled reports do not use: a carried-in remainder inside
the planned cell, the currency word before the amount, "atmaksāts" (repaid) and a table's
header row. Each test is the clean minimal report with its two funding rows rewritten; the
expected values are read from the rows written here.
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.model import AmountRole, FundingYear, Parsed, Purpose
from tests.conftest import parse_text

P, A = AmountRole.PLANNED, AmountRole.ACTUAL
CARRIED_IN, CARRIED_OVER = AmountRole.CARRIED_IN, AmountRole.CARRIED_OVER
RETURNED, REMAINDER = AmountRole.RETURNED, AmountRole.REMAINDER
CS, MN = Purpose.CIVIL_SOCIETY, Purpose.MINORITY_NGOS
LABEL = "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem"
CIVIL = "pilsoniskās sabiedrības attīstībai"
MINORITY = "mazākumtautību nevalstisko organizāciju attīstībai"


def _with_funding(minimal_text: str, rows: list[str]) -> str:
    """The minimal report with its funding rows (the label's line and the one after it)
    replaced by `rows`; the first is written after the label and a tab."""
    lines = minimal_text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith(LABEL + "\t"))
    assert lines[first + 2].startswith("Neatbilstoši veiktie izdevumi")
    lines[first : first + 2] = [f"{LABEL}\t{rows[0]}", *rows[1:]]
    return "\n".join(lines)


def _funding_codes(parsed: Parsed) -> list[str]:
    return [f.code for f in parsed.findings if f.code.startswith("funding.")]


def _value(row: FundingYear, role: AmountRole) -> Decimal | None:
    total = row.total(role)
    return total.value if total is not None else None


def _lines(row: FundingYear, role: AmountRole) -> list[tuple[Purpose | None, Decimal | None]]:
    return [(a.purpose, a.value) for a in row.lines(role)]


# -- a carried-in remainder inside the planned cell --------------------------------------------

YEAR_ONE = (
    "Plānots 40 000,00 EUR, t.sk. 25 000,00 EUR " + CIVIL + "; 15 000,00 EUR " + MINORITY + "\t"
    "Faktiski 38 765,43 EUR, t.sk. 24 100,00 EUR " + CIVIL + "; 14 665,43 EUR " + MINORITY + ". "
    "Atlikums 1 234,57 EUR pārcelts uz nākamo gadu."
)


def test_a_carried_in_remainder_beside_the_planned_total(minimal_text: str) -> None:
    """ "Plānots 40 000,00 EUR un no iepriekšējā gada pārceltais atlikums 1 234,57 EUR,
    t.sk. …": the 1 234,57 came from year I (carried in), it is not this year's remainder;
    the lines after "t.sk." are planned lines (25 900,00 + 15 334,57 = 41 234,57, the planned
    40 000,00 with what was carried in), and the year spends 41 234,57 without an error."""
    text = _with_funding(
        minimal_text,
        [
            YEAR_ONE,
            "\tPlānots 40 000,00 EUR un no iepriekšējā gada pārceltais atlikums 1 234,57 EUR, "
            f"t.sk. 25 900,00 EUR {CIVIL}; 15 334,57 EUR {MINORITY}\t"
            f"Faktiski 41 234,57 EUR, t.sk. 25 900,00 EUR {CIVIL}; 15 334,57 EUR {MINORITY}",
        ],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    second = parsed.report.funding[1]
    assert _value(second, P) == Decimal("40000.00")
    assert _value(second, CARRIED_IN) == Decimal("1234.57")
    assert _lines(second, P) == [(CS, Decimal("25900.00")), (MN, Decimal("15334.57"))]
    assert _value(second, A) == Decimal("41234.57")
    assert _lines(second, A) == [(CS, Decimal("25900.00")), (MN, Decimal("15334.57"))]
    for role in (REMAINDER, CARRIED_OVER, RETURNED):
        assert second.total(role) is None and not second.lines(role)
    assert _funding_codes(parsed) == []
    # Which of 40 000,00 or 41 234,57 could be spent is not written: the plan is marked
    # incomplete (its sums are left alone), but the row's amounts were all read.
    assert [row.compared for row in parsed.report.funding] == [True, True]
    assert [row.plan_complete for row in parsed.report.funding] == [True, False]


def test_a_carried_in_remainder_in_the_planned_totals_parenthesis(minimal_text: str) -> None:
    """ "46 382,62 euro (45 000,00 euro un 1 382,62 euro atlikums no II. īstenošanas gada),
    t.sk. …": the parenthesis gives the parts of the planned total; 1 382,62 is carried in,
    45 000,00 is not a second planned total (the graph's checks compare the actual with every
    planned total), and the lines after it are planned lines."""
    text = _with_funding(
        minimal_text,
        [
            "Plānots 45 000,00 euro\tFaktiski 43 617,38 euro. "
            "Atlikums 1 382,62 euro pārcelts uz nākamo gadu.",
            "\tPlānots 46 382,62 euro (45 000,00 euro un 1 382,62 euro atlikums no II. "
            f"īstenošanas gada), t.sk. 28 785,10 euro {CIVIL}; 17 597,52 euro {MINORITY}\t"
            f"Faktiski 46 300,00 euro, t.sk. 28 785,10 euro {CIVIL}; 17 514,90 euro {MINORITY}. "
            "Atlikums 82,62 euro atgriezts KM.",
        ],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    second = parsed.report.funding[1]
    planned_totals = [a.value for a in second.amounts if a.role is P and a.purpose is None]
    assert planned_totals == [Decimal("46382.62")]
    assert [(a.purpose, a.value) for a in second.amounts if a.role is CARRIED_IN] == [
        (None, Decimal("1382.62"))
    ]
    assert _lines(second, P) == [(CS, Decimal("28785.10")), (MN, Decimal("17597.52"))]
    assert _value(second, A) == Decimal("46300.00")
    assert _value(second, RETURNED) == Decimal("82.62")
    assert second.total(REMAINDER) is None and not second.lines(REMAINDER)
    assert _funding_codes(parsed) == []


def test_a_carried_in_part_still_lets_a_real_overspend_be_found(minimal_text: str) -> None:
    """The planned total with its carried-in part is 11 000,00; spending 11 500,00 of it is
    more than planned, and the report says so itself: the finding stays."""
    text = _with_funding(
        minimal_text,
        [
            "Plānots 10 000,00 euro\tFaktiski 9 000,00 euro. "
            "Atlikums 1 000,00 euro pārcelts uz nākamo gadu.",
            "\tPlānots 11 000,00 euro (10 000,00 euro un 1 000,00 euro atlikums no I. "
            "īstenošanas gada)\tFaktiski 11 500,00 euro",
        ],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    second = parsed.report.funding[1]
    assert _value(second, P) == Decimal("11000.00")
    assert _value(second, CARRIED_IN) == Decimal("1000.00")
    assert "funding.actual-above-planned" in _funding_codes(parsed)


# -- the currency word before the amount -------------------------------------------------------


def test_a_remainder_with_the_currency_word_first(minimal_text: str) -> None:
    """ "Atlikums EUR 12.50" and "Atlikums EUR 100": the amounts are read (12,50 and 100)
    with their role; they were dropped and the remainder compared as if it were 0."""
    text = _with_funding(
        minimal_text,
        [
            "Plānots 10 000,00 euro\tFaktiski 9 987,50 euro. Atlikums EUR 12.50 atgriezts KM.",
            "\tPlānots 10 000,00 euro\tFaktiski 9 900,00 euro. Atlikums EUR 100 atgriezts KM.",
        ],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    first, second = parsed.report.funding
    assert _value(first, RETURNED) == Decimal("12.50")
    assert _value(second, RETURNED) == Decimal("100")
    assert _funding_codes(parsed) == []


def test_planned_and_actual_with_the_currency_word_first(minimal_text: str) -> None:
    """ "Plānots EUR 10000", "Faktiski EUR 9900": read, not a row with no amount; a wrong
    remainder written the same way is still found (9 900 leaves 100, not 10,50)."""
    text = _with_funding(
        minimal_text,
        [
            "Plānots EUR 10000\tFaktiski EUR 9900. Atlikums EUR 10.50 atgriezts KM.",
            "\tPlānots EUR 10 000\tFaktiski EUR 10 000",
        ],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    first, second = parsed.report.funding
    assert (_value(first, P), _value(first, A)) == (Decimal("10000"), Decimal("9900"))
    assert _value(first, RETURNED) == Decimal("10.50")
    assert (_value(second, P), _value(second, A)) == (Decimal("10000"), Decimal("10000"))
    assert _funding_codes(parsed) == ["funding.remainder-mismatch"]


def test_an_amount_in_words_is_reported_not_compared(minimal_text: str) -> None:
    """ "Atlikums simts eiro" (a hundred, in words) is not in the number grammar: it is an
    unread amount on its line, and its row is not compared as if the remainder were 0."""
    text = _with_funding(
        minimal_text,
        [
            "Plānots 10 000,00 euro\tFaktiski 9 900,00 euro. Atlikums simts eiro atgriezts KM.",
            "\tPlānots 10 000,00 euro\tFaktiski 10 000,00 euro",
        ],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    assert _funding_codes(parsed) == ["funding.unread-amount"]
    [unread] = [f for f in parsed.findings if f.code == "funding.unread-amount"]
    assert unread.span is not None
    assert "simts eiro" in text.split("\n")[unread.span.line - 1]
    assert [row.compared for row in parsed.report.funding] == [False, True]


# -- repaid is returned ------------------------------------------------------------------------


def test_repaid_is_returned(minimal_text: str) -> None:
    """ "atmaksāts valsts budžetā" and "atmaksāts KM" (repaid) say the money went back, as
    "atgriezts" does."""
    text = _with_funding(
        minimal_text,
        [
            "Plānots 10 000,00 euro\tFaktiski 9 900,00 euro. "
            "Atlikums 100,00 euro atmaksāts valsts budžetā.",
            "\tPlānots 10 000,00 euro\tFaktiski 9 950,00 euro. "
            "Neizmantotais finansējums 50,00 euro atmaksāts KM.",
        ],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    first, second = parsed.report.funding
    assert _value(first, RETURNED) == Decimal("100.00")
    assert _value(second, RETURNED) == Decimal("50.00")
    assert first.total(REMAINDER) is None and second.total(REMAINDER) is None
    assert _funding_codes(parsed) == []


# -- a table's header row ----------------------------------------------------------------------


def test_a_header_row_of_column_names_is_not_a_year(minimal_text: str) -> None:
    """ "Periods | Plānots | Faktiski | Atlikums" names the columns: no year, no amount
    missing; the two rows under it are the two years."""
    text = _with_funding(
        minimal_text,
        [
            "Periods | Plānots | Faktiski | Atlikums",
            "\tPlānots 10 000,00 euro | Faktiski 10 000,00 euro | Nav",
            "\tPlānots 12 000,00 euro | Faktiski 12 000,00 euro | Nav",
        ],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    rows = [(_value(r, P), _value(r, A)) for r in parsed.report.funding]
    assert rows == [
        (Decimal("10000.00"), Decimal("10000.00")),
        (Decimal("12000.00"), Decimal("12000.00")),
    ]
    assert _funding_codes(parsed) == []


# -- review: what carries money in, restated amounts, the parenthesis after an amount ----------

PLAN_LINES = f"30 000,00 euro {CIVIL}; - 20 000,00 euro {MINORITY}"
ACTUAL_ROW = (
    f"49 000,00 euro, t.sk. - 30 000,00 euro {CIVIL}; - 19 000,00 euro {MINORITY}. "
    "Atlikums 1 000,00 euro apmērā pārcelts uz nākamo periodu."
)
SECOND_ROW = f"\t50 000,00 euro, t.sk. - {PLAN_LINES}\t50 000,00 euro"


def test_the_year_before_named_elsewhere_carries_nothing_in(minimal_text: str) -> None:
    """ "Atbilstoši iepriekšējā gadā noslēgtajam līgumam 50 000,00 euro" (under the contract
    signed the year before), "t.sk. iepriekšējā gadā uzsāktajiem projektiem; - 20 000,00
    euro …" and "20 000,00 euro iepriekšējā gadā uzsākto … projektu pabeigšanai" (projects
    begun the year before) plan this year's money: nothing is carried in."""
    cells = [
        f"Atbilstoši iepriekšējā gadā noslēgtajam līgumam 50 000,00 euro, t.sk. - {PLAN_LINES}",
        f"50 000,00 euro, t.sk. - 30 000,00 euro {CIVIL}, t.sk. iepriekšējā gadā uzsāktajiem "
        f"projektiem; - 20 000,00 euro {MINORITY}",
        f"50 000,00 euro, t.sk. - 30 000,00 euro {CIVIL} un 20 000,00 euro iepriekšējā gadā "
        "uzsākto mazākumtautību nevalstisko organizāciju projektu pabeigšanai",
    ]
    for cell in cells:
        parsed = parse_text(_with_funding(minimal_text, [f"{cell}\t{ACTUAL_ROW}", SECOND_ROW]))
        assert parsed.report is not None
        first = parsed.report.funding[0]
        assert first.total(CARRIED_IN) is None and not first.lines(CARRIED_IN), cell
        assert _value(first, P) == Decimal("50000.00"), cell
        assert _lines(first, P) == [(CS, Decimal("30000.00")), (MN, Decimal("20000.00"))], cell
        assert (first.compared, first.plan_complete) == (True, True), cell
        assert _funding_codes(parsed) == [], cell


def test_carried_in_beside_the_plan_still_compares_the_actual(minimal_text: str) -> None:
    """ "50 000,00 euro un no iepriekšējā gada pārceltais atlikums 1 000,00 euro": 1 000,00
    is carried in and the plan is incomplete, but the actual lines (30 000,00 + 18 000,00 =
    48 000,00) still disagree with the actual total 49 000,00: that finding stays, and no
    remainder is compared against the plan alone."""
    text = _with_funding(
        minimal_text,
        [
            "50 000,00 euro un no iepriekšējā gada pārceltais atlikums 1 000,00 euro\t"
            f"49 000,00 euro, t.sk. - 30 000,00 euro {CIVIL}; - 18 000,00 euro {MINORITY}. "
            "Atlikums 1 000,00 euro apmērā pārcelts uz nākamo periodu.",
            SECOND_ROW,
        ],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    first = parsed.report.funding[0]
    assert _value(first, P) == Decimal("50000.00")
    assert _value(first, CARRIED_IN) == Decimal("1000.00")
    assert (first.compared, first.plan_complete) == (True, False)
    assert _funding_codes(parsed) == ["funding.sum-mismatch"]


def test_an_amount_restated_in_words_is_not_unread(minimal_text: str) -> None:
    """ "50 000,00 euro (piecdesmit tūkstoši euro)", and the same words after the lines of
    that total, restate 50 000 in words: no unread amount, and the row is compared (its
    actual lines 30 000,00 + 18 000,00 are not the 49 000,00 it states)."""
    for cell in (
        f"50 000,00 euro (piecdesmit tūkstoši euro), t.sk. - {PLAN_LINES}",
        f"50 000,00 euro, t.sk. - {PLAN_LINES} (piecdesmit tūkstoši euro)",
    ):
        text = _with_funding(
            minimal_text,
            [
                f"{cell}\t49 000,00 euro, t.sk. - 30 000,00 euro {CIVIL}; - 18 000,00 euro "
                f"{MINORITY}. Atlikums 1 000,00 euro apmērā pārcelts uz nākamo periodu.",
                SECOND_ROW,
            ],
        )
        parsed = parse_text(text)
        assert parsed.report is not None
        first = parsed.report.funding[0]
        assert _value(first, P) == Decimal("50000.00"), cell
        assert first.compared, cell
        assert "funding.unread-amount" not in _funding_codes(parsed), cell
        assert "funding.sum-mismatch" in _funding_codes(parsed), cell


def test_only_number_words_make_an_amount_in_words(minimal_text: str) -> None:
    """ "saskaņā ar vienošanos euro apmērā" has no number word: nothing unread there; "divi
    simti euro" (two hundred, not written in digits anywhere) is unread."""
    from pipeline.parse.funding_words import AMOUNT_IN_WORDS

    assert not AMOUNT_IN_WORDS.search("saskaņā ar vienošanos euro apmērā")
    assert not AMOUNT_IN_WORDS.search("divpusēji euro")
    assert not AMOUNT_IN_WORDS.search("simtgades EUR")
    text = _with_funding(
        minimal_text,
        [
            "Plānots 10 000,00 euro\tFaktiski 9 800,00 euro. Atlikums divi simti euro "
            "atgriezts KM.",
            "\tPlānots 10 000,00 euro\tFaktiski 10 000,00 euro",
        ],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    assert _funding_codes(parsed) == ["funding.unread-amount"]
    assert [row.compared for row in parsed.report.funding] == [False, True]


def test_a_remainder_moved_on_to_repay_later_is_carried_over(minimal_text: str) -> None:
    """ "pārcelts uz nākamo periodu, lai atmaksātu …" (moved to the next period to repay
    costs) and "netika atmaksāts, bet novirzīts uz …" (not repaid but moved) carry the
    remainder over; neither returns it."""
    text = _with_funding(
        minimal_text,
        [
            "Plānots 10 000,00 euro\tFaktiski 9 000,00 euro. Atlikums 1 000,00 euro apmērā "
            "pārcelts uz nākamo periodu, lai atmaksātu dalībnieku ceļa izdevumus.",
            "\tPlānots 10 000,00 euro\tFaktiski 9 500,00 euro. Atlikums 500,00 euro netika "
            "atmaksāts, bet novirzīts uz III. īstenošanas gadu.",
        ],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    first, second = parsed.report.funding
    assert _value(first, CARRIED_OVER) == Decimal("1000.00")
    assert _value(second, CARRIED_OVER) == Decimal("500.00")
    assert first.total(RETURNED) is None and second.total(RETURNED) is None
    assert _funding_codes(parsed) == []


def test_a_parenthesis_after_the_actual_is_read_not_dropped(minimal_text: str) -> None:
    """ "49 900,00 euro (100,00 euro atlikums atgriezts KM)": 100,00 is returned (it was
    dropped, and a remainder-mismatch followed). "50 000,00 euro (49 900,00 euro izlietoti
    un 100,00 euro atlikums no piešķirtā finansējuma atgriezts KM)": the remainder of the
    granted money is returned, not carried in; 49 900,00 cannot be a second actual total, so
    it is unread and the row compared with nothing."""
    text = _with_funding(
        minimal_text,
        [
            "Plānots 50 000,00 euro\tFaktiski 49 900,00 euro (100,00 euro atlikums atgriezts KM)",
            "\tPlānots 50 000,00 euro\tFaktiski 50 000,00 euro (49 900,00 euro izlietoti un "
            "100,00 euro atlikums no piešķirtā finansējuma atgriezts KM)",
        ],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    first, second = parsed.report.funding
    assert _value(first, A) == Decimal("49900.00")
    assert _value(first, RETURNED) == Decimal("100.00")
    assert first.compared
    assert second.total(CARRIED_IN) is None
    assert _value(second, RETURNED) == Decimal("100.00")
    assert [a.value for a in second.amounts if a.role is A] == [Decimal("50000.00")]
    assert not second.compared
    assert _funding_codes(parsed) == ["funding.unread-amount"]


def test_a_currency_word_takes_no_year_and_no_next_cell(minimal_text: str) -> None:
    """ "EUR 2021/2022" is a period, and "…, papildus EUR" ending a cell with "150 no
    rezerves" in the next row's cell is no "EUR 150": neither is an amount of money (2021
    or 150 euro would be a guess)."""
    text = _with_funding(
        minimal_text,
        [
            "Plānots 10 000,00 euro\tFaktiski 10 000,00 euro, finansējums EUR 2021/2022",
            "\tPlānots 10 000,00 euro, papildus EUR\tFaktiski 10 000,00 euro",
            "\t150 no rezerves\t",
        ],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    first, second = parsed.report.funding
    assert [(a.role, a.value) for a in first.amounts] == [
        (P, Decimal("10000.00")),
        (A, Decimal("10000.00")),
    ]
    assert [(a.role, a.value) for a in second.amounts] == [
        (P, Decimal("10000.00")),
        (A, Decimal("10000.00")),
    ]
