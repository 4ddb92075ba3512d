"""Funding forms from a fourth round of unseen reports: thousands separated by a thin space
(U+2009) or a figure space (U+2007); a plan amended during the year ("Sākotnēji plānots …;
pēc grozījumiem … plānots …"); calendar-year rows written "2019. gads: …", a colon after
the year. The expected values are read from the rows written here.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from pipeline.model import AmountRole, Parsed
from pipeline.parse.latvian import AMOUNT, parse_amount
from tests.conftest import parse_text
from tests.parse.test_funding_forms import (
    CIVIL,
    MINORITY,
    _funding,
    _funding_codes,
    _parsed,
    _value,
    _with_funding,
)

P, A = AmountRole.PLANNED, AmountRole.ACTUAL
RETURNED = AmountRole.RETURNED


# -- thin and figure spaces between thousands --------------------------------------------------


@pytest.mark.parametrize("space", ["\u2009", "\u2007"])
def test_a_thin_or_figure_space_groups_thousands(space: str) -> None:
    """ "49 000,00" with a thin or figure space is forty-nine thousand, never "000,00"."""
    text = f"PLĀNOTS: 49{space}000,00 EUR"
    found = [m.group(0) for m in re.finditer(AMOUNT, text)]
    assert found == [f"49{space}000,00"]
    assert parse_amount(found[0]) == Decimal("49000.00")


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009", "\u2007"])
def test_a_part_after_a_glued_space_is_no_amount_of_its_own(space: str) -> None:
    """ "12{space}3456,00" is no amount a reader can tell (not three digits after the
    space): its "3456,00" is a part of it, not an amount of its own."""
    found = [m.group(0) for m in re.finditer(AMOUNT, f"kopā 12{space}3456,00 EUR")]
    assert "3456,00" not in found


def test_two_amounts_side_by_side_with_an_ordinary_space_stay_two() -> None:
    found = [m.group(0) for m in re.finditer(AMOUNT, "5 000,00 4 950,00")]
    assert found == ["5 000,00", "4 950,00"]


def test_thin_space_amounts_in_a_report(minimal_text: str) -> None:
    """A year written with thin spaces throughout: 49 000,00 planned, 48 705,18 spent and
    294,82 returned (49 000,00 − 48 705,18 = 294,82): read whole, so nothing contradicts."""
    t = "\u2009"
    parsed = _parsed(
        minimal_text,
        [
            "I. gads (01.03.2021 - 28.02.2022)",
            f"Plānots 49{t}000,00 EUR, t.sk. 30{t}000,00 EUR {CIVIL}; 19{t}000,00 EUR {MINORITY}",
            f"Faktiski 48{t}705,18 EUR, t.sk. 29{t}811,93 EUR {CIVIL}; 18{t}893,25 EUR {MINORITY}",
            "Neizmantotais finansējums 294,82 EUR apmērā atgriezts KM.",
        ],
    )
    (year,) = _funding(parsed)
    assert _value(year, P) == Decimal("49000.00")
    assert _value(year, A) == Decimal("48705.18")
    assert _value(year, RETURNED) == Decimal("294.82")
    assert _funding_codes(parsed) == []


# -- a plan amended during the year ------------------------------------------------------------

AMENDED_YEAR = (
    "Sākotnēji plānots 45 000,00 euro; pēc grozījumiem līgumā (2024.gada 10.janvāra "
    f"vienošanās Nr.2) plānots 50 000,00 euro, t.sk. 30 000,00 euro {CIVIL}; "
    f"20 000,00 euro {MINORITY}\t"
    f"Faktiski 49 731,45 euro, t.sk. 29 904,00 euro {CIVIL}; 19 827,45 euro {MINORITY}. "
    "Atlikums 268,55 euro apmērā atgriezts KM."
)


def test_the_amended_plan_is_the_plan_in_force(minimal_text: str) -> None:
    """Originally 45 000,00 planned, 50 000,00 after the amendment (30 000,00 + 20 000,00);
    49 731,45 spent, 268,55 returned (50 000,00 − 49 731,45). Compared with the amended
    plan all agrees; the original figure is no plan and raises nothing."""
    parsed = _parsed(minimal_text, ["15.07.2023. – 14.07.2024.\t" + AMENDED_YEAR])
    (year,) = _funding(parsed)
    assert _value(year, P) == Decimal("50000.00")
    assert [a.value for a in year.amounts if a.role is P and a.purpose is None] == [
        Decimal("50000.00")
    ]
    assert _value(year, A) == Decimal("49731.45")
    assert _funding_codes(parsed) == []


def test_the_amended_plan_still_shows_a_real_mismatch(minimal_text: str) -> None:
    """The amended plan 50 000,00 with lines 30 000,00 + 21 000,00 = 51 000,00: a real
    mismatch against the plan in force is still found."""
    row = AMENDED_YEAR.replace(f"20 000,00 euro {MINORITY}\t", f"21 000,00 euro {MINORITY}\t")
    parsed = _parsed(minimal_text, ["15.07.2023. – 14.07.2024.\t" + row])
    assert "funding.sum-mismatch" in _funding_codes(parsed)


def test_an_original_plan_alone_is_not_the_plan(minimal_text: str) -> None:
    """Only "Sākotnēji plānots 45 000,00 euro" and what was spent (49 731,45): which plan
    the spending answers to is not written, so the year is not compared (no "actual above
    planned" from the original figure)."""
    row = (
        "Sākotnēji plānots 45 000,00 euro.\tFaktiski 49 731,45 euro. "
        "Atlikums 268,55 euro apmērā atgriezts KM."
    )
    parsed = _parsed(minimal_text, ["15.07.2023. – 14.07.2024.\t" + row])
    (year,) = _funding(parsed)
    assert _value(year, P) is None
    assert not year.compared
    assert "funding.actual-above-planned" not in _funding_codes(parsed)


# -- calendar-year rows with a colon -----------------------------------------------------------


def _calendar(minimal_text: str, rows: list[str]) -> Parsed:
    text = _with_funding(minimal_text, rows)
    # the label alone on its line, the rows under it, no tab anywhere in the section
    return parse_text(text.replace("gadiem\t\n", "gadiem\n"))


@pytest.mark.parametrize("sep", [": ", ":"])
def test_calendar_year_rows_with_a_colon_are_rows_of_their_own(minimal_text: str, sep: str) -> None:
    """2018: 15 000,00 − 14 862,35 = 137,65 returned (agrees); 2019: 20 000,00 − 19 640,10
    = 359,90, but 395,90 returned: the one contradiction, on the 2019 line."""
    rows = [
        "",
        f"2018. gads{sep}plānots 15 000,00 euro, faktiski izlietoti 14 862,35 euro; "
        "neizmantotais finansējums 137,65 euro apmērā atgriezts KM.",
        f"2019. gads{sep}plānots 20 000,00 euro, faktiski izlietoti 19 640,10 euro; "
        "neizmantotais finansējums 395,90 euro apmērā atgriezts KM.",
        f"2020. gads{sep}plānots 20 000,00 euro, faktiski izlietoti 20 000,00 euro.",
    ]
    parsed = _calendar(minimal_text, rows)
    years = _funding(parsed)
    assert [y.calendar_year for y in years] == [2018, 2019, 2020]
    assert [_value(y, P) for y in years] == [
        Decimal("15000.00"),
        Decimal("20000.00"),
        Decimal("20000.00"),
    ]
    assert [_value(y, A) for y in years] == [
        Decimal("14862.35"),
        Decimal("19640.10"),
        Decimal("20000.00"),
    ]
    assert _value(years[1], RETURNED) == Decimal("395.90")
    assert _funding_codes(parsed) == ["funding.remainder-mismatch"]
    (finding,) = [f for f in parsed.findings if f.code == "funding.remainder-mismatch"]
    assert finding.span is not None
    text = _with_funding(minimal_text, rows)
    assert text.split("\n")[finding.span.line - 1].startswith("2019. gads")
