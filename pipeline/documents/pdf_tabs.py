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
and its text is the next cell's. A table without rules whose cells are centred in a taller
row (`pdf_stacked`) has lines of a row overlapping: they are one row, each line's words in
the cells whose stops they stand at, the first part of a wrapped cell above them too.

Where a cell's text runs up close to the next stop ("Daugavpils" and the count "31" after
it, less than a tab's gap apart), a word standing at a stop other rows' cells begin at,
further from the word before than a space, begins the next cell.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from pipeline.documents.pdf_lines import Line, Word
from pipeline.documents.pdf_stacked import stacked

_TAB = 0.8  # font sizes: the narrowest gap a tab leaves ...
_TAB_SPACES = 2.0  # ... and it is wider than this many of the line's spaces
_ALIGNED = 1.0  # points: cells starting this close start at the same stop
_BREAK = 3.0  # font sizes: a blank this high ends a table
_SHARED = 2  # stops at which cells of two rows or more begin, at least
_CELLS = 3  # cells of a row, at least: a label and its value beside it are no table
_STOP_GAP = 1.5  # spaces: a word at a stop this far from the one before begins a cell
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
    (where two rows stand one under the other, else the row and the line above it), or
    overlapping a line of the row (a cell centred in a taller row, `pdf_stacked`)."""
    start = i
    while start - 1 in cells and stacked(lines[start - 1], lines[start]):
        start -= 1
    run = [start]
    j = start + 1
    while j in cells and lines[j].top - lines[j - 1].bottom <= _BREAK * size:
        beside = stacked(lines[j - 1], lines[j]) or (
            j + 1 in cells and stacked(lines[j], lines[j + 1])
        )
        if len(cells[j]) < _CELLS and len(cells[run[-1]]) < _CELLS and not beside:
            break
        run.append(j)
        j += 1
    pitches = [
        lines[b].top - lines[a].top
        for a, b in itertools.pairwise(run)
        if len(cells[a]) >= _CELLS and len(cells[b]) >= _CELLS
    ]
    if (
        not pitches
        and start - 1 in cells
        and lines[start].top - lines[start - 1].bottom <= _BREAK * size
    ):
        pitches.append(lines[start].top - lines[start - 1].top)
    pitch = min(pitches, default=None)
    found: list[list[int]] = []
    for n, k in enumerate(run):
        if found and k - 1 in found[-1] and stacked(lines[k - 1], lines[k]):
            found[-1].append(k)
        elif len(cells[k]) >= _CELLS or (n + 1 < len(run) and stacked(lines[k], lines[run[n + 1]])):
            found.append([k])
        elif found and pitch is not None and lines[k].top - lines[k - 1].top < pitch - 0.1 * size:
            found[-1].append(k)
        else:
            break
    return found


def _table(lines: list[Line], cells: dict[int, Segments], rows: list[list[int]]) -> TabTable | None:
    if len(rows) < 2:
        return None
    # A row's lines with tab stops (a wrapped line under it has none; beside it, some may).
    tabbed = [[k for k in row if len(cells[k]) >= _CELLS] or row[:1] for row in rows]
    stops: list[list[float]] = []  # each stop: where the cells standing at it begin
    for ks in tabbed:
        for segment in (s for k in ks for s in cells[k][1:]):
            x = segment[0].x0
            near = next((s for s in stops if abs(s[0] - x) <= _ALIGNED), None)
            if near is None:
                stops.append([x])
            else:
                near.append(x)
    if sum(1 for s in stops if len(s) >= 2) < _SHARED:
        return None
    margin = min(lines[ks[0]].x0 for ks in tabbed)
    starts = sorted([margin] + [min(s) for s in stops])
    placed = [
        _placed([(lines[k], _at_stops(lines[k], cells[k], starts)) for k in row], starts, margin)
        for row in rows
    ]
    edges = [
        max([starts[k]] + [ln.x1 for cols in placed for ln in cols[k]]) for k in range(len(starts))
    ]
    out = []
    for row, cols in zip(rows, placed, strict=True):
        top, bottom = min(lines[k].top for k in row), max(lines[k].bottom for k in row)
        out.append(
            tuple(((starts[k], top, edges[k], bottom), tuple(col)) for k, col in enumerate(cols))
        )
    return TabTable(rows[0][0], rows[-1][-1], tuple(out))


def _at_stops(line: Line, segments: Segments, starts: list[float]) -> Segments:
    """The segments, each also parted before a word standing at a stop with more than a
    space before it: a cell run up close to the next one."""
    out: Segments = []
    for segment in segments:
        out.append([segment[0]])
        for a, b in itertools.pairwise(segment):
            at_stop = any(abs(b.x0 - s) <= _ALIGNED for s in starts[1:])
            if at_stop and b.x0 - a.x1 > _STOP_GAP * line.space:
                out.append([])
            out[-1].append(b)
    return out


def _placed(
    row: list[tuple[Line, Segments]], starts: list[float], margin: float
) -> list[list[Line]]:
    """A row's cells: each segment in the column of the stop it stands at; the words of a
    wrapped line in the cell they go on in (see the module's note). A line overlapping
    another of the row stands beside it: its words go where they stand."""
    cols: list[list[Line]] = [[] for _ in starts]
    last = 0
    lines = [line for line, _ in row]
    beside = [any(stacked(a, b) or stacked(b, a) for b in lines if b is not a) for a in lines]
    for n, (line, segments) in enumerate(row):
        if beside[n]:
            _place_beside(cols, line, segments, starts)
            continue
        for m, words in enumerate(segments):
            x = words[0].x0
            k = _stop(x, starts)
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


def _stop(x: float, starts: list[float]) -> int:
    return max((c for c, s in enumerate(starts) if s <= x + _ALIGNED), default=0)


def _place_beside(
    cols: list[list[Line]], line: Line, segments: Segments, starts: list[float]
) -> None:
    """A line of a centred row: each segment in the column it stands in, the segments of
    one column in this line one line of the cell."""
    here: dict[int, Line] = {}
    for m, words in enumerate(segments):
        k = _stop(words[0].x0, starts)
        ends = line.ends_with_space if m == len(segments) - 1 else False
        if k in here:
            here[k].words.extend(words)
            here[k].ends_with_space = ends
        else:
            here[k] = Line(list(words), ends_with_space=ends, space=line.space)
            cols[k].append(here[k])
