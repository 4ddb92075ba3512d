"""The end the delegation period was extended to, where the report says so beside it:
"2022.gada 15.jūlijs līdz 2025.gada 14.jūlijs (ar 2024. gada 3. jūnija grozījumiem līgumā
termiņš pagarināts līdz 2025.gada 31.augustam)".

The period stays as written; the extended end is a fact of its own
(`Report.delegation_extended_to`), and a year ending on or before it is no year outside the
delegation (`pipeline.parse.checks_periods`). It is read only where certain: "pagarināts
līdz" and one day right after it, in the period's note in brackets or a sentence of the
period's cell, where what was extended is the contract, its term or the delegation period
("līgums", "līguma termiņš", "deleģēšanas periods"), said as a plain fact the sentence does
not take back. A day that would move the end read wrong hides a year really outside the
delegation, so anything less is read as nothing: another deadline ("atskaites iesniegšanas
termiņš"), another contract ("nomas līgums"), a request, plan or condition ("lai termiņš
tiktu pagarināts", "ja līgums tiktu …", "tiks pagarināts"), a negation or refusal in the
same sentence ("…, taču grozījumi netika parakstīti"), a note naming no readable day, or two
different days.
"""

from __future__ import annotations

import re

from pipeline.model import DateMention, DatePrecision, Period, Text
from pipeline.parse.latvian import find_dates
from pipeline.parse.text import SourceFile

_L = r"[^\W\d_]"
_UPPER = "A-ZĀČĒĢĪĶĻŅŠŪŽ"
# "pagarināts līdz" (extended until); "pagarināta" of a feminine subject ("darbība").
_VERB = re.compile(rf"(?<!{_L})pagarin[aā]t(?:s|a)\s*,?\s+l[iī]dz\s+", re.I)
# Where the sentence (or the note in brackets) holding the verb begins and ends: a bracket,
# a line's end, or a full stop before a capital ("2024. gada" is no sentence's end). Inside
# brackets a line's end is no boundary: a note wrapped over lines is one note.
_STOP = rf"\.\s+(?=[{_UPPER}])"
_OPENS = {False: re.compile(rf"[()\n]|{_STOP}"), True: re.compile(rf"[()]|{_STOP}")}
_CLOSES = {
    False: re.compile(rf"[)\n]|{_STOP}|\.\s*$"),
    True: re.compile(rf"\)|{_STOP}|\.\s*$"),
}
# The subject, in the nominative: the contract, its term or its period, the delegation.
_SUBJECT = re.compile(
    rf"(?<!{_L})(?P<noun>līgums|termiņš|periods|deleģējums|darbība)(?!{_L})", re.I
)
# What may stand right before the subject: the contract's or the delegation's word, an
# amendment ("ar grozījumiem Nr. 2 termiņš"), or nothing. "nomas līgums", "iesniegšanas
# termiņš" are another contract's, another deadline's.
_OWN = re.compile(
    r"(?:līguma|līgumā|deleģēšanas|deleģējuma|uzdevuma|darbības|grozījumiem|grozījumu"
    r"|vienošanos|vienošanās|ar|un|tā|tās|šā|šī|\d+\.?)",
    re.I,
)
# Another deadline's or another body's words anywhere before the verb.
_OTHERS = re.compile(
    rf"(?<!{_L})(?:iesnieg|iesniedz|atskait|kopsavilk|pārskat|ziņojum|pieteik|pilnvar|valde"
    rf"|maksājum|apmaks|rēķin|norēķin|nom|īre|pasākum|projekt|konkurs)",
    re.I,
)
# Words before the verb that make it no fact: a negation, a plan, a request, a condition.
_NOT_DONE = re.compile(
    rf"(?<!{_L})(?:nav|netika|netiek|nebija|netiks|tiks|tiek|tiktu|būtu|būs|varētu|var|"
    rf"plānots|plāno|paredzēts|iespējams|lūgts|lūdz|lūdza|lūgums|lūgumu|lai|ja|gadījumā|"
    rf"pieprasīj{_L}*|ierosin{_L}*)(?!{_L})",
    re.I,
)
# Words after the day that take it back or put it in doubt: a negation, a refusal, "but".
_UNDONE = re.compile(
    rf"(?<!{_L})(?:nav|netika|netiek|nebija|netiks|nestājās|neesot|ne(?:parakst|apstiprin|"
    rf"noslēg|notik|stāj){_L}*|atteic{_L}*|atteik{_L}*|noraid{_L}*|atsauk{_L}*|atcel{_L}*|"
    rf"anulē{_L}*|taču|tomēr|bet|ja|tiks|tiktu|būtu|plānots)(?!{_L})",
    re.I,
)


def extended_to(period: Period | None, rest: Text | None, source: SourceFile) -> DateMention | None:
    """The day the delegation `period` was extended to, as its note (kept in its text) or
    a sentence of the rest of its cell (`rest`) says; None where none is said for certain.
    A day no later than the period's start extends nothing: not read."""
    if period is None:
        return None
    found = _said(source, period.span.start, period.span.end)
    if rest is not None:
        found += _said(source, rest.span.start, rest.span.end)
    if len({d.start for d in found}) != 1:
        return None
    date = found[0]
    if period.start is not None and date.start <= period.start:
        return None
    return date


def _said(source: SourceFile, start: int, end: int) -> list[DateMention]:
    text = source.text[start:end]
    found: list[DateMention] = []
    for m in _VERB.finditer(text):
        dates = find_dates(text[m.end() :])
        if not dates or dates[0].begin != 0:
            continue
        day = dates[0]
        if day.precision is not DatePrecision.DAY or day.end is not None:
            continue
        noted = text.rfind("(", 0, m.start()) > text.rfind(")", 0, m.start())
        opened = max((o.end() for o in _OPENS[noted].finditer(text, 0, m.start())), default=0)
        closes = _CLOSES[noted].search(text, m.end() + day.stop)
        if not _a_fact_of_the_delegation(
            text[opened : m.start()], text[m.end() + day.stop : closes.start() if closes else None]
        ):
            continue
        at = start + m.end()
        written = " ".join(text[m.end() + day.begin : m.end() + day.stop].split())
        span = source.span(at + day.begin, at + day.stop)
        found.append(DateMention(day.start, None, DatePrecision.DAY, written, span))
    return found


def _a_fact_of_the_delegation(before: str, after: str) -> bool:
    """Whether the sentence's words `before` the verb name the contract, its term or the
    delegation as what was extended, as a fact, and its words `after` the day leave it so."""
    if _NOT_DONE.search(before) or _OTHERS.search(before) or _UNDONE.search(after):
        return False
    # the last subject named before the verb ("līgums noslēgts līdz …, ar grozījumiem
    # pagarināts līdz …": the contract, the subject of both clauses)
    subjects = list(_SUBJECT.finditer(before))
    if not subjects:
        return False
    words = before[: subjects[-1].start()].split()
    # a subject opening its clause ("…, termiņš") has nothing of its own before it
    return not words or words[-1][-1] in "(,;:–-" or _OWN.fullmatch(words[-1]) is not None
