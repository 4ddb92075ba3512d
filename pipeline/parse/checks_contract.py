"""The funding over the whole contract ("Izlietotais finansējums kopā: 118 400,00 euro",
"Kopā par visu līguma periodu: plānots …, faktiski izlietoti …, atgriezti …") against the
years' sums. The funding reader hands those amounts on with the unread ones, each a
`ContractAmount` with its role, as the model has no place for them. They are compared only
when every year was read with certainty, the section holds no other amount left unread and
its rows cover every year of the contract (`_every_year`), so that the sum is all of the
years; an amount whose years' sum cannot be told is left unread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from pipeline.model import Amount, AmountRole, FundingYear, Problem, Report
from pipeline.parse.checks_carried import carried_in_remainders
from pipeline.parse.checks_money import money
from pipeline.parse.currencies import currency_at, one_currency
from pipeline.parse.funding_contract import ContractAmount
from pipeline.parse.text import SourcedText, SourceFile

_REMAINDERS = (AmountRole.CARRIED_OVER, AmountRole.RETURNED, AmountRole.REMAINDER)
# How a finding names each role's total, in English and in Latvian.
_WORDS = {
    AmountRole.ACTUAL: (
        "the years' actual totals",
        "the stated total spent over the contract",
        "gadu faktisko summu kopsumma",
        "norādītā visā līguma laikā izlietotā kopsumma",
    ),
    AmountRole.PLANNED: (
        "the years' planned totals",
        "the stated total planned for the contract",
        "gadu plānoto summu kopsumma",
        "norādītā visam līgumam plānotā kopsumma",
    ),
    AmountRole.RETURNED: (
        "the years' returned amounts",
        "the stated total returned over the contract",
        "gados atgriezto summu kopsumma",
        "norādītā visā līguma laikā atgrieztā kopsumma",
    ),
}


def contract_total(
    report: Report,
    unread: tuple[SourcedText, ...],
    missing: bool,
    source: SourceFile,
    finding: Callable[..., Problem],
) -> tuple[list[Problem], set[int]]:
    """The findings where a stated total over the contract is not the sum of the years'
    amounts of its role, and the unread pieces (by identity) that were compared, whose
    "could not be told" is then no longer so. Also the remainders of years whose money
    carried in is read beside the plan (`checks_carried`), which the row checks leave out."""
    problems = list(carried_in_remainders(report, source, finding))
    told: set[int] = set()
    for piece, summed, cur in _compared(report, unread, missing, source):
        if summed != piece.value:
            words = _WORDS[piece.role]
            problems.append(
                finding(
                    "funding.contract-total-mismatch",
                    f"{words[0]} add up to {money(summed)} {cur}, not {words[1]} "
                    f"{money(piece.value)} {cur}",
                    source.span_of(piece),
                    lv=f"{words[2]} ir {money(summed)} {cur}, nevis {words[3]} {money(piece.value)} {cur}",
                )
            )
        told.add(id(piece))
    return problems, told


def contract_totals(
    report: Report, unread: tuple[SourcedText, ...], missing: bool, source: SourceFile
) -> tuple[Amount, ...]:
    """The stated totals over the contract that are compared with the years' sums, as
    amounts of the model; any other is left unread (`contract_total` says so)."""
    return tuple(
        piece.as_amount(source) for piece, _, _ in _compared(report, unread, missing, source)
    )


def _compared(
    report: Report, unread: tuple[SourcedText, ...], missing: bool, source: SourceFile
) -> list[tuple[ContractAmount, Decimal, str]]:
    """Each stated total over the contract that is compared with its years' sum, that sum
    and their currency."""
    totals = [p for p in unread if isinstance(p, ContractAmount)]
    roles = [p.role for p in totals]
    if not totals or len(totals) != len(unread) or len(set(roles)) != len(roles):
        return []
    if missing or not report.funding or not all(row.compared for row in report.funding):
        return []
    if not _every_year(report):
        return []
    # Lati and euro are never added up: the years in one currency, the total in the same.
    cur = one_currency(tuple(a for row in report.funding for a in row.amounts))
    if cur is None:
        return []
    compared = []
    for piece in totals:
        summed = _years_sum(report.funding, piece.role)
        at = source.span_of(piece)
        if summed is None or currency_at(source.text, at.start, at.end) != cur:
            continue
        if summed != piece.value and _moved(report.funding, piece.role, summed - piece.value):
            continue  # a plan counting money moved between years: not told
        compared.append((piece, summed, cur))
    return compared


def _years_sum(rows: tuple[FundingYear, ...], role: AmountRole) -> Decimal | None:
    """The sum of the years' amounts of `role`, where it can be told: every year's planned
    or actual total read; the money returned only where every year says what became of
    all it did not spend (nothing left with no fate said)."""
    if role in (AmountRole.PLANNED, AmountRole.ACTUAL):
        values = [_of(row, role) for row in rows]
        if any(v is None for v in values):
            return None
        return sum((v for v in values if v is not None), Decimal(0))
    if role is not AmountRole.RETURNED or not all(_accounted(row) for row in rows):
        return None
    return sum((_of(row, role) or Decimal(0) for row in rows), Decimal(0))


def _of(row: FundingYear, role: AmountRole) -> Decimal | None:
    """A row's total of `role`, or the sum of its lines where no total is written."""
    total = row.total(role)
    if total is not None:
        return total.value
    lines = row.lines(role)
    if not lines or any(a.value is None for a in lines):
        return None
    return sum((a.value for a in lines if a.value is not None), Decimal(0))


def _accounted(row: FundingYear) -> bool:
    """Whether the year says what became of all it did not spend: its plan and money
    carried in, less its actual, is what it carries over and returns, none of it a
    remainder whose fate is not said."""
    planned, actual = _of(row, AmountRole.PLANNED), _of(row, AmountRole.ACTUAL)
    if planned is None or actual is None or (_of(row, AmountRole.REMAINDER) or 0) != 0:
        return False
    carried = _of(row, AmountRole.CARRIED_IN) or Decimal(0)
    if row.plan_complete and carried:
        carried = Decimal(0)  # a plan written as its sum with the money carried in
    left = sum((_of(row, r) or Decimal(0) for r in _REMAINDERS), Decimal(0))
    return planned + carried - actual == left


def _moved(rows: tuple[FundingYear, ...], role: AmountRole, difference: Decimal) -> bool:
    """Whether the years' plans may count money moved between them: a plan that takes in
    what the year before left ("Plānots 50 349,75 EUR", its 1 349,75 carried over from the
    year before) sums to more than the contract planned, by that money."""
    if role is not AmountRole.PLANNED:
        return False
    moved = [
        value
        for row in rows
        for r in (AmountRole.CARRIED_OVER, AmountRole.CARRIED_IN)
        if (value := _of(row, r))
    ]
    return bool(moved) and difference in (sum(moved, Decimal(0)), *moved)


def _every_year(report: Report) -> bool:
    """Whether the funding rows are of every year of the contract: of every implementation
    year the report lists, the last ending no earlier than the delegation period where both
    ends are known; or of every calendar year the delegation period touches. A section
    that leaves a year out sums to less than the contract."""
    period = report.delegation_period
    calendar = [row.calendar_year for row in report.funding]
    if period is not None and period.start is not None and period.end is not None:
        span = list(range(period.start.year, period.end.year + 1))
        if calendar == span:
            return True
    listed = {year.ordinal: year for year in report.years}
    if not listed or not listed.keys() <= {r.ordinal for r in report.funding}:
        return False
    ends: list[date] = []
    for row in report.funding:
        year = listed.get(row.ordinal) if row.ordinal is not None else None
        if row.period is not None and row.period.end is not None:
            ends.append(row.period.end)
        elif row.calendar_year is not None:
            ends.append(date(row.calendar_year, 12, 31))
        elif year is not None and year.period is not None and year.period.end is not None:
            ends.append(year.period.end)
    if period is None or period.end is None or not ends:
        return True
    return max(ends) >= period.end
