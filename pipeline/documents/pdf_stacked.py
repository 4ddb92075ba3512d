"""Rows of a table without rules whose cells the office software centred in the row's height.

LibreOffice centres each cell of a table row between the row's top and foot. Where one cell
wraps onto two lines and the others hold one, their line stands half a line lower than the
wrapped cell's first line, and the glyphs come out as three lines, each overlapping the next:
"Fokusgrupas diskusija par brīvprātīgo" / "5. 15.06.2023. Balvi 12" / "darbu". Read one
under the other they were three rows, the first part of the activity alone and its last
word in the count's cell. Lines of one text never overlap (each begins below the last
one's foot), so lines that do are cells side by side in one row, which is certain.

Where a row's lines overlap, the distance between two of them that do not (a cell's wrapped
lines) is the table's line pitch inside a cell; rows stand further apart by the cells'
padding. A line that far under the one before it goes on in the same row (the period
"(01.01.2024.–31.12.2024.)" under "II. īstenošanas gads", its amounts' "euro" beside it).
A row of such lines right above a table found from its gutters (its header, centred in
its cells) is the table's first row, and so is one overlapping its first row.

The rows a table without rules goes on with at the top of the next page are laid into the
columns of the part before it (`in_columns`).
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.documents.pdf_lines import Line
from pipeline.documents.pdf_tables import Cell, Row

_OVERLAP = 0.1  # font sizes: lines overlapping by more than this stand side by side
_PITCH_SLACK = 0.5  # points: a wrapped line within this of the cell pitch
_ALIGNED = 1.0  # points: cells beginning this close begin in the same column
_PARAGRAPH = 0.6  # font sizes: a blank this high parts a table from the text above it


def stacked(above: Line, below: Line) -> bool:
    """Whether `below` begins above the foot of `above`: cells side by side in one row."""
    return above.top < below.top < above.bottom - _OVERLAP * below.size


def cell_pitch(lines: Sequence[Line]) -> float | None:
    """The pitch of a cell's wrapped lines, where some row's lines overlap: from each line of
    such a row to the first line of the row below its foot. None where no row shows it."""
    found: list[float] = []
    for k, line in enumerate(lines):
        j = k + 1
        while j < len(lines) and stacked(lines[j - 1], lines[j]):
            if not stacked(line, lines[j]) and lines[j].top >= line.bottom:
                found.append(lines[j].top - line.top)
                break
            j += 1
    return min(found, default=None)


def wrapped(above: Line, below: Line, pitch: float | None) -> bool:
    """Whether `below` is the next line of a cell wrapped from `above`'s row: it overlaps
    it, or stands the cell pitch under it (closer than rows stand)."""
    if stacked(above, below):
        return True
    return pitch is not None and below.top - above.top <= pitch + _PITCH_SLACK


def header_above(
    lines: list[Line], lo: int, gutters: list[tuple[float, float]], taken: set[int], size: float
) -> int:
    """Where the table begins with the row of centred cells right above it, if one stands
    there (its lines overlapping: a header "Faktiski" / "izlietots" beside "Periods Plānots
    Atlikums"), no blank line between, and no word of it across a gutter."""
    end = lo - 1
    if end < 1 or end in taken or lines[lo].top - lines[end].bottom > _PARAGRAPH * size:
        return lo
    start = end
    while start - 1 >= 0 and start - 1 not in taken and stacked(lines[start - 1], lines[start]):
        start -= 1
    if start == end:
        return lo
    across = any(
        w.x0 < b - _ALIGNED and w.x1 > a + _ALIGNED
        for ln in lines[start : end + 1]
        for w in ln.words
        for a, b in gutters
    )
    return lo if across else start


def in_columns(rows: list[Row], cells: list[Cell]) -> list[Row]:
    """Rows of a table without rules going on at the top of the next page, in the columns of
    the part before it (its row `cells`): each cell's lines in the column they begin in.
    The few rows on the next page show fewer stops than the table's header and rows did
    (Nr. "10." and the activity after it less than a tab apart), and column for column they
    would stand under the wrong header."""
    lefts = [cell.box[0] for cell in cells]
    if len(rows[0].cells) == len(cells) and all(
        abs(a.box[0] - b) <= _ALIGNED for a, b in zip(rows[0].cells, lefts, strict=True)
    ):
        return rows
    out = []
    for row in rows:
        cols: list[list[Line]] = [[] for _ in cells]
        for cell in row.cells:
            for line in cell.lines:
                k = max((c for c, x in enumerate(lefts) if x <= line.x0 + _ALIGNED), default=0)
                cols[k].append(line)
        top, bottom = row.cells[0].box[1], row.cells[0].box[3]
        out.append(
            Row(
                [
                    Cell((c.box[0], top, c.box[2], bottom), sorted(col, key=_top))
                    for c, col in zip(cells, cols, strict=True)
                ],
                row.bottom,
                row.open,
            )
        )
    return out


def _top(line: Line) -> float:
    return line.top
