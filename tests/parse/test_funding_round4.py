"""Funding forms of round 4 (an independent review's probes, testers 9 and 10): a calendar
year's sentence inside prose written per implementation year ("II. īstenošanas gadā plānoti
…; 2024. gadā papildus piešķirti …"); "t.sk." with lines for only some purposes; a "t.sk."
row of a purpose that is none of the two; amounts in thousands; a struck or corrected
amount; a carried-in clause ending at ";"; a footnote mark after an amount; a note beside a
table cell's amount; purpose lines wrapped from an indent to the margin. Every expected
value is read from the text written here.
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.model import AmountRole, FundingYear, Parsed, Purpose
from tests.conftest import parse_text

P, A = AmountRole.PLANNED, AmountRole.ACTUAL
CIVIL, MINORITY = Purpose.CIVIL_SOCIETY, Purpose.MINORITY_NGOS
LABEL = "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem"
CONTRADICTIONS = {
    "funding.sum-mismatch",
    "funding.actual-above-planned",
    "funding.remainder-mismatch",
}
# A report of two implementation years (15.07.2022.–14.07.2024.) up to its funding section.
HEAD = "Kopsavilkums\npar atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības un starpkultūru sadarbības attīstības un mazākumtautību nevalstisko organizāciju līdzdalības veicināšanas jomā Zemgales reģionā\n(2022-2024)\n\nValsts pārvaldes uzdevums\tPar atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības un starpkultūru sadarbības attīstības un mazākumtautību nevalstisko organizāciju līdzdalības veicināšanas jomā Zemgales reģionā\nValsts pārvaldes uzdevuma veicējs\tBiedrība „Zemgales NVO centrs”, reģistrācijas Nr. 40008000002\nValsts pārvaldes uzdevuma deleģēšanas periods\t2022. gada 15. jūlijs – 2024. gada 14. jūlijs\nApraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā paredzētajiem mērķiem\tI. ĪSTENOŠANAS GADS (15.07.2022.–14.07.2023.)\n1) organizēti 3 semināri Jelgavā, kopā 45 dalībnieki;\n2) sniegtas 20 konsultācijas;\n\nZemgales mazākumtautību kapacitātes celšanai:\n1) atbalstītas 2 organizācijas;\nII. ĪSTENOŠANAS GADS (15.07.2023.–14.07.2024.)\n1) organizēti 4 semināri Dobelē;\nZemgales mazākumtautību kapacitātes celšanai:\n1) atbalstītas 3 organizācijas;\n\n"
TAIL = (
    "Neatbilstoši veiktie izdevumi\tNav\n"
    "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem\tNav\n"
    "Cita informācija\tNav\n"
)


def _parse(*funding: str) -> Parsed:
    return parse_text(HEAD + LABEL + "\n" + "\n".join(funding) + "\n" + TAIL)


def _years(parsed: Parsed) -> tuple[FundingYear, ...]:
    assert parsed.report is not None
    return parsed.report.funding


def _contradictions(parsed: Parsed) -> list[str]:
    return [f.code for f in parsed.findings if f.code in CONTRADICTIONS]


def _unread(parsed: Parsed) -> list[str]:
    return [f.message for f in parsed.findings if f.code == "funding.unread-amount"]


def _total(year: FundingYear, role: AmountRole) -> Decimal | None:
    total = year.total(role)
    return total.value if total is not None else None


def _lines(year: FundingYear, role: AmountRole) -> dict[Purpose | None, Decimal | None]:
    return {a.purpose: a.value for a in year.lines(role)}


def _values(parsed: Parsed) -> set[Decimal]:
    return {a.value for y in _years(parsed) for a in y.amounts if a.value is not None}


# -- a calendar year's sentence in prose per implementation year (review 1, 3) -----------------
def test_a_calendar_sentence_inside_an_implementation_year_is_that_years() -> None:
    parsed = _parse(
        "I. īstenošanas gadā plānoti 50 000 EUR, izlietoti 50 000 EUR.",
        "II. īstenošanas gadā plānoti 50 000 EUR. 2024. gadā papildus piešķirti 2 000 EUR. "
        "Kopā izlietoti 51 500 EUR, atlikums 500 EUR atgriezts valsts budžetā.",
    )
    years = _years(parsed)
    assert [y.calendar_year for y in years] == [None, None]
    assert [y.ordinal for y in years] == [1, 2]
    assert (_total(years[0], P), _total(years[0], A)) == (Decimal(50000), Decimal(50000))
    # 2 000 granted on top of the plan: what could be spent is 52 000, written nowhere
    assert not years[1].plan_complete
    assert _total(years[1], A) == Decimal(51500)
    assert _contradictions(parsed) == []


def test_a_filler_sentence_of_a_calendar_year_opens_no_year() -> None:
    parsed = _parse(
        "Pirmajā īstenošanas gadā plānoti 50 000 EUR, izlietoti 50 000 EUR. 2023. gadā "
        "finansējums netika samazināts. Otrajā īstenošanas gadā plānoti 50 000 EUR, izlietoti "
        "49 500 EUR, atlikums 500 EUR atgriezts."
    )
    years = _years(parsed)
    assert [(y.ordinal, y.calendar_year) for y in years] == [(1, None), (2, None)]
    assert (_total(years[1], P), _total(years[1], A)) == (Decimal(50000), Decimal(49500))
    assert _total(years[1], AmountRole.RETURNED) == Decimal(500)
    assert _contradictions(parsed) == []


def test_money_granted_in_a_calendar_year_inside_year_two_is_not_that_calendar_years() -> None:
    parsed = _parse(
        "I. īstenošanas gadā plānoti 50 000 EUR, izlietoti 50 000 EUR.",
        "II. īstenošanas gadā plānoti 50 000 EUR, izlietoti 49 500 EUR; 2024. gadā piešķirti "
        "vēl 2 000 EUR papildu pasākumiem, atlikums 500 EUR atgriezts.",
    )
    years = _years(parsed)
    assert all(y.calendar_year is None for y in years)
    assert Decimal(2000) not in _values(parsed)
    assert _total(years[1], P) == Decimal(50000)
    assert _contradictions(parsed) == []


def test_prose_per_calendar_year_is_still_read_per_calendar_year() -> None:
    parsed = _parse(
        "2022. gadā piešķirti 20 000 EUR, izlietoti 20 000 EUR. 2023. gadā piešķirti 50 000 "
        "EUR, izlietoti 49 000 EUR, atlikums 1 000 EUR atgriezts."
    )
    years = _years(parsed)
    assert [y.calendar_year for y in years] == [2022, 2023]
    assert _total(years[1], A) == Decimal(49000)


# -- "t.sk." with lines for only some purposes (review 2) --------------------------------------
def test_one_purpose_line_under_including_is_no_sum_mismatch() -> None:
    parsed = _parse(
        "I. īstenošanas gads (15.07.2022.–14.07.2023.)",
        "Plānotais finansējums: EUR 50 000, t. sk.",
        "  mazākumtautību NVO attīstības un ilgtspējas veicināšanai: EUR 20 000",
        "Faktiski izlietots: EUR 50 000",
    )
    year = _years(parsed)[0]
    assert _total(year, P) == Decimal(50000)
    assert _contradictions(parsed) == []
    assert any("20 000" in m for m in _unread(parsed))


def test_one_purpose_row_under_a_year_row_is_no_sum_mismatch() -> None:
    parsed = _parse(
        "Periods\tPlānots\tFaktiski",
        "I (15.07.2022.–14.07.2023.)\t50 000,00\t50 000,00",
        "t.sk. mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai"
        "\t20 000,00\t20 000,00",
        "II (15.07.2023.–14.07.2024.)\t50 000,00\t50 000,00",
    )
    assert _contradictions(parsed) == []
    assert [_total(y, P) for y in _years(parsed)] == [Decimal(50000), Decimal(50000)]


def test_lines_of_both_purposes_that_fall_short_are_still_a_sum_mismatch() -> None:
    parsed = _parse(
        "I. īstenošanas gads (15.07.2022.–14.07.2023.)",
        "Plānotais finansējums: EUR 50 000, t. sk.",
        "  pilsoniskās sabiedrības attīstībai Zemgales reģionā: EUR 29 000",
        "  mazākumtautību NVO attīstības un ilgtspējas veicināšanai: EUR 20 000",
        "Faktiski izlietots: EUR 50 000",
    )
    assert _contradictions(parsed) == ["funding.sum-mismatch"]


# -- a "t.sk." row of another purpose (review 6) -----------------------------------------------
def test_an_including_row_of_an_unknown_purpose_is_no_year() -> None:
    parsed = _parse(
        "Periods\tPlānots\tFaktiski",
        "I (15.07.2022.–14.07.2023.)\t50 000,00\t50 000,00",
        "t.sk. atlīdzībai\t20 000,00\t20 000,00",
        "II (15.07.2023.–14.07.2024.)\t50 000,00\t49 500,00",
        "t.sk. atlīdzībai\t20 000,00\t19 500,00",
        "Atlikums 500,00 EUR atgriezts valsts budžetā",
    )
    years = _years(parsed)
    assert [y.ordinal for y in years] == [1, 2]
    assert _total(years[1], A) == Decimal("49500.00")
    assert _contradictions(parsed) == []
    assert sum("20 000,00" in m for m in _unread(parsed)) == 3


# -- thousands (review 7) ----------------------------------------------------------------------
def test_an_amount_in_thousands_is_unread_not_published() -> None:
    parsed = _parse(
        "I. īstenošanas gads (15.07.2022.–14.07.2023.)",
        "Plānots 24,3 tūkst. EUR, faktiski 24 347,60 EUR.",
    )
    assert Decimal(24300) not in _values(parsed)
    assert _total(_years(parsed)[0], A) == Decimal("24347.60")
    assert any("24,3 tūkst. EUR" in m for m in _unread(parsed))


# -- a struck or corrected amount ------------------------------------------------
_LINES = (
    "euro, t.sk. 20 000,00 euro pilsoniskās sabiedrības attīstībai un 10 000,00 euro "
    "mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai."
)


def test_a_struck_amount_is_no_amount_the_one_after_it_is() -> None:
    parsed = _parse(
        "I. īstenošanas gads (15.07.2022.–14.07.2023.)",
        f"Plānots: ~~31 000,00~~ 30 000,00 {_LINES}",
        "Faktiski: 30 000,00 euro.",
    )
    year = _years(parsed)[0]
    assert _total(year, P) == Decimal("30000.00")
    assert _lines(year, P) == {CIVIL: Decimal("20000.00"), MINORITY: Decimal("10000.00")}
    assert Decimal(31000) not in _values(parsed)


def test_an_amount_corrected_in_its_parenthesis_is_the_correction() -> None:
    parsed = _parse(
        "I. īstenošanas gads (15.07.2022.–14.07.2023.)",
        f"Plānots 31 000,00 (labots uz 30 000,00) {_LINES}",
        "Faktiski: 30 000,00 euro.",
    )
    assert _total(_years(parsed)[0], P) == Decimal("30000.00")
    assert Decimal(31000) not in _values(parsed)


# -- a carried-in clause ends at ";" ---------------------------------------------
def test_the_line_after_a_carried_in_clause_is_no_remainder() -> None:
    parsed = _parse(
        "1. gads (15.07.2022.–14.07.2023.): plānots 49 000,00 euro; faktiski 48 912,70 euro; "
        "atlikums 87,30 euro pārcelts uz 2. gadu.",
        "2. gads (15.07.2023.–14.07.2024.): plānots 49 087,30 euro (30 087,30 euro pilsoniskās "
        "sabiedrības attīstībai Rīgas reģionā, t.sk. 87,30 euro pārceltais atlikums; 19 000,00 "
        "euro mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai); "
        "faktiski 49 087,30 euro; atlikums – nav.",
    )
    year = _years(parsed)[1]
    remainders = [a for a in year.amounts if a.role is AmountRole.REMAINDER]
    assert [a.value for a in remainders if a.value] == []
    assert _lines(year, P) == {CIVIL: Decimal("30087.30"), MINORITY: Decimal("19000.00")}
    assert _contradictions(parsed) == []


# -- a footnote mark after an amount ---------------------------------------------
def test_a_footnote_mark_after_an_amount_leaves_its_lines_read() -> None:
    parsed = _parse(
        "I. īstenošanas gads (15.07.2022.–14.07.2023.)",
        "Plānots 30 000,00⁴ euro, t.sk.",
        "- 20 000,00 euro pilsoniskās sabiedrības attīstībai Vidzemes reģionā;",
        "- 10 000,00 euro mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas "
        "veicināšanai.",
        "Faktiski 30 000,00 euro.",
    )
    year = _years(parsed)[0]
    assert _total(year, P) == Decimal("30000.00")
    assert _lines(year, P) == {CIVIL: Decimal("20000.00"), MINORITY: Decimal("10000.00")}
    assert year.compared


# -- a note beside a cell's amount -----------------------------------------------
_HEADER = "Gads\tMērķis\tPlānots, EUR\tFaktiski, EUR\tAtlikums, EUR"
_CIV = "pilsoniskās sabiedrības attīstībai Kurzemes reģionā"
_MIN = "mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai"


_YEAR_TWO = (
    f"2. gads (15.07.2023.–14.07.2024.)\t{_CIV}\t30 350,00\t30 350,00\t0,00",
    f"\t{_MIN}\t19 000,00\t19 000,00\t0,00",
    "\tKopā\t49 350,00\t49 350,00\t0,00",
)


def test_a_remainder_cell_with_its_destination_is_read() -> None:
    parsed = _parse(
        _HEADER,
        f"1. gads (15.07.2022.–14.07.2023.)\t{_CIV}\t30 000,00\t29 650,00\t"
        "350,00 (pārcelts uz 2. gadu)",
        f"\t{_MIN}\t19 000,00\t19 000,00\t0,00",
        "\tKopā\t49 000,00\t48 560,00\t350,00",
        *_YEAR_TWO,
    )
    year = _years(parsed)[0]
    assert year.compared
    assert _lines(year, AmountRole.CARRIED_OVER) == {CIVIL: Decimal("350.00")}
    # the planted error: the lines add up to 48 650,00, and 49 000 − 48 560 is 440
    assert sorted(_contradictions(parsed)) == ["funding.remainder-mismatch", "funding.sum-mismatch"]


def test_a_remainder_cell_with_its_destination_in_a_consistent_year_is_quiet() -> None:
    parsed = _parse(
        _HEADER,
        f"1. gads (15.07.2022.–14.07.2023.)\t{_CIV}\t30 000,00\t29 650,00\t"
        "350,00 (pārcelts uz 2. gadu)",
        f"\t{_MIN}\t19 000,00\t19 000,00\t0,00",
        "\tKopā\t49 000,00\t48 650,00\t350,00",
        *_YEAR_TWO,
    )
    assert _years(parsed)[0].compared
    assert _contradictions(parsed) == []


# -- purpose lines wrapped from their indent to the margin (variant "rewrapped") ---------------
def test_a_purpose_line_wrapped_to_the_margin_keeps_its_amount() -> None:
    parsed = _parse(
        "1. īstenošanas gads (15.07.2022.–14.07.2023.)",
        "Plānotais finansējums: EUR 50 000",
        "  pilsoniskās sabiedrības attīstībai Kurzemes",
        "reģionā: EUR 30 000",
        "  mazākumtautību NVO attīstības un ilgtspējas",
        "veicināšanai: EUR 20 000",
        "Faktiski izlietots: 27.415,80 €",
        "  pilsoniskās sabiedrības attīstībai Kurzemes",
        "reģionā: 16.902,35 €",
        "  mazākumtautību NVO attīstības un ilgtspējas",
        "veicināšanai: 10.513,45 €",
    )
    year = _years(parsed)[0]
    assert _lines(year, P) == {CIVIL: Decimal(30000), MINORITY: Decimal(20000)}
    assert _lines(year, A) == {CIVIL: Decimal("16902.35"), MINORITY: Decimal("10513.45")}
    assert _total(year, A) == Decimal("27415.80")
