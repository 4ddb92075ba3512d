"""A table the report's table points to: "Skatīt tabulu zemāk" (see the table below).

A typist whose funding table did not fit the template's cell writes the table after the
template's table, and in the cell a pointer to it: "Plānotais un faktiski izlietotais …
finansējums | Skatīt tabulu zemāk (euro)." with, after the table, its caption and the table
of years. Read in document order, the funding section held only the pointer (a year with no
amount) and the table stood after the report's end, its amounts read as no year's. The
reader follows the pointer, as a person does: the table below, with the caption written
over it, is the content of the cell that points to it, laid out as a table nested in that
cell is (`layout.table_in_cell`), the form the same report takes when the typist nests the
table. The pointer's own words are kept, before the table.

Only a cell that is a pointer and nothing else moves a table (a short cell with words for
"table" and "below" and no amount), and only the next table, with at most a few short
paragraphs between (its caption, its currency): a table further on, or after text of the
report's own, is no table the cell can be sure to mean.
"""

from __future__ import annotations

import re

from pipeline.documents.layout import Block, Cell, Para, Table, table_in_cell

_LETTER = r"a-zA-ZāčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ"
_TABLE = re.compile(rf"(?<![{_LETTER}])tabul[{_LETTER}]*", re.I)
_BELOW = re.compile(
    rf"(?<![{_LETTER}])(?:zemāk|zem\s+šī|turpmāk|tālāk|lejāk|lejā|nākam)[{_LETTER}]*", re.I
)
_AMOUNT = re.compile(r"\d[\d\s.,]*\d|\d{2,}")
_POINTER_LENGTH = 120
# What may stand between the two tables: its caption and a note of its currency.
_CAPTION_PARAGRAPHS = 3
_CAPTION_LENGTH = 200


def follow_pointers(blocks: list[Block]) -> list[Block]:
    """The blocks with each table a cell points to moved into that cell."""
    out = list(blocks)
    i = 0
    while i < len(out):
        block = out[i]
        if isinstance(block, Table):
            moved = _follow(out, i, block)
            if moved is not None:
                out[i] = moved[0]
                del out[i + 1 : moved[1]]
        i += 1
    return out


def _follow(blocks: list[Block], at: int, table: Table) -> tuple[Table, int] | None:
    """The table at `at` with the table below put into the cell pointing to it, and where
    the blocks it took end; None when no cell of it points, or no table below can be meant."""
    place = next(
        (
            (r, c)
            for r, row in enumerate(table.rows)
            for c, cell in enumerate(row)
            if c > 0 and _points(cell)
        ),
        None,
    )
    if place is None:
        return None
    between: list[Para] = []
    for j in range(at + 1, len(blocks)):
        block = blocks[j]
        if isinstance(block, Table):
            return _with(table, place, (*between, *table_in_cell(block))), j + 1
        if block.text.strip():
            if len(between) == _CAPTION_PARAGRAPHS or len(block.text) > _CAPTION_LENGTH:
                return None
            between.append(block)
    return None


def _points(cell: Cell) -> bool:
    text = " ".join(p.text for p in cell).strip()
    return (
        0 < len(text) <= _POINTER_LENGTH
        and _TABLE.search(text) is not None
        and _BELOW.search(text) is not None
        and _AMOUNT.search(text) is None
    )


def _with(table: Table, place: tuple[int, int], added: tuple[Para, ...]) -> Table:
    r, c = place
    row = table.rows[r]
    cell = (*row[c], *added)
    rows = (*table.rows[:r], (*row[:c], cell, *row[c + 1 :]), *table.rows[r + 1 :])
    return Table(rows)
