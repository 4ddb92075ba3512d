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

A report signed under its table and with its annexes after the signature ("Valdes
priekšsēdētāja (paraksts) I. Kalniņa", its place and date, the e-signature note, a page
break, "1. pielikums", the caption, the table) is read as a person reads it: a cell naming
an annex by its number takes the table under a caption naming that annex, past the
signature block. The signature stays where it stands, after the report's table, the report's
closing and no caption of the annex. Only lines that are each a signature's, one of them a
signer's or the e-signature's, are passed over, and only for an annex named by number on
both sides: a pointer to "the table below", or to an annex it does not number, stays as
strict as above.

The notes right under the table that are plainly its own ("II. īstenošanas gada atlikums
250,00 euro … atgriezti valsts budžetā.") go with it into the cell, after its rows, as a
nested table's paragraphs under it are (`table_notes`); anything else stays where it is.
"""

from __future__ import annotations

import re

from pipeline.documents.layout import BREAK, Block, Para, Table, table_in_cell
from pipeline.documents.table_notes import notes_under
from pipeline.parse.signatures import signature_lines
from pipeline.parse.table_pointers import ANNEX, annex_numbers, points_below, points_to_annex

_LETTER = r"a-zA-ZāčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ"
# What may stand between the two tables: its caption and a note of its currency.
_CAPTION_PARAGRAPHS = 3
# A signature block's paragraphs: the signers (two or three), place and date, the
# e-signature note, who prepared it.
_SIGNATURE_PARAGRAPHS = 8
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
                table, end, kept = moved
                out[i] = table
                out[i + 1 : end] = kept
        i += 1
    return out


def _follow(blocks: list[Block], at: int, table: Table) -> tuple[Table, int, list[Para]] | None:
    """The table at `at` with the table after it put into the cell meaning it, where the
    blocks it took end, and the signature block it passed over (kept where it stands);
    None when no cell of it means a table there."""
    paras: list[Para] = []
    for j in range(at + 1, len(blocks)):
        block = blocks[j]
        if isinstance(block, Table):
            taken = _taken(table, paras, block)
            if taken is None:
                return None
            place, added, kept = taken
            notes, end = notes_under(blocks, j + 1, block)
            return _with(table, place, (*added, *notes)), end, kept
        if block.text.strip():
            # Text of the report's own: no caption, and no signature's line either.
            if len(block.text) > _CAPTION_LENGTH:
                return None
            if len(paras) == _SIGNATURE_PARAGRAPHS + _CAPTION_PARAGRAPHS:
                return None
            paras.append(block)
    return None


def _taken(
    table: Table, paras: list[Para], below: Table
) -> tuple[tuple[int, int], tuple[Para, ...], list[Para]] | None:
    """The cell meaning the table `below`, what goes into it (the caption over the table,
    the table), and the signature block passed over."""
    signed = _signature(paras)
    if signed:
        caption = paras[signed:]
        place = _annexed_after_signature(table, caption) if _caption(caption) else None
    else:
        caption = paras
        place = _meant(table, caption) if _caption(caption) else None
    if place is None:
        return None
    return place, (*caption, *table_in_cell(below)), paras[:signed]


def _caption(paras: list[Para]) -> bool:
    return len(paras) <= _CAPTION_PARAGRAPHS


def _signature(paras: list[Para]) -> int:
    """How many of `paras` open with a signature block, a caption after it; 0 when none."""
    for n in range(min(len(paras) - 1, _SIGNATURE_PARAGRAPHS), 0, -1):
        if signature_lines([line for p in paras[:n] for line in p.text.split(BREAK)]):
            return n
    return 0


def _annexed_after_signature(table: Table, caption: list[Para]) -> tuple[int, int] | None:
    """The cell pointing to the annex a caption under a signature block names by number
    ("Skatīt 1. pielikumu" under "1. pielikums")."""
    named = annex_numbers(" ".join(p.text for p in caption))
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            text = " ".join(p.text for p in cell).strip()
            if c and points_to_annex(text) and annex_numbers(text) & named:
                return r, c
    return None


def _meant(table: Table, caption: list[Para]) -> tuple[int, int] | None:
    """The cell the table under `caption` is the content of: one pointing to a table below,
    one pointing to an annex the caption names (or names its row), or an empty cell whose
    row's label the caption repeats."""
    words = _plain(" ".join(p.text for p in caption))
    for r, row in enumerate(table.rows):
        label = _plain(" ".join(p.text for p in row[0])) if row else ""
        named = len(label) >= _LABEL_LENGTH and label in words
        annexed = named or ANNEX.search(words) is not None
        for c, cell in enumerate(row):
            if c == 0:
                continue
            text = " ".join(p.text for p in cell).strip()
            if points_below(text) or (annexed and points_to_annex(text)) or (named and not text):
                return r, c
    return None


def _plain(text: str) -> str:
    """Text as compared with a label: its words, lower case, without punctuation."""
    return " ".join(re.sub(rf"[^{_LETTER}0-9]+", " ", text).split()).casefold()


def _with(table: Table, place: tuple[int, int], added: tuple[Para, ...]) -> Table:
    r, c = place
    row = table.rows[r]
    cell = (*row[c], *added)
    rows = (*table.rows[:r], (*row[:c], cell, *row[c + 1 :]), *table.rows[r + 1 :])
    return Table(rows)
