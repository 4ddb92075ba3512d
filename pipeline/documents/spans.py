"""Cells spanning rows, as every reader writes them: the columns a cell from a row above
covers are an empty cell in each row it covers, in the place of the column it covers.

Word keeps such a cell in each row it spans (`w:vMerge`, continued), the PDF reader finds its
column by the rules, and so a year's cell spanning its purposes ("I gads | mērķis | 31 000,00
| 30 988,40") leaves the purpose rows beginning with an empty cell ("| mērķis | 25 000,00 |
24 226,20"). HTML (`rowspan`) and OpenDocument (`table:number-rows-spanned`) leave the
covered places out or mark them; were they dropped, the same table would give its amounts a
column to the left in those rows, the actual amount under the planned column. A column
covered from the left (a column span) stays part of its cell in every format: the cell is
one cell however many columns wide.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class _Span:
    rows: int  # the rows it still covers, the one being read included
    width: int  # the columns it covers


class RowSpans:
    """The spans a table's cells reach down with, row by row, on the table's column grid."""

    def __init__(self) -> None:
        self._below: dict[int, _Span] = {}  # first column covered → the span covering it
        self._used: set[int] = set()  # spans this row already has its empty cell for

    def covered(self, column: int) -> int:
        """How many columns, from `column` on, a span from a row above covers in this row
        (0 when none begins there, or its empty cell is written already)."""
        span = self._below.get(column)
        if span is None or column in self._used:
            return 0
        self._used.add(column)
        return span.width

    def add(self, column: int, columns: int, rows: int) -> None:
        """A cell at `column`, `columns` wide, spanning `rows` rows (its own included)."""
        if rows > 1:
            self._below[column] = _Span(rows, max(columns, 1))

    def rest(self, column: int) -> int:
        """How many spans from above begin at or after `column` and have no empty cell in this
        row yet: the row's last cells, which the row itself does not write."""
        return sum(1 for c in self._below if c >= column and c not in self._used)

    def next_row(self) -> None:
        """The row is done: every span covers one row less."""
        self._below = {c: _Span(s.rows - 1, s.width) for c, s in self._below.items() if s.rows > 1}
        self._used = set()


def span_count(value: str | None) -> int:
    """A span attribute's number of rows or columns: 1 when missing or unreadable, as a
    browser and LibreOffice take it (HTML's `rowspan="0"`, to the table's end, is rare in
    reports and read as 1)."""
    try:
        return max(int((value or "1").strip()), 1)
    except ValueError:
        return 1
