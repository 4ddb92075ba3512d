"""An activity's dates: those the date grammar reads (`pipeline.parse.latvian`), and a range of
months written without a day ("janvāris–decembris", "septembris–novembris 2024"), as a table's
"Datums" column gives an activity that runs over months.

A range of months is a date only where its year is certain: written after it ("septembris–
novembris 2024"), or the implementation year it is in lies within one calendar year (a year
from 01.01.2023 to 31.12.2023 makes "janvāris–decembris" 2023's). In a year from July to
June a month without its year could be either calendar year's: it is left as text. A range
that runs past December ("novembris–februāris") spans two years, which are not written: it is
left as text too. Such a date has a month's precision, which no check compares.
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.model import DateMention, DatePrecision, Period
from pipeline.parse.indicators import kind_of
from pipeline.parse.latvian import DASHES, MONTH, month_number
from pipeline.parse.mentions import find_activity_dates
from pipeline.parse.text import SourcedText, SourceFile

_MONTH_RANGE = re.compile(
    rf"(?<!\w)(?P<first>{MONTH})\s*[{DASHES}]\s*(?P<last>{MONTH})"
    r"(?!\w)(?:[ \u00a0]+(?P<year>(?:19|20)\d\d)(?![\d,])(?:\.?[ \u00a0]*(?:gadā|gads|g\.))?)?",
    re.I,
)


def activity_dates(
    text: SourcedText, source: SourceFile, period: Period | None
) -> tuple[DateMention, ...]:
    """The dates in an activity's text, in order; `period` is its implementation year's."""
    found = list(find_activity_dates(text, source))
    written = _written_years(text.text, found)
    for m in _MONTH_RANGE.finditer(text.text):
        first, last = month_number(m.group("first")), month_number(m.group("last"))
        end = m.end()
        if m.group("year") and _counts(text.text, m.end("year")):
            end = m.end("last")  # "oktobris–decembris 2000 apmeklētāju": a count, no year
            year = _year(None, period, written)
        else:
            year = _year(m.group("year"), period, written)
        if year is None or last <= first:
            continue
        piece = text[m.start() : end]
        span = source.span_of(piece)
        if any(d.span.start < span.end and span.start < d.span.end for d in found):
            continue  # a date the grammar read ("2024. gada septembris–novembris")
        found.append(
            DateMention(
                dt.date(year, first, 1),
                dt.date(year, last, 1),
                DatePrecision.MONTH,
                piece.text,
                span,
            )
        )
    found += _day_ranges(text, source, period, found)
    return tuple(sorted(found, key=lambda d: d.span.start))


# "no 1. līdz 3. jūnijam", "20.–22. augustā": days of a month with no year written. The date
# grammar reads them only with their year ("2024. gada 7.–8. septembrī").
_DAY_RANGE = re.compile(
    rf"(?<![\w.])(?:(?i:no)\s+)?(?P<first>\d{{1,2}})\.\s*(?:[{DASHES}]|(?i:līdz))\s*"
    rf"(?P<last>\d{{1,2}})\.\s*(?P<month>{MONTH})(?!\w)",
)
# A year the item writes: in a date the grammar read, or alone ("2020. gada", "2020. g.",
# "(2022)").
_WRITTEN_YEAR = re.compile(
    r"(?<![\d.,])(?:19|20)\d\d(?=\.\s*(?:gad|g\.))|(?<=\()(?:19|20)\d\d(?=\))"
)
# A counted noun after a four-digit number makes it a count ("2000 apmeklētāju"), no year.
_COUNTED_AFTER = re.compile(r"[ \u00a0]+(?P<word>[^\W\d_]+)")


def _counts(s: str, at: int) -> bool:
    m = _COUNTED_AFTER.match(s, at)
    return m is not None and kind_of(m.group("word")) is not None


def _written_years(s: str, read: list[DateMention]) -> set[int]:
    written = {d.start.year for d in read if d.precision is DatePrecision.DAY}
    return written | {int(m.group(0)) for m in _WRITTEN_YEAR.finditer(s)}


def _day_ranges(
    text: SourcedText, source: SourceFile, period: Period | None, read: list[DateMention]
) -> list[DateMention]:
    """Ranges of days with no year, where their year is certain: the implementation year lies
    within one calendar year, or the item writes one year only, and the range falls inside
    the implementation year with it. A year is never guessed: in a year from July to June
    "no 1. līdz 3. jūnijam" alone stays text, and a range that would fall outside the year
    is left as text too, so no finding ever comes from a year the report did not write."""
    if period is None or period.start is None or period.end is None:
        return []
    written = _written_years(text.text, read)
    year = _year(None, period, written)
    years = {year} if year is not None else written if len(written) == 1 else set()
    found: list[DateMention] = []
    for m in _DAY_RANGE.finditer(text.text):
        if not years:
            break
        month = month_number(m.group("month"))
        first, last = int(m.group("first")), int(m.group("last"))
        year = next(iter(years))
        try:
            start, end = dt.date(year, month, first), dt.date(year, month, last)
        except ValueError:
            continue
        if not (first < last and period.start <= start and end <= period.end):
            continue
        piece = text[m.start() : m.end()]
        span = source.span_of(piece)
        if any(d.span.start < span.end and span.start < d.span.end for d in read):
            continue
        found.append(DateMention(start, end, DatePrecision.DAY, piece.text, span))
    return found


def _year(stated: str | None, period: Period | None, written: set[int]) -> int | None:
    """The year of a date written without one: the implementation year's, where it lies in
    one calendar year and the item writes no other year ("1.–3. martā … (2022)" in 2023 is
    not certain: left as text)."""
    if stated is not None:
        return int(stated)
    if period is None or period.start is None or period.end is None:
        return None
    if period.start.year != period.end.year or written - {period.start.year}:
        return None
    return period.start.year
