"""Rows pasted from a spreadsheet as delimited text ("Gads;Plānots;Faktiski;Atlikums" over
"2021./2022.;45000,00;44800,00;200,00", or saved as CSV with commas, a field holding a
decimal comma quoted: "2021./2022.","45 000,00","44 812,35","187,65"): their separators
become the tabs of the other exports' table rows and a quoted field's quotes go. Each
separator is one character turned into one and a quote is only dropped, so every character
keeps its source.

Only a block that is clearly such a table is turned: at least two lines in a row, each with
the same number (three or more) of fields, every field short and of few words, none empty
(a list's item ends in a semicolon), a quote only around a whole field, and at least one
line holding two numbers. A sentence's semicolons ("organizēti 3 semināri par NVO darbību;
2 forumi; 5 pasākumi") give fields of more words, or lines of other counts. A spreadsheet
writes no space beside the commas it separates with, and quotes a number with a decimal
comma; a sentence writes a space after its commas: a line with one is no row. A number's
decimal comma ("45 000,00 44 812,35") has its one or two digits straight after it, and so
has an integer table's comma before a small last figure ("II. gads,8000,8000,0"): a line
with such a comma is a row only in a block where a row of as many fields has none (the
header, a row of larger figures), as an unquoted decimal comma would give a field more.
A figure going on with a decimal point ("8000.00,0.00") is no decimal comma's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.parse.sourced_text import SourcedText

_MAX_FIELD = 48  # characters: a year's key or a header word, not a clause
_MAX_WORDS = 4
# Digits grouped as a spreadsheet writes them: a space, a no-break or a narrow one.
_NUMBER = re.compile(r"\d[\d .,\u00a0\u202f\u2009]*(?:EUR|euro|€)?", re.I)
_SEPARATORS = (";", ",")
_SPACE = " \u00a0"
# A decimal comma's digits straight after a comma: "45 000,00" unquoted may be a number. A
# field going on with a decimal point ("8000.00,0.00") or more figures is no number's end.
_DECIMALS = re.compile(r"\d{1,2}(?!\d|\.\d)")


@dataclass(frozen=True, slots=True)
class _Row:
    fields: tuple[str, ...]  # each field's text, quotes gone
    separators: tuple[int, ...]  # where each separator stands in the line
    quotes: tuple[int, ...]  # where each quote to drop stands in the line
    # False where a comma may be a decimal one ("8000,0"): a row only beside a row of as many
    # fields that has none (its header)
    certain: bool = True


def delimited_tables(text: SourcedText) -> SourcedText:
    """`text` with each delimited table's separators turned into tabs (see the module)."""
    s = text.text
    if ";" not in s and "," not in s:
        return text
    starts, pos = [], 0
    for line in s.split("\n"):
        starts.append((pos, line))
        pos += len(line) + 1
    tabs: set[int] = set()
    drop: set[int] = set()
    turned: set[int] = set()  # lines already a table's rows
    for sep in _SEPARATORS:
        rows = [None if k in turned else _row(line, sep) for k, (_, line) in enumerate(starts)]
        i = 0
        while i < len(rows):
            first = rows[i]
            j = i + 1
            if first is not None:
                while j < len(rows) and (row := rows[j]) and len(row.fields) == len(first.fields):
                    j += 1
            block = [r for r in rows[i:j] if r is not None]
            if (
                first is not None
                and j - i >= 2
                and any(_numbers(r) >= 2 for r in block)
                and any(r.certain for r in block)
            ):
                for k in range(i, j):
                    start, row = starts[k][0], rows[k]
                    assert row is not None
                    tabs.update(start + at for at in row.separators)
                    drop.update(start + at for at in row.quotes)
                    turned.add(k)
            i = max(j, i + 1)
    if not tabs:
        return text
    kept = [k for k in range(len(s)) if k not in drop]
    chars = "".join("\t" if k in tabs else s[k] for k in kept)
    return SourcedText(chars, tuple(text.offsets[k] for k in kept))


def _row(line: str, sep: str) -> _Row | None:
    """The line as a table's row with `sep` between its fields; None where it is none."""
    if sep not in line or "\t" in line:
        return None
    split = _split(line, sep)
    if split is None:
        return None
    fields = tuple(f.strip(_SPACE) for f in split.fields)
    if len(fields) < 3 or any(
        not f or len(f) > _MAX_FIELD or len(f.split()) > _MAX_WORDS for f in fields
    ):
        return None
    if sep == "," and any(_sentence_comma(line, at) for at in split.separators):
        return None
    certain = sep != "," or not any(_decimal_comma(line, at) for at in split.separators)
    return _Row(fields, split.separators, split.quotes, certain)


def _split(line: str, sep: str) -> _Row | None:
    """The line's fields at `sep`, a quoted field's `sep` its own and its doubled quote one
    quote; None where a quote stands inside an unquoted field or is never closed."""
    fields: list[str] = []
    separators: list[int] = []
    quotes: list[int] = []
    k = 0
    while True:
        at = k
        while at < len(line) and line[at] in _SPACE:
            at += 1
        if at < len(line) and line[at] == '"':
            quotes.append(at)
            pieces: list[str] = []
            at += 1
            while True:
                close = line.find('"', at)
                if close < 0:
                    return None
                if line.startswith('""', close):
                    pieces.append(line[at : close + 1])
                    quotes.append(close + 1)
                    at = close + 2
                    continue
                pieces.append(line[at:close])
                quotes.append(close)
                at = close + 1
                break
            while at < len(line) and line[at] in _SPACE:
                at += 1
            if at < len(line) and line[at] != sep:
                return None
            fields.append("".join(pieces))
            end = at
        else:
            found = line.find(sep, at)
            end = found if found >= 0 else len(line)
            if '"' in line[at:end]:
                return None
            fields.append(line[at:end])
        if end >= len(line):
            return _Row(tuple(fields), tuple(separators), tuple(quotes))
        separators.append(end)
        k = end + 1


def _sentence_comma(line: str, at: int) -> bool:
    """Whether the comma at `at` is a sentence's, not a separator: a space beside it."""
    before, after = line[at - 1 : at], line[at + 1 : at + 2]
    return not before.strip() or not after.strip()


def _decimal_comma(line: str, at: int) -> bool:
    """Whether the comma at `at` may be a decimal one: a figure before it, one or two after
    and the field's end ("45000,00"; "8000,0" an integer table's last field as well)."""
    return line[at - 1 : at].isdigit() and _DECIMALS.match(line, at + 1) is not None


def _numbers(row: _Row) -> int:
    return sum(1 for f in row.fields if _NUMBER.fullmatch(f))
