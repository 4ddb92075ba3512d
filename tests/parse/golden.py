"""What the golden tests of the unseen reports share: the names they read the model with,
and the read of a set of fixtures (text or document) by key."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pipeline.model import ActivityGroup, AmountRole, FundingYear, Parsed, Qualifier, Report
from pipeline.model import Purpose as Pu
from pipeline.read import read_report
from tests.conftest import FIXTURES

UNSEEN = FIXTURES / "reports" / "unseen"
D = dt.date
CIVIL, MINORITY = ActivityGroup.CIVIL_SOCIETY, ActivityGroup.MINORITY_CAPACITY
P, A = AmountRole.PLANNED, AmountRole.ACTUAL
IN, OVER, BACK = AmountRole.CARRIED_IN, AmountRole.CARRIED_OVER, AmountRole.RETURNED
EXACT, ABOUT = Qualifier.EXACT, Qualifier.ABOUT
MORE, AT_LEAST = Qualifier.MORE_THAN, Qualifier.AT_LEAST
CS, MN = Pu.CIVIL_SOCIETY, Pu.MINORITY_NGOS

Amounts = set[tuple[AmountRole, Pu | None, Decimal | None]]
Quantities = list[tuple[ActivityGroup, int, Qualifier, str]]


def read_unseen(files: dict[str, str]) -> dict[str, Parsed]:
    """Each fixture of `unseen/` read as lodpipe reads a file, by its key."""
    return {key: read_report(UNSEEN / name, name) for key, name in files.items()}


def report_of(read: dict[str, Parsed], key: str) -> Report:
    report = read[key].report
    assert report is not None
    return report


def amounts(row: FundingYear) -> Amounts:
    return {(a.role, a.purpose, a.value) for a in row.amounts}


def quantities(rep: Report, year: int) -> Quantities:
    """Every figure of the year's activities, in order: group, value, qualifier, kind."""
    return [
        (a.group, i.value, i.qualifier, i.kind)
        for a in rep.activities
        if a.year == year
        for i in a.indicators
    ]


def years(rep: Report) -> list[tuple[int, tuple[dt.date | None, dt.date | None] | None]]:
    return [(y.ordinal, y.period and (y.period.start, y.period.end)) for y in rep.years]
