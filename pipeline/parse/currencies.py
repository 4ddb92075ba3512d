"""The currency of each amount the funding section and the statements read.

Latvia paid in lati until 2014 (1 EUR = 0.702804 LVL): a report of 2012 or 2013 writes
"Ls 10 000,00" or "8 785,05 LVL", and one of the changeover year may write both
("plānots Ls 10 000,00 (14 228,72 EUR)"). The readers take an amount by its digits; the
word beside it says which money it is. An amount is euro unless a lats word stands right
before or after it. Lati are never converted: the report's own figure is kept, in its own
currency, and a row's sums are compared only where its amounts are in one currency.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.model import Amount, FundingYear, Statement
from pipeline.parse.text import SourceFile

LATS = "LVL"
_LETTER = r"\wāčēģīķļņšūž"
#: "Ls", "LVL", "lati", "latu", "latos", "lats" after the amount (not "latviešu").
_AFTER = re.compile(rf"[ \u00a0]*(?:Ls|LVL|lat(?:i|u|os|s))(?![{_LETTER}])", re.I)
_WORD = re.compile(rf"(?<![{_LETTER}])(?:Ls|LVL|lat(?:i|u|os|s))(?![{_LETTER}])", re.I)
#: "Ls 10 000,00", "LVL 500" before it.
_BEFORE = re.compile(rf"(?<![{_LETTER}])(?:Ls|LVL)\.?[ \u00a0]*$", re.I)


def with_currencies(rows: tuple[FundingYear, ...], source: SourceFile) -> tuple[FundingYear, ...]:
    """`rows` with each amount's currency as the words beside it say."""
    return tuple(_row(row, source) for row in rows)


def statement_currency(statement: Statement | None, source: SourceFile) -> Statement | None:
    """`statement` with the currency of the amount it states."""
    if statement is None or statement.amount is None:
        return statement
    span = statement.amount.span
    inside = source.text[span.start : span.end]
    if _lats_beside(source.text, span.start, span.end) or _WORD.search(inside):
        return replace(statement, currency=LATS)
    return statement


def one_currency(amounts: tuple[Amount, ...]) -> str | None:
    """The currency all `amounts` with a value share; None when they mix two."""
    found = {a.currency for a in amounts if a.value is not None}
    if len(found) > 1:
        return None
    return found.pop() if found else "EUR"


def _row(row: FundingYear, source: SourceFile) -> FundingYear:
    amounts = tuple(_amount(a, source) for a in row.amounts)
    if all(a is b for a, b in zip(amounts, row.amounts, strict=True)):
        return row
    # A plan in lati beside its spending in euro ("plānots Ls 10 000,00; faktiski 14 228,72
    # EUR") is one sum written in two moneys: no difference of the two is the report's.
    compared = row.compared and one_currency(amounts) is not None
    return replace(row, amounts=amounts, compared=compared)


def _amount(amount: Amount, source: SourceFile) -> Amount:
    if amount.value is None or not amount.text:
        return amount
    # The span covers the amount and the words read with it: the amount is where its
    # text first stands in it.
    span = amount.span
    at = source.text.find(amount.text, span.start, span.end)
    if at < 0:
        return amount
    if _lats_beside(source.text, at, at + len(amount.text)):
        return replace(amount, currency=LATS)
    return amount


def _lats_beside(text: str, start: int, end: int) -> bool:
    return bool(_AFTER.match(text, end) or _BEFORE.search(text[max(0, start - 8) : start]))
