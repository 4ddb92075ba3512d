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

An annex is pointed to the same way ("Skatīt 1. pielikumu."): the table after the report's,
its caption naming the annex ("1. pielikums. …") or repeating the row's label, is that cell's
content. A typist may also leave the cell empty and head the annex with the section's own
label ("Plānotais un faktiski izlietotais … finansējums sadalījumā pa gadiem, euro"): the
caption says whose content the table is, as a person reads it.

Only a cell that is a pointer and nothing else moves a table (a short cell with words for
"table" and "below", or for an annex, and no amount), or an empty cell whose row's label the
caption repeats in full; and only the next table, with at most a few short paragraphs
between (its caption, its currency): a table further on, or after text of the report's own,
is no table the cell can be sure to mean. A pointer to an annex takes a table only under a
caption naming an annex or the row: a signature table after the report is no annex.
"""

from __future__ import annotations

import re

from pipeline.documents.layout import Block, Para, Table, table_in_cell

_LETTER = r"a-zA-ZāčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ"
_TABLE = re.compile(rf"(?<![{_LETTER}])tabul[{_LETTER}]*", re.I)
_BELOW = re.compile(
    rf"(?<![{_LETTER}])(?:zemāk|zem\s+šī|turpmāk|tālāk|lejāk|lejā|nākam)[{_LETTER}]*", re.I
)
_ANNEX = re.compile(rf"(?<![{_LETTER}])pielikum[{_LETTER}]*", re.I)
_AMOUNT = re.compile(r"\d[\d\s.,]*\d|\d{2,}")
_POINTER_LENGTH = 120
# What may stand between the two tables: its caption and a note of its currency.
_CAPTION_PARAGRAPHS = 3
_CAPTION_LENGTH = 200
# A label the caption repeats to say whose the table is: a section's, not a word like "Nav".
_LABEL_LENGTH = 20


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
    """The table at `at` with the table after it put into the cell meaning it, and where the
    blocks it took end; None when no cell of it means a table there."""
    between: list[Para] = []
    for j in range(at + 1, len(blocks)):
        block = blocks[j]
        if isinstance(block, Table):
            place = _meant(table, between)
            if place is None:
                return None
            return _with(table, place, (*between, *table_in_cell(block))), j + 1
        if block.text.strip():
            if len(between) == _CAPTION_PARAGRAPHS or len(block.text) > _CAPTION_LENGTH:
                return None
            between.append(block)
    return None


def _meant(table: Table, caption: list[Para]) -> tuple[int, int] | None:
    """The cell the table under `caption` is the content of: one pointing to a table below,
    one pointing to an annex the caption names (or names its row), or an empty cell whose
    row's label the caption repeats."""
    words = _plain(" ".join(p.text for p in caption))
    for r, row in enumerate(table.rows):
        label = _plain(" ".join(p.text for p in row[0])) if row else ""
        named = len(label) >= _LABEL_LENGTH and label in words
        annexed = named or _ANNEX.search(words) is not None
        for c, cell in enumerate(row):
            if c == 0:
                continue
            text = " ".join(p.text for p in cell).strip()
            if _below(text) or (annexed and _annex(text)) or (named and not text):
                return r, c
    return None


def _plain(text: str) -> str:
    """Text as compared with a label: its words, lower case, without punctuation."""
    return " ".join(re.sub(rf"[^{_LETTER}0-9]+", " ", text).split()).casefold()


def _pointer(text: str) -> bool:
    return 0 < len(text) <= _POINTER_LENGTH and _AMOUNT.search(text) is None


def _below(text: str) -> bool:
    """A cell pointing to a table below: words for "table" and "below", and no amount."""
    return _pointer(text) and _TABLE.search(text) is not None and _BELOW.search(text) is not None


def _annex(text: str) -> bool:
    """A cell pointing to an annex ("Skatīt 1. pielikumu"), and no amount."""
    return _pointer(text) and _ANNEX.search(text) is not None


def _with(table: Table, place: tuple[int, int], added: tuple[Para, ...]) -> Table:
    r, c = place
    row = table.rows[r]
    cell = (*row[c], *added)
    rows = (*table.rows[:r], (*row[:c], cell, *row[c + 1 :]), *table.rows[r + 1 :])
    return Table(rows)
