"""The implementer's registration number from the footnote its name is marked with: taken
only where the footnote states the implementer's own number. A footnote that names another
organisation (a partner, a predecessor, one that carries out a part) may be giving theirs:
the number is then left unread and stays missing, as the cell left it.
"""

from __future__ import annotations

import pytest

from pipeline.model import Parsed
from tests.conftest import parse_text

CELL = "Biedrība „Vidzemes NVO tīkls”, reģistrācijas Nr.40008000001"
MISSING = "implementer.missing-registration-number"


def _with_footnote(minimal_text: str, footnote: str) -> str:
    assert CELL in minimal_text
    return minimal_text.replace(CELL, "Biedrība „Vidzemes NVO tīkls”¹") + f"\n{footnote}\n"


def _number(parsed: Parsed) -> str | None:
    rep = parsed.report
    assert rep is not None and rep.implementer is not None
    assert rep.implementer.name.value == "Vidzemes NVO tīkls"
    number = rep.implementer.registration_number
    return number.value if number is not None else None


def _codes(parsed: Parsed) -> set[str]:
    return {f.code for f in parsed.findings}


@pytest.mark.parametrize(
    "footnote",
    [
        # the task carried out with a partner: the number is the partner's
        "¹ Uzdevums tiek īstenots sadarbībā ar partneri biedrību „Liepājas mazākumtautību "
        "forums”, reģistrācijas Nr. 40008099999.",
        # the organisation before its reorganisation: the number is the predecessor's
        "¹ Līdz 2023. gada 1. martam – biedrība „Vidzemes NVO atbalsta centrs”, "
        "reģ. Nr. 40008011111; reorganizēta.",
        # another association named in quotes, with no word of how it is related
        "¹ Biedrība „Valmieras jauniešu forums”, reģistrācijas Nr. 40008099999, īsteno "
        "uzdevuma 2. daļu.",
        # a company named by its form alone, without quotes
        "¹ Pasākumu tehnisko nodrošinājumu veic SIA Eventi, reģ. Nr. 40103999999.",
    ],
    ids=["partner", "predecessor", "other-quoted", "other-company"],
)
def test_a_footnote_about_another_organisation_gives_no_number(
    minimal_text: str, footnote: str
) -> None:
    parsed = parse_text(_with_footnote(minimal_text, footnote))
    assert _number(parsed) is None
    # as with a cell and no footnote: the number is missing, and said to be
    assert MISSING in _codes(parsed)


def test_a_footnote_with_two_numbers_gives_none(minimal_text: str) -> None:
    # which of the two is the implementer's the footnote does not say
    footnote = "¹ Reģistrācijas Nr. 40008000001; iesniedzēja reģ. Nr. 40008099999."
    parsed = parse_text(_with_footnote(minimal_text, footnote))
    assert _number(parsed) is None
    assert MISSING in _codes(parsed)


def test_a_footnote_naming_the_implementer_itself_gives_its_number(minimal_text: str) -> None:
    # its own name in quotes, after its form in the genitive
    footnote = "¹ Biedrības „Vidzemes NVO tīkls” reģistrācijas Nr. 40008999999."
    text = _with_footnote(minimal_text, footnote)
    parsed = parse_text(text)
    assert _number(parsed) == "40008999999"
    assert MISSING not in _codes(parsed)
    # its form alone before "reģistrācijas Nr.": the association the footnote is marked on
    parsed = parse_text(_with_footnote(minimal_text, "¹ Biedrības reģistrācijas Nr. 40008999999."))
    assert _number(parsed) == "40008999999"
    # the same footnote once it adds a partner: no longer read
    partner = footnote[:-1] + ", sadarbības partnera biedrības „Cēsu NVO” Nr. 40008099999."
    parsed = parse_text(_with_footnote(minimal_text, partner))
    assert _number(parsed) is None
    assert MISSING in _codes(parsed)
