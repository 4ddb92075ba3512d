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

Only a page number may differ between the copies of a line ("Lapa 2 no 4", "3/4", "- 3 -",
"3. lpp.", a number standing alone), and it goes on from page to page or stays the same.
Any other digit is the line's text: "2. ĪSTENOŠANAS GADS (01.01.2024.–31.12.2024.)" and
"3. ĪSTENOŠANAS GADS (…2025.)", each opening its page after a page break, are two headings,
not one running header. And a line the template's grammar reads (a year heading, a calendar
year "2024. gads", a section's label, a numbered item) is never furniture, even where it
recurs: dropping it would move what follows into another year or section.
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


@dataclass(frozen=True, slots=True)
class Run:
    """Glyphs drawn over a rule between cells: their indices among the page's glyphs."""

    text: str  # the words with their page number left out (see `page_key`)
    top: float
    numbers: tuple[int, ...]  # the page numbers left out
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
            key = page_key("".join(str(chars[i]["text"]) for i in shown))
            return [Run(key.text, min(_f(chars[i], "top") for i in shown), key.numbers, tuple(run))]
    return []


def running(pages: Sequence[Sequence[Run]]) -> list[set[int]]:
    """Per page, the glyphs of the runs over rules that another page has too, at the same
    height with the same words."""
    out: list[set[int]] = []
    for index, runs in enumerate(pages):
        drop: set[int] = set()
        for run in runs:
            if any(
                other.text == run.text
                and abs(other.top - run.top) <= _SAME_HEIGHT
                and _numbered_alike(run.numbers, index, other.numbers, k)
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
    outside: Sequence[Sequence[Line]],
    inside: Sequence[Sequence[Line]],
    heights: Sequence[float] | None = None,
) -> list[set[int]]:
    """Per page, the indices of its lines outside the tables (`outside`) that are page
    furniture; `inside` holds each page's lines in the tables' cells, `heights` each page's
    height. A header stands as far from the top of each page, a footer from its foot: on a
    landscape page among portrait ones, the footer is higher up the page than on the others.
    A page's own number alone at its head or foot ("1", "Lapa 1 no 1") is furniture even on
    a document of one page."""
    feet = list(heights) if heights is not None else [0.0] * len(outside)
    keys = [
        [(_line_key(line), line.top, foot - line.bottom) for line in lines]
        for lines, foot in zip(outside, feet, strict=True)
    ]
    pages = len(outside)
    out: list[set[int]] = []
    for index, lines in enumerate(outside):
        repeated = set()
        for i, (key, top, low) in enumerate(keys[index]):
            if key is None:
                continue
            if key.text == "#" and key.numbers[:1] == (index + 1,):
                repeated.add(i)
                continue
            on = 1 + sum(
                any(
                    k is not None
                    and k.text == key.text
                    and (
                        abs(t - top) <= _SAME_HEIGHT
                        or (heights is not None and abs(f - low) <= _SAME_HEIGHT)
                    )
                    and _numbered_alike(key.numbers, index, k.numbers, other)
                    for k, t, f in others
                )
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


@dataclass(frozen=True, slots=True)
class PageKey:
    """A line's text with its page numbers taken out (each one "#"), and those numbers."""

    text: str
    numbers: tuple[int, ...]


# A page number as printers and typists write it, in a running header or footer. Up to three
# digits: a four-digit number is a year, never a page's. Digits in any other form (a date,
# "2024. gads", "2)", "Nr. 5") are the line's own text.
_N = r"(\d{1,3})"
_PAGE_NUMBER = re.compile(
    r"(?<![\w.,:/–—-])(?:"
    rf"(?i:lapa|lappuse|lpp\.|page)[ \u00a0]*{_N}(?:[ \u00a0]*(?i:no|of|/)[ \u00a0]*{_N})?"
    rf"|{_N}\.?[ \u00a0]*(?i:lpp)\.?"
    rf"|{_N}[ \u00a0]*(?:/|(?i:no|of)(?=[ \u00a0]))[ \u00a0]*{_N}"
    rf"|[-–—][ \u00a0]*{_N}[ \u00a0]*[-–—]"
    # standing alone: between spaces or a footer's separators ("Biedrība X · 3")
    rf"|(?<![^ \u00a0·|•]){_N}(?![^ \u00a0·|•])"
    r")(?![\w/])"
)
# What the template's grammar reads as its own: a year heading ("2. ĪSTENOŠANAS GADS",
# "Pirmais īstenošanas gads", "II gads"), a calendar year's heading ("2024. gads"), a
# section's label, a numbered item ("1) …", "2. …", "a) …", "IV. …"). Written on every page
# it is still the report's: each copy heads what follows it.
_GRAMMAR = re.compile(
    r"īstenošanas\s+gad"
    r"|(?<![\w.])(?:\d{1,4}|[ivx]{1,4})\.?\s*gads(?!\w)"
    r"|^\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-zāčēģīķļņšūž]\)|[ivx]{1,4}[.)])\s*(?!lpp)\w"
    r"|^\s*(?:\d{1,2}\.\s*)?(?:(?:deleģēt\w*\s+)?(?:valsts\s+pārvaldes\s+)?uzdevum(?:s|a\s+nosaukums)"
    r"(?!\w)|(?:\S+\s+){0,4}(?:veicēj|īstenotāj|izpildītāj)\w*\s*:)"
    r"|deleģēšanas\s+period|deleģējuma\s+period|apraksts\s+un\s+vērtējums"
    r"|(?:plānotais|piešķirtais)\s+un\s+(?:faktiski\s+)?(?:izlietotais|faktiskais)"
    r"|finansējum\w*\s+(?:sadalījumā\s+)?pa\s+gadiem"
    r"|neatbilstoš\w*\s+(?:\S+\s+)?(?:izdevumi|līdzekļi|izlietojums)"
    r"|neatgūt\w*\s+(?:līdzekļ|summ|izdevum)"
    r"|^\s*(?:\d{1,2}\.\s*)?(?:cita|citas|papildu|papildus)\s+(?:\w+\s+)?(?:informācija|ziņas)",
    re.IGNORECASE,
)


def page_key(text: str) -> PageKey:
    """`text` with its page numbers taken out."""
    numbers: list[int] = []

    def number(m: re.Match[str]) -> str:
        numbers.extend(int(g) for g in m.groups() if g is not None)
        return "#"

    return PageKey(" ".join(_PAGE_NUMBER.sub(number, text).split()), tuple(numbers))


def _line_key(line: Line) -> PageKey | None:
    """A line's key, or None where the template's grammar reads the line (no furniture)."""
    text = " ".join(w.text for w in line.words)
    return None if _GRAMMAR.search(text) else page_key(text)


def _numbered_alike(one: tuple[int, ...], page: int, other: tuple[int, ...], at: int) -> bool:
    """Whether the page numbers of a line on `page` and of its copy on page `at` are those of
    one running line: each the same on both pages, or going on with the pages."""
    return len(one) == len(other) and all(
        a == b or a - page == b - at for a, b in zip(one, other, strict=True)
    )
