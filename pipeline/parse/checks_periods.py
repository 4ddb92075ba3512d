"""The checks on dates: the delegation period and the years' periods against each other and
the title, and each activity's dates against its year's (see `pipeline.parse.checks`).

A period that ends before it starts ("01.08.2025. – 31.07.2024.") is a finding of its own,
at its line. Every other comparison with it would only say the same again (any year, any
date is "outside" it), so none is made. A date outside its year that the activity itself
says was moved there ("tika pārcelts uz 2026. gada 24. janvāri", see
`pipeline.parse.activity_moved`) is no contradiction of the report: it is said, as an info,
and not warned of. Nor is an extension period ("PAGARINĀJUMA PERIODS (…)") that goes on
past the delegation period as the report gives it: the report says the contract was
extended. It is named as the extension period, never as a year. Nor is a year that ends on
or before the day the delegation period's own note says it was extended to
(`Report.delegation_extended_to`, see `pipeline.parse.period_extension`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator

from pipeline.model import (
    DatePrecision,
    ImplementationYear,
    Period,
    Problem,
    Report,
    Severity,
)
from pipeline.parse.activity_moved import moved_to as moved_to
from pipeline.parse.headings import is_calendar, is_roman
from pipeline.parse.period_dates import unreadable_because

Emit = Callable[..., Problem]


def periods(report: Report, finding: Emit) -> Iterator[Problem]:
    deleg = report.delegation_period
    if deleg is not None and (deleg.start is None or deleg.end is None):
        en_why, lv_why = _why(deleg.text)
        yield finding(
            "period.unreadable",
            f"the delegation period {deleg.text!r} could not be read as two dates{en_why}",
            deleg.span,
            lv=f"deleģēšanas periodu {deleg.text!r} nevarēja nolasīt kā divus datumus{lv_why}",
        )
    backwards = deleg is not None and _backwards(deleg)
    if deleg is not None and backwards:
        yield finding(
            "period.ends-before-start",
            f"the delegation period {deleg.text!r} ends {deleg.end} before it starts {deleg.start}",
            deleg.span,
            lv=f"deleģēšanas periods {deleg.text!r} beidzas {deleg.end}, pirms tas sākas {deleg.start}",
        )
    if deleg and deleg.start and deleg.end and report.title_years:
        first, last = report.title_years
        # a period written backwards names its two years the other way round: the title
        # that names them in order says nothing more than `period.ends-before-start` does
        years = sorted((deleg.start.year, deleg.end.year)) if backwards else None
        if (first, last) != (deleg.start.year, deleg.end.year) and [first, last] != years:
            yield finding(
                "period.title-span-mismatch",
                f"the title says {first}-{last} but the delegation period is {deleg.start} to {deleg.end}",
                report.title.span if report.title else None,
                lv=f"virsrakstā norādīts {first}-{last}, bet deleģēšanas periods ir no {deleg.start} līdz {deleg.end}",
            )
    stated = [y for y in report.years if y.stated and y.period is not None]
    for year in stated:
        assert year.period is not None
        if year.period.start is None or year.period.end is None:
            en_why, lv_why = _why(year.period.text)
            yield finding(
                "period.unreadable",
                f"{year_en(year)}: the dates {year.period.text!r} could not be read{en_why}",
                year.period.span,
                lv=f"{year_lv(year, 'gads')}: datumus {year.period.text!r} nevarēja nolasīt{lv_why}",
            )
            continue
        if _backwards(year.period):
            yield finding(
                "period.ends-before-start",
                f"{year_en(year, 'implementation year')} ({year.period.text!r}) ends "
                f"{year.period.end} before it starts {year.period.start}",
                year.period.span,
                lv=f"{year_lv(year)} ({year.period.text!r}) beidzas {year.period.end}, pirms tas "
                f"sākas {year.period.start}",
            )
            continue
        if (
            deleg
            and deleg.start
            and deleg.end
            and not backwards
            and (year.period.start < deleg.start or year.period.end > _last_day(report))
            and not (is_extension(year) and year.period.start >= deleg.start)
        ):
            extended = report.delegation_extended_to
            more_en = f", extended to {extended.start}" if extended else ""
            more_lv = f", pagarināts līdz {extended.start}" if extended else ""
            yield finding(
                "period.year-outside-delegation",
                f"{year_en(year, 'implementation year')} ({year.period.start} to {year.period.end}) leaves "
                f"the delegation period ({deleg.start} to {deleg.end}{more_en})",
                year.period.span,
                lv=f"{year_lv(year)} (no {year.period.start} līdz {year.period.end}) iziet ārpus deleģēšanas perioda (no {deleg.start} līdz {deleg.end}{more_lv})",
            )
    dated = sorted(
        (
            y
            for y in stated
            if y.period and y.period.start and y.period.end and not _backwards(y.period)
        ),
        key=lambda y: (y.period.start if y.period else None, y.ordinal),
    )
    for a, b in itertools.pairwise(dated):
        assert a.period and b.period and a.period.end and b.period.start and b.period.end
        if a.period.end >= b.period.start:
            yield finding(
                "period.year-overlap",
                f"{year_en(a, 'implementation year')} ends {a.period.end}, after {year_en(b)} starts {b.period.start}",
                a.period.span,
                lv=f"{year_lv(a)} beidzas {a.period.end}, pēc tam, kad {year_lv(b, 'gads')} sākas {b.period.start}",
            )


def _last_day(report: Report) -> dt.date:
    """The delegation's last day: its period's end as written, or the later end the report
    says it was extended to (`Report.delegation_extended_to`)."""
    assert report.delegation_period is not None and report.delegation_period.end is not None
    end = report.delegation_period.end
    extended = report.delegation_extended_to
    return max(end, extended.start) if extended is not None else end


def _backwards(period: Period) -> bool:
    return period.start is not None and period.end is not None and period.end < period.start


# An extension period's heading ("PAGARINĀJUMA PERIODS (…)", see `pipeline.parse.activities`).
_EXTENSION = re.compile(r"(?<![^\W\d_])pagarin[aā]juma[ \u00a0]+period", re.I)


def _why(text: str) -> tuple[str, str]:
    """Why a period could not be read, where a date of it does not exist (": 31.06.2024.
    does not exist: June 2024 has 30 days"), in English and Latvian; nothing otherwise."""
    why = unreadable_because(text)
    return (f": {why[0]}", f": {why[1]}") if why else ("", "")


def is_extension(year: ImplementationYear) -> bool:
    """Whether `year` is the period the delegation was extended by, headed as a year is:
    no implementation year. Where it goes on past the delegation period, which the report
    gives as first agreed, the report itself says why (its contract was extended), and no
    contradiction is told."""
    heading = year.heading.value if year.heading else ""
    return year.numeral is None and bool(_EXTENSION.search(heading))


def year_en(year: ImplementationYear, noun: str = "year") -> str:
    """How a finding names a year in English: by its Roman numeral as written, a calendar
    year as such, any other (an Arabic numeral, an ordinal word, none) by its ordinal; an
    extension period as such, whatever the noun."""
    if is_extension(year):
        return "the extension period"
    if is_calendar(year.numeral):
        return f"calendar year {year.numeral}"
    return f"{noun} {year.numeral if is_roman(year.numeral) else year.ordinal}"


def year_lv(year: ImplementationYear, noun: str = "īstenošanas gads") -> str:
    """The same in Latvian: "II. īstenošanas gads", "2022. gads", "1. īstenošanas gads";
    "pagarinājuma periods", in the case of the noun ("… ārpus pagarinājuma perioda")."""
    if is_extension(year):
        return "pagarinājuma perioda" if noun.endswith("gada") else "pagarinājuma periods"
    if is_calendar(year.numeral):
        return f"{year.numeral}. {noun.split()[-1]}"
    return f"{year.numeral if is_roman(year.numeral) else year.ordinal}. {noun}"


def activity_dates(
    report: Report, finding: Emit, unread_heading_lines: list[int]
) -> Iterator[Problem]:
    for year in report.years:
        period = year.period
        if period is None or period.start is None or period.end is None or _backwards(period):
            continue
        top = min((a.text.span.line for a in year.activities), default=0)
        bottom = max((a.text.span.end_line for a in year.activities), default=0)
        if any(top <= line <= bottom for line in unread_heading_lines):
            continue
        for activity in year.activities:
            for date in activity.dates:
                # Month-only mentions are often plans ("līdz 2025.gada jūlijam"); days are events.
                if date.precision is not DatePrecision.DAY:
                    continue
                last = date.end or date.start
                if date.start >= period.start and last <= period.end:
                    continue
                which = activity.number or activity.position
                where_en = f"{year_en(year)} ({period.start} to {period.end})"
                where_lv = f"{year_lv(year, 'gada')} (no {period.start} līdz {period.end})"
                if moved_to(activity.text.value, date.text):
                    yield finding(
                        "activity.date-moved",
                        f"the date {date.text!r} in activity {which} falls outside {where_en}, "
                        "as the report explains: the activity was moved to it",
                        date.span,
                        Severity.INFO,
                        lv=f"datums {date.text!r} darbībā {which} ir ārpus {where_lv}, kā "
                        "kopsavilkumā paskaidrots: darbība pārcelta uz šo datumu",
                    )
                    continue
                yield finding(
                    "activity.date-outside-year",
                    f"the date {date.text!r} in activity {which} falls outside {where_en}",
                    date.span,
                    lv=f"datums {date.text!r} darbībā {which} ir ārpus {where_lv}",
                )
