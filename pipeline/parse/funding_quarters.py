"""A year's total broken down by quarter ("Plānots 40 000,00 euro, t.sk. sadalījumā pa
ceturkšņiem: I ceturksnis – 10 000,00 euro; II ceturksnis – …").

The quarters are parts of the total before them, not totals nor purpose lines of their
own: read as either, each would be a second planned or actual total, which leaves the
year uncompared (and a wrong remainder unseen). The model has no place for a quarter, so
they stay unread (reported so), while the year is compared by its totals. Only a run of
quarter lines right after an amount and adding up to it exactly is taken so: there they
are certainly its breakdown. Any other quarter line is read as before.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from pipeline.parse.diacritics import either_form
from pipeline.parse.funding_words import amount_value
from pipeline.parse.latvian import AMOUNT, CURRENCY

_SP = r"[ \u00a0]*"
# what may stand between the total and its first quarter: "euro, t.sk. sadalījumā pa
# ceturkšņiem:", "EUR, tai skaitā:", "euro (pa ceturkšņiem):"
_INTRO = re.compile(
    rf"(?P<total>{AMOUNT}){_SP}(?:{CURRENCY})?{_SP},?\s*\(?\s*"
    + either_form(
        r"(?:(?:t\.\s?sk\.?|tai\s+skaitā|no\s+tā)\s*,?\s*)?"
        r"(?:(?:sadalījumā\s+)?pa\s+ceturkšņiem\s*\)?\s*)?"
    )
    + r":?\s*",
    re.I,
)
# "I ceturksnis – 10 000,00 euro;", "1. ceturksnī: 9 720,10 EUR,", "IV ceturksnis 10 000 euro."
_QUARTER = re.compile(
    r"\s*[-–•]?\s*(?P<q>IV|I{1,3}|[1-4])\.?\s*"
    + either_form(r"ceturksn(?:is|ī|im)")
    + rf"{_SP}[–—:-]?{_SP}(?P<amount>{AMOUNT}){_SP}(?:{CURRENCY})?{_SP}[;,.]?",
    re.I,
)
_ORDER = {"I": 1, "II": 2, "III": 3, "IV": 4}


class Quarters(NamedTuple):
    # each quarter amount's start, with its line's span (its words "II ceturksnis –" read)
    lines: dict[int, tuple[int, int]]
    # each broken-down total's start, with where its words end ("t.sk. … pa ceturkšņiem:")
    totals: dict[int, int]

    def of(self, m: re.Match[str]) -> tuple[int, int] | None:
        """The quarter line whose amount `m` is, if it is one."""
        return next((line for at, line in self.lines.items() if m.start() <= at < m.end()), None)

    def words_end(self, m: re.Match[str], end: int) -> int:
        """Where the words after total `m` end: before its first quarter, whose words
        ("I ceturksnis –") are no part of the total's label."""
        return min([end, *(e for at, e in self.totals.items() if m.start() <= at < m.end())])


def quarter_lines(s: str) -> Quarters:
    """The quarter amounts of `s` that are a total's breakdown."""
    found = Quarters({}, {})
    for intro in _INTRO.finditer(s):
        at, lines, seen = intro.end(), [], set()
        while (q := _QUARTER.match(s, at)) is not None:
            number = _ORDER.get(q.group("q").upper()) or int(q.group("q"))
            if number in seen:
                break
            seen.add(number)
            lines.append(q)
            at = q.end()
        if len(lines) < 2:
            continue
        parts = sum((amount_value(q.group("amount")) for q in lines), Decimal(0))
        if parts != amount_value(intro.group("total")):
            continue  # not its breakdown for sure: a quarter may be a total of its own
        found.totals[intro.start("total")] = intro.end()
        for q in lines:
            found.lines[q.start("amount")] = (q.start(), q.end())
    return found
