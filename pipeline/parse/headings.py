"""The heading grammar: how an implementation year is announced in the description.

"I. ĪSTENOŠANAS GADS (2022.gada 15.jūlijs līdz 2023.gada 14.jūlijs)" in all the ways a
person reads as the same heading: the numeral with or without its dot, any letter case, the
period in parentheses, after a dash or colon, on the next line, or not given at all.
A line that names "īstenošanas gads" but cannot be read as a heading is reported by
`unread_headings`, never guessed.
"""

from __future__ import annotations

import re

from pipeline.parse.latvian import DASHES, PERIOD_TEXT

_NOT_LETTER = r"(?![\wāčēģīķļņšūž])"
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}

#: The heading, to be embedded in the description's marker scanner. Groups: `year` (the
#: whole heading), `numeral`, `range` (the period in parentheses) or `bare` (the period
#: written after a dash or colon or on the next line).
YEAR_HEADING = (
    r"(?P<year>(?<![\wāčēģīķļņšūž.])(?P<numeral>(?i:[IVX]{1,4}))\.?\s*"
    r"(?i:ĪSTENOŠANAS\s+GADS)" + _NOT_LETTER + r"[ \t\u00a0]*"
    r"(?:\s*\((?P<range>[^()]*)\)"
    rf"|[ \t\u00a0]*[{DASHES}:]?\s*(?P<bare>(?i:{PERIOD_TEXT})))?(?:[ \t\u00a0]*\.)?)"
)

# Anything else that names a year of implementation as a heading would (at a line start).
_LOOSE = re.compile(
    r"(?:^|(?<=[\n\t\x0b]))[ \u00a0]*(?P<head>[^\n\t\x0b]{0,30}?īstenošanas\s+gads"
    + _NOT_LETTER
    + r"[^\n\t\x0b]{0,80})",
    re.I,
)


def ordinal_of(numeral: str) -> int | None:
    """'ii' -> 2; None for a numeral past the template's eight years."""
    return _ROMAN.get(numeral.upper())


def unread_headings(text: str, read: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges of `text` that look like year headings but were not read as one (`read` are
    the ranges that were)."""
    out = []
    for m in _LOOSE.finditer(text):
        if not any(
            start <= m.start("head") < end or m.start("head") <= start < m.end("head")
            for start, end in read
        ):
            out.append((m.start("head"), m.end("head")))
    return out
