"""A report's table drawn in ASCII art, as a plain-text export or a mail program writes it:

    +---------------------------+------------------------------------+
    | Valsts pārvaldes uzdevuma | Biedrība „Latgolys kulturys        |
    | veicējs                   | centrs”, reģistrācijas Nr. …       |
    +---------------------------+------------------------------------+

A border line of "+" and "-" (or "=") between rows, "|" between cells, each cell's text
wrapped over the lines of its row. Read line by line, a label's words and its value's run
into each other between pipes and no label is found. Read by cell it is the table the other
exports write, a row a line, its cells joined by tabs: the first cell's lines (a label's
words) joined by spaces, every other cell's lines parted by soft breaks (a blank one kept
as an empty line), cells left empty at a row's end dropped.

Only a block that is certainly such a grid: it opens and closes with a border line, every
border line has its "+"s at the same columns (two cells or more), and every line between
them has a "|" at each of those columns. Anything else (a cell spanning two columns, a
border gone astray) is left as written, and so is the whole grid it belongs to.
"""

from __future__ import annotations

import itertools
import re

from pipeline.parse.text import SOFT_BREAK, SourcedText

_BORDER = re.compile(r"[ \u00a0]{0,3}\+(?:[-=]+\+){2,}[ \u00a0]*")
_CELL_SPACE = " \u00a0"


def grid_tables(text: SourcedText) -> SourcedText:
    """`text` with each ASCII grid table written as tab-separated rows (see the module)."""
    s = text.text
    if "+-" not in s and "+=" not in s:
        return text
    lines = _lines(s)
    out: list[SourcedText] = []
    pos = 0  # the source text's characters before it are written to `out`
    k = 0
    while k < len(lines):
        end = _grid_end(s, lines, k)
        if end is None or _drawn(s, lines, k - 1) or _drawn(s, lines, end + 1):
            k += 1  # no grid, or part of a grid that goes on crooked: left as written
            continue
        first_start = lines[k][0]
        out.append(text[pos:first_start])
        out.extend(_rows(text, lines[k : end + 1]))
        # the closing border's line break ends the last row as it ended the grid
        pos = lines[end][2]
        k = end + 1
    if not out:
        return text
    out.append(text[pos:])
    return SourcedText.join(out, "")


def _lines(s: str) -> list[tuple[int, int, int]]:
    """Each line's start, its end without the break and its end after it."""
    out, start = [], 0
    for m in re.finditer("\n", s):
        end = m.start() - 1 if m.start() > start and s[m.start() - 1] == "\r" else m.start()
        out.append((start, end, m.end()))
        start = m.end()
    if start < len(s):
        out.append((start, len(s), len(s)))
    return out


def _drawn(s: str, lines: list[tuple[int, int, int]], k: int) -> bool:
    """Whether line `k` (if any) is drawn as a grid's: it opens with a "|" or a "+"."""
    if not 0 <= k < len(lines):
        return False
    return s[lines[k][0] : lines[k][1]].lstrip(_CELL_SPACE).startswith(("|", "+"))


def _columns(line: str) -> tuple[int, ...] | None:
    """Where a border line's "+"s stand; None for a line that is no border."""
    if not _BORDER.fullmatch(line):
        return None
    return tuple(m.start() for m in re.finditer(r"\+", line))


def _grid_end(s: str, lines: list[tuple[int, int, int]], k: int) -> int | None:
    """The index of the closing border of a grid opening with a border at line `k`: the
    last border before a line that is neither a border like it nor a row line of it."""
    columns = _columns(s[lines[k][0] : lines[k][1]])
    if columns is None:
        return None
    last: int | None = None
    rows = 0
    for j in range(k + 1, len(lines)):
        line = s[lines[j][0] : lines[j][1]]
        if _columns(line) is not None:
            if _columns(line) != columns:
                break
            last = j if rows else last
            continue
        if not _is_row_line(line, columns):
            break
        rows += 1
    return last if last is not None and rows else None


def _is_row_line(line: str, columns: tuple[int, ...]) -> bool:
    """A line between borders: a "|" at each border's "+", and nothing outside them."""
    if len(line.rstrip(_CELL_SPACE)) != columns[-1] + 1:
        return False
    if line[: columns[0]].strip(_CELL_SPACE):
        return False
    return all(line[c] == "|" for c in columns)


def _rows(text: SourcedText, lines: list[tuple[int, int, int]]) -> list[SourcedText]:
    """The grid's rows, each ending with the line break of the border closing it."""
    s = text.text
    columns = _columns(s[lines[0][0] : lines[0][1]])
    assert columns is not None
    out: list[SourcedText] = []
    row: list[tuple[int, int, int]] = []
    for line in lines[1:]:
        if _columns(s[line[0] : line[1]]) is None:
            row.append(line)
            continue
        if row:
            written = _row(text, row, columns)
            if written is not None:
                brk = line[2] - 1 if line[2] > line[1] else line[1] - 1
                out.append(SourcedText.join([written, SourcedText("\n", (text.offsets[brk],))], ""))
        row = []
    return out


def _row(
    text: SourcedText, lines: list[tuple[int, int, int]], columns: tuple[int, ...]
) -> SourcedText | None:
    """A row's cells joined by tabs, each tab standing for the "|" before its cell; None for
    a row of empty cells."""
    cells: list[tuple[int, SourcedText]] = []
    for n, (left, right) in enumerate(itertools.pairwise(columns)):
        pieces = [
            text[start + left + 1 : start + right].strip(_CELL_SPACE) for start, _, _ in lines
        ]
        cells.append((text.offsets[lines[0][0] + left], _cell(pieces, first=n == 0)))
    while cells and not cells[-1][1].text:
        cells.pop()
    if not cells:
        return None
    parts: list[SourcedText] = []
    for n, (pipe, cell) in enumerate(cells):
        if n:
            parts.append(SourcedText("\t", (pipe,)))
        parts.append(cell)
    return SourcedText.join(parts, "")


def _cell(pieces: list[SourcedText], first: bool) -> SourcedText:
    """A cell's lines: a label's joined by spaces, a value's parted by soft breaks (a blank
    line kept as an empty one, blank lines at its ends dropped)."""
    while pieces and not pieces[-1].text:
        pieces.pop()
    while pieces and not pieces[0].text:
        pieces.pop(0)
    if first:
        return SourcedText.join([p for p in pieces if p.text], " ")
    return SourcedText.join_lines(pieces, SOFT_BREAK)
