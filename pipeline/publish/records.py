"""What a build keeps of each report it read, in place of the report itself.

A read report is about 88 KB in memory, its source text and every value's source span
included; an archive of thousands of them was a quarter of what a build held. The work
across reports needs a few of its facts: its findings, region, period and implementer, the
newest date it states, and the sums of what it says was delivered. Those are its record;
the report stays in the build cache, where a worker that maps it again reads it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.model import Activity, Implementer, Indicator, Parsed, Period, Problem


@dataclass(frozen=True, slots=True)
class Delivered:
    """The sum of a report's quantities of one kind, and the qualifiers of its parts
    ("vairāk nekā" makes the sum a lower bound). A part of a stated total is not counted:
    the total is."""

    kind: str  # indicator-kind key
    value: int
    qualifiers: frozenset[str]  # Qualifier values


@dataclass(frozen=True, slots=True)
class ReportRecord:
    """One file read: what the work across reports, the exit code and the command line's
    summary need of it."""

    file: str  # the name it was read under
    findings: tuple[Problem, ...]
    read: bool  # False: the file could not be read as a report
    region: str | None = None  # key
    delegation_period: Period | None = None
    implementer: Implementer | None = None
    newest: dt.date | None = None  # the latest date an activity states
    extension: str = ""  # how the original document is published; "" for text
    delivered: tuple[Delivered, ...] = ()  # by kind key
    years: int = 0
    activities: int = 0
    indicators: int = 0
    funding_rows: int = 0


def record_of(parsed: Parsed) -> ReportRecord:
    report = parsed.report
    if report is None:
        return ReportRecord(parsed.file, parsed.findings, read=False)
    activities = report.activities
    dates = [d.start for a in activities for d in a.dates]
    return ReportRecord(
        file=report.file,
        findings=parsed.findings,
        read=True,
        region=report.region,
        delegation_period=report.delegation_period,
        implementer=report.implementer,
        newest=max(dates, default=None),
        extension=report.document.extension if report.document is not None else "",
        delivered=delivered(activities),
        years=len(report.years),
        activities=len(activities),
        indicators=sum(len(a.indicators) for a in activities),
        funding_rows=len(report.funding),
    )


def counted(activity: Activity) -> list[Indicator]:
    """The indicators of an activity that are not parts of another one's total."""
    return [i for i in activity.indicators if i.part_of is None]


def delivered(activities: Iterable[Activity]) -> tuple[Delivered, ...]:
    """The sums of `activities`' quantities by kind (parts of a stated total left out)."""
    sums: dict[str, int] = {}
    qualifiers: dict[str, set[str]] = {}
    for activity in activities:
        for indicator in counted(activity):
            sums[indicator.kind] = sums.get(indicator.kind, 0) + indicator.value
            qualifiers.setdefault(indicator.kind, set()).add(indicator.qualifier.value)
    return tuple(Delivered(k, sums[k], frozenset(qualifiers[k])) for k in sorted(sums))
