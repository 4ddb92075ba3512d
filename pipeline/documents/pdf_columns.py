"""Text set in columns, and tables drawn without rules, told from the white space on a page.

A PDF keeps where each glyph stands, and the lines outside the ruled tables were read across
the page: where the description was set in two text columns, a line of the left column and
the line of the right one beside it became one line, and an activity of one year went on
with the words of another. What the eye sees there is a gutter: a band of white space
running down the text, with lines on both sides of it and no word across it.

- A gutter with a wide column of running text on each side (most of its lines filled out to
  the gutter, as a column's wrapped lines are, and no gutter of its own inside) is text set
  in columns: each column is read top to bottom, the left one first, and no word is joined
  across the gutter. The right column's lines are laid where the left column's stand, so
  that its paragraphs are told as the left column's are and a paragraph broken at the foot
  of one column goes on at the head of the next.
- Two or more gutters running down lines with amounts in them are a table drawn without
  rules: each line's words go to the column between the gutters they stand in, and lines
  close together (a cell's wrapped lines) are one row, a wider space between rows parting
  them. Written as a table, a planned amount stays under its column's header, and is not
  read as the actual amount beside it. Where cells are centred in their row, its lines
  overlap, and they tell a cell's wrapped lines from the next row (`pdf_stacked`).
- Rows typed with tab stops, their cells beginning at the same stops one under the other
  (`pdf_tabs`), are a table too, amounts or not.
- Anything else (a list's markers at a hanging indent, a title, a signature line) is read
  line by line as before.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from pipeline.documents.pdf_lines import Line, Word, lines_of
from pipeline.documents.pdf_stacked import cell_pitch, header_above, stacked, wrapped
from pipeline.documents.pdf_tabs import tab_tables

_GUTTER = 0.8  # font sizes: the narrowest gutter (Chromium's default column gap is 1 em)
_SIDED = 3  # lines with text on both sides of a gutter, at least
_COLUMN = 12.0  # font sizes: the narrowest column of running text
_FILLED = 0.2  # of a column's width: a wrapped line ends this close to the gutter
_BREAK = 3.0  # font sizes: a blank this high ends a region
_PAGE_SHARE = 0.5  # of the page's text height: a gutter of a page set in columns runs down
_SAME_WIDTH = 0.1  # of a column's width: columns set alike differ by less
_PARAGRAPH = 0.6  # font sizes: a blank this high between lines parts paragraphs
_SLACK = 1.0  # points
_AMOUNT = re.compile(r"\d,\d\d\b")
Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Frame:
    """Where text set in two columns stands: the first column's margins, the gutter, and how
    far the right column's lines were moved to stand at the first's place."""

    margins: tuple[float, float]
    gutter: tuple[float, float]
    shift: float


@dataclass(frozen=True, slots=True)
class Columns:
    """Text set in columns: its lines in reading order, laid at the first column's place."""

    lines: tuple[Line, ...]
    frame: Frame
    top: float


@dataclass(frozen=True, slots=True)
class Grid:
    """A table without rules: rows of cells, each a box and the lines in it."""

    rows: tuple[tuple[tuple[Box, tuple[Line, ...]], ...], ...]
    top: float


@dataclass(frozen=True, slots=True)
class _Track:
    gutter: tuple[float, float]
    lo: int
    hi: int  # the lines it runs down, inclusive


def text_of(chars: list[dict[str, Any]], page: int) -> list[Line | Columns | Grid]:
    """The glyphs outside the ruled tables as lines, columns of text and rule-less tables,
    in the order they stand on the page."""
    lines = lines_of(chars, page)
    if len(lines) < _SIDED:
        return list(lines)
    size = sorted(ln.size for ln in lines)[len(lines) // 2]
    tracks = _tracks(lines, size)
    out: list[Line | Columns | Grid] = []
    used: set[int] = set()
    for track in sorted(tracks, key=lambda t: t.lo - t.hi):
        if any(i in used for i in range(track.lo, track.hi + 1)):
            continue
        if _text_columns(lines, track, tracks, size):
            band = (lines[track.lo].top, lines[track.hi].bottom)
            inside = [c for c in chars if band[0] <= _middle(c) <= band[1]]
            out.append(_columns(inside, track.gutter, page))
            used.update(range(track.lo, track.hi + 1))
    for lo, hi, gutters in _tables(lines, tracks, used, size):
        out.append(_grid(lines[lo : hi + 1], gutters, size))
        used.update(range(lo, hi + 1))
    for table in tab_tables(lines, used, size):
        out.append(Grid(table.rows, lines[table.lo].top))
        used.update(range(table.lo, table.hi + 1))
    if not used:
        return list(lines)
    out.extend(line for i, line in enumerate(lines) if i not in used)
    out.sort(key=_top)
    return out


def _top(item: Line | Columns | Grid) -> float:
    return item.top


def _middle(char: dict[str, Any]) -> float:
    return (float(char["top"]) + float(char["bottom"])) / 2


def _free(line: Line, gap: tuple[float, float], least: float) -> list[tuple[float, float]]:
    """The parts of `gap` no word of the line stands in, `least` wide at least."""
    pieces = [gap]
    for word in line.words:
        pieces = [
            part
            for a, b in pieces
            for part in ((a, min(b, word.x0)), (max(a, word.x1), b))
            if part[1] > part[0]
        ]
    return [p for p in pieces if p[1] - p[0] >= least]


def _tracks(lines: list[Line], size: float) -> list[_Track]:
    """Every gutter: a gap between two words of a line, followed up and down the lines
    while enough of it stays free of words."""
    found: dict[tuple[int, int, int], _Track] = {}
    for i, line in enumerate(lines):
        for a, b in itertools.pairwise(line.words):
            if b.x0 - a.x1 < _GUTTER * size:
                continue
            gaps, lo, hi = [(a.x1, b.x0)], i, i
            for step in (1, -1):
                j = i + step
                while 0 <= j < len(lines):
                    near, far = lines[j - step], lines[j]
                    blank = max(far.top - near.bottom, near.top - far.bottom)
                    # Every part still free is followed: a justified line's wide space
                    # may be wider there than the gutter, but it does not run on.
                    parts = [p for g in gaps for p in _free(far, g, _GUTTER * size)]
                    if blank > _BREAK * size or not parts:
                        break
                    gaps = parts
                    lo, hi = min(lo, j), max(hi, j)
                    j += step
                gaps = [max(gaps, key=lambda g: g[1] - g[0])]
            track = _core(lines, _Track(gaps[0], lo, hi), size)
            if track is not None:
                found.setdefault((track.lo, track.hi, round(sum(track.gutter))), track)
    return list(found.values())


def _core(lines: list[Line], track: _Track, size: float) -> _Track | None:
    """The gutter as the lines from the first to the last with text on both sides of it
    leave it, and the lines above and below that keep all of it free: a short line running
    into it (the last line of a heading across the page) is no line of the columns."""
    sided = [i for i in range(track.lo, track.hi + 1) if _both(lines[i], track.gutter)]
    if len(sided) < _SIDED:
        return None
    middle = sum(track.gutter) / 2
    core = [w for line in lines[sided[0] : sided[-1] + 1] for w in line.words]
    gap = (
        max(w.x1 for w in core if w.x1 <= middle),
        min(w.x0 for w in core if w.x0 >= middle),
    )
    lo, hi = sided[0], sided[-1]
    while lo > track.lo and _clear(lines[lo - 1], lines[lo], gap, size):
        lo -= 1
    while hi < track.hi and _clear(lines[hi + 1], lines[hi], gap, size):
        hi += 1
    out = _Track(gap, lo, hi)
    return out if _sided(lines, out) >= _SIDED else None


def _clear(line: Line, beside: Line, gap: tuple[float, float], size: float) -> bool:
    blank = max(line.top - beside.bottom, beside.top - line.bottom)
    a, b = gap[0] + _SLACK, gap[1] - _SLACK  # a justified line's end, measured apart
    return blank <= _BREAK * size and all(w.x1 <= a or w.x0 >= b for w in line.words)


def _both(line: Line, gap: tuple[float, float]) -> bool:
    return any(w.x1 <= gap[0] for w in line.words) and any(w.x0 >= gap[1] for w in line.words)


def _sided(lines: list[Line], track: _Track) -> int:
    return sum(1 for line in lines[track.lo : track.hi + 1] if _both(line, track.gutter))


def _text_columns(lines: list[Line], track: _Track, tracks: list[_Track], size: float) -> bool:
    """Whether a gutter parts two columns of running text: each side wide, with no gutter
    of its own along the same lines, and either most of each side's lines filled out to its
    edge (justified or wrapped prose), or the page set in columns (`_page_in_columns`)."""
    a, b = track.gutter
    rows = lines[track.lo : track.hi + 1]
    lefts = [[w for w in ln.words if w.x1 <= a] for ln in rows]
    rights = [[w for w in ln.words if w.x0 >= b] for ln in rows]
    spans: list[tuple[float, float]] = []
    filled_out = True
    for side in (lefts, rights):
        parts = [p for p in side if p]
        if len(parts) < _SIDED:
            return False
        x0 = min(p[0].x0 for p in parts)
        x1 = max(p[-1].x1 for p in parts)
        if x1 - x0 < _COLUMN * size:
            return False
        filled = sum(1 for p in parts if x1 - p[-1].x1 <= _FILLED * (x1 - x0))
        filled_out = filled_out and filled * 2 >= len(parts)
        for other in tracks:
            inside = x0 < other.gutter[0] and other.gutter[1] < x1
            shared = min(other.hi, track.hi) - max(other.lo, track.lo) + 1
            if other is not track and inside and shared * 2 >= len(parts):
                return False
        spans.append((x0, x1))
    return filled_out or _page_in_columns(lines, track, spans, (lefts, rights), size)


def _page_in_columns(
    lines: list[Line],
    track: _Track,
    spans: list[tuple[float, float]],
    sides: tuple[list[list[Word]], list[list[Word]]],
    size: float,
) -> bool:
    """Whether a page is set in two columns of ragged text (CSS `columns: 2`, a Word
    section in columns): short lines (headings, list items, "Nav") leave most of their
    lines short of the gutter, but the gutter runs down most of the page, the two columns
    are as wide as each other, and their paragraphs begin at heights of their own. A table
    without rules is none: its label column is narrower than its values, and each row's
    label begins at the height its value does."""
    height = lines[-1].bottom - lines[0].top
    if lines[track.hi].bottom - lines[track.lo].top < _PAGE_SHARE * height:
        return False
    (l0, l1), (r0, r1) = spans
    if abs((l1 - l0) - (r1 - r0)) > _SAME_WIDTH * max(l1 - l0, r1 - r0):
        return False
    left, right = (_starts(side, size) for side in sides)
    together = sum(1 for top in left if any(abs(top - t) <= _SLACK for t in right))
    return together * 2 < min(len(left), len(right))


def _starts(side: list[list[Word]], size: float) -> list[float]:
    """The heights a side's paragraphs begin at: its first line, and each line after a
    blank wider than the line spacing leaves."""
    out: list[float] = []
    bottom: float | None = None
    for words in side:
        if not words:
            continue
        top = min(w.top for w in words)
        if bottom is None or top - bottom > _PARAGRAPH * size:
            out.append(top)
        bottom = max(w.bottom for w in words)
    return out


def _columns(chars: list[dict[str, Any]], gutter: tuple[float, float], page: int) -> Columns:
    middle = (gutter[0] + gutter[1]) / 2
    left = lines_of([c for c in chars if _centre(c) < middle], page)
    right = lines_of([c for c in chars if _centre(c) >= middle], page)
    x0 = min((ln.x0 for ln in left), default=gutter[0])
    shift = min((ln.x0 for ln in right), default=gutter[1]) - x0
    for line in right:
        for word in line.words:
            word.x0 -= shift
            word.x1 -= shift
    lines = left + right
    frame = Frame((x0, max(ln.x1 for ln in lines)), gutter, shift)
    return Columns(tuple(lines), frame, min(ln.top for ln in lines))


def _centre(char: dict[str, Any]) -> float:
    return (float(char["x0"]) + float(char["x1"])) / 2


def _tables(
    lines: list[Line], tracks: list[_Track], used: set[int], size: float
) -> list[tuple[int, int, list[tuple[float, float]]]]:
    """Tables without rules: where two or more gutters run down the same lines, and amounts
    stand in two or more of the columns between them."""
    out: list[tuple[int, int, list[tuple[float, float]]]] = []
    taken = set(used)
    for track in sorted(tracks, key=lambda t: t.lo - t.hi):
        others = [
            t
            for t in tracks
            if t is not track and min(t.hi, track.hi) - max(t.lo, track.lo) + 1 >= _SIDED
        ]
        if not others:
            continue
        lo = max([track.lo] + [t.lo for t in others])
        hi = min([track.hi] + [t.hi for t in others])
        if hi - lo + 1 < _SIDED or any(i in taken for i in range(lo, hi + 1)):
            continue
        gutters = sorted({t.gutter for t in [track, *others]})
        gutters = [g for k, g in enumerate(gutters) if not k or g[0] >= gutters[k - 1][1]]
        columns = _cuts(gutters)
        with_amounts = {
            _column(w.x0, columns)
            for line in lines[lo : hi + 1]
            for w in line.words
            if _AMOUNT.search(w.text)
        }
        if len(with_amounts) < 2:
            continue
        # A row's lines overlapping the table's first or last (cells centred in the row's
        # height, `pdf_stacked`) are the table's, though a cell of theirs crossed a gutter.
        while lo - 1 >= 0 and lo - 1 not in taken and stacked(lines[lo - 1], lines[lo]):
            lo -= 1
        while hi + 1 < len(lines) and hi + 1 not in taken and stacked(lines[hi], lines[hi + 1]):
            hi += 1
        lo = header_above(lines, lo, gutters, taken, size)
        out.append((lo, hi, gutters))
        taken.update(range(lo, hi + 1))
    return out


def _cuts(gutters: list[tuple[float, float]]) -> list[float]:
    return [(a + b) / 2 for a, b in gutters]


def _column(x: float, cuts: list[float]) -> int:
    return sum(1 for cut in cuts if x >= cut)


def _grid(lines: list[Line], gutters: list[tuple[float, float]], size: float) -> Grid:
    """The lines as rows of cells: a line close under the one before goes on the same row."""
    cuts = _cuts(gutters)
    blanks = [b.top - a.bottom for a, b in itertools.pairwise(lines)]
    # Where every line is as close as the next, no row is told from its neighbours' wrapped
    # lines, and each line is a row.
    parted = any(blank > 0.6 * size for blank in blanks)
    # Where a row's lines overlap (cells centred in the row), a cell's wrapped lines stand
    # closer than the rows do, and tell them (`pdf_stacked`).
    pitch = cell_pitch(lines)
    groups: list[list[Line]] = []
    for k, line in enumerate(lines):
        if pitch is not None:
            if not groups or not wrapped(lines[k - 1], line, pitch):
                groups.append([])
        elif not groups or not parted or blanks[k - 1] > 0.6 * size:
            groups.append([])
        groups[-1].append(line)
    # Each column runs from its leftmost word to its rightmost: a cell's margins.
    spans: list[tuple[float, float]] = []
    for j in range(len(cuts) + 1):
        words = [w for ln in lines for w in ln.words if _column(w.x0, cuts) == j]
        spans.append((min(w.x0 for w in words), max(w.x1 for w in words)) if words else (0.0, 0.0))
    rows = []
    for group in groups:
        top, bottom = group[0].top, max(ln.bottom for ln in group)
        cells = []
        for j in range(len(spans)):
            parts = [_part(ln, cuts, j, pitch is not None) for ln in group]
            box = (spans[j][0], top, spans[j][1], bottom)
            cells.append((box, tuple(p for p in parts if p.words)))
        rows.append(tuple(cells))
    return Grid(tuple(rows), lines[0].top)


def _part(line: Line, cuts: list[float], j: int, spaces: bool) -> Line:
    """A line's words in column `j`. With `spaces` (a table whose cells are centred, as
    LibreOffice prints them, drawing the space a cell's line wrapped at), the part ends with
    a space where a space glyph followed its last word."""
    words = [w for w in line.words if _column(w.x0, cuts) == j]
    ends = False
    if spaces and words:
        after = line.words.index(words[-1]) + 1
        ends = after < len(line.words) and line.words[after].spaced
        ends = ends or (after == len(line.words) and line.ends_with_space)
    return Line(words, ends_with_space=ends, space=line.space)
