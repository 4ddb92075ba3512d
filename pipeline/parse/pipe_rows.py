"""Pipe tables typed without Markdown's outer pipes ("Gads | Plānots | Faktiski" over
"2023 | 10 000,00 | 9 800,00"): their rows as the tab layout of the other exports' tables, a
row a line, its cells joined by tabs. A delimiter row ("---|---|---") carries no text and
goes. Each separating pipe becomes the tab standing for it, so every character keeps its
source.

Only a block that is clearly such a table is turned: at least two rows in a row, each with
the same number (three or more) of cells split at unescaped pipes, two or more of them
written, no tab in the line, and figures in the same two columns or more of each row that
holds one (`figure_columns`; a "none" answer, "–" or "nav", stands for a figure). Pipes
typed to set apart the parts of a text ("Rīgas iela 12 | Jelgava | LV-3001" over "tālr.
63012345 | info@… | www…", a statement's contacts) stay as written: a statement keeps its
text as the report writes it.
"""

from __future__ import annotations

import itertools
import re

from pipeline.parse.sourced_text import SourcedText

_PIPE = re.compile(r"(?<!\\)\|")
_DELIMITER_CELL = re.compile(r"[ \u00a0]*:?-+:?[ \u00a0]*")
_CELL_SPACE = " \u00a0\x0b"
_MIN_CELLS = 3
# A cell a table leaves without a figure where the row has none to give ("–", "-", empty),
# or answers "none" in a word ("nav", "n/a"): it stands where a figure would, so a block
# typed without a delimiter row reads as the same rows with one do.
_NO_FIGURE = re.compile(r"[ \u00a0]*(?:[-–—]|nav|n/a)?[ \u00a0]*", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


def figure_columns(rows: list[list[str]]) -> bool:
    """Whether the rows (their cells' texts) hold figures in the same two columns or more,
    as a table's rows do, in every row holding a figure (a header row names the columns). A
    text parted by pipes has its figures where its words put them: an address's house
    number and postcode, a phone number, in no column of their own in the next line."""
    with_figures = [row for row in rows if any(_DIGIT.search(cell) for cell in row)]
    if not with_figures:
        return False
    width = min(len(row) for row in with_figures)
    columns = [
        k
        for k in range(width)
        if all(_DIGIT.search(row[k]) or _NO_FIGURE.fullmatch(row[k]) for row in with_figures)
        and any(_DIGIT.search(row[k]) for row in with_figures)
    ]
    return len(columns) >= 2


def bare_pipe_tables(text: SourcedText) -> SourcedText:
    """`text` with each pipe table without outer pipes turned into tab rows (see the module)."""
    if "|" not in text.text:
        return text
    lines = lines_of(text)
    cells = [_bare_cells(line) for line in lines]
    out: list[SourcedText] = []
    i = 0
    while i < len(lines):
        first = cells[i]
        j = i + 1
        if first is not None:
            while j < len(lines) and (row := cells[j]) is not None and len(row) == len(first):
                j += 1
        rows = [c for c in cells[i:j] if c is not None and not is_delimiter(c)]
        if (
            first is not None
            and not is_delimiter(first)
            and len(rows) >= 2
            and all(sum(1 for _, c in row if c.text) >= 2 for row in rows)
            and figure_columns([[c.text for _, c in row] for row in rows])
        ):
            for k in range(i, j):
                row_cells = cells[k]
                assert row_cells is not None
                if not is_delimiter(row_cells):
                    out.append(tab_row(row_cells, lines[k]))
            i = j
            continue
        out.append(lines[i])
        i += 1
    return SourcedText.join(out, "")


def lines_of(text: SourcedText) -> list[SourcedText]:
    """The text's lines, each with its line break."""
    lines, start = [], 0
    for m in re.finditer("\n", text.text):
        lines.append(text[start : m.end()])
        start = m.end()
    if start < len(text):
        lines.append(text[start:])
    return lines


def _bare_cells(line: SourcedText) -> list[tuple[int, SourcedText]] | None:
    """The line's cells, each stripped, with the source offset of the pipe before it (the
    line's start for the first), where it is written as a bare pipe row (no tab, not between
    pipes, three or more cells); None where it is none."""
    body = line.text.rstrip("\n")
    stripped = body.strip(" \u00a0")
    # a line between pipes is a Markdown row (`text.pipe_tables`); one opening with a pipe
    # but not closed by one has an empty first cell ("| I gads | II gads" over "Plānots | …")
    if "\t" in body or not stripped or (stripped[0] == "|" and stripped[-1] == "|"):
        return None
    pipes = [m.start() for m in _PIPE.finditer(body)]
    if len(pipes) < _MIN_CELLS - 1:
        return None
    bounds = [-1, *pipes, len(body)]
    return [
        (line.offsets[max(a, 0)], line[a + 1 : b].strip(_CELL_SPACE))
        for a, b in itertools.pairwise(bounds)
    ]


def is_delimiter(cells: list[tuple[int, SourcedText]]) -> bool:
    """Whether a row is a Markdown table's delimiter ("|---|:--:|")."""
    return all(_DELIMITER_CELL.fullmatch(c.text) for _, c in cells)


def tab_row(cells: list[tuple[int, SourcedText]], line: SourcedText) -> SourcedText:
    """The cells joined by tabs, each tab standing for the pipe before its cell."""
    parts: list[str] = []
    offs: list[int] = []
    for k, (pipe, cell) in enumerate(cells):
        if k:
            parts.append("\t")
            offs.append(pipe)
        parts.append(cell.text)
        offs.extend(cell.offsets)
    if line.text.endswith("\n"):
        parts.append("\n")
        offs.append(line.offsets[-1])
    return SourcedText("".join(parts), tuple(offs))
