"""The remainder of a year whose money carried in is read beside its plan ("plānots
31.000,00 EUR (papildus pārceltie 487,65 EUR); faktiski 29.950,00 EUR; … 1.637,65 EUR
atgriezts"). The row checks (`checks_funding`) compare no remainder of such a year, as its
plan is not all it could spend (`FundingYear.plan_complete`). Whether the money carried in
stands beside the plan or is counted in it ("45 789,60 EUR (t.sk. pārceltais atlikums
789,60 EUR)") the model does not say; where the year's remainder is neither the plan and
that money less the actual nor the plan less the actual, the report contradicts itself
either way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from pipeline.model import AmountRole, FundingYear, Problem, Report
from pipeline.parse.checks_funding import row_labels
from pipeline.parse.checks_money import money
from pipeline.parse.funding_lines import UNFINISHED
from pipeline.parse.text import SourceFile

_REMAINDERS = (AmountRole.CARRIED_OVER, AmountRole.RETURNED, AmountRole.REMAINDER)
# Money granted beside the plan makes the plan more by an amount not always written.
_GRANTED = re.compile(r"piešķirt", re.I)


def carried_in_remainders(
    report: Report, source: SourceFile, finding: Callable[..., Problem]
) -> Iterator[Problem]:
    for row in report.funding:
        if not row.compared or row.plan_complete:
            continue
        text = source.text[row.span.start : row.span.end]
        if UNFINISHED.search(text) or _GRANTED.search(text):
            continue  # a year not over, or granted money beside the plan: not all is known
        found = _available(row)
        actual = row.total(AmountRole.ACTUAL)
        if found is None or actual is None or actual.value is None:
            continue
        left, own = found[0] + found[1] - actual.value, found[0] - actual.value
        stated = Decimal(0)
        for role in _REMAINDERS:
            total = row.total(role)
            if total is not None and total.value is not None:
                stated += total.value
            else:
                stated += sum((a.value for a in row.lines(role) if a.value is not None), Decimal(0))
        if stated in (left, own):
            continue  # the plan with what was carried in beside it, or with it inside
        label, label_lv = row_labels(row)
        yield finding(
            "funding.remainder-mismatch",
            f"{label}: planned plus carried in minus actual is {money(left)} EUR (planned "
            f"minus actual {money(own)} EUR), but the report carries over, returns or leaves "
            f"{money(stated)} EUR",
            actual.span,
            lv=f"{label_lv}: plānotais un pārceltais mīnus faktiskais ir {money(left)} EUR "
            f"(plānotais mīnus faktiskais {money(own)} EUR), bet kopsavilkumā pārcelti, "
            f"atgriezti vai atlikuši {money(stated)} EUR",
        )


def _available(row: FundingYear) -> tuple[Decimal, Decimal] | None:
    """The plan and the money carried in, each one total read; None otherwise."""
    planned = row.total(AmountRole.PLANNED)
    carried = [a for a in row.amounts if a.role is AmountRole.CARRIED_IN]
    if planned is None or planned.value is None or len(carried) != 1:
        return None
    if carried[0].purpose is not None or carried[0].value is None:
        return None
    return planned.value, carried[0].value
