"""The end the delegation period was extended to, where the report says so beside it:
"2022.gada 15.jūlijs līdz 2025.gada 14.jūlijs (ar 2024. gada 3. jūnija grozījumiem līgumā
termiņš pagarināts līdz 2025.gada 31.augustam)".

The period stays as written; the extended end is a fact of its own
(`Report.delegation_extended_to`), and a year ending on or before it is no year outside the
delegation (`pipeline.parse.checks_periods`). It is read only where certain: "pagarināts
līdz" and one day right after it, in the period's note in brackets, or, in a sentence of
the period's cell, with the contract or its term named before it ("Līgums pagarināts līdz
…"). A note naming no readable day ("pagarināts līdz gada beigām"), a plan ("tiks
pagarināts līdz …") or two different days say nothing certain: nothing is read.
"""

from __future__ import annotations

import re

from pipeline.model import DateMention, DatePrecision, Period, Text
from pipeline.parse.latvian import find_dates
from pipeline.parse.text import SourceFile

_L = r"[^\W\d_]"
# "pagarināts līdz" (extended until); "pagarināta" of a feminine subject ("darbība").
_VERB = r"pagarin[aā]t(?:s|a)\s*,?\s+l[iī]dz\s+"
# Words before the verb that make it no fact: a negation, a plan, a request, a possibility.
_NOT_DONE = re.compile(
    rf"(?<!{_L})(?:nav|netika|netiek|nebija|netiks|tiks|tiek|varētu|var|būs|plānots|"
    rf"paredzēts|iespējams|lūgts|lūdz|lūgums|nav\s+ticis)\s+$",
    re.I,
)
_IN_NOTE = re.compile(rf"(?<!{_L}){_VERB}", re.I)
# In a sentence of the cell, the contract or its term is the subject: "Līgums pagarināts
# līdz …", "Līguma termiņš tika pagarināts līdz …", "Deleģēšanas periods pagarināts līdz …".
_IN_CELL = re.compile(
    rf"(?<!{_L})(?:līgum{_L}*|termiņ{_L}*|period{_L}*)\s+(?:(?:ir|tika)\s+)?{_VERB}",
    re.I,
)


def extended_to(period: Period | None, rest: Text | None, source: SourceFile) -> DateMention | None:
    """The day the delegation `period` was extended to, as its note (kept in its text) or
    a sentence of the rest of its cell (`rest`) says; None where none is said for certain.
    A day no later than the period's start extends nothing: not read."""
    if period is None:
        return None
    found = _said(source, period.span.start, period.span.end, _IN_NOTE)
    if rest is not None:
        found += _said(source, rest.span.start, rest.span.end, _IN_CELL)
    if len({d.start for d in found}) != 1:
        return None
    date = found[0]
    if period.start is not None and date.start <= period.start:
        return None
    return date


def _said(source: SourceFile, start: int, end: int, verb: re.Pattern[str]) -> list[DateMention]:
    text = source.text[start:end]
    found: list[DateMention] = []
    for m in verb.finditer(text):
        if _NOT_DONE.search(text, max(0, m.start() - 40), m.start()):
            continue
        dates = find_dates(text[m.end() :])
        if not dates or dates[0].begin != 0:
            continue
        day = dates[0]
        if day.precision is not DatePrecision.DAY or day.end is not None:
            continue
        at = start + m.end()
        written = " ".join(text[m.end() + day.begin : m.end() + day.stop].split())
        span = source.span(at + day.begin, at + day.stop)
        found.append(DateMention(day.start, None, DatePrecision.DAY, written, span))
    return found
