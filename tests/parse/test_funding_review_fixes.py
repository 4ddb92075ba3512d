"""Funding forms that read wrong or raised a false finding: a label naming the value added
tax before a year's own total ("Faktiski izlietots, ieskaitot PVN: …"); a year's own
"Faktiski izlietots kopā: …" taken for the money spent over the whole contract; that money
compared with a funding section that leaves out a year; an irregular expenditure in
thousands ("1,25 tūkst. euro") compared with the amount not recovered; a count column's
cell glued by a tab to the amount after it. Each report is a short Kurzeme report written
out below, its amounts read by hand from the text.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.model import AmountRole, Parsed, Report
from pipeline.parse import parse_text
from tests.parse.golden import CS, MN, A, P, amounts

E = Decimal
R = AmountRole.REMAINDER

_HEAD = """\
Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības un \
mazākumtautību nevalstisko organizāciju līdzdalības veicināšanas jomā Kurzemes reģionā (2022-2025)

Valsts pārvaldes uzdevums: Par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās \
sabiedrības un mazākumtautību nevalstisko organizāciju līdzdalības veicināšanas jomā Kurzemes reģionā

Valsts pārvaldes uzdevuma veicējs: Biedrība „Kurzemes NVO centrs”, reģistrācijas Nr. 40008012345

Valsts pārvaldes uzdevuma deleģēšanas periods: 15.07.2022.–14.07.2025.

Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem \
rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā \
paredzētajiem mērķiem:

I. ĪSTENOŠANAS GADS (15.07.2022.–14.07.2023.)
1) Organizēti 2 NVO forumi, kopā piedalījās 143 dalībnieki;
2) sniegtas 88 konsultācijas.

II. ĪSTENOŠANAS GADS (15.07.2023.–14.07.2024.)
1) Organizēts 1 NVO forums (96 dalībnieki);
2) sniegtas 102 konsultācijas.

III. ĪSTENOŠANAS GADS (15.07.2024.–14.07.2025.)
1) Organizēti 2 NVO forumi, kopā 171 dalībnieks;
2) sniegtas 94 konsultācijas.

Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem:

"""
_NONE = """
Neatbilstoši veiktie izdevumi: {irregular}

Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem: {unrecovered}

Cita informācija: Nav
"""
_CS = "pilsoniskās sabiedrības attīstībai Kurzemes reģionā"
_MN = "mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai"
_PLAN = f"Plānots 49 000,00 EUR, t.sk. 30 000,00 EUR {_CS}; 19 000,00 EUR {_MN}."
_Y1 = f"I. īstenošanas gads (15.07.2022.–14.07.2023.)\n{_PLAN}\n"
_Y2 = (
    f"II. īstenošanas gads (15.07.2023.–14.07.2024.)\n{_PLAN}\n"
    f"Faktiski 49 000,00 EUR, t.sk. 30 000,00 EUR {_CS}; 19 000,00 EUR {_MN}.\n"
)
_Y3 = f"III. īstenošanas gads (15.07.2024.–14.07.2025.)\n{_PLAN}\n"
_Y3_ACTUAL = f"Faktiski 48 955,10 EUR, t.sk. 29 955,10 EUR {_CS}; 19 000,00 EUR {_MN}.\n"
_Y1_LINES = f"30 000,00 EUR {_CS}; 18 612,30 EUR {_MN}."


def _parse(funding: str, irregular: str = "Nav", unrecovered: str = "Nav") -> Parsed:
    text = _HEAD + funding + _NONE.format(irregular=irregular, unrecovered=unrecovered)
    return parse_text(text, "kurzeme.txt")


def _report(parsed: Parsed) -> Report:
    assert parsed.report is not None
    return parsed.report


def _codes(parsed: Parsed) -> list[str]:
    """The warnings and errors, by code."""
    return sorted(f.code for f in parsed.findings if f.severity.value in ("warning", "error"))


def _unread(parsed: Parsed) -> list[str]:
    return [f.message for f in parsed.findings if f.code == "funding.unread-amount"]


_YEAR_ONE = {
    (P, None, E("49000.00")), (P, CS, E("30000.00")), (P, MN, E("19000.00")),
    (A, None, E("48612.30")), (A, CS, E("30000.00")), (A, MN, E("18612.30")),
}  # fmt: skip


# -- a label naming the value added tax before a year's own total ---------------------------
@pytest.mark.parametrize(
    "label",
    [
        "Faktiski izlietots, ieskaitot PVN: 48 612,30 EUR",
        "Faktiski izlietots kopā ar PVN 48 612,30 EUR",
    ],
)
def test_a_total_whose_label_names_the_tax_is_the_years_actual(label: str) -> None:
    # year II writes the tax as a note after its total: "49 000,00 EUR (t.sk. PVN 8 504,13
    # EUR)", the tax part of it, no amount of the year
    y2 = _Y2.replace("Faktiski 49 000,00 EUR,", "Faktiski 49 000,00 EUR (t.sk. PVN 8 504,13 EUR),")
    parsed = _parse(f"{_Y1}{label}, t.sk. {_Y1_LINES}\n\n{y2}\n{_Y3}{_Y3_ACTUAL}")
    rep = _report(parsed)
    assert amounts(rep.funding[0]) == _YEAR_ONE
    assert E("8504.13") not in {a.value for a in rep.funding[1].amounts}
    assert [row.compared for row in rep.funding] == [True, True, True]
    # I: 49 000,00 − 48 612,30 = 387,70 left, which the report does not say what became of;
    # III: 49 000,00 − 48 955,10 = 44,90 likewise. No sum is otherwise wrong.
    assert _codes(parsed) == ["funding.remainder-mismatch", "funding.remainder-mismatch"]
    unread = _unread(parsed)
    assert len(unread) == 1 and "8 504,13" in unread[0]


# -- a year's own "Faktiski izlietots kopā" and the money spent over the contract ------------
def test_a_years_own_spent_total_is_no_total_over_the_contract() -> None:
    # year I's own "Faktiski izlietots kopā: 48 612,30 EUR" with its lines on the next line;
    # after every year, in a paragraph of its own, the contract's "Izlietotais finansējums
    # kopā: 146 000,00 EUR" where the years spent 48 612,30 + 49 000,00 + 48 955,10 =
    # 146 567,40
    year_one = f"{_Y1}Faktiski izlietots kopā: 48 612,30 EUR\nt.sk. {_Y1_LINES}\n"
    parsed = _parse(
        f"{year_one}\n{_Y2}\n{_Y3}{_Y3_ACTUAL}\nIzlietotais finansējums kopā: 146 000,00 EUR\n"
    )
    rep = _report(parsed)
    assert amounts(rep.funding[0]) == _YEAR_ONE
    assert "funding.sum-mismatch" not in _codes(parsed)
    found = [f for f in parsed.findings if f.code == "funding.contract-total-mismatch"]
    assert len(found) == 1 and "146 567,40" in found[0].message
    assert "146 000,00" in found[0].message


def test_the_last_years_own_spent_total_is_no_total_over_the_contract() -> None:
    # year III ends with its own "Faktiski izlietots kopā: 48 955,10 EUR" under its plan,
    # the last amount of the section: still that year's actual
    parsed = _parse(
        f"{_Y1}Faktiski 48 612,30 EUR, t.sk. {_Y1_LINES}\n\n{_Y2}\n{_Y3}"
        "Faktiski izlietots kopā: 48 955,10 EUR\n"
    )
    rep = _report(parsed)
    assert len(rep.funding) == 3
    actual = rep.funding[2].total(A)
    assert actual is not None and actual.value == E("48955.10")
    assert _unread(parsed) == []
    assert "funding.contract-total-mismatch" not in _codes(parsed)


def test_the_total_over_the_contract_is_not_compared_with_a_year_left_out() -> None:
    # the description lists years I–III, the funding section only I and II, then
    # "Izlietotais finansējums kopā: 146 567,40 EUR" (all three years): 48 612,30 +
    # 49 000,00 = 97 612,30 is not all of it, so nothing is compared
    parsed = _parse(
        f"{_Y1}Faktiski 48 612,30 EUR, t.sk. {_Y1_LINES}\n\n{_Y2}\n"
        "Izlietotais finansējums kopā: 146 567,40 EUR\n"
    )
    assert [row.ordinal for row in _report(parsed).funding] == [1, 2]
    assert "funding.contract-total-mismatch" not in _codes(parsed)
    assert any("146 567,40" in message for message in _unread(parsed))


# -- an irregular expenditure in thousands ---------------------------------------------------
def test_an_irregular_expenditure_in_thousands_is_left_unread() -> None:
    # "1,25 tūkst. euro" is rounded: the true figure is not written, so the 450,00 not
    # recovered is compared with nothing (and 1,25 is no euro amount of the report's)
    parsed = _parse(
        f"{_Y1}Faktiski 48 612,30 EUR, t.sk. {_Y1_LINES}\n\n{_Y2}\n{_Y3}{_Y3_ACTUAL}",
        irregular="1,25 tūkst. euro (telpu noma bez līguma)",
        unrecovered="450,00 euro",
    )
    rep = _report(parsed)
    assert rep.irregular_expenditure is not None
    assert rep.irregular_expenditure.text.value == "1,25 tūkst. euro (telpu noma bez līguma)"
    assert not rep.irregular_expenditure.none
    assert rep.irregular_expenditure.value is None
    assert rep.unrecovered_amount is not None
    assert rep.unrecovered_amount.value == E("450.00")
    assert not [c for c in _codes(parsed) if c.startswith("irregular.")]


# -- a tab between a count column's cell and an amount ---------------------------------------
def test_a_count_cell_before_an_amount_is_a_cell_of_its_own() -> None:
    # "I. gads | 49 000,00 EUR | 48 612,30 EUR | 12 | 387,70 EUR": 12 events, 387,70 left
    table = (
        "Gads\tPlānots\tFaktiski\tPasākumu skaits\tAtlikums\n"
        "I. gads\t49 000,00 EUR\t48 612,30 EUR\t12\t387,70 EUR\n"
        "II. gads\t49 000,00 EUR\t49 000,00 EUR\t10\t0,00 EUR\n"
        "III. gads\t49 000,00 EUR\t48 955,10 EUR\t9\t44,90 EUR\n"
    )
    parsed = _parse(table)
    rep = _report(parsed)
    assert [amounts(row) for row in rep.funding] == [
        {(P, None, E("49000.00")), (A, None, E("48612.30")), (R, None, E("387.70"))},
        {(P, None, E("49000.00")), (A, None, E("49000.00")), (R, None, E("0.00"))},
        {(P, None, E("49000.00")), (A, None, E("48955.10")), (R, None, E("44.90"))},
    ]
    assert [row.compared for row in rep.funding] == [True, True, True]
    assert _unread(parsed) == []
