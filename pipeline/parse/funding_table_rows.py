"""A table's rows as the funding reader takes them: a row whose last cell holds a paragraph
naming another year after a year's money cut into the rows it stands for, a purpose line
under its year ("t.sk. pilsoniskās sabiedrības attīstībai … | 29 000,00 | 29 000,00") read
as that year's line, and the cell that opens a new year's statements. `funding.py` reads
the table row by row with them.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from pipeline.model import AmountRole, Purpose
from pipeline.parse.funding_clauses import split_text
from pipeline.parse.funding_text import TextReader
from pipeline.parse.funding_words import CALENDAR_KEY, PERIOD_RANGE, year_paragraphs
from pipeline.parse.latvian import AMOUNT, CURRENCY
from pipeline.parse.text import SourcedText

_WS = " \n\t\x0b\u00a0"


class _Row(NamedTuple):
    """A table row as read: its text, its cells, and the text whose year cannot be told."""

    text: SourcedText
    cells: list[SourcedText]
    unsure: tuple[SourcedText, ...] = ()


class TableRowReader(TextReader):
    """The reader's ways with a table's rows (see the module)."""

    def _line_row(
        self,
        purpose: Purpose,
        key: SourcedText,
        rest: list[SourcedText],
        cells: list[SourcedText],
        mapped: list[AmountRole | None] | None,
        row: SourcedText,
        unsure: tuple[SourcedText, ...],
    ) -> None:
        """A purpose line of the year above ("t.sk. pilsoniskās sabiedrības attīstībai … |
        29 000,00 | 29 000,00 | 0,00"): each amount in its column's role, as that year's
        line. Without a header naming the columns they stand as the year's own row does,
        planned then actual; a further amount's role is not told."""
        block, slots = self.blocks[-1], self.columns[-1]
        self._row_pieces(block, row, unsure)
        if mapped is not None:
            placed = [(r, c) for c, r in zip(cells, mapped, strict=True) if r is not None]
            for cell, role in zip(cells, mapped, strict=True):
                if role is None and cell is not key:
                    slots.add(2, cell)
            self.line_cells(block, purpose, key, placed)
        elif block.calendar_year is None and not slots.headed:
            roles = (AmountRole.PLANNED, AmountRole.ACTUAL)
            # a cell left out at the row's end is empty, as a merged cell's place is
            padded = [*rest, *[_EMPTY] * (len(roles) - len(rest))]
            self.line_cells(block, purpose, key, list(zip(roles, padded, strict=False)))
            self.unread_cells(block, rest[2:])
        else:
            self.unread_cells(block, rest)

    def _year_paragraphs(self, row: SourcedText) -> list[_Row]:
        """The row as the rows it stands for: a paragraph of its last cell that names a
        year ("I. īstenošanas gads", "2023. gads", a date range) after another year's money
        starts a new row, as a new table row would. Such a paragraph in an earlier cell
        leaves the cells after it to no year that can be told: the row is kept whole and
        its amounts from that paragraph on are unread."""
        cells = split_text(row, "\t")
        filled = [i for i, c in enumerate(cells) if c.text.strip(_WS + "\ue000")]
        if not filled:
            return [_Row(row, cells)]
        last = filled[-1]
        for i in filled[:-1]:
            starts = year_paragraphs(cells[i].text)
            if starts:
                unsure = (cells[i][starts[0] :], *cells[i + 1 :])
                return [_Row(row, cells, unsure)]
        starts = year_paragraphs(cells[last].text)
        if not starts:
            return [_Row(row, cells)]
        cell, out = cells[last], []
        bounds = [0, *starts, len(cell)]
        for n, (begin, end) in enumerate(itertools.pairwise(bounds)):
            part = cell[begin:end]
            if n == 0:
                out.append(
                    _Row(SourcedText.join([*cells[:last], part], "\t"), [*cells[:last], part])
                )
                continue
            key = CALENDAR_KEY.match(part.text)
            if key is not None:
                # "2023. gads" reads as a calendar year only as a cell of its own.
                out.append(_Row(part, [_EMPTY, part[: key.end("key")], part[key.end() :]]))
            else:
                out.append(_Row(part, [_EMPTY, part]))
        return out

    # -- helpers ----------------------------------------------------------------------------
    def _starts_year(self, text: str) -> bool:
        head = text.lstrip(_WS)
        return bool(
            re.match(
                rf"(?:{AMOUNT})\s*(?:{CURRENCY}|,?\s*t\.\s?sk|\(|$)|Pl[āa]nots|Faktiski|Izlietots"
                rf"|{PERIOD_RANGE.pattern}",
                head,
                re.I,
            )
        )


_EMPTY = SourcedText.of("")
