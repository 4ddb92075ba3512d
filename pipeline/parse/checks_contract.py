"""The money spent over the whole contract ("Izlietotais finansējums kopā: 118 400,00 euro")
against the years' actual totals. The funding reader leaves that amount unread, as the
model has no place for it; it is compared only when every year's actual was read with
certainty and the section holds no other amount left unread, so that the sum is all of the
years the report lists.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from pipeline.model import AmountRole, Problem, Report
from pipeline.parse.checks_money import money
from pipeline.parse.funding_contract import states_contract_total
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
    if not all(row.compared for row in report.funding):
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
    if states_contract_total(text[line_start : span.start], after):
        return True
    # its words begun on the line before (see `funding_contract.without_contract_total`)
    if line_start == 0:
        return False
    previous = text.rfind("\n", 0, line_start - 1) + 1
    return states_contract_total(text[previous : span.start], after)
