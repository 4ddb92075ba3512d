"""A period one of whose dates does not exist: "01.07.2022. – 31.06.2024." (June has 30
days). Its other date is read; the impossible one is left unread, never moved to a day that
exists, and which it is and why can be said."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from dataclasses import dataclass

from pipeline.parse.latvian import DASHES, DATE, FoundPeriod, month_number

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_SEP = re.compile(rf"\s*(?:[{DASHES}]|līdz)\s*", re.I)
_MONTHS_EN = tuple(calendar.month_name)
# the month as "in June 2024" is said: "2024. gada jūnijā"
_MONTHS_LV = (
    "",
    "janvārī",
    "februārī",
    "martā",
    "aprīlī",
    "maijā",
    "jūnijā",
    "jūlijā",
    "augustā",
    "septembrī",
    "oktobrī",
    "novembrī",
    "decembrī",
)


@dataclass(frozen=True, slots=True)
class WrittenDate:
    """One day as written: its text, where it is in the searched string, its parts, and
    the date they make (None where they make none)."""

    text: str
    begin: int
    stop: int
    year: int
    month: int
    day: int
    date: dt.date | None


def _parts(m: re.Match[str]) -> tuple[int, int, int] | None:
    """The year, month and day a match of `DATE` writes, where it writes one day."""
    g = m.groupdict()
    if g["ly"]:
        return int(g["ly"]), month_number(g["lm"]), int(g["ld"])
    if g["nd"]:
        year = int(g["ny"])
        return year + 2000 if len(g["ny"]) == 2 else year, int(g["nm"]), int(g["nd"])
    if g["iy"]:
        return int(g["iy"]), int(g["im"]), int(g["id"])
    if g["sd"]:
        return int(g["sy"]), int(g["sm"]), int(g["sd"])
    if g["rmd"]:
        return int(g["rmy"]), _ROMAN.index(g["rmm"]) + 1, int(g["rmd"])
    return None  # a range of days or a month: no one day


def _written(m: re.Match[str]) -> WrittenDate | None:
    parts = _parts(m)
    if parts is None:
        return None
    year, month, day = parts
    try:
        date: dt.date | None = dt.date(year, month, day)
    except ValueError:
        date = None
    return WrittenDate(m.group(), m.start(), m.end(), year, month, day, date)


def _pairs(text: str) -> list[tuple[WrittenDate, WrittenDate]]:
    days = [w for w in (_written(m) for m in DATE.finditer(text)) if w is not None]
    return [(a, b) for a, b in itertools.pairwise(days) if _SEP.fullmatch(text, a.stop, b.begin)]


def partly_read_period(text: str) -> FoundPeriod | None:
    """The first 'DATE – DATE' or 'DATE līdz DATE' in `text` one of whose dates does not
    exist ("01.07.2022. – 31.06.2024."): the other as read, that one None. None where
    there is no such period, or neither of its dates exists (nothing of it is read)."""
    for first, second in _pairs(text):
        if (first.date is None) != (second.date is None):
            return FoundPeriod(first.date, second.date, first.begin, second.stop)
    return None


def impossible_dates(text: str) -> tuple[WrittenDate, ...]:
    """The dates of a period in `text` that do not exist, as written, in order."""
    return tuple(w for pair in _pairs(text) for w in pair if w.date is None)


def why_impossible(written: WrittenDate) -> tuple[str, str]:
    """Why a written date does not exist, in English and in Latvian: "31.06.2024. does not
    exist: June 2024 has 30 days"."""
    if not 1 <= written.month <= 12:
        return (
            f"{written.text} does not exist: there is no month {written.month}",
            f"{written.text} nav datums: nav {written.month}. mēneša",
        )
    if written.day < 1:
        return (
            f"{written.text} does not exist: there is no day {written.day}",
            f"{written.text} nav datums: nav {written.day}. dienas",
        )
    days = calendar.monthrange(written.year, written.month)[1]
    # "31 diena", "30 dienas": a number ending in 1, but not in 11, counts one
    word = "diena" if days % 10 == 1 and days % 100 != 11 else "dienas"
    return (
        f"{written.text} does not exist: {_MONTHS_EN[written.month]} {written.year} has "
        f"{days} days",
        f"{written.text} nav datums: {written.year}. gada {_MONTHS_LV[written.month]} ir "
        f"{days} {word}",
    )


def unreadable_because(text: str) -> tuple[str, str] | None:
    """Why the period written in `text` could not be read as two dates, in English and in
    Latvian, where a date of it does not exist ("31.06.2024. does not exist: June 2024 has
    30 days"); None where that is not why."""
    reasons = [why_impossible(w) for w in impossible_dates(text)]
    if not reasons:
        return None
    return "; ".join(en for en, _ in reasons), "; ".join(lv for _, lv in reasons)
