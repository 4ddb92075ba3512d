"""Rows laid out with tab stops: a table typed without a table.

A typist who sets a table with tabs ("1.<TAB>Apzinātas MT NVO vajadzības<TAB>14<TAB>-", the
funding row "2021.<TAB><TAB>15 000,00<TAB>14 820,35<TAB>179,65") leaves on the page only
the words, each cell's first word standing at its tab stop with white space before it wider
than a space. Read across the page as one line, the row lost its cells ("… vajadzības 14 -",
"15 000,00 14 820,35 179,65", where an amount's digit groups and the next cell's amount run
together); a text export keeps the tabs, and the parser reads such rows as a table's.

Lines with two or more such gaps, one under the other, whose cells begin at the same stops
(two stops at least), are the rows of one table; each cell is read from the stop it stands
at. A line of a row that the office software wrapped (the header "Gads … Faktiski,EUR", its
last cell "Atlikums,EUR" not fitting) stands closer under the row than the rows stand to
each other, and goes on in that row: back at the margin (or where the last cell began) it
is the last cell's text wrapped; at a tab stop, the tab itself went over to the next line,
and its text is the next cell's.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from pipeline.documents.pdf_lines import Line, Word

_TAB = 0.8  # font sizes: the narrowest gap a tab leaves ...
_TAB_SPACES = 2.0  # ... and it is wider than this many of the line's spaces
_ALIGNED = 1.0  # points: cells starting this close start at the same stop
_BREAK = 3.0  # font sizes: a blank this high ends a table
_SHARED = 2  # stops at which cells of two rows or more begin, at least
_CELLS = 3  # cells of a row, at least: a label and its value beside it are no table
Box = tuple[float, float, float, float]
Cells = tuple[tuple[Box, tuple[Line, ...]], ...]
Segments = list[list[Word]]


@dataclass(frozen=True, slots=True)
class TabTable:
    lo: int
    hi: int  # the page's lines it is made of, inclusive
    rows: tuple[Cells, ...]


def tab_tables(lines: list[Line], used: set[int], size: float) -> list[TabTable]:
    """The tables typed with tabs among a page's lines outside the ruled tables, those in
    `used` (text columns, tables drawn without rules) left alone."""
    cells = {i: _segments(line, size) for i, line in enumerate(lines) if i not in used}
    out: list[TabTable] = []
    i = 0
    while i < len(lines):
        if len(cells.get(i, ())) < _CELLS:
            i += 1
            continue
        rows = _rows(lines, cells, i, size)
        table = _table(lines, cells, rows)
        if table is not None:
            out.append(table)
        i = rows[-1][-1] + 1
    return out


def _segments(line: Line, size: float) -> Segments:
    """A line's words parted where a tab stood: a gap wider than a space could be."""
    least = max(_TAB * size, _TAB_SPACES * line.space)
    out = [[line.words[0]]]
    for a, b in itertools.pairwise(line.words):
        if b.x0 - a.x1 >= least:
            out.append([])
        out[-1].append(b)
    return out


def _rows(lines: list[Line], cells: dict[int, Segments], i: int, size: float) -> list[list[int]]:
    """The rows from line `i` on, each its line with tab stops and the line its text wrapped
    onto, if any: a line without tabs closer under a row than the rows stand to each other
    (where two rows stand one under the other, else the row and the line above it)."""
    run = [i]
    j = i + 1
    while j in cells and lines[j].top - lines[j - 1].bottom <= _BREAK * size:
        if len(cells[j]) < _CELLS and len(cells[run[-1]]) < _CELLS:
            break
        run.append(j)
        j += 1
    pitches = [
        lines[b].top - lines[a].top
        for a, b in itertools.pairwise(run)
        if len(cells[a]) >= _CELLS and len(cells[b]) >= _CELLS
    ]
    if not pitches and i - 1 in cells and lines[i].top - lines[i - 1].bottom <= _BREAK * size:
        pitches.append(lines[i].top - lines[i - 1].top)
    pitch = min(pitches, default=None)
    found: list[list[int]] = []
    for k in run:
        if len(cells[k]) >= _CELLS:
            found.append([k])
        elif pitch is not None and lines[k].top - lines[k - 1].top < pitch - 0.1 * size:
            found[-1].append(k)
        else:
            break
    return found


def _table(lines: list[Line], cells: dict[int, Segments], rows: list[list[int]]) -> TabTable | None:
    if len(rows) < 2:
        return None
    stops: list[list[float]] = []  # each stop: where the cells standing at it begin
    for row in rows:
        for segment in cells[row[0]][1:]:
            x = segment[0].x0
            near = next((s for s in stops if abs(s[0] - x) <= _ALIGNED), None)
            if near is None:
                stops.append([x])
            else:
                near.append(x)
    if sum(1 for s in stops if len(s) >= 2) < _SHARED:
        return None
    margin = min(lines[row[0]].x0 for row in rows)
    starts = sorted([margin] + [min(s) for s in stops])
    placed = [_placed([(lines[k], cells[k]) for k in row], starts, margin) for row in rows]
    edges = [
        max([starts[k]] + [ln.x1 for cols in placed for ln in cols[k]]) for k in range(len(starts))
    ]
    out = []
    for row, cols in zip(rows, placed, strict=True):
        top, bottom = lines[row[0]].top, max(lines[k].bottom for k in row)
        out.append(
            tuple(((starts[k], top, edges[k], bottom), tuple(col)) for k, col in enumerate(cols))
        )
    return TabTable(rows[0][0], rows[-1][-1], tuple(out))


def _placed(
    row: list[tuple[Line, Segments]], starts: list[float], margin: float
) -> list[list[Line]]:
    """A row's cells: each segment in the column of the stop it stands at; the words of a
    wrapped line in the cell they go on in (see the module's note)."""
    cols: list[list[Line]] = [[] for _ in starts]
    last = 0
    for n, (line, segments) in enumerate(row):
        for m, words in enumerate(segments):
            x = words[0].x0
            k = max((c for c, s in enumerate(starts) if s <= x + _ALIGNED), default=0)
            if n and not m:
                begun = cols[last][0].x0 if cols[last] else starts[last]
                back = abs(x - margin) <= _ALIGNED or abs(x - begun) <= _ALIGNED
                k = last if back else min(last + 1, len(starts) - 1)
            k = max(k, last)
            ends = line.ends_with_space if m == len(segments) - 1 else False
            part = Line(list(words), ends_with_space=ends, space=line.space)
            if m and k == last and cols[k]:
                # Two segments at one column's stop: a wide space inside the cell.
                cols[k][-1].words.extend(part.words)
                cols[k][-1].ends_with_space = ends
            else:
                cols[k].append(part)
            last = k
    return cols
