"""A short number before an amount (review R4): the "broken numbers" rule, meant for a PDF's
mixed-up narrow cells ("45 44 480,00"), must not wipe out a funding section, nor drop the
amount it doubts. The reviewer's probes: the bundled minimal report with its funding rows
replaced by `label<TAB>planned<TAB>actual` rows of the forms real reports have. Values are
as a person reads the rows.
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.model import AmountRole, Parsed
from tests.conftest import MINIMAL, parse_text
from tests.parse.golden import A, P, amounts

E = Decimal
R = AmountRole.REMAINDER
LABEL = "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem"


def _with_funding(first: str, second: str) -> Parsed:
    lines = MINIMAL.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(LABEL + "\t"))
    lines[at : at + 2] = [f"{LABEL}\t{first}", f"\t{second}"]
    return parse_text("\n".join(lines))


def _unread(parsed: Parsed) -> list[str]:
    return [f.message for f in parsed.findings if f.code == "funding.unread-amount"]


def test_a_row_number_before_an_amount_leaves_only_that_year_unread() -> None:
    # "1 50 000,00 euro | 49 000,00 euro" / "| 50 000,00 euro | 49 900,00 euro": row 1's
    # 50 000,00 to a person, or a broken 150 000,00; either way the second year is clear
    parsed = _with_funding("1 50 000,00 euro\t49 000,00 euro", "50 000,00 euro\t49 900,00 euro")
    assert parsed.report is not None
    first, second = parsed.report.funding
    # the doubted amount is named, not dropped; its year is compared with nothing
    assert any("50 000,00" in m for m in _unread(parsed))
    assert (P, None, E("150000.00")) not in amounts(first)
    assert not first.compared
    # "50 000,00 euro | 49 900,00 euro"
    assert amounts(second) == {(P, None, E("50000.00")), (A, None, E("49900.00"))}
    assert second.compared


def test_an_agreement_number_before_an_amount_is_no_broken_number() -> None:
    # "Saskaņā ar vienošanos Nr. 2 50 000,00 euro | 49 000,00 euro": agreement no. 2, planned
    # 50 000,00
    parsed = _with_funding(
        "Saskaņā ar vienošanos Nr. 2 50 000,00 euro\t49 000,00 euro",
        "50 000,00 euro\t49 900,00 euro",
    )
    assert parsed.report is not None
    first, second = parsed.report.funding
    assert amounts(first) == {(P, None, E("50000.00")), (A, None, E("49000.00"))}
    assert amounts(second) == {(P, None, E("50000.00")), (A, None, E("49900.00"))}
    assert first.compared and second.compared
    assert _unread(parsed) == []


def test_a_footnote_digit_glued_to_a_word_is_no_broken_number() -> None:
    # "50 000,00 euro | Faktiski izlietots1 49 000,00 euro": "izlietots¹", a footnote mark
    parsed = _with_funding(
        "50 000,00 euro\tFaktiski izlietots1 49 000,00 euro", "50 000,00 euro\t49 900,00 euro"
    )
    assert parsed.report is not None
    first, second = parsed.report.funding
    assert amounts(first) == {(P, None, E("50000.00")), (A, None, E("49000.00"))}
    assert amounts(second) == {(P, None, E("50000.00")), (A, None, E("49900.00"))}
    assert first.compared and second.compared
    assert _unread(parsed) == []


def test_a_zero_typed_as_00_00_is_a_remainder_of_nothing() -> None:
    # "50 000,00 euro | 49 900,00 euro (atlikums 00,00 euro)": a remainder of 0
    parsed = _with_funding(
        "50 000,00 euro\t49 000,00 euro", "50 000,00 euro\t49 900,00 euro (atlikums 00,00 euro)"
    )
    assert parsed.report is not None
    first, second = parsed.report.funding
    assert amounts(first) == {(P, None, E("50000.00")), (A, None, E("49000.00"))}
    assert {(P, None, E("50000.00")), (A, None, E("49900.00"))} <= amounts(second)
    assert (R, None, E("0.00")) in {(a.role, a.purpose, a.value) for a in second.amounts}
    assert _unread(parsed) == []
