"""Two things of the funding section. A cell spanning rows: the document readers write the
place a merged cell covers as an empty cell, so "49 550,00" written once for two purpose
rows of a year comes out on the first row, the second row's cell empty; whose amount it is
cannot be told, and it is never that first purpose's line. And explanations in a text
section with no amount ("5.1. Skaidrojums", "Atlikums radās ietaupījuma dēļ …"): kept as
unlabelled text, while every line of a statement the reader read (its wrapped words, its
"t.sk.", its purpose words) is not. The expected values are read from the rows written here.
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.model import AmountRole, FundingYear, Parsed, Purpose
from pipeline.parse.funding import read_funding
from pipeline.parse.funding_blocks import FundingRead
from pipeline.parse.text import SourcedText, SourceFile
from tests.parse.test_funding_forms import LABEL
from tests.parse.test_funding_tables_from_documents import _codes, _report, _years

P, A = AmountRole.PLANNED, AmountRole.ACTUAL
CIVIL, MINORITY = Purpose.CIVIL_SOCIETY, Purpose.MINORITY_NGOS
CIV = "pilsoniskās sabiedrības attīstībai Zemgales reģionā"
MIN = "mazākumtautību NVO attīstībai"
HEADER = "Īstenošanas gads\tFinansējuma mērķis\tPlānots, EUR\tFaktiski, EUR"


def _lines(year: FundingYear, role: AmountRole) -> dict[Purpose | None, Decimal | None]:
    return {a.purpose: a.value for a in year.lines(role)}


def _total(year: FundingYear, role: AmountRole) -> Decimal | None:
    total = year.total(role)
    return total.value if total is not None else None


def _unread(parsed: Parsed) -> list[str]:
    return [f.message for f in parsed.findings if f.code == "funding.unread-amount"]


# -- a cell spanning two purpose rows -----------------------------------------------------------


def test_an_actual_cell_spanning_both_purposes_is_no_line_of_the_first(
    minimal_text: str,
) -> None:
    """ "Faktiski" 49 550,00 is one cell over both purpose rows: the second row's cell is
    empty. 49 550,00 is not the civil-society line (it is more than its 30 000,00 planned,
    and no overspend is found); it is unread. The "Kopā" row stays the year's total: its
    planned 50 000,00 is the sum of the planned lines 30 000,00 + 20 000,00."""
    parsed = _report(
        minimal_text,
        [
            HEADER,
            f"I gads\t{CIV}\t30 000,00\t49 550,00",
            f"\t{MIN}\t20 000,00\t",
            "\tKopā\t50 000,00\t49 550,00",
        ],
    )
    (one,) = _years(parsed)
    assert _lines(one, P) == {CIVIL: Decimal("30000.00"), MINORITY: Decimal("20000.00")}
    assert _lines(one, A) == {}
    assert _total(one, P) == Decimal("50000.00")
    assert _total(one, A) == Decimal("49550.00")
    assert not one.compared
    assert _codes(parsed) == ["funding.unread-amount"]
    assert "49 550,00" in _unread(parsed)[0]


def test_a_spanning_actual_cell_with_no_total_row(minimal_text: str) -> None:
    parsed = _report(
        minimal_text,
        [HEADER, f"I gads\t{CIV}\t30 000,00\t49 550,00", f"\t{MIN}\t20 000,00\t"],
    )
    (one,) = _years(parsed)
    assert _lines(one, A) == {}
    assert "funding.actual-above-planned" not in _codes(parsed)
    assert "funding.unread-amount" in _codes(parsed)


def test_a_planned_cell_spanning_both_purposes_is_no_line_of_the_first(
    minimal_text: str,
) -> None:
    """The plan 50 000,00 written once for both purposes: not the civil-society plan."""
    parsed = _report(
        minimal_text,
        [HEADER, f"I gads\t{CIV}\t50 000,00\t29 850,00", f"\t{MIN}\t\t19 700,00"],
    )
    (one,) = _years(parsed)
    assert _lines(one, P) == {}
    assert _lines(one, A) == {CIVIL: Decimal("29850.00"), MINORITY: Decimal("19700.00")}
    assert not one.compared
    assert any("50 000,00" in m for m in _unread(parsed))


def test_tsk_rows_under_the_year_with_a_spanning_actual_cell(minimal_text: str) -> None:
    """ "t.sk." rows under the year's row, without a header: the minority row's actual cell
    empty under the civil-society row's 49 550,00 (the year's actual, 50 000,00 − 450,00
    of it left). No overspend of 49 550,00 against 30 000,00."""
    rows = [
        "I (15.07.2022.–14.07.2023.)\t50 000,00\t49 550,00",
        f"t.sk. {CIV}\t30 000,00\t49 550,00",
        f"t.sk. {MIN}\t20 000,00\t",
    ]
    parsed = _report(minimal_text, rows)
    (one,) = _years(parsed)
    assert _total(one, P) == Decimal("50000.00")
    assert _total(one, A) == Decimal("49550.00")
    assert _lines(one, A) == {}
    assert _lines(one, P) == {CIVIL: Decimal("30000.00"), MINORITY: Decimal("20000.00")}
    assert "funding.actual-above-planned" not in _codes(parsed)
    assert "funding.remainder-mismatch" not in _codes(parsed)


def test_tsk_rows_with_a_header_and_a_spanning_actual_cell(minimal_text: str) -> None:
    rows = [
        "Īstenošanas gads\tPlānots, EUR\tFaktiski, EUR",
        "I (15.07.2022.–14.07.2023.)\t50 000,00\t49 550,00",
        f"t.sk. {CIV}\t30 000,00\t49 550,00",
        f"t.sk. {MIN}\t20 000,00\t",
    ]
    parsed = _report(minimal_text, rows)
    (one,) = _years(parsed)
    assert _lines(one, A) == {}
    assert "funding.actual-above-planned" not in _codes(parsed)


def test_a_tsk_row_whose_covered_cell_is_left_out_at_its_end(minimal_text: str) -> None:
    """A row with its last cell left out ("t.sk. mazākumtautību … | 20 000,00") under a row
    with an actual amount: the same as an empty last cell."""
    rows = [
        "I (15.07.2022.–14.07.2023.)\t50 000,00\t49 550,00",
        f"t.sk. {CIV}\t30 000,00\t49 550,00",
        f"t.sk. {MIN}\t20 000,00",
    ]
    parsed = _report(minimal_text, rows)
    (one,) = _years(parsed)
    assert _lines(one, A) == {}
    assert "funding.actual-above-planned" not in _codes(parsed)


def test_rows_with_both_amounts_are_read_and_a_real_overspend_found(minimal_text: str) -> None:
    """Every purpose row with its own two amounts: nothing spans, the lines are read and
    the civil-society line's 30 500,00 spent of 30 000,00 planned is found."""
    parsed = _report(
        minimal_text,
        [
            HEADER,
            f"I gads\t{CIV}\t30 000,00\t30 500,00",
            f"\t{MIN}\t20 000,00\t19 000,00",
            "\tKopā\t50 000,00\t49 500,00",
        ],
    )
    (one,) = _years(parsed)
    assert _lines(one, A) == {CIVIL: Decimal("30500.00"), MINORITY: Decimal("19000.00")}
    assert "funding.actual-above-planned" in _codes(parsed)
    assert "funding.unread-amount" not in _codes(parsed)


def test_an_empty_cell_in_the_next_years_row_touches_no_amount_above(minimal_text: str) -> None:
    """The row under the civil-society line opens year II: its empty actual cell is that
    year's, and year I's lines stay read."""
    parsed = _report(
        minimal_text,
        [
            HEADER,
            f"I gads\t{CIV}\t30 000,00\t29 000,00",
            f"II gads\t{CIV}\t30 000,00\t",
        ],
    )
    one, _two = _years(parsed)
    assert _lines(one, A) == {CIVIL: Decimal("29000.00")}
    assert one.compared


# -- explanations of the funding section --------------------------------------------------------


def _read(text: str) -> FundingRead:
    return read_funding(SourcedText.of(text), SourceFile("x.txt", text))


def _unused(text: str) -> list[str]:
    return [u.text for u in _read(text).unused]


# A year as PDF text wraps it: the statements' words on lines of their own.
WRAPPED = [
    "15.07.2024. – 14.07.2025.",
    "Plānots 49 000,00 euro,",
    "t.sk.",
    "- 30 000,00 euro",
    "pilsoniskās sabiedrības",
    "attīstībai Kurzemes",
    "reģionā;",
    "-             19 000,00 euro",
    "mazākumtautību",
    "nevalstisko organizāciju",
    "attīstības un ilgtspējas",
    "veicināšanai",
    "",
    "15.07.2024. – 14.07.2025.",
    "Faktiski 48 871,72 euro.",
    "Atlikums 128,28 euro apmērā",
    "atgriezts ministrijas budžetā.",
]


def test_no_wrapped_line_of_a_read_statement_is_unused() -> None:
    """ "t.sk.", "reģionā;", "veicināšanai", "atgriezts ministrijas budžetā.": pieces of
    statements that were read."""
    assert _unused("\n".join(WRAPPED)) == []


def test_an_explanation_after_the_statements_is_unused_and_one_text() -> None:
    """An explanation wrapped over two lines, after the remainder's statement, holding no
    amount: one text, as written."""
    text = "\n".join(
        [
            *WRAPPED,
            "Atlikums radās, jo viens seminārs notika",
            "tiešsaistē un telpas netika īrētas.",
        ]
    )
    assert _unused(text) == [
        "Atlikums radās, jo viens seminārs notika tiešsaistē un telpas netika īrētas."
    ]


def test_a_numbered_heading_and_its_explanation_are_two_texts() -> None:
    text = "\n".join([*WRAPPED, "5.1. Skaidrojums", "Atlikums radās ietaupījuma dēļ."])
    assert _unused(text) == ["5.1. Skaidrojums", "Atlikums radās ietaupījuma dēļ."]
    year = _read(text).years[-1]
    # the remainder's words end with its sentence: the heading is no part of it
    assert all("5.1" not in a.label for a in year.amounts)


def test_words_the_reader_takes_past_a_sentence_are_used() -> None:
    """ "Atgriezts ministrijas budžetā." says what became of the remainder before it, and
    "Plānots" on a line of its own over a blank line is its amount's statement word: both
    were read, neither is unused."""
    text = "\n".join(
        [
            "15.07.2024. – 14.07.2025.",
            "Plānots",
            "",
            "49 000,00 euro.",
            "Faktiski 48 871,72 euro.",
            "Atlikums 128,28 euro.",
            "Atgriezts ministrijas budžetā.",
        ]
    )
    read = _read(text)
    assert [u.text for u in read.unused] == []
    roles = {a.value: a.role for y in read.years for a in y.amounts}
    assert roles[Decimal("128.28")] is AmountRole.RETURNED
    assert roles[Decimal("49000.00")] is P


def test_an_unfinished_years_note_is_read_not_unused() -> None:
    """ "Gads nav noslēdzies; …" tells the reader the year is not over: read."""
    text = "\n".join(
        [
            "1. īstenošanas gads (01.03.2025.–28.02.2026.)",
            "Plānotais finansējums: EUR 50 000",
            "Faktiski izlietots līdz 30.09.2025.: 27.415,80 €",
            "Gads nav noslēdzies; atlikums tiks norādīts gala kopsavilkumā.",
        ]
    )
    assert _unused(text) == []


def test_funding_explanations_are_unlabelled_text_of_the_report(minimal_text: str) -> None:
    """In the whole report, the explanation is a `structure.unlabelled-text` finding on its
    own line, and the funding read as before."""
    parsed = _report(
        minimal_text,
        [*WRAPPED, "Atlikums radās ietaupījuma dēļ, jo viens seminārs notika tiešsaistē."],
    )
    assert parsed.report is not None
    texts = [t.value for t in parsed.report.unlabelled]
    assert "Atlikums radās ietaupījuma dēļ, jo viens seminārs notika tiešsaistē." in texts
    assert not any(t == "t.sk." or "reģionā;" in t for t in texts)
    found = [f for f in parsed.findings if f.code == "structure.unlabelled-text"]
    note = next(f for f in found if "ietaupījuma" in f.message)
    line = minimal_text.split("\n").index(
        next(x for x in minimal_text.split("\n") if x.startswith(LABEL))
    )
    assert note.span is not None and note.span.line == line + 1 + len(WRAPPED) + 1
    (year,) = _years(parsed)
    assert _total(year, A) == Decimal("48871.72")
