"""The remainder of a year whose money carried in is read beside its plan ("plānots
31.000,00 EUR (papildus pārceltie 487,65 EUR); faktiski 29.950,00 EUR; … 1.637,65 EUR
atgriezts"). The row checks (`checks_funding`) compare no remainder of such a year, as its
plan is not all it could spend (`FundingYear.plan_complete`). Whether the money carried in
stands beside the plan or is counted in it ("45 789,60 EUR (t.sk. pārceltais atlikums
789,60 EUR)") the model does not say; where the year's remainder is neither the plan and
that money less the actual nor the plan less the actual, the report contradicts itself
either way. A year after one that carried money over, naming no money carried in, whose
plan is incomplete (`funding_blocks`) spent that money beside its plan: it is compared with
its plan and that money.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from pipeline.model import Amount, AmountRole, FundingYear, Problem, Purpose, Report
from pipeline.parse.checks_funding import PURPOSE_LV, row_labels
from pipeline.parse.checks_money import money
from pipeline.parse.currencies import one_currency
from pipeline.parse.funding_blocks import carried_over
from pipeline.parse.funding_lines import UNFINISHED
from pipeline.parse.text import SourceFile

_REMAINDERS = (AmountRole.CARRIED_OVER, AmountRole.RETURNED, AmountRole.REMAINDER)
# Money granted beside the plan makes the plan more by an amount not always written.
_GRANTED = re.compile(r"piešķirt", re.I)


def carried_in_remainders(
    report: Report, source: SourceFile, finding: Callable[..., Problem]
) -> Iterator[Problem]:
    for before, row in zip([None, *report.funding], report.funding, strict=False):
        if not row.compared or row.plan_complete:
            continue
        text = source.text[row.span.start : row.span.end]
        if UNFINISHED.search(text) or _GRANTED.search(text):
            continue  # a year not over, or granted money beside the plan: not all is known
        if before is not None and not any(a.role is AmountRole.CARRIED_IN for a in row.amounts):
            yield from _beyond_carried(row, before, finding)
        found = _available(row)
        actual = row.total(AmountRole.ACTUAL)
        cur = one_currency(row.amounts)
        if found is None or actual is None or actual.value is None or cur is None:
            continue
        left, own = found[0] + found[1] - actual.value, found[0] - actual.value
        stated = sum((_stated(row, role) for role in _REMAINDERS), Decimal(0))
        if stated in (left, own):
            continue  # the plan with what was carried in beside it, or with it inside
        label, label_lv = row_labels(row)
        yield finding(
            "funding.remainder-mismatch",
            f"{label}: planned plus carried in minus actual is {money(left)} {cur} (planned "
            f"minus actual {money(own)} {cur}), but the report carries over, returns or leaves "
            f"{money(stated)} {cur}",
            actual.span,
            lv=f"{label_lv}: plānotais un pārceltais mīnus faktiskais ir {money(left)} {cur} "
            f"(plānotais mīnus faktiskais {money(own)} {cur}), bet kopsavilkumā pārcelti, "
            f"atgriezti vai atlikuši {money(stated)} {cur}",
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


def _beyond_carried(
    row: FundingYear, before: FundingYear, finding: Callable[..., Problem]
) -> Iterator[Problem]:
    """A year naming no money carried in after one that carried money over spent more than
    its plan and all that money: too much whether the plan holds the money or not. For a
    purpose, the money carried over for it, or all of it where the year before does not say
    which purpose it was for."""
    sent = carried_over(before.amounts) if before.compared else None
    if not sent:
        return
    sent_by = tuple(a for a in before.amounts if a.role is AmountRole.CARRIED_OVER)
    cur = one_currency(row.amounts + sent_by)
    if cur is None:
        return  # lati sent on into a year of euro: no sum of the two is the report's
    label, label_lv = row_labels(row)
    planned, actual = row.total(AmountRole.PLANNED), row.total(AmountRole.ACTUAL)
    checked: list[tuple[Amount | None, Amount | None, Decimal, Purpose | None]] = [
        (planned, actual, sent, None)
    ]
    lines = before.lines(AmountRole.CARRIED_OVER)
    whole = sum((a.value for a in lines if a.value is not None), Decimal(0)) == sent
    for purpose in Purpose:
        part = next((a.value for a in lines if a.purpose is purpose), None)
        limit = (part or Decimal(0)) if whole and lines else sent
        checked.append(
            (
                _line(row, AmountRole.PLANNED, purpose),
                _line(row, AmountRole.ACTUAL, purpose),
                limit,
                purpose,
            )
        )
    for plan, spent, limit, aim in checked:
        if plan is None or spent is None or plan.value is None or spent.value is None:
            continue
        if spent.value <= plan.value + limit:
            continue
        what = f" for {aim.value}" if aim is not None else ""
        what_lv = f' mērķim "{PURPOSE_LV[aim]}"' if aim is not None else ""
        yield finding(
            "funding.actual-above-planned",
            f"{label}: actual {money(spent.value)} {cur}{what} is more than planned "
            f"{money(plan.value)} {cur} and the {money(limit)} {cur} the year before carried over",
            spent.span,
            lv=f"{label_lv}: faktiski {money(spent.value)} {cur}{what_lv} ir vairāk nekā plānotie "
            f"{money(plan.value)} {cur} un iepriekšējā gadā pārceltie {money(limit)} {cur}",
        )


def _stated(row: FundingYear, role: AmountRole) -> Decimal:
    """What the year says it carries over, returns or leaves in `role`: its totals (two
    sentences may each return a sum), or else its purpose lines."""
    totals = [a.value for a in row.amounts if a.role is role and a.purpose is None]
    if any(v is not None for v in totals):
        return sum((v for v in totals if v is not None), Decimal(0))
    return sum((a.value for a in row.lines(role) if a.value is not None), Decimal(0))


def _line(row: FundingYear, role: AmountRole, purpose: Purpose) -> Amount | None:
    return next((a for a in row.lines(role) if a.purpose is purpose), None)
