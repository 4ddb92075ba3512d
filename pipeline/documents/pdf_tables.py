"""A PDF page's ruled tables, found from their rules: rows of cells, their text not yet in them.

pdfplumber finds a table where rules cross. Three things a printer does make it find less or
more than the table the report has:

- A row a page break splits has no rule across the page's foot (Chromium ends the side rules
  there), so its cells would not close: the missing rule is drawn (`_split_rules`). A row
  is split only where that rule runs under the whole row; a cell spanning rows (a year's
  period beside its purposes) may go on onto the next page while the row beside it ends.
- A table nested in a cell (a funding table of years inside the funding row) is a table of
  its own where its rules do not touch the cell's. Its glyphs then stood in the outer cell,
  which holds them all, and were read as the cell's lines: a wrapped amount's "45" and the
  "44" beside it were one line, its "000,00" and "520,00" the next, and the amounts were
  read across the cells ("44480,00"). A nested table is laid into its host's row as more
  columns (`_nest`), as pdfplumber itself does where the rules touch, so that each cell
  keeps its own text and the page on which the nested table goes on reads alike.
- Between a nested table's rules and its host cell's there is padding: a column a few
  points wide with nothing in it (`without_padding`), no column of the report.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from pipeline.documents.pdf_lines import Line, centre_in
from pipeline.documents.pdf_turn import Sheet

_TABLES = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
RULE = 3.0  # points: shorter edges are the ends of thin rules, not rules across
_SAME = 0.5  # points: rule ends this close meet
_PADDING = 8.0  # points: a column this narrow holding no text is a cell's padding

Box = tuple[float, float, float, float]


@dataclass(slots=True)
class Cell:
    box: Box
    lines: list[Line] = field(default_factory=list)
    placeholder: bool = False  # a column a cell from a row above spans: holds no text


@dataclass(slots=True)
class Row:
    cells: list[Cell]
    bottom: float
    open: bool = False  # no rule across its foot: a page break split it there


@dataclass(slots=True)
class Grid:
    rows: list[Row]
    top: float
    ruled: bool = True  # False: a table drawn without rules, its cells the text's extent


def ruled_tables(page: Sheet) -> list[Grid]:
    """A page's ruled tables, each nested table laid into the row of the cell holding it."""
    grids: list[Grid] = []
    split = _split_rules(page)
    for table in page.find_tables({**_TABLES, "explicit_horizontal_lines": split}):
        rows = []
        lefts = _column_lefts(table.rows)
        for row in table.rows:
            height = (float(row.bbox[1]), float(row.bbox[3]))
            cells = _row_cells(row.cells, lefts, height, float(table.bbox[2]))
            if cells:
                rows.append(Row(cells, float(row.bbox[3]), _cut(cells, split)))
        grids.append(Grid(rows, float(table.bbox[1])))
    return _nest([g for g in grids if g.rows], page.chars)


def _cut(cells: list[Cell], split: list[dict[str, Any]]) -> bool:
    """Whether a drawn rule runs under the whole row: a page break split it there."""
    x0, x1 = cells[0].box[0], cells[-1].box[2]
    bottom = cells[0].box[3]
    under = sum(
        max(0.0, min(x1, float(r["x1"])) - max(x0, float(r["x0"])))
        for r in split
        if abs(float(r["top"]) - bottom) <= RULE
    )
    return under >= x1 - x0 - 2 * RULE


def _column_lefts(rows: list[Any]) -> list[float | None]:
    """Where each column of a table begins, from a row with a cell of its own there."""
    width = max((len(row.cells) for row in rows), default=0)
    return [
        next((float(r.cells[j][0]) for r in rows if j < len(r.cells) and r.cells[j]), None)
        for j in range(width)
    ]


def _row_cells(
    boxes: list[Any], lefts: list[float | None], height: tuple[float, float], edge: float
) -> list[Cell]:
    """A row's cells. Columns a merged cell covers come back as None. One covered by a cell
    to its left (a column span) is part of that cell; one covered by a cell from a row above
    (a row span: a year's cell beside its purposes) is an empty cell, as Word holds it, so
    the row's cells stay under their columns, the last one too (a header's "Atlikums" and
    "Piezīmes" spanning both its rows): a table nested in a cell is written with a cell for
    each column in every row, as Word and HTML tables are."""
    cells: list[Cell] = []
    for j, box in enumerate(boxes):
        if box is not None:
            cells.append(Cell(tuple(float(v) for v in box)))  # type: ignore[arg-type]
            continue
        left = lefts[j]
        spanned = bool(cells) and left is not None and cells[-1].box[2] > left + RULE
        right = next((x for x in lefts[j + 1 :] if x is not None), edge)
        if not spanned and left is not None:
            cells.append(Cell((left, height[0], right, height[1]), placeholder=True))
    return cells if any(not c.placeholder for c in cells) else []


def _split_rules(page: Sheet) -> list[dict[str, Any]]:
    """Rules across where a page break splits a table row and the printer drew none.

    Chromium ends a split row's side rules at the foot of the page and starts them again at
    the top of the next with nothing across, so no cell would be closed there and the row's
    text would be read as text outside the table. Where a side rule ends at a height with no
    rule across it, one is drawn from it to the side rules ending beside it at that height,
    over the stretch no rule closes: under a whole split row, or under the one cell that
    spans rows and goes on onto the next page (the others beside it closed).
    """
    edges = [
        e for e in page.edges if float(e["x1"]) - float(e["x0"]) > RULE or e["orientation"] == "v"
    ]
    across = [e for e in edges if e["orientation"] == "h"]
    sides = [
        (float(e["x0"]), float(e["top"]), float(e["bottom"]))
        for e in edges
        if e["orientation"] == "v" and float(e["bottom"]) - float(e["top"]) > RULE
    ]
    ends: dict[float, dict[float, bool]] = {}  # height: side rule's place: open there
    for x, top, bottom in sides:
        for y, other in ((top, 2), (bottom, 1)):
            # A side rule drawn in pieces (a cell spanning rows, a piece beside each row)
            # goes on where the next piece begins: no end of it.
            goes_on = any(abs(s[0] - x) <= _SAME and abs(s[other] - y) <= _SAME for s in sides)
            closed = goes_on or _covered(across, x, y)
            at = ends.setdefault(round(y, 1), {})
            at[x] = at.get(x, True) and not closed
    out: list[dict[str, Any]] = []
    for y, at in ends.items():
        xs = sorted(at)
        spans: list[list[float]] = []
        for a, b in itertools.pairwise(xs):
            if not (at[a] or at[b]) or _covered(across, (a + b) / 2, y):
                continue
            if spans and spans[-1][1] >= a - RULE:
                spans[-1][1] = b
            else:
                spans.append([a, b])
        out.extend(_rule(a, b, y) for a, b in spans if b - a > RULE)
    return out


def _covered(across: list[dict[str, Any]], x: float, y: float) -> bool:
    return any(
        abs(float(h["top"]) - y) <= RULE and float(h["x0"]) - RULE <= x <= float(h["x1"]) + RULE
        for h in across
    )


def _rule(x0: float, x1: float, y: float) -> dict[str, Any]:
    return {
        "object_type": "line",
        "x0": x0,
        "x1": x1,
        "top": y,
        "bottom": y,
        "width": x1 - x0,
        "height": 0.0,
    }


def _bbox(grid: Grid) -> Box:
    cells = [c for row in grid.rows for c in row.cells]
    return (
        min(c.box[0] for c in cells),
        grid.top,
        max(c.box[2] for c in cells),
        grid.rows[-1].bottom,
    )


def _inside(inner: Box, outer: Box) -> bool:
    return (
        inner[0] >= outer[0] - RULE
        and inner[1] >= outer[1] - RULE
        and inner[2] <= outer[2] + RULE
        and inner[3] <= outer[3] + RULE
    )


def _nest(grids: list[Grid], chars: list[dict[str, Any]]) -> list[Grid]:
    """The grids with each one standing inside a cell of another laid into that cell's row."""
    out = list(grids)
    while True:
        found = next(
            (
                (inner, host, r, c)
                for inner in out
                for host in out
                if host is not inner
                for r, row in enumerate(host.rows)
                for c, cell in enumerate(row.cells)
                if not cell.placeholder and _inside(_bbox(inner), cell.box)
            ),
            None,
        )
        if found is None:
            return out
        inner, host, r, c = found
        host.rows[r : r + 1] = _laid_in(host.rows[r], c, inner, chars)
        out.remove(inner)


def _laid_in(row: Row, c: int, inner: Grid, chars: list[dict[str, Any]]) -> list[Row]:
    """The row with the nested table in its cell `c`: a row for each of the nested table's,
    the host row's other cells (its label) holding their text in the first of them and
    standing empty beside the rest. Text of the host cell above or below the nested table
    (a caption, a note) is a row of its own there, one cell as wide as the host cell."""
    x0, top, x1, bottom = row.cells[c].box
    _, inner_top, _, inner_bottom = _bbox(inner)
    parts: list[tuple[list[Cell], float, bool]] = []
    if any(centre_in(ch, (x0, top, x1, inner_top)) for ch in chars):
        parts.append(([Cell((x0, top, x1, inner_top))], inner_top, False))
    parts.extend((list(r.cells), r.bottom, r.open) for r in inner.rows)
    if any(centre_in(ch, (x0, inner_bottom, x1, bottom)) for ch in chars):
        parts.append(([Cell((x0, inner_bottom, x1, bottom))], bottom, row.open))
    out = []
    above = top
    for k, (cells, foot, split) in enumerate(parts):
        beside = [
            cell if k == 0 else Cell((cell.box[0], above, cell.box[2], foot), placeholder=True)
            for cell in row.cells
        ]
        out.append(Row([*beside[:c], *cells, *beside[c + 1 :]], foot, split))
        above = foot
    return out


def without_padding(grid: Grid) -> None:
    """The grid without its padding columns: a few points wide, no text in any row."""
    if not grid.ruled:
        return
    padding = {
        (round(c.box[0]), round(c.box[2]))
        for row in grid.rows
        for c in row.cells
        if c.box[2] - c.box[0] < _PADDING
    }
    padding -= {
        (round(c.box[0]), round(c.box[2])) for row in grid.rows for c in row.cells if c.lines
    }
    for row in grid.rows:
        kept = [c for c in row.cells if (round(c.box[0]), round(c.box[2])) not in padding]
        if kept:
            row.cells = kept
