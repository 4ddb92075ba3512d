"""Funding table rows of two reports an independent tester wrote (round r10): an overspend
remainder written in accounting brackets "(1 240,50)" in its cell (also "-1 240,50",
"– 1 240,50"), a notes cell "atlikums atgriezts KM" beside a remainder, and a percentage
column "Izpilde, %" ("97,83 %") beside the amounts of a tab table. Every value was read
from the fixture reports by hand.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.model import AmountRole, FundingYear, Parsed
from pipeline.parse.latvian import signed_negative
from tests.conftest import FIXTURES, parse_text

E = Decimal
UNSEEN = FIXTURES / "reports" / "unseen"
P, A = AmountRole.PLANNED, AmountRole.ACTUAL
RETURNED, REST = AmountRole.RETURNED, AmountRole.REMAINDER

_OVERSPENT = "r10_latgale_overspent_bracketed_remainder_planted.txt"
_PERCENT = "r10_riga_actual_before_planned_percent_column_planted.txt"


def _parse(name: str, *replacements: tuple[str, str]) -> Parsed:
    text = (UNSEEN / name).read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return parse_text(text, name)


def _funding(parsed: Parsed) -> tuple[FundingYear, ...]:
    assert parsed.report is not None
    return parsed.report.funding


def _amounts(year: FundingYear) -> list[tuple[AmountRole, Decimal | None]]:
    return [(a.role, a.value) for a in year.amounts]


def _findings(parsed: Parsed) -> list[tuple[str, int | None]]:
    return sorted((f.code, f.span.line if f.span else None) for f in parsed.findings)


# -- an overspend in brackets (Latgale, lines 43-45) --------------------------------------------
@pytest.mark.parametrize("written", ["(1 240,50)", "– 1 240,50", "-1 240,50", "(1 240,50 EUR)"])
def test_a_negative_remainder_cell_is_never_money_left_over(written: str) -> None:
    # "| II (…) | 52 000,00 | 53 240,50 | (1 240,50) | pārtēriņš segts …" (line 44): an
    # overspend of 1 240,50, not 1 240,50 left; no role holds money below zero, so the
    # remainder is unread and the year compared with nothing, never a remainder mismatch.
    parsed = _parse(_OVERSPENT, ("| (1 240,50) |", f"| {written} |"))
    second = _funding(parsed)[1]
    assert _amounts(second) == [(P, E("52000.00")), (A, E("53240.50"))]
    assert not second.compared
    assert ("funding.remainder-mismatch", 44) not in _findings(parsed)
    assert ("funding.unread-amount", 44) in _findings(parsed)


def test_the_overspent_report_keeps_its_other_years_and_planted_remainder() -> None:
    parsed = _parse(_OVERSPENT)
    first, _, third = _funding(parsed)
    # "| I (…) | 52 000,00 | 51 689,60 | 310,40 | atlikums atgriezts KM |" (line 43) and
    # "| III (…) | 52 000,00 | 51 650,00 | 530,00 | atlikums atgriezts KM |" (line 45): the
    # notes cell says the remainder was returned
    assert _amounts(first) == [(P, E("52000.00")), (A, E("51689.60")), (RETURNED, E("310.40"))]
    assert _amounts(third) == [(P, E("52000.00")), (A, E("51650.00")), (RETURNED, E("530.00"))]
    assert first.compared and third.compared
    # 52 000,00 - 51 650,00 = 350,00, not 530,00: planted (line 45)
    assert [f for f in _findings(parsed) if f[1] in (43, 45)] == [
        ("funding.remainder-mismatch", 45)
    ]


def test_a_notes_cell_saying_nothing_of_the_fate_leaves_the_remainder_as_it_is() -> None:
    parsed = _parse(_OVERSPENT, ("310,40 | atlikums atgriezts KM |", "310,40 | skat. pielikumu |"))
    assert _amounts(_funding(parsed)[0])[-1] == (REST, E("310.40"))


def test_a_notes_cell_denying_the_return_does_not_return_it() -> None:
    parsed = _parse(
        _OVERSPENT, ("310,40 | atlikums atgriezts KM |", "310,40 | atlikums netika atgriezts |")
    )
    assert _amounts(_funding(parsed)[0])[-1] == (REST, E("310.40"))


def test_a_sign_is_read_only_where_the_amount_is_a_cell_of_its_own() -> None:
    def at(text: str, amount: str) -> bool:
        return signed_negative(text, text.index(amount))

    assert at("(1 240,50)", "1 240")
    assert at("310,40\t( 1 240,50 EUR )\tpārtēriņš", "1 240")
    assert at("– 1 240,50", "1 240")
    # running text: an aside, a part, a bullet, a sentence going on after the amount
    assert not at("Atlikums (310,40 EUR) atgriezts KM.", "310")
    assert not at("Plānots 52 000,00 EUR (t.sk. 600,00 EUR atlīdzībai)", "600")
    assert not at("(310,40 EUR atgriezts KM)", "310")
    assert not at("Atlikums:\n– 310,40 EUR", "310")
    assert not at("– 310,40 EUR atgriezts", "310")


# -- a percentage column (Rīga, lines 32-35) ----------------------------------------------------
def test_a_percentage_column_leaves_the_years_compared() -> None:
    # "Īstenošanas gads | Faktiski izlietots, EUR | Plānots, EUR | Atlikums, EUR | Izpilde, %"
    parsed = _parse(_PERCENT)
    years = _funding(parsed)
    assert [_amounts(y) for y in years] == [
        [(P, E("50000.00")), (A, E("49870.00")), (REST, E("130.00"))],
        [(P, E("50000.00")), (A, E("48915.20")), (REST, E("1804.80"))],
        [(P, E("50000.00")), (A, E("50000.00")), (REST, E("0.00"))],
    ]
    assert all(y.compared for y in years)
    # 50 000,00 - 48 915,20 = 1 084,80, not 1 804,80: planted (line 34); the shares
    # "99,74 %", "97,83 %" are no amounts
    assert [f for f in _findings(parsed) if f[0].startswith("funding.")] == [
        ("funding.remainder-mismatch", 34)
    ]


def test_a_percentage_with_no_space_or_a_narrow_one_is_no_amount_either() -> None:
    parsed = _parse(_PERCENT, ("\t99,74 %", "\t99,74%"), ("\t97,83 %", "\t97,83\u202f%"))
    assert not any(f[0] == "funding.unread-amount" for f in _findings(parsed))
    assert all(y.compared for y in _funding(parsed))
