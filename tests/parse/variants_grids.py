"""Text laid out by character position, and a transformation's edits fitted to it.

A report pasted as plain text may hold a table drawn as an ASCII grid ("+-----+-----+" over
"| cell | cell |", a cell's text wrapped inside it), columns padded with spaces to fixed
positions (a label at 2, its value at 36, the money spent at 76), or rows of a spreadsheet
separated by semicolons or commas. A person re-typing such a report in a text editor keeps
its layout: a word typed longer or shorter inside a cell takes its width from the cell's
padding (or gives it back), so the next "|" or column stays where it was; a word typed away
leaves no gap of spaces that would read as a column's edge; and no line is broken inside a
row, as a mail program does not rewrap a preformatted block nor a paginator break a pasted
table. `fit_layout` rewrites a transformation's edits so: an edit the layout cannot take (a
line break inside a row, a longer word in a cell with too little padding for it, which a
typist would have to redraw the grid for) is left out, and the variant is the report with
its other edits.

The layout is found here without the parser's readers, so a variant does not depend on what
it is meant to test.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

Edit = tuple[int, int, str]  # replace text[start:end] by the string

# A drawn grid's row ("| a | b |") or border ("+---+---+"); a grid is a run of such lines
# with a border among them, so a Markdown pipe table (whose cells need no padding) is none.
_GRID_LINE = re.compile(r"[ \u00a0]*[|+][^\n\t]*[|+][ \u00a0]*")
_BORDER = re.compile(r"[ \u00a0]*\+(?:[-=:]+\+)+[ \u00a0]*")
# Where a padded column begins after a word before it: two spaces or more between them (a
# list's number or dash padded to its item's indent is no column).
_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
_MARKER = re.compile(r" *(?:[-–•*·▪]|\d{1,2}[.)]|[a-zA-Z][.)]|[IVXivx]{1,4}[.)])")
# A spreadsheet's field: a word or a few, quoted where it holds the separator.
_FIELD = '(?:"[^"\n]*"|[^"{0}\\s](?:[^"{0}\\n]*[^"{0}\\s])?)'
_FIELDS = {sep: re.compile(_FIELD.format(sep)) for sep in ";,"}
_FEW_WORDS = 4
_COLUMN_LINES = 3  # lines a column's position must be shared by to be a column
_GRID_PAD, _COLUMN_PAD = 1, 2  # spaces a cell keeps before the next "|", a column's gap
UNCLEAR = (-1, 0)  # no padding an edit can be fitted to


@dataclass(frozen=True, slots=True)
class Layout:
    starts: tuple[int, ...]  # each line's first offset
    grid: frozenset[int]  # lines of a drawn grid
    aligned: frozenset[int]  # lines with a padded column at a shared position
    columns: frozenset[int]  # those positions (characters from the line's start)
    delimited: frozenset[int]  # rows of fields between separators

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def preformatted(self, line: int) -> bool:
        return line in self.grid or line in self.aligned or line in self.delimited

    def padding_end(self, text: str, line: int, end: int) -> tuple[int, int] | None:
        """Where the padding after an edit ending at `end` stops (the next "|" of a grid,
        the next column of aligned text) and the spaces it must keep; None when the edit
        is in a line's last column (its padding is the line's end), `UNCLEAR` when the
        next column is one space after the edit's word."""
        start = self.starts[line]
        stop = text.find("\n", start)
        stop = len(text) if stop < 0 else stop
        if line in self.grid:
            bar = text.find("|", end, stop)
            return (bar, _GRID_PAD) if bar >= 0 else None
        if line in self.aligned:
            for at in sorted(c + start for c in self.columns if end < c + start < stop):
                if text[at - 1] == " " and text[at] != " ":
                    if text[at - _COLUMN_PAD : at] != " " * _COLUMN_PAD:
                        # one space before it: a column's edge, or a word of the cell
                        # that happens to start there; the text does not say which
                        return UNCLEAR
                    return (at, _COLUMN_PAD)
        return None


def layout(text: str) -> Layout:
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    grid: set[int] = set()
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and _GRID_LINE.fullmatch(lines[j]):
            j += 1
        if any(_BORDER.fullmatch(lines[i]) for i in range(k, j)):
            grid.update(range(k, j))
        k = max(j, k + 1)
    gaps = {
        k: {m.end() for m in _GAP.finditer(line) if not _MARKER.fullmatch(line, 0, m.start())}
        for k, line in enumerate(lines)
        if k not in grid and "\t" not in line
    }
    shared = Counter(at for ends in gaps.values() for at in ends)
    columns = frozenset(at for at, count in shared.items() if count >= _COLUMN_LINES)
    # a column's line, or a line indented into the columns: a value's cell wrapped onto
    # it, or a list in the value's cell
    first = min(columns, default=0)
    aligned = {
        k
        for k, ends in gaps.items()
        if ends & columns or (columns and len(lines[k]) - len(lines[k].lstrip(" ")) >= first)
    }
    delimited = _delimited(lines) - grid
    return Layout(tuple(starts), frozenset(grid), frozenset(aligned), columns, delimited)


def _delimited(lines: list[str]) -> frozenset[int]:
    """Lines in a run of two or more with the same number (three or more) of fields between
    the same separator, each field of a few words."""
    rows: set[int] = set()
    for sep, field in _FIELDS.items():
        row = re.compile(f"{field.pattern}(?:{sep}{field.pattern}){{2,}}")
        counts = [_fields(line, row, field) for line in lines]
        for k in range(len(lines) - 1):
            if counts[k] and counts[k] == counts[k + 1]:
                rows.update((k, k + 1))
    return frozenset(rows)


def _fields(line: str, row: re.Pattern[str], field: re.Pattern[str]) -> int:
    """How many fields the line holds as a row; 0 if it is none."""
    if not row.fullmatch(line):
        return 0
    fields = field.findall(line)
    return len(fields) if all(len(f.split()) <= _FEW_WORDS for f in fields) else 0


def fit_layout(text: str, edits: list[Edit]) -> list[Edit]:
    """`edits` as a person keeping the text's grid, columns and rows would make them (see
    the module); the same edits where the text has none."""
    found = layout(text)
    if not (found.grid or found.aligned or found.delimited):
        return edits
    fitted: list[Edit] = []
    taken: dict[int, int] = {}  # a padding's end: the characters the edits before it took
    for start, end, new in sorted(edits):
        first, last = found.line(start), found.line(end)
        if not any(found.preformatted(k) for k in range(first, last + 1)):
            fitted.append((start, end, new))
            continue
        old = text[start:end]
        if "\n" in new or "\n" in old:
            # a line break added or taken away: between two lines of which at most one
            # is the layout's, or not at all
            at_line_start = start == end and start == found.starts[first]
            if at_line_start and not (found.preformatted(first - 1) and found.preformatted(first)):
                fitted.append((start, end, new))
            continue
        if "|" in old or "  " in old:
            continue  # across a cell's edge: no re-typing of one word does that
        if old.strip() and not new.strip():
            new = ""  # a word typed away: a run of spaces in its place would be a column gap
        padding = found.padding_end(text, first, end)
        growth = len(new) - len(old)
        if padding is None or growth == 0:
            fitted.append((start, end, new))
            continue
        if padding == UNCLEAR:
            continue
        stop, keep = padding
        spaces = len(text[end:stop]) - len(text[end:stop].rstrip(" "))
        if growth > spaces - keep - taken.get(stop, 0):
            continue  # the cell is full: a typist would redraw the grid for this word
        taken[stop] = taken.get(stop, 0) + growth
        fitted.append((start, end, new))
    for stop, growth in taken.items():
        if growth > 0:
            fitted.append((stop - growth, stop, ""))
        elif growth < 0:
            fitted.append((stop, stop, " " * -growth))
    return fitted
