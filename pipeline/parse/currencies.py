"""The currency of each amount the funding section and the statements read.

Latvia paid in lati until 2014 (1 EUR = 0.702804 LVL): a report of 2012 or 2013 writes
"Ls 10 000,00" or "8 785,05 LVL", and one of the changeover year may write both
("plānots Ls 10 000,00 (14 228,72 EUR)"). The readers take an amount by its digits; the
words around it say which money it is:
- a lats or euro word right before or after the amount ("Ls 12 000,00", "12 000,00 LVL",
  "plānots (Ls): 12 000,00", the word wrapped to the next line);
- else the currency the section names for all its amounts ("Plānots, Ls" in a table's
  header, "Finansējums norādīts latos"), where it names only one;
- else euro, except in a section that names both: there an amount with no word beside it
  could be either, and its row is compared with nothing.
Lati are never converted: the report's own figure is kept, in its own currency, and a row's
sums are compared only where its amounts are in one currency.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.model import Amount, FundingYear, Statement
from pipeline.parse.latvian import CURRENCY
from pipeline.parse.text import SourceFile

EURO, LATS = "EUR", "LVL"
#: "Ls", "LVL", "lati", "latu", "latos", "latiem", "lats" (not "latviešu", "Latvija").
_LATS_WORD = r"(?:Ls|LVL|lat(?:i|u|os|iem|s))(?!\w)"
_GAP = r"[ \u00a0]*\n?[ \u00a0]*"  # spaces, and at most one line break (a wrapped unit)
_AFTER = re.compile(rf"{_GAP}(?:(?P<lats>{_LATS_WORD})|(?P<euro>{CURRENCY}))", re.I)
_BEFORE = re.compile(
    rf"(?<!\w)\(?(?:(?P<lats>Ls|LVL)|(?P<euro>EUR|€))\.?\)?[ \u00a0]*[:–-]?{_GAP}$", re.I
)
_LATS = re.compile(rf"(?<!\w){_LATS_WORD}", re.I)
_EURO = re.compile(rf"(?<!\w)(?:{CURRENCY})", re.I)


def with_currencies(
    rows: tuple[FundingYear, ...], source: SourceFile, section: str = ""
) -> tuple[FundingYear, ...]:
    """`rows` with each amount's currency as the words around it say; `section` is the
    funding section's text (the currency it names for all its amounts)."""
    named = section_currency(section)
    return tuple(_row(row, source, named) for row in rows)


def section_currency(text: str) -> str | None:
    """The one currency a text names ("EUR" where it names none); None where it names both."""
    lats, euro = bool(_LATS.search(text)), bool(_EURO.search(text))
    if lats and euro:
        return None
    return LATS if lats else EURO


def statement_currency(statement: Statement | None, source: SourceFile) -> Statement | None:
    """`statement` with the currency of the amount it states (none where it states none)."""
    if statement is None or statement.amount is None:
        return statement
    span = statement.amount.span
    beside = _beside(source.text, span.start, span.end)
    inside = section_currency(source.text[span.start : span.end])
    currency = beside or (inside if inside is not None else EURO)
    return replace(statement, currency=currency)


def one_currency(amounts: tuple[Amount, ...]) -> str | None:
    """The currency all `amounts` with a value share; None when they mix two."""
    found = {a.currency for a in amounts if a.value is not None}
    if len(found) > 1:
        return None
    return found.pop() if found else EURO


def _row(row: FundingYear, source: SourceFile, named: str | None) -> FundingYear:
    unsure = False
    amounts = []
    for amount in row.amounts:
        currency = _currency(amount, source)
        if currency is None:
            currency, unsure = named or EURO, unsure or named is None
        amounts.append(
            amount if currency == amount.currency else replace(amount, currency=currency)
        )
    # A plan in lati beside its spending in euro ("plānots Ls 10 000,00; faktiski 14 228,72
    # EUR") is one sum written in two moneys: no difference of the two is the report's. Nor
    # is one of an amount whose money could be either.
    compared = row.compared and not unsure and one_currency(tuple(amounts)) is not None
    if compared == row.compared and all(a is b for a, b in zip(amounts, row.amounts, strict=True)):
        return row
    return replace(row, amounts=tuple(amounts), compared=compared)


def _currency(amount: Amount, source: SourceFile) -> str | None:
    """The currency the words beside `amount` name; None where none stands beside it."""
    if amount.value is None or not amount.text:
        return EURO
    # The span covers the amount and the words read with it: the amount is where its
    # text first stands in it.
    span = amount.span
    # The amount as written may hold no-break spaces where its text has plain ones.
    spaced = r"[ \u00a0\u202f]".join(re.escape(part) for part in amount.text.split(" "))
    found = re.compile(spaced).search(source.text, span.start, span.end)
    if found is None:
        return EURO
    return _beside(source.text, found.start(), found.end())


def currency_at(text: str, start: int, end: int) -> str:
    """The currency of the amount written at `text[start:end]`: the word beside it, else
    the one its own text names (euro where it names none or both)."""
    return _beside(text, start, end) or section_currency(text[start:end]) or EURO


def _beside(text: str, start: int, end: int) -> str | None:
    for found in (_AFTER.match(text, end), _BEFORE.search(text[max(0, start - 16) : start])):
        if found is not None:
            return LATS if found.group("lats") else EURO
    return None
