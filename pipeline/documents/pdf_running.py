"""Running text a printer laid over a table: no text of the table's cells.

A browser's running header or footer (CSS `position: fixed`) is painted on every page, and
Chromium paints it where the page's layout puts it, which can be across the table header it
repeats at the top of the page. Its glyphs then stand in the cells by their middles, and were
read as the cells' text: "Biedrīb" in one cell, "a „Dienvidlatgales …" in the next, "26" as an
amount in the last. A cell's own text never runs over the rule that closes the cell; a run
of glyphs that does, with the same words at the same height on another page too, is page
furniture, not the report's.

A run drawn over a rule on one page only is left in the cells: an overlong word spilling
out of a narrow column looks the same there, and that is the report's text.

Page furniture outside the tables (a running header or footer, "Lapa 2 no 4", a fixed footer
in the page's foot) is the same line at the same height on most pages, above or below all
else on them. Read as text, it stood between a table's rows on one page and the next, so the
table was no longer one table (its repeated header read as a row, the footer's "2025" as a
count). A line dropped as furniture is on a majority of the pages, two at least, and at the
head or foot of each of them: a line written once, or a heading that recurs down the page,
is the report's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.documents.pdf_lines import Line

Box = tuple[float, float, float, float]

# Glyphs closer than this (in font sizes) are one run of text: a word's letters and the
# spaces between words, not the padding on both sides of a rule between two cells.
_RUN_GAP = 0.5
_SAME_HEIGHT = 2.0  # points: a running line stands at one height on every page
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Run:
    """Glyphs drawn over a rule between cells: their indices among the page's glyphs."""

    text: str  # the words with their digits left out (a page number changes)
    top: float
    glyphs: tuple[int, ...]


def over_rules(chars: Sequence[dict[str, Any]], rows: Sequence[Sequence[Box]]) -> list[Run]:
    """The runs of a page's glyphs that stand in two or more cells of a table row and are
    drawn across the rule between them. `rows`: each table row's cell boxes."""
    lines: list[list[int]] = []
    for i in sorted(range(len(chars)), key=lambda i: (_f(chars[i], "top"), _f(chars[i], "x0"))):
        size = _size(chars[i])
        if lines and abs(_f(chars[i], "top") - _f(chars[lines[-1][0]], "top")) < size * 0.4:
            lines[-1].append(i)
        else:
            lines.append([i])
    out: list[Run] = []
    for line in lines:
        line.sort(key=lambda i: _f(chars[i], "x0"))
        run: list[int] = []
        for i in line:
            if run and _f(chars[i], "x0") - _f(chars[run[-1]], "x1") > _RUN_GAP * _size(chars[i]):
                out.extend(_crossing(chars, run, rows))
                run = []
            run.append(i)
        out.extend(_crossing(chars, run, rows))
    return out


def _crossing(
    chars: Sequence[dict[str, Any]], run: list[int], rows: Sequence[Sequence[Box]]
) -> list[Run]:
    shown = [i for i in run if str(chars[i]["text"]).strip()]
    if not shown:
        return []
    for cells in rows:
        held = {_cell_of(chars[i], cells) for i in shown} - {None}
        if len(held) < 2:
            continue
        # Over the rule: a glyph drawn across it, a letter or the space between two words.
        edges = {x for k in held if k is not None for x in (cells[k][0], cells[k][2])}
        if any(_f(chars[i], "x0") < x < _f(chars[i], "x1") for i in run for x in edges):
            text = _DIGITS.sub("", "".join(str(chars[i]["text"]) for i in shown))
            return [Run(text, min(_f(chars[i], "top") for i in shown), tuple(run))]
    return []


def running(pages: Sequence[Sequence[Run]]) -> list[set[int]]:
    """Per page, the glyphs of the runs over rules that another page has too, at the same
    height with the same words."""
    out: list[set[int]] = []
    for index, runs in enumerate(pages):
        drop: set[int] = set()
        for run in runs:
            if any(
                other.text == run.text and abs(other.top - run.top) <= _SAME_HEIGHT
                for k, others in enumerate(pages)
                if k != index
                for other in others
            ):
                drop.update(run.glyphs)
        out.append(drop)
    return out


def _cell_of(char: dict[str, Any], cells: Sequence[Box]) -> int | None:
    x = (_f(char, "x0") + _f(char, "x1")) / 2
    y = (_f(char, "top") + _f(char, "bottom")) / 2
    for k, (x0, top, x1, bottom) in enumerate(cells):
        if x0 <= x <= x1 and top <= y <= bottom:
            return k
    return None


def _f(char: dict[str, Any], key: str) -> float:
    return float(char[key])


def _size(char: dict[str, Any]) -> float:
    return float(char.get("size") or 10.0)


def furniture(
    outside: Sequence[Sequence[Line]], inside: Sequence[Sequence[Line]]
) -> list[set[int]]:
    """Per page, the indices of its lines outside the tables (`outside`) that are page
    furniture; `inside` holds each page's lines in the tables' cells."""
    keys = [[(_key(line), line.top) for line in lines] for lines in outside]
    pages = len(outside)
    out: list[set[int]] = []
    for index, lines in enumerate(outside):
        repeated = set()
        for i, (key, top) in enumerate(keys[index]):
            on = 1 + sum(
                any(k == key and abs(t - top) <= _SAME_HEIGHT for k, t in others)
                for other, others in enumerate(keys)
                if other != index
            )
            if on >= 2 and 2 * on > pages:
                repeated.add(i)
        # Only the lines above or below all the page's other text: the head and the foot.
        order = sorted(
            [(line.top, i) for i, line in enumerate(lines)]
            + [(line.top, -1) for line in inside[index]]
        )
        drop: set[int] = set()
        for run in (order, order[::-1]):
            for _, i in run:
                if i not in repeated:
                    break
                drop.add(i)
        out.append(drop)
    return out


def _key(line: Line) -> str:
    """A line's words with their digits left out (the page's number changes)."""
    return " ".join(_DIGITS.sub("", " ".join(w.text for w in line.words)).split())
