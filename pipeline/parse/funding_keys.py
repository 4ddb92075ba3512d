"""Funding written per calendar year in lines, each year opened by its key: "2019. gads:
plānots …" (the key, a colon, the row's words), "2023. gads. Plānots …" (a paragraph opened
by its year, perhaps bold in the original), or "2023. gads" on a line of its own with the
year's statements ("Plānots: …", "Faktiski: …", "Atlikums: …") on the lines under it.
Each year's lines are one row of a table, the key its first cell, as `funding.py` reads a
table; the lines before the first year that hold no money are no year's.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.parse.funding_clauses import split_text
from pipeline.parse.funding_lines import money_matches
from pipeline.parse.funding_words import counts_as_money
from pipeline.parse.funding_year_keys import year_key_as_gads
from pipeline.parse.funding_year_words import year_in_words
from pipeline.parse.text import SourcedText

_KEY = r"\s*(?P<key>\d{4}\.\s?gad[sā](?:\s*\([^()]*\d[^()]*\))?)"
# A calendar year opening a line, a colon after it and the row's words: "2019. gads: plānots".
CALENDAR_COLON = re.compile(rf"{_KEY}[ \u00a0]*:[ \u00a0]*(?=\S)", re.I)
# The year alone on its line ("2023. gads", "2023. gads:"), its statements on the lines
# under it; or a paragraph opened by its year as by a sentence ("2023. gads. Plānots …"):
# the stop ends the key, as the colon does.
_HEADING = re.compile(
    rf"{_KEY}(?:[ \u00a0\t]*[:.]?[ \u00a0\t]*$"
    r"|\.[ \u00a0]+(?=[A-ZĀČĒĢĪĶĻŅŠŪŽ]))",
    re.I,
)


class KeyedRows(NamedTuple):
    """The section as a table: a row per year, its key and its words a tab apart; and the
    lines before the first year, which hold no money."""

    rows: SourcedText
    head: SourcedText


def calendar_rows(section: SourcedText) -> KeyedRows | None:
    """The section's years as rows, when its money is written under calendar-year keys at
    the start of its lines; None for any other section. The colon form keys its rows on the
    first line with money; a key alone on its line (or ending in a stop) keys the lines
    under it, the years one after another, each later than the one before."""
    # "Divi tūkstoši divpadsmitajā gadā (01.07.2012.–31.12.2012.)" keys as "2012. gadā (…)",
    # "2023. gada finansējums:" and "2023:" as "2023. gads:"
    lines = [year_key_as_gads(year_in_words(line)) for line in split_text(section, "\n")]
    money = [i for i, line in enumerate(lines) if _has_money(line.text)]
    if not money:
        return None
    first = money[0]
    if CALENDAR_COLON.match(lines[first].text):
        return KeyedRows(_rows(lines, first, CALENDAR_COLON, split=False), _head(lines, first))
    keys = [i for i, line in enumerate(lines) if _HEADING.match(line.text)]
    if not keys or keys[0] > first:
        return None
    years = [int(lines[i].text.strip()[:4]) for i in keys]
    if years != sorted(set(years)):
        return None  # a year named twice or out of order: not one row per year
    return KeyedRows(_rows(lines, keys[0], _HEADING, split=True), _head(lines, keys[0]))


def _rows(
    lines: list[SourcedText], start: int, key: re.Pattern[str], *, split: bool
) -> SourcedText:
    """Each key's line with the lines under it up to the next key, as one line: a line
    without its key continues the row before (a row wrapped over lines, or the statements
    under their year's heading). With `split` the key is a cell of its own."""
    rows: list[list[SourcedText]] = []
    for line in lines[start:]:
        found = key.match(line.text)
        if found is not None:
            if split:
                rows.append([line[: found.end("key")], line[found.end() :]])
            else:
                rows.append([line])
        elif line.text.strip():
            rows[-1].append(line)
    joined = []
    for row in rows:
        if split:
            parts = [p for p in row[1:] if p.text.strip()]
            body = [SourcedText.join(parts, " ")] if parts else []
            joined.append(SourcedText.join([row[0].strip(), *body], "\t"))
        else:
            joined.append(SourcedText.join(row, " "))
    return SourcedText.join(joined, "\n")


def _head(lines: list[SourcedText], stop: int) -> SourcedText:
    return SourcedText.join(lines[:stop], "\n") if stop else SourcedText.of("")


def _has_money(text: str) -> bool:
    return any(counts_as_money(m) for m in money_matches(text))
