"""What a report itself says of its dates, kept in the model once every year is read: which
period is the one the contract was extended by (`ImplementationYear.extension`), and which
date an activity says it was moved to (`DateMention.moved`).

The checks tell no contradiction for either (`pipeline.parse.checks_periods`); with the
facts in the model, the graph states them too, and the consistency shapes, which read only
the graph, skip the same cases.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.model import Activity, ImplementationYear
from pipeline.parse.checks_periods import is_extension, moved_to


def with_explained(years: tuple[ImplementationYear, ...]) -> tuple[ImplementationYear, ...]:
    return tuple(
        replace(
            year,
            extension=is_extension(year),
            activities=tuple(_with_moved(a) for a in year.activities),
        )
        for year in years
    )


def _with_moved(activity: Activity) -> Activity:
    if not activity.dates:
        return activity
    dates = tuple(
        replace(date, moved=moved_to(activity.text.value, date.text)) for date in activity.dates
    )
    return replace(activity, dates=dates)
