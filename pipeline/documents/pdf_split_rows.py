"""A table row a page break split: whether a page's first row is the rest of the row the page
before ended with, and the two parts as one row again.

LibreOffice and Word draw the rule under a row's part at the page's foot like any other
row's, so the rule does not tell a split row from a row that ended there; its text does. A
label that goes on mid-sentence ("III gads (15.07.2024. –" / "14.07.2025.)", "t.sk.
pilsoniskās sabiedrības attīstībai" / "Zemgales reģionā") is the same row's, read apart it
lost the year's period or gave a row of its own.
"""

from __future__ import annotations

import re

from pipeline.documents.pdf_lines import paragraphs
from pipeline.documents.pdf_tables import Cell as _Cell
from pipeline.documents.pdf_tables import Row as _Row

# A numbered table's row number: "8.", "12)", "3".
_ROW_NUMBER = re.compile(r"\d{1,3}[.)]?")


def same_row(row: _Row, header: _Row) -> bool:
    """Whether a row has the header's cells, word for word, and some text."""
    texts = [[w.text for line in cell.lines for w in line.words] for cell in row.cells]
    heads = [[w.text for line in cell.lines for w in line.words] for cell in header.cells]
    return texts == heads and any(texts)


def continues(
    last: _Row, first: _Row, foot: float, margins: tuple[float, float], spaces: bool = True
) -> bool:
    """Whether a page's first row is the rest of the previous page's last row.

    It is when the last row has no rule across its foot: the printer split it there
    (Chromium ends the side rules at the page's foot), wherever in its text the break fell.
    Otherwise that row runs down to the foot of its page, and either holds no text there, or
    the new row's first cell (the label) goes on with the label before it, or it is empty
    and some cell's text goes on mid-paragraph. A new row at the top of a page starts a
    paragraph in every cell, so a split that fell between paragraphs in every cell reads as
    a row of its own, its label empty.
    """
    if last.open:
        return True
    if not spaces:
        # Chromium (no space drawn where lines wrap) draws no rule under a row it split: a
        # row it drew one under ended there, however narrow the columns whose amounts would
        # otherwise seem to go on ("45 / 000,00" over "27 / 000,00" in the next row).
        return False
    size = max((line.size for c in last.cells for line in c.lines), default=10.0)
    if last.bottom < foot - 4 * size:
        return False
    if not any(c.lines for c in last.cells):
        return True  # the row began too low for any of its text to fit before the break
    pairs = [(_under(last, cell), cell) for cell in first.cells]
    label = first.cells[0].lines
    if label:
        # A label goes on mid-sentence ("14.07.2025.)" after "III gads (15.07.2024. –"); a new
        # row's label is the row's number ("8.") in a numbered table, or starts with a
        # capital, unless it stands alone in its row where the row before has values: a
        # name going on ("… attīstībai" / "Zemgales reģionā"), no row of the table.
        start = label[0].words[0].text
        if _ROW_NUMBER.fullmatch(start) or not _goes_on(*pairs[0], margins, spaces):
            return False
        alone = len(first.cells) == len(last.cells) and not any(c.lines for c in first.cells[1:])
        return not start[:1].isupper() or (alone and any(c.lines for c in last.cells[1:]))
    return any(_goes_on(before, after, margins, spaces) for before, after in pairs)


def _under(row: _Row, cell: _Cell) -> _Cell:
    return max(row.cells, key=lambda c: _overlap(c.box, cell.box))


def _goes_on(
    before: _Cell, after: _Cell, margins: tuple[float, float], spaces: bool = True
) -> bool:
    if not before.lines or not after.lines:
        return False
    left, right = margins
    x0, _, x1, _ = before.box
    lines = [before.lines[-1], after.lines[0]]
    return len(paragraphs(lines, x0 + left, x1 - right, wrap_spaces=spaces)) == 1


def joined(last: _Row, rest: _Row) -> _Row:
    """A split row's two parts: each part's cell goes on in the cell it stands under."""
    cells = [_Cell(c.box, list(c.lines)) for c in last.cells]
    for cell in rest.cells:
        _under(_Row(cells, rest.bottom), cell).lines.extend(cell.lines)
    return _Row(cells, rest.bottom, rest.open)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    return min(a[2], b[2]) - max(a[0], b[0])
