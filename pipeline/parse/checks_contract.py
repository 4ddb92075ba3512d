"""The money spent over the whole contract ("Izlietotais finansējums kopā: 118 400,00 euro")
against the years' actual totals. The funding reader leaves that amount unread, as the
model has no place for it; it is compared only when every year's actual was read with
certainty, the section holds no other amount left unread and its rows cover every
implementation year the report lists (up to the end of the delegation period, where both
are known), so that the sum is all of the years.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from pipeline.model import AmountRole, Problem, Report
from pipeline.parse.checks_money import money
from pipeline.parse.funding_contract import opens_paragraph, states_contract_total
from pipeline.parse.funding_words import MONEY_IN_TEXT, amount_value
from pipeline.parse.text import SourcedText, SourceFile


def contract_total(
    report: Report,
    unread: tuple[SourcedText, ...],
    missing: bool,
    source: SourceFile,
    finding: Callable[..., Problem],
) -> tuple[list[Problem], set[int]]:
    """The finding when the stated total over the contract is not the sum of the years'
    actual totals, and the unread pieces (by identity) that were compared, whose "could not
    be told" is then no longer so."""
    totals = [p for p in unread if _states_total(p, source)]
    if len(totals) != 1 or len(unread) != 1 or missing or not report.funding:
        return [], set()
    piece = totals[0]
    found = MONEY_IN_TEXT.search(piece.text)
    actuals = [row.total(AmountRole.ACTUAL) for row in report.funding]
    values = [a.value for a in actuals if a is not None and a.value is not None]
    if found is None or len(values) != len(actuals):
        return [], set()
    if not all(row.compared for row in report.funding) or not _every_year(report):
        return [], set()
    stated, summed = amount_value(found.group("amount")), sum(values, Decimal(0))
    if stated == summed:
        return [], {id(piece)}
    problem = finding(
        "funding.contract-total-mismatch",
        f"the years' actual totals add up to {money(summed)} EUR, not the stated total "
        f"spent over the contract {money(stated)} EUR",
        source.span_of(piece),
        lv=f"gadu faktisko summu kopsumma ir {money(summed)} EUR, nevis norādītā visā "
        f"līguma laikā izlietotā kopsumma {money(stated)} EUR",
    )
    return [problem], {id(piece)}


def _states_total(piece: SourcedText, source: SourceFile) -> bool:
    span = source.span_of(piece)
    text = source.text
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    after = text[span.end : line_end if line_end >= 0 else len(text)]
    above = text[:line_start].split("\n")[:-1]
    if states_contract_total(text[line_start : span.start], after):
        return opens_paragraph(above)
    # its words begun on the line before (see `funding_contract.without_contract_total`)
    if line_start == 0:
        return False
    previous = text.rfind("\n", 0, line_start - 1) + 1
    return states_contract_total(text[previous : span.start], after) and opens_paragraph(above[:-1])


def _every_year(report: Report) -> bool:
    """Whether the funding rows are of every implementation year the report lists, and the
    last of them ends no earlier than the delegation period where both ends are known: a
    section that leaves a year out sums to less than the contract spent."""
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
    period = report.delegation_period
    if period is None or period.end is None or not ends:
        return True
    return max(ends) >= period.end
