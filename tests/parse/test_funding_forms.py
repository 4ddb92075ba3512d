"""Funding statements in forms the bundled reports do not use: a carried-in remainder inside
the planned cell, the currency word before the amount, "atmaksāts" (repaid) and a table's
header row. Each test is the clean minimal report with its two funding rows rewritten; the
expected values are read from the rows written here.
"""

from __future__ import annotations

from datetime import date
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


# -- calendar years with their part of the year, plans written as parts, whole euros -----------


def test_a_calendar_year_with_its_part_of_the_year_starts_a_year(minimal_text: str) -> None:
    """ "2022. gads (1.03.–31.12.2022.)" and "2023. gads (1.01.–28.02.2023.)" are calendar
    years with the part of the year they cover (its year written once): each starts a row,
    the second is not folded into the first (its 2 000,00 planned read as a second plan of
    2022, and a false remainder-mismatch)."""
    text = _with_funding(
        minimal_text,
        [
            "2022. gads (1.03.–31.12.2022.)\tPlānots 10 000,00 EUR\tFaktiski 9 500,00 EUR; "
            "atlikums 500,00 EUR pārcelts uz 2023. gadu",
            "\t2023. gads (1.01.–28.02.2023.)\tPlānots 2 000,00 EUR\tFaktiski 1 900,00 EUR; "
            "neizmantotais finansējums 100,00 EUR atmaksāts KM",
        ],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    first, second = parsed.report.funding
    assert (first.calendar_year, second.calendar_year) == (2022, 2023)
    assert first.period is not None and second.period is not None
    assert (first.period.start, first.period.end) == (date(2022, 3, 1), date(2022, 12, 31))
    assert (second.period.start, second.period.end) == (date(2023, 1, 1), date(2023, 2, 28))
    assert (_value(first, P), _value(first, A)) == (Decimal("10000.00"), Decimal("9500.00"))
    assert _value(first, CARRIED_OVER) == Decimal("500.00")
    assert (_value(second, P), _value(second, A)) == (Decimal("2000.00"), Decimal("1900.00"))
    assert _value(second, RETURNED) == Decimal("100.00")
    assert _funding_codes(parsed) == []


def test_a_plan_written_as_its_parts_and_their_sum(minimal_text: str) -> None:
    """ "Plānots 7 500,00 EUR + 350,00 EUR atlikums (kopā 7 850,00 EUR)": the year's own
    7 500,00 plus 350,00 left from the year before (added to the plan, so carried in, not
    this year's remainder), 7 850,00 in all. The sum is the planned total, as in "7 850,00
    euro (7 500,00 euro un 350,00 euro atlikums no I. gada)", and 7 500,00 stays in its
    label; 7 850,00 − 7 811,25 = 38,75 returned. A real overspend of the sum is found."""
    plan = "\tPlānots 7 500,00 EUR + 350,00 EUR atlikums (kopā 7 850,00 EUR)"
    first = "Plānots 10 000,00 EUR\tFaktiski 9 650,00 EUR; atlikums 350,00 EUR pārcelts uz II. gadu"
    text = _with_funding(
        minimal_text,
        [first, f"{plan}\tFaktiski 7 811,25 EUR; neizmantotais finansējums 38,75 EUR atmaksāts KM"],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    second = parsed.report.funding[1]
    assert [a.value for a in second.amounts if a.role is P] == [Decimal("7850.00")]
    planned = second.total(P)
    assert planned is not None and "7 500,00" in planned.label
    assert _value(second, CARRIED_IN) == Decimal("350.00")
    assert _value(second, A) == Decimal("7811.25")
    assert _value(second, RETURNED) == Decimal("38.75")
    assert second.total(REMAINDER) is None and not second.lines(REMAINDER)
    assert (second.compared, second.plan_complete) == (True, True)
    assert _funding_codes(parsed) == []
    overspent = parse_text(_with_funding(minimal_text, [first, f"{plan}\tFaktiski 7 900,00 EUR"]))
    # 7 900,00 is 50,00 more than the 7 850,00 planned, and nothing is left over.
    assert sorted(_funding_codes(overspent)) == [
        "funding.actual-above-planned",
        "funding.remainder-mismatch",
    ]


def test_parts_that_do_not_add_up_to_their_sum_are_not_compared(minimal_text: str) -> None:
    """ "7 500,00 EUR + 350,00 EUR atlikums (kopā 7 800,00 EUR)": which is the plan cannot
    be told; 7 800,00 is unread and the row compared with nothing (7 800,00 − 7 811,25 is
    no contradiction the reader could be sure of)."""
    text = _with_funding(
        minimal_text,
        [
            "Plānots 10 000,00 EUR\tFaktiski 10 000,00 EUR",
            "\tPlānots 7 500,00 EUR + 350,00 EUR atlikums (kopā 7 800,00 EUR)\t"
            "Faktiski 7 811,25 EUR; neizmantotais finansējums 38,75 EUR atmaksāts KM",
        ],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    second = parsed.report.funding[1]
    assert _value(second, CARRIED_IN) == Decimal("350.00")
    assert not second.compared
    assert _funding_codes(parsed) == ["funding.unread-amount"]


PLAN_LINES_2023 = f"t.sk. 27 000,00 EUR {CIVIL}; 18 587,60 EUR {MINORITY}"


def test_the_lines_of_a_plan_written_as_its_parts_are_planned(minimal_text: str) -> None:
    """ "Plānots 45 000,00 EUR + 587,60 EUR pārceltais atlikums no 2022. gada (kopā
    45 587,60 EUR), t.sk. 27 000,00 …; 18 587,60 …": planned 45 587,60 (45 000,00 of the
    year's own and 587,60 carried in), whose lines add up to it (27 000,00 + 18 587,60);
    the "atlikums" naming the carried-in part makes none of them remainders. A planned line
    that does not add up (18 500,00) is found against the sum and against its actual line."""
    first = (
        "Plānots 37 500,00 EUR\tFaktiski 36 912,40 EUR; atlikums 587,60 EUR pārcelts uz 2023. gadu"
    )
    plan = (
        "\tPlānots 45 000,00 EUR + 587,60 EUR pārceltais atlikums no 2022. gada "
        "(kopā 45 587,60 EUR), "
    )
    actual = f"\tFaktiski 45 587,60 EUR, {PLAN_LINES_2023}"
    parsed = parse_text(_with_funding(minimal_text, [first, plan + PLAN_LINES_2023 + actual]))
    assert parsed.report is not None
    second = parsed.report.funding[1]
    assert [a.value for a in second.amounts if a.role is P and a.purpose is None] == [
        Decimal("45587.60")
    ]
    assert _value(second, CARRIED_IN) == Decimal("587.60")
    assert _lines(second, P) == [(CS, Decimal("27000.00")), (MN, Decimal("18587.60"))]
    assert _lines(second, A) == [(CS, Decimal("27000.00")), (MN, Decimal("18587.60"))]
    for role in (REMAINDER, CARRIED_OVER, RETURNED):
        assert second.total(role) is None and not second.lines(role)
    assert _funding_codes(parsed) == []
    wrong = plan + PLAN_LINES_2023.replace("18 587,60", "18 500,00") + actual
    parsed = parse_text(_with_funding(minimal_text, [first, wrong]))
    # 27 000,00 + 18 500,00 is not 45 587,60, and 18 587,60 spent is more than 18 500,00.
    assert sorted(_funding_codes(parsed)) == [
        "funding.actual-above-planned",
        "funding.sum-mismatch",
    ]


def test_a_plan_and_money_carried_in_beside_it_keep_their_lines(minimal_text: str) -> None:
    """Without the sum written, "45 000,00 EUR + 587,60 EUR pārceltais atlikums no 2022.
    gada" and "45 000,00 EUR un 587,60 EUR pārceltais atlikums no I. īstenošanas gada" plan
    45 000,00 with 587,60 carried in beside it (45 000,00 was dropped); the lines after
    "t.sk." (27 000,00 + 18 587,60) are the plan's, not remainders, and as in "un no
    iepriekšējā gada pārceltais atlikums …" the plan is marked incomplete."""
    first = (
        "Plānots 45 000,00 EUR\tFaktiski 44 412,40 EUR; atlikums 587,60 EUR pārcelts uz II. gadu"
    )
    for cell in (
        "45 000,00 EUR + 587,60 EUR pārceltais atlikums no 2022. gada",
        "45 000,00 EUR un 587,60 EUR pārceltais atlikums no I. īstenošanas gada",
    ):
        row = f"\tPlānots {cell}, {PLAN_LINES_2023}\tFaktiski 45 587,60 EUR, {PLAN_LINES_2023}"
        parsed = parse_text(_with_funding(minimal_text, [first, row]))
        assert parsed.report is not None
        second = parsed.report.funding[1]
        assert _value(second, P) == Decimal("45000.00"), cell
        assert _value(second, CARRIED_IN) == Decimal("587.60"), cell
        assert _lines(second, P) == [(CS, Decimal("27000.00")), (MN, Decimal("18587.60"))], cell
        assert second.total(REMAINDER) is None and not second.lines(REMAINDER), cell
        assert (second.compared, second.plan_complete) == (True, False), cell
        assert _funding_codes(parsed) == [], cell


def test_parts_with_the_currency_sign_first_give_the_planned_total(minimal_text: str) -> None:
    """ "Plānots € 41 200 (€ 40 000 + € 1 200 pārceltais atlikums), t.sk. € 24 000 …;
    € 17 200 …": 41 200 is planned, 1 200 of it carried in; the lines (24 000 + 17 200 =
    41 200) are the plan's, not remainder lines (a false sum-mismatch of 17 200 against
    24 000 followed)."""
    lines = f"t.sk. € 24 000 {CIVIL}; € 17 200 {MINORITY}"
    text = _with_funding(
        minimal_text,
        [
            "Plānots € 40 000\tFaktiski € 38 800. Atlikums € 1 200 pārcelts uz II. gadu.",
            f"\tPlānots € 41 200 (€ 40 000 + € 1 200 pārceltais atlikums), {lines}\t"
            f"Faktiski € 41 200, {lines}",
        ],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    second = parsed.report.funding[1]
    assert [a.value for a in second.amounts if a.role is P and a.purpose is None] == [
        Decimal("41200")
    ]
    assert _value(second, CARRIED_IN) == Decimal("1200")
    assert _lines(second, P) == [(CS, Decimal("24000")), (MN, Decimal("17200"))]
    assert _lines(second, A) == [(CS, Decimal("24000")), (MN, Decimal("17200"))]
    assert second.total(REMAINDER) is None and not second.lines(REMAINDER)
    assert (second.compared, second.plan_complete) == (True, True)
    assert _funding_codes(parsed) == []


def test_whole_euros_written_with_a_dash(minimal_text: str) -> None:
    """ "EUR 40 000,-" is 40 000,00 (whole euros): the totals, their lines and the remainder
    are read (the lines were unread and lost); 40 000 − 38 800 = 1 200 carried over, and a
    wrong line (14 800 + 24 000 = 38 800, not 39 800) is still found."""
    plan = f"Plānots EUR 40 000,- (t.sk. EUR 24 000,- {CIVIL}; EUR 16 000,- {MINORITY})"
    actual = (
        "\tFaktiski EUR {total},- (t.sk. EUR 24 000,- "
        + CIVIL
        + "; EUR 14 800,- "
        + MINORITY
        + "). "
        "Atlikums EUR {rest},- pārcelts uz II. īstenošanas gadu."
    )
    second = "\tPlānots 41 200,00 euro\tFaktiski 41 200,00 euro"
    text = _with_funding(minimal_text, [plan + actual.format(total="38 800", rest="1 200"), second])
    parsed = parse_text(text)
    assert parsed.report is not None
    first = parsed.report.funding[0]
    assert (_value(first, P), _value(first, A)) == (Decimal("40000"), Decimal("38800"))
    assert _lines(first, P) == [(CS, Decimal("24000")), (MN, Decimal("16000"))]
    assert _lines(first, A) == [(CS, Decimal("24000")), (MN, Decimal("14800"))]
    assert _value(first, CARRIED_OVER) == Decimal("1200")
    assert first.compared
    assert _funding_codes(parsed) == []
    wrong = _with_funding(minimal_text, [plan + actual.format(total="39 800", rest="200"), second])
    assert _funding_codes(parse_text(wrong)) == ["funding.sum-mismatch"]


def test_funding_not_granted_is_nothing_planned_and_nothing_spent(minimal_text: str) -> None:
    """ "Finansējums netika piešķirts un izlietots (0,00 euro)" (not granted and not spent):
    0,00 planned and 0,00 spent, not only 0,00 spent."""
    text = _with_funding(
        minimal_text,
        [
            "1. īstenošanas gads\tPlānots: 30 000,00 euro; faktiski izlietots: 28 450,00 euro; "
            "atlikums: 1 550,00 euro atgriezts valsts budžetā.",
            "\t2. īstenošanas gads\tFinansējums netika piešķirts un izlietots (0,00 euro).",
        ],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    first, second = parsed.report.funding
    assert _value(first, RETURNED) == Decimal("1550.00")
    assert [(a.role, a.value) for a in second.amounts] == [
        (P, Decimal("0.00")),
        (A, Decimal("0.00")),
    ]
    assert _funding_codes(parsed) == []


def test_a_sum_no_form_reads_is_not_compared(minimal_text: str) -> None:
    """ "Faktiski 7 000,00 euro + 811,25 euro" is a sum of two actual amounts written in no
    known form: 7 000,00 was dropped and 811,25 compared as the whole actual (a false
    remainder-mismatch against the planned 7 850,00). It is unread, the row compared with
    nothing."""
    text = _with_funding(
        minimal_text,
        [
            "Plānots 10 000,00 euro\tFaktiski 10 000,00 euro",
            "\tPlānots 7 850,00 euro\tFaktiski 7 000,00 euro + 811,25 euro. "
            "Atlikums 38,75 euro atgriezts KM.",
        ],
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    assert [row.compared for row in parsed.report.funding] == [True, False]
    assert _funding_codes(parsed) == ["funding.unread-amount"]


def _parsed(minimal_text: str, rows: list[str]) -> Parsed:
    """The minimal report with these funding rows, read."""
    parsed = parse_text(_with_funding(minimal_text, rows))
    assert parsed.report is not None
    return parsed


def _funding(parsed: Parsed) -> tuple[FundingYear, ...]:
    assert parsed.report is not None
    return parsed.report.funding
