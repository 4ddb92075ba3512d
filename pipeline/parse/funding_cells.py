"""What the funding table reader asks of a section's lines and cells: whether tabs part its
lines into cells (a tab inside an amount does not, `funding_tabs.py`), whether a cell holds
money, and whether the year above is only named so far.
"""

from __future__ import annotations

import re

from pipeline.parse.diacritics import either_form
from pipeline.parse.funding_blocks import Block
from pipeline.parse.funding_lines import purpose_line
from pipeline.parse.funding_rows import Slots
from pipeline.parse.funding_tabs import without_inner_tabs
from pipeline.parse.funding_words import MONEY_IN_TEXT, counts_as_money
from pipeline.parse.text import SourcedText


def named_only(block: Block, slots: Slots) -> bool:
    """Whether the year before is only named so far: its row gave its key ("01.08.2022. –
    31.07.2023." on a row of its own) and no money. The row of amounts under it is that
    year's, as a second line of its cell would be, not a year with no name."""
    keyed = block.period is not None or block.ordinal is not None or block.calendar_year
    return bool(keyed) and not block.amounts and not any(has_money(c.text) for c in slots.cells)


def next_statement(block: Block, text: str) -> bool:
    """Whether a row opening with "Faktiski" (or "Izlietots") goes on with the year before,
    named by its key and not yet stating its actual: "2014.gads", then "Plānots …",
    "Faktiski …", "Atlikums …" on rows of their own are one year's statements."""
    keyed = block.period is not None or block.ordinal is not None or block.calendar_year
    if not keyed or not _ACTUAL_LEAD.match(text):
        return False
    return not any(_ACTUAL_WORD.search(piece.text) for piece in block.pieces)


_ACTUAL_LEAD = re.compile(either_form(r"[\s\ue000]*(?:faktiski|izlietots)(?!\w)"), re.I)
_ACTUAL_WORD = re.compile(either_form(r"(?<!\w)(?:faktisk|izlietot)"), re.I)


def has_columns(text: str) -> bool:
    """Whether a tab separates cells: one after a line's first words, or one before a line
    that is not a purpose's line. A tab only before "pilsoniskās sabiedrības attīstībai –
    EUR 7 500" indents it, as a typist indents a statement's lines; before other words it
    may leave the first cell empty."""
    return any(
        "\t" in without_inner_tabs(line).strip()
        or (line[:1] == "\t" and purpose_line(line) is None)
        for line in text.split("\n")
    )


def money_cells(cells: list[SourcedText], key: SourcedText) -> int:
    return sum(has_money(c.text) for c in cells if c is not key)


def money_of(text: SourcedText) -> list[SourcedText]:
    found = MONEY_IN_TEXT.finditer(text.text)
    return [text[m.start() : m.end()] for m in found if counts_as_money(m)]


def has_money(text: str) -> bool:
    return any(counts_as_money(m) for m in MONEY_IN_TEXT.finditer(text))
