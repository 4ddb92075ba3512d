"""The notes right under a table a cell points to go with the table into the cell.

`r11_kurzeme_docx_funding_table_page_break_planted.docx` (a LibreOffice Word report): its
funding cell says "Skatīt tabulu zemāk"; after the report's table, blank paragraphs, the
caption "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem
(euro)", the funding table (across a page break), and right under it: "II. īstenošanas
gada atlikums 250,00 euro un III. īstenošanas gada atlikums 97,65 euro atgriezti valsts
budžetā." Read by hand: year I planned 49 000,00 (30 000,00 + 19 000,00), actual the same;
year II planned 49 000,00, actual 48 750,00 (29 300,00 + 19 450,00: planted, the minority
line 19 450,00 above its plan 19 000,00), 250,00 returned; year III planned 49 000,00,
actual 48 902,35 (29 912,35 + 18 990,00), 97,65 returned.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.documents.layout import Para, Run, Table
from pipeline.documents.referred import follow_pointers
from pipeline.model import Parsed, Severity
from tests.parse.golden import BACK, CS, MN, A, P, amounts, read_unseen, report_of

NAME = "r11_kurzeme_docx_funding_table_page_break_planted.docx"
E = Decimal
NOTE = (
    "II. īstenošanas gada atlikums 250,00 euro un III. īstenošanas gada atlikums 97,65 euro "
    "atgriezti valsts budžetā."
)


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen({"notes": NAME})


def test_the_sentence_under_the_table_gives_the_remainders(read: dict[str, Parsed]) -> None:
    report = report_of(read, "notes")
    assert [y.ordinal for y in report.funding] == [1, 2, 3]
    first, second, third = report.funding
    assert amounts(first) == {
        (P, CS, E("30000.00")),
        (P, MN, E("19000.00")),
        (P, None, E("49000.00")),
        (A, CS, E("30000.00")),
        (A, MN, E("19000.00")),
        (A, None, E("49000.00")),
    }
    assert (BACK, None, E("250.00")) in amounts(second)
    assert (A, MN, E("19450.00")) in amounts(second)
    assert (BACK, None, E("97.65")) in amounts(third)
    assert (A, None, E("48902.35")) in amounts(third)
    assert report.after_end is None


def test_only_the_planted_finding_is_raised(read: dict[str, Parsed]) -> None:
    parsed = read["notes"]
    warnings = [f for f in parsed.findings if f.severity is not Severity.INFO]
    assert [f.code for f in warnings] == ["funding.actual-above-planned"]
    assert "year 2" in warnings[0].message and "19 450,00" in warnings[0].message


def _para(text: str) -> Para:
    return Para((Run(text),))


REPORT = Table(
    (
        (
            (_para("Plānotais un faktiski izlietotais finansējums"),),
            (_para("Skatīt tabulu zemāk"),),
        ),
        ((_para("Cita informācija"),), (_para("Nav"),)),
    )
)
FUNDING = Table(
    (
        ((_para("Gads"),), (_para("Plānots"),), (_para("Faktiski"),)),
        ((_para("I. īstenošanas gads"),), (_para("10 000,00"),), (_para("9 750,00"),)),
        ((_para("II. īstenošanas gads"),), (_para("10 000,00"),), (_para("10 000,00"),)),
    )
)
ROWS = [
    "| Gads | Plānots | Faktiski |",
    "| I. īstenošanas gads | 10 000,00 | 9 750,00 |",
    "| II. īstenošanas gads | 10 000,00 | 10 000,00 |",
]


def _cell_and_rest(*after: str) -> tuple[list[str], list[str]]:
    moved = follow_pointers([REPORT, FUNDING, *map(_para, after)])
    assert isinstance(moved[0], Table)
    cell = [p.text for p in moved[0].rows[0][1]]
    rest = [b.text for b in moved[1:] if isinstance(b, Para)]
    return cell, rest


def test_notes_about_the_table_go_under_its_rows() -> None:
    cell, rest = _cell_and_rest(
        "I. īstenošanas gada atlikums 250,00 euro atgriezts valsts budžetā.",
        "",
        "Summas norādītas bez PVN",
        "atbilstoši līgumam.",
        "Paldies par sadarbību.",
    )
    assert cell == [
        "Skatīt tabulu zemāk",
        *ROWS,
        "I. īstenošanas gada atlikums 250,00 euro atgriezts valsts budžetā.",
        "Summas norādītas bez PVN",
        "atbilstoši līgumam.",
    ]
    # a sentence about something else ends the notes and stays where it stands
    assert rest == ["Paldies par sadarbību."]
    # a note by the year alone, one the table holds
    cell, rest = _cell_and_rest("II. īstenošanas gadā līdzekļi izlietoti pilnībā.")
    assert cell[-1] == "II. īstenošanas gadā līdzekļi izlietoti pilnībā." and rest == []


@pytest.mark.parametrize(
    "after",
    [
        # a blank gap: two empty paragraphs
        ["", "", "Atlikums 250,00 euro atgriezts."],
        # a heading, an annex's caption, a section's label
        ["FINANSĒJUMA ATLIKUMS", "Atlikums 250,00 euro atgriezts."],
        ["2. pielikums. Atlikuma aprēķins euro"],
        ["Atlikums:"],
        # a signature block, a place and date
        ["Valdes priekšsēdētājs (paraksts) J. Bērziņš", "Summa apstiprināta."],
        ["Rīgā, 2025. gada 12. augustā, atlikums 250,00 euro"],
        # a year the table does not hold, and no word about money
        ["V. īstenošanas gadā pasākumi turpināsies."],
        # not short
        ["Atlikums 250,00 euro atgriezts. " + "Biedrība turpinās darbu reģionā. " * 8],
        # nothing under the table
        [],
    ],
)
def test_anything_else_under_the_table_stays(after: list[str]) -> None:
    cell, rest = _cell_and_rest(*after)
    assert cell == ["Skatīt tabulu zemāk", *ROWS]
    assert rest == after


def test_a_list_item_under_the_table_stays() -> None:
    item = Para((Run("Atlikums 250,00 euro atgriezts."),), marker="1. ")
    moved = follow_pointers([REPORT, FUNDING, item])
    assert isinstance(moved[0], Table) and moved[1:] == [item]
    assert [p.text for p in moved[0].rows[0][1]] == ["Skatīt tabulu zemāk", *ROWS]
