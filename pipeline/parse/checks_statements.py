"""The two answers about irregular expenditure against each other: the amount not recovered
of it ("Neatgūto līdzekļu apmērs …: 1 450,00 euro") cannot be more than the irregular
expenditure itself ("1 250,00 euro (t.sk. PVN 216,94 euro) – …"). Compared only when each
answer states one amount, read with certainty: neither answer writes one in thousands
("1,25 tūkst. euro", rounded, its true figure not written), and both are in one currency.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from pipeline.model import Problem, Report
from pipeline.parse.checks_money import money
from pipeline.parse.statements import names_rounded


def unrecovered_above_irregular(
    report: Report, finding: Callable[..., Problem]
) -> Iterator[Problem]:
    irregular, unrecovered = report.irregular_expenditure, report.unrecovered_amount
    if irregular is None or unrecovered is None:
        return
    spent, left = irregular.value, unrecovered.value
    if spent is None or left is None or unrecovered.amount is None or irregular.amount is None:
        return
    if names_rounded(irregular.text.value) or names_rounded(unrecovered.text.value):
        return
    cur = irregular.currency
    if cur != unrecovered.currency:
        return  # lati against euro: neither is the other's part as written
    if left > spent:
        yield finding(
            "irregular.unrecovered-above-irregular",
            f"the amount not recovered, {money(left)} {cur}, is more than the irregular "
            f"expenditure, {money(spent)} {cur}",
            unrecovered.amount.span,
            lv=f"neatgūtie līdzekļi {money(left)} {cur} ir vairāk nekā neatbilstoši veiktie "
            f"izdevumi {money(spent)} {cur}",
        )
