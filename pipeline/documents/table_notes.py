"""The notes a typist writes right under a table a cell points to: "II. īstenošanas gada
atlikums 250,00 euro un III. īstenošanas gada atlikums 97,65 euro atgriezti valsts budžetā."

The table moved into the cell that points to it (`pipeline.documents.referred`), such a
sentence stayed where it stood, after the report's table: text after the report's end,
never read, and the remainders it states were read as none (a false remainder mismatch for
each year). A person reads it as the table's note, as they read a paragraph under a table
nested in the cell, and so it is: the cell's content after the table, where the funding
reader takes a paragraph under a nested table's rows (`pipeline.parse.funding_under`).

Only paragraphs that are plainly the table's are taken: each short, right under the table
or under the note before it (one empty paragraph between, as Word leaves under a table, and
no more), no heading, label, annex caption, list item or signature's line, no date, and
each about the table: naming a remainder ("atlikums"), a currency, "summa", an
implementation year the table holds ("II. īstenošanas gada") or a calendar year it holds.
A line a PDF wrapped a note onto (the note ends with no full stop, the line opens in lower
case) is the note's too. The first paragraph that is none of these ends the notes, and it
and everything after it stay where they are.
"""

from __future__ import annotations

import re

from pipeline.documents.layout import BREAK, Block, Para, Table
from pipeline.parse.funding_clauses import ordinal_number
from pipeline.parse.signatures import signature_lines
from pipeline.parse.structure_labels import label_alone

_LETTER = r"a-zA-ZāčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ"
_NOTE_LENGTH = 250
# Paragraphs that may open a signature block: its signers, place and date, the e-signature.
_SIGNATURE_PARAGRAPHS = 4
_ABOUT = re.compile(
    rf"(?<![{_LETTER}])(?:atlik[{_LETTER}]*|neizlietot[{_LETTER}]*|summ[{_LETTER}]*"
    rf"|euro|eiro|eur)(?![{_LETTER}])|€",
    re.I,
)
# "II. īstenošanas gada", "II gadā", "2. īstenošanas gads": an implementation year by number.
_ORDINAL_YEAR = re.compile(
    rf"(?<![{_LETTER}\d])(?:(?P<n>[IVX]{{1,4}})\.?|(?P<d>[1-8])\.)[ \u00a0]*"
    rf"(?:(?i:īstenošanas)[ \u00a0]+)?(?i:gad[{_LETTER}]*)"
)
# a cell naming its year by the numeral alone: "II.", "II"
_BARE_ORDINAL = re.compile(r"[ \u00a0]*(?P<n>[IVX]{1,4})\.?[ \u00a0]*")
_CALENDAR_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A day's date ("12.08.2025.", "2025. gada 12. augustā"): a signature's place and date, no note.
_DATE = re.compile(
    rf"\d{{1,2}}\.[ \u00a0]?\d{{1,2}}\.[ \u00a0]?\d{{4}}"
    rf"|\d{{4}}\.[ \u00a0]*gada[ \u00a0]+\d{{1,2}}\.[ \u00a0]*[{_LETTER}]+",
    re.I,
)
_CAPTION = re.compile(rf"^[ \u00a0]*(?:\d{{1,2}}\.[ \u00a0]*)?pielikum[{_LETTER}]*", re.I)
_UPPER = re.compile(r"[A-ZĀČĒĢĪĶĻŅŠŪŽ]")
_LOWER = re.compile(r"[a-zāčēģīķļņšūž]")


def notes_under(blocks: list[Block], at: int, table: Table) -> tuple[list[Para], int]:
    """The notes under `table` from `blocks[at]` on, and where the blocks they take end
    (`at` when there are none)."""
    years = _years(table)
    notes: list[Para] = []
    end = at
    blank = 0
    for j in range(at, len(blocks)):
        block = blocks[j]
        if isinstance(block, Table):
            break
        if not block.text.strip():
            blank += 1
            if blank > 1:
                break
            continue
        if _signed(blocks, j):
            break
        if not (_note(block, years) or (notes and _wrapped(notes[-1], block))):
            break
        notes.append(block)
        end, blank = j + 1, 0
    return notes, end


def _note(para: Para, years: tuple[set[int], set[str]]) -> bool:
    text = " ".join(para.text.split())
    if len(text) > _NOTE_LENGTH or para.marker is not None or _heading(text):
        return False
    if _DATE.search(text):
        return False
    ordinals, calendar = years
    return (
        _ABOUT.search(text) is not None
        or any(_ordinal(m) in ordinals for m in _ORDINAL_YEAR.finditer(text))
        or any(m.group() in calendar for m in _CALENDAR_YEAR.finditer(text))
    )


def _heading(text: str) -> bool:
    """A heading, a section's label or an annex's caption: what opens text of its own."""
    if label_alone(text) or _CAPTION.match(text) or text.endswith(":"):
        return True
    return _LOWER.search(text) is None and _UPPER.search(text) is not None


def _wrapped(note: Para, para: Para) -> bool:
    """A line a note was wrapped onto: the note ends mid-sentence, the line opens in lower case."""
    text = para.text.strip()
    return (
        len(text) <= _NOTE_LENGTH
        and para.marker is None
        and not note.text.rstrip().endswith((".", "!", "?"))
        and _LOWER.match(text) is not None
    )


def _signed(blocks: list[Block], at: int) -> bool:
    """Whether a signature block opens at `blocks[at]` (its lines up to the next blank)."""
    lines: list[str] = []
    for block in blocks[at : at + _SIGNATURE_PARAGRAPHS]:
        if isinstance(block, Table) or not block.text.strip():
            break
        lines.extend(block.text.split(BREAK))
        if signature_lines(lines):
            return True
    return False


def _ordinal(found: re.Match[str]) -> int | None:
    return ordinal_number(found.group("n") or found.group("d"))


def _years(table: Table) -> tuple[set[int], set[str]]:
    """The implementation years a table names by number, and the calendar years it names."""
    ordinals: set[int] = set()
    calendar: set[str] = set()
    for row in table.rows:
        for cell in row:
            text = " ".join(p.text for p in cell)
            named = [_ordinal(m) for m in _ORDINAL_YEAR.finditer(text)]
            bare = _BARE_ORDINAL.fullmatch(text)
            if bare is not None:
                named.append(ordinal_number(bare.group("n")))
            ordinals.update(n for n in named if n is not None)
            calendar.update(m.group() for m in _CALENDAR_YEAR.finditer(text))
    return ordinals, calendar
