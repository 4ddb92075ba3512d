"""The PDF reader on an independent tester's LibreOffice print of tables drawn without rules,
whose cells LibreOffice centred in each row's height
(`r11_latgale_pdf_activity_table_two_pages_planted.pdf`, one planted: year I activity 7 is
dated 12.02.2024., outside year I). Values read by hand from the print.

- A row whose "Aktivitāte" cell wraps onto two lines comes out as three lines, each
  overlapping the next: the cell's first line, the other cells half a line lower, the
  cell's last word. Read one under the other, the first part of the activity was a line of
  its own, its last word stood in the count's cell, and the rest of year I was lost in a
  note, the planted date with it. The overlapping lines are one row (`pdf_stacked.py`).
- "Daugavpils" and its count "31" stand less than a tab's gap apart: the count stands where
  the other rows' counts begin, and is its own cell (`pdf_tabs.py`).
- Year II's rows 10 and 11 on the next page are in the table's columns (`pdf.py`).
- In the funding table, the wrapped period "(01.01.2024.–31.12.2024.)" was a row of its
  own (a false `funding.missing-amount`), and year I's row and the header, their lines
  overlapping, were left out of the table: a cell's wrapped line is the cell pitch under
  the one before, closer than rows stand (`pdf_columns.py`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pipeline.documents import Document, read_document
from pipeline.documents.pdf_lines import Line, Word
from pipeline.documents.pdf_stacked import cell_pitch, stacked, wrapped
from pipeline.model import AmountRole, Parsed
from tests.parse.golden import UNSEEN, read_unseen, report_of

NAME = "r11_latgale_pdf_activity_table_two_pages_planted.pdf"

# (number, activity, date, place, participants), read from the print.
YEAR_1 = [
    ("1.", "NVO forums „Latgales balss”", "18.03.2023.", "Rēzekne", 142),
    ("2.", "Seminārs par projektu rakstīšanu", "22.04.2023.", "Daugavpils", 31),
    ("3.", "Seminārs par NVO grāmatvedību", "13.05.2023.", "Ludza", 27),
    ("4.", "Jauniešu līderu apmācības", "09.06.2023.", "Preiļi", 24),
    ("5.", "Fokusgrupas diskusija par brīvprātīgo darbu", "15.06.2023.", "Balvi", 12),
    ("6.", "Pašvaldību un NVO tikšanās", "21.09.2023.", "Krāslava", 26),
    ("7.", "NVO forums „Kopā Latgalē”", "12.02.2024.", "Daugavpils", 118),
    ("8.", "Mazākumtautību kultūras festivāls", "26.08.2023.", "Daugavpils", 410),
    ("9.", "Poļu kultūras meistarklase", "07.10.2023.", "Krāslava", 35),
    ("10.", "Baltkrievu tradīciju vakars", "18.11.2023.", "Dagda", 48),
    ("11.", "Mazākumtautību NVO vadītāju apmācības", "02.12.2023.", "Rēzekne", 22),
]
YEAR_2 = [
    ("1.", "NVO forums „Latgales balss”", "16.03.2024.", "Rēzekne", 151),
    ("2.", "Seminārs par ziedojumu piesaisti", "20.04.2024.", "Daugavpils", 29),
    ("3.", "Seminārs par sociālajiem medijiem", "18.05.2024.", "Līvāni", 33),
    ("4.", "Jauniešu līderu apmācības", "07.06.2024.", "Preiļi", 26),
    ("5.", "Fokusgrupas diskusija par apkaimēm", "13.06.2024.", "Balvi", 14),
    ("6.", "Pašvaldību un NVO tikšanās", "19.09.2024.", "Ludza", 23),
    ("7.", "NVO gada konference", "14.11.2024.", "Daugavpils", 97),
    ("8.", "Mazākumtautību kultūras festivāls", "24.08.2024.", "Daugavpils", 385),
    ("9.", "Ukraiņu virtuves meistarklase", "05.10.2024.", "Rēzekne", 31),
    ("10.", "Romu kultūras diena", "16.11.2024.", "Krāslava", 57),
    ("11.", "Mazākumtautību NVO vadītāju apmācības", "07.12.2024.", "Rēzekne", 21),
]


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen({"r11": NAME})


@pytest.fixture(scope="module")
def lines() -> list[str]:
    document = read_document(UNSEEN / NAME)
    assert isinstance(document, Document), document
    return document.text.splitlines()


def _cells(line: str) -> list[str]:
    return [cell for cell in line.split("\t") if cell]


def _rows(lines: list[str], first: str, count: int) -> list[list[str]]:
    start = lines.index(first)
    return [_cells(line) for line in lines[start + 2 : start + 2 + count]]


# --- the activity tables ---------------------------------------------------------------------


def test_each_activity_row_is_one_line_of_cells_wrapped_cells_whole(lines: list[str]) -> None:
    expected = [[n, text, date, place, str(count)] for n, text, date, place, count in YEAR_1]
    assert _rows(lines, "I. ĪSTENOŠANAS GADS (01.01.2023.–31.12.2023.)", 11) == expected
    assert not any(line.startswith(("Fokusgrupas", "Mazākumtautību NVO")) for line in lines)
    assert not any(line.strip() in ("darbu", "apmācības") for line in lines)


def test_the_table_going_on_over_the_page_keeps_its_columns(lines: list[str]) -> None:
    expected = [[n, text, date, place, str(count)] for n, text, date, place, count in YEAR_2]
    assert _rows(lines, "II. ĪSTENOŠANAS GADS (01.01.2024.–31.12.2024.)", 11) == expected
    start = lines.index("II. ĪSTENOŠANAS GADS (01.01.2024.–31.12.2024.)")
    # Rows 10 and 11 (the next page) have as many cells, empty ones too, as rows 1 to 9.
    tabs = {line.count("\t") for line in lines[start + 2 : start + 13]}
    assert len(tabs) == 1


def test_every_activity_its_date_and_its_count_are_read(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "r11")
    for ordinal, rows in ((1, YEAR_1), (2, YEAR_2)):
        year = next(y for y in rep.years if y.ordinal == ordinal)
        assert [a.number for a in year.activities] == [row[0] for row in rows]
        assert [[i.value for i in a.indicators] for a in year.activities] == [
            [row[4]] for row in rows
        ]
        dates = [[d.start for d in a.dates] for a in year.activities]
        assert dates == [[dt.datetime.strptime(row[2], "%d.%m.%Y.").date()] for row in rows]
        assert all(
            a.text.value.startswith(row[1]) for a, row in zip(year.activities, rows, strict=True)
        )
        # No row is left in a note (year I's note is the description above its table).
        assert not any(row[2] in note.value for note in year.notes for row in rows)


def test_the_planted_date_is_found_and_nothing_else(read: dict[str, Parsed]) -> None:
    findings = read["r11"].findings
    assert sorted(f.code for f in findings) == [
        "activity.date-outside-year",
        "structure.no-minority-group",
    ]
    planted = next(f for f in findings if f.code == "activity.date-outside-year")
    assert "12.02.2024." in planted.message and "7." in planted.message


# --- the funding table -----------------------------------------------------------------------


def test_funding_rows_keep_their_wrapped_periods(lines: list[str]) -> None:
    assert (
        "I. īstenošanas gads (01.01.2023.–31.12.2023.)\t35 000,00 euro\t35 000,00 euro"
        "\t0,00 euro" in lines
    )
    assert (
        "II. īstenošanas gads (01.01.2024.–31.12.2024.)\t35 000,00 euro\t34 612,18 euro"
        "\t387,82 euro (atgriezti valsts budžetā)" in lines
    )
    assert "(01.01.2024.–31.12.2024.)" not in [line.split("\t")[0] for line in lines]


def test_each_years_funding_is_read_whole(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "r11")
    got = {
        row.ordinal: (
            row.period and (row.period.start, row.period.end),
            {(a.role, a.value) for a in row.amounts},
        )
        for row in rep.funding
    }
    assert got == {
        1: (
            (dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
            {
                (AmountRole.PLANNED, Decimal("35000.00")),
                (AmountRole.ACTUAL, Decimal("35000.00")),
                (AmountRole.REMAINDER, Decimal("0.00")),
            },
        ),
        2: (
            (dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
            {
                (AmountRole.PLANNED, Decimal("35000.00")),
                (AmountRole.ACTUAL, Decimal("34612.18")),
                (AmountRole.RETURNED, Decimal("387.82")),
            },
        ),
    }


# --- the rule itself -------------------------------------------------------------------------


def _line(top: float, text: str = "x") -> Line:
    return Line([Word(text, 0.0, 10.0, top, top + 11.0, 11.0, 0, False)])


def test_lines_overlapping_are_cells_beside_each_other_touching_ones_are_not() -> None:
    assert stacked(_line(500.4), _line(506.8))
    assert not stacked(_line(500.4), _line(511.4))  # the next line of running text
    # A cell wrapped onto two lines with the row's other cells between them: the pitch of
    # the cell's lines is 12.8, and a line that far under the last is the same row's.
    rows = [_line(500.4), _line(506.8), _line(513.2), _line(528.8)]
    assert cell_pitch(rows) == pytest.approx(12.8)
    assert wrapped(_line(151.8), _line(164.6), 12.8)
    assert not wrapped(_line(136.2), _line(151.8), 12.8)
    assert cell_pitch([_line(438.0), _line(453.6), _line(469.2)]) is None
