"""Whole euros with no currency word and no decimals, as a spreadsheet saves them: the rows
"Gads,Plānots,Faktiski,Atlikums" / "2023,8000,7950,50" pasted as text become a table's
cells "8000", "7950", "50". Elsewhere a bare "8000" may be a count or a year, so a reader
takes it for money only where that is certain:
- a header names the cell's column ("Plānots"), and the cell holds that number alone;
- or, with no header, a year's row holds three such numbers and nothing else, the first
  at least 100 and minus the second the third: planned, actual and what is left, as every other
  table without a header sets them out.
A number that may be a year ("2024") is never taken so: read less rather than wrong. Which
comma separates and which is a decimal one is told before (`delimited_tables.py`); a cell
with a decimal comma is money as any amount is.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.model import AmountRole
from pipeline.parse.text import SourcedText

# less than a year's funding ever is: small numbers that add up may be counts
_LEAST = Decimal(100)
_WHOLE = re.compile(r"[ \u00a0\ue000]*(?P<n>\d{1,3}(?:[ \u00a0]\d{3})+|\d{1,7})[ \u00a0\ue000]*")


def whole_cell(text: str) -> bool:
    """Whether the cell is one whole number and nothing else, and no year's."""
    found = _WHOLE.fullmatch(text)
    return found is not None and not _year_like(found.group("n"))


def _year_like(number: str) -> bool:
    return len(number) == 4 and 1990 <= int(number) <= 2099


def adding_up(cells: list[SourcedText]) -> tuple[SourcedText, SourcedText, SourcedText] | None:
    """The planned, actual and remainder cells of a row with no header: three whole numbers,
    each a cell of its own, the first minus the second the third; None for any other row."""
    filled = [c for c in cells if c.text.strip(" \u00a0\ue000")]
    if len(filled) != 3 or not all(whole_cell(c.text) for c in filled):
        return None
    planned, actual, left = (_value(c.text) for c in filled)
    if planned < _LEAST or planned - actual != left:
        return None  # "2 | 1 | 1": counts, not a year's funding
    return filled[0], filled[1], filled[2]


# A bare calendar year as a row's key, shaped as CALENDAR_YEAR's match (no ordinal, no dates)
_BARE_YEAR = re.compile(
    r"[ \u00a0\ue000]*((?:19|20)\d{2})(?P<n>(?!))?(?P<range>(?!))?\.?[ \u00a0\ue000]*"
)


def summed_year(
    key: str, rest: list[SourcedText], header: list[AmountRole | None] | None
) -> re.Match[str] | None:
    """The calendar year a bare key names ("2023,8000,7950,50" with no `header`), where the
    row's cells after it add up as `adding_up` reads them: their sum says they are the
    year's money, and so that the first cell is the year's and no amount. None for any
    other row, and under a header (which reads a bare year by its columns)."""
    found = _BARE_YEAR.fullmatch(key)
    if found is None or header is not None:
        return None
    if adding_up([p for c in rest for p in _cells(c)]) is None:
        return None
    return found


def _cells(cell: SourcedText) -> list[SourcedText]:
    return [cell[m.start() : m.end()] for m in re.finditer(r"[^\t]+", cell.text)]


def _value(text: str) -> Decimal:
    return Decimal(re.sub(r"\D", "", text))
