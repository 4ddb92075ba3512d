"""The checks of one funding row: its lines against their totals, actual against planned,
and planned minus actual against what the report carries over, returns or leaves, for the
row and for each purpose. Only rows read with certainty are checked (`FundingYear.compared`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from pipeline.model import Amount, AmountRole, FundingYear, Problem, Purpose
from pipeline.parse.checks_money import money
from pipeline.parse.currencies import one_currency

_ROLE_LV = {
    AmountRole.PLANNED: "plānotās",
    AmountRole.ACTUAL: "faktiskās",
    AmountRole.CARRIED_OVER: "pārceltās",
    AmountRole.CARRIED_IN: "saņemtās",
    AmountRole.RETURNED: "atgrieztās",
    AmountRole.REMAINDER: "atlikuma",
    AmountRole.REPORTED: "norādītās",
}
PURPOSE_LV = {
    Purpose.CIVIL_SOCIETY: "pilsoniskās sabiedrības attīstībai",
    Purpose.MINORITY_NGOS: "mazākumtautību NVO",
}


_REMAINDER_ROLES = (AmountRole.CARRIED_OVER, AmountRole.RETURNED, AmountRole.REMAINDER)


def row_labels(row: FundingYear) -> tuple[str, str]:
    """How a finding names a funding row, in English and in Latvian."""
    if row.calendar_year is not None:
        return f"calendar year {row.calendar_year}", f"{row.calendar_year}. kalendārais gads"
    if row.ordinal is not None:
        return f"year {row.ordinal}", f"{row.ordinal}. gads"
    if row.period is not None:
        return row.period.text, row.period.text
    return "an unidentified year", "nenoteikts gads"


def _value(amount: Amount | None) -> Decimal | None:
    return amount.value if amount is not None else None


def funding_row(row: FundingYear, finding: Callable[..., Problem]) -> Iterator[Problem]:
    cur = one_currency(row.amounts)
    if cur is None:
        return  # lati beside euro: no sum of the two is the report's
    label, label_lv = row_labels(row)
    for role in AmountRole:
        total, lines = row.total(role), row.lines(role)
        if total is None or total.value is None or not lines or role in (AmountRole.CARRIED_IN,):
            continue
        if role is AmountRole.PLANNED and not row.plan_complete:
            continue  # its lines may spread what was carried in beside it
        summed = sum((a.value for a in lines if a.value is not None), Decimal(0))
        if summed != total.value:
            yield finding(
                "funding.sum-mismatch",
                f"{label}: the {role.value} lines add up to {money(summed)} {cur}, not the stated total {money(total.value)} {cur}",
                total.span,
                lv=f"{label_lv}: {_ROLE_LV[role]} summas rindu summa ir {money(summed)} {cur}, nevis norādītā kopsumma {money(total.value)} {cur}",
            )
    if not row.plan_complete:
        return  # what could be spent is not written: no overspend, no remainder to check
    planned_total, actual_total = row.total(AmountRole.PLANNED), row.total(AmountRole.ACTUAL)
    planned, actual = _value(planned_total), _value(actual_total)
    if planned is not None and actual is not None and actual_total is not None:
        if actual > planned:
            yield finding(
                "funding.actual-above-planned",
                f"{label}: actual {money(actual)} {cur} is more than planned {money(planned)} {cur}",
                actual_total.span,
                lv=f"{label_lv}: faktiski {money(actual)} {cur} ir vairāk nekā plānotie {money(planned)} {cur}",
            )
        # Every total of a role counts: two sentences may each return a sum (the consistency
        # shapes count them so too).
        stated = Decimal(0)
        for role in _REMAINDER_ROLES:
            totals = [a.value for a in row.amounts if a.role is role and a.purpose is None]
            if any(v is not None for v in totals):
                stated += sum((v for v in totals if v is not None), Decimal(0))
            else:
                stated += sum((a.value for a in row.lines(role) if a.value is not None), Decimal(0))
        # A total marked with a footnote ("41 236,75 euro¹") may say in the note what became
        # of the difference: with no remainder stated here, its absence is no contradiction.
        footnoted = any(_FOOTNOTE_MARK.search(a.label) for a in row.amounts)
        if planned - actual != stated and not (footnoted and not _remainders(row)):
            yield finding(
                "funding.remainder-mismatch",
                f"{label}: planned minus actual is {money(planned - actual)} {cur}, but the report carries over, "
                f"returns or leaves {money(stated)} {cur}",
                actual_total.span,
                lv=f"{label_lv}: plānotais mīnus faktiskais ir {money(planned - actual)} {cur}, bet kopsavilkumā pārcelti, atgriezti vai atlikuši {money(stated)} {cur}",
            )
    yield from _per_purpose(row, label, cur, finding)


_FOOTNOTE_MARK = re.compile("[¹²³⁴⁵⁶⁷⁸⁹⁰]")


def _remainders(row: FundingYear) -> bool:
    return any(a.role in _REMAINDER_ROLES for a in row.amounts)


def _per_purpose(
    row: FundingYear, label: str, cur: str, finding: Callable[..., Problem]
) -> Iterator[Problem]:
    label_lv = row_labels(row)[1]

    def line(role: AmountRole, purpose: Purpose) -> Amount | None:
        return next(
            (a for a in row.lines(role) if a.purpose is purpose and a.value is not None), None
        )

    broken_down = any(a.purpose is not None for r in _REMAINDER_ROLES for a in row.lines(r))
    for purpose in Purpose:
        planned, actual = line(AmountRole.PLANNED, purpose), line(AmountRole.ACTUAL, purpose)
        if planned is None or actual is None:
            continue
        assert planned.value is not None and actual.value is not None
        if actual.value > planned.value:
            yield finding(
                "funding.actual-above-planned",
                f"{label}: actual {money(actual.value)} {cur} for {purpose.value} is more than planned {money(planned.value)} {cur}",
                actual.span,
                lv=f'{label_lv}: faktiski {money(actual.value)} {cur} mērķim "{PURPOSE_LV[purpose]}" ir vairāk nekā plānotie {money(planned.value)} {cur}',
            )
        if broken_down:
            stated = sum(
                (
                    a.value
                    for r in _REMAINDER_ROLES
                    for a in row.lines(r)
                    if a.purpose is purpose and a.value is not None
                ),
                Decimal(0),
            )
            if planned.value - actual.value != stated:
                yield finding(
                    "funding.remainder-mismatch",
                    f"{label}: for {purpose.value}, planned minus actual is {money(planned.value - actual.value)} {cur}, "
                    f"but the report carries over, returns or leaves {money(stated)} {cur}",
                    actual.span,
                    lv=f'{label_lv}: mērķim "{PURPOSE_LV[purpose]}" plānotais mīnus faktiskais ir {money(planned.value - actual.value)} {cur}, bet pārcelti, atgriezti vai atlikuši {money(stated)} {cur}',
                )
