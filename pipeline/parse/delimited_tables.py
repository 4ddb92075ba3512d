"""Rows pasted from a spreadsheet as delimited text ("Gads;Plānots;Faktiski;Atlikums" over
"2021./2022.;45000,00;44800,00;200,00"): their separators become the tabs of the other
exports' table rows. Each separator is one character turned into one, so every character
keeps its source.

Only a block that is clearly such a table is turned: at least two lines in a row, each with
the same number (two or more) of semicolons, every field short and of few words, no line
ending in a semicolon (a list's item does), and at least one line holding two numbers. A
sentence's semicolons ("organizēti 3 semināri; 2 forumi; 5 pasākumi") give fields of more
words, or lines of other counts.
"""

from __future__ import annotations

import re

from pipeline.parse.text import SourcedText

_MAX_FIELD = 48  # characters: a year's key or a header word, not a clause
_MAX_WORDS = 4
_NUMBER = re.compile(r"\d[\d .,]*(?:EUR|euro|€)?", re.I)


def delimited_tables(text: SourcedText) -> SourcedText:
    """`text` with each semicolon-separated table's separators turned into tabs."""
    if ";" not in text.text:
        return text
    s = text.text
    starts, pos = [], 0
    for line in s.split("\n"):
        starts.append((pos, line))
        pos += len(line) + 1
    chars = list(s)
    changed = False
    i = 0
    while i < len(starts):
        count = _fields(starts[i][1])
        j = i + 1
        if count:
            while j < len(starts) and _fields(starts[j][1]) == count:
                j += 1
        if count and j - i >= 2 and any(_numbers(line) >= 2 for _, line in starts[i:j]):
            for start, line in starts[i:j]:
                for k, c in enumerate(line):
                    if c == ";":
                        chars[start + k] = "\t"
            changed = True
        i = max(j, i + 1)
    return SourcedText("".join(chars), text.offsets) if changed else text


def _fields(line: str) -> int:
    """The number of semicolons of a table row (0 where the line is none)."""
    stripped = line.strip()
    if stripped.count(";") < 2 or stripped.endswith(";") or "\t" in stripped:
        return 0
    fields = [f.strip() for f in stripped.split(";")]
    if any(not f or len(f) > _MAX_FIELD or len(f.split()) > _MAX_WORDS for f in fields):
        return 0
    return len(fields) - 1


def _numbers(line: str) -> int:
    return sum(1 for f in line.split(";") if _NUMBER.fullmatch(f.strip()))
