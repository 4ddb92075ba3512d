"""Funding forms of older and plainer reports: amounts in lati with their purpose after the
currency word ("12 000,00 latu pilsoniskās sabiedrības attīstībai"), calendar-year keys
without "gads" ("2018. gada finansējums:", "2019. g.:", "2020:"), comma rows keyed by a
bare year with no header ("2018,15000,14860,140"), and a remainder said with no words in
running text beside a sentence returning the same sum: which is not told, so the year is
compared with nothing. Every value was read from the fixture reports by hand.
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.model import Amount, AmountRole, FundingYear, Parsed, Purpose, Span
from pipeline.parse.funding_restated import cell_alone, settled_restated
from tests.conftest import FIXTURES, parse_text

E = Decimal
UNSEEN = FIXTURES / "reports" / "unseen"


def _parse(name: str, *replacements: tuple[str, str]) -> Parsed:
    text = (UNSEEN / name).read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return parse_text(text, name)


def _funding(parsed: Parsed) -> tuple[FundingYear, ...]:
    assert parsed.report is not None
    return parsed.report.funding


def _amounts(year: FundingYear) -> list[tuple[AmountRole, Purpose | None, Decimal | None, str]]:
    return [(a.role, a.purpose, a.value, a.currency) for a in year.amounts]


def _codes(parsed: Parsed) -> list[str]:
    return [f.code for f in parsed.findings]


# -- lati -------------------------------------------------------------------------------------
_LATI = "k10_zemgale_lati_purpose_lines_in_sentences.txt"
P, A, R = AmountRole.PLANNED, AmountRole.ACTUAL, AmountRole.RETURNED
CIVIL, MINORITY = Purpose.CIVIL_SOCIETY, Purpose.MINORITY_NGOS


def test_lati_purpose_lines_are_read_with_their_currency() -> None:
    parsed = _parse(_LATI)
    first, second = _funding(parsed)
    assert _amounts(first) == [
        (P, None, E("20000.00"), "LVL"),
        (P, CIVIL, E("12000.00"), "LVL"),
        (P, MINORITY, E("8000.00"), "LVL"),
        (A, None, E("19900.00"), "LVL"),
        (A, CIVIL, E("11950.00"), "LVL"),
        (A, MINORITY, E("7950.00"), "LVL"),
        (R, None, E("100.00"), "LVL"),
    ]
    assert _amounts(second) == [
        (P, None, E("20000.00"), "LVL"),
        (P, CIVIL, E("12000.00"), "LVL"),
        (P, MINORITY, E("8000.00"), "LVL"),
        (A, None, E("20000.00"), "LVL"),
        (A, CIVIL, E("12000.00"), "LVL"),
        (A, MINORITY, E("8000.00"), "LVL"),
    ]
    assert first.compared and second.compared
    # the words after the amount are its purpose's, the currency word no part of them
    assert next(a.label for a in first.amounts if a.purpose is CIVIL).startswith("pilsoniskās")
    assert _codes(parsed) == []


def test_a_lati_purpose_line_that_does_not_add_up_is_found() -> None:
    parsed = _parse(_LATI, ("t.sk. 11 950,00 latu", "t.sk. 11 850,00 latu"))
    assert _codes(parsed) == ["funding.sum-mismatch"]
    assert "LVL" in parsed.findings[0].message


# -- calendar-year keys without "gads" --------------------------------------------------------
_KEYS = "k10_zemgale_calendar_year_funding_keys.txt"


def test_calendar_year_keys_of_every_plain_form_key_their_rows() -> None:
    parsed = _parse(_KEYS)
    rows = _funding(parsed)
    assert [(y.calendar_year, [a.value for a in y.amounts]) for y in rows] == [
        (2018, [E("15000.00"), E("14800.00"), E("200.00")]),
        (2019, [E("20000.00"), E("19750.00"), E("250.00")]),
        (2020, [E("20000.00"), E("20000.00"), E("0.00")]),
    ]
    assert [a.role for a in rows[0].amounts] == [P, A, AmountRole.REMAINDER]
    assert all(y.compared for y in rows)
    assert [y.span.line for y in rows] == [33, 34, 35]
    assert "funding.unread-amount" not in _codes(parsed)


def test_a_planted_remainder_under_a_bare_year_key_is_found() -> None:
    parsed = _parse(_KEYS, ("faktiski 19 750,00 EUR", "faktiski 19 650,00 EUR"))
    found = [f for f in parsed.findings if f.code == "funding.remainder-mismatch"]
    assert [f.message for f in found] == [
        "calendar year 2019: planned minus actual is 350,00 EUR, but the report carries over, "
        "returns or leaves 250,00 EUR"
    ]


def test_a_year_key_without_a_colon_is_no_key() -> None:
    parsed = _parse(_KEYS, ("2020: plānots", "2020 plānots"))
    assert [y.calendar_year for y in _funding(parsed)][:2] == [2018, 2019]
    assert 2020 not in [y.calendar_year for y in _funding(parsed)]


# -- comma rows keyed by a bare year ----------------------------------------------------------
_COMMAS = "k10_vidzeme_comma_rows_bare_calendar_years.txt"


def test_comma_rows_keyed_by_a_bare_year_read_as_their_sums_say() -> None:
    parsed = _parse(_COMMAS)
    rows = _funding(parsed)
    assert [(y.calendar_year, _amounts(y)) for y in rows] == [
        (2018, [(P, None, E(15000), "EUR"), (A, None, E(14860), "EUR"), (AmountRole.REMAINDER, None, E(140), "EUR")]),
        (2019, [(P, None, E(20000), "EUR"), (A, None, E(19700), "EUR"), (AmountRole.REMAINDER, None, E(300), "EUR")]),
        (2020, [(P, None, E(20000), "EUR"), (A, None, E(20000), "EUR"), (AmountRole.REMAINDER, None, E(0), "EUR")]),
    ]  # fmt: skip
    assert "funding.missing-amount" not in _codes(parsed)


def test_a_bare_year_row_that_does_not_add_up_is_not_taken_for_a_year() -> None:
    # 20000 − 19700 is not 200: which number is which is not told, nor that 2019 is a year
    parsed = _parse(_COMMAS, ("2019,20000,19700,300", "2019,20000,19700,200"))
    assert 2019 not in [y.calendar_year for y in _funding(parsed)]
    assert "funding.remainder-mismatch" not in _codes(parsed)


# -- a remainder said twice, or two sums -------------------------------------------------------
_PROSE = "k10_latgale_remainder_and_return_of_one_sum_in_prose.txt"


def test_a_wordless_remainder_in_running_text_beside_a_return_is_not_guessed() -> None:
    # "atlikums 200,00 EUR." and "Neizmantotais finansējums 200,00 EUR apmērā atgriezts":
    # one sum said twice (then 400 = 200 is a contradiction) or two (then no contradiction)
    parsed = _parse(_PROSE)
    first, second = _funding(parsed)
    assert [a.value for a in first.amounts if a.role in (AmountRole.REMAINDER, R)] == [
        E("200.00"),
        E("200.00"),
    ]
    assert not first.compared
    assert second.compared
    assert "funding.remainder-mismatch" not in _codes(parsed)


def test_a_remainder_cell_beside_its_sentence_is_still_one_statement() -> None:
    parsed = _parse("funding_pipe_remainder_cell_and_returned_sentence.txt")
    second = _funding(parsed)[1]
    assert [(a.role, a.value) for a in second.amounts if a.role in (AmountRole.REMAINDER, R)] == [
        (R, E("150.00"))
    ]
    assert second.compared


def _amount(text: str, start: int, label: str, role: AmountRole) -> Amount:
    span = Span("r.txt", 1, 1, start, start + len(text) + len(label))
    return Amount(role, None, E("150.00"), text, label, span)


def test_only_an_amount_alone_between_a_tables_borders_is_a_cell() -> None:
    table = "2023\t20 000,00\t19 850,00\t150,00 EUR\nAtlikums 150,00 EUR atgriezts KM."
    cell = _amount("150,00", table.index("150,00"), "", AmountRole.REMAINDER)
    said = _amount("150,00", table.rindex("150,00"), " EUR atgriezts KM", R)
    assert settled_restated([cell, said], cell_alone(table)) == ([said], True)
    prose = "Atlikums 150,00 EUR. Vēl 150,00 EUR atgriezts KM."
    bare = _amount("150,00", prose.index("150,00"), "", AmountRole.REMAINDER)
    again = _amount("150,00", prose.rindex("150,00"), " EUR atgriezts KM", R)
    assert settled_restated([bare, again], cell_alone(prose)) == ([bare, again], False)
