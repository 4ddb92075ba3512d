"""Two header facts an independent reviewer found misread after round 9, read by hand.

The delegation period's note (facts2_term_extended_too_short_planted.txt, l.13 "2022.gada
15.jūlijs līdz 2025.gada 14.jūlijs (…)") extends the delegation only where the contract,
its term or the delegation period is what was extended, as a plain fact the sentence does
not take back. A report's deadline, a request, a condition or a refusal extends nothing:
the period stays as written, and year III (l.36, to 2025.gada 31.augustam) is told to lie
outside it.

An implementer whose own name holds a word of partnership (biedrība „Vidzemes lauku
partnerība”) names no partner by it, and a predecessor's name ("līdz 2021. gadam –
biedrība „…”") is never a partner.
"""

from __future__ import annotations

from functools import cache

import pytest

from pipeline.model import Parsed
from pipeline.parse import parse_text
from pipeline.parse.implementer_partners import partner_problems, partners
from pipeline.parse.text import SourcedText, SourceFile
from pipeline.rdf import to_graph
from pipeline.settings import Settings
from pipeline.validate import Shapes, load_shapes, validate_graph
from tests.parse.golden import UNSEEN, D

SHORT = UNSEEN / "facts2_term_extended_too_short_planted.txt"
RIGA = UNSEEN / "riga_extension_period_moved_forum.txt"
NOTE = "(ar 2024. gada 3. jūnija grozījumiem līgumā termiņš pagarināts līdz 2025.gada 14.augustam)"
OUTSIDE = "period.year-outside-delegation"


@cache
def _parsed(name: str, text: str) -> Parsed:
    return parse_text(text, name)


@cache
def _shapes() -> Shapes:
    return load_shapes()


def _with_note(note: str) -> str:
    text = SHORT.read_text(encoding="utf-8")
    assert NOTE in text
    return text.replace(NOTE, note)


def _outside_lines(parsed: Parsed) -> set[int]:
    return {f.span.line for f in parsed.findings if f.code == OUTSIDE and f.span}


# -- the delegation period's extension -------------------------------------------------

NOT_THE_DELEGATIONS = [
    # a report's submission deadline
    "(atskaites iesniegšanas termiņš pagarināts līdz 2025.gada 31.augustam)",
    "\nKopsavilkuma iesniegšanas termiņš pagarināts līdz 2025.gada 31.augustam.",
    # a request, refused
    "(biedrība lūdza, lai termiņš tiktu pagarināts līdz 2025.gada 31.augustam; ministrija atteica)",
    # taken back later in the same sentence
    "(termiņš pagarināts līdz 2025.gada 31.augustam, taču grozījumi netika parakstīti)",
    "(termiņš pagarināts līdz 2025.gada 31.augustam; grozījumus ministrija noraidīja)",
    # a condition
    "(Ja līgums tiktu pagarināts līdz 2025.gada 31.augustam, III gads beigtos vēlāk)",
    # another contract
    "(telpu nomas līgums pagarināts līdz 2025.gada 31.augustam)",
    # the board's mandate
    "(biedrības valdes pilnvaras pagarinātas līdz 2025.gada 31.augustam)",
]


@pytest.mark.parametrize("note", NOT_THE_DELEGATIONS)
def test_an_extension_not_of_the_delegation_is_not_read(note: str) -> None:
    parsed = _parsed(f"{note[:30]}.txt", _with_note(note))
    report = parsed.report
    assert report is not None
    period = report.delegation_period
    assert period is not None and (period.start, period.end) == (D(2022, 7, 15), D(2025, 7, 14))
    assert report.delegation_extended_to is None, note
    # year III's heading, l.36, moves down by a line the note adds
    assert _outside_lines(parsed) == {36 + note.count("\n")}, note


def test_the_shapes_still_tell_the_year_outside_the_delegation() -> None:
    parsed = _parsed("submission.txt", _with_note(NOT_THE_DELEGATIONS[0]))
    assert parsed.report is not None
    settings = Settings()
    result = validate_graph(to_graph(parsed.report, settings), settings, _shapes())
    lines = {p.span.line if p.span else 0 for p in result.problems if p.code == OUTSIDE}
    assert lines == {36}


@pytest.mark.parametrize(
    "note",
    [
        "(termiņš pagarināts līdz 2025.gada 31.augustam)",
        # a note wrapped over lines, as a PDF's text gives it
        "(ar 2024. gada 3. jūnija grozījumiem līgumā termiņš\npagarināts līdz 2025.gada"
        " 31.augustam)",
        "(ar 2024. gada 3. jūnija grozījumiem līguma darbība pagarināta līdz 2025.gada"
        " 31.augustam)",
        "(deleģēšanas periods ar grozījumiem Nr. 2 tika pagarināts līdz 2025.gada 31.augustam)",
        "\nAr 2024. gada 3. jūnija grozījumiem Nr. 2 līguma termiņš pagarināts līdz 2025.gada"
        " 31.augustam.",
    ],
)
def test_the_contracts_or_the_periods_extension_is_read(note: str) -> None:
    parsed = _parsed(f"{note[:30]}.txt", _with_note(note))
    report = parsed.report
    assert report is not None
    extended = report.delegation_extended_to
    assert extended is not None and extended.start == D(2025, 8, 31), note
    assert _outside_lines(parsed) == set(), note


def test_the_contract_named_in_a_clause_before_is_the_subject() -> None:
    """riga l.8 "(līgums noslēgts līdz 2025.gada 31.decembrim, ar 2025.gada 1.decembra
    grozījumiem Nr. 1 pagarināts līdz 2026.gada 31.martam bez papildu finansējuma)"."""
    parsed = _parsed(RIGA.name, RIGA.read_text(encoding="utf-8"))
    assert parsed.report is not None
    extended = parsed.report.delegation_extended_to
    assert extended is not None and extended.start == D(2026, 3, 31)
    assert extended.text == "2026.gada 31.martam" and extended.span.line == 8


# -- an implementer named a partnership ------------------------------------------------


def _cell(text: str) -> tuple[SourcedText, SourceFile]:
    return SourcedText.of(text), SourceFile("cell.txt", text)


@pytest.mark.parametrize(
    "cell",
    [
        "Biedrība „Vidzemes lauku partnerība”, reģistrācijas Nr.40008000001 (līdz 2021. gadam"
        " – biedrība „Vidzemes NVO centrs”), (turpmāk – īstenotājs)",
        "Biedrība „Vidzemes lauku partnerība”, reģ. Nr. 40008000001 (iepriekš – biedrība"
        " „Vidzemes NVO centrs”, reģ. Nr. 40008000002)",
        # a predecessor after words of partnership earlier in the cell
        "Konsorcijs: vadošais partneris biedrība „Alfa”, reģ. Nr. 40008000001 (agrāk"
        " biedrība „Beta”)",
        "Biedrība „Latgales partnerība”, reģ. Nr. 40008000001, bijušais nosaukums"
        " biedrība „Latgales kopiena”",
    ],
)
def test_the_implementers_own_name_and_its_predecessor_name_no_partner(cell: str) -> None:
    value, source = _cell(cell)
    assert partners(value, source) == ()
    assert partner_problems(value, source, "cell.txt") == []


def test_a_partnership_implementers_real_partner_is_still_named() -> None:
    cell = (
        "Biedrība „Vidzemes lauku partnerība”, reģ. Nr. 40008000001 (līdz 2021. gadam –"
        " biedrība „Vidzemes NVO centrs”), sadarbībā ar nodibinājumu „Cēsu fonds”, reģ. Nr."
        " 40008000003"
    )
    value, source = _cell(cell)
    (partner,) = partners(value, source)
    assert partner.name is not None and partner.name.value == "Cēsu fonds"
    assert partner.registration_number is not None
    assert partner.registration_number.value == "40008000003"
