"""A funding table set out with spaces, as a typist or a PDF's text lays one out:

    Gads                          Plānots (euro)  Faktiski (euro)  Atlikums (euro)
    I (15.07.2022.–14.07.2023.)   49 000,00       47 650,25        1 349,75
    Kopā 2022–2025                147 000,00      146 990,10       9,90

Read as one line the cells run into each other ("Atlikums 2015 EUR 18 000": a year taken for
money, an amount for the next column's). Its header names the columns, each starting where
a gap of two spaces or more ends; every row under it (blank lines of a page's break aside)
has a space right before each of those places (its cells start there or, set to the right,
after them), so that no word is cut, and money after its first cell. Then its lines are the
table's rows, their cells a tab apart, as a tab export writes them; what follows the table
(prose under it) is not.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from pipeline.parse.funding_clauses import split_text
from pipeline.parse.funding_words import MONEY_IN_TEXT, NEW_STATEMENT, counts_as_money
from pipeline.parse.text import SourcedText

_GAP = re.compile(r"[ \u00a0]{2,}")
# Fewest columns of a header, fewest rows with money under it.
_MIN_COLUMNS = 3
_MIN_ROWS = 2


class Aligned(NamedTuple):
    """The section cut at the table: the text before it, the table as rows of tab-parted
    cells, and the text after it."""

    before: SourcedText
    table: SourcedText
    after: SourcedText


def aligned_table(section: SourcedText) -> Aligned | None:
    """The section's table set out with spaces (see the module); None where it has none."""
    if "\t" in section.text:
        return None
    lines = split_text(section, "\n")
    bounds = list(itertools.accumulate((len(x) + 1 for x in lines), initial=0))
    for i, line in enumerate(lines):
        starts = _header(line.text)
        if starts is None:
            continue
        rows = _rows(lines, i + 1, starts)
        if len(rows) >= _MIN_ROWS:
            table = [_cells(line, starts), *(_cells(lines[k], starts) for k in rows)]
            return Aligned(
                section[: bounds[i]],
                SourcedText.join_lines(table, "\n"),
                section[bounds[rows[-1] + 1] - 1 :],
            )
    return None


def _header(s: str) -> list[int] | None:
    """Where a header line's columns start: its words parted by gaps, no figure, a
    statement's word among them ("Plānots", "Faktiski", "Atlikums")."""
    if re.search(r"\d", s) or not NEW_STATEMENT.search(s):
        return None
    indent = len(s) - len(s.lstrip(" \u00a0"))
    starts = [indent, *(m.end() for m in _GAP.finditer(s.rstrip(), indent))]
    return starts if len(starts) >= _MIN_COLUMNS else None


def _rows(lines: list[SourcedText], first: int, starts: list[int]) -> list[int]:
    """The indexes of the table's rows from line `first`: each cut cleanly at the columns
    and holding money, blank lines between them (a page's break) passed over, up to the
    first other line; none where that line comes before any row."""
    rows: list[int] = []
    for k in range(first, len(lines)):
        s = lines[k].text.rstrip()
        if not s.strip():
            continue
        if not (_fits(s, starts) and _has_money(s[starts[1] :])):
            break
        rows.append(k)
    return rows


def _fits(s: str, starts: list[int]) -> bool:
    """Whether every column of the line starts at a space's end: a first cell with text,
    and no word across a column's start."""
    if not s[: starts[1]].strip():
        return False
    return all(at >= len(s) or s[at - 1] in " \u00a0" for at in starts[1:])


def _cells(line: SourcedText, starts: list[int]) -> SourcedText:
    """The line's cells a tab apart, each tab mapped to where its column starts."""
    bounds = [0, *(at for at in starts[1:] if at < len(line)), len(line)]
    out: list[SourcedText] = []
    for a, b in itertools.pairwise(bounds):
        if a:
            out.append(SourcedText("\t", (line.offsets[a],)))
        out.append(line[a:b].strip())
    return SourcedText.join(out, "")


def _has_money(s: str) -> bool:
    return any(counts_as_money(m) for m in MONEY_IN_TEXT.finditer(s))
